"""The per-document budget (issue 14): `max_seconds` and `max_bytes` stop a document with
BudgetExceeded and nothing applied, in any thread or worker; the batch helpers have it on by default.
No clock is asserted: a budget of a nanosecond is always spent by the first check, a generous one never."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from cleanmedia import BudgetExceeded, Chain, Cleaner, Document, Options, api, clean, clean_and_explain
from cleanmedia.batch import TimeLimitExceeded, clean_many
from cleanmedia.budget import BATCH_MAX_BYTES, BATCH_MAX_SECONDS, Budget, byte_size, paced
from cleanmedia.cleaners import DEFAULT_CHAIN
from cleanmedia.document import DocumentView, Edit
from cleanmedia.text import BLOCKS, texts

PAGE = (
    "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
    "<h1>Der Stadtrat beschließt den Haushalt</h1>"
    "<p>Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen. Die Mehrheit war "
    "knapp, die Debatte lang.</p><p>Die Opposition kündigte an, gegen einzelne Posten zu klagen.</p>"
    "</article><footer>© 2024 Beispiel Verlag</footer></body></html>"
)
TEXT = "Le conseil municipal s'est réuni mardi soir.\n\nIl a voté le budget de l'année prochaine.\n"


def test_a_spent_time_budget_stops_the_document_with_a_clear_error() -> None:
    with pytest.raises(BudgetExceeded, match=r"over max_seconds=1e-09: not cleaned \(no edit applied\)"):
        clean_and_explain(PAGE, max_seconds=1e-9)
    with pytest.raises(BudgetExceeded, match="max_seconds"):
        clean(TEXT, max_seconds=1e-9)


def test_a_document_over_max_bytes_is_not_cleaned_and_its_size_is_counted_in_utf8_bytes() -> None:
    with pytest.raises(BudgetExceeded, match=r"the document is 13 bytes, over max_bytes=12: not cleaned"):
        clean("é" * 6 + "a", max_bytes=12)  # 7 characters, 13 bytes
    assert byte_size("é" * 6 + "a") == 13
    assert clean("é" * 6 + "a", max_bytes=13) == clean("é" * 6 + "a")


def test_a_text_that_grows_past_max_bytes_on_the_way_stops() -> None:
    def grow(text: str) -> str:
        return text * 3

    chain = Chain([grow, *DEFAULT_CHAIN])
    with pytest.raises(BudgetExceeded, match="the text grew to .* after grow, over 2 x max_bytes"):
        clean_and_explain(TEXT, chain=chain, max_bytes=byte_size(TEXT))


@pytest.mark.parametrize("content", [PAGE, TEXT])
def test_a_budget_not_spent_changes_nothing(content: str) -> None:
    generous = clean_and_explain(content, max_seconds=3600, max_bytes=10**9)
    plain = clean_and_explain(content)
    assert (generous.text, generous.edits, generous.metadata) == (plain.text, plain.edits, plain.metadata)
    assert clean(content, max_seconds=0, max_bytes=0) == plain.text  # 0: no limit


def test_budgets_in_threads_are_each_documents_own() -> None:
    expected = clean(PAGE)

    def one(k: int) -> str:
        try:
            return clean(PAGE, max_seconds=1e-9 if k % 2 else 3600)
        except BudgetExceeded:
            return "stopped"

    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(one, range(16)))
    assert got == ["stopped" if k % 2 else expected for k in range(16)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_helpers_have_the_budget_on_and_a_stopped_document_fails_alone(jobs: int) -> None:
    outcomes = list(clean_many([TEXT, "x" * 200, PAGE], jobs=jobs, max_bytes=100))
    assert [o.ok for o in outcomes] == [True, False, False]
    assert outcomes[1].error == "BudgetExceeded: the document is 200 bytes, over max_bytes=100: not cleaned"
    assert outcomes[0].result is not None and outcomes[0].result.text == clean(TEXT)


def test_batch_budget_defaults_and_what_turns_them_off() -> None:
    assert Options().with_batch_budget() == Options(max_seconds=BATCH_MAX_SECONDS, max_bytes=BATCH_MAX_BYTES)
    assert Options(max_seconds=0, max_bytes=5).with_batch_budget() == Options(max_seconds=0, max_bytes=5)
    assert issubclass(TimeLimitExceeded, BudgetExceeded)


@pytest.mark.parametrize(
    ("field", "value"), [("max_seconds", -1), ("max_seconds", "5"), ("max_bytes", 1.5), ("max_bytes", True)]
)
def test_bad_budget_values_are_refused_when_the_options_are_made(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=field):
        Options(**{field: value})  # type: ignore[arg-type]


def test_an_inactive_budget_never_stops() -> None:
    budget = Budget()
    assert not budget.active
    budget.check_time("anywhere")
    budget.check_size("x" * 10_000)


# -- inside a step: the long loops check the time (`budget.paced`), no clock asserted -------------------


class _Trip:
    """A clock that reads 0 until `trip()` is called, then an hour later: a limit that is spent from an
    exact point of the run on, whatever the machine's speed."""

    def __init__(self, after_reads: int | None = None) -> None:
        self.now, self.after_reads = 0.0, after_reads

    def __call__(self) -> float:
        now = self.now
        if self.after_reads is not None:
            self.after_reads -= 1
            if not self.after_reads:
                self.trip()
        return now

    def trip(self) -> None:
        self.now = 3600.0


