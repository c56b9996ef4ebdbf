"""Hostile input (issue 14): each family that was superlinear, crashed or grew memory, at a small size,
with its right output; and the shape of each fix (work per node, edits per run, one scan for many
words) checked without a clock. The times live in bench/hostile.py."""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleanmedia import clean, clean_and_explain, replay
from cleanmedia import document as document_module
from cleanmedia import extract as extract_module
from cleanmedia import text as text_module
from cleanmedia.cleaners.boilerplate import BYLINE_NAMES
from cleanmedia.cleaners.brands import _DeletionIndex, one_edit_apart
from cleanmedia.cleaners.widgets import normalise, without_paren_count
from cleanmedia.html import MAX_DEPTH, limit_depth, to_text
from cleanmedia.text import occurrences, word_positions

#: The pattern `normalise` used before issue 14 (quadratic on a run of spaces before a bracket): the
#: new code must remove exactly what it removed.
OLD_PAREN_COUNT = re.compile(r"\s*[(\[]\s*\d[\d\s.,]*[)\]]\s*$")


def _depth(html: str) -> int:
    tree = LexborHTMLParser(html)
    deepest, stack = 0, [(tree.root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child if node is not None else None
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    return deepest


def _nest(tag: str, depth: int, inner: str = "x", attrs: str = "") -> str:
    return f"<html><body>{f'<{tag}{attrs}>' * depth}{inner}{f'</{tag}>' * depth}</body></html>"


# -- the families, small, with their right output ----------------------------------------------------


def test_a_line_of_digits_is_kept() -> None:
    text = "1 " * 300 + "x"
    assert clean(text) == text + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # As HTML: the extraction judges blocks before the layout collapses the run (quadratic before).
        ("<p>The widget shows 12 " + "\u00a0" * 2000 + ")</p>", "The widget shows 12 )\n"),
        ("<p>Comments: 3 " + "\u00a0" * 2000 + "]</p>", "Comments: 3 ]\n"),
    ],
)
def test_a_no_break_space_run_before_a_bracket(text: str, expected: str) -> None:
    assert clean(text) == expected


@given(st.text(st.sampled_from(list("1 \u00a0.,([)]ab")), max_size=30))
def test_counts_in_brackets_go_as_they_went(text: str) -> None:
    assert without_paren_count(text) == OLD_PAREN_COUNT.sub("", text)


def test_paren_count_examples() -> None:
    assert normalise("Sport (12)") == "sport"
    assert normalise("Comments [ 1.234 ]  ") == "comments"
    assert normalise("Sport (12) (3)") == "sport (12"  # the last count only, as before
    assert without_paren_count("a (b) 12)") == "a (b) 12)"


def test_a_long_name_after_by_is_kept() -> None:
    text = "By " + "Ae" * 2000 + "!"
    assert clean(text) == text + "\n"


