"""The one-call API: `clean` for the text, `clean_and_explain` for the text with its edit log."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from cleanmedia import encoding, html, lang, resources
from cleanmedia.budget import Budget
from cleanmedia.cleaners.layout import without_controls
from cleanmedia.document import Document, Edit, Metadata, MetadataEdit, MetadataField, Removal
from cleanmedia.extract import extract
from cleanmedia.options import InputFormat, OptionFields, Options, resolve

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["InputFormat", "Known", "Result", "clean", "clean_and_explain", "with_known"]

#: The flag on a document that is binary decoded as text (`encoding.not_text`): only its layout was cleaned.
NOT_TEXT = "chain.not_text"

#: The flag on a document whose language neither the caller, the page nor the identification gave (a text
#: of a few words, or of no language the lexicons know): the repairs that need a language did not run.
LANG_UNKNOWN = "lang.unknown"
LANG_UNKNOWN_SKIPS = "language-dependent repairs skipped (give one with lang=..., --lang)"

LANG_DISAGREES = "lang.disagrees"


def _given(code: str) -> str:
    """Why the language is the caller's, and what a code with no word lists leaves of the chain (the
    command warns of it; `clean(text, lang="xx")` says it here rather than in silence)."""
    if code in resources.LANGUAGES:
        return "given by the caller"
    return (
        f"given by the caller; no word lists for {code!r} (there are for {', '.join(resources.LANGUAGES)}): "
        "only the cleaners that need none apply"
    )


def _disagrees(given: str, found: str) -> str:
    """The warning for a given language the text clearly is not written in."""
    return (
        f"language given as {given!r}, but the text reads as {found!r}: only language-neutral "
        "steps ran (no repair of either language)"
    )


PAGE_FIELDS: tuple[MetadataField, ...] = ("title", "author", "date", "site", "url")


@dataclass
class Result:
    """Clean text, every edit that produced it, and what was learnt about the document.

    `edits` turn `source` into `text` (`replay(source, edits) == text`); `metadata_edits` say where each
    metadata value came from (the page, the identification, a cleaner); `removals` are what the HTML stage
    dropped from the page (or kept against a furniture rule) before `source` existed.
    """

    text: str
    edits: list[Edit]
    metadata: Metadata
    source: str = field(repr=False, default="")  # the text the chain started from (HTML already converted)
    metadata_edits: list[MetadataEdit] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)

    @property
    def flags(self) -> list[Edit]:
        return [e for e in self.edits if e.flag]

    def explain(self, *, layout: bool = False) -> str:
        """The edit log as lines a person can read (white-space edits only when `layout` is true): a head
        with the metadata and how many lines of each kind follow (removals, metadata edits, edits), then
        those lines in that order."""
        shown = [e for e in self.edits if layout or not e.reason.startswith("layout.")]
        meta = ", ".join(f"{k}={v}" for k, v in self.metadata.to_dict().items())
        counts = (
            f"{len(self.removals)} removals, {len(self.metadata_edits)} metadata edits, {len(shown)} edits"
        )
        head = f"metadata: {meta or '-'}\n{counts}" + ("" if layout else " (layout edits hidden)")
        return "\n".join([head, *map(str, self.removals), *map(str, self.metadata_edits), *map(str, shown)])

    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON values: `text`, `metadata`, the logs, and `source_text`, the text the `edits`
        index (for HTML the text extracted from the page, not the page; for text input the input as
        decoded): `replay(d["source_text"], [Edit.from_dict(e) for e in d["edits"]]) == d["text"]`."""
        return {
            "text": self.text,
            "metadata": self.metadata.to_dict(),
            "edits": [e.to_dict() for e in self.edits],
            "metadata_edits": [e.to_dict() for e in self.metadata_edits],
            "removals": [r.to_dict() for r in self.removals],
            "source_text": self.source,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Result:
        """The result `to_dict` gave, read back (from JSON: `--json` output lines, whose other keys, such
        as the input's name under `source`, are ignored). Raises ValueError for a log entry of the wrong
        kind or with unknown fields, KeyError when `text` is missing."""
        return cls(
            text=data["text"],
            edits=[Edit.from_dict(e) for e in data.get("edits", ())],
            metadata=Metadata(**data.get("metadata", {})),
            source=data.get("source_text", ""),
            metadata_edits=[MetadataEdit.from_dict(e) for e in data.get("metadata_edits", ())],
            removals=[Removal.from_dict(r) for r in data.get("removals", ())],
        )


def clean_and_explain(
    content: str, options: Options | None = None, /, **overrides: Unpack[OptionFields]
) -> Result:
    """Clean `content` (text or HTML) and say what was changed, where and why.

    `options` (an `Options`) or keyword overrides of its fields (`lang="fr"`, `input_format="text"`,
    `chain=...`, `main_content=False`, `flags=False`) say how; see `cleanmedia.Options`. HTML is reduced to
    its main content; `Result.removals` say which parts of the page were dropped and why.

    `max_seconds` and `max_bytes` (options) bound the work on one document: past them, BudgetExceeded
    (`cleanmedia.BudgetExceeded`) is raised and nothing is returned (no half-applied edits).

    Raises TypeError for bytes or a non-str `content` (decode first: `cleanmedia.decode`) and for an
    unknown option; ValueError for a bad option value; BudgetExceeded past the budget.
    """
    opts = resolve(options, overrides)
    budget = Budget(opts.max_seconds, opts.max_bytes)
    with budget.running():  # the loops of every stage check its time (`budget.paced`)
        return _explain(content, opts, budget)


def _explain(content: str, opts: Options, budget: Budget) -> Result:
    """`clean_and_explain` under `budget` (one budget for the whole call, a second reading as HTML
    included)."""
    if isinstance(content, (bytes, bytearray)):
        raise TypeError(
            "cleanmedia takes text, not bytes: decode first, e.g. cleanmedia.decode(raw, declared_charset)"
        )
    if not isinstance(content, str):
        raise TypeError(f"cleanmedia takes str, not {type(content).__name__}")
    budget.check_size(content)
    removed: list[Removal] = []
    sources: dict[str, tuple[str, str]] = {}
    markup = without_controls(content)  # as a second clean would see it: a NUL hides no tag
    as_html = opts.input_format == "html" or (opts.input_format == "auto" and html.looks_like_html(markup))
    if as_html:
        content = markup
        if opts.main_content:
            extraction = extract(content)
            text, metadata, removed = extraction.text, extraction.metadata, extraction.removed
            sources = extraction.sources
        else:
            text, metadata = html.to_text(content)
    else:
        text, metadata = content, Metadata()
    budget.check_time("after the HTML stage")
    page_lang = metadata.lang

    def identify(current: Document) -> str | None:
        return _identify(current) or page_lang

    doc = Document(text=text, page_title=metadata.title)
    for name in PAGE_FIELDS:
        if metadata.get(name) is not None:
            doc.apply_metadata(
                MetadataEdit(
                    name,
                    metadata.get(name),
                    *sources.get(name, ("extract.page", "read from the page")),
                    cleaner="extract",
                    step=-1,
                )
            )
    other = lang.clearly_other(doc.words(), opts.lang) if opts.lang else None
    if other and opts.lang:
        # another language's repairs would damage the text ("Según l'Organización" with French elision):
        # the chain runs without a language, language-neutral steps only; the caller's value comes back after
        doc.apply_metadata(
            MetadataEdit(
                "lang", None, LANG_DISAGREES, _disagrees(opts.lang, other), cleaner="identify", step=-1
            )
        )
    elif opts.lang:
        doc.apply_metadata(
            MetadataEdit("lang", opts.lang, "lang.given", _given(opts.lang), cleaner="caller", step=-1)
        )
    else:
        found = _identify(doc)
        why = (
            ("lang.identified", "identified from the text")
            if found
            else ("extract.page", "the page's declared language")
        )
        doc.apply_metadata(MetadataEdit("lang", found or page_lang, *why, cleaner="identify", step=-1))
    chain = opts.cleaners()
    binary = encoding.not_text(doc.text)
    if binary:
        chain = chain.layout_only()
    chain.run(
        doc,
        identify=None if opts.lang else identify,
        budget=budget if budget.active else None,
        until_unchanged=bool(binary),
    )
    if other and opts.lang:
        doc.apply_metadata(
            MetadataEdit("lang", opts.lang, "lang.given", "given by the caller", cleaner="caller", step=-1)
        )
        if opts.flags:
            detail = _disagrees(opts.lang, other)
            doc.edits.insert(
                0, Edit(0, 0, "", "", LANG_DISAGREES, detail, line=1, cleaner="identify", flag=True, step=-1)
            )
    if binary and opts.flags:
        doc.edits.insert(0, Edit(0, 0, "", "", NOT_TEXT, binary, line=1, cleaner="chain", flag=True, step=-1))
    elif opts.flags and doc.metadata.lang is None and doc.words():
        detail = f"language not identified ({_word_total(doc)} words): {LANG_UNKNOWN_SKIPS}"
        doc.edits.insert(
            0, Edit(0, 0, "", "", LANG_UNKNOWN, detail, line=1, cleaner="identify", flag=True, step=-1)
        )
    # without flags, none is returned: not those of repair cleaners either ("heading.case.name")
    edits = doc.edits if opts.flags else [e for e in doc.edits if not e.flag]
    if opts.input_format == "auto" and not as_html and html.looks_like_html(doc.text):
        # read as text, but what the text cleaners left is markup (furniture around a fragment went):
        # a second clean would read it as HTML, so this one does (clean(clean(x)) == clean(x))
        return _explain(content, opts.with_(input_format="html"), budget)
    return Result(doc.text, edits, doc.metadata, doc.source, doc.metadata_edits, removed)


def clean(content: str, options: Options | None = None, /, **overrides: Unpack[OptionFields]) -> str:
    """Clean text or HTML: boilerplate out, extraction and translation damage repaired, one block per line.

    The same text as `clean_and_explain(...).text`, with the same options; cleaners that only flag are
    skipped, since their flags would not be returned."""
    return clean_and_explain(content, resolve(options, overrides).with_(flags=False)).text


def _word_total(doc: Document) -> int:
    """How many runs of letters the text has (`Document.words`), as the identification counted them."""
    return sum(doc.words().values())


@dataclass(frozen=True)
class Known:
    """A metadata value the record a document came in gives beside its text (a WARC record's URL and
    date, a JSONL record's `url` field, a datatrove Document's metadata), and where the record says it
    (`source`: "WARC-Target-URI", "the record's 'url' field"), for the log."""

    field: MetadataField
    value: str
    source: str


#: Per metadata field, whether a value the record gives (`Known`) replaces the one the page gives.
#: A record's URL is where the page was fetched from, a fact of the capture; the page's own URL
#: (`<link rel=canonical>`, `og:url`) is a claim, often a template's default (the home page) or another
#: edition's, and stays in the log as the value replaced. A record's date is when the page was fetched
#: (or served), later than its publication: it fills the date only where neither the page nor its text
#: gives one. Other fields: the page's value wins.
RECORD_WINS: dict[MetadataField, bool] = {"url": True, "date": False}


def with_known(result: Result, known: Iterable[Known]) -> Result:
    """`result` with the metadata its record gives (`Known`), each applied as `RECORD_WINS` says and
    logged as a `MetadataEdit` (cleaner "record", reason `record.<field>`, the record's `source` and
    what it replaced or filled in the detail), after the edits of the page and the chain, so that
    replaying `metadata_edits` still gives `metadata`. A value the record gives that the page's
    overrules, or that the metadata already holds, changes nothing and is not logged. Returns `result`
    itself when nothing changes; `result` is never modified."""
    doc = Document(text="", metadata=result.metadata)
    for fact in known:
        before = doc.metadata.get(fact.field)
        if before is not None and not RECORD_WINS.get(fact.field, False):
            continue
        detail = f"{fact.source}; " + (
            f"it replaces {before!r}" if before is not None else "the page and its text gave none"
        )
        edit = MetadataEdit(fact.field, fact.value, f"record.{fact.field}", detail, cleaner="record", step=-1)
        doc.apply_metadata(edit)
    if not doc.metadata_edits:
        return result
    return replace(
        result, metadata=doc.metadata, metadata_edits=[*result.metadata_edits, *doc.metadata_edits]
    )


def _identify(doc: Document) -> str | None:
    found = lang.detect_counts(doc.words())  # the word counts every cleaner shares: no scan of its own
    return None if resources.filler_language(found) else found
