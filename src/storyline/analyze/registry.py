"""The component registry: what each analysis component needs and what it fills.

A component is a plain function ``fn(doc, *, found, settings)`` that yields
records; ``@component`` registers it under a name with the field of ``Found``
it fills and the fields it reads. Components import this module and this
module imports none of them, so a family (entities, speech, events, time) can
be read, tested and replaced on its own. ``pipeline.py`` assembles the
registered components in the order of the ``pipeline`` setting and refuses an
order in which a component would read a field nobody filled yet (E152).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Attribution, DateMention, Entity, Event, Quote, TimelineEntry


@dataclass(slots=True)
class Found:
    """What the components found so far in one article; later ones read earlier ones."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


ComponentFn = Callable[..., Iterable[Any]]


@dataclass(frozen=True, slots=True)
class Component:
    """One registered analysis step.

    ``fills`` is the ``Found`` field its records go to; ``requires`` lists the
    ``Found`` fields it reads, which earlier components must have filled. The
    entities component also writes the corrected names back to ``doc.ents``,
    which is why every component that looks at names requires "entities".
    """

    name: str
    fills: str
    fn: ComponentFn
    requires: tuple[str, ...] = ()


COMPONENTS: dict[str, Component] = {}


def component(name: str, *, fills: str, requires: tuple[str, ...] = ()) -> Callable[[ComponentFn], ComponentFn]:
    """Register ``fn`` as analysis component ``name`` filling ``Found.<fills>`` and reading ``requires``."""

    def register(fn: ComponentFn) -> ComponentFn:
        COMPONENTS[name] = Component(name, fills, fn, requires)
        return fn

    return register
