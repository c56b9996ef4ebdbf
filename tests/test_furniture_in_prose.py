"""Furniture words the article itself holds (a new user's dump of an article about cookie banners,
issue 12): a banner's line the article cites between two of its paragraphs, when the article speaks of
its subject, and a one-word heading ("Comments") between two paragraphs whose next paragraph uses its
word, stay. Negatives: the same lines in an article on another subject, at the article's end, or a
heading over a paragraph that does not take up its word, still go."""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain

#: (language, title, paragraph on cookies, banner line, paragraph after it, heading, paragraph using it,
#: last paragraph)
ARTICLES = [
    (
        "de",
        "Gericht verbietet Cookie-Hinweise ohne Auswahl",
        "Das Gericht hat am Dienstag entschieden, dass Cookie-Hinweise eine echte Auswahl bieten müssen.",
        "Wir verwenden Cookies, um unsere Website für Sie zu verbessern.",
        "Mit diesem Satz beginnen viele Hinweise, doch er reicht nach dem Urteil nicht mehr aus.",
        "Kommentare",
        "Kommentare unter Artikeln dürfen die Betreiber weiterhin prüfen, heißt es in dem Urteil.",
        "Die Verbraucherschützer sprachen von einem wichtigen Signal für die Nutzer im ganzen Land.",
    ),
    (
        "en",
        "Court bans cookie notices without a choice",
        "The court ruled on Tuesday that cookie notices must offer readers a real choice from now on.",
        "We use cookies to improve your experience on our website.",
        "That sentence opens many notices, but the judges said it was no longer enough on its own.",
        "Comments",
        "Comments under articles may still be moderated by the publishers, the ruling says clearly.",
        "Consumer groups called the decision an important signal for users across the whole country.",
    ),
    (
        "fr",
        "La justice interdit les bandeaux cookies sans choix",
        "Le tribunal a jugé mardi que les bandeaux cookies doivent offrir un vrai choix aux lecteurs.",
        "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
        "Cette phrase ouvre de nombreux bandeaux, mais elle ne suffit plus selon les juges du tribunal.",
        "Commentaires",
        "Les commentaires sous les articles peuvent toujours être modérés par les éditeurs, dit le jugement.",
        "Les associations de consommateurs ont salué une décision importante pour tous les internautes.",
    ),
    (
        "es",
        "Un tribunal prohíbe los avisos de cookies sin elección",
        "El tribunal decidió el martes que los avisos de cookies deben ofrecer una elección real al lector.",
        "Utilizamos cookies para mejorar su experiencia en nuestro sitio web.",
        "Esa frase abre muchos avisos, pero según los jueces ya no basta por sí sola para nada.",
        "Comentarios",
        "Los comentarios bajo los artículos podrán seguir siendo moderados por los editores, dice el fallo.",
        "Las asociaciones de consumidores hablaron de una señal importante para todos los usuarios.",
    ),
    (
        "it",
        "Il tribunale vieta gli avvisi sui cookie senza scelta",
        "Il tribunale ha deciso martedì che gli avvisi sui cookie devono offrire una scelta reale ai lettori.",
        "Questo sito utilizza cookie per migliorare la tua esperienza.",
        "Questa frase apre molti avvisi, ma secondo i giudici non basta più da sola a nessuno.",
        "Commenti",
        "I commenti sotto gli articoli potranno ancora essere moderati dagli editori, dice la sentenza.",
        "Le associazioni dei consumatori hanno parlato di un segnale importante per tutti gli utenti.",
    ),
]
IDS = [a[0] for a in ARTICLES]


def _blocks(code: str, *blocks: str) -> list[str]:
    text = "\n\n".join(blocks) + "\n"
    out = clean_and_explain(text, input_format="text", lang=code).text
    return [
        " ".join(b.replace("\u202f", " ").replace("\u00a0", " ").split()) for b in out.strip().split("\n\n")
    ]


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_a_cited_banner_line_and_a_heading_in_the_article_stay(article: tuple[str, ...]) -> None:
    code, *blocks = article
    assert _blocks(code, *blocks) == blocks


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_the_banner_line_in_an_article_on_another_subject_goes(article: tuple[str, ...]) -> None:
    code = article[0]
    # a paragraph on night buses: no cookie in the article
    first = {
        "de": "Der Stadtrat hat am Montag beschlossen, das Nachtbusnetz in die nördlichen Stadtteile zu verlängern.",
        "en": "The council voted on Monday to extend the night bus network to the northern districts of the city.",
        "fr": "Le conseil municipal a voté lundi le prolongement du réseau de bus de nuit vers les quartiers nord.",
        "es": "El ayuntamiento aprobó el lunes ampliar la red de autobuses nocturnos a los barrios del norte.",
        "it": "Il consiglio comunale ha approvato lunedì l'estensione delle linee notturne ai quartieri del nord.",
    }[code]
    assert _blocks(code, first, article[3], article[7]) == [first, article[7]]


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_the_banner_line_after_the_article_goes(article: tuple[str, ...]) -> None:
    code, title, first, banner, after, _heading, _using, last = article
    assert _blocks(code, title, first, after, last, banner) == [title, first, after, last]


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_a_heading_over_a_paragraph_not_using_its_word_goes(article: tuple[str, ...]) -> None:
    """A comment section's heading over the first comment, in an article about something else."""
    code, _title, _first, _banner, after, heading, _using, last = article
    assert _blocks(code, after, heading, last) == [after, last]
