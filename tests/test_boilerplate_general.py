"""Furniture injected into clean articles of seven languages: every injected line goes, no article line does."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cleanmedia import CONSERVATIVE_CHAIN, clean, clean_and_explain
from injection import Injected, documents

DOCS = list(documents())


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("doc", DOCS, ids=[f"{d.lang}-{i}" for i, d in enumerate(DOCS)])
def test_injected_furniture_is_removed_and_article_kept(doc: Injected) -> None:
    result = clean_and_explain(doc.text)
    out = _lines(result.text)
    article = [line for block in doc.article_lines for line in block.split("\n")]
    assert out == article, "\n".join(result.explain().split("\n")[:40])
    assert result.metadata.lang == doc.lang


def test_bylines_and_datelines_go_to_metadata() -> None:
    by_lang = {d.lang: clean_and_explain(d.text).metadata for d in DOCS if "Par Julien Moreau" in d.text}
    meta = by_lang["fr"]
    assert meta.author == "Julien Moreau" and meta.date == "2025-03-12"


@pytest.mark.parametrize("doc", list(documents(held_out=True)), ids=lambda d: d.lang)
def test_held_out_furniture_never_costs_an_article_line(doc: Injected) -> None:
    out = _lines(clean_and_explain(doc.text).text)
    article = [line for block in doc.article_lines for line in block.split("\n")]
    assert [line for line in out if line in article] == article


# A crawler's text dump of a whole page: navigation menus around the article, as list items.
NAV_TOP = ["• News", "• World", "• Business", "• Contact Us", "Sections", "• Real Estate", "• Opinion"]
NAV_BOTTOM = ["About", "• Careers", "• Terms of Use", "• Advertise With Us", "• Help Center"]
ARTICLE = [
    "Council Approves the New Budget",
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night.",
    "Three items drew the most attention:",
    "• Parks",
    "• Public Libraries",
    "• Street Lighting",
    "The mayor said the plan would be reviewed again in the spring, once the first figures are known.",
]


def _menu_removed(text: str) -> list[str]:
    return [e.before.strip() for e in clean_and_explain(text).edits if e.reason == "boilerplate.menu"]


def test_page_dump_menus_go_and_the_article_stays_whole() -> None:
    text = "\n".join(NAV_TOP + ARTICLE + NAV_BOTTOM) + "\n"
    out = _lines(clean_and_explain(text).text)
    assert out == ARTICLE  # the short list inside the article stays; "Sections" and "About" go as enclosed
    assert "• News" in _menu_removed(text)


@pytest.mark.parametrize(
    "items",
    [
        ["• Parks", "• Public Libraries", "• Street Lighting", "• Bridges"],  # one short list, no page menus
        ["• 2 Eggs", "• 1 Cup Milk", "• 200 g Flour", "• Butter", "• Salt", "• Sugar", "• Yeast", "• Honey"],
        [
            "• Challenges coming soon",
            "• Better phone support",
            "• More levels",
            "• Bugs fixed",
            "• New maps",
            "• Faster saves",
            "• Cloud sync",
            "• Dark mode",
        ],  # sentence case: what a list of changes looks like
    ],
)
def test_lists_before_the_article_that_are_not_menus_stay(items: list[str]) -> None:
    text = "\n".join(items + ARTICLE[1:2] + ARTICLE[-1:]) + "\n"
    assert _lines(clean_and_explain(text).text) == items + ARTICLE[1:2] + ARTICLE[-1:]


def test_a_short_title_right_after_a_menu_stays() -> None:
    text = "\n".join(NAV_TOP + ["Budget Vote Tonight"] + ARTICLE[1:] + NAV_BOTTOM) + "\n"
    assert _lines(clean_and_explain(text).text) == ["Budget Vote Tonight", *ARTICLE[1:]]


def test_instructions_in_the_imperative_stay() -> None:
    """Calls to action and instructions share their verbs: only unambiguous furniture phrases go."""
    text = (
        "The bundle is cheaper if you buy it before the end of the month, the company said on Monday.\n\n"
        "• Sign up for an ad-free account\n"
        "• Subscribe to the bundle with the same email\n"
        "• Inscrivez-vous avant le 3 mars\n\n"
        "The offer ends on Friday, and prices will rise for everyone who has not switched by then.\n\n"
        "More in Technology\n"
    )
    out = _lines(clean_and_explain(text, lang="en").text)
    assert "• Sign up for an ad-free account" in out and "• Inscrivez-vous avant le 3 mars" in out
    assert "More in Technology" not in out


def test_single_letters_are_no_evidence_of_a_line_language() -> None:
    """Found by the survival property: "N1, N2" made Spanish list items look French (French has "n'"),
    and as widget text in another language they went."""
    items = [
        "• la línea N1, entre la estación y el hospital;",
        "• la línea N2, hacia la universidad;",
    ]
    article = (
        "El ayuntamiento anunció el lunes que las líneas nocturnas de autobús funcionarán hasta las cuatro "
        "de la madrugada a partir del próximo mes."
    )
    text = "\n\n".join(["Sections", "\n".join(items), "Follow Me", article]) + "\n"
    out = _lines(clean_and_explain(text).text)
    assert out == ["Sections", *items, article]  # a short line next to article text stays


def test_repairs_work_in_the_language_left_once_furniture_went() -> None:
    """French furniture around a short Spanish article made the text French until it went: French
    spacing must not reach the Spanish quotes."""
    quote = (
        "«Queríamos que nadie tuviera que elegir entre salir y volver a casa seguro», explicó la concejala."
    )
    article = (
        "Los sábados y domingos habrá un autobús cada quince minutos en las tres líneas principales. "
        "El coste anual de la ampliación se estima en un millón de euros."
    )
    text = "\n\n".join(["Lire aussi : un autre article", "Lire aussi : un autre article", article, quote])
    result = clean_and_explain(text)
    assert _lines(result.text) == [article, quote] and result.metadata.lang == "es"


def test_lines_are_foreign_to_the_article_not_to_the_furniture() -> None:
    """Found by fuzzing: English furniture outweighed a short Italian article, so its quote looked like
    widget text in another language and went. The article's language is checked without the furniture."""
    items = "• un'area per i prodotti biologici;\n• una cucina aperta per i corsi di cucina;"
    quote = (
        "«Piano piano siamo riusciti a convincere tutti», ha raccontato l'assessore durante l'inaugurazione."
    )
    cookie = "We use cookies to improve your experience."
    text = "\n\n".join([cookie, "More in World", *["• World"] * 7, "• News", "• Sport", items, cookie, quote])
    result = clean_and_explain(text)
    assert _lines(result.text) == [*items.split("\n"), quote] and result.metadata.lang == "it"


