"""Compare two snapshots of `scripts/snapshot.py`: F1 per set and mode, lost pages, and what moved.

    python scripts/snapshot_compare.py ../shared/bench before.jsonl after.jsonl [-v] [--idempotence]

Scores each output against the set's `articleBody` with the bench's own bag-of-words F1
(`bench/text_mode.py`): modes "html" (the page cleaned as HTML), "text" (its full text dump, default
chain) and "dump" (`DUMP_CHAIN`). Prints one row per mode and set: mean F1 before -> after, pages lost
(F1 < 0.3) before -> after, outputs whose text moved, and how many of those rose or fell. `-v` lists
every page whose F1 moved, worst first. `--idempotence` cleans every output of the second snapshot
again (HTML outputs as text, text outputs with their own chain) and counts the ones that change: it
must be 0. Fixtures (ids `fixture/...`) are counted as moved or not, never scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from text_mode import bag, f1  # noqa: E402

LOST = 0.3


def read(path: Path) -> dict[str, dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        return {row["id"]: row for row in map(json.loads, lines)}


def split(key: str) -> tuple[str, str, str]:
    """(mode, set, page id) of a snapshot id: "text/modern/0001", "modern/0001.html.gz", "fixture/x"."""
    parts = key.split("/")
    if parts[0] in ("text", "dump"):
        return parts[0], parts[1], "/".join(parts[2:])
    if parts[0] == "fixture":
        return "fixture", "fixture", "/".join(parts[1:])
    return "html", parts[0], "/".join(parts[1:]).removesuffix(".html.gz")


def truths(bench: Path, sets: set[str]) -> dict[tuple[str, str], str]:
    bodies = {}
    for name in sorted(sets):
        truth = json.loads((bench / name / "ground-truth.json").read_text(encoding="utf-8"))
        bodies.update({(name, page): row.get("articleBody") or "" for page, row in truth.items()})
    return bodies


def compare(
    bench: Path, before: dict[str, dict[str, object]], after: dict[str, dict[str, object]], verbose: bool
) -> None:
    shared = sorted(before.keys() & after.keys())
    only = len(before.keys() ^ after.keys())
    body = truths(bench, {split(k)[1] for k in shared} - {"fixture"})
    groups: dict[tuple[str, str], list[tuple[str, float, float, bool]]] = defaultdict(list)
    for key in shared:
        mode, name, page = split(key)
        a, b = str(before[key]["text"]), str(after[key]["text"])
        if mode == "fixture":
            groups[mode, name].append((key, 0.0, 0.0, a != b))
            continue
        truth = body.get((name, page), "")
        if not bag(truth):
            continue  # no article to score against (the bench sets skip such pages too)
        groups[mode, name].append((key, f1(a, truth), f1(b, truth), a != b))
    print(
        f"{'mode':<8}{'set':<13}{'pages':>6}  {'F1 before -> after':<20}{'lost before -> after':<22}moved (up/down)"
    )
    for (mode, name), rows in sorted(groups.items()):
        n = len(rows)
        moved = [r for r in rows if r[3]]
        up = sum(r[2] > r[1] + 1e-9 for r in moved)
        down = sum(r[2] < r[1] - 1e-9 for r in moved)
        if mode == "fixture":
            print(f"{mode:<8}{name:<13}{n:>6}  {'':<20}{'':<22}{len(moved)}")
            continue
        fa, fb = sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n
        la, lb = sum(r[1] < LOST for r in rows) / n, sum(r[2] < LOST for r in rows) / n
        print(
            f"{mode:<8}{name:<13}{n:>6}  {fa:.4f} -> {fb:.4f}  {la:6.1%} -> {lb:6.1%}    {len(moved)} ({up}/{down})"
        )
    if only:
        print(f"{only} ids are in one snapshot only")
    if verbose:
        moved = [r for rows in groups.values() for r in rows if r[3]]
        for page_key, old, new, _ in sorted(moved, key=lambda r: (r[2] - r[1], r[0])):
            print(f"{new - old:+.4f}  {old:.3f} -> {new:.3f}  {page_key}")


def idempotence(after: dict[str, dict[str, object]]) -> int:
    """How many outputs change when cleaned again (HTML and fixture outputs as text)."""
    from cleanmedia import clean
    from cleanmedia.cleaners import DUMP_CHAIN

    changed = 0
    for key, row in sorted(after.items()):
        text = str(row["text"])
        again = (
            clean(text, input_format="text", chain=DUMP_CHAIN)
            if key.startswith("dump/")
            else clean(text, input_format="text")
        )
        if again != text:
            changed += 1
            print(f"not idempotent: {key}")
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="the shared bench folder (../shared/bench)")
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every page whose text moved")
    parser.add_argument(
        "--idempotence", action="store_true", help="clean the second snapshot's outputs again"
    )
    args = parser.parse_args()
    after = read(args.after)
    compare(args.bench, read(args.before), after, args.verbose)
    if args.idempotence:
        changed = idempotence(after)
        print(f"idempotence: {changed} of {len(after)} outputs changed when cleaned again")
        sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
