"""The cleaner contract (`cleanmedia.cleaner`): no hidden state, every change in the log, traits declared."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import pytest

from cleanmedia import (
    DEFAULT_CHAIN,
    Chain,
    Cleaner,
    CleanerError,
    DocumentView,
    Edit,
    Metadata,
    MetadataEdit,
    clean,
    clean_and_explain,
    replay,
)
from cleanmedia.cleaners import DUMP_CHAIN
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
    """Threads interleaving is not deterministic, so this can miss a race; the deterministic guard of the
    same property is the next test (no cleaner holds anything of a document after cleaning)."""
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


@pytest.mark.parametrize("chain", [DEFAULT_CHAIN, DUMP_CHAIN], ids=["default", "dump"])
def test_cleaners_keep_no_state_of_a_document_on_themselves(chain: Chain) -> None:
    """After cleaning, every cleaner of the shipped chains holds what it held before (its options)."""
    before = {step.name: dict(vars(step)) for step in chain}
    for case in cases():
        clean_and_explain(case.input, chain=chain)
    assert {step.name: dict(vars(step)) for step in chain} == before


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


# -- what a new user found breaking the contract (each a test with its right behaviour) ------------


class Sneaky(Cleaner):
    name = "sneaky"
    reasons = ("sneaky",)

    def __init__(self, attack: str) -> None:
        self.attack = attack

    def edits(self, doc: DocumentView) -> list[Edit]:
        if self.attack == "text":
            doc.text = "gone"  # type: ignore[misc]
        elif self.attack == "metadata":
            doc.metadata = Metadata(author="HACK")  # type: ignore[misc]
        elif self.attack == "set_text":
            doc.set_text("gone")  # type: ignore[attr-defined]
        return []


@pytest.mark.parametrize("attack", ["text", "metadata", "set_text"])
def test_a_cleaner_cannot_change_the_document_outside_the_log(attack: str) -> None:
    with pytest.raises(CleanerError, match="sneaky"):
        clean("Un texte assez long pour être un article.", lang="fr", chain=Chain([Sneaky(attack)]))


def test_a_cleaner_that_only_flags_cannot_change_the_text() -> None:
    class Liar(Cleaner):
        name = "liar"
        only_flags = True

        def edits(self, doc: DocumentView) -> list[Edit]:
            return [doc.remove(0, 2, "liar")]

    with pytest.raises(CleanerError, match="only_flags"):
        clean_and_explain("Un texte.", lang="fr", chain=Chain([Liar()]))


@pytest.mark.parametrize(
    ("attrs", "message"),
    [
        ({"SETTLES": True}, "settles"),
        ({"langs": {"de"}}, "languages"),
        ({"flags_only": True}, "only_flags"),
        ({"settles": "no"}, "True or False"),
        ({"languages": "de"}, "ISO 639"),
        ({"reasons": "custom"}, "tuple of reason codes"),
    ],
)
def test_traits_are_checked_by_name_and_type(attrs: dict[str, object], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        type("Bad", (Cleaner,), {"name": "bad", "edits": lambda self, doc: [], **attrs})


def test_a_trait_misspelt_on_the_instance_is_refused_by_the_chain() -> None:
    class Configurable(Cleaner):
        name = "configurable"

        def __init__(self) -> None:
            self.setles = True

        def edits(self, doc: DocumentView) -> list[Edit]:
            return []

    with pytest.raises(TypeError, match="settles"):
        Chain([Configurable()])


@pytest.mark.parametrize(
    ("returned", "message"),
    [
        (None, "not an iterable of edits"),
        ("text", "not an iterable of edits"),
        ([MetadataEdit("titel", "x", "r")], "metadata field 'titel'"),  # type: ignore[arg-type]
        ([MetadataEdit("date", 20240312, "r")], "not a string"),  # type: ignore[arg-type]
        ([Edit(0, 10**6, "x", "x", "r", flag=True)], "does not mark the text"),
        ([Edit(0, 3, "zzz", "zzz", "r", flag=True)], "does not mark the text"),
    ],
)
def test_proposals_are_checked_and_errors_name_the_cleaner(returned: object, message: str) -> None:
    class Odd(Cleaner):
        name = "odd"

        def edits(self, doc: DocumentView) -> Any:
            return returned

    with pytest.raises(CleanerError, match=f"'odd'.*{message}"):
        clean_and_explain("Un texte.", lang="fr", chain=Chain([Odd()]))


def test_an_exception_inside_a_cleaner_names_the_cleaner() -> None:
    def broken(text: str) -> str:
        table: dict[str, str] = {}
        return table["x"]

    with pytest.raises(CleanerError, match="'broken' failed: KeyError"):
        clean("Un texte.", chain=[broken])


def test_a_cleaner_that_is_not_idempotent_is_flagged_not_silent() -> None:
    """The chain runs to a fixed point; a step that changes its own output every time never gets there,
    and the log says which step kept changing the text."""

    def grows(text: str) -> str:
        return text.replace("Koalition", "Ampel-Koalition")

    result = clean_and_explain("Die Koalition berät heute.", lang="de", chain=DEFAULT_CHAIN.append(grows))
    (flag,) = [e for e in result.edits if e.reason == "chain.no_fixed_point"]
    assert "grows" in flag.detail and flag.flag
    assert not any(e.reason == "chain.no_fixed_point" for e in clean_and_explain(BODY, lang="fr").edits)
