"""The 'events' component: who did what to whom, coded in the PLOVER ontology.

Each sentence is read off its dependency parse. A trigger is a verb (with its
particle or object), a noun or an adjective from the lexicon in ``lexicon.py``;
its actor and target come from the parse (subject or agent, object or
prepositional object) and are resolved to parties by ``actors.py``. Then the
sentence around the trigger says how the event is asserted: negated ("has not
announced any plans to meet"), demanded ("demand that Kyiv withdraw"),
planned ("will meet"), hedged ("may", "reportedly") or reported ("according
to Reuters", under a speech verb). Sentences with no trigger yield nothing:
descriptions, opinions and background are not events.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ...lexicon import FUTURE_AUX, STATEMENT_VERBS, words
from ...model import DateMention, Event, EventStatus
from ...settings import Settings
from .. import docindex
from ..entities.entities import MentionIndex
from ..entities.gazetteer import DEMONYMS
from ..entities.roles import ROLE_NOUNS
from ..phrases import according_to
from ..registry import Found, component
from ..spans import first_containing
from . import lexicon
from .actors import (
    FIRST_PERSON,
    PLACE_LABELS,
    Actor,
    can_be_party,
    is_actorlike,
    is_named,
    is_place_only,
    is_pronoun,
    make_actor,
    referent,
    resolve_pronoun,
)
from .lexicon import CLAIM_NOUNS, ORDER_VERBS, WORRY_NOUNS, Sense
from .participants import (
    active_subject,
    actor_head,
    asked_by_noun,
    breaks,
    clause_head,
    issuer_of,
    local_subtree,
    owner_of,
    path_up,
)
from .plausible import (
    AGENT_TYPES,
    actor_can_act,
    figurative_violence,
    in_unattributed_quote,
    insists_on_a_fact,
    instrument,
    own_to,
    unsupported,
)
from .targets import condition_subject, marked, target_head
from .triggers import Trigger, in_lexicon, token_triggers
from .trust import (
    SUPPORT_VERBS,
    addressee,
    distrust,
    number_clash,
    party,
    quoted_claim,
    town_where,
    unhappened,
    wished_act,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# The verbs that report a statement on their own (see storyline.lexicon), plus
# "quote": an outlet that "quoted" someone relays what they said, so what it
# quoted is reported. The quotes component leaves "quote" out because its
# subject is that outlet, not the speaker.
SPEECH_VERBS = STATEMENT_VERBS | {"quote"}
PLANNING_VERBS = words("plan expect prepare intend schedule aim set hope want seek propose due")
HEDGE_VERBS = words("appear seem believe think suspect rumor rumour")
HEDGE_WORDS = words("may might could reportedly allegedly apparently possibly probably perhaps likely")
DEMAND_MODALS = frozenset({"must", "should", "ought"})
COPULAS = words("be seem remain look sound")
NAMING_VERBS = words("call brand label dub term describe characterize characterise portray deride deem")
# Findings of a body or a court that pass a verdict: "the inquiry concluded that X had been careless".
FINDING_VERBS = words("conclude find rule determine judge")
VERDICT_VERBS = SPEECH_VERBS | NAMING_VERBS | FINDING_VERBS
QUESTION_WORDS = frozenset({"whether", "how", "why"})
# Types whose recipient can be the place it happens in ("a curfew in Port Elm").
GOVERNING_STATUS: dict[str, EventStatus] = {
    "DEMAND": "demanded",
    "REJECT": "denied",
    "AGREE": "planned",
    "THREATEN": "hedged",
    "DISAPPROVE": "reported",
}
COMMITMENTS = frozenset(
    {"vow", "pledge", "promise", "swear", "threaten", "warn", "willing", "ready", "prepared", "determined"}
)
# Who takes to the streets: a PROTEST by anyone else is a verbal protest (DISAPPROVE).
CROWD_NOUNS = words(
    "protester demonstrator student worker people thousand hundred resident farmer villager refugee "
    "supporter activist youth teacher employee union crowd member man woman driver trader miner "
    "opposition"
)
# Words above an event that deny it: "failed to", "denied", "its reluctance to endorse".
REFUSALS = words("fail deny reluctance reluctant unwilling unwillingness hesitant hesitate hesitation refrain avoid")
CONTRACTED_WOULD = frozenset({"'d", "’d"})  # "he'd hold a hearing"
SCORE = re.compile(r"(?<![\d-])\d{1,3} ?[-–] ?\d{1,3}(?![\d-])")


@dataclass(frozen=True, slots=True)
class Coded:
    """An event with the actor and target phrases it was read from."""

    event: Event
    actor: Actor | None
    target: Actor | None
    distrust: str | None = None  # why the event is not emitted (trust.py); None: emitted
    trigger: Trigger | None = None
    actor_token: Token | None = None


@component("events", fills="events", requires=("entities", "quotes", "attributions", "dates"))
def find_events(doc: Doc, *, found: Found, settings: Settings) -> Iterator[Event]:
    """Yield the PLOVER events of each sentence, most confident first, each happening once.

    The trusted ones come first; after them, the ones the trust gate held back,
    each with its reason in ``held_back`` (the pipeline files those apart, in
    ``Analysis.held_back``), minus any that repeat a trusted happening.
    """
    coded = code_events(doc, found)
    trusted = merge_duplicates([c.event for c in coded if c.distrust is None])
    doubtful = merge_duplicates([replace(c.event, held_back=c.distrust) for c in coded if c.distrust is not None])
    yield from trusted
    yield from (e for e in doubtful if not any(_same_happening(t, e) for t in trusted))


def merge_duplicates(events: list[Event]) -> list[Event]:
    """One happening mentioned twice is one event: the first mention, completed by later ones.

    Two events are the same happening when they have the same type and actor
    (or, within one sentence, one actor's words are among the other's: "X and
    Y met" and "X met Y"), both or neither are denials, their targets do not differ (one may be
    left unsaid) and their dates do not disagree. A news story restates its lead
    further down ("troops shelled the town ... the shelling of the town, the
    ministry said"), and the restatement is not a second attack.
    """
    kept: list[Event] = []
    for event in events:
        same = next((i for i, k in enumerate(kept) if _same_happening(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        first = kept[same]
        if first.target is None and event.target is not None:
            first = replace(first, target=event.target, target_id=event.target_id, target_sector=event.target_sector)
        if first.date is None and event.date is not None:
            first = replace(first, date=event.date, date_text=event.date_text)
        kept[same] = first
    return kept


def _same_happening(a: Event, b: Event) -> bool:
    """Whether two events of one article tell the same happening (see :func:`merge_duplicates`)."""
    if a.type != b.type or (a.status == "denied") != (b.status == "denied"):
        return False
    if a.actor != b.actor:
        # one sentence, one type, and one actor phrase holds the other's words ("X and Y met" / "X
        # visited ... to meet Y"): two triggers of one happening. Whole words: "Lee" is not in "Leeds".
        if a.start != b.start or not (a.actor and b.actor and _holds_words(a.actor, b.actor)):
            return False
    elif a.actor is None and (a.target is None or b.target is None) and a.start != b.start:
        return False  # "two people were killed" ... "a third was killed": nothing ties them (one
        # sentence's "84 were killed and 21 were wounded" tells one attack)
    if a.target is not None and b.target is not None and a.target != b.target:
        return False
    if a.start != b.start and a.type in lexicon.SPEECH_ACTS and _two_deeds(a, b):
        return False  # "X blasted Y ..." and later "X accused Y of ...": two criticisms, not one retold
    return not (a.date and b.date and a.date != b.date)


def _two_deeds(a: Event, b: Event) -> bool:
    """Whether two verbs of different families tell two acts ("blasted", later "accused"). A noun
    ("Rubio's attack", "the request") mostly looks back on an act already told, and one family
    ("accused", "the accusation"; "endorsed", "offered his endorsement") retells one: the family
    is read off the trigger's last word, the noun of a light verb."""
    verbs = a.rule.split(":")[1] == b.rule.split(":")[1] == "verb"
    return verbs and _family(a) != _family(b)


def _family(event: Event) -> str:
    """The first letters of the trigger's lemma, or of a light verb's noun ("offered endorsement")."""
    words = (event.trigger or "").split()
    word = words[-1] if len(words) > 1 else event.rule.split(":")[-1]
    return word.lower()[:4]


def _holds_words(a: str, b: str) -> bool:
    """Whether one name's words are all among the other's ("Lee" and "Kim and Lee")."""
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def code_events(doc: Doc, found: Found) -> list[Coded]:
    """Code every sentence of ``doc``; the benchmark reads the actor phrases from here."""
    coded: list[Coded] = []
    known = MentionIndex(found.entities)  # actors are looked up by name and place many times
    for sent in docindex.sentences(doc):
        found_here = _code_sentence(sent, found, known)
        coded.extend(sorted(found_here, key=lambda c: -c.event.confidence))
    return coded


def _code_sentence(sent: Span, found: Found, known: MentionIndex) -> list[Coded]:
    """All events of one sentence."""
    triggers = find_triggers(sent)
    coded: list[Coded] = []
    for trigger in triggers:
        result = _code(trigger, triggers, sent, found, known)
        if result is not None:
            coded.append(result)
    return coded


# --- finding triggers -----------------------------------------------------------------


def find_triggers(sent: Span) -> list[Trigger]:
    """The triggers of a sentence, light-verb objects folded into their verbs."""
    triggers = [t for token in _lexicon_words(sent) for t in token_triggers(token)]
    triggers.extend(_modal_demands(sent))
    triggers.extend(_verdicts(sent))
    consumed = {t.obj.i for t in triggers if t.obj is not None}
    return [t for t in triggers if t.token.i not in consumed and not _in_question(t.token) and not _score(t.token)]


def _lexicon_words(sent: Span) -> list[Token]:
    """The tokens of a sentence that the lexicon knows, in order: the only ones that can trigger."""
    words, doc = docindex.words(sent.doc), sent.doc
    known = in_lexicon
    return [doc[i] for i in range(sent.start, sent.end) if known(words.pos[i], words.lower[i], words.lemma[i])]


def _score(token: Token) -> bool:
    """A match result ("beat Latvia 2-0", "won 6-3 6-4"): sport, not politics."""
    words = sorted(local_subtree(token), key=lambda t: t.i)
    return bool(SCORE.search(token.doc[words[0].i : words[-1].i + 1].text))


def _modal_demands(sent: Span) -> list[Trigger]:
    """ "X said Y must do Z": a demand by the speaker on the subject of the must-clause."""
    found = []
    lemmas, doc = docindex.words(sent.doc).lemma, sent.doc
    for verb in (doc[i] for i in range(sent.start, sent.end) if lemmas[i] in SPEECH_VERBS):
        if verb.lemma_.lower() not in SPEECH_VERBS or verb.lemma_.lower() == "deny":
            continue
        speaker = active_subject(verb)
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if _is_obligation(clause) and speaker is not None and _demanded_act(clause):
                sense = Sense("must", "DEMAND", kind="modal")
                found.append(Trigger(clause, sense, actor_head=speaker, target_head=active_subject(clause), modal=True))
    return found


def _verdicts(sent: Span) -> list[Trigger]:
    """Verdicts on a party: "X said Y's plan is reckless", "X said Y is a fraud", "X called Y a
    liar", "X described Y as dishonest" disapprove of Y; words of praise support Y.

    The verdict must be the predicate of the clause the speaker says (or of the
    naming verb), unnegated, and what it judges a party or a party's own thing
    ("the minister's claims", "his figures"): "X said it was wrong to wait"
    condemns no one.
    """
    found = []
    lemmas, doc = docindex.words(sent.doc).lemma, sent.doc
    for verb in (doc[i] for i in range(sent.start, sent.end) if lemmas[i] in VERDICT_VERBS):
        judge = active_subject(verb)
        if judge is None or _negated_word(verb):
            continue
        if verb.lemma_.lower() in NAMING_VERBS:
            judged = next((p for c in verb.children if c.dep_ == "dobj" and (p := _judged_party(c))), None)
            pairs = [(judged, w) for w in _named_as(verb)] if judged is not None else []
        else:
            clauses = [c for c in verb.children if c.dep_ == "ccomp" and not _negated_word(c)]
            pairs = [(judged, w) for c in clauses if (judged := _clause_judged(c)) for w in _predicates(c)]
        for judged, word in pairs:
            type_ = _judgement(word)
            if type_ is not None:
                sense = Sense(word.lower_, type_, kind="verdict")
                found.append(Trigger(word, sense, actor_head=judge, target_head=judged))
                break
    return found


def _predicates(clause: Token) -> Iterator[Token]:
    """The words that can judge a clause's subject: "is reckless", "is a fraud", "is a great
    leader", "has done an awful job"."""
    lemma = clause.lemma_.lower()
    if lemma in LYING_VERBS and clause.pos_ == "VERB" and not any(c.dep_ == "prt" for c in clause.children):
        yield clause  # "said Y lied about the loans", "says Y has been misleading voters"
    for child in clause.children:
        if lemma in COPULAS and child.dep_ in {"acomp", "attr"} or lemma == "do" and child.dep_ == "dobj":
            yield from _judging_words(child)


# Deeds a speaker charges a party with in the very saying: "said Y lied" disapproves of Y.
LYING_VERBS = words("lie cheat deceive mislead betray")


def _named_as(verb: Token) -> Iterator[Token]:
    """What a naming verb calls its object: "called Y a liar", "called Y's plan reckless",
    "described Y as dishonest"."""
    for child in verb.children:
        if child.dep_ == "oprd":
            yield from _judging_words(child)
        elif child.dep_ == "prep" and child.lower_ == "as":
            for word in child.children:
                yield from _judging_words(word)


def _judging_words(word: Token) -> Iterator[Token]:
    """The word itself, and for "a great leader" or "an awful job" its adjective."""
    yield word
    if word.lemma_.lower() in lexicon.VERDICT_NOUNS:
        yield from (a for a in word.children if a.dep_ == "amod")


def _judgement(word: Token) -> str | None:
    """The type a verdict word codes: DISAPPROVE for "reckless" or "a fraud", SUPPORT for "honest"."""
    if word.lower_ in lexicon.DISPARAGING or word.pos_ == "NOUN" and word.lower_ in lexicon.DISPARAGING_NOUNS:
        return "DISAPPROVE"
    if word.pos_ == "VERB" and word.lemma_.lower() in LYING_VERBS:
        return "DISAPPROVE"
    return "SUPPORT" if word.lower_ in lexicon.PRAISING else None


def _clause_judged(clause: Token) -> Token | None:
    """The party a said clause's verdict is about: the owner-or-party of its subject."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return _judged_party(subject) if subject is not None else None


def _judged_party(noun: Token) -> Token | None:
    """The party a verdict on ``noun`` is about: the noun itself, or its owner ("the minister's claims")."""
    if noun.lower_ in {"it", "this", "that", "there", "which", "what"}:
        return None
    if party(noun):
        return noun
    return next((c for c in noun.children if c.dep_ == "poss" and party(c)), None)


def _negated_word(token: Token) -> bool:
    """ "did not say", "is not wrong", "was never corrupt"."""
    return any(c.dep_ == "neg" or c.lower_ in {"never", "hardly"} for c in token.children)


def _demanded_act(clause: Token) -> bool:
    """Whether the must-clause names an act ("must withdraw", "has to release them"), not a state or a
    prediction ("should get a boost", "have to be careful", "had to have a hint")."""
    verb = (
        next((c for c in clause.children if c.dep_ == "xcomp"), clause)
        if clause.lemma_.lower() in {"need", "have"}
        else clause
    )
    if any(c.dep_ == "acomp" and any(g.dep_ == "xcomp" for g in c.children) for c in verb.children):
        return True  # "must be ready to mediate": the act is the infinitive
    return verb.lemma_.lower() not in {"be", "have", "get", "seem", "look", "feel", "become", "remain", "stay"}


def _is_obligation(clause: Token) -> bool:
    """Whether a clause says its subject must act ("must", "should"); "needs to" and "has to" give
    advice on what would be wise, which the judges do not count as a demand."""
    return any(c.lower_ in DEMAND_MODALS for c in clause.children if c.dep_ == "aux")


def _in_question(token: Token) -> bool:
    """Whether the trigger sits in an embedded question ("how it supports", "whether Moscow is committed")."""
    while True:
        words = {c.lower_ for c in token.children if c.dep_ in {"mark", "advmod"}}
        if words & QUESTION_WORDS and token.dep_ in {"ccomp", "pcomp", "advcl", "csubj", "xcomp"}:
            return True
        if token.dep_ in {"ccomp", "advcl", "csubj", "pcomp", "relcl", "conj", "ROOT"} or token.head == token:
            return False
        token = token.head


# --- coding one trigger ---------------------------------------------------------------


def _code(trigger: Trigger, triggers: list[Trigger], sent: Span, found: Found, known: MentionIndex) -> Coded | None:
    """Turn a trigger into an Event, or None when it lacks what its kind needs."""
    governor = _governor(trigger, triggers)
    inner = _inner(trigger, triggers)
    actor_tok = trigger.actor_head or actor_head(trigger)
    issuer = _issuer(trigger, actor_tok)
    if issuer is not None:  # "X released a statement that accused Y": X accuses
        trigger = replace(trigger, actor_head=issuer)
        actor_tok = issuer
    if actor_tok is not None and trigger.sense.type not in lexicon.SPEECH_ACTS and _after_a_sayer(trigger.token):
        actor_tok = None  # "a mortar hit the market, the clinic said, wounding nine": the sayer wounded no one
    if unsupported(trigger, inner, actor_tok):
        return None
    if actor_tok is not None and not actor_can_act(actor_tok):
        if trigger.sense.type in AGENT_TYPES:
            return None  # a statement or a meeting needs someone who can make it
        actor_tok = None  # "killed in an airstrike": the instrument is not the actor
    if trigger.sense.kind == "noun" and actor_tok is None:
        return None
    if not _plausible_actor(trigger, actor_tok):
        return None
    target_tok = trigger.target_head or target_head(trigger, actor_tok, inner)
    writer = target_tok is not None and target_tok.lower_ in FIRST_PERSON and is_pronoun(target_tok)
    if writer and target_tok is not None and resolve_pronoun(target_tok) is target_tok:
        target_tok = None  # "refused to give me the credit": the writer, whom the text does not name
    if target_tok is not None and _describing_word(target_tok):
        # "investigating the Democratic fundraiser": no party; "... the Democratic candidate": the candidate
        target_tok = target_tok.head if target_tok.head.lemma_.lower() in ROLE_NOUNS else None
    if target_tok is not None and _quoted_apart(target_tok, trigger.token, found):
        # '"... has no business running this council," X charged': the council is in the speaker's words
        target_tok = None
    if trigger.sense.type == "DEMAND" and (asked := addressee(trigger.token)) is not None and party(asked):
        target_tok = asked  # "called on X to apologise to Y", "asked her aide to ...": X, the aide
    actor = make_actor(actor_tok, known) if actor_tok is not None else None
    target = make_actor(target_tok, known) if target_tok is not None else None
    if actor is not None and target is not None and target.name == actor.name:
        target = None
    if trigger.sense.kind == "verdict" and target is None:
        return None  # "we were wrong", "her remark was a joke": a verdict on oneself, or on no one named
    if in_unattributed_quote(trigger.token, found.quotes, actor.entity_id if actor else None):
        return None  # quoted words are the speaker's claim: kept only when both speaker and actor are known
    status, source = _status(trigger, governor, found, known)
    type_, mode, status = _classify(trigger, inner, actor_tok, status, source)
    if type_ == "AID" and _money(trigger) and target_tok is not None and _political_purse(target_tok):
        type_, mode = "SUPPORT", None  # money to a campaign or a party backs it; aid relieves need
    if type_ == "CONSULT" and mode in {None, "phone"} and target is not None and status != "planned":
        actor, target = _participants(actor, target, target_tok)  # a promise to meet X is made to X
    if type_ == "THREATEN" and target is None:  # "... unless the government raises wages"
        condition = condition_subject(trigger.token)
        target = make_actor(condition, known) if condition is not None else None
    if status == "reported" and actor is not None and source == actor.name and _own_statement(trigger.token, type_):
        status = "asserted"  # "Zelenskyy said ... and accused Moscow": his own statement is the event
    event = Event(
        type=type_,
        sentence=sent.text,
        start=sent.start_char,
        end=sent.end_char,
        mode=mode,
        location=_location(trigger),
        status=status,
        source=source,
        trigger=_trigger_text(trigger),
        rule=f"plover:{trigger.sense.kind}:{trigger.sense.lemma}",
        confidence=_confidence(trigger, governor, status, actor),
        **_party_fields("actor", actor),
        **_party_fields("target", target),
    )
    event = _with_date(event, trigger, found.dates)
    why = (
        quoted_claim(trigger.token, found.quotes, actor.entity_id if actor else None, status, actor_tok)
        or distrust(trigger, type_, inner, actor_tok, target_tok)
        or number_clash(actor_tok, event.actor_start, event.actor_end)
        or unhappened(event.status, event.type)
    )
    if why is None and type_ == "ASSAULT" and actor_tok is not None and instrument(actor_tok):
        event = replace(event, **_party_fields("actor", None))  # "the strike killed X": what did it, not who
    if why is None and town_where(target_tok, type_):
        event = replace(event, **_party_fields("target", None))  # "thousands marched in Selm": where, not whom
    if why is None and target_tok is not None and (owner := _owner_of_thing(target_tok)) is not None:
        target = make_actor(owner, known)  # "denounced a Valmora court ruling": aimed at the court
        event = replace(event, **_party_fields("target", target))
    return Coded(event, actor, target, why, trigger, actor_tok)


# Whom political money goes to: a gift to them is backing, not material aid.
POLITICAL_PURSES = words("campaign pac committee candidacy party reelection re-election superpac fundraiser")


def _money(trigger: Trigger) -> bool:
    """A gift of money: "donated", "a contribution", "gave $2,700", "gave money"."""
    given = trigger.obj.lemma_.lower() if trigger.obj is not None else ""
    return trigger.sense.lemma in {"donate", "donation", "contribute", "contribution"} or given in MONEY


MONEY = words("money dollar million billion fund cash donation contribution")


def _political_purse(target: Token) -> bool:
    """ "donated to the Alder campaign", "gave to a super PAC", "to the Liberal Party"."""
    head = referent(target)
    words_here = {head.lemma_.lower(), head.lower_} | {c.lower_ for c in head.children if c.dep_ == "compound"}
    return bool(words_here & POLITICAL_PURSES)


# Bodies a name may modify ("the Selm foundation"): parties themselves, not things.
BODIES = words("foundation charity company firm corporation agency organisation organization institute university")


def _party_fields(role: str, party: Actor | None) -> dict[str, Any]:
    """The Event fields that name the actor or the target (``role``): set when coding, and again
    when a weapon or a town is dropped or an owner stands in."""
    return {
        role: party.name if party else None,
        f"{role}_id": party.entity_id if party else None,
        f"{role}_sector": party.sector if party else None,
        f"{role}_text": party.text if party else None,
        f"{role}_start": party.start if party else None,
        f"{role}_end": party.end if party else None,
    }


def _owner_of_thing(target: Token) -> Token | None:
    """The party that owns a thing the event is aimed at ("a Valmora court ruling", "Selm's plan"):
    the trust gate lets an owned thing stand for its owner, and the owner is who is named."""
    head = referent(target)
    if target.pos_ != "NOUN" or is_actorlike(head) or party(target) or head.lemma_.lower() in BODIES:
        return None
    owners = [
        c
        for c in target.children
        if c.dep_ in {"poss", "compound"} and is_actorlike(referent(c)) and any(is_named(t) for t in c.subtree)
    ]  # a named owner only: "army bases" stay bases
    return owners[0] if owners else None


def _describing_word(token: Token) -> bool:
    """An adjective that only describes the one thing an event is aimed at
    ("the Democratic primary", "an anti-immigrant video", "Islamic
    extremism"): no party. A country's demonym ("Ukrainian cities") stands for
    its country, and a group's adjective on a plural ("Kurdish villages",
    "Sunni militants") for the group: both stay targets."""
    if token.pos_ != "ADJ" or token.dep_ not in {"amod", "compound"} or token.lower_ in DEMONYMS:
        return False
    return token.head.tag_ == "NN"


def _participants(actor: Actor | None, target: Actor, target_tok: Token | None) -> tuple[Actor | None, None]:
    """Everyone at a meeting is its actor (PLOVER manual 3.2.2): "X held talks with Y", "X phoned Y".

    Only a visit has a host as recipient; a city the parties go to is not a party.
    """
    if actor is None or target_tok is None or is_place_only(target_tok):
        return actor, None
    both = Actor(
        f"{actor.text} and {target.text}",
        f"{actor.name} and {target.name}",
        min(actor.start, target.start),
        max(actor.end, target.end),
        actor.entity_id,
        actor.sector if actor.sector == target.sector else None,
    )
    return both, None


def _issuer(trigger: Trigger, actor: Token | None) -> Token | None:
    """The issuer of a text that performs a speech act: "a statement that accused X", "the
    ministry's letter rejected Y", "a statement condemning X" (the noun the participle hangs on)."""
    if trigger.sense.type not in lexicon.SPEECH_ACTS or trigger.sense.kind != "verb":
        return None
    token = trigger.token
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return issuer_of(token.head)
    return issuer_of(referent(actor)) if actor is not None else None  # "that" is its noun: the statement


def _plausible_actor(trigger: Trigger, actor: Token | None) -> bool:
    """Speech acts and meetings need someone to do them; strikes need a workforce.

    "The win helped ease old worries", "the bid met the rules",
    "she scored nine goals" are not political events.
    """
    if actor is None:
        return True
    head = referent(actor)
    named = any(is_named(t) for t in head.subtree if t.i <= head.i)
    if trigger.sense.type in AGENT_TYPES and head.pos_ == "NOUN" and not (can_be_party(head) or named):
        return False
    if trigger.sense.lemma == "strike" and trigger.sense.type == "PROTEST":
        return head.lemma_.lower() in CROWD_NOUNS or head.lower_ in CROWD_NOUNS
    return True


def _classify(
    trigger: Trigger, inner: Trigger | None, actor: Token | None, status: EventStatus, source: str | None
) -> tuple[str, str | None, EventStatus]:
    """Type, mode and status, after the rules that look beyond the trigger word."""
    type_ = _type(trigger, inner, actor)
    mode = _mode(trigger, type_, inner)
    if type_ != trigger.sense.type and type_ in {"AID", "MOBILIZE"}:
        mode = "peacekeeping" if type_ == "AID" else "troops"
    # "is not accepting the offer" refuses it; "has not yet accepted" has not decided
    refused = trigger.sense.lemma == "accept" and not any(c.lower_ == "yet" for c in trigger.token.children)
    # "said he could not support the movement": backing withheld by choice, a refusal
    refused = refused or (trigger.sense.lemma in {"support", "back", "endorse"} and _can(trigger.token))
    if status == "denied" and type_ in lexicon.COOPERATIVE and (_future(trigger.token) or refused):
        # "will not release", "would not meet their demands": a refusal, not a non-event
        return "REJECT", lexicon.DEMAND_MODES.get(type_), "reported" if source else "asserted"
    if status in {"planned", "hedged"} and _conditional(trigger.token):
        # "will withdraw its force unless ...": a conditional threat
        return "THREATEN", lexicon.THREAT_MODES.get(type_, "relations"), status
    return type_, mode, status


def _future(token: Token) -> bool:
    """ "will", "would" on the trigger or the verb it is the infinitive of ("would not agree to meet")."""
    for link in _chain(token):
        if {c.lower_ for c in link.children if c.dep_ == "aux"} & FUTURE_AUX:
            return True
        if link.dep_ != "xcomp":
            return False
    return False


def _can(token: Token) -> bool:
    """ "can", "could" on the trigger itself ("cannot support", "could not back")."""
    return any(c.dep_ == "aux" and c.lemma_.lower() in {"can", "could"} for c in token.children)


def _conditional(token: Token) -> bool:
    """Whether the trigger's clause carries an "unless" condition."""
    for link in _chain(token):
        for child in link.children:
            if child.dep_ == "advcl" and any(m.lower_ == "unless" for m in child.children if m.dep_ == "mark"):
                return True
    return False


def _trigger_text(trigger: Trigger) -> str:
    """The trigger as it reads: verb, particle and the object that gave it its sense."""
    words = [trigger.token]
    words += [c for c in trigger.token.children if c.dep_ == "prt"]
    if trigger.obj is not None:
        words.append(trigger.obj)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _governor(trigger: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """The nearest trigger above this one whose clause it completes ("demand that X withdraw")."""
    by_token = {t.token.i: t for t in triggers if t is not trigger}
    if trigger.token.i in by_token and by_token[trigger.token.i].modal and not trigger.modal:
        return by_token[trigger.token.i]
    owner = owner_of(trigger.token) if trigger.sense.kind == "noun" else None
    if owner is not None and not is_pronoun(owner):
        return None  # "rejected Russia's demand": the demand stands on its own
    for child, head in path_up(trigger.token):
        if breaks(child):
            return None
        if head.i in by_token:
            return by_token[head.i]
    return None


def _inner(trigger: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """The event this one governs, if any: what is demanded, agreed, rejected."""
    for other in triggers:
        if other is not trigger and _governor(other, triggers) is trigger:
            return other
    return None


def _type(trigger: Trigger, inner: Trigger | None, actor: Token | None) -> str:
    """The PLOVER type, with the rules that depend on the actor and the governed event."""
    sense = trigger.sense
    if sense.lemma in COMMITMENTS and inner is not None and inner.sense.type in lexicon.CONFLICTUAL:
        return "THREATEN"  # a vow or promise to use force is a threat
    if figurative_violence(trigger) or (
        sense.type == "ASSAULT" and sense.lemma in {"attack", "clash"} and _verbal_attack(trigger, actor)
    ):
        return "DISAPPROVE"  # a politician "attacked the newspaper": words, not force
    if sense.type == "PROTEST" and sense.lemma == "protest" and _verbal_protest(trigger.token, actor):
        return "DISAPPROVE"  # a government or a statement "protests": not a street protest
    if sense.lemma in ORDER_VERBS and inner is not None and inner.sense.type in {"COERCE", "SANCTION"}:
        return inner.sense.type  # "ordered the newspaper to suspend publication": the order coerces
    if sense.type == "CONSULT" and sense.mode == "visit" and actor is not None and _armed(actor):
        return "AID" if any(t.lower_.startswith("peacekeep") for t in actor.subtree) else "MOBILIZE"
    return sense.type


def _verbal_protest(verb: Token, actor: Token | None) -> bool:
    """A protest made in words: it has a that-clause, or its actor is not a crowd."""
    if actor is None:
        return False
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    head = referent(actor)
    crowd = head.lemma_.lower() in CROWD_NOUNS or head.lower_ in CROWD_NOUNS
    return not crowd and not (head.ent_type_ == "NORP" and head.tag_ == "NNPS")  # "Palestinians protested"


def _verbal_attack(trigger: Trigger, actor: Token | None) -> bool:
    """An attack by one named person with no weapon in its clause is made in words."""
    if actor is None or _weapon_mode(trigger) is not None:
        return False
    head = referent(actor)
    return head.ent_type_ == "PERSON" and not head.conjuncts and head.tag_ != "NNPS"


def _armed(actor: Token) -> bool:
    """Whether an actor phrase names troops (for "troops arrived in X")."""
    head = referent(actor)
    words = {head.lemma_.lower()} | {t.lower_ for t in head.lefts}
    return bool(words & {"troop", "force", "soldier", "peacekeeper", "peacekeeping", "army", "unit"})


def _mode(trigger: Trigger, type_: str, inner: Trigger | None) -> str | None:
    """The manual's mode: from the lexicon, the weapon used, or what is demanded or threatened."""
    if type_ == "ASSAULT":
        return _weapon_mode(trigger) or trigger.sense.mode
    if inner is not None and type_ in {"DEMAND", "REJECT"}:
        return lexicon.DEMAND_MODES.get(inner.sense.type, trigger.sense.mode)
    if inner is not None and type_ == "THREATEN":
        return lexicon.THREAT_MODES.get(inner.sense.type, trigger.sense.mode)
    if type_ == "AGREE" and inner is not None and inner.sense.type in {"CONSULT", "SUPPORT", "AGREE"}:
        return "diplomatic"
    return trigger.sense.mode


def _weapon_mode(trigger: Trigger) -> str | None:
    """An ASSAULT mode from the weapon words near the trigger ("car bomb", "artillery")."""
    clause = clause_head(trigger.token)
    for token in clause.subtree:
        mode = lexicon.WEAPON_MODES.get(token.lemma_.lower())
        if mode is not None:
            return mode
    return None


# --- status, source, place and time ----------------------------------------------------


def _status(
    trigger: Trigger, governor: Trigger | None, found: Found, known: MentionIndex
) -> tuple[EventStatus, str | None]:
    """How the text asserts the event, and who it attributes it to."""
    source = _source(trigger, found, known)
    if _negated(trigger) or _falsified(trigger.token):
        return "denied", source
    if asked_by_noun(trigger.token) is not None:
        return "demanded", source  # "decried X's calls to ban Y": the ban is asked for, whatever governs it
    if governor is not None and governor.sense.lemma == "insist" and insists_on_a_fact(governor.token):
        # "X insists that Y asked the clerks to ...": X's claim about a done act, not a demand of it;
        # "X insists that Y will attack" is still a prediction
        insister = actor_head(governor)
        claimant = source or (make_actor(insister, known).name if insister is not None else None)
        if _hedged(trigger.token):
            return "hedged", claimant
        return ("planned" if _planned(trigger.token) else "reported"), claimant
    if governor is not None and governor.sense.type in GOVERNING_STATUS and not _rejected_request(trigger, governor):
        status = GOVERNING_STATUS[governor.sense.type]
        if status == "planned" and trigger.sense.type in lexicon.CONFLICTUAL:
            status = "hedged"
        if status == "reported" and source is None:  # "Moscow accused Kyiv of shelling": Moscow says so
            accuser = actor_head(governor)
            source = make_actor(accuser, known).name if accuser is not None else None
        return status, source
    if (
        trigger.sense.type == "DEMAND"
        and trigger.sense.kind == "verb"
        and (_should(trigger.token) or _let_clause(trigger.token))
    ):
        return "planned", source  # "the board should ask the minister to ...": a request not yet made
    if _demanded_for(trigger.token) or _should(trigger.token):
        return "demanded", source  # "called for the judge to resign": the resignation is demanded
    if wished_act(trigger.token):
        return "planned", source  # "getting the mayor to resign", "before she throws her support to X"
    if _hedged(trigger.token) or (source is None and _claimed(trigger.token)):
        return "hedged", source  # "may", "reportedly"; a worry voiced by someone the text does not name
    if _planned(trigger.token):
        return "planned", source
    return ("reported" if source else "asserted"), source


def _rejected_request(trigger: Trigger, governor: Trigger) -> bool:
    """ "The court rejected the paper's request", "turned down a request for an interview": a
    request turned down was made; only its granting is denied (the REJECT event says so)."""
    return trigger.sense.kind == "noun" and trigger.sense.type == "DEMAND" and governor.sense.type == "REJECT"


def _should(token: Token) -> bool:
    """ "X should cut ties with Y": what the writer (or the source) says must happen, not what did."""
    return token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in token.children)


NECESSITY = words("crucial essential important vital necessary imperative critical urgent")
# Verbs of a passive hearsay ("is said to", "are believed to"); "were told to" is an order.
HEARSAY_VERBS = words("say report rumor rumour believe allege understand think")
CALLING_VERBS = words("call push press appeal ask urge lobby campaign")


def _demanded_for(token: Token) -> bool:
    """A "for X to" clause under a verb of asking ("called for the judge to resign", "pushed for X to
    go"), a bare "to" under one ("called to ban the march": what the caller wants done), or a
    clause under an opening "Let" ("Let the council pay for it")."""
    head = token.head.lemma_.lower()
    if asked_by_noun(token) is not None:
        return True  # "X's calls to ban Y": the ban is asked for
    if _necessary(token):
        return True  # "it is crucial that the party make concessions"
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children):
        return head in CALLING_VERBS
    if token.dep_ == "xcomp" and own_to(token) and head in CALLING_VERBS and not _objects_of(token.head):
        return True
    if token.dep_ in {"xcomp", "advcl"} and own_to(token) and token.head.pos_ == "VERB" and token.head != token:
        return _demanded_for(token.head)  # "called for X to send troops to fight Y": the fight too
    return _let_clause(token)


def _necessary(token: Token) -> bool:
    """A that-clause under a word of necessity ("crucial that X make", "essential that Y be"): what
    someone wants done, in the subjunctive, not what was done."""
    if token.dep_ != "ccomp" or not marked(token, "that"):
        return False
    head = token.head  # "it is crucial that": the head's complement; "see it as crucial that": after "as"
    judged = [c for c in head.children if c.dep_ in {"acomp", "attr", "oprd"}]
    judged += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    return any(t.lemma_.lower() in NECESSITY for t in judged)


def _let_clause(token: Token) -> bool:
    """A clause under an opening "Let" (of the sentence, of a quotation, after a colon): "Let the
    council pay for it" wishes, it does not tell."""
    let = token.head
    if let.lower_ != "let" or let.i == token.i:
        return False
    before = [t for t in let.sent if t.i < let.i and not t.is_space]
    return not before or before[-1].is_quote or before[-1].text in {":", "—", "–"}


def _objects_of(verb: Token) -> list[Token]:
    """The verb's direct objects: "urged the mayor to resign" asks the mayor, who is to act."""
    return [c for c in verb.children if c.dep_ in {"dobj", "dative"}]


def _chain(token: Token, through_speech: bool = False) -> Iterator[Token]:
    """The trigger and the verbs and nouns it hangs from, up to the next clause boundary.

    A speech verb ends the chain (what "may" happen is the speaker's hedge, not
    the event's) unless ``through_speech``: "has not announced plans to meet"
    negates the meeting too.
    """
    yield token
    for child, head in path_up(token):
        if breaks(child) or (head.lemma_.lower() in SPEECH_VERBS and not through_speech):
            return
        yield head


def _negated(trigger: Trigger) -> bool:
    """Negation on the trigger or on what it depends on ("has not announced any plans to meet")."""
    for token in _chain(trigger.token, through_speech=True):
        if trigger.sense.kind == "noun" and token.i != trigger.token.i and not _carries(token, trigger):
            return False  # "did not answer the request", "no evidence of an inquiry": the noun event stands
        if any(c.dep_ == "neg" or _says_no(c) for c in token.children):
            return True
        if token.dep_ in {"pobj", "pcomp"} and token.head.lower_ == "without":
            return True
        if token.lemma_.lower() in REFUSALS and token.i != trigger.token.i:
            return True
        if token.i != trigger.token.i and _yet_to(token):
            return True  # "has yet to apologise": not done
        if token.dep_ == "relcl":
            break  # "had not made the changes she requested": the request stands
    obj = trigger.obj
    return obj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children)


