"""Write every output the chain gives on the fixtures and the shared page sets, to compare two versions.

    python scripts/snapshot.py ../shared/bench out.jsonl [--limit N]

One JSON line per document: {"id", "text", "metadata"} of `clean_and_explain` (HTML pages as HTML, the
fixtures as their inputs). Two snapshots are compared with `diff`; a redesign that should change nothing
must give identical files.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from cleanmedia import clean_and_explain

ROOT = Path.cwd()  # run from the project folder


def documents(bench: Path, limit: int | None) -> list[tuple[str, str]]:
    docs = [
        (f"fixture/{p.parent.name}", p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "fixtures").glob("*/input.*"))
    ]
    for folder in sorted(p for p in bench.iterdir() if (p / "html").is_dir()):
        pages = sorted((folder / "html").glob("*.html.gz"))[:limit]
        docs += [
            (f"{folder.name}/{p.name}", gzip.decompress(p.read_bytes()).decode("utf-8", "replace"))
            for p in pages
        ]
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="the shared bench folder (../shared/bench)")
    parser.add_argument("out", type=Path, help="the JSONL file to write")
    parser.add_argument("--limit", type=int, default=None, help="pages per set (default: all)")
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as out:
        for key, content in documents(args.bench, args.limit):
            result = clean_and_explain(content)
            row = {"id": key, "text": result.text, "metadata": result.metadata.to_dict()}
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
