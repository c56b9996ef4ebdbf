"""The document that flows through a chain, and what the log records of it: text edits, metadata edits,
and the HTML stage's removals."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import KW_ONLY, asdict, dataclass, field, fields, replace
from itertools import filterfalse
from typing import Any, Concatenate, Generic, Literal, ParamSpec, Protocol, TypeVar, cast

T = TypeVar("T")
P = ParamSpec("P")
EditKind = Literal["remove", "replace", "insert", "flag"]

#: Runs of letters (stdlib `re`: the fastest scan here); shared by every cleaner through `Document.words`.
LETTER_RUN = re.compile(r"[^\W\d_]+")


def _fields_of(cls: type, data: Mapping[str, Any], kind: str | None) -> dict[str, Any]:
    """The constructor arguments of dataclass `cls` in `data` (a `to_dict` output read back from JSON),
    without its derived `kind`, which must match (`kind`: the value expected, or None when it is derived
    from the fields and checked by the caller). Raises ValueError for a field `cls` does not have, or a
    `kind` of another record type (an extraction removal read as a text edit)."""
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - names - {"kind"})
    if unknown:
        raise ValueError(f"not a {cls.__name__}: unknown field(s) {', '.join(map(repr, unknown))}")
    if kind is not None and data.get("kind", kind) != kind:
        raise ValueError(f"not a {cls.__name__}: kind {data['kind']!r} (expected {kind!r})")
    return {k: v for k, v in data.items() if k in names}


@dataclass(frozen=True, slots=True)
class Edit:
    """One change (or flag) a cleaner made, in the coordinates of the text it was given.

    `start`/`end` index the text as it stood when the cleaner ran, so replaying the edits cleaner by
    cleaner, in order, rebuilds the output exactly (see `cleanmedia.chain.replay`). A cleaner fills the
    first six fields (`Document.change`, `remove`, `mark`); the chain fills the keyword-only rest: `line`
    is the line of the chain's input (`Result.source`) the change comes from, whichever pass made it,
    `cleaner` the step's name and `step` its number (pass x chain length + position). A flag has
    `before == after` and changes nothing: it marks text a person should look at.
    """

    start: int
    end: int
    before: str
    after: str
    reason: str
    detail: str = ""
    _: KW_ONLY
    line: int = 0
    cleaner: str = ""
    flag: bool = False
    step: int = 0

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
        """The fields by name, with the derived `kind` (`remove`, `replace`, `insert`, `flag`)."""
        data = asdict(self)
        data["kind"] = self.kind
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Edit:
        """The edit `to_dict` gave (`Edit(**data)` fails on its `kind`): a log written as JSON (`--json`,
        `--edits`) is read back and replayed (`replay(source_text, [Edit.from_dict(e) ...])`). Raises
        ValueError for a field an edit does not have, or a `kind` its fields do not give (a metadata edit
        or an extraction removal is not a text edit)."""
        edit = cls(**_fields_of(cls, data, None))
        if "kind" in data and data["kind"] != edit.kind:
            raise ValueError(f"not an Edit: kind {data['kind']!r}, its fields make it {edit.kind!r}")
        return edit

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


MetadataField = Literal["lang", "title", "author", "date", "site", "url"]
METADATA_FIELDS: tuple[MetadataField, ...] = ("lang", "title", "author", "date", "site", "url")


@dataclass(frozen=True)
class MetadataEdit:
    """A metadata value a step set, and why: metadata is never changed outside the log.

    A cleaner proposes one with `Document.set_metadata` (field, value, reason); the chain applies it and
    fills the keyword-only rest (`before`, the step's `cleaner` name and `step` number). The HTML stage's
    values come with cleaner "extract" and step -1, the language identification's with cleaner "identify".
    """

    field: MetadataField
    after: str | None
    reason: str
    detail: str = ""
    _: KW_ONLY
    before: str | None = None
    cleaner: str = ""
    step: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"kind": "metadata"}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MetadataEdit:
        """The metadata edit `to_dict` gave (kind `metadata`); ValueError otherwise (`Edit.from_dict`)."""
        return cls(**_fields_of(cls, data, "metadata"))

    def __str__(self) -> str:
        why = f"{self.reason}: {self.detail}" if self.detail else self.reason
        return f"[{self.cleaner}] metadata {self.field}: {self.before!r} -> {self.after!r} ({why})"


@dataclass(frozen=True)
class Removal:
    """What the HTML stage dropped from the page, or kept against a furniture rule (`kept`).

    `text` is the whole visible text of what went (never cut), `selector` the CSS path of the element
    when it was one, `reason` an `extract.*` code and `detail` the evidence. Removals are not edits of
    the text the chain starts from (that text is what was left), so `replay` does not need them; they
    stay in the result whatever the number of passes.
    """

    text: str
    reason: str
    detail: str = ""
    selector: str = ""
    kept: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"kind": "extraction"}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Removal:
        """The removal `to_dict` gave (kind `extraction`); ValueError otherwise (`Edit.from_dict`)."""
        return cls(**_fields_of(cls, data, "extraction"))

    def __str__(self) -> str:
        where = f" {self.selector}" if self.selector else ""
        what = "kept" if self.kept else "removed"
        shown = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        why = f"{self.reason}: {self.detail}" if self.detail else self.reason
        return f"[extract]{where}: {what} {shown!r} ({why})"


@dataclass(frozen=True)
class Metadata:
    """What is known about the document: read from the page, or moved out of the text (bylines,
    datelines). Immutable: every value set after the start is a `MetadataEdit` in the log."""

    lang: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601
    site: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def get(self, name: MetadataField) -> str | None:
        value: str | None = getattr(self, name)
        return value


@dataclass(frozen=True, eq=False)
class Shared(Generic[P, T]):
    """A value several cleaners read, declared once with the function that computes it.

    `Document.cached(SHARED, *args)` computes `compute(doc, *args)` once per text and returns it to every
    cleaner that asks with the same declaration and arguments (the declaration object is the key: no
    string can collide). `words_only`: the value depends on the runs of letters alone, so it outlives a
    change of the text that keeps them all (see `Document.set_text`).
    """

    name: str
    compute: Callable[Concatenate[Document, P], T]
    words_only: bool = False

    def __repr__(self) -> str:
        return f"Shared({self.name!r})"


class DocumentView(Protocol):
    """What a cleaner may read of the document (the chain alone changes it): the text as it stands,
    its metadata, the page's declared title, the text the chain started from, the shared computations,
    and the edit makers."""

    @property
    def text(self) -> str: ...
    @property
    def metadata(self) -> Metadata: ...
    @property
    def page_title(self) -> str | None: ...
    @property
    def source(self) -> str: ...
    @property
    def lang(self) -> str | None: ...
    def given(self, field: MetadataField) -> bool: ...
    def cached(self, shared: Shared[P, T], *args: P.args, **kwargs: P.kwargs) -> T: ...
    def words(self) -> Counter[str]: ...
    def word_list(self) -> list[str]: ...
    def mixed_case(self) -> list[str]: ...
    def change(self, start: int, end: int, after: str, reason: str, detail: str = "") -> Edit: ...
    def remove(self, start: int, end: int, reason: str, detail: str = "") -> Edit: ...
    def mark(self, start: int, end: int, reason: str, detail: str = "") -> Edit: ...
    def set_metadata(
        self, field: MetadataField, value: str | None, reason: str, detail: str = ""
    ) -> MetadataEdit: ...


@dataclass
class Document:
    """Text plus what is known about it. Cleaners read it (as a `DocumentView`) and return edits; the
    chain alone applies them (`set_text`, `metadata`). One document belongs to one call: cleaners keep
    no state of their own, so one chain serves any number of threads."""

    text: str
    metadata: Metadata = field(default_factory=Metadata)
    edits: list[Edit] = field(default_factory=list)
    source: str = ""  # the text the chain started from (after HTML conversion), for replay
    page_title: str | None = None  # the title the HTML page declared (not one guessed from the text)
    metadata_edits: list[MetadataEdit] = field(default_factory=list)
    _cache: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False, compare=False)
    _cached_text: str | None = field(default=None, repr=False, compare=False)
    _word_keys: set[tuple[Any, ...]] = field(default_factory=set, repr=False, compare=False)

    def cached(self, shared: Shared[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`shared.compute(self, *args)` for the current text, computed once per text and arguments and
        shared by every cleaner: the chain's hot loop is many cleaners reading the same text."""
        if self._cached_text is not self.text:
            self._cache.clear()
            self._word_keys.clear()
            self._cached_text = self.text
        key = (shared, args, tuple(sorted(kwargs.items()))) if kwargs else (shared, args)
        try:
            return cast(T, self._cache[key])
        except KeyError:
            value = self._cache[key] = shared.compute(self, *args, **kwargs)
            if shared.words_only:
                self._word_keys.add(key)
            return value

    def set_text(self, text: str, *, same_words: bool = False) -> None:
        """Replace the text (the chain's call). With `same_words` (the change added, removed, joined and
        split no run of letters: white space, punctuation, layout), what was computed from the words
        stays cached."""
        keep = same_words and self._cached_text is self.text
        self._cache = {k: self._cache[k] for k in self._word_keys} if keep else {}
        self._word_keys = set(self._cache)
        self.text = self._cached_text = text

    def apply_metadata(self, edit: MetadataEdit) -> MetadataEdit | None:
        """Set one metadata value (the chain's call) and return the logged edit, or None when the value
        was already that."""
        before = self.metadata.get(edit.field)
        if before == edit.after:
            return None
        self.metadata = replace(self.metadata, **{edit.field: edit.after})
        logged = replace(edit, before=before)
        self.metadata_edits.append(logged)
        return logged

    def given(self, field: MetadataField) -> bool:
        """Whether the caller gave this metadata value (`clean(..., lang="de")`): a value the caller gave
        is final, no cleaner changes it (a mixed text re-identified as another language came back with
        another `lang` than the one asked for)."""
        return any(e.field == field and e.cleaner == "caller" for e in self.metadata_edits)

    def words(self) -> Counter[str]:
        """Runs of letters in the current text and how often each occurs (computed once per text)."""
        return self.cached(WORDS)

    def mixed_case(self) -> list[str]:
        """Distinct words with a capital inside, neither lower, upper nor title case ("iPhone", "hierLe"):
        where glued words and brand names hide. Filtered in C, once per text, for both cleaners."""
        return self.cached(MIXED_CASE)

    def word_list(self) -> list[str]:
        """Runs of letters in the current text, in order (one scan per text, shared)."""
        return self.cached(WORD_LIST)

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

    def set_metadata(
        self, field: MetadataField, value: str | None, reason: str, detail: str = ""
    ) -> MetadataEdit:
        """A proposal to set one metadata value, returned among a cleaner's edits.

        Raises ValueError for a field `Metadata` does not have or a value that is not a string."""
        if field not in METADATA_FIELDS:
            raise ValueError(f"no metadata field {field!r}; fields are {', '.join(METADATA_FIELDS)}")
        if value is not None and not isinstance(value, str):
            raise ValueError(f"metadata {field} must be a string or None, not {type(value).__name__}")
        return MetadataEdit(field, value, reason, detail)


class ReadOnlyView:
    """What the chain hands a cleaner at run time: the `DocumentView` of a `Document`, without a way to
    assign its text, metadata or log (an assignment is an AttributeError). Shared computations are the
    document's own, so every cleaner still shares them."""

    __slots__ = ("_doc",)
    _doc: Document

    def __init__(self, doc: Document) -> None:
        object.__setattr__(self, "_doc", doc)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a cleaner cannot assign {name!r}: it returns edits and metadata edits instead")

    @property
    def text(self) -> str:
        return self._doc.text

    @property
    def metadata(self) -> Metadata:
        return self._doc.metadata

    @property
    def page_title(self) -> str | None:
        return self._doc.page_title

    @property
    def source(self) -> str:
        """The text the chain started from (after HTML conversion), or the text itself outside a chain:
        a decision about the document as it came (`lines.Lines`' dump gate) reads it, not what earlier
        steps left."""
        return self._doc.source or self._doc.text

    @property
    def lang(self) -> str | None:
        return self._doc.metadata.lang

    def given(self, field: MetadataField) -> bool:
        return self._doc.given(field)

    def cached(self, shared: Shared[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        return self._doc.cached(shared, *args, **kwargs)

    def words(self) -> Counter[str]:
        return self._doc.words()

    def word_list(self) -> list[str]:
        return self._doc.word_list()

    def mixed_case(self) -> list[str]:
        return self._doc.mixed_case()

    def change(self, start: int, end: int, after: str, reason: str, detail: str = "") -> Edit:
        return self._doc.change(start, end, after, reason, detail)

    def remove(self, start: int, end: int, reason: str, detail: str = "") -> Edit:
        return self._doc.remove(start, end, reason, detail)

    def mark(self, start: int, end: int, reason: str, detail: str = "") -> Edit:
        return self._doc.mark(start, end, reason, detail)

    def set_metadata(
        self, field: MetadataField, value: str | None, reason: str, detail: str = ""
    ) -> MetadataEdit:
        return self._doc.set_metadata(field, value, reason, detail)


WORD_LIST: Shared[[], list[str]] = Shared(
    "word_list", lambda doc: LETTER_RUN.findall(doc.text), words_only=True
)
#: Characters of text scanned at a time when counting its words.
WORD_CHUNK = 1 << 20


def count_words(text: str) -> Counter[str]:
    """The runs of letters of `text` and how often each occurs, found a chunk at a time (cut at a line
    break, which no run crosses): the same counts as `Counter(LETTER_RUN.findall(text))` without a list
    of every word of the text in memory at once (a text of 20 MB of short lines has millions)."""
    counts: Counter[str] = Counter()
    pos, n = 0, len(text)
    while pos < n:
        cut = text.find("\n", pos + WORD_CHUNK)
        stop = n if cut < 0 else cut
        counts.update(LETTER_RUN.findall(text, pos, stop))
        pos = stop + 1
    return counts


def _words(doc: Document) -> Counter[str]:
    """The counts of `WORDS`. A text of one chunk is scanned once for both shared word tables: its runs
    in order (`WORD_LIST`, cached for `doubled_words`) are counted, not found again (each scan of the
    runs of letters was a tenth of the chain's time on an article). A longer text is counted a chunk at
    a time (`count_words`), without a list of every word."""
    if len(doc.text) <= WORD_CHUNK:
        runs: list[str] = doc.cached(WORD_LIST)
        return Counter(runs)
    return count_words(doc.text)


WORDS: Shared[[], Counter[str]] = Shared("words", _words, words_only=True)
MIXED_CASE: Shared[[], list[str]] = Shared(
    "mixed_case",
    lambda doc: list(
        filterfalse(str.istitle, filterfalse(str.isupper, filterfalse(str.islower, doc.words())))
    ),
    words_only=True,
)


#: Layout edits closer than this (in characters) are logged as one: a text of short lines cleaned one
#: edit per line would hold a hundred times its size in edits (20 MB of CRLF lines: 4.7 GB).
MERGE_GAP = 80
#: Only runs of this many edits are coalesced: a text with a few layout changes keeps one edit for each.
#: Later edits inside a coalesced run still name their own input line (`chain.Origins` maps a word
#: inside it back to the same word when the run changed white space only).
MIN_RUN = 16
MAX_RUN = 4096


def coalesce(text: str, edits: Iterable[Edit]) -> Iterator[Edit]:
    """`edits` (in text order, of one cleaner, on `text`; read lazily) with each run of MIN_RUN layout
    edits or more of one reason, at most MERGE_GAP characters apart, made one edit spanning the run (what
    lies between them unchanged; MAX_RUN edits at most, so that the run itself stays small): the same
    text results, the log stays replayable, and its size is bounded by the text's."""
    run: list[Edit] = []

    def close() -> Iterator[Edit]:
        if len(run) < MIN_RUN:
            yield from run
        else:
            first, last = run[0], run[-1]
            after = "".join(
                part
                for a, b in zip(run, [*run[1:], None], strict=True)
                for part in (a.after, text[a.end : b.start] if b is not None else "")
            )
            detail = f"{first.detail} ({len(run)} edits in {last.end - first.start} characters)"
            yield Edit(first.start, last.end, text[first.start : last.end], after, first.reason, detail)
        run.clear()

    for e in edits:
        joins = (
            run
            and not e.flag
            and e.reason == run[-1].reason
            and run[-1].end <= e.start <= run[-1].end + MERGE_GAP
        )
        if not joins or len(run) >= MAX_RUN:
            yield from close()
        if e.flag or not e.reason.startswith("layout."):
            yield e
        else:
            run.append(e)
    yield from close()


def coalesce_spans(text: str, spans: Iterable[tuple[int, int, str, str, str]]) -> Iterator[Edit]:
    """`coalesce` for changes given as (start, end, after, reason, detail) in text order, none a flag:
    the same edits, an `Edit` made only for each run (or each change outside runs), so that a text
    with a million changes makes a few hundred objects, not a million."""
    run: list[tuple[int, int, str, str, str]] = []

    def close() -> Iterator[Edit]:
        if len(run) < MIN_RUN or not run[0][3].startswith("layout."):
            for start, end, after, reason, detail in run:
                yield Edit(start, end, text[start:end], after, reason, detail)
        else:
            first, last = run[0], run[-1]
            parts = []
            for k, (_, end, after, _, _) in enumerate(run):
                parts.append(after)
                if k + 1 < len(run):
                    parts.append(text[end : run[k + 1][0]])
            detail = f"{first[4]} ({len(run)} edits in {last[1] - first[0]} characters)"
            yield Edit(first[0], last[1], text[first[0] : last[1]], "".join(parts), first[3], detail)
        run.clear()

    for span in spans:
        if run and (
            span[3] != run[-1][3]
            or not run[-1][1] <= span[0] <= run[-1][1] + MERGE_GAP
            or len(run) >= MAX_RUN
            or not span[3].startswith("layout.")
        ):
            yield from close()
        run.append(span)
    yield from close()
