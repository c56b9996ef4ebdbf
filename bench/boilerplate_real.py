"""Boilerplate removal from real crawler text dumps: every visible block of a real page, as plain text.

Each page of the Scrapinghub benchmark becomes the text a crawler dump would give (`html.to_text`: all
visible blocks, one per line, menus and footers included), and each line is labelled by the page's
ground truth: *content* when its words, in order, are a stretch of the article body; *furniture*
otherwise. Lines of fewer than three words that occur in the body ("Share", a one-word heading) are
ambiguous and left out of the scores. The text is then cleaned as text (`input_format="text"`), and
the lines the furniture cleaners removed are scored:

- precision: removed lines that are furniture; recall: furniture lines removed;
- content lost: content lines (and their words) removed, the figure that must stay at zero.

Pages are split in two halves by id (first hex digit < 8: `dev`, else `test`): rules are tuned while
looking at `dev` only, and `test` says whether they generalise.

    python bench/boilerplate_real.py ../shared/bench/scrapinghub [--show-lost] [--show-missed N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cleanmedia import clean_and_explain
from cleanmedia.html import to_text

TOKEN = re.compile(r"\w+")
REMOVERS = ("boilerplate", "repeated_lines")


def tokens(text: str) -> str:
    return " ".join(TOKEN.findall(text.lower()))


@dataclass
class Score:
    furniture: int = 0
    content: int = 0
    ambiguous: int = 0
    removed_furniture: int = 0
    removed_content: int = 0
    removed_ambiguous: int = 0
    content_words: int = 0
    lost_words: int = 0
    lost: list[str] = field(default_factory=list)
    missed: Counter[str] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        for name in ("furniture", "content", "ambiguous", "removed_furniture", "removed_content"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.removed_ambiguous += other.removed_ambiguous
        self.content_words += other.content_words
        self.lost_words += other.lost_words
        self.lost += other.lost
        self.missed.update(other.missed)

    def line(self, name: str) -> str:
        removed = self.removed_furniture + self.removed_content
        precision = self.removed_furniture / removed if removed else 1.0
        recall = self.removed_furniture / self.furniture if self.furniture else 1.0
        return (
            f"{name:5s} furniture {self.furniture:5d}  content {self.content:5d}  removed {removed:5d}  "
            f"precision {precision:.3f}  recall {recall:.3f}  content lines lost {self.removed_content} "
            f"({self.lost_words} of {self.content_words} words)"
        )


def score_page(html: str, body: str) -> Score:
    text, _ = to_text(html)
    truth = f" {tokens(body)} "
    result = clean_and_explain(text, input_format="text")
    reasons = {
        " ".join(line.split()): e.reason
        for e in result.edits
        if e.cleaner in REMOVERS and e.kind == "remove"
        for line in e.before.split("\n")
        if line.strip()
    }
    removed = Counter(
        " ".join(line.split())
        for e in result.edits
        if e.cleaner in REMOVERS and e.kind == "remove"
        for line in e.before.split("\n")
        if line.strip()
    )
    score = Score()
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        words = tokens(line)
        if not words:
            continue
        in_body = f" {words} " in truth
        was_removed = removed[line] > 0
        if was_removed:
            removed[line] -= 1
        if in_body and len(words.split()) < 3:
            score.ambiguous += 1
            score.removed_ambiguous += was_removed
        elif in_body:
            score.content += 1
            score.content_words += len(words.split())
            if was_removed:
                score.removed_content += 1
                score.lost_words += len(words.split())
                score.lost.append(f"[{reasons.get(line)}] {line}")
        else:
            score.furniture += 1
            score.removed_furniture += was_removed
            if not was_removed:
                score.missed[line] += 1
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path, help="the scrapinghub folder (html/, ground-truth.json)")
    parser.add_argument("--show-lost", action="store_true", help="print the content lines removed")
    parser.add_argument(
        "--lost-half", choices=["dev", "test"], default="dev", help="whose lost lines to print"
    )
    parser.add_argument(
        "--show-missed", type=int, default=0, help="print the N commonest furniture lines kept (dev)"
    )
    args = parser.parse_args()
    truth = json.loads((args.bench / "ground-truth.json").read_text(encoding="utf-8"))
    halves = {"dev": Score(), "test": Score()}
    for page_id, item in sorted(truth.items()):
        html = gzip.decompress((args.bench / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        halves["dev" if page_id[0] in "01234567" else "test"].add(score_page(html, item["articleBody"]))
    for name, score in halves.items():
        print(score.line(name))
    if args.show_lost:
        print(f"\ncontent lines removed ({args.lost_half}):")
        for line in halves[args.lost_half].lost:
            print("  ", line[:160])
    if args.show_missed:
        print(f"\nfurniture lines kept, commonest {args.show_missed} (dev):")
        for line, n in halves["dev"].missed.most_common(args.show_missed):
            print(f"  {n:3d}  {line[:140]}")


if __name__ == "__main__":
    main()