def _yet_to(token: Token) -> bool:
    """ "has yet to", "is yet to": what follows has not happened."""
    return token.lemma_.lower() in {"have", "be"} and any(c.lower_ == "yet" for c in token.children)


def _carries(head: Token, trigger: Trigger) -> bool:
    """Whether ``head`` carries the noun event as its own: a preposition, a support verb ("did not
    hold talks") or a verb of refusal above it ("failed to reach a deal")."""
    lemma = head.lemma_.lower()
    return head.pos_ == "ADP" or lemma in SUPPORT_VERBS or lemma in REFUSALS


def _says_no(token: Token) -> bool:
    """ "no" as a determiner or in "no longer", "no more"; a fronted "at no time", "in no way"."""
    if token.lower_ in {"no", "never"} and token.dep_ in {"det", "advmod", "neg"}:
        return True
    if token.dep_ == "prep" and any(
        o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in o.children) for o in token.children
    ):
        return True  # "At no point did Norland sign the accord"
    if token.dep_ in {"nsubj", "nsubjpass"} and any(c.lower_ == "neither" for c in token.children):
        return True  # "Neither X nor her allies have been charged"
    return token.lower_ in {"longer", "more"} and any(c.lower_ == "no" for c in token.children)


# Adjectives of a forecast over an infinitive: "is likely to", "are unlikely to".
LIKELY = words("likely unlikely liable apt")


