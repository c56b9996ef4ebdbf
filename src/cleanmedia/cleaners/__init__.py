"""The cleaners, one module each, and the default chain that runs them in order."""

from __future__ import annotations

from cleanmedia.chain import Chain
from cleanmedia.cleaners.boilerplate import Boilerplate
from cleanmedia.cleaners.brands import BrandCase
from cleanmedia.cleaners.currency import CurrencyOrder
from cleanmedia.cleaners.doubled import DoubledWords
from cleanmedia.cleaners.elision import Elision
from cleanmedia.cleaners.entities import Entities
from cleanmedia.cleaners.flags import Flags
from cleanmedia.cleaners.glue import GluedWords
from cleanmedia.cleaners.heading_case import HeadingCase
from cleanmedia.cleaners.layout import Controls, Layout
from cleanmedia.cleaners.lines import Lines
from cleanmedia.cleaners.mojibake import Mojibake
from cleanmedia.cleaners.sentences import SentenceCapital
from cleanmedia.cleaners.spacing import PunctuationGlue
from cleanmedia.cleaners.stranded import StrandedWords
from cleanmedia.cleaners.titles import RepeatedLines
from cleanmedia.cleaners.typography import Typography

__all__ = [
    "CONSERVATIVE_CHAIN",
    "DEFAULT_CHAIN",
    "DUMP_CHAIN",
    "FURNITURE",
    "REPAIRS",
    "Boilerplate",
    "BrandCase",
    "Controls",
    "CurrencyOrder",
    "DoubledWords",
    "Elision",
    "Entities",
    "Flags",
    "GluedWords",
    "HeadingCase",
    "Layout",
    "Lines",
    "Mojibake",
    "PunctuationGlue",
    "RepeatedLines",
    "SentenceCapital",
    "StrandedWords",
    "Typography",
]

#: The repairs inside the article (what bench/clean_text_stability.py counts as changing clean text).
REPAIRS = (
    "punctuation_glue",
    "glued_words",
    "doubled_words",
    "stranded_words",
    "brand_case",
    "elision",
    "sentence_capital",
    "currency_order",
    "heading_case",
)

#: The steps that remove whole lines as page furniture (menus, notices, teaser lists, a copy of the
#: title). `CONSERVATIVE_CHAIN` keeps them: a rule's mistake loses a line there too (a poem read as a
#: teaser list); `CONSERVATIVE_CHAIN.without(*FURNITURE)` keeps every line.
FURNITURE = ("boilerplate", "lines", "repeated_lines")

#: The default order (docs/cleaners.md says why): mojibake first (the soft hyphens and C1 controls
#: `controls` would remove are its evidence), characters, then furniture out, then repairs inside the article (glue before
#: casing, casing before elision), typography, flags on the final words, and layout once more.
DEFAULT_CHAIN = Chain(
    [
        Mojibake(),
        Controls(),
        Entities(),
        Layout(),
        Boilerplate(),
        Lines(dumps_only=True),
        PunctuationGlue(),
        GluedWords(),
        DoubledWords(),
        StrandedWords(),
        BrandCase(),
        Elision(),
        SentenceCapital(),
        CurrencyOrder(),
        HeadingCase(),
        Typography(),
        RepeatedLines(),
        Flags(),
        Layout("final_layout"),
    ]
)

#: Characters, furniture, typography and flags only: no repair that changes, splits or joins a word.
#: For corpora whose words must stay exactly as published (quotations, legal text, evaluation sets)
#: or where a rare wrong repair costs more than the damage it fixes. It still removes furniture, whole
#: lines, by the same rules as the default chain (`FURNITURE`), mistakes included.
CONSERVATIVE_CHAIN = DEFAULT_CHAIN.without(*REPAIRS)

#: For full-page text dumps (every text node of a page, one per line) whatever their shape: the default
#: chain with the line model on every text, not only on those that look like dumps (`lines.looks_like_dump`:
#: 30 lines or more, 40% of them short and unpunctuated). Figures in docs/cleaners.md, "lines".
DUMP_CHAIN = DEFAULT_CHAIN.replace("lines", Lines())