HEADLINE_CASES = [
    (
        "de",
        "Bundestag beschließt neues Heizungsgesetz",
        "Von Anna Schmidt | 12. März 2024, 14:30 Uhr",
        "Der Bundestag hat am Donnerstag das neue Heizungsgesetz beschlossen, nach monatelangen Debatten in "
        "der Koalition.\n\nDie Opposition kündigte an, gegen das Gesetz vor dem Verfassungsgericht zu klagen.",
        ("Anna Schmidt", "2024-03-12"),
    ),
    (
        "en",
        "Storm Ciarán batters northern France",
        "By John Miller",
        "Storm Ciarán hit the coast of Brittany overnight, with winds of up to 200 km/h, leaving a million "
        "homes without power.\n\nThe authorities closed schools across the region on Thursday.",
        ("John Miller", None),
    ),
]


@pytest.mark.parametrize(("code", "headline", "byline", "body", "meta"), HEADLINE_CASES, ids=["de", "en"])
def test_a_headline_above_a_byline_stays_and_becomes_the_title(
    code: str, headline: str, byline: str, body: str, meta: tuple[str, str | None]
) -> None:
    """Found by a new user: the byline went to the metadata and took the article's headline with it (a
    short unpunctuated line 'enclosed' by the text's edge and the byline). A byline or a dateline is the
    article's frame: the headline-like line above it stays when the article's prose follows."""
    result = clean_and_explain(f"{headline}\n\n{byline}\n\n{body}\n")
    assert result.text == f"{headline}\n\n{body}\n"
    assert result.metadata.lang == code and result.metadata.title == headline
    assert (result.metadata.author, result.metadata.date) == meta


