"""Page furniture in text: share/follow/comment/search prompts, tags, counters, breadcrumbs, bylines,
datelines, repeated titles, filler text, cookie/copyright/newsletter lines, widget text in another language.

Each line (block) is judged on its own first: strong detectors mark it `bad` with a reason; lines that
only look like furniture (short, unpunctuated, or in another language than the article) are `weak`.
Then, as jusText does with paragraphs, weak lines are revised by their neighbours: a weak run is
removed only when furniture (or the edge of the text) encloses it on both sides, never the whole text;
the article's headline above its byline, date or tags stays (`_headline`).
Bylines and datelines go to the metadata, not just away. Phrases are data files per language.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import cast, overload

import regex

from cleanmedia import dates, lang, resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.cleaners.introduced import chronology_dates, introduced_names
from cleanmedia.cleaners.lines import looks_like_dump
from cleanmedia.cleaners.menus import LIST_PUNCT, menu_lines
from cleanmedia.cleaners.templates import (
    CONTINUES,
    Evidence,
    Templates,
    continues_sentence,
    is_prose,
    prose_span,
)
from cleanmedia.cleaners.titles import heading_like, title_copies
from cleanmedia.cleaners.widgets import (
    BAD,
    ELLIPSIS_END,
    TOPIC_KINDS,
    WEAK,
    Phrases,
    Verdict,
    answer_row,
    normalise,
    strength,
    topic_clause,
    widget,
)
from cleanmedia.cleaners.widgets import phrases as shipped_phrases
from cleanmedia.document import LETTER_RUN, DocumentView, Edit, MetadataEdit, MetadataField, Shared
from cleanmedia.text import (
    BLOCKS,
    DIGIT,
    FENCED_BLOCKS,
    LINE_CACHE,
    SENTENCE_PUNCT,
    Blocks,
    Line,
    bare_title,
    ends_sentence,
    grouped_removals,
    is_list_item,
    pipe_table_rows,
    removal_span_items,
    texts,
    word_count,
)

BREADCRUMB_SEP = re.compile(r"\s+(?:[-–>»›/|→]|::)\s+")
#: The characters of `BREADCRUMB_SEP`: a line without any is no trail (one set test, not a split).
BREADCRUMB_MARKS = frozenset("-–>»›/|→:")
MENU_SEP = re.compile(r"\s+[|•·]\s+")
#: A breadcrumb trail above the headline (`crumb_trail`): its parts joined by one of these, spaced.
CRUMB_SEP = re.compile(r"\s+([>›»/])\s+")
CRUMB_MARKS = frozenset(">›»/")
#: A part of a trail has at most this many words ("Rezepte", "Kunst und Kultur").
CRUMB_PART_WORDS = 4
#: No part of a trail holds these: a sentence's or a clause's marks, quotes, brackets.
CRUMB_PART_STOPS = frozenset('.!?…:;,"“”„«()<')
#: What `dates.relative`, `dates.reading_time` and `dates.month_day` each search a line for first: a
#: line without it is none of them (a gate: `tests/test_gates.py` opens it).
DATE_DIGIT = DIGIT
MENU_MARKS = "|\u2022\u00b7"
#: A line a byline without a phrase can be: it holds one of these (`Boilerplate._unsigned`).
UNSIGNED_GATE = re.compile(r"[|/,\u00b7\u2013\u2014]|\s-\s")


def _byline_names() -> regex.Pattern[str]:
    """A byline's names: capitalised words with the name particles of every language between them,
    joined by a comma, "&" or any language's conjunction (profile data), the conjunction standing as a
    word. A name is read one way only (atomic, its words possessive): else the regex engine tries every
    split of a long word ("AeAe..." as "A", "e", "Ae") and every reading of a word that is both a
    particle and a conjunction ("A y A y ..."): quadratic to exponential."""
    profiles = [resources.profile(c) for c in resources.LANGUAGES]
    particles = sorted({p for prof in profiles for p in prof.name_particles}, key=lambda w: (-len(w), w))
    joins = sorted(
        {prof.name_conjunction for prof in profiles if prof.name_conjunction}, key=lambda w: (-len(w), w)
    )
    word = r"\p{Lu}[\p{L}\p{M}'’.\-]*+"
    name = rf"(?>{word}(?:\s+(?:(?:{'|'.join(particles)})\s+)?{word}){{0,3}})"
    join = rf"(?:\s*[,&]\s*|\s+(?:{'|'.join(joins)})\s+)"
    return regex.compile(rf"^(?P<name>{name}(?:{join}{name})*+)(?:\s*[-–—|,·]\s*(?P<rest>.+))?$")


BYLINE_NAMES = _byline_names()
#: Latin filler needs at least this many words, three of them Latin function words that the article's
#: language does not have ("Sept. 2, USANA Amphitheatre, UT" is not filler).
FILLER_MIN_WORDS = 8
FOREIGN = "boilerplate.foreign"
#: A number alone on a line: a cell of a table ("+13.1%", "$1,250", "-0.4").
NUMBER_CELL = re.compile(r"^[+\-\u2212\u2013]?[$\u20ac\u00a3\u00a5]?\d[\d.,\s]*[%\u2030]?$")
#: A teaser under a related-articles heading is a headline of at most this many words.
TEASER_WORDS = 15
#: Rounds of `Boilerplate._settle` at most (a round is cheap: no line is judged again).
SETTLE_ROUNDS = 4
LOREM = "lorem ipsum"
#: The verdict of most short lines, made once (a frozen value: lines share it).
SHORT = Verdict(WEAK, "boilerplate.short", "short unpunctuated line among page furniture")


def _latin_only(words: list[str], code: str | None) -> int:
    """How many distinct Latin function words among `words` (lower case) are not frequent words of
    `code` (set operations in C: this runs on every line of eight words or more)."""
    own = resources.stopwords(code) if code else frozenset()
    return len(resources.filler_stopwords().intersection(words) - own)


def _latin_words(doc: DocumentView, code: str | None) -> int:
    """`_latin_only` of the whole text: under three, no line of it is filler. The words are runs of
    letters already: joined by spaces and lowered, they split into what `_lowered_words` would find."""
    return _latin_only(" ".join(doc.words()).lower().split(), code)


LATIN_WORDS: Shared[[str | None], int] = Shared(
    "latin_words", lambda doc, code: _latin_words(doc, code), words_only=True
)


def _lowered_words(text: str) -> list[str]:
    """The runs of letters of a line in lower case (lowered after the scan: lowering first can split
    a run, as "İ" lowers to "i" and a combining dot)."""
    return " ".join(LETTER_RUN.findall(text)).lower().split()


def _notice_phrases(text: str, ph: Phrases) -> list[str]:
    """The notice phrases (and lorem ipsum) found anywhere in the text, lowered and spaced as
    `normalise` does: one scan of the whole text, then each line is searched for these few only (most
    texts have none)."""
    words = text.lower().replace("\u2019", "'").split()
    folded = " ".join(words)
    tokens = set(words)  # the words of `folded` (no other split: an empty text has no phrase either way)
    return [p for p, inner in _phrase_inners(ph) if tokens.issuperset(inner) and p in folded]


@lru_cache(maxsize=8)
def _phrase_inners(ph: Phrases) -> list[tuple[str, tuple[str, ...]]]:
    """Each notice phrase (lorem ipsum first) with its inner words, those between two of its spaces: a
    phrase of three words or more stands in the text only where they stand as words of it, which a set
    test tells before any scan of the text for the phrase (in the folded text, where one space parts
    the words, the words between two spaces of a phrase found are whole words)."""
    return [(p, tuple(p.split(" ")[1:-1])) for p in (LOREM, *ph.contains)]


NOTICE_PHRASES: Shared[[Phrases], list[str]] = Shared(
    "notice_phrases", lambda doc, ph: _notice_phrases(doc.text, ph)
)


#: A date and a byline on one row have at most this many words ("12. März 2024, 14:05 Uhr von Max Muster").
BYLINE_ROW_WORDS = 16
#: Names and a date stamp after a byline's phrase have at most this many words: a stamp may give two
#: dates ("Claire Dubois, publié le 3 juin 2025 à 7h30, mis à jour le 3 juin 2025 à 11h02").
STAMPED_WORDS = 24
#: What may end a date before the byline that follows it on its row ("12.03.2024, 14:05 Uhr, von ...").
ROW_END = " ,;|\u00b7\u2013\u2014-"


@lru_cache(maxsize=8)
def _phrase_heads(ph: Phrases) -> dict[str, int]:
    """First words of the line and prefix phrases, each with the most words a phrase starting with it
    has: a line starting with another word has none, and a head of more words than that is none (the
    longer heads are not tried)."""
    heads: dict[str, int] = {}
    for table in (ph.prefix, ph.line):
        for p in table:
            first = p.split(" ", 1)[0].rstrip(":")
            heads[first] = max(heads.get(first, 0), p.count(" ") + 1)
    return heads


@lru_cache(maxsize=8)
def _agent_words(ph: Phrases) -> frozenset[str]:
    """The words a byline names its author with: the last word of each `byline` phrase ("by" of
    "written by", "da" of "scritto da", "par", "von", "por", "door", "autor")."""
    return frozenset(p.split()[-1].rstrip(":") for p, kind in ph.prefix.items() if kind == "byline" and p)


def _line_language(text: str) -> str | None:
    """The language of one short line: of its words alone, so that lines that differ in their digits
    and marks only ("By Anna Weber 12", "... 13") are one cached answer. Fewer than three words have
    none (`lang.best` says so whatever their scores): most lines of a dump end there, uncached."""
    words = tuple(w for w in _lowered_words(text) if len(w) > 1)  # single letters: noise
    return _words_language(words) if len(words) >= lang.MIN_BEST_WORDS else None


@lru_cache(maxsize=LINE_CACHE)
def _words_language(words: tuple[str, ...]) -> str | None:
    """The language of a line's lowered words (cached: lines recur across passes and documents)."""
    if lang.no_evidence(words):
        return None
    return lang.best(lang.scores(words), len(words), minimum=1.0)


def _foreign_evidence(text: str, n_words: int, line_lang: str) -> bool:
    """Whether a line of `n_words` words has enough evidence for being in `line_lang`: a short line
    (`FOREIGN_SHORT_WORDS` words or fewer) needs `LINE_LANGUAGE_WORDS` distinct frequent words of it;
    one is no evidence ("ten" made the headline "Concert hall turns ten" Polish, a new user's dump)."""
    if n_words > FOREIGN_SHORT_WORDS:
        return True
    words = [w for w in _lowered_words(text) if len(w) > 1]
    return lang.supporting_words(words, line_lang) >= LINE_LANGUAGE_WORDS


#: A line of this many words or fewer is in another language only when at least `LINE_LANGUAGE_WORDS`
#: of its distinct words are frequent words of that language.
FOREIGN_SHORT_WORDS, LINE_LANGUAGE_WORDS = 4, 2


@dataclass
class _Page:
    """What one call of `Boilerplate.edits` knows of its document: the cleaner keeps nothing on `self`."""

    doc: DocumentView
    blocks: Sequence[Line]
    lang: str | None
    found: dict[MetadataField, MetadataEdit] = field(default_factory=dict)  # first value of each field
    flags: dict[int, str] = field(default_factory=dict)  # line -> why a person should look at it
    _titles: set[str] | None = None
    _notices: list[str] | None = None
    #: While a line is judged (`Boilerplate._judged`): the `remember` calls it made, and whether it read
    #: the whole text's titles (a breadcrumb's), which makes its verdict the text's, not the line's.
    trace: list[tuple[MetadataField, str, str]] | None = None
    read_text: bool = False
    #: The lines `_verdicts` will judge (the others' verdicts are remembered), or None for all of them.
    unjudged: list[str] | None = None
    #: Line text -> the author its judging proposed (a byline's names), in the order found.
    authors: dict[str, str] = field(default_factory=dict)

    def notices(self, ph: Phrases) -> list[str]:
        """The notice phrases of the whole text (`NOTICE_PHRASES`), or of the `unjudged` lines only
        (they are all a line's verdict reads: the phrases it holds), asked once per call, not per line."""
        if self._notices is None:
            unjudged = self.unjudged
            self._notices = (
                self.doc.cached(NOTICE_PHRASES, ph)
                if unjudged is None
                else _notice_phrases("\n".join(unjudged), ph)
            )
        return self._notices

    def titles(self) -> set[str]:
        """The heading-like lines, normalised (made once a breadcrumb asks)."""
        self.read_text = True
        if self._titles is None:
            self._titles = {normalise(t) for t in texts(self.blocks) if heading_like(t)}
        return self._titles

    def remember(self, name: MetadataField, value: str, detail: str) -> None:
        """Propose `value` for a metadata field the document lacks (the first found wins)."""
        if self.trace is not None:
            self.trace.append((name, value, detail))
        if self.doc.metadata.get(name) is None and name not in self.found:
            self.found[name] = self.doc.set_metadata(name, value, f"boilerplate.{name}", detail)


@lru_cache(maxsize=LINE_CACHE)
def _judgement(judge: type, ph: Phrases, max_weak_words: int, code: str | None, text: str) -> list[object]:
    """The slot of a line's own verdict (`Boilerplate._judged`) by the class `judge` (a subclass may
    judge otherwise): empty until the line is judged, then [verdict, the `remember` calls judging it
    made]. Bounded as the other caches of lines (`LINE_CACHE`); the verdict is the same whether it is
    found here or judged again, so the size changes the time only."""
    return []


