"""Placeholder for the 'quotes' component; it finds nothing yet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Quote
from ..pipeline import Found, component
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@component("quotes", fills="quotes")
def find_quotes(doc: Doc, *, found: Found, settings: Settings) -> Iterator[Quote]:
    """Yield nothing until implemented."""
    return iter(())
