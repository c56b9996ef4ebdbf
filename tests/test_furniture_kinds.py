"""Furniture users still saw in text mode (issue 12): a row of comment prompts each ending with its own
mark, reading-time lines, the teaser list under a related-articles heading, a consent banner's line
taken as the title. Each kind in seven languages, with its right output, and the article lines that
look like it and must stay."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain
from cleanmedia.cleaners import DUMP_CHAIN
from cleanmedia.dates import reading_time
from cleanmedia.text import word_count

# Per language: a headline, two paragraphs of an article, a comment-prompt row, two reading-time lines,
# a related-articles heading with three teasers, and a consent banner's line or button.
ARTICLES = {
    "de": (
        "Neue Pläne für den Bahnhof",
        [
            "Die Stadtverwaltung hat am Montag neue Pläne für den Umbau des Bahnhofs vorgestellt, die bis zum Jahr 2030 umgesetzt werden sollen.",
            "Anwohner hatten sich in den vergangenen Monaten mehrfach über Lärm und fehlende Parkplätze beschwert und fordern nun mehr Mitsprache.",
        ],
        "Diskutieren Sie mit! Jetzt kommentieren",
        ["Lesezeit: 3 Minuten", "4 Min. Lesezeit"],
        "Mehr zum Thema",
        ["Stadtrat stimmt über Haushalt ab", "Neue Buslinie ab Dezember", "Baustelle sorgt für Staus in der Innenstadt"],
        "Alle ablehnen",
    ),
    "en": (
        "New plans for the station",
        [
            "The city presented new plans on Monday to rebuild the railway station, which are to be carried out by 2030.",
            "Residents have complained several times in recent months about noise and missing parking spaces and now want a say.",
        ],
        "Leave a comment! Join the conversation",
        ["5 min read", "Reading time: 3 minutes"],
        "Related",
        ["Council votes on the budget", "New bus line from December", "Roadworks cause jams in the centre"],
        "Reject all",
    ),
    "fr": (
        "Nouveaux projets pour la gare",
        [
            "La ville a présenté lundi de nouveaux projets de rénovation de la gare, qui doivent être réalisés d'ici 2030.",
            "Les riverains se sont plaints à plusieurs reprises ces derniers mois du bruit et du manque de places de stationnement.",
        ],
        "Réagissez ! Laisser un commentaire",
        ["Temps de lecture : 4 min", "3 min de lecture"],
        "Lire aussi",
        ["Le conseil vote le budget", "Une nouvelle ligne de bus en décembre", "Les travaux provoquent des bouchons"],
        "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies",
    ),
    "es": (
        "Nuevos planes para la estación",
        [
            "El ayuntamiento presentó el lunes nuevos planes para reformar la estación, que deberán estar terminados en 2030.",
            "Los vecinos se han quejado varias veces en los últimos meses del ruido y de la falta de aparcamiento.",
        ],
        "Únete a la conversación. Comentar",
        ["Tiempo de lectura: 3 minutos", "5 min de lectura"],
        "Noticias relacionadas",
        ["El pleno vota el presupuesto", "Nueva línea de autobús en diciembre", "Las obras causan atascos en el centro"],
        "Rechazar todas",
    ),
    "it": (
        "Nuovi progetti per la stazione",
        [
            "Il comune ha presentato lunedì nuovi progetti per la ristrutturazione della stazione, da completare entro il 2030.",
            "I residenti si sono lamentati più volte negli ultimi mesi del rumore e della mancanza di parcheggi.",
        ],
        "Lascia un commento! Partecipa alla discussione",
        ["Tempo di lettura: 3 minuti", "5 min di lettura"],
        "Leggi anche",
        ["Il consiglio vota il bilancio", "Nuova linea di autobus a dicembre", "I lavori causano code in centro"],
        "Rifiuta tutti",
    ),
    "pt": (
        "Novos planos para a estação",
        [
            "A prefeitura apresentou na segunda-feira novos planos para reformar a estação, que devem ficar prontos até 2030.",
            "Os moradores reclamaram várias vezes nos últimos meses do barulho e da falta de estacionamento.",
        ],
        "Deixe sua opinião! Participe da conversa",
        ["Tempo de leitura: 3 minutos", "5 min de leitura"],
        "Leia também",
        ["A câmara vota o orçamento", "Nova linha de ônibus em dezembro", "Obras causam congestionamentos no centro"],
        "Rejeitar todos",
    ),
    "nl": (
        "Nieuwe plannen voor het station",
        [
            "De gemeente heeft maandag nieuwe plannen gepresenteerd voor de verbouwing van het station, die in 2030 klaar moet zijn.",
            "Omwonenden hebben de afgelopen maanden meermaals geklaagd over lawaai en een tekort aan parkeerplaatsen.",
        ],
        "Praat mee! Plaats een reactie",
        ["Leestijd: 3 minuten", "4 min leestijd"],
        "Lees ook",
        ["Gemeenteraad stemt over begroting", "Nieuwe buslijn vanaf december", "Werkzaamheden zorgen voor files"],
        "Alles weigeren",
    ),
}  # fmt: skip
LANGS = sorted(ARTICLES)


def _expected(code: str) -> str:
    title, paragraphs, *_ = ARTICLES[code]
    return "\n\n".join([title, *paragraphs]) + "\n"


@pytest.mark.parametrize("chain", [None, DUMP_CHAIN], ids=["default", "dump"])
@pytest.mark.parametrize("code", LANGS)
def test_each_kind_goes_and_the_article_stays_whole(code: str, chain: object) -> None:
    """Banner, reading time above the article, prompt row and related list below: only the article is
    left, and the headline (not the banner's line) is the title."""
    title, paragraphs, prompt, times, heading, teasers, banner = ARTICLES[code]
    text = "\n".join([banner, title, times[0], *paragraphs, times[1], prompt, heading, *teasers]) + "\n"
    kwargs = {"chain": chain} if chain is not None else {}
    result = clean_and_explain(text, input_format="text", lang=code, **kwargs)  # type: ignore[arg-type]
    assert result.text == _expected(code)
    assert result.metadata.title == title
    assert clean(result.text, input_format="text", lang=code, **kwargs) == result.text  # type: ignore[arg-type]
    reasons = {e.before.strip(): e.reason for e in result.edits if e.kind == "remove"}
    assert {reasons[t] for t in times} == {"boilerplate.reading_time"}
    assert reasons[prompt] == "boilerplate.widgets"
    assert {reasons[t] for t in [heading, *teasers]} == {"boilerplate.related"}
    assert reasons[banner] == "boilerplate.cookie"


@pytest.mark.parametrize("code", LANGS)
def test_a_related_box_inside_an_article_without_section_headings_goes_whole(code: str) -> None:
    """A related box inside the article (prose above its heading), in an article with no section
    headings: every teaser goes, the last one too (nothing in the article is a short line over a
    paragraph, so it heads no section), and the article's paragraphs stay."""
    title, paragraphs, _, _, heading, teasers, _ = ARTICLES[code]
    text = "\n".join([title, paragraphs[0], heading, *teasers, paragraphs[1]]) + "\n"
    result = clean_and_explain(text, input_format="text", lang=code)
    assert [ln for ln in result.text.splitlines() if ln] == [title, *paragraphs]
    assert not [e for e in result.edits if e.flag]


@pytest.mark.parametrize("code", LANGS)
def test_a_related_box_in_an_article_with_section_headings_keeps_and_flags_its_last_line(code: str) -> None:
    """The same box in an article that has section headings (a short line over a paragraph): the last
    headline-like line before the next paragraph may head that section, so it stays, flagged."""
    title, paragraphs, _, _, heading, teasers, _ = ARTICLES[code]
    section = teasers[0].split()[0] + " " + teasers[1].split()[-1]  # a short line of the article's words
    text = "\n".join([title, paragraphs[0], section, paragraphs[1], heading, *teasers, paragraphs[0]]) + "\n"
    result = clean_and_explain(text, input_format="text", lang=code)
    out = [ln for ln in result.text.splitlines() if ln]
    assert out == [title, paragraphs[0], section, paragraphs[1], teasers[-1], paragraphs[0]]
    flags = [e for e in result.edits if e.flag]
    assert [(e.before, e.reason) for e in flags] == [(teasers[-1], "boilerplate.teaser")]


READ_MORE = {
    "en": ("Read more:", "Read more about the plans"),
    "de": ("Weiterlesen:", "Weiterlesen"),
    "it": ("Leggi di più:", "Leggi di più"),
    "pt": ("Leia mais:", "Leia mais"),
}


@pytest.mark.parametrize("code", sorted(READ_MORE))
def test_teasers_under_a_read_more_label_go(code: str) -> None:
    """A "read more" phrase as a label (a colon at its end) heads a teaser list inside the article: the
    label and its teasers go, the article stays."""
    title, paragraphs, _, _, _, teasers, _ = ARTICLES[code]
    label, _ = READ_MORE[code]
    text = "\n".join([title, paragraphs[0], label, *teasers, paragraphs[1]]) + "\n"
    result = clean_and_explain(text, input_format="text", lang=code)
    assert [ln for ln in result.text.splitlines() if ln] == [title, *paragraphs]
    reasons = {e.before.strip(): e.reason for e in result.edits if e.kind == "remove"}
    assert {reasons[t] for t in teasers} == {"boilerplate.related"}


@pytest.mark.parametrize("code", sorted(READ_MORE))
def test_a_read_more_link_heads_no_list(code: str) -> None:
    """A "read more" link (no colon: it opens the text above) goes alone; the article's next section
    heading and its list after it stay."""
    title, paragraphs, _, _, _, teasers, _ = ARTICLES[code]
    _, link = READ_MORE[code]
    text = "\n".join([title, paragraphs[0], link, *teasers, paragraphs[1]]) + "\n"
    out = [ln for ln in clean(text, input_format="text", lang=code).splitlines() if ln]
    assert teasers[0] in out and teasers[1] in out


@pytest.mark.parametrize(
    "line",
    [
        "Related conditions",  # a heading with more than the phrase: the article's own list follows
        "Weitere Artikel zum Thema finden Sie unten",
    ],
)
def test_a_list_under_a_heading_that_is_more_than_the_phrase_stays(line: str) -> None:
    items = ["Diabetes and heart disease", "High blood pressure", "Kidney problems"]
    body = "Doctors say the condition is often linked to others, and patients should ask about them early on."
    text = (
        "\n".join(["Living with the condition", body, line, *items, body.replace("Doctors", "Nurses")]) + "\n"
    )
    out = clean(text, input_format="text", lang="en")
    assert all(item in out.splitlines() for item in items)


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("de", "Weiter! Weiter!"),  # one word said again is a shout in a story, not a row of labels
        ("de", "Lesezeit: drei Minuten, sagte sie, reichen nicht."),
        ("de", "Die Lesezeit beträgt 3 Minuten, wenn man schnell liest."),
        ("en", "It takes 5 min to read the whole report, the minister said."),
        ("fr", "La gestion des cookies par les annonceurs a été critiquée par la commission."),
        ("es", "La configuración de cookies de la web fue revisada por la agencia el año pasado."),
    ],
)
def test_article_lines_that_look_like_these_kinds_stay(code: str, line: str) -> None:
    paragraphs = ARTICLES[code][1]
    text = "\n".join([paragraphs[0], line, paragraphs[1]]) + "\n"
    assert clean(text, input_format="text").splitlines()[2] == line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lesezeit: 3 Minuten", True),
        ("Lesezeit 3-4 Min.", True),
        ("Temps de lecture : 4 min", True),
        ("12 min lettura", True),
        ("Czas czytania: 5 minut", True),
        ("3 Minuten", False),
        ("Lesezeit: drei Minuten", False),
        ("5 min read, says the author of the study", False),
    ],
)
def test_reading_time_is_the_whole_line(line: str, expected: bool) -> None:
    assert reading_time(line) is expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The council met on Monday.", 5),
        ("Der Stadtrat tagte am Montag.", 5),
        ("", 0),
        ("东京电力公司周一表示，福岛第一核电站的处理水排放将于下周开始。", 17),
        ("2024年の東京オリンピック", 5),
        ("インフォメーション", 2),
        ("ประเทศไทยมีประชากรประมาณ", 6),
        ("首页", 1),
    ],
)
def test_words_are_counted_as_the_script_writes_them(text: str, words: int) -> None:
    """Scripts without spaces count their characters by the script's word length (data), at least one
    word a run; the punctuation between runs is no word."""
    assert word_count(text) == words


