"""The line model (cleaners/lines.py): page dumps in five languages, what goes and what must stay."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanmedia import DEFAULT_CHAIN, clean_and_explain
from cleanmedia.cleaners import DUMP_CHAIN, Lines
from cleanmedia.cleaners.lines import (
    FEATURES,
    HEAD_REACH,
    WORDING,
    WORDING_NONE,
    LineModel,
    decide,
    features,
    held,
    looks_like_dump,
    shipped_model,
)

# Per language: a menu above the article, the article (a heading, prose, a heading introducing a
# section, a one-line paragraph), a comment prompt, and a teaser list below it.
PAGES = {
    "de": (
        ["Startseite", "Politik", "Wirtschaft", "Alles rund ums Haus", "Service & Hilfe", "Anmelden"],
        [
            "Stadtrat beschließt den neuen Haushalt",
            "Der Stadtrat hat am Dienstag nach einer langen Debatte den Haushalt für das kommende Jahr beschlossen, der vor allem mehr Geld für Schulen und den Nahverkehr vorsieht.",
            "Die Opposition kritisierte, dass die Verwaltung die Zahlen erst wenige Tage vor der Sitzung vorgelegt habe und die Bürger kaum Zeit gehabt hätten, sich ein Bild zu machen.",
            "Was sich für die Bürger ändert",
            "Ab dem Frühjahr sollen die Busse in den Außenbezirken häufiger fahren, und die Gebühren für die Kindertagesstätten bleiben trotz der gestiegenen Kosten unverändert.",
            "Der Bürgermeister will den Plan im Herbst noch einmal prüfen lassen.",
        ],
        ["Kommentar verfassen", "Was meinen Sie?"],
        ["Meistgelesen", "Neue Brücke über den Fluss eröffnet", "Polizei sucht Zeugen nach Unfall", "Wetter: Sonne am Wochenende", "zurück zur Übersicht"],
    ),
    "en": (
        ["Home", "News", "Sport", "Business", "Subscribe", "Sign in"],
        [
            "Council approves the new budget",
            "The city council approved the new budget on Tuesday after a debate that lasted well into the night, with more money for schools and for public transport.",
            "The opposition said the figures had only been presented a few days before the meeting, leaving residents with hardly any time to study them.",
            "What changes for residents",
            "From the spring, buses in the outer districts will run more often, and nursery fees will stay the same despite the higher costs.",
            "The mayor wants the plan reviewed again in the autumn.",
        ],
        ["Leave a comment", "What do you think?"],
        ["Most read", "New bridge opens over the river", "Police seek witnesses after crash", "Weather: sunny weekend ahead", "Back to overview"],
    ),
    "fr": (
        ["Accueil", "Politique", "Économie", "Culture", "S'abonner", "Se connecter"],
        [
            "Le conseil municipal adopte le nouveau budget",
            "Le conseil municipal a adopté mardi le budget de l'année prochaine après un long débat, avec davantage de moyens pour les écoles et les transports en commun.",
            "L'opposition a reproché à la mairie de n'avoir présenté les chiffres que quelques jours avant la séance, laissant aux habitants très peu de temps pour les étudier.",
            "Ce qui change pour les habitants",
            "Dès le printemps, les bus des quartiers périphériques passeront plus souvent et les tarifs des crèches resteront les mêmes malgré la hausse des coûts.",
            "Le maire souhaite que le plan soit réexaminé à l'automne.",
        ],
        ["Laisser un commentaire", "Qu'en pensez-vous ?"],
        ["Les plus lus", "Un nouveau pont ouvre sur le fleuve", "La police recherche des témoins", "Météo : un week-end ensoleillé", "Retour à la liste"],
    ),
    "es": (
        ["Inicio", "Política", "Economía", "Deportes", "Suscríbete", "Iniciar sesión"],
        [
            "El ayuntamiento aprueba el nuevo presupuesto",
            "El pleno del ayuntamiento aprobó el martes el presupuesto del próximo año tras un largo debate, con más dinero para las escuelas y para el transporte público.",
            "La oposición criticó que las cifras se presentaran solo unos días antes de la sesión, lo que dejó a los vecinos muy poco tiempo para estudiarlas.",
            "Qué cambia para los vecinos",
            "A partir de la primavera, los autobuses de los barrios periféricos pasarán con más frecuencia y las tarifas de las guarderías no subirán pese al aumento de los costes.",
            "El alcalde quiere que el plan se revise de nuevo en otoño.",
        ],
        ["Deja un comentario", "¿Qué opinas?"],
        ["Lo más leído", "Abre un nuevo puente sobre el río", "La policía busca testigos del accidente", "El tiempo: fin de semana soleado", "Volver al listado"],
    ),
    "it": (
        ["Home", "Politica", "Economia", "Sport", "Abbonati", "Accedi"],
        [
            "Il consiglio comunale approva il nuovo bilancio",
            "Il consiglio comunale ha approvato martedì il bilancio del prossimo anno dopo un lungo dibattito, con più fondi per le scuole e per il trasporto pubblico.",
            "L'opposizione ha criticato il fatto che i numeri siano stati presentati solo pochi giorni prima della seduta, lasciando ai cittadini pochissimo tempo per studiarli.",
            "Cosa cambia per i cittadini",
            "Dalla primavera gli autobus dei quartieri periferici passeranno più spesso e le rette degli asili resteranno invariate nonostante l'aumento dei costi.",
            "Il sindaco vuole che il piano venga riesaminato in autunno.",
        ],
        ["Lascia un commento", "Cosa ne pensi?"],
        ["I più letti", "Inaugurato un nuovo ponte sul fiume", "La polizia cerca testimoni dell'incidente", "Meteo: weekend di sole", "Torna all'elenco"],
    ),
}  # fmt: skip
LANGS = sorted(PAGES)


def _page(code: str) -> tuple[str, list[str], list[str]]:
    menu, article, prompt, teasers = PAGES[code]
    return "\n".join(menu + article + prompt + teasers) + "\n", article, menu + prompt + teasers


def _out(text: str) -> list[str]:
    return [
        line
        for line in clean_and_explain(text, input_format="text", chain=DUMP_CHAIN).text.split("\n")
        if line.strip()
    ]


@pytest.mark.parametrize("code", LANGS)
def test_article_lines_all_stay(code: str) -> None:
    """Prose, the headings that introduce it and the one-line paragraph stay, in order, unchanged."""
    text, article, _ = _page(code)
    out = _out(text)
    assert [line for line in out if line in article] == article


@pytest.mark.parametrize("code", LANGS)
def test_menu_prompt_and_teasers_go(code: str) -> None:
    """The menu goes whole and at least half of the rest (comment prompt, teaser list) with it, by
    the line model or the phrase lists. The threshold is set for precision: a teaser line close to it
    may stay (en and es keep their teaser list at the shipped threshold)."""
    text, _, furniture = _page(code)
    out = _out(text)
    assert not [line for line in PAGES[code][0] if line in out]
    left = [line for line in furniture if line in out]
    assert len(left) <= len(furniture) // 2, left


@pytest.mark.parametrize("code", LANGS)
def test_every_model_removal_is_explained(code: str) -> None:
    text, article, _ = _page(code)
    edits = [
        e
        for e in clean_and_explain(text, input_format="text", chain=DUMP_CHAIN).edits
        if e.cleaner == "lines"
    ]
    for e in edits:
        assert e.reason == "lines.furniture" and e.kind == "remove"
        assert e.detail.startswith("line model p(article)=") and e.before.strip() not in article


def test_the_model_alone_removes_the_menu_around_german_prose() -> None:
    """Furniture no phrase list names ("Alles rund ums Haus") goes by its shape and its place."""
    menu, article, _, _ = PAGES["de"]
    texts = ["Mein Konto", "Alles rund ums Haus", "Service & Hilfe", "Garten & Freizeit", *article]
    gone = decide(texts, "de", shipped_model())
    assert set(gone) >= {0, 1, 2, 3} and not set(gone) & set(range(4, len(texts)))


def test_a_text_the_model_would_empty_is_left_alone() -> None:
    texts = ["Home", "News", "Sport", "Contact"]
    assert decide(texts, "en", shipped_model()) == {}


def test_features_have_the_model_shape() -> None:
    rows = features(["Home", "The council approved the budget on Tuesday night."], "en")
    assert all(len(row) == len(FEATURES) for row in rows)
    assert len(shipped_model().weights) == len(FEATURES)


def test_a_model_for_other_features_is_refused() -> None:
    with pytest.raises(ValueError):
        LineModel.from_dict({"features": ["x"], "weights": [1.0], "bias": 0, "threshold": 0.5, "means": [0]})


SHAPES = st.sampled_from(
    [
        "Home",
        "Kontakt",
        "Service & Hilfe",
        "Most read",
        "12 comments",
        "Share | Tweet | Email",
        "Was meinen Sie?",
        "The council approved the new budget on Tuesday after a long debate about schools and buses.",
        "Der Stadtrat hat am Dienstag nach einer langen Debatte den Haushalt beschlossen.",
        "What changes for residents",
        "© 2026 Example Media",
    ]
)


@given(st.lists(SHAPES, min_size=1, max_size=30), st.sampled_from(["en", "de", None]))
def test_decisions_reach_a_fixed_point(texts: list[str], code: str | None) -> None:
    """What the model keeps, it keeps when asked again: one call reaches the fixed point."""
    gone = decide(texts, code, shipped_model())
    kept = [t for i, t in enumerate(texts) if i not in gone]
    assert decide(kept, code, shipped_model()) == {}


DETAIL = re.compile(
    r"line model p\(article\)=(0\.\d{3})"
    r"( in a run shaped like a (?:teaser list|comment thread): \d+ units of [a-z +]+, block p\(article\)=(0\.\d{3}))?: (.+)"
)


#: A page-level feature said with its value (`lines.VALUED`).
PAGE_VALUE = re.compile(r"a page of \d+% (?:prose|short lines)")


def test_every_removal_names_its_decisive_features() -> None:
    """Each removal says its score (below the threshold) and up to three features that pulled it
    towards furniture, in the plain words of `WORDING`, never the bare fallback. The teaser lists
    go without their heading: under it, the phrase rules take them first (`boilerplate._teasers`)."""
    edits = [
        e
        for code in LANGS
        for e in clean_and_explain(
            _page(code)[0].replace(PAGES[code][3][0] + "\n", ""), input_format="text", chain=DUMP_CHAIN
        ).edits
        if e.cleaner == "lines"
    ]
    assert edits
    words = {w for pair in WORDING.values() for w in pair} | set(WORDING_NONE.values())
    for e in edits:
        found = DETAIL.fullmatch(e.detail)
        assert found, e.detail
        model = shipped_model()
        block = float(found.group(3)) if found.group(2) else 1.0
        assert float(found.group(1)) < model.threshold or block < model.block_threshold
        named = [w for w in found.group(4).split(", ") if not PAGE_VALUE.fullmatch(w)]
        assert 1 <= len(found.group(4).split(", ")) <= 3 and set(named) <= words, named


def test_decisive_features_of_a_logistic_model() -> None:
    """weight × (value - mean), most negative first; features pulling towards article are not named."""
    n = len(FEATURES)
    weights = [0.0] * n
    weights[FEATURES.index("log_words")] = 2.0  # more words: article
    weights[FEATURES.index("stop_share")] = 1.0
    weights[FEATURES.index("ends_sentence")] = 3.0
    model = LineModel(tuple(weights), 0.0, 0.5, (1.0,) * n)
    x = [1.0] * n
    x[FEATURES.index("log_words")] = 0.5  # pull -1.0
    x[FEATURES.index("stop_share")] = 0.0  # pull -1.0 ... tied, ordered by feature index
    x[FEATURES.index("ends_sentence")] = 0.0  # pull -3.0
    x[FEATURES.index("digits")] = 5.0  # weight 0: no pull
    assert model.decisive(x) == ["no sentence end", "few words", "no function word"]
    x[FEATURES.index("ends_sentence")] = 2.0  # now pulls towards article: not named
    assert model.decisive(x, n=5) == ["few words", "no function word"]


def test_decisive_features_of_trees() -> None:
    """For trees, the change of node value at each split on the line's path (Saabas): a stump on
    `all_caps` sends a line in capitals to a lower leaf, and names that feature."""
    n = len(FEATURES)
    j = FEATURES.index("all_caps")
    stump = ((j, -1, -1), (0.5, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, 1.0, -2.0))
    model = LineModel((0.0,) * n, 0.0, 0.5, (0.0,) * n, (stump,))
    caps, plain = [0.0] * n, [0.0] * n
    caps[j] = 1.0
    assert model.decisive(caps) == ["in capitals"]
    assert model.decisive(plain) == []
    assert model.logit(caps) == -2.0 and model.logit(plain) == 1.0


@pytest.mark.parametrize(
    ("feature", "value", "left_low", "said"),
    [
        # a line without a comma sent to the low leaf: "no comma" (the log said "its commas" of a
        # recipe's "2 Eier", which has none)
        ("commas", 0.0, True, "no comma"),
        ("commas", 0.5, False, "many commas"),
        ("commas", 0.02, True, "few commas"),
        ("stop_share", 0.0, True, "no function word"),
        ("stop_share", 0.9, False, "many function words"),
        ("ends_sentence", 0.0, True, "no sentence end"),
        ("ends_sentence", 1.0, False, "a sentence end"),
        ("log_words", 0.0, True, "few words"),
        ("digits", 0.0, True, "no digit"),
        ("digits", 0.4, False, "digits"),
        # a page's share is the same on each of its lines: said with its value, whichever side pulled
        ("page_prose_share", 0.02, True, "a page of 2% prose"),
        ("page_prose_share", 0.4, False, "a page of 40% prose"),
    ],
)
def test_the_decisive_features_say_the_side_the_line_is_on(
    feature: str, value: float, left_low: bool, said: str
) -> None:
    """A stump on one feature whose low leaf (left) or high leaf (right) is the furniture side: the
    words say what the line showed, a low value or none at all, or a high one; the logistic model
    says the same by the side of the mean."""
    n = len(FEATURES)
    j = FEATURES.index(feature)
    leaves = (0.0, -2.0, 1.0) if left_low else (0.0, 1.0, -2.0)
    stump = ((j, -1, -1), (0.05, 0.0, 0.0), (1, -1, -1), (2, -1, -1), leaves)
    x = [0.0] * n
    x[j] = value
    assert LineModel((0.0,) * n, 0.0, 0.5, (0.0,) * n, (stump,)).decisive(x) == [said]
    weights = [0.0] * n
    weights[j] = 1.0 if left_low else -1.0
    means = [0.0] * n
    means[j] = 0.05
    assert LineModel(tuple(weights), 0.0, 0.5, tuple(means)).decisive(x) == [said]


def test_a_paragraph_without_spaces_is_prose_not_a_short_line() -> None:
    """Chinese and Japanese write no spaces between words: their paragraph counts its words by the
    script (`text.word_count`), so it is prose to the model and its guards, not a one-word line."""
    chinese = "东京电力公司周一表示，福岛第一核电站的处理水排放将于下周开始，并将持续大约三十年。"
    japanese = "東京電力は月曜日、福島第一原子力発電所の処理水の放出を来週から始めると発表しました。"
    for text in (chinese, japanese):
        row = features([text], None)[0]
        assert row[FEATURES.index("log_words")] > math.log1p(10)
        assert row[FEATURES.index("prose")] == 1.0
    menu = features(["首页"], None)[0]
    assert menu[FEATURES.index("log_words")] == math.log1p(1)


def _dump(code: str) -> str:
    """A whole-page dump: the page's menu, a longer menu of the site's sections, the article, its
    comment prompt and teasers, and a footer of short links: 30 lines and more, most of them short."""
    menu, article, prompt, teasers = PAGES[code]
    sections = [f"{line} {n}" for n in range(1, 6) for line in menu]
    return "\n".join(sections + menu + article + prompt + teasers + menu) + "\n"


@pytest.mark.parametrize("code", LANGS)
def test_the_default_chain_runs_the_model_on_a_dump(code: str) -> None:
    """A text that looks like a whole-page dump (many lines, most of them short and unpunctuated) gets
    the line model in the default chain too: the menus go, the article stays whole, as with `DUMP_CHAIN`."""
    text = _dump(code)
    lines = [t.strip() for t in text.splitlines() if t.strip()]
    assert looks_like_dump(lines)
    result = clean_and_explain(text, input_format="text", lang=code)
    out = [line for line in result.text.splitlines() if line.strip()]
    article = PAGES[code][1]
    assert [line for line in out if line in article] == article
    assert result.text == clean_and_explain(text, input_format="text", lang=code, chain=DUMP_CHAIN).text
    if code == "de":  # the site's menu, in words no phrase list names, goes by the model
        assert any(e.cleaner == "lines" for e in result.edits)


def test_an_article_from_html_gets_the_same_decision_as_its_text() -> None:
    """The model's test of a dump reads the text, never where it came from (the last shipped default
    chain skipped the model on HTML and ran it on the output cleaned again as text: a listing changed on
    a second clean). Here a model that scores every short line as furniture: a listing extracted from a
    page (a dump's share of short lines, but it opens with its title, no site header) is left whole, as
    HTML and as text; the same page taken whole (`main_content=False`: its menu opens the text) gets the
    model, and its output cleaned again as text is unchanged. (The items stand under a heading: right
    under a paragraph, numbered items are a data list the text holds, `lines_content`.)"""
    _, article, _, _ = PAGES["en"]
    items = "".join(f"<p>{name} {n}</p>" for n in range(1, 16) for name in ("Budget item", "Bus line"))
    menu = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(1, 9))
    html = (
        f"<html><body><nav><ul>{menu}</ul></nav><article><h1>Council approves the new budget</h1>"
        + "".join(f"<p>{p}</p>" for p in article[1:3])
        + f"<h2>{article[3]}</h2>{items}<p>{article[4]}</p></article></body></html>"
    )
    eager = LineModel((-3.0,) + (0.0,) * (len(FEATURES) - 1), 3.0, 0.5, (0.0,) * len(FEATURES))
    chain = DEFAULT_CHAIN.replace("lines", Lines(model=eager, dumps_only=True))
    for whole in (False, True):
        result = clean_and_explain(html, input_format="html", lang="en", chain=chain, main_content=not whole)
        assert any(e.cleaner == "lines" for e in result.edits) == whole
        assert ("Budget item 7" in result.text) != whole
        assert article[1] in result.text and article[4] in result.text
        again = clean_and_explain(result.text, input_format="text", lang="en", chain=chain)
        assert again.text == result.text and not any(e.cleaner == "lines" for e in again.edits)


@pytest.mark.parametrize("code", LANGS)
def test_the_default_chain_leaves_a_clean_text_to_the_phrase_rules(code: str) -> None:
    """The negative: an article with its headings (no menus, few short lines), however long, is no
    dump: the line model does not run on it in the default chain, and nothing of it goes."""
    article = PAGES[code][1]
    text = "\n".join(article * 6) + "\n"
    lines = [t.strip() for t in text.splitlines() if t.strip()]
    assert not looks_like_dump(lines) and not looks_like_dump(lines[:12])
    result = clean_and_explain(text, input_format="text", lang=code)
    assert not any(e.cleaner == "lines" for e in result.edits)


def test_a_short_text_is_no_dump() -> None:
    """Fewer than 30 lines is no dump, however short they are: a poem, a list, a recipe."""
    assert not looks_like_dump(["Home"] * 29)
    assert looks_like_dump(["Home"] * 30)
    # past any page's dump: a log or a list of 20,001 lines is left to the phrase rules (the model's
    # cost per line made a 1 MB text of short lines twice as slow)
    assert looks_like_dump(["Home"] * 20_000) and not looks_like_dump(["Home"] * 20_001)


def test_a_listing_without_a_site_header_is_no_dump() -> None:
    """A dump opens with the site's header (five short lines or more before the first paragraph); a
    listing extracted from a page opens with its title and a paragraph: no dump, however many short
    lines follow."""
    paragraph = "The council published the full list of the projects it funds this year, by district."
    listing = ["Projects funded in 2024", paragraph] + [f"Project {n}" for n in range(40)]
    assert not looks_like_dump(listing)
    assert not looks_like_dump(["Home", "News", "Sport"] + listing)  # with the title: four short lines
    assert looks_like_dump(["Home", "News", "Sport", "Weather"] + listing)


@pytest.mark.parametrize("code", LANGS)
def test_cleaning_a_dump_twice_changes_nothing(code: str) -> None:
    """The lines the model removes can leave the phrase rules new evidence (labels it separated now
    form one menu): the chain runs again after it, so a second clean of the output changes nothing."""
    menu, article, prompt, teasers = PAGES[code]
    labels = [f"{line} {n}" for n in range(1, 6) for line in menu]
    shows = [x for n in range(4) for x in ("Now playing", f"- {labels[n]}", "- Source:", labels[n + 5])]
    text = "\n".join(labels + shows + article + prompt + teasers + shows) + "\n"
    once = clean_and_explain(text, input_format="text", lang=code).text
    assert clean_and_explain(once, input_format="text", lang=code).text == once


# Per language: a byline's names and a time stamp's label between a headline and its text (what the
# phrase rules leave of a byline and a date cut at their links), a sentence introducing a list with a
# colon, and the list.
FRAMES = {
    "de": ("Anna Schmidt\nAktualisiert", "Die Verwaltung nennt drei Gründe für den Plan:", ["Mehr Geld für Schulen", "Neue Buslinien", "Stabile Gebühren"]),
    "en": ("Jane Doe\nUpdated", "The council gave three reasons for the plan:", ["More money for schools", "New bus lines", "Stable fees"]),
    "fr": ("Claire Dubois\nMis à jour", "La mairie avance trois raisons pour ce plan\u00a0:", ["Plus d'argent pour les écoles", "De nouvelles lignes", "Des tarifs stables"]),
    "es": ("Carlos García\nActualizado", "El ayuntamiento da tres razones para el plan:", ["Más dinero para las escuelas", "Nuevas líneas de autobús", "Tarifas estables"]),
    "it": ("Marco Rossi\nAggiornato", "Il comune indica tre ragioni per il piano:", ["Più fondi per le scuole", "Nuove linee di autobus", "Tariffe stabili"]),
}  # fmt: skip


def _site(code: str, article: list[str]) -> list[str]:
    """The lines of a whole-page dump around `article`: the site's sections above, its menu below."""
    menu = PAGES[code][0]
    return [f"{line} {n}" for n in range(1, 4) for line in menu] + article + menu * 2


@pytest.mark.parametrize("code", LANGS)
def test_a_headline_with_a_byline_between_it_and_the_text_stays(code: str) -> None:
    """Found by a new user: `--preset dump` removed a dump's headline (p(article) 0.138) when a line
    of its frame (the byline's names, a source) stood between it and the first paragraph. A line of two
    words or more whose paragraph follows within three lines, the lines between shorter than it, stays."""
    headline, *prose = PAGES[code][1][:3]
    texts = _site(code, [headline, *FRAMES[code][0].split("\n"), *prose])
    at = texts.index(headline)
    removed = decide(texts, code, shipped_model())
    assert at not in removed and not {at + 3, at + 4} & set(removed)
    assert held(features(texts, code)) >= {at}


@pytest.mark.parametrize("code", LANGS)
def test_a_list_introduced_by_a_sentence_ending_with_a_colon_stays(code: str) -> None:
    """Found by a new user: the short items of the article's list went as a run of short lines, here at
    the article's end (nothing but furniture after it, which the phrase rules removed): the items of a
    sentence ending with a colon stay, up to the next paragraph or the end of the text."""
    headline, first, second, *_ = PAGES[code][1]
    _, intro, items = FRAMES[code]
    menu, _, _, teasers = PAGES[code]
    footer = ["Facebook", "Twitter", "© 2024 Stadtanzeiger Nord"]  # furniture the phrase rules remove
    site = _site(code, [])[: 3 * len(menu)]
    for after in ([], [first]):  # at the article's end, and between two paragraphs
        text = "\n".join([*site, headline, first, second, intro, *items, *after, *footer]) + "\n"
        out = clean_and_explain(text, input_format="text", chain=DUMP_CHAIN).text.split("\n")
        assert [line for line in out if line][-len(items) - 2 - len(after) :] == [
            second,
            intro,
            *items,
            *after,
        ]
    assert held(features([first, second, intro, *items], code)) == {3, 4, 5}
    assert held(features([first, second, intro, *items, first], code)) == {3, 4, 5}
    # followed by the site's menu the phrase rules left (more short lines than a list holds), the items
    # cannot be told from its links: the model decides
    assert not held(features([first, second, intro, *items, *menu, *menu], code)) & {3, 4, 5}


@pytest.mark.parametrize("code", LANGS)
def test_short_lines_after_a_label_or_a_long_run_are_not_held(code: str) -> None:
    """The negatives: the links under a label ending with a colon ("Menü:", a word, no sentence), the
    thirty links of a menu under a sentence ending with a colon (more than a list's twelve items), and
    a short line above a longer one above prose (a menu label over a teaser title) are left to the model."""
    menu, article, _, _ = PAGES[code]
    prose = article[1]
    labelled = [prose, menu[0] + ":", *menu, *menu]
    assert not held(features(labelled, code)) - {0}
    long_run = [prose, FRAMES[code][1], *(f"{line} {n}" for n in range(5) for line in menu), prose]
    # (the last lines over the prose may be its heading: `HEAD_REACH`)
    assert not held(features(long_run, code)) & set(range(2, 2 + 5 * len(menu) - HEAD_REACH))
    teaser = [menu[1], menu[2], article[0] + " " + article[3], prose]
    assert 1 not in held(features(teaser, code))
