"""Who did it and to whom: actor phrases from the parse, and what they stand for.

An event's actor is a noun phrase in the parse (a subject, an agent, a
possessor); what users want to read is the party it stands for. News writing
names governments by their capitals ("Moscow said", "talks with Kyiv"), their
seats ("the Kremlin", "the White House") and their nationality adjectives
("Ukrainian officials", "the Russian side"); these are resolved to the
country, with the sector the words give (officials: government, troops:
military). The surface phrase is kept too: it is what the sentence says.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicon import FEMALE_GIVEN, MALE_GIVEN, TITLE_SEX, words
from ...model import Entity
from .. import docindex
from ..entities.entities import MentionIndex
from ..entities.gazetteer import CAPITALS, COUNTRIES, DEMONYMS, INSTITUTIONS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Head nouns that say which part of a country acted.
SECTORS: dict[str, str] = {
    **dict.fromkeys(
        words(
            "government officials official authority administration ministry minister cabinet side "
            "president premier leader leadership regime diplomat ambassador envoy delegation negotiator "
            "spokesman spokeswoman spokesperson chancellor secretary country nation administrator"
        ),
        "government",
    ),
    **dict.fromkeys(
        words(
            "army military troop force soldier navy officer commander general warship tank aircraft "
            "jet helicopter marine paratrooper"
        ),
        "military",
    ),
    **dict.fromkeys(words("police policeman policemen gendarme"), "police"),
    **dict.fromkeys(words("rebel guerrilla insurgent militant militia militiaman fighter"), "rebels"),
    **dict.fromkeys(words("court judge tribunal prosecutor"), "judiciary"),
    **dict.fromkeys(words("parliament congress assembly senate legislature lawmaker deputy"), "legislature"),
    **dict.fromkeys(words("opposition"), "opposition"),
    **dict.fromkeys(words("protester demonstrator activist"), "civilians"),
}

# Nouns that can be actors without a name: groups, roles, armed bodies.
ACTOR_NOUNS = frozenset(
    SECTORS.keys()
    | words(
        "agency organization organisation union party group people civilian refugee resident villager "
        "settler prisoner detainee hostage student worker employee farmer teacher doctor journalist "
        "reporter businessman hacker bomber gunman attacker terrorist observer inspector peacekeeper "
        "monitor mediator coalition alliance faction movement front tribe elder cleric bishop king emir "
        "prince chief crew personnel agent population immigrant migrant national citizen community "
        "youth man woman child member supporter nationalist separatist extremist islamist council "
        "committee commission board bank company firm union federation association forum summit "
        "contingent unit battalion brigade adviser advisor expert partner ally neighbor neighbour inhabitant "
        "wing network kidnapper hijacker captor taker opponent critic rival "
        "newspaper daily radio television media press publication magazine "
        "bureau department lawyer attorney counsel investigator regulator donor voter "
        "conservative liberal progressive evangelical democrat republican "
        "tourist priest pastor imam rabbi nun monk worshipper passenger pedestrian shopper bystander guard "
        "patient nurse boy girl teenager victim customer driver visitor spectator crowd mob pac "
        "embassy consulate"
    )
)

# People who act for a party, beyond the actor nouns above ("her aides", "the nominee").
ROLES = words(
    "aide ally staffer campaign candidate nominee senator governor mayor lawmaker legislator delegate official "
    "representative congressman congresswoman spokesman spokeswoman chairman chairwoman director superdelegate elector"
)

# Heads that introduce their real referent with "of": "a group of diplomats".
PARTITIVES = words(
    "group members member leaders leader delegation team number dozens hundreds thousands both each several "
    "millions scores some many most all part one two three third half majority contingent batch patch "
    "unit units rest bulk deployment"
)
# Heads that name whose rule they are when followed by "of" and a person.
RULERS = words("government administration regime cabinet")
# Words that count or grade a group rather than name it ("most Nordic voters").
QUANTIFIERS = words("most some many several all other others few various numerous more")

# Bodies a plural pronoun may stand for though the noun is singular ("the government says they ...").
COLLECTIVES = words(
    "government administration ministry agency party group union council committee army police military team "
    "campaign company firm board parliament congress senate court regime coalition alliance movement opposition "
    "family staff public"
)
PERSONAL_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "his", "its", "their", "our", "me", "my"}
)
# The speaker or the writer: only a quotation's speaker says who they are.
FIRST_PERSON = frozenset({"i", "we", "us", "our", "me", "my"})
# Pronouns that stand for one person.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True, slots=True)
class Actor:
    """One party to an event: what the text says and whom it means.

    ``text`` is the phrase as written ("Moscow", "Israeli soldiers"); ``name``
    the party it stands for ("Russia", "Israel"); ``entity_id`` the article
    entity for that party when there is one.
    """

    text: str
    name: str
    start: int
    end: int
    entity_id: str | None = None
    sector: str | None = None


def is_actorlike(token: Token) -> bool:
    """Whether ``token`` can head an actor phrase: a name, a group, a role or a pronoun."""
    if token.ent_type_ in ACTOR_LABELS or token.ent_type_ == "LOC":
        return True
    lemma = token.lemma_.lower()
    if lemma in ACTOR_NOUNS or is_pronoun(token):
        return True
    return token.lower_ in DEMONYMS or token.lower_ in CAPITALS or _institution(token.lower_) is not None


def can_be_party(token: Token) -> bool:
    """:func:`is_actorlike`, or a role that acts for a party ("two of the delegates", "her aides")."""
    return is_actorlike(token) or token.lemma_.lower() in ROLES


def referent(token: Token) -> Token:
    """The token an actor phrase is about, past partitives and relative pronouns."""
    seen = 0
    while seen < 4:
        seen += 1
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            token = _relative_antecedent(token.head.head) if token.lower_ == "who" else token.head.head
        elif token.lower_ in RELATIVE_PRONOUNS and token.head.lower_ == "of" and token.head.head.head.dep_ == "relcl":
            token = token.head.head.head.head  # "nine envoys, three of whom backed ...": the envoys
        elif token.lower_ in PARTITIVES and not is_named(token):
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            objs = [g for c in of for g in c.children if g.dep_ == "pobj"]
            if not objs:
                break
            token = objs[0]
        elif _label(token) and (named := [c for c in token.children if c.dep_ == "appos"]):
            token = named[0]  # "ARRESTS – Ann Selm, 30, was arrested": the label heads a list entry
        elif not is_named(token) and (name := _named_apposition(token)) is not None:
            token = name  # "the opposition weekly Voz del Valle"
        elif token.lemma_.lower() in RULERS and (name := _ruled_by(token)) is not None:
            token = name  # "the interim government of President X"
        else:
            break
    return token


def _relative_antecedent(noun: Token) -> Token:
    """The noun a relative "who" stands for: "rivals on the left, who ...": the parser hangs the
    clause on the nearest noun ("left"); a person's "who" goes to the party that noun qualifies."""
    if (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and not is_actorlike(noun)
        and noun.head.head.pos_ in {"NOUN", "PROPN"}
        and is_actorlike(noun.head.head)
    ):
        return noun.head.head
    return noun


