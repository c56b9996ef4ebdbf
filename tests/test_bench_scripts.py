"""Every benchmark and script at least starts: `--help` runs without the benchmark data or the peers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted([*ROOT.glob("bench/*.py"), *ROOT.glob("scripts/*.py")])


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_script_starts(script: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage" in done.stdout.lower()


EN = "This short page explains how the notes of a melody are written down and how the program prints them for the reader."
DE = "Diese kurze Seite erklärt, wie die Noten einer Melodie geschrieben werden und wie das Programm sie für den Leser druckt."
PT = "Esta página curta explica como as notas de uma melodia são escritas e como o programa as imprime para o leitor da página."


def _page(path: Path, *paragraphs: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_text(f"<html><body>{body}<pre>{{ c4 d e f }}</pre></body></html>", encoding="utf-8")


def test_held_out_9_reader(tmp_path: Path) -> None:
    """Set 9's reader: a LilyPond page's language from its name ("x.html" English, "x.de.html" German),
    the Debian Edu manuals per package, European then Brazilian Portuguese; <pre> is no paragraph."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import real_paragraphs
    finally:
        sys.path.remove(str(ROOT / "bench"))
    docs = tmp_path / "usr" / "share" / "doc"
    manual = docs / "lilypond" / "html" / "Documentation"
    _page(manual / "learning" / "a-section.html", EN)
    _page(manual / "learning" / "a-section.de.html", DE, "Zu kurz.")
    _page(manual / "notation" / "b-section.de.html", DE.replace("kurze", "lange"))
    _page(manual / "internals" / "c-section.html", EN.replace("short", "long"))  # English only: not read
    _page(docs / "debian-edu-doc-pt-pt" / "debian-edu-bookworm-manual.html", PT)
    _page(docs / "debian-edu-doc-pt-br" / "debian-edu-bookworm-manual.html", PT.replace("curta", "longa"))
    _page(docs / "debian-edu-doc-legacy-nl" / "debian-edu-buster-manual.html", EN.replace("short", "old"))
    found = real_paragraphs.collect(shared_bench=None, fresh=9, fresh_folder=docs)
    counts = {lang: {s: len(ps) for s, ps in by.items()} for lang, by in found.items() if by}
    assert counts == {
        "en": {"lilypond-manuals": 1},
        "de": {"lilypond-manuals": 2},
        "pt": {"debian-edu-manuals": 2},
    }
    assert found["pt"]["debian-edu-manuals"][0] == PT
