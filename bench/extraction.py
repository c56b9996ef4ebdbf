"""Article extraction on the Scrapinghub benchmark: cleanmedia and its peers side by side, in one run.

For each extractor: mean bag-of-words F1 against the ground truth (tokens: \\w+ runs of the lowercased
text; an empty output scores 0), share of pages with F1 >= 0.9, docs/s and MB/s of the extraction call
alone after a warm-up (median of --repeats runs, each in a fresh process), and peak resident memory of
a process that does only that extractor. Peers are
the `bench` extra (pip install -e ".[bench]"); a peer that is not installed is skipped.

    python bench/extraction.py ../shared/bench/scrapinghub
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

TOKEN = re.compile(r"\w+")
JUSTEXT_LANGUAGES = {
    "en": "English",
    "pt": "Portuguese",
    "it": "Italian",
    "de": "German",
    "ru": "Russian",
    "id": "Indonesian",
    "fr": "French",
    "es": "Spanish",
}


def f1(predicted: str, truth: str) -> float:
    p, t = Counter(TOKEN.findall(predicted.lower())), Counter(TOKEN.findall(truth.lower()))
    common = sum((p & t).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def extractors() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {}
    from cleanmedia import clean
    from cleanmedia.extract import extract

    found["cleanmedia extract"] = lambda html: extract(html).text
    found["cleanmedia clean"] = clean
    try:
        import trafilatura

        found["trafilatura"] = lambda html: trafilatura.extract(html, include_comments=False) or ""
    except ImportError:
        pass
    try:
        import lxml.html
        from readability import Document

        found["readability-lxml"] = lambda html: lxml.html.fromstring(Document(html).summary()).text_content()
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text

        found["resiliparse"] = lambda html: extract_plain_text(html, main_content=True)
    except ImportError:
        pass
    try:
        import justext

        def run_justext(html: str) -> str:
            lang = re.search(r"<html[^>]*\slang=[\"']?([a-zA-Z]{2})", html[:3000])
            stoplist = justext.get_stoplist(
                JUSTEXT_LANGUAGES.get(lang.group(1).lower() if lang else "en", "English")
            )
            return "\n".join(p.text for p in justext.justext(html.encode(), stoplist) if not p.is_boilerplate)

        found["jusText"] = run_justext
    except ImportError:
        pass
    return found


def load(folder: Path) -> list[tuple[str, str, str]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        pages.append((page_id, html, item.get("articleBody") or ""))
    return pages


def measure(name: str, folder: Path) -> dict[str, object]:
    func = extractors()[name]
    pages = load(folder)
    for _, html, _ in pages[:5]:
        func(html)
    outputs, seconds = [], 0.0
    for _, html, _ in pages:
        start = time.perf_counter()
        out = func(html)
        seconds += time.perf_counter() - start
        outputs.append(out or "")
    scores = [f1(out, truth) for out, (_, _, truth) in zip(outputs, pages, strict=True)]
    size = sum(len(html.encode()) for _, html, _ in pages) / 1e6
    worst = sorted(zip(scores, (p[0] for p in pages), strict=True))[:8]
    return {
        "name": name,
        "f1": statistics.mean(scores),
        "good": sum(s >= 0.9 for s in scores) / len(scores),
        "docs_per_s": len(pages) / seconds,
        "mb_per_s": size / seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worst": worst,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="the scrapinghub folder (ground-truth.json, html/)")
    parser.add_argument("--only", help="measure one extractor in this process and print JSON")
    parser.add_argument("--worst", action="store_true", help="list cleanmedia's worst pages")
    parser.add_argument("--repeats", type=int, default=3, help="runs per extractor; speeds are medians")
    args = parser.parse_args()
    if args.only:
        print(json.dumps(measure(args.only, args.folder)))
        return
    rows = []
    for name in extractors():
        runs = []
        for _ in range(args.repeats):
            done = subprocess.run(
                [sys.executable, __file__, str(args.folder), "--only", name],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                print(f"{name}: failed\n{done.stderr[-2000:]}")
                break
            runs.append(json.loads(done.stdout))
        if runs:
            row = runs[0]
            for key in ("docs_per_s", "mb_per_s", "peak_mb"):
                row[key] = statistics.median(r[key] for r in runs)
            rows.append(row)
    base = next((r["docs_per_s"] for r in rows if r["name"] == "trafilatura"), None)
    print(
        f"{'extractor':20s} {'mean F1':>8s} {'F1>=0.9':>8s} {'docs/s':>8s} {'MB/s':>7s} {'peak MB':>8s} {'x trafilatura':>14s}"
    )
    for r in rows:
        ratio = f"{r['docs_per_s'] / base:.1f}x" if base else "-"
        print(
            f"{r['name']:20s} {r['f1']:8.3f} {r['good']:8.3f} {r['docs_per_s']:8.1f} {r['mb_per_s']:7.2f} "
            f"{r['peak_mb']:8.0f} {ratio:>14s}"
        )
    if args.worst:
        for r in rows:
            if r["name"] == "cleanmedia extract":
                for score, page in r["worst"]:
                    print(f"  {score:.3f} {page}")


if __name__ == "__main__":
    main()
