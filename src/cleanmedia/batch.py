"""Many documents at once: in order, in parallel, and never stopped by one bad document.

`clean_many` is the engine (texts in, one `Outcome` per text out, in input order). The others adapt it
to how corpora are held: `clean_records` for dicts (JSONL, a Spark or Dask partition), `clean_batch` for
the column batches of Hugging Face `datasets.map(batched=True)`, `clean_frame` for a pandas column.
A document that cannot be cleaned keeps its input and says why; nothing is dropped.
"""

from __future__ import annotations

import ctypes
import math
import numbers
import operator
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from cleanmedia import budget
from cleanmedia.api import Known, Result, clean_and_explain, with_known
from cleanmedia.budget import BudgetExceeded
from cleanmedia.dates import stamp_day
from cleanmedia.document import Edit, MetadataField
from cleanmedia.inputs import field_conflict, field_value, output_field_problem, with_field
from cleanmedia.options import DEFAULT, OptionFields, Options, resolve

if TYPE_CHECKING:
    import pandas as pd
    from typing_extensions import Unpack

#: Key under which `clean_records` puts what it learnt about a record (and any error).
INFO_KEY = "cleanmedia"


@dataclass(frozen=True)
class Outcome:
    """One document of a batch: its result, or the error that stopped it (`result` is then None)."""

    index: int
    result: Result | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.result is not None


@dataclass(frozen=True)
class Given:
    """A document with the language its source gives (a record's `lang` field), for `clean_many`: it
    travels with the text to the worker that cleans it, and stands for `Options.lang` there (None:
    the batch's options decide, identified when they give none). Checked where it is read."""

    text: object
    lang: str | None = None
    error: str | None = None  # why the source's language could not be read: the document fails with it

    @classmethod
    def of(cls, text: object, value: object, field: str) -> object:
        """`text` with the language a record's `field` gives (`value`, read by `given_lang`): the text
        alone when it gives none (or is no text: it fails as such), a `Given` with the error when the
        value is no language code."""
        if not isinstance(text, str):
            return text
        try:
            code = given_lang(value, field)
        except ValueError as exc:
            return cls(text, error=str(exc))
        return cls(text, code) if code else text


def given_lang(value: object, field: str) -> str:
    """The language a record's `field` gives (`value`): "" when it gives none (no value, a missing one
    of a frame: NaN, pd.NA; an empty one, or the code for undetermined), else the primary language of a valid BCP-47 tag or ISO 639 code (a
    region or script dropped, a three-letter code made the two-letter one the resources use), checked
    against the IANA language subtag registry (the `langcodes` package, which wordfreq depends on).
    Raises ValueError, naming the field, for a value that is no language code (a language's name, an
    unassigned code, a number): such a record fails alone, it is not cleaned as some other language."""
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return ""  # a frame's NaN, None or pd.NA too: no language given, identified (not "nan")
    if not isinstance(value, str):
        raise ValueError(f"field {field!r} is not a language code: got {type(value).__name__}")
    import langcodes

    tag = value.strip().replace("_", "-")
    if not langcodes.tag_is_valid(tag):
        raise ValueError(f"field {field!r} is not a known language code: {value!r}")
    return langcodes.Language.get(tag).language or ""  # "und": undetermined, identified


class TimeLimitExceeded(BudgetExceeded):
    """A document took longer than the batch's time limit (it fails alone; the batch goes on)."""


