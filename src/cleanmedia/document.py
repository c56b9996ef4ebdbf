"""The document that flows through a chain, and the edits each cleaner records on it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from itertools import filterfalse
from typing import Any, Literal, TypeVar, cast

T = TypeVar("T")
EditKind = Literal["remove", "replace", "insert", "flag"]

#: Runs of letters (stdlib `re`: the fastest scan here); shared by every cleaner through `Document.words`.
LETTER_RUN = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Edit:
    """One change (or flag) a cleaner made, in the coordinates of the text it was given.

    `start`/`end` index the text as it stood when the cleaner ran, so replaying the edits cleaner by
    cleaner, in order, rebuilds the output exactly (see `cleanmedia.chain.replay`). `line` is the line of
    the chain's input (`Result.source`) the change comes from, whichever pass made it (0 outside a
    chain). A flag has `before == after` and changes nothing: it marks text a person should look at.
    """

    start: int
    end: int
    before: str
    after: str
    reason: str
    detail: str = ""
    line: int = 0
    cleaner: str = ""
    flag: bool = False
    step: int = (
        0  # the chain step (pass × chain length + position) that made it: replay applies steps in order
    )

    @property
    def kind(self) -> EditKind:
        if self.flag:
            return "flag"
        if not self.after:
            return "remove"
        if not self.before:
            return "insert"
        return "replace"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind
        return data

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else f"{self.start}:{self.end}"
        if self.kind == "flag":
            what = f"flag {self.before!r}"
        elif self.kind == "remove":
            what = f"removed {self.before!r}"
        elif self.kind == "insert":
            what = f"inserted {self.after!r}"
        else:
            what = f"{self.before!r} -> {self.after!r}"
        why = f"{self.reason}: {self.detail}" if self.detail else self.reason
        return f"[{self.cleaner}] {where}: {what} ({why})"


@dataclass
class Metadata:
    """What cleaners learn about the document: moved here rather than lost (bylines, datelines)."""

    lang: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601
    site: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class Document:
    """Text plus what is known about it. Cleaners read it and return edits; the chain applies them."""

    text: str
    metadata: Metadata = field(default_factory=Metadata)
    edits: list[Edit] = field(default_factory=list)
    source: str = ""  # the text the chain started from (after HTML conversion), for replay
    page_title: str | None = None  # the title the HTML page declared (not one guessed from the text)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _cached_text: str | None = field(default=None, repr=False, compare=False)
    _word_keys: set[str] = field(default_factory=set, repr=False, compare=False)

    def cached(self, key: str, compute: Callable[[str], T], *, words_only: bool = False) -> T:
        """`compute(text)` of the current text, computed once per text and shared by every cleaner:
        the chain's hot loop is many cleaners reading the same text, so they share one scan of it.
        `words_only`: the value depends on the runs of letters alone, so it outlives a change of the
        text that keeps them all (see `set_text`)."""
        if self._cached_text is not self.text:
            self._cache.clear()
            self._word_keys.clear()
            self._cached_text = self.text
        try:
            return cast(T, self._cache[key])
        except KeyError:
            value = self._cache[key] = compute(self.text)
            if words_only:
                self._word_keys.add(key)
            return value

    def set_text(self, text: str, *, same_words: bool = False) -> None:
        """Replace the text. With `same_words` (the change added, removed, joined and split no run of
        letters: white space, punctuation, layout), what was computed from the words stays cached."""
        keep = same_words and self._cached_text is self.text
        self._cache = {k: self._cache[k] for k in self._word_keys} if keep else {}
        self._word_keys = set(self._cache)
        self.text = self._cached_text = text

    def words(self) -> Counter[str]:
        """Runs of letters in the current text and how often each occurs (computed once per text)."""
        return self.cached("words", lambda text: Counter(self.word_list()), words_only=True)

    def mixed_case(self) -> list[str]:
        """Distinct words with a capital inside, neither lower, upper nor title case ("iPhone", "hierLe"):
        where glued words and brand names hide. Filtered in C, once per text, for both cleaners."""
        return self.cached(
            "mixed_case",
            lambda text: list(
                filterfalse(str.istitle, filterfalse(str.isupper, filterfalse(str.islower, self.words())))
            ),
            words_only=True,
        )

    def word_list(self) -> list[str]:
        """Runs of letters in the current text, in order (one scan per text, shared)."""
        return self.cached("word_list", LETTER_RUN.findall, words_only=True)

    @property
    def lang(self) -> str | None:
        return self.metadata.lang

    def change(self, start: int, end: int, after: str, reason: str, detail: str = "") -> Edit:
        """An edit replacing text[start:end] by `after`."""
        return Edit(start, end, self.text[start:end], after, reason, detail)

    def remove(self, start: int, end: int, reason: str, detail: str = "") -> Edit:
        return self.change(start, end, "", reason, detail)

    def mark(self, start: int, end: int, reason: str, detail: str = "") -> Edit:
        """A flag: nothing changes, a person should look at text[start:end]."""
        span = self.text[start:end]
        return Edit(start, end, span, span, reason, detail, flag=True)
