"""The article's headline and what stands around it, as a new user's trial found them lost (session 8):
a generic `<title>` (the site's or a section's name) beaten by the article's own headline; a page
builder's heading widget taken for a sidebar; an old table layout's title glued to its menu; a standfirst
set as a heading; teaser `<article>`s after the main one. Each kind in several languages with its right
output, and negatives that come out as before."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain
from cleanmedia.extract import extract
from cleanmedia.html import blocks_text, parse
from test_extract_parts import ARTICLES, LANGS, body, text_of

SITES = {
    "en": ("City Post", "News"),
    "de": ("Rheinische Rundschau", "Nachrichten"),
    "fr": ("Le Quotidien du Nord", "Actualités"),
    "es": ("Diario de la Costa", "Noticias"),
    "it": ("Gazzetta del Lago", "Notizie"),
    "pl": ("Kurier Miejski", "Wiadomości"),
}


def page(title: str, inside: str, head: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{inside}</body></html>"


def in_header(code: str) -> str:
    return f"<article><header><h1>{ARTICLES[code][0]}</h1></header><div class='article-body'>{body(code)}</div></article>"


def over_headline(code: str, above: str, heading: str = "h1") -> str:
    """A page whose `<article>` holds `above` (HTML), the article's headline in `heading`, its body."""
    return f"<html><body><article>{above}<{heading}>{ARTICLES[code][0]}</{heading}>{body(code)}</article></body></html>"


def above_body(code: str) -> str:
    return f"<div class='story'><h1>{ARTICLES[code][0]}</h1><div class='text'>{body(code)}</div></div>"


# 1. A generic <title> (the site's name, a section and the site) loses to the article's headline.
@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("where", [in_header, above_body])
@pytest.mark.parametrize("kind", ["site", "section and site", "site name declared"])
def test_the_headline_beats_a_generic_title(code: str, where: object, kind: str) -> None:
    site, section = SITES[code]
    title, head = {
        "site": (site, ""),
        "section and site": (f"{section} – {site}", ""),
        "site name declared": (site, f'<meta property="og:site_name" content="{site}">'),
    }[kind]
    headline, _, paragraphs, _, _ = ARTICLES[code]
    result = clean_and_explain(page(title, where(code), head))  # type: ignore[operator]
    assert result.metadata.title == headline
    assert result.text == text_of(*paragraphs)
    (edit,) = [e for e in result.metadata_edits if e.field == "title"]
    assert edit.reason == "extract.headline" and repr(title) in edit.detail


@pytest.mark.parametrize("code", LANGS)
def test_a_title_that_names_the_article_stays(code: str) -> None:
    """The page's title when it holds the headline (with the site beside it, or shortened), when it is
    long, or when the page declares its title (og:title): as before."""
    site, _ = SITES[code]
    headline = ARTICLES[code][0]
    shortened = " ".join(headline.split()[:-1])
    assert extract(page(f"{headline} | {site}", in_header(code))).metadata.title == headline
    assert extract(page(shortened, in_header(code))).metadata.title == shortened
    long_title = "A title of many words that a site wrote for this page and no other page at all"
    assert extract(page(long_title, in_header(code))).metadata.title == long_title
    og = f'<meta property="og:title" content="{site}">'
    assert extract(page(site, in_header(code), og)).metadata.title == site


def test_a_heading_of_one_or_two_words_replaces_no_title() -> None:
    paragraphs = ARTICLES["en"][2]
    html = page("City Post", "<article><h1>Comments</h1>" + body("en") + "</article>")
    assert extract(html).metadata.title == "City Post"
    assert extract(
        page("City Post", "<div><h1>Latest news</h1><div>" + body("en") + "</div></div>")
    ).metadata.title == ("City Post")
    assert paragraphs[0] in extract(html).text


# 2. A page builder's heading widget above the body is the headline, not a sidebar.
def builder_page(code: str, title: str) -> str:
    headline = ARTICLES[code][0]
    return page(
        title,
        '<div class="builder"><section class="builder-section">'
        f'<div class="builder-widget builder-widget-heading"><h2 class="heading-title">{headline}</h2></div>'
        '<div class="builder-widget builder-widget-text-editor"><div class="builder-widget-container">'
        f"{body(code)}</div></div>"
        '<div class="builder-widget builder-widget-share-buttons"><a>Facebook</a> <a>WhatsApp</a></div>'
        "</section></div>",
    )


