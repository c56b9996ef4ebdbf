"""What a new user still found in text mode (issue 12, session 8), each kind in six languages as
shapes and phrase data, never a site's words; each with its right output, and the article lines that
look like it staying unchanged:

- the headline above a photo credit, an ad label, a reading time, or short sentences stays (title);
- an exclamation is never the text's title, and a refrain said again in the text is no title copy;
- bylines and datelines with a date stamp give their author and date ("Par Claire Dubois, publié le
  3 juin 2025 à 7h30"), in text and in HTML (one reader: `boilerplate.signature`);
- a consent banner's buttons beside its notice, in-article calls to read on past an ad, a menu above
  a headline its frame proves;
- `--preset dump` keeps the items of a list under a label ending with a colon;
- an indented code block is kept as written (no line joined, no word repaired).
"""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain
from cleanmedia.cleaners import DUMP_CHAIN
from cleanmedia.cleaners.boilerplate import signature, stamp
from cleanmedia.extract import read_byline
from cleanmedia.text import indented_blocks
from test_furniture_rows import TEXTS
from textcases import assert_stays, case

LANGS = ["de", "en", "es", "fr", "it", "pl"]
#: A site's menu above the article, per language (the first a known label, the others sections).
MENUS = {
    "de": ["Startseite", "Politik", "Sport"],
    "en": ["Home", "News", "Sport"],
    "es": ["Portada", "Nacional", "Deportes"],
    "fr": ["Accueil", "Monde", "Sport"],
    "it": ["Home", "Cronaca", "Sport"],
    "pl": ["Strona główna", "Wiadomości", "Sport"],
}
#: Lines of the article's frame under its headline: a photo credit, an ad label, a reading time.
FRAMES = {
    "de": ["Foto: dpa", "Anzeige", "Lesezeit: 3 Minuten", "Fotos: Max Muster"],
    "en": ["Photo: Getty Images", "Advertisement", "5 min read", "Credit: AP", "Image: Reuters"],
    "es": ["Foto: EFE", "Publicidad", "Tiempo de lectura: 3 min"],
    "fr": ["Photo : AFP", "Publicité", "Temps de lecture : 4 min", "Photo: AFP"],
    "it": ["Foto: Ansa", "Pubblicità", "Tempo di lettura: 3 minuti"],
    "pl": ["Fot. PAP", "Reklama", "Czas czytania: 3 min"],
}
#: Two short sentences that open an article (a paragraph set a sentence a line).
SHORT_SENTENCES = {
    "de": ["Die Preise steigen.", "Die Mieten auch."],
    "en": ["Share prices rose.", "Home sales, too."],
    "es": ["Los precios suben.", "Los alquileres, también."],
    "fr": ["Les prix montent.", "Les loyers aussi."],
    "it": ["I prezzi salgono.", "Gli affitti, anche."],
    "pl": ["Ceny rosną.", "Czynsze też."],
}
BYLINES = {
    "de": "Von Max Muster",
    "en": "By Ann Lowe",
    "es": "Por Lucía García",
    "fr": "Par Claire Dubois",
    "it": "di Marco Rossi",
    "pl": "Autor: Jan Kowalski",
}


def _article(code: str) -> tuple[str, str, str]:
    title, (first, second) = TEXTS[code]
    return title, first, second


def _clean(lines: list[str], code: str, chain: object = None) -> tuple[str, object]:
    kwargs = {"chain": chain} if chain is not None else {}
    result = clean_and_explain("\n".join(lines) + "\n", input_format="text", lang=code, **kwargs)  # type: ignore[arg-type]
    return result.text, result


# -- 1. the headline above its frame ---------------------------------------------------------------


@pytest.mark.parametrize("code", LANGS)
def test_a_headline_above_a_credit_an_ad_label_or_a_reading_time_stays(code: str) -> None:
    """A credit, an ad label or a reading time under the headline is a line of the article's frame: it
    goes (logged), and the headline stays as the text's first line and its title; the menu above goes."""
    title, first, second = _article(code)
    for frame in FRAMES[code]:
        text, result = _clean([*MENUS[code], title, frame, first, second], code)
        assert text == f"{title}\n\n{first}\n\n{second}\n", frame
        assert result.metadata.title == title  # type: ignore[attr-defined]
        assert frame in [e.before.strip() for e in result.edits if e.reason.startswith("boilerplate.")]  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", LANGS)
