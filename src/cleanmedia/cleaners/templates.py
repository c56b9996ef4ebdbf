"""Template lines learnt from a corpus: the lines a site (or the whole corpus) repeats on many pages.

A site's menus, section names, teaser headings, comment prompts and footers are the same lines on every
page it publishes, in its own words, which no phrase list can enumerate. Seen over a batch they give
themselves away: a line that stands alone in 40 of a site's 50 documents is its template, not the
article. `Templates.fit` counts, per site (or over the whole batch when no site is known), in how many
documents each line occurs, and keeps the lines that occur in at least `min_documents` of them and at
least `min_share` of the group; `Boilerplate(templates=...)` (or `Boilerplate.fit`) removes them, each
with its evidence ("in 41 of 50 documents of example.org").

Never learnt, whatever their count (precision first): long prose (a sentence of 10 words or 80
characters and more, or any line over 30 words: a quotation or a standard paragraph repeated across
articles is the article's), lines of fewer than two letters (numbers, separators), pieces of sentences
(a dump cuts a paragraph at its links: "and", ", or the", a line starting in lower case), and lines
repeated in fewer documents than `min_documents` (a quote shared by two articles stays). Cleaning keeps a learnt line
that introduces prose (its heading: a recurring "Conclusion" over a paragraph), see `Boilerplate`.

Lines are compared normalised as `widgets.normalise` does (lower case, one apostrophe, no count in
brackets, no punctuation at either end, single spaces). Counts are per document (a line repeated
inside one document counts once) and the result does not depend on the order of the documents.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from urllib.parse import urlsplit

from cleanmedia import resources
from cleanmedia.cleaners.widgets import normalise
from cleanmedia.text import ends_sentence

#: A line ending a sentence with this many words or characters is prose: never a template.
PROSE_WORDS, PROSE_CHARS = 10, 80
#: No line longer than this (in words) is learnt, punctuated or not.
MAX_WORDS = 30
#: The group of the documents whose site is not known ("the corpus").
CORPUS = ""


def site_of(value: str | None) -> str:
    """The site a URL or site field names: the host of a URL without "www." ("https://www.a.org/x"
    -> "a.org"), a site name lowered ("Der Standard" -> "der standard"); `CORPUS` ("") for None or empty."""
    if not value or not value.strip():
        return CORPUS
    value = value.strip()
    if "://" in value or value.startswith("//"):
        host = urlsplit(value).hostname or ""
        return host.removeprefix("www.") or CORPUS
    return " ".join(value.lower().split())


def is_prose(line: str) -> bool:
    """A sentence of `PROSE_WORDS` words or `PROSE_CHARS` characters or more (stripped `line`)."""
    return ends_sentence(line) and (len(line) >= PROSE_CHARS or len(line.split()) >= PROSE_WORDS)


#: A line starting with one of these (or a lower-case letter) continues a sentence: a dump cuts a
#: paragraph into pieces at its links ("and", ", or", "the").
CONTINUES = frozenset(",;:.)]}\u2019'")
#: Characters of code (markup, assignments, blocks): a line of a code sample recurs across tutorials.
CODE = frozenset("<>{}=;`$\\")


@cache
def _function_words() -> frozenset[str]:
    """The stop words of every language with data: a line made of these alone is a piece of a sentence."""
    return frozenset().union(*(resources.stopwords(code) for code in resources.LANGUAGES))


@lru_cache(maxsize=65536)
def learnable(line: str) -> str | None:
    """The key under which a line (stripped) is counted, or None when it may never be a template:
    prose, more than `MAX_WORDS` words, fewer than two letters, a line of code (`CODE`), a line that
    introduces what follows (a colon at its end: "Changed in version 2:") or states something (a
    sentence of three words or more ending with a full stop: "Added in version 2."), or a piece of a
    sentence (it starts in lower case or with a comma, or its words are all function words of some
    language: the text between two links of a paragraph)."""
    words = line.split()
    if not words or len(words) > MAX_WORDS or is_prose(line) or line[0] in CONTINUES or line[0].islower():
        return None
    if not CODE.isdisjoint(line) or line.endswith(":") or (line.endswith(".") and len(words) >= 3):
        return None
    key = normalise(line)
    if sum(map(str.isalpha, key)) < 2 or _function_words().issuperset(key.split()):
        return None
    return key


def continues_sentence(before: str, after: str) -> bool:
    """Whether a line between `before` and `after` (stripped lines, "" at an edge) is a piece of a
    sentence a dump cut at its links: what follows starts in lower case or with a comma, or what
    precedes stops on a comma or a function word without ending a sentence ("developed by the",
    "Orbis", "Foundation and ...")."""
    if after and (after[0] in CONTINUES or after[0].islower()):
        return True
    if not before or ends_sentence(before):
        return False
    last = before.split()[-1].lower()
    return last.endswith(",") or (len(before.split()) >= 4 and last in _function_words())


def prose_span(lines: list[str]) -> tuple[int, int]:
    """(first, last) index of the prose lines among `lines` (stripped), (0, -1) without prose: the span
    the article stands in, with its own labels ("Note", "Returns", a caption) between its paragraphs."""
    found = [i for i, t in enumerate(lines) if is_prose(t)]
    return (found[0], found[-1]) if found else (0, -1)


def document_keys(text: str) -> set[str]:
    """The learnable keys of a document's lines, each once."""
    return {k for k in map(learnable, map(str.strip, text.splitlines())) if k is not None}


@dataclass(frozen=True)
class Evidence:
    """Why a line is a template: it stands in `documents` of the `of` documents of `site`."""

    site: str
    documents: int
    of: int

    def __str__(self) -> str:
        where = f"of {self.site}" if self.site else "of the corpus"
        return f"template line: in {self.documents} of {self.of} documents {where}"


