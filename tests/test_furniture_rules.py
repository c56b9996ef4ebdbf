"""The new user's findings of session 8 on text-mode furniture (issue 12, session 9), each a shape with
its words as per-language data (de, en, es, fr, it, pl), never a site's: reader comments (a header of a
name and a time, the comment, its reply and report buttons), a blog's archive of months, gallery
counters, listen-to-the-article lines, print and send toolbars, affiliate notes, a form's required
fields; bylines with no phrase before the names ("Ana Ruiz | Madrid | 08 ENE 2026 - 06:00 CET",
"Katrin Lehmann, dpa") read into the metadata in text and HTML; the edit log's reasons and messages;
a user's phrase ending with an ellipsis. Each with its right output, and article lines that look like
it coming out unchanged."""

from __future__ import annotations

import pytest

from cleanmedia import DEFAULT_CHAIN, clean, clean_and_explain
from cleanmedia.cleaners import DUMP_CHAIN, Boilerplate
from cleanmedia.cleaners.boilerplate import unsigned_byline
from cleanmedia.cleaners.widgets import widget
from cleanmedia.extract import read_byline
from test_furniture_rows import TEXTS
from textcases import assert_goes, assert_stays, case, removed

COMMENT = "boilerplate.comment"

LANGS = ["de", "en", "es", "fr", "it", "pl"]

# -- reader comments ---------------------------------------------------------------------------------

#: Per language: two comments, each a header (a user's name, a relative time), its text, its buttons.
COMMENTS = {
    "de": [("Imker_Peter vor 2 Stunden", "Bei uns genauso. Fünf von zwölf Völkern weg.", "Antworten", "Melden"),
           ("Gartenfreundin vor 1 Stunde", "Und was ist mit den Pestiziden?", "Antworten", "Melden")],
    "en": [("gardenfan 2 hours ago", "Same here, we lost five of twelve hives.", "Reply", "Report"),
           ("Beekeeper Tom 1 hour ago", "What about the pesticides?", "Reply", "Report")],
    "es": [("Lucía_M hace 2 horas", "Aquí igual, perdimos cinco de doce colmenas.", "Responder", "Denunciar"),
           ("apicultor77 hace 1 hora", "¿Y los pesticidas?", "Responder", "Denunciar")],
    "fr": [("Jean35 il y a 2 heures", "Pareil chez nous, cinq ruches sur douze.", "Répondre", "Signaler"),
           ("Sophie R. il y a 1 heure", "Et les pesticides ?", "Répondre", "Signaler")],
    "it": [("Giulia88 2 ore fa", "Anche da noi, cinque alveari su dodici.", "Rispondi", "Segnala"),
           ("Marco_B 1 ora fa", "E i pesticidi?", "Rispondi", "Segnala")],
    "pl": [("Marek_K 2 godziny temu", "U nas tak samo, pięć z dwunastu uli.", "Odpowiedz", "Zgłoś"),
           ("pszczelarz 1 godzinę temu", "A pestycydy?", "Odpowiedz", "Zgłoś")],
}  # fmt: skip


@pytest.mark.parametrize("chain", [None, DUMP_CHAIN], ids=["default", "dump"])
@pytest.mark.parametrize("code", LANGS)
def test_reader_comments_go_whole_header_text_and_buttons(code: str, chain: object) -> None:
    """Found by the session-8 new user: the phrase rules took a comment's header and buttons and left
    its text, read as the article's last paragraphs."""
    lines = [line for comment in COMMENTS[code] for line in comment]
    result = assert_goes(case(code, *lines, where="end"), chain)
    texts = removed(result)
    header = COMMENTS[code][0][0]
    assert texts[header] == (COMMENT, "a reader comment's header: a name and a time")
    assert texts[COMMENTS[code][0][1]] == (COMMENT, f"a reader comment under {header!r}, above its buttons")


@pytest.mark.parametrize("code", LANGS)
def test_a_header_shape_without_buttons_under_its_text_stays(code: str) -> None:
    """A line with a name and a time, then text and no reply button: the comment rule decides nothing
    (an update's stamp in a live text; the line model judges dumps)."""
    header, text, _, _ = COMMENTS[code][0]
    assert_stays(case(code, header, text))