def test_a_headline_above_two_short_sentences_stays(code: str) -> None:
    """A headline, its byline, then two short sentences (one a line) before the first paragraph."""
    title, first, second = _article(code)
    lines = [*MENUS[code], title, BYLINES[code], *SHORT_SENTENCES[code], first, second]
    text, result = _clean(lines, code)
    assert text == "\n\n".join([title, *SHORT_SENTENCES[code], first, second]) + "\n"
    assert result.metadata.title == title  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", LANGS)
def test_a_section_name_above_an_ad_label_still_goes(code: str) -> None:
    """The negative: one word above the frame is a section's name, not a headline."""
    _, first, second = _article(code)
    frame = FRAMES[code][1]
    text, result = _clean([MENUS[code][0], MENUS[code][1], frame, first, second], code)
    assert text == f"{first}\n\n{second}\n"
    assert result.metadata.title is None  # type: ignore[attr-defined]


#: Article sentences that open like a frame line, a byline, a dateline or a call to read on, between
#: the article's paragraphs: each comes out unchanged (`textcases.assert_stays`).
LOOKALIKES = [
    # a credit label's word
    ("en", "Photo: the council's new building, which opened on Monday after three years of work."),
    ("de", "Foto: Die Feuerwehr war mit drei Wagen vor Ort, wie ein Sprecher am Abend bestätigte."),
    ("en", "Credit: the bank said it would extend credit to small firms."),
    # a byline's word and a date
    ("fr", "Par ailleurs, le 3 juin 2025, la ville a voté le budget de l'année prochaine."),
    ("en", "On June 3, 2025, the council voted the budget for the coming year."),
    ("it", "Pubblicato il 3 giugno 2025 da una piccola casa editrice, il libro è stato un successo."),
    ("de", "Von Max Muster stammt der Entwurf, den der Rat am 3. Juni 2025 beschlossen hat."),
    # a call to read on
    ("en", "The story continues below the fold, the editor said, and readers rarely get there."),
    ("it", "Continua a leggere sotto l'ombrellone, come ogni estate, il sindaco della città."),
]


@pytest.mark.parametrize(("code", "line"), LOOKALIKES)
def test_article_sentences_that_look_like_frame_lines_stay(code: str, line: str) -> None:
    assert_stays(case(code, line))


# -- 2. titles: no exclamation, no refrain ---------------------------------------------------------

REFRAINS = [
    (
        "de",
        "Alle Vögel sind schon da,\nalle Vögel, alle!\n\nWelch ein Singen, Musiziern,\nPfeifen, Zwitschern, "
        "Tiriliern!\n\nAlle Vögel sind schon da,\nalle Vögel, alle!\n\nDas Lied stammt aus dem Jahr 1835 und "
        "wird bis heute in den Schulen gesungen.\n",
    ),
    (
        "en",
        "The chant\n\nWe want more, we want more!\n\nThe crowd kept chanting for ten minutes after the final "
        "whistle, and the players came back out.\n\nWe want more, we want more!\n\nThe club said it was the "
        "loudest night in the stadium's history.\n",
    ),
    (
        "fr",
        "Le refrain\n\nOn a gagné, on a gagné !\n\nLa foule a chanté pendant dix minutes après le coup de "
        "sifflet final, et les joueurs sont revenus.\n\nOn a gagné, on a gagné !\n\nLe club parle de la soirée "
        "la plus bruyante de son histoire.\n",
    ),
    (
        "it",
        "Il coro\n\nForza ragazzi, forza ragazzi!\n\nLa curva ha cantato per dieci minuti dopo il fischio "
        "finale, e i giocatori sono tornati in campo.\n\nForza ragazzi, forza ragazzi!\n\nIl club ha parlato "
        "della serata più rumorosa della sua storia.\n",
    ),
]


