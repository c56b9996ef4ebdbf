"""Furniture a new user still found in text mode (issue 12, session 7), each kind in every supported
language as phrase data, never a site's name: share lines that name the article or the networks
("Diesen Artikel teilen:", "Partager sur X", "Udostępnij Facebook Wykop"), a date before the byline
("12.03.2024, 14:05 Uhr von Max Muster"), a reading time set apart by a mark ("· 7 min read"), a row
of footer links ("Contact us / Advertise / Careers"). Each goes from between two paragraphs (the
strongest test: no furniture around it), and the article lines that look like it stay."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain
from cleanmedia.cleaners import DUMP_CHAIN
from cleanmedia.dates import reading_time
from test_furniture_kinds import ARTICLES

# Per language: share lines, a date-first byline with the author and date it gives, and a footer row.
ROWS = {
    "de": (["Diesen Artikel teilen:", "Teilen WhatsApp Facebook Xing X"],
           ("12.03.2024, 14:05 Uhr von Max Muster", "Max Muster", "2024-03-12"),
           "Über uns | Mediadaten | Karriere"),
    "en": (["Share this post", "Share on X"],
           ("March 12, 2024 by Jane Doe", "Jane Doe", "2024-03-12"),
           "Contact us / Advertise / Careers"),
    "fr": (["Partager sur X", "Partager l'article"],
           ("12 mars 2024 par Jean Dupont", "Jean Dupont", "2024-03-12"),
           "Qui sommes-nous · Contact · Publicité"),
    "es": (["Compartir en X", "Comparte este artículo"],
           ("12 de marzo de 2024, por Carlos García", "Carlos García", "2024-03-12"),
           "Quiénes somos | Contacto | Publicidad"),
    "it": (["Condividi su X", "Condividi l'articolo"],
           ("12 marzo 2024 di Marco Rossi", "Marco Rossi", "2024-03-12"),
           "Chi siamo | Contatti | Lavora con noi"),
    "pl": (["Udostępnij Facebook Wykop", "Udostępnij ten artykuł"],
           ("12 marca 2024, autor: Jan Kowalski", "Jan Kowalski", "2024-03-12"),
           "O nas | Kontakt | Reklama"),
    "pt": (["Partilhar no X", "Compartilhe este artigo"],
           ("12 de março de 2024, por Ana Costa", "Ana Costa", "2024-03-12"),
           "Quem somos | Contato | Anuncie"),
    "nl": (["Deel op X", "Deel dit bericht"],
           ("12 maart 2024 door Jan de Vries", "Jan de Vries", "2024-03-12"),
           "Over ons | Contact | Adverteren"),
}  # fmt: skip
LANGS = sorted(ROWS)
#: A headline and two paragraphs per language (those of `test_furniture_kinds`, and Polish).
TEXTS = {code: (article[0], article[1]) for code, article in ARTICLES.items()} | {
    "pl": (
        "Nowe plany dla dworca",
        [
            "Miasto przedstawiło w poniedziałek nowe plany przebudowy dworca, które mają zostać zrealizowane do 2030 roku.",
            "Mieszkańcy w ostatnich miesiącach wielokrotnie skarżyli się na hałas i brak miejsc parkingowych.",
        ],
    )
}  # fmt: skip


def _between(code: str, line: str, chain: object = None) -> tuple[str, str]:
    """The article with `line` between its two paragraphs, cleaned; and the article alone."""
    title, paragraphs = TEXTS[code]
    text = "\n\n".join([title, paragraphs[0], line, paragraphs[1]]) + "\n"
    kwargs = {"chain": chain} if chain is not None else {}
    out = clean(text, input_format="text", lang=code, **kwargs)  # type: ignore[arg-type]
    return out, "\n\n".join([title, *paragraphs]) + "\n"


@pytest.mark.parametrize("chain", [None, DUMP_CHAIN], ids=["default", "dump"])
@pytest.mark.parametrize("code", LANGS)
def test_share_lines_naming_the_article_or_the_networks_go(code: str, chain: object) -> None:
    for line in ROWS[code][0]:
        out, article = _between(code, line, chain)
        assert out == article, line


@pytest.mark.parametrize("code", LANGS)
def test_a_date_before_the_byline_goes_and_both_reach_the_metadata(code: str) -> None:
    line, author, date = ROWS[code][1]
    title, paragraphs = TEXTS[code]
    text = "\n\n".join([title, line, *paragraphs]) + "\n"
    result = clean_and_explain(text, input_format="text", lang=code)
    assert result.text == "\n\n".join([title, *paragraphs]) + "\n"
    assert (result.metadata.author, result.metadata.date, result.metadata.title) == (author, date, title)


@pytest.mark.parametrize("code", LANGS)
def test_a_row_of_footer_links_goes(code: str) -> None:
    out, article = _between(code, ROWS[code][2])
    assert out == article


@pytest.mark.parametrize(
    ("code", "line"),
    [("en", "· 7 min read"), ("de", "· Lesezeit: 4 Minuten"), ("fr", "Temps de lecture : 3 min ·"),
     ("es", "| 5 min de lectura"), ("it", "— 12 min lettura"), ("pl", "· Czas czytania: 5 minut"),
     ("pt", "· 4 min de leitura"), ("nl", "| Leestijd: 3 minuten")],
)  # fmt: skip
def test_a_reading_time_set_apart_by_a_mark_goes(code: str, line: str) -> None:
    assert reading_time(line)
    out, article = _between(code, line)
    assert out == article


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", "Share Prices Fall Again"),  # a share word opening a headline: no network named
        ("en", "Like Father Like Son"),
        ("de", "Teilen Sie Ihre Meinung mit den Nachbarn"),
        (
            "de",
            "Im Jahr 2024 von Max Muster gegründet, wuchs die Firma schnell.",
        ),  # a date, "von", a sentence
        ("en", "2024 by the numbers"),
        ("en", "Pros / Cons / Verdict"),  # slashes between words no footer holds
        ("de", "Juni / Juli / August"),
        ("de", "Kontakt / Anfahrt / Öffnungszeiten"),  # one footer label of three
        ("en", "Contact / Advertise"),  # two links are no row
        ("en", "7 min read, says the author of the study ·"),  # a mark at its end: still a sentence
    ],
)
def test_article_lines_that_look_like_these_rows_stay(code: str, line: str) -> None:
    title, paragraphs = TEXTS[code]
    text = "\n\n".join([title, paragraphs[0], line, paragraphs[1]]) + "\n"
    assert line in clean(text, input_format="text", lang=code).split("\n")
