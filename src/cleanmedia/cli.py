"""The `cleanmedia` command: files, folders, JSONL, WARC and Parquet in; clean text or records out; in
parallel.

Every input document is cleaned or reported: a document that fails is named on standard error (and in
`--errors FILE`), the run goes on, and the exit status is 1. Output is in input order whatever `--jobs`.
Outputs are written whole or not at all, never over an input, never two into one file (see `outputs`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from types import FrameType
from typing import IO, Any

from cleanmedia import __version__
from cleanmedia.batch import (
    INFO_KEY,
    Outcome,
    available_cpus,
    bound_heap,
    clean_many,
    field_edits,
    record_outcome,
)
from cleanmedia.chain import Chain
from cleanmedia.decode import DecodeError, codec_name
from cleanmedia.inputs import field_value, output_field_problem, parquet_schema, split_name
from cleanmedia.options import Options
from cleanmedia.outputs import (
    PARTIAL,
    FileSink,
    OutputBusy,
    OutputError,
    ParquetSink,
    check_targets,
    count_complete_lines,
    dumps,
    flat_row,
    output_lock,
    printable,
    shown,
)
from cleanmedia.resources import LANGUAGES
from cleanmedia.sources import ReadOptions, Source, Task, find_sources, output_name, read_tasks

EXAMPLES = """examples:
  cleanmedia article.txt page.html                    clean text to standard output
  cleanmedia corpus/ -o clean/ --errors errors.jsonl  a folder, mirrored as .txt under clean/
  cleanmedia dump.jsonl.gz --field article.body -o clean/   JSONL (a dotted field reaches into objects)
  cleanmedia crawl.warc.gz -o clean/                  WARC response records -> clean/crawl.jsonl
  cleanmedia pages.parquet --field html -o clean/     Parquet -> clean/pages.parquet
  cleanmedia dump.jsonl --lang-field meta.language -o clean/   each record cleaned as its own language
  cleanmedia corpus/ -o clean/ --resume               after an interrupted run: skip finished outputs
  cleanmedia corpus/ -o clean/ --force                again over existing outputs (refused without it)
  cleanmedia notes/ --kind document                   every file of a folder as a document (.md too)
  cleanmedia corpus/ -o all.jsonl.gz                  every document as one line of one JSONL file

inputs: .txt .text .html .htm .xhtml .jsonl .ndjson .warc .parquet, each optionally .gz .bz2 .xz .zst
(compression and WARC/Parquet are recognised by content too); other files in folders are skipped
(--kind reads them); binary files are reported, not cleaned.
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanmedia",
        description="Clean scraped articles (text or HTML) into clean text, with an edit log. "
        "Inputs are files, folders (searched recursively) or '-' for standard input; record files "
        "(JSONL, WARC, Parquet) hold one document per record.",
        epilog=EXAMPLES
        + f"\nlanguages with word lists (other ISO 639-1 codes get the language-neutral cleaners): "
        f"{', '.join(LANGUAGES)}\ncleaners, in order (for --only and --without): {', '.join(_cleaner_names())}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", type=Path, help="files or folders (standard input when none or '-')")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        help="a folder: one output per input, mirrored under it; or a .jsonl(.gz) file: every document in it",
    )
    p.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: one per CPU)")
    p.add_argument(
        "--lang",
        help="document language (ISO 639-1, or a BCP-47 tag such as de-DE: its language alone); identified when omitted",
    )
    p.add_argument("--format", choices=["auto", "text", "html"], default="auto", help="document format")
    p.add_argument(
        "--all-blocks", action="store_true", help="HTML: keep every visible block, not the article alone"
    )
    p.add_argument(
        "--charset",
        help="decode every input with this charset (default: BOM, HTTP header, <meta charset>, detection)",
    )
    p.add_argument(
        "--kind",
        choices=["document", "jsonl", "warc", "parquet"],
        help="read every input (standard input too) as this kind, whatever its name and first bytes say",
    )
    p.add_argument("--jsonl", action="store_true", help="the same as --kind jsonl")
    p.add_argument(
        "--field",
        help="JSONL/Parquet: the field that holds the text; a dotted path reaches into objects (default: text)",
    )
    p.add_argument(
        "--lang-field",
        metavar="NAME",
        help="JSONL/Parquet: the field that gives a record's language (an ISO 639 code or BCP-47 tag), used "
        "instead of --lang or identification for that record; a record whose value is no language code "
        "fails alone; '' reads none (default: lang)",
    )
    p.add_argument(
        "--output-field",
        metavar="NAME",
        help="records: put the clean text in this field (not --field itself) and keep the raw text in --field (a dotted path "
        "reaches into objects; in Parquet, a column of this name). A record that already holds a value "
        "there fails and is kept as it came (a Parquet input with that column is refused at the start)",
    )
    p.add_argument(
        "--overwrite-field",
        action="store_true",
        help="with --output-field: replace the value a record already holds in that field",
    )
    p.add_argument("--edits", action="store_true", help="record output: include each record's whole edit log")
    out = p.add_mutually_exclusive_group()
    out.add_argument(
        "--explain",
        action="store_true",
        help="print the edit log after each text (records: include it, as --edits does; with an output "
        "folder, each document's output is NAME.json, as with --json, so that no text file holds a log)",
    )
    out.add_argument(
        "--json", action="store_true", help="one JSON object per document: text, metadata, edits"
    )
    p.add_argument(
        "--preset",
        choices=list(PRESETS),
        default="default",
        help="the chain to start from: default (every cleaner), conservative (no repair that changes, "
        "splits or joins a word: characters, furniture, typography and flags only; furniture lines still go, "
        "--without boilerplate,lines,repeated_lines keeps every line), or dump (default plus "
        "the line model, for a crawler's full-page text dumps: more furniture out, a little more article "
        "too, half the speed); --only and --without choose among its cleaners",
    )
    chain = p.add_mutually_exclusive_group()
    chain.add_argument(
        "--without",
        type=_names,
        default=(),
        metavar="NAMES",
        help="leave out these cleaners (comma-separated)",
    )
    chain.add_argument(
        "--only", type=_names, default=(), metavar="NAMES", help="run only these cleaners (comma-separated)"
    )
    p.add_argument(
        "--learn-furniture",
        action="store_true",
        help="read the inputs twice: first learn the lines many documents repeat (per site when a URL is "
        "known: a record's url or site field, a page's canonical URL), then remove them as furniture",
    )
    p.add_argument(
        "--url-field",
        metavar="NAME",
        help="with --learn-furniture, records: the field that gives a record's URL or site, which groups "
        "the lines learnt per site (a dotted path reaches into objects: meta.url; default: url, then site)",
    )
    p.add_argument("--errors", type=Path, help="write the documents that could not be cleaned here (JSONL)")
    p.add_argument(
        "--resume", action="store_true", help="with -o: skip inputs whose output is already complete"
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="with -o: replace outputs that already exist (without it, or --resume, an existing output "
        "is never overwritten: the run is refused)",
    )
    p.add_argument(
        "--max-size",
        type=float,
        default=10.0,
        metavar="MB",
        help="a document (or record) larger than this is reported, not cleaned (default: 10)",
    )
    p.add_argument(
        "--time-limit",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="a document that takes longer is reported, not cleaned (default: 120; 0: no limit)",
    )
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", action="store_true", default=None, help="show a progress bar")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="errors only (documents and inputs that failed, refusals, an interruption): no progress bar, "
        "summary, notes or warnings",
    )
    p.add_argument("--version", action="version", version=f"cleanmedia {__version__}")
    return p


