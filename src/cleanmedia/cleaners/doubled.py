"""Doubled words ("la la tension", "di dati dati"): the copy goes, unless doubling is legitimate.

Legitimate doublings are data per language ("nous nous", "vous vous", German relative "die die",
"that that", Italian "piano piano", emphasis such as "très très"). Numbers are never touched, and the
two copies must be spelt alike (case aside) with a single space between them on one line.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from itertools import compress

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit
from cleanmedia.text import BLOCKS

DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]+)((?: \1)+)(?![\w'’-])", re.IGNORECASE)


class DoubledWords(Cleaner):
    name = "doubled_words"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("doubled.word",)

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        pairs = _doubled_candidates(doc.word_list())
        if pairs is not None and not pairs:
            return
        keep = resources.profile(doc.lang).words("doubled.txt")
        for line in doc.cached(BLOCKS):
            if pairs is not None and not any(f"{w} {w}" in line.text.casefold() for w in pairs):
                continue  # only lines where a word follows itself are scanned with the pattern
            for m in DOUBLED.finditer(doc.text, line.start, line.end):
                word = m.group(1)
                if word.lower() in keep or len(word) == 1 and not word.isalpha():
                    continue
                yield doc.remove(m.start(2), m.end(2), "doubled.word", f"{word!r} written twice")


def _doubled_candidates(words: list[str]) -> set[str] | None:
    """The words (case-folded) that follow themselves in the run of words: what the pattern may find.
    Joined, folded, split again and compared pairwise in C; a Python loop only over the pairs found.
    (None would mean "unknown: scan every line"; the gate tests use it.)"""
    folded = " ".join(words).casefold().split(" ")
    return set(compress(folded, map(operator.eq, folded, folded[1:])))
