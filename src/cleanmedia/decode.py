"""Bytes to text, explicitly: cleanmedia never guesses an encoding behind the user's back.

The order follows what browsers do (the WHATWG encoding sniffing algorithm, simplified): a byte order
mark, then the charset the transport declared (an HTTP `Content-Type` header, as a WARC record carries),
then the page's own `<meta charset>` or `http-equiv` declaration, then detection. Bytes that are not text
at all (images, archives, executables) are refused rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import re

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


class DecodeError(ValueError):
    """The bytes are not text (binary data), or could not be decoded with the charset the caller gave."""


def decode(raw: bytes, declared_charset: str | None = None, *, override: str | None = None) -> str:
    """Decode document bytes to text, honouring what the bytes and their transport declare.

    Order: `override` if given (the user's word: bytes it cannot map raise `DecodeError`); a byte order
    mark; binary data refused (`DecodeError` naming the format found); valid UTF-8 (a valid UTF-8 byte
    string is almost never anything else, and pages often declare a wrong charset), or UTF-8 with a few
    invalid sequences (U+FFFD; `MOSTLY_UTF8`); `declared_charset`
    (the transport's, e.g. the charset of an HTTP `Content-Type` header); an HTML `<meta charset>` or
    `http-equiv` declaration in the first 4 KB; detection by charset-normalizer (Windows-1252, what
    browsers use for undeclared Western pages, when it fits as well as any), with U+FFFD for unmappable
    bytes, never silently lost. Bytes no text encoding fits raise `DecodeError`.
    An unknown `declared_charset` or `override` raises `DecodeError`; an unknown `<meta>` label is
    ignored (pages get it wrong; the user did not).
    """
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, not {type(raw).__name__}")
    raw = bytes(raw)
    if override:
        codec = codec_name(override)
        try:
            return raw.decode(codec)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not valid {override}: {exc.reason} at byte {exc.start}") from None
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
            return text
    kind = binary_kind(raw)
    if kind:
        raise DecodeError(f"binary data, not text: {kind}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        return mostly
    declared = codec_name(declared_charset) if declared_charset else None
    for candidate in (declared, meta_charset(raw)):
        if candidate:
            try:
                return raw.decode(candidate)
            except UnicodeDecodeError:
                pass
    detected = detect_charset(raw)
    if detected is None:
        raise DecodeError("no text encoding fits these bytes (binary data?)")
    return raw.decode(detected, errors="replace")


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


def binary_kind(raw: bytes) -> str | None:
    """What binary format `raw` starts with (`"a PNG image"`), or None when it may be text.

    Known signatures are named; anything else with NUL bytes in its first 8 KB is "binary data" (text in
    UTF-16 without a byte order mark is the one text that has them; it is rare on the web and refused).
    """
    head = raw[:SNIFF_BYTES]
    for signature, name in BINARY_SIGNATURES:
        if head.startswith(signature):
            return name
    if _OTHER_SIGNATURES.match(head):
        return "bzip2-compressed data" if head.startswith(b"BZh") else "a media file"
    if b"\x00" in head:
        return "NUL bytes (binary data, or UTF-16 without a byte order mark)"
    return None


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
    """The charset charset-normalizer finds most plausible for undeclared bytes, or None.

    Short Western text fits several single-byte code pages equally well (charset-normalizer may rank
    Windows-1250 first for French); when Windows-1252 fits as well as the best, it is chosen, since it
    is what an undeclared Western page is in practice and what browsers assume.
    """
    from charset_normalizer import from_bytes  # imported when first needed: most input is UTF-8

    matches = list(from_bytes(raw))
    if not matches:
        return None
    best = min(match.percent_chaos for match in matches)
    chosen = str(matches[0].encoding)
    for match in matches:
        if match.percent_chaos <= best and "cp1252" in match.could_be_from_charset:
            chosen = "cp1252"
            break
    # Byte-level plausibility cannot tell code pages that differ in a few letters (Polish ISO-8859-2 read
    # as ISO-8859-10 gives "Posģowie"): the reading whose words the lexicon knows clearly better wins.
    candidates = {c for m in matches for c in m.could_be_from_charset} | set(LEXICAL_CANDIDATES)
    baseline = _known_share(raw, chosen)
    better = max(sorted(candidates - {chosen}), key=lambda c: _known_share(raw, c), default=None)
    if better is not None and _known_share(raw, better) >= baseline + 0.05:
        return better
    return chosen


#: Single-byte code pages tried besides charset-normalizer's own candidates when words decide.
LEXICAL_CANDIDATES = ("cp1250", "iso8859_2", "cp1251", "cp1252", "cp1257", "iso8859_15", "koi8_r")


def _known_share(raw: bytes, codec: str) -> float:
    """The share of the words of `raw` read as `codec` that the lexicon of their language knows (0 when
    the bytes do not decode, or the language is not identified). Cached per call site by the caller."""
    try:
        text = raw[:20000].decode(codec)
    except (UnicodeDecodeError, LookupError):
        return -1.0
    from cleanmedia.document import LETTER_RUN
    from cleanmedia.lang import detect_words, scores, zipf

    runs = LETTER_RUN.findall(text)[:2000]
    # words as written between spaces: a wrong code page puts symbols inside them ("S±d"), whose
    # letter runs alone could be words ("dach")
    words = [w for w in (t.strip(EDGE_PUNCTUATION) for t in text.split()[:2000]) if len(w) > 1]
    # a short text is too thin to identify; its likeliest language still tells its readings apart
    # ("El niño comió en España." read as Windows-1252 or as ISO-8859-7)
    evidence = scores(w.lower() for w in runs)
    code = detect_words(runs) or (max(sorted(evidence), key=evidence.__getitem__) if evidence else None)
    if not code or not words:
        return 0.0
    return sum(w.isalpha() and zipf(w.lower(), code) > 0 for w in words) / len(words)


#: Punctuation at the edges of a word written between spaces.
EDGE_PUNCTUATION = ".,;:!?\"'()[]«»„“”‘’-–—…"


def codec_name(label: str) -> str:
    """The Python codec a charset label names (with browsers' aliases); `DecodeError` if unknown."""
    try:
        name = codecs.lookup(label.strip()).name.replace("-", "_")
    except LookupError:
        raise DecodeError(f"unknown charset {label!r}") from None
    return _BROWSER_ALIASES.get(name, name)
