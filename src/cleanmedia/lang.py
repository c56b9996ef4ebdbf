"""Language identification by function words, and the word-frequency lexicon (wordfreq) per language.

Identification counts the most frequent words of each language, each weighted by how many languages
share it, which is enough for whole articles and for telling a widget line's language from the
article's; it needs no model download. The lexicon is loaded once per language and looked up in a dict.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import takewhile

from cleanmedia import resources
from cleanmedia.budget import not_charged

#: Languages identification can answer, the article languages plus Latin (theme filler text).
DETECTABLE = tuple(c for c in resources.codes() if c not in resources.NEIGHBOURS)


#: Capital letters of the Latin alphabets (Basic Latin to Latin Extended-B): alone, an initial or a label.
_CAPITALS = frozenset(c for c in map(chr, range(0x41, 0x250)) if c.isupper())


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    """word -> {lang: weight} over the `DETECTABLE` languages' stop words (`_stop_weights`)."""
    return _stop_weights(DETECTABLE)


@lru_cache(maxsize=1)
def _neighbour_weights() -> dict[str, dict[str, float]]:
    """The same over the `DETECTABLE` languages and their `resources.NEIGHBOURS` (Catalan beside
    Spanish): a word the two share weighs half in each, so that the words of the neighbour alone
    decide between them."""
    return _stop_weights(DETECTABLE + resources.NEIGHBOURS)


