"""Bytes to text, explicitly: cleanmedia never guesses an encoding behind the user's back.

The order follows what browsers do (the WHATWG encoding sniffing algorithm, simplified): a byte order
mark, then the charset the transport declared (an HTTP `Content-Type` header, as a WARC record carries),
then the page's own `<meta charset>` or `http-equiv` declaration, then detection. Bytes that are not text
at all (images, archives, executables) are refused rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

#: How much of a page is searched for a `<meta>` charset declaration (browsers look at the first 1024
#: bytes; pages with long `<head>` scripts put it later, so a little more is read).
META_PRESCAN_BYTES = 4096
#: How much of the start is looked at to tell binary data from text.
SNIFF_BYTES = 8192

#: Signatures of common binary formats, named in the error so the user knows what was found.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"PAR1\x15", "a Parquet file"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS\x00", "an Ogg media file"),
    (b"ID3\x03", "an MP3 file"),
    (b"ID3\x04", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_OTHER_SIGNATURES = re.compile(rb"^(RIFF....(WEBP|WAVE|AVI )|....ftyp|BZh[1-9]1AY&SY)", re.DOTALL)

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE | re.DOTALL
)
_HEADER_CHARSET = re.compile(r"""\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)

#: Labels browsers read as another encoding (WHATWG Encoding standard): Latin-1 and ASCII labels mean
#: Windows-1252, and a UTF-16 label inside the bytes themselves cannot be true (it was read as ASCII).
_BROWSER_ALIASES = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "utf_16": "utf-8",
    "utf_16_le": "utf-8",
    "utf_16_be": "utf-8",
}
#: The user's labels (`--charset`): Latin-1 is still read as Windows-1252 (its bytes 0x80-0x9F are
#: that code page's punctuation in practice, never control characters), every other label as named.
_USER_ALIASES = {"latin_1": "cp1252", "iso8859_1": "cp1252"}


class DecodeError(ValueError):
    """The bytes are not text (binary data), or could not be decoded with the charset the caller gave."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the charset chosen (a Python codec name), why (`how`: "a byte
    order mark", "valid UTF-8", "declared by the transport", "detected", ...), and how sure that
    choice is (`sure`: "certain" for a byte order mark, the user's word or valid UTF-8; "declared" for a
    declaration; for detection, "clear" or "unsure" with the runner-up's reading). `note()` is the
    line `--explain` shows (`decode.charset`)."""

    text: str
    charset: str
    how: str
    sure: str

    def note(self) -> str:
        """One line for a person: `decode.charset: cp1252 (detected; unsure: ...)`."""
        return f"decode.charset: {self.charset} ({self.how}; {self.sure})"


def decode(raw: bytes, declared_charset: str | None = None, *, override: str | None = None) -> str:
    """The text of `decode_explained` (see there): document bytes decoded, honouring what the bytes and
    their transport declare."""
    return decode_explained(raw, declared_charset, override=override).text


def decode_explained(
    raw: bytes, declared_charset: str | None = None, *, override: str | None = None
) -> Decoded:
    """Decode document bytes to text, honouring what the bytes and their transport declare, and say
    which charset was chosen and how sure that is (`Decoded`).

    Order: `override` if given (the user's word: bytes it cannot map raise `DecodeError`); a byte order
    mark; binary data refused (`DecodeError` naming the format found); valid UTF-8 (a valid UTF-8 byte
    string is almost never anything else, and pages often declare a wrong charset), or UTF-8 with a few
    invalid sequences (U+FFFD; `MOSTLY_UTF8`); `declared_charset`
    (the transport's, e.g. the charset of an HTTP `Content-Type` header); an HTML `<meta charset>` or
    `http-equiv` declaration in the first 4 KB; detection (`detect_charset`: the code page whose
    reading is text of one language, letters of its alphabet, among charset-normalizer's guess and the
    code pages of `resources/common/alphabets.tsv`), with U+FFFD for unmappable bytes, never silently
    lost. Bytes no text encoding fits raise `DecodeError`.
    An unknown `declared_charset` or `override` raises `DecodeError`; an unknown `<meta>` label is
    ignored (pages get it wrong; the user did not).
    """
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, not {type(raw).__name__}")
    raw = bytes(raw)
    if override:
        text, codec = _decode_as(raw, override)
        return Decoded(text, codec, "--charset", "certain: the user's word")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16's, which starts it
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            text = raw[len(bom) :].decode(codec, errors="replace")
            if text.count("\ufffd") * 2 > len(text):
                raise DecodeError(f"a {codec} byte order mark, but the bytes after it are not {codec}")
            return Decoded(text, codec, "a byte order mark", "certain")
    kind = binary_kind(raw)
    if kind:
        raise DecodeError(f"binary data, not text: {kind}")
    nuls = ""
    if b"\x00" in raw:  # a few, in text (`stray_nuls`): dropped, and said
        nuls, raw = _nul_note(raw), raw.replace(b"\x00", b"")
    decoded = _decode_text(raw, declared_charset)
    return replace(decoded, how=f"{decoded.how}; {nuls}") if nuls else decoded


