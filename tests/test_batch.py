"""Batches: order, parallel results equal to serial ones, failures that stay alone, and the adapters for
JSONL records, Hugging Face datasets, pandas and Dask."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleanmedia import DEFAULT_CHAIN, Options, batch, clean
from cleanmedia.batch import INFO_KEY, clean_batch, clean_frame, clean_many, clean_records

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
INPUTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/input.txt"))]


def explode_on_marker(text: str) -> str:
    """A cleaner with a bug that shows on one document only."""
    if "EXPLODE" in text:
        raise ZeroDivisionError("the bug")
    return text


def die_on_marker(text: str) -> str:
    """A cleaner whose process dies on one document (as a crash in native code would)."""
    if "POISON" in text:
        os._exit(3)
    return text


def test_parallel_results_equal_serial_results_in_input_order() -> None:
    texts = INPUTS * 3
    serial = [o.result.text for o in clean_many(texts, jobs=1) if o.result]
    parallel = list(clean_many(texts, jobs=2, chunk_size=4))
    assert [o.index for o in parallel] == list(range(len(texts)))
    assert [o.result.text for o in parallel if o.result] == serial == [clean(t) for t in texts]


def test_worker_results_are_whole_though_a_texts_source_is_not_sent_back() -> None:
    """A worker leaves out a text's `source` (it is the input, which the parent holds) and sends the
    edit log as tuples; the parent puts its own input back and rebuilds the edits: the results are
    those of cleaning in one process, every field, for text, for HTML (whose source is the text
    extracted, sent back) and for a document with its language."""
    page = "<html><body><article><p>Le le chat dort sur le canapé du salon.</p></article></body></html>"
    docs: list[object] = [*INPUTS[:6], page, batch.Given(INPUTS[0], "fr")]
    serial = [o.result for o in clean_many(docs, jobs=1)]
    parallel = [o.result for o in clean_many(docs, jobs=2, chunk_size=3)]
    assert parallel == serial and all(r is not None and r.source for r in parallel)
    sent = batch._clean_chunk([(0, INPUTS[0]), (1, page)], Options().with_batch_budget())
    assert [(o.result.source if o.result else None, stripped) for o, stripped, _ in sent] == [
        ("", True),
        (serial[6].source if serial[6] else None, False),
    ]
    assert all(o.result and not o.result.edits for o, _, _ in sent)  # the log travels as tuples
    assert [len(edits) for _, _, edits in sent] == [len(r.edits) if r else 0 for r in (serial[0], serial[6])]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_document_fails_alone(jobs: int) -> None:
    chain = DEFAULT_CHAIN.insert_before("final_layout", explode_on_marker)
    texts = ["Un texte.", "EXPLODE ici.", None, 42, "Another text."]
    outcomes = list(clean_many(texts, jobs=jobs, chunk_size=2, chain=chain))
    assert [o.ok for o in outcomes] == [True, False, False, False, True]
    assert outcomes[1].error == "CleanerError: cleaner 'explode_on_marker' failed: ZeroDivisionError: the bug"
    assert outcomes[2].error == "not text: got nothing" and outcomes[3].error == "not text: got int"
    assert outcomes[4].result is not None and outcomes[4].result.text == "Another text.\n"


def test_a_dying_worker_loses_only_its_document() -> None:
    chain = DEFAULT_CHAIN.insert_before("final_layout", die_on_marker)
    texts = [f"Texte numéro {i}, assez long pour une phrase." for i in range(12)]
    texts[5] = "POISON dans ce texte."
    outcomes = list(clean_many(texts, jobs=2, chunk_size=3, chain=chain))
    assert [o.index for o in outcomes] == list(range(12))
    assert [i for i, o in enumerate(outcomes) if not o.ok] == [5]
    assert "died" in (outcomes[5].error or "")
    assert all(
        o.result and o.result.text.startswith("Texte numéro") for i, o in enumerate(outcomes) if i != 5
    )


def test_input_is_read_lazily() -> None:
    endless = (f"Document {i}." for i in itertools.count())
    first = list(itertools.islice(clean_many(endless, jobs=2, chunk_size=4), 10))
    assert [o.result.text for o in first if o.result] == [f"Document {i}.\n" for i in range(10)]


def test_documents_in_flight_are_bounded_by_their_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks were counted in documents: 4 chunks of 32 pages of HTML in flight weighed a hundred times
    4 of short texts, and the command's peak memory grew with the corpus (a longer one meets a worse
    run of large documents). Chunks close at `CHUNK_CHARS` and no more chunks are sent past
    `IN_FLIGHT_CHARS`; a document larger than a chunk goes alone, and the order is kept."""
    monkeypatch.setattr(batch, "CHUNK_CHARS", 2500)
    monkeypatch.setattr(batch, "IN_FLIGHT_CHARS", 5000)
    drawn = []

    def texts() -> Iterator[str]:
        for i in range(40):
            drawn.append(i)
            size = 6000 if i == 3 else 1000  # one larger than a chunk
            yield (f"Satz {i} über die Stadt und den Hafen. " * 200)[:size]

    outcomes = clean_many(texts(), jobs=2, chunk_size=32)
    first = next(outcomes)
    # chunks [0, 1] and [2] are in flight (3000 characters); [3] (alone: larger than a chunk) waits
    # until nothing is, as it would pass the bound; document 4 was read to see that [3] was full
    assert first.index == 0 and len(drawn) == 5
    rest = list(outcomes)
    assert [o.index for o in [first, *rest]] == list(range(40)) and all(o.ok for o in rest)


