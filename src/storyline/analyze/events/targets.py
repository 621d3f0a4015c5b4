"""Whom an event is aimed at: the target of a trigger, looked for the way English puts it.

Direct object, passive subject, the party a nominal event is "on", "against"
or "with", the subject of a demanded clause, a party inside a phrase ("Valmora's
efforts", "a camp for refugees"), and, for events that happen to a place, the
place ("a curfew in Port Elm").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon import words
from .. import docindex
from .actors import (
    DEMONYMS,
    RELATIVE_PRONOUNS,
    SECTORS,
    can_be_party,
    is_actorlike,
    is_named,
    is_pronoun,
    names_country,
    names_party,
    referent,
)
from .lexicon import CLAIM_NOUNS, CONFLICTUAL, HARM_NOUNS, Sense, senses
from .participants import (
    SELF_MODES,
    SUBJECT_GENITIVE,
    active_subject,
    actor_head,
    agent_of,
    breaks,
    is_passive,
    local_subtree,
    passive_subject,
    place_in,
    prep_objects,
    undergoer_of,
    undergone_by,
)
from .triggers import Trigger, lemmas, match_verb, trailing_report

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions that lead from a verb to its target, most telling first. "Refused to resign despite
# pressure by X": what is resisted comes from X (the last resort).
TARGET_PREPS = (
    "to", "with", "against", "on", "upon", "into", "from", "for", "of", "over", "about", "between", "among",
    "toward", "towards", "by", "despite",
)  # fmt: skip
# "the blockade of Valmora ... with Ostravia's help": for event nouns "of" names the target first.
NOUN_TARGET_PREPS = ("of", "against", "on", "upon", "to", "into", "with", "from", "for", "over", "between", "among")
# Prepositions through which a noun phrase leads to the party it concerns.
PARTY_PREPS = ("by", "of", "from", "to", "against", "on", "with", "for", "between", "among")
# Force and threats are aimed "at" a party; other acts "at" a place or a meeting happen there.
AIMED_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
# A complaint "to the UN over Israeli raids" is about the raids, not the UN; a protest "at" X is against X.
# "Denounced as a crime Serbia's crackdown": a moved object can hang from "as".
COMPLAINT_PREPS = ("against", "at", "of", "over", "about", "on", "with", "for", "to", "as")
# The goal or source of a transfer is its recipient: "sent personnel to Bosnia".
GOAL_PREPS = ("to", "into", "from")
# Places named like bodies ("the Norvik Steel Works"): the country they are in is the party.
SITE_NOUNS = words("facility plant site reactor complex base factory refinery mine airport port")
# Events two parties can do together: "Valmora and Ostravia resumed talks" has no target.
RECIPROCAL = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})


def target_head(trigger: Trigger, actor: Token | None, inner: Trigger | None) -> Token | None:
    """The head of the target phrase: the trigger's own, else that of the event it governs."""
    if any(_free_relative(c) for c in trigger.token.children):
        return None  # "denounced what X called ...": the object is that clause, no party in it or after it
    found = _own_target(trigger)
    if found is None and inner is not None:
        # "condemned the attacks on Selm" is aimed at the attackers, not at Selm
        condemned_harm = trigger.sense.type == "DISAPPROVE" and inner.sense.type in {"ASSAULT", "COERCE"}
        found = _own_target(inner) if not condemned_harm else None
        if found is None and trigger.sense.type in {"DEMAND", "REJECT", "DISAPPROVE"}:
            found = inner.actor_head or actor_head(inner)
    if found is not None and SITE_NOUNS.intersection(lemmas(referent(found))):
        country = place_in(trigger.token)  # "inspectors to the Norvik works in northern Ostravia"
        found = country if country is not None and country.ent_type_ == "GPE" else found
    if found is not None and _partner(found, trigger):
        return None  # "championed the bill with Senator X": a partner in backing it, not the one backed
    if found is not None and (_on_behalf(found) or _complaint_recipient(found, trigger)):
        found = _against_in(trigger.obj) if trigger.obj is not None else _against_in(trigger.token)
    if found is None or actor is None:
        return found
    if referent(found).i == referent(actor).i:
        return None
    if trigger.sense.type in RECIPROCAL and _compound(actor) and found.head.lower_ not in {"with", "to"}:
        return None  # "Valmora and Ostravia resumed talks": both are actors
    return found


