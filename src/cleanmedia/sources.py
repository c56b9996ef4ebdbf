"""The documents of a corpus, in order: inputs found (files, folders, standard input), each read as the
kind it is (a document, JSONL, WARC, Parquet; compressed or not) and turned into tasks of text to clean.

Nothing here raises for bad input: a source or record that cannot be read becomes a `Task` with its
error and position, so that a run reports it and goes on. Where each input's output goes is decided
here too (`output_name`), so that the command can check all outputs before any work.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from cleanmedia.api import Known
from cleanmedia.batch import Given, given_lang, output_conflict
from cleanmedia.dates import stamp_day
from cleanmedia.decode import DecodeError, decode, decode_explained
from cleanmedia.inputs import (
    InputError,
    Kind,
    Stream,
    WarcPage,
    field_value,
    open_stream,
    parquet_batches,
    sniff_kind,
    split_name,
    warc_pages,
)
from cleanmedia.outputs import shown


class Reporter(Protocol):
    """Where problems found while listing inputs go (the command's report)."""

    def failed(self, source: str, line: int, error: str) -> None: ...
    def input_failed(self, source: str, error: str) -> None: ...

    def say(self, message: str) -> None: ...


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: `charset` overrides every declaration; `field` is the record field (a dotted
    path) with the text, `lang_field` the one with its language ("": none read); a document or record
    over `max_mb` megabytes is a failure. `output_field` is where the clean text will go (None: in
    `field`): a record whose clean text cannot go there without losing what it holds fails as it is
    read (`batch.output_conflict`; a value already there is replaced with `overwrite`)."""

    charset: str | None = None
    field: str = "text"
    max_mb: float = 10.0
    lang_field: str = "lang"
    output_field: str | None = None
    overwrite: bool = False


@dataclass
class Source:
    """One input: a document file, a record file (JSONL, WARC, Parquet), or standard input."""

    path: Path
    name: Path  # where its output goes, relative to --output
    kind: Kind | None  # from the name (None: unknown, the content decides, else a document)
    stdin: bool = False
    forced: bool = False  # the kind is the user's (--kind): the content is not sniffed
    # Standard input, opened once to look at its first bytes (it cannot be opened again): the raw
    # reader and the (decompressed) stream that `read_tasks` goes on reading.
    handle: IO[bytes] | None = field(default=None, repr=False, compare=False)
    stream: Stream | None = field(default=None, repr=False, compare=False)

    @property
    def shown(self) -> str:
        return "-" if self.stdin else shown(self.path)

    @property
    def size(self) -> int:
        try:
            return 0 if self.stdin else self.path.stat().st_size
        except OSError:
            return 0


@dataclass
class Task:
    """One document to clean: its text, or why it could not even be read."""

    source: Source
    line: int  # 1-based position of a record (line, WARC record, Parquet row); 0 for a whole file
    content: str | None
    record: dict[str, Any] | None = None
    error: str | None = None
    size: int = 0
    raw: str | None = None  # a JSONL line that is not a record, kept as it was
    field: str = "text"  # the record's field that holds the text
    # The metadata the record gives beside the text, with where it says it (a WARC record's headers);
    # None: the record's own `url` and `date` fields (`batch.record_known`).
    known: tuple[Known, ...] | None = None
    lang: str = ""  # the language the record gives ("": none, identified or --lang)
    # A document file's charset: (codec, how chosen, how sure), as `decode.Decoded` says; () if none.
    charset: tuple[str, str, str] | tuple[()] = ()

    @property
    def given(self) -> object:
        """What to clean: the text, with the record's language when it gives one (`batch.Given`)."""
        return Given(self.content, self.lang) if self.lang else self.content


def find_sources(inputs: list[Path], forced: Kind | None, report: Reporter) -> list[Source]:
    """Files as given, folders searched (sorted, so runs are repeatable), missing paths and unreadable
    folders reported; files of other types in folders are counted and named in one line. `forced` (the
    user's `--kind`) is the kind of every input, whatever its name and content say."""
    sources = []
    skipped: Counter[str] = Counter()
    links: list[Path] = []  # symbolic links to folders, not followed
    others: list[Path] = []  # named pipes, sockets, devices found in folders, not read
    for path in inputs or [Path("-")]:
        if str(path) == "-":
            sources.append(_stdin(forced))
        elif path.is_dir():
            base = Path(path.resolve().name or "root")  # `a/..` names its real folder, never `..`
            for found in _walk(path, report, links, others):
                _, named, _ = split_name(found)
                if forced is not None and found.name.startswith("."):
                    skipped["(hidden)"] += 1  # --kind reads every file of a folder but a hidden one
                    continue
                if named is None and forced is None:
                    skipped[found.suffix.lower() or "(no suffix)"] += 1
                    continue
                rel = base / found.relative_to(path)
                sources.append(Source(found, rel, forced or named, forced=forced is not None))
        elif path.exists():
            named = split_name(path)[1] or (None if forced else _sniffed(path))
            sources.append(
                Source(path, Path(path.resolve().name), forced or named, forced=forced is not None)
            )
        else:
            report.input_failed(shown(path), "no such file or folder")
    if skipped:
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(skipped.items()))
        report.say(f"cleanmedia: skipped {sum(skipped.values())} files of other types in folders ({kinds})")
    if others:
        report.say(
            f"cleanmedia: skipped {len(others)} named pipes, sockets or devices in folders (not files: give "
            f"one as an input to read it): {_listed(others)}"
        )
    if links:
        report.say(
            f"cleanmedia: skipped {len(links)} symbolic links to folders (not followed, a link can make a "
            f"cycle; give the folder itself to clean it): {_listed(links)}"
        )
    return sources


