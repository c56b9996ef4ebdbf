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
from cleanmedia.lang import zipf


class StrandedWords(Cleaner):
    name = "stranded_words"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("stranded.word",)

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        table, sources, pattern = _table(doc.lang or "")
        if pattern is None or doc.lang is None:
            return
        for m in pattern.finditer(doc.text):
            if m.group(1).lower() in resources.union("letter_names.txt"):  # "la lettre e": a letter named
                continue
            word, left, right = m.group(2), m.group(1), m.group(3)
            if not (left[0].isupper() and right[0].isupper()):
                continue  # "la constante e vaut", "La vita e bella": only between two names, as translation leaves it
            if any(_foreign(w, doc.lang, sources[word]) for w in (left, right)):
                continue  # "Romeo e Giulietta", "Dolce e Gabbana": a title or name of the source language
            yield doc.change(
                m.start(2),
                m.end(2),
                table[word],
                "stranded.word",
                f"{word!r} is not {doc.lang}; left by translation",
            )


def _foreign(word: str, lang: str, sources: tuple[str, ...]) -> bool:
    """Whether `word` is clearly a word of a source language rather than of `lang` (a zipf point more)."""
    home = zipf(word.lower(), lang)
    return any(zipf(word.lower(), source) >= home + 1.0 for source in sources)


@cache
def _table(lang: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]], regex.Pattern[str] | None]:
    """The language's stranded words (word -> replacement), the source languages of each, and the
    pattern finding them between two words (built once)."""
    rows = [row for row in resources.profile(lang).table("stranded.tsv") if len(row) >= 2]
    table = {row[0]: row[1] for row in rows}
    sources = {row[0]: tuple(row[2].split()) if len(row) > 2 else () for row in rows}
    if not table:
        return table, sources, None
    words = "|".join(map(regex.escape, table))
    return table, sources, regex.compile(rf"(?<=(\p{{L}}+)[,)]? )({words})(?= (\p{{L}}+))")
