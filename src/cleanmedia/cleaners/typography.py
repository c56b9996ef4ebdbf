"""Typography that does not change a word: one apostrophe style per document, French spacing before
; : ! ? and inside « », a space where a guillemet is glued to a word, (only when asked) English
quotes turned into guillemets in French, and the space an extraction left before a mark ("ging . Danach
, so" -> "ging. Danach, so") where the language's typography has none."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.cleaners.glue import APOSTROPHE_STYLE
from cleanmedia.document import DocumentView, Edit

APOSTROPHE = regex.compile(r"(?<=\p{L})['\u2019](?=\p{L})")
SPACES = "[ \u00a0\u202f]"
#: A high mark after a word, number or closing sign, followed by a space, the end, or a closing quote.
HIGH_MARK = regex.compile(rf"(?<=[\p{{L}}\p{{N}})\]»”%€$]){SPACES}?([;:!?])(?=\s|$|[«»”\"')])")
#: Guillemets around something (empty ones, "« »", are left as they are: there is no text to space).
OPEN_GUILLEMET = regex.compile(rf"«{SPACES}?(?=[^\s»])")
CLOSE_GUILLEMET = regex.compile(rf"(?<=[^\s«]){SPACES}?»")
GLUED_OPEN = regex.compile(r"(?<=[\p{L}\p{N}:;!?,])«")
GLUED_CLOSE = regex.compile(r"»(?=[\p{L}\p{N}])")
ENGLISH_QUOTES = regex.compile(r"\"([^\"\n]{1,300})\"|“([^”\n]{1,300})”")
#: A character reference's name just before its ";", escaped again or not ("&hellip", "&amp;amp").
ENTITY_BEFORE = regex.compile(r"&(?:amp;)*#?[A-Za-z0-9]{1,31}$")
#: A space before , . ; : ! or ? after a word (or a closing bracket or quote), the mark followed by the
#: line's end or a space and a word, number, opening quote or bracket: never an ellipsis (" ...",
#: ". . ."), a decimal (" .5"), an emoticon (" :)", " ;-)") or a file's ending (" .txt").
SPACED_MARK = regex.compile(
    r"(?<=[\p{L})\]”»\"]) +([,.;:!?])(?=[ \t]*$| +[\p{L}\p{N}„“‚‘\"«»(\[¿¡])", regex.MULTILINE
)
#: The marks French typography spaces (with a no-break space: `_french` sees to them).
FRENCH_SPACED = ";:!?"
#: A line that looks like code, where a spaced mark is syntax ("a , b", "x : int"): left alone.
CODE_LINE = regex.compile(
    r"[{}<>=`|\\]|\w\(|;\s*$|^\s*(?:def|class|import|return|var|let|const|function)\b|\$\w"
)
#: A spaced sentence mark followed by a word in lower case: the line speaks of the marks themselves ("the
#: , and . keys"), it is not a text whose marks were spaced by an extraction.
MARK_AS_TEXT = regex.compile(r"(?<=\s)[.!?] +\p{Ll}")
#: A colon after a short head ("Name : Wert", "Beginn : 20 Uhr") is a label's, kept as written;
#: one after this many words or more ends a clause.
LABEL_WORDS = 4
#: Spaced marks a document must hold before any is closed up: an extraction spaces them all, a single
#: one ("Press , to go on") may be meant.
MIN_SPACED_MARKS = 2


class Typography(Cleaner):
    name = "typography"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("typography.",)
    settles = True

    def __init__(
        self, apostrophe: str = "majority", french_space: str = "\u00a0", guillemets: bool = False
    ) -> None:
        if apostrophe not in ("majority", "'", "\u2019"):
            raise ValueError("apostrophe must be 'majority', \"'\" or '\u2019'")
        self.apostrophe = apostrophe
        self.french_space = french_space
        self.guillemets = guillemets

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        text = doc.text
        edits: list[Edit] = []
        style = doc.cached(APOSTROPHE_STYLE) if self.apostrophe == "majority" else self.apostrophe
        for m in APOSTROPHE.finditer(text):
            if m.group() != style:
                edits.append(
                    doc.change(m.start(), m.end(), style, "typography.apostrophe", "one apostrophe style")
                )
        french = resources.profile(doc.lang).french_spacing
        if doc.lang in resources.LANGUAGES:
            edits.extend(_spaced_marks(doc, FRENCH_SPACED if french else ""))
        if french:
            edits.extend(self._french(doc))
        yield from _without_overlaps(edits)

    def _french(self, doc: DocumentView) -> Iterator[Edit]:
        text, nb = doc.text, self.french_space
        reason = "typography.french_space"
        if self.guillemets:
            for m in ENGLISH_QUOTES.finditer(text):
                inner = (m.group(1) or m.group(2)).strip()
                yield doc.change(
                    m.start(), m.end(), f"«{nb}{inner}{nb}»", "typography.guillemets", "French quotes"
                )
        for m in HIGH_MARK.finditer(text):
            if m.group(1) == ";" and ENTITY_BEFORE.search(text, max(0, m.start() - 45), m.start()):
                continue  # the ";" closing a character reference ("&hellip;") is not punctuation
            if m.group() != nb + m.group(1):
                yield doc.change(
                    m.start(), m.end(), nb + m.group(1), reason, f"no-break space before {m.group(1)}"
                )
        for m in OPEN_GUILLEMET.finditer(text):
            if m.group() != "«" + nb:
                yield doc.change(m.start(), m.end(), "«" + nb, reason, "no-break space inside « »")
        for m in CLOSE_GUILLEMET.finditer(text):
            if m.group() != nb + "»":
                yield doc.change(m.start(), m.end(), nb + "»", reason, "no-break space inside « »")
        for m in GLUED_OPEN.finditer(text):
            yield doc.change(m.start(), m.start(), " ", "typography.glued_quote", "space before «")
        for m in GLUED_CLOSE.finditer(text):
            yield doc.change(m.end(), m.end(), " ", "typography.glued_quote", "space after »")


def _spaced_marks(doc: DocumentView, kept: str) -> Iterator[Edit]:
    """The space before , . ; : ! ? an extraction left ("ging . Danach , so heißt es ,"), out, except
    before the marks in `kept` (French spaces those), in code, in a line that speaks of the marks
    themselves, after a label, and in a document with a single one (`MIN_SPACED_MARKS`)."""
    text = doc.text
    found = [m for m in SPACED_MARK.finditer(text) if m.group(1) not in kept and _closable(text, m)]
    if len(found) < MIN_SPACED_MARKS:
        return
    for m in found:
        yield doc.change(
            m.start(), m.end(1), m.group(1), "typography.space_before_mark", f"no space before {m.group(1)!r}"
        )


def _closable(text: str, m: regex.Match[str]) -> bool:
    """Whether the space before the mark `m` found may go: its line is no code and does not speak of the
    marks, and a colon ends a clause rather than a label ("Name : Wert") or a time."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    line = text[start : len(text) if end < 0 else end]
    if CODE_LINE.search(line) or MARK_AS_TEXT.search(line):
        return False
    if m.group(1) == ":":
        head = text[start : m.start()].split()
        rest = text[m.end() : m.end() + 3].lstrip()
        return len(head) >= LABEL_WORDS and not rest[:1].isdigit()
    return True


def _without_overlaps(edits: list[Edit]) -> Iterator[Edit]:
    """The edits in text order, dropping any that overlaps one already kept (the first wins)."""
    pos = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            continue
        pos = max(pos, e.end)
        yield e
