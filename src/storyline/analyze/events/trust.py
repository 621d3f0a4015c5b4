"""Whether a coded event can be trusted enough to emit: the last gate, precision first.

``events.py`` codes every trigger it can read (the PLOVER benchmark scores that
coder on sentences known to hold an event). On running text most triggers are
not events: a candidate's "promise", a reporter who "asked", documents
"released", a "fight" for votes. An event is emitted only when the parse
supports all three parts of it:

* the actor is a party: a name, a group or a role the parse resolves to (not an
  unresolved "he", "many", a dateline city, an instrument or a thing); only
  violence, coercion and inquiry may be reported with no actor ("three people
  were killed"), and then the target must be a party;
* the target, when there is one, is a party too;
* the sense of the trigger has what its type needs: an agreement has a partner
  or an agreed act, a meeting two parties, aid a thing given, a release
  someone released, a demand someone asked *to* act.

What fails is left out and the reason is kept on the coded event
(``Coded.distrust``) for the benchmark and the audit. Measured with
``benchmarks/event_audit.py`` (hand-judged samples of the emitted events).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon import FUTURE_AUX, words
from ..entities.gazetteer import DEMONYMS
from ..phrases import dateline
from .actors import (
    ACTOR_NOUNS,
    CAPITALS,
    FIRST_PERSON,
    QUANTIFIERS,
    ROLES,
    ambiguous_pronoun,
    is_named,
    is_pronoun,
    names_country,
    object_antecedent,
    referent,
    resolve_pronoun,
    sentence_subject,
    speaker_of,
)
from .actors import is_actorlike as _actorlike
from .lexicon import DISEASES, VIOLENCE
from .participants import breaks, claimant, passive_partners, path_up, stranded_call, undergoing_verb
from .plausible import AID_THINGS, OFFER_THINGS, instrument, own_to, prepositions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from ...model import Event, Quote
    from .triggers import Trigger

THIRD_PERSON = frozenset({"he", "she", "they", "him", "her", "them"})
SPEECH_HOSTS = words("say tell state add announce write post declare")
# Where a trigger is background to its sentence: "by attacking", "after meeting".
EMBEDDED = frozenset({"pcomp", "advcl", "acomp"})
# People a sentence can speak of in general ("a reporter's request", "if a protester starts ...").
ANYONE = words("person reporter journalist protester voter citizen customer president leader member politician")
# Types a text reports without saying who did it ("were killed", "was banned", "is under investigation").
ACTORLESS_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "INVESTIGATE", "MOBILIZE"})
# Words that make an agreement one on its own ("signed the accord"); other AGREE words
# ("promise", "vow", "ready") need a partner or an agreed act.
AGREEMENT_WORDS = words("agree sign accept ratify approve ceasefire truce deal agreement accord treaty")
# What a party withdraws or releases when it retreats: people and forces.
FORCES = words(
    "troop force soldier army unit battalion brigade ambassador diplomat envoy staff personnel prisoner "
    "hostage detainee captive military navy fleet ship warship peacekeeper contingent"
)
# Verbs of asking that code a demand only with an infinitive or "for" ("asked them to leave").
ASK_VERBS = words("ask call")
# Demand words that state a rule or a result, not a demand made of someone.
NOT_DEMANDS = words("require get have win need")
# Literal violence words: an ASSAULT trigger that is one of these needs no other violent word around it.
LITERAL_VIOLENCE = words(
    "kill murder shoot bomb stab behead abuse rape shell massacre wound injure assassinate execute torture "
    "abduct kidnap airstrike bombing shooting killing massacre assassination "
    "strangle lynch butcher maim firebomb slit plow plough ram mow"
)
# Verbs that carry a noun event as their own ("held talks", "did not sign the deal"): their
# negation denies the event. Under any other verb ("did not answer the request") the noun
# event happened and only the verb is negated (events.py, ``_negated``).
SUPPORT_VERBS = words(
    "hold have make give reach sign conclude launch carry conduct stage impose issue announce plan seek get "
    "take be begin start order call"
)
# What is promised to no one is a pledge of policy ("promised to cut taxes"), not an agreement.
PROMISES = words("promise pledge vow swear commit")
# Clauses that say what must happen first.
CONDITIONS = words("until unless lest")
# Where a meeting's other party is named: "met with X", "talks between X and Y", "a visit to X".
MEETING_PREPS = words("with between among to in")
# Verbs of travel: a visit only when a country's government is visited.
MOTION = words("arrive fly travel come go return land head leave")
REFLEXIVES = words("himself herself themselves itself myself ourselves")
# Verbs of pressing that need someone pressed or something asked for ("pushing cuts" is advocacy).
PRESSING = words("push press pressure")
# Nouns whose "of"-gerund is a habit or a record, not a happening: "a history of blaming".
HABITS = words("history habit record pattern tendency practice tradition way art business")
# What is released or withdrawn: a RETREAT of these needs people or forces as its object.
RELEASES = words("release free withdraw pull")
# Meeting verbs that imply the other party ("hosted a summit", "negotiated").
HOSTS = words("host visit negotiate")
# What a host holds when parties meet ("hosted the talks"); a show, a convention or a party is no meeting.
MEETINGS = words("summit talk meeting conference negotiation visit delegation round session")
# What is met when no party is: a requirement or a reaction ("met the target", "met resistance").
MET_THINGS = words(
    "target deadline demand goal requirement condition standard quota need expectation criterion criteria "
    "threshold benchmark obligation term cost resistance opposition criticism skepticism scepticism fate end"
)
# Modifiers of an event noun that say it has not happened ("his proposed ban").
UNREAL = words(
    "proposed planned possible potential alleged rumored rumoured hypothetical would-be future pending prospective"
)
# Verbs of wishing and needing: what they govern has not happened and is not planned.
WISHES = words("want hope wish like love desire dream need")
# Nouns whose "to"-clause is an act not yet done: "his proposal to ban X", "a plan to attack".
PROPOSALS = words("proposal plan bid attempt effort call push threat promise pledge offer willingness readiness")
# Words that open a supposition at the head of a sentence: "Suppose X refused ...".
HYPOTHESES = words("suppose supposing say imagine")
# Nouns that hold an event not yet happened: "expectations of a deal", "hopes for a truce".
EXPECTATIONS = words("expectation hope prospect possibility chance likelihood fear talk speculation odds")
# What a rejection of no party rejects when it is a claim, not a demand: "rejected the notion that".
# Not "idea" or "suggestion": "X rejected that idea" often refuses a proposal put to X.
CLAIMS = words("notion claim characterization characterisation label premise assertion")
# Acts one names but does not "call" into being: "called the raid a crime" is no raid by the speaker
# (one calls a meeting, a strike, a vote or a ceasefire).
NAMED_NOT_CALLED = frozenset({"ASSAULT", "COERCE", "SANCTION", "AID"})
# People a country or a town takes in: hosting them is shelter, not a meeting ("hosting refugees").
SHELTERED = words("refugee migrant immigrant evacuee asylum guest visitor tourist student")
# Events a place or a body hosts, whatever their name: hosting one meets no party.
SHOWS = words(
    "convention festival game olympics tournament championship cup concert ceremony gala fair exhibition expo "
    "debate rally parade show"
)

# Prepositions that place an attack rather than aim it: "killed in Selm".
PLACE_PREPS_IN = words("in at near")
# Legal cases: a name compounded before one ("the Selm Bank lawsuit") is most often the party sued.
CASES = words("lawsuit suit case complaint charge indictment probe investigation")
# What is given when someone "gives" words, not aid ("gave paid speeches to banks").
SPOKEN_THINGS = words("speech address talk lecture interview testimony remark statement sermon toast")
# Verbs that try to bring someone to an act: the act they govern ("persuade X to back Y") is not told.
PERSUADING = words("persuade convince encourage induce coax lobby")
# Prepositions that turn a verb of attack into motion ("slammed into the wall", "hit on the idea").
MOTION_PREPS = words("into onto against through")


def party(token: Token, *, owned: bool = False) -> bool:
    """Whether a phrase head stands for a party: a name, a group or a role, not a pronoun left open.

    With ``owned`` (targets), a thing a named party owns stands for it too, the
    way PLOVER codes "rejected Israeli changes" or "United Nations planes".
    """
    if ambiguous_pronoun(token):
        return False  # "after he met him": two names it could be
    head = referent(resolve_pronoun(token))
    if head.pos_ == "PRON" or is_pronoun(head) or head.lower_ in QUANTIFIERS:
        return False  # "he" with no one before it, "many", "some"
    if head.pos_ not in {"PROPN", "NOUN"} and not is_named(head):
        return False  # "That", "Being"
    if head.ent_type_ == "NORP" and head.tag_ not in {"NNPS", "NNS"}:
        # "Iranian" torn from its noun: a party only as the owner of a thing ("rejected Israeli
        # changes"); before a person or group the target is that person ("the Republican nominee").
        # Only a nation's adjective stands for a party that way: "the Democratic primary", "an
        # anti-Islamic video", "radical Islamic ideology" name a party's or a faith's thing, no party
        return (
            owned
            and head.lower_ in DEMONYMS
            and head.dep_ in {"amod", "compound", "nmod"}
            and not _actorlike(head.head)
        )
    if head.is_alpha and len(head.text) == 1:
        return False  # "Q: Have you talked to ...": an interview's letter, not a name
    if head.lower_ in DISEASES or head.lemma_.lower() in DISEASES:
        return False  # "required a measles jab": a disease is no party
    if _city_on_a_thing(head):
        return False  # "looted a Lisbon shoe shop": the capital locates the shop
    if is_named(head) or _unknown_name(head):
        return True
    generic = head.lemma_.lower() in ROLES or head.lemma_.lower() in ANYONE
    if generic and any(c.dep_ == "det" and c.lower_ in {"a", "an", "any", "every", "each"} for c in head.children):
        return False  # "a reporter", "a protester", "any candidate": someone generic, not a party
    if head.lemma_.lower() in ACTOR_NOUNS or head.lemma_.lower() in ROLES or _actorlike(head):
        return True
    if head.lemma_.lower() == "camp" and any(c.ent_type_ == "PERSON" for c in head.children):
        return True  # "the Alder camp": a candidate's people, not a place
    owners = [c for c in head.children if c.dep_ in {"compound", "nmod", "amod", "poss"}]
    return owned and any(is_named(c) or (_actorlike(c) and not is_pronoun(c)) for c in owners)


def _city_on_a_thing(head: Token) -> bool:
    """A capital before a noun that is not a body ("a Lisbon shoe shop", "the Lisbon metro"):
    the city says where the thing is; before "government" or "police" it stands for them."""
    owner = head.head
    while head.dep_ == "compound" and owner.dep_ == "compound":
        owner = owner.head  # "Lisbon shoe shop": past "shoe" to "shop"
    return (
        head.lower_ in CAPITALS
        and head.dep_ in {"compound", "nmod"}
        and owner.pos_ == "NOUN"
        and not (_actorlike(owner) or owner.lemma_.lower() in ACTOR_NOUNS or owner.lemma_.lower() in ROLES)
    )


def _counted_victims(verb: Token) -> bool:
    """A passive toll whose subject is only a number: "84 were killed and 21 were wounded"."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and (subject.like_num or subject.lower_ in TOLL_WORDS) and not list(subject.rights)


