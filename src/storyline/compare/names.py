"""A participant's name spelt differently across outlets: "Dana Kowalczyk" and "Dana Kowalczak".

The outlets of one story name the same victim, suspect or official. When two
articles give full names that are near each other (same first name and a
surname that differs by a letter or two, or by a dropped particle; or the same
surname and a first name that differs by a letter or two, or, however short, by
an h after a vowel: "Jon" / "John"), they name one person, and the spelling is
a conflict unless the two are variants of one name:

- the same letters once case, spaces, hyphens, apostrophes, full stops and
  accents are ignored ("Del Rosario", "DelRosario", "del-Rosario");
- a doubled letter, different vowels or an h after a consonant (transliteration:
  "Zelenskyy", "Zelensky", "Zelenskiy"; "Yunis", "Younis"), a plural s;
- a first name that is a short form of the other: a prefix ("Jon", "Jonathan") or a
  customary English short form that is no prefix ("Bill", "William"; ``SHORT_FORMS``);
- a g or a y before i or e between vowels (Greek gamma is written both ways:
  "Mayeira", "Mageira"); the rule cannot tell a transliterated name, so it also
  joins a few unrelated pairs ("Regina"/"Reina"): a disagreement missed, never a
  false alarm.

Two names that an article gives side by side are two people (brothers share
a surname), so such a pair is never compared.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Analysis

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Lower-case words inside names ("de", "van der", "al-", "bin"): a name may start with one ("de Vries").
PARTICLES = frozenset(
    {"de", "la", "le", "van", "von", "der", "den", "ter", "del", "della", "da", "das", "dos", "di", "du", "d", "l",
     "abu", "al", "el", "bin", "bint", "ibn"}
)  # fmt: skip
# Customary English short forms of first names that are not prefixes of the full name
# (prefixes such as "Jon"/"Jonathan" need no entry): short form -> full names.
SHORT_FORMS: dict[str, frozenset[str]] = {
    short.strip(): frozenset(full.split())
    for short, _, full in (
        line.partition(":")
        for line in """
        dave: david; bill: william; bud: william; bob: robert; bert: robert albert herbert; dick: richard
        rick: richard; jim: james; jack: john; jock: john; peg: margaret; peggy: margaret; meg: margaret
        maggie: margaret; liz: elizabeth; beth: elizabeth; bess: elizabeth; betty: elizabeth; tony: anthony antonio
        ted: edward theodore; ned: edward; chuck: charles; charlie: charles; kate: katherine catherine kathleen
        kathy: katherine kathleen; cathy: catherine; sally: sarah; molly: mary; polly: mary; harry: henry harold
        hank: henry; hal: henry harold; larry: lawrence laurence; jerry: gerald jerome jeremiah
        terry: terence terrence; steve: stephen; mike: michael; mick: michael; nick: nicholas nicolas
        tom: thomas; joe: joseph; sandy: alexander alexandra sandra; jake: jacob; gabe: gabriel; abe: abraham
        zeke: ezekiel; patty: patricia; trish: patricia; sue: susan suzanne; jenny: jennifer; becky: rebecca
        vicky: victoria; nancy: ann anne; jeff: geoffrey; geoff: jeffrey; frank: francis; nate: nathan nathaniel
        manny: manuel; ollie: oliver
        """.replace(";", "\n").split("\n")
        if line.strip()
    )
}
_MAX_EDITS = 2
_MIN_LENGTH = 4  # letters: shorter names are too often different names one letter apart


@dataclass(frozen=True, slots=True)
class FullName:
    """A person's full name in one article: first name, surname (particles joined), the form written, span."""

    first: str
    last: str
    text: str
    start: int
    end: int
    entity: str


def _fold(word: str) -> str:
    """Lower case, accents dropped, only letters kept."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


def full_names(analysis: Analysis) -> list[FullName]:
    """The article's persons named with a first name and a surname (an initial is no first name)."""
    found = []
    for entity in analysis.entities:
        if entity.type != "PERSON" or entity.start is None or entity.end is None:
            continue
        words = [w for w in entity.name.split() if _fold(w) not in _SUFFIXES]
        if len(words) < 2 or not all(w[:1].isupper() or _fold(w) in PARTICLES for w in words):
            continue
        # the surname is the last word with the particles before it; middle names and initials are left out
        at = len(words) - 1
        while at > 1 and _fold(words[at - 1]) in PARTICLES:
            at -= 1
        first, last = _fold(words[0]), _fold("".join(words[at:]))
        if len(first) < 2 or len(last) < _MIN_LENGTH:
            continue
        found.append(FullName(first, last, entity.name, entity.start, entity.end, entity.id))
    return found


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (short strings: names)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _spelling(word: str) -> str:
    """A name with its transliteration variants folded: its consonants in order, each vowel run one slot.

    Names written from another alphabet differ in their vowels and in an h
    after a consonant ("Gurbanguly"/"Gurbanguli", "Yunis"/"Younis",
    "Askar"/"Askhar", "Vassilis"/"Vassilios"); a plural s is dropped. A missing
    or changed consonant ("Bryant"/"Brian", "Malcom"/"Malcolm") stays a difference.
    """
    word = re.sub(r"(?<=[aeiou])g(?=[ie])", "y", word)  # Greek gamma: "Mageira" / "Mayeira"
    word = re.sub(r"(?<=[^aeiouy])h", "", word[:1] + re.sub(r"s$", "", word[1:]))
    word = word[:1] + re.sub(r"[aeiouy]+", "*", word[1:])
    return re.sub(r"(.)\1+", r"\1", word)


def short_form(a: str, b: str) -> bool:
    """Whether one first name is a short form of the other: a prefix ("Jon"/"Jonathan") or a customary one ("Dave")."""

    def longer_form(name: str, full: str) -> bool:  # "David" or "Davide" for the "david" of "Dave"
        return name.startswith(full)

    return (
        a.startswith(b)
        or b.startswith(a)
        or any(longer_form(b, full) for full in SHORT_FORMS.get(a, ()))
        or any(longer_form(a, full) for full in SHORT_FORMS.get(b, ()))
    )


def variants(a: FullName, b: FullName) -> bool:
    """Whether two full names are forms of one name (see the module docstring)."""
    same_last = a.last == b.last or _spelling(a.last) == _spelling(b.last)
    return same_last and (
        a.first == b.first or short_form(a.first, b.first) or _spelling(a.first) == _spelling(b.first)
    )


def near(a: FullName, b: FullName) -> bool:
    """Whether two full names plausibly name one person: one part equal, the other a letter or two apart."""
    if variants(a, b):
        return True
    if a.first == b.first:
        longer, shorter = (a.last, b.last) if len(a.last) >= len(b.last) else (b.last, a.last)
        dropped_particle = longer.endswith(shorter) and len(longer) - len(shorter) <= 3
        return dropped_particle or (min(len(a.last), len(b.last)) >= 5 and _edits(a.last, b.last) <= _MAX_EDITS)
    if a.last == b.last:
        if _one_h_apart(a.first, b.first):  # "Jon" / "John", "Sara" / "Sarah": one name, spelt two ways
            return True
        if min(len(a.first), len(b.first)) < _MIN_LENGTH or a.first[0] != b.first[0]:
            return False
        return _edits(a.first, b.first) <= _MAX_EDITS
    return False


def _one_h_apart(a: str, b: str) -> bool:
    """Whether one first name is the other with one h added after a vowel ("jon" / "john", "sara" / "sarah")."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and any(
        longer[i] == "h" and i > 0 and longer[i - 1] in "aeiou" and longer[:i] + longer[i + 1 :] == shorter
        for i in range(len(longer))
    )
