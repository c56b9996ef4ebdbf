"""Article extraction on every page set of ../shared/bench: cleanmedia and its peers side by side, one run.

For each set and extractor: mean bag-of-words F1 against the ground truth (tokens: \\w+ runs of the
lowercased text; an empty output scores 0), share of pages with F1 >= 0.9, share of pages whose article
is lost (F1 < 0.3), docs/s of the extraction call alone after a warm-up (median of --repeats runs, each in
a fresh process) and the peak resident memory of a process that runs only that extractor on that set.
Peers are the `bench` extra (pip install -e ".[bench]"); a peer that is not installed is skipped.

Peers are deterministic: their outputs and timings are cached under --cache (default
/tmp/cleanmedia-bench), so a re-run recomputes cleanmedia only; --fresh-peers measures them again (do
that for speed ratios you report: the machine is shared and its speed drifts).

    python bench/extraction.py ../shared/bench                      # every set
    python bench/extraction.py ../shared/bench --sets modern --limit 100 --repeats 1 --worst 10
    python bench/extraction.py ../shared/bench/scrapinghub          # one set

When bench/fit_extraction.py has written its leave-one-set-out thresholds (--held-out), cleanmedia
extract() also runs on each set with the thresholds fitted on the other sets, beside the shipped row.

--cpu measures speed as CPU time (for a shared, loaded machine, where wall-clock rates say little):
cleanmedia extract() and trafilatura run in one process, page by page in turn (the order alternating
from page to page), each call timed with time.process_time(); clean() and trafilatura in another (so
that neither cleanmedia call finds the other's caches warm); --repeats such processes, each page's
median; a ratio is against the trafilatura of the same processes. One-off loads charged to the first
document that needs them (a language's lexicon, `budget.one_off`) are counted apart: "steady" docs/s
leave them out, "CPU" docs/s keep them. Peak memory comes from one run of each extractor alone (a
process that runs it only).

    python bench/extraction.py ../shared/bench --cpu                # the speed figures of issue 11
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOKEN = re.compile(r"\w+")
LOST = 0.3
GOOD = 0.9
CLEANMEDIA = ("cleanmedia extract", "cleanmedia clean")
PEERS = ("trafilatura", "readability-lxml", "resiliparse")


def f1(predicted: str, truth: str) -> float:
    p, t = Counter(TOKEN.findall(predicted.lower())), Counter(TOKEN.findall(truth.lower()))
    common = sum((p & t).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def extractor(name: str, params: str | None = None) -> Callable[[str], str]:
    """The extraction call of one extractor (ImportError when it is not installed). `params`: JSON of
    cleanmedia.extract thresholds to use instead of the shipped ones (the leave-one-set-out rows)."""
    if name == "cleanmedia extract":
        import cleanmedia.extract as cm_extract

        for key, value in json.loads(params or "{}").items():
            setattr(cm_extract, key, value)
        return lambda html: cm_extract.extract(html).text
    if name == "cleanmedia clean":
        from cleanmedia import clean

        return clean
    if name == "trafilatura":
        import trafilatura

        return lambda html: trafilatura.extract(html, include_comments=False) or ""
    if name == "readability-lxml":
        import lxml.html
        from readability import Document

        return lambda html: lxml.html.fromstring(Document(html).summary()).text_content()
    if name == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        return lambda html: extract_plain_text(html, main_content=True)
    raise ValueError(name)


def set_folders(root: Path, only: list[str] | None) -> list[Path]:
    """`root` itself when it is a set (has ground-truth.json), else its sub-folders that are sets."""
    if (root / "ground-truth.json").exists():
        return [root]
    folders = sorted(p for p in root.iterdir() if (p / "ground-truth.json").exists())
    if only:
        folders = [p for p in folders if p.name in only]
    return folders


def load(folder: Path, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(page id, html, article text) of the pages with a ground-truth text, in id order."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        if not (item.get("articleBody") or "").strip():
            continue
        path = folder / "html" / f"{page_id}.html.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        pages.append((page_id, html, item["articleBody"]))
    return pages[:limit] if limit else pages


def run_one(name: str, folder: Path, limit: int | None, params: str | None) -> dict[str, Any]:
    """One extractor on one set in this process: outputs, seconds per page, peak memory."""
    func = extractor(name, params)
    pages = load(folder, limit)
    for _, html, _ in pages[:3]:
        func(html)
    outputs: dict[str, str] = {}
    seconds: dict[str, float] = {}
    for page_id, html, _ in pages:
        start = time.perf_counter()
        out = func(html)
        seconds[page_id] = time.perf_counter() - start
        outputs[page_id] = out or ""
    return {
        "outputs": outputs,
        "seconds": seconds,
        "peak_mb": peak_mb(),
    }


def run_cpu(folder: Path, limit: int | None, name: str) -> dict[str, Any]:
    """`name` and trafilatura in this process, page by page in turn, each call's CPU seconds; and the
    CPU seconds of one-off loads (lexicons) inside each call."""
    from cleanmedia import budget

    funcs = {name: extractor(name), "trafilatura": extractor("trafilatura")}
    pages = load(folder, limit)
    for func in funcs.values():
        for _, html, _ in pages[:3]:
            func(html)
    names = list(funcs)
    outputs: dict[str, dict[str, str]] = {n: {} for n in names}
    seconds: dict[str, dict[str, float]] = {n: {} for n in names}
    one_off: dict[str, dict[str, float]] = {n: {} for n in names}
    for k, (page_id, html, _) in enumerate(pages):
        for current in names if k % 2 else reversed(names):
            loads = budget.one_off_cpu_seconds()
            start = time.process_time()
            out = funcs[current](html)
            seconds[current][page_id] = time.process_time() - start
            one_off[current][page_id] = budget.one_off_cpu_seconds() - loads
            outputs[current][page_id] = out or ""
    return {"outputs": outputs, "seconds": seconds, "one_off": one_off}


def measure_cpu(folder: Path, limit: int | None, repeats: int, name: str) -> dict[str, dict[str, Any]]:
    """`name` and trafilatura: outputs of the first run, each page's median CPU seconds and one-off
    seconds over `repeats` processes (`run_cpu`)."""
    runs = []
    for _ in range(repeats):
        command = [sys.executable, __file__, str(folder), "--only", f"cpu:{name}"]
        if limit:
            command += ["--limit", str(limit)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"{name} on {folder.name} (--cpu): failed\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        runs.append(json.loads(done.stdout))
    out: dict[str, dict[str, Any]] = {}
    for timed in runs[0]["seconds"] if runs else ():
        pages = runs[0]["seconds"][timed]
        out[timed] = {
            "outputs": runs[0]["outputs"][timed],
            "seconds": {p: statistics.median(r["seconds"][timed][p] for r in runs) for p in pages},
            "one_off": {p: statistics.median(r["one_off"][timed][p] for r in runs) for p in pages},
        }
    return out


def print_cpu_table(set_name: str, n: int, rows: list[dict[str, Any]]) -> None:
    print(f"\n{set_name} ({n} pages), CPU time; each cleanmedia row against the trafilatura of its processes")
    print(
        f"  {'extractor':28s} {'mean F1':>8s} {'F1>=0.9':>8s} {'lost':>7s} {'CPU docs/s':>11s} "
        f"{'one-off s':>10s} {'steady docs/s':>14s} {'peak MB':>8s} {'x traf. CPU':>12s} {'x traf. steady':>15s}"
    )
    for r in rows:
        base = r.get("base")
        ratio = f"{r['docs_per_s'] / base['docs_per_s']:.2f}x" if base else "-"
        steady = f"{r['steady_docs_per_s'] / base['steady_docs_per_s']:.2f}x" if base else "-"
        print(
            f"  {r['name']:28s} {r['f1']:8.3f} {r['good']:8.3f} {100 * r['lost']:6.1f}% "
            f"{r['docs_per_s']:11.1f} {r['one_off_s']:10.2f} {r['steady_docs_per_s']:14.1f} "
            f"{r['peak_mb']:8.0f} {ratio:>12s} {steady:>15s}"
        )


def cpu_row(name: str, run: dict[str, Any], pages: list[tuple[str, str, str]], peak: float) -> dict[str, Any]:
    """`summarise` with the one-off seconds and the steady rate (one-off loads left out)."""
    row = summarise(name, {**run, "peak_mb": peak}, pages)
    loads = sum(run["one_off"][pid] for pid, _, _ in pages)
    steady = sum(run["seconds"][pid] for pid, _, _ in pages) - loads
    row["one_off_s"] = loads
    row["steady_docs_per_s"] = len(pages) / steady if steady > 0 else 0.0
    return row


def cpu_main(args: argparse.Namespace, folders: list[Path]) -> None:
    """--cpu: the speed table of each set (`run_cpu`), with quality and peak memory beside it."""
    for folder in folders:
        pages = load(folder, args.limit)
        peer = cached_peer("trafilatura", folder, pages, args)
        peer_peak = peer["peak_mb"] if peer else float("nan")
        rows, bases = [], []
        for name in CLEANMEDIA:
            if args.no_clean and name == "cleanmedia clean":
                continue
            timed = measure_cpu(folder, args.limit, args.repeats, name)
            if name not in timed:
                continue
            alone = spawn(name, folder, args.limit)
            base = cpu_row("trafilatura", timed["trafilatura"], pages, peer_peak)
            row = cpu_row(name, timed[name], pages, alone["peak_mb"] if alone else float("nan"))
            row["base"] = base
            rows.append(row)
            bases.append(base)
        if bases:
            traf = {**bases[0], "name": f"trafilatura ({len(bases)} runs)"}
            traf["docs_per_s"] = statistics.mean(b["docs_per_s"] for b in bases)
            traf["steady_docs_per_s"] = statistics.mean(b["steady_docs_per_s"] for b in bases)
            rows.append(traf)
        print_cpu_table(folder.name, len(pages), rows)
        sys.stdout.flush()


def peak_mb() -> float:
    """Peak resident memory of this process (VmHWM: ru_maxrss would count the parent at fork time)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def spawn(name: str, folder: Path, limit: int | None, params: str | None = None) -> dict[str, Any] | None:
    command = [sys.executable, __file__, str(folder), "--only", name]
    if limit:
        command += ["--limit", str(limit)]
    if params:
        command += ["--params", params]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"{name} on {folder.name}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure(
    name: str, folder: Path, limit: int | None, repeats: int, params: str | None = None
) -> dict[str, Any] | None:
    """Outputs of the first run; per-page seconds and peak memory as medians over the runs."""
    runs = [r for r in (spawn(name, folder, limit, params) for _ in range(repeats)) if r]
    if not runs:
        return None
    return {
        "outputs": runs[0]["outputs"],
        "seconds": {k: statistics.median(r["seconds"][k] for r in runs) for k in runs[0]["seconds"]},
        "peak_mb": statistics.median(r["peak_mb"] for r in runs),
    }


