"""The dump gate read on the text as it came, and the main region of a page dump (cleaners/lines.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanmedia import DEFAULT_CHAIN, clean_and_explain
from cleanmedia.chain import Chain
from cleanmedia.cleaners import DUMP_CHAIN
from cleanmedia.cleaners.lines import came_as_dump, looks_like_dump, main_region
from cleanmedia.text import word_count
from test_lines import LANGS, PAGES

#: An ad label the phrase rules take as a frame line, per language.
AD_LABELS = {
    "de": "Anzeige",
    "en": "Advertisement",
    "fr": "Publicité",
    "es": "Publicidad",
    "it": "Pubblicità",
}
PREFIX = Chain(list(DEFAULT_CHAIN)[: DEFAULT_CHAIN.names.index("lines")])  # what `lines` is given


def _lines(text: str) -> list[str]:
    return [t.strip() for t in text.splitlines() if t.strip()]


def _framed_dump(code: str) -> str:
    """A page dump whose header is exactly five short lines, one of them an ad label: once the phrase
    rules took the label, four are left above the article's first paragraph."""
    menu, article, prompt, teasers = PAGES[code]
    head = [AD_LABELS[code], *menu[: 3 if word_count(article[0]) <= 5 else 4]]
    sections = [f"{line} {n}" for n in range(1, 6) for line in menu]
    return "\n".join(head + article + prompt + teasers + sections) + "\n"


@pytest.mark.parametrize("code", LANGS)
def test_the_gate_reads_the_dump_as_it_came(code: str) -> None:
    """A frame line the phrase rules take from a dump's header leaves a text that no longer looks like
    a dump; the model still runs (the default chain decides as `DUMP_CHAIN` does), the article stays
    whole, and cleaning the output again changes nothing."""
    text = _framed_dump(code)
    left = clean_and_explain(text, input_format="text", lang=code, chain=PREFIX).text
    assert looks_like_dump(_lines(text)) and not looks_like_dump(_lines(left))
    assert came_as_dump(text, left)
    result = clean_and_explain(text, input_format="text", lang=code)
    assert result.text == clean_and_explain(text, input_format="text", lang=code, chain=DUMP_CHAIN).text
    article = PAGES[code][1]
    assert [line for line in _lines(result.text) if line in article] == article
    assert clean_and_explain(result.text, input_format="text", lang=code).text == result.text
    if code == "de":  # the site's sections, in words no phrase list names, go by the model
        assert sum(e.cleaner == "lines" for e in result.edits) >= 20


@pytest.mark.parametrize("code", LANGS)
def test_a_clean_article_came_as_no_dump(code: str) -> None:
    """The negative: an article with its headings, as it came, is no dump: the model does not run."""
    text = "\n".join(PAGES[code][1] * 6) + "\n"
    assert not came_as_dump(text, text[:-1]) and not came_as_dump("", text)
    result = clean_and_explain(text, input_format="text", lang=code)
    assert not any(e.cleaner == "lines" for e in result.edits)


def test_the_region_is_the_best_stretch() -> None:
    """Short low lines above and below go, the stretch of high-scoring prose stays, with the short
    low line inside it (a heading, a caption): its cost is less than what the prose after it brings."""
    scores = [0.1, 0.2, 0.1, 0.9, 0.2, 0.8, 0.9, 0.1, 0.05]
    words = [2, 1, 3, 30, 2, 25, 20, 3, 2]
    assert main_region(scores, words, (3, 6), 0.3) == (3, 6)
    assert main_region(scores, words, (0, -1), 0.3) == (3, 6)


def test_the_region_holds_the_core() -> None:
    """The article's core (its prose) is never cut, however low the model scores it."""
    scores = [0.9, 0.9, 0.1, 0.1, 0.2]
    words = [40, 30, 3, 2, 50]
    assert main_region(scores, words, (0, 4), 0.5) == (0, 4)
    assert main_region([0.0] * 5, words, (1, 3), 0.5) == (1, 3)
    assert main_region([0.0] * 5, words, (0, -1), 0.5) == (0, -1)  # nothing scores: no region


@given(
    st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(1, 60)), min_size=1, max_size=40),
    st.floats(0.05, 0.95),
)
def test_what_the_region_cuts_scores_low(lines: list[tuple[float, int]], threshold: float) -> None:
    """Every stretch cut off next to the region has a mean score, weighted by words, of at most the
    threshold (else the region would have taken it); no region when no line scores above it."""
    scores, words = [p for p, _ in lines], [w for _, w in lines]
    lo, hi = main_region(scores, words, (0, -1), threshold)
    if hi < lo:
        assert all(p <= threshold for p in scores)
        return
    gains = [(p - threshold) * w for p, w in lines]
    for start in range(lo):
        assert sum(gains[start:lo]) <= 1e-9
    for end in range(hi + 1, len(lines)):
        assert sum(gains[hi + 1 : end + 1]) <= 1e-9