#: A dateline opening on a short weekday, read as a name and a date (found by session 9's new user).
WEEKDAY_DATELINES = {
    "de": ("Mo, 13. Oktober 2025 um 18:00 Uhr", "Kommentare (1)", "Antworten"),
    "en": ("Mo, 13 October 2025, 6:00 pm", "Comments (1)", "Reply"),
    "fr": ("Lu, 13 octobre 2025 à 18h00", "Commentaires (1)", "Répondre"),
    "pl": ("Pn, 13 października 2025, 18:00", "Komentarze (1)", "Odpowiedz"),
}  # fmt: skip

ARTICLE = {
    "de": ("Die Stadt will bis Ende 2026 insgesamt 500 neue Bäume in dicht bebauten Vierteln pflanzen.",
           "Die Kosten liegen bei rund 1,2 Millionen Euro."),
    "en": ("The city will plant 500 new trees in its densest districts by the end of 2026.",
           "The cost is about 1.2 million euros."),
    "fr": ("La ville plantera 500 nouveaux arbres dans ses quartiers les plus denses d'ici fin 2026.",
           "Le coût est d'environ 1,2 million d'euros."),
    "pl": ("Miasto posadzi do końca 2026 roku 500 nowych drzew w najgęściej zabudowanych dzielnicach.",
           "Koszt wyniesie około 1,2 mln euro."),
}  # fmt: skip


@pytest.mark.parametrize("code", sorted(WEEKDAY_DATELINES))
def test_an_article_under_a_weekday_dateline_is_no_reader_comment(code: str) -> None:
    """Session 9's new user: the whole article went as the text of a reader comment under its own
    dateline ("Mo, 13. Oktober ...": a name and a date), the comment section's "Kommentare (1)" taken
    for its reply button. A comment comes after the article's first paragraph, and a label with a
    count heads a section."""
    dateline, label, reply = WEEKDAY_DATELINES[code]
    first, second = ARTICLE[code]
    text = (
        "\n\n".join(["Neue Bäume für die Stadt", dateline, first, second, label, "Baumfreund79", reply])
        + "\n"
    )
    out = clean(text, lang=code)
    assert first in out and second in out


def test_a_comment_header_under_a_related_heading_is_logged_as_a_comment() -> None:
    """The edit log said a comment's header was a teaser under "Mehr zum Thema": a comment label ends a
    teaser list."""
    header, text, reply, report = COMMENTS["de"][0]
    teasers = ["Wie Stadtimker ihre Völker schützen", "Honigpreise steigen deutlich"]
    lines = ["Mehr zum Thema", *teasers, "Kommentare (14)", header, text, reply, report]
    result = assert_goes(case("de", *lines, where="end"))
    reasons = removed(result)
    assert reasons[teasers[0]] == ("boilerplate.related", "teaser under the heading 'Mehr zum Thema'")
    assert reasons[header] == ("boilerplate.comment", "a reader comment's header: a name and a time")


# -- a blog's archive, galleries, listen lines, toolbars, affiliate notes ----------------------------

MONTHS = {
    "de": ["November 2025 (3)", "Oktober 2025 (5)", "September 2025 (4)"],
    "en": ["November 2025 (3)", "October 2025 (5)", "September 2025 (4)"],
    "es": ["noviembre 2025 (3)", "octubre 2025 (5)", "septiembre 2025 (4)"],
    "fr": ["novembre 2025 (3)", "octobre 2025 (5)", "septembre 2025 (4)"],
    "it": ["novembre 2025 (3)", "ottobre 2025 (5)", "settembre 2025 (4)"],
    "pl": ["listopad 2025 (3)", "październik 2025 (5)", "wrzesień 2025 (4)"],
}
ARCHIVE_HEADS = {
    "de": "Archiv",
    "en": "Archives",
    "es": "Archivo",
    "fr": "Archives",
    "it": "Archivio",
    "pl": "Archiwum",
}


@pytest.mark.parametrize("code", LANGS)
def test_a_blogs_archive_of_months_goes_and_gives_no_date(code: str) -> None:
    assert_goes(case(code, ARCHIVE_HEADS[code], *MONTHS[code], where="end"), date=None)


@pytest.mark.parametrize("code", LANGS)
def test_two_months_or_months_without_counts_stay(code: str) -> None:
    """Two months in a row, or three without their counts, may be the article's (a timeline's headings)."""
    first, second, third = (m.rsplit(" (", 1)[0] for m in MONTHS[code])
    assert_stays(case(code, first, second))
    assert widget(first) is None


