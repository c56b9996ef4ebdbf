"""The one-call API: `clean` for the text, `clean_and_explain` for the text with its edit log."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from cleanmedia import html, lang, resources
from cleanmedia.chain import Chain
from cleanmedia.cleaner import Step
from cleanmedia.document import Document, Edit, Metadata, MetadataEdit, MetadataField, Removal
from cleanmedia.extract import extract

InputFormat = Literal["auto", "text", "html"]
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
        """The edit log as lines a person can read (white-space edits only when `layout` is true)."""
        shown = [e for e in self.edits if layout or not e.reason.startswith("layout.")]
        meta = ", ".join(f"{k}={v}" for k, v in self.metadata.to_dict().items())
        head = f"metadata: {meta or '-'}\n{len(shown)} edits" + ("" if layout else " (layout edits hidden)")
        return "\n".join([head, *map(str, self.removals), *map(str, self.metadata_edits), *map(str, shown)])

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "metadata": self.metadata.to_dict(),
            "edits": [e.to_dict() for e in self.edits],
            "metadata_edits": [e.to_dict() for e in self.metadata_edits],
            "removals": [r.to_dict() for r in self.removals],
        }


def clean_and_explain(
    content: str,
    *,
    lang: str | None = None,
    chain: Chain | list[Step] | None = None,
    input_format: InputFormat = "auto",
    main_content: bool = True,
) -> Result:
    """Clean `content` (text or HTML) and say what was changed, where and why.

    `lang` (ISO 639-1) skips language identification; `chain` replaces the default cleaners. HTML is
    reduced to its main content (the article) unless `main_content` is false, which keeps every block.
    Edits of the HTML stage (step -1) say which parts of the page were dropped and why.
    """
    if isinstance(content, (bytes, bytearray)):
        raise TypeError(
            "cleanmedia takes text, not bytes: decode first, e.g. cleanmedia.decode(raw, declared_charset)"
        )
    if not isinstance(content, str):
        raise TypeError(f"cleanmedia takes str, not {type(content).__name__}")
    if input_format not in ("auto", "text", "html"):
        raise ValueError(f"input_format must be 'auto', 'text' or 'html', not {input_format!r}")
    removed: list[Removal] = []
    if input_format == "html" or (input_format == "auto" and html.looks_like_html(content)):
        if main_content:
            extraction = extract(content)
            text, metadata, removed = extraction.text, extraction.metadata, extraction.removed
        else:
            text, metadata = html.to_text(content)
    else:
        text, metadata = content, Metadata()
    page_lang = metadata.lang

    def identify(current: Document) -> str | None:
        return _identify(current) or page_lang

    doc = Document(text=text, page_title=metadata.title)
    for name in PAGE_FIELDS:
        if metadata.get(name) is not None:
            doc.apply_metadata(
                MetadataEdit(
                    name, metadata.get(name), "extract.page", "read from the page", cleaner="extract", step=-1
                )
            )
    if lang:
        doc.apply_metadata(
            MetadataEdit("lang", lang.lower(), "lang.given", "given by the caller", cleaner="caller", step=-1)
        )
    else:
        found = _identify(doc)
        why = (
            ("lang.identified", "identified from the text")
            if found
            else ("extract.page", "the page's declared language")
        )
        doc.apply_metadata(MetadataEdit("lang", found or page_lang, *why, cleaner="identify", step=-1))
    _as_chain(chain).run(doc, identify=None if lang else identify)
    return Result(doc.text, doc.edits, doc.metadata, doc.source, doc.metadata_edits, removed)


def clean(
    content: str,
    *,
    lang: str | None = None,
    chain: Chain | list[Step] | None = None,
    input_format: InputFormat = "auto",
    main_content: bool = True,
) -> str:
    """Clean text or HTML: boilerplate out, extraction and translation damage repaired, one block per line.

    The same text as `clean_and_explain(...).text`; cleaners that only flag are skipped, since their
    flags would not be returned."""
    return clean_and_explain(
        content,
        lang=lang,
        chain=_as_chain(chain).text_only(),
        input_format=input_format,
        main_content=main_content,
    ).text


def _identify(doc: Document) -> str | None:
    found = lang.detect_counts(doc.words())  # the word counts every cleaner shares: no scan of its own
    return None if resources.filler_language(found) else found


def _as_chain(chain: Chain | list[Step] | None) -> Chain:
    return chain if isinstance(chain, Chain) else default_chain() if chain is None else Chain(chain)


def default_chain() -> Chain:
    from cleanmedia.cleaners import DEFAULT_CHAIN

    return DEFAULT_CHAIN
