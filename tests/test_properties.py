"""Properties that must hold for any input (hypothesis, derandomized in CI)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import example, given
from hypothesis import strategies as st

from cleanmedia import DEFAULT_CHAIN, Metadata, clean, clean_and_explain, replay

# Arbitrary Unicode without surrogates, with controls, bidi marks, combining marks and typography
# over-represented: the characters scraped text gets wrong.
NASTY = st.sampled_from(
    list("\x00\x07\t\r\x0b\x0c\x85\u00a0\u00ad\u200b\u200e\u202e\u2066\ufeff\u2028\u0301\u0308«»“”’'•–—…:;?!")
)
CHARS = st.one_of(st.characters(exclude_categories=["Cs"]), NASTY, st.sampled_from(list("aeiouAEIOU \n.,")))
TEXT = st.text(CHARS, max_size=300)
WORDS = st.sampled_from(
    [
        "le",
        "la",
        "les",
        "de",
        "des",
        "un",
        "une",
        "et",
        "à",
        "OpenAI",
        "Microsoft",
        "the",
        "and",
        "of",
        "to",
        "in",
        "il",
        "che",
        "per",
        "der",
        "die",
        "und",
        "el",
        "los",
        "que",
        "Partager",
        "Follow",
        "Me",
        "5M+",
        "Accueil",
        "-",
        "Tags",
        ":",
        "?",
        "!",
        "«",
        "»",
        "'",
        "’",
        ".",
        ",",
        "\n",
        "\n\n",
        "•",
        "2024",
        "octobre",
    ]
)
WORDY = st.lists(WORDS, max_size=80).map(" ".join)
TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<li>",
        "<ul>",
        "</ul>",
        "<b>",
        "</b>",
        "<script>",
        "</script>",
        "<h2>",
        "</h2>",
        "<span hidden>",
        "</span>",
        "<!--",
        "-->",
        "<",
        ">",
        "&amp;",
        "&nbsp;",
        "<table><tr><td>",
        "<title>",
        "</title>",
        "<h1>",
        "</h1>",
        '<meta property="og:title" content="',
        '">',
        "<nav>",
        "</nav>",
        "<article>",
        "</article>",
    ]
)
SOUP = st.lists(st.one_of(TAGS, WORDY, TEXT), max_size=30).map("".join)
ANY = st.one_of(TEXT, WORDY, SOUP)


@given(ANY)
def test_no_crash_and_one_block_per_line(content: str) -> None:
    out = clean(content)
    assert out == "" or (out.endswith("\n") and not out.endswith("\n\n") and not out.startswith("\n"))
    assert "\n\n\n" not in out
    assert all(line == line.strip() for line in out.split("\n"))


@example('JE0UNE:"A\x1fA0UNE0AA')  # a control character between letters hid words of the language
@given(ANY)
def test_idempotent(content: str) -> None:
    once = clean(content)
    assert clean(once) == once


@given(ANY)
def test_clean_skips_only_cleaners_that_flag(content: str) -> None:
    """`clean` runs the chain without flag-only cleaners: the text must be the one the full chain makes."""
    assert clean(content) == clean_and_explain(content).text


@given(ANY)
def test_deterministic(content: str) -> None:
    assert clean_and_explain(content).to_dict() == clean_and_explain(content).to_dict()


@given(ANY)
def test_edit_log_replays_to_the_output(content: str) -> None:
    result = clean_and_explain(content)
    assert replay(result.source, result.edits) == result.text


@given(ANY)
def test_metadata_log_rebuilds_the_metadata(content: str) -> None:
    """Every metadata value is set through the log, whoever set it (page, identification, a cleaner)."""
    result = clean_and_explain(content)
    rebuilt = Metadata()
    for m in result.metadata_edits:
        assert rebuilt.get(m.field) == m.before
        rebuilt = replace(rebuilt, **{m.field: m.after})
    assert rebuilt == result.metadata


@given(ANY)
def test_edit_lines_are_lines_of_the_input(content: str) -> None:
    result = clean_and_explain(content)
    n_lines = result.source.count("\n") + 1
    assert all(1 <= e.line <= n_lines for e in result.edits if e.step >= 0)


@given(ANY)
def test_removed_text_was_in_the_input(content: str) -> None:
    """What the boilerplate cleaner removes is input text (modulo the character and layout normalisation
    before it); later removals of repaired text are accounted for by the replay property."""
    result = clean_and_explain(content)
    first_pass = [e for e in result.edits if e.step < len(DEFAULT_CHAIN)]
    normalised = replay(
        result.source, [e for e in first_pass if e.cleaner in ("controls", "mojibake", "layout")]
    )
    source = " ".join(normalised.split())
    for edit in first_pass:
        if edit.kind == "remove" and edit.cleaner == "boilerplate":
            assert " ".join(edit.before.split()) in source


def test_idempotent_when_the_page_title_is_not_the_first_heading() -> None:
    """Found on real pages: the text's first heading repeats, the page's <title> is another. Cleaning the
    output again (as text, without the page) must not find copies the first run kept."""
    html = (
        "<html><head><title>Budget news - The Daily</title></head><body>"
        "<p>Associated Press November 19, 2019</p><p>The council approved the new budget on Tuesday "
        "after a debate that lasted well into the night, the mayor said.</p>"
        "<p>Associated Press November 19, 2019</p><p>The plan will be reviewed again in the spring, once "
        "the first figures are known to the council and the public.</p></body></html>"
    )
    once = clean(html)
    assert clean(once) == once


def _paragraphs() -> dict[str, list[str]]:
    """Article paragraphs of the fixtures' expected outputs, by case: real prose in seven languages,
    the repaired seeds among them."""
    from fixtures import cases

    out = {}
    for case in cases():
        if case.expected.strip():
            out[case.name] = [
                p for p in case.expected.split("\n\n") if len(p.split()) >= 10 and p.rstrip()[-1] in '.!?»”"'
            ]
    return {name: paragraphs for name, paragraphs in out.items() if paragraphs}


PARAGRAPHS = _paragraphs()
FURNITURE = st.sampled_from(
    [
        "• News",
        "• World",
        "• Contact Us",
        "• Sport (12)",
        "Sections",
        "Follow Me",
        "Partager:",
        "Share",
        "3 hours ago",
        "il y a 2 jours",
        "Nov 18",
        "Tags: economy, budget",
        "Accueil > Politique",
        "5M+ followers",
        "© 2024 The Daily",
        "Lire aussi : un autre article",
        "More in World",
        "We use cookies to improve your experience.",
        "Subscribe Sign In",
        "• Real Estate",
        "About",
    ]
)


@given(st.sampled_from(sorted(PARAGRAPHS)), st.data())
def test_article_paragraphs_survive_any_furniture(name: str, data: st.DataObject) -> None:
    """Whatever furniture surrounds or splits them, an article's paragraphs (three or more, so that the
    article, not the furniture, is the text's language) come out whole."""
    paragraphs = data.draw(st.lists(st.sampled_from(PARAGRAPHS[name]), min_size=3, max_size=8))
    blocks = _scatter(data, list(paragraphs), FURNITURE, 25)
    _assert_whole(paragraphs, clean("\n\n".join(blocks)))