# A short headline, a line of the article's frame under it (tags, share buttons, a byline, a date) and
# the article: (language, headline, frame line, article, author and date the metadata gets).
FRAMED_HEADLINES = [
    (
        "de",
        "Stadtrat beschließt neue Nachtbuslinien",
        "Tags: Verkehr, Stadtrat, Nachtbus",
        "Der Stadtrat hat am Dienstag beschlossen, ab dem Sommer drei neue Nachtbuslinien einzurichten, die "
        "die Außenbezirke mit der Innenstadt verbinden.\n\nDie Kosten von rund zwei Millionen Euro im Jahr "
        "teilen sich die Stadt und die Verkehrsbetriebe.",
        (None, None),
    ),
    (
        "en",
        "Council backs night buses",
        "Share this article",
        "The city council voted on Tuesday to run three night buses from the summer, linking the outer "
        "districts with the centre.\n\nThe buses will cost about two million pounds a year, a spokesman said.",
        (None, None),
    ),
    (
        "fr",
        "Grève générale à Marseille",
        "Par Claire Dubois",
        "Une grève générale a paralysé Marseille mardi, à l'appel des syndicats opposés à la réforme des "
        "retraites.\n\nLes transports en commun étaient presque à l'arrêt dans toute la ville.",
        ("Claire Dubois", None),
    ),
    (
        "es",
        "Huelga general en Madrid",
        "Por Carlos García",
        "Una huelga general paralizó Madrid el martes, convocada por los sindicatos contra la reforma de las "
        "pensiones.\n\nEl transporte público funcionó con servicios mínimos en toda la ciudad.",
        ("Carlos García", None),
    ),
    (
        "it",
        "Sciopero generale a Milano",
        "12 marzo 2024",
        "Uno sciopero generale ha bloccato Milano martedì, indetto dai sindacati contro la riforma delle "
        "pensioni.\n\nI mezzi pubblici hanno garantito soltanto le fasce di servizio minimo in tutta la città.",
        (None, "2024-03-12"),
    ),
    (
        "pl",
        "Strajk generalny w Krakowie",
        "Autor: Jan Kowalski",
        "Strajk generalny sparaliżował we wtorek Kraków, a związki zawodowe protestowały przeciwko reformie "
        "emerytalnej.\n\nKomunikacja miejska działała tylko w ograniczonym zakresie w całym mieście.",
        ("Jan Kowalski", None),
    ),
]


@pytest.mark.parametrize(
    ("code", "headline", "frame", "body", "meta"), FRAMED_HEADLINES, ids=[c[0] for c in FRAMED_HEADLINES]
)
@pytest.mark.parametrize("above", ["", "Lokales\n\n", "Home | News | Sport | Culture | Weather\n\n"])
def test_a_headline_above_the_articles_frame_stays_and_becomes_the_title(
    code: str, headline: str, frame: str, body: str, meta: tuple[str | None, str | None], above: str
) -> None:
    """The frame line goes (bylines and dates to the metadata), the headline above it stays, also under
    furniture that goes (a section label, a menu): it names what the text below it is about."""
    result = clean_and_explain(f"{above}{headline}\n\n{frame}\n\n{body}\n")
    assert result.text == f"{headline}\n\n{body}\n"
    assert result.metadata.lang == code and result.metadata.title == headline
    assert (result.metadata.author, result.metadata.date) == meta
    assert clean_and_explain(result.text).text == result.text


GERMAN_ARTICLE = FRAMED_HEADLINES[0][3]


@pytest.mark.parametrize(
    "top",
    [
        "Verkehr und Mobilität\n\nTags: Verkehr, Stadtrat, Nachtbus",  # a section label sharing one word
        "Lokales und Region\n\nTags: Verkehr, Stadtrat, Nachtbus",  # a menu label above the tags
        "Politik\n\nVon Anna Schmidt",  # a section label above a byline: one word
        "Politik\n\n12. März 2024",  # ... above a date
        "Home | News | Sport | Culture | Weather\n\nLokales und Region\n\nDiesen Artikel teilen:",  # under a menu
    ],
)
def test_a_label_or_site_name_above_the_frame_still_goes(top: str) -> None:
    assert clean_and_explain(f"{top}\n\n{GERMAN_ARTICLE}\n").text == f"{GERMAN_ARTICLE}\n"


