"""Conflicts: the same attribute of the same subject reported incompatibly by different origins.

Claims are grouped by subject and attribute. Two articles (of different
origins) conflict on a group when no value of one agrees with any value of the
other (:func:`agree`): a person may hold two offices, so one matching title
is enough. Each conflict lists one value per article, with outlet, date,
sentence and span.

``kind``:
- ``update`` when every disagreeing pair is a count that grew in the later
  report (tolls rise as news comes in);
- ``attributed`` when a value is a claim the article attributes to someone
  else (an agency, a spokesperson): the value carries ``according_to``;
- ``disagreement`` otherwise.

Two titles of different families do not conflict when some article of the
story gives the person both (a team's "president" who is also its "general
manager"). A weak claim (records.Claim) never makes a conflict. Titles keep ``disagreement`` even when the
  later article differs: titles change over time, and the values carry their
  publication dates for the reader to judge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from .bearings import bearings_compatible
from .colours import colours_compatible
from .days import days_compatible
from .money import RATES, sums_compatible
from .names import variants
from .numbers import GROWING, overlap
from .offices import titles_compatible
from .orgnames import OrgName
from .orgnames import variants as org_variants
from .quakes import depths_compatible, magnitudes_compatible
from .records import Claim, Conflict, ConflictValue
from .times import times_compatible
from .values import dates_compatible, places_compatible, speakers_agree


def agree(a: Claim, b: Claim) -> bool:
    """Whether two claims on one subject and attribute are compatible, by kind of value."""
    if a.kind == "role":
        return titles_compatible(a.norm, b.norm)
    if a.kind == "number":
        return overlap(a.norm, b.norm)
    if a.attribute in {"place", "home town"}:
        return places_compatible(a.norm, b.norm)
    if a.attribute == "date":
        return dates_compatible(a.norm, b.norm)
    if a.kind == "speaker":
        return speakers_agree(a.norm, b.norm)
    if a.kind == "bearing":
        return bearings_compatible(a.norm[0], b.norm[0])
    if a.kind == "time":
        return times_compatible(a.norm, b.norm)
    if a.kind == "name":
        return (org_variants if isinstance(a.norm, OrgName) else variants)(a.norm, b.norm)
    if a.kind == "day":
        return days_compatible(a.norm, b.norm)
    if a.kind == "money":
        return sums_compatible(a.norm, b.norm)
    if a.kind == "colour":
        return colours_compatible(a.norm, b.norm)
    if a.kind == "quake":
        return (magnitudes_compatible if a.attribute == "magnitude" else depths_compatible)(a.norm, b.norm)
    return bool(a.norm == b.norm)


def group(claims: Iterable[Claim]) -> dict[tuple[str, str, str], list[Claim]]:
    """Claims by (kind, subject key, attribute)."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.kind, claim.subject_key, claim.attribute)].append(claim)
    return groups


def find_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    """Every conflict among the claims, in the order their subjects first appear."""
    conflicts = []
    groups = group(claims)
    for (kind, _key, attribute), members in groups.items():
        if kind == "event" and attribute == "happened":
            continue  # that an event happened is corroborated or not, never contradicted
        if kind == "mediator":
            continue  # talks can have several mediators; naming one does not deny another
        by_article: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in members:
            by_article[voice(claim)].append(claim)
        held = held_together(members) if kind == "role" else set()
        pairs = []
        for a_id, b_id in combinations(by_article, 2):
            a_claims, b_claims = by_article[a_id], by_article[b_id]
            if a_claims[0].origin == b_claims[0].origin:
                continue
            if any(agree(a, b) or (held and _held(a, b, held)) for a in a_claims for b in b_claims):
                continue
            if attribute == "age" and any(_a_birthday_apart(a, b) for a in a_claims for b in b_claims):
                continue
            a_claims, b_claims = [c for c in a_claims if not c.weak], [c for c in b_claims if not c.weak]
            if not a_claims or not b_claims:
                continue
            pairs.append((a_claims[0], b_claims[0]))
        if pairs:
            conflicts.append(_conflict(pairs))
    return conflicts + parts_exceeding_wholes(groups)


