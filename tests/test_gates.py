"""Fast gates skip work on text that needs none: they must never skip text that needs it.

Each test runs a cleaner with its gate and with the gate forced open, and asks for the same edits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanmedia import Document, Edit, Metadata, MetadataEdit, dates, extract, lang, resources
from cleanmedia import html as html_module
from cleanmedia.cleaners import boilerplate, doubled, layout, menus, spacing, widgets
from cleanmedia.cleaners.boilerplate import Boilerplate
from cleanmedia.cleaners.doubled import DoubledWords
from cleanmedia.cleaners.layout import Controls, Layout

# White space of every kind, bullets, list markers and line breaks, over-represented.
SPACEY = st.text(
    st.one_of(
        st.sampled_from(list(" \n\n\t\u00a0\u202f\u2003\u3000\x0b\x0c\r\u2028\x85\u200b•◦*-1.)")),
        st.sampled_from(list("abCdéx")),
        st.characters(exclude_categories=["Cs"]),
    ),
    max_size=120,
)


@contextmanager
def gates_open(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with monkeypatch.context() as m:
        m.setattr(layout, "_may_need_layout", lambda row: True)
        m.setattr(layout, "_may_have_odd_separators", lambda rows: True)
        m.setattr(layout, "CONTROL_OR_BREAK", re.compile(r"|"))
        m.setattr(doubled, "_doubled_candidates", lambda words: None)
        yield


def _edits(cleaner: object, text: str) -> list[tuple[int, int, str, str]]:
    doc = Document(text=text)
    return [(e.start, e.end, e.after, e.reason) for e in cleaner.edits(doc)]  # type: ignore[attr-defined]


@given(SPACEY)
def test_layout_gates_skip_nothing(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp, gates_open(mp):
        expected = _edits(Layout(), text), _edits(Controls(), text)
    assert (_edits(Layout(), text), _edits(Controls(), text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a\n\n• b\n\n• c\n",
        "a\nb\n",
        "a\n\n\nb\n",
        "a\n \nb\n",
        " a\n",
        "a \n",
        "a  b\n",
        "• a\n\n• b\n",
        "a\n\n",
        "a \u00a0b\n",
        "\u00a0a\n",
        "a\u202f\n",
        "a\u00a0\u00a0b\n",
        "a\u202f b\n",
    ],
)
def test_layout_gates_open_on_layout_damage(text: str) -> None:
    assert _edits(Layout(), text)


WORDY = st.lists(
    st.sampled_from(["la", "La", "LA", "la,", "la.", "l", "2", "2024", "de", "très", "\n", "-", "'"]),
    max_size=30,
).map(" ".join)


@given(st.one_of(WORDY, SPACEY))
def test_doubled_words_gate_skips_nothing(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp, gates_open(mp):
        expected = _edits(DoubledWords(), text)
    assert _edits(DoubledWords(), text) == expected


# -- boilerplate: text-level gates (notice phrases, Latin words) and the first-word gate ------------

PHRASES = widgets.phrases()
FURNITURE_WORDS = sorted({*PHRASES.line, *PHRASES.prefix, *PHRASES.contains})[::7]
LINE = st.lists(
    st.one_of(
        st.sampled_from(FURNITURE_WORDS),
        st.sampled_from(
            ["»", "«", ":", "—", "|", "•", "(12)", "©", "’", "Share:", "lorem ipsum", "12 mars 2024"]
        ),
        st.sampled_from(["the", "et", "le", "article", "Lyon", "2024", "vote."]),
        st.sampled_from(["3 hours ago", "5 min read", "vor 3 Minuten", "Nov 18", "3h", "ago", "18"]),
        st.sampled_from(sorted(resources.stopwords("la"))),  # theme filler
    ),
    min_size=1,
    max_size=14,
).map(" ".join)


@given(st.lists(LINE, min_size=1, max_size=8), st.sampled_from([None, "en", "fr", "it", "de"]))
def test_boilerplate_gates_skip_nothing(lines: list[str], code: str | None) -> None:
    text = "\n\n".join(lines) + "\n"

    def run() -> tuple[list[tuple[int, int, str, str]], dict[str, str]]:
        boilerplate._judgement.cache_clear()  # each run judges every line (no verdict of the other run)
        doc = Document(text=text, metadata=Metadata(lang=code))
        proposals = list(Boilerplate().edits(doc))
        edits = [(e.start, e.end, e.after, e.reason) for e in proposals if isinstance(e, Edit)]
        return edits, {e.field: str(e.after) for e in proposals if isinstance(e, MetadataEdit)}

    with pytest.MonkeyPatch.context() as m:
        m.setattr(boilerplate, "_notice_phrases", lambda t, ph: [boilerplate.LOREM, *PHRASES.contains])
        m.setattr(boilerplate, "_latin_words", lambda doc, code: 99)
        m.setattr(boilerplate, "_phrase_heads", lambda ph: _AnyHead())
        m.setattr(dates, "need_spaces", lambda: False)
        m.setattr(boilerplate, "DATE_DIGIT", re.compile(""))
        expected = run()
    assert run() == expected


class _AnyHead:
    """Every word a phrase head, of the most words `_prefixed` tries: its gate open."""

    def get(self, word: str, default: int = 0) -> int:
        return 5


@given(
    st.text(st.one_of(st.sampled_from(list(" \t\n\u00a0\u2003\u3000\x1c.!")), st.characters()), max_size=40)
)
def test_a_line_shorter_than_ten_words_and_their_spaces_is_no_prose(text: str) -> None:
    if len(text) < menus.PROSE_MIN_CHARS:
        assert not menus._is_prose(text)


def test_the_trim_fast_path_is_the_word_character_search() -> None:
    """`str.isalnum` of one character is `WORD_CHARACTER`'s test, for every code point."""
    for code in range(0x110000):
        c = chr(code)
        assert c.isalnum() == bool(widgets.WORD_CHARACTER.match(c)), hex(code)


