"""Mojibake in code and mojibake as the subject (a new user's findings).

Code is left as written by the mojibake step (`s.replace("Ã©", "é")` came out `s.replace("é", "é")`):
a fenced or indented block, a `<pre>`, a code span or `<code>`, unless the whole document is mojibake
(the page's bytes misread: its code with them, repaired too). A quoted mojibake word on a line that
talks about encoding is the text's subject (German „MÃ¼ller“ in a sentence about the damage was
repaired), in de, fr, es, it, en; quoted mojibake elsewhere is still repaired."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain

PROSE = {
    "en": "The export script wrote the file, and the café owner read it the next morning.",
    "de": "Das Skript hat die Datei geschrieben, und der Müller hat sie am Morgen gelesen.",
    "fr": "Le script a écrit le fichier, et le propriétaire du café l'a lu le lendemain matin.",
}


@pytest.mark.parametrize("lang", list(PROSE))
def test_mojibake_in_a_fenced_block_is_left_as_written(lang: str) -> None:
    text = f'{PROSE[lang]}\n\n```\nbroken = "CafÃ©"\nfixed = broken.replace("Ã©", "é")\n```\n'
    result = clean_and_explain(text, lang=lang, input_format="text")
    assert result.text == text
    assert not [e for e in result.edits if e.cleaner == "mojibake" and not e.flag]


@pytest.mark.parametrize("lang", list(PROSE))
def test_mojibake_in_html_code_is_left_as_written(lang: str) -> None:
    page = (
        f'<html lang="{lang}"><body><article><h1>Export</h1><p>{PROSE[lang]}</p>'
        "<p>The old export writes <code>CafÃ©</code> for the name.</p>"
        '<pre>bad = "MÃ¼ller"\ngood = bad.encode("latin-1").decode("utf-8")</pre></article></body></html>'
    )
    out = clean(page, input_format="html")
    assert "`CafÃ©`" in out and 'bad = "MÃ¼ller"' in out
    assert clean(out, input_format="text", lang=lang) == out


def test_a_document_all_mojibake_has_its_code_repaired_too() -> None:
    """The page's bytes were misread: the prose is mojibake throughout, and so is the code."""
    text = (
        "Le cafÃ© de la gare est fermÃ© cet Ã©tÃ©, a dit le propriÃ©taire.\n\n"
        '```\nprint("Le cafÃ© est fermÃ©")\n```\n\nOn écrit `cafÃ©` dans le fichier.\n'
    )
    # a line written right ("On écrit") shows the text is not mojibake throughout: its code stays
    out = clean(text, lang="fr", input_format="text")
    assert 'print("Le cafÃ© est fermÃ©")' in out and "`cafÃ©`" in out
    assert "Le café de la gare est fermé cet été" in out
    whole = text.replace("On écrit", "On Ã©crit")
    out = clean(whole, lang="fr", input_format="text")
    assert 'print("Le café est fermé")' in out and "`café`" in out and "On écrit" in out
    assert clean(out, lang="fr", input_format="text") == out


#: (lang, a sentence about the damage quoting a mojibake word, without its reading).
DISCUSSED = [
    ("de", "In der alten Datei stand überall „MÃ¼ller“, ein typischer Fehler der Zeichenkodierung."),
    ("de", "Die Datei zeigte „MÃ¼ller“ statt „Müller“: so sieht UTF-8 aus, als Latin-1 gelesen."),
    ("fr", "Dans l'ancien fichier, on lisait «\u00a0prÃ©nom\u00a0» partout\u00a0: une erreur d'encodage."),
    ("es", "En el archivo antiguo aparecía «aÃ±o» en todas partes, un error típico de codificación."),
    ("it", "Nel vecchio file compariva „perchÃ©“ ovunque, un classico errore di codifica dei caratteri."),
    ("en", "The old file showed “naÃ¯ve” everywhere, a typical encoding error in the export."),
]


@pytest.mark.parametrize(("lang", "sentence"), DISCUSSED)
def test_quoted_mojibake_in_a_sentence_about_encoding_is_the_subject(lang: str, sentence: str) -> None:
    result = clean_and_explain(sentence + "\n", lang=lang, input_format="text")
    assert result.text == sentence + "\n"
    assert any(e.reason == "mojibake.subject" and e.flag for e in result.edits)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # negatives: quoted mojibake in a line that is not about encoding is damage, repaired
        ("de", "Er sagte „GrÃ¼ÃŸe aus KÃ¶ln“ und ging.", "Er sagte „Grüße aus Köln“ und ging."),
        (
            "fr",
            "Il a dit « Ã  bientÃ´t » et il est parti.",
            "Il a dit «\u00a0à bientôt\u00a0» et il est parti.",
        ),
        # unquoted mojibake in a line about encoding is damage too
        (
            "es",
            "La codificación del archivo cambió el año pasado, dijo el tÃ©cnico.",
            "La codificación del archivo cambió el año pasado, dijo el técnico.",
        ),
    ],
)
def test_other_mojibake_is_still_repaired(lang: str, sentence: str, expected: str) -> None:
    assert clean(sentence + "\n", lang=lang, input_format="text") == expected + "\n"


def test_code_with_c1_controls_is_repaired() -> None:
    """Negative: UTF-8 read as Latin-1 leaves C1 controls ("â\x80\x9c" for "“"), invisible characters
    nobody writes on purpose: such a line is repaired, in code too (a manual page in a `<pre>`)."""
    page = (
        "<html><body><article><h1>grep</h1><p>The manual page of the tool, as the site shows it.</p>"
        "<pre>  A FILE of \u00e2\u0080\u009c-\u00e2\u0080\u009d stands for standard input.</pre>"
        "</article></body></html>"
    )
    assert "A FILE of “-” stands for standard input." in clean(page, input_format="html")
