"""Output files that are whole or absent: written under a temporary name and renamed when complete,
never over an input, never two inputs into one output, never outside the output folder.

A run that is killed leaves complete outputs under their final names and at most one `*.partial`
file (overwritten by the next run); a full disk or an unwritable folder raises `OutputError` with one
line to show, after the partial file is removed.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import math
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any, cast

#: Suffix of a file being written; renamed to its final name when complete.
PARTIAL = ".partial"
#: Lines between two flushes of an output to disk (a gzip stream is sync-flushed: readable so far).
FLUSH_LINES = 256

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class OutputError(OSError):
    """An output cannot be written (the message is one line for the user, naming the file)."""


#: Beside a single output file while a run writes it (`all.jsonl.gz.lock`): the lock two runs take.
LOCK = ".lock"
#: Inside an output folder while a run writes it: the lock two runs into one folder take.
FOLDER_LOCK = ".cleanmedia.lock"


class OutputBusy(Exception):
    """Another run is writing the same output (the message is one line for the user)."""


def lock_path(output: Path, folder: bool) -> Path:
    """The file whose lock stands for writing `output`: beside a single output file
    (`all.jsonl.gz.lock`), inside an output folder (`clean/.cleanmedia.lock`: whatever name a run
    gives the folder, `clean`, `./clean/` or a link to it, it is the same file)."""
    return output / FOLDER_LOCK if folder else output.with_name(output.name + LOCK)


@contextmanager
def output_lock(target: Path, folder: bool = False) -> Iterator[None]:
    """Hold an exclusive lock on writing `target` (a file, or with `folder` a folder of outputs) for
    the block, or raise `OutputBusy` at once.

    Two runs into one output would append to the same partial file, or write the same outputs of a
    folder in turn, each replacing the other's. The lock is `fcntl.flock` on `lock_path`, which holds
    this run's process id for the message; the kernel releases it when the process ends, however it
    ends, so a file left by a killed run stops nothing. Removed at the end; taken again when another
    run replaced it in between (the lock is on the file, not on its name). The folder that holds the
    lock is made here: OutputError (one line) when it cannot be. Without `fcntl` (not POSIX) no lock is
    taken.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - POSIX only
        yield
        return
    path = lock_path(target, folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {shown(path.parent)}: {exc.strerror or exc}") from None
    try:
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                os.close(fd)
                by = f"another run (process {holder})" if holder.isdigit() else "another run"
                raise OutputBusy(f"{shown(target)} is being written by {by}: not started") from None
            try:
                if os.path.samestat(os.fstat(fd), os.stat(path)):
                    break
            except FileNotFoundError:
                pass
            os.close(fd)  # the run before removed that file as this one locked it: lock the new one
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
    except OSError as exc:
        raise OutputError(f"cannot lock {shown(path)}: {exc.strerror or exc}") from None
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)


