"""Fill the fourth and fifth columns of `resources/common/alphabets.tsv`: how often each letter of a
language's alphabet (beyond ASCII) occurs inside a word (fourth) and as its last letter (fifth), per
mille of all those letters' occurrences, from wordfreq's word frequencies (the 50,000 most frequent
words, each letter counted by its word's frequency): Italian "è" ends words, Slovene "č" rarely does.
A language wordfreq has no list for gets "-" (its letters count as equally frequent, anywhere). Serbian and Croatian are
one list in wordfreq ("sh", in Latin script): Croatian takes it, Cyrillic Serbian gets "-". Romanian's
s and t with a cedilla (what Windows-1250 and ISO 8859-2 have) are counted with their comma forms,
which they stand for.

    python scripts/alphabet_frequencies.py   # rewrites the table in place
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import wordfreq

TABLE = Path(__file__).resolve().parent.parent / "src/cleanmedia/resources/common/alphabets.tsv"
WORDFREQ_CODE = {"hr": "sh"}
SAME_LETTER = {"ş": "ș", "ţ": "ț"}


def frequencies(code: str, letters: str) -> tuple[str, str]:
    lang = WORDFREQ_CODE.get(code, code)
    if lang not in wordfreq.available_languages("best"):
        return "-", "-"
    counts: dict[tuple[str, bool], float] = defaultdict(float)
    for word in wordfreq.top_n_list(lang, 50000):
        weight = wordfreq.word_frequency(word, lang)
        lower = word.lower()
        for i, c in enumerate(lower):
            if c in letters:
                counts[c, i == len(lower) - 1] += weight
    for alias, letter in SAME_LETTER.items():
        if alias in letters and letter in letters:
            for final in (False, True):  # the comma forms are the standard ones
                counts[alias, final] = counts[letter, final] / 2
    total = sum(counts.values()) or 1.0
    return tuple(  # type: ignore[return-value]
        " ".join(str(max(1, round(1000 * counts[c, final] / total))) for c in letters)
        for final in (False, True)
    )


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    out = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            out.append(line)
            continue
        code, letters, pages = line.split("\t")[:3]
        out.append("\t".join((code, letters, pages, *frequencies(code, letters))))
    TABLE.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
