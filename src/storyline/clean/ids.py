"""The article id: a hash of the content, so the same page ingested twice is one article.

Kept apart from ``clean/__init__.py`` so that the cleaners (html.py, text.py)
can use it without importing the package entry point that imports them.
"""

from __future__ import annotations

import hashlib


def content_id(text: str) -> str:
    """A stable id from the content: the same page ingested twice gets the same id."""
    normalized = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]
