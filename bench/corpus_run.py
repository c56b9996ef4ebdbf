"""The command on a generated corpus in several formats: documents/s with 1 and 2 workers, peak memory of
the whole run (the main process and its workers), and whether that memory stays flat as the corpus grows.

The corpus is made from the benchmark sets (ground-truth article bodies as text, pages as HTML) under a
scratch folder, never in the repository: text and HTML files, gzip JSONL, Parquet and a gzip WARC, mixed
in fixed proportions. Outputs of every worker count must be identical byte for byte (checked).

    python bench/corpus_run.py ../shared/bench --docs 20000 --jobs 1 2 --memory-sizes 5000 20000
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
from itertools import cycle, islice
from pathlib import Path

SHARES = {"jsonl": 0.60, "parquet": 0.28, "txt": 0.05, "html": 0.05, "warc": 0.02}
# Records per JSONL or Parquet file: a corpus grows by more files of this size, so that a small corpus
# and a large one are alike but for their length (what is read and written at once is a file's row
# group or batch: with 2,000 per file, the 2,000-document corpus had smaller files than the 20,000 one)
PER_FILE = 500


def sources(bench: Path) -> tuple[list[str], list[tuple[str, bytes]]]:
    """Article bodies (text) and pages (url, HTML bytes) of the four sets, shuffled (a fixed seed): a
    small corpus has the languages and sets of a large one, so that memory is compared like for like
    (in set order, a 2,000-document corpus met few of the languages a 20,000-document one loads)."""
    texts, pages = [], []
    for folder in sorted(p for p in bench.iterdir() if (p / "ground-truth.json").exists()):
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        for key, item in sorted(truth.items()):
            if item.get("articleBody"):
                texts.append(item["articleBody"])
            page = folder / "html" / f"{key}.html.gz"
            if page.exists():
                pages.append(
                    (item.get("url") or f"https://example.org/{key}", gzip.decompress(page.read_bytes()))
                )
    random.Random(15).shuffle(texts)
    random.Random(15).shuffle(pages)
    return texts, pages


def generate(bench: Path, n: int, dest: Path) -> float:
    """A corpus of `n` documents under `dest`; returns its size in MB (uncompressed content)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    texts, pages = sources(bench)
    counts = {kind: int(n * share) for kind, share in SHARES.items()}
    counts["jsonl"] += n - sum(counts.values())
    text_iter, page_iter = cycle(texts), cycle(pages)
    size = 0
    shutil.rmtree(dest, ignore_errors=True)
    for kind in ("jsonl", "parquet"):
        (dest / kind).mkdir(parents=True)
        left, part = counts[kind], 0
        while left > 0:
            chunk = list(islice(text_iter, min(PER_FILE, left)))
            size += sum(len(t.encode()) for t in chunk)
            records = [{"id": f"{kind}-{part}-{i}", "text": t} for i, t in enumerate(chunk)]
            if kind == "jsonl":
                lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
                (dest / kind / f"part{part:03d}.jsonl.gz").write_bytes(gzip.compress(lines.encode(), 6))
            else:
                pq.write_table(pa.Table.from_pylist(records), dest / kind / f"part{part:03d}.parquet")
            left -= len(chunk)
            part += 1
    (dest / "files").mkdir()
    for i, text in enumerate(islice(text_iter, counts["txt"])):
        (dest / "files" / f"t{i:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode())
    for i, (_, page) in enumerate(islice(page_iter, counts["html"])):
        (dest / "files" / f"p{i:05d}.html").write_bytes(page)
        size += len(page)
    (dest / "warc").mkdir()
    with (dest / "warc" / "crawl.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, page in islice(page_iter, counts["warc"]):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=headers)
            )
            size += len(page)
    return size / 1e6


def tree_memory(pid: int) -> dict[str, int]:
    """Memory in bytes of a process and all its descendants (Linux /proc): `rss`, the resident sizes
    summed (pages shared between the processes, such as what a worker inherits, count once per process),
    `pss`, each shared page divided among the processes sharing it (the sum is what the run holds),
    `main`, the first process's own resident size, `worker`, the largest PSS of one descendant, and
    `private`, the largest private memory of one descendant (pages it alone maps: what it allocated, and
    pages it shared with the main process until one of the two wrote to them). A worker's PSS can grow
    while its private memory does not (the main process copied pages they shared), or with it.
    Sampled values miss what lasts less than the sampling period (a 5 MB page is cleaned in ~0.1 CPU-s
    and needs ~10-20 MB more while it is): `main_hwm` and `worker_hwm` are the kernel's exact
    high-water marks of resident memory (VmHWM) of the main process and of the largest worker."""
    totals = {"rss": 0, "pss": 0, "main": 0, "worker": 0, "private": 0, "main_hwm": 0, "worker_hwm": 0}
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text().splitlines()
            sizes = {line.split(":")[0]: int(line.split()[1]) * 1024 for line in rollup[1:]}
            status = Path(f"/proc/{current}/status").read_text()
            hwm = int(status.split("VmHWM:")[1].split()[0]) * 1024
            totals["rss"] += sizes["Rss"]
            totals["pss"] += sizes["Pss"]
            if current == pid:
                totals["main"] = sizes["Rss"]
                totals["main_hwm"] = hwm
            else:
                totals["worker"] = max(totals["worker"], sizes["Pss"])
                private = sizes["Private_Clean"] + sizes["Private_Dirty"]
                totals["private"] = max(totals["private"], private)
                totals["worker_hwm"] = max(totals["worker_hwm"], hwm)
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, KeyError, ValueError, IndexError):
            continue
    return totals


