"""Placeholder HTML cleaner: trafilatura body and metadata."""

from __future__ import annotations

from ..model import Article, RawDoc
from ..settings import Settings
from . import content_id


def clean_html(raw: RawDoc, settings: Settings) -> Article:
    """Extract the body with trafilatura's defaults."""
    import trafilatura

    body = trafilatura.extract(raw.text, include_comments=False) or ""
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    return Article(id=content_id(raw.text), source=raw.source, text="\n\n".join(paragraphs))
