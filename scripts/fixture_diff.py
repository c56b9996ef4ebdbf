"""Show how cleanmedia's output differs from each fixture's expected.txt (never writes anything).

    python scripts/fixture_diff.py                 # every case
    python scripts/fixture_diff.py seed-001        # cases whose name contains "seed-001"

Changing an expected.txt is a reviewed act: read the diff, then edit the file by hand.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from cleanmedia import clean  # noqa: E402
from fixtures import cases  # noqa: E402


def main(filters: list[str]) -> int:
    differing = 0
    for case in cases():
        if filters and not any(f in case.name for f in filters):
            continue
        actual = clean(case.input)
        if actual == case.expected:
            print(f"= {case.name}")
            continue
        differing += 1
        print(f"! {case.name}")
        sys.stdout.writelines(
            difflib.unified_diff(
                case.expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"{case.name}/expected.txt",
                f"{case.name}/actual",
            )
        )
    print(f"{differing} case(s) differ")
    return 1 if differing else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("filters", nargs="*", help="show only cases whose name contains one of these")
    raise SystemExit(main(parser.parse_args().filters))
