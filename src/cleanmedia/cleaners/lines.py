"""A line model with context: which lines of a text dump are page furniture, learnt from labelled pages.

The phrase lists of `boilerplate` cannot enumerate every site's menus, teasers and prompts in its own
words; what such lines *are* carries across sites and languages: short, few function words, no sentence
punctuation, capitals, digits and separators, far from the prose, among other short lines, repeated.
Each line gets those features (its own, its neighbours', where it sits), a small ensemble of boosted
trees scores how likely it is article text, and a line is removed only when that score is below a
threshold chosen for precision, and no guard keeps it (`kept`). The trees and the threshold are data
(`resources/common/line_model.json`, fitted by `scripts/train_lines.py` on labelled page dumps, fit on
three sets and scored on the fourth); evaluation here is plain Python.

Removal depends on the neighbours, and removing lines changes them: the cleaner decides again on what is
left until nothing changes (a fixed point), so cleaning its output removes nothing more.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple, cast

from cleanmedia import lang, resources
from cleanmedia.cleaner import Cleaner
from cleanmedia.cleaners.lines_blocks import Block, LineShape, furniture_blocks
from cleanmedia.cleaners.lines_content import Run, Shape, content_runs, tables
from cleanmedia.document import DocumentView, Edit
from cleanmedia.text import BLOCKS, LINE_CACHE, removal_spans, word_count
from cleanmedia.text import blocks as text_blocks

#: Characters that end a sentence (Latin and CJK full stops), and what may close it.
SENTENCE_END = frozenset(".!?\u2026\u3002\uff01\uff1f")
CLOSERS = "\"'\u201d\u00bb)]\u300d"
INNER_PUNCT = ".!?;\u3002"
SEPARATORS = ("|", "\u2022", "\u00b7", "\u00bb", "\u203a", "\u2192", " / ", "::")
#: Any of `SEPARATORS`: one scan of the line instead of one per separator.
SEPARATOR = re.compile("|".join(map(re.escape, SEPARATORS)))
STRIP = "\"'()[]{}<>.,;:!?\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019*#|/-\u2013\u2014\u2026"
#: A numbered list item: "2) ", "12. ", "(3) " (a number and its mark, then a space and a word).
NUMBERED = re.compile(r"\(?\d{1,3}[.)] +\w")
#: A line is prose when it ends a sentence, is this long, and (language known) has function words.
PROSE_WORDS, PROSE_CHARS, PROSE_STOP = 10, 80, 0.15
MIN_LINES = 6  # fewer lines have no surroundings to judge by: the text is left alone
#: A whole-page dump (every text node of a page: menus, teaser lists, footers around the article) has at
#: least `DUMP_LINES` lines and `DUMP_SHORT` of them short (`SHORT_LOG_WORDS`) without a sentence end. Set
#: by the shares measured on the bench (docs/cleaners.md, "lines"): dumps at a median of 0.67, clean
#: texts and extracted articles at 0.0-0.36, the seeds at 0.14 at most.
DUMP_LINES, DUMP_SHORT = 30, 0.4
#: A whole-page dump opens with the site's header: at least `DUMP_HEADER` short unpunctuated lines (its
#: menu, its sections) before the first paragraph (`_paragraph`). An article extracted from a page opens
#: with its title, at most a byline and a date: a listing or an index extracted from HTML has a dump's
#: share of short lines but not its header, and there the model took the list's entries (the clean()
#: F1 of two sets fell). Chosen among 3, 5 and 8 on the four sets' HTML F1; the dumps reach their first
#: paragraph after a median of 35-63 such lines (docs/cleaners.md, "lines").
DUMP_HEADER = 5
#: Past this many lines a text is no page's dump (the pages the model was fitted on dump to 10,523 lines
#: at most, a median of 292): a log, a list, texts joined into one. The default chain leaves it to the
#: phrase rules, whose cost per line is a third of the model's (a 1 MB text of 125,000 short lines took
#: twice as long with the model); `Lines()` without `dumps_only` (`DUMP_CHAIN`) runs on any text.
DUMP_MAX_LINES = 20_000
HEADING_LOG_WORDS = math.log1p(20)  # a line over prose this short may be its heading
SENTENCE_LOG_WORDS = math.log1p(3)  # a sentence this long stays
WIDE = 10  # lines each side for the share of prose nearby
SHORT_LOG_WORDS = math.log1p(5)  # a short line: five words or fewer
WINDOW = 3  # lines each side whose shape describes a line's surroundings
MAX_DISTANCE = 50
#: log1p of the distances (0 to `MAX_DISTANCE` lines), looked up rather than computed per line.
LOG1P = tuple(math.log1p(d) for d in range(MAX_DISTANCE + 1))

#: The features, in the order of the model's weights. Own shape, then where it sits, then neighbours.
FEATURES = (
    "log_words", "log_chars", "stop_share", "ends_sentence", "inner_punct", "commas", "capitalised_stop",
    "all_caps", "digits", "separator", "unknown_share", "list_item", "repeated", "link", "colon_end",
    "word_length", "prose", "copyright", "no_stop_list", "log_prose_distance",
    "before_prose", "after_prose", "prev_log_words", "prev_stop", "prev_end", "next_log_words",
    "next_stop", "next_end", "window_log_words", "window_end", "window_prose", "in_core", "log_core_distance",
    "starts_lower", "wide_prose", "log_short_run", "next_prose",
    "page_prose_share", "page_short_share",
)  # fmt: skip
#: Indexes of the features the guards read.
LOG_WORDS, PROSE, NEXT_PROSE, LIST_ITEM, ENDS, COLON_END, IN_CORE = (
    FEATURES.index(f)
    for f in ("log_words", "prose", "next_prose", "list_item", "ends_sentence", "colon_end", "in_core")
)
#: Plain words for the features an explanation names: what the line showed when the feature pulled it
#: towards furniture with a low value (left of a tree's split, under the mean of a logistic model) and
#: with a high one. A log said "its commas" of a recipe's "2 Eier", which has none: the words say which.
WORDING: dict[str, tuple[str, str]] = {
    "log_words": ("few words", "many words"), "log_chars": ("few characters", "many characters"),
    "stop_share": ("few function words", "many function words"), "ends_sentence": ("no sentence end", "a sentence end"),
    "inner_punct": ("little punctuation inside", "much punctuation inside"), "commas": ("few commas", "many commas"),
    "capitalised_stop": ("few function words capitalised", "function words capitalised"),
    "all_caps": ("not in capitals", "in capitals"), "digits": ("few digits", "digits"),
    "separator": ("no separator", "separators"), "unknown_share": ("few unknown words", "unknown words"),
    "list_item": ("no list mark", "a list mark"), "repeated": ("written once", "repeated in the text"),
    "link": ("no link", "a link or address"), "colon_end": ("no colon at its end", "a colon at its end"),
    "word_length": ("short words", "long words"), "prose": ("not prose", "prose"),
    "copyright": ("no copyright sign", "copyright sign"),
    "no_stop_list": ("a stop list for the language", "no stop list for the language"),
    "log_prose_distance": ("near the prose", "far from the prose"),
    "before_prose": ("not before the article", "before the article"),
    "after_prose": ("not after the article", "after the article"),
    "prev_log_words": ("after a short line", "after a long line"),
    "prev_stop": ("after a line of few function words", "after a line of many function words"),
    "prev_end": ("after a line with no sentence end", "after a sentence"),
    "next_log_words": ("before a short line", "before a long line"),
    "next_stop": ("before a line of few function words", "before a line of many function words"),
    "next_end": ("before a line with no sentence end", "before a sentence"),
    "window_log_words": ("among short lines", "among long lines"),
    "window_end": ("among unpunctuated lines", "among sentences"), "window_prose": ("little prose around", "prose around"),
    "in_core": ("outside the article's core", "inside the article's core"),
    "log_core_distance": ("near the core", "far from the core"),
    "starts_lower": ("a capital first", "a lower-case first letter"),
    "wide_prose": ("little prose nearby", "much prose nearby"),
    "log_short_run": ("a short run of short lines", "in a long run of short lines"),
    "next_prose": ("no prose after it", "prose after it"),
    "page_prose_share": ("a page of little prose", "a page of much prose"),
    "page_short_share": ("a page of few short lines", "a page of many short lines"),
}  # fmt: skip
#: What a low value says when it is none at all ("2 Eier": no comma, not few).
WORDING_NONE = {
    "stop_share": "no function word", "inner_punct": "no punctuation inside", "commas": "no comma",
    "capitalised_stop": "no function word capitalised", "digits": "no digit", "unknown_share": "no unknown word",
    "window_prose": "no prose around", "wide_prose": "no prose nearby", "log_short_run": "in no run of short lines",
}  # fmt: skip


#: Features of the whole page, the same value on each of its lines, said with their value: by the side of
#: the split that pulled, one line of a page said "a page of much prose", the next "a page of little
#: prose" (two trees splitting on either side of its share).
VALUED = {"page_prose_share": "a page of {:.0%} prose", "page_short_share": "a page of {:.0%} short lines"}


def worded(feature: str, value: float, high: bool) -> str:
    """The plain words for `feature` pulling a line towards furniture with `value`, a `high` value or
    a low one (`WORDING`); the feature's code for one without words."""
    if feature in VALUED:
        return VALUED[feature].format(value)
    if feature not in WORDING:
        return feature
    if not high and value == 0.0 and feature in WORDING_NONE:
        return WORDING_NONE[feature]
    return WORDING[feature][high]