def _label(token: Token) -> bool:
    """A word in capitals before a dash that opens an entry ("ARRESTS – ...", "UPDATE — ..."):
    a heading of the entry, which the parser takes for its subject. Short capitals are acronyms."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_upper and len(token.text) > 4 and following is not None and following.text in {"–", "—", "-", "--"}


def _ruled_by(token: Token) -> Token | None:
    """The person a government belongs to: "the government of President X"."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.ent_type_ == "PERSON":
                return pobj
    return None


def _named_apposition(token: Token) -> Token | None:
    """A name standing in apposition to a common noun, if any."""
    for child in token.children:
        if child.dep_ == "appos" and is_named(child) and child.ent_type_ != "NORP":
            return child
    return None


def is_named(token: Token) -> bool:
    """Whether ``token`` is part of a named party (person, organisation, place, nationality)."""
    return token.ent_type_ in ACTOR_LABELS


def is_pronoun(token: Token) -> bool:
    """Whether ``token`` is a personal or possessive pronoun ("it", "their"), not "US"."""
    return token.pos_ == "PRON" and token.lower_ in PERSONAL_PRONOUNS


def phrase(token: Token) -> list[Token]:
    """The tight noun phrase for an actor head: its name and left modifiers, and its conjuncts.

    Right-hand modifiers ("in Geneva", "loyal to ...") and determiners and
    numbers are left out: the phrase names the party, it does not describe it.
    When the phrase holds a name, descriptive adjectives go too ("war-torn
    Mozambique" is Mozambique), and so does a body's classifier ("human rights
    group Amnesty International"); a person keeps the title before the name
    ("EU negotiator Anna Brekke"). A phrase never runs across a line break.
    """
    token = referent(token)
    tokens = _left_phrase(token)
    for conj in _conjuncts(token):
        tokens |= _left_phrase(conj)
    return sorted(_same_paragraph(tokens, token), key=lambda t: t.i)


