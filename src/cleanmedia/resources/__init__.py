"""Language knowledge as data: one folder per language under `languages/`, shared lists under `common/`.

Each language folder holds a `profile.toml` (its traits: how it writes compounds, headings, dates,
names...) and one file per kind of word list (`KINDS`). Rules ask a `Profile`, never compare language
codes. Every article language has every kind: a kind the language does not need is an empty file with a
comment saying so, and a missing file is an error (`ResourceError`), never an empty list. Files are
UTF-8; `#` starts a comment line; tables are tab-separated. Everything is read once and cached.

Adding a language: a folder with `profile.toml` and the files of `KINDS` (see docs/languages.md);
`tests/test_resources.py` checks it is complete and well formed.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources as _files
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


#: The language whose lexicon serves text of no identified language (the web's lingua franca).
FALLBACK_LANGUAGE = "en"


class ResourceError(LookupError):
    """A resource file is missing or malformed: a packaging or data bug, named in the message."""


#: The word lists every article language has: file name -> number of tab-separated columns (1: a list).
KINDS: dict[str, int] = {
    "stopwords.txt": 1,
    "abbreviations.txt": 1,
    "function_words.txt": 1,
    "months.txt": 1,
    "weekdays.txt": 1,
    "relative_time.txt": 1,
    "reading_time.txt": 1,
    "doubled.txt": 1,
    "elision.txt": 1,
    "letter_names.txt": 1,
    "elided_forms.txt": 1,
    "unelided.txt": 1,
    "currency_names.txt": 1,
    "boilerplate.tsv": 3,
    "calques.tsv": 2,
    "currency.tsv": 6,
    "enclitics.tsv": 2,
    "particles.txt": 1,
    "compound_members.txt": 1,
    "relatives.txt": 1,
    "relative_prepositions.txt": 1,
    "relative_agreement.tsv": 3,
    "term_nouns.txt": 1,
    "label_nouns.txt": 1,
    "sentence_openers.txt": 1,
    "question_words.txt": 1,
    "sentence_final.txt": 1,
    "stranded.tsv": 3,
    "reader_words.txt": 1,
    "notice_clauses.txt": 1,
    "speech_verbs.txt": 1,
    "byline_roles.txt": 1,
    "footer_links.txt": 1,
    "consent_buttons.txt": 1,
    "answer_buttons.txt": 1,
    "comment_headings.txt": 1,
    "name_particles.txt": 1,
    "frequent_words.txt": 1,
    "encoding_terms.txt": 1,
    "closings.txt": 1,
}

#: The kinds of furniture phrase a `boilerplate.tsv` row may have (its first column).
BOILERPLATE_KINDS = frozenset(
    [
        "share",
        "follow",
        "subscribe",
        "print",
        "comment",
        "search",
        "review",
        "tags",
        "nav",
        "home",
        "related",
        "more",
        "newsletter",
        "cookie",
        "copyright",
        "byline",
        "dateline",
        "counter",
        "ad",
        "caption",
        "author",
        "listen",
        "gallery",
        "pagination",
        "feedback",
    ]
)


@dataclass(frozen=True)
class Profile:
    """What the rules need to know of one language (its `profile.toml`; see docs/languages.md)."""

    code: str
    name: str
    #: An article language (False: known only to be recognised, as Latin theme filler is, or as a
    #: language close to an article language is, so that its text gets no language rather than a wrong
    #: one: Catalan is no Spanish).
    article: bool = True
    #: Recognised as the filler text of page themes ("lorem ipsum"): lines in it are furniture.
    filler: bool = False
    #: Compounds are written as one word ("Bergwandern"): a long unknown word is not glue.
    closed_compounds: bool = False
    #: Articles and particles elide before a vowel ("l'acquisition").
    elides: bool = False
    #: Elision is required before a vowel-initial name too ("d'Ottawa", never "de Ottawa").
    elides_before_names: bool = False
    #: Eliding words that elide before a name even capitalised, at a sentence start ("Qu'OpenAI").
    elides_capitalised: tuple[str, ...] = ()
    #: Two-word idioms whose article never elides ("à la Unix").
    unelided_idioms: tuple[str, ...] = ()
    #: Common nouns take a capital ("die Stadt"): a capital mid-sentence is no evidence of a name.
    capitalises_nouns: bool = False
    #: Verb particles split off and end a clause ("bringt das Paket mit", "voer de gegevens in"): one of
    #: `particles.txt` glued to a sentence's first word ended a sentence ("inU kunt", "umIm").
    separable_particles: bool = False
    #: Words other than names take a capital mid-sentence (nouns; days, months, nationalities).
    capitalises_more_than_names: bool = False
    #: Headings are written in sentence case: English-style Title Case in them is damage.
    sentence_case_headings: bool = False
    #: Names take case endings ("Tusk", "z Tuskiem", "w Warszawie"): an inflected name is a form only
    #: this language's lexicon knows, so the lexicons cannot show a capitalised word common; only the
    #: document can (it writes the word in lower case).
    names_inflect: bool = False
    #: A no-break space before ; : ! ? and inside guillemets (French typography).
    french_spacing: bool = False
    #: Numeric dates put the month first when ambiguous (3/4 is March 4th).
    month_first_dates: bool = False
    #: Another language whose words are at home in this one's text (English loanwords), "" for none.
    loanwords_from: str = ""
    #: Lower-case particles inside personal names ("van", "de la").
    name_particles: tuple[str, ...] = ()
    #: Prefixes written glued to a surname, lower case ("mac", "di"): "MacDonald" and "Macdonald",
    #: "DiCaprio" and "Dicaprio" are two families' names, not two spellings of one.
    surname_prefixes: tuple[str, ...] = ()
    #: Finite verbs that follow their subject and open no statement (lower case: "was", "said"; none
    #: where verbs open statements or questions often, as in German and Dutch): capitalised after a
    #: lower-case word and followed by lower case ("the planWas approved"), they go on the sentence.
    subject_verbs: tuple[str, ...] = ()
    #: The word that joins two names ("and", "et", "und").
    name_conjunction: str = ""
    #: Words between a date and its clock time ("à", "um", "a las").
    time_words: tuple[str, ...] = ()
    #: Words after a clock time ("uhr", "pm").
    clock_words: tuple[str, ...] = ()
    #: Suffixes of a day number ("1st", "1er", "1º").
    ordinal_suffixes: tuple[str, ...] = ()
    #: The word between day, month and year ("12 de marzo de 2025").
    date_of_words: tuple[str, ...] = ()
    #: Pronouns written after the verb when a sentence opens with it (German "Geben Sie", "Möchten
    #: Sie"): a capitalised word glued to the word before and followed by one starts a sentence.
    verb_first_pronouns: tuple[str, ...] = ()
    #: Words after which the clause ends on its verb, where the language puts the verb last (German
    #: auxiliaries, modals and subordinating conjunctions: "hat ... gesagt", "weil ... erreicht"): a
    #: lower-case word glued to a capitalised noun ends a sentence only after one of them.
    verb_final_triggers: tuple[str, ...] = ()
    #: Finite verbs that close a verb-final clause and may open the main clause right after it with no
    #: comma between (Dutch "wie als eerste klaar is is de winnaar"): doubled after a word of
    #: `verb_final_triggers` in the same clause, flagged, not removed.
    clause_final_verbs: tuple[str, ...] = ()
    #: Nouns that name a command or a program, lower case ("commande", "Befehl"): a name standing alone
    #: after one ("la commande man)", "den Befehl »man«") and doubled elsewhere ("man man") may be the
    #: command applied to itself: flagged, not removed.
    command_nouns: tuple[str, ...] = ()
    #: Verbs whose object is the label of an interface element, lower case ("scegliete", "selecciona",
    #: "choose"): a capitalised word glued right after one is that label ("sceglieteSezione" ->
    #: "scegliete Sezione"), not a new sentence's first word; the verb seldom ends a sentence.
    label_verbs: tuple[str, ...] = ()
    #: Complementizers whose doubling is as often a slip for a neighbouring word as a copy (German "dass
    #: dass" for "dass das"): flagged, never removed.
    doubled_complementizers: tuple[str, ...] = ()
    #: Comparative particles that may follow themselves in the second one's other sense (German "mehr
    #: Geld als als Kind": "than", then "as" of a role): doubled after a word of `comparatives` in the
    #: same clause, flagged, never removed.
    comparative_particles: tuple[str, ...] = ()
    #: Words that make a comparison (lower case; a row "-er" is the comparative ending of adjectives
    #: written in lower case: "größer", "älter").
    comparatives: tuple[str, ...] = ()

    def lines(self, kind: str) -> tuple[str, ...]:
        """The non-empty, non-comment lines of this language's `kind` file ("months.txt")."""
        return _lines(f"languages/{self.code}/{kind}") if self.known else ()

    def words(self, kind: str) -> frozenset[str]:
        """The lines of a one-column `kind` file as a set."""
        return _word_set(f"languages/{self.code}/{kind}") if self.known else frozenset()

    def table(self, kind: str) -> tuple[tuple[str, ...], ...]:
        """The rows of a tab-separated `kind` file."""
        return _table(f"languages/{self.code}/{kind}") if self.known else ()

    @property
    def known(self) -> bool:
        """False for the profile of a language cleanmedia has no data for (`UNKNOWN`)."""
        return bool(self.code)

    @property
    def stopwords(self) -> frozenset[str]:
        return self.words("stopwords.txt")


