"""Small text helpers shared by cleaners: line spans, words, list items, sentence ends."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from cleanmedia.document import Shared

BULLET = "\u2022"
LIST_ITEM = re.compile(r"^(?:[\u2022\-*]\s|\d{1,3}[.)]\s)")
DIGIT = re.compile(r"\d")
#: Punctuation that closes or splits a sentence, anywhere in a line.
SENTENCE_PUNCT = re.compile(r"[.!?;]")
#: What may close a sentence after its final mark: quotes and brackets.
SENTENCE_CLOSERS = "\"'\u201d\u00bb)]"


@dataclass(slots=True)
class Line:
    """A line of text and where it sits (`end` excludes the newline). Read-only by convention, not
    frozen: a text is cut into lines for every cleaner that reads them, and a frozen dataclass costs
    four times as much to make."""

    index: int
    start: int
    end: int
    text: str
    stripped: str  # without white space at its ends: what most cleaners read


def lines(text: str) -> Iterator[Line]:
    start = 0
    for index, raw in enumerate(text.split("\n")):
        yield Line(index, start, start + len(raw), raw, raw.strip())
        start += len(raw) + 1


def blocks(text: str) -> list[Line]:
    """The non-empty lines: after layout, each is a heading, paragraph or list item."""
    return [ln for ln in lines(text) if ln.stripped]


def removal_spans(text: str, blocks_: list[Line], remove: set[int]) -> dict[int, tuple[int, int]]:
    """For each block index in `remove`, the span that deletes it with one separator.

    Spans never overlap, and what remains keeps the layout: separators between the kept blocks and
    one final newline.
    """
    spans: dict[int, tuple[int, int]] = {}
    n = len(blocks_)
    i = 0
    while i < n:
        if i not in remove:
            i += 1
            continue
        j = i
        while j + 1 < n and j + 1 in remove:
            j += 1
        for k in range(i, j + 1):
            if j + 1 < n:  # a kept block follows: take each block and the separator after it
                spans[k] = (blocks_[k].start, blocks_[k + 1].start)
            elif i > 0:  # the run ends the text: take the separator before each block
                spans[k] = (blocks_[k - 1].end, blocks_[k].end)
            else:  # everything goes
                spans[k] = (blocks_[k].start, blocks_[k + 1].start if k < j else len(text))
        i = j + 1
    return spans


def is_list_item(line: str) -> bool:
    return bool(LIST_ITEM.match(line))


def ends_sentence(line: str) -> bool:
    """True when the line ends with . ! ? or …, closing quotes and brackets aside (string methods: this
    runs on most lines of every document)."""
    return line.rstrip().rstrip(SENTENCE_CLOSERS)[-1:] in (".", "!", "?", "\u2026")


def occurrences(text: str, word: str, joiners: str = "'\u2019-") -> Iterator[int]:
    """Start offsets of `word` in `text` where it stands as a whole word (no letter, digit, mark or
    `joiners` character touching it). A substring search: far faster than a regex built per document."""
    n = len(word)
    start = text.find(word)
    while start >= 0:
        before = text[start - 1] if start else " "
        after = text[start + n] if start + n < len(text) else " "
        if not _joins(before, joiners) and not _joins(after, joiners):
            yield start
        start = text.find(word, start + 1)


def _joins(ch: str, joiners: str) -> bool:
    return ch.isalnum() or ch in joiners or unicodedata.category(ch).startswith("M")


#: The text's blocks (`blocks`), shared by every cleaner that reads lines.
BLOCKS: Shared[[], list[Line]] = Shared("blocks", lambda doc: blocks(doc.text))
