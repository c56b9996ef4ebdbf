"""Repairs that never damage real text (issue 13, session 11): a full stop after an abbreviation, a
weekday or a street's shortened ending ends no sentence; camel-case identifiers and real words are no
glue; a label after a verb gets a space, not a full stop; a doubled complementizer is flagged, not
removed. Each kind: the input with its right output, and negatives that must still be repaired."""

from __future__ import annotations

import pytest

from cleanmedia import clean, resources
from left_as_written import assert_left_as_written, assert_repaired

#: (language, correct text whose full stops after abbreviations end no sentence): left as written.
ABBREVIATIONS = [
    ("de", "Die Praxis ist Mo. bis Fr. von 9 bis 18 Uhr geöffnet, am Wochenende bleibt sie zu."),
    ("de", "Geöffnet ist Di. und Do. ab 10 Uhr, Sa. nur nach Vereinbarung und So. gar nicht."),
    ("de", "Die Lieferung kam von der Fa. aus Köln, und sie war pünktlich wie immer."),
    ("de", "Treffpunkt ist der Hbf. in Stuttgart um acht Uhr am Morgen, dann geht es los."),
    ("de", "Er wohnt in der Bahnhofstr. neben der Bäckerei, gleich am Markt der Stadt."),
    ("de", "Die Schüler vom Jg. elf fahren im Mai nach Berlin und besuchen den Bundestag."),
    ("de", "Der Eintritt kostet ermäß. vier Euro für Kinder und Studenten, sonst sechs Euro."),
    ("de", "Das Wasser kocht nach ca. zehn Minuten, dann kommen die Nudeln hinein."),
    ("de", "Betroffen sind u. a. die Stadt und der Kreis, sagte der Sprecher am Abend."),
    ("de", "Am 12.03. wurde die Brücke eröffnet, und am 3. Mai folgte das Fest am Ufer."),
    ("en", "Add 1 tsp. olive oil and stir well until the onions are soft and golden."),
    ("en", "Use 4 oz. cooked chicken for each serving of the salad, then add the dressing."),
    ("en", "The 2.1 cu.ft. front loader holds a lot of laundry for a family every week."),
    ("en", "The shop is open Mon. through Fri. from nine to five, and Sat. by appointment."),
    ("nl", "De winkel is open van Ma. tot Vr. en op Za. alleen in de ochtend voor klanten."),
]


@pytest.mark.parametrize(("lang", "text"), ABBREVIATIONS)
def test_a_stop_after_an_abbreviation_ends_no_sentence(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        # the word itself, not the weekday's capital form: "so." ends a sentence, its next one is repaired
        (
            "de",
            "Er sagte nur so. dann ging er nach Hause und schlief sofort ein.",
            "Er sagte nur so. Dann ging er nach Hause und schlief sofort ein.",
        ),
        # "str" only as an ending after a word's letters, not a sentence ending on another word
        (
            "de",
            "Die Straße war lang und leer. dann kam endlich ein Bus die Straße entlang.",
            "Die Straße war lang und leer. Dann kam endlich ein Bus die Straße entlang.",
        ),
        (
            "en",
            "We stayed in on a rainy Sunday. the children played board games all day long.",
            "We stayed in on a rainy Sunday. The children played board games all day long.",
        ),
        (
            "en",
            "They sat in the sun. then they went for a swim in the lake before dinner.",
            "They sat in the sun. Then they went for a swim in the lake before dinner.",
        ),
    ],
)
def test_a_sentence_after_a_word_like_an_abbreviation_is_still_repaired(
    lang: str, damaged: str, right: str
) -> None:
    assert_repaired(damaged, lang, right)


def test_abbreviation_rows_by_case_and_ending() -> None:
    assert resources.is_abbreviation("Mo", "de") and not resources.is_abbreviation("so", "de")
    assert resources.is_abbreviation("So", "de") and resources.is_abbreviation("ca", "de")
    assert resources.is_abbreviation("Bahnhofstr", "de") and resources.is_abbreviation("Hauptstr", "de")
    assert not resources.is_abbreviation("Fenster", "de")
    assert resources.is_abbreviation("Sat", "en") and not resources.is_abbreviation("sat", "en")
    assert "so" not in resources.abbreviations("de") and "-str" not in resources.abbreviations("de")


#: (language, correct text with an identifier, a name or a real word that reads like glue): left as written.
REAL_WORDS = [
    # camel-case identifiers and names written once
    ("en", "The SequentialMusic class plays someNote in order, and userPassword is hashed with a salt."),
    ("en", "Put the files in UserDir and read the JavaHelp pages before you start the program."),
    ("en", "The WeWorkers Coalition met on Monday to discuss pay and the new contracts."),
    ("en", "Set maxSize to a larger value and keep tmpFile in the home folder of the user."),
    # real words: a rare word the lexicon knows, a closed compound of two content words, a word made on
    # a prefix, an imperative with its pronoun written without the accent
    ("de", "Die Straße führt seitab vom Dorf in den Wald, wo kaum jemand wohnt."),
    ("nl", "De netwerkgroep komt elke week samen om over de plannen te praten."),
    ("pl", "Dodaj plik do podlist i zapisz zmiany w katalogu domowym użytkownika."),
    ("es", "Abra el archivo y cierrelo después de guardar los cambios en el disco."),
    # a plural of a word made of a word and a grammatical one: not "how tos"
    ("en", "Many howtos explain the setup in detail, and the wiki links to all of them."),
]