def _hedged(token: Token) -> bool:
    """May, could, reportedly, allegedly; "is believed to"; the "if" clause of a conditional."""
    if _shared_auxes(token) & HEDGE_WORDS:
        return True  # "could sue the firm or boycott it"
    for link in _chain(token):
        words = {c.lower_ for c in link.children if c.dep_ in {"aux", "advmod"}}
        if words & HEDGE_WORDS or link.lemma_.lower() in HEDGE_VERBS:
            return True
    verb = token.head if token.pos_ == "NOUN" and token.dep_ in {"dobj", "pobj"} else token
    verb = verb.head if verb.dep_ == "prep" else verb
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in LIKELY:
        return True  # "are likely to draw fire from X": a forecast, not a happening
    for child, head in path_up(token):
        if child.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in child.children if m.dep_ == "mark"):
            return True  # PLOVER's "hypothetical": "if the Green Union stands in the vote"
        if (
            child.dep_ == "xcomp"
            and head.lemma_.lower() in HEARSAY_VERBS
            and any(c.dep_ == "auxpass" for c in head.children)
        ):
            return True  # "aides are said to be pressing", "is reported to have met": hearsay, no one named
        if breaks(child):
            return False
    return False


def _shared_auxes(token: Token) -> set[str]:
    """The auxiliaries a coordinated verb with no subject or auxiliary of its own shares with the verb
    it is joined to: in "he'd leave the party and back Brand" the backing is under "would" too."""
    if token.dep_ != "conj" or token.pos_ != "VERB" or token.head.pos_ not in {"VERB", "AUX"}:
        return set()
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in token.children):
        return set()
    return {c.lower_ for c in token.head.children if c.dep_ == "aux"}


