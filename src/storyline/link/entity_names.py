"""When two articles' entities are one entity: every matching rule, in one place.

Articles spell one name in several ways ("Volodymyr Zelenskyy", "Zelensky",
"Zelenskiy"), and different people share surnames. The rules, conservative
on purpose (a wrong merge mixes two people's quotes; a missed one only
splits a page):

- **Keys** (``storyline/namekeys.py``, shared with the store's name search). A
  name is folded (diacritics dropped, case, dots, apostrophes and hyphens
  ignored, a leading "the" and a possessive dropped). Each word of a person's
  name is reduced to a *skeleton* that transliterations share: ``y`` and ``i``
  are one letter, a final ``j`` is an ``i``, doubled letters count once
  (Zelenskyy, Zelensky, Zelenskiy, Zelenskij -> ``zelenski``).
- **People, full names** ("Maria Lindqvist") join a knowledge-base person with
  the same surname and a compatible first name: equal skeletons, one an
  initial of the other, or a rapidfuzz ratio of at least 90 on long names.
  Different first names ("Maria" / "Johan") never merge. Surnames match when
  their skeletons are equal, or (both at least 6 letters) their rapidfuzz ratio
  is at least 90 and they differ only in the last two letters by letters that
  transliterations add (``i e h``); so Johnson/Johnston and Medvedev/Medvedeva
  stay apart. When several full-name candidates fit, the one with the same
  full key wins; if that is not unique the name gets a new entity. When a
  full name becomes the only full-name person with its surname, the entities
  that earlier bare mentions of the surname started (unambiguous ones) join
  it, as they would have had the full name come first (``adoptable``).
- **People, surname only** ("Zelensky") join the full-name person with that
  surname only when exactly one such candidate exists and the article does
  not name another person with the surname. Otherwise (none, or two or more)
  each starts an entity of its own: an ambiguous surname is never guessed
  (its link is marked with the key ``person:ambiguous``), and bare surnames
  of different articles are not pooled ("Williams" in two stories is
  usually two people).
- **Places, organisations and the rest** join on equal folded names within a
  type family (GPE/LOC/FAC are places; ORG; NORP; other types alone), with a
  short table of known aliases (U.S./US/USA/United States, UK/Britain, UN,
  EU, Kiev/Kyiv). Metonyms stay apart: "Kremlin" and "Moscow" are other
  names than "Russia", so they are other entities.
- **Role phrases** ("Ukraine's president", "the Swedish foreign minister")
  are names of the one person the same article gives that office of that
  state ("Ukrainian President Volodymyr Zelenskyy"): the phrase becomes one
  of that person's written forms (``role_aliases``), so a search for it finds
  them. No holder, or two (a former and a current one), gives no alias.

Each local entity yields *keys* (``person:s:zelenski``, ``person:f:volodimir
zelenski``, ``place:n:united states``, and ``form:`` keys for search); the
store indexes key -> knowledge-base id, so a new entity is compared only with
the entities that share a key (or, for fuzzy surnames, a key prefix).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..compare.context import country_in, country_of
from ..model import Entity
from ..namekeys import canonical, fold, person_words

PERSON = "PERSON"
# Types the model confuses with each other for one referent are compared together.
FAMILIES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "norp"}
FUZZY_MIN = 90  # rapidfuzz ratio for close spellings of one name
_FUZZY_MIN_LEN = 6
# The key a bare surname's link carries when it had two or more people to choose from.
AMBIGUOUS = "person:ambiguous"
_TRANSLIT_TAIL = set("ieh")  # letters transliterations add at a name's end (after y -> i)


def family(entity_type: str) -> str:
    """The group of entity types compared with each other (the model mixes GPE, LOC and FAC)."""
    return FAMILIES.get(entity_type, entity_type.casefold())


def forms(entity: Entity) -> tuple[str, ...]:
    """Every written form an article gives the entity: its name, then its aliases."""
    return tuple(dict.fromkeys(f for f in (entity.name, *entity.aliases) if fold(f)))


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's entity as the matcher sees it: its keys and, for a person, its name words."""

    article_id: str
    entity_id: str
    name: str
    type: str
    keys: frozenset[str]
    surname: str = ""  # skeleton of a person's last name word
    full: tuple[tuple[str, ...], ...] = ()  # a person's full names as skeleton words

    @property
    def family(self) -> str:
        return family(self.type)

    @property
    def is_person(self) -> bool:
        return self.family == "person"

    @property
    def surname_only(self) -> bool:
        return self.is_person and not self.full

    def lookup_keys(self) -> list[str]:
        """Keys whose knowledge-base entities are this mention's candidates."""
        if self.is_person:
            return [f"person:s:{self.surname}"] if self.surname else []
        return sorted(k for k in self.keys if not k.startswith("form:"))

    def lookup_prefixes(self) -> list[str]:
        """Key prefixes for close spellings: a fuzzy surname shares all but its last two letters."""
        if self.is_person and len(self.surname) >= _FUZZY_MIN_LEN:
            return [f"person:s:{self.surname[:-2]}"]
        return []