def shown(path: Path | str) -> str:
    """A path as text that can be printed and put in JSON: bytes of a file name that are not UTF-8
    (kept by Python as lone surrogates) become U+FFFD."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def printable(text: str) -> str:
    """Text that can be encoded as UTF-8: lone surrogates (from a JSON `"\\udc80"` escape) become U+FFFD.
    For plain-text outputs, where the escape cannot be kept."""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def dumps(obj: Any) -> str:
    """One JSON line that is valid JSON and valid UTF-8 whatever `obj` holds: lone surrogates stay as
    `\\udc80` escapes (lossless), non-finite floats (not JSON) become null, other objects their str."""
    try:
        line = json.dumps(obj, ensure_ascii=False, allow_nan=False, default=str)
    except ValueError:  # NaN or infinity: JSON has no such number
        return dumps(_finite(obj))
    if _LONE_SURROGATE.search(line):
        line = json.dumps(obj, ensure_ascii=True, allow_nan=False, default=str)
    return line


def _finite(obj: Any) -> Any:
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj


#: zlib's level for gzip outputs: 6, gzip's own default, not Python's 9, which took 30% more of the
#: command's time for outputs 0.1% smaller (12 MB of JSONL output of the bench corpus: 0.84 s at 9,
#: 0.59 s at 6, 0.341 of the size at both). The command's process writes every output while the
#: workers clean: what it spends there is taken from them on a machine with as many cores as workers.
GZIP_LEVEL = 6


class FileSink:
    """One output file (text, JSONL, gzip-compressed JSONL), complete or absent.

    Written to `<target>.partial` beside the target, renamed over the target by `finish`; `abort`
    removes the partial file. Every OSError becomes an `OutputError` naming the target."""

    def __init__(self, target: Path, compress: bool = False, resume_lines: int = 0) -> None:
        self.target = target
        self.partial = target.with_name(target.name + PARTIAL)
        earlier = self.partial.with_name(self.partial.name + ".resume")
        if resume_lines:
            self.partial.replace(earlier)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            binary = self.partial.open("wb")
            # no name and no time in the gzip header: the same input gives the same bytes
            self.gzip = (
                gzip.GzipFile(filename="", mode="wb", fileobj=binary, mtime=0, compresslevel=GZIP_LEVEL)
                if compress
                else None
            )
            self.stream: IO[str] = io.TextIOWrapper(self.gzip or binary, "utf-8")
            self.lines, self.next_flush = 0, FLUSH_LINES
            self.binary = binary
            if resume_lines:
                for line in islice(complete_lines(earlier, compress), resume_lines):
                    self.write(line)  # flushed where the first run flushed: the same bytes
            earlier.unlink(missing_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write {shown(target)}: {exc.strerror or exc}") from None

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.lines += text.count("\n")
            if self.lines >= self.next_flush:  # a killed run leaves this much readable for --resume
                self.next_flush += FLUSH_LINES
                self.stream.flush()
                if isinstance(self.gzip, gzip.GzipFile):
                    self.gzip.flush(zlib.Z_SYNC_FLUSH)
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write {shown(self.target)}: {exc.strerror or exc}") from None

    def finish(self) -> None:
        try:
            self.stream.close()
            self.binary.close()
            os.replace(self.partial, self.target)
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write {shown(self.target)}: {exc.strerror or exc}") from None

    def abort(self, keep: bool = False) -> None:
        """Stop writing: the partial file is removed, or with `keep` closed whole (a gzip stream ends
        properly) for `--resume` to continue from its complete lines."""
        for stream in (self.stream, self.gzip, self.binary):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if not keep:
            self.partial.unlink(missing_ok=True)


def complete_lines(path: Path, compressed: bool) -> Iterator[str]:
    """The lines of a partial JSONL output that were written whole (ending in a newline), in order; a
    gzip stream cut short (the run was killed) yields what it holds. Nothing when the file is missing."""
    try:
        raw = path.open("rb")
    except FileNotFoundError:
        return
    with raw:
        binary = cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb")) if compressed else raw
        text = io.TextIOWrapper(binary, "utf-8", errors="surrogateescape", newline="\n")
        try:
            for line in text:
                if not line.endswith("\n"):
                    return
                yield line
        except (EOFError, OSError, zlib.error):
            return


def count_complete_lines(path: Path, compressed: bool) -> int:
    """How many records a partial JSONL output holds whole (0 when there is none)."""
    return sum(1 for _ in complete_lines(path, compressed))


class ParquetSink:
    """A Parquet output: the input's columns (the text column cleaned) and the `cleanmedia_*` columns,
    written a row group at a time under a temporary name, renamed when complete."""

    COLUMNS = (
        ("cleanmedia_lang", "string"),
        ("cleanmedia_title", "string"),
        ("cleanmedia_author", "string"),
        ("cleanmedia_date", "string"),
        ("cleanmedia_site", "string"),
        ("cleanmedia_url", "string"),
        ("cleanmedia_changes", "int64"),
        ("cleanmedia_removals", "int64"),  # what extraction removed from an HTML page (not in changes)
        ("cleanmedia_error", "string"),
        ("cleanmedia_edits", "string"),  # the edit log as JSON, with --edits
        ("cleanmedia_metadata_edits", "string"),  # where each metadata value came from, JSON, with --edits
    )
    ROWS_PER_GROUP = 1000

    def __init__(self, target: Path, input_schema: Any, output_field: str | None = None) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.target = target
        self.partial = target.with_name(target.name + PARTIAL)
        fields = [f for f in input_schema if not f.name.startswith("cleanmedia_")]
        if output_field:  # the clean text's own column (in its place if the input has it), text
            text = pa.field(output_field, pa.string())
            names = [f.name for f in fields]
            fields = [text if f.name == output_field else f for f in fields]
            fields += [] if output_field in names else [text]
        self.schema = pa.schema(fields + [pa.field(n, getattr(pa, t)()) for n, t in self.COLUMNS])
        self.rows: list[dict[str, Any]] = []
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.partial, self.schema)
        except OSError as exc:
            raise OutputError(f"cannot write {shown(target)}: {exc.strerror or exc}") from None

    def write_row(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        try:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write {shown(self.target)}: {exc.strerror or exc}") from None
        self.rows = []

    def finish(self) -> None:
        if self.rows:
            self._flush()
        try:
            self.writer.close()
            os.replace(self.partial, self.target)
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write {shown(self.target)}: {exc.strerror or exc}") from None

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.writer.close()
        self.partial.unlink(missing_ok=True)


def flat_row(record: dict[str, Any], info: dict[str, Any], edits: bool) -> dict[str, Any]:
    """A Parquet row: the record's columns and what `record_outcome` put under `cleanmedia`, flattened
    into the `cleanmedia_*` columns."""
    metadata = info.get("metadata") or {}
    row = {k: v for k, v in record.items() if k != "cleanmedia"}
    for key in ("lang", "title", "author", "date", "site", "url"):
        row[f"cleanmedia_{key}"] = metadata.get(key)
    row["cleanmedia_changes"] = info.get("changes", 0)
    row["cleanmedia_removals"] = info.get("removals", 0)
    row["cleanmedia_error"] = info.get("error")
    row["cleanmedia_edits"] = dumps(info["edits"]) if edits and "edits" in info else None
    row["cleanmedia_metadata_edits"] = (
        dumps(info["metadata_edits"]) if edits and "metadata_edits" in info else None
    )
    return row


def check_targets(
    targets: Iterable[tuple[str, Path]], out_dir: Path, input_files: list[Path], input_dirs: list[Path]
) -> list[str]:
    """Why the planned outputs cannot be written safely (empty: they can). `targets` are (input shown,
    output path) pairs. Refused, before any work: an output that would replace an input file or lie
    inside an input folder (it would be read back, or destroy the input), one that escapes `out_dir`,
    and two inputs that would write the same output."""
    problems = []
    root = out_dir.resolve()
    files = {p.resolve() for p in input_files}
    dirs = [d.resolve() for d in input_dirs]
    for folder in dirs:
        if root == folder or root.is_relative_to(folder):
            problems.append(
                f"the output folder {shown(out_dir)} is inside the input folder {shown(folder)}: "
                "its outputs would be read as inputs on the next run; choose a folder outside the inputs"
            )
    if problems:
        return problems
    seen: dict[Path, str] = {}
    for source, target in targets:
        path = (root / target).resolve()
        if not path.is_relative_to(root):
            problems.append(f"{source}: its output {shown(path)} would be outside {shown(out_dir)}")
        elif path in files:
            problems.append(f"{source}: its output would overwrite the input {shown(path)}")
        elif any(path.is_relative_to(folder) for folder in dirs):
            problems.append(f"{source}: its output {shown(path)} would be written inside an input folder")
        elif path in seen:
            problems.append(f"{seen[path]} and {source} would both write {shown(path)}")
        else:
            seen[path] = source
    return problems
