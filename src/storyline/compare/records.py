"""Records of the compare stage; ``to_dict()`` gives the story shape of docs (DESIGN.md).

Every record keeps its provenance: the article id, the outlet, the sentence
and the character span in that article's cleaned text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .sources import source_key

FactKind = str  # "role" | "leads" | "mediator" | "place" | "date" | "number" | "event" | "speaker"


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact as one article states it: the unit that is corroborated or contradicted.

    ``subject_key``/``attribute`` say what the fact is about ("person:x", "role");
    ``norm`` is the value in a comparable form (an Office, an interval, an ISO
    date); ``according_to`` names who the article attributes it to, if anyone;
    ``origin`` is the wire origin of the article. A ``weak`` claim can
    corroborate but never contradict: its value was read from afar (a quote
    whose speaker the sentence does not name).
    """

    kind: FactKind
    subject: str
    subject_key: str
    attribute: str
    value: str
    norm: Any
    article: str
    outlet: str | None
    published: str | None
    sentence: str
    start: int
    end: int
    origin: str
    according_to: str | None = None
    weak: bool = False

    @property
    def independence(self) -> str:
        """What counts once: the attributed source if any, else the article's origin."""
        if self.according_to and self.kind != "speaker":
            return "source:" + source_key(self.according_to)
        return "origin:" + self.origin

    def source(self) -> SourceRef:
        return SourceRef(
            self.article, self.outlet, self.published, self.sentence, self.start, self.end, self.according_to
        )


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a fact was read: article, outlet, publication date, sentence, span, and who it is attributed to."""

    article: str
    outlet: str | None
    published: str | None
    sentence: str
    start: int
    end: int
    according_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "outlet": self.outlet,
            "published": self.published,
            "sentence": self.sentence,
            "span": [self.start, self.end],
            "according_to": self.according_to,
        }


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One side of a conflict: the value as written and where."""

    value: str
    source: SourceRef

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, **self.source.to_dict()}


@dataclass(frozen=True, slots=True)
class Conflict:
    """The same attribute of the same subject reported incompatibly by different origins.

    ``kind``: "disagreement"; "update" when a later report gives a larger count;
    "attributed" when a value is a claim the article attributes to someone else.
    """

    subject: str
    attribute: str
    kind: str
    values: tuple[ConflictValue, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "attribute": self.attribute,
            "kind": self.kind,
            "values": [v.to_dict() for v in self.values],
        }


@dataclass(frozen=True, slots=True)
class Corroboration:
    """A fact and every source that reports it; ``origins`` counts independent ones."""

    fact: str
    kind: FactKind
    subject: str
    attribute: str
    value: str
    origins: int
    sources: tuple[SourceRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.fact,
            "kind": self.kind,
            "subject": self.subject,
            "attribute": self.attribute,
            "value": self.value,
            "origins": self.origins,
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class PositionEvidence:
    """A quote or event that shows a party's stance; ``date`` is the event's or the article's.

    ``kind`` is the quote's kind (direct, indirect, partial) or "event"; ``quote_or_event`` holds
    the quote's words without quotation marks (the views add them by kind) or the event's sentence.
    """

    article: str
    outlet: str | None
    date: str | None
    quote_or_event: str
    speaker: str | None
    start: int
    end: int
    via: str | None = None
    kind: str = "event"

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "outlet": self.outlet,
            "date": self.date,
            "kind": self.kind,
            "quote_or_event": self.quote_or_event,
            "speaker": self.speaker,
            "via": self.via,
            "span": [self.start, self.end],
        }


@dataclass(frozen=True, slots=True)
class Position:
    """A party's stance on an issue, with the evidence in time order."""

    party: str
    issue: str
    stance: str
    evidence: tuple[PositionEvidence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "issue": self.issue,
            "stance": self.stance,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One item of the story timeline with every source that reports it.

    ``event`` is ``{type, actor, target, location}`` for an event, None for a
    dated statement. ``date`` is None for undated items, which the story keeps
    apart.
    """

    date: str | None
    granularity: str
    text: str
    event: dict[str, Any] | None
    sources: tuple[SourceRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "granularity": self.granularity,
            "text": self.text,
            "event": self.event,
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class StoryComparison:
    """What compare_story finds for one story."""

    conflicts: tuple[Conflict, ...] = ()
    corroborated: tuple[Corroboration, ...] = ()
    positions: tuple[Position, ...] = ()
    timeline: tuple[TimelineItem, ...] = ()
    undated: tuple[TimelineItem, ...] = ()
    only_one_outlet: tuple[Corroboration, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "conflicts": [c.to_dict() for c in self.conflicts],
            "corroborated": [c.to_dict() for c in self.corroborated],
            "positions": [p.to_dict() for p in self.positions],
            "timeline": [t.to_dict() for t in self.timeline],
            "undated": [t.to_dict() for t in self.undated],
            "only_one_outlet": [c.to_dict() for c in self.only_one_outlet],
        }
