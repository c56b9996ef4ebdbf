"""HTML to text blocks with selectolax (Lexbor): block elements become lines, inline ones never glue words.

This is the block conversion every HTML input goes through; it also reads page metadata (title,
author, date, site, language, canonical URL) from meta tags and JSON-LD.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanmedia.budget import pacer
from cleanmedia.document import Metadata
from cleanmedia.text import bare_title, is_list_item

#: Elements whose text is never content.
SKIP = frozenset(
    [
        "script",
        "style",
        "template",
        "svg",
        "noscript",
        "head",
        "title",  # a title misplaced in the body is not shown either
        "iframe",
        "object",
        "embed",
        "canvas",
        "math",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "audio",
        "video",
        "source",
        "track",
        "map",
        "area",
        "dialog",
    ]
)
#: Elements that start and end a line.
BLOCK = frozenset(
    [
        "html",
        "body",
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "li",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "caption",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "legend",
        "address",
        "details",
        "summary",
        "hr",
        "center",
        "menu",
        "hgroup",
        "search",
    ]
)
CELL = frozenset({"td", "th"})
#: What makes a table cell a block of its own: a line break or a block inside it. Such a cell is a column
#: of an old table layout (a menu of links one per line, the article, a box of dates), not a value of a
#: data table: its first line must not be glued to the last line of the cell before it (a menu's
#: last link, "Imprint", and the article's title "Annual general meeting" read as one line, then taken
#: for a legal notice). A data table's plain cells stay on their row's line, a space apart.
CELL_LINES = BLOCK | {"br"}
#: A run of white space but the no-break spaces: Unicode's White_Space, as `regex` reads \s, written out
#: for the standard `re` (faster on every line of a page; tests/test_gates.py checks the two agree).
SPACES = re.compile(r"[\t-\r \x85\u1680\u2000-\u200a\u2028\u2029\u205f\u3000]+")
#: How a page starts: a doctype or an html tag, or a head or body tag right before another tag, after a byte
#: order mark, an XML declaration and comments. Anywhere else such a tag may be text quoting markup ("the
#: <head> element holds...", "<body> is where the content goes").
PAGE_START = regex.compile(
    r"\ufeff?\s*(?:<\?xml[^<>]*>\s*)?(?>(?:<!--.*?-->\s*)*)"
    r"(?:<(?:!doctype\s+html|html)\b[^<>]*>|<(?:head|body)\b[^<>]*>\s*<[a-z!])",
    regex.IGNORECASE | regex.DOTALL,
)
#: The share of a text's characters its tags must make for markup without a page's start to be HTML:
#: a fragment's tags stand around every paragraph and phrase they mark up; a text quoting markup has
#: paragraphs of prose around its samples (the bench's cleaned pages that quote markup: at most 0.2).
MARKUP_SHARE = 0.3
#: Letters and digits: the share is of tags against the words beside them, so that dropping junk (controls,
#: stray symbols, as the text cleaners do) never turns a text into markup.
WORD_RUN = regex.compile(r"\w+")
#: Any tag, comment or doctype (scripts and styles too: a page may start with one), for MARKUP_SHARE; an
#: unclosed comment runs to the end (as a parser reads it: each `<!--` scanning on would be quadratic).
ANY_TAG = regex.compile(
    r"</?[a-z][a-z0-9:-]*\b[^<>]*>|<!--.*?(?:-->|\Z)|<![a-z][^<>]*>", regex.IGNORECASE | regex.DOTALL
)
#: An element of a page's body, opened or closed, with its attributes.
HTML_TAG = regex.compile(
    r"<(/?)(div|p|br|span|article|section|main|h[1-6]|ul|ol|li|table|tr|td|a|meta|title|link|img|nav|header|footer|strong|em|b|i)\b([^<>]*)>",
    regex.IGNORECASE,
)
ISO_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}")
#: Characters no reader sees (soft hyphen, zero-width spaces and joiners, word joiner, BOM).
INVISIBLE = regex.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
#: What sites put between a title and their name ("Title - Site", "Site | Title").
TITLE_SEPARATORS = "-–—|:·•»/"
SEPARATED = re.compile(rf"\s[{re.escape(TITLE_SEPARATORS)}]\s")  # a separator between words of a title
#: A hidden element holding this share of the page's text or more is shown (a wrapper a script reveals).
REVEAL_SHARE = 0.5
LOG = logging.getLogger(__name__)


#: Deepest element nesting kept, as Blink keeps it (kMaximumHTMLParserDOMTreeDepth): the HTML parsing
#: algorithm looks through the open elements at each block start tag, and selectors match descendants
#: by walking up, so a page nested 50,000 deep costs the square of its depth. Deeper tags are dropped
#: (a block's becomes a line break); their text stays where it was.
MAX_DEPTH = 512
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
RAW_TEXT = frozenset(
    ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]
)
_SIBLINGS = {
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
}
#: An open tag implicitly closes an open element of these (a block closes p, li closes li...).
IMPLIED_END = {
    tag: frozenset({"p"} if tag in BLOCK else set()).union(_SIBLINGS.get(tag, ()))
    for tag in BLOCK | {"td", "th", "option"} - {"html", "body"}
} | {"th": frozenset({"td", "th"}), "option": frozenset({"option"})}
#: A start or end tag (to the next '<' or '>': an unclosed '<' never makes the scan quadratic), or the
#: start of a comment.
TAG = regex.compile(r"<(?:(/?)([A-Za-z][A-Za-z0-9:-]*+)[^<>]*+>|!--)")


def _any_case(word: str) -> str:
    """`word` as a pattern that matches it in any ASCII case ("ab" -> "[aA][bB]")."""
    return "".join(f"[{c.lower()}{c.upper()}]" for c in word)


_GATE_RAW = "|".join(map(_any_case, ("script", "style", "textarea", "title", "xmp")))
#: What the depth gate counts: raw text and comments as one unit each (their inside is not markup), and
#: the slash and name of every start or end tag ("div", "/DIV"). Case is written out in the classes, not
#: ignored with a flag (a pattern that ignores case runs slower over the whole page); ASCII only, as tag
#: names are: no lowered copy of the page (lowering a page with one non-ASCII character costs more than
#: the scan). One group, so that the scan makes one string per tag.
GATE_TOKEN = re.compile(
    rf"<(?:(?:{_GATE_RAW})\b(?:[^<]++|<(?!/(?:{_GATE_RAW})))*+|!--(?:[^-]++|-(?!->))*+"
    r"|(/?[A-Za-z][A-Za-z0-9:-]*+))",
    re.ASCII,
)


def _may_be_deeper(html: str, max_depth: int) -> bool:
    """False when `html` certainly nests no deeper than `max_depth`: the open elements are over-counted
    (no implied end tag, an end tag closes one element at most), in one scan of the tags with little
    Python per tag (this runs on every page; the exact walk of `limit_depth` costs four times more).
    The tags are lowered all at once, joined (raw text and comments give empty tokens, which the split
    drops)."""
    depth = 0
    counts = dict.fromkeys(VOID, -1)  # void elements never open
    for token in " ".join(GATE_TOKEN.findall(html)).lower().split():
        if token[0] == "/":
            name = token[1:]
            open_ = counts.get(name, 0)
            if open_ > 0:
                counts[name] = open_ - 1
                depth -= 1
        else:
            open_ = counts.get(token, 0)
            if open_ >= 0:
                counts[token] = open_ + 1
                depth += 1
                if depth > max_depth:
                    return True
    return False


def parse(html: str) -> LexborHTMLParser:
    """The page's tree, nested at most MAX_DEPTH deep (`limit_depth`), with at most MAX_ATTRIBUTES
    attributes on an element (`limit_attributes`)."""
    return LexborHTMLParser(limit_attributes(limit_depth(html)))


#: Most attributes kept on one element. The parser drops duplicate attributes by comparing each with
#: those before it, so an element with 80,000 costs the square (20 s for a 1.3 MB page). Elements of the
#: bench pages have 70 at most as the parser reads them; the scan below, which cannot tell a tag from
#: markup quoted inside an attribute value, finds 1,682 in one page (an SVG path, escaped, in a value):
#: the limit is above both, so that no page changes, and low enough that the square costs little.
#: Attributes past it are dropped (an element's first attributes are its real ones).
MAX_ATTRIBUTES = 4096
#: A start tag long enough to hold MAX_ATTRIBUTES attributes (" a" each at least): the only candidates.
LONG_TAG = re.compile(rf"<[A-Za-z][A-Za-z0-9:-]*+(?=[^<>]{{{2 * MAX_ATTRIBUTES}}})")
#: One attribute of a start tag, as the tokenizer reads it: a name, then maybe a quoted or bare value.
ATTRIBUTE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*+"|'[^']*+'|[^\s"'<>=`]++))?""")


