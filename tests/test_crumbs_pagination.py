"""Breadcrumb trails above the headline and page counters of a split article (session 11's new user):
"Wirtschaft > Unternehmen" and "Rezepte > Hauptgerichte > Vegetarisch" stayed at the top of dumps and
became the metadata title, and so did "Seite 1 von 2". They go; the metadata title is the headline;
a comparison written with ">" and the same shapes inside the article stay."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain
from cleanmedia.cleaners.boilerplate import crumb_trail, furniture_title
from cleanmedia.cleaners.widgets import widget
from test_furniture_rows import TEXTS
from textcases import assert_goes, assert_stays, case, cleaned, removed

LANGS = ["de", "en", "fr", "es", "it"]

#: Per language: trails of two and three parts, with the separators a site writes.
TRAILS = {
    "de": ["Politik > Ausland", "Reisen › Europa › Städtereisen", "Kultur / Musik"],
    "en": ["News > World", "Lifestyle » Food » Healthy Eating", "Sport / Football"],
    "fr": ["Actualités > Monde", "Culture › Cinéma › Critiques", "Société / Éducation"],
    "es": ["Noticias > Internacional", "Deportes » Fútbol » Liga", "Cultura / Libros"],
    "it": ["Notizie > Cronaca", "Sport › Calcio › Serie A", "Cultura / Libri"],
}

#: Per language: a page counter of an article split over pages.
PAGES = {
    "de": "Seite 1 von 2",
    "en": "Page 2 of 5",
    "fr": "Page 1 sur 3",
    "es": "Página 1 de 3",
    "it": "Pagina 1 di 2",
}


@pytest.mark.parametrize("code", LANGS)
def test_a_trail_above_the_headline_goes_and_the_headline_is_the_title(code: str) -> None:
    title = TEXTS[code][0]
    for trail in TRAILS[code]:
        result = assert_goes(case(code, trail, where="top"), title=title)
        assert removed(result)[trail][0] == "boilerplate.breadcrumb"


@pytest.mark.parametrize("code", LANGS)
def test_a_page_counter_goes_anywhere_and_is_never_the_title(code: str) -> None:
    title = TEXTS[code][0]
    result = assert_goes(case(code, PAGES[code], where="top"), title=title)
    assert removed(result)[PAGES[code]][0] == "boilerplate.pagination"
    assert_goes(case(code, PAGES[code], where="end"))


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Seite 1 von 2", "boilerplate.pagination"),
        ("Page 2 of 5", "boilerplate.pagination"),
        ("Página 1 de 3", "boilerplate.pagination"),
        ("Pagina 1 di 2", "boilerplate.pagination"),
        ("Page 1 sur 3", "boilerplate.pagination"),
        ("Foto 1 di 8", "boilerplate.gallery"),
        ("Seite 3 von 2", None),  # n > m: no counter
        ("Seite", None),  # a word alone: maybe a heading, not a counter
        ("Page", None),
        ("Seite 12", None),
    ],
)
def test_a_page_counter_is_a_page_word_n_a_stop_word_and_m(line: str, kind: str | None) -> None:
    verdict = widget(line)
    assert (verdict.reason if verdict is not None else None) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Preis > 100 Euro",
        "a > b",
        "Wenn x > 3, dann gilt der Satz nicht",
        "Wirtschaft",
        "Politik > Ausland > Europa. Mehr dazu",
        "Ja, wir > sie",
        "„Zitat“ > Meinung",
        "Berlin - Hamburg",  # a dash joins places and scores: not a trail's separator here
        "Politik > Ausland › Europa",  # two kinds of separator
        "Eins zwei drei vier fünf > Ausland",  # a part of five words
    ],
)
def test_lines_that_are_no_trail(line: str) -> None:
    assert not crumb_trail(line)


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("de", "Preis > 100 Euro"),
        ("en", "a > b"),
        ("fr", "Prix > 100 euros"),
        ("es", "Precio > 100 euros"),
        ("it", "Prezzo > 100 euro"),
    ],
)
def test_a_comparison_above_the_headline_stays(code: str, line: str) -> None:
    result = assert_stays(case(code, line, where="top"))
    assert line not in removed(result)


@pytest.mark.parametrize("code", LANGS)
def test_a_trail_between_the_paragraphs_stays(code: str) -> None:
    """Lower down, the same shape is the article's (a subheading such as "Kosten > Nutzen"); French
    headings may have their case repaired (not this rule's): the line is not removed."""
    for trail in TRAILS[code]:
        result = cleaned(case(code, trail, where="between"))
        assert trail not in removed(result)
        assert result.text.count("\n\n") == 3, trail


def test_a_trail_with_no_heading_below_it_stays() -> None:
    """A trail's shape right above a paragraph heads no headline: the rule leaves it (precision)."""
    title, (first, second) = TEXTS["de"]
    text = "\n\n".join(["Kosten > Nutzen", first, second]) + "\n"
    result = clean_and_explain(text, input_format="text", lang="de")
    assert "Kosten > Nutzen" not in removed(result)


@pytest.mark.parametrize("code", LANGS)
def test_the_title_is_never_a_trail_or_a_counter(code: str) -> None:
    for line in [*TRAILS[code][:2], PAGES[code]]:  # the third: two parts and a slash, see below
        assert furniture_title(line), line
    assert not furniture_title(TEXTS[code][0])


def test_the_trail_and_the_counter_go_together_above_a_dumps_headline() -> None:
    """A dump's top: a menu, a trail of two parts, a page counter, the headline, its paragraphs."""
    title, (first, second) = TEXTS["de"]
    text = "\n".join(
        ["Startseite", "Politik", "Sport", "Politik > Ausland", "Seite 1 von 2", title, first, second]
    )
    result = clean_and_explain(text + "\n", input_format="text", lang="de")
    assert result.metadata.title == title
    assert result.text.startswith(title)
    assert first in result.text and second in result.text
    assert clean_and_explain(result.text, input_format="text", lang="de").text == result.text


@pytest.mark.parametrize("code", LANGS)
def test_a_trails_shape_under_a_line_that_stays_stays(code: str) -> None:
    """Under a title or a menu's label that stays, the shape may be a menu's item or a forum's category
    ("Barbecue portable / Camping" in a shop's menu): the rule wants the text's edge or furniture above."""
    title, (first, second) = TEXTS[code]
    trail = TRAILS[code][2]
    text = "\n\n".join([title, trail, "Zweite Zeile hier", first, second]) + "\n"
    result = clean_and_explain(text, input_format="text", lang=code)
    assert trail not in removed(result)
    assert result.text.startswith(title)


def test_a_headline_naming_two_things_with_a_slash_may_be_the_title() -> None:
    assert not furniture_title("Dare to Play 3 / October pack")
    assert not furniture_title("Kunst / Kultur")
    assert furniture_title("Kunst / Kultur / Theater")
    assert furniture_title("Kunst > Kultur")
