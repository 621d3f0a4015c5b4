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
