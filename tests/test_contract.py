"""The cleaner contract (`cleanmedia.cleaner`): no hidden state, every change in the log, traits declared."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from cleanmedia import (
    DEFAULT_CHAIN,
    Chain,
    Cleaner,
    DocumentView,
    Edit,
    Metadata,
    MetadataEdit,
    clean,
    clean_and_explain,
    replay,
)
from fixtures import cases

TITLES = [
    "Le conseil vote le budget des transports",
    "La ville ouvre trois nouvelles écoles",
    "Les pompiers maîtrisent un incendie en forêt",
    "Un nouveau pont relie les deux rives",
    "Le marché couvert rouvre après travaux",
    "La bibliothèque prolonge ses horaires",
]
BODY = (
    "Le conseil municipal a adopté mardi soir un texte attendu depuis longtemps par les habitants du "
    "quartier, après un débat qui a duré plus de trois heures.\n\nLes travaux commenceront au printemps "
    "et devraient durer dix-huit mois, selon le service des transports de la ville."
)


def breadcrumb_documents(n: int) -> list[str]:
    """Short texts whose breadcrumb ends in their own title: judged against another document's titles
    (state shared between calls), the breadcrumb would stay in some outputs and go in others."""
    docs = []
    for i in range(n):
        own = TITLES[i % len(TITLES)] + f" ({i})"
        docs.append(f"Actualités - Régions - {own}\n\n{own}\n\n{BODY}\n")
    return docs


def test_clean_gives_the_serial_result_from_any_number_of_threads() -> None:
    docs = breadcrumb_documents(60) + [c.input for c in cases()]
    serial = [clean(d) for d in docs]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads interleave as often as the interpreter allows
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for _ in range(3):
                assert list(pool.map(clean, docs)) == serial
    finally:
        sys.setswitchinterval(interval)
    assert all("Actualités - Régions" not in out for out in serial[:60])


def test_cleaners_keep_no_state_of_a_document_on_themselves() -> None:
    """After cleaning, every cleaner of the default chain holds what it held before (its options)."""
    before = {step.name: dict(vars(step)) for step in DEFAULT_CHAIN}
    for case in cases():
        clean_and_explain(case.input)
    assert {step.name: dict(vars(step)) for step in DEFAULT_CHAIN} == before


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_the_log_accounts_for_every_change(case) -> None:  # type: ignore[no-untyped-def]
    """The text is rebuilt from the log, every metadata value is the last one the log set, and every
    reason code is one its cleaner declared."""
    result = clean_and_explain(case.input)
    assert replay(result.source, result.edits) == result.text
    rebuilt = Metadata()
    for m in result.metadata_edits:
        assert rebuilt.get(m.field) == m.before
        rebuilt = replace(rebuilt, **{m.field: m.after})
    assert rebuilt == result.metadata
    for e in result.edits:
        assert DEFAULT_CHAIN[e.cleaner].declares(e.reason), (e.cleaner, e.reason)
    for m in result.metadata_edits:
        assert m.cleaner in ("extract", "identify", "caller") or DEFAULT_CHAIN[m.cleaner].declares(m.reason)


def test_bylines_and_datelines_reach_the_metadata_through_the_log() -> None:
    text = f"Par Marie Dupont\n\nPublié le 12 mars 2024\n\n{BODY}\n"
    result = clean_and_explain(text, lang="fr")
    logged = {m.field: (m.after, m.cleaner, m.reason) for m in result.metadata_edits}
    assert logged["author"] == ("Marie Dupont", "boilerplate", "boilerplate.author")
    assert logged["date"] == ("2024-03-12", "boilerplate", "boilerplate.date")
    assert logged["lang"] == ("fr", "caller", "lang.given")
    assert result.metadata.author == "Marie Dupont" and result.metadata.date == "2024-03-12"


def test_the_site_name_after_a_copy_of_the_title_is_metadata_without_parsing_prose() -> None:
    title = "Le conseil vote le budget des transports"
    result = clean_and_explain(f"{title}\n\n{BODY}\n\n{title} | Le Courrier du Soir\n", lang="fr")
    assert result.metadata.site == "Le Courrier du Soir"
    (site,) = [m for m in result.metadata_edits if m.field == "site"]
    assert site.cleaner == "boilerplate" and site.before is None


def test_metadata_cannot_be_assigned_outside_the_log() -> None:
    with pytest.raises(AttributeError):
        Metadata().lang = "fr"  # type: ignore[misc]


def test_a_misspelt_trait_is_an_error_at_class_creation() -> None:
    with pytest.raises(TypeError, match="settles"):

        class Sloppy(Cleaner):
            name = "sloppy"
            settle = True

            def edits(self, doc: DocumentView) -> Iterable[Edit]:
                return ()


def test_an_object_cleaner_that_sets_traits_must_subclass_cleaner() -> None:
    class Loose:
        name = "loose"
        settles = True

        def edits(self, doc: DocumentView) -> list[Edit]:
            return []

    with pytest.raises(TypeError, match="subclassing"):
        Chain([Loose()])


def test_a_cleaner_is_skipped_outside_its_languages() -> None:
    class ShoutInGerman(Cleaner):
        name = "shout"
        languages = frozenset({"de"})
        reasons = ("shout",)

        def edits(self, doc: DocumentView) -> list[Edit]:
            return [doc.change(0, len(doc.text), doc.text.upper(), "shout")]

    chain = Chain([ShoutInGerman()])
    assert clean("ein Text", lang="de", chain=chain) == "EIN TEXT"
    assert clean("un texte", lang="fr", chain=chain) == "un texte"


def test_metadata_proposals_are_applied_after_the_cleaner_returns_and_logged() -> None:
    class Dated(Cleaner):
        name = "dated"
        reasons = ("dated",)

        def edits(self, doc: DocumentView) -> list[Edit | MetadataEdit]:
            assert doc.metadata.date is None
            return [doc.set_metadata("date", "2024-01-02", "dated", "a test"), doc.mark(0, 2, "dated")]

    result = clean_and_explain("Un texte.", lang="fr", chain=Chain([Dated()]))
    assert result.metadata.date == "2024-01-02"
    assert [(m.field, m.before, m.after, m.cleaner) for m in result.metadata_edits if m.field == "date"] == [
        ("date", None, "2024-01-02", "dated")
    ]
