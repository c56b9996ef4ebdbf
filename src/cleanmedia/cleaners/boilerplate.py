"""Page furniture in text: share/follow/comment/search prompts, tags, counters, breadcrumbs, bylines,
datelines, repeated titles, filler text, cookie/copyright/newsletter lines, widget text in another language.

Each line (block) is judged on its own first: strong detectors mark it `bad` with a reason; lines that
only look like furniture (short, unpunctuated, or in another language than the article) are `weak`.
Then, as jusText does with paragraphs, weak lines are revised by their neighbours: a weak run is
removed only when furniture (or the edge of the text) encloses it on both sides, never the whole text.
Bylines and datelines go to the metadata, not just away. Phrases are data files per language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleanmedia import dates, lang, resources
from cleanmedia.document import Document, Edit
from cleanmedia.text import Line, blocks, ends_sentence, is_list_item, removal_spans

BAD, WEAK = "bad", "weak"
#: Kinds of widget labels that may stand in a row on one line ("Subscribe Sign In").
LABEL_KINDS = dict.fromkeys(
    ("share", "follow", "subscribe", "print", "comment", "search", "nav", "social"), True
)
EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
PAREN_COUNT = re.compile(r"\s*[(\[]\s*\d[\d\s.,]*[)\]]\s*$")
COUNT = regex.compile(r"^[\d][\d\s.,]*\s*[kmb]?\+?$", regex.IGNORECASE)
GLUED_COUNT = re.compile(r"^\d[\d.,]*\s*[kmb]?\s*([^\W\d_]+)$")
BARE_COUNTER = regex.compile(r"^\d[\d.,]*\s*[kmb]\+?$|^\d[\d.,]*\+$", regex.IGNORECASE)
BREADCRUMB_SEP = regex.compile(r"\s+(?:[-–>»›/|→]|::)\s+")
MENU_SEP = regex.compile(r"\s+[|•·]\s+")
SENTENCE_PUNCT = re.compile(r"[.!?;]")
#: A tag cloud has no punctuation at all; a credits list or a quote has commas, colons or quotes.
LIST_PUNCT = re.compile(r"[.!?;:,“”«»\"()\[\]…]")
LETTER_WORD = regex.compile(r"\p{L}{2,}")
NAME = r"\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:(?:de|da|di|del|della|dos|du|van|von|der|den|le|la|ter|y)\s+)?\p{Lu}[\p{L}\p{M}'’.\-]*){0,3}"
BYLINE_NAMES = regex.compile(
    rf"^(?P<name>{NAME}(?:\s*(?:,|&|and|et|und|e|y|en)\s*{NAME})*)(?:\s*[-–—|,·]\s*(?P<rest>.+))?$"
)
#: Latin filler needs at least this many words, three of them Latin function words that the article's
#: language does not have ("Sept. 2, USANA Amphitheatre, UT" is not filler).
FILLER_MIN_WORDS = 8


@dataclass(frozen=True)
class Verdict:
    strength: str  # BAD or WEAK
    reason: str
    detail: str


@dataclass(frozen=True)
class Phrases:
    line: dict[str, str]  # phrase -> kind, for a whole-line match
    prefix: dict[str, str]  # phrase -> kind, for a line that starts with it
    contains: dict[str, str]  # phrase -> kind, for a line that contains it anywhere
    social: frozenset[str]
    counters: frozenset[str]


@lru_cache(maxsize=1)
def phrases() -> Phrases:
    line: dict[str, str] = {}
    prefix: dict[str, str] = {}
    contains: dict[str, str] = {}
    for code in resources.LANGUAGES:
        for kind, match, phrase in resources.table("boilerplate", f"{code}.tsv"):
            target = {"line": line, "prefix": prefix, "contains": contains}[match]
            target.setdefault(phrase, kind)
    counters = frozenset(
        p
        for code in resources.LANGUAGES
        for k, _, p in resources.table("boilerplate", f"{code}.tsv")
        if k == "counter"
    )
    return Phrases(
        line,
        prefix,
        contains,
        frozenset(resources.lines("boilerplate", "social.txt")),
        counters,
    )


def _glued_names(word: str, names: frozenset[str]) -> bool:
    """ "facebooktwitterpinterestemail": two or more network names run together."""
    found, i = 0, 0
    while i < len(word):
        step = next((len(n) for n in sorted(names, key=len, reverse=True) if word.startswith(n, i)), 0)
        if not step:
            return False
        found, i = found + 1, i + step
    return found >= 2


def _phrase_sequence(tokens: list[str], labels: dict[str, str]) -> bool:
    """ "subscribe sign in", "share tweet email": the line is two or more widget labels in a row."""
    ends = {0: 0}  # position -> labels used to get there
    for start in range(len(tokens)):
        if start not in ends:
            continue
        for stop in range(start + 1, min(len(tokens), start + 4) + 1):
            if " ".join(tokens[start:stop]) in labels and LABEL_KINDS.get(
                labels[" ".join(tokens[start:stop])]
            ):
                ends[stop] = max(ends.get(stop, 0), ends[start] + 1)
    return ends.get(len(tokens), 0) >= 2


def _latin_only(text: str, code: str | None) -> int:
    """How many distinct Latin function words of the line are not frequent words of `code`."""
    own = resources.stopwords(code) if code else frozenset()
    return len(
        {w for w in (w.lower() for w in lang.WORD.findall(text)) if w in resources.stopwords("la")} - own
    )


@lru_cache(maxsize=65536)
def _line_language(text: str) -> str | None:
    """The language of one short line (cached: lines recur across passes and documents)."""
    words = [w.lower() for w in lang.WORD.findall(text)]
    return lang.best(lang.scores(words), len(words), minimum=1.0)


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, one apostrophe, no counts in brackets, no punctuation or symbols at either end."""
    text = PAREN_COUNT.sub("", text.lower().replace("\u2019", "'"))
    return " ".join(EDGE_PUNCT.sub("", text).split())


