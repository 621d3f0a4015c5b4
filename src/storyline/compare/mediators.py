"""Who mediates: "talks brokered by Norway", "Qatari mediators", "with Egypt as mediator".

Outlets covering talks name the third party that brings the sides together,
and that the same state mediates is a fact worth counting across outlets.
A party counts when a state word (a country, its capital, its demonym or an
institution standing for it, as ``context.country_of`` reads them) is tied
to a mediation word in one of four shapes:

- "mediated/brokered/facilitated by" followed within three words by it (or
  by "the <leader> administration/government", a leader the story ties to a state);
- it, a hyphen, then "mediated/brokered" ("Omani-brokered talks");
- it directly before "mediator(s)/mediation" ("Swiss mediators");
- it, then "as (a/the) mediator" or "is/was mediating" within three words.

Two outlets naming different mediators are not treated as a disagreement:
talks often have more than one, and an outlet naming one does not deny the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..model import Analysis
from .context import country_in, country_of

_STATE = r"(?P<party>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})"
_BY = re.compile(r"\b(?:mediated|brokered|facilitated|co-mediated)\s+by\s+(?P<after>(?:[\w’'.-]+\s*){1,3})")
_LEADER = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w’'-]+)\s+(?:administration|government|White House)\b")
_WORDS_BETWEEN = r"(?:,?\s+[\w’'-]+){0,3}?,?\s+"
_BEFORE = [
    re.compile(_STATE + r"-(?:mediated|brokered|led mediation)\b"),
    re.compile(_STATE + r"\s+(?:mediators?|mediation|go-betweens?)\b"),
    re.compile(_STATE + _WORDS_BETWEEN + r"(?:acting\s+|serving\s+)?as\s+(?:a\s+|the\s+|chief\s+)?mediators?\b"),
    re.compile(_STATE + _WORDS_BETWEEN + r"(?:which\s+|who\s+)?(?:is|was|has been|were|are)\s+mediating\b"),
]


def mediators(
    analysis: Analysis, party_of: Callable[[str], str | None] | None = None
) -> Iterator[tuple[str, int, int]]:
    """Yield (country, start, end) for each state the article says mediates, each state once.

    ``party_of`` resolves a leader's name for "brokered by the Lind
    government/administration": the state that leader stands for in the
    story (compare/parties.py), when some article gives the leader a title
    naming it; a name that resolves to no state gives no claim.
    """
    text = analysis.article.text
    seen: set[str] = set()
    found: list[tuple[str, int, int]] = []
    for match in _BY.finditer(text):
        after = match["after"].strip().rstrip(".")
        party = country_in(match["after"]) or country_in(after)
        leader = _LEADER.match(after)
        if party is None and leader and party_of is not None:
            party = party_of(leader["name"])
        if party:
            found.append((party, match.start(), match.end()))
    for pattern in _BEFORE:
        for match in pattern.finditer(text):
            party = _state(match["party"])
            if party:
                found.append((party, match.start(), match.end()))
    for party, start, end in sorted(found, key=lambda f: f[1]):
        if party not in seen:
            seen.add(party)
            yield party, start, end


def _state(phrase: str) -> str | None:
    """The state the words right before a mediation word name: the longest ending that is one."""
    words = phrase.split()
    for i in range(len(words)):
        found = country_of(" ".join(words[i:]))
        if found:
            return found
    return None
