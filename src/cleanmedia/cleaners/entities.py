"""HTML character references left in text ("l&#8217;aéroport", "&hellip;", "AT&amp;T", double-escaped
"&amp;amp;"): decoded, each with its edit.

Only complete references (closed by ";") that the HTML standard names, or numeric ones of a valid
character, are decoded; a double escape is decoded until it stops changing (three rounds at most).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit

#: A character reference, possibly escaped again ("&amp;amp;", "&amp;#8217;").
REFERENCE = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class Entities(Cleaner):
    """Decodes HTML character references in text (`entity`)."""

    name = "entities"
    reasons = ("entity",)

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        text = doc.text
        if "&" not in text:
            return
        for m in REFERENCE.finditer(text):
            decoded = decode(m.group())
            if decoded != m.group():
                yield doc.change(m.start(), m.end(), decoded, "entity", "HTML character reference decoded")


def decode(reference: str) -> str:
    """`reference` decoded until it stops changing (at most three rounds); unchanged when the standard
    does not name it or it encodes no valid character (a control, a surrogate)."""
    out = reference
    for _ in range(3):
        step = html.unescape(out)
        if step == out:
            break
        out = step
    if any(ord(ch) < 32 and ch not in "\t\n" or 0xD800 <= ord(ch) <= 0xDFFF or ch == "\ufffd" for ch in out):
        return reference
    return out
