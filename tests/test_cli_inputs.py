"""The command on the inputs corpora come in, and on the inputs that used to be lost silently: binary and
compressed files, declared charsets, WARC, Parquet, outputs that would destroy inputs or each other, bad
records, unwritable outputs, interrupted and resumed runs. Each failure is reported, none is silent."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cleanmedia import clean
from cleanmedia.cli import main

ARTICLE_FR = "La tension monte entre les deux pays depuis plusieurs mois, selon les experts.\n"
ARTICLE_RU = "Правительство объявило о новых мерах поддержки для малого бизнеса в регионах."
ARTICLE_JA = "政府は中小企業への新たな支援策を発表した。支援策は来月から実施される予定である。"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def html(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><article><p>{body}</p></article></body></html>"


def half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def run(argv: list[str]) -> int:
    return main([*argv, "--no-progress"])


# -- 1. binary and compressed input --------------------------------------------------------------


def test_binary_named_as_text_is_reported_not_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "image.txt").write_bytes(PNG)
    (tmp_path / "in" / "good.txt").write_text(ARTICLE_FR, encoding="utf-8")
    assert run([str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
    assert files(tmp_path / "out") == ["in/good.txt"]
    assert "image.txt: binary data, not text: a PNG image" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "compress"),
    [
        ("a.txt.gz", gzip.compress),
        ("a.txt.bz2", bz2.compress),
        ("a.txt.xz", lzma.compress),
        ("a.txt", gzip.compress),  # compressed, named as plain text: recognised by content
    ],
)
def test_compressed_documents_are_decompressed_by_content(
    tmp_path: Path, name: str, compress: object, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / name).write_bytes(compress(ARTICLE_FR.encode()))  # type: ignore[operator]
    assert run([str(tmp_path / name)]) == 0
    assert capsys.readouterr().out == clean(ARTICLE_FR)


def test_zstd_and_gzip_jsonl(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    line = (json.dumps({"id": 1, "text": ARTICLE_FR}) + "\n").encode()
    (tmp_path / "a.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(line))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(line))
    assert run([str(tmp_path / "a.jsonl.zst"), str(tmp_path / "b.jsonl.gz"), "-o", str(tmp_path / "o")]) == 0
    assert json.loads((tmp_path / "o" / "a.jsonl").read_text(encoding="utf-8"))["text"] == clean(ARTICLE_FR)
    with gzip.open(tmp_path / "o" / "b.jsonl.gz", "rt", encoding="utf-8") as out:  # gzip in, gzip out
        assert json.loads(out.read())["text"] == clean(ARTICLE_FR)
    time.sleep(1.1)  # a gzip header with a time stamp would now differ
    assert run([str(tmp_path / "b.jsonl.gz"), "-o", str(tmp_path / "again"), "-j", "2"]) == 0
    assert (tmp_path / "again" / "b.jsonl.gz").read_bytes() == (tmp_path / "o" / "b.jsonl.gz").read_bytes()


def test_truncated_gzip_keeps_what_was_read_and_reports_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = "".join(json.dumps({"text": f"Texte numéro {i}, une phrase."}) + "\n" for i in range(200))
    packed = gzip.compress(lines.encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    assert run([str(tmp_path / "cut.jsonl.gz"), "-o", str(tmp_path / "o")]) == 1
    with gzip.open(tmp_path / "o" / "cut.jsonl.gz", "rt", encoding="utf-8") as out:
        records = [json.loads(line) for line in out]
    assert records[-1]["cleanmedia"]["error"].startswith("truncated input")
    good = records[:-1]
    assert good and all(
        r["text"] == clean(f"Texte numéro {i}, une phrase.").rstrip("\n") for i, r in enumerate(good)
    )
    assert f"cut.jsonl.gz:{len(good) + 1}: truncated input" in capsys.readouterr().err


# -- 2. declared charsets ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "charset", "text"),
    [
        ('<meta charset="windows-1251">', "cp1251", ARTICLE_RU),
        ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "shift_jis", ARTICLE_JA),
    ],
)
def test_html_files_in_their_declared_charset(
    tmp_path: Path, head: str, charset: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "page.html").write_bytes(html(text, head).encode(charset))
    assert run([str(tmp_path / "page.html")]) == 0
    assert capsys.readouterr().out.strip() == text


def test_charset_option_overrides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes("Ærø og Æbelø.".encode("latin-1"))
    assert run([str(tmp_path / "a.txt"), "--charset", "latin-1"]) == 0
    assert capsys.readouterr().out == "Ærø og Æbelø.\n"


# -- 3. WARC ---------------------------------------------------------------------------------


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        pages = [
            ("https://example.org/ru", "text/html; charset=windows-1251", html(ARTICLE_RU).encode("cp1251")),
            ("https://example.org/logo.png", "image/png", PNG),
            ("https://example.org/fr", "text/html", html(ARTICLE_FR).encode()),
        ]
        for url, content_type, body in pages:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )


def test_warc_response_records_are_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("warcio")
    write_warc(tmp_path / "crawl.warc.gz")
    assert run([str(tmp_path / "crawl.warc.gz"), "-o", str(tmp_path / "o")]) == 0
    records = [
        json.loads(x) for x in (tmp_path / "o" / "crawl.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [r["url"] for r in records] == ["https://example.org/ru", "https://example.org/fr"]
    assert records[0]["text"].strip() == ARTICLE_RU  # the HTTP header's charset, no <meta> in the page
    assert records[1]["text"].rstrip("\n") == clean(ARTICLE_FR).rstrip("\n") and records[1]["date"]
    assert "skipped 1 WARC responses that are not HTML or text" in capsys.readouterr().err


@pytest.mark.parametrize("compressed", [True, False])
@pytest.mark.parametrize("cut", [30, 120])
def test_a_warc_cut_short_reports_its_last_record(tmp_path: Path, compressed: bool, cut: int) -> None:
    """warcio takes a gzip member cut short (EOFError), and a payload shorter than its Content-Length,
    as the end of the archive: the cut record, and the whole file when the cut was in the first, were
    lost with exit status 0. The records before the cut are cleaned; the cut one is reported."""
    pytest.importorskip("warcio")
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    data = path.read_bytes() if compressed else gzip.decompress(path.read_bytes())
    cut_path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    cut_path.write_bytes(data[:-cut])
    errors = tmp_path / "errors.jsonl"
    assert run([str(cut_path), "-o", str(tmp_path / "o"), "--errors", str(errors), "-q"]) == 1
    records = [json.loads(x) for x in (tmp_path / "o" / "cut.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r.get("url") for r in records] == ["https://example.org/ru", None]
    assert records[0]["text"].strip() == ARTICLE_RU
    (reported,) = [json.loads(x) for x in errors.open(encoding="utf-8")]
    assert reported["line"] > 1 and reported["error"].startswith("truncated input")


# -- 2b. Parquet -------------------------------------------------------------------------------


def test_parquet_in_and_out(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    doubled = "Le le chat dort sur le canapé du salon depuis ce matin."
    table = pa.table({"id": [1, 2, 3], "body": [ARTICLE_FR, None, doubled]})
    pq.write_table(table, tmp_path / "pages.parquet")
    assert run([str(tmp_path / "pages.parquet"), "--field", "body", "-o", str(tmp_path / "o")]) == 1
    out = pq.read_table(tmp_path / "o" / "pages.parquet").to_pylist()
    assert [r["id"] for r in out] == [1, 2, 3]
    assert out[0]["body"].rstrip("\n") == clean(ARTICLE_FR).rstrip("\n") and out[0]["cleanmedia_lang"] == "fr"
    assert out[1]["body"] is None and out[1]["cleanmedia_error"] == "no text in field 'body'"
    assert (
        out[2]["body"] == doubled[3:].capitalize() and out[2]["cleanmedia_changes"] >= 1
    )  # no newline gained


def test_a_binary_parquet_column_is_decoded_as_a_file_is(tmp_path: Path) -> None:
    """Found trying the command as a corpus engineer: crawls keep raw HTML in Parquet binary columns, and
    every row failed with "field 'content' is not text". The bytes are decoded as a file's are (the
    page's <meta charset>, detection; --charset overrides), the clean text written back as UTF-8 in the
    binary column (no newline gained); bytes that are no text are a reported failure."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    page = html(ARTICLE_RU, head='<meta charset="windows-1251">').encode("cp1251")
    doubled = "Le le chat dort sur le canapé du salon depuis ce matin."
    rows = {"id": [1, 2, 3], "content": [page, doubled.encode("utf-8"), PNG]}
    pq.write_table(pa.table(rows), tmp_path / "crawl.parquet")
    assert (
        run(
            [
                str(tmp_path / "crawl.parquet"),
                "--field",
                "content",
                "-o",
                str(tmp_path / "o"),
                "-q",
                "-j",
                "1",
            ]
        )
        == 1
    )
    table = pq.read_table(tmp_path / "o" / "crawl.parquet")
    assert table.schema.field("content").type == pa.binary()
    out = table.to_pylist()
    assert out[0]["content"].decode("utf-8").strip() == ARTICLE_RU and out[0]["cleanmedia_error"] is None
    assert out[1]["content"].decode("utf-8") == doubled[3:].capitalize()
    assert out[2]["content"] == PNG and "binary" in out[2]["cleanmedia_error"]