def _stop_weights(languages: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """word -> {lang: weight}; a word shared by k languages weighs 1/k in each. Each word is there in
    lower case, capitalised and in capitals, so that a document's own word counts (`Document.words`,
    in any case) are looked up as they are, without a lower-cased copy of the text."""
    clitics = resources.union("elided_forms.txt")  # the "s" of "Men's" is no French "s'"
    owners: dict[str, list[str]] = {}
    for lang in languages:
        for w in resources.stopwords(lang):
            if len(w) > 1 or w not in clitics:
                owners.setdefault(w, []).append(lang)
    weights = {w: {lang: 1.0 / len(langs) for lang in langs} for w, langs in owners.items()}
    for w, weight in list(weights.items()):
        for variant in (w.capitalize(), w.upper()):
            weights.setdefault(variant, weight)
    return weights


def scores(words: Iterable[str]) -> dict[str, float]:
    """Evidence for each language: its frequent words among `words` (in lower case), weighted by how
    many languages share them."""
    return _evidence(Counter(words))[0]


def no_evidence(words: Iterable[str]) -> bool:
    """True when no word of `words` is a frequent word of any language, so that `scores` is empty:
    one set test in C, where most short lines (menus, labels, names) end."""
    return _weights().keys().isdisjoint(words)


def _evidence(
    counts: Counter[str], weights: dict[str, dict[str, float]] | None = None
) -> tuple[dict[str, float], dict[str, float]]:
    """(evidence from every occurrence, evidence from distinct words, case aside) for each language.
    The intersection runs in C and walks the smaller side; Python loops only over the frequent words
    found, sorted: a set's order changes with each process's string hashes, and the sums (floats) and
    which spelling counts as the distinct one must not. A single letter counts only in lower case ("w",
    "z", "i" in Polish, "y" in Spanish): a capital one is an initial or a list label. An elided form ("l", "s") never counts: it is the "s"
    of "Men's" as often as the "s'" of French.
    """
    weights = _weights() if weights is None else weights
    total: dict[str, float] = {}
    distinct: dict[str, float] = {}
    seen: set[str] = set()
    for w in sorted(counts.keys() & weights.keys()):
        if len(w) < 2 and not w.islower():
            continue
        lowered = w.lower()
        first = lowered not in seen
        seen.add(lowered)
        for code, weight in weights[w].items():
            total[code] = total.get(code, 0.0) + weight * counts[w]
            if first:
                distinct[code] = distinct.get(code, 0.0) + weight
    return total, distinct


def detect_words(words: list[str], minimum: float = 2.0) -> str | None:
    """The language (ISO 639-1) of a text given its runs of letters in any case, or None when the
    evidence is too thin (see `detect_counts`)."""
    return detect_counts(Counter(words), minimum)


def detect_counts(counts: Counter[str], minimum: float = 2.0) -> str | None:
    """The language of a text given its runs of letters in any case and their counts, such as
    `Document.words()`, or None when the evidence is too thin (fewer than five words of two letters or
    more, a capital letter alone not counted, or too few distinct frequent words of the language)."""
    initials = sum(counts[c] for c in counts.keys() & _CAPITALS)
    n_words = sum(counts.values()) - initials
    if n_words < 5:
        return None
    total, distinct = _evidence(counts)
    found = best(total, n_words, minimum)
    if found is None and minimum >= 2.0:
        found = _by_frequent_words(counts, n_words)
    elif found is None or distinct.get(found, 0.0) < 1.5:
        return None  # one frequent word repeated is not evidence of a language
    return None if found is None or _neighbour_wins(counts, found) else found


def clearly_other(counts: Counter[str], given: str) -> str | None:
    """The language the text reads as when it clearly is not `given` (a record's wrong `lang`, Spanish
    text given as French), else None: identification (`detect_counts`) finds another supported
    language and `given`'s own evidence is under 1/`CLEAR_MARGIN` of it, or the stop words one of
    the two has and the other lacks say so (`_exclusive`: at least EXCLUSIVE_DISTINCT of the found
    language's, CLEAR_MARGIN times the given one's), or the content words one of the two writes and the
    other hardly ever does (`_leaning`: LEANING_DISTINCT of them, CLEAR_MARGIN times those leaning the
    other way). A mixed text, or one too short to tell, keeps the language it was given."""
    found = detect_counts(counts)
    if found is None or found == given or not resources.profile(given).known:
        return None
    total, _ = _evidence(counts)
    if total.get(given, 0.0) * CLEAR_MARGIN < total.get(found, 0.0):
        return found
    ours, theirs, distinct = _exclusive(counts, given, found)
    if distinct >= EXCLUSIVE_DISTINCT and ours * CLEAR_MARGIN < theirs:
        return found
    ours, theirs = _leaning(counts, given, found)
    return found if theirs >= LEANING_DISTINCT and ours * CLEAR_MARGIN < theirs else None


#: How many times the given language's evidence the identified one's must be to overrule it.
CLEAR_MARGIN = 3.0
#: How many distinct stop words of the identified language that the given one lacks ("el", "los",
#: "más" against French) a short text must have, beside a CLEAR_MARGIN of their occurrences over the
#: given language's own (`_exclusive`), to overrule it.
EXCLUSIVE_DISTINCT = 3


def _exclusive(counts: Counter[str], given: str, found: str) -> tuple[int, int, int]:
    """(occurrences of the stop words of `given` that `found` lacks, those of `found` that `given`
    lacks, how many distinct of the latter) among `counts` (words in any case; a capital letter alone
    is an initial). Why: two related languages share their commonest words ("que", "entre", "bien"
    of Spanish and French), which weigh for both and hide, in two sentences, what only one of them
    writes ("Según la Organización ... el aumento de los casos": Spanish, given as French, 2.9 times
    the French evidence, under CLEAR_MARGIN); the words one language has and the other lacks decide
    between the two."""
    mine, other = resources.stopwords(given), resources.stopwords(found)
    ours = theirs = 0
    seen: set[str] = set()
    for word, n in counts.items():
        if len(word) < 2 and not word.islower():
            continue
        lowered = word.lower()
        if lowered in mine and lowered not in other:
            ours += n
        elif lowered in other and lowered not in mine:
            theirs += n
            seen.add(lowered)
    return ours, theirs, len(seen)


#: How many distinct lower-case words far more frequent in the identified language than in the given
#: one (`_leaning`) overrule the given language when the stop words do not.
LEANING_DISTINCT = 3
#: A word leans to a language when its zipf there is at least LEANING_ZIPF and this much more than in
#: the other (a thousand times as frequent): a lexicon knows the other language's words at a low
#: frequency (quotations, names: "región" is 1.1 in French, 5.2 in Spanish).
LEANING_GAP = 3.0
LEANING_ZIPF = 3.0


def _leaning(counts: Counter[str], given: str, found: str) -> tuple[int, int]:
    """(distinct lower-case words leaning to `given`, those leaning to `found`) among `counts`
    (`LEANING_GAP`). Why: a short text of content words has few stop words of either language ("La
    Organización anunció una nueva campaña de vacunación que comenzará en marzo...": Spanish given as
    French, one stop word French lacks), but its content words are one language's and not the
    other's. Names are left out (capitalised: "Barcelona" in French text), and so are words of
    one or two letters. Only asked when identification already found `found`: its lexicons load then."""
    ours = theirs = 0
    for word in sorted(counts):
        if len(word) < 3 or not word.islower():
            continue
        mine, other = zipf(word, given), zipf(word, found)
        if mine >= LEANING_ZIPF and mine - other >= LEANING_GAP:
            ours += 1
        elif other >= LEANING_ZIPF and other - mine >= LEANING_GAP:
            theirs += 1
    return ours, theirs


#: How much more evidence than the language found a neighbour language needs to veto it (`_neighbour_wins`).
NEIGHBOUR_MARGIN = 1.0


def _neighbour_wins(counts: Counter[str], found: str) -> bool:
    """Whether the text's stop words say a neighbour of the article languages (`resources.NEIGHBOURS`:
    Catalan, Galician) rather than `found`: counted with the neighbours' stop words beside the others',
    a neighbour's evidence is more than NEIGHBOUR_MARGIN times `found`'s. Then the text gets no
    language: a Catalan text read as Spanish would get Spanish repairs."""
    if not resources.NEIGHBOURS:
        return False
    total, _ = _evidence(counts, _neighbour_weights())
    ours = total.get(found, 0.0)
    return any(total.get(code, 0.0) > NEIGHBOUR_MARGIN * ours for code in resources.NEIGHBOURS)


#: The share of a text's words that must be frequent words of its language (`frequent_words.txt` and
#: the stop words) when the stop words alone do not decide: a short text's share varies more, so it
#: needs more; a list of names or products has fewer function words but keeps its content words.
COVERAGE_SHORT = 0.4
COVERAGE_LONG = 0.25
#: From this many words a text is long (its coverage a stable estimate).
LONG_TEXT = 100
#: The winner's weighted score over the runner-up's, and its distinct frequent words, at least.
FREQUENT_MARGIN = 3.0
FREQUENT_DISTINCT = 3


@lru_cache(maxsize=1)
def _frequent() -> dict[str, dict[str, float]]:
    """word (lower case) -> {lang: weight} over the 2,000 most frequent words of each article language
    (stop words and `frequent_words.txt`); a word listed by k languages weighs 1/k in each."""
    owners: dict[str, list[str]] = {}
    for code in resources.LANGUAGES:
        profile = resources.profile(code)
        for w in profile.stopwords | profile.words("frequent_words.txt"):
            if len(w) > 1:
                owners.setdefault(w, []).append(code)
    return {w: {code: 1.0 / len(codes) for code in codes} for w, codes in owners.items()}


def _by_frequent_words(counts: Counter[str], n_words: int) -> str | None:
    """The language of a text the stop words leave undecided (a sentence of a dozen words, a long list
    of names and products), from its frequent content words: the language whose 2,000 most frequent
    words score `FREQUENT_MARGIN` times the runner-up's, with `FREQUENT_DISTINCT` distinct ones, and
    cover `COVERAGE_SHORT` of the text's words (`COVERAGE_LONG` from `LONG_TEXT` words). A language
    outside the set, numbers or addresses cover too little of any list. Measured on the bench's article
    bodies and on manuals in 8 supported and 10 other languages (`bench/lang_id.py`)."""
    table = _frequent()
    score: dict[str, float] = {}
    covered: Counter[str] = Counter()
    distinct: Counter[str] = Counter()
    for word, n in counts.items():
        if len(word) < 2:
            continue
        for code, weight in table.get(word.lower(), {}).items():
            score[code] = score.get(code, 0.0) + weight * n
            covered[code] += n
            distinct[code] += 1
    if not score:
        return None
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], DETECTABLE.index(kv[0])))
    code, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    need = COVERAGE_LONG if n_words >= LONG_TEXT else COVERAGE_SHORT
    if top < FREQUENT_MARGIN * second or distinct[code] < FREQUENT_DISTINCT or covered[code] < need * n_words:
        return None
    return code


