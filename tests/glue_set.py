"""The glued-word token set (tests/data/glue_tokens.tsv) and its scoring, shared by the test and the bench."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cleanmedia.cleaners.glue import GluedWords
from cleanmedia.document import Document, Metadata

DATA = Path(__file__).resolve().parent / "data" / "glue_tokens.tsv"
#: Neutral sentences of each language around the token, so that the token is read in a document.
CARRIER = {
    "en": "The report says that {} matters here.",
    "fr": "Le rapport indique que {} compte ici.",
    "it": "Il rapporto dice che {} conta qui.",
    "de": "Der Bericht sagt, dass {} hier zählt.",
    "es": "El informe dice que {} importa aquí.",
}


@dataclass(frozen=True)
class Token:
    lang: str
    token: str
    expected: str
    context: str


def tokens() -> list[Token]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cells = line.split("\t")
            rows.append(Token(cells[0], cells[1], cells[2], cells[3] if len(cells) > 3 else ""))
    return rows


def repaired(t: Token) -> str:
    """What GluedWords makes of the token in its carrier sentence (the token itself if untouched)."""
    text = CARRIER[t.lang].format(t.token) + (" " + t.context if t.context else "")
    start = text.index(t.token)
    for edit in GluedWords().edits(Document(text, Metadata(lang=t.lang))):
        if edit.start == start and edit.end == start + len(t.token):
            return edit.after
    return t.token


def score(rows: list[Token]) -> tuple[float, float, list[tuple[Token, str]]]:
    """Precision and recall of splitting, and the tokens handled wrongly with what was made of them."""
    made = [(t, repaired(t)) for t in rows]
    wrong = [(t, out) for t, out in made if out != t.expected]
    splits = [(t, out) for t, out in made if out != t.token]
    correct = [(t, out) for t, out in splits if out == t.expected]
    should = [t for t in rows if t.expected != t.token]
    precision = len(correct) / len(splits) if splits else 1.0
    recall = len(correct) / len(should) if should else 1.0
    return precision, recall, wrong
