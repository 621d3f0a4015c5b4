"""Name strings: cleaning, comparison keys and the safe ways two forms may match.

News text names one person or organisation in several ways ("Volodymyr
Zelenskyy", "Zelenskyy", "Zelensky", "the U.S.", "US"). These helpers decide
when two surface forms can be the same name without looking at the text around
them; the entities component decides which ones actually are.
"""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz

# Possessive endings and surrounding noise that are never part of a name.
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_EDGE_PUNCT = " \t\n\"“”‘’'(),;:.-–—"
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_ACRONYM_SKIP = {"of", "and", "the", "for", "on", "in", "de", "la", "du", "&"}
# Letters that transliterations of one name swap or add at its end
# (Zelensky / Zelenskyy / Zelenskiy); a difference outside them is a different name.
_TRANSLIT_TAIL = set("yijeh")


@functools.lru_cache(maxsize=8192)
def clean_name(text: str) -> str:
    """The name without a leading "the", a possessive ending or edge punctuation.

    Keeps inner dots (``U.S.``) but drops a sentence-final one left by the tokenizer.
    """
    text = " ".join(text.split())
    text = _LEADING_ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    stripped = text.strip(_EDGE_PUNCT)
    if text.endswith(".") and "." in stripped:
        stripped += "."  # an abbreviation like "U.S." keeps its last dot
    return stripped


@functools.lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """A comparison key: case, dots, hyphens and spacing do not distinguish names."""
    text = clean_name(text).casefold().replace(".", "")
    return " ".join(re.split(r"[\s\-‐]+", text)).strip()


@functools.lru_cache(maxsize=8192)
def name_tokens(text: str) -> tuple[str, ...]:
    """The words of a name's key, with generational suffixes (Jr., III) dropped."""
    words = name_key(text).split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return tuple(words)


@functools.lru_cache(maxsize=8192)
def surname(text: str) -> str:
    """The last word of a person's name, the form news uses on second mention."""
    words = name_tokens(text)
    return words[-1] if words else ""


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` is the surname, or a shorter trailing run, of ``full``.

    First names alone are not short forms: news repeats surnames, and a bare
    first name is as often someone else ("George" in a story about "George Pullman").
    """
    part, whole = name_tokens(short), name_tokens(full)
    if not part or len(part) >= len(whole):
        return False
    return whole[-len(part) :] == part


def initials(text: str) -> str:
    """Capital initials of a multi-word name ("United States" -> "US")."""
    words = [w for w in re.split(r"[\s\-]+", clean_name(text)) if w and w.casefold() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""


def is_acronym_of(short: str, full: str) -> bool:
    """Whether ``short`` ("NATO", "U.S.") spells the initials of ``full``."""
    letters = clean_name(short).replace(".", "")
    return len(letters) > 1 and letters.isupper() and letters == initials(full)


def is_spelling_variant(a: str, b: str) -> bool:
    """Whether two surnames are transliteration variants of one name.

    Deliberately narrow: both long, a shared stem all but the last two letters,
    a rapidfuzz ratio of at least 85, and the differing tails made only of
    letters transliterations swap (Zelensky/Zelenskyy/Zelenskiy, not
    Johnson/Johnston or Medvedev/Medvedeva).
    """
    a, b = a.casefold(), b.casefold()
    if a == b or min(len(a), len(b)) < 6 or fuzz.ratio(a, b) < 85:
        return False
    stem = _common_prefix(a, b)
    if stem < max(len(a), len(b)) - 2:
        return False
    return set(a[stem:]) | set(b[stem:]) <= _TRANSLIT_TAIL


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def same_person_name(a: str, b: str) -> bool:
    """Whether two full forms name one person: equal keys, or variant surnames with
    compatible given names (equal, or one an initial of the other)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if ta[-1] != tb[-1] and not is_spelling_variant(ta[-1], tb[-1]):
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    return ta[0] == tb[0] or ta[0][0] == tb[0][0] and min(len(ta[0]), len(tb[0])) == 1
