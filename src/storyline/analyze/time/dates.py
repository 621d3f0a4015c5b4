"""The 'dates' component: every temporal expression, normalised against the publication day.

Candidates come from two places: our rules (analyze/time/rules.py), which know
forms spaCy splits or misses ("over the weekend", "late on Tuesday",
"February 17-18"), and spaCy's DATE/TIME entities for the rest. Where both
found something, the rule's span wins. Each candidate is read with the tense
of the verb it modifies ("on Tuesday" is the last Tuesday unless the clause is
future). A second pass resolves what depends on other mentions: "the second
day" from the story's anchor, "the next day" from the date told before it.
A relative expression in an article without a publication day keeps value
None: nothing is guessed from today's clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ... import lexicon
from ...model import DateMention
from ...settings import Settings
from .. import docindex
from ..registry import Found, component
from . import rules as tr
from . import scan
from . import values as tv

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A lone "would" is as often a conditional or a past habit ("would often meet")
# as a future, so it counts only in a reported clause (see _is_future).
FUTURE_AUX = lexicon.FUTURE_AUX - {"would"}
# "talks are expected to resume on Friday": the date's verb is planned, not done.
PLAN_LEMMAS = {"expect", "schedule", "plan", "due", "set", "intend", "aim", "prepare", "slate", "go"}
SCHEDULE_LEMMAS = {"set", "schedule", "reschedule", "slate", "postpone", "delay", "push", "move", "fix", "plan"}
MAX_RANGE_DAYS = 14
TIME_ONLY = "time"
NARRATIVE_SENTENCES = 2


@dataclass(slots=True)
class Item:
    """One candidate expression with its reading and where it sits in the parse."""

    start: int
    end: int
    text: str
    reading: tr.Reading
    tense: tr.Tense
    sent: int
    root: int
    verb: int


@component("dates", fills="dates", requires=("entities",))  # reads doc.ents as corrected
def find_dates(doc: Doc, *, found: Found, settings: Settings) -> Iterator[DateMention]:
    """Yield a DateMention for each temporal expression of the article, in text order."""
    article = found.article
    ref = tv.parse_published(article.published)
    items = read_items(doc, ref)
    resolve_ordinals(items, ref, explicit=article.published_source == "explicit" and ref is not None)
    resolve_narrative(items)
    for item in items:
        yield DateMention(
            text=item.text,
            value=item.reading.value,
            granularity=item.reading.granularity,
            start=item.start,
            end=item.end,
            anchor=item.reading.anchor if item.reading.value else None,
            rule=f"dates.{item.reading.kind}",
            confidence=_confidence(item.reading),
        )


def _confidence(reading: tr.Reading) -> float:
    """Stated dates are surest; relative ones depend on the anchor; ordinal days are inferred."""
    if reading.value is None:
        return 0.5
    if reading.anchor == "absolute":
        return 0.95
    return 0.85 if reading.kind == "date" else 0.7


def date_for_span(dates: Iterable[DateMention], start: int, end: int, *, near: int | None = None) -> DateMention | None:
    """The most specific date mention inside ``[start, end)`` (a sentence, an event).

    Resolved mentions win over unresolved ones; among them the one covering the
    fewest days; ties go to the one nearest ``near`` (say, the event's verb),
    else to the first. An unresolved one is returned only when nothing inside
    resolved, so callers still get its text ("over the weekend").
    """
    inside = [d for d in dates if start <= d.start and d.end <= end]
    pool = [d for d in inside if d.value] or inside
    if not pool:
        return None
    anchor = start if near is None else near
    return min(pool, key=lambda d: (tv.span_days(d.value) or 10**6, abs(d.start - anchor), d.start))


# ---------------------------------------------------------------- candidates


def read_items(doc: Doc, ref: date | None) -> list[Item]:
    """Read every candidate; drop those that are not dates (durations, ages)."""
    items = []
    sent_of = sentence_numbers(doc)
    past_reports = past_report_sentences(doc)
    full = docindex.doc_text(doc)  # Doc.text is built anew on each access
    for start, end, rule in candidate_spans(doc, full):
        text = full[start:end]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (not isinstance(rule, tr.Rule) and tr.after_named_day(full, start)):
            continue
        verb = governing_verb(span.root)
        tense = verb_tense(verb, span.root) if verb is not None else "present"
        if tense == "present" and sent_of[span.root.i] in past_reports:
            tense = "past"  # "according to a survey in December, ... the union said": last December
        reading = read_candidate(text, rule, tr.When(ref, tense))
        if reading is None:
            continue
        sent = sent_of[span.root.i]
        items.append(Item(start, end, text, reading, tense, sent, span.root.i, verb.i if verb is not None else -1))
    return items


def read_candidate(text: str, rule: tr.Rule | str | None, when: tr.When) -> tr.Reading | None:
    """Read a rule match with its rule, a spaCy DATE with any rule or dateparser.

    A spaCy TIME is kept only when a rule reads all of it ("Tuesday night",
    "this morning"): clock times and "about six hours" are not dates.
    """
    if isinstance(rule, tr.Rule):
        return scan.apply(rule, text, when)
    return scan.read(text, when, rules_only=rule == TIME_ONLY)


def sentence_numbers(doc: Doc) -> list[int]:
    """The sentence number of every token, computed once (``span.sent`` rescans the doc)."""
    numbers = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        numbers[sent.start : sent.end] = [n] * len(sent)
    return numbers


def past_report_sentences(doc: Doc) -> set[int]:
    """Numbers of the sentences told in the past tense with nothing in them pointing ahead.

    A date whose own verb reads as present ("according to a survey in December")
    takes the tense of such a sentence: a report of what was said or found is
    about the past, so a month without a year is the last one, not the coming one.
    """
    words = docindex.words(doc)
    every_tag = _tags(doc)
    found = set()
    for n, (start, end) in enumerate(docindex.doc_index(doc).sent_bounds):
        lemmas = words.lemma[start:end]
        tags = set(every_tag[start:end])
        ahead = "MD" in tags or any(w in PLAN_LEMMAS for w in lemmas)
        if "VBD" in tags and not ahead:
            found.add(n)
    return found


def _tags(doc: Doc) -> list[str]:
    """Every token's ``tag_``, read from the token array (no Token object per token)."""
    from spacy.attrs import TAG

    if not len(doc):
        return []
    strings = doc.vocab.strings
    keys = doc.to_array(TAG).tolist()
    names = {key: strings[key] for key in set(keys)}
    return [names[key] for key in keys]


def candidate_spans(doc: Doc, text: str) -> list[tuple[int, int, tr.Rule | str | None]]:
    """Rule matches (longest first, no overlaps), then spaCy entities no rule touched."""
    chosen: list[tuple[int, int, tr.Rule | str | None]] = []
    order = {id(rule): n for n, rule in enumerate(tr.RULES)}
    matches = sorted(scan.find_rule_spans(text), key=lambda m: (m[0] - m[1], order[id(m[2])], m[0]))
    for start, end, rule in matches:
        if not _overlaps(chosen, start, end):
            chosen.append((start, end, rule))
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME") and not _overlaps(chosen, ent.start_char, ent.end_char):
            chosen.append((ent.start_char, ent.end_char, None if ent.label_ == "DATE" else TIME_ONLY))
    return sorted(chosen, key=lambda c: c[0])


def _overlaps(chosen: Iterable[tuple[int, int, object]], start: int, end: int) -> bool:
    return any(start < c_end and c_start < end for c_start, c_end, _ in chosen)


# ---------------------------------------------------------------- tense


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the parse (itself if it is one)."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_tense(verb: Token, root: Token | None = None) -> tr.Tense:
    """Future with will/shall or a planning verb above; past with a past form or perfect.

    A date that is what gets scheduled ("set Jan. 24 for the vote", "postponed
    to March 3") is future whatever the tense of the scheduling verb.
    """
    if _is_future(verb) or (root is not None and _is_scheduled(verb, root)):
        return "future"
    aux = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in aux):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "advcl", "amod"):
        return "past"
    return "present"


