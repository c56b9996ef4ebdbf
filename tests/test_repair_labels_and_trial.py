"""Issue 13, session 8: an interface label glued after a word of technical prose (the main wrong repair
left on the GIMP manual), and the new user's trial 7 findings on repairs (items 4, 5, 8, 11). Each kind
with its right output and a negative that keeps the repair it must not stop."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain
from left_as_written import assert_left_as_written, assert_repaired

#: (language, damaged, right): a label glued to the word before it gets a space and keeps its capital,
#: with no sentence break: it heads a menu path, or the document writes it inside a sentence elsewhere.
LABELS = [
    (
        "fr",
        "Utilisez le bouton Vider entièrement l'historique ou la commandeVider l'historique du menu.",
        "Utilisez le bouton Vider entièrement l'historique ou la commande Vider l'historique du menu.",
    ),
    (
        "pt",
        "Este filtro é encontrado na janela de imagem, no menuCores → Mapear → Troca de cores.",
        "Este filtro é encontrado na janela de imagem, no menu Cores → Mapear → Troca de cores.",
    ),
    (
        "pt",
        "Você pode acessar este comando a partir do menu da janela através deArquivo → Imprimir.",
        "Você pode acessar este comando a partir do menu da janela através de Arquivo → Imprimir.",
    ),
    (
        "nl",
        "Kies de optie Hulplijnen tonen in het menu. Het uitzetten van de optieHulplijnen tonen helpt niet.",
        "Kies de optie Hulplijnen tonen in het menu. Het uitzetten van de optie Hulplijnen tonen helpt niet.",
    ),
]


#: (language, damaged, right): repairs these rules must not stop (`left_as_written.assert_repaired`).
STILL_REPAIRED = [
    # the negatives: a sentence that lost its break, its right part written nowhere as a label
    (
        "fr",
        "Il a mangé une pomme avec son amiPuis il est parti à la gare.",
        "Il a mangé une pomme avec son ami. Puis il est parti à la gare.",
    ),
    (
        "es",
        "Llegamos tarde a la estaciónDespués fuimos al hotel del centro.",
        "Llegamos tarde a la estación. Después fuimos al hotel del centro.",
    ),
    # a capitalised word written elsewhere only at a sentence's start is no label
    (
        "es",
        "Llegamos tarde a la estaciónDespués fuimos al hotel. Después cenamos allí.",
        "Llegamos tarde a la estación. Después fuimos al hotel. Después cenamos allí.",
    ),
    # a glue split with no close rival is still made (trial 7, item 4)
    ("fr", "Il est arrivé dansla maison avec son chien.", "Il est arrivé dans la maison avec son chien."),
    ("de", "Das wirdeine lange Nacht für alle.", "Das wird eine lange Nacht für alle."),
    (
        "en",
        "They went back to itsown house after the game.",
        "They went back to its own house after the game.",
    ),
]


@pytest.mark.parametrize(("lang", "damaged", "right"), LABELS + STILL_REPAIRED)
def test_glued_labels_get_a_space_and_other_repairs_are_still_made(
    lang: str, damaged: str, right: str
) -> None:
    """A glued label gets a space and keeps its capital; lost sentence breaks and glue splits with no
    close rival are still repaired."""
    assert_repaired(damaged, lang, right)


def test_a_glue_split_one_letter_from_another_is_left_and_flagged() -> None:
    """Trial 7, item 4: "médecinsont" was split "médecin sont"; "médecins ont" reads as well (a
    plural's "s" ends the left word or opens the right one). Left as written, flagged as a non-word."""
    text = "Les médecinsont manifesté devant le ministère hier, et les agriculteursont suivi."
    result = assert_left_as_written(text, "fr")
    assert {e.before for e in result.flags if e.reason == "flag.non_word"} >= {
        "médecinsont",
        "agriculteursont",
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Pourquoi le é s'affiche-t-il comme Ã© ? Le caractère é devient Ã© quand la page est mal lue.",
        ),
        ("en", "On many old sites é shows up as Ã© because the page was read with the wrong charset."),
        ("de", "Aus „Ó“ wird „Ã“, wenn der Browser die Seite falsch liest."),
    ],
)
def test_mojibake_that_is_the_texts_subject_is_left_and_flagged(lang: str, text: str) -> None:
    """Trial 7, item 5: a text about mojibake writes it beside its reading on purpose."""
    result = assert_left_as_written(text, lang)
    assert "mojibake.subject" in {e.reason for e in result.flags}


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        # the negative: a damaged line that also writes the right character is still repaired
        (
            "pt",
            "Ele Ã© o melhor jogador do time e todos sabem disso hÃ¡ anos, é verdade.",
            "Ele é o melhor jogador do time e todos sabem disso há anos, é verdade.",
        ),
        ("fr", "Le cafÃ© est fermÃ© aujourd'hui.", "Le café est fermé aujourd'hui."),
    ],
)
def test_mojibake_beside_its_reading_in_a_damaged_line_is_repaired(
    lang: str, damaged: str, right: str
) -> None:
    assert_repaired(damaged, lang, right)


