"""Kinds of wrong repair on technical and emphatic prose (issue 13, precision rounds 2 and 3): each small input
with its right output, a flag where the repair is unsure, and the negatives that must still be repaired.
Code the page marks as code (`<pre>`, `<code>`) is written as Markdown (a fenced block, a code span), which
no step edits."""

from __future__ import annotations

import pytest

from cleanmedia import clean, clean_and_explain
from left_as_written import assert_left_as_written, assert_repaired

#: (language, correct text a repair used to damage): the output is the input, with a flag where named.
UNTOUCHED = [
    # emphasis and a label alone after a stop are no sentences that lost their capital
    ("en", "I want to thank all. of. you. Without your help this would never have been possible for us."),
    ("en", "I bought new shoes yesterday at the big mall downtown. adidas\n\nThey fit well."),
    # a content word opening a sentence in lower case in technical text: a program, flagged
    (
        "en",
        "Install dpkg first, then nmap. nmap scans the host. snort is a sniffer that watches the network for you.",
    ),
    # a relative pronoun doubled after a preposition that follows a noun: grammar, the comma missing
    ("de", "Das ist die Konfiguration bei der der Host die Adresse vergibt und den Namen kennt."),
    ("de", "Das Haus (in dem dem Mann alles gehört) steht seit vielen Jahren leer am Rand der Stadt."),
    # identifiers named as such, and a name spelt with a capital inside its right part
    ("en", "None of the domains must be referenced in the mydestination variable of the mail server."),
    ("en", "The timeperiod object tells the monitor when a check may run on the host, every day."),
    ("fr", "La directive RequireAll permet de combiner plusieurs conditions dans un seul bloc de texte."),
    ("de", "Das hängt von der Distribution ab (zum Beispiel Ubuntu, Arch, Fedora oder openSuSE)."),
    # found by a new user: a camel-case identifier beside its noun ("max Surge", "max. Surge")
    ("de", "Die Variable maxSurge steuert den Rollout. Der Parameter apiVersion ist Pflicht."),
    ("en", "The variable maxSurge controls the rollout. The parameter apiVersion is required."),
    ("es", "La variable maxSurge controla el despliegue de la nueva versión en el clúster."),
    # a word with a letter lost or a syllable typed twice is a slip of a letter, not two words glued:
    # flagged as a non-word, never split
    ("es", "Como no es posible confiar en los archivos almacenadados en el disco, se comprueban todos."),
    ("es", "Se trata de integrar en ella todos los directorios existenes y los grupos de usuarios."),
    # an identifier that opens a paragraph or a sentence in lower case is written as it is: glue there
    # would leave a sentence of one word ("new. Width")
    ("en", "newWidth is an integer value that gives the width of the frame in points."),
    ("de", "Die Breite wird gesetzt. fontName ist eine Zeichenfolge, die den Namen der Schrift angibt."),
    ("fr", "newWidth est une valeur entière qui donne la largeur du cadre en points."),
    # an argument in a call's list, even where no bracket touches it
    ("en", "Call it as resizeFrame(frameWidth, frameHeight) with the new size of the frame in points."),
    # a head without a vowel or an abbreviation of the language ends no sentence
    ("de", "Das zeigt die Kopie des Dialogs namens frmFenster im Beispiel unten."),
    ("en", "For example, if the data field is named FtNo and you want another name, enter it as the alias."),
    ("it", "Premere i tasti CapSu e CapGiù per impostare il valore massimo o minimo."),
    # a closed compound made on a stop word that is a content word making compounds at both ends
    # (compound_members.txt) or on a preposition used as a prefix (particles.txt)
    ("nl", "Het programma toont de tijdkolom naast de naam van de gebruiker."),
    ("nl", "Het programma toont de dagkolom naast de naam van de gebruiker."),
    ("nl", "Het programma bewaart het tussenbestand in de map van de gebruiker."),
    ("en", "The server puts each job on the workqueue before it runs the check."),
    # a verb ending a free relative clause, then the main clause's verb
    ("en", "What he did did work in the end, and everybody was glad about it."),
]


