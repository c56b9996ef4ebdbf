"""Thread and process safety on real pages: `clean()` from many threads, and `clean_many` with worker
processes, must give byte-identical results to a serial run (issue: one chain serves every thread).

    python bench/threads.py ../shared/bench --pages 500 --threads 8 --jobs 2
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cleanmedia import clean
from cleanmedia.batch import clean_many


def pages(bench: Path, limit: int) -> list[str]:
    """Up to `limit` pages, taken in turn from every set (so that each kind of page is there)."""
    sets = [sorted((d / "html").glob("*.html.gz")) for d in sorted(bench.iterdir()) if (d / "html").is_dir()]
    order = [p for group in zip(*sets, strict=False) for p in group] + [p for s in sets for p in s]
    seen: list[Path] = []
    for p in order:
        if p not in seen:
            seen.append(p)
        if len(seen) == limit:
            break
    return [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in seen]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="the shared bench folder (../shared/bench)")
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for clean_many")
    args = parser.parse_args()
    docs = pages(args.bench, args.pages)
    start = time.perf_counter()
    serial = [clean(d) for d in docs]
    print(f"serial: {len(docs)} pages in {time.perf_counter() - start:.1f} s")
    sys.setswitchinterval(1e-5)  # interleave threads often: races show sooner
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        threaded = list(pool.map(clean, docs))
    differ = sum(a != b for a, b in zip(serial, threaded, strict=True))
    print(
        f"{args.threads} threads: {differ} of {len(docs)} outputs differ ({time.perf_counter() - start:.1f} s)"
    )
    start = time.perf_counter()
    processed = [o.result.text if o.result else None for o in clean_many(docs, jobs=args.jobs, flags=False)]
    differ_p = sum(a != b for a, b in zip(serial, processed, strict=True))
    print(
        f"clean_many, {args.jobs} processes: {differ_p} of {len(docs)} differ ({time.perf_counter() - start:.1f} s)"
    )
    return 1 if differ or differ_p else 0


if __name__ == "__main__":
    raise SystemExit(main())