# Words a toll can stand on alone ("dozens were hurt").
TOLL_WORDS = words("dozens hundreds thousands scores many several others")


def _force_by_a_thing(actor: Token | None, type_: str) -> bool:
    """An attack whose subject is the weapon or the deed: emitted with no actor (see events._code)."""
    return actor is not None and type_ == "ASSAULT" and instrument(actor)


def town_where(target: Token | None, type_: str) -> bool:
    """A town an event happens in, read as its target: a protest held there, or a pact signed "in
    Geneva". The PLOVER coders take it as the target, but it is where, not whom, so the event
    is emitted with no target (see events._code) instead of being held back."""
    if target is None or type_ in PLACE_TARGET_TYPES or type_ == "CONSULT" or not _city(referent(target)):
        return False  # a visit to a town meets no one
    return type_ == "PROTEST" or target.dep_ == "pobj" and target.head.lower_ in PLACE_PREPS_IN


# Types whose target may be the place itself: a town shelled, sealed off, left.
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})


def _crowd_count(actor: Token | None) -> bool:
    """A crowd told by its size alone: "thousands marched", "hundreds protested"."""
    return actor is not None and actor.lower_ in CROWD_SIZES and actor.dep_ == "nsubj"


CROWD_SIZES = words("thousands hundreds dozens scores tens")


def _where_it_happened(target: Token) -> bool:
    """A target after "in"/"near", or after "at" when it is a place ("shot at a checkpoint");
    "fired at the marchers" aims at people."""
    if target.dep_ != "pobj" or target.head.lower_ not in PLACE_PREPS_IN:
        return False
    return target.head.lower_ != "at" or target.ent_type_ in {"GPE", "LOC", "FAC"} or not _actorlike(target)


def _city(head: Token) -> bool:
    """A place name that is not a country or a capital standing for its government."""
    return head.ent_type_ in {"GPE", "LOC", "FAC"} and not names_country(head) and head.lower_ not in CAPITALS


def _attached(actor: Token, trigger: Trigger) -> bool:
    """Whether the actor hangs on the trigger itself: its subject, its "by" agent, a noun's owner
    or "by"/"from"/"between" phrase. An actor borrowed from a verb above ("urged X to ...", the
    subject of a host clause) is right less than half the time on running text."""
    if trigger.actor_head is not None and actor.i == trigger.actor_head.i:
        return True  # read off the speech verb ("X said Y must withdraw") or a text's issuer
    heads = {trigger.token.i} | ({trigger.obj.i} if trigger.obj is not None else set())
    if trigger.sense.kind == "verb":
        heads |= {v.i for v in passive_partners(trigger.token)}  # "was shot and killed by police"
    if actor.head.i in heads:
        return actor.dep_ in {"nsubj", "nsubjpass", "poss", "compound", "amod", "nmod"} or (
            actor.dep_ == "appos" or trigger.token.pos_ == "NOUN"
        )
    if actor.dep_ == "pobj" and actor.head.head.i in heads:
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in trigger.token.children)
        return actor.head.lower_ in {"by", "from", "between", "among", "of"} or passive and actor.head.lower_ == "in"
    if trigger.sense.kind == "noun" and actor.dep_ == "pobj" and actor.head.lower_ == "from":
        verb = undergoing_verb(trigger.token)  # "Alder received criticism from X": "from" hangs on the verb
        if verb is not None and actor.head.head.i == verb.i:
            return True
    if actor.dep_ == "pobj" and actor.head.lower_ in {"between", "among"}:  # "a deal on X between A and B"
        return any(a.i in heads for a in list(actor.head.ancestors)[:4])
    if actor.dep_ == "conj":
        return _attached(actor.head, trigger)
    if trigger.sense.kind == "noun" and actor.i == getattr(claimant(trigger.token), "i", None):
        return True  # "X claimed responsibility for the bombing"
    token = trigger.token
    if _free_participle(token):
        # "the candidates blasting the governor", "..., mounting an attack on X", "Hacking the
        # servers, the gang ...": the noun the participle hangs on, or its verb's subject, does it
        if token.dep_ == "acl":
            return actor.i == token.head.i
        hosts = {token.head.i}
        host = token.head
        while host.dep_ == "xcomp" and host.head != host:  # "X has begun to rebut it, raising money for Y"
            host = host.head
            hosts.add(host.i)
        return actor.head.i in hosts and actor.dep_ == "nsubj"
    if _misread_relative(token) and actor.head.i == token.head.i and actor.dep_ == "nsubj":
        return True  # "Gunmen linked with the group attacked a bus": the parser made "linked" the verb
    verb = _gerund_host(token, {"by", "in"})  # "fueled the talk by donating 2,700 euros": the subject's own act
    if verb is not None and actor.dep_ == "nsubj" and actor.head.i == verb.i:
        return True
    if token.dep_ == "acl" and token.tag_ == "VBD" and token.head.dep_ == "ROOT" and actor.i == token.head.i:
        return True  # "Alder called Monday for X to quit": the parser missed the main verb, its subject heads all
    if token.dep_ == "acl" and token.tag_ in {"VBN", "VBD"} and not any(c.lower_ == "to" for c in token.children):
        return False  # "a law criticized as unfair": the noun is what was criticized, its owner no critic
    if token.dep_ == "acl" and token.head.pos_ == "NOUN":
        # "its reluctance to endorse X", "Hungary announced plans to meet X": the noun's owner
        # or the subject of the verb the noun is the object of
        noun = token.head
        if actor.head.i == noun.i and actor.dep_ == "poss":
            return True
        return noun.dep_ == "dobj" and actor.head.i == noun.head.i and actor.dep_ == "nsubj"
    if token.dep_ == "pcomp" and token.head.lower_ == "without":  # "met without reaching a deal"
        return actor.head.i == token.head.head.i and actor.dep_ == "nsubj"
    if token.dep_ == "conj" and token.head.dep_ == "ccomp" and token.head.head.lemma_.lower() in SPEECH_HOSTS:
        # "X said the talks lasted six hours and accused Y": the parse hangs "accused" on the
        # reported clause; its subject is the speaker's
        return actor.head.i == token.head.head.i and actor.dep_ == "nsubj"
    if (token.dep_ in {"xcomp", "conj"} or _purpose(token)) and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in token.children
    ):
        # one step of control: "agreed to meet", "urged Valmora to withdraw", "met X and signed ..."
        host = token.head
        if actor.head.i == host.i and actor.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"}:
            return token.dep_ == "xcomp" or actor.dep_.startswith("nsubj") and token.dep_ != "advcl" or _purpose(token)
        return actor.dep_ == "pobj" and actor.head.head.i == host.i and actor.head.lower_ in {"on", "upon"}
    if _accusation(token):  # "accused Valmora of supporting the rebels": Valmora
        return actor.head.i == token.head.head.i and actor.dep_ in {"dobj", "nsubjpass"}
    return False


def _free_participle(token: Token) -> bool:
    """A participle in -ing that hangs on a noun or a clause with no word to tie it ("while",
    "if", "to", a subject of its own): an act told alongside the main one, and asserted as it is.

    Held-back events of this shape were mostly right (benchmarks/judgements/events-heldback-tuning-21.jsonl),
    unlike those read through a verb of control ("able to", "pledged to"), which stay held back.
    """
    if token.tag_ != "VBG" or token.dep_ not in {"acl", "advcl"} or token.head.pos_ not in {"NOUN", "PROPN", "VERB"}:
        return False
    if (token.dep_ == "acl") == (token.head.pos_ == "VERB"):  # acl belongs on a noun, advcl on a verb
        return False
    tied = {"mark", "aux", "auxpass", "nsubj", "nsubjpass", "neg"}
    return not any(c.dep_ in tied for c in token.children)


