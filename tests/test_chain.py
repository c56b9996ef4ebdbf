from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanmedia import (
    DEFAULT_CHAIN,
    Chain,
    CleanerError,
    Document,
    DocumentView,
    Edit,
    clean,
    clean_and_explain,
    replay,
)
from cleanmedia.chain import _keeps_words, apply_edits
from cleanmedia.document import LETTER_RUN


def shout(text: str) -> str:
    return text.replace("storm", "STORM")


class DropLinesWith:
    """A cleaner that explains itself: removes lines containing a word."""

    def __init__(self, word: str) -> None:
        self.name = f"drop_{word}"
        self.word = word

    def edits(self, doc: DocumentView) -> list[Edit]:
        out, pos = [], 0
        for line in doc.text.splitlines(keepends=True):
            if self.word in line:
                out.append(doc.remove(pos, pos + len(line), "custom.drop", f"line mentions {self.word}"))
            pos += len(line)
        return out


def test_plain_function_is_a_cleaner_and_is_logged() -> None:
    chain = DEFAULT_CHAIN.append(shout)
    result = clean_and_explain("A storm is coming.\n", chain=chain)
    assert result.text == "A STORM is coming.\n"
    custom = [e for e in result.edits if e.cleaner == "shout"]
    assert len(custom) == 1 and custom[0].reason == "custom"
    assert replay(result.source, result.edits) == result.text


def test_cleaner_with_reasons() -> None:
    chain = DEFAULT_CHAIN.insert_after("layout", DropLinesWith("Advert"))
    result = clean_and_explain("Advert here\n\nThe article.\n", chain=chain)
    assert result.text == "The article.\n"
    (edit,) = [e for e in result.edits if e.cleaner == "drop_Advert"]
    assert edit.kind == "remove" and edit.before == "Advert here\n" and edit.line == 1
    assert "Advert" in str(edit)


def test_chain_editing_returns_new_chains() -> None:
    names = DEFAULT_CHAIN.names
    smaller = DEFAULT_CHAIN.without("mojibake")
    assert "mojibake" not in smaller and DEFAULT_CHAIN.names == names
    swapped = DEFAULT_CHAIN.replace("mojibake", shout)
    assert swapped.names[names.index("mojibake")] == "shout"
    before = DEFAULT_CHAIN.insert_before("layout", shout)
    assert before.names.index("shout") == before.names.index("layout") - 1
    with pytest.raises(KeyError):
        DEFAULT_CHAIN.without("nope")
    with pytest.raises(ValueError, match="unique"):
        Chain([shout, shout])
    with pytest.raises(TypeError):
        Chain([42])  # type: ignore[list-item]


def test_chain_as_list() -> None:
    assert clean("a storm\n", chain=[shout]) == "a STORM\n"


def test_broken_cleaner_is_named() -> None:
    class Broken:
        name = "broken"

        def edits(self, doc: DocumentView) -> list[Edit]:
            return [Edit(0, 3, "zzz", "", "x")]

    with pytest.raises(CleanerError, match="broken"):
        clean("abc def\n", chain=[Broken()])


def test_function_returning_non_str_is_an_error() -> None:
    with pytest.raises(CleanerError, match="returned int"):
        clean("abc\n", chain=[lambda s: 3])  # type: ignore[list-item,return-value]


def test_edit_lines_are_lines_of_the_input_whatever_came_before() -> None:
    """Layout removes the blank lines above before furniture goes and a word is split: the edits still
    name the lines of the input where a reviewer finds them."""
    text = (
        "\n\n\n"  # lines 1-3: removed by layout first
        "Le conseil municipal s'est réuni mardi soir et lesélus ont voté le budget.\n"  # line 4
        "Partager:\n"  # line 5
        "\n"
        "Le maire a expliqué que le plan serait revu au printemps, une fois les premiers chiffres connus.\n"
        "Follow Me\n"  # line 8
    )
    result = clean_and_explain(text, lang="fr")
    lines = {e.before.strip(): e.line for e in result.edits if e.cleaner in ("boilerplate", "glued_words")}
    assert lines == {"Partager:": 5, "Follow Me": 8, "lesélus": 4}
    source_lines = result.source.split("\n")
    for e in result.edits:
        if e.before.strip():
            assert e.before.strip().split("\n")[0] in source_lines[e.line - 1]


