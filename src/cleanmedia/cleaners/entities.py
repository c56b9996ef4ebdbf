"""HTML character references left in text ("l&#8217;aéroport", "&hellip;", "AT&amp;T", double-escaped
"&amp;amp;"): decoded, each with its edit.

Only complete references (closed by ";") that the HTML standard names, or numeric ones of a valid
character, are decoded. A double escape ("&amp;#8217;", "&amp;amp;") is decoded to its character (until
it stops changing, three rounds at most), as a scrape of a page escaped twice leaves it, unless the text
discusses references: a text about markup (`about_markup`: tags written as text, or a reference that
decoded would vanish written as a word, "write &nbsp; for a non-breaking space"), or a reference written
as a word beside its own reading on its line ("write &amp; to show &", `reading_beside`). There a
reference written as a word of a sentence is the text's subject: left as written and flagged
(`entity.subject`), and double escapes stay, flagged (`entity.double`). A sign that the document is
escaped text (a reference inside a word: "l&#8217;aéroport", "AT&amp;T", "Paris&hellip;", which a page
writing references as its subject never has) overrides that: everything is decoded, the sign named in
each edit. A page about HTML (markup written as text, "<p>" or "&lt;p&gt;") and a line of code keep
their double escapes, and code as written (a fenced or indented block, a code span: `<pre>` and
`<code>` of HTML) keeps every reference unless the text outside code is escaped. In HTML input the parser
has decoded once: what it leaves ("&amp;" of "&amp;amp;") is what the page shows, and the same rules
read it (a second clean of the output, as text, takes the same decisions).
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Iterator

from cleanmedia.cleaner import Cleaner
from cleanmedia.document import DocumentView, Edit
from cleanmedia.text import CODE_SPANS, FENCED_BLOCKS, code_lines

#: A character reference, possibly escaped again ("&amp;amp;", "&amp;#8217;").
REFERENCE = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


#: An escaped tag: "&lt;p&gt;", "&lt;/p&gt;", "&lt;a href=...&gt;", "&lt;!-- ... --&gt;" (one line at most).
ESCAPED_TAG = re.compile(r"&lt;(?:/?[A-Za-z][A-Za-z0-9:-]*(?:[\s/][^\n<>]*?)?|![^\n<>]*?)&gt;")
#: A tag written as text ("<p>", "</div>", "<a href=...>"): the text shows markup, so it is about HTML.
LITERAL_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?>")
#: A reference escaped again: "&amp;" followed by a reference's body ("&amp;amp;", "&amp;#8217;").
DOUBLE = re.compile(r"&amp;(?:#|[A-Za-z][A-Za-z0-9]*;)")


class Entities(Cleaner):
    """Decodes HTML character references in text (`entity`)."""

    name = "entities"
    reasons = ("entity", "entity.markup", "entity.double", "entity.subject")

    def edits(self, doc: DocumentView) -> Iterator[Edit]:
        text = doc.text
        if "&" not in text:
            return
        # "&lt;p&gt;": escaped markup. Decoded, it would be taken for HTML when the text is cleaned again
        # (clean(clean(x)) != clean(x)) and lose its text then; it stays escaped, and is flagged.
        tags = [(m.start(), m.end()) for m in ESCAPED_TAG.finditer(text)] if "&lt;" in text else []
        for start, end in tags:
            yield doc.mark(start, end, "entity.markup", "escaped markup left escaped")
        found = list(REFERENCE.finditer(text))
        doubles = [m for m in found if DOUBLE.match(m.group())]
        code = code_lines(text) if doubles else ()
        written = doc.cached(FENCED_BLOCKS) + doc.cached(CODE_SPANS)  # code as written: blocks, spans
        sign = escaped_text(text, [m for m in found if not _inside(written, m.start())], bool(tags))
        escaped = sign is not None
        subject = not escaped and about_markup(text, found, bool(tags))
        lines = LineWords(text)  # each line's words, read once (`reading_beside`)
        beside = set() if escaped else {m.start() for m in found if _beside(text, m, lines)}
        discussed = subject or bool(beside)  # the text discusses references: its double escapes stay
        k = 0
        for m in found:
            while k < len(tags) and tags[k][1] <= m.start():
                k += 1
            if k < len(tags) and tags[k][0] <= m.start():
                continue  # inside an escaped tag
            if not escaped and _inside(written, m.start()):
                continue  # code as written ("`&amp;`" shows "&amp;"): only an escaped page's is decoded
            decoded = decode(m.group())
            if DOUBLE.match(m.group()) and not escaped and (discussed or _inside(code, m.start())):
                if not tags and not _inside(code, m.start()) and not LITERAL_TAG.search(text):
                    yield doc.mark(
                        m.start(),
                        m.end(),
                        "entity.double",
                        f"double-escaped reference left as written: the text discusses references (decoded: {decoded!r})",
                    )
                continue
            if DOUBLE.match(m.group()) and _inside(code, m.start()):
                continue  # a line of code or data keeps its escapes
            if decoded == m.group():
                continue
            if m.start() in beside or (discussed and written_as_word(text, m.start(), m.end())):
                yield doc.mark(
                    m.start(),
                    m.end(),
                    "entity.subject",
                    f"reference written as a word of a sentence left as written (decoded: {decoded!r})",
                )
                continue
            if escaped:
                why = f": the document is escaped text ({sign})"
            elif DOUBLE.match(m.group()):
                why = ": escaped twice, and the text discusses no reference"
            else:
                why = ""
            yield doc.change(m.start(), m.end(), decoded, "entity", "HTML character reference decoded" + why)


def _beside(text: str, m: re.Match[str], lines: LineWords | None = None) -> bool:
    """Whether the reference `m` is written as a word beside its reading (`reading_beside`), read
    through one round ("&amp;amp;" beside "&amp;") or all of them ("&amp;" beside "&")."""
    if not written_as_word(text, m.start(), m.end()):
        return False
    once = html.unescape(m.group())
    return any(
        r != m.group() and reading_beside(text, m, r, lines) for r in dict.fromkeys((once, decode(m.group())))
    )


def escaped_text(text: str, references: list[re.Match[str]], escaped_tags: bool) -> str | None:
    """The sign that `text`'s references are escaped text, not references written as a subject (the
    reference and its neighbours, for the log), or None: one of them touches a letter or a digit
    ("l&#8217;aéroport", "AT&amp;T", "Paris&hellip;", "&#8220;Oui"), where a page writing references
    as its subject never puts one, and the text writes no markup as text (`LITERAL_TAG`, an escaped
    tag): that is a page about HTML, whose examples stay. In HTML input this is the page escaped
    twice (the parser decoded once, and references are left in its words): only then is a reference
    the parser left decoded a second time. `references`: those outside code (code shows its own)."""
    if escaped_tags or LITERAL_TAG.search(text):
        return None
    for m in references:
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if (before.isalnum() or after.isalnum()) and decode(m.group()) != m.group():
            return text[max(m.start() - 8, 0) : m.end() + 8].strip()
    return None


def reading_beside(text: str, m: re.Match[str], decoded: str, lines: LineWords | None = None) -> bool:
    """Whether the line of the reference `m` also writes its reading `decoded` as a word of its own
    ("write &amp; to show &", "schreibt man &amp; für ein &"): a text that discusses references
    shows both on purpose (in HTML, a page that shows "&amp;" was written "&amp;amp;", escaped on
    purpose); a scrape's undecoded escape stands alone ("Tom &amp; Jerry"). `lines`: the text's
    lines' words, kept between calls (a long line of references was read once per reference)."""
    return decoded in (lines or LineWords(text)).of(m.start())