def _fronted(target: Token, trigger: Token) -> bool:
    """A target read from "On CNN, she called for ...", "In Orlo, police arrested ...": a
    preposition before the verb sets the scene; the one acted on comes after it."""
    prep = target.head
    return (
        target.dep_ == "pobj"
        and prep.lower_ in {"on", "in", "at"}
        and prep.head.i == trigger.i
        and prep.i < trigger.i
        and trigger.pos_ == "VERB"
    )


# Conjunctions of a clause that tells a happening alongside the main one ("when X signed on",
# "as he defended her", "while groups praised the plan"); not "if", "unless", "until", "so that".
TELLING_MARKS = words("when while as after before since because though although once whereas")


def _told_clause(token: Token) -> bool:
    """A finite adverbial clause with its own subject, opened by a conjunction of time, cause or
    contrast: what it tells happened (held-back samples, events-heldback-tuning-21/22: the
    errors among these were of sense or target, not of status)."""
    if token.dep_ != "advcl" or token.tag_ not in {"VBD", "VBZ", "VBP"} and not _has_aux(token):
        return False
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return False
    return any(c.dep_ == "mark" and c.lower_ in TELLING_MARKS for c in token.children)


def _has_aux(token: Token) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO" for c in token.children)


def _gerund_host(token: Token, preps: set[str]) -> Token | None:
    """The verb a gerund after one of ``preps`` hangs on ("won votes by attacking X": "won")."""
    if token.dep_ != "pcomp" or token.head.lower_ not in preps or token.tag_ != "VBG":
        return None
    verb = token.head.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def _means(token: Token) -> bool:
    """ "fueled the talk by donating 2,700 euros": the means of a deed told as done (a past or present
    verb with no modal) happened with it; "plans to win by attacking X" stays held with its plan."""
    verb = _gerund_host(token, {"by"})
    if verb is None or verb.dep_ in {"xcomp", "advcl", "pcomp"} or verb.lemma_ in {"have", "be"}:
        return False  # "Congress has three ways to act: by filing a suit, ...": ways, not deeds
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ in {"VBD", "VBZ", "VBP", "VBN"} and not any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes)


def _if(token: Token) -> bool:
    """A condition ("if militants attack the convoy"): kept, and events.py marks it hedged."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children)


def _purpose(token: Token) -> bool:
    """An infinitive of purpose: "called X to congratulate him", "flew to Y to meet Z"."""
    return token.dep_ == "advcl" and token.tag_ == "VB" and any(c.lower_ == "to" for c in token.children)


def _accusation(token: Token) -> bool:
    """A gerund after "of" on a verb with an object: "accused X of shelling", "suspected of"."""
    return token.dep_ == "pcomp" and token.head.lower_ == "of" and token.head.head.pos_ == "VERB"


def _unknown_name(head: Token) -> bool:
    """A proper noun the entity model left untyped ("Valdoria offered ..."), not a capitalised
    participle at the start of a sentence ("Conceding that ...")."""
    if any(c.dep_ == "poss" for c in head.children) or not head.is_alpha:
        return False  # "Alder's stubbornness": a trait of a named party, not one
    if head.ent_type_:  # a law, a product, an event: typed, and not a party
        return False
    return head.tag_ in {"NNP", "NNPS"} and head.is_title and not head.lower_.endswith(("ing", "ed"))


def distrust(
    trigger: Trigger, type_: str, inner: Trigger | None, actor: Token | None, target: Token | None
) -> str | None:
    """Why the event read from ``trigger`` is not emitted, or None when the parse supports it."""
    if actor is not None and actor.i in {trigger.token.i, getattr(trigger.obj, "i", -1)}:
        return "actor: the trigger word itself"
    stand_in = _force_by_a_thing(actor, type_) or type_ == "PROTEST" and _crowd_count(actor)
    if actor is not None and (not party(actor) and not stand_in or dateline(referent(actor))):
        return "actor: not a party"
    toll = type_ == "ASSAULT" and target is None and _counted_victims(trigger.token)
    if actor is None and (type_ not in ACTORLESS_TYPES and not _legal_charge(trigger) or target is None) and not toll:
        return "actor: none"
    if actor is not None and not _attached(actor, trigger):
        return "actor: read through another word (a controller, a host clause), not the trigger's own"
    if (
        actor is not None
        and is_pronoun(actor)
        and speaker_of(actor) is None
        and object_antecedent(actor) is None
        and sentence_subject(actor) is None
    ):
        return "actor: a pronoun no speech verb resolves"
    if (
        trigger.token.dep_ in EMBEDDED
        and trigger.sense.kind != "verdict"
        and not (
            _accusation(trigger.token)
            or _purpose(trigger.token)
            or trigger.token.head.lower_ == "without"
            or _if(trigger.token)
            or _free_participle(trigger.token)
            or _told_clause(trigger.token)
            or _means(trigger.token)
        )
    ):
        return "status: a gerund or adverbial clause ('by attacking', 'after meeting', 'ready to')"
    if target is not None and (not party(target, owned=True) or dateline(referent(target))):
        return "target: not a party"
    if target is not None and _says_above(target, trigger.token):
        return "target: the one who says or thinks it ('X said that Y opposed ...'), not a party acted on"
    if _question(trigger.token):
        return "status: a question, not an assertion"
    if target is not None and _source_phrase(target):
        return "target: the source of the report ('according to X'), not a party acted on"
    if target is not None and _fronted(target, trigger.token):
        return "target: a phrase before the verb (where or on what it was said), not who it is aimed at"
    if target is not None and _nested(target, trigger.token):
        return "target: named in a clause of its own ('deported for entering the country')"
    if target is not None and type_ not in PLACE_TYPES and _modifier_name(target, trigger.token):
        return "target: a name that only modifies a thing ('spoke from the Norland Senate chamber')"
    if _headline_plan(trigger.token):
        return "status: a headline's 'X to do Y' announces a plan, not a happening"
    if trigger.sense.kind == "noun" and any(c.lower_ in UNREAL for c in trigger.token.children if c.dep_ == "amod"):
        return "status: a proposed or possible event, not a happening"
    if _proposed_act(trigger.token):
        return "status: an act proposed or planned ('his proposal to ban X'), not a happening"
    if trigger.sense.kind == "noun" and _expected(trigger.token):
        return "status: an event expected, hoped for or feared ('expectations of a deal'), not a happening"
    if actor is not None and _controlled_object(actor, trigger.token):
        return "actor: read off a verb of asking above ('urged X to quit'): the act is only asked for"
    if _possible(trigger.token):
        return "status: a capability or possibility ('could', 'can'), not a happening"
    if target is None and type_ not in ACTORLESS_TYPES and _habit(trigger.token):
        return "status: a habit or trait described ('who hosts a quiz', 'picket every fair'), not a happening"
    if type_ == "CONSULT" and _habit(trigger.token):
        return "status: meetings as a habit ('frequently meets with'), not a meeting that happened"
    if _hypothetical(trigger.token):
        return "status: a hypothetical ('Suppose X demanded ...'), not a happening"
    return _sense(trigger, type_, inner, actor, target)


# Statuses of an event that did not happen, or not yet: the text plans, hedges, denies or asks for
# it. Such events are kept with their status among the held-back ones, never emitted as news: on
# the hand-judged samples of running text they were right about a third of the time (the status
# of a hypothetical, a wish or a prediction in opinion writing is where the coder errs most), and
# "did not attack" is no attack.
UNHAPPENED = {
    "planned": "status: planned or promised, not a happening",
    "hedged": "status: hedged ('may have', 'reportedly set to'), not a happening told as one",
    "denied": "status: denied or refused, not a happening",
    "demanded": "status: only asked for, not a happening",
}


def with_untold(events: Sequence[Event], held_back: Sequence[Event]) -> list[Event]:
    """The emitted events and those held back only for their status (planned, hedged, denied,
    demanded): for readers that weigh the status themselves (compare: positions, venues)."""
    reasons = set(UNHAPPENED.values())
    return [*events, *(e for e in held_back if e.held_back in reasons)]


def unhappened(status: str, type_: str) -> str | None:
    """Why an event of this status is held back (see UNHAPPENED), or None for a told happening.
    A demand whose own status is "demanded" ("X must withdraw, Y said": Y demands it) was made."""
    if type_ == "DEMAND" and status == "demanded":
        return None
    return UNHAPPENED.get(status)


# Verbs of standing support: with a thing as object ("backs plans to cut the debt") they back a policy.
BACKING = words("support back endorse favor favour champion hail laud tout")


def _meeting_of_one(noun: Token, actor: Token | None) -> bool:
    """ "a meeting of the farmers' league", "meetings of the board": one body meets, no one else."""
    if actor is None or _joint(noun, None):
        return False
    one_name = any(c.dep_ == "cc" and c.text == "&" for c in actor.children)  # "the Farm & Food League"
    if actor.tag_ in {"NNS", "NNPS"} or any(t.dep_ == "conj" for t in actor.children) and not one_name:
        return False  # "a summit of leaders", "talks of X and Y": several parties
    return actor.dep_ == "pobj" and actor.head.lower_ == "of" and actor.head.head.i == noun.i


# What a threat threatens: force or a penalty. A vow of anything else is a promise.
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "REJECT", "RETREAT"})
# CONCEDE words that on running text permit or give something rather than yield to a party
# ("the ruling allowed her to run", "the fund gave grants to schools", "took steps to cut costs").
PERMITS = words("allow permit let give take")
# Types whose target can be the place it happens to ("a curfew in Port Elm", targets.py).
PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT"})
# Things one defends that are not a party: "defended her policy", "defending his remarks".
DEFENDED_THINGS = words(
    "seat state title majority turf record remark comment tweet decision policy description statement position plan "
    "commitment action vote view stance approach claim handling word response choice move proposal conduct behavior "
    "behaviour"
)
# Nouns for a party's own act: a name before them is the party acting ("rejected the Valmora proposal").
OWN_ACTS = words(
    "request demand proposal offer bid plan call appeal motion suit lawsuit complaint claim charge allegation "
    "accusation decision policy investigation inquiry probe order ban veto"
)


def _modifier_name(target: Token, trigger: Token) -> bool:
    """A target that only names what kind of thing another noun is ("from the Norland Senate
    chamber", "the Geneva accord"): the event is not aimed at that name. A name before the trigger
    itself, before a plural, a person or group noun ("the Alder brothers", "Labour rivals", "rebel
    positions") or before a noun of the party's own act ("the Valmora proposal") stays; so does a
    place of force ("shelled the Port Elm harbour", PLACE_TYPES)."""
    head = referent(target)
    if head.dep_ != "compound" or head.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    noun = head.head
    while noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # "the Norland High Court bench"
    if noun.i == trigger.i or noun.ent_type_ and noun.ent_type_ == head.ent_type_:
        return False  # the compound is part of the name itself
    lemma = noun.lemma_.lower()
    if noun.tag_ != "NN" or lemma in ROLES | ACTOR_NOUNS | ANYONE or _actorlike(noun):
        return False  # "the Alder brothers", "the Brand campaign": the name and its noun are one party
    return lemma not in OWN_ACTS


# What one calls off that is one's own plan, not a party's offer: "called off her tour".
CALLED_OFF = words("trip visit appearance event rally speech tour concert show stop")
# Types whose present tense with a generic plural actor states a standing view ("voters who support X").
STANDING = frozenset({"SUPPORT", "REJECT", "DISAPPROVE"})
# Posts in a firm: leaving one is no PLOVER retreat (a party's chair who steps down may be one).
FIRM_POSTS = words("ceo executive founder officer")
# People one may defend as one's own ("defended his father"): a person, not a thing.
KIN = words("father mother son daughter wife husband brother sister friend colleague family child parent boss")
# Words of frequency that make a present-tense verb a habit ("they often meet").
FREQUENCY = words("often usually frequently regularly sometimes always routinely typically generally")


# Things a party can kill or attack in words only: "killed the tax bill".
ENACTMENTS = words("bill legislation measure proposal plan deal amendment resolution law provision agenda reform")
SINGULAR_PRONOUNS = words("he she him her")


def _says_above(target: Token, trigger: Token) -> bool:
    """Whether the target is the subject of a verb whose clause holds the trigger: the speaker
    or thinker ("Alder said that Valmora opposed ..."), never the one acted on. A pronoun as that
    subject ("Brand, who said the guards beat her") is not compared: there the speaker can be the
    one acted on."""
    heads = {target.i, referent(target).i}
    if target.lower_ in {"it", "its"}:  # "... opposed the tax and voted against it": never the speaker
        heads.add(referent(resolve_pronoun(target)).i)
    elif is_pronoun(target):
        return False  # "he", "she" in a quote may well be the speaker ("I was backed by ...")
    for child, verb in path_up(trigger):
        if child.dep_ in {"ccomp", "parataxis"} and any(
            c.dep_ == "nsubj" and not is_pronoun(c) and heads & {t.i for t in c.subtree} for c in verb.children
        ):
            return True
        if breaks(child):
            return False
    return False


def number_clash(pronoun: Token | None, start: int | None, end: int | None) -> str | None:
    """ "he" or "she" given a plural party ("aides said he had turned it down"): why the
    event is held back, or None. ``start``/``end`` are the characters of the party's phrase."""
    if pronoun is None or start is None or end is None or pronoun.lower_ not in SINGULAR_PRONOUNS:
        return None
    span = pronoun.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.tag_ != "NNS" or span.root.pos_ != "NOUN" or span.root.ent_type_:
        return None  # a plural common noun; a name ending in -s ("Sanders") is no plural
    return "actor: 'he' or 'she' resolved to a plural ('aides said he had ...')"


def _question(token: Token) -> bool:
    """A trigger in a sentence that asks ("Does X oppose Y?"): a question asserts nothing."""
    sent = token.sent
    text = sent.text.strip().rstrip("\"'”’ ")
    return text.endswith("?")


def _source_phrase(target: Token) -> bool:
    """A target named in "according to X": who told it, not whom it is about."""
    head = referent(target)
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"


def _first_person(token: Token) -> bool:
    """A must-clause whose subject is the speaker's side: "we have to decide", "I need to win"."""
    clauses = [token, *(c for c in token.children if c.dep_ == "xcomp")]
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in FIRST_PERSON for v in clauses for c in v.children)


def _says_what(verb: Token) -> bool:
    """ "conceded that the vote was lost", "'It is over,' X conceded": a clause or a
    quote conceded, an admission in words."""
    if any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children):
        return True
    return verb.dep_ in {"ccomp", "parataxis"} or any(
        c.dep_ == "punct" and c.text in {'"', "“", "”"} for c in verb.children
    )


