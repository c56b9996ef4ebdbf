"""Layout of plain text: hard-wrapped paragraphs are joined, other single line breaks are not."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain

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
