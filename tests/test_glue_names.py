"""Sentence glue that is no sentence end, and surnames made on a prefix (a new user's reports)."""

from __future__ import annotations

import pytest

from cleanmedia import Chain, Cleaner, clean
from cleanmedia.cleaners import BrandCase, SentenceCapital
from cleanmedia.cleaners.glue import GluedWords
from cleanmedia.document import Document, Metadata


def run(cleaner: Cleaner, text: str, lang: str) -> str:
    """One pass of `cleaner` alone, through a chain (which skips it outside its languages)."""
    return Chain([cleaner]).run(Document(text, Metadata(lang=lang)), max_passes=1).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb that goes on the sentence: a lost space, and the glue's capital goes
        (
            "The governmentSaid on Monday that the budget would be cut.",
            "The government said on Monday that the budget would be cut.",
        ),
        (
            "After a long debate the planWas approved by the council.",
            "After a long debate the plan was approved by the council.",
        ),
        # an identifier in prose: left as written
        (
            "The function returns a value and isValid is a boolean.",
            "The function returns a value and isValid is a boolean.",
        ),
        # real sentence glue is still repaired, also before a verb that opens an inverted clause
        (
            "He hid in that restroomHad you been there, you would know.",
            "He hid in that restroom. Had you been there, you would know.",
        ),
        (
            "The road was closed.However the police reopened it.",
            "The road was closed. However the police reopened it.",
        ),
        (
            "The road was closedHowever the police reopened it.",
            "The road was closed. However the police reopened it.",
        ),
        (
            "It was a good place for youGreat job, all of you.",
            "It was a good place for you. Great job, all of you.",
        ),
    ],
)
def test_glue_breaks_a_sentence_only_on_evidence(text: str, expected: str) -> None:
    out = clean(text, lang="en")
    assert out == expected + "\n"
    assert clean(out, lang="en") == out  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        # the verb opens statements in a language that drops its subject: the break stays
        "Se generan varios paquetes binariosEs por eso que se separan.",
    ],
)
def test_a_verb_opening_a_statement_keeps_the_sentence_break(text: str) -> None:
    assert ". Es por" in run(GluedWords(), text, "es")


@pytest.mark.parametrize(
    "text",
    [
        "Ramsay MacDonald led Britain. Sir John A. Macdonald led Canada. Both men led their countries.",
        "Leonardo DiCaprio starred in the film. Pietro Dicaprio lives in Rome and sells shoes.",
    ],
)
def test_two_people_with_a_prefixed_surname_keep_their_spellings(text: str) -> None:
    assert run(BrandCase(), text, "en") == text


def test_a_surname_slip_beside_the_same_person_is_still_repaired() -> None:
    text = "Patrick McHugh spoke first. Later Mchugh said the deal was off."
    assert run(BrandCase(), text, "en") == "Patrick McHugh spoke first. Later McHugh said the deal was off."
    brand = "The video on Youtube was popular. YouTube said it would remove the clip."
    assert (
        run(BrandCase(), brand, "en")
        == "The video on YouTube was popular. YouTube said it would remove the clip."
    )


def test_a_near_variant_never_turns_one_prefixed_surname_into_another() -> None:
    text = "Ramsay MacDonald led Britain. Sir John A. Mcdonald led Canada."
    assert run(BrandCase(), text, "en") == text


def test_a_brand_written_in_lower_case_elsewhere_keeps_it_at_a_sentence_start() -> None:
    text = "Sales grew. adidas said profits rose. Shoes by adidas sell well."
    assert run(SentenceCapital(), text, "en") == text
    assert clean(text) == text + "\n"
