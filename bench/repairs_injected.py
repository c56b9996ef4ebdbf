"""Damage is repaired: one defect injected per real paragraph, per kind, and the share repaired.

Paragraphs: `real_paragraphs.py` (article bodies of ../shared/bench, Debian Reference, Debian Handbook,
GNOME help; seven languages; or a held-out set of its own, `--fresh 3` the Debian installation guide,
`--fresh 4` the LibreOffice help). Grouped ten to a document in file order (document-level evidence, such as
a name's spelling elsewhere, needs company). For each kind, every paragraph where the kind can be
injected gets one defect at a place drawn with a fixed seed:

- `sentence_glue`    "word. Next" -> "wordNext"
- `punctuation_glue` "word. Next" -> "word.Next"
- `lowercase_glue`   "word next" -> "wordnext" (two adjacent lower-case words)
- `doubled`          "the" -> "the the" (a lower-case word of two to four letters)
- `inner_capital`    "YouTube" -> "Youtube" (a word starting with a capital, with an inner capital,
  that the document writes right at least once more; "eZ" -> "ez" would be all lower case, the form of
  addresses and handles, which brand_case leaves alone by design)

A paragraph is repaired when its output equals the output of the same document without the defect
(so typography and other edits of the clean text do not count for or against). Precision: of the
damaged paragraphs whose output the chain changed, the share changed into the right output. The chain
is the default one without furniture removal (`boilerplate`, `repeated_lines`: a paragraph removed as
furniture would break the alignment; furniture is measured elsewhere); the language is given, not
identified. Nothing here was used to write or tune the rules (report: docs/cleaners.md).

    python bench/repairs_injected.py --shared ../shared/bench [--per-source 400] [--cache /tmp/paras.json]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from real_paragraphs import add_arguments, load_from

from cleanmedia import DEFAULT_CHAIN, clean
from cleanmedia.cleaners.brands import has_inner_capital
from cleanmedia.document import LETTER_RUN

CHAIN = DEFAULT_CHAIN.without("boilerplate", "repeated_lines").text_only()
SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})\. (?=[^\W\d_])")
WORD = re.compile(r"[^\W\d_]+")

Injector = Callable[[str, random.Random, Counter[str]], str | None]


def _sentence_end(p: str, rng: random.Random, glue: str) -> str | None:
    spots = [m for m in SENTENCE_END.finditer(p) if p[m.end()].isupper() and p[m.start() - 1].islower()]
    if not spots:
        return None
    m = rng.choice(spots)
    return p[: m.start()] + glue + p[m.end() :]


def sentence_glue(p: str, rng: random.Random, doc_words: Counter[str]) -> str | None:
    return _sentence_end(p, rng, "")


def punctuation_glue(p: str, rng: random.Random, doc_words: Counter[str]) -> str | None:
    return _sentence_end(p, rng, ".")


def lowercase_glue(p: str, rng: random.Random, doc_words: Counter[str]) -> str | None:
    words = list(WORD.finditer(p))
    spots = [
        (a, b)
        for a, b in zip(words, words[1:], strict=False)
        if a.group().islower()
        and b.group().islower()
        and len(a.group()) >= 2
        and len(b.group()) >= 2
        and p[a.end() : b.start()] == " "
    ]
    if not spots:
        return None
    a, b = rng.choice(spots)
    return p[: a.end()] + p[b.start() :]


def doubled(p: str, rng: random.Random, doc_words: Counter[str]) -> str | None:
    spots = [
        m
        for m in WORD.finditer(p)
        if m.group().islower()
        and 2 <= len(m.group()) <= 4
        and (m.start() == 0 or p[m.start() - 1] == " ")
        and p[m.end() : m.end() + 1] == " "
    ]
    if not spots:
        return None
    m = rng.choice(spots)
    return p[: m.end()] + " " + m.group() + p[m.end() :]


def inner_capital(p: str, rng: random.Random, doc_words: Counter[str]) -> str | None:
    spots = [
        m
        for m in WORD.finditer(p)
        if m.group()[0].isupper() and has_inner_capital(m.group()) and doc_words[m.group()] >= 2
    ]  # names that start with a capital: "eZ" -> "ez" is all lower case, a form left alone by design
    if not spots:
        return None
    m = rng.choice(spots)
    word = m.group()
    doc_words[word] -= 1  # the right form must stay at least once elsewhere in the document
    return p[: m.start()] + word[0] + word[1:].lower() + p[m.end() :]


KINDS: dict[str, Injector] = {
    "sentence_glue": sentence_glue,
    "punctuation_glue": punctuation_glue,
    "lowercase_glue": lowercase_glue,
    "doubled": doubled,
    "inner_capital": inner_capital,
}
TARGETS = {
    "sentence_glue": 0.90,
    "punctuation_glue": 0.90,
    "lowercase_glue": 0.60,
    "doubled": 0.90,
    "inner_capital": 0.85,
}


def blocks(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


def score(paragraphs: list[str], lang: str, kind: str, seed: int, misses: list[str]) -> tuple[int, int, int]:
    """(injected, repaired, changed) over the documents of ten paragraphs."""
    injected = repaired = changed = 0
    for d in range(0, len(paragraphs), 10):
        group = paragraphs[d : d + 10]
        doc_words = Counter(w for p in group for w in LETTER_RUN.findall(p))
        rng = random.Random(f"{seed}:{lang}:{kind}:{d}")
        damaged = [KINDS[kind](p, rng, doc_words) for p in group]
        if not any(damaged):
            continue
        reference = blocks(clean("\n\n".join(group) + "\n", lang=lang, chain=CHAIN))
        dmg_input = [x or p for x, p in zip(damaged, group, strict=True)]
        output = blocks(clean("\n\n".join(dmg_input) + "\n", lang=lang, chain=CHAIN))
        if len(reference) != len(group) or len(output) != len(group):
            continue  # a paragraph split or joined by layout: not comparable
        for i, x in enumerate(damaged):
            if x is None:
                continue
            injected += 1
            if output[i] == reference[i]:
                repaired += 1
            elif sum(m.startswith(f"{lang} {kind}:") for m in misses[-40:]) < 20:
                misses.append(f"{lang} {kind}: {_diff(reference[i], output[i])}")
            if output[i] != x:
                changed += 1
    return injected, repaired, changed


def _diff(damaged: str, output: str) -> str:
    """The first differing stretch between the right output and the output, for a reader."""
    a, b = damaged.split(), output.split()
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return " ".join(a[max(0, i - 3) : i + 3]) + "  =>  " + " ".join(b[max(0, i - 3) : i + 3])
    return " ".join(a[-4:]) + " (unchanged)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_arguments(parser)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--langs", default="en,de,fr,es,it,pt,nl")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--misses", type=Path, help="write the paragraphs not repaired to this file")
    args = parser.parse_args()
    data = load_from(args)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: list[str] = []
    kinds = args.kinds.split(",")
    print(f"{'lang':4s} " + " ".join(f"{k:>22s}" for k in kinds))
    for lang in args.langs.split(","):
        paragraphs = [p for ps in data.get(lang, {}).values() for p in ps]
        row = []
        for kind in kinds:
            injected, repaired, changed = score(paragraphs, lang, kind, args.seed, misses)
            t = totals[kind]
            t[0] += injected
            t[1] += repaired
            t[2] += changed
            row.append(f"{repaired:4d}/{injected:4d} {_rate(repaired, injected)} p{_rate(repaired, changed)}")
        print(f"{lang:4s} " + " ".join(f"{c:>22s}" for c in row))
    print(
        "all  "
        + " ".join(f"{_rate(t[1], t[0]) + ' p' + _rate(t[1], t[2]):>22s}" for t in (totals[k] for k in kinds))
    )
    print("target " + " ".join(f"{k}>={TARGETS[k]:.2f}" for k in kinds))
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")


def _rate(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


if __name__ == "__main__":
    main()
