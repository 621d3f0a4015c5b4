"""Offices: when two titles for one person name the same job, and when they contradict.

A title is read as an :class:`Office`: a family (the kind of job), a
portfolio (what a minister or a council secretary is in charge of) and a rank
(deputy or not). Modifiers such as "senior", "presidential", "top" or a country
name do not change the office.

A title naming several offices ("president and general manager") is read as
each of them (:func:`parse_titles`). Two offices are compatible when one is generic (family "official", or no known
family), when their families differ only in name (adviser, aide, assistant and
counsellor are one family), or when they share a family and their portfolios
do not differ. They conflict when they name different offices that one
person does not hold at once (``ONE_AT_A_TIME``): a council secretary and a
minister, a minister of one portfolio and a minister of another, a
spokesperson and a minister, a president and a prime minister. Other pairs
of families do not exclude each other, since one person often holds both: a
police commander is also its spokesman, a minister is also a lawmaker and the
negotiator, a general is an envoy. An organisation's executive titles
(manager, director, CEO, chairman, owner) agree with each other and with its
"president", which companies and teams combine; a president the title ties to
a state ("US President", "President of France": a country the gazetteer knows) is no executive of a company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analyze.entities.gazetteer import CAPITALS, COUNTRIES, DEMONYMS, INSTITUTIONS
from ..analyze.entities.roles import PORTFOLIOS

# The office families: head word (last word of the title, or the word before "of")
# -> family. One table for every rule that compares titles; extend it here.
OFFICE_FAMILIES: dict[str, str] = {
    # advisers: one family whatever the modifier
    "adviser": "adviser", "advisor": "adviser", "aide": "adviser", "assistant": "adviser",
    "counsellor": "adviser", "counselor": "adviser", "consultant": "adviser",
    # ministers and cabinet secretaries (US usage: "Secretary of State", "Defense Secretary")
    "minister": "minister", "secretary": "minister",
    # heads of state and government
    "president": "president", "prime minister": "prime minister", "premier": "prime minister",
    "chancellor": "prime minister", "king": "monarch", "queen": "monarch",
    # spokespeople
    "spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "press secretary": "spokesperson",
    # diplomats and go-betweens
    "envoy": "envoy", "emissary": "envoy", "ambassador": "ambassador",
    "mediator": "mediator", "negotiator": "negotiator",
    # military
    "general": "commander", "commander": "commander", "chief of staff": "chief of staff",
    # lawmakers and party posts
    "lawmaker": "legislator", "legislator": "legislator", "mp": "legislator", "senator": "legislator",
    "speaker": "speaker", "mayor": "mayor", "governor": "governor",
    # executives of companies, teams and agencies: often held together ("president and CEO")
    "manager": "executive", "director": "executive", "ceo": "executive", "chairman": "executive",
    "chairwoman": "executive", "chairperson": "executive", "executive": "executive", "founder": "executive",
    "owner": "executive", "partner": "executive", "coach": "coach",
    # commentators: not offices of a party (positions skip them)
    "analyst": "analyst", "expert": "analyst", "researcher": "analyst", "commentator": "analyst",
    "professor": "analyst", "scholar": "analyst",
    # generic descriptions: compatible with any office
    "official": "official", "officer": "official", "representative": "official", "leader": "official",
    "head": "official", "chief": "official", "member": "official", "figure": "official",
}  # fmt: skip

GENERIC = frozenset({"official"})
# Offices one person holds one at a time: two different ones of these for one person disagree.
ONE_AT_A_TIME = frozenset(
    {"president", "prime minister", "minister", "council secretary", "monarch", "ambassador", "governor", "mayor",
     "speaker", "spokesperson"}
)  # fmt: skip
COMMENTATORS = frozenset({"analyst"})
# A "secretary" of a body (council, committee, party) is that body's officer, not a minister.
_BODY_WORDS = ("council", "committee", "commission", "party", "general", "bureau", "board")
# Portfolio names that are the same department under different names.
_PORTFOLIO_SYNONYMS = {
    "defence": "defense", "war": "defense", "foreign affairs": "foreign", "external affairs": "foreign",
    "state": "foreign", "home": "interior", "internal affairs": "interior", "treasury": "finance",
}  # fmt: skip
# Words that describe the office holder, not the office.
_MODIFIERS = frozenset(
    [
        "senior",
        "top",
        "chief",
        "presidential",
        "special",
        "acting",
        "former",
        "current",
        "new",
        "the",
        "a",
        "an",
        "of",
        "for",
        "to",
        "and",
        "s",
        "his",
        "her",
        "political",
        "principal",
        "personal",
        "key",
        "leading",
        "interim",
    ]
)
# Words of state names, capitals, adjectives and seats of government: modifiers in a title.
COUNTRY_WORDS = frozenset(
    w
    for name in (*DEMONYMS, *CAPITALS, *INSTITUTIONS, *(c.lower() for c in COUNTRIES))
    for w in re.findall(r"[a-z]+", name)
) - {"of", "the", "and", "state", "department", "house", "office", "republic", "foreign", "white", "blue", "street"}
_RANKS = {"deputy": "deputy", "vice": "deputy", "assistant secretary": "deputy", "under": "deputy"}


@dataclass(frozen=True, slots=True)
class Office:
    """A title read as family + portfolio + rank; ``family`` None means "not an office we know".

    ``state`` is True when the title names a state ("US President", "Marevian minister").
    """

    family: str | None
    portfolio: str | None = None
    rank: str | None = None
    state: bool = False


def parse_office(title: str) -> Office:
    """Read a title ("security council secretary", "Defense Minister", "Secretary of State") as an Office.

    Names of states and their adjectives are modifiers, so "US Secretary of
    State" keeps portfolio "foreign"; plurals ("mediators") are read singular.
    """
    nationality = _nationality_words(title)
    title = _title_proper(title)
    every = [_singular(w) for w in re.findall(r"[a-z]+", title.lower().replace("’", "'"))]
    words = [w for w in every if w not in COUNTRY_WORDS and w not in nationality]
    state = len(words) < len(every)
    text = " ".join(words)
    rank = next((r for k, r in _RANKS.items() if re.search(rf"\b{k}\b", text)), None)
    for phrase in ("prime minister", "press secretary", "chief of staff"):
        if phrase in text:
            before, _, after = text.partition(phrase)
            return Office(OFFICE_FAMILIES[phrase], _portfolio(before, after, phrase), rank, state)
    head_index = _head_index(words)
    if head_index is None:
        return Office(None)
    head = words[head_index]
    family = OFFICE_FAMILIES[head]
    before = " ".join(words[:head_index])
    after = " ".join(words[head_index + 1 :])
    if head == "secretary" and any(b in before.split() or b in after.split() for b in _BODY_WORDS):
        family = "council secretary"
    return Office(family, _portfolio(before, after, head), rank, state)


def _title_proper(title: str) -> str:
    """The title without lower-case words before its first capitalised word.

    A title written in capitals starts at its first capitalised word; lower-case
    words before it are the sentence's ("a relieved Minister" is no portfolio
    of "relieved"). A title all in lower case ("security council secretary") is kept.
    """
    words = title.split()
    first = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if not first:
        return title
    ranks = [w for w in words[:first] if w.lower() in {"deputy", "vice", "under", "assistant"}]
    return " ".join(ranks + words[first:])


# A capitalised word shaped like a nationality adjective ("Marevian", "Ukrainian",
# "Chinese", "Danish", "Israeli"): a modifier of the title, unless it names a portfolio.
_NATIONALITY_SHAPE = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|i|ch)$")


def _nationality_words(title: str) -> set[str]:
    """The nationality adjectives of a title, lower-cased, beyond the gazetteer's demonyms."""
    return {
        word.lower()
        for word in re.findall(r"[A-Za-z]+", title)
        if _NATIONALITY_SHAPE.fullmatch(word) and word.lower() not in PORTFOLIOS
    }


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in OFFICE_FAMILIES else word


