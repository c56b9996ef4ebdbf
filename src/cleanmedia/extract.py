"""Main-content extraction from an HTML page with selectolax (Lexbor).

1. What is never content goes: scripts, styles, templates, SVG, forms that do not hold the article,
   hidden elements.
2. Page furniture goes, found by structure (nav, aside, footer, header, dialog elements; landmark roles)
   and by class/id vocabulary grouped by concept (data: resources/extraction/furniture.tsv). A node that
   holds most of the page's text is never removed (the safety valve), and the edit log says so.
3. The main content is found by text and link density: paragraphs vote for their parent and
   grandparent (as readability does), link-heavy candidates lose, and an <article>, <main> or
   schema.org articleBody that holds the winner is preferred. Siblings with prose join the winner.
4. The winner becomes text blocks (html.blocks_text). When the page keeps its body only in JSON-LD
   (articleBody) and the extraction found much less, the JSON-LD text is used.

Every removed node is a `Removal` with its whole text, reason and selector path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from operator import attrgetter

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanmedia import dates, resources, signoff
from cleanmedia.budget import paced, pacer
from cleanmedia.cleaners.boilerplate import signature, unsigned_byline
from cleanmedia.cleaners.introduced import chronology_dates, introduced_names
from cleanmedia.cleaners.widgets import normalise, phrases, widget
from cleanmedia.document import Metadata, Removal
from cleanmedia.html import (
    ISO_DATE,
    SEPARATED,
    SKIP,
    blocks_text,
    is_hidden,
    join_blocks,
    json_ld,
    parse,
    read_metadata,
)
from cleanmedia.text import bare_title, ends_sentence, fenced_blocks

SKIP_SELECTOR = ", ".join(sorted(SKIP - {"noscript"}))
FURNITURE_TAGS = {
    "figcaption": "caption",
    "figure": "caption",
    "nav": "navigation",
    "aside": "sidebar",
    "footer": "footer",
    "header": "header",
    "dialog": "popup",
    "menu": "navigation",
}
FURNITURE_ROLES = {
    "navigation": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "navigation",
    "dialog": "popup",
    "alertdialog": "popup",
}
PARTS = re.compile(r"[^a-z0-9]+")
#: Where a CamelCase or digit-suffixed name changes word: "commentBox", "CommentBox", "HTMLWidget", "box2".
CASE_CHANGE = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])"
)
#: What every place CASE_CHANGE splits at needs beside it: an ASCII capital or a digit.
CASE_OR_DIGIT = re.compile(r"[A-Z0-9]")
#: How an inline style hides an element (html.is_hidden reads the same two declarations).
HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Class/id parts of blocks beside the article text: captions, credits, pictures.
ASIDE_PARTS = frozenset(["caption", "image", "photo", "credit", "footnote", "figure", "media", "gallery"])
#: Furniture that comes in small boxes, and how much text such a box holds at most.
SMALL_BOXES = frozenset({"ads", "cookies", "newsletter", "share", "caption"})
SMALL_BOX = 1500
#: Furniture that never holds the article, even when it holds the most text (comment threads).
NEVER_ARTICLE = frozenset({"comments", "related", "ads", "cookies", "newsletter"})
#: Class/id parts that say a node holds the content; a furniture name beside them does not make it furniture.
CONTENT_PARTS = frozenset(
    ["article", "content", "post", "entry", "story", "body", "main", "blog", "text", "hentry"]
)
#: Most of the page's text: a node holding this share of it is never removed as furniture.
SAFETY_SHARE = 0.5
SCORED = "p, pre, td, blockquote, div, section"
PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote"})
#: The fallback (the wrong block won): when what was chosen holds less than PROSE_SHARE of the page's
#: prose (paragraphs of 40 characters or more with few links, outside comments, related lists, ads and
#: <nav>/<aside>/<footer>/<menu>), the page's main prose is kept instead: the smallest element holding
#: PROSE_CORE of it, when it holds PROSE_GAIN times what was chosen. Pages with less than MIN_PROSE
#: characters of prose keep what was chosen. Fitted leave-one-set-out: bench/fit_extraction.py.
PROSE_SHARE = 0.2
#: Below PROSE_WIDEN of the page's prose, the chosen block is widened to the element holding PROSE_CORE of
#: it when that element holds the chosen block (an article split across sibling containers, a forum
#: thread whose one post won): the page's prose is one body and the chosen block is part of it.
PROSE_WIDEN = 0.45
WIDEN_LINKS = 0.4
PROSE_CORE = 0.75
PROSE_GAIN = 2.0
MIN_PROSE = 400
#: The safety valve counts prose too: a furniture-looking node holding PROSE_KEEP of the page's prose
#: stays, and so do furniture-looking blocks with prose inside the chosen block when furniture rules would
#: take LOSS_SHARE of its prose (sections named like sidebars, quotes in <figure>s, "widget" columns).
PROSE_KEEP = 0.3
LOSS_SHARE = 0.5
#: Furniture never kept for its prose: threads, lists of other articles, and what the page hides.
NO_PROSE_KEEP = NEVER_ARTICLE | {"hidden"}
#: Structural furniture whose paragraphs are not the page's prose.
PROSE_OUT = frozenset({"nav", "aside", "footer", "menu"})
#: How far up a paragraph's prose is counted (pages nest 10,000 deep; articles sit near their paragraphs).
PROSE_DEPTH = 64
#: A forum thread: its posts hold this much prose, and the rest of the page less than MIN_PROSE (the
#: rest without related lists, ads, cookie and newsletter boxes and pop-ups).
DISCUSSION_PROSE = 1200
#: ... unless the prose outside the threads has a block of its own: this many paragraphs in one element
#: (an article, however short, with its comment section below).
ARTICLE_PARAGRAPHS = 2
#: ... or one paragraph of this many characters under the page's headline (a one-paragraph news item).
LEAD_CHARS = 120
NOT_THE_PAGE = (NEVER_ARTICLE - {"comments"}) | {"popup"}
#: A heading that counts comments ("32 Comments", "Kommentare (3)", "12 commentaires"): its word is a
#: comment phrase of the boilerplate tables and a comment-thread name of the class/id vocabulary.
COUNT_HEADING = re.compile(r"^(?:\(?\d[\d.,]*\)?\s+(?P<after>\w+)|(?P<before>\w+)\s*[(:]?\s*\d[\d.,]*\)?)$")
COUNT_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
#: Where a comment section without a telling class or id is written: the container its heading opens.
SECTION_TAGS = frozenset({"div", "section", "ol", "ul"})
#: A list of other articles: this many items at least, and this share of them headlines linking elsewhere.
LINK_LIST_ITEMS = 3
LINK_LIST_SHARE = 0.8
#: Where a byline is written (an author link, an author or byline class), and how long one is at most.
BYLINE_SELECTOR = (
    '[rel="author"], [itemprop="author"], [class*="byline"], [class*="Byline"], [class*="author"], '
    '[class*="Author"]'
)
#: A byline line has at most this many words: names and a stamp of two dates ("Par Claire Dubois, publié
#: le 3 juin 2025 à 7h30, mis à jour le 3 juin 2025 à 11h02"; `boilerplate.STAMPED_WORDS`).
BYLINE_WORDS = 24
#: Inline elements: their text is part of the paragraph a container writes between its blocks.
INLINE = frozenset(
    [
        "a",
        "span",
        "b",
        "i",
        "em",
        "strong",
        "small",
        "sup",
        "sub",
        "br",
        "img",
        "font",
        "u",
        "s",
        "mark",
        "abbr",
        "cite",
        "code",
        "q",
        "time",
        "label",
        "wbr",
    ]
)


@dataclass(frozen=True)
class Vocabulary:
    names: dict[str, str]  # whole class/id name -> concept
    parts: dict[str, str]  # part of a name -> concept
    prefixes: tuple[tuple[str, str], ...]  # (stem, concept)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str]]) -> Vocabulary:
        """From (concept, token) rows, tokens written as in furniture.tsv ("share", "sidebar*", "=hidden")."""
        names: dict[str, str] = {}
        parts: dict[str, str] = {}
        prefixes: list[tuple[str, str]] = []
        for concept, token in rows:
            if token.startswith("="):
                names[token[1:]] = concept
            elif token.endswith("*"):
                prefixes.append((token[:-1], concept))
            else:
                names[token] = concept
                if "-" not in token:
                    parts[token] = concept
        return cls(names, parts, tuple(prefixes))

    def concept_of(self, name: str) -> str | None:
        """The furniture concept of one class or id name."""
        if name in self.names:
            return self.names[name]
        stems, heads, size = self._stems, self._stem_heads, self._stem_head_size
        for part in PARTS.split(name):
            if part in self.parts:
                return self.parts[part]
            if part[:size] in heads:  # a part that starts no stem's head starts no stem (most parts)
                m = stems.match(part)
                if m is not None:
                    return self._stem_concepts[m.group()]
        return None

    @cached_property
    def _stems(self) -> re.Pattern[str]:
        """The prefixes as one pattern, in their order: its match is the first stem a part starts with."""
        return re.compile("|".join(re.escape(stem) for stem, _ in self.prefixes) or "(?!)")

    @cached_property
    def _stem_head_size(self) -> int:
        """The length of the shortest stem: every stem starts with one of `_stem_heads` of this length."""
        return min((len(stem) for stem, _ in self.prefixes), default=0)

    @cached_property
    def _stem_heads(self) -> frozenset[str]:
        """The first `_stem_head_size` characters of each stem: a part that starts a stem starts one of
        these, so the pattern is tried only on such parts."""
        return frozenset(stem[: self._stem_head_size] for stem, _ in self.prefixes)

    @cached_property
    def _stem_concepts(self) -> dict[str, str]:
        concepts: dict[str, str] = {}
        for stem, concept in self.prefixes:
            concepts.setdefault(stem, concept)
        return concepts


#: Entries of each cache keyed by a class or id name. Names recur within a page and across a site's pages,
#: which a few thousand entries hold (hits over 400 bench pages: 98% of those of 65,536 entries, the same
#: CPU time); at 65,536 the caches grew a worker by ~30 MB more over a corpus's first thousand pages (its
#: memory was not flat as the corpus grew).
NAME_CACHE = 4096


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (resources/extraction/furniture.tsv)."""
    return Vocabulary.from_rows((row[0], row[1]) for row in resources.common_table("furniture.tsv"))


def furniture_concept(node: LexborNode, extra: Vocabulary | None = None) -> str | None:
    """Why `node` is page furniture (a concept of the vocabulary), or None."""
    tag = node.tag or ""
    if tag in FURNITURE_TAGS:
        return FURNITURE_TAGS[tag]
    attrs = node.attributes
    if not attrs:
        return None
    role = (attrs.get("role") or "").lower()
    if role in FURNITURE_ROLES:
        return FURNITURE_ROLES[role]
    if is_hidden(node, attrs) and role != "tabpanel":  # a tab's panel is shown by a click on its tab
        return "hidden"
    classes, ids = attrs.get("class") or "", attrs.get("id") or ""
    if not classes and not ids:  # no name to judge (most elements with attributes: links, images)
        return None
    if extra is None:
        return _names_concept(classes, ids)
    names = [split_name(n) for n in f"{classes} {ids}".split()]
    found = None
    for name in names:
        found = found or extra.concept_of(name) or _concept_of(name)
    return None if found and _says_content(names) else found


@lru_cache(maxsize=NAME_CACHE)
def _names_concept(classes: str, ids: str) -> str | None:
    """The shipped vocabulary's concept of a node's class and id attributes (cached: the same class
    strings recur on every page of a site and within a page)."""
    names = f"{classes} {ids}".split()
    for name in names:  # most names name nothing: one cache look-up each
        found = _name_concept(name)
        if found:
            break
    else:
        return None
    return None if _says_content([split_name(n) for n in names]) else found


@lru_cache(maxsize=NAME_CACHE)
def _name_concept(name: str) -> str | None:
    """The shipped vocabulary's concept of one class or id name as written (`split_name`, then
    `_concept_of`)."""
    return vocabulary().concept_of(split_name(name))  # a miss here is a miss of `_concept_of` too


def _says_content(names: list[str]) -> bool:
    """A name that says the node holds the content ("box article modal-enabled", "widget Blog")."""
    return any(_concept_of(n) is None and CONTENT_PARTS.intersection(PARTS.split(n)) for n in names)


@lru_cache(maxsize=NAME_CACHE)
def split_name(name: str) -> str:
    """A class or id name in lower case with its words apart: "CommentBox" -> "comment-box",
    "relatedPosts2" -> "related-posts-2", "share_bar" stays. Names are written in CamelCase as often as
    with hyphens, and a furniture word inside CamelCase must count the same."""
    if CASE_OR_DIGIT.search(name) is None:  # no place to split (half the names): lowered only
        return name.lower()
    return CASE_CHANGE.sub("-", name).lower()


@lru_cache(maxsize=NAME_CACHE)
def _concept_of(name: str) -> str | None:
    """The shipped vocabulary's concept of a name (cached: names recur within and across pages)."""
    return vocabulary().concept_of(name)


def selector(node: LexborNode) -> str:
    """A short CSS path of the node (three levels below the body), for the edit log; the body or the
    page's root element named as itself (`body.home`), never an empty path."""
    steps: list[str] = []
    current: LexborNode | None = node
    while current is not None and current.tag not in (None, "html", "body", "-document") and len(steps) < 3:
        steps.append(_step(current))
        current = current.parent
    if not steps and node.tag in ("html", "body"):
        steps.append(_step(node))
    return " > ".join(reversed(steps))


