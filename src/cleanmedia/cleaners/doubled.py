"""Doubled words ("la la tension", "di dati dati"): the copy goes, unless doubling is legitimate.

Legitimate doublings are data per language ("nous nous", "vous vous", German relative "die die",
"that that", Italian "piano piano", emphasis such as "très très"). Numbers are never touched, and the
two copies must be spelt alike (case aside) with a single space between them on one line.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator

from cleanmedia import resources
from cleanmedia.document import Document, Edit

DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]+)((?: \1)+)(?![\w'’-])", re.IGNORECASE)


class DoubledWords:
    name = "doubled_words"

    def edits(self, doc: Document) -> Iterator[Edit]:
        if not _may_have_doubles(doc.word_list()):
            return
        keep = resources.word_set("doubled", doc.lang or "")
        for m in DOUBLED.finditer(doc.text):
            word = m.group(1)
            if word.lower() in keep or len(word) == 1 and not word.isalpha():
                continue
            yield doc.remove(m.start(2), m.end(2), "doubled.word", f"{word!r} written twice")


def _may_have_doubles(words: list[str]) -> bool:
    """False when no word is followed by itself (case aside) in the run of words: no regex scan needed.
    (Joined, case-folded and split again, then compared pairwise: all in C.)"""
    folded = " ".join(words).casefold().split(" ")
    return any(map(operator.eq, folded, folded[1:]))
