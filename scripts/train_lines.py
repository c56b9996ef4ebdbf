"""Fit the line model (`cleanmedia.cleaners.lines`) on the shared page sets, leave-one-set-out and on all.

Each page's full text dump (`bench/text_mode.py` makes and caches them) goes through the chain up to the
furniture step (the default chain up to `lines`: what the line model sees), and each line left
is labelled: *article* when its tokens, in order, are a stretch of the page's `articleBody` (or, for a
line of five tokens or more, when 90% of its tokens are in it: spacing and punctuation differ), else
*furniture*. A logistic regression (scikit-learn, a development dependency only) is fitted on the
features of `lines.features`, each line weighted by the square root of its tokens. The threshold is the
highest p(article) under which the article tokens removed stay within `--budget` on *every* training
set; lines of a set count by their tokens, as the benchmark does.

Written: `DIR/without-<set>.json` for each set (fitted on the three others) and `DIR/all.json` (on
all four); `--ship` copies `all.json` to `src/cleanmedia/resources/common/line_model.json`. Printed: for each
set, the share of article and furniture tokens the held-out and the in-sample model remove.

    pip install scikit-learn
The block threshold (`--block-budget`) and the region threshold (`--region-budget`: the highest under
which cutting each dump to its main region, `lines.main_region`, removes at most that much more of the
article's tokens than the model and its blocks on every training set) are fitted after the trees;
`--blocks-only` and `--region-only` keep the trees of DIR (and the shipped one for all four).

    python scripts/train_lines.py ../shared/bench [--out /tmp/lines-loso] [--budget 0.01] [--ship]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np

from cleanmedia import clean_and_explain
from cleanmedia.chain import Chain
from cleanmedia.cleaners import DUMP_CHAIN
from cleanmedia.cleaners.lines import (
    ENDS,
    FEATURES,
    LIST_ITEM,
    LOG_WORDS,
    PROSE,
    REGION_RUN,
    SENTENCE_LOG_WORDS,
    _core,
    blocks,
    features,
    held,
    kept,
    looks_like_dump,
    main_region,
    region_hold,
    stretch,
)
from cleanmedia.resources import profile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from text_mode import SETS, load_set  # noqa: E402

TOKEN = re.compile(r"\w+")
SLACK = 40
TREES, DEPTH = 100, 3
#: Directions the trees may not reverse, by reasoning, not by fit: the less prose a page has and the more
#: of its lines are short, the more its short lines are the article (a listing, an index, a catalogue,
#: a table one cell per line). Unconstrained, trees fitted on the news sets learnt the opposite there
#: ("little prose: furniture") and took modern's listing pages held out.
MONOTONIC = {"page_prose_share": -1, "page_short_share": 1}
#: (features, labels 1 = article, tokens, page number, lines the guards keep, the number of the teaser
#: list or comment thread a line is in (-1: none), lines `held` keeps even there, lines of a text that
#: `looks_like_dump`): one row per line.
Table = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]
PREFIX = Chain(list(DUMP_CHAIN)[: DUMP_CHAIN.names.index("lines")])  # what `lines` is given


def labelled_pages(
    bench: Path, name: str, cache: Path
) -> list[tuple[str, list[str], str | None, list[int], list[int]]]:
    """Per page of the set: its id, the lines the furniture step sees, the text's language, each line's
    label (1 = article) and its tokens. The lines are cached under `cache` (the chain prefix is the slow part)."""
    stored = cache / f"prefix-{name}.json"
    known: dict[str, tuple[list[str], str | None]] = (
        json.loads(stored.read_text(encoding="utf-8")) if stored.exists() else {}
    )
    pages = []
    for page in load_set(bench, name, cache / "dumps", None):
        if page.id not in known:
            result = clean_and_explain(page.dump, input_format="text", chain=PREFIX)
            known[page.id] = ([t.strip() for t in result.text.split("\n") if t.strip()], result.metadata.lang)
            print(f"  {name} {page.id}", end="\r", file=sys.stderr)
        texts, code = known[page.id]
        if texts:
            pages.append((page.id, texts, code, *align(texts, TOKEN.findall(page.body.lower()))))
    stored.write_text(json.dumps(known), encoding="utf-8")
    return pages


def align(texts: list[str], body: list[str]) -> tuple[list[int], list[int]]:
    """Labels (1 = article) and token counts of `texts` against the article's tokens `body`, in order.

    A line is article when its tokens are a stretch of the article: a line of five tokens or more
    anywhere (or 90% of its tokens in the article: spacing and punctuation differ), a shorter one only
    within `SLACK` tokens after where the last article line matched ("About" in a menu is not the
    "about" of the third paragraph).
    """
    joined = " " + " ".join(body) + " "
    starts = [0] * (len(joined) + 1)  # character offset -> token index
    k = 0
    for i, ch in enumerate(joined):
        starts[i] = k
        if ch == " ":
            k += 1
    vocab = set(body)
    offsets = [0]
    for t in body:
        offsets.append(offsets[-1] + len(t) + 1)
    ptr = 0  # token index where the article continues
    labels, counts = [], []
    for text in texts:
        toks = TOKEN.findall(text.lower())
        needle = f" {' '.join(toks)} "
        found = -1
        if toks:
            here = joined.find(needle, offsets[ptr])
            if here >= 0 and (len(toks) >= 5 or starts[here] - ptr <= SLACK):
                found = here
            elif len(toks) >= 5:
                found = joined.find(needle)
        article = found >= 0 or (len(toks) >= 5 and sum(t in vocab for t in toks) >= 0.9 * len(toks))
        if found >= 0:
            ptr = starts[found] + len(toks)
        labels.append(int(article))
        counts.append(len(toks))
    return labels, counts


def line_table(bench: Path, name: str, cache: Path) -> Table:
    """The `Table` of every line the furniture step sees in the set's dumps."""
    xs: list[list[float]] = []
    ys: list[int] = []
    ns: list[int] = []
    pages: list[int] = []
    guarded: list[bool] = []
    in_block: list[int] = []
    holds: list[bool] = []
    dump: list[bool] = []
    for number, (_, texts, code, labels, counts) in enumerate(labelled_pages(bench, name, cache)):
        known = code if profile(code).known else None
        rows = features(texts, known)
        xs += rows
        ys += labels
        ns += counts
        pages += [number] * len(rows)
        guarded += [kept(x, j + 1 < len(rows) and bool(rows[j + 1][LIST_ITEM])) for j, x in enumerate(rows)]
        found, keep = blocks(texts, rows), held(rows)
        numbers = {start: len(in_block) + start for start in {b.start for b in found.values()}}
        in_block += [numbers[found[j].start] if j in found else -1 for j in range(len(rows))]
        holds += [j in keep for j in range(len(rows))]
        dump += [looks_like_dump(texts)] * len(rows)
    return (
        np.array(xs),
        np.array(ys),
        np.array(ns),
        np.array(pages),
        np.array(guarded),
        np.array(in_block),
        np.array(holds),
        np.array(dump),
    )


