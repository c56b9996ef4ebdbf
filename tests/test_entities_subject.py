"""References that are the text's subject are not decoded a second time (a new user: "write &amp;amp;
to show &amp;" in HTML came out "write & to show &", and a `<code>&amp;amp;</code>` as "&"). In HTML the
parser decodes once: what it leaves is what the page shows, decoded again only on a page escaped twice
(a reference left inside a word shows it). In text, a reference written as a word beside its own
reading on its line, or in code, is left as written; a scrape's undecoded escape is still decoded."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain

#: (lang, HTML paragraph as the page's source writes it, the text the page shows).
SUBJECT = [
    (
        "en",
        "In HTML you write &amp;amp; to show &amp; on the page, and the browser decodes it once.",
        "In HTML you write &amp; to show & on the page, and the browser decodes it once.",
    ),
    (
        "de",
        "Im Quelltext schreibt man &amp;amp; für ein &amp; auf der Seite, der Browser dekodiert es einmal.",
        "Im Quelltext schreibt man &amp; für ein & auf der Seite, der Browser dekodiert es einmal.",
    ),
    (
        "fr",
        "Dans le code source, on écrit &amp;amp; pour afficher &amp; dans la page, et le navigateur le décode.",
        "Dans le code source, on écrit &amp; pour afficher & dans la page, et le navigateur le décode.",
    ),
    (
        "es",
        "En el código fuente se escribe &amp;amp; para mostrar &amp; en la página, y el navegador lo decodifica.",
        "En el código fuente se escribe &amp; para mostrar & en la página, y el navegador lo decodifica.",
    ),
    (
        "it",
        "Nel codice sorgente si scrive &amp;amp; per mostrare &amp; nella pagina, e il browser lo decodifica.",
        "Nel codice sorgente si scrive &amp; per mostrare & nella pagina, e il browser lo decodifica.",
    ),
]

INTRO = {
    "en": "Character references are how a page writes characters that markup would otherwise read.",
    "de": "Zeichenreferenzen sind die Art, wie eine Seite Zeichen schreibt, die sonst Markup wären.",
    "fr": "Les références de caractères permettent à une page d'écrire des caractères réservés.",
    "es": "Las referencias de caracteres permiten a una página escribir caracteres reservados.",
    "it": "I riferimenti a caratteri permettono a una pagina di scrivere caratteri riservati.",
}


def _page(lang: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in (INTRO[lang], *paragraphs))
    return f'<html lang="{lang}"><body><article><h1>HTML</h1>{body}</article></body></html>'


@pytest.mark.parametrize(("lang", "source", "shown"), SUBJECT)
def test_html_shows_a_reference_as_the_page_shows_it(lang: str, source: str, shown: str) -> None:
    result = clean_and_explain(_page(lang, source), input_format="html")
    assert f"\n{shown}\n" in result.text
    assert any(e.reason == "entity.subject" and e.flag for e in result.edits)
    assert clean(result.text, input_format="text", lang=lang) == result.text  # a second clean agrees


@pytest.mark.parametrize(("lang", "source", "shown"), SUBJECT)
def test_text_discussing_a_reference_keeps_it(lang: str, source: str, shown: str) -> None:
    text = f"{INTRO[lang]}\n\n{shown}\n"
    assert clean(text, input_format="text", lang=lang) == text


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_a_reference_in_code_is_left_as_written(lang: str) -> None:
    """`<code>&amp;amp;</code>` shows "&amp;", a `<pre>` too: code as written, in HTML and as text."""
    page = _page(lang, "<code>&amp;amp;</code> : <code>&amp;lt;</code>").replace(
        "</article>", "<pre>if (a &amp;amp;&amp;amp; b) { x = &amp;quot;y&amp;quot;; }</pre></article>"
    )
    out = clean(page, input_format="html")
    assert "`&amp;` : `&lt;`" in out and "if (a &amp;&amp; b) { x = &quot;y&quot;; }" in out
    assert clean(out, input_format="text", lang=lang) == out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negatives: a scrape's undecoded escapes, no reading beside them, are decoded as before
        ("Tom &amp; Jerry sind zurück, und AT&amp;T auch.", "Tom & Jerry sind zurück, und AT&T auch."),
        ("Le pain &amp; le beurre coûtent plus cher.", "Le pain & le beurre coûtent plus cher."),
        ("Pan &amp; mantequilla, dijo.", "Pan & mantequilla, dijo."),
        # an escaped text decodes its code too: the sign outside code says the whole text is escaped
        ("L&#8217;auteur écrit `a &amp;&amp; b` ici.", "L’auteur écrit `a && b` ici."),
    ],
)
def test_escapes_of_a_scrape_are_still_decoded(text: str, expected: str) -> None:
    assert clean(text + "\n", input_format="text") == expected + "\n"


def test_a_page_escaped_twice_is_decoded_again_and_says_why() -> None:
    """Negative: a page whose source escapes every reference twice ("l&amp;#8217;aéroport") shows
    references inside words: the parser's output is decoded once more, each edit naming the sign."""
    page = _page("fr", "Il a pris l&amp;#8217;aéroport &amp;amp; la gare, dit-il.")
    result = clean_and_explain(page, input_format="html")
    assert "Il a pris l'aéroport & la gare, dit-il." in result.text  # the page's own apostrophes: "'"
    details = [e.detail for e in result.edits if e.reason == "entity"]
    assert len(details) == 2 and all(
        "the document is escaped text (a pris l&#8217;aéroport)" in d for d in details
    )


