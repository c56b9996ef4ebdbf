"""One options object for the API, the batch helpers and the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanmedia import DEFAULT_CHAIN, Options, clean, clean_and_explain
from cleanmedia.batch import clean_many, clean_records
from cleanmedia.cli import main

TEXT = "Partager\n\nLe conseil municipal a voté le budget mardi soir, après un long débat.\n"


def test_an_options_object_and_keywords_are_the_same_call() -> None:
    assert clean(TEXT, Options(lang="fr")) == clean(TEXT, lang="fr")
    assert clean(TEXT, Options(lang="FR")) == clean(TEXT, lang="fr")  # any case
    opts = Options(lang="fr", chain=DEFAULT_CHAIN.without("boilerplate"))
    assert clean(TEXT, opts) == clean(TEXT, lang="fr", chain=list(DEFAULT_CHAIN.without("boilerplate")))
    assert clean(TEXT, opts, lang="it") == clean(TEXT, lang="it", chain=DEFAULT_CHAIN.without("boilerplate"))


def test_the_batch_helpers_take_the_same_options() -> None:
    (outcome,) = clean_many([TEXT], Options(lang="fr", flags=False))
    assert outcome.result is not None and outcome.result.text == clean(TEXT, lang="fr")
    assert outcome.result.metadata.lang == "fr" and not outcome.result.flags
    (record,) = clean_records([{"text": TEXT}], lang="fr")
    assert record["text"] == clean(TEXT, lang="fr")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"lang": "French"}, ValueError, "ISO 639"),
        ({"input_format": "pdf"}, ValueError, "input_format"),
        ({"chain": "boilerplate"}, TypeError, "chain"),
        ({"flags": "no"}, TypeError, "flags must be True or False"),
        ({"main_content": "false"}, TypeError, "main_content must be True or False"),
    ],
)
def test_bad_options_are_refused_when_made(kwargs: dict[str, object], error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        Options(**kwargs)  # type: ignore[arg-type]
    with pytest.raises(error, match=message):
        clean_and_explain(TEXT, **kwargs)  # type: ignore[arg-type]


def test_an_unknown_option_is_named() -> None:
    with pytest.raises(TypeError, match="unknown option.*langue"):
        clean(TEXT, langue="fr")  # type: ignore[call-arg]


def test_the_command_refuses_a_bad_language_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "french", "-"])
    assert stop.value.code == 2 and "ISO 639" in capsys.readouterr().err


def test_batch_options_are_checked_at_the_call_and_taken_whole() -> None:
    with pytest.raises(ValueError, match="ISO 639"):
        clean_many([TEXT], lang="english")  # not only when the first document is read
    with pytest.raises(ValueError, match="jobs must be 1 or more"):
        clean_many([TEXT], jobs=0)
    (record,) = clean_records([{"text": TEXT}], options=Options(lang="fr"))
    assert record["text"] == clean(TEXT, lang="fr")
    assert Options(chain=list(DEFAULT_CHAIN)).chain is not None  # type: ignore[arg-type]  # a list, as for the keyword


def test_the_command_takes_the_options_of_the_api(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav>Accueil Sport Météo</nav><article><p>"
        + TEXT.split("\n\n")[1]
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    assert main(["--lang", "fr", str(page)]) == 0
    article_only = capsys.readouterr().out
    assert main(["--lang", "fr", "--all-blocks", str(page)]) == 0
    every_block = capsys.readouterr().out
    assert "Accueil" not in article_only and "Accueil" in every_block
    assert every_block == clean(page.read_text(encoding="utf-8"), lang="fr", main_content=False)


@pytest.mark.parametrize(
    ("tag", "code"),
    [("de-DE", "de"), ("pt_BR", "pt"), ("EN", "en"), ("fr-fr", "fr"), ("zh-Hant-TW", "zh"), ("es-419", "es")],
)
def test_a_bcp47_tag_gives_its_language(tag: str, code: str) -> None:
    """A locale tag as HTML, HTTP and POSIX write it was refused (ValueError): its primary subtag is the
    language, in any case."""
    assert Options(lang=tag).lang == code
    assert clean_and_explain(TEXT, lang=tag) == clean_and_explain(TEXT, lang=code)


@pytest.mark.parametrize("tag", ["de-", "de--DE", "-DE", "french-FR", "de DE", "de-DE-toolongsubtag"])
def test_a_malformed_tag_is_still_refused(tag: str) -> None:
    with pytest.raises(ValueError, match="ISO 639"):
        Options(lang=tag)


def test_the_command_takes_a_bcp47_tag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    assert main(["--lang", "fr-FR", str(doc)]) == 0
    tagged = capsys.readouterr()
    assert tagged.out == clean(TEXT, lang="fr") and "warning" not in tagged.err
    # an unknown language keeps its behaviour: accepted, with the warning the bare code gets
    assert main(["--lang", "xx-YY", str(doc)]) == 0
    unknown = capsys.readouterr()
    assert main(["--lang", "xx", str(doc)]) == 0
    bare = capsys.readouterr()
    assert unknown.out == bare.out and "no word lists for --lang xx-YY" in unknown.err
    assert "no word lists for --lang xx " in bare.err
