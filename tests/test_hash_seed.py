"""The same output from any process: string hashes (and so a set's order) change with each process's
PYTHONHASHSEED, so nothing that reaches an output may depend on a set's order. Each check runs in
child processes with different seeds and compares what they print."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
TESTS = Path(__file__).resolve().parent


def _run(code: str, seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return done.stdout


EVIDENCE = """
import re
from collections import Counter
from cleanmedia import lang
text = "Die Stadt und der Hafen, la ville et le port, the town and the harbour, la città e il porto, die die"
print(repr(lang._evidence(Counter(re.findall(r"\\w+", text)))))
"""

FIXTURES = """
import hashlib, json
from cleanmedia import clean_and_explain
from fixtures import cases
for case in cases():
    out = json.dumps(clean_and_explain(case.input).to_dict(), sort_keys=True, ensure_ascii=False)
    print(case.name, hashlib.sha256(out.encode()).hexdigest())
"""


def test_language_evidence_is_the_same_in_every_process() -> None:
    """Sums and their order (a float sum depends on it; so does which spelling counts as distinct)."""
    outputs = {_run(EVIDENCE, seed) for seed in (1, 2, 3)}
    assert len(outputs) == 1, outputs


def test_fixtures_clean_the_same_in_every_process() -> None:
    first, second = _run(FIXTURES, 1), _run(FIXTURES, 2)
    assert first.count("\n") >= 10
    assert first == second