@pytest.mark.parametrize(
    ("line", "name", "rest"),
    [
        ("Jean Dupont et Marie Curie - Reuters", "Jean Dupont et Marie Curie", "Reuters"),
        ("Smith, Jones & Lee", "Smith, Jones & Lee", None),
        ("Pedro y Pablo Garcia | 3 de marzo de 2024", "Pedro y Pablo Garcia", "3 de marzo de 2024"),
        ("Hans Müller, dpa", "Hans Müller", "dpa"),
        ("Anna Schmidt und Peter Lang, 12. März 2024", "Anna Schmidt und Peter Lang", "12. März 2024"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven", None),
    ],
)
def test_byline_names_read_one_way(line: str, name: str, rest: str | None) -> None:
    m = BYLINE_NAMES.match(line)
    assert m is not None and (m.group("name"), m.group("rest")) == (name, rest)


@pytest.mark.parametrize(
    ("unit", "rest"), [("Ae", None), ("A e ", None), ("A y ", None), ("A-", None), ("A, ", "!")]
)
def test_byline_pattern_on_runs_of_name_pieces(unit: str, rest: str | None) -> None:
    """Each of these was quadratic or exponential ('A y A y ...' took a minute at 5,000 repeats): now
    they end at once, a name followed by "!" never being a byline, names and commas one with a rest."""
    m = BYLINE_NAMES.match(unit * 3000 + "!")
    assert (m.group("rest") if m else None) == rest


@pytest.mark.parametrize("tag", ["div", "span", "ul", "table"])
def test_deep_nesting_keeps_its_text(tag: str) -> None:
    assert clean(_nest(tag, 3000)) == "x\n"


def test_nested_furniture_goes() -> None:
    page = _nest("div", 2000, "<p>Share this</p>", ' class="share"')
    assert clean(page) == ""


# -- depth limit --------------------------------------------------------------------------------------


def test_limit_depth_caps_the_tree_and_keeps_every_line() -> None:
    inner = "<p>one</p><p>two</p><span>three</span>"
    page = "<html><body>" + "<div>" * 1500 + inner + "</div>" * 1500 + "<p>after</p></body></html>"
    limited = limit_depth(page)
    assert _depth(limited) <= MAX_DEPTH + 4  # document, html, body and a text node
    assert to_text(page)[0] == "one\n\ntwo\n\nthree\n\nafter\n"


@pytest.mark.parametrize(
    "page",
    [
        "<ul>" + "<li>item" * 2000 + "</ul>",  # implied end tags: not deep
        "<table>" + "<tr><td>a<td>b" * 2000 + "</table>",
        "<p>a" * 2000,
        "<script>" + "<div>" * 2000 + "</script><p>b</p>",  # not markup
        "<!--" + "<div>" * 2000 + "--><p>b</p>",
        "<div><p>a</div>" * 1000,
    ],
)
def test_limit_depth_leaves_shallow_pages_alone(page: str) -> None:
    assert limit_depth(page) is page


def test_furniture_is_walked_once_however_deep_it_nests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each element is asked once whether it is furniture (it was asked once per enclosing furniture
    element that the extraction kept: the square of the depth)."""
    calls = 0
    concept = extract_module.furniture_concept

    def counting(*args: object, **kwargs: object) -> str | None:
        nonlocal calls
        calls += 1
        return concept(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extract_module, "furniture_concept", counting)
    for depth in (100, 400):
        calls = 0
        extract_module.extract(
            _nest("div", depth, "<p>" + "Words of an article. " * 20 + "</p>", ' class="share"')
        )
        assert calls <= 3 * depth + 20


class _Node:
    """A tree node for `extract._furniture`: furniture when its name says so; records its children read."""

    def __init__(self, name: str, children: list[_Node], read: list[str]) -> None:
        self.name, self.children, self.read = name, children, read
        self.is_element_node = True

    def iter(self) -> Iterator[_Node]:
        self.read.append(self.name)
        return iter(self.children)


def test_inside_kept_furniture_the_furniture_found_is_not_entered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Furniture kept because it holds the article is asked again for the furniture inside it: the walk
    passes over what that furniture holds (it walked all of it once per kept level: 512 levels times
    the page, 12 s for 1 MB)."""
    read: list[str] = []
    inner = [_Node(f"br{i}", [], read) for i in range(50)]
    tree = _Node("root", [_Node("p", [_Node("a", [], read)], read), _Node("furniture", inner, read)], read)
    monkeypatch.setattr(
        extract_module,
        "furniture_concept",
        lambda node, extra=None: "share" if getattr(node, "name", None) == "furniture" else None,
    )
    monkeypatch.setattr(extract_module, "_counted_discussion", lambda node: None)
    found = extract_module._furniture(tree, include_self=False)  # type: ignore[arg-type]
    assert [(getattr(n, "name", None), c) for n, c in found] == [("furniture", "share")]
    assert read == ["root", "p", "a"]  # the furniture's 50 children never read


def test_furniture_kept_around_the_article_logs_one_text_not_a_copy_a_level() -> None:
    """Each nested furniture element kept (it holds the article) is logged with the article's text:
    the same string for all, not a copy each (512 levels around 1 MB of prose held 512 MB)."""
    article = "Words of an article, and more of them. " * 50
    result = clean_and_explain(_nest("div", 300, f"<p>{article}</p>", ' class="share"'))
    kept = [r for r in result.removals if r.kept]
    assert len(kept) >= 290 and all(r.text == article.strip() for r in kept)
    assert len({id(r.text) for r in kept}) == 1
    assert result.text == article.strip() + "\n"


# -- many words, many names -------------------------------------------------------------------------


@given(
    st.lists(st.sampled_from(["OpenAi", "Gitub", "ab", "Ab", " ", "-", "2", "'", "\u0301", "_"]), max_size=40)
)
def test_word_positions_find_what_occurrences_find(pieces: list[str]) -> None:
    text = "".join(pieces)
    words = {"OpenAi", "Gitub", "ab", "Ab", "x-y"}
    for joiners in ("", "-", "'’-@/.#_"):
        expected = sorted((pos, w) for w in words for pos in occurrences(text, w, joiners))
        assert word_positions(text, words, joiners) == expected
        few = text_module.FEW_WORDS
        try:
            text_module.FEW_WORDS = 0  # the one-scan path
            assert word_positions(text, words, joiners) == expected
        finally:
            text_module.FEW_WORDS = few


@given(st.lists(st.text("abcde", min_size=1, max_size=7), max_size=12), st.text("abcde", max_size=8))
def test_deletion_index_finds_every_name_one_edit_off(names: list[str], word: str) -> None:
    index = _DeletionIndex({n: n.upper() for n in names})
    found = {k for k, _ in index.candidates(word) if one_edit_apart(word, k)}
    assert found == {n for n in names if one_edit_apart(word, n)}


# -- memory: one edit per run of short lines, not per line --------------------------------------------


@pytest.mark.parametrize("text", ["ab\r\n" * 2000, "a\x00" * 2000, "<p>a" + "<br>b" * 2000 + "</p>"])
def test_runs_of_layout_edits_are_logged_as_few_edits(text: str) -> None:
    result = clean_and_explain(text)
    assert len(result.edits) < 200  # 2,000 lines or controls, each one edit before
    assert replay(result.source, result.edits) == result.text
    assert clean(result.text) == result.text


def test_a_few_layout_edits_keep_their_lines() -> None:
    result = clean_and_explain("one  two\r\nthree\r\n\r\n\r\nfour\r\n")
    assert [e.line for e in result.edits if e.reason == "layout.line_break"] == [1, 2, 3, 4, 5]


# -- crashes ------------------------------------------------------------------------------------------


def test_json_ld_too_deep_is_ignored_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    page = (
        '<html><head><script type="application/ld+json">' + "[" * 1000 + "]" * 1000 + "</script>"
        '<script type="application/ld+json">{"headline": "T", "author": {"name": "Ann Lee"}}</script>'
        "</head><body><article><p>The committee met on Tuesday and agreed to publish the report.</p>"
        "</article></body></html>"
    )
    with caplog.at_level(logging.INFO, logger="cleanmedia.html"):
        result = clean_and_explain(page)
    assert result.text == "The committee met on Tuesday and agreed to publish the report.\n"
    assert result.metadata.author == "Ann Lee"
    assert any("RecursionError" in r.getMessage() for r in caplog.records)


@given(st.text(alphabet="ab \x00\x0f\r\n\u200b\u00ad\u202eé", max_size=400))
def test_controls_coalesced_from_spans_as_from_edits(text: str) -> None:
    """Controls coalesces plain (start, end, after, reason, detail) tuples (issue 14: a million NULs made
    a million edits first): the same edits as `coalesce` over the edits those tuples make."""
    from cleanmedia.cleaners.layout import _control_spans
    from cleanmedia.document import Edit, coalesce, coalesce_spans

    spans = list(_control_spans(text))
    edits = [Edit(s, e, text[s:e], after, reason, detail) for s, e, after, reason, detail in spans]
    assert list(coalesce_spans(text, spans)) == list(coalesce(text, edits))


def test_binary_decoded_as_text_gets_its_layout_cleaned_alone() -> None:
    """Issue 14: binary read as Windows-1252 took 29 s per MB in the word repairs (mojibake, brands) of
    text that has no words. Lost bytes (U+FFFD) and C1 controls in 1% of the characters or more: the
    layout steps alone, flagged; the count never falls under them, so the second clean agrees."""
    content = "Ab\ufffd\x00cd \x81\x01 Ef\r\n" * 8
    result = clean_and_explain(content)
    assert result.text == "Ab\ufffdcd \x81 Ef\n\n" * 7 + "Ab\ufffdcd \x81 Ef\n"
    assert [e.reason for e in result.flags] == ["chain.not_text"]
    assert {e.cleaner for e in result.edits if not e.flag} <= {"controls", "layout", "final_layout"}
    assert replay(result.source, result.edits) == result.text
    assert clean(result.text) == result.text


@pytest.mark.parametrize("charset", ["cp1252", "latin-1", "utf-8"])
def test_random_bytes_in_any_charset_clean_to_a_fixed_point(charset: str) -> None:
    rng = random.Random(14)
    content = bytes(rng.randrange(256) for _ in range(3000)).decode(charset, errors="replace")
    result = clean_and_explain(content)
    assert [e.reason for e in result.flags if e.reason == "chain.not_text"] == ["chain.not_text"]
    assert replay(result.source, result.edits) == result.text
    assert clean(result.text) == result.text


def test_text_with_a_few_lost_bytes_is_text() -> None:
    """A damaged word or two (under 1% of the characters, or fewer than 16) keeps the whole chain."""
    prose = "The committee met on Tuesday and agreed to publish the r\ufffdport. " * 15
    result = clean_and_explain(prose + "\n\nShare on Facebook\n")
    assert not [e for e in result.flags if e.reason == "chain.not_text"]
    assert "Share on Facebook" not in result.text  # the furniture step ran


def test_an_element_keeps_its_first_attributes_up_to_the_limit() -> None:
    """Issue 14: the parser's duplicate-attribute test is quadratic (80,000 attributes on one element:
    20 s). Past MAX_ATTRIBUTES the rest go; the element, its text and what follows stay."""
    from cleanmedia.html import MAX_ATTRIBUTES, limit_attributes

    attrs = "".join(f' data-a{i}="v{i}"' for i in range(MAX_ATTRIBUTES + 500))
    page = f'<html><body><div{attrs} class="late"><p>The committee met on Tuesday.</p></div></body></html>'
    limited = limit_attributes(page)
    assert limited.count("data-a") == MAX_ATTRIBUTES and 'class="late"' not in limited
    assert limited.endswith('data-a4095="v4095"><p>The committee met on Tuesday.</p></div></body></html>')
    assert clean(page) == "The committee met on Tuesday.\n"


@pytest.mark.parametrize(
    "page",
    [
        "<div" + ' data-a="v"' * 100 + "><p>Text.</p></div>",  # many, under the limit
        '<script>var s = "<div' + " a" * 5000 + '>";</script><p>Text.</p>',  # markup in a script
        "<p>" + "word " * 5000 + "</p>",  # long text, no long tag
    ],
)
def test_pages_without_an_element_over_the_limit_are_not_touched(page: str) -> None:
    from cleanmedia.html import limit_attributes

    assert limit_attributes(page) is page


@given(st.text(alphabet=" \t\u00a0-*•·▪1234567890.)abc\u0663", max_size=12))
def test_list_line_test_with_its_shortcut_agrees_with_the_regexes(line: str) -> None:
    """The layout asks whether each line is a list item (a text of short lines: every line); the first
    character decides most of them without a regex (issue 14)."""
    from cleanmedia.cleaners.layout import _list_line, _lstrip
    from cleanmedia.text import is_list_item

    assert _list_line(line) == is_list_item(_lstrip(line))


def _suspect_lines_one_by_one(text: str) -> list[tuple[int, int]]:
    """`encoding.suspect_lines` as it was written first: every match of the scan confirmed on its own."""
    from cleanmedia.encoding import SIGN, _is_sign, _starts

    if text.isascii():
        return []
    spans: list[tuple[int, int]] = []
    last_end = -1
    for m in SIGN.finditer(text):
        start = m.start()
        if start <= last_end or not any(_is_sign(text, q) for q in _starts(text, start)):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        last_end = len(text) if line_end < 0 else line_end
        spans.append((line_start, last_end))
    return spans


@given(
    st.lists(
        st.builds(
            lambda c, n: c * n, st.sampled_from(list("\u00a0Ã©â€™ a\n&;Â\u0080\ufffdÐ")), st.integers(1, 90)
        ),
        max_size=12,
    )
)
def test_mojibake_scan_skipping_runs_finds_the_lines_one_by_one_would(parts: list[str]) -> None:
    """Issue 14: a run of 100,000 no-break spaces asked the same question at every position (39 s);
    the scan now skips the inside of a run of one character."""
    from cleanmedia.encoding import suspect_lines

    text = "".join(parts)
    assert suspect_lines(text) == _suspect_lines_one_by_one(text)


def test_a_text_ending_in_an_inline_element_stays_text_on_the_second_clean() -> None:
    """Found by a new user: the first clean took the entity after "</b>" away, and the second took
    "<p> ... <b>fett</b>" for an HTML fragment; a fragment is wrapped in one element ("<p>...</p>")."""
    text = "\n <p> und und Anzeige fÃ¼r – \n\n Von Anna Müller „Zitat“ … <b>fett</b> &nbsp;"
    once = clean(text)
    assert once == "<p> und Anzeige für –\n\nVon Anna Müller „Zitat“ … <b>fett</b>\n"
    assert clean(once) == once


# -- the furniture step in bounded memory: blocks as offsets, word counts by chunks, runs of removals ----

BLOCKY = st.text(st.sampled_from(list("ab \t\n\n\u00a0\u2028\r•")), max_size=60)


@given(BLOCKY, st.integers(1, 8))
def test_blocks_as_offsets_are_the_lines_that_are_not_blank(text: str, chunk: int) -> None:
    expected = [line for line in text_module.lines(text) if line.stripped]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(text_module, "BLOCK_CHUNK", chunk)  # lines split a few characters at a time
        found = text_module.Blocks(text)
    assert list(found) == expected
    assert [found[i] for i in range(len(found))] == expected
    assert found[1:3] == expected[1:3]
    assert list(found.texts()) == [line.stripped for line in expected]


@given(st.text(st.sampled_from(list("ab é1_\nЖ\n")), max_size=80), st.integers(1, 8))
def test_word_counts_by_chunks_are_the_counts_of_the_whole_text(text: str, chunk: int) -> None:
    from collections import Counter

    from cleanmedia import document

    with pytest.MonkeyPatch.context() as m:
        m.setattr(document, "WORD_CHUNK", chunk)
        assert document.count_words(text) == Counter(document.LETTER_RUN.findall(text))


PROSE = "The committee met on Tuesday and agreed to publish the report before the summer."


@pytest.mark.parametrize("n", [text_module.GROUP_RUN - 1, text_module.GROUP_RUN, 3 * document_module.MAX_RUN])
def test_a_run_of_removed_lines_is_one_edit_from_the_group_size_on(n: int) -> None:
    text = "Share this\n\n" * n + PROSE + "\n"
    result = clean_and_explain(text)
    assert result.text == PROSE + "\n"
    assert replay(result.source, result.edits) == result.text
    removals = [e for e in result.edits if e.reason == "boilerplate.share"]
    if n < text_module.GROUP_RUN:
        assert len(removals) == n and all(e.before == "Share this\n\n" for e in removals)
    else:
        assert len(removals) == -(-n // document_module.MAX_RUN)  # a run of MAX_RUN lines at most per edit
        assert sum(e.before.count("Share this") for e in removals) == n
        assert removals[0].detail.endswith(f"({min(n, document_module.MAX_RUN)} lines)")


# Doubled words on a long text (eleventh session): each pair scanned the whole text (a command named
# like the word, a family name written whole, the clause before a verb, a search per doubled word).


def _count_scans(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Count the whole-text scans of the pattern `doubled.<name>` (finditer and search calls)."""
    from cleanmedia.cleaners import doubled

    calls = [0]
    pattern = getattr(doubled, name)

    class Counting:
        def finditer(self, *args: object) -> object:
            calls[0] += 1
            return pattern.finditer(*args)

        def search(self, *args: object) -> object:
            calls[0] += 1
            return pattern.search(*args)

    monkeypatch.setattr(doubled, name, Counting())
    return calls


@pytest.mark.parametrize(
    ("unit", "lang", "right"),
    [
        ("The cat sat on the the mat. ", "en", "The cat sat on the mat. "),
        ("Er las ein ein Buch. ", "de", "Er las ein Buch. "),
        ("Il lit la la page. ", "fr", "Il lit la page. "),
    ],
)
def test_a_long_text_of_doubled_words_loses_each_copy(unit: str, lang: str, right: str) -> None:
    assert clean(unit * 300, lang=lang) == (right * 300).strip() + "\n"


def test_commands_named_in_the_text_are_found_in_one_scan_whatever_the_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scans = _count_scans(monkeypatch, "TERM_NAMED")
    few = "La commande info) lit les pages. Tapez info info pour lire. "
    clean(few, lang="fr")
    once = scans[0]
    scans[0] = 0
    result = clean_and_explain(few * 200, lang="fr")
    assert scans[0] == once > 0
    # the command's own page, flagged each time, never removed
    assert result.text == (few * 200).strip() + "\n"
    assert sum(e.reason == "doubled.word.unsure" for e in result.flags) == 200


def test_a_family_name_written_whole_is_found_for_every_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Ursula von der Leyen sprach. " + "Die Rede von von der Leyen wurde diskutiert. " * 200
    result = clean_and_explain(text, lang="de")
    assert result.text == text.strip() + "\n"
    assert sum(e.reason == "doubled.word.unsure" for e in result.flags) == 200
    # without the name written whole elsewhere, each pair is still flagged (a name made on "von")
    alone = "Die Rede von von der Leyen wurde diskutiert. " * 200
    assert clean(alone, lang="de") == alone.strip() + "\n"


def test_one_search_per_line_finds_distinct_doubled_words(monkeypatch: pytest.MonkeyPatch) -> None:
    words = [f"{a}{b}ter" for a in "bcdfg" for b in "aeiou"]
    text = "".join(f"The {w} {w} is here.\n" for w in words) + "Nothing doubled here.\n" * 30
    scans = _count_scans(monkeypatch, "COPY")
    result = clean_and_explain(text, lang="en")
    lines = len(text.splitlines())
    # the whole text once and each line at most once per pass: never a search per doubled word
    passes = max(e.step for e in result.edits) + 1 if result.edits else 1
    assert scans[0] <= passes * (lines + 1)


def test_a_glued_token_reads_its_sentence_near_it_not_back_to_the_texts_start() -> None:
    """A text without stops is not one sentence: the clause before a glued token ("weil ... aktualisiert
    Benutzer") is read at most `MAX_SENTENCE` characters back (all of it, for each occurrence, was
    quadratic: `glued_case_no_stops`)."""
    from cleanmedia.cleaners.glue import MAX_SENTENCE, _after_trigger

    triggers = frozenset({"weil"})
    near = "weil er das Profil " + "x " * 50 + "aktualisiertBenutzer"
    far = "weil er das Profil " + "x " * MAX_SENTENCE + "aktualisiertBenutzer"
    assert _after_trigger(near, "aktualisiertBenutzer", triggers)
    assert not _after_trigger(far, "aktualisiertBenutzer", triggers)
    assert not _after_trigger("Weil er kam. Dann aktualisiertBenutzer", "aktualisiertBenutzer", triggers)
    text = "wordWord otherThing " * 2000
    assert clean(text, lang="de") == text.strip() + "\n"  # no German words: nothing to split, nothing lost
