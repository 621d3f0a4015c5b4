"""The day the happening took place: "was stabbed on Wednesday", "Monday's shooting", "the crash on March 3".

Outlets disagree on the day of a shooting or a quake (one says Wednesday,
another Thursday), and readers want to see it. The day is read only where
the text binds it to the happening itself, never from a day that merely
stands near it ("neighbours gathered on Sunday outside the bakery where the
owner had been stabbed", "a teenager appeared in court Thursday over the
stabbing"):

- a day that modifies the happening's noun: "Monday's shooting", "the
  Friday night explosion", "the crash on March 3";
- a day after the happening's verb in its clause, with at most six words
  and no punctuation between: "was stabbed on Wednesday", "opened fire in
  the market Tuesday" (a day dated by "ago" before it is not the
  happening's).

The happening is named by its kind (a killing of one person, shot or
stabbed; a quake, a blast, a crash), and only days of one kind are
compared: a victim "died" on Monday of a shooting on Saturday, and police
"fired" tear gas on Sunday. Attacks, strikes and tolls ("five were killed
on Monday") are left out: a war story tells of one on every day.
Background sentences (numbers.background) give no day.

A weekday is resolved to a date when the article has a publication date
(the last such weekday on or before it); two dates are compared as dates,
two weekdays as names, and a weekday with a date by the date's weekday.
An article that gives one kind of happening two days tells of a series (two
shootings, a quake and its aftershock), so its days may corroborate but not
contradict (facts.py); two quakes whose sentences give magnitudes half a
unit or more apart are two quakes. Reports of the night disagree by a day
without contradicting each other ("late Tuesday" and "early Wednesday" are
one night), so two adjacent days agree when one of them is a night or late
and the other early or overnight.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from .context import sentence_bounds
from .numbers import background
from .times import same_happening

DayNorm = tuple[str, str, float | None]  # value, edge, the quake's magnitude in the day's sentence

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {m: n for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}  # fmt: skip
_DAY = (
    r"(?P<early>early\s+|late\s+)?(?:(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
    r"|(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<mday>\d{1,2})\b(?!\s*[,:]?\s*\d{3}))"
    r"(?:\s+(?P<part>night|morning|afternoon|evening))?"
)
# After the noun only a month and day ("the shooting Dec. 6"): a weekday there is too often
# another act's ("charged in the shooting Tuesday").
_MONTH_DAY = (
    r"(?P<b_month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<b_mday>\d{1,2})\b"
    r"(?!\s*[,:]?\s*\d{3})"
)
# What the happening is called -> its kind.
_NOUNS = {
    "shooting": "killing", "shootings": "killing", "killing": "killing", "stabbing": "killing",
    "quake": "quake", "earthquake": "quake", "tremor": "quake",
    "blast": "blast", "explosion": "blast", "crash": "crash",
}  # fmt: skip
# The happening's verb -> its kind. A killing is one person's: "was shot" (singular), "shot dead",
# "gunned down", or a named victim ("killed Dana Kettle"); "were killed" is a toll, which strikes on
# several days share, and "shot down" is no shooting of a person.
_VERBS = {
    "killing": r"(?:was|has been|had been)\s+(?:\w+ly\s+)?(?:shot|killed|stabbed|murdered|gunned\s+down)(?!\s+down)"
    r"|shot\s+dead|gunned\s+down|opened\s+fire|(?:shot|killed|stabbed|murdered)(?=\s+(?-i:[A-Z][a-z]))",
    "blast": r"exploded|went\s+off",
    "crash": r"crashed",
}
_NOUN = "|".join(sorted(_NOUNS, key=len, reverse=True))
_VERB = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _VERBS.items())
_BEFORE_NOUN = re.compile(
    rf"\b{_DAY}(?:\s*'\s*s)?\s+(?:(?:fatal|deadly|early|late|morning|night|evening|afternoon)\s+)?(?P<noun>{_NOUN})\b"
    rf"|\b(?P<noun2>{_NOUN})\s+(?:on\s+)?{_MONTH_DAY}",
    re.IGNORECASE,
)
_AFTER_VERB = re.compile(
    rf"\b(?:{_VERB})\b(?P<gap>(?:\s+(?!(?:and|but|after|before|when|while|as|who|which|that)\b)[\w'-]+){{0,6}}?)"
    rf"\s+(?:on\s+)?{_DAY}",
    re.IGNORECASE,
)
# A quake "struck" or "hit": the verb names the quake only when the sentence speaks of one.
_QUAKE_VERB = re.compile(rf"\b(?:quake|earthquake|tremor)\b[^.;]{{0,60}}?\b(?:struck|hit|jolted|rocked|shook)\b"
                         rf"(?P<gap>(?:\s+[\w'-]+){{0,8}}?)\s+(?:on\s+)?{_DAY}", re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True, slots=True)
class HappeningDay:
    """The day a kind of happening took place: a weekday or a month and day, with the phrase and its offsets."""

    kind: str
    weekday: str | None  # "saturday"
    month_day: tuple[int, int] | None  # (12, 6)
    edge: str  # "night" (late, night, evening), "early" (early, overnight, morning) or ""
    text: str
    start: int
    end: int


def happening_days(text: str) -> Iterator[HappeningDay]:
    """Every day the text binds to a kind of happening (module docstring)."""
    found: list[HappeningDay] = []
    for match in _BEFORE_NOUN.finditer(text):
        prefix = "" if match["noun"] else "b_"
        kind = _NOUNS[(match["noun"] or match["noun2"]).lower()]
        found += _day(match, prefix, kind, text)
    for match in _AFTER_VERB.finditer(text):
        if not re.search(r"[,;:()\"“”]", match["gap"]):
            found += _day(match, "", next(kind for kind in _VERBS if match[kind]), text)
    for match in _QUAKE_VERB.finditer(text):
        found += _day(match, "", "quake", text)
    seen: set[tuple[int, int]] = set()
    for day in sorted(found, key=lambda d: d.start):
        if (day.start, day.end) not in seen:
            seen.add((day.start, day.end))
            yield day


def _day(match: re.Match[str], prefix: str, kind: str, text: str) -> list[HappeningDay]:
    """The day of a match; none in a background sentence or when the time before it ("two years ago") dates it."""

    def part(name: str) -> str | None:
        return match.groupdict().get(prefix + name)

    weekday, month, mday = part("weekday"), part("month"), part("mday")
    at = match.start(prefix + ("weekday" if weekday else "month"))
    if background(text, match.start(), match.end()) or background(text, at, match.end()):
        return []
    if _in_quote_of_other_time(text, match.start()):
        return []
    month_day = (_MONTHS[month[:3].lower()], int(mday)) if month and mday else None
    if month_day and not 1 <= month_day[1] <= 31:
        return []
    early, when = (part("early") or "").strip().lower(), (part("part") or "").lower()
    edge = "night" if early == "late" or when in {"night", "evening"} else "early" if early == "early" else ""
    edge = edge or ("early" if when == "morning" else "")
    return [HappeningDay(kind, weekday.lower() if weekday else None, month_day, edge, match.group(0),
                         match.start(), match.end())]  # fmt: skip


def _in_quote_of_other_time(text: str, offset: int) -> bool:
    """A sentence that speaks of the happening's anniversary or a later vigil is about another day."""
    left, right = sentence_bounds(text, offset, offset + 1)
    return bool(re.search(r"\b(?:anniversary|vigil|memorial|funeral|since)\b", text[left:right], re.IGNORECASE))


