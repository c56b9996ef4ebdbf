"""The kinds of extraction failure of issue 11, each with a small page and its right output."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain
from cleanmedia.extract import extract, split_name
from cleanmedia.html import looks_like_html, to_text

PARAGRAPHS = [
    "The city council voted on Tuesday to build twelve kilometres of protected cycling lanes, ending a long debate.",
    "Work is expected to begin in March and to last about eighteen months, according to the transport office.",
    "Opponents say the works will hurt small businesses, but the council promised a support fund for them.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
ARTICLE_TEXT = "\n\n".join(PARAGRAPHS) + "\n"


# 1. Whole page hidden by an ancestor: never an empty page.
HIDDEN_PAGES = [
    f'<html><body style="display:none"><article>{BODY}</article></body></html>',
    f'<html><body><div id="page" hidden><div class="content">{BODY}</div></div></body></html>',
    f'<html><body><div style="opacity:0"><main>{BODY}</main></div></body></html>',
    f'<html><body><div class="wrapper" aria-hidden="true">{BODY}</div><p hidden>A hidden note.</p></body></html>',
]


@pytest.mark.parametrize("html", HIDDEN_PAGES)
def test_a_hidden_ancestor_of_everything_never_empties_the_page(html: str) -> None:
    assert extract(html).text == ARTICLE_TEXT
    assert to_text(html)[0] == ARTICLE_TEXT  # main_content=False too
    assert clean(html, main_content=False) == ARTICLE_TEXT


def test_a_small_hidden_element_still_goes() -> None:
    html = f"<html><body>{BODY}<div hidden><p>Thanks for subscribing to our letter.</p></div></body></html>"
    assert to_text(html)[0] == ARTICLE_TEXT
    assert extract(html).text == ARTICLE_TEXT


# 4. CamelCase class names are split like hyphenated ones.
@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("CommentBox", "comment-box"),
        ("commentBox", "comment-box"),
        ("relatedPosts2", "related-posts-2"),
        ("HTMLWidget", "html-widget"),
        ("share_bar", "share_bar"),
        ("article", "article"),
    ],
)
def test_class_names_split_on_case_changes_and_digits(name: str, split: str) -> None:
    assert split_name(name) == split


@pytest.mark.parametrize("name", ["CommentBox", "comment-box", "commentsThread", "RelatedArticles"])
def test_camel_case_comment_and_related_boxes_go(name: str) -> None:
    box = f'<div class="{name}"><p>I think this is a great idea and long overdue for the town, really.</p></div>'
    result = extract(f"<html><body><article>{BODY}{box}</article></body></html>")
    assert result.text == ARTICLE_TEXT
    assert any(e.reason in ("extract.comments", "extract.related") for e in result.removed)


def test_camel_case_content_names_stay() -> None:
    html = f'<html><body><div class="ArticleBody">{BODY}</div></body></html>'
    assert extract(html).text == ARTICLE_TEXT


# 7. The metadata title without the site's name and without invisible characters.
@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Council backs cycle lanes - City Post", "City Post", "Council backs cycle lanes"),
        ("Council backs cycle lanes | CITY POST", "City Post", "Council backs cycle lanes"),
        ("City Post: Council backs cycle lanes", "City Post", "Council backs cycle lanes"),
        ("Council backs cy\u00adcle lanes\u200b", None, "Council backs cycle lanes"),
        ("City Post", "City Post", "City Post"),  # only the site's name: kept
        ("Life in City Post", "City Post", "Life in City Post"),  # no separator: the name is the title's
    ],
)
def test_metadata_title_without_site_name(title: str, site: str | None, expected: str) -> None:
    site_meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    html = f'<html><head><meta property="og:title" content="{title}">{site_meta}</head><body><article>{BODY}</article></body></html>'
    result = clean_and_explain(html)
    assert result.metadata.title == expected
    assert result.metadata.site == site


@pytest.mark.parametrize(
    ("title", "h1", "expected_title", "expected_site"),
    [
        (
            "El Real Madrid gana la Liga | Diario Deportivo",
            "El Real Madrid gana la Liga",
            "El Real Madrid gana la Liga",
            "Diario Deportivo",
        ),
        (
            "Le budget est adopté - Politique - Le Quotidien",
            "Le budget est adopté",
            "Le budget est adopté",
            "Le Quotidien",
        ),
        # the <h1> is the site's name (documentation, forums): the title stays whole
        ("What is Ownership? - The Rust Book", "The Rust Book", "What is Ownership? - The Rust Book", None),
        # negatives: no heading to match, or a subtitle after the separator: the title stays whole
        ("Council backs cycle lanes - City Post", None, "Council backs cycle lanes - City Post", None),
        ("Brexit: what happens next", "Brexit", "Brexit: what happens next", None),
        ("Hyphen-ated words - no split", "Hyphen", "Hyphen-ated words - no split", None),
    ],
)
def test_a_title_without_a_site_name_is_split_at_its_heading(
    title: str, h1: str | None, expected_title: str, expected_site: str | None
) -> None:
    """Found by a new user: with no og:site_name the site's name stayed in the title and `site` was
    empty. The page's <h1> shows which part of the <title> is the article's."""
    heading = f"<h1>{h1}</h1>" if h1 else ""
    html = f"<html><head><title>{title}</title></head><body><article>{heading}{BODY}</article></body></html>"
    result = clean_and_explain(html)
    assert (result.metadata.title, result.metadata.site) == (expected_title, expected_site)


# 9. Text that mentions tags is text; HTML needs document structure.
@pytest.mark.parametrize(
    "text",
    [
        "Use the <div> tag to group content.\n\nThe <p> element is a paragraph, used everywhere in pages.\n",
        "Write <b> for bold text and </b> to end it; <i> works the same way.\n",
        "A <br> breaks the line.\n",
    ],
)
def test_plain_text_mentioning_tags_is_text(text: str) -> None:
    assert not looks_like_html(text)
    assert clean(text) == text
    assert clean(clean(text)) == clean(text)


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html><title>x</title><p>Hello.",
        "<html><p>Hello.</p></html>",
        "<p>One paragraph.</p><p>Another paragraph.</p>",
        '<div class="post"><h2>Title</h2><p>Text of the post.</p></div>',
    ],
)
def test_html_documents_and_fragments_are_html(html: str) -> None:
    assert looks_like_html(html)


# 8. Paywall and teaser endings go, in every language of the tables.
@pytest.mark.parametrize(
    ("lang", "ending"),
    [
        ("en", "To Read the Full Story"),
        ("en", "Subscribe to continue reading."),
        ("de", "Jetzt weiterlesen"),
        ("fr", "La suite est réservée aux abonnés."),
        ("es", "Suscríbete para seguir leyendo"),
        ("it", "Abbonati per continuare a leggere"),
        ("pt", "Assine para continuar lendo"),
        ("nl", "Lees verder"),
    ],
)
def test_paywall_endings_go(lang: str, ending: str) -> None:
    html = f'<html lang="{lang}"><body><article>{BODY}<p>{ending}</p></article></body></html>'
    result = clean_and_explain(html, lang=lang)
    assert result.text == ARTICLE_TEXT
    assert any(ending in e.before for e in result.edits) or any(ending in r.text for r in result.removals)


def test_a_sentence_about_subscribing_stays() -> None:
    sentence = "Readers who subscribe to continue reading the paper pay less than before, the editor said."
    html = f"<html><body><article>{BODY}<p>{sentence}</p></article></body></html>"
    assert sentence in clean(html)


# Class/id vocabulary in every supported language: comments, related lists, share bars and footers.
@pytest.mark.parametrize(
    "name",
    [
        "comments",  # en
        "kommentare",
        "KommentarBox",  # de
        "commentaires",  # fr
        "comentarios",  # es, pt
        "commenti",  # it
        "reacties",  # nl
        "related-posts",
        "verwandte-artikel",
        "articles-similaires",
        "noticias-relacionadas",
        "articoli-correlati",
        "leia-tambem",
        "gerelateerde-artikelen",
        "teilen",
        "partage",
        "compartir",
        "condividi",
        "partilhar",
        "delen",
    ],
)
def test_furniture_names_in_every_language(name: str) -> None:
    box = f'<div class="{name}"><p>Some words that belong to another part of the page, not to the article.</p></div>'
    result = extract(f"<html><body><article>{BODY}{box}</article></body></html>")
    assert result.text == ARTICLE_TEXT


# 3. Headline and byline outside the body container reach the metadata, with their source in the log.
@pytest.mark.parametrize(
    "html",
    [
        f'<html><body><div class="post"><h1>Council backs cycle lanes</h1><p class="byline">By Ann Lowe</p><div class="post-body">{BODY}</div></div></body></html>',
        f'<html><body><article><header><h1>Council backs cycle lanes</h1><p class="byline">By Ann Lowe</p></header><div class="article-body">{BODY}</div></article></body></html>',
        f'<html><body><article><h1>Council backs cycle lanes</h1><a rel="author" href="/ann">Ann Lowe</a><div class="text">{BODY}</div></article></body></html>',
    ],
)
def test_headline_and_byline_outside_the_body_go_to_metadata(html: str) -> None:
    result = clean_and_explain(html)
    assert result.text.endswith(ARTICLE_TEXT) and "Ann Lowe" not in result.text
    assert result.text in (
        ARTICLE_TEXT,
        "Council backs cycle lanes\n\n" + ARTICLE_TEXT,
    )  # a headline inside <article> stays
    assert result.metadata.title == "Council backs cycle lanes"
    assert result.metadata.author == "Ann Lowe"
    sources = {e.field: e.reason for e in result.metadata_edits}
    assert sources["author"] == "extract.byline" and sources["title"] == "extract.headline"


def test_meta_tags_win_over_what_the_article_shows() -> None:
    head = '<meta name="author" content="Tom Reeves"><meta property="og:title" content="Cycle lanes">'
    html = f'<html><head>{head}</head><body><article><h1>Council backs cycle lanes</h1><p class="byline">By Ann Lowe</p>{BODY}</article></body></html>'
    result = clean_and_explain(html)
    assert (result.metadata.title, result.metadata.author) == ("Cycle lanes", "Tom Reeves")


def test_a_sentence_in_a_byline_class_is_no_author() -> None:
    html = f'<html><body><article><p class="author-note">This story was updated on Monday with new figures.</p>{BODY}</article></body></html>'
    assert clean_and_explain(html).metadata.author is None


# 6. The article's own dateline wins over a time in the masthead; a byline with a time goes to metadata.
def test_the_articles_own_date_wins_over_the_mastheads() -> None:
    html = (
        '<html><body><header><time datetime="2020-01-01">1 January 2020</time></header><article>'
        '<div class="meta"><span>By Ann Lowe</span> <span>18 November 2026, 07:30</span></div>'
        f"{BODY}</article></body></html>"
    )
    result = clean_and_explain(html)
    assert result.text == ARTICLE_TEXT
    assert (result.metadata.author, result.metadata.date) == ("Ann Lowe", "2026-11-18")
    assert any(r.reason == "extract.byline" for r in result.removals)


def test_a_time_inside_the_article_wins_over_one_in_the_masthead() -> None:
    html = (
        '<html><body><header><time datetime="2020-01-01">1 January 2020</time></header><article>'
        f'<p><time datetime="2026-11-18T07:30">18 Nov</time></p>{BODY}<aside class="related">'
        '<time datetime="2019-05-05">5 May</time></aside></article></body></html>'
    )
    result = clean_and_explain(html)
    assert result.metadata.date == "2026-11-18"


def test_without_main_content_the_first_time_is_the_date() -> None:
    html = f'<html><body><p><time datetime="2026-11-18">18 Nov</time></p>{BODY}</body></html>'
    assert clean_and_explain(html, main_content=False).metadata.date == "2026-11-18"


@pytest.mark.parametrize(
    ("line", "name", "date"),
    [
        ("By Ann Lowe 18 November 2026, 07:30", "Ann Lowe", "2026-11-18"),
        ("Von Anna Lang, 3. März 2025", "Anna Lang", "2025-03-03"),
        ("Di Marco Rossi", "Marco Rossi", None),
        ("Door Jan de Vries", "Jan de Vries", None),
        ("By the way, this is a sentence.", None, None),
        ("Ann Lowe", None, None),  # no byline phrase, no author element: not a byline
    ],
)
def test_read_byline(line: str, name: str | None, date: str | None) -> None:
    from cleanmedia.extract import read_byline

    assert read_byline(line) == (name, date)


# 5. A list of links to other articles goes, whatever its heading says.
@pytest.mark.parametrize(
    "heading", ["Ultime notizie", "Mehr zum Thema", "Le ultime", "Elsewhere on the site"]
)
def test_a_list_of_links_to_other_articles_goes(heading: str) -> None:
    items = "".join(
        f'<li><a href="/news/{i}">Headline number {i} of another story on the site</a></li>' for i in range(4)
    )
    html = f"<html><body><article>{BODY}<h3>{heading}</h3><ul>{items}</ul></article></body></html>"
    result = extract(html)
    assert result.text == ARTICLE_TEXT
    assert any(r.reason == "extract.related" and "list of 4 links" in r.detail for r in result.removed)


@pytest.mark.parametrize(
    "items",
    [
        # a list of facts with a link inside each item
        "".join(
            f'<li>Item {i} says a fact, and <a href="/s{i}">a source</a> backs it up.</li>' for i in range(4)
        ),
        # a table of contents (anchors of this page)
        "".join(f'<li><a href="#part{i}">Part number {i} of this article</a></li>' for i in range(4)),
        # two links only
        "".join(f'<li><a href="/news/{i}">Headline number {i} of another story</a></li>' for i in range(2)),
    ],
)
def test_lists_that_belong_to_the_article_stay(items: str) -> None:
    html = f"<html><body><article>{BODY}<ul>{items}</ul></article></body></html>"
    text = extract(html).text
    assert text.startswith(ARTICLE_TEXT.rstrip("\n")) and text.count("\u2022") >= 2


# 2. The wrong block wins on modern layouts: the fallback keeps the page's main prose.
LONG = [
    f"Section {i} of the guide explains, step by step and with examples, how the council plans the new lanes and why."
    for i in range(12)
]


def test_a_small_contact_box_does_not_win_over_the_article() -> None:
    box = '<div class="contact"><p>Call us, write to us, or visit us at 12 Harbour Street, Springfield, any day.</p></div>'
    sections = "".join(
        f'<div class="widget-area"><h2>Part {i}</h2><p>{LONG[2 * i]}</p><p>{LONG[2 * i + 1]}</p></div>'
        for i in range(6)
    )
    html = f'<html><body><div class="layout">{box}<div class="columns">{sections}</div></div></body></html>'
    result = extract(html)
    assert all(p in result.text for p in LONG)


def test_sections_named_like_sidebars_inside_the_article_stay() -> None:
    sections = "".join(f'<div class="sidebar-block"><p>{p}</p></div>' for p in LONG[:6])
    html = f'<html><body><main><h1>Guide</h1>{sections}</main><nav><a href="/">Home</a></nav></body></html>'
    result = extract(html)
    assert all(p in result.text for p in LONG[:6]) and "Home" not in result.text


def test_a_forum_thread_is_the_page() -> None:
    posts = "".join(
        f'<div class="comment" id="comment-{i}"><span class="user">user{i}</span><p>{p}</p>'
        '<div class="share"><a href="/s">Share</a></div></div>'
        for i, p in enumerate(LONG)
    )
    html = f'<html><body><nav><a href="/">Forums</a></nav><div id="comments">{posts}</div></body></html>'
    result = extract(html)
    assert all(p in result.text for p in LONG) and "Share" not in result.text
    assert any("discussion" in r.detail for r in result.removed if r.kept)


def test_comments_under_an_article_still_go() -> None:
    posts = "".join(f'<div class="comment"><p>{p}</p></div>' for p in LONG[:5])
    html = f'<html><body><article>{BODY}</article><div id="comments">{posts}</div></body></html>'
    assert extract(html).text == ARTICLE_TEXT


def test_a_script_app_page_is_read_from_its_noscript() -> None:
    html = f'<html><body><div id="app">Loading…</div><noscript><div class="topic">{BODY}</div></noscript></body></html>'
    assert extract(html).text == ARTICLE_TEXT
    ordinary = f"<html><body><article>{BODY}</article><noscript><p>Please enable JavaScript to see comments.</p></noscript></body></html>"
    assert extract(ordinary).text == ARTICLE_TEXT


def test_a_promoted_node_is_content_and_a_promo_box_is_not() -> None:
    """Drupal marks articles "node-promoted" (promoted to the front page): not a promotion box."""
    html = f'<html><body><article class="node node-report node-promoted">{BODY}</article></body></html>'
    assert extract(html).text == ARTICLE_TEXT
    box = '<div class="promo-box"><p>Try our new app for two weeks, free of charge, starting today.</p></div>'
    assert extract(f"<html><body><article>{BODY}{box}</article></body></html>").text == ARTICLE_TEXT


def test_blocks_named_like_widgets_inside_a_kept_column_stay() -> None:
    """Page builders name every block of a column "widget" and the column too: the column is kept as the
    article's container, and the widget blocks inside it hold the article's prose, so they stay."""
    blocks = "".join(f'<div class="builder-widget text-widget"><p>{p}</p></div>' for p in LONG)
    box = '<div class="contact"><p>Call us, write to us, or visit us at 12 Harbour Street, Springfield, any day.</p></div>'
    html = f'<html><body>{box}<div class="widget-wrap">{blocks}</div><nav><a href="/">Home</a></nav></body></html>'
    result = extract(html)
    assert result.text == "\n\n".join(LONG) + "\n"
    sidebar = f'<html><body><article>{BODY}</article><div class="widget-area"><div class="widget"><p>{LONG[0]}</p></div></div></body></html>'
    assert extract(sidebar).text == ARTICLE_TEXT  # a real sidebar of widgets beside an article still goes


def _thread(first: str, rest: str) -> str:
    return (
        f'<html><body><nav><a href="/">Forums</a></nav><div class="thread">{first}{rest}</div></body></html>'
    )


def test_an_article_split_across_sibling_containers_is_read_whole() -> None:
    """The densest container holds a quarter of the page's prose (one long post of a thread, one section
    of a page builder): the element holding most of the prose holds it, and is read whole."""
    first = "".join(f"<p>{p}</p>" for p in LONG[:3])
    rest = "".join(f'<div class="message"><div class="message-body"><p>{p}</p></div></div>' for p in LONG[3:])
    result = extract(_thread(f'<div class="message"><div class="message-body">{first}</div></div>', rest))
    assert result.text == "\n\n".join(LONG) + "\n"
    assert any(r.reason == "extract.fallback" for r in result.removed)


def test_a_river_of_teasers_beside_the_article_is_not_read_with_it() -> None:
    """Headlines linking to other articles, each with a summary: what widening would add is mostly links,
    so the article stays alone even when the teasers hold more prose."""
    teasers = "".join(
        f'<div class="teaser"><h3><a href="/story/{i}">Another story about the city that readers liked this week, number {i}</a></h3>'
        f"<p>A short summary of another story of the week, number {i}.</p></div>"
        for i in range(8)
    )
    html = f'<html><body><div class="page"><div class="story">{BODY}</div><div class="more">{teasers}</div></div></body></html>'
    assert extract(html).text == ARTICLE_TEXT


def test_widget_blocks_inside_the_articles_main_container_stay() -> None:
    """One block of a <main> whose every block is a "widget" wins; the text is read from <main>, and the
    widget blocks beside the winner hold most of its prose: they stay."""
    blocks = "".join(
        f'<div class="widget-wrapper"><div class="prose"><p>{LONG[2 * i]}</p><p>{LONG[2 * i + 1]}, again.</p></div></div>'
        for i in range(6)
    )
    html = f'<html><body><nav><a href="/">Home</a></nav><main><h1>Guide</h1>{blocks}</main></body></html>'
    result = extract(html)
    assert all(p in result.text for p in LONG) and "Home" not in result.text


def test_a_forum_thread_under_a_consent_pop_up_is_still_the_page() -> None:
    """A pop-up's prose (a consent notice) is not the page's own: the thread is still a discussion."""
    notice = " ".join(LONG[:4])
    posts = "".join(f'<div class="comment"><p>{p}</p></div>' for p in LONG)
    html = (
        f'<html><body><div class="popup"><p>{notice}</p></div><div id="comments">{posts}</div></body></html>'
    )
    result = extract(html)
    assert all(p in result.text for p in LONG) and notice not in result.text


def test_a_menu_beside_the_split_article_does_not_stop_the_widening() -> None:
    """The element that holds the article's parts also holds a menu: the menu goes anyway, so its links
    do not make the widened block look like a list of other articles."""
    first = "".join(f"<p>{p}</p>" for p in LONG[:3])
    rest = "".join(f'<div class="message"><div class="message-body"><p>{p}</p></div></div>' for p in LONG[3:])
    menu = (
        '<div class="nav-menu">'
        + "".join(
            f'<a href="/topic/{i}">A topic of the guide that has a long name, number {i}</a>'
            for i in range(18)
        )
        + "</div>"
    )
    html = _thread(f'{menu}<div class="message"><div class="message-body">{first}</div></div>', rest)
    assert extract(html).text == "\n\n".join(LONG) + "\n"


PRODUCTS = "".join(
    f'<li class="card"><h3>Steel bottle, {size} litre</h3><span class="price">$2{size}.95</span></li>'
    for size in range(1, 6)
)
SIGN_UP = '<div class="footer-block"><p>Sign up for our letter and get the best offers, news and tips, every week.</p></div>'


def test_a_page_without_prose_is_read_from_its_main_element() -> None:
    """A product grid has no paragraphs: the block that wins the vote is a sign-up line in the footer.
    When the page has almost no prose (MIN_PROSE), its one <main> element is read instead."""
    html = f'<html><body><main id="content"><h1>Bottles</h1><ul class="grid">{PRODUCTS}</ul></main>{SIGN_UP}</body></html>'
    result = extract(html)
    assert "Steel bottle, 3 litre" in result.text and "Sign up" not in result.text
    assert any(r.reason == "extract.fallback" for r in result.removed)


def test_a_page_without_prose_is_read_from_its_main_element_when_a_block_inside_it_won() -> None:
    """Lost on the modern set: a service or listing page with one short paragraph and a grid in <main>.
    The paragraph won the vote and the grid (too large to be read as the paragraph's container) was
    dropped; with almost no prose the page's main is its
    content. A `<main role="main">` is one main element, not two."""
    story = f'<div class="story"><p>{PARAGRAPHS[0]}</p></div>'
    for main in ("<main>", '<main role="main">'):
        grid = f"<ul>{PRODUCTS * 20}</ul>"  # 100 cards: more than 20 times the paragraph's text
        html = f"<html><body><nav><a href='/'>Home</a></nav>{main}{story}{grid}</main></body></html>"
        result = extract(html)
        assert result.text.startswith(PARAGRAPHS[0] + "\n\n")
        assert all(f"Steel bottle, {size} litre" in result.text for size in range(1, 6))
        assert "Home" not in result.text


def test_an_article_inside_main_keeps_its_winner() -> None:
    """Negative: a page with prose (MIN_PROSE or more) keeps the block that won inside <main>, without
    the grid beside it; two <main> elements are no single main element to read (a page without prose
    and without one main is read whole when what won is furniture, here a sign-up line in the footer)."""
    story = '<div class="story">' + "".join(f"<p>{p}</p>" for p in LONG[:4]) + "</div>"
    grid = "".join(
        f'<div class="card"><a href="/p/{i}">{name}</a></div>' for i, name in enumerate(SHOP_ITEMS * 3)
    )
    html = f"<html><body><main>{story}<div class='grid'>{grid}</div></main></body></html>"
    result = extract(html)
    assert result.text == "\n\n".join(LONG[:4]) + "\n"
    assert not any(r.reason == "extract.fallback" for r in result.removed)
    two = (
        f"<html><body><main><ul>{PRODUCTS}</ul></main><main><ul>{PRODUCTS}</ul></main>{SIGN_UP}</body></html>"
    )
    result = extract(two)  # no single main to read: the page is read, not the sign-up line alone
    assert not any(r.reason == "extract.fallback" and r.selector == "main" for r in result.removed)
    assert result.text.count("Steel bottle, 3 litre") == 2


# A short article above a long comment section: the article, never the comments (a user's report).
NEWS = [
    "Die Stadtwerke erhöhen zum ersten Januar die Preise für Fernwärme um durchschnittlich sieben Prozent.",
    "Der Aufsichtsrat hat die Erhöhung am Mittwoch beschlossen, der Verbraucherverband kündigte Widerspruch an.",
    "Begründet wird der Schritt mit gestiegenen Kosten für Gas und Personal, teilte das Unternehmen am Abend mit.",
]
NEWS_TEXT = "Fernwärme wird teurer\n\n" + "\n\n".join(NEWS) + "\n"


def _news_page(wrapper: str, thread: str, item: str, count: int) -> str:
    """`wrapper` and `thread` are opening tags ("<article>", "<section class='comments'>")."""
    article = "<h1>Fernwärme wird teurer</h1>" + "".join(f"<p>{p}</p>" for p in NEWS)
    posts = "".join(
        f'<{item} class="c"><span class="user">Leser{i}</span><p>Das ist eine absolute Frechheit, die Preise '
        f"steigen schon wieder und der Service wird immer schlechter. Beitrag Nummer {i}.</p></{item}>"
        for i in range(count)
    )
    if item == "li":
        posts = "<ul>" + posts.replace('class="c"', 'class="comment"') + "</ul>"
    return f"<html><body>{wrapper}{article}{_closing(wrapper)}{thread}{posts}{_closing(thread)}</body></html>"


def _closing(tag: str) -> str:
    """The closing tag of an opening tag: <section class='comments'> gives </section>."""
    return "</" + tag[1:].split()[0].rstrip(">") + ">"


@pytest.mark.parametrize(
    ("wrapper", "thread", "item", "count"),
    [
        ("<article>", "<section class='comments'>", "div", 15),
        ("<div class='article-body'>", "<section class='comments'>", "div", 15),
        ("<article>", "<div class='comments'>", "div", 15),
        ("<article>", "<div id='disqus_thread'>", "div", 15),
        ("<article>", "<section id='comments'>", "li", 8),
        ("<article>", "<section id='comments'>", "li", 15),
        ("<article>", "<section id='comments'>", "li", 40),
    ],
)
def test_a_short_article_above_a_long_comment_section_is_the_article(
    wrapper: str, thread: str, item: str, count: int
) -> None:
    """The comments hold five times the article's prose, and the article less than MIN_PROSE: still an
    article with its comments (its prose is a block of paragraphs of its own), not a forum thread."""
    result = clean_and_explain(_news_page(wrapper, thread, item, count), lang="de")
    assert result.text == NEWS_TEXT
    dropped = " ".join(r.text for r in result.removals if r.reason == "extract.comments" and not r.kept)
    assert all(f"Beitrag Nummer {i}." in dropped for i in range(count))
    assert not any(r.kept for r in result.removals if "Beitrag" in r.text)


def test_comments_holding_most_of_the_page_are_not_read_with_the_article() -> None:
    """An article of its own (over MIN_PROSE) whose paragraphs sit beside the comment section: the
    section holds most of the page's text, yet it goes (it was kept for its size and read as a sibling)."""
    article = "".join(f"<p>{p}</p><p>{p.replace('Die ', 'Auch die ')}</p>" for p in NEWS)
    posts = "".join(
        f'<div class="c"><p>Das ist eine absolute Frechheit, die Preise steigen schon wieder, Beitrag {i}.</p></div>'
        for i in range(40)
    )
    html = f"<html><body><h1>Fernwärme wird teurer</h1>{article}<section class='comments'>{posts}</section></body></html>"
    result = clean_and_explain(html, lang="de")
    assert "Beitrag" not in result.text and all(p in result.text for p in NEWS)
    assert any(r.reason == "extract.comments" and not r.kept for r in result.removals)


def test_a_forum_thread_with_a_title_and_a_description_is_still_the_page() -> None:
    """Negative: a forum page's own prose is a description line and a notice, one paragraph here and
    there, not a block: the posts are the page and stay."""
    posts = "".join(
        f'<div class="comment"><span class="user">user{i}</span><p>{p}</p><p>{LONG[-1 - i]}</p></div>'
        for i, p in enumerate(LONG[:6])
    )
    html = (
        '<html><body><nav><a href="/">Forums</a></nav><div class="head"><h1>Cycling lanes</h1>'
        "<p>Talk about the town's traffic, its roads and its plans here, and be kind to each other.</p></div>"
        '<div class="notice"><p>Please read the rules of the forum before you write your first post here.</p></div>'
        f'<div id="comments">{posts}</div></body></html>'
    )
    result = extract(html)
    assert all(p in result.text for p in LONG[:6])
    assert any("discussion" in r.detail for r in result.removed if r.kept)


def test_a_discussion_laid_out_in_a_table_is_still_the_page() -> None:
    """A table cell counts as a paragraph with its whole text: the cell that holds the thread is not prose
    outside the thread, nor the cell around a question's text (counted where it is written)."""
    rows = "".join(
        f'<tr><td class="ind"></td><td><div class="comment"><span class="user">user{i}</span>'
        f'<div class="text">{p}</div></div></td></tr>'
        for i, p in enumerate(LONG[:8])
    )
    question = "What are your plans for the city's cycling lanes next year, and who will pay for them?"
    html = (
        '<html><body><table><tr><td><a href="/">News</a></td></tr>'
        f'<tr><td><div class="toptext">{question}</div></td></tr>'
        f'<tr><td><table class="comment-tree">{rows}</table></td></tr></table></body></html>'
    )
    result = extract(html)
    assert all(p in result.text for p in LONG[:8])
    assert any("discussion" in r.detail for r in result.removed if r.kept)


# Lost on the modern set: a listing page (best sellers, a chart, an index) is its list of links.
SHOP_ITEMS = [f"Wireless headphones model {i} with noise cancelling" for i in range(10)]
SHOP_LIST = "".join(f'<li><a href="/p/{i}">{name}</a></li>' for i, name in enumerate(SHOP_ITEMS))


@pytest.mark.parametrize("wrapper", ["main", "div"])
def test_a_listing_page_keeps_its_list_of_links(wrapper: str) -> None:
    """The list is the page: removing it as "links to other articles" left the heading alone."""
    html = (
        f'<html><body><nav><a href="/">Home</a></nav><{wrapper}><h1>Best sellers in electronics</h1>'
        f"<ol>{SHOP_LIST}</ol></{wrapper}><footer>Shop Ltd</footer></body></html>"
    )
    result = extract(html)
    assert result.text == "Best sellers in electronics\n\n" + "".join(
        f"{i}. {n}\n" for i, n in enumerate(SHOP_ITEMS, 1)
    )
    assert not any(r.reason == "extract.related" for r in result.removed)


def test_a_list_of_links_after_a_short_article_still_goes() -> None:
    """Negative: the article's text (however short) outweighs the list, so the list is furniture."""
    items = "".join(f'<li><a href="/news/{i}">{name}</a></li>' for i, name in enumerate(SHOP_ITEMS[:4]))
    html = f"<html><body><article>{BODY}<ul>{items}</ul></article></body></html>"
    result = extract(html)
    assert result.text == ARTICLE_TEXT
    assert any(r.reason == "extract.related" and "list of 4 links" in r.detail for r in result.removed)


# Lost on the modern set: code samples in tabs, one panel shown and the others hidden until clicked.
TABS = [
    ("Python", "import client # send the message with the Python library"),
    ("Node.js", "const client = require('client') // the Node.js library"),
]


def test_hidden_tab_panels_are_content() -> None:
    panels = "".join(
        f'<div role="tabpanel" id="p{i}"{" hidden" if i else ""}><pre>{code}</pre></div>'
        for i, (_, code) in enumerate(TABS)
    )
    tabs = "".join(
        f'<button role="tab" aria-controls="p{i}">{name}</button>' for i, (name, _) in enumerate(TABS)
    )
    html = f"<html><body><article>{BODY}<div>{tabs}</div>{panels}</article></body></html>"
    # each <pre> a fenced code block (`html.pre_block`)
    assert (
        extract(html).text
        == ARTICLE_TEXT + "\n" + "\n\n".join(f"```\n{code}\n```" for _, code in TABS) + "\n"
    )


def test_a_hidden_block_that_is_no_tab_panel_still_goes() -> None:
    """Negative: the same hidden block without the tab panel role is hidden furniture."""
    html = f"<html><body><article>{BODY}<div hidden><pre>{TABS[1][1]}</pre></div></article></body></html>"
    result = extract(html)
    assert result.text == ARTICLE_TEXT
    assert any(r.reason == "extract.hidden" for r in result.removed)


# Lost on the modern set: an author's bio (one block, several paragraphs) beside an article a page
# builder split into many modules of one paragraph each: every module votes for its own parent.
BIO = [
    f"Ann, a writer, cyclist, gardener, cook, teacher, mother, and runner, lives in Springfield, part {i}."
    for i in range(4)
]


def test_a_bio_box_does_not_win_over_an_article_split_into_modules() -> None:
    modules = "".join(f'<div class="module"><div class="inner"><p>{p}</p></div></div>' for p in LONG)
    bio = '<div class="writer-box"><div class="desc">' + "".join(f"<p>{p}</p>" for p in BIO) + "</div></div>"
    post = f'<div class="post"><div class="builder">{modules}</div></div>'
    html = f'<html><body><div class="page">{post}{bio}</div></body></html>'
    result = extract(html)
    assert result.text == "\n\n".join(LONG) + "\n"
    assert any(r.reason == "extract.fallback" for r in result.removed)


def test_an_article_beside_a_river_of_linked_teaser_cards_keeps_its_winner() -> None:
    """Negative: the cards hold three times the article's prose, but each is wrapped in a link: a river
    of teasers, not the article's body."""
    cards = "".join(
        f'<article class="card"><a href="/news/{i}"><div class="title">{p}</div></a></article>'
        for i, p in enumerate(LONG + LONG[:8])
    )
    bio_article = "<article>" + "".join(f"<p>{p}</p>" for p in BIO + PARAGRAPHS) + "</article>"
    html = f'<html><body><div class="main">{bio_article}</div><div class="river">{cards}</div></body></html>'
    result = extract(html)
    assert result.text == "\n\n".join(BIO + PARAGRAPHS) + "\n"
    assert not any(r.reason == "extract.fallback" for r in result.removed)


# Lost on the modern set: a product page with no prose and no <main>; one short line won the vote.
SPECS = ["Screen: 15.6 inch, 144 Hz", "Memory: 16 GB", "Storage: 1 TB solid state drive", "Weight: 1.9 kg"]
PRODUCT = (
    "<div class='product'><h1>Falcon 15 laptop</h1><ul>"
    + "".join(f"<li>{s}</li>" for s in SPECS)
    + "</ul><span class='price'>$1,299.00</span><span class='stock'>In stock, ships tomorrow</span></div>"
)
NAV = "<nav><a href='/'>Home</a> <a href='/laptops'>Laptops</a> <a href='/deals'>Deals</a></nav>"


def test_a_product_page_without_prose_is_read_whole_when_a_short_line_won() -> None:
    line = "<div class='badge'><p>Free returns within thirty days of delivery.</p></div>"
    html = f"<html><body>{NAV}{PRODUCT}{line}<footer>Shop Ltd, all rights reserved</footer></body></html>"
    result = extract(html)
    expected = "Falcon 15 laptop\n\n" + "".join(f"• {s}\n" for s in SPECS)
    assert result.text.startswith(expected)
    assert "$1,299.00" in result.text and "Free returns" in result.text
    assert "Home" not in result.text and "Shop Ltd" not in result.text
    assert any(r.reason == "extract.fallback" and r.selector == "body" for r in result.removed)


def test_a_page_that_is_all_furniture_keeps_what_won() -> None:
    """Negative: without its furniture the page holds less than twice what won: reading it whole would
    leave (almost) nothing, so what won stays."""
    line = "<div class='history'><p>After viewing product pages, look here to find them again.</p></div>"
    menus = "".join(f"<nav><a href='/{i}'>Department number {i}</a></nav>" for i in range(30))
    html = f"<html><body>{menus}{line}<footer>Shop Ltd, all rights reserved</footer></body></html>"
    result = extract(html)
    assert result.text == "After viewing product pages, look here to find them again.\n"
    assert not any(r.reason == "extract.fallback" for r in result.removed)


# Lost on the modern set: a listing whose short blurbs are scattered over cards in <main>, while a
# promotion outside it, one block of two paragraphs, wins the vote.
CARDS = [
    (f"Trail lamp {n}", f"A light, bright lamp for night runs and camping, model number {n}.")
    for n in range(6)
]
PROMO = [
    "Get a gift card worth thirty dollars, plus free shipping, when you join our members' club today, online or in a shop.",
    "Members also earn, every year, a dividend on what they buy, and get early access to sales, classes and trips.",
]


def _listing(wrapper: str) -> str:
    cards = "".join(f'<div class="card"><h3>{name}</h3><p>{blurb}</p></div>' for name, blurb in CARDS)
    promo = '<div class="club">' + "".join(f"<p>{p}</p>" for p in PROMO) + "</div>"
    return f"<html><body>{NAV}<{wrapper}><h1>Headlamps</h1>{cards}</{wrapper}>{promo}</body></html>"


def test_a_listing_with_scattered_blurbs_is_read_from_its_main_element() -> None:
    result = extract(_listing("main"))
    assert result.text == "Headlamps\n\n" + "".join(f"{name}\n\n{blurb}\n\n" for name, blurb in CARDS)[:-1]
    assert any(r.reason == "extract.fallback" and r.selector == "main" for r in result.removed)


def test_a_listing_without_a_main_element_keeps_what_won() -> None:
    """Negative: no single <main> to read, the old choice stands (no fallback)."""
    result = extract(_listing("div"))
    assert result.text == "\n\n".join(PROMO) + "\n"
    assert not any(r.reason == "extract.fallback" for r in result.removed)


# Lost on the modern set: a product grid without prose and a consent dialog beside it. The dialog's
# paragraphs were the page's only votes and prose, so its preferences were read as the article.
CONSENT = [
    "Essential technologies are strictly necessary to provide our services, such as forms and playback.",
    "Performance technologies collect information about how you use the site, which pages you visit.",
    "Advertising technologies, set by our partners, build a profile of your interests across sites.",
    "Functional technologies remember your choices, such as your language, region and preferred store.",
    "Social media technologies let you share what you see here with your friends and your followers.",
]
DIALOG = '<section role="dialog" class="consent">' + "".join(f"<p>{p}</p>" for p in CONSENT) + "</section>"


def test_a_consent_dialog_is_not_the_article_of_a_page_without_prose() -> None:
    html = f"<html><body>{NAV}<main><h1>Bottles</h1><ul class='grid'>{PRODUCTS}</ul></main>{DIALOG}</body></html>"
    result = extract(html)
    assert result.text.startswith("Bottles\n\nSteel bottle, 1 litre\n\n$21.95\n")
    assert "Steel bottle, 5 litre" in result.text and "technologies" not in result.text


def test_an_article_shown_in_a_page_sized_modal_is_still_read() -> None:
    """Negative: an article opened over a list of stories, in a modal that holds the page's text
    (more than SMALL_BOX characters): the modal is the page, and its article is read."""
    story = "<article>" + "".join(f"<p>{p}</p>" for p in LONG + PARAGRAPHS) + "</article>"
    river = "".join(
        f'<div class="teaser"><a href="/s/{i}">{name}</a></div>' for i, name in enumerate(SHOP_ITEMS)
    )
    html = (
        f'<html><body>{NAV}<div class="stories">{river}</div><div class="modal">{story}</div></body></html>'
    )
    assert extract(html).text == "\n\n".join(LONG + PARAGRAPHS) + "\n"


# A one-paragraph news item above a long comment section (issue 12, seen by users on German pages).
LEAD = (
    "Der Stadtrat hat am Montag beschlossen, die Parkgebühren in der Innenstadt zum ersten Januar zu "
    "verdoppeln; die Einnahmen sollen in den Busverkehr fließen."
)
READERS = [
    f"Leser {i} schreibt ausführlich, warum er die Entscheidung des Stadtrats für falsch hält und was "
    "stattdessen geschehen sollte."
    for i in range(12)
]


@pytest.mark.parametrize("block", ["article", 'div class="story"', 'section class="content"'])
def test_a_one_paragraph_article_above_long_comments_is_the_article(block: str) -> None:
    posts = "".join(f'<div class="comment"><p>{p}</p></div>' for p in READERS)
    tag = block.split()[0]
    html = (
        f'<html><body><nav><a href="/">Start</a></nav><{block}><h1>Parkgebühren steigen</h1><p>{LEAD}</p>'
        f'</{tag}><div id="comments">{posts}</div></body></html>'
    )
    result = extract(html)
    assert result.text == f"Parkgebühren steigen\n\n{LEAD}\n"
    assert not any("discussion" in r.detail for r in result.removed if r.kept)


@pytest.mark.parametrize(
    "top",
    [
        "<h1>Parkgebühren in der Innenstadt</h1>",  # a thread's title above its posts
        '<div class="intro"><h1>Forum Verkehr</h1><p>Hier wird über Bus und Bahn diskutiert.</p></div>',
    ],
)
def test_a_forum_thread_under_its_title_or_a_short_description_is_still_the_page(top: str) -> None:
    posts = "".join(f'<div class="comment"><p>{p}</p></div>' for p in READERS)
    html = f'<html><body><nav><a href="/">Start</a></nav>{top}<div id="comments">{posts}</div></body></html>'
    result = extract(html)
    assert all(p in result.text for p in READERS)
    assert any("discussion" in r.detail for r in result.removed if r.kept)


# Lost on the modern set: answers of an accordion (a FAQ), hidden until their question is clicked.
FAQ = [
    ("How long does delivery take?", "Most orders arrive within three working days of payment."),
    ("Can I return a pair of boots?", "Yes, you can return unworn boots within a year of purchase."),
]


def _faq(hide: str, controls: bool) -> str:
    items = "".join(
        f'<div class="item"><button aria-expanded="false"{f" aria-controls=a{i}" if controls else ""}>{q}'
        f'</button><div id="a{i}" {hide}><p>{a}</p></div></div>'
        for i, (q, a) in enumerate(FAQ)
    )
    return f"<html><body>{NAV}<article>{BODY}<h2>Questions</h2>{items}</article></body></html>"


@pytest.mark.parametrize("hide", ['aria-hidden="true"', "hidden", 'style="display: none"'])
def test_collapsed_answers_a_control_opens_are_content(hide: str) -> None:
    result = extract(_faq(hide, controls=True))
    assert result.text == ARTICLE_TEXT + "\nQuestions\n\n" + "\n\n".join(a for _, a in FAQ) + "\n"
    assert sum(r.reason == "extract.collapsed" for r in result.removed) == len(FAQ)


def test_hidden_blocks_no_control_opens_still_go() -> None:
    """Negative: the same hidden blocks without a control that names them, and a hidden menu that a
    button opens (still a <nav>), go."""
    result = extract(_faq('aria-hidden="true"', controls=False))
    assert result.text == ARTICLE_TEXT + "\nQuestions\n"
    menu = '<button aria-controls="menu">Menu</button><nav id="menu" hidden><a href="/a">Shop all boots</a></nav>'
    html = f"<html><body>{menu}<article>{BODY}</article></body></html>"
    assert extract(html).text == ARTICLE_TEXT


# A container named as comments that holds all of the page's prose is the article (an opinion piece is a
# "Kommentar", a "commento"): the page is never emptied for its class name (a new user's finding).
@pytest.mark.parametrize(
    "wrapper",
    [
        '<article class="kommentar">{}</article>',
        '<div class="commento">{}</div>',
        '<section class="opinion-comment">{}</section>',
        '<article class="post"><div class="kommentar">{}</div></article>',
    ],
)
def test_a_page_whose_only_prose_is_named_as_comments_keeps_it(wrapper: str) -> None:
    page = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{}</body></html>"
    result = extract(page.format(wrapper.format(f"<h1>Cycling lanes for the city</h1>{BODY}")))
    assert result.text == "Cycling lanes for the city\n\n" + ARTICLE_TEXT
    assert any(e.reason == "extract.kept" and "all of the page's prose" in e.detail for e in result.removed)


def test_comments_below_an_article_still_go() -> None:
    comments = '<div class="comments"><p>I think this is a great idea and long overdue for the town, really.</p></div>'
    result = extract(f"<html><body><article>{BODY}</article>{comments}</body></html>")
    assert result.text == ARTICLE_TEXT
    assert any(e.reason == "extract.comments" for e in result.removed)
