"""Article text with page furniture injected around and between paragraphs, in seven languages.

The articles are the clean fixtures (never the seeds); the furniture is written in the styles of many
kinds of sites (news portals, blogs, magazine themes). `documents()` yields each article combined with
each style of its language, with the injected lines known, so that line removal can be scored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fixtures import cases

# Per language, site styles: (header lines, a line between paragraphs, footer lines). "{title}" is the
# article's title.
STYLES: dict[str, list[tuple[list[str], list[str], list[str]]]] = {
    "en": [
        (
            ["Home > News > Local", "By Sarah Jennings", "Published March 3, 2024", "Share this article"],
            ["Advertisement"],
            [
                "Tags: transport, city council, cycling",
                "12 Comments",
                "Leave a Reply",
                "© 2024 The Daily Courier. All rights reserved.",
            ],
        ),
        (
            ["Skip to content", "Menu", "Home | News | Sport | Business | Culture", "{title} | The Courier"],
            ["Read more: Ten things to know about the new budget"],
            [
                "Related articles",
                "Facebook Twitter LinkedIn Email",
                "Subscribe to our newsletter",
                "We use cookies to improve your experience. By continuing you accept our cookie policy.",
                "Privacy Policy | Terms of Use | Contact",
            ],
        ),
        (
            ["Home › Blog › {title}", "Posted on 14 May 2025", "by Tom Reeves"],
            ["Sponsored content"],
            ["Share on Facebook", "Follow us on Instagram", "1.2K followers", "Back to top"],
        ),
    ],
    "fr": [
        (
            [
                "Accueil > Société > Transports",
                "Par Julien Moreau",
                "Publié le 12 mars 2025 à 10h45",
                "Partager sur Facebook",
            ],
            ["Lire aussi : Les bibliothèques face au numérique"],
            [
                "Mots-clés : culture, bibliothèque, lecture",
                "Ajouter un commentaire",
                "© 2025 Le Quotidien – Tous droits réservés",
            ],
        ),
        (
            [
                "Aller au contenu principal",
                "Menu",
                "Accueil | Actualités | Sports | Culture | Économie",
                "{title} - Le Quotidien",
            ],
            ["Publicité"],
            [
                "Articles similaires",
                "Inscrivez-vous à notre newsletter",
                "Nous utilisons des cookies pour améliorer votre expérience de navigation.",
                "Suivez-nous",
                "Mentions légales | Politique de confidentialité | Contact",
            ],
        ),
        (
            ["Mis à jour le 13 mars 2025", "Partager", "Tweeter", "Imprimer"],
            ["À lire aussi : Le nouveau plan vélo de la métropole"],
            ["3 commentaires", "Laisser un commentaire", "Retour en haut"],
        ),
    ],
    "it": [
        (
            ["Home › Cronaca › Città", "di Marco Rossi", "12 marzo 2025 - 10:45", "Condividi su Facebook"],
            ["Leggi anche: Il nuovo piano per i trasporti"],
            ["Tag: mercato, commercio, centro storico", "Lascia un commento", "© Riproduzione riservata"],
        ),
        (
            [
                "Vai al contenuto",
                "Menu",
                "Home | Cronaca | Sport | Economia | Cultura",
                "{title} - Il Corriere",
            ],
            ["Pubblicità"],
            [
                "Articoli correlati",
                "Iscriviti alla newsletter",
                "Questo sito utilizza cookie tecnici e di profilazione.",
                "Seguici su Instagram",
            ],
        ),
    ],
    "de": [
        (
            ["Startseite > Region > Stadt", "Von Anna Schmidt", "3. März 2024, 14:30 Uhr", "Artikel teilen"],
            ["Lesen Sie auch: Neue Regeln für Vermieter"],
            [
                "Themen: Energie, Stadtwerke, Altstadt",
                "Kommentare",
                "© 2024 Stadtanzeiger. Alle Rechte vorbehalten.",
            ],
        ),
        (
            [
                "Zum Inhalt springen",
                "Menü",
                "Startseite | Politik | Wirtschaft | Sport | Kultur",
                "{title} | Stadtanzeiger",
            ],
            ["Anzeige"],
            [
                "Mehr zum Thema",
                "Newsletter abonnieren",
                "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.",
                "Folgen Sie uns auf Facebook",
                "Impressum | Datenschutzerklärung | Kontakt",
            ],
        ),
    ],
    "es": [
        (
            ["Inicio > Local > Movilidad", "Por Carlos Ruiz", "12 de marzo de 2025", "Compartir en Twitter"],
            ["Lee también: La ciudad estrena carriles bici"],
            [
                "Etiquetas: autobuses, movilidad, noche",
                "Deja un comentario",
                "© 2025 Diario del Sur. Todos los derechos reservados.",
            ],
        ),
        (
            [
                "Saltar al contenido",
                "Menú",
                "Inicio | Nacional | Deportes | Economía | Cultura",
                "{title} - Diario del Sur",
            ],
            ["Publicidad"],
            [
                "Noticias relacionadas",
                "Suscríbete a nuestro boletín",
                "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
                "Síguenos en Instagram",
            ],
        ),
    ],
    "pt": [
        (
            [
                "Início > Cidades > Mobilidade",
                "Por Ana Lima",
                "12 de março de 2025",
                "Compartilhar no Facebook",
            ],
            ["Leia também: Prefeitura anuncia novas linhas de ônibus"],
            [
                "Tags: ciclovia, mobilidade, rio",
                "Deixe um comentário",
                "© 2025 Jornal da Cidade. Todos os direitos reservados.",
            ],
        ),
    ],
    "nl": [
        (
            ["Home > Nieuws > Regio", "Door Jan Bakker", "3 maart 2024", "Delen op Facebook"],
            ["Lees ook: Nieuwe fietsroute door het centrum"],
            [
                "Tags: verkeer, kanaal, brug",
                "Plaats een reactie",
                "© 2024 Dagblad van het Noorden. Alle rechten voorbehouden.",
            ],
        ),
    ],
}


#: Written after the rules and phrase lists were frozen, and never used to tune them: their recall is
#: measured (bench/boilerplate_quality.py), only their precision is a test.
HELD_OUT: dict[str, list[tuple[list[str], list[str], list[str]]]] = {
    "en": [
        (
            ["Photo: Getty Images", "Reporting by Jane Doe; Editing by John Smith", "Share via WhatsApp"],
            ["Continue reading below"],
            [
                "Click here to subscribe",
                "Join 50,000 readers who get our morning briefing",
                "Sign up for free",
                "Was this article helpful?",
                "Image credit: Reuters",
            ],
        ),
    ],
    "fr": [
        (
            ["Crédit photo : AFP", "Partagez cet article avec vos amis", "Temps de lecture : 3 min"],
            ["Abonnez-vous pour lire la suite"],
            [
                "Voir les 12 commentaires",
                "Cet article vous a plu ?",
                "Recevez nos alertes par e-mail",
                "Tous nos articles sur la culture",
            ],
        ),
    ],
}


@dataclass(frozen=True)
class Injected:
    lang: str
    text: str
    article_lines: list[str]
    injected_lines: list[str]


def documents(held_out: bool = False) -> Iterator[Injected]:
    articles = {c.info["lang"]: c.expected for c in cases() if c.name.startswith("clean-")}
    for code, styles in (HELD_OUT if held_out else STYLES).items():
        article = articles[code].strip().split("\n\n")
        title = article[0]
        for header, middle, footer in styles:
            fill = [line.replace("{title}", title) for line in header + middle + footer]
            head, mid, foot = (
                fill[: len(header)],
                fill[len(header) : len(header) + len(middle)],
                fill[-len(footer) :],
            )
            blocks = [*head, *article[:2], *mid, *article[2:], *foot]
            yield Injected(code, "\n\n".join(blocks) + "\n", article, head + mid + foot)
