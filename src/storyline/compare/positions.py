"""Positions: per party and issue, the stance and the quotes or events that show it.

- Party: the state or organisation a speaker or an event's actor stands for
  (parties.py); commentators have none and are left out.
- Issue: ``ISSUES`` below, a small keyword table per issue, matched in the
  quote or the event's sentence. Territory also matches a place that is not a
  state (a region, a town) next to a word of giving or taking land
  ("concessions in <region>", "withdraw from <region>").
- Stance: for an event, from its PLOVER type (``EVENT_STANCE``; a denied
  agreement or concession is a rejection); for a quote, from the first stance
  word of ``QUOTE_STANCE`` in its cue and text, else "states".

Evidence of one (party, issue, stance) is listed oldest first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..analyze.events.trust import with_untold
from ..model import Analysis, Event, Quote
from .context import StoryContext, country_of, sentence_bounds
from .parties import Parties
from .records import Position, PositionEvidence

# Issue -> patterns (case-insensitive) that put a quote or event sentence on it.
ISSUES: dict[str, tuple[str, ...]] = {
    "territory": (r"territor\w*", r"\bland\b", r"\bregions?\b", r"\bborders?\b", r"\bannex\w*", r"\boccup\w+"),
    "ceasefire": (r"cease-?fire", r"\btruce\b", r"\barmistice\b"),
    "security guarantees": (r"security guarantees?", r"security assurances?", r"security (?:parameters|arrangements)"),
    "elections": (r"\belections?\b", r"\bvote\b", r"\bpoll\b", r"\bballot\b", r"martial law"),
    "sanctions": (r"\bsanctions?\b", r"\bembargo\b", r"\btariffs?\b"),
    "prisoners": (r"\bprisoners?\b", r"\bPOWs?\b", r"\bcaptives?\b", r"\bdetainees\b", r"\bhostages?\b"),
    "negotiations": (r"\bnegotiat\w+", r"\btalks\b", r"\bdeal\b", r"\bpeace\b", r"\b(?:end|ending) (?:to )?the war\b",
                     r"\bproposals?\b", r"\bdialogue\b", r"\bmeetings?\b"),
    "military aid": (r"\bmilitary aid\b", r"\bweapons\b", r"\barms\b", r"\bdefen[cs]e exports?\b", r"\bmissiles?\b"),
}  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[,;:.]|\band (?=has|have|had|is|was|will|also)\b")
_LAND_VERBS = re.compile(r"\b(?:concessions?|concede|cede|withdraw\w*|hand over|give up|control)\b", re.I)

# PLOVER event type -> stance of its actor.
EVENT_STANCE: dict[str, str] = {
    "DEMAND": "demands", "REJECT": "rejects", "DISAPPROVE": "criticises", "THREATEN": "threatens",
    "SUPPORT": "supports", "AGREE": "agrees", "CONCEDE": "concedes", "CONSULT": "engages",
    "COOPERATE": "supports", "AID": "supports", "RETREAT": "concedes", "SANCTION": "pressures",
    "COERCE": "pressures", "PROTEST": "protests", "MOBILIZE": "mobilises",
}  # fmt: skip
_DENIED_STANCE = {
    "AGREE": "rejects",
    "SUPPORT": "rejects",
    "CONCEDE": "rejects",
    "CONSULT": "rejects",
    "RETREAT": "rejects",
}

# Stance words in a quote's cue or text, first match wins (so doubt beats demand in
# "unsure whether they must"): stance -> pattern.
QUOTE_STANCE: tuple[tuple[str, str], ...] = (
    ("doubts", r"\b(?:uncertain|unsure|doubts?|doubtful|sceptical|skeptical|unclear|not convinced)\b"),
    ("rejects", r"\b(?:reject\w*|rule[sd]? out|refuse\w*|oppose\w*|cannot|will not|won't|never|mistake)\b"),
    ("criticises", r"\b(?:accuse\w*|criticis\w+|criticiz\w+|condemn\w*|blame\w*|drag\w* out)\b"),
    ("demands", r"\b(?:must|needs? to|should|demand\w*|urge\w*|insist\w*|call(?:s|ed)? for|argue\w*)\b"),
    ("proposes", r"\b(?:propos(?:e|es|ed|ing)|suggest\w*|offer(?:s|ed|ing)?)\b"),
    ("supports", r"\b(?:support\w*|welcome\w*|endorse\w*|back(?:s|ed)?)\b"),
)


def find_positions(context: StoryContext, parties: Parties) -> list[Position]:
    """Every (party, issue, stance) the story's quotes and events show, with evidence oldest first."""
    evidence: dict[tuple[str, str, str], dict[tuple[str, int], PositionEvidence]] = defaultdict(dict)
    for index, analysis in enumerate(context.analyses):
        for party, stance, start, end, item in _statements(context, parties, index):
            left, right = sentence_bounds(analysis.article.text, start, end)
            wider = issues(analysis, left, right) if isinstance(item.speaker, str) and item.kind != "event" else []
            for issue in issues(analysis, start, end) or wider:
                evidence[(party, issue, stance)].setdefault((analysis.article.id, left), item)
    positions = [
        Position(party, issue, stance, tuple(sorted(found.values(), key=_when)))
        for (party, issue, stance), found in evidence.items()
    ]
    return sorted(positions, key=lambda p: (p.party, p.issue, p.stance))


