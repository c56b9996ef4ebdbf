"""Copies of the title: the title repeated, alone or with the site name after it ("Title | Site")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from cleanmedia.cleaner import Cleaner
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
    first three blocks); "Title | Site" is found before or after the title.
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
    first = next((i for i in headings if i not in found and i < 3), None)
    # The text's own first heading counts even when the page declared a title: cleaning the output
    # again (as text, without the page) must find no copy left to remove.
    titles = {normalise(t) for t in (page_title, bl[first].stripped if first is not None else None) if t}
    if not titles:
        return found
    seen: set[str] = set()  # a copy repeats its own text: the page's title and the first heading differ
    for i, text in enumerate(texts(bl)):
        if i in found or strength(verdicts[i]) == BAD:
            continue  # before `normalise`: a line already going is no copy to look for
        key = normalise(text)
        if key not in titles:
            continue
        if key in seen:
            found[i] = Verdict(BAD, "boilerplate.repeated", "repeats the title")
        seen.add(key)
    return found


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
