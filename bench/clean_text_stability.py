"""Clean text stays clean: the share of real, already-clean paragraphs that the repair cleaners change.

Paragraphs come from two real sources given on the command line (nothing is downloaded):
- the Debian Reference manual in six languages (Debian packages debian-reference-{en,fr,es,it,de,pt},
  installed under /usr/share/debian-reference), prose paragraphs only (no commands or paths);
- the article bodies of the Scrapinghub benchmark in ../shared/bench (mostly English news).

Paragraphs are grouped ten to a document (document-level evidence such as brand consensus needs
company). A paragraph counts as changed when a repair cleaner (not typography, layout or flags) edits it.

    python bench/clean_text_stability.py --debian-reference /usr/share/debian-reference --shared ../shared
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from cleanmedia import clean_and_explain
from cleanmedia.cleaners import REPAIRS
from cleanmedia.document import LETTER_RUN
from cleanmedia.lang import detect_words


def detect(text: str) -> str | None:
    """The language of a paragraph, identified as the chain identifies a document's."""
    return detect_words(LETTER_RUN.findall(text))

CODE_LIKE = re.compile(r"[/\\$`_{}<>=|#~@\[\]]|\.\w+\(|--|\w\.\w")


def prose(text: str, lang: str) -> bool:
    text = " ".join(text.split())
    return (
        len(text.split()) >= 15 and text[-1] in ".!?" and not CODE_LIKE.search(text) and detect(text) == lang
    )


def debian_reference(folder: Path, per_language: int) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for page in sorted(folder.glob("*.html")):
        lang = page.name.split(".")[-2]
        for node in LexborHTMLParser(page.read_text(encoding="utf-8", errors="replace")).css("p"):
            text = " ".join(node.text().split())
            if len(found[lang]) < per_language and prose(text, lang):
                found[lang].append(text)
    return found


def scrapinghub(shared: Path, per_language: int) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    truth = json.loads((shared / "bench" / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    for item in truth.values():
        for para in item.get("articleBody", "").split("\n"):
            lang = detect(para) or "?"
            if lang != "?" and len(found[lang]) < per_language and prose(para, lang):
                found[lang].append(" ".join(para.split()))
    return found


def changed(paragraphs: list[str], lang: str) -> list[tuple[str, str]]:
    """The paragraphs a repair cleaner edits, with the edits' before -> after."""
    out = []
    for i in range(0, len(paragraphs), 10):
        group = paragraphs[i : i + 10]
        result = clean_and_explain("\n\n".join(group) + "\n", lang=lang)
        for e in result.edits:
            if e.cleaner in REPAIRS and not e.flag:
                out.append(
                    (f"{e.before!r} -> {e.after!r} [{e.reason}]", group[min(e.line // 2, len(group) - 1)])
                )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--debian-reference", type=Path, help="folder of the Debian Reference HTML pages")
    parser.add_argument("--shared", type=Path, help="the shared folder holding bench/scrapinghub")
    parser.add_argument("--per-language", type=int, default=300)
    parser.add_argument("--show", type=int, default=5, help="changes to print per language")
    args = parser.parse_args()
    sources = []
    if args.debian_reference:
        sources.append(("debian-reference", debian_reference(args.debian_reference, args.per_language)))
    if args.shared:
        sources.append(("scrapinghub", scrapinghub(args.shared, args.per_language)))
    total_paragraphs = total_changed = 0
    for name, by_lang in sources:
        for lang, paragraphs in sorted(by_lang.items()):
            edits = changed(paragraphs, lang)
            n_changed = len({p for _, p in edits})
            total_paragraphs += len(paragraphs)
            total_changed += n_changed
            share = n_changed / len(paragraphs) if paragraphs else 0.0
            print(
                f"{name:17s} {lang}  paragraphs {len(paragraphs):4d}  changed by repairs {n_changed:3d} ({share:.2%})"
            )
            for what, _ in edits[: args.show]:
                print(f"      {what}")
    if total_paragraphs:
        print(
            f"all: {total_paragraphs} paragraphs, {total_changed} changed ({total_changed / total_paragraphs:.2%})"
        )


if __name__ == "__main__":
    main()
