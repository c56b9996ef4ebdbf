"""One data-driven way to test a line of furniture, or an article line that looks like it, in text
and in HTML: each case is data (a language, a line, where it stands), the article around it is one
per language (`test_furniture_rows.TEXTS`: a headline and two paragraphs in de, en, es, fr, it, pl,
pt, nl), and the assertions are the two the rules promise:

- `assert_goes`: the text cleaned is the article without the line (and the metadata it gave);
- `assert_stays`: the text cleaned is the text as it was (a negative: nothing moves).

Used by the test files of the text-mode findings (issue 12) and of the headline in HTML, which wrote
the same article-with-a-line shape each on its own."""

from __future__ import annotations

from dataclasses import dataclass

from cleanmedia import clean_and_explain
from cleanmedia.api import Result as CleanResult
from test_furniture_rows import TEXTS

#: Where a case's line stands: above the headline, under it (the frame), between the paragraphs, or
#: after the article.
WHERE = ("top", "frame", "between", "end")


@dataclass(frozen=True)
class Case:
    """A line (or lines) in an article of language `code`, at `where` (`WHERE`)."""

    code: str
    lines: tuple[str, ...]
    where: str = "between"

    def text(self) -> str:
        """The article with the lines, one block each."""
        title, (first, second) = TEXTS[self.code]
        lines = list(self.lines)
        blocks = {
            "top": [*lines, title, first, second],
            "frame": [title, *lines, first, second],
            "between": [title, first, *lines, second],
            "end": [title, first, second, *lines],
        }[self.where]
        return "\n\n".join(blocks) + "\n"

    def article(self) -> str:
        """The article alone: what is left when the lines go."""
        title, (first, second) = TEXTS[self.code]
        return "\n\n".join([title, first, second]) + "\n"

    def __str__(self) -> str:  # the test's id
        return f"{self.code}-{self.where}-{self.lines[0][:30]}"


def case(code: str, *lines: str, where: str = "between") -> Case:
    assert where in WHERE, where
    return Case(code, lines, where)


def cleaned(c: Case, chain: object = None, html: bool = False) -> CleanResult:
    """`c`'s text cleaned as text (or, `html`, each block a `<p>`, the title an `<h1>`)."""
    kwargs = {"chain": chain} if chain is not None else {}
    if html:
        title, *rest = c.text().strip().split("\n\n")
        page = f"<html lang='{c.code}'><body><article><h1>{title}</h1>" + "".join(f"<p>{b}</p>" for b in rest)
        return clean_and_explain(page + "</article></body></html>", **kwargs)  # type: ignore[arg-type]
    return clean_and_explain(c.text(), input_format="text", lang=c.code, **kwargs)  # type: ignore[arg-type]


def normal(text: str) -> str:
    """`text` with the French no-break spaces as plain spaces (typography adds them, not a rule here)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def assert_goes(c: Case, chain: object = None, html: bool = False, **metadata: str | None) -> CleanResult:
    """The lines of `c` go, the article stays word for word; each field of `metadata` is as given."""
    result = cleaned(c, chain, html)
    expected = c.article()
    if html:
        expected = "\n\n".join(expected.strip().split("\n\n")) + "\n"
    assert normal(result.text) == normal(expected), c
    for name, value in metadata.items():
        assert getattr(result.metadata, name) == value, (c, name)
    return result


def removed(result: CleanResult) -> dict[str, tuple[str, str]]:
    """The lines the chain removed (as written, without the white space around them) -> (reason,
    detail)."""
    return {e.before.strip(): (e.reason, e.detail) for e in result.edits if not e.after and e.before.strip()}


def assert_stays(c: Case, chain: object = None) -> CleanResult:
    """The text of `c` comes out as it went in: its lines are the article's."""
    result = cleaned(c, chain)
    assert normal(result.text) == normal(c.text()), c
    return result