@settings(max_examples=40, deadline=None)
@given(
    label=st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü", min_size=3, max_size=10), min_size=1, max_size=4
    ),
    frame=st.sampled_from(["Tags: Verkehr, Stadtrat, Nachtbus", "Artikel teilen"]),
    above=st.sampled_from(["", "Home | News | Sport | Culture | Weather\n\n"]),
)
def test_a_short_line_sharing_under_two_stems_with_the_article_never_stays_above_tags_or_share_buttons(
    label: list[str], frame: str, above: str
) -> None:
    """Whatever its words, a short line above tags (or above share buttons under other furniture) whose
    words the article does not share (a menu label, a section name) goes as before: only a line naming
    what the article is about stays."""
    article = {w[:5] for w in GERMAN_ARTICLE.lower().split()}
    assume(sum(w[:5] in article for w in label) < 2)
    assume(frame.startswith("Tags") or above)  # share buttons at the text's start: see the next test
    line = " ".join(w.capitalize() for w in label)
    result = clean_and_explain(f"{above}{line}\n\n{frame}\n\n{GERMAN_ARTICLE}\n").text
    assert result == f"{GERMAN_ARTICLE}\n"


@settings(max_examples=40, deadline=None)
@given(
    label=st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü", min_size=3, max_size=10), min_size=2, max_size=4
    ),
    frame=st.sampled_from(["12. März 2024", "Von Anna Schmidt", "12.03.2024, 14:05 Uhr von Max Muster"]),
    above=st.sampled_from(["", "Home | News | Sport | Culture | Weather\n\n", "Lokales\n\n"]),
)
def test_a_line_of_two_words_or_more_right_above_a_byline_or_date_stays_as_the_title(
    label: list[str], frame: str, above: str
) -> None:
    """Found by a new user: a short headline ("Streit um Windräder") above its byline went as a short
    line among furniture, and the title with it. What stands right above the article's byline or date,
    then its prose, is its title whatever its words: it stays (precision first; a site's name there
    stays too) and becomes the metadata title. One word ("Politik") is a section's name and goes."""
    line = " ".join(w.capitalize() for w in label)
    result = clean_and_explain(f"{above}{line}\n\n{frame}\n\n{GERMAN_ARTICLE}\n")
    assert result.text == f"{line}\n\n{GERMAN_ARTICLE}\n"
    assert result.metadata.title == line
    assert clean_and_explain(result.text).text == result.text


# A short headline at the start of a text, the share buttons or the byline under it, the article.
SHORT_HEADLINES = [
    ("de", "Streit um Windräder", "Von Max Muster", GERMAN_ARTICLE),
    ("de", "Neue Brücke eröffnet", "Diesen Artikel teilen:", GERMAN_ARTICLE),
    ("en", "Night buses return", "Share this article", FRAMED_HEADLINES[1][3]),
    ("fr", "Grève à Marseille", "Partager sur X", FRAMED_HEADLINES[2][3]),
    ("es", "Huelga en Madrid", "Compartir en X", FRAMED_HEADLINES[3][3]),
    ("it", "Sciopero a Milano", "Condividi questo articolo", FRAMED_HEADLINES[4][3]),
    ("pl", "Strajk w Krakowie", "Udostępnij Facebook Wykop", FRAMED_HEADLINES[5][3]),
    (
        "pt",
        "Greve geral em Lisboa",
        "Por Ana Costa",
        "Uma greve geral paralisou Lisboa na terça-feira, convocada pelos sindicatos contra a reforma das "
        "pensões.\n\nOs transportes públicos funcionaram apenas com serviços mínimos em toda a cidade.",
    ),
    (
        "nl",
        "Staking in Rotterdam",
        "Deel dit bericht",
        "Een algemene staking legde dinsdag Rotterdam stil, uitgeroepen door de vakbonden tegen de "
        "pensioenhervorming.\n\nHet openbaar vervoer reed in de hele stad alleen een minimale dienstregeling.",
    ),
]


@pytest.mark.parametrize(
    ("code", "headline", "frame", "body"), SHORT_HEADLINES, ids=[c[1] for c in SHORT_HEADLINES]
)
def test_a_short_headline_at_the_start_above_a_byline_or_share_buttons_stays(
    code: str, headline: str, frame: str, body: str
) -> None:
    """Found by a new user: a headline of fewer than five words followed by a byline or a share line went
    as a short unpunctuated line among furniture, and the title with it. At the start of a text it is
    the title whatever its words (the frame goes, a byline's name to the metadata)."""
    result = clean_and_explain(f"{headline}\n\n{frame}\n\n{body}\n", input_format="text")
    assert result.text == f"{headline}\n\n{body}\n"
    assert result.metadata.lang == code and result.metadata.title == headline
    assert clean_and_explain(result.text, input_format="text").text == result.text


