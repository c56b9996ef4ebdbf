"""Hard-wrapped text where nouns take capitals (German): half its lines start with a noun, which no
longer hides the wrap (a new user's text was cut mid-sentence into paragraphs: "... zum kommenden" /
"Jahr zu erhöhen."). A line that ends on an open word (lower case, or a function word) in prose counts
as going on; short lines, lists of headlines, verse and addresses stay as they were. The languages
whose nouns are in lower case unwrap as before (their lines go on in lower case)."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.strip().split("\n\n")]


WRAPPED = [
    (
        "de",
        "Der Stadtrat hat am Dienstag beschlossen, die Gebühren für die\n"
        "Müllabfuhr im nächsten Jahr anzuheben. Nach Angaben der\n"
        "Verwaltung steigen die Kosten für einen Haushalt um etwa zwölf\n"
        "Euro im Jahr. Die Fraktionen der Opposition stimmten gegen die\n"
        "Vorlage und verlangten eine genauere Prüfung der Kalkulation.\n\n"
        "Der Mieterverein kritisierte die Erhöhung. Gerade Familien mit\n"
        "geringem Einkommen würden durch die steigenden Nebenkosten stark\n"
        "belastet, sagte die Vorsitzende des Vereins am Abend.\n",
    ),
    (
        "de",
        "Die Landesregierung will in den kommenden fünf Jahren den Ausbau der\n"
        "Radwege deutlich beschleunigen. Nach Angaben des zuständigen\n"
        "Ministeriums stehen dafür insgesamt rund 400 Millionen Euro für die\n"
        "Kommunen bereit. Ein großer Teil der Mittel soll in die ländlichen\n"
        "Regionen fließen. Die Verbände begrüßten die Pläne im Grundsatz.\n",
    ),
    (
        "en",
        "The city council voted on Tuesday to raise the fees for waste collection\n"
        "next year. According to the administration, the cost for a household will\n"
        "rise by about twelve euros a year. Opposition groups voted against the\n"
        "proposal and asked for a closer look at the calculation behind it.\n",
    ),
    (
        "es",
        "El ayuntamiento aprobó el martes subir las tasas de recogida de basura el\n"
        "próximo año. Según la administración, el coste para cada hogar aumentará\n"
        "en unos doce euros al año. Los grupos de la oposición votaron en contra de\n"
        "la propuesta y pidieron un examen más detallado del cálculo.\n",
    ),
    (
        "it",
        "Il consiglio comunale ha deciso martedì di aumentare le tariffe per la\n"
        "raccolta dei rifiuti il prossimo anno. Secondo l'amministrazione, il costo\n"
        "per ogni famiglia salirà di circa dodici euro all'anno. I gruppi di\n"
        "opposizione hanno votato contro la proposta e chiesto una verifica.\n",
    ),
]


@pytest.mark.parametrize(("code", "text"), WRAPPED, ids=[f"{c}{i}" for i, (c, _) in enumerate(WRAPPED)])
def test_a_wrapped_paragraph_is_joined_whatever_its_lines_start_with(code: str, text: str) -> None:
    result = clean_and_explain(text, lang=code, input_format="text")
    expected = _paragraphs(text)
    assert _paragraphs(result.text.replace("\u202f", " ").replace("\u00a0", " ")) == expected
    assert any(e.reason == "layout.unwrap" for e in result.edits)


NOT_WRAPPED = [
    # headlines of similar width, each ending on a participle (lower case): no sentence inside a line
    "Neue Radwege am Ring nach langer Debatte im Stadtrat beschlossen\n"
    "Nachtbusse fahren ab März auch in die nördlichen Stadtteile weiter\n"
    "Alte Brücke über den Fluss bis zum Jahresende für Autos gesperrt\n"
    "Schulen im Landkreis bekommen vor dem Winter neue Heizungen verbaut\n",
    # a poem: short lines ending on open words
    "Über allen Gipfeln ist die\nRuh, in allen Wipfeln spürest\nDu kaum einen Hauch. Die\n"
    "Vögelein schweigen im Walde.\nWarte nur, balde ruhest du\nAuch.\n",
    # an address
    "Stadtverwaltung Musterstadt\nAmt für Umwelt und Abfall\nHauptstraße 12\n12345 Musterstadt\n",
    # list items
    "- Die Gebühren steigen um zwölf Euro im Jahr für einen Haushalt der\n"
    "- Stadt und die Kosten werden auf die Mieter umgelegt, sagte die\n"
    "- Verwaltung. Die Opposition stimmte gegen die Vorlage des Rats und\n",
]


@pytest.mark.parametrize("text", NOT_WRAPPED, ids=["headlines", "verse", "address", "list"])
def test_other_german_line_breaks_are_not_joined(text: str) -> None:
    result = clean_and_explain(text, lang="de", input_format="text")
    assert not [e for e in result.edits if e.reason == "layout.unwrap"]
    assert len(result.text.split()) == len(text.split())
