"""Typography that does not change a word: one apostrophe style per document, French spacing before
; : ! ? and inside « », a space where a guillemet is glued to a word, and (only when asked) English
quotes turned into guillemets in French."""

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
        if resources.profile(doc.lang).french_spacing:
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


def _without_overlaps(edits: list[Edit]) -> Iterator[Edit]:
    """The edits in text order, dropping any that overlaps one already kept (the first wins)."""
    pos = -1
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            continue
        pos = max(pos, e.end)
        yield e