def clean_one(
    content: object, options: Options = DEFAULT, index: int = 0, time_limit: float | None = None
) -> Outcome:
    """Clean one document, turning any failure into an `Outcome` with the error (a batch never stops).

    A cleaner's bug is reported with its type and message, like bad input, so that one odd document in
    millions does not end the run; the caller decides what to do with the failures. `time_limit`
    (seconds) stops a document that runs longer (see `_time_limit` for where it can act). A `Given`
    document is cleaned with its own language.
    """
    if isinstance(content, Given):
        if content.error:
            return Outcome(index, None, content.error)
        if content.lang:
            try:
                options = options.with_(lang=content.lang)
            except ValueError as exc:
                return Outcome(index, None, f"ValueError: {exc}")
        content = content.text
    if not isinstance(content, str):
        kind = "nothing" if _missing(content) else type(content).__name__
        return Outcome(index, None, f"not text: got {kind}")
    try:
        with _time_limit(time_limit):
            result = clean_and_explain(content, options)
        return Outcome(index, result)
    except Exception as exc:  # noqa: BLE001 - reported per document, by design
        return Outcome(index, None, f"{type(exc).__name__}: {exc}")


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in the block once `seconds` have passed (a timer signal, SIGALRM).

    The signal is handled between Python instructions, so a limit cannot cut one long call into native
    code short (it acts when the call returns); it needs the main thread of a process on a POSIX
    system (the command's and every worker's), and does nothing elsewhere (None: no limit).
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        loading = budget.loading_for()
        if loading is not None:  # a one-off load (a lexicon) is no document's time: give it back after

            def rearm() -> None:
                signal.setitimer(signal.ITIMER_REAL, max(loading, 0.001))

            budget.defer(rearm)
            return
        raise TimeLimitExceeded(f"took longer than the time limit ({seconds:g} s)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        budget.defer(None)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _missing(value: object) -> bool:
    """None, or a missing value of pandas or NumPy (NaN, NA, NaT), tested without comparing it (the
    truth of pandas.NA raises)."""
    if value is None:
        return True
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        return math.isnan(value)  # a NumPy float too (float32 is no float)
    return type(value).__name__ in ("NAType", "NaTType")


def _clean_chunk(
    chunk: list[tuple[int, object]], options: Options, time_limit: float | None = None
) -> list[_Sent]:
    """A worker's chunk cleaned, each outcome ready to send back (`_shipped`)."""
    return [_shipped(clean_one(content, options, index, time_limit), content) for index, content in chunk]


#: An outcome as a worker sends it (`_shipped`): the outcome without its result's `source` when that is
#: the input (True), and without its edit log, sent as tuples of the edits' fields.
_Sent = tuple[Outcome, bool, list[tuple[Any, ...]]]
_EDIT_FIELDS = tuple(f.name for f in fields(Edit))
_EDIT_POSITIONAL = sum(1 for f in fields(Edit) if not f.kw_only)
_edit_values = operator.attrgetter(*_EDIT_FIELDS)


def _text_of(content: object) -> object:
    return content.text if isinstance(content, Given) else content


def _shipped(outcome: Outcome, content: object) -> _Sent:
    """An outcome as a worker sends it back. A text's chain starts from the text itself
    (`Result.source` is the input, unlike an HTML page's, the text extracted from it), and the parent
    holds the input already: sending it back doubled the bytes pickled, piped and unpickled per text.
    The edit log (~36 edits a document on the bench corpus) goes as tuples of fields: pickling an
    `Edit` object costs its class and every field by name, ~3.5% of the work of two workers and their
    parent, against ~2.4% as tuples (measured on 200 texts: 84 ms to pickle and unpickle the results,
    56 ms as tuples, objects rebuilt included)."""
    result = outcome.result
    if result is None:
        return outcome, False, []
    stripped = bool(result.source) and result.source == _text_of(content)
    edits = [_edit_values(e) for e in result.edits]
    result = replace(result, source="" if stripped else result.source, edits=[])
    return replace(outcome, result=result), stripped, edits


def _received(sent: list[_Sent], chunk: list[tuple[int, object]]) -> list[Outcome]:
    """The outcomes of a chunk as `clean_one` gave them in the worker: the edits rebuilt, the `source`
    left out put back (the parent's own input, the same string the worker cleaned)."""
    out = []
    for (outcome, stripped, values), (_, content) in zip(sent, chunk, strict=True):
        result = outcome.result
        if result is not None:
            text = _text_of(content)
            source = text if stripped and isinstance(text, str) else result.source
            edits = [
                Edit(
                    *v[:_EDIT_POSITIONAL],
                    **dict(zip(_EDIT_FIELDS[_EDIT_POSITIONAL:], v[_EDIT_POSITIONAL:], strict=True)),
                )
                for v in values
            ]
            outcome = replace(outcome, result=replace(result, source=source, edits=edits))
        out.append(outcome)
    return out


def clean_many(
    contents: Iterable[object],
    options: Options | None = None,
    /,
    *,
    jobs: int | None = 1,
    chunk_size: int = 32,
    time_limit: float | None = None,
    **overrides: Unpack[OptionFields],
) -> Iterator[Outcome]:
    """Clean each text of `contents`, yielding one `Outcome` per text, in input order (a text may come
    as a `Given`, with its own language).

    `jobs` worker processes share the work (`None`: one per CPU; 1: in this process). Input is read
    lazily and at most a few chunks per worker are in flight, so an iterator over a corpus larger than
    memory streams through. `options` (or keyword overrides of its fields) are those of
    `clean_and_explain` (`cleanmedia.Options`); a custom `chain` must be picklable for `jobs > 1`
    (module-level functions and classes are; lambdas are not). `flags=False` skips the cleaners that
    only flag (the same text, sooner; `result.flags` is then empty). The per-document budget is on:
    options that set no `max_seconds` / `max_bytes` get `budget.BATCH_MAX_SECONDS` / `BATCH_MAX_BYTES`
    (0 turns a limit off), and a document past it fails alone with `BudgetExceeded`, nothing applied,
    in any thread or worker. `time_limit` (seconds) adds a hard stop by timer signal, and makes a
    document that runs longer fail alone with `TimeLimitExceeded` (in worker processes, or in this
    process when it is the main thread).

    Raises (at the call, not at the first document) TypeError or ValueError for bad options, and
    ValueError for `jobs` < 1 or a `time_limit` that is not above 0.
    """
    options = resolve(options, overrides).with_batch_budget()
    if time_limit is not None and not time_limit > 0:
        raise ValueError(f"time_limit must be a number of seconds above 0, or None, not {time_limit!r}")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ValueError(f"jobs must be 1 or more (a whole number; None: one per CPU), not {jobs!r}")
    workers = available_cpus() if jobs is None else jobs
    return _outcomes(contents, options, workers, chunk_size, time_limit)


def _outcomes(
    contents: Iterable[object], options: Options, workers: int, chunk_size: int, time_limit: float | None
) -> Iterator[Outcome]:
    numbered = enumerate(contents)
    if workers == 1:
        for index, content in numbered:
            yield clean_one(content, options, index, time_limit)
        return
    yield from _Pool(workers, options, time_limit).run(numbered, chunk_size)


def available_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


#: Characters of text in one chunk sent to a worker (a chunk closes at `chunk_size` documents or at
#: this, whichever comes first; a larger document goes alone), and in all the chunks in flight at once
#: (never fewer than one chunk). Counted in characters, not documents: 32 pages of HTML weigh a hundred
#: times 32 short texts, and what the command holds for the chunks in flight (the inputs, their
#: pickled copies, the results coming back) is what its memory peaks at, once per worst chunk run
#: (a longer corpus meets a worse run: counted in documents, the peak grew with the corpus).
CHUNK_CHARS = 1 << 20
IN_FLIGHT_CHARS = 4 << 20


def fits(in_flight: int, chunk: int) -> bool:
    """Whether a chunk of `chunk` characters may be sent while `in_flight` characters are out: when the
    two stay within `IN_FLIGHT_CHARS`, or nothing is out (a chunk larger than the bound goes alone). A
    chunk sent whenever the bound was not yet reached let a 5 M-character page join 4 M already out, and
    the command's peak grew with the corpus's worst run of large pages."""
    return in_flight == 0 or in_flight + chunk <= IN_FLIGHT_CHARS


def _chars(item: tuple[int, object]) -> int:
    """The size of one document of a chunk: its characters (0 for what is not text)."""
    content = item[1].text if isinstance(item[1], Given) else item[1]
    return len(content) if isinstance(content, str) else 0


def _size(chunks: Iterable[list[tuple[int, object]]]) -> int:
    return sum(_chars(item) for chunk in chunks for item in chunk)


class _Lookahead:
    """Numbered documents cut into chunks of at most `size` documents and `chars` characters, with at
    least one document each (the document that would overflow a chunk starts the next one)."""

    def __init__(self, numbered: Iterator[tuple[int, object]]) -> None:
        self.numbered = numbered
        self.next: tuple[int, object] | None = None

    def chunk(self, size: int, chars: int) -> list[tuple[int, object]]:
        out: list[tuple[int, object]] = []
        total = 0
        while len(out) < size:
            item = self.next if self.next is not None else next(self.numbered, None)
            self.next = None
            if item is None:
                break
            if out and total + _chars(item) > chars:
                self.next = item
                break
            out.append(item)
            total += _chars(item)
        return out


class _Pool:
    """Worker processes fed a few chunks ahead, in order. A worker that dies (a crash in native code,
    the memory killer) breaks the pool: the pool is replaced, the chunk that broke it is cleaned again
    one document at a time to find the one that kills, which fails alone, and the rest goes on."""

    def __init__(self, workers: int, options: Options, time_limit: float | None = None) -> None:
        self.workers = workers
        self.options = options
        self.time_limit = time_limit
        self.pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, initializer=_worker_init, initargs=(os.getpid(),)
        )

    def run(self, numbered: Iterator[tuple[int, object]], chunk_size: int) -> Iterator[Outcome]:
        pending: deque[tuple[list[tuple[int, object]], Future[list[_Sent]]]] = deque()
        ahead = _Lookahead(numbered)
        held: list[tuple[int, object]] = []  # a chunk read but not sent: it would pass the bound
        try:
            while True:
                while len(pending) < 2 * self.workers:
                    chunk, held = held or ahead.chunk(chunk_size, CHUNK_CHARS), []
                    if not chunk:
                        break
                    if not fits(_size(c for c, _ in pending), _size([chunk])):
                        held = chunk
                        break
                    pending.append(
                        (chunk, self.pool.submit(_clean_chunk, chunk, self.options, self.time_limit))
                    )
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    outcomes = _received(future.result(), chunk)
                except BrokenProcessPool:
                    self._renew()
                    outcomes = [self._alone(item) for item in chunk]
                    pending = deque(
                        (c, self.pool.submit(_clean_chunk, c, self.options, self.time_limit))
                        for c, _ in pending
                    )
                yield from outcomes
        except BaseException:  # interrupted, or the consumer stopped early: no waiting for the workers
            self._kill()
            raise
        finally:
            self.pool.shutdown(cancel_futures=True)

    def _alone(self, item: tuple[int, object]) -> Outcome:
        try:
            sent = self.pool.submit(_clean_chunk, [item], self.options, self.time_limit).result()
            return _received(sent, [item])[0]
        except BrokenProcessPool:
            self._renew()
            return Outcome(item[0], None, "the worker process cleaning this document died")

    def _renew(self) -> None:
        self.pool.shutdown(cancel_futures=True)
        self.pool = self._new()

    def _kill(self) -> None:
        """End the worker processes now (a chunk in progress is abandoned, not waited for). SIGKILL:
        workers ignore SIGTERM (see `_worker_init`)."""
        processes: dict[int, Any] = getattr(self.pool, "_processes", None) or {}
        for process in list(processes.values()):
            if process.is_alive():
                process.kill()