def _strength(verdict: Verdict | None) -> str:
    return verdict.strength if verdict is not None else "keep"


#: Prose lines closer than this (in blocks) belong to one cluster; menu runs need this many items, and the
#: text this many menu items outside the article, before any is removed.
PROSE_GAP, MENU_RUN, MENU_ITEMS = 4, 3, 8
DIGIT = re.compile(r"\d")
PHRASE_PUNCT = re.compile(r"[!?;,“”«»\"()\[\]…]")


def _is_prose(text: str) -> bool:
    """A paragraph of running text: ten words or more, closed like a sentence."""
    return len(text.split()) >= 10 and ends_sentence(text)


def _menu_item(text: str) -> bool:
    """A list item that reads like a link label: at most six words, capitalised as a name or a title
    (words of four letters or more start with a capital), no digits and no punctuation of a phrase (dots
    of abbreviations and a label's colon aside); a count in brackets after it is a category's ("Sport (12)")."""
    if not is_list_item(text):
        return False
    label = PAREN_COUNT.sub("", text[1:].strip() if text.startswith("\u2022") else text)
    words = label.split()
    return (
        0 < len(words) <= 6
        and not PHRASE_PUNCT.search(label)
        and not (len(words) >= 3 and label.endswith("."))
        and not DIGIT.search(label)
        and all(not w[0].islower() for w in words if len(w) >= 4)
    )


def _menu_label(text: str) -> bool:
    """A submenu heading between menu items: at most four words, no punctuation of a phrase."""
    return len(text.split()) <= 4 and not LIST_PUNCT.search(text) and not is_list_item(text)


def _heading_like(text: str) -> bool:
    """Short and not closed like a prose sentence (a title may end with ? or !)."""
    return len(text.split()) <= 20 and not text.rstrip("\"'”»)").endswith((".", "…", ":", ";", ","))


