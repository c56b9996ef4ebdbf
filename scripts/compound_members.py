"""Write `compound_members.txt` for each language with closed compounds: its stop words that are content
words making compounds at both ends ("tijd" in "tijdveld" and "weergavetijd", "Zeit" in "Zeitplan" and
"Arbeitszeit").

A stop list holds the most frequent words, and some of them are nouns, adjectives or numbers, not
grammar. Where compounds are written as one word, an unknown token split at one of those is a compound
far more often than two words glued. A stop word counts as one when the lexicon (wordfreq) holds at least
`--min` words made of it and a known word of four letters or more (zipf >= 3) in *each* order: grammatical words end inflected
forms by the hundreds ("-den", "-en") or start words by chance, but seldom do both; a word of
`function_words.txt` or `particles.txt` is never listed (those lists already decide). Read by
`cleaners.glue.split_uncased`. The threshold is read off the lexicon, not fitted on any bench set.

    python scripts/compound_members.py [--min 50] [--write]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cleanmedia import lang, resources

ROOT = Path(__file__).resolve().parent.parent / "src" / "cleanmedia" / "resources" / "languages"
HEADER = (
    "# {code}: stop words that are content words making compounds at both ends ({examples}): an unknown\n"
    "# lower-case word is not split at one of them as glue (written by scripts/compound_members.py --min {m})\n"
)

OPEN_HEADER = (
    "# {code}: compounds are not written as one word (closed_compounds = false): no stop word is listed\n"
    "# as a compound member (written by scripts/compound_members.py)\n"
)


def members(code: str, minimum: int) -> list[tuple[str, int, int]]:
    """(word, compounds where it is the head, where it is the modifier) for each stop word of `code`
    made into `minimum` compounds or more at both ends, most productive first."""
    profile = resources.profile(code)
    settled = profile.words("function_words.txt") | profile.words("particles.txt")
    stops = {s for s in resources.stopwords(code) if s not in settled and len(s) >= 3}
    table = lang.lexicon(code)
    known = {w for w, f in table.items() if f >= 1e-6 and len(w) >= 4 and w.isalpha()}
    head = dict.fromkeys(stops, 0)
    modifier = dict.fromkeys(stops, 0)
    for word, freq in table.items():
        if freq < 10 ** (1.5 - 9) or not word.isalpha():
            continue
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], word[cut:]
            if right in stops and left in known:
                head[right] += 1
            if left in stops and right in known:
                modifier[left] += 1
    found = [(s, head[s], modifier[s]) for s in stops if min(head[s], modifier[s]) >= minimum]
    return sorted(found, key=lambda row: (-min(row[1], row[2]), row[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=int, default=50)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    for folder in sorted(ROOT.iterdir()):
        code = folder.name
        if not (folder / "particles.txt").exists():
            continue  # no article language (no word lists)
        closed = resources.profile(code).closed_compounds
        rows = members(code, args.min) if closed else []
        print(code, [(w, h, m) for w, h, m in rows])
        if args.write:
            examples = ", ".join(w for w, _, _ in rows[:3]) or "none"
            header = HEADER if closed else OPEN_HEADER
            text = header.format(code=code, examples=examples, m=args.min) + "".join(f"{w}\n" for w, _, _ in rows)
            (folder / "compound_members.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