@pytest.mark.parametrize(("lang", "text"), UNTOUCHED)
def test_correct_text_is_left(lang: str, text: str) -> None:
    assert_left_as_written(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        (
            "en",
            "I want to thank all. of. you. Without your help this would never have been possible.",
            "sentence.capital.unsure",
        ),
        (
            "en",
            "Install dpkg first, then nmap. nmap scans the host. snort is a sniffer that watches the network.",
            "sentence.capital.unsure",
        ),
        (
            "de",
            "Das ist die Konfiguration bei der der Host die Adresse vergibt und den Namen kennt.",
            "doubled.word.unsure",
        ),
        # found by a new user: a demonstrative, then a relative pronoun ("those who wanted to leave")
        ("de", "Die die Stadt verlassen wollten, mussten lange warten.", "doubled.word.unsure"),
        # a short word said twice at a sentence start: a reduplication, or a slip for "Se si"
        ("it", "Si si installa da una immagine di CD, poi si prosegue con l'analisi.", "doubled.word.unsure"),
        ("en", "Na na, said the children, and they ran off into the garden.", "doubled.word.unsure"),
        # lower case after run-in headings, as the document writes them: its style
        (
            "fr",
            "Code source. le programme doit inclure le code source.\n\nApplications dérivées. la licence doit autoriser les modifications.",
            "sentence.capital.unsure",
        ),
        # a stray stop inside a phrase: two words after it, up to the paragraph's end
        (
            "pt",
            "Para remover um espaço de trabalho, mova as janelas para outros espaços. de trabalho.",
            "sentence.capital.unsure",
        ),
    ],
)
def test_unsure_repairs_are_flagged(lang: str, text: str, reason: str) -> None:
    result = clean_and_explain(text + "\n", lang=lang)
    assert reason in {e.reason for e in result.edits if e.flag}


#: (language, damaged text, its repair): what the guards above must not stop.
REPAIRED = [
    (
        "de",
        "Die Die Stadt ist in den letzten Jahren stark gewachsen.",
        "Die Stadt ist in den letzten Jahren stark gewachsen.",
    ),
    ("de", "Gestern kam die die Polizei erst sehr spät.", "Gestern kam die Polizei erst sehr spät."),
    # a grammatical word after a stop is a lost capital, technical text or not
    (
        "en",
        "Install dpkg first, then nmap. nmap scans the host. the rest is easy to set up.",
        "Install dpkg first, then nmap. nmap scans the host. The rest is easy to set up.",
    ),
    # in prose a content word there gets its capital (a sentence start is standard)
    (
        "en",
        "I bought new shoes at the mall. adidas is the brand I like most.",
        "I bought new shoes at the mall. Adidas is the brand I like most.",
    ),
    # after a verb the preposition governs the article: a slip
    (
        "de",
        "Er kam gestern mit der der Bahn nach Hause und war sehr müde.",
        "Er kam gestern mit der Bahn nach Hause und war sehr müde.",
    ),
    (
        "de",
        "Wir sahen die die Kinder im Garten spielen, sagte sie.",
        "Wir sahen die Kinder im Garten spielen, sagte sie.",
    ),
    # the antecedent's determiner rules the relative out (m or n against f): a slip
    (
        "de",
        "Das steht im Zusammenhang bei der der Verwendung, sagte er gestern.",
        "Das steht im Zusammenhang bei der Verwendung, sagte er gestern.",
    ),
    # glue beside no identifier noun, and glue with a grammatical word beside one
    (
        "en",
        "Only the packages listed inthis field are kept on the system.",
        "Only the packages listed in this field are kept on the system.",
    ),
    (
        "en",
        "We reached the station beforethe train left for the city.",
        "We reached the station before the train left for the city.",
    ),
    # precision round 3: glue of a function word, or of two grammatical words, is still split
    (
        "es",
        "Abra el archivo enla carpeta de documentos antes de salir.",
        "Abra el archivo en la carpeta de documentos antes de salir.",
    ),
    (
        "de",
        "Das istnoch nicht alles, sagte der Minister am Abend.",
        "Das ist noch nicht alles, sagte der Minister am Abend.",
    ),
    (
        "en",
        "The study looked at theirdiet over many years.",
        "The study looked at their diet over many years.",
    ),
    # a sentence of more than three words still gets its capital; "The the" (three letters) still goes
    (
        "en",
        "We left early. the rest stayed until the end of the show.",
        "We left early. The rest stayed until the end of the show.",
    ),
    (
        "en",
        "The the crowd was loud at the stadium last night.",
        "The crowd was loud at the stadium last night.",
    ),
    # a single short first sentence before lower case is a lost capital, no run-in style
    (
        "en",
        "I don't think he's blind. he's worked hard to get where he is now, like everyone else.",
        "I don't think he's blind. He's worked hard to get where he is now, like everyone else.",
    ),
    # a label glued to the noun naming its key or button, or joined
    # by a hyphen: a space, no sentence break, the label's capital kept
    (
        "pt",
        "Mantenha pressionada a tecla Super e pressione Tab.\n\nAinda mantendo pressionado a teclaSuper, pressione Tab.",
        "Mantenha pressionada a tecla Super e pressione Tab.\n\nAinda mantendo pressionado a tecla Super, pressione Tab.",
    ),
    (
        "nl",
        "Als u het toetsenbord gebruikt, houdt u deSuper-toets ingedrukt en drukt u op de pijltoets.",
        "Als u het toetsenbord gebruikt, houdt u de Super-toets ingedrukt en drukt u op de pijltoets.",
    ),
    # glue inside a sentence is still split where an identifier opens the paragraph
    (
        "en",
        "newWidth is the width. We walked along the main roadHowever, the shops were closed.",
        "newWidth is the width. We walked along the main road. However, the shops were closed.",
    ),
    (
        "de",
        "Er hat es gesagtDann ging er nach Hause und schlief sofort ein.",
        "Er hat es gesagt. Dann ging er nach Hause und schlief sofort ein.",
    ),
    # a program's name without a vowel still ends a sentence before a stop word that opens the next
    (
        "it",
        "I pacchetti sono gestiti da npmPer scaricare i file si usa la rete.",
        "I pacchetti sono gestiti da npm. Per scaricare i file si usa la rete.",
    ),
    # a lower-case abbreviation's stop may end a sentence too
    (
        "en",
        "We sold the books, the toys and the miscThe rest went to the market.",
        "We sold the books, the toys and the misc. The rest went to the market.",
    ),
    # the same sentence written twice with the same glue is no term written so on purpose: a manual
    # repeats its sentences, and each copy is repaired
    (
        "en",
        "Keep the file in the main folderThis makes it easy to find again later.\n\n"
        "Keep the file in the main folderThis makes it easy to find again later.",
        "Keep the file in the main folder. This makes it easy to find again later.\n\n"
        "Keep the file in the main folder. This makes it easy to find again later.",
    ),
    # a pronoun of the stop list glued to a verb is still glue where compounds are closed
    (
        "nl",
        "Hij zei dat hij het niet wist en zijhebben het ook niet gezien.",
        "Hij zei dat hij het niet wist en zij hebben het ook niet gezien.",
    ),
    # without that evidence, a capitalised common word after a lower-case letter starts a sentence
    (
        "en",
        "We walked for three daysFitness experts say this is good for you.",
        "We walked for three days. Fitness experts say this is good for you.",
    ),
]