#: A tree: parallel lists (feature index, -1 at a leaf; threshold, x <= threshold goes left; left child;
#: right child; node value). Its contribution to the logit is the value of the leaf a line reaches.
Tree = tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]]


@dataclass(frozen=True)
class LineModel:
    """p(article) = sigmoid(bias + weights · x + the trees' leaf values) over `FEATURES`; a line goes
    when p < `threshold`. A logistic model has weights and no trees, a boosted tree ensemble trees and
    zero weights. `means` (the training features' means) let a logistic model say which features
    decided a removal; trees say it by the features of the splits on the line's path."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    means: tuple[float, ...]
    trees: tuple[Tree, ...] = ()
    trained_on: str = ""
    #: Over a teaser list or a comment thread (`lines_blocks`) the guards are relaxed, and the whole
    #: block goes when its lines' mean p < `block_threshold` (0: no blocks); fitted leave-one-set-out.
    block_threshold: float = 0.0
    #: In a whole-page dump, the lines outside the main region go (`main_region`, the score each line
    #: must pass for its words to count for the region; 0: no region); fitted leave-one-set-out.
    region_threshold: float = 0.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineModel:
        """From the JSON shape `scripts/train_lines.py` writes; raises ValueError on other features."""
        if tuple(data["features"]) != FEATURES:
            raise ValueError("line model was fitted on other features than this version computes")
        trees = tuple(  # numbers only (ints and floats): the trees are compiled to Python source
            (
                tuple(map(int, f)),
                tuple(map(float, t)),
                tuple(map(int, left)),
                tuple(map(int, right)),
                tuple(map(float, v)),
            )
            for f, t, left, right, v in data.get("trees", ())
        )
        weights = tuple(data.get("weights") or [0.0] * len(FEATURES))
        return cls(
            weights,
            float(data["bias"]),
            float(data["threshold"]),
            tuple(data["means"]),
            trees,
            str(data.get("trained_on", "")),
            float(data.get("block_threshold", 0.0)),
            float(data.get("region_threshold", 0.0)),
        )

    @classmethod
    def load(cls, path: Path) -> LineModel:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def logit(self, x: Sequence[float]) -> float:
        if not self.trees:
            return self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return self._compiled(x)

    @cached_property
    def _compiled(self) -> Callable[[Sequence[float]], float]:
        """The trees as one Python expression of nested conditionals, compiled once: several times
        faster than walking the node lists. The features the splits read are locals (`_locals`): a
        local is read faster than an item of `x`, and a line meets a feature at several splits. The
        same sum, in the same order, as walking the trees. Built from numbers only (`repr` of ints and
        floats)."""
        terms = [_expression(tree, 0) for tree in self.trees]
        source = f"def logit(x):\n{_locals(self.trees)}    return {self.bias!r} + {' + '.join(terms)}\n"
        return cast(Callable[[Sequence[float]], float], _compile(source, "<line model>", "logit"))

    @cached_property
    def _pulls(self) -> Callable[[Sequence[float]], list[float]]:
        """Per feature, the sum of the changes of node value at the splits on the line's path through
        each tree (Saabas' attribution), down the left branches (the first `len(FEATURES)` values: the
        line's value at or under the split's threshold) and down the right ones (the next
        `len(FEATURES)`), compiled as `_compiled` is: one Python function of nested
        `if`s that adds each split's change to a local as it goes down (the same additions, in the same
        order, as walking the node lists: the same floats, several times faster). Numbers only."""
        body = [f"p{j} = 0.0" for j in range(2 * len(FEATURES))]
        for tree in self.trees:
            body += _pull_statements(tree, 0, 0)
        body.append("return [" + ", ".join(f"p{j}" for j in range(2 * len(FEATURES))) + "]")
        source = "def pulls(x):\n" + _locals(self.trees) + "".join(f"    {line}\n" for line in body)
        return cast(Callable[[Sequence[float]], list[float]], _compile(source, "<line model pulls>", "pulls"))

    def decisive(self, x: Sequence[float], n: int = 3) -> list[str]:
        """The `n` features that pulled the score furthest towards furniture, worded by the side that
        pulled (`worded`): for a logistic model weight × (value - mean), low when the value is under the
        mean; for trees the change of node value at each split on the line's path (Saabas'
        attribution), low for the changes down the left branches (value <= threshold), high for the
        right, the larger pull of the two deciding the side."""
        if not self.trees:
            pulls = [w * (v - m) for w, v, m in zip(self.weights, x, self.means, strict=True)]
            high = [v > m for v, m in zip(x, self.means, strict=True)]
        else:
            sides = self._pulls(x)
            k = len(FEATURES)
            pulls = [sides[j] + sides[k + j] for j in range(k)]
            high = [sides[k + j] < sides[j] for j in range(k)]
        ranked = sorted((pull, j) for j, pull in enumerate(pulls) if pull < 0)
        return [worded(FEATURES[j], x[j], high[j]) for _, j in ranked[:n]]


def _pull_statements(tree: Tree, i: int, depth: int) -> list[str]:
    """Python statements (indented `depth` levels below the function's body) that walk one tree from
    node `i` and add each split's change of node value to the local of its feature and branch side
    (`LineModel._pulls`)."""
    feature, threshold, left, right, value = tree
    if feature[i] < 0:
        return []
    pad = "    " * depth
    j = int(feature[i])
    out = [f"{pad}if x{j} <= {float(threshold[i])!r}:"]
    for k, child in enumerate((left[i], right[i])):
        if k:
            out.append(f"{pad}else:")
        out.append(f"{pad}    p{j + k * len(FEATURES)} += {float(value[child] - value[i])!r}")
        out += _pull_statements(tree, child, depth + 1)
    return out


def _locals(trees: Sequence[Tree]) -> str:
    """Python statements (function body level) that read each feature some split of `trees` reads from
    the vector `x` into a local `x<index>`, once per call."""
    used = sorted({int(j) for tree in trees for j in tree[0] if j >= 0})
    return "".join(f"    x{j} = x[{j}]\n" for j in used)


def _compile(source: str, filename: str, name: str) -> Any:
    """The function `name` defined by `source` (made of numbers and feature indexes only)."""
    namespace: dict[str, Any] = {}
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


def _expression(tree: Tree, i: int) -> str:
    """Python source of the subtree at node `i` (feature j read from the local `x<j>`, `_locals`): the
    value of the leaf a line reaches."""
    feature, threshold, left, right, value = tree
    if feature[i] < 0:
        return repr(float(value[i]))
    return (
        f"({_expression(tree, left[i])} if x{int(feature[i])} <= {float(threshold[i])!r} "
        f"else {_expression(tree, right[i])})"
    )


@cache
def shipped_model() -> LineModel:
    """The model shipped as data (`resources/common/line_model.json`), read once."""
    node = files(resources.__name__) / "common" / "line_model.json"
    return LineModel.from_dict(json.loads(node.read_text(encoding="utf-8")))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def _ends(text: str) -> bool:
    return text.rstrip(CLOSERS)[-1:] in SENTENCE_END


def _all_letters_upper(text: str) -> bool:
    """Every letter is a capital (an uncased letter, as in CJK, is not)."""
    return sum(map(str.isalpha, text)) == sum(map(str.isupper, text))


def own_features(text: str, stop: frozenset[str], known: dict[str, float] | None) -> tuple[float, ...]:
    """The features of a line on its own (`text` stripped): the first 18 of `FEATURES`.

    Each word is stripped and lowered once, for the stop and unknown shares and for the capitalised
    stop words alike; an ASCII line is lowered whole (ASCII lowers letter by letter, which is what
    lowering each word does) and counts its words by the split (`word_count` does the same)."""
    raw = text.split()
    chars = len(text)
    if text.isascii():
        n = len(raw)
        low = text.lower()
        stripped = [w.strip(STRIP) for w in low.split()]
    else:
        n = word_count(text)  # a run of Chinese or Thai counts its words, not one
        low = ""
        stripped = [w.strip(STRIP).lower() for w in raw]
    words = [w for w in stripped if w]
    nw = len(words) or 1
    ends = _ends(text)
    stop_share = sum(map(stop.__contains__, words)) / nw if stop else 0.0
    if known:
        alpha = [w for w in words if w.isalpha()]
        unknown = (len(alpha) - sum(map(known.__contains__, alpha))) / nw
    else:
        unknown = 0.0
    # Counted in C (map over the characters); the capitals only for a line with no lower-case letter.
    all_caps = text.isupper() and sum(map(str.isupper, text)) >= 4 and _all_letters_upper(text)
    digits = sum(map(str.isdigit, text))
    inner = _inner_marks(text) - (1 if ends else 0)
    prose = ends and (n >= PROSE_WORDS or chars >= PROSE_CHARS) and (stop_share >= PROSE_STOP or not stop)
    return (
        math.log1p(n),
        math.log1p(chars),
        stop_share,
        float(ends),
        min(inner / n, 1.0) if n else 0.0,
        min(text.count(",") / n, 1.0) if n else 0.0,
        sum(
            map(stop.__contains__, [s for w, s in zip(raw[1:], stripped[1:], strict=True) if w[:1].isupper()])
        )
        / (len(raw) - 1)
        if len(raw) > 1
        else 0.0,
        float(all_caps),
        digits / chars if chars else 0.0,
        float(SEPARATOR.search(text) is not None),
        unknown,
        float(text[:2] in ("\u2022 ", "- ", "* ") or bool(NUMBERED.match(text))),
        0.0,  # repeated: set by `features`, which sees the other lines
        float("http" in text or "www." in text or "@" in text),
        float(text.endswith(":")),
        min(chars / n / 15.0, 1.0) if n else 0.0,
        float(prose),
        float("\u00a9" in text or "(c)" in (low or text.lower())),
    )


def _inner_marks(text: str) -> int:
    """How many of the marks of `INNER_PUNCT` the line holds (one count per mark, in C)."""
    return sum(map(text.count, INNER_PUNCT))


@lru_cache(maxsize=LINE_CACHE)
def _own(text: str, code: str | None) -> tuple[float, ...]:
    """`own_features` cached across rounds, passes and documents (lines recur: menus, footers)."""
    stop = resources.profile(code).stopwords
    return own_features(text, stop, lang.lexicon(code) if stop and code else None)


def features(texts: Sequence[str], code: str | None) -> list[list[float]]:
    """One feature vector per line (`texts`: the stripped non-empty lines, in order; `code`: the text's
    language or None). One pass for each line's own features (cached by line text), then two passes for
    the distances to prose and one for the neighbours. Built column by column (lists shifted by one line
    for the neighbours, zipped into rows): the Python loop per line is what a dump's furniture step
    spends its time in."""
    n = len(texts)
    if not n:
        return []
    counts = Counter(texts)
    base = [_own(t, code) for t in texts]
    no_stop_list = float(not resources.profile(code).stopwords)
    prose = [b[PROSE] > 0 for b in base]
    dist = _distances(prose)
    first = next((i for i, p in enumerate(prose) if p), n)
    last = next((i for i in range(n - 1, -1, -1) if prose[i]), -1)
    logw = [b[0] for b in base]
    core_lo, core_hi = _core(logw, prose)
    stops = [b[2] for b in base]
    ends = [b[3] for b in base]
    prose_f = [float(p) for p in prose]
    wide = _window_shares(prose_f, WIDE)
    near_logw, near_ends, near_prose = (_window_shares(v, WINDOW) for v in (logw, ends, prose_f))
    runs = _short_runs(base)
    positions = range(n)
    columns = (
        [float(counts[t] > 1) for t in texts],  # repeated
        [LOG1P[d] for d in dist],
        [float(i < first) for i in positions],
        [float(i > last) for i in positions],
        [0.0, *logw[:-1]],
        [0.0, *stops[:-1]],
        [0.0, *ends[:-1]],
        [*logw[1:], 0.0],
        [*stops[1:], 0.0],
        [*ends[1:], 0.0],
        near_logw,
        near_ends,
        near_prose,
        [float(core_lo <= i <= core_hi) for i in positions],
        [LOG1P[min(max(core_lo - i, i - core_hi, 0), MAX_DISTANCE)] for i in positions],
        [float(t[:1].islower()) for t in texts],
        wide,
        [math.log1p(r) for r in runs],
        [*prose_f[1:], 0.0],
        *_page_columns(texts, base, prose),
    )
    own = list(zip(*base, strict=True))  # the own features as columns, then "repeated" in its place
    return list(
        map(list, zip(*own[:12], columns[0], *own[13:], [no_stop_list] * n, *columns[1:], strict=True))
    )


def _page_columns(
    texts: Sequence[str], base: list[tuple[float, ...]], prose: list[bool]
) -> tuple[list[float], list[float]]:
    """What the whole text is, the same for each of its lines: the share of its characters in prose
    lines and the share of its lines that are short and end no sentence. Why: on a page of prose the
    short lines around it are furniture; on a page that is itself a list (an index, a catalogue, a table
    one cell per line) the short lines are its article. The model may only read them that way round
    (monotonic constraints at training, `scripts/train_lines.py`)."""
    n = len(texts)
    chars = sum(map(len, texts)) or 1
    prose_share = sum(len(t) for t, p in zip(texts, prose, strict=True) if p) / chars
    short_share = sum(1 for b in base if b[0] <= SHORT_LOG_WORDS and not b[3]) / n
    return [prose_share] * n, [short_share] * n


def _window_shares(values: list[float], width: int) -> list[float]:
    """For each line, the mean of `values` over the `width` lines each side, the line itself aside
    (running sums: one pass)."""
    n = len(values)
    total = list(accumulate(values, initial=0.0))
    # window i is [lo, hi): lo = max(0, i - width), hi = min(n, i + width + 1)
    lows = [0] * min(width, n) + list(range(max(0, n - width)))
    highs = list(range(width + 1, n + 1))
    highs += [n] * (n - len(highs))
    return [
        (total[hi] - total[lo] - v) / (hi - lo - 1) if hi - lo - 1 else 0.0
        for v, lo, hi in zip(values, lows, highs, strict=True)
    ]


def _short_runs(base: list[tuple[float, ...]]) -> list[int]:
    """For each line, the length of the run of short unpunctuated lines it is in (0 for other lines):
    one line alone between paragraphs is a heading, one among many is a menu."""
    short = [b[0] <= SHORT_LOG_WORDS and not b[3] for b in base]
    runs = [0] * len(short)
    i = 0
    while i < len(short):
        if not short[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(short) and short[j + 1]:
            j += 1
        for k in range(i, j + 1):
            runs[k] = j - i + 1
        i = j + 1
    return runs


def _core(log_words: list[float], prose: list[bool]) -> tuple[int, int]:
    """The article's core: the run of lines where prose words most outweigh the other lines (Kadane's
    maximum subarray, as Body Text Extraction does with tokens and tags). A prose line counts its words,
    another line costs two plus half its words. (first, last) line; (0, -1) when there is no prose."""
    scores = (
        math.expm1(lw) if p else -(2.0 + math.expm1(lw) / 2.0) for lw, p in zip(log_words, prose, strict=True)
    )
    return max_subarray(scores)


def max_subarray(gains: Iterable[float]) -> tuple[int, int]:
    """(first, last) index of the stretch whose gains sum highest (Kadane), the earliest on a tie;
    (0, -1) when no gain is positive. The article's core and the main region are both this."""
    best, best_lo, best_hi = 0.0, 0, -1
    run, run_lo = 0.0, 0
    for i, gain in enumerate(gains):
        if run <= 0:
            run, run_lo = gain, i
        else:
            run += gain
        if run > best:
            best, best_lo, best_hi = run, run_lo, i
    return best_lo, best_hi


