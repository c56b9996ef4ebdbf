"""A line's own verdict is remembered across passes and documents (`boilerplate._judgement`): what
the step decides must be what it decides on a fresh process, whatever it judged before."""

from __future__ import annotations

import pytest

from cleanmedia import DEFAULT_CHAIN, Result, clean_and_explain
from cleanmedia.cleaners import Boilerplate
from cleanmedia.cleaners.boilerplate import _judgement, _Page
from cleanmedia.cleaners.widgets import BAD, Verdict

BODY = (
    "Le conseil municipal a adopté mardi soir un texte attendu depuis longtemps par les habitants du "
    "quartier, après un débat qui a duré plus de trois heures.\n\nLes travaux commenceront au printemps "
    "et devraient durer dix-huit mois, selon le service des transports de la ville."
)
TITLE = "Le marché couvert rouvre après travaux"
CRUMB = f"Actualités - Régions - {TITLE}"
#: The same breadcrumb line: a trail ending in the page's own title where that title stands as a
#: heading, a line to keep where it does not (its verdict reads the text's titles).
WITH_TITLE = f"{CRUMB}\n\n{TITLE}\n\nPar Julien Moreau\n\n{BODY}\n"
WITHOUT_TITLE = f"{CRUMB}\n\nPar Julien Moreau\n\n{BODY}\n"


def fresh(text: str) -> Result:
    _judgement.cache_clear()
    return clean_and_explain(text)


@pytest.mark.parametrize("order", [(WITH_TITLE, WITHOUT_TITLE), (WITHOUT_TITLE, WITH_TITLE)])
def test_a_breadcrumb_is_judged_against_its_own_text(order: tuple[str, str]) -> None:
    _judgement.cache_clear()
    for text in order:
        result = clean_and_explain(text)
        assert (CRUMB in result.text) == (text is WITHOUT_TITLE)
        assert result == fresh(text)


def test_a_remembered_byline_still_gives_each_document_its_author() -> None:
    """The byline's author is proposed again for the second document (the judging's metadata is
    replayed with its verdict), in the log as in a fresh run."""
    _judgement.cache_clear()
    first = clean_and_explain(WITH_TITLE)
    second = clean_and_explain(WITH_TITLE.replace(BODY, BODY.replace("mardi", "jeudi")))
    assert first.metadata.author == second.metadata.author == "Julien Moreau"
    assert second == fresh(WITH_TITLE.replace(BODY, BODY.replace("mardi", "jeudi")))


def test_documents_sharing_lines_come_out_as_from_a_fresh_process() -> None:
    """Menus, footers and datelines shared by a site's pages, in two languages: each result equals the
    result of a fresh process."""
    shared = "Startseite\n\nPolitik\n\nSport\n\nVon Anna Schmidt | 12. März 2024, 14:30 Uhr\n\n"
    footer = "\n\nImpressum\n\nDatenschutzerklärung\n\n© 2024 Stadtanzeiger"
    bodies = [
        "Der Stadtrat hat am Dienstag nach einer langen Debatte den Haushalt für das kommende Jahr "
        "beschlossen, der vor allem mehr Geld für Schulen und den Nahverkehr vorsieht.",
        "Ab dem Frühjahr sollen die Busse in den Außenbezirken häufiger fahren, und die Gebühren für "
        "die Kindertagesstätten bleiben trotz der gestiegenen Kosten unverändert.",
        BODY,
    ]
    texts = [shared + body + footer for body in bodies]
    _judgement.cache_clear()
    warm = [clean_and_explain(t) for t in texts + texts]
    assert warm == [fresh(t) for t in texts + texts]
    assert all(r.metadata.author == "Anna Schmidt" for r in warm)


def test_a_notice_among_remembered_lines_is_still_found() -> None:
    """Only the lines not remembered are judged, and the notice phrases are searched in them alone:
    a cookie banner new to the step, among a page's remembered lines, goes as on a fresh process."""
    page = "Startseite\n\nPolitik\n\nSport\n\n{banner}\n\n" + BODY + "\n\nImpressum\n\nKontakt\n"
    banners = [
        "Wir verwenden Cookies, um Ihnen ein gutes Angebot zu machen. Alle akzeptieren",
        "Diese Website verwendet Cookies. Cookie-Einstellungen",
    ]
    _judgement.cache_clear()
    first = clean_and_explain(page.format(banner="Anmelden"))
    warm = [clean_and_explain(page.format(banner=b)) for b in banners]
    assert "Startseite" not in first.text
    assert warm == [fresh(page.format(banner=b)) for b in banners]
    assert all(
        b not in r.text and "Le conseil municipal" in r.text for b, r in zip(banners, warm, strict=True)
    )


def test_a_subclass_judging_otherwise_has_verdicts_of_its_own() -> None:
    """The remembered verdicts are the class's: a subclass that judges lines its own way (here: every
    line of a few words is a menu) is not answered with the shipped class's verdicts, nor the reverse."""

    class Menus(Boilerplate):
        def _judge(self, page: _Page, text: str) -> Verdict | None:
            if len(text.split()) <= 3:
                return Verdict(BAD, "boilerplate.menu", "every short line")
            return super()._judge(page, text)

    chain = DEFAULT_CHAIN.replace("boilerplate", Menus())
    text = f"{TITLE}\n\nPar Julien Moreau\n\n{BODY}\n\nÀ lire aussi\n"
    _judgement.cache_clear()
    shipped, own = clean_and_explain(text), clean_and_explain(text, chain=chain)
    assert "À lire aussi" not in own.text and own != shipped
    assert shipped == fresh(text)
    _judgement.cache_clear()
    assert clean_and_explain(text, chain=chain) == own