def parts_exceeding_wholes(groups: dict[tuple[str, str, str], list[Claim]]) -> list[Conflict]:
    """A tally for one named place larger than another outlet's tally for the whole happening.

    Damage counts and costs that name their place are compared only with those
    for the same place (damage.py); but a part cannot exceed the whole, so
    "240 shops in Tarsk" against "90 shops" in all, or a cost of "150 million
    euros in Tarsk alone" against "$3 million" in all, disagree.
    """
    conflicts = []
    for (kind, key, attribute), parts in groups.items():
        wholes = groups.get((kind, key.rsplit(" in ", 1)[0], attribute)) if " in " in key else None
        if kind not in {"number", "money"} or not wholes:
            continue
        pairs, seen = [], set()
        for part, whole in ((p, w) for p in parts for w in wholes if not p.weak and not w.weak):
            if part.origin != whole.origin and voice(part) not in seen and _exceeds(part, whole):
                seen.add(voice(part))
                pairs.append((part, whole))
        if pairs:
            conflicts.append(_conflict(pairs))
    return conflicts


def _exceeds(part: Claim, whole: Claim) -> bool:
    if part.kind == "number":
        return bool(part.norm[0] > whole.norm[1])
    return (
        not sums_compatible(part.norm, whole.norm)
        and part.norm[0] * RATES[part.norm[2]] > whole.norm[1] * RATES[whole.norm[2]]
    )


def _a_birthday_apart(a: Claim, b: Claim) -> bool:
    """Ages one year apart: a birthday may fall between two reports (a trial months after the arrest).

    They neither conflict nor corroborate: neither outlet need be wrong.
    """
    return a.norm.isdigit() and b.norm.isdigit() and abs(int(a.norm) - int(b.norm)) == 1


def voice(claim: Claim) -> tuple[str, str]:
    """Who states a claim: the article, and the source it attributes the claim to (a speaker's quote is its own).

    An article that reports an early figure ("local news first reported two
    dead") next to its own ("one died") holds two voices; each is compared
    with the other articles on its own.
    """
    source = "" if claim.kind == "speaker" else " ".join((claim.according_to or "").lower().split())
    return claim.article, source


def held_together(members: list[Claim]) -> set[frozenset[str]]:
    """Pairs of office families one article gives the same person: the story shows they are held together."""
    families: dict[str, set[str]] = defaultdict(set)
    for claim in members:
        families[claim.article] |= {o.family for o in claim.norm if o.family}
    return {frozenset(pair) for found in families.values() for pair in combinations(sorted(found), 2)}


def _held(a: Claim, b: Claim, held: set[frozenset[str]]) -> bool:
    return any(frozenset({x.family, y.family}) in held for x in a.norm for y in b.norm if x.family != y.family)


def _conflict(pairs: list[tuple[Claim, Claim]]) -> Conflict:
    sides: dict[tuple[str, str], Claim] = {}
    for a, b in pairs:
        sides.setdefault(voice(a), a)
        sides.setdefault(voice(b), b)
    ordered = sorted(sides.values(), key=lambda c: (c.published or "9999", c.article))
    if all(_is_update(a, b) for a, b in pairs):
        kind = "update"
    elif any(c.according_to for c in ordered):
        kind = "attributed"
    else:
        kind = "disagreement"
    first = ordered[0]
    return Conflict(first.subject, first.attribute, kind, tuple(ConflictValue(c.value, c.source()) for c in ordered))


def _is_update(a: Claim, b: Claim) -> bool:
    """A growing tally (a toll, not a crowd) that is larger in the strictly later report."""
    if a.kind != "number" or not a.published or not b.published or a.published == b.published:
        return False
    if a.subject_key.removeprefix("count:").split(":")[0] not in GROWING:
        return False
    earlier, later = (a, b) if a.published < b.published else (b, a)
    return bool(later.norm[0] > earlier.norm[1])
