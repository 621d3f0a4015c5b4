"""The rule engine that reads one temporal expression and resolves it to an ISO value.

The rules themselves live in absolute.py ("April 30, 2025", "May 2025",
"February 17-18") and relative.py ("last week", "over the weekend", "the
second day"). Each rule is a regular expression with named groups plus a handler. The same
pattern serves twice (the two entry points are in scan.py): ``find_rule_spans`` scans an article for expressions
(spaCy's DATE entities miss "over the weekend", "late on Tuesday" and cut
"the second day ended early" too long), and ``read`` resolves a piece of text
that spaCy found. A handler returns a ``Reading``, or None when the text is not
a date at all (a duration, an age, an anniversary), which is how durations are
kept out. Absolute forms go through dateparser, which infers a missing year
from the publication date (``RELATIVE_BASE``) and the tense
(``PREFER_DATES_FROM``); relative forms dateparser does not know ("over the
weekend", "earlier this week") are calendar arithmetic here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from ...lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES
from ...model import Granularity
from . import values as tv

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Tense = Literal["past", "present", "future"]

MONTH_FULL = "|".join(MONTH_NAMES)
MON = rf"(?:{MONTH_FULL}|(?:{'|'.join(a for short in MONTH_ABBREVIATIONS for a in short)})\b\.?)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[.,:]\d)"
YEAR = r"(?:1[89]\d\d|2[01]\d\d)(?!\w|[.,]\d)"
WDAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})"
TO = r"\s*(?:-|–|—|(?i:to|through|and|until|till)\b)\s*"
MOD = (
    r"(?:(?i:early|mid|late)(?:-|\s+)|(?i:the\s+)?(?i:end|beginning|start|middle|first\s+half|second\s+half"
    r"|first\s+week|last\s+week|first\s+days|last\s+days)\s+(?i:of)\s+)"
)
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a couple of": 2, "a couple": 2,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "opening": 1,
}  # fmt: skip
COUNT = r"(?:\d{1,3}|a\s+couple(?:\s+of)?|a\s+few|few|several|many|" + "|".join(NUMBERS) + ")"
ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|final|last|closing|" + "|".join(ORDINALS) + ")"
UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
# Named days that are not "the most recent Friday": "Black Friday", "Bloody Sunday".
NAMED_DAYS = ("Ash", "Black", "Good", "Holy", "Maundy", "Palm", "Easter", "Super", "Bloody", "Cyber", "Shrove", "Patch")
NOT_NAMED = "".join(f"(?<!{word} )" for word in NAMED_DAYS)
# Every finder starts where a word does (not inside a word, nor after a dot).
FINDER_START = r"(?<![\w.])"
NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True, slots=True)
class When:
    """What a relative expression is resolved against: the publication day and the tense."""

    ref: date | None
    tense: Tense = "past"


@dataclass(frozen=True, slots=True)
class Reading:
    """What one expression means.

    ``kind`` is "date" (value final, possibly None), "ordinal" ("the second day":
    ``step`` is the day number, resolved later against the story's anchor) or
    "narrative" ("the next day": ``step`` units after the previous date).
    """

    value: str | None
    granularity: Granularity
    anchor: str | None = None
    kind: Literal["date", "ordinal", "narrative"] = "date"
    step: int = 0
    unit: str = "day"


Handler = Callable[[re.Match[str], When], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and its handler; ``before`` is context that must precede but is not part of it."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    finder: re.Pattern[str] | None


RULES: list[Rule] = []


def rule(name: str, pattern: str, *, before: str | None = "", find: bool = True) -> Callable[[Handler], Handler]:
    """Register a handler for ``pattern``; ``before`` (a regex) is required context for finding it."""

    def register(handler: Handler) -> Handler:
        finder = None
        if find:
            prefix = rf"(?:{before})" if before else ""
            finder = re.compile(rf"{FINDER_START}{prefix}(?P<core>{pattern})")
        RULES.append(Rule(name, re.compile(pattern), handler, finder))
        RULES.sort(key=_priority)
        return handler

    return register


def _priority(item: Rule) -> tuple[bool, int]:
    """Absolute forms first, then relative ones, each in the order they are written.

    Sorting here keeps the order the same whichever rule module is imported first.
    """
    return not item.handler.__module__.endswith(".absolute"), item.handler.__code__.co_firstlineno


# ---------------------------------------------------------------- helpers


def published(when: When) -> str | None:
    return f"published:{when.ref.isoformat()}" if when.ref else None


def count_of(text: str | None) -> int | None:
    """A small count written in digits or words; None for vague ones ("several")."""
    if text is None:
        return None
    text = re.sub(r"\s+", " ", text.lower())
    return int(text) if text.isdigit() else NUMBERS.get(text)


def unit_of(text: str) -> str:
    return re.sub(r"s$", "", text.lower())


UNIT_GRANULARITY: dict[str, Granularity] = {"week": "week", "month": "month", "year": "year", "decade": "year"}


def unit_granularity(unit: str) -> Granularity:
    return UNIT_GRANULARITY.get(unit, "day")


@functools.lru_cache(maxsize=64)
def _parser(ref: date | None, prefer: str) -> DateDataParser:
    """One dateparser per (publication day, preference); building one is the slow part."""
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str, ref: date | None, prefer: str) -> tuple[str, Granularity] | None:
    """dateparser's reading of ``text``; against a publication day it is a pure function
    of its arguments, and an article repeats its dates, so those readings are kept."""
    return _parse_from(text, ref, prefer) if ref is not None else _parse_now(text, ref, prefer)


@functools.lru_cache(maxsize=4096)
def _parse_from(text: str, ref: date, prefer: str) -> tuple[str, Granularity] | None:
    return _parse_now(text, ref, prefer)


def _parse_now(text: str, ref: date | None, prefer: str) -> tuple[str, Granularity] | None:
    data = _parser(ref, prefer).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    day: date = data.date_obj.date()
    return tv.value_for_unit(day, data.period)


def parse_absolute(text: str, when: When, has_year: bool) -> Reading:
    """Resolve an absolute form with dateparser; a missing year needs the publication day.

    Without a year and without a publication date the value stays None: the
    year is never taken from today's clock.
    """
    if not has_year and when.ref is None:
        return Reading(None, "day" if re.search(r"\d", text) else "month")
    found = _parse(text, when.ref, "current_period")
    if found and not has_year and when.ref:
        found = _tense_year(text, found, when)
    if found is None:
        return Reading(None, "unknown")
    return Reading(found[0], found[1], "absolute" if has_year else published(when))


def _tense_year(text: str, found: tuple[str, Granularity], when: When) -> tuple[str, Granularity] | None:
    """Move a year-less date to the past or future side of the publication day, by tense."""
    bounds = tv.interval(found[0])
    if bounds is None or when.ref is None:
        return found
    if when.tense == "past" and bounds[0] > when.ref:
        return _parse(text, when.ref, "past")
    if when.tense == "future" and bounds[1] < when.ref:
        return _parse(text, when.ref, "future")
    return found


def strip_mod(text: str) -> str:
    """The expression without "mid-", "early", "the end of": they keep its granularity."""
    return re.sub(rf"^{MOD}", "", text).strip()


def weekday_index(name: str) -> int:
    return [day.lower() for day in WEEKDAY_NAMES].index(name.lower())


def weekday_near(ref: date, weekday: int, rel: str, tense: Tense) -> date:
    """The weekday meant by "Tuesday", "last Tuesday", "next Tuesday" from the publication day.

    Plain weekdays are the most recent one on or before the publication day
    unless the verb is future; "next"/"last" always exclude the day itself.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if rel == "last":
        return ref - timedelta(days=back or 7)
    if rel == "next":
        return ref + timedelta(days=ahead or 7)
    if tense == "future" or rel == "coming":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def ordinal_number(word: str) -> int:
    """1 for "first"/"1st"/"opening"; 0 for "final"/"last" (known only from a range)."""
    word = word.lower()
    if word[:1].isdigit():
        return int(re.sub(r"\D", "", word))
    return ORDINALS.get(word, 0)


# ---------------------------------------------------------------- not dates

QUANTITY = rf"(?:\d[\d,.]*|{COUNT}|half|whole|entire|full|all|more|less)"
DURATION_UNIT = r"(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|centuries|nights?|weekends?)"
NOT_DATES = [
    # a quantity of time with nothing that places it: "about six hours", "the whole year"
    re.compile(
        rf"(?i)(?!.*\b(?:ago|after|before|later|earlier|prior|since)\b)(?:.*\b)?{QUANTITY}\b.*\b{DURATION_UNIT}\b.*"
    ),
    re.compile(
        r"(?i)(?:the\s+)?(?:(?:past|last|next|previous|coming|recent|few)\s+)*"
        rf"{DURATION_UNIT}(?:\s+(?:long|old))?"
    ),
    re.compile(r"(?i).*\b(?:year|month|week|day)s?[-\s]old\b.*|.*\b(?:aged?|under|over)\s+\d.*"),
    re.compile(r"(?i)(?:daily|weekly|monthly|annual|annually|yearly|quarterly|each|every)\b.*"),
    re.compile(rf"(?i)(?:(?!{MONTH_FULL}|\d{{4}}).)*\banniversary\b(?:(?!{MONTH_FULL}|\d{{4}}).)*"),
    re.compile(r"(?i).*\d+-(?:year|month|week|day|hour)\b.*"),
    # no letters at all: ages ("58"), scores and records ("21-12-7")
    re.compile(r"[^A-Za-z]*"),
]
# A text spaCy calls a date but no rule reads must at least say something about time.
TIME_WORDS = re.compile(
    r"(?i)\b(?:day|days|week|weeks|month|months|year|years|decade|decades|century|centuries|spring|summer"
    r"|autumn|fall|winter|season|holidays?|christmas|easter|thanksgiving|ramadan|hanukkah|diwali|eid"
    r"|weekend|morning|afternoon|evening|night|tonight|today|yesterday|tomorrow|era|quarter|eve|dawn)\b"
)


def after_named_day(text: str, start: int) -> bool:
    """True for the weekday of "Black Friday", "Good Friday": a named day, not a recent one."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in NAMED_DAYS


def is_not_date(text: str) -> bool:
    """Durations ("about six hours"), ages, frequencies, "fourth anniversary": not dates."""
    return any(pattern.fullmatch(text.strip()) for pattern in NOT_DATES)
