"""Fuzz `clean` for crashes, idempotence violations, replay mismatches and superlinear growth.

With atheris installed (`pip install atheris`), coverage-guided: each input is cleaned as text, as HTML,
with `main_content=False`, and through its edit log. Without atheris (or with --engine random), a
deterministic mutator over the same seeds: what CI runs. Seeds: the fixtures and generated hostile
pages. Every failing input is written to --found (default tests/data/fuzz_found/), where
tests/test_fuzz.py replays each one as a regression test.

    python scripts/fuzz_clean.py --runs 300 --seed 1                 # short, deterministic (CI)
    python scripts/fuzz_clean.py --engine atheris --seconds 1800     # a long run
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import importlib
import importlib.util
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GROWTH = 4  # an input grown this many times...
GROWTH_LIMIT = 8.0  # ...may take at most this many times as long (linear: 4), past MIN_SECONDS
MIN_SECONDS = 0.2


def seeds() -> list[bytes]:
    """The fixtures' inputs and generated hostile shapes."""
    found = [p.read_bytes() for p in sorted(ROOT.glob("fixtures/*/input.*"))]
    found += [p.read_bytes() for p in sorted((ROOT / "tests/data/fuzz_found").glob("*"))]
    prose = "The committee met on Tuesday and agreed to publish the report. "
    shapes = [
        "1 " * 500 + "x",
        "Text " + "\u00a0" * 500 + ")",
        "By " + "Ae" * 300 + "!",
        "<div>" * 300 + prose + "</div>" * 300,
        '<div class="share">' * 100 + "Share" + "</div>" * 100,
        "ab\r\n" * 300,
        "<p>a" + "<br>" * 300 + "</p>",
        '<script type="application/ld+json">' + "[" * 300 + "]" * 300 + "</script><p>" + prose + "</p>",
        "<p>Web authors write &lt;br&gt; to break a line, the guide said.</p>",
        "Hello world.\n\na<\x0fp>b\n",
        "\u202e\u200b\x00" * 100 + prose,
    ]
    return found + [s.encode("utf-8") for s in shapes]


def as_text(data: bytes) -> str:
    """Bytes as the text a caller would pass: UTF-8, invalid bytes as lone surrogates."""
    return data.decode("utf-8", "surrogateescape")


def check(data: bytes, stats: Counter[str]) -> str | None:
    """The first problem with `data` cleaned every way, or None."""
    from cleanmedia import clean, clean_and_explain, replay

    content = as_text(data)
    ways: tuple[tuple[str, dict[str, Any]], ...] = (
        ("text", {"input_format": "text"}),
        ("html", {"input_format": "html"}),
        ("dump", {"main_content": False}),
        ("auto", {}),
    )
    for name, kwargs in ways:
        stats["runs"] += 1
        try:
            result = clean_and_explain(content, **kwargs)
            if replay(result.source, result.edits) != result.text:
                return f"replay mismatch ({name})"
            again: dict[str, Any] = {"input_format": "text"} if name != "auto" else {}  # output is text
            if clean(result.text, **again) != result.text:
                return f"idempotence ({name})"
        except Exception as exc:  # a finding, reported with its input
            return f"crash ({name}): {type(exc).__name__}: {exc}"[:300]
    return None


def growth(data: bytes) -> str | None:
    """Superlinear time: the input repeated GROWTH times must not take GROWTH_LIMIT times as long."""
    from cleanmedia import clean

    content = as_text(data)
    t0 = time.perf_counter()
    clean(content)
    t1 = time.perf_counter()
    clean(content * GROWTH)
    t2 = time.perf_counter()
    if t2 - t1 > MIN_SECONDS and (t2 - t1) > GROWTH_LIMIT * max(t1 - t0, 1e-3):
        return f"superlinear: x{GROWTH} input took x{(t2 - t1) / max(t1 - t0, 1e-3):.1f} ({t2 - t1:.2f} s)"
    return None


