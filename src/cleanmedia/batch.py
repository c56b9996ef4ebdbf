"""Many documents at once: in order, in parallel, and never stopped by one bad document.

`clean_many` is the engine (texts in, one `Outcome` per text out, in input order). The others adapt it
to how corpora are held: `clean_records` for dicts (JSONL, a Spark or Dask partition), `clean_batch` for
the column batches of Hugging Face `datasets.map(batched=True)`, `clean_frame` for a pandas column.
A document that cannot be cleaned keeps its input and says why; nothing is dropped.
"""

from __future__ import annotations

import math
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from cleanmedia.api import Result, clean_and_explain
from cleanmedia.document import Edit
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


def clean_one(content: object, options: Options = DEFAULT, index: int = 0) -> Outcome:
    """Clean one document, turning any failure into an `Outcome` with the error (a batch never stops).

    A cleaner's bug is reported with its type and message, like bad input, so that one odd document in
    millions does not end the run; the caller decides what to do with the failures.
    """
    if not isinstance(content, str):
        kind = "nothing" if _missing(content) else type(content).__name__
        return Outcome(index, None, f"not text: got {kind}")
    try:
        return Outcome(index, clean_and_explain(content, options))
    except Exception as exc:  # noqa: BLE001 - reported per document, by design
        return Outcome(index, None, f"{type(exc).__name__}: {exc}")


