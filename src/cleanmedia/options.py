"""One options object for every way in: `clean`, `clean_and_explain`, the batch helpers and the command.

Modelled on ftfy's `TextFixerConfig`: a frozen value, checked when made, passed whole or overridden by
keyword (`clean(text, lang="fr")` is `clean(text, Options(lang="fr"))`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from cleanmedia.chain import Chain
from cleanmedia.cleaner import Step

if TYPE_CHECKING:
    from typing_extensions import Unpack

InputFormat = Literal["auto", "text", "html"]
#: A language: an ISO 639 code, or a BCP-47 tag whose primary subtag is one ("de-DE", "pt_BR",
#: "zh-Hant-TW"; "_" as POSIX locales write it), matched lower-cased; group 1 is the language.
LANG_CODE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*")


@dataclass(frozen=True)
class Options:
    """How documents are cleaned (the same for every document of a batch).

    - `lang`: the document language, an ISO 639 code such as fr (two or three letters), any case, or a
      BCP-47 tag (de-DE, pt_BR, EN), of which the primary subtag alone is kept (de, pt, en);
      None (default) identifies it from the text, pass by pass. A language without data (`cleanmedia.resources.LANGUAGES`) gets the
      language-neutral rules only.
    - `chain`: the cleaners (a `Chain` or a list of steps); None (default) is `DEFAULT_CHAIN`.
    - `input_format`: "auto" (default: HTML when the content has document structure), "text" or "html".
    - `main_content`: for HTML, keep the article only (default) or, when False, every visible block.
    - `flags`: run the cleaners that only flag (default). `clean`, which returns the text alone, never
      runs them; `clean_and_explain` and the batch helpers do unless this is False (faster, and no
      flag is returned, not those of repair cleaners either).
    - `max_seconds`, `max_bytes`: the per-document budget (`cleanmedia.budget`): a document that takes
      longer, or is larger in UTF-8 bytes (or grows larger on the way), stops with `BudgetExceeded` and
      nothing applied. None (default): no limit in `clean`; the batch helpers and the command then use
      theirs (120 s, 64 MB). 0: no limit anywhere.

    Raises ValueError (a bad `lang` or `input_format`) or TypeError (a `chain` that is not one) when made.
    """

    lang: str | None = None
    chain: Chain | None = None
    input_format: InputFormat = "auto"
    main_content: bool = True
    flags: bool = True
    max_seconds: float | None = None
    max_bytes: int | None = None

    def __post_init__(self) -> None:
        if self.lang is not None:
            code = LANG_CODE.fullmatch(self.lang.lower()) if isinstance(self.lang, str) else None
            if code is None:
                raise ValueError(
                    f"lang must be an ISO 639 code such as 'fr' (or a BCP-47 tag such as 'de-DE'), not {self.lang!r}"
                )
            object.__setattr__(self, "lang", code.group(1))
        if self.input_format not in ("auto", "text", "html"):
            raise ValueError(f"input_format must be 'auto', 'text' or 'html', not {self.input_format!r}")
        if self.chain is not None and not isinstance(self.chain, Chain):
            object.__setattr__(self, "chain", _as_chain(self.chain))  # a list of steps
        for name in ("main_content", "flags"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"{name} must be True or False, not {getattr(self, name)!r}")
        for name, kind in (("max_seconds", (int, float)), ("max_bytes", (int,))):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, kind) or not value >= 0
            ):
                raise ValueError(
                    f"{name} must be a number of {name[4:]}, 0 or more (0: no limit), or None, not {value!r}"
                )

    def with_(self, **changes: Unpack[OptionFields]) -> Options:
        """A copy with `changes` applied (checked like a new object); `chain` may be a list of steps."""
        if not changes:
            return self
        values: dict[str, Any] = dict(changes)
        given = values.pop("chain", self.chain)
        values["chain"] = given if given is None or isinstance(given, Chain) else _as_chain(given)
        return replace(self, **values)

    def cleaners(self) -> Chain:
        """The chain to run: the given one or the default, without flag-only cleaners unless `flags`."""
        from cleanmedia.cleaners import DEFAULT_CHAIN  # the cleaners import the contract, not this module

        chain = self.chain if self.chain is not None else DEFAULT_CHAIN
        return chain if self.flags else chain.text_only()

    def with_batch_budget(self) -> Options:
        """These options with the batch budget (`budget.BATCH_MAX_SECONDS`, `BATCH_MAX_BYTES`) where
        they set none (None); a limit given, or 0 (no limit), stays."""
        from cleanmedia.budget import BATCH_MAX_BYTES, BATCH_MAX_SECONDS

        return self.with_(
            max_seconds=BATCH_MAX_SECONDS if self.max_seconds is None else self.max_seconds,
            max_bytes=BATCH_MAX_BYTES if self.max_bytes is None else self.max_bytes,
        )


def _as_chain(steps: object) -> Chain:
    if not isinstance(steps, Sequence) or isinstance(steps, str):
        raise TypeError(f"chain must be a Chain or a list of cleaners, not {type(steps).__name__}")
    return Chain(steps)


class OptionFields(TypedDict, total=False):
    """`Options`' fields, as keyword arguments of the functions that take options."""

    lang: str | None
    chain: Chain | Sequence[Step] | None
    input_format: InputFormat
    main_content: bool
    flags: bool
    max_seconds: float | None
    max_bytes: int | None


FIELDS = tuple(f.name for f in fields(Options))


def resolve(options: Options | None, overrides: OptionFields) -> Options:
    """`options` (default `Options()`) with keyword `overrides`; TypeError for an unknown keyword."""
    unknown = set(overrides) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(sorted(unknown))}; options are {', '.join(FIELDS)}")
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options must be cleanmedia.Options, not {type(options).__name__}")
    return (options or DEFAULT).with_(**overrides)


DEFAULT = Options()
