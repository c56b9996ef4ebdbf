"""Fit the extraction's hand-set constants leave-one-set-out, and print held-out beside in-sample scores.

The constants of cleanmedia.extract in GRID (the fallback's shares, the prose safety valve, the
discussion and link-list thresholds) are varied one at a time around the shipped point (a full grid of
ten constants is out of reach: one point costs a pass over the 900 pages). For each set of
../shared/bench, each constant takes the value whose point has the best mean F1 over the *other* sets;
the point made of those values is scored on the held-out set. The in-sample point is made the same way
from all sets. A constant whose held-out choice differs from the in-sample one, or a held-out score far
below the in-sample score, does not generalise. Per-page scores of each point and set are cached under
/tmp/cleanmedia-bench/fit (keyed by the point and the source of extract.py).

    python bench/fit_extraction.py ../shared/bench --jobs 2
    python bench/fit_extraction.py ../shared/bench --limit 100     # quick
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from extraction import LOST, f1, load, set_folders  # noqa: E402

import cleanmedia.extract as cm_extract  # noqa: E402

GRID: dict[str, list[float]] = {
    "PROSE_SHARE": [0.0, 0.1, 0.2, 0.3],  # 0: no fallback
    "PROSE_WIDEN": [0.2, 0.3, 0.45, 0.6],  # at or below PROSE_SHARE: no widening
    "WIDEN_LINKS": [0.2, 0.4, 0.6],
    "PROSE_CORE": [0.6, 0.75, 0.9],
    "PROSE_GAIN": [1.5, 2.0, 3.0],
    "MIN_PROSE": [200, 400, 800],
    "PROSE_KEEP": [0.2, 0.3, 0.5],
    "LOSS_SHARE": [0.3, 0.5, 1.1],  # 1.1: furniture rules may take all of the chosen block's prose
    "DISCUSSION_PROSE": [600, 1200, 2400],
    "LINK_LIST_SHARE": [0.6, 0.8, 1.01],  # 1.01: no list of links is another articles' list
}
CURRENT: dict[str, float] = {name: getattr(cm_extract, name) for name in GRID}
SOURCE = hashlib.sha1(Path(cm_extract.__file__).read_bytes()).hexdigest()[:10]
Point = dict[str, float]


def key(point: Point) -> str:
    """The point as its differences from the shipped one ("shipped" when none)."""
    diff = {k: v for k, v in sorted(point.items()) if CURRENT[k] != v}
    return "-".join(f"{k}={v}" for k, v in diff.items()) or "shipped"


def score_set(point: Point, folder: Path, limit: int | None, cache: Path) -> list[float]:
    """Per-page F1 of one set with the constants of `point` (cached)."""
    path = cache / f"{SOURCE}-{key(point)}-{folder.name}-{limit}.json"
    if path.exists():
        cached: list[float] = json.loads(path.read_text(encoding="utf-8"))
        return cached
    for name, value in point.items():
        setattr(cm_extract, name, value)
    result = [f1(cm_extract.extract(html).text, truth) for _, html, truth in load(folder, limit)]
    for name, value in CURRENT.items():
        setattr(cm_extract, name, value)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result), encoding="utf-8")
    return result


def score_all(
    points: list[Point], folders: list[Path], args: argparse.Namespace
) -> dict[str, dict[str, list[float]]]:
    """key(point) -> set name -> per-page F1, computed on --jobs processes."""
    tasks = [(p, f) for p in points for f in folders]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(score_set, p, f, args.limit, args.cache) for p, f in tasks]
        results: dict[str, dict[str, list[float]]] = {}
        for (p, f), future in zip(tasks, futures, strict=True):
            results.setdefault(key(p), {})[f.name] = future.result()
            print(
                f"{key(p)} {f.name}: {statistics.mean(results[key(p)][f.name]):.4f}",
                file=sys.stderr,
                flush=True,
            )
    return results


def objective(result: dict[str, list[float]], sets: list[str]) -> float:
    """Mean over the sets of the mean F1 (each set weighs the same)."""
    return statistics.mean(statistics.mean(result[s]) for s in sets)


def choose(results: dict[str, dict[str, list[float]]], sets: list[str]) -> Point:
    """Each constant at the value whose one-at-a-time point is best on `sets` (ties: the shipped value)."""
    point = dict(CURRENT)
    for name, values in GRID.items():
        scored = [
            (objective(results[key({**CURRENT, name: v})], sets), v == CURRENT[name], v) for v in values
        ]
        point[name] = max(scored)[2]
    return point


def changes(point: Point) -> str:
    """The point's differences from the shipped constants, as JSON ("shipped" when none)."""
    diff = {k: v for k, v in point.items() if v != CURRENT[k]}
    return json.dumps(diff) if diff else "shipped"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--sets")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleanmedia-bench/fit"))
    args = parser.parse_args()
    folders = set_folders(args.root, args.sets.split(",") if args.sets else None)
    names = [f.name for f in folders]
    points = [dict(CURRENT)] + [
        {**CURRENT, name: v} for name, values in GRID.items() for v in values if v != CURRENT[name]
    ]
    results = score_all(points, folders, args)
    shipped = results[key(CURRENT)]
    in_sample = choose(results, names)
    chosen = {held: choose(results, [n for n in names if n != held]) for held in names}
    results.update(score_all([in_sample, *chosen.values()], folders, args))
    print(f"shipped: {json.dumps(CURRENT)}")
    print(f"in-sample choice: {changes(in_sample)}")
    print(
        f"{'set':12s} {'held-out choice (changes from shipped)':60s} {'held-out F1':>11s} {'in-sample F1':>12s} {'shipped F1':>10s} {'lost (held-out)':>15s}"
    )
    for held in names:
        point = chosen[held]
        values = results[key(point)][held]
        lost = sum(v < LOST for v in values) / len(values)
        print(
            f"{held:12s} {changes(point):60s} {statistics.mean(values):11.3f} "
            f"{statistics.mean(results[key(in_sample)][held]):12.3f} {statistics.mean(shipped[held]):10.3f} {100 * lost:14.1f}%"
        )
    print(
        f"{'mean':12s} {'':60s} {statistics.mean(statistics.mean(results[key(chosen[h])][h]) for h in names):11.3f} "
        f"{objective(results[key(in_sample)], names):12.3f} {objective(shipped, names):10.3f}"
    )
    if not args.limit and len(names) > 1:  # what bench/extraction.py runs as its held-out rows
        (args.cache / "held-out.json").write_text(json.dumps(chosen), encoding="utf-8")


if __name__ == "__main__":
    main()
