"""The edit log read back and replayed from what the command and the library write (JSON), and the HTML
stage's log telling the truth: every part of the page that is not read is logged as removed, a part is
never logged as kept when the output does not hold it, and every removal names where it was. Found by a
new user: `Edit(**e)` failed on `kind`, `--json` had no text to replay HTML edits against, a comment
section was logged as kept though absent, and the page's parts outside the article went unsaid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanmedia import Result, clean_and_explain, replay
from cleanmedia.batch import clean_records
from cleanmedia.cli import main
from cleanmedia.document import Edit, MetadataEdit, Removal

# An opinion piece whose classes name it a comment ("commentaire"), then a readers' comment section
# beside its zone: the comments rule keeps the section (it holds all of the page's "comments"), and the
# article is read from the zone all the same.
OPINION_FR = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Tribune : il faut rouvrir les petites lignes</title></head><body>
<nav><a>Accueil</a> <a>Opinions</a></nav>
<div class="article commentaire-article">
<h1>Il faut rouvrir les petites lignes</h1>
<div class="commentaire-texte">
<p>Chaque ligne fermée isole un peu plus les villages, et les habitants n'ont plus que la voiture pour aller travailler ou se soigner.</p>
<p>La région a les moyens de rouvrir ces lignes si elle accepte de revoir ses priorités budgétaires pour les dix prochaines années.</p>
<p>Le coût d'une telle politique reste modeste au regard de ce que coûte l'abandon des territoires ruraux.</p>
</div>
<p class="auteur-info">Une tribune de Louise Martin</p>
</div>
<div id="commentaires"><h3>Commentaires (2)</h3><p>Tout à fait d'accord !</p><p>Enfin quelqu'un qui le dit.</p></div>
</body></html>"""

# An article beside a box of no known furniture shape and a banner line above its zone (German).
ARTICLE_DE = """<html><head><title>Neue Radwege</title></head><body>
<div class="kopf"><span>Stadtportal</span> <span>Suche</span></div>
<div class="seite"><div class="inhalt">
<p>Die Stadt baut in diesem Sommer drei neue Radwege entlang der großen Ausfallstraßen, teilte das Bauamt am Montag mit.</p>
<p>Die Arbeiten beginnen im Juni und sollen bis zum Herbst abgeschlossen sein, sofern das Wetter mitspielt und die Firmen liefern.</p>
<p>Anwohner können sich bei einer Versammlung im Rathaus über die Pläne informieren und ihre Fragen stellen.</p>
</div></div>
<div class="kasten"><b>Wetter heute</b> <span>Sonnig, 24 Grad</span></div>
</body></html>"""

TEXT_EN = "The council met on Monday.The budget was approved by a large majority after a long debate.\n"


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("content", [OPINION_FR, ARTICLE_DE, TEXT_EN])
def test_the_log_round_trips_through_json_and_replays(content: str) -> None:
    result = clean_and_explain(content)
    data = json.loads(json.dumps(result.to_dict()))
    back = Result.from_dict(data)
    assert back == result
    assert replay(data["source_text"], [Edit.from_dict(e) for e in data["edits"]]) == data["text"]


def test_from_dict_reads_kind_and_refuses_another_kind() -> None:
    edit = Edit(3, 7, "the ", "", "doubled.words", line=1, cleaner="doubled", step=4)
    assert edit.to_dict()["kind"] == "remove"
    assert Edit.from_dict(edit.to_dict()) == edit
    meta = MetadataEdit("title", "Neue Radwege", "extract.page", before=None, cleaner="extract", step=-1)
    assert MetadataEdit.from_dict(meta.to_dict()) == meta
    removal = Removal("Accueil Opinions", "extract.navigation", "", "nav")
    assert Removal.from_dict(removal.to_dict()) == removal
    with pytest.raises(ValueError, match="not an Edit: kind 'flag'"):
        Edit.from_dict({**edit.to_dict(), "kind": "flag"})
    with pytest.raises(ValueError, match="unknown field"):
        Edit.from_dict(removal.to_dict())
    with pytest.raises(ValueError, match="kind 'extraction'"):
        MetadataEdit.from_dict({**meta.to_dict(), "kind": "extraction"})


