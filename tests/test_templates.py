"""Template lines learnt over a corpus (`cleaners.templates`, `Boilerplate.fit`): what a site repeats on
many pages goes, with its evidence; what an article says stays, even when another article says it too."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanmedia import DEFAULT_CHAIN, clean, clean_and_explain
from cleanmedia.cleaners import DUMP_CHAIN, Boilerplate
from cleanmedia.cleaners.templates import Evidence, TemplateCounts, Templates, learnable, site_of
from cleanmedia.cli import main
from fixtures import cases

# Per language: a site's template (menu, teaser list, comment prompt), and four articles, each one
# paragraph of its own (and a one-line paragraph in the first).
CORPORA = {
    "de": (
        [
            "Alles rund ums Haus",
            "Service & Hilfe",
            "Meistgelesen",
            "Kommentar verfassen",
            "Wie gefällt Ihnen unser Angebot?",
        ],
        [
            "Die Stadt plant eine neue Brücke über den Fluss, die im Frühjahr fertig sein soll.",
            "Der Gemeinderat hat am Montag über den Haushalt beraten und viele Fragen offen gelassen.",
            "Im Museum ist ab heute eine Ausstellung über die Geschichte der Region zu sehen.",
            "Die Schulen bekommen neue Rechner, die aus einem Förderprogramm bezahlt werden.",
        ],
    ),
    "en": (
        ["Top stories", "Most read", "Join the conversation", "Our newsletters", "Sections"],
        [
            "The council approved a new bridge over the river, which should open in the spring.",
            "Teachers in the district will get new laptops paid for by a state programme this year.",
            "A new exhibition about the history of the valley opens at the museum on Friday.",
            "The harbour will be dredged next month so that larger ships can reach the quay.",
        ],
    ),
    "fr": (
        ["Toute l'actualité", "Les plus lus", "Réagir à cet article", "Nos newsletters", "Rubriques"],
        [
            "La mairie a voté la construction d'un nouveau pont sur le fleuve, prévu pour le printemps.",
            "Les écoles de la ville recevront de nouveaux ordinateurs payés par un programme régional.",
            "Une exposition sur l'histoire de la vallée ouvre vendredi au musée de la ville.",
            "Le port sera dragué le mois prochain pour que les grands navires puissent accoster.",
        ],
    ),
    "es": (
        ["Última hora", "Lo más leído", "Deja tu comentario", "Nuestros boletines", "Secciones"],
        [
            "El ayuntamiento aprobó un nuevo puente sobre el río, que estará listo en primavera.",
            "Los colegios de la ciudad recibirán ordenadores nuevos pagados por un programa regional.",
            "Una exposición sobre la historia del valle abre el viernes en el museo municipal.",
            "El puerto será dragado el mes que viene para que los barcos grandes puedan atracar.",
        ],
    ),
    "it": (
        ["In evidenza", "I più letti", "Lascia un commento", "Le nostre newsletter", "Sezioni"],
        [
            "Il comune ha approvato un nuovo ponte sul fiume, che sarà pronto in primavera.",
            "Le scuole della città riceveranno nuovi computer pagati da un programma regionale.",
            "Una mostra sulla storia della valle apre venerdì al museo civico della città.",
            "Il porto sarà dragato il mese prossimo perché le navi grandi possano attraccare.",
        ],
    ),
    "pl": (
        ["Najnowsze", "Najczęściej czytane", "Dodaj komentarz", "Nasze newslettery", "Działy"],
        [
            "Rada miasta zatwierdziła budowę nowego mostu na rzece, który ma być gotowy wiosną.",
            "Szkoły w mieście dostaną nowe komputery opłacone z regionalnego programu wsparcia.",
            "W muzeum miejskim w piątek otwiera się wystawa o historii doliny i jej mieszkańców.",
            "Port zostanie pogłębiony w przyszłym miesiącu, aby duże statki mogły przybijać.",
        ],
    ),
}


def page(template: list[str], title: str, paragraph: str) -> str:
    """A page dump: the menu lines, the title, the paragraph, the teaser and comment lines."""
    return "\n".join([*template[:3], title, paragraph, *template[3:]]) + "\n"


def corpus(code: str) -> list[str]:
    template, articles = CORPORA[code]
    return [
        page(template, f"{a.split()[1].capitalize()} {a.split()[2]} {i}", a) for i, a in enumerate(articles)
    ]


@pytest.mark.parametrize("code", sorted(CORPORA))
def test_template_lines_go_with_their_evidence(code: str) -> None:
    texts = corpus(code)
    cleaner = Boilerplate.fit(texts)
    result = clean_and_explain(texts[0], lang=code, chain=DEFAULT_CHAIN.replace("boilerplate", cleaner))
    template, articles = CORPORA[code]
    assert articles[0] in result.text
    for line in template:
        assert line not in result.text.splitlines()
    learnt = [e for e in result.edits if e.reason == "boilerplate.learned"]
    assert learnt and all(e.detail == "template line: in 4 of 4 documents of the corpus" for e in learnt)


@pytest.mark.parametrize("code", sorted(CORPORA))
def test_without_learning_the_template_stays(code: str) -> None:
    """The learnt lines are what learning adds: the phrase lists alone leave some of them."""
    texts = corpus(code)
    plain = clean(texts[0], lang=code).splitlines()
    learnt = clean(texts[0], lang=code, chain=DEFAULT_CHAIN.replace("boilerplate", Boilerplate.fit(texts)))
    assert set(learnt.splitlines()) < set(plain)


def test_quote_repeated_across_two_articles_stays() -> None:
    quote = "Wir schaffen das."
    a = "Titel eins\nDie Kanzlerin sagte vor der Presse einen Satz.\n" + quote + "\nDanach ging sie.\n"
    b = "Titel zwei\nEin Jahr später erinnerte man sich an den Satz.\n" + quote + "\nEr blieb.\n"
    others = [f"Titel {n}\nEin ganz anderer Text über das Wetter am Tag {n}.\n" for n in range(3, 9)]
    templates = Templates.fit([a, b, *others])
    assert templates.lookup(quote, None) is None
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate.fit([a, b, *others]))
    assert clean(a, lang="de", chain=chain) == clean(a, lang="de")


def test_short_line_in_only_two_documents_stays() -> None:
    texts = [
        "Fazit\nDie Stadt baut eine Brücke, die im Frühjahr fertig sein soll, sagt der Bürgermeister.\n",
        "Fazit\nDer Rat hat beraten und am Ende viele Fragen offen gelassen, hieß es am Abend.\n",
        "Anderes\nDie Schulen bekommen neue Rechner aus dem Förderprogramm, wie die Stadt mitteilte.\n",
    ]
    assert not Templates.fit(texts)


def test_prose_repeated_everywhere_is_never_learnt() -> None:
    """A standard paragraph under every article is prose: no count makes it a template."""
    notice = "Dieser Artikel erschien zuerst in unserer gedruckten Ausgabe vom Wochenende und wurde ergänzt."
    texts = [f"Titel {n}\nText Nummer {n} über etwas ganz anderes.\n{notice}\n" for n in range(10)]
    assert learnable(notice) is None
    assert Templates.fit(texts).lookup(notice, None) is None


@pytest.mark.parametrize("fragment", ["and", ", or the", "the", "e", "der die das", "1", "2024", "»"])
def test_pieces_of_sentences_are_never_learnt(fragment: str) -> None:
    """A dump cuts paragraphs at their links: the pieces between recur on every page and are the
    article's; so are lone numbers and letters."""
    assert learnable(fragment) is None
    assert not Templates.fit([f"Titel {n}\n{fragment}\n" for n in range(10)])