def _leaves_a_post(verb: Token) -> bool:
    """ "stepped down as chief executive", "resigned as CEO": a post in a firm left."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        for pobj in (t for c in prep.children if c.dep_ == "pobj" for t in (c, *c.conjuncts)):
            heads = {pobj.lower_, *(t.lower_ for t in pobj.children if t.dep_ in {"compound", "amod"})}
            if heads & FIRM_POSTS:
                return True
    return False


def _standing_view(verb: Token, actor: Token | None) -> bool:
    """A present-tense verb with no auxiliary whose actor is a generic plural ("farmers, who
    mostly back X", "most retailers oppose the tax"): a standing view, not a happening."""
    if actor is None or verb.tag_ not in {"VBP", "VBZ"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    head = referent(resolve_pronoun(actor))
    return head.tag_ == "NNS" and not is_named(head) and head.lemma_.lower() not in ROLES


def _own_thing(obj: Token) -> bool:
    """What one defends that is one's own or a thing: "her policy", "his plan to cut fares"."""
    if obj.lemma_.lower() in {"number", "handful", "couple", "series", "host"}:
        obj = next((p for c in obj.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), obj)
    if obj.lemma_.lower() in DEFENDED_THINGS:
        return True
    if party(obj) or _actorlike(obj) or obj.lemma_.lower() in ROLES | ANYONE | ACTOR_NOUNS | KIN:
        return False
    return any(c.dep_ == "poss" and c.lower_ in {"his", "her", "their", "its", "my", "our"} for c in obj.children)


def _agrees_with_someone(verb: Token) -> bool:
    """ "X agrees with Y", "agreed with her critics": a view shared with someone, with nothing
    agreed on ("agreed with Y on a ceasefire", "agreed to talks" name what was agreed)."""
    preps = prepositions(verb)
    return "with" in preps and not preps & {"on", "to", "upon"} and not _objects(verb)


def _headline_plan(verb: Token) -> bool:
    """ "Mayor to back Brand for governor": a headline's bare infinitive with its own subject and no
    finite verb above it tells what someone will do."""
    return (
        verb.dep_ == "ROOT"
        and verb.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _backs_a_thing(verb: Token) -> bool:
    """ "backs plans to cut the debt", "once supported a carbon tax": a policy or an idea backed,
    not a party ("has endorsed no candidate" backs a person, if a generic one; "backing up their
    pledges with money" is no backing of a thing)."""
    if any(c.dep_ == "prt" for c in verb.children):
        return False
    objects = _objects(verb)
    return bool(objects) and not any(
        party(o)
        or _actorlike(o)
        or o.lemma_.lower() in ROLES | ANYONE | ACTOR_NOUNS
        or any(c.dep_ == "poss" and party(c) for c in o.children)  # "hailed the nominee's speech"
        for o in objects
    )


# Verbs above an infinitive that leave its act undone: asked for ("urged", "required", "encouraged
# X to ..."), wished ("wants X to ...") or allowed. Under "forced", "helped", "sent X to ..." it happens.
ALLOWING = words("allow permit expect invite advise warn")
# Verbs whose subject asks someone else to act: "urged X to withdraw", "called on X to resign".
ASKING = words("ask urge call press push pressure encourage require demand implore beg order instruct direct tell")
POSSIBILITY = frozenset({"can", "could", "ca"})


def _controlled_object(actor: Token, trigger: Token) -> bool:
    """An actor read off the object of the verb above ("urged X to quit", "required members to
    vote", "called on X to withdraw"): what X is asked to do is the other verb's event, coded
    there (a DEMAND), not a happening of its own. An accusation ("accused X of
    arming the rebels") stays: the alleged act is reported, with the accuser as its source.

    Judged tuning samples (events-tuning-*.jsonl): 1 of 6 such events acceptable.
    """
    if _accusation(trigger) or actor.head.i == trigger.i:
        return False
    if actor.dep_ in {"dobj", "dative"}:  # "sent troops to attack" stays: the troops attack
        return actor.head.lemma_.lower() in ASKING | WISHES | ALLOWING
    if actor.dep_ == "pobj" and actor.head.lower_ in {"on", "upon"}:  # "called on X to withdraw"
        return trigger.dep_ == "xcomp" and actor.head.head.i == trigger.head.i
    # "X urged Y to withdraw": the act is Y's if anyone's, and only asked for
    # ("called Y to congratulate him" is a phone call made to congratulate: X's own act)
    host = trigger.head
    if trigger.dep_ != "xcomp" or host.lemma_.lower() not in ASKING or actor.head.i != host.i:
        return False
    on = [g for c in host.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"} for g in c.children]
    asked = on + ([] if host.lemma_.lower() == "call" else [c for c in host.children if c.dep_ in {"dobj", "dative"}])
    return actor.dep_ == "nsubj" and any(a.pos_ in {"NOUN", "PROPN", "PRON"} for a in asked)


SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _possible(token: Token) -> bool:
    """An act said to be possible or within someone's power: "could call on the army", "could
    scrap the order or refuse to appeal", "could consider imposing sanctions", "can act ... and
    send troops". Not a denial ("could not support" stays, as denied). A conjoined clause with its
    own subject ("the army could intervene and rebels attacked the base") is not under the modal."""
    for _ in range(4):
        aux = [c for c in token.children if c.dep_ == "aux" and c.lower_ in POSSIBILITY]
        if aux:
            return not any(c.dep_ == "neg" for c in token.children)
        gerund_object = token.dep_ in {"dobj", "pcomp"} and token.tag_ == "VBG"
        if token.dep_ not in {"xcomp", "conj"} and not gerund_object or token.head == token:
            return False
        if token.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in token.children):
            return False  # "X could intervene and rebels attacked": a clause of its own, not under "could"
        token = token.head
    return False


GENERIC_DETS = frozenset({"every", "each", "any"})


def _proposed_act(token: Token) -> bool:
    """A verb in the "to"-clause of a noun of proposing or planning, directly or through more
    "to"-clauses: "his proposal to ban X", "a willingness to use the army to crush them"."""
    link = token
    while _to_verb(link) and link.dep_ in {"acl", "xcomp", "advcl"}:
        if link.dep_ == "acl" and link.head.lemma_.lower() in PROPOSALS:
            return True
        link = link.head
    return False


def _to_verb(token: Token) -> bool:
    """A verb with its own "to": "(a plan) to strike", "(for X) to resign"."""
    return token.pos_ in {"VERB", "AUX"} and own_to(token)


def _judged(head: Token) -> bool:
    """An adjective that judges what its "for X to" clause tells ("unfair", "inappropriate")."""
    return head.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in head.children)


def wished_act(token: Token) -> bool:
    """An act not (yet) done by the grammar of its clause: an infinitive with a subject of its own
    ("for the mayor to resign", "getting the mayor to resign"), or a present tense under "before"
    ("before she throws her support to X"): wished, caused or still to come. Its status is
    "planned" (events._status), so it is held back with the other untold events."""
    if _to_verb(token) and any(c.dep_ == "nsubj" for c in token.children):
        return not _judged(token.head)  # "it was wrong for X to attack Y" judges an attack made
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    return token.dep_ == "advcl" and "before" in marks and token.tag_ in {"VBZ", "VBP"}


def _hypothetical(token: Token) -> bool:
    """A sentence that opens a supposition ("Suppose Norland demanded ...", "Say X refused ...")."""
    first = token.sent[0]
    return first.lower_ in HYPOTHESES and first.i != token.i


def _warns_of_others(verb: Token, actor: Token | None) -> bool:
    """ "warned that such a ban would be unacceptable": the clause warned of has its own subject,
    neither the one warning nor a pronoun that may stand for them, so nothing is threatened by them."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses or actor is None:
        return False
    subjects = [s for c in clauses for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and all(
        s.lower_ not in {"it", "they", "we", "he", "she", "i"} and s.i != actor.i for s in subjects
    )


def _expected(noun: Token) -> bool:
    """A noun event under "expectations of", "hopes for", "the prospect of", "fears of": it has not happened."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in {"of", "for"} and head.head.lemma_.lower() in EXPECTATIONS


def _habit(token: Token) -> bool:
    """A present-tense verb that describes what someone does as a rule, not what they did: in a
    relative clause ("a presenter who hosts a quiz", "groups that oppose the law") or with a
    generic object ("farm workers picket every trade fair"). With a party as target it is
    kept ("X, who backs Y"): a standing support is news."""
    if token.tag_ not in {"VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass", "neg"} for c in token.children):
        return False
    if token.dep_ == "relcl" or any(c.dep_ == "advmod" and c.lower_ in FREQUENCY for c in token.children):
        return True  # "who hosts a quiz", "the two often meet"
    return any(d.dep_ == "det" and d.lower_ in GENERIC_DETS for o in _objects(token) for d in o.children)


def quoted_claim(
    token: Token, quotes: Sequence[Quote], actor_id: str | None, status: str, actor: Token | None = None
) -> str | None:
    """Why an event read from inside a direct or partial quote is not emitted, or None.

    Quoted words are the speaker's claim, often loose, often about what "we" will do
    ("we're going to fight for every vote"). One is kept, as the speaker's report, only
    when its actor is a party of the article (an entity) and it asserts a happening.
    """
    start = token.idx
    inside = next((q for q in quotes if q.kind != "indirect" and q.covers(start)), None)
    if inside is None:
        return None
    if inside.speaker is None:
        return "quote: no speaker to attribute the claim to"
    if actor_id is None or status in {"planned", "hedged", "demanded"}:
        return "quote: a speaker's wish, plan or pronoun, not a reported happening"
    if inside.kind == "direct" and actor is not None and actor.lower_ in THIRD_PERSON:
        return "quote: 'he' or 'she' in a speaker's own words is someone else than the speaker"
    return None


def _nested(target: Token, trigger: Token) -> bool:
    """Whether the target sits in a subordinate clause or phrase below the trigger (not its object,
    not the subject of what it governs): "deported for illegally entering X", "travelers from
    countries with a presence of X"."""
    token, steps, preps = target, 0, 0
    while token.i != trigger.i and token.head.i != token.i and steps < 8:
        if token.dep_ == "pcomp" or (token.dep_ == "advcl" and token.tag_ == "VBG"):
            return True
        preps += token.dep_ == "prep"
        token, steps = token.head, steps + 1
    return preps > 2


def _objects(token: Token) -> list[Token]:
    """Direct objects and passive subjects, with their conjuncts."""
    found = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    return found + [c for o in found for c in o.conjuncts]


def _object_words(token: Token) -> set[str]:
    """Lemmas of the objects of a verb (or of the "of" phrase of a noun) and their modifiers."""
    objects = _objects(token)
    if token.pos_ == "NOUN":
        objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    objects += [
        g for o in list(objects) for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    return {t.lemma_.lower() for o in objects for t in [o, referent(o), *o.children]}


def _sense(
    trigger: Trigger, type_: str, inner: Trigger | None, actor: Token | None, target: Token | None
) -> str | None:
    """Whether the trigger has what its type needs (see the module docstring)."""
    token, sense = trigger.token, trigger.sense
    lemma = sense.lemma
    if token.ent_type_ and token.ent_type_ not in {"DATE", "TIME"}:
        return "sense: a word inside a name ('Organization for Economic Cooperation')"
    objects = _object_words(token) | (_object_words(trigger.obj) if trigger.obj is not None else set())
    if _wished(token) or _copular_wish(token):
        return "sense: a wish, not an act"
    if _condition(token):
        return "status: a condition, not a happening"
    if type_ == "AGREE" and lemma in PROMISES and not _recipient(token):
        return "sense: a promise to no one (a pledge of policy)"
    if (
        type_ == "AGREE"
        and inner is None
        and target is None
        and lemma not in AGREEMENT_WORDS
        and not objects & OFFER_THINGS
    ):
        return "sense: readiness with no partner and no agreed act"
    if (
        type_ == "CONSULT"
        and sense.kind == "verb"
        and lemma not in HOSTS
        and target is None
        and not _joint(token, actor)
    ):
        return "sense: a meeting with one party"
    if type_ == "CONSULT" and target is not None and target.dep_ == "pobj" and target.head.lower_ not in MEETING_PREPS:
        return "target: a place left or passed, not a party met"
    if type_ == "CONSULT" and lemma == "host" and _hosts_a_show(token):
        return "sense: hosting a show, an event or people taken in (refugees, guests), no party met"
    if type_ == "CONSULT" and sense.kind == "noun" and target is None and _meeting_of_one(token, actor):
        return "sense: a meeting of one body ('a meeting of the board'), no parties meeting"
    if type_ == "CONSULT" and lemma == "meet" and any(o.lemma_.lower() in MET_THINGS for o in _objects(token)):
        return "sense: meeting a requirement ('met the target'), not a party"
    if type_ == "CONSULT" and lemma == "visit" and target is None:
        return "sense: visits to no one (campaign stops)"
    if trigger.obj is not None and token.lemma_.lower() == "call" and type_ in NAMED_NOT_CALLED:
        return "sense: naming an act ('called the raid a crime'), not carrying it out"
    if type_ == "CONSULT" and lemma == "visit" and target is not None and _kin(target):
        return "sense: a visit to family or a friend, not a meeting of parties"
    if trigger.modal and any(c.lower_ == "yet" for c in [*token.children, *token.head.children]):
        return "sense: 'has yet to' says what has not happened, not what must"
    if trigger.modal and any(c.lower_ == "have" and c.dep_ == "aux" for c in token.children):
        return "sense: 'should have done' is a reproach for the past, not a demand"
    if type_ == "CONSULT" and lemma in MOTION and (target is None or not names_country(target)):
        return "sense: a trip, not a visit to a party"
    if type_ == "AID" and not sense.objects and not _heads(trigger) & AID_THINGS and not _sum_given(trigger):
        return "sense: nothing material given"
    if type_ == "AID" and target is None and "to" not in prepositions(token):
        return "sense: aid to no one"
    left = prepositions(token) & {"from", "out"}  # "withdraw from the region"
    if type_ == "RETREAT" and lemma in RELEASES and not (sense.objects or left or objects & FORCES or _people(token)):
        return "sense: nothing released or withdrawn but papers or words"
    if type_ == "DEMAND" and sense.kind == "verb" and lemma in ASK_VERBS:
        # what is asked follows the verb; a clause before it is the question ("'Why?' he asked"),
        # and a finite clause after it is what was asked about ("asked, as before, that X was at fault")
        infinitive = any(c.dep_ in {"xcomp", "ccomp"} and c.i > token.i and _base_form(c) for c in token.children)
        asked_for = set(sense.parts) & {"for", "on"}  # "called for X to be hit": "for" marks the clause
        if not infinitive and not (prepositions(token) | asked_for) & {"for", "on"}:
            return "sense: asking, not demanding"

    if type_ == "DEMAND" and sense.kind == "verb" and _wants_to_know(token):
        return "sense: asking to know something (a question), not demanding an act"
    if type_ == "AGREE" and target is not None and _in_content(token, target):
        return "target: a party named in what was agreed, not a partner"
    if type_ == "DEMAND" and lemma in PRESSING and not _presses_someone(token):
        return "sense: a policy pushed, no one pressed"
    if trigger.modal and (not _modal_act(token) or not _modal_act(_demanded_verb(trigger))):
        return "sense: a passive or negated should-clause is an opinion, not a demand"
    if type_ == "AGREE" and lemma == "agree" and any(c.dep_ == "ccomp" for c in token.children):
        return "sense: agreeing with an opinion ('agreed that ...')"
    if type_ == "AGREE" and lemma == "agree" and inner is None and _agrees_with_someone(token):
        return "sense: agreeing with someone ('is agreeing with me'), a shared view, no agreement reached"
    if type_ == "AGREE" and sense.kind == "adj" and inner is None:
        return "sense: readiness with no act it is ready for"
    if type_ == "MOBILIZE" and not sense.objects and not objects & FORCES:
        return "sense: nothing armed mobilised"
    if type_ == "SUPPORT" and target is None and not sense.objects and not _named_actor(actor):
        return "sense: support of no party by no one named (a policy, an idea)"
    if type_ == "SUPPORT" and target is None and not sense.objects and not _noun_object(token):
        return "sense: support of an act or a clause ('endorsed making it harder'), not of a party"
    if type_ == "SUPPORT" and lemma == "recognize" and not any(party(o) for o in _objects(token)):
        return "sense: recognising a fact or a merit ('recognized that a judge should decide'), not a party"
    if type_ == "SUPPORT" and lemma == "defend" and any(_own_thing(o) for o in _objects(token)):
        return "sense: defending a thing (a record, remarks, a policy), not a party"
    if type_ == "SUPPORT" and target is None and lemma in BACKING and _backs_a_thing(token):
        return "sense: support of a policy or an effort, not of a party"
    if type_ == "SUPPORT" and target is not None and not party(target):
        return "target: a thing supported ('welcoming the show'), not a party"
    if type_ == "SUPPORT" and lemma == "sign" and not sense.objects:
        return "sense: signing a letter or a form, not an agreement"
    if (
        target is not None
        and type_ not in PLACE_TARGET_TYPES
        and _city(referent(target))
        and not town_where(target, type_)
    ):
        return "target: a place where it happened, not a party"
    vowed_fight = inner is not None and inner.sense.type == "ASSAULT" and inner.sense.kind == "verb"
    if type_ == "THREATEN" and vowed_fight and inner is not None and not _violent(inner):
        return "sense: vowing to fight on in words, no force threatened"
    if type_ == "ASSAULT" and objects & ENACTMENTS:
        return "sense: killing or attacking a bill or a plan, no violence"
    if type_ == "SUPPORT" and lemma == "thank" and (target is None or not party(target)):
        return "sense: thanking voters or a place, no party supported"
    vowed_penalty = bool(sense.objects)  # "vowed retaliation", "promised a veto": the object is the threat
    if (
        type_ == "THREATEN"
        and lemma in PROMISES
        and not vowed_penalty
        and (inner is None or inner.sense.type not in FORCE_TYPES)
    ):
        return "sense: a promise or a vow of no force or penalty ('promised to cut taxes'), no threat"
    if type_ == "CONCEDE" and lemma in PERMITS:
        return "sense: allowing, giving or taking steps is no concession to a party"
    if trigger.modal and _first_person(token):
        return "sense: what 'we' must do is the speaker's own resolve, not a demand made of a party"
    if type_ == "CONCEDE" and lemma == "concede" and _says_what(token):
        return "sense: conceding a point in words ('conceded that ...'), not yielding to a party"
    if type_ == "RETREAT" and _leaves_a_post(token):
        return "sense: leaving a post in a firm ('stepped down as chief executive'), no retreat"
    if type_ == "REJECT" and objects & CALLED_OFF:
        return "sense: calling off one's own trip or appearance, no party rejected"
    if type_ in STANDING and _standing_view(token, actor):
        return "status: a standing view of a group ('farmers, who back X'), not a happening"
    if type_ == "DISAPPROVE" and token.lower_ == "blame" and _to_be(token):
        return "sense: 'X is to blame' says X is at fault; X blames no one"
    if _judged_or_habit(token):
        return "sense: an act judged or a habit described, not a happening"
    if type_ == "DEMAND" and (lemma in NOT_DEMANDS or _demanded_verb(trigger).lemma_.lower() in NOT_DEMANDS):
        return "sense: a rule or a result, not a demand"
    if trigger.modal and any(c.dep_ == "aux" and c.i < _subject_index(token) for c in token.children):
        return "status: an inverted modal is a condition ('should X win')"
    if any(c.dep_ == "aux" and c.lower_ in INVERTED and c.i < _subject_index(token) for c in token.children):
        return "status: an inverted condition ('should X not accede', 'had X known'), not a happening"
    if type_ == "PROTEST" and actor is not None and referent(resolve_pronoun(actor)).ent_type_ == "PERSON":
        return "sense: one person's protest is words"
    if type_ == "COOPERATE" and all(
        p is None or referent(resolve_pronoun(p)).ent_type_ == "PERSON" for p in (actor, target)
    ):
        return "sense: people working together, not parties"
    if type_ in {"ASSAULT", "COERCE"} and actor is not None and _city(referent(actor)):
        return "actor: a city does not use force; its police or its gunmen do"
    if actor is None and not _unsaid_actor(token):
        return "actor: the parse has a subject that cannot act ('the drinking that killed him')"
    if type_ == "PROTEST" and actor is not None and not _crowd(actor):
        return "sense: no crowd protests (a demonstration of a point)"
    if type_ == "DEMAND" and lemma == "insist" and _insists_on_own_act(token):
        return "sense: insisting on doing something oneself"
    if type_ == "ASSAULT" and not _violent(trigger):
        return "sense: no violence in the sentence"
    if type_ == "ASSAULT" and sense.kind == "verb" and _retort(token):
        return "sense: 'shot back', 'hit back' is a retort in words"
    if type_ == "CONSULT" and sense.kind == "noun" and lemma == "talk" and token.tag_ == "NN":
        return "sense: a talk (a speech), not talks between parties"
    if type_ == "ASSAULT" and any(c.lower_ in REFLEXIVES for c in token.children if c.dep_ == "dobj"):
        return "sense: harm to oneself"
    moving = (prepositions(token) & MOTION_PREPS) - set(sense.parts)  # "railed against X" is no motion
    if type_ in {"DISAPPROVE", "ASSAULT"} and sense.kind == "verb" and moving:
        return "sense: motion, not an attack"
    if type_ == "REJECT" and inner is None and target is None and not objects:
        return "sense: a refusal of nothing"
    if type_ == "THREATEN" and lemma == "warn" and _warns_of_others(token, actor):
        return "sense: a warning of what others would do or what would follow, no threat by the one warning"
    if type_ == "CONSULT" and "past" in prepositions(token):
        return "sense: 'talked past each other' is not listening, no talks"
    billed = prepositions(token) | {c.lower_ for o in _objects(token) for c in o.children if c.dep_ == "prep"}
    if type_ == "DISAPPROVE" and lemma == "charge" and "for" in billed and "with" not in billed:
        return "sense: charging someone for a service or rent, no accusation"
    if type_ == "REJECT" and target is None and (objects & CLAIMS or _claim_clause(token)):
        return "sense: denying a notion or a claim ('rejected the notion that ...'), no party's demand refused"
    if type_ == "ASSAULT" and target is not None and _where_it_happened(target):
        return "target: the place where it happened ('killed in Selm'), not who was attacked"
    if actor is not None and actor.dep_ == "compound" and lemma in CASES:
        return "actor: the name before a lawsuit or a case is most often the party sued ('the Selm Bank lawsuits')"
    if type_ == "REJECT" and lemma == "decline" and any(c.dep_ == "xcomp" for c in token.children):
        return "sense: declining to do something oneself ('declined to comment'), no party's demand refused"
    if type_ == "REJECT" and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
        return "status: a stated intention ('will not vote for'), not a refusal that happened"
    if type_ == "AID" and objects & SPOKEN_THINGS:
        return "sense: giving a speech or an interview, nothing material"
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in PERSUADING:
        return "status: an act someone is being persuaded to do ('persuade others to back X'), not done"
    return _loose_sense(trigger, type_, actor)


def _loose_sense(trigger: Trigger, type_: str, actor: Token | None) -> str | None:
    """Trigger words whose everyday sense is no event between parties, read as one only with the
    words that make it one. Each was wrong on nearly every hand-judged use on running text
    (benchmarks/judgements/events-*: "dismissed" 0 of 5, "ask" 0 of 4, "appeal", "offer",
    "discuss", "examine" 0 of 3 each)."""
    token, lemma = trigger.token, trigger.sense.lemma
    if type_ == "DEMAND" and lemma == "appeal" and trigger.sense.kind == "noun" and _attraction(token):
        return "sense: an appeal to someone (attraction), not an appeal for an act"
    if type_ == "THREATEN" and trigger.sense.kind == "noun" and lemma == "threat" and _standing_threat(token):
        return "sense: a standing threat named ('the threat from X'), no threat made to anyone"
    if trigger.sense.kind != "verb":
        return None
    aimed = prepositions(token) | (prepositions(trigger.obj) if trigger.obj is not None else set())
    if type_ == "DISAPPROVE" and lemma == "lead" and not aimed & {"against", "on"}:
        return "sense: leading the charge (going first), no charge against anyone"
    if type_ == "PROTEST" and lemma == "rally" and _objects(token):
        return "sense: rallying people (gathering supporters), not a rally against anyone"
    if type_ == "ASSAULT" and _particle(token) == "out" and "out" not in trigger.sense.parts:
        return "sense: a verb of force turned by 'out' ('shelled out' money), no force used"
    if type_ == "INVESTIGATE" and _particle(token) in GAZE - set(trigger.sense.parts):
        return "sense: a gaze ('looking off into the distance'), no inquiry"
    if type_ == "COERCE" and lemma == "seize" and prepositions(token) & {"on", "upon"}:
        return "sense: seizing on an issue or a chance, nothing seized from anyone"
    if type_ == "REJECT" and lemma == "dismiss":
        return "sense: dismissing a claim is a verdict on words, dismissing a person a firing"
    if type_ == "DEMAND" and lemma == "appeal" and not (prepositions(token) & {"for"} or _infinitive(token)):
        return "sense: an appeal to someone (attraction), not an appeal for an act"
    if type_ == "AGREE" and lemma in {"offer", "propose"} and not _recipient(token) and not _infinitive(token):
        return "sense: something offered or proposed to no one (a view, a policy)"
    if type_ == "CONSULT" and lemma == "discuss" and not (_joint(token, None) or _paired(actor)):
        return "sense: a topic discussed, no party met"
    if (
        type_ == "INVESTIGATE"
        and lemma == "examine"
        and actor is not None
        and referent(resolve_pronoun(actor)).ent_type_ == "PERSON"
    ):
        return "sense: one person examining something (a patient, a text), no inquiry"
    return None


# Particles that make "look into" a gaze: "looked off into the distance", "stared out into".
GAZE = frozenset({"off", "out", "away", "back", "up", "down"})


def _particle(verb: Token) -> str | None:
    """The particle of a phrasal verb ("shelled out", "looked off"), if it has one."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in GAZE), None)


# Verbs that make a threat noun an act: "issued a threat", "made threats".
THREAT_ACTS = words("issue make send deliver carry repeat renew escalate")


def _standing_threat(noun: Token) -> bool:
    """ "the threat from the armed group", "the terror threat": a danger named, not a threat someone
    made. A threat is an act when a verb makes it ("issued a threat") or it is aimed at a party
    ("threats against the judge")."""
    if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in THREAT_ACTS:
        return False
    aimed = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "against"} for g in c.children]
    return not any(party(g) for g in aimed)


# Auxiliaries that open a condition when put before the subject: "should X refuse", "had X known".
INVERTED = frozenset({"should", "had", "were"})


def _base_form(clause: Token) -> bool:
    """An act asked for: an infinitive or a subjunctive ("asked him to leave", "asked that he be
    removed"), not a finite clause ("asked, repeating that X was to blame") or a participle."""
    return clause.tag_ == "VB" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VB", "TO"} for c in clause.children)


# Places armed parties hit: "hit back at rebel positions".
MILITARY_PLACES = words("position base camp post outpost stronghold checkpoint barracks airfield depot")


def _retort(verb: Token) -> bool:
    """ "shot back", "hit back, smiling": back with no one shot or hit. Fire returned at or with
    something armed ("hit back at rebel positions with airstrikes", "fired back with artillery")
    is force: a weapon, an armed party or a military place in the "at"/"with" phrase."""
    back = any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in verb.children)
    if not back or any(c.dep_ == "dobj" for c in verb.children):
        return False
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "with"}]
    return not any(_armed(t) for p in phrases for t in p.subtree if t.i != p.i)


