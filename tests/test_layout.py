"""Layout of plain text: hard-wrapped paragraphs are joined, other single line breaks are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanmedia import clean, clean_and_explain
from cleanmedia.chain import Chain
from cleanmedia.cleaners.layout import Layout, tab_table_rows

WRAPPED = [
    (
        "en",
        "The council voted on Monday to extend the night bus network to the\n"
        "northern districts, after a year of complaints from residents who work\n"
        "late shifts at the hospital and the airport. A well-\n"
        "known critic of the plan said the money would be better spent on trams.\n",
        "The council voted on Monday to extend the night bus network to the northern districts, after a "
        "year of complaints from residents who work late shifts at the hospital and the airport. A "
        "well-known critic of the plan said the money would be better spent on trams.\n",
    ),
    (
        "fr",
        "Le conseil municipal a voté lundi le prolongement du réseau de bus de nuit\n"
        "vers les quartiers nord, après une année de plaintes des habitants qui\n"
        "travaillent tard à l'hôpital et à l'aéroport. Les nouvelles lignes\n"
        "devraient ouvrir en mars.\n\n"
        "Le maire a précisé que le coût serait d'environ deux millions d'euros par\n"
        "an, pris sur le budget des transports.\n",
        "Le conseil municipal a voté lundi le prolongement du réseau de bus de nuit vers les quartiers "
        "nord, après une année de plaintes des habitants qui travaillent tard à l'hôpital et à "
        "l'aéroport. Les nouvelles lignes devraient ouvrir en mars.\n\n"
        "Le maire a précisé que le coût serait d'environ deux millions d'euros par an, pris sur le "
        "budget des transports.\n",
    ),
]

WRAPPED.append(
    (
        "de",
        "Die Bundesregierung lehnt den Vorschlag der Opposition für das neue Gesetz je-\n"
        "doch ab, wie ein Sprecher am Montag in Berlin sagte. Die Grü-\n"
        "nen fordern seit Wochen eine Nachbesserung, die auch die Länder mittragen.\n"
        "Der Kanzler will am Mittwoch mit den Ministerpräsidenten darüber sprechen.\n",
        "Die Bundesregierung lehnt den Vorschlag der Opposition für das neue Gesetz jedoch ab, wie ein "
        "Sprecher am Montag in Berlin sagte. Die Grünen fordern seit Wochen eine Nachbesserung, die auch "
        "die Länder mittragen. Der Kanzler will am Mittwoch mit den Ministerpräsidenten darüber sprechen.\n",
    )
)  # the hyphen of a wrap goes where the lexicon knows the word whole ("well-known" keeps its hyphen)

#: Single line breaks that are no wrap: each line is a block of its own (layout puts a blank line or
#: keeps the list), never joined to the next.
NOT_WRAPPED = [
    # a poem: short lines
    "The fog comes\non little cat feet.\nIt sits looking\nover harbor and city\non silent haunches\nand then moves on.\n",
    # an address
    "Town Hall\n1 Market Square\nSpringfield\nOpen Monday to Friday, 8 am to 6 pm\n",
    # headlines of similar length, each a sentence of its own
    "Council backs new cycle lanes on the ring road after long debate\n"
    "Night buses to run to the northern districts from March onwards\n"
    "Police close the old bridge for repairs until the end of the year\n"
    "Schools in the district get new heating systems before the winter\n",
    # paragraphs of web text, one per line, longer than any wrap width
    "The council voted on Monday to extend the night bus network to the northern districts, after a "
    "year of complaints.\nresidents who work late shifts said the change was overdue and welcome to them.\n"
    "the mayor said the new lines would start in March and cost about two million euros every year.\n"
    "the money comes from the transport budget, and fares will not rise this year or the next one.\n"
    "critics said the service would be used little and asked for a review after six months of it.\n",
]


@pytest.mark.parametrize(("lang", "text", "expected"), WRAPPED, ids=[c[0] for c in WRAPPED])
def test_a_hard_wrapped_paragraph_is_one_line(lang: str, text: str, expected: str) -> None:
    result = clean_and_explain(text, lang=lang)
    assert result.text == expected
    assert {e.reason for e in result.edits if e.reason.startswith("layout.unwrap")} == {"layout.unwrap"}


@pytest.mark.parametrize("text", NOT_WRAPPED)
def test_other_line_breaks_are_not_joined(text: str) -> None:
    result = clean_and_explain(text, lang="en")
    assert not [e for e in result.edits if e.reason == "layout.unwrap"]
    assert len(result.text.split()) == len(text.split())


TABLE_INTRO = "The results of the survey are below, one row per city and year."
TABLE_OUTRO = "The survey was repeated in every city the following spring, with the same questions."


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # a run of lines with the same number of tabs is a table: its tabs and newlines stay
        (
            "city\tpeople\tshare\nBerlin\t120\t0.4\nMunich\t80\t0.3",
            "city\tpeople\tshare\nBerlin\t120\t0.4\nMunich\t80\t0.3",
        ),
        # an empty cell (two tabs, a tab at an end) stays; spaces beside a tab and runs of spaces go
        (
            "Stadt\tJahr\tAnteil\nKöln\t\t0,2  \nBonn \t 2021\t",
            "Stadt\tJahr\tAnteil\nKöln\t\t0,2\nBonn\t2021\t",
        ),
        # negatives: a lone line with a tab, lines with different numbers of tabs: stray tabs
        ("The\tcouncil voted on Monday.", "The council voted on Monday."),
        ("one\ttwo\tthree\nfour\tfive", "one two three\n\nfour five"),
    ],
)
def test_tabs_between_columns_stay(table: str, expected: str) -> None:
    """Found by a new user: a tab-separated table lost its tabs (each made a space) and its rows became
    paragraphs. Only tabs that are not a table's are stray white space."""
    result = clean_and_explain(f"{TABLE_INTRO}\n\n{table}\n\n{TABLE_OUTRO}\n", input_format="text")
    assert result.text == f"{TABLE_INTRO}\n\n{expected}\n\n{TABLE_OUTRO}\n"
    assert clean_and_explain(result.text, input_format="text").text == result.text
    if "\t" in expected:
        assert result.metadata.title is None  # a table's row is no title


