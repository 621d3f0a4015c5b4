"""Placeholder for the 'attributions' component; it finds nothing yet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Attribution
from ..pipeline import Found, component
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@component("attributions", fills="attributions")
def find_attributions(doc: Doc, *, found: Found, settings: Settings) -> Iterator[Attribution]:
    """Yield nothing until implemented."""
    return iter(())
