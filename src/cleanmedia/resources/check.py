"""Validation of the language data: what `tests/test_resources.py` runs, and what to run after adding a
language (`python -m cleanmedia.resources.check [folder]`; exit status 1 when a problem is found).

Checks every language folder: `profile.toml` has only known keys of the right types; an article
language has every file of `KINDS` (a missing file is a problem, not an empty list); every row has the
file's columns; table values are among the allowed ones; no row, and no boilerplate phrase, appears
twice in a file; months have twelve rows; the relative-time phrase has its {n} and {unit}.
"""

from __future__ import annotations

import re
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

from cleanmedia.resources import BOILERPLATE_KINDS, KINDS, UNKNOWN, Profile

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent
MATCHES = frozenset({"line", "prefix", "contains"})
CODE = re.compile(r"[a-z]{2,3}")


def _rows(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (n, line.strip())
        for n, line in enumerate(lines, 1)
        if line.strip() and not line.strip().startswith("#")
    ]


def _profile(folder: Path) -> dict[str, Any] | str:
    """The folder's profile.toml as a dict, or the reason it cannot be read."""
    try:
        data: dict[str, Any] = tomllib.loads((folder / "profile.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return f"{folder.name}/profile.toml: {error}"
    return data


def _profile_problems(folder: Path, data: dict[str, Any], codes: set[str]) -> list[str]:
    where = f"{folder.name}/profile.toml"
    known = {f.name for f in fields(Profile)} - {"code"}
    problems = [f"{where}: unknown key {k!r}" for k in sorted(set(data) - known)]
    for key in sorted(set(data) & known):
        default = getattr(UNKNOWN, key)
        value = data[key]
        if isinstance(default, tuple):
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        else:
            ok = type(value) is type(default)
        if not ok:
            problems.append(f"{where}: {key} must be {type(default).__name__}, not {value!r}")
    required = known if data.get("article", True) else {"name", "article"}
    problems += [
        f"{where}: {k} is missing (every article language states every trait)"
        for k in sorted(required - set(data))
    ]
    loans = data.get("loanwords_from", "")
    if loans and loans not in codes:
        problems.append(f"{where}: loanwords_from {loans!r} is not a language with a folder")
    return problems


def _file_problems(folder: Path, kind: str, columns: int, article: bool = True) -> list[str]:
    path = folder / kind
    where = f"{folder.name}/{kind}"
    if not path.is_file():
        return [f"{where}: missing (an empty file with a comment says the language needs none)"]
    problems = []
    seen: dict[str, int] = {}
    phrases: dict[str, int] = {}
    rows = _rows(path)
    for n, row in rows:
        cells = [c.strip() for c in row.split("\t")]
        if columns > 1 and len(cells) != columns:
            problems.append(f"{where}:{n}: {len(cells)} columns, expected {columns}")
            continue
        if row in seen:
            problems.append(f"{where}:{n}: duplicate of line {seen[row]}")
        seen.setdefault(row, n)
        if kind == "boilerplate.tsv":
            problems += _boilerplate_row(where, n, cells, phrases)
    if kind == "weekdays.txt" and len(rows) != 7:
        problems.append(f"{where}: {len(rows)} weekdays, expected 7")
    if kind == "months.txt" and len(rows) != 12:
        problems.append(f"{where}: {len(rows)} months, expected 12")
    if kind == "months.txt":
        names = [name for _, row in rows for name in row.split()]
        problems += [
            f"{where}: {name!r} names two months" for name in sorted({n for n in names if names.count(n) > 1})
        ]
    if kind == "stopwords.txt":
        if len(rows) < 50 and article:  # a filler language lists its function words only
            problems.append(
                f"{where}: {len(rows)} words; identification needs the language's frequent words (130)"
            )
        problems += [f"{where}:{n}: {row!r} must be lower case" for n, row in rows if row != row.lower()]
    if kind == "relative_time.txt" and rows and not ("{n}" in rows[0][1] and "{unit}" in rows[0][1]):
        problems.append(f"{where}:{rows[0][0]}: the first line must hold {{n}} and {{unit}}")
    if kind == "reading_time.txt":
        with_n = [(n, row) for n, row in rows if "{n}" in row]
        problems += [f"{where}:{n}: a phrase needs {{unit}} too" for n, row in with_n if "{unit}" not in row]
        if rows and (not with_n or len(with_n) == len(rows)):
            problems.append(f"{where}: needs phrases (with {{n}}) and a line of units")
    return problems


def _boilerplate_row(where: str, n: int, cells: list[str], phrases: dict[str, int]) -> list[str]:
    kind, match, phrase = cells
    problems = []
    if kind not in BOILERPLATE_KINDS:
        problems.append(f"{where}:{n}: unknown kind {kind!r}")
    if match not in MATCHES:
        problems.append(f"{where}:{n}: match must be one of {sorted(MATCHES)}, not {match!r}")
    if phrase != phrase.lower():
        problems.append(f"{where}:{n}: phrase {phrase!r} must be lower case")
    key = f"{'counter' if kind == 'counter' else match}\t{phrase}"  # counters are a table of their own
    if key in phrases:
        problems.append(f"{where}:{n}: phrase {phrase!r} ({match}) already on line {phrases[key]}")
    phrases.setdefault(key, n)
    return problems


def problems(root: Path = ROOT) -> list[str]:
    """Every problem of the data under `root` (the package's resources folder by default)."""
    found: list[str] = []
    languages = root / "languages"
    folders = sorted(p for p in languages.iterdir() if p.is_dir())
    codes = {p.name for p in folders}
    for folder in folders:
        if not CODE.fullmatch(folder.name):
            found.append(
                f"{folder.name}: a language folder is named by its ISO 639 code (two or three letters)"
            )
        if not (folder / "profile.toml").is_file():
            found.append(f"{folder.name}: no profile.toml")
            continue
        data = _profile(folder)
        if isinstance(data, str):
            found.append(data)
            continue
        found += _profile_problems(folder, data, codes)
        kinds = KINDS if data.get("article", True) else {"stopwords.txt": 1}
        for kind, columns in kinds.items():
            found += _file_problems(folder, kind, columns, bool(data.get("article", True)))
        stray = sorted(p.name for p in folder.iterdir() if p.name not in kinds and p.name != "profile.toml")
        found += [f"{folder.name}/{name}: not a kind of list cleanmedia reads (see KINDS)" for name in stray]
    for name in (
        "abbreviations.txt",
        "prefixes.txt",
        "social.txt",
        "furniture.tsv",
        "news_agencies.txt",
        "newsrooms.txt",
    ):
        if not (root / "common" / name).is_file():
            found.append(f"common/{name}: missing")
    return found


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    found = problems(root)
    print("\n".join(found) or "resources: no problem found")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
