"""Languages outside the supported set get no language, never a wrong one: Catalan was read as
Spanish and Galician as Portuguese (their neighbours share most of their frequent words), and then
cleaned with the neighbour's rules. Both are recognised-only languages now (a folder with a profile
and stop words): a text whose stop words say one of them, counted beside the others', gets none."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain, resources
from cleanmedia.api import _identify
from cleanmedia.document import Document
from cleanmedia.lang import DETECTABLE, scores

CATALAN = [
    "El govern va aprovar dijous el projecte de pressupost per a l'any vinent amb el suport dels grups.",
    "Aquesta setmana la ciutat ha obert una nova biblioteca que també té una sala per als infants.",
    "Els veïns diuen que el carrer està tallat des de fa dos mesos i que ningú no els ha explicat per què.",
    "Segons l'informe, més de la meitat de les empreses han augmentat els preus durant aquest any.",
]
GALICIAN = [
    "O goberno aprobou onte o orzamento para o ano que vén, cunha maioría dos votos e sen apoio da oposición.",
    "Esta semana a cidade abriu unha nova biblioteca que tamén ten unha sala para os nenos.",
    "Os veciños din que a rúa está pechada desde hai dous meses e que ninguén lles explicou por que.",
    "Segundo o informe, máis da metade das empresas subiron os prezos durante este ano.",
]
SPANISH = [
    "El gobierno aprobó el jueves el proyecto de presupuesto para el año que viene con el apoyo de los grupos.",
    "Esta semana la ciudad abrió una nueva biblioteca que también tiene una sala para los niños.",
]
PORTUGUESE = [
    "O governo aprovou ontem o orçamento para o próximo ano, com a maioria dos votos e sem o apoio da oposição.",
    "Esta semana a cidade abriu uma nova biblioteca que também tem uma sala para as crianças.",
]


@pytest.mark.parametrize("text", CATALAN + GALICIAN)
def test_a_neighbour_language_gets_no_language(text: str) -> None:
    assert _identify(Document(text=text)) is None
    assert clean_and_explain(text).metadata.lang is None
    assert _identify(Document(text="\n\n".join([text] * 3))) is None  # longer: still none


@pytest.mark.parametrize(("text", "code"), [(t, "es") for t in SPANISH] + [(t, "pt") for t in PORTUGUESE])
def test_the_neighbours_own_language_is_still_identified(text: str, code: str) -> None:
    assert _identify(Document(text=text)) == code


def test_neighbours_are_recognised_only_never_filler_nor_answered() -> None:
    """A line in Catalan is no theme filler (Latin is), and line-level identification (a widget line's
    language in the furniture step) never answers a neighbour."""
    assert set(resources.NEIGHBOURS) >= {"ca", "gl"}
    assert not any(resources.filler_language(c) for c in resources.NEIGHBOURS)
    assert resources.filler_language("la")
    assert not set(resources.NEIGHBOURS) & set(DETECTABLE) and not set(resources.NEIGHBOURS) & set(
        resources.LANGUAGES
    )
    words = [
        "els",
        "veïns",
        "diuen",
        "que",
        "el",
        "carrer",
        "està",
        "tallat",
        "des",
        "de",
        "fa",
        "dos",
        "mesos",
    ]
    assert not set(scores(words)) & set(resources.NEIGHBOURS)