def test_recurring_heading_over_prose_stays() -> None:
    """A site's recurring "Conclusion" heading introduces the article's last paragraph: kept."""
    texts = [
        f"Menu\nTitle {n}\nConclusion\nThe results of test number {n} show that the method works well "
        f"on every kind of input we tried.\nShare this\n"
        for n in range(5)
    ]
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate.fit(texts))
    out = clean(texts[0], lang="en", chain=chain).splitlines()
    assert "Conclusion" in out and "Menu" not in out


def test_share_of_the_site_is_required() -> None:
    """In a site of 100 documents, a line in 3 of them is not its template (5% needed)."""
    texts = [f"Titel {n}\nText {n}.\n" + ("Seltene Zeile\n" if n < 3 else "") for n in range(100)]
    assert Templates.fit(texts).lookup("Seltene Zeile", None) is None
    assert Templates.fit(texts[:40]).lookup("Seltene Zeile", None) == Evidence("", 3, 40)


def test_per_site_learning_keeps_sites_apart() -> None:
    """A line three documents of site A share is A's template, not B's: with sites given, a document
    of B keeps it; the evidence names the site."""
    a = [f"Rubrik Sport\nTitel {n}\nText {n} über Fußball.\n" for n in range(3)]
    b = [f"Titel {n}\nRubrik Sport\nText {n} über Handball.\n" for n in range(3, 5)]
    sites = ["https://www.example.org/a/1", "https://example.org/a/2", "http://example.org/x", None, None]
    templates = Templates.fit(a + b, sites)
    assert templates.lookup("Rubrik Sport", "https://example.org/other") == Evidence("example.org", 3, 3)
    assert templates.lookup("Rubrik Sport", "https://example.com/") is None
    assert str(Evidence("example.org", 3, 3)) == "template line: in 3 of 3 documents of example.org"


