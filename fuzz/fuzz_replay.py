"""atheris target: a document cleaned as the library decides, its edit log replayed directly and through its JSON form must not crash, must clean to a fixed point and must have a log that replays.

python fuzz/fuzz_replay.py -max_total_time=600     # any libFuzzer option; findings kept as tests
"""

import sys

from harness import fuzz_with_atheris

if __name__ == "__main__":
    fuzz_with_atheris("replay", sys.argv[1:])
