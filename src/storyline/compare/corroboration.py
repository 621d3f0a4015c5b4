"""Corroboration: facts that independent origins report, and facts only one origin reports.

Within each (subject, attribute) group, claims that agree (conflicts.agree)
form one fact. A fact is corroborated when at least two independent sources
report it: copies of one wire story share an origin and count once, and a
claim an article attributes to someone ("according to an agency") counts as
that source's, so two outlets relaying one agency are one source. Claims
whose sentences are one writer's (``copied``: the same sentence word for
word, or an edited sentence of two versions of one wire story that
link/duplicates did not join) count once too. Weak claims
(a quote whose speaker the sentence does not name, a count of one district)
join a fact but do not count toward its corroboration. A count is
corroborated only when two sources confirm one figure (``same_figure``). A fact that
only one origin reports goes to ``only_one_outlet`` (when the story has more
than one origin).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from .bearings import same_distance
from .conflicts import agree, group
from .facts import event_key_words
from .offices import titles_corroborate
from .quakes import same_magnitude
from .records import Claim, Corroboration
from .sources import same_source
from .times import same_happening

Copied = Callable[[Claim, Claim], bool]


def corroborate(
    claims: Iterable[Claim], copied: Copied | None = None
) -> tuple[list[Corroboration], list[Corroboration]]:
    """(corroborated, only_one_outlet) facts, most sources first.

    ``copied`` tells two claims whose sentences one writer wrote (StoryContext.copied);
    by default none are.
    """
    claims = list(claims)
    copied = copied or _never
    several_origins = len({c.origin for c in claims}) > 1
    corroborated, single = [], []
    for members in group(claims).values():
        for cluster in _clusters(members):
            fact = _fact(cluster, copied)
            origins = {c.origin for c in cluster}
            strong = [c for c in cluster if not c.weak]
            if any(_confirmed(same_figure(claim, strong), copied) for claim in strong):
                corroborated.append(fact)
            elif len(origins) == 1 and several_origins:
                single.append(fact)
    corroborated.sort(key=lambda f: -f.origins)
    return corroborated, single


def _confirmed(claims: list[Claim], copied: Copied) -> bool:
    return independent_sources(claims, copied) >= 2 and independent_sources(claims, copied, by_origin=True) >= 2


def same_figure(claim: Claim, claims: list[Claim]) -> list[Claim]:
    """The claims that give ``claim``'s figure: for counts, the claims that confirm the same number.

    Two counts that merely overlap do not confirm a figure when one is an open
    bound: "more than 120" and "more than 300" both allow 350, and "at least 25"
    allows 27, but no number has a second source. Counts confirm each other
    when both are finite and overlap ("about 25" and "26") or start at the
    same number ("at least 25" and "25"). Other kinds of fact: every claim.
    """
    if claim.kind not in {"number", "money"}:
        return claims
    low, high = claim.norm[0], claim.norm[1]
    return [
        c for c in claims
        if c.norm[0] == low or (math.isfinite(high) and math.isfinite(c.norm[1]) and agree(claim, c))
    ]  # fmt: skip


def _clusters(members: list[Claim]) -> list[list[Claim]]:
    """Claims that agree with a cluster's first claim join it; the rest start clusters of their own.

    Counts are different: "at least one" agrees with 12 and with 40, which do
    not agree with each other, so a count joins a cluster only when it agrees
    with every member, and the most precise counts seed the clusters.
    """
    clusters: list[list[Claim]] = []
    if members and members[0].kind in {"number", "money"}:
        members = sorted(members, key=lambda c: c.norm[1] - c.norm[0])
        for claim in members:
            home = next((c for c in clusters if all(agree(m, claim) for m in c)), None)
            if home is None:
                clusters.append([claim])
            else:
                home.append(claim)
        return clusters

    def joins(first: Claim, claim: Claim) -> bool:
        if claim.kind == "bearing":  # one side of a town, and about as far from it
            return agree(first, claim) and same_distance(first.norm[1], claim.norm[1])
        if claim.kind == "time":  # one instant of one quake, not two quakes of a series
            return agree(first, claim) and same_happening(first.norm, claim.norm)
        if claim.kind == "day":  # one day, not a weekday and a date that cannot be placed against it
            return bool(first.norm[0] == claim.norm[0])
        if claim.kind == "quake" and claim.attribute == "magnitude":  # one magnitude, not two quakes of a series
            return same_magnitude(first.norm, claim.norm)
        if claim.kind == "role":  # one job, not two jobs one person holds at once
            return titles_corroborate(first.norm, claim.norm)
        return agree(first, claim)

    for claim in members:
        home = next((c for c in clusters if joins(c[0], claim)), None)
        if home is None:
            clusters.append([claim])
        else:
            home.append(claim)
    return clusters


def _never(a: Claim, b: Claim) -> bool:
    return False


def independent_sources(claims: list[Claim], copied: Copied, *, by_origin: bool = False) -> int:
    """How many independent sources the claims have: claims of one source (``independence``, or the
    article's origin when ``by_origin``) or copied from one another's sentences count once."""
    parent = list(range(len(claims)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for i, a in enumerate(claims):
        for j in range(i):
            b = claims[j]
            same = a.origin == b.origin if by_origin else one_source(a, b)
            if root(i) != root(j) and (same or copied(a, b)):
                parent[root(i)] = root(j)
    return len({root(n) for n in range(len(claims))})


def one_source(a: Claim, b: Claim) -> bool:
    """Whether two claims are one source's: the same ``independence``, or two names of one relayed body."""
    if a.independence == b.independence:
        return True
    relayed = a.kind != "speaker" and b.kind != "speaker" and a.according_to and b.according_to
    return bool(relayed and same_source(a.according_to or "", b.according_to or ""))


def _fact(cluster: list[Claim], copied: Copied = _never) -> Corroboration:
    first = cluster[0]
    values = list(dict.fromkeys(c.value for c in cluster))
    sources, seen = [], set()
    for claim in cluster:
        if (claim.article, claim.start, claim.end) not in seen:
            seen.add((claim.article, claim.start, claim.end))
            sources.append(claim.source())
    return Corroboration(
        fact=describe(first, values),
        kind=first.kind,
        subject=first.subject,
        attribute=first.attribute,
        value=" / ".join(values),
        origins=independent_sources(cluster, copied),
        sources=tuple(sources),
    )


def describe(claim: Claim, values: list[str]) -> str:
    """A fact in words, for the brief: "X: senior adviser / presidential aide"."""
    shown = " / ".join(values)
    if claim.kind == "role":
        return f"{claim.subject}: {shown}"
    if claim.kind == "leads":
        return f"{claim.subject} leads the side of {shown}"
    if claim.kind == "mediator":
        return f"{shown} mediates"
    if claim.kind == "event" and claim.attribute == "happened":
        return event_key_words(claim.subject_key)
    if claim.kind == "event":
        return f"{event_key_words(claim.subject_key)}: {claim.attribute} {shown}"
    if claim.kind in {"number", "money"}:
        return f"{shown} ({claim.subject})"
    if claim.kind == "bearing":
        return f"{claim.subject}: {shown}"
    if claim.kind in {"person", "quake", "colour"}:
        return f"{claim.subject}: {claim.attribute} {shown}"
    return f"{shown} said {claim.subject}"