def test_a_sentence_cut_at_its_links_under_a_related_list_stays_whole() -> None:
    """A dump puts a link's text on a line of its own: the article's sentence that goes on below the
    related list starts with headline-like pieces ("... help to build a", "\"smoother\"") that stay."""
    title, paragraphs, _, _, _, teasers, _ = ARTICLES["en"]
    pieces = [
        "Officials claim the new rules help to build a",
        '"smoother"',
        "process, which saves everyone time.",
    ]
    text = "\n".join([title, paragraphs[0], "Most popular", *teasers, *pieces, paragraphs[1]]) + "\n"
    out = [ln for ln in clean(text, input_format="text", lang="en").splitlines() if ln]
    assert out == [title, paragraphs[0], *pieces, paragraphs[1]]


@pytest.mark.parametrize(
    ("code", "dateline", "cells"),
    [
        ("en", "Nov 6, 2025", ["1/1/2013", "+13.1%", "2/1/2013", "+12.9%", "3/1/2013", "-0.4%"]),
        ("de", "6. November 2025", ["1.1.2013", "13,1 %", "1.2.2013", "12,9 %", "1.3.2013", "-0,4 %"]),
    ],
)
def test_a_tables_dates_and_numbers_stay_and_the_dateline_goes(
    code: str, dateline: str, cells: list[str]
) -> None:
    """A chart's data laid out one cell a line: the dates beside numbers are cells, not datelines."""
    title, paragraphs, *_ = ARTICLES[code]
    text = "\n".join([title, dateline, paragraphs[0], *cells, paragraphs[1]]) + "\n"
    result = clean_and_explain(text, input_format="text", lang=code)
    assert [ln for ln in result.text.splitlines() if ln] == [title, paragraphs[0], *cells, paragraphs[1]]
    assert result.metadata.date == "2025-11-06"


