"""The characters a regular expression's match can start with, as a lookahead guard.

The date rules are thirty patterns tried at every word of an article. Python's
``re`` tries each alternative of a union in turn, entering its optional groups
before it fails on the first character; a one-character class in front of each
alternative (``(?=[Ll]|...)``) fails faster, and matches exactly the same,
because it only states what the alternative itself requires.

The set is read from the parsed pattern (``re._parser``): literals, character
classes and their case-insensitivity, through groups, alternatives, optional
and repeated parts and zero-width assertions. Anything it cannot bound (a dot,
a negated class, a back-reference, a pattern that can match the empty string)
gives None, and the caller uses the pattern unguarded.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # the parser is private (and untyped); without it patterns simply go unguarded
    sre: Any = importlib.import_module("re._constants")
    sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    sre = sre_parse = None

# A class fragment ("a-z", "\\d") and whether it is matched ignoring case.
Fragment = tuple[str, bool]


def guarded(pattern: str) -> str:
    """``pattern`` behind a lookahead for its possible first characters, or unchanged."""
    fragments = first_chars(pattern)
    if not fragments:
        return pattern
    exact = "".join(text for text, ignore_case in fragments if not ignore_case)
    folded = "".join(text for text, ignore_case in fragments if ignore_case)
    classes = ([f"[{exact}]"] if exact else []) + ([f"(?i:[{folded}])"] if folded else [])
    guard = f"(?={'|'.join(classes)})(?:{pattern})"  # the group keeps a top-level "|" behind the guard
    try:
        re.compile(guard)
    except re.error:  # a global flag such as "(?i)" must open the pattern
        return pattern
    return guard


def first_chars(pattern: str) -> list[Fragment] | None:
    """Class fragments covering every character a match of ``pattern`` can start with."""
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    fragments, can_be_empty = _sequence(parsed.data, parsed.state.flags)
    return None if fragments is None or can_be_empty else fragments


def _sequence(items: list[tuple[Any, Any]], flags: int) -> tuple[list[Fragment] | None, bool]:
    """First characters of a sequence, and whether it can match the empty string."""
    found: list[Fragment] = []
    for op, arg in items:
        fragments, can_be_empty = _item(op, arg, flags)
        if fragments is None:
            return None, False
        found += fragments
        if not can_be_empty:
            return found, False
    return found, True


def _item(op: Any, arg: Any, flags: int) -> tuple[list[Fragment] | None, bool]:
    """First characters of one parsed item, and whether it can match the empty string."""
    ignore_case = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL:
        return [(_literal(arg), ignore_case)], False
    if op is sre.IN:
        parts = [_class_part(o, a) for o, a in arg]
        if any(part is None for part in parts):
            return None, False
        return [("".join(p for p in parts if p is not None), ignore_case)], False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [], True  # zero-width: says nothing about the first character
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, inner = arg
        fragments, can_be_empty = _sequence(inner.data, flags)
        return fragments, can_be_empty or low == 0
    if op is sre.SUBPATTERN:
        _group, add, remove, inner = arg
        return _sequence(inner.data, (flags | add) & ~remove)
    if op is sre.ATOMIC_GROUP:
        return _sequence(arg.data, flags)
    if op is sre.BRANCH:
        return _branch(arg[1], flags)
    return None, False  # any character, a negated literal, a back-reference: no bound


def _branch(alternatives: list[Any], flags: int) -> tuple[list[Fragment] | None, bool]:
    found: list[Fragment] = []
    empty = False
    for alternative in alternatives:
        fragments, can_be_empty = _sequence(alternative.data, flags)
        if fragments is None:
            return None, False
        found += fragments
        empty = empty or can_be_empty
    return found, empty


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _literal(code: int) -> str:
    return f"\\U{code:08x}"


def _class_part(op: Any, arg: Any) -> str | None:
    """One member of a character class, written for a new class; None for a negation."""
    if op is sre.LITERAL:
        return _literal(arg)
    if op is sre.RANGE:
        return f"{_literal(arg[0])}-{_literal(arg[1])}"
    if op is sre.CATEGORY:
        return _CATEGORIES.get(str(arg))
    return None
