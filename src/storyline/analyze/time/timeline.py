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

from ... import lexicon
from ...model import DateMention, Event, Granularity, TimelineEntry
from ...settings import Settings
from .. import docindex
from ..registry import Found, component
from . import values as tv
from .dates import date_for_span, governing_verb

BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")

if TYPE_CHECKING:
    from spacy.tokens import Doc


@component("timeline", fills="timeline", requires=("quotes", "attributions", "dates", "events"))
def find_timeline(doc: Doc, *, found: Found, settings: Settings) -> Iterator[TimelineEntry]:
    """Yield one entry per sentence that holds an event or a dated statement, oldest first, undated last.

    Each sentence appears once: an event's sentence is not listed again as a
    statement, and one happening told twice (same type, parties and date) is
    one entry, at its first telling.
    """
    said_dates = dates_of_saying(doc, found.dates)
    sentence_dates = [d for d in found.dates if (d.start, d.end) not in said_dates]
    trusted = [e for e in found.events if e.held_back is None]  # held-back events are on no timeline
    events = unique(event_entry(e, found.dates, sentence_dates) for e in distinct_happenings(trusted))
    told = [event_entry(e, ()) for e in trusted]  # a repeat's sentence is no statement either
    statements = [s for s in statement_entries(doc, found) if not _covers_any(s, told)]
    yield from sorted(events + once_each(statements), key=timeline_key)


def distinct_happenings(events: Iterable[Event]) -> list[Event]:
    """The events with a repeat of one happening dropped: the same type, actor and
    target on the same date (an undated repeat counts when both parties are named)."""
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    kept = []
    for event in sorted(events, key=lambda e: e.start):
        key = (event.type, event.actor, event.target, event.date)
        named = event.date is not None or (event.actor is not None and event.target is not None)
        if named and key in seen:
            continue
        seen.add(key)
        kept.append(event)
    return kept


def dates_of_saying(doc: Doc, dates: Iterable[DateMention]) -> set[tuple[int, int]]:
    """The (start, end) of date mentions that date an act of saying ("said on Monday"):
    they tell when the news was told, not when what is told happened."""
    found = set()
    for mention in dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        verb = governing_verb(span.root) if span is not None and len(span) else None
        if verb is not None and verb.lemma_.lower() in lexicon.SPEECH_VERBS:
            found.add((mention.start, mention.end))
    return found


def event_entry(
    event: Event, dates: Iterable[DateMention], sentence_dates: Iterable[DateMention] = ()
) -> TimelineEntry:
    """An event's entry; its granularity comes from the date mention it was dated by.

    An event the events component left undated takes the date its own sentence
    states ("the garrison fell in 2019, officials said on Monday"), a date of
    the happening before the day of the saying: the sentence is listed once, so
    its date must not go to a second, "statement" line.
    """
    dates = list(dates)
    date, text = event.date, event.date_text
    if date is None:
        mention = date_for_span(sentence_dates, event.start, event.end) or date_for_span(dates, event.start, event.end)
        if mention is not None and mention.value:
            date, text = mention.value, mention.text
    return TimelineEntry(
        date=date,
        granularity=granularity_for(date, text, dates),
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
    """One entry per span and kind: several events coded in one sentence are one line
    (the dated one, if any of them has a date)."""
    seen: dict[tuple[int, int, str], TimelineEntry] = {}
    for entry in entries:
        key = (entry.start, entry.end, entry.kind)
        if key not in seen or (seen[key].date is None and entry.date is not None):
            seen[key] = entry
    return list(seen.values())


def once_each(statements: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """Statements with no two covering the same text: a sentence is kept once, alone
    or inside the stretch around a quote, whichever came first in reading order
    (sentences before quotes); a later overlapping one is dropped."""
    kept: list[TimelineEntry] = []
    for entry in statements:
        if not _covers_any(entry, kept):
            kept.append(entry)
    return kept


def timeline_key(entry: TimelineEntry) -> tuple[int, str, str, int]:
    """Oldest first by the days a date covers; undated (or unreadable) entries last."""
    bounds = tv.interval(entry.date)
    if bounds is None:
        return 1, "", "", entry.start
    return 0, bounds[0].isoformat(), bounds[1].isoformat(), entry.start
