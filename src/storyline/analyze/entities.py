"""Named entities, merged within one article, with the roles the article gives them.

Placeholder: plain spaCy entities; to be replaced with canonical names and roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..model import Entity
from ..pipeline import Found, component
from ..settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@component("entities", fills="entities")
def find_entities(doc: Doc, *, found: Found, settings: Settings) -> Iterator[Entity]:
    """Yield one Entity per distinct name among spaCy's PERSON/ORG/GPE/NORP/LOC spans."""
    seen: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for ent in doc.ents:
        if ent.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC"}:
            seen.setdefault((ent.text, ent.label_), []).append((ent.start_char, ent.end_char))
    for i, ((name, label), mentions) in enumerate(seen.items(), 1):
        yield Entity(id=f"e{i}", name=name, type=label, mentions=tuple(mentions))


def entity_at(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)``, if any."""
    for entity in entities:
        for m_start, m_end in entity.mentions:
            if m_start < end and start < m_end:
                return entity
    return None


def entity_named(entities: Iterable[Entity], name: str) -> Entity | None:
    """The entity whose name or alias is ``name`` (or ends with it, for surnames)."""
    name = name.strip()
    for entity in entities:
        if name == entity.name or name in entity.aliases:
            return entity
    for entity in entities:
        if entity.type == "PERSON" and entity.name.endswith(" " + name):
            return entity
    return None
