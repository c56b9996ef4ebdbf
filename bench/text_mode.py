"""Text mode on full-page dumps: cleanmedia against the raw dump, jusText on lines and the C4 line rules.

For every page of the four shared sets (scrapinghub, readability, newspaper, modern), the page's full
text dump (`textdump.py` of the shared bench: every text node of the body, one per line) is cleaned as
text and scored against `articleBody` with bag-of-words F1 (tokens: lowercased `\\w+` runs; a page's
score, then the mean over the set; pages with an empty `articleBody` are left out). Printed per set:

- F1: the mean F1; lost: share of pages with F1 < 0.3 (the article lost);
- removed: article tokens removed, pooled over the set: of the article's tokens present in the dump
  (multiset intersection), the share no longer in the output (the precision-first target is <= 3%);
- for cleanmedia, the speed of the furniture steps (boilerplate, lines) and of the whole chain, in MB of
  dump per second (single process, each cleaner timed around its `edits` call).

Peers on the same lines: jusText 3.0.2 (each line one `<p>`, the stoplist of the page's `<html lang>`,
English when none or unknown) and the C4 line rules (a line is kept when it ends with terminal
punctuation, has at least 3 words, and names neither javascript nor a cookie/terms/privacy policy; the
page-level C4 filters are left out: they drop pages, not lines).

With `--loso DIR`, cleanmedia's line model is also run held out: on set S with the weights, the threshold,
the block threshold (teaser lists and comment threads, `cleaners/lines_blocks.py`) and the region
threshold (the main region of a dump, `lines.main_region`) fitted on the three other sets
(`DIR/without-S.json`, written by `scripts/train_lines.py`, `--blocks-only` / `--region-only` to fit a
threshold alone), printed beside the shipped model fitted on all four (in-sample).

With `--learn`, the default and the dump chains also run with corpus learning (`Boilerplate.fit`, the
template lines of `cleaners.templates`), learnt two ways over each set: per site (the page's site is the
host of the ground truth's URL, or of the page's canonical / og:url link when the ground truth has
none; pages of a site with too few pages learn nothing) and across the whole set (no site). Each in
sample (the page itself is among the documents learnt from, as the command's `--learn-furniture` does)
and held out (learnt from the other pages of the set only). The learner fits nothing on labels: its two
thresholds (3 documents, 5% of the site's documents) were set by reasoning, not searched. With
`--site-pages N`, only the pages of sites with N pages or more are scored (the sets have few pages per
site: that is where per-site learning can act); learning still reads every page of the set.

Dumps are cached under /tmp (`--cache`); peers' outputs too (they are deterministic).

    python bench/text_mode.py ../shared/bench [--limit 40] [--sets modern newspaper] [--loso /tmp/lines-loso]
"""

from __future__ import annotations

import argparse
import html as htmlmod
import importlib.util
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleanmedia import DEFAULT_CHAIN, clean, lang
from cleanmedia.chain import Chain
from cleanmedia.cleaner import TRAITS, Cleaner, Proposal
from cleanmedia.cleaners import DUMP_CHAIN, Boilerplate
from cleanmedia.cleaners.templates import TemplateCounts, Templates, site_of
from cleanmedia.document import LETTER_RUN, DocumentView

SETS = ("scrapinghub", "readability", "newspaper", "modern")
TOKEN = re.compile(r"\w+")
FURNITURE = ("boilerplate", "lines")
JUSTEXT_LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "cs": "Czech", "ru": "Russian", "id": "Indonesian", "lv": "Latvian",
    "ar": "Arabic", "he": "Hebrew", "ko": "Korean", "sv": "Swedish", "da": "Danish", "fi": "Finnish",
    "tr": "Turkish", "uk": "Ukrainian", "ro": "Romanian", "hu": "Hungarian", "el": "Greek", "vi": "Vietnamese",
}  # fmt: skip
C4_POLICY = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)


@dataclass
class Page:
    set: str
    id: str
    dump: str
    body: str
    lang: str
    site: str = ""


CANONICAL = re.compile(
    r"<link[^>]+rel=[\"']?canonical[^>]+href=[\"']?([^\"'\s>]+)|og:url[\"']?\s+content=[\"']?([^\"'\s>]+)"
)


