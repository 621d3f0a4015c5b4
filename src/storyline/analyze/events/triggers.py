"""Which words of a sentence code a PLOVER event, and with which sense.

The lexicon (lexicon.py) says which lemmas can mean which event type; this
module matches the tokens of a parsed sentence against it: verbs with their
particles and objects ("call off", "staged a strike"), event nouns, light
verbs that take their meaning from an event noun, and the checks that keep a
report of speech or a cautionary "warn" from being coded as the event itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...lexicon import FUTURE_AUX
from .. import docindex
from .actors import is_actorlike, referent
from .lexicon import CLAUSE_VERBS, CONFLICTUAL, LIGHT_VERBS, ORDER_VERBS, VIOLENCE, Sense, senses

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(slots=True)
class Trigger:
    """A word that codes an event, with what the lexicon matched it on."""

    token: Token
    sense: Sense
    obj: Token | None = None
    actor_head: Token | None = None
    target_head: Token | None = None
    modal: bool = False


def _child_words(token: Token) -> set[str]:
    """Particles and prepositions attached to a verb ("call off", "crack down on")."""
    words = {
        c.lower_ for c in token.children if c.dep_ in {"prt", "prep", "advmod", "agent", "dative"} and not _when(c)
    }
    # "pushed back against X": the parser may hang the preposition on the particle
    words |= {g.lower_ for c in token.children if c.lower_ == "back" for g in c.children if g.dep_ == "prep"}
    # "called for the strongholds to be hit": the parser makes "for" the mark of the clause asked for
    words |= {m.lower_ for c in token.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"} & {"for"}
    return words | {c.lower_ for c in token.children if c.dep_ == "acomp"}


def _when(prep: Token) -> bool:
    """A preposition that dates the verb ("called on Sunday"), not a particle of it ("called on Kyiv")."""
    return prep.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in prep.children)


def _objects(token: Token) -> list[Token]:
    """Nouns that can give a light verb its meaning: object, passive subject, prepositional objects."""
    direct = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd", "acomp"}]
    preps = [g for c in token.children if c.dep_ in {"prep", "agent"} for g in c.children if g.dep_ == "pobj"]
    preps += [g for c in token.children if c.dep_ == "prt" for g in c.children if g.dep_ == "pobj"]
    return direct + preps


def _object_words(obj: Token) -> set[str]:
    """Lemmas that stand for an object: its head, compounds and "state of X"."""
    words = {obj.lemma_.lower(), obj.lower_}
    words |= {c.lemma_.lower() for c in obj.children if c.dep_ in {"compound", "amod"}}
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
        words |= {g.lemma_.lower() for g in prep.children if g.dep_ == "pobj"}
    return words


def lemmas(token: Token) -> list[str]:
    """The lemma, then plain de-inflections (the small model lemmatises "staged" as "stag")."""
    return lemma_forms(token.lower_, token.lemma_.lower())


def lemma_forms(word: str, lemma: str) -> list[str]:
    """:func:`lemmas` from the lower-cased word and lemma."""
    found = [lemma]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("d", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            found.append(word[: -len(suffix)] + repl)
    return found


def in_lexicon(pos: str, word: str, lemma: str) -> bool:
    """Whether a token with this part of speech, lower-cased word and lemma can be a trigger at all.

    :func:`token_triggers` finds nothing for any other token; this test on
    strings lets a sentence skip them without building their Tokens.
    """
    if pos == "VERB":
        return lemma in LIGHT_VERBS or any(senses("verb", w) for w in lemma_forms(word, lemma))
    if pos == "ADJ":
        return bool(senses("adj", lemma))
    if pos in {"NOUN", "PROPN"}:
        return bool(senses("noun", lemma) or senses("noun", word)) or word == "fire"  # see _fire_taken
    return False


def match_verb(token: Token) -> Trigger | None:
    """The first lexicon sense of a verb whose particles and object are present."""
    lemma = next((w for w in lemmas(token) if senses("verb", w)), None)
    if lemma is None:
        return _light_verb(token) if token.lemma_.lower() in LIGHT_VERBS else None
    if lemma in ORDER_VERBS and (ordered := _light_verb(token)) is not None:
        return ordered  # "ordered patrols", "ordered an inquiry": the ordered act
    words = _child_words(token)
    objects = _objects(token)
    options = [s for s in senses("verb", lemma) if set(s.parts) <= words]
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    options.sort(key=lambda s: not particles & set(s.parts))  # "called out X for ...": the particle first
    for sense in options:  # the object's own head decides first: "violated the ceasefire agreement"
        obj = next((o for o in objects if o.lemma_.lower() in sense.objects or o.lower_ in sense.objects), None)
        if obj is not None and _empty_object(obj, sense, token):
            continue
        if obj is not None:
            return Trigger(token, sense, obj=obj)
    for sense in options:
        if not sense.objects and (lemma not in CLAUSE_VERBS or _takes_clause(token) or _person_object(token)):
            return Trigger(token, sense)
        for obj in objects:
            if _empty_object(obj, sense, token):
                continue
            if sense.objects & _object_words(obj):
                return Trigger(token, sense, obj=obj)
    return _light_verb(token) if lemma in LIGHT_VERBS else None


def _empty_object(obj: Token, sense: Sense, verb: Token) -> bool:
    """An object that does not carry the sense it names: "had a word with X" (no tone), "issued
    warnings of floods" (a danger foretold, no threat made to anyone)."""
    if obj.lemma_.lower() == "word":
        return _tone_of_words(obj) != sense.type  # "kind words for X" praise, "harsh words" criticise
    return obj.lemma_.lower() == "warning" and not _addressed_warning(obj, verb)


