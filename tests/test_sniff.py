"""Text or HTML: a text that mentions tags is text (never its words dropped), and `<pre>` keeps its lines."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain
from cleanmedia.html import looks_like_html

HEAD_BODY = (
    "In HTML the <head> element holds the title.\n\nThe <body> element holds the text that readers see.\n"
)
# prose around a markup sample, as a cleaned page of documentation quotes it
QUOTED_SAMPLE = (
    "You'll see that we have a <header> element with a heading inside it and a <section> element "
    "containing three <article> elements, each with a heading and a paragraph of its own.\n\n"
    "<section> <article> <h2>First article</h2> <p>Content</p> </article> </section>\n\n"
    "This causes the <section> element to become a container and its children become its items.\n\n"
    "Try adding the following declaration to your <section> rule, then reload the page to see it.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        HEAD_BODY,
        "Put the script in the <head> of your site.\n\nThat is all it takes to load it on every page.\n",
        "<body> is where the content goes.\n\nThe <head> holds what readers do not see.\n",
        QUOTED_SAMPLE,
    ],
)
def test_text_that_mentions_tags_is_text(text: str) -> None:
    assert not looks_like_html(text)
    result = clean_and_explain(text)
    assert result.text == text
    assert result.edits == []
    assert clean(result.text) == result.text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "<!DOCTYPE html><html><body><p>In HTML the &lt;head&gt; element holds the title.</p></body></html>",
            "In HTML the <head> element holds the title.\n",
        ),
        (
            "<html><head><title>x</title></head><body><article><p>First paragraph of the page.</p>"
            "<p>Second paragraph of the page.</p></article></body></html>",
            "First paragraph of the page.\n\nSecond paragraph of the page.\n",
        ),
        (
            "\ufeff<!-- saved from a browser -->\n<!doctype html><p>Hello there, reader.</p>",
            "Hello there, reader.\n",
        ),
        (
            "<script>var a = 1;</script><div><p>One paragraph here.</p><p>Another one here.</p></div>",
            "One paragraph here.\n\nAnother one here.\n",
        ),
        ("<p>One paragraph.</p><p>Another paragraph.</p>", "One paragraph.\n\nAnother paragraph.\n"),
        ("Some <b>bold</b> and <i>slanted</i> words.", "Some bold and slanted words.\n"),
    ],
)
def test_real_markup_is_still_html(content: str, expected: str) -> None:
    assert looks_like_html(content)
    assert clean(content) == expected
    assert clean(expected) == expected


def test_a_page_that_quotes_markup_cleans_to_a_fixed_point() -> None:
    """Its text quotes tags (escaped in the page, a sample in a `<pre>`): the second clean reads it as text.
    (A text that is mostly a markup sample is read as markup: see MARKUP_SHARE.)"""
    page = (
        "<!DOCTYPE html><html><head><title>Layout</title></head><body><article>"
        "<p>You'll see that we have a &lt;header&gt; element and a &lt;section&gt; element in the page, "
        "and that the section holds three articles, each with a heading and a paragraph of text.</p>"
        "<pre><code>&lt;section&gt;\n  &lt;article&gt;&lt;h2&gt;First&lt;/h2&gt;&lt;p&gt;Text&lt;/p&gt;&lt;/article&gt;\n"
        "&lt;/section&gt;</code></pre>"
        "<p>This causes the &lt;section&gt; element to become a container for the articles in it.</p>"
        "<p>Each article then takes an equal share of the width, whatever the size of the window.</p>"
        "</article></body></html>"
    )
    once = clean(page)
    assert once == (
        "You'll see that we have a <header> element and a <section> element in the page, and that the "
        "section holds three articles, each with a heading and a paragraph of text.\n\n```\n<section>\n"
        "  <article><h2>First</h2><p>Text</p></article>\n</section>\n```\n\n"
        "This causes the <section> element to become a container for the articles in it.\n\n"
        "Each article then takes an equal share of the width, whatever the size of the window.\n"
    )
    assert clean(once) == once


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<article><p>Install the tool with its package manager before you start.</p>"
            "<pre><code>pip install foo\nfoo --init\nfoo run data.csv</code></pre></article>",
            "Install the tool with its package manager before you start.\n\n"
            "```\npip install foo\nfoo --init\nfoo run data.csv\n```\n",
        ),
        (
            "<article><p>The poem that the author wrote in the spring of that year.</p>"
            "<pre>The rose is red\nthe sky is blue\n\nand so are you<br>my friend</pre></article>",
            "The poem that the author wrote in the spring of that year.\n\n"
            "```\nThe rose is red\nthe sky is blue\n\nand so are you\nmy friend\n```\n",
        ),
        (
            "<article><p>Here is the component that we write for the table of the products.</p>"
            "<pre><code>function Row({ product }) {\n  return (\n    &lt;tr&gt;{product.name}&lt;/tr&gt;\n"
            "  );\n}\n</code></pre></article>",
            "Here is the component that we write for the table of the products.\n\n"
            "```\nfunction Row({ product }) {\n  return (\n    <tr>{product.name}</tr>\n  );\n}\n```\n",
        ),
    ],
)
def test_pre_keeps_its_lines_and_is_not_repaired(html: str, expected: str) -> None:
    """A `<pre>` is a fenced code block, its lines as written: indentation and blank lines kept."""
    result = clean_and_explain(html)
    assert result.text == expected
    assert [e for e in result.edits if not e.flag] == []
    assert clean(result.text) == result.text


def test_a_paragraph_outside_pre_still_joins_its_lines() -> None:
    assert clean("<article><p>One line\nof a paragraph.</p></article>") == "One line of a paragraph.\n"
