"""Doubled words ("la la tension", "di dati dati"): the copy goes, unless doubling is legitimate.

Legitimate doublings are data per language ("nous nous", "vous vous", German relative "die die",
"that that", Italian "piano piano", emphasis such as "très très", "great great grandfather"). Only in
the supported languages (elsewhere reduplication is grammar: "biasa biasa"). A doubled word that is not
a grammatical word goes only when it is a common word (zipf >= 3) and not a name of capitalised copies
("Goo Goo Dolls"). Numbers are never touched, and the two copies must be spelt alike (case aside) with
a single space between them on one line. A relative pronoun doubled after a preposition that opens
relative clauses (`relative_prepositions.txt`) after a noun or a clause's mark ("Konfiguration bei der
der Host", its comma missing) is flagged, never removed: it is as often grammar as a slip; unless the
antecedent's determiner rules the relative out (`relative_agreement.tsv`: "im Zusammenhang bei der der
Verwendung", a slip, removed). A relative opening a sentence and doubled in lower case ("Die die
Stadt verlassen wollten, mussten warten") is flagged too: a demonstrative and a relative pronoun; and
so is a word of two letters doing the same ("Na na", "Si si installa"): a reduplication or a slip for
a neighbouring word ("Se si"), not a copy to remove. A content word doubled as a phrase of its own
(opening a sentence, "Chop chop", or closed by a mark, "bof bof,") is flagged too: an interjection or
emphasis; a word said three times ("go go go") is left: damage doubles, it does not triple.
A complementizer of the profile's `doubled_complementizers` doubled (German "dass dass", a slip for
"dass das" as often as a copy) is flagged, never removed; so is a comparative particle of the profile's
`comparative_particles` doubled after a comparative in its clause ("mehr Geld als als Kind": "than",
then "as" of a role), and a relative doubled right after a semicolon or a colon ("korrekt; die die es
sagen": a clause opens there as at a sentence's start).
Intensifying doublings inside a phrase ("a long long time", "ganz ganz wichtig") are data
(`doubled.txt`): no part-of-speech is at hand to tell an intensified adjective from a noun copied by
damage ("di dati dati"), and flagging every content word would lose about a tenth of the real copies.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterator
from itertools import compress

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.cleaners.glue import EDGE_PUNCTUATION
from cleanmedia.document import DocumentView, Edit
from cleanmedia.lang import zipf
from cleanmedia.text import BLOCKS

#: A word of at most this many letters that opens a sentence capitalised and follows itself in lower
#: case ("Na na", "Si si installa") is flagged, not removed, when it is no grammatical word or reads,
#: accents aside, as a word whose doubling is legitimate ("si" as "sì sì"): at a sentence's start such
#: a word said twice is an interjection or a reduplication ("No no", "Ha ha") or a slip for a
#: neighbouring word ("Si si" for "Se si"), as often as a copy to remove. An article doubled ("La la
#: tension") and "The the" (three letters) are still removed.
MAX_SHORT_OPENER = 2
#: A doubled content word is removed only when at least this frequent (zipf) in the language.
MIN_SLIP_ZIPF = 3.0
#: A word followed by this many copies or more is said so on purpose ("go go go", "no no no"): damage
#: (a copy left by extraction or translation) doubles a word, it does not triple it.
MIN_COPIES_SAID = 2
#: Marks right after a doubled word that close an exclamation or an aside on their own ("chop chop!",
#: "(C plus plus)"), and marks that close a phrase only when one also opens it right before the doubled
#: word ("said: hurry hurry, then"; not "un progetto di dati dati, ma", a copy left inside a clause).
EXCLAMATION_END = frozenset('!?\u2026\u00bb\u201d")')
PHRASE_END = frozenset(",;:.")
PHRASE_START = frozenset(',;:(\u00ab\u201c\u201e"\u2013\u2014')
#: A word and its copies. A combining mark before it is part of the word before ("envi\u0301a a través",
#: decomposed text: "a" is the end of "envía", not a word doubled).
DOUBLED = re.compile(r"(?<![\w'’\u0300-\u036f-])([^\W\d_]+)((?: \1)+)(?![\w'’\u0300-\u036f-])", re.IGNORECASE)

#: A word followed by itself after one space, in case-folded text: where `DOUBLED` may match. One scan
#: of the text or line, whatever the number of words doubled (a search per doubled word was quadratic
#: on a long text of distinct doubled words).
COPY = re.compile(r"(?<![^\W\d_])([^\W\d_]+) \1(?![^\W\d_])")


class DoubledWords(Cleaner):
    name = "doubled_words"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("doubled.word", "doubled.word.unsure")

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        code = doc.lang or ""
        if code not in resources.LANGUAGES:
            return  # reduplication is grammar in many languages ("biasa biasa saja"): only where it is data
        pairs = _doubled_candidates(doc.word_list())
        if pairs is not None and not (pairs and COPY.search(doc.text.casefold())):
            # A line's folded text is a piece of the whole text's (case folding maps each character on
            # its own): a text with no word followed by itself after one space has no such line.
            return
        found = resources.profile(code)
        keep = found.words("doubled.txt")
        relatives = found.words("relatives.txt")
        prepositions = found.words("relative_prepositions.txt")
        agreement = {
            (kind, word): set(genders.split(","))
            for kind, word, genders in found.table("relative_agreement.tsv")
        }
        grammar = found.stopwords | found.words("function_words.txt")
        particles = found.words("name_particles.txt")
        folded_keep = frozenset(map(_fold, keep))
        # "même si" in doubled.txt: "même" doubled before "si" opens a clause with its copy
        before_next = {tuple(pair.split()) for pair in keep if pair.count(" ") == 1}
        triggers = frozenset(found.verb_final_triggers)
        clause_verbs = frozenset(found.clause_final_verbs)
        command_nouns = frozenset(found.command_nouns)
        complementizers = frozenset(found.doubled_complementizers)
        comparative_particles = frozenset(found.comparative_particles)
        comparatives = frozenset(found.comparatives)
        # Looked up per pair, computed once per text: a scan of the whole text per pair made a long
        # text of doubled words quadratic (500k characters of "the the" took minutes).
        names = _TextNames(doc.text, particles, command_nouns, grammar)
        for line in doc.cached(BLOCKS):
            if pairs is not None and not COPY.search(line.text.casefold()):
                continue  # only lines where a word follows itself are scanned with the pattern
            for m in DOUBLED.finditer(doc.text, line.start, line.end):
                word = m.group(1)
                if word.lower() in keep or len(word) == 1 and not word.isalpha():
                    continue
                if (word.lower(), _next_word(doc.text, m.end()).lower()) in before_next:
                    continue  # "le même même si": the adjective, then its copy opening "même si"
                if m.group(2).count(" ") >= MIN_COPIES_SAID:
                    continue  # "go go go", "no no no": said three times on purpose; damage doubles
                if word.lower() in particles and (
                    _name_written_whole(doc.text, m, particles, names)
                    or _before_family_name(doc.text, m, particles, code, names)
                ):
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{m.group()!r} before a family name made on the particle: a preposition "
                        "and the name's particle, or a slip",
                    )
                    continue  # "die Rede von von der Leyen" where "Ursula von der Leyen" is written too
                if word.lower() not in grammar and _said_as_phrase(doc.text, m):
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{m.group()!r} as a phrase of its own: an interjection or emphasis, or a slip",
                    )
                    continue  # "Bof bof,", "Chop chop": a content word said twice, set apart
                if word.lower() in complementizers:
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{m.group()!r}: a complementizer doubled, as often a slip for a neighbouring word "
                        "('dass das') as a copy",
                    )
                    continue  # "Er sagt, dass dass nicht stimmt": removing one leaves "dass nicht stimmt"
                if word.lower() in comparative_particles and _after_comparative(
                    doc.text, m.start(), comparatives, grammar
                ):
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{m.group()!r} after a comparative: the comparison's particle, then a role's "
                        "('als Kind'), or a slip",
                    )
                    continue  # "mehr Geld als als Kind erwartet": than, then as
                if word.lower() in relatives and _clause_start(doc.text, m.start(), grammar):
                    continue  # "die Frau, die die Kinder kennt": a relative pronoun, then an article
                if word.lower() in relatives and _after_clause_mark(doc.text, m.start()):
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{m.group()!r} after a semicolon or a colon: a demonstrative and a relative "
                        "pronoun, or a slip",
                    )
                    continue  # "ist korrekt; die die es sagen, irren": those who ...
                if (
                    len(word) <= MAX_SHORT_OPENER
                    and (word.lower() not in grammar or _fold(word) in folded_keep)
                    and _opens_sentence_then_lower(doc.text, m)
                ):
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{m.group()!r} opening a sentence: a reduplication or a slip for a neighbouring word",
                    )
                    continue  # "Na na", "Si si installa" (for "Se si"): a short word said twice, or a typo
                if word.lower() in relatives and _opens_sentence_then_lower(doc.text, m):
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{m.group()!r} opening a sentence: a demonstrative and a relative pronoun, or a slip",
                    )
                    continue  # "Die die Stadt verlassen wollten, mussten warten.": those who ...
                before = (
                    _after_antecedent(doc.text, m.start(), prepositions, grammar)
                    if word.lower() in relatives
                    else ""
                )
                if (
                    before == "mark"
                    or before == "noun"
                    and _may_agree(doc.text, m.start(), word.lower(), agreement)
                ):
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{word!r} twice after a preposition: a relative pronoun and an article, or a slip",
                    )
                    continue  # "bei der der Host": the clause's comma may be missing; never removed
                if names.named_as_term(m.start(), word):
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{m.group()!r}: the text names {word!r} as a command or a program; said of "
                        "itself on purpose, or a slip",
                    )
                    continue  # "la commande man" beside "man man": the command's own page
                if (
                    word.lower() in clause_verbs
                    and _next_word(doc.text, m.end()).lower() not in clause_verbs | triggers
                    and _clause_ends_on_verb(doc.text, m.start(), triggers)
                ):  # not inside a cluster of verbs or before the next clause ("kan kan worden", "werd werd toen")
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "doubled.word.unsure",
                        f"{m.group()!r} after a clause that ends on its verb: that verb and the next "
                        "clause's, or a slip",
                    )
                    continue  # "wie als eerste klaar is is de winnaar": two clauses' verbs
                if word.lower() not in grammar and not _plain_slip(m.group(), word, code):
                    continue
                if _name_beside_word(doc.text, m.start(), m.group()):
                    continue  # "fichiers Fichiers", "en Para para": a name (an application, a button) and a word
                yield doc.remove(m.start(2), m.end(2), "doubled.word", f"{word!r} written twice")


#: The word after a position: spaces, then letters.
NEXT_WORD = re.compile(r" *([^\W\d_]*)")
#: Marks that end a clause before a doubled verb: the verb-final clause must be the doubled word's own.
CLAUSE_MARKS = ".!?;:,\n()"
#: How far back (characters) a clause before a doubled verb is read: a text without marks is not one
#: clause, and reading back to its start for every pair was quadratic.
MAX_CLAUSE = 600


#: A quotation mark that may stand between a noun and the name it introduces ("den Befehl »kill«").
NAME_QUOTE = "«»\"“”„‘’'`"
#: How many letters a term noun may take as an ending and still name what follows ("des Befehls").
MAX_NOUN_ENDING = 2


#: A word named right before a closing mark, a quotation mark or the text's end, after a word and a
#: space (and maybe an opening quotation mark): where a term noun names a command ("la commande man)").
TERM_NAMED = re.compile(
    rf"(?<![^\W\d_])(?=([^\W\d_]+) ([{NAME_QUOTE}]?)([^\W\d_]+)(?![\w'’-])(?=\s*[{NAME_QUOTE}).,;:!?]|\s*$))"
)
#: How many characters before a family name its whole writing ("Ursula von der Leyen") is looked for.
NAME_WINDOW = 200
#: A whole word (the runs `_written_without_particle` looks for, indexed once per text).
WHOLE_WORD = re.compile(r"\w+")


class _TextNames:
    """What the doubled-word tests ask of the whole text, computed once per text and looked up per
    pair: the words a term noun names (`named_as_term`), where each word stands, and the family names
    already tested. Why: each of those was a scan of the whole text per pair, quadratic on a long text
    of doubled words (bench/hostile.py `doubled_*`)."""

    def __init__(
        self, text: str, particles: frozenset[str], nouns: frozenset[str], grammar: frozenset[str]
    ) -> None:
        self.text, self.particles, self.nouns, self.grammar = text, particles, nouns, grammar
        self._terms: dict[str, tuple[set[int], set[int]]] | None = None
        self._words: dict[str, list[int]] | None = None
        self._without: dict[str, bool] = {}
        self._whole: dict[tuple[str, ...], set[int]] = {}

    def named_as_term(self, pair: int, word: str) -> bool:
        """Whether the text names `word` elsewhere than before the pair at `pair`, with a noun of
        commands before it (profile `command_nouns`, an ending of `MAX_NOUN_ENDING` letters allowed) and
        the name standing alone: between quotation marks or before a closing mark ("den Befehl »man«",
        "la commande man)"). A command or a program, which a manual may apply to itself ("man man",
        "info info"). Not a name that heads a phrase ("the command line on", "la commande id permet":
        "line line", "id id" are copies), nor after a noun of other identifiers ("the dynamic object
        list,": "list list" is a copy), and a grammatical word only between quotation marks (the
        German pronoun "man")."""
        if self._terms is None:
            self._terms = {}
            for m in TERM_NAMED.finditer(self.text):
                noun = m.group(1).lower()
                if any(noun.startswith(n) and len(noun) - len(n) <= MAX_NOUN_ENDING for n in self.nouns):
                    quoted, bare = self._terms.setdefault(m.group(3).lower(), (set(), set()))
                    (quoted if m.group(2) else bare).add(m.start(3))
        quoted, bare = self._terms.get(word.lower(), (set(), set()))
        return _elsewhere(quoted, pair) or (word.lower() not in self.grammar and _elsewhere(bare, pair))

    def written_without_particle(self, name: str) -> bool:
        """Whether the text writes `name` somewhere not right after a particle ("het Debian-systeem",
        "Gitlab biedt"): a family name made on a particle keeps it ("de Funès", "von der Leyen"), a
        product or a place stands alone too, so its doubled preposition is a copy ("van van Debian")."""
        if name not in self._without:
            self._without[name] = any(
                not before or before[-1].lower() not in self.particles
                for before in (self.text[max(0, i - 12) : i].split() for i in self._starts(name))
            )
        return self._without[name]

    def _starts(self, name: str) -> Iterator[int]:
        """Where `name` stands as a whole word (no word character touching it)."""
        if not WHOLE_WORD.fullmatch(name):
            yield from (m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", self.text))
            return
        if self._words is None:
            self._words = {}
            for m in WHOLE_WORD.finditer(self.text):
                self._words.setdefault(m.group(), []).append(m.start())
        yield from self._words.get(name, ())

    def written_whole(self, words: tuple[str, ...]) -> set[int]:
        """Where the family name `words` (the particle in lower case, more particles, the name) is
        written whole ("Ursula von der Leyen", "Von der Leyen sagte") in a way that tells a name: with
        its particle capitalised, or after any word when the text never writes the name without its
        particle. One scan per name, not per pair."""
        if words not in self._whole:
            first, rest = re.escape(words[0]), r"\s+".join(map(re.escape, words[1:]))
            capital = re.escape(words[0].capitalize())
            whole = re.compile(rf"\b[^\W\d_]{{2,}}\s+{first}\s+{rest}\b|\b{capital}\s+{rest}\b")
            kept = not self.written_without_particle(words[-1])
            # A match ends on the name: read only the stretch before each place the name stands.
            found = {
                f.start()
                for end in (i + len(words[-1]) for i in self._starts(words[-1]))
                for f in whole.finditer(self.text, max(0, end - NAME_WINDOW), end)
            }
            self._whole[words] = {i for i in found if self.text[i].isupper() or kept}
        return self._whole[words]


def _elsewhere(starts: set[int], start: int) -> bool:
    """Whether `starts` holds a place other than `start` (no copy of the set: it may be large)."""
    return len(starts) > 1 or bool(starts) and start not in starts


def _next_word(text: str, end: int) -> str:
    """The word right after `end` (after spaces), or "" when a mark or the text's end comes first."""
    m = NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


