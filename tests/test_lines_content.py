"""Tables, data lists and verse that the article's text holds stay whole (cleaners/lines_content.py,
the line model's hold and region steps, text.pipe_table_rows, the phrase rules and layout)."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain, resources
from cleanmedia.cleaners import DUMP_CHAIN
from cleanmedia.cleaners.lines import (
    FEATURES,
    LineModel,
    content_shapes,
    continues_above,
    decide,
    features,
    stretch,
)
from cleanmedia.cleaners.lines_content import content_runs, tables
from cleanmedia.text import pipe_table_rows, table_cells
from test_furniture_rows import TEXTS
from test_lines import LANGS, PAGES
from textcases import normal

#: Per language: a table (Markdown), a list of figures, and a short poem (written for these tests).
CONTENT = {
    "de": (
        ["| Bezirk | Einwohner | Fläche |", "| --- | --- | --- |", "| Nord | 12.400 | 8,2 km² |", "| Süd | 9.800 | 6,1 km² |"],
        ["Nord: 12.400 Einwohner", "Süd: 9.800 Einwohner", "Ost: 15.100 Einwohner", "West: 7.300 Einwohner"],
        ["Wenn der Fluss zu Silber wird,", "und die Abendglocken klingen,", "geh ich den Weg der Kinderzeit", "wo die alten Stimmen singen", "Jeder Stein kennt meine Schritte,", "jeder Baum noch meinen Namen"],
    ),
    "en": (
        ["| District | Residents | Area |", "| --- | --- | --- |", "| North | 12,400 | 8.2 km² |", "| South | 9,800 | 6.1 km² |"],
        ["North: 12,400 residents", "South: 9,800 residents", "East: 15,100 residents", "West: 7,300 residents"],
        ["When the river turns to silver,", "and the evening bells are ringing,", "I will walk the road of childhood", "where the old voices are singing", "Every stone there knows my footsteps,", "every tree still knows my name"],
    ),
    "fr": (
        ["| Quartier | Habitants | Surface |", "| --- | --- | --- |", "| Nord | 12 400 | 8,2 km² |", "| Sud | 9 800 | 6,1 km² |"],
        ["Nord : 12 400 habitants", "Sud : 9 800 habitants", "Est : 15 100 habitants", "Ouest : 7 300 habitants"],
        ["Quand la rivière devient d'argent,", "et que les cloches du soir sonnent,", "je reprendrai le chemin d'enfance", "où les voix anciennes résonnent", "Chaque pierre connaît mes pas,", "chaque arbre sait encore mon nom"],
    ),
    "es": (
        ["| Barrio | Vecinos | Superficie |", "| --- | --- | --- |", "| Norte | 12.400 | 8,2 km² |", "| Sur | 9.800 | 6,1 km² |"],
        ["Norte: 12.400 vecinos", "Sur: 9.800 vecinos", "Este: 15.100 vecinos", "Oeste: 7.300 vecinos"],
        ["Cuando el río se vuelve de plata,", "y las campanas de la tarde suenan,", "volveré por el camino de la infancia", "donde las voces viejas resuenan", "Cada piedra conoce mis pasos,", "cada árbol sabe aún mi nombre"],
    ),
    "it": (
        ["| Quartiere | Abitanti | Superficie |", "| --- | --- | --- |", "| Nord | 12.400 | 8,2 km² |", "| Sud | 9.800 | 6,1 km² |"],
        ["Nord: 12.400 abitanti", "Sud: 9.800 abitanti", "Est: 15.100 abitanti", "Ovest: 7.300 abitanti"],
        ["Quando il fiume diventa d'argento,", "e le campane della sera suonano,", "tornerò per la strada dell'infanzia", "dove le voci antiche risuonano", "Ogni pietra conosce i miei passi,", "ogni albero sa ancora il mio nome"],
    ),
}  # fmt: skip
KINDS = ("table", "data", "verse")


def _dump(code: str, extra: list[str]) -> str:
    """A whole-page dump (as `test_lines._dump`) with `extra` right after the article's last paragraph,
    before the comment prompt, the teaser list and the footer."""
    menu, article, prompt, teasers = PAGES[code]
    sections = [f"{line} {n}" for n in range(1, 6) for line in menu]
    return "\n".join(sections + menu + article + extra + prompt + teasers + menu) + "\n"


def _lines(text: str) -> list[str]:
    return [t.strip() for t in text.splitlines() if t.strip()]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("code", LANGS)
def test_content_after_the_last_paragraph_stays_whole(code: str, kind: str) -> None:
    """A table, a list of figures or a poem right after the article's last paragraph of a page dump
    stays, every line, in order (the line model and the main region cut them as runs of short lines);
    the site's menu still goes, and a second clean changes nothing."""
    extra = CONTENT[code][KINDS.index(kind)]
    text = _dump(code, extra)
    for chain in (None, DUMP_CHAIN):
        kwargs = {"chain": chain} if chain is not None else {}
        result = clean_and_explain(text, input_format="text", lang=code, **kwargs)  # type: ignore[arg-type]
        out = _lines(normal(result.text))
        assert [line for line in out if line in extra] == extra, (chain, out)
        assert [line for line in out if line in PAGES[code][1]] == PAGES[code][1]
        assert not [line for line in PAGES[code][0] if line in out[:5]]
        again = clean_and_explain(result.text, input_format="text", lang=code, **kwargs)  # type: ignore[arg-type]
        assert again.text == result.text