def _step(node: LexborNode) -> str:
    """One element of a `selector` path: its tag with its id, or with its first two classes."""
    attrs = node.attributes or {}
    step = node.tag or "?"
    if attrs.get("id"):
        step += f"#{attrs['id']}"
    elif attrs.get("class"):
        step += "." + ".".join((attrs.get("class") or "").split()[:2])
    return step


@dataclass
class Extraction:
    """`metadata` is what the page says; `sources` names, for a value the extraction found in the article
    rather than in the page's meta tags (a byline, the article's own time, its headline), the reason code
    and the evidence: field -> (reason, detail)."""

    text: str
    metadata: Metadata
    removed: list[Removal] = field(default_factory=list)
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)


def extract(html: str, furniture: Mapping[str, Iterable[str]] | None = None) -> Extraction:
    """The article of an HTML page as text blocks, its metadata, and what was removed and why.

    `furniture` adds class/id tokens by concept to the shipped vocabulary, written as in furniture.tsv:
    `extract(html, {"related": ["more-from-us", "storyline*"]})`.
    """
    extra = (
        Vocabulary.from_rows((c, t) for c, tokens in furniture.items() for t in tokens) if furniture else None
    )
    tree = parse(html)
    ld = json_ld(tree)
    metadata = read_metadata(tree, times=False, ld=ld)
    tag_title = _tag_title(tree, ld)  # before the meta tags go with what is never content
    removed: list[Removal] = []
    body = tree.body
    if body is None:
        return Extraction("", metadata)
    ld_body = ld.get("articleBody") if "articleBody" in html else None
    _reveal_collapsed(body, removed)  # before the buttons that open them go
    _skip_unread(tree, removed)
    _reveal_noscript(body, removed)
    _remove_hover_cards(body, removed)
    found, under_furniture = _furniture_and_inside(body, extra)
    ballot, prose = _ballot(body)
    kept_found, discussion = _discussion(found, prose, extra, removed)
    inside = (
        under_furniture
        if kept_found is found
        else {n.mem_id for node, _ in kept_found for n in node.traverse()}
    )
    found = kept_found
    scores, nodes = _vote(ballot, inside)
    looks: dict[int, tuple[float, float]] = {}  # the candidates' class weights and link densities
    winner = _winner(scores, nodes, looks)
    # Second chance for articles in markup that only looks like furniture (a header, a wrapper, a
    # footer misused): paragraphs in comments, related lists, ads and the like still do not vote.
    strong = {
        n.mem_id
        for node, concept in found
        if concept in NEVER_ARTICLE and not _misnamed(node, concept)
        for n in node.traverse()
    }
    # A pop-up's paragraphs (a consent dialog's preferences) get no second chance and are not the page's
    # prose; a pop-up holding more than SMALL_BOX characters is the page shown in a modal and does.
    popups = {
        n.mem_id
        for node, concept in found
        if concept == "popup" and len(node.text(separator=" ", strip=True)) <= SMALL_BOX
        for n in node.traverse()
    }
    all_scores, all_nodes = _vote(ballot, strong | popups)
    overall = _winner(all_scores, all_nodes, looks)
    second = overall is not None and (
        winner is None or all_scores[overall.mem_id] > 2 * scores[winner.mem_id]
    )
    if second:  # the page put its article in something that looks like furniture ("article-header")
        scores, nodes, winner = all_scores, all_nodes, overall
    chains: Chains = {}
    under, total_prose = _prose_map(prose, strong | popups, chains)
    memo: Memo = {}  # until the furniture goes
    if total_prose >= MIN_PROSE:
        chosen = sum(under.get(n.mem_id, 0) for n in _expand(body, winner, scores, memo)) if winner else 0
        core = None
        if chosen < PROSE_WIDEN * total_prose or discussion:
            core = _prose_lca(prose, under, total_prose)
        if (
            core is not None
            and under.get(core.mem_id, 0) >= PROSE_GAIN * max(chosen, 1)
            and (
                chosen < PROSE_SHARE * total_prose
                or discussion
                or _widens(core, winner, body, found)
                or _apart(core, winner, body)
            )
        ):
            share = chosen / total_prose
            why = f"the chosen block held {share:.0%} of the page's prose: {selector(core)} holds most of it"
            removed.append(
                Removal(
                    core.text(separator=" ", strip=True), "extract.fallback", why, selector(core), kept=True
                )
            )
            winner = core
        elif (
            not discussion
            and chosen < PROSE_WIDEN * total_prose
            and (core is None or core.mem_id == body.mem_id or core.tag == "html")
            and (main := _only_main(body)) is not None
            and (winner is None or main.mem_id != winner.mem_id)
        ):  # no element but the page holds most of the prose (a listing with blurbs): its one main
            why = (
                f"the chosen block held {chosen / total_prose:.0%} of the page's prose, scattered over "
                f"the page: its main element {selector(main)} is read"
            )
            removed.append(
                Removal(
                    main.text(separator=" ", strip=True), "extract.fallback", why, selector(main), kept=True
                )
            )
            winner = main
    elif (main := _only_main(body)) is not None and (winner is None or main.mem_id != winner.mem_id):
        why = f"the page has almost no prose: its main element {selector(main)} is read"
        removed.append(
            Removal(main.text(separator=" ", strip=True), "extract.fallback", why, selector(main), kept=True)
        )
        winner = main
    elif _only_main(body) is None and _page_over_winner(body, winner, second, scores, found):
        why = "the page has almost no prose and no main element, and what won is no article: the page is read"
        removed.append(
            Removal(body.text(separator=" ", strip=True), "extract.fallback", why, "body", kept=True)
        )
        winner = body
    winner = winner or body
    zone = _article_zone(body, winner, memo)
    protected = {n.mem_id for n in _ancestors(winner)}
    scope = _expand(body, winner, scores, memo)  # what the text will be read from, as the page stands
    headline = _headline(body, zone, scope, strong, {node.mem_id for node, _ in found})
    facts = _article_facts(zone, metadata, strong, headline)
    # read before the furniture goes (a removed node is freed): the headline's text and ancestors
    head_text, head_path = "", frozenset[int]()
    main_article: int | None = None  # the <article> that holds the headline
    top = False  # whether the headline heads the article (`_at_the_top`)
    main_length = 0  # the main <article>'s text, in characters
    own_header: frozenset[int] = frozenset()  # a <header> holding the headline, up to HEADER_LEVELS up
    if headline is not None:
        top = _at_the_top(headline, zone) or not _contains(zone, headline)  # (outside: above the body)
        head_text = " ".join(headline.text(separator=" ").split())
        path_nodes = _ancestors(headline)
        head_path = frozenset(a.mem_id for a in path_nodes)
        own_header = frozenset(a.mem_id for a in path_nodes[1 : 1 + HEADER_LEVELS] if a.tag == "header")

        def furniture_text() -> str:
            """The text of the page's furniture in lower case (read only when a title needs it), but what
            holds the headline (the article's own header is no site's name)."""
            return " ".join(
                " ".join(node.text(separator=" ").casefold().split())
                for node, _ in found
                if node.mem_id not in head_path
            )

        named = bool(
            metadata.title and metadata.site and metadata.title.casefold() == metadata.site.casefold()
        )
        metadata = _headline_title(headline, metadata, facts, tag_title, top, furniture_text, named)
        main_node = next((a for a in path_nodes if a.tag == "article"), None)
        if main_node is not None:
            main_article = main_node.mem_id
            main_length = len(main_node.text(separator=" ", strip=True))
    if popups:  # the valve counts pop-ups inside the article again (without any, the count is the same)
        under, total_prose = _prose_map(prose, strong, chains)
    inner: Inner = {}  # the furniture inside a kept node, walked once for the valve and the removal
    keep_prose = _prose_at_risk(found, scope, under, protected, extra, inner)
    total = len(body.text(separator=" ", strip=True)) if found else 0  # the valve's measure of the page
    parts = Parts(extra, inner, facts, metadata.lang, _missing(metadata), _captions_carry(found, scope))
    pending = list(reversed(found))
    lifted: set[int] = set()  # standfirsts taken out of a header above the body, in the zone
    leads: list[LexborNode] = []  # standfirsts taken out of the headline's header outside the zone
    texts: dict[str, str] = {}  # one string for equal texts: furniture nested around the article
    only_child: dict[int, str] = {}  # the text of an element that is its parent's only child: the parent's
    while pending:
        node, concept = pending.pop()
        text = only_child.get(node.mem_id)
        if (
            text is None
        ):  # (512 levels of furniture kept around the article: its text read once, not 512 times)
            text = node.text(separator=" ", strip=True)
            text = texts.setdefault(text, text)  # each kept one logs it: one string held, not 512 copies
        child = node.child
        if child is not None and child.next is None and child.is_element_node:
            only_child[child.mem_id] = text
        if (
            node.mem_id in protected
            or (concept != "comments" and len(text) >= SAFETY_SHARE * total)  # readers out-write authors
            or _misnamed(node, concept, text)
            or (concept not in NO_PROSE_KEEP and under.get(node.mem_id, 0) >= PROSE_KEEP * total_prose > 0)
            or (
                keep_prose
                and concept not in NO_PROSE_KEEP
                and under.get(node.mem_id, 0)
                and any(_contains(root, node) for root in scope)
            )
        ):
            path = selector(node)
            why = f"{path} looks like {concept} but holds the article or most of the page's text"
            removed.append(Removal(text, "extract.kept", why, path, kept=True))
            pending.extend(reversed(_inner_furniture(node, extra, inner)))  # its own furniture still goes
            continue
        if top and concept == "sidebar" and node.mem_id in head_path and " ".join(text.split()) == head_text:
            path = selector(node)  # a page builder's heading widget: the headline, not a sidebar
            if _inside(node, scope):
                why = f"{path} looks like {concept} but is the article's headline"
                removed.append(Removal(text, "extract.kept", why, path, kept=True))
                continue
            why = "the article's headline, above its body (read as the title when the page gives none)"
            removed.append(Removal(text, "extract.headline", why, path))
            node.decompose()
            continue
        if concept in PART_CONCEPTS and (part := _article_part(node, concept, text, scope, parts)):
            path = selector(node)
            why = f"{path} looks like {concept} but is {part}"
            removed.append(Removal(text, "extract.kept", why, path, kept=True))
            pending.extend(reversed(_inner_furniture(node, extra, inner)))  # its own furniture still goes
            continue
        above = concept == "header" and _above_the_body(node, zone, winner)
        outside = concept == "header" and not above and _headline_header(node, own_header, zone, winner, body)
        firsts = _standfirsts(node, scope, parts, above or outside, outside) if concept == "header" else []
        for standfirst in firsts:
            why = "the article's standfirst, in its header (its headline is the title)"
            kept_text = standfirst.text(separator=" ", strip=True)
            removed.append(Removal(kept_text, "extract.kept", why, selector(standfirst), kept=True))
            node.insert_before(standfirst)  # a copy out of the header, in its place
            standfirst.decompose()
            if above and node.prev is not None:
                lifted.add(node.prev.mem_id)  # read before the body (`_beside_the_body`)
            elif outside and node.prev is not None:
                leads.append(node.prev)  # read before the body, and before what stands beside it
            text = node.text(separator=" ", strip=True)  # what goes: the header without it
        removed.append(Removal(text, f"extract.{concept}", "", selector(node)))
        node.decompose()
    content = _expand(body, winner, scores)
    _remove_link_lists(content, removed)
    if main_article is not None:
        _remove_teasers(content, (main_article, main_length), head_path, removed)
    content = _beside_the_body(zone, content, winner, removed, facts, metadata, lifted, head_path) + content
    content = leads + content
    _outside_the_zone(body, zone, content, removed, facts, metadata)
    lines_from = len(removed)
    text = _without_widgets(
        blocks_text(content, skip_hidden=False) if content else "", removed, facts, metadata.lang
    )
    if isinstance(ld_body, str) and len(ld_body.strip()) > max(200, 2 * len(text)):
        why = "article body taken from JSON-LD articleBody"
        where = ", ".join(selector(root) for root in content) or "body"
        removed.append(Removal(text, "extract.json_ld", why, where))
        text = "\n\n".join(p.strip() for p in ld_body.split("\n") if p.strip()) + "\n"
    else:
        title = facts["title"][0] if "title" in facts else metadata.title
        text = _labels_above_the_headline(text, {t for t in (head_text, title) if t}, removed)
    _where_lines_were(content, removed, lines_from)
    _gone_though_kept(removed, text)
    known = {name: value for name, (value, _, _) in facts.items() if metadata.get(name) is None}  # type: ignore[arg-type]
    sources = {name: facts[name][1:] for name in known}
    return Extraction(text, replace(metadata, **known), removed, sources)