@dataclass
class TemplateCounts:
    """Per site: how many documents it has and in how many of them each learnable line stands.
    `add` one document at a time (a first pass over a corpus), `remove` one to learn without it (the
    benchmark's held-out pages), then `templates()`. Copies count once: a document with the prose lines
    of one already counted in its site (or, without prose, its words), white space aside (the same
    article crawled twice, its date or teasers changed), adds nothing, or its title and headings would
    pass for the site's template (`_digest`). `remove` takes a document as it was added: of near copies
    the group's lines lose the last removed one's when the last goes."""

    documents: Counter[str] = field(default_factory=Counter)  # site -> distinct documents
    lines: dict[str, Counter[str]] = field(default_factory=dict)  # site -> key -> documents
    copies: dict[str, Counter[bytes]] = field(default_factory=dict)  # site -> document digest -> copies

    def add(self, text: str, site: str | None = None) -> None:
        group, keys = site_of(site), document_keys(text)
        copies = self.copies.setdefault(group, Counter())
        digest = _digest(text)
        copies[digest] += 1
        if copies[digest] == 1:
            self.documents[group] += 1
            self.lines.setdefault(group, Counter()).update(keys)

    def remove(self, text: str, site: str | None = None) -> None:
        group, keys = site_of(site), document_keys(text)
        digest = _digest(text)
        self.copies[group][digest] -= 1
        if self.copies[group][digest] == 0:
            self.documents[group] -= 1
            self.lines[group].subtract(keys)

    def templates(self, min_documents: int = 3, min_share: float = 0.05) -> Templates:
        """The lines in at least `min_documents` documents of their site and `min_share` of them.
        Raises ValueError when `min_documents` < 2."""
        _check(min_documents)
        found: dict[str, dict[str, Evidence]] = {}
        for group in sorted(self.lines):
            of = self.documents[group]
            need = max(min_documents, min_share * of)
            learnt = {k: Evidence(group, n, of) for k, n in sorted(self.lines[group].items()) if n >= need}
            if learnt:
                found[group] = learnt
        return Templates(found)

    def bearing_on(
        self,
        text: str,
        site: str | None = None,
        min_documents: int = 3,
        min_share: float = 0.05,
        held_out: bool = False,
    ) -> Templates:
        """`templates()` restricted to what can match one counted document: its own lines, in its site's
        group and the corpus's. `held_out`: as if that document had not been counted (a new page of a
        known site). Raises ValueError when `min_documents` < 2."""
        _check(min_documents)
        group = site_of(site)
        keys = document_keys(text)
        alone = self.copies.get(group, Counter())[_digest(text)] == 1  # held out, no copy stays counted
        found: dict[str, dict[str, Evidence]] = {}
        for g in sorted({group, CORPUS}):
            own = int(held_out and alone and g == group)
            of = self.documents[g] - own
            need = max(min_documents, min_share * of)
            lines = self.lines.get(g, Counter())
            learnt = {k: Evidence(g, lines[k] - own, of) for k in sorted(keys) if lines[k] - own >= need}
            if learnt:
                found[g] = learnt
        return Templates(found)


def _digest(text: str) -> bytes:
    """What tells a document's copies, as one digest: its prose lines (`is_prose`), white space aside,
    in order; a document without prose, its words. A page crawled twice keeps its article and changes
    around it (a date, a counter, a teaser, a menu item): counted twice, its title, headings and
    captions stood in two documents and were learnt as the site's template, and removed from the
    article. Its prose is the article's: the same prose, the same document."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    prose = "\n".join(line for line in lines if is_prose(line))
    return hashlib.blake2b((prose or " ".join(text.split())).encode(), digest_size=16).digest()


def _check(min_documents: int) -> None:
    if min_documents < 2:
        raise ValueError("min_documents must be 2 or more: a line of one document is no template")


@dataclass(frozen=True)
class Templates:
    """Learnt template lines: site -> normalised line -> its evidence (`CORPUS` for documents without a
    site). Picklable (the command passes it to its worker processes) and compared by value."""

    by_site: Mapping[str, Mapping[str, Evidence]] = field(default_factory=dict)

    @classmethod
    def fit(
        cls,
        texts: Iterable[str],
        sites: Iterable[str | None] | None = None,
        min_documents: int = 3,
        min_share: float = 0.05,
    ) -> Templates:
        """Learn from `texts` (plain text, one block per line: HTML is extracted first), each of the
        site `sites` gives in the same order (a URL or a site name; None or omitted: the corpus).
        Raises ValueError when `min_documents` < 2."""
        counts = TemplateCounts()
        site_list: Iterator[str | None] = iter(sites) if sites is not None else iter(())
        for text in texts:
            counts.add(text, next(site_list, None))
        return counts.templates(min_documents, min_share)

    def __len__(self) -> int:
        return sum(map(len, self.by_site.values()))

    def __bool__(self) -> bool:
        return any(self.by_site.values())

    def lookup(self, line: str, site: str | None) -> Evidence | None:
        """The evidence that `line` is a template for a document of `site` (a URL or site name): the
        site's own lines, then the corpus's. A document whose site is not known (None) is matched
        against every site's lines (the caller learnt on this batch: its lines come from it)."""
        key = learnable(line)
        if key is None:
            return None
        group = site_of(site)
        own = self.by_site.get(group, {}).get(key) if group else None
        if own is not None:
            return own
        corpus = self.by_site.get(CORPUS, {}).get(key)
        if corpus is not None or group:
            return corpus
        return next((lines[key] for _, lines in sorted(self.by_site.items()) if key in lines), None)
