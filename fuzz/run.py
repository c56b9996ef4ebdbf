"""Fuzz `clean`: crashes, idempotence violations, replay mismatches and superlinear growth.

Without atheris (or with --engine random): a deterministic mutator over the seeds, every input cleaned
as each target; this is what CI runs. With --engine atheris: coverage-guided (libFuzzer) on one target
or all of them at once. Findings go to tests/data/fuzz_found/, where tests/test_fuzz.py replays them.

    python fuzz/run.py --runs 100 --seed 1                           # short, deterministic (CI)
    python fuzz/run.py --engine atheris --seconds 1800               # a long run, every target
    python fuzz/run.py --engine atheris --target html --seconds 600  # one target
"""

from __future__ import annotations

import argparse
import atexit
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import FOUND, TARGETS, Tally, check, keep, run_random  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--engine", choices=["random", "atheris"], default="random")
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    parser.add_argument("--runs", type=int, default=300, help="inputs (random engine)")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no limit)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-bytes", type=int, default=20_000)
    parser.add_argument("--found", type=Path, default=FOUND)
    args = parser.parse_args()
    targets = list(TARGETS) if args.target == "all" else [args.target]
    tally = Tally(args.engine)
    atexit.register(lambda: print(tally.summary(), flush=True))  # atheris ends the process itself
    if args.engine == "random":
        run_random(
            tally, targets, runs=args.runs, seed=args.seed, seconds=args.seconds,
            max_bytes=args.max_bytes, found=args.found,
        )  # fmt: skip
        return 1 if tally.problems() else 0
    import hashlib
    import importlib

    from harness import seeds

    atheris = importlib.import_module("atheris")  # optional: not a dependency (pip install atheris)
    with atheris.instrument_imports():
        import cleanmedia  # noqa: F401  (instrumented, so that coverage guides the mutations)

    def one_input(data: bytes) -> None:
        if tally.counts["runs"] % (50 * len(targets)) == 0:  # libFuzzer's exit skips atexit: a running sum
            print(tally.summary(), file=sys.stderr, flush=True)
        for target in targets:
            tally.counts["runs"] += 1
            problem = check(data, target)
            if problem:
                tally.counts[problem.split(" ")[0]] += 1
                keep(data, problem, args.found)
                return

    corpus = Path(f"/tmp/cleanmedia-fuzz-corpus-{args.target}")
    corpus.mkdir(exist_ok=True)
    for data in seeds():
        (corpus / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
    options = [
        f"-max_total_time={int(args.seconds or 60)}",
        f"-max_len={args.max_bytes}",
        f"-seed={args.seed}",
    ]
    atheris.Setup([sys.argv[0], *options, "-print_final_stats=1", str(corpus)], one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
