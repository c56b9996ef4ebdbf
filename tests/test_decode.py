"""Bytes to text: declarations honoured in the browsers' order, binary refused, detection for the rest."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from cleanmedia import DecodeError, decode
from cleanmedia.cli import main
from cleanmedia.decode import binary_kind, decode_explained, header_charset, meta_charset, utf16_order

RUSSIAN = "Правительство объявило о новых мерах поддержки для малого бизнеса."
JAPANESE = "政府は中小企業への新たな支援策を発表した。"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize(
    ("head", "charset", "text"),
    [
        ('<meta charset="windows-1251">', "cp1251", RUSSIAN),
        ("<meta charset=Shift_JIS>", "shift_jis", JAPANESE),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', "cp1251", RUSSIAN),
        ("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=shift_jis'>", "shift_jis", JAPANESE),
    ],
)
def test_the_declared_charset_of_html_is_honoured(head: str, charset: str, text: str) -> None:
    html = page(text, head)
    assert decode(html.encode(charset)) == html


def test_the_transport_charset_comes_before_the_meta_declaration() -> None:
    html = page(RUSSIAN, '<meta charset="iso-8859-5">')  # a page declaring a wrong charset
    assert decode(html.encode("koi8-r"), "koi8-r") == html
    assert header_charset('text/html; charset="KOI8-R"') == "KOI8-R" and header_charset("text/html") is None


def test_latin1_labels_mean_windows_1252_as_in_browsers() -> None:
    assert meta_charset(b'<meta charset="iso-8859-1">') == "cp1252"
    assert decode("<meta charset=latin1>Preis: 5 € – günstig".encode("cp1252")).endswith("5 € – günstig")


def test_an_unknown_meta_label_is_ignored_but_an_unknown_declared_one_is_an_error() -> None:
    raw = page("Le café est très bon à Paris, dit-il.", "<meta charset=no-such>").encode("cp1252")
    assert "très bon à Paris" in decode(raw)
    with pytest.raises(DecodeError, match="unknown charset"):
        decode(raw, "no-such-charset")


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Le café est très bon à Paris, dit-il.", "cp1252"),
        ("Der Bürgermeister äußerte sich über die Straße.", "cp1252"),
        (RUSSIAN, "cp1251"),
        ("Zażółć gęślą jaźń, powiedział minister w środę.", "cp1250"),
        # short texts, too thin to identify: their likeliest language tells the readings apart (a new
        # user's files: "El ni±o comi≤", "S±d orzek³", "orzekģ")
        ("El niño comió en España.\n", "latin-1"),
        ("Sąd orzekł, że będą zmiany.\n", "iso-8859-2"),
        (
            "Sąd orzekł, że będą zmiany w sądach, powiedział minister sprawiedliwości w piątek.\n",
            "iso-8859-2",
        ),
    ],
)
def test_undeclared_charsets_are_detected(text: str, charset: str) -> None:
    assert decode(text.encode(charset)) == text


def test_the_override_wins_and_fails_loudly() -> None:
    assert decode("Ærø".encode("latin-1"), override="latin-1") == "Ærø"
    assert decode("Ärger".encode(), override="cp1252") == "Ã„rger"  # the user's word, even if wrong
    with pytest.raises(DecodeError, match="not valid utf-8"):
        decode(b"caf\xe9", override="utf-8")


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (gzip.compress(b'{"text": "a"}\n'), "gzip"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "executable"),
        (b"some text\x00\x00\x00with NULs" * 10, "NUL bytes"),
    ],
)
def test_binary_is_refused_not_decoded(raw: bytes, kind: str) -> None:
    with pytest.raises(DecodeError, match=kind):
        decode(raw)


def test_bytes_no_charset_fits_are_refused() -> None:
    noise = bytes((i * 7919 + 13) % 255 + 1 for i in range(4000))  # no NUL, no signature, no language
    with pytest.raises(DecodeError):
        decode(noise)


def test_text_that_starts_like_a_signature_is_still_text() -> None:
    for text in ("ID3 tags are metadata.", "BZh is not bzip2 here.", "PAR1 of the report."):
        assert binary_kind(text.encode()) is None and decode(text.encode()) == text


def test_undeclared_iso_8859_2_is_read_by_the_words_it_makes() -> None:
    """Found by a fresh user's test: charset-normalizer read Polish ISO-8859-2 as ISO-8859-10
    ("Posģowie") and nothing said so; the reading whose words the lexicon knows wins."""
    text = (
        "Posłowie przyjęli we wtorek ustawę budżetową większością głosów. Deficyt ma wynieść 184 mld zł, "
        "jak podało ministerstwo finansów. Żołnierze otrzymają podwyżki, a nauczyciele dostaną więcej "
        "pieniędzy na szkoły. To jest duża zmiana dla całego kraju, która będzie widoczna już w przyszłym roku."
    )
    assert decode(text.encode("iso-8859-2")) == text
    french = "Le conseil municipal a adopté mardi soir un texte très attendu par les habitants du quartier."
    assert decode(french.encode("cp1252")) == french


def test_utf8_with_a_few_invalid_bytes_stays_utf8() -> None:
    """Found by a new user: a UTF-8 file with a stray byte was read as Windows-1250, every umlaut
    turned into mojibake. Its valid characters outnumber the invalid sequences: UTF-8, with U+FFFD."""
    text = "Die Straße wurde gesperrt. Über die Brücke fährt niemand mehr, größere Umwege folgen.\n"
    raw = text.encode() + b"\xff" + b"Weitere Infos folgen.\n"
    assert decode(raw) == text + "\ufffdWeitere Infos folgen.\n"


#: UTF-8 text with enough valid characters beyond ASCII to be read as UTF-8 (`MOSTLY_UTF8`), per language.
AROUND = {
    "de": "Über die Brücke fährt niemand mehr, größere Umwege folgen; Grüße aus Zürich.\n"
    "Später: Straßenbahn, Fußgänger, Bürgermeister, Öffnungszeiten.\n",
    "fr": "Le café était fermé, la forêt aussi. À bientôt, dit-il à l'élève près du théâtre.\n"
    "L'été dernier, la député a présenté un rapport très détaillé sur la sécurité.\n",
    "pl": "Zażółć gęślą jaźń, powiedział rzecznik. Rząd przyjął projekt ustawy w piątek.\n",
    "ru": "Правительство приняло закон, сообщил представитель министерства.\n",
}


@pytest.mark.parametrize(
    ("lang", "stray", "read", "said"),
    [
        (
            "de",
            b"K\xf6ln ist sch\xf6n.",
            "Köln ist schön.",
            "2 stray bytes of a code page: 'ö' (byte 0xf6 in cp1252, line 3)",
        ),
        ("de", b"Caf\xe9 und S\xe3o Paulo.", "Café und São Paulo.", "'é' (byte 0xe9 in cp1252, line 3)"),
        ("fr", b"\xe9t\xe9 \xe0 c\xf4t\xe9.", "été à côté.", "5 stray bytes"),
        (
            "fr",
            b"Il a dit \x93non\x94 \x96 deux fois.",
            "Il a dit “non” – deux fois.",
            "'“' (byte 0x93 in cp1252, line 3)",
        ),
        ("de", b"Preis 5 \x80, 20 \xb0C.", "Preis 5 €, 20 °C.", "'€' (byte 0x80 in cp1252, line 3)"),
        # the text's own alphabet decides the code page: Polish "ę", not Windows-1252's "ê"
        ("pl", b"Prosz\xea, \xb9 i \xa5.", "Proszę, ą i Ą.", "'ę' (byte 0xea in cp1250, line 2)"),
        ("ru", b"\xef\xf0\xe8\xe2\xe5\xf2 \xe2 \x93", "привет в “", "'п' (byte 0xef in cp1251, line 2)"),
        # negatives: no guess where no code page gives text, the byte is undefined there, or a character
        # was cut short (a multi-byte sequence without its end, a lead byte at the very end)
        ("de", b"\xffWeitere Infos.", "\ufffdWeitere Infos.", "1 invalid sequence read as U+FFFD"),
        ("de", b"x \x81 y.", "x \ufffd y.", "1 invalid sequence read as U+FFFD"),
        ("de", b"Ende \xe2\x80 hier.", "Ende \ufffd hier.", "1 invalid sequence read as U+FFFD"),
        ("de", b"Caf\xe9", "Caf\ufffd", "1 invalid sequence read as U+FFFD"),
        ("pl", b"Ko\xbcmin.", "Ko\ufffdmin.", "1 invalid sequence read as U+FFFD"),  # "Ľ": no Polish letter
    ],
)
def test_stray_code_page_bytes_in_utf8_are_read_as_such(
    lang: str, stray: bytes, read: str, said: str
) -> None:
    """Found by a new user: one Windows-1252 byte inside an otherwise UTF-8 file ("K\\xf6ln") became
    U+FFFD, the letter lost. The file is UTF-8, its stray bytes a Windows code page's where that reads
    as text, the code page of the text's own alphabet first, and the note says which bytes were read
    so."""
    around = AROUND[lang]
    decoded = decode_explained(around.encode() + stray)
    assert decoded.text == around + read
    assert decoded.charset == "utf-8" and decoded.how == "mostly valid UTF-8"
    assert said in decoded.sure, decoded.sure
    assert "\ufffd" not in read or "U+FFFD" in decoded.sure


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("cp1252", "Le café était fermé, la forêt aussi. À bientôt, dit-il à l'élève près du théâtre."),
        ("iso8859_15", "Le café était fermé, la forêt aussi. À bientôt, dit-il à l'élève près du théâtre."),
        ("cp1250", "Rząd przyjął projekt ustawy. Posłowie zagłosują w piątek, powiedział rzecznik."),
    ],
)
def test_single_byte_text_is_no_damaged_utf8(charset: str, text: str) -> None:
    assert decode(text.encode(charset)) == text


def test_utf32_has_its_byte_order_mark_and_garbage_after_one_is_refused() -> None:
    """Found by a new user: bytes starting with UTF-32's mark were read as UTF-16 (its mark starts it)
    and printed as CJK-looking junk with exit status 0."""
    assert decode("Grüße aus Köln".encode("utf-32")) == "Grüße aus Köln"
    with pytest.raises(DecodeError, match="byte order mark"):
        decode(b"\xff\xfe\x00\x00garbage")


GERMAN = "Die Bürger in Köln äußerten sich über die Maßnahmen der Stadt.\n"


@pytest.mark.parametrize("label", ["utf-16", "UTF-16", "utf16"])
@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_the_users_utf16_is_utf16_with_or_without_a_byte_order_mark(label: str, order: str) -> None:
    """`--charset utf-16` was read as UTF-8 (the alias browsers use for a label inside the bytes), so
    UTF-16 without a byte order mark could not be read at all. Found by a new user."""
    raw = GERMAN.encode(order)
    assert decode(raw, override=label) == GERMAN  # no mark: the order its zero bytes show
    assert decode(codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), override=label) == GERMAN
    assert decode(GERMAN.encode(order), override=order) == GERMAN


def test_utf16_order_from_its_zero_bytes() -> None:
    assert utf16_order("Ærø og Åse".encode("utf-16-le")) == "utf_16_le"
    assert utf16_order("Ærø og Åse".encode("utf-16-be")) == "utf_16_be"
    assert utf16_order(b"") == "utf_16_le"  # nothing to tell: what Windows writes


def test_the_users_ascii_is_ascii_and_fails_on_other_bytes() -> None:
    """`--charset ascii` was read as Windows-1252: a byte of 0x80 or more is now the document's error,
    saying which byte and where, not a silent reading in another code page."""
    assert decode(b"plain words", override="ascii") == "plain words"
    with pytest.raises(DecodeError, match=r"not valid ascii: byte 0xe9 at byte 3: .*not ASCII"):
        decode("Café".encode("cp1252"), override="ascii")
    assert decode("Café".encode("cp1252"), override="latin-1") == "Café"  # Latin-1 stays Windows-1252


def test_labels_inside_the_bytes_keep_the_browsers_aliases() -> None:
    page = '<meta charset="utf-16"><p>Grüße aus Köln</p>'.encode()
    assert decode(page) == '<meta charset="utf-16"><p>Grüße aus Köln</p>'
    assert (
        decode("<meta charset='us-ascii'><p>Café</p>".encode("cp1252"))
        == "<meta charset='us-ascii'><p>Café</p>"
    )


def test_the_command_reads_utf16_and_reports_ascii(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "u.txt").write_bytes(GERMAN.encode("utf-16-le"))
    (tmp_path / "a.txt").write_bytes("Café au lait, sagte er.\n".encode("cp1252"))
    assert main([str(tmp_path / "u.txt"), "--charset", "utf-16", "--no-progress"]) == 0
    assert capsys.readouterr().out == GERMAN
    assert main([str(tmp_path / "a.txt"), "--charset", "ascii", "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "a.txt: not valid ascii: byte 0xe9 at byte 3" in captured.err


# Stray NUL bytes in text (eleventh session: a new user's UTF-8 file with a few NULs was refused as
# binary). Dropped, and the note says how many and where; many NULs or other control bytes stay binary.


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Die erste Zeile ist ein ganz normaler Satz über Köln.\nZweite Zeile.\n", "utf-8"),
        ("Le chat dort sur le canapé.\nLa deuxième ligne est là.\n", "utf-8"),
        ("Il gatto dorme sul divano, è così.\nSeconda riga qui.\n", "utf-8"),
        ("Jürgen Müller sagt, dass die Straße gesperrt wird.\nMehr dazu später.\n", "cp1252"),
    ],
)
def test_a_text_with_a_few_nul_bytes_is_decoded_without_them(text: str, charset: str) -> None:
    raw = text.encode(charset)
    stained = raw.replace(b" ", b"\x00 ", 1).replace(b"\n", b"\x00\n", 2)
    decoded = decode_explained(stained)
    assert decoded.text == decode_explained(raw).text == text
    assert decoded.charset == decode_explained(raw).charset
    assert "3 stray NUL bytes dropped (lines 1, 2)" in decoded.note()


def test_a_single_nul_in_a_short_line_is_stray() -> None:
    decoded = decode_explained(b"Hello\x00 world.")
    assert decoded.text == "Hello world."
    assert decoded.note() == "decode.charset: utf-8 (valid UTF-8; 1 stray NUL byte dropped (line 1); certain)"


def test_text_without_nul_has_no_nul_note() -> None:
    assert decode_explained("Grüße aus Köln.".encode()).how == "valid UTF-8"


@pytest.mark.parametrize(
    "raw",
    [
        "UTF-16 without a byte order mark".encode("utf-16-le"),  # every other byte
        b"a\x00b\x00c\x00",
        bytes(range(256)) * 10,  # few NULs, but control bytes by the hundred
        b"some text\x00\x00\x00with NULs" * 10,  # a tenth of the bytes
        b"Plain text first.\n" * 500 + b"\x00" * 2000,  # a text padded with NULs past the first 8 KB
    ],
)
def test_many_nul_bytes_or_control_bytes_stay_binary(raw: bytes) -> None:
    with pytest.raises(DecodeError, match=r"binary data, not text: NUL bytes \([\d,]+ of [\d,]+ bytes"):
        decode(raw)


def test_the_cli_cleans_a_text_file_with_stray_nuls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes("Der Bericht\x00 wurde am Dienstag veröffentlicht.\n".encode())
    assert main([str(source), "--explain", "--no-progress"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Der Bericht wurde am Dienstag veröffentlicht.\n")
    assert "1 stray NUL byte dropped (line 1)" in captured.out + captured.err
