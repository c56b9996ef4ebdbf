"""A text's sign-off: the closing at its end ("Mit freundlichen Grüßen" and a name, "Cordialement," and a
name, an agency's and an author's initials "(dpa/abc)").

A sign-off after the article's last paragraph is article text: the author signs the article, a wire
story credits its sources. It stays wherever the page put it: in a `<p>` as in a `<footer>` or an
author's box at the end of the article (`extract` keeps such a box, logged as kept), and in a text. A
closing elsewhere (inside a newsletter box, a site's footer, above the article's text) is not the
article's, and goes with the furniture around it: this module only says whether lines make a sign-off
and whether it follows the article's prose.

The closing formulas are data, one file per language (`resources/languages/<code>/closings.txt`); the
agencies are the shared list of bylines (`resources/common/news_agencies.txt`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from cleanmedia import resources
from cleanmedia.text import ends_sentence

#: Lines of names after a closing formula at most ("Anna Schmidt", "Vorsitzende des Vereins").
SIGNER_LINES = 3
#: Words of a signer's line at most (a name, a role, a place): more is a sentence of the text.
SIGNER_WORDS = 6
#: Words of a signer after the formula on its line at most ("Cordialement, Le bureau").
SIGNER_AFTER = 4
#: A credit in brackets: initials and agencies apart by "/", "," or ";" ("(dpa/abc)", "(AFP, red)").
CREDIT = re.compile(r"^\(([^()]{2,40})\)$")
CREDIT_PARTS = re.compile(r"\s*[/,;]\s*")
#: An author's initials in a credit: two to four lower-case letters ("abc", "red", "jk").
INITIALS = re.compile(r"^[^\W\d_A-Z]{2,4}$")
#: What a line may end with after a formula (a comma, a stop, an exclamation).
TRAILING = ",.!;:\u2026 "
#: The prose a sign-off follows: a sentence of this many words at least.
PROSE_WORDS = 6


@cache
def formulas(lang: str | None) -> frozenset[str]:
    """The closing formulas of `lang` (lower case); of every article language when it is unknown."""
    own = resources.profile(lang).words("closings.txt")
    return own or resources.union("closings.txt")


@cache
def agencies() -> frozenset[str]:
    """The news agencies' names a credit may give, lower case."""
    return frozenset(name.casefold() for name in resources.common("news_agencies.txt"))


def closing(line: str, lang: str | None) -> bool:
    """Whether `line` is a closing formula of `lang` ("Mit freundlichen Grüßen", "Cordialement,"),
    alone or with its signer after a comma ("Cordialement, Le bureau": SIGNER_AFTER words at most).
    A formula that starts a longer line is the line's first words, not a closing ("Ihre Meinung ...")."""
    core = " ".join(line.lower().split()).rstrip(TRAILING)
    found = formulas(lang)
    if core in found:
        return True
    head, comma, signer = core.partition(",")
    return bool(comma) and head.strip() in found and 0 < len(signer.split()) <= SIGNER_AFTER


def credit(line: str) -> bool:
    """Whether `line` is a credit in brackets at a story's end: news agencies and authors' initials
    ("(dpa/abc)", "(AFP)", "(red)", "(Reuters, jk)"), an agency or initials in each part."""
    match = CREDIT.match(line.strip())
    if match is None:
        return False
    parts = [part.strip() for part in CREDIT_PARTS.split(match.group(1))]
    return all(part.casefold() in agencies() or INITIALS.match(part) for part in parts)


def signer(line: str) -> bool:
    """Whether `line` may be a signer's after a closing: a name, a role, a place (SIGNER_WORDS words
    at most, no sentence)."""
    words = line.split()
    return 0 < len(words) <= SIGNER_WORDS and not ends_sentence(line.rstrip(")"))


def start(lines: Sequence[str], lang: str | None) -> int | None:
    """Where the sign-off at the end of `lines` starts (an index), or None: a credit line last
    (`credit`), and before it (or without it) a closing formula (`closing`) followed by SIGNER_LINES
    lines of signers at most (`signer`)."""
    end = len(lines)
    found: int | None = None
    if end and credit(lines[end - 1]):
        end -= 1
        found = end
    for at in range(end - 1, max(end - 2 - SIGNER_LINES, -1), -1):
        if closing(lines[at], lang):
            return at
        if not signer(lines[at]):
            break
    return found


def signs_off(lines: Sequence[str], lang: str | None) -> bool:
    """Whether `lines` are a sign-off and nothing else (a footer or an author's box holding only it)."""
    return bool(lines) and start(lines, lang) == 0


def after_prose(before: str) -> bool:
    """Whether a sign-off follows the article's prose: `before` (the text above it) ends with a
    sentence of PROSE_WORDS words or more. A closing under a headline, a menu or a box's title is not
    the article's."""
    last = before.rstrip().rsplit("\n", 1)[-1].strip()
    return len(last.split()) >= PROSE_WORDS and ends_sentence(last)