def _widens(
    core: LexborNode, chosen: LexborNode | None, body: LexborNode, found: list[tuple[LexborNode, str]]
) -> bool:
    """Whether `core` is the body of prose the chosen block belongs to: it holds the chosen block, it is
    not the whole page, and what it adds to the chosen block has few links (under WIDEN_LINKS of its
    text; a river of teasers, "top stories" and related links beside the article is mostly links).
    Furniture (`found`: menus, share bars) goes anyway: its text and links do not count."""
    if chosen is None or core.mem_id == body.mem_id or core.tag == "html" or not _contains(core, chosen):
        return False
    furniture = [node for node, _ in found if _contains(core, node)]
    inside = {n.mem_id for node in furniture for n in node.traverse()}
    added = len(core.text(separator=" ", strip=True)) - len(chosen.text(separator=" ", strip=True))
    added -= sum(
        len(node.text(separator=" ", strip=True)) for node in furniture if not _contains(chosen, node)
    )
    links = _link_text(core, inside) - _link_text(chosen, inside)
    return links < WIDEN_LINKS * max(added, 1)


def _page_over_winner(
    body: LexborNode,
    winner: LexborNode | None,
    second: bool,
    scores: dict[int, float],
    found: list[tuple[LexborNode, str]],
) -> bool:
    """On a page with almost no prose and no <main> (a product page, a ranking, a grid of cards): whether
    the page without its furniture is a better read than what won. It is when what won is no article:
    nothing, a block inside furniture (the second chance), or one short line (a single vote of a
    paragraph without commas under 100 characters); and the page without its furniture holds more
    than twice its text (else the page is all furniture, and what won is what is left)."""
    if winner is not None and not second and scores.get(winner.mem_id, 0.0) > 1:
        return False
    free = len(body.text(separator=" ", strip=True))
    free -= sum(len(node.text(separator=" ", strip=True)) for node, _ in found)
    won = len(winner.text(separator=" ", strip=True)) if winner is not None else 0
    return free > 2 * won


def _apart(core: LexborNode, chosen: LexborNode | None, body: LexborNode) -> bool:
    """Whether `core` is a body of prose apart from the chosen block (neither holds the other), not the
    whole page, and not mostly links (under WIDEN_LINKS of its text; a river of teaser cards wrapped in
    links is not). Then the chosen block is a box beside the article (an author's bio, a notice) that
    won because the article is split into many small blocks that each vote for their own parent."""
    if chosen is None or core.mem_id == body.mem_id or core.tag == "html":
        return False
    if _contains(core, chosen) or _contains(chosen, core):
        return False
    return _link_text(core, set()) < WIDEN_LINKS * max(len(core.text(separator=" ", strip=True)), 1)


def _link_text(node: LexborNode, excluded: set[int]) -> int:
    """Characters of link text under `node`, links in `excluded` left out."""
    return sum(len(a.text(strip=True)) for a in node.css("a") if a.mem_id not in excluded)


def _only_main(body: LexborNode) -> LexborNode | None:
    """The page's one <main> (or [role=main]) element with text, if it has exactly one: a `<main
    role="main">` is one element, and a main region inside another is part of it."""
    found = {n.mem_id: n for n in body.css('main, [role="main"]') if n.text(strip=True)}
    mains = [n for n in found.values() if not any(a.mem_id in found for a in _ancestors(n)[1:])]
    return mains[0] if len(mains) == 1 else None


def _article_zone(body: LexborNode, winner: LexborNode, memo: Memo | None = None) -> LexborNode:
    """Where the article's headline, byline and dateline are: its <article>/<main> container, else the
    parent of the block that won (a headline sits beside the body, not inside it), never the whole page."""
    container = _semantic_container(body, winner, memo)
    if container is not None:
        return container
    parent = winner.parent
    if parent is None or parent.tag in ("body", "html", "-document") or winner.mem_id == body.mem_id:
        return winner
    return parent


Facts = dict[str, tuple[str, str, str]]  # field -> (value, reason, detail)


def _article_facts(
    zone: LexborNode, metadata: Metadata, excluded: set[int], headline: LexborNode | None
) -> Facts:
    """The author and date the article itself shows, for the fields the page's meta tags left empty (its
    headline: `_headline`): a byline element ("By Ann Lowe", an author link) and its first <time
    datetime>.
    Times and names in comments, related lists and ads (`excluded`) are other articles'; so are those in
    a list of `<article>`s well below the headline (`_other_articles`: users' reviews, comments); a
    name in a quote is the quoted person's; a time in the masthead is outside the zone."""
    facts: Facts = {}
    others = _other_articles(zone, headline)
    if metadata.author is None:
        for node in zone.css(BYLINE_SELECTOR):
            if node.mem_id in excluded or _in_quote(node) or _inside_one(node, zone, others):
                continue  # another article's byline, a quoted person's name
            name, date = read_byline(node.text(separator=" ", strip=True), explicit=True, lang=metadata.lang)
            if name:
                facts["author"] = (name, "extract.byline", f"the article's byline ({selector(node)})")
                if date and metadata.date is None:
                    facts["date"] = (date, "extract.byline", f"the article's byline ({selector(node)})")
                break
    if metadata.date is None and "date" not in facts:
        for node in zone.css("time[datetime]"):
            value = node.attributes.get("datetime") or ""
            if node.mem_id not in excluded and ISO_DATE.match(value) and not _inside_one(node, zone, others):
                facts["date"] = (value[:10], "extract.time", f"the article's own time ({selector(node)})")
                break
    return facts


def _other_articles(zone: LexborNode, headline: LexborNode | None) -> set[int]:
    """The ids of the `<article>`s of the zone that are pieces of their own under the article: each one
    of a list (a sibling `<article>` beside it), not holding the headline, and starting more than
    HEADLINE_GAP words of the zone's text after it (below the article's body: users' reviews under a
    product, comments). A forum's first post, right under the thread's title, is the thread's own.
    Nothing without a headline."""
    if headline is None:
        return set()
    listed = {
        a.mem_id
        for a in zone.css("article")
        if a.parent is not None
        and sum(c.tag == "article" for c in a.parent.iter()) >= 2
        and not _contains(a, headline)
    }
    if not listed:
        return set()
    found: set[int] = set()
    words = -1  # words of text after the headline; -1 until it is passed
    for node in zone.traverse(include_text=True):
        if node.mem_id == headline.mem_id:
            words = 0
        elif node.tag == "-text":
            if words >= 0:
                words += len((node.text_content or "").split())
        elif node.mem_id in listed and words > HEADLINE_GAP:
            found.add(node.mem_id)
    return found


def _inside_one(node: LexborNode, zone: LexborNode, others: set[int]) -> bool:
    """Whether `node` is inside one of `others` (ids of elements of the zone)."""
    if not others:
        return False
    current = node.parent
    while current is not None and current.mem_id != zone.mem_id:
        if current.mem_id in others:
            return True
        current = current.parent
    return False


#: Above the body: the headline is looked for among the elements before what the text is read from, this
#: many levels up, with at most HEADLINE_GAP words of other text between (a byline, a date, a share bar,
#: a kicker); more text between is no headline of this body (a menu, another article).
HEADLINE_LEVELS = 3
HEADLINE_GAP = 40
#: A `<title>` of GENERIC_TITLE_WORDS words or fewer that shares no word with the headline names the site
#: or a section ("Blog – City Post", "City Post"), not the article. A headline of fewer
#: than HEADLINE_WORDS words (a "Comments", a logo's name) replaces nothing.
GENERIC_TITLE_WORDS = 8
#: What a `<title>` may add to the site's name its furniture writes (a section's name), in words.
SECTION_WORDS = 2
HEADLINE_WORDS = 3


def _headline(
    body: LexborNode,
    zone: LexborNode,
    scope: list[LexborNode],
    excluded: set[int],
    furniture: set[int],
) -> LexborNode | None:
    """The article's headline: the first `<h1>` of its zone (`_article_zone`: its header, above its body),
    else the heading right above what the text is read from (`scope`), HEADLINE_LEVELS levels up with
    at most HEADLINE_GAP words between: an `<h1>`, or an `<h2>` on a page without `<h1>` (a page
    builder's heading widget, which writes the page's headline as an `h2` unless told). When every
    `<h1>` of the page is in its furniture outside the zone (`furniture`: the ids of the furniture
    found; a blog's template sets the blog's name as the `h1` of its header and each post's title as an
    `h2` or `h3`), the zone's first `<h2>` or `<h3>` is the headline when it heads the zone
    (`_at_the_top`), stands above what the text is read from or right inside it (`_heads_a_block`),
    outside any furniture, and reads as a title (`_title_like`: not a sentence, a caption, a
    question's body). Headings in comments, related lists and ads (`excluded`) are other articles'."""
    heading = zone.css_first("h1")
    if heading is not None and heading.mem_id not in excluded:
        return heading
    if not scope:
        return None
    h1s = body.css("h1")
    if h1s and all(_in_furniture(h, furniture) and not _contains(zone, h) for h in h1s):
        heading = zone.css_first("h2, h3")
        if (
            heading is not None
            and heading.mem_id not in excluded
            and not _in_furniture(heading, furniture)
            and _heads_a_block(heading, scope)
            and _at_the_top(heading, zone)
            and _title_like(" ".join(heading.text(separator=" ").split()))
        ):
            return heading
    tags = ("h1",) if h1s else ("h1", "h2")
    selector_ = ", ".join(tags)
    node, gap = scope[0], 0
    for _ in range(HEADLINE_LEVELS):
        sibling = node.prev
        while sibling is not None:
            if sibling.is_element_node:
                heads = [sibling] if sibling.tag in tags else sibling.css(selector_)
                if heads:
                    return heads[-1] if heads[-1].mem_id not in excluded else None
                gap += len(sibling.text(separator=" ").split())
            else:
                gap += len((sibling.text_content or "").split())
            if gap > HEADLINE_GAP:
                return None
            sibling = sibling.prev
        parent = node.parent
        if parent is None or parent.mem_id == body.mem_id or parent.tag in ("html", "body"):
            return None
        node = parent
    return None


def _heads_a_block(heading: LexborNode, scope: list[LexborNode]) -> bool:
    """Whether `heading` stands outside what the text is read from (`scope`) or is a child of one of its
    roots (a post's title heading the post), not deeper inside its text (a heading of the body)."""
    inside = [root for root in scope if _contains(root, heading)]
    parent = heading.parent
    return not inside or (parent is not None and any(root.mem_id == parent.mem_id for root in inside))


def _in_furniture(node: LexborNode, furniture: set[int]) -> bool:
    """Whether `node` is inside (or is) one of the furniture found (`furniture`: their ids)."""
    return any(a.mem_id in furniture for a in _ancestors(node))


#: A headline is this many words at most (`_title_like`): a longer heading is a caption or a paragraph
#: set as a heading.
TITLE_WORDS = 20


def _title_like(text: str) -> bool:
    """Whether a heading's text reads as a title: HEADLINE_WORDS to TITLE_WORDS words, no sentence mark
    inside it, and no full stop at its end (a standfirst, a caption set as a heading)."""
    words = len(WORD.findall(text))
    inner = text.rstrip(".!?…\"'”»)] ")
    return (
        HEADLINE_WORDS <= words <= TITLE_WORDS
        and not any(mark in inner for mark in (". ", "! ", "? "))
        and not text.rstrip("\"'”»)] ").endswith(".")
    )


def _tag_title(tree: LexborHTMLParser, ld: dict[str, object]) -> bool:
    """Whether the page's title is its `<title>` only: no `og:title` and no JSON-LD headline, which an
    editor writes for the article (`html.read_metadata` prefers them)."""
    if ld.get("headline"):
        return False
    return not any((n.attributes.get("content") or "").strip() for n in tree.css('meta[property="og:title"]'))


def _headline_title(
    headline: LexborNode,
    metadata: Metadata,
    facts: Facts,
    tag_title: bool,
    top: bool,
    furniture: Callable[[], str],
    named: bool = False,
) -> Metadata:
    """The metadata with the headline as its title (in `facts`) when the page gave none, or gave only a
    `<title>` that names the site or a section (`_generic_title`; `furniture()`: the text of the page's
    furniture) and the headline stands at the top of the article (`top`, `_at_the_top`): the article's
    own headline beats a generic `<title>` (`tag_title`: the title came from the `<title>` alone), and
    a title that is the site's name (`named`: its `og:site_name`), whatever tag gave it, when the
    headline reads as a title (`_title_like`: not a caption set as a heading)."""
    text = bare_title(" ".join(headline.text(separator=" ").split()))
    if not text:
        return metadata
    if metadata.title is None:
        facts["title"] = (text, "extract.headline", "the article's headline")
    elif top and (
        (named and _title_like(text) and metadata.title.casefold() != text.casefold())
        or (tag_title and _generic_title(metadata.title, text, metadata.site, metadata.lang, furniture))
    ):
        why = (
            f"the article's headline (the page's <title> {metadata.title!r} names only the site or a section)"
        )
        facts["title"] = (text, "extract.headline", why)
        return replace(metadata, title=None)
    return metadata


def _at_the_top(headline: LexborNode, zone: LexborNode) -> bool:
    """Whether `headline` heads the article: HEADLINE_GAP words at most of the zone's text before it (a
    kicker, a breadcrumb, a date; not a table of contents), and not inside a link or a quote (a
    teaser's heading, a quoted post's)."""
    node = headline.parent
    while node is not None and node.mem_id != zone.mem_id:
        if node.tag in ("a", "blockquote"):
            return False
        node = node.parent
    words = 0
    for node in zone.traverse(include_text=True):
        if node.mem_id == headline.mem_id:
            return True
        if node.tag == "-text":
            words += len((node.text_content or "").split())
            if words > HEADLINE_GAP:
                return False
    return False


