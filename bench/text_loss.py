"""Where text-mode F1 is lost: the furniture lines that stay and the article lines that go, by kind.

For every page of the shared sets, the lines the furniture step sees (the chain up to `lines`, as
`scripts/train_lines.py` labels them: *article* when the line's tokens are a stretch of `articleBody`)
are decided by the shipped line model (`lines.decide`, every round, on every page: the dump chain's
decision). Each furniture line that stays is put in one *kind* by its shape and in one *place* by where it
sits against the article's core (`lines._core`), and is given the *reason* it stays (the guard of
`lines.kept` that holds it, or `lines.held`'s headline and list guards, else the model's score). Printed per set, in tokens:

- the F1 ceilings (mean page F1 of bag-of-words, lines as the step sees them): the raw lines; the model's
  decision; every furniture line removed that no guard holds (what a perfect score could reach with
  today's guards); every furniture line removed (the labels' ceiling);
- the furniture tokens that stay, by reason, and the largest kind x place cells;
- the article tokens that go, by kind.

Kinds, by shape only (no words, no sites): *long prose* (the model's prose: a sentence end, ten words or
80 characters); *sentence* (a sentence end and four words or more: captions, teasers, prompts); *short
line in a run* (five words or fewer, no sentence end, among three or more such lines: menus, link lists);
*short line alone* (the same, alone or in a pair); *long unpunctuated line* (six words or more without a
sentence end: teaser and related-article titles).

    python bench/text_loss.py ../shared/bench [--sets modern] [--cache /tmp/cleanmedia-textmode]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from cleanmedia.cleaners import lines
from cleanmedia.resources import profile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from text_mode import SETS  # noqa: E402
from train_lines import TOKEN, labelled_pages  # noqa: E402

GUARDS = (
    "prose",
    "in the core",
    "list item",
    "colon",
    "sentence of 3+ words",
    "heading before prose or list",
)


def kind(x: Sequence[float]) -> str:
    """The line's kind by its shape (module docstring)."""
    words = round(math.expm1(x[lines.LOG_WORDS]))
    if x[lines.PROSE]:
        return "long prose"
    if x[lines.ENDS] and words >= 4:
        return "sentence"
    if words <= 5:
        run = round(math.expm1(x[lines.FEATURES.index("log_short_run")]))
        return "short line in a run" if run >= 3 else "short line alone"
    return "long unpunctuated line"


def place(x: Sequence[float]) -> str:
    """Where the line sits: in the article's core, before the first prose, after the last, or between."""
    if x[lines.IN_CORE]:
        return "in core"
    if x[lines.FEATURES.index("before_prose")]:
        return "before prose"
    if x[lines.FEATURES.index("after_prose")]:
        return "after prose"
    return "between prose"


def reason(x: Sequence[float], before_list: bool) -> str:
    """The guard of `lines.kept` that holds the line (the first that applies), else "score"."""
    if not lines.kept(x, before_list):
        return "score"
    tests = (
        x[lines.PROSE],
        x[lines.IN_CORE],
        x[lines.LIST_ITEM],
        x[lines.COLON_END],
        x[lines.ENDS] and x[lines.LOG_WORDS] >= lines.SENTENCE_LOG_WORDS,
        True,
    )
    return next(g for g, hit in zip(GUARDS, tests, strict=True) if hit)


def page_f1(tokens: list[list[str]], keep: Sequence[bool], body: Counter[str]) -> float:
    out = Counter(t for toks, k in zip(tokens, keep, strict=True) if k for t in toks)
    common = sum((out & body).values())
    return 2 * common / (sum(out.values()) + sum(body.values())) if common else 0.0


def report(bench: Path, name: str, cache: Path) -> None:
    from text_mode import load_set

    bodies = {
        p.id: Counter(TOKEN.findall(p.body.lower())) for p in load_set(bench, name, cache / "dumps", None)
    }
    model = lines.shipped_model()
    ceilings: dict[str, float] = dict.fromkeys(
        ("raw lines", "line model", "guards' ceiling", "labels' ceiling"), 0.0
    )
    stays: Counter[str] = Counter()
    cells: Counter[tuple[str, str]] = Counter()
    lost: Counter[str] = Counter()
    furniture = article = pages = 0
    for page_id, texts, code, labels, counts in labelled_pages(bench, name, cache):
        known = code if profile(code).known else None
        rows = lines.features(texts, known)
        gone = lines.decide(texts, known, model)
        tokens = [TOKEN.findall(t.lower()) for t in texts]
        hold = lines.held(rows)
        guarded = [
            j in hold or reason(x, j + 1 < len(rows) and bool(rows[j + 1][lines.LIST_ITEM])) != "score"
            for j, x in enumerate(rows)
        ]
        body = bodies[page_id]
        n = len(texts)
        ceilings["raw lines"] += page_f1(tokens, [True] * n, body)
        ceilings["line model"] += page_f1(tokens, [i not in gone for i in range(n)], body)
        ceilings["guards' ceiling"] += page_f1(
            tokens, [bool(y) or g for y, g in zip(labels, guarded, strict=True)], body
        )
        ceilings["labels' ceiling"] += page_f1(tokens, [bool(y) for y in labels], body)
        pages += 1
        for i, (x, y, c) in enumerate(zip(rows, labels, counts, strict=True)):
            if y:
                article += c
                if i in gone:
                    lost[kind(x)] += c
                continue
            furniture += c
            if i not in gone:
                why = reason(x, i + 1 < n and bool(rows[i + 1][lines.LIST_ITEM]))
                stays["headline or list after a colon" if why == "score" and i in hold else why] += c
                cells[kind(x), place(x)] += c
    print(
        f"{name}: {pages} pages, {article} article and {furniture} furniture tokens in the lines the step sees"
    )
    print("  mean page F1: " + ", ".join(f"{k} {v / pages:.3f}" for k, v in ceilings.items()))
    print(
        f"  furniture staying: {sum(stays.values()) / furniture:.1%}; by reason: "
        + ", ".join(f"{k} {v / furniture:.1%}" for k, v in stays.most_common())
    )
    for (k, w), v in cells.most_common(8):
        print(f"    {v / furniture:6.1%}  {k:24s} {w}")
    print(
        f"  article removed: {sum(lost.values()) / article:.2%}; by kind: "
        + ", ".join(f"{k} {v / article:.2%}" for k, v in lost.most_common())
    )
    print(flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleanmedia-textmode"))
    args = parser.parse_args()
    for name in args.sets:
        report(args.bench, name, args.cache)


if __name__ == "__main__":
    main()
