"""Linking: what stored articles have in common across outlets and days.

The link stage runs over stored analyses, after ``store`` and before
``compare``: it finds near-duplicate copies of one story (so copies count as
one origin), the same entity named in different articles, and the stories
that articles belong to. It is incremental: a new article meets only the
candidates it could join (an index lookup), never the whole corpus, and a
full rebuild gives the same links.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..store import Store
from .duplicates import link_duplicates, relink_duplicates
from .entities import link_entities, relink_entities
from .stories import link_stories, relink_stories

__all__ = ["LinkReport", "link_articles", "relink"]


@dataclass(frozen=True, slots=True)
class LinkReport:
    """What one linking run did: copies found, entities linked, stories touched."""

    articles: int = 0
    copies: int = 0
    entities: int = 0
    stories: int = 0


def link_articles(store: Store, article_ids: Iterable[str]) -> LinkReport:
    """Link newly stored articles: near-duplicates first, then entities, then stories.

    The order matters: stories and comparisons count copies of one wire story
    as one origin, and stories index entity names, so both come after what
    they read. Each step looks only at the candidates the new articles could
    join, so the cost does not grow with the knowledge base.
    """
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return LinkReport()
    copies = link_duplicates(store, ids)
    entities = link_entities(store, ids)
    stories = link_stories(store, ids)
    return LinkReport(articles=len(ids), copies=len(copies), entities=entities, stories=len(stories))


def relink(store: Store) -> LinkReport:
    """Rebuild every link from the stored analyses (after a rule change, or to repair)."""
    copies = relink_duplicates(store)
    entities = relink_entities(store)
    stories = relink_stories(store)
    return LinkReport(articles=len(store.article_ids()), copies=copies, entities=entities, stories=stories)
