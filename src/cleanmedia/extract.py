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

Every removed node is an Edit of the `extract` stage (step -1) with its reason and selector path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanmedia import resources
from cleanmedia.document import Edit, Metadata
from cleanmedia.html import SKIP, blocks_text, json_ld, read_metadata

FURNITURE_TAGS = {"nav": "navigation", "aside": "sidebar", "footer": "footer", "header": "header", "dialog": "popup", "menu": "navigation"}
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
#: Most of the page's text: a node holding this share of it is never removed as furniture.
SAFETY_SHARE = 0.5
SCORED = "p, pre, td, blockquote"


@dataclass(frozen=True)
class Vocabulary:
    names: dict[str, str]  # whole class/id name -> concept
    parts: dict[str, str]  # part of a name -> concept
    prefixes: tuple[tuple[str, str], ...]  # (stem, concept)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    names: dict[str, str] = {}
    parts: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for concept, token in resources.table("extraction", "furniture.tsv"):
        if token.startswith("="):
            names[token[1:]] = concept
        elif token.endswith("*"):
            prefixes.append((token[:-1], concept))
        else:
            names[token] = concept
            if "-" not in token:
                parts[token] = concept
    return Vocabulary(names, parts, tuple(prefixes))


def furniture_concept(node: LexborNode) -> str | None:
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
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return "hidden"
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return "hidden"
    vocab = vocabulary()
    for name in f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split():
        if name in vocab.names:
            return vocab.names[name]
        for part in PARTS.split(name):
            if part in vocab.parts:
                return vocab.parts[part]
            for stem, concept in vocab.prefixes:
                if part.startswith(stem):
                    return concept
    return None


def selector(node: LexborNode) -> str:
    """A short CSS path of the node (three levels), for the edit log."""
    steps = []
    current: LexborNode | None = node
    while current is not None and current.tag not in (None, "html", "body", "-document") and len(steps) < 3:
        attrs = current.attributes or {}
        step = current.tag or "?"
        if attrs.get("id"):
            step += f"#{attrs['id']}"
        elif attrs.get("class"):
            step += "." + ".".join((attrs.get("class") or "").split()[:2])
        steps.append(step)
        current = current.parent
    return " > ".join(reversed(steps))


@dataclass
class Extraction:
    text: str
    metadata: Metadata
    removed: list[Edit] = field(default_factory=list)


def extract(html: str) -> Extraction:
    """The article of an HTML page as text blocks, its metadata, and what was removed and why."""
    tree = LexborHTMLParser(html)
    metadata = read_metadata(tree)
    removed: list[Edit] = []
    body = tree.body
    if body is None:
        return Extraction("", metadata)
    for tag in SKIP:
        for node in tree.css(tag):
            node.decompose()
    total = len(body.text(separator=" ", strip=True))
    _remove_furniture(body, total, removed)
    content = _main_content(body)
    text = blocks_text(content) if content else ""
    body_text = json_ld_body(html)
    if body_text and len(body_text) > 2 * len(text) and len(body_text) > 500:
        removed.append(_edit(text, "extract.json_ld", "article body taken from JSON-LD articleBody"))
        text = "\n\n".join(p.strip() for p in body_text.split("\n") if p.strip()) + "\n"
    return Extraction(text, metadata, removed)


def json_ld_body(html: str) -> str | None:
    if "articleBody" not in html:
        return None
    body = json_ld(LexborHTMLParser(html)).get("articleBody")
    return body.strip() if isinstance(body, str) else None


def _edit(before: str, reason: str, detail: str) -> Edit:
    return Edit(0, 0, before[:300], "", reason, detail, 0, "extract", step=-1)


def _remove_furniture(body: LexborNode, total: int, removed: list[Edit]) -> None:
    doomed: list[tuple[LexborNode, str]] = []
    for node in body.traverse():
        if not node.is_element_node:
            continue
        concept = furniture_concept(node)
        if concept is not None:
            doomed.append((node, concept))
    seen_inside: set[int] = set()
    for node, concept in doomed:
        if node.mem_id in seen_inside:
            continue
        text = node.text(separator=" ", strip=True)
        if total and len(text) >= SAFETY_SHARE * total:
            removed.append(
                Edit(0, 0, "", "", "extract.kept", f"{selector(node)} looks like {concept} but holds most of the text", 0, "extract", True, -1)
            )
            continue
        for inner in node.traverse():
            seen_inside.add(inner.mem_id)
        removed.append(_edit(text, f"extract.{concept}", selector(node)))
        node.decompose()


def _link_density(node: LexborNode, text_length: int) -> float:
    if not text_length:
        return 1.0
    links = sum(len(a.text(strip=True)) for a in node.css("a"))
    return min(1.0, links / text_length)


def _main_content(body: LexborNode) -> list[LexborNode]:
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for para in body.css(SCORED):
        text = para.text(separator=" ", strip=True)
        if len(text) < 25:
            continue
        score = 1 + text.count(",") + min(len(text) // 100, 3)
        parent = para.parent
        for share in (1.0, 0.5):
            if parent is None:
                break
            scores[parent.mem_id] = scores.get(parent.mem_id, 0.0) + score * share
            nodes[parent.mem_id] = parent
            parent = parent.parent
    if not scores:
        return [body]
    ranked = sorted(scores, key=lambda k: scores[k], reverse=True)[:5]
    best_id = max(
        ranked,
        key=lambda k: scores[k] * (1 - _link_density(nodes[k], len(nodes[k].text(separator=" ", strip=True)))),
    )
    best = nodes[best_id]
    container = _semantic_container(body, best)
    if container is not None:
        return [container]
    parent = best.parent
    if parent is None:
        return [best]
    threshold = max(10.0, scores[best_id] * 0.2)
    chosen = []
    for sibling in parent.iter():
        if sibling.mem_id == best.mem_id or scores.get(sibling.mem_id, 0.0) >= threshold or _prose(sibling):
            chosen.append(sibling)
    return chosen


def _prose(node: LexborNode) -> bool:
    if node.tag != "p":
        return False
    text = node.text(separator=" ", strip=True)
    density = _link_density(node, len(text))
    return (len(text) > 80 and density < 0.25) or (0 < len(text) <= 80 and density == 0 and text.endswith("."))


def _semantic_container(body: LexborNode, best: LexborNode) -> LexborNode | None:
    """An articleBody, <article> or <main> that holds the best candidate and not much more than it."""
    best_len = len(best.text(separator=" ", strip=True))
    for sel in ('[itemprop="articleBody"]', "article", "main", '[role="main"]'):
        for node in body.css(sel):
            if not _contains(node, best):
                continue
            length = len(node.text(separator=" ", strip=True))
            if length <= 3 * best_len:
                return node
    return None


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    current: LexborNode | None = inner
    while current is not None:
        if current.mem_id == outer.mem_id:
            return True
        current = current.parent
    return False
