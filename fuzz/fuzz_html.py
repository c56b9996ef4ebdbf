"""atheris target: a document cleaned as HTML (input_format="html": extraction of the main content) must not crash, must clean to a fixed point and must have a log that replays.

python fuzz/fuzz_html.py -max_total_time=600     # any libFuzzer option; findings kept as tests
"""

import sys

from harness import fuzz_with_atheris

if __name__ == "__main__":
    fuzz_with_atheris("html", sys.argv[1:])