PAGE_CHROME = st.sampled_from(
    [
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li><li><a href='/s'>Sport</a></li></ul></nav>",
        "<div class='share'><a href='#'>Share</a> <a href='#'>Tweet</a></div>",
        "<aside><h3>Related</h3><ul><li><a href='/a'>Another story about something</a></li></ul></aside>",
        "<footer><p>© 2024 The Daily. All rights reserved.</p></footer>",
        "<div class='newsletter'>Subscribe to our newsletter</div>",
        "<p class='byline'>By Jane Doe</p>",
        "<figure><img src='x.jpg'><figcaption>The city hall at night.</figcaption></figure>",
    ]
)


@given(st.sampled_from(sorted(PARAGRAPHS)), st.data())
def test_article_paragraphs_survive_any_page_around_them(name: str, data: st.DataObject) -> None:
    """The same for HTML: page chrome before, after and inside the article element."""
    paragraphs = data.draw(st.lists(st.sampled_from(PARAGRAPHS[name]), min_size=3, max_size=8))
    inner = _scatter(data, [f"<p>{p}</p>" for p in paragraphs], PAGE_CHROME, 6)
    before, after = data.draw(st.lists(PAGE_CHROME, max_size=4)), data.draw(st.lists(PAGE_CHROME, max_size=4))
    html = "<html><body>{}<article><h1>Title of the story here</h1>{}</article>{}</body></html>".format(
        "".join(before), "".join(inner), "".join(after)
    )
    _assert_whole(paragraphs, clean(html))


def _scatter(data: st.DataObject, blocks: list[str], extra: st.SearchStrategy[str], most: int) -> list[str]:
    """`blocks` with up to `most` drawn `extra` blocks inserted anywhere among them."""
    for block in data.draw(st.lists(extra, max_size=most)):
        blocks.insert(data.draw(st.integers(0, len(blocks))), block)
    return blocks


def _assert_whole(paragraphs: list[str], output: str) -> None:
    out = " ".join(output.split())
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) in out
