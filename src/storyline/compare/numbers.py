"""Counts as intervals: "at least 12", "about 30", "eighty-five" people killed.

A reported count is an interval of what it allows: "at least 12" is
[12, inf), "more than 12" (12, inf) read as [13, inf), "up to 40" [0, 40],
"about/around/nearly 30" a band around 30, "85" and "eighty-five" [85, 85].
Two counts agree when their intervals overlap; a larger count in a later
report is an update of a toll, not a disagreement.

Only counts of what a story tallies are read (``COUNTED``): people killed,
injured, missing, arrested, displaced, held, and the size of a crowd
("about 5,000 protesters", "20,000 people marched"). A bare number ("two hours",
"$50 million") has no subject to compare across articles and is left alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

# What is counted -> the attribute compared. Word forms after the number (with up
# to three words between, "12 people were killed") pick the attribute.
COUNTED: dict[str, str] = {
    "killed": "killed", "dead": "killed", "deaths": "killed", "died": "killed", "fatalities": "killed",
    "bodies": "killed", "lives": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "missing": "missing", "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
    "displaced": "displaced", "evacuated": "displaced", "refugees": "displaced",
    "hostages": "held", "prisoners": "held", "captives": "held",
    "protesters": "crowd", "protestors": "crowd", "demonstrators": "crowd", "marchers": "crowd",
    "marched": "crowd", "protested": "crowd", "demonstrated": "crowd", "rallied": "crowd",
    "took to the streets": "crowd", "turned out": "crowd",
}  # fmt: skip
# Tallies that only grow as a happening unfolds: a larger one in a later report
# is an update. A crowd has one size; a later, larger estimate disagrees.
GROWING = frozenset({"killed", "injured", "missing", "arrested", "displaced", "held"})
# How a subject is named in the brief, per attribute.
SUBJECTS = {"crowd": "people at the protest"}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?|(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))?)(?:\s+(?:hundred|thousand|million))?"
_QUALIFIER = (
    r"(?:at least|more than|over|upwards of|at most|up to|fewer than|less than"
    r"|nearly|almost|about|around|some|roughly|approximately)"
)
_COUNT = re.compile(
    rf"\b(?P<qual>{_QUALIFIER}\s+)?(?P<num>{_NUMBER})\b(?P<gap>(?:\s+[\w-]+){{0,3}}?)\s+"
    rf"(?P<what>{'|'.join(sorted(COUNTED, key=len, reverse=True))})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Count:
    """A count read from text: what is counted, the interval, the phrase and its offsets."""

    attribute: str
    low: float
    high: float
    text: str
    start: int
    end: int


def parse_number(text: str) -> float | None:
    """ "1,200" -> 1200, "eighty-five" -> 85, "three hundred" -> 300, "a dozen" -> 12; None if unreadable."""
    text = text.lower().strip()
    scale = 1
    for word, value in _SCALES.items():
        if text.endswith(" " + word):
            text, scale = text[: -len(word) - 1].strip(), value
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", text):
        return float(text.replace(",", "")) * scale
    if text in _UNITS:
        return float(_UNITS[text]) * scale
    parts = re.split(r"[- ]", text)
    if parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in _UNITS)):
        return float(_TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) == 2 else 0)) * scale
    return None


def interval(qualifier: str | None, value: float) -> tuple[float, float]:
    """The values a qualified count allows (see the module docstring)."""
    qual = " ".join((qualifier or "").lower().split())
    if qual == "at least":
        return value, math.inf
    if qual in {"more than", "over", "upwards of"}:
        return value + 1, math.inf
    if qual in {"at most", "up to"}:
        return 0, value
    if qual in {"fewer than", "less than"}:
        return 0, value - 1
    if qual in {"nearly", "almost"}:
        return math.floor(value * 0.85), value
    if qual in {"about", "around", "some", "roughly", "approximately"}:
        return math.floor(value * 0.85), math.ceil(value * 1.15)
    return value, value


def counts(text: str, start: int = 0, end: int | None = None) -> Iterator[Count]:
    """Every tallied count in ``text[start:end]`` ("at least 12 people were killed")."""
    for match in _COUNT.finditer(text, start, len(text) if end is None else end):
        value = parse_number(match["num"])
        if value is None or re.search(r"\b(?:years?|hours?|days?|percent|per cent)\b", match["gap"], re.I):
            continue
        low, high = interval(match["qual"], value)
        what = COUNTED[" ".join(match["what"].lower().split())]
        yield Count(what, low, high, match.group(0), match.start(), match.end())


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def show(low: float, high: float) -> str:
    if low == high:
        return f"{low:g}"
    return f"at least {low:g}" if math.isinf(high) else f"{low:g}-{high:g}"
