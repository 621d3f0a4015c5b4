"""Why a matched trigger is not an event after all: the precision checks.

The lexicon matches words; running text uses many of them in senses that code
nothing ("released the minutes", "providing details", "talked about
taxes", "ready for spring", "executed the script") or in frames
that are not assertions (a direct question, "Asked about X, she ...").
Each check here reads the parse around one trigger and says whether its
sense is supported; ``events.py`` leaves the event out when it is not, and
drops an actor that cannot act (an instrument, a poll, an unresolved "this").
Measured with benchmarks/event_audit.py (hand-judged samples of emitted events).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon import words
from ..spans import first_containing
from . import lexicon
from .actors import can_be_party, is_actorlike, is_named, names_country, referent, resolve_pronoun
from .lexicon import COOPERATIVE, VIOLENCE, WEAPON_MODES
from .participants import claimant
from .triggers import Trigger, trailing_report

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from ...model import Quote

# Types whose actor must be someone: a statement, a meeting, an agreement, a demand.
AGENT_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "AID", "COOPERATE"}
)
# What "declined to ..." or "refused to ..." a statement is about.
# not "discuss": refusing talks is a REJECT
SPEECH_ACTS = words("comment elaborate speculate say define specify detail explain describe")
# What a legislator or a plaintiff withdraws: a paper, not a force.
PAPERS = words(
    "proposal bill amendment motion nomination lawsuit suit complaint application bid offer name endorsement "
    "statement remark comment ad advertisement story article report request resolution legislation measure"
)
# Violence verbs that politics and sport use in words: "attacked the newspaper", "fighting
# for every ward", "beat her rival by nine points", "ambushed by doubt".
FIGURATIVE_VIOLENCE = words("attack fight beat ambush hit pound strike storm")
# Of those, the ones whose figurative sense is a verbal attack (DISAPPROVE), not nothing.
VERBAL_ATTACKS = words("attack hit pound")
# What a government gives when it gives aid (PLOVER AID: material or military help).
AID_THINGS = words(
    "aid assistance help support weapon arm ammunition munition food medicine medical supply equipment fund "
    "funding money loan credit troop soldier training shelter asylum refuge protection relief vaccine fuel water "
    "grant backing security intelligence expertise tank missile jet aircraft helicopter drone ration tent blanket "
    "dollar euro billion million"
)
# What is "provided" or "delivered" in words or in business, not as help to a party.
NOT_AID = words(
    "information detail message answer explanation evidence update data insight analysis view account audience "
    "opportunity platform service chance example context clarity comment number figure estimate list document "
    "record proof reason way speech address remark statement testimony feedback advice coverage content product "
    "response change rebuttal experience result performance verdict judgment judgement ruling signal sense "
    "picture overview look"
)
# What one party offers another (PLOVER AGREE: an offer to act, a proposal, a concession).
OFFER_THINGS = words(
    "talk negotiation ceasefire truce deal agreement help aid support concession resignation apology compromise "
    "mediation proposal plan asylum amnesty exchange swap guarantee pardon peace dialogue cooperation"
)
# Contests a "beat" can be about: an election, not a fight.
CONTESTS = words("race poll election primary contest vote caucus ballot survey match game round")
RELEASE_LEMMAS = words("release free")
# "hard to fault the clerk", "impossible to support": the act is judged, not done.
JUDGED_ACTS = words("hard difficult impossible easy tough tricky unfair fair wrong right")
# Nouns whose infinitive is the act they announce ("a decision to withdraw"); any other
# noun's infinitive describes it ("the ability to support more spending", "a chance to free up cash").
ACT_NOUNS = words(
    "decision plan agreement deal order move attempt effort bid offer promise pledge threat call demand request "
    "vote proposal intention commitment readiness willingness refusal reluctance unwillingness hesitation "
    "resolution law measure step campaign "
    "operation mission initiative deadline ultimatum warning vow"
)
DEMONSTRATIVES = words("this that these those it which what something anything everything nothing")


def figurative_violence(trigger: Trigger) -> bool:
    """An ASSAULT word with nothing violent in its sentence: no weapon, no armed actor, no casualty."""
    lemma = trigger.obj.lemma_.lower() if trigger.obj is not None else trigger.sense.lemma
    if trigger.sense.type != "ASSAULT" or lemma not in FIGURATIVE_VIOLENCE or claimant(trigger.token) is not None:
        return False  # an attack someone claims responsibility for is no figure of speech
    others = [t for t in trigger.token.sent if t.i not in {trigger.token.i, getattr(trigger.obj, "i", -1)}]
    return not any(t.lemma_.lower() in VIOLENCE or t.lower_ in VIOLENCE for t in others)


def verbal_attack_word(trigger: Trigger) -> bool:
    """Whether the figurative sense of the trigger is criticism ("attacked", "hit out at")."""
    lemma = trigger.obj.lemma_.lower() if trigger.obj is not None else trigger.sense.lemma
    return lemma in VERBAL_ATTACKS


def unsupported(trigger: Trigger, inner: Trigger | None, actor: Token | None = None) -> bool:
    """Whether the trigger's sense is not supported by its sentence (see the module docstring)."""
    token, sense = trigger.token, trigger.sense
    lemma = sense.lemma
    if _direct_question(token) or _headline(token):
        return True
    if lemma == "insist" and sense.kind == "verb" and insists_on_a_fact(token):
        return True  # "insisted the figures were sound": a claim, not a demand
    if lemma == "insist" and any(_prescribed_state(c) for c in token.children if c.dep_ == "ccomp"):
        return True  # "insists the league must be a club of ideas": a view of what it should be, no act
    if sense.kind == "noun" and sense.type == "DEMAND" and lemma == "appeal" and not _appeal_for(token):
        return True  # "much of his appeal lies in ...": charm, not a plea
    if figurative_violence(trigger) and not verbal_attack_word(trigger):
        return True  # "the mills fight to keep their trade", "she leads him by nine points"
    if sense.kind == "adj":  # "some said they were ready for spring": nobody commits to anything
        return inner is None and (actor is None or not actor_can_act(actor) or not _named_party(actor))
    if sense.type == "RETREAT" and sense.mode == "release" and lemma in RELEASE_LEMMAS:
        return any(c.dep_ == "xcomp" for c in token.children) or not _released_someone(token)  # "free the mayor to"
    if sense.type == "RETREAT" and lemma == "withdraw" and not sense.parts:
        return any(_thing_words(o) & PAPERS for o in _objects(token))  # "withdrew the bill"
    if sense.type == "PROTEST" and actor is not None and referent(actor).lemma_.lower() in _MARKETS:
        return True  # "the index has been rallying": prices rise, nobody protests
    if sense.type == "PROTEST" and _campaign_rally(trigger, actor):
        return True  # a candidate's rally is a campaign event, not a protest
    if trigger.obj is not None and sense.mode == "release" and trigger.obj.lemma_.lower() in RELEASE_LEMMAS:
        return not _released_someone(trigger.obj)  # "ordered periodic releases" of documents
    if sense.type == "SUPPORT" and lemma in {"recognise", "recognize"} and _recognises_a_thing(token):
        return True  # "recognises three kinds of drought": tells them apart, no state is recognised
    if sense.type == "ASSAULT" and lemma == "take" and "up" in prepositions(token):
        return True  # "snipers took up posts on the roofs": placed, nothing captured
    if sense.type == "COERCE" and any(referent(o).lemma_.lower() in _FIRES for o in _objects(token)):
        return True  # "firefighters put down the blaze": no one coerced
    if sense.type == "DEMAND" and lemma == "call" and sense.kind == "verb" and _calls_names(token):
        return True  # 'called him a "coward" for quitting': a name given for a reason, no demand
    if sense.type == "DISAPPROVE" and lemma == "break" and _breaks_with_a_way(token):
        return True  # "breaking with a long tradition": a change of course, no break with a party
    if sense.type == "DISAPPROVE" and lemma == "break" and _objects(token):
        return True  # "broke the school record with a late shot": no break with anyone
    if sense.type == "CONSULT" and trigger.obj is not None and _press_event(trigger.obj):
        return True  # "held a joint press conference": a briefing for reporters, no talks
    if trigger.obj is not None and _trade_deal(trigger.obj) and not (actor is not None and names_country(actor)):
        return True  # "signed a distribution agreement with a clothing firm": business, not diplomacy
    if sense.type == "COOPERATE" and trigger.obj is not None and trigger.obj.lemma_.lower() == "game":
        return not any(c.lower_ == "war" for c in trigger.obj.children)  # war games, not video games
    if sense.mode == "martial-law" and trigger.obj is not None and not _emergency_rule(trigger.obj):
        return True  # "extended minimum wage laws to the island": ordinary laws, no martial law
    if sense.type == "AID" and not sense.objects and sense.kind == "verb":
        return not _gives_aid(token)
    if sense.type == "AID" and _to_a_campaign(token):
        return True  # "sent $9,000 to the Selm League's PAC": a political donation, not aid
    if sense.type == "AGREE" and lemma == "offer" and sense.kind == "verb":
        return not _offers_to_act(token)
    if sense.type == "AGREE" and lemma == "agree" and sense.kind == "verb" and not _agreed_to_something(token):
        return True  # "Brand agrees", "agreed with the senator": sharing a view, no agreement made
    if sense.type == "AGREE" and lemma == "volunteer" and sense.kind == "verb":
        return not any(c.dep_ == "xcomp" for c in token.children)  # "volunteered for the campaign": work, no offer
    if sense.type == "DEMAND" and lemma == "push" and (prepositions(token) & _SHOVES or _pushed_to_a_state(token)):
        return True  # "shoved the cart aside": a bodily push, no pressure on anyone
    if sense.type == "SANCTION" and trigger.obj is not None and _own_thing(trigger.obj, actor):
        return True  # "the league's clinics were suspended": it halted its own work, no one is punished
    if sense.type == "DEMAND" and lemma in {"push", "press"}:
        # "pushed an agenda" promotes a view; "pushing hard to bring him back" is an effort, no one asked
        if any(_thing_words(o) & _ARGUMENTS for o in _objects(token)) or _strives(token):
            return True
        # "pushed the button", "pushes the tally past 2012": a thing moved, no one pressed to act
        things = [o for o in _objects(token) if o.dep_ == "dobj" and not can_be_party(referent(o))]
        asks_for = any(
            c.dep_ == "prep" and c.lower_ == "for" and not any(_a_time(g) for g in c.children) for c in token.children
        )
        return bool(things) and not asks_for and not any(is_named(t) for o in things for t in o.subtree)
    if sense.type == "CONSULT" and lemma == "speak" and sense.kind == "verb":
        # "spoke with the Valmoran president": talks; "spoke to reporters", "spoke to CNN": a statement
        partners = [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"with", "to"} for g in c.children]
        press = any(t.lemma_.lower() in _PRESS_ROLES for p in partners for t in p.subtree)
        return press or not any(referent(p).ent_type_ in {"PERSON", "GPE"} for p in partners)  # an interview
    if sense.type == "CONSULT" and lemma == "talk" and sense.kind == "verb":
        return _talks_about(token)
    if sense.type == "SUPPORT" and lemma == "welcome" and any(_thing_words(o) & _NEWBORN for o in _objects(token)):
        return True  # "welcomed a baby girl": a birth, no support
    if sense.type == "COERCE" and lemma == "occupy" and any(_thing_words(o) & _POSTS for o in _objects(token)):
        return True  # "occupies one of the key positions": holds an office, takes nothing
    if sense.type == "CONSULT" and trigger.obj is not None and _thing_words(trigger.obj) & _DRILLS:
        return True  # "held training sessions", "strategy meetings": a campaign's own work, no talks
    if sense.type == "CONSULT" and lemma == "call" and _names_someone(token, trigger.obj):
        return True  # 'calling him "the weakest president"': a name given, no phone call
    if lemma == "bar" and token.lower_ == "barring" and not any(c.dep_ == "nsubj" for c in token.children):
        return True  # "barring a late upset, X wins": unless, not a ban
    if sense.type == "DISAPPROVE" and lemma == "bash" and prepositions(token) & {"in", "up", "down"}:
        return True  # "bashed in a door": a blow to a thing, no criticism
    if sense.type == "DISAPPROVE" and lemma == "blast" and "out" in prepositions(token):
        return True  # "blasted out a newsletter": sent, not criticised
    if lemma in {"applaud", "thank"} and not any(c.dep_ in {"dobj", "nsubjpass"} for c in token.children):
        return True  # "applauding along with the audience": nobody is applauded
    if (sense.type == "ASSAULT" and lemma == "execute") or (sense.mode == "arrest" and lemma == "round"):
        return not _objects_are_people(token)  # "executed the script", "rounded up a few examples"
    if sense.type == "ASSAULT" and lemma == "beat" and _in_contest(token):
        return True
    if lemma == "ask" and _asks_question(token):
        return True
    if sense.type == "AGREE" and lemma == "invite" and sense.kind == "verb" and not _invited_to_meet(token):
        return True  # "invited architects to bid", "invited him to dinner": no talks are offered
    if sense.type == "THREATEN" and lemma == "warn" and sense.kind == "verb" and _advises(token):
        return True  # "warned residents to stay indoors": advice, no harm threatened by the warner
    if sense.type == "THREATEN" and lemma == "warn" and (_warns_of_a_risk(token) or _warns_about(token)):
        return True  # "warned of the implications", "warned parents about head lice": a danger foreseen
    if sense.type == "THREATEN" and _hazard_warning(trigger.obj if trigger.obj is not None else token):
        return True  # "put out gale warnings", "an orange heat alert": a forecast, nobody threatened
    if sense.type == "AGREE" and lemma == "announce" and _announced_intent(trigger, inner):
        return True  # "announced plans for a curfew": an intention, but not one to cooperate with anyone
    if sense.type == "INVESTIGATE" and lemma == "probe" and any(c.lower_ == "space" for c in token.children):
        return True  # a space probe is a spacecraft, not an inquiry
    if lemma == "charge" and sense.kind == "verb" and any(_a_price(o) for o in _objects(token)):
        return True  # "charged a $12 entry fee": a price, no accusation
    if sense.kind == "noun" and trigger.obj is None and token.dep_ == "compound":
        return True  # "attack helicopters", "protest songs": the word names a kind of thing
    if sense.type == "PROTEST" and lemma == "march" and "into" in prepositions(token):
        return True  # "the groom marched into the hall": he walked in
    if lemma in {"attack", "tackle"} and any(referent(o).lemma_.lower() in _PROBLEMS for o in _objects(token)):
        return True  # "attacked the cooling problem with bigger fans": work on a task, no one criticised
    if sense.type == "REJECT" and lemma == "oppose" and _describes_holder(token):
        return True  # "voters opposed to the merger filled the hall": who they are, not an act
    if sense.type == "PROTEST" and lemma == "rally" and sense.kind == "verb" and prepositions(token) & _RALLIED_TO:
        return True  # "gardeners rallied around the compost scheme": backing, not a demonstration
    if sense.type == "ASSAULT" and _mishap(token, actor):
        return True  # "died in a road accident", "an earthquake injured 50": no one attacked
    if (
        sense.type == "ASSAULT"
        and lemma == "burn"
        and any(referent(o).lemma_.lower() in _FUELS for o in _objects(token))
    ):
        return True  # "burning fires for heating", "burned coal": fuel, no attack
    if lemma == "plead" and any(c.dep_ in {"acomp", "oprd", "dobj"} and c.lower_ in _PLEAS for c in token.children):
        return True  # "pleaded guilty": a plea in court, no one is asked for anything
    if lemma == "plead" and "to" in prepositions(token) and "with" not in prepositions(token):
        return True  # "pleaded to fraud charges": a plea in court
    if sense.type == "INVESTIGATE" and lemma == "look" and _gazed_into(token):
        return True  # "looked into the eyes of the voters": a gaze, no inquiry
    if sense.type == "DEMAND" and _asks_a_favour(token):
        return True  # "requested anonymity", "asked for an interview": no demand between parties
    if sense.type == "AGREE" and sense.kind == "verb" and _asks_a_favour(token, ("to",)):
        return True  # "agreed to an interview": a favour granted to a reporter, no agreement
    if sense.type == "INVESTIGATE" and _asked_around(trigger.obj if trigger.obj is not None else token):
        return True  # "made inquiries with vendors": asking around for business, no inquiry into anyone
    if _asked_about(token):
        return True  # "asked her if she would back the plan": the endorsement is the question
    if sense.type == "REJECT" and _declines_comment(token):
        return True  # "declined to comment": a statement (CAMEO 011), no PLOVER event
    if sense.type in AGENT_TYPES and actor is None and trigger.target_head is None and not _objects(token):
        return sense.kind != "modal"  # "... and allowed it to grow": no one concedes anything to anyone
    return (
        _bare_participle(token)
        or _opposed_act(token)
        or _describes_noun(token)
        or _judged_act(token)
        or _noun_infinitive(token)
        or _headline_gerund(token)
    )


