"""Language identification accuracy: the bench's article bodies and held-out manuals, short and long,
in the supported languages and outside them, and texts of no language at all.

Each text is identified as `clean()` identifies a document (`api._identify`: `lang.detect_counts` over
its runs of letters, Latin filler as no language). The right answer is the text's language when
cleanmedia supports it, else None (no language is better than a wrong one). Sources:
- `bench`: the article bodies of ../shared/bench, labelled by their page's `<html lang>` (pages
  without one are skipped), whole (`bench`) and cut to their first 13 words (`bench-13w`);
- `manuals`: GNOME help (less the paragraphs left untranslated, those of the English manuals) (/usr/share/help/<lang>/gnome-help) and, for the supported languages, the Debian Administrator's Handbook
  (/usr/share/doc/debian-handbook/html/<lang>-<REGION>), in 8 supported and 11 other languages
  (installed Debian packages, nothing downloaded), as single paragraphs of 8-20 words (`short`) and as
  documents of ten paragraphs (`doc`);
- `none`: lists of numbers, of addresses, of dates, of codes (generated).

    python bench/lang_id.py --shared ../shared/bench [--per-lang 200] [--misses FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

from real_paragraphs import _paragraphs, mallard_joiners

from cleanmedia import resources
from cleanmedia.api import _identify
from cleanmedia.document import Document

OTHERS = ("cs", "sv", "da", "fi", "hu", "ro", "hr", "tr", "id", "ca", "gl")
HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def identify(text: str) -> str | None:
    return _identify(Document(text=text))


def bench_items(folder: Path) -> list[tuple[str, str | None, str]]:
    """(source, right answer, text) of every article body whose page declares its language."""
    items: list[tuple[str, str | None, str]] = []
    for truth in sorted(folder.glob("*/ground-truth.json")):
        for key, item in sorted(json.loads(truth.read_text(encoding="utf-8")).items()):
            body = (item.get("articleBody") or "").strip()
            page = truth.parent / "html" / f"{key}.html.gz"
            if not body or not page.is_file():
                continue
            m = HTML_LANG.search(gzip.decompress(page.read_bytes())[:20000].decode("utf-8", "replace"))
            if not m:
                continue
            code = m.group(1).lower()
            right = code if code in resources.LANGUAGES else None
            items.append((f"bench/{truth.parent.name}", right, body))
            first = " ".join(body.split()[:13])
            items.append((f"bench-13w/{truth.parent.name}", right, first))
    return items


def manual_paragraphs(code: str) -> list[str]:
    paras: list[str] = []
    for page in sorted(Path(f"/usr/share/help/{code}/gnome-help").glob("*.page")):
        paras += _paragraphs(mallard_joiners(page.read_text(encoding="utf-8", errors="replace")))
    # The handbook's translations outside the supported languages leave whole chapters in English.
    handbook = (
        sorted(Path("/usr/share/doc/debian-handbook/html").glob(f"{code}-*"))
        if code in resources.LANGUAGES
        else []
    )
    for sub in handbook[:1]:
        for page in sorted(sub.glob("*.html")):
            paras += _paragraphs(page.read_text(encoding="utf-8", errors="replace"), "div.para")
    seen: set[str] = set()
    unique = []
    for p in paras:
        if p and p not in seen:
            seen.add(p)
            unique.append(p)
    return unique


def manual_items(per_lang: int) -> list[tuple[str, str | None, str]]:
    """Paragraphs of each language's manuals, less those of the English ones: an untranslated
    paragraph is English whatever its folder says."""
    items: list[tuple[str, str | None, str]] = []
    english = set(manual_paragraphs("en")) | set(manual_paragraphs("C"))
    for code in (*resources.LANGUAGES, *OTHERS):
        right = code if code in resources.LANGUAGES else None
        group = "in" if right else "out"
        paras = [p for p in manual_paragraphs(code) if code == "en" or p not in english]
        short = [p for p in paras if 8 <= len(p.split()) <= 20][:per_lang]
        items += [(f"short-{group}/{code}", right, p) for p in short]
        long = [p for p in paras if len(p.split()) >= 8]
        docs = ["\n\n".join(long[i : i + 10]) for i in range(0, min(len(long), per_lang * 10), 10)]
        items += [(f"doc-{group}/{code}", right, d) for d in docs[: per_lang // 4]]
    return items


def none_items(n: int = 40) -> list[tuple[str, str | None, str]]:
    rng = random.Random(7)
    items: list[tuple[str, str | None, str]] = []
    for _ in range(n):
        nums = "\n".join(f"{rng.randint(1, 99999):,}.{rng.randint(0, 99)}" for _ in range(rng.randint(5, 60)))
        urls = "\n".join(
            f"https://www.{''.join(rng.choices('abcdefghijklmnopqrstuvwxyz', k=rng.randint(3, 12)))}.com/"
            f"{''.join(rng.choices('abcdefghijklmnopqrstuvwxyz0123456789', k=8))}/index.html"
            for _ in range(rng.randint(3, 30))
        )
        codes = " ".join(
            "".join(rng.choices("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", k=rng.randint(2, 8)))
            for _ in range(40)
        )
        items += [("none/numbers", None, nums), ("none/urls", None, urls), ("none/codes", None, codes)]
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/bench"))
    parser.add_argument("--per-lang", type=int, default=200)
    parser.add_argument("--misses", type=Path, help="write every wrong answer with its text")
    args = parser.parse_args()
    items = bench_items(args.shared) + manual_items(args.per_lang) + none_items()
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    for source, right, text in items:
        found = identify(text)
        group = source.split("/")[0]
        outcome = "right" if found == right else ("none" if found is None else "wrong")
        tally[group][outcome] += 1
        tally[source][outcome] += 1
        if outcome != "right":
            misses.append(
                f"{source}\tright={right}\tfound={found}\twords={len(text.split())}\t{text[:300]!r}"
            )
    print(f"{'source':24} {'n':>5} {'right':>6} {'no lang':>8} {'wrong':>6} {'accuracy':>9}")
    for key in sorted(tally, key=lambda k: ("/" in k, k)):
        c = tally[key]
        n = sum(c.values())
        print(f"{key:24} {n:5} {c['right']:6} {c['none']:8} {c['wrong']:6} {c['right'] / n:9.3f}")
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
