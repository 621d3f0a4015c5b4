"""Where something lies relative to a named place: "40 kilometres south of Tarsk".

Reports of a quake, a storm or a crash place it by distance and compass
direction from a town. Outlets that put it on different sides of the same town
disagree ("south of X" and "west of X"); a finer direction agrees with a
coarser one that shares a point ("southwest" and "west"). Distances never
make a conflict (they are rounded, converted between units, and may measure
different things), but two bearings corroborate each other only when their
distances are within a fifth of each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .numbers import parse_number

_POINTS = ("north", "south", "east", "west")
_DIRECTION = r"(?:north|south)?(?:-?(?:east|west))?|north|south|east|west"
_BEARING = re.compile(
    r"\b(?P<distance>\d[\d,.]*(?: , \d{3})*)\s*(?P<unit>km|kilometres|kilometers|miles|mi)\b"
    r"(?:\s*\([^)]{0,30}\))?\s+"
    rf"(?P<direction>{_DIRECTION})\s+of\s+(?:the\s+(?:town|city|village|capital)\s+of\s+)?"
    r"(?P<place>(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Bearing:
    """A direction from a named place, with the phrase and its offsets."""

    place: str
    direction: str
    km: float | None
    text: str
    start: int
    end: int


def bearings(text: str) -> Iterator[Bearing]:
    """Every "<distance> <unit> <direction> of <Place>" phrase of ``text``."""
    for match in _BEARING.finditer(text):
        direction = match["direction"].lower().replace("-", "")
        if not direction:
            continue
        km = _km(match["distance"], match["unit"])
        yield Bearing(match["place"], direction, km, match.group(0), match.start(), match.end())


def _km(distance: str, unit: str) -> float | None:
    """The distance in km; digits are read as counts are ("1,200", "1.200" and "2.5")."""
    value = parse_number(distance)
    if value is None:
        return None
    return value * 1.609 if unit.lower().startswith("mi") else value


def same_distance(a: float | None, b: float | None) -> bool:
    """Whether two distances (km) may be one, rounded or converted: within a fifth of each other."""
    return a is None or b is None or abs(a - b) <= 0.2 * max(a, b)


def bearings_compatible(a: str, b: str) -> bool:
    """Whether two directions share a compass point ("southwest" and "west" do; "south" and "west" do not)."""
    return bool({p for p in _POINTS if p in a} & {p for p in _POINTS if p in b})
