"""A sentence that starts in lower case after a full stop ("Microsoft. le naissance") gets its capital.

The stop must follow a word of at least two letters that is not an abbreviation (data file), and an
ellipsis never counts as the end of a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanmedia import resources
from cleanmedia.document import Document, Edit

LOWER_START = regex.compile(r"(?<=(\p{L}{2,})[.!?] )(\p{Ll})(?=\p{Ll})")


class SentenceCapital:
    name = "sentence_capital"

    def edits(self, doc: Document) -> Iterator[Edit]:
        abbreviations = resources.word_set("abbreviations", "all")
        for m in LOWER_START.finditer(doc.text):
            if m.group(1).lower() in abbreviations:
                continue
            start = m.start(2)
            if doc.text[max(0, start - 4) : start - 1].endswith(".."):
                continue
            yield doc.change(
                start, m.end(2), m.group(2).upper(), "sentence.capital", "sentence starts in lower case"
            )
