"""Phrases that more than one analysis family reads, read one way.

"According to X" credits a claim to X: the speech family turns it into an
attribution or an indirect quote, the events family into the source of an
event. Both read the phrase here, so a fix (such as "according to plan"
naming a manner, not a source) holds for both. So does a dateline: the city
that opens a report ("PORT ELM — ...") is neither a speaker nor an actor. This module sits beside the
families and imports none of them, so any family may import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# "according to plan" means "as planned": these objects name a manner, not a source.
MANNER_NOUNS = {"plan", "schedule", "tradition", "custom", "protocol", "script", "form", "expectation", "design"}
# "according to their preference" says how people chose, not who claims it.
MANNER_NOUNS |= {"preference", "taste", "instinct", "whim", "liking", "mood"}


def according_to(token: Token) -> Token | None:
    """The source of an "according to X" phrase headed by ``token``, if it is one."""
    if token.lower_ != "according":
        return None
    source = None
    for child in token.children:
        if child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            source = objects[0] if objects else None
            break
    else:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ == "to" and nxt.i + 1 < len(token.doc):
            source = nxt.nbor(1)
    if source is not None and source.pos_ == "NOUN" and source.lemma_.lower() in MANNER_NOUNS:
        return None
    return source


def dateline(token: Token) -> bool:
    """A place that opens the sentence before a dash or a news agency ("PORT ELM — ...", "ALDER (Wire) -")."""
    sent = token.sent
    if token.i - sent.start > 4 or token.ent_type_ not in {"GPE", "LOC"}:
        return False
    after = [t for t in sent[token.i - sent.start + 1 : token.i - sent.start + 6] if t.ent_iob_ != "I"]
    return any(t.text in {"—", "–", "--", "-", "("} for t in after[:3])