# Bodies a complaint or a suit is brought to, which judge it and are not its target.
ADJUDICATORS = words("board court committee commission tribunal panel judge regulator ombudsman watchdog")
COMPLAINTS = words("complaint lawsuit suit case charge grievance petition")


def _on_behalf(found: Token) -> bool:
    """ "brought the suit on behalf of X": X is the one suing, never the target."""
    return found.head.lower_ == "of" and found.head.head.lower_ == "behalf"


def _complaint_recipient(found: Token, trigger: Trigger) -> bool:
    """ "filed a complaint with the ethics board", "a complaint to the national committee": the body
    that hears it, not the one complained of (a protest lodged with a government is aimed at it)."""
    words_ = {trigger.token.lemma_.lower()} | ({trigger.obj.lemma_.lower()} if trigger.obj is not None else set())
    return (
        bool(words_ & COMPLAINTS)
        and found.head.lower_ in {"to", "with", "before"}
        and referent(found).lemma_.lower() in ADJUDICATORS
    )


def _partner(found: Token, trigger: Trigger) -> bool:
    """A "with" party of support that the sense does not ask for ("side with X" does; so does a sense
    read off its object, "signed a pact with X", "established ties with X")."""
    asked = "with" in trigger.sense.parts or bool(trigger.sense.objects)
    return trigger.sense.type == "SUPPORT" and found.head.lower_ == "with" and not asked


def _compound(actor: Token) -> bool:
    """Whether an actor phrase coordinates several parties ("Valmora and its neighbours")."""
    head = referent(actor)
    return any(t.dep_ == "conj" and is_actorlike(t) for t in head.children) or any(
        c.dep_ == "amod" and any(g.dep_ == "conj" for g in c.children) for c in head.children
    )


def _own_target(trigger: Trigger) -> Token | None:
    """The target found around the trigger itself."""
    if trigger.target_head is not None:
        return trigger.target_head
    if trigger.sense.kind == "noun":
        return _noun_target(trigger.token, trigger.sense)
    if trigger.sense.kind == "verb":
        return _verb_target(trigger)
    return _complement_target(trigger.token, depth=3) or condition_subject(trigger.token)


def _verb_target(trigger: Trigger) -> Token | None:
    """The party a verb acts on, looked for in the order English puts it.

    Passive subject; direct object (unless a "to"/"from" party is the real
    recipient of a transfer); the event noun's own party; for verbs with an
    infinitive, the party of what they commit to; a that-clause subject;
    prepositional objects; the "unless" party of a threat; the place of a
    coercion or an attack.
    """
    verb, sense = trigger.token, trigger.sense
    if is_passive(verb) and (sense.mode not in SELF_MODES or agent_of(verb) is not None):
        subj = passive_subject(verb)
        if subj is not None and (trigger.obj is None or subj.i != trigger.obj.i) and _party_in(subj) is not None:
            return _party_in(subj)
    direct = _direct_party(verb, trigger.obj) if sense.type != "MOBILIZE" else None  # troops are not targets
    if direct is not None and _generic(direct) and _place_can_be_target(sense) and _place_for_people(verb):
        direct = place_in(verb) or direct  # "killed 23 people in Norland": the country says more
    if direct is not None and (is_named(referent(direct)) or not _goal_party(verb)):
        return direct
    found = _object_target(trigger.obj, sense) if trigger.obj is not None else None
    if sense.type == "MOBILIZE" and trigger.obj is not None:
        found = _against_in(trigger.obj)  # the forces are the actor's own: "hackers able to strike at X"
    if found is not None and not is_named(referent(found)) and _goal_party(verb) is not None:
        found = _goal_party(verb)  # "dispatched inspectors to Iran"
    if found is None and any(c.dep_ == "xcomp" for c in verb.children):
        found = _complement_target(verb, depth=3)
    found = found or _clause_subject(verb, sense) or _prep_party(verb, sense) or _complement_target(verb, 3)
    if found is None and sense.type == "THREATEN":
        found = condition_subject(verb)
    found = found or _shared_target(verb) or _raised_object(verb, trigger.obj)
    if found is None and sense.type == "AID":
        found = _recipient_in(verb)
    if found is None and _place_can_be_target(sense):
        found = place_in(verb)
    return found


