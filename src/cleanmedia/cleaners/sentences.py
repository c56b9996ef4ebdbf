"""A sentence that starts in lower case after a full stop ("Microsoft. le naissance") gets its capital.

After a full stop only: a question or an exclamation mark may close a quoted question inside a
sentence ("who I am? whispered"). The word must not be part of a command or identifier ("apt-get") nor a name written with digits
("my6sense").

A word that is not a stop word and that the document writes again in lower case but never with a
capital is a command ("aptitude", "make": they start sentences in lower case) and is left. The stop
must follow a word of at least two letters that is neither an abbreviation nor in capitals
(`resources.is_abbreviation`: the shared list, the language's units and titles, its short month names,
rows matched as written such as the German weekdays "Mo. bis Fr.", endings such as "-str"; and
`resources.is_abbreviation_at`: short weekday names, "du lun. au ven. de 9 h", one that is also a word,
"mer.", only beside another),
nor a word right after a number ("1 tsp. olive oil", "4 oz. cooked": a unit) or after another stop
("2.1 cu.ft. front", "z.B. die": a dotted abbreviation); the word must be a common word of the
language (commands and names may start a sentence in lower case), and an ellipsis never counts as the
end of a sentence.

Precision first, two cases are flagged (`sentence.capital.unsure`) instead of repaired:
- a content word in a technical text: there only a grammatical word of the language (its stop words,
  function words and sentence openers: "the", "les", "als", "também") is sure to open a sentence in
  lower case by mistake; a content word is as often a command or a program written in lower case
  ("aptitude can", "make distclean", "snort is"). A text is technical when it writes code
  (`text.CODE_WORDS`: "aptitude(8)", "main.cf") or writes twice a lower-case word that neither its
  language's lexicon nor the English one knows beyond a trace (`MAX_TERM_ZIPF`: "dpkg", "nmap", names
  of programs and files);
- a word that is a whole "sentence" by itself, closed by a stop or the end of its line ("all. of. you.",
  "the mall. adidas"): emphasis, a label or a brand on its own, not a sentence that lost its capital;
- lower case after a run-in heading (the first sentence of its line, six words or fewer, "Code source.
  le programme doit ...") where the document writes two or more: its style of terms and definitions;
- a content word and the word after it that the document also writes together in lower case inside a
  sentence ("by bell hooks. bell hooks wrote"): a name written in lower case by choice;
- a "sentence" of two words in lower case up to the next stop or the line's end ("para outros
  espaços. de trabalho."): a stray stop inside a phrase (the rest of the phrase after it) as often as a
  sentence that lost its capital.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit
from cleanmedia.lang import zipf
from cleanmedia.text import CODE_WORDS, occurrences

#: A full stop, a space and a lower-case letter (stdlib re, anchored on the punctuation: this scans every
#: text, so the lower case is spelt out for the Latin alphabets; other scripts' sentences are left alone).
STOP_THEN_LOWER = re.compile(r"\. (?=[a-zß-öø-ÿœ])")
#: A word directly followed by one of these is part of a command, a path or an identifier.
CODE_JOINERS = frozenset("-_(/")
WORD_BEFORE = re.compile(r"([^\W\d_]{2,})$")
WORD_AFTER = re.compile(r"[^\W\d_]{2,}")
#: A number and a space just before the word that precedes the stop ("4 oz.", "10 Uhr.", "3 Std.").
NUMBER_BEFORE = re.compile(r"\d[\d.,]* $")


class SentenceCapital(Cleaner):
    name = "sentence_capital"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("sentence.capital", "sentence.capital.unsure")

    @staticmethod
    def _grammar(code: str) -> frozenset[str]:
        found = resources.profile(code)
        return found.stopwords | found.words("function_words.txt") | found.words("sentence_openers.txt")

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        code = doc.lang or resources.FALLBACK_LANGUAGE
        stops = resources.stopwords(code)
        words = doc.words()
        text = doc.text
        grammar = self._grammar(code)
        technical: bool | None = None  # read only when a content word needs it
        run_in = _run_in_heads(text)
        for m in STOP_THEN_LOWER.finditer(text):
            found_before = WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            found_after = WORD_AFTER.match(text, m.end())
            if found_before is None or found_after is None:
                continue
            before, word = found_before.group(1), found_after.group()
            if not word.islower():
                continue
            if resources.is_abbreviation_at(text, found_before.start(), m.start(), code) or before.isupper():
                continue  # "p. ej. pingüino", "ID. models", "Mo. bis Fr.", "Bahnhofstr. neben": an
                # abbreviation's full stop
            head = text[max(0, found_before.start() - 12) : found_before.start()]
            if head.endswith(".") or NUMBER_BEFORE.search(head):
                continue  # "cu.ft. front", "1 tsp. olive": a dotted abbreviation, a unit after a number
            if zipf(word, code) < 3.0:
                continue  # "chmod is used": a command or a name may start a sentence in lower case
            if word not in stops and words[word] > 1 and not words[word.capitalize()]:
                continue  # "aptitude can": again in lower case, never capitalised in the document: a command
            if word in doc.cached(CODE_WORDS):
                continue  # "aptitude(8)", "make -f" elsewhere: a command written as code
            start = m.end()
            if text[max(0, start - 4) : start - 1].endswith(".."):
                continue
            joined = text[found_after.end() : found_after.end() + 1]
            if joined in CODE_JOINERS or joined.isdigit():
                continue  # "apt-get is", "clone() must", "name-Zeile", "my6sense is": a command, an
                # identifier or a name written with digits, which keeps its lower case
            end = found_after.end()
            unsure = (
                "a word alone after a stop: emphasis or a label"
                if _alone(text, end)
                else "lower case after a run-in heading, as the document writes them: its style, not damage"
                if m.start() in run_in
                else "a name the document writes in lower case inside its sentences too"
                if word not in grammar and _lower_name(text, start, end)
                else "two words after a stop up to the next: a stray stop inside a phrase as often as a lost capital"
                if _fragment(text, end)
                else "a content word in lower case after a stop: a command or a brand as often as a lost capital"
                if word not in grammar
                and (technical := _technical(doc, code) if technical is None else technical)
                else None
            )
            if unsure is not None:
                yield doc.mark(start, end, "sentence.capital.unsure", unsure)
            else:
                yield doc.change(
                    start, start + 1, word[0].upper(), "sentence.capital", "sentence starts in lower case"
                )


#: The next word after a word, across one space.
NEXT_WORD = re.compile(r" ([^\W\d_]+)")
#: A lower-case letter or a comma, then a space, right before a stretch: inside a sentence.
INSIDE_SENTENCE = re.compile(r"[^\W\d_A-Z],? $|, $")


def _lower_name(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] and the word after it are written in lower case together
    inside a sentence elsewhere in the text ("the essays of bell hooks ... bell hooks wrote"): a name
    written in lower case by choice, which keeps it at a sentence's start too. Two words, not one: a
    common word may follow a stop in lower case by damage and stand inside sentences by grammar."""
    found = NEXT_WORD.match(text, end)
    if found is None or not found.group(1).islower():
        return False
    pair = text[start:end] + found.group()
    for pos in occurrences(text, pair, "-"):
        if pos != start and INSIDE_SENTENCE.search(text, max(0, pos - 3), pos):
            return True
    return False


