"""A page without telling class or id names: a heading counting comments opens the discussion (issue:
an article lost to its comments), and Markdown code blocks in text stay (fences are not symbols)."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain
from cleanmedia.extract import extract

TITLE = "Council approves new park"
ARTICLE = [
    "The city council voted on Tuesday evening to approve a new park on the site of the former rail yard, "
    "ending a debate that had lasted nearly three years and drawn hundreds of residents to hearings.",
    "Construction is expected to begin next spring, and the first section, with a playground, walking "
    "paths and a community garden, should open to the public by the end of the following year.",
    "The plan was revised twice after residents asked for more trees and fewer parking spaces, and the "
    "final version sets aside most of the area for open lawns and a small pond fed by rainwater.",
    "Funding comes from a mix of city bonds and a state grant, and the council said the yearly upkeep "
    "would be covered by the parks department budget without raising local taxes for homeowners.",
]
COMMENTS = [
    (
        "Maria K.",
        "I have waited for this park for years and I am so glad the council finally listened to "
        "the neighbourhood. My kids will love the playground and the garden, thank you all.",
    ),
    (
        "Tom B.",
        "Great news, but I worry about parking on the side streets when events happen there. I hope "
        "the city thinks about traffic before the opening and talks to the people who live close by.",
    ),
    (
        "Anna L.",
        "The rail yard has been an eyesore for as long as I can remember. Turning it into green "
        "space is the best use of the land, and the pond sounds like a lovely touch for summer evenings.",
    ),
    (
        "James R.",
        "Three years of debate for a park seems like a long time, but the final plan looks good to "
        "me. I only hope the upkeep money really is there in five years when the budget gets tight again.",
    ),
    (
        "Lena P.",
        "Will dogs be allowed on the lawns? Many of us walk our dogs there already and it would be "
        "a shame to lose that, so I hope the rules are clear before the park opens next year.",
    ),
    (
        "Omar S.",
        "I went to two of the hearings and it was good to see so many people speak. Democracy at the "
        "local level works when people show up, and this result shows it clearly for everyone.",
    ),
]


def page(paragraphs: int, comments: int, heading: str = "32 Comments") -> str:
    article = "".join(f"<p>{p}</p>" for p in ARTICLE[:paragraphs])
    thread = "".join(f"<div><div>{name}</div><p>{text}</p></div>" for name, text in COMMENTS[:comments])
    return (
        f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>{article}"
        f"<div><h3>{heading}</h3>{thread}</div></body></html>"
    )


@pytest.mark.parametrize("paragraphs, comments", [(2, 4), (4, 6), (2, 6)])
@pytest.mark.parametrize("heading", ["32 Comments", "3 Kommentare", "12 commentaires", "Comments (32)"])
def test_a_heading_counting_comments_marks_the_discussion(
    paragraphs: int, comments: int, heading: str
) -> None:
    result = extract(page(paragraphs, comments, heading))
    assert result.text == "\n\n".join([TITLE, *ARTICLE[:paragraphs]]) + "\n"
    assert any(r.reason == "extract.comments" for r in result.removed)


def test_a_forum_thread_under_a_counting_heading_is_still_its_posts() -> None:
    posts = "".join(
        f"<div><div>{name}</div><p>{text}</p></div>" for round_ in (1, 2) for name, text in COMMENTS
    )
    html = f"<html><body><h1>{TITLE}?</h1><div><h3>12 Comments</h3>{posts}</div></body></html>"
    text = extract(html).text
    assert all(body in text for _, body in COMMENTS)
    assert text == extract(html.replace("<div><h3>", '<div id="comments"><h3>')).text


@pytest.mark.parametrize(
    "heading", ["Comments", "32 comments in one day", "What 32 readers said", "The 32 Comments Act"]
)
def test_headings_that_only_mention_comments_open_no_discussion(heading: str) -> None:
    html = (
        f"<html><body><h1>{TITLE}</h1><p>{ARTICLE[0]}</p><div><h3>{heading}</h3>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE[1:])
        + "</div></body></html>"
    )
    text = extract(html).text
    assert all(p in text for p in ARTICLE)  # a bare "Comments" label may go as a widget: its section stays


def test_a_counting_heading_over_a_section_as_high_as_it_opens_no_discussion() -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE[1:])
    html = (
        f"<html><body><h1>{TITLE}</h1><div><h3>2 comments</h3><h3>The plan</h3><p>{ARTICLE[0]}</p>"
        f"{body}</div></body></html>"
    )
    assert all(p in extract(html).text for p in ARTICLE)


def test_an_article_that_mentions_its_comments_keeps_its_text() -> None:
    said = "The plan drew 32 comments from residents in the first week, most of them in favour of it."
    html = (
        f"<html><body><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in [*ARTICLE, said]) + "</body></html>"
    )
    assert extract(html).text == "\n\n".join([TITLE, *ARTICLE, said]) + "\n"


FENCED = [
    "To install, run:\n\n```\npip install foo\n```\n\nThen import it in your script and call the main function to start.\n",
    "Setup:\n\n```python\ndef main():\n    return  1\n\n\n```\n\nThe function returns one, as expected here.\n",
    "Use a tilde fence too:\n\n~~~\n$ make\n~~~\n\nThe build then writes its output to the folder.\n",
]


@pytest.mark.parametrize("text", FENCED)
def test_markdown_code_blocks_stay_in_text(text: str) -> None:
    result = clean_and_explain(text, input_format="text")
    assert result.text == text
    assert clean(result.text, input_format="text") == text


def test_an_unclosed_fence_is_no_code_block() -> None:
    text = "Intro line of the text that goes on for a while.\n```\nA line after it that is prose here.\n"
    assert clean(text, input_format="text") == clean(text.replace("```\n", "```\n\n"), input_format="text")