def _worker_init(parent: int) -> None:
    """Make a worker process end with the process that started it.

    Ctrl-C, and a SIGTERM sent to the whole process group (a service manager, `kill -- -PGID`), reach
    every process: the parent handles them (it ends its workers and keeps what was finished), so a
    worker ignores both; were a worker to die first, the parent would record its documents as failed.
    A worker must not outlive its parent (a SIGKILL gives the parent no chance to end them): on Linux
    the kernel kills it when the parent dies (PR_SET_PDEATHSIG with SIGKILL); elsewhere, and as a
    backstop, a thread checks the parent every second. The worker's standard output is closed so that
    a pipeline reading the parent's output ends when the parent does.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    bound_heap()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above: nothing to work for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


#: Blocks of this size (bytes) and more get a memory map of their own, returned to the system when
#: freed (glibc's default before it adapts; `bound_heap`).
MMAP_THRESHOLD = 128 * 1024
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)


def bound_heap() -> None:
    """Keep glibc's malloc from growing a process's heap with every large document it meets.

    glibc maps a block of 128 KB or more on its own and unmaps it when freed, but on the first such
    free it raises that threshold to the block's size (up to 32 MB), so that later pages, their
    decoded text and pickled chunks of up to that size come from the heap, whose freed holes it keeps:
    the command's memory stepped up with the corpus's run of large pages (the WARC part) although what
    it held stayed the same (tracemalloc in the main process: 326-336 MB traced, the lexicons and the
    chunks in flight, while RSS climbed). A fixed threshold (`mallopt(M_MMAP_THRESHOLD)`) turns the
    adapting off. Called by the command for its own process (the workers inherit it) and by each
    worker `clean_many` starts; a library caller's own process is left as it is. A no-op where the C
    library has no `mallopt` (macOS, Windows)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