class Boilerplate(Cleaner):
    """Removes page furniture from text, line by line, with a reason for each line."""

    name = "boilerplate"
    settles = True
    reasons = ("boilerplate.",)

    def __init__(
        self,
        max_weak_words: int = 15,
        phrases: Iterable[tuple[str, str, str]] = (),
        templates: Templates | None = None,
    ) -> None:
        """`phrases`: rows (kind, match, phrase) added to the shipped lists for this cleaner, as in
        `resources/languages/*/boilerplate.tsv` ("share", "line", "teile das"); they win over shipped
        rows. Raises ValueError for an unknown kind or match. `templates`: lines learnt over a corpus
        (`cleaners.templates`, or `Boilerplate.fit`), removed as `boilerplate.learned`."""
        self.max_weak_words = max_weak_words
        rows = tuple(phrases)
        self.phrases = shipped_phrases().extended(rows) if rows else shipped_phrases()
        self.templates = templates or Templates()

    @classmethod
    def fit(
        cls,
        texts: Iterable[str],
        sites: Iterable[str | None] | None = None,
        min_documents: int = 3,
        min_share: float = 0.05,
        max_weak_words: int = 15,
        phrases: Iterable[tuple[str, str, str]] = (),
    ) -> Boilerplate:
        """A Boilerplate that also removes the template lines of a corpus: the lines standing in at
        least `min_documents` documents (and `min_share` of them) of one site, or of the corpus when
        `sites` (a URL or site name per text, in order) is not given; never prose. `texts`: plain
        text, one block per line (extract HTML first); `max_weak_words`, `phrases`: as for the cleaner.
        See `cleaners.templates`; raises ValueError when `min_documents` < 2."""
        templates = Templates.fit(texts, sites, min_documents, min_share)
        return cls(max_weak_words, phrases, templates)

    def edits(self, doc: DocumentView) -> Iterator[Edit | MetadataEdit]:
        bl = doc.cached(BLOCKS)
        if not bl:
            return
        page = _Page(doc, bl, doc.lang)
        judged, verdicts = self._verdicts(page)
        if not doc.given("lang") and any(v is not None and v.reason == FOREIGN for v in verdicts):
            # Lines are "in another language" than the document's: make sure that language is the
            # article's, not the furniture's (furniture can outweigh a short article).
            kept = [b.stripped for b, v in zip(bl, verdicts, strict=True) if strength(v) != BAD]
            article = lang.detect_words(LETTER_RUN.findall("\n".join(kept)))
            if article is not None and not resources.filler_language(article) and article != doc.lang:
                yield doc.set_metadata("lang", article, "boilerplate.lang", "the language of the lines left")
                page.lang = article
                judged, verdicts = self._verdicts(page)
        _revise_weak_around(page, verdicts, TRANSPARENT)
        removed = {i for i, v in enumerate(verdicts) if v is not None and v.strength == BAD}
        if len(removed) == len(bl):  # never the whole text: a document of furniture only is left alone
            return
        self._settle(page, judged, verdicts, removed)
        _unsigned_metadata(page, verdicts)
        _signed_below(page, verdicts)
        title = _title(bl, removed, _fenced(page))
        if title is not None:
            page.remember("title", bare_title(title), "the first heading left")
        yield from page.found.values()
        yield from grouped_removals(
            doc, removal_span_items(doc.text, bl, removed), lambda i: _why(verdicts[i])
        )
        for i, detail in sorted(page.flags.items()):
            if i not in removed:
                yield doc.mark(bl[i].start, bl[i].end, "boilerplate.teaser", detail)

    def _verdicts(self, page: _Page) -> tuple[list[Verdict | None], list[Verdict | None]]:
        """Each line judged on its own (a line's own verdict depends on its text alone: copies are judged
        once, and `_Page.remember` keeps the first value found), and the same verdicts with the copies of
        the title and the menus found among the lines."""
        slots: dict[str, list[object]] = {}  # a line's verdict is its text's: a copy is judged once
        lines = list(texts(page.blocks))
        for text in lines:
            if text not in slots:
                slots[text] = _judgement(type(self), self.phrases, self.max_weak_words, page.lang, text)
        unjudged = [text for text, slot in slots.items() if not slot]
        page.unjudged = None if len(unjudged) == len(slots) else unjudged
        seen = {text: self._judged(page, text, slot) for text, slot in slots.items()}  # in text order
        judged = [seen[text] for text in lines]
        if self.templates:
            self._learned(page, judged)
        _table_dates(page.blocks, judged)
        _in_context(page, judged)
        _in_prose(page, judged)
        _crumbs_above_headline(page, judged)
        verdicts = list(judged)
        self._repeats(page, verdicts)
        self._menus(page.blocks, verdicts)
        _consent_buttons(page.blocks, verdicts)
        _answer_buttons(page.blocks, verdicts)
        _comment_units(page.blocks, verdicts, page.lang)
        _comment_section(page.blocks, verdicts, page.lang)
        _archive_lists(page.blocks, verdicts)
        page.flags = self._teasers(page.blocks, verdicts, self.phrases)
        for i in _fenced(page):
            judged[i] = verdicts[i] = None
        return judged, verdicts

    def _settle(
        self, page: _Page, judged: list[Verdict | None], verdicts: list[Verdict | None], removed: set[int]
    ) -> None:
        """What the lines left would show once furniture went, found now (`verdicts` and `removed`
        updated): a copy of the title now among the first lines, a menu, weak lines now enclosed by
        furniture or the text's edge. A line's own verdict does not depend on the others; these do, and
        a second clean would find them: one clean must reach that fixed point itself. A few rounds at
        most (each removes lines); one that would remove every line left is not taken."""
        for _ in range(SETTLE_ROUNDS):
            kept = _indexes(i for i in range(len(judged)) if i not in removed)
            left = _Page(page.doc, _Subset(page.blocks, kept), page.lang, page.found)
            again = [judged[i] for i in kept]
            self._repeats(left, again)
            self._menus(left.blocks, again)
            self._revise_weak(left, again)
            fenced = _fenced(page)
            new = {
                i: v
                for i, v in zip(kept, again, strict=True)
                if v is not None and v.strength == BAD and i not in fenced
            }
            if not new or len(new) == len(kept):
                return
            for i, v in new.items():
                verdicts[i] = v
            removed.update(new)

    # -- one line on its own ---------------------------------------------------------------------
    def _judged(self, page: _Page, text: str, slot: list[object]) -> Verdict | None:
        """`_judge`, remembered across passes and documents (`_judgement`) for the lines whose verdict
        is their own: judged without reading the text's titles (a breadcrumb's last part: those lines
        are judged each time), in the same language, with the same phrases. Two readings of the whole
        text are gates that cannot change a verdict: its notice phrases (a phrase the line holds is one
        the text holds: `_notice_phrases` searches the text folded as `normalise` folds the line) and
        its Latin words (the line's are among them). The metadata the judging proposed
        (`_Page.remember`) is proposed again, in the same order.
        Why: the chain runs this step again on the text the line model left, and menus and footers
        recur across a site's pages; most of the lines are judged already."""
        if slot:
            verdict, trace = slot
            for name, value, detail in cast(tuple[tuple[MetadataField, str, str], ...], trace):
                page.remember(name, value, detail)
                if name == "author":
                    page.authors.setdefault(text, value)
            return cast(Verdict | None, verdict)
        page.trace, page.read_text = [], False
        verdict = self._judge(page, text)
        if not page.read_text:
            slot[:] = [verdict, tuple(page.trace)]
        for name, value, _ in page.trace:
            if name == "author":
                page.authors.setdefault(text, value)
        page.trace = None
        return verdict

    def _judge(self, page: _Page, text: str) -> Verdict | None:
        code = page.lang
        n_words = word_count(text)  # a line of Chinese or Thai counts its words, not one
        notices = page.notices(self.phrases)
        if n_words > 40 and SENTENCE_PUNCT.search(text):  # prose: only a notice makes it furniture
            return self._notice(text, text.lower() if notices else "", n_words, notices, code)
        verdict = widget(text, n_words, self.phrases)
        if verdict is not None:
            return verdict
        ph = self.phrases
        norm = normalise(text)
        tokens = norm.split()
        verdict = self._prefixed(page, text, norm, tokens)
        if verdict is not None:
            return verdict
        if n_words <= AGENCY_WORDS and agency_credit(text):
            return AGENCY_CREDIT
        if n_words <= CALL_WORDS and _call_heads(self.phrases).get(tokens[0] if tokens else ""):
            verdict = _call_sentence(text, tokens, self.phrases, code)
            if verdict is not None:
                return verdict
        verdict = self._notice(text, norm, n_words, notices, code)
        if verdict is not None:
            return verdict
        # One ASCII word (word_count is then the split count) is no time stamp: those need white space;
        # each of the three needs a digit (`DATE_DIGIT`: one search for the three).
        if DATE_DIGIT.search(text) and (n_words > 1 or not text.isascii() or not dates.need_spaces()):
            if n_words <= 6 and dates.relative(text):
                return Verdict(BAD, "boilerplate.timestamp", "relative time stamp of a teaser")
            if n_words <= 8 and dates.reading_time(text):
                return Verdict(BAD, "boilerplate.reading_time", "reading time of the article")
            if n_words <= 4 and dates.month_day(text):
                return Verdict(WEAK, "boilerplate.timestamp", "day and month without a year, among furniture")
        mark = (
            next((m for m in COPYRIGHT_MARKS if text.startswith(m)), None)
            if text.startswith(COPYRIGHT_MARKS)
            else None
        )
        dated = mark is not None and text[len(mark) :].lstrip()[:1].isdigit()  # "© 2021, ...": a notice
        if mark is not None and n_words <= 25 and (dated or not _mentions(text, [mark.lower()], code, False)):
            return Verdict(BAD, "boilerplate.copyright", "copyright notice")
        if n_words >= 3 and self._breadcrumb(page, text, ph):  # a separator with words each side
            return Verdict(BAD, "boilerplate.breadcrumb", "breadcrumb trail")
        segments = MENU_SEP.split(text) if "|" in text or "\u2022" in text or "\u00b7" in text else ()
        if len(segments) >= 4 and all(len(s.split()) <= 3 for s in segments):
            return Verdict(BAD, "boilerplate.menu", "navigation menu")
        if n_words <= LINK_ROW_WORDS and _link_row(text):
            return Verdict(BAD, "boilerplate.menu", "a row of footer links")
        if n_words >= 20 and code in resources.LANGUAGES and not LIST_PUNCT.search(text):
            words = _lowered_words(text)
            if self._stop_share(words, code) < 0.15:
                return Verdict(BAD, "boilerplate.tag_cloud", f"{n_words} keywords and no sentence")
        if n_words <= 40:  # the line's language is asked only where it can matter (the cheap test first)
            filler = (
                n_words >= FILLER_MIN_WORDS
                and page.doc.cached(LATIN_WORDS, code) >= 3  # a gate: the line's words are the text's
                and _latin_only(_lowered_words(text), code) >= 3
            )
            if filler and resources.filler_language(_line_language(text)):
                return Verdict(BAD, "boilerplate.filler", "Latin theme filler text")
            line_lang = _line_language(text) if code and n_words <= self.max_weak_words else None
            if line_lang and line_lang != code and _foreign_evidence(text, n_words, line_lang):
                return Verdict(WEAK, FOREIGN, f"widget text in {line_lang} in a {code} article")
        if n_words <= 4 and not ends_sentence(text) and not is_list_item(text):
            return SHORT
        return None

    def _notice(
        self, text: str, lowered: str, n_words: int, candidates: list[str], code: str | None
    ) -> Verdict | None:
        """Cookie, consent, copyright and privacy notices, and lorem ipsum, in lines of any shape
        (`candidates`: the notice phrases the whole text has, from `_notice_phrases`; `lowered`: the
        line lowered or normalised, `text` as written), unless the line is an article sentence that
        reports on the notice (`_mentions`)."""
        if not candidates:
            return None
        if LOREM in candidates and LOREM in lowered:
            return Verdict(BAD, "boilerplate.filler", "lorem ipsum filler text")
        if n_words > 60:
            return None
        # A substring test per phrase is several times faster than one regex alternation of them all.
        kinds = self.phrases.contains
        written = " ".join(text.lower().replace("\u2019", "'").split())  # quotes kept (`lowered` trims them)
        found = [
            (lowered.find(p), -len(p), p)
            for p in candidates
            if p in kinds and p in lowered and not _quoted_in_sentence(written, p)
        ]
        if not found:
            return None
        phrase = min(found)[2]  # the first in the line, the longest there (what a regex would match)
        kind = kinds[phrase]
        if _mentions(text, [p for _, _, p in found], code, kind in STATEMENT_KINDS):
            return None
        return Verdict(BAD, f"boilerplate.{kind}", f"{kind} notice ({phrase!r})")

    def _prefixed(self, page: _Page, text: str, norm: str, tokens: list[str]) -> Verdict | None:
        ph = self.phrases
        first = tokens[0].rstrip(":") if tokens else ""  # "Autor: Max Müller": the label, then the name
        sizes = range(min(5, len(tokens), _phrase_heads(ph).get(first, 0)), 0, -1)
        signed = False  # the line opens with a byline or dateline phrase: no date can come before it
        for size in sizes:
            head = " ".join(tokens[:size]).rstrip(":")
            if tokens[size - 1].endswith(":") and head + ":" in ph.prefix:
                head += (
                    ":"  # a label with its colon in the data and in the line ("Foto: dpa"; not "Photo ID")
                )
            kind = ph.prefix.get(head) or ph.line.get(head)
            if kind is None:
                continue
            rest_words = text.split()[size:]
            rest = " ".join(rest_words).lstrip(":-–—|» ")
            if kind in ("dateline", "byline"):
                signed = True
                verdict = self._dated_or_signed(page, kind, rest)
                if verdict is not None:
                    return verdict
                continue
            if (
                head in ph.prefix
                and len(tokens) <= 25
                and not ends_sentence(ELLIPSIS_END.sub("", text))
                or (kind == "tags" and text.split()[size - 1].endswith(":"))
            ):
                if _topic_headline(text, size, kind, page.lang):
                    return None
                return Verdict(BAD, f"boilerplate.{kind}", f"{kind} line")
        date = dates.parse(text, page.lang)
        if date:
            page.remember("date", date, "a dateline")
            return Verdict(BAD, "boilerplate.dateline", f"dateline (date {date} kept in metadata)")
        if signed:
            return None
        return (self._dated_byline(page, text) if DIGIT.search(text) else None) or self._unsigned(page, text)

    @staticmethod
    def _unsigned(page: _Page, text: str) -> Verdict | None:
        """A byline with no phrase before its names (`unsigned_byline`), or a newsroom's credit and its
        date: furniture; what goes to the metadata is decided over the whole text (`_unsigned_metadata`)."""
        if not UNSIGNED_GATE.search(text):
            return None  # the cheap test first: such a byline has a separator or a comma
        found = unsigned_byline(text, page.lang)
        if found is None:
            return None
        return UNSIGNED_CREDIT if found[0] is None else UNSIGNED_BYLINE

    def _dated_byline(self, page: _Page, text: str) -> Verdict | None:
        """A date, then a byline ("12.03.2024, 14:05 Uhr von Max Muster", "March 12, 2024 by Jane Doe"):
        the words before a byline phrase (`byline` rows of `boilerplate.tsv`, "von", "by", "par") are a
        date with its time (`dates.parse`), the words after it names (`_dated_or_signed`). Both go to the
        metadata. Why: the byline rules read a line that starts with its phrase, the date rules a line
        that is a date; a row that puts the date first was neither, and stayed in the article."""
        words = text.split()
        if len(words) > BYLINE_ROW_WORDS:
            return None
        ph = self.phrases
        heads = _phrase_heads(ph)
        lowered = [w.lower() for w in words]
        for k in range(1, len(words) - 1):
            for size in range(min(heads.get(lowered[k].rstrip(":"), 0), len(words) - k - 1), 0, -1):
                if ph.prefix.get(" ".join(lowered[k : k + size]).rstrip(":")) != "byline":
                    continue
                date = dates.parse(" ".join(words[:k]).rstrip(ROW_END), page.lang)
                if not date:
                    return None
                rest = " ".join(words[k + size :]).lstrip(":-–—|» ")
                signed = self._dated_or_signed(page, "byline", rest)
                if signed is None:
                    return None
                page.remember("date", date, "the date before a byline")
                return Verdict(
                    BAD, "boilerplate.byline", f"{signed.detail[:-1]}, date {date} kept in metadata)"
                )
        return None

    def _dated_or_signed(self, page: _Page, kind: str, rest: str) -> Verdict | None:
        if kind == "dateline":
            date = stamp(rest, page.lang)
            if date:
                page.remember("date", date, "a dateline")
                return Verdict(BAD, "boilerplate.dateline", f"dateline (date {date} kept in metadata)")
            return self._stamp_signed(page, rest)
        signed = signature(rest, page.lang) if kind == "byline" else None
        if signed is None:
            return None
        names, when, role = signed
        page.remember("author", names, f"a byline (its role {role!r} left out)" if role else "a byline")
        if when:
            page.remember("date", when, "the date of a byline")
        if role:
            return Verdict(
                BAD,
                "boilerplate.byline",
                f"byline (author {names!r} kept in metadata, role {role!r} dropped)",
            )
        return Verdict(BAD, "boilerplate.byline", f"byline (author {names!r} kept in metadata)")

    def _stamp_signed(self, page: _Page, rest: str) -> Verdict | None:
        """A dateline's date, then the word a byline names its author with, then names ("Pubblicato il
        3 giugno 2025 da Marco Rossi", "Published June 3, 2025 by Ann Lowe"): the date and the author to
        the metadata. The word is the last of a `byline` phrase of the language ("scritto da", "written
        by": `_agent_words`); only after a dateline's phrase and a date, where no sentence is."""
        words = rest.split()
        if len(words) > BYLINE_ROW_WORDS:
            return None
        agents = _agent_words(self.phrases)
        for k in range(1, len(words) - 1):
            if words[k].lower() not in agents:
                continue
            date = dates.parse(" ".join(words[:k]).rstrip(ROW_END), page.lang)
            signed = signature(" ".join(words[k + 1 :]), page.lang) if date else None
            if date and signed is not None:
                page.remember("author", signed[0], "a byline after a dateline")
                page.remember("date", date, "a dateline")
                return Verdict(
                    BAD,
                    "boilerplate.byline",
                    f"dateline and byline (author {signed[0]!r}, date {date} kept in metadata)",
                )
        return None

    def _breadcrumb(self, page: _Page, text: str, ph: Phrases) -> bool:
        if BREADCRUMB_MARKS.isdisjoint(text) or ends_sentence(text):
            return False  # its last part would end a sentence
        parts = BREADCRUMB_SEP.split(text)
        if len(parts) < 2 or any(len(p.split()) > 12 or not p or ends_sentence(p) for p in parts):
            return False
        if ph.line.get(normalise(parts[0])) in ("home", "nav"):
            return True  # starts at home
        # ends with a title: the titles of the page are made only for a trail of three parts or more
        return len(parts) >= 3 and normalise(parts[-1]) in page.titles()

    @staticmethod
    def _stop_share(words: list[str], code: str | None) -> float:
        if not words:
            return 0.0
        langs = [code] if code else list(resources.LANGUAGES)
        return max(sum(w in resources.stopwords(c) for w in words) for c in langs) / len(words)

    def _learned(self, page: _Page, judged: list[Verdict | None]) -> None:
        """Template lines learnt over the corpus (`templates`) made furniture, each with its evidence,
        unless a detector already judged the line, or it stands between two prose lines (a label, a
        caption or a hatnote the site repeats inside its articles: `templates.prose_span`), introduces prose (a recurring heading: the next line that is
        not furniture is prose with no verdict), or is a piece of a sentence cut at its links (a name
        that is also a site's menu label: `templates.continues_sentence`). A line that introduces prose
        is still a template when it ends a run of them in most of the site's documents (the last label of
        a menu above the article: `_ends_template_run`)."""
        meta = page.doc.metadata
        site = meta.url or meta.site
        blocks = page.blocks
        found = {
            i: e
            for i, b in enumerate(blocks)
            if strength(judged[i]) != BAD and (e := self.templates.lookup(b.stripped, site)) is not None
        }
        # A heading starts with a letter or digit; what lies between it and its prose is furniture
        # ("[edit]", a detector's line).
        can_head = {i for i, b in enumerate(blocks) if b.stripped[:1].isalnum()}
        going = {i for i, v in enumerate(judged) if strength(v) == BAD} | (found.keys() - can_head)
        lo, hi = prose_span([b.stripped for b in blocks])
        for i, evidence in found.items():
            if lo < i < hi:
                continue
            before = blocks[i - 1].stripped if i else ""
            after = blocks[i + 1].stripped if i + 1 < len(blocks) else ""
            nxt = next((j for j in range(i + 1, len(blocks)) if j not in going), None)
            heading = (
                i in can_head
                and nxt is not None
                and judged[nxt] is None
                and is_prose(blocks[nxt].stripped)
                and not _ends_template_run(i, found, judged, evidence)
            )
            if heading:
                judged[i] = None  # a heading the site repeats: not a weak line for its neighbours to take
            elif not continues_sentence(before, after):
                judged[i] = Verdict(BAD, LEARNED, str(evidence))

    # -- lines against each other ------------------------------------------------------------------
    def _repeats(self, page: _Page, verdicts: list[Verdict | None]) -> None:
        """Copies of the title, and the title with the site name after it ("Title | Site").

        Only the title: other lines may repeat for good reasons (a meal plan, a table, a refrain).
        """
        for i, verdict in title_copies(page.blocks, verdicts, page.doc.page_title).items():
            verdicts[i] = verdict
            if verdict.site is not None:
                page.remember("site", verdict.site, "the name after a copy of the title")

    @staticmethod
    def _menus(bl: Sequence[Line], verdicts: list[Verdict | None]) -> None:
        """Navigation menus of a page dump (`cleanmedia.cleaners.menus`)."""
        for i in menu_lines(bl):
            if strength(verdicts[i]) != BAD:
                verdicts[i] = Verdict(BAD, "boilerplate.menu", "navigation menu outside the article")

    @staticmethod
    def _teasers(bl: Sequence[Line], verdicts: list[Verdict | None], ph: Phrases) -> dict[int, str]:
        """The teaser list under a related-articles heading ("Mehr zum Thema", "Related", "Lire aussi",
        or a "read more" label that ends with a colon: "Read more:"; a "read more" link has none and
        heads nothing) goes with its heading: the headline-like lines after it (`heading_like`, at most
        `TEASER_WORDS` words; furniture between them is passed over), up to the first other line or
        piece of a sentence cut at its links (the next line goes on with it: `_goes_on`). The heading
        must be the phrase alone ("Related conditions" heads an article's own list) and start with a
        capital (a badge in a table's rows, "most popular", heads nothing).

        When the article goes on below (a line that is not a teaser stops the list), the last
        teaser-like line may be the article's headline under a box of links, or the heading of the
        next section: it goes too only when the list stands inside the article (prose above its
        heading), has two teasers or more, a paragraph of prose stops it (not a piece of a sentence
        cut at its links), and the article has no section headings elsewhere (no short line between
        its paragraphs, `_has_subheadings`); else it stays and is flagged. Returns the
        flagged lines (index -> detail)."""
        n = len(bl)
        flagged: dict[int, str] = {}
        subheadings: bool | None = None  # asked once, when a list has a last line to decide
        for i, v in enumerate(verdicts):
            if v is None or v.strength != BAD or not _teaser_head(bl[i].stripped, v.reason, ph):
                continue
            items, j, closed = [], i + 1, False
            while j < n:
                if strength(verdicts[j]) == BAD:
                    closed = verdicts[j] == COMMENT_HEADER
                    if closed:
                        break  # the readers' comments (`_comment_units`): the list ends above them
                    j += 1
                    continue
                text = bl[j].stripped
                after = bl[j + 1].stripped if j + 1 < n else ""
                if not (heading_like(text) and word_count(text) <= TEASER_WORDS) or _goes_on(after):
                    break  # not a headline, or a piece of a sentence the dump cut at its links
                items.append(j)
                j += 1
            if j < n and items and not closed:  # closed by furniture: no article below it
                if subheadings is None:
                    subheadings = _has_subheadings(bl, verdicts)
                inside = any(is_prose(bl[m].stripped) for m in range(i))
                if subheadings or len(items) < 2 or not inside or not is_prose(bl[j].stripped):
                    last = items.pop()
                    flagged[last] = f"teaser or section heading under {bl[i].stripped!r}: kept"
            for k in items:
                verdicts[k] = Verdict(
                    BAD, "boilerplate.related", f"teaser under the heading {bl[i].stripped!r}"
                )
        return flagged

    @staticmethod
    def _revise_weak(page: _Page, verdicts: list[Verdict | None]) -> None:
        """A run of weak lines goes when furniture encloses it (the text's edge counts, but not both edges),
        except the article's headline: the last line of a run at the top that the article's frame and
        prose follow (`_headline`), which becomes the metadata title."""
        n = len(verdicts)
        i = 0
        top = True  # no line of the article's yet: the headline may come
        while i < n:
            v = verdicts[i]
            if v is None or v.strength != WEAK:
                top = top and v is not None
                i += 1
                continue
            j = i
            while j + 1 < n and strength(verdicts[j + 1]) == WEAK:
                j += 1
            above = strength(verdicts[i - 1]) if i > 0 else "edge"
            below = strength(verdicts[j + 1]) if j + 1 < n else "edge"
            enclosed = (above in (BAD, "edge") and below in (BAD, "edge")) and (above, below) != (
                "edge",
                "edge",
            )
            menu = None
            if top and not enclosed and above in (BAD, "edge") and below == "keep":
                menu = _menu_above_article(page, verdicts, i, j)
                enclosed = menu is not None
            headline = (
                _headline(page, verdicts, j, i == 0, at_top=True)
                if top and enclosed and below == BAD
                else None
            )
            if (
                menu is not None
                and menu.detail == OVER_HEADLINE
                and len(page.blocks[j].stripped.split()) >= 2
            ):
                headline = j  # the headline over a subtitle the frame proves: it stays (not the title)
            if headline is not None and menu is None and not furniture_title(page.blocks[headline].stripped):
                page.remember(
                    "title", page.blocks[headline].stripped, "the headline above the article's frame"
                )
            for k in range(i, j + 1):
                old = verdicts[k]
                assert old is not None
                gone = menu or Verdict(BAD, old.reason, old.detail)
                verdicts[k] = gone if enclosed and k != headline else None
            top = top and enclosed and headline is None
            i = j + 1


