"""A quake's magnitude and depth, as outlets report them: "a 5.8-magnitude tremor, 25 km deep".

Agencies measure a quake differently (one says 5.8, another 6.0; 12 km deep
or 30 km), and outlets that cite different agencies disagree; readers want to
see it. Magnitudes agree when they are equal at one decimal; depths agree
when they are within a fifth of each other or 2 km, since they are rounded
and converted between kilometres and miles (20 km and 12 miles are one depth).

Stories of a quake also tell of other quakes: its aftershocks, the quake of
last year, a famous one of decades ago. So a value is read only for the
story's own quake: outside background sentences (numbers.background: a year,
"last year", "in April") and sentences about another quake of a series ("an
aftershock of 4.9", times.of_another), and only in the article's lead (its
first sentences, where a report names the quake it is about) or in a
sentence that speaks of "the quake" (a definite reference to the one the
story is about). A sentence giving two magnitudes (a revision, a comparison)
gives none. Two magnitudes half a unit or more apart are two quakes of a
series, as for clock times (times.same_happening): neither compared nor
corroborated. Two quakes of nearly one size (twin quakes of 5.9 and 5.8, or
a magnitude revised from 5.9 to 5.7) cannot be told apart that way: when the
story's articles give two such magnitudes, its magnitudes corroborate but
never contradict (``ambiguous_magnitudes``; facts.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .context import sentence_with_decimals
from .numbers import background, parse_number
from .times import MAGNITUDE, SAME_QUAKE, of_another

_LEAD_SENTENCES = 3
_SENTENCE_END = re.compile(r"(?<!\d)[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n")
_THE_QUAKE = re.compile(r"\b(?:the|its|this)\s+(?:[\w.-]+\s+){0,3}?(?:quake|earthquake|tremor|temblor)\b", re.I)
_QUAKE = re.compile(r"\b(?:quake|earthquake|tremor|temblor|seismic)", re.IGNORECASE)
_DEPTH = re.compile(
    r"\bdepth\s+of\s+(?:just\s+|only\s+|about\s+|around\s+|some\s+)?(?P<a>\d[\d,.]*)\s*(?P<ua>km|kilometres|kilometers|miles|mi)\b"
    r"|\b(?P<b>\d[\d,.]*)\s*(?P<ub>km|kilometres|kilometers|miles|mi)\s*(?:\([^)]{0,30}\)\s*)?"
    r"(?:deep|below the surface|beneath the surface|underground)\b",
    re.IGNORECASE,
)
_DEPTH_SLACK_KM = 2.0


@dataclass(frozen=True, slots=True)
class QuakeValue:
    """A magnitude or a depth (km) of the story's quake, with the phrase and its offsets."""

    attribute: str  # "magnitude" or "depth"
    value: float
    text: str
    start: int
    end: int

    @property
    def shown(self) -> str:
        """The value as the brief shows it: a magnitude as a number ("5.8"), a depth as written ("25 km")."""
        return f"{self.value:g}" if self.attribute == "magnitude" else " ".join(self.text.split())


def lead_end(text: str) -> int:
    """Where the article's lead ends: after its first few sentences or lines (a title is one)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if text[: m.start()].strip()]
    return ends[_LEAD_SENTENCES - 1] if len(ends) >= _LEAD_SENTENCES else len(text)


def quake_values(text: str) -> Iterator[QuakeValue]:
    """The magnitude and depth of the story's own quake wherever a sentence gives them (module docstring)."""
    lead = lead_end(text)
    for match in MAGNITUDE.finditer(text):
        left, right = sentence_with_decimals(text, match.start(), match.end())
        if not _own_quake(text, match.start(), match.end(), left, right, lead):
            continue
        values = {_read(m["after"] or m["before"] or m["measuring"]) for m in MAGNITUDE.finditer(text, left, right)}
        if len(values) == 1:
            yield QuakeValue("magnitude", values.pop(), match.group(0), match.start(), match.end())
    for match in _DEPTH.finditer(text):
        left, right = sentence_with_decimals(text, match.start(), match.end())
        if not _QUAKE.search(text, left, right) and not _QUAKE.search(text[max(0, left - 300) : left]):
            continue  # a depth with no quake near ("a well 3 km deep")
        if not _own_quake(text, match.start(), match.end(), left, right, lead):
            continue
        value = parse_number(match["a"] or match["b"])
        if value is not None:
            km = value * 1.609 if (match["ua"] or match["ub"]).lower().startswith("mi") else value
            yield QuakeValue("depth", km, match.group(0), match.start(), match.end())


def ambiguous_magnitudes(texts: list[str]) -> bool:
    """Whether a story's quake magnitudes may be of two quakes of nearly one size, or of one revised.

    Twin quakes, a second quake of about the same size ("a second quake of
    5.8" beside a main quake of 5.9), or a magnitude revised ("revised from
    5.9 to 5.7"): another outlet's different figure may be the other quake or
    the other reading, not a disagreement. So: two different magnitudes less
    than half a unit apart in one sentence or among one article's own quake
    (``quake_values``), or another quake of the series (a sentence about a
    second quake or an aftershock, in any article) within half a unit of a
    magnitude some article gives the story's quake. A list of past quakes,
    one per sentence, counts for none of these.
    """
    own: set[float] = set()
    series: set[float] = set()
    for text in texts:
        mine = {q.value for q in quake_values(text) if q.attribute == "magnitude"}
        if _close(mine):
            return True
        own |= mine
        for match in MAGNITUDE.finditer(text):
            left, right = sentence_with_decimals(text, match.start(), match.end())
            if background(text, match.start(), match.end()):
                continue
            here = {_read(m["after"] or m["before"] or m["measuring"]) for m in MAGNITUDE.finditer(text, left, right)}
            if _close(here):
                return True
            if of_another(text, left, right):
                series |= here
    return any(abs(a - b) < SAME_QUAKE for a in series for b in own)


def _close(values: set[float]) -> bool:
    return any(0 < abs(a - b) < SAME_QUAKE for a in values for b in values)


def _read(number: str) -> float:
    return float(re.sub(r"\s+", "", number))


def _own_quake(text: str, start: int, end: int, left: int, right: int, lead: int) -> bool:
    """Whether the sentence is about the story's quake: not background, not another of a series, lead or "the quake"."""
    if background(text, start, end) or of_another(text, left, right):
        return False
    return start < lead or bool(_THE_QUAKE.search(text, left, right))


def magnitudes_compatible(a: float, b: float) -> bool:
    """Equal at one decimal, or half a unit or more apart (two quakes of a series, not a disagreement)."""
    return abs(a - b) < 0.05 or abs(a - b) >= SAME_QUAKE


def same_magnitude(a: float, b: float) -> bool:
    return abs(a - b) < 0.05


def depths_compatible(a: float, b: float) -> bool:
    """Within a fifth of each other or 2 km: depths are rounded and converted between units."""
    return abs(a - b) <= max(0.2 * max(a, b), _DEPTH_SLACK_KM)