def busy_workers(pid: int, busy: dict[int, list[int]]) -> None:
    """Counts, for each worker process under `pid`, one sample and whether it was running or ready to
    run (state R in /proc/PID/stat) rather than asleep waiting for work: `busy[pid] = [running, samples]`."""
    try:
        children = [
            int(c)
            for task in Path(f"/proc/{pid}/task").iterdir()
            for c in (task / "children").read_text().split()
        ]
    except OSError:
        return
    for child in children:
        try:
            state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        counts = busy.setdefault(child, [0, 0])
        counts[0] += state == "R"
        counts[1] += 1


def free_core_speedup(jobs: int, cpu_one: float, cpu: float, busy: dict[int, list[int]]) -> float:
    """The speed-up `jobs` workers would give on free cores, from what a shared machine lets one measure:
    the work grows from `cpu_one` CPU-seconds to `cpu` (start-up, lexicons loaded per worker, results
    sent between processes), and the workers are kept busy for the share of the run they were seen
    running or ready to run (not starved of work by the main process). Wall-clock speed-ups need the
    cores free, which other sessions' load does not allow here."""
    shares = [running / samples for running, samples in busy.values() if samples]
    if jobs == 1 or not shares:
        return 1.0
    return jobs * cpu_one / cpu * min(sum(shares) / len(shares), 1.0)


#: Seconds between two samples of the process tree's memory.
SAMPLE = 0.1

#: The last run's samples: (seconds since its start, `tree_memory`), every `SAMPLE` seconds.
timeline: list[tuple[float, dict[str, int]]] = []


def run(corpus: Path, out: Path, jobs: int) -> tuple[float, float, dict[str, int], int, dict[int, list[int]]]:
    """(seconds, CPU seconds, peak bytes of the process tree (`tree_memory`'s keys, each its own peak),
    exit status, `busy_workers` samples) of one run of the command."""
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleanmedia", str(corpus), "-o", str(out), "-j", str(jobs), "-q"],
        stderr=subprocess.PIPE,
    )
    peak = {"rss": 0, "pss": 0, "main": 0, "worker": 0, "private": 0, "main_hwm": 0, "worker_hwm": 0}
    busy: dict[int, list[int]] = {}
    timeline.clear()

    def sample() -> None:
        while proc.poll() is None:
            now = tree_memory(proc.pid)
            for key, value in now.items():
                peak[key] = max(peak[key], value)
            timeline.append((time.perf_counter() - start, now))
            busy_workers(proc.pid, busy)
            time.sleep(SAMPLE)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    sampler.join()
    if err.strip():
        print(err.decode(errors="replace").strip()[-500:], file=sys.stderr)
    return seconds, cpu, peak, proc.returncode, busy


def _memory(peak: dict[str, int]) -> str:
    return (
        f"peak PSS {peak['pss'] / 1e6:.0f} MB (RSS summed {peak['rss'] / 1e6:.0f} MB, "
        f"main process RSS {peak['main'] / 1e6:.0f} MB, largest worker PSS {peak['worker'] / 1e6:.0f} MB, "
        f"private {peak['private'] / 1e6:.0f} MB; exact RSS high-water marks: main "
        f"{peak['main_hwm'] / 1e6:.0f} MB, largest worker {peak['worker_hwm'] / 1e6:.0f} MB)"
    )