class Boilerplate:
    """Removes page furniture from text, line by line, with a reason for each line."""

    name = "boilerplate"
    settles = True

    def __init__(self, max_weak_words: int = 15) -> None:
        self.max_weak_words = max_weak_words
        self._titles: set[str] = set()

    def edits(self, doc: Document) -> Iterator[Edit]:
        bl = doc.cached("blocks", blocks)
        if not bl:
            return
        self._titles = {normalise(b.stripped) for b in bl if _heading_like(b.stripped)}
        verdicts = [self._judge(doc, b.stripped) for b in bl]
        self._repeats(doc, bl, verdicts)
        self._menus(bl, verdicts)
        self._revise_weak(verdicts)
        removed = {i for i, v in enumerate(verdicts) if v is not None and v.strength == BAD}
        if len(removed) == len(bl):  # never the whole text: a document of furniture only is left alone
            return
        if doc.metadata.title is None:
            doc.metadata.title = next(
                (b.stripped for i, b in enumerate(bl) if i not in removed and _heading_like(b.stripped)), None
            )
        spans = removal_spans(doc.text, bl, removed)
        for i in sorted(removed):
            v = verdicts[i]
            assert v is not None
            start, end = spans[i]
            yield doc.remove(start, end, v.reason, v.detail)

    # -- one line on its own ---------------------------------------------------------------------
    def _judge(self, doc: Document, text: str) -> Verdict | None:
        n_words = len(text.split())
        if n_words > 40 and SENTENCE_PUNCT.search(text):
            return self._notice(text.lower(), n_words)  # prose: only a notice can make it furniture
        verdict = widget(text, n_words)
        if verdict is not None:
            return verdict
        ph = phrases()
        norm = normalise(text)
        tokens = norm.split()
        verdict = self._prefixed(doc, text, norm, tokens)
        if verdict is not None:
            return verdict
        verdict = self._notice(norm, n_words)
        if verdict is not None:
            return verdict
        if n_words <= 6 and dates.relative(text):
            return Verdict(BAD, "boilerplate.timestamp", "relative time stamp of a teaser")
        if n_words <= 4 and dates.month_day(text):
            return Verdict(WEAK, "boilerplate.timestamp", "day and month without a year, among furniture")
        if text.startswith(("©", "(c)", "(C)")) and n_words <= 25:
            return Verdict(BAD, "boilerplate.copyright", "copyright notice")
        if self._breadcrumb(doc, text, ph):
            return Verdict(BAD, "boilerplate.breadcrumb", "breadcrumb trail")
        segments = MENU_SEP.split(text)
        if len(segments) >= 4 and all(len(s.split()) <= 3 for s in segments):
            return Verdict(BAD, "boilerplate.menu", "navigation menu")
        if n_words >= 20 and doc.lang in resources.LANGUAGES and not LIST_PUNCT.search(text):
            words = [w.lower() for w in lang.WORD.findall(text)]
            if self._stop_share(words, doc.lang) < 0.15:
                return Verdict(BAD, "boilerplate.tag_cloud", f"{n_words} keywords and no sentence")
        if n_words <= 40:
            line_lang = _line_language(text)
            if line_lang == "la" and n_words >= FILLER_MIN_WORDS and _latin_only(text, doc.lang) >= 3:
                return Verdict(BAD, "boilerplate.filler", "Latin theme filler text")
            if line_lang and doc.lang and line_lang != doc.lang and n_words <= self.max_weak_words:
                return Verdict(
                    WEAK, "boilerplate.foreign", f"widget text in {line_lang} in a {doc.lang} article"
                )
        if n_words <= 4 and not ends_sentence(text) and not is_list_item(text):
            return Verdict(WEAK, "boilerplate.short", "short unpunctuated line among page furniture")
        return None

    @staticmethod
    def _notice(lowered: str, n_words: int) -> Verdict | None:
        """Cookie, consent, copyright and privacy notices, and lorem ipsum, in lines of any shape."""
        if "lorem ipsum" in lowered:
            return Verdict(BAD, "boilerplate.filler", "lorem ipsum filler text")
        if n_words > 60:
            return None
        # A substring test per phrase is several times faster than one regex alternation of them all.
        found = [(lowered.find(p), -len(p), p) for p in phrases().contains if p in lowered]
        if not found:
            return None
        phrase = min(found)[2]  # the first in the line, the longest there (what a regex would match)
        kind = phrases().contains[phrase]
        return Verdict(BAD, f"boilerplate.{kind}", f"{kind} notice ({phrase!r})")

    def _prefixed(self, doc: Document, text: str, norm: str, tokens: list[str]) -> Verdict | None:
        ph = phrases()
        for size in range(min(5, len(tokens)), 0, -1):
            head = " ".join(tokens[:size])
            kind = ph.prefix.get(head) or ph.line.get(head)
            if kind is None:
                continue
            rest_words = text.split()[size:]
            rest = " ".join(rest_words).lstrip(":-–—|» ")
            if kind in ("dateline", "byline"):
                verdict = self._dated_or_signed(doc, kind, rest)
                if verdict is not None:
                    return verdict
                continue
            if (
                head in ph.prefix
                and len(tokens) <= 25
                and not ends_sentence(text.rstrip("…"))
                or (kind == "tags" and text.split()[size - 1].endswith(":"))
            ):
                return Verdict(BAD, f"boilerplate.{kind}", f"{kind} line")
        date = dates.parse(text, doc.lang)
        if date:
            self._remember(doc, "date", date)
            return Verdict(BAD, "boilerplate.dateline", f"dateline (date {date} kept in metadata)")
        return None

    def _dated_or_signed(self, doc: Document, kind: str, rest: str) -> Verdict | None:
        date = dates.parse(rest, doc.lang)
        if kind == "dateline" and date:
            self._remember(doc, "date", date)
            return Verdict(BAD, "boilerplate.dateline", f"dateline (date {date} kept in metadata)")
        m = BYLINE_NAMES.match(rest)
        if kind == "byline" and m and len(rest.split()) <= 12:
            tail = m.group("rest")
            tail_date = dates.parse(tail, doc.lang) if tail else None
            if tail and not tail_date:
                return None
            self._remember(doc, "author", m.group("name"))
            if tail_date:
                self._remember(doc, "date", tail_date)
            return Verdict(BAD, "boilerplate.byline", f"byline (author {m.group('name')!r} kept in metadata)")
        return None

    @staticmethod
    def _remember(doc: Document, field: str, value: str) -> None:
        if getattr(doc.metadata, field) is None:
            setattr(doc.metadata, field, value)

    def _breadcrumb(self, doc: Document, text: str, ph: Phrases) -> bool:
        parts = BREADCRUMB_SEP.split(text)
        if len(parts) < 2 or any(len(p.split()) > 12 or not p or ends_sentence(p) for p in parts):
            return False
        starts_home = ph.line.get(normalise(parts[0])) in ("home", "nav")
        ends_title = normalise(parts[-1]) in self._titles
        return (starts_home and len(parts) >= 2) or (ends_title and len(parts) >= 3)

    @staticmethod
    def _stop_share(words: list[str], code: str | None) -> float:
        if not words:
            return 0.0
        langs = [code] if code else list(resources.LANGUAGES)
        return max(sum(w in resources.stopwords(c) for w in words) for c in langs) / len(words)

    # -- lines against each other ------------------------------------------------------------------
    def _repeats(self, doc: Document, bl: list[Line], verdicts: list[Verdict | None]) -> None:
        """Copies of the title, and the title with the site name after it ("Title | Site").

        Only the title: other lines may repeat for good reasons (a meal plan, a table, a refrain).
        """
        for i, verdict in title_copies(bl, verdicts, doc.page_title).items():
            verdicts[i] = verdict
            if verdict.reason == "boilerplate.title_site":
                self._remember(doc, "site", verdict.detail.split("site name ", 1)[1].strip("'\""))

    def _menus(self, bl: list[Line], verdicts: list[Verdict | None]) -> None:
        """Navigation menus of a page dump: runs of short link-like list items before or after the article.

        The article spans the clusters of prose lines (long, closed like sentences) big enough to be an
        article; list items outside it are navigation only in runs of three or more short, unpunctuated,
        digit-free, capitalised items (short labels between them are submenu headings), and only when the
        text carries many of them (a page's menus, not the one short list an article may start or end
        with).
        """
        prose = [i for i, b in enumerate(bl) if _is_prose(b.stripped)]
        clusters: list[list[int]] = []
        for i in prose:
            if clusters and i - clusters[-1][-1] <= PROSE_GAP:
                clusters[-1].append(i)
            else:
                clusters.append([i])
        big = [c for c in clusters if len(c) >= 2 or len(bl[c[0]].stripped.split()) >= 60] or clusters
        if not big:
            return
        first, last = big[0][0], big[-1][-1]
        runs: list[list[int]] = [[]]
        for i, b in enumerate(bl):
            if (i < first or i > last) and (_menu_item(b.stripped) or _menu_label(b.stripped)):
                runs[-1].append(i)
            elif runs[-1]:
                runs.append([])
        menus = []
        for run in runs:
            items = [i for i in run if _menu_item(bl[i].stripped)]
            if len(items) >= MENU_RUN:
                # Labels between items are submenu headings, and so is a label heading a menu after the
                # article; a label ending a menu is kept (it may be the title above the article).
                start = run[0] if run[0] > last else items[0]
                menus.append(run[run.index(start) : run.index(items[-1]) + 1])
        if sum(1 for run in menus for i in run if _menu_item(bl[i].stripped)) < MENU_ITEMS:
            return
        for run in menus:
            for i in run:
                if _strength(verdicts[i]) != BAD:
                    verdicts[i] = Verdict(BAD, "boilerplate.menu", "navigation menu outside the article")

    @staticmethod
    def _revise_weak(verdicts: list[Verdict | None]) -> None:
        """A run of weak lines goes when furniture encloses it (the text's edge counts, but not both edges)."""
        n = len(verdicts)
        i = 0
        while i < n:
            v = verdicts[i]
            if v is None or v.strength != WEAK:
                i += 1
                continue
            j = i
            while j + 1 < n and _strength(verdicts[j + 1]) == WEAK:
                j += 1
            above = _strength(verdicts[i - 1]) if i > 0 else "edge"
            below = _strength(verdicts[j + 1]) if j + 1 < n else "edge"
            enclosed = (above in (BAD, "edge") and below in (BAD, "edge")) and (above, below) != (
                "edge",
                "edge",
            )
            for k in range(i, j + 1):
                old = verdicts[k]
                assert old is not None
                verdicts[k] = Verdict(BAD, old.reason, old.detail) if enclosed else None
            i = j + 1