@pytest.mark.parametrize(("lang", "damaged", "repaired"), REPAIRED)
def test_damage_is_still_repaired(lang: str, damaged: str, repaired: str) -> None:
    assert_repaired(damaged, lang, repaired)


PAGE = """<!doctype html><html lang="en"><head><title>Setting up the mail server</title></head><body>
<article><h1>Setting up the mail server</h1>
<p>Install the server first. The package is in the main archive and needs no extra repository at all.</p>
<pre>sudo apt install postfix postfix
echo "the the end"</pre>
<p>Then set <code>mydestination</code> to the name of the domain. The server reads it when it starts again.</p>
</article></body></html>"""


def _with_block(block: str) -> str:
    """`PAGE` with `block` in place of its `<pre>`."""
    return PAGE.replace('<pre>sudo apt install postfix postfix\necho "the the end"</pre>', block)


def test_code_in_a_pre_is_kept_as_written_and_stays_so_on_a_second_clean() -> None:
    """Found by a new user: a `<pre>` lost its indentation and blank lines, and a doubled word in a code
    comment was removed. A `<pre>` is now a fenced code block of the output, kept as written; the
    fences stay, so a second clean (as text) keeps it too (a shield kept aside broke idempotence)."""
    out = clean(_with_block("<pre>if ready:\n    # the the server starts\n\n    start(server,  now)\n</pre>"))
    assert "\n\n```\nif ready:\n    # the the server starts\n\n    start(server,  now)\n```\n\n" in out
    assert clean(out, input_format="text") == out
    assert clean(out) == out


def test_the_same_lines_outside_a_pre_are_laid_out_and_repaired() -> None:
    """Negative: the same lines in a paragraph are prose: one line, the doubled word removed."""
    page = _with_block(
        "<p>If ready, the the server starts at once and the clients follow it a minute later.</p>"
    )
    assert "If ready, the server starts at once" in clean(page)


def test_code_the_page_marks_is_never_repaired() -> None:
    """An inline `<code>` is written as a Markdown code span, which no step edits or flags; the
    backticks stay in the output, so a second clean, as text, keeps it too."""
    out = clean(PAGE)
    assert "sudo apt install postfix postfix\n" in out
    assert 'echo "the the end"' in out
    assert "Then set `mydestination` to" in out
    assert clean(out, input_format="text") == out
    assert clean(out) == out


