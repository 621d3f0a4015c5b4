"""Analysis records for compare tests: an invented article and the span of a phrase in it.

Shared by the compare test modules, so each test builds its story the same way
(one outlet per article, no publication date unless a test gives one).
"""

from __future__ import annotations

from typing import Any

from storyline.model import Analysis, Article


def span(text: str, part: str) -> tuple[int, int]:
    """Start and end of the first ``part`` in ``text`` (a test's phrase must be in its text)."""
    start = text.index(part)
    return start, start + len(part)


def article(aid: str, text: str, **records: Any) -> Analysis:
    """An analysed article of its own outlet ("Outlet <aid>") holding the given records."""
    item = Article(aid, f"{aid}.txt", text, title=f"Report {aid}", outlet=f"Outlet {aid}", published=None)
    return Analysis(item, **{k: tuple(v) for k, v in records.items()})
