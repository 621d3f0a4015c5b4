"""Claims: the facts of each article in a form that can be compared across articles.

One function per kind of fact, each yielding :class:`Claim` records with
their sentence, span, origin and (when the article attributes them to
someone) their source:

- ``role``: a person's title (parsed into an Office for comparison);
- ``leads``: the state whose side a person leads (delegations.py);
- ``mediator``: a state the article says mediates the talks (mediators.py);
- ``event``: that an event of a PLOVER type happened between parties; its
  ``place`` and ``date`` are claims of their own about the same event;
- ``number``: a tallied count of people (numbers.py) or of damaged property (damage.py);
- ``money``: the price of an acquisition or the cost of the damage (money.py);
- ``speaker``: who said a quoted sentence;
- ``bearing``: which side of a named town the happening lies on (bearings.py),
  ``time``: the clock time of the happening with its zone (times.py), and
  ``quake``: the magnitude and depth of the story's quake (quakes.py), and
  ``day``: the day a killing, a quake or a blast took place (days.py), all
  from ``setting_claims``;
- ``name``: how a participant's or an organisation's name is spelt, for names spelt two ways
  (names.py, orgnames.py);
- ``person``: a participant's age and home town as written beside the name (persons.py);
- ``colour``: the colour of a vehicle, by its model (colours.py).

An event's subject is its type plus its actor parties (and target parties for
one-sided types); an event the article denies is a different subject ("not
AGREE"), and an event that is only demanded is not a claim that it happened.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from ..analyze.events.lexicon import PHRASES
from ..analyze.events.trust import with_untold
from ..model import Analysis
from . import orgnames
from .bearings import bearings
from .colours import vehicle_colours
from .context import StoryContext, country_of, normalise, sentence_with_decimals
from .damage import damage_counts
from .days import days_compatible, happening_days, resolve
from .delegations import delegation_heads
from .mediators import mediators
from .money import sums
from .names import full_names, near, variants
from .numbers import SUBJECTS, background, counts, local, told_as_earlier
from .offices import parse_titles
from .orgnames import org_names
from .parties import Parties
from .persons import person_facts
from .quakes import ambiguous_magnitudes, quake_values
from .records import Claim
from .times import clock_times, magnitude, tells_of_series, times_compatible
from .values import Speaker

# Event types where actor and target are interchangeable (both sides meet, fight, agree).
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE", "FIGHT"})
_TRAILING_PREPOSITION = re.compile(r" (?:of|to|from|on|with|against)$")
_NOT_HAPPENED = frozenset({"demanded", "hedged"})
_MIN_QUOTE = 20  # characters: shorter fragments ("difficult") are too common to identify a quote


def all_claims(context: StoryContext, parties: Parties) -> list[Claim]:
    """Every claim of every article of the story."""
    found: list[Claim] = []
    for index, analysis in enumerate(context.analyses):
        found += role_claims(context, analysis)
        found += leads_claims(context, analysis)
        found += mediator_claims(context, parties, index)
        found += event_claims(context, parties, index)
        found += number_claims(context, analysis)
        found += money_claims(context, analysis)
        found += speaker_claims(context, analysis)
        found += setting_claims(context, analysis)
        found += person_claims(context, analysis)
        found += colour_claims(context, analysis)
    found += name_claims(context)
    if ambiguous_magnitudes([a.article.text for a in context.analyses]):
        found = [replace(c, weak=True) if c.subject_key == "quake:magnitude" else c for c in found]
    return found


def _claim(context: StoryContext, analysis: Analysis, start: int, end: int, **fields: object) -> Claim:
    article = analysis.article
    according_to = fields.pop("according_to", None) or context.according_to(analysis, start, end)
    return Claim(
        article=article.id,
        outlet=article.outlet,
        published=article.published,
        sentence=context.sentence(analysis, start, end),
        start=start,
        end=end,
        origin=context.origin(analysis),
        according_to=according_to,  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


def role_claims(context: StoryContext, analysis: Analysis) -> Iterator[Claim]:
    """A person's titles that name a known office ("led the Russian side" is no office)."""
    for entity in analysis.entities:
        key = context.key(analysis, entity.id)
        if entity.type != "PERSON" or key is None:
            continue
        for role in entity.roles:
            offices = parse_titles(role.title)
            if all(o.family is None for o in offices):
                continue
            yield _weak_if(quoted(analysis, role.start), _claim(
                context,
                analysis,
                role.start,
                role.end,
                kind="role",
                subject=context.names[key],
                subject_key=key,
                attribute="role",
                value=role.title,
                norm=offices,
            ))  # fmt: skip