#: Per language: a gallery counter, a listen-to-the-article line, a toolbar, an affiliate note.
WIDGETS = {
    "de": ["Bild 3 von 12", "Artikel anhören", "PDF herunterladen | Zurück zur Übersicht", "Merken",
           "Dieser Beitrag enthält Affiliate-Links."],
    "en": ["Photo 2 of 10", "Listen to this article", "Print | Share", "Pin",
           "This post may contain affiliate links. Please read my disclosure policy."],
    "es": ["Foto 1 de 8", "Escuchar artículo", "Imprimir | Enviar a un amigo", "1 / 8",
           "Este artículo contiene enlaces de afiliados."],
    "fr": ["Photo 4 sur 9", "Écouter cet article", "Imprimer | Envoyer à un ami", "Épingler",
           "Cet article contient des liens affiliés."],
    "it": ["Foto 1 di 8", "Ascolta questo articolo", "Stampa | Invia a un amico", "Scarica il PDF",
           "Questo articolo contiene link di affiliazione."],
    "pl": ["Zdjęcie 2 z 5", "Posłuchaj artykułu", "Drukuj | Wyślij znajomemu", "Pobierz PDF",
           "Ten artykuł zawiera linki afiliacyjne."],
}  # fmt: skip


@pytest.mark.parametrize("code", LANGS)
def test_gallery_listen_toolbar_and_affiliate_lines_go(code: str) -> None:
    for line in WIDGETS[code]:
        assert_goes(case(code, line))


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("de", "Kapitel 3 von 12 erzählt von der Flucht der Familie über die Alpen."),
        ("de", "Das Foto zeigt die Imker bei der Arbeit im Frühjahr."),
        ("en", "Listen to the experts, the minister said, and not to the rumours."),
        ("en", "About 1/8 of the hives were lost over the winter."),
        ("es", "La foto 1 de la serie muestra el puerto al amanecer, contó el autor."),
        ("fr", "Les liens affiliés, a-t-il expliqué, financent de nombreux blogs depuis des années."),
        ("it", "Ascolta questo, disse il fornaio, e poi decidi tu che cosa fare."),
        ("pl", "Zdjęcie z 1998 roku pokazuje dworzec jeszcze przed pierwszą przebudową."),
    ],
)
def test_sentences_with_the_same_words_stay(code: str, line: str) -> None:
    assert_stays(case(code, line))


@pytest.mark.parametrize(
    ("line", "counter"),
    [
        ("Foto 1 di 8", True),
        ("1 / 8", True),
        ("Bild 13 von 12", False),
        ("1/8", False),
        ("Seite 2 von 5", False),
    ],
)
def test_a_gallery_counter_is_a_picture_word_or_a_spaced_slash_and_n_up_to_m(
    line: str, counter: bool
) -> None:
    verdict = widget(line)
    assert (verdict is not None and verdict.reason == "boilerplate.gallery") is counter


@pytest.mark.parametrize("code", ["de", "en", "fr"])
def test_a_forms_required_fields_are_logged_as_form_fields(code: str) -> None:
    """The edit log called "Email *" a social network's name and "Name *" a short line."""
    fields = {"de": ["Name *", "E-Mail *"], "en": ["Name *", "Email *"], "fr": ["Nom *", "E-mail *"]}[code]
    result = assert_goes(case(code, *fields, where="end"))
    assert {reason for reason, _ in removed(result).values()} == {"boilerplate.form"}


def test_a_sentence_with_a_footnotes_star_stays() -> None:
    assert_stays(case("de", "Die Preise steigen in diesem Jahr noch einmal deutlich.*"))
    assert_stays(case("en", "Prices *will* rise again next year, the bank said."))


# -- bylines with no phrase before the names ------------------------------------------------------

#: Per language: a byline with no phrase, the author and date it gives.
UNSIGNED = {
    "de": [("Katrin Lehmann, dpa", "Katrin Lehmann", None),
           ("Katrin Lehmann | 12.05.2025, 08:15 Uhr", "Katrin Lehmann", "2025-05-12")],
    "en": [("Hannah Cole / November 4, 2025 · 4 min read", "Hannah Cole", "2025-11-04"),
           ("Hannah Cole, Reuters", "Hannah Cole", None)],
    "es": [("ANA MARTÍNEZ | Madrid | 08 ENE 2026 - 06:00 CET", "ANA MARTÍNEZ", "2026-01-08"),
           ("Lucía García / EFE", "Lucía García", None)],
    "fr": [("Élodie Marchand | 22 juillet 2025", "Élodie Marchand", "2025-07-22"),
           ("Claire Dubois, AFP", "Claire Dubois", None)],
    "it": [("Marco Rossi | Bergamo | 3 giugno 2025", "Marco Rossi", "2025-06-03"),
           ("Giulia Bianchi, Ansa", "Giulia Bianchi", None)],
    "pl": [("Piotr Zieliński | 20.10.2025 07:45", "Piotr Zieliński", "2025-10-20"),
           ("Oprac. Piotr Zieliński", "Piotr Zieliński", None)],
}  # fmt: skip