QUOTES = '"“”«»„'
#: What a copyright line starts with.
COPYRIGHT_MARKS = ("©", "(c)", "(C)")
#: A notice phrase in a sentence with at least this many lower-case words of its own (verbs, articles,
#: prepositions: a clause, "nicht, versicherte der Sprecher") is mentioned by the article. A notice's
#: sentence is the phrase alone or with names and numbers ("© 2024 Verlag GmbH. Alle Rechte vorbehalten.").
MENTION_WORDS = 3
#: Sentences of this many words or more before a notice phrase's sentence, none speaking to the reader,
#: are the article's own, and the phrase is mentioned by it (`_prose_before`).
OPENING_WORDS = 4
#: A phrase right after a colon that ends this many words or more of prose is cited by the article
#: ("sieht zuerst einen Hinweis: Wir verwenden Cookies."); "Hinweis: Wir verwenden Cookies" is a notice.
CITING_WORDS = 4
#: Where a sentence ends inside a line: a mark and a space (not "1.2", not "o.o.").
SENTENCE_BREAK = re.compile(r"[.!?…](?:\s|$)")
#: A clause break inside a sentence.
CLAUSE_BREAK = re.compile(r"[,;:]|\s[–—-]\s")
#: How many words a banner's statement phrase may go on by before a clause break of the article's own
#: ("Wir verwenden Cookies nicht, versicherte der Sprecher.").
STATEMENT_REACH = 2
#: Notice kinds whose phrases are a banner's clauses, which the banner goes on from ("we use cookies to
#: ...", "your email address will not be published and ..."): `_mentions(statement=True)`.
STATEMENT_KINDS = frozenset({"cookie", "comment"})
LEARNED = "boilerplate.learned"
#: Lines that go but are no evidence for the weak lines around them (`_revise_weak_around`).
TRANSPARENT = frozenset({LEARNED, "boilerplate.symbols"})


def _fenced(page: _Page) -> set[int]:
    """Indexes of the lines inside Markdown fenced code blocks, fences included (`text.fenced_blocks`):
    a code example is content, its fences ("```") are not rows of symbols and its short lines ("pip
    install foo") not furniture. And the rows of a table (`text.pipe_table_rows`): "| Nord | 12 | 8 |"
    is no menu, its delimiter row "| --- | --- |" no breadcrumb; the line model decides a table as
    one block (`lines_content`)."""
    tables = {i for first, last in pipe_table_rows(list(texts(page.blocks))) for i in range(first, last + 1)}
    spans = page.doc.cached(FENCED_BLOCKS)
    if not spans:
        return tables
    starts = [start for start, _ in spans]  # in text order, not overlapping: one bisect per line

    def inside(b: Line) -> bool:
        k = bisect_right(starts, b.start) - 1
        return k >= 0 and b.end <= spans[k][1]

    return tables | {i for i, b in enumerate(page.blocks) if inside(b)}


