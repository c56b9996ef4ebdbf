"""Clean text stays clean: the share of real, already-clean paragraphs that a word-changing repair changes.

Paragraphs: `real_paragraphs.py` (article bodies of ../shared/bench, Debian Reference, Debian Handbook,
GNOME help, in en de fr es it pt nl; installed Debian packages, nothing downloaded). Grouped ten to a
document (document-level evidence such as brand consensus needs company), cleaned with the default
chain and the language given. A paragraph counts as changed when a repair cleaner (`cleaners.REPAIRS`:
not layout, typography, entities, furniture or flags) edits it. Every change is listed with its cleaner
(`--list FILE`) so that a reviewer can see whether the source had a real typo. Target (issue 13): at
most 0.2% overall and in every language.

    python bench/clean_text_stability.py --shared ../shared/bench [--cache /tmp/paras.json] [--list changes.txt]
        [--offset 400 | --offset 800 | --fresh 3 --per-source 1000 | --fresh 4 --per-source 1000 --fresh-folder F]

Sets (docs/cleaners.md, "Repairs on real text"): dev (offset 0), held-out 1 (400), held-out 2 (800),
held-out 3 (the Debian installation guide), held-out 4 (the LibreOffice help), 5 (the GIMP manual), 6 (the
manual pages), 9 (the LilyPond and Debian Edu manuals): `real_paragraphs.py` says which packages and where.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from real_paragraphs import add_arguments, load_from

from cleanmedia import clean_and_explain
from cleanmedia.cleaners import REPAIRS


def changed(paragraphs: list[str], lang: str) -> list[tuple[str, str, str]]:
    """(cleaner, before -> after, paragraph) for each repair edit of a clean paragraph."""
    out = []
    for i in range(0, len(paragraphs), 10):
        group = paragraphs[i : i + 10]
        result = clean_and_explain("\n\n".join(group) + "\n", lang=lang)
        for e in result.edits:
            if e.cleaner in REPAIRS and not e.flag:
                para = group[min(e.line // 2, len(group) - 1)]
                out.append((e.cleaner, f"{e.before!r} -> {e.after!r} [{e.reason}]", para))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_arguments(parser)
    parser.add_argument("--list", type=Path, help="write every change, with its cleaner and paragraph")
    args = parser.parse_args()
    data = load_from(args)
    total = total_changed = 0
    by_cleaner: Counter[str] = Counter()
    listing = []
    for lang, by_source in data.items():
        n = n_changed = 0
        lang_cleaners: Counter[str] = Counter()
        for source, paragraphs in by_source.items():
            edits = changed(paragraphs, lang)
            hit = {p for _, _, p in edits}
            n += len(paragraphs)
            n_changed += len(hit)
            for cleaner, what, para in edits:
                lang_cleaners[cleaner] += 1
                listing.append(f"{lang} {source} [{cleaner}] {what}\n    {para}")
            print(f"  {lang} {source:22s} {len(paragraphs):5d} paragraphs, {len(hit):3d} changed")
        total += n
        total_changed += n_changed
        by_cleaner.update(lang_cleaners)
        cleaners = ", ".join(f"{c} {k}" for c, k in lang_cleaners.most_common()) or "-"
        print(
            f"{lang}  {n:5d} paragraphs  changed {n_changed:3d} ({n_changed / max(n, 1):.2%})  edits: {cleaners}"
        )
    print(
        f"all {total} paragraphs, {total_changed} changed ({total_changed / max(total, 1):.2%}); target <= 0.20%"
    )
    print("edits per cleaner: " + (", ".join(f"{c} {k}" for c, k in by_cleaner.most_common()) or "-"))
    if args.list:
        args.list.write_text("\n".join(listing) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