def _generic_title(
    title: str, headline: str, site: str | None, lang: str | None, furniture: Callable[[], str]
) -> bool:
    """Whether a page's `<title>` names only its site or a section, not the article under `headline`: it
    is the site's name, or it is short (GENERIC_TITLE_WORDS words at most, and no more than the headline)
    and either shares no word with the headline (numbers and stop words left out: `_words`), or is
    parts between separators that the page's furniture writes (`furniture()`: the text of its logo,
    menus, footer, in lower case; "Amici del Lago" of "Amici del Lago – Notizie") but for
    SECTION_WORDS words at most that share no word with the headline (a section: "Notizie"). The title
    of an article holds its headline (whole, shortened, or with the site's name beside it) or at least
    its subject. A headline of fewer than HEADLINE_WORDS words says too little to judge by."""
    if len(WORD.findall(headline)) < HEADLINE_WORDS or title.casefold() == headline.casefold():
        return False
    if site and title.casefold() == site.casefold():
        return True
    if len(WORD.findall(title)) > min(GENERIC_TITLE_WORDS, len(WORD.findall(headline))):
        return False  # long, or longer than the headline (a heading that is the site's or a blog's name)
    heads = _words(headline, lang)
    if not heads & _words(title, lang):
        return True
    parts = [" ".join(part.casefold().split()) for part in SEPARATED.split(title)]
    if len(parts) < 2:
        return False
    page = f" {furniture()} "
    rest = " ".join(part for part in parts if f" {part} " not in page)
    return 0 < len(WORD.findall(rest)) <= SECTION_WORDS and not heads & _words(rest, lang)


def _words(text: str, lang: str | None) -> set[str]:
    """The words of `text` in lower case, numbers and the stop words of its language (of every language
    with data when the page does not say) left out: "Le Quotidien du Nord" shares no word with "Le
    conseil adopte le budget"."""
    stop = resources.stopwords(lang) or _all_stopwords()
    return {w for w in WORD.findall(text.casefold()) if not w.isdigit() and w not in stop}


@lru_cache(maxsize=1)
def _all_stopwords() -> frozenset[str]:
    """The stop words of every language with data."""
    return frozenset().union(*map(resources.stopwords, resources.LANGUAGES))


@lru_cache(maxsize=1)
def _byline_heads() -> frozenset[str]:
    """First words of the byline phrases of every language ("by", "von", "par"...)."""
    return frozenset(p.split()[0] for p, kind in phrases().prefix.items() if kind == "byline" and p)


def read_byline(text: str, explicit: bool = False, lang: str | None = None) -> tuple[str | None, str | None]:
    """The author's name and the date (ISO 8601) of a byline: "By Ann Lowe", "Von Anna Lang, 3. März
    2025", "By Ann Lowe 18 November 2026, 07:30", "By Sarah Lee, Transport correspondent" (the role left
    out, as in text: `boilerplate.signature` reads what follows the phrase). The line must start with a
    byline phrase of one of the languages (boilerplate tables, kind byline) unless it is `explicit` (an
    author element), or be names and a date stamp or a news agency with no phrase before them ("Ann
    Lowe | June 3, 2025", "Katrin Lehmann, dpa": `boilerplate.unsigned_byline`, as in text); `lang`:
    the page's language, if it says one (its roles and months; every language's otherwise). (None,
    None) otherwise: a sentence is never a byline."""
    words = text.split()
    if not words or len(words) > BYLINE_WORDS:
        return None, None
    if not explicit and words[0].lower().strip(":,.|-–—»") not in _byline_heads():
        # most short lines start with no byline word; a few are names and a date or an agency
        return unsigned_byline(text, lang) or (None, None)
    heads = phrases().prefix
    rest = None
    for size in range(min(4, len(words)), 0, -1):
        if heads.get(normalise(" ".join(words[:size]))) == "byline":
            rest = words[size:]
            break
    if rest is None:
        if not explicit:
            return None, None
        rest = words
    signed = signature(_signature_text(rest), lang)
    if signed is None:
        for start in range(len(rest) - 1, 0, -1):  # a date after the names with no separator before it
            date = dates.parse(" ".join(rest[start:]), lang)
            if date:
                signed = signature(_signature_text(rest[:start]), lang)
                signed = signed and (signed[0], signed[1] or date, signed[2])
                break
    return (signed[0], signed[1]) if signed else (None, None)


def _signature_text(words: list[str]) -> str:
    """The words after a byline's phrase without the punctuation around them ("By: Ann Lowe |")."""
    return " ".join(words).lstrip(":-–—|» ").rstrip(",|·-–— ")


def _discussion(
    found: list[tuple[LexborNode, str]], prose: Prose, extra: Vocabulary | None, removed: list[Removal]
) -> tuple[list[tuple[LexborNode, str]], bool]:
    """A forum thread or a Q&A page: when the page has almost no prose (MIN_PROSE) outside its comment
    threads and they hold DISCUSSION_PROSE or more, the posts are the page's text and stay (their own
    furniture, share bars or signatures, still goes). So do threads that hold all of the page's prose,
    however short: a page is never emptied for looking like comments (an opinion piece is a
    "Kommentar", a "commento"). `found` without the comment threads then, and
    whether the page is such a discussion (its text is then where most of its prose is)."""
    threads = [node for node, concept in found if concept == "comments"]
    if not threads:
        return found, False
    in_threads = {n.mem_id for node in threads for n in node.traverse()}
    never = {n.mem_id for node, c in found if c in NOT_THE_PAGE for n in node.traverse()}
    posts = sum(length for para, length in prose if para.mem_id in in_threads)
    others = [
        (para, length)
        for para, length in _outermost_text_once(prose, threads)
        if para.mem_id not in in_threads and para.mem_id not in never and not _in_structural_furniture(para)
    ]
    elsewhere = sum(length for _, length in others)
    only_prose = posts > 0 and not elsewhere  # an article named as comments ("kommentar": an opinion piece)
    if not only_prose and (
        posts < DISCUSSION_PROSE or elsewhere >= MIN_PROSE or _article_beside(others, threads)
    ):
        return found, False
    kept = []
    outer = {t.mem_id for t in threads}
    pending = list(reversed(found))
    while pending:  # threads inside threads (each post a "comment") stay too
        node, concept = pending.pop()
        if concept != "comments":
            kept.append((node, concept))
            continue
        if node.mem_id in outer:
            why = (
                f"{selector(node)} holds all of the page's prose: it is not left empty"
                if posts < DISCUSSION_PROSE
                else f"the page is a discussion: {selector(node)} holds its posts"
            )
            text = node.text(separator=" ", strip=True)
            removed.append(Removal(text, "extract.kept", why, selector(node), kept=True))
        pending.extend(reversed(_furniture(node, extra, include_self=False)))
    return kept, True


def _outermost_text_once(prose: Prose, threads: list[LexborNode]) -> Prose:
    """The paragraphs without the cells of a layout table (a `td`, or a `p`/`blockquote` holding blocks)
    whose whole text holds a thread or other paragraphs: their text is counted where it is written.
    (A `div` counts only its own text already.)"""
    holders = {node.mem_id for thread in threads for node in _ancestors(thread)}
    holders |= {node.mem_id for para, _ in prose for node in _ancestors(para)[1:PROSE_DEPTH]}
    return [(p, n) for p, n in prose if p.tag not in PARAGRAPH_TAGS or p.mem_id not in holders]


def _article_beside(others: Prose, threads: list[LexborNode]) -> bool:
    """Whether the prose outside the comment threads (`others`: paragraph, length) is an article of its own: one block
    holds ARTICLE_PARAGRAPHS of them or more, grouped as the vote groups them (the same parent, or the
    same grandparent when that holds no thread). A short news item above a long comment section is an
    article with its comments, however short; a forum page's own prose (a description, a notice, captions)
    is a paragraph here and there. A news item of one paragraph is an article too when that paragraph
    is a sentence or more (LEAD_CHARS) under the page's headline: an `h1` in its block (its parent or
    grandparent, holding no thread), as an article's block holds its headline; a forum's thread title
    stands above its posts, not in a block with prose of its own."""
    paragraphs = [para for para, _ in others]
    if any(length >= LEAD_CHARS and _under_headline(para, threads) for para, length in others):
        return True
    counts: dict[int, int] = {}
    for para in paragraphs:
        parent = para.parent
        if parent is None:
            continue
        counts[parent.mem_id] = counts.get(parent.mem_id, 0) + 1
        grand = parent.parent
        if grand is not None and not any(_contains(grand, thread) for thread in threads):
            counts[grand.mem_id] = counts.get(grand.mem_id, 0) + 1
    return max(counts.values(), default=0) >= ARTICLE_PARAGRAPHS


def _under_headline(para: LexborNode, threads: list[LexborNode]) -> bool:
    """Whether the paragraph's parent or grandparent holds an `h1` and no comment thread."""
    block = para.parent
    for _ in range(2):
        if block is None or any(_contains(block, thread) for thread in threads):
            return False
        if block.css_first("h1") is not None:
            return True
        block = block.parent
    return False


def _prose_at_risk(
    found: list[tuple[LexborNode, str]],
    scope: list[LexborNode],
    under: dict[int, int],
    protected: set[int],
    extra: Vocabulary | None = None,
    inner: Inner | None = None,
) -> bool:
    """Whether furniture rules would take most of the prose of what the text is read from (`scope`: the
    chosen block, its siblings with prose or its <article>/<main> container; LOSS_SHARE): sections named
    like sidebars, quotes in <figure>s, columns called "widget". Then such blocks inside it stay."""
    held = sum(under.get(root.mem_id, 0) for root in scope)
    if not held:
        return False
    at_risk = 0
    pending = list(found)
    while pending:
        node, concept = pending.pop()
        if node.mem_id in protected:  # kept as the article's ancestor: what is inside it is still at risk
            pending.extend(_inner_furniture(node, extra, {} if inner is None else inner))
        elif (
            concept not in NO_PROSE_KEEP
            and (prose := under.get(node.mem_id, 0))  # most furniture holds no prose: no walk up for it
            and any(_contains(root, node) for root in scope)
        ):
            at_risk += prose
    return at_risk >= LOSS_SHARE * held


#: Furniture concepts a part of the article may look like: a box of prose (an infobox, a fact box), a
#: quote's attribution (a <footer>, a credit, an author name). (The article's header: `_standfirsts`.)
PART_CONCEPTS = frozenset({"sidebar", "footer", "author", "caption"})
#: A quote's attribution: furniture of these concepts inside a <blockquote> (or a <figure> holding one),
#: of ATTRIBUTION_WORDS words at most.
ATTRIBUTION = frozenset({"footer", "author", "caption"})
ATTRIBUTION_WORDS = 20
#: What a picture, a video or a map is written with: a <figure> holding one is no quote.
MEDIA = "img, picture, video, iframe, object, embed, canvas, svg"
#: Where an article's header writes its standfirst (a <p class="standfirst|dek|lead|summary">, a <div>
#: of its own text). A subtitle set as a heading (h2, h3) is part of the headline: it goes with it (the
#: ground truth of every bench set leaves such subtitles out and keeps most standfirst paragraphs),
#: unless it is a whole sentence right under the headline (STANDFIRST_HEADINGS).
STANDFIRST_TAGS = "p, div"
#: A standfirst is this many lines (paragraphs) at most.
STANDFIRST_LINES = 3
#: A standfirst set as a heading right under the headline (`_standfirst_heading`): a whole sentence
#: ("Tenants now spend half of their income on housing, a report finds."), where a subtitle set as a
#: heading is a phrase without a full stop.
STANDFIRST_HEADINGS = frozenset({"h2", "h3"})
#: A box of prose and a standfirst: sentences (lines of BOX_SENTENCE_WORDS words or more ending with a
#: sentence mark, or of LONG_LINE_WORDS words), under BOX_LINKS of their text in links. A box holds
#: PROSE_BOX_WORDS words or more in sentences, PROSE_BOX_SHARE of its text, and STOPWORD_SHARE of its
#: words or more are the stop words of one language (prose, not a list of names).
BOX_SENTENCE_WORDS = 6
LONG_LINE_WORDS = 15
BOX_LINKS = 0.2
PROSE_BOX_WORDS = 15
PROSE_BOX_SHARE = 0.5
STOPWORD_SHARE = 0.2
#: A photo essay: its captions' sentences make this share of the article's text or more (`_captions_carry`).
ESSAY_SHARE = 0.5
#: A pull quote (a copy of the article's own sentence set apart) is this many lines at most.
PULL_QUOTE_LINES = 3
WORD = re.compile(r"\w+")


@dataclass
class Parts:
    """What `_article_part` and `_standfirsts` need of the page: the extra vocabulary, the furniture found
    inside kept nodes (`Inner`, shared with the removal), the facts read so far and the page's language
    (bylines and dates in the article's header), and (made on first asking) the text the article is
    read from, to tell a pull quote (a copy of the article's own words) from a box."""

    extra: Vocabulary | None
    inner: Inner
    facts: Facts
    lang: str | None
    missing: frozenset[str]
    essay: bool = False  # the captions carry most of the article's prose (`_captions_carry`)
    scope_text: str | None = None


def _missing(metadata: Metadata) -> frozenset[str]:
    """The fields a byline or a dateline gives that the page's meta tags left empty."""
    return frozenset(name for name in ("author", "date") if getattr(metadata, name) is None)