#: Below this zipf in the language's lexicon and in the English one, a lower-case word is a term of a
#: program or a file ("dpkg" 1.4, "nmap" 1.8; web lexicons know them a little) or a slip, not prose.
MAX_TERM_ZIPF = 2.0


def _technical(doc: DocumentView, code: str) -> bool:
    """Whether the text is technical (see the module docstring): it writes code, or writes twice or more
    a lower-case word of three letters or more that neither `code`'s lexicon nor the English one knows
    beyond a trace (`MAX_TERM_ZIPF`: terms of programs and files recur; a rare inflected form of prose,
    "recruterait", is seldom written twice)."""
    if doc.cached(CODE_WORDS):
        return True
    words = doc.words()
    return any(
        n >= 2
        and len(w) >= 3
        and w.islower()
        and max(zipf(w, code), zipf(w, resources.FALLBACK_LANGUAGE)) < MAX_TERM_ZIPF
        for w, n in words.items()
    )


#: At most this many words before the stop make a run-in heading ("Code source. le programme doit ...").
MAX_RUN_IN_WORDS = 6


def _run_in_heads(text: str) -> frozenset[int]:
    """The positions of the stops that close a run-in heading followed by lower case ("Code source. le
    programme doit", "Applications dérivées. la licence doit"): the first sentence of its line, at most
    `MAX_RUN_IN_WORDS` words, starting with a capital; only when the document writes two or more, its
    style (a list of terms and definitions), not a slip. A single one is repaired ("I don't think he's
    blind. he's worked")."""
    found = []
    for m in STOP_THEN_LOWER.finditer(text):
        head = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if head[:1].isupper() and not any(c in head for c in ".!?") and len(head.split()) <= MAX_RUN_IN_WORDS:
            found.append(m.start())
    return frozenset(found) if len(found) >= 2 else frozenset()


#: The rest of a short "sentence" after its first word: one more word in lower case, then its end
#: (closing marks, a stop, or the line's end), as `ALONE_AFTER` below.
FRAGMENT_AFTER = re.compile(r"(?: [^\W\d_A-Z][^\W\d_]*)[\"'\u201d\u00bb)]*(?:[.!?\u2026]|[ \t]*(?:\n|$))")


def _fragment(text: str, end: int) -> bool:
    """Whether the word ending at `end` is followed by one more lower-case word and then the end of the
    "sentence" ("espaços. de trabalho."): a phrase that a stray stop cut, as often as a sentence (three
    words, "le projet avance.", are a sentence: repaired)."""
    found = FRAGMENT_AFTER.match(text, end)
    return found is not None and not any(c.isupper() for c in found.group())


#: What may follow a word that is a whole "sentence" by itself: closing marks, then a stop or the line's end.
ALONE_AFTER = re.compile(r"[\"'\u201d\u00bb)]*(?:[.!?\u2026]|[ \t]*(?:\n|$))")


def _alone(text: str, end: int) -> bool:
    """Whether the word ending at `end` is the whole sentence: a stop or the end of its line follows it
    ("all. of. you.", "the mall. adidas\n")."""
    return ALONE_AFTER.match(text, end) is not None