@pytest.mark.parametrize(("code", "text"), REFRAINS, ids=[c for c, _ in REFRAINS])
def test_a_repeated_chant_is_no_copy_of_the_title(code: str, text: str) -> None:
    """Found by a new user: when the first heading had under three words, the first exclamation was
    taken for the title and the chant's next occurrence went as a copy of it."""
    result = clean_and_explain(text, input_format="text", lang=code)
    assert not [e for e in result.edits if e.reason == "boilerplate.repeated"]
    assert [line for line in result.text.split("\n") if line] == [
        line.replace(" !", "\u00a0!") for line in text.split("\n") if line
    ]


@pytest.mark.parametrize("code", ["de", "en"])
def test_a_refrain_said_again_in_the_text_stays_and_a_copy_above_it_goes(code: str) -> None:
    """A line said twice again between paragraphs is the text's own (a refrain); a copy above the
    text, one said once, or one beside no prose (a share text, a teaser) still goes."""
    title, first, second = _article(code)
    text = "\n\n".join([title, title, first, title, second, title, first]) + "\n"
    result = clean_and_explain(text, input_format="text", lang=code)
    assert result.text == "\n\n".join([title, first, title, second, title, first]) + "\n"
    once = "\n\n".join([title, first, title, second]) + "\n"  # a copy said once in the text still goes
    assert clean(once, input_format="text", lang=code) == f"{title}\n\n{first}\n\n{second}\n"
    beside = "\n\n".join([title, first, title, second, title]) + "\n"  # the last beside no prose: goes
    assert clean(beside, input_format="text", lang=code) == f"{title}\n\n{first}\n\n{second}\n"


# -- 3. bylines and datelines ------------------------------------------------------------------------

SIGNED = [
    ("fr", "Par Claire Dubois, publié le 3 juin 2025 à 7h30", "Claire Dubois", "2025-06-03"),
    ("fr", "Par Claire Dubois le 3 juin 2025", "Claire Dubois", "2025-06-03"),
    ("fr", "Publié le 5 juillet 2025 à 18h02, mis à jour le 5 juillet 2025 à 19h40", None, "2025-07-05"),
    ("fr", "Entretien réalisé par Sophie Laurent", "Sophie Laurent", None),
    ("it", "Di Marco Rossi, 3 giugno 2025", "Marco Rossi", "2025-06-03"),
    ("it", "Pubblicato il 3 giugno 2025 da Marco Rossi", "Marco Rossi", "2025-06-03"),
    ("en", "By Ann Lowe | June 3, 2025", "Ann Lowe", "2025-06-03"),
    ("en", "By Ann Lowe, June 3, 2025 at 7:30 a.m.", "Ann Lowe", "2025-06-03"),
    ("en", "Updated 14:05 GMT, 3 March 2025", None, "2025-03-03"),
    ("en", "Interview by Ann Lowe", "Ann Lowe", None),
    ("pl", "Autor: Jan Kowalski, 3 czerwca 2025", "Jan Kowalski", "2025-06-03"),
    ("pl", "Aktualizacja: 15 lipca 2024, 12:30", None, "2024-07-15"),
    ("es", "Por Lucía García | 10 de enero de 2025 - 11:30 h", "Lucía García", "2025-01-10"),
    ("de", "Von Max Muster, 3. Juni 2025", "Max Muster", "2025-06-03"),
    ("de", "Das Interview führte Max Muster", "Max Muster", None),
]


@pytest.mark.parametrize(("code", "line", "author", "date"), SIGNED)
def test_bylines_and_datelines_go_to_the_metadata(
    code: str, line: str, author: str | None, date: str | None
) -> None:
    title, first, second = _article(code)
    text, result = _clean([title, line, first, second], code)
    assert text == f"{title}\n\n{first}\n\n{second}\n"
    assert (result.metadata.author, result.metadata.date) == (author, date)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("code", "line"),
    [
        (c, line)
        for c, line, author, _ in SIGNED
        if author and line.split()[0] in ("Par", "Di", "By", "Autor:", "Por", "Von")
    ],
)
def test_html_reads_the_same_bylines(code: str, line: str) -> None:
    """The HTML stage reads a byline element with the same reader (`boilerplate.signature`)."""
    expected = next((a, d) for c, t, a, d in SIGNED if (c, t) == (code, line))
    assert read_byline(line, explicit=True, lang=code) == expected