def _distances(prose: list[bool]) -> list[int]:
    """Lines from each line to the nearest prose line (0 for prose; `MAX_DISTANCE` when none)."""
    n = len(prose)
    dist = [MAX_DISTANCE] * n
    d = MAX_DISTANCE
    for i in range(n):
        d = 0 if prose[i] else min(d + 1, MAX_DISTANCE)
        dist[i] = d
    d = MAX_DISTANCE
    for i in range(n - 1, -1, -1):
        d = 0 if prose[i] else min(d + 1, MAX_DISTANCE)
        dist[i] = min(dist[i], d)
    return dist


def kept(x: Sequence[float], before_list: bool = False) -> bool:
    """The lines the model never removes, whatever their score (precision first; together they cost
    about one point of the furniture removed on the shared sets): prose; a line of up to 20 words
    just before prose or a list (its heading); a list item; a line ending with a colon (it introduces
    what follows); a sentence of three words or more; a line inside the article's core."""
    return bool(
        x[PROSE]
        or ((x[NEXT_PROSE] or before_list) and x[LOG_WORDS] <= HEADING_LOG_WORDS)
        or x[LIST_ITEM]
        or x[COLON_END]
        or (x[ENDS] and x[LOG_WORDS] >= SENTENCE_LOG_WORDS)
        or x[IN_CORE]
    )