def _clause_ends_on_verb(text: str, start: int, triggers: frozenset[str]) -> bool:
    """Whether a word of `triggers` (the profile's `verb_final_triggers`: a subordinator) stands earlier
    in the clause of the doubled verb at `start` (a `clause_final_verbs` of the profile), no mark
    between: the first copy may close that clause on its verb and the second open the main clause with
    its own ("wie als eerste klaar is is de winnaar"; Dutch sets no comma there). Flagged,
    not removed."""
    floor = max(0, start - MAX_CLAUSE)
    begin = max(max(text.rfind(mark, floor, start) for mark in CLAUSE_MARKS) + 1, floor)
    return any(w.lower() in triggers for w in re.findall(r"[^\W\d_]+", text[begin:start]))


def _name_written_whole(text: str, m: re.Match[str], particles: frozenset[str], names: _TextNames) -> bool:
    """Whether the pair `m` ("von von") is a preposition and the particle of a family name: after it come
    more particles in lower case and a capitalised word ("der Leyen"), and the text writes that name
    whole elsewhere, after a capitalised first name ("Ursula von der Leyen", "Charles de Gaulle"), with
    its particle capitalised ("Von der Leyen sagte", "Di Maio"), or after any word when the text never
    writes the name without its particle ("le général de Gaulle"; `_written_without_particle`). Why:
    the particle of a name doubles a preposition spelt like it ("die Rede von von der Leyen", "la
    politique de de Gaulle"); without the name written whole the pair is read as damage, as before
    ("de de Paris" beside "à Paris")."""
    words = [m.group(1).lower()]
    for token in text[m.end() : m.end() + 80].split()[: NAME_PARTICLES_MAX + 1]:
        if token in particles:
            words.append(token)
            continue
        name = token.strip(EDGE_PUNCTUATION)
        if not name[:1].isupper():
            return False
        words.append(name)
        break
    else:
        return False
    return _elsewhere(names.written_whole(tuple(words)), m.start())