def _same_paragraph(tokens: set[Token], head: Token) -> set[Token]:
    """The tokens with no line break between them and the head: a phrase never runs across paragraphs."""
    text = docindex.doc_text(head.doc)

    def joined(token: Token) -> bool:
        low, high = sorted((token.idx, head.idx))
        return not token.is_space and "\n" not in text[low:high]

    return {t for t in tokens if joined(t)} or {head}


def _left_phrase(token: Token) -> set[Token]:
    """The head, its pre-modifiers (with their own subtrees) and the entity it sits in."""
    tokens = {token}
    named = is_named(token)
    has_name = named or any(is_named(t) for c in token.lefts for t in c.subtree)
    for child in token.lefts:
        if named and token.ent_type_ != "PERSON" and child.pos_ == "NOUN" and not is_named(child):
            continue  # "human rights group Amnesty International": a body's name is enough; a person keeps a title
        if has_name and child.dep_ == "amod" and not any(is_named(t) for t in child.subtree):
            continue
        if child.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}:
            tokens |= {t for t in child.subtree if t.dep_ not in {"det", "predet", "nummod", "quantmod"}}
    if token.ent_type_ and token.ent_iob_ != "O":
        tokens |= set(_entity_tokens(token))
    quantifier = {t for t in tokens if t.lower_ in QUANTIFIERS and t.whitespace_}  # not the "all" of "all-pro"
    kept = {t for t in tokens - quantifier if not t.is_punct or t.lower_ in {"-", "'"}}
    return kept or {token}  # "most said ...": a bare quantifier is still the phrase


def _entity_tokens(token: Token) -> list[Token]:
    """The tokens of the named entity ``token`` belongs to."""
    ent = docindex.entity_of(token)
    if ent is not None:
        return [t for t in ent if t.lower_ != "the"]
    return [token]


def _conjuncts(token: Token) -> list[Token]:
    """Actor-like nouns coordinated with ``token`` ("Iraq and Libya")."""
    return [t for t in token.conjuncts if t.i > token.i and t.pos_ in {"NOUN", "PROPN"} and is_named(t)]


def span_text(tokens: list[Token]) -> tuple[str, int, int]:
    """The text of the contiguous span covering ``tokens``, without a leading article."""
    doc = tokens[0].doc
    first, last = tokens[0].i, tokens[-1].i
    while first < last and doc[first].lower_ in {"the", "a", "an"}:
        first += 1
    while first > 0 and not doc[first - 1].whitespace_ and "-" in (doc[first].text, doc[first - 1].text):
        first -= 1  # a hyphenated word stays whole: "a part-time baker"
    span = doc[first : last + 1]
    return span.text, span.start_char, span.end_char


