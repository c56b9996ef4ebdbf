"""Furniture of text dumps as rules over per-language data (issue 12, session 11): feedback widgets and
their answers (`answer_buttons.txt`), "read also" lines, bylines that name the piece or the posting and
agency credits, a day's name before a date in digits, print and recipe toolbars, calls to subscribe and
paywall notices written as sentences, and a comment section under its heading
(`comment_headings.txt`). Each kind goes in several languages; the article lines that look like it
stay. The article around each case is `textcases`' (a headline and two paragraphs per language)."""

from __future__ import annotations

import pytest

from cleanmedia import dates
from cleanmedia.api import Result as CleanResult
from cleanmedia.cleaners.boilerplate import agency_credit
from textcases import Case, assert_goes, assert_stays, case, cleaned, removed

# -- 1. notices that name a topic, and the notice itself ---------------------------------------------

CALLS = [
    case("de", "Abonnieren Sie unseren Newsletter und verpassen Sie keine Neuigkeiten mehr."),
    case("de", "Dieser Artikel ist nur für Abonnenten verfügbar."),
    case("en", "Sign up for our newsletter to get the latest news in your inbox."),
    case("en", "This article is only available to subscribers."),
    case("fr", "Inscrivez-vous à notre newsletter pour recevoir nos articles chaque semaine."),
    case("fr", "Cet article est réservé aux abonnés."),
    case("es", "Suscríbete a nuestro boletín y recibe las noticias en tu correo."),
    case("it", "Iscriviti alla nostra newsletter per ricevere le notizie della settimana."),
    case("nl", "Schrijf je in voor onze nieuwsbrief en mis geen nieuws meer."),
    case("pl", "Zapisz się do naszego newslettera, a otrzymasz najważniejsze informacje."),
    case("pt", "Assine a nossa newsletter e receba as notícias no seu e-mail."),
]

TOPICS = [
    case("de", "Newsletter sind für viele Verlage inzwischen ein wichtiges Geschäft geworden."),
    case("de", "Abonnieren Sie unseren Newsletter, hieß es in dem Brief, den die Stadt verschickte."),
    case("en", "Subscribe to our newsletter, the mayor told residents in a letter last week."),
    case("en", "To read the full story of the station, one must go back to the year 1850."),
    case("fr", "Les newsletters sont devenues une source de revenus pour de nombreux journaux."),
    case("es", "Los boletines de noticias se han convertido en un negocio para muchos periódicos."),
]


@pytest.mark.parametrize("c", CALLS, ids=str)
def test_calls_to_subscribe_written_as_sentences_go(c: Case) -> None:
    result = assert_goes(c)
    assert any(
        reason in ("boilerplate.newsletter", "boilerplate.subscribe")
        for reason, _ in removed(result).values()
    )


@pytest.mark.parametrize("c", TOPICS, ids=str)
def test_sentences_about_newsletters_and_paywalls_stay(c: Case) -> None:
    assert_stays(c)


# -- 2. feedback widgets and "read also" lines --------------------------------------------------------

FEEDBACK = [
    case("de", "War dieser Artikel hilfreich?", "Ja", "Nein"),
    case("de", "War dieser Artikel hilfreich? Ja Nein", where="end"),
    case("en", "Was this article helpful?", "Yes", "No", where="end"),
    case("en", "Was this page helpful? Yes No"),
    case("fr", "Cet article vous a-t-il été utile ?", "Oui", "Non"),
    case("fr", "Cet article vous a-t-il été utile ? Oui Non", where="end"),
    case("es", "¿Te ha resultado útil este artículo?", "Sí", "No"),
    case("it", "Questo articolo ti è stato utile?", "Sì | No"),
    case("nl", "Was dit artikel nuttig?", "Ja", "Nee"),
    case("pl", "Czy ten artykuł był pomocny?", "Tak", "Nie"),
    case("pt", "Este artigo foi útil?", "Sim", "Não", where="end"),
]

ANSWERS_ALONE = [
    case("de", "Ja"),
    case("en", "No"),
    case("de", "War der Umbau nötig? Ja, sagt die Stadt, und zwar schon seit Jahren."),
    case("en", "Residents found the new timetable helpful, the council said on Tuesday."),
]

READ_ALSO = [
    case("de", "Lesen Sie auch: Die besten Wanderwege im Harz"),
    case("en", "Read more: The best hiking trails in Wales"),
    case("fr", "À lire aussi : Les meilleurs sentiers du Jura"),
    case("it", "Leggi anche: I migliori sentieri delle Dolomiti"),
    case("es", "Lee también: Las mejores rutas de Asturias"),
    case("pl", "Czytaj też: Najlepsze szlaki w Tatrach"),
    case("nl", "Lees ook: De mooiste wandelroutes van de Veluwe"),
    case("pt", "Leia também: As melhores trilhas da serra"),
]

