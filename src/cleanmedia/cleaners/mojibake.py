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

from collections.abc import Iterator
from functools import lru_cache

import ftfy
import ftfy.badness
from ftfy.fixes import unescape_html

from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit
from cleanmedia.encoding import C1_OR_LOST, reading, suspect_lines

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
    reasons = ("mojibake", "mojibake.unrepaired")

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        for start, end in suspect_lines(doc.text):
            line = doc.text[start:end]
            fixed = repair(line)
            if fixed != line:
                yield doc.change(start, end, fixed, "mojibake", "text decoded with the wrong charset")
            else:
                yield from _flags(doc, start, line)


@lru_cache(maxsize=1024)
def repair(line: str) -> str:
    """ftfy's repair of one line (no line break inside), or the line itself when ftfy declines.
    Cached: a line ftfy declines is met again in the chain's next passes."""
    if "&" in line and ";" in line:
        unescaped = unescape_html(line)
        if unescaped != line and ftfy.badness.is_bad(unescaped):
            fixed = ftfy.fix_text(unescaped, CONFIG)
            return fixed if fixed != unescaped else line
    return ftfy.fix_text(line, CONFIG)


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
                    f"looks like UTF-8 read as {charset}: likely {text!r} (ftfy declined to repair it)",
                )
            elif not C1_OR_LOST.isdisjoint(token):
                detail = (
                    "U+FFFD: a character lost when the text was decoded"
                    if "\ufffd" in token
                    else "a C1 control character: a byte of another charset"
                )
                yield doc.mark(start + pos, start + pos + len(token), "mojibake.unrepaired", detail)
        pos += len(token)
