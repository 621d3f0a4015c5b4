"""Placeholder for the 'dates' component; it finds nothing yet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import DateMention
from ..pipeline import Found, component
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@component("dates", fills="dates")
def find_dates(doc: Doc, *, found: Found, settings: Settings) -> Iterator[DateMention]:
    """Yield nothing until implemented."""
    return iter(())
