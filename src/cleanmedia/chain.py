"""The ordered chain that runs cleaners, applying and logging what they propose (`cleanmedia.cleaner`)."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from cleanmedia import encoding
from cleanmedia.budget import Budget, BudgetExceeded, paced
from cleanmedia.cleaner import PROTECTED, Cleaner, CleanerError, Proposal, Step, as_cleaner
from cleanmedia.document import (
    LETTER_RUN,
    METADATA_FIELDS,
    Document,
    Edit,
    MetadataEdit,
    ReadOnlyView,
    coalesce,
)
from cleanmedia.text import CODE_LINES, CODE_SPANS, FENCED_BLOCKS


def apply_edits(text: str, edits: Sequence[Edit], cleaner: str = "?") -> str:
    """Apply one cleaner's edits (flags are skipped) to `text`, checking they fit it."""
    parts: list[str] = []
    pos = 0
    for e in sorted((e for e in edits if not e.flag), key=lambda e: (e.start, e.end)):
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise CleanerError(f"cleaner {cleaner!r}: edit {e.start}:{e.end} overlaps or is out of range")
        if text[e.start : e.end] != e.before:
            raise CleanerError(f"cleaner {cleaner!r}: edit {e.start}:{e.end} does not match the text")
        parts.append(text[pos : e.start])
        parts.append(e.after)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def replay(text: str, edits: Sequence[Edit]) -> str:
    """Rebuild a chain's output from its input and its edit log (step by step, in order)."""
    group: list[Edit] = []
    for e in edits:
        if e.step < 0:
            continue  # the HTML stage: it made `text`, it is not applied to it
        if group and e.step != group[0].step:
            text = apply_edits(text, group, group[0].cleaner)
            group = []
        group.append(e)
    if group:
        text = apply_edits(text, group, group[0].cleaner)
    return text


#: The flag of a document whose last pass still changed the text (a cleaner that is not idempotent).
NO_FIXED_POINT = "chain.no_fixed_point"


