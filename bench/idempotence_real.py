"""Idempotence on real documents: `clean(clean(x)) == clean(x)` for every Scrapinghub page as HTML, as a
crawler's text dump (every visible block) and as its article body. The property tests check it on
generated input; real pages found what they did not (a page title that is not the first heading).

    python bench/idempotence_real.py ../shared/bench/scrapinghub
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
from pathlib import Path

from cleanmedia import clean
from cleanmedia.html import to_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path, help="the scrapinghub folder (html/, ground-truth.json)")
    args = parser.parse_args()
    truth = json.loads((args.bench / "ground-truth.json").read_text(encoding="utf-8"))
    failures, total = 0, 0
    for page_id, item in sorted(truth.items()):
        html = gzip.decompress((args.bench / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
        for kind, text in (("html", html), ("dump", to_text(html)[0]), ("body", item["articleBody"])):
            total += 1
            once = clean(text)
            twice = clean(once)
            if twice != once:
                failures += 1
                print(f"{page_id[:12]} {kind}: not idempotent")
                for line in list(difflib.unified_diff(once.split("\n"), twice.split("\n"), lineterm="", n=0))[
                    2:8
                ]:
                    print("   ", line[:150])
    print(f"{failures} of {total} documents not idempotent")


if __name__ == "__main__":
    main()
