"""Function words of the source language that machine translation left behind ("OpenAI e Microsoft" in
French). Each language has a small table of words that cannot be words of its own where they stand;
a word is replaced only standing alone, in lower case, between two words on one line."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit


class StrandedWords(Cleaner):
    name = "stranded_words"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("stranded.word",)

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        table, pattern = _table(doc.lang or "")
        if pattern is None:
            return
        for m in pattern.finditer(doc.text):
            if m.group(1).lower() in resources.union("letter_names.txt"):  # "la lettre e": a letter named
                continue
            word = m.group(2)
            yield doc.change(
                m.start(2),
                m.end(2),
                table[word],
                "stranded.word",
                f"{word!r} is not {doc.lang}; left by translation",
            )


@cache
def _table(lang: str) -> tuple[dict[str, str], regex.Pattern[str] | None]:
    """The language's stranded words (word -> replacement) and the pattern finding them (built once)."""
    table = {row[0]: row[1] for row in resources.profile(lang).table("stranded.tsv") if len(row) >= 2}
    if not table:
        return table, None
    words = "|".join(map(regex.escape, table))
    return table, regex.compile(rf"(?<=(\p{{L}}+)[,)]? )({words})(?= [\p{{L}}])")