def _raised_object(verb: Token, obj: Token | None) -> Token | None:
    """The object a stranded preposition shares with the next verb: "signed a treaty with and sent
    an envoy to Valmora"."""
    heads = [verb] + ([obj] if obj is not None else [])
    stranded = any(c.dep_ == "prep" and not list(c.children) for h in heads for c in h.children)
    if not stranded:
        return None
    for conj in verb.conjuncts:
        for token in local_subtree(conj):
            if token.dep_ == "pobj" and is_named(token) and _party_in(token, 0) is not None:
                return token
    return None


def _against_in(noun: Token) -> Token | None:
    """The party something is aimed at anywhere in a noun's phrase ("hackers capable of attacks against X")."""
    for token in noun.subtree:
        if token.dep_ == "pobj" and token.head.lower_ == "against":
            party = _party_in(token)
            if party is not None:
                return party
    return None


def _object_target(obj: Token, sense: Sense) -> Token | None:
    """The target carried by the object that gave a verb its sense.

    "Imposed sanctions on X": the noun's own phrase; "expelled two diplomats",
    "boycott Algeria's elections": the object itself or its owner.
    """
    for noun in [obj, *obj.conjuncts]:  # "launched rocket, mortar and artillery fire against X"
        if noun.lemma_.lower() == "word":  # "kind words about X", "harsh words for X": whom they judge
            judged = [_party_in(p) for p in prep_objects(noun, ("about", "for", "to", "of"))]
            return next((p for p in judged if p is not None), None)
        own = senses("noun", noun.lemma_)
        found = _noun_target(noun, sense) if own else None
        found = found or _party_in(noun, own_event=bool(own) and own[0].type == sense.type)
        if found is not None:
            return found
    return None


def _direct_party(verb: Token, skip: Token | None) -> Token | None:
    """A party among the verb's direct and indirect objects."""
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"} and (skip is None or child.i != skip.i):
            party = _party_in(child)
            if party is not None:
                return party
    return None


def _recipient_in(verb: Token) -> Token | None:
    """Aid goes "to" someone, however deep in the object: "a license for arms exports to X"."""
    for token in local_subtree(verb):
        if token.dep_ == "pobj" and token.head.lower_ == "to":
            party = _party_in(token)
            if party is not None:
                return party
    return None


def _place_can_be_target(sense: Sense) -> bool:
    """Whether the place an event happens in can stand as its recipient.

    A curfew, an attack, a visit or an aid delivery "in X" is aimed at X; talks
    "in Geneva", a ceasefire or a resignation only happen there. Refuge is
    sought from the country one flees to ("sought asylum in Norway").
    """
    if sense.mode == "asylum":
        return True
    if sense.type == "CONSULT":
        return sense.mode == "visit"
    return sense.type not in {"DEMAND", "DISAPPROVE", "REJECT"} and sense.mode not in {"ceasefire", "resign"}


def _place_for_people(verb: Token) -> bool:
    """Whether the place of an attack on people no one names stands for them: a country does, as
    PLOVER codes it ("killed 23 people in Norland"); a city or a street only says where it
    happened ("shot two people in Selm": the two people were shot), and the trust gate holds
    back an attack whose target is where it happened."""
    place = place_in(verb)
    return place is not None and names_country(place)


def _generic(noun: Token) -> bool:
    """ "people", "persons" with no name or nationality: a party only in a weak sense."""
    head = referent(noun)
    return head.lemma_.lower() in {"people", "person"} and not any(is_named(t) for t in head.lefts)