def _planned(token: Token) -> bool:
    """Will, would, is to, going to, expected/preparing/planning to."""
    if _shared_auxes(token) & (FUTURE_AUX | CONTRACTED_WOULD) and token.tag_ != "VBN":
        return True
    for link in _chain(token):
        auxes = {c.lower_ for c in link.children if c.dep_ == "aux"}
        if link.tag_ == "VBN":
            auxes -= CONTRACTED_WOULD  # "who'd endorsed him": had, a past act
        if auxes & (FUTURE_AUX | CONTRACTED_WOULD) or (link.i != token.i and link.lemma_.lower() in PLANNING_VERBS):
            return True
        if link.lemma_.lower() in {"go", "be"} and link.i != token.i and token.dep_ == "xcomp":
            return True
        if link.lemma_.lower() == "be" and link.tag_ in {"VBZ", "VBP"} and token.dep_ == "advcl" and own_to(token):
            return True  # "is in Selm to sign", "is here to meet": what the trip is for, still to come
    return False


def _source(trigger: Trigger, found: Found, known: MentionIndex) -> str | None:
    """Who the event is attributed to: a speech verb's subject, "according to X", a quote's speaker."""
    start = trigger.token.idx
    # indexed once per article (a loop over every quote for every trigger was quadratic)
    attribution = first_containing(found.attributions, start, "event-source-attribution", lambda a: True)
    if attribution is not None:
        return attribution.source
    quote = first_containing(found.quotes, start, "event-source-quote", lambda q: bool(q.speaker))
    if quote is not None:
        return quote.speaker
    return _speaker(trigger.token, known) or _according_to(trigger.token, known)