class LineWords:
    """The words of each line of a text as `reading_beside` compares them (a quote or a bracket around
    them, a closing mark after them aside), each line read once, found by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.start() for m in re.finditer("\n", text)]
        self.words: dict[int, frozenset[str]] = {}

    def of(self, pos: int) -> frozenset[str]:
        """The words of the line `pos` is on."""
        k = bisect.bisect_left(self.ends, pos)
        if k not in self.words:
            start = self.ends[k - 1] + 1 if k else 0
            line = self.text[start : self.ends[k] if k < len(self.ends) else len(self.text)]
            self.words[k] = frozenset(
                w
                for t in line.split()
                for w in (t.strip(WORD_EDGE).rstrip(".,:!?"), t.strip(WORD_EDGE + ".,;:!?"))
            )
        return self.words[k]


def about_markup(text: str, references: list[re.Match[str]], escaped_tags: bool) -> bool:
    """Whether `text` is about markup: it writes tags as text (`LITERAL_TAG`, an escaped tag), or it
    writes as a word of a sentence a reference that decoded would vanish (a no-break space, a zero-width
    character: "write &nbsp; for a non-breaking space"), which no scrape leaves there by chance. A
    reference to a visible character between words ("bread &amp; butter", "salt &#x26; pepper") is a
    scrape's undecoded escape in any other text, and is decoded."""
    if escaped_tags or LITERAL_TAG.search(text):
        return True
    return any(
        _invisible(decode(m.group())) and written_as_word(text, m.start(), m.end())
        for m in references
        if not DOUBLE.match(m.group())
    )


