"""atheris target: a document cleaned as plain text (input_format="text") must not crash, must clean to a fixed point and must have a log that replays.

python fuzz/fuzz_text.py -max_total_time=600     # any libFuzzer option; findings kept as tests
"""

import sys

from harness import fuzz_with_atheris

if __name__ == "__main__":
    fuzz_with_atheris("text", sys.argv[1:])
