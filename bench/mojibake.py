"""Encoding repair against ftfy on ftfy's own cases, and what the encoding step costs the chain.

1. Quality: `clean(original, input_format="text")` on each case of ../shared/bench/ftfy-cases
   (in-the-wild, synthetic, negative, known-failures), compared with `fixed` after NFKC, straight quotes
   and collapsed white space (typography and layout choices do not count); `ftfy.fix_text` beside it.
   A negative case passes only when it comes out unchanged (under the same normalisation).
2. Speed on clean text (process CPU time, less disturbed by other jobs on a shared machine): the share of the chain's time the encoding steps take (`mojibake`, and
   `controls`, which must leave mojibake evidence in place) on the article bodies of the four page sets
   (each document once, per-line caches emptied). Target: mojibake <= 2%.
3. One bad line: the mojibake step on a long clean text, then on the same text with one line turned
   into mojibake (UTF-8 read as Windows-1252): the second should cost the first plus that line's repair,
   not a repair of the whole text.

    python bench/mojibake.py ../shared/bench            # all three
    python bench/mojibake.py ../shared/bench --quality  # the cases only, failures listed
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

import ftfy

from cleanmedia import clean, clean_and_explain
from cleanmedia.cleaner import TRAITS, Cleaner, Proposal
from cleanmedia.cleaners import DEFAULT_CHAIN
from cleanmedia.document import Document, DocumentView, Edit
from cleanmedia.encoding import suspect_lines

SETS = ("in-the-wild", "synthetic", "negative", "known-failures")
QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'}
)


def normal(text: str) -> str:
    """What the comparison ignores: compatibility forms, curly quotes, white space layout."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(QUOTES).split())


def load(bench: Path, name: str) -> list[dict[str, str]]:
    cases: list[dict[str, str]] = json.loads((bench / "ftfy-cases" / f"{name}.json").read_text("utf-8"))
    return cases


def quality(bench: Path, show: bool) -> None:
    print("encoding repair on ftfy's cases (pass = equal to `fixed` after NFKC, quotes, white space);")
    print("flagged = cases whose output carries a mojibake flag (on negatives: false flags; on misses:")
    print("flagged with the right reading = the reading the flag gives is `fixed`'s word)")
    for name in SETS:
        cases = load(bench, name)
        ours = theirs = flagged = right_reading = 0
        misses = []
        for case in cases:
            want = normal(case["fixed"])
            result = clean_and_explain(case["original"], input_format="text")
            got = result.text
            ours += normal(got) == want
            theirs += normal(ftfy.fix_text(case["original"])) == want
            flags = [e for e in result.edits if e.flag and e.reason.startswith("mojibake")]
            flagged += bool(flags)
            if normal(got) != want:
                readings = [d.split("likely ", 1)[1] for d in (e.detail for e in flags) if "likely " in d]
                right_reading += any(normal(r.split("'")[1]) in want for r in readings)
                misses.append((case, got, [e.detail for e in flags]))
        print(
            f"  {name:15s} cleanmedia {ours:3d}/{len(cases)}   ftfy.fix_text {theirs:3d}/{len(cases)}"
            f"   flagged {flagged:2d}   misses flagged with the right reading {right_reading}/{len(misses)}"
        )
        if show:
            for case, got, details in misses:
                print(f"    - {case['label']}\n      in : {case['original']!r}\n      out: {got!r}")
                print(f"      want: {case['fixed']!r}" + (f"\n      flag: {details}" if details else ""))


class Timed(Cleaner):
    """A cleaner wrapped to add up the time its `edits` take (the list is built inside the timing)."""

    def __init__(self, inner: Cleaner) -> None:
        self.inner = inner
        self.name = inner.name
        for trait in TRAITS:
            setattr(self, trait, getattr(inner, trait))
        self.seconds = 0.0

    def edits(self, doc: DocumentView) -> list[Proposal]:
        start = time.process_time()
        out = list(self.inner.edits(doc))
        self.seconds += time.process_time() - start
        return out


