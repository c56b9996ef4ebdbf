"""Fast gates skip work on text that needs none: they must never skip text that needs it.

Each test runs a cleaner with its gate and with the gate forced open, and asks for the same edits.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanmedia import Document
from cleanmedia.cleaners import doubled, layout
from cleanmedia.cleaners.doubled import DoubledWords
from cleanmedia.cleaners.layout import Controls, Layout

# White space of every kind, bullets, list markers and line breaks, over-represented.
SPACEY = st.text(
    st.one_of(
        st.sampled_from(list(" \n\n\t\u00a0\u202f\u2003\u3000\x0b\x0c\r\u2028\x85\u200b•◦*-1.)")),
        st.sampled_from(list("abCdéx")),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=120,
)


@contextmanager
def gates_open(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with monkeypatch.context() as m:
        m.setattr(layout, "_may_need_layout", lambda row: True)
        m.setattr(layout, "_may_have_odd_separators", lambda rows: True)
        m.setattr(layout, "CONTROL_OR_BREAK", layout.re.compile(r"|"))
        m.setattr(doubled, "_doubled_candidates", lambda words: None)
        yield


def _edits(cleaner: object, text: str) -> list[tuple[int, int, str, str]]:
    doc = Document(text=text)
    return [(e.start, e.end, e.after, e.reason) for e in cleaner.edits(doc)]  # type: ignore[attr-defined]


@given(SPACEY)
def test_layout_gates_skip_nothing(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp, gates_open(mp):
        expected = _edits(Layout(), text), _edits(Controls(), text)
    assert (_edits(Layout(), text), _edits(Controls(), text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a\n\n• b\n\n• c\n",
        "a\nb\n",
        "a\n\n\nb\n",
        "a\n \nb\n",
        " a\n",
        "a \n",
        "a  b\n",
        "• a\n\n• b\n",
        "a\n\n",
        "a \u00a0b\n",
        "\u00a0a\n",
        "a\u202f\n",
        "a\u00a0\u00a0b\n",
        "a\u202f b\n",
    ],
)
def test_layout_gates_open_on_layout_damage(text: str) -> None:
    assert _edits(Layout(), text)


WORDY = st.lists(
    st.sampled_from(["la", "La", "LA", "la,", "la.", "l", "2", "2024", "de", "très", "\n", "-", "'"]),
    max_size=30,
).map(" ".join)


@given(st.one_of(WORDY, SPACEY))
def test_doubled_words_gate_skips_nothing(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp, gates_open(mp):
        expected = _edits(DoubledWords(), text)
    assert _edits(DoubledWords(), text) == expected
