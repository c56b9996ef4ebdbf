"""Fit the extraction's fallback thresholds leave-one-set-out, and print held-out beside in-sample scores.

The thresholds (cleanmedia.extract: PROSE_SHARE, PROSE_CORE, LOSS_SHARE) are chosen on a small grid. For
each set of ../shared/bench, the grid point with the best mean F1 over the *other* sets is scored on that
set (held-out); the in-sample row is the grid point best over all sets, scored on each. A threshold whose
held-out score is far below its in-sample score does not generalise. Per-page scores of each grid point
are cached under /tmp/cleanmedia-bench/fit (keyed by the grid point and the source of extract.py).

    python bench/fit_extraction.py ../shared/bench
    python bench/fit_extraction.py ../shared/bench --limit 100     # quick
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extraction import LOST, f1, load, set_folders  # noqa: E402

import cleanmedia.extract as cm_extract  # noqa: E402

GRID = {
    "PROSE_SHARE": [0.0, 0.2, 0.3, 0.45],  # 0: no fallback
    "PROSE_CORE": [0.5, 0.6, 0.75],
    "LOSS_SHARE": [0.5, 1.1],  # 1.1: furniture rules may take all of the chosen block's prose
}
CURRENT = {name: getattr(cm_extract, name) for name in GRID}
SOURCE = hashlib.sha1(Path(cm_extract.__file__).read_bytes()).hexdigest()[:10]


def scores(
    point: dict[str, float], folders: list[Path], limit: int | None, cache: Path
) -> dict[str, list[float]]:
    """Per-page F1 of every set with the thresholds of `point`."""
    key = "-".join(f"{k}={v}" for k, v in sorted(point.items()))
    path = cache / f"{SOURCE}-{key}-{limit}.json"
    if path.exists():
        cached: dict[str, list[float]] = json.loads(path.read_text(encoding="utf-8"))
        if all(f.name in cached for f in folders):
            return cached
    for name, value in point.items():
        setattr(cm_extract, name, value)
    result = {
        folder.name: [f1(cm_extract.extract(html).text, truth) for _, html, truth in load(folder, limit)]
        for folder in folders
    }
    for name, value in CURRENT.items():
        setattr(cm_extract, name, value)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result), encoding="utf-8")
    return result


def objective(result: dict[str, list[float]], sets: list[str]) -> float:
    """Mean over the sets of the mean F1 (each set weighs the same)."""
    return statistics.mean(statistics.mean(result[s]) for s in sets)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--sets")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleanmedia-bench/fit"))
    args = parser.parse_args()
    folders = set_folders(args.root, args.sets.split(",") if args.sets else None)
    names = [f.name for f in folders]
    points = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    results = []
    for i, point in enumerate(points):
        result = scores(point, folders, args.limit, args.cache)
        results.append((point, result))
        print(f"{i + 1}/{len(points)} {point} {objective(result, names):.4f}", file=sys.stderr, flush=True)
    best_all = max(results, key=lambda pr: objective(pr[1], names))
    shipped = next(r for p, r in results if p == CURRENT)
    print(f"in-sample best: {best_all[0]}; shipped: {CURRENT}")
    held_out: dict[str, dict[str, float]] = {}
    print(
        f"{'set':12s} {'held-out point':52s} {'held-out F1':>11s} {'in-sample F1':>12s} {'shipped F1':>10s} {'lost (held-out)':>15s}"
    )
    for held in names:
        others = [n for n in names if n != held]
        point, result = max(results, key=lambda pr: objective(pr[1], others))
        held_out[held] = point
        values = result[held]
        lost = sum(v < LOST for v in values) / len(values)
        print(
            f"{held:12s} {json.dumps(point):52s} {statistics.mean(values):11.3f} "
            f"{statistics.mean(best_all[1][held]):12.3f} {statistics.mean(shipped[held]):10.3f} {100 * lost:14.1f}%"
        )
    if not args.limit and len(names) > 1:  # what bench/extraction.py runs as its held-out rows
        (args.cache / "held-out.json").write_text(json.dumps(held_out), encoding="utf-8")


if __name__ == "__main__":
    main()