def _cleaner_names() -> list[str]:
    from cleanmedia.cleaners import DEFAULT_CHAIN

    return DEFAULT_CHAIN.names


def _names(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split(",") if name.strip())


#: The chains `--preset` starts from (names of `cleanmedia.cleaners` chains).
PRESETS = {"default": "DEFAULT_CHAIN", "conservative": "CONSERVATIVE_CHAIN", "dump": "DUMP_CHAIN"}


def chain_of(args: argparse.Namespace) -> Chain | None:
    """The chain --preset, --only and --without ask for (None: the default chain). Raises ValueError
    for a name that is no cleaner of the preset."""
    from cleanmedia import cleaners

    if args.preset == "default" and not args.only and not args.without:
        return None
    base: Chain = getattr(cleaners, PRESETS[args.preset])
    unknown = [n for n in (*args.only, *args.without) if n not in base.names]
    if unknown:
        names = ", ".join(unknown)
        if all(n in cleaners.DUMP_CHAIN.names for n in unknown):  # the largest preset holds every cleaner
            raise ValueError(
                f"{names}: not in the {args.preset} preset (its cleaners: {', '.join(base.names)})"
            )
        raise ValueError(f"unknown cleaner {names}: the cleaners are {', '.join(cleaners.DUMP_CHAIN.names)}")
    if args.only:
        return base.without(*[n for n in base.names if n not in args.only])
    return base.without(*args.without)


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most first, ties by name: `most_common` keeps insertion order on ties, which a set's order (a
    document's cleaners) or the workers' finishing order changes from run to run."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass
