"""Where text may be mojibake: UTF-8 bytes decoded with one of the single-byte charsets ftfy repairs.

Everything here is derived from ftfy's own list of charsets (`ftfy.chardata.CHARMAP_ENCODINGS`: Latin-1,
Windows-1250 to -1257, ISO 8859-2, MacRoman, code page 437), not from examples. A UTF-8 character of two
to four bytes starts with a lead byte (0xC2-0xF4) followed by continuation bytes (0x80-0xBF); decoded
with a single-byte charset, it becomes that charset's lead character followed by one of its
continuation characters. So mojibake, of any language and through any of these charsets (in layers
too), always shows such a pair somewhere, or one of ftfy's other signs: a C1 control character (a
Windows-1252 byte read as Latin-1), U+FFFD (a byte that did not decode), a lead character before a
space where byte 0xA0 became a space (what `ftfy.fixes.restore_byte_a0` undoes), or an HTML entity on
top of it. Text without any of these cannot be changed by ftfy's encoding repair: that is the gate.

Two uses:
- `suspect_lines(text)`: the lines that may hold mojibake (one C-speed regex scan, pairs confirmed per
  charset), the only lines the `mojibake` cleaner hands to ftfy;
- `reading(token)`: the UTF-8 reading of a whitespace-delimited token, when re-encoding it with one of
  the charsets gives valid UTF-8 that looks like text (letters of one script, nothing invisible). It
  names the likely reading of mojibake ftfy declines to repair, and marks spans no word-level repair may
  touch.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import ftfy.badness  # importing ftfy registers its "sloppy-windows-*" codecs
from ftfy.chardata import CHARMAP_ENCODINGS

ENCODINGS: tuple[str, ...] = tuple(CHARMAP_ENCODINGS)


#: How the edit log names ftfy's charsets ("sloppy" codecs decode the bytes the standard leaves undefined).
NAMES = {
    "latin-1": "Latin-1",
    "iso-8859-2": "ISO 8859-2",
    "macroman": "MacRoman",
    "cp437": "code page 437",
}


def charset_name(encoding: str) -> str:
    """A readable name for one of ftfy's charsets: "sloppy-windows-1252" -> "Windows-1252"."""
    return NAMES.get(encoding) or encoding.removeprefix("sloppy-").capitalize()


def _decoded(encoding: str, low: int, high: int) -> str:
    return bytes(range(low, high + 1)).decode(encoding)


#: Per charset, the characters UTF-8 lead bytes and continuation bytes decode to (U+FFFD: a byte lost).
LEADS = {enc: _decoded(enc, 0xC2, 0xF4) for enc in ENCODINGS}
CONTINUATIONS = {enc: _decoded(enc, 0x80, 0xBF) + "\ufffd" for enc in ENCODINGS}
#: Per charset, how many continuation bytes each lead character announces.
NEED = {
    enc: {
        ch: 1 if b < 0xE0 else 2 if b < 0xF0 else 3
        for b, ch in zip(range(0xC2, 0xF5), LEADS[enc], strict=True)
    }
    for enc in ENCODINGS
}
#: Every (lead, continuation) pair of one charset: the two-character sign of UTF-8 read with it.
PAIRS = frozenset(lead + cont for enc in ENCODINGS for lead in LEADS[enc] for cont in CONTINUATIONS[enc])
#: Lead characters of the two-byte sequences whose continuation may be byte 0xA0 turned into a space
#: (the bytes `ftfy.chardata.ALTERED_UTF8_RE` looks for; ftfy skips MacRoman there, as here).
A0_LEADS = frozenset(
    bytes([b]).decode(enc)
    for enc in ENCODINGS
    if enc != "macroman"
    for b in (0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9)
)
#: The same for the three- and four-byte sequences with a continuation byte 0xA0 turned into a space.
A0_LEADS3 = frozenset(
    bytes([b]).decode(enc) for enc in ENCODINGS if enc != "macroman" for b in (0xE0, 0xE1, 0xE2, 0xE3, 0xF0)
)
C1_OR_LOST = frozenset(chr(c) for c in range(0x80, 0xA0)) | {"\ufffd"}
#: C1 controls and U+FFFD, but NEL (U+0085, white space to Python, which the layout turns into a space):
#: what no cleaning step of `Chain.layout_only` changes, so that their count never falls in a clean.
LOST = re.compile("[\x80-\x84\x86-\x9f\ufffd]")
#: A text with this share of its characters in LOST (and MIN_LOST of them at least) is no text: binary
#: decoded as text (random bytes through Windows-1252 give 2% U+FFFD, through Latin-1 12% C1 controls),
#: or text whose every other character was lost. Real text has none, or a few in a damaged word.
MAX_LOST_SHARE = 0.01
MIN_LOST = 16


