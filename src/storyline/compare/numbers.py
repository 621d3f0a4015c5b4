"""Counts as intervals: "at least 12", "about 30", "eighty-five" people killed.

A reported count is an interval of what it allows: "at least 12" is
[12, inf), "more than 12" (12, inf) read as [13, inf), "up to 40" [0, 40],
"about/around/nearly 30" a band around 30, "85" and "eighty-five" [85, 85].
Two counts agree when their intervals overlap; a larger count in a later
report is an update of a toll, not a disagreement.

Only counts of what a story tallies are read (``COUNTED``): people killed,
injured, missing, arrested, displaced, held, and the size of a crowd
("about 5,000 protesters", "20,000 people marched"). A bare number ("two hours",
"$50 million") has no subject to compare across articles and is left alone.

What is not a tally of the story's happening is not read (measured on real
multi-outlet coverage, benchmarks/conflict_audit.py):

- a part of a group ("two of the four hikers died" counts two; "a father
  of seven was killed" and "one of the wounded" count nothing);
- a number whose words to the counted noun start another clause ("killed
  one person and injured two", "the 1998 flood that killed");
- a year ("the 2004 tsunami killed"), a vague amount ("several dozen",
  "hundreds of"), a piece of a number ("250 , 000" is read whole);
- "no one was killed" is a count of zero, not of one.

``background`` tells a sentence about another happening (a year, "last
year", "ago", "so far"): its counts are a different subject (facts.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .context import sentence_bounds, sentence_with_decimals

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}

# What is counted -> the attribute compared. Word forms after the number (with up
# to three words between, "12 people were killed") pick the attribute.
COUNTED: dict[str, str] = {
    "killed": "killed", "dead": "killed", "deaths": "killed", "died": "killed", "fatalities": "killed",
    "bodies": "killed", "lives": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "missing": "missing", "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
    "displaced": "displaced", "evacuated": "displaced", "refugees": "displaced",
    "hostages": "held", "prisoners": "held", "captives": "held",
    "protesters": "crowd", "protestors": "crowd", "demonstrators": "crowd", "marchers": "crowd",
    "marched": "crowd", "protested": "crowd", "demonstrated": "crowd", "rallied": "crowd",
    "took to the streets": "crowd", "turned out": "crowd",
}  # fmt: skip
# Tallies that only grow as a happening unfolds: a larger one in a later report
# is an update. A crowd has one size; a later, larger estimate disagrees.
GROWING = frozenset({"killed", "injured", "missing", "arrested", "displaced", "held", "damaged", "destroyed"})
# Groups counted within a toll: "four pupils were killed" is not the toll of
# the happening, so such a count is compared only with counts of the same group.
SUBGROUPS = frozenset(
    [
        "children", "kids", "babies", "infants", "girls", "boys", "women", "men", "students", "pupils",
        "teachers", "soldiers", "troops", "officers", "policemen", "police", "militants", "relatives",
        "members", "professors", "employees", "workers", "staff", "firefighters", "journalists", "tourists",
        "foreigners", "miners", "passengers", "crew",
    ]
)  # fmt: skip
# "nine people seriously injured" counts the worst hurt, a part of all the injured.
SEVERITY = frozenset({"seriously", "critically", "severely", "badly", "gravely", "slightly", "lightly"})
# How a subject is named in the brief, per attribute.
SUBJECTS = {"crowd": "people at the protest"}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
# "1,200", tokenised "1 , 200", European "1.200", "85", "2.5"
_DIGITS = r"\d{1,3}(?:(?:,| , )\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?![\d.,])|\d+(?:\.\d+)?"
_NUMBER = (
    rf"(?:{_DIGITS}|(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))?)(?:\s+(?:hundred|thousand|million))?"
    r"|no\s*-?\s*one|nobody|none|no"
)
_QUALIFIER = (
    r"(?:no more than|no fewer than|no less than|at least|more than|more(?=\s+\d)|over|upwards of|at most|up to"
    r"|fewer than|less than"
    r"|nearly|almost|about|around|some|roughly|approximately)"
)
# The number and qualifier patterns, for other readers of counts (damage.py).
NUMBER, QUALIFIER = _NUMBER, _QUALIFIER
_COUNT = re.compile(
    rf"\b(?P<qual>{_QUALIFIER}\s+)?(?<![\d.,])(?<!\d [.,] )(?<!\d[.,] )(?P<num>{_NUMBER})\b"
    rf"(?P<gap>(?:\s+[\w-]+){{0,3}}?)\s+"
    rf"(?P<what>{'|'.join(sorted(COUNTED, key=len, reverse=True))})\b",
    re.IGNORECASE,
)


# A verb before the count: "killing at least four people", "wounded three others".
VERB_COUNTED: dict[str, str] = {
    "killed": "killed", "killing": "killed", "kills": "killed",
    "injured": "injured", "injuring": "injured", "wounded": "injured", "wounding": "injured", "injures": "injured",
    "arrested": "arrested", "arresting": "arrested", "detained": "arrested", "detaining": "arrested",
    "evacuated": "displaced", "evacuating": "displaced", "displaced": "displaced", "displacing": "displaced",
}  # fmt: skip
_VERB_COUNT = re.compile(
    rf"\b(?P<what>{'|'.join(VERB_COUNTED)})\s+(?P<qual>{_QUALIFIER}\s+)?(?<![\d.,])(?P<num>{_NUMBER})\b"
    r"(?!\s+(?:of|years?|hours?|days?|weeks?|months?|percent|per cent|times)\b)(?!\s*[%.,]\d)"
    r"(?!\s*(?:[ap]\s*\.\s*m\b|[ap]m\b|:|o'clock))",
    re.IGNORECASE,
)
# "the death toll rose to 11", "a death toll of at least 24".
_TOLL = re.compile(
    rf"\bdeath toll\b[^.;]{{0,50}}?\b(?:to|of|at|reached|hit)\s+(?P<qual>{_QUALIFIER}\s+)?(?P<num>{_NUMBER})\b"
    r"(?!\s*(?:%|percent|per cent))",
    re.IGNORECASE,
)
# Words that, between the number and the counted noun, start another clause or a part-of phrase.
_CLAUSE_GAP = re.compile(
    r"\b(?:and|or|but|that|which|who|whom|whose|when|while|after|before|of|to|from|than|by|in|at|on|else|years?|"
    r"hours?|days?|weeks?|months?|percent|per cent)\b",
    re.IGNORECASE,
)
# What befell a counted crowd: "300 marchers were detained".
_FATE = re.compile(
    r"\s+(?:have been|has been|had been|were|was|are|got)\s+(?P<verb>detained|arrested|killed|injured|wounded|hurt)\b",
    re.IGNORECASE,
)
# Before a counted crowd: what was done to it ("detained 400 protesters").
_DONE_TO = re.compile(
    r"\b(?P<verb>killed|killing|injured|injuring|wounded|wounding|arrested|arresting|detained|detaining)\s+$",
    re.IGNORECASE,
)
# Before the number: a vague amount ("several dozen") or a part-of phrase ("of the", "mother of").
_VAGUE_BEFORE = re.compile(r"\b(?:several|many|few|dozens|hundreds|thousands|tens|scores|of|of the)\s+$", re.I)
# Before the number: a capacity, not a tally ("enough supplies for 15,000 refugees", "room for 500").
_CAPACITY_BEFORE = re.compile(
    r"(?:\benough\b(?:\s+[\w-]+){0,3}\s+for|\bcapacity\s+(?:of|for)|\b(?:room|space|beds|shelter)\s+for"
    r"|\bcan\s+(?:hold|house|accommodate|take))\s+(?:up to\s+|about\s+|some\s+)?$",
    re.IGNORECASE,
)
_EARLIER = re.compile(r"\b(?:prior|previous|earlier|past|former)\b", re.IGNORECASE)
_PART_OF = re.compile(rf"\b(?P<part>{_NUMBER})\s+of(?:\s+the)?\s+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# After "no": words that make it no more of something, not a count of zero ("no further injuries",
# "no new arrests", "no longer missing"): the happening's own tally is left standing.
_NONE_MORE = re.compile(r"\b(?:further|new|more|other|additional|fresh|longer|immediate)\b", re.IGNORECASE)
_BACKGROUND = re.compile(
    r"\b(?:(?:1[89]|20)\d\d|last (?:year|month|decade)|earlier this (?:year|month)|(?:years|months|decades) ago"
    r"|so far|(?:a|his|her|their|its) history of|civil wars?|world wars?|since (?:the |it )?\w+ (?:began|started)"
    r"|(?:a|an|the|its|their) previous (?!(?:toll|count|tally|figure|estimate|report)s?\b)\w+"
    r"|since the (?:start|beginning|conflict|war|offensive)"
    r"|in (?:early |late )?(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b(?!\s*\d))\b",
    re.IGNORECASE,
)


_AFTER_REACH = 80  # characters after a count within which a year still dates it ("died in the war, from 1983")


# A place narrower than the happening: a count there is part of the toll, not the toll.
# "the town of X", "the village of X" name the settlement where the happening took place,
# so a settlement is narrower only when it is not introduced by name that way ("in one
# town", "in two villages"); a district or a county stays a part however it is named.
_LOCAL = re.compile(
    r"\b(?:in|at|from)\s+(?:the\s+|a\s+|one\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:district|(?:village|town)(?!\s+of\b)|neighbou?rhood|camp|hospital|clinic|county|ward)s?\b",
    re.IGNORECASE,
)
# Where the clause of a count ends: a comma, a semicolon, a dash or a parenthesis.
_CLAUSE_END = re.compile(r"[,;(]| [–—-] ")


# A time narrower than the happening: one day's or one night's arrests are part of the total.
# Read for tallies that accumulate over days of unrest (arrests, the displaced), not for a toll,
# whose sentence names the happening's own day ("killed in Tuesday's attack").
SPELL_SCOPED = frozenset({"arrested", "displaced"})
_ONE_SPELL = re.compile(
    r"\b(?:(?:over the course of|during|on|in)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*'\s*s"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(?:night|morning|afternoon|evening)"
    r"|(?:last|that|one|a single) (?:night|day)|overnight|tonight"
    r"|in the (?:past|last) (?:\d+|twenty-four) hours)\b",
    re.IGNORECASE,
)
# Unrest over several nights or days: "the third night of rioting", "four nights of clashes",
# "nights of protesting", "arrests over three nights". Whatever the unrest is called, a count of
# nights (or a count of days followed by "of") is a spell of several.
_ORDINAL = r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
_SEVERAL = r"two|three|four|five|six|seven|eight|nine|ten|several|successive|consecutive|\d+"
_SPELLS = re.compile(
    rf"\b(?:(?:{_ORDINAL})\s+(?:straight\s+|consecutive\s+|successive\s+)?(?:night|day)"
    rf"|(?:{_SEVERAL})\s+(?:straight\s+|consecutive\s+|successive\s+)?(?:nights|days)\s+of\s+[a-z]"
    rf"|(?:over|for|across)\s+(?:the\s+(?:past|last)\s+)?(?:{_SEVERAL})\s+(?:straight\s+|consecutive\s+)?nights"
    r"|nights\s+of\s+[a-z]|night\s+after\s+night)",
    re.IGNORECASE,
)
# A speaker counting what they themselves took in ("we have received 50 injured"): one facility's tally.
_OWN_INTAKE = re.compile(
    r"\b(?:we|I)\s+(?:have\s+|had\s+|'ve\s+)?(?:received|treated|admitted|seen|taken in|registered)\b",
    re.IGNORECASE,
)


def local(text: str, start: int, end: int, attribute: str = "") -> bool:
    """Whether the count's sentence confines it to a part of the happening, so it is not the total.

    A part of the area ("in Tarsk district", "at a clinic") before the count
    or in its clause, one spell of days of unrest for arrests and the displaced
    ("75 arrests during Friday's marches", "on Friday night", "overnight"), or a
    speaker's own intake ("we have received 50 injured"). An article that tells
    of unrest over several nights or days ("a third night of rioting", "four
    nights of clashes") counts its arrests per night or in all, often in other
    sentences than the count's, so its arrest counts are taken as parts too.
    """
    left, right = sentence_bounds(text, start, end)
    spell = attribute in SPELL_SCOPED and (_ONE_SPELL.search(text, left, right) or _SPELLS.search(text))
    return bool(
        spell or _LOCAL.search(text, left, clause_end(text, end, right)) or _OWN_INTAKE.search(text, left, right)
    )


def clause_end(text: str, end: int, right: int) -> int:
    """Where the clause of a count ending at ``end`` ends, within its sentence (which ends at ``right``).

    A place after the count confines it only within its clause: in "12 died, most of them in one
    village" the village is a part of the toll, not where the 12 died. Before the count, the whole
    sentence counts ("In one district, 10 died").
    """
    stop = _CLAUSE_END.search(text, end, right)
    return stop.start() if stop else right


def background(text: str, start: int, end: int) -> bool:
    """Whether the count at ``start:end`` is dated to an earlier or a cumulative happening.

    A year or "last year", "so far", ... before the count in its sentence, or
    after it in its clause ("the 2004 tsunami killed", "died in the famine of
    1921"); a year in a later clause ("..., the largest protest since 2019")
    does not date it.
    """
    left, right = sentence_with_decimals(text, start, end)
    clause = re.split(r"[,;(]| [–—] ", text[end : min(right, end + _AFTER_REACH)])[0]
    if _BACKGROUND.search(text, left, start) or _BACKGROUND.search(clause):
        return True
    return _continues_background(text, left, right)


# An earlier time named: a year, "last month", "years ago", "in March" (no day number after it).
_EARLIER_TIME = re.compile(
    r"\b(?:(?:1[89]|20)\d\d|last (?:year|month|decade)|earlier this (?:year|month)|(?:years|months|decades) ago"
    r"|in (?:early |late )?(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b(?!\s*\d))\b",
    re.IGNORECASE,
)


def told_as_earlier(text: str, start: int) -> bool:
    """Whether the clause opening at ``start`` (an event's span) is dated to an earlier time.

    The sentence before ``start`` or the clause that opens there names a year, "last month",
    "years ago" or a month ("In March 2019, Norland shelled ..."). Unlike ``background``, what
    has happened "so far" or "since the war began" is no earlier happening: it runs up to now.
    """
    left, right = sentence_with_decimals(text, start, start)
    clause = re.split(r"[,;(]| [–—] ", text[start : min(right, start + _AFTER_REACH)])[0]
    return bool(_EARLIER_TIME.search(text, left, start) or _EARLIER_TIME.search(clause))


_DAY_ANCHOR = re.compile(
    r"\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening|week)"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
    re.IGNORECASE,
)


def _continues_background(text: str, left: int, right: int) -> bool:
    """Whether the sentence goes on with background: the previous sentence opens on an earlier time
    ("In April last year a quake ... . Five people died in the quake.") and this one names no day of its own.

    Paragraph breaks are not a limit: many pages put every sentence in a paragraph of its own.
    """
    if left == 0 or _DAY_ANCHOR.search(text, left, right):
        return False
    before, _ = sentence_with_decimals(text, left - 2, left - 1)
    return bool(_BACKGROUND.search(text[before : before + 30]))


@dataclass(frozen=True, slots=True)
class Count:
    """A count read from text: what is counted, the interval, the phrase and its offsets."""

    attribute: str
    low: float
    high: float
    text: str
    start: int
    end: int
    group: str | None = None  # a SUBGROUPS noun ("children") when the count is of that group only


def parse_number(text: str) -> float | None:
    """ "1,200" -> 1200, "eighty-five" -> 85, "three hundred" -> 300, "a dozen" -> 12; None if unreadable.

    Dots grouping digits in threes ("1.200", "12.500.000") separate thousands, as in
    European writing: a decimal is written with fewer places ("2.5") or with a scale
    word ("1.250 million").
    """
    text = text.lower().strip()
    if re.fullmatch(r"no\s*-?\s*one|nobody|none|no", text):
        return 0.0
    text = re.sub(r"(?<=\d) , (?=\d{3})", ",", text)
    scale = 1
    for word, value in _SCALES.items():
        if text.endswith(" " + word):
            text, scale = text[: -len(word) - 1].strip(), value
    if scale == 1 and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))  # "1.200": a European thousands separator, not 1.2
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", text):
        return float(text.replace(",", "")) * scale
    if text in _UNITS:
        return float(_UNITS[text]) * scale
    parts = re.split(r"[- ]", text)
    if parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in _UNITS)):
        return float(_TENS[parts[0]] + (_UNITS[parts[1]] if len(parts) == 2 else 0)) * scale
    return None


def interval(qualifier: str | None, value: float) -> tuple[float, float]:
    """The values a qualified count allows (see the module docstring)."""
    qual = " ".join((qualifier or "").lower().split())
    if qual in {"at least", "no fewer than", "no less than"}:
        return value, math.inf
    if qual in {"more than", "more", "over", "upwards of"}:  # "more 50": a dropped "than"
        return value + 1, math.inf
    if qual in {"at most", "up to", "no more than"}:
        return 0, value
    if qual in {"fewer than", "less than"}:
        return 0, value - 1
    if qual in {"nearly", "almost"}:
        return math.floor(value * 0.85), value
    if qual in {"about", "around", "some", "roughly", "approximately"}:
        return math.floor(value * 0.85), math.ceil(value * 1.15)
    return value, value


# One more victim after a toll: "killing two and injuring a third", "two dead and another wounded".
_ONE_MORE = re.compile(
    r"\b(?:(?P<verb>injuring|wounding|injured|wounded|hurting)\s+(?:critically\s+|seriously\s+)?"
    rf"(?:a third|a fourth|another)\b(?!\s+(?:\d|(?:{_NUMBER_WORD})\b))"
    rf"|(?:another|a third|a fourth)(?:\s+(?!(?:{_NUMBER_WORD})\b)[a-z-]+){{0,2}}?\s+(?:was\s+|were\s+)?"
    r"(?P<fate>injured|wounded|hurt)\b)",
    re.IGNORECASE,
)
# The children of a person: "a father of seven" (a part-of phrase for tolls, a count of its own here).
_PARENT_OF = re.compile(
    rf"\b(?P<parent>mother|father)\s+of\s+(?P<num>\d{{1,2}}|(?:{_NUMBER_WORD}))\b(?!\s*[,.]?\s*\d)", re.IGNORECASE
)


def counts(text: str, start: int = 0, end: int | None = None) -> Iterator[Count]:
    """Every tallied count in ``text[start:end]`` ("at least 12 people were killed", "killing five")."""
    stop = len(text) if end is None else end
    found = list(_noun_counts(text, start, stop))
    taken = [(c.start, c.end) for c in found]
    for match in _TOLL.finditer(text, start, stop):
        value = parse_number(match["num"])
        overlaps = any(s < match.end() and match.start() < e for s, e in taken)
        if value is None or _YEAR.fullmatch(match["num"]) or overlaps:
            continue
        low, high = interval(match["qual"], value)
        found.append(Count("killed", low, high, match.group(0), match.start(), match.end()))
        taken.append((match.start(), match.end()))
    for match in _VERB_COUNT.finditer(text, start, stop):
        value = parse_number(match["num"])
        if value is None or _YEAR.fullmatch(match["num"]) or match["num"].lower() in {"no", "none"}:
            continue
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        low, high = interval(match["qual"], value)
        what = VERB_COUNTED[match["what"].lower()]
        after = re.findall(r"[A-Za-z]+", text[match.end() : match.end() + 30])[:2]
        group = next((w.lower() for w in after if w.lower() in SUBGROUPS), None)
        found.append(Count(what, low, high, match.group(0), match.start(), match.end(), group))
    for match in _ONE_MORE.finditer(text, start, stop):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.append(Count("injured", 1, 1, match.group(0), match.start(), match.end()))
    for match in _PARENT_OF.finditer(text, start, stop):
        value = parse_number(match["num"])
        if value is not None:
            group = f"children of the {match['parent'].lower()}"
            found.append(Count("children", value, value, match.group(0), match.start(), match.end(), group))
    yield from sorted(found, key=lambda c: c.start)


def _noun_counts(text: str, start: int, stop: int) -> Iterator[Count]:
    """Counts written number first: "at least 12 people were killed", "55 wounded"."""
    for match in _COUNT.finditer(text, start, stop):
        value = parse_number(match["num"])
        if value is None or _CLAUSE_GAP.search(match["gap"]) or _YEAR.fullmatch(match["num"]):
            continue
        if _EARLIER.search(match["gap"]):  # "three prior arrests": a record, not this happening's tally
            continue
        if value == 0 and _NONE_MORE.search(match["gap"]):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        part = _PART_OF.search(before) if not match["qual"] else None
        begin = match.start()
        if part:  # "two of the four hikers": the count is the part
            value = parse_number(part["part"])
            begin = match.start() - len(before) + part.start()
            if value is None:
                continue
        elif match["qual"] is None and _VAGUE_BEFORE.search(before):
            continue
        if _CAPACITY_BEFORE.search(text[max(0, match.start() - 60) : match.start()]):
            continue
        low, high = interval(match["qual"], value)
        what = COUNTED[" ".join(match["what"].lower().split())]
        fate = _FATE.match(text, match.end())
        done_to = _DONE_TO.search(text[max(0, match.start() - 20) : match.start()])
        if what == "crowd" and fate:  # "400 protesters were detained" counts arrests, not the crowd
            what = COUNTED[fate["verb"].lower()]
        elif what == "crowd" and done_to:  # "police detained 400 protesters": arrests too
            what = VERB_COUNTED[done_to["verb"].lower()]
        group = next((w.lower() for w in match["gap"].split() if w.lower() in SUBGROUPS | SEVERITY), None)
        yield Count(what, low, high, text[begin : match.end()], begin, match.end(), group)


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def show(low: float, high: float) -> str:
    if low == high:
        return f"{low:g}"
    return f"at least {low:g}" if math.isinf(high) else f"{low:g}-{high:g}"
