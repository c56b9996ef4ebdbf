"""Currency written in English order in another language: "$ 500 miliardi" -> "500 miliardi di dollari".

Per-language tables (symbol, plural, singular, the "of" after a magnitude word, magnitudes) are data.
Only where the document itself shows the damage: it writes amounts in the language's own order
elsewhere ("20 millions de dollars", "5 dólares"). A text that writes "$5 millones" throughout uses
the symbol as its readers do ("$" is not always the US dollar) and is left alone. Where the symbol
stands for other currencies in countries that speak the language (the table's last column: "$" is the
peso in most of Latin America, the escudo in Cape Verde), the amount is only flagged with its likely
reading, never rewritten: "$ 500 millones" beside "millones de dólares" may be a Mexican text's pesos,
and reordering it would state a currency the source did not.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from cleanmedia import resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit

Row = tuple[
    str, str, str, str, regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], regex.Pattern[str] | None
]


class CurrencyOrder(Cleaner):
    name = "currency_order"
    word_level = True  # kept off mojibake it did not repair (see Chain.run)
    reasons = ("currency.order",)

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        rows, goes_on = _rows(doc.lang or "")
        for symbol, plural, singular, of, pattern, native, range_, shared in rows:
            if not native.search(doc.text):
                continue  # the document never writes the language's own order: "$5 millones" is its usage
            matches = list(pattern.finditer(doc.text))
            if _names_another(doc.text, matches, goes_on, {plural, singular}):
                continue  # "$ 20 millones de pesos": here the symbol is not (only) this currency's
            for m in matches:
                number, magnitude = m.group(1), m.group(2)
                if goes_on.match(doc.text, m.end()) or (not magnitude and range_.match(doc.text, m.end())):
                    continue  # "$ 10 mil millones", "$ 300 millones de pesos", "de $ 5 a $ 7 millones"
                if magnitude:
                    joiner = of if of.endswith("'") else of + " "
                    after = f"{number} {magnitude} {joiner}{plural}"
                else:
                    after = f"{number} {singular if number in ('1', '0') else plural}"
                if shared:  # "$" is the peso's sign too where the language is spoken: a fact to check
                    yield doc.mark(
                        m.start(), m.end(), "currency.order", f"{symbol} may not be {plural}: {after!r}?"
                    )
                else:
                    yield doc.change(
                        m.start(),
                        m.end(),
                        after,
                        "currency.order",
                        f"{symbol} amount in {doc.lang} word order",
                    )


def _names_another(
    text: str, matches: list[regex.Match[str]], goes_on: regex.Pattern[str], own: set[str]
) -> bool:
    """Whether the document writes the symbol before an amount that names a currency other than `own`
    ("$ 5.000 pesos", "$ 20 millones de pesos chilenos"): "$" is the peso's sign too, so the document
    itself says the symbol is not the dollar, and none of its bare "$" amounts may be read as dollars."""
    for m in matches:
        named = goes_on.match(text, m.end())
        if named and named.group("name") and named.group("name").lower() not in own:
            return True
    return False


@cache
def _rows(lang: str) -> tuple[list[Row], regex.Pattern[str]]:
    """(symbol, plural, singular, "of", symbol-first pattern, the language's own order, a range, the other
    currencies the symbol stands for, or None) for each currency of the language's table (built once), and what tells that an amount goes on after a match: another
    magnitude, or a currency already named, in any language's data ("$ 300 millones de pesos"; the
    `name` group). Such an amount is left as written: it says its currency, or rewriting part of it would
    garble it."""
    rows: list[Row] = []
    words: set[str] = set()  # currency names
    magnitude_words: set[str] = set()
    ofs: set[str] = set()
    for code in resources.LANGUAGES:  # a currency named in any language ends an amount ("de pesos")
        words.update(w for r in resources.profile(code).table("currency.tsv") for w in r[1:3])
        words.update(resources.profile(code).words("currency_names.txt"))
    for row in resources.profile(lang).table("currency.tsv"):
        symbol, plural, singular, of, magnitudes = row[0], row[1], row[2], row[3], row[4].split()
        others = [w for w in row[5].split() if w != "-"]
        shared = (  # the other currencies the symbol stands for (the pattern finds their names)
            regex.compile(
                rf"(?<!\p{{L}})(?:{'|'.join(map(regex.escape, others))})(?!\p{{L}})", regex.IGNORECASE
            )
            if others
            else None
        )
        magnitude_words.update(magnitudes)
        ofs.add(of)
        mags = "|".join(sorted(map(regex.escape, magnitudes), key=len, reverse=True))
        pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}]){regex.escape(symbol)} ?(\d+(?:[., \u00a0\u202f]\d+)*)(?: ({mags}))?(?![\p{{L}}\p{{N}}]|[.,]\d)"
        )
        joiner = regex.escape(of if of.endswith("'") else of + " ")
        native = regex.compile(  # "5 dollari", "500 miliardi di dollari", "decine di miliardi di dollari"
            rf"(?<![\p{{L}}])(?:\d[\d., \u00a0\u202f]*(?: (?:{mags}))?|(?:{mags})) (?:{joiner})?"
            rf"(?:{regex.escape(plural)}|{regex.escape(singular)})(?!\p{{L}})"
        )
        range_ = regex.compile(  # "de $ 5 a $ 7 millones": the magnitude of the second is the first's too
            rf" \p{{L}}{{1,3}} (?:{regex.escape(symbol)} ?)?\d[\d., \u00a0\u202f]*(?:{mags})(?!\p{{L}})"
        )
        rows.append((symbol, plural, singular, of, pattern, native, range_, shared))
    named = "|".join(sorted(map(regex.escape, words), key=len, reverse=True)) or "(?!)"
    more = "|".join(sorted(map(regex.escape, magnitude_words), key=len, reverse=True)) or "(?!)"
    joiners = "|".join(sorted((regex.escape(o.rstrip("'")) for o in ofs), key=len, reverse=True)) or "(?!)"
    goes_on = regex.compile(
        rf" (?:(?:{joiners})['’ ] ?)?(?:(?P<name>{named})|(?:{more}))(?!\p{{L}})", regex.IGNORECASE
    )
    return rows, goes_on
