"""Bylines that name the author's role after the name (found by a new user's trial): the byline goes to the
metadata with the names alone as the author, the role left out (logged in the edit's detail); an article
sentence opening with the byline's word stays."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain

HEADLINE = {
    "en": "New rules for the night buses",
    "de": "Neue Regeln für die Nachtbusse",
    "fr": "Nouvelles règles pour les bus de nuit",
    "es": "Nuevas reglas para los autobuses nocturnos",
}
BODY = {
    "en": "The city council approved the new budget on Tuesday after a long debate about transport and housing.",
    "de": "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt für Verkehr und Wohnen beschlossen.",
    "fr": "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur les transports et le "
    "logement.",
    "es": "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre el transporte y la "
    "vivienda.",
}

# (language, byline, the author the metadata gets)
WITH_ROLE = [
    ("en", "By Sarah Lee, Transport correspondent", "Sarah Lee"),
    ("en", "By Jane Doe, Senior Reporter", "Jane Doe"),
    ("en", "By Sarah Lee and Tom Ray, Staff Writers", "Sarah Lee and Tom Ray"),
    ("de", "Von Max Muster, Korrespondent in Berlin", "Max Muster"),
    ("fr", "Par Jean Dupont, envoyé spécial à Kiev", "Jean Dupont"),
    ("es", "Por Ana García, corresponsal en Bruselas", "Ana García"),
]


@pytest.mark.parametrize(("code", "byline", "author"), WITH_ROLE, ids=[c[1] for c in WITH_ROLE])
def test_a_byline_with_a_role_goes_to_the_metadata_with_the_name_alone(
    code: str, byline: str, author: str
) -> None:
    text = f"{HEADLINE[code]}\n\n{byline}\n\n{BODY[code]}\n"
    result = clean_and_explain(text)
    assert result.text == f"{HEADLINE[code]}\n\n{BODY[code]}\n"
    assert result.metadata.lang == code and result.metadata.author == author
    (edit,) = [e for e in result.edits if e.reason == "boilerplate.byline"]
    assert edit.before.strip() == byline and "role" in edit.detail
    assert clean_and_explain(result.text).text == result.text


# Lines that open with a byline's word but are the article's text: each stays, no author.
NOT_BYLINES = [
    ("en", "By the end of the year, prices rose."),
    ("en", "By Monday, Reporters had left the building."),
    ("de", "Von Anfang an, Korrespondent hin oder her, war die Sache klar."),
    ("fr", "Par ailleurs, le correspondant est parti."),
]


@pytest.mark.parametrize(("code", "line"), NOT_BYLINES, ids=[c[1] for c in NOT_BYLINES])
def test_an_article_sentence_opening_with_a_bylines_word_stays(code: str, line: str) -> None:
    text = f"{HEADLINE[code]}\n\n{line}\n\n{BODY[code]}\n"
    result = clean_and_explain(text)
    assert result.text == text
    assert result.metadata.author is None


def test_a_byline_without_a_role_keeps_what_it_had() -> None:
    """A tail that is no role (a desk of the site, not a job) is left as the names rule reads it."""
    text = f"{HEADLINE['en']}\n\nBy Jane Doe\n\n{BODY['en']}\n"
    assert clean_and_explain(text).metadata.author == "Jane Doe"