def _decode_text(raw: bytes, declared_charset: str | None) -> Decoded:
    """`decode_explained` from valid UTF-8 on: `raw` is neither binary nor marked by a byte order mark."""
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", "valid UTF-8", "certain")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        text, said = _stray_bytes(raw)
        return Decoded(text, "utf-8", "mostly valid UTF-8", f"likely: {said}")
    declared = codec_name(declared_charset) if declared_charset else None
    for candidate, how in (
        (declared, "declared by the transport"),
        (meta_charset(raw), "a <meta> declaration"),
    ):
        if candidate:
            try:
                return Decoded(raw.decode(candidate), candidate, how, "declared")
            except UnicodeDecodeError:
                pass
    found = _detect(raw)
    if found is None:
        raise DecodeError("no text encoding fits these bytes (binary data?)")
    detected, sure = found
    return Decoded(raw.decode(detected, errors="replace"), detected, "detected", sure)


#: UTF-8 with a few invalid bytes is UTF-8 when its valid multi-byte characters outnumber the invalid
#: sequences this many times: a single-byte code page's text (accents before ASCII letters) almost never
#: forms a valid multi-byte sequence, a damaged UTF-8 file (cut mid-character, a stray Latin-1 byte)
#: forms little else.
MOSTLY_UTF8 = 4


def _mostly_utf8(raw: bytes) -> str | None:
    """`raw` read as UTF-8 with U+FFFD for its invalid sequences, when those are few against its valid
    multi-byte characters (`MOSTLY_UTF8`); else None. Read as a code page instead, every valid
    character would turn into mojibake to repair, and the invalid bytes into letters."""
    text = raw.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - raw.count("\ufffd".encode())
    valid = sum(1 for c in text if c > "\x7f") - text.count("\ufffd")
    return text if invalid > 0 and valid >= MOSTLY_UTF8 * invalid else None


def _stray_bytes(raw: bytes) -> tuple[str, str]:
    """Mostly valid UTF-8 `raw` decoded, and what was done with its invalid bytes, for the note.

    A single invalid byte is a stray character of a Windows code page (a file pasted together from two
    sources: "K\\xf6ln" is "Köln") and is read so when it reads as text there (`_stray_readings`): a
    letter of the alphabet the text's own letters are written in, through that alphabet's code page
    ("ę" of Windows-1250 in Polish text, not the "ê" of Windows-1252), else a letter of a Windows-1252
    language ("é" in German text), in a word of one case pattern (not "ÿWeitere"); or a punctuation
    mark, a symbol or a no-break space of Windows-1252. Anything else (a multi-byte character cut
    short, a lead byte at the very end, a byte no code page reads as text here) stays U+FFFD, never a
    guessed letter. Each reading is said, with its code page and where its byte was."""
    marked = raw.decode("utf-8", errors=_MARK_STRAY)
    readings = _stray_readings(marked)
    read: list[str] = []
    lost = 0

    def one(m: re.Match[str]) -> str:
        nonlocal lost
        byte = ord(m.group()) - 0xDC00
        if byte >= 0x100:  # U+DD00: a character cut short (`_mark_stray`)
            lost += 1
            return "\ufffd"
        for page, letters in readings:
            char = bytes([byte]).decode(page, errors="replace")
            if (
                char.isalpha()
                and char.lower() in letters
                and not _MIXED_CASE.search(_word_around(marked, m.start(), char))
            ):
                break
        else:
            page, char = COMMON_CODE_PAGE, bytes([byte]).decode(COMMON_CODE_PAGE, errors="replace")
            if char == "\ufffd" or not _SIGN.match(char):
                lost += 1
                return "\ufffd"
        line = marked.count("\n", 0, m.start()) + 1
        read.append(f"{char!r} (byte 0x{byte:02x} in {page}, line {line})")
        return char

    text = _STRAY.sub(one, marked)
    said = []
    if read:
        shown = ", ".join(read[:3]) + (f" and {len(read) - 3} more" if len(read) > 3 else "")
        said.append(f"{len(read)} stray {'byte' if len(read) == 1 else 'bytes'} of a code page: {shown}")
    if lost:
        said.append(f"{lost} invalid {'sequence' if lost == 1 else 'sequences'} read as U+FFFD")
    return text, "; ".join(said)


