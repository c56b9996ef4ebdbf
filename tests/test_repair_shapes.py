"""Issue 13, session 9: the wrong repairs left on the manual sets, each kind with its right output and a
negative that keeps the repair it must not stop, in several languages.

1. An interface label glued after the noun that names it, or after "click on", is no lost sentence break.
2. A word of the language the lexicon misses in this form is no glue (another form of it is known; an
   Italian imperative with its pronoun; a German participle with its ending).
3. Legitimate doublings: a copy that opens a clause with the next word ("même même si"), a
   reduplication ("passo passo"), a Dutch verb-final clause's verb before the main clause's.
4. Identifiers in prose: camel case made on a verb identifiers start with, names in backticks, calls.
5. Inner capitals: a one-letter head before a capitalised word, restored where the document writes the
   name twice and the damaged form is no word; a name made on another with a letter in front is no slip.
"""

from __future__ import annotations

import pytest

from cleanmedia import clean_and_explain
from left_as_written import assert_left_as_written, assert_repaired

#: (language, damaged, right): a capitalised label glued after a noun naming an interface element or a
#: part of a manual, or after a verb of clicking and its preposition, gets a space and keeps its capital.
LABELS = [
    (
        "es",
        "Las opciones se describen en la secciónAjustes del programa, al final de este manual.",
        "Las opciones se describen en la sección Ajustes del programa, al final de este manual.",
    ),
    (
        "es",
        "Marque la casilla de verificación en la pestañaGeneral de la ventana de preferencias.",
        "Marque la casilla de verificación en la pestaña General de la ventana de preferencias.",
    ),
    (
        "it",
        "Le impostazioni si trovano nella schedaAspetto della finestra di configurazione.",
        "Le impostazioni si trovano nella scheda Aspetto della finestra di configurazione.",
    ),
    (
        "pt",
        "Escolha o formato no diálogoExportar imagem antes de gravar o ficheiro.",
        "Escolha o formato no diálogo Exportar imagem antes de gravar o ficheiro.",
    ),
    (
        "fr",
        "Pour rejouer la même partie, veuillez cliquer surRejouer la partie dans la barre d'outils.",
        "Pour rejouer la même partie, veuillez cliquer sur Rejouer la partie dans la barre d'outils.",
    ),
    (
        "nl",
        "Daarna kunt u de opdrachtProgramma starten → Starten geven vanuit het menu.",
        "Daarna kunt u de opdracht Programma starten → Starten geven vanuit het menu.",
    ),
]


