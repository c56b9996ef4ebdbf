"""Whether the HTML stage's log accounts for the whole page: each text node of the page's body (25
characters or more, scripts and styles left out) is either in the extracted text or in the text of a
`Removal`. A node in neither left the page unsaid.

    python bench/removal_coverage.py ../shared/bench/scrapinghub --pages 60 [--show]
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

#: Text nodes shorter than this (characters without white space) are not counted: labels and numbers
#: repeat too often for a substring test to say where they went.
MIN_CHARS = 25


def squeezed(text: str) -> str:
    return "".join(text.split())


def unlogged(html: str) -> tuple[int, list[str]]:
    """(text nodes counted, those neither in the extracted text nor in a removal) of one page."""
    from selectolax.lexbor import LexborHTMLParser

    from cleanmedia import clean_and_explain

    result = clean_and_explain(html)
    covered = "\x00".join([squeezed(result.source), *(squeezed(r.text) for r in result.removals)])
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    if tree.body is None:
        return 0, []
    counted, missing = 0, []
    for node in tree.body.traverse(include_text=True):
        text = squeezed(node.text()) if node.tag == "-text" else ""
        if len(text) >= MIN_CHARS:
            counted += 1
            if text not in covered:
                missing.append(" ".join(node.text().split())[:70])
    return counted, missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", type=Path, nargs="+", help="page sets (each with html/*.html.gz)")
    parser.add_argument("--pages", type=int, default=60, help="pages per set (in name order)")
    parser.add_argument("--show", action="store_true", help="print the nodes left unsaid, by page")
    args = parser.parse_args()
    for folder in args.sets:
        total = left = pages = 0
        for page in sorted((folder / "html").glob("*.html.gz"))[: args.pages]:
            counted, missing = unlogged(gzip.decompress(page.read_bytes()).decode("utf-8", "replace"))
            total, left, pages = total + counted, left + len(missing), pages + bool(missing)
            if missing and args.show:
                print(f"  {page.name}: {len(missing)} {missing[:3]}")
        print(
            f"{folder.name}: {total} text nodes, {left} neither in the text nor in a removal ({pages} pages)"
        )


if __name__ == "__main__":
    main()