#: Lines of an article and of page furniture, for texts whose edit log must name the input's lines.
LOGGED_LINES = [
    "Der Gemeinderat hat am Dienstag über den Bau von drei neuen Windrädern beraten.",
    "Le maire a expliqué que le plan serait revu au printemps, une fois les chiffres connus.",
    "The council approved the new budget on Tuesday after a long debate, the mayor said.",
    "Streit um Windräder",
    "Von Max Muster",
    "Diesen Artikel teilen:",
    "Startseite",
    "Facebook",
    "Twitter",
    "Mehr zum Thema",
    "Impressum | Datenschutz | Kontakt",
    "© 2024 Verlag GmbH",
    "Lesezeit: 4 Minuten",
    "Partager",
    "Follow Me",
    "Politik",
    "Wetter",
]


@given(
    st.lists(st.sampled_from(LOGGED_LINES), min_size=1, max_size=60),
    st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n"]),
)
def test_every_edit_names_the_input_line_of_its_text(lines: list[str], newline: str) -> None:
    """Found by a new user: on a dump with single newlines (no blank line between paragraphs) the
    layout logs its line breaks as one edit per run of lines, and every later edit inside the run
    named the run's first line. Whatever the line breaks, the text an edit took or changed is on the
    line of the input it names."""
    text = newline.join(lines) + newline
    result = clean_and_explain(text, input_format="text")
    source = [" ".join(line.split()) for line in result.source.split("\n")]
    for e in result.edits:
        first = next((" ".join(part.split()) for part in e.before.split("\n") if part.strip()), "")
        if first and not e.reason.startswith("layout."):
            assert first in source[e.line - 1], (e.reason, e.line, first)


def test_edit_lines_of_a_dump_with_single_newlines() -> None:
    """The same on a whole-page dump of one line per text node: each line the furniture steps remove
    is named at its own line, after the layout made every line a paragraph in one logged edit."""
    menu = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Regional", "Wetter", "Suche"]
    body = [f"Der Rat hat am {day} über den Haushalt der Stadt beraten und vieles beschlossen." for day in (
        "Montag", "Dienstag", "Mittwoch", "Donnerstag")]  # fmt: skip
    lines = [*menu, *menu, "Von Max Muster", *body, "Mehr zum Thema", "Neue Schule", "Impressum", *menu]
    result = clean_and_explain("\n".join(lines) + "\n", input_format="text")
    removed = {e.line: e.before.strip() for e in result.edits if e.kind == "remove" and e.before.strip()}
    assert removed and all(lines[line - 1] == text.split("\n")[0] for line, text in removed.items())
    assert removed[17] == "Von Max Muster"


# -- word caches across steps that keep the words ---------------------------------------------------


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    """A text of letters, digits, spaces and punctuation, and non-overlapping edits of it."""
    text = draw(st.text(alphabet="ab É1 .,-'\n\t", min_size=1, max_size=30))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        after = draw(st.text(alphabet="x .-\n", max_size=2))
        edits.append(Edit(start, end, text[start:end], after, "test"))
    return text, edits


@given(text_and_edits())
def test_keeps_words_is_true_only_when_the_runs_of_letters_are_the_same(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    if _keeps_words(text, edits):
        assert LETTER_RUN.findall(apply_edits(text, edits)) == LETTER_RUN.findall(text)


def test_word_caches_outlive_a_layout_change_and_not_a_join() -> None:
    doc = Document("Le  chat dort.")
    words = doc.words()
    doc.set_text("Le chat dort.", same_words=_keeps_words(doc.text, [doc.remove(2, 3, "layout.space")]))
    assert doc.words() is words  # one space less: the same words, nothing recounted
    doc.set_text("Lechat dort.", same_words=_keeps_words(doc.text, [doc.remove(2, 3, "layout.space")]))
    assert doc.words() == {"Lechat": 1, "dort": 1}  # the space between two words went: recounted
