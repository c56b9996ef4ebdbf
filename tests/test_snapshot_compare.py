"""scripts/snapshot_compare.py scores two snapshots against a bench's ground truth and finds what moved."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _snapshot(path: Path, texts: dict[str, str]) -> Path:
    path.write_text(
        "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()), encoding="utf-8"
    )
    return path


def test_compare_scores_each_mode_and_lists_moved_pages(tmp_path: Path) -> None:
    bench = tmp_path / "bench"
    (bench / "tiny").mkdir(parents=True)
    truth = {"p1": {"articleBody": "der Rat stimmt heute ab"}, "p2": {"articleBody": "la ville vote"}}
    (bench / "tiny" / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    same = {"tiny/p2.html.gz": "la ville vote", "fixture/x": "unchanged"}
    before = _snapshot(tmp_path / "a.jsonl", {"text/tiny/p1": "Menü Start", **same})
    after = _snapshot(tmp_path / "b.jsonl", {"text/tiny/p1": "der Rat stimmt heute ab", **same})
    done = subprocess.run(
        [sys.executable, "scripts/snapshot_compare.py", str(bench), str(before), str(after), "-v"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    rows = {tuple(line.split()[:2]): line for line in done.stdout.splitlines()}
    assert "0.0000 -> 1.0000" in rows["text", "tiny"] and "100.0% ->   0.0%" in rows["text", "tiny"]
    assert rows["text", "tiny"].endswith("1 (1/0)")
    assert "1.0000 -> 1.0000" in rows["html", "tiny"] and rows["html", "tiny"].endswith("0 (0/0)")
    assert "+1.0000  0.000 -> 1.000  text/tiny/p1" in done.stdout