def resolve(day: HappeningDay, published: str | None) -> str:
    """The day as a value: an ISO date when the publication date allows, else "saturday" or "12-06"."""
    pub = _date(published)
    if pub and day.weekday:
        back = (pub.weekday() - _WEEKDAYS.index(day.weekday)) % 7
        return (pub - timedelta(days=back)).isoformat()
    if pub and day.month_day:
        month, mday = day.month_day
        year = pub.year if (month, mday) <= (pub.month, pub.day) else pub.year - 1
        try:
            return date(year, month, mday).isoformat()
        except ValueError:
            return f"{month:02d}-{mday:02d}"
    if day.weekday:
        return day.weekday
    assert day.month_day is not None
    return f"{day.month_day[0]:02d}-{day.month_day[1]:02d}"


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def days_compatible(a: DayNorm, b: DayNorm) -> bool:
    """Whether two (value, edge, magnitude) days may be one: the same day, one night told from either side
    of midnight, or the days of two quakes (magnitudes half a unit or more apart, as times.same_happening)."""
    (va, ea, ma), (vb, eb, mb) = a, b
    if va == vb or not same_happening((0, "", ma), (0, "", mb)):
        return True
    gap = _gap(va, vb)
    if gap is None or gap == 0:
        return True  # a weekday against a month and day with no year cannot be placed
    return abs(gap) == 1 and {ea, eb} == {"night", "early"}


def _gap(a: str, b: str) -> int | None:
    """Days from ``a`` to ``b`` when both can be placed (dates, or weekdays within one week), else None."""
    da, db = _date(a), _date(b)
    if da and db:
        return (db - da).days
    wa = _WEEKDAYS.index(a) if a in _WEEKDAYS else _WEEKDAYS.index(da.strftime("%A").lower()) if da else None
    wb = _WEEKDAYS.index(b) if b in _WEEKDAYS else _WEEKDAYS.index(db.strftime("%A").lower()) if db else None
    if wa is None or wb is None:
        if re.fullmatch(r"\d{2}-\d{2}", a) and re.fullmatch(r"\d{2}-\d{2}", b):
            return 0 if a == b else 99
        return None
    diff = (wb - wa) % 7
    return diff if diff <= 3 else diff - 7
