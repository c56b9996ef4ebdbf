"""Repairs that never damage real text (issue 13, a new user's inputs): the word after a weekday's or
a month's short name is no sentence start (fr, it, es, pl), a short name that is also a frequent word
("mer.", "jeu.", Spanish "mar.") only beside another; valid German doublings ("mehr Geld als als
Kind", "ob er er selbst ist", "korrekt; die die es sagen") are kept or flagged, never removed. Each
with negatives that must still be repaired."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain, resources
from left_as_written import assert_left_as_written, assert_repaired

#: (language, correct text with weekday or month abbreviations): left as written.
CALENDAR = [
    ("fr", "Le magasin est ouvert du lun. au ven. de 9 h à 18 h, sauf les jours fériés."),
    ("fr", "La permanence a lieu du mar. au jeu. de 14 h à 17 h dans la salle du conseil."),
    ("fr", "Le musée ouvre lun., mer. et ven. de 10 h à 18 h pour les groupes scolaires."),
    ("fr", "Les inscriptions vont du 3 janv. au 14 févr. pour les cours du soir de la ville."),
    ("it", "Il negozio è aperto dal lun. al ven. dalle 9 alle 18, il sabato solo la mattina."),
    ("it", "Orario di apertura lun.-ven. dalle 9 alle 13 e dalle 15 alle 19 per tutto l'anno."),
    ("it", "Il corso si tiene dal 10 genn. al 20 febbr. presso la sede della biblioteca."),
    ("es", "La tienda abre de lun. a vie. de 9 a 18 h y los sábados por la mañana."),
    ("es", "La oficina atiende de mar. a jue. de 10 a 14 h para trámites de vecinos."),
    ("es", "Las clases van del 8 ene. al 30 jun. en el centro cultural del barrio."),
    ("pl", "Tramwaje będą kursować od pon. do pt. co 5 minut, a w weekendy co kwadrans."),
    ("pl", "Zapisy trwają od 2 sty. do 15 lut. w sekretariacie szkoły przy ulicy Długiej."),
]


@pytest.mark.parametrize(("lang", "text"), CALENDAR)
def test_a_stop_after_a_weekday_or_month_abbreviation_ends_no_sentence(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le magasin est ouvert du lun. au ven.de 9 h à 18 h, sauf les jours fériés."),
        ("it", "Il negozio è aperto dal lun. al ven.dalle 9 alle 18, il sabato solo la mattina."),
    ],
)
def test_a_weekday_abbreviation_glued_to_the_next_word_is_left(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


def test_a_weekday_abbreviation_glued_to_a_capital_is_not_split() -> None:
    """Punctuation glue: "ven.De" is an abbreviation before a word, not two sentences ("ven. De")."""
    text = "Le magasin est ouvert du lun. au ven.De 9 h à 18 h, sauf les jours fériés.\n"
    assert not [e for e in clean_and_explain(text, lang="fr").edits if e.reason == "glue.punctuation"]


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        # a short weekday name that is a frequent word, alone: the word, whose full stop ends a sentence
        (
            "fr",
            "Nous sommes allés au bord de la mer. les enfants jouaient dans le sable toute la journée.",
            "Nous sommes allés au bord de la mer. Les enfants jouaient dans le sable toute la journée.",
        ),
        (
            "fr",
            "Il aime beaucoup ce nouveau jeu. le soir il y joue avec ses amis du quartier.",
            "Il aime beaucoup ce nouveau jeu. Le soir il y joue avec ses amis du quartier.",
        ),
        (
            "pl",
            "Dzieci bawiły się w ogrodzie przez cały dzień. potem poszły spać do domu.",
            "Dzieci bawiły się w ogrodzie przez cały dzień. Potem poszły spać do domu.",
        ),
    ],
)
def test_a_sentence_after_a_word_like_a_weekday_is_still_repaired(
    lang: str, damaged: str, right: str
) -> None:
    assert_repaired(damaged, lang, right)


def test_weekday_abbreviations_by_frequency() -> None:
    """A short name that is no frequent word is an abbreviation anywhere; one that is ("mer", "jeu",
    Spanish "mar") only beside another weekday or month abbreviation or a number."""
    assert resources.is_abbreviation("ven", "fr")
    assert resources.is_abbreviation("vie", "es")
    assert not resources.is_abbreviation("mer", "fr")
    text = "du mar. au mer. de 9 h"
    assert resources.is_abbreviation_at(text, 11, 14, "fr")
    text = "bord de la mer. les"
    assert not resources.is_abbreviation_at(text, 11, 14, "fr")


#: (language, correct text with a word legitimately doubled): the words stay.
VALID_DOUBLES = [
    ("de", "Er hat mehr Geld als als Kind erwartet, sagte seine Mutter am Abend."),
    ("de", "Sie war viel größer als als Kind, das fiel allen sofort auf."),
    ("de", "Ob er er selbst ist, weiß keiner so genau in dieser Stadt."),
    ("de", "Dass ich ich selbst bleibe, war mir immer wichtig im Leben."),
    ("de", "Das Wort steht hier und ist korrekt; die die es sagen, irren sich."),
    ("de", "Eines ist sicher: die die Regeln kennen, gewinnen meistens das Spiel."),
]


@pytest.mark.parametrize(("lang", "text"), VALID_DOUBLES)
def test_a_valid_doubled_word_is_never_removed(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


def test_a_comparative_particle_doubled_is_flagged() -> None:
    text = "Er hat mehr Geld als als Kind erwartet, sagte seine Mutter am Abend."
    result = assert_left_as_written(text, "de")
    assert [e.reason for e in result.edits if e.cleaner == "doubled_words"] == ["doubled.word.unsure"]


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        # no comparative in the clause: a copy
        (
            "de",
            "Er arbeitet seit vielen Jahren als als Lehrer in der Stadt.",
            "Er arbeitet seit vielen Jahren als Lehrer in der Stadt.",
        ),
        # a pronoun doubled before no intensifier: a copy
        (
            "de",
            "Ob er er das Haus verkauft, weiß keiner so genau.",
            "Ob er das Haus verkauft, weiß keiner so genau.",
        ),
        # a relative pronoun doubled inside a clause, no mark before it: a copy
        (
            "de",
            "Wir sahen die die Kinder im Garten spielen, sagte sie.",
            "Wir sahen die Kinder im Garten spielen, sagte sie.",
        ),
        # the other languages keep no comparative particle doubled
        (
            "en",
            "He worked for many years as as a teacher in the city.",
            "He worked for many years as a teacher in the city.",
        ),
        (
            "fr",
            "Il gagne plus que que son frère depuis des années.",
            "Il gagne plus que son frère depuis des années.",
        ),
        (
            "es",
            "Trabajó durante muchos años como como profesor en la ciudad.",
            "Trabajó durante muchos años como profesor en la ciudad.",
        ),
        (
            "it",
            "Ha lavorato per molti anni come come insegnante in città.",
            "Ha lavorato per molti anni come insegnante in città.",
        ),
    ],
)
def test_a_doubled_word_that_is_damage_is_still_removed(lang: str, damaged: str, right: str) -> None:
    assert_repaired(damaged, lang, right)