#: A model that scores every line as furniture (p(article) = 0.05): what stays is what a guard keeps.
EAGER = LineModel((0.0,) * len(FEATURES), -3.0, 0.5, (0.0,) * len(FEATURES))


def _eager(code: str, lines: list[str]) -> set[str]:
    """The lines an eager model removes (`EAGER`): those no guard and no content run keeps."""
    return {lines[i] for i in decide(lines, code, EAGER)}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("code", LANGS)
def test_the_article_text_holds_its_content_against_any_score(code: str, kind: str) -> None:
    """Under a paragraph, the run is held whatever the model scores; the same run under a teaser's title
    (nothing of the article's text holds it) is the model's to remove, as one block for a table."""
    extra = CONTENT[code][KINDS.index(kind)]
    menu, article, _, teasers = PAGES[code]
    held = [*menu, *article, *extra, *teasers]
    assert not _eager(code, held) & set(extra)
    loose = [*menu, *article, *teasers[:3], *extra, *menu]
    gone = _eager(code, loose) & set(extra)
    assert gone == set(extra), sorted(set(extra) - gone)


@pytest.mark.parametrize("code", LANGS)
def test_a_table_no_text_holds_goes_as_one_block(code: str) -> None:
    """A table among the furniture is one decision: every row goes, the detail says the block."""
    table = CONTENT[code][0]
    menu, article, _, teasers = PAGES[code]
    lines = [*menu, *article, *teasers[:3], *table, *menu]
    removed = decide(lines, code, EAGER)
    details = {removed[i].block for i, line in enumerate(lines) if line in table}
    assert len(details) == 1 and next(iter(details)).startswith("table: 4 rows of 3 cells")


def _runs(code: str, lines: list[str]) -> list[str]:
    rows = features(lines, code)
    shapes = content_shapes(lines, rows, resources.profile(code).stopwords)
    return [run.why for run in content_runs(shapes)]


def test_what_a_run_is_by_its_shape() -> None:
    """Each kind of run is told by its shape and said in the log's words."""
    for code in LANGS:
        article = PAGES[code][1]
        table, data, verse = CONTENT[code]
        assert _runs(code, [*article, *table]) == ["table: 4 rows of 3 cells"]
        assert _runs(code, [*article, *data]) == ["data list: 4 items with numbers"]
        assert _runs(code, [*article, *verse]) == ["verse: 6 lines"]