def cached_peer(
    name: str, folder: Path, pages: list[tuple[str, str, str]], args: argparse.Namespace
) -> dict[str, Any] | None:
    """A peer's outputs and timings from the cache, measured (on the whole set) when missing."""
    path = args.cache / f"{name}-{folder.name}.json"
    if path.exists() and not args.fresh_peers:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if all(p[0] in data["outputs"] for p in pages):
            return data
    try:
        extractor(name)
    except ImportError:
        return None
    data_run = measure(name, folder, None, args.repeats)
    if data_run is not None:
        args.cache.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data_run), encoding="utf-8")
    return data_run


def summarise(name: str, run: dict[str, Any], pages: list[tuple[str, str, str]]) -> dict[str, Any]:
    scores = {pid: f1(run["outputs"].get(pid, ""), truth) for pid, _, truth in pages}
    seconds = sum(run["seconds"][pid] for pid, _, _ in pages)
    values = list(scores.values())
    return {
        "name": name,
        "f1": statistics.mean(values),
        "good": sum(s >= GOOD for s in values) / len(values),
        "lost": sum(s < LOST for s in values) / len(values),
        "docs_per_s": len(pages) / seconds if seconds else 0.0,
        "peak_mb": run["peak_mb"],
        "scores": scores,
    }


def print_table(set_name: str, n: int, rows: list[dict[str, Any]]) -> None:
    base = next((r["docs_per_s"] for r in rows if r["name"] == "trafilatura"), None)
    print(f"\n{set_name} ({n} pages)")
    print(
        f"  {'extractor':28s} {'mean F1':>8s} {'F1>=0.9':>8s} {'lost':>7s} {'docs/s':>8s} {'peak MB':>8s} {'x trafilatura':>14s}"
    )
    for r in rows:
        ratio = f"{r['docs_per_s'] / base:.1f}x" if base else "-"
        print(
            f"  {r['name']:28s} {r['f1']:8.3f} {r['good']:8.3f} {100 * r['lost']:6.1f}% {r['docs_per_s']:8.1f} "
            f"{r['peak_mb']:8.0f} {ratio:>14s}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("root", type=Path, help="../shared/bench (every set) or one set's folder")
    parser.add_argument("--sets", help="comma-separated set names (default: every set under root)")
    parser.add_argument("--limit", type=int, help="first N pages of each set (quick runs)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per extractor; speeds are medians")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleanmedia-bench"), help="peers' outputs")
    parser.add_argument("--fresh-peers", action="store_true", help="measure the peers again")
    parser.add_argument("--no-peers", action="store_true", help="cleanmedia only")
    parser.add_argument("--no-clean", action="store_true", help="skip cleanmedia clean() (quick runs)")
    parser.add_argument("--worst", type=int, default=0, help="list cleanmedia extract()'s N worst pages")
    parser.add_argument(
        "--held-out",
        type=Path,
        default=Path("/tmp/cleanmedia-bench/fit/held-out.json"),
        help="thresholds fitted without each set (bench/fit_extraction.py writes them): a held-out row",
    )
    parser.add_argument("--save", type=Path, help="write cleanmedia extract()'s per-page F1 here (JSON)")
    parser.add_argument("--compare", type=Path, help="per-page F1 saved by an earlier --save: list changes")
    parser.add_argument(
        "--cpu", action="store_true", help="speed as CPU time, trafilatura in the same process"
    )
    parser.add_argument("--only", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only and args.only.startswith("cpu:"):
        print(json.dumps(run_cpu(args.root, args.limit, args.only[4:])))
        return
    if args.only:
        print(json.dumps(run_one(args.only, args.root, args.limit, args.params)))
        return
    folders = set_folders(args.root, args.sets.split(",") if args.sets else None)
    if args.cpu:
        cpu_main(args, folders)
        return
    means: dict[str, list[float]] = {}
    saved: dict[str, dict[str, float]] = {}
    for folder in folders:
        pages = load(folder, args.limit)
        rows = []
        names = [n for n in CLEANMEDIA if not (args.no_clean and n == "cleanmedia clean")]
        for name in names:
            run = measure(name, folder, args.limit, args.repeats)
            if run:
                rows.append(summarise(name, run, pages))
        if args.held_out and args.held_out.exists():
            point = json.loads(args.held_out.read_text(encoding="utf-8")).get(folder.name)
            if point is not None:
                run = measure("cleanmedia extract", folder, args.limit, 1, json.dumps(point))
                if run:
                    rows.append(summarise("cleanmedia extract held-out", run, pages))
        for name in () if args.no_peers else PEERS:
            peer = cached_peer(name, folder, pages, args)
            if peer:
                rows.append(summarise(name, peer, pages))
        print_table(folder.name, len(pages), rows)
        for r in rows:
            means.setdefault(r["name"], []).append(r["f1"])
        ours = next(r for r in rows if r["name"] == "cleanmedia extract")
        saved[folder.name] = ours["scores"]
        if args.worst:
            for pid, score in sorted(ours["scores"].items(), key=lambda kv: kv[1])[: args.worst]:
                print(f"    {score:.3f} {pid}")
        if args.compare and args.compare.exists():
            before = json.loads(args.compare.read_text(encoding="utf-8")).get(folder.name, {})
            moved = [(pid, before[pid], s) for pid, s in ours["scores"].items() if pid in before]
            moved = [m for m in moved if abs(m[2] - m[1]) >= 0.02]
            for pid, old, new in sorted(moved, key=lambda m: m[2] - m[1]):
                print(f"    {old:.3f} -> {new:.3f} {pid}")
            print(f"    {len(moved)} pages moved by >= 0.02 since {args.compare}")
        sys.stdout.flush()
    if len(folders) > 1:
        print("\nmean over the sets")
        for name, values in means.items():
            if len(values) == len(folders):
                print(f"  {name:28s} {statistics.mean(values):8.3f}")
    if args.save:
        args.save.write_text(json.dumps(saved), encoding="utf-8")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
