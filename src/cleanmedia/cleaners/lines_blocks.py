"""Blocks of page furniture found by their repeated units: teaser lists and comment threads.

A line model judges one line with a few neighbours; some furniture is only visible as a block. A list
of related articles is a run of *units* of the same shape, a title and perhaps a date, a label or a
one-sentence summary, repeated; a comment thread is a run of headers (a name, a date, "reply") each
followed by a little prose. Line by line their titles look like headings and their summaries like
prose, so the guards of `lines.kept` hold them; over such a block (and only there) the guards are
relaxed and the block's own threshold applies to the model's score (`lines.decide`).

Shapes only, never words (no word list of any language): each line gets a class from its length, its
sentence end, its digits, its first letter and the first letter of the next line, and a block is a stretch of the class sequence that repeats with a period of one
to `MAX_PERIOD` lines at least `MIN_UNITS` times, a title in each unit. An article's own lists are
not such blocks: bulleted and numbered items, items introduced by a colon, and fragments of a
paragraph cut at its links (the next fragment opens in lower case or with a comma) get no class; and a
run whose titles count up one by one ("1st stage: ...", "Stage 2: ...", a schedule, a set of steps) is
a numbered list the article wrote, and a run whose titles open with one speaker's or label's colon
("Q: ...", "Frage: ...") an interview or a FAQ, not teasers. A comment's header has a name (a label)
before its date: dated entries without one are a live blog or a timeline.

Pure functions of the lines' texts: the same lines, the same blocks (idempotence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

#: Line classes. A date: up to 6 words with a digit and no sentence end (a date, a time, a counter). A
#: label: 1-3 words (a category, a name, "reply", "Maria S."). A title: 4-20 words, no full stop (a
#: question or an exclamation may end it), opening with a capital or a digit, the next line not going
#: on with its sentence (`_continues`). A summary: a sentence of 4-35 words opening with a capital.
#: Prose: a longer sentence.
TITLE, LABEL, DATE, SUMMARY, PROSE, OTHER = "T", "L", "D", "S", "P", "X"
NAMES = {TITLE: "title", LABEL: "label", DATE: "date", SUMMARY: "summary", PROSE: "text"}
TITLE_WORDS = (4, 20)
LABEL_WORDS = 3
DATE_WORDS = 6
SUMMARY_WORDS = (4, 35)
#: A block repeats its unit at least this often (the issue's "3+ times"), with a unit of 1 to
#: `MAX_PERIOD` lines.
MIN_UNITS, MAX_PERIOD = 3, 4
#: A comment's body: 1 to `BODY_LINES` lines between two headers, of these classes, not only labels (a
#: comment without a full stop or a question has a title's shape). Never prose (a sentence of more than
#: `SUMMARY_WORDS`): an article's paragraphs between dated lines are no comments; a long comment stays.
BODY_LINES = 6
BODY = frozenset((SUMMARY, TITLE, LABEL))
#: A comment's header has a date or a time: at least two runs of digits ("12 March 2024", "14:05").
HEADER_DIGIT_RUNS = 2
DIGIT_RUN = re.compile(r"\d+")
#: Marks a teaser's title may open with (bullets of links, quotes, arrows).
LEAD = "\u00bf\u00a1\"'\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019\u203a\u2022\u00b7*#>|-\u2013\u2014 "
CLOSERS = "\"'\u201d\u00bb)]"
#: A counter in a title's first two words ("1st", "Stage 2:", "3."): a run of digits.
COUNTER = re.compile(r"\d+")
#: A speaker's or a label's colon after a line's first word (a thin or plain space before it in French).
COLON_HEAD = re.compile(r"\s*([^\s:]+)[ \u00a0\u202f]?:(?:\s|$)")


@dataclass(frozen=True)
class LineShape:
    """What the block detector reads of a line: its text (stripped), its words, whether it ends a
    sentence, and whether it is marked as a list item or ends with a colon (`lines.features`)."""

    text: str
    words: int
    ends: bool
    marked: bool


class Block(NamedTuple):
    """A line's block: its first line (the block's identity) and its description
    ("teaser list: 6 units of title + date")."""

    start: int
    why: str


def line_class(line: LineShape) -> str:
    """The line's class (`TITLE` ... `OTHER`, module docstring), from the line alone."""
    text, words, ends = line.text, line.words, line.ends
    if line.marked or not words:
        return OTHER
    if not ends and words <= DATE_WORDS and any(map(str.isdigit, text)):
        return DATE
    if words <= LABEL_WORDS:
        return LABEL
    first = text.lstrip(LEAD)[:1]
    opens = first.isdigit() or (first.isalpha() and not first.islower())
    if not opens:
        return OTHER
    headline = not ends or text.rstrip(CLOSERS)[-1:] in "?!"
    if headline and TITLE_WORDS[0] <= words <= TITLE_WORDS[1]:
        return TITLE
    if ends and SUMMARY_WORDS[0] <= words <= SUMMARY_WORDS[1]:
        return SUMMARY
    return PROSE if ends else OTHER


def _continues(text: str) -> bool:
    """Whether a line goes on with the sentence of the line before it: it opens in lower case or with
    punctuation that cannot open a sentence (the rest of a paragraph cut at a link)."""
    first = text[:1]
    return first.islower() or first in ",.;:)]"


def _unit_name(unit: str) -> str:
    return " + ".join(NAMES[c] for c in unit)


