"""What session 8's new user found lost or misread in HTML, each kind in several languages with its right
output and a negative that comes out as before: a standfirst between the headline and the body (or in
a header beside the body); a photo essay's captions; a byline with a stamp of two dates as the
article's first line; a title taken from a line of code; a blog post titled with the blog's name; a
dateline above the `<article>`; a user review's byline taken for the article's author."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain, dates
from cleanmedia.cleaners.boilerplate import stamp
from cleanmedia.extract import extract, read_byline
from test_extract_headline import DATELINES
from test_extract_parts import ARTICLES, LANGS, body, text_of


def page(inside: str, title: str = "", head: str = "") -> str:
    title_tag = f"<title>{title}</title>" if title else ""
    return f"<html><head>{title_tag}{head}</head><body>{inside}</body></html>"


MENU = "<div class='menu'><a>Home</a> <a>News</a> <a>Sport</a> <a>Login</a></div>"


# 1. A standfirst between the headline and the body is article text, read before the body.
@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", ["lead", "intro", "x7"])
def test_a_standfirst_between_the_headline_and_the_body_is_read(code: str, name: str) -> None:
    headline, standfirst, paragraphs, _, _ = ARTICLES[code]
    html = page(
        f"{MENU}<div class='story'><h1>{headline}</h1><div class='{name}'>{standfirst}</div>"
        f"<div class='story-body'>{body(code)}</div></div>"
    )
    result = clean_and_explain(html)
    assert result.text == text_of(standfirst, *paragraphs)
    assert result.metadata.title == headline
    (kept,) = [r for r in result.removals if r.reason == "extract.kept"]
    assert kept.text == standfirst and kept.selector.endswith(f"div.{name}")


@pytest.mark.parametrize("code", LANGS)
def test_a_standfirst_after_a_byline_between_the_headline_and_the_body_is_read(code: str) -> None:
    headline, standfirst, paragraphs, _, _ = ARTICLES[code]
    html = page(
        f"<div class='story'><h1>{headline}</h1><div class='meta'>12.09.2025, 14:20</div>"
        f"<div class='lead'>{standfirst}</div><div class='story-body'>{body(code)}</div></div>"
    )
    result = clean_and_explain(html)
    assert result.text == text_of(standfirst, *paragraphs)
    assert result.metadata.date == "2025-09-12"


NOT_STANDFIRSTS = {
    "a picture's credit": "<div class='pic'><img src='a.jpg'>{s}</div>",
    "a teaser with a link": "<div class='more'><a href='/other'>{s}</a></div>",
    "a list": "<div class='points'><ul><li>{s}</li><li>{s}</li></ul></div>",
    "a short label": "<div class='kicker'>Exclusive report</div>",
    "a heading": "<div class='more'><h2>{s}</h2></div>",
}


@pytest.mark.parametrize("code", ["en", "de", "pl"])
@pytest.mark.parametrize("kind", sorted(NOT_STANDFIRSTS))
def test_a_block_between_the_headline_and_the_body_that_is_no_standfirst_stays_out(
    code: str, kind: str
) -> None:
    """Negative: what stands between the headline and the body and is no block of sentences (a credit
    under a picture, a teaser, a list, a label, a heading) is not read, as before."""
    headline, standfirst, paragraphs, _, _ = ARTICLES[code]
    between = NOT_STANDFIRSTS[kind].format(s=standfirst)
    html = page(
        f"<div class='story'><h1>{headline}</h1>{between}<div class='story-body'>{body(code)}</div></div>"
    )
    result = extract(html)
    assert result.text == text_of(*paragraphs)
    assert result.metadata.title == headline


def test_a_block_below_the_body_is_no_standfirst() -> None:
    """Negative: a block of sentences below the body (an author's note, another article's blurb) is not
    read as a standfirst."""
    headline, standfirst, paragraphs, _, _ = ARTICLES["fr"]
    html = page(
        f"<div class='story'><h1>{headline}</h1><div class='story-body'>{body('fr')}</div><div class='note'>{standfirst}</div></div>"
    )
    assert extract(html).text == text_of(*paragraphs)


@pytest.mark.parametrize("code", LANGS)
def test_a_standfirst_in_a_header_beside_the_body_is_read(code: str) -> None:
    """A header holding the headline, a section's label and the standfirst, a sibling of the body (not
    inside it): the standfirst is read before the body, the headline is the title."""
    headline, standfirst, paragraphs, _, _ = ARTICLES[code]
    html = page(
        f"{MENU}<div class='content'><div class='post-header'><span class='cat'>News</span>"
        f"<h1>{headline}</h1><p class='summary-x'>{standfirst}</p></div>"
        f"<div class='post-content'>{body(code)}</div></div><div class='footer'>© 2025</div>",
        title="City Post",
    )
    result = clean_and_explain(html)
    assert result.text == text_of(standfirst, *paragraphs)
    assert result.metadata.title == headline


@pytest.mark.parametrize("code", ["en", "it", "es"])
def test_a_header_beside_the_body_without_a_standfirst_goes_whole(code: str) -> None:
    """Negative: a header beside the body holding the headline and links only (a menu, a teaser), or a
    site's header without a headline, goes whole as before."""
    headline, standfirst, paragraphs, _, _ = ARTICLES[code]
    html = page(
        f"<div class='content'><div class='post-header'><h1>{headline}</h1>"
        f"<p class='more'><a href='/a'>{standfirst}</a></p></div>"
        f"<div class='post-content'>{body(code)}</div></div>"
    )
    assert extract(html).text == text_of(*paragraphs)
    site = page(
        f"<div class='content'><div class='site-header'><p>{standfirst}</p></div>"
        f"<div class='post-content'>{body(code)}</div></div>"
    )
    assert standfirst not in extract(site).text