#: A headline stands at most this many lines above the article's first paragraph, the lines between
#: shorter than it (a byline's names, a source, a caption left by the phrase rules).
HEAD_REACH = 3
#: A list introduced by a sentence ending with a colon has at most this many items of at most 20 words;
#: under a paragraph (ten words or more), `LONG_LIST_ITEMS` (a recipe's ingredients) unless its items
#: are bare names.
LIST_ITEMS, LONG_LIST_ITEMS = 12, 20
THREE_WORDS_LOG, FOUR_WORDS_LOG, TEXT_LOG_WORDS = math.log1p(3), math.log1p(4), math.log1p(PROSE_WORDS)
STOP_SHARE, STARTS_LOWER, NO_STOP_LIST, DIGITS = (
    FEATURES.index(f) for f in ("stop_share", "starts_lower", "no_stop_list", "digits")
)


def held(rows: Sequence[Sequence[float]]) -> set[int]:
    """Lines of the article that the guards of one line (`kept`) cannot see, found from their
    neighbours' features (`rows`, in order), never removed:

    - a headline: a line of 3 to 20 words that ends no sentence, above the article's core (`_core`:
      not a teaser's title or a footer's label over the prose of a box or a notice after it), with a
      paragraph (prose, or a paragraph of ten words or more cut at a link, going on in the next line)
      at most `HEAD_REACH` lines below, the lines between shorter than it (a byline's names,
      "Source:", a caption). Found by a new user: a dump's headline went at p(article) 0.138 when its
      byline, its date or a caption stood between it and the text;
    - the items of a list introduced by a line ending with a colon: up to `LIST_ITEMS` lines of at
      most 20 words that open alike (with a capital, or in lower case) and reach the article's text
      again (a paragraph, or a sentence) or the end of the text. The colon line is a sentence (four
      words or more, the language's function words) after the article's text (a paragraph or a
      sentence) or a paragraph itself; or a label ("Die wichtigsten Änderungen:" after a paragraph,
      "Ingredientes:" right under the text's first line, its title) whose items reach the article's
      text again. A label among a page's furniture ("Editions:", a form's "Name:") holds nothing, and
      at the end of the text a label's links cannot be told from a list ("Menü:" and its labels). A list at the article's end ("... you gather the following:" and three items, "Voici
      les lignes concernées :" after a short sentence) went as a run of short lines, and so did the
      items of a recipe's "Ingredientes:" under its title (found by new users). A list followed by
      other short lines (teasers the phrase rules left) is left to the model: its items cannot be told
      from them.

    Both read the lines' features only (the same lines, the same answer): the kept lines stay a fixed
    point of `decide`."""
    n = len(rows)
    out: set[int] = set()
    words = [x[LOG_WORDS] for x in rows]
    core_start = _core(words, [x[PROSE] > 0 for x in rows])[0]

    def paragraph(j: int) -> bool:
        x = rows[j]
        if x[PROSE]:
            return True
        wordy = x[LOG_WORDS] >= TEXT_LOG_WORDS and (x[STOP_SHARE] >= PROSE_STOP or x[NO_STOP_LIST] > 0)
        return wordy and j + 1 < n and bool(rows[j + 1][STARTS_LOWER])

    for i, x in enumerate(rows[:core_start]):
        if (
            x[ENDS]
            or x[COLON_END]
            or x[LIST_ITEM]
            or not THREE_WORDS_LOG <= x[LOG_WORDS] <= HEADING_LOG_WORDS
        ):
            continue
        for j in range(i + 1, min(n, i + 1 + HEAD_REACH)):
            if paragraph(j):
                out.add(i)
                break
            if words[j] >= words[i]:
                break
    for i, x in enumerate(rows):
        if not x[COLON_END]:
            continue
        sentence = x[LOG_WORDS] >= FOUR_WORDS_LOG and (x[STOP_SHARE] >= PROSE_STOP or x[NO_STOP_LIST] > 0)
        after_text = i > 0 and bool(rows[i - 1][PROSE] or rows[i - 1][ENDS])
        if sentence and (x[LOG_WORDS] >= TEXT_LOG_WORDS or after_text):
            # "... the following:", "Für den Teig braucht man:", after the text or a paragraph itself
            out.update(_under_paragraph(rows, i, words))
            continue
        if x[LOG_WORDS] > HEADING_LOG_WORDS:
            continue
        if not (after_text or i == 1):
            continue  # a label above the article, among a page's furniture ("Editions:", "Menü:")
        items, j = _list_items(rows, i, words, at_sentence=True)
        if j < n and (rows[j][PROSE] or rows[j][ENDS]):
            out.update(items)  # a label ("Ingredientes:", "Die wichtigsten Änderungen:") in the text
    return out


