"""The language data: complete, well formed, and read through profiles only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cleanmedia import clean_and_explain, resources
from cleanmedia.resources import KINDS, ResourceError, check

SRC = Path(__file__).resolve().parent.parent / "src" / "cleanmedia"
#: A language code compared, collected or defaulted to in code (`== "de"`, `in ("fr", "it")`,
#: `frozenset({"de"})`, `or "en"`): only the resource loader may hold one.
_CODE = "[\"'](?:" + "|".join(resources.codes()) + ")[\"']"
CODE_LITERAL = re.compile(rf"(?:==|!=|\bin\b|\bor\b|\(|\{{|,)\s*[(\[{{]?\s*{_CODE}")


def test_the_shipped_resources_have_no_problem() -> None:
    assert check.problems() == []


def test_every_article_language_is_complete() -> None:
    assert len(resources.LANGUAGES) >= 8
    for code in resources.LANGUAGES:
        profile = resources.profile(code)
        assert profile.known and profile.article and profile.name
        for kind in KINDS:
            assert isinstance(profile.lines(kind), tuple)  # read, or ResourceError


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        (
            "de/boilerplate.tsv",
            "share\tline\tteilen\n",
            "share\tline\tteilen\tzu viel\n",
            "4 columns, expected 3",
        ),
        ("de/boilerplate.tsv", "share\tline\tteilen\n", "sharing\tline\tteilen\n", "unknown kind 'sharing'"),
        (
            "de/boilerplate.tsv",
            "share\tline\tteilen\n",
            "share\teverywhere\tteilen\n",
            "match must be one of",
        ),
        ("de/boilerplate.tsv", "share\tline\tteilen\n", "share\tline\tTeilen\n", "must be lower case"),
        (
            "de/boilerplate.tsv",
            "share\tline\tteilen\n",
            "share\tline\tteilen\nshare\tline\tteilen\n",
            "duplicate",
        ),
        ("fr/months.txt", "mars\n", "", "11 months, expected 12"),
        ("fr/profile.toml", "elides = true", "elides = 1", "elides must be bool"),
        ("fr/profile.toml", "elides = true", "elide = true", "unknown key 'elide'"),
        ("fr/profile.toml", "elides = true", "elides = ", "profile.toml"),  # not TOML: reported, no crash
        ("fr/profile.toml", "french_spacing = true", "", "french_spacing is missing"),
        (
            "fr/profile.toml",
            'loanwords_from = "en"',
            'loanwords_from = "english"',
            "not a language with a folder",
        ),
        ("fr/months.txt", "juin\n", "juin mars\n", "'mars' names two months"),
        ("fr/stopwords.txt", "\nde\n", "\nDe\n", "must be lower case"),
    ],
)
def test_a_broken_row_is_found(tmp_path: Path, file: str, old: str, new: str, problem: str) -> None:
    root = tmp_path / "resources"
    shutil.copytree(check.ROOT, root)
    path = root / "languages" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert any(problem in p and file in p for p in check.problems(root)), check.problems(root)


def test_stray_files_and_folders_not_named_by_a_code_are_found(tmp_path: Path) -> None:
    root = tmp_path / "resources"
    shutil.copytree(check.ROOT, root)
    (root / "languages" / "de" / "notes.txt").write_text("x\n", encoding="utf-8")
    shutil.copytree(root / "languages" / "pl", root / "languages" / "polish")
    found = check.problems(root)
    assert any("de/notes.txt: not a kind" in p for p in found)
    assert any("polish: a language folder is named by its ISO 639 code" in p for p in found)


def test_a_missing_file_is_found_and_is_an_error_not_an_empty_list(tmp_path: Path) -> None:
    root = tmp_path / "resources"
    shutil.copytree(check.ROOT, root)
    (root / "languages" / "it" / "doubled.txt").unlink()
    assert any("it/doubled.txt: missing" in p for p in check.problems(root))
    with pytest.raises(ResourceError, match="missing"):
        resources.profile("it").lines("no_such_list.txt")


def test_unknown_languages_get_the_empty_profile() -> None:
    for code in (None, "", "xx", "la"):  # Latin is recognised, as filler, but has no rules
        assert resources.profile(code) is resources.UNKNOWN
    assert resources.filler_language("la") and not resources.filler_language("fr")
    assert clean_and_explain("Ein Text in einer Sprache.", lang="xx").text == "Ein Text in einer Sprache.\n"


def test_no_language_code_is_compared_in_code_outside_the_loader() -> None:
    """Rules ask a profile: a language code in a string literal is allowed in the loader only."""
    offenders = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if path.parent.name != "resources"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CODE_LITERAL.search(line.split("#", 1)[0])
    ]
    assert offenders == []


POLISH = (
    "Rada miasta przyjęła we wtorek budżet na przyszły rok. Radni długo dyskutowali o nowych "
    "inwestycjach w transport publiczny i o remontach szkół.\n\n"
    "Prace mają się rozpocząć wiosną i potrwają około półtora roku, jak poinformował urząd miasta.\n"
)


def test_polish_end_to_end() -> None:
    """The language added as data: identified, its furniture removed, its dateline kept as metadata."""
    text = f"Strona główna\n\nUdostępnij\n\nOpublikowano 12 marca 2024\n\n{POLISH}\nCzytaj także: inne wiadomości\n\nKomentarze\n"
    result = clean_and_explain(text)
    assert result.metadata.lang == "pl"
    assert result.text == POLISH
    assert result.metadata.date == "2024-03-12"
    assert clean_and_explain(POLISH).text == POLISH


def test_users_extend_the_phrase_lists_per_call_without_editing_package_data() -> None:
    from cleanmedia import DEFAULT_CHAIN, clean
    from cleanmedia.cleaners import Boilerplate

    article = (
        "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen, nach einer langen "
        "Debatte über neue Investitionen in den Nahverkehr.\n"
    )
    text = f"Service & Hilfe\n\n{article}"
    assert clean(text, lang="de") == text  # not a shipped phrase: the line stays
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate(phrases=[("nav", "line", "Service & Hilfe")]))
    assert clean(text, lang="de", chain=chain) == article
    assert clean(text, lang="de") == text  # the shipped lists are unchanged
    with pytest.raises(ValueError, match="kind must be one of"):
        Boilerplate(phrases=[("menu-ish", "line", "x")])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("nav", "contains", ""), "empty"),
        (("nav", "line", "  "), "empty"),
        (("nav", "line"), "three strings"),
        (("nav", "line", None), "three strings"),
    ],
)
def test_bad_phrase_rows_are_refused(row: object, message: str) -> None:
    from cleanmedia.cleaners import Boilerplate

    with pytest.raises(ValueError, match=message):
        Boilerplate(phrases=[row])  # type: ignore[list-item]