def _armed(token: Token) -> bool:
    """A word of force in a returned-fire phrase: a weapon or an armed party, or a military place."""
    lemma = token.lemma_.lower()
    return lemma in VIOLENCE or token.lower_ in VIOLENCE or lemma in MILITARY_PLACES or token.ent_type_ == "FAC"


# Verbs of learning: "demanded to know whether ...", "asked to see the files" is a request for information.
KNOWING = words("know learn understand hear")


def _wants_to_know(verb: Token) -> bool:
    """ "demanded to know whether the council would sell ...": a question put, no act demanded."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in KNOWING for c in verb.children)


def _to_be(token: Token) -> bool:
    """An infinitive after "be": "Democrats are to blame", "who is to blame"."""
    return (
        token.dep_ in {"xcomp", "acomp", "attr"}
        and token.head.lemma_.lower() == "be"
        and any(c.lower_ == "to" for c in token.children)
    )


def _attraction(noun: Token) -> bool:
    """ "X's appeal to rural voters has limits": an appeal to people, for nothing and to do nothing.
    An infinitive on the noun ("an appeal to donors to send aid") is the act appealed for."""
    to_act = any(
        c.dep_ == "acl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for c in noun.children
    )
    return "to" in prepositions(noun) and "for" not in prepositions(noun) and not _infinitive(noun) and not to_act


def _misread_relative(verb: Token) -> bool:
    """A finite verb the parser hung as a loose "dep" on a participle it took for the main verb: in
    "Gunmen linked with the group attacked a bus", "linked ..." describes the gunmen, who attacked."""
    head = verb.head
    return verb.dep_ == "dep" and verb.tag_ == "VBD" and head.tag_ in {"VBN", "VBD"} and head.i < verb.i


def _claim_clause(verb: Token) -> bool:
    """An object that carries a that-clause: "rejected the idea that he was a drag on the ticket" denies
    a claim, where "rejected the idea" alone may refuse a proposal."""
    for obj in _objects(verb):
        for clause in obj.children:
            if clause.dep_ in {"acl", "ccomp"} and any(
                m.lower_ == "that" and m.dep_ == "mark" for m in clause.children
            ):
                return True
    return False


def _hosts_a_show(verb: Token) -> bool:
    """ "will host its yearly convention", "hosting refugees": hosting a thing, or people taken in
    (SHELTERED), that is no party and no meeting. What is
    hosted is the object, or the noun a participle hangs on ("talks hosted by X"). A host with
    nothing hosted in its clause hosts what the sentence is about: talks when it names them ("will
    resume talks, and X will host"), else a show ("a comedian hosted and a singer performed")."""
    hosted = [verb.head] if verb.dep_ == "acl" else _objects(verb)
    if not hosted:
        return not any(t.lemma_.lower() in MEETINGS for t in verb.sent if t.i != verb.i)
    return not any((party(o) and not _sheltered(o) and not _a_show(o)) or o.lemma_.lower() in MEETINGS for o in hosted)


def _a_show(noun: Token) -> bool:
    """An event hosted, by the noun or the last word of its name ("the National Party Convention")."""
    return referent(noun).lemma_.lower() in SHOWS or noun.lemma_.lower() in SHOWS


def _kin(target: Token) -> bool:
    """A relative or a friend (KIN), by the noun or by the noun a name stands beside ("her daughter Ana")."""
    heads = [target, referent(target)] + ([target.head] if target.dep_ in {"appos", "compound"} else [])
    return any(h.lemma_.lower() in KIN for h in heads) or any(c.lemma_.lower() in KIN for c in target.children)


def _sheltered(noun: Token) -> bool:
    """People taken in, not met: "refugees", "thousands of migrants"."""
    return any(t.lemma_.lower() in SHELTERED for t in noun.subtree)


def _infinitive(verb: Token) -> bool:
    """A to-infinitive below the verb: "offered to mediate", "appealed to them to stop"."""
    return any(c.dep_ in {"xcomp", "ccomp"} and any(a.lower_ == "to" for a in c.children) for c in verb.children)


def addressee(verb: Token) -> Token | None:
    """The one a verb of asking addresses, when it names one.

    "called on X to apologise to Y": X is asked, whatever the asked act is about.
    """
    if verb.pos_ != "VERB":
        return None
    asked = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
        for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"}
    ] + stranded_call(verb)
    return asked[0] if asked else None


