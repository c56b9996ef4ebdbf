"""Mojibake (issue 16): the gate sees every charset ftfy repairs, nothing destroys the evidence before
the repair, no word-level repair edits mojibake it did not repair, and what ftfy declines is flagged.

Cases are data (tests/data/mojibake.json); ftfy's own cases run too when ../shared/bench is there.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import ftfy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanmedia import (
    CONSERVATIVE_CHAIN,
    DEFAULT_CHAIN,
    Document,
    Metadata,
    clean,
    clean_and_explain,
    encoding,
)
from cleanmedia.cleaners import mojibake
from cleanmedia.cleaners.layout import Controls
from cleanmedia.cleaners.mojibake import Mojibake

DATA = json.loads((Path(__file__).parent / "data" / "mojibake.json").read_text(encoding="utf-8"))
SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ftfy-cases"


def _ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["label"] for c in cases]


@pytest.mark.parametrize("case", DATA["repair"], ids=_ids(DATA["repair"]))
def test_repaired(case: dict[str, str]) -> None:
    assert clean(case["input"], input_format="text", lang=case.get("lang")) == case["expected"]


@pytest.mark.parametrize("case", DATA["flag"], ids=_ids(DATA["flag"]))
def test_declined_mojibake_is_flagged_with_its_reading(case: dict[str, str]) -> None:
    result = clean_and_explain(case["input"], input_format="text")
    assert result.text == case["expected"]
    flags = [e for e in result.edits if e.reason == "mojibake.unrepaired"]
    assert [e.before for e in flags] == [case["flagged"]]
    assert repr(case["reading"]) in flags[0].detail


@pytest.mark.parametrize("text", DATA["negative"])
def test_negative_unchanged_and_unflagged(text: str) -> None:
    result = clean_and_explain(text, input_format="text")
    assert result.text == text + "\n"
    assert not [e for e in result.edits if e.cleaner in ("mojibake", "controls") or "mojibake" in e.reason]


@pytest.mark.parametrize("case", DATA["negative_with_lang"], ids=lambda c: c["text"])
def test_a_reading_that_makes_no_words_is_left(case: dict[str, str]) -> None:
    result = clean_and_explain(case["text"], input_format="text", lang=case["lang"])
    assert result.text == case["text"] + "\n"
    assert [e.reason for e in result.edits if "mojibake" in e.reason] == ["mojibake.unrepaired"]


def test_glue_splitting_leaves_unrepaired_mojibake_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Le capitaine et son √©quipage partent demain pour un r√©gime strict."
    chain = DEFAULT_CHAIN.without("mojibake")  # mojibake nobody repaired
    result = clean_and_explain(text, chain=chain, input_format="text", lang="fr")
    assert result.text == text + "\n"
    protected = [e for e in result.edits if e.reason == "mojibake.protected"]
    assert [(e.cleaner, e.before) for e in protected] == [("glued_words", "√©quipage")]
    # the case does exercise the guard: without it, glue splitting damages the word
    monkeypatch.setattr(encoding, "suspect", lambda token: False)
    assert "√©qui page" in clean(text, chain=chain, input_format="text", lang="fr")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Australia y OceanĂ\u00ada", True),  # UTF-8 "í" read as Windows-1250: 0xAD is its last byte
        ("la categorÃ\u00ada del año", True),  # the same through Latin-1
        ("Kommuni\u00adkation", False),  # a real soft hyphen
        ("télé\u00adphone", False),  # after a lead character, but no UTF-8 reading
    ],
)
def test_controls_keep_a_soft_hyphen_that_is_a_byte_of_mojibake(text: str, kept: bool) -> None:
    removed = [e.before for e in Controls().edits(Document(text=text))]
    assert removed == ([] if kept else ["\u00ad"])


def test_nel_is_not_a_line_break_for_controls() -> None:
    assert list(Controls().edits(Document(text="parlé\x85 Tu sais"))) == []


def test_a_bad_line_pays_alone() -> None:
    bad = "MĂĄm dost tĹ\x99etĂ\u00adho"
    text = "\n\n".join(["Ein sauberer Absatz über Größe."] * 5 + [bad] + ["Noch einer, ganz gewöhnlich."] * 5)
    spans = encoding.suspect_lines(text)
    assert [text[s:e] for s, e in spans] == [bad]


# Text that is mostly the characters mojibake is made of, every charset ftfy knows, with the signs'
# companions (space, no-break space, soft hyphen, C1 controls, entities) over-represented.
SIGNS = sorted(
    {c for s in encoding.LEADS.values() for c in s} | {c for s in encoding.CONTINUATIONS.values() for c in s}
)
WORDS = [" più ", " très ", " année ", " Grüße ", " tisíciletí ", " déjà ", " à ", " Москве ", " Ελλάδα "]
MOJIBAKE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(SIGNS),
        st.sampled_from([" ", "\n", "\u00a0", "\u00ad", "\x85", "&", "#", ";", "?", "a", "b", "c"]),
        st.sampled_from(["&amp;", "&frac14;", "&#233;"]),
        st.characters(exclude_categories=["Cs"]),
        # real words made mojibake through any of ftfy's charsets, so that readings and words occur
        st.tuples(st.sampled_from(WORDS), st.sampled_from(encoding.ENCODINGS)).map(
            lambda w: w[0].encode("utf-8").decode(w[1])
        ),
        st.sampled_from(WORDS),
    ),
    max_size=40,
).map("".join)


@given(MOJIBAKE_TEXT)
def test_the_gate_skips_no_line_ftfy_would_change(text: str) -> None:
    for line in text.split("\n"):
        if mojibake.repair(line) != line:
            assert encoding.suspect_lines(line) == [(0, len(line))], line


@given(MOJIBAKE_TEXT, st.sampled_from([None, "fr", "it", "de"]))
def test_the_gate_gives_the_edits_of_an_open_gate(text: str, lang: str | None) -> None:
    def document() -> Document:
        return Document(text=text, metadata=Metadata(lang=lang))

    gated = [(e.start, e.end, e.after, e.reason) for e in Mojibake().edits(document())]
    with pytest.MonkeyPatch.context() as mp:
        rows: list[tuple[int, int]] = []
        start = 0
        for row in text.split("\n"):
            rows.append((start, start + len(row)))
            start += len(row) + 1
        mp.setattr(mojibake, "suspect_lines", lambda t: rows)
        opened = [(e.start, e.end, e.after, e.reason) for e in Mojibake().edits(document())]
    assert gated == opened


QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'}
)


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(QUOTES).split())


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/bench/ftfy-cases is not here")
@pytest.mark.parametrize("name", ["in-the-wild", "synthetic", "negative"])
def test_ftfy_own_cases(name: str) -> None:
    cases = json.loads((SHARED / f"{name}.json").read_text(encoding="utf-8"))
    # the characters as ftfy's cases expect them: the conservative chain (no word repair: "vous.Pardonnez"
    # in a case is the source's own missing space, which punctuation_glue rightly repairs)
    misses = [
        c["label"]
        for c in cases
        if _normal(clean(c["original"], input_format="text", chain=CONSERVATIVE_CHAIN)) != _normal(c["fixed"])
    ]
    assert all(_normal(ftfy.fix_text(c["original"])) == _normal(c["fixed"]) for c in cases)
    assert misses == []


def test_a_correct_word_never_takes_the_spelling_of_unrepaired_mojibake() -> None:
    """Found by a new user: ftfy repaired half of "gÄ™Å›lÄ…", and brand_case took the "gęślÄ" left for
    a name one letter off the correct "Gęślą" beside it, and rewrote the correct word."""
    result = clean_and_explain("Gęślą jaźń i gÄ™Å›lÄ… jaÅºÅ„.", lang="pl")
    assert result.text.startswith("Gęślą jaźń i ")
    assert not [e for e in result.edits if e.cleaner == "brand_case"]