#: The fields of a record (a JSONL line, a Parquet row, a batch's or frame's columns, a datatrove
#: Document's metadata) that give metadata beside the text: `url` (the record's wins over the page's)
#: and `date` (a time stamp, ISO 8601 or an HTTP date; only where the page gives none): `RECORD_WINS`.
RECORD_FIELDS: tuple[tuple[MetadataField, str], ...] = (("url", "url"), ("date", "date"))


def record_known(record: Mapping[str, Any], where: str = "the record's") -> tuple[Known, ...]:
    """What a record's `RECORD_FIELDS` give as metadata: a `url` that is text, a `date` that is a
    machine time stamp (`dates.stamp_day`: its day; a date in another form, a number, is not used).
    `where` names the record in the log ("the record's", "the batch's")."""
    known = []
    for name, key in RECORD_FIELDS:
        value = record.get(key)
        value = stamp_day(value) if name == "date" else value
        if isinstance(value, str) and value.strip():
            known.append(Known(name, value.strip(), f"{where} {key!r} field"))
    return tuple(known)


def record_outcome(
    record: dict[str, Any],
    field: str,
    outcome: Outcome,
    edits: bool = False,
    output_field: str | None = None,
    known: Iterable[Known] | None = None,
    overwrite: bool = False,
) -> dict[str, Any]:
    """`record` with `field` cleaned and what was learnt under `INFO_KEY`; on failure, the record as it
    came with the error under `INFO_KEY` (never dropped, never half-cleaned). A record that already had
    an `INFO_KEY` field (one cleaned before) keeps that value under `INFO_KEY["previous"]`.
    With `output_field` (a key or a dotted path, as `field`), the clean text goes there and `field`
    keeps the raw text; a failed record has None there (every record has the field). Where that would
    lose what the record holds (`output_conflict`: a value already in `output_field`, unless
    `overwrite`; a text where the path needs an object, always), the record fails and comes back as it
    came, the reason under `INFO_KEY["error"]`.
    The metadata is the page's with what the record gives (`known`; None: the record's `RECORD_FIELDS`,
    `record_known`) applied as `api.with_known` does; with `edits`, the log's metadata edits (where
    each value came from) are under `INFO_KEY["metadata_edits"]`, its text edits under `["edits"]`, in
    the coordinates of the field's text, or, where the chain started from another text (an HTML page:
    the text extracted from it), of `["source_text"]`, which then holds that text (replayable either way:
    `chain.replay(info.get("source_text", raw), [Edit.from_dict(e) for e in info["edits"]])`)."""
    out = dict(record)
    previous = {"previous": record[INFO_KEY]} if INFO_KEY in record else {}
    target = output_field or field
    conflict = output_conflict(record, field, target, overwrite)
    if outcome.result is None or conflict:
        if target != field and not conflict:
            out = with_field(out, target, None)
        out[INFO_KEY] = {"error": conflict or outcome.error, **previous}
        return out
    content = field_value(record, field)
    result = with_known(outcome.result, record_known(record) if known is None else known)
    out = with_field(out, target, field_text(content, result))
    logged = field_edits(content, result)
    info: dict[str, Any] = {
        "metadata": result.metadata.to_dict(),
        "changes": sum(1 for e in logged if not e.flag),
        "removals": removal_count(result),
    }
    if edits:
        info["edits"] = [e.to_dict() for e in logged]
        info["metadata_edits"] = [e.to_dict() for e in result.metadata_edits]
        if result.source != content:  # HTML: the edits index the text extracted from it, not the field
            info["source_text"] = result.source
    out[INFO_KEY] = {**info, **previous}
    return out