def _inside(node: LexborNode, scope: list[LexborNode]) -> bool:
    """Whether `node` is strictly inside one of `scope` (what the article's text is read from)."""
    return any(root.mem_id != node.mem_id and _contains(root, node) for root in scope)


def _article_part(
    node: LexborNode, concept: str, text: str, scope: list[LexborNode], parts: Parts
) -> str | None:
    """What a furniture-looking node inside the article (strictly inside what the text is read from,
    `scope`) is when it is part of the article, or None: a quote in a figure or a quote's attribution
    (`_attribution`), an <aside> of prose (`_prose_box`: an infobox, a fact box, a "Kasten", an
    "encadré"). Judged by what the node holds, so it works whatever the page's language and class
    names; a box of links or teasers, a share bar, a page's footer, a picture's caption still go."""
    if not _inside(node, scope):
        return None
    if concept in ATTRIBUTION and node.tag != "figure" and _attribution(node, text):
        return "a quote's attribution"
    if concept == "sidebar" and _prose_box(node, scope, parts):
        return "a box of prose inside the article"
    if concept == "caption" and parts.essay and _caption_lines(node):  # a sentence, not a credit alone
        return "a caption of a photo essay, whose captions carry most of its prose"
    if concept in SIGNED and _sign_off(node, parts.lang):
        return "the article's sign-off, after its last paragraph"
    return None


#: Furniture that may hold the article's sign-off (`signoff`): a footer, an author's box, an aside.
SIGNED = frozenset({"footer", "author", "sidebar"})


def _sign_off(node: LexborNode, lang: str | None) -> bool:
    """Whether `node` holds the article's sign-off and nothing else (`signoff.signs_off`: "Mit
    freundlichen Grüßen" and a name, "(dpa/abc)") right after a paragraph of its prose (the element
    before it, or before an ancestor of it: `signoff.after_prose`). Kept as article text, as the
    same lines in `<p>`s are."""
    if not signoff.signs_off(list(_blocks(blocks_text([node], skip_hidden=False))), lang):
        return False
    current: LexborNode | None = node
    while current is not None:
        before = current.prev
        while before is not None and not (before.tag != "-text" or (before.text_content or "").strip()):
            before = before.prev
        if before is not None:
            return signoff.after_prose(blocks_text([before], skip_hidden=False))
        current = current.parent
    return False


def _caption_lines(node: LexborNode) -> list[str]:
    """The lines of a caption's text that are sentences (`_sentence`)."""
    return [line for line in _blocks(blocks_text([node], skip_hidden=False)) if _sentence(line)]


def _captions_carry(found: list[tuple[LexborNode, str]], scope: list[LexborNode]) -> bool:
    """Whether the captions inside what the text is read from (`scope`) carry most of its prose: their
    sentences (`_sentence`) make ESSAY_SHARE of its text or more. A photo essay tells its story in its
    captions under a short introduction; an article's captions are a small part beside its body, and
    go."""
    captions = [node for node, concept in found if concept == "caption" and _inside(node, scope)]
    if not captions:
        return False
    said = sum(len(line) for node in captions for line in _caption_lines(node))
    if not said:
        return False
    total = sum(len(" ".join(root.text(separator=" ").split())) for root in scope)
    return said >= ESSAY_SHARE * total


def _attribution(node: LexborNode, text: str) -> bool:
    """A quote's attribution ("— Jane Doe, mayor"): a <footer>, a credit or an author name of
    ATTRIBUTION_WORDS words at most inside a <blockquote> or inside a <figure> that holds a quote: not
    the page's footer nor a picture's caption. (A <figure> holding a quote still goes as a figure: an
    embedded post is one too.)"""
    return len(text.split()) <= ATTRIBUTION_WORDS and _in_quote(node)


def _in_quote(node: LexborNode) -> bool:
    """Whether `node` is inside a <blockquote> or a <figure> that holds a quote (`_quote_figure`): a
    name there is the quoted person's, not the article's author."""
    current = node.parent
    while current is not None and current.tag not in ("body", "html"):
        if current.tag == "blockquote" or (current.tag == "figure" and _quote_figure(current)):
            return True
        current = current.parent
    return False


def _quote_figure(node: LexborNode) -> bool:
    """A <figure> that holds a <blockquote> and no picture, video or map: a quote, not a picture."""
    return node.css_first("blockquote") is not None and node.css_first(MEDIA) is None


def _sentence(line: str) -> bool:
    """A line of prose: BOX_SENTENCE_WORDS words or more ending with a sentence mark, or LONG_LINE_WORDS
    words (a standfirst may end without a full stop)."""
    words = len(line.split())
    return words >= LONG_LINE_WORDS or (words >= BOX_SENTENCE_WORDS and ends_sentence(line))


def _standfirsts(
    node: LexborNode, scope: list[LexborNode], parts: Parts, above: bool = False, strict: bool = False
) -> list[LexborNode]:
    """The standfirst of the article's own header (a header strictly inside what the text is read from,
    or `above` it in the article's zone, a sibling of its body: `_above_the_body`; holding the
    headline, an `h1`): its blocks of prose below the headline (`STANDFIRST_TAGS` holding no
    other such block, a sentence by `_sentence`, few links, outside its menus and share bars, not inside
    the headline nor a collapsed `<details>`, no byline, date or widget line), which are article text. Its headline is the article's title
    (`_article_facts`), and its bylines and datelines give the author and the date (`_line_removal`, as
    in the text) before the header goes. A site's header (a logo, menus, links) and a header without a
    headline (an accordion's) go whole, as before."""
    if not above and not _inside(node, scope):
        return []
    inside = {n.mem_id for f, _ in _inner_furniture(node, parts.extra, parts.inner) for n in f.traverse()}
    headline = next((h for h in node.css("h1") if h.mem_id not in inside), None)
    if headline is None:
        return []  # no headline: a site's header, an accordion's
    found = []
    after = False
    for block in node.css(f"h1, {STANDFIRST_TAGS}"):
        after = after or block.mem_id == headline.mem_id
        if not after or block.tag == "h1" or block.mem_id in inside or _contains(headline, block):
            continue  # above the headline, or part of it
        if any(a.tag == "details" for a in _ancestors(block)[1:] if _contains(node, a)):
            continue  # collapsed text (a disclosure's body): a standfirst is shown under the headline
        if any(d.mem_id != block.mem_id for d in block.css(STANDFIRST_TAGS)):
            continue  # not the innermost block (a query of a node finds the node itself too)
        line = " ".join(block.text(separator=" ", strip=True).split())
        if not _sentence(line) or _link_text(block, inside) >= BOX_LINKS * len(line) or _dated_byline(line):
            continue
        if strict and (not ends_sentence(line) or block.css_first("time") is not None):
            continue  # outside the zone: a sentence closed, no stamp ("AFP 30 avril 2015 à 07:19 (Mis à jour")
        if _learned_removal(line, parts.facts, parts.lang, parts.missing) is None:
            found.append(block)
    subtitle = _next_element(headline)
    if (
        subtitle is not None
        and subtitle.tag in STANDFIRST_HEADINGS
        and subtitle.mem_id not in inside
        and _standfirst_heading(" ".join(subtitle.text(separator=" ", strip=True).split()))
        and not _link_text(subtitle, inside)
    ):
        found.insert(0, subtitle)  # a standfirst set as a heading, right under the headline
    for line in _blocks(blocks_text([node], skip_hidden=False)):
        _learned_removal(line, parts.facts, parts.lang, parts.missing)  # its byline and dateline
    return found


#: How far above its headline the article's own `<header>` stands at most (the headline's parent, or a
#: wrapper's parent: "<header><div class='titles'><h1>").
HEADER_LEVELS = 2


def _headline_header(
    node: LexborNode, own_header: frozenset[int], zone: LexborNode, winner: LexborNode, body: LexborNode
) -> bool:
    """Whether `node` is the article's own header outside its zone: a `<header>` HEADER_LEVELS levels
    above the headline at most (`own_header`), before the article's zone and outside it (a page that
    writes "<header><h1>...</h1><p>lead</p></header><article>..." as siblings). Its standfirst is read
    before the body, as the one of a header inside the zone, when it is a closed sentence holding no
    `<time>` (`_standfirsts`, `strict`: a stamp line in such a header is no lead). A site's header holds no headline that
    close (its logo and menus), and one below the body is no article's header."""
    if node.mem_id not in own_header or _contains(node, zone) or _contains(zone, node):
        return False
    for other in body.traverse():  # document order: which of the two comes first
        if other.mem_id == node.mem_id:
            return True
        if other.mem_id in (zone.mem_id, winner.mem_id):
            return False
    return False


def _above_the_body(node: LexborNode, zone: LexborNode, winner: LexborNode) -> bool:
    """Whether `node` stands in the article's zone before the block that won (`winner`), outside it: a
    header beside the body ("entry-header" then "entry-content"), not one inside it nor below it."""
    if _contains(node, winner) or not _contains(zone, node) or node.mem_id == zone.mem_id:
        return False
    for child in zone.iter():
        if _contains(child, winner):
            return False
        if _contains(child, node):
            return True
    return False


def _standfirst_block(node: LexborNode, lang: str | None, missing: frozenset[str]) -> bool:
    """A block of the article's zone between its headline and its body that is its standfirst ("lead",
    "chapo", "sommario", whatever it is called): a `<p>` or `<div>` of STANDFIRST_LINES lines at most,
    each a sentence (`_sentence`), with no link, picture, heading or list (a teaser, a caption, a
    table of contents), and no byline, date or widget line (`_learned_removal`)."""
    if node.tag not in ("p", "div") or node.css_first(f"a, h1, h2, h3, h4, h5, h6, ul, ol, table, {MEDIA}"):
        return False
    lines = list(_blocks(blocks_text([node], skip_hidden=False)))
    return (
        0 < len(lines) <= STANDFIRST_LINES
        and all(_sentence(line) and not _dated_byline(line) for line in lines)
        and all(_learned_removal(line, {}, lang, missing) is None for line in lines)
    )


#: A year (`_dated_byline`).
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _dated_byline(line: str) -> bool:
    """A line that opens with a byline phrase of any language ("Posted by", "Von") and holds a year: a
    byline with its stamp that `read_byline` could not read ("Posted by ann on Friday January 12, 2024
    @11:40AM from the news dept."), no standfirst."""
    words = line.split()
    if not words or words[0].lower().strip(":,.|-–—»") not in _byline_heads() or not YEAR.search(line):
        return False
    heads = phrases().prefix
    return any(
        heads.get(normalise(" ".join(words[:size]))) == "byline" for size in range(min(4, len(words)), 0, -1)
    )


def _standfirst_heading(line: str) -> bool:
    """A heading that is a standfirst: a sentence of BOX_SENTENCE_WORDS words or more ending with a full
    stop (not a question or an exclamation, which a subtitle may be), not a byline."""
    return (
        len(line.split()) >= BOX_SENTENCE_WORDS
        and ends_sentence(line)
        and line.rstrip("\"'”»)]").endswith((".", "…"))
    )


def _next_element(node: LexborNode) -> LexborNode | None:
    """The element after `node` among its siblings (text between them but white space: none)."""
    sibling = node.next
    while sibling is not None and not sibling.is_element_node:
        if (sibling.text_content or "").strip():
            return None
        sibling = sibling.next
    return sibling


def _prose_box(node: LexborNode, scope: list[LexborNode], parts: Parts) -> bool:
    """A box of prose inside the article (an infobox of sentences, a fact box, a "Kasten", an
    "encadré"): no class or id naming other furniture (share, related, ads, an author's bio, hidden),
    no quote of another text (a <blockquote>), mostly
    sentences (PROSE_BOX_WORDS words or more in lines ending with a sentence mark, PROSE_BOX_SHARE of its
    text), few links (BOX_LINKS) and none alone on a line (a button, a teaser's headline), not opening
    with a byline (an author's box), the stop words
    of one of the languages (STOPWORD_SHARE), not in a form, and not a copy of the article's own words
    (a pull quote). A box of links, teasers, share buttons or a call to sign up fails one of these,
    whatever it is called. Only an <aside> (or a complementary region): blocks named as sidebars or
    widgets are judged by the prose valves, as before."""
    attrs = node.attributes
    if node.tag != "aside" and (attrs.get("role") or "").lower() != "complementary":
        return False  # a block named as a sidebar or a widget: the prose valves judge it
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".split()
    if any(_name_concept(name) not in (None, "sidebar") for name in names):
        return False  # named as other furniture (share, related, hidden on small screens...)
    if node.css_first("blockquote") is not None:
        return False  # a quote of another text (a post quoted in a thread), not a box of the article's
    if any(a.tag == "form" for a in _ancestors(node)):
        return False  # a form's help (an editor's hints), not the article's
    lines = [line for line in blocks_text([node], skip_hidden=False).split("\n") if line]
    if lines and (read_byline(lines[0])[0] or read_byline(" ".join(lines[:2]))[0]):
        return False  # it opens with a byline ("Written by Ann Lowe"): an author's box
    alone = {" ".join(a.text(separator=" ", strip=True).split()) for a in node.css("a")}
    if any(line.lstrip("•→›» ").strip() in alone for line in lines):
        return False  # a link alone on its line: a button ("Sign up", "Read more"), a teaser's headline
    total = sum(len(line) for line in lines)
    prose = [line for line in lines if len(line.split()) >= BOX_SENTENCE_WORDS and ends_sentence(line)]
    chars = sum(len(line) for line in prose)
    words = [w.lower() for line in prose for w in WORD.findall(line)]
    if len(words) < PROSE_BOX_WORDS or chars < PROSE_BOX_SHARE * total:
        return False
    if _link_text(node, set()) >= BOX_LINKS * total:
        return False
    stops = max(sum(w in stop for w in words) for stop in map(resources.stopwords, resources.LANGUAGES))
    if stops < STOPWORD_SHARE * len(words):
        return False
    if len(prose) > PULL_QUOTE_LINES:
        return True  # no pull quote (and no search of the article per line: a box of 10,000 lines)
    if parts.scope_text is None:
        parts.scope_text = " ".join(" ".join(root.text(separator=" ").split()) for root in scope)
    return not any(parts.scope_text.count(" ".join(line.split())) > 1 for line in prose)