def test_site_of() -> None:
    assert site_of("https://www.Example.org:8080/path?q=1") == "example.org"
    assert site_of("Der  Tagesspiegel ") == "der tagesspiegel"
    assert site_of(None) == site_of("") == site_of("  ") == ""


def test_held_out_leaves_the_document_out() -> None:
    texts = [f"Titel {n}\nText {n}.\n" + ("Zum Archiv\n" if n < 3 else "") for n in range(6)]
    counts = TemplateCounts()
    for t in texts:
        counts.add(t)
    assert counts.bearing_on(texts[0]).lookup("Zum Archiv", None) == Evidence("", 3, 6)
    assert counts.bearing_on(texts[0], held_out=True).lookup("Zum Archiv", None) is None  # 2 of 5 left
    assert counts.bearing_on(texts[5]).lookup("Zum Archiv", None) is None  # not a line of that document
    counts.remove(texts[0])
    assert counts.templates() == Templates()


def test_min_documents_below_two_is_refused() -> None:
    with pytest.raises(ValueError, match="min_documents"):
        Templates.fit(["a\n"], min_documents=1)


@given(st.permutations(range(8)))
def test_fit_does_not_depend_on_order(order: list[int]) -> None:
    texts = [*corpus("de"), *corpus("en")]
    assert Templates.fit([texts[i] for i in order]) == Templates.fit(texts)


def test_learnt_cleaner_pickles_and_is_idempotent() -> None:
    """The command hands the learnt cleaner to worker processes; cleaning its output changes nothing."""
    texts = corpus("fr")
    cleaner = pickle.loads(pickle.dumps(Boilerplate.fit(texts)))
    assert cleaner.templates == Templates.fit(texts)
    chain = DUMP_CHAIN.replace("boilerplate", cleaner)
    once = clean(texts[1], lang="fr", chain=chain)
    assert clean(once, lang="fr", chain=chain) == once


