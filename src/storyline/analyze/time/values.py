"""Calendar arithmetic and the ISO value strings of DateMention.

A date value is one of ``2026-02-18`` (day), ``2026-W08`` (ISO week),
``2026-02`` (month), ``2026`` (year) or ``start/end`` (range). Every value
stands for an interval of days; comparing and sorting dates of mixed
granularity ("May 2025" against "2025-04-30") is done on those intervals, so
the rest of the package never parses the strings itself.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ...model import Granularity

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_FORMS: tuple[tuple[re.Pattern[str], Granularity], ...] = (
    (_DAY, "day"),
    (_WEEK, "week"),
    (_MONTH, "month"),
    (_YEAR, "year"),
)


def parse_published(published: str | None) -> date | None:
    """The publication day of an article, or None when absent or not ISO.

    Accepts a full timestamp too ("2026-02-18T09:30:00Z"): only the day matters.
    """
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    """ISO week of ``day``: weeks start on Monday, as in ISO 8601."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def year_value(year: int) -> str:
    return f"{year:04d}"


def range_value(first: str, last: str) -> str:
    return f"{first}/{last}"


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) shifted by ``count`` months, across year ends."""
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def shift_day(day: date, count: int) -> date:
    return day + timedelta(days=count)


def value_for_unit(day: date, unit: str) -> tuple[str, Granularity]:
    """The value of the ``unit`` ("day", "week", "month", "year") containing ``day``."""
    if unit == "week":
        return week_value(day), "week"
    if unit == "month":
        return month_value(day.year, day.month), "month"
    if unit == "year":
        return year_value(day.year), "year"
    return day_value(day), "day"


def shift_unit(day: date, unit: str, count: int) -> tuple[str, Granularity]:
    """The ``unit`` that lies ``count`` units from ``day`` ("two years ago": year, -2)."""
    if unit == "week":
        return value_for_unit(shift_day(day, 7 * count), "week")
    if unit == "month":
        year, month = add_months(day.year, day.month, count)
        return month_value(year, month), "month"
    if unit == "year":
        return year_value(day.year + count), "year"
    if unit == "decade":
        return year_value(day.year + 10 * count), "year"
    return value_for_unit(shift_day(day, count), "day")


def interval(value: str | None) -> tuple[date, date] | None:
    """First and last day covered by a value, or None for None or a malformed value."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        lo, hi = interval(first), interval(last)
        return (lo[0], hi[1]) if lo and hi else None
    try:
        return _single_interval(value)
    except ValueError:
        return None


def _single_interval(value: str) -> tuple[date, date] | None:
    if match := _DAY.fullmatch(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    if match := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return monday, shift_day(monday, 6)
    if match := _MONTH.fullmatch(value):
        year, month = int(match[1]), int(match[2])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if match := _YEAR.fullmatch(value):
        return date(int(match[1]), 1, 1), date(int(match[1]), 12, 31)
    return None


def granularity_of(value: str | None) -> Granularity:
    """The granularity a value string is written in ("unknown" for None)."""
    if not value:
        return "unknown"
    if "/" in value:
        return "range"
    for pattern, name in _FORMS:
        if pattern.fullmatch(value):
            return name
    return "unknown"


def span_days(value: str | None) -> int | None:
    """How many days a value covers: a measure of how specific it is."""
    bounds = interval(value)
    return (bounds[1] - bounds[0]).days + 1 if bounds else None