class Report:
    """Counts documents, names failures on standard error and, with --errors, in a JSONL file. Two
    kinds of message: `error` (a failure, a refusal, a stop: always shown) and `say` (notes, warnings
    and the summary: not with --quiet, which leaves only the errors)."""

    errors: IO[str] | None = None
    quiet: bool = False
    documents: int = 0
    bytes: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    unread: list[str] = field(default_factory=list)  # inputs given that are not there or not readable
    changed_by: Counter[str] = field(default_factory=Counter)  # cleaner -> documents it changed
    bar: Any = None  # a progress bar prints messages above itself
    started: float = field(default_factory=time.monotonic)

    def say(self, message: str) -> None:
        """A note or warning (the run goes on, the exit status does not change): not with --quiet."""
        if not self.quiet:
            self.error(message)

    def error(self, message: str) -> None:
        """A failure, a refusal or a stop: shown even with --quiet."""
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def failed(self, source: str, line: int, error: str) -> None:
        """A document (or record) not cleaned: counted, named on standard error and in --errors."""
        self.failures[error.split(":")[0]] += 1
        self._name(source, line, error)

    def _name(self, source: str, line: int, error: str) -> None:
        where = f"{source}:{line}" if line else source
        self.error(f"cleanmedia: {where}: {printable(error)}")
        if self.errors:
            try:
                self.errors.write(dumps({"source": source, "line": line, "error": error}) + "\n")
                self.errors.flush()
            except OSError as exc:
                raise OutputError(f"cannot write the --errors file: {exc.strerror or exc}") from None

    def input_failed(self, source: str, error: str) -> None:
        """An input named on the command line (or a folder in it) that cannot be read at all: a failure
        (exit 1, the others go on) counted apart from documents, which it has none of."""
        self.unread.append(source)
        self._name(source, 0, error)

    @property
    def failed_any(self) -> bool:
        return bool(self.unread or sum(self.failures.values()))

    def summary(self) -> str:
        seconds = max(time.monotonic() - self.started, 1e-9)
        failed = sum(self.failures.values())
        line = (
            f"cleanmedia: {self.documents} documents, {self.bytes / 1e6:.1f} MB in {seconds:.1f} s "
            f"({self.documents / seconds:.1f} docs/s)"
        )
        if failed:
            reasons = ", ".join(f"{n} {reason}" for reason, n in _by_count(self.failures))
            line += f"; {failed} of {self.documents} documents not cleaned ({reasons})"
        if self.unread:
            named = ", ".join(self.unread[:5]) + (
                f" and {len(self.unread) - 5} more" if len(self.unread) > 5 else ""
            )
            line += f"; {len(self.unread)} input{'s' * (len(self.unread) > 1)} not read ({named})"
        if self.changed_by:
            counts = ", ".join(f"{name} {n}" for name, n in _by_count(self.changed_by))
            line += f"\ncleanmedia: documents changed by each cleaner: {counts}"
        return line

    def progress(self) -> None:
        """The bar's counts after each document (bytes are its unit: MB, MB/s and the time left)."""
        if self.bar is not None:
            self.bar.set_postfix_str(
                f"{self.documents} docs, {sum(self.failures.values())} failed", refresh=False
            )


def cleaned(tasks: Iterator[Task], args: argparse.Namespace) -> Iterator[tuple[Task, Outcome | None]]:
    """Each task with its outcome, in input order; unreadable tasks pass through with None."""
    held: deque[Task] = deque()

    def contents() -> Iterator[object]:
        for task in tasks:
            held.append(task)
            yield task.given  # None for an unreadable task: its outcome is set aside below

    flags = args.explain or args.json or args.edits  # the only outputs that show flags
    options = args.options.with_(
        flags=flags, max_seconds=args.time_limit, max_bytes=int(args.max_size * 1_000_000)
    )  # the budget, checked between steps in every worker; --time-limit also by timer signal
    for outcome in clean_many(contents(), options, jobs=args.jobs, time_limit=args.time_limit or None):
        task = held.popleft()
        yield task, outcome if task.content is not None else None


class Writer:
    """Routes each result to standard output or to its file under --output. One output file is open
    at a time, written whole (`FileSink`, `ParquetSink`) when its source ends."""

    def __init__(
        self, args: argparse.Namespace, n_sources: int, resume: dict[int, int] | None = None
    ) -> None:
        self.args = args
        self.headers = n_sources > 1 and not args.json and args.output is None
        self.current: Source | None = None
        self.sink: FileSink | ParquetSink | None = None
        self.stdout = sys.stdout
        self.resume = resume or {}  # id(source) -> records already in its partial output
        # Partial files this run may have started: an interrupt can land between creating one and
        # handing it to `self.sink`, so `abort` removes what is left of them (the kept one aside).
        self.partials: set[Path] = set()

    def _switch(self, source: Source) -> None:
        if source is self.current:
            return
        self.finish()
        self.current = source
        if self.args.output is not None:
            target = self.args.output / output_name(source, self.args.json)
            self.partials.add(target.with_name(target.name + PARTIAL))
            if target.suffix == ".parquet":
                self.sink = ParquetSink(target, parquet_schema(source.path), self.args.output_field)
            else:
                lines = self.resume.get(id(source), 0)
                self.sink = FileSink(target, compress=target.suffix == ".gz", resume_lines=lines)
        elif self.headers and source.kind in ("document", None):
            self._write(f"==> {source.shown} <==\n")

    def _write(self, text: str) -> None:
        if self.sink is None:
            self.stdout.write(printable(text))
        elif isinstance(self.sink, FileSink):
            self.sink.write(text)

    def _record(self, task: Task, outcome: Outcome | None) -> dict[str, Any]:
        """The output record of a task that has one (cleaned, or as it came with its error)."""
        assert task.record is not None
        record = task.record
        into = self.args.output_field
        if into and isinstance(self.sink, ParquetSink) and into not in record:
            record = {**record, into: None}  # a Parquet column of that name, dots and all
        if outcome is None:
            outcome = Outcome(task.line, None, task.error)
        return record_outcome(
            record, task.field, outcome, self.args.edits, into, task.known, self.args.overwrite_field
        )

    def record(self, task: Task, outcome: Outcome | None) -> None:
        """A record: cleaned, or passed through with its error (an unreadable line is kept raw)."""
        self._switch(task.source)
        if task.record is not None:
            record = self._record(task, outcome)
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
        said = dict(zip(("charset", "how", "sure"), task.charset, strict=True)) if task.charset else None
        if self.args.json:
            charset = {"decode": said} if said else {}
            self._write(dumps({"source": task.source.shown, **charset, **result.to_dict()}) + "\n")
            return
        self._write(printable(result.text))
        if self.args.explain:
            note = f"decode.charset: {said['charset']} ({said['how']}; {said['sure']})\n" if said else ""
            self._write("\n" + note + printable(result.explain()) + "\n")

    def unwritten(self, task: Task, error: str) -> None:
        """A document file that failed: nothing to write in a mirror (it is in the report)."""

    def empty(self, source: Source) -> None:
        """A record file that gave no record to clean: its output is written all the same (an empty
        JSONL or Parquet file, so that the mirror is whole and --resume skips it); resumed, its records
        were all written before the interruption, and its partial output is completed."""
        if self.args.output is not None:
            self._switch(source)
            self.finish()

    def finish(self) -> None:
        """The current output is complete: give it its final name."""
        if self.sink is not None:
            sink, self.sink = self.sink, None
            sink.finish()
            self.partials.discard(sink.partial)
        self.current = None

    def abort(self, keep_records: bool = False) -> str | None:
        """The run stops: the output being written is removed (outputs finished before stay), or with
        `keep_records` a JSONL output of records is kept as its partial file for `--resume`, which is
        named in the return value."""
        sink, self.sink = self.sink, None
        kept = None
        if isinstance(sink, FileSink):
            keep = keep_records and self.current is not None and self.current.kind in ("jsonl", "warc")
            sink.abort(keep=keep)
            kept = sink.partial if keep else None
        elif sink is not None:
            sink.abort()
        for partial in self.partials - {kept}:
            with contextlib.suppress(OSError):  # gone, or never made (its folder could not be)
                partial.unlink(missing_ok=True)
        return shown(kept) if kept is not None else None


