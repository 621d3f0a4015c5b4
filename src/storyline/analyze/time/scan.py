"""Where temporal expressions are in a text, and what one expression means.

The two entry points of the rule engine (rules.py): ``find_rule_spans`` scans
an article for every place a rule matches, ``read`` resolves a piece of text
that spaCy found. They need every rule registered, so this module imports the
rule modules (absolute.py, relative.py), which import only the engine: the
engine never imports its rules, and there is no cycle.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from . import absolute, relative  # noqa: F401  (importing registers their @rule handlers)
from .firstchars import guarded
from .rules import (
    FINDER_START,
    MONTH_FULL,
    NAMED_GROUP,
    RULES,
    TIME_WORDS,
    YEAR,
    Reading,
    Rule,
    When,
    is_not_date,
    parse_absolute,
    strip_mod,
)


def find_rule_spans(text: str) -> Iterator[tuple[int, int, Rule]]:
    """Every place a rule matches in ``text`` (overlapping; the caller keeps the longest).

    The same matches, in the same order, as each rule's ``finder.finditer``
    in turn; but the text is scanned once, for the places where any rule
    could start, and each rule is tried only there. Thirty scans of the whole
    text took a fifth of the analysis time.
    """
    finders = [(item, item.finder) for item in RULES if item.finder is not None]
    starts = _rule_starts(tuple(finder.pattern for _, finder in finders))
    if starts is None:
        found = [list(finder.finditer(text)) for _, finder in finders]
    else:
        found = _matches_at(starts, [finder for _, finder in finders], text)
    for (item, _), matches in zip(finders, found, strict=True):
        yield from ((match.start("core"), match.end("core"), item) for match in matches)


def _matches_at(starts: re.Pattern[str], finders: list[re.Pattern[str]], text: str) -> list[list[re.Match[str]]]:
    """Each finder's ``finditer`` matches, trying it only where ``starts`` matches."""
    found: list[list[re.Match[str]]] = [[] for _ in finders]
    resume = [0] * len(finders)  # where each finder's own scan would go on: its matches do not overlap
    for place in starts.finditer(text):
        at = place.start()
        for n, finder in enumerate(finders):
            match = finder.match(text, at) if at >= resume[n] else None
            if match is not None:
                found[n].append(match)
                resume[n] = max(match.end(), at + 1)
    return found


@functools.lru_cache(maxsize=4)
def _rule_starts(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One zero-width pattern that matches wherever any of ``patterns`` does.

    Each finder is the word-start lookbehind plus a pattern of its own; the
    union keeps the lookbehind once and looks ahead for any of the rest, their
    named groups made plain and each behind a guard on its first character
    (:mod:`firstchars`). None (scan rule by rule) when a finder does not have
    that shape.
    """
    if not all(p.startswith(FINDER_START) for p in patterns):
        return None
    bodies = [guarded(NAMED_GROUP.sub("(?:", p.removeprefix(FINDER_START))) for p in patterns]
    try:
        return re.compile(FINDER_START + "(?=" + "|".join(bodies) + ")")
    except re.error:
        return None


def apply(item: Rule, text: str, when: When) -> Reading | None:
    """Resolve ``text`` with one rule (the one that found it)."""
    match = item.pattern.fullmatch(text)
    return item.handler(match, when) if match else None


def read(text: str, when: When, *, rules_only: bool = False) -> Reading | None:
    """Resolve an expression found by someone else (spaCy); None when it is not a date.

    The first rule that matches the whole text decides; a text no rule knows
    goes to dateparser if it names a month or a year, else it is kept as a
    temporal expression without a value ("the summer", "recent weeks").
    """
    text = re.sub(r"\s+", " ", text.strip())
    for item in RULES:
        if item.pattern.fullmatch(text):
            return apply(item, text, when)
    if rules_only or is_not_date(text):
        return None
    if re.search(rf"\b(?:{MONTH_FULL})\b|\b{YEAR}", text):
        has_year = re.search(rf"\b{YEAR}", text) is not None
        return parse_absolute(strip_mod(text), when, has_year)
    return Reading(None, "unknown") if TIME_WORDS.search(text) else None
