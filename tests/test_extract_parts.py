"""Parts of the article that look like page furniture (found by a new user's trial): the article's own
header (headline, standfirst), a box of prose inside the article (an infobox, a fact box), a quote's
attribution; and the headline, byline and dateline beside the body container (issue 11, kind 3). Each kind
with small pages in several languages and their right output, and negatives that come out as before."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain
from cleanmedia.extract import extract

# (language, headline, standfirst, body paragraphs, a box's heading and sentences)
ARTICLES = {
    "en": (
        "Council backs new cycle lanes",
        "The plan adds twelve kilometres of protected lanes to the city by the end of next year.",
        [
            "The city council voted on Tuesday to build twelve kilometres of protected cycling lanes, ending a long debate.",
            "Work is expected to begin in March and to last about eighteen months, according to the transport office.",
            "Opponents say the works will hurt small businesses, but the council promised a support fund for them.",
        ],
        "Background",
        [
            "The city opened its first protected lane in 2015, along the river and through the old town.",
            "Since then the number of people who cycle to work has doubled, according to the council.",
        ],
    ),
    "de": (
        "Stadtrat beschließt neue Radwege",
        "Bis Ende des nächsten Jahres sollen in der Stadt zwölf Kilometer geschützte Radwege entstehen.",
        [
            "Der Stadtrat hat am Dienstag nach langer Debatte beschlossen, zwölf Kilometer geschützte Radwege zu bauen.",
            "Die Arbeiten sollen im März beginnen und nach Angaben des Verkehrsamts etwa achtzehn Monate dauern.",
            "Kritiker fürchten Einbußen für kleine Geschäfte, doch der Rat hat einen Hilfsfonds für sie versprochen.",
        ],
        "Hintergrund",
        [
            "Der erste geschützte Radweg der Stadt wurde im Jahr 2015 am Fluss entlang eröffnet.",
            "Seitdem hat sich die Zahl der Menschen, die mit dem Rad zur Arbeit fahren, nach Angaben der Stadt verdoppelt.",
        ],
    ),
    "fr": (
        "Le conseil adopte de nouvelles pistes cyclables",
        "Le projet ajoute douze kilomètres de pistes protégées à la ville d'ici la fin de l'année prochaine.",
        [
            "Le conseil municipal a voté mardi la construction de douze kilomètres de pistes cyclables protégées.",
            "Les travaux doivent commencer en mars et durer environ dix-huit mois, selon le service des transports.",
            "Les opposants craignent pour les petits commerces, mais le conseil a promis un fonds de soutien.",
        ],
        "Contexte",
        [
            "La ville a ouvert sa première piste protégée en 2015, le long du fleuve et dans la vieille ville.",
            "Depuis, le nombre de personnes qui vont au travail à vélo a doublé, selon la mairie.",
        ],
    ),
    "es": (
        "El ayuntamiento aprueba nuevos carriles bici",
        "El plan añade doce kilómetros de carriles protegidos a la ciudad antes del final del año que viene.",
        [
            "El ayuntamiento votó el martes la construcción de doce kilómetros de carriles bici protegidos.",
            "Las obras empezarán en marzo y durarán unos dieciocho meses, según la oficina de transporte.",
            "Los críticos temen por el pequeño comercio, pero el ayuntamiento ha prometido un fondo de ayuda.",
        ],
        "Antecedentes",
        [
            "La ciudad abrió su primer carril protegido en 2015, junto al río y por el casco antiguo.",
            "Desde entonces el número de personas que van al trabajo en bicicleta se ha duplicado, según el ayuntamiento.",
        ],
    ),
    "it": (
        "Il consiglio approva le nuove piste ciclabili",
        "Il piano aggiunge dodici chilometri di piste protette alla città entro la fine del prossimo anno.",
        [
            "Il consiglio comunale ha votato martedì la costruzione di dodici chilometri di piste ciclabili protette.",
            "I lavori dovrebbero iniziare a marzo e durare circa diciotto mesi, secondo l'ufficio trasporti.",
            "Gli oppositori temono per i piccoli negozi, ma il consiglio ha promesso un fondo di sostegno.",
        ],
        "Il contesto",
        [
            "La città ha aperto la sua prima pista protetta nel 2015, lungo il fiume e nel centro storico.",
            "Da allora il numero di persone che vanno al lavoro in bicicletta è raddoppiato, secondo il comune.",
        ],
    ),
    "pl": (
        "Rada miasta przyjmuje plan nowych ścieżek rowerowych",
        "Plan przewiduje dwanaście kilometrów chronionych ścieżek w mieście do końca przyszłego roku.",
        [
            "Rada miasta zagłosowała we wtorek za budową dwunastu kilometrów chronionych ścieżek rowerowych.",
            "Prace mają się rozpocząć w marcu i potrwać około osiemnastu miesięcy, jak podaje biuro transportu.",
            "Przeciwnicy obawiają się o małe sklepy, ale rada obiecała dla nich fundusz wsparcia.",
        ],
        "Tło",
        [
            "Miasto otworzyło pierwszą chronioną ścieżkę w 2015 roku, wzdłuż rzeki i przez stare miasto.",
            "Od tego czasu liczba osób, które jeżdżą do pracy na rowerze, się podwoiła, jak podaje urząd.",
        ],
    ),
}
LANGS = sorted(ARTICLES)


def body(code: str) -> str:
    return "".join(f"<p>{p}</p>" for p in ARTICLES[code][2])


def text_of(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


SITE_HEADER = (
    '<header class="site"><a href="/"><img src="logo.png" alt="City Post"></a>'
    '<nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>'
)


# 1. The article's own header: its standfirst is article text, its headline the title (metadata); a
# site's header still goes whole.
@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize(
    "standfirst_tag",
    ['p class="standfirst"', 'p class="dek"', 'p class="lead"', 'div class="summary"', 'p class="subtitle"'],
)
def test_the_articles_header_keeps_its_standfirst_and_its_headline_is_the_title(
    code: str, standfirst_tag: str
) -> None:
    headline, standfirst, paragraphs, _, _ = ARTICLES[code]
    tag = standfirst_tag.split()[0]
    html = (
        f"<html><body>{SITE_HEADER}<article><header><h1>{headline}</h1>"
        f'<{standfirst_tag}>{standfirst}</{tag}></header><div class="article-body">{body(code)}</div>'
        "</article></body></html>"
    )
    result = clean_and_explain(html)
    assert result.text == text_of(standfirst, *paragraphs)
    assert result.metadata.title == headline and result.metadata.lang == code
    assert [r.text for r in result.removals if r.reason == "extract.header"] == ["News  Sport", headline]
    (kept,) = [r for r in result.removals if r.reason == "extract.kept"]
    assert kept.text == standfirst and kept.selector.startswith(f"article > header > {tag}")


def test_collapsed_text_in_the_header_is_no_standfirst() -> None:
    """A disclosure under the headline (a support notice, a glossary) is collapsed: it goes with the header."""
    headline, standfirst, paragraphs, _, more = ARTICLES["en"]
    paragraphs = paragraphs + more  # (a header holding 30% of the page's prose stays whole: the valve)
    notice = "<details><summary>Note</summary><p>This plan was first published in the spring and revised since.</p></details>"
    html = (
        f"<html><body><article><header><h1>{headline}</h1>{notice}<p>{standfirst}</p></header>"
        '<div class="article-body">'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</div></article></body></html>"
    )
    assert extract(html).text == text_of(standfirst, *paragraphs)


def test_a_wordpress_entry_header_gives_title_author_and_date() -> None:
    headline, _, paragraphs, _, _ = ARTICLES["en"]
    html = (
        '<html><body><article class="post type-post hentry"><header class="entry-header">'
        f'<h1 class="entry-title">{headline}</h1><div class="entry-meta"><span class="posted-on">'
        '<time datetime="2026-11-18">18 November 2026</time></span> <span class="byline">by '
        '<a rel="author" href="/author/ann">Ann Lowe</a></span></div></header>'
        f'<div class="entry-content">{body("en")}</div></article></body></html>'
    )
    result = clean_and_explain(html)
    assert result.text == text_of(*paragraphs)
    assert (result.metadata.title, result.metadata.author, result.metadata.date) == (
        headline,
        "Ann Lowe",
        "2026-11-18",
    )
    assert any(r.reason == "extract.header" and r.text.startswith(headline) for r in result.removals)


def test_the_article_headers_dateline_and_byline_go_to_the_metadata() -> None:
    headline, standfirst, paragraphs, _, more = ARTICLES["de"]
    paragraphs = paragraphs + more  # (a header holding 30% of the page's prose stays whole: the valve)
    html = (
        f"<html><body><article><header><h1>{headline}</h1><p>{standfirst}</p><p>Von Anna Lang, "
        "Korrespondentin in Berlin</p><p>3. März 2025</p></header><div>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</div></article></body></html>"
    )
    result = clean_and_explain(html)
    assert result.text == text_of(standfirst, *paragraphs)
    assert (result.metadata.author, result.metadata.date) == ("Anna Lang", "2025-03-03")


@pytest.mark.parametrize(
    "header",
    [
        # a site's header inside the article's container: its logo's name is a link, its links a menu
        '<header><h1><a href="/">City Post</a></h1><a href="/login">Log in</a> <a href="/join">Join</a></header>',
        '<header class="masthead"><a href="/"><img alt="City Post"></a><nav><a href="/a">Home</a></nav></header>',
        # a header of links and a short label: no headline, no standfirst
        '<header><a href="/news">News</a> <a href="/city">City</a> <span>Live</span></header>',
    ],
)
def test_a_site_header_inside_the_container_still_goes(header: str) -> None:
    paragraphs = ARTICLES["en"][2]
    result = extract(f"<html><body><main>{header}{body('en')}</main></body></html>")
    assert result.text == text_of(*paragraphs)
    assert any(r.reason in ("extract.header", "extract.navigation") for r in result.removed)


def test_a_header_outside_the_article_still_goes() -> None:
    headline, standfirst, paragraphs, _, _ = ARTICLES["en"]
    html = (
        f"<html><body><header><h2>{headline}</h2><p>{standfirst}</p></header>"
        f"<article>{body('en')}</article></body></html>"
    )
    assert extract(html).text == text_of(*paragraphs)


# 2. A box of prose inside the article stays; boxes of links, teasers, share buttons and pull quotes go.
@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize(
    "box",
    [
        '<aside class="infobox">{}</aside>',
        '<aside class="factbox">{}</aside>',
        '<aside class="kasten">{}</aside>',
        '<aside class="encadre">{}</aside>',
        '<div class="sidebar-box">{}</div>',
        '<div role="complementary">{}</div>',
    ],
)
def test_a_box_of_prose_inside_the_article_stays(code: str, box: str) -> None:
    headline, _, paragraphs, heading, sentences = ARTICLES[code]
    inner = f"<h3>{heading}</h3>" + "".join(f"<p>{s}</p>" for s in sentences)
    html = f"<html><body><article><h1>{headline}</h1>{body(code)}{box.format(inner)}</article></body></html>"
    result = extract(html)
    assert result.text == text_of(headline, *paragraphs, heading, *sentences)
    (kept,) = [r for r in result.removed if r.reason == "extract.kept"]
    assert kept.text.startswith(heading)  # kept as prose of the article (`<div>`s: by the prose valve)


LINKS = "".join(
    f'<li><a href="/story/{n}">{title}</a></li>'
    for n, title in enumerate(
        [
            "Mayor opens the new bridge over the river",
            "Schools to close early on Friday for the holiday",
            "Rents rise again in the city centre this year",
        ]
    )
)


@pytest.mark.parametrize(
    "box",
    [
        f'<aside class="infobox"><h3>Read more</h3><ul>{LINKS}</ul></aside>',  # links to other stories
        '<aside><a href="/x"><h3>Rents rise again in the city centre</h3></a><p>Landlords asked for '
        'more this year than in any year before, the figures show.</p><a href="/x">Read more</a></aside>',
        '<aside class="share"><p>Share this article with your friends and family on every network.</p>'
        '<a href="https://x.example/share">X</a></aside>',
        '<aside class="related"><p>This story is part of our series on the city, which you can read in '
        "full on the series page.</p></aside>",  # named as related: not a box of the article
        # a pull quote: a copy of the article's own sentence
        "<aside>The city council voted on Tuesday to build twelve kilometres of protected cycling lanes, "
        "ending a long debate.</aside>",
        # facts without sentences
        "<aside><ul><li>Length: 12 km</li><li>Cost: 40 million</li><li>Start: March</li></ul></aside>",
        # an author's box: it opens with a byline
        "<aside><p>Written by Ann Lowe</p><p>Ann covers transport and housing for the city desk, and has "
        "written about the council since the elections of 2019.</p></aside>",
        # a post quoted in a thread
        "<aside><div>Ann wrote:</div><blockquote>The council should have voted for the lanes years ago, "
        "when the first plans were drawn up.</blockquote></aside>",
    ],
)
def test_boxes_of_links_teasers_shares_and_copies_still_go(box: str) -> None:
    paragraphs = ARTICLES["en"][2]
    result = extract(f"<html><body><article>{body('en')}{box}</article></body></html>")
    assert result.text == text_of(*paragraphs)


def test_a_box_of_prose_outside_the_article_still_goes() -> None:
    _, _, paragraphs, heading, sentences = ARTICLES["en"]
    inner = f"<h3>{heading}</h3>" + "".join(f"<p>{s}</p>" for s in sentences)
    html = f"<html><body><article>{body('en')}</article><aside>{inner}</aside></body></html>"
    assert extract(html).text == text_of(*paragraphs)


# 3. A quote's attribution (a <footer> or <cite> inside a <blockquote>, a caption of a quote in a figure)
# stays; the page's footer and a picture's caption still go.
QUOTE = "We will build the lanes this year, whatever it takes, because the city needs them."


@pytest.mark.parametrize(
    ("quote", "lines"),
    [
        (
            f"<blockquote><p>{QUOTE}</p><footer>— <cite>Jane Doe</cite>, mayor</footer></blockquote>",
            [QUOTE, "— Jane Doe, mayor"],
        ),
        (
            f'<blockquote><p>{QUOTE}</p><footer class="quote-author">Jane Doe</footer></blockquote>',
            [QUOTE, "Jane Doe"],
        ),
        (f'<blockquote><p>{QUOTE}</p><cite class="author">Jane Doe</cite></blockquote>', [QUOTE, "Jane Doe"]),
    ],
)
def test_a_quotes_attribution_stays(quote: str, lines: list[str]) -> None:
    paragraphs = ARTICLES["en"][2]
    result = extract(f"<html><body><article>{body('en')}{quote}</article></body></html>")
    assert result.text == text_of(*paragraphs, *lines)
    assert all(r.kept for r in result.removed)
    assert result.metadata.author is None  # the quoted person is not the article's author


@pytest.mark.parametrize(
    "furniture",
    [
        "<footer><p>© 2026 City Post. All rights reserved.</p></footer>",
        '<figure><img src="lane.jpg" alt=""><figcaption>The new lane on the river bank.</figcaption></figure>',
        '<figure><img src="x.jpg" alt=""><blockquote>A quote on a picture.</blockquote>'
        "<figcaption>Photo: Jane Doe</figcaption></figure>",
    ],
)
def test_the_pages_footer_and_a_pictures_caption_still_go(furniture: str) -> None:
    paragraphs = ARTICLES["en"][2]
    result = extract(f"<html><body><article>{body('en')}{furniture}</article></body></html>")
    assert result.text == text_of(*paragraphs)


# 4. Headline, byline and dateline beside the body container: author and date to the metadata (the
# role left out, as in text), every part that does not reach the text logged.
BESIDE = [
    ("en", '<p class="byline">By Ann Lowe, Transport correspondent</p>', "Ann Lowe", None),
    ("en", "<p>By Ann Lowe</p><p>18 November 2026</p>", "Ann Lowe", "2026-11-18"),
    (
        "de",
        '<p class="autor">Von Anna Lang, Korrespondentin in Berlin</p><p class="datum">3. März 2025</p>',
        "Anna Lang",
        "2025-03-03",
    ),
    ("fr", '<div class="signature">Par Jean Dupont, envoyé spécial à Kiev</div>', "Jean Dupont", None),
    ("es", '<div class="firma">Por Ana García, corresponsal en Bruselas</div>', "Ana García", None),
    ("it", '<p class="firma">Di Marco Rossi</p>', "Marco Rossi", None),
]


@pytest.mark.parametrize(("code", "meta", "author", "date"), BESIDE, ids=[b[1] for b in BESIDE])
def test_headline_byline_and_dateline_beside_the_body_reach_the_metadata(
    code: str, meta: str, author: str, date: str | None
) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    html = (
        f'<html><body><div class="post"><h1>{headline}</h1>{meta}'
        f'<div class="post-body">{body(code)}</div></div></body></html>'
    )
    result = clean_and_explain(html)
    assert result.text == text_of(*paragraphs)
    assert (result.metadata.title, result.metadata.author, result.metadata.date) == (headline, author, date)
    assert [r.text for r in result.removals if r.reason == "extract.headline"] == [headline]
    dropped = " ".join(r.text for r in result.removals)
    assert headline in dropped and author in dropped


def test_the_article_header_byline_goes_to_the_metadata() -> None:
    headline, _, paragraphs, _, _ = ARTICLES["en"]
    html = (
        f'<html><body><article><header><h1>{headline}</h1><p class="byline">By Ann Lowe, Senior Reporter</p>'
        f'</header><div class="article-body">{body("en")}</div></article></body></html>'
    )
    result = clean_and_explain(html)
    assert result.text == text_of(*paragraphs)
    assert (result.metadata.title, result.metadata.author) == (headline, "Ann Lowe")


def test_every_block_beside_the_body_is_logged() -> None:
    headline, _, paragraphs, _, _ = ARTICLES["en"]
    html = (
        f'<html><body><div class="post"><div class="kicker"><a href="/city">City</a></div><h1>{headline}</h1>'
        f'<div class="post-body">{body("en")}</div><div class="more"><a href="/x">Rents rise again</a></div>'
        "</div></body></html>"
    )
    result = extract(html)
    assert result.text == text_of(*paragraphs)
    logged = {r.text: r.reason for r in result.removed}
    assert logged == {
        "City": "extract.beside",
        headline: "extract.headline",
        "Rents rise again": "extract.beside",
    }


def test_a_byline_below_the_body_gives_no_author() -> None:
    """Below the body stand other articles' teasers: their bylines are not the article's."""
    html = (
        f'<html><body><div class="post"><div class="post-body">{body("en")}</div>'
        '<div class="teaser"><a href="/x">Rents rise again</a> By Tom Reeves</div></div></body></html>'
    )
    result = clean_and_explain(html)
    assert result.metadata.author is None and result.text == text_of(*ARTICLES["en"][2])


def test_a_header_byline_never_makes_a_body_line_a_byline_when_the_page_names_its_author() -> None:
    """What the header's lines tell goes to the metadata only where the page's meta tags are silent: a
    line of the body that is the author's name alone (a signature under a letter) stays, as before."""
    headline, _, paragraphs, _, _ = ARTICLES["en"]
    html = (
        '<html><head><meta name="author" content="Ann Lowe"></head><body><article><header>'
        f"<h1>{headline}</h1><p>By Ann Lowe</p></header><div>{body('en')}<p>Ann Lowe</p></div></article>"
        "</body></html>"
    )
    result = extract(html)
    assert result.text == text_of(*paragraphs, "Ann Lowe") and result.metadata.author == "Ann Lowe"
