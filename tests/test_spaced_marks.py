"""Spacing left by an extraction around punctuation (issue 13): a space before , . ; : ! ? where the
language's typography has none, and no space after an abbreviation's dot or before an acronym."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Er ging . Danach , so heißt es , kam er nicht wieder.",
            "Er ging. Danach, so heißt es, kam er nicht wieder.",
        ),
        (
            "en",
            "He left the house . Then , she said : nothing more . Why ? Nobody knows !",
            "He left the house. Then, she said: nothing more. Why? Nobody knows!",
        ),
        (
            "es",
            "El alcalde habló ayer . Según él , las obras empiezan en enero ; nadie lo cree .",
            "El alcalde habló ayer. Según él, las obras empiezan en enero; nadie lo cree.",
        ),
        (
            "it",
            "Il sindaco ha parlato ieri . Secondo lui , i lavori iniziano a gennaio !",
            "Il sindaco ha parlato ieri. Secondo lui, i lavori iniziano a gennaio!",
        ),
        # French: the space goes before , and . only; ; : ! ? take the no-break space (typography)
        (
            "fr",
            "Il est parti hier . Ensuite , dit-on , il est revenu ; pourquoi ?",
            "Il est parti hier. Ensuite, dit-on, il est revenu\u00a0; pourquoi\u00a0?",
        ),
    ],
)
def test_the_space_before_a_mark_goes(lang: str, text: str, expected: str) -> None:
    result = clean_and_explain(text, lang=lang)
    assert result.text == expected + "\n"
    assert any(e.reason == "typography.space_before_mark" for e in result.edits)
    assert clean(result.text, lang=lang) == result.text  # idempotent


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Press the , and . keys to move the cursor."),  # the marks spoken of
        ("de", "Die Tasten , und . bewegen den Cursor , sagt das Handbuch ."),
        ("en", "The value was 0 .5 and then .25 , roughly."),  # a decimal
        ("en", "And so on ... and so forth . . . until the end ."),  # ellipses
        ("de", "Das war lustig :) und dann ;-) noch mehr :D oder nicht :( nein."),  # emoticons
        ("de", "Name : Wert\nBeginn : 20 Uhr\nOrt : Rathaus ."),  # labels and a time
        ("es", "Inicio : 20 h\nLugar : el ayuntamiento , plaza mayor."),
        ("it", "for (i = 0 ; i < n ; i++) { x = a , b ; }\nreturn x , y ;"),  # code
        ("en", "Only one odd space , here. The rest is fine."),  # a single one may be meant
        ("fr", "Il dit : non ! Pourquoi ? Parce que ; voilà."),  # French spaces these
        ("it", "Vedi il file leggimi .txt e la cartella .config per i dettagli."),  # file endings
    ],
)
def test_the_space_before_a_mark_stays(lang: str, text: str) -> None:
    result = clean_and_explain(text, lang=lang)
    assert not any(e.reason == "typography.space_before_mark" for e in result.edits), result.text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Der Umsatz stieg um 5 Mio.Euro im Jahr.", "Der Umsatz stieg um 5 Mio. Euro im Jahr."),
        # a one-letter word is no acronym: it opens a sentence by the older rules
        (
            "es",
            "La reunión terminó tarde.A las diez se fueron.",
            "La reunión terminó tarde. A las diez se fueron.",
        ),
        (
            "it",
            "Il sistema è multi-tasking.I compiti sono molti.",
            "Il sistema è multi-tasking. I compiti sono molti.",
        ),
        (
            "de",
            "Die Sendung lief um 20 Uhr.ARD und ZDF zeigten sie.",
            "Die Sendung lief um 20 Uhr. ARD und ZDF zeigten sie.",
        ),
        ("en", "It was a long night.NATO said nothing.", "It was a long night. NATO said nothing."),
        (
            "en",
            "They brought pears, plums etc.Apples stayed.",
            "They brought pears, plums etc. Apples stayed.",
        ),
        ("es", "El acto fue a las diez.UNESCO lo apoya.", "El acto fue a las diez. UNESCO lo apoya."),
        (
            "it",
            "La riunione è finita presto.ONU e governo tacciono.",
            "La riunione è finita presto. ONU e governo tacciono.",
        ),
        (
            "fr",
            "La séance a duré toute la nuit.ONU et gouvernement se taisent.",
            "La séance a duré toute la nuit. ONU et gouvernement se taisent.",
        ),
    ],
)
def test_punctuation_glue_after_an_abbreviation_or_before_an_acronym(
    lang: str, text: str, expected: str
) -> None:
    result = clean_and_explain(text, lang=lang)
    assert result.text == expected + "\n"
    assert any(e.reason == "glue.punctuation" for e in result.edits)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Mehr bei heise.de und web.DE im Netz."),
        ("en", "Read the data from `request.POST` at this point, or (request.FILES) later."),
        ("fr", "Le magasin est ouvert du lun. au ven.De 9 h à 18 h."),  # a stop word after an abbreviation
        ("de", "Er kam erst ca.Um neun Uhr an."),
        ("de", "Das Paket Node.js läuft, obj.Method() auch."),
        ("en", "The Lord of the Rings by J.R.R. Tolkien."),
        ("en", "Open the file data.CSV or setup.EXE first."),  # file names
        ("en", "Version v2.1.RC was built with mono.NET today."),  # versions, dotted names
        ("es", "Visite la página ejemplo.COM para más datos."),
        ("it", "Scarica il documento relazione.PDF dal sito."),
        ("fr", "Le site exemple.FR publie les chiffres."),  # two capitals: a domain's ending
    ],
)
def test_punctuation_glue_leaves_names_alone(lang: str, text: str) -> None:
    assert clean(text, lang=lang) == text + "\n"
