"""The per-document budget (issue 14): `max_seconds` and `max_bytes` stop a document with
BudgetExceeded and nothing applied, in any thread or worker; the batch helpers have it on by default.
No clock is asserted: a budget of a nanosecond is always spent by the first check, a generous one never."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from cleanmedia import BudgetExceeded, Chain, Options, clean, clean_and_explain
from cleanmedia.batch import TimeLimitExceeded, clean_many
from cleanmedia.budget import BATCH_MAX_BYTES, BATCH_MAX_SECONDS, Budget, byte_size
from cleanmedia.cleaners import DEFAULT_CHAIN

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
