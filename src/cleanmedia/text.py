"""Small text helpers shared by cleaners: line spans, words, list items, sentence ends."""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import cast, overload

import regex

from cleanmedia import resources
from cleanmedia.budget import paced
from cleanmedia.document import LETTER_RUN, MAX_RUN, DocumentView, Edit, Shared

#: Entries of each cache keyed by a whole line (`widgets.normalise`, `widgets.widget`,
#: `boilerplate._line_language`, `lines._own`). Lines recur within a document (every pass asks again) and
#: across neighbouring documents of a site (menus, footers); a few thousand entries hold both. The bound
#: is what keeps a worker's memory flat over a long run: at 65,536 entries these caches grew a worker by
#: ~280 MB over its first thousand documents (a line is hundreds of characters, key and value).
LINE_CACHE = 4096

BULLET = "\u2022"
LIST_ITEM = re.compile(r"^(?:[\u2022\-*]\s|\d{1,3}[.)]\s)")
DIGIT = re.compile(r"\d")
#: Punctuation that closes or splits a sentence, anywhere in a line.
SENTENCE_PUNCT = re.compile(r"[.!?;]")
#: What may close a sentence after its final mark: quotes and brackets.
SENTENCE_CLOSERS = "\"'\u201d\u00bb)]\u300d\u300f"


#: A line of code or data rather than prose: a JSON key and its value ('"price": 15', '"a":"b"'; a
#: quoted term before a colon and words is prose: '"cors" : response was...'), a brace, a call ending
#: a statement ("render(x);"), an assignment, a comparison or an arrow (a list item ending in ";" is
#: prose). Its words are identifiers, keys and values, never damaged prose.
CODE_LINE = re.compile(
    r'"[^"\s]{1,64}"\s*:\s*(?:["{\[\d-]|true\b|false\b|null\b)|[{}]|\);[ \t]*$|\s=\s|[=!]=|=>|&&|\|\|',
    re.MULTILINE,
)


#: A character at the start of every match of `CODE_LINE` or right after it: a quote, a brace, a
#: closing bracket, "=", "&", "|" (the white space of " = " and the "!" of "!=" come just before one).
CODE_LINE_HINT = re.compile(r'["{})=&|]')