def _listed(paths: list[Path], most: int = 5) -> str:
    """The first `most` of `paths` as shown to the user, and how many more."""
    more = f" and {len(paths) - most} more" if len(paths) > most else ""
    return ", ".join(shown(p) for p in paths[:most]) + more


def _stdin(forced: Kind | None) -> Source:
    """Standard input as a source: of the kind forced, else of the kind its first bytes say (JSONL,
    WARC, a document; compressed or not), read from the reader opened to look at them."""
    source = Source(Path("-"), Path("stdin.txt"), forced or "document", stdin=True, forced=bool(forced))
    if not forced:
        source.handle = _opened(source)
        try:
            source.stream = open_stream(source.handle)[0]
            source.kind = sniff_kind(source.stream, None)
        except Exception:  # noqa: BLE001 - read as a document: `read_tasks` reports what is wrong
            source.stream = None
    if source.kind != "document":
        source.name = Path(f"stdin.{source.kind}")
    return source


def _sniffed(path: Path) -> Kind | None:
    """The kind a file named without a known ending has by its first bytes (None: unreadable, the
    reading reports why)."""
    try:
        with path.open("rb") as raw:
            return sniff_kind(open_stream(raw)[0], None)
    except Exception:  # noqa: BLE001 - reported when the file is read
        return None


