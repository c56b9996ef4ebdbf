"""A sentence mark glued to the next sentence ("the main road.However", "meses.Durante", "abiertos.«No",
"um 20 Uhr.ARD") or an abbreviation's dot glued to the next word ("5 Mio.Euro"): the space comes back.

Only between a word and a capitalised word that can start a sentence, and never inside what is written
without spaces on purpose: web and mail addresses, domain and file names, version numbers, dotted
abbreviations ("z.B.", "U.S."), decimals (no digit is ever involved), calls ("obj.Method()"), names with a dot ("Node.Js":
the right part must be a stop word or a frequent word of the language), domain names written with a
capital ("Web.De", "Allegro.Pl": a right part of two letters must be a stop word, as "It" and "Es" are;
country codes are frequent "words" in web text, so frequency cannot tell).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit
from cleanmedia.lang import zipf

#: word + . ! or ? + an optional quote (opening the next sentence or closing this one) + a capitalised
#: word, with nothing glued before or after.
GLUED_MARK = regex.compile(
    r"(?<![\p{L}\p{N}@/\\.:_])(\p{L}*\p{Ll}\p{Ll})([.!?])([«»\"“”„‘'(]?)(\p{Lu}\p{Ll}*|\p{Lu}{3,})(?![\p{L}\p{N}@/\\_(]|\.\p{L})"
)
#: (The right word may be an acronym of three capitals or more: "um 20 Uhr.ARD und ZDF".)
#: (The capitalised word must not touch an opening bracket: "obj.Method()" is a call, a member of an
#: object, not two sentences.)
#: The quotation marks, whichever way a language turns them ("„…“", "»…«", "«…»", "“…”", '"…"').
QUOTES = "«»\"“”„‘’‚'"
#: A quotation mark that is not an apostrophe inside a word ("don't", "l'eau").
QUOTE = regex.compile(rf"[{QUOTES}](?<!\p{{L}}['’](?=\p{{L}}))")
#: What every GLUED_MARK match holds (a lower-case letter, a mark, perhaps a quote, a capital), for the
#: standard library's engine, which finds the few lines worth the full pattern many times faster than
#: `regex` scans a text. Outside ASCII, every block that has a letter counts as letters (`regex` may
#: know a newer Unicode than `str`); Latin-1's symbols and the general punctuation have none.
LOWER = r"a-z\xb5\xc0-\u1fff\u2070-\U0010ffff"
UPPER = r"A-Z\xc0-\u1fff\u2070-\U0010ffff"
CANDIDATE = re.compile(rf"[.!?](?<=[{LOWER}].)[«»\"“”„‘'(]?[{UPPER}]")
#: A white-space token that is an address, a path or a file name: left alone whatever it holds.
ADDRESS = regex.compile(r"://|www\.|@|/|\\|\.(?:com|org|net|html?|php|pdf|js|py)\b", regex.IGNORECASE)
#: What follows a dot in a name rather than opening a sentence when written in capitals: file name
#: endings ("data.CSV", "setup.EXE") and dotted names' tails (".NET").
DOTTED_TAILS = frozenset(resources.common("dotted_tails.txt"))


class PunctuationGlue(Cleaner):
    """Puts back the space after a sentence mark glued to the next sentence (`glue.punctuation`)."""

    name = "punctuation_glue"
    reasons = ("glue.punctuation",)

    def __init__(self, min_right_zipf: float = 3.0) -> None:
        self.min_right_zipf = min_right_zipf

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        code = doc.lang
        text = doc.text
        if not code or code not in resources.LANGUAGES:
            return
        starters = resources.stopwords(code)
        loans = resources.profile(code).loanwords_from
        for m in _glued_marks(text):
            left, mark, quote, right = m.groups()
            if len(left) < 2:
                continue
            abbreviation = resources.is_abbreviation_at(text, m.start(1), m.end(1), code)
            if len(right) > 2 and right.isupper():
                if abbreviation or right.lower() in DOTTED_TAILS or zipf(left, code) < self.min_right_zipf:
                    continue  # "um 20 Uhr.ARD": a frequent word, then an acronym that is no file ending
            elif abbreviation and (right.lower() in starters or len(right) < 3):
                continue  # "du lun. au ven.De 9 h": a short word after an abbreviation goes on with it
            elif right.lower() not in starters and zipf(right, code) < self.min_right_zipf:
                continue  # "Node.Js", "Vue.Router": a name written with a dot
            if len(right) <= 2 and right.lower() not in starters:
                continue  # "Web.De", "Allegro.Pl", "Ask.Fm": a domain's ending; two letters open a sentence as grammar ("It", "Es")
            if not abbreviation and zipf(left, code) == 0 and not (loans and zipf(left, loans) > 0):
                continue  # the word before the mark is a word of the language (or of its loanwords)
            token = _token(text, m.start(), m.end())
            if ADDRESS.search(token) or token.count(".") + token.count("?") + token.count("!") > 2:
                continue
            if right.isupper() and any(c in token for c in "`()[]=<>"):
                continue  # "`request.POST`", "(request.FILES)": an attribute in code, not an acronym
            at = m.end(3) if _closes(text, m.start(3), quote) else m.start(3)
            why = (
                f"no space after the abbreviation {left + mark!r}"
                if abbreviation
                else f"no space after {mark!r} between two sentences"
            )
            yield doc.change(at, at, " ", "glue.punctuation", why)


def _glued_marks(text: str) -> Iterator[regex.Match[str]]:
    """The matches of GLUED_MARK in `text`, in order: the pattern runs only over the lines that hold a
    CANDIDATE. A match never crosses a line, and a line's edges look to its look-arounds as the text's
    edges do, so these are the matches of the whole text."""
    done = 0
    for c in CANDIDATE.finditer(text):
        if c.start() < done:
            continue  # in a line already searched
        start = text.rfind("\n", 0, c.start()) + 1
        end = text.find("\n", c.end())
        done = len(text) if end < 0 else end
        yield from GLUED_MARK.finditer(text, start, done)


def _closes(text: str, at: int, quote: str) -> bool:
    """Whether the quotation mark `quote` at text[at], between a sentence mark and a capital, closes a
    quotation (the space goes after it: '"Enough."Then' -> '"Enough." Then') rather than opening the next
    one ('left."Enough' -> 'left. "Enough'). Which way a mark turns differs between languages ("“" opens
    in English, closes in German), so the line tells: an odd number of quotation marks before it on its
    line leaves one open, which this one closes."""
    if not quote or quote == "(":
        return False
    line = text.rfind("\n", 0, at) + 1
    return sum(1 for _ in QUOTE.finditer(text, line, at)) % 2 == 1


def _token(text: str, start: int, end: int) -> str:
    """The white-space token around text[start:end]."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right_space = [p for p in (text.find(" ", end), text.find("\n", end)) if p >= 0]
    return text[left : min(right_space) if right_space else len(text)]
