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
