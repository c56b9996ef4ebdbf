"""The dump gate read on the text as it came, and the main region of a page dump (cleaners/lines.py)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanmedia import DEFAULT_CHAIN, clean_and_explain
from cleanmedia.chain import Chain
from cleanmedia.cleaners import DUMP_CHAIN, Lines
from cleanmedia.cleaners.lines import (
    FEATURES,
    LineModel,
    came_as_dump,
    looks_like_dump,
    main_region,
    stretch,
    tail_blocks,
)
from cleanmedia.cleaners.lines_blocks import Block
from cleanmedia.document import Edit
from cleanmedia.text import word_count
from test_extract_parts import ARTICLES
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


#: A model for the region's mechanics alone: a paragraph scores 0.95, any other line 0.007; the model's
#: own threshold removes nothing, so what goes, goes as outside the main region.
PROSE_ONLY = LineModel(
    tuple(8.0 if f == "prose" else 0.0 for f in FEATURES),
    -5.0,
    0.001,
    (0.0,) * len(FEATURES),
    region_threshold=0.3,
)
REGION_CHAIN = DEFAULT_CHAIN.replace("lines", Lines(model=PROSE_ONLY, dumps_only=True))
#: Per language: a short last paragraph (a sentence under ten words) and a quote that closes an article.
ENDINGS = {
    "de": ["Das Ende ist offen.", "„Wir bleiben dran“, sagte sie."],
    "en": ["The outcome is open.", "“We will keep at it,” she said."],
    "fr": ["L'issue reste ouverte.", "« Nous continuerons », a-t-elle dit."],
    "es": ["El desenlace sigue abierto.", "«Seguiremos en ello», dijo."],
    "it": ["L'esito resta aperto.", "«Andremo avanti», ha detto."],
}


#: A local site's sections: place names, in no phrase list of any language.
PLACES = ["Nordstadt", "Lindenhof", "Oststadt", "Neckarau", "Rheinau", "Feudenheim"]


def _site_dump(code: str, *middle: list[str]) -> str:
    """A whole-page dump: the site's sections by district, then `middle`, teaser titles and the
    districts again as a footer (no label a phrase list knows: the frame is left to the model)."""
    sections = [f"{place} {n}" for n in range(1, 6) for place in PLACES]
    teasers = PAGES[code][3][1:4]
    return "\n".join(sections + [line for part in middle for line in part] + teasers + PLACES) + "\n"


def _region(text: str, code: str) -> tuple[list[str], list[Edit]]:
    result = clean_and_explain(text, input_format="text", lang=code, chain=REGION_CHAIN)
    again = clean_and_explain(result.text, input_format="text", lang=code, chain=REGION_CHAIN)
    assert again.text == result.text  # idempotent
    # French typography puts no-break spaces inside « » and before ":": compared as spaces
    return _lines(result.text.replace("\u00a0", " ")), [e for e in result.edits if e.reason == "lines.region"]


@pytest.mark.parametrize("code", LANGS)
def test_the_frame_outside_the_region_goes(code: str) -> None:
    """The site's sections and menu above the article, the prompt and teasers below it go as outside
    the main region, each edit naming the region; the article (its headline, headings, one-line
    paragraph) stays whole, in order."""
    article = PAGES[code][1]
    out, edits = _region(_site_dump(code, article), code)
    assert [line for line in out if line in article] == article
    assert not [line for line in out if line.split()[0] in PLACES]  # the sections and the footer
    assert edits and all(e.detail.startswith("outside the main region (lines ") for e in edits)
    assert PAGES[code][3][1] not in out  # a teaser's title


@pytest.mark.parametrize("code", LANGS)
def test_a_short_last_paragraph_and_a_closing_quote_stay(code: str) -> None:
    """Sentences right below the article's prose (a short last paragraph, a quote) score as low as the
    menu, but the region stretches over them: they stay; the teasers after them still go."""
    article = PAGES[code][1] + ENDINGS[code]
    out, edits = _region(_site_dump(code, article), code)
    assert [line for line in out if line in article] == article
    assert edits and PAGES[code][3][1] not in out


@pytest.mark.parametrize("code", LANGS)
def test_two_articles_on_one_page_both_stay(code: str) -> None:
    """Two articles with a teaser list between them: every paragraph the model calls article holds the
    region open, so both stay whole, and what stands between them too."""
    first = PAGES[code][1]
    title, lead, paragraphs, heading, more = ARTICLES[code]
    second = [title, lead, *paragraphs, heading, *more]
    between = PAGES[code][3][1:4]
    out, edits = _region(_site_dump(code, first, between, second), code)
    assert [line for line in out if line in first + between + second] == first + between + second
    assert edits and not [line for line in out if line.split()[0] in PLACES]


def test_no_region_without_its_threshold() -> None:
    """A model without a region threshold (the shape of the models shipped before) cuts no region."""
    code = "de"
    model = dataclasses.replace(PROSE_ONLY, region_threshold=0.0)
    chain = DEFAULT_CHAIN.replace("lines", Lines(model=model, dumps_only=True))
    result = clean_and_explain(_site_dump(code, PAGES[code][1]), input_format="text", lang=code, chain=chain)
    assert not any(e.reason == "lines.region" for e in result.edits)


def test_the_region_stretches_over_adjacent_sentences_only() -> None:
    """Sentences right above and below the region join it; a line that is no sentence stops it."""
    sentence = [False, True, True, False, False, True, True, False, True]
    assert stretch((3, 4), sentence) == (1, 6)
    assert stretch((0, 0), sentence) == (0, 2)
    assert stretch((0, -1), sentence) == (0, -1)


def test_a_block_under_the_articles_last_paragraph_is_outside() -> None:
    """Teaser titles right under the article score high and keep the region open; the lines of a block
    (`lines_blocks`) that opens after the last paragraph the model calls article, inside the region, are
    outside it. A block above that paragraph (a list the article wrote between its paragraphs) is not."""
    prose = [False, True, True, False, False, False, False, False, False, True, False]
    scores = [0.1, 0.9, 0.9, 0.8, 0.7, 0.8, 0.7, 0.8, 0.7, 0.3, 0.1]
    teasers = Block(3, "teaser list: 3 units of title + date")
    found = dict.fromkeys(range(3, 9), teasers)
    assert set(tail_blocks(found, prose, scores, 9)) == set(range(3, 9))
    assert tail_blocks(found, prose, scores, 2) == {}  # opens below the region
    strong_after = prose[:9] + [True, False]
    assert tail_blocks(found, strong_after, [*scores[:9], 0.9, 0.1], 10) == {}  # the article goes on