@pytest.mark.parametrize(
    ("code", "rest"),
    [
        ("fr", "ailleurs, le 3 juin 2025, la ville a voté le budget."),
        ("en", "Monday, June 3, 2025, reporters had left the building."),
        ("it", "Roma a Milano in due ore, dal 3 giugno 2025"),
        ("en", "Ann Lowe, who wrote on June 3, 2025"),
    ],
)
def test_text_after_a_bylines_word_is_no_signature(code: str, rest: str) -> None:
    assert signature(rest, code) is None


def test_a_stamp_is_dates_and_dateline_phrases_only() -> None:
    assert stamp("3 juin 2025 à 7h30, mis à jour le 4 juin 2025", "fr") == "2025-06-03"
    assert stamp("14:05 GMT, 3 March 2025", "en") == "2025-03-03"
    assert stamp("3 juin 2025, à Paris", "fr") is None
    assert stamp("June 3, 2025 in Leeds", "en") is None


# -- 4. consent buttons, calls to read on, menus above a proved headline ------------------------------

BANNERS = {
    "de": ("Wir verwenden Cookies, um Inhalte zu personalisieren und die Zugriffe zu analysieren.",
           ["Akzeptieren", "Ablehnen", "Einstellungen"]),
    "en": ("We use cookies to improve your experience on our site.", ["Accept all", "Reject", "Manage settings"]),
    "es": ("Este sitio web utiliza cookies para mejorar su experiencia de navegación.", ["Aceptar", "Rechazar", "Configurar"]),
    "fr": ("Nous utilisons des cookies pour améliorer votre expérience.", ["Tout accepter", "Refuser", "Personnaliser"]),
    "it": ("Questo sito utilizza cookie per migliorare la tua esperienza.", ["Accetta tutti", "Rifiuta", "Personalizza"]),
    "pl": ("Ta strona korzysta z plików cookie, aby świadczyć usługi na najwyższym poziomie.", ["Akceptuję", "Odrzuć", "Ustawienia"]),
}  # fmt: skip


@pytest.mark.parametrize("code", LANGS)
def test_consent_buttons_beside_the_banner_go(code: str) -> None:
    title, first, second = _article(code)
    notice, buttons = BANNERS[code]
    for lines in ([notice, *buttons], [*buttons, notice], [notice, " | ".join(buttons)]):
        text, result = _clean([*lines, title, first, second], code)
        assert text == f"{title}\n\n{first}\n\n{second}\n", lines
        assert result.metadata.title == title  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", LANGS)
def test_the_same_words_without_a_banner_stay(code: str) -> None:
    """The negative: the buttons' words as lines of the article, no notice beside them."""
    title, first, second = _article(code)
    buttons = BANNERS[code][1][1:]  # (a first button may be a notice's phrase: "Tout accepter")
    text = "\n\n".join([title, first, *buttons, second]) + "\n"
    assert clean(text, input_format="text", lang=code) == text


CALLS = {
    "de": ["Weiter nach der Anzeige", "Artikel wird unter der Anzeige fortgesetzt", "Lesen Sie auch:"],
    "en": ["Story continues below advertisement", "Article continues below", "Advertisement - scroll to continue"],
    "es": ["La noticia continúa tras la publicidad", "Sigue leyendo debajo"],
    "fr": ["La suite après cette publicité", "L'article continue ci-dessous"],
    "it": ["Continua a leggere sotto", "L'articolo continua dopo la pubblicità"],
    "pl": ["Dalsza część artykułu pod reklamą", "Czytaj także:"],
}  # fmt: skip


