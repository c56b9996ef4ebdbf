"""Mojibake (UTF-8 read with another charset) repaired with ftfy, only on lines that show a sign of it.

ftfy is thorough but slow; most text has no mojibake, so `cleanmedia.encoding.suspect_lines` (one
C-speed scan for the signs of every charset ftfy repairs) picks the candidate lines, and ftfy alone
decides whether and how to repair each: its own badness test runs inside `ftfy.fix_text`, so a line
ftfy would leave alone is left alone. The configuration is conservative: quotes stay curly, widths and
ligatures stay as written, line breaks and controls are left to `controls` and `layout`. An HTML entity
is decoded only when the decoded line is mojibake ftfy repairs ("10Î&frac14;s" -> "10μs").

Mojibake ftfy declines (too short or too ambiguous for its heuristic) is flagged, with its likely
reading when one charset gives one, so that a person can decide.

This step runs first in the chain: the characters `controls` removes (soft hyphen U+00AD) or treats as
line breaks (NEL U+0085) are bytes of mojibake until this step has read them.
"""

from __future__ import annotations

import re
import statistics
import sys
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

import ftfy
import ftfy.badness
from ftfy.fixes import restore_byte_a0, unescape_html

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import LETTER_RUN, DocumentView, Edit
from cleanmedia.encoding import C1_OR_LOST, ENCODINGS, charset_name, plausible, reading, suspect_lines
from cleanmedia.lang import zipf
from cleanmedia.text import CODE_SPANS, FENCED_BLOCKS

CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


class Mojibake(Cleaner):
    """Repairs the lines that show mojibake with ftfy; flags what ftfy leaves, with its likely reading."""

    name = "mojibake"
    reasons = ("mojibake", "mojibake.words", "mojibake.unrepaired", "mojibake.subject")

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        lines = suspect_lines(doc.text)
        if not lines:
            return
        code = _code(doc)
        text = doc.text
        if code:
            pieces = [
                piece
                for start, end in lines
                for piece in ([(start, end)] if C1.search(text, start, end) else _outside(code, start, end))
            ]
        else:
            pieces = lines
        if pieces != lines and _all_mojibake(text, code, pieces, doc.lang):
            pieces = lines  # the whole document is mojibake, code with it: the page's bytes misread
        for start, end in pieces:
            yield from _line_edits(doc, start, end)


def _line_edits(doc: DocumentView, start: int, end: int) -> Iterator[Edit]:
    """The edits of one suspect line, or of the part of it outside code."""
    line = doc.text[start:end]
    shown = subject(line)
    if shown:
        for pos, token, said in shown:
            yield doc.mark(
                start + pos,
                start + pos + len(token),
                "mojibake.subject",
                f"mojibake written beside its reading {said!r}: the text's subject, left as written"
                if said in line
                else f"quoted mojibake in a line about encoding (its reading {said!r}): the text's subject, "
                "left as written",
            )
        return  # "é shows up as Ã©": a text about mojibake shows it on purpose
    fixed = repair(line)
    read = read_back(line, doc.lang)
    if read is not None and read[0] != fixed and _beats(read[2], line, fixed, doc.lang):
        text, charset, _ = read
        detail = f"UTF-8 read as {charset_name(charset)}: the words it changes are words of the language"
        if fixed != line:
            detail += f", more common than ftfy's reading {fixed!r}"
        yield doc.change(start, end, text, "mojibake.words", detail)
    elif fixed != line:
        yield doc.change(start, end, fixed, "mojibake", "text decoded with the wrong charset")
    else:
        yield from _flags(doc, start, line)


#: A C1 control character: a byte of UTF-8 read as Latin-1 ("â\x80\x9c" for "“"), which nobody writes
#: on purpose, in code or anywhere: a line with one is repaired, code and all.
C1 = re.compile("[\x80-\x9f]")


def _code(doc: DocumentView) -> tuple[tuple[int, int], ...]:
    """The code of the text as written, in text order: fenced and indented blocks (`<pre>` of HTML)
    and code spans (`<code>`)."""
    blocks, spans = doc.cached(FENCED_BLOCKS), doc.cached(CODE_SPANS)
    if not (blocks and spans):
        return blocks or spans
    merged: list[tuple[int, int]] = []
    for a, b in sorted(blocks + spans):  # a span inside a block: one stretch of code
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return tuple(merged)