def _stray_readings(marked: str) -> list[tuple[str, frozenset[str]]]:
    """The Windows code pages a stray byte of `marked` is tried in, in order, each with the letters it
    may give: those of the languages whose alphabet holds most of the text's own letters beyond ASCII
    (`alphabets.tsv`), Windows-1252 first when it is one of theirs; then Windows-1252 with the letters
    of every language written in it. A text with no such letter of its own: Windows-1252 alone."""
    seen = {c.lower() for c in marked if c.isalpha() and not c.isascii()}
    table = [(frozenset(c for c, _ in probability), pages) for _, probability, pages in _alphabets()]
    common = frozenset().union(*(letters for letters, pages in table if COMMON_CODE_PAGE in pages))
    if not seen:
        return [(COMMON_CODE_PAGE, common)]
    most = max(len(seen & letters) for letters, _ in table)
    fitting = [(letters, pages) for letters, pages in table if len(seen & letters) == most]
    windows = sorted(
        {p for _, pages in fitting for p in pages if p.startswith("cp125")},
        key=lambda p: (p != COMMON_CODE_PAGE, p),
    )
    own = [(p, frozenset().union(*(letters for letters, pages in fitting if p in pages))) for p in windows]
    return [*own, (COMMON_CODE_PAGE, common)]


def _mark_stray(exc: UnicodeError) -> tuple[str, int]:
    """Decoding error handler of `_stray_bytes`: a single invalid byte becomes the lone surrogate
    U+DC00 + its value (U+DC80-U+DCFF, to be judged in context), a longer invalid sequence or a lead
    byte at the very end (a character cut short) U+DD00, a mark for U+FFFD. UTF-8 decoding gives no
    surrogate of its own: the marks are the handler's alone."""
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    cut = exc.end == len(exc.object) and bad[0] >= 0xC2
    return ("\udd00" if len(bad) > 1 or cut else chr(0xDC00 + bad[0])), exc.end


_MARK_STRAY = "cleanmedia.stray_bytes"
codecs.register_error(_MARK_STRAY, _mark_stray)
_STRAY = re.compile("[\udc80-\udd00]")
#: Windows-1252 characters a stray byte is read as outside a word: punctuation, symbols, a no-break space.
_SIGN = regex.compile(r"[\p{P}\p{S}\u00a0]")


def _word_around(marked: str, at: int, char: str) -> str:
    """The run of letters around `marked[at]` (a stray byte read as `char`), the byte read as `char`."""
    start = at
    while start > 0 and marked[start - 1].isalpha():
        start -= 1
    end = at + 1
    while end < len(marked) and marked[end].isalpha():
        end += 1
    return marked[start:at] + char + marked[at + 1 : end]