@lru_cache(maxsize=65536)
def widget(text: str, n_words: int | None = None) -> Verdict | None:
    """A line that is a widget on its own, whatever the document: a label, share and follow buttons,
    network names, counters, a label with its list. Used by the extraction too (no document needed)."""
    n_words = len(text.split()) if n_words is None else n_words
    ph = phrases()
    norm = normalise(text)
    if not norm:
        return Verdict(BAD, "boilerplate.symbols", "no words, only symbols") if n_words <= 3 else None
    kind = ph.line.get(norm)
    if kind is not None and n_words <= 8:
        return Verdict(BAD, f"boilerplate.{kind}", f"{kind} widget label")
    if COUNT.match(norm) and BARE_COUNTER.match(text.strip()):
        return Verdict(BAD, "boilerplate.counter", "social counter")
    tokens = norm.split()
    if n_words <= 8 and all(t in ph.social or ph.line.get(t) in ("share", "follow") for t in tokens):
        return Verdict(BAD, "boilerplate.social", "social network names")
    if n_words <= 2 and _glued_names(norm.replace(" ", ""), ph.social):
        return Verdict(BAD, "boilerplate.social", "social network names run together")
    if n_words <= 6 and _phrase_sequence(tokens, ph.line):
        return Verdict(BAD, "boilerplate.widgets", "a row of widget labels")
    core = " ".join(t for t in tokens if t not in ph.social)
    if n_words <= 8 and core != norm and ph.line.get(core) in ("share", "follow", "subscribe"):
        return Verdict(BAD, "boilerplate.social", "share/follow buttons")
    verdict = _labelled(text, n_words)
    if verdict is not None:
        return verdict
    glued = GLUED_COUNT.match(norm)
    if glued and (glued.group(1) in ph.counters or ph.line.get(glued.group(1)) == "counter"):
        return Verdict(BAD, "boilerplate.counter", "counter")
    if n_words <= 6 and _is_counter(tokens):
        return Verdict(BAD, "boilerplate.counter", "follower/subscriber counter")
    return None


