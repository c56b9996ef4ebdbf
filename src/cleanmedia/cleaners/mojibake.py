"""Mojibake (UTF-8 read as Latin-1 or Windows-1252) repaired with ftfy, only on lines that show it.

ftfy is thorough but slow; most text has no mojibake, so a cheap pattern (a UTF-8 lead byte seen as
Latin-1 followed by a continuation byte seen as Latin-1/cp1252) picks the candidate lines, ftfy's own
badness test confirms, and only then does ftfy fix the line. The configuration is conservative: quotes
stay curly, widths and ligatures stay as written, line breaks and controls are left to `layout`.
"""

from __future__ import annotations

from collections.abc import Iterator

import ftfy
import ftfy.badness
import regex

from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit
from cleanmedia.text import lines

SIGN = regex.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)

C1 = regex.compile(r"[\x80-\x9f]")

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
    """Fixes lines that show mojibake or hold C1 controls (Windows-1252 bytes decoded as Latin-1)."""

    name = "mojibake"
    reasons = ("mojibake",)

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        if not (SIGN.search(doc.text) or C1.search(doc.text)):
            return
        for ln in lines(doc.text):
            c1 = bool(C1.search(ln.text))
            if not (c1 or (SIGN.search(ln.text) and ftfy.badness.is_bad(ln.text))):
                continue
            fixed = _fix(ln.text)
            if fixed != ln.text:
                yield doc.change(ln.start, ln.end, fixed, "mojibake", "text decoded with the wrong charset")


def _fix(line: str) -> str:
    """ftfy until the line stops changing (at most three rounds): garbage can decode in layers, and the
    result must look clean to the next run too."""
    for _ in range(3):
        fixed = C1.sub("", ftfy.fix_text(line, CONFIG)).replace("\n", " ")
        if fixed == line or not (SIGN.search(fixed) and ftfy.badness.is_bad(fixed)):
            return fixed
        line = fixed
    return line
