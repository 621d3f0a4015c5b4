"""Attributions: claims the article credits to another source.

Where quotes record what a speaker said, an attribution records who the
writer relies on for a claim: another outlet ("according to Reuters", "The
Guardian reports", "a condition Reuters reported remains ..."), a document
("the report said"), an unnamed source ("officials said", "sources familiar
with the talks"), or a named person or body in an "according to" phrase.
Belief and evidence verbs with a clause ("investigators believe the fire was
set", "the poll showed that ...") credit a claim to any kind of source: no
one is quoted, so the quotes component leaves them, but the claim still
rests on that source's judgement.
The span is the claim itself, so a reader can check which statements of the
article rest on someone else's word.

Source types come from generic evidence (:func:`cues.source_type`): an
organisation that "reported" something, or whose name carries media words,
is an outlet, with a short list of wire services as a prior only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicon import BELIEF_VERBS, EVIDENCE_VERBS, SPEECH_VERBS
from ...model import Attribution, Entity
from ...settings import Settings
from .. import docindex
from ..entities.entities import MentionIndex
from ..phrases import according_to
from ..registry import Found, component
from . import cues
from .clauses import (
    claim_around,
    content_span,
    hypothetical_saying,
    no_ones_statement,
    on_line,
    request_span,
    speaker_token,
    surface_span,
    tokens_span,
    unrealised_saying,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Speech by these kinds of source is a claim the writer relays; speech by a
# named person or organisation is a quote, found by the quotes component.
_RELAYED = frozenset({"outlet", "document", "anonymous"})


@dataclass(frozen=True, slots=True)
class AttributionDetail:
    """An Attribution plus where its source and cue are written in the text."""

    attribution: Attribution
    source_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None


@component("attributions", fills="attributions", requires=("entities",))
def find_attributions(doc: Doc, *, found: Found, settings: Settings) -> Iterator[Attribution]:
    """Yield the claims of one article credited to outlets, documents or sources."""
    for detail in attribution_details(doc, found.entities):
        yield detail.attribution


def attribution_details(doc: Doc, entities: Iterable[Entity]) -> list[AttributionDetail]:
    """All attributions of ``doc`` with source and cue spans, in text order."""
    known = MentionIndex(entities)
    found: dict[tuple[int, int], AttributionDetail] = {}
    for token in _cue_words(doc):
        detail = (
            _according_to(token, known)
            or _reported(token, known)
            or _citing(token, known)
            or _believed(token, known)
            or _called_for(token, known)
            or _accused(token, known)
        )
        if detail is not None:
            key = (detail.attribution.start, detail.attribution.end)
            found.setdefault(key, detail)
    return sorted(found.values(), key=lambda d: (d.attribution.start, d.attribution.end))


# Built once: the cue scan runs on every article.
_JUDGEMENT_VERBS = BELIEF_VERBS | EVIDENCE_VERBS
# "call" asks for something ("called for a ceasefire", "called on X to
# leave") but is no speech verb: "called him a liar" names, "called the
# office" phones, so it makes no quote and only _called_for reads it.
_CALL = "call"
# Verbs that charge someone with something, and the preposition that
# carries the charge: "accused X of hiding ...", "blamed X for ...". The
# charge is a claim of the accuser's, though no words are quoted.
_CHARGES = {"accuse": "of", "blame": "for", "criticize": "for", "criticise": "for", "fault": "for"}
_CUE_VERBS = SPEECH_VERBS | cues.CREDIT_VERBS | _JUDGEMENT_VERBS | {_CALL} | _CHARGES.keys()


def _cue_words(doc: Doc) -> list[Token]:
    """The tokens that can cue an attribution, in order: "according", "citing",
    speech, report, belief and evidence verbs."""
    words = docindex.words(doc)
    cue = zip(words.lower, words.lemma, strict=True)
    return [doc[i] for i, (lower, lemma) in enumerate(cue) if lemma in _CUE_VERBS or lower in _CUE_WORDS]


_CUE_WORDS = frozenset({"according", "citing", "quoting"})


def _according_to(token: Token, entities: MentionIndex) -> AttributionDetail | None:
    """ "According to X, claim" and "claim, according to X", any kind of X."""
    source = according_to(token)
    claim = claim_around(token) if source is not None else None
    if source is None or claim is None:
        return None
    cue_end = token.nbor(1) if token.i + 1 < len(token.doc) else token
    cue = (token.idx, cue_end.idx + len(cue_end.text))
    return _detail(source, _type(source, "", entities), cue, claim, entities, "according-to", 0.8)


def _reported(verb: Token, entities: MentionIndex) -> AttributionDetail | None:
    """ "Reuters reported (that) ...", "..., officials said", "the report says ...".

    Report verbs make an attribution whoever the source is; other speech
    verbs only when the speaker is an outlet, a document or unnamed, or when
    what they report is a request ("X urged Y to ..."), which is no quote.
    """
    lemma = verb.lemma_.lower()
    if not (cues.is_speech_verb(verb) or (lemma in cues.CREDIT_VERBS and verb.pos_ == "VERB")):
        return None
    source = speaker_token(verb)
    if source is None:
        return None
    kind = _type(source, lemma, entities)
    rule = f"{lemma}-verb"
    if lemma not in cues.CREDIT_VERBS and kind not in _RELAYED and not no_ones_statement(verb, source):
        # A named speaker's statement is a quote; a request ("urged Kim to
        # move faster") is no quote, but it is a claim credited to its source.
        if content_span(verb) is not None:
            return None
        claim = content_span(verb, requests=True)
        rule = f"{lemma}-request"
        if claim is None:
            claim, rule = _announced(verb), f"{lemma}-object"
    else:
        claim = content_span(verb, requests=True) or _relative_claim(verb) or _announced(verb)
    if claim is None:
        return None
    cue = (verb.idx, verb.idx + len(verb.text))
    return _detail(source, kind, cue, claim, entities, rule, 0.8 if kind in _RELAYED else 0.6)


# Statement verbs whose object is what was stated: "announced a plan to
# cut fares", "proposed a ban on ...", "confirmed the deal" (not "denied":
# the object of a denial is not what the source claims); and pledges
# whose infinitive is the promise ("vowed to appeal the ruling").
_OBJECT_STATEMENTS = frozenset(
    {"announce", "propose", "confirm", "disclose", "reveal", "recommend", "promise", "pledge", "vow"}
)
_PLEDGES = frozenset({"promise", "pledge", "vow"})


def _announced(verb: Token) -> tuple[int, int] | None:
    """What an announcement or a pledge states when no clause follows:
    its object ("announced a series of steps to tighten ...") or, for a
    pledge, its infinitive ("vowed to appeal the ruling"). A negated or
    unrealised one ("did not announce", "refused to confirm") states
    nothing; a short object ("the news", "it") is too little to credit."""
    lemma = verb.lemma_.lower()
    if lemma not in _OBJECT_STATEMENTS or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return None
    if unrealised_saying(verb):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in {"NOUN", "PROPN"}]
    if objects:
        return tokens_span(on_line(verb, list(objects[0].subtree)))
    if lemma in _PLEDGES:
        infinitives = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.tag_ == "VB"]
        if infinitives:
            return tokens_span(on_line(verb, list(infinitives[0].subtree)))
    return None


def _relative_claim(verb: Token) -> tuple[int, int] | None:
    """ "a condition Reuters reported remains a sticking point": the claim runs
    from the noun the report verb describes to the end of its clause."""
    if verb.dep_ not in {"relcl", "acl"} or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    noun = verb.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or noun.head.i < noun.i:
        return None
    return tokens_span(on_line(verb, [t for t in noun.head.subtree if t.i >= noun.left_edge.i]))


def _citing(token: Token, entities: MentionIndex) -> AttributionDetail | None:
    """ "..., citing diplomatic sources": the clause the participle hangs on."""
    if token.lower_ not in {"citing", "quoting"}:
        return None
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects or token.head.i == token.i:
        return None
    head = token.head
    before = [t for t in head.subtree if t.i < token.left_edge.i and not t.is_punct]
    if len(before) < 3:
        return None
    claim = (before[0].idx, before[-1].idx + len(before[-1].text))
    cue = (token.idx, token.idx + len(token.text))
    return _detail(objects[0], _type(objects[0], "", entities), cue, claim, entities, "citing", 0.6)


def _called_for(verb: Token, entities: MentionIndex) -> AttributionDetail | None:
    """ "X called for a ceasefire", "X called on the council to resign",
    "X is calling for the state to cut taxes": a demand credited to X.

    What is asked for is the object of "for" or a "for" clause, or the one
    called on with the act. Not read: a negated or unrealised call, a span
    of time after "for" ("called for years"), a call with no source.
    """
    if verb.lemma_.lower() != _CALL or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return None
    if unrealised_saying(verb):
        return None
    source = speaker_token(verb)
    if source is None or source.lower_ in _WRITER_OR_READER:
        return None
    claim = request_span(verb) or _called_for_thing(verb)
    if claim is None:
        return None
    cue = (verb.idx, verb.idx + len(verb.text))
    return _detail(source, _type(source, _CALL, entities), cue, claim, entities, "call-request", 0.6)


def _accused(verb: Token, entities: MentionIndex) -> AttributionDetail | None:
    """ "The union accused the company of hiding the figures": the one
    charged and the charge, credited to the accuser. A bare "criticized the
    plan" charges nothing (a stance, which the events component codes); a
    negated or unrealised charge is none."""
    lemma = verb.lemma_.lower()
    if lemma not in _CHARGES or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return None
    if unrealised_saying(verb) or verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        return None
    charged = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    charges = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == _CHARGES[lemma]]
    source = speaker_token(verb)
    if not charged or not charges or charges[0].i < charged[0].i or source is None:
        return None
    claim = tokens_span(on_line(verb, [*charged[0].subtree, *charges[0].subtree]))
    if claim is None:
        return None
    cue = (verb.idx, verb.idx + len(verb.text))
    return _detail(source, _type(source, lemma, entities), cue, claim, entities, f"{lemma}-charge", 0.6)


# Entity types of a span of time, not a thing asked for ("called for years").
_TIME_TYPES = frozenset({"DATE", "TIME"})


def _called_for_thing(verb: Token) -> tuple[int, int] | None:
    """The thing a "called for" asks for: the object of its "for"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for" or prep.i != verb.i + 1 + _particles(verb):
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if objects and objects[0].ent_type_ not in _TIME_TYPES:
            return tokens_span(on_line(verb, list(objects[0].subtree)))
    return None