@given(st.text(st.one_of(st.sampled_from(list("_-.!«» \u0301\u00b2½٣")), st.characters()), max_size=12))
def test_trimmed_edges_are_the_searched_ones(text: str) -> None:
    first = widgets.WORD_CHARACTER.search(text)
    last = widgets.WORD_CHARACTER.search(text[::-1])
    plain = "" if first is None or last is None else text[first.start() : len(text) - last.start()]
    assert widgets._trim_edges(text) == plain


# Letters of many scripts and of newer Unicode than `str` knows (U+1C89, U+A7CB: upper case to `regex`),
# the marks, quotes and what may sit around them.
GLUED = st.text(
    st.one_of(
        st.sampled_from(list(".!?«\"“„‘'(”’ \n\u00a0\u200d@/:_.1")),
        st.sampled_from(list("abzAZéÉßµñÑжЖωΩ\u1c89\u1c8a\ua7cb\ua7cd")),
        st.characters(exclude_categories=["Cs"]),
    ),
    max_size=80,
)


@given(GLUED)
def test_glued_mark_lines_skip_nothing(text: str) -> None:
    """The glued-mark pattern run only on candidate lines finds what it finds over the whole text."""
    found = [(m.span(), m.groups()) for m in spacing._glued_marks(text)]
    assert found == [(m.span(), m.groups()) for m in spacing.GLUED_MARK.finditer(text)]


@pytest.mark.parametrize(
    "text", ["Es war spät.Dann kam er", "a\nthe end.«Next one\nb", "ну вот.Дальше", "x ab.\ua7cbc"]
)
def test_glued_mark_candidates_found(text: str) -> None:
    assert list(spacing._glued_marks(text))


# Tag soup in any case, with raw text, comments, stray end tags and non-ASCII letters in names.
SOUP = st.lists(
    st.sampled_from(
        [
            "<div>",
            "</div>",
            "<DIV>",
            "</Div>",
            "<p>",
            "</p>",
            "<li>",
            "<span>",
            "</span>",
            "<br>",
            "<script>",
            "</script>",
            "<SCRIPT>",
            "<scriptä>",
            "<!--",
            "-->",
            "<diK>",
            "</diK>",
            "<ſpan>",
            "<img>",
            "x",
            "<",
            "ä",
            "<b class='a'>",
            "</b>",
        ]
    ),
    max_size=60,
).map("".join)