#: `best` names no language for fewer words than this.
MIN_BEST_WORDS = 3


def supporting_words(words: Iterable[str], code: str) -> int:
    """How many distinct words of `words` are frequent words of language `code`: the evidence `best`
    weighs, counted in words (one shared word can outweigh nothing in a short line)."""
    weights = _weights()
    return len({w.lower() for w in words if code in weights.get(w, ())})


def best(total: dict[str, float], n_words: int, minimum: float = 2.0) -> str | None:
    """The language with the most evidence, if the evidence is enough for `n_words` words (at least
    `MIN_BEST_WORDS`)."""
    if not total or n_words < MIN_BEST_WORDS:
        return None
    code, score = max(total.items(), key=lambda kv: (kv[1], -DETECTABLE.index(kv[0])))
    if score < minimum or score < 0.08 * n_words:
        return None
    return code


@cache
@not_charged
def _frequencies(lang: str) -> dict[str, float]:
    """The frequency table of a supported language (wordfreq's own dict, not a copy: ~50 MB each)."""
    if not resources.profile(lang).known:
        return {}
    import wordfreq  # imported late: a text without language needs no lexicon

    try:
        table: dict[str, float] = wordfreq.get_frequency_dict(lang, wordlist="best")
    except (LookupError, ValueError):
        return {}
    return table


