"""A record's language field (`lang`, or `--lang-field NAME`) is the document's given language, in every
worker; a value that is no language code fails that record alone. `--field` and `--lang-field` on inputs
that have no records (text, HTML, WARC) are said once, not ignored in silence. Found by a fresh user."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleanmedia.batch import Given, clean_batch, clean_many, clean_records, given_lang
from cleanmedia.cli import main

# English prose: identified as English when no language is given
ENGLISH = "The council met on Monday and agreed on a new budget for the schools of the city."


def run(argv: list[str]) -> int:
    return main([*argv, "--no-progress"])


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "lang"),
    [
        ("de", "de"),
        ("DE", "de"),
        ("de-AT", "de"),
        ("pt_BR", "pt"),
        ("deu", "de"),  # ISO 639-2/3: the two-letter code the resources use
        ("sw", "sw"),  # a language without word lists is still a language
        (" fr ", "fr"),
        (None, ""),  # no value, an empty one, or "undetermined": the language is identified
        ("", ""),
        ("und", ""),
    ],
)
def test_given_lang_reads_codes_and_tags(value: object, lang: str) -> None:
    assert given_lang(value, "lang") == lang


@pytest.mark.parametrize("value", ["german", "xx", "de-", "12", 5, ["de"], True])
def test_given_lang_refuses_what_is_no_language_code(value: object) -> None:
    with pytest.raises(ValueError, match="field 'lang' is not a"):
        given_lang(value, "lang")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_given_language_travels_with_its_document(jobs: int) -> None:
    docs: list[object] = [Given(ENGLISH, "de"), ENGLISH, Given(ENGLISH, "fr"), Given(ENGLISH, "")]
    outcomes = list(clean_many(docs, jobs=jobs, chunk_size=1))
    assert [o.result.metadata.lang if o.result else None for o in outcomes] == ["de", "en", "fr", "en"]
    given = [e for e in outcomes[0].result.metadata_edits if e.field == "lang"] if outcomes[0].result else []
    assert [e.reason for e in given] == ["lang.given"]


def test_a_bad_given_language_fails_its_document_alone() -> None:
    outcomes = list(clean_many([Given(ENGLISH, "not a code"), ENGLISH], jobs=1))
    assert (
        outcomes[0].result is None
        and outcomes[0].error
        and "lang must be an ISO 639 code" in outcomes[0].error
    )
    assert outcomes[1].ok


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_records_lang_field_is_its_language(
    tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {"id": 1, "text": ENGLISH, "lang": "de"},
        {"id": 2, "text": ENGLISH, "lang": "pt_BR"},
        {"id": 3, "text": ENGLISH, "lang": "german"},
        {"id": 4, "text": ENGLISH},
        {"id": 5, "text": ENGLISH, "lang": "und"},
        {"id": 6, "text": ENGLISH, "lang": 7},
    ]
    source = write_jsonl(tmp_path / "d.jsonl", rows)
    assert run([str(source), "-o", str(tmp_path / "o"), "-j", jobs, "--edits"]) == 1
    out = lines(tmp_path / "o" / "d.jsonl")
    assert [r["id"] for r in out] == [1, 2, 3, 4, 5, 6]  # every record kept, failed ones too
    assert [r["cleanmedia"].get("metadata", {}).get("lang") for r in out] == [
        "de",
        "pt",
        None,
        "en",
        "en",
        None,
    ]
    assert out[0]["cleanmedia"]["metadata_edits"][0]["reason"] == "lang.given"
    assert out[2]["cleanmedia"]["error"] == "field 'lang' is not a known language code: 'german'"
    assert out[5]["cleanmedia"]["error"] == "field 'lang' is not a language code: got int"
    assert [r["lang"] for r in out if "lang" in r] == ["de", "pt_BR", "german", "und", 7]  # the input kept
    err = capsys.readouterr().err
    assert "d.jsonl:3: field 'lang' is not a known language code: 'german'" in err
    assert "d.jsonl:6: field 'lang' is not a language code" in err


def test_the_records_language_wins_over_lang_which_fills_the_others(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "d.jsonl", [{"text": ENGLISH, "lang": "it"}, {"text": ENGLISH}])
    assert run([str(source), "-o", str(tmp_path / "o"), "--lang", "fr", "-q"]) == 0
    assert [r["cleanmedia"]["metadata"]["lang"] for r in lines(tmp_path / "o" / "d.jsonl")] == ["it", "fr"]


def test_lang_field_names_another_field_or_none(tmp_path: Path) -> None:
    rows = [{"text": ENGLISH, "meta": {"language": "es"}, "lang": "xx"}]
    source = write_jsonl(tmp_path / "d.jsonl", rows)
    assert run([str(source), "-o", str(tmp_path / "a"), "--lang-field", "meta.language", "-q"]) == 0
    assert lines(tmp_path / "a" / "d.jsonl")[0]["cleanmedia"]["metadata"]["lang"] == "es"
    assert run([str(source), "-o", str(tmp_path / "b"), "--lang-field", "", "-q"]) == 0  # none read
    assert lines(tmp_path / "b" / "d.jsonl")[0]["cleanmedia"]["metadata"]["lang"] == "en"


def test_a_parquet_rows_lang_column(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"body": [ENGLISH, ENGLISH], "lang": ["nl", "qq"]}), tmp_path / "p.parquet")
    assert run([str(tmp_path / "p.parquet"), "--field", "body", "-o", str(tmp_path / "o"), "-q"]) == 1
    out = pq.read_table(tmp_path / "o" / "p.parquet").to_pylist()
    assert [r["cleanmedia_lang"] for r in out] == ["nl", None]
    assert out[1]["cleanmedia_error"] == "field 'lang' is not a known language code: 'qq'"


def test_field_on_inputs_without_records_is_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt", "c.html", "d.txt"):
        (tmp_path / "in" / name).write_text(ENGLISH, encoding="utf-8")
    write_jsonl(tmp_path / "in" / "r.jsonl", [{"body": ENGLISH}])
    assert run([str(tmp_path / "in"), "--field", "body", "-o", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: --field applies to JSONL and Parquet records only") == 1
    assert "ignored for 4 inputs cleaned whole (text, HTML or WARC: " in err
    assert "a.txt, " in err and "c.html and 1 more)" in err and "r.jsonl" not in err
    assert lines(tmp_path / "o" / "in" / "r.jsonl")[0]["body"].startswith("The council")  # --field used there
    assert run([str(tmp_path / "in" / "a.txt"), "--lang-field", "x", "--field", "y"]) == 0
    assert (
        "warning: --field and --lang-field apply to JSONL and Parquet records only" in capsys.readouterr().err
    )


def test_no_warning_without_field_or_without_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    source = write_jsonl(tmp_path / "r.jsonl", [{"body": ENGLISH}])
    assert (
        run([str(tmp_path / "a.txt"), str(source), "-o", str(tmp_path / "o")]) == 1
    )  # r.jsonl has no "text"
    assert run([str(source), "--field", "body", "-o", str(tmp_path / "p")]) == 0
    assert "warning: --field" not in capsys.readouterr().err


def test_clean_records_reads_a_records_language_as_the_command_does(tmp_path: Path) -> None:
    """`clean_records` (and `clean_batch`) honour the record's `lang` as the command does: the same
    languages, the same failures, the same messages. Found by a new user: the library ignored it."""
    rows: list[dict[str, Any]] = [
        {"id": 1, "text": ENGLISH, "lang": "de"},
        {"id": 2, "text": ENGLISH, "lang": "german"},
        {"id": 3, "text": ENGLISH},
        {"id": 4, "text": ENGLISH, "meta": {"language": "es"}},
        {"id": 5, "lang": "fr"},  # no text: fails as such, whatever its language says
    ]
    source = write_jsonl(tmp_path / "d.jsonl", rows)
    assert run([str(source), "-o", str(tmp_path / "o"), "-q"]) == 1
    command = lines(tmp_path / "o" / "d.jsonl")
    library = list(clean_records([dict(r) for r in rows]))
    assert [r["cleanmedia"].get("metadata", {}).get("lang") for r in library] == [
        "de",
        None,
        "en",
        "en",
        None,
    ]
    assert [r["cleanmedia"].get("metadata") for r in library] == [
        r["cleanmedia"].get("metadata") for r in command
    ]
    assert library[1]["cleanmedia"]["error"] == command[1]["cleanmedia"]["error"]
    assert library[1]["cleanmedia"]["error"] == "field 'lang' is not a known language code: 'german'"
    assert "error" in library[4]["cleanmedia"] and "lang" not in library[4]["cleanmedia"]["error"]
    nested = list(clean_records([dict(r) for r in rows[3:4]], lang_field="meta.language"))
    assert nested[0]["cleanmedia"]["metadata"]["lang"] == "es"
    assert run([str(source), "-o", str(tmp_path / "n"), "-q", "--lang-field", "meta.language"]) == 1
    assert lines(tmp_path / "n" / "d.jsonl")[3]["cleanmedia"]["metadata"]["lang"] == "es"
    unread = list(clean_records([dict(rows[0])], lang_field=None))
    assert unread[0]["cleanmedia"]["metadata"]["lang"] == "en"  # none read: identified


def test_clean_batch_reads_a_lang_column() -> None:
    out = clean_batch({"text": [ENGLISH, ENGLISH, ENGLISH], "lang": ["it", "xx", None]})
    assert out["cleanmedia_lang"] == ["it", None, "en"]
    assert out["cleanmedia_error"] == [None, "field 'lang' is not a known language code: 'xx'", None]
    assert out["text"][1] == ENGLISH  # a failed row keeps its input
    assert clean_batch({"text": [ENGLISH], "lang": ["it"]}, lang_field=None)["cleanmedia_lang"] == ["en"]


# A missing language in a frame (eleventh session: a new user's NaN was "not a language code: got
# float"): NaN, None, pd.NA mean "identify", like an empty value; never the string "nan".

GERMAN = "Der Gemeinderat hat am Montag einen neuen Haushalt für die Schulen der Stadt beschlossen."
FRENCH = "Le conseil municipal a adopté lundi un nouveau budget pour les écoles de la ville."


def test_given_lang_reads_a_missing_value_as_none_given() -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    for value in (float("nan"), np.nan, np.float32("nan"), pd.NA, pd.NaT):
        assert given_lang(value, "lang") == ""
    with pytest.raises(ValueError, match="got float"):
        given_lang(2.5, "lang")  # a number is still no language code


@pytest.mark.parametrize("dtype", ["object", "string", "category"])
def test_clean_frame_identifies_the_language_of_rows_without_one(dtype: str) -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    from cleanmedia.batch import clean_frame

    frame = pd.DataFrame(
        {
            "text": [GERMAN, FRENCH, ENGLISH, GERMAN, ENGLISH],
            "lang": ["it", np.nan, None, pd.NA, "xx"],
        }
    )
    frame["lang"] = frame["lang"].astype(dtype) if dtype != "category" else frame["lang"].astype("category")
    out = clean_frame(frame)
    assert out["cleanmedia_lang"].tolist()[:4] == ["it", "fr", "en", "de"]
    errors = out["cleanmedia_error"].tolist()
    assert [e is None or e != e for e in errors[:4]] == [True] * 4  # None (or NaN in a frame)
    assert errors[4] == "field 'lang' is not a known language code: 'xx'"


def test_clean_batch_reads_nan_as_no_language() -> None:
    out = clean_batch({"text": [GERMAN, FRENCH], "lang": [float("nan"), None]})
    assert out["cleanmedia_lang"] == ["de", "fr"]
    assert out["cleanmedia_error"] == [None, None]


def test_a_language_without_word_lists_is_said_in_the_metadata_log() -> None:
    """Found by session 11's new user: `clean(text, lang="xx")` turned the word repairs off in silence
    (the command warns); the metadata log now says it, and a supported code keeps the short reason."""
    from cleanmedia import clean_and_explain

    text = "Das ist ein Test mit einem Satz. Noch einer hier."
    unknown = clean_and_explain(text, lang="xx")
    (edit,) = [e for e in unknown.metadata_edits if e.field == "lang"]
    assert edit.after == "xx"
    assert "no word lists for 'xx'" in edit.detail and "de" in edit.detail
    known = clean_and_explain(text, lang="de")
    (edit,) = [e for e in known.metadata_edits if e.field == "lang"]
    assert edit.detail == "given by the caller"