def resolve_pronoun(token: Token) -> Token:
    """What a personal or possessive pronoun refers to; the pronoun itself when unclear.

    "Valmora says it is ready", "the rebels said their units had pulled back": the
    subject of the speech verb whose complement holds the pronoun. Otherwise the
    nearest earlier name of the right kind (a person for "he", "she").
    """
    if not is_pronoun(token):
        return token
    if token.dep_ in {"dobj", "dative"} and token.head.dep_ in {"advcl", "conj", "xcomp"}:
        return object_antecedent(token) or _previous_name(token) or token
    speaker = _speaker_above(token)
    if speaker is not None:
        return speaker
    return sentence_subject(token) or _previous_name(token) or token


def _inside_quote(pronoun: Token) -> bool:
    """Whether a third-person pronoun is inside quoted words (an odd number of quotation marks before
    it in its sentence), where it cannot be the one speaking. Scare quotes closed before it
    ('after the "reform" vote it would sue') leave it outside."""
    if pronoun.lower_ in FIRST_PERSON:
        return False
    sent = pronoun.sent
    marks = [t for t in pronoun.doc[sent.start : pronoun.i] if t.is_quote or t.text in {"''", "``"}]
    return len(marks) % 2 == 1


def _same_number(pronoun: Token, subject: Token) -> bool:
    """Whether a subject can be what a pronoun stands for by number: "they" is not "the president",
    "he" or "it" is not "the voters". A name or a body may be either ("Valmora says they are ready")."""
    if pronoun.lower_ not in PERSON_PRONOUNS | {"they", "them", "their", "it", "its"}:
        return True
    plural_noun = subject.tag_ == "NNS" or any(c.dep_ == "conj" for c in subject.children)
    singular_noun = subject.tag_ == "NN" and not any(c.dep_ == "conj" for c in subject.children)
    if pronoun.lower_ in {"they", "them", "their"}:
        return not singular_noun or subject.lemma_.lower() in COLLECTIVES
    return not plural_noun


def object_antecedent(token: Token) -> Token | None:
    """ "blamed Valmora, accusing it of ...": an object pronoun of a verb hung on another verb
    stands for that verb's named object, never for the subject the two verbs share."""
    if (
        not is_pronoun(token)
        or token.dep_ not in {"dobj", "dative"}
        or token.head.dep_ not in {"advcl", "conj", "xcomp"}
    ):
        return None
    host = token.head.head
    named = [c for c in host.children if c.dep_ in {"dobj", "dative"} and not is_pronoun(c) and _agrees(token, c)]
    return named[0] if named else None


def _agrees(pronoun: Token, candidate: Token) -> bool:
    """Whether a noun can be what the pronoun stands for: "him" a name or a person's role, not
    "his party"; "it" not a role. A name's type is not read: the model types many a country PERSON."""
    lemma = candidate.lemma_.lower()
    role = lemma in ROLES or (lemma in ACTOR_NOUNS and lemma not in COLLECTIVES)  # "the president", not "his party"
    if pronoun.lower_ in PERSON_PRONOUNS:
        return role or candidate.pos_ == "PROPN"
    return not role if pronoun.lower_ in {"it", "its"} else True