@pytest.mark.parametrize("code", LANGS)
def test_a_heading_widget_above_the_body_is_the_headline(code: str) -> None:
    site, section = SITES[code]
    headline, _, paragraphs, _, _ = ARTICLES[code]
    result = clean_and_explain(builder_page(code, f"{site} – {section}"))
    assert result.metadata.title == headline
    assert result.text == text_of(*paragraphs)
    (removal,) = [r for r in result.removals if r.text == headline]
    assert removal.reason == "extract.headline"


def test_a_heading_widget_after_the_body_is_still_a_sidebar() -> None:
    """A widget of a sidebar below the article (a heading and its links) is no headline."""
    site, section = SITES["it"]
    html = page(
        f"{site} – {section}",
        f"<main><h1>{ARTICLES['it'][0]}</h1><div>{body('it')}</div>"
        '<div class="widget"><h2>Articoli recenti</h2><ul><li><a href="/a">Uno</a></li></ul></div></main>',
    )
    result = extract(html)
    assert [r.reason for r in result.removed if r.text.startswith("Articoli recenti")] == ["extract.sidebar"]


# 3. An old table layout: a cell that holds lines is a block of its own.
TABLE_LAYOUT = (
    '<html><head><title>{site}</title></head><body><table width="100%"><tr>'
    '<td width="150"><a href="/">Home</a><br><a href="/a">{nav1}</a><br><a href="/b">{nav2}</a></td>'
    '<td><font size="4"><b>{title}</b></font><br><br>{paragraphs}</td>'
    '<td width="160"><b>{box}</b><br>12.04. {event}</td></tr></table></body></html>'
)
TABLES = {
    "de": (
        "SV Talheim",
        "Termine",
        "Impressum",
        "Jahresversammlung des Vereins",
        "Nächste Termine",
        "Heimspiel",
    ),
    "en": ("Town Rowing Club", "Fixtures", "Imprint", "Annual general meeting", "Coming up", "Home race"),
    "fr": ("Club de voile", "Agenda", "Mentions légales", "Assemblée générale annuelle", "À venir", "Régate"),
}


@pytest.mark.parametrize("code", sorted(TABLES))
def test_a_layout_tables_title_cell_is_not_glued_to_its_menu(code: str) -> None:
    site, nav1, nav2, title, box, event = TABLES[code]
    paragraphs = ARTICLES[code][2]
    html = TABLE_LAYOUT.format(
        site=site,
        nav1=nav1,
        nav2=nav2,
        title=title,
        box=box,
        event=event,
        paragraphs="<br><br>".join(paragraphs),
    )
    tree = parse(html)
    assert tree.body is not None
    lines = blocks_text([tree.body]).split("\n\n")
    assert lines[:5] == ["Home", nav1, nav2, title, paragraphs[0]]
    assert lines[-2:] == [box, f"12.04. {event}\n"]
    result = clean_and_explain(html)
    assert title in result.text.split("\n") and all(p in result.text for p in paragraphs)


def test_a_data_tables_cells_stay_on_their_rows_line() -> None:
    html = (
        "<table><tr><th>City</th><th>Population</th></tr><tr><td>Berlin</td><td>3.6 million</td></tr>"
        "<tr><td>Hamburg</td><td>1.9 <b>million</b></td></tr></table>"
    )
    tree = parse(html)
    assert tree.body is not None
    assert blocks_text([tree.body]) == "City\tPopulation\nBerlin\t3.6 million\nHamburg\t1.9 million\n"


# 4. A standfirst set as a heading right under the headline (a whole sentence) is article text.
@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("tag", ["h2", "h3"])
def test_a_standfirst_set_as_a_heading_stays(code: str, tag: str) -> None:
    headline, standfirst, paragraphs, _, _ = ARTICLES[code]
    html = (
        f"<html><body><article><header><h1>{headline}</h1><{tag} class='subtitle'>{standfirst}</{tag}></header>"
        f"<div class='article-body'>{body(code)}</div></article></body></html>"
    )
    result = clean_and_explain(html)
    assert result.text == text_of(standfirst, *paragraphs)
    assert result.metadata.title == headline
    (kept,) = [r for r in result.removals if r.reason == "extract.kept"]
    assert kept.text == standfirst and kept.selector.endswith(f"header > {tag}.subtitle")