def not_text(text: str) -> str | None:
    """Why `text` is binary decoded as text rather than text (None when it is text): lost bytes and C1
    controls in at least MAX_LOST_SHARE of its characters. Repairs of words need words: such a text gets
    the layout steps alone. Stable under them: they never remove a LOST character, so a text found so
    is found so again after its clean (and the clean stays idempotent)."""
    if text.isascii():
        return None
    lost = len(LOST.findall(text))
    if lost < MIN_LOST or lost < MAX_LOST_SHARE * len(text):
        return None
    return (
        f"{lost:,} of {len(text):,} characters are lost bytes or C1 controls: binary, not text; layout only"
    )


def _class(chars: set[str] | frozenset[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars) if not c.isascii())


_ALL_LEADS = {c for s in LEADS.values() for c in s}
_ALL_CONTS = {c for s in CONTINUATIONS.values() for c in s}
#: One scan for every sign. It starts with a single character class (so the regex engine skips ahead at
#: C speed) and confirms with look-behinds: a continuation character after a lead (or after a lead and
#: a space), a C1 control or U+FFFD, a two-byte lead before a space in the context ftfy's badness test
#: asks for, an entity. Scanning for continuations rather than leads stops on far fewer characters of
#: real text: every lower-case Cyrillic and Greek letter is a lead (Windows-1251, -1253), few are
#: continuations. Charsets are mixed in these classes; `_is_sign` confirms per charset. An
#: alternation of whole signs is five times slower.
_A0 = _class(A0_LEADS)
SIGN = re.compile(
    f"[{_class(_ALL_CONTS | A0_LEADS)}&]"
    f"(?:(?<=[{_class(_ALL_LEADS)}][{_class(_ALL_CONTS)}])"
    f"|(?<=[{_class(A0_LEADS3)}] [{_class(_ALL_CONTS)}])"
    f"|(?<=[{_class(C1_OR_LOST)}])"
    f"|(?<=[a-z][{_A0}])(?= )|(?<=[a-z]\\s[{_A0}])(?= )|(?<=^[{_A0}])(?= )"
    r"|(?<=&)(?=#?\w{1,24};))",
    re.MULTILINE,
)


def _starts(text: str, match: int) -> tuple[int, ...]:
    """Where the sign a `SIGN` match at `match` belongs to may start: the match itself (a C1 control,
    U+FFFD, an entity, a two-byte lead before a space), the lead before it, or the lead before a space."""
    if text[match] in C1_OR_LOST or text[match] == "&":
        return (match,)
    return tuple(q for q in (match, match - 1, match - 2) if q >= 0)


def _is_sign(text: str, start: int, bad_lines: dict[int, bool] | None = None) -> bool:
    """Confirms a `SIGN` match: a C1 or lost byte, an entity, or a whole UTF-8 sequence through one
    charset (`_sequence`). A sequence whose byte 0xA0 may have become a space (what
    `ftfy.fixes.restore_byte_a0` undoes, for the lead bytes ftfy lists) is confirmed by ftfy's own
    badness test on its line: ftfy repairs it only when the line is bad, and spaces after such leads
    are common in text that is no mojibake (Russian "В 2012 году", "словах» и"). `bad_lines`: the
    verdicts on lines already tested, by their start (one slice and test per line, not per sign)."""
    at = min(start, 2)
    local = _local_sign(text[start - at : start + 4], at)
    if local is not None:
        return local
    line_start = text.rfind("\n", 0, start) + 1
    if bad_lines is not None and line_start in bad_lines:
        return bad_lines[line_start]
    line_end = text.find("\n", start)
    bad = _bad_line(text[line_start : len(text) if line_end < 0 else line_end])
    if bad_lines is not None:
        bad_lines[line_start] = bad
    return bad


@lru_cache(maxsize=4096)
def _local_sign(window: str, at: int) -> bool | None:
    """`_is_sign` on the characters around the match alone (`window`: the text from two characters
    before it to three after, the match at `at`): True or False, or None when the line's badness
    decides. Cached: a run of one character (a thousand no-break spaces) asks the same question at
    every position, and is then linear with a small constant."""
    first = window[at]
    if first in C1_OR_LOST or first == "&":
        return True
    if _sequence(window, at, space=False):
        return True
    if not _sequence(window, at, space=True) and not _a0_pair(window, at):
        return False
    return None


@lru_cache(maxsize=1024)
def _bad_line(line: str) -> bool:
    """ftfy's badness test, once per line however many spaced sequences it holds."""
    return ftfy.badness.is_bad(line)


def _sequence(text: str, start: int, *, space: bool) -> bool:
    """A whole UTF-8 sequence through one charset starts at `start`: its lead character and as many
    continuation characters as the lead byte announces (one to three), one of them at least a real
    continuation. A continuation may also be U+FFFD or "?" (a byte lost, which ftfy's sloppy codecs
    repair) and, with `space`, a space after a lead ftfy restores byte 0xA0 for. Text that is no
    mojibake rarely has the right count: in Russian, a Windows-1251 lead (any lower-case letter) before
    "»" or "…" is a pair, not a sequence."""
    first = text[start]
    for enc in ENCODINGS:
        need = NEED[enc].get(first)
        if need is None:
            continue
        tail = text[start + 1 : start + 1 + need]
        ok = CONTINUATIONS[enc]
        spaced = space and first in A0_LEADS3
        if (
            len(tail) == need
            and all(c in ok or c == "?" or (spaced and c == " ") for c in tail)
            and (need == 1 or any(c in ok for c in tail))
        ):
            return True
    return False