def _revise_weak_around(page: _Page, verdicts: list[Verdict | None], transparent: frozenset[str]) -> None:
    """`Boilerplate._revise_weak` as if the lines of the reasons `transparent` were not there: a template
    line learnt over the corpus goes, but does not make the weak lines next to it go (a table or a
    list of short article lines beside a site's repeated label stays, as it would without learning);
    so does a line of symbols alone (">>>", "¶", "|"), which says nothing of the lines around it (a
    code example dumped a token a line, between its prompts, went as short lines enclosed by furniture)."""
    if all(v is None or v.reason not in transparent for v in verdicts):
        Boilerplate._revise_weak(page, verdicts)  # none to see through: no copies
        return
    idx = _indexes(i for i, v in enumerate(verdicts) if v is None or v.reason not in transparent)
    sub = [verdicts[i] for i in idx]
    Boilerplate._revise_weak(_Page(page.doc, _Subset(page.blocks, idx), page.lang, page.found), sub)
    for i, v in zip(idx, sub, strict=True):
        verdicts[i] = v


def _table_dates(bl: Sequence[Line], judged: list[Verdict | None]) -> None:
    """A date alone on a line next to a number alone on a line is a cell of a table or a chart's data
    ("1/1/2013", "+13.1%"), not the article's dateline: it stays, and so do the numbers it no longer
    encloses as furniture."""
    for i, v in enumerate(judged):
        if v is None or v.reason != "boilerplate.dateline":
            continue
        near = [bl[k].stripped for k in (i - 1, i + 1) if 0 <= k < len(bl)]
        if any(NUMBER_CELL.match(t) for t in near):
            judged[i] = None


def _topic_headline(text: str, size: int, kind: str, code: str | None) -> bool:
    """Whether `text`, opening with a furniture phrase of `size` words (of `kind`), is a heading about
    the phrase's subject: more words, a colon, then two words or more ("Newsletter für Vereine: was
    sich ändert", "Recommended dose of vitamin D: what the study found"). The words between the phrase
    and the colon are not all function words (a subject; "Leggi anche su:" has none) and hold one, or
    are two or more ("Newsletter rules for charities"); after a label that introduces a link (kinds
    outside `TOPIC_KINDS`: "See also", "Recommended") they go on in lower case, the label's words used
    in a sentence ("Recommended dose of vitamin D"), not a teaser's title; with none between ("Newsletter: co mówi nowe
    prawo"), the phrase is one word that can be a subject (`TOPIC_KINDS`; after "Read more:", "Lesen
    Sie auch:" comes a teaser's title) and what follows the colon a question clause (`topic_clause`).
    A bare phrase ("Newsletter abonnieren"), a call ("Subscribe to our newsletter: what you get"), a
    label and its list ("Newsletter: Jetzt anmelden") stay furniture."""
    head, colon, tail = text.partition(":")
    words = head.split()
    if not colon or len(tail.split()) < 2 or len(words) < size:
        return False
    extra = words[size:]
    if not extra:  # a one-word phrase, the subject ("Newsletter:"), not a call ("Subscribe to ...:")
        return size == 1 and kind in TOPIC_KINDS and topic_clause(tail)
    stop = _topic_stop(code)
    if all(w.lower() in stop for w in extra):
        return False
    if kind not in TOPIC_KINDS and not extra[0][:1].islower():
        return False  # "See also Web3.js vs Ethers.js: Picking ...": a teaser's title after its label
    return len(extra) >= 2 or extra[0].lower() in stop or (kind in TOPIC_KINDS and topic_clause(tail))


@lru_cache(maxsize=16)
def _topic_stop(code: str | None) -> frozenset[str]:
    """The stop words and function words of `code` (none without a language)."""
    if not code:
        return frozenset()
    return resources.stopwords(code) | resources.profile(code).words("function_words.txt")


def _in_context(page: _Page, judged: list[Verdict | None]) -> None:
    """Lines whose own verdict their neighbours overrule (`cleaners.introduced`): the dates heading a
    chronology's sections stay (a date taken from one for the metadata is withdrawn: it dates a
    section, not the article), and so do the names listed under a sentence that introduces them
    (that sentence judged no furniture itself)."""
    lines = list(texts(page.blocks))
    withdrawn = set()
    for i in chronology_dates(lines, page.lang):
        verdict = judged[i]
        if verdict is not None and verdict.reason == "boilerplate.dateline":
            judged[i] = None
            withdrawn.add(dates.parse(lines[i], page.lang))
    found = page.found.get("date")
    if found is not None and found.after in withdrawn:
        del page.found["date"]
    for i in introduced_names(lines, [strength(v) == BAD for v in judged]):
        judged[i] = None


def _in_prose(page: _Page, judged: list[Verdict | None]) -> None:
    """Lines of a notice's or a prompt's words (`PROSE_KINDS`) that the article holds, not the page: a
    line standing between two paragraphs of the article (`_prose`) on its subject (`_on_topic`); in
    quotation marks or not (a banner's button cut out by a dump keeps its quotes). Why: an article about cookie banners lost the banner text
    it quoted and the subheadings "Newsletter" and "Kommentare" above the paragraphs about them (a new
    user's dump). A banner or a comment section sits above or below the article, rarely between two of
    its paragraphs that speak of it."""
    lines = list(texts(page.blocks))
    prose = [judged[i] is None and _prose(t) for i, t in enumerate(lines)]
    for i, v in enumerate(judged):
        if v is None or v.reason not in PROSE_KINDS:
            continue
        if (
            0 < i < len(lines) - 1
            and prose[i - 1]
            and prose[i + 1]
            and _on_topic(lines, judged, prose, i, v.reason, page.lang)
        ):
            judged[i] = None


def crumb_trail(text: str) -> bool:
    """Whether a line has a breadcrumb trail's shape: two parts or more joined by one separator of
    `CRUMB_SEP` with spaces around it ("Wirtschaft > Unternehmen", "Accueil › Monde › Europe"), each
    part one to `CRUMB_PART_WORDS` words from a capital, with no sentence mark (`CRUMB_PART_STOPS`).
    A comparison is none: its parts start with a number or in lower case ("Preis > 100 Euro", "a > b")."""
    if CRUMB_MARKS.isdisjoint(text):
        return False
    pieces = CRUMB_SEP.split(text.strip())
    parts, seps = pieces[0::2], pieces[1::2]
    if not seps or len(set(seps)) != 1:
        return False
    return all(
        1 <= len(p.split()) <= CRUMB_PART_WORDS
        and p[:1].isupper()
        and CRUMB_PART_STOPS.isdisjoint(p)
        and CRUMB_MARKS.isdisjoint(p)
        for p in parts
    )


def furniture_title(line: str) -> bool:
    """Whether a line is one the furniture rules know that is never a title: a breadcrumb trail's shape
    (`crumb_trail`; of two parts only with an arrow, not a slash: a headline may name two things with
    one) or a counter of pages, pictures or followers (`widget`). Why: "Seite 1 von 2" and
    "Rezepte > Hauptgerichte > Vegetarisch" became the metadata title of new users' dumps."""
    if crumb_trail(line):
        seps = CRUMB_SEP.findall(line)
        return len(seps) >= 2 or seps[0] != "/"  # "Dare to Play 3 / October pack" may be a headline
    verdict = widget(line)
    return verdict is not None and verdict.reason in TITLE_NEVER


#: The reasons of `widget` verdicts whose lines are never a title (`furniture_title`).
TITLE_NEVER = frozenset({"boilerplate.pagination", "boilerplate.gallery", "boilerplate.counter"})


def _crumbs_above_headline(page: _Page, judged: list[Verdict | None]) -> None:
    """A breadcrumb trail's shape (`crumb_trail`) above the headline goes: no paragraph above it, the
    text's edge or furniture right above it (a menu's label that stays, or a title, may be above a
    menu's item of that shape: "Barbecue portable / Camping" in a shop's menu), and the next line left
    is a heading of two words or more (`heading_like`, not a trail itself) that a paragraph follows. Why: a trail of two parts not starting at a home word ("Wirtschaft >
    Unternehmen"), or one not ending with a title, stayed at the top of dumps and became the metadata
    title. Lower down, the same shape may be the article's ("Kosten > Nutzen" as a subheading): it stays."""
    lines = list(texts(page.blocks))
    n = len(lines)
    for i, text in enumerate(lines):
        gone = strength(judged[i]) == BAD
        if not gone and _prose(text):
            return  # the article has begun: no trail below its first paragraph
        if gone or not crumb_trail(text) or (i > 0 and strength(judged[i - 1]) != BAD):
            continue  # under a line that stays (a title, a menu's label): the trail's shape may be a menu's
        k = next((k for k in range(i + 1, n) if strength(judged[k]) != BAD), None)
        if k is None:
            return
        head = lines[k]
        if (
            len(head.split()) >= 2
            and heading_like(head)
            and not crumb_trail(head)
            and any(strength(judged[m]) != BAD and _prose(lines[m]) for m in range(k + 1, n))
        ):
            judged[i] = Verdict(BAD, "boilerplate.breadcrumb", "breadcrumb trail above the headline")


#: Kinds of furniture whose words an article about them uses (`_in_prose`).
PROSE_KINDS = frozenset(f"boilerplate.{kind}" for kind in ("cookie", "newsletter", "comment", "subscribe"))
#: Topic words are compared on their first letters, this many at least, a word's last letters aside
#: ("Kommentare" / "Kommentar", "Cookies" / "Cookie-Banner", not "kommen").
TOPIC_STEM, TOPIC_ENDING = 5, 2
#: A line of several words is on the article's subject when this many other lines of the article use its
#: words (or its kind's name).
TOPIC_LINES = 2


def _prose(text: str) -> bool:
    """A paragraph: a sentence of `PROSE_WORDS` words or more, ending with its mark."""
    return len(text.split()) >= PROSE_WORDS and ends_sentence(text)


def _topic_stems(text: str, code: str | None) -> set[str]:
    """The stems of a line's words other than function words: each word without up to `TOPIC_ENDING`
    last letters, never shorter than `TOPIC_STEM` (hyphenated words in their parts)."""
    stop = resources.stopwords(code)
    words = (w for w in _lowered_words(text.replace("-", " ")) if w not in stop and len(w) >= TOPIC_STEM)
    return {w[: max(TOPIC_STEM, len(w) - TOPIC_ENDING)] for w in words}


def _uses(stems: set[str], text: str) -> bool:
    """Whether a word of `text` (hyphenated words in their parts) starts with one of `stems`."""
    return any(w.startswith(tuple(stems)) for w in _lowered_words(text.replace("-", " "))) if stems else False


def _on_topic(
    lines: list[str], judged: list[Verdict | None], prose: list[bool], i: int, reason: str, code: str | None
) -> bool:
    """Whether line `i`, between two paragraphs, is on the article's subject: a heading (no sentence
    mark) whose word the next paragraph uses ("Newsletter" over "Wer sich für einen Newsletter
    anmeldet ..."), or a line whose kind's name (a loanword: "cookie", "newsletter"), or a short line's
    own words, `TOPIC_LINES` other lines of the article's (no verdict: its title, its paragraphs) use."""
    stems = _topic_stems(lines[i], code)
    short = not ends_sentence(lines[i]) and len(lines[i].split()) <= 2
    if short and _uses(stems, lines[i + 1]):
        return True
    # a sentence is judged by its kind's name only: any content word of a call to subscribe ("mis geen
    # nieuws meer") is as likely in a news article as the article's own subject
    stems = (stems if short else set()) | _topic_stems(reason.rpartition(".")[2], code)
    others = (t for k, t in enumerate(lines) if k != i and (prose[k] or judged[k] is None))
    return sum(_uses(stems, t) for t in others) >= TOPIC_LINES


#: Links of a footer row, separated by a bar, a slash, a bullet or a middle dot with spaces around it.
LINK_SEP = re.compile(r"\s+[|/\u2022\u00b7]\s+")
#: A footer row has at most this many words, at most `LINK_WORDS` a link, `LINK_ROW` links at least.
LINK_ROW_WORDS, LINK_WORDS, LINK_ROW = 24, 4, 3


def _link_row(text: str) -> bool:
    """Whether `text` is a row of a site's footer links ("Contact us / Advertise / Careers", "Über uns |
    Mediadaten | Karriere | Jobs"): `LINK_ROW` short parts or more between separators (`LINK_SEP`), no
    sentence end, two of them or more, and half, labels of `footer_links.txt` in any language (sites
    mix them: "Jobs", "Newsletter"). Why: the menu rule needs four items of a bar or a bullet; a footer
    row is often three, separated by slashes, which an article's text also uses ("Pros / Cons /
    Verdict", "Juni / Juli / August"): the labels tell them apart, never a site's name."""
    if not any(mark in text for mark in "|/\u2022\u00b7") or ends_sentence(text):
        return False
    parts = LINK_SEP.split(text)
    if len(parts) < LINK_ROW or any(not 1 <= len(p.split()) <= LINK_WORDS for p in parts):
        return False
    labels = _footer_links()
    known = sum(normalise(p) in labels for p in parts)
    return known >= 2 and 2 * known >= len(parts)


@lru_cache(maxsize=1)
def _footer_links() -> frozenset[str]:
    """The footer link labels of every language (`footer_links.txt`)."""
    return frozenset().union(*(resources.profile(c).words("footer_links.txt") for c in resources.LANGUAGES))


#: Lines of a consent banner that its buttons may stand beside (`_consent_buttons`).
BANNER = frozenset({"boilerplate.cookie", "boilerplate.copyright"})
#: A row of buttons has at most this many words.
BUTTON_ROW_WORDS = 8


def _consent_buttons(bl: Sequence[Line], verdicts: list[Verdict | None]) -> None:
    """The buttons and links of a consent banner ("Akzeptieren", "Alle ablehnen", "Refuser", "Odrzuć",
    "Accept all | Manage settings": `consent_buttons.txt` of every language) made furniture where they
    stand beside its notice: next to a cookie notice line, or next to another such button or a
    privacy line of the banner that is. Why: a dump writes each button on a line of its own, and
    alone a word such as "Ablehnen" or "Settings" may be the article's; only the notice beside it
    makes it the banner's."""
    if not any(v is not None and v.reason == "boilerplate.cookie" for v in verdicts):
        return
    labels = _consent_labels()
    n = len(bl)

    def part_of_banner(k: int) -> bool:  # a line of the banner (marked a button when it is one)
        v = verdicts[k]
        if v is not None and v.strength == BAD:
            return v.reason in BANNER
        if not _button_row(bl[k].stripped, labels):
            return False
        verdicts[k] = Verdict(BAD, "boilerplate.cookie", "a consent banner's button, beside its notice")
        return True

    i = 0
    while i < n:  # each line is walked at most twice: a text of a million notices stays linear
        v = verdicts[i]
        if v is None or v.reason != "boilerplate.cookie":
            i += 1
            continue
        k = i - 1
        while k >= 0 and part_of_banner(k):
            k -= 1
        k = i + 1
        while k < n and part_of_banner(k):
            k += 1
        i = k


