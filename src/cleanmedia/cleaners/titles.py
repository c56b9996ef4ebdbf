"""Copies of the title: the title repeated, alone or with the site name after it ("Title | Site")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from cleanmedia.cleaner import Cleaner
from cleanmedia.cleaners.templates import is_prose
from cleanmedia.cleaners.widgets import BAD, Verdict, normalise, strength
from cleanmedia.document import DocumentView, Edit
from cleanmedia.text import BLOCKS, SENTENCE_PUNCT, Line, grouped_removals, removal_span_items, texts

LETTER_WORD = regex.compile(r"\p{L}{2,}")


def heading_like(text: str) -> bool:
    """Short and not closed like a prose sentence (a title may end with ? or !)."""
    return len(text.split()) <= 20 and not text.rstrip("\"'”»)").endswith((".", "…", ":", ";", ","))


class RepeatedLines(Cleaner):
    """Copies of the title, checked again once repairs have made copies identical."""

    name = "repeated_lines"
    reasons = ("boilerplate.repeated",)
    settles = True

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        bl = doc.cached(BLOCKS)
        copies = {
            i: v
            for i, v in title_copies(bl, [None] * len(bl), doc.page_title).items()
            if v.reason == "boilerplate.repeated"
        }
        spans = removal_span_items(doc.text, bl, set(copies))
        yield from grouped_removals(doc, spans, lambda i: (copies[i].reason, copies[i].detail))


def title_copies(
    bl: Sequence[Line], verdicts: list[Verdict | None], page_title: str | None
) -> dict[int, Verdict]:
    """Blocks that repeat the title, alone or followed by a separator and a short site name.

    The titles are the page's title when the page gave one, and the first heading of the text (among its
    first three blocks; an exclamation under another line is no heading, `_first_heading`); "Title |
    Site" is found before or after the title. A line said `REFRAIN` times or more again between
    paragraphs of the article is its own line (a refrain, a chant), not a title copy: those stay (a
    copy said once there, and copies beside furniture, still go).
    """
    headings = [
        i
        for i, b in enumerate(bl[:6])
        if strength(verdicts[i]) != BAD
        and heading_like(b.stripped)
        and len(LETTER_WORD.findall(b.stripped)) >= 3
    ]
    found: dict[int, Verdict] = {}
    for i in headings:
        for j in headings:
            site = _site_after(bl[i].stripped, bl[j].stripped) if i != j else None
            if site:
                found[i] = Verdict(
                    BAD, "boilerplate.title_site", f"title repeated with site name {site!r}", site
                )
    first = _first_heading(bl, verdicts, [i for i in headings if i not in found and i < 3])
    # The text's own first heading counts even when the page declared a title: cleaning the output
    # again (as text, without the page) must find no copy left to remove.
    titles = {normalise(t) for t in (page_title, bl[first].stripped if first is not None else None) if t}
    if not titles:
        return found
    seen: set[str] = set()  # a copy repeats its own text: the page's title and the first heading differ
    copies = []
    for i, text in enumerate(texts(bl)):
        if i in found or strength(verdicts[i]) == BAD:
            continue  # before `normalise`: a line already going is no copy to look for
        key = normalise(text)
        if key not in titles:
            continue
        if key in seen:
            copies.append(i)
        seen.add(key)
    if copies:
        inside = [i for i in copies if _between_prose(bl, verdicts, i)]
        refrain = set(inside) if len(inside) >= REFRAIN else set()
        for i in copies:
            if i not in refrain:
                found[i] = Verdict(BAD, "boilerplate.repeated", "repeats the title")
    return found


#: A line said this many times again between paragraphs of the article is a refrain, not a title copy.
REFRAIN = 2


def _first_heading(bl: Sequence[Line], verdicts: list[Verdict | None], candidates: list[int]) -> int | None:
    """The first of `candidates` (headings among the first blocks), unless it is an exclamation ("We
    want more!", "alle Vögel, alle!") with a line above it that does not go: a short heading or a verse
    stands first, and the exclamation is a line of the text (a chant, a refrain), not its title. Why:
    taken for the title, the refrain's next occurrence went as a copy of it."""
    if not candidates:
        return None
    first = candidates[0]
    exclaims = bl[first].stripped.rstrip("\"'”»)").endswith("!")
    if exclaims and any(strength(verdicts[k]) != BAD for k in range(first)):
        return None
    return first


def _between_prose(bl: Sequence[Line], verdicts: list[Verdict | None], i: int) -> bool:
    """Whether line `i` stands between two paragraphs of prose (`templates.is_prose`; the lines that go
    aside): inside the article's text, where a site puts no copy of its title (share texts, teaser
    lists and breadcrumbs stand beside furniture)."""
    above = next((k for k in range(i - 1, -1, -1) if strength(verdicts[k]) != BAD), None)
    below = next((k for k in range(i + 1, len(bl)) if strength(verdicts[k]) != BAD), None)
    return (
        above is not None
        and below is not None
        and is_prose(bl[above].stripped)
        and is_prose(bl[below].stripped)
    )


def _site_after(text: str, title: str) -> str | None:
    """The site name in `text` when it is `title`, a separator and a short name ("Title | Site",
    "Title - Le Quotidien", "Title Sitename")."""
    if len(title) >= len(text) or not text.startswith(title):
        return None
    rest = text[len(title) :]
    site = rest.strip(" |-–—·:")
    if not site or "," in site or SENTENCE_PUNCT.search(site) or not LETTER_WORD.search(site):
        return None
    separated = rest.lstrip(" ")[:1] in ("|", "-", "–", "—", "·", ":")
    single_name = rest.startswith(" ") and len(site.split()) == 1 and site[0].isupper()
    return site if (separated and len(site.split()) <= 4) or single_name else None