def _code_line_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `CODE_LINE.finditer(text)`, tried only where one can start: at a
    `CODE_LINE_HINT` or just before it (the pattern tried at every position, white space among its
    first characters, was a tenth of the chain's time on an article)."""
    pos = tried = -1
    for hint in CODE_LINE_HINT.finditer(text):
        at = hint.start()
        for start in (at - 1, at):
            if start < pos or start <= tried:
                continue
            tried = start
            m = CODE_LINE.match(text, start)
            if m:
                yield m
                pos = m.end()
                break


def code_lines(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each line of `text` that looks like code or data (`CODE_LINE`), in text order,
    `end` excluding the newline; () when none."""
    spans: list[tuple[int, int]] = []
    for m in _code_line_matches(text):
        if spans and m.start() <= spans[-1][1]:
            continue  # another sign on a line already found
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        spans.append((start, end if end >= 0 else len(text)))
    return tuple(spans)


#: A Markdown code fence: three backticks or tildes or more, then an info string ("```python").
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^`\n]*$", re.MULTILINE)


def fenced_blocks(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each Markdown fenced code block of `text`, from its opening fence's first
    character to its closing fence's end (the newline excluded), in text order; () when none. A block
    is fenced when a fence line of the same character at least as long closes it (CommonMark); an
    unclosed fence is not a block (text that merely starts with backticks stays as it is)."""
    if "```" not in text and "~~~" not in text:
        return ()
    spans: list[tuple[int, int]] = []
    opening: re.Match[str] | None = None
    for m in FENCE.finditer(text):
        fence = m.group(1)
        if opening is None:
            opening = m
        elif (
            fence[0] == opening.group(1)[0]
            and len(fence) >= len(opening.group(1))
            and not m.group()[m.end(1) - m.start() :].strip()
        ):
            spans.append((opening.start(), m.end()))
            opening = None
    return tuple(spans)


#: A Markdown code span on one line: a run of backticks, text, the first run of the same length after it
#: (CommonMark: "`2`, `1`" are two spans, "``a`b``" one).
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)([^\n]+?)(?<!`)\1(?!`)")


def code_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each Markdown code span of `text` ("`mydestination`", backticks included), in
    text order; () when none. The HTML stage writes an inline `<code>` so (`html.code_span`)."""
    if "`" not in text:
        return ()
    return tuple(m.span() for m in CODE_SPAN.finditer(text) if m.group(2).strip())


#: The code spans of the text (`code_spans`).
CODE_SPANS: Shared[[], tuple[tuple[int, int], ...]] = Shared("code_spans", lambda doc: code_spans(doc.text))

#: A line of an indented code block: four spaces or a tab, then something.
INDENT = ("    ", "\t")
#: A line of prose inside an indented block (a sentence of this many words or characters) makes it an
#: indented paragraph or quotation, not code.
INDENTED_PROSE_WORDS, INDENTED_PROSE_CHARS = 10, 80


def indented_blocks(text: str, fenced: tuple[tuple[int, int], ...] = ()) -> tuple[tuple[int, int], ...]:
    """(start, end) of each indented code block of `text` outside the `fenced` blocks, from its first
    line's start to its last line's end (the newline excluded), in text order; () when none. A block
    is a run of lines indented by four spaces or a tab (blank lines between them allowed), after a
    blank line or a line ending with ":" (an indented line goes on a paragraph otherwise: CommonMark),
    with a line of text not indented somewhere above it (a text indented throughout is not code), and
    no line of prose (a sentence of `INDENTED_PROSE_WORDS` words or `INDENTED_PROSE_CHARS` characters:
    an indented paragraph or quotation), list item or table row (a tab after the indentation) in it.
    Why: a text's code examples ("Run these commands:" and the commands, each indented) were joined
    as a hard-wrapped paragraph and repaired ("the the" in a commit message); they are kept as
    written, as a fenced block is (`FENCED_BLOCKS`)."""
    if "\n    " not in text and "\n\t" not in text:
        return ()
    rows = text.split("\n")
    starts = list(accumulate((len(r) + 1 for r in rows[:-1]), initial=0))
    spans: list[tuple[int, int]] = []
    text_above, opens = False, False  # a line of text above; the line above opens a block
    i = 0
    while i < len(rows):
        row = rows[i]
        if not row.strip():
            opens, i = text_above, i + 1
            continue
        if not (row.startswith(INDENT) and opens) or _in_spans(starts[i], fenced):
            text_above = text_above or not row.startswith(INDENT)
            opens = text_above and not row.startswith(INDENT) and row.rstrip().endswith(":")
            i += 1
            continue
        last, j = i, i + 1
        while j < len(rows) and (rows[j].startswith(INDENT) or not rows[j].strip()):
            last = j if rows[j].strip() else last
            j += 1
        lines = [r for r in rows[i : last + 1] if r.strip()]
        if all(_code_line(r) for r in lines):
            spans.append((starts[i], starts[last] + len(rows[last])))
        opens, i = False, last + 1
    return tuple(spans)


def _code_line(row: str) -> bool:
    """Whether an indented line may be code: no prose, no list item, no table row."""
    body = row.strip()
    prose = ends_sentence(body) and (
        len(body.split()) >= INDENTED_PROSE_WORDS or len(body) >= INDENTED_PROSE_CHARS
    )
    return not prose and not is_list_item(body) and "\t" not in row.lstrip(" \t")


def _in_spans(at: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether offset `at` is inside one of `spans` (in text order, apart: one bisect)."""
    k = bisect_right(spans, (at, MAX_OFFSET)) - 1
    return k >= 0 and at < spans[k][1]


#: Greater than any offset: `(at, MAX_OFFSET)` sorts after every span starting at `at`.
MAX_OFFSET = 1 << 62


def code_blocks(text: str) -> tuple[tuple[int, int], ...]:
    """The fenced code blocks (`fenced_blocks`) and the indented ones (`indented_blocks`) of `text`,
    in text order: the code no step edits."""
    fenced = fenced_blocks(text)
    indented = indented_blocks(text, fenced)
    return tuple(sorted(fenced + indented)) if indented else fenced


#: The code blocks of the text, fenced or indented (`code_blocks`).
FENCED_BLOCKS: Shared[[], tuple[tuple[int, int], ...]] = Shared(
    "fenced_blocks", lambda doc: code_blocks(doc.text)
)

#: The lines of code or data of the text (`code_lines`), which word-level repairs never edit.
CODE_LINES: Shared[[], tuple[tuple[int, int], ...]] = Shared("code_lines", lambda doc: code_lines(doc.text))


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


#: Characters of text split into lines at a time when `Blocks` are made: the list of one chunk's lines is
#: what stands in memory, not one of the whole text's.
BLOCK_CHUNK = 1 << 20


class Blocks(Sequence[Line]):
    """The non-empty lines of a text (after layout, each a heading, paragraph or list item), held as
    three arrays of numbers (line number, start, end: 12 bytes a line) and the text: a `Line` is made
    when one is read (indexing, iteration) and dropped after. Why: a text of 20 MB of short lines has 5
    million of them; as objects (a `Line`, its string, two numbers) they took 55 bytes per byte of
    text, which broke the memory bound of hostile input (issue 14). Reading them costs a slice and a
    strip each time; `texts()` gives the stripped lines alone."""

    __slots__ = ("_text", "_index", "_start", "_end")

    def __init__(self, text: str) -> None:
        code = "i" if len(text) < 2**31 else "q"
        self._text = text
        self._index, self._start, self._end = array(code), array(code), array(code)
        index = pos = 0
        n = len(text)
        while pos <= n:  # a chunk of lines at a time: its list of lines is what stands in memory
            cut = text.find("\n", min(pos + BLOCK_CHUNK, n))
            stop = n if cut < 0 else cut
            for raw in text[pos:stop].split("\n"):
                size = len(raw)
                if raw and not raw.isspace():  # what `str.strip` leaves something of
                    self._index.append(index)
                    self._start.append(pos)
                    self._end.append(pos + size)
                pos += size + 1
                index += 1

    def __len__(self) -> int:
        return len(self._start)

    @overload
    def __getitem__(self, i: int) -> Line: ...
    @overload
    def __getitem__(self, i: slice) -> list[Line]: ...
    def __getitem__(self, i: int | slice) -> Line | list[Line]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        start, end = self._start[i], self._end[i]
        raw = self._text[start:end]
        return Line(self._index[i], start, end, raw, raw.strip())

    def __iter__(self) -> Iterator[Line]:
        text = self._text
        for index, start, end in zip(self._index, self._start, self._end, strict=True):
            raw = text[start:end]
            yield Line(index, start, end, raw, raw.strip())

    def stripped_at(self, i: int) -> str:
        """The stripped text of line `i`, without its `Line`."""
        return self._text[self._start[i] : self._end[i]].strip()

    def texts(self) -> Iterator[str]:
        """The stripped lines in order, without a `Line` each."""
        text = self._text
        for start, end in zip(self._start, self._end, strict=True):
            yield text[start:end].strip()


def blocks(text: str) -> Blocks:
    """The non-empty lines: after layout, each is a heading, paragraph or list item (`Blocks`)."""
    return Blocks(text)


def texts(blocks_: Sequence[Line]) -> Iterator[str]:
    """The stripped text of each block, in order (without making a `Line` each where `blocks_` has a
    `texts()` of its own: `Blocks`, a subset of them)."""
    own = getattr(blocks_, "texts", None)
    lines = cast(Iterator[str], own()) if own is not None else (b.stripped for b in blocks_)
    return iter(paced(lines, "reading the lines"))  # the loop of most steps: checks the time limit


def removal_spans(text: str, blocks_: Sequence[Line], remove: set[int]) -> dict[int, tuple[int, int]]:
    """For each block index in `remove`, the span that deletes it with one separator.

    Spans never overlap, and what remains keeps the layout: separators between the kept blocks and
    one final newline.
    """
    return dict(removal_span_items(text, blocks_, remove))


def removal_span_items(
    text: str, blocks_: Sequence[Line], remove: set[int]
) -> Iterator[tuple[int, tuple[int, int]]]:
    """`removal_spans` as (block index, span) in text order, made as read (no table of them all)."""
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
                yield k, (blocks_[k].start, blocks_[k + 1].start)
            elif i > 0:  # the run ends the text: take the separator before each block
                yield k, (blocks_[k - 1].end, blocks_[k].end)
            else:  # everything goes
                yield k, (blocks_[k].start, blocks_[k + 1].start if k < j else len(text))
        i = j + 1


#: Blocks removed next to each other for one reason and detail are one edit from this many on (and
#: `MAX_RUN` at most): the pages of the shared sets have such runs of 100 blocks at most, and keep an
#: edit per block; a page of a million share buttons gets a few hundred edits.
GROUP_RUN = 256


def grouped_removals(
    doc: DocumentView, spans: Iterable[tuple[int, tuple[int, int]]], why: Callable[[int], tuple[str, str]]
) -> Iterator[Edit]:
    """The edits removing the blocks of `spans` ((index, span) in text order, `removal_span_items`),
    each for its (reason, detail) `why(index)`: one edit per block, except that a run of `GROUP_RUN`
    blocks or more removed next to each other for the same reason and detail is one edit spanning
    them, its detail saying how many. The same text and a replayable log, bounded by the text's size:
    a million removed lines made a million edits (about 180 bytes each, and the chain's record of
    each)."""
    run: list[tuple[int, int, tuple[str, str]]] = []  # (start, end, (reason, detail))

    def close() -> Iterator[Edit]:
        if len(run) >= GROUP_RUN:
            reason, detail = run[0][2]
            yield doc.remove(run[0][0], run[-1][1], reason, f"{detail} ({len(run)} lines)")
        else:
            for start, end, (reason, detail) in run:
                yield doc.remove(start, end, reason, detail)
        run.clear()

    for i, (start, end) in spans:
        reason = why(i)
        if run and (reason != run[-1][2] or start != run[-1][1] or len(run) >= MAX_RUN):
            yield from close()
        run.append((start, end, reason))
    yield from close()


#: Marks around a title that are no words of it: a Markdown heading's "#"s before it ("# Title"), a
#: pilcrow before or after it (a heading's permalink, "Title¶"). A "#" glued to a word is the word's
#: ("#MeToo", "C#").
TITLE_MARKS = re.compile(r"^#{1,6}[ \t]+(?=\S)|^\u00b6\s*|\s*\u00b6$")


def bare_title(title: str) -> str:
    """A title without the marks a heading carries (TITLE_MARKS: "# Headline", "Headline ¶"), as the
    metadata keeps it; a title that is only marks stays as it is."""
    bare = TITLE_MARKS.sub("", title).strip()
    return bare or title


#: A Markdown table's delimiter row ("| --- | :---: |", "---|---"): each cell dashes, colons for alignment.
DELIMITER_CELL = re.compile(r"^\s*:?-{3,}:?\s*$")
#: A pipe table without a delimiter row has at least this many rows (two rows of "a | b | c" are as
#: often two rows of a footer's links), and a digit in a cell.
PIPE_TABLE_ROWS = 3


def table_cells(line: str) -> list[str]:
    """The cells of a table row: between its tabs, or between its pipes (a Markdown row's pipes at
    its ends open and close it: no empty cell there); one cell (the line) when it has neither."""
    if "\t" in line:
        return line.split("\t")
    if "|" not in line:
        return [line]
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return inner.split("|")


def pipe_table_rows(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The tables among `lines` (stripped, in order) as (first, last) line indexes: runs of consecutive
    rows with the same number of cells, two or more (`table_cells`: tabs, as a spreadsheet's columns
    are pasted, or pipes, as Markdown and earlier extractions write a table's rows). A run of pipe rows
    is a table with a Markdown delimiter row ("| --- | --- |") in it, or with `PIPE_TABLE_ROWS` rows
    and a digit in a cell; a run of tab rows with two rows (as `layout.tab_table_rows` spares their
    tabs). Why: a table's rows are short, separated and repeated in shape, which is what a menu line
    looks like to a rule that reads one line; read together they are one block of data."""
    found: list[tuple[int, int]] = []
    counts = [len(table_cells(t)) if ("|" in t or "\t" in t) else 1 for t in lines]
    i, n = 0, len(lines)
    while i < n:
        if counts[i] < 2:
            i += 1
            continue
        j = i
        while j + 1 < n and counts[j + 1] == counts[i] and ("\t" in lines[j + 1]) == ("\t" in lines[i]):
            j += 1
        rows = lines[i : j + 1]
        tabs = "\t" in rows[0]
        delimiter = any(all(map(DELIMITER_CELL.match, table_cells(r))) for r in rows)
        digits = any(map(DIGIT.search, rows))
        if j > i and (tabs or delimiter or (j + 1 - i >= PIPE_TABLE_ROWS and digits)):
            found.append((i, j))
        i = j + 1
    return found


def is_list_item(line: str) -> bool:
    return bool(LIST_ITEM.match(line))


@cache
def _unspaced() -> tuple[re.Pattern[str], dict[str, float]]:
    """One pattern matching a run of one unspaced script class (`resources/common/unspaced_scripts.tsv`),
    a named group per characters-per-word value, and those values by group name."""
    classes: dict[float, list[str]] = {}
    for first, last, per_word in resources.common_table("unspaced_scripts.tsv"):
        classes.setdefault(float(per_word), []).append(f"\\u{int(first, 16):04x}-\\u{int(last, 16):04x}")
    ratios = {f"r{i}": ratio for i, ratio in enumerate(classes)}
    pattern = "|".join(f"(?P<{name}>[{''.join(classes[r])}]+)" for name, r in ratios.items())
    return re.compile(pattern), ratios


def word_count(text: str) -> int:
    """How many words `text` holds, counted as its language writes them: words between spaces, and a run
    of a script written without spaces (Chinese, Japanese, Thai...) as its length divided by the script's
    characters per word, one word at least (`resources/common/unspaced_scripts.tsv`). Splitting on spaces
    alone makes a paragraph of Chinese one "word": a short line to every rule that counts words. ASCII
    text takes the split alone (C speed)."""
    if text.isascii():
        return len(text.split())
    pattern, ratios = _unspaced()
    runs = 0
    for m in pattern.finditer(text):
        name = m.lastgroup
        assert name is not None
        runs += max(1, round((m.end() - m.start()) / ratios[name]))
    if not runs:
        return len(text.split())
    # What is left between the runs: words with spaces, and the script's own punctuation ("，", "。"),
    # which is no word.
    return runs + sum(1 for t in pattern.sub(" ", text).split() if any(map(str.isalnum, t)))


#: What ends a sentence: the Latin marks and the ideographic full stop and full-width marks of Chinese
#: and Japanese (a Japanese paragraph has no spaces: without these, each one was "a short line with no
#: sentence end", and a whole article went as weak lines).
SENTENCE_ENDS = frozenset(".!?\u2026\u3002\uff01\uff1f")


def ends_sentence(line: str) -> bool:
    """True when the line ends with a sentence mark (`SENTENCE_ENDS`), closing quotes and brackets
    aside (string methods: this runs on most lines of every document)."""
    return line.rstrip().rstrip(SENTENCE_CLOSERS)[-1:] in SENTENCE_ENDS


def occurrences(
    text: str, word: str, joiners: str = "'\u2019-", *, digits_after: bool = False
) -> Iterator[int]:
    """Start offsets of `word` in `text` where it stands as a whole word (no letter, digit, mark or
    `joiners` character touching it; with `digits_after`, a digit may follow: "IPv" of "IPv6"). A
    substring search: far faster than a regex built per document."""
    n = len(word)
    start = text.find(word)
    while start >= 0:
        before = text[start - 1] if start else " "
        after = text[start + n] if start + n < len(text) else " "
        if not _joins(before, joiners) and not (
            _joins(after, joiners) and not (digits_after and after.isdigit())
        ):
            yield start
        start = text.find(word, start + 1)


#: Up to this many words, `word_positions` searches the text once per word (C speed); past it, once for all.
FEW_WORDS = 16


def word_positions(
    text: str, words: Iterable[str], joiners: str = "'\u2019-", *, digits_after: bool = False
) -> list[tuple[int, str]]:
    """(start, word) wherever one of `words` stands as a whole word in `text` (as `occurrences` finds
    them), in text order. A few words take a substring search each; many take one scan of the text's
    runs of letters, so the cost never grows with words x text (binary decoded as text has thousands of
    odd "names"). Words that are not a run of letters are searched for one by one. `digits_after`: as
    in `occurrences`."""
    runs, others = set(), []
    for word in words:
        (runs.add(word) if LETTER_RUN.fullmatch(word) else others.append(word))
    if len(runs) <= FEW_WORDS:
        others.extend(runs)
        runs = set()
    found = [(pos, w) for w in others for pos in occurrences(text, w, joiners, digits_after=digits_after)]
    if runs:
        n = len(text)
        for m in LETTER_RUN.finditer(text):
            start, end = m.span()
            if (
                m.group() in runs
                and not (start and _joins(text[start - 1], joiners))
                and not (
                    end < n and _joins(text[end], joiners) and not (digits_after and text[end].isdigit())
                )
            ):
                found.append((start, m.group()))
    return sorted(found)


def _joins(ch: str, joiners: str) -> bool:
    return ch.isalnum() or ch in joiners or unicodedata.category(ch).startswith("M")


#: The text's blocks (`blocks`), shared by every cleaner that reads lines.
BLOCKS: Shared[[], Blocks] = Shared("blocks", lambda doc: blocks(doc.text))


#: A mark of code in a stretch without spaces (the stretch is code, not prose): a word right before "(" ("fromdos(1)", "clone()"),
#: a mark of code touching a letter or digit ("main_cf", "key=value", "@user"), a dollar before a letter
#: ("$HOME"; "$40" is a price), a slash after a letter or opening the stretch ("a/b", "/usr"; not after
#: a digit: "$40/user" is a price per user), or
#: a comma, dot or colon between two letters or digits with no capital after it ("ro,nodev,noexec",
#: "main.cf", "use::editing"; "road.However" is a lost space, not code).
CODE_MARK = regex.compile(
    r"[^\W_]\(|[^\W_][=\\_@#`|~<>{}\[\]]|[=\\_@#`|~<>{}\[\]][^\W_]|\$[^\W\d_]"
    r"|[^\W\d_]/[^\W_]|^/[^\W_]"
    r"|[^\W_][.,:]+(?=[^\W_])(?![^\W\d_]*\p{Lu})"
)
STRETCH = regex.compile(r"\S+")


#: A character every match of `CODE_MARK` starts at or holds, as `re` finds it fast: a mark of code, or
#: a comma, dot or colon with a character after it (a superset: the stretches around these are searched).
CODE_HINT = re.compile(r"[(=\\_@#`|~<>{}\[\]$/]|[.,:]\S")


def code_words(text: str) -> set[str]:
    """The words of the text's stretches of code (a stretch without spaces holding a `CODE_MARK`):
    option, key, command and file names written as code ("ro,nodev,noexec", "fromdos(1)", "main.cf"),
    which no repair may split. The tokens are cut as the document's words are (`LETTER_RUN`), so that
    they match its word counts. Only the stretches around a `CODE_HINT` are searched, each once: a
    scan of every stretch in Python, or one pattern over the whole text trying every alternative at
    every character, cost an eighth of `clean()`'s time on HTML pages; most words hold no hint."""
    found: set[str] = set()
    end = -1
    for hint in CODE_HINT.finditer(text):
        at = hint.start()
        if at < end:
            continue  # in the stretch just searched
        # the stretch holding `at` starts after a space or newline, or after other white space found
        # by reading the stretches from there
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        for stretch in STRETCH.finditer(text, start):
            if stretch.end() > at:
                break
        end = stretch.end()
        if CODE_MARK.search(stretch.group()):
            found.update(LETTER_RUN.findall(stretch.group()))
    return found


#: The words of the text's stretches of code (`code_words`), for every cleaner that must leave them.
CODE_WORDS: Shared[[], frozenset[str]] = Shared("code_words", lambda doc: frozenset(code_words(doc.text)))
