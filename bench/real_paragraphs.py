"""Real paragraphs of published text, per language, for the repair benchmarks (nothing is downloaded).

Sources, each optional (a missing one is skipped):
- `shared`: the article bodies of the four page sets in ../shared/bench (`*/ground-truth.json`);
- `debian-reference`: the Debian Reference manual, Debian packages debian-reference-{en,de,fr,es,it,pt}
  (/usr/share/debian-reference);
- `debian-handbook`: the Debian Administrator's Handbook, Debian package debian-handbook
  (/usr/share/doc/debian-handbook/html/<lang>-<REGION>/);
- `gnome-help`: the GNOME desktop help, Debian package gnome-user-docs (/usr/share/help/<lang>/gnome-help),
  with key and menu sequences joined as the help viewer shows them ("Ctrl+Tab", "Settings ▸ Search";
  read without their joiners they came out glued, "CtrlTab", damage of this reader, not of the text).

Held-out sets of their own (`--fresh N`), never mixed with the others: 3, the Debian installation guide
(installation-guide-amd64); 4, the LibreOffice help (libreoffice-help-{en-us,de,fr,es,it,pt,nl}; the
packages need LibreOffice, so `apt-get download` them and `dpkg-deb -x` each into a folder given as
`--fresh-folder FOLDER/usr/share/libreoffice/help`), read by no rule: measured once, at the end of issue
13's third precision round; 5, the GIMP manual (gimp-help-{en,de,fr,es,it,pt,nl}, `apt-get download` and
`dpkg-deb -x` them likewise, `--fresh-folder FOLDER/usr/share/gimp/2.0/help`), measured once at the end
of the fifth; 6, the manual pages (manpages and manpages-{de,fr,es,it,pt-br,nl}, likewise,
`--fresh-folder FOLDER/usr/share/man`), measured once at the end of session 8; 9, the LilyPond manuals
(lilypond-doc-html and lilypond-doc-html-{de,fr,es,it,nl,pt}) and, as a second source (Dutch and
Portuguese translate little of LilyPond), the Debian Edu manuals (debian-edu-doc-{en,de,fr,es,it,nl,
pt-pt,pt-br}): `apt-get download` them all and `dpkg-deb -x` each into one folder, `--fresh-folder
FOLDER/usr/share/doc`; measured once at the end of session 11.

A paragraph is prose: 15 words or more, closed by . ! or ?, nothing that looks like code, a path or an
address, and identified as its language by cleanmedia's own identification (so a stray English
paragraph in a translation is not counted as German). Third-party text: measured, never stored in the
repository.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from cleanmedia.document import LETTER_RUN
from cleanmedia.lang import detect_counts

LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")
CODE_LIKE = re.compile(r"[/\\$`_{}<>=|#~@\[\]]|\.\w+\(|--|\w\.\w|\s-\w")


def prose(text: str, lang: str) -> bool:
    """A prose paragraph of `lang` (see the module docstring)."""
    return (
        len(text.split()) >= 15
        and text[-1] in ".!?"
        and not CODE_LIKE.search(text)
        and detect_counts(Counter(LETTER_RUN.findall(text))) == lang
    )


def _paragraphs(html_text: str, selector: str = "p") -> Iterator[str]:
    for node in LexborHTMLParser(html_text).css(selector):
        yield " ".join(node.text(separator="").split())


def shared(folder: Path) -> Iterator[tuple[str, str]]:
    """(set name, paragraph) from the article bodies of every page set."""
    for truth in sorted(folder.glob("*/ground-truth.json")):
        for item in json.loads(truth.read_text(encoding="utf-8")).values():
            for para in (item.get("articleBody") or "").split("\n"):
                yield truth.parent.name, " ".join(para.split())


def debian_reference(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(lang, "debian-reference", paragraph)."""
    for page in sorted(folder.glob("*.html")):
        lang = page.name.split(".")[-2]
        for para in _paragraphs(page.read_text(encoding="utf-8", errors="replace")):
            yield lang, "debian-reference", para


def debian_handbook(folder: Path) -> Iterator[tuple[str, str, str]]:
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        lang = sub.name.split("-")[0]
        for page in sorted(sub.glob("*.html")):
            for para in _paragraphs(page.read_text(encoding="utf-8", errors="replace"), "div.para"):
                yield lang, "debian-handbook", para


#: Mallard's key and menu sequences, which the help viewer shows as "Ctrl+Tab" and "Settings ▸ Search"
#: (its own joiners, not in the markup): read without them they would be glued ("CtrlTab").
KEY_SEQUENCE = re.compile(r"<keyseq>.*?</keyseq>", re.DOTALL)
GUI_SEQUENCE = re.compile(r"<guiseq>.*?</guiseq>", re.DOTALL)


