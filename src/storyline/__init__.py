"""storyline: news coverage in, an attributed knowledge base out.

The obvious entry point is :func:`build`; see README.md and docs/.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from .analyze.pipeline import analyze
from .ingest import IngestReport, ingest
from .model import Analysis, Article, Attribution, DateMention, Entity, Event, Failure, Quote
from .settings import Settings
from .store import Store

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"
__all__ = [
    "IngestReport",
    "Store",
    "build",
    "ingest",
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


def build(paths: Iterable[str | Path], db: str | Path = "storyline.db", settings: Settings | None = None) -> Store:
    """Ingest every article under ``paths`` into the knowledge base ``db`` and return it open.

    The one-call entry point: ``kb = storyline.build(["pages/"], "kb.db")``, then
    ``kb.analyses()``, ``kb.failures()``. Failures are recorded in the store, never raised.
    """
    store = Store(db)
    ingest(paths, store, settings or Settings.load())
    return store