@pytest.mark.parametrize(
    "subtitle",
    [
        "Twelve kilometres of new lanes by next year",  # a phrase, no full stop
        ARTICLES["en"][1].rstrip("."),  # the standfirst's words without its full stop
        "Will the city keep its promise to cyclists this time?",  # a question
        "Short line.",  # too short for a sentence
    ],
)
def test_a_subtitle_heading_that_is_no_sentence_goes_with_the_headline(subtitle: str) -> None:
    """A heading below the headline that is no sentence is part of it (every bench set's ground truth
    leaves such subtitles out), as before."""
    headline, _, paragraphs, _, _ = ARTICLES["en"]
    html = (
        f"<html><body><article><header><h1>{headline}</h1><h2>{subtitle}</h2></header>"
        f"<div class='article-body'>{body('en')}</div></article></body></html>"
    )
    result = extract(html)
    assert result.text == text_of(*paragraphs)
    assert [r.text for r in result.removed if r.reason == "extract.header"] == [f"{headline} {subtitle}"]


# 5. Teaser <article>s of other articles after the main one go; articles inside it stay.
TEASERS = {
    "pl": ["Remont alei potrwa dłużej", "Nowy park na dawnej fabryce", "Ceny biletów bez zmian"],
    "de": [
        "Sanierung der Brücke dauert länger",
        "Neuer Park auf altem Fabrikgelände",
        "Ticketpreise bleiben gleich",
    ],
    "en": [
        "Bridge repairs will take longer",
        "A new park on the old factory site",
        "Ticket prices stay the same",
    ],
    "fr": [
        "Les travaux du pont dureront plus",
        "Un parc sur l'ancienne usine",
        "Les tarifs restent inchangés",
    ],
}
BLURB = {
    "pl": "Drogowcy przyznają, że prace nie zakończą się przed zimą, a objazdy pozostaną na miejscu jeszcze przez kilka miesięcy, co oznacza utrudnienia.",
    "de": "Die Arbeiten werden nicht vor dem Winter fertig, und die Umleitungen bleiben noch mehrere Monate bestehen, was tausende Pendler trifft.",
    "en": "The works will not end before winter, and the detours will stay in place for several more months, which means delays for thousands of drivers.",
    "fr": "Les travaux ne seront pas terminés avant l'hiver, et les déviations resteront en place plusieurs mois, ce qui gênera des milliers de conducteurs.",
}


def teaser_page(code: str, teaser_tag: str = "article", link: bool = True) -> str:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    teasers = "".join(
        f"<{teaser_tag} class='teaser'><h2>"
        + (f"<a href='/{i}'>{t}</a>" if link else t)
        + f"</h2><p>{BLURB[code]}</p></{teaser_tag}>"
        for i, t in enumerate(TEASERS[code])
    )
    return (
        f"<html><body><main><article class='main-article'><h1>{headline}</h1>{body(code)}</article>"
        f"<section class='more'><h2>+</h2>{teasers}</section></main></body></html>"
    )


