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
    # the "s" of an English possessive is not the French "s'": no French; its content words are English
    # (None while identification read the stop words alone)
    ("Hiking Boots - Women's. Hiking Boots - Men's. Trail Shoes - Women's. Sort by price.", "en"),
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


# Texts the stop words alone leave undecided (found by a new user's trial): a sentence of a dozen words
# whose words are content words, each with the language it must give. Each gave None before.
SHORT_TEXTS = [
    (
        "Mieszkańcy Krakowa protestowali przeciwko budowie nowej drogi przez zabytkowy park miejski wczoraj.",
        "pl",
    ),
    (
        "Premier zapowiedział wczoraj podwyżki płac dla nauczycieli oraz pielęgniarek od przyszłego roku.",
        "pl",
    ),
    ("Le gouvernement a annoncé de nouvelles règles hier soir.", "fr"),
    ("Die Regierung hat neue Regeln angekündigt.", "de"),
    ("O governo aprovou ontem o novo orçamento para a saúde pública.", "pt"),
]
# A language outside the set, numbers, addresses: no language, whatever their length.
NO_LANGUAGE = [
    "Klikněte na datum, pro které chcete vidět své události z kalendáře.",
    "Hold Skift nede for at flytte fokus i omvendt rækkefølge.",
    "En färgprofil är en mängd data som karakteriserar antingen en enhet såsom en projektor.",
    "Käytä kimmonäppäimiä, jotta nopeasti toistuvat näppäinpainallukset jäävät huomiotta.",
    "\n".join(f"{i * 37 % 1000},{i * 13 % 100:02d}" for i in range(1, 60)),
    "\n".join(
        f"https://www.{w}.org/{w}{i}/index.html" for i, w in enumerate(["qzvx", "brtk", "plmn", "wxyq"] * 8)
    ),
]


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


@pytest.mark.parametrize(("text", "expected"), SHORT_TEXTS, ids=[t[:30] for t, _ in SHORT_TEXTS])
def test_a_short_text_of_content_words_is_identified(text: str, expected: str) -> None:
    assert lang.detect_words(_words(text)) == expected


@pytest.mark.parametrize("text", NO_LANGUAGE, ids=[t[:20] for t in NO_LANGUAGE])
def test_no_language_for_texts_outside_the_set(text: str) -> None:
    assert lang.detect_words(_words(text)) is None


def _shop_list(adjectives: list[str], nouns: list[str], every: str) -> str:
    """A list-like page of 300 words and more: items of two words and a price, a sentence opening each noun's run."""
    lines = [
        f"{a} {n} - {i % 90 + 10}.99" for i, (a, n) in enumerate((a, n) for a in adjectives for n in nouns)
    ]
    lines[:: len(nouns)] = [every.format(n.lower()) for n in adjectives]
    return "\n".join(lines)


def test_a_long_list_like_text_is_identified_by_its_content_words() -> None:
    """Function words are under 8% of a list's words (the rule of `lang.best`), yet its words are the
    language's: found on long list-like bench pages that had no language."""
    text = _shop_list(
        ["Classic", "Modern", "Small", "Large", "Dark", "Simple", "Smart", "Wooden", "Leather", "Outdoor"],
        ["Shoes", "Jackets", "Chairs", "Tables", "Lamps", "Books", "Games", "Phones", "Watches", "Bags"],
        "All {} in the store",
    )
    words = _words(text)
    assert len(text.split()) >= 300 and lang.scores(words)["en"] < 0.08 * len(words)
    assert lang.detect_words(words) == "en"


def test_a_long_list_in_a_language_outside_the_set_has_none() -> None:
    text = _shop_list(
        ["Nové", "Levné", "Dřevěné", "Kožené", "Zahradní", "Kuchyňské", "Malé", "Velké", "Tmavé", "Chytré"],
        ["boty", "bundy", "židle", "stoly", "lampy", "knihy", "hry", "telefony", "hodinky", "tašky"],
        "Všechny {} v našem obchodě a na skladě",
    )
    assert lang.detect_words(_words(text)) is None
