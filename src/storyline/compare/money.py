"""Sums of money a story turns on: what a company pays for another, what the damage cost.

Outlets report these sums from different sources and disagree ("storm damage
put at $3 million" against "150 million euros in one city alone"). Two kinds
of sum are read, each with a subject that says what it is of:

- the price of an acquisition: "agreed to buy Kelmar for $2.3 billion",
  "will pay $410 million for Kelmar Inc.", "is paying roughly $2.3 billion
  to acquire Kelmar"; the subject is the bought company's name (the last
  capitalised word before "for", a legal suffix dropped: "Kelmar
  Technologies Inc." is "kelmar"; a state's name, "the Dutch chip-maker", is
  no company), so another deal the story mentions is another subject;
- the cost of the damage: "damage was put at $3 million", "caused 150
  million euros of damage"; a cost that names its place ("in Tarsk alone") is
  compared only with costs for the same place, as damage counts are.

A sum is an interval, as counts are ("about", "an estimated", "more than",
"at least"); a bare sum is read as rounded (within 2%). A part of a price
("$190 million in cash", "$45m in shares") is no price. Sums in two
currencies are compared at rough rates with a wide margin (rates move by a
third over a few years), so only a plain disagreement shows: $3 million
against 150 million euros, not $170 million against 150 million euros.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .context import country_of, normalise
from .damage import scope
from .numbers import background, parse_number

# Rough value in US dollars of one unit of each currency; the margin below absorbs their movement.
RATES = {"usd": 1.0, "eur": 1.2, "gbp": 1.4}
_CURRENCY_MARGIN = 1.6
_ROUNDED = 0.02
_SYMBOL = {"$": "usd", "us$": "usd", "usd": "usd", "€": "eur", "eur": "eur", "£": "gbp", "gbp": "gbp"}
_WORD = {"dollars": "usd", "us dollars": "usd", "euros": "eur", "euro": "eur", "pounds": "gbp"}
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9}
_NUM = r"\d{1,3}(?:(?:,| , )\d{3})+(?!\d)|\d+(?:\s?\.\s?\d+)?"
_QUAL = (
    r"(?:an estimated|estimated|about|around|approximately|roughly|some|nearly|almost|more than|over|at least"
    r"|up to|as much as|less than)"
)
AMOUNT = (
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<sym>US\s?\$|\$|€|£|USD|EUR|GBP)\s?(?P<n1>{_NUM})(?:\s?-?\s?(?P<s1>thousand|million|billion|bn|mn|[mkb]))?\b"
    rf"|(?P<n2>{_NUM})\s(?P<s2>thousand|million|billion)?\s?(?P<word>US dollars|dollars|euros?|pounds)\b)"
)
_BUY = r"(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|purchases|purchased|purchasing)"
_PAY = r"(?:pay|pays|paid|paying)"
_PRICE = [
    re.compile(rf"\b{_BUY}\s+(?P<obj>(?:[^.;$€£]|\.(?!\s+(?-i:[A-Z]))){{1,70}}?)\s+for\s+{AMOUNT}", re.IGNORECASE),
    re.compile(
        rf"\b{_PAY}\s+{AMOUNT}(?:\s+in cash and (?:stock|shares))?\s+(?:for|to {_BUY})\s+(?P<obj>[^.;,$€£]{{1,70}})",
        re.IGNORECASE,
    ),
]
_DAMAGE = [
    re.compile(
        rf"\bdamages?\b[^.;$€£]{{0,120}}?\b(?:at|of|to|totall?ing|reached|reaching|is|was|were|are)\s+{AMOUNT}",
        re.IGNORECASE,
    ),
    re.compile(rf"{AMOUNT}\s*(?:\([^)]{{0,40}}\)\s*)?(?:worth\s+of|in|of)\s+(?:[\w-]+\s+){{0,2}}?damages?\b", re.I),
]
# After a sum: it is a part of the price ("$190 million in cash", "$45m in shares").
_PART = re.compile(r"\s*in\s+(?:cash|stock|shares)\b(?!\s+and\s+(?:stock|shares))", re.IGNORECASE)
_LEGAL = frozenset(
    {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group", "holdings", "technologies", "sa", "ag"}
)


@dataclass(frozen=True, slots=True)
class Sum:
    """A sum read from text: what it is of (``subject``), the interval in ``currency``, the phrase, offsets."""

    subject: str
    low: float
    high: float
    currency: str
    text: str
    start: int
    end: int


def sums(text: str) -> Iterator[Sum]:
    """Acquisition prices and costs of damage in ``text`` (module docstring), outside background sentences."""
    for pattern in _PRICE:
        for match in pattern.finditer(text):
            name = company(match["obj"])
            if name and not _PART.match(text, match.end()):
                yield from _read(match, f"price of {name}", text)
    for pattern in _DAMAGE:
        for match in pattern.finditer(text):
            for found in _read(match, "cost of the damage", text):
                where = scope(text, found.start, max(found.end, match.end()))
                yield replace(found, subject=f"{found.subject} in {where}") if where else found


def _read(match: re.Match[str], subject: str, text: str) -> Iterator[Sum]:
    """The sum of a match as an interval, or nothing when its sentence is background."""
    start = min(match.start(g) for g in ("qual", "sym", "n1", "n2") if match[g])
    end = max(match.end(g) for g in ("n1", "s1", "n2", "s2", "word") if match[g])
    number = parse_number(re.sub(r"\s?\.\s?", ".", match["n1"] or match["n2"]))
    if number is None or background(text, start, end):
        return
    scale = _SCALE.get((match["s1"] or match["s2"] or "").lower(), 1.0)
    symbol = (match["sym"] or "").lower().replace(" ", "")
    currency = _SYMBOL.get(symbol) or _WORD.get((match["word"] or "").lower(), "usd")
    low, high = _interval(match["qual"], number * scale)
    yield Sum(subject, low, high, currency, text[start:end], start, end)


def _interval(qualifier: str | None, value: float) -> tuple[float, float]:
    qual = (qualifier or "").lower()
    if qual in {"more than", "over", "at least"}:
        return value, math.inf
    if qual in {"up to", "as much as", "less than"}:
        return 0.0, value
    if qual in {"nearly", "almost"}:
        return value * 0.85, value
    if qual:
        return value * 0.85, value * 1.15
    return value * (1 - _ROUNDED), value * (1 + _ROUNDED)


def company(phrase: str) -> str | None:
    """The bought company's name in a phrase: its last capitalised word, legal suffixes dropped (module docstring)."""
    words = [w.rstrip(".") for w in re.findall(r"\b[A-Z][\w&'-]*\.?", phrase)]
    while words and words[-1].lower() in _LEGAL:
        words.pop()
    if not words or len(words[-1]) < 2 or country_of(words[-1]):
        return None
    return normalise(words[-1]) or None


def sums_compatible(a: tuple[float, float, str], b: tuple[float, float, str]) -> bool:
    """Whether two sums may be one: overlapping intervals in one currency, or within the margin across two."""
    (a_low, a_high, a_cur), (b_low, b_high, b_cur) = a, b
    if a_cur == b_cur:
        return a_low <= b_high and b_low <= a_high
    rate_a, rate_b = RATES[a_cur], RATES[b_cur]
    return a_low * rate_a <= b_high * rate_b * _CURRENCY_MARGIN and b_low * rate_b <= a_high * rate_a * _CURRENCY_MARGIN