def _remove_link_lists(content: list[LexborNode], removed: list[Removal]) -> None:
    """Lists of other articles inside or after the article, whatever their heading says: a list of
    LINK_LIST_ITEMS items or more, nearly all of them (LINK_LIST_SHARE) a headline that is a link to
    another page (not an anchor of this one). Its heading goes with it. Not on a listing page: when the
    text outside such lists is less than theirs and less than MIN_PROSE characters (a shop's best-seller
    list, a chart, an index), the lists are the page's content and stay."""
    found: list[tuple[LexborNode, int]] = []
    for root in content:
        for node in root.css("ul, ol"):
            items = [li for li in node.iter() if li.tag == "li"]
            if len(items) >= LINK_LIST_ITEMS and _mostly_headlines(items):
                found.append((node, len(items)))
    ids = {node.mem_id for node, _ in found}
    found = [(node, count) for node, count in found if not any(a.mem_id in ids for a in _ancestors(node)[1:])]
    listed = sum(len(node.text(separator=" ", strip=True)) for node, _ in found)
    rest = sum(len(root.text(separator=" ", strip=True)) for root in content) - listed
    if rest < min(MIN_PROSE, listed):
        return  # a listing page: its lists are what it holds
    for node, count in found:
        heading = node.prev
        while heading is not None and not heading.is_element_node:
            heading = heading.prev
        if (
            heading is not None
            and heading.tag in ("h2", "h3", "h4", "h5", "h6")
            and len(heading.text().split()) <= 8
        ):
            removed.append(
                Removal(
                    heading.text(separator=" ", strip=True),
                    "extract.related",
                    "the heading of a list of links to other articles",
                    selector(heading),
                )
            )
            heading.decompose()
        why = f"a list of {count} links to other articles"
        removed.append(Removal(node.text(separator=" ", strip=True), "extract.related", why, selector(node)))
        node.decompose()


#: Teasers of other articles: TEASERS `<article>` elements or more, side by side after the main one.
TEASERS = 2
TEASER_LINK = "h1 a[href], h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4"


def _remove_teasers(
    content: list[LexborNode],
    main_article: tuple[int, int],
    head_path: frozenset[int],
    removed: list[Removal],
) -> None:
    """Teasers of other articles beside the main one: where the text is read from holds the `<article>`
    with the headline (the main one), the `<article>`s after it, neither inside it nor holding it, are
    other articles' when TEASERS or more of them stand side by side (one parent: a "more" or "related"
    section), each one's heading is a link to another page, none holds an `<h1>` (the rank of the main
    one's headline: a blog's list of whole posts sets each one so) and each is shorter than the main
    one. They go (`extract.related`), and the heading of their section with them when nothing else is
    left in it. An `<article>` inside the main
    one (a live blog's post, a quoted post) is part of it and stays. `main_article`: the main
    `<article>`'s mem_id and its length in characters; `head_path`: the mem_ids of the headline and its
    ancestors (the main one's among them)."""
    main, length = main_article
    groups: dict[int, list[LexborNode]] = {}
    parents: dict[int, LexborNode] = {}
    after = False
    for root in content:
        for node in root.css("article"):
            if node.mem_id == main:
                after = True
                continue
            if not after or node.mem_id in head_path or node.parent is None:
                continue  # before the main article, or holding it
            if any(a.mem_id == main for a in _ancestors(node)):
                continue  # inside it
            link = node.css_first(TEASER_LINK)
            if link is None or (link.attributes.get("href") or "#").startswith("#"):
                continue
            if node.css_first("h1") is not None or len(node.text(separator=" ", strip=True)) >= length:
                continue  # a whole post of a list of posts, not a teaser
            groups.setdefault(node.parent.mem_id, []).append(node)
            parents[node.parent.mem_id] = node.parent
    for key, teasers in groups.items():
        if len(teasers) < TEASERS:
            continue
        for teaser in teasers:
            why = "a teaser of another article, beside the main article"
            removed.append(
                Removal(teaser.text(separator=" ", strip=True), "extract.related", why, selector(teaser))
            )
            teaser.decompose()
        section = parents[key]
        left = " ".join(section.text(separator=" ").split())
        heading = section.css_first("h1, h2, h3, h4, h5, h6")
        if left and heading is not None and " ".join(heading.text(separator=" ").split()) == left:
            why = "the heading of teasers of other articles"
            removed.append(Removal(left, "extract.related", why, selector(heading)))
            heading.decompose()


def _mostly_headlines(items: list[LexborNode]) -> bool:
    """Whether LINK_LIST_SHARE of `items` or more are headlines linking elsewhere (`_headline_link`),
    stopping at the first item that leaves too few to reach the share."""
    need = LINK_LIST_SHARE * len(items)
    misses = 0
    for item in items:
        if not _headline_link(item):
            misses += 1
            if len(items) - misses < need:
                return False
    return True


def _headline_link(item: LexborNode) -> bool:
    """A list item that is a headline linking elsewhere: three words or more, nearly all in links to
    other pages."""
    text = item.text(separator=" ", strip=True)
    if len(text.split()) < 3:
        return False
    links = [a for a in item.css("a") if not (a.attributes.get("href") or "#").startswith("#")]
    return sum(len(a.text(separator=" ", strip=True)) for a in links) >= 0.8 * len(text)


def _reveal_collapsed(body: LexborNode, removed: list[Removal]) -> None:
    """Collapsed content: a hidden element that a control of the page opens (its id is in a control's
    `aria-controls`: an accordion's answer, a tab's panel, a "read more") is part of the page a reader
    sees with a click, not hidden furniture. Its hidden markers go (the hidden attribute, aria-hidden,
    an inline display:none or visibility:hidden); what it is (a menu, a cookie panel) is still judged by
    its tags and names. Each one is logged (`extract.collapsed`, kept)."""
    controlled = {
        name
        for node in body.css("[aria-controls]")
        for name in (node.attributes.get("aria-controls") or "").split()
    }
    if not controlled:
        return
    for node in body.css("[id]"):
        if node.attributes.get("id") not in controlled or not is_hidden(node):
            continue
        for name in ("hidden", "aria-hidden"):
            if name in node.attributes:
                del node.attrs[name]
        style = node.attributes.get("style")
        if style:
            node.attrs["style"] = HIDING_STYLE.sub("", style)
        why = "collapsed content that a control of the page opens"
        text = node.text(separator=" ", strip=True)
        removed.append(Removal(text, "extract.collapsed", why, selector(node), kept=True))


def _reveal_noscript(body: LexborNode, removed: list[Removal]) -> None:
    """A script app's page: when its <noscript> fallbacks hold more text than the rest of the body, they
    are the page (and are kept); otherwise they go with the other never-content elements."""
    blocks = body.css("noscript")
    if not blocks:
        return
    inside = sum(len(n.text(separator=" ", strip=True)) for n in blocks if n.css_first("p, div"))
    # the whole body's text is read only when the fallbacks could be the page (over 200 characters)
    reveal = inside > 200 and inside > 2 * (len(body.text(separator=" ", strip=True)) - inside)
    for node in blocks:
        if not reveal and any(a.tag == "noscript" for a in _ancestors(node)[1:]):
            continue  # went with the noscript around it
        if reveal:
            why = "the page's text is its <noscript> fallback"
            removed.append(
                Removal(node.text(separator=" ", strip=True), "extract.noscript", why, "noscript", kept=True)
            )
            node.unwrap()
        else:
            node.decompose()


def _without_widgets(text: str, removed: list[Removal], facts: Facts, lang: str | None = None) -> str:
    """Short blocks that are widgets whatever the page (labels, buttons, counters) leave the article.
    The text cleaners judge every line again, with the document's context; this is the cheap part.
    A byline line ("By Ann Lowe 18 November 2026, 07:30") and a date alone go to `facts` (the
    article's own, so they win over a time elsewhere on the page)."""
    kept = []
    blocks = list(_blocks(text))
    spared = _spared_in_context(blocks, lang)
    for i, block in enumerate(blocks):
        if (block.startswith(("```", "~~~")) and "\n" in block) or i in spared:
            kept.append(block)  # a `<pre>` as a fenced code block (`html.pre_block`): no widget
            continue
        removal = _line_removal(block, facts, lang)
        if removal is not None:
            removed.append(removal)
        else:
            kept.append(block)
    return join_blocks(kept) if kept and "".join(kept).strip() else ""


def _spared_in_context(blocks: Sequence[str], lang: str | None) -> set[int]:
    """The lines of the article that its neighbours show are no widget and no dateline
    (`cleaners.introduced`, as the boilerplate cleaner reads them): the dates heading a chronology's
    sections, and the names listed under a sentence introducing them (that sentence no widget itself)."""
    furniture = [b.count(" ") < 12 and widget(b, len(b.split()), phrases()) is not None for b in blocks]
    return chronology_dates(blocks, lang) | introduced_names(blocks, furniture)


def _line_removal(block: str, facts: Facts, lang: str | None) -> Removal | None:
    """Why one line of the article leaves it (a widget, a byline, a date alone), or None: a byline's
    author and date and a date alone go to `facts` (the first found wins)."""
    # asked as the boilerplate cleaner asks for the same line later (one entry of widget's cache)
    verdict = widget(block, len(block.split()), phrases()) if block.count(" ") < 12 else None
    name, date = read_byline(block, lang=lang) if block.count(" ") < BYLINE_WORDS else (None, None)
    if not name and "author" in facts and block == facts["author"][0]:
        name = block  # the name alone, on the line of the author element it was read from
    if name:
        facts.setdefault("author", (name, "extract.byline", "the article's byline line"))
        if date:
            facts.setdefault("date", (date, "extract.byline", "the article's byline line"))
        return Removal(block, "extract.byline", f"byline (author {name!r} kept in metadata)")
    if verdict is not None:
        return Removal(block, verdict.reason.replace("boilerplate.", "extract."), verdict.detail)
    if block.count(" ") < 10 and (date := dates.parse(block)):
        facts.setdefault("date", (date, "extract.dateline", "the article's dateline"))
        return Removal(block, "extract.dateline", f"a date alone (date {date} kept in metadata)")
    if block.count(" ") < 10 and (date := dates.placed(block, lang)):
        facts.setdefault("date", (date, "extract.dateline", "the article's dateline"))
        return Removal(
            block, "extract.dateline", f"a dateline: a place, then a date (date {date} kept in metadata)"
        )
    return None


def _learned_removal(line: str, facts: Facts, lang: str | None, missing: frozenset[str]) -> Removal | None:
    """`_line_removal` of a line outside the article's text (its header, beside its body): what it
    learns goes to `facts` only for the fields the page's meta tags left empty (`missing`), so that a
    name read there never makes the body's own lines look like a byline."""
    learned: Facts = {}
    removal = _line_removal(line, learned, lang)
    for name, value in learned.items():
        if name in missing:
            facts.setdefault(name, value)
    return removal