def _walk(folder: Path, report: Reporter, links: list[Path], others: list[Path]) -> Iterator[Path]:
    """The files under `folder`, sorted, depth first; a folder that cannot be read is reported (the run
    goes on, exit status 1). Symbolic links to folders are not followed (no cycles): they are added to
    `links`, for the command to name them; so are named pipes, sockets and devices, to `others` (a
    pipe would wait for a writer); a broken link is an input that cannot be read (reported)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        report.input_failed(shown(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(path, report, links, others)
        elif is_file:
            yield path
        elif entry.is_symlink() and path.is_dir():
            links.append(path)
        elif entry.is_symlink() and not path.exists():
            report.input_failed(shown(path), "broken symbolic link: its target does not exist")
        else:  # a named pipe, a socket, a device: no document to read in a folder's walk
            others.append(path)


def output_name(source: Source, as_json: bool) -> Path:
    """Where an input's output goes under --output: documents become `.txt` (`.json` with --json),
    JSONL stays JSONL (gzip-compressed if the input was), WARC becomes JSONL, Parquet stays Parquet."""
    stem, named, compressed = split_name(source.name)
    kind = source.kind or named or "document"
    if kind == "document":
        suffix = ".json" if as_json else ".txt"
    elif kind == "jsonl":
        suffix = ".jsonl.gz" if compressed and source.name.suffix.lower() == ".gz" else ".jsonl"
    elif kind == "warc":
        suffix = ".jsonl"
    else:
        suffix = ".parquet"
    return source.name.with_name(stem + suffix)


def read_tasks(sources: list[Source], options: ReadOptions, skipped: list[int]) -> Iterator[Task]:
    """Every document of every source, in order; a source or record that cannot be read becomes a task
    with its error (and its position), never an exception that ends the run."""
    for source in sources:
        try:
            if source.kind == "parquet" and not source.stdin:
                yield from _parquet_rows(source, options)
                continue
            with _opened(source) as raw:
                stream = source.stream or open_stream(raw)[0]
                kind = source.kind if source.forced and source.kind else sniff_kind(stream, source.kind)
                if kind == "parquet":
                    raise InputError("Parquet must be a file, not compressed and not standard input")
                if kind == "jsonl":
                    yield from _records(source, stream, options)
                elif kind == "warc":
                    yield from _warc(source, stream, options, skipped)
                else:
                    yield _document(source, stream, options)
        except Exception as exc:  # noqa: BLE001 - an unreadable input is reported, the run goes on
            yield Task(source, 0, None, error=_reason(exc))


def _opened(source: Source) -> IO[bytes]:
    if source.handle is not None:
        return source.handle
    if source.stdin:
        return os.fdopen(os.dup(sys.stdin.fileno()), "rb") if _has_fileno(sys.stdin) else sys.stdin.buffer
    return source.path.open("rb")


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
    except (OSError, AttributeError, ValueError):
        return False
    return True


def _reason(exc: BaseException) -> str:
    """One line saying why reading failed (a truncated gzip stream, a vanished file, ...)."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read: {exc.strerror}"
    if isinstance(exc, EOFError):
        return f"truncated input: {exc}"
    if isinstance(exc, (DecodeError, InputError)):
        return str(exc)
    return f"unreadable input: {type(exc).__name__}: {exc}"


def _limit(options: ReadOptions) -> int:
    return int(options.max_mb * 1_000_000)


def _document(source: Source, stream: Stream, options: ReadOptions) -> Task:
    raw = stream.read(_limit(options) + 1)
    if len(raw) > _limit(options):
        return Task(source, 0, None, error=f"too large: more than {options.max_mb:g} MB (--max-size)")
    decoded = decode_explained(raw, override=options.charset)
    return Task(source, 0, decoded.text, size=len(raw), charset=(decoded.charset, decoded.how, decoded.sure))


def _records(source: Source, stream: Stream, options: ReadOptions) -> Iterator[Task]:
    number = 0
    try:
        for number, raw in enumerate(stream, start=1):  # noqa: B007 - the position is reported on error
            if not raw.strip():
                continue
            yield _record(source, number, raw, options)
    except Exception as exc:  # noqa: BLE001 - a corrupt stream ends this file only
        yield Task(source, number + 1, None, error=_reason(exc))


def _record(source: Source, number: int, raw: bytes, options: ReadOptions) -> Task:
    if len(raw) > _limit(options):
        error = f"too large: more than {options.max_mb:g} MB (--max-size)"
        return Task(source, number, None, error=error, size=len(raw), raw=None)
    try:
        line = decode(raw, override=options.charset).rstrip("\r\n")
    except DecodeError as exc:
        return Task(source, number, None, error=str(exc), size=len(raw))
    try:
        record = json.loads(line, parse_constant=_not_json, parse_float=_finite_float)
    except RecursionError:
        return Task(source, number, None, error="invalid JSON: nested too deeply", size=len(raw), raw=line)
    except ValueError as exc:
        return Task(source, number, None, error=f"invalid JSON: {exc}", size=len(raw), raw=line)
    if not isinstance(record, dict):
        error = f"not a JSON object: got {type(record).__name__}"
        return Task(source, number, None, error=error, size=len(raw), raw=line)
    return _record_task(source, number, record, options, len(raw))


