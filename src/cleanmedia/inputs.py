"""Corpus files as they come: which kind a file is (by its name and its first bytes), decompression by
content, and readers for the record formats (JSONL, WARC, Parquet).

Everything here yields bytes or records and their positions; decoding and cleaning are the caller's.
A file's kind is decided by its content where the content says it (a gzip stream, a WARC header, the
Parquet magic), by its name otherwise, so a `.txt` that is really gzip is decompressed and a PNG named
`.txt` is refused, never cleaned as text.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal, cast

Kind = Literal["document", "jsonl", "warc", "parquet"]

#: Name endings of each kind (before any compression ending). A folder is searched for these.
SUFFIXES: dict[str, Kind] = {
    ".txt": "document",
    ".text": "document",
    ".html": "document",
    ".htm": "document",
    ".xhtml": "document",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".parquet": "parquet",
}
COMPRESSION_SUFFIXES = frozenset({".gz", ".bz2", ".xz", ".zst", ".zstd"})
#: Magic numbers of the compressions read transparently.
COMPRESSION_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
#: WARC response payloads cleaned as documents (other records, e.g. images or requests, are skipped).
WARC_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class InputError(ValueError):
    """A file cannot be read as the kind it claims (a missing optional package, a corrupt stream)."""


def split_name(path: Path) -> tuple[str, Kind | None, bool]:
    """`(stem, kind, compressed)` of a file name: `a.jsonl.gz` -> `("a", "jsonl", True)`; the kind is
    None for a name that is not a corpus file (a folder search skips it)."""
    name = path.name
    lower = name.lower()
    compressed = False
    for suffix in COMPRESSION_SUFFIXES:
        if lower.endswith(suffix):
            name, lower, compressed = name[: -len(suffix)], lower[: -len(suffix)], True
            break
    for suffix, kind in SUFFIXES.items():
        if lower.endswith(suffix):
            return name[: -len(suffix)], kind, compressed
    return name, None, compressed


Stream = io.BufferedIOBase


def peek(stream: Stream, size: int) -> bytes:
    """The next `size` bytes (fewer at the end) without consuming them."""
    head: bytes = getattr(stream, "peek")(size)  # noqa: B009 - every Stream made here can peek
    return head[:size]


def open_stream(raw: IO[bytes] | Stream) -> tuple[Stream, str | None]:
    """`raw` decompressed when its first bytes are a gzip, bzip2, xz or zstd stream (whatever its
    name), with the name of the compression found (None: plain). The stream returned can `peek`."""
    reader = cast(Stream, raw) if hasattr(raw, "peek") else io.BufferedReader(cast(Any, raw))
    head = peek(reader, 8)
    for magic, compression in COMPRESSION_MAGIC:
        if head.startswith(magic) and (compression != "bzip2" or head[3:4].isdigit()):
            return _decompressed(reader, compression), compression
    return reader, None


def _decompressed(stream: Stream, compression: str) -> Stream:
    reader = cast(IO[bytes], stream)
    if compression == "gzip":
        return gzip.GzipFile(fileobj=reader, mode="rb")
    if compression == "bzip2":
        return bz2.BZ2File(reader, "rb")
    if compression == "xz":
        return lzma.LZMAFile(reader, "rb")
    try:
        import zstandard
    except ImportError:
        raise InputError(
            "zstd-compressed input needs the zstandard package: pip install 'cleanmedia[formats]'"
        ) from None
    return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(reader, read_across_frames=True))


#: First bytes of the WARC records warcio reads (a WARC file, or the ARC files that came before it).
WARC_MAGIC = (b"WARC/", b"filedesc://")
#: How far a stream is looked at to tell JSONL from a document (a first line longer is judged by its start).
SNIFF_BYTES = 4096


def sniff_kind(stream: Stream, named: Kind | None) -> Kind:
    """The kind of a (decompressed) stream: a WARC or Parquet file by its first bytes, else the kind
    its name says, else JSONL when the first line is a JSON object (`looks_like_jsonl`: standard input,
    a file named without a known ending), else a document."""
    head = peek(stream, SNIFF_BYTES)
    if head.startswith(WARC_MAGIC[0]):
        return "warc"
    if head.startswith(b"PAR1"):
        return "parquet"
    if named is None and looks_like_jsonl(head):
        return "jsonl"
    return named or "document"


def looks_like_jsonl(head: bytes) -> bool:
    """Whether the first bytes of a stream are JSONL: its first line (after a UTF-8 BOM and blank space)
    is a JSON object; a first line longer than `head` must at least open an object with a key (`{"`).
    Prose or HTML never starts so, and a JSON array or scalar is not a record."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text.startswith(b"{"):
        return False
    line, newline, _ = text.partition(b"\n")
    if not newline:
        return text[1:].lstrip().startswith(b'"')
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


@dataclass(frozen=True)
class WarcPage:
    """One WARC response record with a text payload: the HTTP body and what the record says of it."""

    number: int  # 1-based position of the record in the file (every record counts)
    url: str | None
    date: str | None
    record_id: str | None
    charset: str | None  # from the HTTP Content-Type header
    payload: bytes
    served: str | None = None  # the HTTP Date header (when the server sent the page)


def warc_pages(stream: Stream, skipped: list[int]) -> Iterator[WarcPage]:
    """The response records of a WARC stream whose payload is HTML or text, in order (chunked transfer
    and content encodings undone by warcio). `skipped[0]` counts the response records passed over for
    another content type. Needs warcio (`pip install 'cleanmedia[formats]'`)."""
    from cleanmedia.decode import header_charset

    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise InputError("WARC input needs the warcio package: pip install 'cleanmedia[formats]'") from None
    head = peek(stream, 16)
    if head and not head.startswith(WARC_MAGIC):  # warcio would read any text as one empty record
        raise InputError("not a WARC file: it does not begin with a WARC record header")
    for number, record in enumerate(ArchiveIterator(_CutIsAnError(stream)), start=1):
        if record.rec_type is None:  # a header warcio could not read: no record, not one to pass over
            raise InputError(f"not a WARC record: record {number} has no WARC-Type header (a damaged file?)")
        if record.rec_type != "response":
            continue
        content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
        if content_type is not None and not content_type.lower().startswith(WARC_TEXT_TYPES):
            skipped[0] += 1
            continue
        payload = record.content_stream().read()
        short = getattr(record.raw_stream, "limit", 0)  # what its Content-Length promised and the file lacks
        if short:
            raise InputError(f"truncated input: WARC record {number} ends {short} bytes short of its length")
        yield WarcPage(
            number,
            record.rec_headers.get_header("WARC-Target-URI"),
            record.rec_headers.get_header("WARC-Date"),
            record.rec_headers.get_header("WARC-Record-ID"),
            header_charset(content_type),
            payload,
            record.http_headers.get_header("Date") if record.http_headers else None,
        )


class _CutIsAnError:
    """A stream for warcio whose end cut short is an error warcio passes on. warcio takes EOFError,
    which gzip raises for a member cut short, as the end of the archive: a `.warc.gz` cut mid-record
    (a download or a copy interrupted) lost that record and every one after it, with no error. Read
    with `read1` (what one step of the decompressor gives): a full `read` of warcio's block size would
    raise at the cut and lose the whole records before it in the same block. No `tell`: warcio then
    counts offsets itself, as for any stream that cannot seek."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        try:
            return self.stream.read1(size)
        except EOFError as exc:
            raise InputError(f"truncated input: {exc}") from None


def parquet_batches(path: Path, batch_size: int = 256) -> Iterator[list[dict[str, Any]]]:
    """The rows of a Parquet file as dicts, a batch at a time (a file larger than memory streams).
    Needs pyarrow (`pip install 'cleanmedia[parquet]'`)."""
    pq = import_pyarrow_parquet()
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size):
        yield batch.to_pylist()


def parquet_schema(path: Path) -> Any:
    """The Arrow schema of a Parquet file (the output keeps its columns)."""
    return import_pyarrow_parquet().read_schema(path)


def import_pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet needs the pyarrow package: pip install 'cleanmedia[parquet]'") from None
    return pq


def field_value(record: dict[str, Any], field: str) -> object:
    """The value at `field` in a record, a dotted path reaching into nested objects (`"article.body"`);
    a key that itself contains the dots wins. None when any step is missing."""
    if field in record:
        return record[field]
    value: object = record
    for key in field.split("."):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def output_field_problem(field: str, output_field: str) -> str | None:
    """Why the clean text can never go to `output_field` beside the raw text in `field` (both keys or
    dotted paths), known before any record is read: the output would replace the object that holds the
    text, lie inside the text (a string, not an object), or be the text's own field: the raw text would
    be replaced, which an output field is asked for to avoid (leave it out for that). None when they can
    stand side by side."""
    if output_field == field:
        return (
            f"it is the field that holds the text ({field!r}): the raw text would be replaced "
            "(leave the output field out for that)"
        )
    if field.startswith(output_field + "."):
        return f"it would replace the object {output_field!r} that holds the text ({field!r})"
    if output_field.startswith(field + "."):
        return f"it lies inside {field!r}, which holds the text (a string, not an object)"
    return None


def field_conflict(record: dict[str, Any], field: str, _above: str = "") -> tuple[str, bool] | None:
    """Why setting `field` (a key or dotted path) in `record` as `with_field` does would lose what the
    record holds, and whether that is a value in the field itself (True: one the user may choose to
    overwrite) rather than a step of the path that is not an object (False: `with_field` would replace
    it with one, losing a field the user never named). None when nothing would be lost (a null value
    included)."""
    if field in record or "." not in field:
        return None if record.get(field) is None else (f"{_above + field!r} already holds a value", True)
    head, rest = field.split(".", 1)
    inner = record.get(head)
    if inner is None:
        return None
    if not isinstance(inner, dict):
        where = _above + head
        return f"{where!r} is {_kind(inner)}, not an object: {_above + field!r} cannot be added to it", False
    return field_conflict(inner, rest, f"{_above}{head}.")


def _kind(value: object) -> str:
    names = {str: "text", bool: "a boolean", int: "a number", float: "a number", list: "a list"}
    return names.get(type(value), f"a {type(value).__name__}")


def with_field(record: dict[str, Any], field: str, value: object) -> dict[str, Any]:
    """A copy of `record` with `field` (a key or a dotted path, as `field_value` reads it) set to
    `value`; the nested objects on the path are copied, the input is not modified."""
    if field in record or "." not in field:
        return {**record, field: value}
    head, rest = field.split(".", 1)
    inner = record.get(head)
    return {**record, head: with_field(inner if isinstance(inner, dict) else {}, rest, value)}