def mention(article_id: str, entity: Entity, extra_forms: Iterable[str] = ()) -> Mention:
    """The keys of one local entity (a person's full names and surnames, or canonical names).

    ``extra_forms`` are further written forms (role phrases from ``role_aliases``):
    searchable keys only, never used to match one person with another.
    """
    names = forms(entity)
    keys = {f"form:{fold(f)}" for f in extra_forms if fold(f)}
    keys |= {f"form:{fold(f)}" for f in names}
    if family(entity.type) != "person":
        keys |= {f"form:{canonical(f)}" for f in names}
        keys |= {f"{family(entity.type)}:n:{canonical(f)}" for f in names}
        return Mention(article_id, entity.id, entity.name, entity.type, frozenset(keys))
    words = person_words(entity.name) or next((person_words(f) for f in names if person_words(f)), ())
    surname = words[-1] if words else ""
    full = tuple(
        w for w in dict.fromkeys(person_words(f) for f in names) if len(w) > 1 and same_surname(w[-1], surname)
    )
    keys |= {f"person:s:{surname}"} if surname else set()
    keys |= {"person:f:" + " ".join(w) for w in full}
    return Mention(article_id, entity.id, entity.name, entity.type, frozenset(keys), surname, full)


def same_surname(a: str, b: str) -> bool:
    """Whether two surname skeletons are one name (equal, or a close spelling differing at the end)."""
    if a == b:
        return True
    if min(len(a), len(b)) < _FUZZY_MIN_LEN or fuzz.ratio(a, b) < FUZZY_MIN:
        return False
    stem = len(_common_prefix(a, b))
    return stem >= max(len(a), len(b)) - 2 and set(a[stem:]) | set(b[stem:]) <= _TRANSLIT_TAIL


