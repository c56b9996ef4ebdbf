"""Currency written in English order in another language: "$ 500 miliardi" -> "500 miliardi di dollari".

Per-language tables (symbol, plural, singular, the "of" after a magnitude word, magnitudes) are data.
Only where the document itself shows the damage: it writes amounts in the language's own order
elsewhere ("20 millions de dollars", "5 dólares"). A text that writes "$5 millones" throughout uses
the symbol as its readers do ("$" is not always the US dollar) and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit


class CurrencyOrder(Cleaner):
    name = "currency_order"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("currency.order",)

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        for symbol, plural, singular, of, pattern, native in _rows(doc.lang or ""):
            if not native.search(doc.text):
                continue  # the document never writes the language's own order: "$5 millones" is its usage
            for m in pattern.finditer(doc.text):
                number, magnitude = m.group(1), m.group(2)
                if magnitude:
                    joiner = of if of.endswith("'") else of + " "
                    after = f"{number} {magnitude} {joiner}{plural}"
                else:
                    after = f"{number} {singular if number in ('1', '0') else plural}"
                yield doc.change(
                    m.start(), m.end(), after, "currency.order", f"{symbol} amount in {doc.lang} word order"
                )


@cache
def _rows(lang: str) -> list[tuple[str, str, str, str, regex.Pattern[str], regex.Pattern[str]]]:
    """(symbol, plural, singular, "of", symbol-first pattern, the language's own order) for each currency of
    the language's table (built once)."""
    rows = []
    for row in resources.profile(lang).table("currency.tsv"):
        symbol, plural, singular, of, magnitudes = row[0], row[1], row[2], row[3], row[4].split()
        mags = "|".join(sorted(map(regex.escape, magnitudes), key=len, reverse=True))
        pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}]){regex.escape(symbol)} ?(\d+(?:[., \u00a0\u202f]\d+)*)(?: ({mags}))?(?![\p{{L}}\p{{N}}]|[.,]\d)"
        )
        joiner = regex.escape(of if of.endswith("'") else of + " ")
        native = regex.compile(  # "5 dollari", "500 miliardi di dollari", "decine di miliardi di dollari"
            rf"(?<![\p{{L}}])(?:\d[\d., \u00a0\u202f]*(?: (?:{mags}))?|(?:{mags})) (?:{joiner})?"
            rf"(?:{regex.escape(plural)}|{regex.escape(singular)})(?!\p{{L}})"
        )
        rows.append((symbol, plural, singular, of, pattern, native))
    return rows