#: A feedback widget's answers stand on at most this many lines under its question ("Ja", "Nein").
ANSWER_LINES = 3
FEEDBACK = "boilerplate.feedback"


def _answer_buttons(bl: Sequence[Line], verdicts: list[Verdict | None]) -> None:
    """The answers of a feedback widget ("Ja", "Nein", "Yes", "No", "Oui | Non": `answer_buttons.txt` of
    every language) made furniture where they stand right under its question (a `feedback` line, "War
    dieser Artikel hilfreich?"), up to `ANSWER_LINES` lines. Why: a dump writes each button on a line
    of its own, and alone "Ja" or "No" may be the article's (an answer in an interview)."""
    n = len(bl)
    for i in range(n):
        v = verdicts[i]
        if v is None or v.reason != FEEDBACK:
            continue
        k = i + 1
        while k < n and k - i <= ANSWER_LINES and strength(verdicts[k]) != BAD:
            if len(bl[k].stripped.split()) > BUTTON_ROW_WORDS or not answer_row(normalise(bl[k].stripped)):
                break
            verdicts[k] = Verdict(BAD, FEEDBACK, "an answer of a feedback widget, under its question")
            k += 1


@lru_cache(maxsize=1)
def _consent_labels() -> frozenset[str]:
    """The consent buttons of every language (`consent_buttons.txt`): banners mix languages."""
    return frozenset().union(
        *(resources.profile(c).words("consent_buttons.txt") for c in resources.LANGUAGES)
    )


def _button_row(text: str, labels: frozenset[str]) -> bool:
    """Whether `text` is one consent button, or a row of them (between separators, or side by side:
    "Akzeptieren Ablehnen Einstellungen"), at most `BUTTON_ROW_WORDS` words."""
    if len(text.split()) > BUTTON_ROW_WORDS:
        return False
    norm = normalise(text)
    if norm in labels:
        return True
    parts = [normalise(p) for p in LINK_SEP.split(text)]
    if len(parts) > 1:
        return all(p in labels for p in parts)
    tokens = norm.split()
    ends = {0}  # positions a row of labels reaches
    for start in range(len(tokens)):
        if start in ends:
            ends.update(
                stop
                for stop in range(start + 1, min(len(tokens), start + 4) + 1)
                if " ".join(tokens[start:stop]) in labels
            )
    return len(tokens) in ends


def _goes_on(after: str) -> bool:
    """Whether the line `after` goes on with the sentence of the line above it (a dump cuts sentences at
    their links): it starts in lower case or with a comma, stop or closing mark (`templates.CONTINUES`).
    A teaser title ending on a particle ("Stadtrat stimmt ab") is no piece of a sentence: only what follows
    decides."""
    return bool(after) and (after[0] in CONTINUES or after[0].islower())


#: A learnt line ending a run of template lines goes even before prose when it stands in at least this
#: share of its site's documents: a menu's last label, not a heading some articles repeat ("Fazit").
MENU_SHARE = 0.5
#: ... and when this many lines right above it are furniture (a menu, not a label or two over a heading).
MENU_RUN = 3


def _ends_template_run(
    i: int, found: dict[int, Evidence], judged: list[Verdict | None], evidence: Evidence
) -> bool:
    """Whether learnt line `i` is the last of a menu: the `MENU_RUN` lines above it are learnt or judged
    furniture, and it stands in `MENU_SHARE` of its site's documents or more. A section heading the
    site repeats under one or two of its labels ("Contents", then "History" over its paragraph) stays."""
    if i < MENU_RUN or evidence.documents < MENU_SHARE * evidence.of:
        return False
    return all(k in found or strength(judged[k]) == BAD for k in range(i - MENU_RUN, i))


#: A reader comment: its header (a name, then a time), at most this many lines of text, then its
#: buttons (a `comment` phrase, "Antworten", "Reply", with short lines beside it, "Melden").
COMMENT_LINES = 6
#: A comment's header: at most this many words for the name, and for its time ("il y a 2 heures").
COMMENT_NAME_WORDS = 3
COMMENT_TIME_WORDS = 6
#: A name that ends with an initial ("Sophie R."): its full stop ends no sentence.
INITIAL_END = regex.compile(r"(?:^|\s)\p{Lu}\.$")
#: A comment's button: a short line, at most this many words.
BUTTON_WORDS = 3
COMMENT = "boilerplate.comment"
#: The verdict of a reader comment's header: it ends a teaser list above it (`Boilerplate._teasers`).
COMMENT_HEADER = Verdict(BAD, COMMENT, "a reader comment's header: a name and a time")


def _comment_units(bl: Sequence[Line], verdicts: list[Verdict | None], code: str | None) -> None:
    """Reader comments of a dump: a header (`_comment_header`: "Gartenfreundin vor 1 Stunde", "Jean35
    il y a 2 heures"), one to `COMMENT_LINES` lines of its text, then its buttons: short lines, one of
    them a `comment` phrase ("Antworten", "Reply", "Répondre"), the others short ("Melden", "Report").
    The three go together (the text is a reader's, not the article's: it stands between a comment's
    header and its reply button). A header without buttons under its text decides nothing: the line
    model judges those lines. Why: the phrase rules took the header and the buttons and left the
    comment's text between them, read as the article's last paragraphs. A header above the text's
    first paragraph (`ARTICLE_SENTENCE_WORDS` words or more, ending a sentence) is none: comments come
    after an article, and a dateline opening on a short weekday ("Mo, 13. Oktober 2025 um 18:00 Uhr")
    reads as a name and a date."""
    n = len(bl)
    i = next((k for k in range(n) if _article_sentence(bl[k].stripped)), n)
    while i < n:
        if strength(verdicts[i]) == BAD and cast(Verdict, verdicts[i]).reason != "boilerplate.timestamp":
            i += 1
            continue
        if not _comment_header(bl[i].stripped, code):
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= COMMENT_LINES and not _button(bl[j].stripped, verdicts[j]):
            if _comment_header(bl[j].stripped, code):
                break
            j += 1
        k = j
        while (
            k < n
            and _button(bl[k].stripped, verdicts[k])
            or (k < n and k > j and _short_button(bl[k].stripped))
        ):
            k += 1
        if j == i + 1 or k == j or not any(_button(bl[m].stripped, verdicts[m]) for m in range(j, k)):
            i += 1
            continue
        header = bl[i].stripped
        verdicts[i] = COMMENT_HEADER
        for m in range(i + 1, j):
            verdicts[m] = Verdict(BAD, COMMENT, f"a reader comment under {header!r}, above its buttons")
        for m in range(j, k):
            if strength(verdicts[m]) != BAD:
                verdicts[m] = Verdict(BAD, COMMENT, f"a button of the reader comment under {header!r}")
        i = k


#: A comment section's heading ("Kommentare (12)", "3 Kommentare", "Comments") has at most this many words.
COMMENT_HEADING_WORDS = 5
COMMENT_HEADING_CHARS = 60
#: The first comment's header stands within this many lines under the heading (furniture not counted).
SECTION_REACH = 3
#: ... and within this many lines, furniture counted (a text of headings over furniture stays linear).
SECTION_SPAN = 12
#: A comment section reads as one when it holds at least this many comment headers.
SECTION_HEADERS = 2
#: A comment's header may be two lines: a name of at most this many words, then a time alone.
HEADER_NAME_WORDS = 3
#: The furniture a comment section holds between its comments (its buttons, times, counters): the
#: section goes on past it; other furniture ends it.
IN_COMMENTS = frozenset({COMMENT, "boilerplate.timestamp", "boilerplate.dateline", "boilerplate.counter"})


def _comment_section(bl: Sequence[Line], verdicts: list[Verdict | None], code: str | None) -> None:
    """A comment section: under its heading (`comment_headings.txt`, a count before it or in brackets
    after it: "Kommentare (12)", "3 Kommentare", "Comments", "Commentaires"), comments one after the
    other, each a header (a name and a time, on one line or two: `_header_lines`) and at most
    `COMMENT_LINES` lines of text; the heading, the headers and their text go, the last comment's text
    up to the first other furniture. At least `SECTION_HEADERS` headers, the first within `SECTION_REACH`
    lines of the heading. Never above the text's first paragraph (`_article_sentence`): a "Kommentare
    (3)" link under the headline heads no section, and the article below it is no comment. Why: a
    comment without a reply button under its text was left to the line model, which keeps prose."""
    n = len(bl)
    first = next((k for k in range(n) if _article_sentence(bl[k].stripped)), n)
    i = first + 1
    while i < n:
        if not _comment_heading(bl[i].stripped):
            i += 1
            continue
        k, seen = i + 1, 0
        while k < n and seen < SECTION_REACH and k - i <= SECTION_SPAN and not _header_lines(bl, k, code):
            seen += strength(verdicts[k]) != BAD
            k += 1
        starts, end = [], k
        while end < n and (size := _header_lines(bl, end, code)):
            starts.append(end)
            m, text = end + size, 0
            while m < n and text < COMMENT_LINES and not _header_lines(bl, m, code):
                if strength(verdicts[m]) == BAD and cast(Verdict, verdicts[m]).reason not in IN_COMMENTS:
                    break  # the page's furniture after the last comment
                text += 1
                m += 1
            end = m
        if len(starts) < SECTION_HEADERS:
            i += 1
            continue
        heading = bl[i].stripped
        verdicts[i] = Verdict(BAD, COMMENT, "a comment section's heading")
        for m in range(i + 1, end):
            if strength(verdicts[m]) != BAD:
                verdicts[m] = Verdict(BAD, COMMENT, f"a reader comment in the section under {heading!r}")
        i = end


@lru_cache(maxsize=1)
def _comment_headings() -> frozenset[str]:
    """The headings of a comment section in every language (`comment_headings.txt`)."""
    return frozenset().union(
        *(resources.profile(c).words("comment_headings.txt") for c in resources.LANGUAGES)
    )


def _comment_heading(text: str) -> bool:
    """Whether `text` heads a comment section: a heading of `comment_headings.txt`, a count before it
    ("3 Kommentare") or in brackets after it ("Kommentare (12)", dropped by `normalise`)."""
    if len(text) > COMMENT_HEADING_CHARS or word_count(text) > COMMENT_HEADING_WORDS:
        return False  # the length first: every line after the first paragraph is asked
    tokens = normalise(text).split()
    if tokens and tokens[0].isdigit():
        tokens = tokens[1:]
    return " ".join(tokens) in _comment_headings()


def _header_lines(bl: Sequence[Line], k: int, code: str | None) -> int:
    """How many lines the comment header at line `k` takes: 1 for a name and a time on one line
    (`_comment_header`), 2 for a name (at most `HEADER_NAME_WORDS` words, no sentence, no digit but a
    user name's) over a time alone ("Gartenfreundin", "vor 2 Stunden"), 0 for none."""
    text = bl[k].stripped
    if _comment_header(text, code):
        return 1
    if k + 1 >= len(bl) or not 0 < word_count(text) <= HEADER_NAME_WORDS:
        return 0
    if ends_sentence(text) and not INITIAL_END.search(text):  # "Max M." ends with an initial
        return 0
    if not text[:1].isalnum() or _comment_heading(text):
        return 0
    when = bl[k + 1].stripped
    if not DIGIT.search(when) or word_count(when) > COMMENT_TIME_WORDS:
        return 0
    return 2 if dates.relative(when) or dates.parse(when, code) else 0


#: A blog's archive: at least this many lines in a row of a month and a year ("März 2025 (4)").
ARCHIVE_LINES = 3


def _archive_lists(bl: Sequence[Line], verdicts: list[Verdict | None]) -> None:
    """A blog's archive widget: `ARCHIVE_LINES` lines or more in a row, each a month and a year
    (`dates.month_year`), most of them with a count of posts in brackets ("Oktober 2025 (5)"), or
    twice as many without. Each goes; the date of none goes to the metadata (a line alone, "November
    2025", may be a dateline). Why: such a list read as a run of dates, or as the article's end."""
    n, i = len(bl), 0
    while i < n:
        j = i
        while j < n and dates.month_year(bl[j].stripped):
            j += 1
        counted = sum(bl[k].stripped.endswith((")", "]")) for k in range(i, j))
        if j - i >= ARCHIVE_LINES and (2 * counted >= j - i or j - i >= 2 * ARCHIVE_LINES):
            for k in range(i, j):
                verdicts[k] = Verdict(BAD, "boilerplate.archive", "a blog's archive: months and their posts")
        i = max(j, i + 1)


def _comment_header(text: str, code: str | None) -> bool:
    """Whether `text` is a reader comment's header: one to `COMMENT_NAME_WORDS` words of a name (a
    user name may hold digits and underscores), then a relative time or a date ("vor 2 Stunden", "2
    hours ago", "il y a 2 heures", "3. Juni 2025, 14:05"), no sentence."""
    words = text.split()
    if not 2 <= len(words) <= COMMENT_NAME_WORDS + COMMENT_TIME_WORDS or not DIGIT.search(text):
        return False
    if ends_sentence(text) and not text.endswith((".", "h")):
        return False
    for k in range(min(COMMENT_TIME_WORDS, len(words) - 1), 1, -1):
        if len(words) - k > COMMENT_NAME_WORDS:
            break
        when = " ".join(words[-k:])
        name = " ".join(words[:-k]).rstrip(",·|-–— ")
        if not name or not name[:1].isalnum() or (ends_sentence(name) and not INITIAL_END.search(name)):
            continue  # "Sophie R." ends with an initial, not a sentence
        if dates.relative(when) or dates.parse(when, code):
            return True
    return False


def _button(text: str, verdict: Verdict | None) -> bool:
    """A comment's reply button: a short `comment` phrase line ("Antworten", "Reply"); one with a count
    ("Kommentare (1)") heads a comment section and ends no comment."""
    return (
        verdict is not None
        and verdict.reason == COMMENT
        and word_count(text) <= BUTTON_WORDS
        and not DIGIT.search(text)
    )


#: The text's first paragraph, above which no reader comment stands: a sentence of this many words.
ARTICLE_SENTENCE_WORDS = 8


def _article_sentence(text: str) -> bool:
    return word_count(text) >= ARTICLE_SENTENCE_WORDS and ends_sentence(text)


