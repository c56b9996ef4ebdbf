"""A language given for a text (`lang=`, `--lang`, a record's `lang`) that the text clearly is not: how
often `lang.clearly_other` says so (`lang.disagrees`) when it is wrong, and how often it says so
wrongly, per true language, on short real paragraphs with their true language (not identified).

Texts: paragraphs of 8 to 80 words of
- `bench`: the article bodies of the page sets in ../shared/bench, true language from the page's own
  `<html lang>` (pages without one skipped);
- `handbook`: the Debian Administrator's Handbook (/usr/share/doc/debian-handbook/html/<lang>-<REGION>/,
  Debian package debian-handbook), true language from its folder; a paragraph also in the English
  edition (left untranslated) is skipped.

False disagreement: a paragraph given its true language and said to be another. Recall: a paragraph
given a wrong language (the pairs of `WRONG`) and said to be another (its own, or any).

    python bench/lang_given.py ../shared/bench [--per-lang 400] [--show 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from real_paragraphs import _paragraphs

from cleanmedia.document import LETTER_RUN
from cleanmedia.lang import clearly_other

LANGS = ("de", "en", "fr", "es", "it", "pt", "ca", "nl", "pl")
#: (true language, language given): the wrong languages a record or a user gives most plausibly.
WRONG = [
    ("es", "fr"),
    ("fr", "es"),
    ("it", "fr"),
    ("it", "es"),
    ("es", "it"),
    ("pt", "es"),
    ("es", "pt"),
    ("fr", "it"),
    ("en", "de"),
    ("de", "en"),
    ("en", "fr"),
    ("pt", "fr"),
    ("ca", "fr"),
    ("nl", "de"),
]
HTML_LANG = re.compile(rb"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z]{2})", re.IGNORECASE)


def bench_paragraphs(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(lang, set name, paragraph) of the page sets' article bodies, language from `<html lang>`."""
    for truth in sorted(folder.glob("*/ground-truth.json")):
        for page_id, item in json.loads(truth.read_text(encoding="utf-8")).items():
            page = truth.parent / "html" / f"{page_id}.html.gz"
            if not page.exists():
                continue
            with gzip.open(page) as stream:
                found = HTML_LANG.search(stream.read(20000))
            if not found:
                continue
            lang = found.group(1).decode().lower()
            for para in (item.get("articleBody") or "").split("\n"):
                yield lang, truth.parent.name, " ".join(para.split())


def handbook_paragraphs(folder: Path) -> Iterator[tuple[str, str, str]]:
    english: set[str] = set()
    for sub in sorted(folder.glob("en-*")):
        for page in sorted(sub.glob("*.html")):
            english.update(_paragraphs(page.read_text(encoding="utf-8", errors="replace"), "div.para"))
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        lang = sub.name.split("-")[0]
        if lang not in LANGS:
            continue
        for page in sorted(sub.glob("*.html")):
            for para in _paragraphs(page.read_text(encoding="utf-8", errors="replace"), "div.para"):
                if lang == "en" or para not in english:
                    yield lang, "handbook", para


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--handbook", type=Path, default=Path("/usr/share/doc/debian-handbook/html"))
    parser.add_argument("--per-lang", type=int, default=400, help="paragraphs per language and source")
    parser.add_argument("--show", type=int, default=0, help="false disagreements shown per language")
    args = parser.parse_args()
    texts: dict[tuple[str, str], list[str]] = defaultdict(list)
    sources = [bench_paragraphs(args.bench)]
    if args.handbook.is_dir():
        sources.append(handbook_paragraphs(args.handbook))
    for found in sources:
        for lang, name, para in found:
            key = (lang, "bench" if name != "handbook" else "handbook")
            if lang in LANGS and 8 <= len(para.split()) <= 80 and len(texts[key]) < args.per_lang:
                texts[key].append(para)
    print("false disagreements (a paragraph given its true language, said to be another; 'not en': said")
    print("to be a language other than English, since a translation's untranslated paragraphs and a page's")
    print("wrong <html lang> are English text, true disagreements the labels miss)")
    print(f"{'lang':5} {'source':9} {'n':>5} {'false':>6} {'rate':>7} {'not en':>7} {'rate':>7}")
    shown: list[str] = []
    for (lang, source), paras in sorted(texts.items()):
        said = [(p, clearly_other(Counter(LETTER_RUN.findall(p)), lang)) for p in paras]
        wrong = [(p, other) for p, other in said if other is not None]
        other_than_en = [(p, other) for p, other in wrong if other != "en"]
        print(
            f"{lang:5} {source:9} {len(paras):5} {len(wrong):6} {len(wrong) / len(paras):7.2%}"
            f" {len(other_than_en):7} {len(other_than_en) / len(paras):7.2%}"
        )
        shown += [f"  {lang}->{other} [{source}] {p[:150]}" for p, other in other_than_en[: args.show]]
    print("\n".join(shown))
    print("\nrecall (a paragraph given a wrong language, said to be another), by length in words")
    print(f"{'true':5} {'given':6} {'n':>5} {'8-20':>7} {'21-80':>7} {'all':>7}")
    for true, given in WRONG:
        paras = texts[(true, "bench")] + texts[(true, "handbook")]
        if not paras:
            continue
        hits: Counter[str] = Counter()
        for p in paras:
            bucket = "short" if len(p.split()) <= 20 else "long"
            hits[bucket + "_n"] += 1
            hits[bucket] += clearly_other(Counter(LETTER_RUN.findall(p)), given) is not None
        rate = {b: hits[b] / hits[b + "_n"] if hits[b + "_n"] else float("nan") for b in ("short", "long")}
        total = (hits["short"] + hits["long"]) / len(paras)
        print(f"{true:5} {given:6} {len(paras):5} {rate['short']:7.1%} {rate['long']:7.1%} {total:7.1%}")


if __name__ == "__main__":
    main()
