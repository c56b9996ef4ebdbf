"""Runs of short lines that are the article's content, told by their shape: tables, data lists, verse.

The line model reads a line with a few neighbours, and its guards (`lines.kept`, `lines.held`) keep the
headings and lists the article's prose holds. Some content is a run of short lines with no sentence
punctuation, which is what a menu, a teaser list or a footer looks like line by line: a table (its
rows, or its cells one per line), a list of figures, results, dates with values, ingredients or an
address, and a poem or a song's lyrics after the last sentence of a piece. Read as a run they show
what furniture does not:

- a **table**: consecutive rows with the same number of cells (`text.pipe_table_rows`), one block;
- a **data list**: items that share a shape, each short with a number in it ("200 g Mehl", "Nord:
  12.400 Einwohner", "1. FC Köln - Hertha BSC 2:1");
- **verse**: lines of a few words, mostly without a sentence end, with the marks of lines cut inside
  sentences (a line opening in lower case, a comma at a line's end or inside it) and the language's
  function words.

Shape is not enough (a site's sidebar has tables, a teaser list has dates): a run is content only when
the article's text holds it, right above it (a paragraph, a sentence, a line ending with a colon, or a
label ending with one right after them; a table or a poem may have a caption or a title between), or,
for a table, right below it (a paragraph). The line model keeps such runs (`lines.decide`), and the
main region keeps them when the line that holds them is inside it (`lines._outside`).

Pure functions of the lines' shapes: the same lines, the same runs (idempotence).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from cleanmedia.text import DIGIT, pipe_table_rows, table_cells

#: A data list's item and a verse line have at most this many words; a data list's items this many on
#: average (a figure and its label, not a teaser's title with a date).
ITEM_WORDS, ITEM_MEAN_WORDS = 12, 8
#: A data list has at least this many items (two after a line ending with a colon, which announces it).
DATA_ITEMS, DATA_ITEMS_AFTER_COLON = 3, 2
#: Verse has at least this many lines, of at least this many words each, and this share of them carry
#: a verse mark (`_verse_mark`); at most this share of them end a sentence.
VERSE_LINES, VERSE_MIN_WORDS, VERSE_MARKED, VERSE_ENDS = 4, 2, 1 / 3, 0.5
#: Verse lines seldom end with a function word; a sentence cut at its links does ("... to our").
VERSE_STOP_ENDS = 0.25
#: A stanza shows its marks from its first lines: the first marked line is at most this many lines
#: into the run (two teaser titles, then lines cut inside sentences, are no poem).
VERSE_FIRST_MARK = 1
#: A caption or a poem's title between the text that holds a run and the run: at most this many words,
#: no sentence end.
CAPTION_WORDS = 8
#: A sentence that introduces what follows: this many words at least, and the language's function words
#: (a share of them, when the language has a stop list).
INTRO_WORDS, INTRO_STOP = 4, 0.15
#: A label ending with a colon ("Zutaten:", "Results:") has at most this many words.
LABEL_WORDS = 3
#: What ends a verse line that goes on in the next one.
VERSE_LINE_ENDS = ",;\u2013\u2014-"


class Shape(NamedTuple):
    """What this module reads of a line: its text (stripped), its words, whether it ends a sentence, is
    prose (`lines.features`), ends with a colon, is marked as a list item, and the share of its words
    that are the language's function words (`has_stop`: the language has a stop list). A named tuple:
    one is made for every line of a dump each round (`lines.decide`)."""

    text: str
    words: int
    ends: bool
    prose: bool
    colon: bool
    item: bool
    stop: float
    has_stop: bool
    #: Its last word is one of the language's function words ("... agree to our"): a line cut at a link.
    last_stop: bool = False


class Run(NamedTuple):
    """A run of content lines (first, last), the line of the article that holds it (`holder`: above it,
    or below it for a table), and what it is ("table: 4 rows of 3 cells")."""

    first: int
    last: int
    holder: int
    why: str


def _sentence(line: Shape) -> bool:
    """A line of the article's text: a paragraph, or a sentence (or a line ending with a colon) of
    `INTRO_WORDS` words with function words."""
    if line.prose:
        return True
    wordy = line.words >= INTRO_WORDS and (line.stop >= INTRO_STOP or not line.has_stop)
    return wordy and (line.ends or line.colon)


def _label(lines: Sequence[Shape], j: int) -> bool:
    """A label ending with a colon right after the article's text ("Zutaten:" under a paragraph)."""
    line = lines[j]
    return line.colon and line.words <= LABEL_WORDS and j > 0 and _sentence(lines[j - 1])


def _caption(line: Shape) -> bool:
    return 0 < line.words <= CAPTION_WORDS and not line.ends and not line.prose and not line.item


def holder(lines: Sequence[Shape], first: int, caption: bool) -> int:
    """The line of the article's text that holds a run starting at `first` (a sentence or a label,
    `_sentence`, `_label`), right above it or (`caption`) above a caption or a title; -1 for none."""
    for j in (first - 1, first - 2) if caption else (first - 1,):
        if j < 0:
            return -1
        if _sentence(lines[j]) or _label(lines, j):
            return j
        if not _caption(lines[j]):
            return -1
    return -1