def ambiguous_pronoun(token: Token) -> bool:
    """Whether a pronoun has two or more different names it could stand for.

    Read only when neither a speech verb above it nor a coordinated object says who
    it is (:func:`resolve_pronoun`). "Brel met Alder after he ...": he could be either,
    and an event with the wrong one of them is worse than no event.
    """
    if not is_pronoun(token) or token.lower_ in FIRST_PERSON:
        return False
    if token.dep_ in {"dobj", "dative"} and token.head.dep_ in {"advcl", "conj", "xcomp"}:
        return False  # the object of the verb above says who (resolve_pronoun)
    speaker = _speaker_above(token)
    if speaker is not None:
        # "Alder called out Brel, slamming his ban": the object above is as near as the subject;
        # so is it for the subject of an adverbial clause ("Alder praised Brel after he ...")
        rival = [c for c in speaker.head.children if c.dep_ == "dobj" and is_named(c) and not is_pronoun(c)]
        subject_of_adverbial = token.dep_ in {"nsubj", "nsubjpass"} and _clause_of(token).dep_ == "advcl"
        return bool(rival) and (token.dep_ == "poss" or subject_of_adverbial)
    if sentence_subject(token) is not None:
        return False
    person = token.lower_ in PERSON_PRONOUNS
    starts = docindex.sentence_starts(token.doc)
    before = bisect.bisect_right(starts, token.i)
    floor = starts[before - 3] if before >= 3 else 0
    names = {
        e.root.text.lower()
        for e in docindex.entities_within(token.doc, floor, token.i)
        if e.label_ in ACTOR_LABELS and (e.label_ == "PERSON") == person and e.label_ != "NORP"
    }
    return len(names) > 1


def sentence_subject(token: Token) -> Token | None:
    """The one person a subject "he" or "she" can stand for in its own sentence, if there is one.

    A subject pronoun continues the subject before it in the same sentence ("Alder spent the day
    in Selm, even as he turned on Brel"; "Alder praised the mayor of Selm, whom he had fought").
    That holds only when the sentence names, before the pronoun, exactly one person who fits: a
    person whose title or given name gives the other sex ("Mr. Brel" for "she") does not fit, nor does the
    person a relative pronoun object of the same verb stands for ("Brel, whom he attacked").
    The subject must be that one person, and the subject's verb must have no named person as
    object ("Alder met Brel after he ..." stays open: either could have done it).
    """
    if token.lower_ not in {"he", "she"} or token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    sent = token.sent
    if not any(e.label_ == "PERSON" for e in docindex.entities_within(token.doc, sent.start, token.i)):
        return _continued_subject(token)
    barred = {
        referent(c).i
        for c in token.head.children
        if c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in RELATIVE_PRONOUNS and c.i < token.i
    }
    fitting: dict[str, list[Span]] = {}
    for entity in docindex.entities_within(token.doc, sent.start, token.i):
        if entity.label_ != "PERSON" or entity.root.i in barred or _sex(entity) not in {None, token.lower_}:
            continue
        fitting.setdefault(entity.root.text.lower(), []).append(entity)
    if len(fitting) != 1:
        return None
    subject = next(iter(fitting.values()))[0].root
    if subject.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if any(c.dep_ in {"dobj", "dative"} and c.ent_type_ == "PERSON" for c in subject.head.children):
        return None
    return subject


def _sex(entity: Span) -> str | None:
    """ "he" or "she" when a written title or a given name of one sex says it (storyline/lexicon.py:
    the only signs of sex the event rules read)."""
    doc = entity.doc
    title = doc[entity.start - 1].lower_.rstrip(".") if entity.start > 0 else ""
    if title in TITLE_SEX:
        return TITLE_SEX[title]
    given = entity[0].lower_ if len(entity) > 1 else ""
    return "he" if given in MALE_GIVEN else "she" if given in FEMALE_GIVEN else None


def _continued_subject(token: Token) -> Token | None:
    """The person a sentence-opening "he" or "she" continues: the subject of the sentence before,
    when that sentence names no other person of that sex ("Anna Varga spoke in Selm. She
    criticized ..."). A person of the other sex, by title or given name, does not count; a
    person of unknown sex beside the subject leaves the pronoun open."""
    starts = docindex.sentence_starts(token.doc)
    here = bisect.bisect_right(starts, token.i) - 1
    if here < 1:
        return None
    begin, end = starts[here - 1], starts[here]
    people: dict[str, Span] = {}
    for entity in docindex.entities_within(token.doc, begin, end):
        if entity.label_ == "PERSON" and _sex(entity) in {None, token.lower_}:
            people.setdefault(entity.root.text.lower(), entity)
    if len(people) != 1:
        return None
    subject = next(iter(people.values())).root
    if subject.dep_ not in {"nsubj", "nsubjpass"} or subject.head.dep_ != "ROOT":
        return None
    known = {_sex(e) for e in people.values()}
    return subject if known != {None} or _only_person_near(token, begin) else None