def _speaker(token: Token, known: MentionIndex) -> str | None:
    """The subject of a speech verb above the trigger, or the holder of a claim noun above it."""
    for child, head in path_up(token):
        if head.lemma_.lower() in CLAIM_NOUNS and _that_clause(child) and (holder := _claim_holder(head)):
            return make_actor(holder, known, as_party=False).name
        if head.lemma_.lower() in SPEECH_VERBS and child.dep_ in {"ccomp", "parataxis", "conj"}:
            subject = active_subject(head)
            return make_actor(subject, known, as_party=False).name if subject is not None else None
        if head.lemma_.lower() in SPEECH_VERBS and head.dep_ == "ROOT" and child.dep_ != "nsubj":
            subject = active_subject(head)
            return make_actor(subject, known, as_party=False).name if subject is not None else None
    return None


def _quoted_apart(word: Token, trigger: Token, found: Found) -> bool:
    """Whether ``word`` sits in a direct quotation that does not hold the trigger: a verb of saying
    after a quote takes the quote for its object, and nothing in it is the verb's target."""
    quote = first_containing(found.quotes, word.idx, "direct-quote", lambda q: q.kind == "direct")
    return quote is not None and not quote.start <= trigger.idx < quote.end


def _after_a_sayer(token: Token) -> bool:
    """A participle hung on a verb of saying ("..., officials said, killing two"): the parser's
    attachment, not the sayer's deed. A speech act stays theirs ("said, accusing Y of ...")."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.head.lemma_.lower() in SPEECH_VERBS
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    )


def _own_statement(token: Token, type_: str) -> bool:
    """Whether a speaker's words about their own act are the act itself.

    "X said ... and accused Y", "X said it condemned Y": the statement does it.
    "X said they had retaken the town": what was said is a claim about a deed,
    which stays the speaker's report.
    """
    if type_ in lexicon.SPEECH_ACTS:
        return True
    return not any(
        head.lemma_.lower() in SPEECH_VERBS and child.dep_ in {"ccomp", "parataxis"} for child, head in path_up(token)
    )


def _claimed(token: Token) -> bool:
    """Whether the trigger sits in the that-clause of a worry ("concerns that X was hiding ...")."""
    return any(head.lemma_.lower() in WORRY_NOUNS and _that_clause(child) for child, head in path_up(token))


# What an outlet calls a claim it holds untrue: "a false claim that X opposed the war".
FALSITY = words("false baseless unfounded bogus debunked discredited untrue fabricated groundless")


def _falsified(token: Token) -> bool:
    """Whether the trigger sits in the that-clause of a claim the text calls false: the outlet
    says it did not happen."""
    return any(
        head.lemma_.lower() in CLAIM_NOUNS
        and _that_clause(child)
        and any(c.dep_ == "amod" and c.lower_ in FALSITY for c in head.children)
        for child, head in path_up(token)
    )


def _that_clause(clause: Token) -> bool:
    """A clause opened by "that" on a noun ("fears that ..."), which the parser may take for a relative one."""
    return clause.dep_ in {"acl", "relcl", "ccomp"} and marked(clause, "that")


def _claim_holder(noun: Token) -> Token | None:
    """Whose claim or fear a noun is: its owner ("the mayor's fear"), else the subject of the verb
    that voices it ("critics raised concerns")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "pobj" and noun.head.lower_ in {"of", "about"}:
        verb = noun.head.head  # "spoke of fears that ...": the speaker ("pointed to reports" cites others')
    elif noun.dep_ == "dobj":
        verb = noun.head
    else:
        return None
    if verb.pos_ != "VERB":
        return None
    subject = active_subject(verb)
    if subject is None and verb.dep_ in {"advcl", "conj", "xcomp"} and verb.tag_ in {"VBG", "VB"}:
        subject = active_subject(verb.head)  # "X said, repeating the claim that ...": X repeats it
    return subject