def _particles(verb: Token) -> int:
    """How many words stand between the verb and its preposition ("called again for")."""
    return sum(1 for c in verb.children if c.dep_ in {"advmod", "prt"} and c.i > verb.i and c.i < verb.i + 3)


# Subjects that are the writer or the reader ("we know that ...", "you
# might think ..."): an aside of the article's own, credited to no source.
_WRITER_OR_READER = frozenset({"i", "we", "you"})
# Words that open an embedded question ("knows what happened", "doubts
# whether ..."): the clause is asked about, not claimed.
_QUESTION_WORDS = frozenset({"whether", "if", "what", "who", "whom", "whose", "which", "why", "how", "when", "where"})


def _believed(verb: Token, entities: MentionIndex) -> AttributionDetail | None:
    """ "officials believe the fire was set", "the poll showed that X leads".

    A belief or evidence verb with a finite clause after it credits that
    clause to the verb's subject, the way a speech verb does, whoever the
    subject is: no one said the words, so it is no quote, but an analyst
    wants to know the claim rests on that source. Not read: an infinitive
    ("expects to win", no clause of its own), an embedded question, a
    negated verb ("does not believe X" credits no one with X), the writer's
    or reader's own "we think", an imagined or unrealised one.
    """
    lemma = verb.lemma_.lower()
    if lemma not in _JUDGEMENT_VERBS or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ == "neg" for c in verb.children) or unrealised_saying(verb) or verb.dep_ == "relcl":
        return None
    if _asked(verb):
        return None
    source = _believer(verb)
    if source is None or source.lower_ in _WRITER_OR_READER or hypothetical_saying(verb, source):
        return None
    kind = _type(source, lemma, entities)
    claim = _believed_claim(verb, source, kind)
    if claim is None:
        return None
    cue = (verb.idx, verb.idx + len(verb.text))
    rule = f"{lemma}-{'belief' if lemma in BELIEF_VERBS else 'evidence'}"
    return _detail(source, kind, cue, claim, entities, rule, 0.5)