def test_extraction_removals_reach_the_jsonl_and_parquet_outputs(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from test_batch import PAGE_WITH_FURNITURE

    rows = [{"id": 1, "html": PAGE_WITH_FURNITURE}, {"id": 2, "html": "Ein kurzer Text ohne Seite."}]
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert run([str(tmp_path / "pages.jsonl"), "--field", "html", "-o", str(tmp_path / "o")]) == 0
    infos = [json.loads(x)["cleanmedia"] for x in (tmp_path / "o" / "pages.jsonl").open(encoding="utf-8")]
    assert [(i["changes"], i["removals"]) for i in infos] == [
        (0, 4),
        (0, 0),
    ]  # the banner's button too (test_batch)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "pages.parquet")
    assert run([str(tmp_path / "pages.parquet"), "--field", "html", "-o", str(tmp_path / "p")]) == 0
    out = pq.read_table(tmp_path / "p" / "pages.parquet").to_pylist()
    assert [(r["cleanmedia_changes"], r["cleanmedia_removals"]) for r in out] == [(0, 4), (0, 0)]


# -- 4, 5. outputs that would destroy inputs or each other -------------------------------------


def test_output_over_the_inputs_is_refused_and_the_inputs_survive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Le le chat dort.", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": "Le le chat."}) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for argv in (["corpus", "-o", "."], ["d.jsonl", "-o", "."], ["corpus", "-o", "corpus/clean"]):
        with pytest.raises(SystemExit) if False else _no_raise():
            assert run(argv) == 2
    assert (corpus / "a.txt").read_text(encoding="utf-8") == "Le le chat dort."
    assert (tmp_path / "d.jsonl").read_text(encoding="utf-8") == json.dumps({"text": "Le le chat."}) + "\n"
    assert files(tmp_path) == ["corpus/a.txt", "d.jsonl"]
    err = capsys.readouterr().err
    assert "would overwrite the input" in err and "inside the input folder" in err