def test_a_related_phrase_in_lower_case_in_a_tables_rows_heads_no_list() -> None:
    """ "most popular" as a badge in a table of companies: the rows under it are the article's."""
    title, paragraphs, *_ = ARTICLES["en"]
    rows = [
        "Company",
        "Rating",
        "most popular",
        "Harbour Movers Inc",
        "4.58 overall rating",
        "Valley Moving",
        "4.12 overall rating",
    ]
    text = "\n".join([title, paragraphs[0], *rows, paragraphs[1]]) + "\n"
    out = clean(text, input_format="text", lang="en").splitlines()
    assert all(r in out for r in rows[3:])


def test_a_code_example_dumped_a_token_a_line_between_its_prompts_stays() -> None:
    """Lines of symbols alone (">>>", "¶") go, but are no furniture around the short lines between them:
    a code example's tokens stay."""
    title, paragraphs, *_ = ARTICLES["en"]
    code = [">>>", "from", "pathlib", "import", "Path", ">>>", "p", "=", "Path", "(", "'.'", ")", ">>>"]
    text = "\n".join([title, paragraphs[0], "Importing the main class:", *code, "¶", paragraphs[1]]) + "\n"
    out = [ln for ln in clean(text, input_format="text", lang="en").splitlines() if ln]
    kept = [c for c in code if c in out]
    assert [c for c in kept if c.isalpha()] == ["from", "pathlib", "import", "Path", "p", "Path"]
    assert ">>>" not in out and "¶" not in out


def test_a_menu_between_separators_still_goes() -> None:
    """ "|" between menu labels: the labels are still enclosed by the navigation around them."""
    title, paragraphs, *_ = ARTICLES["en"]
    menu = ["Home", "|", "Politics", "|", "Business", "|", "Sport", "|", "Sign in"]
    text = "\n".join([*menu, title, *paragraphs]) + "\n"
    out = [ln for ln in clean(text, input_format="text", lang="en").splitlines() if ln]
    assert out == [title, *paragraphs]