@pytest.mark.parametrize("code", sorted(TEASERS))
def test_teaser_articles_after_the_main_one_go(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    result = clean_and_explain(teaser_page(code))
    assert result.text == text_of(headline, *paragraphs)
    assert [
        r.text.split(BLURB[code])[0].strip() for r in result.removals if r.reason == "extract.related"
    ] == [
        *TEASERS[code],
        "+",
    ]


@pytest.mark.parametrize("code", sorted(TEASERS))
def test_teasers_without_links_or_articles_inside_the_main_one_stay(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    unlinked = extract(teaser_page(code, link=False)).text
    assert all(t in unlinked for t in TEASERS[code])
    posts = "".join(
        f"<article class='post'><h2><a href='/{i}'>{t}</a></h2><p>{BLURB[code]}</p></article>"
        for i, t in enumerate(TEASERS[code])
    )
    live = f"<html><body><main><article><h1>{headline}</h1>{body(code)}{posts}</article></main></body></html>"
    text = extract(live).text
    assert all(t in text for t in TEASERS[code]) and all(p in text for p in paragraphs)


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("wrapped", [False, True])
def test_a_standfirst_heading_beside_the_body_is_read_before_it(code: str, wrapped: bool) -> None:
    """Headline and standfirst above the body, not in a header: the standfirst is read, the headline is the
    title (as an `<h1>` above the body was)."""
    headline, standfirst, paragraphs, _, _ = ARTICLES[code]
    top = f"<h1>{headline}</h1><h2>{standfirst}</h2>"
    top = f"<div class='top'>{top}</div>" if wrapped else top
    result = clean_and_explain(
        f"<html><body><div class='story'>{top}<div class='text'>{body(code)}</div></div></body></html>"
    )
    assert result.text == text_of(standfirst, *paragraphs)
    assert result.metadata.title == headline
    assert [r.text for r in result.removals if r.reason == "extract.headline"] == [headline]
    assert [r.text for r in result.removals if r.reason == "extract.kept"] == [standfirst]


def test_a_list_of_whole_posts_each_with_its_headline_stays() -> None:
    """A blog's page of posts sets each one as an `<article>` with an `<h1>`: no teasers beside a main one."""
    posts = "".join(
        f"<article><h1><a href='/{code}'>{ARTICLES[code][0]}</a></h1>{body(code)}</article>" for code in LANGS
    )
    text = extract(
        f"<html><body><main><section class='blog-list'>{posts}</section></main></body></html>"
    ).text
    assert all(p in text for code in LANGS for p in ARTICLES[code][2])


# 5b. The headline's place: when the text holds it, it is its first line, once.
KICKERS = {
    "en": "Politics",
    "de": "• Lokales",
    "fr": "Société",
    "es": "Noticias • Ciudad",
    "it": "In primo piano",
    "pl": "Kraj",
}


@pytest.mark.parametrize("code", LANGS)
def test_labels_above_the_headline_go_and_the_headline_is_the_first_line(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    result = clean_and_explain(over_headline(code, f"<p class='kicker'>{KICKERS[code]}</p>"))
    assert result.text == text_of(headline, *paragraphs)
    assert [r.text for r in result.removals if r.reason == "extract.label"] == [KICKERS[code]]
    assert clean_and_explain(result.text, lang=code).text == result.text  # once, and stays so


@pytest.mark.parametrize(
    "above",
    [
        "The council met on Tuesday evening.",  # a sentence
        "A line of four words",  # longer than a label
    ],
)
def test_a_sentence_or_a_longer_line_above_the_headline_stays(above: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES["en"]
    assert extract(over_headline("en", f"<p>{above}</p>")).text == text_of(above, headline, *paragraphs)


DATELINES = {
    "en": "Riverton, 18 February 2025",
    "de": "Neustadt, 18.02.2025",
    "fr": "Lyon, 18 février 2025",
    "es": "Sevilla, 18 de febrero de 2025",
    "it": "Bergamo, 18 febbraio 2025",
    "pl": "Gdańsk, 18 lutego 2025",
}


@pytest.mark.parametrize("code", LANGS)
def test_a_dateline_above_the_headline_is_no_label(code: str) -> None:
    """Found by the session-8 new user: a press release's dateline above its `<h1>` (a place, then the
    date) went as a section label, its date lost. A date is the article's: it stays in the text, or
    goes as a dateline with its date in the metadata, never as a label."""
    headline, _, paragraphs, _, _ = ARTICLES[code]
    for above in (DATELINES[code], DATELINES[code].split(", ", 1)[1]):
        result = clean_and_explain(over_headline(code, f"<p>{above}</p>"))
        assert above in result.text.splitlines() or result.metadata.date == "2025-02-18"
        assert not [r for r in result.removals if r.reason == "extract.label"]


def test_a_label_above_a_line_that_is_no_headline_stays() -> None:
    _, _, paragraphs, _, _ = ARTICLES["en"]
    html = over_headline("en", "<p>Politics</p>", "h2").replace(ARTICLES["en"][0], "What happened")
    assert extract(html).text == text_of("Politics", "What happened", *paragraphs)


# 1b. A <title> of the site's name (written by the page's footer or logo) and a section: the headline wins
# even when the site's name shares a word with it.
SHARED = {
    "it": ("Amici del Lago", "Notizie", "Pulizia del lago: grazie ai volontari"),
    "de": ("Freunde des Stadtwalds", "Aktuelles", "Frühjahrsputz der Freunde: Hunderte Helfer im Wald"),
    "en": ("Friends of the River", "News", "Hundreds clean the river banks on a sunny Sunday"),
}


def shared_page(code: str, footer: bool) -> str:
    site, section, headline = SHARED[code]
    foot = f"<footer><p>{site} – Via Roma 1</p></footer>" if footer else ""
    return page(
        f"{site} – {section}", f"<div class='story'><h1>{headline}</h1><div>{body(code)}</div></div>{foot}"
    )


@pytest.mark.parametrize("code", sorted(SHARED))
def test_a_title_of_the_sites_name_and_a_section_loses_to_the_headline(code: str) -> None:
    site, section, headline = SHARED[code]
    assert extract(shared_page(code, footer=True)).metadata.title == headline
    # the site's name nowhere else on the page: the title may be the article's, it stays
    assert extract(shared_page(code, footer=False)).metadata.title == f"{site} – {section}"


def test_a_title_with_more_than_a_section_beside_the_sites_name_stays() -> None:
    site, _, headline = SHARED["en"]
    title = f"River banks cleaned – {site}"
    html = page(title, f"<div><h1>{headline}</h1><div>{body('en')}</div></div><footer><p>{site}</p></footer>")
    assert extract(html).metadata.title == title
