"""Undeclared single-byte code pages: short texts of many languages, each in its Windows code page and
its ISO 8859 one (KOI8-U for Ukrainian), are read as written, and the clean that follows repairs no
"mojibake" in them. A new user's short Polish text in Windows-1250 was read as ISO 8859-2 and then
"repaired" into mojibake while charset-normalizer's own guess was right; before this, 43 of these 94
readings were wrong (Czech, Slovak, Hungarian, Croatian, Slovene, Turkish, Baltic, Finnish...)."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain
from cleanmedia.decode import _reading_score, decode

TEXTS = {
    "pl": [
        "Sąd w Łodzi orzekł, że śmieci będą wywożone częściej.",
        "Wczoraj wieczorem prezydent spotkał się z ministrami.",
        "Źródło podało, że ściek zamknięto w środę.",
        "Otwórz ustawienia i zacznij pisać.",
    ],
    "cs": [
        "Soud v Brně rozhodl, že šetření bude pokračovat.",
        "Vláda schválila rozpočet na příští rok.",
        "Žádost o vízum lze podat také na úřadě.",
    ],
    "sk": ["Ďalšie rokovanie sa uskutoční v piatok."],
    "hu": [
        "A kormány szerdán elfogadta a jövő évi költségvetést.",
        "Az ülésen több képviselő is felszólalt.",
    ],
    "hr": ["Vlada je u četvrtak usvojila prijedlog proračuna.", "Građani će moći glasovati i u inozemstvu."],
    "sl": ["Vlada je v četrtek sprejela predlog proračuna.", "Župan je dejal, da bo šola odprta še letos."],
    "ru": [
        "Правительство в четверг одобрило проект бюджета.",
        "Жители города смогут голосовать и за рубежом.",
    ],
    "uk": [
        "Уряд у четвер схвалив проєкт бюджету на наступний рік.",
        "Мешканці міста зможуть голосувати за кордоном.",
    ],
    "bg": [
        "Правителството одобри проектобюджета в четвъртък.",
        "Жителите на града ще могат да гласуват в чужбина.",
    ],
    "sr": ["Влада је у четвртак усвојила предлог буџета.", "Грађани ће моћи да гласају и у иностранству."],
    "el": [
        "Η κυβέρνηση ενέκρινε την Πέμπτη τον προϋπολογισμό.",
        "Οι πολίτες θα μπορούν να ψηφίσουν και στο εξωτερικό.",
    ],
    "tr": [
        "Hükümet perşembe günü bütçe taslağını onayladı.",
        "Vatandaşlar yurt dışında da oy kullanabilecek.",
    ],
    "lt": ["Vyriausybė ketvirtadienį pritarė biudžeto projektui.", "Gyventojai galės balsuoti ir užsienyje."],
    "lv": ["Iedzīvotāji varēs balsot arī ārzemēs."],
    "de": ["Der Bürgermeister äußerte sich über die Straße.", "Die Prüfung der Anträge dauert länger."],
    "fr": [
        "Le conseil a adopté mardi un texte très attendu.",
        "Le système est prêt : la fenêtre s'ouvre à côté.",
    ],
    "es": [
        "El gobierno aprobó el jueves el proyecto de presupuesto.",
        "Los ciudadanos podrán votar también en el extranjero.",
    ],
    "it": [
        "Il governo ha approvato giovedì il progetto di bilancio.",
        "La città è pronta, ma la decisione può cambiare.",
    ],
    "pt": [
        "O governo aprovou na quinta-feira o orçamento.",
        "Os cidadãos poderão votar também no estrangeiro.",
    ],
    "ca": [
        "El govern va aprovar dijous el projecte de pressupost.",
        "La càrrega de treball del volum lògic és alta.",
    ],
    "nl": [
        "De regering heeft donderdag de begroting goedgekeurd.",
        "Het programma is geïnstalleerd op de computer.",
    ],
    "sv": ["Regeringen godkände på torsdagen budgetförslaget.", "Medborgarna kan även rösta utomlands."],
    "fi": ["Hallitus hyväksyi torstaina talousarvioesityksen.", "Käytä näppäimiä, jotta päätös jää voimaan."],
    "da": [
        "Regeringen godkendte torsdag forslaget til finansloven.",
        "Borgerne kan også stemme i udlandet på søndag.",
    ],
}
PAGES = {
    **dict.fromkeys(("pl", "cs", "sk", "hu", "hr", "sl"), ("cp1250", "iso8859_2")),
    **dict.fromkeys(("ru", "bg", "sr"), ("cp1251", "iso8859_5")),
    "uk": ("cp1251", "koi8_u"),
    "el": ("cp1253", "iso8859_7"),
    "tr": ("cp1254", "iso8859_9"),
    **dict.fromkeys(("lt", "lv"), ("cp1257", "iso8859_13")),
    **dict.fromkeys(("de", "fr", "es", "it", "pt", "ca", "nl", "sv", "fi", "da"), ("cp1252", "iso8859_15")),
}
CASES = [(lang, page, text) for lang, texts in TEXTS.items() for page in PAGES[lang] for text in texts]


@pytest.mark.parametrize(("lang", "page", "text"), CASES)
def test_a_short_text_in_its_code_page_is_read_as_written(lang: str, page: str, text: str) -> None:
    raw = text.encode(page)
    assert decode(raw) == text
    assert decode(raw + b"\n") == text + "\n"


@pytest.mark.parametrize(("page", "text"), [("cp1250", TEXTS["pl"][3]), ("cp1250", TEXTS["cs"][2])])
def test_the_clean_after_decoding_repairs_no_mojibake(page: str, text: str) -> None:
    """What the new user saw: the wrong reading then "repaired" by the mojibake step. The right
    reading is clean text: no mojibake edit, the text as written."""
    result = clean_and_explain(decode(text.encode(page)))
    assert result.text.strip() == text
    assert not [e for e in result.edits if e.cleaner == "mojibake"]


def test_romanian_cedilla_and_comma_letters_are_one_reading() -> None:
    """Windows-1250 "ş" and ISO 8859-16 "ș" are the same byte: either reading is the letter written."""
    text = "Ministrul a declarat că şcolile vor fi deschise."
    assert decode(text.encode("cp1250")) in (text, text.replace("ş", "ș"))
    comma = "Guvernul a aprobat în această săptămână bugetul țării."
    assert decode(comma.encode("iso8859_16")) == comma


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("Sąd orzekł, że będą zmiany.", "S±d orzek³, ¿e bêd± zmiany."),  # ISO 8859-2 read as Windows-1252
        ("Правительство одобрило проект.", "оПБХРЕКЭЯРБН НДНАПХКН ОПНЕЙР."),  # KOI8 read as Windows-1251
        ("Vlada je v četrtek", "Vlada je v \x9fetrtek"),  # a C1 control
    ],
)
def test_a_wrong_reading_scores_below_the_right_one(wrong: str, right: str) -> None:
    """Symbols inside words, words in mixed case, control characters: signs of a wrong code page."""
    assert _reading_score(wrong) > _reading_score(right)


def test_a_reading_the_mojibake_repair_would_change_is_not_clean() -> None:
    """UTF-8 read as Windows-1252 ("Ã©") is what the repair is for: a reading of undeclared bytes that
    would get it is never taken as clean, so another candidate that reads cleanly wins."""
    assert _reading_score("Le café est fermé.")[0]
    assert not _reading_score("Le cafÃ© est fermÃ©.")[0]


def test_multi_byte_text_keeps_its_charset() -> None:
    for text, charset in [
        ("日本語のテキストです。東京で会議が開かれました。政府は新しい予算を発表した。", "shift_jis"),
        ("政府今天发布了新的预算，市民可以在国外投票。", "gb18030"),
        ("정부는 오늘 새로운 예산을 발표했습니다.", "euc_kr"),
    ]:
        assert decode(text.encode(charset)) == text


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("Straße – 5 €", "cp1252"),  # the dash and the euro sign stand alone; "Stra" is no ASCII word
        ("Prix : 5 € – « très » bon", "cp1252"),
        ("Cena – 5 zł, około", "cp1250"),
    ],
)
def test_marks_standing_alone_are_no_evidence_against_a_reading(text: str, page: str) -> None:
    """Found in a merge: a dash, a currency sign or a quotation mark between spaces counted as a symbol
    inside a word, and the ASCII pieces of "Straße" as Spanish words, so code page 866 won."""
    assert decode(text.encode(page)) == text