def test_a_chunk_goes_out_only_within_the_bound_or_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "IN_FLIGHT_CHARS", 5000)
    assert batch.fits(3000, 2000) and not batch.fits(4000, 2000)  # 4 M out, a 2 M chunk waits
    assert batch.fits(0, 9000)  # larger than the bound: alone, when nothing is out


def test_chunks_close_at_a_size_and_hold_one_document_at_least() -> None:
    numbered = iter(enumerate(["a" * 3, "b" * 3, "c" * 9, "d", "e", "f", "g"]))
    ahead = batch._Lookahead(numbered)
    chunks = [ahead.chunk(3, 6) for _ in range(5)]
    assert [[i for i, _ in c] for c in chunks] == [[0, 1], [2], [3, 4, 5], [6], []]


def test_records_keep_every_field_and_every_failure() -> None:
    records = [
        {
            "id": 1,
            "text": "Partager:\n\nLa la tension monte entre les deux pays depuis des mois.",
            "url": "u",
        },
        {"id": 2},
        {"id": 3, "text": None},
        {"id": 4, "text": "Hello world, this is the article."},
    ]
    out = list(clean_records(records, jobs=2, edits=True))  # type: ignore[arg-type]  # bad records on purpose
    assert [r["id"] for r in out] == [1, 2, 3, 4]
    assert (
        out[0]["text"] == "La tension monte entre les deux pays depuis des mois."
    )  # a field: no newline added
    assert out[0]["url"] == "u" and out[0][INFO_KEY]["metadata"]["lang"] == "fr"
    assert out[0][INFO_KEY]["changes"] >= 2 and out[0][INFO_KEY]["edits"]
    assert out[1] == {"id": 2, INFO_KEY: {"error": "not text: got nothing"}}
    assert out[2]["text"] is None and "error" in out[2][INFO_KEY]
    assert records[0]["text"].startswith("Partager")  # type: ignore[index]  # the input records are not modified


def test_hugging_face_datasets_map() -> None:
    import datasets  # a test dependency: imported here, it is slow to import

    texts = ["La la maison est grande et belle, et elle est au bord de la mer.", "Follow Me"]
    ds = datasets.Dataset.from_dict({"text": texts, "n": [1, 2]})
    out = ds.map(clean_batch, batched=True, batch_size=1)
    assert list(out["text"])[0] == "La maison est grande et belle, et elle est au bord de la mer."
    assert list(out["n"]) == [1, 2] and list(out["cleanmedia_lang"])[0] == "fr"
    assert list(out["cleanmedia_error"]) == [None, None]


def test_batch_columns_carry_the_page_metadata() -> None:
    page = (
        '<html lang="fr"><head><title>Le budget voté</title><meta name="author" content="Marie Dupont">'
        "</head><body><article><p>Le conseil municipal a voté le budget mardi soir après un long débat.</p>"
        "</article></body></html>"
    )
    out = clean_batch({"text": [page, None]})
    assert out["cleanmedia_title"] == ["Le budget voté", None]
    assert out["cleanmedia_author"] == ["Marie Dupont", None] and out["cleanmedia_lang"] == ["fr", None]
    assert out["cleanmedia_url"] == [None, None] and out["cleanmedia_error"][1] == "not text: got nothing"


