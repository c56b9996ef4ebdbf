"""The cleaners, one module each, and the default chain that runs them in order."""

from __future__ import annotations

from cleanmedia.chain import Chain
from cleanmedia.cleaners.boilerplate import Boilerplate
from cleanmedia.cleaners.layout import Controls, Layout
from cleanmedia.cleaners.mojibake import Mojibake

__all__ = ["DEFAULT_CHAIN", "Boilerplate", "Controls", "Layout", "Mojibake"]

DEFAULT_CHAIN = Chain(
    [
        Mojibake(),
        Controls(),
        Layout(),
        Boilerplate(),
        Layout("final_layout"),
    ]
)