def same_given_name(a: str, b: str) -> bool:
    """Whether two first-name skeletons fit one person: equal, an initial, or a close long spelling."""
    if a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]):
        return True
    return min(len(a), len(b)) >= _FUZZY_MIN_LEN and a[0] == b[0] and fuzz.ratio(a, b) >= FUZZY_MIN


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A knowledge-base entity that shares a key with a mention, with all its keys."""

    kb_id: str
    keys: frozenset[str]

    def surnames(self) -> set[str]:
        return {k[len("person:s:") :] for k in self.keys if k.startswith("person:s:")}

    def full_names(self) -> set[tuple[str, ...]]:
        return {tuple(k[len("person:f:") :].split()) for k in self.keys if k.startswith("person:f:")}


def choose(
    mention: Mention, candidates: Iterable[Candidate], *, in_article: frozenset[str] = frozenset()
) -> str | None:
    """The knowledge-base id ``mention`` joins, or None for a new entity.

    ``in_article``: the knowledge-base ids of the full-name people with this
    surname in the mention's own article. A bare surname joins the one
    full-name candidate only if the article names no other such person.
    """
    if mention.is_person:
        people = [c for c in candidates if any(same_surname(mention.surname, s) for s in c.surnames())]
        return _choose_person(mention, people, in_article)
    return _choose_other(mention, list(candidates))


def _choose_person(mention: Mention, people: list[Candidate], in_article: frozenset[str]) -> str | None:
    full = [c for c in people if c.full_names()]
    if mention.surname_only:
        return full[0].kb_id if len(full) == 1 and in_article <= {full[0].kb_id} else None
    fits = [c for c in full if any(_same_full(mine, theirs) for mine in mention.full for theirs in c.full_names())]
    if len(fits) == 1:
        return fits[0].kb_id
    exact = [c for c in fits if set(mention.full) & c.full_names()]
    return exact[0].kb_id if len(exact) == 1 else None


def adoptable(mention: Mention, kb_id: str, candidates: Iterable[Candidate]) -> list[str]:
    """The bare-surname entities a full name's entity ``kb_id`` takes in, now that it is the one full name.

    A bare surname linked before any full name of that surname started its own
    entity; when ``mention`` makes ``kb_id`` the only full-name person with the
    surname among the candidates, those entities join it, as the bare surnames
    would have had they come later. Entities of ambiguous bare surnames stay.
    """
    if mention.surname_only or not mention.is_person:
        return []
    people = [c for c in candidates if any(same_surname(mention.surname, s) for s in c.surnames())]
    if any(c.full_names() and c.kb_id != kb_id for c in people):
        return []
    return sorted(c.kb_id for c in people if not c.full_names() and AMBIGUOUS not in c.keys and c.kb_id != kb_id)


def is_ambiguous(mention: Mention, candidates: Iterable[Candidate], in_article: frozenset[str]) -> bool:
    """Whether a bare surname had several people to choose from (then no full name adopts its entity later)."""
    if not mention.surname_only:
        return False
    full = {
        c.kb_id for c in candidates if c.full_names() and any(same_surname(mention.surname, s) for s in c.surnames())
    }
    return len(full) > 1 or bool(in_article - full)


def _same_full(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return same_surname(a[-1], b[-1]) and same_given_name(a[0], b[0])


def _choose_other(mention: Mention, candidates: list[Candidate]) -> str | None:
    """The candidate sharing the most name keys (then the mention's own name, then the oldest id)."""
    own = f"{mention.family}:n:{canonical(mention.name)}"
    names = {k for k in mention.keys if not k.startswith("form:")}
    scored = [(len(names & c.keys), own in c.keys, c.kb_id) for c in candidates if names & c.keys]
    if not scored:
        return None
    return min(scored, key=lambda s: (-s[0], not s[1], s[2]))[2]


def display_rank(name: str) -> tuple[int, int]:
    """Which form names a knowledge-base entity: most words, then most letters."""
    return (len(name.split()), len(name))


# Offices a role phrase can name, as written after a state ("Ukraine's president").
OFFICES = (
    "president", "vice president", "prime minister", "deputy prime minister", "chancellor", "king", "queen",
    "foreign minister", "defence minister", "defense minister", "interior minister", "finance minister",
    "foreign secretary", "home secretary", "secretary of state", "defense secretary", "defence secretary",
    "army chief", "central bank governor", "ambassador", "top diplomat", "leader",
)  # fmt: skip
_OFFICE = "|".join(sorted(OFFICES, key=len, reverse=True)).replace(" ", r"\s+")
_STATE = r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}"
_ROLE_PHRASE = re.compile(
    rf"(?:\b(?P<owner>{_STATE})['’]s\s+|\b[Tt]he\s+(?P<adjective>{_STATE})\s+)(?P<office>(?i:{_OFFICE}))\b"
)


def role_aliases(text: str, entities: Iterable[Entity]) -> dict[str, set[str]]:
    """Local person id -> role phrases of the article that name that person ("Ukraine's president").

    A phrase names a person when the article gives exactly one person a role
    with the same office and a state the role names ("Ukrainian President",
    or the office with the state as its organisation). The phrase's state is
    read with the same gazetteer compare uses (countries, capitals, demonyms).
    """
    holders: dict[tuple[str, str], set[str]] = {}
    for entity in entities:
        if family(entity.type) != "person":
            continue
        for role in entity.roles:
            office, state = _office_and_state(role.title, role.org)
            if office and state:
                holders.setdefault((office, state), set()).add(entity.id)
    found: dict[str, set[str]] = {}
    for match in _ROLE_PHRASE.finditer(text):
        state_words = _state_at_end(match["owner"] or match["adjective"])
        if state_words is None:
            continue
        words, state = state_words
        office = " ".join(match["office"].split())
        people = holders.get((_office_name(office), state), set())
        if len(people) == 1:
            phrase = f"{words}'s {office}" if match["owner"] else f"{words} {office}"
            found.setdefault(next(iter(people)), set()).add(phrase)
    return found


def _office_name(text: str) -> str:
    return " ".join(text.lower().replace("defense", "defence").split())


def _office_and_state(title: str, org: str | None) -> tuple[str, str | None]:
    """("ukrainian president" -> ("president", "Ukraine")): the office words and the state the role names."""
    state = country_of(org) if org else None
    words = title.split()
    kept = [w for w in words if country_of(w.strip(",.")) is None]
    state = state or country_in(title)
    office = _office_name(" ".join(kept))
    return (office if office in {_office_name(o) for o in OFFICES} else ""), state


def _state_at_end(words: str) -> tuple[str, str] | None:
    """The longest ending of the words before an office that names a state, and that state ("Ukraine")."""
    parts = words.split()
    for i in range(len(parts)):
        found = country_of(" ".join(parts[i:]))
        if found:
            return " ".join(parts[i:]), found
    return None