# What one pushes when one argues rather than asks: "pushed the same agenda for years", "pressing a narrative".
_ARGUMENTS = words("argument narrative message theory story line idea claim agenda view")

# What an invitation to talks invites to: the verb ("invited X to visit")
# or the noun ("to talks in Geneva", "to a summit").
_MEETING_WORDS = frozenset(
    {"talk", "meet", "meeting", "visit", "negotiate", "negotiation", "summit", "consultation", "discuss",
     "discussion", "conference", "dialogue", "mediate", "mediation"}
)  # fmt: skip


def _invited_to_meet(token: Token) -> bool:
    """Whether "invite" offers talks: to meet, visit or negotiate, or to a meeting."""
    for child in token.children:
        if child.dep_ in {"xcomp", "advcl"} and child.lemma_.lower() in _MEETING_WORDS:
            return True
        objects = [o for o in child.children if o.dep_ == "pobj"] if child.dep_ == "prep" else []
        if child.lower_ in {"to", "for"} and any(o.lemma_.lower() in _MEETING_WORDS for o in objects):
            return True
    return False


def _agreed_to_something(agree: Token) -> bool:
    """ "agreed to talks", "agreed on a ceasefire", "agreed to withdraw", "agreed a deal", "Norland and
    Valmora agreed": something agreed between parties, not only a view shared ("X agrees")."""
    if any(c.dep_ in {"xcomp", "dobj"} for c in agree.children):
        return True
    if any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for c in agree.children):
        return True
    return bool(prepositions(agree) & {"to", "on", "upon"}) or any(c.dep_ == "ccomp" for c in agree.children)