def _a0_pair(text: str, start: int) -> bool:
    """A two-byte lead ftfy restores byte 0xA0 for, then a space, after a lower-case Latin letter (and
    at most one space) or at a line start, as ftfy's badness test asks."""
    if text[start] not in A0_LEADS or text[start + 1 : start + 2] != " ":
        return False
    before = text[max(0, start - 2) : start]
    return (
        not before
        or before[-1] == "\n"
        or _latin_lower(before[-1])
        or (before[-1].isspace() and _latin_lower(before[0]))
    )


def _latin_lower(ch: str) -> bool:
    return "a" <= ch <= "z"


def suspect_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` (split on "\\n", end excluding it) that shows a sign of
    mojibake, in order. ASCII text has none (one C-speed test)."""
    if text.isascii():
        return []
    spans: list[tuple[int, int]] = []
    last_end = -1
    bad_lines: dict[int, bool] = {}
    pos = 0
    while (m := SIGN.search(text, pos)) is not None:
        start = m.start()
        pos = start + 1
        if start <= last_end:
            continue
        if not any(_is_sign(text, q, bad_lines) for q in _starts(text, start)):
            pos = _past_run(text, start, pos)
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        last_end = len(text) if line_end < 0 else line_end
        spans.append((line_start, last_end))
        pos = last_end + 1
    return spans


#: How far around a match `_is_sign` and `_starts` read: two characters before the earliest start
#: (two before the match), three after the match.
RUN_CONTEXT = (4, 6)


def _past_run(text: str, start: int, pos: int) -> int:
    """Where to search on after a match at `start` that is no sign: past the inside of a run of one
    character (a thousand no-break spaces), whose every position asks the same question of the same
    characters, up to the last positions whose context reaches past the run; `pos` otherwise."""
    before, after = RUN_CONTEXT
    c = text[start]
    if start < before or text[start - before : start + after] != c * (before + after):
        return pos
    end = start + after
    step = 64
    while text[end : end + step] == c * step:  # in strides: a run of a million costs no Python per character
        end += step
    while end < len(text) and text[end] == c:
        end += 1
    return max(pos, end - after + 1)


@lru_cache(maxsize=4096)
def reading(token: str) -> tuple[str, str] | None:
    """(text, charset): what `token` says when its characters are taken back to bytes of a charset ftfy
    knows and read as UTF-8, layer after layer (at most three), or None when no charset gives valid
    UTF-8 that looks like text. The first charset in ftfy's order that works is taken."""
    current, found = token, ""
    for _ in range(3):
        step = _one_layer(current)
        if step is None:
            break
        current, encoding = step
        found = found or encoding
    return (current, found) if found and plausible(current) else None


def _one_layer(token: str) -> tuple[str, str] | None:
    if token.isascii():
        return None
    for enc in ENCODINGS:
        try:
            decoded = token.encode(enc).decode("utf-8")
        except UnicodeError:
            continue
        if decoded != token:
            return decoded, enc
    return None


#: Latin letters of living alphabets that are not an ASCII letter with diacritics.
LATIN_LETTERS = frozenset("ßẞæÆøØœŒðÐþÞłŁđĐħĦıŋŊ")


def plausible(text: str, min_letters: int = 2) -> bool:
    """Letters of one script (`min_letters` at least), and nothing invisible or private among what was decoded;
    a Latin letter is an ASCII letter with diacritics or one of the few other letters living alphabets
    use. A random string of symbols that happens to be valid UTF-8 decodes to stray letters of other
    scripts, combining marks, controls, IPA or archaic letters ("ſ", "Ʌ")."""
    scripts = set()
    letters = 0
    for ch in text:
        if ch.isascii():
            if not ch.isprintable():
                return False
            if ch.isalpha():
                scripts.add("LATIN")
                letters += 1
            continue
        category = unicodedata.category(ch)
        if category[0] in "CM":
            return False
        if category[0] == "L":
            script = unicodedata.name(ch, "?").split(" ")[0]
            if script == "LATIN" and not (
                unicodedata.normalize("NFD", ch)[0].isascii() or ch in LATIN_LETTERS
            ):
                return False
            letters += 1
            scripts.add(script)
    return letters >= min_letters and len(scripts) <= 1


def token_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whitespace-delimited token(s) around text[start:end]."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def suspect(token: str) -> bool:
    """True when `token` still looks like mojibake: a plausible UTF-8 reading, or a C1 or lost byte."""
    return not token.isascii() and (reading(token) is not None or not C1_OR_LOST.isdisjoint(token))