@pytest.mark.parametrize(
    ("html", "span"),
    [
        ("<code>the the</code>", "`the the`"),
        ("<code>a`b</code>", "``a`b``"),
        ("<code> `tick` </code>", "`` `tick` ``"),
        ("<code>  two\n  lines </code>", "`two lines`"),
    ],
)
def test_inline_code_is_a_code_span_kept_as_written(html: str, span: str) -> None:
    page = PAGE.replace("<code>mydestination</code>", html)
    result = clean_and_explain(page)
    assert f"Then set {span} to" in result.text
    assert not [
        e for e in result.edits if e.cleaner not in ("extract", "layout", "final_layout") and span in e.before
    ]
    assert clean(result.text, input_format="text") == result.text


def test_a_code_span_of_text_input_is_edited_by_no_step() -> None:
    """Text input: the words between backticks are code, as written, and no non-word is flagged there;
    the prose around it is still repaired (the negative)."""
    text = "Run `xyzzq --the the`   first, and then the the server starts.\n"
    result = clean_and_explain(text, lang="en")
    assert (
        result.text == "Run `xyzzq --the the` first, and then the server starts.\n"
    )  # the layout still acts
    assert "xyzzq" not in {e.before for e in result.edits if e.flag}


def test_the_same_words_outside_code_are_repaired() -> None:
    prose = (
        PAGE.replace("<pre>", "<p>").replace("</pre>", "</p>").replace("<code>", "").replace("</code>", "")
    )
    out = clean(prose)
    assert "Then set my destination to" in out  # the negative: without the mark the glue is split


FENCED_TEXT = (
    "The script below restarts the server when its configuration changes on the disk.\n\n"
    "```\nwhile true; do\n    # the the loop waits here\n    sleep  5\ndone\n```\n\n"
    "It runs until the the machine stops.\n"
)


def test_a_fenced_block_of_text_input_is_edited_by_no_step() -> None:
    """Text input: the lines between fences are code, kept as written (indentation, doubled spaces, the
    doubled word of a comment); the doubled word of the prose after it still goes (the negative)."""
    result = clean_and_explain(FENCED_TEXT, lang="en")
    assert result.text == FENCED_TEXT.replace("until the the machine", "until the machine")
    assert [e.before for e in result.edits if not e.flag] == [" the"]


def test_mojibake_inside_a_pre_is_still_repaired() -> None:
    """The page's bytes read in the wrong charset damage code as they damage prose: that repair is made
    inside a fenced block too, and nothing else is (the doubled word of the comment stays)."""
    out = clean(
        _with_block("<pre>echo \u00e2\u0080\u009chello\u00e2\u0080\u009d  # the the greeting\n</pre>")
    )
    assert "```\necho \u201chello\u201d  # the the greeting\n```" in out
    assert clean(out, input_format="text") == out


def test_a_code_element_that_holds_blocks_is_read_as_blocks() -> None:
    """Negative: a page that wraps whole blocks in a `<code>` (a feed, a layout) has no inline code there:
    its blocks stay blocks, without backticks."""
    inner = (
        "<div><p>The first post tells how the garden grew over the long and rainy summer months.</p>"
        "<p>The second post shows the harvest that came in the autumn, with photos of every basket.</p></div>"
    )
    page = PAGE.replace(
        "<p>Then set <code>mydestination</code> to the name of the domain.", f"<code>{inner}</code><p>Then"
    )
    out = clean(page)
    assert "\n\nThe first post tells how the garden grew" in out
    assert "\n\nThe second post shows the harvest" in out
    assert "`" not in out.replace("```", "")
    # a <code> left open in a paragraph is carried by the parser into the blocks after it: no code there
    out = clean(
        PAGE.replace("<code>mydestination</code>", "<code>mydestination").replace("</article>", inner)
    )
    assert "\n\nThe first post tells how the garden grew" in out
    assert "`The first post" not in out


def test_code_spans_end_at_the_first_run_of_their_length() -> None:
    """ "`2`, `1`" are two spans, and the prose between them is no code ("and" is still read)."""
    from cleanmedia.text import code_spans

    text = "Set the values `2`, `1`, and and `0` or ``a`b`` here."
    assert [text[a:b] for a, b in code_spans(text)] == ["`2`", "`1`", "`0`", "``a`b``"]
    assert clean(text + "\n", lang="en") == "Set the values `2`, `1`, and `0` or ``a`b`` here.\n"
