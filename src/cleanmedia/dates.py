"""Dates written the ways news sites write them, in every supported language, to ISO 8601.

Recognised: "18 octobre 2024", "octobre 18, 2024", "March 3, 2024", "3. März 2024", "12 de marzo de 2025",
"12 marzo 2025 - 10:45", "mardi 18 octobre 2024 à 10h45", "2024-10-18", "18/10/2024" (day first, except
in English where month first is assumed unless the day is > 12). Month names are data files.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

import regex

from cleanmedia import resources

TIME = r"(?:\s*(?:[-–—,|@]|à|a|alle|um|at|às|a las|om)?\s*\d{1,2}\s*[:hH.]\s*\d{2}(?:\s*(?:am|pm|uhr|h))?(?:\s*\(?[A-Z]{2,4}\)?)?)?"


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    table: dict[str, int] = {}
    for lang in resources.LANGUAGES:
        for number, row in enumerate(resources.lines("months", f"{lang}.txt"), start=1):
            for name in row.split():
                table.setdefault(name, number)
    return table


@lru_cache(maxsize=1)
def _patterns() -> list[regex.Pattern[str]]:
    names = "|".join(sorted(map(regex.escape, _months()), key=len, reverse=True))
    month = rf"(?P<month>{names})\.?"
    day = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th|º|°)?\.?"
    year = r"(?P<year>(?:19|20)\d{2})"
    of = r"(?:\s+de)?"
    weekday = r"(?:\p{L}{3,12}\.?,?\s+)?"
    forms = [
        rf"{weekday}{day}{of}\s+{month}{of},?\s+{year}",
        rf"{weekday}{month}\s+{day},?\s+{year}",
        r"(?P<year>(?:19|20)\d{2})-(?P<num>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+Z-]+)?",
        r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d{2})",
    ]
    return [regex.compile(rf"^{f}{TIME}$", regex.IGNORECASE) for f in forms]


DIGIT = re.compile(r"\d")


def parse(text: str, lang: str | None = None) -> str | None:
    """ISO 8601 date if the whole of `text` is a date (with an optional time), else None."""
    text = text.strip().rstrip(".")
    if len(text) > 60 or not DIGIT.search(text):
        return None
    for pattern in _patterns():
        m = pattern.match(text)
        if m is None:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        if groups.get("month"):
            month, day = _months()[groups["month"].lower()], int(groups["day"])
        elif groups.get("num"):
            month, day = int(groups["num"]), int(groups["day"])
        else:
            a, b = int(groups["a"]), int(groups["b"])
            day, month = (b, a) if (lang == "en" and b > 12) or (lang == "en" and a <= 12) else (a, b)
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None
