"""A fixed amount of chain work, for a deterministic count of the instructions it takes.

Wall-clock speeds on a shared machine vary by 30% from run to run; the number of instructions does not.
Run the script under callgrind twice, with N documents and with 0 (the warm-up alone: imports, every
lexicon), and subtract:

    valgrind --tool=callgrind python bench/chain_work.py ../shared/bench 40   # "Collected : A"
    valgrind --tool=callgrind python bench/chain_work.py ../shared/bench 0    # "Collected : B"
    # A - B: the instructions of cleaning 40 real page dumps and 40 real article bodies

Each document is cleaned once and none is seen during the warm-up, so per-line caches do not hit.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from text_speed import ROOT, real_corpora

from cleanmedia import clean
from cleanmedia.resources import LANGUAGES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", type=Path, help="path of ../shared/bench")
    parser.add_argument("n", type=int, help="documents of each corpus to clean after the warm-up")
    args = parser.parse_args()
    corpora = real_corpora(args.bench)
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*/input.txt"))]
    for d in fixtures:
        clean(d)
    for code in LANGUAGES:
        clean(fixtures[0], lang=code)
    for d in corpora["dumps"][20 : 20 + args.n] + corpora["articles"][20 : 20 + args.n]:
        clean(d)


if __name__ == "__main__":
    main()