@pytest.mark.parametrize("code", LANGS)
def test_bylines_without_a_phrase_go_to_the_metadata(code: str) -> None:
    for line, author, date in UNSIGNED[code]:
        assert_goes(case(code, line, where="frame"), author=author, date=date)


@pytest.mark.parametrize("code", LANGS)
def test_html_reads_the_same_bylines_without_a_phrase(code: str) -> None:
    """One reader for text and HTML (`boilerplate.unsigned_byline`, `extract.read_byline`)."""
    for line, author, date in UNSIGNED[code]:
        if line.startswith("Oprac."):
            continue  # a phrase's byline: read by `signature`, tested beside the other phrases
        assert read_byline(line, lang=code) == (author, date)
        assert_goes(case(code, line, where="frame"), html=True, author=author, date=date)


@pytest.mark.parametrize("code", LANGS)
def test_teasers_signed_by_several_names_give_no_author_and_no_date(code: str) -> None:
    """A teaser list signs each teaser ("Juliette Carreiro - 2024-01-11", a bench page): other
    articles' authors and dates. The lines go; the metadata takes none of them."""
    lines = [
        f"{name} - 2024-0{k}-11" for k, name in enumerate(["Anna Berg", "Tom Lind", "Anna Berg"], start=1)
    ]
    result = assert_goes(case(code, *lines, where="end"), author=None, date=None)
    told = {d for _, d in removed(result).values()}
    assert told == {"byline (not above the article, or one of several: nothing kept)"}


NEWSROOMS = {
    "de": ("Redaktion | 12.05.2025", "2025-05-12"),
    "en": ("Staff | June 3, 2025", "2025-06-03"),
    "es": ("REDACCIÓN | Jaén, 3 de febrero de 2025", "2025-02-03"),
    "fr": ("La Rédaction | 22 juillet 2025", "2025-07-22"),
    "it": ("Redazione | Bergamo | 3 giugno 2025", "2025-06-03"),
    "pl": ("Redakcja | 20.10.2025 07:45", "2025-10-20"),
}


@pytest.mark.parametrize("code", LANGS)
def test_a_newsrooms_credit_and_its_date_give_the_date_and_no_author(code: str) -> None:
    line, date = NEWSROOMS[code]
    assert unsigned_byline(line, code) == (None, date)
    assert_goes(case(code, line, where="frame"), author=None, date=date)


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("de", "Berlin | 12.05.2025"),  # one word before the date: a place
        ("de", "Anna Lang, Bürgermeisterin"),  # names and a role, no phrase: a caption or a list
        ("en", "New York, June 3, 2025"),  # a comma before a date: a dateline's place
        ("en", "Tom Hanks and Meg Ryan / 1998"),  # no stamp after the names
        ("fr", "Emmanuel Macron, le 3 juin 2025, a parlé pendant une heure."),
        ("es", "Real Madrid | Liga | Jornada 12"),
    ],
)
def test_names_without_a_date_or_an_agency_are_no_byline(code: str, line: str) -> None:
    assert unsigned_byline(line, code) is None


def test_a_byline_of_two_dates_in_html_is_read() -> None:
    """Its stamp gives two dates (18 words): the first is the article's."""
    line = "Par Claire Dubois, publié le 3 juin 2025 à 7h30, mis à jour le 3 juin 2025 à 11h02"
    assert read_byline(line, lang="fr") == ("Claire Dubois", "2025-06-03")
    assert_goes(case("fr", line, where="frame"), html=True, author="Claire Dubois", date="2025-06-03")


# -- the edit log --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "word", "said"),
    [("pl", "xqzwvyyk", "is not a Polish or English word"), ("en", "xqzwvyyk", "is not an English word"),
     ("it", "xqzwvyyk", "is not an Italian or English word")],
)  # fmt: skip
def test_the_non_word_flag_names_its_languages(code: str, word: str, said: str) -> None:
    _, (first, _) = TEXTS[code]
    result = clean_and_explain(f"{first} {word} {first}", input_format="text", lang=code)
    details = [f.detail for f in result.flags if f.reason == "flag.non_word" and f.before == word]
    assert details == [f"{word!r} {said}"]


