"""A sentence mark glued to the next sentence ("the main road.However", "meses.Durante", "abiertos.«No"):
the space comes back.

Only between a word and a capitalised word that can start a sentence, and never inside what is written
without spaces on purpose: web and mail addresses, domain and file names, version numbers, dotted
abbreviations ("z.B.", "U.S."), decimals (no digit is ever involved), names with a dot ("Node.Js":
the right part must be a stop word or a frequent word of the language).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit
from cleanmedia.lang import zipf

#: word + . ! or ? + an optional opening quote + a capitalised word, with nothing glued before or after.
GLUED_MARK = regex.compile(
    r"(?<![\p{L}\p{N}@/\\.:_])(\p{L}*\p{Ll}\p{Ll})([.!?])([«\"“„‘'(]?)(\p{Lu}\p{Ll}*)(?![\p{L}\p{N}@/\\_]|\.\p{L})"
)
#: A white-space token that is an address, a path or a file name: left alone whatever it holds.
ADDRESS = regex.compile(r"://|www\.|@|/|\\|\.(?:com|org|net|html?|php|pdf|js|py)\b", regex.IGNORECASE)


class PunctuationGlue(Cleaner):
    """Puts back the space after a sentence mark glued to the next sentence (`glue.punctuation`)."""

    name = "punctuation_glue"
    reasons = ("glue.punctuation",)

    def __init__(self, min_right_zipf: float = 3.0) -> None:
        self.min_right_zipf = min_right_zipf

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        code = doc.lang
        text = doc.text
        if not code or code not in resources.LANGUAGES or not _may_have(text):
            return
        abbreviations = resources.abbreviations(code)
        starters = resources.stopwords(code)
        loans = resources.profile(code).loanwords_from
        for m in GLUED_MARK.finditer(text):
            left, mark, quote, right = m.groups()
            if left.lower() in abbreviations or len(left) < 2:
                continue
            if right.lower() not in starters and zipf(right, code) < self.min_right_zipf:
                continue  # "Node.Js", "Vue.Router": a name written with a dot
            if zipf(left, code) == 0 and not (loans and zipf(left, loans) > 0):
                continue  # the word before the mark is a word of the language (or of its loanwords)
            token = _token(text, m.start(), m.end())
            if ADDRESS.search(token) or token.count(".") + token.count("?") + token.count("!") > 2:
                continue
            at = m.start(3)
            yield doc.change(
                at, at, " ", "glue.punctuation", f"no space after {mark!r} between two sentences"
            )


def _may_have(text: str) -> bool:
    """A sentence mark followed by a letter or a quote anywhere (C-speed scan before the pattern)."""
    return GLUED_MARK.search(text) is not None


def _token(text: str, start: int, end: int) -> str:
    """The white-space token around text[start:end]."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right_space = [p for p in (text.find(" ", end), text.find("\n", end)) if p >= 0]
    return text[left : min(right_space) if right_space else len(text)]
