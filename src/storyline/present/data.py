"""The data behind each view: one function per page or brief, shared by CLI, exports and web.

A view's JSON is what these functions return, so ``storyline brief --format
json`` and any other rendering of the same story give the same object.
"""

from __future__ import annotations

from typing import Any

from ..compare import compare_story
from ..errors import StorylineError
from ..store import Store
from .brief import brief_dict


def story_brief(store: Store, ref: str) -> dict[str, Any]:
    """The brief of story ``ref`` (an id or a unique prefix): the story shape plus who said what.

    Copies of one wire story count as one origin (link/duplicates) and an
    entity is one across articles (link/entities), so the comparison counts
    independent sources, not pages. E162 when no story matches ``ref``.
    """
    story = store.story(ref)
    if story is None:
        raise StorylineError("E162", ref=ref, path=store.path)
    analyses = [store.analysis(article_id) for article_id in story["articles"]]
    origins = store.origins(story["articles"])
    entity_keys = {
        (article_id, local_id): kb_id
        for article_id in story["articles"]
        for local_id, kb_id in store.kb_ids(article_id).items()
    }
    comparison = compare_story(analyses, origins=origins, entity_keys=entity_keys)
    return brief_dict(story, analyses, comparison, entity_keys=entity_keys)


# -- web pages (present/web.py) ------------------------------------------------
# One function per page; the page's JSON twin is exactly what it returns, with
# the list pages' ``next`` token (an offset) turned into a link by the web layer.

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 500


def home(store: Store, *, size: int = DEFAULT_PAGE_SIZE, after: int = 0) -> dict[str, Any]:
    """Stories, newest first, each with its outlets and how many articles each gave.

    ``size`` stories from offset ``after``; ``next`` is the offset of the next
    page, or None on the last one.
    """
    stories = store.stories()
    page = []
    for story in stories[after : after + size]:
        counts = store.outlet_counts(story["articles"])
        outlets = [
            {"outlet": o or None, "articles": n}
            for o, n in sorted(counts.items(), key=lambda kv: (not kv[0], -kv[1], kv[0]))
        ]
        page.append({**story, "article_count": len(story["articles"]), "outlet_articles": outlets})
    counts = store.counts()
    return {
        "stories": page,
        "total": len(stories),
        "articles": counts["articles"],
        "failures": counts["failures"],
        "next": _next(after, size, len(stories)),
    }


def article(store: Store, ref: str) -> dict[str, Any]:
    """One article to read: the export object, its text as marked paragraphs, metadata provenance, story.

    ``ref`` is an id, an id prefix or a source path (as ``storyline show``).
    The object is ``storyline show ID --json`` plus ``story``, ``duplicate_of``,
    ``kb_ids`` (local entity id -> knowledge-base id), ``marks``, ``paragraphs``,
    ``headings`` (the section headings above each paragraph) and ``metadata``. E122 when no article matches.
    """
    from .article import article_marks, marked_paragraphs, metadata_sources, paragraph_headings

    analysis = store.analysis(store.find(ref))
    article_id = analysis.article.id
    kb_ids = store.kb_ids(article_id)
    story_id = store.story_of(article_id)
    story = store.story(story_id) if story_id else None
    marks = article_marks(analysis, kb_ids)
    return {
        **analysis.to_dict(),
        "story": {"id": story["id"], "title": story["title"]} if story else None,
        "duplicate_of": store.duplicate_of(article_id),
        "kb_ids": kb_ids,
        "metadata": metadata_sources(analysis, store.raw_input(article_id)),
        "marks": marks,
        "paragraphs": marked_paragraphs(analysis.article.text, marks),
        "headings": paragraph_headings(analysis.article.text, analysis.article.subheads),
    }


def entity(store: Store, ref: str) -> dict[str, Any]:
    """A knowledge-base entity by id or name: ``{"entity": page}``, or ``{"matches": [...]}`` when several answer.

    The same object as ``storyline entity NAME --format json``; the page is
    ``entity.entity_page`` (names, roles by outlet with dates, quotes, events,
    stories). E160 when nothing answers to the name.
    """
    from .entity import entity_page

    if store.kb_name(ref) is not None:
        return {"entity": entity_page(store, ref)}
    matches = store.find_kb_entities(ref)
    exact = [m for m in matches if m["exact"]]
    matches = exact if len(exact) == 1 else matches
    if not matches:
        raise StorylineError("E160", name=ref, path=store.path)
    if len(matches) == 1:
        return {"entity": entity_page(store, matches[0]["id"])}
    return {"matches": matches}


def search(store: Store, query: str, *, size: int = DEFAULT_PAGE_SIZE, after: int = 0) -> dict[str, Any]:
    """Full-text search: articles (FTS5, best first, with a snippet), quotes and entities answering to ``query``.

    Articles and quotes page together: ``size`` of each from offset ``after``.
    Snippets mark hits between ``\\x02`` and ``\\x03``.
    """
    query = query.strip()
    articles, article_total = store.search_articles(query, size, after) if query else ([], 0)
    quotes, quote_total = store.search_quotes(query, size, after) if query else ([], 0)
    entities = store.find_kb_entities(query)[:size] if query and after == 0 else []
    return {
        "query": query,
        "articles": articles,
        "article_total": article_total,
        "quotes": quotes,
        "quote_total": quote_total,
        "entities": entities,
        "next": _next(after, size, max(article_total, quote_total)),
    }


def failures(store: Store, *, size: int = DEFAULT_PAGE_SIZE, after: int = 0) -> dict[str, Any]:
    """Every input that did not make it, most recent first, with its code and message."""
    rows = store.failure_rows()
    return {"failures": rows[after : after + size], "total": len(rows), "next": _next(after, size, len(rows))}


def story_pictures(brief: dict[str, Any]) -> dict[str, Any]:
    """The data of the story's two pictures, computed from its brief (see present/pictures.py)."""
    from .pictures import relations_graph, timeline_chart

    return {"id": brief["id"], "timeline": timeline_chart(brief), "graph": relations_graph(brief)}


def _next(after: int, size: int, total: int) -> int | None:
    return after + size if after + size < total else None
