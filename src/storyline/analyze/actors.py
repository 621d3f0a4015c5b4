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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Entity
from .entities import entity_at, entity_named
from .plover import WEAPON_MODES, Sense, Trigger, match_verb, senses, words

if TYPE_CHECKING:
    from spacy.tokens import Token

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Nationality adjectives and plural nouns -> country (common news usage).
DEMONYMS: dict[str, str] = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria", "american": "United States",
    "angolan": "Angola", "argentine": "Argentina", "argentinian": "Argentina", "armenian": "Armenia",
    "australian": "Australia", "austrian": "Austria", "azerbaijani": "Azerbaijan", "azeri": "Azerbaijan",
    "bahraini": "Bahrain", "bangladeshi": "Bangladesh", "belarusian": "Belarus", "belgian": "Belgium",
    "beninese": "Benin", "bolivian": "Bolivia", "bosnian": "Bosnia and Herzegovina",
    "brazilian": "Brazil", "british": "United Kingdom", "bulgarian": "Bulgaria", "burmese": "Myanmar",
    "burundian": "Burundi", "cambodian": "Cambodia", "cameroonian": "Cameroon", "canadian": "Canada",
    "chadian": "Chad", "chilean": "Chile", "chinese": "China", "colombian": "Colombia",
    "congolese": "Congo", "croatian": "Croatia", "croat": "Croatia", "cuban": "Cuba",
    "cypriot": "Cyprus", "czech": "Czechia", "danish": "Denmark", "dutch": "Netherlands",
    "ecuadorian": "Ecuador", "egyptian": "Egypt", "emirati": "United Arab Emirates",
    "eritrean": "Eritrea", "estonian": "Estonia", "ethiopian": "Ethiopia", "fijian": "Fiji",
    "filipino": "Philippines", "finnish": "Finland", "french": "France", "gambian": "Gambia",
    "georgian": "Georgia", "german": "Germany", "ghanaian": "Ghana", "greek": "Greece",
    "guatemalan": "Guatemala", "guinean": "Guinea", "haitian": "Haiti", "honduran": "Honduras",
    "hungarian": "Hungary", "indian": "India", "indonesian": "Indonesia", "iranian": "Iran",
    "iraqi": "Iraq", "irish": "Ireland", "israeli": "Israel", "italian": "Italy",
    "ivorian": "Ivory Coast", "jamaican": "Jamaica", "japanese": "Japan", "jordanian": "Jordan",
    "kazakh": "Kazakhstan", "kenyan": "Kenya", "kosovar": "Kosovo", "kuwaiti": "Kuwait",
    "kyrgyz": "Kyrgyzstan", "latvian": "Latvia", "lebanese": "Lebanon", "liberian": "Liberia",
    "libyan": "Libya", "lithuanian": "Lithuania", "macedonian": "North Macedonia",
    "malaysian": "Malaysia", "malian": "Mali", "mauritanian": "Mauritania", "mexican": "Mexico",
    "moldovan": "Moldova", "mongolian": "Mongolia", "montenegrin": "Montenegro", "moroccan": "Morocco",
    "mozambican": "Mozambique", "namibian": "Namibia", "nepalese": "Nepal", "nicaraguan": "Nicaragua",
    "nigerian": "Nigeria", "nigerien": "Niger", "norwegian": "Norway", "omani": "Oman",
    "pakistani": "Pakistan", "palestinian": "Palestine", "panamanian": "Panama",
    "paraguayan": "Paraguay", "peruvian": "Peru", "philippine": "Philippines", "polish": "Poland",
    "portuguese": "Portugal", "qatari": "Qatar", "romanian": "Romania", "russian": "Russia",
    "rwandan": "Rwanda", "salvadoran": "El Salvador", "saudi": "Saudi Arabia", "senegalese": "Senegal",
    "serbian": "Serbia", "serb": "Serbia", "slovak": "Slovakia", "slovenian": "Slovenia",
    "somali": "Somalia", "soviet": "Soviet Union", "spanish": "Spain", "sudanese": "Sudan",
    "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria", "taiwanese": "Taiwan",
    "tajik": "Tajikistan", "tanzanian": "Tanzania", "thai": "Thailand", "tunisian": "Tunisia",
    "turkish": "Turkey", "turkmen": "Turkmenistan", "ugandan": "Uganda", "ukrainian": "Ukraine",
    "uruguayan": "Uruguay", "us": "United States", "u.s.": "United States", "uzbek": "Uzbekistan",
    "venezuelan": "Venezuela", "vietnamese": "Vietnam", "yemeni": "Yemen", "zambian": "Zambia",
    "zimbabwean": "Zimbabwe",
}  # fmt: skip

