"""Throughput of `cleanmedia.batch.clean_many` with 1 and more worker processes, on the fixture corpus.

Prints documents/s and MB/s (UTF-8 bytes of input), the median of --repeats timed runs, and the
speed-up over one process. Workers start (and load their lexicons) inside the timed run: that is
what a batch pays.

    python bench/batch_speed.py --mb 4 --jobs 1 2 --repeats 3
"""

from __future__ import annotations

import argparse
import statistics
import time

from text_speed import corpus

from cleanmedia.batch import clean_many


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    docs = corpus(args.mb)
    size = sum(len(d.encode()) for d in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {size:.1f} MB (fixture inputs repeated)")
    base = None
    for jobs in args.jobs:
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            failed = sum(1 for o in clean_many(docs, jobs=jobs) if not o.ok)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        base = base or median
        print(
            f"jobs={jobs}: {len(docs) / median:7.1f} docs/s  {size / median:5.2f} MB/s  "
            f"x{base / median:.2f} over the first  (failed: {failed}; runs: "
            + ", ".join(f"{t:.1f}s" for t in times)
            + ")"
        )


if __name__ == "__main__":
    main()