def _invisible(decoded: str) -> bool:
    """Whether a decoded reference shows nothing once white space is collapsed (spaces, format
    characters: "&nbsp;", "&ensp;", "&zwnj;", "&shy;")."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in decoded)


#: What may stand around a reference written as a word: a quote or a bracket ("write `&nbsp;`").
WORD_EDGE = "\"'`“”„«»‘’()[]"


def written_as_word(text: str, start: int, end: int) -> bool:
    """Whether the reference at `start:end` is written as a word of a sentence, the way a text about
    markup names it ("write &nbsp; for a non-breaking space"): white space (or a quote or a bracket,
    `WORD_EDGE`) on each side, and a word of letters before and after it on its line; or, after it,
    marks that close a clause and then white space or the line's end ("write &nbsp;.", "the sign
    &amp;, which"); an elided word before it ("l’&nbsp;", "dell'&amp;") and a possessive after it
    ("the &amp;'s job") are words around it too. A reference left undecoded by a scrape touches the
    words it joins ("20&nbsp;Euro", "AT&amp;T") or stands between separators ("Home &nbsp;|&nbsp;
    News"); decoded, this one would be lost (a no-break space between two spaces is collapsed), and
    the sentence with it."""
    # the words next to it, not the whole line (a long line of references read once per reference
    # was quadratic)
    line_start = max(text.rfind("\n", max(0, start - NEAR), start) + 1, start - NEAR)
    line_end = text.find("\n", end, end + NEAR)
    line_end = min(len(text), end + NEAR) if line_end < 0 else line_end
    elided = ELIDED_BEFORE.search(text, max(line_start, start - 8), start)
    if elided is None:
        before = text[line_start:start].rstrip(WORD_EDGE)
        left = before.split()
        if not (before[-1:].isspace() and left and left[-1].strip(CLAUSE_CLOSING).isalpha()):
            return False
    possessive = POSSESSIVE_AFTER.match(text, end, line_end)
    after = text[possessive.end() if possessive else end : line_end].lstrip(WORD_EDGE)
    if CLOSES_CLAUSE.match(after):
        return True
    right = after.split()
    return after[:1].isspace() and bool(right) and right[0].strip(CLAUSE_CLOSING).isalpha()


#: How many characters on each side of a reference are read for the words around it.
NEAR = 200
#: Marks that close a clause or a sentence right after a reference written as a word ("write &nbsp;.").
CLAUSE_CLOSING = ".,;:!?\u2026"
CLOSES_CLAUSE = re.compile(rf"[{CLAUSE_CLOSING}]+(?:\s|$)")
#: An elided word right before a reference, after white space or at the line's start ("l’&nbsp;",
#: "dell'&amp;", "d'&lt;"): the article or preposition of a sentence naming it.
ELIDED_BEFORE = re.compile(r"(?:^|(?<=\s))[^\W\d_]{1,4}['’]\Z", re.MULTILINE)
#: A possessive right after a reference ("the &amp;'s job"), then no letter.
POSSESSIVE_AFTER = re.compile(r"['’]s(?![\w'’])")


def _inside(spans: tuple[tuple[int, int], ...], pos: int) -> bool:
    """Whether `pos` falls in one of `spans` (lines of code: a few per document at most)."""
    return any(start <= pos < end for start, end in spans)


def decode(reference: str) -> str:
    """`reference` decoded until it stops changing (at most three rounds); unchanged when the standard
    does not name it or it encodes no valid character (a control, a surrogate)."""
    out = reference
    for _ in range(3):
        step = html.unescape(out)
        if step == out:
            break
        out = step
    if any(ord(ch) < 32 and ch not in "\t\n" or 0xD800 <= ord(ch) <= 0xDFFF or ch == "\ufffd" for ch in out):
        return reference
    return out