PAGE_WITH_FURNITURE = (
    '<html lang="de"><head><title>Neue Brücke</title></head><body>'
    '<nav><a href="/">Start</a> <a href="/p">Politik</a> <a href="/s">Sport</a></nav>'
    '<div class="cookie-banner">Wir verwenden Cookies. <button>Akzeptieren</button></div>'
    "<article><h1>Neue Brücke</h1><p>Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den "
    "Fluss beschlossen, nach einer langen Debatte.</p><p>Die Arbeiten sollen im kommenden Frühjahr "
    "beginnen und zwei Jahre dauern, sagte die Bürgermeisterin.</p></article>"
    '<div class="share"><a href="#">Teilen</a> <a href="#">Drucken</a></div></body></html>'
)


def test_what_extraction_removed_is_counted_beside_the_changes() -> None:
    """A page whose extraction did all the work (navigation, cookie banner, share bar gone, no edit of
    the text after) said 0 changes and nothing else: `removals` counts the four parts (the cookie
    banner's button, never read as text, is logged on its own: it went unsaid before); text has 0."""
    text = "Der Stadtrat hat am Dienstag den Bau einer neuen Brücke beschlossen."
    out = clean_batch({"text": [PAGE_WITH_FURNITURE, text, None]})
    assert out["cleanmedia_changes"] == [0, 0, 0]
    assert out["cleanmedia_removals"] == [4, 0, 0]
    import pandas as pd

    frame = clean_frame(pd.DataFrame({"text": [PAGE_WITH_FURNITURE, text]}))
    assert frame["cleanmedia_removals"].tolist() == [4, 0]
    records = list(clean_records([{"text": PAGE_WITH_FURNITURE}, {"text": text}]))
    assert [(r[INFO_KEY]["changes"], r[INFO_KEY]["removals"]) for r in records] == [(0, 4), (0, 0)]


def test_pandas_frame() -> None:
    import pandas as pd

    frame = pd.DataFrame({"text": ["Le le chat dort sur le canapé du salon.", None], "n": [1, 2]})
    out = clean_frame(frame, jobs=2)
    assert out["text"].tolist()[0] == "Le chat dort sur le canapé du salon."
    assert pd.isna(out["text"].tolist()[1]) and out["cleanmedia_error"].tolist()[1] == "not text: got nothing"
    assert frame["text"].tolist()[0].startswith("Le le")  # a copy: the input frame is not modified


def test_dask_bag_partitions_on_processes() -> None:
    import dask.bag as bag

    records = [{"id": i, "text": f"Il il pleut sur la ville numéro {i} depuis ce matin."} for i in range(8)]
    partitions = bag.from_sequence(records, npartitions=3)  # type: ignore[no-untyped-call]
    # A Dask partition function must return a list (a generator cannot travel between processes).
    out = partitions.map_partitions(lambda part: list(clean_records(part))).compute(scheduler="processes")
    assert sorted(r["id"] for r in out) == list(range(8))
    assert all(r["text"].startswith("Il pleut sur la ville") for r in out)


def test_without_flags_the_text_is_the_same_and_no_flag_is_made() -> None:
    with_flags = list(clean_many(INPUTS, flags=True))
    without = list(clean_many(INPUTS, flags=False))
    assert [o.result.text for o in without if o.result] == [o.result.text for o in with_flags if o.result]
    assert any(o.result.flags for o in with_flags if o.result)
    assert not any(o.result.flags for o in without if o.result)


def test_missing_values_of_pandas_fail_alone_without_raising() -> None:
    """The truth of pandas.NA raises: a missing value must be told without comparing it."""
    import numpy as np
    import pandas as pd

    texts = [pd.NA, np.nan, pd.NaT, None, "Un texte court."]
    outcomes = list(clean_many(texts))
    assert [o.error for o in outcomes[:4]] == ["not text: got nothing"] * 4
    assert outcomes[4].ok


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True])
def test_jobs_must_be_a_positive_whole_number(jobs: object) -> None:
    with pytest.raises(ValueError, match="jobs"):
        next(clean_many(["Un texte."], jobs=jobs))  # type: ignore[arg-type]