def _before_family_name(
    text: str, m: re.Match[str], particles: frozenset[str], code: str, names: _TextNames
) -> bool:
    """Whether the pair `m` ("von von", "de de") stands before a family name made on its particle, the
    name not written whole elsewhere ("die Rede von von der Leyen", "le film de de Funès" alone): after
    the copy come particles in lower case or none, then a capitalised word rarer than places, labels and
    nouns (zipf < `NAME_MAX_ZIPF`: "Funès"; not "Paris" of "de de Paris", whose copy is damage). Where
    nouns take a capital, a noun follows an article ("der der Stadt", "von von der Miete") and a
    compound is as rare as a name, so only more particles and a word under `NOUN_NAME_MAX_ZIPF` tell a
    name there; and a name the text never writes without a particle (`_written_without_particle`).
    The preposition and the particle are both right, or the copy is a slip: flagged, never removed."""
    nouns = resources.profile(code).capitalises_nouns
    for i, token in enumerate(text[m.end() : m.end() + 80].split()[: NAME_PARTICLES_MAX + 1]):
        if token in particles:
            continue
        name = token.strip(EDGE_PUNCTUATION)
        limit = NAME_MAX_ZIPF if not nouns else NOUN_NAME_MAX_ZIPF if i else 0.0
        return (
            name[:1].isupper()
            and name[1:2].islower()
            and name.isalpha()
            and zipf(name, code) < limit
            and not names.written_without_particle(name)
        )
    return False