def _is_counter(tokens: list[str]) -> bool:
    """ "5M+ followers", "Facebook followers", "12 comments"."""
    ph = phrases()
    rest = tokens[1:] if tokens and COUNT.match(tokens[0]) else tokens
    rest = rest[1:] if len(rest) > 1 and rest[0] in ph.social else rest
    if len(rest) != 1 or len(rest) == len(tokens):
        return False
    return ph.line.get(rest[0]) == "counter" or rest[0] in ph.counters


def _labelled(text: str, n_words: int) -> Verdict | None:
    """ "Tags: a, b, c", "Lire aussi : titre", "Share: Facebook": a furniture label, a colon, a list or a link."""
    head, colon, tail = text.partition(":")
    if not colon or not tail.strip() or n_words > 30 or tail.lstrip().startswith("//"):
        return None
    kind = phrases().line.get(normalise(head)) or phrases().prefix.get(normalise(head))
    if kind in ("tags", "related", "share", "follow", "newsletter", "nav", "ad"):
        return Verdict(BAD, f"boilerplate.{kind}", f"{kind} label with its list")
    return None


class RepeatedLines:
    """Copies of the title, checked again once repairs have made copies identical."""

    name = "repeated_lines"
    settles = True

    def edits(self, doc: Document) -> Iterator[Edit]:
        bl = doc.cached("blocks", blocks)
        copies = {
            i: v
            for i, v in title_copies(bl, [None] * len(bl), doc.page_title).items()
            if v.reason == "boilerplate.repeated"
        }
        spans = removal_spans(doc.text, bl, set(copies))
        for i in sorted(copies):
            yield doc.remove(*spans[i], copies[i].reason, copies[i].detail)