def test_a_teaser_title_below_the_article_start_is_no_headline() -> None:
    """Only the top of the text holds the headline: a title with a date under it after prose is a
    teaser, and goes as before."""
    lead = "Die Stadt hat am Montag einen neuen Haushalt vorgelegt, der mehr Geld für Schulen vorsieht."
    teaser = "Artikel teilen\n\nStadtrat beschließt neue Nachtbuslinien\n\n12. März 2024"
    result = clean_and_explain(f"{lead}\n\n{teaser}\n\n{GERMAN_ARTICLE}\n")
    assert result.text == f"{lead}\n\n{GERMAN_ARTICLE}\n"


@pytest.mark.parametrize(
    ("label", "author", "date"),
    [
        ("Autor: Max Müller | 12. März 2024", "Max Müller", "2024-03-12"),
        ("Von: Max Müller", "Max Müller", None),
        ("By: Ann Lowe", "Ann Lowe", None),
        ("Author: Ann Lowe, 12 March 2024", "Ann Lowe", "2024-03-12"),
        ("Posted: 12 March 2024", None, "2024-03-12"),
    ],
)
def test_a_byline_or_dateline_with_a_colon_after_its_label_goes_to_the_metadata(
    label: str, author: str | None, date: str | None
) -> None:
    german = "Max" in label
    headline = "Stadtrat beschließt den Haushalt" if german else "Council backs cycle lanes"
    body = (
        "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen, nach einer langen Debatte."
        if german
        else "The council approved the new budget on Tuesday after a long debate about the buses of the city."
    )
    result = clean_and_explain(f"{headline}\n\n{label}\n\n{body}\n")
    assert label not in result.text and result.text.endswith(f"{body}\n")
    assert (result.metadata.author, result.metadata.date) == (author, date)


def test_a_line_that_only_starts_like_a_dateline_stays() -> None:
    text = "Posted in the garden, the statue was admired by many visitors who came from far away.\n"
    assert clean_and_explain(text).text == text


@pytest.mark.parametrize(
    "line",
    [
        'Under the new rules, a banner saying "We use cookies to improve your experience" will no longer be '
        "enough, regulators said.",
        "Related: the ruling affects 400 million users across the bloc, the commission added.",
    ],
)
def test_prose_that_quotes_or_starts_like_furniture_stays(line: str) -> None:
    """Found by a fresh user's test: a quoted cookie notice and a sentence after "Related:" were removed."""
    text = (
        "EU tightens privacy rules\n\n"
        + line
        + "\n\nThe commission published the new rules on Tuesday after two years of consultation.\n"
    )
    assert line in clean_and_explain(text, lang="en").text


def test_a_title_case_heading_after_a_byline_word_is_not_an_author() -> None:
    body = "El gobierno y los sindicatos firmaron el acuerdo el martes, después de meses de negociaciones.\n"
    result = clean_and_explain(f"Por Fin Un Acuerdo\n\n{body}", lang="es")
    assert result.metadata.author is None
    # "Fin" is as much French as Spanish and the body never writes it in lower case: the heading is
    # left as written and flagged (issue 13: heading case lowers only words shown to be common words)
    assert result.text.startswith("Por Fin Un Acuerdo\n")
    assert [e.reason for e in result.flags if e.cleaner == "heading_case"] == ["heading.case.name"]
    shown = clean_and_explain(f"Por Fin Un Acuerdo\n\n{body}Por fin hay paz.\n", lang="es")
    assert shown.metadata.author is None and shown.text.startswith("Por fin un acuerdo\n")


def test_japanese_paragraphs_between_furniture_stay() -> None:
    """A Japanese paragraph has no spaces: one "word" that ends with an ideographic full stop. It is a
    sentence, not a short unpunctuated line for the furniture around it to take."""
    article = [
        "市議会は火曜日の夜、長い議論の末に来年度の予算案を可決した。",
        "野党は、数字が会議の数日前にしか示されなかったと批判した。",
        "市長は「秋にもう一度計画を見直したい」と述べた。",
    ]
    text = "Home | News | Sport | Contact\n" + "\n".join(article) + "\n© 2026 Example Media\n"
    out = clean(text, input_format="text").splitlines()
    assert [line for line in out if line] == article