# A reference written as a word, then a mark that closes the clause, or with an elided word or a
# possessive around it (eleventh session: "write &nbsp;." lost its reference to a collapsed space, and
# the sentence its subject). Left as written and flagged; a scrape's escapes are still decoded.

CLAUSE_CLOSED = [
    ("en", "To keep two words together on one line, write &nbsp;."),
    ("en", "In HTML you write &nbsp;, not a plain space, for a space that does not break."),
    ("en", "The &amp;'s job is to open a reference; write &amp; to show & on the page."),
    ("de", "Für ein festes Leerzeichen schreibt man im Quelltext &nbsp;; der Browser bricht dort nicht um."),
    ("fr", "En HTML, l’&nbsp; est une espace insécable que le navigateur ne coupe pas."),
    ("it", "Nel codice si scrive dell'&nbsp; come di uno spazio che il browser non spezza mai."),
    ("es", "Para unir dos palabras en una línea se escribe &nbsp;: el navegador no las separa."),
]


@pytest.mark.parametrize(("lang", "text"), CLAUSE_CLOSED)
def test_a_reference_written_as_a_word_before_a_mark_or_beside_an_apostrophe_stays(
    lang: str, text: str
) -> None:
    result = clean_and_explain(text + "\n", input_format="text", lang=lang)
    assert result.text == text + "\n"
    assert any(e.reason == "entity.subject" and e.flag for e in result.edits)
    assert clean(result.text, input_format="text", lang=lang) == result.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # negatives: escapes a scrape left touch a word or stand between separators, decoded as before
        ("Der Preis liegt bei 20&nbsp;Euro.", "Der Preis liegt bei 20\u00a0Euro."),
        ("Home &nbsp;|&nbsp; News", "Home | News"),
        ("Tom &amp; Jerry sont de retour.", "Tom & Jerry sont de retour."),
        ("Ha detto: l&#8217;aereo è partito.", "Ha detto: l’aereo è partito."),
        ("AT&amp;T's network is down.", "AT&T's network is down."),
    ],
)
def test_escapes_touching_words_are_still_decoded(text: str, expected: str) -> None:
    assert clean(text + "\n", input_format="text") == expected + "\n"


@pytest.mark.parametrize(
    ("text", "start", "word"),
    [
        ("write &nbsp;.", 6, True),
        ("write &nbsp;, then", 6, True),
        ("the sign &amp;… and", 9, True),
        ("l’&nbsp; est", 2, True),
        ("the &amp;'s job", 4, True),
        ("write &nbsp;.x", 6, False),  # a stop that goes on is no clause's end
        ("20 &nbsp;|", 3, False),
        ("x&nbsp; y", 1, False),
        ("&nbsp; alone", 0, False),  # no word before it
    ],
)
def test_written_as_word_reads_the_marks_and_apostrophes_around(text: str, start: int, word: bool) -> None:
    from cleanmedia.cleaners.entities import REFERENCE, written_as_word

    m = REFERENCE.match(text, start)
    assert m is not None
    assert written_as_word(text, m.start(), m.end()) is word