# How "words" offered or had about someone judge them: "kind words", "harsh words".
KIND_WORDS = frozenset({"kind", "warm", "glowing", "generous", "nice", "good", "high", "fond", "gracious"})
HARSH_WORDS = frozenset({"harsh", "sharp", "tough", "strong", "angry", "bitter", "hard", "scathing", "stern", "heated"})


def _tone_of_words(words: Token) -> str | None:
    """SUPPORT for kind words, DISAPPROVE for harsh ones, None for words of no stated tone."""
    tones = {c.lower_ for c in words.children if c.dep_ in {"amod", "compound"}}
    if tones & KIND_WORDS:
        return "SUPPORT"
    return "DISAPPROVE" if tones & HARSH_WORDS else None


def _light_verb(token: Token) -> Trigger | None:
    """A light verb with an event noun object takes the noun's sense ("staged a hunger strike")."""
    for obj in (c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}):
        noun = match_noun(obj)
        if noun is not None:
            sense = replace(noun.sense, lemma=token.lemma_.lower(), kind="verb", objects=frozenset({obj.lemma_}))
            return Trigger(token, sense, obj=obj)
    return None


def _match_adj(token: Token) -> Trigger | None:
    """An adjective of commitment with an infinitive: "ready to contribute"."""
    options = senses("adj", token.lemma_)
    takes_clause = any(c.dep_ in {"xcomp", "prep"} for c in token.children)
    return Trigger(token, options[0]) if options and takes_clause else None


def match_noun(token: Token) -> Trigger | None:
    """A noun that names an event ("talks", "sanctions", "demand")."""
    options = senses("noun", token.lemma_.lower()) or senses("noun", token.lower_)
    if not options and _fire_taken(token):
        return Trigger(token, Sense("fire", "DISAPPROVE", kind="noun"))
    if options and options[0].lemma == "warning" and not _addressed_warning(token):
        return None  # "issued grim warnings": a danger foretold, no threat made
    return Trigger(token, options[0]) if options else None


def _fire_taken(noun: Token) -> bool:
    """ "came under fire from X", "drew fire from X": criticism taken, when no gunfire is near."""
    if noun.lower_ != "fire":
        return False
    taken = noun.dep_ == "pobj" and noun.head.lower_ == "under"
    taken = taken or noun.dep_ == "dobj" and noun.head.lemma_.lower() in {"draw", "attract", "face"}
    return taken and not any(t.lemma_.lower() in VIOLENCE or t.lower_ in VIOLENCE for t in noun.sent if t.i != noun.i)


