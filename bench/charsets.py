"""Undeclared single-byte code pages: how often `decode` reads a short text right, per language and
code page (each language's Windows code page and its ISO 8859 one, KOI8 for Russian and Ukrainian), and
how often the clean that follows changes the text as mojibake.

Texts: single paragraphs of 8-30 words of the GNOME help in each language (`--source help`;
`lang_id.manual_paragraphs`, less the paragraphs of the English help), or of the Debian Administrator's
Handbook (`--source handbook`, the languages it is translated into: texts the scoring was never looked
at on); installed Debian packages, nothing downloaded. A paragraph that the code page cannot encode, or
that is ASCII, is skipped (every code page reads ASCII alike).

    python bench/charsets.py [--source help|handbook] [--per-lang 60] [--clean 15] [--misses FILE]
    python bench/charsets.py --append ' (3 × 4 m)'    # each paragraph with a sign or a unit after it

With `--stray`: UTF-8 files with stray bytes of the language's Windows code page instead (four of the
same paragraphs as one UTF-8 file, one word of the last written in the code page: a file pasted
together from two sources); counted: read as written, the word's letters lost (U+FFFD), read wrong
(another letter), or not read as UTF-8 at all.

    python bench/charsets.py --stray [--source help|handbook] [--per-lang 60]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from lang_id import manual_paragraphs
from real_paragraphs import _paragraphs

from cleanmedia import clean_and_explain
from cleanmedia.decode import DecodeError, decode

#: Each language of the GNOME help with the code pages its undeclared text comes in.
CODE_PAGES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("pl", "cs", "hu", "hr", "sl"), ("cp1250", "iso8859_2")),
    "ro": ("cp1250", "iso8859_2", "iso8859_16"),
    "ru": ("cp1251", "iso8859_5", "koi8_r"),
    "uk": ("cp1251", "koi8_u"),
    "sr": ("cp1251", "iso8859_5"),
    "el": ("cp1253", "iso8859_7"),
    "tr": ("cp1254", "iso8859_9"),
    **dict.fromkeys(("lt", "lv"), ("cp1257", "iso8859_13")),
    **dict.fromkeys(
        ("de", "fr", "es", "it", "pt", "ca", "gl", "da", "sv", "fi", "nl"), ("cp1252", "iso8859_15")
    ),
}


def texts(code: str, per_lang: int, english: set[str], source: str = "help") -> list[str]:
    if source == "help":
        paras = manual_paragraphs(code)
    else:
        paras = []
        for sub in sorted(Path("/usr/share/doc/debian-handbook/html").glob(f"{code}-*"))[:1]:
            for page in sorted(sub.glob("*.html")):
                paras += _paragraphs(page.read_text(encoding="utf-8", errors="replace"), "div.para")
    paras = [p for p in dict.fromkeys(paras) if p not in english and not p.isascii()]
    return [p for p in paras if 8 <= len(p.split()) <= 30][:per_lang]


def stray(per_lang: int, english: set[str], source: str) -> None:
    """The `--stray` measure (module docstring), per language and in all."""
    from cleanmedia.decode import decode_explained

    total: Counter[str] = Counter()
    print(f"{'lang':5} {'code page':11} {'n':>4} {'right':>6} {'lost':>6} {'wrong':>6} {'whole':>6}")
    for code, pages in CODE_PAGES.items():
        page = pages[0]
        paras = texts(code, per_lang, english, source)
        tally: Counter[str] = Counter()
        for i in range(0, len(paras) - 3, 4):
            group = paras[i : i + 4]
            words = group[3].split(" ")
            at = next((k for k, w in enumerate(words) if not w.isascii() and _encodes(w, page)), None)
            if at is None:
                continue
            head = ("\n".join(group[:3]) + "\n" + " ".join(words[:at]) + (" " if at else "")).encode()
            tail = (" " if at < len(words) - 1 else "") + " ".join(words[at + 1 :]) + "\n"
            raw = head + words[at].encode(page) + tail.encode()
            want = "\n".join(group) + "\n"
            tally["n"] += 1
            try:
                got = decode_explained(raw)
            except DecodeError:
                tally["whole"] += 1
                continue
            if got.charset != "utf-8":
                tally["whole"] += 1
            elif got.text == want:
                tally["right"] += 1
            elif len(got.text) == len(want) and all(
                a == b or a == "\ufffd" for a, b in zip(got.text, want, strict=True)
            ):
                tally["lost"] += 1
            else:
                tally["wrong"] += 1
        if tally["n"]:
            total.update(tally)
            print(
                f"{code:5} {page:11} {tally['n']:4} {tally['right']:6} {tally['lost']:6} {tally['wrong']:6} {tally['whole']:6}"
            )
    print(
        f"all: {total['n']} files, {total['right']} read as written, {total['lost']} with letters lost "
        f"(U+FFFD), {total['wrong']} read wrong, {total['whole']} not read as UTF-8"
    )


def _encodes(word: str, page: str) -> bool:
    try:
        word.encode(page)
    except UnicodeEncodeError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-lang", type=int, default=60)
    parser.add_argument("--source", choices=["help", "handbook"], default="help")
    parser.add_argument("--clean", type=int, default=0, help="texts per cell also cleaned (slow)")
    parser.add_argument("--misses", type=Path)
    parser.add_argument("--stray", action="store_true", help="stray code-page bytes in UTF-8 files instead")
    parser.add_argument(
        "--append",
        default="",
        help="text appended to each paragraph (a sign or unit: ' (3 × 4 m)', ' (20 °C)')",
    )
    args = parser.parse_args()
    english = set(manual_paragraphs("en")) | set(manual_paragraphs("C"))
    if args.stray:
        stray(args.per_lang, english, args.source)
        return
    total: Counter[str] = Counter()
    misses = []
    print(
        f"{'lang':5} {'code page':11} {'n':>4} {'right':>6} {'wrong':>6} {'failed':>6} {'mojibake edits':>15}"
    )
    for code, pages in CODE_PAGES.items():
        paras = [p + args.append for p in texts(code, args.per_lang, english, args.source)]
        for page in pages:
            tally: Counter[str] = Counter()
            for i, text in enumerate(paras):
                try:
                    raw = text.encode(page)
                except UnicodeEncodeError:
                    continue
                try:
                    got = decode(raw)
                except DecodeError:
                    tally["failed"] += 1
                    continue
                tally["n"] += 1
                tally["right" if got == text else "wrong"] += 1
                if got != text:
                    misses.append(f"{code}\t{page}\t{text!r}\t{got!r}")
                if i < args.clean:
                    edits = clean_and_explain(got).edits
                    tally["moji"] += any(e.reason.startswith("mojibake") and not e.flag for e in edits)
                    tally["cleaned"] += 1
            if not tally["n"]:
                continue
            total.update(tally)
            moji = f"{tally['moji']}/{tally['cleaned']}" if tally["cleaned"] else "-"
            share = tally["right"] / tally["n"] if tally["n"] else 0.0
            print(
                f"{code:5} {page:11} {tally['n']:4} {share:6.3f} {tally['wrong']:6} {tally['failed']:6} {moji:>15}"
            )
    print(
        f"all: {total['n']} texts, {total['right'] / max(total['n'], 1):.3f} right, {total['wrong']} wrong, "
        f"{total['failed']} failed; mojibake edits after decoding: {total['moji']}/{total['cleaned']}"
    )
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
