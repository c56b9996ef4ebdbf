from __future__ import annotations

import json

import pytest

from cleanmedia import DecodeError, clean, clean_and_explain, decode
from cleanmedia.cli import main


def test_bytes_are_refused_with_a_pointer_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        clean(b"Bonjour")  # type: ignore[arg-type]


def test_decode_utf8_declared_and_fallback() -> None:
    assert decode("café".encode()) == "café"
    assert decode("café".encode("utf-8-sig")) == "café"
    assert decode("café".encode("latin-1"), "iso-8859-1") == "café"
    assert decode("Straße – 5 €".encode("cp1252")) == "Straße – 5 €"
    assert decode("Пример".encode("koi8-r"), "koi8-r") == "Пример"
    with pytest.raises(DecodeError):
        decode(b"caf\xe9", "no-such-charset")


def test_html_blocks_never_glue_words() -> None:
    assert clean("<p>end</p><p>Start</p>") == "end\n\nStart\n"
    assert clean("<div>one<div>two</div>three</div>") == "one\n\ntwo\n\nthree\n"
    assert clean("<table><tr><td>a</td><td>b</td></tr></table>") == "a b\n"


def test_text_that_mentions_tags_can_be_forced_to_text() -> None:
    assert clean("Use <p> for paragraphs.", input_format="text") == "Use <p> for paragraphs.\n"


def test_layout() -> None:
    messy = "\ufeff  Title  \r\n\r\n\r\nFirst\tparagraph  here.\nSecond\u200b one.\n  * item\n  • item two\n"
    assert clean(messy) == "Title\n\nFirst paragraph here.\n\nSecond one.\n\n• item\n• item two\n"
    assert clean("") == "" and clean(" \n\t\n") == ""


def test_mojibake_only_where_it_is() -> None:
    result = clean_and_explain("lâ€™accÃ¨s aux donnÃ©es\n\nun texte propre, déjà correct.\n")
    assert result.text == "l’accès aux données\n\nun texte propre, déjà correct.\n"
    assert [e.line for e in result.edits if e.cleaner == "mojibake"] == [1]


def test_explain_names_cleaner_reason_and_line() -> None:
    text = clean_and_explain("a\u200bb\n").explain(layout=True)
    assert "[controls] line 1" in text and "invisible control character" in text


def test_cli_text_and_json(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html"
    page.write_text("<html lang='en'><p>Hello <b>world</b>.</p></html>", encoding="utf-8")
    assert main([str(page)]) == 0
    assert capsys.readouterr().out == "Hello world.\n"
    assert main(["--json", str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["text"] == "Hello world.\n" and record["source"] == str(page)


def test_cli_reports_missing_file_and_goes_on(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "a.txt"
    good.write_text("Text.", encoding="utf-8")
    assert main([str(tmp_path / "missing.txt"), str(good)]) == 1
    captured = capsys.readouterr()
    assert "missing.txt" in captured.err and "Text.\n" in captured.out


def test_a_title_element_in_the_body_is_not_text() -> None:
    """Browsers do not show it; found by the property tests as "0<TITLE><P>" cleaning to "0<P>"."""
    assert clean("0<TITLE><P>", input_format="html") == "0\n"
    # Two unclosed tags are no document structure (issue 11, kind 9): as text it stays, and stays put.
    assert clean("0<TITLE><P>") == clean(clean("0<TITLE><P>")) == "0<TITLE><P>\n"
    assert clean("<body><p>Hello there.</p><title>Tab name</title></body>") == "Hello there.\n"


def test_a_control_character_between_two_words_leaves_a_space() -> None:
    """Found by a fresh user's test: a removed NUL joined two words ("a\\x00b" -> "ab"). Zero-width and
    formatting characters inside a word still go without a trace."""
    assert clean("Hello\x00world, said the mayor.") == "Hello world, said the mayor.\n"
    assert clean("co\u00adoperation and re\u200bsearch") == "cooperation and research\n"
    assert clean("the end\x07") == "the end\n"


MIXED = (
    "Newsletter abonnieren\n\nLesen Sie auch\n\nPartager\n\nTous droits réservés\n\n"
    "El gobierno aprobó ayer la ley de vivienda.\n\nLe gouvernement a présenté son budget hier soir.\n\n"
    "Die Regierung hat am Montag ein neues Gesetz beschlossen.\n"
)


@pytest.mark.parametrize("given", ["en", "fr", "es"])
def test_a_language_the_caller_gives_is_final(given: str) -> None:
    """Found by a new user: on a mixed text the furniture step re-identified the language of the lines
    it kept and replaced the caller's `lang` (then a second clean, identifying anew, could decide
    another language: not idempotent). A value the caller gives is never changed by a cleaner."""
    result = clean_and_explain(MIXED, lang=given)
    assert result.metadata.lang == given
    assert [e.reason for e in result.metadata_edits if e.field == "lang"] == ["lang.given"]


def test_without_a_given_language_the_lines_left_decide() -> None:
    """Negative: with no language given, the language of the lines the furniture step keeps is the
    document's (furniture in another language can outweigh a short article)."""
    assert clean_and_explain(MIXED).metadata.lang == "de"


def test_the_explanation_counts_every_kind_of_line_it_shows() -> None:
    """Found by a new user: the head said "2 edits" and three lines followed (the metadata edit was not
    counted). Each kind is counted, and the lines that follow are exactly that many."""
    result = clean_and_explain("Partager:\n\nLe le chat dort sur le canapé du salon depuis ce matin.\n")
    lines = result.explain().splitlines()
    assert lines[1] == "0 removals, 1 metadata edits, 2 edits (layout edits hidden)"
    assert len(lines) == 2 + 0 + 1 + 2


@pytest.mark.parametrize(
    "text",
    # languages outside the set (short sentences of the set's languages are identified now)
    [
        "I dag regner det meget i København.",
        "Dnes v Praze celý den hodně prší.",
        "Idag regnar det mycket i Stockholm.",
    ],
)
def test_a_text_of_no_identified_language_says_so(text: str) -> None:
    """Found by a new user: a text of about seven words got no language, so no repair that needs one,
    and nothing said so. The result flags it, in `flags` and in `explain()`; the text is unchanged."""
    result = clean_and_explain(text + "\n")
    assert result.text == text + "\n" and result.metadata.lang is None
    (flag,) = [e for e in result.flags if e.reason == "lang.unknown"]
    assert "language-dependent repairs skipped" in flag.detail and flag.start == flag.end == 0
    assert "lang.unknown" in result.explain()
    assert clean(text + "\n") == text + "\n"


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("It rains a lot today in London town.", "en"),  # a language given: nothing to say
        ("The council approved the new budget for the city on Tuesday evening after a long debate.", None),
        ("", None),  # no words: no language to miss
        ("12 345 678", None),
    ],
)
def test_a_text_with_a_language_or_without_words_has_no_unknown_flag(text: str, given: str | None) -> None:
    options = {"lang": given} if given else {}
    result = clean_and_explain(text, **options)  # type: ignore[arg-type]
    assert not [e for e in result.edits if e.reason == "lang.unknown"]