def test_a_heading_is_no_copy_of_itself_when_the_page_title_differs() -> None:
    """Found by a helper: with the page's title "Story 1" (too short to be the text's first heading),
    the first three-word line became a second title and was removed as a copy of the first."""
    first = (
        "Der Stadtrat hat am Montag beschlossen, das Nachtbusnetz in die nördlichen Stadtteile zu "
        "verlängern, nachdem sich Anwohner seit einem Jahr beschwert hatten."
    )
    second = "Die Bürgermeisterin sagte, die neuen Linien sollen im März starten und zwei Millionen kosten."
    page = (
        "<html><head><title>Story 1</title></head><body><article><h1>Story 1</h1>"
        f"<p>{first}</p><p>Neue Linien im Norden</p><p>{second}</p></article></body></html>"
    )
    result = clean_and_explain(page)
    assert "Neue Linien im Norden" in _lines(result.text)
    assert not [e for e in result.edits if e.reason == "boilerplate.repeated"]
    title = "Stadtrat beschließt neue Nachtbuslinien"
    copies = f"{title}\n\n{first}\n\n{title}\n\n{second}\n"
    assert _lines(clean_and_explain(copies).text) == [title, first, second]  # a real copy still goes


# Two ordinary article paragraphs per language, for a sentence under test to stand between.
PARAGRAPHS = {
    "de": (
        "Der Stadtrat hat am Montag beschlossen, das Nachtbusnetz in die nördlichen Stadtteile zu "
        "verlängern, nachdem sich Anwohner beschwert hatten.",
        "Die Kosten von rund zwei Millionen Euro im Jahr sollen zum Teil über höhere Parkgebühren gedeckt "
        "werden, sagte die Bürgermeisterin.",
    ),
    "en": (
        "The regulator announced the decision on Monday after an inquiry that lasted almost three years.",
        "The company said it would appeal the ruling and had already set aside money for the penalty.",
    ),
    "fr": (
        "Le régulateur a annoncé sa décision lundi après une enquête qui a duré près de trois ans.",
        "L'entreprise a déclaré qu'elle ferait appel et qu'elle avait déjà provisionné la somme.",
    ),
    "es": (
        "El regulador anunció la decisión el lunes tras una investigación que duró casi tres años.",
        "La empresa dijo que recurriría la resolución y que ya había reservado el dinero de la multa.",
    ),
    "it": (
        "L'autorità ha annunciato la decisione lunedì dopo un'indagine durata quasi tre anni.",
        "L'azienda ha detto che farà ricorso e che ha già accantonato la somma per la multa.",
    ),
    "pl": (
        "Urząd ogłosił decyzję w poniedziałek po postępowaniu, które trwało prawie trzy lata.",
        "Firma zapowiedziała odwołanie od decyzji i zarezerwowała już pieniądze na karę.",
    ),
}


