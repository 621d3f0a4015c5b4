"""When two values of one attribute agree: places, dates and names.

- Places: the same name, or a capital and its country, agree; so does a
  country and a place the gazetteer does not know (it may lie inside). Two
  different countries, two different capitals, or a capital and another
  country disagree; so do two different places neither of which is a country.
- Dates: ISO values agree when the periods overlap ("2026-02-19" lies in
  "2026-02" and in "2026-W08"); "Thursday" was resolved to its date by
  analyze/time, so it agrees with that date.
- Names (who said or did something): one name's words are a subset of the
  other's ("Zelenskyy" and "Volodymyr Zelenskyy"); a description ("the
  55-year-old", "a village resident", "police") or a bare initial may stand
  for anyone, so it agrees with any name.
- Speakers of one quote (:class:`Speaker`): names that agree, or one
  outlet's sentence names the other outlet's speaker in full outside the
  quote. Such a sentence names two candidates ("said Harbor Group chief
  Dana Kettle"), and picking the group in one article and the person in the
  other is a reading of two sentences that agree, not a disagreement.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import NamedTuple

from ..analyze.entities.gazetteer import CAPITALS
from .context import country_of, normalise
from .names import PARTICLES


def places_compatible(a: str, b: str) -> bool:
    """True unless the two places are known, or likely, to be different (see the module docstring)."""
    na, nb = normalise(a).removeprefix("the "), normalise(b).removeprefix("the ")
    if na == nb or na in nb or nb in na:
        return True
    country_a, country_b = country_of(na), country_of(nb)
    if country_a and country_b:
        return country_a == country_b
    return bool((country_a and na not in CAPITALS) or (country_b and nb not in CAPITALS))


def date_range(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO value covers: day, month, year, week or "start/end"; None if unreadable."""
    if "/" in value:
        start, _, end = value.partition("/")
        first, last = date_range(start), date_range(end)
        return (first[0], last[1]) if first and last else None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if week:
            monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
            return monday, monday + timedelta(days=6)
    except ValueError:
        return None
    return None


def dates_compatible(a: str, b: str) -> bool:
    """True when the two periods overlap, or when either cannot be read."""
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return True
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def sort_key(value: str | None) -> tuple[int, str]:
    """Oldest first; unreadable values after readable ones."""
    found = date_range(value) if value else None
    return (0, found[0].isoformat() + value) if found and value else (1, value or "")


_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "one", "another"})


def is_description(name: str) -> bool:
    """Whether a speaker is described rather than named: a determiner or a lower-case word first, or initials.

    A name may start with a lower-case particle ("de Vries", "van der Berg", "al-Rashid",
    "d'Ormesson"): that is a name when a capitalised word follows the particles.
    """
    words = name.split()
    if not words:
        return True
    if all(len(w.strip(".")) <= 1 for w in words):
        return True
    if words[0].lower() in _DETERMINERS:
        return True
    return words[0][0].islower() and not _particle_name(words)


def _particle_name(words: list[str]) -> bool:
    """Whether the words are particles followed by a capitalised word ("van der Berg", "al-Rashid")."""
    for word in words:
        parts = re.split(r"(?<=\w)[-'’](?=\w)", word)
        while parts and parts[0] in PARTICLES:
            parts = parts[1:]
        if parts:
            return parts[0][:1].isupper()
    return False


def names_compatible(a: str, b: str) -> bool:
    """One name's words are within the other's ("Zelenskyy" in "Volodymyr Zelenskyy"), or one is a description."""
    if is_description(a) or is_description(b):
        return True
    wa, wb = set(normalise(a).split()), set(normalise(b).split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


class Speaker(NamedTuple):
    """Who a quote is given to: the name, and its sentence's words outside the quote (where other names stand)."""

    name: str
    frame: str


def named_in_full(name: str, sentence: str) -> bool:
    """Whether every capitalised word of ``name`` (two letters or more) occurs in ``sentence``.

    Compared in ``normalise``'s form, a plural s left out: the possessive of a plural name is often
    written with "'s" ("Alder Seafood's Anna Varga" names "Alder Seafoods"). A name with no
    capitalised word ("police") is never named in full.
    """
    found = {_singular(w) for w in normalise(sentence).split()}
    words = [w for w in re.findall(r"\b\w[\w'’-]+", name) if w[0].isupper()]
    return bool(words) and all(_singular(p) in found for w in words for p in normalise(w).split())


def _singular(word: str) -> str:
    """A word without a plural ending ("supplies" -> "supply", "foods" -> "food"; not "-ss")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def speakers_agree(a: Speaker, b: Speaker) -> bool:
    """Names that agree, or one sentence names the other's speaker in full outside the quote (module docstring)."""
    return names_compatible(a.name, b.name) or named_in_full(b.name, a.frame) or named_in_full(a.name, b.frame)