def preload(codes: Iterable[str]) -> None:
    """Load the lexicons (and the word lists) of `codes` now, in this process, and move every object
    made so far out of the garbage collector's reach (`gc.freeze`).

    For a parent about to fork worker processes: they then share the tables with it, page for page,
    instead of each loading its own copies (~20-70 MB a language, ~300 MB for every language with word
    lists). A lookup reads a table's keys without writing to them, and frozen objects are never
    visited by the collector, so the shared pages stay shared (measured on a 2,000-document corpus with
    two workers: ~150 MB of PSS per worker instead of ~280). Only worth it when the workers will meet
    most of these languages; a code without a lexicon loads nothing.
    """
    import gc

    for code in codes:
        _frequencies(code)
        resources.profile(code)
        _weights()
    gc.freeze()


def key(word: str) -> str:
    """The form the lexicon stores `word` under: case-folded as wordfreq's own tokenizer does ("Straße"
    -> "strasse", a hand-lowered "straße" is not a key), typographic apostrophe straight."""
    return word.casefold().replace("\u2019", "'")


def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 per billion words) of `word` in `lang`; 0.0 when unknown."""
    freq = _frequencies(lang).get(key(word))
    return math.log10(freq) + 9.0 if freq else 0.0


def known(word: str, lang: str) -> bool:
    """True when the lexicon of `lang` has `word` (in any case), looked up as the lexicon normalises it."""
    return key(word) in _frequencies(lang)


def lexicon(lang: str) -> dict[str, float]:
    """word (case-folded: look words up with `key`) -> frequency, for fast membership tests over many words."""
    return _frequencies(lang)


@cache
@not_charged
def common_words(lang: str, min_zipf: float) -> frozenset[str]:
    """The words of `lang` at least as frequent as `min_zipf`, as a set: `set(words).difference(...)`
    finds a text's rare and unknown words in C, walking the text's words, not the lexicon (beware
    `words.keys() - common_words(...)`, which walks the lexicon)."""
    table = _frequencies(lang)
    if not table:
        return frozenset()
    import wordfreq

    # The lexicon's words come in bands of one frequency each, most frequent first: only the bands at
    # the floor or above are walked (a word in two bands has the last one's frequency, as in `table`).
    floor = 10 ** (min_zipf - 9)
    # Called as `get_frequency_dict` calls it: the same cached list, not a second copy (~40 MB).
    bands = wordfreq.get_frequency_list(lang, "best")
    top = takewhile(lambda i: wordfreq.cB_to_freq(-i) >= floor, range(len(bands)))
    return frozenset(w for i in top for w in bands[i] if table[w] >= floor)


def is_common_word(word: str, lang: str, min_zipf: float = 3.0, margin: float = 1.0) -> bool:
    """True when `word` is a common word of `lang` rather than a name: its lexicon knows it at `min_zipf`
    or more, and `margin` more than the median of the other reference lexicons
    (`common/reference_lexicons.txt`: three large ones, so that at most two lexicons beyond the
    document's are loaded, each ~1.3 s and ~40 MB). The lexicons have no
    case, but names travel: "youtube", "xbox", "spacex" are about as frequent in every lexicon, while
    "package" is an English word (4.5 against 2.8 elsewhere). A rule of thumb measured on the lexicons,
    not a grammar: a loanword that travels counts as a name."""
    own = zipf(word, lang)
    if own < min_zipf:
        return False
    others = sorted(
        zipf(word, other) for other in resources.common("reference_lexicons.txt") if other != lang
    )
    return bool(others) and own - statistics.median(others) >= margin