# Capital cities -> country: a capital as subject or object names its government.
CAPITALS: dict[str, str] = {
    "kabul": "Afghanistan", "tirana": "Albania", "algiers": "Algeria", "luanda": "Angola",
    "buenos aires": "Argentina", "yerevan": "Armenia", "canberra": "Australia", "vienna": "Austria",
    "baku": "Azerbaijan", "dhaka": "Bangladesh", "minsk": "Belarus", "brussels": "Belgium",
    "sarajevo": "Bosnia and Herzegovina", "brasilia": "Brazil", "sofia": "Bulgaria",
    "phnom penh": "Cambodia", "ottawa": "Canada", "n'djamena": "Chad", "santiago": "Chile",
    "beijing": "China", "peking": "China", "bogota": "Colombia", "kinshasa": "Congo",
    "zagreb": "Croatia", "havana": "Cuba", "nicosia": "Cyprus", "prague": "Czechia",
    "copenhagen": "Denmark", "cairo": "Egypt", "asmara": "Eritrea", "tallinn": "Estonia",
    "addis ababa": "Ethiopia", "helsinki": "Finland", "paris": "France", "tbilisi": "Georgia",
    "berlin": "Germany", "bonn": "Germany", "accra": "Ghana", "athens": "Greece",
    "port-au-prince": "Haiti", "budapest": "Hungary", "new delhi": "India", "delhi": "India",
    "jakarta": "Indonesia", "tehran": "Iran", "teheran": "Iran", "baghdad": "Iraq", "dublin": "Ireland",
    "rome": "Italy", "tokyo": "Japan", "amman": "Jordan", "astana": "Kazakhstan", "nairobi": "Kenya",
    "pristina": "Kosovo", "bishkek": "Kyrgyzstan", "riga": "Latvia", "beirut": "Lebanon",
    "monrovia": "Liberia", "tripoli": "Libya", "vilnius": "Lithuania", "skopje": "North Macedonia",
    "kuala lumpur": "Malaysia", "bamako": "Mali", "mexico city": "Mexico", "chisinau": "Moldova",
    "rabat": "Morocco", "maputo": "Mozambique", "naypyidaw": "Myanmar", "rangoon": "Myanmar",
    "kathmandu": "Nepal", "the hague": "Netherlands", "wellington": "New Zealand", "managua": "Nicaragua",
    "abuja": "Nigeria", "lagos": "Nigeria", "pyongyang": "North Korea", "oslo": "Norway",
    "islamabad": "Pakistan", "panama city": "Panama", "lima": "Peru", "manila": "Philippines",
    "warsaw": "Poland", "lisbon": "Portugal", "doha": "Qatar", "bucharest": "Romania",
    "moscow": "Russia", "kigali": "Rwanda", "riyadh": "Saudi Arabia", "dakar": "Senegal",
    "belgrade": "Serbia", "freetown": "Sierra Leone", "bratislava": "Slovakia", "ljubljana": "Slovenia",
    "mogadishu": "Somalia", "pretoria": "South Africa", "seoul": "South Korea", "juba": "South Sudan",
    "madrid": "Spain", "colombo": "Sri Lanka", "khartoum": "Sudan", "stockholm": "Sweden",
    "bern": "Switzerland", "damascus": "Syria", "taipei": "Taiwan", "dushanbe": "Tajikistan",
    "dodoma": "Tanzania", "bangkok": "Thailand", "tunis": "Tunisia", "ankara": "Turkey",
    "kampala": "Uganda", "kyiv": "Ukraine", "kiev": "Ukraine", "abu dhabi": "United Arab Emirates",
    "london": "United Kingdom", "washington": "United States", "tashkent": "Uzbekistan",
    "caracas": "Venezuela", "hanoi": "Vietnam", "sanaa": "Yemen", "lusaka": "Zambia",
    "harare": "Zimbabwe",
}  # fmt: skip

