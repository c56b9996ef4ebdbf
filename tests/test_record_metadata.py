"""What a record says of its page beside the text (a WARC record's URL and date, a record's `url` and
`date` fields) goes into the metadata, logged with its source, in every output: the URL the record's
(it is where the page was fetched from), the date the page's (the record's only where the page and its
text give none)."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanmedia import Metadata, clean_and_explain
from cleanmedia.api import Known, with_known
from cleanmedia.batch import INFO_KEY, clean_batch, clean_frame, clean_records, record_known
from cleanmedia.cli import main
from cleanmedia.dates import stamp_day
from cleanmedia.document import Document
from cleanmedia.inputs import WarcPage
from cleanmedia.sources import warc_known

ARTICLE = "La tension monte entre les deux pays depuis plusieurs mois, selon les experts du conseil."
CANONICAL = "https://example.org/canonical"
#: A page that gives its own URL (canonical) and its own date (an article's <time>).
DATED = (
    f'<html><head><title>t</title><link rel="canonical" href="{CANONICAL}"></head><body><article>'
    f'<p><time datetime="2024-03-05T10:00">5 mars</time></p><p>{ARTICLE}</p></article></body></html>'
)
#: A page that gives neither.
UNDATED = f"<html><head><title>t</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
WARC_DATE = "2026-11-30T12:34:56Z"


def run(argv: list[str]) -> int:
    return main([*argv, "--no-progress", "-q"])


def write_warc(path: Path) -> None:
    """A real WARC (gzip), written by warcio: a request and a response for each page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in (("https://example.org/a", DATED), ("https://example.org/b", UNDATED)):
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Date", "Sun, 29 Nov 2026 23:00:00 GMT")],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body.encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": WARC_DATE},
            )
            writer.write_record(record)