def binary_kind(raw: bytes) -> str | None:
    """What binary format `raw` starts with (`"a PNG image"`), or None when it may be text.

    Known signatures are named; anything else with more NUL bytes than a text's stray few
    (`stray_nuls`) is "binary data" (text in UTF-16 without a byte order mark is the one text that has
    many; it is rare on the web and refused: `--charset utf-16` reads it).
    """
    head = raw[:SNIFF_BYTES]
    for signature, name in BINARY_SIGNATURES:
        if head.startswith(signature):
            return name
    if _OTHER_SIGNATURES.match(head):
        return "bzip2-compressed data" if head.startswith(b"BZh") else "a media file"
    if b"\x00" in raw and not stray_nuls(raw):
        return (
            f"NUL bytes ({raw.count(0):,} of {len(raw):,} bytes: binary data, or UTF-16 without a byte "
            "order mark, which --charset utf-16 reads)"
        )
    return None


#: A text may hold a few NUL bytes (a field separator of the tool that wrote it, a C string's end, a
#: copy and paste): at most this share of its bytes, or `STRAY_NUL_FEW` when they are at most a tenth
#: of a short text's. Binary data and UTF-16 (every other byte, for Latin letters) have far more.
STRAY_NUL_SHARE = 0.02
STRAY_NUL_FEW = 3
#: Control bytes other than NUL and white space (tab, newlines, form feed, escape): binary data has
#: them by the hundred (a tenth of random bytes), text hardly ever. At most this share with stray NULs.
CONTROL_BYTES = bytes([*range(1, 9), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
STRAY_CONTROL_SHARE = 0.005


def stray_nuls(raw: bytes) -> bool:
    """Whether the NUL bytes of `raw` are a text's stray few: few against its length
    (`STRAY_NUL_SHARE`, `STRAY_NUL_FEW`), and hardly any other control byte (`STRAY_CONTROL_SHARE`).
    Such a text is decoded without them (the note says how many and where), not refused as binary."""
    nuls = raw.count(0)
    if not nuls or not (
        nuls <= len(raw) * STRAY_NUL_SHARE or nuls <= STRAY_NUL_FEW and nuls * 10 <= len(raw)
    ):
        return False
    controls = len(raw) - len(raw.translate(None, CONTROL_BYTES))
    return controls <= len(raw) * STRAY_CONTROL_SHARE


def _nul_note(raw: bytes) -> str:
    """What the decoding note says of the stray NUL bytes of `raw`: how many, and the first lines."""
    lines: list[int] = []
    line, counted, at = 1, 0, raw.find(0)
    while at >= 0 and len(lines) < 4:
        line, counted = line + raw.count(b"\n", counted, at), at
        if line not in lines:
            lines.append(line)
        at = raw.find(0, raw.find(b"\n", at) + 1 or len(raw)) if lines[-1] == line else -1
    count = raw.count(0)
    where = ", ".join(map(str, lines[:3])) + (" and more" if len(lines) > 3 else "")
    return f"{count} stray NUL {'byte' if count == 1 else 'bytes'} dropped ({'line' if where.isdigit() else 'lines'} {where})"


def meta_charset(raw: bytes) -> str | None:
    """The codec an HTML `<meta charset=...>` or `<meta http-equiv content="...; charset=...">` in the
    first 4 KB names, read as browsers read it; None when there is none or the label is unknown."""
    found = _META_CHARSET.search(raw[:META_PRESCAN_BYTES])
    if not found:
        return None
    try:
        return codec_name(found.group(1).decode("ascii"))
    except DecodeError:
        return None


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP `Content-Type` header value (`text/html; charset=koi8-r`), as
    written (validated later by `decode`), or None."""
    found = _HEADER_CHARSET.search(content_type or "")
    return found.group(1) if found else None


def detect_charset(raw: bytes) -> str | None:
    """The code page that reads undeclared non-UTF-8 bytes as text of one language, or None.

    Candidates: charset-normalizer's best guess (with the charsets it could be from) and the code pages
    of the languages in `resources/common/alphabets.tsv`; each distinct reading of the first
    SCORE_BYTES is scored by `_reading_score`: first whether it reads cleanly (one language's letters,
    nothing the mojibake repair would change), then how likely its letters beyond ASCII are as the
    best-fitting language writes them (each letter's frequency inside a word and at its end; a symbol
    or control character inside a word, a word in mixed case or of mixed scripts as unlikely as a
    foreign letter), through one of that language's own code pages, in the language the text's ASCII
    words identify when they do. Ties go to charset-normalizer's order, then the table's. A multi-byte
    guess (Shift_JIS, GB18030), which no alphabet here judges, is kept unless a code page reads the
    bytes cleanly. Byte statistics alone cannot tell code pages that differ in a few letters (Polish in
    Windows-1250 read as ISO 8859-2 gives "podglšdu", letters all), and a reading the mojibake repair
    would change is never kept when another reads cleanly: the repair would turn it into something else
    again. A short text (fewer than SHORT_TEXT_LETTERS letters beyond ASCII: too few to tell code pages
    apart) whose Windows-1252 reading reads cleanly and is words of a language while the best
    reading's are words of none is read as Windows-1252, the commonest undeclared code page ("Ça
    coûte cher.", not Windows-1257's "Ēa coūte cher."). Measured by `bench/charsets.py`.
    """
    found = _detect(raw)
    return None if found is None else found[0]


def _detect(raw: bytes) -> tuple[str, str] | None:
    """(code page, how sure) of `detect_charset`; None when nothing fits. Sure: "clear" when one
    reading stands out, "unsure" with the runner-up's reading (`_sure`)."""
    from charset_normalizer import from_bytes  # imported when first needed: most input is UTF-8

    matches = list(from_bytes(raw))
    if not matches:
        return None
    guess = str(matches[0].encoding)
    ranked = [guess, *matches[0].could_be_from_charset]
    ranked += [c for _, _, pages in _alphabets() for c in pages]
    head = raw[:SCORE_BYTES]
    readings: dict[str, list[str]] = {}  # reading -> the code pages giving it, in rank order
    for name in dict.fromkeys(codec_name(c) for c in ranked if _known_codec(c)):
        try:
            text = head.decode(name)
        except UnicodeDecodeError:
            continue
        readings.setdefault(text, []).append(name)
    if not readings:
        return guess, "unsure: the detector's guess, no code page reads the bytes"
    order = list(readings)
    told = _ascii_language(order[0])

    def key(text: str) -> tuple[bool, float, int]:
        return (*_reading_score(text, told, frozenset(readings[text])), -order.index(text))

    ranked_readings = sorted(readings, key=key, reverse=True)
    best = ranked_readings[0]
    if not _single_byte(guess) and not key(best)[0]:
        return guess, "unsure: a multi-byte charset no code page reads cleanly"
    common = next((t for t, pages in readings.items() if COMMON_CODE_PAGE in pages), None)
    if common is not None and common != best and key(common)[0] and _short(best):
        language = _words_of_a_language(common)
        if language is not None and _words_of_a_language(best) is None:
            said = (
                f"short text: its words are {_language_name(language)} words; "
                f"{readings[best][0]} would read {_sample(best, common)!r}"
            )
            return COMMON_CODE_PAGE, f"unsure: {said}"
    runner = next((t for t in ranked_readings[1:] if key(t)[0]), None)
    pages = readings[best]
    chosen = COMMON_CODE_PAGE if COMMON_CODE_PAGE in pages else pages[0]  # the same text: the common name
    if runner is None or not _short(best):
        return chosen, "clear"
    return chosen, f"unsure: short text, {readings[runner][0]} would read {_sample(runner, best)!r}"


#: The code page most undeclared single-byte text on the web is in (Windows-1252, which browsers read
#: for Latin-1 and ASCII labels too).
COMMON_CODE_PAGE = "cp1252"
#: A text with fewer letters beyond ASCII than this is short: too few letters to tell code pages apart
#: by their frequencies ("Ça coûte cher.": two letters, Latvian "Ē" and "ū" of Windows-1257 as likely
#: as French "Ç" and "û"; Croatian "č" of Windows-1250 as likely as the "è" of Windows-1252).
SHORT_TEXT_LETTERS = 8
#: A word is a word of a language when its frequency there (wordfreq's zipf) is at least this.
KNOWN_ZIPF = 2.0


def _short(text: str) -> bool:
    return _letters_beyond_ascii(text) < SHORT_TEXT_LETTERS


def _words_of_a_language(text: str) -> str | None:
    """The language (of those identification knows whose code pages include Windows-1252) of which
    every word of `text` with a letter beyond ASCII is a known word (`KNOWN_ZIPF`), or None; of
    several, the one that writes them most often (the highest summed zipf: "Déjà" is known to German
    as a loanword, at 2.9, and French, at 5.8). On a short text this is the evidence letters cannot
    give: "Ça coûte" are French words, "Ēa coūte" and "proraèuna" words of no language here."""
    from cleanmedia.document import LETTER_RUN
    from cleanmedia.lang import DETECTABLE, zipf

    words = [w for t in text.split() for w in LETTER_RUN.findall(t) if not w.isascii()]
    if not words:
        return None
    found: str | None = None
    most = 0.0
    for code, _, pages in _alphabets():
        if code not in DETECTABLE or COMMON_CODE_PAGE not in pages:
            continue
        frequencies = [zipf(w, code) for w in words]
        if min(frequencies) >= KNOWN_ZIPF and sum(frequencies) > most:
            found, most = code, sum(frequencies)
    return found


def _language_name(code: str) -> str:
    """The name of language `code` ("French" for "fr", from its profile), the code for one without."""
    from cleanmedia import resources

    profile = resources.profile(code)
    return profile.name if profile.known else code


def _letters_beyond_ascii(text: str) -> int:
    return sum(1 for c in text if not c.isascii() and c.isalpha())


def _sample(text: str, chosen: str) -> str:
    """The first word of `text` (another reading) that the `chosen` reading reads otherwise, for the
    note (`Decoded.sure`): what the choice changed, not a word both read alike ("m²")."""
    words = text.split()
    differing = (w for w, c in zip(words, chosen.split(), strict=False) if w != c)
    return next(differing, next((w for w in words if not w.isascii()), text[:20]))


def _known_codec(label: str) -> bool:
    try:
        codec_name(label)
    except DecodeError:
        return False
    return True


#: How much of the bytes the readings are scored on.
SCORE_BYTES = 20000
#: A reading is clean when its language's alphabet holds at least this share of its characters beyond
#: ASCII (a loanword or a foreign name may bring a letter of another language).
CLEAN_COVERAGE = 0.9
#: The probability given to a character beyond ASCII that is not a letter of the language (a symbol
#: inside a word, a control character, a letter of another alphabet): rarer than its rarest letter.
FOREIGN = 1e-4


@cache
def _alphabets() -> tuple[tuple[str, dict[tuple[str, bool], float], frozenset[str]], ...]:
    """(language, the probability of each of its letters beyond ASCII inside a word (False) and as a
    word's last letter (True), its code pages) of `resources/common/alphabets.tsv` (a language without
    measured frequencies: its letters all alike, anywhere)."""
    from cleanmedia import resources

    table = []
    for code, letters, pages, inside, last in resources.common_table("alphabets.tsv"):
        keys = [(c, False) for c in letters] + [(c, True) for c in letters]
        measured = inside != "-"
        weights = [float(n) for n in f"{inside} {last}".split()] if measured else [1.0] * len(keys)
        total = sum(weights)
        probability = {key: w / total for key, w in zip(keys, weights, strict=True)}
        table.append((code, probability, frozenset(codec_name(c) for c in pages.split())))
    return tuple(table)


@lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """Whether `codec` reads every byte as one character (a code page, not a multi-byte charset)."""
    try:
        return len(bytes(range(0x80, 0x100)).decode(codec, errors="replace")) == 0x80
    except LookupError:
        return False


def _ascii_language(text: str) -> str | None:
    """The language the words of `text` written in ASCII alone identify (they read the same in every
    code page), or None: evidence for the letters beyond ASCII around them ("entièrement" in French
    text, where Windows-1250 reads "entičrement")."""
    from cleanmedia.document import LETTER_RUN
    from cleanmedia.lang import detect_words, scores

    # whole words only: the ASCII runs of a word with other letters ("Stra" of "Straße") are no words
    tokens = (t.strip(_EDGE) for t in _ASCII_SPACE.split(text[:SCORE_BYTES]))
    words = [w for t in tokens if t.isascii() for w in LETTER_RUN.findall(t)]
    evidence = scores(w.lower() for w in words)
    return detect_words(words) or (max(sorted(evidence), key=evidence.__getitem__) if evidence else None)


def _reading_score(
    text: str, told: str | None = None, pages: frozenset[str] = frozenset()
) -> tuple[bool, float]:
    """(reads cleanly, fit) of one reading of undeclared bytes. Its characters beyond ASCII inside words
    (edge punctuation aside) are weighed by the language that fits them best: fit is their mean log
    probability among that language's letters (`alphabets.tsv`), a character it lacks counting as
    FOREIGN; so do a symbol inside a word ("S±d"), every character of a word in mixed case ("пРИВЕТ":
    KOI8 read as Windows-1251) or of mixed scripts, and a C1 control or U+FFFD anywhere. Clean: that
    language holds at least CLEAN_COVERAGE of the characters, and the mojibake repair would change no
    line."""
    letters: Counter[tuple[str, bool]] = Counter()  # (letter, last of its word)
    bad = len(_LOST.findall(text))
    inner = 0  # apostrophes and hyphens beyond ASCII inside words
    for token in _ASCII_SPACE.split(_CATALAN_DOT.sub("", text)):
        word = token.strip(_EDGE)
        if (
            word.isascii()
            or _UNIT.fullmatch(word)
            or all(unicodedata.category(c) in _STANDALONE for c in word)
        ):
            continue  # a dash, a currency or times sign, a quotation mark or a unit alone is no word to judge
        if _MIXED_CASE.search(word) or len({_script(c) for c in word if c.isalpha()}) > 1:
            bad += sum(1 for c in word if not c.isascii())
            continue
        for i, c in enumerate(word):
            if c.isascii():
                continue
            if c.isalpha():
                letters[c, i == len(word) - 1] += 1
            elif _INNER.match(c):
                inner += 1
            else:
                bad += 1
    total = sum(letters.values()) + bad + inner
    if not total:
        return True, 0.0
    fit, covered = max(
        (
            sum(n * _log_probability(c, last, probability) for (c, last), n in letters.items())
            + bad * math.log(FOREIGN)
            + inner * math.log(INNER)
            + (math.log(OTHER_LANGUAGE) if told and code != told else 0.0)
            + (math.log(OTHER_CODE_PAGE) if pages and pages.isdisjoint(own) else 0.0),
            sum(n for (c, _), n in letters.items() if (c.lower(), False) in probability) + inner,
        )
        for code, probability, own in _alphabets()
    )
    return covered >= CLEAN_COVERAGE * total and not _repaired(text), fit / total


#: The probability of an apostrophe or hyphen beyond ASCII inside a word (`_INNER`): about that of a
#: rare letter (Windows-1252 reads the "ï" of ISO 8859-1 Dutch as "’": "ge’nstalleerde").
INNER = 0.01
#: The odds of another language against the one the text's ASCII words identify (`_ascii_language`).
OTHER_LANGUAGE = 0.1
#: The odds of a language's text in a code page not its own (`alphabets.tsv`) against one of its own
#: ("pisaę" is Polish letters, but through Windows-1257, a Baltic code page: "pisać" of Windows-1250).
OTHER_CODE_PAGE = 0.1
#: How much rarer an upper-case letter is than its lower-case one in running text (a wrong code page
#: often reads a lower-case letter as a capital: "Ó" of code page 850 for the "à" of Windows-1252).
CAPITAL = 0.1


def _log_probability(letter: str, last: bool, probability: dict[tuple[str, bool], float]) -> float:
    lower = letter.lower()
    return math.log(probability.get((lower, last), FOREIGN) * (CAPITAL if letter != lower else 1.0))


@lru_cache(maxsize=4096)
def _script(letter: str) -> str:
    """The script of a letter, as the first word of its Unicode name ("LATIN", "CYRILLIC", "GREEK")."""
    return unicodedata.name(letter, "?").split(" ", 1)[0]


def _repaired(text: str) -> bool:
    """Whether the mojibake cleaner's repair would change a line of `text`."""
    from cleanmedia.cleaners.mojibake import repair
    from cleanmedia.encoding import suspect_lines

    return any(repair(text[start:end]) != text[start:end] for start, end in suspect_lines(text))


#: Unicode categories of the marks text sets apart between spaces ("–", "€", "»", "3 × 4"): dashes,
#: brackets, quotation marks, other punctuation, currency signs, mathematical signs. Not box drawing or
#: other symbols, which a wrong code page reads letters as.
_STANDALONE = frozenset({"Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sc", "Sm"})
#: A unit written as a word: degrees ("20°", "°C") and squares or cubes ("m²", "cm³"). Judged as foreign
#: characters, "Bei 180 °C backen" in Windows-1252 read as Big5 and "Maße: 3 × 4 m" as ISO 8859-5.
_UNIT = re.compile(r"\d*°[CFK]?|\d*[a-zA-Z]{0,2}[²³]")
#: C1 control characters and U+FFFD: bytes no text has (NEL aside, a line break some text has).
_LOST = re.compile("[\x80-\x84\x86-\x9f\ufffd]")
#: A lower-case letter followed by an upper-case one in a word ("пРИВЕТ": KOI8 read as Windows-1251).
_MIXED_CASE = regex.compile(r"\p{Ll}\p{Lu}")
#: Punctuation at the edges of a word written between spaces.
_EDGE = ".,;:!?\"'()[]{}«»„“”‘’‚‹›-–—…*/"
#: Characters beyond ASCII that may stand inside a word: apostrophes and hyphens ("l’homme").
_INNER = re.compile("[\u2019\u02bc\u2010\u2011]")
#: Words are split at ASCII white space only: a no-break space inside a word ("splo\xa0nega") is a
#: letter of another code page, not a space.
_ASCII_SPACE = re.compile("[ \t\n\r\f\v]+")
#: The middle dot of Catalan "l·l", left out of the word it joins (elsewhere in a word, a symbol).
_CATALAN_DOT = re.compile("(?<=[lL])\u00b7(?=[lL])")


def codec_name(label: str, *, declared: bool = True) -> str:
    """The Python codec a charset label names; `DecodeError` if unknown. A label `declared` by the bytes
    or their transport is read with browsers' aliases (`_BROWSER_ALIASES`); the user's own label
    (`declared=False`: `--charset`, `decode(override=...)`) only with `_USER_ALIASES`: UTF-16 and ASCII
    are then what they say."""
    try:
        name = codecs.lookup(label.strip()).name.replace("-", "_")
    except LookupError:
        raise DecodeError(f"unknown charset {label!r}") from None
    return (_BROWSER_ALIASES if declared else _USER_ALIASES).get(name, name)


def _decode_as(raw: bytes, label: str) -> tuple[str, str]:
    """`raw` decoded with the charset the user names (`label`), strictly: bytes it cannot map raise
    `DecodeError` saying where, so that a wrong `--charset` fails the document instead of giving
    garbage (ASCII with a byte of 0x80 or more is such a failure, not a silent Windows-1252 reading).
    UTF-16 without a byte order mark is read in the byte order its zero bytes show (`utf16_order`)."""
    codec = codec_name(label, declared=False)
    if codec == "utf_16" and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = utf16_order(raw)
    try:
        return raw.decode(codec), codec
    except UnicodeDecodeError as exc:
        found = f"byte 0x{raw[exc.start]:02x}" if exc.end - exc.start == 1 else "bytes"
        hint = " (bytes of 0x80 and more are not ASCII: name the code page, or leave --charset out)"
        raise DecodeError(
            f"not valid {label}: {found} at byte {exc.start}: {exc.reason}"
            + (hint if codec == "ascii" else "")
        ) from None


def utf16_order(raw: bytes) -> str:
    """The byte order of UTF-16 without a byte order mark, from where its zero bytes fall: text mostly
    in Latin, Greek, Cyrillic... scripts (code points below U+0100 for ASCII, spaces and punctuation)
    has its zero bytes at odd offsets in little-endian order and at even ones in big-endian.
    Little-endian (what Windows writes) when the zeros do not tell."""
    head = raw[:4096]
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    return "utf_16_be" if even > odd else "utf_16_le"