def _beside_the_body(
    zone: LexborNode,
    content: list[LexborNode],
    winner: LexborNode,
    removed: list[Removal],
    facts: Facts,
    metadata: Metadata,
    lifted: set[int],
    head_path: frozenset[int] = frozenset(),
) -> list[LexborNode]:
    """The blocks of the article's zone that its text is not read from (`content`: the block that won and
    its siblings with prose; `zone`: their parent) are logged, none dropped unsaid: the headline above
    the body (`extract.headline`: an `<h1>`, or the block holding the headline `_headline` found,
    `head_path` being its ancestors), a byline or a date alone above it (to `facts`, as in the text:
    `_line_removal`), anything else `extract.beside`. Only the lines above the body give the article's
    author and date (below it stand other articles' teasers). Returned: the standfirst, which is article
    text, to be read before the body: one set as a heading right under the headline
    (`_standfirst_heading`), a block of sentences between the headline and the body (`_standfirst_block`)
    and one taken out of a header beside the body (`lifted`: `_standfirsts`)."""
    if any(root.mem_id == zone.mem_id for root in content):
        return []  # the text is read from the zone itself (its <article> or <main>)
    lang, missing = metadata.lang, _missing(metadata)
    read = {root.mem_id for root in content}
    above = True
    headed = False  # a headline above, in the zone
    standfirsts: list[LexborNode] = []
    for child in zone.iter():
        if child.mem_id == winner.mem_id:
            above = False
        if child.mem_id in read:
            continue
        if child.mem_id in lifted or (above and headed and _standfirst_block(child, lang, missing)):
            if child.mem_id not in lifted:
                why = "the article's standfirst, between its headline and its body"
                text = child.text(separator=" ", strip=True)
                removed.append(Removal(text, "extract.kept", why, selector(child), kept=True))
            standfirsts.append(child)
            read.add(child.mem_id)
            continue
        headed = headed or (above and child.mem_id in head_path)
        if above and (head := child if child.tag == "h1" else child.css_first("h1")) is not None:
            headed = True
            sub = _next_element(head)
            if (
                sub is not None
                and sub.tag in STANDFIRST_HEADINGS
                and _standfirst_heading(" ".join(sub.text(separator=" ").split()))
                and not sub.css_first("a")
            ):
                why = "the article's standfirst, right under its headline"
                removed.append(
                    Removal(
                        sub.text(separator=" ", strip=True), "extract.kept", why, selector(sub), kept=True
                    )
                )
                standfirsts.append(sub)
                read.add(sub.mem_id)
                if _contains(child, sub):  # the headline's block holds it: read apart, not logged with it
                    child.insert_after(sub)  # a copy, then read as the standfirst
                    sub.decompose()
                    standfirsts[-1] = child.next or sub
                    read.add(standfirsts[-1].mem_id)
        if child.mem_id in read:
            continue
        whole = " ".join(child.text(separator=" ").split())
        if not whole:
            continue
        path = selector(child)
        rest, lines = [], list(_blocks(blocks_text([child], skip_hidden=False))) if above else []
        for line in lines:
            removal = _learned_removal(line, facts, lang, missing)
            if removal is None:
                rest.append(line)
            else:
                removed.append(replace(removal, selector=path))
        if above and not rest:
            continue
        if above and (child.tag == "h1" or child.mem_id in head_path or child.css_first("h1") is not None):
            why = "the article's headline, above its body (read as the title when the page gives none)"
            removed.append(Removal(" ".join(rest), "extract.headline", why, path))
        else:
            why = "beside the article's body, in its zone: not read"
            # nothing read from it: logged as its elements read, a space between them (the text glues
            # inline spans, "Élodie Marchand22 juillet 2025"; the log keeps them apart)
            told = whole if not above or len(rest) == len(lines) else " ".join(rest)
            removed.append(Removal(told, "extract.beside", why, path))
    return standfirsts


#: Labels above the headline in the text: among its first HEADLINE_LINES blocks, lines of LABEL_WORDS
#: words at most that end no sentence (a section, a category, a breadcrumb's last step, "Featured").
HEADLINE_LINES = 4
LABEL_WORDS = 3


def _labels_above_the_headline(text: str, headlines: set[str], removed: list[Removal]) -> str:
    """`text` with the headline as its first line: when one of its first HEADLINE_LINES blocks is the
    article's headline (`headlines`: its `<h1>`'s text, the title) and every block above it is a label
    (LABEL_WORDS words at most, a list item's bullet left out, no sentence mark at its end), the labels
    go (`extract.label`). A sentence, a longer line or a code block above it stays, and so does the
    headline's place then."""
    blocks = list(_blocks(text))
    for i, block in enumerate(blocks[:HEADLINE_LINES]):
        if block in headlines:
            above = blocks[:i]
            break
    else:
        return text
    if not above or not all(_label(block) for block in above):
        return text
    why = "a label above the article's headline (a section, a category): the headline is the first line"
    removed.extend(Removal(block, "extract.label", why) for block in above)
    return join_blocks(blocks[len(above) :])


def _label(block: str) -> bool:
    """A short line that ends no sentence and is no date (`_labels_above_the_headline`): a section's or
    a category's name. A date or a dateline above the headline ("Neustadt, 18.02.2025", a place, then
    the date) is the article's, not a label."""
    line = block.removeprefix("\u2022 ").strip()
    return (
        0 < len(line.split()) <= LABEL_WORDS
        and "\n" not in line
        and not line.endswith((".", "!", "?", "…"))
        and dates.parse(line.rsplit(",", 1)[-1]) is None
    )


#: Elements never read (`html.SKIP`) whose text a reader of the page sees: form controls, embedded
#: objects and media (their fallback text), formulas. They go with the others, logged (`extract.unread`).
SHOWN_UNREAD = frozenset(
    {"select", "button", "textarea", "iframe", "object", "embed", "canvas", "math", "audio", "video"}
)


def _skip_unread(tree: LexborHTMLParser, removed: list[Removal]) -> None:
    """Remove what is never read (`SKIP_SELECTOR`: scripts, styles, form controls, embedded objects),
    logging those a reader sees text in (`SHOWN_UNREAD`; the outermost one only, with its whole text)."""
    nodes = tree.css(SKIP_SELECTOR)
    skipped = {node.mem_id for node in nodes}
    for node in nodes:
        if node.tag in SHOWN_UNREAD and not any(a.mem_id in skipped for a in _ancestors(node)[1:]):
            text = " ".join(node.text(separator=" ").split())
            if text:
                why = f"a {node.tag} element (a control, embedded object or formula): never read as text"
                removed.append(Removal(text, "extract.unread", why, selector(node)))
    for node in nodes:
        node.decompose()


def _outside_the_zone(
    body: LexborNode,
    zone: LexborNode,
    content: list[LexborNode],
    removed: list[Removal],
    facts: Facts,
    metadata: Metadata,
) -> None:
    """The parts of the page outside the article's zone that no rule removed (a sidebar, a comment
    section a rule kept, a footer of no known shape) are not read: each is logged (`extract.outside`,
    one entry per element beside the path from the zone up to the body), so that nothing leaves the
    page unsaid; a part that holds what the text is read from (`content`: a headline's standfirst
    above the zone) is not. Nothing is logged when the text is read from the body itself. A part above
    the zone that is only a dateline or a byline ("Neustadt, 18.02.2025" above the `<article>`) gives
    the article's date and author as it would inside (`_above_the_zone`)."""
    where = selector(zone)
    node = zone
    while node.mem_id != body.mem_id and (parent := node.parent) is not None:
        above = True
        for other in parent.iter():
            if other.mem_id == node.mem_id:
                above = False
                continue
            if any(_contains(other, root) for root in content):
                continue
            whole = " ".join(other.text(separator=" ").split())
            if above and whole and (lines := _above_the_zone(other, facts, metadata)):
                removed.extend(replace(line, selector=selector(other)) for line in lines)
            elif whole:
                why = f"outside the article's zone ({where}): not read"
                removed.append(Removal(whole, "extract.outside", why, selector(other)))
        node = parent


def _above_the_zone(node: LexborNode, facts: Facts, metadata: Metadata) -> list[Removal]:
    """The removals of the lines of `node`, above the article's zone, when each of them goes as a byline,
    a dateline or a widget (`_learned_removal`) and one at least is a byline or a dateline: what they
    give goes to `facts`. [] otherwise (a menu, a teaser: no date of the article's)."""
    learned: Facts = {}
    lines = []
    missing = _missing(metadata)
    for line in _blocks(blocks_text([node], skip_hidden=False)):
        removal = _learned_removal(line, learned, metadata.lang, missing)
        if removal is None:
            return []
        lines.append(removal)
    if not any(r.reason in ("extract.byline", "extract.dateline") for r in lines):
        return []
    for name, value in learned.items():
        facts.setdefault(name, value)
    return lines


def _where_lines_were(content: list[LexborNode], removed: list[Removal], start: int) -> None:
    """Give the removals of single lines of the article's text (`_without_widgets`, from `start` on)
    the selector of the element of `content` they were read from (the first whose text holds the line),
    for the log: a line is no element of its own, but it was inside one."""
    texts = [(" ".join(root.text(separator=" ").split()), selector(root)) for root in content]
    for i in range(start, len(removed)):
        if removed[i].selector:
            continue
        line = " ".join(removed[i].text.split())
        where = next((path for text, path in texts if line in text), None) or (
            texts[0][1] if texts else "body"
        )
        removed[i] = replace(removed[i], selector=where)


#: What leaves the page whole, unread: a part a rule kept (`extract.kept`) inside one of these is gone.
UNREAD = ("extract.beside", "extract.outside", "extract.headline")


def _gone_though_kept(removed: list[Removal], text: str) -> None:
    """A part a furniture rule kept (a comment section holding all of the page's prose, say) that then
    lay outside what the text was read from went all the same: its "kept" entry is dropped, and the
    entry of the unread part that held it (`UNREAD`) names it, so that the log never says kept for a
    text the output (`text`) does not hold. Texts are compared without white space (an element's text
    and the output's lines space inline elements differently)."""
    unread = [
        (i, "".join(r.text.split())) for i, r in enumerate(removed) if r.reason in UNREAD and not r.kept
    ]
    if not unread:
        return
    out = "".join(text.split())
    notes: dict[int, list[str]] = {}
    gone = set()
    for i, r in enumerate(removed):
        if not r.kept or r.reason != "extract.kept":
            continue
        part = "".join(r.text.split())
        if not part or part in out:
            continue
        holder = next((j for j, whole in unread if part in whole), None)
        if holder is not None:
            gone.add(i)
            notes.setdefault(holder, []).append(f"{r.selector or 'a part'} was kept by a rule ({r.detail})")
    for j, said in notes.items():
        removed[j] = replace(removed[j], detail=f"{removed[j].detail}; {'; '.join(said)}, but it is not read")
    removed[:] = [r for i, r in enumerate(removed) if i not in gone]


def _blocks(text: str) -> Iterator[str]:
    """The non-empty lines of `text`, a fenced code block (`text.fenced_blocks`) as one, whole."""
    pos = 0
    for start, end in fenced_blocks(text):
        yield from (line for line in text[pos:start].split("\n") if line)
        yield text[start:end]
        pos = end
    yield from (line for line in text[pos:].split("\n") if line)


def _remove_hover_cards(body: LexborNode, removed: list[Removal]) -> None:
    """Cards that pop up over a name inside a paragraph: an inline box with a picture that does not start
    with the name's link (the link itself stays in the sentence)."""
    if body.css_first("p span img") is None:  # no picture in a paragraph's span (most pages): no card
        return
    for span in body.css("p span"):
        first = span.child
        while first is not None and not first.is_element_node:
            first = first.next
        if span.css_first("img") is not None and (first is None or first.tag != "a"):
            removed.append(
                Removal(span.text(separator=" ", strip=True), "extract.hovercard", "", selector(span))
            )
            span.decompose()


def _furniture(
    root: LexborNode, extra: Vocabulary | None = None, include_self: bool = True
) -> list[tuple[LexborNode, str]]:
    """The outermost furniture nodes under `root`, each with its concept, in document order. A walk that
    does not enter furniture: each node is seen once, however deep furniture nests in furniture (the
    extraction asks again inside each one it keeps). Stepped child by child so that a furniture node's
    inside is never walked: asked again inside each of 512 nested furniture nodes it keeps, a walk of
    every node under each would cost the depth times the page (bench/hostile.py furniture_nest)."""
    if include_self and root.is_element_node:
        concept = furniture_concept(root, extra) or _counted_discussion(root)
        if concept is not None:
            return [(root, concept)]
    found: list[tuple[LexborNode, str]] = []
    stack = [root.iter()]  # the children still to see, one iterator per open level (512 deep at most)
    tick = pacer("finding furniture")
    while stack:
        if tick is not None:
            tick()
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        concept = furniture_concept(node, extra) or _counted_discussion(node)
        if concept is not None:
            found.append((node, concept))
        else:
            stack.append(node.iter())
    return found


#: The furniture inside a furniture node kept (`_furniture` without the node itself), by its mem_id.
Inner = dict[int, list[tuple[LexborNode, str]]]


def _inner_furniture(
    node: LexborNode, extra: Vocabulary | None, inner: Inner
) -> list[tuple[LexborNode, str]]:
    """`_furniture(node, extra, include_self=False)`, walked once per node and page (`inner`): the valve
    (`_prose_at_risk`) and the removal both look inside the article's furniture-named ancestors. What
    the walk finds depends on the node's own subtree only, which neither changes (the removal takes
    nodes outside it, in document order, before it)."""
    found = inner.get(node.mem_id)
    if found is None:
        found = inner[node.mem_id] = _furniture(node, extra, include_self=False)
    return found


def _furniture_and_inside(
    root: LexborNode, extra: Vocabulary | None = None, include_self: bool = True
) -> tuple[list[tuple[LexborNode, str]], set[int]]:
    """`_furniture`, and the mem_ids of every node in the furniture found (itself included), which the
    walk makes anyway to pass over them."""
    if include_self and root.is_element_node:
        concept = furniture_concept(root, extra) or _counted_discussion(root)
        if concept is not None:
            return [(root, concept)], set(map(MEM_ID, root.traverse()))
    found: list[tuple[LexborNode, str]] = []
    inside: set[int] = set()  # the nodes under furniture found: passed over, never judged
    counted = _counted_discussions(root)
    nodes = root.traverse()  # in document order, in C: cheaper than stepping node by node in Python
    next(nodes)  # the root
    for node in paced(nodes, "finding furniture"):  # elements and comments (no furniture tag or attribute)
        if node.mem_id in inside:
            continue
        concept = furniture_concept(node, extra) or counted.get(node.mem_id)
        if concept is not None:
            found.append((node, concept))
            inside.update(map(MEM_ID, node.traverse()))  # in C: no Python frame per node
    return found, inside


