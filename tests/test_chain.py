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