def page_site(bench: Path, name: str, page_id: str, truth: dict[str, Any]) -> str:
    """The page's site: the host of the ground truth's URL, else of the page's canonical or og:url link."""
    url = truth.get("url")
    if not url or url == "None":
        html = _textdump(bench).read_page(bench / name / "html" / f"{page_id}.html.gz")
        found = CANONICAL.search(html)
        url = (found.group(1) or found.group(2)) if found else None
    return site_of(url)


def _textdump(bench: Path) -> Any:
    spec = importlib.util.spec_from_file_location("textdump", bench / "textdump.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_atomic(path: Path, text: str) -> None:
    """Write a cache file whole or not at all: benches running side by side share the cache."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def load_set(bench: Path, name: str, cache: Path, limit: int | None) -> list[Page]:
    """The set's pages with an article, each with its dump (made once, then read from `cache`)."""
    truth = json.loads((bench / name / "ground-truth.json").read_text(encoding="utf-8"))
    folder = cache / name
    folder.mkdir(parents=True, exist_ok=True)
    dumper = None
    pages = []
    for page_id in sorted(truth)[:limit]:
        body = truth[page_id].get("articleBody") or ""
        if not TOKEN.search(body):
            continue
        stored = folder / f"{page_id}.json"
        if stored.exists():
            dump, page_lang = json.loads(stored.read_text(encoding="utf-8"))
        else:
            dumper = dumper or _textdump(bench)
            html = dumper.read_page(bench / name / "html" / f"{page_id}.html.gz")
            found = re.search(r"<html[^>]*\slang=[\"']?([a-zA-Z]{2})", html[:5000])
            dump, page_lang = dumper.dump(html), found.group(1).lower() if found else ""
            write_atomic(stored, json.dumps([dump, page_lang]))
        sites = folder / f"{page_id}.site"
        if not sites.exists():
            write_atomic(sites, page_site(bench, name, page_id, truth[page_id]))
        pages.append(Page(name, page_id, dump, body, page_lang, sites.read_text(encoding="utf-8")))
    return pages


def bag(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text.lower()))


def f1(output: str, body: str) -> float:
    out, truth = bag(output), bag(body)
    common = sum((out & truth).values())
    if not common:
        return 0.0
    precision, recall = common / sum(out.values()), common / sum(truth.values())
    return 2 * precision * recall / (precision + recall)


@dataclass
class Row:
    f1: float
    lost: float
    removed: float
    pages: int


def score(pages: list[Page], outputs: list[str]) -> Row:
    f1s = [f1(o, p.body) for p, o in zip(pages, outputs, strict=True)]
    in_dump = removed = 0
    for page, out in zip(pages, outputs, strict=True):
        article_in_dump = bag(page.body) & bag(page.dump)
        kept = article_in_dump & bag(out)
        in_dump += sum(article_in_dump.values())
        removed += sum(article_in_dump.values()) - sum(kept.values())
    n = len(pages)
    return Row(sum(f1s) / n, sum(f < 0.3 for f in f1s) / n, removed / in_dump if in_dump else 0.0, n)


# --- peers -------------------------------------------------------------------------------------------


def justext_lines(page: Page) -> str:
    import justext

    stoplist = justext.get_stoplist(JUSTEXT_LANGUAGES.get(page.lang, "English"))
    doc = (
        "<html><body>"
        + "".join(f"<p>{htmlmod.escape(ln)}</p>" for ln in page.dump.split("\n"))
        + "</body></html>"
    )
    return "\n".join(p.text for p in justext.justext(doc.encode(), stoplist) if not p.is_boilerplate)


