"""The `cleanmedia` command: files, folders, JSONL, WARC and Parquet in; clean text or records out; in
parallel.

Every input document is cleaned or reported: a document that fails is named on standard error (and in
`--errors FILE`), the run goes on, and the exit status is 1. Output is in input order whatever `--jobs`.
Outputs are written whole or not at all, never over an input, never two into one file (see `outputs`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, Any

from cleanmedia import __version__
from cleanmedia.batch import INFO_KEY, Outcome, clean_many, record_outcome
from cleanmedia.decode import DecodeError, _codec, decode
from cleanmedia.inputs import (
    InputError,
    Kind,
    Stream,
    field_value,
    open_stream,
    parquet_batches,
    parquet_schema,
    sniff_kind,
    split_name,
    warc_pages,
)
from cleanmedia.options import Options
from cleanmedia.outputs import (
    FileSink,
    OutputError,
    ParquetSink,
    check_targets,
    dumps,
    flat_row,
    printable,
    shown,
)
from cleanmedia.resources import LANGUAGES

EXAMPLES = """examples:
  cleanmedia article.txt page.html                    clean text to standard output
  cleanmedia corpus/ -o clean/ --errors errors.jsonl  a folder, mirrored as .txt under clean/
  cleanmedia dump.jsonl.gz --field article.body -o clean/   JSONL (a dotted field reaches into objects)
  cleanmedia crawl.warc.gz -o clean/                  WARC response records -> clean/crawl.jsonl
  cleanmedia pages.parquet --field html -o clean/     Parquet -> clean/pages.parquet
  cleanmedia corpus/ -o clean/ --resume               after an interrupted run: skip finished outputs

inputs: .txt .text .html .htm .xhtml .jsonl .ndjson .warc .parquet, each optionally .gz .bz2 .xz .zst
(compression and WARC/Parquet are recognised by content too); binary files are reported, not cleaned.
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanmedia",
        description="Clean scraped articles (text or HTML) into clean text, with an edit log. "
        "Inputs are files, folders (searched recursively) or '-' for standard input; record files "
        "(JSONL, WARC, Parquet) hold one document per record.",
        epilog=EXAMPLES + f"\nlanguages with word lists (other ISO 639-1 codes get the language-neutral cleaners): "
        f"{', '.join(LANGUAGES)}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", type=Path, help="files or folders (standard input when none or '-')")
    p.add_argument("-o", "--output", type=Path, help="write one output file per input under this folder")
    p.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: one per CPU)")
    p.add_argument("--lang", help="document language (ISO 639-1); identified when omitted")
    p.add_argument("--format", choices=["auto", "text", "html"], default="auto", help="document format")
    p.add_argument(
        "--all-blocks", action="store_true", help="HTML: keep every visible block, not the article alone"
    )
    p.add_argument(
        "--charset",
        help="decode every input with this charset (default: BOM, HTTP header, <meta charset>, detection)",
    )
    p.add_argument("--jsonl", action="store_true", help="read every input (standard input too) as JSONL")
    p.add_argument(
        "--field",
        default="text",
        help="JSONL/Parquet: the field that holds the text; a dotted path reaches into objects (default: text)",
    )
    p.add_argument("--edits", action="store_true", help="record output: include each record's whole edit log")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--explain", action="store_true", help="print the edit log after each text")
    out.add_argument(
        "--json", action="store_true", help="one JSON object per document: text, metadata, edits"
    )
    p.add_argument("--errors", type=Path, help="write the documents that could not be cleaned here (JSONL)")
    p.add_argument(
        "--resume", action="store_true", help="with -o: skip inputs whose output is already complete"
    )
    p.add_argument(
        "--max-size",
        type=float,
        default=10.0,
        metavar="MB",
        help="a document (or record) larger than this is reported, not cleaned (default: 10)",
    )
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", action="store_true", default=None, help="show a progress bar")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("--version", action="version", version=f"cleanmedia {__version__}")
    return p


