"""`-q` leaves only the errors: every note and warning the command can print is silent with it (the
new user's `-q` still printed the skipped-files line), and each is printed without it; a document or
input that fails is named in both."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleanmedia.cli import main

TEXT = "Le chat dort sur le canapé du salon depuis ce matin. Il pleut sur la ville.\n"

# Each run's arguments (the corpus folder and -o filled in) and a note it prints without -q.
NOTES = [
    (["{corpus}"], "skipped 1 files of other types"),
    (["{corpus}"], "skipped 1 symbolic links to folders"),
    (["{corpus}"], "warning: empty document"),
    (["{corpus}"], "warning: no records"),
    (["{corpus}"], "WARC responses that are not HTML or text"),
    (["{corpus}"], " documents, 0.0 MB in "),  # the summary
    (["{corpus}", "--field", "body"], "applies to JSONL and Parquet records only"),
    (["{corpus}", "--lang", "xx"], "no word lists for --lang xx"),
    (["{corpus}", "--explain"], "--explain with an output folder"),
    (["{corpus}", "--learn-furniture"], "learnt"),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    pytest.importorskip("warcio")
    from test_cli_inputs import write_warc

    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text("", encoding="utf-8")
    (folder / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "d.jsonl").write_text("\n", encoding="utf-8")
    (folder / "sub" / "e.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(folder / "sub", folder / "link")
    write_warc(folder / "crawl.warc.gz")
    return folder


@pytest.mark.parametrize(("argv", "note"), NOTES)
def test_every_note_is_silent_with_quiet(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], note: str
) -> None:
    given = [a.format(corpus=corpus) for a in argv]
    assert main([*given, "-o", str(tmp_path / "loud")]) == 0
    assert note in capsys.readouterr().err
    assert main([*given, "-q", "-o", str(tmp_path / "quiet")]) == 0
    assert capsys.readouterr().err == ""


def test_resuming_notes_are_silent_with_quiet(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o"
    assert main([str(corpus), "-q", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main([str(corpus), "--resume", "-o", str(out)]) == 0
    assert "resuming: " in capsys.readouterr().err
    assert main([str(corpus), "--resume", "-q", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""


def test_errors_are_named_with_quiet(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failed record and an input that is not there: named (and exit 1) with -q, no summary."""
    (corpus / "f.jsonl").write_text(json.dumps({"text": TEXT}) + "\n{not json\n", encoding="utf-8")
    missing = tmp_path / "gone.txt"
    assert main([str(corpus), str(missing), "-q", "-o", str(tmp_path / "o")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert any("gone.txt: no such file or folder" in line for line in lines)
    assert any("f.jsonl:2: invalid JSON" in line for line in lines)
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text(TEXT, encoding="utf-8")
    given = [str(corpus / "a.txt"), str(other / "a.txt")]
    assert main([*given, "-q", "-o", str(tmp_path / "p")]) == 2  # two inputs into one output: refused
    assert "nothing written" in capsys.readouterr().err