def _only_person_near(token: Token, begin: int) -> bool:
    """Whether no other person is named in the two sentences before the one that names the subject:
    a pronoun of unknown sex then has only that one person to stand for."""
    starts = docindex.sentence_starts(token.doc)
    first = bisect.bisect_right(starts, begin) - 1
    floor = starts[max(0, first - 2)]
    return not any(e.label_ == "PERSON" for e in docindex.entities_within(token.doc, floor, begin))


def speaker_of(token: Token) -> Token | None:
    """The named subject of the speech or thought verb whose complement holds ``token``, if any."""
    return _speaker_above(token)


def _clause_of(token: Token) -> Token:
    """The verb of the clause that holds ``token``, past infinitives and coordinated verbs."""
    verb = token.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
        verb = verb.head
    while verb.dep_ in {"xcomp", "conj"} and verb.head != verb:
        verb = verb.head
    return verb


def _speaker_above(token: Token) -> Token | None:
    """The subject of the verb whose complement clause holds ``token``."""
    verb = _clause_of(token)
    if verb.dep_ == "ccomp" and verb.head.pos_ != "VERB":
        return None  # "X scolded him: the council is against you": a clause head that is no verb names no speaker
    if verb.dep_ not in {"ccomp", "advcl"} or verb.head == verb:
        return None
    speaker = verb.head
    if _inside_quote(token):
        return None  # '"They are backing Brel," Alder said': "they" are others, the speaker is "I"/"we"
    if speaker.i > token.i and token.lower_ not in FIRST_PERSON:
        return None  # "He gave up at noon, Sheriff Varga said": a sayer named after the report tells of another
    for _ in range(3):  # "Alder termed them difficult and stated that they ...": climb the coordination
        for child in speaker.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and not is_pronoun(child):
                return child if _same_number(token, child) else None
        if speaker.dep_ != "conj":
            break
        speaker = speaker.head
    return None