#: A node's mem_id, read in C by `map` (sets of a subtree's nodes are made with no Python frame per node).
MEM_ID = attrgetter("mem_id")


def _counted_discussions(root: LexborNode) -> dict[int, str]:
    """`_counted_discussion` of every element under `root` that it marks, by mem_id: such an element
    opens with a heading (h2-h6), so only the parents of the headings are asked (one query of the
    subtree, rather than a look at the first child of every container)."""
    marked: dict[int, str] = {}
    for heading in root.css(", ".join(sorted(COUNT_HEADING_TAGS))):
        if COUNT_HEADING.match(" ".join(heading.text(separator=" ").lower().split())) is None:
            continue  # no count: its parent, if marked, is marked by the count heading it opens with
        parent = heading.parent
        if parent is not None and parent.mem_id not in marked and (concept := _counted_discussion(parent)):
            marked[parent.mem_id] = concept
    return marked


def _counted_discussion(node: LexborNode) -> str | None:
    """ "comments" for a container (SECTION_TAGS) that opens with a heading counting comments ("32
    Comments", "3 Kommentare", "12 commentaires": COUNT_HEADING) and no other heading as high (a comment's
    own heading is lower; a title or a section of the article is not): a page with no telling
    class or id marks its discussion so. What such a heading opens is readers' writing, not the article
    (the vote then keeps it out, and `_discussion` still keeps a forum's posts). A heading that only
    names comments ("Comments") or mentions them in a sentence does not count."""
    if node.tag not in SECTION_TAGS:
        return None
    first = node.child
    while first is not None and not first.is_element_node:
        if (first.text_content or "").strip():
            return None  # text before the heading: the heading does not open this container
        first = first.next
    if first is None or first.tag not in COUNT_HEADING_TAGS:
        return None
    match = COUNT_HEADING.match(" ".join(first.text(separator=" ").lower().split()))
    if match is None:
        return None
    word = match.group("after") or match.group("before") or ""
    if phrases().line.get(word) != "comment" or _concept_of(word) != "comments":
        return None
    rank = int(first.tag[1])
    outranked = ", ".join(f"h{r}" for r in range(1, rank + 1))
    if any(heading.mem_id != first.mem_id for heading in node.css(outranked)):
        return None  # a heading as high as the count's after it: the container holds more than comments
    return "comments"


def _misnamed(node: LexborNode, concept: str, text: str | None = None) -> bool:
    """An ad slot, a cookie banner, a newsletter box or a share bar holds little text: one that holds
    more than SMALL_BOX characters is a container with an unlucky name ("ad_body", "non-ad-column")."""
    if concept not in SMALL_BOXES:
        return False
    return len(text if text is not None else node.text(separator=" ", strip=True)) > SMALL_BOX


def _ancestors(node: LexborNode) -> list[LexborNode]:
    out = []
    current: LexborNode | None = node
    while current is not None:
        out.append(current)
        current = current.parent
    return out


Ballot = list[tuple[int, float, list[LexborNode]]]


Prose = list[tuple[LexborNode, int]]


def _ballot(body: LexborNode) -> tuple[Ballot, Prose]:
    """Each paragraph's vote: its id, its score, and the parent and grandparent it votes for; and the
    paragraphs with their text length (the page's prose, for the fallback)."""
    ballot: Ballot = []
    prose: Prose = []
    linked = _link_chars(body)
    for para in paced(body.css(SCORED), "scoring the paragraphs"):
        if para.tag in ("div", "section"):
            text = _own_text(para)  # text written straight into a container, between <br>s or images
            if len(text) < 80 or _link_density(para, len(para.text(separator=" ", strip=True))) > 0.25:
                continue
        else:
            text = para.text(separator=" ", strip=True)
            if len(text) < 25:
                continue
        score = 1 + text.count(",") + min(len(text) // 100, 3)
        parents: list[LexborNode] = []
        parent = para.parent
        while parent is not None and len(parents) < 2:
            parents.append(parent)
            parent = parent.parent
        ballot.append((para.mem_id, float(score), parents))
        if len(text) >= 40 and (
            para.tag in ("div", "section") or linked.get(para.mem_id, 0) < 0.3 * len(text)
        ):
            prose.append((para, len(text)))
    return ballot, prose


def _link_chars(body: LexborNode) -> dict[int, int]:
    """Characters of link text in each paragraph (p, pre, td, blockquote: the nearest one above the link),
    from one query for the whole page rather than one per paragraph."""
    chars: dict[int, int] = {}
    for link in body.css("p a, pre a, td a, blockquote a"):
        node = link.parent
        while node is not None and node.tag not in PARAGRAPH_TAGS:
            node = node.parent
        if node is not None:
            chars[node.mem_id] = chars.get(node.mem_id, 0) + len(link.text(strip=True))
    return chars


#: A paragraph's mem_id -> the mem_ids of itself and its PROSE_DEPTH ancestors, and whether one of those is
#: structural furniture (`_in_structural_furniture`): one walk up per paragraph and page, however many
#: times the prose is counted.
Chains = dict[int, tuple[list[int], bool]]


def _chain(para: LexborNode, chains: Chains) -> tuple[list[int], bool]:
    """`para`'s entry of `chains`, made on first asking (one walk up, reading each node once)."""
    found = chains.get(para.mem_id)
    if found is None:
        ids = [para.mem_id]
        structural = False
        node = para.parent
        for _ in range(PROSE_DEPTH):
            if node is None:
                break
            ids.append(node.mem_id)
            structural = structural or node.tag in PROSE_OUT
            node = node.parent
        found = chains[para.mem_id] = (ids, structural)
    return found


def _prose_map(prose: Prose, excluded: set[int], chains: Chains | None = None) -> tuple[dict[int, int], int]:
    """Characters of prose under each element (the paragraph itself included), and the page's total,
    paragraphs in `excluded` (comments, related lists, ads...) left out. `chains`: the walks up made by
    an earlier count of the same page (`_chain`)."""
    chains = {} if chains is None else chains
    under: dict[int, int] = {}
    total = 0
    for para, length in prose:
        if para.mem_id in excluded:
            continue
        ids, structural = _chain(para, chains)
        if structural:
            continue
        total += length
        for mem_id in ids:
            under[mem_id] = under.get(mem_id, 0) + length
    return under, total


def _in_structural_furniture(para: LexborNode) -> bool:
    """Inside a <nav>, <aside>, <footer> or <menu> (PROSE_DEPTH levels up): not the page's prose."""
    node = para.parent
    for _ in range(PROSE_DEPTH):
        if node is None:
            return False
        if node.tag in PROSE_OUT:
            return True
        node = node.parent
    return False


def _prose_lca(prose: Prose, under: dict[int, int], total: int) -> LexborNode | None:
    """The smallest element that holds PROSE_CORE of the page's prose (the deepest such element)."""
    best: LexborNode | None = None
    for para, _ in prose:
        if para.mem_id not in under:
            continue
        node = para.parent
        for _ in range(PROSE_DEPTH):
            if node is None:
                break
            if under.get(node.mem_id, 0) >= PROSE_CORE * total:
                if best is None or under[node.mem_id] < under[best.mem_id]:
                    best = node
                break
            node = node.parent
    return best


def _vote(ballot: Ballot, excluded: set[int]) -> tuple[dict[int, float], dict[int, LexborNode]]:
    """Paragraphs vote for their parent and (half) their grandparent, as readability does."""
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for para_id, score, parents in ballot:
        if para_id in excluded:
            continue
        for share, parent in zip((1.0, 0.5), parents, strict=False):
            scores[parent.mem_id] = scores.get(parent.mem_id, 0.0) + score * share
            nodes[parent.mem_id] = parent
    return scores, nodes


def _own_text(node: LexborNode) -> str:
    """The text of a container's text nodes and inline children, without its block children."""
    parts: list[str] = []
    add = parts.append
    for child in node.iter(include_text=True):  # the children, in C (white-space text nodes too)
        tag = child.tag  # one read: a text node's is "-text", and INLINE holds element tags only
        if tag == "-text":
            add(child.text_content or "")
        elif tag in INLINE:
            add(child.text(separator=" "))
    return " ".join(" ".join(parts).split())


def _link_density(node: LexborNode, text_length: int) -> float:
    if not text_length:
        return 1.0
    links = sum(len(a.text(strip=True)) for a in node.css("a"))
    return min(1.0, links / text_length)


def _winner(
    scores: dict[int, float],
    nodes: dict[int, LexborNode],
    looks: dict[int, tuple[float, float]] | None = None,
) -> LexborNode | None:
    """Of the five best-voted candidates, the one whose score and class weight, times its share of text
    outside links, is highest. `looks`: each candidate's (class weight, link density) by mem_id, read by
    an earlier call on the same tree (the vote runs twice; its leaders are mostly the same nodes)."""
    if not scores:
        return None
    ranked = sorted(scores, key=lambda k: scores[k], reverse=True)[:5]
    looks = {} if looks is None else looks

    def weight(k: int) -> float:
        if k not in looks:
            node = nodes[k]
            looks[k] = (_class_weight(node), _link_density(node, len(node.text(separator=" ", strip=True))))
        class_weight, density = looks[k]
        return (scores[k] + class_weight) * (1 - density)

    return nodes[max(ranked, key=weight)]


def _class_weight(node: LexborNode) -> float:
    """Class weight, as readability has it: a caption or credit block loses against the article body."""
    attrs = node.attributes or {}
    parts = set(PARTS.split(split_name(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")))
    return -10.0 * bool(parts & ASIDE_PARTS)


#: What `_expand` and `_semantic_container` found for a winner (by mem_id) while the page stands as it
#: is: asked several times before the furniture goes, made once. A new one after the page changed.
Memo = dict[tuple[str, int], list[LexborNode]]


def _expand(
    body: LexborNode, best: LexborNode, scores: dict[int, float], memo: Memo | None = None
) -> list[LexborNode]:
    """The winner's semantic container if it has one, else the winner and its siblings with prose."""
    if memo is not None and ("expand", best.mem_id) in memo:
        return memo["expand", best.mem_id]
    container = _semantic_container(body, best, memo)
    if container is not None:
        expanded = [container]
    elif (parent := best.parent) is None or best.mem_id == body.mem_id:
        expanded = [best]
    else:
        threshold = max(10.0, scores.get(best.mem_id, 0.0) * 0.2)
        expanded = [
            sibling
            for sibling in parent.iter()
            if sibling.mem_id == best.mem_id
            or _prose(sibling)
            or (scores.get(sibling.mem_id, 0.0) >= threshold and _few_links(sibling))
        ]
    if memo is not None:
        memo["expand", best.mem_id] = expanded
    return expanded


def _few_links(node: LexborNode) -> bool:
    return _link_density(node, len(node.text(separator=" ", strip=True))) < 0.3


def _prose(node: LexborNode) -> bool:
    if node.tag != "p":
        return False
    text = node.text(separator=" ", strip=True)
    density = _link_density(node, len(text))
    return (len(text) > 80 and density < 0.25) or (
        0 < len(text) <= 80 and density == 0 and text.endswith(".")
    )


def _semantic_container(body: LexborNode, best: LexborNode, memo: Memo | None = None) -> LexborNode | None:
    """An articleBody, <article> or <main> that holds the best candidate and not much more than it: of
    the best candidate's ancestors inside `body` (itself and `body` included), outermost first, the
    first that is a `[itemprop="articleBody"]`, else an `article`, else a `main`, else a
    `[role="main"]` (CONTAINERS), with the text and link density of a container. One walk up rather
    than a query of the whole page per kind (an ancestor is what such a query would keep)."""
    if memo is not None and ("container", best.mem_id) in memo:
        return next(iter(memo["container", best.mem_id]), None)
    found = None
    holders: list[tuple[LexborNode, str, str | None, str | None]] = []  # outermost first
    node: LexborNode | None = best
    while node is not None:
        attrs = node.attributes
        holders.append((node, node.tag or "", attrs.get("itemprop"), attrs.get("role")))
        if node.mem_id == body.mem_id:
            break
        node = node.parent
    else:
        holders = []  # `best` is not inside `body` (the <html> element voted for): no container
    holders.reverse()
    best_len = -1  # read when a container is there to compare
    for kind in CONTAINERS:
        for node, tag, itemprop, role in holders:
            if not _is_container(kind, tag, itemprop, role):
                continue
            best_len = len(best.text(separator=" ", strip=True)) if best_len < 0 else best_len
            length = len(node.text(separator=" ", strip=True))
            if length <= 20 * best_len and _link_density(node, length) < 0.35:
                found = node
                break
        if found is not None:
            break
    if memo is not None:
        memo["container", best.mem_id] = [found] if found is not None else []
    return found


#: The kinds of article container, by preference: `[itemprop="articleBody"]`, `article`, `main`,
#: `[role="main"]` (attribute values compared as CSS compares them: whole and case-sensitive).
CONTAINERS = ("articleBody", "article", "main", "role=main")


def _is_container(kind: str, tag: str, itemprop: str | None, role: str | None) -> bool:
    """Whether an element (its tag, itemprop and role attributes) is a container of `kind` (CONTAINERS)."""
    if kind == "articleBody":
        return itemprop == "articleBody"
    if kind == "role=main":
        return role == "main"
    return tag == kind


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    current: LexborNode | None = inner
    while current is not None:
        if current.mem_id == outer.mem_id:
            return True
        current = current.parent
    return False