def keep(data: bytes, problem: str, found: Path) -> None:
    found.mkdir(parents=True, exist_ok=True)
    path = found / f"{hashlib.sha1(data).hexdigest()[:16]}.txt"
    if not path.exists():
        path.write_bytes(data)
        print(f"FOUND {problem}\n  kept as {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """One random change: a byte run inserted, deleted, repeated, or another seed spliced in."""
    if not data:
        return rng.choice(pool)[:200]
    i, j = sorted(rng.randrange(len(data) + 1) for _ in range(2))
    j = min(j, i + 64)
    choice = rng.randrange(5)
    if choice == 0:
        return data[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + data[i:]
    if choice == 1:
        return data[:i] + data[j:]
    if choice == 2:
        return data[:i] + data[i:j] * rng.randint(2, 40) + data[j:]
    if choice == 3:
        other = rng.choice(pool)
        k = rng.randrange(len(other) + 1)
        return data[:i] + other[k : k + 256] + data[i:]
    return (
        data[:i]
        + rng.choice([b"<", b">", b"</p>", b"<br>", b"&lt;", b"\r\n", b"\xc2\xa0", b"\x00"])
        + data[j:]
    )


def run_random(args: argparse.Namespace, report: Callable[[bytes], None]) -> None:
    rng = random.Random(args.seed)
    pool = seeds()
    deadline = time.monotonic() + args.seconds if args.seconds else float("inf")
    for n in range(args.runs):
        if time.monotonic() > deadline:
            break
        data = rng.choice(pool)
        for _ in range(rng.randint(1, 6)):
            data = mutate(rng, data, pool)
        report(data[: args.max_bytes])
        if n % 50 == 0:
            problem = growth(data[: args.max_bytes])
            if problem:
                keep(data, problem, args.found)
                args.stats[problem.split(":")[0]] += 1


def run_atheris(args: argparse.Namespace, report: Callable[[bytes], None]) -> None:
    atheris = importlib.import_module("atheris")  # optional: not a dependency
    import cleanmedia.cleaners  # noqa: F401  (loaded before instrumenting, so that coverage guides)

    atheris.instrument_all()
    corpus = Path("/tmp/cleanmedia-fuzz-corpus")
    corpus.mkdir(exist_ok=True)
    for data in seeds():
        (corpus / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
    atheris.Setup(
        [
            sys.argv[0],
            str(corpus),
            f"-max_total_time={args.seconds or 60}",
            f"-max_len={args.max_bytes}",
            f"-seed={args.seed}",
            "-print_final_stats=1",
        ],
        report,
    )
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["auto", "atheris", "random"], default="random")
    parser.add_argument("--runs", type=int, default=300, help="inputs (random engine)")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no limit)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-bytes", type=int, default=20_000)
    parser.add_argument("--found", type=Path, default=ROOT / "tests/data/fuzz_found")
    args = parser.parse_args()
    args.stats = Counter()

    def report(data: bytes) -> None:
        problem = check(data, args.stats)
        if problem:
            args.stats[problem.split(" ")[0]] += 1
            keep(data, problem, args.found)

    engine = args.engine
    if engine == "auto":
        engine = "atheris" if importlib.util.find_spec("atheris") else "random"
    started = time.monotonic()

    def summary() -> None:
        problems = {k: v for k, v in args.stats.items() if k != "runs"}
        print(
            f"{engine}: {args.stats['runs']} cleans in {time.monotonic() - started:.0f} s; "
            f"crashes {problems.get('crash', 0)}, idempotence violations {problems.get('idempotence', 0)}, "
            f"replay mismatches {problems.get('replay', 0)}, superlinear {problems.get('superlinear', 0)}"
        )

    atexit.register(summary)  # atheris ends the process itself
    (run_atheris if engine == "atheris" else run_random)(args, report)
    return 1 if any(k != "runs" for k in args.stats) else 0


if __name__ == "__main__":
    sys.exit(main())
