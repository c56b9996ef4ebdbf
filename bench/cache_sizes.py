"""Memory each bounded cache holds after a mix of documents: tracemalloc runs from the start, and each
cache's `cache_clear()` gives back what it alone held (a string two caches share is counted in the
last one cleared).

    python bench/cache_sizes.py ../shared/bench --texts 800 --pages 200
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import corpus_run  # noqa: E402


def sources(bench: Path) -> tuple[list[str], list[str]]:
    """The article bodies and the pages (decoded) of the benchmark sets, as `corpus_run` mixes them."""
    texts, pages = corpus_run.sources(bench)
    return texts, [html.decode("utf-8", "replace") for _, html in pages]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path, help="the shared benchmark folder (../shared/bench)")
    parser.add_argument("--texts", type=int, default=800)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    tracemalloc.start()
    from cleanmedia import clean_and_explain

    texts, pages = sources(args.bench)
    for content in texts[: args.texts] + pages[: args.pages]:
        clean_and_explain(content)
    gc.collect()
    rows = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("cleanmedia"):
            continue
        for attr, fn in list(vars(module).items()):
            info = getattr(fn, "cache_info", None)
            if not callable(info) or getattr(fn, "__module__", None) != name:
                continue
            current = info()
            before = tracemalloc.get_traced_memory()[0]
            fn.cache_clear()
            gc.collect()
            freed = before - tracemalloc.get_traced_memory()[0]
            rows.append((freed, f"{name}.{attr}", current.currsize, current.maxsize))
    for freed, name, size, bound in sorted(rows, reverse=True):
        if size:
            print(
                f"{name:50s} {size:6d} / {bound}  {freed / 1e6:6.2f} MB  ({freed / size:.0f} bytes an entry)"
            )


if __name__ == "__main__":
    main()
