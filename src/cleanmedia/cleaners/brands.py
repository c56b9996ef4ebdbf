"""Brand and entity casing by consensus: "Openai" and "ChatGpt" become the document's "OpenAI", "ChatGPT".

Evidence, strongest first:
- a glossary of canonical names the user gives (or learnt over a batch with `BrandCase.fit`);
- the document itself: among the spellings of one name, the one with inner capitals wins (never an
  ALL-CAPS headline form; all-lowercase forms such as URLs and handles are left alone).
Then two repairs that need more care, each made only when the evidence is unambiguous:
- a variant one letter off ("Gitub" beside "GitHub") that is unknown to the lexicons, close to exactly one
  canonical name;
- a reordered translated form ("Copilote GitHub") when the document also has "GitHub Copilot".
Two spellings written side by side ("Mailchimp, not MailChimp") are the text's subject: flagged
(`brand.casing.unsure`), not made one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import filterfalse

import regex

from cleanmedia import encoding, resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import LETTER_RUN, DocumentView, Edit
from cleanmedia.lang import is_common_word, lexicon, zipf
from cleanmedia.lang import key as lang_key
from cleanmedia.text import occurrences, word_positions

#: The parts of a name with inner capitals: capitalised runs, and runs of capitals ("Plak", "Toetsen").
INNER_PARTS = regex.compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})")
INNER_CAPITAL = regex.compile(r"^\p{L}+\p{Ll}\p{Lu}|^\p{Lu}{2,}\p{Ll}|^\p{Ll}+\p{Lu}")


def has_inner_capital(word: str) -> bool:
    """OpenAI, ChatGPT, iPhone, SoftBank: a capital after a lowercase letter, not all caps."""
    if word.islower() or word.isupper() or word.istitle():  # string methods first: this runs on every word
        return False
    return bool(INNER_CAPITAL.match(word)) and word.isalpha()


def initial_highlighted(word: str) -> bool:
    """Whether the one inner capital of `word` is its last letter, after a head that is no word
    ("LinuX" of "LinuX Containers", spelling out "LXC"): an initial picked out in an expansion, not the
    name's spelling, which no other copy of the name should take. A head that is a word makes a name
    of a word and a letter ("SpaceX"). Words of five letters or more; the head is looked up in the
    English lexicon, where names of this shape are made."""
    return (
        len(word) >= 5
        and word[-1].isupper()
        and word[1:-1].islower()
        and zipf(word[:-1], resources.FALLBACK_LANGUAGE) == 0
    )


def one_edit_apart(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or substituted letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def consensus_applies(word: str, canonical: str, code: str, majority: bool = False) -> bool:
    """Whether the document's inner-capital spelling `canonical` may replace `word`. Not when they
    differ in the first letter alone (a sentence start's capital: "LeanFIRE" beside "leanFIRE"), not when
    the canonical's one inner capital is its second letter and `word` is in title case (a held shift key
    makes "XBox" of "Xbox" more often than the reverse; `majority`: the document writes `canonical` more
    often than `word`, as "IPsec" beside one "Ipsec"), and never when `word` is a common word of the
    language or of the language it borrows from (a German noun "Bergwandern" beside a shop called
    "BergWandern", "Package" beside a playful "PacKaGe" in French: `lang.is_common_word`)."""
    if word[1:] == canonical[1:]:
        return False
    if canonical[:-1].isupper() and canonical[-1] == "s":
        return True  # an acronym's plural ("DVDs", "PCs"): "Dvds" is no spelling of anything
    if (
        word.istitle()
        and canonical[1].isupper()
        and len(canonical) > 3
        and canonical[2:].islower()
        and not majority
    ):
        return False  # unless the document writes the name so more often than not ("IPsec" thrice, "Ipsec")
    loans = resources.profile(code).loanwords_from
    if loans and is_common_word(word, loans):
        return False  # a common word of the borrowed language ("Package" in French beside "PacKaGe")
    return not is_common_word(word, code) and not native_compound(canonical, code)


#: How many times the document must write a name with its second letter capitalised ("KPaint") for
#: that spelling to win over a title-case form the lexicons do not know ("Kpaint"), whatever their counts.
MIN_NAME_COPIES = 2


def _outweighs(word: str, canonical: str, words: Counter[str], code: str) -> bool:
    """Whether the document's evidence for `canonical` outweighs `word` (`consensus_applies`'s
    `majority`): it writes `canonical` more often, or at least `MIN_NAME_COPIES` times while `word` is
    no word of the language or of English ("Kpaint" beside two "KPaint"; "Xbox", a word the lexicons know,
    beside one "XBox" stays)."""
    if words[canonical] > words[word]:
        return True
    return (
        words[canonical] >= MIN_NAME_COPIES
        and zipf(word, code) == 0
        and zipf(word, resources.FALLBACK_LANGUAGE) == 0
    )


#: Two spellings of a name side by side: at most this many words between them, and a mark right after
#: the first or right before the second that sets one apart from the other: a bracket, a quote or a
#: slash ("LinkedIn (formerly Linkedin)", "\"Youtube\" / \"YouTube\""), or a comma, a colon or a dash
#: followed by words in lower case ("Mailchimp, not MailChimp"; not a list, "Writer, Libreoffice Calc").
CONTRAST_WORDS = 3
CONTRAST_MARKS = frozenset('()[]/"\u00ab\u00bb\u201c\u201d\u201e')
CLAUSE_MARKS = frozenset(",;:\u2013\u2014")


def contrasted(text: str, word: str, canonical: str) -> bool:
    """Whether the text writes `word` and `canonical` side by side on one line, a mark touching one of
    them setting them apart (`CONTRAST_WORDS`, `CONTRAST_MARKS`, `CLAUSE_MARKS`: "Mailchimp, not
    MailChimp"; not "IPsec is fast, the Ipsec service", where the comma ends a clause): the difference
    is the text's subject, written on purpose, so no copy takes the other's spelling (each is flagged).
    Damage loses an inner capital here and there, not right beside the name written right with a
    bracket or a "not" between; a plain run of words ("Openai et OpenAI") or a list shows no intent."""
    places = sorted(
        [(p, p + len(word), True) for p in occurrences(text, word, "-")]
        + [(p, p + len(canonical), False) for p in occurrences(text, canonical, "-")]
    )
    for (_, end, own), (b, _, other) in zip(places, places[1:], strict=False):
        gap = text[end:b].strip()
        between = [w for w in regex.split(r"[^\p{L}]+", gap) if w]
        if own == other or "\n" in gap or len(between) > CONTRAST_WORDS:
            continue
        edges = gap[:1] + gap[-1:]
        if not CONTRAST_MARKS.isdisjoint(edges):
            return True
        if gap[:1] in CLAUSE_MARKS and between and all(w.islower() for w in between):
            return True
    return False


#: Capitalised words after a name that make it the head of a longer name ("HyperText Markup Language").
EXPANSION_AFTER = regex.compile(r"(?: \p{Lu}\p{Ll}+){2,3}")


def in_expansions_only(text: str, canonical: str, words: Counter[str]) -> bool:
    """Whether `canonical` stands only as the first word of longer capitalised names whose initials,
    its own capitals first, spell an acronym the document writes ("HyperText Markup Language" beside
    "HTML"): its inner capital styles the expansion, as "LinuX Containers" does, and says nothing of the
    word written alone ("Hypertext" in "(Hypertext-Übertragungsprotokoll)")."""
    found = [EXPANSION_AFTER.match(text, p + len(canonical)) for p in occurrences(text, canonical, "-")]
    capitals = "".join(c for c in canonical if c.isupper())
    for m in found:
        if m is None:
            return False
        initials = capitals + "".join(w[0] for w in m.group().split())
        if not any(words[initials[:n]] for n in range(len(capitals) + 2, len(initials) + 1)):
            return False
    return bool(found)


def surname_prefixes() -> frozenset[str]:
    """The surname prefixes of every article language (profile `surname_prefixes`, lower case): a
    name's origin is not the document's language ("DiCaprio" in English text)."""
    return _SURNAME_PREFIXES


def prefixed_surname(name: str) -> int:
    """The length of the surname prefix `name` is made on ("MacDonald" 3, "DiCaprio" 2), 0 when none:
    a prefix of `surname_prefixes` in title case, then one capitalised word ("LaTeX" is no surname:
    "eX" is not lower case)."""
    lower = name.lower()
    for prefix in surname_prefixes():
        n = len(prefix)
        if (
            lower.startswith(prefix)
            and len(name) >= n + 3
            and name[:n] == prefix.capitalize()
            and name[n].isupper()
            and name[n + 1 :].islower()
        ):
            return n
    return 0


def surname_variant(word: str, canonical: str) -> bool:
    """Whether `word` is `canonical` without the one capital that follows a surname prefix ("Macdonald"
    and "MacDonald", "Dicaprio" and "DiCaprio"): two families spell the name so."""
    n = prefixed_surname(canonical)
    return n > 0 and word == canonical[:n] + canonical[n:].lower()


#: A capitalised word or an initial, then one space, at the end of a stretch: a given name before a surname.
GIVEN_BEFORE = regex.compile(r"(?<![\p{L}\-])(\p{Lu}\p{L}*)\.? $")


def given_names(text: str, name: str, code: str) -> set[str]:
    """The capitalised words or initials written right before `name` ("Ramsay" of "Ramsay MacDonald",
    "A" of "John A. Macdonald"), without stop words, abbreviations (titles: "The", "Mr.") and common
    words of the language (`lang.is_common_word`: "Later", "Senator"; given names travel)."""
    skip = resources.stopwords(code) | resources.abbreviations(code)
    found = set()
    for pos in occurrences(text, name, "-"):
        m = GIVEN_BEFORE.search(text, max(0, pos - 30), pos)
        if m is None:
            continue
        given = m.group(1)
        if m.group(0).endswith(". ") and len(given) == 1:
            found.add(given)  # an initial, even where it spells a stop word ("A.")
        elif given.lower() not in skip and not is_common_word(given, code):
            found.add(given)  # not a sentence's first word ("Later Mchugh"), a title or a role
    return found


def two_people(text: str, word: str, canonical: str, code: str) -> bool:
    """Whether `word` and `canonical`, two spellings of a surname made on a prefix (`surname_variant`),
    name two people: each stands after a given name and no given name stands before both ("Ramsay
    MacDonald", "Sir John A. Macdonald"). Without that evidence a lone "Mchugh" beside "Patrick McHugh"
    is a slip and takes the document's spelling."""
    if not surname_variant(word, canonical):
        return False
    own, other = given_names(text, word, code), given_names(text, canonical, code)
    return bool(own and other) and own.isdisjoint(other)


def own_tail_alone(word: str, canonical: str, words: Counter[str]) -> bool:
    """Whether the document writes, standing alone, a tail of `word` from one of its capitals on that
    the canonical spelling writes in another case: "TeX" beside "LaTeX" and "LaTEX" shows that "LaTeX"
    is spelt as meant, while "ChatGpt" beside "ChatGPT" and "GPT" has no such tail. `words`: the
    document's word counts."""
    return any(
        word[i].isupper() and len(word) - i >= 2 and words[word[i:]] > 0 and word[i:] != canonical[i:]
        for i in range(1, len(word))
    )


def native_compound(canonical: str, code: str, min_zipf: float = 2.5) -> bool:
    """Whether `canonical` ("PlakToetsen", "BergWandern") is a compound of the language written with an
    inner capital for style: the language writes compounds as one word (its profile), and every part is
    a word of it, more at home there than in the language it borrows from ("You" and "Tube" of YouTube
    are English, so a German "Youtube" is still repaired). Off for a language without a loan language."""
    found = resources.profile(code)
    loans = found.loanwords_from
    if not (found.closed_compounds and loans):
        return False
    parts = INNER_PARTS.findall(canonical)
    return (
        len(parts) > 1
        and all(p[1:].islower() for p in parts)  # a run of capitals ("SE" of "SELinux") is an acronym
        and all(zipf(p, code) >= min_zipf and zipf(p, code) > zipf(p, loans) for p in parts)
    )


class BrandCase(Cleaner):
    """Spells each name the way the document (or the glossary) spells it with inner capitals."""

    name = "brand_case"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("brand.",)

    def __init__(
        self, glossary: Iterable[str] = (), *, near_variants: bool = True, reorder: bool = True
    ) -> None:
        self.glossary = {name.lower(): name for name in glossary}
        self.near_variants = near_variants
        self.reorder = reorder

    @classmethod
    def fit(cls, texts: Iterable[str], min_count: int = 2, **options: bool) -> BrandCase:
        """Learn canonical names over a batch: each inner-capital spelling seen `min_count` times or more."""
        seen: Counter[str] = Counter()
        for text in texts:
            seen.update(w for w in LETTER_RUN.findall(text) if has_inner_capital(w))
        best: dict[str, tuple[int, str]] = {}
        for word, count in seen.items():
            key = word.lower()
            if count >= min_count and (key not in best or count > best[key][0]):
                best[key] = (count, word)
        return cls((w for _, w in best.values()), **options)

    def canonical_names(self, words: Counter[str], mixed_case: Iterable[str] | None = None) -> dict[str, str]:
        """Lower-case name -> its spelling with inner capitals (the most frequent; the glossary's first).
        `mixed_case`: the words that are neither lower, upper nor title case, when already known."""
        counts = {
            w: words[w]
            for w in (words if mixed_case is None else mixed_case)
            if has_inner_capital(w) and not initial_highlighted(w)
        }
        names: dict[str, str] = {}
        for word, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            names.setdefault(word.lower(), word)
        names.update(self.glossary)
        return names

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        text = doc.text
        words = doc.words()
        names = self.canonical_names(words, doc.mixed_case())
        if not names:
            return
        code = doc.lang or resources.FALLBACK_LANGUAGE
        taken: list[tuple[int, int]] = []
        if self.reorder:
            positions = word_positions(text, set(names.values()), joiners="-")
            followers = _followers(text, positions)
            for start, end, first, second in _after_capitalised_word(text, positions):
                fix = self._reordered(first, second, followers, names)
                if fix and not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    yield doc.change(start, end, fix, "brand.reordered", "translated name in source order")
        fixes: dict[str, tuple[str, str, str]] = {}
        for word in (w for w in words if w[0].isupper()):
            canonical = names.get(word.lower())
            if (
                canonical is not None
                and word != canonical
                and not word.isupper()
                and (
                    self.glossary.get(word.lower()) == canonical
                    or (
                        consensus_applies(word, canonical, code, _outweighs(word, canonical, words, code))
                        and not own_tail_alone(word, canonical, words)
                        and not in_expansions_only(text, canonical, words)
                        and not two_people(text, word, canonical, code)
                    )
                )
            ):
                if contrasted(text, word, canonical):
                    fixes[word] = (
                        canonical,
                        "brand.casing.unsure",
                        f"written beside {canonical}: on purpose?",
                    )
                else:
                    fixes[word] = (canonical, "brand.casing", f"spelt {canonical} elsewhere")
        if self.near_variants:
            near = _DeletionIndex({k: v for k, v in names.items() if 5 <= len(k) <= MAX_NAME})
            known, english = lexicon(code), lexicon(resources.FALLBACK_LANGUAGE)
            for word in filterfalse(str.islower, words):  # in C: most words are lower case
                key = lang_key(word)
                if (
                    5 <= len(word) <= MAX_NAME + 1  # longer words are two edits off any name
                    and word[0].isupper()
                    and word[1:].islower()
                    and word.lower() not in names
                    and key not in known
                    and key not in english
                ):
                    fix = self._near(word, near)
                    if (
                        fix
                        and fix[1:].lower() != word.lower()  # "Memgrind" beside "KMemgrind": a name
                        # made on it with a letter in front, not a slip
                        and fix[0].isupper()
                        and (fix.isascii() or not encoding.suspect(fix))
                        and not prefixed_surname(fix)  # "Mcdonald" is no slip for "MacDonald"
                    ):
                        # a capitalised word takes a capitalised name's spelling; "gęślÄ", left of
                        # unrepaired mojibake ("gÄ™Å›lÄ…"), is no name to copy
                        fixes[word] = (fix, "brand.variant", f"one letter off {fix}, unknown word")
        if not fixes:
            return
        for start, word in word_positions(text, fixes, joiners="", digits_after=True):
            if not any(s < start + len(word) and start < e for s, e in taken):
                after, reason, detail = fixes[word]
                if reason.endswith(".unsure"):
                    yield doc.mark(start, start + len(word), reason, f"{detail} (would be {after!r})")
                else:
                    yield doc.change(start, start + len(word), after, reason, detail)

    @staticmethod
    def _near(word: str, names: _DeletionIndex) -> str | None:
        key = word.lower()
        matches = {v for k, v in names.candidates(key) if one_edit_apart(key, k)}
        return matches.pop() if len(matches) == 1 else None

    @staticmethod
    def _reordered(
        first: str, second: str, followers: dict[str, set[str]], names: dict[str, str]
    ) -> str | None:
        """ "Copilote GitHub" -> "GitHub Copilot" when the document has that pair, one letter off."""
        if not has_inner_capital(second) or names.get(second.lower()) != second:
            return None
        found = followers.get(second, set())
        close = {
            w
            for w in found
            if w != first
            and (one_edit_apart(w.lower(), first.lower()) or first.lower().startswith(w.lower()))
        }
        return f"{second} {close.pop()}" if len(close) == 1 else None


_SURNAME_PREFIXES = frozenset(
    p.lower() for c in resources.LANGUAGES for p in resources.profile(c).surname_prefixes
)

#: A capitalised word at the end of a stretch of text, then one space ("... the Pilote ").
WORD_BEFORE = regex.compile(r"(?<![\p{L}\-])(\p{Lu}\p{Ll}+) $")


#: A space and a capitalised word after a name ("GitHub Copilot").
WORD_AFTER = regex.compile(r" (\p{Lu}\p{Ll}+)(?![\p{L}])")
#: Names longer than this (in letters) have no near variants: no brand is that long, and the deletion
#: index of a word costs the square of its length.
MAX_NAME = 40


def _after_capitalised_word(text: str, positions: list[tuple[int, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, word, name) wherever a name follows a capitalised word and a space, in text order
    (`positions`: where each name stands, from `word_positions`)."""
    found = []
    for pos, name in positions:
        m = WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if m:
            found.append((m.start(), pos + len(name), m.group(1), name))
    return sorted(found, key=lambda f: (f[0], -f[1]))


def _followers(text: str, positions: list[tuple[int, str]]) -> dict[str, set[str]]:
    """name -> the capitalised words that follow it after a space somewhere in the text."""
    followers: dict[str, set[str]] = {}
    for pos, name in positions:
        m = WORD_AFTER.match(text, pos + len(name))
        if m:
            followers.setdefault(name, set()).add(m.group(1))
    return followers


class _DeletionIndex:
    """Names by their one-letter deletions: two words one edit apart share a key (the word itself or
    one of its deletions), so a word meets only the names that may be one edit off it, not every name
    (binary decoded as text has thousands of "names", and as many unknown words)."""

    def __init__(self, names: dict[str, str]) -> None:
        self.by_key: dict[str, list[tuple[str, str]]] = {}
        for key, name in names.items():
            for variant in _deletions(key):
                self.by_key.setdefault(variant, []).append((key, name))

    def candidates(self, word: str) -> set[tuple[str, str]]:
        return {pair for variant in _deletions(word) for pair in self.by_key.get(variant, ())}


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}
