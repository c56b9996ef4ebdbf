"""Navigation menus in a crawler's text dump of a whole page: runs of short link-like list items before or
after the article.

The article spans the clusters of prose lines (long, closed like sentences) big enough to be an
article; list items outside it are navigation only in runs of three or more short, unpunctuated,
digit-free, capitalised items (short labels between them are submenu headings), and only when the
text carries many of them (a page's menus, not the one short list an article may start or end with),
and never under a sentence that introduces them, the article going on after them
(`introduced.introduced_names`: "Die Forscher verglichen die Mieten in den folgenden Städten:").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleanmedia.cleaners.introduced import introduced_names
from cleanmedia.cleaners.widgets import without_paren_count
from cleanmedia.text import DIGIT, Line, ends_sentence, is_list_item, texts

#: A tag cloud or a link label has no punctuation of a phrase; a credits list or a quote has some.
LIST_PUNCT = re.compile(r"[.!?;:,“”«»\"()\[\]…]")
#: Prose lines closer than this (in blocks) belong to one cluster; menu runs need this many items, and the
#: text this many menu items outside the article, before any is removed.
PROSE_GAP, MENU_RUN, MENU_ITEMS = 4, 3, 8
PHRASE_PUNCT = re.compile(r"[!?;,“”«»\"()\[\]…]")


#: Ten words and the nine spaces between them: a shorter line is no prose (`_is_prose` not asked).
PROSE_MIN_CHARS = 19


def _is_prose(text: str) -> bool:
    """A paragraph of running text: ten words or more, closed like a sentence."""
    return len(text.split()) >= 10 and ends_sentence(text)


def _menu_item(text: str) -> bool:
    """A list item that reads like a link label: at most six words, capitalised as a name or a title
    (words of four letters or more start with a capital), no digits and no punctuation of a phrase (dots
    of abbreviations and a label's colon aside); a count in brackets after it is a category's ("Sport (12)")."""
    if not is_list_item(text):
        return False
    label = without_paren_count(text[1:].strip() if text.startswith("\u2022") else text)
    words = label.split()
    return (
        0 < len(words) <= 6
        and not PHRASE_PUNCT.search(label)
        and not (len(words) >= 3 and label.endswith("."))
        and not DIGIT.search(label)
        and all(not w[0].islower() for w in words if len(w) >= 4)
    )


def _menu_label(text: str) -> bool:
    """A submenu heading between menu items: at most four words, no punctuation of a phrase."""
    return len(text.split()) <= 4 and not LIST_PUNCT.search(text) and not is_list_item(text)


def menu_lines(bl: Sequence[Line]) -> list[int]:
    """The blocks of `bl` that are navigation menus (see the module docstring)."""
    prose = [i for i, text in enumerate(texts(bl)) if len(text) >= PROSE_MIN_CHARS and _is_prose(text)]
    clusters: list[list[int]] = []
    for i in prose:
        if clusters and i - clusters[-1][-1] <= PROSE_GAP:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    big = [c for c in clusters if len(c) >= 2 or len(bl[c[0]].stripped.split()) >= 60] or clusters
    if not big:
        return []
    lines = list(texts(bl))  # the stripped lines, read twice more
    first, last = big[0][0], big[-1][-1]
    listed = introduced_names(lines)  # names under a sentence introducing them: the article's list
    item = {i: _menu_item(text) and i not in listed for i, text in enumerate(lines) if i < first or i > last}
    if sum(item.values()) < MENU_ITEMS:  # menus hold items: too few in all, no menu (labels not read)
        return []
    runs: list[list[int]] = [[]]
    for i, text in enumerate(lines):
        if item.get(i) or (i in item and _menu_label(text)):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    menus = []
    for run in runs:
        items = [i for i in run if item[i]]
        if len(items) >= MENU_RUN:
            # Labels between items are submenu headings, and so is a label heading a menu after the
            # article; a label ending a menu is kept (it may be the title above the article).
            start = run[0] if run[0] > last else items[0]
            menus.append(run[run.index(start) : run.index(items[-1]) + 1])
    if sum(1 for run in menus for i in run if item[i]) < MENU_ITEMS:
        return []
    return [i for run in menus for i in run]