def article_bodies(bench: Path, mb: float) -> dict[str, list[str]]:
    """The article bodies of each page set (ground truth: clean text), the first `mb` megabytes of each."""
    out: dict[str, list[str]] = {}
    for name in ("scrapinghub", "modern", "readability", "newspaper"):
        truth = json.loads((bench / name / "ground-truth.json").read_text("utf-8"))
        docs, size = [], 0
        for _, record in sorted(truth.items()):
            body = record.get("articleBody") or ""
            if body and size < mb * 1e6:
                docs.append(body)
                size += len(body.encode())
        out[name] = docs
    return out


def shares_of(docs: list[str], repeats: int) -> tuple[float, dict[str, float]]:
    """The chain's seconds (median of `repeats` passes, per-line caches emptied) and the median share
    of them each encoding step takes."""
    from text_speed import clear_line_caches  # the same cache reset as the chain's speed bench

    shares: dict[str, list[float]] = {"mojibake": [], "controls": []}
    totals = []
    for _ in range(repeats):
        timed = {n: Timed(DEFAULT_CHAIN[n]) for n in shares}
        chain = DEFAULT_CHAIN
        for n, t in timed.items():
            chain = chain.replace(n, t)
        clear_line_caches()
        start = time.process_time()
        for d in docs:
            clean(d, chain=chain)
        total = time.process_time() - start
        totals.append(total)
        for n, t in timed.items():
            shares[n].append(t.seconds / total)
    return statistics.median(totals), {n: statistics.median(v) for n, v in shares.items()}


def share(bench: Path, mb: float, repeats: int) -> None:
    print(f"\nencoding steps' share of the chain on article bodies (first {mb} MB of each set);")
    print("'clean' = the documents in which the mojibake step repairs nothing (the issue's target: <= 2%)")
    step = DEFAULT_CHAIN["mojibake"]
    for name, docs in article_bodies(bench, mb).items():
        for d in docs:  # warm-up: lexicons load here
            clean(d)
        clean_docs = [
            d
            for d in docs
            if not any(isinstance(e, Edit) and not e.flag for e in step.edits(Document(text=d)))
        ]
        for label, part in (("all", docs), ("clean", clean_docs)):
            size = sum(len(d.encode()) for d in part) / 1e6
            seconds, parts = shares_of(part, repeats)
            gate = best(lambda part=part: [suspect_lines(d) for d in part], repeats)  # type: ignore[misc]
            shown = "   ".join(f"{n} {100 * v:.2f}%" for n, v in parts.items())
            print(
                f"  {name:12s} {label:5s} {len(part):4d} docs {size:5.2f} MB  chain {size / seconds:.2f} MB/s"
                f"   {shown}   (the gate alone {100 * gate / seconds:.2f}%)"
            )


