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
from collections.abc import Callable, Iterable, Iterator, Mapping
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
        check_traits(cls.__name__, vars(cls))
        if isinstance(cls.__dict__.get("languages"), (set, list, tuple)):
            cls.languages = frozenset(cls.__dict__["languages"])

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


#: Names a trait is often written under by mistake.
TRAIT_ALIASES = {
    "lang": "languages",
    "langs": "languages",
    "language": "languages",
    "flags_only": "only_flags",
}


def _near_trait(attr: str) -> str | None:
    """The trait `attr` looks like a misspelling of ("setles", "SETTLES", "langs"), or None."""
    if attr in TRAITS or attr.startswith("_"):
        return None
    lowered = attr.lower()
    if lowered in TRAITS or lowered in TRAIT_ALIASES:
        return TRAIT_ALIASES.get(lowered, lowered)
    near = difflib.get_close_matches(lowered, TRAITS, n=1, cutoff=0.75)
    return near[0] if near else None


def check_traits(owner: str, attrs: Mapping[str, Any]) -> None:
    """TypeError for an attribute that misspells a trait, or a trait of the wrong type (a typo or a
    string where a set belongs would otherwise change the chain's behaviour silently)."""
    for attr, value in attrs.items():
        near = _near_trait(attr)
        if near is not None:
            raise TypeError(f"{owner}.{attr}: did you mean the trait {near!r}?")
        if attr in ("settles", "only_flags", "word_level") and not isinstance(value, bool):
            raise TypeError(f"{owner}.{attr} must be True or False, not {value!r}")
        if attr == "languages" and value is not None and not _codes(value):
            raise TypeError(
                f"{owner}.languages must be a set of ISO 639 codes (de, fr...) or None, not {value!r}"
            )
        if attr == "reasons" and (isinstance(value, str) or not all(isinstance(r, str) and r for r in value)):
            raise TypeError(f"{owner}.reasons must be a tuple of reason codes, not {value!r}")


def _codes(value: Any) -> bool:
    """True for a collection of ISO 639 codes (not a string, whose letters would pass as codes)."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return False
    return all(isinstance(c, str) and c.islower() and c.isalpha() and 2 <= len(c) <= 3 for c in value)


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
        stray = [t for t in TRAITS if hasattr(obj, t)] + [
            a for a in dir(obj) if not a.startswith("_") and _near_trait(a) is not None
        ]
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
        check_traits(type(step).__name__, vars(step))  # traits set (or misspelt) on the instance
        return step
    if hasattr(step, "edits") and hasattr(step, "name"):
        return ObjectCleaner(step)
    if callable(step):
        return FunctionCleaner(step)
    raise TypeError(
        f"not a cleaner: {step!r} (give a cleanmedia.Cleaner, an object with name and edits(), "
        "or a str -> str function)"
    )