@pytest.mark.parametrize(("lang", "damaged", "right"), LABELS)
def test_a_label_glued_after_its_noun_keeps_its_capital_and_gets_no_full_stop(
    lang: str, damaged: str, right: str
) -> None:
    assert_repaired(damaged, lang, right)


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        # a sentence that ended on such a noun, the next opening on a stop word: still a lost break
        (
            "es",
            "Los cambios se guardan al cerrar la pestañaLa ventana principal se actualiza sola.",
            "Los cambios se guardan al cerrar la pestaña. La ventana principal se actualiza sola.",
        ),
        (
            "fr",
            "Les réglages sont enregistrés dans cet ongletIl suffit ensuite de fermer la fenêtre.",
            "Les réglages sont enregistrés dans cet onglet. Il suffit ensuite de fermer la fenêtre.",
        ),
        # after an article the capital is still the glue's ("elGobierno" -> "el gobierno")
        (
            "es",
            "El informe dice que laCiudad importa aquí.",
            "El informe dice que la ciudad importa aquí.",
        ),
        # a one-letter elided form is no word, but an article glued to a word is still split
        (
            "fr",
            "Le rapport indique que leGouvernement compte ici.",
            "Le rapport indique que le gouvernement compte ici.",
        ),
    ],
)
def test_a_lost_sentence_break_after_such_a_noun_is_still_restored(
    lang: str, damaged: str, right: str
) -> None:
    assert_repaired(damaged, lang, right)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an elided form without its apostrophe ("s'", "l'") is no word to split off
        ("fr", "Le programme possède les éléments standards de menu sConfiguration et Aide."),
        # a name the text also writes as the tail of a longer one (its right part standing alone too)
        (
            "es",
            "MonitorOpenSSL es el proceso que vigila el registro. Las preferencias de OpenSSL se pasan "
            "al motor. La vista de texto de KMonitorOpenSSL muestra las líneas.",
        ),
    ],
)
def test_no_split_at_a_head_that_is_no_word_or_inside_a_longer_name(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


#: Words of the language written whole, which the lexicon misses in this form: left as written.
WHOLE_WORDS = [
    # another form of the word is known (a misspelt ending, a plural, a verb's other person)
    ("es", "Los archivos aparecen en una lista ordenanda por fecha de creación."),
    ("it", "Ogni casella inoccupata della griglia resta grigia fino alla mossa successiva."),
    ("nl", "Met deze knop deblokkeert u het scherm weer na een pauze."),
    ("pt", "As letras diacríticas do alfabeto aparecem na tabela de caracteres."),
    # an Italian imperative with its pronoun
    ("it", "Se il filtro è spento, attivalo dal menu Strumenti e poi salva il file."),
    # a German participle or gerundive with its ending
    ("de", "Die Liste der zu deaktivierenden Dienste und der auszuprobierenden Einstellungen folgt."),
]


@pytest.mark.parametrize(("lang", "text"), WHOLE_WORDS)
def test_a_word_of_the_language_is_not_split(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        (
            "es",
            "El programa guarda lasdirecciones en un archivo.",
            "El programa guarda las direcciones en un archivo.",
        ),
        (
            "it",
            "Il programma li apre tuttiinsieme quando serve.",
            "Il programma li apre tutti insieme quando serve.",
        ),
        ("de", "Das Programm wirdeine Datei anlegen.", "Das Programm wird eine Datei anlegen."),
        ("en", "We went to the market beforethe rain came.", "We went to the market before the rain came."),
        (
            "nl",
            "De gegevens staan in hetbestand op de schijf.",
            "De gegevens staan in het bestand op de schijf.",
        ),
    ],
)
def test_two_frequent_words_glued_are_still_split(lang: str, damaged: str, right: str) -> None:
    assert_repaired(damaged, lang, right)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le score reste le même même si vous changez de niveau en cours de partie."),
        ("it", "Segui la guida passo passo fino alla fine del capitolo."),
        ("en", "The rules stay the same even even if the board is larger."),
    ],
)
def test_a_legitimate_doubling_is_left(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


def test_a_dutch_verb_closing_a_clause_before_the_main_clause_verb_is_flagged_not_removed() -> None:
    text = "Wie als eerste klaar is is de winnaar van het spel."
    result = assert_left_as_written(text, "nl")
    assert [e.before for e in result.flags if e.reason == "doubled.word.unsure"] == ["is is"]


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        (
            "fr",
            "La jouabilité reste la la même pour tous les joueurs.",
            "La jouabilité reste la même pour tous les joueurs.",
        ),
        ("it", "Il programma salva i i file nella cartella.", "Il programma salva i file nella cartella."),
        (
            "nl",
            "Het bestand is is leeg en de map is verwijderd.",
            "Het bestand is leeg en de map is verwijderd.",
        ),
        (
            "de",
            "Wenn das Programm fertig ist ist die Datei gespeichert.",
            "Wenn das Programm fertig ist die Datei gespeichert.",
        ),
    ],
)
def test_a_copy_is_still_removed(lang: str, damaged: str, right: str) -> None:
    assert_repaired(damaged, lang, right)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Call getValue to read the number, then setTimeout to wait a little."),
        ("en", "The function isEnabled returns true when the device is on."),
        ("fr", "Appelez getValeur pour lire le nombre, puis setTimeout pour attendre un peu."),
        ("en", "You can call `renderPage` to draw it and then `saveState` to keep it."),
        ("en", "Call obj.Method() to start the engine, then engine.Stop() to end."),
    ],
)
def test_identifiers_in_prose_are_no_glue(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        (
            "en",
            "It is hard to getThe results are shown below.",
            "It is hard to get. The results are shown below.",
        ),
        (
            "en",
            "Everything went wrong.However, we kept going.",
            "Everything went wrong. However, we kept going.",
        ),
        # a head that is a stop word of a language borrowing English words ends a clause there
        (
            "nl",
            "De cursus is nog niet in uw taal beschikbaar isHoeveel tijd dat kost weet niemand.",
            "De cursus is nog niet in uw taal beschikbaar is. Hoeveel tijd dat kost weet niemand.",
        ),
        (
            "es",
            "Llegamos tarde a la estaciónDespués fuimos al hotel.",
            "Llegamos tarde a la estación. Después fuimos al hotel.",
        ),
    ],
)
def test_a_lost_break_beside_identifier_shapes_is_still_restored(lang: str, damaged: str, right: str) -> None:
    assert_repaired(damaged, lang, right)


