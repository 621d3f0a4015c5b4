"""Parties: the state or organisation a name stands for in a story.

"Kyiv", "Ukraine", "Ukrainian officials" and "the Kremlin" stand for
governments (the gazetteer in analyze/entities). A person stands for the state
their title names in any article ("Ukrainian President", "Kremlin
spokesperson", a role whose org is a state) or whose side they lead
(delegations.py); a leader whose titles name no state stands for the state
of their envoy or adviser ("Lind's special envoy" with a state's title); any
other person whose title names no state stands for themselves.
Commentators (analysts, experts) are nobody's party. An organisation that is
not a seat of government stands for itself; a place that is not a state
(a city, a region) is no party.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from ..model import Analysis
from .context import StoryContext, country_in, country_of
from .delegations import delegation_heads
from .offices import COMMENTATORS, parse_office

_AGENT_OF = re.compile(
    r"^(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+(?:\w+\s+){0,2}?"
    r"(?:envoy|special envoy|representative|adviser|advisor|aide|spokesperson|spokesman|spokeswoman|negotiator|"
    r"emissary|chief of staff)s?$"
)


class Parties:
    """Party of each entity key of a story, computed once from every article's roles and delegations."""

    def __init__(self, context: StoryContext) -> None:
        self.context = context

    @cached_property
    def _by_key(self) -> dict[str, str | None]:
        votes: dict[str, Counter[str]] = {}
        commentators: set[str] = set()
        for analysis in self.context.analyses:
            for entity in analysis.entities:
                key = self.context.key(analysis, entity.id)
                if key is None:
                    continue
                tally = votes.setdefault(key, Counter())
                if entity.type != "PERSON":
                    found = country_of(entity.name)
                    if found:
                        tally[found] += 1
                    continue
                for role in entity.roles:
                    if parse_office(role.title).family in COMMENTATORS:
                        commentators.add(key)
                    found = country_of(role.org) or country_in(role.title)
                    if found:
                        tally[found] += 1
            for entity_id, country, _start, _end in delegation_heads(analysis):
                key = self.context.key(analysis, entity_id)
                if key is not None:
                    votes.setdefault(key, Counter())[country] += 2
        for principal, agent in self._principals():
            state = next((c for c, _ in votes.get(agent, Counter()).most_common(1)), None)
            if state and not votes.get(principal):
                votes.setdefault(principal, Counter())[state] += 1
        parties: dict[str, str | None] = {}
        for key, tally in votes.items():
            if tally:
                parties[key] = tally.most_common(1)[0][0]
            elif key in commentators or self.context.types.get(key) in {"GPE", "LOC", "FAC", "NORP"}:
                parties[key] = None
            else:
                parties[key] = self.context.names.get(key)
        return parties

    def _principals(self) -> list[tuple[str, str]]:
        """(principal, agent) keys for roles such as "Lind's special envoy": the agent speaks for the principal.

        An envoy, adviser or spokesperson of a leader serves the leader's
        state, so a leader whose own titles name no state ("President Lind")
        stands for the state the envoy's titles name ("Norwegian mediator").
        Only offices that act for someone count; "Lind's son-in-law" does not.
        """
        pairs = []
        for analysis in self.context.analyses:
            for entity in analysis.entities:
                agent = self.context.key(analysis, entity.id)
                if entity.type != "PERSON" or agent is None:
                    continue
                for role in entity.roles:
                    match = _AGENT_OF.match(role.title)
                    principal = self.context.key_for_name(analysis, match["name"]) if match else None
                    principal = principal or (self._person_by_surname(analysis, match["name"]) if match else None)
                    if principal and principal != agent:
                        pairs.append((principal, agent))
        return pairs

    def _person_by_surname(self, analysis: Analysis, name: str) -> str | None:
        keys = {
            self.context.key(analysis, e.id)
            for e in analysis.entities
            if e.type == "PERSON" and e.name.split()[-1:] == name.split()[-1:]
        }
        return keys.pop() if len(keys) == 1 else None

    def of_key(self, key: str | None) -> str | None:
        return None if key is None else self._by_key.get(key)

    def of_name(self, analysis_index: int, name: str | None) -> str | None:
        """Party of a name as an article writes it ("Ukraine", "Moscow", "Zelenskyy"), via its entity if any."""
        if not name:
            return None
        analysis = self.context.analyses[analysis_index]
        key = self.context.key_for_name(analysis, name)
        return self.of_key(key) if key else country_of(name)

    def of_phrase(self, analysis_index: int, phrase: str | None, entity_id: str | None = None) -> frozenset[str]:
        """Parties in an event's actor or target phrase: "Ukraine and Russia" -> both."""
        if not phrase:
            return frozenset()
        found = set()
        for piece in _split(phrase):
            party = self.of_name(analysis_index, piece) or country_in(piece)
            if party:
                found.add(party)
        if not found and entity_id:
            analysis = self.context.analyses[analysis_index]
            party = self.of_key(self.context.key(analysis, entity_id))
            if party:
                found.add(party)
        return frozenset(found)


def _split(phrase: str) -> list[str]:
    return [p.strip() for p in phrase.replace(" and ", ",").replace("&", ",").split(",") if p.strip()]