def _outside(code: tuple[tuple[int, int], ...], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of the line `start:end` outside `code`, in order (none when the line is code). Code
    writes mojibake on purpose as often as it is damaged (`s.replace("Ã©", "é")`): it is left as
    written, unless the whole document is mojibake (`_all_mojibake`) or the line holds a C1 control
    (`C1`: invisible, never written on purpose; a `<pre>` of a manual page read as Latin-1)."""
    pieces, pos = [], start
    first = bisect_right(code, (start, sys.maxsize)) - 1  # the last stretch opening at or before the line
    for a, b in code[max(first, 0) :]:
        if a >= end:
            break
        if b <= pos:
            continue
        if a > pos:
            pieces.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _all_mojibake(
    text: str, code: tuple[tuple[int, int], ...], pieces: list[tuple[int, int]], lang: str | None
) -> bool:
    """Whether the text outside code is mojibake throughout: some of it is repaired, and every line
    outside code with a character beyond ASCII is among the pieces repaired. Then the page's bytes
    were read in the wrong charset, its code with them, and the code is repaired too; a text that
    writes its other non-ASCII words right has its code's mojibake on purpose."""
    repaired = [(a, b) for a, b in pieces if _repairs(text[a:b], lang)]
    if not repaired:
        return False
    starts = {text.rfind("\n", 0, a) + 1 for a, _ in repaired}
    pos = 0
    for line in text.split("\n"):
        begin, pos = pos, pos + len(line) + 1
        if line.isascii() or begin in starts:
            continue
        outside = "".join(text[a:b] for a, b in _outside(code, begin, begin + len(line)))
        if not outside.isascii():
            return False
    return True


def _repairs(piece: str, lang: str | None) -> bool:
    """Whether the step changes `piece` (ftfy's repair or a read-back), not as its subject."""
    if subject(piece):
        return False
    return repair(piece) != piece or read_back(piece, lang) is not None


#: Marks that may stand around a word written as an example ("Ã©", „Ã“): stripped before a token is
#: read. Only opening marks and ASCII for the mojibake itself, whose closing quotes may be its bytes
#: (“ ” ’ are Windows-1252 for 0x93, 0x94, 0x92).
EXAMPLE_EDGE = "\"'()[]{}<>,.;:!?\u201e\u00ab\u00bb\u201a"
READING_EDGE = EXAMPLE_EDGE + "\u201c\u201d\u2018\u2019"


def subject(line: str) -> list[tuple[int, str, str]]:
    """(offset, token, reading) for each token of `line` that is mojibake written as a word of its own
    while its reading stands in the same line as a word too ("le é s'affiche comme Ã©", "é shows up as
    Ã©", 'aus „Ó“ wird „Ã“'): a text that discusses mojibake shows both on purpose, as a text about
    HTML shows entities (`entity.subject`). Only when ftfy finds nothing else to repair in the line: a
    damaged line ("Ele Ã© o melhor ... hÃ¡ anos") is repaired, even if it also writes the right
    character.
    Empty when the line has no such pair."""
    words = {t.strip(READING_EDGE) for t in line.split()}
    discussed: bool | None = None  # whether the line names encoding (`_names_encoding`), read when needed
    found, rest, pos = [], line, 0
    for token in line.split():
        pos = line.index(token, pos)
        core, read = _example(token)
        if read is not None and read not in words and _quoted(line, pos, token):
            if discussed is None:
                discussed = _names_encoding(line)
            if not (discussed and plausible(read, min_letters=1)):
                read = None
        elif read is not None and read not in words:
            read = None
        if read is not None:
            at = pos + token.index(core)
            found.append((at, core, read))
            rest = rest[:at] + " " * len(core) + rest[at + len(core) :]
        pos += len(token)
    return found if found and repair(rest) == rest else []


#: Opening quotation marks: a token opening with one is quoted ("„MÃ¼ller“", "«Ã©té»").
OPENING_QUOTES = "\"'\u201e\u201c\u00ab\u201a\u2018\u2039"
#: Closing quotation marks that may also be the last byte of mojibake (“ ” ’ are Windows-1252 0x93,
#: 0x94, 0x92): stripped only when the token without them has a reading and opens with a quote.
CLOSING_QUOTES = "\u201c\u201d\u2019\u00bb\u203a\"'"


def _example(token: str) -> tuple[str, str | None]:
    """(the token's core, its UTF-8 reading or None): the core without `EXAMPLE_EDGE` marks, and
    without a closing quotation mark when the token opens with one and only the core without it
    has a reading (German „MÃ¼ller“: the “ closes the quote, it is no byte of the mojibake)."""
    core = token.strip(EXAMPLE_EDGE)
    if not core or core.isascii():
        return core, None
    read = _utf8_reading(core)
    if read is None and token[:1] in OPENING_QUOTES:
        inner = core.lstrip(OPENING_QUOTES).rstrip(CLOSING_QUOTES).strip(EXAMPLE_EDGE)
        if inner and inner != core and not inner.isascii():
            read = _utf8_reading(inner)
            core = inner if read is not None else core
    return core, read


def _quoted(line: str, pos: int, token: str) -> bool:
    """Whether the token at `pos` of `line` opens with a quotation mark, or follows one standing
    alone ("« prÃ©nom »", French spacing)."""
    return token[:1] in OPENING_QUOTES or line[:pos].rstrip()[-1:] in OPENING_QUOTES.replace("'", "")


@lru_cache(maxsize=1)
def _encoding_terms() -> tuple[str, ...]:
    """How every article language (`encoding_terms.txt`) and the charsets' own names (the common list)
    talk about character encoding: word beginnings, lower case."""
    return tuple(sorted(resources.union("encoding_terms.txt") | set(resources.common("encoding_terms.txt"))))


def _names_encoding(line: str) -> bool:
    """Whether `line` talks about character encoding (a word beginning with a term of
    `_encoding_terms`, or a term of two words written in it): then a quoted mojibake word in it is
    the subject ("Die Datei zeigte „MÃ¼ller“, ein Fehler der Kodierung")."""
    lowered = line.lower()
    terms = _encoding_terms()
    if any(" " in t and t in lowered for t in terms):
        return True
    return any(w.startswith(terms) for w in re.findall(r"[\w-]+", lowered))


def _utf8_reading(token: str) -> str | None:
    """What `token` says read back as UTF-8 through the first of ftfy's charsets that gives a
    different text, or None (no letter test: the examples of a text about mojibake are single
    characters, "é", "Ó")."""
    for charset in ENCODINGS:
        try:
            decoded = token.encode(charset).decode("utf-8")
        except UnicodeError:
            continue
        if decoded != token:
            return decoded
    return None


#: What Windows-1252 makes of a UTF-8 continuation byte (0x80-0xBF), the bytes it has no character for
#: (0x81, 0x8D, 0x8F, 0x90, 0x9D) aside: a decoder drops them.
CP1252_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
#: "â€" (E2 80 of UTF-8 read as Windows-1252) then: "œ" (the opening “ E2 80 9C), the byte 0x9D kept
#: (the closing ” E2 80 9D), or no continuation at all (its last byte is gone; a U+FFFD in its place
#: is left to ftfy, which keeps it as the mark of a lost byte).
QUOTE_MOJIBAKE = re.compile(f"\u00e2\u20ac(?:(\u0153)|(\u009d)|(?![{re.escape(CP1252_CONTINUATION)}\ufffd]))")


def _lost_closing_quotes(line: str) -> str:
    """The line with the lost last byte (0x9D) of a closing quotation mark put back after "â€", where
    an opening “ ("â€œ") of the line is still open. Without it ftfy reads "â€ " as a
    dagger (E2 80 A0, the no-break space made a space), a character far rarer than a quote."""
    if "\u00e2\u20ac\u0153" not in line:
        return line
    parts, start, open_quotes = [], 0, 0
    for m in QUOTE_MOJIBAKE.finditer(line):
        if m.group(1):
            open_quotes += 1
        elif m.group(2):
            open_quotes = max(open_quotes - 1, 0)
        elif open_quotes:
            open_quotes -= 1
            parts += [line[start : m.end()], "\x9d"]
            start = m.end()
    return "".join(parts) + line[start:] if parts else line


@lru_cache(maxsize=1024)
def repair(line: str) -> str:
    """ftfy's repair of one line (no line break inside), or the line itself when ftfy declines.
    Cached: a line ftfy declines is met again in the chain's next passes."""
    line = _lost_closing_quotes(line)
    if "&" in line and ";" in line:
        unescaped = unescape_html(line)
        if unescaped != line and ftfy.badness.is_bad(unescaped):
            fixed = ftfy.fix_text(unescaped, CONFIG)
            return fixed if fixed != unescaped else line
    return ftfy.fix_text(line, CONFIG)


#: The median frequency (zipf) in the document's language of the words a read-back line changes:
#: most must be common words (mojibake is never one; a rare word or a name among them is allowed).
MIN_MEDIAN_ZIPF = 3.0


@lru_cache(maxsize=1024)
def read_back(line: str, lang: str | None) -> tuple[str, str, float] | None:
    """(line, charset, evidence): the whole line taken back to bytes of one of ftfy's charsets and read
    as UTF-8 (strictly: every non-ASCII character must be part of a valid sequence), when the words
    decide it: each token (between white space) it changes is letters of living alphabets of one script
    (`encoding.plausible`) and the median frequency of the words it changes is at least
    MIN_MEDIAN_ZIPF in the document's language. Of several charsets, the one whose changed words are
    the most frequent (`evidence`: the sum of their zipf). Without a language, never.

    ftfy declines short mojibake its badness heuristic cannot tell from symbols ("pi√π" in Italian),
    and takes the first charset that decodes, which may make rare words where a later one makes
    common ones (Windows-1250 before ISO 8859-2: "atÊ" for "até"); the words decide here."""
    if lang is None:
        return None
    best: tuple[str, str, float] | None = None
    for charset, text in _readings(line):
        frequencies = _changed_words(line, text, lang)
        if not frequencies or statistics.median(frequencies) < MIN_MEDIAN_ZIPF:
            continue
        if best is None or sum(frequencies) > best[2]:
            best = (text, charset, sum(frequencies))
    return best


def _readings(line: str) -> Iterator[tuple[str, str]]:
    """(charset, text): the line taken back to bytes of each of ftfy's charsets and read as strict
    UTF-8, as it is and with the bytes 0xA0 a space replaced put back (`ftfy.fixes.restore_byte_a0`,
    which ftfy skips for MacRoman, as here: "Г " of Windows-1251 for "à ")."""
    for charset in ENCODINGS:
        try:
            raw = line.encode(charset)
        except UnicodeError:
            continue
        variants = [raw] if charset == "macroman" else [raw, restore_byte_a0(raw)]
        for variant in dict.fromkeys(variants):
            try:
                yield charset, variant.decode("utf-8")
            except UnicodeError:
                continue


def _beats(evidence: float, line: str, fixed: str, lang: str | None) -> bool:
    """Whether a read-back with this evidence replaces ftfy's output `fixed`: when ftfy declined, or
    when ftfy's output lines up with the line and its changed words are less frequent (ftfy's output
    that moves spaces or changes what the words cannot judge stays)."""
    if fixed == line:
        return True
    theirs = _changed_words(line, fixed, lang) if lang else None
    return theirs is not None and sum(theirs) < evidence


def _changed_words(line: str, text: str, lang: str) -> list[float] | None:
    """The zipf frequency in `lang` of each word (run of letters) of the tokens (between white space) `text`
    changes in `line`; None when the tokens do not line up, a changed token is not plausible text, or
    nothing changed."""
    before, after = line.split(), text.split()
    if len(before) != len(after):
        return None
    changed = [b for a, b in zip(before, after, strict=True) if a != b]
    if not changed or not all(plausible(t, min_letters=0) for t in changed):
        return None
    return [zipf(w, lang) for t in changed for w in LETTER_RUN.findall(t)] or None


def _flags(doc: DocumentView, start: int, line: str) -> Iterator[Edit]:
    """Flags on the tokens of a line ftfy left alone that read as UTF-8 through some charset, or hold a
    C1 control or a lost byte."""
    pos = 0
    for token in line.split():
        pos = line.index(token, pos)
        if not token.isascii():
            found = reading(token)
            if found is not None:
                text, charset = found
                yield doc.mark(
                    start + pos,
                    start + pos + len(token),
                    "mojibake.unrepaired",
                    f"looks like UTF-8 read as {charset_name(charset)}: likely {text!r} (ftfy declined to repair it)",
                )
            elif not C1_OR_LOST.isdisjoint(token):
                detail = (
                    "U+FFFD: a character lost when the text was decoded"
                    if "\ufffd" in token
                    else "a C1 control character: a byte of another charset"
                )
                yield doc.mark(start + pos, start + pos + len(token), "mojibake.unrepaired", detail)
        pos += len(token)