def test_a_name_with_a_one_letter_head_written_twice_wins_over_a_form_that_is_no_word() -> None:
    text = "Open KSketch and draw a line. Then close Ksketch, reopen Ksketch and open KSketch again.\n"
    result = clean_and_explain(text, lang="en")
    assert result.text == text.replace("Ksketch", "KSketch")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a word the lexicons know beside one spelling with a capital inside: left
        ("en", "The Xbox is a console. Some shops write XBox on the box of the console."),
        # a name made on another with a letter in front is another name
        ("it", "Il programma KMemgrind mostra i dati raccolti da Memgrind e da Callgrind."),
    ],
)
def test_inner_capital_negatives_are_left(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La commande find cherche des fichiers (et find find documente la commande find)."),
        ("de", "Der Aufruf »grep grep« durchsucht die Hilfe des Befehls »grep« nach seinem Namen."),
    ],
)
def test_a_command_applied_to_itself_is_flagged_not_removed(lang: str, text: str) -> None:
    result = assert_left_as_written(text, lang)
    assert [e.reason for e in result.flags if e.cleaner == "doubled_words"] == ["doubled.word.unsure"]


@pytest.mark.parametrize(
    ("lang", "damaged", "right"),
    [
        (
            "de",
            "Geben Sie den Befehl sort sort aus. Der Befehl sort ist alt.",
            "Geben Sie den Befehl sort aus. Der Befehl sort ist alt.",
        ),
        (
            "en",
            "You use the command line line on VT2, and the command line is slow.",
            "You use the command line on VT2, and the command line is slow.",
        ),
        # a Dutch verb doubled inside a cluster of verbs, or before the next clause, is a copy
        (
            "nl",
            "Als het goed is kan kan worden gezegd dat het werkt.",
            "Als het goed is kan worden gezegd dat het werkt.",
        ),
        (
            "nl",
            "De map die aangemaakt werd werd toen u het programma startte verwijderd.",
            "De map die aangemaakt werd toen u het programma startte verwijderd.",
        ),
        # after a noun of other identifiers, a word heads a compound ("object list"), no command
        (
            "en",
            "The loader reads its dynamic object list, and the list list includes the libraries.",
            "The loader reads its dynamic object list, and the list includes the libraries.",
        ),
        # a grammatical word is a name after a term noun only between quotation marks
        (
            "de",
            "Das kann man man nicht sagen, der Befehl man ist anders.",
            "Das kann man nicht sagen, der Befehl man ist anders.",
        ),
        (
            "en",
            "Open the the canvas with the command the user typed.",
            "Open the canvas with the command the user typed.",
        ),
    ],
)
def test_a_copy_beside_a_command_noun_is_still_removed(lang: str, damaged: str, right: str) -> None:
    """Also a name copied right after its noun, or a noun heading a phrase ("command line")."""
    assert_repaired(damaged, lang, right)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Cuando el sist. de archivos está montado, vd. puede copiar los datos."),
        ("fr", "Les mesures viennent de l'obs. du sommet, publiées chaque mois."),
    ],
)
def test_no_capital_after_an_abbreviation(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


def test_a_sentence_opening_in_lower_case_is_still_capitalised() -> None:
    assert_repaired(
        "El sistema funciona bien. de otro modo no lo haría.",
        "es",
        "El sistema funciona bien. De otro modo no lo haría.",
    )


def test_a_sentence_opening_on_a_stop_word_before_a_menu_path_keeps_its_break() -> None:
    assert_repaired(
        "The toolbar shows the active image iconsUse Edit → Preferences to change them.",
        "en",
        "The toolbar shows the active image icons. Use Edit → Preferences to change them.",
    )