#: The profile of a language without data (or of no language): every trait off, every list empty.
UNKNOWN = Profile(code="", name="unknown", article=False)


def _path(relative: str) -> Any:
    node = _files.files(__name__)
    for part in relative.split("/"):
        node = node / part
    return node


def _read(relative: str) -> str:
    node = _path(relative)
    if not node.is_file():
        raise ResourceError(f"cleanmedia resource missing: resources/{relative}")
    text: str = node.read_text(encoding="utf-8")
    return text


@cache
def _lines(relative: str) -> tuple[str, ...]:
    raw = (line.strip() for line in _read(relative).splitlines())
    return tuple(s for s in raw if s and not s.startswith("#"))


@cache
def _word_set(relative: str) -> frozenset[str]:
    return frozenset(_lines(relative))


@cache
def _table(relative: str) -> tuple[tuple[str, ...], ...]:
    rows = tuple(tuple(cell.strip() for cell in row.split("\t")) for row in _lines(relative))
    columns = KINDS.get(relative.rsplit("/", 1)[-1])
    for row in rows:
        if columns is not None and columns > 1 and len(row) != columns:
            raise ResourceError(f"resources/{relative}: {row!r} has {len(row)} columns, expected {columns}")
    return rows


@cache
def codes() -> tuple[str, ...]:
    """Every language with a folder (article languages and the recognised-only ones), sorted."""
    folder = _path("languages")
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and (p / "profile.toml").is_file()))