@pytest.mark.parametrize("code", LANGS)
def test_calls_to_read_on_past_an_ad_go(code: str) -> None:
    title, first, second = _article(code)
    for call in CALLS[code]:
        text, _ = _clean([title, first, call, second], code)
        assert text == f"{title}\n\n{first}\n\n{second}\n", call


@pytest.mark.parametrize("code", LANGS)
def test_a_menu_above_a_headline_its_frame_proves_goes(code: str) -> None:
    """Section names between a known label and the headline, itself above its byline and prose."""
    title, first, second = _article(code)
    menu = [*MENUS[code], "Kultur", "Wissen"]
    text, result = _clean([*menu, title, BYLINES[code], first, second], code)
    assert text == f"{title}\n\n{first}\n\n{second}\n"
    assert result.metadata.title == title  # type: ignore[attr-defined]
    assert {e.before.strip() for e in result.edits} >= set(menu)  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", LANGS)
def test_short_lines_above_a_headline_without_its_frame_stay(code: str) -> None:
    """The negative: without a byline or a date under the headline nothing proves where the article
    starts; short lines above it (a kicker, a list) stay."""
    title, first, second = _article(code)
    text = "\n\n".join([MENUS[code][1], MENUS[code][2], title, first, second]) + "\n"
    assert clean(text, input_format="text", lang=code) == text


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        (
            "de",
            [
                "Startseite",
                "Politik",
                "Bahnhof Stuttgart",
                "Ein Milliardenprojekt ohne Ende in Sicht",
                "Von Max Muster",
            ],
        ),
        ("en", ["Home", "News", "Station opens", "A project without end in sight", "By Ann Lowe"]),
    ],
)
def test_a_headline_over_a_subtitle_stays_above_the_frame(code: str, lines: list[str]) -> None:
    """The negative: the last short line over a proved line may be the headline and that line its
    subtitle; it stays (one word, a section's name, goes)."""
    _, first, second = _article(code)
    text, result = _clean([*lines, first, second], code)
    assert text == "\n\n".join([*lines[2:4], first, second]) + "\n"
    assert result.metadata.title == lines[2]  # type: ignore[attr-defined]