def quoted(analysis: Analysis, offset: int) -> bool:
    """Whether ``offset`` lies inside a direct quote: a title someone else wrote (a slogan, an earlier post).

    Such a title is of the speaker's time and wording, so it may corroborate but not contradict.
    """
    return any(q.kind != "indirect" and q.covers(offset) for q in analysis.quotes)


def _weak_if(condition: bool, claim: Claim) -> Claim:
    return replace(claim, weak=True) if condition else claim


def leads_claims(context: StoryContext, analysis: Analysis) -> Iterator[Claim]:
    seen = set()
    for entity_id, country, start, end in delegation_heads(analysis):
        key = context.key(analysis, entity_id)
        if key is None or (key, country) in seen:
            continue
        seen.add((key, country))
        yield _claim(
            context,
            analysis,
            start,
            end,
            kind="leads",
            subject=context.names[key],
            subject_key=key,
            attribute="leads the side of",
            value=country,
            norm=country,
        )


def mediator_claims(context: StoryContext, parties: Parties, index: int) -> Iterator[Claim]:
    """That a state mediates; one subject per story, so each outlet naming the same state corroborates it."""
    analysis = context.analyses[index]

    def state_of(name: str) -> str | None:
        """The state a leader named by surname stands for: the one person of the article with that surname."""
        party = parties.of_name(index, name)
        if party is None:
            keys = {
                context.key(analysis, e.id)
                for e in analysis.entities
                if e.type == "PERSON" and e.name.split()[-1:] == [name]
            }
            party = parties.of_key(keys.pop()) if len(keys) == 1 else None
        return party if party and country_of(party) else None

    for country, start, end in mediators(analysis, state_of):
        yield _claim(
            context,
            analysis,
            start,
            end,
            kind="mediator",
            subject="mediator",
            subject_key="mediator",
            attribute="mediated by",
            value=country,
            norm=country,
        )


def event_subject(event_type: str, status: str, actors: frozenset[str], targets: frozenset[str]) -> tuple[str, str]:
    """(key, display) of an event: type, actor parties and, for one-sided types, target parties."""
    kind = f"not {event_type}" if status == "denied" else event_type
    if event_type in SYMMETRIC:
        actors, targets = actors | targets, frozenset()
    key = f"{kind}:{'+'.join(sorted(actors))}>{'+'.join(sorted(targets))}"
    display = f"{' and '.join(sorted(actors))} {kind}" + (f" {' and '.join(sorted(targets))}" if targets else "")
    return key, display


def event_key_words(key: str) -> str:
    """The words of an event subject from its key ("not AGREE:Norland+Valmora>"), for the brief's facts.

    The key, not the display, is parsed: the display stays the code form
    ("Norland and Valmora CONSULT") because judged audit lines and exported
    subjects are matched on it.
    """
    kind, _, parties = key.partition(":")
    actors, _, targets = parties.partition(">")
    denied = kind.startswith("not ")
    return event_words(
        kind.removeprefix("not "), denied, actors.split("+") if actors else [], targets.split("+") if targets else []
    )