@dataclass
class Source:
    """One input: a document file, a record file (JSONL, WARC, Parquet), or standard input."""

    path: Path
    name: Path  # where its output goes, relative to --output
    kind: Kind | None  # from the name (None: unknown, the content decides, else a document)
    stdin: bool = False

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


@dataclass
class Report:
    """Counts documents, names failures on standard error and, with --errors, in a JSONL file."""

    errors: IO[str] | None = None
    quiet: bool = False
    documents: int = 0
    bytes: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    bar: Any = None  # a progress bar prints messages above itself
    started: float = field(default_factory=time.monotonic)

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def failed(self, source: str, line: int, error: str) -> None:
        self.failures[error.split(":")[0]] += 1
        where = f"{source}:{line}" if line else source
        self.say(f"cleanmedia: {where}: {printable(error)}")
        if self.errors:
            try:
                self.errors.write(dumps({"source": source, "line": line, "error": error}) + "\n")
                self.errors.flush()
            except OSError as exc:
                raise OutputError(f"cannot write the --errors file: {exc.strerror or exc}") from None

    def summary(self) -> str:
        seconds = max(time.monotonic() - self.started, 1e-9)
        failed = sum(self.failures.values())
        line = (
            f"cleanmedia: {self.documents} documents, {self.bytes / 1e6:.1f} MB in {seconds:.1f} s "
            f"({self.documents / seconds:.1f} docs/s)"
        )
        if failed:
            reasons = ", ".join(f"{n} {reason}" for reason, n in self.failures.most_common())
            line += f"; {failed} of {self.documents} documents not cleaned ({reasons})"
        return line


def find_sources(inputs: list[Path], all_jsonl: bool, report: Report) -> list[Source]:
    """Files as given, folders searched (sorted, so runs are repeatable), missing paths and unreadable
    folders reported; files of other types in folders are counted and named in one line."""
    sources = []
    skipped: Counter[str] = Counter()
    for path in inputs or [Path("-")]:
        if str(path) == "-":
            kind: Kind = "jsonl" if all_jsonl else "document"
            sources.append(Source(path, Path(f"stdin.{'jsonl' if all_jsonl else 'txt'}"), kind, stdin=True))
        elif path.is_dir():
            base = Path(path.resolve().name or "root")  # `a/..` names its real folder, never `..`
            for found in _walk(path, report):
                _, named, _ = split_name(found)
                if named is None:
                    skipped[found.suffix.lower() or "(no suffix)"] += 1
                    continue
                sources.append(Source(found, base / found.relative_to(path), "jsonl" if all_jsonl else named))
        elif path.exists():
            named = split_name(path)[1]
            sources.append(Source(path, Path(path.resolve().name), "jsonl" if all_jsonl else named))
        else:
            report.failed(shown(path), 0, "no such file or folder")
    if skipped:
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(skipped.items()))
        report.say(f"cleanmedia: skipped {sum(skipped.values())} files of other types in folders ({kinds})")
    return sources


