"""Article lines that a rule reading one line at a time takes for furniture, told by their neighbours:
the dates heading the sections of a chronology, and names listed under a sentence that introduces
them. Pure functions of the lines (stripped, non-empty, in order), shared by the text cleaners and the
HTML extraction, so that the same lines get the same answer in both (idempotence: the output cleaned
again as text keeps them too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleanmedia import dates
from cleanmedia.text import DIGIT, ends_sentence, is_list_item

#: A clock time ("14:05", "14h30"): a date with one is a stamp, never a chronology's section heading.
CLOCK = re.compile(r"\d{1,2}\s?[:h]\s?\d{2}\b")
#: A section's text under its date: a sentence of this many words at least.
SECTION_WORDS = 8
#: A chronology heads this many sections with a date at least (one date alone is a dateline).
CHRONOLOGY_DATES = 2
#: The sentence introducing a list of names has this many words at least ("Sie finden uns auf:" has
#: four, "Die Studie wertete Beiträge auf folgenden Netzwerken aus:" eight).
INTRO_WORDS = 6
#: A list of names under such a sentence has at most this many items, of at most `NAME_WORDS` words.
NAME_ITEMS, NAME_WORDS = 12, 4


def _section_text(line: str) -> bool:
    """A paragraph of a section: a sentence of `SECTION_WORDS` words or more."""
    return ends_sentence(line) and len(line.split()) >= SECTION_WORDS


def _date_alone(line: str, lang: str | None) -> bool:
    """A line that is only a date, without a clock time ("12. März 2024", "March 3, 2021")."""
    return len(line.split()) <= 6 and not CLOCK.search(line) and dates.parse(line, lang) is not None


def chronology_dates(lines: Sequence[str], lang: str | None) -> set[int]:
    """The lines that are each a date heading a section of a chronology: a date alone on its line
    (`_date_alone`, no clock time) with a paragraph right under it, and the next such date after
    nothing but paragraphs (the section's text); `CHRONOLOGY_DATES` of them at least in a row. Why: a
    date alone is read as the article's dateline (to the metadata, the line removed), which in a
    timeline ("12. März 2024" / what happened / "3. Juni 2024" / ...) removed each section's heading.
    A dateline under the title, a teaser's date under its title, a photo's date between captions and
    credits, a stamp with its time are none of these."""
    found = [
        i
        for i, line in enumerate(lines)
        if i + 1 < len(lines) and _section_text(lines[i + 1]) and _date_alone(line, lang)
    ]
    out: set[int] = set()
    run: list[int] = []
    for i in found:
        if run and all(_section_text(lines[k]) for k in range(run[-1] + 1, i)):
            run.append(i)
            continue
        if len(run) >= CHRONOLOGY_DATES:
            out.update(run)
        run = [i]
    if len(run) >= CHRONOLOGY_DATES:
        out.update(run)
    return out


def _name(line: str) -> bool:
    """An item of a list of names: at most `NAME_WORDS` words with a letter, no sentence end, no
    label's colon (a form's "Search for:")."""
    label = line[1:].strip() if is_list_item(line) and not line[:1].isalnum() else line
    return (
        0 < len(label.split()) <= NAME_WORDS
        and any(c.isalpha() for c in label)  # a bracket or a dash left alone is no name
        and not ends_sentence(label)
        and not label.endswith(":")
    )


def _introduction(line: str) -> bool:
    """A sentence introducing what follows: `INTRO_WORDS` words or more, ending with a colon."""
    return line.rstrip().endswith(":") and len(line.split()) >= INTRO_WORDS


def introduced_names(lines: Sequence[str], furniture: Sequence[bool] = ()) -> set[int]:
    """The lines of a list of names (networks, sites, places: `_name`, up to `NAME_ITEMS`) right under
    a sentence that introduces them (`_introduction`: "Die Studie wertete Beiträge auf folgenden
    Netzwerken aus:"), each named once, the article's text above the sentence and below the list. A
    form's label over its buttons ("Please give an overall site rating:", "Submit", "Close") has none
    above it. A follow widget's label is
    short ("Sie finden uns auf:", "Follow us:") and its names end the page or run into other furniture:
    those stay furniture. Why: network names read alone are a follow widget, and a menu's run of short
    labels; under such a sentence they are the article's list. `furniture`: per line, whether a rule
    took it for furniture already (such a line introduces nothing)."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if not _introduction(line) or (i < len(furniture) and furniture[i]):
            continue
        j = i + 1
        while j < len(lines) and j - i <= NAME_ITEMS and _name(lines[j]) and not DIGIT.search(lines[j]):
            j += 1
        names = lines[i + 1 : j]
        if (
            names
            and len(set(names)) == len(names)  # a list names each once; a page's links repeat ("Close")
            and i > 0
            and _section_text(lines[i - 1])  # inside the article: its text above and below
            and j < len(lines)
            and _section_text(lines[j])
            and not _introduction(lines[j])
        ):
            out.update(range(i + 1, j))
    return out