def event_words(event_type: str, denied: bool, actors: list[str], targets: list[str]) -> str:
    """An event subject as a reader says it, its PLOVER code kept: "Norland and Valmora held talks (CONSULT)".

    One actor with a target takes the one-sided phrase ("Norland criticised
    Valmora"); two or more actors without one take the joint phrase, and one
    actor alone the one-sided phrase without its preposition. A type
    the table does not know falls back to its code.
    """
    one_sided, joint = PHRASES.get(event_type, (event_type.lower(), event_type.lower()))
    who = " and ".join(actors)
    if targets:
        words = f"{who} {one_sided} {' and '.join(targets)}"
    elif len(actors) > 1:
        words = f"{who} {joint}"
    else:
        words = f"{who} {_TRAILING_PREPOSITION.sub('', one_sided)}"
    return f"{'denied: ' if denied else ''}{words} ({event_type})"


def event_claims(context: StoryContext, parties: Parties, index: int) -> Iterator[Claim]:
    """That an event happened, where, and when; an article dating one subject twice gives no date claim."""
    analysis = context.analyses[index]
    dated: dict[str, set[str]] = defaultdict(set)
    pending: list[Claim] = []
    for event in with_untold(analysis.events, analysis.held_back):
        actors = parties.of_phrase(index, event.actor, event.actor_id)
        if not actors or event.status in _NOT_HAPPENED:
            continue
        targets = parties.of_phrase(index, event.target, event.target_id) - actors
        key, display = event_subject(event.type, event.status, actors, targets)
        common = {"kind": "event", "subject": display, "subject_key": key}
        according_to = (
            event.source if event.source and normalise(event.source) not in normalise(event.actor or "") else None
        )
        happened = _claim(context, analysis, event.start, event.end, attribute="happened", value=display, norm=key,
                          according_to=according_to, **common)  # fmt: skip
        # an event told as of an earlier time ("In March 2019, X shelled Y") may be another happening of
        # its kind: it joins the fact but does not confirm it
        yield _weak_if(told_as_earlier(analysis.article.text, event.start), happened)
        if event.location:
            yield _claim(context, analysis, event.start, event.end, attribute="place", value=event.location,
                         norm=event.location, according_to=according_to, **common)  # fmt: skip
        if event.date:
            dated[key].add(event.date)
            pending.append(
                _claim(
                    context,
                    analysis,
                    event.start,
                    event.end,
                    attribute="date",
                    value=event.date,
                    norm=event.date,
                    according_to=according_to,
                    **common,
                )  # fmt: skip
            )
    yield from (c for c in pending if len(dated[c.subject_key]) == 1)


def number_claims(context: StoryContext, analysis: Analysis) -> Iterator[Claim]:
    """Tallies of the story's happening; a count in a sentence about another one (a year, "so far") is left out.

    A count confined to a district, village or clinic is weak (records.Claim).
    """
    for count in [*counts(analysis.article.text), *damage_counts(analysis.article.text)]:
        if count.attribute != "children" and background(analysis.article.text, count.start, count.end):
            continue  # a person's children are counted whatever the sentence's time
        subject = SUBJECTS.get(count.attribute, f"people {count.attribute}")
        if count.group:
            subject = count.group if count.attribute == "children" else f"{count.group} {count.attribute}"
        claim = _claim(
            context,
            analysis,
            count.start,
            count.end,
            kind="number",
            subject=subject,
            subject_key=f"count:{count.attribute}" + (f":{count.group}" if count.group else ""),
            attribute="count",
            value=count.text,
            norm=(count.low, count.high),
        )
        # a count confined to one district or clinic is part of the toll: it corroborates, never contradicts
        yield (
            replace(claim, weak=True)
            if local(analysis.article.text, count.start, count.end, count.attribute)
            else claim
        )


def money_claims(context: StoryContext, analysis: Analysis) -> Iterator[Claim]:
    """Acquisition prices and costs of damage (money.py); the norm is (low, high, currency)."""
    for found in sums(analysis.article.text):
        yield _claim(context, analysis, found.start, found.end, kind="money", subject=found.subject,
                     subject_key=f"money:{found.subject}", attribute="amount", value=found.text,
                     norm=(found.low, found.high, found.currency))  # fmt: skip


