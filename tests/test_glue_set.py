"""Glued words on a token set of five languages: precision >= 0.99 and recall >= 0.9 (issue bar)."""

from __future__ import annotations

from glue_set import score, tokens


def test_token_set_is_big_and_balanced() -> None:
    rows = tokens()
    assert len(rows) >= 300
    assert {t.lang for t in rows} == {"en", "fr", "it", "de", "es"}
    assert sum(t.expected != t.token for t in rows) >= 100


def test_glue_precision_and_recall() -> None:
    precision, recall, wrong = score(tokens())
    report = "\n".join(f"{t.lang} {t.token!r}: got {out!r}, want {t.expected!r}" for t, out in wrong)
    assert precision >= 0.99, report
    assert recall >= 0.9, report