def c4_lines(page: Page) -> str:
    """C4's line filters (Raffel et al. 2020, section 2.2) on the dump's lines."""
    kept = []
    for line in page.dump.split("\n"):
        low = line.lower()
        if not line.rstrip().endswith((".", "!", "?", '"')) or len(line.split()) < 3:
            continue
        if "javascript" in low or any(p in low for p in C4_POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


def cached_outputs(cache: Path, method: str, pages: list[Page], run: Callable[[Page], str]) -> list[str]:
    """A deterministic peer's outputs, computed once per page and kept under `cache`."""
    path = cache / f"{method}-{pages[0].set}.json"
    known: dict[str, str] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    missing = [p for p in pages if p.id not in known]
    for p in missing:
        known[p.id] = run(p)
    if missing:
        write_atomic(path, json.dumps(known))
    return [known[p.id] for p in pages]


# --- cleanmedia, timed per cleaner ----------------------------------------------------------------------


class Timed(Cleaner):
    """A cleaner run as it is, its time added to `clock[name]` (`timed` gives it the inner's traits);
    `timer`: the wall clock, or `time.process_time` for the process's processor time."""

    def __init__(
        self, inner: Cleaner, clock: dict[str, float], timer: Callable[[], float] = time.perf_counter
    ) -> None:
        self.inner, self.clock, self.name, self.timer = inner, clock, inner.name, timer

    def edits(self, doc: DocumentView) -> list[Proposal]:
        start = self.timer()
        found = list(self.inner.edits(doc))
        self.clock[self.name] = self.clock.get(self.name, 0.0) + self.timer() - start
        return found


def timed(inner: Cleaner, clock: dict[str, float], timer: Callable[[], float] = time.perf_counter) -> Cleaner:
    traits = {t: getattr(inner, t) for t in TRAITS}
    made: Cleaner = type(f"Timed_{inner.name}", (Timed,), traits)(inner, clock, timer)
    return made


def run_chain(
    pages: list[Page], chain: Chain | Callable[[Page], Chain], clock: dict[str, float]
) -> list[str]:
    """Each page's dump cleaned with `chain` (or the chain `chain(page)` makes for it), timed per cleaner."""
    chain_for = (lambda _: chain) if isinstance(chain, Chain) else chain
    clean(pages[0].dump, input_format="text", chain=chain_for(pages[0]))  # warm up: patterns build once
    for code in {lang.detect_words(LETTER_RUN.findall(p.dump)) for p in pages}:  # lexicons load once
        lang.lexicon(code or "")
    outputs = []
    for p in pages:
        timed_chain = Chain(timed(step, clock) for step in chain_for(p).text_only())
        start = time.perf_counter()
        outputs.append(clean(p.dump, input_format="text", chain=timed_chain))
        clock["total"] = clock.get("total", 0.0) + time.perf_counter() - start
    return outputs


#: What the furniture step is given: the default chain up to it (characters and layout), as the
#: command's `--learn-furniture` pass learns from.
BEFORE_FURNITURE = Chain(list(DEFAULT_CHAIN)[: DEFAULT_CHAIN.names.index("boilerplate")])


def learnt_texts(pages: list[Page], cache: Path) -> list[str]:
    """Each page's dump as the furniture step sees it (cached under `cache`)."""
    return cached_outputs(
        cache, "before-furniture", pages, lambda p: clean(p.dump, input_format="text", chain=BEFORE_FURNITURE)
    )


def page_templates(
    pages: list[Page], texts: list[str], per_site: bool, held_out: bool
) -> dict[str, Templates]:
    """Page id -> the template lines learnt over the set that bear on that page, the page itself among
    the documents learnt from or (`held_out`) not; per site or across the set."""
    counts = TemplateCounts()
    for page, text in zip(pages, texts, strict=True):
        counts.add(text, page.site if per_site else None)
    return {
        page.id: counts.bearing_on(text, page.site if per_site else None, held_out=held_out)
        for page, text in zip(pages, texts, strict=True)
    }


def learning_chains(
    pages: list[Page], cache: Path, loso: Path | None, by: str = "both"
) -> Iterable[tuple[str, Callable[[Page], Chain]]]:
    """The default and dump chains with corpus learning, per site and per set, in sample and held out;
    with `loso`, also the dump chain held out twice (its line model and the learning)."""
    texts = learnt_texts(pages, cache)
    bases = [("", DEFAULT_CHAIN), ("dump ", DUMP_CHAIN)]
    held_model = None
    if loso is not None:
        from cleanmedia.cleaners.lines import LineModel, Lines

        held_model = DUMP_CHAIN.replace(
            "lines", Lines(model=LineModel.load(loso / f"without-{pages[0].set}.json"))
        )
    for per_site in {"site": (True,), "set": (False,)}.get(by, (True, False)):
        for held_out in (False, True):
            learnt = page_templates(pages, texts, per_site, held_out)
            where = "site" if per_site else "set"
            mode = "held-out" if held_out else "in-sample"
            runs = bases + ([("dump h-o ", held_model)] if held_out and held_model is not None else [])
            for prefix, base in runs:

                def chain_for(page: Page, base: Chain = base, learnt: dict[str, Templates] = learnt) -> Chain:
                    return base.replace("boilerplate", Boilerplate(templates=learnt[page.id]))

                yield f"{prefix}+learnt {where} {mode}", chain_for


def chains(loso: Path | None, held_out: str) -> Iterable[tuple[str, Chain]]:
    """The chains cleanmedia is measured with on a set: the default (the line model on the texts that
    look like whole-page dumps), the dump chain (the line model on every text), and each with the line
    model fitted without this set (held out)."""
    from cleanmedia.cleaners.lines import LineModel, Lines

    model = LineModel.load(loso / f"without-{held_out}.json") if loso is not None else None
    yield "cleanmedia", DEFAULT_CHAIN
    if model is not None:
        yield "cleanmedia held-out", DEFAULT_CHAIN.replace("lines", Lines(model=model, dumps_only=True))
    yield "cleanmedia dump chain", DUMP_CHAIN
    if model is not None:
        yield "cleanmedia dump held-out", DUMP_CHAIN.replace("lines", Lines(model=model))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path, help="the shared bench folder (the four sets and textdump.py)")
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set (development)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleanmedia-textmode"))
    parser.add_argument("--loso", type=Path, default=None, help="folder of held-out line models")
    parser.add_argument("--no-peers", action="store_true", help="cleanmedia and the raw dump only")
    parser.add_argument(
        "--learn",
        nargs="?",
        const="both",
        choices=["site", "set", "both"],
        help="also with corpus learning: per site, per set, or both (the default)",
    )
    parser.add_argument(
        "--site-pages",
        type=int,
        default=0,
        metavar="N",
        help="score only the pages of sites with N pages or more in the set (learning still reads every page)",
    )
    args = parser.parse_args()

    print(f"{'set':12s} {'method':32s} {'pages':>5s} {'F1':>6s} {'lost':>6s} {'removed':>8s}  speed")
    means: dict[str, list[float]] = {}
    for name in args.sets:
        every = load_set(args.bench, name, args.cache / "dumps", args.limit)
        per_site = Counter(p.site for p in every if p.site)
        pages = [p for p in every if per_site[p.site] >= args.site_pages] if args.site_pages else every
        if not pages:
            continue
        mb = sum(len(p.dump.encode()) for p in pages) / 1e6
        rows: list[tuple[str, Row, str]] = [("raw dump", score(pages, [p.dump for p in pages]), "")]
        runs: list[tuple[str, Chain | Callable[[Page], Chain]]] = list(chains(args.loso, name))
        if args.learn:
            runs += learning_chains(every, args.cache, args.loso, args.learn)
        for label, chain in runs:
            clock: dict[str, float] = {}
            outputs = run_chain(pages, chain, clock)
            furniture = sum(clock.get(n, 0.0) for n in FURNITURE)
            speed = (
                f"boilerplate {mb / clock.get('boilerplate', 0.0):.2f}, lines {mb / clock['lines']:.2f}, "
                f"furniture {mb / furniture:.2f}, chain {mb / clock['total']:.2f} MB/s"
                if clock.get("lines")
                else f"furniture {mb / furniture:.2f}, chain {mb / clock['total']:.2f} MB/s"
            )
            rows.append((label, score(pages, outputs), speed))
        if not args.no_peers:
            rows.append(
                (
                    "jusText on lines",
                    score(pages, cached_outputs(args.cache, "justext", pages, justext_lines)),
                    "",
                )
            )
            rows.append(
                ("C4 line rules", score(pages, cached_outputs(args.cache, "c4", pages, c4_lines)), "")
            )
        for label, row, speed in rows:
            means.setdefault(label, []).append(row.f1)
            print(
                f"{name:12s} {label:32s} {row.pages:5d} {row.f1:6.3f} {row.lost:6.1%} {row.removed:8.1%}  {speed}"
            )
        print(flush=True)
    for label, values in means.items():
        print(f"{'mean of sets':12s} {label:32s} {'':5s} {sum(values) / len(values):6.3f}")


if __name__ == "__main__":
    main()
