"""Speed of the furniture step (`boilerplate` and `lines`) on page dumps, beside the whole text chain
and ftfy, in processor time, all in one run (issue 12's speed target: the furniture step >= 2 MB/s).

Each set's page dumps (as `bench/text_mode.py` makes them, cached under --cache) are cleaned as text
with the default chain, each document once per pass, the per-line caches emptied before each pass
(`text_speed.clear_line_caches`: the steady state of a corpus without repeats); each cleaner's own time
is taken with `time.process_time` around its call (its share of the processor, not of the wall clock:
the machine is shared). The rates are of the fastest of --repeats passes, in MB/s of UTF-8 input; the
same documents through `ftfy.fix_text` give the reference rate in the same run.

    python bench/furniture_speed.py ../shared/bench [--limit 60] [--repeats 3] [--sets scrapinghub modern]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import ftfy
from text_mode import SETS, load_set, timed
from text_speed import clear_line_caches

from cleanmedia import clean
from cleanmedia.chain import Chain
from cleanmedia.cleaners import DEFAULT_CHAIN

FURNITURE = ("boilerplate", "lines")


def one_pass(docs: list[str]) -> dict[str, float]:
    """Processor seconds of one pass over `docs`: per cleaner, the chain ("total") and ftfy."""
    clock: dict[str, float] = {}
    chain = Chain(timed(step, clock, time.process_time) for step in DEFAULT_CHAIN)
    clear_line_caches()
    start = time.process_time()
    for d in docs:
        clean(d, input_format="text", chain=chain)
    clock["total"] = time.process_time() - start
    start = time.process_time()
    for d in docs:
        ftfy.fix_text(d)
    clock["ftfy"] = time.process_time() - start
    return clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path, help="the shared bench folder (the four sets and textdump.py)")
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--limit", type=int, default=60, help="first N pages of each set")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleanmedia-textmode"))
    args = parser.parse_args()
    print(
        "| set | pages | MB | boilerplate | lines | furniture step | share of chain | chain | ftfy | chain / ftfy |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in args.sets:
        docs = [p.dump for p in load_set(args.bench, name, args.cache, args.limit)]
        mb = sum(len(d.encode()) for d in docs) / 1e6
        for d in docs:  # warm-up: patterns compile and lexicons load here, not in the timed passes
            clean(d, input_format="text")
        passes = [one_pass(docs) for _ in range(args.repeats)]
        best = {k: min(p.get(k, 0.0) for p in passes) for k in passes[0]}
        furniture = min(sum(p.get(n, 0.0) for n in FURNITURE) for p in passes)
        print(
            f"| {name} | {len(docs)} | {mb:.2f} | {mb / best['boilerplate']:.2f} | "
            f"{mb / best['lines']:.2f} | **{mb / furniture:.2f}** | {100 * furniture / best['total']:.0f}% | "
            f"{mb / best['total']:.2f} | {mb / best['ftfy']:.2f} | {best['ftfy'] / best['total']:.2f}x |"
        )


if __name__ == "__main__":
    main()
