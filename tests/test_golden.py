"""Every fixture case: input cleaned must equal expected.txt exactly (strict xfail where case.json says why)."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain, replay
from fixtures import Case, cases


def _params() -> list[object]:
    return [
        pytest.param(c, id=c.name, marks=[pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else [])
        for c in cases()
    ]


@pytest.mark.parametrize("case", _params())
def test_output_is_expected(case: Case) -> None:
    result = clean_and_explain(case.input)
    assert result.text == case.expected
    for key, value in case.info.get("metadata", {}).items():
        assert getattr(result.metadata, key) == value, key


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_language_and_log(case: Case) -> None:
    result = clean_and_explain(case.input)
    assert result.metadata.lang == case.info["lang"]
    assert replay(result.source, result.edits) == result.text


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_expected_is_a_fixed_point(case: Case) -> None:
    """A reviewed target must itself be clean: cleaning it changes nothing (unless the case is pending)."""
    if case.xfail:
        pytest.skip("pending case")
    assert clean_and_explain(case.expected).text == case.expected