def output_conflict(record: dict[str, Any], field: str, output_field: str, overwrite: bool) -> str | None:
    """The error of a record whose clean text cannot go to `output_field` without losing what the
    record holds there (`inputs.field_conflict`; a value already there is replaced with `overwrite`),
    or None. `field` itself is not a conflict: the clean text replaces the raw one by design."""
    if output_field == field:
        return None
    conflict = field_conflict(record, output_field)
    if conflict is None or (overwrite and conflict[1]):
        return None
    reason, replaceable = conflict
    hint = " (--overwrite-field, or overwrite_field=True, replaces it)" if replaceable else ""
    return f"output field taken: {reason}; the record is kept as it came{hint}"


def _final_newline(e: Edit) -> bool:
    return e.reason == "layout.separator" and e.before == "" and e.after == "\n"


def _no_final_newline(content: object) -> bool:
    """A field value (text, or bytes: a Parquet binary column) that does not end with a newline."""
    if isinstance(content, str):
        return not content.endswith("\n")
    return isinstance(content, bytes) and not content.endswith(b"\n")


def field_text(content: object, result: Result) -> str:
    """The clean text as a field value: a document ends with one newline, a field that came without
    one (a JSONL record's text, a data-frame cell) comes back without one."""
    text = result.text
    if _no_final_newline(content) and text.endswith("\n"):
        return text[:-1]
    return text


