"""The two checks the repair tables share (issue 13): correct text left as written (the output is the
input, and no step but the named layout-level ones edits it; flags may be raised), and damage repaired
into its right output."""

from __future__ import annotations

from collections.abc import Iterable

from cleanmedia import Result, clean, clean_and_explain


def assert_left_as_written(text: str, lang: str | None, allowed: Iterable[str] = ("typography",)) -> Result:
    """Clean `text` (a final newline added when it has none) in `lang` and assert that the output is
    the input and that no step outside `allowed` made an edit that is not a flag. Returns the result,
    for the caller's checks of its flags. Raises AssertionError listing the edits made."""
    source = text if text.endswith("\n") else text + "\n"
    result = clean_and_explain(source, lang=lang)
    made = [str(e) for e in result.edits if not e.flag and e.cleaner not in set(allowed)]
    assert result.text == source, made
    assert not made
    return result


def assert_repaired(damaged: str, lang: str | None, right: str) -> None:
    """Clean `damaged` (a final newline added) in `lang` and assert that the output is `right` (with the
    same newline): the repair a guard must not stop."""
    assert clean(damaged + "\n", lang=lang) == right + "\n"
