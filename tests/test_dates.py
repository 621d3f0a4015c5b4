"""The 'dates' component: temporal expressions resolved against the publication day.

All sentences are our own, written in the style of wire copy; the publication
day is Wednesday 2026-02-18 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from storyline.analyze.pipeline import analyze
from storyline.analyze.time import values as tv
from storyline.analyze.time.dates import date_for_span
from storyline.model import Article, DateMention

PUBLISHED = "2026-02-18"


def find(nlp, settings, text: str, published: str | None = PUBLISHED, source: str = "explicit") -> list[DateMention]:
    article = Article(id="t1", source="test", text=text, published=published, published_source=source)  # type: ignore[arg-type]
    return list(analyze(article, settings.with_values({"pipeline": ["entities", "dates"]}), nlp).dates)


def one(mentions: list[DateMention], needle: str) -> DateMention:
    hits = [m for m in mentions if needle in m.text]
    assert len(hits) == 1, f"expected one mention with {needle!r}, got {[m.text for m in mentions]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "needle", "value", "granularity"),
    [
        ("The accord was signed on April 30, 2025, in Kyiv.", "April 30, 2025", "2025-04-30", "day"),
        ("The treaty was ratified on 30 April 2025 by parliament.", "30 April 2025", "2025-04-30", "day"),
        ("In May 2025 the ministry changed its approach.", "May 2025", "2025-05", "month"),
        ("The company was founded in 2025 by two engineers.", "2025", "2025", "year"),
        ("By mid-February 2026 both sides had agreed to meet.", "mid-February 2026", "2026-02", "month"),
        ("The delegations met in Geneva on February 17-18.", "February 17-18", "2026-02-17/2026-02-18", "range"),
        ("Officials met on Feb. 3 in Riyadh.", "Feb. 3", "2026-02-03", "day"),
        ("The archive covers the 1990s.", "1990s", "1990/1999", "range"),
        ("Output fell in the first quarter of 2025.", "quarter", "2025-01/2025-03", "range"),
        ("The hearing is set for March 3.", "March 3", "2026-03-03", "day"),
    ],
)
def test_dates_absolute_forms(nlp, settings, text, needle, value, granularity):
    mention = one(find(nlp, settings, text), needle)
    assert (mention.value, mention.granularity) == (value, granularity)


@pytest.mark.parametrize(
    ("text", "needle", "value", "granularity"),
    [
        ("The minister resigned on Tuesday.", "Tuesday", "2026-02-17", "day"),
        ("The minister will resign on Tuesday.", "Tuesday", "2026-02-24", "day"),
        ("Talks are expected to resume on Friday.", "Friday", "2026-02-20", "day"),
        ("The envoy arrived last Thursday.", "last Thursday", "2026-02-12", "day"),
        ("Last week, the president visited the front.", "Last week", "2026-W07", "week"),
        ("The president will travel to Paris next month.", "next month", "2026-03", "month"),
        ("Yesterday the army shelled the town.", "Yesterday", "2026-02-17", "day"),
        (
            "The mayor told reporters over the weekend that a deal was close.",
            "weekend",
            "2026-02-14/2026-02-15",
            "range",
        ),
        ("Earlier this week, Kyiv protested the strikes.", "Earlier this week", "2026-W08", "week"),
        ("Late on Tuesday, the talks ended without a deal.", "Late on Tuesday", "2026-02-17", "day"),
        ("Two years ago the war entered a new phase.", "Two years ago", "2024", "year"),
        ("This year the economy grew by two percent.", "This year", "2026", "year"),
        ("The minister visited Kyiv in May last year.", "May last year", "2025-05", "month"),
        ("The vote was postponed to March 3.", "March 3", "2026-03-03", "day"),
    ],
)
def test_dates_relative_forms_resolve_against_publication(nlp, settings, text, needle, value, granularity):
    mention = one(find(nlp, settings, text), needle)
    assert (mention.value, mention.granularity) == (value, granularity)
    assert mention.anchor == f"published:{PUBLISHED}"


def test_dates_absolute_anchor_is_absolute(nlp, settings):
    assert one(find(nlp, settings, "It was signed on April 30, 2025."), "April").anchor == "absolute"


def test_dates_days_before_stays_unresolved(nlp, settings):
    mention = one(find(nlp, settings, "Days before the vote, the governor resigned."), "Days before")
    assert mention.value is None and mention.anchor is None


def test_dates_later_counts_from_previous_date(nlp, settings):
    mentions = find(nlp, settings, "He was arrested on Jan. 5 and released three days later.")
    later = one(mentions, "three days later")
    assert later.value == "2026-01-08"
    assert later.anchor == "mention:Jan. 5"


def test_dates_next_day_counts_from_previous_sentence(nlp, settings):
    mentions = find(nlp, settings, "The shelling began on March 3, 2025. The next day, troops withdrew.")
    assert one(mentions, "next day").value == "2025-03-04"


@pytest.mark.parametrize(
    "text",
    [
        "The talks lasted about six hours.",
        "He served four years in prison.",
        "The war's fourth anniversary is near.",
        "A 33-year-old man was arrested near the station.",
        "Prices rose sharply over the past week.",
        "Black Friday sales rose in the capital.",
        "Doug Smith, 73, walks his dog every morning.",
    ],
)
def test_dates_durations_ages_and_named_days_are_not_dates(nlp, settings, text):
    assert find(nlp, settings, text) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Trump spoke to reporters over the weekend.", "weekend"),
        ("The minister resigned on Tuesday.", "Tuesday"),
        ("Officials met on Feb. 3 in Riyadh.", "Feb. 3"),
        ("Last week, the president visited the front.", "Last week"),
        ("Two years ago the war entered a new phase.", "Two years ago"),
    ],
)
def test_dates_without_publication_date_relative_is_none(nlp, settings, text, needle):
    mention = one(find(nlp, settings, text, published=None, source="unknown"), needle)
    assert mention.value is None
    assert mention.anchor is None


def test_dates_without_publication_date_absolute_still_resolves(nlp, settings):
    mentions = find(nlp, settings, "The accord was signed on April 30, 2025.", published=None, source="unknown")
    assert one(mentions, "April 30").value == "2025-04-30"


def test_dates_ordinal_days_anchored_by_range(nlp, settings):
    text = (
        "The two delegations met in Geneva on February 17-18. "
        "The first day lasted six hours, and the second day ended after two hours."
    )
    mentions = find(nlp, settings, text)
    assert one(mentions, "first day").value == "2026-02-17"
    assert one(mentions, "second day").value == "2026-02-18"
    assert one(mentions, "first day").anchor == "mention:February 17-18"


def test_dates_ordinal_day_anchored_beside_a_weekday(nlp, settings):
    text = "On the second day of the summit, Tuesday, the leaders signed a declaration."
    assert one(find(nlp, settings, text), "second day").value == "2026-02-17"


def test_dates_ordinal_days_anchored_by_same_day_report(nlp, settings):
    text = "The talks ended abruptly on the second day. The first day had lasted six hours."
    mentions = find(nlp, settings, text)
    second, first = one(mentions, "second day"), one(mentions, "first day")
    assert (second.value, second.anchor) == ("2026-02-18", "published:2026-02-18")
    assert (first.value, first.anchor) == ("2026-02-17", "mention:the second day")


def test_dates_ordinal_days_not_anchored_by_estimated_date(nlp, settings):
    text = "The talks ended abruptly on the second day. The first day had lasted six hours."
    mentions = find(nlp, settings, text, source="estimated")
    assert one(mentions, "second day").value is None
    assert one(mentions, "first day").value is None


def test_dates_lone_ordinal_day_is_none(nlp, settings):
    assert one(find(nlp, settings, "The first day of the trial was calm."), "first day").value is None


def test_dates_offsets_point_into_text(nlp, settings):
    text = "Officials said on Tuesday that the accord was signed on April 30, 2025."
    for mention in find(nlp, settings, text):
        assert text[mention.start : mention.end] == mention.text


def _mention(text: str, value: str | None, start: int) -> DateMention:
    return DateMention(text, value, tv.granularity_of(value), start, start + len(text))


def test_dates_date_for_span_prefers_most_specific_resolved():
    dates = [_mention("2025", "2025", 3), _mention("April 30", "2025-04-30", 20), _mention("days before", None, 40)]
    assert date_for_span(dates, 0, 60).text == "April 30"
    assert date_for_span(dates, 0, 15).text == "2025"
    assert date_for_span(dates, 35, 60).text == "days before"
    assert date_for_span(dates, 100, 160) is None


def test_dates_date_for_span_ties_go_to_nearest():
    dates = [_mention("Monday", "2026-02-16", 0), _mention("Tuesday", "2026-02-17", 50)]
    assert date_for_span(dates, 0, 80, near=45).text == "Tuesday"
    assert date_for_span(dates, 0, 80).text == "Monday"


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2026-02-18", date(2026, 2, 18), date(2026, 2, 18)),
        ("2026-W08", date(2026, 2, 16), date(2026, 2, 22)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2026-02-14/2026-02-15", date(2026, 2, 14), date(2026, 2, 15)),
    ],
)
def test_dates_value_intervals(value, first, last):
    assert tv.interval(value) == (first, last)


def test_dates_week_value_across_year_end():
    assert tv.week_value(date(2027, 1, 1)) == "2026-W53"
    assert tv.shift_unit(date(2026, 1, 15), "month", -1) == ("2025-12", "month")


def test_dates_seed_002_published(nlp, settings, seeds_dir):
    text = (seeds_dir / "002_aeeafc2538b33a58.txt").read_text(encoding="utf-8")
    mentions = find(nlp, settings, text, published="2026-02-18")
    assert one(mentions, "April 30, 2025").value == "2025-04-30"
    assert one(mentions, "May 2025").value == "2025-05"
    seconds = [m for m in mentions if m.text == "the second day"]
    assert seconds and all(m.value == "2026-02-18" for m in seconds)
    assert one(mentions, "the first day").value == "2026-02-17"


def test_dates_seed_000_undated(nlp, settings, seeds_dir):
    text = (seeds_dir / "000_99d1aa4d0a6639c2.txt").read_text(encoding="utf-8")
    mentions = find(nlp, settings, text, published=None, source="unknown")
    assert one(mentions, "over the weekend").value is None
    assert all(m.value is None for m in mentions)
    assert not any("anniversary" in m.text for m in mentions)


# --- Issue 11, item 5: centuries, past-tense reports, "the same period" --------------


@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        ("The archive holds letters from the 1800s.", "1800s", "1800/1899"),
        ("The mill was built in the 1700s.", "1700s", "1700/1799"),
        ("Prices rose through the 1990s.", "1990s", "1990/1999"),
        ("Phones changed a lot in the 2000s.", "2000s", "2000/2009"),
    ],
)
def test_dates_round_hundreds_are_centuries(nlp, settings, text, needle, value):
    assert one(find(nlp, settings, text), needle).value == value


def test_dates_month_in_past_tense_report_is_the_last_one(nlp, settings):
    text = "According to a survey in December, most growers lost money, the union said."
    assert one(find(nlp, settings, text, published="2026-03-10"), "December").value == "2025-12"


def test_dates_month_in_future_clause_stays_ahead(nlp, settings):
    text = "The depot will reopen in December, the owner said."
    assert one(find(nlp, settings, text, published="2026-03-10"), "December").value == "2026-12"


def test_dates_month_in_present_plan_stays_ahead(nlp, settings):
    text = "Officials expect a second count in June."
    assert one(find(nlp, settings, text, published="2026-03-10"), "June").value == "2026-06"


def test_dates_same_period_takes_the_date_told_before(nlp, settings):
    text = "In May 2025, the agency announced new export rules. Around the same period, it approved a shipyard licence."
    mention = one(find(nlp, settings, text), "same period")
    assert (mention.value, mention.granularity) == ("2025-05", "month")


def test_dates_that_month_after_a_day(nlp, settings):
    text = "The ferry line opened on June 3, 2024. That month, traffic doubled."
    assert one(find(nlp, settings, text), "That month").value == "2024-06"
