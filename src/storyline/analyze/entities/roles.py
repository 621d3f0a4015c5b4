"""Titles and functions an article gives a person, read from the words around the name.

News names people with their function attached, in a handful of shapes:
before the name ("Kremlin spokesperson Dmitry Peskov", "US Secretary of State
Marco Rubio"), in an apposition ("Jane Roe, the mayor of Springfield," or
"Springfield's mayor, Jane Roe,"), in parentheses ("Steve Witkoff (Trump's
special envoy)") or in a relative clause ("Medinsky, who led the Russian side").
A lexicon of role nouns (written for this module, not a list of people) tells
a title from any other noun phrase; the dependency parse bounds the phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ...model import Role
from .. import docindex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _words(text: str) -> list[str]:
    """A lexicon written as running text, one word per whitespace-separated item."""
    return text.split()


# Nouns that name a function a person holds. Singular, lowercase; plurals are
# recognised by lemma. Kept to words that rarely head anything but a person.
# The last line holds abbreviations ("Sen.", "Lt. Gen."), matched without the dot.
ROLE_NOUNS = frozenset(
    _words(
        """
    minister secretary spokesperson spokesman spokeswoman spokespeople adviser advisor aide
    envoy president vice-president premier chancellor analyst ambassador governor mayor senator
    congressman congresswoman lawmaker legislator parliamentarian mp deputy speaker chairman
    chairwoman chairperson chair ceo cfo coo executive founder co-founder leader official officer
    negotiator mediator diplomat consul commissioner administrator director head chief commander
    general admiral colonel lieutenant sergeant captain marshal king queen prince princess emperor
    emir sultan sheikh monarch pope cardinal archbishop bishop rabbi imam ayatollah patriarch judge
    justice prosecutor attorney lawyer counsel professor researcher scientist economist strategist
    expert historian journalist correspondent reporter editor columnist commentator pollster
    consultant lobbyist activist campaigner coach manager striker midfielder goalkeeper defender
    forward all-rounder batsman bowler player skipper chief-of-staff president-elect candidate
    nominee delegate representative coordinator inspector investigator treasurer magistrate
    sheriff councillor councilor alderman regent dictator warlord owner investor economist
    scholar physician doctor surgeon author writer novelist actor actress singer musician
    director producer artist designer architect engineer
    sen rep gov gen lt col adm sgt capt cmdr supt amb cpl pte pvt brig insp det const
    """
    )
)

# Abbreviated titles before a name (the last line of ROLE_NOUNS), and the word a later
# description uses for the same office ("Gov. Kim" ... "the governor").
ABBREVIATED_TITLES = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "adm": "admiral",
    "sgt": "sergeant",
    "capt": "captain",
    "amb": "ambassador",
    "supt": "superintendent",
    "insp": "inspector",
    "cmdr": "commander",
    "pres": "president",
}


def spelled_out(word: str) -> str:
    """A lower-cased title word with its abbreviation written out ("sen." or "sen" -> "senator")."""
    if word.endswith(".") or word in ABBREVIATED_TITLES:
        return ABBREVIATED_TITLES.get(word.rstrip("."), word)
    return word


# Courtesy titles: they mark the next words as a person's name, but are not roles.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof"})

# Relations that only a person has; "Trump's son-in-law" makes Trump a person.
KINSHIP = frozenset(
    _words(
        """
    son daughter wife husband brother sister father mother son-in-law daughter-in-law
    father-in-law mother-in-law brother-in-law sister-in-law cousin nephew niece uncle aunt
    widow widower grandson granddaughter grandfather grandmother fiancé fiancée stepson
    stepdaughter stepfather stepmother spouse partner girlfriend boyfriend
    """
    )
)

# Nouns a person's name takes as a possessor more often than an organisation's.
PERSONAL_NOUNS = KINSHIP | {
    "envoy",
    "aide",
    "lawyer",
    "attorney",
    "bodyguard",
    "biographer",
    "successor",
    "predecessor",
    "campaign",
    "administration",
    "presidency",
}

# Words naming a ministry's portfolio; the small model tags "Defense" in
# "Defense Minister" as an organisation, which it is not.
PORTFOLIOS = frozenset(
    _words(
        """
    defense defence foreign interior finance economy economic justice health education energy
    agriculture trade transport transportation labour labor culture environment state home
    treasury commerce industry security development infrastructure digital science technology
    tourism sports sport youth veterans housing communications information intelligence
    """
    )
)

# Last words that make a capitalised run an organisation, not a person's name.
ORG_SUFFIXES = frozenset(
    _words(
        """
    administration department ministry office agency council committee commission party group
    inc corp corporation co ltd llc plc bank university academy institute school college
    government parliament assembly senate court army navy force forces police service company
    foundation association union federation league club team news times post
    """
    )
)

# Verbs of a relative clause that state a person's function ("who heads ...").
LEAD_VERBS = frozenset({"lead", "head", "chair", "run", "direct", "command", "represent", "oversee", "manage"})

_TITLE_POS = {"ADJ", "NOUN", "PROPN"}
_STOP_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_ORG_LABELS = {"ORG", "GPE"}
_ARG_DEPS = {"pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos", "attr", "npadvmod", "dative", "oprd"}
_POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}
_TITLE_LINKS = {"of", "for", "to", "'s", "’s"}
_DOMAIN_PREPS = {"of", "for", "to"}
_DANGLING = {"ADP", "PART", "SCONJ", "CCONJ", "DET", "PRON", "AUX"}
_DOMAIN_LINKS = {"of", "for", "to", "and", "-", "&"}
_MAX_PAREN = 10


def is_role_word(token: Token) -> bool:
    """Whether ``token`` is a role noun ("minister", "Spokesperson", "envoys", "Gen.")."""
    word = token.lower_[:-1] if token.lower_.endswith(".") and len(token) > 2 else token.lower_
    if token.pos_ not in {"NOUN", "PROPN"} and word not in ROLE_NOUNS:
        return False
    return word in ROLE_NOUNS or token.lemma_.lower() in ROLE_NOUNS


def is_title_word(token: Token) -> bool:
    """A role noun or an honorific: a word that can stand right before a name."""
    return is_role_word(token) or token.lower_.rstrip(".") in HONORIFICS


def may_be_title_word(lower: str, lemma: str) -> bool:
    """False for a lower-cased word and lemma that :func:`is_title_word` can never accept.

    A test on strings alone, for passes over every token of an article: the
    tokens it lets through still go to :func:`is_title_word`.
    """
    return lower in ROLE_NOUNS or lower[:-1] in ROLE_NOUNS or lemma in ROLE_NOUNS or lower.rstrip(".") in HONORIFICS


def roles_for(name: Span) -> list[Role]:
    """Every role the text around one person mention gives them, nearest first."""
    found = [(finder.__name__, finder(name)) for finder in _TITLE_FINDERS]
    return [_role(title, name, rule) for rule, title in found if title is not None]


def dedupe_roles(roles: Iterable[Role]) -> tuple[Role, ...]:
    """One role per distinct title, first mention kept.

    A title found inside a longer one at the same place ("son-in-law" in
    "Trump's son-in-law") gives way to it, and so does a title that only
    repeats the end of a longer one ("President" after "Ukrainian President").
    """
    roles = list(roles)
    kept = [r for r in roles if not any(_inside(r, o) or _shorter_same(r, o) for o in roles)]
    seen: dict[str, Role] = {}
    for role in kept:
        seen.setdefault(role.title.casefold(), role)
    return tuple(seen.values())


def _shorter_same(role: Role, other: Role) -> bool:
    short, long = role.title.casefold().split(), other.title.casefold().split()
    return len(short) < len(long) and long[-len(short) :] == short


def _inside(role: Role, other: Role) -> bool:
    if (role.start, role.end) == (other.start, other.end):
        return False
    return other.start <= role.start and role.end <= other.end


def title_before(name: Span) -> Span | None:
    """The title right before a name: "Defense Minister", "US Secretary of State"."""
    doc, first = name.doc, name.start
    left = first
    while left > 0 and _can_precede(doc[left - 1], name.end):
        left -= 1
    title = _trim(doc[left:first])
    if title is None:
        return None
    role = _last_role_word(title)
    if role is None or not _is_domain(doc[role.i + 1 : first]):
        return None
    return title


def _can_precede(token: Token, end: int) -> bool:
    """Whether ``token`` can belong to a title that ends where a name starts.

    Titles are runs of adjectives and nouns ("senior adviser", "security council
    secretary"), with "of"/"for" domains and possessors ("Ukraine's"). A noun
    that the parse makes the argument of something outside the title ("in
    Geneva") ends the run; a role noun does not, as parses of long titles
    ("met Minister of Rural and Coastal Affairs ...") often go astray.
    """
    if "\n" in token.text or token.dep_ == "det" or _stops_title(token):
        return False
    inside = token.i < token.head.i < end or token.head.lower_ in _DOMAIN_PREPS
    if token.dep_ in _ARG_DEPS and not inside and not is_role_word(token):
        return False
    if token.lower_ in _DOMAIN_PREPS:  # "Secretary of State", not "defeat of Prime Minister"
        return token.i > 0 and is_role_word(token.doc[token.i - 1])
    if token.pos_ in _TITLE_POS or token.lower_ in _TITLE_LINKS:
        return True
    return token.tag_ == "VBN" or (token.text == "-" and not token.whitespace_)


def _stops_title(token: Token) -> bool:
    """Dates, numbers and people end a title, except a possessor ("Trump's envoy")."""
    if token.ent_type_ == "PERSON":
        return not _is_possessor(token)
    return token.ent_type_ in _STOP_ENTS


def _is_possessor(token: Token) -> bool:
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].ent_iob_ == "I":
        i += 1
    return i < len(doc) and doc[i].lower_ in _POSSESSIVE_MARKS


def _last_role_word(tokens: Span) -> Token | None:
    for token in reversed(tokens):
        if is_role_word(token):
            return token
    return None


def _is_domain(tokens: Span) -> bool:
    """What may follow a role noun inside a title: nothing, or "of State"-like words."""
    if len(tokens) == 0:
        return True
    if tokens[0].lower_ not in _DOMAIN_PREPS or not any(t.is_title for t in tokens):
        return False
    return all(t.is_title or t.lower_ in _DOMAIN_LINKS for t in tokens)


def title_apposed(name: Span) -> Span | None:
    """An apposition after the name: "Jane Roe, the mayor of Springfield,"."""
    head = name.root
    if name.end < len(name.doc) and name.doc[name.end].lower_ in _POSSESSIVE_MARKS:
        return None  # "Tomas Reyes' son": the son is someone else
    for child in head.children:
        if child.dep_ == "appos" and child.i >= name.end and _is_person_noun(child) and not child.ent_type_:
            return _trim(_cut_at_clause(child))
    return None


def title_in_apposition(name: Span) -> Span | None:
    """A title the name is an apposition to: "Ukraine's defence minister, Rustem Umerov,"."""
    head = name.root
    if head.dep_ != "appos" or head.head.i >= name.start or not is_role_word(head.head):
        return None
    role = head.head
    return _trim(name.doc[role.left_edge.i : role.i + 1])


def title_in_parentheses(name: Span) -> Span | None:
    """A parenthesis right after the name holding a role: "(Trump's special envoy)"."""
    doc = name.doc
    if name.end >= len(doc) or doc[name.end].text != "(":
        return None
    for close in range(name.end + 1, min(len(doc), name.end + _MAX_PAREN)):
        if doc[close].text == ")":
            inner = doc[name.end + 1 : close]
            return _trim(inner) if _holds_role(inner) else None
    return None


def _holds_role(tokens: Span) -> bool:
    """Whether a parenthesis names a function or a family tie ("son-in-law")."""
    text = tokens.text.casefold().replace(" ", "")
    if any(word in text for word in KINSHIP if "-" in word):
        return True
    return any(_is_person_noun(t) for t in tokens)


def title_in_relative_clause(name: Span) -> Span | None:
    """A function stated in a relative clause: "Medinsky, who led the Russian side"."""
    for clause in name.root.children:
        if clause.dep_ == "relcl" and clause.i > name.end and _starts_with_who(clause):
            return _clause_title(clause)
    return None


def _starts_with_who(clause: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"who", "that"} for c in clause.children)


def _clause_title(verb: Token) -> Span | None:
    """ "led the Russian side", or the noun of "who is the mayor" / "who serves as mayor"."""
    doc = verb.doc
    if verb.lemma_ in LEAD_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return doc[verb.i : _cut_at_clause(obj).end] if obj is not None else None
    if verb.lemma_ == "be":
        attr = next((c for c in verb.children if c.dep_ == "attr" and is_role_word(c)), None)
        return _trim(doc[attr.left_edge.i : attr.right_edge.i + 1]) if attr is not None else None
    if verb.lemma_ == "serve":
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        return _trim(doc[obj.left_edge.i : obj.right_edge.i + 1]) if obj is not None else None
    return None


def _is_person_noun(token: Token) -> bool:
    return is_role_word(token) or token.lower_ in KINSHIP or token.lemma_.lower() in KINSHIP


def _cut_at_clause(token: Token) -> Span:
    """The phrase headed by ``token``, cut before a relative clause or a comma."""
    doc = token.doc
    end = token.i + 1
    for t in doc[token.i + 1 : token.right_edge.i + 1]:
        if t.dep_ in {"relcl", "acl"} or t.tag_ in {"WP", "WDT", "WP$"} or t.is_punct and t.text != "-":
            break
        end = t.i + 1
    while end > token.i + 1 and doc[end - 1].pos_ in _DANGLING:
        end -= 1  # "the effort to": the clause's first word stays with the clause
    return doc[token.left_edge.i : end]


def _trim(tokens: Span) -> Span | None:
    """Drop determiners, possessive pronouns and punctuation at the edges; None if
    nothing is left."""
    start, end = tokens.start, tokens.end
    doc = tokens.doc
    while start < end and (doc[start].dep_ == "det" or _is_edge_noise(doc[start])):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _is_edge_noise(token: Token) -> bool:
    """Punctuation, links and possessive pronouns: "its spokesperson" is a "spokesperson"."""
    return token.is_punct or token.is_space or token.lower_ in _TITLE_LINKS or token.tag_ == "PRP$"


# The patterns that find a title for a name, nearest first; each one's name is its rule.
_TITLE_FINDERS = (title_before, title_apposed, title_in_apposition, title_in_parentheses, title_in_relative_clause)

# How sure each pattern is that the title belongs to the name: a title written
# right before a name or set off by commas is the reporter's own description;
# a relative clause ("X, who chairs ...") says more than a title and is read less surely.
_ROLE_CONFIDENCE = {
    "title_before": 0.9,
    "title_apposed": 0.85,
    "title_in_apposition": 0.85,
    "title_in_parentheses": 0.8,
    "title_in_relative_clause": 0.7,
}


def _role(title: Span, name: Span, rule: str) -> Role:
    """A Role for ``title``: its text, span, the organisation it names, and the pattern that found it."""
    return Role(
        title=title.text,
        org=_org_of(title, name),
        start=title.start_char,
        end=title.end_char,
        rule=f"roles.{rule}",
        confidence=_ROLE_CONFIDENCE[rule],
    )


def _org_of(title: Span, name: Span) -> str | None:
    """The organisation or country a role belongs to ("Kremlin", "Kyiv-Mohyla Academy")."""
    ents = docindex.entities_within(title.doc, title.start, title.end)  # title.ents scans the doc
    inside = sorted((e for e in ents if e.label_ in _ORG_LABELS), key=lambda e: e.label_ != "ORG")
    if inside:
        return _ent_text(inside[0])  # an organisation before a country
    if title.end <= name.start:
        return _org_after(name)
    return None


def _org_after(name: Span) -> str | None:
    """ "Olexiy Haran of the Kyiv-Mohyla Academy": the organisation after the name."""
    doc = name.doc
    if name.end + 1 >= len(doc) or doc[name.end].lower_ not in {"of", "at", "from"}:
        return None
    for ent in _ents_starting_near(doc[name.end + 1 : name.end + 3]):
        if ent.label_ in {"ORG", "FAC"}:
            return _ent_text(ent)
    return None


def _ent_text(ent: Span) -> str:
    """An entity's text without a leading article or a trailing possessive."""
    words = [t for t in ent if not (t.i == ent.start and t.dep_ == "det") and t.lower_ not in _POSSESSIVE_MARKS]
    return "".join(t.text_with_ws for t in words).strip()


def _ents_starting_near(tokens: Span) -> Iterator[Span]:
    for token in tokens:
        if token.ent_iob_ == "B":
            yield from docindex.entities_starting_at(token)