# Seats of government that stand for a state: (country, sector).
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "kremlin": ("Russia", "government"),
    "white house": ("United States", "government"),
    "state department": ("United States", "government"),
    "pentagon": ("United States", "military"),
    "downing street": ("United Kingdom", "government"),
    "whitehall": ("United Kingdom", "government"),
    "foreign office": ("United Kingdom", "government"),
    "elysee": ("France", "government"),
    "élysée": ("France", "government"),
    "quai d'orsay": ("France", "government"),
    "chancellery": ("Germany", "government"),
    "zhongnanhai": ("China", "government"),
    "blue house": ("South Korea", "government"),
    "knesset": ("Israel", "legislature"),
    "duma": ("Russia", "legislature"),
    "bundestag": ("Germany", "legislature"),
}

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
        "wing network "
        "newspaper daily radio television media press"
    )
)

# Heads that introduce their real referent with "of": "a group of diplomats".
PARTITIVES = words(
    "group members member leaders leader delegation team number dozens hundreds thousands "
    "millions scores some many most all part one two three third half majority contingent batch patch "
    "unit units rest bulk deployment"
)
# Heads that name whose rule they are when followed by "of" and a person.
RULERS = words("government administration regime cabinet")
# Words that count or grade a group rather than name it ("most West Africans").
QUANTIFIERS = words("most some many several all other others few various numerous more")

PERSONAL_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "his", "its", "their", "our"}
)
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


def referent(token: Token) -> Token:
    """The token an actor phrase is about, past partitives and relative pronouns."""
    seen = 0
    while seen < 4:
        seen += 1
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            token = token.head.head
        elif token.lower_ in PARTITIVES and not is_named(token):
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            objs = [g for c in of for g in c.children if g.dep_ == "pobj"]
            if not objs:
                break
            token = objs[0]
        elif not is_named(token) and (name := _named_apposition(token)) is not None:
            token = name  # "the opposition newspaper La Prensa"
        elif token.lemma_.lower() in RULERS and (name := _ruled_by(token)) is not None:
            token = name  # "the military government of President X"
        else:
            break
    return token


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
    Mozambique" is Mozambique).
    """
    token = referent(token)
    tokens = _left_phrase(token)
    for conj in _conjuncts(token):
        tokens |= _left_phrase(conj)
    return sorted(tokens, key=lambda t: t.i)


def _left_phrase(token: Token) -> set[Token]:
    """The head, its pre-modifiers (with their own subtrees) and the entity it sits in."""
    tokens = {token}
    named = is_named(token)
    has_name = named or any(is_named(t) for c in token.lefts for t in c.subtree)
    for child in token.lefts:
        if named and child.pos_ == "NOUN" and not is_named(child):
            continue  # "human rights group Amnesty International": the name is enough
        if has_name and child.dep_ == "amod" and not any(is_named(t) for t in child.subtree):
            continue
        if child.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}:
            tokens |= {t for t in child.subtree if t.dep_ not in {"det", "predet", "nummod", "quantmod"}}
    if token.ent_type_ and token.ent_iob_ != "O":
        tokens |= set(_entity_tokens(token))
    return {t for t in tokens if (not t.is_punct or t.lower_ in {"-", "'"}) and t.lower_ not in QUANTIFIERS}


def _entity_tokens(token: Token) -> list[Token]:
    """The tokens of the named entity ``token`` belongs to."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
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
    span = doc[first : last + 1]
    return span.text, span.start_char, span.end_char


def resolve_pronoun(token: Token) -> Token:
    """What a personal or possessive pronoun refers to; the pronoun itself when unclear.

    "Syria says it is willing", "Serbs said their forces had withdrawn": the
    subject of the speech verb whose complement holds the pronoun. Otherwise the
    nearest earlier name of the right kind (a person for "he", "she").
    """
    if not is_pronoun(token):
        return token
    speaker = _speaker_above(token)
    if speaker is not None:
        return speaker
    return _previous_name(token) or token


def _speaker_above(token: Token) -> Token | None:
    """The subject of the verb whose complement clause holds ``token``."""
    verb = token.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
        verb = verb.head
    while verb.dep_ in {"xcomp", "conj"} and verb.head != verb:
        verb = verb.head
    if verb.dep_ not in {"ccomp", "advcl"} or verb.head == verb:
        return None
    speaker = verb.head
    for _ in range(3):  # "Medinsky termed them difficult and stated that they ...": climb the coordination
        for child in speaker.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and not is_pronoun(child):
                return child
        if speaker.dep_ != "conj":
            break
        speaker = speaker.head
    return None