def by(edits: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    return [e for e in edits if e["field"] == field and e["cleaner"] == "record"]


def check_warc_records(records: list[dict[str, Any]]) -> None:
    """The two pages of `write_warc` as output records (with --edits): the URL is the WARC record's,
    replacing the page's own; the date is the page's where it gives one, else the WARC-Date's day."""
    info = [r[INFO_KEY] for r in records]
    assert [i["metadata"]["url"] for i in info] == ["https://example.org/a", "https://example.org/b"]
    assert [i["metadata"]["date"] for i in info] == ["2024-03-05", "2026-11-30"]
    replaced, filled = by(info[0]["metadata_edits"], "url"), by(info[1]["metadata_edits"], "url")
    assert replaced[0]["before"] == CANONICAL and replaced[0]["reason"] == "record.url"
    assert "WARC-Target-URI" in replaced[0]["detail"] and filled[0]["before"] is None
    assert by(info[0]["metadata_edits"], "date") == []  # the page's date wins: nothing to log
    (date,) = by(info[1]["metadata_edits"], "date")
    assert date["reason"] == "record.date" and date["before"] is None and WARC_DATE in date["detail"]
    for i in info:  # the log replays to the metadata
        replayed: dict[str, Any] = {}
        for edit in i["metadata_edits"]:
            assert replayed.get(edit["field"]) == edit["before"]
            replayed[edit["field"]] = edit["after"]
        assert {k: v for k, v in replayed.items() if v is not None} == i["metadata"]


def test_a_warc_records_url_and_date_go_into_every_jsonl_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("warcio")
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    assert run([str(warc), "-o", str(tmp_path / "o"), "--edits"]) == 0  # a folder: crawl.jsonl
    folder = (tmp_path / "o" / "crawl.jsonl").read_text(encoding="utf-8").splitlines()
    check_warc_records([json.loads(x) for x in folder])
    assert run([str(warc), "-o", str(tmp_path / "all.jsonl.gz"), "--explain"]) == 0  # one file, gzip
    import gzip

    one = gzip.decompress((tmp_path / "all.jsonl.gz").read_bytes()).decode().splitlines()
    check_warc_records([json.loads(x) for x in one])
    capsys.readouterr()
    assert run([str(warc), "--edits"]) == 0  # standard output
    check_warc_records([json.loads(x) for x in capsys.readouterr().out.splitlines()])
    assert run([str(warc), "-o", str(tmp_path / "plain")]) == 0  # without the log: the metadata all the same
    plain = [json.loads(x)[INFO_KEY] for x in (tmp_path / "plain" / "crawl.jsonl").open(encoding="utf-8")]
    assert [i["metadata"]["date"] for i in plain] == ["2024-03-05", "2026-11-30"]
    assert all("metadata_edits" not in i for i in plain)


def test_parquet_rows_with_url_and_date_columns(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows: list[dict[str, Any]] = [
        {"text": DATED, "url": "https://example.org/a", "date": WARC_DATE},
        {"text": UNDATED, "url": "https://example.org/b", "date": WARC_DATE},
        {"text": UNDATED, "url": None, "date": "yesterday"},  # no URL; a date that is no time stamp
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "p.parquet")
    assert run([str(tmp_path / "p.parquet"), "-o", str(tmp_path / "o"), "--edits"]) == 0
    out = pq.read_table(tmp_path / "o" / "p.parquet").to_pylist()
    assert [r["cleanmedia_url"] for r in out] == ["https://example.org/a", "https://example.org/b", None]
    assert [r["cleanmedia_date"] for r in out] == ["2024-03-05", "2026-11-30", None]
    logged = [json.loads(r["cleanmedia_metadata_edits"]) for r in out]
    assert [[e["field"] for e in by(edits, "url") + by(edits, "date")] for edits in logged] == [
        ["url"],
        ["url", "date"],
        [],
    ]
    assert by(logged[1], "date")[0]["detail"].startswith("the record's 'date' field")
    assert [r["url"] for r in out] == [r["url"] for r in rows]  # the record's own columns stay


def test_clean_batch_frame_and_records_take_the_rows_url_and_date() -> None:
    batch: dict[str, list[Any]] = {
        "text": [DATED, UNDATED, UNDATED, None],
        "url": ["https://example.org/a", "https://example.org/b", None, "https://example.org/d"],
        "date": [WARC_DATE, "Sun, 29 Nov 2026 23:00:00 GMT", 1_700_000_000, WARC_DATE],
    }
    out = clean_batch(batch)
    assert out["cleanmedia_url"] == ["https://example.org/a", "https://example.org/b", None, None]
    # the page's date wins; an HTTP date is a time stamp too; a number is not used; a failed row has none
    assert out["cleanmedia_date"] == ["2024-03-05", "2026-11-29", None, None]
    assert out["url"] == batch["url"] and out["date"] == batch["date"]
    import pandas as pd

    frame = clean_frame(pd.DataFrame(batch))
    for name in ("cleanmedia_url", "cleanmedia_date"):  # pandas shows a missing value as NaN
        assert [None if pd.isna(v) else v for v in frame[name]] == out[name]
    records = [{k: v[i] for k, v in batch.items()} for i in range(3)]
    cleaned = [r[INFO_KEY]["metadata"] for r in clean_records(records, edits=True)]
    assert [m.get("url") for m in cleaned] == out["cleanmedia_url"][:3]
    assert [m.get("date") for m in cleaned] == out["cleanmedia_date"][:3]


def test_rows_without_url_or_date_are_unchanged() -> None:
    """Negative: a batch without the columns, and a record without the fields, get the page's metadata
    exactly, and no record edit."""
    plain = clean_batch({"text": [DATED, UNDATED]})
    assert plain["cleanmedia_url"] == [CANONICAL, None] and plain["cleanmedia_date"] == ["2024-03-05", None]
    (record,) = clean_records([{"text": DATED, "id": 1}], edits=True)
    assert record[INFO_KEY]["metadata"] == clean_and_explain(DATED).metadata.to_dict()
    assert not [e for e in record[INFO_KEY]["metadata_edits"] if e["cleaner"] == "record"]


def test_the_http_date_header_stands_in_for_a_missing_warc_date() -> None:
    page = WarcPage(1, "https://example.org/a", None, None, None, b"", "Sun, 29 Nov 2026 23:00:00 GMT")
    assert warc_known(page) == (
        Known("url", "https://example.org/a", "WARC-Target-URI"),
        Known("date", "2026-11-29", "the HTTP Date header Sun, 29 Nov 2026 23:00:00 GMT"),
    )
    dated = WarcPage(1, None, WARC_DATE, None, None, b"", "Sun, 29 Nov 2026 23:00:00 GMT")
    assert warc_known(dated) == (Known("date", "2026-11-30", f"WARC-Date {WARC_DATE}"),)
    assert warc_known(WarcPage(1, None, "garbage", None, None, b"", None)) == ()


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-11-30T12:34:56Z", "2026-11-30"),
        ("2026-11-30", "2026-11-30"),
        ("2026-11-30T01:00:00+02:00", "2026-11-30"),
        ("Mon, 30 Nov 2026 12:34:56 GMT", "2026-11-30"),
        ("yesterday", None),
        ("30/11/2026", None),  # a prose date: `dates.parse`, not a record's stamp
        ("2026-13-01", None),
        ("", None),
        (1_700_000_000, None),
        (None, None),
        (datetime.datetime(2026, 11, 30, 23, 59), "2026-11-30"),  # a Parquet timestamp column's value
        (datetime.date(2026, 11, 30), "2026-11-30"),
    ],
)
def test_stamp_day(value: object, day: str | None) -> None:
    assert stamp_day(value) == day