CELL = st.text(alphabet="abcXYZ019 ,.", min_size=0, max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 4).flatmap(lambda n: st.lists(st.lists(CELL, min_size=n + 1, max_size=n + 1), min_size=2))
)
def test_every_row_of_a_tab_table_is_found_and_a_second_layout_keeps_it(grid: list[list[str]]) -> None:
    """Rows with the same number of tabs, two or more in a row, are one table, whatever their cells;
    cleaned once, the table is found again, row for row (the layout is idempotent on it)."""
    rows = ["\t".join(cells) for cells in grid]
    if not all(r.strip() for r in rows):
        return  # a blank row ends a table
    text = "\n".join(rows)
    starts = [sum(len(r) + 1 for r in rows[:i]) for i in range(len(rows))]
    assert tab_table_rows(rows) == frozenset(starts)
    layout = Chain([Layout()])  # the layout alone: other steps may remove a row of symbols as furniture
    once = clean_and_explain(text, input_format="text", lang="en", chain=layout).text
    out_rows = once.rstrip("\n").split("\n")
    assert [r.count("\t") for r in out_rows] == [r.count("\t") for r in rows]
    assert clean_and_explain(once, input_format="text", lang="en", chain=layout).text == once


def test_terminal_escape_sequences_go_whole() -> None:
    """Found by a new user: a console's colour codes lost their ESC and left "[31m" in the words."""
    text = "Der Server meldet \x1b[1;31mFehler\x1b[0m beim Start, sagte der Betreiber am Montag.\n"
    assert clean(text, lang="de") == "Der Server meldet Fehler beim Start, sagte der Betreiber am Montag.\n"
    kept = "Write [31m to colour a word red, the manual says on its first page.\n"
    assert clean(kept, lang="en") == kept  # without its ESC it is text
