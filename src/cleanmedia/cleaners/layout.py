"""Characters and layout: invisible controls out, one space between words, one block per line.

Output layout: blocks (headings, paragraphs, list items) are lines separated by one blank line,
consecutive list items by a single newline, and the text ends with one newline.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from heapq import merge
from itertools import accumulate, pairwise
from operator import itemgetter

import regex

from cleanmedia import encoding, lang, resources
from cleanmedia.budget import paced
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit, Shared, coalesce_spans
from cleanmedia.text import BULLET, FENCED_BLOCKS, is_list_item, pipe_table_rows

#: C0 controls, zero-width and bidi formatting characters, BOM, soft hyphen, lone surrogates. ZWJ/ZWNJ stay:
#: scripts and emoji need them. C1 controls (NEL U+0085 included: it is "…" of Windows-1252 far more often
#: than a line break) are left to `mojibake`, and so is a soft hyphen that is a byte of mojibake ftfy
#: did not repair ("Ã\u00ad", UTF-8 "í" read as Latin-1): removing it would destroy the evidence.
CONTROL = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
    r"\ud800-\udfff]+"
)
LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029]")
#: Every character Controls may change, for one fast scan that skips clean text.
CONTROL_OR_BREAK = re.compile(CONTROL.pattern[:-2] + r"\r\x0b\x0c\u2028\u2029]")
#: A terminal's escape sequence (ECMA-48 CSI: ESC, "[", parameters, a final letter: colours, "\x1b[31m"),
#: from a log or a console copied into a text: the ESC alone would go and leave "[31m" in the words.
ANSI_ESCAPE = r"\x1b\[[0-9;?]*[A-Za-z]"
BREAK_OR_CONTROL = re.compile(
    f"(?P<line_break>{LINE_BREAK.pattern})|(?P<ansi>{ANSI_ESCAPE})|(?P<control>{CONTROL.pattern})"
)
#: A run of horizontal white space (anything \s but the newline).
SPACE_RUN = regex.compile(r"[^\S\n]+")
KEEP_SPACES = {" ", "\u00a0", "\u202f"}
#: Typographic bullets a list item may start with (normalised to "• ").
BULLETS = "\u2022\u25e6\u25aa\u25cf\u2023\u25b8\u25ba\u25b6\u25a0\u2043\u00b7"
#: A line the layout must change: indentation, trailing space, a run of spaces, a space other than a
#: plain or no-break one, a bullet.
LINE_PROBLEM = re.compile(
    rf"^[^\S\n]|[^\S\n]$|[^\S\n]{{2,}}|[^\S \n\u00a0\u202f]|^[{BULLETS}*]",
    re.MULTILINE,
)
#: A separator that may need changing: a single newline (right only between list items), white space on
#: a blank line, three newlines or more, or a blank line before a list item (wrong between two items).
ODD_SEPARATOR = re.compile(
    r"(?<!\n)\n(?![^\S\n]*\n)|\n(?:[^\S\n]*\n)*(?:[^\S\n]+\n|\n\n)(?:[^\S\n]*\n)*"
    rf"|\n\n(?=[\u2022*\-]\s|\d{{1,3}}[.)]\s|[^\S\n]*[{BULLETS}])"
)
#: Typographic bullets (and "* ") at the start of a line become "• ".
BULLET_START = regex.compile(rf"^[^\S\n]*(?:[{BULLETS}]|\*(?=\s))[^\S\n]*")


class Controls(Cleaner):
    """Removes invisible control characters and turns every line-break convention into \\n."""

    name = "controls"
    reasons = ("layout.",)
    settles = True

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        return coalesce_spans(doc.text, _control_spans(doc.text))


def _control_spans(text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, after, reason, detail) of each change, in text order: plain tuples, made into
    edits only once coalesced (a text of a million controls makes a million of them)."""
    if not CONTROL_OR_BREAK.search(text):
        return
    ascii_text = text.isascii()
    last = len(text)
    for m in paced(BREAK_OR_CONTROL.finditer(text), "removing controls"):  # one scan, in text order
        start, end = m.span()
        if m.lastgroup == "line_break":
            yield start, end, "\n", "layout.line_break", "line break normalised to \\n"
            continue
        if m.lastgroup == "ansi":
            yield start, end, "", "layout.control", "terminal escape sequence"
            continue
        run = m.group()
        if not ascii_text and "\u00ad" in run:
            for s, e in _outside_mojibake(text, start, end):
                yield s, e, "", "layout.control", "invisible control character"
        elif (
            start > 0
            and end < last
            and text[start - 1].isalnum()
            and text[end].isalnum()
            and C0.issuperset(run)
        ):  # a run of C0 controls between two words ("a\x00b"): removed, it would join them
            yield start, end, " ", "layout.control", "control character between two words"
        else:
            yield start, end, "", "layout.control", "invisible control character"