def mallard_joiners(page: str) -> str:
    """The page with the joiners the help viewer puts between the keys of a key sequence ("+") and the
    items of a menu sequence (" ▸ ")."""
    page = KEY_SEQUENCE.sub(lambda m: re.sub(r"</key>\s*<key\b", "</key>+<key", m.group()), page)
    return GUI_SEQUENCE.sub(lambda m: re.sub(r"</gui>\s*<gui\b", "</gui> ▸ <gui", m.group()), page)


def gnome_help(folder: Path) -> Iterator[tuple[str, str, str]]:
    for lang in LANGS:
        for page in sorted((folder / lang / "gnome-help").glob("*.page")):
            text = mallard_joiners(page.read_text(encoding="utf-8", errors="replace"))
            for para in _paragraphs(text):
                yield lang, "gnome-help", para


def installation_guide(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(lang, "installation-guide", paragraph): the Debian installation guide (Debian package
    installation-guide-amd64, /usr/share/doc/installation-guide-amd64/<lang>/*.html). Held-out set 3,
    read by no rule (`--fresh`)."""
    for lang in LANGS:
        for page in sorted((folder / lang).glob("*.html")):
            for para in _paragraphs(page.read_text(encoding="utf-8", errors="replace")):
                yield lang, "installation-guide", para


def libreoffice_help(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(lang, "libreoffice-help", paragraph): the LibreOffice help (Debian packages
    libreoffice-help-{en-us,de,fr,es,it,pt,nl}, /usr/share/libreoffice/help/<lang>/text/<module>/...).
    Its modules (Writer, Calc, Basic, ...) taken in turn, one page of each, so that the first paragraphs
    are not all from the first module (Basic, the most technical). Held-out set 4, read by no rule."""
    for lang in LANGS:
        sub = folder / ("en-US" if lang == "en" else lang) / "text"
        if not sub.is_dir():
            continue
        modules = [sorted(m.rglob("*.html")) for m in sorted(p for p in sub.iterdir() if p.is_dir())]
        for i in range(max(map(len, modules), default=0)):
            for pages in modules:
                if i < len(pages):
                    for para in _paragraphs(pages[i].read_text(encoding="utf-8", errors="replace")):
                        yield lang, "libreoffice-help", para


def gimp_help(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(lang, "gimp-help", paragraph): the GIMP user manual (Debian packages gimp-help-{en,de,fr,es,it,
    pt,pt-br,nl}, /usr/share/gimp/2.0/help/<lang>/*.html), pages in file order; Portuguese from the
    European translation, then the Brazilian one (the first leaves most pages in English, which the
    language check drops). Held-out set 5, read by no rule: measured once, at the end of issue 13's
    fifth precision round."""
    for lang in LANGS:
        for sub in (lang, "pt_BR") if lang == "pt" else (lang,):
            for page in sorted((folder / sub).glob("*.html")):
                for para in _paragraphs(page.read_text(encoding="utf-8", errors="replace")):
                    yield lang, "gimp-help", para


#: The LilyPond manuals translated into some of `LANGS` (the contributor's guide, the internals
#: reference and the music glossary exist in English only and are left out, so that every language reads
#: the same kind of text).
LILYPOND_MANUALS = ("learning", "notation", "usage", "essay", "web", "extending", "changes", "snippets")


def _lilypond_lang(page: Path) -> str:
    """The language of a page of the split LilyPond manuals: "a-section.de.html" is German, a name with
    no language before ".html" is English."""
    parts = page.name.split(".")
    return parts[-2] if len(parts) > 2 else "en"


def lilypond_manuals(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(lang, "lilypond-manuals", paragraph): the LilyPond manuals (Debian packages lilypond-doc-html for
    English and lilypond-doc-html-{de,fr,es,it,nl,pt}, /usr/share/doc/lilypond/html/Documentation/
    <manual>/<section>[.<lang>].html, one page per section). The manuals taken in turn, one page of
    each, so that the first paragraphs are not all from the first manual; the music examples are
    <pre> blocks, not paragraphs. Part of held-out set 9."""
    for lang in LANGS:
        manuals = [
            [page for page in sorted((folder / name).glob("*.html")) if _lilypond_lang(page) == lang]
            for name in LILYPOND_MANUALS
        ]
        for i in range(max(map(len, manuals), default=0)):
            for pages in manuals:
                if i < len(pages):
                    for para in _paragraphs(pages[i].read_text(encoding="utf-8", errors="replace")):
                        yield lang, "lilypond-manuals", para


def debian_edu_manuals(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(lang, "debian-edu-manuals", paragraph): the Debian Edu (Skolelinux) manuals, one HTML page per
    release (Debian packages debian-edu-doc-{en,de,fr,es,it,nl,pt-pt,pt-br},
    /usr/share/doc/debian-edu-doc-<lang>/debian-edu-<release>-manual.html); Portuguese from the European
    translation, then the Brazilian one. The legacy packages (older releases) are not read."""
    for lang in LANGS:
        for sub in ("pt-pt", "pt-br") if lang == "pt" else (lang,):
            for page in sorted((folder / f"debian-edu-doc-{sub}").glob("debian-edu-*-manual.html")):
                for para in _paragraphs(page.read_text(encoding="utf-8", errors="replace")):
                    yield lang, "debian-edu-manuals", para


def held_out_9(folder: Path) -> Iterator[tuple[str, str, str]]:
    """Held-out set 9, read by no rule: the LilyPond manuals and the Debian Edu manuals, two sources
    (each capped by `collect`'s `per_source`), from `folder` (`/usr/share/doc` of the unpacked packages)."""
    yield from lilypond_manuals(folder / "lilypond" / "html" / "Documentation")
    yield from debian_edu_manuals(folder)


#: Roff requests whose arguments are running text in another font (`.B word`, `.BR word (1)`): kept.
ROFF_FONTS = frozenset({"B", "I", "BR", "IR", "RB", "RI", "BI", "IB", "SM", "SB"})
#: Requests that open a block of code or a table, and the one that closes each: skipped whole.
ROFF_BLOCKS = {"nf": "fi", "EX": "EE", "TS": "TE", "EQ": "EN"}
ROFF_NAMED = {
    "em": "\u2014",
    "en": "\u2013",
    "aq": "'",
    "dq": '"',
    "lq": "\u201c",
    "rq": "\u201d",
    "oq": "\u2018",
    "cq": "\u2019",
    "hy": "-",
    "bu": "\u2022",
    "co": "\u00a9",
    "rg": "\u00ae",
    "mi": "-",
    "ti": "~",
}
ROFF_ESCAPE = re.compile(r"\\(?:f(?:\[[^\]]*\]|\(..|.)|\(..|\[[^\]]*\]|\*(?:\(..|\[[^\]]*\]|.)|s[-+]?\d|.)")


def _roff_text(line: str) -> str:
    """A roff text line with its escapes read: fonts and sizes dropped, named characters written."""

    def one(m: re.Match[str]) -> str:
        esc = m.group()[1:]
        if esc[0] in "fs*":
            return ""
        if esc[0] in "([":
            return ROFF_NAMED.get(esc[1:3] if esc[0] == "(" else esc[1:-1], "")
        return {"-": "-", "e": "\\", " ": " ", "~": " ", "0": " "}.get(esc, "")

    return ROFF_ESCAPE.sub(one, line)


def manpages(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(lang, "manpages", paragraph): the manual pages (Debian packages manpages for English, and
    manpages-{de,fr,es,it,pt-br,nl}, the translations of manpages-l10n), `/usr/share/man/man*/` and
    `/usr/share/man/<lang>/man*/`, pages in file order. A paragraph is the running text between two
    paragraph requests, font requests read as text; code blocks, tables and the tag line of `.TP` are
    skipped. Held-out set 6, read by no rule: measured once, at the end of issue 13's session 8 round."""
    import gzip

    for lang in LANGS:
        sub = folder if lang == "en" else folder / ("pt_BR" if lang == "pt" else lang)
        for page in sorted(sub.glob("man[1-8]/*.gz")):
            try:
                source = gzip.decompress(page.read_bytes()).decode("utf-8")
            except (OSError, UnicodeError):
                continue
            yield from ((lang, "manpages", para) for para in _roff_paragraphs(source))


def _roff_paragraphs(source: str) -> Iterator[str]:
    words: list[str] = []
    closing = ""
    tag = False
    for line in source.splitlines():
        if closing:
            closing = "" if line.startswith("." + closing) else closing
            continue
        if line.startswith(('.\\"', "'\\\"", '.\\"')) or line.strip() in (".", ""):
            continue
        if line[:1] in ".'":
            name, _, rest = line[1:].strip().partition(" ")
            if name in ROFF_FONTS:
                words.append(_roff_text(rest.replace('"', "")))
                continue
            if words:
                yield " ".join(" ".join(words).split())
            words = []
            closing = ROFF_BLOCKS.get(name, "")
            tag = name == "TP"
            continue
        if tag:
            tag = False
            continue
        words.append(_roff_text(line))
    if words:
        yield " ".join(" ".join(words).split())


#: Sources that make sets of their own (`--fresh 3` to `--fresh 9`), never mixed into dev
#: and held-out 1 and 2, nor with each other.
FRESH = {
    3: (Path("/usr/share/doc/installation-guide-amd64"), installation_guide),
    4: (Path("/usr/share/libreoffice/help"), libreoffice_help),
    5: (Path("/usr/share/gimp/2.0/help"), gimp_help),
    6: (Path("/usr/share/man"), manpages),
    9: (Path("/usr/share/doc"), held_out_9),
}


def collect(
    shared_bench: Path | None = Path("../shared/bench"),
    per_source: int = 400,
    offset: int = 0,
    fresh: int = 0,
    fresh_folder: Path | None = None,
) -> dict[str, dict[str, list[str]]]:
    """lang -> source -> paragraphs (at most `per_source` of each language from each source, in file
    order, duplicates dropped), after skipping the first `offset` of each: `offset=400` gives the
    held-out paragraphs that the default run (the first 400) never showed. `fresh` (3 to 9): the source
    of that held-out set only (`FRESH`), which no rule was written from, read from `fresh_folder` when
    given (an unpacked package)."""
    found: dict[str, dict[str, list[str]]] = {lang: {} for lang in LANGS}
    skipped: Counter[tuple[str, str]] = Counter()
    seen: set[str] = set()

    def add(lang: str, source: str, para: str) -> None:
        bucket = found.setdefault(lang, {}).setdefault(source, [])
        if lang in LANGS and len(bucket) < per_source and para not in seen and prose(para, lang):
            seen.add(para)
            if skipped[lang, source] < offset:
                skipped[lang, source] += 1
                return
            bucket.append(para)

    if fresh:
        folder, reader = FRESH[fresh]
        folder = fresh_folder or folder
        if folder.is_dir():
            for lang, source, para in reader(folder):
                add(lang, source, para)
        return {lang: {s: ps for s, ps in by.items() if ps} for lang, by in found.items() if lang in LANGS}
    if shared_bench is not None and shared_bench.is_dir():
        for name, para in shared(shared_bench):
            if len(para.split()) >= 15:
                lang = detect_counts(Counter(LETTER_RUN.findall(para))) or "?"
                if lang in LANGS:
                    add(lang, f"shared-{name}", para)
    for folder, reader in (
        (Path("/usr/share/debian-reference"), debian_reference),
        (Path("/usr/share/doc/debian-handbook/html"), debian_handbook),
        (Path("/usr/share/help"), gnome_help),
    ):
        if folder.is_dir():
            for lang, source, para in reader(folder):
                if lang in LANGS:
                    add(lang, source, para)
    return {lang: {s: ps for s, ps in by.items() if ps} for lang, by in found.items() if lang in LANGS}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every bench over these paragraphs takes: where they come from and which."""
    parser.add_argument("--shared", type=Path, default=Path("../shared/bench"))
    parser.add_argument("--per-source", type=int, default=400)
    parser.add_argument("--cache", type=Path, help="JSON file caching the collected paragraphs")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N paragraphs of each source")
    parser.add_argument(
        "--fresh",
        type=int,
        nargs="?",
        const=3,
        default=0,
        choices=sorted(FRESH),
        help="a held-out set of its own: 3 the Debian installation guide, 4 the LibreOffice help, 5 the GIMP"
        " manual, 6 the manual pages, 9 the LilyPond and Debian Edu manuals (module docstring: the packages)",
    )
    parser.add_argument("--fresh-folder", type=Path, help="where that set's package is unpacked")


def load(cache: Path | None, **options: object) -> dict[str, dict[str, list[str]]]:
    """`collect(**options)`, read from / written to `cache` (a JSON file) when given."""
    if cache is not None and cache.is_file():
        data: dict[str, dict[str, list[str]]] = json.loads(cache.read_text(encoding="utf-8"))
        return data
    data = collect(**options)  # type: ignore[arg-type]
    if cache is not None:
        cache.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def load_from(args: argparse.Namespace) -> dict[str, dict[str, list[str]]]:
    """`load` with the options of `add_arguments`, as parsed."""
    return load(
        args.cache,
        shared_bench=args.shared,
        per_source=args.per_source,
        offset=args.offset,
        fresh=args.fresh,
        fresh_folder=args.fresh_folder,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Count the real paragraphs collected per language and source."
    )
    add_arguments(parser)
    args = parser.parse_args()
    for lang, by_source in load_from(args).items():
        counts = ", ".join(f"{source} {len(ps)}" for source, ps in by_source.items())
        print(f"{lang}: {sum(map(len, by_source.values()))} ({counts})")


if __name__ == "__main__":
    main()
