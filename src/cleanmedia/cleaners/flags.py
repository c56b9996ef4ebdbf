"""Flags: damage that needs a person or a translator. The text is not changed; each flag says why.

- a garbled non-word, unknown to the document's language and to English ("flenderious");
- a capitalised common word in the middle of a sentence, written so only once and in lower case
  elsewhere in the document ("demander un Examen des contrats" beside "l'examen"): the lexicons have no
  case, so only the document tells a common word from a name ("Azië", "Bergamo" are never flagged);
- a known machine-translation calque, from a per-language list users can extend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import regex

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit
from cleanmedia.lang import key, lexicon, zipf
from cleanmedia.text import word_positions

#: A lone capitalised word after a lower-case word (not after a stop, colon or quote, nor beside another
#: capitalised word: "Federal Trade Commission" is a name).
MID_CAPITAL = regex.compile(
    r"(?<=(?<![\p{L}\p{N}])\p{Ll}+[,]? )(\p{Lu}\p{Ll}{2,})(?= \p{Ll}|[,.;:]|$)", regex.MULTILINE
)


class Flags(Cleaner):
    name = "flags"
    reasons = ("flag.",)
    only_flags = True  # the text is never changed: `clean` (text only) skips this cleaner

    def __init__(
        self, calques: Mapping[str, Iterable[tuple[str, str]]] | None = None, min_zipf: float = 3.5
    ) -> None:
        self.extra_calques = {lang: list(rows) for lang, rows in (calques or {}).items()}
        self.min_zipf = min_zipf

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        code = doc.lang
        profile = resources.profile(code)
        if not profile.known or code is None:
            return
        text = doc.text
        known = lexicon(code)
        english = lexicon(profile.loanwords_from) if profile.loanwords_from else known
        unknown = {
            w
            for w in set(doc.words()).difference(known).difference(english)
            if len(w) >= 6 and w.islower() and key(w) not in known and key(w) not in english
        }  # in C first; then looked up as the lexicon normalises ("außerdem" is stored "ausserdem")
        languages = _language_names(
            profile.name, resources.profile(profile.loanwords_from).name if profile.loanwords_from else None
        )
        for start, word in word_positions(text, unknown, "'’-@/.#_"):
            yield doc.mark(start, start + len(word), "flag.non_word", f"{word!r} is not {languages} word")
        if not profile.capitalises_more_than_names:
            words = doc.words()
            for m in MID_CAPITAL.finditer(text):
                word = m.group(1)
                if words[word] > 1 or not words[word.lower()]:
                    continue  # a name (Microsoft, België) unless the document writes it in lower case too
                if zipf(word.lower(), code) >= self.min_zipf:
                    yield doc.mark(
                        m.start(1),
                        m.end(1),
                        "flag.mid_capital",
                        f"{word!r}: capitalised common word mid-sentence",
                    )
        lowered = text.lower()
        for phrase, suggestion in self._calques(code):
            start = lowered.find(phrase)
            while start >= 0:
                yield doc.mark(
                    start,
                    start + len(phrase),
                    "flag.calque",
                    f"machine-translation calque; say {suggestion!r}",
                )
                start = lowered.find(phrase, start + 1)

    def _calques(self, code: str) -> list[tuple[str, str]]:
        rows = [(r[0].lower(), r[1]) for r in resources.profile(code).table("calques.tsv") if len(r) >= 2]
        return rows + [(p.lower(), s) for p, s in self.extra_calques.get(code, [])]


def _language_names(name: str, loans: str | None) -> str:
    """The languages a word was looked up in, as a message says them: "a Polish or English", "an
    English" (the article before the first name's sound: a vowel letter)."""
    said = f"{name} or {loans}" if loans and loans != name else name
    return f"{'an' if said[:1] in 'AEIOU' else 'a'} {said}"
