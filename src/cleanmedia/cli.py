"""The `cleanmedia` command: clean files (or standard input) to standard output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from cleanmedia import __version__
from cleanmedia.api import clean_and_explain
from cleanmedia.decode import DecodeError, decode


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanmedia",
        description="Clean scraped articles (text or HTML) into clean text, with an edit log.",
    )
    p.add_argument("files", nargs="*", type=Path, help="files to clean (standard input when none or '-')")
    p.add_argument("--lang", help="document language (ISO 639-1); identified when omitted")
    p.add_argument("--format", choices=["auto", "text", "html"], default="auto", help="input format")
    p.add_argument("--charset", help="charset to try when a file is not UTF-8 (default: windows-1252)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--explain", action="store_true", help="print the edit log after each text")
    out.add_argument(
        "--json", action="store_true", help="one JSON object per document: text, metadata, edits"
    )
    p.add_argument("--version", action="version", version=f"cleanmedia {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    sources = args.files or [Path("-")]
    failures = 0
    for path in sources:
        try:
            raw = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
            result = clean_and_explain(decode(raw, args.charset), lang=args.lang, input_format=args.format)
        except (OSError, DecodeError, ValueError) as exc:
            print(f"cleanmedia: {path}: {exc}", file=sys.stderr)
            failures += 1
            continue
        if args.json:
            record = {"source": str(path), **result.to_dict()}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        if len(sources) > 1:
            sys.stdout.write(f"==> {path} <==\n")
        sys.stdout.write(result.text)
        if args.explain:
            sys.stdout.write("\n" + result.explain() + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