class _no_raise:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def test_colliding_outputs_are_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("x/corpus", "y/corpus"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.txt").write_text("Un texte.", encoding="utf-8")
    (tmp_path / "x" / "corpus" / "a.html").write_text(html("Un autre texte."), encoding="utf-8")
    status = run([str(tmp_path / "x" / "corpus"), str(tmp_path / "y" / "corpus"), "-o", str(tmp_path / "o")])
    assert status == 2 and not (tmp_path / "o").exists()
    err = capsys.readouterr().err
    assert "a.html and" in err and "would both write" in err and err.count("would both write") == 2


def test_dotdot_in_an_input_cannot_write_outside_the_output(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    out = tmp_path / "deep" / "out"
    assert run([str(tmp_path / "corpus" / "sub" / ".."), "-o", str(out)]) == 0
    assert files(tmp_path / "deep") == ["out/corpus/a.txt"]


def test_unreadable_subfolder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    real = os.scandir

    def scandir(path: Path) -> Any:  # as for a folder without read permission (tests run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert run([str(tmp_path / "in"), "-o", str(tmp_path / "o")]) == 1
    assert "locked: cannot read folder: Permission denied" in capsys.readouterr().err
    assert files(tmp_path / "o") == ["in/a.txt"]


def test_unsupported_files_and_empty_documents_are_mentioned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    assert run([str(tmp_path / "in"), "-o", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "skipped 1 files of other types in folders (1 .md)" in err and "empty.txt: warning: empty" in err


# -- 6. one bad record never ends the run ------------------------------------------------------


def test_bad_records_fail_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        "[" * 5000 + "]" * 5000,  # RecursionError in the JSON parser
        json.dumps({"text": "Un texte \udc80 avec un surrogat seul."}),
        '{"text": "Un texte.", "n": 1e400}',
        '{"text": "Un texte.", "n": NaN}',
        json.dumps({"text": ARTICLE_FR}),
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    assert run([str(tmp_path / "d.jsonl"), "-o", str(tmp_path / "o"), "-j", "1"]) == 1
    raw = (tmp_path / "o" / "d.jsonl").read_bytes()
    out = [json.loads(line) for line in raw.decode("utf-8").splitlines()]  # valid UTF-8, valid JSON
    assert len(out) == 5
    assert out[0]["cleanmedia"]["error"] == "invalid JSON: nested too deeply"
    assert out[1]["text"].startswith("Un texte") and "error" not in out[1]["cleanmedia"]
    assert "out of range" in out[2]["cleanmedia"]["error"] and "NaN" in out[3]["cleanmedia"]["error"]
    assert out[4]["text"] == clean(ARTICLE_FR)
    assert "3 of 5 documents not cleaned" in capsys.readouterr().err


def test_lone_surrogates_are_written_as_json_escapes_or_replaced_in_text() -> None:
    from cleanmedia.outputs import dumps, printable

    line = dumps({"text": "a\udc80b", "x": float("nan")})
    assert line == '{"text": "a\\udc80b", "x": null}' and json.loads(line)["text"] == "a\udc80b"
    assert dumps({"text": "é"}) == '{"text": "é"}'  # UTF-8 kept readable when it can be
    assert printable("a\udc80b") == "a\ufffdb" and printable("é") == "é"


def test_a_file_name_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as bad:
        bad.write(ARTICLE_FR.encode())
    with open(os.path.join(folder, b"png\xe9.txt"), "wb") as bad:
        bad.write(PNG)
    errors = tmp_path / "errors.jsonl"
    assert run([str(tmp_path / "in"), "-o", str(tmp_path / "o"), "--errors", str(errors)]) == 1
    assert os.listdir(os.fsencode(tmp_path / "o" / "in")) == [b"caf\xe9.txt"]
    assert json.loads(errors.read_text(encoding="utf-8"))["source"].endswith("png\ufffd.txt")
    assert "png\ufffd.txt: binary data" in capsys.readouterr().err


# -- 6. unwritable outputs -----------------------------------------------------------------------


def test_output_that_is_a_file_or_unwritable_errors_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    for argv in (["-o", str(tmp_path / "a.txt")], ["--errors", str(tmp_path / "no" / "such" / "e.jsonl")]):
        with pytest.raises(SystemExit) as exit_:
            run([str(tmp_path / "a.txt"), *argv])
        assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "is a file: it must be a folder" in err and "cannot write --errors" in err
    assert "Traceback" not in err


def test_a_full_disk_leaves_no_half_written_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (tmp_path / "o" / "in").mkdir(parents=True)
    os.symlink("/dev/full", tmp_path / "o" / "in" / "b.txt.partial")  # writing there: ENOSPC
    assert run([str(tmp_path / "in"), "-o", str(tmp_path / "o"), "-j", "1"]) == 1
    assert files(tmp_path / "o") == ["in/a.txt"]  # a.txt complete, b.txt absent, no partial left
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("cleanmedia: cannot write") and "No space left on device" in err[-1]


def test_a_full_errors_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(PNG)
    assert run([str(tmp_path / "a.txt"), "--errors", "/dev/full"]) == 1
    err = capsys.readouterr().err
    assert "cannot write the --errors file: No space left on device" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["--lang", "german"], ["--lang", "x1"]])
def test_an_unknown_language_is_a_usage_error(argv: list[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        run([*argv, str(tmp_path)])
    assert exit_.value.code == 2


# -- 7. interrupted and resumed runs --------------------------------------------------------------


def make_corpus(root: Path, n_files: int = 20, per_file: int = 30) -> None:
    root.mkdir(parents=True)
    for f in range(n_files):
        lines = [
            json.dumps({"id": i, "text": f"Le le texte {f}-{i} parle de la ville et du port."})
            for i in range(per_file)
        ]
        (root / f"part{f:02d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def start(argv: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "cleanmedia", *argv, "--no-progress"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job
        preexec_fn=_as_a_terminal_job,
    )


def _as_a_terminal_job() -> None:
    """In the child before it runs the command: Ctrl-C at its default, as a terminal's job has it. A
    process started with SIGINT ignored keeps ignoring it (Python installs its KeyboardInterrupt
    handler only over the default), and a test suite run as a background job of a script (`cmd &`,
    `nohup`) passes SIGINT ignored down to every child: the command then rightly ran to its end
    through the signal, and the test failed with "every run finished before the signal reached it"."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_run_resumes_to_the_same_outputs(tmp_path: Path, sig: signal.Signals) -> None:
    # On a loaded machine the run can finish before the signal is sent (it was seen to): then the
    # same test runs again on a corpus ten times larger (once), so that the signal lands mid-run.
    for per_file in (30, 300):
        root = tmp_path / str(per_file)
        make_corpus(root / "corpus", per_file=per_file)
        if interrupted_run_resumes(root, sig):
            return
    pytest.fail("every run finished before the signal reached it")


def interrupted_run_resumes(root: Path, sig: signal.Signals) -> bool:
    """Interrupt a run with `sig` once its first output exists, check what it left and that `--resume`
    completes it to the outputs of an uninterrupted run; False when the run finished first."""
    corpus, full, part = root / "corpus", root / "full", root / "part"
    assert main([str(corpus), "-o", str(full), "-j", "1", "--no-progress", "-q"]) == 0
    proc = start([str(corpus), "-o", str(part), "-j", "2"])
    deadline = time.monotonic() + 60  # a bound against hanging, not a speed assertion
    while not (part / "corpus" / "part01.jsonl").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, sig)  # Ctrl-C reaches the whole group, SIGTERM too here
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0 and files(part) == files(full):
        return False
    assert proc.returncode in (130, 143), err
    assert "Traceback" not in err and "interrupted" in err
    partial = [p for p in files(part) if p.endswith(".partial")]
    assert len(partial) <= 1  # the record file in progress, kept for --resume (named in the message)
    assert all(p in err for p in partial)
    done = [p for p in files(part) if not p.endswith(".partial")]
    assert 0 < len(done) < 20
    for name in done:
        assert (part / name).read_bytes() == (full / name).read_bytes()
    assert main([str(corpus), "-o", str(part), "--resume", "-j", "2", "--no-progress"]) == 0
    assert files(part) == files(full)
    for name in files(full):
        assert (part / name).read_bytes() == (full / name).read_bytes()
    return True


# -- the mixed batch: good documents among bad ones ----------------------------------------


def test_a_mixed_batch_cleans_every_good_document_and_reports_every_bad_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import cleanmedia.cli as cli
    from cleanmedia.sources import Source, find_sources

    root = tmp_path / "mix"
    root.mkdir()
    good = {
        "good.txt": ARTICLE_FR.encode(),
        "latin.txt": "Le café est très bon à Paris, dit-il.".encode("cp1252"),  # not UTF-8: detected
        "ru.html": html(ARTICLE_RU, '<meta charset="windows-1251">').encode("cp1251"),
        "deep.html": ("<div>" * 10_000 + f"<p>{ARTICLE_FR}</p>" + "</div>" * 10_000).encode(),
    }
    bad = {
        "image.txt": (PNG, "binary data, not text: a PNG image"),
        "huge.txt": (b"x" * 20_000_001, "too large: more than 10 MB (--max-size)"),
        "cut.txt.gz": (half(gzip.compress(ARTICLE_FR.encode() * 50)), "truncated input"),
        "vanished.txt": (ARTICLE_FR.encode(), "cannot read: No such file or directory"),
    }
    for name, data in good.items():
        (root / name).write_bytes(data)
    for name, (data, _) in bad.items():
        (root / name).write_bytes(data)
    (root / "empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"text": ARTICLE_FR}),
        "{oops",
        json.dumps({"body": "x"}),
        json.dumps({"text": ARTICLE_FR}),
    ]
    (root / "r.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_big_warc(root / "crawl.warc.gz", [ARTICLE_FR, ARTICLE_FR])
    (root / "cut.warc.gz").write_bytes((root / "crawl.warc.gz").read_bytes()[:-30])  # inside record 2

    def find_then_delete(*args: Any) -> list[Source]:  # a file deleted between listing and reading
        found = find_sources(*args)
        (root / "vanished.txt").unlink()
        return found

    monkeypatch.setattr(cli, "find_sources", find_then_delete)
    errors = tmp_path / "errors.jsonl"
    assert run([str(root), "-o", str(tmp_path / "o"), "-j", "2", "--errors", str(errors)]) == 1
    out = tmp_path / "o" / "mix"
    assert files(out) == sorted(
        ["crawl.jsonl", "cut.jsonl", "deep.txt", "empty.txt", "good.txt", "latin.txt", "r.jsonl", "ru.txt"]
    )
    assert (out / "good.txt").read_text(encoding="utf-8") == clean(ARTICLE_FR)
    assert (out / "deep.txt").read_text(encoding="utf-8") == clean(ARTICLE_FR)
    assert (out / "latin.txt").read_text(encoding="utf-8") == "Le café est très bon à Paris, dit-il.\n"
    assert (out / "ru.txt").read_text(encoding="utf-8").strip() == ARTICLE_RU
    records = [json.loads(x) for x in (out / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r.get("text") == clean(ARTICLE_FR) for r in records] == [True, False, False, True]
    crawl = [json.loads(x) for x in (out / "crawl.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in crawl] == [clean(ARTICLE_FR).rstrip("\n")] * 2
    assert [r["cleanmedia"]["metadata"]["url"] for r in crawl] == [
        "https://example.org/0",
        "https://example.org/1",
    ]
    cut = [json.loads(x) for x in (out / "cut.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r.get("text") for r in cut] == [clean(ARTICLE_FR).rstrip("\n"), None]  # the whole record kept
    reported = {(Path(r["source"]).name, r["line"]): r["error"] for r in map(json.loads, errors.open())}
    assert reported.keys() == {(n, 0) for n in bad} | {("r.jsonl", 2), ("r.jsonl", 3), ("cut.warc.gz", 2)}
    assert reported[("cut.warc.gz", 2)].startswith("truncated input")
    for name, (_, reason) in bad.items():
        assert reported[(name, 0)].startswith(reason)
    assert not list(tmp_path.rglob("*.partial"))


def write_big_warc(path: Path, texts: list[str]) -> None:
    """A WARC of one HTML response record per text, each with its URL and date (gzip, by warcio)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, text in enumerate(texts):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://example.org/{i}",
                "response",
                payload=io.BytesIO(html(text).encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2026-11-{1 + i % 30:02d}T12:00:00Z"},
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["big.jsonl", "big.jsonl.gz", "big.warc.gz"])
def test_a_killed_run_resumes_inside_a_record_file(tmp_path: Path, name: str) -> None:
    """SIGKILL gives no chance to clean up: the partial output's complete lines are kept, the rest redone.
    A WARC's records come out as JSONL, each with its URL and date in the metadata, resumed alike."""
    texts = [f"Le le texte {i} parle de la ville, du port et de la mer." for i in range(800)]
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)).encode()
    (tmp_path / "in").mkdir()
    if name.endswith(".warc.gz"):
        pytest.importorskip("warcio")
        write_big_warc(tmp_path / "in" / name, texts)
    else:
        (tmp_path / "in" / name).write_bytes(gzip.compress(lines) if name.endswith(".gz") else lines)
    full, part = tmp_path / "full", tmp_path / "part"
    assert main([str(tmp_path / "in" / name), "-o", str(full), "-j", "2", "-q", "--no-progress"]) == 0
    source = tmp_path / "in" / name
    proc = start([str(source), "-o", str(part), "-j", "2"])
    name = name.replace(".warc.gz", ".jsonl")  # WARC records come out as JSONL
    partial = part / (name + ".partial")
    deadline = time.monotonic() + 60  # a bound against hanging, not a speed assertion
    enough = 100 if name.endswith(".gz") else 30_000  # some records flushed (every 256 lines), not all
    while (not partial.exists() or partial.stat().st_size < enough) and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert partial.exists() and not (part / name).exists()
    argv = [str(source), "-o", str(part), "--resume", "-j", "2", "--no-progress"]
    done = subprocess.run(
        [sys.executable, "-m", "cleanmedia", *argv], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    resumed = int(done.stderr.split("resuming: ")[1].split()[0])
    assert 0 < resumed < 800
    assert files(part) == [name]
    assert (part / name).read_bytes() == (full / name).read_bytes()
    if source.name.endswith(".warc.gz"):
        meta = [json.loads(x)["cleanmedia"]["metadata"] for x in (part / name).open(encoding="utf-8")]
        assert [m["url"] for m in meta] == [f"https://example.org/{i}" for i in range(800)]
        assert [m["date"] for m in meta] == [f"2026-11-{1 + i % 30:02d}" for i in range(800)]


# -- choosing the chain, and the summary -----------------------------------------------------------


def test_only_and_without_choose_the_cleaners(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(
        "Partager:\n\nLe le chat dort sur le canapé du salon.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("Un autre texte, sans rien à changer.\n", encoding="utf-8")
    assert run([str(tmp_path / "a.txt"), "--without", "doubled_words"]) == 0
    assert capsys.readouterr().out == "Le le chat dort sur le canapé du salon.\n"
    assert (
        run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--only", "doubled_words,final_layout"]) == 0
    )
    captured = capsys.readouterr()
    assert "Partager:\n\nLe chat dort sur le canapé du salon.\n" in captured.out
    assert "documents changed by each cleaner: doubled_words 1" in captured.err
    with pytest.raises(SystemExit) as exit_:
        run([str(tmp_path / "a.txt"), "--only", "no_such_cleaner"])
    assert exit_.value.code == 2 and "unknown cleaner no_such_cleaner" in capsys.readouterr().err


def test_preset_conservative_makes_no_repair_of_a_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's `--preset conservative|default` was missing: the conservative chain leaves a doubled
    word (a repair) and still removes furniture; --only and --without choose among its cleaners."""
    (tmp_path / "a.txt").write_text(
        "Partager:\n\nLe le chat dort sur le canapé du salon.\n", encoding="utf-8"
    )
    assert run([str(tmp_path / "a.txt"), "--preset", "conservative"]) == 0
    assert capsys.readouterr().out == "Le le chat dort sur le canapé du salon.\n"
    assert run([str(tmp_path / "a.txt"), "--preset", "default"]) == 0
    assert capsys.readouterr().out == "Le chat dort sur le canapé du salon.\n"
    assert (
        run([str(tmp_path / "a.txt"), "--preset", "conservative", "--without", "boilerplate,typography"]) == 0
    )
    assert capsys.readouterr().out == "Partager:\n\nLe le chat dort sur le canapé du salon.\n"
    with pytest.raises(SystemExit) as exit_:
        run([str(tmp_path / "a.txt"), "--preset", "conservative", "--only", "doubled_words"])
    assert (
        exit_.value.code == 2 and "doubled_words: not in the conservative preset" in capsys.readouterr().err
    )


def test_preset_dump_adds_the_line_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--preset dump` runs DUMP_CHAIN (`lines` on every text); the default preset has `lines` too (on
    texts shaped like page dumps only, whatever their source), so both take `--only lines`, neither touches
    a sentence, and a cleaner that is in no preset is refused with a clear message."""
    (tmp_path / "a.txt").write_text(
        "Le chat dort sur le canapé du salon depuis ce matin.\n", encoding="utf-8"
    )
    for preset in ("dump", "default"):
        assert run([str(tmp_path / "a.txt"), "--preset", preset, "--only", "lines"]) == 0
        assert capsys.readouterr().out == "Le chat dort sur le canapé du salon depuis ce matin.\n"
    with pytest.raises(SystemExit) as exit_:
        run([str(tmp_path / "a.txt"), "--preset", "default", "--only", "liness"])
    assert exit_.value.code == 2 and "liness" in capsys.readouterr().err


def test_output_field_keeps_the_raw_text_beside_the_clean_one(tmp_path: Path) -> None:
    """The issue's `--output-field` was missing: the clean text replaced the raw field. With it, the raw
    field stays, the clean text is in the named field (None where cleaning failed), in JSONL, in one
    JSONL output and in Parquet (a column of that name, text even where the input had another type:
    replaced with --overwrite-field, the input's column refused without it)."""
    doubled = "Le le chat dort sur le canapé du salon depuis ce matin."
    rows = [{"id": 1, "body": doubled, "clean": 5}, {"id": 2, "body": None, "clean": 6}]
    lines = [{"id": 1, "body": doubled}, {"id": 2, "body": None}]
    (tmp_path / "d.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    argv = ["--field", "body", "--output-field", "clean", "-q"]
    assert run([str(tmp_path / "d.jsonl"), *argv, "-o", str(tmp_path / "o")]) == 1  # the record without text
    out = [json.loads(x) for x in (tmp_path / "o" / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["body"], r["clean"]) for r in out] == [(doubled, doubled[3:].capitalize()), (None, None)]
    assert out[1]["cleanmedia"]["error"] == "no text in field 'body'"
    assert (
        run(
            [str(tmp_path / "d.jsonl"), *argv[:2], "--output-field", "a.b", "-o", str(tmp_path / "all.jsonl")]
        )
        == 1
    )
    out = [json.loads(x) for x in (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["body"], r["a"]) for r in out] == [
        (doubled, {"b": doubled[3:].capitalize()}),
        (None, {"b": None}),
    ]
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "d.parquet")
    for into in ("clean", "a.b"):
        target = tmp_path / f"p-{into}"
        given = [str(tmp_path / "d.parquet"), *argv[:2], "--output-field", into, "-o", str(target)]
        assert run([*given, "--overwrite-field"] if into == "clean" else given) == 1
        table = pq.read_table(target / "d.parquet")
        assert table.column_names[:3] == ["id", "body", "clean"]
        assert [(r["body"], r[into]) for r in table.to_pylist()] == [
            (doubled, doubled[3:].capitalize()),
            (None, None),
        ]
    with pytest.raises(SystemExit) as exit_:
        run([str(tmp_path / "d.jsonl"), "--output-field", "cleanmedia"])
    assert exit_.value.code == 2


@pytest.mark.parametrize(
    ("argv", "loaded"),
    [([], "all"), (["--lang", "de-DE"], ["de"]), (["-j", "1"], None)],
)
def test_workers_share_the_lexicons_of_a_large_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], loaded: Any
) -> None:
    """Each worker loaded its own lexicons (~300 MB for every language): a run with workers and a large
    input loads them before starting the workers, which then share them (the --lang given, else every
    language with word lists); one worker cleans in the command's process and loads only what it meets."""
    from cleanmedia import cli, lang
    from cleanmedia.resources import LANGUAGES

    calls: list[list[str]] = []
    monkeypatch.setattr(lang, "preload", lambda codes: calls.append(list(codes)))
    monkeypatch.setattr(cli, "SHARE_LEXICONS_FROM", 0)  # the test's input stands for a large one
    (tmp_path / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_FR, encoding="utf-8")
    assert (
        run([str(tmp_path), "-o", str(tmp_path.parent / f"{tmp_path.name}-out"), "-j", "2", "-q", *argv]) == 0
    )
    assert calls == ([] if loaded is None else [list(LANGUAGES) if loaded == "all" else loaded])


def test_preloaded_lexicons_are_the_ones_looked_up() -> None:
    import gc

    from cleanmedia import lang

    try:
        lang.preload(["de"])
        assert gc.get_freeze_count() > 0 and lang.known("Straße", "de")
        assert lang.lexicon("de") is lang._frequencies("de")  # the same table, not a copy
    finally:
        gc.unfreeze()


def test_the_kind_can_be_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("warcio")
    write_warc(tmp_path / "crawl.warc.gz")
    with (tmp_path / "crawl.warc.gz").open("rb") as warc:  # a WARC on standard input
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(warc)))
        assert run(["--kind", "warc", "-q"]) == 0
    urls = [json.loads(line)["url"] for line in capsys.readouterr().out.splitlines()]
    assert urls == ["https://example.org/ru", "https://example.org/fr"]
    (tmp_path / "records.txt").write_text(json.dumps({"text": ARTICLE_FR}) + "\n", encoding="utf-8")
    assert run([str(tmp_path / "records.txt"), "--kind", "jsonl", "-o", str(tmp_path / "o")]) == 0
    assert json.loads((tmp_path / "o" / "records.jsonl").read_text(encoding="utf-8"))["text"] == clean(
        ARTICLE_FR
    )


# -- one JSONL file for everything ---------------------------------------------------------------


def test_one_jsonl_output_for_every_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (root / "b.png.txt").write_bytes(PNG)
    (root / "c.jsonl").write_text(json.dumps({"id": 7, "text": ARTICLE_FR}) + "\n{oops\n", encoding="utf-8")
    out = tmp_path / "all.jsonl.gz"
    assert run([str(root), "-o", str(out)]) == 1
    with gzip.open(out, "rt", encoding="utf-8") as lines:
        got = [json.loads(line) for line in lines]
    assert [(Path(g["cleanmedia"]["source"]).name, g["cleanmedia"]["line"]) for g in got] == [
        ("a.txt", 0),
        ("b.png.txt", 0),
        ("c.jsonl", 1),
        ("c.jsonl", 2),
    ]
    assert got[0]["text"] == clean(ARTICLE_FR) and got[0]["cleanmedia"]["metadata"]["lang"] == "fr"
    assert got[1]["text"] is None and got[1]["cleanmedia"]["error"].startswith("binary data")
    assert got[2]["id"] == 7 and got[2]["text"] == clean(ARTICLE_FR)
    assert got[3]["cleanmedia"]["raw"] == "{oops" and "error" in got[3]["cleanmedia"]
    capsys.readouterr()
    for bad in (root / "all.jsonl", root / "c.jsonl"):  # inside the input folder
        assert run([str(root), "-o", str(bad)]) == 2
    assert run([str(root / "c.jsonl"), "-o", str(root / "c.jsonl")]) == 2  # the input itself
    assert (root / "c.jsonl").read_text(encoding="utf-8").endswith("{oops\n")
    err = capsys.readouterr().err
    assert err.count("inside the input folder") == 2 and "would overwrite the input" in err


def test_a_killed_run_resumes_one_jsonl_output(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus")
    full, part = tmp_path / "full.jsonl.gz", tmp_path / "part.jsonl.gz"
    assert main([str(tmp_path / "corpus"), "-o", str(full), "-j", "2", "-q", "--no-progress"]) == 0
    proc = start([str(tmp_path / "corpus"), "-o", str(part), "-j", "2"])
    partial = tmp_path / "part.jsonl.gz.partial"
    deadline = time.monotonic() + 60  # a bound against hanging, not a speed assertion
    while (not partial.exists() or partial.stat().st_size < 100) and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert partial.exists() and not part.exists()
    argv = [str(tmp_path / "corpus"), "-o", str(part), "--resume", "-j", "2", "--no-progress"]
    done = subprocess.run(
        [sys.executable, "-m", "cleanmedia", *argv], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert 0 < int(done.stderr.split("resuming: ")[1].split()[0]) < 600
    assert part.read_bytes() == full.read_bytes() and not partial.exists()


@pytest.mark.parametrize("name", ["clean.txt", "all.parquet", "out.md", "out.json.gz"])
def test_a_new_output_named_like_a_file_is_refused_not_made_a_folder(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found trying the command as a corpus engineer: `-o all.parquet` (or `-o clean.txt`) made a folder
    of that name holding one output per input, exit 0, where the name promised one file. Refused with
    one line; a folder of that name made first is taken as the folder it is."""
    (tmp_path / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        run([str(tmp_path / "a.txt"), "-o", str(tmp_path / name)])
    assert exit_.value.code == 2 and "is named like a file" in capsys.readouterr().err
    assert files(tmp_path) == ["a.txt"] and not (tmp_path / name).exists()
    (tmp_path / name).mkdir()
    assert run([str(tmp_path / "a.txt"), "-o", str(tmp_path / name), "-q"]) == 0
    assert files(tmp_path / name) == ["a.txt"]


def test_an_output_folder_that_cannot_be_made_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert run([str(tmp_path / "a.txt"), "-o", str(tmp_path / "file" / "out")]) == 1  # under a file
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("cleanmedia: cannot write") and "Not a directory" in err[0]


@pytest.mark.parametrize("where", ["input", "inside", "output"])
def test_errors_file_over_an_input_or_the_output_is_refused(tmp_path: Path, where: str) -> None:
    """Found by a fresh user's test: `--errors keep.txt` emptied the input before it was read."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    keep = corpus / "keep.txt"
    keep.write_text("Important article text.However it ends.\n", encoding="utf-8")
    target = {"input": keep, "inside": corpus / "errors.jsonl", "output": tmp_path / "all.jsonl"}[where]
    with pytest.raises(SystemExit) as stop:
        main([str(corpus), "-o", str(tmp_path / "all.jsonl"), "--errors", str(target)])
    assert stop.value.code == 2
    assert keep.read_text(encoding="utf-8") == "Important article text.However it ends.\n"


def test_resume_into_a_finished_single_file_is_refused_not_silent(tmp_path: Path) -> None:
    """Found by a fresh user's test: a new input was skipped because the single output file existed."""
    corpus = tmp_path / "rc"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"{i}.txt").write_text(f"Article number {i}, a short text.\n", encoding="utf-8")
    out = tmp_path / "all.jsonl"
    assert main([str(corpus), "-o", str(out), "-q", "--no-progress"]) == 0
    (corpus / "3.txt").write_text("Article number 3, a short text.\n", encoding="utf-8")
    assert main([str(corpus), "-o", str(out), "--resume", "-q", "--no-progress"]) != 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3  # untouched, and the run said why


def stop(run: subprocess.Popen[str]) -> str:
    """End a background run a test started (killed if still running), close its pipes and return what
    it wrote on standard error."""
    if run.poll() is None:
        run.kill()
        run.wait()
    err = run.stderr.read() if run.stderr else ""
    for pipe in (run.stdout, run.stderr):
        if pipe is not None:
            pipe.close()
    return err


def test_a_second_run_into_the_same_file_is_refused_while_the_first_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by a fresh user: a second run with --resume appended to the first run's partial file."""
    out = tmp_path / "all.jsonl.gz"
    partial = tmp_path / "all.jsonl.gz.partial"
    first = subprocess.Popen(  # still running: it waits for its standard input
        [sys.executable, "-m", "cleanmedia", "--jsonl", "-", "-o", str(out), "-j", "1", "--no-progress"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60  # a bound against hanging, not a speed assertion
        while not partial.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Zweiter Lauf."}) + "\n", encoding="utf-8")
        second = main([str(tmp_path / "b.jsonl"), "-o", str(out), "--resume", "--no-progress"])
        err = capsys.readouterr().err
        assert first.stdin is not None
        first.stdin.write(json.dumps({"text": "Erster Lauf über die Bahn."}) + "\n")
        first.stdin.close()
        first.wait(timeout=60)
    finally:
        first_err = stop(first)
    assert second == 2, err + first_err
    assert err == f"cleanmedia: {out} is being written by another run (process {first.pid}): not started\n"
    assert first.returncode == 0, first_err
    with gzip.open(out, "rt", encoding="utf-8") as written:
        assert [json.loads(line)["text"] for line in written] == ["Erster Lauf über die Bahn."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl.gz", "b.jsonl"]  # no lock left


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two runs into one output folder wrote the same files in turn, each replacing the other's, and
    emptied each other's --errors file: the second is refused before any work, with one line, and the
    first run's outputs and errors are whole (the folder named another way, by a link, is the same)."""
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "link").symlink_to(out)
    errors = tmp_path / "errors.jsonl"
    first = subprocess.Popen(  # still running: it waits for its standard input
        [
            sys.executable,
            "-m",
            "cleanmedia",
            "--jsonl",
            "-",
            "-o",
            str(out),
            "-j",
            "1",
            "--no-progress",
            "--errors",
            str(errors),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    partial = out / "stdin.jsonl.partial"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "stdin.jsonl").write_text(
        json.dumps({"text": "Zweiter Lauf."}) + "\n", encoding="utf-8"
    )
    try:
        assert first.stdin is not None
        first.stdin.write(json.dumps({"text": "Erster Lauf über die Bahn."}) + "\n")
        first.stdin.flush()  # its output is opened with its first record
        deadline = time.monotonic() + 60  # a bound against hanging, not a speed assertion
        while not partial.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        second = main(
            [
                str(tmp_path / "in" / "stdin.jsonl"),
                "-o",
                str(tmp_path / "link"),
                "--no-progress",
                "--errors",
                str(errors),
            ]
        )
        err = capsys.readouterr().err
        first.stdin.write("{bad\n")
        first.stdin.close()
        first.wait(timeout=60)
    finally:
        first_err = stop(first)
    assert second == 2, err + first_err
    assert (
        err
        == f"cleanmedia: {tmp_path / 'link'} is being written by another run (process {first.pid}): not started\n"
    )
    assert first.returncode == 1, first_err  # the bad line
    written = (out / "stdin.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line).get("text") for line in written] == ["Erster Lauf über die Bahn.", None]
    assert [json.loads(line)["line"] for line in errors.read_text(encoding="utf-8").splitlines()] == [2]
    assert files(out) == ["stdin.jsonl"]  # no lock left


def test_a_refused_run_leaves_no_output_folder_and_no_lock(tmp_path: Path) -> None:
    """The lock is taken only once the outputs are known safe: a refused run makes no folder (inside an
    input folder, it would be read back as input), and one with nothing to clean leaves none."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    assert run([str(corpus), "-o", str(corpus / "clean")]) == 2
    assert run([str(tmp_path / "missing"), "-o", str(tmp_path / "out")]) == 1
    assert files(tmp_path) == ["corpus/a.txt"] and sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]
    assert run([str(corpus), "-o", str(tmp_path / "out")]) == 0
    assert files(tmp_path / "out") == ["corpus/a.txt"]


def test_a_record_cleaned_before_keeps_its_earlier_info(tmp_path: Path) -> None:
    """Found by a fresh user's test: a record's own "cleanmedia" field was overwritten."""
    src = tmp_path / "f.jsonl"
    src.write_text(
        json.dumps(
            {
                "text": "Le le chat dort sur le canapé du salon depuis ce matin.",
                "cleanmedia": {"note": "mine"},
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert main([str(src), "-o", str(tmp_path / "out.jsonl"), "-q", "--no-progress"]) == 0
    (record,) = [
        json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert record["cleanmedia"]["previous"] == {"note": "mine"} and record["text"].startswith("Le chat")


# -- the kind of an input: forced, or by its first bytes -------------------------------------------


def test_a_text_file_forced_as_warc_is_a_reported_failure_not_an_empty_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """warcio reads any text as one (old ARC) record with an empty body: that was an empty output, exit 0."""
    pytest.importorskip("warcio")
    (tmp_path / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    assert run([str(tmp_path / "a.txt"), "--kind", "warc", "--errors", str(errors), "-q"]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line) == {
        "cleanmedia": {
            "error": "not a WARC file: it does not begin with a WARC record header",
            "line": 1,
            "raw": None,
        }
    }
    assert [json.loads(x)["error"] for x in errors.open()] == [
        "not a WARC file: it does not begin with a WARC record header"
    ]


def test_explain_puts_the_edit_log_in_each_record(tmp_path: Path) -> None:
    """--explain was ignored for records (JSONL, WARC, Parquet out): they carry the log as --edits does."""
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps({"text": "Partager:\n\nLe chat dort sur le canapé."}) + "\n", encoding="utf-8")
    for flag in ("--explain", "--edits"):
        assert run([str(src), flag, "-q", "-o", str(tmp_path / flag.strip("-"))]) == 0
    explained, edited = (
        json.loads((tmp_path / name / "r.jsonl").read_text(encoding="utf-8")) for name in ("explain", "edits")
    )
    assert explained == edited
    # six words: no language identified, and the log says so first
    assert [e["reason"] for e in explained["cleanmedia"]["edits"]] == ["lang.unknown", "boilerplate.share"]
    assert explained["text"] == "Le chat dort sur le canapé."


def test_explain_into_a_folder_keeps_the_log_out_of_the_text_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by a new user: `--explain -o folder/` appended each edit log to the clean text file (a
    corpus's training text), which --resume then took as done. The output is the document's JSON
    object instead: the text as cleaned, the log beside it."""
    src = tmp_path / "a.txt"
    src.write_text("Teilen\n\nDie Stadt hat beschlossen, die alte Brücke zu sanieren.\n", encoding="utf-8")
    assert run([str(src), "--explain", "--no-progress", "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json"]
    out = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    assert out["text"] == "Die Stadt hat beschlossen, die alte Brücke zu sanieren.\n"
    assert [e["reason"] for e in out["edits"]] == ["boilerplate.share"]
    assert "NAME.json" in capsys.readouterr().err


STDIN_RECORD = json.dumps({"text": "Partager:\n\nLe chat dort sur le canapé."}) + "\n"


@pytest.mark.parametrize(
    "data",
    [STDIN_RECORD.encode(), ("\ufeff  " + STDIN_RECORD).encode(), gzip.compress(STDIN_RECORD.encode())],
    ids=["plain", "bom-and-space", "gzip"],
)
def test_jsonl_on_standard_input_is_recognised_by_its_first_bytes(
    data: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    assert run(["-q", "-j", "1"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["text"] == "Le chat dort sur le canapé."


@pytest.mark.parametrize(
    "text",
    [
        "{ this is prose in braces }\nLe chat dort.\n",
        '["a", "JSON", "array"]\nLe chat dort.\n',
        '{"not": "closed"\nLe chat dort.\n',
        'Le chat dort.\n{"text": "a record on the second line"}\n',
    ],
)
def test_a_document_on_standard_input_that_only_resembles_json_stays_a_document(
    text: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(text.encode()))))
    assert run(["-q", "-j", "1"]) == 0
    assert capsys.readouterr().out == clean(text)


def test_a_file_named_without_a_known_ending_is_read_as_its_content_says(tmp_path: Path) -> None:
    (tmp_path / "dump").write_text(STDIN_RECORD * 2, encoding="utf-8")
    (tmp_path / "note").write_text(ARTICLE_FR, encoding="utf-8")
    assert run([str(tmp_path / "dump"), str(tmp_path / "note"), "-q", "-o", str(tmp_path / "o")]) == 0
    assert files(tmp_path / "o") == ["dump.jsonl", "note.txt"]
    records = (tmp_path / "o" / "dump.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(r)["text"] for r in records] == ["Le chat dort sur le canapé."] * 2


# -- found by a fresh user's pass (issue 15, third round) --------------------------------------------


def test_a_symbolic_link_to_a_folder_is_named_not_skipped_in_silence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "corpus" / "real").mkdir(parents=True)
    (tmp_path / "corpus" / "real" / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (tmp_path / "corpus" / "loop").symlink_to(tmp_path / "corpus", target_is_directory=True)
    (tmp_path / "corpus" / "b.txt").symlink_to(tmp_path / "corpus" / "real" / "a.txt")  # a file: followed
    assert run([str(tmp_path / "corpus"), "-o", str(tmp_path / "o"), "--no-progress"]) == 0
    assert files(tmp_path / "o") == ["corpus/b.txt", "corpus/real/a.txt"]
    err = capsys.readouterr().err
    assert "skipped 1 symbolic links to folders" in err and "corpus/loop" in err


def test_the_summary_counts_a_record_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A record's field comes back without the final newline a document gets: a clean field is changed by
    no cleaner (the summary said `layout` for every record)."""
    lines = [
        json.dumps({"text": "Le chat dort sur le canapé."}),
        json.dumps({"text": "Partager:\n\nLe chien dort sur le tapis."}),
    ]
    (tmp_path / "r.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run([str(tmp_path / "r.jsonl"), "-o", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "documents changed by each cleaner: boilerplate 1\n" in err + "\n"
    changes = [json.loads(x)["cleanmedia"]["changes"] for x in (tmp_path / "o" / "r.jsonl").open()]
    assert changes == [0, 1]


@pytest.mark.parametrize("name", ["e.jsonl", "e.jsonl.gz", "e.parquet", "e.warc"])
def test_a_record_file_without_records_has_an_empty_output_and_a_warning(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty JSONL file left no output at all, and said nothing (exit 0)."""
    src = tmp_path / name
    if name.endswith(".parquet"):
        pa, pq = pytest.importorskip("pyarrow"), pytest.importorskip("pyarrow.parquet")
        pq.write_table(pa.table({"id": pa.array([], pa.int64()), "text": pa.array([], pa.string())}), src)
    elif name.endswith(".warc"):
        pytest.importorskip("warcio")
        src.write_bytes(b"")  # an empty WARC is a crawl without records, not a file of another kind
    else:
        src.write_bytes(gzip.compress(b"") if name.endswith(".gz") else b"\n")
    assert run([str(src), "-o", str(tmp_path / "o")]) == 0
    assert f"{name}: warning: no records" in capsys.readouterr().err
    name = name.replace(".warc", ".jsonl")  # WARC records come out as JSONL
    assert files(tmp_path / "o") == [name]
    out = tmp_path / "o" / name
    if name.endswith(".parquet"):
        table = pytest.importorskip("pyarrow.parquet").read_table(out)
        assert table.num_rows == 0 and table.schema.names[:2] == ["id", "text"]
    else:
        assert (gzip.decompress(out.read_bytes()) if name.endswith(".gz") else out.read_bytes()) == b""
    assert run([str(src), "-o", str(tmp_path / "o"), "--resume"]) == 0
    assert "1 inputs already have complete outputs" in capsys.readouterr().err


def test_a_language_without_word_lists_is_accepted_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_FR, encoding="utf-8")
    assert run([str(tmp_path / "a.txt"), "--lang", "xx"]) == 0
    captured = capsys.readouterr()
    assert "warning: no word lists for --lang xx" in captured.err
    assert captured.out == clean(ARTICLE_FR, lang="xx")
    assert run([str(tmp_path / "a.txt"), "--lang", "FR"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_the_summary_orders_tied_counts_by_name() -> None:
    """Session 9's new user: tied counts came out in a different order between runs (a document's
    cleaners are a set, workers finish in any order); most first, ties by name."""
    from collections import Counter

    from cleanmedia.cli import Report

    report = Report(documents=3, changed_by=Counter({"typography": 2, "layout": 3, "entities": 2}))
    report.failures = Counter({"too large": 1, "binary data": 1})
    summary = report.summary()
    assert "documents changed by each cleaner: layout 3, entities 2, typography 2" in summary
    assert "(1 binary data, 1 too large)" in summary