def test_stamp_day_of_pandas_values() -> None:
    pd = pytest.importorskip("pandas")
    assert stamp_day(pd.Timestamp("2026-11-30T12:00:00Z")) == "2026-11-30"
    assert stamp_day(pd.NaT) is None


def test_record_known_reads_only_text_url_and_time_stamp_date() -> None:
    assert record_known({"url": " https://e.org/x ", "date": WARC_DATE, "title": "T"}) == (
        Known("url", "https://e.org/x", "the record's 'url' field"),
        Known("date", "2026-11-30", "the record's 'date' field"),
    )
    assert record_known({"url": 5, "date": "soon"}) == ()
    assert record_known({"url": "", "date": None}) == ()


@given(
    page=st.fixed_dictionaries(
        {}, optional={"url": st.just("https://p.org/"), "date": st.just("2020-01-01")}
    ),
    known=st.lists(
        st.builds(
            Known,
            st.sampled_from(["url", "date", "title"]),
            st.sampled_from(["https://r.org/", "2021-02-02", "T"]),
            st.just("test"),
        ),
        max_size=3,
    ),
)
def test_with_known_keeps_the_log_replayable_and_follows_who_wins(
    page: dict[str, str], known: list[Known]
) -> None:
    from cleanmedia.api import RECORD_WINS, Result
    from cleanmedia.document import MetadataEdit

    edits = [MetadataEdit(k, v, "extract.page", cleaner="extract", step=-1) for k, v in page.items()]  # type: ignore[arg-type]
    result = Result("x\n", [], Metadata(**page), "x\n", edits)
    out = with_known(result, known)
    replayed = Document("")
    for edit in out.metadata_edits:
        assert edit.before == replayed.metadata.get(edit.field)
        replayed.apply_metadata(edit)
    assert replayed.metadata == out.metadata
    assert result.metadata == Metadata(**page)  # not modified
    for name in ("url", "date", "title"):
        given_ = [k.value for k in known if k.field == name]
        wins = RECORD_WINS.get(name, False)
        if given_ and (wins or name not in page):  # the last record value that wins, else the first
            assert out.metadata.get(name) == given_[-1 if wins else 0]
        elif name in page:
            assert out.metadata.get(name) == page[name]


def test_the_datatrove_step_takes_the_documents_url_and_date() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document as TroveDocument

    from cleanmedia.integrations.datatrove import CleanmediaStep

    docs = [
        TroveDocument(text=UNDATED, id="a", metadata={"url": "https://example.org/b", "date": WARC_DATE}),
        TroveDocument(text=DATED, id="b", metadata={"url": "https://example.org/a", "date": WARC_DATE}),
    ]
    out = [d.metadata[INFO_KEY] for d in CleanmediaStep().run(iter(docs))]
    assert [(m["url"], m["date"]) for m in out] == [
        ("https://example.org/b", "2026-11-30"),
        ("https://example.org/a", "2024-03-05"),
    ]