def test_json_output_of_html_carries_the_text_its_edits_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "tribune.html"
    page.write_text(OPINION_FR, encoding="utf-8")
    assert main([str(page), "--json", "--no-progress"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == str(page)  # the input's name, as before
    assert data["source_text"].startswith("Chaque ligne fermée")  # the extracted text, not the page
    assert replay(data["source_text"], [Edit.from_dict(e) for e in data["edits"]]) == data["text"]


def test_record_edits_of_html_carry_the_text_they_index() -> None:
    [html_record, text_record] = clean_records([{"text": ARTICLE_DE}, {"text": TEXT_EN}], edits=True)
    info = html_record["cleanmedia"]
    assert info["source_text"].startswith("Die Stadt baut")
    edits = [Edit.from_dict(e) for e in info["edits"]]
    assert replay(info["source_text"], edits) == html_record["text"] + "\n"  # a field keeps no final newline
    info = text_record["cleanmedia"]
    assert "source_text" not in info  # a text field is the text its edits index
    assert replay(TEXT_EN, [Edit.from_dict(e) for e in info["edits"]]) == text_record["text"]


def test_a_part_kept_by_a_rule_but_not_read_is_logged_as_removed() -> None:
    result = clean_and_explain(OPINION_FR)
    assert "Tout à fait d'accord" not in result.text
    assert not [r for r in result.removals if r.kept and "Tout à fait" in r.text]
    [gone] = [r for r in result.removals if "Tout à fait" in r.text]
    assert (gone.reason, gone.selector, gone.kept) == ("extract.outside", "div#commentaires", False)
    assert "div#commentaires was kept by a rule" in gone.detail
    # the article's own text, kept against the comments rule, is still logged as kept
    assert [r.selector for r in result.removals if r.kept] == [
        "div.article.commentaire-article > div.commentaire-texte"
    ]


def test_every_part_of_the_page_left_out_is_logged() -> None:
    result = clean_and_explain(ARTICLE_DE)
    assert result.text.startswith("Die Stadt baut")
    assert "Sonnig" not in result.text and "Stadtportal" not in result.text
    out = {r.selector: r for r in result.removals}
    assert out["div.kasten"].text == "Wetter heute Sonnig, 24 Grad"
    assert out["div.kasten"].reason == "extract.outside"
    assert out["div.kopf"].text == "Stadtportal Suche"
    logged = squeezed(" ".join(r.text for r in result.removals if not r.kept))
    for part in ("Wetter heute", "Sonnig, 24 Grad", "Stadtportal", "Suche"):
        assert squeezed(part) in logged


def test_an_article_read_whole_logs_nothing_outside() -> None:
    page = (
        "<html><body><article><p>"
        + TEXT_EN.strip()
        + " It will take effect in May.</p></article></body></html>"
    )
    result = clean_and_explain(page)
    assert [r for r in result.removals if r.reason == "extract.outside"] == []


def test_kept_entries_hold_what_the_output_holds() -> None:
    for page in (OPINION_FR, ARTICLE_DE):
        result = clean_and_explain(page)
        text = squeezed(result.source)
        assert all(squeezed(r.text) in text for r in result.removals if r.kept and r.reason == "extract.kept")


def test_every_removal_names_where_it_was() -> None:
    """A line of the article's text removed as a widget (a share label) names the element it was read
    from; it had no selector at all."""
    prose = (
        "Die Stadt baut drei neue Radwege entlang der Straßen, teilte das Bauamt mit.",
        "Die Arbeiten beginnen im Juni und enden im Herbst, wenn das Wetter mitspielt.",
    )
    paragraphs = "".join(f"<p>{t}</p>" for t in ("Teilen", *prose))
    result = clean_and_explain(f"<html><body><article class='beitrag'>{paragraphs}</article></body></html>")
    assert result.text == "\n\n".join(prose) + "\n"
    assert result.removals and all(r.selector for r in result.removals)
    assert [r.selector for r in result.removals if r.text == "Teilen"] == ["article.beitrag"]


def test_form_controls_and_embeds_are_logged_not_dropped_unsaid() -> None:
    """A cookie dialog's buttons, a country list and a video's fallback text are never read (the page's
    controls and objects), and the log says so: they had gone without a word."""
    prose = (
        "Le conseil municipal a voté mardi la construction de douze kilomètres de pistes cyclables.",
        "Les travaux commenceront en mars et dureront environ dix-huit mois selon la mairie.",
    )
    controls = (
        "<button>Tout refuser</button><select><option>Belgique</option><option>Suisse</option></select>"
        "<video>Votre navigateur ne lit pas cette vidéo.</video>"
    )
    paragraphs = "".join(f"<p>{t}</p>" for t in prose)
    result = clean_and_explain(f"<html><body><article>{paragraphs}{controls}</article></body></html>")
    assert result.text == "\n\n".join(prose) + "\n"
    unread = [(r.text, r.selector) for r in result.removals if r.reason == "extract.unread"]
    assert unread == [
        ("Tout refuser", "article > button"),
        ("Belgique Suisse", "article > select"),  # the list once, not each option again
        ("Votre navigateur ne lit pas cette vidéo.", "article > video"),
    ]


def test_scripts_and_styles_are_not_logged() -> None:
    page = "<html><head><style>p{color:red}</style></head><body><article><p>" + TEXT_EN + "</p>"
    page += "<script>var x = 'tracking';</script></article></body></html>"
    assert [r for r in clean_and_explain(page).removals if r.reason == "extract.unread"] == []


def test_the_body_is_named_as_itself_in_the_log() -> None:
    """A furniture-named `<body>` kept as the page (`extract.kept`), or read whole (`extract.fallback`),
    had an empty selector: the path stopped above the body."""
    from selectolax.lexbor import LexborHTMLParser

    from cleanmedia.extract import selector

    tree = LexborHTMLParser(
        "<html><body class='page sidebar-left extra'><div id='x'><p>a</p></div></body></html>"
    )
    assert tree.body is not None and selector(tree.body) == "body.page.sidebar-left"
    paragraph = tree.css_first("p")
    assert paragraph is not None and selector(paragraph) == "div#x > p"
