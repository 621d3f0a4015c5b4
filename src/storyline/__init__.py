"""storyline: news coverage in, an attributed knowledge base out.

The obvious entry point is :func:`build`; see README.md and docs/.
"""

from __future__ import annotations

import logging

from .model import Analysis, Article, Attribution, DateMention, Entity, Event, Failure, Quote
from .pipeline import analyze
from .settings import Settings

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"
__all__ = [
    "IngestReport",
    "Analysis",
    "Article",
    "Attribution",
    "DateMention",
    "Entity",
    "Event",
    "Failure",
    "Quote",
    "Settings",
    "analyze",
]
