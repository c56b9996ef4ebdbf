"""Language resources shipped as data files: stop words, widget phrases, month names, glossaries.

Files are plain UTF-8 text; `#` starts a comment line. Everything is read once and cached.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

#: Languages with a full set of resources (stop words, widget phrases, months).
LANGUAGES = ("en", "fr", "it", "de", "es", "pt", "nl")


def _read(*parts: str) -> str | None:
    node = resources.files(__name__)
    for part in parts:
        node = node / part
    return node.read_text(encoding="utf-8") if node.is_file() else None


@cache
def lines(*parts: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file (empty when the file does not exist)."""
    text = _read(*parts) or ""
    return tuple(s for s in (raw.strip() for raw in text.splitlines()) if s and not s.startswith("#"))


@cache
def table(*parts: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file."""
    return tuple(tuple(cell.strip() for cell in row.split("\t")) for row in lines(*parts))


@cache
def stopwords(lang: str) -> frozenset[str]:
    return frozenset(lines("stopwords", f"{lang}.txt"))


@cache
def word_set(kind: str, lang: str) -> frozenset[str]:
    """A word list of `kind` (a folder of one file per language), empty for a language without one."""
    return frozenset(lines(kind, f"{lang}.txt"))