def _believed_claim(verb: Token, source: Token, kind: str) -> tuple[int, int] | None:
    """The claim a belief or evidence verb credits: its finite clause after
    it ("believe the fire was set"), the clause a set-off "..., records
    show, ..." or "As the study found, ..." comments on, or, for a
    document's finding, its object ("the poll showed a dead heat between
    the two")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        after = clauses[0]
        if after.i < verb.i or source.i > after.i or not _finite_claim(after):
            return None
        if any(c.dep_ == "dobj" for c in verb.children):
            return None  # "assumed the role ..., <clause>": the clause is not what is believed
        return tokens_span(on_line(verb, after.subtree))
    if kind == "document" and verb.lemma_.lower() in EVIDENCE_VERBS:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        if objects:
            rest = [t for c in verb.children if c.i >= objects[0].i and not c.is_punct for t in c.subtree]
            return tokens_span(on_line(verb, rest))
    return content_span(verb)


def _asked(verb: Token) -> bool:
    """Whether the verb's sentence is a question ("Do officials believe ...?"):
    it asks what someone thinks, it credits no one with a claim."""
    words = [t for t in cues.sentence(verb) if not (t.is_space or t.text in {'"', "”", "’", "''", ")"})]
    return bool(words) and words[-1].text == "?"


def _believer(verb: Token) -> Token | None:
    """Who holds the belief or has the evidence: the verb's own subject, or
    the shared subject of "met the mayor and believe ...". Unlike a speech
    verb's speaker it does not climb further ("would like us to know that
    ...": the one who would like is not the one who knows)."""
    subject = cues.logical_subject(verb)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        subject = cues.logical_subject(verb.head)
    return subject


