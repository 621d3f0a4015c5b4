"""An organisation's name written two ways across outlets: "Harbor Supplies Ltd" and "Harbor Suppliers Ltd".

The outlets of one story name the firm, the school or the agency where it
happened. Two articles that give an organisation's name with the same words
but one, whose two forms (six letters or more) share a stem of four letters or more and differ only
in its ending ("Supplies" / "Suppliers", "Distribution" / "Distributors"),
name one organisation, and the wording is a conflict unless the two are forms
of one name:

- the same letters once case, spaces, hyphens, apostrophes and full stops are
  ignored ("Tall Reed", "TallReed", "Tall-Reed"); a legal form ("Ltd",
  "Limited", "Inc", "Co", "Corp", "Company", "LLC", "plc") and a leading "the"
  are left out;
- a plural s or a possessive, different vowels ("Advisors" / "Advisers"),
  British and American spelling ("Centre" / "Center", "Defence" / "Defense",
  "Organisation" / "Organization");
- a word and its adjective or agent form ("Ministry" / "Minister", "Norland" /
  "Norlandian"): entity tagging often cuts such a name at a title or a
  nationality, so the pair tells nothing.

A name must have two words or more, all capitalised but for linking words
("of", "and", "for", "the", "&"); names an article gives side by side are
two organisations and are never joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Analysis
from .names import _fold, _spelling

_LEGAL = frozenset({"ltd", "limited", "inc", "incorporated", "co", "corp", "corporation", "company", "llc", "plc"})
_LINKING = frozenset({"of", "and", "for", "the", "&", "de", "du", "des", "la", "le"})
_MIN_STEM = 4  # letters of the differing word shared before its ending differs
_MIN_WORD = 6  # letters of each differing word: shorter words part too often
_MAX_ENDING = 4  # letters of each differing ending
# endings of adjectives and agent nouns: "Minister" of "Ministry", "Norlandian" of "Norland"
_DERIVED = re.compile(r"(?:ians?|ans?|ese|ish|ic|al|ists?|i|ns?|ry|er|e|a|y)$")


@dataclass(frozen=True, slots=True)
class OrgName:
    """An organisation's name in one article: its folded words, the form written, span and entity."""

    words: tuple[str, ...]
    text: str
    start: int
    end: int
    entity: str

    @property
    def joined(self) -> str:
        return "".join(self.words)


def org_names(analysis: Analysis) -> list[OrgName]:
    """Every form the article gives an organisation of two words or more, once per form, at its first mention."""
    text = analysis.article.text
    found: dict[tuple[str, tuple[str, ...]], OrgName] = {}
    for entity in analysis.entities:
        if entity.type != "ORG":
            continue
        spans = sorted(set(entity.mentions) | ({(entity.start, entity.end)} if entity.start is not None else set()))
        for start, end in spans:
            if start is None or end is None:
                continue
            words = _words(text[start:end])
            if words is not None and (entity.id, words) not in found:
                found[(entity.id, words)] = OrgName(words, " ".join(text[start:end].split()), start, end, entity.id)
    return list(found.values())


def _words(form: str) -> tuple[str, ...] | None:
    """The folded words of a name, legal form and a leading "the" left out; None for no proper name."""
    raw = [w for w in re.split(r"[\s\-–]+", form.strip()) if w]
    raw = [re.sub(r"['’]s$", "", w) for w in raw]
    if raw and raw[0].lower() == "the":
        raw = raw[1:]
    while raw and _fold(raw[-1]) in _LEGAL:
        raw = raw[:-1]
    if len(raw) < 2 or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _LINKING for w in raw):
        return None
    words = tuple(f for f in (_fold(w) if w != "&" else "&" for w in raw) if f)
    return words if len(words) >= 2 and any(len(w) >= 3 for w in words) else None


def _word_at(name: OrgName, offset: int) -> tuple[int, int]:
    """(start, end) in ``joined`` of the word holding ``offset``."""
    at = 0
    for word in name.words:
        if at <= offset < at + len(word):
            return at, at + len(word)
        at += len(word)
    return at, at


def _differing_words(a: OrgName, b: OrgName) -> tuple[str, str, int] | None:
    """The one word whose ending differs, in each name, and the letters of its stem; None if more differs."""
    x, y = a.joined, b.joined
    if x == y:
        return None
    same = 0
    while same < min(len(x), len(y)) and x[same] == y[same]:
        same += 1
    tail = 0
    while tail < min(len(x), len(y)) - same and x[-1 - tail] == y[-1 - tail]:
        tail += 1
    (xs, xe), (ys, ye) = _word_at(a, same), _word_at(b, same)
    if same == len(x):  # a name whose last word ends earlier ("Foods" / "Food")
        xs, xe = _word_at(a, same - 1)
    if same == len(y):
        ys, ye = _word_at(b, same - 1)
    if xs != ys or same - xs < _MIN_STEM or min(xe - xs, ye - ys) < _MIN_WORD:
        return None
    if len(x) - tail > xe or len(y) - tail > ye:  # the difference runs past that word
        return None
    if xe - same > _MAX_ENDING or ye - same > _MAX_ENDING:
        return None
    return x[xs:xe], y[ys:ye], same - xs


def _spelt(word: str) -> str:
    """A word with British and American spellings folded, then its vowels (names._spelling)."""
    word = re.sub(r"(?<=[^aeiou])re$", "er", word)
    word = re.sub(r"ce$", "se", word)
    word = re.sub(r"(?<=[aeiou])z(?=[aeiou])", "s", word)
    return _spelling(word)


def near(a: OrgName, b: OrgName) -> bool:
    """Whether two forms name one organisation: the same words but one, whose ending differs."""
    return a.joined == b.joined or _differing_words(a, b) is not None


def variants(a: OrgName, b: OrgName) -> bool:
    """Whether two near forms are forms of one name (see the module docstring)."""
    if a.joined == b.joined:
        return True
    found = _differing_words(a, b)
    if found is None:
        return False
    x, y, _ = found
    return _spelt(x) == _spelt(y) or _DERIVED.sub("", x) == _DERIVED.sub("", y) or _plain(x) == _plain(y)


def _plain(word: str) -> str:
    return re.sub(r"s$", "", word)
