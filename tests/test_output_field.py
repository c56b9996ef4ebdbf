"""`--output-field` (and `clean_records(output_field=...)`) never loses what a record holds: a value
already in the output field is replaced only with `--overwrite-field`, a path through a value that is
not an object is never taken, and a failed record comes back as it came, its reason given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cleanmedia.batch import INFO_KEY, clean_records
from cleanmedia.cli import main
from cleanmedia.inputs import field_conflict, output_field_problem

DOUBLED = "Le le chat dort sur le canapé du salon depuis ce matin."
CLEAN = "Le chat dort sur le canapé du salon depuis ce matin."


def _jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _without_info(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != INFO_KEY}


TAKEN = [
    ({"text": DOUBLED, "article": "A teaser."}, "article.clean", "'article' is text, not an object"),
    ({"text": DOUBLED, "id": 7}, "id", "'id' already holds a value"),
    ({"text": DOUBLED, "a": {"b": [1]}}, "a.b", "'a.b' already holds a value"),
    ({"text": DOUBLED, "a": {"b": 3}}, "a.b.c", "'a.b' is a number, not an object"),
    ({"text": DOUBLED, "a": [1, 2]}, "a.c", "'a' is a list, not an object"),
]


@pytest.mark.parametrize(("record", "into", "reason"), TAKEN)
def test_a_record_whose_output_field_is_taken_comes_back_as_it_came(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], record: dict[str, Any], into: str, reason: str
) -> None:
    """The new user's case: `--output-field article.clean` replaced a text `article` with an object,
    `--output-field id` overwrote the id, both silently with exit status 0. The record now fails alone
    (exit 1, named on standard error) and is written as it came, with the reason."""
    good = {"text": DOUBLED}
    source = _jsonl(tmp_path / "d.jsonl", [record, good])
    assert main([str(source), "--output-field", into, "-o", str(tmp_path / "o")]) == 1
    out = _read(tmp_path / "o" / "d.jsonl")
    assert _without_info(out[0]) == record
    assert out[0][INFO_KEY]["error"].startswith(f"output field taken: {reason}")
    assert reason in capsys.readouterr().err
    assert field_conflict(record, into) is not None
    assert out[1]["text"] == DOUBLED and _without_info(out[1]) != good  # the other record is cleaned
    (api,) = list(clean_records([record], output_field=into))
    assert _without_info(api) == record and api[INFO_KEY]["error"] == out[0][INFO_KEY]["error"]


def test_overwrite_field_replaces_a_value_but_never_a_non_object_on_the_path(tmp_path: Path) -> None:
    records: list[dict[str, Any]] = [{"text": DOUBLED, "id": 7}, {"text": DOUBLED, "article": "A teaser."}]
    source = _jsonl(tmp_path / "d.jsonl", records)
    argv = [str(source), "--overwrite-field", "-o"]
    assert main([*argv, str(tmp_path / "o"), "--output-field", "id"]) == 0
    first, second = _read(tmp_path / "o" / "d.jsonl")
    assert (first["id"], first["text"], second["id"]) == (CLEAN, DOUBLED, CLEAN)
    assert main([*argv, str(tmp_path / "p"), "--output-field", "article.clean"]) == 1
    assert _without_info(_read(tmp_path / "p" / "d.jsonl")[1]) == records[1]
    (api,) = list(clean_records(records[:1], output_field="id", overwrite_field=True))
    assert api["id"] == CLEAN


@pytest.mark.parametrize(
    ("record", "into", "expected"),
    [
        ({"text": DOUBLED}, "clean", {"text": DOUBLED, "clean": CLEAN}),
        ({"text": DOUBLED, "clean": None}, "clean", {"text": DOUBLED, "clean": CLEAN}),
        ({"text": DOUBLED, "a": {"x": 1}}, "a.b", {"text": DOUBLED, "a": {"x": 1, "b": CLEAN}}),
        ({"text": DOUBLED, "a": None}, "a.b", {"text": DOUBLED, "a": {"b": CLEAN}}),
    ],
)
def test_an_output_field_that_loses_nothing_is_written(
    tmp_path: Path, record: dict[str, Any], into: str, expected: dict[str, Any]
) -> None:
    """Negatives: a missing or null output field, a path through objects (--field itself is refused at
    the start: `test_an_output_field_that_can_never_work_is_refused_at_the_start`)."""
    source = _jsonl(tmp_path / "d.jsonl", [record])
    assert main([str(source), "--output-field", into, "-q", "-o", str(tmp_path / "o")]) == 0
    (out,) = _read(tmp_path / "o" / "d.jsonl")
    assert _without_info(out) == expected and "error" not in out[INFO_KEY]
    (api,) = list(clean_records([record], output_field=into))
    assert _without_info(api) == expected


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--field", "article.body", "--output-field", "article"], "would replace the object 'article'"),
        (["--output-field", "text.clean"], "lies inside 'text'"),
        (["--output-field", "text"], "the raw text would be replaced"),
        (["--field", "article.body", "--output-field", "article.body"], "the raw text would be replaced"),
        (["--overwrite-field"], "--overwrite-field needs --output-field"),
    ],
)
def test_an_output_field_that_can_never_work_is_refused_at_the_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    source = _jsonl(tmp_path / "d.jsonl", [{"text": DOUBLED, "article": {"body": DOUBLED}}])
    with pytest.raises(SystemExit) as exit_:
        main([str(source), *argv, "-o", str(tmp_path / "o")])
    assert exit_.value.code == 2 and said in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_output_field_problems_known_before_reading() -> None:
    assert output_field_problem("article.body", "article") is not None
    assert output_field_problem("text", "text.clean") is not None
    assert output_field_problem("text", "text") is not None  # the raw text would be replaced
    assert output_field_problem("article.body", "article.body") is not None
    assert output_field_problem("text", "texts.clean") is None  # a prefix of the name, not of the path
    assert output_field_problem("article.body", "article.clean") is None
    with pytest.raises(ValueError, match="lies inside"):
        clean_records([{"text": DOUBLED}], output_field="text.clean")
    with pytest.raises(ValueError, match="raw text would be replaced"):
        clean_records([{"text": DOUBLED}], output_field="text")


def test_a_parquet_input_with_the_output_column_is_refused_at_the_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.Table.from_pylist([{"text": DOUBLED, "id": 7}]), tmp_path / "d.parquet")
    argv = [str(tmp_path / "d.parquet"), "--output-field", "id", "-o"]
    assert main([*argv, str(tmp_path / "o")]) == 2
    assert "already has a column 'id'" in capsys.readouterr().err and not (tmp_path / "o").exists()
    assert main([*argv, str(tmp_path / "p"), "--output-field", "clean"]) == 0  # a new column: written
    assert pq.read_table(tmp_path / "p" / "d.parquet").to_pylist()[0]["clean"] == CLEAN