def _under_paragraph(rows: Sequence[Sequence[float]], i: int, words: list[float]) -> list[int]:
    """What a sentence ending with a colon (line `i`, `held`: after the article's text, or a paragraph
    itself, of any length) holds: the items of the list under it, up to `LIST_ITEMS` reaching the
    article's text (a paragraph or a sentence) or the end of the text; a longer list, up to
    `LONG_LIST_ITEMS` (a recipe's ingredients, a procedure's steps), only when a paragraph follows it
    and its items are not bare names (no digit, no function word: a site's links look the same), and
    then that paragraph too (the region step taking it left the list ending the article, held no
    more), and the colon line itself when it has ten words or more (held with a short list too, it
    kept a newsletter box's "Subscribe to our Newsletter to receive:" over its points). Found by a new user: a recipe's sixteen ingredients under "Für den Teig braucht man:" went
    as a run of short lines."""
    n = len(rows)
    own = rows[i][LOG_WORDS] >= TEXT_LOG_WORDS
    items, j = _list_items(rows, i, words, at_sentence=False, limit=LONG_LIST_ITEMS)
    if len(items) > LIST_ITEMS and j < n and rows[j][PROSE]:
        if any(rows[k][DIGITS] > 0 or rows[k][STOP_SHARE] > 0 for k in items):
            return [*items, j, *([i] if own else [])]
        return []
    items, j = _list_items(rows, i, words, at_sentence=False)
    return items if j == n or rows[j][PROSE] or rows[j][ENDS] else []


def _list_items(
    rows: Sequence[Sequence[float]], i: int, words: list[float], at_sentence: bool, limit: int = 0
) -> tuple[list[int], int]:
    """The items of the list introduced by line `i` (`held`), and the index of the line that ends them
    (`len(rows)` at the end of the text): up to `limit` (`LIST_ITEMS` unless given) lines of at most
    20 words opening alike, up to a paragraph (or a sentence, `at_sentence`)."""
    n = len(rows)
    limit = limit or LIST_ITEMS
    items: list[int] = []
    for j in range(i + 1, min(n, i + 2 + limit)):
        if rows[j][PROSE] or (at_sentence and rows[j][ENDS]) or j - i > limit:
            return items, j
        if words[j] > HEADING_LOG_WORDS or rows[j][STARTS_LOWER] != rows[i + 1][STARTS_LOWER]:
            return items, j  # items open alike (a capital, or all in lower case): another kind of line
        items.append(j)
    return items, n


