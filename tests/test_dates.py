"""Dates to ISO 8601, and the time stamps of teasers that say when but not which date."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain, dates


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("18 octobre 2024", "fr", "2024-10-18"),
        ("octobre 18, 2024", "fr", "2024-10-18"),
        ("March 3, 2024", "en", "2024-03-03"),
        ("3. März 2024", "de", "2024-03-03"),
        ("12 marzo 2025 - 10:45", "it", "2025-03-12"),
        ("12 de marzo de 2025", "es", "2025-03-12"),
        ("2024-10-18", None, "2024-10-18"),
        ("31/02/2024", "fr", None),  # no such day
        ("le 18 octobre 2024 il pleuvait", "fr", None),  # a sentence, not a date
    ],
)
def test_parse(text: str, lang: str | None, iso: str | None) -> None:
    assert dates.parse(text, lang) == iso


@pytest.mark.parametrize(
    "text",
    [
        "10H ago",
        "1 day ago",
        "16 hours ago",
        "5min ago",
        "il y a 3 heures",
        "vor 5 Minuten",
        "hace 2 horas",
        "2 ore fa",
        "há 3 dias",
        "3 uur geleden",
    ],
)
def test_relative_time_stamps(text: str) -> None:
    assert dates.relative(text)


@pytest.mark.parametrize(
    "text", ["In 3 days", "3 days ago, the council met", "hours ago", "Il y a 3 ans, tout a changé."]
)
def test_not_relative_time_stamps(text: str) -> None:
    assert not dates.relative(text)


def test_month_and_day_without_year() -> None:
    assert all(dates.month_day(t) for t in ("Nov 18", "Nov. 15", "18 novembre", "3. März", "12 de marzo"))
    assert not any(dates.month_day(t) for t in ("November 2019", "May 5 2020", "Nov 18 talks", "18"))


def test_teaser_time_stamps_go_with_the_teasers() -> None:
    article = [
        "The council approved the new budget on Tuesday after a debate that lasted well into the night.",
        "The mayor said the plan would be reviewed again in the spring, once the first figures are known.",
    ]
    text = "\n\n".join([*article, "Follow Me", "Nov 18", "3 hours ago", "Share this article"]) + "\n"
    result = clean_and_explain(text)
    assert result.text == "\n\n".join(article) + "\n"
    assert {e.reason for e in result.edits if "timestamp" in e.reason} == {"boilerplate.timestamp"}


def test_a_day_and_month_heading_inside_an_article_stays() -> None:
    text = (
        "The expedition left the coast early in the season, carrying supplies for three months at sea.\n\n"
        "March 3\n\n"
        "The first storm hit the ship two days out, and the crew spent the night bailing water from the hold.\n"
    )
    assert clean_and_explain(text).text == text