def title_copies(
    bl: list[Line], verdicts: list[Verdict | None], page_title: str | None
) -> dict[int, Verdict]:
    """Blocks that repeat the title, alone or followed by a separator and a short site name.

    The titles are the page's title when the page gave one, and the first heading of the text (among its
    first three blocks); "Title | Site" is found before or after the title.
    """
    headings = [
        i
        for i, b in enumerate(bl[:6])
        if _strength(verdicts[i]) != BAD
        and _heading_like(b.stripped)
        and len(LETTER_WORD.findall(b.stripped)) >= 3
    ]
    found: dict[int, Verdict] = {}
    for i in headings:
        for j in headings:
            site = _site_after(bl[i].stripped, bl[j].stripped) if i != j else None
            if site:
                found[i] = Verdict(BAD, "boilerplate.title_site", f"title repeated with site name {site!r}")
    first = next((i for i in headings if i not in found and i < 3), None)
    # The text's own first heading counts even when the page declared a title: cleaning the output
    # again (as text, without the page) must find no copy left to remove.
    titles = {normalise(t) for t in (page_title, bl[first].stripped if first is not None else None) if t}
    if not titles:
        return found
    seen_title = False
    for i, b in enumerate(bl):
        if i in found or _strength(verdicts[i]) == BAD or normalise(b.stripped) not in titles:
            continue
        if seen_title:
            found[i] = Verdict(BAD, "boilerplate.repeated", "repeats the title")
        seen_title = True
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