class OneFileWriter(Writer):
    """Every document of every input as one line of one JSONL file (`-o all.jsonl`, `-o all.jsonl.gz`),
    in input order, failures included, so that the line count says how far a run got (`--resume`).

    A record keeps its fields; a document file becomes `{"source", "text"}`; each line's `cleanmedia`
    object also names its `source` and `line` (the position of a record, 0 for a whole file)."""

    def __init__(self, args: argparse.Namespace, target: Path, resume_lines: int = 0) -> None:
        super().__init__(args, 0)
        self.sink = FileSink(target, compress=target.suffix == ".gz", resume_lines=resume_lines)

    def _switch(self, source: Source) -> None:
        self.current = source  # one file for all: nothing to switch

    def _line(self, task: Task, record: dict[str, Any]) -> None:
        info = {**record[INFO_KEY], "source": task.source.shown, "line": task.line}
        self._write(dumps({**record, INFO_KEY: info}) + "\n")

    def record(self, task: Task, outcome: Outcome | None) -> None:
        if task.record is not None:
            self._line(task, self._record(task, outcome))
        else:
            self._line(task, {INFO_KEY: {"error": task.error, "raw": task.raw}})

    def document(self, task: Task, outcome: Outcome) -> None:
        self._line(
            task, {"source": task.source.shown, **record_outcome({}, "text", outcome, self.args.edits)}
        )

    def unwritten(self, task: Task, error: str) -> None:
        self._line(task, {"source": task.source.shown, "text": None, INFO_KEY: {"error": error}})

    def empty(self, source: Source) -> None:
        """Nothing to write: the one file holds records, not files."""

    def finish(self) -> None:
        if self.sink is not None:
            sink, self.sink = self.sink, None
            sink.finish()

    def abort(self, keep_records: bool = False) -> str | None:
        sink, self.sink = self.sink, None
        if not isinstance(sink, FileSink):
            return None
        sink.abort(keep=keep_records)
        return shown(sink.partial) if keep_records else None


def one_file(output: Path | None) -> bool:
    """Whether `-o` names one JSONL file for everything rather than a folder to mirror the inputs in."""
    if output is None or output.is_dir():
        return False
    return output.name.lower().endswith((".jsonl", ".jsonl.gz"))