def _previous_name(token: Token) -> Token | None:
    """The nearest earlier named party that agrees with the pronoun, within two sentences."""
    if token.lower_ in FIRST_PERSON:
        return None  # the speaker or the writer: only a quote's speaker says who (not the last name seen)
    person = token.lower_ in PERSON_PRONOUNS
    starts = docindex.sentence_starts(token.doc)
    before = bisect.bisect_right(starts, token.i)  # the sentences starting at or before the pronoun
    floor = starts[before - 3] if before >= 3 else 0
    kind = [e for e in docindex.entities_within(token.doc, floor, token.i) if e.label_ in ACTOR_LABELS]
    kind = [e for e in kind if (e.label_ == "PERSON") == person]
    if not kind:
        return None
    # A subject pronoun continues the subject of what came before ("Brel said he would vote for
    # Alder, but he has not endorsed him"): the nearest subject first, then the nearest name.
    if token.dep_ in {"nsubj", "nsubjpass"}:
        subjects = [e for e in kind if e.root.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[-1].root
    return kind[-1].root


def is_place_only(token: Token) -> bool:
    """A city or region reached by a preposition ("return to Geneva"): a place, not a party."""
    place = token.ent_type_ in {"GPE", "LOC", "FAC"} and _entity_name(token) not in COUNTRIES
    return place and token.lower_ not in CAPITALS and token.dep_ == "pobj"


def names_country(token: Token) -> bool:
    """Whether a name or nationality word stands for a country ("US sanctions", "Russian demand").

    Cities are not: "the Geneva talks" happen in Geneva, Geneva does not hold them.
    """
    if token.ent_type_ in {"NORP", "ORG"} or token.lower_ in DEMONYMS:
        return True
    return token.ent_type_ == "GPE" and _entity_name(token) in COUNTRIES


def _institution(text: str) -> tuple[str, str] | None:
    """The (country, sector) a seat of government stands for, if ``text`` names one."""
    text = text.lower().removeprefix("the ").strip()
    if text in INSTITUTIONS:
        return INSTITUTIONS[text]
    return None


def make_actor(head: Token, entities: Iterable[Entity] | MentionIndex, *, as_party: bool = True) -> Actor:
    """Build the Actor for the phrase headed by ``head``.

    ``as_party`` says the phrase fills an actor/target slot, where a capital
    city names its government (the gold standard's rule too: capitals that are
    subject or object are coded as government).
    """
    lookup = entities if isinstance(entities, MentionIndex) else MentionIndex(entities)
    head = referent(resolve_pronoun(head))
    tokens = phrase(head)
    name, sector = _canonical(tokens, head, span_text(tokens)[0], as_party)
    text, start, end = span_text(written(head, tokens))
    first = name.split(" and ")[0]
    entity = lookup.named(first) or lookup.at(head.idx, head.idx + len(head.text))
    if entity is not None and entity.type == "PERSON" and name == text:
        name = entity.name
    return Actor(text, name, start, end, entity.id if entity else None, sector)


def written(head: Token, tokens: list[Token]) -> list[Token]:
    """The actor phrase as the sentence gives it, for showing and for checking against a text.

    An apposition is written as its first member, the head of the noun
    phrase: "Ostravia's president, Jan Koval" is written "Ostravia's president" (the
    name is the actor's ``name``), "Lena Varga, EU trade commissioner" is "Lena
    Varga"; without a comma the two are one title: "Norway's ambassador Eirik
    Solvang". A bare role ("the director, Gerry X") says less than the name
    and is left out. A common noun with no name in it is written with the
    phrase that says which group it is ("activists from the Green Union",
    "marchers in Port Elm").
    """
    role = role_apposition(head)
    if role is not None:
        joined = not any(t.text == "," for t in head.doc[role.i : head.i])
        role_tokens = _left_phrase(role) | _identifying(role)
        return sorted(role_tokens | set(tokens) if joined else role_tokens, key=lambda t: t.i)
    if head.pos_ == "NOUN" and not any(is_named(t) or t.lower_ in DEMONYMS for t in tokens):
        return sorted(set(tokens) | _identifying(head), key=lambda t: t.i)
    return tokens


def role_apposition(head: Token) -> Token | None:
    """The described role that comes before a name in apposition ("the river basin authority, RBA")."""
    if not is_named(head) and head.pos_ != "PROPN":
        return None  # "her solo show, a work that ...": two descriptions, the head is the phrase
    bracketed = head.i > 0 and head.doc[head.i - 1].text == "("  # "the border mission (BMO)"
    role = head.head if head.dep_ == "appos" and head.head.i < head.i and not bracketed else _detached_role(head)
    while role is not None and head.ent_type_ == "PERSON" and not is_actorlike(role) and _of_noun(role):
        role = role.head.head  # "deputy governor of the Kessel region, Ivo Marin": a person is no region
    return role if role is not None and _is_role(role) else None


def _detached_role(head: Token) -> Token | None:
    """A role the parser left hanging before a comma and the subject: "Ostravia's president, X launched"."""
    first = min(t.i for t in head.subtree)
    if head.dep_ != "nsubj" or first < 2 or head.doc[first - 1].text != ",":
        return None
    before = head.doc[first - 2]
    while before.head.i < first - 1 and before.head != before and before.dep_ != "dep":
        before = before.head
    if before.dep_ == "dep" and before.head == head.head:
        return before
    return None


def _of_noun(token: Token) -> bool:
    """Whether ``token`` is the object of an "of" that hangs from a noun."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN"


def _describes(modifier: Token) -> bool:
    """A modifier that says what kind of role or whose it is: not a pronoun nor a person ("her husband")."""
    if modifier.dep_ not in {"compound", "amod", "poss", "nmod"} or modifier.ent_type_ == "PERSON":
        return False
    return not is_pronoun(modifier)


def _is_role(token: Token) -> bool:
    """A described role ("the UN coordinator", "a Methodist chapel"), not a second name nor a bare "the director"."""
    described = any(_describes(c) for c in token.lefts) or bool(_identifying(token))
    common = token.pos_ == "NOUN" or any(c.dep_ in {"det", "poss"} for c in token.children)
    return common and described


def _identifying(token: Token) -> set[Token]:
    """A following "from/of/in" phrase that names the party or place a noun belongs to."""
    for prep in (c for c in token.rights if c.dep_ == "prep" and c.lower_ in {"from", "of", "in"}):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            party = names_party(pobj) and pobj.ent_type_ not in {"LOC", "FAC"}  # not "a woman from the river"
            if party if prep.lower_ != "in" else pobj.ent_type_ in PLACE_LABELS | ACTOR_LABELS:
                return {prep} | _left_phrase(pobj)
    return set()


def _canonical(tokens: list[Token], head: Token, text: str, as_party: bool) -> tuple[str, str | None]:
    """The party a phrase stands for, and its sector."""
    sector = SECTORS.get(head.lemma_.lower())
    core = text.lower().removeprefix("the ").strip()
    seat = _institution(core)
    if seat is not None:
        return seat
    if as_party and core in CAPITALS:
        return CAPITALS[core], "government"
    if head.dep_ == "amod" and head.lower_ in DEMONYMS:  # "met his Swedish counterpart": Sweden
        return DEMONYMS[head.lower_], SECTORS.get(head.head.lemma_.lower())
    countries = [DEMONYMS[t.lower_] for t in tokens if t.lower_ in DEMONYMS and t.i != head.i]
    if countries and sector is not None:
        return " and ".join(dict.fromkeys(countries)), sector
    origin = _origin(head) if sector is not None else None
    if origin is not None:  # "officials from Serbia and Kosovo"
        return origin, sector
    parties = [head, *_conjuncts(head)]
    if len(parties) > 1 and all(is_named(t) for t in parties):  # "Ukraine and the United States"
        return " and ".join(dict.fromkeys(_party_name(t, as_party) for t in parties)), sector
    return _person_or_text(tokens, head, text), sector or _role_sector(tokens)


def _party_name(token: Token, as_party: bool) -> str:
    """The name of one named party, with capitals and seats of government resolved."""
    name = _entity_name(token)
    seat = _institution(name)
    if seat is not None:
        return seat[0]
    return CAPITALS.get(name.lower(), name) if as_party else name


def _origin(head: Token) -> str | None:
    """The countries or bodies a role noun comes from: "officials from Serbia and Kosovo"."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}):
        names = [g for p in prep.children if p.dep_ == "pobj" for g in [p, *p.conjuncts] if is_named(g)]
        if names:
            return " and ".join(dict.fromkeys(_entity_name(g) for g in names))
    return None


def _entity_name(token: Token) -> str:
    """The text of the named entity ``token`` is in, without a leading article."""
    ent = docindex.entity_of(token)
    if ent is not None:
        return ent.text.removeprefix("the ").removeprefix("The ")
    return token.text


def _person_or_text(tokens: list[Token], head: Token, text: str) -> str:
    """A person's name without the title before it; otherwise the phrase."""
    if head.ent_type_ == "PERSON":
        names = [t for t in tokens if t.ent_type_ == "PERSON" and t.i <= head.i]
        if names:
            return head.doc[names[0].i : head.i + 1].text
    return text


def _role_sector(tokens: list[Token]) -> str | None:
    """A title in the phrase ("Defense Minister X") puts a person in a sector."""
    for token in tokens:
        sector = SECTORS.get(token.lemma_.lower())
        if sector is not None:
            return sector
    return None


def names_party(head: Token) -> bool:
    """Whether a noun is a party or carries a party's name ("its Nordic Council partners")."""
    return is_actorlike(head) or any(is_named(t) for t in head.lefts)