def _walk(folder: Path, report: Report) -> Iterator[Path]:
    """The files under `folder`, sorted, depth first; a folder that cannot be read is reported (the run
    goes on, exit status 1). Symbolic links to folders are not followed (no cycles)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        report.failed(shown(folder), 0, f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(path, report)
        elif is_file:
            yield path


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


def read_tasks(sources: list[Source], args: argparse.Namespace, skipped: list[int]) -> Iterator[Task]:
    """Every document of every source, in order; a source or record that cannot be read becomes a task
    with its error (and its position), never an exception that ends the run."""
    for source in sources:
        try:
            if source.kind == "parquet" and not source.stdin:
                yield from _parquet_rows(source, args)
                continue
            with _opened(source) as raw:
                stream, _ = open_stream(raw)
                kind = sniff_kind(stream, source.kind)
                if kind == "parquet":
                    raise InputError("Parquet must be a file, not compressed and not standard input")
                if kind == "jsonl":
                    yield from _records(source, stream, args)
                elif kind == "warc":
                    yield from _warc(source, stream, args, skipped)
                else:
                    yield _document(source, stream, args)
        except Exception as exc:  # noqa: BLE001 - an unreadable input is reported, the run goes on
            yield Task(source, 0, None, error=_reason(exc))


def _opened(source: Source) -> IO[bytes]:
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


def _limit(args: argparse.Namespace) -> int:
    return int(args.max_size * 1_000_000)


def _document(source: Source, stream: Stream, args: argparse.Namespace) -> Task:
    raw = stream.read(_limit(args) + 1)
    if len(raw) > _limit(args):
        return Task(source, 0, None, error=f"too large: more than {args.max_size:g} MB (--max-size)")
    return Task(source, 0, decode(raw, override=args.charset), size=len(raw))


def _records(source: Source, stream: Stream, args: argparse.Namespace) -> Iterator[Task]:
    number = 0
    try:
        for number, raw in enumerate(stream, start=1):  # noqa: B007 - the position is reported on error
            if not raw.strip():
                continue
            yield _record(source, number, raw, args)
    except Exception as exc:  # noqa: BLE001 - a corrupt stream ends this file only
        yield Task(source, number + 1, None, error=_reason(exc))


def _record(source: Source, number: int, raw: bytes, args: argparse.Namespace) -> Task:
    if len(raw) > _limit(args):
        error = f"too large: more than {args.max_size:g} MB (--max-size)"
        return Task(source, number, None, error=error, size=len(raw), raw=None)
    try:
        line = decode(raw, override=args.charset).rstrip("\r\n")
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
    return _record_task(source, number, record, args.field, len(raw))


def _record_task(source: Source, number: int, record: dict[str, Any], name: str, size: int) -> Task:
    content = field_value(record, name)
    if not isinstance(content, str):
        error = f"no text in field {name!r}" if content is None else f"field {name!r} is not text"
        return Task(source, number, None, record=record, error=error, size=size, field=name)
    return Task(source, number, content, record=record, size=size, field=name)


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number {text} is out of range")
    return value


def _warc(source: Source, stream: Stream, args: argparse.Namespace, skipped: list[int]) -> Iterator[Task]:
    number = 0
    try:
        for page in warc_pages(stream, skipped):
            number = page.number
            record = {"url": page.url, "date": page.date, "warc_record_id": page.record_id, "text": None}
            if len(page.payload) > _limit(args):
                error = f"too large: more than {args.max_size:g} MB (--max-size)"
                yield Task(source, number, None, record=record, error=error, size=len(page.payload))
                continue
            try:
                content = decode(page.payload, page.charset, override=args.charset)
            except DecodeError as exc:
                yield Task(source, number, None, record=record, error=str(exc), size=len(page.payload))
                continue
            record["text"] = content
            yield Task(source, number, content, record=record, size=len(page.payload))
    except Exception as exc:  # noqa: BLE001 - a corrupt or truncated WARC ends this file only
        yield Task(source, number + 1, None, error=_reason(exc))


def _parquet_rows(source: Source, args: argparse.Namespace) -> Iterator[Task]:
    number = 0
    try:
        for batch in parquet_batches(source.path):
            for row in batch:
                number += 1
                value = field_value(row, args.field)
                size = len(value.encode("utf-8", "surrogatepass")) if isinstance(value, str) else 0
                if size > _limit(args):
                    error = f"too large: more than {args.max_size:g} MB (--max-size)"
                    yield Task(source, number, None, record=row, error=error, size=size, field=args.field)
                    continue
                yield _record_task(source, number, row, args.field, size)
    except Exception as exc:  # noqa: BLE001 - a corrupt Parquet file ends this file only
        yield Task(source, number + 1, None, error=_reason(exc))


def cleaned(tasks: Iterator[Task], args: argparse.Namespace) -> Iterator[tuple[Task, Outcome | None]]:
    """Each task with its outcome, in input order; unreadable tasks pass through with None."""
    held: deque[Task] = deque()

    def contents() -> Iterator[str | None]:
        for task in tasks:
            held.append(task)
            yield task.content  # None for an unreadable task: its outcome is set aside below

    flags = args.explain or args.json or args.edits  # the only outputs that show flags
    for outcome in clean_many(contents(), args.options.with_(flags=flags), jobs=args.jobs):
        task = held.popleft()
        yield task, outcome if task.content is not None else None


class Writer:
    """Routes each result to standard output or to its file under --output. One output file is open
    at a time, written whole (`FileSink`, `ParquetSink`) when its source ends."""

    def __init__(self, args: argparse.Namespace, n_sources: int) -> None:
        self.args = args
        self.headers = n_sources > 1 and not args.json and args.output is None
        self.current: Source | None = None
        self.sink: FileSink | ParquetSink | None = None
        self.stdout = sys.stdout

    def _switch(self, source: Source) -> None:
        if source is self.current:
            return
        self.finish()
        self.current = source
        if self.args.output is not None:
            target = self.args.output / output_name(source, self.args.json)
            if target.suffix == ".parquet":
                self.sink = ParquetSink(target, parquet_schema(source.path))
            else:
                self.sink = FileSink(target, compress=target.suffix == ".gz")
        elif self.headers and source.kind in ("document", None):
            self._write(f"==> {source.shown} <==\n")

    def _write(self, text: str) -> None:
        if self.sink is None:
            self.stdout.write(printable(text))
        elif isinstance(self.sink, FileSink):
            self.sink.write(text)

    def record(self, task: Task, outcome: Outcome | None) -> None:
        """A record: cleaned, or passed through with its error (an unreadable line is kept raw)."""
        self._switch(task.source)
        if outcome is not None and task.record is not None:
            record = record_outcome(task.record, task.field, outcome, self.args.edits)
        elif task.record is not None:
            record = {**task.record, INFO_KEY: {"error": task.error}}
        else:
            record = {INFO_KEY: {"error": task.error, "line": task.line, "raw": task.raw}}
        if isinstance(self.sink, ParquetSink):
            if task.record is not None:  # a row that cannot be read at all has no columns to keep
                self.sink.write_row(flat_row(record, record[INFO_KEY], self.args.edits))
            return
        self._write(dumps(record) + "\n")

    def document(self, task: Task, outcome: Outcome) -> None:
        self._switch(task.source)
        result = outcome.result
        assert result is not None
        if self.args.json:
            self._write(dumps({"source": task.source.shown, **result.to_dict()}) + "\n")
            return
        self._write(printable(result.text))
        if self.args.explain:
            self._write("\n" + printable(result.explain()) + "\n")

    def finish(self) -> None:
        """The current output is complete: give it its final name."""
        if self.sink is not None:
            sink, self.sink = self.sink, None
            sink.finish()
        self.current = None

    def abort(self) -> None:
        """The run stops: the output being written is removed (outputs finished before stay)."""
        if self.sink is not None:
            self.sink.abort()
            self.sink = None


class Interrupted(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: workers ended, the partial output removed, one line printed."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Interrupted()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except BrokenPipeError:  # the reader went away (`cleanmedia ... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _usage(args: argparse.Namespace) -> str | None:
    """Why the arguments cannot work (checked before any work), or None."""
    if args.jobs is not None and args.jobs < 1:
        return "--jobs must be 1 or more"
    if args.max_size <= 0:
        return "--max-size must be more than 0"
    try:
        args.options = Options(lang=args.lang, input_format=args.format, main_content=not args.all_blocks)
    except ValueError as bad:
        return str(bad)
    if args.charset:
        try:
            _codec(args.charset)
        except DecodeError:
            return f"unknown charset {args.charset!r}"
    if args.output is not None and args.output.exists() and not args.output.is_dir():
        return f"-o {shown(args.output)} is a file: it must be a folder (created if missing)"
    if args.resume and args.output is None:
        return "--resume needs -o (it skips the outputs already written there)"
    return None


def run(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    problem = _usage(args)
    if problem:
        parser().error(problem)
    try:
        errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    except OSError as exc:
        parser().error(f"cannot write --errors {shown(args.errors)}: {exc.strerror or exc}")
    report = Report(errors, quiet=args.quiet)
    sources = find_sources(args.inputs, args.jsonl, report)
    if args.output is not None:
        planned = _plan(sources, args, report)
        if planned is None:
            return 2
        sources = planned
    if args.jobs is None and len(sources) == 1 and sources[0].kind in ("document", None):
        args.jobs = 1  # one document: worker processes would only add their start-up time
    writer = Writer(args, len(sources))
    show = (sys.stderr.isatty() if args.progress is None else args.progress) and not args.quiet
    bar = report.bar = _progress(sum(s.size for s in sources), show)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    skipped = [0]
    try:
        _loop(cleaned(read_tasks(sources, args, skipped), args), writer, report)
        writer.finish()
    except KeyboardInterrupt as exc:
        writer.abort()
        code = 143 if isinstance(exc, Interrupted) else 130
        report.say(f"cleanmedia: interrupted; {report.summary()[12:]}; finished outputs kept (--resume skips them)")
        return code
    except OutputError as exc:
        writer.abort()
        report.say(f"cleanmedia: {exc}; stopped after {report.documents} documents")
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
        if errors:
            with contextlib.suppress(OSError):  # a failed write was reported already
                errors.close()
        if bar is not None:
            bar.close()
    if skipped[0]:
        report.say(f"cleanmedia: skipped {skipped[0]} WARC responses that are not HTML or text")
    if not args.quiet and (report.documents > 1 or report.failures):
        report.say(report.summary())
    return 1 if report.failures else 0


def _plan(sources: list[Source], args: argparse.Namespace, report: Report) -> list[Source] | None:
    """The sources whose outputs are checked safe (None: refused, the reasons said); with --resume,
    those whose output is already complete are left out."""
    targets = [(s.shown, output_name(s, args.json)) for s in sources]
    files = [s.path for s in sources if not s.stdin]
    folders = [p for p in args.inputs if str(p) != "-" and p.is_dir()]
    problems = check_targets(targets, args.output, files, folders)
    for problem in problems[:20]:
        report.say(f"cleanmedia: {problem}")
    if problems:
        more = f" ({len(problems) - 20} more)" if len(problems) > 20 else ""
        report.say(f"cleanmedia: nothing written{more}: the outputs above are not safe to write")
        return None
    if not args.resume:
        return sources
    todo = [s for s, (_, name) in zip(sources, targets, strict=True) if not (args.output / name).exists()]
    if len(todo) < len(sources):
        report.say(f"cleanmedia: resuming: {len(sources) - len(todo)} inputs already have complete outputs")
    return todo


def _loop(results: Iterator[tuple[Task, Outcome | None]], writer: Writer, report: Report) -> None:
    for task, outcome in results:
        report.documents += 1
        report.bytes += task.size
        error = outcome.error if outcome is not None else task.error
        if error is not None:
            report.failed(task.source.shown, task.line, error)
        if task.line > 0:  # a record (a line, a WARC record, a row), kept in the output even when it failed
            writer.record(task, outcome)
        elif outcome is not None and outcome.result is not None:
            if task.content == "" and task.line == 0:
                report.say(f"cleanmedia: {task.source.shown}: warning: empty document")
            writer.document(task, outcome)
        if report.bar is not None:
            report.bar.update(task.size)


def _progress(total: int, show: bool) -> Any:
    if not show:
        return None
    from tqdm import tqdm  # imported only for a bar: the library itself never needs it

    return tqdm(total=total or None, unit="B", unit_scale=True, desc="cleanmedia", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
