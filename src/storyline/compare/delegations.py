"""Who leads whose side: "Ukrainian officials led by X", "Russia represented by X", "X, who led the Russian side".

In talks coverage the head of each delegation is a fact outlets repeat, and
it tells which state a person speaks for. Two patterns around a person's
mention, within one clause:

- before: a state word, up to three words, then "led/headed/represented by",
  up to five title words, then the person;
- after: the person, then "(who) led/leads/heads the <state word>
  side/delegation/team".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Analysis
from .context import country_in, country_of

_BY = re.compile(r"\b(?:led|headed|represented|fronted)\s+by\s+(?:[\w’'-]+\s+){0,5}$", re.IGNORECASE)
_AFTER = re.compile(
    r"^\s*,?\s*(?:who\s+)?(?:led|leads|heads|headed|leading|heading)\s+(?:the\s+)?(?P<party>[\w’'-]+(?:\s+[\w’'-]+)?)"
    r"\s+(?:side|delegation|team|negotiators)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[,;:(—–]|\band\b|\bwith\b|^")


def delegation_heads(analysis: Analysis) -> Iterator[tuple[str, str, int, int]]:
    """Yield (entity id, country, start, end) for each person the article says leads a state's side."""
    text = analysis.article.text
    for entity in analysis.entities:
        if entity.type != "PERSON":
            continue
        for start, end in entity.mentions:
            party = _party_before(text, start) or _party_after(text, end)
            if party:
                yield entity.id, party, start, end


def _party_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 120) : start]
    match = _BY.search(window)
    if not match:
        return None
    clause = window[: match.start()]
    cut = max((m.end() for m in _CLAUSE_START.finditer(clause)), default=0)
    words = clause[cut:].split()[-4:]
    for i in range(len(words) - 1, -1, -1):
        found = country_of(words[i].strip(".,;:"))
        if found:
            return found
    return None


def _party_after(text: str, end: int) -> str | None:
    match = _AFTER.match(text[end : end + 80])
    return country_in(match["party"]) if match else None