def fit(tables: list[Table], budget: float, kind: str) -> dict[str, Any]:
    """The model fitted on `tables`, its threshold the highest keeping every table within `budget`."""
    # scikit-learn is a development dependency (`pip install -e ".[train]"`): imported where it fits
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([t[0] for t in tables])
    y = np.concatenate([t[1] for t in tables])
    weight = np.sqrt(np.maximum(np.concatenate([t[2] for t in tables]), 1))
    mean = x.mean(axis=0)
    model: dict[str, Any] = {"features": list(FEATURES), "means": [round(float(m), 5) for m in mean]}
    if kind == "trees":
        gbm = HistGradientBoostingClassifier(
            max_iter=TREES,
            max_depth=DEPTH,
            learning_rate=0.15,
            random_state=0,
            monotonic_cst=[MONOTONIC.get(f, 0) for f in FEATURES],
        )
        gbm.fit(x, y, sample_weight=weight)
        model["bias"] = float(np.ravel(gbm._baseline_prediction)[0])
        model["trees"] = [_tree(predictor[0].nodes) for predictor in gbm._predictors]
    else:
        scale = x.std(axis=0) + 1e-9
        clf = LogisticRegression(C=1.0, max_iter=2000)
        clf.fit((x - mean) / scale, y, sample_weight=weight)
        model["weights"] = [round(float(w), 6) for w in clf.coef_[0] / scale]  # folded: bias + w·x on raw x
        model["bias"] = round(float(clf.intercept_[0] - (clf.coef_[0] * mean / scale).sum()), 6)
    model["threshold"] = 0.0
    scored = [(tb, probabilities(tb[0], model)) for tb in tables]
    for t in np.arange(0.01, 0.95, 0.005):
        if all(removed_share(tb, p, float(t))[0] <= budget for tb, p in scored):
            model["threshold"] = round(float(t), 4)
        else:
            break
    return model


def fit_blocks(tables: list[Table], model: dict[str, Any], budget: float) -> float:
    """The block threshold (`LineModel.block_threshold`) for `model` fitted on `tables`: the highest,
    from the model's threshold up, under which relaxing the guards over teaser lists and comment threads
    and removing the blocks whose mean p(article) is below it removes at most `budget` more of the
    article's tokens on *every* table than the model alone; 0.0 (no blocks) when even the model's
    threshold removes more."""
    scored = [(tb, probabilities(tb[0], model)) for tb in tables]
    base = [removed_share(tb, p, model["threshold"])[0] for tb, p in scored]
    best = 0.0
    for t in np.arange(model["threshold"], 0.95, 0.005):
        shares = [removed_share(tb, p, model["threshold"], float(t))[0] for tb, p in scored]
        if any(share - b > budget for share, b in zip(shares, base, strict=True)):
            break
        best = round(float(t), 4)
    return best


