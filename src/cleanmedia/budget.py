"""The per-document budget: how long a clean may run and how large a document may be.

Cleaning is linear in the input (bench/hostile.py), but the web sends 50 MB pages and text no rule
has met; one document must not stall a worker for minutes. A `Budget` is made per call (nothing is
shared between documents or threads) and checked at the stages of a clean: before any work (the
size), after the HTML stage, before each step of the chain, and inside the long loops of a step. A
stop raises `BudgetExceeded` and returns nothing: no half-cleaned text, no partial log.

The check is cooperative, so that it works in any thread and in worker processes, where a timer signal
cannot. The clean runs with its budget as the current run's (`Budget.running`, a context variable: each
thread and each task sees its own, or none), and the loops that grow with the input (the lines of the
furniture and layout steps, the nodes of extraction's tree walks, the edits of the chain) go through
`paced`, which looks at the clock every `EVERY` items: a runaway document stops within a few thousand
lines or nodes of the limit, not at the end of the step. Without a time limit `paced` returns the loop
unchanged (no cost). What runs in C without a loop of ours (parsing, one regex over the text) still
runs to its end; the command's `--time-limit` adds a hard stop (a timer signal) for that.

Loading what every later document reuses (a language's lexicon, ~0.3 s and more on a loaded machine)
is not charged to the document that happened to need it first (`one_off`): otherwise a short limit
fails the first innocent document of each language instead of the slow one.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, count, islice, repeat
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

#: What the batch helpers and the command use when the options set no budget: a document of normal
#: size cleans in well under a second, a hostile one of 1 MB in about two (bench/hostile.py); the
#: size leaves room for the largest pages seen (50 MB) and bounds one worker's memory (about 30 times
#: the input).
BATCH_MAX_SECONDS = 120.0
BATCH_MAX_BYTES = 64 * 2**20


#: How many times `max_bytes` the text may grow to while it is cleaned.
GROWTH = 2

#: Items of a paced loop between two looks at the clock: a line of the furniture step costs 5-20 us, a
#: node of a tree walk about 1 us, so a stop comes within a few ms of the limit (bench/hostile.py
#: --budget) while the check itself stays far under 1% of the loop.
EVERY = 256


class BudgetExceeded(Exception):
    """A document took longer than `max_seconds` or is larger than `max_bytes`; nothing was applied."""


class _OneOffState(threading.local):
    """Per thread: how deep in one-off loads, when the outermost began, seconds spent in them so far,
    and what to do when the outermost ends (a timer that expired during it, see `defer`)."""

    depth = 0
    began = 0.0
    began_cpu = 0.0
    seconds = 0.0
    cpu_seconds = 0.0
    deferred: Callable[[], None] | None = None


_ONE_OFF = _OneOffState()


@contextmanager
def one_off() -> Iterator[None]:
    """Mark a load done once per process (a lexicon) so that its time is charged to no document: it is
    left out of `Budget.check_time`, and a time-limit timer that expires during it is `defer`red."""
    state = _ONE_OFF
    if state.depth == 0:
        state.began = time.monotonic()
        state.began_cpu = time.thread_time()
    state.depth += 1
    try:
        yield
    finally:
        state.depth -= 1
        if state.depth == 0:
            state.seconds += time.monotonic() - state.began
            state.cpu_seconds += time.thread_time() - state.began_cpu
            deferred, state.deferred = state.deferred, None
            if deferred is not None:
                deferred()


def not_charged(fn: Callable[P, T]) -> Callable[P, T]:
    """`fn` runs as a `one_off` load (put it under `functools.cache`: only the first call loads)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        with one_off():
            return fn(*args, **kwargs)

    return wrapper


def loading_for() -> float | None:
    """Seconds since the current one-off load began in this thread, or None outside one."""
    return time.monotonic() - _ONE_OFF.began if _ONE_OFF.depth else None


def defer(action: Callable[[], None] | None) -> None:
    """Run `action` when the current one-off load ends (None: forget a deferred action)."""
    _ONE_OFF.deferred = action


def one_off_seconds() -> float:
    """Seconds this thread has spent in finished one-off loads (a running total)."""
    return _ONE_OFF.seconds


def one_off_cpu_seconds() -> float:
    """CPU seconds of this thread in finished one-off loads (a running total): what a benchmark leaves
    out of a steady rate (bench/extraction.py --cpu)."""
    return _ONE_OFF.cpu_seconds


def byte_size(content: str) -> int:
    """The size of `content` in bytes as UTF-8 (lone surrogates counted as the bytes they escape)."""
    return len(content.encode("utf-8", "surrogateescape"))


def _over(content: str, limit: int) -> bool:
    """Whether `content` is over `limit` UTF-8 bytes; a character is one to four bytes, so most texts
    are judged by their length alone, without encoding them."""
    if len(content) > limit:
        return True
    return len(content) > limit // 4 and byte_size(content) > limit


