"""Counts of damaged property: "more than 120 homes were damaged", "85 damaged shops".

Quakes, storms and riots are tallied in buildings as well as in people, and
outlets disagree on those tallies too (one says 240 shops, another 90). A
count is read when a number stands before a kind of property and the
phrase says the property was damaged or destroyed ("25 homes were damaged",
"85 damaged shops", "damaging more than 120 homes", "60 shops suffered
heavy damage"). The kind picks the subject (houses and homes are one,
buildings another, shops and businesses a third, vehicles a fourth; any other
plural thing that was damaged, cut or severed is its own kind: "three cables
were cut"), and
"destroyed" is its own attribute: the destroyed are a part of the damaged.
Such tallies are often given per town ("6 homes were damaged in Tarsk")
beside a total for the region, and the gazetteer does not tell a town from
a province, so a count that names where ("in Tarsk", "In Tarsk, we counted
...") is compared only with counts for the same place, and one that names no
place only with counts that name none (but see conflicts.parts_exceeding_wholes).
The filters of counts apply in facts.py: a count in a background sentence is
not read, and one confined to a district or a village is weak.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import sentence_with_decimals
from .numbers import COUNTED, NUMBER, QUALIFIER, SUBGROUPS, Count, clause_end, interval, parse_number

# Kind of property -> the subject compared.
KINDS: dict[str, str] = {
    "houses": "houses", "homes": "houses", "dwellings": "houses",
    "buildings": "buildings", "structures": "buildings",
    "shops": "shops", "stores": "shops", "businesses": "shops",
    "cars": "vehicles", "vehicles": "vehicles",
}  # fmt: skip
_KIND = "|".join(KINDS)
_DAMAGED = r"(?:damaged|destroyed|flattened|razed|levelled|leveled|torched|burned|burnt|looted|wrecked|collapsed)"
_DESTROYED = frozenset({"destroyed", "flattened", "razed", "levelled", "leveled", "burned", "burnt", "collapsed"})
_HOW = r"(?:(?:badly|seriously|severely|heavily|partly|partially|completely|totally|slightly)\s+)?"
_COUNT = rf"(?P<qual>{QUALIFIER}\s+)?(?<![\d.,])(?P<num>{NUMBER})"
_PATTERNS = [
    # "25 homes were damaged", "more than 120 buildings have been badly damaged", "60 shops suffered damage"
    re.compile(
        rf"\b{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?(?P<kind>{_KIND})\b\s+(?:(?:that|which)\s+)?"
        rf"(?:(?:were|was|have been|had been|are|got)\s+{_HOW}(?P<verb>{_DAMAGED})"
        rf"|(?P<suffered>suffer(?:ed|ing)?\s+(?:[\w-]+\s+){{0,2}}?damage))\b",
        re.IGNORECASE,
    ),
    # "85 damaged shops"
    re.compile(rf"\b{_COUNT}\s+{_HOW}(?P<verb>{_DAMAGED})\s+(?P<kind>{_KIND})\b", re.IGNORECASE),
    # "damaged more than 120 homes", "destroying 25 houses"
    re.compile(
        rf"\b(?P<verb>damag(?:ed|ing)|destroy(?:ed|ing)|flatten(?:ed|ing)|torch(?:ed|ing)|loot(?:ed|ing))\s+"
        rf"{_COUNT}\s+(?:[\w-]+\s+){{0,1}}?(?P<kind>{_KIND})\b",
        re.IGNORECASE,
    ),
]
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Any other plural thing damaged, cut or severed ("three undersea cables were cut", "two pylons suffered
# damage"): the noun itself is the kind. People and spans of time are counted elsewhere or not at all.
# Where the things lie, between them and what befell them ("cables off Selm were cut", "lines in the
# Norland Sea and near Tarsk were severed"): up to two such phrases.
_WHERE = (
    r"(?:(?:in|off|near|between|under|across|along)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3}\s+)"
    r"{0,2}"
)
_THING = re.compile(
    rf"\b(?i:{_COUNT})\s+(?:[\w-]+\s+){{0,2}}?(?P<kind>[a-z]{{3,}}s)\b\s+{_WHERE}(?:(?:that|which)\s+)?"
    rf"(?:(?:were|have been|had been|got)\s+{_HOW}(?P<verb>{_DAMAGED}|cut|severed|ruptured|breached)"
    rf"|(?P<suffered>suffer(?:ed|ing)?\s+(?:[\w-]+\s+){{0,2}}?damage))\b",
)
_NOT_THINGS = frozenset(
    [*SUBGROUPS, *COUNTED, "people", "persons", "others", "residents", "victims", "civilians", "adults",
     "patients", "customers", "guests", "neighbours", "neighbors", "friends", "suspects", "years", "days",
     "hours", "minutes", "weeks", "months", "times", "percent", "dollars", "euros", "pounds", "miles",
     "kilometres", "kilometers", "metres", "meters", "feet", "inches", "acres", "hectares", "tons", "tonnes"]
)  # fmt: skip


def damage_counts(text: str) -> Iterator[Count]:
    """Every count of damaged or destroyed property in ``text`` (module docstring)."""
    taken: list[tuple[int, int]] = []
    for pattern in [*_PATTERNS, _THING]:
        for match in pattern.finditer(text):
            if pattern is _THING and match["kind"] in _NOT_THINGS | set(KINDS):
                continue
            value = parse_number(match["num"])
            if value is None or _YEAR.fullmatch(match["num"]) or match["num"].lower() in {"no", "none"}:
                continue
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            verb = (match["verb"] or "damaged").lower()
            attribute = "destroyed" if verb.startswith(tuple(v[:6] for v in _DESTROYED)) else "damaged"
            low, high = interval(match["qual"], value)
            kind = KINDS.get(match["kind"].lower(), match["kind"].lower())
            where = scope(text, match.start(), match.end())
            taken.append((match.start(), match.end()))
            group = f"{kind} in {where}" if where else kind
            yield Count(attribute, low, high, match.group(0), match.start(), match.end(), group)


_IN_PLACE = re.compile(r"\b[Ii]n\s+(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})")
_NOT_PLACES = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "A", "An"]
)  # fmt: skip


def scope(text: str, start: int, end: int) -> str | None:
    """The named place a count is given for: "in <Place>" before it in its sentence, or after it in its clause."""
    left, right = sentence_with_decimals(text, start, end)
    stop = clause_end(text, end, right)
    for match in [*_IN_PLACE.finditer(text, left, start), *_IN_PLACE.finditer(text, end, stop)]:
        if match["place"].split()[0] not in _NOT_PLACES:
            return match["place"]
    return None