@pytest.mark.parametrize(
    ("given", "text", "found"),
    [
        (
            "fr",
            "Según la Organización de Consumidores, una familia media gasta ahora 30 euros más al mes en "
            "aceite que hace dos años.",
            "es",
        ),
        ("es", "It was a long long time ago, and we had all been waiting for the bus for an hour.", "en"),
    ],
)
def test_a_wrong_given_language_applies_no_repair_and_warns(given: str, text: str, found: str) -> None:
    """Trial 7, item 8: French elision on Spanish text ("l'Organización"), English "long long" lost
    under a Spanish record's `lang`. The caller's language stays in the metadata."""
    result = assert_left_as_written(text, given)
    warnings = [e for e in result.flags if e.reason == "lang.disagrees"]
    assert len(warnings) == 1 and repr(found) in warnings[0].detail
    assert result.metadata.lang == given


def test_the_right_given_language_still_repairs() -> None:
    result = clean_and_explain("The the crowd waited outside the hall for an hour.\n", lang="en")
    assert result.text == "The crowd waited outside the hall for an hour.\n"
    assert "lang.disagrees" not in {e.reason for e in result.edits}


def test_doubled_words_do_not_run_on_text_of_unknown_language() -> None:
    """Trial 7, item 11: reduplication is grammar outside the supported languages."""
    text = "Saya makan nasi goreng biasa biasa saja di rumah makan itu kemarin sore bersama teman teman saya."
    assert clean(text + "\n") == text + "\n"
    assert clean(text + "\n", lang="id") == text + "\n"


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        # a manual repeats its sentences with the same damage: a stop word glued on, written twice, is
        # a lost break in each copy, not a name written so on purpose
        (
            "en",
            "Click the icon in the Elements paneThese functions are listed below.\n\n"
            "Open the list in the Elements paneThese brackets are listed below.",
            "Click the icon in the Elements pane. These functions are listed below.\n\n"
            "Open the list in the Elements pane. These brackets are listed below.",
        ),
        # a separable particle ends a Dutch clause before the next sentence's first word
        (
            "nl",
            "Voer de gegevens inU kunt ook een formule gebruiken.",
            "Voer de gegevens in. U kunt ook een formule gebruiken.",
        ),
        (
            "nl",
            "Typ de tekst van het document inDeze opdracht werkt ook met de muis.",
            "Typ de tekst van het document in. Deze opdracht werkt ook met de muis.",
        ),
    ],
)
def test_lost_breaks_in_repeated_sentences_and_after_particles_are_restored(
    lang: str, damaged: str, right: str
) -> None:
    assert_repaired(damaged, lang, right)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the negatives: an identifier on a tail that identifiers are made on, written twice, stays
        ("en", "The findAll method returns every match.\n\nCall the findAll method again for the rest."),
        ("en", "Use indexOf to find a word.\n\nThe result of indexOf is a number, never a word."),
        # a name after a Dutch preposition keeps its place in the sentence
        ("nl", "Hij woont in Amsterdam en werkt op Schiphol als piloot bij een groot bedrijf."),
    ],
)
def test_identifiers_written_twice_and_names_after_particles_stay(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)
