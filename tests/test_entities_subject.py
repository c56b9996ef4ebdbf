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