@given(SOUP, st.integers(min_value=1, max_value=6))
def test_depth_gate_skips_nothing(page: str, max_depth: int) -> None:
    """Whatever the gate lets through unchanged, the exact walk leaves unchanged too."""
    if not html_module._may_be_deeper(page, max_depth):
        with pytest.MonkeyPatch.context() as m:
            m.setattr(html_module, "_may_be_deeper", lambda html, depth: True)
            assert html_module.limit_depth(page, max_depth) == page


_PLAIN_GATE_TOKEN = re.compile(
    r"<(?:script|style|textarea|title|xmp)\b(?:[^<]++|<(?!/(?:script|style|textarea|title|xmp)))*+"
    r"|<!--(?:[^-]++|-(?!->))*+|<(/?)([a-z][a-z0-9:-]*+)",
    re.IGNORECASE | re.ASCII,
)


def _may_be_deeper_plain(html: str, max_depth: int) -> bool:
    """The depth gate as first written: a flag for the case, a name lowered per tag."""
    depth = 0
    counts = dict.fromkeys(html_module.VOID, -1)
    for slash, name in _PLAIN_GATE_TOKEN.findall(html):
        if not name:
            continue
        name = name.lower()
        open_ = counts.get(name, 0)
        if slash:
            if open_ > 0:
                counts[name] = open_ - 1
                depth -= 1
        elif open_ >= 0:
            counts[name] = open_ + 1
            depth += 1
            if depth > max_depth:
                return True
    return False


@given(SOUP, st.integers(min_value=1, max_value=6))
def test_depth_gate_is_the_plain_gate(page: str, max_depth: int) -> None:
    assert html_module._may_be_deeper(page, max_depth) == _may_be_deeper_plain(page, max_depth)


# -- fast paths give what the plain rule gives -----------------------------------------------------


def _glued_names_plain(word: str, names: frozenset[str]) -> bool:
    """The rule as first written: at each position the longest name that starts there."""
    found, i = 0, 0
    while i < len(word):
        step = next((len(n) for n in sorted(names, key=len, reverse=True) if word.startswith(n, i)), 0)
        if not step:
            return False
        found, i = found + 1, i + step
    return found >= 2


NAMES = sorted(widgets.phrases().social)


@given(st.lists(st.sampled_from([*NAMES, "x", "in", "e", "mail", "face"]), max_size=5).map("".join))
def test_glued_names_pattern_is_the_longest_name_rule(word: str) -> None:
    names = widgets.phrases().social
    assert widgets._glued_names(word, names) == _glued_names_plain(word, names)


def _concept_plain(vocab: extract.Vocabulary, name: str) -> str | None:
    """The vocabulary's rule as first written: a whole name, else each part, else the first prefix."""
    if name in vocab.names:
        return vocab.names[name]
    for part in extract.PARTS.split(name):
        if part in vocab.parts:
            return vocab.parts[part]
        for stem, concept in vocab.prefixes:
            if part.startswith(stem):
                return concept
    return None


STEMS = [stem for stem, _ in extract.vocabulary().prefixes]


@given(st.lists(st.sampled_from([*STEMS, "-", "x", "s", "2", "nav", "ad"]), max_size=4).map("".join))
def test_vocabulary_prefix_pattern_is_the_first_prefix_rule(name: str) -> None:
    vocab = extract.vocabulary()
    assert vocab.concept_of(name) == _concept_plain(vocab, name)
    overlapping = extract.Vocabulary.from_rows([("a", "ab*"), ("b", "a*"), ("c", "ab*"), ("d", "x.y*")])
    assert overlapping.concept_of(name) == _concept_plain(overlapping, name)


@given(st.lists(st.sampled_from(["the", "und", "zzq", "le", "qx", "el", "xyzzy", "de"]), max_size=6))
def test_no_evidence_means_no_scores(words: list[str]) -> None:
    assert lang.no_evidence(words) == (not lang.scores(words))


# -- dates and counters: the patterns are tried only where they can match ----------------------------