def without_controls(text: str) -> str:
    """`text` with its runs of C0 controls as the controls step leaves them (out, or a space between two
    words): what decides whether a text is HTML, so that the decision is the same on a clean's output,
    which has none ("<\\x00/div>" is an end tag once its NUL went). Only C0 controls: the other
    characters that step removes (lone surrogates) may become U+FFFD in the mojibake step before it,
    and a tag test reads either as the same non-letter."""
    if "<" not in text or not has_c0(text):  # no tag, or nothing that could hide one
        return text
    return C0_RUN.sub(lambda m: " " if _between_words(text, m.start(), m.end()) else "", text)


def has_c0(text: str) -> bool:
    """Whether `text` holds a C0 control or DEL (`C0`). One `in` test per character, each a C scan at
    memchr speed: eight times cheaper than a character-class search on a page (this runs on every
    HTML page, 0.4 MB for some, before extraction)."""
    return any(c in text for c in C0_CHARS)


def _between_words(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


#: A run of C0 controls and DEL.
C0_RUN = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")
#: C0 controls and DEL: in text they stand where a separator was lost (a NUL between two fields), unlike
#: the zero-width and formatting characters, which sit inside words and go without a trace.
C0 = frozenset(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F))
C0_CHARS = tuple(sorted(C0))