# 2. A photo essay's captions, which carry its prose, are article text.
def figure(caption: str) -> str:
    return f"<figure><img src='p.jpg'><figcaption>{caption}</figcaption></figure>"


@pytest.mark.parametrize("code", LANGS)
def test_a_photo_essays_captions_are_read(code: str) -> None:
    headline, standfirst, paragraphs, _, background = ARTICLES[code]
    captions = [*paragraphs, *background]
    html = page(
        f"<nav><a>Home</a><a>Photo</a></nav><article><h1>{headline}</h1><p>{standfirst}</p>"
        + "".join(figure(c) for c in captions)
        + "<p class='credit'>Photos: Ann Lowe</p></article><footer>© 2025</footer>"
    )
    result = clean_and_explain(html)
    assert result.text == text_of(headline, standfirst, *captions)
    assert [r.text for r in result.removals if r.reason == "extract.caption"] == ["Photos: Ann Lowe"]


@pytest.mark.parametrize("code", LANGS)
def test_an_articles_captions_still_go(code: str) -> None:
    """Negative: an article whose body carries its prose loses its pictures' captions, sentences or not."""
    headline, standfirst, paragraphs, _, background = ARTICLES[code]
    html = page(
        f"<article><h1>{headline}</h1>{body(code)}{figure(standfirst)}"
        + "".join(f"<p>{p}</p>" for p in background)
        + f"{figure('Ann Lowe')}</article>"
    )
    result = extract(html)
    assert result.text == text_of(headline, *paragraphs, *background)