def test_a_dumps_header_is_left_to_the_line_model() -> None:
    """In a whole-page dump the header's labels are the line model's to judge: taken out by the phrase
    rules, they hid the dump from its gate (which reads the header), and the page's other furniture
    stayed. They still go, as the model's."""
    title, first, second = _article("en")
    header = ["Home", "News", "World", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Travel"]
    header += ["Video", "Audio"]
    footer = ["Weather", "Traffic", "Obituaries", "Puzzles", "Podcasts", "Newsletters", "Events", "Archive"]
    footer += ["Local", "Opinion", "Letters", "Photos", "Sections", "Markets", "Schools", "Gardening"]
    footer += ["Motoring", "Property"]
    text, result = _clean([*header, title, BYLINES["en"], first, second, *footer], "en")
    assert text == f"{title}\n\n{first}\n\n{second}\n"
    reasons = {e.reason for e in result.edits if e.before.strip() in header[1:]}  # type: ignore[attr-defined]
    assert reasons == {"lines.furniture"}


def test_section_names_under_a_known_label_above_the_text_go() -> None:
    text = (
        "Startseite\nPolitik\nAusland\nWirtschaft\nSport\n"
        + TEXTS["de"][1][0]
        + "\n"
        + TEXTS["de"][1][1]
        + "\n"
    )
    assert clean(text, input_format="text", lang="de") == "\n\n".join(TEXTS["de"][1]) + "\n"
    kept = "Politik\nAusland\nWirtschaft\n" + TEXTS["de"][1][0] + "\n"  # no known label above: they stay
    assert clean(kept, input_format="text", lang="de") == kept.replace("\n", "\n\n").rstrip("\n") + "\n"


# -- 5. list items under a label in --preset dump ----------------------------------------------------

LISTS = {
    "de": ("Die wichtigsten Änderungen:", ["Parkverbot auf Gehwegen", "Tempo 12 in Fußgängerzonen", "Helmpflicht für Minderjährige"]),
    "en": ("Key points:", ["Libraries open until 8 pm", "Two new bus routes", "Property tax unchanged"]),
    "es": ("Ingredientes:", ["6 huevos", "4 patatas", "1 cebolla", "Aceite de oliva", "Sal"]),
    "fr": ("Voici les lignes concernées :", ["Paris-Lyon", "Paris-Bordeaux", "Paris-Lille"]),
    "it": ("Ingredienti:", ["200 g di farina", "2 uova", "Un pizzico di sale"]),
    "pl": ("Najważniejsze zmiany:", ["Zakaz parkowania na chodnikach", "Nowe linie autobusowe", "Niższe opłaty"]),
}  # fmt: skip


@pytest.mark.parametrize("code", LANGS)
def test_the_dump_preset_keeps_a_lists_items_under_a_label(code: str) -> None:
    """Found by a new user: `--preset dump` dropped the short items after "Ingredientes:" (under the
    title), "Die wichtigsten Änderungen:" (after a paragraph, before a short sentence) and "Voici les
    lignes concernées :" (after a short sentence, at the end)."""
    title, first, second = _article(code)
    label, items = LISTS[code]
    closing = SHORT_SENTENCES[code][0]
    for lines in (
        [title, label, *items, first, second],  # under the title, before the text
        [title, first, label, *items, closing],  # after a paragraph, before a short sentence
        [title, first, second, label, *items, first],  # between paragraphs
    ):
        text, _ = _clean(lines, code, DUMP_CHAIN)
        assert [line for line in text.split("\n") if line] == [
            line.replace(" :", "\u00a0:") for line in lines
        ], lines


# -- 6. indented code in text ------------------------------------------------------------------------

CODE = [
    ("en", "Run these commands:", ["    python fetch.py --url https://example.com --retries 3",
                                   '    git commit -m "fix the the bug"', "    ls -la /var/log"], "That's it."),
    ("de", "Die Konfiguration sieht so aus:", ["\tserver {", "\t    listen 80;", "\t    root /var/www;", "\t}"],
     "Danach startet man den Dienst neu, und die Seite ist unter der neuen Adresse erreichbar."),
    ("fr", "Pour installer le paquet, tapez :", ["    pip install paquet", "    paquet --version"],
     "La commande affiche le numéro de la version installée."),
]  # fmt: skip


@pytest.mark.parametrize(("code", "intro", "block", "after"), CODE, ids=[c for c, *_ in CODE])
def test_an_indented_code_block_is_kept_as_written(
    code: str, intro: str, block: list[str], after: str
) -> None:
    """Found by a new user: `layout.unwrap` joined the lines of an indented code block and a doubled
    word inside it was removed. It is kept as a fenced block is: lines, indentation and words."""
    for sep in ("\n\n", "\n"):  # after a blank line, or right under the line ending with a colon
        text = intro + sep + "\n".join(block) + "\n\n" + after + "\n"
        out = clean(text, input_format="text", lang=code)
        assert (
            out.replace("\u00a0", " ")
            == intro.replace("\u00a0", " ") + "\n\n" + "\n".join(block) + "\n\n" + after + "\n"
        )
        assert clean(out, input_format="text", lang=code) == out


def test_indented_prose_lists_and_text_indented_throughout_are_no_code() -> None:
    prose = "    The council approved the budget on Tuesday after a long debate over the libraries."
    assert not indented_blocks("Title\n\n" + prose + "\n")
    assert not indented_blocks("Steps:\n\n    1. Open the file\n    2. Save it\n")
    assert not indented_blocks("    ls -la\n    pwd\n")  # no line of text above: indented throughout
    assert not indented_blocks("Some text\n    goes on here\n")  # no blank line nor colon above
    assert indented_blocks("Run:\n\n    ls -la\n\n    pwd\n\nDone.") == ((6, 25),)
    text = "Title\n\n" + prose + "\n\nThe end.\n"
    assert clean(text, input_format="text", lang="en") == "Title\n\n" + prose.strip() + "\n\nThe end.\n"
