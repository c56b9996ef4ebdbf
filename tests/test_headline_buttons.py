"""A text dump's headline between the site's menu and the article's share button (a new user's dump,
issue 12): it stays and becomes the title, though its words are not the first paragraph's; a section's
name of fewer words there, or a line whose buttons lead to no paragraph, still goes. A line of four
words is not "in another language" on one frequent word of it ("ten" is Polish)."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain

#: (language, home label, section, headline, share label, first paragraph, second paragraph)
PAGES = [
    (
        "de",
        "Startseite",
        "Regional",
        "Konzerthaus feiert zehnjähriges Jubiläum",
        "Teilen",
        "Seit zehn Jahren prägt das Gebäude die Silhouette des Hafens. Mehr als 30 Millionen Menschen "
        "haben die Plaza seitdem besucht.",
        "Ursprünglich sollte der Bau 77 Millionen Euro kosten, am Ende waren es 866 Millionen.",
    ),
    (
        "en",
        "Home",
        "Local",
        "Concert hall turns ten",
        "Share",
        "For a decade the building has dominated the harbour skyline. More than 30 million people have "
        "visited its public plaza since it opened.",
        "It was meant to cost 77 million euros; in the end it cost 866 million.",
    ),
    (
        "fr",
        "Accueil",
        "Région",
        "L'auditorium fête dix ans",
        "Partager",
        "Depuis dix ans, le bâtiment domine le port de la ville. Plus de 30 millions de personnes ont "
        "visité sa place publique depuis son ouverture.",
        "Il devait coûter 77 millions d'euros ; il en a finalement coûté 866 millions.",
    ),
    (
        "es",
        "Inicio",
        "Local",
        "Auditorio cumple diez años",
        "Compartir",
        "Desde hace una década el edificio domina el puerto de la ciudad. Más de 30 millones de personas "
        "han visitado su plaza desde que se inauguró.",
        "Debía costar 77 millones de euros, pero al final costó 866 millones.",
    ),
    (
        "it",
        "Home",
        "Cronaca",
        "L'auditorium compie dieci anni",
        "Condividi",
        "Da dieci anni l'edificio domina il porto della città. Più di 30 milioni di persone hanno visitato "
        "la sua piazza da quando è stata aperta.",
        "Doveva costare 77 milioni di euro, alla fine ne è costati 866 milioni.",
    ),
]


def _clean(code: str, *lines: str):  # type: ignore[no-untyped-def]
    return clean_and_explain("\n".join(lines) + "\n", input_format="text", lang=code)


@pytest.mark.parametrize("page", PAGES, ids=[p[0] for p in PAGES])
def test_headline_under_menu_over_share_stays_as_title(page: tuple[str, ...]) -> None:
    code, home, section, headline, share, first, second = page
    result = _clean(code, home, section, headline, share, first, second)
    assert result.text.replace("\u202f", " ").replace("\u00a0", " ").split("\n\n")[0] == headline
    assert result.metadata.get("title") == headline
    assert home not in result.text.split("\n") and share not in result.text.split("\n")
    assert section not in result.text.split("\n")


@pytest.mark.parametrize("page", PAGES, ids=[p[0] for p in PAGES])
def test_headline_over_share_and_subheading_stays(page: tuple[str, ...]) -> None:
    """Buttons and a subheading between the headline and the paragraph: still the headline."""
    code, home, section, headline, share, first, second = page
    result = _clean(code, home, section, headline, share, "Kurz gesagt", first, second)
    assert result.text.split("\n\n")[0] == headline
    assert result.metadata.get("title") == headline


@pytest.mark.parametrize("page", PAGES, ids=[p[0] for p in PAGES])
def test_two_word_section_over_share_still_goes(page: tuple[str, ...]) -> None:
    """Negative: a section's name of two words over the share button is no headline."""
    code, home, section, _headline, share, first, second = page
    result = _clean(code, home, section, f"{section} Nord", share, first, second)
    assert f"{section} Nord" not in result.text
    assert result.text.replace("\u202f", " ").replace("\u00a0", " ").startswith(first[:30])


@pytest.mark.parametrize("page", PAGES, ids=[p[0] for p in PAGES])
def test_line_over_share_without_paragraph_still_goes(page: tuple[str, ...]) -> None:
    """Negative: buttons then more menu labels, no paragraph within reach: the line goes."""
    code, home, section, headline, share, first, second = page
    labels = ["Politik", "Wirtschaft", "Kultur", "Sport", "Wetter", "Reise", "Auto"]
    result = _clean(code, home, section, headline, share, *labels, first, second)
    assert headline not in result.text
    assert first[:30] in result.text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("line", "code", "foreign"),
    [
        ("Concert hall turns ten", "pl", False),  # one frequent Polish word ("ten"): no evidence
        ("Das ist nicht alles", "de", True),
        ("Esto no es todo", "es", True),
        ("Questo non è tutto", "it", True),
        ("Ce n'est pas tout", "fr", True),
    ],
)
def test_a_short_line_is_foreign_on_two_of_its_words(line: str, code: str, foreign: bool) -> None:
    from cleanmedia.cleaners.boilerplate import _foreign_evidence

    assert _foreign_evidence(line, len(line.split()), code) is foreign


def test_a_short_line_in_another_language_still_goes() -> None:
    """Negative: a German line under an English article's menu, over its share button, is still widget
    text in another language, not the headline."""
    first = (
        "The council voted on Monday to extend the night bus network to the northern districts of the city."
    )
    second = "The mayor said the new lines would start in March and cost about two million euros a year."
    result = clean_and_explain(
        f"Home\n\nDas ist nicht alles\n\nShare\n\n{first}\n\n{second}\n", lang="en", input_format="text"
    )
    assert result.text == f"{first}\n\n{second}\n"
    assert "boilerplate.foreign" in {e.reason for e in result.edits}


MENU_LABELS = {
    "de": "Kultur und Freizeit",
    "en": "Arts and Entertainment",
    "fr": "Culture et Loisirs",
    "es": "Cultura y Ocio",
    "it": "Cultura e Spettacoli",
}


@pytest.mark.parametrize("page", PAGES, ids=[p[0] for p in PAGES])
def test_menu_label_of_three_words_over_share_still_goes(page: tuple[str, ...]) -> None:
    """Negative: a label of capitalised words and a function word over the share button is no headline."""
    code, home, section, _headline, share, first, second = page
    label = MENU_LABELS[code]
    result = _clean(code, home, section, label, share, first, second)
    assert label not in result.text
    assert result.text.replace("\u202f", " ").replace("\u00a0", " ").startswith(first[:30])