def _between(code: str, line: str, html: bool) -> str:
    first, last = PARAGRAPHS[code]
    if html:
        body = "".join(f"<p>{p}</p>" for p in (first, line, last))
        return f"<html><body><article><h1>Titel</h1>{body}</article></body></html>"
    return f"Titel\n\n{first}\n\n{line}\n\n{last}\n"


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
@pytest.mark.parametrize("chain", [None, CONSERVATIVE_CHAIN], ids=["default", "conservative"])
@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("de", "Das Impressum der Seite fehlte, kritisierte die Behörde."),
        ("de", "Wir verwenden Cookies nicht, versicherte der Sprecher."),
        ("de", "© Die Stiftung hält die Rechte an dem Bild, sagte der Sprecher."),
        ("en", "Privacy policy changes at Meta drew a fine of 1.2 billion euros."),
        ("pl", "Polityka prywatności firmy została skrytykowana przez UODO."),
        ("fr", "Les mentions légales du site étaient absentes, selon la CNIL."),
        (
            "es",
            "Todos los derechos reservados: así rezaba el aviso que la editorial retiró ayer tras la sentencia.",
        ),
        (
            "it",
            "Tutti i diritti riservati, recitava la scritta sotto le foto che il giornale ha poi rimosso.",
        ),
        ("pl", "Wszelkie prawa zastrzeżone – tak brzmiała formułka, którą wydawca umieścił pod zdjęciami."),
        (
            "de",
            "Wer die Seite besucht, sieht zuerst einen Hinweis: Wir verwenden Cookies. Doch was danach mit den "
            "Daten geschieht, bleibt für die meisten Leser unsichtbar, wie eine Auswertung der "
            "Verbraucherzentrale zeigt: Sie untersuchte über 200 Nachrichtenseiten.",
        ),
        ("fr", "Nous utilisons des cookies depuis 2019, a reconnu le directeur devant la commission."),
        ("es", "Los responsables explicaron que la política de privacidad de la empresa cambió en marzo."),
        # Reported speech: the sentence says who said it, as no notice does; "us", "you", "our" beside
        # it are the speaker's, not a banner's.
        ("en", "We use cookies, said the baker, so you should come early."),
        ("en", "We use cookies in our cakes, said the baker."),
        ("en", "We use cookies, the baker told us."),
        ("en", "Accept all cookies, the clerk joked, and laughed at us."),
        ("de", "Wir verwenden Cookies, sagte der Bäcker."),
        ("de", "„Wir verwenden Cookies“, sagte der Bäcker, „und die Kinder lieben sie.“"),
        ("fr", "Nous utilisons des cookies, a dit le boulanger, et vous allez adorer."),
        ("es", "Utilizamos cookies en nuestras tartas, dijo el panadero."),
        ("it", "Questo sito utilizza cookie, ha scritto un lettore alla nostra redazione."),
        ("pl", "Używamy plików cookie, powiedział nam piekarz."),
        ("fr", "Ce site utilise des cookies sans demander l'accord des lecteurs, a constaté la CNIL mardi."),
        ("es", "Utilizamos cookies solo para la cesta de la compra, insistió la empresa en su respuesta."),
        ("it", "Questo sito utilizza cookie senza chiedere il consenso, ha stabilito il Garante martedì."),
        # Found by a new user: the notice sentence goes on from the article's own sentence, which speaks
        # to no reader (a banner opens with its notice, a title or words to "you").
        ("de", "Ab Mai gelten neue Regeln. Wir verwenden Cookies nur mit Zustimmung, heißt es künftig."),
        ("en", "New rules apply from May. We use cookies only with your consent, many sites will say."),
        (
            "fr",
            "Dès le mois de mai, les règles changent. Nous utilisons des cookies avec votre accord, diront-ils.",
        ),
    ],
)
def test_a_sentence_that_reports_on_a_notice_stays(code: str, line: str, chain: object, html: bool) -> None:
    """Found by a new user: article sentences holding a notice phrase ("Impressum", "Wir verwenden
    Cookies", "©", "Todos los derechos reservados") were removed whole, in text and in HTML."""
    first, last = PARAGRAPHS[code]
    options = {"chain": chain} if chain is not None else {}
    out = clean(_between(code, line, html), **options)  # type: ignore[arg-type]
    assert [p for p in out.split("\n") if p.strip() and p != "Titel"] == [first, line, last]


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("de", "Wir verwenden Cookies. Mehr erfahren | OK"),
        ("de", "© 2024 Verlag GmbH. Alle Rechte vorbehalten."),
        ("de", "Impressum"),
        ("de", "Wir verwenden Cookies, um unsere Website für Sie optimal zu gestalten."),
        ("de", "Diese Website verwendet Cookies, um die Nutzung der Seiten zu analysieren."),
        (
            "de",
            "Diese Website verwendet Cookies. Weitere Informationen finden Sie in unserer Datenschutzerklärung.",
        ),
        (
            "en",
            "We use cookies to improve your experience on our site. By using our site you accept our use of cookies.",
        ),
        ("en", "This site uses cookies. Find out more."),
        ("en", "Copyright © 2024 Example Media Inc. All rights reserved."),
        ("en", "Privacy Policy"),
        ("fr", "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site web."),
        ("es", "Utilizamos cookies propias y de terceros para mejorar nuestros servicios."),
        ("es", "© 2024 Diario Ejemplo. Todos los derechos reservados."),
        ("de", "© 2021, Die Nutzung der Inhalte ist nur mit Genehmigung der Redaktion erlaubt."),
        ("it", "Questo sito utilizza cookie tecnici e di profilazione."),
        ("it", "© Riproduzione riservata"),
        ("pl", "Używamy plików cookie, aby zapewnić najlepszą jakość korzystania z naszej witryny."),
        ("pl", "Ta strona używa plików cookie, które pozwalają na analizę ruchu."),
        # Banners that speak to "you" and name no speaker still go.
        ("en", "We use cookies as set out in our cookie policy. You can change your settings at any time."),
        ("de", "Wir verwenden Cookies. Mehr dazu erfahren Sie in unserer Datenschutzerklärung."),
        ("fr", "Nous utilisons des cookies pour améliorer votre expérience sur notre site."),
        ("es", "Utilizamos cookies para que usted tenga la mejor experiencia de usuario."),
        ("it", "Questo sito utilizza cookie per migliorare la tua esperienza."),
        # a banner's button a dump cut out, in its quotes: the quotes quote nothing
        ("en", '“Accept All Cookies,"'),
        # a banner that opens with a title or with words to the reader, not with a sentence of prose
        ("de", "Datenschutz. Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten."),
        ("en", "We value your privacy. We use cookies to enhance your browsing experience."),
        (
            "de",
            "Wir und unsere Partner verarbeiten Daten. Wir verwenden Cookies, um Inhalte zu personalisieren.",
        ),
        ("en", "Cookie settings. This website uses cookies to ensure you get the best experience."),
    ],
)
def test_a_notice_between_article_paragraphs_still_goes(code: str, line: str) -> None:
    """The negatives of the test above: banners and copyright lines between paragraphs still go."""
    first, last = PARAGRAPHS[code]
    out = clean(_between(code, line, False), input_format="text")
    assert [p for p in out.split("\n") if p.strip() and p != "Titel"] == [first, last]