#: A capitalised word after a doubled particle rarer than this (zipf) is read as a family name ("Funès"
#: 3.0, "Villepin" 3.2, "Bruyne" 3.1); places, and the common words a manual capitalises as labels
#: ("de de Zoom" 3.7, "Níveis" 4.6), are commoner, and so are the best-known names ("Gaulle" 4.2, "Gogh"
#: 3.9: flagged only when the text writes them whole). 4.5 took injected doubled recall on the GIMP
#: manual from 0.901 to 0.893 (labels after "de", "la"); set between the groups, not searched.
NAME_MAX_ZIPF = 3.5
#: Where nouns take a capital, after more particles ("von von der Leyen" 3.7; "von von der Miete" 4.4 is
#: a noun after its article). Right after the copy, never: a noun there is as rare as a name ("von von
#: Staubkörnchen", "der der Vorschaubereich": compounds the lexicon hardly knows).
NOUN_NAME_MAX_ZIPF = 4.0


#: How many particles a family name opens with at most ("van der", "de la").
NAME_PARTICLES_MAX = 2


def _fold(word: str) -> str:
    """`word` in lower case without its accents ("sì" -> "si")."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _plain_slip(match: str, word: str, code: str) -> bool:
    """Whether a doubled word that is not a grammatical word reads as a slip: not a name of capitalised
    copies ("Goo Goo Dolls", "Bora Bora") and a common word of the language (a rare one doubled is
    usually a reduplication or an onomatopoeia: "tuk tuk", "mahi mahi")."""
    copies = match.split(" ")
    if word[0].isupper() and copies[1][0].isupper():
        return False
    return zipf(word, code) >= MIN_SLIP_ZIPF


def _said_as_phrase(text: str, m: re.Match[str]) -> bool:
    """Whether a doubled word stands as a phrase of its own: it opens a sentence capitalised with its
    copy in lower case ("Chop chop", "Bof bof"), a mark of exclamation or a closing bracket follows the
    copy ("go go!", "(C plus plus)"), or marks open and close the pair ("said: hurry hurry, then"). Said
    so, a content word doubled is an interjection or emphasis as often as a copy left by damage, which
    lands inside a phrase ("un progetto di dati dati, ma"); a grammatical word there ("The the crowd")
    is still a slip. A copy at a paragraph's end, or before a stop that goes on ("emergency.target"),
    closes no phrase."""
    if m.group(1)[:1].isupper() and m.group(2)[1:2].islower() and _opens_sentence(text, m.start()):
        return True
    after = text[m.end() : m.end() + 2]
    if after[:1] in EXCLAMATION_END:
        return True
    if after[:1] not in PHRASE_END or after[1:2].isalnum():
        return False
    before = text[max(0, m.start() - 2) : m.start()].rstrip()
    return before == "" or before[-1] in PHRASE_START or _opens_sentence(text, m.start())


def _opens_sentence_then_lower(text: str, m: re.Match[str]) -> bool:
    """Whether a doubled word opens a sentence capitalised and its copy follows in lower case ("Die
    die Stadt verlassen wollten, mussten warten": a demonstrative, then a relative pronoun, which is
    grammar as often as a slip; "Die Die" is a slip)."""
    copy = m.group(2)
    if not (m.group(1)[:1].isupper() and copy[1:2].islower()):
        return False
    return _opens_sentence(text, m.start())


def _opens_sentence(text: str, start: int) -> bool:
    """Whether text[start:] opens a sentence: at a line's start or after a stop, a colon or a bullet,
    opening quotes and brackets aside."""
    before = text[max(0, start - 4) : start].rstrip(" \t\"'“„«»(")
    return before == "" or before.endswith((".", "!", "?", "\n", ":", "\u2022"))


def _clause_start(text: str, start: int, grammar: frozenset[str]) -> bool:
    """Whether text[start:] begins a relative clause: right after a comma, or after a comma and a
    grammatical word (a preposition: ", in der der")."""
    before = text[max(0, start - 40) : start].rstrip()
    if before.endswith(","):
        return True
    words = before.split()
    return len(words) >= 2 and words[-1].lower() in grammar and words[-2].endswith(",")


#: Marks that open a clause which may start with a demonstrative and its relative ("; die die es
#: sagen"), like a sentence's start: there the pair is flagged, not removed.
CLAUSE_OPENING_MARKS = (";", ":")


def _after_clause_mark(text: str, start: int) -> bool:
    """Whether text[start:] comes right after a semicolon or a colon (`CLAUSE_OPENING_MARKS`), opening
    quotes aside: a clause starts there as at a sentence's start ("korrekt; die die es sagen, irren")."""
    return text[max(0, start - 4) : start].rstrip(" \t\"'“„«»(").endswith(CLAUSE_OPENING_MARKS)


