"""Furniture injected into clean articles of seven languages: every injected line goes, no article line does."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain
from injection import Injected, documents

DOCS = list(documents())


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("doc", DOCS, ids=[f"{d.lang}-{i}" for i, d in enumerate(DOCS)])
def test_injected_furniture_is_removed_and_article_kept(doc: Injected) -> None:
    result = clean_and_explain(doc.text)
    out = _lines(result.text)
    article = [line for block in doc.article_lines for line in block.split("\n")]
    assert out == article, "\n".join(result.explain().split("\n")[:40])
    assert result.metadata.lang == doc.lang


def test_bylines_and_datelines_go_to_metadata() -> None:
    by_lang = {d.lang: clean_and_explain(d.text).metadata for d in DOCS if "Par Julien Moreau" in d.text}
    meta = by_lang["fr"]
    assert meta.author == "Julien Moreau" and meta.date == "2025-03-12"


@pytest.mark.parametrize("doc", list(documents(held_out=True)), ids=lambda d: d.lang)
def test_held_out_furniture_never_costs_an_article_line(doc: Injected) -> None:
    out = _lines(clean_and_explain(doc.text).text)
    article = [line for block in doc.article_lines for line in block.split("\n")]
    assert [line for line in out if line in article] == article