def limit_attributes(html: str, max_attributes: int = MAX_ATTRIBUTES) -> str:
    """`html` with the attributes past the first `max_attributes` of any element dropped (outside scripts
    and styles). The page comes back unchanged (the same object) when no start tag holds that many,
    which is every real page (a tag must be long to hold them: the scan for such tags is all most
    pages cost)."""
    out: list[str] = []
    copied = 0
    lowered = ""
    for m in _long_tags(html):
        if m.start() < copied:
            continue
        pos, cut = m.end(), -1
        for kept, a in enumerate(ATTRIBUTE.finditer(html, pos), 1):
            if html[pos : a.start()].strip():
                break
            pos = a.end()
            if kept == max_attributes:
                cut = pos
        if cut < 0:
            continue
        lowered = lowered or html.lower()  # once, and only for a page that has such a tag
        if _in_raw_text(lowered, m.start()):
            continue
        out.append(html[copied:cut])
        copied = pos  # what follows the last attribute ("/>", ">") stays
    if not out:
        return html
    out.append(html[copied:])
    return "".join(out)


def _long_tags(html: str) -> Iterator[re.Match[str]]:
    """The matches of LONG_TAG in `html`, searched only between two '>' far enough apart to hold one
    (a match and its run of 2 * MAX_ATTRIBUTES characters have no '>'): most pages have no such
    stretch, or a few (an inline script or JSON), so the pattern scans a little of the page rather
    than every tag of it. The stretches are found by probing windows of MAX_ATTRIBUTES characters
    (`_long_stretches`): one `find` per window, at memchr speed, and no string per tag."""
    for start, end in _long_stretches(html, 2 * MAX_ATTRIBUTES):
        yield from LONG_TAG.finditer(html, start, end)


