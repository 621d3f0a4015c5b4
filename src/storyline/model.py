"""The records every stage passes along.

Each record points into the cleaned text of its article with ``start``/``end``
character offsets instead of only copying text, so any fact can be shown in its
source sentence. ``to_dict()`` gives the JSON shape documented in
``docs/json.md``; those keys are a contract with users, extend but don't rename.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PublishedSource = Literal["explicit", "estimated", "unknown"]
QuoteKind = Literal["direct", "indirect", "partial"]
Granularity = Literal["day", "week", "month", "year", "range", "unknown"]
EventStatus = Literal["asserted", "reported", "denied", "demanded", "planned", "hedged"]


def _span(start: int, end: int) -> list[int]:
    return [start, end]


def _optional_span(start: int | None, end: int | None) -> list[int] | None:
    """A span for records whose producers may not know it yet: null rather than a guess."""
    return None if start is None or end is None else [start, end]


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document as read and decoded, plus metadata that came with it.

    ``fmt`` is ``"text"`` (a plain-text scrape) or ``"html"``. ``meta`` holds
    user-supplied metadata (outlet, url, title, published, id); it wins over
    what cleaning guesses from the page. ``source`` names the file (and line,
    for JSONL) so every error can point at it.
    """

    source: str
    text: str
    fmt: Literal["text", "html"]
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Removed:
    """A line that cleaning dropped from the body, with the reason why."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Subhead:
    """A section heading; ``offset`` is where its section starts in the body."""

    text: str
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "offset": self.offset}


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: body text without boilerplate, plus page metadata.

    ``id`` is a hash of the raw content, which is what makes ingest idempotent.
    ``text`` holds body paragraphs separated by blank lines; every offset in an
    analysis points into it.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: PublishedSource = "unknown"
    byline: str | None = None
    tags: tuple[str, ...] = ()
    subheads: tuple[Subhead, ...] = ()
    removed: tuple[Removed, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "published_source": self.published_source,
            "byline": self.byline,
            "tags": list(self.tags),
            "text": self.text,
            "subheads": [s.to_dict() for s in self.subheads],
            "removed": [r.to_dict() for r in self.removed],
        }


@dataclass(frozen=True, slots=True)
class Role:
    """A title or function an article gives a person ("Kremlin spokesperson").

    ``rule`` names the pattern that found the title ("roles.title_before");
    ``confidence`` ranks the patterns. Both are None only in records loaded
    from a knowledge base written before they existed.
    """

    title: str
    org: str | None
    start: int
    end: int
    rule: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "org": self.org,
            "span": _span(self.start, self.end),
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, merged over its mentions in one article.

    ``id`` is local to the article ("e1", "e2", ...). ``name`` is the longest
    full form seen ("Volodymyr Zelenskyy"); ``aliases`` the other forms.
    ``start``/``end`` delimit the mention the name was taken from, ``rule`` says
    what found it ("entities.model", "entities.corrected", "entities.rules") and
    ``confidence`` ranks those; ``mentions`` has every span. All None only in
    records loaded from a knowledge base written before they existed.
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    start: int | None = None
    end: int | None = None
    rule: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "roles": [r.to_dict() for r in self.roles],
            "mentions": [list(m) for m in self.mentions],
            "span": _optional_span(self.start, self.end),
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """Something a speaker said, directly, indirectly or as a fragment.

    ``start``/``end`` delimit the quoted content; ``channel`` is the medium
    ("post on X", "told reporters"), ``via`` the outlet it was relayed through
    ("TASS"). ``rule`` names the pattern that found it.

    A quotation the writer split around its cue (“We will not sign,” she said,
    “unless the tariffs go.”) is one quote: ``parts`` holds the span of each
    piece in text order, ``start``/``end`` run from the first piece to the
    last (the cue lies between), and ``text`` is the pieces joined, the words
    said without the cue. A quote in one piece has no ``parts``.
    """

    text: str
    kind: QuoteKind
    start: int
    end: int
    speaker: str | None = None
    speaker_id: str | None = None
    cue: str | None = None
    channel: str | None = None
    via: str | None = None
    rule: str = ""
    confidence: float = 1.0
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        """The spans of the quoted words: ``parts``, or the one span."""
        return self.parts or ((self.start, self.end),)

    def covers(self, start: int, end: int | None = None) -> bool:
        """Whether ``[start, end)`` (or the character at ``start``) lies in the
        quoted words: in one piece, never in the cue a split quotation encloses."""
        last = start + 1 if end is None else end
        return any(s <= start and last <= e for s, e in self.pieces)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_id": self.speaker_id,
            "cue": self.cue,
            "channel": self.channel,
            "via": self.via,
            "span": _span(self.start, self.end),
            "parts": [list(p) for p in self.parts],
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    """A claim the article attributes to a source: another outlet, an official."""

    source: str
    cue: str
    claim: str
    start: int
    end: int
    source_id: str | None = None
    source_type: str | None = None
    rule: str = ""
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_id": self.source_id,
            "source_type": self.source_type,
            "cue": self.cue,
            "claim": self.claim,
            "span": _span(self.start, self.end),
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression normalised against the publication date.

    ``value`` is ISO (``2026-02-18``, ``2026-02``, ``2026``, ``2026-W07``, or
    ``start/end`` for ranges) or None when it cannot be resolved; it is never
    guessed. ``anchor`` says what it was resolved against.
    """

    text: str
    value: str | None
    granularity: Granularity
    start: int
    end: int
    anchor: str | None = None
    rule: str = ""
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "granularity": self.granularity,
            "anchor": self.anchor,
            "span": _span(self.start, self.end),
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, coded in the PLOVER ontology.

    ``actor``/``target`` name the party meant ("Russia" for "Moscow"); the
    ``*_text`` fields keep the phrase as written and its offsets.
    """

    type: str
    sentence: str
    start: int
    end: int
    mode: str | None = None
    actor: str | None = None
    actor_id: str | None = None
    actor_sector: str | None = None
    target: str | None = None
    target_id: str | None = None
    target_sector: str | None = None
    location: str | None = None
    date: str | None = None
    date_text: str | None = None
    status: EventStatus = "asserted"
    source: str | None = None
    trigger: str | None = None
    rule: str = ""
    confidence: float = 1.0
    actor_text: str | None = None
    actor_start: int | None = None
    actor_end: int | None = None
    target_text: str | None = None
    target_start: int | None = None
    target_end: int | None = None
    held_back: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = _span(data.pop("start"), data.pop("end"))
        for role in ("actor", "target"):
            start, end = data.pop(f"{role}_start"), data.pop(f"{role}_end")
            data[f"{role}_span"] = None if start is None else _span(start, end)
        return data


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated item of an article's timeline, oldest first.

    ``rule`` is "timeline.event" or "timeline.statement"; ``confidence`` is the
    event's, or the date mention's for a statement. None only in records loaded
    from a knowledge base written before they existed.
    """

    date: str | None
    granularity: Granularity
    text: str
    kind: Literal["event", "statement"]
    start: int
    end: int
    rule: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "granularity": self.granularity,
            "text": self.text,
            "kind": self.kind,
            "span": _span(self.start, self.end),
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything found in one article; a pure function of the article.

    ``analysis_version`` records what produced it (package version and a hash
    of the settings that change analysis, see ``Settings.analysis_version``),
    so ``storyline reanalyze`` knows which stored articles are out of date.
    None means unknown: an analysis not made by ingest, or stored by 0.1.0.

    ``events`` are the events the parse supports; ``held_back`` the ones the
    coder read but the trust gate did not pass (analyze/events/trust.py), each
    with its reason in ``Event.held_back``. They are kept, not dropped, so a
    user who wants recall over precision can have them; nothing downstream
    (timeline, stories, briefs) counts them.
    """

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    held_back: tuple[Event, ...] = ()
    analysis_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The article's JSON object; each fact carries ``article_id`` so it keeps its source when lifted out."""
        data = self.article.to_dict()
        data["analysis_version"] = self.analysis_version
        facts: dict[str, tuple[Any, ...]] = {
            "entities": self.entities,
            "quotes": self.quotes,
            "attributions": self.attributions,
            "dates": self.dates,
            "events": self.events,
            "timeline": self.timeline,
            "held_back_events": self.held_back,
        }
        for key, records in facts.items():
            data[key] = [{**r.to_dict(), "article_id": self.article.id} for r in records]
        return data


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be ingested, kept so nothing is silently lost."""

    source: str
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "code": self.code, "message": self.message}


# -- near-duplicates (link.duplicates) ---------------------------------------


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What near-duplicate linking keeps of an article: MinHash signatures, not text.

    ``body`` and ``lead`` are MinHash signatures (little-endian uint32 bytes)
    of the word shingles of the whole body and of its opening words; ``size``
    and ``lead_size`` count the distinct shingles, so containment can be
    estimated from a signature's Jaccard. ``scheme`` names the shingle size
    and permutations used: signatures of different schemes never compare.
    """

    article_id: str
    scheme: str
    body_hash: str
    size: int
    lead_size: int
    body: bytes
    lead: bytes


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article that copies an earlier one: it counts as the same origin.

    ``original_id`` is always the earliest copy of the group (by published
    date, then ingest order), never another copy, so one lookup gives the
    origin. ``method`` says which test linked the two: "exact" (same body),
    "body" (shingle overlap), "lead" (same opening and some body overlap),
    or "group" (joined through another copy of the group).
    """

    article_id: str
    original_id: str
    similarity: float
    method: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "original_id": self.original_id,
            "similarity": self.similarity,
            "method": self.method,
        }