def _outside_mojibake(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of the control run text[start:end] to remove: all of it but the soft hyphens that are
    a continuation byte of mojibake (after a lead character of the same charset, in a token that still
    reads as UTF-8 through it)."""
    for i in range(start, end):
        if _mojibake_byte(text, i):
            if i > start:
                yield start, i
            start = i + 1
    if start < end:
        yield start, end


def _mojibake_byte(text: str, i: int) -> bool:
    if text[i] != "\u00ad" or not i or text[i - 1] + "\u00ad" not in encoding.PAIRS:
        return False
    return encoding.suspect(text[slice(*encoding.token_at(text, i, i + 1))])


#: A change as the layout finds it, (start, end, after, reason, detail): an `Edit` is made only once
#: changes are coalesced (`coalesce_spans`), so that a text of short lines makes few objects.
Span = tuple[int, int, str, str, str]


def _removal(start: int, end: int, reason: str, detail: str) -> Span:
    return start, end, "", reason, detail


class Layout(Cleaner):
    """White space inside lines, bullets, and the separators between blocks."""

    settles = True
    reasons = ("layout.",)

    def __init__(self, name: str = "layout") -> None:
        self.name = name

    def edits(self, doc: DocumentView) -> list[Edit]:
        # Shared by both layout steps: when nothing changed the text between them (most clean text),
        # the final layout costs a dictionary lookup.
        return doc.cached(LAYOUT, doc.lang)


def _layout_edits(doc: DocumentView, code: str | None) -> Iterator[Span]:
    text = doc.text
    body_start = len(text) - len(text.lstrip())
    if body_start == len(text):
        if text:
            yield _removal(0, len(text), "layout.empty", "no text")
        return
    # Only lines that need it are looked at: most text is already laid out (and the final layout
    # pass always is), so a cheap test per line (str methods, no regex) comes first.
    rows = text.split("\n")
    head_end = text.rfind("\n", 0, body_start) + 1
    if head_end:
        yield _removal(0, head_end, "layout.separator", "leading blank lines")
    last_end = text.find("\n", len(text.rstrip()))
    last_end = len(text) if last_end < 0 else last_end
    tables = tab_table_rows(rows) if "\t" in text else frozenset()
    if "|" in text:
        tables |= pipe_table_starts(rows)
    separators = (
        _separators(doc, head_end, last_end, _wrap_width(rows, code), code, tables)
        if _may_have_odd_separators(rows)
        else ()
    )
    spans = merge(_lines(doc, rows, tables), separators, key=itemgetter(0))  # in text order
    fenced = doc.cached(FENCED_BLOCKS)
    starts = [start for start, _ in fenced]
    yield from (span for span in spans if not _inside(span[0], starts, fenced)) if fenced else spans
    if text[last_end:] != "\n":
        yield (last_end, len(text), "\n", "layout.separator", "one final newline")


def _inside(at: int, starts: list[int], fenced: tuple[tuple[int, int], ...]) -> bool:
    """Whether `at` is inside a code block (`text.code_blocks`, their `starts`: fenced, from its opening
    fence, or indented, from its first line's indentation): the lines of a code example keep their
    indentation and their single newlines. One bisect (the blocks are in text order and apart): a
    text of thousands of blocks stays linear."""
    k = bisect_right(starts, at) - 1  # the last block opening at or before `at`
    return k >= 0 and at < fenced[k][1]


def _lines(doc: DocumentView, rows: list[str], tables: frozenset[int]) -> Iterator[Span]:
    start = 0
    for row in paced(rows, "laying out the lines"):
        if start in tables:
            yield from _table_row_edits(start, row)
        elif row.strip() and _may_need_layout(row) and LINE_PROBLEM.search(row):
            yield from _line_edits(doc, start, row)
        start += len(row) + 1


#: How many lines in a row a tab-separated table has at least.
TABLE_ROWS = 2


def tab_table_rows(rows: list[str]) -> frozenset[int]:
    """The start offsets (in the text the `rows` were split from, on "\\n") of the rows of tab-separated
    tables: runs of at least `TABLE_ROWS` consecutive lines that hold the same number of tabs, one or
    more (a TSV table, columns copied from a spreadsheet). Their tabs separate columns and stay, and so
    do the single newlines between them; a tab anywhere else is stray white space, made one space."""
    starts = []
    offset = 0
    for row in rows:
        starts.append(offset)
        offset += len(row) + 1
    found: list[int] = []
    i = 0
    while i < len(rows):
        tabs = rows[i].count("\t")
        j = i
        while tabs and j + 1 < len(rows) and rows[j + 1].count("\t") == tabs and rows[j + 1].strip():
            j += 1
        if j + 1 - i >= TABLE_ROWS and rows[i].strip():
            found += starts[i : j + 1]
        i = j + 1
    return frozenset(found)


def pipe_table_starts(rows: list[str]) -> frozenset[int]:
    """The start offsets (as `tab_table_rows`) of the rows of pipe tables (`text.pipe_table_rows`: a
    Markdown table, or rows an earlier extraction wrote with " | " between cells): the single newlines
    between them stay, so that the table stays one block."""
    starts = list(accumulate((len(row) + 1 for row in rows[:-1]), initial=0))
    return frozenset(
        starts[i]
        for first, last in pipe_table_rows([r.strip() for r in rows])
        for i in range(first, last + 1)
    )


def _table_row_edits(start: int, row: str) -> Iterator[Span]:
    """A table row's white space: its tabs stay, where they are (an empty cell is two tabs, or one at
    an end), spaces beside a tab go, and other runs of spaces are made one, as on any line."""
    for run in SPACE_RUN.finditer(row):
        s, e = run.span()
        tabs = run.group().count("\t")
        if tabs:
            if tabs != e - s:
                yield (start + s, start + e, "\t" * tabs, "layout.space", "spaces beside a column's tab")
        elif s == 0:
            yield _removal(start, start + e, "layout.space", "indentation")
        elif e == len(row):
            yield _removal(start + s, start + e, "layout.space", "trailing space")
        elif run.group() not in KEEP_SPACES:
            yield (start + s, start + e, " ", "layout.space", "one space between words")


def _separators(
    doc: DocumentView,
    head_end: int,
    last_end: int,
    wrap: int | None,
    code: str | None,
    tables: frozenset[int],
) -> Iterator[Span]:
    text = doc.text
    for m in paced(ODD_SEPARATOR.finditer(text, head_end, last_end), "checking the separators"):
        s, e = m.span()
        before_start = text.rfind("\n", 0, s) + 1
        if m.group() == "\n" and before_start in tables and e in tables:
            continue  # two rows of one table: one newline, as the table had
        before = text[before_start:s]
        after_end = text.find("\n", e)
        after = text[e : len(text) if after_end < 0 else after_end]
        if wrap and m.group() == "\n" and _wrapped(before, after, wrap):
            if before[-2:-1].isalpha() and before[-1:] == "-":
                word = _hyphenated_word(before[:-1], after, code)
                if word:  # "je-" + "doch": the hyphen of the wrap goes too
                    detail = f"a word hyphenated at a wrap of {wrap} characters joined: {word!r} is a word"
                    yield (s - 1, e, "", "layout.unwrap", detail)
                else:  # "well-" + "known": a hyphenated compound, its hyphen stays
                    yield (s, e, "", "layout.unwrap", f"a line wrapped at {wrap} characters joined")
                continue
            yield (s, e, " ", "layout.unwrap", f"a line wrapped at {wrap} characters joined")
            continue
        want = "\n" if _list_line(before) and _list_line(after) else "\n\n"
        if m.group() != want:
            yield (s, e, want, "layout.separator", "one blank line between blocks")


#: A hard-wrapped text: its lines that go on without a blank line (list items aside) are at least this share within
#: WRAP_SLACK characters of the longest, which is between WRAP_MIN and WRAP_MAX characters (mail,
#: plain-text archives and terminals wrap at 60-80), and this share of them go on with a lower-case word.
WRAP_MIN, WRAP_MAX, WRAP_SLACK, WRAP_FULL, WRAP_GOES_ON, WRAP_LINES = 40, 100, 20, 0.6, 0.4, 3


#: Where nouns take capitals, lines ending on an open word count as going on only in prose: this share
#: of the lines has a sentence end inside it (`INNER_STOP`: a mark, a space, a capital).
WRAP_INNER_STOPS = 0.25
INNER_STOP = regex.compile(r"[.!?] \p{Lu}")


def _wrap_width(rows: list[str], code: str | None = None) -> int | None:
    """The width the text was hard-wrapped at, or None when it is not hard-wrapped. Without it, every
    line of a wrapped paragraph would become a paragraph of its own; with it, only lines that fill the
    width are joined to the next (a short line ends its paragraph or is a line of an address or a list).
    Stops at the first line wider than any wrap: web text has such lines. Where nouns take capitals
    (`code`'s profile), a line also goes on when it ends on a word that ends no sentence (`_open_end`):
    half the lines of a wrapped German text start with a noun. That reading needs prose: a sentence
    ending inside `WRAP_INNER_STOPS` of the lines (a list of headlines ending on a participle has none)."""
    widths = []
    goes_on = 0
    nouns = code is not None and resources.profile(code).capitalises_nouns
    stop = resources.stopwords(code) if nouns else frozenset()
    open_ends = inner_stops = 0
    for row, following in paced(pairwise(rows), "measuring the wrap"):
        if not row or not following:
            continue
        width = len(row.rstrip())
        if width > WRAP_MAX:
            return None
        if following.strip() and not (_list_line(row) or _list_line(following)):
            widths.append(width)
            goes_on += following.lstrip()[:1].islower()
            open_ends += nouns and _open_end(row, stop)
            inner_stops += bool(INNER_STOP.search(row))
    if len(widths) < WRAP_LINES:
        return None
    if inner_stops >= WRAP_INNER_STOPS * len(widths):  # prose: a sentence ends inside its lines
        goes_on = max(goes_on, open_ends)
    width = max(widths)
    full = sum(width - WRAP_SLACK <= w for w in widths)
    if width < WRAP_MIN or full < WRAP_FULL * len(widths) or goes_on < WRAP_GOES_ON * len(widths):
        return None
    return width


def _open_end(row: str, stop: frozenset[str]) -> bool:
    """Whether `row` ends on a word that leaves its sentence open, in a language whose nouns take
    capitals: a word in lower case (a verb, an adjective: "zum kommenden", "kleinem"), or a function word
    in any case ("des", "Die"). A heading or a sentence's end ends on a noun or a mark."""
    m = LETTERS_AT_END.search(row.rstrip())
    if m is None:
        return False
    word = m.group()
    return word[0].islower() or word.lower() in stop


def _wrapped(before: str, after: str, width: int) -> bool:
    """Whether the break between two lines of a hard-wrapped text is a wrap: the line before fills the
    width and neither line is a list item or a bullet."""
    return (
        len(before.rstrip()) >= width - WRAP_SLACK
        and not _list_line(before)
        and not _list_line(after)
        and bool(after.strip())
    )


def _line_edits(doc: DocumentView, start: int, line: str) -> Iterator[Span]:
    body_start = 0
    m = BULLET_START.match(line)
    if m and m.end() < len(line):
        if m.group() != BULLET + " ":
            yield (start, start + m.end(), BULLET + " ", "layout.bullet", "bullet normalised")
        body_start = m.end()
    body_end = len(line.rstrip())
    for run in SPACE_RUN.finditer(line, body_start):
        s, e = run.span()
        if s == 0 and body_start == 0:
            yield _removal(start, start + e, "layout.space", "indentation")
        elif e == len(line) or s >= body_end:
            yield _removal(start + s, start + e, "layout.space", "trailing space")
        elif run.group() not in KEEP_SPACES:
            yield (start + s, start + e, " ", "layout.space", "one space between words")


#: The layout edits of the current text, shared by both layout steps.
#: Coalesced as they come, in text order: a text of short lines makes as many edits as lines.
LAYOUT: Shared[[str | None], list[Edit]] = Shared(
    "layout", lambda doc, code: list(coalesce_spans(doc.text, _layout_edits(doc, code)))
)


def _hyphenated_word(head: str, tail: str, code: str | None) -> str | None:
    """The word a wrap hyphenated ("je-" / "doch" -> "jedoch"), when it is a common word of the text's
    language (`MIN_DEHYPHENATED_ZIPF`) and the part after the break is in lower case; None otherwise ("well-" /
    "known" is a compound: "wellknown" is no word), and always without a language."""
    left = LETTERS_AT_END.search(head)
    right = LETTERS_AT_START.match(tail)
    if code is None or left is None or right is None or not right.group()[0].islower():
        return None
    word = left.group() + right.group()
    return word if lang.zipf(word, code) >= MIN_DEHYPHENATED_ZIPF else None


#: A word joined across a wrap's hyphen must be this common (zipf): web lexicons hold the traces of
#: compounds written closed now and then ("wellknown" 1.6, "longterm" 2.8), not common words.
MIN_DEHYPHENATED_ZIPF = 3.0


LETTERS_AT_END = regex.compile(r"\p{L}+$")
LETTERS_AT_START = regex.compile(r"\p{L}+")


BULLET_FIRST = frozenset(BULLETS + "*")
NO_BREAK = frozenset("\u00a0\u202f")
#: Two white-space characters in a row, one of them a no-break space: a run to make one space.
SPACE_PAIRS = tuple(a + b for a in " \u00a0\u202f" for b in " \u00a0\u202f" if NO_BREAK & {a, b})


def _may_need_layout(row: str) -> bool:
    """False when the line certainly has single spaces only (no-break spaces alone between words are
    right) and no bullet to normalise: a test with str methods, no regex."""
    if row[0] in BULLET_FIRST:
        return True
    if "\u00a0" in row or "\u202f" in row:
        if row[0] in NO_BREAK or row[-1] in NO_BREAK or any(pair in row for pair in SPACE_PAIRS):
            return True
        row = row.replace("\u00a0", "_").replace("\u202f", "_")
    return " ".join(row.split()) != row


def _may_have_odd_separators(rows: list[str]) -> bool:
    """False when every separator is certainly right: no white-space-only line, no run of blank lines,
    a single newline only between two list items, no blank line between two list items."""
    previous, before_blank = "", ""
    for row in rows:
        if row:
            if not row.strip() or row[0].isspace():
                return True
            if previous and not (is_list_item(previous) and is_list_item(row)):
                return True
            if not previous and before_blank and is_list_item(before_blank) and is_list_item(row):
                return True
        elif not previous:
            return True  # a run of blank lines (or a blank line first)
        else:
            before_blank = previous
        previous = row
    return False


#: What a list item's first character may be (after white space): `_list_line` asks the regexes only then.
LIST_FIRST = frozenset(BULLETS + "*-\u2022")


def _list_line(line: str) -> bool:
    """`is_list_item(_lstrip(line))`, with a test of the first character first (no regex, no copy for
    most lines: this runs on every line of a text of short lines)."""
    first = line[:1]
    if first.isspace():
        first = line.lstrip()[:1]
    if not first or (first not in LIST_FIRST and not first.isdigit()):
        return False
    return is_list_item(_lstrip(line))


def _lstrip(line: str) -> str:
    m = BULLET_START.match(line)
    return BULLET + " " + line[m.end() :] if m and m.end() < len(line) else line.lstrip()
