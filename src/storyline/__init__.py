"""storyline: news coverage in, an attributed knowledge base out.

The obvious entry point is :func:`build`; :func:`analyze` is the per-article
analysis on its own, and :func:`open_kb` opens a knowledge base built before.
See README.md and docs/python.md.

``storyline.analyze`` is the function, not the subpackage of the same name:
the subpackage is imported first (through ``analyze.pipeline``), so importing
any of its modules later never rebinds the name. Import from the subpackage
with ``from storyline.analyze.nlp import load_nlp``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from .analyze.pipeline import analyze
from .errors import StorylineError
from .ingest import IngestReport, ingest
from .model import Analysis, Article, Attribution, DateMention, Entity, Event, Failure, Quote, RawDoc, Role
from .settings import Settings, package_version
from .store import Store

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = package_version()
__all__ = [
    "Analysis",
    "Article",
    "Attribution",
    "DateMention",
    "Entity",
    "Event",
    "Failure",
    "IngestReport",
    "Quote",
    "RawDoc",
    "Role",
    "Settings",
    "Store",
    "StorylineError",
    "analyze",
    "build",
    "ingest",
    "open_kb",
]


def build(paths: Iterable[str | Path], db: str | Path = "storyline.db", settings: Settings | None = None) -> Store:
    """Ingest every article under ``paths`` into the knowledge base ``db`` and return it open.

    The one-call entry point: ``kb = storyline.build(["pages/"], db="kb.db")``, then
    ``kb.analyses()``, ``kb.failures()``. Failures are recorded in the store, never raised.
    """
    store = Store(db)
    ingest(paths, store, settings or Settings.load())
    return store


def open_kb(db: str | Path) -> Store:
    """Open a knowledge base that already exists; E121 when there is no such file.

    Unlike ``Store(db)``, which creates an empty database, this refuses a path
    that does not exist, so a typo is an error rather than a new empty file.
    """
    if not Path(db).exists():
        raise StorylineError("E121", path=db)
    return Store(db)