def _in_runs(candidates: list[bool]) -> list[bool]:
    """Candidates that have a candidate neighbour: a lone short line between kept lines is more often
    a heading or a short paragraph than furniture, which comes in runs (menus, teaser lists)."""
    n = len(candidates)
    return [
        c and ((i > 0 and candidates[i - 1]) or (i + 1 < n and candidates[i + 1]))
        for i, c in enumerate(candidates)
    ]


def _score(model: LineModel, x: list[float], memo: dict[tuple[float, ...], float]) -> float:
    key = tuple(x)
    p = memo.get(key)
    if p is None:
        p = memo[key] = _sigmoid(model.logit(x))
    return p


class Verdict(NamedTuple):
    """A line the model removes: its p(article), its features, the block it was in ("" for none,
    else the block's description, `lines_blocks`), and the main region it was outside ("" when the
    model itself removed it, else the region's description, `main_region`)."""

    p: float
    x: list[float]
    block: str = ""
    region: str = ""


#: A paragraph (`prose`) the model itself scores as article at least this much is never outside the main
#: region: the region stretches to hold it (set by reasoning, p = 0.5 is "article" to the model; on the
#: bench it kept two thirds of the article a page's table or list split from its paragraphs).
REGION_PROSE = 0.5
#: Fewer lines than this above or below the region are not cut: furniture comes in runs, and each cut
#: changes the features of the lines at the region's new edge, so that a side cut line by line took a
#: round of the model per line (the lines step ran at half its speed); a run cut at once does not.
REGION_RUN = 3
#: A page has a main region only when at least this share of its characters is prose (`page_prose_share`):
#: on a listing, a chart or a catalogue (the article is its short lines) the stretch of highest score is
#: a caption or a notice, and the region took the list (an HTML chart page went from F1 0.65 to 0.05).
#: Set among 0.2, 0.3, 0.4 on the HTML pages the region moved (0.3: their F1 summed unchanged) and the
#: first dumps of scrapinghub and newspaper (0.4 cost newspaper 0.04); a core of 3 paragraphs and 150
#: words instead cost scrapinghub 0.01 and newspaper 0.035.
REGION_PAGE_PROSE = 0.3
PAGE_PROSE = FEATURES.index("page_prose_share")


def main_region(
    scores: Sequence[float], words: Sequence[int], hold: tuple[int, int], threshold: float
) -> tuple[int, int]:
    """The main region of a page dump: the contiguous stretch of lines (first, last) that maximises the
    sum of (p(article) - `threshold`) x words over its lines (`scores`: the model's p(article) of every
    line, the guards ignored; `words`: each line's words, at least 1), stretched to hold the lines
    `hold` spans (first, last; (0, -1) for none): the article's core (`_core`) and every paragraph the
    model scores `REGION_PROSE` or more. An article is one contiguous stretch of a page;
    what a page puts above and below it (header, teaser lists, comments, footer) is mostly short lines
    of low score, and its prose (a teaser's summary, a cookie notice) scores lower than the article's.
    Maximum subarray, as Body Text Extraction (Finn et al. 2001) does with tokens and tags: every stretch
    cut off above or below has a mean score under `threshold`, weighted by words (else the region would
    take it). (0, -1) when no line scores above `threshold`."""
    lo, hi = max_subarray((p - threshold) * w for p, w in zip(scores, words, strict=True))
    if hold[1] >= hold[0]:
        lo, hi = (min(lo, hold[0]), max(hi, hold[1])) if hi >= lo else hold
    return lo, hi


def stretch(
    region: tuple[int, int], sentence: Sequence[bool], joined: Sequence[bool] = ()
) -> tuple[int, int]:
    """The region (first, last) stretched over the sentences right above and below it (`sentence`: a
    line that ends a sentence and has three words or more, or a paragraph): an article's short last
    paragraph, a quote that closes it or a standfirst over it scores lower than its prose, and goes
    with the furniture past it only when something that is no sentence stands between (a label, a
    teaser's title, a name). And over the lines `joined` to the line above (`joined`: a paragraph cut
    at its links, one line per link and per piece between, `continues_above`): a region never opens
    or ends inside a sentence. Above it, over the sentences first and then over joined lines only: a
    login box's "Register now" and ", or sign in with:" are one sentence too, and a region that
    opened at the second stretched over the box's questions after the first."""
    lo, hi = region
    if hi < lo:
        return region
    glued = list(joined) or [False] * len(sentence)
    while lo > 0 and sentence[lo - 1]:
        lo -= 1
    while lo > 0 and glued[lo]:
        lo -= 1
    while hi + 1 < len(sentence) and (sentence[hi + 1] or glued[hi + 1]):
        hi += 1
    return lo, hi


#: What cannot open a sentence: a line opening with one goes on with the sentence of the line above.
GOES_ON = ",.;:)]"


def continues_above(texts: Sequence[str]) -> list[bool]:
    """For each line (stripped, non-empty), whether it goes on with the sentence of the line above: a
    page dump cuts a paragraph at each link ("Special thanks to", "Ana Souza", ", Ben Ito", ",").
    It does when it opens with a mark no sentence opens with (`GOES_ON`); or, the line above ending
    no sentence, when it opens in lower case, the line above ends with a comma or an opening bracket,
    or the line below opens with such a mark (a link's text between two pieces of one sentence)."""
    out = [False] * len(texts)
    for k in range(1, len(texts)):
        line, above = texts[k], texts[k - 1]
        if line[:1] in GOES_ON:
            out[k] = True
        elif not _ends(above):
            below = texts[k + 1][:1] if k + 1 < len(texts) else ""
            out[k] = line[:1].islower() or above[-1:] in ",(" or (bool(below) and below in GOES_ON)
    return out


def region_hold(core: tuple[int, int], prose: Sequence[bool], scores: Sequence[float]) -> tuple[int, int]:
    """The lines (first, last) the main region must hold: the article's core (`_core`, (0, -1) for none)
    and every paragraph (`prose`) the model scores at least `REGION_PROSE` (an article that a table, a
    list or an inline box splits keeps its paragraphs on both sides, and what lies between)."""
    strong = [
        j for j, (is_prose, p) in enumerate(zip(prose, scores, strict=True)) if is_prose and p >= REGION_PROSE
    ]
    spans = [s for s in (core, (strong[0], strong[-1]) if strong else (0, -1)) if s[1] >= s[0]]
    if not spans:
        return 0, -1
    return min(s[0] for s in spans), max(s[1] for s in spans)


