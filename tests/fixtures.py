"""Golden fixture cases: one folder per case under fixtures/, input beside the expected output."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass(frozen=True)
class Case:
    name: str
    input: str
    expected: str
    info: dict[str, Any]

    @property
    def xfail(self) -> str | None:
        """Why the code does not meet this case yet (the test is then a strict expected failure)."""
        return self.info.get("xfail")


def cases() -> list[Case]:
    found = []
    for folder in sorted(p for p in ROOT.iterdir() if p.is_dir()):
        source = folder / "input.html" if (folder / "input.html").exists() else folder / "input.txt"
        found.append(
            Case(
                folder.name,
                source.read_text(encoding="utf-8"),
                (folder / "expected.txt").read_text(encoding="utf-8"),
                json.loads((folder / "case.json").read_text(encoding="utf-8")),
            )
        )
    return found