def profile(code: str | None) -> Profile:
    """The profile of an article language (ISO 639-1); `UNKNOWN` for None, a language without data, or
    one that is only recognised (Latin filler): the rules then do nothing language-specific.

    Raises `ResourceError` when the language's `profile.toml` is malformed (an unknown key, a wrong type).
    """
    found = load(code) if code else UNKNOWN
    return found if found.article else UNKNOWN


@cache
def load(code: str) -> Profile:
    """The profile of any language with a folder, recognised-only ones included (`UNKNOWN` otherwise)."""
    if code not in codes():
        return UNKNOWN
    try:
        data = tomllib.loads(_read(f"languages/{code}/profile.toml"))
    except tomllib.TOMLDecodeError as error:
        raise ResourceError(f"resources/languages/{code}/profile.toml: {error}") from None
    allowed = {f.name: f for f in fields(Profile)}
    unknown = set(data) - set(allowed) - {"code"}
    if unknown:
        raise ResourceError(f"resources/languages/{code}/profile.toml: unknown keys {sorted(unknown)}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        default = getattr(UNKNOWN, key, None)
        if isinstance(default, tuple):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ResourceError(
                    f"resources/languages/{code}/profile.toml: {key} must be a list of strings"
                )
            value = tuple(value)
        if key != "code" and default is not None and type(value) is not type(default):
            raise ResourceError(
                f"resources/languages/{code}/profile.toml: {key} must be {type(default).__name__}"
            )
        values[key] = value
    values["code"] = code
    return Profile(**values)


#: The article languages: every rule works in these (a folder with a profile and every kind of list).
LANGUAGES: tuple[str, ...] = tuple(c for c in codes() if load(c).article)


def filler_language(code: str | None) -> bool:
    """True for a language recognised only as filler text (Latin "lorem ipsum" and its kin)."""
    return bool(code) and code in codes() and load(code or "").filler


#: Languages recognised only to be told apart from the article languages they are close to (Catalan,
#: Galician): a text in one of them gets no language, never the neighbour's.
NEIGHBOURS: tuple[str, ...] = tuple(c for c in codes() if not load(c).article and not load(c).filler)


def languages_where(trait: str) -> frozenset[str]:
    """The article languages whose profile has `trait` set (a cleaner's `languages`)."""
    return frozenset(c for c in LANGUAGES if getattr(profile(c), trait))


def filler_stopwords() -> frozenset[str]:
    """The frequent words of the filler languages (Latin): what theme filler text is made of."""
    return frozenset().union(*(stopwords(c) for c in codes() if filler_language(c)))


def stopwords(code: str | None) -> frozenset[str]:
    """The most frequent words of any language with a folder (empty for a language without data)."""
    return _word_set(f"languages/{code}/stopwords.txt") if code and code in codes() else frozenset()


def common(kind: str) -> tuple[str, ...]:
    """The lines of a list shared by every language (`common/<kind>`)."""
    return _lines(f"common/{kind}")


def common_table(kind: str) -> tuple[tuple[str, ...], ...]:
    return _table(f"common/{kind}")


def union(kind: str) -> frozenset[str]:
    """The words of a one-column `kind` list over every article language (a rule that must recognise
    the words of any language, whatever the document's)."""
    return frozenset().union(*(profile(c).words(kind) for c in LANGUAGES))


@cache
def abbreviations(code: str | None) -> frozenset[str]:
    """Words whose full stop does not end a sentence, lower case, without the stop: the shared list
    (`common/abbreviations.txt`), the language's own (`languages/<code>/abbreviations.txt`: units,
    titles) and the short forms of its month names (`months.txt`, after the full name on each row).
    Rows written with a capital or as an ending are not here: `is_abbreviation` reads them."""
    found = profile(code)
    months = (w for row in found.lines("months.txt") for w in row.split()[1:])
    rows = frozenset(common("abbreviations.txt")) | found.words("abbreviations.txt")
    days = weekday_abbreviations(code)[0]
    return frozenset(r for r in rows if r == r.lower() and not r.startswith("-")) | frozenset(months) | days


@cache
def weekday_abbreviations(code: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The short weekday names of `code` (`weekdays.txt`, after the full name on each row), in two
    sets: those that are no frequent word of the language ("ven", "lun": an abbreviation wherever it
    stands) and those that are one ("mer", "jeu", Spanish "mar": a word as often, read as an
    abbreviation only beside another, `is_abbreviation_at`)."""
    if not code or code not in codes():
        return frozenset(), frozenset()
    found = profile(code)
    cased = frozenset(r.lower() for r in _abbreviation_shapes(code)[0])
    days = frozenset(w for _, short in weekday_rows(code) for w in short) - cased
    words = found.stopwords | found.words("frequent_words.txt")
    return days - words, days & words


@cache
def weekday_rows(code: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The weekdays of `code`, Monday first, each as (names, short forms), lower case (`weekdays.txt`:
    "samstag sonnabend | sa"). Raises KeyError for a code with no language data."""
    rows = []
    for row in profile(code).lines("weekdays.txt"):
        names, _, short = row.lower().partition("|")
        rows.append((tuple(names.split()), tuple(short.split())))
    return tuple(rows)


@cache
def _abbreviation_shapes(code: str | None) -> tuple[frozenset[str], tuple[str, ...]]:
    """The rows of the abbreviation lists that match as written (a capital in them: the weekdays "Mo",
    "So", where "so" is a word) and the endings (a row "-str": "Bahnhofstr", "Hauptstr")."""
    rows = frozenset(common("abbreviations.txt")) | profile(code).words("abbreviations.txt")
    cased = frozenset(r for r in rows if r != r.lower())
    endings = tuple(sorted(r[1:].lower() for r in rows if r.startswith("-") and len(r) > 1))
    return cased, endings


#: Around a weekday abbreviation that is also a word ("mer."), a stretch of this many characters each
#: way is read for another weekday or month abbreviation with its stop, or a number ("du mar. au ven.",
#: "mer. 9 h"), which tells the abbreviation (`is_abbreviation_at`).
DAY_RUN_WINDOW = 16
#: A word with its stop, or a number: what stands beside a weekday abbreviation in a run of them.
DAY_RUN_TOKEN = re.compile(r"([^\W\d_]+)\.|\d")


def is_abbreviation_at(text: str, start: int, end: int, code: str | None) -> bool:
    """Whether the word at text[start:end], followed by a full stop, is an abbreviation of `code`: as
    `is_abbreviation`, or a weekday's short name that is also a frequent word ("mer", "jeu", Spanish
    "mar") standing beside another weekday or month abbreviation with its stop or a number ("du mar. au
    ven. de 9 h", "lun., mer. et ven."; not "au bord de la mer. les enfants"). Precision first: a real
    sentence after "mer." left in lower case is a smaller harm than a capital put after "ven."."""
    word = text[start:end]
    if is_abbreviation(word, code):
        return True
    if word.lower() not in weekday_abbreviations(code)[1]:
        return False
    around = text[max(0, start - DAY_RUN_WINDOW) : start] + " " + text[end + 1 : end + 1 + DAY_RUN_WINDOW]
    calendar = _calendar_abbreviations(code)
    return any(m.group(1) is None or m.group(1).lower() in calendar for m in DAY_RUN_TOKEN.finditer(around))


@cache
def _calendar_abbreviations(code: str | None) -> frozenset[str]:
    """Every short weekday and month name of `code` (lower case): what a run of them is made of."""
    months = (w for row in profile(code).lines("months.txt") for w in row.lower().split()[1:])
    return frozenset(months).union(*weekday_abbreviations(code))


#: Letters a word must have before an abbreviated ending (`is_abbreviation`): "Hauptstr" has five.
MIN_ABBREVIATED_HEAD = 2


def is_abbreviation(word: str, code: str | None) -> bool:
    """Whether `word` (as written, without its stop) is an abbreviation of `code` whose full stop ends
    no sentence: a lower-case row of the lists in any case ("ca", "Ca"), a row with a capital only as
    written ("Mo", "So"; "so." may end a sentence), or a word ending in a row's ending ("-str":
    "Bahnhofstr", not "str" alone unless listed)."""
    if word.lower() in abbreviations(code):
        return True
    cased, endings = _abbreviation_shapes(code)
    if word in cased:
        return True
    lower = word.lower()
    return any(lower.endswith(e) and len(lower) - len(e) >= MIN_ABBREVIATED_HEAD for e in endings)
