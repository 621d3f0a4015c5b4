"""Cleaning: from a decoded page to an Article (body text plus metadata).

``clean()`` is the one entry point; it routes plain-text scrapes to the line
classifier in ``clean.text`` and HTML pages to ``clean.html``, then applies the
metadata the user supplied, which always wins over what was guessed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import StorylineError
from ..model import Article, RawDoc
from ..settings import Settings
from .ids import content_id

__all__ = ["apply_meta", "clean", "content_id"]


def clean(raw: RawDoc, settings: Settings | None = None) -> Article:
    """Turn one decoded document into an Article, or raise StorylineError (E104)."""
    settings = settings or Settings()
    if raw.fmt == "html":
        from .html import clean_html

        article = clean_html(raw, settings)
    else:
        from .text import clean_text

        article = clean_text(raw, settings)
    if not article.text.strip():
        raise StorylineError("E104", path=raw.source)
    return apply_meta(article, raw.meta)


def apply_meta(article: Article, meta: dict[str, object]) -> Article:
    """Overlay user-supplied metadata (sidecar, JSONL fields, CLI flags) on an Article."""
    changes: dict[str, Any] = {}
    for key in ("id", "outlet", "url", "title", "byline"):
        if meta.get(key):
            changes[key] = str(meta[key])
    if meta.get("published"):
        changes["published"] = str(meta["published"])[:10]
        changes["published_source"] = "explicit"
    if meta.get("tags"):
        tags = meta["tags"]
        changes["tags"] = tuple(tags) if isinstance(tags, list | tuple) else tuple(str(tags).split(","))
    return replace(article, **changes) if changes else article