def _long_stretches(html: str, longer_than: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of `html` without '>' longer than `longer_than` characters, in order.
    Such a run covers at least one whole window of `longer_than // 2` characters aligned on a multiple
    of it, so only the windows without '>' are looked at (most pages: none), each widened to its run."""
    window = max(longer_than // 2, 1)
    last_end = -1
    for at in range(0, len(html) - window + 1, window):
        if at < last_end or html.find(">", at, at + window) >= 0:
            continue
        start = html.rfind(">", 0, at) + 1
        end = html.find(">", at + window)
        end = len(html) if end < 0 else end
        last_end = end
        if end - start > longer_than:
            yield start, end


def _in_raw_text(lowered: str, pos: int) -> bool:
    """Whether `pos` is inside a script or style element of the (lower-cased) page."""
    return any(
        lowered.rfind(f"<{name}", 0, pos) > lowered.rfind(f"</{name}", 0, pos) for name in ("script", "style")
    )


def limit_depth(html: str, max_depth: int = MAX_DEPTH) -> str:
    """`html` with the tags that would nest deeper than `max_depth` dropped: a block's start and end tags
    become `<br>` (its text stays a line of its own), other tags go. One pass over
    the tags, as the parser would see them (comments and raw text such as scripts skipped, implied end
    tags of li, p, td... honoured). The page comes back unchanged (the same object) when it is not
    that deep, which is every real page."""
    if not _may_be_deeper(html, max_depth):
        return html
    stack: list[str] = []
    counts: dict[str, int] = {}
    dropped: dict[str, int] = {}
    out: list[str] = []
    copied = 0
    pos = 0
    lowered = ""
    tick = pacer("limiting the depth")
    while True:
        if tick is not None:
            tick()
        m = TAG.search(html, pos)
        if m is None:
            break
        pos = m.end()
        name = (m.group(2) or "").lower()
        if not name:  # a comment: to its end, or the page's
            end = html.find("-->", pos)
            if end < 0:
                break
            pos = end + 3
            continue
        if m.group(1):  # an end tag
            if dropped.get(name):
                dropped[name] -= 1
                out.append(html[copied : m.start()])
                out.append("<br>" if name in BLOCK else "")
                copied = pos
            elif counts.get(name):
                while stack:
                    top = stack.pop()
                    counts[top] -= 1
                    if top == name:
                        break
            continue
        if name in VOID:
            continue
        implied = IMPLIED_END.get(name)
        while implied and stack and stack[-1] in implied:
            counts[stack.pop()] -= 1
        if name in RAW_TEXT:
            lowered = lowered or html.lower()  # once: a page may have many scripts
            end = lowered.find(f"</{name}", pos) if name != "plaintext" else -1
            if end < 0:
                break
            pos = end
            continue
        if len(stack) < max_depth:
            stack.append(name)
            counts[name] = counts.get(name, 0) + 1
        else:
            dropped[name] = dropped.get(name, 0) + 1
            out.append(html[copied : m.start()])
            out.append("<br>" if name in BLOCK else "")
            copied = pos
    if not out:
        return html
    out.append(html[copied:])
    return "".join(out)


def looks_like_html(content: str) -> bool:
    """True when the content is an HTML document or fragment, on markup evidence only: it starts as a
    page does (`PAGE_START`: a doctype or an html tag, after any XML declaration and comments); or it
    is one element ("<p>...</p>": it starts with a tag and ends with the same element closed); or its
    markup is dense (at least two closed elements, four tags in all, and tags of any kind, scripts and
    comments too, make MARKUP_SHARE of its tags and words: `markup_share`). Text that mentions tags is
    text, wherever they stand ("the <head> element", "Use the <div> tag", "<p> and </p>", a code
    sample among paragraphs): a page's cleaned text quotes the markup its article shows, and a second
    clean must read it as text again (issue 14: idempotence), never drop the words the tags stand for.
    The whole content is judged."""
    if PAGE_START.match(content):
        return True
    stripped = content.strip()
    first = HTML_TAG.match(stripped)
    last = next(reversed(list(HTML_TAG.finditer(stripped, max(0, len(stripped) - 200)))), None)
    if (
        first
        and last
        and last.end() == len(stripped)
        and last.group(1)
        and not first.group(1)
        and first.group(2).lower() == last.group(2).lower()
    ):
        return True  # a fragment wrapped in an element: "<p>... </p>" ("<p> ... <b>x</b>" is not one)
    closed = opened = 0
    for match in HTML_TAG.finditer(stripped):
        if match.group(1):
            closed += 1
        else:
            opened += 1
    if closed < 2 or closed + opened < 4:
        return False
    return markup_share(stripped) >= MARKUP_SHARE


def markup_share(text: str) -> float:
    """The share of tags (`ANY_TAG`, in characters) against the tags and the word characters beside
    them (not all characters: dropping junk, controls or stray symbols, as the text cleaners do, leaves
    it alone). 0.0 without a tag."""
    size = sum(m.end() - m.start() for m in ANY_TAG.finditer(text))
    words = sum(len(run) for run in WORD_RUN.findall(ANY_TAG.sub(" ", text))) if size else 0
    return size / (size + words) if size else 0.0


def is_hidden(node: LexborNode, attrs: dict[str, str | None] | None = None) -> bool:
    """Hidden by the page: the hidden attribute, aria-hidden, or an inline display:none. `attrs`: the
    node's attributes when the caller has them already (reading them makes a new dict each time)."""
    if attrs is None:
        attrs = node.attributes
    if not attrs:
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if not style:  # most elements have no inline style
        return False
    style = style.replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


#: What Python's `str.split()` takes for white space and SPACES does not: the no-break spaces (and the
#: information separators U+001C-U+001F, which `str.split()` counts as white space too).
OTHER_SPACES = re.compile("[\x1c-\x1f\xa0\u202f]")


def single_spaced(text: str) -> str:
    """`text` with each run of SPACES made one space, and stripped (of any white space, the no-break
    spaces included, at its ends). Without a no-break space (most lines) that is splitting at white
    space and joining with one space, in C, which is cheaper than the substitution."""
    if OTHER_SPACES.search(text) is None:
        return " ".join(text.split())
    return SPACES.sub(" ", text).strip()


#: Marks `_Lines` puts among a line's pieces, read and dropped when the line is made (`_marked`): the
#: end of an inline element right before another element (a seam), a table cell's start, and a word
#: break after a footnote mark. Control characters no reader sees: a page's own go with them.
SEAM, CELL_START, GAP = "\x03", "\x04", "\x05"
ANY_MARK = re.compile("[\x03-\x05]")
#: An inline element and the element right after it (a seam: no text between) where the words change case
#: ("<span>Home</span><span>News</span>"): the page shows two words (menu items, labels set apart by
#: their style), never one ("<b>Ber</b>lin" has no second element; "<b>Ber</b><i>lin</i>" no capital).
CASE_SPLIT = regex.compile(r"(?<=\p{Ll})[\x03\x05]*\x03[\x03\x05]*(?=\p{Lu})")
#: A footnote mark's gap before a word ("Satz.[1]Danach" is "Satz.[1] Danach").
GAP_WORD = regex.compile(r"\x05(?=[\x03\x04]*\w)")


def _marked(line: str) -> str:
    """A line's joined pieces with its marks read: a space where two inline elements meet at a change of
    case (CASE_SPLIT) and after a footnote mark before a word (GAP_WORD), then the marks dropped. A line
    of table cells is read by `_cells`."""
    if SEAM in line:
        line = CASE_SPLIT.sub(" ", line)
    if GAP in line:
        line = GAP_WORD.sub(" ", line)
    if CELL_START in line:
        return _cells(line)
    return single_spaced(ANY_MARK.sub("", line))


def _cells(line: str) -> str:
    """A table row as one line, its cells apart by a tab (an empty cell between two is two tabs, as a
    tab-separated table writes it; empty cells at the row's ends go, so that no line starts or ends with
    a tab). What stood before the first cell (an inline element between the row and it) is the first
    cell's."""
    parts = [single_spaced(ANY_MARK.sub("", part)) for part in line.split(CELL_START)]
    if parts and not parts[0]:
        parts.pop(0)
    return "\t".join(parts).strip("\t")


class _Lines:
    def __init__(self, skip_hidden: bool = True, shown: frozenset[int] = frozenset()) -> None:
        self.skip_hidden = skip_hidden
        self.shown = shown
        self.lines: list[str] = []
        self.pieces: list[str] = []
        self.prefix = ""
        self.numbered = False  # the prefix is an ordered list's number: it waits for the item's first line
        self.cell_block = False  # whether the cell `_enter` last entered is a block (CELL_LINES)
        self.cell_span = 1  # how many columns the plain cell `_enter` last entered spans
        self.styled_block = False  # whether the inline element `_enter` last entered is shown as a block
        self.numbers: dict[int, int] = {}  # an ordered list's (by mem_id) last number given

    def add(self, text: str) -> None:
        self.pieces.append(text)

    def flush(self) -> None:
        if self.pieces:  # most block edges have no text before them
            joined = "".join(self.pieces)
            line = _marked(joined) if ANY_MARK.search(joined) else single_spaced(joined)
            self.pieces.clear()
            if line:
                self.lines.append(self.prefix + line)
                self.prefix = ""
                self.numbered = False
                return
        if not self.numbered:  # an item's number waits for its first line (an item of paragraphs)
            self.prefix = ""

    def end_item(self) -> None:
        """The end of a list item: a number that found no line is dropped."""
        self.flush()
        self.prefix = ""
        self.numbered = False


def to_text(html: str) -> tuple[str, Metadata]:
    """The page's visible text as lines (one block per line, list items as '• item') and its metadata."""
    tree = parse(html)
    root = tree.body or tree.root
    return (blocks_text([root], shown=revealed(root)) if root is not None else ""), read_metadata(tree)


def revealed(root: LexborNode) -> frozenset[int]:
    """Hidden elements that hold most of the page's text (REVEAL_SHARE): a `<body style="display:none">`
    or a `<div id="page" hidden>` that a script shows. Hiding them would empty the page."""
    hidden = [n for n in root.css("[hidden], [aria-hidden], [style]") if is_hidden(n)]
    if not hidden:
        return frozenset()
    total = len(root.text(separator=" ", strip=True))
    return frozenset(
        n.mem_id for n in hidden if total and len(n.text(separator=" ", strip=True)) >= REVEAL_SHARE * total
    )


def blocks_text(
    roots: list[LexborNode], skip_hidden: bool = True, shown: frozenset[int] = frozenset()
) -> str:
    """The text under `roots`, one block per line, laid out as the chain lays text out (`join_blocks`).
    `skip_hidden` false keeps hidden elements (extraction already decided which of them hold the
    article); `shown` are hidden elements (by mem_id) kept all the same (`revealed`)."""
    out = _Lines(skip_hidden, shown)
    for root in roots:
        tag = root.tag or ""
        entered = _enter(root, tag, out)
        kind = _kind(tag, out)
        if entered and root.child is not None:
            _walk(root, out)
        if kind == ITEM_KIND:
            out.end_item()
        elif kind == BLOCK_KIND:
            out.flush()
    out.flush()
    return join_blocks(out.lines)


def join_blocks(blocks: list[str]) -> str:
    """Blocks as the layout cleaner leaves them: a blank line between blocks, a single newline between
    two list items and between two rows of a table (`_rows`), one final newline (so the chain has no
    layout to redo on converted pages)."""
    if not blocks:
        return ""
    parts = [blocks[0]]
    for before, after in zip(blocks, blocks[1:], strict=False):
        together = (is_list_item(before) and is_list_item(after)) or ("\t" in before and _rows(before, after))
        parts.append("\n" if together else "\n\n")
        parts.append(after)
    parts.append("\n")
    return "".join(parts)


#: How `_walk` leaves an element it entered: an inline one with a SEAM mark when an element follows it,
#: a block with its line ended, a list item with its number dropped if no line took it, a plain table
#: cell as it is (CELL_KIND) or, spanning n columns, with n - 1 empty cells after it (CELL_KIND + n - 1).
INLINE_KIND, BLOCK_KIND, ITEM_KIND, CELL_KIND = 0, 1, 2, 3


def _kind(tag: str, out: _Lines) -> int:
    """How `_walk` leaves the element `_enter` just entered (whose tag is `tag`)."""
    if tag == "li":
        return ITEM_KIND
    if tag in BLOCK:
        return BLOCK_KIND
    if tag in CELL:
        return BLOCK_KIND if out.cell_block else CELL_KIND + out.cell_span - 1
    return BLOCK_KIND if out.styled_block else INLINE_KIND


def _rows(before: str, after: str) -> bool:
    """Whether two blocks are rows of one table: as many tabs in each, one at least (`_cells`), as the
    layout cleaner reads a tab-separated table (`layout.tab_table_rows`)."""
    tabs = before.count("\t")
    return tabs > 0 and after.count("\t") == tabs and not before.startswith("`")


def _walk(root: LexborNode, out: _Lines) -> None:
    """Depth first without recursion (pages nest 10,000 deep). The elements entered on the way down are
    kept with how each is left (`_kind`), so that the way up reads no node (each read of a node's tag,
    parent or next sibling is a call into the parser's tree: the walk reads three per node)."""
    stack: list[tuple[LexborNode, int]] = []  # the entered elements between `root` and `node`
    add = out.pieces.append  # a text node's text (`_enter` without the call: half the nodes are text)
    node: LexborNode | None = root.child
    tick = pacer("reading the page's text")
    while node is not None:
        if tick is not None:
            tick()
        tag = node.tag or ""
        if tag == "-text":
            add(node.text_content or "")
        else:
            if _enter(node, tag, out):
                child = node.child
                if child is not None:
                    if tag in BLOCK:  # `_kind`, inline: this runs for every element
                        kind = ITEM_KIND if tag == "li" else BLOCK_KIND
                    elif tag in CELL or out.styled_block:
                        kind = _kind(tag, out)
                    else:
                        kind = INLINE_KIND
                    stack.append((node, kind))
                    node = child
                    continue
            if tag in BLOCK or out.styled_block:
                out.flush()
        node = node.next
        while node is None and stack:  # up to the next sibling of an ancestor below `root`
            parent, kind = stack.pop()
            node = parent.next
            if kind == INLINE_KIND:
                if node is not None and (node.tag or "-")[0] != "-":
                    add(SEAM)  # an element right after it, no text (nor comment) between
            elif kind == BLOCK_KIND:
                out.flush()
            elif kind == ITEM_KIND:
                out.end_item()
            elif kind > CELL_KIND:  # a cell spanning columns: the empty cells after it
                add(CELL_START * (kind - CELL_KIND))


def _enter(node: LexborNode, tag: str, out: _Lines) -> bool:
    """Record what `node` (whose tag is `tag`) adds on the way in; True when its children should be
    visited. A text node's tag is "-text"; other nodes that are no element have none or one that starts
    with "-" (comments, the document), where an element's starts with a letter."""
    out.styled_block = False
    if tag == "-text":
        out.add(node.text_content or "")
        return False
    if not tag or tag[0] == "-" or tag in SKIP:
        return False
    attrs = node.attributes if out.skip_hidden or tag not in BLOCK else None
    if out.skip_hidden and is_hidden(node, attrs) and node.mem_id not in out.shown:
        return False
    if tag == "br":
        out.flush()
        return False
    if tag == "pre":
        out.flush()
        block = pre_block(node)
        if block:
            out.lines.append(block)
        return False
    if tag == "code":
        span = code_span(node)
        if span is None:
            return True  # a <code> that holds blocks is no inline code: its blocks are read as blocks
        out.add(span)
        return False
    if tag in SCRIPTS:
        return _enter_script(node, tag, out)
    if tag in BLOCK:
        out.flush()
        if tag == "li":
            out.prefix, out.numbered = _item_mark(node, out)
    elif tag in CELL:
        out.cell_block = _holds_lines(node)  # read by `_walk` right after
        if out.cell_block:
            out.flush()
        else:
            out.add(CELL_START)
            out.cell_span = _span(node)  # read by `_walk` right after
    elif attrs and _shown_as_block(attrs):
        out.styled_block = True  # read by `_walk` right after
        out.flush()
    return True


#: An inline style that shows an inline element as a block of its own (a menu's `<a>`s, a label's
#: `<span>`s): its text is a line, never glued to the words beside it.
BLOCK_DISPLAY = re.compile(r"display:(?:block|flex|grid|table|list-item)\b")


def _shown_as_block(attrs: dict[str, str | None]) -> bool:
    """Whether an inline element's own style shows it as a block (BLOCK_DISPLAY)."""
    style = attrs.get("style")
    return style is not None and BLOCK_DISPLAY.search(style.replace(" ", "").lower()) is not None


#: Most columns a cell's colspan gives (a layout's `colspan="100"` makes no hundred empty cells).
MAX_SPAN = 12


def _span(cell: LexborNode) -> int:
    """How many columns a cell spans (its colspan, 1 to MAX_SPAN): the empty cells after it keep the
    row's tabs in line with the header's."""
    value = (cell.attributes.get("colspan") or "").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _item_mark(item: LexborNode, out: _Lines) -> tuple[str, bool]:
    """The prefix of a list item's first line, and whether it is a number: "• " in a `<ul>` (or any list
    but an `<ol>`), the item's number in an `<ol>` ("3. "), as a browser counts: from the list's
    `start` (1, or the number of items of a `reversed` list), one up (down) per item, an item's `value`
    setting its own number and those after it; a `type` of letters or Roman numerals writes it so."""
    parent = item.parent
    if parent is None or parent.tag != "ol":
        return "\u2022 ", False
    attrs = parent.attributes
    down = "reversed" in attrs
    value = _integer(item.attributes.get("value"))
    last = out.numbers.get(parent.mem_id)
    if value is not None:
        number = value
    elif last is not None:
        number = last - 1 if down else last + 1
    else:
        start = _integer(attrs.get("start"))
        number = start if start is not None else sum(1 for c in parent.iter() if c.tag == "li") if down else 1
    out.numbers[parent.mem_id] = number
    return f"{_numeral(number, attrs.get('type') or '')}. ", True


def _integer(value: str | None) -> int | None:
    """An attribute's whole number ("3", " -2 "), None for none or another value."""
    text = (value or "").strip()
    digits = text[1:] if text[:1] in "+-" else text
    return int(text) if digits.isdigit() and len(digits) < 7 else None


ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _numeral(number: int, kind: str) -> str:
    """`number` as an `<ol type>` writes it: "a"/"A" letters (27 is "aa"), "i"/"I" Roman numerals, any
    other type (and a number below 1 for those two, or over 3999 in Roman) in digits."""
    if kind in ("a", "A") and number > 0:
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if kind == "A" else letters
    if kind in ("i", "I") and 0 < number < 4000:
        roman = ""
        for size, mark in ROMAN:
            count, number = divmod(number, size)
            roman += mark * count
        return roman.upper() if kind == "I" else roman
    return str(number)


SCRIPTS = frozenset({"sup", "sub"})
#: Unicode's superscript and subscript digits and signs (the minus sign and the hyphen both make one).
SUPERSCRIPT = str.maketrans(
    "0123456789+-\u2212=()",
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207b\u207c\u207d\u207e",
)
SUBSCRIPT = str.maketrans(
    "0123456789+-\u2212=()",
    "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u208a\u208b\u208b\u208c\u208d\u208e",
)
SCRIPT_CHARS = frozenset("0123456789+-\u2212=()")


def _enter_script(node: LexborNode, tag: str, out: _Lines) -> bool:
    """A `<sup>` or `<sub>` read as the page shows it: digits and signs as Unicode's superscript or
    subscript ones ("m<sup>2</sup>" is "m²", "H<sub>2</sub>O" "H₂O"), other text as written ("1<sup>er</sup>"
    is "1er", "<sup>[1]</sup>" "[1]"), attached to the word before. A footnote's mark (in brackets, or
    after a stop or a comma) is followed by a space before a word ("Satz.[1] Danach", never
    "[1]Danach"); a script after a letter or a digit is part of its word ("H₂O", "10⁻³"). True (read
    its children as any element's) when it holds a block, a line break or what is never read."""
    for inner in node.traverse():
        inner_tag = inner.tag or ""
        if (
            inner_tag in BLOCK
            or inner_tag in SKIP
            or inner_tag == "br"
            or (inner is not node and is_hidden(inner))
        ):
            return True
    raw = node.text(deep=True, separator="")
    text = single_spaced(raw)
    if not text:
        out.add(raw)  # white space stays a space between words
        return False
    before = " " if raw[0].isspace() else _last_char(out.pieces)
    if SCRIPT_CHARS.issuperset(text) and any(ch.isdigit() for ch in text):
        text = text.translate(SUPERSCRIPT if tag == "sup" else SUBSCRIPT)
    out.add(f"{' ' if raw[0].isspace() else ''}{text}{' ' if raw[-1].isspace() else ''}")
    if text[0] in "[(" or (before and not before.isalnum() and not before.isspace()):
        out.add(GAP)
    return False


def _last_char(pieces: list[str]) -> str:
    """The last character of a line's pieces so far, marks aside ("" for none)."""
    for piece in reversed(pieces):
        piece = piece.rstrip("\x03\x04\x05")
        if piece:
            return piece[-1]
    return ""


#: Runs of backticks in a `<pre>`'s text: its fence is longer than the longest (CommonMark).
BACKTICKS = re.compile(r"`+")


#: A `<code>` of this many words or more is read as text, not as a code span (left unprotected, as before
#: code spans were made): inline code is a name or a command, while a parser carries a `<code>` left
#: open into every block after it (the HTML standard's reconstruction of formatting elements), whole
#: paragraphs that are no code.
MAX_CODE_SPAN_WORDS = 12


def _holds_lines(cell: LexborNode) -> bool:
    """Whether a table cell holds a line break or a block (CELL_LINES): a walk of its elements that stops
    at the first one (a data table's cell holds a text or an inline element or two; a layout's column
    opens with a block or a line break soon)."""
    child = cell.child
    if child is None or (child.next is None and child.tag == "-text"):
        return False  # most cells: one text
    nodes = cell.traverse()
    next(nodes)  # the cell itself
    return any(node.tag in CELL_LINES for node in nodes)


def code_span(code: LexborNode) -> str | None:
    """The text of an inline `<code>` as a Markdown code span ("`mydestination`"), its white space made
    single spaces, "" for an empty one, None for a `<code>` that holds a block or a line break (a page
    that wraps a whole feed in one: read as blocks) or `MAX_CODE_SPAN_WORDS` words or more. The run of backticks around it is longer than any
    inside, and a space pads a span that starts or ends with a backtick (CommonMark). Why marked: the
    chain edits nothing inside a code span (`chain._spare_fenced`), and the backticks stay in the output,
    so a second clean, as text, keeps the code as written too."""
    for node in code.traverse():
        tag = node.tag or ""
        if tag in BLOCK or tag in SKIP or tag == "br":
            return None
    text = single_spaced(code.text(deep=True, separator=""))
    if not text:
        return ""
    if text.count(" ") >= MAX_CODE_SPAN_WORDS:
        return None  # a paragraph's worth: a `<code>` left open and carried into the blocks after it
    ticks = "`" * (1 + max((len(m.group()) for m in BACKTICKS.finditer(text)), default=0))
    if text[0] == "`" or text[-1] == "`":
        text = f" {text} "
    return f"{ticks}{text}{ticks}"


def pre_block(pre: LexborNode) -> str:
    """The text of a `<pre>` as a Markdown fenced code block ("```", its lines, "```"), one block of the
    output, "" for an empty one. Its lines are the author's (code, a poem, a table in spaces): each is
    kept as written, its indentation and the blank lines between lines too (trailing white space and
    the blank lines around the whole dropped). A newline in its text or a `<br>` ends a line; script
    and style text is skipped. The fence is longer than any run of backticks inside, so no line of it
    closes the block. Why fenced: the chain edits nothing inside a fenced block (`chain._spare_fenced`),
    and the fences stay in the output, so a second clean, as text, keeps the same lines as written."""
    pieces: list[str] = []
    for node in pre.traverse(include_text=True):
        tag = node.tag or ""
        if tag == "br":
            pieces.append("\n")
        elif tag == "-text" and (node.parent is None or (node.parent.tag or "") not in SKIP):
            pieces.append(node.text_content or "")
    lines = [line.rstrip() for line in "".join(pieces).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        return ""
    body = "\n".join(lines)
    fence = "`" * max(3, 1 + max((len(m.group()) for m in BACKTICKS.finditer(body)), default=0))
    return f"{fence}\n{body}\n{fence}"


def read_metadata(tree: LexborHTMLParser, times: bool = True, ld: dict[str, Any] | None = None) -> Metadata:
    """Title, author, date, site, language and URL from meta tags and JSON-LD. `times`: without a date
    there, the first `<time datetime>` of the page is the date (extraction passes False: it takes the
    article's own time, never a masthead's). `ld`: the page's `json_ld`, when the caller read it already
    (extraction reads it for the article body too: one parse of the JSON, not two)."""

    metas = [node.attributes for node in tree.css("meta")]  # one query for the page's meta tags

    def content(*selectors: str) -> str | None:
        for sel in selectors:
            attrs = _first_meta(metas, sel, tree)
            if attrs is not None:
                value = attrs.get("content") or attrs.get("href")
                if value and value.strip():
                    return value.strip()
        return None

    ld = json_ld(tree) if ld is None else ld
    html_node = tree.css_first("html")
    page_lang = None
    if html_node is not None:
        lang = (html_node.attributes.get("lang") or "").strip().lower()
        page_lang = lang.split("-")[0] or None
    title_node = tree.css_first("title")
    title = (
        content('meta[property="og:title"]')
        or _str(ld.get("headline"))
        or (title_node.text(strip=True) if title_node is not None else None)
        or None
    )
    author = content('meta[name="author"]', 'meta[property="article:author"]') or _author(ld.get("author"))
    date = content(
        'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]'
    )
    date = date or _str(ld.get("datePublished"))
    if date is None and times:
        time_node = tree.css_first("time[datetime]")
        date = time_node.attributes.get("datetime") if time_node is not None else None
    site = visible(content('meta[property="og:site_name"]', 'meta[name="application-name"]'))
    title = visible(title)
    title = bare_title(title) if title else title
    url = content('link[rel="canonical"]', 'meta[property="og:url"]')
    if site is None and title:
        heading = tree.css_first("h1")
        title, site = split_site(title, visible(heading.text(separator=" ")) if heading is not None else None)
        site = site or tail_site(title, url)
    return Metadata(
        lang=page_lang,
        title=without_site(title, site),
        author=visible(author),
        date=date[:10] if date and ISO_DATE.match(date) else None,
        site=site,
        url=url,
    )


#: A selector of one meta tag by the value of an attribute Lexbor compares case-sensitively (HTML
#: compares the values of some attributes, such as rel and type, in any case: those are left to it).
META_SELECTOR = re.compile(r'meta\[(name|property|itemprop)="([^"]*)"\]')


def _first_meta(
    metas: list[dict[str, str | None]], selector: str, tree: LexborHTMLParser
) -> dict[str, str | None] | None:
    """The attributes of the first element of the page `selector` matches, or None. A `meta[name="value"]`
    (META_SELECTOR) is looked up in `metas` (the page's meta tags in document order, from one query):
    the first whose attribute is the value, whole and in its case, as Lexbor matches it. Another
    selector is a query of the page."""
    match = META_SELECTOR.fullmatch(selector)
    if match is None:
        node = tree.css_first(selector)
        return node.attributes if node is not None else None
    name, value = match.groups()
    return next((attrs for attrs in metas if attrs.get(name) == value), None)


def visible(value: str | None) -> str | None:
    """A metadata value without invisible characters (soft hyphens, zero-width spaces) and with single
    spaces; None when nothing visible is left."""
    if value is None:
        return None
    return " ".join(INVISIBLE.sub("", value).split()) or None


def without_site(title: str | None, site: str | None) -> str | None:
    """The title without the site's name the page put before or after it ("Council backs cycle lanes -
    City Post" when the site is "City Post"). A title that is only the site's name stays."""
    if not title or not site:
        return title
    low, name = title.casefold(), site.casefold()
    if low.endswith(name):
        rest = title[: len(title) - len(site)].rstrip()
        if rest and rest[-1] in TITLE_SEPARATORS:
            return rest[:-1].rstrip() or title
    if low.startswith(name):
        rest = title[len(site) :].lstrip()
        if rest and rest[0] in TITLE_SEPARATORS:
            return rest[1:].lstrip() or title
    return title


def split_site(title: str, heading: str | None) -> tuple[str, str | None]:
    """(title, site) of a page that declares no site name: when the title starts with the page's `<h1>`
    and goes on after a separator with a short name ("El Real Madrid gana la Liga | Diario Deportivo"),
    the `<h1>` is the title and the last part after a separator (at most 6 words) the site. Otherwise
    the title as it is, and no site: a title ending with the `<h1>` is not split, since many pages put
    the site's own name in their first `<h1>` ("What is Ownership? - The Rust Programming Language"
    under an `<h1>` of the book's name), and without a heading a part after a separator may be the
    title's own (a subtitle)."""
    if not heading:
        return title, None
    low = heading.casefold()
    for i, ch in enumerate(title):
        if ch in TITLE_SEPARATORS and i > 0 and title[i - 1] == " " and title[:i].strip().casefold() == low:
            site = SEPARATED.split(title[i + 1 :].strip())[-1].strip()
            if site and len(site.split()) <= 6:
                return title[:i].strip(), site
    return title, None


#: The last separator of a title, before the site's name ("Headline | Site", "Headline - Site"): not
#: ":" nor "/", which a title's own parts use ("Python: a guide", "Rock/Pop").
TAIL_SEPARATOR = re.compile(
    r"\s([|\-\u2013\u2014\u00b7\u2022\u00bb])\s(?!.*\s[|\-\u2013\u2014\u00b7\u2022\u00bb]\s)"
)
#: Separators that set a site's name apart and nothing else (a dash also joins a title's two halves).
SITE_SEPARATORS = "|\u00b7\u2022\u00bb"
#: A site's name is this many words at most, and the headline before it is at least HEAD_WORDS long.
SITE_WORDS = 4
HEAD_WORDS = 3
LETTERS = regex.compile(r"[^\p{L}\p{N}]+")


def tail_site(title: str, url: str | None) -> str | None:
    """The site's name at the end of a page's title, for a page that names none (no `og:site_name`,
    no `<h1>` the title starts with: `split_site`): the part after the title's last separator
    (TAIL_SEPARATOR), SITE_WORDS words at most, after a headline of HEAD_WORDS words or more and
    longer than it, not closed like a sentence, no comma (a list: "| Reviews, Features, Pricing"). After a "|", "·", "•" or "»" that is enough (those
    separate a site's name, "Radwege werden ausgebaut | Stadtpost"); after a dash the name must also
    be the page's address's (its letters in the host: "Headline - Rheinische Post" on
    rheinische-post.de), since a dash also joins a title's two halves ("Review - The Last Summer")."""
    match = TAIL_SEPARATOR.search(title)
    if match is None:
        return None
    head, tail = title[: match.start()].strip(), title[match.end() :].strip()
    words = tail.split()
    if not 0 < len(words) <= SITE_WORDS or len(head.split()) < max(HEAD_WORDS, len(words) + 1):
        return None
    if tail[-1] in ".!?:;" or "," in tail or not any(ch.isalpha() for ch in tail):
        return None
    if match.group(1) in SITE_SEPARATORS:
        return tail
    host = (url or "").split("//", 1)[-1].split("/", 1)[0].casefold()
    name = LETTERS.sub("", tail.casefold())
    return tail if len(name) >= 3 and name in LETTERS.sub("", host) else None


def json_ld(tree: LexborHTMLParser) -> dict[str, Any]:
    """The first JSON-LD object that describes an article (or any object), flattened from @graph.
    A script that is not JSON, or nests too deep to read, is skipped and logged (`logging`, at INFO):
    bad metadata never stops a page."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except (ValueError, RecursionError) as error:  # nested past the parser's stack: bad metadata too
            LOG.info("JSON-LD ignored: %s", f"{type(error).__name__}: {error}"[:200])
            continue
        items = (
            data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        )
        for item in items:
            if isinstance(item, dict) and ("headline" in item or "articleBody" in item):
                return item
    return {}


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _author(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return _str(value)