def shapes(texts: Sequence[str], rows: Sequence[Sequence[float]]) -> list[LineShape]:
    """What `lines_blocks` reads of each line, from its text and its features."""
    return [
        LineShape(t, round(math.expm1(x[LOG_WORDS])), x[ENDS] > 0, bool(x[LIST_ITEM] or x[COLON_END]))
        for t, x in zip(texts, rows, strict=True)
    ]


def content_shapes(
    texts: Sequence[str], rows: Sequence[Sequence[float]], stop: frozenset[str] = frozenset()
) -> list[Shape]:
    """What `lines_content` reads of each line, from its text, its features and the language's
    function words (`stop`)."""
    return [
        Shape(
            t,
            round(math.expm1(x[LOG_WORDS])),
            x[ENDS] > 0,
            x[PROSE] > 0,
            x[COLON_END] > 0,
            x[LIST_ITEM] > 0,
            x[STOP_SHARE],
            not x[NO_STOP_LIST],
            bool(stop) and t.rsplit(None, 1)[-1].strip(STRIP).lower() in stop,
        )
        for t, x in zip(texts, rows, strict=True)
    ]


def _lines_of(runs: Iterable[Run]) -> set[int]:
    """The lines of the runs (first to last, each)."""
    return {j for run in runs for j in range(run.first, run.last + 1)}


def blocks(texts: Sequence[str], rows: Sequence[Sequence[float]]) -> dict[int, Block]:
    """The lines of `texts` (with their feature `rows`) in a teaser list or a comment thread, each mapped
    to its block (`lines_blocks.furniture_blocks`)."""
    return furniture_blocks(shapes(texts, rows))


def _block_means(found: dict[int, Block], scores: Sequence[float]) -> dict[int, float]:
    """Per block (its first line), the mean p(article) of its lines (a line a guard of `held` keeps
    counts 1.0)."""
    sums: dict[int, list[float]] = {}
    for j, block in found.items():
        sums.setdefault(block.start, []).append(scores[j])
    return {start: sum(ps) / len(ps) for start, ps in sums.items()}


def decide(
    texts: Sequence[str], code: str | None, model: LineModel, region: bool = False
) -> dict[int, Verdict]:
    """The lines (indexes into `texts`) the model removes, each with its p(article), features and block.

    The lines `kept` and `held` describe are never removed: author notes and comments written as prose
    stay rather than risk an article paragraph. Inside a teaser list or a comment thread (`blocks`,
    when the model has a `block_threshold`) the guards of `kept` are relaxed: a line goes when its
    score is below the threshold, and every line of the block goes when the mean score of its lines is
    below the block threshold (the units of a list are alike: one decision for the list); `held` (a
    headline over the article, the items of a list introduced by a colon) still holds.

    With `region` (a whole-page dump, `looks_like_dump`) and a model with a `region_threshold`, once the
    model removes nothing more, the lines outside the main region (`main_region`, on every line's
    score) go too, except those `held` keeps (a headline, a list's items).

    Decided again on the lines left until nothing more goes (at most `len(texts)` rounds, in practice
    two or three), so that the lines kept are a fixed point: deciding on them removes nothing. Never
    every line: a text the model would empty is left alone, and so is a text of fewer than `MIN_LINES`
    lines or without a prose line.
    """
    alive = list(range(len(texts)))
    memo: dict[tuple[float, ...], float] = {}  # p(article) of a feature vector met in an earlier round
    if len(texts) < MIN_LINES:
        return {}
    removed: dict[int, Verdict] = {}
    while alive:
        lines = [texts[i] for i in alive]
        rows = features(lines, code)
        if len(alive) < MIN_LINES or not any(x[PROSE] for x in rows):
            break  # too little text to have surroundings, or no prose to tell furniture from
        shaped = content_shapes(lines, rows, resources.profile(code).stopwords)
        all_tables = tables(shaped)
        content = content_runs(shaped, all_tables)
        loose = [t for t in all_tables if t.holder < 0]  # one decision each, not one per row
        holds = held(rows)
        keep = holds | _lines_of(content)
        found = blocks(lines, rows) if model.block_threshold > 0 else {}
        for j in _lines_of(content) | _lines_of(loose):
            found.pop(j, None)  # a table, a data list or verse is no teaser list
        scores = [
            1.0
            if j in keep or (j not in found and kept(x, j + 1 < len(rows) and bool(rows[j + 1][LIST_ITEM])))
            else _score(model, x, memo)
            for j, x in enumerate(rows)
        ]
        means = _block_means(found, scores)
        goes = [
            p < model.threshold
            or (j in found and j not in keep and means[found[j].start] < model.block_threshold)
            for j, p in enumerate(scores)
        ]
        for t in loose:  # a table the article's text does not hold goes whole or stays whole
            table = range(t.first, t.last + 1)
            mean = sum(scores[j] for j in table) / len(table)
            for j in table:
                goes[j] = mean < model.threshold
                found[j] = Block(t.first, f"{t.why}, mean p(article)={mean:.3f}")
                means.setdefault(t.first, mean)
        runs = _in_runs(goes)
        going = {
            i: Verdict(
                p, x, f"{found[j].why}, block p(article)={means[found[j].start]:.3f}" if j in found else ""
            )
            for j, (i, p, x, go) in enumerate(zip(alive, scores, rows, runs, strict=True))
            if go
        }
        if region and model.region_threshold > 0:
            going = {**_outside(lines, rows, alive, holds, found, model, memo, content + loose), **going}
        if not going:
            break
        if len(going) == len(alive):
            return {}
        removed.update(going)
        alive = [i for i in alive if i not in going]
    return removed