def speaker_claims(context: StoryContext, analysis: Analysis) -> Iterator[Claim]:
    """Who said a quote; the subject is the quote's words, matched across articles in conflicts/corroboration.

    The quote is the speaker's own claim, not one attributed to them (only a
    relaying source, ``via``, is). A speaker the quote's sentence does not name
    (found by a pronoun or a paragraph away) makes a weak claim: it can
    corroborate, not contradict, since such attributions are the ones misread.
    The value is compared as a ``Speaker``: the name with the sentence's words
    outside the quote (values.speakers_agree).
    """
    for quote in analysis.quotes:
        words = quote_words(quote.text)
        if not quote.speaker or quote.kind == "indirect" or len(words) < _MIN_QUOTE:
            continue
        claim = _claim(
            context,
            analysis,
            quote.start,
            quote.end,
            kind="speaker",
            subject=f"“{quote.text.strip()}”",
            subject_key=f"quote:{words}",
            attribute="said by",
            value=quote.speaker,
            norm=quote.speaker,
        )
        frame = claim.sentence.replace(quote.text.strip(), " ")
        named = _names_in(quote.speaker, frame)
        yield replace(claim, according_to=quote.via, weak=not named, norm=Speaker(quote.speaker, frame))


def _names_in(name: str, sentence: str) -> bool:
    """Whether a capitalised word of ``name`` (three letters or more) occurs in ``sentence``.

    Both sides are compared in ``normalise``'s form, so "José" is found in "José said" and
    "O'Hara" (normalised to two words) in "O'Hara said".
    """
    found = set(normalise(sentence).split())
    for word in re.findall(r"\b\w[\w'’-]{2,}", name):
        parts = normalise(word).split()
        if word[0].isupper() and parts and all(p in found for p in parts):
            return True
    return False


def quote_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def person_claims(context: StoryContext, analysis: Analysis) -> Iterator[Claim]:
    """A person's age and home town as written beside the name ("Dana Kettle, 36, of Harwick"; persons.py).

    Inside a direct quote such a value is the speaker's wording: it may corroborate, not contradict.
    """
    seen = set()
    for fact in person_facts(analysis):
        key = context.key(analysis, fact.entity)
        if key is None or (key, fact.attribute, fact.value) in seen:
            continue
        seen.add((key, fact.attribute, fact.value))
        claim = _claim(context, analysis, fact.start, fact.end, kind="person", subject=context.names[key],
                       subject_key=key, attribute=fact.attribute, value=fact.value, norm=fact.value)  # fmt: skip
        yield _weak_if(quoted(analysis, fact.start), claim)


def colour_claims(context: StoryContext, analysis: Analysis) -> Iterator[Claim]:
    """The colour of each vehicle the article describes, outside background sentences (colours.py)."""
    text = analysis.article.text
    for found in vehicle_colours(text):
        if background(text, found.start, found.end):
            continue
        claim = _claim(context, analysis, found.start, found.end, kind="colour", subject=f"the {found.vehicle}",
                       subject_key=f"colour:{found.vehicle.lower()}", attribute="colour", value=found.text,
                       norm=(found.colours, found.shade))  # fmt: skip
        yield _weak_if(found.weak or quoted(analysis, found.start), claim)