def _head_index(words: list[str]) -> int | None:
    """The head word: the word before "of" if it is an office, else the last office word."""
    if "of" in words:
        i = words.index("of")
        if i > 0 and words[i - 1] in OFFICE_FAMILIES:
            return i - 1
    found = [i for i, w in enumerate(words) if w in OFFICE_FAMILIES]
    return found[-1] if found else None


def _portfolio(before: str, after: str, head: str) -> str | None:
    """What the office is in charge of: words before the head or after "of", modifiers and ranks dropped."""
    words = [w for w in f"{before} {after}".split() if w not in _MODIFIERS and w not in _RANKS and w != head]
    words = [w for w in words if w not in OFFICE_FAMILIES]
    if not words:
        return None
    portfolio = " ".join(words)
    return _PORTFOLIO_SYNONYMS.get(portfolio, portfolio)


# Families one organisation's officer commonly holds together ("club president and general manager").
_HELD_TOGETHER = frozenset({frozenset({"executive", "president"})})


def parse_titles(title: str) -> tuple[Office, ...]:
    """Every office a title names: "president and general manager" names two.

    The title is split at "and" and commas only when every part names an office
    of its own, so "Trade and Industry Minister" stays one office.
    """
    parts = [p for p in re.split(r"\s+and\s+|\s*[,;]\s*", title) if p.strip()]
    offices = tuple(parse_office(p) for p in parts)
    if len(offices) > 1 and all(o.family is not None for o in offices):
        return offices
    return (parse_office(title),)


def titles_compatible(a: tuple[Office, ...], b: tuple[Office, ...]) -> bool:
    """Whether some office of one title is compatible with some office of the other."""
    return any(offices_compatible(x, y) for x in a for y in b)


def titles_corroborate(a: tuple[Office, ...], b: tuple[Office, ...]) -> bool:
    """Whether some office of one title is the same job as some office of the other.

    Stricter than compatibility: a police commander who is also its spokesman
    gives two titles that do not disagree, yet neither confirms the other.
    """
    return any(offices_compatible(x, y) and _one_job(x, y) for x in a for y in b)


def _one_job(a: Office, b: Office) -> bool:
    """Same family, or a title too vague to tell.

    Families one person often holds together (a club's president who is also
    its general manager) are compatible, but they are two jobs: a president
    and an executive of another body ("Academy president", "marketing
    executive") do not confirm each other.
    """
    if a.family is None or b.family is None or a.family in GENERIC or b.family in GENERIC:
        return True
    return a.family == b.family


def offices_compatible(a: Office, b: Office) -> bool:
    """True unless the two offices name different jobs (see the module docstring)."""
    if a.family is None or b.family is None or a.family in GENERIC or b.family in GENERIC:
        return True
    if a.family != b.family:
        if frozenset({a.family, b.family}) in _HELD_TOGETHER:
            return not (a.state if a.family == "president" else b.state)
        return not (a.family in ONE_AT_A_TIME and b.family in ONE_AT_A_TIME)
    if a.family == "executive":
        return True
    if a.family not in {"minister", "council secretary", "ambassador", "governor", "mayor"}:
        return True
    if a.portfolio and b.portfolio and a.portfolio != b.portfolio:
        return False
    return not (a.rank != b.rank and a.portfolio and b.portfolio)