def removal_count(result: Result) -> int:
    """How many parts of an HTML page extraction removed (navigation, a cookie banner, a share bar):
    they are not edits of the text the chain starts from, so `changes` does not count them (0 for text)."""
    return sum(1 for r in result.removals if not r.kept)


def field_edits(content: object, result: Result) -> list[Edit]:
    """The edit log of a field value: without the final newline that `field_text` leaves out (so a clean
    field counts no change)."""
    if _no_final_newline(content):
        return [e for e in result.edits if not _final_newline(e)]
    return result.edits


def clean_records(
    records: Iterable[dict[str, Any]],
    field: str = "text",
    *,
    edits: bool = False,
    output_field: str | None = None,
    overwrite_field: bool = False,
    lang_field: str | None = "lang",
    jobs: int | None = 1,
    options: Options | None = None,
    **overrides: Unpack[OptionFields],
) -> Iterator[dict[str, Any]]:
    """Clean `record[field]` of each dict, in order: for JSONL, and as the partition function of a
    distributed engine (Dask `bag.map_partitions(clean_records)`, Spark `rdd.mapPartitions(...)`).

    Each record comes back with `field` cleaned and `record["cleanmedia"]` holding the metadata, the
    number of changes and of extraction removals (and with `edits`, the edit log); a record that could not be cleaned comes back
    unchanged with `record["cleanmedia"]["error"]`. A record without `field` is such a failure.
    `output_field` puts the clean text in another field, `field` keeping the raw text (None where
    cleaning failed). A record that already holds a value in `output_field` fails and comes back as it
    came (`output_conflict`), unless `overwrite_field`; so does one where the path to `output_field`
    crosses a value that is not an object. `lang_field` (a key or dotted path; None or "" for none)
    names the field that gives a record's language, as the command's `--lang-field` (default `lang`):
    it wins over `options.lang` for that record, and a value that is no language code fails the record
    alone (`given_lang`). `options` (or keyword overrides) as for `clean_many`.
    Raises ValueError (at the call) for an `output_field` that can never stand beside `field`
    (`inputs.output_field_problem`: one holds the other, or they are the same field).
    """
    problem = output_field_problem(field, output_field) if output_field else None
    if problem:
        raise ValueError(f"output_field {output_field!r}: {problem}")
    held: deque[Any] = deque()
    options = resolve(options, overrides).with_(flags=edits)
    target = output_field or field
    values = _field_values(records, field, held, target, overwrite_field, (lang_field or "").strip())
    outcomes = clean_many(values, options, jobs=jobs)
    return _with_records(outcomes, held, field, edits, output_field, overwrite_field)