def best(func: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def one_line(bench: Path, repeats: int) -> None:
    """The mojibake step on a long clean text with and without one line of mojibake."""
    from text_speed import clear_line_caches

    bodies = [d for docs in article_bodies(bench, 1.0).values() for d in docs]
    text = max(bodies, key=len)
    paragraphs = [p for p in text.split("\n") if p.strip()]
    victim = max(paragraphs, key=lambda p: sum(not c.isascii() for c in p) + len(p) / 1000)
    broken = victim.encode("utf-8").decode("windows-1252", errors="replace")
    bad = text.replace(victim, broken, 1)
    step = DEFAULT_CHAIN["mojibake"]

    def run(t: str) -> Callable[[], object]:
        def once() -> object:
            clear_line_caches()  # the line's repair is cached: each run must meet it for the first time
            return list(step.edits(Document(text=t)))

        return once

    clean_s, bad_s = best(run(text), repeats), best(run(bad), repeats)
    line_s = best(lambda: ftfy.fix_text(broken), repeats)
    whole_s = best(lambda: ftfy.fix_text(bad), repeats)
    print(
        f"\none line of mojibake in a clean text of {len(text):,} characters ({len(paragraphs)} lines; the line: {len(victim)})"
    )
    print(f"  mojibake step, clean text          {1e3 * clean_s:8.3f} ms")
    print(
        f"  mojibake step, one bad line        {1e3 * bad_s:8.3f} ms   (extra {1e3 * (bad_s - clean_s):.3f} ms)"
    )
    print(f"  ftfy.fix_text on that line alone   {1e3 * line_s:8.3f} ms")
    print(f"  ftfy.fix_text on the whole text    {1e3 * whole_s:8.3f} ms")


def made_mojibake(bench: Path, per_set: int, offset: int, show: bool) -> None:
    """Held-out mojibake made from real text: paragraphs with non-ASCII letters from the article bodies
    of the four page sets (many languages and scripts), each encoded as UTF-8 and decoded with each of
    the charsets ftfy repairs (one paragraph per charset, in turn: one layer). Passes when cleaning the
    mojibake gives what cleaning the paragraph gives (after the same normalisation); ftfy.fix_text
    passes when it gives the paragraph back. `offset` picks another sample of paragraphs: sample 0
    was looked at while the word test of `mojibake.read_back` was written, other samples were not."""
    from cleanmedia.encoding import ENCODINGS

    paragraphs = []
    for name, docs in article_bodies(bench, 10.0).items():
        found = [
            p.strip()
            for d in docs
            for p in d.split("\n")
            if 40 <= len(p.strip()) <= 400 and sum(c.isalpha() and not c.isascii() for c in p) >= 3
        ]
        step = max(1, len(found) // per_set)
        paragraphs += [(name, p) for p in found[offset % step :: step][:per_set]]
    ours = theirs = total = worse = 0
    by_charset: dict[str, list[int]] = {}
    by_set: dict[str, list[int]] = {}
    for i, (name, para) in enumerate(paragraphs):
        enc = ENCODINGS[i % len(ENCODINGS)]
        try:
            broken = para.encode("utf-8").decode(enc)
        except UnicodeError:
            continue
        total += 1
        want = normal(clean(para, input_format="text"))
        ok = normal(clean(broken, input_format="text")) == want
        ours += ok
        ftfy_ok = normal(ftfy.fix_text(broken)) == normal(ftfy.fix_text(para))
        theirs += ftfy_ok
        worse += ftfy_ok and not ok
        by_charset.setdefault(enc, [0, 0])[0] += ok
        by_charset[enc][1] += 1
        by_set.setdefault(name, [0, 0, 0])[0] += ok
        by_set[name][1] += ftfy_ok
        by_set[name][2] += 1
        if show and not ok:
            print(f"    miss ({enc}): {broken[:80]!r}")
    print(f"\nmojibake made from {total} real paragraphs (article bodies, one charset each; sample {offset})")
    print(
        f"  cleanmedia {ours}/{total}   ftfy.fix_text {theirs}/{total}   ftfy right where cleanmedia is not: {worse}"
    )
    print("  by set (cleanmedia/ftfy/n): " + ", ".join(f"{n} {a}/{b}/{c}" for n, (a, b, c) in by_set.items()))
    print("  by charset: " + ", ".join(f"{e} {a}/{b}" for e, (a, b) in sorted(by_charset.items())))


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path, help="path of ../shared/bench")
    parser.add_argument("--quality", action="store_true", help="the cases only, with the failures")
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of article bodies per page set")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--sample", type=int, default=1, help="which sample of paragraphs (0: the one tuned on)"
    )
    parser.add_argument(
        "--paragraphs", type=int, default=40, help="real paragraphs per page set made mojibake"
    )
    args = parser.parse_args(None if argv is None else list(argv))
    print(f"ftfy {ftfy.__version__}")
    quality(args.bench, show=args.quality)
    made_mojibake(args.bench, args.paragraphs, args.sample, show=args.quality)
    if not args.quality:
        share(args.bench, args.mb, args.repeats)
        one_line(args.bench, max(5, args.repeats))


if __name__ == "__main__":
    main()
