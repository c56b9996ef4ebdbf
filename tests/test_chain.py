from __future__ import annotations

import pytest

from cleanmedia import DEFAULT_CHAIN, Chain, CleanerError, Document, Edit, clean, clean_and_explain, replay


def shout(text: str) -> str:
    return text.replace("storm", "STORM")


class DropLinesWith:
    """A cleaner that explains itself: removes lines containing a word."""

    def __init__(self, word: str) -> None:
        self.name = f"drop_{word}"
        self.word = word

    def edits(self, doc: Document) -> list[Edit]:
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

        def edits(self, doc: Document) -> list[Edit]:
            return [Edit(0, 3, "zzz", "", "x")]

    with pytest.raises(CleanerError, match="broken"):
        clean("abc def\n", chain=[Broken()])


def test_function_returning_non_str_is_an_error() -> None:
    with pytest.raises(CleanerError, match="returned int"):
        clean("abc\n", chain=[lambda s: 3])  # type: ignore[list-item,return-value]
