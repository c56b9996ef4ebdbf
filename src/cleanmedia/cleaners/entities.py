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


#: An escaped tag: "&lt;p&gt;", "&lt;/p&gt;", "&lt;a href=...&gt;", "&lt;!-- ... --&gt;" (one line at most).
ESCAPED_TAG = re.compile(r"&lt;(?:/?[A-Za-z][A-Za-z0-9:-]*(?:[\s/][^\n<>]*?)?|![^\n<>]*?)&gt;")


class Entities(Cleaner):
    """Decodes HTML character references in text (`entity`)."""

    name = "entities"
    reasons = ("entity", "entity.markup")

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        text = doc.text
        if "&" not in text:
            return
        # "&lt;p&gt;": escaped markup. Decoded, it would be taken for HTML when the text is cleaned again
        # (clean(clean(x)) != clean(x)) and lose its text then; it stays escaped, and is flagged.
        tags = [(m.start(), m.end()) for m in ESCAPED_TAG.finditer(text)] if "&lt;" in text else []
        for start, end in tags:
            yield doc.mark(start, end, "entity.markup", "escaped markup left escaped")
        k = 0
        for m in REFERENCE.finditer(text):
            while k < len(tags) and tags[k][1] <= m.start():
                k += 1
            if k < len(tags) and tags[k][0] <= m.start():
                continue  # inside an escaped tag
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