def _in_content(verb: Token, target: Token) -> bool:
    """Whether the target sits in the clause of what was agreed ("agreed (that) X can stay")."""
    return any(c.dep_ == "ccomp" and target in c.subtree for c in verb.children)


def _demanded_verb(trigger: Trigger) -> Token:
    """What a must-clause asks for: "need to make proposals" asks for "make"."""
    token = trigger.token
    if trigger.modal and token.lemma_.lower() in {"need", "have"}:
        return next((c for c in token.children if c.dep_ == "xcomp"), token)
    return token


def _unsaid_actor(token: Token) -> bool:
    """An event without actor is read only where the text leaves the actor unsaid: a passive
    ("were killed"), a noun ("the killings") or a violent cause ("killed in an airstrike")."""
    if token.pos_ != "VERB" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children):
        return True
    if token.tag_ == "VBN" and token.dep_ in {"acl", "advcl", "amod", "conj"}:
        return True  # "people killed in the blast"
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "csubj"}), None)
    if subject is None:
        return token.dep_ != "relcl"
    head = referent(subject)
    return head.lemma_.lower() in VIOLENCE or head.lower_ in VIOLENCE


def _crowd(actor: Token) -> bool:
    """Who takes to the streets: people, groups, parties, not an abstraction ("campaigns have demonstrated")."""
    head = referent(resolve_pronoun(actor))
    if head.ent_type_ in {"NORP", "ORG", "GPE"} or _unknown_name(head) or _crowd_count(actor):
        return True
    return head.lemma_.lower() in ACTOR_NOUNS and head.lemma_.lower() not in ROLES