def test_command_learns_furniture_from_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--learn-furniture` on a folder, with and without workers: the same output, the template gone."""
    src = tmp_path / "in"
    src.mkdir()
    for i, text in enumerate(corpus("de")):
        (src / f"{i}.txt").write_text(text, encoding="utf-8")
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert main([str(src), "-o", str(out), "-j", jobs, "--learn-furniture", "--no-progress"]) == 0
        outs[jobs] = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.txt"))}
    assert "learnt 5 template lines" in capsys.readouterr().err
    assert outs["1"] == outs["2"]
    first = outs["1"]["0.txt"]
    assert CORPORA["de"][1][0] in first
    assert not set(CORPORA["de"][0]) & set(first.splitlines())
    plain = tmp_path / "plain"
    assert main([str(src), "-o", str(plain), "-j", "1", "--no-progress", "-q"]) == 0
    assert (plain / "in" / "0.txt").read_text(encoding="utf-8") != first


def test_command_learns_per_site_from_jsonl(tmp_path: Path) -> None:
    """JSONL records with a url field learn per site: the three records of one site lose its template
    lines, with the site as evidence; a line two records of that site and one of another share is no
    site's template and stays (across the corpus it would be three documents)."""
    texts = corpus("es")
    shared = "¡Mercado abierto hoy!"
    rows = [{"text": t, "url": f"https://example.org/{i}"} for i, t in enumerate(texts[:3])]
    rows[0]["text"] += shared + "\n"
    rows[1]["text"] += shared + "\n"
    other = shared + "\nEl mercado abre los sábados por la mañana en la plaza del pueblo, dijo.\n"
    rows.append({"text": other, "url": "https://example.com/1"})
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(path), "-o", str(out), "--learn-furniture", "-j", "1", "-q", "--edits"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "Lo más leído" not in records[0]["text"]
    assert all(shared in r["text"] for r in (records[0], records[1], records[3]))
    details = [e["detail"] for e in records[0]["cleanmedia"]["edits"] if e["reason"] == "boilerplate.learned"]
    assert "template line: in 3 of 3 documents of example.org" in details
    assert Templates.fit(r["text"] for r in rows).lookup(shared, None) is not None  # without sites


@pytest.mark.parametrize("lang", ["es", "de"])
def test_command_learns_per_site_from_a_nested_url_field(tmp_path: Path, lang: str) -> None:
    """The new user's records gave the URL at `meta.url`: with `--url-field meta.url` the lines are
    learnt per site as with a top-level `url` (the evidence names the site); without it, the nested
    URL is not read and the evidence names the corpus."""
    texts = corpus(lang)
    rows = [{"text": t, "meta": {"url": f"https://example.org/{i}"}} for i, t in enumerate(texts[:3])]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    details = {}
    for name, extra in (("nested", ["--url-field", "meta.url"]), ("plain", [])):
        out = tmp_path / f"{name}.jsonl"
        assert main([str(path), "-o", str(out), "--learn-furniture", "-j", "1", "-q", "--edits", *extra]) == 0
        first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        details[name] = {
            e["detail"] for e in first["cleanmedia"]["edits"] if e["reason"] == "boilerplate.learned"
        }
    assert details["nested"] and all("documents of example.org" in d for d in details["nested"])
    assert details["plain"] and not any("example.org" in d for d in details["plain"])


def test_url_field_needs_learn_furniture(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--url-field", "meta.url", "x.jsonl"])
    assert "--url-field needs --learn-furniture" in capsys.readouterr().err


def test_command_refuses_learning_from_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--learn-furniture"])
    assert "not standard input" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--learn-furniture", "--without", "boilerplate", "x.txt"])
    assert "needs the boilerplate cleaner" in capsys.readouterr().err


@pytest.mark.parametrize("code_line", ["<html>", "</div>", "x = 1", "}", "$ make install", "`ls`"])
def test_code_lines_are_never_learnt(code_line: str) -> None:
    """Tutorials repeat the same code lines: they are the article's."""
    assert learnable(code_line) is None


def test_a_name_cut_out_of_a_sentence_by_links_stays() -> None:
    """A dump cuts "... made by the [Orbis] Foundation, and ..." into lines: "Orbis" is also a menu
    label of the site, learnt, yet here it continues a sentence and stays."""
    menu = "Orbis\nNews\nContact\n"
    texts = [menu + f"Title {n}\nThe tool number {n} is made by the\n" for n in range(5)]
    article = (
        "Title\nThe tool is made by the\nOrbis\nFoundation, and it is free software that anybody "
        "may use and change.\n"
    )
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate.fit([*texts, article]))
    assert "Orbis" in clean(article, lang="en", chain=chain).splitlines()
    assert "Orbis" not in clean(texts[0], lang="en", chain=chain).splitlines()


def test_heading_over_prose_stays_past_learnt_furniture() -> None:
    """A recurring section heading, then the site's "[edit]" link, then the paragraph: kept."""
    texts = [
        f"Contents\nHistory\n[edit]\nThe town number {n} was founded by farmers in the valley long "
        f"before the railway came.\n"
        for n in range(5)
    ]
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate.fit(texts))
    out = clean(texts[0], lang="en", chain=chain).splitlines()
    assert "History" in out and "[edit]" not in out and "Contents" not in out


MENUS = {
    "de": ["Startseite", "Politik", "Wirtschaft", "Kontakt"],
    "en": ["Home", "Sport", "Business", "Contact"],
    "fr": ["Accueil", "Culture", "Économie", "Contact"],
    "es": ["Inicio", "Deportes", "Economía", "Contacto"],
    "pl": ["Strona główna", "Świat", "Gospodarka", "Kontakt"],
}


@pytest.mark.parametrize("code", sorted(MENUS))
def test_a_menu_on_every_page_goes_whole_before_the_prose(code: str) -> None:
    """A menu the site puts on every page, right above the article: its last label introduces the
    prose, but it ends a run of learnt lines in every document, so it goes with the rest of the menu
    (the first clean kept it as the article's heading, and took it for the title)."""
    menu = MENUS[code]
    articles = CORPORA[code][1]
    texts = ["\n".join([*menu, a, articles[(i + 1) % 4]]) + "\n" for i, a in enumerate(articles)]
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate.fit(texts))
    result = clean_and_explain(texts[0], lang=code, chain=chain)
    assert [ln for ln in result.text.splitlines() if ln] == [articles[0], articles[1]]
    assert result.metadata.title is None


def test_a_heading_the_site_repeats_under_one_label_stays() -> None:
    """The negative: a recurring heading under one learnt label only (no menu above it) still heads its
    paragraph, and so does a heading found in fewer than half of the site's documents."""
    texts = [
        f"Home\nSport\nBusiness\nContact\nSummary\nThe report number {n} says the river rose by two "
        f"metres overnight.\n"
        for n in range(2)
    ] + [
        f"Home\nSport\nBusiness\nContact\nThe report number {n} says the river rose by two metres "
        f"overnight.\n"
        for n in range(2, 6)
    ]
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate.fit(texts))
    out = [ln for ln in clean(texts[0], lang="en", chain=chain).splitlines() if ln]
    assert out[0] == "Summary" and "Contact" not in out


@pytest.mark.parametrize("line", ["Changed in version 2:", "Added in version 2.", "Lesen Sie weiter:"])
def test_introductions_and_statements_are_never_learnt(line: str) -> None:
    """A line ending with a colon introduces what follows; a sentence of three words or more ending with
    a full stop states something: both are the article's however often the site repeats them."""
    assert learnable(line) is None


def test_labels_between_paragraphs_stay() -> None:
    """A documentation site repeats "Note" and "Returns" inside every article: between prose lines they
    stay; the same labels above the article go."""
    texts = [
        f"Note\nReturns\nGuide {n}\nThe function number {n} reads the whole file into memory at once, "
        f"so keep files small.\nNote\nIt raises an error when the file is missing or cannot be read.\n"
        for n in range(5)
    ]
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate.fit(texts))
    out = [line for line in clean(texts[0], lang="en", chain=chain).splitlines() if line]
    assert out[0] == "Guide 0" and out.count("Note") == 1 and "Returns" not in out


def test_copies_of_one_article_teach_nothing() -> None:
    """The same article crawled three times is one document: its title and short lines are no
    template. Cleaning the fixtures with a cleaner learnt on all of them, one article three times
    over, gives the fixtures' expected outputs."""
    texts = [c.input for c in cases() if not c.xfail]
    learnt = Boilerplate.fit([*texts, texts[0], texts[0]])
    assert not learnt.templates
    chain = DEFAULT_CHAIN.replace("boilerplate", learnt)
    for case in (c for c in cases() if not c.xfail):
        assert clean(case.input, chain=chain) == case.expected


def test_held_out_with_a_copy_keeps_the_copy_counted() -> None:
    texts = [f"Titel {n}\nText {n}.\n" + ("Zum Archiv\n" if n < 3 else "") for n in range(6)]
    counts = TemplateCounts()
    for t in [*texts, texts[0]]:
        counts.add(t)
    assert counts.documents[""] == 6
    assert counts.bearing_on(texts[0], held_out=True).lookup("Zum Archiv", None) == Evidence("", 3, 6)
    counts.remove(texts[0])
    assert counts.templates().lookup("Zum Archiv", None) == Evidence("", 3, 6)


# Near copies (eleventh session: a page crawled three times, its date and teasers changed each time,
# counted as three documents: its title and subheadings were learnt as its site's template and removed
# from the article). A document's prose tells its copies.

SUBHEADINGS = {"de": "Was die Stadt plant", "en": "What the council plans", "fr": "Ce que prévoit la mairie"}


def _recrawl(code: str, n: int) -> str:
    """The first article of `code`'s corpus, crawled for the `n`th time: a subheading and a second
    paragraph of its own, a changed date line and teaser around it."""
    template, articles = CORPORA[code]
    title = f"{articles[0].split()[1].capitalize()} {articles[0].split()[2]} 0"
    body = [articles[0], SUBHEADINGS[code], articles[1].replace(".", ", " + articles[2][:30].lower() + ".")]
    return (
        "\n".join([*template[:3], f"Stand: {n + 1}. März", title, *body, f"Teaser {n}", *template[3:]]) + "\n"
    )


@pytest.mark.parametrize("code", sorted(SUBHEADINGS))
def test_a_page_crawled_again_counts_once(code: str) -> None:
    texts = corpus(code)[1:] + [_recrawl(code, n) for n in range(3)]
    templates = Templates.fit(texts)
    title = texts[-1].splitlines()[4]
    assert templates.lookup(title, None) is None
    assert templates.lookup(SUBHEADINGS[code], None) is None
    template, _ = CORPORA[code]
    assert templates.lookup(template[0], None) == Evidence("", 4, 4)  # the site's menu: still learnt
    chain = DEFAULT_CHAIN.replace("boilerplate", Boilerplate.fit(texts))
    out = clean(texts[-1], lang=code, chain=chain).splitlines()
    assert title in out and SUBHEADINGS[code] in out
    assert template[0] not in out


def test_documents_sharing_no_prose_still_count_apart() -> None:
    """Negative: pages without prose (a section's front, short lines only) are told apart by their
    words, as before; their shared line is learnt."""
    texts = [f"Rubrik {n}\nMeistgelesen\nArtikel {n} heute\n" for n in range(4)]
    assert Templates.fit(texts).lookup("Meistgelesen", None) == Evidence("", 4, 4)
    counts = TemplateCounts()
    for t in texts:
        counts.add(t)
    assert counts.documents[""] == 4
