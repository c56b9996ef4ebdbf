"""cleanmedia: scraped articles in, clean text out, with an edit log that says what changed and why.

>>> from cleanmedia import clean
>>> clean("Partagez\\n\\nLe texte de l'article.")  # doctest: +SKIP
"""

from cleanmedia.api import Result, clean, clean_and_explain
from cleanmedia.budget import BudgetExceeded
from cleanmedia.chain import Chain, replay
from cleanmedia.cleaner import Cleaner, CleanerError, FunctionCleaner
from cleanmedia.cleaners import CONSERVATIVE_CHAIN, DEFAULT_CHAIN
from cleanmedia.decode import Decoded, DecodeError, decode, decode_explained
from cleanmedia.document import Document, DocumentView, Edit, Metadata, MetadataEdit, Removal, Shared
from cleanmedia.options import Options

__version__ = "0.1.0"

__all__ = [
    "CONSERVATIVE_CHAIN",
    "BudgetExceeded",
    "DEFAULT_CHAIN",
    "Chain",
    "Cleaner",
    "CleanerError",
    "DecodeError",
    "Decoded",
    "Document",
    "DocumentView",
    "Edit",
    "FunctionCleaner",
    "Metadata",
    "MetadataEdit",
    "Options",
    "Removal",
    "Result",
    "Shared",
    "clean",
    "clean_and_explain",
    "decode",
    "decode_explained",
    "replay",
]
