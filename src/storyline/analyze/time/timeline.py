"""The 'timeline' component: an article's dated events and statements, oldest first.

Events come first-hand from the events component (their ``date`` was picked
from the dates in their sentence). Statements are sentences, quotes and
attributions that carry a resolved date ("Trump told reporters over the
weekend", "the agreement was signed on April 30, 2025"). Dates of mixed
granularity are ordered by the days they cover, so "2025-04-30" comes before
"2025-05". Undated events are kept, at the end, so nothing found is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ...model import DateMention, Event, Granularity, TimelineEntry
from ...settings import Settings
from .. import docindex
from ..registry import Found, component
from . import values as tv
from .dates import date_for_span

BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")

if TYPE_CHECKING:
    from spacy.tokens import Doc


@component("timeline", fills="timeline", requires=("quotes", "attributions", "dates", "events"))
def find_timeline(doc: Doc, *, found: Found, settings: Settings) -> Iterator[TimelineEntry]:
    """Yield one entry per event and per dated statement, oldest first, undated last."""
    events = [event_entry(event, found.dates) for event in found.events]
    dated_events = [entry for entry in events if entry.date]
    statements = [s for s in statement_entries(doc, found) if not _covers_any(s, dated_events)]
    yield from sorted(unique(events + statements), key=timeline_key)


def event_entry(event: Event, dates: Iterable[DateMention]) -> TimelineEntry:
    """An event's entry; its granularity comes from the date mention it was dated by."""
    return TimelineEntry(
        date=event.date,
        granularity=granularity_for(event.date, event.date_text, dates),
        text=event.sentence,
        kind="event",
        start=event.start,
        end=event.end,
        rule="timeline.event",
        confidence=event.confidence,
    )


def granularity_for(value: str | None, text: str | None, dates: Iterable[DateMention]) -> Granularity:
    """The granularity of the mention with this value (and text), else read from the value."""
    if value is None:
        return "unknown"
    for mention in dates:
        if mention.value == value and (text is None or mention.text == text):
            return mention.granularity
    return tv.granularity_of(value)


def statement_entries(doc: Doc, found: Found) -> Iterator[TimelineEntry]:
    """Sentences, and the sentences around quotes and attributions, that hold a resolved date."""
    full = docindex.doc_text(doc)  # Doc.text is built anew on each access
    sents = docindex.sentences(doc)
    spans = [piece for sent in sents for piece in paragraph_pieces(full, sent.start_char, sent.end_char)]
    spans += [_sentences_around(doc, full, q.start, q.end) for q in found.quotes]
    spans += [_sentences_around(doc, full, a.start, a.end) for a in found.attributions]
    for start, end in spans:
        mention = date_for_span(found.dates, start, end)
        if mention is not None and mention.value:
            text = full[start:end].strip()
            yield TimelineEntry(
                mention.value,
                mention.granularity,
                text,
                "statement",
                start,
                end,
                rule="timeline.statement",
                confidence=mention.confidence,
            )


def paragraph_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A sentence cut at blank lines: the parser sometimes runs one across paragraphs."""
    cut = start
    for match in BLANK_LINE.finditer(text, start, end):
        if text[cut : match.start()].strip():
            yield cut, match.start()
        cut = match.end()
    if text[cut:end].strip():
        yield cut, end


def _sentences_around(doc: Doc, full: str, start: int, end: int) -> tuple[int, int]:
    """The sentences a quote or claim touches, kept inside its paragraph."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return start, end
    first, last = docindex.sentence(span[0]).start_char, docindex.sentence(span[-1]).end_char
    pieces = [p for p in paragraph_pieces(full, first, last) if p[0] < end and start < p[1]]
    return (pieces[0][0], pieces[-1][1]) if pieces else (start, end)


def _covers_any(entry: TimelineEntry, events: Iterable[TimelineEntry]) -> bool:
    """A statement is told already when a dated event lies inside or around it."""
    return any(e.start < entry.end and entry.start < e.end for e in events)


def unique(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """One entry per span and kind: several events coded in one sentence are one line.

    An undated event and a dated statement on the same sentence both stay: the
    event's date was left empty on purpose (the date there may not govern it).
    """
    seen: dict[tuple[int, int, str], TimelineEntry] = {}
    for entry in entries:
        key = (entry.start, entry.end, entry.kind)
        if key not in seen or (seen[key].date is None and entry.date is not None):
            seen[key] = entry
    return list(seen.values())


def timeline_key(entry: TimelineEntry) -> tuple[int, str, str, int]:
    """Oldest first by the days a date covers; undated (or unreadable) entries last."""
    bounds = tv.interval(entry.date)
    if bounds is None:
        return 1, "", "", entry.start
    return 0, bounds[0].isoformat(), bounds[1].isoformat(), entry.start