@dataclass
class Budget:
    """Limits for one document, its clock started when made. `max_seconds`: seconds of cleaning
    (None or 0: no limit); `max_bytes`: the largest input in UTF-8 bytes (None or 0: no limit); the
    text may grow on the way (a final newline, an expanded entity) to GROWTH times that, no more."""

    max_seconds: float | None = None
    max_bytes: int | None = None
    clock: Callable[[], float] = field(default=time.monotonic, repr=False, compare=False)
    started: float = -1.0  # when the budget was made, by `clock` (set then)
    loads_before: float = field(default_factory=one_off_seconds)

    def __post_init__(self) -> None:
        if self.started < 0:
            self.started = self.clock()

    @property
    def active(self) -> bool:
        return bool(self.max_seconds or self.max_bytes)

    def check_size(self, content: str) -> None:
        """Raise BudgetExceeded when the input `content` is over `max_bytes`."""
        if self.max_bytes and _over(content, self.max_bytes):
            raise BudgetExceeded(
                f"the document is {byte_size(content):,} bytes, over max_bytes={self.max_bytes:,}: not cleaned"
            )

    def check_growth(self, text: str, where: str) -> None:
        """Raise BudgetExceeded when the text on the way is over GROWTH times `max_bytes`."""
        if self.max_bytes and _over(text, GROWTH * self.max_bytes):
            raise BudgetExceeded(
                f"the text grew to {byte_size(text):,} bytes {where}, over {GROWTH} x max_bytes="
                f"{self.max_bytes:,}: not cleaned (no edit applied)"
            )

    def check_time(self, where: str) -> None:
        """Raise BudgetExceeded when more than `max_seconds` have passed since the budget was made."""
        if not self.max_seconds:
            return
        spent = self.clock() - self.started - (one_off_seconds() - self.loads_before)
        if spent > self.max_seconds:
            raise BudgetExceeded(
                f"stopped {where} after {spent:.2f} s, over max_seconds={self.max_seconds:g}: "
                "not cleaned (no edit applied)"
            )

    @contextmanager
    def running(self) -> Iterator[Budget]:
        """This budget as the current run's while the block runs (what `paced` checks), in this thread
        or task only; a time limit of None or 0 sets none, so that `paced` costs nothing."""
        token = _RUNNING.set(self if self.max_seconds else None)
        try:
            yield self
        finally:
            _RUNNING.reset(token)

    def _paced(self, items: Iterable[T], where: str, every: int) -> Iterator[T]:
        """`items` a batch of `every` at a time, the time checked before each batch but the first: the
        batching and the chaining run in C, so an item costs a few ns, not a Python step."""
        source = iter(items)
        batches = iter(lambda: tuple(islice(source, every)), ())
        done = -every

        def checked(batch: tuple[T, ...]) -> tuple[T, ...]:
            nonlocal done
            done += every
            if done:
                self.check_time(f"{where} (item {done:,})")
            return batch

        return chain.from_iterable(map(checked, batches))


#: The budget of the clean running in this thread or task (`Budget.running`), None outside one or
#: without a time limit. A context variable, not a global: each thread starts with none, and two
#: documents cleaned at once in two threads each see their own.
_RUNNING: ContextVar[Budget | None] = ContextVar("cleanmedia_budget", default=None)


def paced(items: Iterable[T], where: str, every: int = EVERY) -> Iterable[T]:
    """`items` as they are, with the current run's time limit checked every `every` items (raising
    BudgetExceeded, `where` and the item's number in its message): for the loops whose length grows
    with the document. Outside a run with a time limit, `items` itself (no cost)."""
    budget = _RUNNING.get()
    return items if budget is None else budget._paced(items, where, every)


def pacer(where: str, every: int = EVERY) -> Callable[[], None] | None:
    """For a loop that is no iterable (a `while` over a stack of nodes): a function to call once per
    round, which checks the current run's time limit every `every` calls; None outside a run with a
    time limit (the loop then tests `is not None` and nothing else)."""
    budget = _RUNNING.get()
    if budget is None:
        return None
    rounds = -every

    def rest(_: int) -> repeat[None]:
        nonlocal rounds
        rounds += every
        if rounds:
            budget.check_time(f"{where} (round {rounds:,})")
        return repeat(None, every)

    return partial(next, chain.from_iterable(map(rest, count())))  # a round costs a C call, no Python step


def check_running(where: str) -> None:
    """Check the current run's time limit now (for loops that are no iterable: a `while` over a stack),
    nothing outside a run with a time limit. Raises BudgetExceeded past it."""
    budget = _RUNNING.get()
    if budget is not None:
        budget.check_time(where)