def _with_records(
    outcomes: Iterator[Outcome],
    held: deque[Any],
    field: str,
    edits: bool,
    output_field: str | None,
    overwrite: bool,
) -> Iterator[dict[str, Any]]:
    for outcome in outcomes:
        record = held.popleft()
        if not isinstance(record, dict):
            error = f"not a record: got {type(record).__name__}"
            yield {INFO_KEY: {"error": error, "record": record}}  # the original kept, not lost
            continue
        yield record_outcome(record, field, outcome, edits, output_field, overwrite=overwrite)


def _field_values(
    records: Iterable[Any], field: str, held: deque[Any], target: str, overwrite: bool, lang_field: str = ""
) -> Iterator[object]:
    """`record[field]` of each record, the record kept in `held`, with the language its `lang_field`
    gives (`Given.of`); None (nothing to clean) for a record that is not a dict, or whose clean text
    could not be written to `target` (`output_conflict`)."""
    for record in records:
        held.append(record)
        if not isinstance(record, dict) or output_conflict(record, field, target, overwrite):
            yield None
        elif lang_field:
            yield Given.of(field_value(record, field), field_value(record, lang_field), lang_field)
        else:
            yield field_value(record, field)


class MissingField(KeyError):
    """A batch or frame without the column to clean: the message names it and the columns there are
    (a bare KeyError 'text' said neither which call nor what was there)."""

    def __str__(self) -> str:
        return str(self.args[0])


def _check_field(field: str, present: Iterable[Any], kind: str) -> None:
    """Raise `MissingField` when `field` is not among the `present` column names of a `kind`."""
    names = list(present)
    if field not in names:
        shown = ", ".join(repr(n) for n in names) or "none"
        raise MissingField(
            f"the {kind} has no field {field!r} to clean (its fields: {shown}); name the text's field with field=..."
        )


def clean_batch(
    batch: dict[str, list[Any]],
    field: str = "text",
    options: Options | None = None,
    *,
    lang_field: str | None = "lang",
    **overrides: Unpack[OptionFields],
) -> dict[str, list[Any]]:
    """A column batch cleaned, for Hugging Face `datasets`:
    `ds.map(clean_batch, batched=True, fn_kwargs={"field": "text"}, num_proc=4)`.

    `field` is replaced by the clean text (the input where cleaning failed), and columns are
    added: the metadata (`cleanmedia_lang`, `_title`, `_author`, `_date`, `_site`, `_url`; a batch's
    `url` and `date` columns give them as a record's fields do, `record_known`),
    `cleanmedia_changes` and `cleanmedia_error` (None when it went well).
    A `lang_field` column (default `lang`; None for none) gives each row's language, as a record's
    field does in `clean_records`. Parallelism is the engine's business here (`num_proc`), so this runs
    in the calling process. Raises `MissingField` (a KeyError) when the batch has no column `field`,
    naming those it has.
    """
    _check_field(field, batch.keys(), "batch")
    texts = _with_langs(batch[field], batch, lang_field)
    outcomes = clean_many(texts, resolve(options, overrides).with_(flags=False), jobs=1)
    return {**batch, **_columns(field, batch[field], outcomes, _rows(batch, len(batch[field])))}