@pytest.mark.parametrize(("lang", "text"), REAL_WORDS)
def test_identifiers_and_real_words_are_no_glue(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        # a label after a verb whose object it is: a space, no full stop (profile label_verbs)
        (
            "it",
            "Aprite il menu e sceglieteSezione per continuare.",
            "Aprite il menu e scegliete Sezione per continuare.",
        ),
        (
            "es",
            "En el menú seleccionaCrear para empezar un documento nuevo.",
            "En el menú selecciona Crear para empezar un documento nuevo.",
        ),
        (
            "pt",
            "No menu selecioneArquivo para abrir um documento.",
            "No menu selecione Arquivo para abrir um documento.",
        ),
        (
            "fr",
            "Dans le menu, sélectionnezFichier pour ouvrir un document.",
            "Dans le menu, sélectionnez Fichier pour ouvrir un document.",
        ),
        # negatives: a lost sentence break after a word that is no such verb is still restored, and a
        # sentence opener of the language's list opens one (sentence_openers.txt)
        (
            "it",
            "Il progetto è finito ieri seraQuesto ha reso felici tutti.",
            "Il progetto è finito ieri sera. Questo ha reso felici tutti.",
        ),
        (
            "nl",
            "Hij sloeg het bestand opDaarna sloot hij het venster.",
            "Hij sloeg het bestand op. Daarna sloot hij het venster.",
        ),
        ("es", "Guardó el archivoAdemás cerró la ventana.", "Guardó el archivo. Además cerró la ventana."),
        ("fr", "Il a fini le dialogue.Cela a pris du temps.", "Il a fini le dialogue. Cela a pris du temps."),
        # an identifier's head before a sentence's first word is still glue
        (
            "en",
            "We created a new userThe next step is to set the password.",
            "We created a new user. The next step is to set the password.",
        ),
        # glue of grammatical words and of a word and a pronoun is still split
        (
            "de",
            "Das Projekt wirdeine neue Schule bauen, sagte er.",
            "Das Projekt wird eine neue Schule bauen, sagte er.",
        ),
        ("de", "Wir fahren undfür die Kinder gibt es Eis.", "Wir fahren und für die Kinder gibt es Eis."),
        ("es", "Dijo quelo haría mañana por la mañana.", "Dijo que lo haría mañana por la mañana."),
        ("es", "Preguntó porla acción del programa.", "Preguntó por la acción del programa."),
        ("en", "They came andthey left before the end.", "They came and they left before the end."),
        (
            "nl",
            "Het werk isnog niet klaar, zei hij gisteren.",
            "Het werk is nog niet klaar, zei hij gisteren.",
        ),
    ],
)
def test_labels_after_verbs_and_glue_still_repaired(lang: str, damaged: str, right: str) -> None:
    assert_repaired(damaged, lang, right)


def test_a_doubled_complementizer_is_flagged_not_removed() -> None:
    text = "Er sagt, dass dass nicht stimmt, und alle im Saal nicken."
    result = assert_left_as_written(text, "de")
    assert "dass dass" in {e.before for e in result.edits if e.flag and e.reason == "doubled.word.unsure"}


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        (
            "de",
            "Die Kinder spielen im im Garten hinter dem Haus.",
            "Die Kinder spielen im Garten hinter dem Haus.",
        ),
        (
            "en",
            "The the crowd waited outside the hall for an hour.",
            "The crowd waited outside the hall for an hour.",
        ),
        ("es", "Los niños juegan en en el jardín de la casa.", "Los niños juegan en el jardín de la casa."),
    ],
)
def test_other_doubled_words_still_go(lang: str, damaged: str, right: str) -> None:
    assert_repaired(damaged, lang, right)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He said that that was the plan all along, and nobody asked again."),
        ("en", "My great great grandfather was born here in a small house by the river."),
        ("en", "I saw the Goo Goo Dolls live last year at the festival in the park."),
        ("nl", "Ik denk dat dat klopt, zei de man tegen zijn buurvrouw in de tuin."),
    ],
)
def test_legitimate_repetitions_stay(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


def test_a_price_per_user_glued_to_the_next_item_is_still_split() -> None:
    """An identifier's head ("user") right after a price and a slash is a unit glued to the next item of
    a list ("$40/userCalendar Scheduling"), not an identifier: still split."""
    text = "Research $40/userCalendar Scheduling $15/userTeam Wiki $10/userProject Tool $24/user\n"
    out = clean(text, lang="en")
    assert "userCalendar" not in out and "userTeam" not in out and "userProject" not in out
