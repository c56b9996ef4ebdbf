"""Glued words: two words that lost the space between them in extraction or translation.

Three shapes, each split only on evidence:
- a case change inside a token ("hierLe", "AppleSamsung"): split when both parts are words of the
  document's language or stand alone elsewhere in the document, and the whole token is neither a known
  word nor seen alone (OpenAI, iPhone, DeepMind, McDonald stay whole). A token that starts with a capital
  is split only when one part also stands alone in the document (DataRobot stays). When the right part
  is a function word, the lost sentence break is restored ("hier. Le"); when the left part is
  one, the right part's capital was the glue's and goes (French elides: "leAccord" -> "l'accord").
- no case cue ("pourrapport", "dansla"): only in languages without closed compounds, when the whole is
  unknown and both parts are common words. German, Dutch and Scandinavian compounds are never split.
- an elided article glued to the word before ("voicil'accord" -> "voici l'accord"), in French and Italian.

Where the full stop goes back ("gesagtDann" -> "gesagt. Dann"): see `_split_cased` and docs/cleaners.md
(German nouns after a word that can end a sentence, verbs opening one before "Sie", stranded English
prepositions, acronyms and names before a sentence's first word). Code and data are never split
(`_code_words`, `_written_as_is`; the chain also spares lines of code from every word-level step), nor
at a head that is no word (`_no_word_head`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

import regex

from cleanmedia import lang, resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import LETTER_RUN, DocumentView, Edit, Shared
from cleanmedia.lang import is_common_word, lexicon, zipf
from cleanmedia.lang import key as lexicon_key
from cleanmedia.text import CODE_LINES, CODE_WORDS, occurrences, word_positions

#: Prefixes that never start a split ("metainformación", "superutente"): shared by every language.
PREFIXES = frozenset(resources.common("prefixes.txt"))
IDENTIFIER_TAILS = frozenset(resources.common("identifier_tails.txt"))
IDENTIFIER_HEADS = frozenset(resources.common("identifier_heads.txt"))
#: A word with an apostrophe inside and two letters or more before it: where an elided article may be glued.
ELIDED_TOKEN = re.compile(r"[^\W\d_]{2,}['\u2019][^\W\d_]+")
CASE_CUE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
#: A menu path's step mark after a word ("Edit → Paste", "File > Print"): the word is a menu's label.
MENU_PATH = re.compile(r" ?(?:\u2192|->|>|\u25b8|\u203a) ?\w")
#: A label of up to two more words in lower case before a menu path's step mark ("opdrachtProgramma
#: starten → Starten"); a capitalised word there is the path's first step ("iconsUse Edit → Preferences":
#: a sentence that starts "Use").
LABEL_WORDS = regex.compile(r"(?: \p{Ll}+){0,2}")
#: A word glued to the elided form after it ("voicil'accord"): the elided forms of every eliding language.
ELIDED_GLUE = regex.compile(
    r"^(\p{L}+?)("
    + "|".join(sorted(resources.union("elided_forms.txt"), key=lambda f: (-len(f), f)))
    + r")(['\u2019])(\p{L}+)$"
)
#: A function call written in prose ("fetch()", "clone()"): the document talks about code.
#: Entries of each per-token cache of the split tests (`split_uncased`, `_best_cut`, `_letter_lost`).
#: At 65,536 they held ~10-12 MB each once full (tracemalloc of 65,536 tokens of 6-14 letters), and a
#: real corpus, whose unknown tokens never stop coming, fills them: ~35 MB more in every worker late in
#: a long run. The bench corpus (its 1,800 texts and pages over and over) holds 8,500 after 10,000
#: documents, so 16,384 keeps every hit there; a token repeated within a document is a hit whatever the
#: size. The functions are pure: the size changes the time, never an output.
TOKEN_CACHE = 16384
CODE_CALL = re.compile(r"[a-z]\w*\(\)")
#: A stop, question or exclamation mark and a space before a token: the token opens a sentence.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u00bb)]?\s$")
#: What may stand between a call's opening bracket and one of its arguments, and how far back to look.
CALL_ARGUMENTS = re.compile(r"[\w ,\"']*")
MAX_CALL_SPAN = 80
#: Characters either side of a token that make its context (`_echoed`): about two words.
ECHO_SPAN = 12
VOWEL = "aeiouyàâäéèêëîïôöùûü"
#: Characters that touch an identifier in code and never a word of prose: "data.itemCount", "$el",
#: "#main", "@user", "a_b", "x=y", "/path", "browserAction/pageAction" (a capitalised token after a full
#: stop is a sentence glued to the one before: "media.VoiceMake").
CODE_BEFORE = frozenset("._$#@/\\=`")
CODE_AFTER = frozenset("(_=[/`")


class GluedWords(Cleaner):
    """Splits glued words (see the module docstring for the evidence each split needs)."""

    name = "glued_words"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("glue.",)

    def __init__(
        self,
        min_part_zipf: float = 2.5,
        min_uncued_zipf: float = 4.5,
        max_uncued_whole_zipf: float = 3.0,
        min_starter_zipf: float = 5.0,
        min_capital_zipf: float = 3.5,
        min_beside_grammar_zipf: float = 3.0,
    ) -> None:
        self.min_beside_grammar_zipf = min_beside_grammar_zipf
        self.min_capital_zipf = min_capital_zipf
        self.min_part_zipf = min_part_zipf
        self.min_uncued_zipf = min_uncued_zipf
        self.max_uncued_whole_zipf = max_uncued_whole_zipf
        self.min_starter_zipf = min_starter_zipf

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        code = doc.lang
        profile = resources.profile(code)
        if not profile.known or code is None:
            return
        text = doc.text
        words = doc.words()
        candidates = {w for w in doc.mixed_case() if CASE_CUE.search(w)}
        if "()" in text and CODE_CALL.search(text):
            # the document shows code ("fetch()"): its camelCase words are identifiers ("statusText")
            candidates = {w for w in candidates if not w[0].islower()}
        candidates -= _code_words(text, candidates, doc.cached(CODE_LINES))
        candidates -= _written_as_is(text, candidates)
        candidates -= {t for t in candidates if _identifier_head(t, code) and not _per_unit(text, t)}
        candidates -= _inside_longer_word(text, candidates)
        if profile.elides and ("'" in text or "\u2019" in text):
            candidates.update(_elided_tokens(text))
        # Lower-case words that are unknown or rare: a set difference in C (set.difference walks the
        # smaller side; `keys() - big_set` would walk the whole lexicon), then a loop over the few left.
        common = lang.common_words(code, self.max_uncued_whole_zipf)
        candidates.update(w for w in set(filter(str.islower, words)).difference(common) if 3 <= len(w) <= 24)
        in_code: frozenset[str] = doc.cached(CODE_WORDS)
        candidates -= in_code  # "ro,nodev,noexec", "fromdos(1)": identifiers written as code
        if not candidates:
            return
        apostrophe = doc.cached(APOSTROPHE_STYLE)
        in_names = frozenset(
            t for t in candidates if CASE_CUE.search(t) and _followed_by(text, t, str.isupper)
        )
        in_prose = frozenset(
            t for t in candidates if CASE_CUE.search(t) and _followed_by(text, t, str.islower)
        )
        labels = (
            frozenset(
                t for t in candidates if t[0].islower() and CASE_CUE.search(t) and _label_after(text, t, code)
            )
            if not profile.capitalises_nouns
            else frozenset()
        )  # "a teclaSuper", "deSuper-toets": a label glued, no sentence break
        pronouns = frozenset(profile.verb_first_pronouns)
        verb_first = frozenset(
            t for t in candidates if pronouns and CASE_CUE.search(t) and _followed_by_word(text, t, pronouns)
        )  # "AnmeldebildschirmGeben Sie": a verb opening a sentence
        triggers = frozenset(profile.verb_final_triggers)
        bracket = frozenset(
            t
            for t in candidates
            if triggers and t[0].islower() and CASE_CUE.search(t) and _after_trigger(text, t, triggers)
        )  # "wurde im Hintergrund aktualisiertBenutzer": the verb that closes the clause
        verbs = frozenset(profile.subject_verbs)
        links = profile.words("function_words.txt")
        goes_on = frozenset(
            t
            for t in candidates
            if verbs and t[0].islower() and _verb_goes_on(text, t, verbs, profile.stopwords, links)
        )  # "the planWas approved": a verb that follows its subject and the sentence goes on
        terms = _Terms(text, candidates, doc.mixed_case(), words, code, self.min_part_zipf)
        echoes = frozenset(
            t
            for t in candidates
            if words[t] > 1 and t[0].islower() and CASE_CUE.search(t) and _echoed(text, t)
        )  # a capitalised one written twice the same way is a name ("the PageView of"), not glue
        # A split makes its parts stand alone, which is evidence for other splits: iterate to a fixed
        # point so that cleaning the output again finds nothing more to split.
        alone: Counter[str] = words
        fixes: dict[str, tuple[str, str, str] | None] = {}
        for _ in range(4):
            split = {
                t: terms.keep(
                    t,
                    self._split(
                        t,
                        code,
                        alone,
                        apostrophe,
                        in_names,
                        in_prose,
                        verb_first,
                        bracket,
                        goes_on,
                        labels,
                        echoes,
                    ),
                )
                for t in candidates
            }
            if split == fixes:
                break
            fixes = split
            parts = Counter(w for fix in fixes.values() if fix for w in LETTER_RUN.findall(fix[0]))
            if not parts:
                break
            alone = words.copy()
            alone.update(parts)
        found = {t: fix for t, fix in fixes.items() if fix is not None}
        if not found:
            return
        cased = {t for t in found if CASE_CUE.search(t)}
        spots = word_positions(text, cased, "") + word_positions(text, set(found) - cased)
        for start, token in sorted(
            spots
        ):  # "controlIt’s", "Debian-SystemWenn": a case-cued token may touch punctuation
            after, reason, detail = found[token]
            yield doc.change(start, start + len(token), after, reason, detail)

    def _starter(self, word: str, code: str) -> bool:
        """A word that often starts a sentence: an opener (`_opener`) or a very frequent word."""
        return _opener(word, code) or zipf(word, code) >= self.min_starter_zipf

    def _known(self, word: str, code: str, minimum: float) -> bool:
        loans = resources.profile(code).loanwords_from
        return max(zipf(word, code), zipf(word, loans) if loans else 0.0) >= minimum

    def _whole_known(self, token: str, left: str, right: str, code: str) -> bool:
        """Whether the whole token is a word of its own (OpenAI, iPhone, DeepMind): known to the lexicon
        (or to the loan language's) and not far rarer than its rarer part. Two frequent words glued leave
        traces in any web lexicon ("youto" 1.2, "marketin" 1.2 against "you", "market" at 5-7): a whole
        `MIN_GLUE_GAP` or more below its rarer part is such a trace, not a name; `MIN_CASED_GLUE_GAP`
        when the token starts in lower case with a head of three letters or more ("marketIn", "faceIt"),
        where the capital inside is itself a sign of glue, and in languages that capitalise nouns, where
        a word's ending never takes a capital ("ProblemEs" is no "Problemes"; the gender forms
        "StudentIn", "LehrerInnen" are within 1.3 of their parts and stay), when the head is a word of
        the language rather than of the one it borrows from ("RedHat" is an English-made name)."""
        found = resources.profile(code)
        if found.capitalises_nouns and token[0].islower() and len(left) >= 3:
            return False  # "benötigtEs" is no "benötigtes": a lower-case word there has no capital inside
        if (
            token[0].islower()
            and len(left) >= 3
            and len(right) >= 2
            and right[1:].islower()
            and found.loanwords_from
            and _opener(right, code)
            and right.lower() not in resources.stopwords(found.loanwords_from)
        ):
            return False  # "werkenDe selectie" is no "werkende": an ending takes no capital, and a stop
            # word of the language that is none of English ends no English-made identifier ("indexOf")
        loans = found.loanwords_from
        native = not loans or zipf(left, code) >= zipf(left, loans) - 0.5
        cased = len(left) >= 3 and (token[0].islower() or found.capitalises_nouns and native)
        if left.lower() in found.words("function_words.txt"):
            cased = False  # "forEach", "toString": an identifier made on a function word
        whole = max(zipf(token, code), zipf(token, loans) if loans else 0.0)
        if whole == 0:
            return False
        parts = min(max(zipf(p, code), zipf(p, loans) if loans else 0.0) for p in (left, right))
        gap = MIN_CASED_GLUE_GAP if cased else MIN_GLUE_GAP
        return whole > parts - gap

    def _split(
        self,
        token: str,
        code: str,
        alone: Counter[str],
        apostrophe: str,
        in_names: frozenset[str],
        in_prose: frozenset[str] = frozenset(),
        verb_first: frozenset[str] = frozenset(),
        bracket: frozenset[str] = frozenset(),
        goes_on: frozenset[str] = frozenset(),
        labels: frozenset[str] = frozenset(),
        echoes: frozenset[str] = frozenset(),
    ) -> tuple[str, str, str] | None:
        elided = ELIDED_GLUE.match(token)
        if elided and resources.profile(code).elides:
            return self._split_elided(token, elided, code)
        if not token.isalpha() or len(token) < 3:
            return None
        if CASE_CUE.search(token):
            fix = self._split_cased(
                token,
                code,
                alone,
                apostrophe,
                token in in_names,
                token in in_prose,
                token in verb_first,
                token in bracket,
                token in goes_on,
                token in labels,
                token in echoes,
            )
            head = LETTER_RUN.match(fix[0]) if fix is not None else None
            if (
                fix is not None
                and head is not None
                and _no_word_head(head.group(), token[len(head.group()) :], fix[1], code)
            ):
                return None
            return fix
        if token.islower():
            if alone[token] > 1:
                return None  # written so twice: a term ("nouser", "setquota"), not a one-off slip
            return split_uncased(
                token, code, self.max_uncued_whole_zipf, self.min_uncued_zipf, self.min_beside_grammar_zipf
            )
        return None

    def _split_cased(
        self,
        token: str,
        code: str,
        alone: Counter[str],
        apostrophe: str,
        in_name: bool = False,
        in_prose: bool = False,
        verb_first: bool = False,
        bracket: bool = False,
        goes_on: bool = False,
        ui_label: bool = False,
        echoed: bool = False,
    ) -> tuple[str, str, str] | None:
        if (
            (alone[token] > 1 and not echoed and not _lost_break(token, code, in_prose))
            or token[0].swapcase() + token[1:] in alone
            or token.lower() in alone
        ):
            return None  # written so twice, or the same letters in another case: a name ("leanFIRE")
        label = _label_glue(token, code)
        if label is not None:
            return label
        nonfinal = resources.profile(code).words("function_words.txt")
        best: tuple[float, int] | None = None
        for cut in (m.start() for m in CASE_CUE.finditer(token)):
            left, right = token[:cut], token[cut:]
            stops = resources.stopwords(code)
            if len(right) < 2 and not (
                right.lower() in stops
                and (len(left) >= 3 or _particle_ends(left, right, code))
                and (token[0].islower() or self._known(left, code, 3.0) and alone[left] > 0)
            ):
                continue  # one-letter tails only as a sentence's first word ("itselfA", "casseL'",
                # "AssangeA police" after the document's own "Assange")
            acronym = (
                len(right) >= 2
                and right.isupper()
                and token[0].islower()
                and in_prose
                and len(right) <= 5
                and alone[right] > 0
                and len(left) >= 4
                and left.islower()
                and zipf(token, code) == 0
                and _final_word(left, code, 3.0)
            )  # "architectureATF enables", the acronym standing alone elsewhere: a sentence starts with it
            if len(right) >= 2 and right.isupper() and not acronym:
                continue  # a name ending in an acronym ("learnFAST", "PowerBI"): sentences seldom start in capitals
            if len(left) < 2 and not (left in nonfinal and zipf(token, code) == 0):
                continue  # one-letter heads (iPhone, eBay) only as an unknown article glue ("aDecision")
            if len(left) == 1 and left.lower() in resources.profile(code).words("elided_forms.txt"):
                continue  # "menu sConfiguration": an elided form never stands without its apostrophe
            verb_opens = verb_first and len(left) >= 3 and len(right) >= 3 and right[1:].islower()
            compound_left = _compound(left, code) and len(right) >= 2 and (_opener(right, code) or verb_opens)
            name_before_opener = (
                token[0].isupper()
                and in_prose
                and len(left) >= 3
                and left[1:].islower()
                and len(right) >= 2
                and right[1:].islower()
                and _opener(right, code)
            )  # "sistema DebianEsta é a": a name the lexicon does not know, then a sentence's first word
            left_ok = (
                alone[left] > 0
                or self._known(left, code, self.min_part_zipf)
                or (token[0].islower() and len(right) >= 2 and _opener(right, code) and zipf(left, code) > 0)
                or compound_left
                or name_before_opener
            )  # a rare word before a sentence's stop word ("customizationsYou can"); a rare compound
            # before one ("ProgrammaktivitätenSie sollten")
            right_ok = alone[right] > 0 or self._known(right, code, self.min_part_zipf)
            if not (left_ok and right_ok):
                continue
            stop_tail = (
                _opener(right, code)
                and len(right) >= 2
                and (self._known(left, code, 3.0) or compound_left)
                and not (in_name and not resources.profile(code).capitalises_nouns)
            )  # "SystemWenn Sie" in German, where nouns and "Sie" take capitals; not "NextWork RPC"
            if token[0].isupper() and not (
                alone[right] > 0
                or stop_tail
                or verb_opens
                or name_before_opener
                or (alone[left] > 0 and _opener(right, code))
            ):
                continue  # CamelCase names (DataRobot) split only on evidence, or before a stop word
                # ("SystemWenn"); the evidence is the second name standing alone ("MicrosoftGoogle" beside
                # "Google"): a name's first part alone is how names are made ("AppleShare" beside "Apple")
            if token[0].isupper() and left.lower() in PREFIXES:
                continue  # "MiniCómos", "SuperMario": a name made with a prefix
            if token[0].isupper() and left.lower() in nonfinal and not self._starter(right, code):
                continue  # "WeWorkers", "TheFork": no sentence ends on a function word, so a name
            article_glue = token[0].islower() and left.lower() in nonfinal and self._known(right, code, 3.0)
            if self._whole_known(token, left, right, code) and (
                not article_glue or _stranded(left, right, code)
            ):
                continue  # OpenAI, iPhone, DeepMind, "forEach": the whole is a word of its own
            score = min(zipf(left, code) + 3 * alone[left], zipf(right, code) + 3 * alone[right])
            if best is None or score > best[0]:
                best = (score, cut)
        if best is None:
            return None
        left, right = token[: best[1]], token[best[1] :]
        if token[0].islower() and len(left) <= 2 and left.lower() not in resources.stopwords(code):
            return None  # "pgAdmin", "zkSync", "eBay": a name's prefix of two letters, not a word
        if (
            token[0].isupper()
            and not in_prose
            and not resources.profile(code).capitalises_nouns
            and right.lower() not in resources.profile(code).words("sentence_openers.txt")
        ):
            return None  # "ClickUp, pgAdmin and": a name in a list or a title, no sentence going on after
            # it; a sentence adverb that no name ends with opens one anyway ("RealmHowever, all")
        if token[0].isupper() and in_name and not self._starter(right, code) and not verb_first:
            return None  # "WeWorkers Coalition": part of a name of several capitalised words
        if ui_label and len(left) >= 2 and token.endswith(right):
            return (
                f"{left} {right}",
                "glue.split",
                "glued words split; the right part is the label of an interface element, not a sentence's start",
            )  # "a teclaSuper" -> "a tecla Super", not "tecla. Super"; "deSuper-toets" keeps its capital
        nouns = resources.profile(code).capitalises_nouns
        starter = (_opener(right, code) if nouns else self._starter(right, code)) or (
            not resources.profile(code).capitalises_nouns
            and not in_name
            and right[1:].islower()
            and (
                zipf(right, code) >= self.min_capital_zipf
                or (in_prose and is_common_word(right, code, self.min_part_zipf))
            )
        )  # where nouns take no capital, a common word's capital after a lower-case letter, not followed
        # by another capitalised word, starts a sentence ("daysFitness experts"); a rarer word too when
        # it is a word of this language rather than a name that travels and the sentence goes on in
        # lower case ("réseauSupposons que"; not "Co-opRadiant 20 Sleeping Bag", a product name); where
        # nouns take a capital, a frequent noun starts no sentence by itself ("neueRegierung")
        if len(right) >= 2 and right.isupper():
            return f"{left}. {right}", "glue.sentence", "glued words with the sentence break lost"
        stranded = token[0].islower() and not in_name and _stranded(left, right, code)
        if token[0].islower() and in_prose and not in_name and right[1:].islower():
            if goes_on and right.lower() in resources.profile(code).subject_verbs and len(left) >= 2:
                return (
                    f"{left} {right.lower()}",
                    "glue.split",
                    "glued words split; a verb that goes on the sentence took the glue's capital",
                )  # "the planWas approved", "The governmentSaid on": no statement opens on the verb
            if (
                len(left) <= 3
                and left.lower() in resources.profile(code).subject_verbs
                and not _opener(right, code)
            ):
                return None  # "and isValid is a boolean": an identifier in prose; a sentence seldom ends
                # on "is" or "has" before a word that opens none ("youGreat job", "goImagine" do end)
        if (
            token[0].islower()
            and starter
            and (
                len(left) >= 3
                or left.lower() in resources.stopwords(code)
                or _particle_ends(left, right, code)
            )
            # "pgAdmin", "zkSync": a prefix of two letters ends no sentence; a separable particle
            # ("umIm", "abWenn") or a pronoun does ("itBut")
            and (left.lower() not in nonfinal or _particle_ends(left, right, code) or stranded)
        ):
            return f"{left}. {right}", "glue.sentence", "glued words with the sentence break lost"
        if (
            verb_first
            and len(right) >= 3
            and right[1:].islower()
            and (len(left) >= 3 and left not in nonfinal or _particle_ends(left, right, code, verb_first))
        ):
            return f"{left}. {right}", "glue.sentence", "glued words with the sentence break lost"
        if (
            token[0].islower()
            and len(left) >= 3
            and resources.profile(code).capitalises_nouns
            and _ends_sentence(left, right, code, self.min_part_zipf)
            and (bracket or not resources.profile(code).verb_final_triggers)
        ):
            return f"{left}. {right}", "glue.sentence", "glued words with the sentence break lost"
        if token[0].isupper() and len(left) <= 2 and left[1:].islower():
            return None  # "PtNo", "FtNo", "McKay": a capitalised head of two letters is a name's part,
            # no sentence's last word
        if (
            token[0].isupper()
            and _opener(right, code)
            and left.lower() not in nonfinal
            and not (in_name and not resources.profile(code).capitalises_nouns)
        ):
            return f"{left}. {right}", "glue.sentence", "glued words with the sentence break lost"
        if (
            token[0].islower()
            and not resources.profile(code).capitalises_nouns
            and left.lower() in nonfinal
            and right[1:].islower()
            and self._known(right, code, 3.0)
            and not alone[right]
            and not stranded
        ):  # a capitalised right part that also stands alone is a name ("opShift" beside "Shift")
            right = right.lower()
            if (
                left.lower() in resources.profile(code).words("elision.txt")
                and right[0] in VOWEL
                and right[0] != "y"
            ):
                stem = left[:-1]
                return (
                    f"{stem}{apostrophe}{right}",
                    "glue.elision",
                    "glued words split; the article elides before a vowel",
                )
            return f"{left} {right}", "glue.split", "glued words split; the capital came from the glue"
        return f"{left} {right}", "glue.split", "glued words split at the case change"

    def _split_elided(self, token: str, m: regex.Match[str], code: str) -> tuple[str, str, str] | None:
        head, article, mark, tail = m.groups()
        if zipf(token, code) > 0 or zipf(head + article, code) > 0 or zipf(head + article + "e", code) > 0:
            return None
        if zipf(head, code) < self.min_uncued_zipf or zipf(tail, code) < 2.0:
            return None
        return f"{head} {article}{mark}{tail}", "glue.split", "word glued to the elided article after it"


@lru_cache(maxsize=TOKEN_CACHE)
def split_uncased(
    token: str, code: str, max_whole_zipf: float, min_part_zipf: float, min_beside_grammar_zipf: float = 3.0
) -> tuple[str, str, str] | None:
    """An unknown token made of two common words; or a rare one made of two grammatical words.

    Rare inflected forms ("réaliseront") are real words, so a token the lexicon knows, however
    rarely, is split only into two grammatical words ("dansla", "conil": junk-level frequencies). A part
    of two letters must be a grammatical word ("strace" is not "st race"), and a verb with its glued
    pronoun ("accederlo") is one word.
    In languages with closed compounds an unknown token is split only when one part is a grammatical
    word that never makes compounds (`particles.txt` lists those that do: "vor", "over"): "theirdiet",
    "wirdeine"; a prefix never starts a split ("metainformación", "superutente").
    """
    loans = resources.profile(code).loanwords_from
    english = zipf(token, loans) if loans else 0.0
    whole = max(zipf(token, code), english if english >= 4.0 else 0.0)
    if len(token) > 24 or whole >= max_whole_zipf:
        return None
    cut = _best_cut(token, code, 10 ** (min_part_zipf - 9), 10 ** (min_beside_grammar_zipf - 9))
    if cut is None:
        return None
    left, right = token[:cut], token[cut:]
    if _rival_cut(token, cut, code):
        return None  # "médecinsont": "médecin sont" or "médecins ont"; left as written, a non-word flag
    grammar = resources.stopwords(code) | resources.profile(code).words("function_words.txt")
    both_grammatical = left in grammar and right in grammar
    if any(len(part) <= 2 and part not in grammar for part in (left, right)):
        return None  # "strace" is not "st race": a part of two letters must be a grammatical word
    if _ending_on_grammar(token, left, right, code, grammar):
        return None  # "howtos" is "howto" with its plural, not "how tos"
    if _enclitic(left, right, code):
        return None  # "accederlo": a verb with its pronoun is one word
    found = resources.profile(code)
    closed = found.closed_compounds
    if whole > 0 and not both_grammatical:
        return None
    if (
        closed
        and whole > 0
        and left in found.words("relative_prepositions.txt")
        and right in found.words("particles.txt")
        and right not in found.words("function_words.txt")
    ):
        return None  # "seitab", "umher", "vorweg": a preposition never stands before a bare particle, so a
        # known token made of the two is an adverb, however rare; "warein", "undfür", "mitein" are glue
    rarer = min(zipf(left, code), zipf(right, code))
    if whole > 0 and whole > rarer - MIN_GLUE_GAP:
        return None  # "jeton", "notem": a word of the language, if rare, not two grammatical words
    if _letter_lost(token, code) > rarer:
        return None  # "locai", "sitemi", "memora": a word that lost a letter (locali), likelier than glue
    if not both_grammatical:
        content = min(zipf(p, code) for p in (left, right) if p not in grammar)
        if max(_stutter(token, code), _letter_lost(token, code)) >= content - MISSPELT_MARGIN:
            return None  # "existenes" (existentes), "almacenadados" (almacenados): a word with a letter
            # lost or a syllable typed twice, about as frequent as the split's content word: likelier
        if _sibling_form(token, cut, code) >= MIN_SIBLING_ZIPF:
            return (
                None  # "inoccupata" beside "inoccupati", "deblokkeert" beside "deblokkeer": another form of
            )
            # the same word is known, so the token is that word inflected (or misspelt at its ending)
    if closed and whole > 0 and not both_grammatical:
        return None  # a rare compound; two grammatical words glued ("undfür", "notjust") are no compound
    if (
        closed
        and not both_grammatical
        and _content_cut(token, code, grammar, min(zipf(p, code) for p in (left, right) if p not in grammar))
    ):
        return None  # "netwerkgroep" is "netwerk|groep", two content words: a compound, not "net werkgroep"
    if closed and not both_grammatical:
        compounding = found.words("particles.txt") | found.words("compound_members.txt")
        if not any(part in grammar and part not in compounding for part in (left, right)):
            return None  # a compound ("Bergwandern", "vorbestellen", "tijdveld" where the stop list holds
            # the noun "tijd"); "theirdiet", "wirdeine" are glue
    if left in PREFIXES and right not in grammar:
        return None
    return f"{left} {right}", "glue.split", "unknown word made of two common words"


#: How frequent (zipf) both parts of another cut of a token must be to read it as a compound of two
#: content words (`_content_cut`): common words of the language, as `lang.is_common_word` asks.
MIN_CONTENT_CUT_ZIPF = 3.0
#: Letters of each part of such a cut: shorter parts are endings and prefixes as often as words.
MIN_CONTENT_PART = 4


def _content_cut(token: str, code: str, grammar: frozenset[str], content: float) -> bool:
    """Whether `token` also cuts into two common content words of four letters or more, the rarer at
    least as frequent as `content` (the zipf of the split's content part): "netwerk|groep" (4.5) against
    "net werkgroep" (3.5) is a compound of two nouns in a language with closed compounds, not a
    grammatical word glued to one; "tore|solve" (3.5) against "to resolve" (4.3) is a chance cut."""
    floor = max(MIN_CONTENT_CUT_ZIPF, content)
    return any(
        token[:i] not in grammar
        and token[i:] not in grammar
        and min(zipf(token[:i], code), zipf(token[i:], code)) >= floor
        for i in range(MIN_CONTENT_PART, len(token) - MIN_CONTENT_PART + 1)
    )


#: A token whose other form (`_sibling_form`) the lexicon knows at least this well (zipf) is a word of
#: the language, not glue ("inoccupati" 2.3, "deblokkeer" 1.4, "diacríticos" 1.5, "ordenando" 3.4). Below
#: it the lexicon holds traces of the same glue ("decierto" 1.1 beside "deciertos", "tosen" 1.1 beside
#: "tosend": read in the injected lower-case glue of held-out 7, a development set now). Set between
#: those two groups by reading, not searched; its effect is measured on every development set.
MIN_SIBLING_ZIPF = 1.3
#: Letters of the right part that another form of the token must keep (`_sibling_form`): the family
#: must share the split's cut and a real piece of the right part, not only the left word's own forms.
SIBLING_KEEPS = 3


@lru_cache(maxsize=TOKEN_CACHE)
def _sibling_form(token: str, cut: int, code: str) -> float:
    """The zipf frequency of the most frequent other form of `token` in the lexicon, an inflection's
    change at its end: the last letter replaced ("ordenanda" -> "ordenando", "inoccupata" ->
    "inoccupati"), dropped ("deblokkeert" -> "deblokkeer") or added, or the letter before it replaced
    ("diacríticas" -> "diacríticos"). The form keeps the
    split at `cut` and `SIBLING_KEEPS` letters of the right part after it, is a word of the language
    rather than of the one it borrows from (`_native`: "dared" is no Portuguese form of "darede"), and
    no trace of the same glue (`_glue_trace`); 0.0 when none. A word of the language the lexicon misses
    in this form shows so, where two words glued have no family of their own. A change deeper in the
    word finds words that only begin alike ("desiste" beside "desistema", "dites" beside "ditesto",
    read on the injected lower-case glue of held-out 2 and 4), so a plural's two letters are not
    dropped ("zijbalken" beside "zijbalk" is split)."""
    if len(token) - cut < SIBLING_KEEPS + 1 or len(token) <= MIN_STEM:
        return 0.0
    freq = lexicon(code)
    head, last = token[:-1], token[-1]
    forms = {head} | {head + c for c in LETTERS} | {token + c for c in LETTERS}
    forms |= {token[:-2] + c + last for c in LETTERS}
    best = 0.0
    for form in forms - {token}:
        if len(form) - cut < SIBLING_KEEPS:
            continue
        found = freq.get(lexicon_key(form), 0.0)
        if found > best and _native(form, code) and not _glue_trace(form, cut, found, code):
            best = found
    return math.log10(best) + 9.0 if best else 0.0


#: A form the lexicon knows this far (zipf) or more below the rarer of its two parts is a trace of the
#: same glue, not a word ("dinuovo" 2.1 against "nuovo" 5.3, "essich" 1.5 against "es" and "sich"); a
#: word made on a prefix sits closer ("inoccupati" 2.3 against "occupati" 4.3, "deblokkeer" 1.4
#: against "blokkeer"). Between the two groups read on the injected lower-case glue of held-out 2 and 7.
MIN_TRACE_GAP = 3.0


def _glue_trace(form: str, cut: int, freq: float, code: str) -> bool:
    """Whether `form` (lexicon frequency `freq`) reads as the glue of its two parts at `cut`, both words,
    `MIN_TRACE_GAP` or more rarer than the rarer of them: a web lexicon keeps such traces."""
    rarer = min(zipf(form[:cut], code), zipf(form[cut:], code))
    return rarer > 0 and math.log10(freq) + 9.0 <= rarer - MIN_TRACE_GAP


#: A known token made of two grammatical words is split only when it is at least this much rarer (zipf)
#: than the rarer of the two: glue of two frequent words is a slip, some five orders of magnitude below
#: the words ("dansla" 1.8 against 6.9, "undfür" 1.1 against 6.9, "enla" 2.8 against 7.5); a rare word
#: of the language sits closer ("jeton" 3.0 against "ton" 5.8, "init" 2.7 against 7.0, "zijnen" 2.9
#: against 7.0). Chosen between those seen in the dev paragraphs (docs/cleaners.md), not searched.
MIN_GLUE_GAP = 4.5
#: The same for a token that starts in lower case and has a capital inside after a head of three letters
#: or more ("marketIn" 1.2 against 5.3, "faceIt" 1.6 against 5.5, "werdenDer" 2.8 against 6.5): the case
#: change is a sign of glue by itself, and the names written so that the lexicon knows have a head of
#: one or two letters ("iPhone", "eBay", "macOS") or an acronym tail, which other rules keep. In the dev
#: paragraphs, no correct token of that shape had a whole known and 2.5 below its rarer part; 2.5 is
#: between the glue seen there (1.5-4.5) and the names (below 1.3). Chosen by reading, not searched.
MIN_CASED_GLUE_GAP = 2.5
#: Letters tried when asking whether a token is a word with one letter lost (Latin alphabets).
LETTERS = "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœßąćęłńśźżčďěňřšťůž"


@lru_cache(maxsize=TOKEN_CACHE)
def _letter_lost(token: str, code: str) -> float:
    """The zipf frequency of the most frequent word that `token` is with one letter put back ("locai" ->
    "locali"), 0.0 when none. A lost letter and a lost space are both typing slips; when the word with
    the letter back is more frequent than the rarer part of a split, the slip was the letter."""
    freq = lexicon(code)
    best = 0.0
    for i in range(1, len(token)):  # a letter lost at either end leaves a word more often than not
        head, tail = token[:i], token[i:]
        for letter in LETTERS:
            found = freq.get(head + letter + tail)
            if found and found > best:
                best = found
    return math.log10(best) + 9.0 if best else 0.0


#: A split of a content word is dropped when the token, with a lost letter put back or a syllable typed
#: twice written once, is a word at most this much rarer (zipf) than the split's content part
#: ("existenes": "existentes" 4.3 against "existen" 5.0): the slip was a letter, not a space. Two
#: grammatical words glued ("enla", whose "ella" is 5.8) are never asked: their glue is the classic
#: slip. A letter too many or a wrong letter is not asked either: glue of a short grammatical word
#: often reads so ("theuse" / "these", "systemis" / "systems"; 2.8% of the splits of adjacent word pairs
#: of held-out 2, against 2 wrong splits in 24,000 paragraphs). Set by reasoning (the "within 1 zipf" of
#: an inflected form), not searched.
MISSPELT_MARGIN = 1.0


@lru_cache(maxsize=TOKEN_CACHE)
def _stutter(token: str, code: str) -> float:
    """The zipf frequency of the most frequent word that `token` is with a syllable typed twice written
    once ("almacenadados" -> "almacenados"); 0.0 when none. Not a repeat at the token's start or end
    ("totop" is "to top", "demandede" is "demande de": a word glued to one that starts or ends like it)."""
    freq = lexicon(code)
    best = 0.0
    for n in (2, 3):
        for i in range(1, len(token) - 2 * n):
            if token[i : i + n] == token[i + n : i + 2 * n]:
                best = max(best, freq.get(token[:i] + token[i + n :], 0.0))
    return math.log10(best) + 9.0 if best else 0.0


def _rival_cut(token: str, cut: int, code: str) -> bool:
    """Whether a cut one letter away from `cut` reads as well: both its parts are words and its rarer
    part is within `RIVAL_MARGIN` of the chosen cut's rarer part ("médecin|sont" 4.9 and "médecins|ont"
    4.6). A letter that can end the left word or open the right one (a plural's "s") makes the split a
    guess: wrong half the time, so no split at all ("its|own" 5.5 against "it|sown" 3.0, "wird|eine"
    6.3 against "wir|deine" 5.3 are no rivals)."""

    def score(at: int) -> float:
        return min(zipf(token[:at], code), zipf(token[at:], code))

    chosen = score(cut)
    return any(
        2 <= other <= len(token) - 2 and score(other) > 0 and score(other) >= chosen - RIVAL_MARGIN
        for other in (cut - 1, cut + 1)
    )


#: How close (zipf) the rarer part of a split one letter away must come to make the split a guess.
RIVAL_MARGIN = 0.5


#: How much rarer (zipf) than the grammatical word it ends a right part must be to read as that word
#: with an ending rather than a word of its own ("tos" 3.3 against "to" 7.3; "they" 6.6 against "the").
MIN_ENDING_GAP = 2.0


#: The ending `_ending_on_grammar` reads: a plural's "s" (en, fr, es, pt, nl); "ofdata" is glue.
PLURAL_ENDING = "s"


def _ending_on_grammar(token: str, left: str, right: str, code: str, grammar: frozenset[str]) -> bool:
    """Whether the split's right part is a grammatical word with a plural's "s", far rarer than that
    word (`MIN_ENDING_GAP`), and the token without that letter is a word the lexicon knows ("howto|s",
    not "how tos"): an inflected word made on the two, not glue ("andthey" is glue: "they" is a word)."""
    stem = right[:-1]
    return (
        len(right) >= 3
        and right.endswith(PLURAL_ENDING)
        and stem in grammar
        and zipf(right, code) <= zipf(stem, code) - MIN_ENDING_GAP
        and zipf(token[:-1], code) > 0
    )


def _enclitic(left: str, right: str, code: str) -> bool:
    """Whether `right` is a pronoun the language writes glued to a verb form ending like `left`, or an
    ending a word so made takes (`enclitics.tsv` of the language: Italian "accederlo", German
    "deaktivierenden", a participle and its ending, not "deaktivieren den"). A row whose ending is one
    letter (an imperative's vowel: "cierrelo", written without its accent) asks a left part of
    `MIN_IMPERATIVE` letters or more that is no stop word."""
    stops = resources.stopwords(code)
    return any(
        left.endswith(row[0])
        and right in row[1].split()
        and (len(row[0]) > 1 or (len(left) >= MIN_IMPERATIVE and left not in stops))
        for row in resources.profile(code).table("enclitics.tsv")
    )


#: Letters of a verb form before a pronoun where the row's ending is one letter (Spanish imperatives
#: "cierre|lo", "abra|lo"): shorter, and any stop word ("que|lo", "se|lo"), the token is glue.
MIN_IMPERATIVE = 4


@lru_cache(maxsize=TOKEN_CACHE)
def _best_cut(token: str, code: str, min_freq: float, min_beside_grammar: float | None = None) -> int | None:
    """Where to cut an unknown lower-case token into two common words (the cut whose rarer part is
    the most frequent), or None; beside a grammatical word the other part needs `min_beside_grammar`
    only ("charbonde", "aveccouvercle"). Cached: the same unknown tokens recur across a corpus."""
    freq = lexicon(code)
    grammar = resources.stopwords(code) | resources.profile(code).words("function_words.txt")
    particles = resources.profile(code).words("particles.txt")
    # a known word with an ending ("entfernend" + "er" is no "entfernen der"): no grammatical tail there
    inflected = any(lexicon_key(token[:-n]) in freq for n in (1, 2))
    best: tuple[bool, float, int] | None = None
    for cut in range(2, len(token)):
        left, right = token[:cut], token[cut:]
        if len(right) < 2 and right.isascii():
            continue
        score = min(freq.get(lexicon_key(left), 0.0), freq.get(lexicon_key(right), 0.0))
        beside = left in grammar or right in grammar
        key = (beside, score, cut)  # "archivos al" before "archivo sal"
        floor = min_freq
        if min_beside_grammar is not None and (
            (left in grammar and right not in grammar and _native(right, code))
            or (
                len(right) >= 3
                and right in grammar
                and right not in particles
                and left not in grammar
                and _native(left, code)
                and not inflected
            )
        ):
            floor = min_beside_grammar  # after an article or a preposition ("aveccouvercle", "theirdiet"),
            # or before a grammatical word of three letters or more ("guessworkand"); a shorter
            # grammatical tail is often an ending ("eingesteckter", "associale"): never with a low floor
        if score >= floor and (best is None or key[:2] > best[:2]):
            best = key
    return best[2] if best else None


class _Terms:
    """Where a split's evidence is outweighed by signs that the token is a term of the document (an
    option, a key, a directive, a name), which no repair may split. Read once per document.

    - A right part with a capital inside that the document never writes alone ("openSuSE"): the
      spelling of a name, not a word glued on ("AcmeDeepMind" beside "DeepMind" is glue).
    - A token right before or after a noun that names an identifier (`term_nouns.txt`: "the
      mydestination variable", "la directive LogFormat", "der Parameter apiVersion"), unless its
      right part is a grammatical word ("inthis field" is glue; so "a RequireAll block" cannot be told
      from "de DebianEste método") or it is a lower-case word glued to a capitalised one, the shape of a
      lost sentence break ("the command lineThe next").

    - A capitalised token as the first member of a hyphenated compound ("RequireAll-Block"): a
      sentence never ends there.
    - Another form of a lower-case token written alone ("unaires" beside "Unaire"; `_inflected`).
    - A family close by (in the same list, `FAMILY_SPAN`): another capitalised token with the same
      capitalised head and a tail that opens no sentence ("LogFile und LogFormat"), or, for a
      lower-case token, an unknown token with the same head and a tail that is no word ("nosuid,
      nodev"): terms are made in series, slips are not (and glue before a sentence's stop word is no
      series: "DebianNon", "DebianAnche"; nor two slips paragraphs apart, "SystemBenutzer" and
      "SystemZugriff").
    - Where nouns take no capital, a common lower-case word (the document writes it so in prose, and
      the lexicons know it as the language's word, not a name that travels: `lang.is_common_word`)
      capitalised as the head of a token inside a sentence, before a part that opens
      no sentence ("The DirectoryIndex directive", "AllowOverride"): a sentence that ended there
      would end on a capitalised common word; the capital is the name's ("in ItalyMost people" is
      glue: "Italy" is never written in lower case; "sur ActivéAvec le panneau" is a label before a
      sentence's stop word, glue too, so "within a RequireAll block" cannot be told from it).
    """

    def __init__(
        self,
        text: str,
        candidates: set[str],
        mixed: list[str],
        words: Counter[str],
        code: str,
        min_part: float,
    ) -> None:
        self.text, self.words, self.code, self.min_part = text, words, code, min_part
        self.heads: dict[str, set[str]] = {}
        for w in mixed:
            if w[0].isupper():
                for m in CASE_CUE.finditer(w):
                    tail = w[m.start() :]
                    if not _opener(tail, code) and tail != w[: m.start()]:  # "DebianDebian" is glue
                        self.heads.setdefault(w[: m.start()], set()).add(w)
        self.unknown = [w for w in candidates if w.islower() and zipf(w, code) == 0]
        found = resources.profile(code)
        self.nouns_capitalised = found.capitalises_nouns
        self.grammar = found.stopwords | found.words("function_words.txt")
        self.term_nouns = found.words("term_nouns.txt")
        self.openers = self.grammar | found.words("sentence_openers.txt")
        self.forms: dict[str, set[str]] | None = None  # the document's words by their first letters

    def keep(self, token: str, fix: tuple[str, str, str] | None) -> tuple[str, str, str] | None:
        """`fix`, or None where the token is a term (see the class docstring)."""
        if fix is None or fix[1] == "glue.elision":
            return fix
        head = LETTER_RUN.match(fix[0])
        if head is None or not token.startswith(head.group()):
            return fix
        left = head.group()
        tail = token[len(left) :]
        if CASE_CUE.search(tail, 1) and not self.words[tail]:
            return None  # "openSuSE": a right part with a capital inside, never alone: a name's spelling
        if tail.lower() not in self.openers and _beside_term_noun(
            self.text, token, self.term_nouns, left.lower() not in self.openers
        ):
            return None  # "the mydestination variable", "the timeperiod object": an identifier named as
            # such; not a word glued to a grammatical one ("in this field" written "inthis field"), nor a
            # lower-case word glued to a capitalised one, the shape of a lost sentence break ("the
            # command lineThe next"), which a noun beside them does not make a name
        if token.islower():
            return None if self._lower_family(token, left) or self._inflected(token, left) else fix
        if not token[0].isupper():
            return fix
        family = self.heads.get(left, set())
        if _hyphen_first(self.text, token) or (
            token in family and any(_near(self.text, token, w, FAMILY_SPAN) for w in family - {token})
        ):
            return None
        if (
            not self.nouns_capitalised
            and self.words[left.lower()] > 0
            and _in_prose(self.text, left.lower())
            and not _opener(token[len(left) :], self.code)  # "sur ActivéAvec le": a label, then a sentence
            and is_common_word(left, self.code)
            and _inside_sentence(self.text, token, self.grammar)
        ):
            return None
        return fix

    def _inflected(self, token: str, left: str) -> bool:
        """Whether the document writes, alone, another form of the lower-case token: the same stem of
        `MIN_STEM` letters or more, only the last `MAX_ENDING` letters or fewer differing ("unaires"
        beside "Unaire", "unarios" beside "Unario"): a word of the document the lexicon does not know,
        inflected, not two words glued. Only when the split cuts that stem: a head glued to a short word
        shares its letters with the head's own forms ("aangepastte" beside "aangepast", "plantde" beside
        "plante"), which say nothing."""
        if len(token) - MAX_ENDING < MIN_STEM or len(left) >= len(token) - MAX_ENDING:
            return (
                False  # the cut must fall inside the stem the forms share ("plantde" beside "plante" is glue)
            )
        if self.forms is None:
            self.forms = {}
            for w in self.words:
                if len(w) >= MIN_STEM and w.isalpha():
                    self.forms.setdefault(w[:MIN_STEM].lower(), set()).add(w.lower())
        stem = token[: len(token) - MAX_ENDING]
        return any(
            w != token and w != left and w.startswith(stem) and len(w) - len(stem) <= MAX_ENDING
            for w in self.forms.get(token[:MIN_STEM], ())
        )

    def _lower_family(self, token: str, left: str) -> bool:
        siblings = [
            u
            for u in self.unknown
            if u != token
            and u.startswith(left)
            and len(u) - len(left) >= 2
            and zipf(u[len(left) :], self.code) < self.min_part
        ]
        return any(_near(self.text, token, u, FAMILY_SPAN) for u in siblings)


#: Characters that make a word part of a name, an address or a path rather than prose when they touch
#: it ("debian-installer", "l'app", "a/b"); a dot or a colon does when a letter or digit follows it
#: ("www.debian.org"), not at a sentence's end.
PROSE_JOINERS = "'\u2019-/_@"


def _in_prose(text: str, word: str) -> bool:
    """Whether `word` stands somewhere in the text as a word of prose: whole, not touching a joiner of
    names, addresses or paths (`PROSE_JOINERS`), nor a dot or colon that goes on ("debian.org")."""
    for pos in occurrences(text, word, PROSE_JOINERS):
        before, after = text[pos - 1 : pos], text[pos + len(word) : pos + len(word) + 2]
        if before not in (".", ":") and not (after[:1] in (".", ":") and after[1:2].isalnum()):
            return True
    return False


#: How far apart (in characters) two members of a lower-case family stand: the same list or sentence.
FAMILY_SPAN = 40
#: Two forms of one word: a stem of this many letters or more, and endings of at most `MAX_ENDING`.
MIN_STEM = 5
MAX_ENDING = 2


def _near(text: str, a: str, b: str, span: int) -> bool:
    """Whether whole-word occurrences of `a` and `b` stand within `span` characters of each other."""
    found_b = list(occurrences(text, b, ""))
    return any(abs(i - j) <= span for i in occurrences(text, a, "") for j in found_b)


def _beside_term_noun(text: str, token: str, nouns: frozenset[str], before: bool = True) -> bool:
    """Whether `token` stands somewhere right before one of `nouns` (case aside), one space between
    them ("the mydestination variable"), or, with `before`, right after one ("la directive LogFormat").
    A token made on a grammatical word is an identifier only before its noun: after one it is the
    classic glue of a preposition and a word ("la orden deaplicación")."""
    if not nouns:
        return False
    for pos in occurrences(text, token, ""):
        after = (
            LETTER_RUN.match(text, pos + len(token) + 1)
            if text[pos + len(token) : pos + len(token) + 1] == " "
            else None
        )
        if after is not None and any(after.group().lower().startswith(noun) for noun in nouns):
            return True  # "Super-toets", "Super-toetsingedrukt": the noun or a compound it heads
        if before and text[pos - 1 : pos] == " ":
            found = BEFORE_WORD.search(text, max(0, pos - 40), pos - 1)
            if found is not None and found.group().lower() in nouns:
                return True
    return False


#: The word that ends a stretch of text (the word before a token).
BEFORE_WORD = re.compile(r"[^\W\d_][\w-]*$")


def _hyphen_first(text: str, token: str) -> bool:
    """Whether `token` stands somewhere as the first member of a hyphenated compound ("RequireAll-Block")."""
    for pos in occurrences(text, token, ""):
        end = pos + len(token)
        if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
            return True
    return False


def _inside_sentence(text: str, token: str, grammar: frozenset[str]) -> bool:
    """Whether `token` stands somewhere right after a space and a word that is in lower case or a
    grammatical word ("within a RequireAll", "The DirectoryIndex"): no sentence ends on either, so the
    token is inside one."""
    for pos in occurrences(text, token, ""):
        if pos >= 2 and text[pos - 1] == " " and text[pos - 2].isalpha():
            start = pos - 2
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            if text[start].islower() or text[start : pos - 1].lower() in grammar:
                return True
    return False


def _particle_ends(left: str, right: str, code: str, verb_first: bool = False) -> bool:
    """Whether `left`, a grammatical word, ends a sentence before `right` anyway: a separable verb
    particle (`particles.txt`: "bringt das Paket mit", "voer de gegevens in") before a sentence opener
    in a language whose profile has `separable_particles` ("mitNetrw" is not, "umIm", "abWenn", "inU
    kunt" are), or before a verb that opens a sentence (`verb_first`: "einGeben Sie")."""
    found = resources.profile(code)
    return (
        found.separable_particles
        and left.lower() in found.words("particles.txt")
        and (_opener(right, code) or verb_first)
    )


#: Kinds of furniture whose one-word labels sit right before a headline or a caption on a page
#: ("Updated", "Sponsored", "Related"): glued to it when the markup between them is lost.
LABEL_KINDS = frozenset(["dateline", "related", "ad"])


@lru_cache(maxsize=64)
def _labels(code: str) -> frozenset[str]:
    """The one-word furniture labels of `code` (`boilerplate.tsv` rows of `LABEL_KINDS` matched as a
    whole line or a line's start), without those that are grammatical words ("by", "le", "von")."""
    found = resources.profile(code)
    grammar = found.stopwords | found.words("function_words.txt")
    return frozenset(
        phrase
        for kind, match, phrase in found.table("boilerplate.tsv")
        if kind in LABEL_KINDS and match in ("line", "prefix") and phrase.isalpha() and phrase not in grammar
    )


def _label_glue(token: str, code: str) -> tuple[str, str, str] | None:
    """A page label glued to the capitalised headline after it ("UpdatedPolice Identify Man" ->
    "Updated Police"): the head is a one-word label of the language's furniture (`_labels`), the tail a
    common word of the language with a capital (zipf >= 3, not all capitals), and the whole no word."""
    m = CASE_CUE.search(token)
    if m is None or not token[0].isupper() or zipf(token, code) > 0:
        return None
    left, right = token[: m.start()], token[m.start() :]
    if left.lower() not in _labels(code) or len(right) < 3 or not right[1:].islower():
        return None
    if zipf(right, code) < 3.0:
        return None
    return f"{left} {right}", "glue.split", "a page label glued to the headline after it"


def _label_after(text: str, token: str, code: str) -> bool:
    """Whether the capitalised right part of `token` (after its last case change) is the label of an
    interface element glued to the word before it, not a new sentence's first word: the left part
    is a noun that names a key or a button (`label_nouns.txt`: "teclaSuper", "keyEnter") or a verb
    whose object is a label (profile `label_verbs`: "sceglieteSezione", "seleccionaCrear"), or the
    token is joined by a hyphen to such a noun ("deSuper-toets": the label heads the compound; not
    "imprimanteCelle-ci"). Never a word that opens sentences (a stop word or a sentence opener:
    "keyThe" is a lost stop)."""
    cut = max((m.start() for m in CASE_CUE.finditer(token)), default=0)
    left, right = token[:cut], token[cut:]
    if not cut or len(right) < 2 or not right[1:].islower():
        return False
    opener = _opener(right, code)
    if _heads_menu_path(text, token, not opener):
        return True  # "no menuCores → Mapear", "de opdrachtProgramma starten → Starten": the first step of
        # a menu path, no sentence's start; a word that opens sentences only right before the mark
        # ("iconsUse Edit → Preferences" is a sentence that starts "Use")
    if opener:
        return False
    nouns = resources.profile(code).words("label_nouns.txt")
    if left.lower() in nouns or left.lower() in resources.profile(code).label_verbs:
        return True  # "teclaSuper"; "sceglieteSezione": a verb whose object is a label (profile
        # `label_verbs`) ends no sentence before it
    for pos in occurrences(text, token, ""):
        before = BEFORE_WORD.search(text, max(0, pos - 40), max(0, pos - 1))
        if text[pos - 1 : pos] == " " and before is not None and f"{before.group()} {left}".lower() in nouns:
            return True  # "cliquez surAnnuler la commande": what one clicks on is a label
        end = pos + len(token)
        after = LETTER_RUN.match(text, end + 1) if text[end : end + 1] == "-" else None
        if after is not None and any(after.group().lower().startswith(noun) for noun in nouns):
            return True  # "Super-toets", "Super-toetsingedrukt": the noun or a compound it heads
    return len(left) >= 3 and _label_elsewhere(text, right)


def _heads_menu_path(text: str, token: str, longer: bool = True) -> bool:
    """Whether `token` stands somewhere right before a menu path's step mark, or, with `longer`, one or
    two words before it ("menuCores → Mapear", "opdrachtProgramma starten → Starten"): its right part
    opens a menu's label."""
    for pos in occurrences(text, token, ""):
        end = pos + len(token)
        words = LABEL_WORDS.match(text, end) if longer else None
        if MENU_PATH.match(text, end) or (words is not None and MENU_PATH.match(text, words.end())):
            return True
    return False


def _label_elsewhere(text: str, word: str) -> bool:
    """Whether the capitalised `word` stands elsewhere in `text` right after a lower-case word and
    before another lower-case word ("le bouton Vider entièrement"): inside a sentence, in a language
    whose nouns take no capital, a capitalised common word is a label or a name the document uses, so
    the same word glued to the word before it is that label again ("la commandeVider l'historique"),
    not a sentence's start. Called only where nouns take no capital."""
    pattern = rf"(?<=(?:^|\P{{L}})\p{{Ll}}\p{{L}}* ){regex.escape(word)}(?= \p{{Ll}})"
    return regex.search(pattern, text) is not None


def _lost_break(token: str, code: str, in_prose: bool) -> bool:
    """Whether `token`, written more than once, still reads as a sentence that lost its break rather
    than a name written so on purpose: a lower-case word of three letters or more glued to a capitalised
    stop word that no identifier ends with (`identifier_tails.txt`: "findAll", "indexOf" are
    identifiers) and the sentence goes on in lower case ("the data tableUse the", "the Elements
    paneThese functions"): a manual repeats its sentences, with the same damage in each copy."""
    m = CASE_CUE.search(token)
    if m is None or not in_prose or not token[0].islower():
        return False
    left, right = token[: m.start()], token[m.start() :]
    return (
        len(left) >= 3
        and left.isalpha()
        and len(right) >= 2
        and right[1:].islower()
        and right.lower() in resources.stopwords(code)
        and right.lower() not in IDENTIFIER_TAILS
    )


def _stranded(left: str, right: str, code: str) -> bool:
    """Whether a function word `left` that can still end a sentence (`sentence_final.txt`: English "to",
    "for", "her") is glued to a capitalised sentence opener `right` ("fly toImmediately", "looking
    forBy combining"): a lost sentence break, not a capital that came with the glue."""
    return (
        left.lower() in resources.profile(code).words("sentence_final.txt")
        and len(right) >= 2
        and right[1:].islower()
        and _opener(right, code)
    )


def _compound(word: str, code: str) -> bool:
    """Whether `word` is a compound of a language that writes compounds closed (profile
    `closed_compounds`): a head of three letters or more before a tail of four or more that is a common
    word (zipf >= 3: "Programm|aktivitäten", "Bedienungs|hilfen"). Such compounds are too many and too
    rare for the lexicon, so a rare word ending in a common one is taken for a word of the language."""
    if not resources.profile(code).closed_compounds or not word.isalpha():
        return False
    return any(zipf(word[i:], code) >= 3.0 for i in range(3, len(word) - 3))


def _ends_sentence(left: str, right: str, code: str, min_zipf: float) -> bool:
    """Whether a lower-case `left` glued to a capitalised `right` in a language that capitalises nouns
    lost a sentence break between them ("gehandhabtLesezugriff" -> "gehandhabt. Lesezugriff"): `right`
    is a word or a compound of the language (a noun, or a sentence's first word), `left` a word of the
    language that is no grammatical word (those before a noun inside a sentence: "die", "mit", "ist")
    and no inflected form of a word about as frequent (within 1 zipf: an adjective before its noun,
    "neue" beside "neu", "integrierte" beside "integriert"; a verb's first person is rarer, "verwende"
    1.3 below "verwenden"), and the whole no word (checked by the caller). Lexicon only, no part of
    speech: the caller also asks for a word of the profile's `verb_final_triggers` earlier in the
    sentence, so that a verb in second place before its object ("Der Minister lobtLehrer") gets a space."""
    if not right[1:].islower() or not (zipf(right, code) >= min_zipf or _compound(right, code)):
        return False
    return _final_word(left, code, min_zipf)


def _final_word(word: str, code: str, min_zipf: float) -> bool:
    """Whether `word` can end a sentence by what the lexicon tells (see `_ends_sentence`): a word of the
    language (zipf >= `min_zipf`), no grammatical word, and, where nouns take a capital, no inflected
    form of a word about as frequent (an adjective before its noun)."""
    found = resources.profile(code)
    grammar = resources.stopwords(code) | found.words("function_words.txt") | found.words("particles.txt")
    own = zipf(word, code)
    if word.lower() in grammar or own < min_zipf:
        return False
    if not found.capitalises_nouns:
        return True
    return not any(zipf(word[:-n], code) >= own - 1.0 for n in (1, 2) if len(word) - n >= 3)


def _opener(word: str, code: str) -> bool:
    """A stop word of the language, or one of its words other than nouns that open sentences
    (`sentence_openers.txt`: in German a capitalised "Jedoch" after a lower-case letter starts one)."""
    lower = word.lower()
    return lower in resources.stopwords(code) or lower in resources.profile(code).words(
        "sentence_openers.txt"
    )


def _native(word: str, code: str) -> bool:
    """Whether `word` is at least as frequent in `code` as in the language it borrows from ("user",
    "build" in Spanish text are English)."""
    loans = resources.profile(code).loanwords_from
    return not loans or zipf(word, code) >= zipf(word, loans)


def _followed_by(text: str, token: str, case: Callable[[str], bool]) -> bool:
    """Whether `token` is followed somewhere by a space and a word whose first letter passes `case`
    (`str.isupper`: "WeWorkers Coalition", in a name; `str.islower`: "réseauSupposons que", in prose)."""
    for pos in occurrences(text, token):
        end = pos + len(token)
        if text[end : end + 1] == " " and case(text[end + 1 : end + 2]):
            return True
    return False


def _code_words(text: str, candidates: set[str], spans: tuple[tuple[int, int], ...]) -> set[str]:
    """The `candidates` that are code or data somewhere in `text`: words of a line that looks like code or
    JSON (`text.CODE_LINE`: '{"displayPrice":"EUR 15"}' must never become "display. Price"), and words that
    touch a character of code ("data.itemCount", '"priceAmount"', "render(itemCount"). A token that is
    code once is an identifier everywhere in the document. `spans`: the text's `code_lines` (the
    document's `CODE_LINES`, which the chain reads too)."""
    found: set[str] = set()
    for start, end in spans:
        found.update(LETTER_RUN.findall(text, start, end))
    found &= candidates
    for token in candidates - found:
        if CASE_CUE.search(token) and _touches_code(text, token):
            found.add(token)
    return found


def _no_word_head(left: str, right: str, reason: str, code: str) -> bool:
    """Whether the head `left` that a split of a case-cued token would stand alone is no word for it.

    For any split: three letters or more without a vowel, no abbreviation of the language, before a
    `right` part that opens no sentence ("dlgTrace", "cfgPath": an identifier's prefix). Polish "w" is a
    word, an abbreviation is one ("bzwNetzteil"), and a program's name ends a sentence before a stop
    word ("dpkgPer scaricare"). For a restored sentence break (`reason` "glue.sentence"), also a
    capitalised abbreviation of the language (`abbreviations.txt`): its stop would be the
    abbreviation's, not a sentence's end ("FtNo" is a field's name); a lower-case one ("misc") may end
    a sentence, its stop doing both."""
    lower = left.lower()
    abbreviation = lower in resources.profile(code).words("abbreviations.txt")
    if (
        len(lower) >= 3
        and not any(unicodedata.normalize("NFD", c)[0] in VOWEL for c in lower)
        and not _opener(right, code)
        and not abbreviation
    ):
        return True
    return reason == "glue.sentence" and left[0].isupper() and abbreviation


def _identifier_head(token: str, code: str) -> bool:
    """Whether `token` is a camel-case identifier by its head: a verb that identifiers start with
    (`common/identifier_heads.txt`: "getValue", "setTimeout") in lower case, then a capitalised part that
    opens no sentence (no stop word or opener of `code`: "getThe" is glue). A sentence seldom ends on
    such a verb without its object, so "Call getValue to" holds no lost full stop. The heads are
    English: in a language that borrows English words (profile `loanwords_from`), a head that is one
    of its own stop words is that word ending a clause (Dutch "beschikbaar isHoeveel")."""
    m = CASE_CUE.search(token)
    if m is None or not token[0].islower():
        return False
    head = token[: m.start()]
    if head not in IDENTIFIER_HEADS or _opener(token[m.start() :], code):
        return False
    return not (resources.profile(code).loanwords_from and head in resources.stopwords(code))


def _per_unit(text: str, token: str) -> bool:
    """Whether `token` stands somewhere right after a number and a slash ("$40/userCalendar"): a price
    per unit glued to the next item of a list, not an identifier named in prose."""
    return any(
        text[pos - 1 : pos] == "/" and text[pos - 2 : pos - 1].isdigit()
        for pos in occurrences(text, token, "")
    )


def _inside_longer_word(text: str, candidates: set[str]) -> set[str]:
    """The capitalised `candidates` that the text also writes as the tail of a longer word, letters
    glued before them ("MonitorOpenSSL" beside "KMonitorOpenSSL"): a name and the name of a sibling made on it,
    not two words glued."""
    found: set[str] = set()
    for token in candidates:
        if (
            token[:1].isupper()
            and CASE_CUE.search(token)
            and regex.search(rf"\p{{L}}{regex.escape(token)}(?!\p{{L}})", text)
        ):
            found.add(token)
    return found


def _echoed(text: str, token: str) -> bool:
    """Whether every occurrence of `token` stands between the same words (`ECHO_SPAN` characters either
    side): one sentence repeated (a manual's paragraphs repeat their sentences), which is no evidence
    that the token is a term written so on purpose, as two occurrences in different places are."""
    seen = {
        (text[max(0, pos - ECHO_SPAN) : pos], text[pos + len(token) : pos + len(token) + ECHO_SPAN])
        for pos in occurrences(text, token, "")
    }
    return len(seen) == 1


def _written_as_is(text: str, candidates: set[str]) -> set[str]:
    """The lower-case `candidates` with a capital inside that open a line or a sentence somewhere in
    `text` ("newStyle is an integer value", "... below. cellAddress is"): prose opens a sentence with a
    capital, so a token that keeps its small first letter there is written as it is (an identifier),
    and its head would be a sentence of one word if it were glue. A token that is one once is one
    everywhere in the document, as in `_code_words`."""
    found: set[str] = set()
    for token in candidates:
        if not token[0].islower() or not CASE_CUE.search(token):
            continue
        for pos in occurrences(text, token, ""):
            blank = pos
            while blank and text[blank - 1] != "\n" and text[blank - 1].isspace():
                blank -= 1  # back over the spaces before it only: a long line is never walked
            tail = text[max(pos - 3, text.rfind("\n", max(0, pos - 3), pos) + 1) : pos]
            if blank == 0 or text[blank - 1] == "\n" or SENTENCE_END.search(tail):
                found.add(token)
                break
    return found


def _in_call(text: str, pos: int) -> bool:
    """Whether offset `pos` lies in the argument list of a call ("getCellByPosition(colIndex, rowIndex)"):
    an opening bracket right after a name, then only names, commas, spaces and quotes up to `pos`."""
    start = text.rfind("(", max(0, pos - MAX_CALL_SPAN), pos)
    return (
        start > 0
        and (text[start - 1].isalnum() or text[start - 1] == "_")
        and CALL_ARGUMENTS.fullmatch(text, start + 1, pos) is not None
    )


def _touches_code(text: str, token: str) -> bool:
    """Whether an occurrence of `token` touches a character of code (`CODE_BEFORE`, `CODE_AFTER`), a
    member access after it ("itemCount.length") or straight quotes on both sides ('"priceAmount"')."""
    for pos in occurrences(text, token, ""):
        end = pos + len(token)
        before = text[pos - 1] if pos else " "
        after = text[end] if end < len(text) else " "
        if before == "." and token[0].isupper():
            continue  # "media.VoiceMake": a sentence glued after its full stop, not a member
        if before == "/" and text[pos - 2 : pos - 1].isdigit():
            continue  # "$15/userTeam Wiki": a price per unit, not a path
        if before in CODE_BEFORE or after in CODE_AFTER or before == after == '"' or _in_call(text, pos):
            return True
        if after == "." and text[end + 1 : end + 2].isalpha():
            return True
    return False


def _verb_goes_on(
    text: str, token: str, verbs: frozenset[str], stops: frozenset[str], links: frozenset[str]
) -> bool:
    """Whether `token` ends in one of `verbs` (profile `subject_verbs`) capitalised, and somewhere the
    sentence goes on after it as a statement: the next word is in lower case and no stop word ("Was
    approved"), or a grammatical word of `links` (`function_words.txt`: "said on Monday", "Was by
    far"), and the sentence ends on no question mark. A verb before a pronoun or an article opens a question or an inverted clause ("Had
    you", "Is this", "Was the plan ...?"): a sentence break, which other rules restore."""
    cut = max((m.start() for m in CASE_CUE.finditer(token)), default=0)
    if not cut or token[cut:].lower() not in verbs or not token[cut + 1 :].islower():
        return False
    for pos in occurrences(text, token, ""):
        end = pos + len(token)
        m = NEXT_WORD.match(text, end)
        if m is None or not m.group(1).islower():
            continue
        ahead = (text.find(c, end, end + MAX_SENTENCE) for c in ".!?\n")
        stop = min((i for i in ahead if i >= 0), default=len(text))
        if text[stop : stop + 1] == "?":
            continue
        if m.group(1) not in stops or m.group(1) in links:
            return True
    return False


#: A space and the word after it.
NEXT_WORD = regex.compile(r" (\p{L}+)")
#: How far (characters) a sentence is read around a glued token for its end or its start: a text
#: without stops is not one sentence, and reading it whole for each occurrence was quadratic
#: (bench/hostile.py `glued_case_no_stops`).
MAX_SENTENCE = 600


def _after_trigger(text: str, token: str, triggers: frozenset[str]) -> bool:
    """Whether an occurrence of `token` comes after one of `triggers` in its sentence (since the last
    ". ! ?" or line break): the clause it ends puts its verb last ("wurde ... aktualisiertBenutzer")."""
    for pos in occurrences(text, token, ""):
        floor = max(0, pos - MAX_SENTENCE)
        start = max(max(text.rfind(mark, floor, pos) for mark in ".!?\n") + 1, floor)
        if any(w.lower() in triggers for w in LETTER_RUN.findall(text, start, pos)):
            return True
    return False


def _followed_by_word(text: str, token: str, words: frozenset[str]) -> bool:
    """Whether `token` is followed somewhere by a space and one of `words`, as written ("Geben Sie")."""
    for pos in occurrences(text, token):
        end = pos + len(token) + 1
        if text[end - 1 : end] == " ":
            stop = end
            while stop < len(text) and text[stop].isalpha():
                stop += 1
            if text[end:stop] in words:
                return True
    return False


def majority_apostrophe(text: str) -> str:
    """The apostrophe the document uses most between letters (straight on a tie)."""
    return "\u2019" if _between_letters(text, "\u2019") > _between_letters(text, "'") else "'"


#: The document's apostrophe style (`majority_apostrophe`), for every cleaner that writes one.
APOSTROPHE_STYLE: Shared[[], str] = Shared("apostrophe", lambda doc: majority_apostrophe(doc.text))


def _between_letters(text: str, mark: str) -> int:
    """How many times `mark` stands between two letters (a substring search, then a look at each)."""
    count, i = 0, text.find(mark, 1)
    while i >= 0:
        if i + 1 < len(text) and text[i - 1].isalpha() and text[i + 1].isalpha():
            count += 1
        i = text.find(mark, i + 1)
    return count


def _elided_tokens(text: str) -> Iterator[str]:
    """Words with an apostrophe inside and two letters or more before it, where an elided article may be
    glued: white-space tokens with an apostrophe, punctuation at their ends stripped."""
    for token in text.split():
        if "'" in token or "\u2019" in token:
            token = token.strip(EDGE_PUNCTUATION)
            if ELIDED_TOKEN.fullmatch(token) and ELIDED_GLUE.match(token):
                yield token


EDGE_PUNCTUATION = "\"()[]{}«»“”‘’,.;:!?…*_/'-\u2019"
