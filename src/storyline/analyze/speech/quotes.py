"""Quotes: what was said, by whom, through which channel and relayed by whom.

Three kinds, found by one pass over quote marks and one over the parse:

- direct: text between quote marks set off from its cue clause ("“...,”
  Trump told reporters"); a quote with no cue in its sentence takes the
  speaker of the quote before it (a paragraph of quotation continues one).
- partial: a quoted fragment embedded in the writer's own sentence
  ("termed them “difficult but business-like”").
- indirect: the content clause of a speech verb ("Peskov said the talks
  would expand"), or the claim in "according to <person>, ...".

Speakers are resolved to entities: a name by its mention, "he"/"she" to the
nearest earlier person who was the subject of a clause, and a description
("the spokesperson") to the person the article gave that title. The cue
vocabulary lives in :mod:`storyline.analyze.cues`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...lexicon import SPEECH_VERBS, words
from ...model import Entity, Quote
from ...settings import Settings
from .. import docindex
from ..entities.entities import MentionIndex
from ..phrases import according_to
from ..registry import Found, component
from ..spans import Coverage, LargestOverlap
from . import cues
from .clauses import claim_around, content_span, on_line, speaker_token, surface_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_OPENERS = "“«„"
_CLOSERS = "”»"
_BEFORE_OPEN = " \t([{—–-/“‘"
_MARK_CHARS = re.compile("[“«„\"‘'”»’]")  # every character _opening or _closing can accept
_FLOAT_REACH = 1500  # characters back a quote without a cue looks for its speaker


@dataclass(frozen=True, slots=True)
class Marked:
    """The content between a pair of quote marks; ``closed`` is False when the
    paragraph ended first (a quotation continuing into the next paragraph)."""

    start: int
    end: int
    closed: bool = True


@dataclass(frozen=True, slots=True)
class QuoteDetail:
    """A Quote plus where its speaker and cue are written in the text.

    The Quote record keeps the resolved speaker name; benchmarks and the
    attribution spans need the surface form too ("she", "the minister").
    """

    quote: Quote
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None


@component("quotes", fills="quotes", requires=("entities",))
def find_quotes(doc: Doc, *, found: Found, settings: Settings) -> Iterator[Quote]:
    """Yield the direct, partial and indirect quotes of one article, in text order."""
    for detail in quote_details(doc, found.entities):
        yield detail.quote


def quote_details(doc: Doc, entities: Iterable[Entity]) -> list[QuoteDetail]:
    """All quotes of ``doc`` with speaker and cue spans, in text order."""
    ctx = _Context(doc, list(entities))
    details = [d for m in ctx.marks if (d := _from_marks(ctx, m)) is not None]
    direct = [(d.quote.start, d.quote.end) for d in details if d.quote.kind == "direct"]
    details = _unnested(details + _reported(ctx, direct))
    details.sort(key=lambda d: (d.quote.start, d.quote.end))
    return _fill_missing_speakers(ctx, details)


def _unnested(details: list[QuoteDetail]) -> list[QuoteDetail]:
    """Drop fragments that lie inside an indirect quote.

    "She said police were “very committed” to ..." is one statement: the
    indirect quote carries the quoted words, marks included, and counting
    the fragment again would report the speaker twice for one sentence.
    """
    spans = LargestOverlap((d.quote.start, d.quote.end) for d in details if d.quote.kind == "indirect")
    return [d for d in details if d.quote.kind != "partial" or spans.share(d.quote.start, d.quote.end) < 0.9]


# --- quote marks ---------------------------------------------------------


def quote_marks(text: str) -> list[Marked]:
    """Spans between quote marks, paragraph by paragraph.

    Double quotes (curly or straight) nest single ones, which are ignored
    inside them; a single quote counts only when it cannot be an apostrophe.
    An opening mark left open at the end of a paragraph yields a span to
    the paragraph's end, the convention for multi-paragraph quotations.
    """
    found: list[Marked] = []
    start = 0
    for line in text.split("\n"):
        found.extend(_marks_in_line(text, start, start + len(line)))
        start += len(line) + 1
    return found


def _marks_in_line(text: str, start: int, end: int) -> list[Marked]:
    found: list[Marked] = []
    open_at, kind = -1, ""
    for i in (m.start() for m in _MARK_CHARS.finditer(text, start, end)):  # no other character opens or closes
        if open_at < 0:
            kind = _opening(text, i, start)
            open_at = i if kind else -1
        elif _closing(text, i, end, kind):
            found.append(Marked(open_at + 1, i))
            open_at = -1
    if open_at >= 0 and kind == '"':
        found.append(Marked(open_at + 1, end, closed=False))
    return [t for m in found if (t := _trimmed(text, m)) is not None]


def _opening(text: str, i: int, line_start: int) -> str:
    """'"' or "'" when ``text[i]`` opens a quotation, else ''."""
    char, prev = text[i], text[i - 1] if i > line_start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if char in _OPENERS:
        return '"'
    if char == '"' and (prev in _BEFORE_OPEN or not prev.isalnum()) and not nxt.isspace():
        return '"'
    if char in "‘'" and prev in _BEFORE_OPEN and nxt.isalnum():
        return "'"
    return ""


def _closing(text: str, i: int, line_end: int, kind: str) -> bool:
    char = text[i]
    if kind == '"':
        doubled = char == "’" and i + 1 < line_end and text[i + 1] == "’"  # ’’ for ”
        return char in _CLOSERS or char == '"' or doubled
    nxt = text[i + 1] if i + 1 < line_end else " "
    return char in "’'" and not nxt.isalnum() and not text[i - 1].isspace()


def _trimmed(text: str, mark: Marked) -> Marked | None:
    """Drop surrounding spaces and a trailing comma; None if nothing is left."""
    start, end = mark.start, mark.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end - start < 2:
        return None
    return Marked(start, end, mark.closed)


# --- context: entities, marks and titles -----------------------------------


class _Context:
    """What the rules look up while reading one article."""

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.doc = doc
        self.text = docindex.doc_text(doc)  # Doc.text joins every token on each access
        self.entities = entities
        self.mentions = MentionIndex(entities)
        self.marks = [m for m in quote_marks(self.text) if _enough_words(self.text, m)]
        self.mark_starts = [m.start for m in self.marks]
        self.subjects = _person_subjects(doc, self.mentions)
        self.subject_starts = [t.idx for t in self.subjects]
        self.org_subjects = _org_subjects(doc, self.mentions)
        self.titles = _titles(doc, entities)
        self.genders = _genders(doc, entities)

    def quoted(self, token: Token) -> bool:
        """True when ``token`` lies inside quote marks."""
        i = bisect.bisect_right(self.mark_starts, token.idx) - 1
        return i >= 0 and token.idx < self.marks[i].end

    def quoted_share(self, start: int, end: int, spans: Coverage) -> float:
        """Fraction of ``[start, end)`` covered by ``spans``."""
        return spans.covered(start, end) / max(1, end - start)


def _enough_words(text: str, mark: Marked) -> bool:
    """A lone quoted word is a scare quote or a title, not something said."""
    opener = text[mark.start - 1] if mark.start > 0 else ""
    words = len(text[mark.start : mark.end].split())
    return words >= (2 if opener in "‘'" else 1)


def _person_subjects(doc: Doc, mentions: MentionIndex) -> list[Token]:
    """Clause subjects that name a person, in text order: the candidates a
    later "he" or "she" can refer to. A proper noun no entity covers counts
    when it is the subject of a speech verb, so a speaker the recogniser
    missed can still be an antecedent."""
    found = []
    for token in _proper_subjects(doc):
        entity = mentions.at(token.idx, token.idx + len(token.text))
        named = entity is not None and entity.type == "PERSON"
        missed = entity is None and not token.ent_type_ and cues.is_speech_verb(token.head)
        if named or missed:
            found.append(token)
    return found


def _org_subjects(doc: Doc, mentions: MentionIndex) -> list[Token]:
    """Clause subjects that name an organisation: what a later "it" says."""
    found = []
    for token in _proper_subjects(doc):
        entity = mentions.at(token.idx, token.idx + len(token.text))
        if entity is not None and entity.type == "ORG":
            found.append(token)
    return found


def _proper_subjects(doc: Doc) -> list[Token]:
    """Proper nouns that are clause subjects, in text order."""
    words = docindex.words(doc)
    pairs = zip(words.dep, words.pos, strict=True)
    return [doc[i] for i, (dep, pos) in enumerate(pairs) if dep in {"nsubj", "nsubjpass"} and pos == "PROPN"]


_MALE = words("he him his himself mr")
_FEMALE = words("she her hers herself mrs ms miss")


def _genders(doc: Doc, entities: list[Entity]) -> dict[str, str]:
    """ "he" or "she" per person entity id, where the article shows which.

    The evidence is an honorific before a mention ("Ms. Park") and the
    pronouns later in the sentences where the person is the subject ("Park
    said she ..."); with no evidence either way the person stays open to both.
    """
    genders = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        male = female = 0
        for start, end in entity.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            words = [w for t in _after_mention(span) if (w := t.lower_.rstrip(".")) in _MALE | _FEMALE]
            male += bool(words) and words[0] in _MALE
            female += bool(words) and words[0] in _FEMALE
        if male != female:
            genders[entity.id] = "he" if male > female else "she"
    return genders


def _after_mention(span: Span) -> list[Token]:
    """The honorific before a mention, and the rest of its sentence when the
    mention is the subject."""
    doc = span.doc
    tokens = [doc[span.start - 1]] if span.start > 0 else []
    if span.root.dep_ in {"nsubj", "nsubjpass"}:
        tokens += list(doc[span.end : cues.sentence(span.root).end])
    return tokens


def _titles(doc: Doc, entities: list[Entity]) -> dict[str, set[str]]:
    """Lower-cased title words per entity id, from its roles and the text.

    "Kremlin spokesperson Dmitry Peskov" and "Peskov, the Kremlin's
    spokesperson," both give Peskov the words {kremlin, spokesperson}, so
    "the spokesperson" can later be resolved to him.
    """
    titles: dict[str, set[str]] = {}
    for entity in entities:
        words = titles.setdefault(entity.id, set())
        for role in entity.roles:
            words.update(role.title.lower().split())
        for start, end in entity.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                words.update(_title_words(span))
    return titles


def _title_words(span: Span) -> set[str]:
    head = span.root
    modifiers = [c for c in head.children if c.dep_ in {"compound", "amod", "appos"} and c.i < span.start]
    modifiers += [c for c in head.children if c.dep_ == "appos" and c.i >= span.end]
    if head.dep_ == "appos":
        modifiers.append(head.head)
    words = {t.lemma_.lower() for m in modifiers for t in m.subtree if t.is_alpha}
    return words - {"the", "a", "an"}


# --- direct and partial quotes ---------------------------------------------


def _from_marks(ctx: _Context, mark: Marked) -> QuoteDetail | None:
    """The quote between one pair of marks, with its cue and speaker if any."""
    doc = ctx.doc
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    frame = _frame(doc, span, mark)
    lines = _lines_of(ctx.text, mark)
    outside = [t for t in frame if not ctx.quoted(t) and _line_of(ctx.text, t.idx) in lines]
    cue = _governing_cue(span, outside)
    partial = _is_partial(ctx.text, doc, mark, frame, cue)
    if cue is None and not partial:
        cue = _nearest_cue(outside, mark)
    kind = "partial" if partial else "direct"
    if cue is None:
        return _without_cue(ctx, mark, kind, outside)
    return _with_cue(ctx, mark, kind, cue)


def _frame(doc: Doc, span: Span, mark: Marked) -> list[Token]:
    """The sentences a quote overlaps, plus a short cue sentence right after it.

    The parser often ends a sentence at the closing mark of “...?” and
    starts a new one at "she asked."; that trailing clause belongs to it.
    """
    start, last = cues.sentence(span[0]).start, cues.sentence(span[-1])
    end = last.end
    if end < len(doc) and last.end_char <= mark.end + 2:
        nxt = cues.sentence(doc[end])
        if nxt[0].is_lower or nxt[0].pos_ in {"PRON", "PROPN"} and len(nxt) <= 12:
            end = nxt.end
    return list(doc[start:end])


def _governing_cue(span: Span, outside: list[Token]) -> Token | None:
    """The speech or naming verb linked to a quote in the parse: one that
    governs it ("said: “...”") or one it governs (“...,” she said)."""
    inside = range(span.start, span.end)
    outside_ids = {t.i for t in outside}
    for anc in span.root.ancestors:
        if anc.i in outside_ids and (cues.is_speech_verb(anc) or cues.is_naming_verb(anc)):
            return anc
    for verb in outside:
        if cues.is_speech_verb(verb) and any(a.i in inside for a in verb.ancestors):
            return verb
    return None


def _nearest_cue(outside: list[Token], mark: Marked) -> Token | None:
    """The speech verb nearest a quote that the parse did not link to one.

    Only for quotes set off by punctuation: a fragment inside someone
    else's sentence needs a verb that governs it.
    """
    speech = [t for t in outside if cues.is_speech_verb(t) and speaker_token(t) is not None]
    speech += [t for t in outside if according_to(t) is not None]
    if not speech:
        return None
    return min(speech, key=lambda t: min(abs(t.idx - mark.end), abs(mark.start - t.idx)))


def _is_partial(text: str, doc: Doc, mark: Marked, frame: list[Token], cue: Token | None) -> bool:
    """True for a fragment woven into the writer's sentence ("termed them “...”")."""
    if not frame:
        return False
    line_start = text.rfind("\n", 0, mark.start) + 1
    first = max(frame[0].idx, line_start)
    lead = text[first : max(first, mark.start - 1)].rstrip()
    if not lead or lead[-1] in ",:;—–-([\"“‘'":
        return False
    before = doc.char_span(first, first + len(lead), alignment_mode="expand")
    last = before[-1] if before is not None and len(before) else None
    starts_upper = text[mark.start].isupper()
    if last is not None and cue is not None and last.i == cue.i and starts_upper:
        return False
    return not (last is not None and last.lower_ == "that" and starts_upper and mark.closed)


def _with_cue(ctx: _Context, mark: Marked, kind: str, cue: Token) -> QuoteDetail:
    subject = speaker_token(cue)
    rule = "marks+cue" if cues.is_speech_verb(cue) else "marks+naming"
    if cue.lower_ == "according":
        rule = "marks+according-to"
    return _detail(ctx, mark.start, mark.end, kind, cue, subject, rule, 0.9 if subject else 0.6)


def _without_cue(ctx: _Context, mark: Marked, kind: str, outside: list[Token]) -> QuoteDetail | None:
    """A quote whose sentence has no speech verb: "X: “...”", a standalone
    quoted paragraph, or a partial fragment (kept only if it is a phrase)."""
    text = ctx.text
    before = text[: mark.start - 1].rstrip()
    if before.endswith(":"):
        subject = _colon_speaker(outside, mark)
        return _detail(ctx, mark.start, mark.end, "direct", None, subject, "marks+colon", 0.7)
    if not _said_like(text[mark.start : mark.end], kind):
        return None
    rule = "marks+floating" if kind == "direct" else "marks+fragment"
    return _detail(ctx, mark.start, mark.end, kind, None, None, rule, 0.6 if kind == "direct" else 0.4)


def _said_like(quoted: str, kind: str) -> bool:
    """Whether quoted text with no cue reads as speech rather than a title,
    a slogan or a word under discussion: a sentence, or a phrase of three or
    more words that is not in title case."""
    words = quoted.split()
    if len(words) >= 2 and all(w[0].isupper() for w in words if w[0].isalpha()):
        return False
    if kind == "direct" and quoted.rstrip("”’\"'")[-1:] in {".", "!", "?"}:
        return True
    return len(words) >= (4 if kind == "direct" else 3)


def _colon_speaker(outside: list[Token], mark: Marked) -> Token | None:
    """The subject of the clause before a colon that introduces a quote."""
    before = [t for t in outside if t.idx < mark.start and not t.is_punct]
    if not before:
        return None
    root = before[-1]
    while root.head.i != root.i and root.head in before:
        root = root.head
    subject = cues.logical_subject(root)
    if subject is not None:
        return subject
    return root if root.pos_ in {"PROPN", "NOUN", "PRON"} else None


# --- indirect quotes -------------------------------------------------------


def _reported(ctx: _Context, direct: list[tuple[int, int]]) -> list[QuoteDetail]:
    """Reported speech: content clauses of speech verbs, "according to" claims.

    A clause that is mostly inside quote marks is the direct or partial
    quote already found, not a second, indirect one.
    """
    quoted = direct + [(m.start, m.end) for m in ctx.marks]
    free = [t for t in _cue_words(ctx.doc) if not ctx.quoted(t)]
    covered = Coverage(quoted)  # built once: summing over every span for every clause was quadratic
    speech = [d for t in free if cues.is_speech_verb(t) and (d := _reported_speech(ctx, t, covered))]
    taken = Coverage(quoted + [(d.quote.start, d.quote.end) for d in speech])
    return speech + [d for t in free if (d := _according_to(ctx, t, taken))]


def _cue_words(doc: Doc) -> list[Token]:
    """The tokens that can be a speech verb or "according", in order: the rest cannot cue a quote."""
    words = docindex.words(doc)
    cue = zip(words.lower, words.lemma, strict=True)
    return [doc[i] for i, (lower, lemma) in enumerate(cue) if lemma in SPEECH_VERBS or lower == "according"]


def _reported_speech(ctx: _Context, verb: Token, direct: Coverage) -> QuoteDetail | None:
    if verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl", "amod"}:
        return None  # "Asked what he would do, ..." reports the question, not an answer
    content = content_span(verb)
    subject = speaker_token(verb)
    if content is None or subject is None or subject.lower_ == "you" or not on_line(verb, [subject]):
        return None
    start, end = content
    if ctx.quoted_share(start, end, direct) > 0.6:
        return None
    if verb.lemma_.lower() in cues.CREDIT_VERBS and _source_type(ctx, subject, verb.lemma_.lower()) == "outlet":
        return None
    return _detail(ctx, start, end, "indirect", verb, subject, "speech-verb+clause", 0.8)


def _according_to(ctx: _Context, token: Token, direct: Coverage) -> QuoteDetail | None:
    """ "According to <person or body>, <claim>" as an indirect quote.

    Outlets and documents are left to the attributions component: they
    relay a claim rather than make it.
    """
    source = according_to(token)
    if source is None or _source_type(ctx, source, "") in {"outlet", "document"}:
        return None
    claim = claim_around(token)
    if claim is None or ctx.quoted_share(claim[0], claim[1], direct) > 0.5:
        return None
    return _detail(ctx, claim[0], claim[1], "indirect", token, source, "according-to", 0.7)


# --- speakers, cues, channels, relays --------------------------------------


def _detail(
    ctx: _Context,
    start: int,
    end: int,
    kind: str,
    cue: Token | None,
    subject: Token | None,
    rule: str,
    confidence: float,
) -> QuoteDetail:
    """Build the record: resolve the speaker, read channel and relay."""
    surface = surface_span(subject) if subject is not None else None
    name, entity_id = _resolve(ctx, subject) if subject is not None else (None, None)
    cue_text = _cue_text(cue) if cue is not None else None
    channel = cues.channel_of(cue, [(start, end)]) if cue is not None and cue.pos_ == "VERB" else None
    quote = Quote(
        text=ctx.text[start:end],
        kind=kind,  # type: ignore[arg-type]
        start=start,
        end=end,
        speaker=name,
        speaker_id=entity_id,
        cue=cue_text,
        channel=channel,
        via=_via(ctx, start, end, subject),
        rule=rule,
        confidence=confidence,
    )
    cue_span = (cue.idx, cue.idx + len(cue_text)) if cue is not None and cue_text else None
    return QuoteDetail(quote, surface, cue_span)


def _cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return cue.doc[cue.i : min(cue.i + 2, len(cue.doc))].text
    return cue.text


def _resolve(ctx: _Context, subject: Token) -> tuple[str | None, str | None]:
    """Canonical speaker name and entity id for the subject token."""
    entity = ctx.mentions.at(subject.idx, subject.idx + len(subject.text))
    if entity is not None:
        return entity.name, entity.id
    lower = subject.lower_
    if lower in cues.PRONOUNS:
        antecedent = _antecedent(ctx, subject)
        return _resolve(ctx, antecedent) if antecedent is not None else (None, None)
    if subject.pos_ == "PROPN":
        start, end = surface_span(subject)
        entity = ctx.mentions.named(ctx.text[start:end])
    else:
        entity = _described(ctx, subject)
    if entity is not None:
        return entity.name, entity.id
    if lower in {"who", "which", "that", "this"}:
        return None, None
    start, end = surface_span(subject)
    return ctx.text[start:end], None


def _antecedent(ctx: _Context, pronoun: Token) -> Token | None:
    """What a pronoun speaker refers to: for "he", "she" or "I" the nearest
    earlier clause subject naming a person of a compatible gender, for "it"
    the nearest earlier organisation subject, within a few paragraphs."""
    lower = pronoun.lower_
    if lower == "it":
        earlier = [t for t in ctx.org_subjects if 0 < pronoun.idx - t.idx <= _FLOAT_REACH]
        return earlier[-1] if earlier else None
    if lower not in {"he", "she", "i"}:
        return None
    i = bisect.bisect_left(ctx.subject_starts, pronoun.idx)
    for token in reversed(ctx.subjects[:i]):
        if pronoun.idx - token.idx > 2 * _FLOAT_REACH:
            return None
        if lower == "i" or _gender_of(ctx, token) in {None, lower}:
            return token
    return None


def _gender_of(ctx: _Context, token: Token) -> str | None:
    entity = ctx.mentions.at(token.idx, token.idx + len(token.text))
    return ctx.genders.get(entity.id) if entity is not None else None


def _described(ctx: _Context, noun: Token) -> Entity | None:
    """The entity a description refers to: the person given that title
    ("the spokesperson"), or an organisation whose name has that word."""
    lemma = noun.lemma_.lower()
    if noun.tag_ not in {"NN", "NNP"}:
        return None
    holders = [e for e in ctx.entities if lemma in ctx.titles.get(e.id, ())]
    if holders:
        return _latest_before(holders, noun.idx)
    named = [e for e in ctx.entities if e.type == "ORG" and lemma in e.name.lower().split()]
    return _latest_before(named, noun.idx) if named else None


def _latest_before(entities: list[Entity], offset: int) -> Entity | None:
    """The entity mentioned last before ``offset`` (or first, if none was)."""
    best, best_at = None, -1
    for entity in entities:
        for start, _ in entity.mentions:
            if best_at < start < offset:
                best, best_at = entity, start
    return best or (entities[0] if entities else None)


def _via(ctx: _Context, start: int, end: int, subject: Token | None) -> str | None:
    """The outlet a statement was relayed through ("..., according to TASS")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    text = ctx.text
    line = (text.rfind("\n", 0, start) + 1, _line_end(text, end))
    sents = {s.start: s for s in (cues.sentence(span[0]), cues.sentence(span[-1]))}
    for sent in sents.values():
        for source, cue in cues.relay_sources(sent):
            if subject is not None and source.i == subject.i or start <= source.idx < end:
                continue
            if not line[0] <= source.idx < line[1]:
                continue
            if _source_type(ctx, source, cue.lemma_.lower()) == "outlet":
                s, e = surface_span(source)
                return text[s:e]
    return None


def _line_of(text: str, offset: int) -> int:
    """The start offset of the line holding ``offset``."""
    return text.rfind("\n", 0, offset) + 1


def _lines_of(text: str, mark: Marked) -> set[int]:
    return {_line_of(text, mark.start), _line_of(text, mark.end)}


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _source_type(ctx: _Context, token: Token, cue_lemma: str) -> str:
    """What kind of source ``token`` heads, by its entity's label if it has one."""
    entity = ctx.mentions.at(token.idx, token.idx + len(token.text))
    return cues.source_type(token, cue_lemma, entity.type if entity is not None else None)


def _fill_missing_speakers(ctx: _Context, details: list[QuoteDetail]) -> list[QuoteDetail]:
    """Give a quote set apart without a cue the speaker of the quote before it."""
    filled: list[QuoteDetail] = []
    for detail in details:
        quote = detail.quote
        if quote.speaker is None and quote.cue is None:
            source = _previous_speaker(filled, quote)
            if source is not None:
                quote = replace(quote, speaker=source.speaker, speaker_id=source.speaker_id)
                detail = replace(detail, quote=quote)
        filled.append(detail)
    return filled


def _previous_speaker(filled: list[QuoteDetail], quote: Quote) -> Quote | None:
    if quote.kind != "direct":
        return None
    for other in reversed(filled):
        oq = other.quote
        if quote.start - oq.end > _FLOAT_REACH:
            return None
        if oq.speaker is not None:
            return oq
    return None
