"""Write every output the chain gives on the fixtures and the shared page sets, to compare two versions.

    python scripts/snapshot.py ../shared/bench out.jsonl [--limit N] [--text] [--sets modern ...]

One JSON line per document: {"id", "text", "metadata", "edits"} of `clean_and_explain` (HTML pages as
HTML, the fixtures as their inputs; "edits": a digest of the edit log, reason by reason, so that a
change of the log alone shows too). With `--text`, also each page's full text dump (as
`bench/text_mode.py` makes it, cached under --cache) cleaned as text, with the default chain and with
`DUMP_CHAIN` (ids `text/...` and `dump/...`). Two snapshots are compared with `diff`; a redesign that
should change nothing must give identical files. With `--edits`, each line also holds the metadata edits
and the removals of the HTML stage, whole (a speed change must leave those alone too).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from cleanmedia import Result, clean_and_explain
from cleanmedia.cleaners import DUMP_CHAIN

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from text_mode import SETS, load_set  # noqa: E402

ROOT = Path.cwd()  # run from the project folder


def documents(bench: Path, limit: int | None, sets: list[str]) -> list[tuple[str, str]]:
    docs = [
        (f"fixture/{p.parent.name}", p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "fixtures").glob("*/input.*"))
    ]
    for folder in sorted(p for p in bench.iterdir() if (p / "html").is_dir() and p.name in sets):
        pages = sorted((folder / "html").glob("*.html.gz"))[:limit]
        docs += [
            (f"{folder.name}/{p.name}", gzip.decompress(p.read_bytes()).decode("utf-8", "replace"))
            for p in pages
        ]
    return docs


def row(key: str, result: Result, full: bool = False) -> str:
    """One JSON line: the text, the metadata, and the edit log as a count per reason and a digest;
    `full`: the metadata edits and the removals too, whole."""
    log = [(e.start, e.end, e.before, e.after, e.reason, e.detail, e.line, e.step) for e in result.edits]
    digest = hashlib.sha256(json.dumps(log, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()
    edits = {"reasons": dict(sorted(Counter(e.reason for e in result.edits).items())), "digest": digest[:16]}
    data = {"id": key, "text": result.text, "metadata": result.metadata.to_dict(), "edits": edits}
    if full:
        whole = result.to_dict()
        data.update({k: whole[k] for k in ("metadata_edits", "removals")})
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="the shared bench folder (../shared/bench)")
    parser.add_argument("out", type=Path, help="the JSONL file to write")
    parser.add_argument("--limit", type=int, default=None, help="pages per set (default: all)")
    parser.add_argument("--sets", nargs="*", default=list(SETS), help="page sets (default: all four)")
    parser.add_argument("--text", action="store_true", help="also the text dumps, in text mode")
    parser.add_argument("--no-html", action="store_true", help="skip the fixtures and HTML pages")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/cleanmedia-textmode/dumps"))
    parser.add_argument("--edits", action="store_true", help="the metadata edits and removals too, whole")
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as out:
        if not args.no_html:
            for key, content in documents(args.bench, args.limit, args.sets):
                out.write(row(key, clean_and_explain(content), args.edits))
        if args.text:
            for name in args.sets:
                for page in load_set(args.bench, name, args.cache, args.limit):
                    key = f"{name}/{page.id}"
                    out.write(row(f"text/{key}", clean_and_explain(page.dump, input_format="text")))
                    dump = clean_and_explain(page.dump, input_format="text", chain=DUMP_CHAIN)
                    out.write(row(f"dump/{key}", dump))


if __name__ == "__main__":
    main()
