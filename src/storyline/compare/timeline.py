"""The story timeline: the articles' timeline entries merged, one item per event.

Two dated entries are one item when they have the same date and either the
same event type with overlapping parties (actor and target), or the same
statement text; the item keeps every source. Undated entries are returned
apart (``undated``), never placed on the timeline by guess; an article's
undated copy of an entry it also dates is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Event, TimelineEntry
from .context import StoryContext
from .facts import quote_words
from .parties import Parties
from .records import SourceRef, TimelineItem
from .values import sort_key


@dataclass
class _Item:
    date: str | None
    granularity: str
    text: str
    event: dict[str, Any] | None
    parties: frozenset[str]
    sources: list[SourceRef]

    def same(self, other: _Item) -> bool:
        if self.date != other.date:
            return False
        if self.event and other.event:
            return self.event["type"] == other.event["type"] and bool(self.parties & other.parties)
        return self.event is None and other.event is None and quote_words(self.text) == quote_words(other.text)

    def freeze(self) -> TimelineItem:
        return TimelineItem(self.date, self.granularity, self.text, self.event, tuple(self.sources))


def story_timeline(context: StoryContext, parties: Parties) -> tuple[list[TimelineItem], list[TimelineItem]]:
    """(dated items oldest first, undated items in article order)."""
    dated: list[_Item] = []
    undated: list[_Item] = []
    for index, analysis in enumerate(context.analyses):
        events = {(e.start, e.end): e for e in analysis.events}
        dated_spans = {(t.start, t.end) for t in analysis.timeline if t.date}
        for entry in analysis.timeline:
            if not entry.date and (entry.start, entry.end) in dated_spans:
                continue
            item = _item(context, parties, index, entry, events.get((entry.start, entry.end)))
            if item.date is None:
                undated.append(item)
                continue
            home = next((d for d in dated if d.same(item)), None)
            if home is None:
                dated.append(item)
            else:
                home.sources.extend(item.sources)
    dated.sort(key=lambda d: sort_key(d.date))
    return [d.freeze() for d in dated], [u.freeze() for u in undated]


def _item(context: StoryContext, parties: Parties, index: int, entry: TimelineEntry, event: Event | None) -> _Item:
    analysis = context.analyses[index]
    article = analysis.article
    source = SourceRef(
        article.id,
        article.outlet,
        article.published,
        " ".join(entry.text.split()),
        entry.start,
        entry.end,
        context.according_to(analysis, entry.start, entry.end),
    )
    if entry.kind != "event" or event is None:
        return _Item(entry.date, entry.granularity, " ".join(entry.text.split()), None, frozenset(), [source])
    actors = parties.of_phrase(index, event.actor, event.actor_id)
    targets = parties.of_phrase(index, event.target, event.target_id)
    info = {
        "type": event.type,
        "status": event.status,
        "actor": event.actor,
        "target": event.target,
        "location": event.location,
        "parties": sorted(actors | targets),
    }
    return _Item(entry.date, entry.granularity, " ".join(entry.text.split()), info, actors | targets, [source])