def _record_task(
    source: Source, number: int, record: dict[str, Any], options: ReadOptions, size: int, binary: bool = False
) -> Task:
    """The task of a record's field: its text, or bytes (a Parquet binary column: how crawls keep raw
    HTML) decoded as a file is (BOM, `<meta charset>`, detection; `charset` overrides, for `binary`
    columns only: a JSONL line was decoded whole), with the language its `lang_field` gives."""
    name = options.field
    target = options.output_field or name
    probe = {**record, target: None} if binary and target not in record else record  # Parquet: a column
    conflict = output_conflict(probe, name, target, options.overwrite)  # of that very name, dots and all
    if conflict:
        return Task(source, number, None, record=record, error=conflict, size=size, field=name)
    content = field_value(record, name)
    if isinstance(content, bytes):
        try:
            content = decode(content, override=options.charset if binary else None)
        except DecodeError as exc:
            return Task(source, number, None, record=record, error=str(exc), size=size, field=name)
    if not isinstance(content, str):
        error = f"no text in field {name!r}" if content is None else f"field {name!r} is not text"
        return Task(source, number, None, record=record, error=error, size=size, field=name)
    try:
        lang = (
            given_lang(field_value(record, options.lang_field), options.lang_field)
            if options.lang_field
            else ""
        )
    except ValueError as exc:
        return Task(source, number, None, record=record, error=str(exc), size=size, field=name)
    return Task(source, number, content, record=record, size=size, field=name, lang=lang)


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {text} is out of range")
    return value


def _warc(source: Source, stream: Stream, options: ReadOptions, skipped: list[int]) -> Iterator[Task]:
    number = 0
    try:
        for page in warc_pages(stream, skipped):
            number = page.number
            record = {"url": page.url, "date": page.date, "warc_record_id": page.record_id, "text": None}
            if len(page.payload) > _limit(options):
                error = f"too large: more than {options.max_mb:g} MB (--max-size)"
                yield Task(source, number, None, record=record, error=error, size=len(page.payload))
                continue
            try:
                content = decode(page.payload, page.charset, override=options.charset)
            except DecodeError as exc:
                yield Task(source, number, None, record=record, error=str(exc), size=len(page.payload))
                continue
            record["text"] = content
            yield Task(source, number, content, record=record, size=len(page.payload), known=warc_known(page))
    except Exception as exc:  # noqa: BLE001 - a corrupt or truncated WARC ends this file only
        yield Task(source, number + 1, None, error=_reason(exc))


def warc_known(page: WarcPage) -> tuple[Known, ...]:
    """The metadata a WARC response record gives its page: the URL it was fetched from
    (`WARC-Target-URI`), and the day it was fetched (`WARC-Date`; the HTTP `Date` header when the record
    has no valid `WARC-Date`), which `api.with_known` uses only where the page gives no date."""
    known = [Known("url", page.url, "WARC-Target-URI")] if page.url else []
    for stamp, where in ((page.date, "WARC-Date"), (page.served, "the HTTP Date header")):
        day = stamp_day(stamp)
        if day:
            known.append(Known("date", day, f"{where} {stamp}"))
            break
    return tuple(known)


def _parquet_rows(source: Source, options: ReadOptions) -> Iterator[Task]:
    number = 0
    try:
        for batch in parquet_batches(source.path):
            for row in batch:
                number += 1
                value = field_value(row, options.field)
                size = len(value.encode("utf-8", "surrogatepass")) if isinstance(value, str) else 0
                size = len(value) if isinstance(value, bytes) else size
                if size > _limit(options):
                    error = f"too large: more than {options.max_mb:g} MB (--max-size)"
                    yield Task(source, number, None, record=row, error=error, size=size, field=options.field)
                    continue
                yield _record_task(source, number, row, options, size, binary=True)
    except Exception as exc:  # noqa: BLE001 - a corrupt Parquet file ends this file only
        # Before its first row, the file itself is unreadable (not Parquet, no footer): a failure of the
        # input, with no output (there are no columns to write); after, of the row that broke.
        yield Task(source, number + 1 if number else 0, None, error=_reason(exc))
