"""The cleaner contract: what a step of the chain reads, what it returns, and the traits it declares.

A cleaner reads a `DocumentView` (the text as it stands, metadata, shared computations) and returns
proposals: `Edit`s of the text (or flags) and `MetadataEdit`s. The chain applies and logs them; a cleaner
never assigns the text or the metadata and keeps nothing of one document on `self`, so one chain serves
any number of threads. Traits are class attributes declared here and read by the chain as such:

- `settles`: its edits never give another cleaner new evidence (layout, typography, furniture removal);
  a pass with edits from such cleaners only is the chain's last (`Chain.run`).
- `only_flags`: it never changes the text; `clean`, which returns the text alone, skips it.
- `languages`: the article languages it works in (None: any); the chain skips it for the others.
- `word_level`: it edits words inside lines (splits, casing, elision, apostrophes); the chain keeps its
  edits off tokens that still look like mojibake (`cleanmedia.encoding.suspect`) and logs them as
  `mojibake.protected` flags instead: an edit inside "g√¢teaux" would leave text no charset reads back.
- `reasons`: the prefixes of the reason codes its edits carry ("glue." or a whole code), for docs and
  for the test that every logged reason is declared.

A plain `str -> str` function is a cleaner too (`FunctionCleaner`: the difference is logged as edits).
"""

from __future__ import annotations

import difflib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, Protocol

from cleanmedia.document import DocumentView, Edit, MetadataEdit

Proposal = Edit | MetadataEdit
#: The reason of a `word_level` edit the chain turned into a flag because it touched mojibake.
PROTECTED = "mojibake.protected"
TRAITS = ("settles", "only_flags", "languages", "word_level", "reasons")


class CleanerError(RuntimeError):
    """A cleaner returned something the chain cannot apply: a bug in that cleaner, named in the message."""


class Cleaner(ABC):
    """Base class of every cleaner: a name, declared traits, and `edits(doc)` returning proposals.

    Edits index `doc.text` as given and must not overlap. Subclasses set `name` (class or instance
    attribute) and override the traits they need; a class attribute that misspells a trait is a
    `TypeError` at class creation, so a typo cannot silently change the chain's behaviour.
    """

    name: str
    settles: ClassVar[bool] = False
    only_flags: ClassVar[bool] = False
    languages: ClassVar[frozenset[str] | None] = None
    word_level: ClassVar[bool] = False
    reasons: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for attr in cls.__dict__:
            if attr in TRAITS or attr.startswith("_"):
                continue
            near = difflib.get_close_matches(attr, TRAITS, n=1, cutoff=0.8)
            if near:
                raise TypeError(f"{cls.__name__}.{attr}: did you mean the trait {near[0]!r}?")

    @abstractmethod
    def edits(self, doc: DocumentView) -> Iterable[Proposal]:
        """The edits, flags and metadata values this cleaner proposes for `doc`."""

    def declares(self, reason: str) -> bool:
        """Whether `reason` is one of the reason codes this cleaner declared (a `word_level` cleaner also
        carries the flags the chain makes of its edits inside mojibake)."""
        if self.word_level and reason == PROTECTED:
            return True
        return any(reason == r or (r.endswith(".") and reason.startswith(r)) for r in self.reasons)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


class FunctionCleaner(Cleaner):
    """Adapts a `str -> str` function: its changes are logged as line-level edits, reason `custom`."""

    reasons = ("custom",)

    def __init__(self, func: Callable[[str], str], name: str | None = None) -> None:
        self.func = func
        self.name = name or str(getattr(func, "__name__", "custom"))

    def edits(self, doc: DocumentView) -> list[Edit]:
        new = self.func(doc.text)
        if not isinstance(new, str):
            raise CleanerError(f"cleaner {self.name!r} returned {type(new).__name__}, not str")
        return list(diff_edits(doc, new, "custom", f"changed by {self.name}"))


class ObjectCleaner(Cleaner):
    """Adapts an object with a `name` and an `edits(doc)` method that does not subclass `Cleaner`: it
    gets the default traits (an object that wants others subclasses `Cleaner`)."""

    def __init__(self, obj: Any) -> None:
        stray = [t for t in TRAITS if hasattr(obj, t)]
        if stray:
            raise TypeError(
                f"{obj!r} sets {', '.join(stray)} without subclassing cleanmedia.Cleaner, which declares them"
            )
        self.obj = obj
        self.name = str(obj.name)

    def edits(self, doc: DocumentView) -> Iterable[Proposal]:
        result: Iterable[Proposal] = self.obj.edits(doc)
        return result


def diff_edits(doc: DocumentView, new: str, reason: str, detail: str) -> Iterator[Edit]:
    """Edits turning doc.text into `new`, one per differing run of lines."""
    old_lines = doc.text.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    offsets = [0]
    for line in old_lines:
        offsets.append(offsets[-1] + len(line))
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield doc.change(offsets[i1], offsets[i2], "".join(new_lines[j1:j2]), reason, detail)


class CleanerLike(Protocol):
    """Any object with a `name` and an `edits(doc)` method: adapted by `ObjectCleaner`."""

    name: str

    def edits(self, doc: DocumentView) -> Iterable[Proposal]: ...


Step = Cleaner | CleanerLike | Callable[[str], str]


def as_cleaner(step: Any) -> Cleaner:
    """`step` as a `Cleaner`: itself, an adapted object with `name` and `edits`, or a wrapped function."""
    if isinstance(step, Cleaner):
        return step
    if hasattr(step, "edits") and hasattr(step, "name"):
        return ObjectCleaner(step)
    if callable(step):
        return FunctionCleaner(step)
    raise TypeError(
        f"not a cleaner: {step!r} (give a cleanmedia.Cleaner, an object with name and edits(), "
        "or a str -> str function)"
    )