@pytest.mark.parametrize(
    ("lang", "credit"),
    [
        ("de", "Foto: dpa"),
        ("de", "Bild: Anna Müller / Stadtarchiv"),
        ("en", "Photo: Reuters"),
        ("es", "Foto: EFE"),
    ],
)
def test_a_photo_credit_line_goes(lang: str, credit: str) -> None:
    """Found by a new user: "Foto: dpa" stayed, because the data's labels keep their colon ("foto:") and
    the line's label was looked up without it. A caption sentence and a label without its colon stay."""
    first = (
        "The council voted on Monday to extend the night bus network to the northern districts of the city."
    )
    second = "The mayor said the new lines would start in March and cost about two million euros a year."
    assert _lines(clean_and_explain(f"{first}\n\n{credit}\n\n{second}\n", lang=lang).text) == [first, second]
    for kept in ("Photo ID and a bank card are needed to register, the clerk said.", "Photo of the week"):
        text = f"{first}\n\n{kept}\n\n{second}\n"
        assert _lines(clean_and_explain(text, lang="en").text) == [first, kept, second]


@pytest.mark.parametrize("prompt", ["Jetzt kommentieren", "Kommentar verfassen", "Diskutieren Sie mit"])
def test_german_comment_prompts_go(prompt: str) -> None:
    """Comment prompts a new user found surviving between two paragraphs of a German article."""
    first = (
        "Der Stadtrat hat am Montag beschlossen, das Nachtbusnetz in die nördlichen Stadtteile zu verlängern."
    )
    second = (
        "Die Bürgermeisterin sagte, die neuen Linien sollen im März starten und zwei Millionen Euro kosten."
    )
    assert _lines(clean_and_explain(f"{first}\n\n{prompt}\n\n{second}\n", lang="de").text) == [first, second]


def test_a_lone_word_left_from_a_menu_is_no_title() -> None:
    """Found by a new user: a dump's menu labels that stay ("UK", "Abo") were taken for the title."""
    text = (
        "UK\nWorld\nPolitics\n\nTrains cancelled as storm hits the coast\n\n"
        "Hundreds of trains were cancelled on Monday as a storm hit the south coast, the operator said.\n\n"
        "The storm is expected to move north overnight, forecasters said on Monday evening.\n"
    )
    assert clean_and_explain(text, lang="en").metadata.title == "Trains cancelled as storm hits the coast"