def _tree(nodes: Any) -> list[list[float]]:
    """A scikit-learn histogram tree as the parallel lists `LineModel` reads (feature -1 at a leaf)."""
    return [
        [int(-1 if n["is_leaf"] else n["feature_idx"]) for n in nodes],
        [round(float(n["num_threshold"]), 6) for n in nodes],
        [int(n["left"]) for n in nodes],
        [int(n["right"]) for n in nodes],
        [round(float(n["value"]), 6) for n in nodes],
    ]


def probabilities(x: np.ndarray, model: dict[str, Any]) -> np.ndarray:
    """p(article) of each row, as `LineModel` computes it (vectorised)."""
    z = np.full(len(x), float(model["bias"]))
    if "weights" in model:
        z += x @ np.array(model["weights"])
    for feature, threshold, left, right, value in model.get("trees", ()):
        node = np.zeros(len(x), dtype=int)
        for _ in range(DEPTH + 1):
            f = np.array(feature)[node]
            inner = f >= 0
            go_left = x[np.arange(len(x)), np.where(inner, f, 0)] <= np.array(threshold)[node]
            node = np.where(inner, np.where(go_left, np.array(left)[node], np.array(right)[node]), node)
        z += np.array(value)[node]
    p: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))
    return p


def outside_region(table: Table, p: np.ndarray, region_threshold: float) -> np.ndarray:
    """The lines of a dump outside its main region (`lines.main_region` on each page's p(article), at
    `region_threshold`), but those `held` keeps; decided on the features of the whole text, once (the
    cleaner cuts the region on what the model left: its later rounds are not modelled)."""
    x, n, page, holds, dump = table[0], table[2], table[3], table[6], table[7]
    out = np.zeros(len(p), dtype=bool)
    bounds = np.flatnonzero(np.diff(page)) + 1
    for lo, hi in zip(np.concatenate(([0], bounds)), np.concatenate((bounds, [len(p)])), strict=True):
        if not dump[lo]:
            continue
        rows = x[lo:hi]
        prose, scores = list(rows[:, PROSE] > 0), list(p[lo:hi])
        hold = region_hold(_core(list(rows[:, LOG_WORDS]), prose), prose, scores)
        sentence = list(
            (rows[:, PROSE] > 0) | ((rows[:, ENDS] > 0) & (rows[:, LOG_WORDS] >= SENTENCE_LOG_WORDS))
        )
        region = main_region(scores, [max(1, int(k)) for k in n[lo:hi]], hold, region_threshold)
        first, last = stretch(region, sentence)
        if last >= first:  # as `lines._outside`: fewer than REGION_RUN lines on a side are not cut
            first = 0 if first < REGION_RUN else first
            last = hi - lo - 1 if hi - lo - 1 - last < REGION_RUN else last
        if last >= first:
            inside = np.zeros(hi - lo, dtype=bool)
            inside[first : last + 1] = True
            out[lo:hi] = ~inside & ~holds[lo:hi]
    return out


def fit_region(tables: list[Table], model: dict[str, Any], budget: float) -> float:
    """The region threshold (`LineModel.region_threshold`) for `model` fitted on `tables`: the highest
    under which cutting the dumps to their main region removes at most `budget` more of the article's
    tokens on *every* table than the model and its blocks alone; 0.0 (no region) when none does."""
    scored = [(tb, probabilities(tb[0], model)) for tb in tables]
    limits = model["threshold"], model.get("block_threshold") or None
    base = [removed_share(tb, p, *limits)[0] for tb, p in scored]
    best = 0.0
    for t in np.arange(0.05, 0.95, 0.025):
        shares = [removed_share(tb, p, *limits, float(t))[0] for tb, p in scored]
        if any(share - b > budget for share, b in zip(shares, base, strict=True)):
            break
        best = round(float(t), 4)
    return best