NEGATIVES = {
    # a teaser list under the article: capitalised titles, no verse marks, no numbers
    "teasers": ["Neue Brücke über den Fluss eröffnet", "Polizei sucht Zeugen nach Unfall", "Stadt plant mehr Radwege im Zentrum", "Schule bekommt einen neuen Direktor"],
    # dated teasers under a section's heading: a heading is no text that holds a list
    "dated": ["Meistgelesen", "12.03.2024 Neue Brücke über den Fluss eröffnet", "11.03.2024 Polizei sucht Zeugen nach Unfall", "10.03.2024 Stadt plant mehr Radwege"],
    # long titles with a date: no data items (a figure and its label are short)
    "titles": ["Neue Brücke über den Fluss eröffnet, die Anwohner feiern am 12. März bis spät", "Polizei sucht nach dem Unfall vom 11. März auf der Landstraße weiter nach Zeugen", "Stadt plant bis 2030 mehr Radwege im Zentrum und in den Außenbezirken"],
    # two figures only, after a sentence: too few to be a list
    "two": ["Nord: 12.400 Einwohner", "Süd: 9.800 Einwohner", "Meistgelesen"],
    # two rows of a footer's links: no table
    "links": ["Impressum | Datenschutz | AGB", "Kontakt | Jobs | Presse"],
    # a notice cut at its links: lines in lower case and with commas, but ending with function words
    "notice": ["Mit der Anmeldung, so heißt es,", "stimmen Sie den", "Regeln der Nutzung", "zu und bestätigen die", "Hinweise zum Datenschutz"],
    # a tag list in lower case: no line ends with a comma
    "tags": ["neue brücke am fluss", "radwege in der stadt", "haushalt und schulen", "busse in den außenbezirken"],
    # ranks alone between teasers' titles with figures: items that do not open alike
    "ranks": ["11", "Stadt plant 30 neue Radwege", "12", "Schule bekommt 2 neue Klassen"],
    # addresses of pages with figures
    "urls": ["https://example.org/artikel/2024/123", "https://example.org/artikel/2024/124", "https://example.org/artikel/2024/125"],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_furniture_shapes_are_no_content(name: str) -> None:
    """The negatives: furniture after the article's last paragraph that looks like a list is no run."""
    assert _runs("de", [*PAGES["de"][1], *NEGATIVES[name]]) == []


def test_pipe_table_rows() -> None:
    """A Markdown table (with its delimiter row), rows of " | " with figures (three or more), tab
    rows; not a menu's line, not two rows of links, not rows of unequal cells."""
    assert pipe_table_rows(["Text", "| a | b |", "| --- | :---: |", "| 1 | 2 |", "Text"]) == [(1, 3)]
    assert pipe_table_rows(["Jahr | Wert", "2022 | 1.200", "2023 | 1.350"]) == [(0, 2)]
    assert pipe_table_rows(["Jahr\tWert", "2022\t1.200"]) == [(0, 1)]
    assert pipe_table_rows(["Home | News | Sport | Kontakt"]) == []
    assert pipe_table_rows(["Home | News | Sport", "Impressum | AGB | Kontakt"]) == []
    assert (
        pipe_table_rows(["Home | News | Sport", "Impressum | AGB | Kontakt", "Jobs | Presse | Hilfe"]) == []
    )
    assert pipe_table_rows(["a | b | 1", "c | 2", "d | e | 3"]) == []
    assert table_cells("| a | b |") == [" a ", " b "] and table_cells("a\tb\t") == ["a", "b", ""]


def test_tables_say_what_holds_them() -> None:
    """A table is held by a sentence above it (a caption between allowed) or a paragraph below it."""
    article = PAGES["en"][1]
    table = CONTENT["en"][0]
    lines = [article[0], "Residents by district", *table, article[1]]
    (run,) = tables(content_shapes(lines, features(lines, "en")))
    assert run.holder == len(lines) - 1
    lines = [article[1], "Table 1", *table, "Most read"]
    (run,) = tables(content_shapes(lines, features(lines, "en")))
    assert run.holder == 0


@pytest.mark.parametrize("code", ["de", "en", "fr", "es", "it", "pl", "nl", "pt"])
def test_a_markdown_table_in_an_article_stays_as_written(code: str) -> None:
    """In a clean text a table's rows are no menu, its delimiter row no breadcrumb, and layout keeps
    its rows together (single newlines), as it does a tab table's: the text comes out as it went in."""
    title, (first, second) = TEXTS[code]
    rows = ["| 2022 | 1200 | 12 |", "| --- | --- | --- |", "| 2023 | 1350 | 14 |", "| 2024 | 1410 | 15 |"]
    for table in (rows, [r.strip("| ") for r in rows if "---" not in r]):
        text = f"{title}\n\n{first}\n\n" + "\n".join(table) + f"\n\n{second}\n"
        result = clean_and_explain(text, input_format="text", lang=code)
        assert result.text.replace("\u00a0", " ").replace("\u202f", " ") == text, result.edits


@pytest.mark.parametrize("code", ["de", "en", "fr"])
def test_a_menu_of_pipes_still_goes(code: str) -> None:
    """The negative: one line of labels between bars is a menu, as before (no table: one row)."""
    title, (first, second) = TEXTS[code]
    text = f"Home | News | Sport | Kontakt\n\n{title}\n\n{first}\n\n{second}\n"
    result = clean_and_explain(text, input_format="text", lang=code)
    assert "Home | News" not in result.text and first in result.text


#: Per language: a sentence a page dump cut at its links (one line per link and per piece between).
CUT = {
    "de": ["Der Rat dankt allen, die mitgearbeitet haben, besonders", "Anna Weber", ",", "Jonas Keller", "und", "Lea Brandt", "."],
    "en": ["The council thanked everyone who worked on it, in particular", "Anna Weber", ",", "Jonas Keller", "and", "Lea Brandt", "."],
    "fr": ["Le conseil remercie tous ceux qui ont travaillé au projet, en particulier", "Anna Weber", ",", "Jonas Keller", "et", "Lea Brandt", "."],
    "es": ["El pleno agradece a todos los que trabajaron en el plan, en especial a", "Anna Weber", ",", "Jonas Keller", "y", "Lea Brandt", "."],
}  # fmt: skip


@pytest.mark.parametrize("code", sorted(CUT))
def test_lines_that_go_on_with_the_sentence_above(code: str) -> None:
    """Each piece of a sentence cut at its links goes on with the line above (a name between a line
    ending no sentence and a comma; the comma; a conjunction in lower case; the full stop); the
    sentence's first line does not, after a paragraph."""
    last = PAGES[code][1][-1]
    assert continues_above([last, *CUT[code]]) == [False, False, True, True, True, True, True, True]


def test_lines_that_do_not_go_on() -> None:
    """The negatives: a heading after a paragraph, a label in lower case after a sentence, a title after
    a title, a line after a line ending with a colon that opens with a capital."""
    assert continues_above(["The plan was adopted.", "What changes"]) == [False, False]
    assert continues_above(["The plan was adopted.", "iPhone deals"]) == [False, False]
    assert continues_above(["Most read", "New bridge opens", "Police seek witnesses"]) == [False] * 3
    assert continues_above(["Ingredients:", "Flour", "Eggs"]) == [False] * 3


def test_the_region_does_not_end_inside_a_sentence() -> None:
    """`stretch` goes down over the lines joined to the one above, and stops at the first that is not
    (nor a sentence); up, over sentences, then over joined lines only (a login box's questions above
    its sentence cut at a link stay out)."""
    sentence = [False] * 7
    joined = [False, False, True, True, False, True, False]
    assert stretch((1, 1), sentence, joined) == (1, 3)
    assert stretch((5, 5), sentence, joined) == (4, 5)
    assert stretch((1, 1), sentence) == (1, 1)
    questions = [True, True, False, False, False]
    assert stretch((3, 4), questions, [False, False, False, True, False]) == (2, 4)