def _when(item: PositionEvidence) -> tuple[str, str, int]:
    return (item.date or "9999", item.article, item.start)


def _statements(
    context: StoryContext, parties: Parties, index: int
) -> Iterator[tuple[str, str, int, int, PositionEvidence]]:
    """(party, stance, start, end, evidence) for each event and quote of one article."""
    analysis = context.analyses[index]
    article = analysis.article
    for event in with_untold(analysis.events, analysis.held_back):
        stance = _DENIED_STANCE.get(event.type) if event.status == "denied" else EVENT_STANCE.get(event.type)
        actors = parties.of_phrase(index, event.actor, event.actor_id)
        if (
            stance is None
            or event.status in {"demanded", "hedged"}
            or _someone_elses(context, parties, index, event, actors)
        ):
            continue
        text = " ".join(context.sentence(analysis, event.start, event.end).split())
        item = PositionEvidence(article.id, article.outlet, event.date or article.published, text,
                                event.actor_text or event.actor, event.start, event.end, event.source)  # fmt: skip
        start, end = event_clause(article.text, event)
        for party in actors:
            yield party, stance, start, end, item
    for quote in analysis.quotes:
        if not is_statement(quote):
            continue
        speaker_parties = _speaker_parties(context, parties, index, quote.speaker, quote.speaker_id)
        if not speaker_parties:
            continue
        stance = quote_stance(f"{quote.cue or ''} {quote.text}")
        item = PositionEvidence(article.id, article.outlet, article.published, quote.text.strip(),
                                quote.speaker, quote.start, quote.end, quote.via, quote.kind)  # fmt: skip
        for party in speaker_parties:
            yield party, stance, quote.start, quote.end, item


def is_statement(quote: Quote) -> bool:
    """Whether a quote states something: words in marks with no verb of speech do not.

    "a licence for 'up to $5 million'" quotes a phrase someone wrote; it is kept among the
    article's quotes but shows no stance and is not listed as what its speaker said.
    """
    return not (quote.kind == "partial" and quote.cue is None)


def _someone_elses(context: StoryContext, parties: Parties, index: int, event: Event, actors: frozenset[str]) -> bool:
    """An event a person of another party states ("X wants a deal", says Y) shows Y's view, not X's stance."""
    if not event.source:
        return False
    key = context.key_for_name(context.analyses[index], event.source)
    if key is None or context.types.get(key) != "PERSON":
        return False
    return parties.of_key(key) not in actors


def event_clause(text: str, event: Event) -> tuple[int, int]:
    """The event's own clause: from its trigger to the next clause break, so a sentence's other clauses
    ("has not announced a poll and has argued that ...") do not lend it their issues."""
    sentence = text[event.start : event.end]
    first = (event.trigger or "").split()[:1]
    found = re.search(rf"\b{re.escape(first[0])}", sentence, re.I) if first else None
    if not found:
        return event.start, event.end
    stop = _CLAUSE_BREAK.search(sentence, found.end())
    return event.start + found.start(), event.start + (stop.start() if stop else len(sentence))


def _speaker_parties(
    context: StoryContext, parties: Parties, index: int, speaker: str | None, speaker_id: str | None
) -> frozenset[str]:
    if speaker_id:
        party = parties.of_key(context.key(context.analyses[index], speaker_id))
        return frozenset({party}) if party else frozenset()
    return parties.of_phrase(index, speaker)


def quote_stance(text: str) -> str:
    """The stance a quote (with its cue verb) shows, by the first matching row of QUOTE_STANCE."""
    for stance, pattern in QUOTE_STANCE:
        if re.search(pattern, text, re.IGNORECASE):
            return stance
    return "states"


def issues(analysis: Analysis, start: int, end: int) -> list[str]:
    """The issues a span is about: ISSUES keywords in its text, or land words next to a region.

    A quote with no issue word of its own is read with its sentence ("ruled out
    concessions in <region>, saying: ...").
    """
    text = analysis.article.text[start:end]
    found = [issue for issue, patterns in ISSUES.items() if any(re.search(p, text, re.I) for p in patterns)]
    if "territory" not in found and _LAND_VERBS.search(text) and _region_in(analysis, start, end):
        found.insert(0, "territory")
    return found


def _region_in(analysis: Analysis, start: int, end: int) -> bool:
    """A place in the span that is not a state: a region or town, the kind of place land talks are about."""
    for entity in analysis.entities:
        place = entity.type in {"GPE", "LOC"} and country_of(entity.name) is None
        if place and any(start <= s and e <= end for s, e in entity.mentions):
            return True
    return False