LINES = "".join(f"Zeile {i} des Textes, die keine Floskel ist\n\n" for i in range(3000))


class _Counting(Cleaner):
    """A step that reads the lines one by one and trips the clock at line `at`: the budget must stop it
    within `budget.EVERY` lines, long before its end. `seen` (outside the cleaner) gets how many it read."""

    name = "counting"
    reasons = ("test.",)

    def __init__(self, clock: _Trip, at: int, seen: list[int] | None = None) -> None:
        self.clock, self.at, self.seen = clock, at, seen if seen is not None else [0]

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        blocks = doc.cached(BLOCKS)
        for k, _ in enumerate(texts(blocks), 1):
            self.seen[0] = k
            if k == self.at:
                self.clock.trip()
        return iter(())


def test_a_step_is_stopped_inside_its_loop_within_every_items_of_the_limit() -> None:
    clock = _Trip()
    step = _Counting(clock, at=300)
    doc = Document(text=LINES)
    with pytest.raises(BudgetExceeded, match=r"in counting: stopped reading the lines \(item 512\)"):
        Chain([step]).run(doc, budget=Budget(max_seconds=1.0, clock=clock))
    assert step.seen == [512]  # the check after line 512 stopped it: 3,000 lines, 512 read
    assert doc.edits == [] and doc.text == LINES


def test_a_stop_inside_a_step_returns_nothing_not_the_steps_before(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = _Trip()
    step = _Counting(clock, at=1)
    monkeypatch.setattr(api, "Budget", functools.partial(Budget, clock=clock))
    chain = Chain([*list(DEFAULT_CHAIN)[:4], step])  # layout and the others change the text first
    messy = LINES.replace("\n\n", "  \r\n\r\n\r\n")
    assert clean_and_explain(messy, chain=Chain(list(DEFAULT_CHAIN)[:4])).edits  # they do change it
    with pytest.raises(BudgetExceeded, match="in counting: stopped reading the lines"):
        clean_and_explain(messy, chain=chain, max_seconds=5)


def test_extraction_is_stopped_inside_its_tree_walks(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = _Trip(after_reads=1)  # the budget is made at 0, every later look is an hour on
    monkeypatch.setattr(api, "Budget", functools.partial(Budget, clock=clock))
    page = "<html><body>" + "<div><p>Ein Absatz mit Text.</p></div>" * 2000 + "</body></html>"
    with pytest.raises(BudgetExceeded, match=r"stopped finding furniture \(item 256\)"):
        clean_and_explain(page, max_seconds=5)  # not "after the HTML stage": inside it


def test_budgets_in_threads_stop_only_their_own_document() -> None:
    """Each thread's clean runs under its own budget (a context variable, no global): a budget that
    trips inside a step in one thread leaves the documents of the others alone."""
    expected = clean_and_explain(LINES).text

    def one(k: int) -> str:
        if k % 2:
            clock = _Trip()
            try:
                Chain([_Counting(clock, at=5)]).run(Document(text=LINES), budget=Budget(1.0, clock=clock))
            except BudgetExceeded:
                return "stopped"
            return "ran on"
        return clean_and_explain(LINES).text

    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(one, range(8)))
    assert got == ["stopped" if k % 2 else expected for k in range(8)]


def test_without_a_time_limit_paced_loops_are_the_loops_themselves() -> None:
    items = [1, 2, 3]
    assert paced(items, "anywhere") is items  # no run at all
    with Budget(max_seconds=0, max_bytes=10).running():
        assert paced(items, "anywhere") is items  # a run with a size limit only
    with Budget(max_seconds=5).running():
        assert paced(items, "anywhere") is not items
        assert list(paced(items, "anywhere")) == items
    assert paced(items, "anywhere") is items  # the run's budget ends with it