def test_the_log_of_a_block_beside_the_body_keeps_its_spans_apart() -> None:
    """ "Élodie Marchand22 juillet 2025" was logged: its inline elements are glued in the text, not in
    the log."""
    title, (first, second) = TEXTS["fr"]
    paragraphs = "".join(f"<div class='p'>{p}</div>" for p in [first, second, first, second])
    page = (
        f"<html lang='fr'><body><div class='wrap'><div class='title' role='heading' aria-level='1'>{title}</div>"
        "<div class='meta'><span>Élodie Marchand</span><span>4 min</span></div>"
        f"<div class='body'>{paragraphs}</div></div></body></html>"
    )
    result = clean_and_explain(page)
    told = [r.text for r in result.removals if r.reason == "extract.beside"]
    assert "Élodie Marchand 4 min" in told


# -- a user's phrases ------------------------------------------------------------------------------


def test_a_user_phrase_ending_with_an_ellipsis_matches_what_starts_with_it() -> None:
    """Found by the session-8 new user: a phrase ending with "..." never matched (lines are matched
    folded, without their edge marks). An ellipsis now means "and whatever follows": a prefix row."""
    rows = [("nav", "line", "Unsere Themen..."), ("nav", "prefix", "alle ratgeber…")]
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate(phrases=rows))
    for line in ["Unsere Themen im Überblick", "Unsere Themen…", "Alle Ratgeber der Woche..."]:
        assert_goes(case("de", line), chain)
    assert_stays(case("de", "Unsere Themen sind in diesem Jahr vor allem das Wohnen und der Verkehr."), chain)


def test_a_user_phrase_without_an_ellipsis_matches_the_whole_line_only() -> None:
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate(phrases=[("nav", "line", "unsere themen")]))
    assert_goes(case("de", "Unsere Themen"), chain)
    assert_stays(case("de", "Unsere Themen im Überblick"), chain)


@pytest.mark.parametrize("phrase", ["...", "…", " … "])
def test_a_user_phrase_of_an_ellipsis_alone_is_refused(phrase: str) -> None:
    with pytest.raises(ValueError, match="ellipsis alone"):
        Boilerplate(phrases=[("nav", "line", phrase)])


def test_cleaned_twice_the_same() -> None:
    for code in LANGS:
        lines = [line for comment in COMMENTS[code] for line in comment] + [
            ARCHIVE_HEADS[code],
            *MONTHS[code],
        ]
        text = case(code, UNSIGNED[code][0][0], *WIDGETS[code][:2], where="frame").text() + "\n".join(lines)
        once = clean(text, input_format="text", lang=code)
        assert clean(once, input_format="text", lang=code) == once


# -- a section's name over the headline, print and listen buttons in its frame ----------------------

#: Per language: a known menu label, a section's name, a byline, a print button, a listen button.
FRAMED = {
    "de": ("Startseite", "Panorama", "Von Max Muster", "Drucken", "Artikel anhören"),
    "en": ("Home", "World", "By Ann Lowe", "Print", "Listen to this article"),
    "es": ("Portada", "Sociedad", "Por Lucía García", "Imprimir", "Escuchar artículo"),
    "fr": ("Accueil", "Société", "Par Claire Dubois", "Imprimer", "Écouter cet article"),
    "it": ("Home", "Cronaca", "di Marco Rossi", "Stampa", "Ascolta questo articolo"),
    "pl": ("Strona główna", "Kraj", "Autor: Jan Kowalski", "Drukuj", "Posłuchaj artykułu"),
}


@pytest.mark.parametrize("code", LANGS)
def test_a_section_over_a_headline_framed_by_print_and_listen_buttons_goes(code: str) -> None:
    """A print or listen button under the byline is a line of the article's frame, as a share button
    is: the headline above it is proved, and a section's name over it goes ("Panorama" stayed)."""
    home, section, byline, print_, listen = FRAMED[code]
    title, (first, second) = TEXTS[code]
    text = "\n\n".join([home, section, title, byline, print_, listen, first, second]) + "\n"
    result = clean_and_explain(text, input_format="text", lang=code)
    assert result.text.replace("\u00a0", " ") == f"{title}\n\n{first}\n\n{second}\n"
    assert result.metadata.title == title
