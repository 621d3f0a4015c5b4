"""Placeholder for the 'timeline' component; it finds nothing yet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import TimelineEntry
from ..pipeline import Found, component
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@component("timeline", fills="timeline")
def find_timeline(doc: Doc, *, found: Found, settings: Settings) -> Iterator[TimelineEntry]:
    """Yield nothing until implemented."""
    return iter(())