# Digits of several scripts (and ones newer than `str` knows: U+1E4F0..), month names and date words,
# white space of every kind (and characters `str.split` splits on that `regex` does not call space).
DATE_LIKE = st.lists(
    st.one_of(
        st.sampled_from(
            ["19", "20", "2024", "1999", "12", "3", "٣", "𞓱", "೨", ".", "/", "-", ",", "h", "T10:00"]
        ),
        st.sampled_from(
            ["Nov", "novembre", "März", "de", "of", "ago", "hours", "vor", "Minuten", "hace", "il y a"]
        ),
        st.sampled_from([" ", "\u00a0", "\u2003", "\t", "\x1c", "\u200b", "\u3000", ""]),
        st.characters(exclude_categories=["Cs"]),
    ),
    max_size=8,
).map("".join)


# Dates, relative times and day-month pairs in the shapes the patterns read, with years in and out of
# 19xx-20xx and spaces of every kind.
DATE_FORMS = st.builds(
    lambda form, d, m, y, space: form.format(d=d, m=m, y=y).replace(" ", space),
    st.sampled_from(
        [
            "{d} {m} {y}",
            "{m} {d}, {y}",
            "{y}-0{d}-1{d}",
            "{d}/1{d}/{y}",
            "{m} {d}",
            "{d}. {m}",
            "{d} {m}",
            "{d} hours ago",
            "vor {d} Minuten",
            "il y a {d} jours",
            "{d}h ago",
            "{d} de {m} de {y}",
            "{d} min read",
            "{d}min read",
            "Lesezeit: {d} Minuten",
            "lectura:{d} min",
            "{d} min de lecture",
        ]
    ),  # fmt: skip
    st.sampled_from(["1", "3", "12", "31", "٣"]),
    st.sampled_from(["Nov", "novembre", "März", "May", "x"]),
    st.sampled_from(["1999", "2024", "1899", "2199", "٢٠٢٤", "99"]),
    st.sampled_from([" ", "\u00a0", "\u2003", "\x1c", "\u200b", ""]),
)


@given(st.one_of(DATE_LIKE, DATE_FORMS), st.sampled_from([None, "en", "de", "fr"]))
def test_date_gates_skip_nothing(text: str, code: str | None) -> None:
    found = (dates.parse(text, code), dates.relative(text), dates.month_day(text), dates.reading_time(text))
    with pytest.MonkeyPatch.context() as m:
        m.setattr(dates, "_may_have_year", lambda t: True)
        m.setattr(dates, "_spaced", lambda t: True)
        opened = (
            dates.parse(text, code),
            dates.relative(text),
            dates.month_day(text),
            dates.reading_time(text),
        )
        assert opened == found


COUNT_LIKE = st.lists(
    st.one_of(
        st.sampled_from(["12", "1.234", "5M+", "٣", "𞓱", "k", "+", " ", "(3)", "followers", "comments"]),
        st.sampled_from(sorted(widgets.phrases().counters)[:20] + NAMES[:10]),
        st.characters(exclude_categories=["Cs"]),
    ),
    min_size=1,
    max_size=5,
).map("".join)


