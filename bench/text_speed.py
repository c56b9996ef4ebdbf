"""Speed of the default text chain against ftfy.fix_text alone, on the same corpora, in one run.

Corpora:
- `fixtures`: every fixture input, repeated until it reaches --mb megabytes (needs nothing outside the
  repository). Repeated documents let the per-line caches hit, which a real corpus would not: read
  this figure as an upper bound.
- with the path of ../shared/bench: `articles`, the 181 article bodies of the Scrapinghub ground truth
  (clean real text), and `dumps`, the same pages as a crawler's text dump (every visible block, menus
  and footers included: real text with real furniture). Each document is cleaned once per pass, and
  the per-line caches are emptied before each pass: the steady state of a corpus without repeats.

For each corpus: the median of --repeats timed passes after a warm-up (lexicons loaded), in MB/s of
UTF-8 input, for the chain and for ftfy, and the ratio; and the floor no pure-Python word-level
cleaner goes under: one `re.findall` of the runs of letters, the scan the chain's word cleaners share.

    python bench/text_speed.py ../shared/bench --mb 4 --repeats 3
    python bench/text_speed.py --cleaned     # fixture outputs (clean text) instead of inputs
    python bench/text_speed.py ../shared/bench --cpu   # processor time, not the wall clock

--cpu times each pass with `time.process_time` (the process's processor time), for a machine shared
with other jobs, where the wall clock counts the time the process waited for a core; the ratio to ftfy
is then taken from the fastest pass of each (the pass least slowed by the others' use of the caches).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

import cleanmedia
from cleanmedia import clean
from cleanmedia.document import LETTER_RUN
from cleanmedia.html import to_text

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


def real_corpora(bench: Path) -> dict[str, list[str]]:
    """Article bodies and page dumps of the Scrapinghub benchmark, each document once."""
    root = bench / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((root / "html").glob("*.html.gz"))
    return {
        "articles": [v["articleBody"] for _, v in sorted(truth.items())],
        "dumps": [to_text(gzip.open(p, "rt", encoding="utf-8").read())[0] for p in pages],
    }


def clear_line_caches() -> None:
    """Empty cleanmedia's bounded caches (lines, tokens seen before), keeping its unbounded ones (the
    lexicons and word lists): a pass then sees every line for the first time, as in a real corpus."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("cleanmedia"):
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if info is not None and info().maxsize not in (None, 1):
                obj.cache_clear()


def timed(
    func: Callable[[str], object], docs: list[str], repeats: int, fresh: bool, clock: Callable[[], float]
) -> list[float]:
    times = []
    for _ in range(repeats):
        if fresh:
            clear_line_caches()
        start = clock()
        for d in docs:
            func(d)
        times.append(clock() - start)
    return times


def report(label: str, docs: list[str], repeats: int, fresh: bool, cpu: bool = False) -> None:
    size = sum(len(d.encode()) for d in docs) / 1e6
    print(f"\n{label}: {len(docs)} documents, {size:.2f} MB")
    contenders: tuple[tuple[str, Callable[[str], object]], ...] = (
        ("cleanmedia.clean (default chain)", clean),
        ("ftfy.fix_text", ftfy.fix_text),
        ("floor: re.findall of letter runs", LETTER_RUN.findall),
    )
    rates = {}
    clock, pick, which = (
        (time.process_time, min, "best") if cpu else (time.perf_counter, statistics.median, "median")
    )
    for name, func in contenders:
        times = timed(func, docs, repeats, fresh, clock)
        rates[name] = size / pick(times)
        spread = ", ".join(f"{size / t:.2f}" for t in times)
        print(f"  {name:34s} {which} {rates[name]:7.2f} MB/s   (passes: {spread})")
    chain, fix = rates["cleanmedia.clean (default chain)"], rates["ftfy.fix_text"]
    print(f"  chain / ftfy speed ratio: {chain / fix:.2f}x (target: >= 4x)")
    print(
        f"  the floor alone takes {100 * 4 * fix / rates['floor: re.findall of letter runs']:.0f}% "
        "of the time the 4x target allows"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", nargs="?", type=Path, help="path of ../shared/bench (real corpora)")
    parser.add_argument("--mb", type=float, default=4.0, help="fixture corpus size in MB")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cleaned", action="store_true", help="fixture outputs (clean text)")
    parser.add_argument("--cpu", action="store_true", help="processor time (best pass), not the wall clock")
    args = parser.parse_args()
    print(
        f"cleanmedia {cleanmedia.__version__}, ftfy {ftfy.__version__}"
        + (", processor time" if args.cpu else "")
    )
    fixtures = corpus(args.mb, args.cleaned)
    for d in fixtures[:50]:  # warm-up: patterns compile here, not in the timed passes
        clean(d)
        ftfy.fix_text(d)
    kind = "outputs (clean text)" if args.cleaned else "inputs"
    report(f"fixtures ({kind}, repeated)", fixtures, args.repeats, fresh=False, cpu=args.cpu)
    if args.bench:
        for label, docs in real_corpora(args.bench).items():
            for d in docs:  # warm-up: every lexicon these pages need loads (once per process)
                clean(d)
            report(f"{label} (real, each once, caches emptied)", docs, args.repeats, fresh=True, cpu=args.cpu)


if __name__ == "__main__":
    main()
