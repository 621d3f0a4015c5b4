"""One entity across articles: link each article's local entities to knowledge-base entities.

An analysis names its entities "e1", "e2", ... within one article. Linking
gives each of them a knowledge-base id shared by every article that names the
same person, place or organisation, so a user can follow one person through
every outlet's coverage, with each outlet's names and roles kept apart (they
stay in the stored analyses; only the link is written here).

Incremental: a new article's entities are compared only with the
knowledge-base entities that share a name key with them (see
``entity_names``), found through an index, never by reading every entity.
Within one run full names are linked before bare surnames, so "Zelensky"
in an article of the batch can join the "Volodymyr Zelenskyy" introduced by
another; a bare surname linked before any full name starts an entity that
the first full name with that surname then takes in (``kb_merge``), so the
order articles arrive in matters little. The rules live in ``entity_names``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from ..store import Store
from .entity_names import (
    AMBIGUOUS,
    Candidate,
    Mention,
    adoptable,
    choose,
    display_rank,
    is_ambiguous,
    mention,
    role_aliases,
    same_surname,
)

log = logging.getLogger(__name__)


@dataclass(slots=True)
class EntityLinkReport:
    """What a linking run did; ``candidates`` counts the knowledge-base entities compared."""

    articles: int = 0
    linked: int = 0
    created: int = 0
    candidates: int = 0


def link_entities(store: Store, article_ids: Iterable[str]) -> int:
    """Link the entities of these stored articles; return how many local entities were linked.

    Articles linked before are linked again (after ``reanalyze`` their local
    ids may have changed). Python: ``link_entities(Store("kb.db"), ids)``;
    ``link_entities_report`` gives the counts of the run.
    """
    return link_entities_report(store, article_ids).linked


def relink_entities(store: Store) -> int:
    """Rebuild every knowledge-base entity from the stored analyses; return the entities linked.

    Deterministic: the same analyses give the same ids, names and links, so
    running it twice changes nothing.
    """
    with store.kb_transaction():
        store.kb_clear()
        report = _link(store, store.article_ids())
    return report.linked


def link_entities_report(store: Store, article_ids: Iterable[str]) -> EntityLinkReport:
    """``link_entities`` with the counts: articles, entities linked, entities created, candidates examined."""
    ids = list(dict.fromkeys(article_ids))
    with store.kb_transaction():
        store.kb_unlink(ids)
        return _link(store, ids)


def _link(store: Store, article_ids: list[str]) -> EntityLinkReport:
    report = EntityLinkReport(articles=len(article_ids))
    by_article = {article_id: _mentions(store, article_id) for article_id in article_ids}
    everything = [m for mentions in by_article.values() for m in mentions]
    # Full names and non-people first, so that bare surnames meet every full name of the run.
    for m in [m for m in everything if not m.surname_only]:
        _link_one(store, m, frozenset(), report)
    for m in [m for m in everything if m.surname_only]:
        _link_one(store, m, _same_surname_people(store, m, by_article[m.article_id]), report)
    log.info(
        "linked %s entities of %s articles (%s new, %s candidates examined)",
        report.linked,
        report.articles,
        report.created,
        report.candidates,
    )
    return report


def _mentions(store: Store, article_id: str) -> list[Mention]:
    """The article's entities as mentions, a person's role phrases ("Ukraine's president") among their forms."""
    entities = store.kb_local_entities(article_id)
    row = store.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    aliases = role_aliases(str(row[0]) if row else "", entities)
    return [mention(article_id, e, sorted(aliases.get(e.id, ()))) for e in entities]


def _link_one(store: Store, m: Mention, in_article: frozenset[str], report: EntityLinkReport) -> None:
    found = store.kb_candidates(m.lookup_keys(), m.lookup_prefixes())
    report.candidates += len(found)
    candidates = [Candidate(kb_id, keys) for kb_id, keys in found.items()]
    kb_id = choose(m, candidates, in_article=in_article)
    if kb_id is None:
        # A rebuild would found the entity here under its stable id; reuse it if a bare surname kept it.
        kb_id = _stable_id(m)
        if kb_id not in adoptable(m, "", candidates):
            kb_id = _new_id(store, m)
            store.kb_create(kb_id, m.name, m.type, m.article_id)
            report.created += 1
    for other in adoptable(m, kb_id, candidates):
        store.kb_merge(other, kb_id)
    if display_rank(m.name) > display_rank(store.kb_name(kb_id) or ""):
        store.kb_rename(kb_id, m.name)
    keys = m.keys | {AMBIGUOUS} if is_ambiguous(m, candidates, in_article) else m.keys
    store.kb_link(m.article_id, m.entity_id, kb_id, m.name, keys)
    report.linked += 1


def _same_surname_people(store: Store, m: Mention, mentions: list[Mention]) -> frozenset[str]:
    """The knowledge-base ids of the article's full-name people who share ``m``'s surname."""
    ids = store.kb_ids(m.article_id)
    return frozenset(
        ids[other.entity_id]
        for other in mentions
        if other.is_person and other.full and other.entity_id in ids and same_surname(other.surname, m.surname)
    )


def _stable_id(m: Mention, attempt: int = 0) -> str:
    """An id from the local entity that introduced the entity, so a rebuild gives the same ids."""
    seed = f"{m.article_id}:{m.entity_id}" + (f":{attempt}" if attempt else "")
    return "kb-" + hashlib.sha256(seed.encode()).hexdigest()[:12]


def _new_id(store: Store, m: Mention) -> str:
    """The stable id, or the next free one when an entity this article introduced before still holds it."""
    for attempt in range(1000):
        kb_id = _stable_id(m, attempt)
        if store.kb_name(kb_id) is None:
            return kb_id
    raise RuntimeError(f"no free knowledge-base id for {m.article_id}:{m.entity_id}")