def _takes_clause(token: Token) -> bool:
    """Whether a verb has an infinitive or that-clause ("allowed the refugees ... to return")."""
    clauses = {"xcomp", "ccomp", "advcl", "acl", "relcl"}
    near = [c for c in token.children] + [g for c in token.children if c.dep_ == "dobj" for g in c.children]
    return any(t.dep_ in clauses and t.tag_ == "VB" for t in near)


def _person_object(token: Token) -> bool:
    """Whether the object is someone ("allowed the refugees ..."), not a thing ("allowed two runs")."""

    return any(is_actorlike(referent(c)) for c in token.children if c.dep_ == "dobj")


def _caution(warn: Token) -> bool:
    """A warning that something may happen, not that the speaker will act ("warned that prices could
    rise"), or advice against a course addressed to no one ("warned against raising taxes")."""
    clauses = [c for c in warn.children if c.dep_ == "ccomp"]
    if clauses:
        return not any(a.lower_ in FUTURE_AUX for c in clauses for a in c.children if a.dep_ == "aux")
    warned = any(c.dep_ in {"dobj", "dative"} for c in warn.children)
    conditional = any(m.lower_ in {"if", "unless"} for c in warn.children if c.dep_ == "advcl" for m in c.children)
    return not warned and not conditional and bool(_advised_against(warn))


def _advised_against(word: Token) -> list[Token]:
    """What a warning is "against", "of" or "about" when it is a course or a danger, not a party."""
    return [
        g
        for c in word.children
        if c.dep_ == "prep" and c.lower_ in {"against", "of", "about"}
        for g in c.children
        if g.dep_ == "pcomp" or g.dep_ == "pobj" and not is_actorlike(referent(g)) and not _forceful(g)
    ]


def _forceful(noun: Token) -> bool:
    """An act of force or pressure ("warned of retaliation", "of sanctions"): what the one warning may do."""
    return any(s.type in CONFLICTUAL for s in senses("noun", noun.lemma_.lower()))


def _addressed_warning(noun: Token, verb: Token | None = None) -> bool:
    """A warning noun aimed at a party ("a warning to Valmora", "gave Valmora a warning"); "dire
    warnings", "warnings of floods" only say a danger is near."""
    heads = [noun] if verb is None else [noun, verb]
    to = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    given = [c for c in verb.children if c.dep_ == "dative"] if verb is not None else []
    return any(g.dep_ in {"pobj", "dative"} and is_actorlike(referent(g)) for g in to + given)


def _participle_modifier(token: Token) -> bool:
    """ "the alleged bombers", "the curfew imposed in 1990": a participle describing a noun."""
    if token.dep_ == "amod":
        return True
    # a noun heading the whole sentence means the parser missed the main verb: "A paper called on X to ..."
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ != "ROOT" and not trailing_report(token)


def trailing_report(verb: Token) -> bool:
    """A reporting clause after what it reports, read by the parser as a participle:
    "X are failing to uphold rights, a rights group protested on Wednesday".

    The verb hangs from a noun just after a comma, ends the sentence and has no
    object of its own: the sentence before the comma is what it says.
    """
    noun = verb.head
    first = min(t.i for t in noun.subtree)
    if verb.dep_ != "acl" or verb.i < noun.i or first == 0 or verb.doc[first - 1].text != ",":
        return False
    if any(c.dep_ in {"dobj", "ccomp", "xcomp", "prep"} for c in verb.children):
        return False
    return max(t.i for t in verb.subtree) >= docindex.sentence_bounds(verb)[1] - 2


def token_triggers(token: Token) -> list[Trigger]:
    """The lexicon matches of one token as a verb, an adjective or a noun."""
    if token.pos_ == "VERB" and not _participle_modifier(token):
        found = match_verb(token)
        if found is not None and found.sense.lemma == "warn" and _caution(token):
            found = None  # "warning that the vote could be unfair": a caution, not a threat
    elif token.pos_ == "ADJ":
        found = _match_adj(token)
    elif token.pos_ in {"NOUN", "PROPN"}:
        found = match_noun(token)
    else:
        found = None
    return [found] if found is not None else []