def _timeline(points: int = 8) -> str:
    """The last run's memory at `points` moments spread over it (PSS of all processes / main RSS /
    largest worker PSS / its private memory, MB): flat memory levels off early; a leak climbs to the end."""
    if not timeline:
        return "-"
    picks = [timeline[min(len(timeline) - 1, i * len(timeline) // points)] for i in range(points)]
    picks.append(timeline[-1])
    return "  ".join(
        f"{t:.0f}s {m['pss'] / 1e6:.0f}/{m['main'] / 1e6:.0f}/{m['worker'] / 1e6:.0f}/{m['private'] / 1e6:.0f}"
        for t, m in picks
    )


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes() if path.suffix != ".parquet" else _parquet_rows(path))
    return h.hexdigest()[:16]


def _parquet_rows(path: Path) -> bytes:  # Parquet files embed the writer's version: compare the rows
    import pyarrow.parquet as pq

    return json.dumps(pq.read_table(path).to_pylist(), sort_keys=True, default=str).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path, help="the shared benchmark folder (../shared/bench)")
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument(
        "--jobs",
        type=int,
        nargs="*",
        default=[1, 2],
        help="worker counts to time (none: the memory curve alone)",
    )
    parser.add_argument(
        "--memory-sizes", type=int, nargs="*", default=[], help="corpus sizes for the memory curve"
    )
    parser.add_argument(
        "--memory-jobs",
        type=int,
        nargs="*",
        help="worker counts for the memory curve (default: the largest of --jobs)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the corpus and outputs (to compare them)")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/cleanmedia-corpus-bench"))
    args = parser.parse_args()
    corpus = args.scratch / "corpus"
    if args.jobs:
        mb = generate(args.bench, args.docs, corpus)
        shares = ", ".join(f"{k} {v:.0%}" for k, v in SHARES.items())
        print(f"corpus: {args.docs} documents, {mb:.1f} MB ({shares})")
    base, cpu_one, digests = None, None, set()
    print(f"load average before: {os.getloadavg()[0]:.1f} (wall-clock speed-ups need free cores)")
    for jobs in args.jobs:
        seconds, cpu, peak, status, busy = run(corpus, args.scratch / f"out{jobs}", jobs)
        base, cpu_one = base or seconds, cpu_one or cpu
        digests.add(digest(args.scratch / f"out{jobs}"))
        shares = ", ".join(f"{r / n:.0%}" for r, n in busy.values() if n)
        print(
            f"jobs={jobs}: {seconds:6.1f} s  {args.docs / seconds:6.1f} docs/s  {mb / seconds:5.2f} MB/s  "
            f"x{base / seconds:.2f}  CPU {cpu:.0f} s ({args.docs / cpu:.1f} docs/CPU-s)  {_memory(peak)}  exit {status}\n"
            f"        workers running or ready: {shares or '-'}; on free cores x{free_core_speedup(jobs, cpu_one, cpu, busy):.2f} "
            f"(work x{cpu / cpu_one:.2f} of one worker's); load average now {os.getloadavg()[0]:.1f}"
        )
        print(f"        memory over the run (s PSS/main/worker/private MB): {_timeline()}")
    if args.jobs:
        print(f"outputs identical across worker counts: {len(digests) == 1}")
    curves: dict[int, list[tuple[int, dict[str, int]]]] = {}
    for n in args.memory_sizes:
        generate(args.bench, n, corpus)
        for jobs in args.memory_jobs or [max(args.jobs or [2])]:
            seconds, cpu, peak, _, _ = run(corpus, args.scratch / "outm", jobs)
            curves.setdefault(jobs, []).append((n, peak))
            print(
                f"memory: {n} documents, jobs={jobs}: {_memory(peak)} in {seconds:.0f} s (CPU {cpu:.0f} s, "
                f"load average now {os.getloadavg()[0]:.1f})\n        over the run (s PSS/main/worker/private MB): {_timeline()}"
            )
    for jobs, curve in curves.items():
        (n0, first), (n1, last) = curve[0], curve[-1]
        growth = ", ".join(
            f"{key} x{last[key] / first[key]:.3f}"
            for key in ("pss", "main", "worker", "private", "main_hwm", "worker_hwm")
            if first[key]
        )
        print(f"memory growth {n0} -> {n1} documents, jobs={jobs}: {growth}")
    if not args.keep:
        shutil.rmtree(args.scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
