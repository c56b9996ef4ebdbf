"""The `cleanmedia` command: files, folders and JSONL in; clean text or records out; in parallel.

Every input document is cleaned or reported: a document that fails is named on standard error (and in
`--errors FILE`), the run goes on, and the exit status is 1. Output is in input order whatever `--jobs`.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cleanmedia import __version__
from cleanmedia.batch import INFO_KEY, Outcome, clean_many, record_outcome
from cleanmedia.decode import DecodeError, decode
from cleanmedia.options import Options

#: File types a folder is searched for (JSONL files hold one record per line).
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanmedia",
        description="Clean scraped articles (text or HTML) into clean text, with an edit log. "
        "Inputs are files, folders (searched for .txt, .html, .htm and .jsonl files) or '-' for "
        "standard input; JSONL files hold one record per line with the text in --field.",
    )
    p.add_argument("inputs", nargs="*", type=Path, help="files or folders (standard input when none or '-')")
    p.add_argument("-o", "--output", type=Path, help="write one output file per input under this folder")
    p.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: one per CPU)")
    p.add_argument("--lang", help="document language (ISO 639-1); identified when omitted")
    p.add_argument("--format", choices=["auto", "text", "html"], default="auto", help="document format")
    p.add_argument(
        "--all-blocks", action="store_true", help="HTML: keep every visible block, not the article alone"
    )
    p.add_argument("--charset", help="charset to try when a file is not UTF-8 (default: windows-1252)")
    p.add_argument("--jsonl", action="store_true", help="read every input (standard input too) as JSONL")
    p.add_argument("--field", default="text", help="JSONL: the field that holds the text (default: text)")
    p.add_argument("--edits", action="store_true", help="JSONL output: include each record's whole edit log")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--explain", action="store_true", help="print the edit log after each text")
    out.add_argument(
        "--json", action="store_true", help="one JSON object per document: text, metadata, edits"
    )
    p.add_argument("--errors", type=Path, help="write the documents that could not be cleaned here (JSONL)")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", action="store_true", default=None, help="show a progress bar")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    p.add_argument("--version", action="version", version=f"cleanmedia {__version__}")
    return p


@dataclass
class Source:
    """One input: a document file, a JSONL file, or standard input."""

    path: Path
    name: Path  # where its output goes, relative to --output
    jsonl: bool

    @property
    def stdin(self) -> bool:
        return str(self.path) == "-"

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
    line: int  # 1-based line of a JSONL record; 0 for a whole file
    content: str | None
    record: dict[str, Any] | None = None
    error: str | None = None
    size: int = 0
    raw: str | None = None  # a JSONL line that is not a record, kept as it was


def find_sources(inputs: list[Path], all_jsonl: bool, report: Report) -> list[Source]:
    """Files as given, folders searched (sorted, so runs are repeatable), missing paths reported."""
    sources = []
    for path in inputs or [Path("-")]:
        if str(path) == "-":
            sources.append(Source(path, Path("stdin.jsonl" if all_jsonl else "stdin.txt"), all_jsonl))
        elif path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                suffix = found.suffix.lower()
                if suffix in DOCUMENT_SUFFIXES or suffix in JSONL_SUFFIXES:
                    jsonl = all_jsonl or suffix in JSONL_SUFFIXES
                    sources.append(Source(found, Path(path.name) / found.relative_to(path), jsonl))
        elif path.exists():
            sources.append(Source(path, Path(path.name), all_jsonl or path.suffix.lower() in JSONL_SUFFIXES))
        else:
            report.failed(str(path), 0, "no such file or folder")
    return sources


def read_tasks(sources: list[Source], charset: str | None, field: str) -> Iterator[Task]:
    for source in sources:
        try:
            if source.jsonl:
                yield from _records(source, charset, field)
                continue
            raw = sys.stdin.buffer.read() if source.stdin else source.path.read_bytes()
            yield Task(source, 0, decode(raw, charset), size=len(raw))
        except (OSError, DecodeError) as exc:
            yield Task(source, 0, None, error=str(exc))


def _records(source: Source, charset: str | None, field: str) -> Iterator[Task]:
    stream = sys.stdin.buffer if source.stdin else source.path.open("rb")
    try:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            line = decode(raw, charset).rstrip("\r\n")
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield Task(source, number, None, error=f"invalid JSON: {exc}", size=len(raw), raw=line)
                continue
            if not isinstance(record, dict):
                error = f"not a JSON object: got {type(record).__name__}"
                yield Task(source, number, None, error=error, size=len(raw), raw=line)
                continue
            content = record.get(field)
            if not isinstance(content, str):
                error = f"no text in field {field!r}" if content is None else f"field {field!r} is not text"
                yield Task(source, number, None, record=record, error=error, size=len(raw))
                continue
            yield Task(source, number, content, record=record, size=len(raw))
    finally:
        if not source.stdin:
            stream.close()


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


class Report:
    """Counts documents, names failures on standard error and, with --errors, in a JSONL file."""

    def __init__(self, path: Path | None) -> None:
        self.documents = 0
        self.failures = 0
        self.file: IO[str] | None = path.open("w", encoding="utf-8") if path else None
        self.bar: Any = None  # a progress bar prints messages above itself

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def failed(self, source: str, line: int, error: str) -> None:
        self.failures += 1
        where = f"{source}:{line}" if line else source
        self.say(f"cleanmedia: {where}: {error}")
        if self.file:
            self.file.write(
                json.dumps({"source": source, "line": line, "error": error}, ensure_ascii=False) + "\n"
            )

    def close(self) -> None:
        if self.file:
            self.file.close()


class Writer:
    """Routes each result to standard output or to its file under --output, one file open at a time."""

    def __init__(self, args: argparse.Namespace, n_sources: int) -> None:
        self.args = args
        self.headers = n_sources > 1 and not args.json and args.output is None
        self.current: Source | None = None
        self.stream: IO[str] = sys.stdout

    def _switch(self, source: Source) -> None:
        if source is self.current:
            return
        self.close()
        self.current = source
        if self.args.output is not None:
            target = self.args.output / source.name
            if not source.jsonl:
                target = target.with_suffix(".json" if self.args.json else ".txt")
            target.parent.mkdir(parents=True, exist_ok=True)
            self.stream = target.open("w", encoding="utf-8")
        elif self.headers and not source.jsonl:
            self.stream.write(f"==> {source.path} <==\n")

    def record(self, task: Task, outcome: Outcome | None) -> None:
        """A JSONL record: cleaned, or passed through with its error (an unreadable line is kept raw)."""
        self._switch(task.source)
        if outcome is not None and task.record is not None:
            record = record_outcome(task.record, self.args.field, outcome, self.args.edits)
        elif task.record is not None:
            record = {**task.record, INFO_KEY: {"error": task.error}}
        else:
            record = {INFO_KEY: {"error": task.error, "line": task.line, "raw": task.raw}}
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def document(self, task: Task, outcome: Outcome) -> None:
        self._switch(task.source)
        result = outcome.result
        assert result is not None
        if self.args.json:
            record = {"source": str(task.source.path), **result.to_dict()}
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        self.stream.write(result.text)
        if self.args.explain:
            self.stream.write("\n" + result.explain() + "\n")

    def close(self) -> None:
        if self.stream is not sys.stdout:
            self.stream.close()
            self.stream = sys.stdout
        self.current = None


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except BrokenPipeError:  # the reader went away (`cleanmedia ... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def run(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser().error("--jobs must be 1 or more")
    try:
        args.options = Options(lang=args.lang, input_format=args.format, main_content=not args.all_blocks)
    except ValueError as bad:
        parser().error(str(bad))
    if args.charset:
        try:
            codecs.lookup(args.charset)
        except LookupError:
            parser().error(f"unknown charset {args.charset!r}")
    report = Report(args.errors)
    sources = find_sources(args.inputs, args.jsonl, report)
    if args.jobs is None and len(sources) == 1 and not sources[0].jsonl:
        args.jobs = 1  # one document: worker processes would only add their start-up time
    writer = Writer(args, len(sources))
    show = sys.stderr.isatty() if args.progress is None else args.progress
    bar = report.bar = _progress(sum(s.size for s in sources), show)
    try:
        for task, outcome in cleaned(read_tasks(sources, args.charset, args.field), args):
            report.documents += 1
            error = outcome.error if outcome is not None else task.error
            if error is not None:
                report.failed(str(task.source.path), task.line, error)
            if task.source.jsonl:
                writer.record(task, outcome)
            elif outcome is not None and outcome.result is not None:
                writer.document(task, outcome)
            if bar is not None:
                bar.update(task.size)
    finally:
        writer.close()
        report.close()
        if bar is not None:
            bar.close()
    if report.failures and report.documents > 1:
        print(f"cleanmedia: {report.failures} of {report.documents} documents not cleaned", file=sys.stderr)
    return 1 if report.failures else 0


def _progress(total: int, show: bool) -> Any:
    if not show:
        return None
    from tqdm import tqdm  # imported only for a bar: the library itself never needs it

    return tqdm(total=total or None, unit="B", unit_scale=True, desc="cleanmedia", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