@given(COUNT_LIKE)
def test_counter_gate_skips_nothing(text: str) -> None:
    widget = widgets.widget.__wrapped__  # not the cached one: both runs judge the line
    found = widget(text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(widgets, "_may_count", lambda norm: True)
        assert widget(text) == found


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


LABEL_ROWS = st.lists(
    st.sampled_from([*sorted(widgets.phrases().line)[::11], "share", "sign in", "x", "12", "email", "|"]),
    min_size=1,
    max_size=6,
).map(" ".join)


@given(LABEL_ROWS)
def test_label_row_gate_skips_nothing(text: str) -> None:
    widget = widgets.widget.__wrapped__
    found = widget(text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(widgets, "_label_heads", lambda ph: _Everything())
        assert widget(text) == found


@given(
    st.lists(st.sampled_from(["Home", "»", "/", "-", "::", "News", " ", "\u00a0", "a b"]), max_size=6).map(
        "".join
    )
)
def test_a_breadcrumb_has_three_words_at_least(text: str) -> None:
    text = text.strip()
    doc = Document(text=text + "\n")
    page = boilerplate._Page(doc, [], None)
    if len(text.split()) < 3:
        assert not Boilerplate()._breadcrumb(page, text, PHRASES)


@given(st.text(st.one_of(st.sampled_from(list("\x00\x08\t\n\r\x0e\x1f\x7f\x80\x85<>a")), st.characters())))
def test_c0_test_is_the_control_run_search(text: str) -> None:
    assert layout.has_c0(text) == bool(layout.C0_RUN.search(text))


def test_html_spaces_are_unicode_white_space_but_no_break_spaces() -> None:
    """`html.SPACES` (standard `re`) finds the runs `regex`'s [^\\S\\u00a0\\u202f]+ finds, on every code
    point (each alone, between two letters)."""
    import sys

    import regex

    white = regex.compile(r"[^\S\u00a0\u202f]+")
    chars = "a".join(map(chr, range(sys.maxunicode + 1)))
    assert [m.span() for m in html_module.SPACES.finditer(chars)] == [m.span() for m in white.finditer(chars)]


@given(
    st.text(
        st.one_of(
            st.sampled_from(list(" \t\n\x0b\x1c\x1f\x85\xa0\u2007\u202f\u3000\u200bab")), st.characters()
        )
    )
)
def test_single_spaced_is_the_substitution(text: str) -> None:
    """`html.single_spaced` (split and join when no no-break space is there) gives what the
    substitution of SPACES and a strip give."""
    assert html_module.single_spaced(text) == html_module.SPACES.sub(" ", text).strip()


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><body>a<!--c--><?pi x?><![CDATA[y]]><svg><![CDATA[z]]></svg><p>b</p></body></html>",
        "<body><my-el>c</my-el><x:y>d</x:y><math><mi>q</mi></math><ul><li>i<li>j</ul>t</body>",
    ],
)
def test_only_elements_have_a_tag_that_starts_with_a_letter(page: str) -> None:
    """The text walk (`html._enter`) tells elements by their tag alone: text nodes have "-text", other
    nodes none or one that starts with "-"."""
    tree = html_module.parse(page)
    assert tree.root is not None
    for node in tree.root.traverse(include_text=True):
        tag = node.tag or ""
        assert node.is_text_node == (tag == "-text")
        assert node.is_element_node == (tag[:1].isalpha())


LONG_RUN = "a" * (2 * html_module.MAX_ATTRIBUTES)


@given(
    st.lists(
        st.sampled_from(["<b", "<b ", " x", ">", "<", "</b>", "<!--", LONG_RUN, LONG_RUN[:100], "é"]),
        max_size=12,
    ).map("".join)
)
def test_long_tags_are_the_pattern_matches(page: str) -> None:
    """`_long_tags` searches between far-apart '>' only, and finds what LONG_TAG finds in the page."""
    assert [m.span() for m in html_module._long_tags(page)] == [
        m.span() for m in html_module.LONG_TAG.finditer(page)
    ]


@given(st.text(alphabet="ab>", max_size=60), st.integers(min_value=0, max_value=9))
def test_long_stretches_are_the_long_runs(page: str, longer_than: int) -> None:
    """`_long_stretches` finds, by probing windows, every run without '>' that splitting at '>' finds."""
    runs, start = [], 0
    for piece in page.split(">"):
        if len(piece) > longer_than:
            runs.append((start, start + len(piece)))
        start += len(piece) + 1
    assert list(html_module._long_stretches(page, longer_than)) == runs


NOTICE_PIECES = [
    *list(widgets.phrases().contains)[:40],
    *(w for p in list(widgets.phrases().contains)[:40] for w in p.split(" ")),
]


@given(st.lists(st.sampled_from([*NOTICE_PIECES, " ", "\n", "  ", "x", "’", "Cookies", "lorem", "ipsum"])))
def test_notice_phrases_are_the_phrases_in_the_text(pieces: list[str]) -> None:
    """The inner-word test before the scan skips no phrase the scan alone finds."""
    text = " ".join(pieces)
    ph = widgets.phrases()
    folded = " ".join(text.lower().replace("\u2019", "'").split())
    plain = [p for p in (boilerplate.LOREM, *ph.contains) if p in folded]
    assert boilerplate._notice_phrases(text, ph) == plain


@given(st.text(st.sampled_from(list("aİıßÅé Z1_-'\u0307\u00a0x\n"))))
def test_latin_words_of_a_document_are_its_lowered_runs(text: str) -> None:
    doc = Document(text=text)
    assert " ".join(doc.words()).lower().split() == boilerplate._lowered_words(" ".join(doc.words()))


