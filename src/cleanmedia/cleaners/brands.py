"""Brand and entity casing by consensus: "Openai" and "ChatGpt" become the document's "OpenAI", "ChatGPT".

Evidence, strongest first:
- a glossary of canonical names the user gives (or learnt over a batch with `BrandCase.fit`);
- the document itself: among the spellings of one name, the one with inner capitals wins (never an
  ALL-CAPS headline form; all-lowercase forms such as URLs and handles are left alone).
Then two repairs that need more care, each made only when the evidence is unambiguous:
- a variant one letter off ("Openi") that is unknown to the lexicons, close to exactly one canonical name;
- a reordered translated form ("Copilote GitHub") when the document also has "GitHub Copilot".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import regex

from cleanmedia.document import Document, Edit
from cleanmedia.lang import zipf

INNER_CAPITAL = regex.compile(r"^\p{L}+\p{Ll}\p{Lu}|^\p{Lu}{2,}\p{Ll}|^\p{Ll}+\p{Lu}")
#: Names are compared as runs of letters: "d'Openai" holds "Openai", "Microsoft-OpenAI" holds both.
WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{L}[\p{L}\p{M}]*")
CAPITALISED_PAIR = regex.compile(r"(?<![\p{L}\-])(\p{Lu}\p{Ll}+) (\p{L}*\p{Lu}\p{L}*)(?![\p{L}\-])")


def has_inner_capital(word: str) -> bool:
    """OpenAI, ChatGPT, iPhone, SoftBank: a capital after a lowercase letter, not all caps."""
    return not word.isupper() and bool(INNER_CAPITAL.match(word)) and word.isalpha()


def one_edit_apart(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or substituted letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


class BrandCase:
    """Spells each name the way the document (or the glossary) spells it with inner capitals."""

    name = "brand_case"

    def __init__(self, glossary: Iterable[str] = (), *, near_variants: bool = True, reorder: bool = True) -> None:
        self.glossary = {name.lower(): name for name in glossary}
        self.near_variants = near_variants
        self.reorder = reorder

    @classmethod
    def fit(cls, texts: Iterable[str], min_count: int = 2, **options: bool) -> BrandCase:
        """Learn canonical names over a batch: each inner-capital spelling seen `min_count` times or more."""
        seen: Counter[str] = Counter()
        for text in texts:
            seen.update(w for w in WORD.findall(text) if has_inner_capital(w))
        best: dict[str, tuple[int, str]] = {}
        for word, count in seen.items():
            key = word.lower()
            if count >= min_count and (key not in best or count > best[key][0]):
                best[key] = (count, word)
        return cls((w for _, w in best.values()), **options)

    def canonical_names(self, text: str) -> dict[str, str]:
        counts = Counter(w for w in WORD.findall(text) if has_inner_capital(w))
        names: dict[str, str] = {}
        for word, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            names.setdefault(word.lower(), word)
        names.update(self.glossary)
        return names

    def edits(self, doc: Document) -> Iterator[Edit]:
        text = doc.text
        names = self.canonical_names(text)
        if not names:
            return
        code = doc.lang or "en"
        taken: list[tuple[int, int]] = []
        if self.reorder:
            for m in CAPITALISED_PAIR.finditer(text, overlapped=True):
                fix = self._reordered(m.group(1), m.group(2), text, names)
                if fix and not any(s < m.end() and m.start() < e for s, e in taken):
                    taken.append(m.span())
                    yield doc.change(m.start(), m.end(), fix, "brand.reordered", "translated name in source order")
        near = {k: v for k, v in names.items() if len(k) >= 5}
        for m in WORD.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            word = m.group()
            if not word[:1].isupper() or word.isupper() or not word.isalpha():
                continue
            canonical = names.get(word.lower())
            if canonical is not None and canonical != word:
                yield doc.change(m.start(), m.end(), canonical, "brand.casing", f"spelt {canonical} elsewhere")
            elif canonical is None and self.near_variants and len(word) >= 5 and not has_inner_capital(word):
                fix = self._near(word, near, code)
                if fix:
                    yield doc.change(m.start(), m.end(), fix, "brand.variant", f"one letter off {fix}, unknown word")

    @staticmethod
    def _near(word: str, names: dict[str, str], code: str) -> str | None:
        key = word.lower()
        if zipf(key, code) > 0 or zipf(key, "en") > 0:
            return None
        matches = {v for k, v in names.items() if one_edit_apart(key, k)}
        return matches.pop() if len(matches) == 1 else None

    @staticmethod
    def _reordered(first: str, second: str, text: str, names: dict[str, str]) -> str | None:
        """"Copilote GitHub" -> "GitHub Copilot" when the document has that pair, one letter off."""
        if not has_inner_capital(second) or names.get(second.lower()) != second:
            return None
        pattern = regex.compile(rf"(?<![\p{{L}}]){regex.escape(second)} (\p{{Lu}}\p{{Ll}}+)(?![\p{{L}}])")
        found = {m.group(1) for m in pattern.finditer(text)}
        close = {w for w in found if w != first and (one_edit_apart(w.lower(), first.lower()) or first.lower().startswith(w.lower()))}
        return f"{second} {close.pop()}" if len(close) == 1 else None
