"""What the per-document time limit costs when it never stops anything: the bench pages (HTML, and
their text dumps as text) and the slowest hostile families cleaned with and without `max_seconds`,
alternately, in processor time. The limit is checked inside the long loops (`cleanmedia.budget.paced`,
every 256 lines or nodes); the target is under 1% (issue 14).

    python bench/budget_overhead.py ../shared/bench [--limit 40] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile import FAMILIES, warm_up  # noqa: E402
from text_mode import SETS, load_set  # noqa: E402

from cleanmedia import clean  # noqa: E402

HOSTILE = ("crlf_distinct", "byline_lines", "furniture_lines", "div_nest", "br_run", "huge_table")


def _cpu(docs: list[tuple[str, dict[str, object]]], max_seconds: float | None) -> float:
    """Processor seconds to clean every document once."""
    start = time.process_time()
    for content, kwargs in docs:
        clean(content, max_seconds=max_seconds, **kwargs)  # type: ignore[arg-type]
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("bench", type=Path, help="the shared bench folder (../shared/bench)")
    parser.add_argument("--limit", type=int, default=40, help="pages per set")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of both runs, alternating")
    parser.add_argument("--size", type=int, default=500_000, help="hostile input size (characters)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleanmedia-textmode/dumps"))
    args = parser.parse_args()
    warm_up()
    groups: dict[str, list[tuple[str, dict[str, object]]]] = {}
    for name in SETS:
        pages = sorted((args.bench / name / "html").glob("*.html.gz"))[: args.limit]
        groups[f"{name} html"] = [
            (gzip.decompress(p.read_bytes()).decode("utf-8", "replace"), {}) for p in pages
        ]
        dumps = load_set(args.bench, name, args.cache, args.limit)
        groups[f"{name} text"] = [(p.dump, {"input_format": "text"}) for p in dumps]
    groups["hostile"] = [FAMILIES[f](args.size) for f in HOSTILE]
    for docs in groups.values():
        _cpu(docs, None)  # caches warm before the first timed round
    print(
        f"{'documents':16} {'without':>9} {'with':>9} {'overhead':>9}  (CPU s, min of {args.rounds} rounds)"
    )
    total = [0.0, 0.0]
    for group, docs in groups.items():
        without, with_ = [], []
        for _ in range(args.rounds):
            without.append(_cpu(docs, None))
            with_.append(_cpu(docs, 3600.0))
        a, b = min(without), min(with_)
        total[0] += a
        total[1] += b
        print(f"{group:16} {a:9.3f} {b:9.3f} {100 * (b / a - 1):8.2f}%", flush=True)
    print(f"{'all':16} {total[0]:9.3f} {total[1]:9.3f} {100 * (total[1] / total[0] - 1):8.2f}%")


if __name__ == "__main__":
    main()
