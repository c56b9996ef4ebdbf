"""Bytes to text, explicitly: cleanmedia never guesses an encoding behind the user's back."""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes could not be decoded with the charset the caller declared."""


def decode(raw: bytes, declared_charset: str | None = None) -> str:
    """Decode page bytes: UTF-8 first (a BOM is honoured), then the declared charset, then Windows-1252.

    UTF-8 is tried first because a valid UTF-8 byte string is almost never anything else, and pages
    often declare a wrong charset. Windows-1252 is the fallback because it is what browsers use for
    undeclared Western pages; bytes it cannot map are replaced by U+FFFD rather than lost silently.
    An unknown `declared_charset` raises `DecodeError`.
    """
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, not {type(raw).__name__}")
    raw = bytes(raw)
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(codec, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared_charset:
        try:
            codecs.lookup(declared_charset)
        except LookupError:
            raise DecodeError(f"unknown charset {declared_charset!r}") from None
        try:
            return raw.decode(declared_charset)
        except UnicodeDecodeError:
            pass
    return raw.decode("cp1252", errors="replace")