def test_a_record_that_is_not_a_dict_is_kept_beside_its_error() -> None:
    records: list[Any] = [["a", "list"], {"text": "Un texte court."}]
    out = list(clean_records(records))
    assert out[0] == {INFO_KEY: {"error": "not a record: got list", "record": ["a", "list"]}}
    assert out[1]["text"] == "Un texte court."  # a field gains no trailing newline (#13)


def test_a_dotted_field_reaches_into_nested_records() -> None:
    records: list[dict[str, Any]] = [
        {"id": 1, "article": {"body": "Le le chat dort sur le canapé du salon.", "n": 2}}
    ]
    out = list(clean_records(records, field="article.body"))
    assert out[0]["article"] == {"body": "Le chat dort sur le canapé du salon.", "n": 2}
    assert records[0]["article"]["body"].startswith("Le le")  # the input is not modified


WORKERS_SCRIPT = """
import itertools, os, sys, time
from cleanmedia.batch import clean_many
texts = (f"Document numéro {i}, une phrase assez longue." for i in itertools.count())
for i, outcome in enumerate(clean_many(texts, jobs=2, chunk_size=2)):
    if i == 20:
        print(os.getpid(), flush=True)
"""


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        found.update(int(c) for c in children)
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to list workers")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_the_main_process(sig: signal.Signals) -> None:
    main = subprocess.Popen(
        [sys.executable, "-c", WORKERS_SCRIPT], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert main.stdout is not None
    pid = int(main.stdout.readline())
    workers = _children(pid)
    assert len(workers) == 2
    os.kill(pid, sig)
    main.wait(timeout=30)
    deadline = time.monotonic() + 30  # a bound against hanging, not a speed assertion
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)
    assert main.stdout.read() == ""  # the output pipe closes: no worker holds it open


def stall_on_marker(text: str) -> str:
    """A cleaner that never ends on one document (a pathological page)."""
    while "STALL" in text:
        time.sleep(0.01)
    return text


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_past_the_time_limit_fails_alone(jobs: int) -> None:
    chain = DEFAULT_CHAIN.insert_before("final_layout", stall_on_marker)
    texts = ["Un texte.", "STALL ici.", "Another text."]
    outcomes = list(clean_many(texts, jobs=jobs, chunk_size=1, chain=chain, time_limit=0.5))
    assert [o.ok for o in outcomes] == [True, False, True]
    assert (outcomes[1].error or "").endswith("TimeLimitExceeded: took longer than the time limit (0.5 s)")
    with pytest.raises(ValueError, match="time_limit"):
        next(clean_many(texts, time_limit=0))


@pytest.mark.parametrize("limit", [{"time_limit": 0.3}, {"max_seconds": 0.3}])
def test_a_one_off_load_is_not_charged_to_the_document_that_needs_it(
    monkeypatch: pytest.MonkeyPatch, limit: dict[str, float]
) -> None:
    """The first document of a language loads its lexicon (made slower than the limit here): the load
    is no document's time, so that short document is cleaned (it failed with TimeLimitExceeded in
    'glued_words' after a slow document that had stopped before the lexicon was needed)."""
    import wordfreq

    from cleanmedia import lang

    real = wordfreq.get_frequency_dict

    def slow_load(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.6)
        return real(*args, **kwargs)

    monkeypatch.setattr(wordfreq, "get_frequency_dict", slow_load)
    lang._frequencies.cache_clear()
    lang.common_words.cache_clear()
    text = "Kurzer Text über die Bahn und das Wetter.\n"
    try:
        outcomes = list(clean_many([text], jobs=1, **limit))  # type: ignore[arg-type]
    finally:
        lang._frequencies.cache_clear()
        lang.common_words.cache_clear()
    assert outcomes[0].error is None
    assert outcomes[0].result is not None and outcomes[0].result.text == clean(text)


def test_a_batch_without_the_field_names_it_and_the_fields_present() -> None:
    """It raised a bare KeyError: 'text'."""
    with pytest.raises(KeyError) as error:
        clean_batch({"body": ["Ein Text."], "id": [1]})
    assert str(error.value) == (
        "the batch has no field 'text' to clean (its fields: 'body', 'id'); name the text's field with field=..."
    )
    assert clean_batch({"body": ["Ein Text."]}, field="body")["cleanmedia_error"] == [None]
    import pandas as pd

    with pytest.raises(KeyError, match=r"the frame has no field 'txt' to clean \(its fields: 'text'\)"):
        clean_frame(pd.DataFrame({"text": ["Ein Text."]}), "txt")