#: The one pattern `text.code_words` ran over the whole text before it searched the stretches around its hints.
WHOLE_TEXT_CODE = __import__("regex").compile(
    r"(?<!\S)\S*?(?:[^\W_]\(|[^\W_][=\\_@#`|~<>{}\[\]]|[=\\_@#`|~<>{}\[\]][^\W_]|\$[^\W\d_]"
    r"|[^\W\d_]/[^\W_]|(?<!\S)/[^\W_]"
    r"|[^\W_][.,:]+(?=[^\W_])(?![^\W\d_]*\p{Lu}))\S*"
)
CODE_ALPHABET = st.sampled_from(list("ab Z1_(=$/.,:@#{}[]<>|~`\\ \n\t\x1c\u00a0\u2028é9-"))


@given(st.lists(CODE_ALPHABET, max_size=40).map("".join))
def test_code_words_stretch_by_stretch_is_the_whole_text_pattern(text: str) -> None:
    from cleanmedia.document import LETTER_RUN
    from cleanmedia.text import code_words

    expected = {w for m in WHOLE_TEXT_CODE.finditer(text) for w in LETTER_RUN.findall(m.group())}
    assert code_words(text) == expected


def test_code_words_finds_each_kind() -> None:
    from cleanmedia.text import code_words

    text = "Run fromdos(1) on /usr/bin with ro,nodev,noexec and $HOME; $40/user; the road.However main.cf"
    assert code_words(text) == {"fromdos", "usr", "bin", "ro", "nodev", "noexec", "HOME", "main", "cf"}


META_PIECES = [
    '<meta name="author" content="a">',
    '<meta NAME="Author" content="b">',
    '<meta property="og:title" content="c">',
    '<meta property="OG:title" content="d">',
    '<meta itemprop="datePublished" content="2024-01-02">',
    '<meta itemprop="datepublished" content="e">',
    '<meta name="date">',
    '<meta name="date" name="author" content="f">',
    '<svg><meta name="author" content="g"></svg>',
    "<p>text</p>",
    '<link rel="Canonical" href="h">',
]
META_SELECTORS = [
    'meta[name="author"]',
    'meta[property="og:title"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'link[rel="canonical"]',
]


@given(st.lists(st.sampled_from(META_PIECES), max_size=8).map("".join))
def test_first_meta_is_the_query(page: str) -> None:
    """`html._first_meta` (one query of the meta tags, values compared in Python) finds the element
    Lexbor's own query of each selector finds."""
    tree = html_module.parse(page)
    metas = [node.attributes for node in tree.css("meta")]
    for selector in META_SELECTORS:
        node = tree.css_first(selector)
        expected = node.attributes if node is not None else None
        assert html_module._first_meta(metas, selector, tree) == expected


@given(st.text(st.one_of(st.sampled_from(list("aAzZ09-_ İß")), st.characters()), max_size=12))
def test_split_name_fast_path_is_the_substitution(name: str) -> None:
    """`extract.split_name` lowers a name without capitals or digits as it is: the substitution has
    no place to split there."""
    assert extract.split_name.__wrapped__(name) == extract.CASE_CHANGE.sub("-", name).lower()


@given(
    st.lists(
        st.sampled_from(
            ["Home", "»", "/", "-", "–", "—", "::", ":", "News", " ", "\u00a0", "a b", "→", "|", "."]
        ),
        max_size=8,
    ).map("".join)
)
def test_breadcrumb_gate_skips_nothing(text: str) -> None:
    doc = Document(text=text + "\n")
    page = boilerplate._Page(doc, [], None)
    found = Boilerplate()._breadcrumb(page, text, PHRASES)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(boilerplate, "BREADCRUMB_MARKS", frozenset())
        assert Boilerplate()._breadcrumb(page, text, PHRASES) == found


CODE_LINE_ALPHABET = st.sampled_from(
    [*'"{});=&|!> \n\tab:1[-\x1c\u00a0', "true", "null", "false", '"k":', '"key": ']
)


@given(st.lists(CODE_LINE_ALPHABET, max_size=40).map("".join))
def test_code_line_matches_are_the_whole_text_scan(text: str) -> None:
    from cleanmedia.text import CODE_LINE, _code_line_matches

    assert [m.span() for m in _code_line_matches(text)] == [m.span() for m in CODE_LINE.finditer(text)]
