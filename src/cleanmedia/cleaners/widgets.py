"""Widget lines recognised on their own, without the document: labels (share, follow, subscribe...),
social network names, counters, a label with its list. The boilerplate cleaner and the HTML extraction
both use them. Phrases are data files per language (`resources/boilerplate/`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleanmedia import resources
from cleanmedia.resources import BOILERPLATE_KINDS
from cleanmedia.text import CODE_LINE, DIGIT, LINE_CACHE, ends_sentence

BAD, WEAK = "bad", "weak"
#: Kinds of widget labels that may stand in a row on one line ("Subscribe Sign In").
LABEL_KINDS = dict.fromkeys(
    ("share", "follow", "subscribe", "print", "comment", "search", "nav", "social", "listen"), True
)
#: A letter or digit: where a line's words start and end once edge punctuation is trimmed.
WORD_CHARACTER = re.compile(r"[^\W_]")
#: A count in brackets from its opening bracket to the end ("(12)", "[ 1.234 ]"). Matched only from the
#: last opening bracket of a line (`without_paren_count`): tried at every position, a pattern with a
#: leading white-space run backtracks over each run of spaces, quadratic in its length.
PAREN_COUNT = regex.compile(r"[(\[]\s*\d[\d\s.,]*+[)\]]\s*+")
#: Possessive runs: a long run of digits and spaces that is not a count fails at once instead of
#: giving back one character at a time (quadratic: "1 1 1 ... x").
COUNT = regex.compile(r"^\d[\d\s.,]*+[kmb]?\+?$", regex.IGNORECASE)
GLUED_COUNT = regex.compile(r"^\d[\d.,]*+\s*+[kmb]?\s*+([^\W\d_]+)$")
BARE_COUNTER = regex.compile(r"^\d[\d.,]*\s*[kmb]\+?$|^\d[\d.,]*\+$", regex.IGNORECASE)
#: An ellipsis ending a text ("...", "…", spaced or repeated): in a user's phrase it means "and more"
#: (`Phrases.extended`); at the end of a line it ends no sentence (a label cut short, "Weiterlesen…").
ELLIPSIS_END = re.compile(r"(?:\s*(?:\.{3,}|\u2026))+\s*$")


@dataclass(frozen=True)
class Verdict:
    strength: str  # BAD or WEAK
    reason: str
    detail: str
    site: str | None = None  # the site name a copy of the title carries ("Title | Site")


def strength(verdict: Verdict | None) -> str:
    return verdict.strength if verdict is not None else "keep"


@dataclass(frozen=True, eq=False)
class Phrases:
    """Furniture phrases by how they match (one object, hashed by identity: a cache key)."""

    line: dict[str, str]  # phrase -> kind, for a whole-line match
    prefix: dict[str, str]  # phrase -> kind, for a line that starts with it
    contains: dict[str, str]  # phrase -> kind, for a line that contains it anywhere
    social: frozenset[str]
    counters: frozenset[str]

    def extended(self, rows: Iterable[tuple[str, str, str]]) -> Phrases:
        """These phrases and `rows` (kind, match, phrase), which win over the shipped ones.

        A phrase is matched as lines are read: lower case, one apostrophe, white space collapsed. A
        phrase ending with an ellipsis ("weiterlesen...", "mehr laden…") stands for the words before it
        and whatever follows: it becomes a `prefix` row (a `contains` row keeps its match); lines are
        folded before matching, so an ellipsis kept in the phrase could never match. Raises ValueError
        for a kind or match the data format does not have (`resources.check`), or a phrase that is
        empty or an ellipsis alone."""
        tables = {"line": dict(self.line), "prefix": dict(self.prefix), "contains": dict(self.contains)}
        counters = set(self.counters)
        for row in rows:
            if not isinstance(row, tuple) or len(row) != 3 or not all(isinstance(c, str) for c in row):
                raise ValueError(f"a phrase row is (kind, match, phrase), three strings: not {row!r}")
            kind, match, phrase = row
            if not phrase.strip(" '\u2019"):
                raise ValueError(f"phrase row {row!r}: the phrase is empty (it would match every line)")
            if kind not in BOILERPLATE_KINDS or match not in tables:
                raise ValueError(
                    f"phrase row ({kind!r}, {match!r}, {phrase!r}): kind must be one of "
                    f"{sorted(BOILERPLATE_KINDS)} and match one of {sorted(tables)}"
                )
            phrase = " ".join(phrase.lower().replace("\u2019", "'").split())
            if ELLIPSIS_END.search(phrase):
                phrase = ELLIPSIS_END.sub("", phrase)
                match = "contains" if match == "contains" else "prefix"
                if not phrase.strip(" '"):
                    raise ValueError(
                        f"phrase row {row!r}: the phrase is an ellipsis alone (it would match every line)"
                    )
            tables[match][_line_phrase(phrase) if match == "line" else phrase] = kind
            if kind == "counter":
                counters.add(phrase)
        return Phrases(tables["line"], tables["prefix"], tables["contains"], self.social, frozenset(counters))


def _line_phrase(phrase: str) -> str:
    """A whole-line phrase as `normalise` leaves a line: without the marks at its ends ("was this article
    helpful?" is matched as "was this article helpful"; kept, the mark made the row match nothing)."""
    return _trim_edges(phrase) or phrase


@lru_cache(maxsize=1)
def phrases() -> Phrases:
    line: dict[str, str] = {}
    prefix: dict[str, str] = {}
    contains: dict[str, str] = {}
    for code in resources.LANGUAGES:
        for kind, match, phrase in resources.profile(code).table("boilerplate.tsv"):
            target = {"line": line, "prefix": prefix, "contains": contains}[match]
            target.setdefault(_line_phrase(phrase) if match == "line" else phrase, kind)
    counters = frozenset(
        p
        for code in resources.LANGUAGES
        for k, _, p in resources.profile(code).table("boilerplate.tsv")
        if k == "counter"
    )
    return Phrases(
        line,
        prefix,
        contains,
        frozenset(resources.common("social.txt")),
        counters,
    )


def _glued_names(word: str, names: frozenset[str]) -> bool:
    """ "facebooktwitterpinterestemail": two or more network names run together (the longest name at
    each position)."""
    if not word or word[0] not in _name_starts(names):  # the first match at 0 would fail
        return False
    longest_first = _alternation(names)
    found, i = 0, 0
    while i < len(word):
        m = longest_first.match(word, i)
        if m is None or not m.end() > i:
            return False
        found, i = found + 1, m.end()
    return found >= 2


@lru_cache(maxsize=8)
def _name_starts(names: frozenset[str]) -> frozenset[str]:
    """The first characters of `names`: a word starting with another one starts with no name (a gate:
    tests/test_gates.py checks it skips nothing)."""
    return frozenset(n[:1] for n in names)


@lru_cache(maxsize=8)
def _alternation(names: frozenset[str]) -> re.Pattern[str]:
    """`names` as one pattern, the longest first: its match at a position is the longest name there."""
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


@lru_cache(maxsize=8)
def _social_words(ph: Phrases) -> frozenset[str]:
    """The network names and the share and follow labels of one word or more: a line whose tokens
    are all among them is social network names (one set test in C, not a lookup per token)."""
    return ph.social | {p for p, kind in ph.line.items() if kind in ("share", "follow")}


@lru_cache(maxsize=8)
def _label_heads(ph: Phrases) -> frozenset[str]:
    """The first words of the widget labels that may stand in a row (`LABEL_KINDS`): a row of them
    starts with one, so a line starting with another word is none (`_phrase_sequence` not tried)."""
    return frozenset(p.split(" ", 1)[0] for p, kind in ph.line.items() if LABEL_KINDS.get(kind))


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


#: Lines `normalise` remembers: each line is normalised by the widget test and again by each search for
#: copies of the title (three in a clean), so a document of up to this many lines is normalised once,
#: not four times (a tenth of the furniture step on a text of short distinct lines). `LINE_CACHE`, as
#: the other caches of lines: at 65,536 it was what grew a worker through a long run (tracemalloc
#: between documents 300 and 1,300 of the bench corpus: +54,000 entries, +24 MB, ~440 bytes a line
#: with its key, value and link; a line is a paragraph, not 60 characters), full only after ~10,000
#: documents. At 4,096 it is full within the first hundred documents (~2 MB), and still holds every
#: line of all but the longest documents. The function is pure: the size changes the time, never an output.
NORMALISE_CACHE = LINE_CACHE


@lru_cache(maxsize=NORMALISE_CACHE)
def normalise(text: str) -> str:
    """Lower case, one apostrophe, no counts in brackets, no punctuation or symbols at either end."""
    text = text.lower().replace("\u2019", "'")
    if text.rstrip().endswith((")", "]")):
        text = without_paren_count(text)
    return " ".join(_trim_edges(text).split())


def without_paren_count(text: str) -> str:
    """`text` without a count in brackets at its end, and the white space before it. The count has no
    bracket inside, so it can only start at the last opening bracket: one anchored match, linear."""
    opening = max(text.rfind("("), text.rfind("["))
    if opening < 0 or not PAREN_COUNT.fullmatch(text, opening):
        return text
    return text[:opening].rstrip()


def _trim_edges(text: str) -> str:
    """`text` without the punctuation and symbols at either end (two searches, not a pattern anchored
    at the end, which the regex engine would try at every position). A text that starts and ends with
    a letter or digit is returned as it is, unsearched: `str.isalnum` of one character is the same
    test as `WORD_CHARACTER` (both Unicode alphanumeric; tests/test_gates.py checks every code point)."""
    if text[:1].isalnum() and text[-1:].isalnum():
        return text
    first = WORD_CHARACTER.search(text)
    if first is None:
        return ""
    last = WORD_CHARACTER.search(text[::-1])
    assert last is not None
    return text[first.start() : len(text) - last.start()]


@lru_cache(maxsize=LINE_CACHE)
def widget(text: str, n_words: int | None = None, ph: Phrases | None = None) -> Verdict | None:
    """A line that is a widget on its own, whatever the document: a label, share and follow buttons,
    network names, counters, a label with its list. Used by the extraction too (no document needed).
    `ph`: the phrases to know (the shipped ones by default)."""
    n_words = len(text.split()) if n_words is None else n_words
    if n_words > 8 and ":" not in text and "?" not in text and not DIGIT.search(text):
        return None  # past eight words only a labelled list (a colon), a feedback question or a counter
    ph = ph or phrases()
    norm = normalise(text)
    if not norm:  # a brace or a "});" is a line of a program (`CODE_LINE`: a `<pre>` keeps its lines)
        symbols = n_words <= 3 and not CODE_LINE.search(text)
        return Verdict(BAD, "boilerplate.symbols", "no words, only symbols") if symbols else None
    if n_words <= FIELD_WORDS and _form_field(text):
        return Verdict(BAD, "boilerplate.form", "a form field's label (its mark of a required field)")
    kind = ph.line.get(norm)
    if kind is not None and kind != "pagination" and n_words <= 8:  # "Seite" alone: a page's heading
        return Verdict(BAD, f"boilerplate.{kind}", f"{kind} widget label")
    if n_words <= FEEDBACK_WORDS and "?" in norm and _feedback_row(norm, ph):
        return Verdict(BAD, "boilerplate.feedback", "a feedback widget: its question and its answers")
    counter_kind = _gallery_counter(norm, ph) if n_words <= GALLERY_WORDS else None
    if counter_kind is not None:
        return Verdict(BAD, f"boilerplate.{counter_kind}", COUNTER_DETAILS[counter_kind])
    counted = _may_count(norm)
    if counted and COUNT.match(norm) and BARE_COUNTER.match(text.strip()):
        return Verdict(BAD, "boilerplate.counter", "social counter")
    tokens = norm.split()
    if n_words <= 8 and _social_words(ph).issuperset(tokens):
        return Verdict(BAD, "boilerplate.social", "social network names")
    if n_words <= 2 and _glued_names(norm.replace(" ", ""), ph.social):
        return Verdict(BAD, "boilerplate.social", "social network names run together")
    heads = _label_heads(ph)
    labels = _label_tokens(tokens) if n_words <= 6 and _may_head_labels(tokens, heads) else []
    if labels and labels[0] in heads and _phrase_sequence(labels, ph.line):
        return Verdict(BAD, "boilerplate.widgets", "a row of widget labels")
    if n_words <= 8 and not ph.social.isdisjoint(tokens):  # without a network name, `core` is `norm`
        core = " ".join([t for t in tokens if t not in ph.social])
        if core != norm and ph.line.get(core) in ("share", "follow", "subscribe"):
            return Verdict(BAD, "boilerplate.social", "share/follow buttons")
    if n_words <= 8 and tokens[0] in heads and _share_row(text, ph):
        return Verdict(BAD, "boilerplate.social", "share/follow buttons")
    verdict = _labelled(text, n_words, ph)
    if verdict is not None:
        return verdict
    glued = GLUED_COUNT.match(norm) if counted else None
    if glued and (glued.group(1) in ph.counters or ph.line.get(glued.group(1)) == "counter"):
        return Verdict(BAD, "boilerplate.counter", "counter")
    if n_words <= 6 and _is_counter(tokens, ph, counted):
        return Verdict(BAD, "boilerplate.counter", "follower/subscriber counter")
    return None


#: A feedback widget on one line, its question and its answers, has at most this many words.
FEEDBACK_WORDS = 14


@lru_cache(maxsize=1)
def answer_labels() -> frozenset[str]:
    """The answers of a feedback widget in every language (`answer_buttons.txt`): "ja", "nein", "yes"."""
    return frozenset().union(*(resources.profile(c).words("answer_buttons.txt") for c in resources.LANGUAGES))


def answer_row(norm: str) -> bool:
    """Whether the normalised `norm` is one answer of a feedback widget or several side by side ("ja
    nein", "yes no", "oui | non")."""
    labels = answer_labels()
    tokens = [t for t in (_trim_edges(t) for t in norm.split()) if t]
    return bool(tokens) and all(t in labels for t in tokens)


def _feedback_row(norm: str, ph: Phrases) -> bool:
    """Whether the normalised line is a feedback question (a `feedback` row: "war dieser artikel
    hilfreich") then its question mark and its answers ("War dieser Artikel hilfreich? Ja Nein", "Was
    this page helpful? Yes No"). Why: a dump writes the widget on one line when its buttons are inline;
    the question alone is a `line` row."""
    question, mark, answers = norm.partition("?")
    question = _trim_edges(question)
    return bool(mark) and ph.line.get(question) == "feedback" and answer_row(answers)


#: Names a share or follow label may be followed by that the network list does not know: at most this
#: many, each capitalised ("Udostępnij Facebook Wykop", "Partager sur X").
UNLISTED_NAMES = 2


#: A form field's label: at most this many words, then the mark of a required field ("Name *",
#: "E-Mail-Adresse*", "Email *"); a footnote's mark stands after a word of a sentence, not a label.
FIELD_WORDS = 3
REQUIRED_FIELD = regex.compile(r"^\p{Lu}[\p{L}\p{M}'’.\- ]*?\s?\*$")


def _form_field(text: str) -> bool:
    """Whether `text` is a form's field label: a few words starting with a capital, ending with the
    asterisk of a required field, no digit ("Name *", "Email *", "Website*", "Votre nom *"). Why: a
    comment form's labels were read as share widgets ("Email", a network name) or short lines."""
    text = text.strip()
    return text.endswith("*") and not text.endswith("**") and bool(REQUIRED_FIELD.match(text))


#: A gallery's counter: "Foto 1 di 8", "Bild 3 von 12", "1 / 8", "Photo 2/10" (`_gallery_counter`).
GALLERY_COUNTER = regex.compile(
    r"^(?:(?P<word>\p{L}+)\.?\s+)?(?P<n>\d{1,3})(?:\s*/\s*|\s+(?P<of>\p{L}+)\s+)(?P<m>\d{1,3})$"
)
GALLERY_WORDS = 4


#: The kinds of counter `_gallery_counter` finds, and the detail of their verdicts.
COUNTER_DETAILS = {
    "gallery": "a gallery's counter (picture n of m)",
    "pagination": "a page counter of a split article (page n of m)",
}


def _gallery_counter(norm: str, ph: Phrases) -> str | None:
    """The kind of counter a normalised line is ("gallery", "pagination"), or None: the number of a
    picture or of a page and how many there are, `n` <= `m`, after a word of the `gallery` or
    `pagination` rows of `boilerplate.tsv` ("Foto 1 di 8", "Bild 3 von 12"; "Seite 1 von 2", "Page 2
    of 5", "Página 1 de 3") or a gallery's alone ("1 / 8"; a slash and spaces: "1/8" alone may be a
    quantity). Between the numbers a slash or a stop word of a language ("di", "von", "of", "z"). Why:
    a slideshow's counter and its "next" button are left in a page's text, one line each, and so is
    the page counter of an article split over pages (it even became the metadata title)."""
    if not DIGIT.search(norm):
        return None
    m = GALLERY_COUNTER.match(norm)
    if m is None or not 1 <= int(m["n"]) <= int(m["m"]) or int(m["m"]) < 2:
        return None
    word, of = m["word"], m["of"]
    if of is not None and not any(of in resources.stopwords(c) for c in resources.LANGUAGES):
        return None
    if word is None:
        return "gallery" if of is None and " / " in norm else None
    kind = ph.line.get(word)
    return kind if kind in COUNTER_DETAILS else None


def _share_row(text: str, ph: Phrases) -> bool:
    """Whether `text` is a share or follow label followed by the names of networks, some of them not in
    `social.txt` (a local network, a renamed one): "Udostępnij Facebook Wykop", "Teilen WhatsApp Xing X".
    Each name the list does not know is capitalised, `UNLISTED_NAMES` at most, and a known network name
    stands among them, or the label ends with its preposition and names one ("Partager sur X",
    "Compartir en X", "Share on X": the label is two words or more). Why: the names of networks change
    and differ by country; a list cannot hold them all. A headline that starts with a share word ("Share
    Prices Fall Again", "Like Father Like Son") names no network and stays."""
    words = [w for w in (_trim_edges(t) for t in text.replace("\u2019", "'").split()) if w]
    lowered = [w.lower() for w in words]
    for size in range(min(4, len(words) - 1), 0, -1):
        if ph.line.get(" ".join(lowered[:size])) not in ("share", "follow"):
            continue
        names = words[size:]
        unlisted = [w for w in names if w.lower() not in ph.social]
        if len(unlisted) > UNLISTED_NAMES or not all(w[:1].isupper() for w in unlisted):
            return False
        return len(unlisted) < len(names) or (size >= 2 and len(names) == 1)
    return False


def _label_tokens(tokens: list[str]) -> list[str]:
    """The tokens of a possible row of labels, each without the mark a label may end with ("Diskutieren
    Sie mit! Jetzt kommentieren"). A line whose marks split it into one word said again ("Weiter! Weiter!",
    a shout in a story) is no row: its tokens are returned as they are, marks and all."""
    trimmed = [t for t in map(_trim_edges, tokens) if t]
    return tokens if trimmed != tokens and len(set(trimmed)) < 2 else trimmed


def _may_head_labels(tokens: list[str], heads: frozenset[str]) -> bool:
    """Whether `_label_tokens(tokens)` may start with one of `heads`: its first label is the first token
    as it is or trimmed (when trimming leaves something; else any token may come first). A gate that
    spares trimming every token of the lines that start with no label (`tests/test_gates.py`)."""
    if not tokens:
        return False
    first = tokens[0]
    trimmed = _trim_edges(first)
    return not trimmed or first in heads or trimmed in heads


def _may_count(norm: str) -> bool:
    """A count (`COUNT`, `GLUED_COUNT`) starts with a digit: a normalised line starting with a letter
    has none, and its patterns are not tried. A gate: `tests/test_gates.py` checks it skips nothing."""
    return not norm[:1].isalpha()


def _is_counter(tokens: list[str], ph: Phrases, counted: bool = True) -> bool:
    """ "5M+ followers", "Facebook followers", "12 comments". `counted`: False when the first token
    starts with a letter (no count, no pattern to try)."""
    rest = tokens[1:] if counted and tokens and COUNT.match(tokens[0]) else tokens
    rest = rest[1:] if len(rest) > 1 and rest[0] in ph.social else rest
    if len(rest) != 1 or len(rest) == len(tokens):
        return False
    return ph.line.get(rest[0]) == "counter" or rest[0] in ph.counters


#: Furniture whose phrase can be a heading's subject ("Newsletter", "Teilen", "Cookies"): followed by
#: a colon and a question clause, the line is the article's heading about it. A label that introduces
#: a link ("Lesen Sie auch:", "Read more:", "Anzeige:") is followed by a title, which may be such a
#: clause: those kinds are not in it.
TOPIC_KINDS = frozenset({"share", "follow", "newsletter", "subscribe", "tags", "comment", "cookie"})
#: A question clause has this many words at least ("was sich ändert").
TOPIC_WORDS = 3


@lru_cache(maxsize=1)
def _question_words() -> frozenset[str]:
    """The question words of every language (`question_words.txt`): a widget is judged without the
    document's language."""
    return frozenset().union(*(resources.profile(c).words("question_words.txt") for c in resources.LANGUAGES))


def topic_clause(tail: str) -> bool:
    """Whether `tail` (what follows a colon) is a clause naming a topic: `TOPIC_WORDS` words or more,
    opening with a question word ("was sich ändert", "what the new law says", "ce que dit la loi"), not
    a list of names or a call to act ("Facebook, X", "Jetzt anmelden")."""
    words = tail.lower().lstrip(" ¿¡\"'„“«»–—-").split()
    found = _question_words()
    return len(words) >= TOPIC_WORDS and (words[0] in found or " ".join(words[:2]) in found)


def _labelled(text: str, n_words: int, ph: Phrases) -> Verdict | None:
    """ "Tags: a, b, c", "Lire aussi : titre", "Share: Facebook": a furniture label, a colon, a list or a link."""
    head, colon, tail = text.partition(":")
    if not colon or not tail.strip() or n_words > 30 or tail.lstrip().startswith("//"):
        return None
    if len(tail.split()) > 8 and ends_sentence(tail.strip()):
        return None  # "Related: the ruling affects 400 million users, the commission added." is prose
    kind = ph.line.get(normalise(head)) or ph.prefix.get(normalise(head))
    if kind in TOPIC_KINDS and len(head.split()) == 1 and topic_clause(tail):
        return None  # "Newsletter: co mówi nowe prawo", "Teilen: Wie Familien das Erbe aufteilen": a heading
    if kind in ("tags", "related", "more", "share", "follow", "newsletter", "nav", "ad"):
        return Verdict(BAD, f"boilerplate.{kind}", f"{kind} label with its list")
    return None
