"""Name keys: how a written name is normalised before entities are compared.

Shared by ``link.entity_names`` (which decides when two entities are one) and
``store`` (which looks names up in the knowledge base), so that both fold a
name the same way. See ``link/entity_names.py`` for the rules built on them.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Folded name -> folded canonical name: the same referent under another written name.
KNOWN_ALIASES = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "kiev": "kyiv",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")


@functools.lru_cache(maxsize=16384)  # a pure function of the text, asked many times per name in linking
def fold(text: str) -> str:
    """A name as compared: no diacritics, case, dots, apostrophes, hyphens or leading "the"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = _POSSESSIVE.sub("", " ".join(text.split()))
    text = text.replace(".", "").replace("'", "")
    text = re.sub(r"[^\w\s]", " ", text)
    return _LEADING_THE.sub("", " ".join(text.split()))


def skeleton(word: str) -> str:
    """The letters transliterations of one name share: y = i, final j = i, doubles once."""
    word = word.replace("y", "i")
    if word.endswith("j"):
        word = word[:-1] + "i"
    return re.sub(r"(.)\1+", r"\1", word)


@functools.lru_cache(maxsize=16384)
def person_words(name: str) -> tuple[str, ...]:
    """The skeletons of a person's name words, generational suffixes (Jr., III) dropped."""
    words = fold(name).split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return tuple(skeleton(w) for w in words)


def canonical(name: str) -> str:
    """A folded non-person name, through the known-alias table."""
    folded = fold(name)
    return KNOWN_ALIASES.get(folded, folded)