def _after_comparative(text: str, start: int, comparatives: frozenset[str], grammar: frozenset[str]) -> bool:
    """Whether a word of `comparatives`, or a lower-case word with a comparative ending of it (a row
    "-er": "größer"; not a grammatical word: "aber", "oder"), stands earlier in the clause of the pair at
    `start`, no mark between ("mehr Geld als als Kind": the comparison's particle, then a role's)."""
    floor = max(0, start - MAX_CLAUSE)
    begin = max(max(text.rfind(mark, floor, start) for mark in CLAUSE_MARKS) + 1, floor)
    endings = tuple(c[1:] for c in comparatives if c.startswith("-"))
    for word in re.findall(r"[^\W\d_]+", text[begin:start]):
        lower = word.lower()
        if lower in comparatives:
            return True
        if word.islower() and lower not in grammar and lower.endswith(endings) and endings:
            return True
    return False


#: A preposition before the doubled word, and what comes before it: a word, or a mark opening a clause.
PREPOSITION_BEFORE = re.compile(r"(?:([^\W\d_][\w-]*) |([,(\u2013\u2014]) ?)([^\W\d_]+) $")


def _after_antecedent(text: str, start: int, prepositions: frozenset[str], grammar: frozenset[str]) -> str:
    """What a relative clause would follow when text[start:] comes right after a preposition that opens
    one (`prepositions`): "mark" after a mark that opens a clause ("(in dem dem", ", bei der der"),
    "noun" after a capitalised word that is no grammatical word (its antecedent, a German noun:
    "Konfiguration bei der der Host"; not "Sie mit dem dem"), else "" (after a verb the preposition
    governs the words that follow: "kam mit der der Bahn", a slip)."""
    found = PREPOSITION_BEFORE.search(text, max(0, start - 60), start)
    if found is None or found.group(3).lower() not in prepositions:
        return ""
    if found.group(2) is not None:
        return "mark"
    before = found.group(1)
    return "noun" if before[0].isupper() and before.lower() not in grammar else ""


