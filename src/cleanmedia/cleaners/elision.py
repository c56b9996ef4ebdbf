"""French elision before a vowel-initial name: "alors que Openai" -> "alors qu'Openai", "de Ottawa" -> "d'Ottawa".

Only before a capitalised name ("Openai", "OpenAI", not an all-capitals acronym whose reading is not
known, nor a lower-case word), where the rule has no exception but the letter y ("le Yémen"), and never
in the idiom "à la", nor before the words the language's `unelided.txt` lists with their reason ("la Une",
the front page; "le Onze", a numeral's name).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.cleaners.glue import APOSTROPHE_STYLE
from cleanmedia.document import DocumentView, Edit

NAME_VOWEL = "AEIOUÉÈÊÀÂÎÏÔÛ"


class Elision(Cleaner):
    name = "elision"
    languages = resources.languages_where("elides_before_names")
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("elision",)

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        profile = resources.profile(doc.lang)
        eliding = profile.words("elision.txt")
        if not eliding:
            return
        unelided = profile.words("unelided.txt")
        apostrophe = doc.cached(APOSTROPHE_STYLE)
        for m in _pattern(eliding).finditer(doc.text):
            word = m.group(1)
            if _next_word(doc.text, m.end()).lower() in unelided:
                continue  # "la Une": a word before which nothing elides

            if word.lower() not in eliding or (
                word[0].isupper() and word.lower() not in profile.elides_capitalised
            ):
                continue
            if doc.text[max(0, m.start() - 2) : m.start()] + word.lower() in profile.unelided_idioms:
                continue  # "à la Unix": the idiom, not an article
            yield doc.change(
                m.start(), m.end(), word[:-1] + apostrophe, "elision", f"{word!r} elides before a vowel"
            )


def _next_word(text: str, at: int) -> str:
    """The word that starts at text[at] (letters only; "" if none)."""
    m = WORD.match(text, at)
    return m.group() if m else ""


WORD = regex.compile(r"\p{L}+")


@lru_cache(maxsize=8)
def _pattern(eliding: frozenset[str]) -> regex.Pattern[str]:
    words = "|".join(sorted(eliding, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}'’])((?i:{words})) (?=[{NAME_VOWEL}]\p{{Ll}})")
