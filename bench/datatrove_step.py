"""The datatrove step's time per document beside datatrove's own trafilatura extractor, in one pipeline.

Two pipelines over the pages of the benchmark sets (HTML in each Document's text), run in this process:
  A: Trafilatura() -> CleanmediaStep(input_format="text")   (datatrove's extractor, then cleanmedia's repairs)
  B: CleanmediaStep()                                       (cleanmedia extracts and cleans the HTML itself)
Each step's time comes from datatrove's own per-step timing (`track_time`); ms/doc is its mean, in a
second round (the first loads word lists and caches).

    python bench/datatrove_step.py ../shared/bench/scrapinghub --pages 181
"""

from __future__ import annotations

import argparse
import gzip
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any


def documents(folders: list[Path], limit: int) -> Iterator[Any]:
    from datatrove.data import Document

    pages = (p for folder in folders for p in sorted((folder / "html").glob("*.html.gz")))
    for page in islice(pages, limit):
        yield Document(text=gzip.decompress(page.read_bytes()).decode("utf-8", "replace"), id=page.name)


def timed(steps: list[Any], docs: Iterator[Any]) -> list[tuple[str, float, int]]:
    """Run `steps` over `docs`; (step, ms/doc, documents out) per step."""
    data: Any = docs
    for step in steps:
        data = step.run(data)
    out = sum(1 for _ in data)
    rows = []
    for step in steps:
        timing = step.stats.time_stats
        rows.append((type(step).__name__, 1000 * timing.mean, out))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", type=Path, nargs="+", help="page sets (each with html/*.html.gz)")
    parser.add_argument("--pages", type=int, default=181)
    args = parser.parse_args()
    from datatrove.pipeline.extractors import Trafilatura  # optional: imported once the arguments are good

    from cleanmedia.integrations.datatrove import CleanmediaStep

    for round_ in ("warm-up", "measured"):  # the first round loads lexicons and trafilatura's caches
        for label, steps in (
            ("A", [Trafilatura(favour_precision=True, timeout=5), CleanmediaStep(input_format="text")]),
            ("B", [CleanmediaStep()]),
        ):
            for name, ms, out in timed(steps, documents(args.sets, args.pages)):
                if round_ == "measured":
                    print(f"pipeline {label}: {name:16s} {ms:7.1f} ms/doc  ({out} documents out)")


if __name__ == "__main__":
    main()
