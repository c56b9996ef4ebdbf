"""Very short undeclared texts (a handful of letters beyond ASCII): Windows-1252, by far the most common
undeclared code page, is preferred when it reads them as letters of a language, since a few letters
cannot tell code pages apart by their frequencies; each choice is said, with how sure it is. A new
user's "Ça coûte cher." in Windows-1252 was read silently as a Baltic code page ("Ēa coūte cher.")."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanmedia.cli import main
from cleanmedia.decode import _words_of_a_language, decode, decode_explained

#: Short texts written in Windows-1252 (fr, de, es, it, pt, ca): read as written.
COMMON = [
    "Ça coûte cher.",
    "Ça coûte 5 €, dit-il.",
    "Où est-il ?",
    "Grüße aus Köln.",
    "¿Qué año es?",
    "Così è.",
    "Não há pão.",
    "Sí, senyor, és així.",
    # a times sign, a degree or a square as words of their own: no foreign letters (a new user's "Maße:
    # 3 × 4 m" was read as ISO 8859-5, "Maпe: 3 з 4 m"; "180 °C" as Big5)
    "Maße: 3 × 4 m",
    "Bei 180 °C backen.",
    "Wohnfläche: 50 m²",
    "Größe: 40 ± 2 cm",
    "Prix : 20 € ÷ 2, à payer.",
    "Température : 25 °C à Nîmes.",
    "Superficie: 80 m² en el ático.",
    "Temperatura: 25 °C, più caldo.",
    "Oppervlakte: 3 × 4 m, één café.",
]
#: Negatives: short texts of other code pages keep theirs (their letters are far likelier there, or
#: their ASCII words name a language whose code page it is).
OTHERS = [
    ("Rīga ir skaista pilsēta.", "cp1257"),
    ("Tā ir mūsu māja.", "cp1257"),
    ("Zażółć gęślą jaźń.", "cp1250"),
    ("Łódź i Kraków.", "cp1250"),
    ("Příliš žluťoučký kůň.", "cp1250"),
    ("Şişli'de güzel bir gün.", "cp1254"),
    ("Ελληνικά κείμενα.", "cp1253"),
    # the bytes of "×" and "°" are letters there ("в" of KOI8-R, "з" of ISO 8859-5, "Ч" of Windows-1251)
    ("Дом в Москве.", "koi8_r"),
    ("Он в Риме, ч 3.", "iso8859_5"),
    ("Мы в городе, Ч 4.", "cp1251"),
    ("Žádost o vízum lze podat.", "iso8859_2"),
]


@pytest.mark.parametrize("text", COMMON)
def test_a_short_windows_1252_text_is_read_as_written(text: str) -> None:
    decoded = decode_explained(text.encode("cp1252"))
    assert decoded.text == text and decoded.charset == "cp1252" and decoded.how == "detected"


@pytest.mark.parametrize(("text", "page"), OTHERS)
def test_a_short_text_of_another_code_page_keeps_it(text: str, page: str) -> None:
    assert decode(text.encode(page)) == text


def test_the_choice_is_said_with_how_sure_it_is() -> None:
    short = decode_explained("Ça coûte cher.".encode("cp1252"))
    assert short.note().startswith(
        "decode.charset: cp1252 (detected; unsure: short text: its words are French words"
    )
    assert "'Ēa'" in short.note()  # what the runner-up would have read
    long = "Le café coûte cher, mais les élèves préfèrent le thé à l'école, dit-il. Ça va très bien."
    assert decode_explained(long.encode("cp1252")).note() == "decode.charset: cp1252 (detected; clear)"
    assert decode_explained("Grüße".encode()).note() == "decode.charset: utf-8 (valid UTF-8; certain)"
    assert decode_explained(b"abc", override="latin-1").how == "--charset"
    assert decode_explained("é".encode("cp1252"), "cp1252").how == "declared by the transport"


def test_explain_and_json_say_the_charset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kurz.txt"
    path.write_bytes("Ça coûte cher.\n".encode("cp1252"))
    assert main([str(path), "--explain", "-q"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ça coûte cher.\n") and "\ndecode.charset: cp1252 (detected; unsure:" in out
    assert main([str(path), "--json", "-q"]) == 0
    assert '"decode": {"charset": "cp1252", "how": "detected", "sure": "unsure: ' in capsys.readouterr().out


def test_the_note_names_the_language_that_writes_the_words_most_and_a_word_that_differs() -> None:
    """A new user's decode note called French words German ("its words are de words"): "déjà" is a
    German loanword too. The language named is the one that writes the words most often, by its name;
    the runner-up's word shown is one the two readings read otherwise (not "m²", read alike)."""
    assert _words_of_a_language("Ça va très bien.") == "fr"  # German knows "ça" and "très" too
    assert _words_of_a_language("Grüße aus Köln.") == "de"
    assert _words_of_a_language("Ēa coūte cher.") is None
    note = decode_explained("Superficie: 80 m² en el ático.".encode("cp1252")).note()
    assert "would read 'įtico.'" in note, note
    assert "'m²'" not in note
