"""Who a relayed claim comes from, so two outlets relaying one source count it once.

Articles name one source in several ways: "Harbor Works sources" and "a
spokesman for the Harbor Works", "a spokesperson from Kelmar" and "a spokesman
for Kelmar", "the Norland Geological Survey" and its initials "NGS". A claim
relayed from the same source by two outlets is one source's word, not two
(corroboration.independent_sources); counting it twice shows a fact as
confirmed when only one body said it.

``source_key`` strips the words that say which mouthpiece spoke (a
spokesman for, sources, officials, a statement from) and keeps the body's
name; ``same_source`` also joins a name and its initials.
"""

from __future__ import annotations

import re

from .context import normalise

# Before the body's name: who in it spoke, or what it issued ("a spokesman for the", "a statement from").
_MOUTHPIECE_BEFORE = re.compile(
    r"^(?:(?:an?|the|one)\s+)?(?:senior\s+|chief\s+)?"
    r"(?:spokes(?:man|woman|person|people)|officials?|representatives?|statement|release|source|press office)"
    r"\s+(?:for|from|of|at|with)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# After the body's name: "Kelmar sources", "Kelmar officials", "a Kelmar spokesman", "an NGS release".
_MOUTHPIECE_AFTER = re.compile(
    r"\s+(?:sources?|officials?|spokes(?:man|woman|person|people)|representatives?|statement|release)$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)


def source_key(name: str) -> str:
    """The body a source names, in ``normalise``'s form: "A spokesman for the Kelmar Group" -> "kelmar group"."""
    text = " ".join(name.split())
    text = _MOUTHPIECE_BEFORE.sub("", text)
    text = _MOUTHPIECE_AFTER.sub("", text)
    text = _ARTICLE.sub("", text)
    return normalise(text) or normalise(name)


def initials(name: str) -> str:
    """The initials of a name's capitalised words, an all-capital word kept whole ("US Geological Survey" -> "USGS")."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if w[0].isupper()]
    return "".join(w if w.isupper() else w[0] for w in words).upper()


# Common nouns that name no one body: "police" and "Troy police" may be two forces.
_GENERIC = frozenset({"police", "authorities", "officials", "witnesses", "prosecutors", "reports", "doctors", "media"})


def same_source(a: str, b: str) -> bool:
    """Whether two source names name one body (module docstring).

    The same key; or one key ends the other and is a name ("Geological Survey" in "the
    Norland Geological Survey", "Kettle" in "Dana Kettle"), not a common noun
    ("police"); or one is the other's initials (two letters or more).
    """
    key_a, key_b = source_key(a), source_key(b)
    if key_a == key_b:
        return True
    fewer, more = sorted((key_a.split(), key_b.split()), key=len)
    if fewer and more[-len(fewer) :] == fewer and not (len(fewer) == 1 and fewer[0] in _GENERIC):
        return True
    return _initials_of(a, b) or _initials_of(b, a)


def _initials_of(short: str, long: str) -> bool:
    """Whether ``short`` is in capitals and the initials of ``long``'s body ("NGS": "Norland Geological Survey")."""
    bare = _ARTICLE.sub("", _MOUTHPIECE_AFTER.sub("", short.strip()))
    if not re.fullmatch(r"[A-Z]{2,6}", bare) or len(long.split()) < 2:
        return False
    return initials(_ARTICLE.sub("", _MOUTHPIECE_AFTER.sub("", _MOUTHPIECE_BEFORE.sub("", long.strip())))) == bare
