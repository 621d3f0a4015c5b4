"""The clock time of the happening, with its zone: "struck at 0715 GMT", "at 2:15 p.m. local time".

Reports of a quake, a blast or a crash give the time it happened, in
Greenwich time, in the local time of the place, or in the outlet's own zone.
Only a time with a zone is read (a bare "at 9:40" cannot be compared), and
only in a sentence that says the happening struck, hit, occurred, began or
took place at that time.

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

from .context import sentence_bounds

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
_HAPPENED = re.compile(
    r"\b(?:struck|strikes|hit|hits|occurred|happened|took place|erupted|began|started|exploded|went off"
    r"|rocked|jolted|shook|opened fire|crashed|collapsed)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time read from text: minutes after midnight in its zone ("local" or a ZONES key), phrase, offsets."""

    minutes: int
    zone: str
    text: str
    start: int
    end: int


def clock_times(text: str) -> Iterator[ClockTime]:
    """Times with a zone in sentences that say when the happening took place."""
    for match in _CLOCK.finditer(text):
        left, right = sentence_bounds(text, match.start(), match.end())
        if not _HAPPENED.search(text, left, right):
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
        yield ClockTime(hour * 60 + minute, zone, match.group(0), match.start(), match.end())


def _apart(a: int, b: int) -> int:
    """Minutes between two clock readings, around midnight."""
    gap = abs(a - b) % 1440
    return min(gap, 1440 - gap)


def times_compatible(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Whether two (minutes, zone) times can name one instant (see the module docstring)."""
    (a_min, a_zone), (b_min, b_zone) = a, b
    if a_zone == b_zone:
        return _apart(a_min, b_min) <= _TOLERANCE
    if LOCAL in (a_zone, b_zone):
        return _apart(a_min, b_min) > _TOLERANCE  # the same reading in two zones is two instants
    return _apart(a_min - ZONES[a_zone], b_min - ZONES[b_zone]) <= _TOLERANCE
