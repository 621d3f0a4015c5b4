"""The 'timeline' component: dated events and statements of one article, oldest first.

Events are built by hand here so these tests do not depend on the events
component; the seed test runs the whole pipeline.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.analyze.pipeline import Found, analyze
from storyline.analyze.time import values as tv
from storyline.analyze.time.timeline import find_timeline
from storyline.model import Article, Event

TEXT = (
    "The ministers met in Geneva on Tuesday. "
    "The two governments signed a minerals accord on April 30, 2025. "
    "Relations cooled in May 2025. "
    "Both sides traded accusations."
)


def found_for(nlp, settings, text: str, events: list[Event]) -> tuple[object, Found]:
    article = Article(id="t1", source="test", text=text, published="2026-02-18", published_source="explicit")
    analysis = analyze(article, settings.with_values({"pipeline": ["entities", "dates"]}), nlp)
    found = Found(article, dates=list(analysis.dates), events=events)
    return nlp(text), found


def event_on(text: str, sentence: str, date: str | None, date_text: str | None, kind: str = "CONSULT") -> Event:
    start = text.index(sentence)
    return Event(type=kind, sentence=sentence, start=start, end=start + len(sentence), date=date, date_text=date_text)


def timeline(nlp, settings, text: str, events: list[Event]):
    doc, found = found_for(nlp, settings, text, events)
    return list(find_timeline(doc, found=found, settings=settings))


def test_timeline_orders_oldest_first_with_undated_last(nlp, settings):
    events = [
        event_on(TEXT, "The ministers met in Geneva on Tuesday.", "2026-02-17", "Tuesday"),
        event_on(TEXT, "Both sides traded accusations.", None, None, "DISAPPROVE"),
        event_on(
            TEXT, "The two governments signed a minerals accord on April 30, 2025.", "2025-04-30", "April 30, 2025"
        ),
    ]
    entries = timeline(nlp, settings, TEXT, events)
    assert [e.date for e in entries] == ["2025-04-30", "2025-05", "2026-02-17", None]
    assert [e.kind for e in entries] == ["event", "statement", "event", "event"]


def test_timeline_month_sorts_after_its_earlier_day(nlp, settings):
    entries = timeline(nlp, settings, TEXT, [])
    assert [e.granularity for e in entries] == ["day", "month", "day"]
    assert [e.date for e in entries] == ["2025-04-30", "2025-05", "2026-02-17"]


def test_timeline_statement_covered_by_dated_event_is_not_repeated(nlp, settings):
    sentence = "The ministers met in Geneva on Tuesday."
    events = [event_on(TEXT, sentence, "2026-02-17", "Tuesday")]
    entries = timeline(nlp, settings, TEXT, events)
    assert [e.kind for e in entries if e.text == sentence] == ["event"]


def test_timeline_one_entry_per_span_for_several_events(nlp, settings):
    sentence = "The ministers met in Geneva on Tuesday."
    events = [
        event_on(TEXT, sentence, "2026-02-17", "Tuesday"),
        event_on(TEXT, sentence, "2026-02-17", "Tuesday", "COOPERATE"),
    ]
    entries = timeline(nlp, settings, TEXT, events)
    assert len([e for e in entries if e.text == sentence]) == 1


def test_timeline_event_granularity_from_its_mention(nlp, settings):
    text = "The ministers met in Geneva over the weekend."
    events = [event_on(text, text, "2026-02-14/2026-02-15", "over the weekend")]
    (entry,) = timeline(nlp, settings, text, events)
    assert (entry.date, entry.granularity) == ("2026-02-14/2026-02-15", "range")


def test_timeline_unresolved_dates_make_no_statement(nlp, settings):
    text = "Days before the vote, the governor resigned."
    assert timeline(nlp, settings, text, []) == []


def test_timeline_seed_002(nlp, settings, seeds_dir):
    text = (seeds_dir / "002_aeeafc2538b33a58.txt").read_text(encoding="utf-8")
    article = Article(id="s2", source="seed", text=text, published="2026-02-18", published_source="explicit")
    entries = analyze(article, settings, nlp).timeline
    dated = [e.date for e in entries if e.date]
    starts = [tv.interval(d)[0] for d in dated]  # type: ignore[index]
    assert starts == sorted(starts)
    for value in ("2025-04-30", "2025-05", "2026-02-17", "2026-02-18"):
        assert value in dated
    assert dated.index("2025-04-30") < dated.index("2025-05") < dated.index("2026-02-17")
    undated = [i for i, e in enumerate(entries) if e.date is None]
    assert all(i >= len(dated) for i in undated)
    assert len({(e.start, e.end, e.kind) for e in entries}) == len(entries)


# --- Issue 11, item 5: each sentence once ---------------------------------------------

SAID = (
    "The harbour board met on Monday. "
    "Inspectors said the crane failed in 2019 after a storm. "
    "Dockers walked out in protest."
)


def test_timeline_undated_event_takes_its_sentences_date_and_sentence_is_listed_once(nlp, settings):
    sentence = "Inspectors said the crane failed in 2019 after a storm."
    entries = timeline(nlp, settings, SAID, [event_on(SAID, sentence, None, None, "ASSAULT")])
    lines = [e for e in entries if sentence in e.text]
    assert [(e.kind, e.date) for e in lines] == [("event", "2019")]


def test_timeline_event_prefers_the_happening_date_over_the_saying_date(nlp, settings):
    text = "Rebels seized the northern depot in 2019, the ministry said on Monday."
    entries = timeline(nlp, settings, text, [event_on(text, text, None, None, "ASSAULT")])
    assert [(e.kind, e.date) for e in entries] == [("event", "2019")]


def test_timeline_one_happening_told_twice_is_one_entry(nlp, settings):
    text = "Rebels shelled the port on Monday. Residents fled. On Monday, the rebels shelled the port."
    first, second = "Rebels shelled the port on Monday.", "On Monday, the rebels shelled the port."
    events = [
        replace(event_on(text, first, "2026-02-16", "Monday", "ASSAULT"), actor="rebels", target="port"),
        replace(event_on(text, second, "2026-02-16", "Monday", "ASSAULT"), actor="rebels", target="port"),
    ]
    entries = timeline(nlp, settings, text, events)
    assert [e.text for e in entries if e.kind == "event"] == [first]
    assert not [e for e in entries if e.text == second]


def test_timeline_quote_stretch_does_not_repeat_a_listed_sentence(nlp, settings):
    text = 'The vote took place on March 2, 2025. "We lost," the mayor said on Monday. "We will try again."'
    entries = timeline(nlp, settings, text, [])
    covered = [(e.start, e.end) for e in entries]
    for n, (start, end) in enumerate(covered):
        assert all(end <= s or e <= start for s, e in covered[n + 1 :]), covered
