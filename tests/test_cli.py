"""The command on folders, JSONL and standard input: outputs per input, failures reported, nothing lost."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleanmedia import clean
from cleanmedia.cli import main

ARTICLE_FR = (
    "Partager:\n\nLa la tension monte entre les deux pays depuis plusieurs mois, selon les experts.\n"
)
ARTICLE_EN = "Follow Me\n\nThe council approved the new budget on Tuesday after a long debate.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "news" / "fr").mkdir(parents=True)
    (root / "news" / "fr" / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (root / "news" / "page.html").write_text(
        f"<html><body><p>{ARTICLE_EN}</p></body></html>", encoding="utf-8"
    )
    (root / "notes.md").write_text("not an input type", encoding="utf-8")
    (root / "cp1252.txt").write_bytes("Le café est très bon à Paris, dit-il.".encode("cp1252"))
    lines = [
        json.dumps({"id": 1, "text": ARTICLE_FR}),
        "{broken json",
        json.dumps({"id": 3, "body": "no text field"}),
        "",
        json.dumps([1, 2]),
        json.dumps({"id": 5, "text": ARTICLE_EN}),
    ]
    (root / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_folder_to_output_folder_in_parallel(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, errors = tmp_path / "out", tmp_path / "errors.jsonl"
    status = main([str(corpus), "-o", str(out), "-j", "2", "--errors", str(errors), "--no-progress"])
    assert status == 1  # some records could not be cleaned
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == [
        "corpus/cp1252.txt",
        "corpus/news/fr/a.txt",
        "corpus/news/page.txt",
        "corpus/records.jsonl",
    ]
    assert (out / "corpus/news/fr/a.txt").read_text(encoding="utf-8") == clean(ARTICLE_FR)
    assert (out / "corpus/cp1252.txt").read_text(encoding="utf-8").startswith("Le café est très bon")
    records = [
        json.loads(line) for line in (out / "corpus/records.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == 5  # every non-blank line is kept, cleaned or with its error
    assert records[0]["text"] == clean(ARTICLE_FR) and records[0]["cleanmedia"]["metadata"]["lang"] == "fr"
    assert records[1]["cleanmedia"]["raw"] == "{broken json" and records[1]["cleanmedia"]["line"] == 2
    assert records[2] == {
        "id": 3,
        "body": "no text field",
        "cleanmedia": {"error": "no text in field 'text'"},
    }
    assert records[3]["cleanmedia"]["raw"] == "[1, 2]"
    assert records[4]["id"] == 5 and records[4]["text"] == clean(ARTICLE_EN)
    report = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["error"].split(":")[0]) for r in report] == [
        (2, "invalid JSON"),
        (3, "no text in field 'text'"),
        (5, "not a JSON object"),
    ]
    err = capsys.readouterr().err
    assert "records.jsonl:2: invalid JSON" in err and "3 of 8 documents not cleaned" in err


def test_jobs_do_not_change_the_output(corpus: Path, tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        main([str(corpus), "-o", str(tmp_path / jobs), "-j", jobs, "--no-progress"])
    files = sorted(p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*") if p.is_file())
    for name in files:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_jsonl_from_standard_input_with_another_field(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.dumps({"body": ARTICLE_FR, "keep": True}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    assert main(["--jsonl", "--field", "body", "--edits", "-j", "1", "--no-progress"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["body"] == clean(ARTICLE_FR) and record["keep"] is True
    assert any(e["reason"] == "doubled.word" for e in record["cleanmedia"]["edits"])


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for argv in (["--jobs", "0", "x"], ["--charset", "no-such-charset", "x"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2


def test_an_input_that_does_not_exist_is_said_so(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failure (exit 1, the other inputs go on) counted as an input, not as a document (it was
    "0 documents ...; 1 of 0 documents not cleaned")."""
    missing = tmp_path / "nonexist.txt"
    assert main([str(missing)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"cleanmedia: {missing}: no such file or folder"
    assert err[1].startswith("cleanmedia: 0 documents, ") and err[1].endswith(
        f"; 1 input not read ({missing})"
    )
    assert main([str(missing), str(corpus / "news" / "fr" / "a.txt"), "--no-progress"]) == 1
    out = capsys.readouterr()
    assert out.out == clean(ARTICLE_FR) and "not cleaned" not in out.err
    assert f" docs/s); 1 input not read ({missing})\n" in out.err


def test_the_installed_command_runs_with_a_progress_bar(corpus: Path, tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "cleanmedia", str(corpus / "news"), "-o", str(tmp_path / "o"), "--progress"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "100%" in run.stderr  # the bar reached the end
    assert (tmp_path / "o" / "news" / "fr" / "a.txt").read_text(encoding="utf-8") == clean(ARTICLE_FR)


def test_a_closed_pipe_ends_the_run_quietly(corpus: Path) -> None:
    run = subprocess.run(
        f"{sys.executable} -m cleanmedia -j 1 {corpus}/news {corpus}/records.jsonl | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr


def test_explain_says_when_no_language_was_identified(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command's --explain shows the flag of a text whose language was not identified."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Idag regnar det mycket i Stockholm.\n")))
    assert main(["--explain", "-j", "1", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "lang.unknown" in out and "language-dependent repairs skipped" in out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"It rains a lot today in London town.\n")))
    assert main(["--explain", "--lang", "en", "-j", "1", "--no-progress"]) == 0
    assert "lang.unknown" not in capsys.readouterr().out