def _previous_name(token: Token) -> Token | None:
    """The nearest earlier named party that agrees with the pronoun, within two sentences."""
    person = token.lower_ in {"he", "she", "him", "her", "his"}
    starts = [s.start for s in token.doc.sents if s.start <= token.i]
    floor = starts[-3] if len(starts) >= 3 else 0
    for ent in reversed([e for e in token.doc.ents if floor <= e.start and e.end <= token.i]):
        if ent.label_ in ACTOR_LABELS and (ent.label_ == "PERSON") == person:
            return ent.root
    return None


COUNTRIES = frozenset(DEMONYMS.values()) | frozenset(CAPITALS.values())


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


def make_actor(head: Token, entities: Iterable[Entity], *, as_party: bool = True) -> Actor:
    """Build the Actor for the phrase headed by ``head``.

    ``as_party`` says the phrase fills an actor/target slot, where a capital
    city names its government (the gold standard's rule too: capitals that are
    subject or object are coded as government).
    """
    entities = list(entities)
    head = referent(resolve_pronoun(head))
    tokens = phrase(head)
    text, start, end = span_text(tokens)
    name, sector = _canonical(tokens, head, text, as_party)
    first = name.split(" and ")[0]
    entity = entity_named(entities, first) or entity_at(entities, head.idx, head.idx + len(head.text))
    if entity is not None and entity.type == "PERSON" and name == text:
        name = entity.name
    return Actor(text, name, start, end, entity.id if entity else None, sector)


def _canonical(tokens: list[Token], head: Token, text: str, as_party: bool) -> tuple[str, str | None]:
    """The party a phrase stands for, and its sector."""
    sector = SECTORS.get(head.lemma_.lower())
    core = text.lower().removeprefix("the ").strip()
    seat = _institution(core)
    if seat is not None:
        return seat
    if as_party and core in CAPITALS:
        return CAPITALS[core], "government"
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
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
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


# --- finding the actor and the target of a trigger in the parse -------------------------------

SUBORDINATORS = words("when after before as because since while although though if unless until once")
# Verbs whose object, not subject, performs their to-infinitive: "urged Iraq to cooperate".
OBJECT_CONTROL = words(
    "urge order ask allow force pressure persuade call tell permit invite press push encourage "
    "request require compel help"
)
# "The withdrawal of the troops": the troops withdraw (subject genitive).
SUBJECT_GENITIVE = frozenset({"RETREAT", "PROTEST", "CONSULT", "MOBILIZE", "AGREE", "DEMAND"})
TARGET_PREPS = (
    "to", "with", "against", "on", "upon", "into", "from", "for", "of", "over", "about", "between", "among",
    "toward", "towards", "by",
)  # fmt: skip
# "the blockade of Serbia ... with Albania's help": for event nouns "of" names the target first.
NOUN_TARGET_PREPS = ("of", "against", "on", "upon", "to", "into", "with", "from", "for", "over", "between", "among")
# Prepositions through which a noun phrase leads to the party it concerns.
PARTY_PREPS = ("by", "of", "from", "to", "against", "on", "with", "for", "between", "among")
# A complaint "to the UN over Israeli raids" is about the raids, not the UN; a protest "at" X is against X.
COMPLAINT_PREPS = ("against", "at", "of", "over", "about", "on", "with", "for", "to")
# The goal or source of a transfer is its recipient: "sent personnel to Bosnia".
GOAL_PREPS = ("to", "into", "from")
STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "engage", "dedicate", "devote", "determine", "prepare"})
RECIPROCAL = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})


def path_up(token: Token) -> Iterator[tuple[Token, Token]]:
    """(child, ancestor) pairs from ``token`` up to the root of its sentence."""
    child = token
    while child.head != child:
        yield child, child.head
        child = child.head


def breaks(child: Token) -> bool:
    """Whether a link ends the reach of a governing trigger: coordination, a temporal clause."""
    if child.dep_ == "conj":
        return True
    marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
    return child.dep_ == "advcl" and bool(marks & SUBORDINATORS)


def clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` is in (the token itself for verbs)."""
    while token.pos_ not in {"VERB", "AUX"} and token.head != token:
        token = token.head
    return token


def local_subtree(token: Token) -> Iterator[Token]:
    """The subtree of ``token`` without clauses that hang from it."""
    yield token
    for child in token.children:
        if child.dep_ not in {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis"}:
            yield from local_subtree(child)


def subject_of(verb: Token) -> Token | None:
    """The active subject of a verb (the subject of "is opposed to" too)."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "csubj"} or (child.dep_ == "nsubjpass" and _stative(verb)):
            return child
    return None


def _is_passive(verb: Token) -> bool:
    """A true passive: "was attacked", not the stative "is opposed to", "were engaged in"."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) and not _stative(verb)


def _stative(verb: Token) -> bool:
    """Participles that describe the subject's own stance, whose subject is the actor."""
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and _agent(verb) is None


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb or a noun."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions under ``token``, in the order of ``preps``."""
    heads = [token] + [c for c in token.children if c.dep_ == "prt"]
    found = []
    for word in preps:
        for child in (c for head in heads for c in head.children):
            if child.dep_ in {"prep", "dative", "agent"} and child.lower_ == word:
                found += [g for g in child.children if g.dep_ == "pobj"]
    return found


def actor_head(trigger: Trigger) -> Token | None:
    """The head of the actor phrase."""
    token = trigger.token
    if trigger.sense.kind == "noun":
        return _noun_actor(token)
    if trigger.sense.kind == "verb" and _is_passive(token):
        # "an agreement between X and Y was signed": the parties named with the noun
        noun_actor = _noun_actor(trigger.obj) if trigger.obj is not None else None
        return _agent(token) or noun_actor or _passive_actor(trigger)
    return subject_of(token) or _controller(token)


def _passive_actor(trigger: Trigger) -> Token | None:
    """The actor of an agentless passive, where the sentence still says it.

    "The guerrillas were demobilized": who withdraws or disarms is the subject.
    "Killed in a car bomb explosion": the attack named after "in" is the actor.
    """
    token, sense = trigger.token, trigger.sense
    if sense.mode in {"withdraw", "disarm", "resign"}:  # "UN peacekeepers were shipped out"
        return next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if sense.type == "ASSAULT":
        for pobj in _prep_objects(token, ("in",)):
            words = {pobj.lemma_.lower()} | {c.lemma_.lower() for c in pobj.lefts}
            if any(senses("noun", w) or w in WEAPON_MODES for w in words):
                return pobj
    return None


def _controller(token: Token) -> Token | None:
    """The actor of a verb without a subject: the one who does the verb it depends on."""
    seen = 0
    while token.head != token and seen < 6:
        seen += 1
        link, head = token.dep_, token.head
        if link == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in {"dobj", "dative"}]
            if objs:
                return objs[0]
        if link == "pcomp" and head.dep_ == "prep":  # "accused Kyiv of shelling": Kyiv shelled
            objs = [c for c in head.head.children if c.dep_ == "dobj"]
            if objs and is_actorlike(referent(objs[0])):
                return objs[0]
        if link == "xcomp" and any(c.dep_ == "nsubjpass" for c in head.children):  # "are expected to sign"
            return next(c for c in head.children if c.dep_ == "nsubjpass")
        if link in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"} and _names_party(head):
            return head
        subject = subject_of(head) if head.pos_ in {"VERB", "AUX", "ADJ"} else None
        if subject is not None and is_actorlike(referent(subject)):
            return subject
        if head.pos_ in {"VERB", "AUX"} and _is_passive(head) and link in {"xcomp", "conj"}:
            return _agent(head)
        token = head
    return None


def owner_of(noun: Token) -> Token | None:
    """The party a nominal event is explicitly credited to: "Russia's demand", "an attack by X"."""
    for child in noun.children:
        if child.dep_ == "poss" and is_actorlike(child):
            return child
    return _agent(noun)


def _noun_actor(noun: Token) -> Token | None:
    """Who a nominal event is by: "Russia's demand", "demands from X", "talks between X and Y"."""
    owner = owner_of(noun)
    if owner is not None:
        return owner
    for pobj in _prep_objects(noun, ("from",)):
        if is_actorlike(referent(pobj)):
            return pobj
    for child in noun.lefts:
        if child.dep_ in {"amod", "compound"} and names_country(child):
            return child
    between = _between(noun)
    if between is not None:
        return between
    if _subject_genitive(noun):
        for pobj in _prep_objects(noun, ("of",)):
            if is_actorlike(referent(pobj)):
                return pobj
    return None


def _subject_genitive(noun: Token) -> bool:
    options = senses("noun", noun.lemma_.lower())
    return bool(options) and options[0].type in SUBJECT_GENITIVE


def _between(noun: Token) -> Token | None:
    """The first party of "between X and Y" anywhere in the noun's phrase."""
    for token in noun.subtree:
        if token.dep_ == "prep" and token.lower_ == "between":
            for pobj in token.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def target_head(trigger: Trigger, actor: Token | None, inner: Trigger | None) -> Token | None:
    """The head of the target phrase: the trigger's own, else that of the event it governs."""
    found = _own_target(trigger)
    if found is None and inner is not None:
        found = _own_target(inner)
        if found is None and trigger.sense.type in {"DEMAND", "REJECT", "DISAPPROVE"}:
            found = inner.actor_head or actor_head(inner)
    if found is None or actor is None:
        return found
    if referent(found).i == referent(actor).i:
        return None
    if trigger.sense.type in RECIPROCAL and _compound(actor) and found.head.lower_ not in {"with", "to"}:
        return None  # "Israel and Lebanon renewed negotiations": both are actors
    return found


def _compound(actor: Token) -> bool:
    """Whether an actor phrase coordinates several parties ("the United States and Jordan")."""
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
    if _is_passive(verb):
        subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if subj and (trigger.obj is None or subj[0].i != trigger.obj.i) and _party_in(subj[0]) is not None:
            return _party_in(subj[0])
    direct = _direct_party(verb, trigger.obj) if sense.type != "MOBILIZE" else None  # troops are not targets
    if direct is not None and _generic(direct) and _place_can_be_target(sense):
        direct = _place_in(verb) or direct  # "killed 23 people in Tel Aviv": the place says more
    if direct is not None and (is_named(referent(direct)) or not _goal_party(verb)):
        return direct
    found = _object_target(trigger.obj, sense) if trigger.obj is not None else None
    if found is not None and not is_named(referent(found)) and _goal_party(verb) is not None:
        found = _goal_party(verb)  # "dispatched inspectors to Iran"
    if found is None and any(c.dep_ == "xcomp" for c in verb.children):
        found = _complement_target(verb, depth=3)
    found = found or _clause_subject(verb, sense) or _prep_party(verb, sense) or _complement_target(verb, 3)
    if found is None and sense.type == "THREATEN":
        found = condition_subject(verb)
    found = found or _shared_target(verb)
    if found is None and sense.type == "AID":
        found = _recipient_in(verb)
    if found is None and _place_can_be_target(sense):
        found = _place_in(verb)
    return found


def _object_target(obj: Token, sense: Sense) -> Token | None:
    """The target carried by the object that gave a verb its sense.

    "Imposed sanctions on X": the noun's own phrase; "expelled two diplomats",
    "boycott Algeria's elections": the object itself or its owner.
    """
    found = _noun_target(obj, sense) if senses("noun", obj.lemma_) else None
    return found or _party_in(obj)


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
    "in Geneva", a ceasefire or a resignation only happen there.
    """
    if sense.type == "CONSULT":
        return sense.mode == "visit"
    return sense.type not in {"DEMAND", "DISAPPROVE", "REJECT"} and sense.mode not in {"ceasefire", "resign"}


def _generic(noun: Token) -> bool:
    """ "people", "persons" with no name or nationality: a party only in a weak sense."""
    head = referent(noun)
    return head.lemma_.lower() in {"people", "person"} and not any(is_named(t) for t in head.lefts)


def _goal_party(verb: Token) -> Token | None:
    """A party after "to", "into" or "from": the recipient of a transfer or a move."""
    for pobj in _prep_objects(verb, GOAL_PREPS):
        party = _party_in(pobj)
        if party is not None:
            return party
    return None


def _shared_target(verb: Token) -> Token | None:
    """An object shared by coordinated verbs: "donated and delivered goods to X"."""
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
            subject = subject_of(token)
            if subject is not None and is_actorlike(referent(subject)) and not is_pronoun(subject):
                return subject
    return None


def _complement_target(verb: Token, depth: int) -> Token | None:
    """A party in the infinitive the verb governs: "agreed to set up a centre in Tokyo"."""
    if depth == 0:
        return None
    for child in verb.children:
        if child.dep_ not in {"xcomp", "ccomp", "advcl"} or child.pos_ not in {"VERB", "AUX"} or breaks(child):
            continue
        inner = match_verb(child)
        sense = inner.sense if inner is not None else None
        found = _direct_party(child, None)
        if found is not None and not is_named(referent(found)) and _goal_party(child) is not None:
            found = _goal_party(child)
        found = found or _prep_party(child, sense) or _complement_target(child, depth - 1)
        if found is None and (sense is None or _place_can_be_target(sense)):
            found = _place_in(child)
        if found is not None:
            return found
    return None


def _clause_subject(verb: Token, sense: Sense) -> Token | None:
    """The subject of a that-clause object: "demanded that the US cancel"."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"}:
            subject = subject_of(child) or next((c for c in child.children if c.dep_ == "nsubjpass"), None)
            if subject is None or not _names_party(referent(subject)):
                continue
            if sense.type == "DEMAND" or not _owned(subject):
                return subject
    return None


def _prep_party(token: Token, sense: Sense | None) -> Token | None:
    """A party in a prepositional phrase ("to Tanzania", "against the rebels")."""
    verbal = sense is not None and sense.type in {"DISAPPROVE", "PROTEST"}
    for pobj in _prep_objects(token, COMPLAINT_PREPS if verbal else TARGET_PREPS) + _protest_objects(token):
        party = _party_in(pobj)
        if party is not None:
            return party
    return None


def _protest_objects(token: Token) -> list[Token]:
    """What "in protest of/against X" or "in retaliation for X" is about."""
    found = []
    for pobj in _prep_objects(token, ("in",)):
        if pobj.lemma_.lower() in {"protest", "retaliation", "response", "defiance", "solidarity"}:
            found += _prep_objects(pobj, ("of", "against", "at", "for", "to"))
    return found


def _place_in(token: Token) -> Token | None:
    """A named place after "in"/"at" in the trigger's clause ("the town of X", "the capital X").

    The subject's own phrase ("parties in Nepal") is not where the event happened to.
    """
    subjects = {t.i for c in token.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    for pobj in local_subtree(token):
        if pobj.dep_ != "pobj" or pobj.head.lower_ not in {"in", "at"} or pobj.i in subjects:
            continue
        inner = [pobj] + _prep_objects(pobj, ("of", "in"))
        inner += [c for c in pobj.children if c.dep_ in {"appos", "compound"}]
        for place in inner:
            if place.ent_type_ in {"GPE", "LOC"}:
                return place
    return None


def _noun_target(noun: Token, sense: Sense) -> Token | None:
    """Whom a nominal event is aimed at: "sanctions on X", "the blockade of X", "talks with X"."""
    genitive_is_actor = sense.type in SUBJECT_GENITIVE
    preps = tuple(p for p in NOUN_TARGET_PREPS if p != "of" or not genitive_is_actor)
    for pobj in _prep_objects(noun, preps) + _protest_objects(noun):
        party = _party_in(pobj)
        if party is not None:
            return party
    for child in noun.children:
        if child.dep_ in {"acl", "relcl", "ccomp"}:
            subject = subject_of(child)
            if subject is not None and subject.lower_ not in {"that", "which"}:
                return subject
    return None


def _names_party(head: Token) -> bool:
    """Whether a noun is a party or carries a party's name ("its European Community partners")."""
    return is_actorlike(head) or any(is_named(t) for t in head.lefts)


def _owned(noun: Token) -> bool:
    """ "its troops", "their borders": the actor's own, not a party acted on."""
    return not is_named(noun) and any(c.dep_ == "poss" and is_pronoun(c) for c in noun.children)


def _party_in(noun: Token, depth: int = 2) -> Token | None:
    """``noun`` if it names a party; else a party inside it ("Haiti's efforts", "a camp for refugees").

    Looks through prepositional phrases and "X-ed by Y" clauses, ``depth`` levels
    down.
    """
    head = referent(noun)
    if not _owned(head):
        found = _party_at(noun, head)
        if found is not None:
            return found
    if depth == 0:
        return None
    for pobj in _prep_objects(head, PARTY_PREPS):
        if referent(pobj).ent_type_ not in {"DATE", "TIME"}:
            found = _party_in(pobj, depth - 1)
            if found is not None:
                return found
    for clause in (c for c in head.children if c.dep_ == "acl"):
        agent = _agent(clause)  # "the demonstration staged by students"
        if agent is not None and is_actorlike(referent(agent)):
            return agent
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
            return child  # "Palestinian homes", "a Senegalese peace plan"
    if any(c.dep_ == "compound" and is_actorlike(c) for c in head.lefts):
        return noun  # "a Karen guerrilla stronghold"
    return None
