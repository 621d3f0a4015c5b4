"""The clock time of the happening, with its zone: "struck at 0715 GMT", "at 2:15 p.m. local time".

Reports of a quake, a blast or a crash give the time it happened, in
Greenwich time, in the local time of the place, or in the outlet's own zone.
Only a time with a zone is read (a bare "at 9:40" cannot be compared), and
only in a sentence that says the happening struck, hit, occurred, began or
took place at that time.

A series of happenings (a main shock and its aftershocks, a second blast)
has several times, so a time is read only for the happening itself: not in
a sentence about another happening of the series ("an aftershock struck at
...", "a second explosion went off at ..."). An article that gives the
happening two different instants tells of a series, so its times may
corroborate but not contradict (facts.py makes them weak); so does an article
that counts the happenings of a series ("the first quake", "twin blasts",
"two earthquakes"), since its times may be of either one. A quake's
magnitude in the time's sentence names the quake: two times of quakes whose
magnitudes differ by half a unit or more are of two quakes and are not
compared.

Two times agree when they name the same instant. Times in two known zones
(UTC/GMT, EDT, CET, ...) are converted to UTC and compared. "Local time" has
no offset here (the place is not resolved to a zone), so a local time agrees
with a time in another zone unless both give the same clock reading: "07:15
GMT" and "07:15 local time" cannot both be right for a place off Greenwich
time, while "07:15 GMT" and "14:15 local time" may be one instant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .context import sentence_with_decimals

# Offsets from UTC in minutes of the zone abbreviations news reports use.
ZONES: dict[str, int] = {
    "gmt": 0, "utc": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "msk": 180,
    "ist": 330, "wib": 420, "wita": 480, "wit": 540, "jst": 540, "aest": 600, "edt": -240, "est": -300,
    "cdt": -300, "cst": -360, "mdt": -360, "mst": -420, "pdt": -420, "pst": -480,
}  # fmt: skip
LOCAL = "local"
_TOLERANCE = 10  # minutes: reports round the time of a happening
_CLOCK = re.compile(
    r"\b(?:(?P<h>\d{1,2})\s*[:.]\s*(?P<m>\d{2})|(?P<hm>[0-2]\d[0-5]\d))"
    r"(?:\s*(?P<ap>[ap])\s*\.?\s*m\b\s*\.?)?"
    rf"\s*(?:\(\s*)?(?P<zone>local(?:\s+time)?|{'|'.join(sorted(ZONES, key=len, reverse=True))})\b",
    re.IGNORECASE,
)
# The sentence says the happening itself took place then.
# The sentence is about another happening of a series than the one the story is about.
# "new" only in lower case: "New Zealand earthquake" is no new quake.
_SERIES = re.compile(
    r"\b(?:after-?shocks?|fore-?shocks?|(?:second|third|another|(?-i:new)|fresh|earlier|later|subsequent|smaller|weaker)"
    r"\s+(?:[\w.-]+\s+){0,2}?(?:quake|earthquake|tremor|shock|blast|explosion|attack|strike|eruption|round|wave)s?)\b",
    re.IGNORECASE,
)
# Before a series phrase: it names the happening this one is timed against, not this one
# ("struck at 09:40 GMT, hours after a smaller tremor").
_RELATIVE_TO = re.compile(r"\b(?:after|following|since|before|than)\s+(?:(?:the|a|an|its)\s+)?$", re.IGNORECASE)
# The article counts the happenings of a series: "the first quake", "twin blasts", "two earthquakes",
# "the first of two tremors". Its times may be of either happening.
_COUNTED_SERIES = re.compile(
    r"\b(?:(?:first|second|third|twin|two|three|both)\s+(?:[\w.-]+\s+){0,2}?"
    r"(?:quakes?|earthquakes?|tremors?|shocks?|blasts?|explosions?|eruptions?)"
    r"|first\s+of\s+(?:two|three|several)\s+(?:[\w.-]+\s+){0,2}?"
    r"(?:quakes|earthquakes|tremors|shocks|blasts|explosions))\b",
    re.IGNORECASE,
)
# A quake's magnitude: "magnitude 6.1", "a 6.1-magnitude quake", "measuring 6 . 1".
MAGNITUDE = re.compile(
    r"\bmagnitude(?:\s+of)?\s*-?\s*(?P<after>\d(?:\s*\.\s*\d)?)(?!\s*\d)"
    r"|(?<![\d.])(?P<before>\d(?:\s*\.\s*\d)?)\s*-?\s*(?:magnitude|on the richter)"
    r"|\bmeasur(?:ing|ed)\s+(?P<measuring>\d(?:\s*\.\s*\d)?)(?!\s*[.,]?\s*\d)"
    r"(?!\s*(?:%|km\b|kilomet|met(?:re|er)s?\b|miles?\b|feet\b|ft\b|inch|cm\b|mm\b|m\b|per\b))",
    re.IGNORECASE,
)
SAME_QUAKE = 0.5  # magnitude units: outlets round and agencies revise; an aftershock is smaller by more
_HAPPENED = re.compile(
    r"\b(?:struck|strikes|hit|hits|occurred|happened|took place|erupted|began|started|exploded|went off"
    r"|rocked|jolted|shook|opened fire|crashed|collapsed)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time read from text: minutes after midnight in its zone ("local" or a ZONES key), phrase, offsets.

    ``magnitude`` is the quake's magnitude its sentence gives, if exactly one.
    """

    minutes: int
    zone: str
    text: str
    start: int
    end: int
    magnitude: float | None = None