def counter(text: str) -> int | None:
    """The number a line counts with, in its first two words ("2nd stage: ..." and "Stage 2: ..." ->
    2), or None."""
    for token in text.split()[:2]:
        found = COUNTER.match(token)
        if found:
            return int(found.group())
    return None


def colon_head(text: str) -> str:
    """A line's first word when a colon follows it (a speaker or a label: "Q:", "Frage:", French
    "Question :"), else ""."""
    found = COLON_HEAD.match(text)
    return found.group(1) if found else ""


def _interview(heads: Sequence[str], titles: list[int]) -> bool:
    """Whether half the titles at indexes `titles` or more open with one colon head (`colon_head`)."""
    found = [heads[i] for i in titles if heads[i]]
    return bool(found) and 2 * max(map(found.count, set(found))) >= len(titles)


def _numbered(counters: Sequence[int | None], titles: list[int]) -> bool:
    """Whether the titles at indexes `titles` count up one by one (an article's numbered list)."""
    numbers = [counters[i] for i in titles]
    pairs = zip(numbers, numbers[1:], strict=False)
    return all(a is not None and b is not None and b == a + 1 for a, b in pairs)


def teaser_lists(
    classes: Sequence[str], counters: Sequence[int | None] | None = None, heads: Sequence[str] | None = None
) -> dict[int, Block]:
    """Lines (indexes into `classes`) in a teaser list: a stretch whose classes repeat with a period of
    1 to `MAX_PERIOD` lines, at least `MIN_UNITS` times, each unit of distinct classes with a title and
    no prose, mapped to the block's description ("teaser list: 6 units of title + date"). With the
    lines' `counters` (`counter`), a stretch whose titles count up is no teaser list (`_numbered`), nor
    with their `heads` (`colon_head`) one whose titles open with one speaker's colon (`_interview`).
    Shorter periods are tried first; a line is in one block at most."""
    n = len(classes)
    found: dict[int, Block] = {}
    for k in range(1, MAX_PERIOD + 1):
        i = 0
        while i + k <= n:
            unit = "".join(classes[i : i + k])
            if TITLE not in unit or OTHER in unit or PROSE in unit or len(set(unit)) < k or i in found:
                i += 1
                continue
            j = i + k
            while j < n and classes[j] == classes[j - k] and j not in found:
                j += 1
            units = (j - i) // k
            titles = [m for m in range(i, i + units * k) if classes[m] == TITLE]
            if (
                units < MIN_UNITS
                or (counters is not None and _numbered(counters, titles))
                or (heads is not None and _interview(heads, titles))
            ):
                i += 1
                continue
            block = Block(i, f"teaser list: {units} units of {_unit_name(unit)}")
            for m in range(i, i + units * k):
                found[m] = block
            i += units * k
    return found


def comment_threads(classes: Sequence[str], dated: set[int] | frozenset[int]) -> dict[int, Block]:
    """Lines in a comment thread: at least `MIN_UNITS` headers (a date line, after at least as many
    labels as the first header has, up to two: a name, a title) each followed by a body of 1 to
    `BODY_LINES` lines (`BODY`); mapped to the block's description. A header is a `DATE` line among
    `dated` (the lines with a date or a time). The body after the last header is its lines that are no
    label, then one label ("reply"), at most `BODY_LINES` lines."""
    n = len(classes)
    dates = [i for i, c in enumerate(classes) if c == DATE and i in dated]

    def labels_before(i: int) -> int:
        k = 0
        while i - k - 1 >= 0 and classes[i - k - 1] == LABEL:
            k += 1
        return k

    def body(a: int, b: int) -> bool:
        part = classes[a:b]
        return all(c in BODY for c in part) and any(c != LABEL for c in part)

    found: dict[int, Block] = {}
    start = 0
    while start < len(dates):
        heads = [dates[start]]
        lead = min(labels_before(dates[start]), 2)
        if not lead:  # no name before the date: a live blog's or a timeline's entries
            start += 1
            continue
        for d in dates[start + 1 :]:
            gap_end = d - lead  # a label before the header's own ones ends the last body ("reply")
            if (
                labels_before(d) < lead
                or not body(heads[-1] + 1, gap_end)
                or gap_end - heads[-1] - 1 > BODY_LINES
            ):
                break
            heads.append(d)
        if len(heads) >= MIN_UNITS:
            end = heads[-1] + 1
            while end < n and end - heads[-1] <= BODY_LINES and classes[end] in BODY - {LABEL}:
                end += 1
            end += end < n and classes[end] == LABEL
            unit = ["label"] * lead + ["date", "text"]
            block = Block(heads[0] - lead, f"comment thread: {len(heads)} units of {' + '.join(unit)}")
            for m in range(heads[0] - lead, end):
                found.setdefault(m, block)
            start += len(heads)
        else:
            start += 1
    return found


def furniture_blocks(lines: Sequence[LineShape]) -> dict[int, Block]:
    """Lines in a teaser list or a comment thread, each mapped to its block's description (a teaser
    list first when a line is in both)."""
    classes = [line_class(line) for line in lines]
    for i, line in enumerate(lines[1:]):
        if classes[i] == TITLE and _continues(line.text):
            classes[i] = OTHER  # a paragraph cut at a link: not a title
    dated = {i for i, line in enumerate(lines) if len(DIGIT_RUN.findall(line.text)) >= HEADER_DIGIT_RUNS}
    counters = [counter(line.text) for line in lines]
    heads = [colon_head(line.text) for line in lines]
    return {**comment_threads(classes, dated), **teaser_lists(classes, counters, heads)}