def _short_button(text: str) -> bool:
    """A comment's other button beside its reply button: a short line, no sentence ("Melden", "Report")."""
    return word_count(text) <= BUTTON_WORDS - 1 and not ends_sentence(text) and not DIGIT.search(text)


def _teaser_head(line: str, reason: str, ph: Phrases) -> bool:
    """Whether a furniture line heads a teaser list: a related-articles phrase alone, or a "read more"
    phrase alone as a label (a colon at its end: "Read more:"; a "read more" link under a teaser or a
    section has none), starting with a capital (a badge in a table's rows, "most popular", heads nothing)."""
    if reason not in ("boilerplate.related", "boilerplate.more") or not line[:1].isupper():
        return False
    kind = ph.prefix.get(head := normalise(line).rstrip(": ")) or ph.line.get(head)
    return kind == "related" or (kind == "more" and line.rstrip().endswith(":"))


def _has_subheadings(bl: Sequence[Line], verdicts: list[Verdict | None]) -> bool:
    """Whether the article has section headings: a short headline-like line that no detector judged
    furniture (a weak short line may be one), between two lines of prose (one above it, one right below it, within the prose span).
    Without them, a headline-like line after a teaser list is one more teaser, not the next section's."""
    lines = [b.stripped for b in bl]
    lo, hi = prose_span(lines)
    for k in range(lo + 1, hi):
        if strength(verdicts[k]) == BAD or is_prose(lines[k]) or not heading_like(lines[k]):
            continue
        if (
            word_count(lines[k]) <= TEASER_WORDS
            and is_prose(lines[k + 1])
            and strength(verdicts[k + 1]) != BAD
        ):
            above = next((lines[m] for m in range(k - 1, lo - 1, -1) if strength(verdicts[m]) != BAD), "")
            if is_prose(above):
                return True
    return False


def _indexes(found: Iterable[int]) -> array[int]:
    """Line indexes as an array (8 bytes each; a list of ints holds 36): a text can have millions."""
    return array("q", found)


class _Subset(Sequence[Line]):
    """Some of a text's blocks (`keep`: their indexes, in order), read through without a copy: the lines
    left once furniture goes, as `_settle` judges them again (a list of them made a `Line` per line)."""

    __slots__ = ("_blocks", "_keep")

    def __init__(self, blocks: Sequence[Line], keep: array[int]) -> None:
        self._blocks, self._keep = blocks, keep

    def __len__(self) -> int:
        return len(self._keep)

    @overload
    def __getitem__(self, i: int) -> Line: ...
    @overload
    def __getitem__(self, i: slice) -> list[Line]: ...
    def __getitem__(self, i: int | slice) -> Line | list[Line]:
        if isinstance(i, slice):
            return [self._blocks[k] for k in self._keep[i]]
        return self._blocks[self._keep[i]]

    def __iter__(self) -> Iterator[Line]:
        blocks = self._blocks
        return (blocks[k] for k in self._keep)

    def texts(self) -> Iterator[str]:
        """The stripped lines, without a `Line` each where the blocks are `Blocks`."""
        blocks = self._blocks
        if isinstance(blocks, Blocks):
            return (blocks.stripped_at(k) for k in self._keep)
        return (blocks[k].stripped for k in self._keep)


def _title(bl: Sequence[Line], removed: set[int], code: set[int]) -> str | None:
    """The first line left that reads as a heading (`heading_like`) and heads something: a line of the
    text follows it. A text of one line (a record of one sentence, "Great product, works as
    described!") has no heading line, and its sentence is no title; nor is a table's row (it holds a
    column's tab); nor is a lone word (a menu's label or a section's name left in a dump: "UK", "Abo");
    nor is a line of code (`code`: the indexes of the lines in fenced or indented code blocks,
    `_fenced`): a command is no headline; nor a date or a dateline above the headline ("Neustadt,
    18.02.2025": `dates.placed`); nor a breadcrumb trail or a counter (`furniture_title`)."""
    last = max((i for i in range(len(bl)) if i not in removed), default=-1)
    texts = bl.texts() if isinstance(bl, Blocks) else (b.stripped for b in bl)  # no `Line` per line
    return next(
        (
            line
            for i, line in enumerate(islice(texts, max(last, 0)))
            if i not in removed
            and i not in code
            and "\t" not in line
            and len(line.split()) >= 2  # the cheap tests first: a dump's lines by the 100,000
            and heading_like(line)
            and not (dates.parse(line) or dates.placed(line))
            and not furniture_title(line)
        ),
        None,
    )


def _why(verdict: Verdict | None) -> tuple[str, str]:
    """The reason and detail of a removed line's verdict."""
    assert verdict is not None
    return verdict.reason, verdict.detail


def _quoted(line: str, at: int) -> bool:
    """Whether position `at` of a line is inside quotation marks (an odd number of them before it): a
    notice quoted in a sentence ("a banner saying \"We use cookies\" will no longer do") is the article's."""
    return sum(line.count(q, 0, at) for q in QUOTES) % 2 == 1


def _quoted_in_sentence(line: str, phrase: str) -> bool:
    """Whether `phrase` stands in quotation marks in `line` (lowered, as written) among words of the
    line's own (`"We use cookies," said the baker`): a line that is the quoted phrase alone
    (`“Accept All Cookies,"`, a banner's button cut out by a dump) quotes nothing."""
    at = line.find(phrase)
    return at >= 0 and _quoted(line, at) and bool(_word_tokens(line[:at] + " " + line[at + len(phrase) :]))


def signature(rest: str, code: str | None) -> tuple[str, str | None, str | None] | None:
    """(names, date or None, role or None) of a byline's text after its phrase ("By", "Von", "Par"):
    "Sarah Lee, Transport correspondent" -> ("Sarah Lee", None, "Transport correspondent"), "Ann Lowe
    18 November 2026" -> ("Ann Lowe", "2026-11-18", None); None when it is no signature (a sentence, a
    Title Case heading: "Por Fin Un Acuerdo"). The one reading of a byline, in text and in HTML
    (`extract.read_byline`): names must look like names (`BYLINE_NAMES`), a role after them is left
    out of the author (`_names_and_role`), and only a date may follow them."""
    if len(rest.split()) <= 16 and (signed := _names_and_role(rest, code)) is not None:
        names, role, when = signed
        return names, when, role
    if len(rest.split()) <= STAMPED_WORDS and (dated := _names_and_date(rest, code)) is not None:
        return dated[0], dated[1], None
    m = BYLINE_NAMES.match(rest) if len(rest.split()) <= 12 else None
    if m is None or _grammar_in_name(m.group("name"), code):
        return None  # "Por Fin Un Acuerdo", "Par Ailleurs Le Gouvernement": a heading, not a name
    tail = m.group("rest")
    when = stamp(tail, code) if tail else None
    if tail and not when:
        return None
    return m.group("name"), when, None


#: Where the parts of a byline without a phrase meet: a bar, a slash, a middle dot or a spaced dash;
#: a comma only before a news agency (a comma after a place starts a dateline: "New York, June 3").
#: Matched at the separator itself, spaces trimmed after the split: a pattern that opens on `\s+` tries
#: every start in a run of spaces and scans the run each time (quadratic on a run of 16,000 NBSP).
UNSIGNED_SEP = re.compile(r"(?<=\s)[/\u00b7\u2013\u2014-](?=\s)|\|")
#: A byline without a phrase has at most this many words, its names at least two (a first name and a
#: family name: one word before a date is a place, "Berlin | 12.05.2025").
UNSIGNED_WORDS = 16
UNSIGNED_NAME_WORDS = 2
#: A place between a byline's names and its date ("ANA RUIZ | Madrid | 08 ENE 2026"): a few words.
PLACE_WORDS = 3


UNSIGNED_BYLINE = Verdict(BAD, "boilerplate.byline", "a byline with no phrase before the names")
UNSIGNED_CREDIT = Verdict(BAD, "boilerplate.dateline", "a newsroom's credit and its date")


def _unsigned_metadata(page: _Page, verdicts: list[Verdict | None]) -> None:
    """The author and the date of the bylines with no phrase (`unsigned_byline`) above the article's
    first paragraph (its frame), each line's verdict told what was kept: the names when every such
    byline there gives the same, the date when there is one such line there. Why: a teaser list under
    the article signs each teaser ("Juliette Carreiro - 2024-01-11", "Marta Aguilar - 2023-07-05"):
    other articles' authors and dates; those lines go, and give the metadata nothing."""
    found = [
        (i, read)
        for i, v in enumerate(verdicts)
        if v is UNSIGNED_BYLINE or v is UNSIGNED_CREDIT
        if (read := unsigned_byline(page.blocks[i].stripped, page.lang)) is not None
    ]
    if not found:
        return
    first_prose = next(
        (k for k, b in enumerate(page.blocks) if strength(verdicts[k]) != BAD and is_prose(b.stripped)),
        len(page.blocks),
    )
    framed = [(i, read) for i, read in found if i < first_prose]
    names = {n for _, (n, _) in framed if n is not None}
    for i, (who, when) in found:
        kept = []
        if i < first_prose and who is not None and len(names) == 1:
            page.remember("author", who, "a byline with no phrase before the names")
            kept.append(f"author {who!r}")
        if i < first_prose and when is not None and len(framed) == 1:
            page.remember("date", when, "the date of a byline" if who else "the date of a newsroom's credit")
            kept.append(f"date {when}")
        what = "byline" if who is not None else "a newsroom's credit and its date"
        told = (
            f"{', '.join(kept)} kept in metadata"
            if kept
            else "not above the article, or one of several: nothing kept"
        )
        verdicts[i] = Verdict(BAD, cast(Verdict, verdicts[i]).reason, f"{what} ({told})")


def _signed_below(page: _Page, verdicts: list[Verdict | None]) -> None:
    """The author of the signed bylines ("Von Max Muster", "By Ann Lowe") when none stands above the
    article's first paragraph: kept when every byline below names the same (an author who signs at the
    end), dropped when they name several (a teaser list under the article signs each teaser: other
    articles' authors), each such line told so. The lines go either way. Why: the first byline found
    gave the metadata its author wherever it stood; `_unsigned_metadata` does the same for bylines
    with no phrase."""
    edit = page.found.get("author")
    if edit is None or not page.authors:
        return
    lines = [
        i for i, b in enumerate(page.blocks) if b.stripped in page.authors and strength(verdicts[i]) == BAD
    ]
    if not lines:
        return
    first_prose = next(
        (k for k, b in enumerate(page.blocks) if strength(verdicts[k]) != BAD and is_prose(b.stripped)),
        len(page.blocks),
    )
    names = {page.authors[page.blocks[i].stripped] for i in lines}
    if (
        lines[0] < first_prose
        or len(names) == 1
        or edit.after != page.authors[page.blocks[lines[0]].stripped]
    ):
        return
    del page.found["author"]
    for i in lines:
        v = cast(Verdict, verdicts[i])
        told = f"below the article, one of {len(lines)} bylines naming {len(names)} authors: no author kept"
        verdicts[i] = Verdict(BAD, v.reason, f"{v.reason.split('.')[-1]} ({told})")


