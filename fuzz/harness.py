"""What every fuzz target shares: the seeds, the checks (no crash, a fixed point, a log that replays),
where findings are kept, and a deterministic mutator for runs without atheris.

A finding is written to tests/data/fuzz_found/ (named by its hash), where tests/test_fuzz.py replays
each one as a regression test: every input the fuzzers ever found stays a test.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FOUND = ROOT / "tests/data/fuzz_found"
GROWTH = 4  # an input grown this many times...
GROWTH_LIMIT = 8.0  # ...may take at most this many times as long (linear: 4), past MIN_SECONDS
MIN_SECONDS = 0.2


def seeds() -> list[bytes]:
    """The fixtures' inputs, every finding so far, and generated hostile pages and texts."""
    found = [p.read_bytes() for p in sorted(ROOT.glob("fixtures/*/input.*"))]
    found += [p.read_bytes() for p in sorted(FOUND.glob("*"))]
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
        "<div" + "".join(f' data-a{i}="v"' for i in range(200)) + f"><p>{prose}</p></div>",
        "<h1>Emmanuel Macron reçoit Olaf Scholz à Paris</h1><p>Le président a reçu le chancelier.</p>",
    ]
    return found + [s.encode("utf-8") for s in shapes]


def as_text(data: bytes) -> str:
    """Bytes as the text a caller would pass: UTF-8, invalid bytes as lone surrogates."""
    return data.decode("utf-8", "surrogateescape")


def _replayed_from_json(result: Any) -> str:
    """The output rebuilt from the edit log as a reader of the JSON log would: to_dict, JSON (lone
    surrogates kept), back to edits, replayed on the source."""
    from cleanmedia import Edit, replay

    names = {f.name for f in fields(Edit)}
    logged = json.loads(json.dumps([e.to_dict() for e in result.edits]))
    return replay(result.source, [Edit(**{k: v for k, v in d.items() if k in names}) for d in logged])


#: target -> keyword arguments of `clean` (the output is text: its second clean is as text, except
#: for "replay", which lets the library decide both times).
TARGETS: dict[str, dict[str, Any]] = {
    "text": {"input_format": "text"},
    "html": {"input_format": "html"},
    "dump": {"main_content": False},
    "replay": {},
}


def check(data: bytes, target: str) -> str | None:
    """The first problem with `data` cleaned as `target` says, or None: a crash, a log that does not
    replay (directly and through its JSON form), a second clean that changes the text."""
    from cleanmedia import clean, clean_and_explain, replay

    content, kwargs = as_text(data), TARGETS[target]
    try:
        result = clean_and_explain(content, **kwargs)
        if replay(result.source, result.edits) != result.text:
            return f"replay mismatch ({target})"
        if target == "replay" and _replayed_from_json(result) != result.text:
            return f"replay mismatch ({target}, through JSON)"
        if clean(content, **kwargs) != result.text:
            return f"idempotence ({target}): clean and clean_and_explain differ"
        again: dict[str, Any] = {} if target == "replay" else {"input_format": "text"}
        if clean(result.text, **again) != result.text:
            return f"idempotence ({target})"
    except Exception as exc:  # a finding, reported with its input
        return f"crash ({target}): {type(exc).__name__}: {exc}"[:300]
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


def keep(data: bytes, problem: str, found: Path = FOUND) -> None:
    """Write a finding where tests/test_fuzz.py replays it (once: named by its hash)."""
    found.mkdir(parents=True, exist_ok=True)
    path = found / f"{hashlib.sha1(data).hexdigest()[:16]}.txt"
    if not path.exists():
        path.write_bytes(data)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"FOUND {problem}\n  kept as {shown}", flush=True)


class Tally:
    """Counts of cleans and of problems by kind, and the line that sums them up."""

    def __init__(self, engine: str) -> None:
        self.engine = engine
        self.counts: Counter[str] = Counter()
        self.started = time.monotonic()

    def report(self, data: bytes, targets: list[str], found: Path = FOUND) -> None:
        for target in targets:
            self.counts["runs"] += 1
            problem = check(data, target)
            if problem:
                self.counts[problem.split(" ")[0]] += 1
                keep(data, problem, found)
                return

    def problems(self) -> int:
        return sum(v for k, v in self.counts.items() if k != "runs")

    def summary(self) -> str:
        c = self.counts
        return (
            f"{self.engine}: {c['runs']} cleans in {time.monotonic() - self.started:.0f} s; "
            f"crashes {c['crash']}, idempotence violations {c['idempotence']}, "
            f"replay mismatches {c['replay']}, superlinear {c['superlinear:']}"
        )


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


def run_random(
    tally: Tally,
    targets: list[str],
    *,
    runs: int,
    seed: int,
    seconds: float = 0,
    max_bytes: int = 20_000,
    found: Path = FOUND,
) -> None:
    """The deterministic engine: `runs` inputs, each a seed under 1-6 mutations, cleaned as every
    target; every 50th also checked for superlinear growth."""
    rng = random.Random(seed)
    pool = seeds()
    deadline = time.monotonic() + seconds if seconds else float("inf")
    for n in range(runs):
        if time.monotonic() > deadline:
            break
        data = rng.choice(pool)
        for _ in range(rng.randint(1, 6)):
            data = mutate(rng, data, pool)
        data = data[:max_bytes]
        tally.report(data, targets, found)
        if n % 50 == 0:
            problem = growth(data)
            if problem:
                keep(data, problem, found)
                tally.counts[problem.split(" ")[0]] += 1


def atheris_target(target: str) -> Callable[[bytes], None]:
    """The function atheris calls with each input: a finding is kept, then raised so that libFuzzer
    stops and writes its crash file too."""

    def one_input(data: bytes) -> None:
        problem = check(data, target)
        if problem:
            keep(data, problem)
            raise AssertionError(problem)

    return one_input


def fuzz_with_atheris(target: str, argv: list[str]) -> None:
    """Run libFuzzer (through atheris) on one target, seeded from `seeds()` in a corpus folder under
    /tmp; `argv`: libFuzzer's own options (-max_total_time=1800, -jobs=...)."""
    import importlib
    import sys

    atheris = importlib.import_module("atheris")  # optional: not a dependency (pip install atheris)
    with atheris.instrument_imports():
        import cleanmedia  # noqa: F401  (instrumented, so that coverage guides the mutations)
        import cleanmedia.cleaners  # noqa: F401
    corpus = Path(f"/tmp/cleanmedia-fuzz-corpus-{target}")
    corpus.mkdir(exist_ok=True)
    for data in seeds():
        (corpus / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
    atheris.Setup([sys.argv[0], *argv, str(corpus)], atheris_target(target))
    atheris.Fuzz()