def _missing(value: object) -> bool:
    """None, or a missing value of pandas or NumPy (NaN, NA, NaT), tested without comparing it (the
    truth of pandas.NA raises)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _clean_chunk(chunk: list[tuple[int, object]], options: Options) -> list[Outcome]:
    return [clean_one(content, options, index) for index, content in chunk]


def clean_many(
    contents: Iterable[object],
    options: Options | None = None,
    /,
    *,
    jobs: int | None = 1,
    chunk_size: int = 32,
    **overrides: Unpack[OptionFields],
) -> Iterator[Outcome]:
    """Clean each text of `contents`, yielding one `Outcome` per text, in input order.

    `jobs` worker processes share the work (`None`: one per CPU; 1: in this process). Input is read
    lazily and at most a few chunks per worker are in flight, so an iterator over a corpus larger than
    memory streams through. `options` (or keyword overrides of its fields) are those of
    `clean_and_explain` (`cleanmedia.Options`); a custom `chain` must be picklable for `jobs > 1`
    (module-level functions and classes are; lambdas are not). `flags=False` skips the cleaners that
    only flag (the same text, sooner; `result.flags` is then empty).

    Raises (at the call, not at the first document) TypeError or ValueError for bad options, and
    ValueError for `jobs` < 1.
    """
    options = resolve(options, overrides)
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be 1 or more (None: one per CPU), not {jobs}")
    return _outcomes(contents, options, available_cpus() if jobs is None else jobs, chunk_size)


def _outcomes(
    contents: Iterable[object], options: Options, workers: int, chunk_size: int
) -> Iterator[Outcome]:
    numbered = enumerate(contents)
    if workers == 1:
        for index, content in numbered:
            yield clean_one(content, options, index)
        return
    yield from _Pool(workers, options).run(numbered, chunk_size)


def available_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


class _Pool:
    """Worker processes fed a few chunks ahead, in order. A worker that dies (a crash in native code,
    the memory killer) breaks the pool: the pool is replaced, the chunk that broke it is cleaned again
    one document at a time to find the one that kills, which fails alone, and the rest goes on."""

    def __init__(self, workers: int, options: Options) -> None:
        self.workers = workers
        self.options = options
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def run(self, numbered: Iterator[tuple[int, object]], chunk_size: int) -> Iterator[Outcome]:
        pending: deque[tuple[list[tuple[int, object]], Future[list[Outcome]]]] = deque()
        try:
            while True:
                while len(pending) < 2 * self.workers:
                    chunk = list(islice(numbered, chunk_size))
                    if not chunk:
                        break
                    pending.append((chunk, self.pool.submit(_clean_chunk, chunk, self.options)))
                if not pending:
                    return
                chunk, future = pending.popleft()
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    self._renew()
                    outcomes = [self._alone(item) for item in chunk]
                    pending = deque((c, self.pool.submit(_clean_chunk, c, self.options)) for c, _ in pending)
                yield from outcomes
        finally:
            self.pool.shutdown(cancel_futures=True)

    def _alone(self, item: tuple[int, object]) -> Outcome:
        try:
            return self.pool.submit(_clean_chunk, [item], self.options).result()[0]
        except BrokenProcessPool:
            self._renew()
            return Outcome(item[0], None, "the worker process cleaning this document died")

    def _renew(self) -> None:
        self.pool.shutdown(cancel_futures=True)
        self.pool = ProcessPoolExecutor(max_workers=self.workers)


def record_outcome(
    record: dict[str, Any], field: str, outcome: Outcome, edits: bool = False
) -> dict[str, Any]:
    """`record` with `field` cleaned and what was learnt under `INFO_KEY`; on failure, the record as it
    came with the error under `INFO_KEY` (never dropped, never half-cleaned)."""
    out = dict(record)
    if outcome.result is None:
        out[INFO_KEY] = {"error": outcome.error}
        return out
    content = record.get(field)
    out[field] = field_text(content, outcome.result)
    logged = field_edits(content, outcome.result)
    info: dict[str, Any] = {
        "metadata": outcome.result.metadata.to_dict(),
        "changes": sum(1 for e in logged if not e.flag),
    }
    if edits:
        info["edits"] = [e.to_dict() for e in logged]
    out[INFO_KEY] = info
    return out


def _final_newline(e: Edit) -> bool:
    return e.reason == "layout.separator" and e.before == "" and e.after == "\n"


def field_text(content: object, result: Result) -> str:
    """The clean text as a field value: a document ends with one newline, a field that came without
    one (a JSONL record's text, a data-frame cell) comes back without one."""
    text = result.text
    if isinstance(content, str) and not content.endswith("\n") and text.endswith("\n"):
        return text[:-1]
    return text


def field_edits(content: object, result: Result) -> list[Edit]:
    """The edit log of a field value: without the final newline that `field_text` leaves out (so a clean
    field counts no change)."""
    if isinstance(content, str) and not content.endswith("\n"):
        return [e for e in result.edits if not _final_newline(e)]
    return result.edits


def clean_records(
    records: Iterable[dict[str, Any]],
    field: str = "text",
    *,
    edits: bool = False,
    jobs: int | None = 1,
    options: Options | None = None,
    **overrides: Unpack[OptionFields],
) -> Iterator[dict[str, Any]]:
    """Clean `record[field]` of each dict, in order: for JSONL, and as the partition function of a
    distributed engine (Dask `bag.map_partitions(clean_records)`, Spark `rdd.mapPartitions(...)`).

    Each record comes back with `field` cleaned and `record["cleanmedia"]` holding the metadata, the
    number of changes (and with `edits`, the edit log); a record that could not be cleaned comes back
    unchanged with `record["cleanmedia"]["error"]`. A record without `field` is such a failure.
    `options` (or keyword overrides) as for `clean_many`.
    """
    held: deque[Any] = deque()
    options = resolve(options, overrides).with_(flags=edits)
    return _with_records(
        clean_many(_field_values(records, field, held), options, jobs=jobs), held, field, edits
    )


def _with_records(
    outcomes: Iterator[Outcome], held: deque[Any], field: str, edits: bool
) -> Iterator[dict[str, Any]]:
    for outcome in outcomes:
        record = held.popleft()
        if not isinstance(record, dict):
            yield {INFO_KEY: {"error": f"not a record: got {type(record).__name__}"}}
            continue
        yield record_outcome(record, field, outcome, edits)


def _field_values(records: Iterable[Any], field: str, held: deque[Any]) -> Iterator[object]:
    """`record[field]` of each record (None for a record that is not a dict), the record kept in `held`."""
    for record in records:
        held.append(record)
        yield record.get(field) if isinstance(record, dict) else None


def clean_batch(
    batch: dict[str, list[Any]],
    field: str = "text",
    options: Options | None = None,
    **overrides: Unpack[OptionFields],
) -> dict[str, list[Any]]:
    """A column batch cleaned, for Hugging Face `datasets`:
    `ds.map(clean_batch, batched=True, fn_kwargs={"field": "text"}, num_proc=4)`.

    `field` is replaced by the clean text (the input where cleaning failed), and three columns are
    added: `cleanmedia_lang`, `cleanmedia_changes`, `cleanmedia_error` (None when it went well).
    Parallelism is the engine's business here (`num_proc`), so this runs in the calling process.
    """
    outcomes = clean_many(batch[field], resolve(options, overrides).with_(flags=False), jobs=1)
    return {**batch, **_columns(field, batch[field], outcomes)}


def clean_frame(
    frame: pd.DataFrame,
    field: str = "text",
    *,
    jobs: int | None = 1,
    options: Options | None = None,
    **overrides: Unpack[OptionFields],
) -> pd.DataFrame:
    """A copy of a pandas DataFrame with column `field` cleaned and the columns of `clean_batch` added
    (in parallel with `jobs`). pandas is not a dependency of cleanmedia: this needs it installed."""
    texts = frame[field].tolist()
    out = frame.copy()
    for name, column in _columns(
        field, texts, clean_many(texts, resolve(options, overrides).with_(flags=False), jobs=jobs)
    ).items():
        out[name] = column
    return out


def _columns(field: str, texts: list[Any], outcomes: Iterable[Outcome]) -> dict[str, list[Any]]:
    """The clean column (input kept where cleaning failed) and the three columns about each row."""
    columns: dict[str, list[Any]] = {
        field: [],
        "cleanmedia_lang": [],
        "cleanmedia_changes": [],
        "cleanmedia_error": [],
    }
    for content, outcome in zip(texts, outcomes, strict=True):
        result = outcome.result
        columns[field].append(field_text(content, result) if result else content)
        columns["cleanmedia_lang"].append(result.metadata.lang if result else None)
        changes = sum(1 for e in field_edits(content, result) if not e.flag) if result else 0
        columns["cleanmedia_changes"].append(changes)
        columns["cleanmedia_error"].append(outcome.error)
    return columns
