"""Precision and recall of boilerplate line removal: on the seeds (the 31 furniture lines DEFECTS.md lists)
and on the injection set (clean articles of seven languages with furniture of many site styles), and on
held-out styles written after the phrase lists were frozen (never used to tune the rules).

    python bench/boilerplate_quality.py
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from cleanmedia import clean_and_explain  # noqa: E402
from injection import documents  # noqa: E402

#: DEFECTS.md: "Boilerplate lines in the seeds (31 of 96 non-empty lines)", 1-based line numbers.
SEED_FURNITURE = {
    "001_e20fdf1390dc8dd6.txt": [1, 7, 47],
    "003_fafa42f00c580f57.txt": [3, 4, 5, 7, *range(37, 68)],
}
REMOVERS = ("boilerplate", "repeated_lines")


def removed_lines(text: str) -> Counter[str]:
    result = clean_and_explain(text)
    return Counter(
        " ".join(line.split())
        for e in result.edits
        if e.cleaner in REMOVERS and e.kind == "remove"
        for line in e.before.split("\n")
        if line.strip()
    )


def score(truth: Counter[str], removed: Counter[str]) -> tuple[int, int, int]:
    hit = sum((truth & removed).values())
    return hit, sum(removed.values()), sum(truth.values())


def report(name: str, hit: int, removed: int, truth: int) -> None:
    precision = hit / removed if removed else 1.0
    recall = hit / truth if truth else 1.0
    print(
        f"{name:28s} furniture lines {truth:4d}  removed {removed:4d}  precision {precision:.3f}  recall {recall:.3f}"
    )


def main() -> None:
    total = [0, 0, 0]
    for seed in sorted((ROOT / "seeds").glob("0*.txt")):
        lines = seed.read_text(encoding="utf-8").split("\n")
        truth = Counter(
            " ".join(lines[n - 1].split()) for n in SEED_FURNITURE.get(seed.name, []) if lines[n - 1].strip()
        )
        hit, removed, expected = score(truth, removed_lines(seed.read_text(encoding="utf-8")))
        total = [a + b for a, b in zip(total, (hit, removed, expected), strict=True)]
    report("seeds (5 documents)", *total)
    held_out = [0, 0, 0]
    for doc in documents(held_out=True):
        truth = Counter(line.strip() for line in doc.injected_lines)
        held_out = [a + b for a, b in zip(held_out, score(truth, removed_lines(doc.text)), strict=True)]
    by_lang: dict[str, list[int]] = {}
    for doc in documents():
        truth = Counter(line.strip() for line in doc.injected_lines)
        counts = score(truth, removed_lines(doc.text))
        by_lang[doc.lang] = [a + b for a, b in zip(by_lang.get(doc.lang, [0, 0, 0]), counts, strict=True)]
    overall = [0, 0, 0]
    for code, sums in by_lang.items():
        report(f"injected, {code}", *sums)
        overall = [a + b for a, b in zip(overall, sums, strict=True)]
    report("injected, all languages", *overall)
    report("held-out styles (en, fr)", *held_out)


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    main()
