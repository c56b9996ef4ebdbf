"""Whether a cleaned page would be read as HTML again: its second clean must read it as text.

    python bench/sniff_stability.py SNAPSHOT.jsonl [--reclean N]

SNAPSHOT is the output of scripts/snapshot.py. Prints, per page set, how many outputs `looks_like_html`
takes for markup (each a page whose clean(clean(x)) would differ from clean(x), with its words lost) and
the highest `markup_share` of an output against MARKUP_SHARE. `--reclean N`: also clean the N outputs
with the most markup again and count those that change (the idempotence itself, on the hardest ones).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from cleanmedia import clean
from cleanmedia.html import MARKUP_SHARE, looks_like_html, markup_share


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--reclean", type=int, default=0, help="clean this many outputs again")
    args = parser.parse_args()
    outputs: list[tuple[str, str]] = []
    with args.snapshot.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if not row["id"].startswith(("fixture/", "text/", "dump/")):
                outputs.append((row["id"], row["text"]))
    total, markup = Counter[str](), Counter[str]()
    shares = sorted(((markup_share(text), key, text) for key, text in outputs), reverse=True)
    for key, text in outputs:
        name = key.split("/")[0]
        total[name] += 1
        if looks_like_html(text):
            markup[name] += 1
            print(f"read as HTML again: {key}")
    for name in sorted(total):
        print(f"{name:12} {markup[name]:4} of {total[name]:4} outputs read as HTML again")
    print(
        f"highest markup share of an output: {shares[0][0]:.3f} ({shares[0][1]}); MARKUP_SHARE {MARKUP_SHARE}"
    )
    changed = [key for _, key, text in shares[: args.reclean] if clean(text) != text]
    if args.reclean:
        print(f"cleaned again: {args.reclean} outputs with the most markup, {len(changed)} changed {changed}")


if __name__ == "__main__":
    main()
