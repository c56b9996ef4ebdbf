"""Speed of the default text chain against ftfy.fix_text alone, on the same corpus, in one run.

The corpus is generated from the fixtures (every input, repeated until it reaches --mb megabytes), so
the bench needs nothing outside the repository. Prints the median of --repeats timed passes for each
contender after a warm-up pass, in MB/s (UTF-8 bytes of input), and the ratio.

    python bench/text_speed.py --mb 4 --repeats 3
    python bench/text_speed.py --cleaned     # the same on text that is already clean
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

from cleanmedia import clean

ROOT = Path(__file__).resolve().parent.parent


def corpus(megabytes: float, cleaned: bool = False) -> list[str]:
    """The fixture inputs repeated to `megabytes`; with `cleaned`, their clean outputs instead (the
    steady state of a corpus that is mostly clean text already)."""
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*/input.txt"))]
    if cleaned:
        docs = [clean(d) for d in docs]
    out: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        for d in docs:
            out.append(d)
            size += len(d.encode())
    return out


def timed(func: Callable[[str], str], docs: list[str], repeats: int) -> list[float]:
    for d in docs[:50]:  # warm-up: lexicons and caches load here, not in the timed passes
        func(d)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for d in docs:
            func(d)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cleaned", action="store_true", help="clean text: the fixtures' outputs")
    args = parser.parse_args()
    docs = corpus(args.mb, args.cleaned)
    size = sum(len(d.encode()) for d in docs) / 1e6
    kind = "outputs (clean text)" if args.cleaned else "inputs"
    print(f"corpus: {len(docs)} documents, {size:.1f} MB (fixture {kind} repeated)")
    rates = {}
    for name, func in (("cleanmedia.clean (default chain)", clean), ("ftfy.fix_text", ftfy.fix_text)):
        times = timed(func, docs, args.repeats)
        rates[name] = size / statistics.median(times)
        spread = ", ".join(f"{size / t:.2f}" for t in times)
        print(f"{name:34s} median {rates[name]:6.2f} MB/s   (passes: {spread})")
    ratio = rates["cleanmedia.clean (default chain)"] / rates["ftfy.fix_text"]
    print(f"chain / ftfy speed ratio: {ratio:.2f}x (target: >= 4x)")


if __name__ == "__main__":
    main()