def setting_claims(context: StoryContext, analysis: Analysis) -> Iterator[Claim]:
    """Where and when the happening took place, outside background sentences.

    Where: which side of a named town it lies on ("40 km south of Tarsk", bearings.py), and
    how strong and deep the story's quake was (quakes.py). Which day: the day the text binds
    to a kind of happening ("Saturday's shooting", days.py).
    When: its clock time with the zone (times.py), and its day (days.py); an article that gives
    the happening two different instants, or counts the happenings of a series ("the first
    quake"), or gives one kind of happening two days, tells of a series, so its times (or those
    days) are weak.
    """
    text = analysis.article.text
    settings: list[tuple[int, int, str, str, str, str, str, object]] = [
        (b.start, b.end, "bearing", f"located relative to {b.place}", f"bearing:{normalise(b.place)}", "direction",
         b.text, (b.direction, b.km)) for b in bearings(text) if not background(text, b.start, b.end)
    ]  # fmt: skip
    times = [t for t in clock_times(text) if not background(text, t.start, t.end)]
    norms = [(t.minutes, t.zone, t.magnitude) for t in times]
    two_instants = any(not times_compatible(a, b) for a in norms for b in norms)
    series = {"time:happening"} if two_instants or tells_of_series(text) else set()
    settings += [
        (t.start, t.end, "time", "the happening", "time:happening", "time", t.text, norm)
        for t, norm in zip(times, norms, strict=True)
    ]
    days = [(d, (resolve(d, analysis.article.published), d.edge, magnitude(sentence_of(text, d.start, d.end))))
            for d in happening_days(text)]  # fmt: skip
    settings += [
        (d.start, d.end, "day", f"the {d.kind}", f"day:{d.kind}", "day", " ".join(d.text.split()), norm)
        for d, norm in days
    ]
    series |= {
        f"day:{d.kind}"
        for d, norm in days
        for e, other in days
        if d.kind == e.kind and not days_compatible(norm, other)
    }
    settings += [
        (q.start, q.end, "quake", "the quake", f"quake:{q.attribute}", q.attribute, q.shown, q.value)
        for q in quake_values(text)
    ]
    for start, end, kind, subject, key, attribute, value, norm in settings:
        claim = _claim(context, analysis, start, end, kind=kind, subject=subject, subject_key=key,
                       attribute=attribute, value=value, norm=norm)  # fmt: skip
        yield _weak_if(key in series, claim)


def sentence_of(text: str, start: int, end: int) -> str:
    left, right = sentence_with_decimals(text, start, end)
    return text[left:right]


def name_claims(context: StoryContext) -> list[Claim]:
    """How each article spells a participant's name, for participants whose name the story spells two ways.

    Full names near each other across articles are one person (names.near);
    two near forms one article gives side by side are two people and are
    never joined. Only groups holding two forms that are not variants of one
    name make claims, so a name every outlet spells alike adds nothing.
    Organisations are read the same way (orgnames.py: "Harbor Supplies" /
    "Harbor Suppliers"), each kind of name grouped on its own.
    """
    people = [(index, name) for index, a in enumerate(context.analyses) for name in full_names(a)]
    firms = [(index, name) for index, a in enumerate(context.analyses) for name in org_names(a)]
    return _spellings(context, people, near, variants, "name") + _spellings(
        context, firms, orgnames.near, orgnames.variants, "org"
    )


def _spellings(
    context: StoryContext,
    found: list[tuple[int, Any]],
    is_near: Callable[[Any, Any], bool],
    is_variant: Callable[[Any, Any], bool],
    prefix: str,
) -> list[Claim]:
    """Name claims of the groups of near forms (``is_near``) that hold two forms not variants of one name."""
    apart = {
        frozenset({x.text, y.text})
        for i, x in found
        for j, y in found
        if i == j and x.entity != y.entity and is_near(x, y)
    }
    parent = list(range(len(found)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for m, (i, x) in enumerate(found):
        for n, (j, y) in enumerate(found[:m]):
            if i != j and is_near(x, y) and frozenset({x.text, y.text}) not in apart:
                parent[root(m)] = root(n)
    groups: dict[int, list[tuple[int, Any]]] = defaultdict(list)
    for n, item in enumerate(found):
        groups[root(n)].append(item)
    claims = []
    for members in groups.values():
        names = [name for _, name in members]
        if all(is_variant(names[0], other) for other in names[1:]):
            continue
        shown = max(names, key=lambda n: (sum(is_variant(n, o) for o in names), len(n.text))).text
        for index, name in members:
            analysis = context.analyses[index]
            claim = _claim(context, analysis, name.start, name.end, kind="name", subject=shown,
                           subject_key=f"{prefix}:{_fold_key(shown)}", attribute="name", value=name.text,
                           norm=name)  # fmt: skip
            claims.append(replace(claim, according_to=None))  # the spelling is the outlet's own writing
    return claims


def _fold_key(text: str) -> str:
    return " ".join(normalise(text).split())