# 3. A byline with a stamp of two dates (published, updated) as the article's first line.
STAMPED = {
    "fr": "Par Marie Lenoir, publié le 3 juin 2025 à 7h30, mis à jour le 3 juin 2025 à 11h02",
    "en": "By Marie Lenoir, published on June 3, 2025 at 7:30, updated on June 3, 2025 at 11:02",
    "de": "Von Marie Lenoir, veröffentlicht am 3. Juni 2025 um 7:30 Uhr, aktualisiert am 3. Juni 2025 um 11:02 Uhr",
    "es": "Por Marie Lenoir, publicado el 3 de junio de 2025 a las 7:30, actualizado el 3 de junio de 2025 a las 11:02",
    "it": "Di Marie Lenoir, pubblicato il 3 giugno 2025 alle 7:30, aggiornato il 3 giugno 2025 alle 11:02",
    "pl": "Autor: Marie Lenoir, opublikowano 3 czerwca 2025 o 7:30, aktualizacja 3 czerwca 2025 o 11:02",
}


@pytest.mark.parametrize("code", LANGS)
def test_a_byline_with_a_stamp_of_two_dates_is_read(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    line = STAMPED[code]
    assert read_byline(line, lang=code) == ("Marie Lenoir", "2025-06-03")
    html = page(f"<h1>{headline}</h1><article><div class='node-meta'>{line}</div>{body(code)}</article>")
    result = clean_and_explain(html)
    assert result.text == text_of(*paragraphs)
    assert (result.metadata.author, result.metadata.date) == ("Marie Lenoir", "2025-06-03")
    assert [r.text for r in result.removals if r.reason == "extract.byline"] == [line]


LONG_SENTENCES = {
    "fr": "Par ailleurs, le conseil municipal a publié le 3 juin 2025 un rapport sur les transports de la ville.",
    "en": "By the end of June 3, 2025, the council had published a report on the transport of the city.",
    "de": "Von Marie Lenoir stammt der Bericht, der am 3. Juni 2025 um 7:30 Uhr veröffentlicht wurde und viel Kritik erhielt.",
}


@pytest.mark.parametrize("code", sorted(LONG_SENTENCES))
def test_a_long_sentence_with_a_date_is_no_byline(code: str) -> None:
    """Negative: a sentence that opens with a byline's word and holds a date stays, as before."""
    sentence = LONG_SENTENCES[code]
    assert read_byline(sentence, lang=code) == (None, None)
    headline, _, paragraphs, _, _ = ARTICLES[code]
    html = page(f"<article><h1>{headline}</h1><p>{sentence}</p>{body(code)}</article>")
    assert sentence in extract(html).text.splitlines()


def test_a_stamps_parts_each_open_with_their_phrase() -> None:
    """A stamp's dates written with a comma of their own ("June 3, 2025") and a second phrase
    ("updated on") are one stamp; a place after the date is none."""
    assert stamp("published on June 3, 2025 at 7:30, updated on June 3, 2025 at 11:02", "en") == "2025-06-03"
    assert stamp("Published June 3, 2025, 7:30 a.m., updated June 3, 2025, 11:02 a.m.", "en") == "2025-06-03"
    assert stamp("June 3, 2025, Paris", "en") is None
    assert stamp("published on June 3, 2025, the council said", "en") is None


# 4. Metadata: a title from a line of code, a blog post titled with the blog's name, a dateline above.
CODE_TEXTS = {
    "fenced": '```\necho "hello" | tee out.txt\nprint("done")\n```\n\nThat is all there is to it, and it works.\n',
    "indented": 'Run these commands:\n\n    python fetch.py --retries 3\n    git commit -m "fix the bug"\n\nThat is all there is to it, and it works.\n',
}


@pytest.mark.parametrize("kind", sorted(CODE_TEXTS))
def test_a_line_of_code_is_no_title(kind: str) -> None:
    result = clean_and_explain(CODE_TEXTS[kind], lang="en")
    assert result.metadata.title is None
    assert result.text == CODE_TEXTS[kind]


@pytest.mark.parametrize("kind", sorted(CODE_TEXTS))
def test_a_heading_above_code_is_still_the_title(kind: str) -> None:
    """Negative: a heading line before the code is the title, as before."""
    text = "How to fetch the files again\n\n" + CODE_TEXTS[kind]
    assert clean_and_explain(text, lang="en").metadata.title == "How to fetch the files again"


def test_code_in_html_gives_no_title() -> None:
    html = page(
        "<article><pre><code>make install PREFIX=/usr/local</code></pre>"
        f"<p>{ARTICLES['en'][2][0]}</p><p>{ARTICLES['en'][2][1]}</p></article>"
    )
    assert clean_and_explain(html).metadata.title is None


BLOGS = {
    "en": "Grandma's Kitchen Notes",
    "es": "Recetas de mi casa",
    "de": "Omas Küchenbuch",
    "it": "Il quaderno della nonna",
}


def blog(code: str, head: str = "", heading: str = "h3") -> str:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    name = BLOGS[code]
    return page(
        f"<div class='header-outer'><h1 class='title'>{name}</h1><p class='description'>Recipes</p></div>"
        f"<div class='main'><div class='posts'><div class='day'><h2 class='date-header'>12.10.2025</h2>"
        f"<div class='post-outer'><div class='post'><{heading} class='post-title'>{headline}</{heading}>"
        f"<div class='post-body'>{body(code)}</div><div class='post-footer'>Posted at 10:30</div></div></div>"
        f"</div></div></div><div class='sidebar'><h2>Archive</h2><ul><li>2025 (14)</li></ul></div>",
        title=name,
        head=head,
    )


@pytest.mark.parametrize("code", sorted(BLOGS))
@pytest.mark.parametrize("heading", ["h2", "h3"])
def test_a_blog_posts_title_beats_the_blogs_name(code: str, heading: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    result = clean_and_explain(blog(code, heading=heading))
    assert result.metadata.title == headline
    assert result.text == text_of(*paragraphs)
    assert [r.text for r in result.removals if r.reason == "extract.headline"] == [headline]


@pytest.mark.parametrize("code", sorted(BLOGS))
def test_a_title_equal_to_the_site_name_loses_to_the_post_title(code: str) -> None:
    """The blog's name as `og:title` and `og:site_name`: the post's own title still wins."""
    name = BLOGS[code]
    head = f'<meta property="og:title" content="{name}"><meta property="og:site_name" content="{name}">'
    assert clean_and_explain(blog(code, head)).metadata.title == ARTICLES[code][0]


@pytest.mark.parametrize("code", sorted(BLOGS))
def test_a_declared_title_of_the_post_stays(code: str) -> None:
    """Negative: a page that declares the post's own title keeps it, and a page whose `<h1>` is the
    article's (inside its zone) keeps that as before."""
    declared = "A title the editor wrote for this post"
    head = f'<meta property="og:title" content="{declared}">'
    assert clean_and_explain(blog(code, head)).metadata.title == declared
    headline, _, paragraphs, _, _ = ARTICLES[code]
    own = page(f"<article><h1>{headline}</h1><h3>Ingredients</h3>{body(code)}</article>", title=BLOGS[code])
    assert clean_and_explain(own).metadata.title == headline


@pytest.mark.parametrize("code", LANGS)
def test_a_dateline_above_the_article_gives_its_date(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    line = DATELINES[code]
    html = page(f"{MENU}<p class='when'>{line}</p><article><h1>{headline}</h1>{body(code)}</article>")
    result = clean_and_explain(html)
    assert result.metadata.date == "2025-02-18"
    assert result.text == text_of(headline, *paragraphs)
    (dateline,) = [r for r in result.removals if r.reason == "extract.dateline"]
    assert dateline.text == line and dateline.selector == "p.when"
    assert [r.text for r in result.removals if r.reason == "extract.outside"] == []


@pytest.mark.parametrize("code", LANGS)
def test_a_dateline_inside_the_article_gives_its_date(code: str) -> None:
    headline, _, paragraphs, _, _ = ARTICLES[code]
    html = page(f"<div class='release'><p>{DATELINES[code]}</p><h1>{headline}</h1>{body(code)}</div>")
    result = clean_and_explain(html)
    assert result.metadata.date == "2025-02-18"
    assert result.text == text_of(headline, *paragraphs)


NO_DATELINES = [
    "Yes, 2025",
    "Lyon, the city of lights",
    "Chapter 3, 2025 edition",
    "We met in Lyon, 18 February 2025",
]


@pytest.mark.parametrize("line", NO_DATELINES)
def test_a_line_with_a_comma_and_a_year_is_no_dateline(line: str) -> None:
    """Negative: a line that is no place and date stays in the text, and one above the article still goes
    as outside it, with no date."""
    headline, _, paragraphs, _, _ = ARTICLES["en"]
    inside = extract(page(f"<article><h1>{headline}</h1><p>{line}</p>{body('en')}</article>"))
    assert line in inside.text.splitlines() and inside.metadata.date is None
    above = extract(page(f"<p>{line}</p><article><h1>{headline}</h1>{body('en')}</article>"))
    assert above.metadata.date is None
    assert [r.text for r in above.removed if r.reason == "extract.outside"] == [line]


# 5. A byline inside a user's review (or a comment) under a product is not the article's author.
REVIEW_BYLINES = {
    "en": ("by Kim Osei on October 14, 2023", "By Ann Lowe"),
    "de": ("von Jens Maier am 14. Oktober 2023", "Von Anna Lang"),
    "fr": ("par Julien Morel le 14 octobre 2023", "Par Marie Lenoir"),
}


def product(code: str, own: str = "") -> str:
    headline, _, paragraphs, _, background = ARTICLES[code]
    review, _ = REVIEW_BYLINES[code]
    reviews = "".join(
        f"<article class='item-review'><p>{p}</p><footer><div class='item-review__byline'>{review}</div></footer></article>"
        for p in background
    )
    return page(
        f"<main><section class='detail'><article class='desc'><h1>{headline}</h1>{own}{body(code)}</article>"
        f"<section class='item-reviews'><div class='list'>{reviews}</div></section></section></main>"
    )


@pytest.mark.parametrize("code", sorted(REVIEW_BYLINES))
def test_a_reviews_byline_is_not_the_authors(code: str) -> None:
    result = extract(product(code))
    assert result.metadata.author is None and result.metadata.date is None


@pytest.mark.parametrize("code", sorted(REVIEW_BYLINES))
def test_the_articles_own_byline_is_still_read(code: str) -> None:
    """Negative: the article's own byline, beside reviews with theirs, is read as before."""
    _, own = REVIEW_BYLINES[code]
    result = extract(product(code, f"<div class='author'>{own}</div>"))
    assert result.metadata.author == own.split(" ", 1)[1]


@pytest.mark.parametrize("code", LANGS)
def test_a_dateline_above_the_headline_is_no_title_in_text(code: str) -> None:
    """In text, a dateline above the headline is no title: the headline under it is. The dateline stays
    or goes as a dateline with its date in the metadata (as the text cleaners read it), never lost."""
    headline, _, paragraphs, _, _ = ARTICLES[code]
    text = text_of(DATELINES[code], headline, *paragraphs)
    result = clean_and_explain(text, lang=code)
    assert result.metadata.title == headline
    assert result.text in (text, text_of(headline, *paragraphs))
    assert result.text == text or result.metadata.date == "2025-02-18"


@pytest.mark.parametrize("code", LANGS)
def test_a_place_and_a_date_is_a_dateline(code: str) -> None:
    place, _, when = DATELINES[code].partition(", ")
    assert dates.placed(DATELINES[code], code) == "2025-02-18"
    assert dates.placed(f"{place} am Main, {when}", code) == "2025-02-18"
    assert dates.placed(when, code) is None  # a date alone is `dates.parse`'s
    assert dates.placed(f"In {place} we met, {when}", code) is None  # more than a place
    assert dates.placed(f"{place.lower()}, {when}", code) is None
