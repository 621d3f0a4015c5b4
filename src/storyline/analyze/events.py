"""Placeholder for the 'events' component; it finds nothing yet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Event
from ..pipeline import Found, component
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@component("events", fills="events")
def find_events(doc: Doc, *, found: Found, settings: Settings) -> Iterator[Event]:
    """Yield nothing until implemented."""
    return iter(())