def _according_to(token: Token, known: MentionIndex) -> str | None:
    """ "according to Reuters" anywhere in the sentence ("according to plan" names no source)."""
    for word in docindex.sentence(token):
        source = according_to(word)
        if source is not None:
            return make_actor(source, known, as_party=False).name
    return None


def _location(trigger: Trigger) -> str | None:
    """A place after "in"/"at" in the event's own clause."""
    roots = [trigger.token] + ([trigger.obj] if trigger.obj is not None else [])
    for root in roots:
        for token in local_subtree(root):
            if token.dep_ == "pobj" and token.head.lower_ in {"in", "at"} and token.ent_type_ in PLACE_LABELS:
                return _entity_text(token)
    return None


def _entity_text(token: Token) -> str:
    """The text of the entity around ``token``."""
    ent = docindex.entity_of(token)
    if ent is not None:
        return ent.text.removeprefix("the ")
    return token.text


def _with_date(event: Event, trigger: Trigger, dates: list[DateMention]) -> Event:
    """Attach the date mention that modifies the trigger's clause, if there is one."""
    mention = _governing_date(trigger, dates)
    if mention is None:
        return event
    return replace(event, date=mention.value, date_text=mention.text)


def _governing_date(trigger: Trigger, dates: list[DateMention]) -> DateMention | None:
    """The date whose phrase attaches to the same clause as the trigger."""
    doc = trigger.token.doc
    sent = docindex.sentence(trigger.token)
    clause = clause_head(trigger.token)
    for mention in dates:
        if not (sent.start_char <= mention.start < sent.end_char):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        anchor = span.root.head if span.root.head != span.root else span.root
        if anchor == trigger.token or clause_head(anchor) == clause:
            return mention
    return None


def _confidence(trigger: Trigger, governor: Trigger | None, status: str, actor: Actor | None) -> float:
    """A score for ranking events within a sentence: main clauses and specific patterns first."""
    sense = trigger.sense
    base = {"verb": 0.75, "adj": 0.75, "modal": 0.8, "verdict": 0.7, "noun": 0.6}[sense.kind]
    if sense.kind == "verb" and sense.specificity:
        base = 0.85
    if governor is not None:
        base *= 0.6 if governor.sense.type in GOVERNING_STATUS else 0.8
    base -= {"denied": 0.15, "hedged": 0.05}.get(status, 0.0)
    base -= 0.1 * _subordinate(trigger.token) + 0.1 * (trigger.token.dep_ == "conj")
    base += 0.05 if actor is not None else 0.0
    return round(min(max(base, 0.05), 0.99), 2)


def _subordinate(token: Token) -> bool:
    """Whether the trigger is in a temporal or relative clause (background, not news)."""
    for child, _head in path_up(token):
        if breaks(child) and child.dep_ == "advcl":
            return True
        if child.dep_ == "relcl":
            return True
    return False
