"""Where an event's actor sits in the parse: subject, agent, controller, owner of an event noun.

A trigger (``plover.Trigger``) is a verb, a noun or an adjective; its actor is
found the way English puts it: the subject of an active verb, the "by" phrase
of a passive, the object of "urged X to", the owner of "Russia's demand". The
helpers for walking the parse (clause heads, prepositional objects, subjects)
live here too: ``targets.py`` builds on them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...lexicon import words
from .. import docindex
from ..entities.gazetteer import CAPITALS
from .actors import ROLES, is_actorlike, names_country, names_party, referent
from .lexicon import WEAPON_MODES, senses
from .triggers import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

TEMPORAL_PREPS = words("since after before until till")
SUBORDINATORS = words("when after before as because since while although though if unless until once")
# Verbs whose object, not subject, performs their to-infinitive: "urged Iraq to cooperate".
OBJECT_CONTROL = words(
    "urge order ask allow force pressure persuade call tell permit invite press push encourage "
    "request require compel help"
)
# "The withdrawal of the troops": the troops withdraw (subject genitive).
SUBJECT_GENITIVE = frozenset({"RETREAT", "PROTEST", "CONSULT", "MOBILIZE", "AGREE", "DEMAND"})
# Events done to someone: "Alder's arrest", "the envoy's release" name the one arrested or released
# (object genitive), unless an "of" phrase names that one ("the army's arrest of Alder").
OBJECT_GENITIVE = words(
    "arrest detention deportation expulsion conviction release assassination killing kidnapping abduction torture"
)
# Verbs whose subject undergoes the event noun they take: "Alder faced criticism from X", "the
# town came under attack". The subject is the event's target, whoever the noun's "from" names.
UNDERGOING_VERBS = words("face receive draw attract suffer endure weather field")
UNDERGOING_UNDER = words("come be fall remain")
STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "engage", "dedicate", "devote", "determine", "prepare"})
# Retreats whose passive subject is the one retreating: "the guerrillas were demobilized".
SELF_MODES = frozenset({"withdraw", "disarm", "resign"})
# What only a state's authorities do: an agentless "was arrested in X" was done by X.
STATE_ACTIONS = frozenset({"COERCE", "INVESTIGATE"})


def path_up(token: Token) -> Iterator[tuple[Token, Token]]:
    """(child, ancestor) pairs from ``token`` up to the root of its sentence."""
    child = token
    while child.head != child:
        yield child, child.head
        child = child.head


def breaks(child: Token) -> bool:
    """Whether a link ends the reach of a governing trigger: coordination, a temporal clause."""
    if child.dep_ == "conj" or (child.dep_ == "prep" and child.lower_ in TEMPORAL_PREPS):
        return True  # "demobilized since the peace accord": the accord is background, not what is done
    if child.dep_ == "relcl" and child.head.dep_ in {"nsubj", "nsubjpass"}:
        return True  # "Alder, who had criticised the council, resigned": who the subject is, not what is done
    if child.dep_ == "relcl" and _told_in_past(child):
        return True  # "praised Brel, whom he had attacked in May": a past deed of its own, not what is offered
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
    return child.dep_ == "advcl" and bool(marks & SUBORDINATORS)


def _told_in_past(verb: Token) -> bool:
    """A verb in the simple past or a perfect ("attacked", "had attacked"), with no modal: a deed the
    clause reports, where "that would ban" or "that bans" says what a thing asked for is to do."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes))


def clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` is in (the token itself for verbs)."""
    while token.pos_ not in {"VERB", "AUX"} and token.head != token:
        token = token.head
    return token


def local_subtree(token: Token) -> Iterator[Token]:
    """The subtree of ``token`` without clauses that hang from it."""
    yield token
    for child in token.children:
        if child.dep_ not in {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis"} and not _clause_on_noun(child):
            yield from local_subtree(child)


def _clause_on_noun(token: Token) -> bool:
    """A verb clause on a noun ("an effort to stem ...", "refugees fleeing ..."): a clause of its own."""
    return token.dep_ == "acl" and token.pos_ in {"VERB", "AUX"}


def active_subject(verb: Token) -> Token | None:
    """The active subject of a verb (nsubj, csubj; the subject of "is opposed to" too).

    A passive's agent is not one: see :func:`agent_of`.
    """
    if headline_passive(verb):
        return None
    for child in verb.children:
        if child.dep_ in {"nsubj", "csubj"} or (child.dep_ == "nsubjpass" and _stative(verb)):
            return child
    return None


# Verbs that need an object when active: with none, "X arrested in Y" is a passive.
_NEED_OBJECT = words(
    "accuse arrest detain slap sue jail sentence kill wound injure capture abduct kidnap execute deport "
    "expel imprison convict indict"
)
# Verbs that may also stand alone ("the rebels attacked at dawn"): passive only before "with"/"of".
_MAY_STAND_ALONE = words("threaten charge attack sanction hit fine")


def reduced_passive(verb: Token) -> bool:
    """A past participle on a noun ("five protesters arrested in Selm", "a leader killed in a
    strike"): a passive relative clause without "who were", whose noun is the one it is done to.
    Only verbs that cannot stand without an object: the parser also hangs active verbs on nouns
    this way ("a tenants' group protested")."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() in _NEED_OBJECT  # "a tenants' group protested": the parser's acl may be active
        and verb.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "dobj"} for c in verb.children)
        and not _stative(verb)
        and agent_of(verb) is None  # "a report released by X": the parse's own handling of "by" stands
    )


# Words that make a name the name of a pact ("the Baltic Partnership trade agreement"), no party.
PACTS = words("partnership treaty accord accords pact agreement deal protocol convention charter compact")
# Offences that name what an arrest or a charge is for, which the model may type as organisations.
OFFENCES = words("dui dwi owi drug fraud murder corruption theft terrorism terror weapons gun dui-related")


def headline_passive(verb: Token) -> bool:
    """A passive without its "was", as headlines write it: "Minister accused of graft by rivals",
    "Norland threatened with sanctions". The parser reads an active verb with a subject; the
    missing object and a "by" party, or a "with"/"of" after a verb that needs an object, say the
    subject is the one it is done to."""
    if verb.tag_ not in {"VBD", "VBN"} or verb.pos_ != "VERB":
        return False
    children = list(verb.children)
    if any(c.dep_ in {"aux", "auxpass", "dobj", "dative", "ccomp", "xcomp", "nsubjpass"} for c in children):
        return False
    if not any(c.dep_ == "nsubj" for c in children):
        return False
    preps = {c.lower_ for c in children if c.dep_ in {"prep", "agent"}}
    lemma = verb.lemma_.lower()
    return (
        agent_of(verb) is not None
        or lemma in _NEED_OBJECT
        or (lemma in _MAY_STAND_ALONE and bool(preps & ({"with", "of", "in"} if lemma == "charge" else {"with", "of"})))
    )


def is_passive(verb: Token) -> bool:
    """A true passive: "was attacked", not the stative "is opposed to", "were engaged in"; a
    participle coordinated with one shares its subject ("was shot and killed by police")."""
    if _shares_passive(verb) or headline_passive(verb) or reduced_passive(verb):
        return True
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) and not _stative(verb)


def _shares_passive(verb: Token) -> bool:
    """A bare participle coordinated with a passive verb: "killed" in "was shot and killed"."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
        and any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.head.children)
        and not _stative(verb.head)
    )


def passive_partners(verb: Token) -> list[Token]:
    """The verbs of one passive coordination: "was shot and killed by police" is one subject and
    one agent for both participles, whichever the parser hung them on."""
    head = verb.head if _shares_passive(verb) else verb
    return [head] + [c for c in head.children if _shares_passive(c)]


def passive_subject(verb: Token) -> Token | None:
    """The subject of a passive verb, shared by a coordinated participle."""
    if headline_passive(verb):
        return next(c for c in verb.children if c.dep_ == "nsubj")
    if reduced_passive(verb):
        return verb.head  # "protesters arrested in Selm": the protesters
    return next((c for v in passive_partners(verb) for c in v.children if c.dep_ == "nsubjpass"), None)


def passive_agent(verb: Token) -> Token | None:
    """The "by" party of a passive verb, shared along its coordination."""
    return next((a for v in passive_partners(verb) if (a := agent_of(v)) is not None), None)


def _stative(verb: Token) -> bool:
    """Participles that describe the subject's own stance, whose subject is the actor."""
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and agent_of(verb) is None


def agent_of(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb or a noun."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions under ``token``, in the order of ``preps``."""
    heads = [token] + [c for c in token.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "out")]
    found = []
    for word in preps:
        for child in (c for head in heads for c in head.children):
            if child.dep_ in {"prep", "dative", "agent"} and _prep_word(child) == word:
                found += [g for g in child.children if g.dep_ == "pobj"]
    return found


def _prep_word(prep: Token) -> str:
    """The preposition, with "out of" read as "from" ("shipped out of the enclave")."""
    return "from" if prep.lower_ == "of" and prep.head.lower_ == "out" else prep.lower_


def actor_head(trigger: Trigger) -> Token | None:
    """The head of the actor phrase."""
    token = trigger.token
    if trigger.sense.kind == "noun":
        return _noun_actor(token)
    if trigger.sense.kind == "verb" and is_passive(token):
        # "an agreement between X and Y was signed": the parties named with the noun
        noun_actor = _noun_actor(trigger.obj) if trigger.obj is not None else None
        return passive_agent(token) or noun_actor or _passive_actor(trigger) or _stray_agent(token)
    return active_subject(token) or _controller(token) or _stranded_subject(token)


def _stranded_subject(verb: Token) -> Token | None:
    """The noun phrase just before a finite verb the parser left without a subject.

    A finite clause has a subject; when a long opening phrase swallows it
    ("With the signing of a memorandum, the government and the rebels have
    agreed"), it is the phrase ending right before the verb and its auxiliaries.
    """
    if verb.dep_ not in {"ROOT", "ccomp"} or not _finite(verb):
        return None
    first = min([verb.i] + [c.i for c in verb.lefts if c.dep_ in {"aux", "neg", "advmod"}])
    sent_start = docindex.sentence_bounds(verb)[0]
    if first == sent_start:
        return None
    last = verb.doc[first - 1]
    if last.pos_ not in {"NOUN", "PROPN"}:
        return None
    comma = max((t.i for t in verb.doc[sent_start:first] if t.text == ","), default=sent_start - 1)
    while last.dep_ == "conj" and last.head.i > comma:
        last = last.head
    return last if is_actorlike(referent(last)) else None


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own ("agreed", "have agreed"), not an infinitive or participle."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if auxes:
        return auxes[0].tag_ in {"VBD", "VBZ", "VBP", "MD"}
    return verb.tag_ in {"VBD", "VBZ", "VBP"}


def _stray_agent(verb: Token) -> Token | None:
    """A "by" party the parser hung on an active verb above the passive trigger.

    An active verb takes no agent, so "by" and a person under it most likely
    belongs to the passive: "X has been accused of misusing funds, much of it
    believed embezzled, by government officials".
    """
    for _child, head in path_up(verb):
        if head.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in head.children):
            return None
        for pobj in prep_objects(head, ("by",)):
            if pobj.i > verb.i and is_actorlike(referent(pobj)):
                return pobj
    return None


def _passive_actor(trigger: Trigger) -> Token | None:
    """The actor of an agentless passive, where the sentence still says it.

    "The guerrillas were demobilized": who withdraws or disarms is the subject.
    "Died in a truck bomb blast": the attack named after "in" is the actor.
    "Detained in Valmora", "placed under inquiry in Ostravia": only a state's
    authorities arrest or investigate, so the country it happens in acts (or its
    capital, standing for it); a town names where, not who: "arrested in Selm" has
    no actor the sentence names.
    """
    token, sense = trigger.token, trigger.sense
    if sense.mode in SELF_MODES:  # "the monitors were flown home"
        return next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if sense.type in STATE_ACTIONS:
        place = place_in(token)
        if place is None or place.ent_type_ != "GPE":
            return None
        return place if names_country(place) or place.lower_ in CAPITALS else None
    if sense.type == "ASSAULT":
        for pobj in prep_objects(token, ("in",)):
            words = {pobj.lemma_.lower()} | {c.lemma_.lower() for c in pobj.lefts}
            if any(senses("noun", w) or w in WEAPON_MODES for w in words):
                return pobj
    return None


def _controller(token: Token) -> Token | None:
    """The actor of a verb without a subject: the one who does the verb it depends on."""
    asking = asked_by_noun(token)
    if asking is not None:
        return owner_of(asking)  # "X's calls to ban Y": X; "calls to ban Y": no one the sentence names
    seen = 0
    while token.head != token and seen < 6:
        seen += 1
        link, head = token.dep_, token.head
        if link in {"nsubj", "nsubjpass"} and token.pos_ == "NOUN":
            return None  # "an attempt to kill X was thwarted, police said": the attempt's author is unknown
        if link == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in {"dobj", "dative"}]
            if objs and not _names_object_again(token):
                return objs[0]
        if link in {"xcomp", "advcl"} and head.lemma_.lower() in {"call", "appeal"}:
            asked = prep_objects(head, ("on", "upon", "to")) + stranded_call(head)
            called = [p for p in asked if is_actorlike(referent(p))]
            if called:  # "called on Valmora to withdraw": Valmora
                return called[0]
        if link == "pcomp" and head.dep_ == "prep":  # "accused Kyiv of shelling": Kyiv shelled
            objs = [c for c in head.head.children if c.dep_ == "dobj"]
            if objs and (is_actorlike(referent(objs[0])) or referent(objs[0]).lemma_.lower() in ROLES):
                return objs[0]
        if link == "xcomp" and any(c.dep_ == "nsubjpass" for c in head.children):  # "are expected to sign"
            return next(c for c in head.children if c.dep_ == "nsubjpass")
        if link in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"} and names_party(head):
            return head
        subject = active_subject(head) if head.pos_ in {"VERB", "AUX", "ADJ"} else None
        if subject is not None and is_actorlike(referent(subject)):
            return subject
        if head.pos_ in {"VERB", "AUX"} and is_passive(head) and link in {"xcomp", "conj"}:
            return agent_of(head)
        token = head
    return None


def stranded_call(verb: Token) -> list[Token]:
    """The one called on when the parser left "on" empty and made them a second subject after
    the verb: "Alder called on Gov. Brel (R) to resign" parsed with "Brel" as a subject or object."""
    stranded = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"} and not list(c.children)]
    if not stranded:
        return []
    return [c for c in verb.children if c.dep_ in {"nsubj", "dobj", "oprd"} and c.i > stranded[0].i]


# Nouns of asking whose to-infinitive says what is asked: "X's calls to ban Y".
ASKING_NOUNS = words("call demand appeal plea request")


def asked_by_noun(infinitive: Token) -> Token | None:
    """The noun of asking a to-infinitive completes, even when the parser hung the infinitive on the
    verb above it: in "decried X's calls to ban Y" the ban is what X calls for."""
    if infinitive.dep_ not in {"acl", "advcl", "xcomp"} or infinitive.pos_ != "VERB":
        return None
    to = next((c for c in infinitive.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return None
    noun = infinitive.doc[to.i - 1]
    if noun.lemma_.lower() not in ASKING_NOUNS or noun.pos_ != "NOUN":
        return None
    if noun.lemma_.lower() == "call" and noun.tag_ != "NNS" and not any(c.dep_ == "poss" for c in noun.children):
        return None  # "a phone call to thank him" is no request; "X's call to ban", "calls to ban" are
    return noun if noun.head.i == infinitive.head.i or infinitive.head.i == noun.i else None


def _names_object_again(infinitive: Token) -> bool:
    """ "called Alder to congratulate him": the infinitive's own object pronoun is the called one,
    so the caller, not the one called, does it."""
    return any(c.dep_ == "dobj" and c.lower_ in {"him", "her", "them"} for c in infinitive.children)


def owner_of(noun: Token) -> Token | None:
    """The party a nominal event is explicitly credited to: "Russia's demand", "an attack by X"."""
    if undergoer_of(noun) is None:
        for child in noun.children:
            if child.dep_ == "poss" and is_actorlike(child):
                return child
    return agent_of(noun)


def undergoer_of(noun: Token) -> Token | None:
    """The owner of an event done to someone, who undergoes it: "Alder's arrest"."""
    if noun.lemma_.lower() not in OBJECT_GENITIVE or prep_objects(noun, ("of",)):
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and is_actorlike(c)), None)


# Texts that speak for whoever issues them: "a statement condemning X", "a letter that called for Y".
TEXT_NOUNS = words("statement letter communique communiqué declaration memo memorandum editorial op-ed petition")
ISSUING_VERBS = words("issue release publish send put sign write deliver post circulate")


def issuer_of(text: Token) -> Token | None:
    """Who a text speaks for: the one who issued it ("X released a statement that ...") or its
    owner ("the ministry's statement"); None for a text of no one named."""
    if text.lemma_.lower() not in TEXT_NOUNS:
        return None
    owner = next((c for c in text.children if c.dep_ == "poss" and is_actorlike(referent(c))), None)
    if owner is not None:
        return owner
    verb = text.head
    if text.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and is_actorlike(referent(c))), None)


def undergoing_verb(noun: Token) -> Token | None:
    """The verb whose subject undergoes the event noun: "faced" in "Alder faced criticism", "came"
    in "the convoy came under attack"; not "drew up" in "drew up a plan of attack"."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "under" and verb.head.lemma_.lower() in UNDERGOING_UNDER:
        return verb.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in UNDERGOING_VERBS:
        return None
    return None if any(c.dep_ == "prt" for c in verb.children) else verb


def undergone_by(noun: Token) -> Token | None:
    """Who undergoes an event noun by being the subject of its verb (the event's target)."""
    verb = undergoing_verb(noun)
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and is_actorlike(referent(c))), None)


def _noun_actor(noun: Token) -> Token | None:
    """Who a nominal event is by: "Russia's demand", "demands from X", "talks between X and Y"."""
    owner = owner_of(noun)
    if owner is not None:
        return owner
    options = senses("noun", noun.lemma_.lower())
    leaving = bool(options) and options[0].type == "RETREAT"  # "the withdrawal of troops from X": X is left
    undergoing = undergoing_verb(noun)  # "Alder received criticism from X": the parser hangs "from" on the verb
    givers = prep_objects(undergoing, ("from",)) if undergoing is not None else []
    for pobj in [] if leaving else prep_objects(noun, ("from",)) + givers:
        if is_actorlike(referent(pobj)):
            return pobj
    for child in noun.lefts:
        if (
            child.dep_ in {"amod", "compound"}
            and names_country(child)
            and child.lower_ not in OFFENCES
            and not {t.lower_ for t in child.subtree} & PACTS
        ):
            return child  # "UN sanctions", "Norland's strikes"; not "two DUI arrests" (the model types DUI ORG)
    between = _between(noun) or claimant(noun)
    if between is not None:
        return between
    if _subject_genitive(noun):
        for pobj in prep_objects(noun, ("of",)):
            if is_actorlike(referent(pobj)):
                return pobj
    return None


def _subject_genitive(noun: Token) -> bool:
    """Whether "the N of X" names the doer: "the withdrawal of the troops", not "the release of the
    prisoners" (those released; a release is done to someone)."""
    options = senses("noun", noun.lemma_.lower())
    return bool(options) and options[0].type in SUBJECT_GENITIVE and options[0].mode != "release"


def claimant(noun: Token) -> Token | None:
    """Who claims a deed as their own: "the Front claimed responsibility for the bombing" says the
    Front bombed (the outlet reports the claim; the deed is theirs as far as the sentence goes)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    held = noun.head.head  # "responsibility for X", or the verb when the parser hangs "for" on it
    verb = held.head if held.dep_ == "dobj" else held
    owned = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
    if verb.lemma_.lower() not in {"claim", "take", "accept", "admit"} or not owned & {"responsibility", "credit"}:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.lower_ == "no" for c in subject.children):
        return None  # "no group has claimed responsibility": no one the sentence names
    return subject if is_actorlike(referent(subject)) else None


def _between(noun: Token) -> Token | None:
    """The first party of "between X and Y" anywhere in the noun's phrase."""
    for token in noun.subtree:
        if token.dep_ == "prep" and token.lower_ == "between":
            for pobj in token.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def place_in(token: Token) -> Token | None:
    """A named place after "in"/"at" in the trigger's clause ("the town of X", "the capital X").

    The subject's own phrase ("parties in Valmora") is not where the event happened to.
    """
    subjects = {t.i for c in token.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    for pobj in local_subtree(token):
        if pobj.dep_ != "pobj" or pobj.head.lower_ not in {"in", "at"} or pobj.i in subjects:
            continue
        inner = [pobj] + prep_objects(pobj, ("of", "in"))
        inner += [c for c in pobj.children if c.dep_ in {"appos", "compound"}]
        for place in inner:
            if place.ent_type_ in {"GPE", "LOC"}:
                return place
    return None