def _is_scheduled(verb: Token, root: Token) -> bool:
    if verb.lemma_ not in SCHEDULE_LEMMAS:
        return False
    if root.head.i == verb.i:
        return root.dep_ in ("dobj", "oprd")
    return root.head.head.i == verb.i and root.head.lower_ in ("for", "to", "until", "till")


def _plans(token: Token) -> bool:
    """ "expected to", "is going to", "due to": a plan, unless told in the past ("was expected to")."""
    if token.lemma_ not in PLAN_LEMMAS or (token.lemma_ == "go" and token.tag_ != "VBG"):
        return False
    return token.tag_ != "VBD" and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in token.children)


def _is_future(verb: Token) -> bool:
    token = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
            return True
        # reported plans: "said the mayor would take office on March 3"
        if token.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children):
            return True
        if token.i != verb.i and _plans(token):
            return True
        if token.dep_ not in ("xcomp", "ccomp", "acomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


# ---------------------------------------------------------------- ordinal days


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a story's numbered days start; ``own`` is the day number the publication day is."""

    first: date
    last: date | None
    text: str
    own: int = 0
    ref: date | None = None

    def label(self, step: int) -> str:
        if self.ref is not None and step == self.own:
            return f"published:{self.ref.isoformat()}"
        return f"mention:{self.text}"


def resolve_ordinals(items: list[Item], ref: date | None, *, explicit: bool) -> None:
    """Give "the first day", "the second day" a value where the story anchors them.

    The anchor is, in order: a day date beside an ordinal in the parse ("on the
    second day, Tuesday"); a short range of days in the article ("talks on
    February 17-18"); or the publication day itself, when the article is dated,
    speaks of its highest day in the past tense and gives that sentence no other
    date (a report on the second day, written that day). Else they stay None.
    """
    ordinals = [item for item in items if item.reading.kind == "ordinal"]
    if not ordinals:
        return
    anchor = beside_anchor(items, ordinals) or range_anchor(items, ordinals)
    if anchor is None and explicit and ref is not None:
        anchor = publication_anchor(items, ordinals, ref)
    if anchor is None:
        return
    for item in ordinals:
        step = item.reading.step
        day = anchor.first + timedelta(days=step - 1) if step else anchor.last
        if day is not None:
            item.reading = replace(item.reading, value=tv.day_value(day), anchor=anchor.label(step))


def beside_anchor(items: list[Item], ordinals: list[Item]) -> Anchor | None:
    """A resolved day date attached to the same word as an ordinal, or to the ordinal itself."""
    for ordinal in ordinals:
        for other in items:
            if other.sent != ordinal.sent or other.reading.kind != "date" or not ordinal.reading.step:
                continue
            if other.reading.granularity == "day" and other.reading.value and _attached(other, ordinal):
                day = date.fromisoformat(other.reading.value)
                return Anchor(day - timedelta(days=ordinal.reading.step - 1), None, other.text)
    return None


def _attached(a: Item, b: Item) -> bool:
    """True when both modify the same verb: "on the second day, Tuesday, they signed"."""
    return a.verb >= 0 and a.verb == b.verb


def range_anchor(items: list[Item], ordinals: list[Item]) -> Anchor | None:
    """A short range of days long enough to hold every numbered day of the story."""
    longest = max(item.reading.step for item in ordinals)
    for item in items:
        value = item.reading.value or ""
        bounds = tv.interval(value) if item.reading.granularity == "range" else None
        if bounds and tv.granularity_of(value.partition("/")[0]) == "day":
            days = (bounds[1] - bounds[0]).days + 1
            if longest <= days <= MAX_RANGE_DAYS:
                return Anchor(bounds[0], bounds[1], item.text)
    return None


def publication_anchor(items: list[Item], ordinals: list[Item], ref: date) -> Anchor | None:
    """The highest numbered day is the publication day, for a same-day report in the past tense."""
    longest = max(item.reading.step for item in ordinals)
    if longest < 2:
        return None
    for item in ordinals:
        if item.reading.step == longest and item.tense == "past" and _alone_in_sentence(items, item):
            return Anchor(ref - timedelta(days=longest - 1), None, item.text, own=longest, ref=ref)
    return None


def _alone_in_sentence(items: list[Item], item: Item) -> bool:
    return not any(o.sent == item.sent and o.reading.kind != "ordinal" for o in items)


# ---------------------------------------------------------------- narrative time


def resolve_narrative(items: list[Item]) -> None:
    """Resolve "the next day", "three days later" from the date told just before them.

    Only a date in the same sentence or the two before counts: further back,
    the story has usually moved on.
    """
    previous: Item | None = None
    for item in items:
        near = previous is not None and item.sent - previous.sent <= NARRATIVE_SENTENCES
        if item.reading.kind == "narrative" and previous is not None and near:
            item.reading = narrative_reading(item.reading, previous)
        if item.reading.value:
            previous = item


_FINENESS = {"day": 0, "week": 1, "month": 2, "year": 3}


def _within_unit(granularity: str, unit: str) -> bool:
    """Whether a date of ``granularity`` lies inside one ``unit`` (a day in a month, a month in a year)."""
    return granularity in _FINENESS and unit in _FINENESS and _FINENESS[granularity] <= _FINENESS[unit]


def narrative_reading(reading: tr.Reading, previous: Item) -> tr.Reading:
    """``reading.step`` units after (or before) the date of ``previous``."""
    bounds = tv.interval(previous.reading.value)
    if bounds is not None and reading.unit == "period":  # "the same period": the date told before
        return replace(reading, value=previous.reading.value, granularity=previous.reading.granularity,
                       anchor=f"mention:{previous.text}")  # fmt: skip
    if bounds is not None and reading.step == 0 and _within_unit(previous.reading.granularity, reading.unit):
        value, granularity = tv.shift_unit(bounds[0], reading.unit, 0)  # "that month" after "May 3"
        return replace(reading, value=value, granularity=granularity, anchor=f"mention:{previous.text}")
    if bounds is None or (reading.step == 0 and bounds[0] != bounds[1]):
        return reading
    if reading.unit == "day" and previous.reading.granularity not in ("day", "range"):
        return reading
    day = bounds[1] if reading.step > 0 else bounds[0]
    value, granularity = tv.shift_unit(day, reading.unit, reading.step)
    return replace(reading, value=value, granularity=granularity, anchor=f"mention:{previous.text}")