def unsigned_byline(text: str, code: str | None) -> tuple[str | None, str | None] | None:
    """(names, date) of a byline that has no phrase before its names, one of them None: names, then at a
    separator (`UNSIGNED_SEP`) a date stamp (`stamp`), with a place between them and a reading time
    after them allowed ("Ana Ruiz | Madrid | 08 ENE 2026 - 06:00 CET", "Jan Nowak | 20.10.2025 07:45",
    "Ann Lowe / November 4, 2025 · 4 min read"), or names, a comma or a separator, and a news agency
    of `common/news_agencies.txt` ("Katrin Lehmann, dpa"); or a newsroom of the same list in place of
    the names, then a date stamp ("REDACCIÓN | Jaén, 3 de febrero de 2025": no author, the date). None
    for anything else: names alone or with
    a role (a caption, a list of people), a sentence, a place and a date ("Bad Ems | 12.05.2025" reads
    as names: two capitalised words, the risk taken; "Berlin | ..." does not). The text reader
    (`Boilerplate`) and the HTML reader (`extract.read_byline`) both read such lines with this."""
    words = text.split()
    if not 3 <= len(words) <= UNSIGNED_WORDS or not words[0][:1].isupper():
        return None
    head, sep, tail = text.partition(",")
    if sep and tail.strip().lower() in _news_agencies() and _person_names(head, code):
        return " ".join(head.split()), None
    parts = [p.strip() for p in UNSIGNED_SEP.split(text.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    newsroom = parts[0].lower() in _news_agencies() and len(parts[0].split()) <= 2
    if not newsroom and not _person_names(parts[0], code):
        return None
    rest = parts[1:]
    while rest and dates.reading_time(rest[-1]):
        rest.pop()  # "· 4 min read" after the date
    if len(rest) == 1 and rest[0].lower() in _news_agencies() and not newsroom:
        return parts[0], None
    if len(rest) >= 2 and _place(rest[0]):
        rest = rest[1:]
    when = stamp(" | ".join(rest), code) if rest else None
    if not when:
        return None
    return (None if newsroom else parts[0]), when


def _person_names(text: str, code: str | None) -> bool:
    """Whether `text` is a person's names as a byline writes them: `BYLINE_NAMES` with nothing after,
    two words at least, no capitalised grammatical word, no digit."""
    m = BYLINE_NAMES.match(text)
    return (
        m is not None
        and not m.group("rest")
        and len(text.split()) >= UNSIGNED_NAME_WORDS
        and not DIGIT.search(text)
        and not _grammar_in_name(text, code)
    )


def _place(text: str) -> bool:
    """A place's name: a few capitalised words, no digit ("Madrid", "Buenos Aires")."""
    words = text.split()
    return 0 < len(words) <= PLACE_WORDS and all(w[:1].isupper() for w in words) and not DIGIT.search(text)


@lru_cache(maxsize=1)
def _news_agencies() -> frozenset[str]:
    """News agencies and newsrooms a byline credits (`common/news_agencies.txt`, `common/newsrooms.txt`),
    lower case."""
    return _wire_services() | frozenset(a.lower() for a in resources.common("newsrooms.txt"))


@lru_cache(maxsize=1)
def _wire_services() -> frozenset[str]:
    """The news agencies alone (`common/news_agencies.txt`), lower case: credited alone on a line."""
    return frozenset(a.lower() for a in resources.common("news_agencies.txt"))


#: A sentence that calls the reader to subscribe ("Abonnieren Sie unseren Newsletter und verpassen Sie
#: nichts.") has at most this many words, and after its phrase at most `CALL_TAIL` words when it
#: speaks to no reader ("Dieser Artikel ist nur für Abonnenten verfügbar.").
CALL_WORDS = 30
CALL_TAIL = 2
CALL_KINDS = ("subscribe", "newsletter")
#: A call's phrase has at least this many words: "sign up" alone opened a call to a bike ride ("Sign up
#: now for our next ... Bike Ride"), and a set's truth counts a promotion's "Sign up for <its name>, a
#: weekly newsletter ..." as the article's.
CALL_PHRASE_WORDS = 3


@lru_cache(maxsize=8)
def _call_heads(ph: Phrases) -> dict[str, int]:
    """First words of the `subscribe` and `newsletter` phrases of `CALL_PHRASE_WORDS` words or more, with
    the most words
    a phrase starting with it has (`_call_sentence` tries no other line)."""
    heads: dict[str, int] = {}
    for table in (ph.prefix, ph.line):
        for p, kind in table.items():
            if kind in CALL_KINDS and p.count(" ") + 1 >= CALL_PHRASE_WORDS:
                first = p.split(" ", 1)[0]
                heads[first] = max(heads.get(first, 0), p.count(" ") + 1)
    return heads


def _call_sentence(text: str, tokens: list[str], ph: Phrases, code: str | None) -> Verdict | None:
    """A sentence that opens with a call to subscribe or a paywall's notice (a `subscribe` or
    `newsletter` phrase of `CALL_PHRASE_WORDS` words or more) and is that call: it speaks to the reader or as the site,
    in its phrase or after it (`reader_words.txt`: "Sign up for our newsletter to get the news in your
    inbox.", "Abonnieren Sie unseren Newsletter und ...") or adds at most `CALL_TAIL` words to the phrase ("Dieser Artikel ist
    nur für Abonnenten verfügbar."). A sentence that reports who said it stays (`_reported`), and so does
    one that only names the topic ("Newsletter sind ein Geschäft.": one word is no call). Why: the
    phrase rows of these kinds matched a label, not the sentence a banner or a paywall writes."""
    if not ends_sentence(text):
        return None  # a label: the phrase rows judge it
    for size in range(min(_call_heads(ph)[tokens[0]], len(tokens)), CALL_PHRASE_WORDS - 1, -1):
        head = " ".join(tokens[:size]).rstrip(",;:")  # "Zapisz się do naszego newslettera, a ..."
        kind = ph.prefix.get(head) or ph.line.get(head)
        if kind not in CALL_KINDS:
            continue
        line = " ".join(text.split())
        words = _word_tokens(line)
        low = line.lower().replace("\u2019", "'")
        spans = [(0, len(head))] if low.startswith(head) else []
        if not spans or _reported(line, " " * len(head) + line[len(head) :], spans, code):
            return None
        if len(tokens) - size <= CALL_TAIL or _addresses_reader(words, code):
            return Verdict(
                BAD, f"boilerplate.{kind}", f"a call to subscribe ({head!r}), a sentence of its own"
            )
        return None
    return None


#: A credit of news agencies alone ("(dpa)", "AFP/Reuters", "dpa, AP") has at most this many words.
AGENCY_WORDS = 6
AGENCY_SEP = re.compile(r"[/,&|+()\[\]]")
AGENCY_CREDIT = Verdict(BAD, "boilerplate.byline", "a credit of news agencies alone (no author kept)")


def agency_credit(text: str) -> bool:
    """Whether `text` is only the credit of news agencies (`common/news_agencies.txt`), in brackets or
    two or more between separators: "(dpa)", "[EFE]", "AFP/Reuters", "dpa, AP". Why: a wire story
    credits its agencies on a line of their own above or below it; it names no author (the metadata
    keeps none). One name bare is left alone: "ATS" or "AP" in a list is an item, and a set's ground
    truth counts a lone "Reuters" under the story as the article's."""
    parts = [" ".join(p.split()).lower() for p in AGENCY_SEP.split(text)]
    named = [p for p in parts if p]
    if not named or not all(p in _wire_services() for p in named):
        return False
    stripped = text.strip()
    return len(named) >= 2 or (stripped[:1] in "([" and stripped[-1:] in ")]")


def _names_and_date(rest: str, code: str | None) -> tuple[str, str] | None:
    """(names, date) of a byline's text after its phrase when, at one of its separators (`ROLE_SEP`),
    names (`BYLINE_NAMES`, nothing after them) give way to a date stamp (`stamp`): "Ann Lowe, June 3,
    2025", "Claire Dubois, publié le 3 juin 2025 à 7h30"; or, without a mark, at a word in lower case
    that opens a stamp or a date (`_dated_after`): "Claire Dubois le 3 juin 2025", "Ann Lowe on June 3,
    2025". Why: a month's name is capitalised, so the names read on into the date ("Ann Lowe, June")
    and the rest was no date."""
    if "19" not in rest and "20" not in rest:
        return None  # every date has a year, 19xx or 20xx (`dates.parse`): most bylines have none
    cuts = [(m.start(), m.end()) for m in ROLE_SEP.finditer(rest)]
    cuts += [(m.start(), m.end()) for m in SPACE_BEFORE_LOWER.finditer(rest)]
    for start, end in sorted(cuts):
        names = rest[:start]
        m = BYLINE_NAMES.match(names)
        if not m or m.group("rest") or _grammar_in_name(names, code):
            continue
        when = stamp(rest[end:], code) or _dated_after(rest[end:], code)
        if when:
            return names, when
    return None


def _dated_after(text: str, code: str | None) -> str | None:
    """The date of `text` when it is the word a dateline puts before its date, then a date ("on June 3,
    2025", "am 3. Juni 2025", "le 3 juin 2025"): the last word of a `dateline` phrase of two words or
    more ("published on", "veröffentlicht am", "publié le"). Only after a byline's names: alone, "on
    2015-04-02." is a piece of a citation."""
    first, _, rest = text.partition(" ")
    return dates.parse(rest, code) if first.lower() in _date_words(shipped_phrases()) else None


@lru_cache(maxsize=8)
def _date_words(ph: Phrases) -> frozenset[str]:
    """The last word of each `dateline` phrase of two words or more ("on", "am", "le", "il", "el")."""
    return frozenset(p.split()[-1] for p, kind in ph.prefix.items() if kind == "dateline" and " " in p)


#: A space before a word in lower case: where a stamp's phrase may follow the names without a mark
#: ("Claire Dubois le 3 juin 2025", "Ann Lowe on June 3, 2025").
SPACE_BEFORE_LOWER = regex.compile(r"\s+(?=\p{Ll})")


#: What parts the dates of one stamp ("3 juin 2025 à 7h30, mis à jour le 3 juin 2025 à 9h").
STAMP_SEP = re.compile(r"\s*[,;|·]\s*|\s+[-–—]\s+")


def stamp(text: str, code: str | None) -> str | None:
    """The date (ISO 8601) of a date stamp: a date (`dates.parse`), or a dateline phrase and a date
    ("publié le 3 juin 2025 à 7h30", "Updated 14:05 GMT, 3 March 2025": phrases of the `dateline` rows
    of `boilerplate.tsv`), and after either, at a separator (`STAMP_SEP`), more of them ("5 juillet 2025
    à 18h02, mis à jour le 5 juillet 2025 à 19h40"): the first date. None when any part is no such
    stamp (a sentence, a place)."""
    date = dates.parse(text, code)
    if date or not DIGIT.search(text):
        return date
    parts = STAMP_SEP.split(text.strip())
    found = [_stamp_part(p, code) for p in _rejoined(parts, code)]
    return found[0] if found and all(found) else None


def _rejoined(parts: list[str], code: str | None) -> list[str]:
    """`parts` of a stamp joined again where a date or clock was split at its own comma ("June 3, 2025",
    "3 March 2025, 14:05"): each part that is no stamp on its own is joined to the one before it, but
    one that opens with a dateline phrase ("updated on June 3" of "..., updated on June 3, 2025"),
    which starts a stamp of its own."""
    out: list[str] = []
    for part in parts:
        if out and not _stamp_part(part, code) and _dateline_phrase(part) is None:
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _stamp_part(part: str, code: str | None) -> str | None:
    """The date of one part of a stamp: a date, or a dateline phrase of any language, then a date."""
    date = dates.parse(part, code)
    if date:
        return date
    size = _dateline_phrase(part)
    return dates.parse(" ".join(part.split()[size:]).lstrip(":-–—|» "), code) if size else None


def _dateline_phrase(part: str) -> int | None:
    """The number of words of the dateline phrase of any language `part` opens with ("published on",
    "mis à jour le"), followed by a word at least; None when it opens with none."""
    words = part.split()
    lowered = [w.lower().rstrip(":") for w in words]
    prefix = shipped_phrases().prefix
    for size in range(min(4, len(words) - 1), 0, -1):
        if prefix.get(" ".join(lowered[:size])) == "dateline":
            return size
    return None


#: Where a byline's names end and its role begins: a comma, a dash, a bar or a middle dot.
ROLE_SEP = re.compile(r"\s*,\s*|\s+[-–—|·]\s+")
#: A role is a few words at most ("Korrespondent in Berlin", "envoyé spécial à Kiev").
ROLE_WORDS = 6


def _names_and_role(rest: str, code: str | None) -> tuple[str, str, str | None] | None:
    """(names, role, date or None) of a byline's text after its prefix when, at one of its separators
    (`ROLE_SEP`), the names (`BYLINE_NAMES`, nothing after them) give way to a role (`_is_role`), which
    a date may follow ("Sarah Lee, Transport correspondent", "Max Muster, Korrespondent in Berlin");
    None for any other byline, and for text ("By Monday, reporters had left the building.").
    Why: a role after the names is no name, and its words ("Transport", "Senior Reporter") read as more
    names, or stop the names matching at all."""
    cuts = list(ROLE_SEP.finditer(rest))
    for i, cut in enumerate(cuts):
        names = rest[: cut.start()]
        m = BYLINE_NAMES.match(names)
        if not m or m.group("rest") or _grammar_in_name(names, code):
            continue
        later = cuts[i + 1 :]
        for end in [*later, None]:
            role = rest[cut.end() : end.start() if end else len(rest)]
            tail = rest[end.end() :] if end else ""
            when = dates.parse(tail, code) if tail else None
            if _is_role(role, code) and (not tail or when):
                return names, role, when
    return None


def _is_role(text: str, code: str | None) -> bool:
    """Whether `text` is a journalist's role: at most `ROLE_WORDS` words, no sentence end, holding a
    role of `byline_roles.txt` (the language's, every language's when unknown), its other words
    capitalised (a desk, a place) or stop words of the language ("in", "à")."""
    words = text.split()
    if not words or len(words) > ROLE_WORDS or ends_sentence(text):
        return False
    lowered = [w.lower() for w in words]
    roles = _byline_roles(code)
    covered = [False] * len(words)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            if not any(covered[i : i + size]) and " ".join(lowered[i : i + size]) in roles:
                covered[i : i + size] = [True] * size
    if not any(covered):
        return False
    stop = _role_stopwords(code)
    return all(c or w[:1].isupper() or w.lower() in stop for c, w in zip(covered, words, strict=True))


@lru_cache(maxsize=16)
def _byline_roles(code: str | None) -> frozenset[str]:
    """The roles of `byline_roles.txt` of `code`, of every language without one."""
    codes = [code] if code in resources.LANGUAGES else list(resources.LANGUAGES)
    return frozenset().union(*(resources.profile(c).words("byline_roles.txt") for c in codes))


@lru_cache(maxsize=16)
def _role_stopwords(code: str | None) -> frozenset[str]:
    """The stop words a role may hold between its words ("Korrespondent in Berlin")."""
    codes = [code] if code in resources.LANGUAGES else list(resources.LANGUAGES)
    return frozenset().union(*(resources.stopwords(c) for c in codes))


def _grammar_in_name(name: str, code: str | None) -> bool:
    """Whether a byline's "name" holds a grammatical word of the language written with a capital (an
    article, a pronoun: "Un", "Le"), which names do not; a name particle ("De Niro") does not count."""
    profile = resources.profile(code)
    grammar = profile.stopwords | profile.words("function_words.txt")
    particles = {p for c in resources.LANGUAGES for p in resources.profile(c).name_particles}
    return any(
        w.lower() in grammar and w.lower() not in particles and w[:1].isupper() for w in name.split()[1:]
    )


#: Lines of an article's frame: what stands between its headline and its text (the byline, the date,
#: the tags, the share, print and listen buttons, the reading time, a caption or photo credit, an ad
#: label, a comment counter). A weak line above them may be the headline.
ARTICLE_FRAME = frozenset(
    f"boilerplate.{kind}"
    for kind in (
        "byline",
        "dateline",
        "author",
        "tags",
        "share",
        "social",
        "timestamp",
        "reading_time",
        "counter",
        "caption",
        "ad",
        "print",
        "listen",
    )
)
#: Frame lines that belong to one article: they sign or date it, credit its photo, give its reading
#: time, or mark the ad set into it ("Photo: Getty Images", "Foto: dpa", "5 min read", "Anzeige"). The
#: line above them, then prose, is its headline whatever its words (other frame lines, tags and share
#: buttons, also follow section names and teasers).
SIGNED_FRAME = frozenset(
    f"boilerplate.{kind}" for kind in ("byline", "dateline", "caption", "ad", "reading_time")
)
#: How many lines after the headline are searched for the article's first paragraph.
FRAME_LINES = 6
#: The first paragraph: a sentence of at least this many words.
PROSE_WORDS = 8
#: Word stems compared between a headline and the article: this many letters (inflection aside).
STEM = 5
#: A headline has at least this many words: one word above a byline is a section's name ("Politik").
HEADLINE_WORDS = 2


def _headline(
    page: _Page, verdicts: list[Verdict | None], j: int, at_edge: bool = False, at_top: bool = False
) -> int | None:
    """Index `j` when line `j`, the last of a weak run with nothing but furniture above it (the top of
    the text, or under furniture to be removed: the caller knows; `at_edge`: the run starts the text),
    is the article's headline: a line of the article's frame right below it (a byline, a date, tags:
    `ARTICLE_FRAME`), then, past frame lines and short lines, a paragraph of prose. The headline has
    two words or more and reads as one (`heading_like`). Under a byline or a dateline (`SIGNED_FRAME`),
    or at the start of the text above any frame line but tags, that is enough: what stands right above
    the article's signature or date is its title (found by a new user: "Streit um Windräder", three
    words over "Von Max Muster", went as a short line among furniture, and the title with it). Above
    other frame lines under furniture (share buttons, tags) and above tags anywhere, the paragraph must
    also share at least two word stems with it, a third of its words: a menu label or a section name
    over a list of tags or share buttons rarely shares two words with the text below it. Else None:
    the run goes as furniture. `at_top`: the run stands under a menu at the top of the text (no line of
    the article's above it); a line of `BUTTON_HEADLINE_WORDS` words or more there, with nothing but
    buttons and short lines (subheadings) between it and the paragraph, is the headline too
    (`_under_buttons`): a section's name has fewer words.

    Why: a byline or a date makes the short line above it look enclosed by furniture, and the article
    lost its headline (and the metadata its title). Precision first: a site's name right above a byline
    now stays rather than risk a title. Scripts without spaces between words are left out: their lines
    are one "word" each, never compared."""
    frame = verdicts[j + 1]
    if frame is None or frame.reason not in ARTICLE_FRAME:
        return None
    line = page.blocks[j].stripped
    words = _stems(line, page.lang)
    signed = frame.reason in SIGNED_FRAME or (at_edge and frame.reason != "boilerplate.tags")
    if len(line.split()) < HEADLINE_WORDS or not heading_like(line) or (not signed and len(words) < 2):
        return None
    sentences: list[str] = []  # short sentences in a row: a paragraph set a sentence a line
    for k in range(j + 2, min(j + 2 + FRAME_LINES, len(verdicts))):
        v, text = verdicts[k], page.blocks[k].stripped
        if v is not None and v.strength == BAD and v.reason in ARTICLE_FRAME and not sentences:
            continue
        if v is None and ends_sentence(text):
            sentences.append(text)
            text = " ".join(sentences)
        elif sentences:
            return None  # short sentences, then something else: no paragraph
        if len(text.split()) < PROSE_WORDS:
            if sentences:
                continue
            if v is None or v.strength == BAD:
                return None  # other furniture, or a short line of the article: no frame then prose
            continue
        if v is not None or not ends_sentence(text):
            return None
        if signed or (at_top and _under_buttons(verdicts, j, k, line, page.lang)):
            return j
        shared = words & _stems(text, page.lang)
        return j if len(shared) >= 2 and 3 * len(shared) >= len(words) else None
    return None


def _under_buttons(verdicts: list[Verdict | None], j: int, k: int, line: str, code: str | None) -> bool:
    """Whether `line` (line `j`) is a headline in sentence case (`_sentence_case`) and the lines between
    it and the paragraph at `k` are the article's buttons (`BUTTON_FRAME`: share, print, listen) and
    short lines only, a button right under it. Why: "Startseite / Regional / Elbphilharmonie feiert
    zehnjähriges Jubiläum / Teilen / Seit zehn Jahren ..." lost its headline (a new user's dump): the
    words of a headline and its first paragraph need not be the same. A menu's label there ("Lokales
    und Region", "Arts & Entertainment") has its words capitalised or function words between them."""
    own = verdicts[j]
    if own is not None and own.reason == FOREIGN:  # in another language than the article: no headline
        return False
    if len(line.split()) < BUTTON_HEADLINE_WORDS or not _sentence_case(line, code):
        return False
    first = verdicts[j + 1]
    if first is None or first.reason not in BUTTON_FRAME:
        return False
    between = verdicts[j + 2 : k]
    return all(v is None or v.strength == WEAK or v.reason in BUTTON_FRAME for v in between)


def _sentence_case(line: str, code: str | None) -> bool:
    """Whether `line` reads as a headline written as a sentence: words in lower case that are not function
    words of `code` (verbs, adjectives, common nouns: "feiert zehnjähriges", "turns ten"), at least
    `SENTENCE_CASE_WORDS` of them, one where nouns take capitals (a lower-case word is then no noun)."""
    if code is None:
        return False
    stop = resources.stopwords(code)
    words = [w for w in LETTER_RUN.findall(line)[1:] if w[0].islower() and w not in stop]
    return len(words) >= (1 if resources.profile(code).capitalises_nouns else SENTENCE_CASE_WORDS)


#: Lower-case words other than function words a sentence-case headline has, after its first word, in a
#: language whose nouns are in lower case.
SENTENCE_CASE_WORDS = 2
#: Frame lines that are the article's own buttons: a line of `BUTTON_HEADLINE_WORDS` words or more above
#: them, at the top of the text, then prose, is the headline (`_under_buttons`).
BUTTON_FRAME = frozenset(f"boilerplate.{kind}" for kind in ("share", "print", "listen"))
BUTTON_HEADLINE_WORDS = 3


OVER_HEADLINE = "a menu's labels above the article's headline and its frame"
#: A menu of labels at the top of the text, with a known label above it and prose right below it: this
#: many lines at least, each of at most `MENU_LABEL_WORDS` words.
TOP_MENU_LINES, MENU_LABEL_WORDS = 3, 2
#: The known labels a menu at the top stands under ("Home", "Startseite", "Accueil", "Menu").
MENU_HEADS = frozenset({"boilerplate.home", "boilerplate.nav"})


def _menu_above_article(page: _Page, verdicts: list[Verdict | None], i: int, j: int) -> Verdict | None:
    """The verdict of weak lines `i`..`j` at the top of the text (nothing but furniture above them) when
    they are a menu above the article, though a line of the article's follows them: either that line is
    the article's headline, proved by its frame and prose below it (`_headline`: a byline or a date,
    then a paragraph; "Accueil / France / Monde / Grève à la SNCF ce week-end / Par Léa Morel"), or a
    known menu label stands right above them (`MENU_HEADS`), they are `TOP_MENU_LINES` capitalised
    labels or more of `MENU_LABEL_WORDS` words at most, no digits, and a paragraph of prose follows
    ("Startseite / Politik / Ausland / Wirtschaft", then the article). Else None: next to article text,
    a weak run stays. Over a proved headline, the run's last line stays when it has two words or more
    (`_revise_weak`): it may be the headline, the line below it a subtitle (precision first). Not in a
    whole-page dump (`lines.looks_like_dump` of the lines that do not go): there the line model judges
    the header's lines, and taking them away here would hide the dump from it (its gate reads the
    header), leaving the rest of the page's furniture in. Why: a site's section names are short lines as the article's headline is, and
    only what stands around them tells them apart."""
    proved = j + 2 < len(verdicts) and _headline(page, verdicts, j + 1) is not None
    head = verdicts[i - 1] if i > 0 else None
    labelled = head is not None and head.reason in MENU_HEADS and j - i + 1 >= TOP_MENU_LINES
    if not (proved or labelled) or _dump_like(page, verdicts):
        return None
    if proved:
        return Verdict(BAD, "boilerplate.menu", OVER_HEADLINE)
    lines = [page.blocks[k].stripped for k in range(i, j + 1)]
    labels = all(
        len(t.split()) <= MENU_LABEL_WORDS and t[:1].isupper() and not DIGIT.search(t) for t in lines
    )
    if labels and is_prose(page.blocks[j + 1].stripped):
        return Verdict(
            BAD,
            "boilerplate.menu",
            f"a menu's labels under {page.blocks[i - 1].stripped!r}, above the article",
        )
    return None


def _dump_like(page: _Page, verdicts: list[Verdict | None]) -> bool:
    """Whether the lines that do not go (yet) are a whole-page dump (`lines.looks_like_dump`): what the
    line model's gate will read once this step is done."""
    lines = (
        page.blocks.texts()
        if isinstance(page.blocks, (Blocks, _Subset))
        else (b.stripped for b in page.blocks)
    )
    return looks_like_dump([t for t, v in zip(lines, verdicts, strict=True) if strength(v) != BAD])


def _stems(text: str, code: str | None) -> set[str]:
    """The first `STEM` letters of the words of a line, its language's frequent words and words of
    fewer than three letters aside."""
    frequent = resources.stopwords(code)
    return {w[:STEM] for w in _lowered_words(text) if len(w) >= 3 and w not in frequent}


@lru_cache(maxsize=16)
def _reader_words(code: str | None) -> frozenset[str]:
    """The words a notice speaks in (`reader_words.txt` of `code`, of every language without one)."""
    codes = [code] if code in resources.LANGUAGES else list(resources.LANGUAGES)
    return frozenset().union(*(resources.profile(c).words("reader_words.txt") for c in codes))


def _addresses_reader(words: list[str], code: str | None) -> bool:
    """Whether some of `words` (as written) speak to the reader or as the site: a word listed in lower
    case matches lower or capitalised, a capitalised one (formal "Sie") only as written."""
    listed = _reader_words(code)
    return any(w in listed or (w[:1].isupper() and w[1:].islower() and w.lower() in listed) for w in words)


def _mentions(text: str, phrases: list[str], code: str | None, statement: bool) -> bool:
    """Whether a line holding notice `phrases` (lower case, as in the data) is an article sentence that
    reports on the notice rather than the notice itself. Precision first: a notice is a short line made
    of the notice; a sentence that mentions one goes on around it. The line must end a sentence and hold
    no menu separators ("Wir verwenden Cookies. Mehr erfahren | OK" is a notice); then it mentions a
    phrase it cites after a colon that ends `CITING_WORDS` words or more of prose; else, with no word
    addressing the reader (`_addresses_reader`: banners speak to "you" as "we"), a phrase whose sentence
    has `MENTION_WORDS` lower-case words of its own (a clause: "Das Impressum der Seite fehlte,
    kritisierte die Behörde.", "Privacy policy changes at Meta drew a fine."). A `statement` phrase (a
    banner's clause, "this site uses cookies") is one a banner goes on from ("... cookie tecnici e di
    profilazione", ", um ..."): it is mentioned only inside its sentence or before a clause of another
    kind (`_reports_after`)."""
    line = " ".join(text.split())
    low = line.lower().replace("\u2019", "'")
    if len(low) != len(line) or not ends_sentence(line) or any(c in line for c in MENU_MARKS):
        return False  # lowering moved the positions ("İ"): judged a notice, as before
    spans = [(at, at + len(p)) for p in phrases if (at := low.find(p)) >= 0]
    residue = list(line)
    for start, end in spans:
        residue[start:end] = " " * (end - start)
    rest = "".join(residue)
    if _reported(line, rest, spans, code) or (statement and _prose_before(line, spans, code)):
        return True
    for start, _ in spans:
        before = line[:start].rstrip()
        cites = before.endswith(":") and len(before.split()) >= CITING_WORDS
        if cites and not _addresses_reader(_word_tokens(before), code):
            return True
    if _addresses_reader(_word_tokens(rest), code):
        return False
    for start, end in spans:
        begin = max((m.end() for m in SENTENCE_BREAK.finditer(line, 0, start)), default=0)
        stop = next((m.start() for m in SENTENCE_BREAK.finditer(line, end)), len(line))
        if len([w for w in _word_tokens(rest[begin:stop]) if w[:1].islower()]) < MENTION_WORDS:
            continue
        inside = bool(_word_tokens(line[begin:start]))
        if not statement or inside or _reports_after(line[end:stop], code):
            return True
    return False


def _prose_before(line: str, spans: list[tuple[int, int]], code: str | None) -> bool:
    """Whether `line` opens with sentences of the article's own before the sentence of its first notice
    phrase (at `spans`, a banner's statement: `STATEMENT_KINDS`; a copyright notice opens with sentences
    of its own, "This material may not be published..."): `OPENING_WORDS` words or more, with no word
    addressing the reader. A banner opens
    with its notice, a title ("Cookie-Einstellungen.") or words to the reader ("We value your privacy.");
    a paragraph that reports on a notice goes on from the article ("Ab Mai gelten neue Regeln. Wir
    verwenden Cookies nur mit Zustimmung, heißt es dann."). Precision first: a banner that opens with a
    long sentence of another kind stays, which is better than losing a paragraph."""
    first = min(start for start, _ in spans)
    begin = max((m.end() for m in SENTENCE_BREAK.finditer(line, 0, first)), default=0)
    words = _word_tokens(line[:begin])
    return len(words) >= OPENING_WORDS and not _addresses_reader(words, code)


def _reported(line: str, rest: str, spans: list[tuple[int, int]], code: str | None) -> bool:
    """Whether a notice phrase (at `spans` of `line`; `rest`: the line with the phrases blanked) stands
    in a sentence that reports speech or writing (`speech_verbs.txt`: "We use cookies, said the baker,
    so come early.", "Wir verwenden Cookies, sagte der Bäcker."): a site's notice speaks, it does not
    narrate who said it. Decided before the words that address the reader ("us", "you"), which reported
    speech holds as often as a banner does."""
    verbs = _speech_verbs(code)
    for start, end in spans:
        begin = max((m.end() for m in SENTENCE_BREAK.finditer(line, 0, start)), default=0)
        stop = next((m.start() for m in SENTENCE_BREAK.finditer(line, end)), len(line))
        if any(w.lower() in verbs for w in _word_tokens(rest[begin:stop])):
            return True
    return False


@lru_cache(maxsize=16)
def _speech_verbs(code: str | None) -> frozenset[str]:
    """The verbs reporting speech (`speech_verbs.txt` of `code`, of every language without one)."""
    codes = [code] if code in resources.LANGUAGES else list(resources.LANGUAGES)
    return frozenset().union(*(resources.profile(c).words("speech_verbs.txt") for c in codes))


def _reports_after(after: str, code: str | None) -> bool:
    """Whether the rest of a statement phrase's sentence (`after`) holds a clause of the article's own:
    a clause break (comma, dash, colon) within `STATEMENT_REACH` words of the phrase, then a word that
    does not open a banner's clause (`notice_clauses.txt`: "um", "to", "which")."""
    m = CLAUSE_BREAK.search(after)
    if m is None or len(after[: m.start()].split()) > STATEMENT_REACH:
        return False
    words = _word_tokens(after[m.end() :])
    opens = _notice_clauses(code)
    return bool(words) and words[0].lower() not in opens


@lru_cache(maxsize=16)
def _notice_clauses(code: str | None) -> frozenset[str]:
    """The words opening a banner's clause (`notice_clauses.txt` of `code`, of every language without one)."""
    codes = [code] if code in resources.LANGUAGES else list(resources.LANGUAGES)
    return frozenset().union(*(resources.profile(c).words("notice_clauses.txt") for c in codes))


def _word_tokens(text: str) -> list[str]:
    """The words of `text` as written, without the punctuation around them."""
    return [w for w in (t.strip(".,;:!?…\"'“”„«»()[]–—-") for t in text.split()) if w[:1].isalpha()]