def removed_share(
    table: Table,
    p: np.ndarray,
    threshold: float,
    block_threshold: float | None = None,
    region_threshold: float | None = None,
) -> tuple[float, float]:
    """(article tokens removed / article tokens, furniture tokens removed / furniture tokens) of a table,
    `p` its lines' p(article), each decided on the features of the whole text (the cleaner's later
    rounds are not modelled); with a `block_threshold`, in a block the guards but `held` are relaxed
    and the whole block goes when its lines' mean p (a held line counts 1.0) is below it."""
    x, y, n, page, guarded, block, holds, _ = table
    candidate = (p < threshold) & ~guarded
    if block_threshold is not None:
        inside = block >= 0
        ids = np.where(inside, block, 0)
        scores = np.where(holds, 1.0, p)
        sums = np.bincount(ids, weights=np.where(inside, scores, 0.0), minlength=len(p))
        sizes = np.bincount(ids, weights=inside.astype(float), minlength=len(p))
        mean = sums[ids] / np.maximum(sizes[ids], 1.0)
        alone = (p < threshold) & ~holds
        candidate = np.where(inside, alone | ((mean < block_threshold) & ~holds), candidate)
    before = np.zeros_like(candidate)
    before[1:] = candidate[:-1] & (page[1:] == page[:-1])
    after = np.zeros_like(candidate)
    after[:-1] = candidate[1:] & (page[:-1] == page[1:])
    gone = candidate & (before | after)  # runs of two or more, as `lines._in_runs`
    if region_threshold is not None:
        gone = gone | outside_region(table, p, region_threshold)
    article, furniture = n * (y == 1), n * (y == 0)
    return (
        float((article * gone).sum() / max(article.sum(), 1)),
        float((furniture * gone).sum() / max(furniture.sum(), 1)),
    )


SHIPPED = Path(__file__).resolve().parent.parent / "src/cleanmedia/resources/common/line_model.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/lines-loso"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleanmedia-textmode"))
    parser.add_argument("--budget", type=float, default=0.005, help="article token share removed, per set")
    parser.add_argument(
        "--block-budget",
        type=float,
        default=0.003,
        help="article token share the blocks may remove beyond the model alone, per set",
    )
    parser.add_argument(
        "--blocks-only",
        action="store_true",
        help="keep the trees (DIR/without-<set>.json, and the shipped model for all four): fit the block threshold",
    )
    parser.add_argument(
        "--region-budget",
        type=float,
        default=0.01,
        help="article token share the main region may remove beyond the model and blocks, per set",
    )
    parser.add_argument(
        "--region-only",
        action="store_true",
        help="keep the trees and block thresholds (DIR/*.json): fit the region threshold alone",
    )
    parser.add_argument("--kind", choices=["trees", "logistic"], default="trees")
    parser.add_argument("--ship", action="store_true", help="copy the all-sets model into the package")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tables = {name: line_table(args.bench, name, args.cache) for name in SETS}
    models = {}
    for held_out in SETS:
        training = [tables[s] for s in SETS if s != held_out]
        path = args.out / f"without-{held_out}.json"
        if args.blocks_only or args.region_only:
            model = json.loads(path.read_text(encoding="utf-8"))
        else:
            model = fit(training, args.budget, args.kind)
            model["trained_on"] = "+".join(s for s in SETS if s != held_out)
        if not args.region_only:
            model["block_threshold"] = fit_blocks(training, model, args.block_budget)
        model["region_threshold"] = fit_region(training, model, args.region_budget)
        models[held_out] = model
        path.write_text(json.dumps(model), encoding="utf-8")
    if args.blocks_only or args.region_only:
        every = json.loads(SHIPPED.read_text(encoding="utf-8"))
    else:
        every = fit(list(tables.values()), args.budget, args.kind)
        every["trained_on"] = "+".join(SETS)
    if not args.region_only:
        every["block_threshold"] = fit_blocks(list(tables.values()), every, args.block_budget)
    every["region_threshold"] = fit_region(list(tables.values()), every, args.region_budget)
    (args.out / "all.json").write_text(json.dumps(every), encoding="utf-8")
    print(
        f"{'set':12s} {'lines':>6s} {'article':>7s}  held-out: thr  block region  art.removed  furn.removed"
        "      in-sample: thr  block region  art.removed  furn.removed   (model alone -> blocks -> region)"
    )
    for name in SETS:
        x, y = tables[name][0], tables[name][1]
        cols = []
        for m in (models[name], every):
            p = probabilities(x, m)
            alone = removed_share(tables[name], p, m["threshold"])
            both = removed_share(tables[name], p, m["threshold"], m["block_threshold"])
            cut = removed_share(tables[name], p, m["threshold"], m["block_threshold"], m["region_threshold"])
            cols.append(
                f"{m['threshold']:.3f} {m['block_threshold']:.3f} {m['region_threshold']:.3f}"
                f"  {alone[0]:4.1%} -> {both[0]:4.1%} -> {cut[0]:4.1%}"
                f"  {alone[1]:4.1%} -> {both[1]:4.1%} -> {cut[1]:4.1%}"
            )
        print(f"{name:12s} {len(y):6d} {y.mean():7.1%}  {cols[0]}   {cols[1]}")
    if args.ship:
        SHIPPED.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(args.out / "all.json", SHIPPED)
        print("shipped", SHIPPED)


if __name__ == "__main__":
    main()
