"""Article lines that looked like furniture to a rule read alone (a new user's trial, issue 12): a
topic headline opening with a furniture phrase, names listed under a sentence introducing them, a
long list under a colon paragraph, the dates heading a chronology's sections, a heading with an
inflected name. Each with its right output and negatives, in several languages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cleanmedia import clean_and_explain, resources
from cleanmedia.cleaners import HeadingCase
from test_repairs import run

PROFILES = Path(resources.__file__).parent / "languages"


# -- 5. heading case where names inflect -----------------------------------------------------------


def test_every_profile_states_whether_names_inflect() -> None:
    for path in sorted(PROFILES.glob("*/profile.toml")):
        assert isinstance(tomllib.loads(path.read_text())["names_inflect"], bool), path
    assert resources.profile("pl").names_inflect
    assert not any(resources.profile(c).names_inflect for c in ("de", "en", "fr", "es", "it", "pt", "nl"))


@pytest.mark.parametrize(
    ("heading", "body", "left"),
    [
        # "Tuskiem" is a form only the Polish lexicon knows, as a common word would be: left, flagged
        ("Rozmowa Z Tuskiem O Budżecie", "Premier mówił w poniedziałek o planach rządu na przyszły rok.", "Tuskiem"),
        ("Spotkanie Z Kowalskim W Krakowie", "Miasto przedstawiło w poniedziałek nowe plany.", "Kowalskim"),
    ],
)  # fmt: skip
def test_an_inflected_name_in_a_heading_keeps_its_capital(heading: str, body: str, left: str) -> None:
    text = f"{heading}\n\n{body}\n"
    result = clean_and_explain(text, input_format="text", lang="pl")
    assert result.text.splitlines()[0] == heading
    flags = [e.detail for e in result.flags if e.cleaner == "heading_case"]
    assert len(flags) == 1 and left in flags[0]


def test_a_polish_heading_is_lowered_on_the_document_s_evidence() -> None:
    body = "Rząd przyjmuje nowe dopłaty, a wszystkich rodzin to cieszy."
    assert run(HeadingCase(), f"Rząd Przyjmuje Nowe Dopłaty Dla Rodzin\n\n{body}\n", "pl").startswith(
        "Rząd przyjmuje nowe dopłaty dla rodzin\n"
    )
    # without the document's lower-case words the lexicon alone shows nothing in Polish
    unshown = "Rząd Przyjmuje Nowe Dopłaty Dla Rodzin\n\nPrezydent przedstawił w poniedziałek projekt.\n"
    assert run(HeadingCase(), unshown, "pl") == unshown


def test_names_inflect_only_narrows_the_lexicons_evidence() -> None:
    from cleanmedia.cleaners.heading_case import TOKEN, _shown_common

    tokens = list(TOKEN.finditer("Rozmowa Z Tuskiem"))
    function = resources.profile("pl").words("function_words.txt")
    args = (tokens[2], tokens, 2, function, function, frozenset(), "pl", 2.0)
    assert _shown_common(*args) and not _shown_common(*args, names_inflect=True)
    lowered = frozenset({"tuskiem"})  # the document writes it in lower case: common whatever the trait
    assert _shown_common(tokens[2], tokens, 2, function, function, lowered, "pl", 2.0, names_inflect=True)