def tables(lines: Sequence[Shape]) -> list[Run]:
    """Every table of the lines (`text.pipe_table_rows`), with the line that holds it (a sentence or
    a label above it, a caption between allowed, or a paragraph right below it; -1 for none)."""
    out = []
    for first, last in pipe_table_rows([line.text for line in lines]):
        above = holder(lines, first, caption=True)
        below = last + 1 if last + 1 < len(lines) and lines[last + 1].prose else -1
        cells = len(table_cells(lines[first].text))
        out.append(
            Run(
                first,
                last,
                above if above >= 0 else below,
                f"table: {last - first + 1} rows of {cells} cells",
            )
        )
    return out


def _data_item(line: Shape) -> bool:
    """An item of a data list: a few words with a number, no paragraph, no table row, no address of a
    page."""
    return (
        0 < line.words <= ITEM_WORDS
        and not line.prose
        and DIGIT.search(line.text) is not None
        and len(table_cells(line.text)) == 1
        and "://" not in line.text
        and "www." not in line.text
    )


def _opens_with_figure(line: Shape) -> bool:
    return line.text[:1].isdigit()


def _alike(first: Shape, line: Shape) -> bool:
    """Items of one list open alike: all with a figure ("200 g Mehl", "3 Eier") or none ("Nord: 12.400
    Einwohner"). A rank alone ("11") between teasers' titles with a figure is no item of theirs."""
    return _data_item(line) and _opens_with_figure(line) == _opens_with_figure(first)


def data_list(lines: Sequence[Shape], first: int) -> Run | None:
    """The data list opening at line `first` (items alike, each with a number: `_data_item`), held by
    the article's text right above it; None when there is none."""
    at = holder(lines, first, caption=False)
    if at < 0:
        return None
    if not _data_item(lines[first]):
        return None
    last = first
    while last + 1 < len(lines) and _alike(lines[first], lines[last + 1]):
        last += 1
    items = lines[first : last + 1]
    need = DATA_ITEMS_AFTER_COLON if lines[at].colon else DATA_ITEMS
    if len(items) < need or sum(line.words for line in items) > ITEM_MEAN_WORDS * len(items):
        return None
    return Run(first, last, at, f"data list: {len(items)} items with numbers")


def _verse_line(line: Shape) -> bool:
    """A line of verse: a few words, no paragraph, no list item, no label, no figure, no table row."""
    return (
        VERSE_MIN_WORDS <= line.words <= ITEM_WORDS
        and not (line.prose or line.item or line.colon)
        and DIGIT.search(line.text) is None
        and len(table_cells(line.text)) == 1
    )


def _verse_mark(text: str) -> bool:
    """A mark of a line cut inside a sentence: it opens in lower case, or a comma (or a dash) ends it
    or stands inside it."""
    return text[:1].islower() or text[-1:] in VERSE_LINE_ENDS or "," in text


def _cut_at_links(run: Sequence[Shape]) -> bool:
    """Whether a run of lines is a sentence a page dump cut at its links rather than verse: no line
    ends with a comma or a dash (a verse line that goes on ends with one; a tag list in lower case, a
    notice cut at its links do not), or more than `VERSE_STOP_ENDS` of its lines end with a function
    word ("By continuing, you agree to our", "User Agreement")."""
    comma_ends = any(line.text[-1:] in VERSE_LINE_ENDS for line in run)
    return not comma_ends or sum(line.last_stop for line in run) > VERSE_STOP_ENDS * len(run)


def verse(lines: Sequence[Shape], first: int) -> Run | None:
    """The verse opening at line `first`, right after the article's text (its title, a short line, may
    open it): `VERSE_LINES` lines or more of a few words (`_verse_line`), a share `VERSE_MARKED` of
    them marked (`_verse_mark`), few sentence ends, function words; held up to its last marked line and
    the line after it (a stanza's closing line). None when there is none."""
    at = holder(lines, first, caption=False)
    if at < 0:
        return None
    start = first + 1 if _caption(lines[first]) and not _verse_line(lines[first]) else first
    end = start
    while end < len(lines) and _verse_line(lines[end]):
        end += 1
    marked = [j for j in range(start, end) if _verse_mark(lines[j].text)]
    if not marked:
        return None
    last = min(marked[-1] + 1, end - 1)
    run = lines[start : last + 1]
    if (
        len(run) < VERSE_LINES
        or marked[0] - start > VERSE_FIRST_MARK
        or len(marked) < VERSE_MARKED * len(run)
        or sum(line.ends for line in run) > VERSE_ENDS * len(run)
        or _cut_at_links(run)
        or (run[0].has_stop and sum(line.stop for line in run) < INTRO_STOP * len(run))
    ):
        return None
    return Run(first, last, at, f"verse: {len(run)} lines")


def content_runs(lines: Sequence[Shape], found: Sequence[Run] | None = None) -> list[Run]:
    """The runs of content lines the article's text holds (`tables`, or the tables `found` already,
    `data_list`, `verse`), in order, not overlapping: a table first, then a data list or verse opening
    at a line."""
    runs = [t for t in (tables(lines) if found is None else found) if t.holder >= 0]
    taken = {j for run in runs for j in range(run.first, run.last + 1)}
    for first in range(1, len(lines)):
        if first in taken:
            continue
        run = data_list(lines, first) or verse(lines, first)
        if run is not None and not taken.intersection(range(run.first, run.last + 1)):
            runs.append(run)
            taken.update(range(run.first, run.last + 1))
    return sorted(runs)