class Interrupted(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: workers ended, the partial output removed, one line printed."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Interrupted()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except KeyboardInterrupt as exc:  # before the work started (listing folders): nothing written yet
        print("cleanmedia: interrupted before any output was written", file=sys.stderr)
        return 143 if isinstance(exc, Interrupted) else 130
    except BrokenPipeError:  # the reader went away (`cleanmedia ... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _usage(args: argparse.Namespace) -> str | None:
    """Why the arguments cannot work (checked before any work), or None."""
    if args.jobs is not None and args.jobs < 1:
        return "--jobs must be 1 or more"
    if args.max_size <= 0:
        return "--max-size must be more than 0"
    if args.time_limit < 0:
        return "--time-limit must be 0 (no limit) or more"
    if args.charset:
        try:
            codec_name(args.charset)
        except DecodeError:
            return f"unknown charset {args.charset!r}"
    if (
        args.output is not None
        and args.output.exists()
        and not args.output.is_dir()
        and not one_file(args.output)
    ):
        return f"-o {shown(args.output)} is a file: it must be a folder, or a .jsonl or .jsonl.gz file"
    if args.output is not None and not args.output.exists() and not one_file(args.output):
        problem = _file_named_output(args.output)
        if problem:
            return problem
    if args.errors is not None:
        problem = _errors_target(args)
        if problem:
            return problem
    try:
        args.options = Options(
            lang=args.lang, input_format=args.format, main_content=not args.all_blocks, chain=chain_of(args)
        )
    except ValueError as bad:
        return str(bad)
    if args.output_field is not None and (
        not args.output_field.strip() or args.output_field.split(".")[0] == INFO_KEY
    ):
        return f"--output-field {args.output_field!r}: name a field other than {INFO_KEY!r}"
    if args.output_field is not None:
        problem = output_field_problem(args.field or "text", args.output_field)
        if problem:
            return f"--output-field {args.output_field!r}: {problem}"
    if args.overwrite_field and args.output_field is None:
        return "--overwrite-field needs --output-field (without it the clean text replaces --field)"
    if args.resume and args.output is None:
        return "--resume needs -o (it skips the outputs already written there)"
    if args.force and args.output is None:
        return "--force needs -o (it replaces the outputs already written there)"
    if args.force and args.resume:
        return "--force and --resume: choose one (replace the outputs there, or keep those complete)"
    if args.url_field is not None and not args.learn_furniture:
        return "--url-field needs --learn-furniture (the URL groups the lines it learns per site)"
    if args.url_field is not None and not args.url_field.strip():
        return "--url-field: name a field (a key or a dotted path: meta.url)"
    if args.learn_furniture:
        if "boilerplate" not in args.options.cleaners().names:
            return "--learn-furniture needs the boilerplate cleaner (it removes what is learnt)"
        if not args.inputs or any(str(path) == "-" for path in args.inputs):
            return "--learn-furniture reads its inputs twice: files or folders, not standard input"
    return None


def run(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    bound_heap()  # the command's own process: large pages must not leave the heap grown (the workers inherit it)
    # pyarrow (Parquet in and out) allocates from its own jemalloc pool by default, which keeps what it
    # freed: the command's memory stepped up by ~40 MB in a corpus's Parquet part. The system allocator
    # returns it (and follows `bound_heap`). Read when pyarrow is first imported; the user's own wins.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    problem = _usage(args)
    if problem:
        parser().error(problem)
    args.edits = args.edits or args.explain  # a record has no text to print the log after: it holds it
    if args.explain and args.output is not None and not one_file(args.output):
        # the log after each text would go into the clean text files of the corpus (and --resume would
        # take them as done): each document's output is its JSON object instead, the log beside the text
        args.explain, args.json = False, True
        _note(
            args,
            "cleanmedia: --explain with an output folder: each document's output is NAME.json (text, "
            "metadata and its edit log), so that no text file holds a log",
        )
    if args.lang and args.options.lang not in LANGUAGES:  # a typo ("--lang fe") would pass in silence
        _note(
            args,
            f"cleanmedia: warning: no word lists for --lang {args.lang} (there are for {', '.join(LANGUAGES)}): "
            "only the cleaners that need none apply",
        )
    try:  # appended to, not emptied, until this run holds the output (another run may be writing it)
        errors = args.errors.open("a", encoding="utf-8") if args.errors else None
    except OSError as exc:
        parser().error(f"cannot write --errors {shown(args.errors)}: {exc.strerror or exc}")
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        return _run(args, errors)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _run(args, errors)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _note(args: argparse.Namespace, message: str) -> None:
    """A note or warning before the run's report exists: not with --quiet (as `Report.say`)."""
    if not args.quiet:
        print(message, file=sys.stderr)


def _run(args: argparse.Namespace, errors: IO[str] | None) -> int:
    """The inputs listed and their outputs checked safe, then `_run_locked` holding the lock on the
    output (`-o all.jsonl`, or a folder `-o clean/`) from before --resume counts what is done until the
    last output is complete: a second run into the same output is refused (exit 2, one line) before any
    work, where it would have written the same files in turn or appended to the first run's."""
    report = Report(errors, quiet=args.quiet)
    sources = find_sources(args.inputs, "jsonl" if args.jsonl else args.kind, report)
    if not sources and not report.unread:  # inputs not there were named, and the summary counts them
        print(f"cleanmedia: {nothing_to_clean(args)}", file=sys.stderr)
        _close(errors)
        return 1
    taken = parquet_column_taken(sources, args)
    if taken:
        print(f"cleanmedia: {taken}", file=sys.stderr)
        _close(errors)
        return 2
    if args.output is None:
        return _run_locked(args, report, sources)
    single = one_file(args.output)
    if not _safe(sources, args, report, single):  # before the lock: it would make the folder
        _close(errors)
        return 2
    existing = [] if args.resume or args.force else existing_outputs(sources, args, single)
    if existing:
        print(f"cleanmedia: {existing_refusal(existing, args, single)}", file=sys.stderr)
        _close(errors)
        return 2
    made = not args.output.exists()
    try:
        with output_lock(args.output, folder=not single):
            _restart(errors)
            return _run_locked(args, report, sources)
    except (OutputBusy, OutputError) as exc:
        print(f"cleanmedia: {exc}", file=sys.stderr)
        _close(errors)
        return 2 if isinstance(exc, OutputBusy) else 1
    finally:
        if made and not single:  # a folder this run made and left empty (nothing to clean) goes
            with contextlib.suppress(OSError):
                args.output.rmdir()


def nothing_to_clean(args: argparse.Namespace) -> str:
    """Why a run found no document to read, for one line on standard error (exit status 1): the inputs
    named no file (an empty folder, a folder of other types, a pattern the shell matched to nothing)."""
    folders = [p for p in args.inputs if str(p) != "-" and p.is_dir()]
    where = f" in {', '.join(shown(p) for p in folders[:3])}" if folders else ""
    other = any(f.is_file() for p in folders for f in p.rglob("*"))  # files of other types, skipped
    hint = (
        " (files of other types are skipped: --kind document reads every file as a document)"
        if other and args.kind is None and not args.jsonl
        else ""
    )
    return f"nothing to clean: no input files found{where}{hint}"


def existing_outputs(sources: list[Source], args: argparse.Namespace, single: bool) -> list[Path]:
    """The outputs of this run that exist already (`-o all.jsonl`, or the files under `-o DIR`): never
    overwritten in silence; `--force` replaces them, `--resume` keeps the complete ones."""
    if single:
        return [args.output] if args.output.exists() else []
    if not args.output.is_dir():
        return []
    return [t for t in (args.output / output_name(s, args.json) for s in sources) if t.exists()]


def existing_refusal(existing: list[Path], args: argparse.Namespace, single: bool) -> str:
    """One line refusing a run whose outputs exist, naming them and the two ways on."""
    named = ", ".join(shown(p) for p in existing[:3]) + (
        f" and {len(existing) - 3} more" if len(existing) > 3 else ""
    )
    if single:
        return f"-o {named} exists: not overwritten, nothing written; give --force to replace it"
    many = f"{len(existing)} outputs exist" if len(existing) > 1 else "1 output exists"
    return (
        f"{many} under -o ({named}): not overwritten, nothing written; give --force to replace them, "
        "or --resume to keep them and clean the other inputs"
    )


def parquet_column_taken(sources: list[Source], args: argparse.Namespace) -> str | None:
    """Why the run is refused before any work: a Parquet input already has a column named as
    --output-field (without --overwrite-field), which every row's clean text would replace. Known from
    the schema, so said once at the start rather than as a failure of every row. None: no such input
    (one that cannot be read is reported when it is)."""
    if not args.output_field or args.overwrite_field:
        return None
    for source in sources:
        if source.kind != "parquet" or source.stdin:
            continue
        try:
            names = parquet_schema(source.path).names
        except Exception:  # noqa: BLE001 - an unreadable file is reported as its rows are read
            continue
        if args.output_field in names:
            return (
                f"{source.shown} already has a column {args.output_field!r} (--output-field): nothing "
                "done; name another column, or give --overwrite-field to replace it"
            )
    return None


def _restart(errors: IO[str] | None) -> None:
    """Empty the --errors file of a run before (opened for appending while another run might still
    be writing it); a pipe or a terminal cannot be emptied, nor needs to be."""
    if errors is not None and errors.seekable():
        with contextlib.suppress(OSError):
            errors.truncate(0)


def _close(errors: IO[str] | None) -> None:
    if errors:
        with contextlib.suppress(OSError):
            errors.close()


def _run_locked(args: argparse.Namespace, report: Report, sources: list[Source]) -> int:
    errors = report.errors
    single = one_file(args.output)
    if args.output is not None:
        planned = _resumed_one(sources, args, report) if single else _resumed(sources, args, report)
        if planned is None:
            _close(errors)
            return 2
        sources = planned
    unused = record_fields_unused(args, sources)
    if unused:
        report.say(unused)
    if args.jobs is None and len(sources) == 1 and sources[0].kind in ("document", None):
        args.jobs = 1  # one document: worker processes would only add their start-up time
    resume = _partial_records(sources, args, report) if args.resume and not single else {}
    lines_done = _one_file_done(args, report) if args.resume and single and sources else 0
    show = (sys.stderr.isatty() if args.progress is None else args.progress) and not args.quiet
    bar = report.bar = _progress(sum(s.size for s in sources), show)
    skipped = [0]
    writer: Writer | None = None
    try:
        if single and sources:
            writer = OneFileWriter(args, args.output, lines_done)
        else:
            writer = Writer(args, len(sources), resume)
        options = read_options(args)
        _share_lexicons(args, sources)
        if args.learn_furniture:
            learn_furniture(sources, args, report)
        tasks = _skip_done(read_tasks(sources, options, skipped), resume)
        seen = _loop(cleaned(islice(tasks, lines_done, None), args), writer, report)
        for source in sources:  # a record file without records still has an output, and a warning
            if id(source) not in seen and source.kind in ("jsonl", "warc", "parquet"):
                if id(source) not in resume and not lines_done:  # resumed: its records came before
                    report.say(f"cleanmedia: {source.shown}: warning: no records")
                writer.empty(source)
        writer.finish()
    except KeyboardInterrupt as exc:
        kept = writer.abort(keep_records=True) if writer else None
        code = 143 if isinstance(exc, Interrupted) else 130
        more = f"; {kept} keeps the records done (--resume continues it)" if kept else ""
        report.error(f"cleanmedia: interrupted; {report.summary()[12:]}; finished outputs kept{more}")
        return code
    except OutputError as exc:
        if writer:
            writer.abort()
        report.error(f"cleanmedia: {exc}; stopped after {report.documents} documents")
        return 1
    finally:
        _close(errors)  # a failed write was reported already
        if bar is not None:
            bar.close()
    if skipped[0]:
        report.say(f"cleanmedia: skipped {skipped[0]} WARC responses that are not HTML or text")
    if report.documents > 1 or report.failed_any:
        report.say(report.summary())
    return 1 if report.failed_any else 0


def read_options(args: argparse.Namespace) -> ReadOptions:
    """How the command's inputs are read (--charset, --field, --max-size, --lang-field)."""
    lang_field = "lang" if args.lang_field is None else args.lang_field.strip()
    return ReadOptions(
        args.charset, args.field or "text", args.max_size, lang_field, args.output_field, args.overwrite_field
    )


def record_fields_unused(args: argparse.Namespace, sources: list[Source]) -> str | None:
    """A warning when --field or --lang-field was given and some inputs have no records to apply it to:
    a text or HTML file is one document, cleaned whole, and a WARC record's text is its HTTP payload.
    A warning, not a refusal: a folder may mix JSONL with text files, and then --field is right for the
    JSONL. Said once, naming up to three such inputs (None when every input has records, or neither
    option was given)."""
    given = [
        f"--{name.replace('_', '-')}" for name in ("field", "lang_field") if getattr(args, name) is not None
    ]
    whole = [s.shown for s in sources if s.kind not in ("jsonl", "parquet", None)]
    if not given or not whole:
        return None
    named = ", ".join(whole[:3]) + (f" and {len(whole) - 3} more" if len(whole) > 3 else "")
    options = " and ".join(given)
    return (
        f"cleanmedia: warning: {options} appl{'y' if len(given) > 1 else 'ies'} to JSONL and Parquet records only; ignored for "
        f"{len(whole)} input{'s' * (len(whole) > 1)} cleaned whole (text, HTML or WARC: {named})"
    )


#: Input (bytes on disk, compressed or not) from which a run with workers loads the lexicons before
#: starting them: a smaller run ends in seconds, and loading every language (~6 s) would cost more
#: than the memory it saves.
SHARE_LEXICONS_FROM = 16_000_000


def _share_lexicons(args: argparse.Namespace, sources: list[Source]) -> None:
    """With worker processes and a large input, load the lexicons the workers will need before they
    are started, so that they share this process's copy (`lang.preload`): the --lang given, else every
    language with word lists (a corpus of one language should say so with --lang). One worker cleans in
    this process: nothing to share, and nothing loaded that the documents do not need."""
    workers = args.jobs if args.jobs is not None else available_cpus()
    if workers > 1 and sum(s.size for s in sources) >= SHARE_LEXICONS_FROM:
        from cleanmedia import lang

        lang.preload([args.options.lang] if args.options.lang else LANGUAGES)


def learn_furniture(sources: list[Source], args: argparse.Namespace, report: Report) -> None:
    """The first pass of `--learn-furniture`: every document through the chain up to the furniture
    step (HTML extracted), its lines counted per site (a record's `url` or `site` field, else the page's
    URL or site name, else the corpus), then `args.options` given a chain whose boilerplate cleaner
    removes the template lines (`cleaners.templates`). Worker processes as for cleaning; the counts do
    not depend on the order of the documents, so the result is the same whatever `--jobs`. Documents
    that fail here are reported by the cleaning pass."""
    from cleanmedia.cleaners import Boilerplate
    from cleanmedia.cleaners.templates import TemplateCounts

    chain = args.options.cleaners()
    before = Chain(list(chain)[: chain.names.index("boilerplate")])
    held: deque[Task] = deque()

    def contents() -> Iterator[object]:
        for task in read_tasks(sources, read_options(args), [0]):
            held.append(task)
            yield task.given

    counts = TemplateCounts()
    options = args.options.with_(chain=before, flags=False)
    for outcome in clean_many(contents(), options, jobs=args.jobs, time_limit=args.time_limit or None):
        task = held.popleft()
        if outcome.result is not None and task.content is not None:
            meta = outcome.result.metadata
            counts.add(
                outcome.result.text, _record_site(task.record, args.url_field) or meta.url or meta.site
            )
    templates = counts.templates()
    args.options = args.options.with_(chain=chain.replace("boilerplate", Boilerplate(templates=templates)))
    sites = sum(1 for lines in templates.by_site.values() if lines)
    report.say(
        f"cleanmedia: learnt {len(templates)} template lines ({sites} sites or corpus) "
        f"from {sum(counts.documents.values())} documents"
    )


def _record_site(record: dict[str, Any] | None, field: str | None = None) -> str | None:
    """A record's URL or site when it is text: at `field` (`--url-field`, a key or dotted path,
    `inputs.field_value`), else its `url` or `site` field."""
    for key in (field,) if field else ("url", "site"):
        value = field_value(record, key) if record else None
        if isinstance(value, str) and value.strip():
            return value
    return None


def _safe(sources: list[Source], args: argparse.Namespace, report: Report, single: bool) -> bool:
    """Whether the outputs of `sources` are safe to write under -o (the reasons said when not): none
    over an input, inside an input folder or outside -o, no two into one file."""
    files = [s.path for s in sources if not s.stdin]
    folders = [p for p in args.inputs if str(p) != "-" and p.is_dir()]
    if single:
        targets, out_dir = [("-o", Path(args.output.name))], args.output.parent
    else:
        targets, out_dir = [(s.shown, output_name(s, args.json)) for s in sources], args.output
    problems = check_targets(targets, out_dir, files, folders)
    for problem in problems[:20]:
        report.error(f"cleanmedia: {problem}")
    if problems and not single:
        more = f" ({len(problems) - 20} more)" if len(problems) > 20 else ""
        report.error(f"cleanmedia: nothing written{more}: the outputs above are not safe to write")
    return not problems


def _resumed(sources: list[Source], args: argparse.Namespace, report: Report) -> list[Source]:
    """The sources left to do: with --resume, those whose output is already complete are left out."""
    if not args.resume:
        return sources
    todo = [s for s in sources if not (args.output / output_name(s, args.json)).exists()]
    if len(todo) < len(sources):
        report.say(f"cleanmedia: resuming: {len(sources) - len(todo)} inputs already have complete outputs")
    return todo


def _file_named_output(output: Path) -> str | None:
    """Why a new `-o` named like a file of text or records (`clean.txt`, `all.parquet`) is refused: it
    would be made a folder holding one output per input, where the name promises one file."""
    _, kind, compressed = split_name(output)
    if kind is None and not compressed and output.suffix.lower() not in (".md", ".json", ".csv"):
        return None
    return (
        f"-o {shown(output)} is named like a file, but one output file for every input is a .jsonl or "
        ".jsonl.gz file (a folder gets one output per input: name it without an ending, or make it first)"
    )


def _errors_target(args: argparse.Namespace) -> str | None:
    """Why --errors cannot be written where asked: over an input, inside an input folder (it would be
    read as an input next time), or over the output; None when it can."""
    target = args.errors.resolve()
    inputs = [Path(p) for p in args.inputs if str(p) != "-"]
    for given in inputs:
        path = given.resolve()
        if target == path:
            return f"--errors {shown(args.errors)} is an input: it would be emptied before it is read"
        if given.is_dir() and path in target.parents:
            return f"--errors {shown(args.errors)} is inside the input folder {shown(given)}"
    if args.output is not None and target == args.output.resolve():
        return f"--errors {shown(args.errors)} is the output: one would overwrite the other"
    return None


def _resumed_one(sources: list[Source], args: argparse.Namespace, report: Report) -> list[Source] | None:
    """The sources for one JSONL output file: with --resume and the file complete, refused (None)."""
    if args.resume and args.output.exists():
        # A finished single file does not say which inputs it holds: new or changed inputs would be
        # skipped in silence. Refuse rather than guess.
        report.error(
            f"cleanmedia: --resume: {shown(args.output)} is already complete and cannot say which inputs it "
            "holds; remove it to redo the run, or write to a folder (-o DIR), whose outputs resume per input"
        )
        return None
    return sources


def _one_file_done(args: argparse.Namespace, report: Report) -> int:
    """For --resume into one JSONL file: how many lines its partial file holds whole (the documents
    done, failures included, one line each)."""
    partial = args.output.with_name(args.output.name + PARTIAL)
    if not partial.exists():
        return 0
    done = count_complete_lines(partial, args.output.suffix == ".gz")
    report.say(f"cleanmedia: resuming: {done} records already written in {shown(partial)}")
    return done


def _partial_records(sources: list[Source], args: argparse.Namespace, report: Report) -> dict[int, int]:
    """For --resume: the JSONL record outputs an interrupted run left partial, and how many records each
    holds whole (by `id` of its source). Their inputs are read again, those records skipped."""
    found = {}
    for source in sources:
        if source.kind not in ("jsonl", "warc"):
            continue
        target = args.output / output_name(source, args.json)
        partial = target.with_name(target.name + PARTIAL)
        if partial.exists():
            found[id(source)] = count_complete_lines(partial, target.suffix == ".gz")
    if found:
        report.say(f"cleanmedia: resuming: {sum(found.values())} records already written in partial outputs")
    return {k: v for k, v in found.items() if v}


def _skip_done(tasks: Iterator[Task], done: dict[int, int]) -> Iterator[Task]:
    """The tasks without the records already in a partial output: the first `done[id(source)]` records
    of a source (every record, cleaned or failed, is one line of its output)."""
    seen: dict[int, int] = {}
    for task in tasks:
        key = id(task.source)
        if task.line > 0 and key in done:
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= done[key]:
                continue
        yield task


def _loop(results: Iterator[tuple[Task, Outcome | None]], writer: Writer, report: Report) -> set[int]:
    """Every result counted, reported and written; returns the sources that gave any (by `id`)."""
    seen: set[int] = set()
    for task, outcome in results:
        seen.add(id(task.source))
        report.documents += 1
        report.bytes += task.size
        error = outcome.error if outcome is not None else task.error
        if error is not None:
            report.failed(task.source.shown, task.line, error)
        result = outcome.result if outcome is not None else None
        if result is not None:  # a record's field is counted as written (no final newline added)
            logged = field_edits(task.content, result) if task.line > 0 else result.edits
            report.changed_by.update({e.cleaner for e in logged if not e.flag})
        if task.line > 0:  # a record (a line, a WARC record, a row), kept in the output even when it failed
            writer.record(task, outcome)
        elif outcome is not None and result is not None:
            if task.content == "":
                report.say(f"cleanmedia: {task.source.shown}: warning: empty document")
            writer.document(task, outcome)
        else:
            writer.unwritten(task, error or "not cleaned")
        if report.bar is not None:
            report.progress()
            report.bar.update(task.size)
    return seen


def _progress(total: int, show: bool) -> Any:
    if not show:
        return None
    from tqdm import tqdm  # imported only for a bar: the library itself never needs it

    return tqdm(total=total or None, unit="B", unit_scale=True, desc="cleanmedia", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