READ_ALSO_SENTENCES = [
    case("de", "Lesen Sie auch die Packungsbeilage, bevor Sie das Mittel zum ersten Mal nehmen."),
    case("en", "Read more about the plan in the council's report, which was published on Monday."),
    case("fr", "Lire aussi les rapports du conseil permet de comprendre ce retard de dix ans."),
]


@pytest.mark.parametrize("c", FEEDBACK, ids=str)
def test_feedback_widgets_and_their_answers_go(c: Case) -> None:
    result = assert_goes(c)
    assert {reason for reason, _ in removed(result).values()} == {"boilerplate.feedback"}


@pytest.mark.parametrize("c", ANSWERS_ALONE + READ_ALSO_SENTENCES, ids=str)
def test_answers_alone_and_read_also_sentences_stay(c: Case) -> None:
    assert_stays(c)


@pytest.mark.parametrize("c", READ_ALSO, ids=str)
def test_read_also_lines_go(c: Case) -> None:
    assert_goes(c)


# -- 3. bylines, agency credits, dated lines ----------------------------------------------------------

BYLINES = [
    ("de", "Ein Kommentar von Max Muster", "Max Muster"),
    ("de", "Ein Gastbeitrag von Anna Weber", "Anna Weber"),
    ("nl", "Geplaatst door Jan de Vries", "Jan de Vries"),
    ("es", "Publicado por Carlos García", "Carlos García"),
    ("pt", "Publicado por Ana Costa", "Ana Costa"),
    ("it", "Pubblicato da Marco Rossi", "Marco Rossi"),
]


@pytest.mark.parametrize(("code", "line", "author"), BYLINES)
def test_bylines_that_name_the_piece_or_the_posting_go_to_the_metadata(
    code: str, line: str, author: str
) -> None:
    assert_goes(case(code, line, where="frame"), author=author)


@pytest.mark.parametrize(
    ("code", "line"),
    [("de", "(dpa)"), ("en", "AFP/Reuters"), ("es", "(EFE)"), ("it", "[ANSA]"), ("de", "dpa, AFP")],
)
def test_agency_credits_alone_go_naming_no_author(code: str, line: str) -> None:
    assert agency_credit(line)
    for where in ("frame", "end"):
        assert_goes(case(code, line, where=where), author=None)


def test_a_newsroom_or_one_bare_name_alone_is_no_credit() -> None:
    """A newsroom credits a byline's date ("Redaktion | 12.05.2025"), but alone it may head a list; one
    agency's name bare may be an item of a list."""
    assert not agency_credit("Staff")
    assert not agency_credit("Redaktion")
    assert not agency_credit("Reuters")  # one name bare: a list's item ("ATS"), or the article's credit
    assert not agency_credit("ATS")
    assert agency_credit("(AFP)")


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("de", "Reuters berichtete am Montag über die Pläne der Stadt."),
        ("es", "Publicado por primera vez en 1998, el libro vendió millones de copias."),
        ("de", "Ein Kommentar von Max Muster hat die Debatte im Stadtrat neu entfacht."),
        ("nl", "Geplaatst op het dak van het station staan straks zonnepanelen voor de hele wijk."),
    ],
)
def test_sentences_that_open_like_bylines_or_name_agencies_stay(code: str, line: str) -> None:
    assert not agency_credit(line)
    assert_stays(case(code, line))


@pytest.mark.parametrize(
    ("code", "line", "iso"),
    [
        ("de", "Mo., 12.03.2024", "2024-03-12"),
        ("de", "Dienstag, 12.03.2024 um 14:05 Uhr", "2024-03-12"),
        ("pt", "ter., 12/03/2024", "2024-03-12"),
        ("nl", "Geplaatst op 12 maart 2024", "2024-03-12"),
        ("fr", "mar. 12/03/2024", "2024-03-12"),
    ],
)
def test_a_day_before_a_date_is_a_dateline(code: str, line: str, iso: str) -> None:
    assert_goes(case(code, line, where="frame"), date=iso)


def test_a_word_before_a_date_in_digits_must_be_a_day() -> None:
    assert dates.parse("Mo., 12.03.2024", "de") == "2024-03-12"
    assert dates.parse("Total 12.03.2024", "de") is None
    assert dates.parse("Zimmer 12.03.2024", "de") is None


# -- 4. print and recipe toolbars ---------------------------------------------------------------------