class Chain:
    """An ordered sequence of uniquely named cleaners. Immutable: editing methods return a new chain."""

    def __init__(self, steps: Iterable[Step] = ()) -> None:
        self._steps: tuple[Cleaner, ...] = tuple(as_cleaner(s) for s in steps)
        self._text_only: Chain | None = None
        names = [s.name for s in self._steps]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"cleaner names must be unique in a chain; repeated: {', '.join(dupes)}")

    @property
    def names(self) -> list[str]:
        return [s.name for s in self._steps]

    def __iter__(self) -> Iterator[Cleaner]:
        return iter(self._steps)

    def __len__(self) -> int:
        return len(self._steps)

    def __getitem__(self, name: str) -> Cleaner:
        return self._steps[self._index(name)]

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __repr__(self) -> str:
        return f"Chain({self.names})"

    def _index(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no cleaner named {name!r} in {self.names}") from None

    def without(self, *names: str) -> Chain:
        for n in names:
            self._index(n)
        return Chain(s for s in self._steps if s.name not in names)

    def replace(self, name: str, step: Step) -> Chain:
        i = self._index(name)
        return Chain((*self._steps[:i], as_cleaner(step), *self._steps[i + 1 :]))

    def insert_before(self, name: str, step: Step) -> Chain:
        i = self._index(name)
        return Chain((*self._steps[:i], as_cleaner(step), *self._steps[i:]))

    def insert_after(self, name: str, step: Step) -> Chain:
        i = self._index(name) + 1
        return Chain((*self._steps[:i], as_cleaner(step), *self._steps[i:]))

    def append(self, step: Step) -> Chain:
        return Chain((*self._steps, as_cleaner(step)))

    def layout_only(self) -> Chain:
        """This chain's layout steps alone (those whose every reason is "layout."): what a text that is no
        text gets (`encoding.not_text`)."""
        return Chain(s for s in self._steps if all(r.startswith("layout.") for r in s.reasons))

    def text_only(self) -> Chain:
        """This chain without the cleaners that only flag (`only_flags = True`): the same text, sooner."""
        if self._text_only is None:
            self._text_only = Chain(s for s in self._steps if not s.only_flags)
            self._text_only._text_only = self._text_only
        return self._text_only

    def run(
        self,
        doc: Document,
        max_passes: int = 3,
        identify: Callable[[Document], str | None] | None = None,
        budget: Budget | None = None,
        until_unchanged: bool = False,
    ) -> Document:
        """Run every cleaner on `doc` in order, applying and logging its edits.

        A repair can make evidence for another (a split word now stands alone, two lines became
        copies), so the chain runs again while a pass changed more than layout, typography and furniture,
        up to `max_passes`: the output is then a fixed point, and cleaning it again changes nothing.
        A cleaner whose edits give later steps no new evidence says so with `settles = True` (layout,
        typography, furniture removal); a pass with edits from those only is the last. A cleaner whose
        `languages` do not hold the document's language is skipped. Metadata a cleaner proposes is
        applied at once (the next cleaner sees it) and logged in `doc.metadata_edits`.

        With `identify`, the language follows the text: it is identified again at the start of each
        further pass and as soon as such a cleaner changed the words (so that the repairs after it work in the
        language of what is left, not of the furniture that went), and a pass whose language changed on
        the way is never the last (the cleaners before the change saw another language).

        With `until_unchanged`, a pass is the last only when it changed nothing (for a chain of steps that
        all settle but whose decisions read their neighbours, as `layout_only` on binary text).

        With `budget`, its time is checked before each step and the text's growth after each (raising
        `BudgetExceeded`, the document left as the last whole step made it: the caller drops it). Inside
        a step, the budget the run is under (`Budget.running`) is checked by its long loops (`paced`).
        """
        if budget is None:
            return self._run(doc, max_passes, identify, None, until_unchanged)
        with budget.running():
            return self._run(doc, max_passes, identify, budget, until_unchanged)

    def _run(
        self,
        doc: Document,
        max_passes: int,
        identify: Callable[[Document], str | None] | None,
        budget: Budget | None,
        until_unchanged: bool,
    ) -> Document:
        if not doc.source:
            doc.source = doc.text
        origins = Origins(doc.text)
        for n in range(max_passes):
            if n:  # flags are re-made on the text of the last pass, in the language of that text
                doc.edits = [e for e in doc.edits if not e.flag]
                if identify is not None:
                    _identify_again(doc, identify, n * len(self._steps))
            pass_lang = doc.metadata.lang
            settled = True
            changed = False
            unsettled: list[str] = []  # the cleaners whose edits call for another pass
            for i, step in enumerate(self._steps):
                if step.languages is not None and doc.lang not in step.languages:
                    continue
                number = n * len(self._steps) + i
                if budget is not None:
                    budget.check_time(f"before {step.name} (pass {n + 1})")
                proposed: list[Edit] = []
                for proposal in paced(
                    _spare_fenced(doc, step, _spare_code(doc, step, _spare_mojibake(doc, step))),
                    f"applying {step.name}'s edits",
                ):  # all read before any is applied
                    if isinstance(proposal, MetadataEdit):
                        _check_metadata(step, proposal)
                        if not doc.given(proposal.field):  # what the caller gave is final
                            doc.apply_metadata(replace(proposal, cleaner=step.name, step=number))
                        continue
                    if not isinstance(proposal, Edit):
                        raise CleanerError(f"cleaner {step.name!r} proposed {proposal!r}, not an Edit")
                    if proposal.flag:
                        _check_flag(step, proposal, doc.text)
                    elif step.only_flags:
                        raise CleanerError(f"cleaner {step.name!r} declares only_flags but changed the text")
                    proposed.append(proposal)
                proposed.sort(key=lambda e: (e.start, e.end))
                edits = [
                    Edit(  # made directly: dataclasses.replace costs more per edit on long texts
                        e.start,
                        e.end,
                        e.before,
                        e.after,
                        e.reason,
                        e.detail,
                        line=origins.line(e.start + _separator_length(e.before)),
                        cleaner=step.name,
                        flag=e.flag,
                        step=number,
                    )
                    for e in coalesce(doc.text, proposed)
                ]
                if not edits:
                    continue
                same_words = _keeps_words(doc.text, edits)
                doc.set_text(apply_edits(doc.text, edits, step.name), same_words=same_words)
                if budget is not None:
                    budget.check_growth(doc.text, f"after {step.name}")
                origins.record(edits)
                doc.edits.extend(edits)
                changed = changed or not all(e.flag for e in edits)
                if not (step.settles or all(e.flag for e in edits)):
                    settled = False
                    unsettled.append(step.name)
                if identify is not None and step.settles and not same_words:
                    _identify_again(doc, identify, number)
            if settled and doc.metadata.lang == pass_lang and not (until_unchanged and changed):
                break
        else:
            if until_unchanged and changed and not unsettled:
                unsettled.append("the layout steps (on text that is no text)")
            if unsettled:  # the last pass still repaired: cleaning the output again may change it
                doc.edits.append(
                    Edit(
                        0,
                        0,
                        "",
                        "",
                        NO_FIXED_POINT,
                        f"{', '.join(unsettled)} still changed the text in pass {max_passes}",
                        line=1,
                        cleaner="chain",
                        flag=True,
                        step=max_passes * len(self._steps),
                    )
                )
        return doc


def _spare_mojibake(doc: Document, step: Cleaner) -> list[Proposal]:
    """The step's proposals; for a `word_level` step, an edit touching a token that still looks like
    mojibake becomes a flag on that token (`mojibake.protected`): a glue split or a re-cased word
    inside "g√¢teaux" would leave text no charset can read back, so the evidence is kept for a person
    (or a later repair)."""
    proposals = _proposals(step, doc)
    text = doc.text
    if not step.word_level or text.isascii():
        return proposals
    for k, e in enumerate(proposals):
        if isinstance(e, Edit) and not e.flag:
            start, end = encoding.token_at(text, e.start, e.end)
            token = text[start:end]
            if encoding.suspect(token):
                detail = (
                    f"{step.name} would have made it {e.after!r}: left alone, it still looks like mojibake"
                )
                proposals[k] = doc.mark(start, end, PROTECTED, detail)
    return proposals


def _spare_code(doc: Document, step: Cleaner, proposals: list[Proposal]) -> list[Proposal]:
    """`proposals` without the text edits of a `word_level` step inside a line of code or data
    (`text.CODE_LINES`: a JSON blob or a line of a program left in the text). Its words are keys and
    identifiers ('"displayPrice":' is no "display. Price", '"the the"' a value as written): word repairs
    there would damage it, so they are not made (nothing changes, nothing to log)."""
    if not step.word_level or not any(isinstance(e, Edit) and not e.flag for e in proposals):
        return proposals
    spans = doc.cached(CODE_LINES)
    if not spans:
        return proposals
    starts = [start for start, _ in spans]

    def in_code(e: Edit) -> bool:  # the last line starting before the edit ends is the one it can touch
        k = bisect_right(starts, max(e.start, e.end - 1)) - 1
        return k >= 0 and spans[k][1] > e.start or (k >= 0 and e.start == e.end == spans[k][1])

    return [e for e in proposals if not (isinstance(e, Edit) and not e.flag and in_code(e))]


def _spare_fenced(doc: Document, step: Cleaner, proposals: list[Proposal]) -> list[Proposal]:
    """`proposals` without the text edits and flags of any step inside a fenced code block
    (`text.FENCED_BLOCKS`, its fences included; an insertion right before or after the block is outside)
    or, for a `word_level` step's edits and any flag, touching a Markdown code span on one line
    (`text.CODE_SPANS`: "`mydestination`", backticks included; the layout still makes one space of
    the spaces around it): code is kept as written, indentation, blank lines and words ("# the the end" in a
    comment), and its identifiers are no non-words to flag ("bazqux"). Only the repair (or the flag) of
    text that still looks like mojibake (`encoding.suspect`: the page's bytes read in the wrong charset,
    in code as anywhere) is made there. The HTML stage writes a `<pre>` (`html.pre_block`) and an inline
    `<code>` (`html.code_span`) so, and the marks stay in the output, so a second clean of it, as text,
    spares the same code: the decision is read from the text alone (a shield kept aside broke
    idempotence)."""
    if not any(isinstance(e, Edit) for e in proposals):
        return proposals
    blocks = doc.cached(FENCED_BLOCKS)
    spans = doc.cached(CODE_SPANS)
    if not blocks and not spans:
        return proposals
    starts = [start for start, _ in blocks]  # in text order, not overlapping
    span_starts = [start for start, _ in spans]

    def inside(e: Edit) -> bool:  # the last block opening at or before the edit is the only one around it
        k = bisect_right(starts, e.start) - 1
        if k < 0:
            return False
        start, end = blocks[k]
        return e.end <= end and (e.start < e.end or start < e.start < end)

    def touches_span(e: Edit) -> bool:  # the last span opening before the edit's end is the nearest one
        if not (step.word_level or e.flag):
            return False
        k = bisect_right(span_starts, max(e.start, e.end - 1)) - 1
        if k < 0:
            return False
        start, end = spans[k]
        return start < e.end and e.start < end if e.start < e.end else start < e.start < end

    return [
        e
        for e in proposals
        if not (isinstance(e, Edit) and (inside(e) or touches_span(e)) and not encoding.suspect(e.before))
    ]


def _proposals(step: Cleaner, doc: Document) -> list[Proposal]:
    """What `step` proposes for `doc` (through a read-only view), every failure named after the step."""
    try:
        returned = step.edits(ReadOnlyView(doc))
        if returned is None or isinstance(returned, (str, Edit, MetadataEdit)):
            raise CleanerError(f"cleaner {step.name!r} returned {returned!r}, not an iterable of edits")
        return list(returned)
    except BudgetExceeded as exc:  # a stop inside the step is the document's, not the cleaner's fault
        if type(exc) is BudgetExceeded:  # a paced loop's: said where (a timer's says it its own way)
            raise BudgetExceeded(f"in {step.name}: {exc}") from None
        raise
    except CleanerError:
        raise
    except Exception as exc:
        raise CleanerError(f"cleaner {step.name!r} failed: {type(exc).__name__}: {exc}") from exc


def _check_metadata(step: Cleaner, proposal: MetadataEdit) -> None:
    if proposal.field not in METADATA_FIELDS:
        raise CleanerError(
            f"cleaner {step.name!r} proposed metadata field {proposal.field!r}, not one of {METADATA_FIELDS}"
        )
    if proposal.after is not None and not isinstance(proposal.after, str):
        raise CleanerError(
            f"cleaner {step.name!r} proposed {proposal.field} = {proposal.after!r}, not a string"
        )


def _check_flag(step: Cleaner, flag: Edit, text: str) -> None:
    if (
        not 0 <= flag.start <= flag.end <= len(text)
        or not flag.before == flag.after == text[flag.start : flag.end]
    ):
        raise CleanerError(
            f"cleaner {step.name!r}: flag {flag.start}:{flag.end} does not mark the text there"
        )


def _identify_again(doc: Document, identify: Callable[[Document], str | None], step: int) -> None:
    """The language of the text as it now stands, logged when it changed."""
    found = identify(doc)
    doc.apply_metadata(
        MetadataEdit(
            "lang", found, "lang.identified", "the text's language changed", cleaner="identify", step=step
        )
    )


def _keeps_words(text: str, edits: Sequence[Edit]) -> bool:
    """True when the edits (sorted) change no run of letters: none has letters in what it removes or
    adds, none joins two runs (removing what stood between them) or splits one (inserting inside it),
    and no two touch (their removals together could join two runs)."""
    end = -1
    for e in edits:
        if e.flag:
            continue
        if e.start <= end or not _same_letters(e.before, e.after):
            return False
        between_letters = (
            e.start > 0 and e.end < len(text) and TWO_LETTERS.fullmatch(text[e.start - 1] + text[e.end])
        )
        if between_letters and bool(e.before) != bool(e.after):
            return False
        end = e.end
    return True


def _same_letters(before: str, after: str) -> bool:
    """True when `after` has the runs of letters `before` has, and a letter at each end where `before`
    has one (a coalesced layout edit spans the words between its changes, and keeps them)."""
    if not (LETTER.search(before) or LETTER.search(after)):
        return True
    return (
        LETTER_RUN.findall(before) == LETTER_RUN.findall(after)
        and bool(LETTER.match(before[:1])) == bool(LETTER.match(after[:1]))
        and bool(LETTER.match(before[-1:])) == bool(LETTER.match(after[-1:]))
    )


def _separator_length(before: str) -> int:
    """Newlines that open a removed block: its line is where its text starts, not the separator."""
    return len(before) - len(before.lstrip("\n")) if before.strip() else 0


class Origins:
    """Where a position of the text as it is now came from in the text the chain started from.

    Each applied step is kept as its edits' spans in the text before and after it; a position is walked
    back through the steps, newest first. A position inside replaced text goes to where that text began,
    unless the replacement changed only white space (`_inside`): the layout steps log a run of line
    breaks as one edit (`document.coalesce`), and a line of a text with single newlines made a
    paragraph by them would otherwise be placed at the run's first line.
    This is what makes `Edit.line` a line of the input, whichever pass and cleaner made the edit.
    """

    def __init__(self, source: str) -> None:
        # 8 bytes a line (a list of ints holds 36): a text of 20 MB of short lines has 5 million
        self.newlines = array("q", (m.start() for m in NEWLINE.finditer(source)))
        self.steps: list[tuple[list[int], list[tuple[int, int, int, int]], list[Edit]]] = []
        #: Word starts of the replaced texts asked inside (`_inside`), by edit, oldest asked first out.
        self._words: dict[int, tuple[array[int], array[int]] | None] = {}
        self._cached = 0

    def record(self, edits: Sequence[Edit]) -> None:
        """Keep one step's edits (in text order, as the chain applies them)."""
        spans: list[tuple[int, int, int, int]] = []  # (start after, end after, start before, end before)
        kept: list[Edit] = []
        delta = 0
        for e in (e for e in edits if not e.flag):
            start = e.start + delta
            spans.append((start, start + len(e.after), e.start, e.end))
            kept.append(e)
            delta += len(e.after) - (e.end - e.start)
        if spans:
            self.steps.append(([span[0] for span in spans], spans, kept))

    def offset(self, position: int) -> int:
        for starts, spans, edits in reversed(self.steps):
            k = bisect_right(starts, position) - 1
            if k >= 0:
                start_after, end_after, start_before, end_before = spans[k]
                if position < end_after:
                    position = start_before + self._inside(edits[k], position - start_after)
                else:
                    position = end_before + position - end_after
        return position

    def line(self, position: int) -> int:
        """1-based line of the source where `position` (in the current text) came from."""
        return bisect_right(self.newlines, self.offset(position) - 1) + 1

    def _inside(self, edit: Edit, at: int) -> int:
        """Where offset `at` of `edit.after` was in `edit.before`: at the same word when the edit changed
        white space only (the same number of words: line breaks, spaces, a blank line), else at its start.
        Why: one edit of the layout steps holds up to `document.MAX_RUN` line breaks; the line of a word
        inside it is the line it had. The words' offsets are found once per edit asked inside, and kept
        for `WORD_CACHE` words at most (the edits of a step are asked in text order)."""
        if not at or ("\n" not in edit.before and "\r" not in edit.before):
            return 0  # one line before: every offset in it is on the edit's first line
        key = id(edit)
        if key not in self._words:
            after = array("i", [m.start() for m in WORD.finditer(edit.after)])
            before = array("i", [m.start() for m in WORD.finditer(edit.before)])
            found = (after, before) if len(after) == len(before) else None
            while self._words and self._cached + len(after) > WORD_CACHE:
                old = self._words.pop(next(iter(self._words)))
                self._cached -= len(old[0]) if old else 0
            self._words[key] = found
            self._cached += len(after) if found else 0
        found = self._words[key]
        if found is None:
            return 0
        after_words, before_words = found
        k = bisect_right(after_words, at) - 1
        return before_words[k] if k >= 0 else 0


#: A word for `Origins._inside`: a run of characters other than white space.
WORD = re.compile(r"\S+")
#: Words whose offsets `Origins` keeps at most (8 bytes each): a few of the layout's largest edits.
WORD_CACHE = 1 << 20


NEWLINE = re.compile("\n")
LETTER = re.compile(r"[^\W\d_]")  # a character of a run of letters (`Document.word_list`)
TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
