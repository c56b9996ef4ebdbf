"""The command on what a new user tried first (eleventh session): nothing to clean, a folder of another
kind with `--kind`, an output that exists already, and odd inputs in a folder (a file that is not
Parquet, a broken link, a named pipe). Each says what happened; none is silent, none crashes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cleanmedia.cli import main

ARTICLE_EN = "The council approved a new bridge over the river, which should open in the spring.\n"
ARTICLE_DE = "Der Gemeinderat hat am Montag über den Haushalt beraten und viele Fragen offen gelassen.\n"


def run(argv: list[str]) -> int:
    return main([*argv, "--no-progress"])


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


# -- nothing to clean -----------------------------------------------------------------------------


def test_an_empty_folder_is_nothing_to_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "corpus").mkdir()
    monkeypatch.chdir(tmp_path)
    assert run(["corpus", "-o", "clean"]) == 1
    err = capsys.readouterr().err
    assert err == "cleanmedia: nothing to clean: no input files found in corpus\n"
    assert not (tmp_path / "clean").exists()
    assert run(["corpus", "-o", "all.jsonl", "-q"]) == 1  # said even with --quiet: it is a failure
    assert "nothing to clean" in capsys.readouterr().err
    assert not (tmp_path / "all.jsonl").exists()


def test_a_folder_of_other_types_says_how_to_read_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "notes"
    corpus.mkdir()
    (corpus / "a.md").write_text("# Brücke\n\n" + ARTICLE_DE, encoding="utf-8")
    (corpus / "b.rst").write_text(ARTICLE_EN, encoding="utf-8")
    (corpus / ".hidden").write_text("not a document", encoding="utf-8")
    assert run([str(corpus)]) == 1
    err = capsys.readouterr().err
    assert "skipped 3 files of other types in folders" in err
    assert "nothing to clean: no input files found in" in err and "--kind document reads every file" in err
    # --kind reads every file of the folder as that kind (a hidden one aside)
    assert run([str(corpus), "--kind", "document", "-o", str(tmp_path / "out")]) == 0
    assert files(tmp_path / "out") == ["notes/a.md.txt", "notes/b.rst.txt"]
    assert (tmp_path / "out" / "notes" / "a.md.txt").read_text(
        encoding="utf-8"
    ) == "# Brücke\n\n" + ARTICLE_DE
    assert "skipped 1 files of other types in folders (1 (hidden))" in capsys.readouterr().err


def test_kind_jsonl_reads_every_file_of_a_folder_as_records(tmp_path: Path) -> None:
    corpus = tmp_path / "dump"
    corpus.mkdir()
    (corpus / "part-0001").write_text(json.dumps({"text": ARTICLE_EN.strip()}) + "\n", encoding="utf-8")
    (corpus / "part-0002.txt").write_text(json.dumps({"text": ARTICLE_DE.strip()}) + "\n", encoding="utf-8")
    assert run([str(corpus), "--kind", "jsonl", "-o", str(tmp_path / "all.jsonl")]) == 0
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["text"] for x in lines] == [ARTICLE_EN.strip(), ARTICLE_DE.strip()]


# -- outputs that exist ---------------------------------------------------------------------------


def test_an_existing_jsonl_output_is_never_overwritten_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": ARTICLE_EN.strip()}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"precious": 1}\n', encoding="utf-8")
    assert run([str(source), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == '{"precious": 1}\n'
    err = capsys.readouterr().err
    assert "out.jsonl exists: not overwritten, nothing written; give --force to replace it" in err
    assert run([str(source), "-o", str(out), "--force"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == ARTICLE_EN.strip()


def test_an_output_over_its_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": ARTICLE_EN}) + "\n", encoding="utf-8")
    before = source.read_bytes()
    for extra in ([], ["--force"]):
        assert run([str(source), "-o", str(source), *extra]) == 2
        assert "would overwrite the input" in capsys.readouterr().err
        assert source.read_bytes() == before


def test_existing_outputs_in_a_folder_need_force_or_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (corpus / "b.txt").write_text(ARTICLE_DE, encoding="utf-8")
    out = tmp_path / "clean"
    assert run([str(corpus), "-o", str(out)]) == 0
    (out / "corpus" / "a.txt").write_text("edited by hand\n", encoding="utf-8")
    capsys.readouterr()
    assert run([str(corpus), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "2 outputs exist under -o (" in err and "give --force to replace them, or --resume" in err
    assert (out / "corpus" / "a.txt").read_text(encoding="utf-8") == "edited by hand\n"
    assert run([str(corpus), "-o", str(out), "--resume"]) == 0
    assert (out / "corpus" / "a.txt").read_text(encoding="utf-8") == "edited by hand\n"
    assert run([str(corpus), "-o", str(out), "--force"]) == 0
    assert (out / "corpus" / "a.txt").read_text(encoding="utf-8") == ARTICLE_EN


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--force"], "--force needs -o"),
        (["--force", "--resume", "-o", "x"], "--force and --resume: choose one"),
    ],
)
def test_force_is_checked_as_usage(
    tmp_path: Path,
    argv: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE_EN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exited:
        run([str(source), *argv])
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


# -- odd inputs in a folder -----------------------------------------------------------------------


def test_odd_files_in_a_folder_are_named_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "odd"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (corpus / "bad.parquet").write_text("not a parquet file", encoding="utf-8")  # crashed the run
    (corpus / "broken.txt").symlink_to(tmp_path / "nowhere")  # was skipped in silence
    os.mkfifo(corpus / "pipe.txt")  # was skipped in silence (reading it would wait for a writer)
    (corpus / "records.jsonl").write_text(
        json.dumps({"text": ARTICLE_DE}) + "\n{bad json\n" + json.dumps({"body": "x"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "clean"
    assert run([str(corpus), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "bad.parquet: unreadable input: ArrowInvalid" in err
    assert "broken.txt: broken symbolic link: its target does not exist" in err
    assert "skipped 1 named pipes, sockets or devices in folders" in err and "pipe.txt" in err
    assert (
        "5 documents, " in err  # the two files, the three records
        and "3 of 5 documents not cleaned (1 invalid JSON, 1 no text in field 'text', 1 unreadable input); "
        "1 input not read ("
        in err
    )
    assert files(out) == ["odd/a.txt", "odd/records.jsonl"]
    records = [
        json.loads(x) for x in (out / "odd" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [r["cleanmedia"].get("error") for r in records] == [
        None,
        "invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        "no text in field 'text'",
    ]


def test_a_damaged_warc_header_is_a_failure_not_no_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("warcio")
    source = tmp_path / "crawl.warc"
    source.write_bytes(b"WARC/1.0\r\nbroken")  # was "warning: no records", exit 0
    assert run([str(source)]) == 1
    assert "crawl.warc:1: not a WARC record: record 1 has no WARC-Type header" in capsys.readouterr().err