def clock_times(text: str) -> Iterator[ClockTime]:
    """Times with a zone in sentences that say when the happening took place."""
    for match in _CLOCK.finditer(text):
        left, right = sentence_with_decimals(text, match.start(), match.end())
        if not _HAPPENED.search(text, left, right) or of_another(text, left, right):
            continue
        if match["hm"]:
            if not match["zone"] or match["zone"].lower().startswith(LOCAL):
                continue  # "0737 local" is rare; a bare four-digit number is too often a year
            hour, minute = int(match["hm"][:2]), int(match["hm"][2:])
        else:
            hour, minute = int(match["h"]), int(match["m"])
        if hour > 24 or minute > 59:
            continue
        if match["ap"]:
            if hour > 12:
                continue
            hour = hour % 12 + (12 if match["ap"].lower() == "p" else 0)
        zone = match["zone"].lower()
        zone = LOCAL if zone.startswith(LOCAL) else zone
        yield ClockTime(
            hour * 60 + minute, zone, match.group(0), match.start(), match.end(), magnitude(text[left:right])
        )


def of_another(text: str, left: int, right: int) -> bool:
    """Whether the sentence is about another happening of a series (an aftershock, a second blast),
    not only timing this one against it."""
    return any(
        not _RELATIVE_TO.search(text[max(left, m.start() - 30) : m.start()])
        for m in _SERIES.finditer(text, left, right)
    )


def tells_of_series(text: str) -> bool:
    """Whether the article counts the happenings of a series ("the first quake", "two blasts"):
    a time it gives may be of any one of them, so it corroborates but never contradicts."""
    return bool(_COUNTED_SERIES.search(text))


def magnitude(sentence: str) -> float | None:
    """The one quake magnitude a sentence gives ("a 6.1-magnitude quake"), else None."""
    found = {
        float(re.sub(r"\s+", "", m["after"] or m["before"] or m["measuring"])) for m in MAGNITUDE.finditer(sentence)
    }
    return found.pop() if len(found) == 1 else None


def same_happening(a: tuple[int, str, float | None], b: tuple[int, str, float | None]) -> bool:
    """False when both times give magnitudes half a unit or more apart: two quakes of a series."""
    return a[2] is None or b[2] is None or abs(a[2] - b[2]) < SAME_QUAKE


def _apart(a: int, b: int) -> int:
    """Minutes between two clock readings, around midnight."""
    gap = abs(a - b) % 1440
    return min(gap, 1440 - gap)


def times_compatible(a: tuple[int, str, float | None], b: tuple[int, str, float | None]) -> bool:
    """Whether two (minutes, zone, magnitude) times can name one instant, or are of two quakes (module docstring)."""
    if not same_happening(a, b):
        return True
    (a_min, a_zone, _), (b_min, b_zone, _) = a, b
    if a_zone == b_zone:
        return _apart(a_min, b_min) <= _TOLERANCE
    if LOCAL in (a_zone, b_zone):
        return _apart(a_min, b_min) > _TOLERANCE  # the same reading in two zones is two instants
    return _apart(a_min - ZONES[a_zone], b_min - ZONES[b_zone]) <= _TOLERANCE
