"""Placeholder text-scrape cleaner: keeps every non-empty line."""

from __future__ import annotations

from ..model import Article, RawDoc
from ..settings import Settings
from . import content_id


def clean_text(raw: RawDoc, settings: Settings) -> Article:
    """Keep every non-empty line as a paragraph."""
    lines = [line.strip() for line in raw.text.splitlines() if line.strip()]
    return Article(id=content_id(raw.text), source=raw.source, text="\n\n".join(lines))
