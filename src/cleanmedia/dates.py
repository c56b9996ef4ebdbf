"""Dates written the ways news sites write them, in every supported language, to ISO 8601.

`parse` recognises "18 octobre 2024", "octobre 18, 2024", "March 3, 2024", "3. März 2024",
"12 de marzo de 2025", "12 marzo 2025 - 10:45", "mardi 18 octobre 2024 à 10h45", "2024-10-18", "18/10/2024" (day first, except
in English where month first is assumed unless the day is > 12). `relative` and `month_day` tell the
time stamps of teasers ("3 hours ago", "il y a 2 jours", "Nov 18"), which say when but not which date.
Month names and relative-time phrases are data files.
"""

from __future__ import annotations

import datetime
import email.utils
from functools import lru_cache

import regex

from cleanmedia import resources
from cleanmedia.text import DIGIT


def _words(trait: str) -> str:
    """The words of a profile trait over every article language, as a regex alternation (longest first)."""
    found = {w for code in resources.LANGUAGES for w in getattr(resources.profile(code), trait)}
    return "|".join(regex.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _weekdays() -> str:
    """Every weekday name and short form of every article language (`weekdays.txt`), as a regex
    alternation (longest first)."""
    found = {
        w
        for code in resources.LANGUAGES
        for row in resources.weekday_rows(code)
        for part in row
        for w in part
    }
    return "|".join(regex.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _clock() -> str:
    """Hours and minutes, a language's clock word (its stop optional: "7:30 a.m."), a time zone."""
    return rf"\d{{1,2}}\s*[:hH.]\s*\d{{2}}(?:\s*(?:{_words('clock_words')})\.?)?(?:\s*\(?[A-Z]{{2,4}}\)?)?"


@lru_cache(maxsize=1)
def _time() -> str:
    """An optional clock time after a date: a separator or a language's time word, then `_clock`."""
    return rf"(?:\s*(?:[-–—,|@]|{_words('time_words')})?\s*{_clock()})?"


@lru_cache(maxsize=1)
def _time_first() -> str:
    """An optional clock time before a date, and a separator ("14:05 GMT, 3 March 2025", "10:30 |
    12.03.2024"): an updated stamp often writes the time first."""
    return rf"(?:{_clock()}\s*[-–—,|·]?\s+)?"


@lru_cache(maxsize=1)
def _day() -> str:
    return rf"\d{{1,2}}(?:{_words('ordinal_suffixes')})?\.?"


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    table: dict[str, int] = {}
    for lang in resources.LANGUAGES:
        for number, row in enumerate(resources.profile(lang).lines("months.txt"), start=1):
            for name in row.split():
                table.setdefault(name, number)
    return table


@lru_cache(maxsize=1)
def _patterns() -> list[regex.Pattern[str]]:
    names = "|".join(sorted(map(regex.escape, _months()), key=len, reverse=True))
    month = rf"(?P<month>{names})\.?"
    day = rf"(?P<day>\d{{1,2}})(?:{_words('ordinal_suffixes')})?\.?"
    year = r"(?P<year>(?:19|20)\d{2})"
    of = rf"(?:\s+(?:{_words('date_of_words')}))?"
    weekday = r"(?:\p{L}{3,12}\.?,?\s+)?"
    named_day = rf"(?:(?:{_weekdays()})\.?,?\s+)?"  # before digits, only a day's name: "Mo., 12.03.2024"
    forms = [
        rf"{weekday}{day}{of}\s+{month}{of},?\s+{year}",
        rf"{weekday}{month}\s+{day},?\s+{year}",
        r"(?P<year>(?:19|20)\d{2})-(?P<num>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+Z-]+)?",
        rf"{named_day}(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<year>(?:19|20)\d{{2}})",
    ]
    return [regex.compile(rf"^{_time_first()}{f}{_time()}$", regex.IGNORECASE) for f in forms]


def _may_have_year(text: str) -> bool:
    """Every form of `parse` has a year, 19xx or 20xx: a line without "19" or "20" ends here (most
    lines), no pattern tried. A gate: `tests/test_gates.py` checks it skips no date."""
    return "19" in text or "20" in text


def _spaced(text: str) -> bool:
    """Whether stripped `text` has white space inside (more than one word): what `\\s+` in a pattern needs
    (every character `regex` takes for white space is one `str.split` splits on). A gate, as above."""
    return len(text.split()) > 1


def parse(text: str, lang: str | None = None) -> str | None:
    """ISO 8601 date if the whole of `text` is a date (with an optional time), else None."""
    text = text.strip().rstrip(".")
    if len(text) > 60 or not _may_have_year(text):
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
            month_first = resources.profile(lang).month_first_dates
            day, month = (b, a) if month_first and (b > 12 or a <= 12) else (a, b)
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


#: A dateline's place ("Neustadt", "Frankfurt am Main") is this many words at most (`placed`).
PLACE_WORDS = 3


def placed(text: str, lang: str | None = None) -> str | None:
    """ISO 8601 date of a dateline that is a place, a comma, then a date ("Neustadt, 18.02.2025",
    "Sevilla, 18 de febrero de 2025"): the place is PLACE_WORDS words at most, the first capitalised,
    with no digit and no sentence mark; None for anything else ("Yes, 2025", "Lyon, the city")."""
    place, comma, when = text.strip().rpartition(",")
    words = place.split()
    if not comma or not 0 < len(words) <= PLACE_WORDS or not words[0][0].isupper():
        return None
    if any(c.isdigit() or c in ".!?:;,()" for c in place):
        return None
    return parse(when, lang)


@lru_cache(maxsize=1)
def _relative_forms() -> tuple[str, ...]:
    """ "3 hours ago", "10H ago", "il y a 2 jours", "vor 5 Minuten": each language's phrase and units (data)."""
    forms = []
    for lang in resources.LANGUAGES:
        rows = resources.profile(lang).lines("relative_time.txt")
        if len(rows) < 2:
            continue
        units = "|".join(
            sorted((regex.escape(u) for row in rows[1:] for u in row.split()), key=len, reverse=True)
        )
        phrase = regex.escape(rows[0]).replace(r"\{n\}", "{n}").replace(r"\{unit\}", "{unit}")
        phrase = phrase.replace(r"\ ", r"\s+").replace(r"{n}\s+{unit}", r"{n}\s*{unit}")
        forms.append(phrase.format(n=r"\d{1,3}", unit=rf"(?:{units})\.?"))
    return tuple(forms)


@lru_cache(maxsize=1)
def _relative() -> regex.Pattern[str]:
    return regex.compile(rf"^(?:{'|'.join(_relative_forms())})$", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _relative_spaced() -> bool:
    """Whether every relative-time phrase has white space besides the one between number and unit
    ("3h ago"): then a line of one word ("w1a2f") is none, without trying the pattern."""
    return all(r"\s+" in form for form in _relative_forms())


def relative(text: str) -> bool:
    """True if the whole of `text` is a relative time ("3 hours ago", "il y a 2 jours")."""
    text = text.strip()
    return (
        len(text) <= 40
        and bool(DIGIT.search(text))
        and (not _relative_spaced() or _spaced(text))
        and bool(_relative().match(text))
    )


@lru_cache(maxsize=1)
def _reading_time() -> regex.Pattern[str]:
    return regex.compile(rf"^(?:{'|'.join(_reading_time_forms())})$", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _reading_time_spaced() -> bool:
    """Whether every reading-time phrase has white space besides around the number and unit: then a
    line of one word is none, without trying the pattern (as `_relative_spaced`)."""
    return all(r"\s+" in form for form in _reading_time_forms())


@lru_cache(maxsize=1)
def _reading_time_forms() -> tuple[str, ...]:
    """ "5 min read", "Lesezeit: 3 Minuten", "Temps de lecture : 4 min": each language's phrases and units
    (data: `reading_time.txt`; a colon may be spaced or left out, a number may be a range "3-4")."""
    forms = []
    for lang in resources.LANGUAGES:
        rows = resources.profile(lang).lines("reading_time.txt")
        units = "|".join(
            sorted(
                (regex.escape(u) for row in rows if "{n}" not in row for u in row.split()),
                key=len,
                reverse=True,
            )
        )
        for row in (r for r in rows if "{n}" in r and units):
            phrase = regex.escape(row).replace(r"\{n\}", "{n}").replace(r"\{unit\}", "{unit}")
            phrase = (
                phrase.replace(r"\ ", r"\s+").replace(":", r"\s*:?").replace(r"{n}\s+{unit}", r"{n}\s*{unit}")
            )
            forms.append(phrase.format(n=r"~?\d{1,3}(?:\s*[-–]\s*\d{1,3})?", unit=rf"(?:{units})\.?"))
    return tuple(forms)


#: Marks a page sets a reading time apart with, after a byline or a date on the same row ("· 7 min read",
#: "| Lesezeit: 4 Minuten"): left out at either end of the line before the phrase is matched.
ROW_MARKS = " \t\u00b7\u2022|\u2013\u2014-/"


def reading_time(text: str) -> bool:
    """True if the whole of `text` says how long the article takes to read ("5 min read", "Lesezeit: 3
    Minuten"), a separator at either end aside ("· 7 min read": `ROW_MARKS`): page furniture, never the
    article's words."""
    text = text.strip(ROW_MARKS)
    return (
        len(text) <= 50
        and bool(DIGIT.search(text))
        and (not _reading_time_spaced() or _spaced(text))
        and bool(_reading_time().match(text))
    )


@lru_cache(maxsize=1)
def _month_day() -> regex.Pattern[str]:
    names = "|".join(sorted(map(regex.escape, _months()), key=len, reverse=True))
    day, of = _day(), _words("date_of_words")
    return regex.compile(
        rf"^(?:(?:{names})\.?\s+{day}|{day}\s+(?:(?:{of})\s+)?(?:{names})\.?)$", regex.IGNORECASE
    )


@lru_cache(maxsize=1)
def _month_year() -> regex.Pattern[str]:
    names = "|".join(sorted(map(regex.escape, _months()), key=len, reverse=True))
    return regex.compile(
        rf"^(?:{names})\.?\s+(?:19|20)\d\d(?:\s*[(\[]\s*\d{{1,4}}\s*[)\]])?$", regex.IGNORECASE
    )


def month_year(text: str) -> bool:
    """True if the whole of `text` is a month's name and a year, a count in brackets after it allowed
    ("März 2025", "October 2025 (5)"): a line of a blog's archive, never a day of the article."""
    text = text.strip()
    return len(text) <= 30 and bool(DIGIT.search(text)) and _spaced(text) and bool(_month_year().match(text))


def need_spaces() -> bool:
    """Whether `relative`, `reading_time` and `month_day` all need white space inside the line (every
    phrase in the data has some): then a line of one word, split as `str.split` splits, is none of
    them, and a caller that knows its word count asks none of them (most lines of a page dump)."""
    return _relative_spaced() and _reading_time_spaced()


def month_day(text: str) -> bool:
    """True if the whole of `text` is a day and a month without a year ("Nov 18", "18 novembre")."""
    text = text.strip()
    return (
        len(text) <= 25
        and bool(DIGIT.search(text))
        and _spaced(text)  # white space between day and month: a single word is no date
        and bool(_month_day().match(text))
    )


def stamp_day(value: object) -> str | None:
    """The day (ISO 8601, `YYYY-MM-DD`) of a machine-written time stamp, or None when `value` is not one.

    For the dates a record carries beside a page (a WARC record's `WARC-Date`, an HTTP `Date` header, a
    JSONL record's `date` field), not for dates written in prose (`parse`): ISO 8601 (`2026-11-30`,
    `2026-11-30T12:34:56Z`, as WARC writes it, RFC 3339) or an HTTP date (RFC 9110,
    `Mon, 30 Nov 2026 12:34:56 GMT`). The day alone, as the page's own dates are kept (a `<time
    datetime>`'s first ten characters): a crawl's second says nothing more about the article. A date or
    time object (a Parquet timestamp column, a pandas Timestamp) is one too; a missing one (NaT) is not."""
    if isinstance(value, datetime.date):
        try:  # NaT is a datetime whose day is NaT, written "NaT"
            day = value.date() if isinstance(value, datetime.datetime) else value
            return datetime.date.fromisoformat(day.isoformat()).isoformat()
        except (ValueError, AttributeError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
