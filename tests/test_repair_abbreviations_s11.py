"""Repairs that never damage real text (issue 13, session 11): a full stop after an abbreviation, a
weekday or a street's shortened ending ends no sentence; camel-case identifiers and real words are no
glue; a label after a verb gets a space, not a full stop; a doubled complementizer is flagged, not
removed. Each kind: the input with its right output, and negatives that must still be repaired."""

from __future__ import annotations

import pytest

from cleanmedia import resources
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
def test_a_sentence_after_a_word_like_an_abbreviation_is_still_repaired(lang: str, damaged: str, right: str) -> None:
    assert_repaired(damaged, lang, right)


def test_abbreviation_rows_by_case_and_ending() -> None:
    assert resources.is_abbreviation("Mo", "de") and not resources.is_abbreviation("so", "de")
    assert resources.is_abbreviation("So", "de") and resources.is_abbreviation("ca", "de")
    assert resources.is_abbreviation("Bahnhofstr", "de") and resources.is_abbreviation("Hauptstr", "de")
    assert not resources.is_abbreviation("Fenster", "de")
    assert resources.is_abbreviation("Sat", "en") and not resources.is_abbreviation("sat", "en")
    assert "so" not in resources.abbreviations("de") and "-str" not in resources.abbreviations("de")