#: Up to three words before a preposition: the antecedent noun and the determiner before it ("die neue
#: Konfiguration bei").
WORDS_BEFORE_PREPOSITION = re.compile(r"((?:[^\W\d_][\w-]* ){1,3})[^\W\d_]+ $")


def _may_agree(text: str, start: int, relative: str, agreement: dict[tuple[str, str], set[str]]) -> bool:
    """Whether the relative doubled at `start` can agree with the determiner of the antecedent before
    its preposition (`relative_agreement.tsv`: "die Konfiguration bei der der": f and f). True when the
    language has no table; False when the determiner rules the relative out ("im Zusammenhang bei der
    der": m or n against f, a slip) or no determiner shows the antecedent ("Sie kopieren Dateien zu dem
    dem": nothing to agree with, the copy is taken for a slip as before)."""
    genders = agreement.get(("relative", relative))
    if not genders:
        return True
    found = WORDS_BEFORE_PREPOSITION.search(text, max(0, start - 80), start)
    if found is None:
        return False
    for word in reversed(found.group(1).split()[:-1]):  # the words before the antecedent, nearest first
        shown = agreement.get(("article", word.lower()))
        if shown is not None:
            return bool(shown & genders)
    return False


def _name_beside_word(text: str, start: int, match: str) -> bool:
    """Copies in different case: a name beside the word it is made of ("le gestionnaire de fichiers
    Fichiers", "clique em Para para escolher"), or two capitalised copies inside a sentence (a button
    named like its word: "pulse en Para Para elegir"), unless the capital is a sentence's first word
    ("The the crowd", "The The crowd": the capital at the start of a line or after a full stop is the
    sentence's)."""
    first, second = match.split(" ")[:2]
    if first == second and not first[0].isupper():
        return False
    if first != second and second[0].isupper():
        return True
    return not _opens_sentence(text, start)


def _doubled_candidates(words: list[str]) -> set[str] | None:
    """The words (case-folded) that follow themselves in the run of words: what the pattern may find.
    Joined, folded, split again and compared pairwise in C; a Python loop only over the pairs found.
    (None would mean "unknown: scan every line"; the gate tests use it.)"""
    folded = " ".join(words).casefold().split(" ")
    return set(compress(folded, map(operator.eq, folded, folded[1:])))
