"""What the page shows, read as shown (session 11): an ordered list's numbers, superscript and subscript
digits, a table's rows and cells, inline elements side by side that are two words. Each with small
pages in several languages, the right output, and negatives that must come out as before."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain, signoff
from cleanmedia.extract import extract
from cleanmedia.html import blocks_text, parse, tail_site
from cleanmedia.text import bare_title
from test_extract_parts import ARTICLES, LANGS, body


def lines(fragment: str) -> str:
    """The blocks of an HTML fragment, as the extraction reads them."""
    tree = parse(f"<html><body>{fragment}</body></html>")
    assert tree.body is not None
    return blocks_text([tree.body])


def article(code: str, extra: str) -> str:
    """A page: the article of language `code` with `extra` (HTML) between its paragraphs."""
    headline, _, paragraphs, _, _ = ARTICLES[code]
    first, *rest = paragraphs
    inside = f"<h1>{headline}</h1><p>{first}</p>{extra}" + "".join(f"<p>{p}</p>" for p in rest)
    return f"<html><body><nav><a href='/'>Home</a></nav><article>{inside}</article></body></html>"


STEPS = {
    "de": ["Den Antrag online ausfüllen", "Die Unterlagen hochladen", "Die Gebühr bezahlen"],
    "en": ["Fill in the form online", "Upload the documents", "Pay the fee"],
    "fr": ["Remplir le formulaire en ligne", "Envoyer les documents", "Payer les frais"],
    "es": ["Rellenar el formulario en línea", "Subir los documentos", "Pagar la tasa"],
    "it": ["Compilare il modulo online", "Caricare i documenti", "Pagare la tassa"],
    "pl": ["Wypełnić formularz online", "Przesłać dokumenty", "Zapłacić opłatę"],
}


# 1. An ordered list keeps its numbers.
@pytest.mark.parametrize("code", LANGS)
def test_an_ordered_list_keeps_its_numbers(code: str) -> None:
    steps = STEPS[code]
    items = "".join(f"<li>{s}</li>" for s in steps)
    text = extract(article(code, f"<ol>{items}</ol>")).text
    assert "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1)) in text.split("\n\n")


@pytest.mark.parametrize(
    ("list_html", "expected"),
    [
        ('<ol start="4"><li>a</li><li>b</li></ol>', "4. a\n5. b\n"),
        ('<ol><li>a</li><li value="10">b</li><li>c</li></ol>', "1. a\n10. b\n11. c\n"),
        ("<ol reversed><li>a</li><li>b</li><li>c</li></ol>", "3. a\n2. b\n1. c\n"),
        ('<ol reversed start="10"><li>a</li><li>b</li></ol>', "10. a\n9. b\n"),
        ('<ol type="a"><li>x</li><li>y</li></ol>', "a. x\n\nb. y\n"),
        ('<ol type="I" start="3"><li>x</li><li>y</li></ol>', "III. x\n\nIV. y\n"),
        ('<ol start="x"><li>a</li></ol>', "1. a\n"),
        # an item of paragraphs: the number goes to its first line
        (
            "<ol><li><p>Erster Absatz.</p><p>Zweiter Absatz.</p></li><li>Zwei</li></ol>",
            "1. Erster Absatz.\n\nZweiter Absatz.\n\n2. Zwei\n",
        ),
        # an empty item keeps its place in the count, and its number is lost with it
        ("<ol><li></li><li>b</li></ol><p>Danach.</p>", "2. b\n\nDanach.\n"),
        # two lists count apart; a nested list counts on its own
        (
            "<ol><li>a<ol><li>x</li><li>y</li></ol></li><li>b</li></ol><ol><li>c</li></ol>",
            "1. a\n1. x\n2. y\n2. b\n1. c\n",
        ),
    ],
)
def test_ordered_list_numbers_as_a_browser_counts(list_html: str, expected: str) -> None:
    assert lines(list_html) == expected


@pytest.mark.parametrize(
    "list_html",
    [
        "<ul><li>Eins</li><li>Zwei</li></ul>",
        '<ul><li value="3">Eins</li><li>Zwei</li></ul>',  # a value means nothing in a <ul>
        "<menu><li>Eins</li><li>Zwei</li></menu>",
    ],
)
def test_other_lists_keep_their_bullets(list_html: str) -> None:
    assert lines(list_html) == "• Eins\n• Zwei\n"


# 2. Superscripts and subscripts: attached to their word, never glued into the next.
@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>Die Wohnung hat 80 m<sup>2</sup> Fläche.</p>", "Die Wohnung hat 80 m² Fläche."),
        ("<p>Le réservoir contient 3 m<sup>3</sup> d'eau.</p>", "Le réservoir contient 3 m³ d'eau."),
        ("<p>Water is H<sub>2</sub>O, not H<sub>2</sub>O<sub>2</sub>.</p>", "Water is H₂O, not H₂O₂."),
        ("<p>El CO<sub>2</sub>-Ausstoß y 10<sup>-3</sup> g.</p>", "El CO₂-Ausstoß y 10⁻³ g."),
        # a footnote's mark stays on its sentence and is spaced from the next word
        ("<p>Das ist belegt.<sup>[1]</sup>Danach folgt mehr.</p>", "Das ist belegt.[1] Danach folgt mehr."),
        ("<p>È documentato.<sup>2</sup>Poi segue.</p>", "È documentato.² Poi segue."),
        ("<p>It is known<sup><a href='#n1'>[1]</a></sup>and agreed.</p>", "It is known[1] and agreed."),
        ("<p>Zob. przypis<sup>[3]</sup>.</p>", "Zob. przypis[3]."),
        # letters stay as written: no Unicode for every letter
        (
            "<p>Le 1<sup>er</sup> mai et le XIX<sup>e</sup> siècle, M<sup>me</sup> Dupont.</p>",
            "Le 1er mai et le XIXe siècle, Mme Dupont.",
        ),
        ("<p>The 2<sup>nd</sup> floor.</p>", "The 2nd floor."),
    ],
)
def test_scripts_read_as_shown(fragment: str, expected: str) -> None:
    assert lines(fragment) == expected + "\n"


@pytest.mark.parametrize("code", ["de", "fr", "it"])
def test_a_unit_survives_the_chain(code: str) -> None:
    extra = {
        "de": "<p>Die neue Halle hat eine Fläche von 1200 m<sup>2</sup> und kostet zwei Millionen Euro.</p>",
        "fr": "<p>La nouvelle salle a une surface de 1200 m<sup>2</sup> et coûte deux millions d'euros.</p>",
        "it": "<p>La nuova sala ha una superficie di 1200 m<sup>2</sup> e costa due milioni di euro.</p>",
    }[code]
    assert "1200 m² " in clean(article(code, extra))


# 3. Tables: one line per row, cells apart by a tab, the header row kept; a layout's cells are blocks.
def test_a_data_table_is_tab_separated_rows() -> None:
    table = (
        "<table><thead><tr><th>Stadt</th><th>Einwohner</th><th>Fläche</th></tr></thead>"
        "<tbody><tr><td>Berlin</td><td>3,7 Mio.</td><td>891 km<sup>2</sup></td></tr>"
        "<tr><td>Köln</td><td></td><td>405 km<sup>2</sup></td></tr></tbody></table>"
    )
    assert lines(table) == "Stadt\tEinwohner\tFläche\nBerlin\t3,7 Mio.\t891 km²\nKöln\t\t405 km²\n"


def test_a_spanning_cell_keeps_the_columns_in_line() -> None:
    table = "<table><tr><th>Año</th><th>Ventas</th><th>Beneficio</th></tr><tr><td colspan='2'>2024</td><td>5</td></tr></table>"
    assert lines(table) == "Año\tVentas\tBeneficio\n2024\t\t5\n"


@pytest.mark.parametrize("code", LANGS)
def test_a_table_in_an_article_stays_a_table(code: str) -> None:
    table = "<table><tr><th>2023</th><th>2024</th></tr><tr><td>12</td><td>15</td></tr><tr><td>7</td><td>9</td></tr></table>"
    assert "2023\t2024\n12\t15\n7\t9" in clean(article(code, table))


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # a layout: one cell per row
        (
            "<table><tr><td>Erster Absatz.</td></tr><tr><td>Zweiter Absatz.</td></tr></table>",
            "Erster Absatz.\n\nZweiter Absatz.\n",
        ),
        # a layout: a nested table in a cell, a menu column beside the article
        (
            "<table><tr><td><a href='/'>Accueil</a><br><a href='/c'>Contact</a></td>"
            "<td><table><tr><td>Le texte de l'article.</td></tr></table></td></tr></table>",
            "Accueil\n\nContact\n\nLe texte de l'article.\n",
        ),
    ],
)
def test_a_layout_table_is_no_rows(table: str, expected: str) -> None:
    assert "\t" not in lines(table)
    assert lines(table) == expected


# 6. Inline elements side by side at a change of case are two words; one word split by markup stays one.
@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<div><span>Home</span><span>News</span></div>", "Home News"),
        ("<div><a href='/a'>Startseite</a><a href='/b'>Nachrichten</a></div>", "Startseite Nachrichten"),
        ("<p><span><a href='/'>Accueil</a></span><span><a href='/s'>Sport</a></span></p>", "Accueil Sport"),
        ("<p>Ver <a href='/' style='display:block'>Más</a>noticias</p>", "Ver\n\nMás\n\nnoticias"),
    ],
)
def test_inline_elements_shown_apart_are_two_words(fragment: str, expected: str) -> None:
    assert lines(fragment) == expected + "\n"


@pytest.mark.parametrize(
    "fragment",
    [
        "<p><b>Ber</b>lin ist groß.</p>",  # a word split by markup, no second element
        "<p><b>Ber</b><i>lin</i> ist groß.</p>",  # no capital after the seam
        "<p>Die <b>Bundes</b>Regierung tagt.</p>",  # text, not an element, after the seam
        "<p><span>Mc</span>Donald's</p>",
        "<p><span>e</span><span>bay</span> und <span>i</span>Phone</p>",
        "<p>Il <em>perd</em>, <strong>Paris</strong> gagne.</p>",
    ],
)
def test_one_word_split_by_markup_stays_one(fragment: str) -> None:
    tree = parse(f"<html><body>{fragment}</body></html>")
    assert tree.body is not None
    assert lines(fragment) == " ".join(tree.body.text(separator="").split()) + "\n"


# 7. Titles: no heading marks in the metadata's title; a site's name from the title's tail.
def titled(title: str, code: str = "de", head: str = "", h1: str | None = None) -> str:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    inside = f"<h1>{headline if h1 is None else h1}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title>{head}</head><body><article>{inside}</article></body></html>"


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("marked", ["# {}", "## {}", "{} ¶", "{}¶", "¶ {}"])
def test_a_titles_heading_marks_go(code: str, marked: str) -> None:
    headline = ARTICLES[code][0]
    assert clean_and_explain(titled(marked.format(headline), code)).metadata.title == headline


@pytest.mark.parametrize("code", LANGS)
def test_a_markdown_headings_title_in_text(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    text = "\n\n".join([f"# {headline}", *paragraphs]) + "\n"
    result = clean_and_explain(text, lang=code)
    assert result.metadata.title == headline
    assert result.text == text  # the text keeps its heading as written


@pytest.mark.parametrize("title", ["#MeToo im Bundestag debattiert", "Warum C# und F# gefragt sind", "¶"])
def test_marks_of_a_titles_own_stay(title: str) -> None:
    assert bare_title(title) == title


@pytest.mark.parametrize(
    ("code", "title", "site"),
    [
        ("de", "Radwege werden bald ausgebaut | Stadtpost", "Stadtpost"),
        ("fr", "Les pistes cyclables seront élargies · Le Quotidien du Nord", "Le Quotidien du Nord"),
        ("es", "El plan de carriles bici sigue adelante | Diario de la Costa", "Diario de la Costa"),
        ("it", "Nuove piste ciclabili in arrivo | Notizie | Gazzetta del Lago", "Gazzetta del Lago"),
    ],
)
def test_a_site_from_the_titles_tail(code: str, title: str, site: str) -> None:
    metadata = clean_and_explain(titled(title, code, h1="Nichts")).metadata
    assert metadata.site == site
    assert metadata.title is not None and not metadata.title.endswith(site)


def test_a_site_after_a_dash_is_the_addresss() -> None:
    head = '<link rel="canonical" href="https://www.rheinische-rundschau.de/politik/radwege-1.html">'
    metadata = clean_and_explain(
        titled("Radwege werden bald ausgebaut - Rheinische Rundschau", head=head, h1="X")
    ).metadata
    assert (metadata.site, metadata.title) == ("Rheinische Rundschau", "Radwege werden bald ausgebaut")


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Review - The Last Summer", None),  # a dash joining a title's halves, no address
        ("Kritik an der Reform - Die Opposition", "https://www.example-news.com/a"),  # not the address's
        ("Python: a practical guide", None),  # a colon is the title's own
        ("Radwege | Stadtpost", None),  # a headline too short to judge
        ("Die Stadt plant neue Radwege | Was Anwohner jetzt wissen müssen.", None),  # a sentence
        ("Neue Radwege für die ganze Innenstadt", None),  # no separator
        ("Die besten Laufschuhe des Jahres 2025 | Tests, Preise, Marken", None),  # a list, no name
    ],
)
def test_no_site_from_a_titles_own_part(title: str, url: str | None) -> None:
    assert tail_site(title, url) is None


# 5. The standfirst of the headline's own <header>, outside the article's zone, is read before the body.
def framed(inner: str) -> str:
    return (
        "<html><body><nav><a href='/'>Home</a> <a href='/s'>Sport</a></nav>"
        f"{inner}<footer>Impressum · Kontakt</footer></body></html>"
    )


OWN_HEADERS = {
    "sibling": "<header><h1>{h}</h1><p>{lead}</p></header><main>{body}</main>",
    "wrapped": "<div class='page'><header class='entry-header'><div class='titles'><h1>{h}</h1></div>"
    "<p class='dek'>{lead}</p></header><article><div class='content'>{body}</div></article></div>",
}


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("shape", sorted(OWN_HEADERS))
def test_a_standfirst_in_the_headlines_header_is_read_first(code: str, shape: str) -> None:
    headline, lead, paragraphs, _, _ = ARTICLES[code]
    html = framed(OWN_HEADERS[shape].format(h=headline, lead=lead, body=body(code)))
    result = clean_and_explain(html)
    assert lead in result.text
    assert result.text.index(lead) < result.text.index(paragraphs[0])
    assert result.metadata.title == headline
    assert any(r.kept and r.text == lead for r in result.removals)


@pytest.mark.parametrize("code", LANGS)
def test_a_site_headers_line_is_no_standfirst(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    motto = {
        "de": "Die Zeitung für die ganze Region, seit vielen Jahren unabhängig und immer aktuell.",
        "en": "The newspaper for the whole region, independent for many years and always up to date.",
        "fr": "Le journal de toute la région, indépendant depuis de longues années et toujours à jour.",
        "es": "El periódico de toda la región, independiente desde hace muchos años y siempre al día.",
        "it": "Il giornale di tutta la regione, indipendente da molti anni e sempre aggiornato.",
        "pl": "Gazeta całego regionu, niezależna od wielu lat i zawsze aktualna dla czytelników.",
    }[code]
    deep = f"<header><div><div><div><h1>{headline}</h1></div></div></div><p>{motto}</p></header>"
    for inner in (
        f"<header><a href='/'>Logo</a><p>{motto}</p></header><article><h1>{headline}</h1>{body(code)}</article>",
        f"{deep}<div class='story'><div>{body(code)}</div></div>",  # the headline too deep in it
        f"<article><h1>{headline}</h1>{body(code)}</article><header><h1>{headline}</h1><p>{motto}</p></header>",
    ):
        text = clean(framed(inner))
        assert motto not in text and paragraphs[0] in text


# 4. A sign-off at the article's end is the article's, wherever the page put it; elsewhere it is furniture.
SIGNOFFS = {
    "de": ("Mit freundlichen Grüßen", "Anna Schmidt"),
    "en": ("Kind regards,", "The Editorial Team"),
    "fr": ("Cordialement,", "Le bureau de l'association"),
    "es": ("Atentamente,", "La Redacción"),
    "it": ("Cordiali saluti,", "Marco Rossi"),
    "pl": ("Z poważaniem,", "Redakcja"),
}
SIGNOFF_BOXES = ["<p>{}</p>", "<footer>{}</footer>", "<div class='author-box'>{}</div>", "<aside>{}</aside>"]


def signed(code: str, box: str, lines: tuple[str, ...], after: str = "") -> str:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    inner = "".join(f"<p>{line}</p>" for line in lines) if box != "<p>{}</p>" else "<br>".join(lines)
    return (
        f"<html><body><nav><a href='/'>Home</a></nav><article><h1>{headline}</h1>{body(code)}"
        f"{box.format(inner)}{after}</article><footer>Impressum</footer></body></html>"
    )


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("box", SIGNOFF_BOXES)
@pytest.mark.parametrize("kind", ["closing", "credit"])
def test_a_sign_off_at_the_articles_end_stays(code: str, box: str, kind: str) -> None:
    lines = SIGNOFFS[code] if kind == "closing" else ("(dpa/abc)",)
    result = clean_and_explain(signed(code, box, lines))
    assert result.text.endswith("\n\n".join(lines) + "\n")
    assert all(p in result.text for p in ARTICLES[code][2])


@pytest.mark.parametrize("code", LANGS)
def test_a_sign_off_in_text_stays(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    for tail in (SIGNOFFS[code], ("(AFP/red)",)):
        text = "\n\n".join([headline, *paragraphs, *tail]) + "\n"
        assert clean(text, lang=code) == text


@pytest.mark.parametrize("code", LANGS)
def test_a_closing_that_is_no_articles_sign_off_goes(code: str) -> None:
    closing, name = SIGNOFFS[code]
    box = f"<div class='newsletter'><p>Newsletter</p><p>{closing}</p><p>{name}</p></div>"
    text = clean(signed(code, "<p>{}</p>", (), after=box).replace("<p></p>", ""))
    assert closing not in text
    headline, _, paragraphs, _, _ = ARTICLES[code]
    # a footer under the headline, above the text: no sign-off of the article's
    html = (
        f"<html><body><article><h1>{headline}</h1><footer><p>{closing}</p><p>{name}</p></footer>"
        f"{body(code)}</article></body></html>"
    )
    assert closing not in clean(html)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Mit freundlichen Grüßen", "de"),
        ("mit freundlichen grüßen,", "de"),
        ("Cordialement, Le bureau", "fr"),
        ("Met vriendelijke groet,", "nl"),
        ("Atenciosamente,", "pt"),
        ("Z poważaniem", None),  # the page's language unknown: any language's formulas
    ],
)
def test_closing_formulas(line: str, lang: str | None) -> None:
    assert signoff.closing(line, lang)


@pytest.mark.parametrize(
    "line",
    [
        "Ihre Meinung ist uns wichtig",  # a formula's word opening a sentence
        "Mit freundlichen Grüßen an alle Leserinnen und Leser, die uns seit Jahren treu sind",
        "Cordialement vôtre, dit-il en riant avant de quitter la salle",
        "Saludos desde Madrid",
    ],
)
def test_no_closing(line: str) -> None:
    assert not signoff.closing(line, None)


@pytest.mark.parametrize("line", ["(dpa/abc)", "(AFP)", "(red)", "(Reuters, jk)", "(dpa/lnw)", "(ANSA)"])
def test_credits(line: str) -> None:
    assert signoff.credit(line)


@pytest.mark.parametrize("line", ["(USA)", "(Foto: dpa)", "(2024)", "(siehe oben)", "(EU-Kommission)", "dpa"])
def test_no_credit(line: str) -> None:
    assert not signoff.credit(line)


def test_a_sign_off_is_its_lines_at_the_end() -> None:
    assert signoff.start(["Ein Satz.", "Viele Grüße", "Anna", "(dpa)"], "de") == 1
    assert signoff.start(["Ein Satz.", "(dpa/abc)"], "de") == 1
    assert signoff.start(["Viele Grüße", "Das ist ein ganzer Satz mit vielen Wörtern darin."], "de") is None
    assert signoff.start(["Viele Grüße", "A", "B", "C", "D"], "de") is None  # too many lines of names


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        # a whole sentence set small: its spaces stay between the words of the scripts side by side
        (
            "<p><sub>Use the code </sub><b><sub>SPRING</sub></b><sub> at checkout.</sub></p>",
            "Use the code SPRING at checkout.",
        ),
        ("<p>Prix<sup> </sup>net</p>", "Prix net"),
        ("<p>Nota <sup>1</sup> bene</p>", "Nota ¹ bene"),
    ],
)
def test_a_scripts_own_spaces_stay(fragment: str, expected: str) -> None:
    assert lines(fragment) == expected + "\n"


@pytest.mark.parametrize("code", ["fr", "de"])
def test_a_stamp_in_the_headlines_header_is_no_standfirst(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    stamp = {
        "fr": "AFP <time datetime='2025-04-30'>30 avril 2025 à 07:19</time> (Mis à jour : 30 avril 2025 à 07:38",
        "de": "dpa <time datetime='2025-04-30'>30. April 2025, 07:19 Uhr</time> (aktualisiert um 07:38 Uhr",
    }[code]
    html = framed(
        f"<header><h1>{headline}</h1><div class='info'>{stamp}</div></header><main>{body(code)}</main>"
    )
    text = clean(html)
    assert "07:19" not in text and paragraphs[0] in text


@pytest.mark.parametrize("code", ["de", "fr", "pl"])
def test_the_outputs_are_fixed_points(code: str) -> None:
    extra = (
        "<ol start='2'><li>Eins</li><li>Zwei</li></ol>"
        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2 m<sup>2</sup></td></tr><tr><td></td><td>3</td></tr></table>"
        "<table><tr><td>x</td><td>y</td></tr></table>"  # one row: no table for the layout cleaner
        "<p>H<sub>2</sub>O ist belegt.<sup>[1]</sup>Weiter <span>geht</span><span>Es</span>.</p>"
    )
    once = clean(article(code, extra))
    assert clean(once, input_format="text") == once