def _insists_on_own_act(verb: Token) -> bool:
    """ "insisted on paying the bill himself": a gerund with no one else to do it."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"):
        for gerund in (g for g in prep.children if g.dep_ == "pcomp"):
            return not any(c.dep_ in {"nsubj", "poss"} for c in gerund.children)
    return False


def _noun_object(verb: Token) -> bool:
    """A noun object ("praised the agreement"), not a gerund or a clause ("endorsed making ...")."""
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"} for c in verb.children)


def _named_actor(actor: Token | None) -> bool:
    """A named party or a plural group ("Greece praised ...", "the two sides signed ...")."""
    if actor is None:
        return False
    head = referent(resolve_pronoun(actor))
    return is_named(head) or _unknown_name(head) or head.tag_ in {"NNS", "NNPS"} and head.lemma_.lower() in ACTOR_NOUNS


def _presses_someone(verb: Token) -> bool:
    """ "pushed the minister to resign", "pressing for talks": someone pressed or something asked for."""
    clauses = {"xcomp", "ccomp", "advcl"}
    if prepositions(verb) & {"for", "on", "into"} or any(c.dep_ in clauses for c in verb.children):
        return True
    return any(party(o) for o in _objects(verb))


def _modal_act(clause: Token) -> bool:
    """A must-clause that demands an act: active, not negated and not a state ("must withdraw", not
    "shouldn't weigh in", not "need to be patient": advice on how to be is no demand of an act)."""
    if clause.lemma_.lower() in STATES:
        return False
    return not any(c.dep_ in {"neg", "auxpass", "nsubjpass"} for c in clause.children)


# Verbs of a state or a frame of mind: "need to be patient", "must understand".
STATES = words("be remain stay seem feel know understand realize realise recognize recognise")


def _judged_or_habit(token: Token) -> bool:
    """ "worth examining", "a long history of blaming others": the act is judged or typical, not done."""
    if token.head.lemma_.lower() == "worth" or token.head.head.lemma_.lower() == "worth":
        return True
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ == "of":
        return token.head.head.pos_ == "NOUN" and token.head.head.lemma_.lower() in HABITS
    return False


def _subject_index(verb: Token) -> int:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject.i if subject is not None else -1


def _condition(token: Token) -> bool:
    """The trigger in an "until" or "unless" clause: what has to happen first, not what happened."""
    for _ in range(4):
        if token.dep_ == "advcl" and any(m.lower_ in CONDITIONS for m in token.children if m.dep_ == "mark"):
            return True
        if token.head == token or token.dep_ in {"ROOT", "ccomp", "relcl"}:
            return False
        token = token.head
    return False


def _recipient(token: Token) -> bool:
    """A party a promise is made to: "promised Kyiv", "pledged to the rebels"."""
    if any(c.dep_ == "dative" and party(c) for c in token.children):
        return True
    return any(g.dep_ == "pobj" and party(g) for c in token.children if c.lower_ == "to" for g in c.children)


def _heads(trigger: Trigger) -> set[str]:
    """The lemmas of what is given: object heads and "tons of X" (not their modifiers: "high-dollar speeches")."""
    objects = _objects(trigger.token) + ([trigger.obj] if trigger.obj is not None else [])
    heads = {t.lemma_.lower() for o in objects for t in (o, referent(o))}
    return heads | {g.lemma_.lower() for o in objects for c in o.children if c.lower_ == "of" for g in c.children}


SUMS = words("hundred thousand million billion")


def _legal_charge(trigger: Trigger) -> bool:
    """ "X was indicted", "X was charged with fraud": a prosecution, whose prosecutor a report
    often leaves unnamed; not "charged with overseeing the works" (a duty given)."""
    token = trigger.token
    if trigger.sense.kind != "verb" or not any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children):
        return False
    if token.lemma_.lower() == "indict":
        return True
    offences = [g for c in token.children if c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return token.lemma_.lower() == "charge" and any(g.pos_ in {"NOUN", "PROPN"} for g in offences)


def _sum_given(trigger: Trigger) -> bool:
    """A sum donated: "donated thousands", "gave $5,000", "contributed 2 million" (money, if unnamed)."""
    objects = _objects(trigger.token)
    if trigger.token.dep_ == "relcl" and not objects:
        objects = [trigger.token.head]  # "the sums she donated"
    if any(referent(o).ent_type_ == "MONEY" for o in objects):
        return True
    giving = trigger.token.lemma_.lower() in {"donate", "contribute"}
    return giving and any(o.like_num or o.lemma_.lower() in SUMS or o.ent_type_ == "CARDINAL" for o in objects)


def _people(token: Token) -> bool:
    """People released: "freed two reporters", not "released them" (tax returns) or "released the footage"."""
    for obj in _objects(token):
        head = referent(obj)
        if not is_pronoun(head) and (head.ent_type_ == "PERSON" or head.lemma_.lower() in ACTOR_NOUNS):
            return True
    return False


# Nouns of wanting: "the only hope is for X to oppose Y", "their aim is to besiege the town".
WISH_NOUNS = words("hope wish goal aim dream desire ambition aspiration")


def _copular_wish(token: Token) -> bool:
    """ "What X wants is to besiege Y", "the hope is for X to oppose Y": the act is what is wanted."""
    host = token.head
    if token.dep_ not in {"xcomp", "advcl", "ccomp"} or host.lemma_.lower() != "be":
        return False
    subjects = [c for c in host.children if c.dep_ in {"nsubj", "csubj"}]
    return any(c.lemma_.lower() in WISHES or c.lemma_.lower() in WISH_NOUNS for c in subjects)


def _wished(token: Token) -> bool:
    """An act someone wants or hopes for ("wants to make a deal", "hoped to meet"): not an event."""
    for _ in range(3):
        if token.dep_ != "xcomp" or token.head == token:
            return False
        token = token.head
        if token.lemma_.lower() in WISHES:
            return True
    return False


def _joint(token: Token, actor: Token | None) -> bool:
    """A meeting whose parties are named together: "X and Y met", "talks between X and Y", "met with X"."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"with", "between", "among"}):
        if any(party(g) for g in prep.children if g.dep_ == "pobj"):
            return True
    if actor is None:
        return False
    if actor.lower_ in {"they", "we"}:
        return True  # "they would hold another meeting": the parties meet each other
    head = referent(actor)  # "X and Y met", "officials from X and Y held talks", "the ministers met"
    if head.tag_ in {"NNS", "NNPS"} and head.ent_type_ != "NORP":
        return True
    return any(t.dep_ == "conj" and (is_named(t) or _actorlike(t)) for t in head.subtree)


def _paired(actor: Token | None) -> bool:
    """Parties named as a pair, who discuss things with each other: "X and Y", "the two leaders",
    "both sides" (a plural alone may be one side's officials talking among themselves)."""
    if actor is None:
        return False
    head = referent(actor)
    if any(c.lower_ in {"two", "both"} and c.dep_ in {"nummod", "det", "predet"} for c in head.children):
        return True
    return any(t.dep_ == "conj" and (is_named(t) or _actorlike(t)) for t in head.children)


def _violent(trigger: Trigger) -> bool:
    """A literal violence word as trigger, or another violent word in the sentence."""
    lemma = trigger.obj.lemma_.lower() if trigger.obj is not None else trigger.sense.lemma
    if lemma in LITERAL_VIOLENCE or trigger.token.lemma_.lower() in LITERAL_VIOLENCE:
        return True
    if trigger.sense.kind == "noun" and claimant(trigger.token) is not None:
        return True  # "claimed responsibility for the attack": a deed, not words
    skip = {trigger.token.i, getattr(trigger.obj, "i", -1)}
    return any(t.lemma_.lower() in VIOLENCE or t.lower_ in VIOLENCE for t in trigger.token.sent if t.i not in skip)