def clean_frame(
    frame: pd.DataFrame,
    field: str = "text",
    *,
    lang_field: str | None = "lang",
    jobs: int | None = 1,
    options: Options | None = None,
    **overrides: Unpack[OptionFields],
) -> pd.DataFrame:
    """A copy of a pandas DataFrame with column `field` cleaned and the columns of `clean_batch` added
    (in parallel with `jobs`; a `lang_field` column gives each row's language, as in `clean_batch`).
    pandas is not a dependency of cleanmedia: this needs it installed.
    Raises `MissingField` (a KeyError) when the frame has no column `field`, naming those it has."""
    _check_field(field, frame.columns, "frame")
    texts = frame[field].tolist()
    out = frame.copy()
    given = {key: frame[key].tolist() for _, key in RECORD_FIELDS if key in frame.columns}
    langs = {lang_field: frame[lang_field].tolist()} if lang_field and lang_field in frame.columns else {}
    outcomes = clean_many(
        _with_langs(texts, langs, lang_field), resolve(options, overrides).with_(flags=False), jobs=jobs
    )
    for name, column in _columns(field, texts, outcomes, _rows(given, len(texts))).items():
        out[name] = column
    return out


def _with_langs(texts: list[Any], columns: Mapping[str, list[Any]], lang_field: str | None) -> list[object]:
    """Each of `texts` with the language its row's `lang_field` column gives (`Given.of`), as they are
    when there is no such column (the batch's options decide)."""
    if not lang_field or lang_field not in columns:
        return list(texts)
    return [Given.of(t, v, lang_field) for t, v in zip(texts, columns[lang_field], strict=True)]


#: What `clean_batch` and `clean_frame` add to each row (the Parquet output of the command too).
METADATA_FIELDS = ("lang", "title", "author", "date", "site", "url")


def _rows(columns: Mapping[str, list[Any]], n: int) -> list[tuple[Known, ...]]:
    """What each of `n` rows gives as metadata (`record_known`) from its `RECORD_FIELDS` columns."""
    present = [key for _, key in RECORD_FIELDS if key in columns]
    if not present:
        return [()] * n
    return [record_known({k: columns[k][i] for k in present}, "the batch's") for i in range(n)]


def _columns(
    field: str, texts: list[Any], outcomes: Iterable[Outcome], known: list[tuple[Known, ...]]
) -> dict[str, list[Any]]:
    """The clean column (input kept where cleaning failed) and the columns about each row: the metadata
    (`cleanmedia_lang`, `_title`, `_author`, `_date`, `_site`, `_url`; None where unknown; with what
    the row gives, `known`, applied by `api.with_known`), `_changes` (edits of the text), `_removals`
    (parts of an HTML page extraction removed) and `_error`."""
    names = [f"cleanmedia_{key}" for key in METADATA_FIELDS]
    columns: dict[str, list[Any]] = {field: [], **{n: [] for n in names}}
    columns["cleanmedia_changes"], columns["cleanmedia_removals"], columns["cleanmedia_error"] = [], [], []
    for content, outcome, given in zip(texts, outcomes, known, strict=True):
        result = with_known(outcome.result, given) if outcome.result else None
        columns[field].append(field_text(content, result) if result else content)
        metadata = result.metadata.to_dict() if result else {}
        for key, name in zip(METADATA_FIELDS, names, strict=True):
            columns[name].append(metadata.get(key))
        changes = sum(1 for e in field_edits(content, result) if not e.flag) if result else 0
        columns["cleanmedia_changes"].append(changes)
        columns["cleanmedia_removals"].append(removal_count(result) if result else 0)
        columns["cleanmedia_error"].append(outcome.error)
    return columns
