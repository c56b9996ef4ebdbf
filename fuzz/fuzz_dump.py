"""atheris target: a document cleaned without main-content extraction (main_content=False) must not crash, must clean to a fixed point and must have a log that replays.

python fuzz/fuzz_dump.py -max_total_time=600     # any libFuzzer option; findings kept as tests
"""

import sys

from harness import fuzz_with_atheris

if __name__ == "__main__":
    fuzz_with_atheris("dump", sys.argv[1:])
