"""Language identification by function words: cases as data, each with the language it must give."""

from __future__ import annotations

import re

import pytest

from cleanmedia import lang

CASES = [
    # Polish leans on one-letter words ("w", "z", "o"): a short sentence has little else to go on
    (
        "W Warszawie odbyło się spotkanie z mieszkańcami. Burmistrz mówił o nowych inwestycjach w mieście.",
        "pl",
    ),
    ("Rząd przyjął w czwartek projekt ustawy o ochronie danych i o nowych zasadach dla firm.", "pl"),
    # the "s" of an English possessive is not the French "s'"
    ("Hiking Boots - Women's. Hiking Boots - Men's. Trail Shoes - Women's. Sort by price.", None),
    ("The council said on Monday that the new lanes will open in the spring, and the mayor agreed.", "en"),
    # capital letters alone are initials or list labels, never words
    ("A B C D E F G H I J K L M N O P", None),
    ("Y. W. Z. O. A. I. U. E.", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_identification(text: str, expected: str | None) -> None:
    assert lang.detect_words(re.findall(r"[^\W\d_]+", text)) == expected


def test_common_words_read_the_loaded_lexicon_not_a_second_copy() -> None:
    """The common words come from the bands the frequency table was built from: reading them must not
    decode the language's word list again (a second ~40 MB copy per language, kept for the process)."""
    import wordfreq

    lang.lexicon("it")
    before = wordfreq.get_frequency_list.cache_info().currsize
    assert lang.common_words("it", 3.1)
    assert wordfreq.get_frequency_list.cache_info().currsize == before