# Tags of a finite verb or auxiliary: the clause has a tense of its own.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Tags of the words that open an embedded question ("know what happened").
_WH_TAGS = frozenset({"WP", "WP$", "WRB", "WDT"})


def _finite_claim(clause: Token) -> bool:
    """Whether a clausal complement states something: a finite clause with a
    subject of its own ("believe the plan is late"), not a small clause
    ("found themselves stranded", "find it harder"), an infinitive, an
    embedded question, or an inverted condition ("should they refuse")."""
    if clause.left_edge.lower_ in _QUESTION_WORDS or clause.left_edge.dep_ in {"aux", "auxpass"}:
        return False
    if any(c.tag_ in _WH_TAGS or (c.dep_ == "mark" and c.lower_ in _QUESTION_WORDS) for c in clause.children):
        return False
    finite = clause.tag_ in _FINITE or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE for c in clause.children)
    return finite and any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in clause.children)


def _type(source: Token, cue_lemma: str, entities: MentionIndex) -> str:
    """The source's type, by the entities component's label where it has one."""
    entity = entities.at(source.idx, source.idx + len(source.text))
    return cues.source_type(source, cue_lemma, entity.type if entity is not None else None)


def _outlet_title(name: str, text: str, start: int) -> str:
    """Keep a capitalised "The" written before an outlet's name: it is part of the title.

    Entity names drop a leading "the" (it is not part of "Kremlin"), but "The
    Guardian" and "The New York Times" are the names those papers go by.
    """
    if name.startswith("The "):
        return name
    if text[max(0, start - 4) : start] == "The " or text.startswith("The " + name, start):
        return "The " + name
    return name


def _detail(
    source: Token,
    kind: str,
    cue: tuple[int, int],
    claim: tuple[int, int],
    entities: MentionIndex,
    rule: str,
    confidence: float,
) -> AttributionDetail:
    """Build the record, naming the source by its entity when it has one."""
    text = docindex.doc_text(source.doc)
    written = surface_span(source)
    entity = entities.at(source.idx, source.idx + len(source.text))
    name = entity.name if entity is not None else text[written[0] : written[1]]
    record = Attribution(
        source=_outlet_title(name, text, written[0]) if kind == "outlet" else name,
        cue=text[cue[0] : cue[1]],
        claim=text[claim[0] : claim[1]],
        start=claim[0],
        end=claim[1],
        source_id=entity.id if entity is not None else None,
        source_type=kind,
        rule=rule,
        confidence=confidence,
    )
    return AttributionDetail(record, written, cue)