def _outside(
    texts: Sequence[str],
    rows: Sequence[list[float]],
    alive: Sequence[int],
    keep: set[int],
    found: dict[int, Block],
    model: LineModel,
    memo: dict[tuple[float, ...], float],
    content: Sequence[Run] = (),
) -> dict[int, Verdict]:
    """The lines (indexes into the text, `alive` maps rows to them) outside the main region of the
    lines left (`texts`, `rows` their features; `main_region` at the model's `region_threshold`,
    `stretch`ed), and those of a teaser list or a comment
    thread (`found`, `lines_blocks`) that opens inside the region below its last paragraph the model
    calls article (`tail_blocks`), but those `keep` holds, and the `content` runs (`lines_content`: a
    table, a data list, verse) held by a line inside the region, or (a table no text holds) with a row
    inside it: a run is kept or cut whole."""
    scores = [_score(model, x, memo) for x in rows]
    words = [max(1, round(math.expm1(x[LOG_WORDS]))) for x in rows]
    prose = [x[PROSE] > 0 for x in rows]
    core = _core([x[LOG_WORDS] for x in rows], prose)
    if rows[0][PAGE_PROSE] < REGION_PAGE_PROSE:
        return {}
    hold = region_hold(core, prose, scores)
    sentence = [bool(x[PROSE] or (x[ENDS] and x[LOG_WORDS] >= SENTENCE_LOG_WORDS)) for x in rows]
    lo, hi = stretch(
        main_region(scores, words, hold, model.region_threshold), sentence, continues_above(texts)
    )
    if hi < lo:
        return {}
    lo, hi = (0 if lo < REGION_RUN else lo), (len(rows) - 1 if len(rows) - 1 - hi < REGION_RUN else hi)
    where = f"lines {lo + 1}-{hi + 1} of {len(rows)} at p(article) > {model.region_threshold:.2f}"
    spared = set(keep)
    for run in content:
        rows_in = range(run.first, run.last + 1)
        inside = lo <= run.holder <= hi if run.holder >= 0 else any(lo <= j <= hi for j in rows_in)
        if inside:
            spared.update(rows_in)
    keep = spared
    tail = {j: b for j, b in tail_blocks(found, prose, scores, hi).items() if j not in keep}
    going = {
        i: Verdict(scores[j], rows[j], "", where)
        for j, i in enumerate(alive)
        if not lo <= j <= hi and j not in keep
    }
    for j, block in tail.items():
        if j not in keep:
            going[alive[j]] = Verdict(
                scores[j], rows[j], "", f"{where}; {block.why} below the article's last paragraph"
            )
    return going


def tail_blocks(
    found: dict[int, Block], prose: Sequence[bool], scores: Sequence[float], last: int
) -> dict[int, Block]:
    """The lines of the blocks (`found`: line -> its teaser list or comment thread) that open after the
    last paragraph the model scores `REGION_PROSE` or more and at or above the region's `last` line:
    the teasers right under an article score 0.7-0.8 each (titles under prose look like headings) and
    keep the region open, but a list of them after the article's last paragraph is no part of it. On
    the line labels of the four sets they are 0.4-3.8% of the furniture tokens, for 0.0-0.2% of the
    article's."""
    strong = [
        j for j, (is_prose, p) in enumerate(zip(prose, scores, strict=True)) if is_prose and p >= REGION_PROSE
    ]
    after = strong[-1] if strong else -1
    return {j: b for j, b in found.items() if after < b.start <= last}


def looks_like_dump(texts: Sequence[str]) -> bool:
    """Whether stripped non-empty lines `texts` are a whole-page dump rather than prose: at least
    `DUMP_LINES` lines and at most `DUMP_MAX_LINES`, `DUMP_SHORT` of them of five words or fewer that end
    no sentence (menus, teaser lists, footers), and `DUMP_HEADER` of those before the first paragraph
    (the site's header). A clean article, a previous tool's output, a letter, or a listing extracted
    from a page has few such lines or no header. Reads the lines only, never where they came from: the
    same text gets the same answer whether it was given as text or extracted from HTML (idempotence)."""
    if not DUMP_LINES <= len(texts) <= DUMP_MAX_LINES:
        return False
    short = [not _ends(t) and word_count(t) <= 5 for t in texts]
    if sum(short) < DUMP_SHORT * len(texts):
        return False
    header = 0
    for t, is_short in zip(texts, short, strict=True):
        if header >= DUMP_HEADER or _paragraph(t):
            break
        header += is_short
    return header >= DUMP_HEADER


def came_as_dump(source: str, text: str) -> bool:
    """Whether the text the chain started from (`source`) was a whole-page dump (`looks_like_dump`),
    when the text now (`text`) is another one. The phrase rules run first and take the clearest frame
    lines (a dateline, an ad label, a consent button): taken from the header, they could leave fewer
    than `DUMP_HEADER` lines above the first paragraph, and the dump went on unmodelled with its
    furniture (three dumps of the bench lost 0.1-0.2 F1). The gate is a fact about the input, not
    about what earlier steps left.

    Idempotent together with the test on the text now: a second clean of the output O starts from O,
    so it runs the model only when O itself looks like a dump, and then the first clean's last pass ran
    the model on O too (the text now was a dump), whose removals are a fixed point (`decide`)."""
    return bool(source) and source != text and looks_like_dump(list(text_blocks(source).texts()))


def _paragraph(text: str) -> bool:
    """A line that ends a sentence and has ten words or 80 characters (the language-free half of prose)."""
    return _ends(text) and (len(text) >= PROSE_CHARS or word_count(text) >= PROSE_WORDS)


class Lines(Cleaner):
    """Removes the lines the line model scores as furniture, each with its score and decisive features.

    With `dumps_only` (as the default chain runs it), only in a text that `looks_like_dump`: a clean
    text keeps the precise phrase rules alone. The test reads the text only, never where it came from:
    an article extracted from HTML that has a dump's shape (a listing, an index) gets the model too, so
    that cleaning the output again as text takes the same decisions (idempotence; the model's removals
    are a fixed point, `decide`). Keeps nothing of a document on `self` (one instance
    serves any number of threads): the model is read-only.
    """

    name = "lines"
    #: Not settling: the lines it removes can leave the phrase rules new evidence (two runs of a site's
    #: labels it separated become one menu `boilerplate` finds), so a pass it edits in is not the last.
    settles = False
    reasons = ("lines.",)

    def __init__(self, model: LineModel | None = None, dumps_only: bool = False) -> None:
        self.model = model
        self.dumps_only = dumps_only

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        bl = doc.cached(BLOCKS)
        if len(bl) < 2:
            return
        texts = list(bl.texts())
        dump = looks_like_dump(texts) or came_as_dump(doc.source, doc.text)
        if self.dumps_only and not dump:
            return
        model = self.model or shipped_model()
        code = doc.lang if resources.profile(doc.lang).known else None
        removed = decide(texts, code, model, region=dump)
        spans = removal_spans(doc.text, bl, set(removed))
        for i in sorted(removed):
            p, x, block, region = removed[i]
            why = ", ".join(model.decisive(x)) or "its shape"
            if region:
                detail = f"outside the main region ({region}): line model p(article)={p:.3f}: {why}"
                yield doc.remove(*spans[i], "lines.region", detail)
                continue
            # the block's shape, not a verdict on what it is ("teaser list" alone was said of a poem)
            where = f" in a run shaped like a {block}" if block else ""
            yield doc.remove(*spans[i], "lines.furniture", f"line model p(article)={p:.3f}{where}: {why}")