TOOLBARS = [
    case("de", "Drucken | Merken | Teilen"),
    case("de", "Rezept drucken", "Rezept speichern"),
    case("en", "Print | Share"),
    case("en", "Jump to Recipe | Print Recipe", where="frame"),
    case("fr", "Imprimer la recette"),
    case("es", "Imprimir receta | Compartir"),
    case("it", "Stampa la ricetta"),
    case("nl", "Recept afdrukken"),
    case("pl", "Drukuj przepis | Udostępnij"),
    case("pt", "Imprimir receita"),
]

RECIPE_CONTENT = [
    case("de", "Zutaten für 4 Portionen"),
    case("en", "Ingredients for 4 servings"),
    case("es", "Ingredientes para 4 personas"),
    case("en", "Save money on your energy bill"),
]


@pytest.mark.parametrize("c", TOOLBARS, ids=str)
def test_print_and_recipe_toolbars_go(c: Case) -> None:
    assert_goes(c)


@pytest.mark.parametrize("c", RECIPE_CONTENT, ids=str)
def test_a_recipe_s_own_lines_stay(c: Case) -> None:
    assert_stays(c)


# -- 5. a comment section under its heading -----------------------------------------------------------

SECTIONS = [
    case(
        "de",
        "3 Kommentare",
        "Gartenfreundin",
        "vor 1 Stunde",
        "Das sehe ich genauso, der Bahnhof ist seit Jahren eine Zumutung.",
        "Max M.",
        "12.03.2024 um 14:05 Uhr",
        "Endlich passiert etwas in dieser Stadt!",
        where="end",
    ),
    case(
        "en",
        "Comments (2)",
        "Jane Doe 2 hours ago",
        "I agree, the station has been a mess for years.",
        "Bob 3 hours ago",
        "About time!",
        where="end",
    ),
    case(
        "fr",
        "Commentaires",
        "Jean35 il y a 2 heures",
        "Enfin une bonne nouvelle pour la gare.",
        "Sophie R. il y a 1 heure",
        "Il était temps !",
        where="end",
    ),
    case(
        "es",
        "Comentarios",
        "Lucía hace 2 horas",
        "Ya era hora.",
        "Pedro hace 3 horas",
        "Por fin.",
        where="end",
    ),
    case(
        "nl",
        "2 reacties",
        "Pieter",
        "12 maart 2024",
        "Eindelijk!",
        "Els",
        "13 maart 2024",
        "Mooi zo.",
        where="end",
    ),
]


@pytest.mark.parametrize("c", SECTIONS, ids=str)
def test_a_comment_section_goes_from_its_heading(c: Case) -> None:
    result = assert_goes(c)
    assert "boilerplate.comment" in {reason for reason, _ in removed(result).values()}


def _paragraphs(c: Case) -> list[str]:
    return c.article().strip().split("\n\n")[1:]


def _section_details(result: CleanResult) -> list[str]:
    return [d for _, d in removed(result).values() if "comment section" in d or "in the section" in d]


def test_a_comment_count_above_the_article_takes_no_paragraph() -> None:
    """A "Kommentare (3)" link under the headline, then a byline with a date: the article below it is
    no comment (no section stands above the text's first paragraph)."""
    c = case("de", "Kommentare (3)", "Max Muster 12.03.2024", "Anna Weber 13.03.2024", where="frame")
    result = cleaned(c)
    assert all(p in result.text for p in _paragraphs(c))
    assert not _section_details(result)


def test_one_comment_header_under_a_heading_is_no_section() -> None:
    """One name and date under a "Kommentar" label between two paragraphs: no section (two headers at
    least), and the paragraph below stays."""
    c = case("de", "Kommentar", "Anna Weber", "12.03.2024")
    result = cleaned(c)
    assert all(p in result.text for p in _paragraphs(c))
    assert not _section_details(result)


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        (
            "de",
            (
                "Mehr zum Thema",
                "Neue Radwege in der Altstadt",
                "Von Anna Weber",
                "Streit um den Wochenmarkt",
                "Von Jan Kurz",
            ),
        ),
        (
            "en",
            (
                "Related",
                "New cycle lanes in the old town",
                "By Anna Webb",
                "Row over the weekly market",
                "By John Short",
            ),
        ),
    ],
)
def test_bylines_of_teasers_below_the_article_give_no_author(code: str, lines: tuple[str, ...]) -> None:
    """Each teaser under the article signed by another author: the lines go, the metadata takes none."""
    result = assert_goes(case(code, *lines, where="end"), author=None)
    assert any("no author kept" in d for _, d in removed(result).values())


@pytest.mark.parametrize(
    ("code", "line", "author"), [("de", "Von Max Muster", "Max Muster"), ("en", "By Jane Doe", "Jane Doe")]
)
def test_one_byline_signing_the_article_at_its_end_gives_the_author(
    code: str, line: str, author: str
) -> None:
    assert_goes(case(code, line, where="end"), author=author)