def _mishap(token: Token, actor: Token | None) -> bool:
    """Harm from an accident or a natural force: the actor is one ("an earthquake struck, injuring 50"),
    or, with no actor, the clause says so ("killed in a crash", "died when a landslide hit the
    village"). An attacker named as the actor stays one ("gunmen killed twelve as the storm raged")."""
    if actor is not None:
        return referent(actor).lemma_.lower() in _MISHAPS
    causes = [o for p in token.children if p.lower_ in {"in", "by"} for o in p.children if o.dep_ == "pobj"]
    for clause in (c for c in token.children if c.dep_ == "advcl" and c.i > token.i):
        causes += [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if token.tag_ == "VBG":  # "a quake struck, causing buildings to collapse and injuring 50 people"
        causes += [c for a in token.ancestors for c in a.children if c.dep_ == "nsubj"]
    return any(referent(c).lemma_.lower() in _MISHAPS for c in causes)


def _a_time(token: Token) -> bool:
    """ "for 2012", "for months": a span of time, not what someone asks for."""
    return token.like_num or token.ent_type_ in {"DATE", "TIME"} or token.lemma_.lower() in _TIME_SPANS


_TIME_SPANS = words("second minute hour day week month year decade century while")


def _strives(push: Token) -> bool:
    """ "pushing hard to bring him back": a to-infinitive of one's own effort, with no one pushed
    and nothing pushed for."""
    effort = any(c.dep_ == "xcomp" and own_to(c) for c in push.children)
    return effort and not _objects(push) and not {"for", "on"} & prepositions(push)


def _warns_of_a_risk(warn: Token) -> bool:
    """ "warned of the implications": what is warned of is a danger, not an act of the warner."""
    warned_of = [o for p in warn.children if p.lower_ in {"of", "about"} for o in p.children if o.dep_ == "pobj"]
    return bool(warned_of) and all(referent(o).lemma_.lower() in _RISKS for o in warned_of)


def _announced_intent(trigger: Trigger, inner: Trigger | None) -> bool:
    """ "announced plans for a curfew": an intention, but not one to cooperate with anyone. An intent
    to cooperate names the cooperation ("plans to hold talks"); an announced deal is a deal."""
    intent = trigger.obj is not None and trigger.obj.lemma_.lower() in {"plan", "intention", "readiness"}
    return intent and (inner is None or inner.sense.type not in COOPERATIVE)


# People one can know by sight, never recognise as a state: a person's name or role.
_PEOPLE = words("man woman person member minister official leader president candidate senator face")


def _recognises_a_thing(verb: Token) -> bool:
    """Recognition is support when a party, its government or its statehood is recognised ("recognised
    Valmora's government", "the independence of Selm"); an idea or a kind of thing only is noticed."""
    objects = _objects(verb)
    person = any(referent(o).ent_type_ == "PERSON" or referent(o).lemma_.lower() in _PEOPLE for o in objects)
    if person and "as" not in prepositions(verb):
        return True  # "no passenger recognised the minister": knew him ("recognised X as president" is support)
    return bool(objects) and not any(
        is_actorlike(referent(o)) or _thing_words(o) & _STATEHOOD or any(is_named(t) for t in o.subtree)
        for o in objects
    )


def _pushed_to_a_state(push: Token) -> bool:
    """ "late votes pushed her to a win", "pushed the party to the brink": carried to a state, not pressed
    to act (that is "pushed X to resume talks", a verb)."""
    return any(p.lower_ == "to" and any(o.dep_ == "pobj" for o in p.children) for p in push.children)


def _own_thing(thing: Token, actor: Token | None) -> bool:
    """Whether what is suspended or cut belongs to the one who does it ("its own programmes")."""
    owner = next((c for c in thing.children if c.dep_ == "poss"), None)
    return owner is not None and actor is not None and owner.i == actor.i


def _calls_names(call: Token) -> bool:
    """ "called X a liar for ...", "called her a 'coward' for quitting": "for" gives the reason
    for a name, not what is called for: a call for something has no object of its own ("called
    for a ceasefire", "called for raising wages")."""
    fors = [p for p in call.children if p.dep_ == "prep" and p.lower_ == "for"]
    return bool(fors) and any(c.dep_ in {"dobj", "oprd"} for c in call.children)


# Who one talks to for an interview, not in talks: "spoke with a Post reporter".
_PRESS_ROLES = words("reporter writer journalist correspondent columnist editor anchor host interviewer")
_NEWBORN = words("baby child son daughter girl boy grandchild twin")
_POSTS = words("position post seat office role job chair")
# Meetings a side holds for its own people: training, drills, planning.
_DRILLS = words("training practice drill strategy planning fundraising photo study rehearsal orientation")


def _names_someone(call: Token, obj: Token | None) -> bool:
    """ "called him the worst president", "called Alder 'Little Tom'": a name or a verdict given
    to the one called, read by the parser as a second object or a predicate."""
    if obj is not None and obj.dep_ in {"oprd", "attr", "xcomp"}:
        return True
    objects = [c for c in call.children if c.dep_ in {"dobj", "oprd", "ccomp", "xcomp"}]
    return len(objects) > 1 or any(c.dep_ == "oprd" for c in call.children)


def _breaks_with_a_way(verb: Token) -> bool:
    """ "broke with tradition", "a break with past practice": what is left is a way of doing."""
    left = [o for p in verb.children if p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    return bool(left) and all(_thing_words(o) & _WAYS for o in left)


def _a_price(obj: Token) -> bool:
    """An object that is an amount of money or a price word ("a fee", "$9", "customers more")."""
    head = referent(obj)
    if head.lemma_.lower() in _PRICES or head.ent_type_ == "MONEY" or head.like_num:
        return True
    return any(c.lower_ in {"$", "€", "£", "more", "less"} or c.ent_type_ == "MONEY" for c in head.subtree)


def _warns_about(warn: Token) -> bool:
    """ "warned residents about the ice", "warned parents about head lice": one warns about a danger
    to the warned; a threat names what the warner will do ("warned of retaliation", "or face ...")."""
    if any(t.lower_ in {"or", "otherwise", "unless"} for t in warn.subtree):
        return False
    told = [warn] + [c for c in warn.children if c.dep_ in {"dobj", "dative"}]  # "about" may hang on the warned
    about = [
        o for t in told for p in t.children if p.lower_ == "about" for o in p.children if o.dep_ in {"pobj", "pcomp"}
    ]
    return bool(about) and not any(referent(o).lemma_.lower() in _REPRISALS for o in about)


def _hazard_warning(warning: Token) -> bool:
    """A warning of weather, floods or a health risk, often graded by colour ("amber warnings")."""
    return warning.lemma_.lower() in {"warning", "alert"} and any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in _HAZARDS for c in warning.children
    )


def _describes_holder(oppose: Token) -> bool:
    """ "opposed to" with no form of "be" or "have": a reduced relative on a noun ("groups opposed
    to the plan"), which the parser may still take for the main verb. An act of opposing has an
    object ("opposed the plan") or an auxiliary ("were opposed to", "have opposed")."""
    if "to" not in prepositions(oppose) or any(c.dep_ == "dobj" for c in oppose.children):
        return False
    return not any(c.dep_ in {"aux", "auxpass"} for c in oppose.children) and oppose.tag_ in {"VBN", "VBD"}


def _advises(warn: Token) -> bool:
    """Whether "warned X to do Y" only advises X: an object told to act, and
    no harm named ("of retaliation", "against an attack", "or face ...")."""
    children = list(warn.children)
    if any(c.dep_ == "prep" and c.lower_ in {"of", "against", "about"} for c in children):
        return False
    if any(t.lower_ in {"or", "otherwise", "unless"} for t in warn.subtree):
        return False  # "warned them to leave or face an assault": an ultimatum
    told = any(c.dep_ in {"dobj", "dative"} for c in children)
    return told and any(c.dep_ in {"xcomp", "ccomp", "advcl"} and c.i > warn.i and _infinitive(c) for c in children)


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and own_to(verb)


# What a defendant pleads in court ("pleaded guilty", "pleads no contest").
_PLEAS = frozenset({"guilty", "innocent", "contest", "insanity"})
# What a reporter, a source or a fan asks for: no demand between parties.
_FAVOURS = words("interview comment autograph photo selfie picture anonymity anonymous confidentiality")
# Dangers one warns of without threatening anything: "warned of the implications".
_RISKS = words("implication impact effect risk danger crisis disaster shortage recession collapse problem")
# What a forecaster or a health office warns of, and the colours that grade such warnings.
_HAZARDS = words(
    "weather flood storm heat wind snow rain ice fog frost gale thunderstorm tsunami hurricane cyclone "
    "tornado avalanche fire wildfire drought travel health amber yellow orange red"
)
# What a warner may threaten to bring about: "warned them about the consequences" stays a threat.
_REPRISALS = words("consequence repercussion retaliation reprisal response punishment sanction action measure")
# What a state recognises in another: "recognised the independence of Selm".
_STATEHOOD = words("independence sovereignty statehood government state annexation election result")
# Particles of a bodily push: "pushed him out of the way", "pushed the cart away".
_SHOVES = frozenset({"out", "away", "aside", "off", "down", "over", "into", "through"})
# Fires that are put down or contained, not people.
_FIRES = words("fire blaze flame wildfire bushfire inferno")
# Ways of doing things one "breaks with".
_WAYS = words("policy tradition practice precedent convention norm custom orthodoxy habit past doctrine approach")
# What is charged when a price is asked: "charged a fee".
_PRICES = words("fee price rate interest toll premium fare rent tuition commission dollar cent euro pound")
# Tasks one "attacks" or "tackles": no party is criticised.
_PROBLEMS = words("problem issue challenge question task puzzle bottleneck shortcoming")
# Prepositions of rallying to a side ("rallied around the leader", "behind the plan"): backing.
_RALLIED_TO = frozenset({"around", "round", "behind", "to"})
# What is burned without attacking anyone: "burning fires for heating".
_FUELS = words("fire wood coal fuel trash waste rubbish garbage stubble candle calorie incense")
# Labels that open a link to another article: "SEE MORE: ...", "Read more: ...".
TEASER_LABELS = frozenset({"see more", "read more", "related", "more", "watch", "also read", "see also", "listen"})
# What rallies on a market: "the index has been rallying".
_MARKETS = words(
    "stock share index market price dollar euro pound yen yuan rupee currency bond yield sensex nifty dow nasdaq"
)
# Accidents and forces of nature: harm from them is no attack.
_MISHAPS = (
    words(
        "accident crash collision derailment earthquake quake tremor aftershock landslide mudslide flood flooding "
        "storm hurricane typhoon cyclone tornado tsunami avalanche eruption wildfire blaze lightning heatwave "
        "drought stampede hit-and-run"
    )
    | lexicon.DISEASES
)
# Where words are said: "insisted on the radio that ...".
MEDIA = words("radio television tv show programme program air network channel broadcast podcast interview")
# "an investigation with the help of X" is still one.
_HELP = words("help support cooperation assistance aid")
# What one looks into without inquiring: "looked into the eyes of the parents".
_GAZED = frozenset({"eye", "face", "camera", "mirror", "distance", "sky"})


def own_to(verb: Token) -> bool:
    """Whether the verb carries its own infinitive "to" ("to resign", "for X to quit")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def prepositions(token: Token) -> set[str]:
    """The prepositions and particles on a word ("pleaded with", "called off", "shot by")."""
    return {c.lower_ for c in token.children if c.dep_ in {"prep", "prt", "agent"}}


def _gazed_into(token: Token) -> bool:
    return any(o.lemma_.lower() in _GAZED for p in token.children if p.lower_ == "into" for o in p.children)


def _asked_around(inquiry: Token) -> bool:
    """ "made inquiries with vendors": asking people for a deal, not an inquiry into anyone."""
    asked = [o for p in inquiry.children if p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    into = prepositions(inquiry) & {"into", "about", "of"}
    return bool(asked) and not into and not any(o.lemma_.lower() in _HELP for o in asked)


def _asks_a_favour(token: Token, preps: tuple[str, ...] = ("for",)) -> bool:
    """What is asked (or granted), as the object or after ``preps``, is a favour (_FAVOURS): "asked
    for an interview", "agreed to an interview"."""
    asked = _objects(token) + [o for p in token.children if p.lower_ in preps for o in p.children if o.dep_ == "pobj"]
    return any(_thing_words(o) & _FAVOURS for o in asked)


def _direct_question(token: Token) -> bool:
    """A sentence that asks ("Does the council agree ...?") asserts nothing."""
    sent = token.sent
    last = next((t for t in reversed(list(sent)) if not t.is_punct or t.text == "?"), None)
    return last is not None and last.text == "?"


def _campaign_rally(trigger: Trigger, actor: Token | None) -> bool:
    """A rally held by one named person ("Sanders held a rally", "his rallies"): a campaign event."""
    word = trigger.obj if trigger.obj is not None else trigger.token
    if word.lemma_.lower() != "rally":
        return False
    owner = next((c for c in word.children if c.dep_ == "poss"), actor)
    if owner is None:
        return False
    head = referent(resolve_pronoun(owner))
    return head.ent_type_ == "PERSON" and not head.conjuncts


def _named_party(actor: Token) -> bool:
    """Whether an actor phrase names someone ("Norland", "the Green Union"), not "a country"."""
    head = referent(resolve_pronoun(actor))
    return any(is_named(t) for t in head.subtree if t.i <= head.i)


def _headline(token: Token) -> bool:
    """A title-case line ("Historic Accord Adopted In Port Elm After Talks"): a headline or a link.

    Names are capitalised in any sentence ("President Ilse Brand met Foreign Minister Karl
    Dalrow"); what only title case capitalises is the small words: "In", "After", "Is", "For".
    A line opened by a link label ("SEE MORE:", "Read more:", "Related:") is a teaser for
    another article, whatever its case.
    """
    sent = token.sent
    label = [t.lower_ for t in sent[:4]]
    if ":" in label and " ".join(label[: label.index(":")]) in TEASER_LABELS:
        return True
    small = [t for t in sent if t.i != sent.start and t.is_stop and t.is_title and t.lower_ not in {"the", "i"}]
    unstopped = sent[-1].is_alpha  # a headline ends on a word, with no full stop
    return len(small) >= 2 or (len(small) == 1 and unstopped)


def insists_on_a_fact(token: Token) -> bool:
    """ "insisted (that) the figures were sound": a that-clause in the indicative with no modal of obligation."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    insisted_on = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children]
    if not clauses or any(not _medium(o) for o in insisted_on):
        return False  # "insisted on a recount" demands; "insisted on the radio that ..." claims
    clause = clauses[0]
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if modals & {"must", "should", "shall", "ought"}:
        return False
    return clause.tag_ != "VB" or bool(modals)  # "insisted he leave" demands; "that it would be" claims


def _medium(noun: Token) -> bool:
    """Where one speaks: "on the radio", "on Twitter", "on a network's show"."""
    return noun.lemma_.lower() in MEDIA or noun.pos_ == "PROPN"


def _appeal_for(token: Token) -> bool:
    """An appeal that asks: "an appeal for calm", "an appeal to the rebels", "appeal to stop"."""
    return any((c.dep_ == "prep" and c.lower_ in {"for", "to"}) or c.dep_ in {"acl", "ccomp"} for c in token.children)


def _objects(token: Token) -> list[Token]:
    """Direct object or passive subject, with conjuncts."""
    found = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    return found + [c for o in found for c in o.conjuncts]


def _released_someone(token: Token) -> bool:
    """ "released 40 prisoners", "the hostages were freed": people, not emails or footage."""
    objects = _objects(token)
    if token.pos_ == "NOUN":  # "the release of the hostages"
        objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(is_actorlike(referent(o)) or is_named(referent(o)) for o in objects)


# Recipients of political money: a donation to them backs a candidate, it is no aid.
_CAMPAIGN_FUNDS = words("pac campaign candidate superpac")
# Copulas: "must be", "should become" prescribe a state, not an act ("must stay out" is an act).
_STATES = words("be become")


def _prescribed_state(clause: Token) -> bool:
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return clause.lemma_.lower() in _STATES and bool(modals & {"must", "should", "ought", "needs"})


def _to_a_campaign(token: Token) -> bool:
    """Whether what is given goes "to" a campaign, a PAC or a candidate."""
    recipients = [g for c in token.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to" for g in c.children]
    return any(g.lemma_.lower() in _CAMPAIGN_FUNDS for g in recipients if g.dep_ == "pobj")


def _gives_aid(token: Token) -> bool:
    """ "provided weapons", "delivered aid": not "providing details", "delivering remarks"."""
    objects = _objects(token)
    return not objects or any(
        not (referent(o).lemma_.lower() in NOT_AID or o.lemma_.lower() in NOT_AID) for o in objects
    )


def _thing_words(obj: Token) -> set[str]:
    """The lemmas that say what an object is: its head, modifiers and "tons of X" (with X's modifiers)."""
    heads = [obj, referent(obj)]
    heads += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return {t.lemma_.lower() for h in heads for t in [h, *h.children]}


def _offers_to_act(token: Token) -> bool:
    """ "offered to mediate", "offered talks": not "offers you information", "is offered at $9.99"."""
    if any(c.dep_ == "xcomp" for c in token.children):
        return True
    return any(_thing_words(o) & (OFFER_THINGS | AID_THINGS) for o in _objects(token))


def _talks_about(token: Token) -> bool:
    """ "talked at length about taxes": a subject spoken of, with no one spoken with."""
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    at_length = [g for c in token.children if c.lower_ == "at" for p in c.children for g in p.children]
    preps |= {g.lower_ for g in at_length}  # "talked at length about taxes": "about" hangs on "length"
    spoken = any(c.dep_ == "dobj" for c in token.children)  # "talked politics", "talking shop"
    return bool(preps & {"about", "of"} or spoken) and not preps & {"with", "to"}


# Kinds of contract firms sign with each other: "a licensing agreement", "a supply deal".
AGREEMENTS = words("agreement deal contract accord pact")
# What firms agree to do with each other: "an agreement to acquire X".
_DEALS = words("acquire buy sell purchase merge license licence supply lease invest")
_TRADE = words(
    "licensing licence license sponsorship supply purchase lease loan franchise distribution marketing "
    "business commercial merger acquisition advertising endorsement publishing book record"
)


def _press_event(noun: Token) -> bool:
    """ "a press conference", "a news briefing": reporters are told, no parties meet."""
    return any(c.lower_ in {"press", "news", "media"} for c in noun.lefts)


def _trade_deal(obj: Token) -> bool:
    """An agreement or a contract of trade, by the words before it or the deal it is for
    ("an agreement to acquire the chip maker")."""
    if any(c.dep_ == "acl" and c.lemma_.lower() in _DEALS for c in obj.children):
        return True
    if obj.lemma_.lower() == "contract":
        return True  # a player's, a firm's, a worker's contract (a state's is read by the caller)
    return obj.lemma_.lower() in AGREEMENTS and any(c.lower_ in _TRADE for c in obj.lefts)


def _emergency_rule(obj: Token) -> bool:
    """Whether the object of a martial-law sense names emergency rule: "martial law", "a state of
    emergency"; not any law or any state. The sense's other objects ("siege", "emergency") are."""
    lemma = obj.lemma_.lower()
    if lemma == "law":
        return any(c.lower_ == "martial" for c in obj.children)
    if lemma == "state":
        return any(p.lower_ in {"emergency", "siege"} for p in obj.subtree)
    return True


def _objects_are_people(token: Token) -> bool:
    """ "executed two prisoners", not "executed the script"."""
    return any(is_actorlike(referent(o)) and o.lower_ not in DEMONSTRATIVES for o in _objects(token))


def _in_contest(token: Token) -> bool:
    """ "outpacing Brel in the three-way contest", "beat the incumbent in the primary"."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
        if any(g.lemma_.lower() in CONTESTS for g in prep.children if g.dep_ == "pobj"):
            return True
    return any(t.lemma_.lower() in {"poll", "survey"} for t in token.sent)


def _declines_comment(token: Token) -> bool:
    """ "declined to comment", "refused to say": an act of speech declined, nothing refused to a party."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in SPEECH_ACTS for c in token.children)


def _asks_question(token: Token) -> bool:
    """ "asked whether the mayor would run again", "asked: did they talk?": a question, not a demand."""
    if any(c.lemma_.lower() == "question" for c in token.children if c.dep_ in {"dobj", "nsubjpass"}):
        return True
    if any(t.text == "?" for t in token.doc[token.i : token.sent.end]):
        return True
    asked = {c.dep_ for c in token.children}
    if not asked & {"dobj", "dative", "xcomp", "ccomp", "nsubjpass", "advcl"} and "for" not in prepositions(token):
        return True  # '"Why now?" X asked in a post': nobody and nothing is asked for
    for clause in (c for c in token.children if c.dep_ in {"advcl", "ccomp"}):
        if any(m.lower_ in {"if", "whether"} for m in clause.children if m.dep_ == "mark"):
            return True
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        marks = {m.lower_ for m in clause.subtree if m.dep_ in {"mark", "advmod", "nsubj", "dobj"}}
        if marks & {"whether", "if", "how", "why", "what", "who", "when", "where"}:
            return True
    return False


def _asked_about(token: Token) -> bool:
    """Whether the trigger sits in an if/whether clause of "ask" or "wonder"."""
    while token.dep_ not in {"ROOT"} and token.head is not token:
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if marks & {"if", "whether"} and token.head.lemma_.lower() in {"ask", "wonder", "question", "inquire"}:
            return True
        if token.dep_ in {"ccomp", "advcl", "relcl", "parataxis"} and not marks:
            return False
        token = token.head
    return False


def _bare_participle(token: Token) -> bool:
    """ "Asked about the plan, she said ...": the main subject was asked; it did not ask."""
    if token.tag_ != "VBN" or token.dep_ != "advcl":
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass", "agent", "aux", "auxpass", "mark"} for c in token.children)


def _opposed_act(token: Token) -> bool:
    """ "campaigned against licensing X", "a rally against the deal": what someone opposes, not what happened."""
    return token.dep_ in {"pcomp", "pobj"} and token.head.lower_ in {"against", "instead"}


def _describes_noun(token: Token) -> bool:
    """ "a bloc formed by X and funded by Y": the conjunct of a participle modifier describes the noun too.

    (triggers.py already leaves out the first participle; a gerund after a noun
    is left alone: "an explosion killing twelve" tells what happened.)
    """
    if token.dep_ != "conj" or token.pos_ != "VERB":
        return False
    while token.dep_ == "conj" and token.head.pos_ == "VERB":
        token = token.head
    if token.dep_ == "amod":
        return True
    if token.dep_ != "acl" or token.tag_ != "VBN" or token.head.dep_ == "ROOT" or trailing_report(token):
        return False
    return token.head.lemma_.lower() not in ACT_NOUNS


def _judged_act(token: Token) -> bool:
    """ "it is hard to fault the clerk": an infinitive under an adjective of judgement."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in JUDGED_ACTS


def _noun_infinitive(token: Token) -> bool:
    """ "the treasury's ability to support more spending": an infinitive that describes a noun."""
    if token.dep_ != "acl" or token.tag_ != "VB" or not any(c.lower_ == "to" for c in token.children):
        return False
    return token.head.pos_ == "NOUN" and token.head.lemma_.lower() not in ACT_NOUNS


def _headline_gerund(token: Token) -> bool:
    """ "Reviewing the Port Elm budget.": a headline gerund with no one doing it."""
    return token.dep_ == "ROOT" and token.tag_ == "VBG" and not any(c.dep_.startswith("nsubj") for c in token.children)


def actor_can_act(actor: Token) -> bool:
    """Whether an actor phrase can be a party: not a thing ("the airstrike", "a poll"), not a bare "this"."""
    head = referent(resolve_pronoun(actor))
    if head.lower_ in DEMONSTRATIVES and head.pos_ in {"PRON", "DET"}:
        return False
    if head.pos_ == "PRON" and head.i == actor.i:
        return False  # "he", "they", "you" with no one to refer to
    if head.pos_ != "NOUN" or head.dep_ in {"nsubj", "nsubjpass", "csubj"}:
        return True  # "a roadside bombing killed ...": the coders take the subject as the source
    if head.dep_ == "pobj" and head.head.lower_ == "by":
        return True  # "killed by an improvised explosive device": likewise
    return can_be_party(head) or any(is_named(t) for t in head.subtree if t.i <= head.i)


def instrument(actor: Token) -> bool:
    """A deed or a weapon as the subject of force ("the strike killed ...", "a shell hit ..."): the
    PLOVER coders take it as the source, but it is what did it, not who, so no party is named."""
    head = referent(actor)
    if head.pos_ != "NOUN" or can_be_party(head) or any(is_named(t) for t in head.subtree):
        return False  # "a Norland airstrike": the country is named with it; "a gunman" is someone
    lemma = head.lemma_.lower()
    return lemma in WEAPON_MODES or lemma in BLOWS or any(s.type == "ASSAULT" for s in lexicon.senses("noun", lemma))


# Deeds of force that can stand as a subject ("the strike killed", "a blast wounded").
BLOWS = words("strike airstrike blast explosion barrage salvo volley gunfire fire shell shelling missile rocket drone")


def in_unattributed_quote(token: Token, quotes: Sequence[Quote], actor_id: str | None) -> bool:
    """Whether the trigger sits in a direct quotation without a known speaker or a named actor.

    Quoted words are a claim of the speaker, often loose ("we're fighting for
    every vote", "they killed it"); an event is read from them only when the
    quote has a speaker (it becomes their report) and the actor is a named party.
    """
    # indexed once per article (a loop over every quote for every trigger was quadratic)
    quote = first_containing(quotes, token.idx, "direct-quote", lambda q: q.kind == "direct")
    return quote is not None and (quote.speaker is None or actor_id is None)