def _goal_party(verb: Token) -> Token | None:
    """A party after "to", "into" or "from": the recipient of a transfer or a move."""
    for pobj in prep_objects(verb, GOAL_PREPS):
        party = _party_in(pobj)
        if party is not None:
            return party
    return None


def _shared_target(verb: Token) -> Token | None:
    """An object shared by coordinated verbs: "donated and delivered goods to X". A verb with an
    object of its own shares none ("opposes the tax and would appoint judges")."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    for conj in verb.conjuncts:
        party = _direct_party(conj, None) or _prep_party(conj, None)
        if party is not None:
            return party
    return None


def condition_subject(verb: Token) -> Token | None:
    """Who a threat is aimed at: the subject of its "unless"/"if" condition."""
    for token in verb.subtree:
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if token.dep_ == "advcl" and marks & {"unless", "if"}:
            subject = active_subject(token)
            if subject is not None and is_actorlike(referent(subject)) and not is_pronoun(subject):
                return subject
    return None


def _complement_target(verb: Token, depth: int) -> Token | None:
    """A party in the infinitive the verb governs: "agreed to set up a centre in Tokyo"."""
    if depth == 0:
        return None
    clauses = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "advcl"} and not breaks(c) and not _aside(c)]
    for child in [g for c in clauses for g in (c, *c.conjuncts)]:  # "to enhance X and promote Y in Sudan"
        if child.pos_ not in {"VERB", "AUX"}:
            continue
        inner = match_verb(child)
        sense = inner.sense if inner is not None else None
        mobilized = sense is not None and sense.type == "MOBILIZE"  # "refused to deploy troops in Iraq"
        found = _direct_party(child, None) if not mobilized else None
        if found is not None and not is_named(referent(found)) and _goal_party(child) is not None:
            found = _goal_party(child)
        found = found or _prep_party(child, sense) or _complement_target(child, depth - 1)
        if found is None and (sense is None or _place_can_be_target(sense)):
            found = place_in(child)
        if found is not None:
            return found
    return None


def _aside(clause: Token) -> bool:
    """A participle set off by a comma after its verb ("protested outside the stores, turning buyers
    away"): a second act alongside, whose object the first act is not aimed at."""
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or any(c.dep_ == "mark" for c in clause.children):
        return False
    return any(t.text == "," for t in clause.doc[clause.head.i + 1 : clause.i])


def _clause_subject(verb: Token, sense: Sense) -> Token | None:
    """The subject of a that-clause object: "demanded that the US cancel", "pushed for the US to back".

    A reporting clause put last says the sentence before it: "X are failing to
    uphold rights, a group protested".
    """
    clauses = [docindex.sentence(verb).root] if trailing_report(verb) else []
    for child in clauses + list(verb.children):
        if child.dep_ in {"ccomp", "xcomp"} or (child.dep_ == "advcl" and marked(child, "for")) or child in clauses:
            if _free_relative(child):
                continue  # "denounced what X called a crime": X is the one quoted, not denounced
            subject = active_subject(child) or next((c for c in child.children if c.dep_ == "nsubjpass"), None)
            if subject is None or not names_party(referent(subject)) or _own_force(subject, sense):
                continue
            if sense.type == "DEMAND" or not _owned(subject):
                return subject
    return None


def _free_relative(clause: Token) -> bool:
    """A clause that is a thing named by someone: "what X called a crime", "whatever they said"."""
    return clause.dep_ in {"ccomp", "xcomp"} and any(c.lower_ in {"what", "whatever"} for c in clause.children)


def marked(clause: Token, word: str) -> bool:
    """Whether a clause is introduced by ``word`` ("for the US to support")."""
    return any(c.dep_ == "mark" and c.lower_ == word for c in clause.children)


def _own_force(subject: Token, sense: Sense) -> bool:
    """ "Warned that troops will not allow X": unnamed forces in a threat are the threatener's."""
    head = referent(subject)
    unnamed = not any(is_named(t) or t.lower_ in DEMONYMS for t in head.subtree)
    return sense.type == "THREATEN" and unnamed and SECTORS.get(head.lemma_.lower()) in {"military", "police"}


def _prep_party(token: Token, sense: Sense | None) -> Token | None:
    """A party in a prepositional phrase ("to Tanzania", "against the rebels")."""
    verbal = sense is not None and sense.type in {"DISAPPROVE", "PROTEST"}
    preps: tuple[str, ...] = COMPLAINT_PREPS if verbal else TARGET_PREPS
    if sense is not None and sense.type in AIMED_TYPES:
        preps += ("at",)  # "fired tear gas at the marchers", "pointed a rifle at him"
    for pobj in prep_objects(token, preps) + _protest_objects(token):
        if _side(pobj):
            continue  # "fought on the Valmoran side": an ally, not a target
        party = _party_in(pobj) if not _fronted(pobj, token) else None
        if party is not None:
            return party
    return None


def _fronted(pobj: Token, verb: Token) -> bool:
    """A phrase set off by a comma before its verb sets the scene: "With the signing of X, they agreed"."""
    prep = pobj.head
    return prep.i < verb.i and any(t.text == "," for t in verb.doc[prep.i + 1 : verb.i])


def _protest_objects(token: Token) -> list[Token]:
    """What "in protest of/against X" or "in retaliation for X" is about."""
    found = []
    for pobj in prep_objects(token, ("in",)):
        if pobj.lemma_.lower() in {"protest", "retaliation", "response", "defiance", "solidarity"}:
            found += prep_objects(pobj, ("of", "against", "at", "for", "to"))
    return found


def _noun_target(noun: Token, sense: Sense) -> Token | None:
    """Whom a nominal event is aimed at: "sanctions on X", "the blockade of X", "talks with X"."""
    undergoer = undergoer_of(noun) or undergone_by(noun)
    if undergoer is not None:
        return undergoer
    genitive_is_actor = sense.type in SUBJECT_GENITIVE
    preps = tuple(p for p in NOUN_TARGET_PREPS if p != "of" or not genitive_is_actor)
    doers = prep_objects(noun, ("of",)) if genitive_is_actor else []  # "the withdrawal of troops from X"
    pobjs = prep_objects(noun, preps) + [p for d in doers for p in prep_objects(d, ("from", "to", "into"))]
    for pobj in pobjs + _protest_objects(noun):
        party = _party_in(pobj)
        if party is not None:
            return party
    return _clause_party(noun)


def _clause_party(noun: Token) -> Token | None:
    """A party in a clause on an event noun: "a proposal that Kyiv withdraw", "a strike that shut down X"."""
    for child in noun.children:
        if child.dep_ not in {"acl", "relcl", "ccomp"}:
            continue
        subject = active_subject(child)
        if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
            return subject
        if subject is not None and child.dep_ == "relcl":
            # "a strike that shut down Valmora's ports": the object itself, not a party deep in it
            # ("a stabbing which set off unrest that worries the cabinet" aims at no cabinet)
            objects = [c for c in child.children if c.dep_ in {"dobj", "dative"}]
            return next((p for o in objects if (p := _party_in(o, 0)) is not None), None)
    return None


def _owned(noun: Token) -> bool:
    """ "its troops", "their borders": the actor's own, not a party acted on ("its European partners" are)."""
    return not _carries_name(noun) and any(c.dep_ == "poss" and is_pronoun(c) for c in noun.children)


def _carries_name(noun: Token) -> bool:
    """A name or a nationality in the noun or before it: "the OSCE", "Ostravian forces"."""
    return is_named(noun) or any(is_named(t) or t.lower_ in DEMONYMS for t in noun.subtree if t.i < noun.i)


def _party_in(noun: Token, depth: int = 2, *, own_event: bool = False) -> Token | None:
    """``noun`` if it names a party; else a party inside it ("Haiti's efforts", "a camp for refugees").

    Looks through prepositional phrases and "X-ed by Y" clauses, ``depth`` levels
    down. Whoever made what is acted on is its target ("broke a ban by X",
    "stopped a march organised by nurses"), but when the noun is the
    event itself (``own_event``: "ordered searches by customs officers") its "by" names the
    doers. A claim is aimed at the party it accuses ("an allegation by X that Y
    had seized the city").
    """
    head = referent(noun)
    if not _owned(head):
        found = _party_at(noun, head) or _accused(head)
        if found is not None:
            return found
    if depth == 0:
        return None
    preps: tuple[str, ...] = PARTY_PREPS[1:] if own_event or head.lemma_.lower() in CLAIM_NOUNS else PARTY_PREPS
    if not own_event and _harm(head):  # "opposed discrimination against migrants": not aimed at them
        preps = tuple(p for p in preps if p not in {"against", "on"})
    inner = [p for p in prep_objects(head, preps) if referent(p).ent_type_ not in {"DATE", "TIME"} and not _side(p)]
    found_all = [f for p in inner if (f := _party_in(p, depth - 1) or _named_doer(p)) is not None]
    named = [f for f in found_all if _carries_name(referent(f))]
    if found_all:
        return (named or found_all)[0]  # "a team of monitors from the Arctic Council": the named body says who
    if can_be_party(head) and not _owned(head):
        return noun  # a role: "praised the senators"; "the campaign of X" and "X's campaign" give X above
    for appos in (c for c in head.children if c.dep_ == "appos"):
        found = _party_in(appos, 0)  # "a land tax, a dream for many farmers": not the farmers
        if found is not None:
            return found
    for clause in (c for c in head.children if c.dep_ == "acl"):
        agent = agent_of(clause)  # "the march organised by nurses"
        if agent is not None and is_actorlike(referent(agent)):
            return agent
        if clause.tag_ == "VBG":  # "pipelines running into Valmora", "the ferry from Ostravia to Valmora"
            goal = next((g for p in prep_objects(clause, GOAL_PREPS) if (g := _party_in(p, 0))), None)
            if goal is not None:
                return goal
    return None


def _side(pobj: Token) -> bool:
    """ "on the Valmoran side", "on the Liberal side": whose side one is on, not a party acted on."""
    return pobj.head.lower_ == "on" and pobj.lemma_.lower() == "side"


def _harm(noun: Token) -> bool:
    """Harm done to someone, named as a noun ("discrimination", "the attacks")."""
    options = senses("noun", noun.lemma_.lower())
    return noun.lemma_.lower() in HARM_NOUNS or (bool(options) and options[0].type in CONFLICTUAL)


def _named_doer(pobj: Token) -> Token | None:
    """A name after the "by" of an event noun is someone, whatever the tagger took it for ("marches by Solidarna")."""
    event = pobj.head.head
    by = pobj.head.lower_ == "by" and bool(senses("noun", event.lemma_.lower()))
    return pobj if by and pobj.pos_ == "PROPN" and pobj.ent_type_ not in {"DATE", "TIME"} else None


def _accused(noun: Token) -> Token | None:
    """The subject of the that-clause of a claim noun: "the allegation that the NLF had seized the port"."""
    if noun.lemma_.lower() not in CLAIM_NOUNS:
        return None
    for clause in (c for c in noun.children if c.dep_ in {"acl", "ccomp"}):
        subject = active_subject(clause)
        if subject is not None and names_party(referent(subject)):
            return subject
    return None


def _party_at(noun: Token, head: Token) -> Token | None:
    """The noun itself or one of its modifiers, when it names a party."""
    if is_actorlike(head):
        return noun
    for child in head.children:
        if child.dep_ == "poss" and is_actorlike(child) and not is_pronoun(child):
            return child
    for child in head.lefts:
        if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in {"NORP", "GPE", "ORG"}:
            return child  # "Ostravian homes", "a Norwegian peace plan"
    if any(c.dep_ == "compound" and is_actorlike(c) for c in head.lefts):
        return noun  # "a Kessel rebel stronghold"
    for child in head.lefts:
        named = [t for t in child.subtree if t.ent_type_ in {"NORP", "GPE", "ORG"}]
        if child.dep_ in {"amod", "compound", "nmod"} and named:
            return named[-1]  # "the NATO-led mission", "an Arctic Council resolution"
    return None
