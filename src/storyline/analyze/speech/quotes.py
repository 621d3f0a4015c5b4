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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...lexicon import FEMALE_GIVEN as _FEMALE_GIVEN
from ...lexicon import MALE_GIVEN as _MALE_GIVEN
from ...lexicon import SPEECH_VERBS, TITLE_SEX, words
from ...model import Entity, Quote
from ...settings import Settings
from .. import docindex
from ..entities.entities import MentionIndex
from ..entities.roles import KINSHIP, is_role_word, is_title_word, spelled_out
from ..phrases import according_to, dateline
from ..registry import Found, component
from ..spans import Coverage, LargestOverlap
from . import cues
from .clauses import (
    claim_around,
    content_span,
    hypothetical_saying,
    negated,
    no_ones_statement,
    on_line,
    speaker_token,
    surface_span,
    tokens_span,
    unrealised_saying,
)
from .details import QuoteDetail
from .splits import joined

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_OPENERS = "“«„"
_CLOSERS = "”»"
_BEFORE_OPEN = " \t([{—–-/“‘"
_MARK_CHARS = re.compile("[“«„\"‘'”»’]")  # every character _opening or _closing can accept
_MARKUP_TAG = re.compile(r"<[A-Za-z][^<>\n]*>")  # <tweet author="..."> left in a text: its values are no quotes
_FLOAT_REACH = 1500  # characters back a quote without a cue looks for its speaker


@dataclass(frozen=True, slots=True)
class Marked:
    """The content between a pair of quote marks; ``closed`` is False when the
    paragraph ended first (a quotation continuing into the next paragraph)."""

    start: int
    end: int
    closed: bool = True


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
    details = details + _reported(ctx, direct)
    details = [d for d in details if not ctx.in_heading(d.quote.start)]
    details.sort(key=lambda d: (d.quote.start, d.quote.end))
    return _Discourse(ctx).resolve(joined(details, doc, ctx.text, ctx.raw))


def in_reports(quotes: Iterable[Quote]) -> set[tuple[int, int]]:
    """Spans of the partial quotes that lie inside an indirect quote.

    "She said the deal was “dead in the water”" holds two quotes: the
    reported clause (indirect) and the speaker's own words in marks
    (partial). Both are kept, as a reader (and an annotator listing the
    quotations of an article) counts the quoted words apart from the
    paraphrase around them; a consumer whose unit is one statement per
    clause (PolNeAR's attributions) drops the spans returned here.
    """
    quotes = list(quotes)
    spans = LargestOverlap((q.start, q.end) for q in quotes if q.kind == "indirect")
    return {(q.start, q.end) for q in quotes if q.kind == "partial" and spans.share(q.start, q.end) >= 0.9}


# --- quote marks ---------------------------------------------------------


def quote_marks(text: str) -> list[Marked]:
    """Spans between quote marks, paragraph by paragraph.

    Double quotes (curly or straight, or two apostrophes: :func:`doubled`)
    nest single ones, which are ignored inside them; a single quote counts
    only when it cannot be an apostrophe. An opening mark left open at the
    end of a paragraph yields a span to the paragraph's end, the convention
    for multi-paragraph quotations.
    """
    found: list[Marked] = []
    start = 0
    text = doubled(text)
    for line in text.split("\n"):
        found.extend(_marks_in_line(text, start, start + len(line)))
        start += len(line) + 1
    return found


# Two apostrophes or two backticks for a double quotation mark, as newspaper
# archives and typewritten copy print it: ``''Yes,'' she said``, ```Yes,'' she said``.
_TWO_MARKS = re.compile(r"(?<!['`])(''|``)(?!['`])")


def doubled(text: str) -> str:
    """``text`` with each pair of apostrophes (or backticks) that stands for a
    double quotation mark written as one curly mark and a space, keeping every
    offset: the pair opens a quotation after a space, a bracket or a dash and
    before a word (the space goes first), and closes one elsewhere (the space
    goes after). Backticks always open. Quote rules then read an archive's
    ''...'' as they read “...”."""
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    for found in _TWO_MARKS.finditer(text):
        i = found.start()
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 2] if i + 2 < len(text) else " "
        opens = found.group() == "``" or (prev.isspace() or prev in "([{—–-/") and not nxt.isspace()
        chars[i : i + 2] = [" ", "“"] if opens else ["”", " "]
    return "".join(chars)


def _marks_in_line(text: str, start: int, end: int) -> list[Marked]:
    found: list[Marked] = []
    open_at, kind, nested = -1, "", False
    for i in (m.start() for m in _MARK_CHARS.finditer(text, start, end)):  # no other character opens or closes
        if open_at < 0:
            kind = _opening(text, i, start)
            open_at = i if kind else -1
        elif text[open_at] == '"' and (text[i] == "“" or nested and text[i] == "”"):
            # "... after what he termed a “stunt,” a string of ...": curly marks inside a
            # straight quotation pair with each other, not with its opener.
            nested = text[i] == "“"
        elif _closing(text, i, end, kind):
            nested = False
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
    if char in "‘'" and prev in _BEFORE_OPEN and nxt.isalnum() and not _elided(text, i + 1):
        return "'"
    return ""


# Words written with a leading apostrophe for dropped letters ("how ’bout",
# "rock ’n’ roll", "in ’09"): the apostrophe opens no quotation.
_ELISIONS = words("bout em cause cos til till tis twas n round nother")
_WORD_AT = re.compile(r"[A-Za-z]+|\d{2}\b")


def _elided(text: str, at: int) -> bool:
    """Whether the word starting at ``at`` is a shortened word or a year's last two digits."""
    found = _WORD_AT.match(text, at)
    return found is not None and (found.group().isdigit() or found.group().lower() in _ELISIONS)


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


class _SpeakerMentions(MentionIndex):
    """The entity at a span, reading a lone surname the recogniser typed as
    something else ("Mendoza" as a group, after "Ana Mendoza" as a person) as
    the one person named earlier with that surname: the writer shortens a
    name already given, and a surname does not turn into a nationality."""

    def __init__(self, entities: list[Entity], text: str) -> None:
        super().__init__(entities)
        self.text = text
        self.surnames: dict[str, list[Entity]] = {}
        for entity in entities:
            if entity.type == "PERSON" and " " in entity.name:
                self.surnames.setdefault(entity.name.split()[-1].lower(), []).append(entity)

    def at(self, start: int, end: int) -> Entity | None:
        entity = super().at(start, end)
        if entity is None or entity.type == "PERSON" or " " in entity.name:
            return entity
        word = self.text[start:end].lower()
        people = self.surnames.get(word, []) if entity.name.lower() == word else []
        if len(people) == 1 and people[0].mentions and people[0].mentions[0][0] < start:
            return people[0]
        return entity


class _Context:
    """What the rules look up while reading one article."""

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.doc = doc
        self.raw = docindex.doc_text(doc)  # Doc.text joins every token on each access
        self.text = doubled(self.raw)  # ''...'' read as “...” by every rule below
        self.entities = entities
        self.mentions = _SpeakerMentions(entities, self.text)
        self.headings = heading_lines(self.text)
        self.heading_starts = [s for s, _ in self.headings]
        tags = [(m.start(), m.end()) for m in _MARKUP_TAG.finditer(self.text)]
        self.marks = [
            m
            for m in quote_marks(self.text)
            if _enough_words(self.text, m) and not self.in_heading(m.start) and not _inside(tags, m.start)
        ]
        self.mark_starts = [m.start for m in self.marks]
        self.subjects = [
            t for t in _person_subjects(doc, self.mentions) if not self.talked_about(t) and not _in_denied_report(t)
        ]
        self.subject_starts = [t.idx for t in self.subjects]
        self.org_subjects = [t for t in _org_subjects(doc, self.mentions) if not self.talked_about(t)]
        self.titled_subjects = [t for t in _titled_subjects(doc) if not self.talked_about(t)]
        self.titles = _titles(doc, entities)
        self.genders = _genders(doc, entities, self.titles)

    def in_heading(self, offset: int) -> bool:
        """True when ``offset`` lies on a headline or subhead line."""
        i = bisect.bisect_right(self.heading_starts, offset) - 1
        return i >= 0 and offset < self.headings[i][1]

    def quoted(self, token: Token) -> bool:
        """True when ``token`` lies inside quote marks."""
        return self.quoted_offset(token.idx)

    def talked_about(self, token: Token) -> bool:
        """True when ``token`` lies inside quote marks: a name there is being
        talked about, it is no antecedent of "he"."""
        return self.quoted_offset(token.idx)

    def quoted_offset(self, offset: int) -> bool:
        """True when the character at ``offset`` lies inside quote marks."""
        i = bisect.bisect_right(self.mark_starts, offset) - 1
        return i >= 0 and offset < self.marks[i].end

    def quoted_share(self, start: int, end: int, spans: Coverage) -> float:
        """Fraction of ``[start, end)`` covered by ``spans``."""
        return spans.covered(start, end) / max(1, end - start)


_LINE_ENDS = frozenset(".!?:;)…")
_CLOSING = "\"”’'»"


def heading_lines(text: str) -> list[tuple[int, int]]:
    """The [start, end) offsets of the lines that are headlines or subheads.

    A heading is short and reads as a label, not a sentence: it stops
    without a sentence's closing punctuation, or its words are in title
    case ("Minister Calls Plan ‘A Dead End’"). Quoted words in a heading
    repeat or tease a quote of the body; they are neither a quote nor part
    of one.
    """
    found = []
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        words = stripped.split()
        ending = stripped.rstrip(_CLOSING)[-1:]  # “... late” ends a label, “... late.” a sentence
        if _signed_line(stripped):
            pass  # “... late every day.” ― Lind: a reader's words and whose, no label
        elif words and len(words) <= 20 and (ending not in _LINE_ENDS or _title_case(words)):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def _signed_line(line: str) -> bool:
    """Whether a line is a whole quotation signed after its closing mark ("“...” ― Lind")."""
    if line[:1] not in _OPENERS + '"':
        return False
    closing = max(line.rfind(c) for c in _CLOSERS + '"')
    return closing > 0 and _SIGNATURE.fullmatch(line, closing + 1) is not None


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans``."""
    return any(start <= offset < end for start, end in spans)  # a text has few tags, if any


def _title_case(words: list[str]) -> bool:
    """Whether every longer word of a line is capitalised, as in a headline."""
    longer = [w.lstrip("“‘\"'(") for w in words]
    longer = [w for w in longer if len(w) > 3 and w[0].isalpha()]
    return len(longer) >= 3 and all(w[0].isupper() for w in longer)


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
    for token in _proper_subjects(doc, capitalised=True):
        if _small_clause_subject(token):
            continue  # "wanted to keep Ruiz responsible": Ruiz is acted on, not acting
        entity = mentions.at(token.idx, token.idx + len(token.text))
        named = entity is not None and entity.type == "PERSON"
        if token.pos_ != "PROPN" and not named:
            continue  # a capitalised common noun ("Officials said") names no one
        missed = entity is None and not token.ent_type_ and cues.is_speech_verb(token.head)
        if named or missed or _person_by_apposition(token):
            found.append(token)
    words = docindex.words(doc)
    for i, (dep, pos) in enumerate(zip(words.dep, words.pos, strict=True)):
        # "the mayor's aide, Ana Ruiz, argues ...": the name set beside the title acts
        if dep in {"nsubj", "nsubjpass"} and pos == "NOUN" and not _small_clause_subject(doc[i]):
            for name in doc[i].children:
                entity = mentions.at(name.idx, name.idx + len(name.text))
                if name.dep_ == "appos" and name.pos_ == "PROPN" and entity is not None and entity.type == "PERSON":
                    found.append(name)
    return sorted(found, key=lambda t: t.i)


def _small_clause_subject(token: Token) -> bool:
    """Whether a subject is that of a clause with no tense of its own set
    after another verb ("keep Ruiz responsible", "let Kim speak", "saw Lee
    leave"): the parser calls it a subject, but it is the other verb's object."""
    clause = token.head
    if clause.dep_ not in {"ccomp", "xcomp", "oprd"} or clause.tag_ not in {"VB", "JJ", "NN", "NNS"}:
        return False
    return not any(c.dep_ in {"aux", "auxpass", "mark"} for c in clause.children)


def _in_denied_report(token: Token) -> bool:
    """Whether a subject stands in what someone did not say ("he had not said
    that Kim had paid"): like a person inside quotation, Kim is talked about,
    and a later "he said" is not Kim. (A said clause that is kept as a quote
    ends after its subjects, so the discourse model already passes them.)"""
    clause = token.head
    return clause.dep_ == "ccomp" and cues.is_speech_verb(clause.head) and negated(clause.head)


def _person_by_apposition(token: Token) -> bool:
    """Whether a name the recogniser typed otherwise is a person by the title
    set beside it ("Vane Okafor, the party chairman, announced ...")."""
    return any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.tag_ == "NN" and cues.source_type(c) == "person"
        for c in token.children
    )


def _org_subjects(doc: Doc, mentions: MentionIndex) -> list[Token]:
    """Clause subjects that name an organisation: what a later "it" says."""
    found = []
    for token in _proper_subjects(doc):
        entity = mentions.at(token.idx, token.idx + len(token.text))
        if entity is not None and entity.type == "ORG":
            found.append(token)
    return found


def _titled_subjects(doc: Doc) -> list[Token]:
    """Clause subjects written as a title ("the president framed ..."): a later
    "he" in the story about that person refers to the title's holder."""
    words = docindex.words(doc)
    pairs = zip(words.dep, words.pos, strict=True)
    return [
        doc[i]
        for i, (dep, pos) in enumerate(pairs)
        if dep in {"nsubj", "nsubjpass"}
        and pos == "NOUN"
        and doc[i].tag_ == "NN"
        and any(c.lower_ == "the" for c in doc[i].children)
    ]


def _proper_subjects(doc: Doc, capitalised: bool = False) -> list[Token]:
    """Proper nouns that are clause subjects, in text order; with
    ``capitalised``, also capitalised common nouns (the tagger reads some
    surnames as plurals: "Rogers spoke first")."""
    words = docindex.words(doc)
    pairs = zip(words.dep, words.pos, strict=True)
    return [
        doc[i]
        for i, (dep, pos) in enumerate(pairs)
        if dep in {"nsubj", "nsubjpass"}
        and (pos == "PROPN" or capitalised and pos == "NOUN" and doc[i].text[:1].isupper())
    ]


_MALE = words("he him his himself") | {t for t, sex in TITLE_SEX.items() if sex == "he"}
_FEMALE = words("she her hers herself") | {t for t, sex in TITLE_SEX.items() if sex == "she"}


# Nouns for a person that say the person's sex ("Park, the mother of two,", "spokeswoman Ana Ruiz").
_MALE_NOUNS = words(
    "man boy father husband son brother uncle nephew grandfather grandson king prince actor "
    "spokesman congressman businessman councilman chairman widower"
)
_FEMALE_NOUNS = words(
    "woman girl mother wife daughter sister aunt niece grandmother granddaughter queen princess actress "
    "spokeswoman congresswoman businesswoman councilwoman chairwoman widow"
)


def _noun_sex(noun: Token) -> str | None:
    """ "he" or "she" when a common noun for a person says it ("the woman", "a spokesman")."""
    if noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    return "he" if lemma in _MALE_NOUNS else "she" if lemma in _FEMALE_NOUNS else None


def _genders(doc: Doc, entities: list[Entity], titles: dict[str, set[str]]) -> dict[str, str]:
    """ "he" or "she" per person entity id, where the article shows which.

    The evidence is an honorific before a mention ("Ms. Park"), the pronouns
    later in the sentences where the person is the subject ("Park said she
    ..."), and a noun for a person set beside the name ("Park, a mother of
    two"), and a given name used for one sex only ("Helen", "Frank": two
    namesakes in one story are often a couple), worth two of the others;
    with no evidence either way the person stays open to both.
    """
    genders = {}
    people = [e for e in entities if e.type == "PERSON"]
    shared = Counter(e.name.lower().split()[-1] for e in people if e.name.split())
    for entity in people:
        nouns = titles.get(entity.id, set())
        male, female = len(nouns & _MALE_NOUNS), len(nouns & _FEMALE_NOUNS)
        for start, end in entity.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or " " not in span.text and shared[span.text.lower()] > 1:
                continue  # "Mr. Chen" with two Chens: the mention may be tied to the wrong one
            words = [w for t in _after_mention(span) if (w := t.lower_.rstrip(".")) in _MALE | _FEMALE]
            male += bool(words) and words[0] in _MALE
            female += bool(words) and words[0] in _FEMALE
        # A given name counts as much as two pronouns: the pronoun evidence is a
        # parse ("Kim said he ..." may be about someone else), the name is not.
        given = entity.name.lower().split()[0] if len(entity.name.split()) > 1 else ""
        male += 2 * (given in _MALE_GIVEN)
        female += 2 * (given in _FEMALE_GIVEN)
        if male != female:
            genders[entity.id] = "he" if male > female else "she"
    return genders


def _after_mention(span: Span) -> list[Token]:
    """The honorific before a mention, and the pronouns that refer back to it
    when it is a subject (:func:`_referring`)."""
    doc = span.doc
    tokens = [doc[span.start - 1]] if span.start > 0 else []
    return tokens + _referring(span.root)


def _referring(subject: Token) -> list[Token]:
    """The pronouns the grammar ties to a subject, in text order: a reflexive
    right after it ("Kim herself"), the subject of the clause its verb
    reports or of a clause joined to it ("Kim said she ...", "Kim met them
    and he ..."), a possessive in its own clause ("Kim raised her hand").
    A pronoun in another clause may be someone else ("Kim said Lee was
    reduced to insults because he ..."), and so may the subject of a clause
    after a verb with a person as its object ("Kim told Lee that he ...",
    "Kim met Lee and he ..."): he or she may be that person."""
    if subject.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    doc, verb = subject.doc, subject.head
    found = [doc[subject.i + 1]] if subject.i + 1 < len(doc) and doc[subject.i + 1].lower_ in _REFLEXIVE else []
    if not _someone_else_named(verb):
        for child in verb.children:
            if child.dep_ in {"ccomp", "xcomp", "conj"}:
                found += [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PRON"]
    found += [t for t in verb.subtree if t.dep_ == "poss" and t.pos_ == "PRON" and _clause_verb(t).i == verb.i]
    return sorted(found, key=lambda t: t.i)


def _someone_else_named(verb: Token) -> bool:
    """Whether ``verb`` has an object that one person could be: a singular
    noun or name that is no date or place, or "him" or "her" ("told Lee",
    "met the judge", "gave it to him"). A plural ("told reporters"), a place
    or no object leaves the subject as the only one a later "he" or "she"
    means."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    objects += [c for o in objects if o.dep_ == "dative" for c in o.children if c.dep_ == "pobj"]
    person = [o for o in objects if o.tag_ in {"NN", "NNP"} and o.ent_type_ in {"", "PERSON"}]
    return bool(person) or any(o.lower_ in {"him", "her"} for o in objects)


def _clause_verb(token: Token) -> Token:
    """The verb of the clause ``token`` is in (spaCy makes a new Token on each
    access, so compare the result by ``.i``, not by identity)."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


_REFLEXIVE = words("himself herself")


def _titles(doc: Doc, entities: list[Entity]) -> dict[str, set[str]]:
    """Lower-cased title head words per entity id, from its roles and the text.

    "Kremlin spokesperson Dmitry Peskov" and "Peskov, the Kremlin's
    spokesperson," both give Peskov the word "spokesperson", so "the
    spokesperson" can later be resolved to him. Only a title's head word
    counts: "campaign manager Ana Ruiz" is a manager, and "his campaign"
    is not her.
    """
    titles: dict[str, set[str]] = {}
    for entity in entities:
        words = titles.setdefault(entity.id, set())
        for role in entity.roles:
            words.update(spelled_out(w) for w in role.title.lower().split()[-1:])
        for start, end in entity.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                words.update(_title_words(span))
    return titles


def _title_words(span: Span) -> set[str]:
    head = span.root
    before = [c for c in head.children if c.dep_ in {"compound", "amod", "appos"} and c.i < span.start]
    modifiers = [max(before, key=lambda c: c.i)] if before else []
    modifiers += [c for c in head.children if c.dep_ == "appos" and c.i >= span.end]
    if head.dep_ == "appos":
        modifiers.append(head.head)
    words = {spelled_out(m.lemma_.lower()) for m in modifiers if m.text.rstrip(".").isalpha()}
    return words - {"the", "a", "an"}


# --- direct and partial quotes ---------------------------------------------


def _from_marks(ctx: _Context, mark: Marked) -> QuoteDetail | None:
    """The quote between one pair of marks, with its cue and speaker if any."""
    doc = ctx.doc
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    frame = _frame(ctx.text, doc, span, mark)
    lines = _lines_of(ctx.text, mark)
    outside = [t for t in frame if not ctx.quoted(t) and _line_of(ctx.text, t.idx) in lines]
    cue = _governing_cue(span, outside)
    partial = _is_partial(ctx.text, doc, mark, frame, cue)
    if cue is None and not partial:
        cue = _nearest_cue(outside, mark)
    if cue is None and partial:
        cue = _cue_after(ctx, span)
    kind = "partial" if partial else "direct"
    titled = _title_like(ctx.text[mark.start : mark.end], partial) and not _split_opening(ctx, mark)
    if titled and (cue is None or not cues.is_naming_verb(cue)):
        return None  # "told “Morning Shift”": the name of a programme or a book ("called it “...”" names)
    if cue is None:
        return _without_cue(ctx, mark, kind, outside)
    if partial and _negated_outside(ctx, cue):
        return None  # "did not call the plan “a failure”": words the subject did not say
    if partial and not cues.is_naming_verb(cue) and _scare_word(ctx.text, mark) and not _reported_word(cue, mark):
        return None  # "pledged “thorough” changes": the writer's word, set off
    if partial and _class_label(span):
        return None  # "had graded the quay as “category two”": a category's name, not anyone's words
    if _named_thing(ctx.text, mark, cue):
        return None  # "a seminar called “Attention”": the name of a thing, not anyone's words
    subject = speaker_token(cue)
    if partial and subject is not None and (no_ones_statement(cue, subject) or hypothetical_saying(cue, subject)):
        return None  # "31 percent say she is “not at all prepared”": a poll's answer
    if partial and cues.is_speech_verb(cue) and unrealised_saying(cue):
        return None  # "pressed her to say whether it was “fair”": nothing said yet
    return _with_cue(ctx, mark, kind, cue)


_SPLIT_GAP = re.compile(r",[”\"][^“”\"\n]{1,120},\s*[“\"]")  # ,” Dean Ode said, “


def _split_opening(ctx: _Context, mark: Marked) -> bool:
    """Whether a run is the first piece of a quotation split around its cue,
    the next piece going on in lower case (“In Valmora,” Ode said, “even
    though ...”): words in capitals there open a sentence, they name nothing."""
    gap = _SPLIT_GAP.match(ctx.text, mark.end)
    return gap is not None and ctx.text[gap.end() : gap.end() + 1].islower()


_PAIRED_WORD = re.compile(r"[”’\"']?\s*(?:and|or|,)\s+[“‘\"']")  # “lazy” and “vain”


def _scare_word(text: str, mark: Marked) -> bool:
    """Whether a partial quote is one word set off inside the writer's own
    phrase: “thorough” changes, a “temporary” truce, save “efficiencies”
    through. Such marks distance the writer from a word; they do not report what
    someone said. One word that ends its clause ("said the toll was “absurd.”")
    or that stands with another quoted word ("“lazy” and “vain”") is
    the speaker's word and stays a quote, and so does a word after a naming
    verb ("called it “silly”"), which the caller leaves alone."""
    quoted = text[mark.start : mark.end].strip()
    if " " in quoted or not quoted or quoted[-1] in ".,;:!?":
        return False
    after = text[mark.end : mark.end + 12]
    if _PAIRED_WORD.match(after):
        return False
    rest = after.lstrip("”’\"'").lstrip(" ")
    return rest[:1].isalnum()


# Verbs that put a thing in a class ("graded the quay as “category two”").
_CLASSING = words("classify rate rank grade list designate categorize categorise register code")
_SO_CALLED = re.compile(r"\bso[-–] ?called\W*$", re.IGNORECASE)


def _class_label(span: Span) -> bool:
    """Whether a partial quote is the name of a class or a term the writer
    keeps at a distance: after "as" on a verb of classing ("graded the
    quay as “category two”", "rated the bridge as “poor”") or after
    "so-called". No speaker's words fill it. After other verbs ("described
    the rota as “unworkable”", "painted him as “reckless”") the words are
    the speaker's."""
    doc = span.doc
    before = span.start - 1
    while before >= 0 and (doc[before].is_punct or doc[before].is_space):
        before -= 1
    lead = docindex.doc_text(doc)[max(0, span.start_char - 12) : span.start_char]
    if _SO_CALLED.search(lead):
        return True  # "the so-called “harbour compact”": the writer's distance from a name
    if before < 0 or doc[before].lower_ != "as" or doc[before].dep_ != "prep":
        return False
    return doc[before].head.lemma_.lower() in _CLASSING


def _reported_word(cue: Token, mark: Marked) -> bool:
    """Whether one quoted word lies inside the clause a speech verb reports
    ("told the board the tide tables were “unworkable” at night"): inside someone's
    reported words the marks give that one's own word, not the writer's
    distance from it, so it is a partial quote, not a scare quote."""
    if not cues.is_speech_verb(cue):
        return False
    content = content_span(cue)
    return content is not None and content[0] <= mark.start and mark.end <= content[1] + 2


def _named_thing(text: str, mark: Marked, cue: Token) -> bool:
    """Whether a quote in capitals is the name a participle gives a thing
    ("a seminar called “Attention”", "a plan dubbed “Blue Harbor”"): the
    participle modifies the thing named, and no one is quoted."""
    return cue.dep_ == "acl" and cue.tag_ == "VBN" and cues.is_naming_verb(cue) and text[mark.start].isupper()


def _frame(text: str, doc: Doc, span: Span, mark: Marked) -> list[Token]:
    """The sentences a quote overlaps, plus a short cue sentence right after it.

    The parser often ends a sentence at the closing mark of “...?” and
    starts a new one at "she asked."; that trailing clause belongs to it.
    """
    start, last = cues.sentence(span[0]).start, cues.sentence(span[-1])
    lead = text[text.rfind("\n", 0, mark.start) + 1 : max(0, mark.start - 1)].rstrip()
    if start > 0 and start >= span.start - 1 and lead[-1:] in {",", ":"}:
        start = cues.sentence(doc[start - 1]).start  # "X wrote, “...": the parser split at the mark
    end = last.end
    if end < len(doc) and last.end_char <= mark.end + 2:
        nxt = cues.sentence(doc[end])
        # "“... change?” Trump asked": after a question or an exclamation, a name the
        # tagger read as a noun starts the cue sentence too
        named = nxt[0].pos_ in {"PRON", "PROPN"} or nxt[0].is_title and text[mark.end - 1 : mark.end] in {"?", "!"}
        if nxt[0].is_lower or named and len(nxt) <= 12:
            end = nxt.end
    return list(doc[start:end])


def _governing_cue(span: Span, outside: list[Token]) -> Token | None:
    """The speech or naming verb linked to a quote in the parse: one that
    governs it ("said: “...”") or one it governs (“...,” she said)."""
    inside = range(span.start, span.end)
    outside_ids = {t.i for t in outside}
    for anc in span.root.ancestors:
        if anc.i in outside_ids and (cues.is_speech_verb(anc) or cues.is_naming_verb(anc) or _continuing(anc)):
            return anc
    governed = [v for v in outside if cues.is_speech_verb(v) and any(a.i in inside for a in v.ancestors)]
    # "Stressing the cost, Alder said, “If ..., we ...”": the parser hangs both the opening
    # participle and "said" on the quote's verb; the one with a subject of its own speaks
    own = [v for v in governed if cues.logical_subject(v) is not None]
    return next(iter(own or governed), None)


def _continuing(verb: Token) -> bool:
    """ "“...,” he continued", "“...?” Vale questioned", "“...,” the suit
    reads": a speaker going on or asking, named or a pronoun, or a text read
    out, when the verb has no object or infinitive of its own ("continued to
    rise", "questioned the plan"); "the passage continued" is no speaker."""
    lemma = verb.lemma_.lower()
    if lemma not in {"continue", "question", "read"} or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in {"dobj", "xcomp", "prep", "attr"} for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if lemma == "read":
        return any(_is_text(c) for c in subjects)  # "the letter reads"; "he read" is reading aloud
    return any(c.pos_ in {"PRON", "PROPN"} for c in subjects)


def _cue_after(ctx: _Context, span: Span) -> Token | None:
    """The speech verb just after a partial quote the parser cut off from it:
    “The vote ‘was a mistake,’ Kim said” puts "Kim said" in a sentence of its own."""
    doc = ctx.doc
    after = [t for t in doc[span.end : min(len(doc), span.end + 6)] if not ctx.quoted(t)]
    for token in after:
        if token.text in {".", "!", "?", ";"} or token.is_space:
            return None
        if cues.is_speech_verb(token) and speaker_token(token) is not None:
            return token
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
    rule = "marks+cue" if cues.is_speech_verb(cue) or _continuing(cue) else "marks+naming"
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
        if subject is None and "\n" in text[len(before) : mark.start]:
            subject = _colon_speaker(_intro_line(ctx, len(before) - 1), mark)
        return _detail(ctx, mark.start, mark.end, "direct", None, subject, "marks+colon", 0.7)
    if not _said_like(text[mark.start : mark.end], kind):
        return None
    signer = _signed_by(ctx, mark) if kind == "direct" else None
    if signer is not None:
        return _detail(ctx, mark.start, mark.end, kind, None, signer, "marks+signed", 0.8)
    owner = _words_owner(ctx, mark) if kind == "direct" else None
    if owner is not None:
        return _detail(ctx, mark.start, mark.end, kind, None, owner, "marks+floating", 0.7)
    rule = "marks+floating" if kind == "direct" else "marks+fragment"
    subject = _fragment_holder(ctx, mark) if kind == "partial" else None
    return _detail(ctx, mark.start, mark.end, kind, None, subject, rule, 0.6 if kind == "direct" else 0.4)


# Nouns for words someone said, whose possessor said them ("Kim's answer — “...” —").
_SAID_NOUNS = words("answer reply response retort remark comment words line refrain motto mantra quip vow pledge")
_SETTING_MARKS = frozenset({"—", "–", "-", "--", ":", ","})


def _words_owner(ctx: _Context, mark: Marked) -> Token | None:
    """The possessor of a noun for words said that a quote is set beside
    ("Alder's usual answer — “...” — will be heard again", "Varga's reply:
    “...”"): a name, who said them."""
    doc = ctx.doc
    opening = doc.char_span(mark.start - 1, mark.start, alignment_mode="expand")
    if opening is None or not len(opening) or opening.start == 0:
        return None
    i = opening.start - 1
    while i > 0 and (doc[i].text in _SETTING_MARKS or doc[i].is_space or doc[i].pos_ == "ADV"):
        i -= 1  # "Kim's answer then — “...”"
    noun = doc[i]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _SAID_NOUNS:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return owners[0] if owners else None


# A signature: a dash (a hyphen, an en or em dash, a horizontal bar), then a
# name of one to four capitalised words that ends its line.
_SIGNATURE = re.compile(
    r"[^\S\n]*[-—–―]+[^\S\n]*([A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,3})[^\S\n]*[.,]?[^\S\n]*(?:\n|$)"
)  # [^\S\n]: a space, a tab or a no-break space, not a line end


def _signed_by(ctx: _Context, mark: Marked) -> Token | None:
    """The name that signs a quoted paragraph, on the line below ("“...”" then
    "- Lind.") or after the closing mark on the quote's own line ("“...” ―
    Lind"), as fact-checks and collections of readers' comments print a claim
    and whose it is."""
    text = ctx.text
    match = _SIGNATURE.match(text, mark.end + 1) if text[mark.end : mark.end + 1] in _CLOSING else None
    if match is None:
        rest = text[mark.end : _line_end(text, mark.end)]
        if rest.strip(" \t" + _CLOSING + ".,"):
            return None  # the line goes on after the quote: not a quote set apart
        after = _line_end(text, mark.end)
        while after < len(text) and text[after] in "\n\r \t":
            after += 1
        match = _SIGNATURE.match(text, after)
    if match is None:
        return None
    span = ctx.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if span is None or not len(span):
        return None
    entity = ctx.mentions.at(span.root.idx, span.root.idx + len(span.root.text))
    return span.root if entity is not None and entity.type in _SPEAKING_TYPES else None  # not "- Read more"


def _fragment_holder(ctx: _Context, mark: Marked) -> Token | None:
    """Whose words a fragment with no speech verb is: the subject of the
    clause it sits in, when that is someone who can speak or a text ("He
    also seeks “...”", "The party released a statement, offering “...”",
    "the statement called for “...”"). Words woven into someone's clause are
    most often that one's own; a common noun ("the plan calls for") is not."""
    span = ctx.doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for token in span.sent:
        if ctx.quoted(token) or span.start <= token.i < span.end:
            continue
        if token.lower_ == "according":
            # "... an “incomplete” response, according to a report": the source's words
            source = according_to(token)
            if source is not None:
                return source
        if token.dep_ == "parataxis" and cues.is_speech_verb(token):
            # "The plan, Lind said, has brought “...”": the words of the one set in commas
            subject = speaker_token(token)
            if subject is not None and not ctx.quoted(subject):
                return subject
    # A fragment of two sentences ("that “... fine. If ... story.”") has its root
    # in the last one: the verb it hangs from is above its first word.
    for verb in list(span.root.ancestors) or list(span[0].ancestors):
        if ctx.quoted(verb) or verb.pos_ not in {"VERB", "AUX"}:
            continue
        subject = speaker_token(verb)
        if subject is None:
            continue
        if ctx.quoted(subject):
            return None
        entity = ctx.mentions.at(subject.idx, subject.idx + len(subject.text))
        speaks = entity is not None and entity.type in _SPEAKING_TYPES
        if speaks or subject.lower_ in {"he", "she", "they"} or _is_text(subject):
            return subject
        return None
    return None


_TITLE_SMALL = words("and of the a an in on to for at with or is are was not no that this from by as vs")


def _title_like(quoted: str, partial: bool = False) -> bool:
    """Whether quoted words are a name in title case ("Down and Out in the Valley"):
    two to eight words, each capitalised or a small joining word, no sentence end
    (for a ``partial`` quote, a full stop is the writer's: "said on “Sunday
    Morning With Ann Vale.”", "on Selm One's “Harbour Hour.”")."""
    words = quoted.split()
    end = quoted.rstrip("”’\"'")[-1:]
    if not 2 <= len(words) <= 8 or end in {"!", "?", ","} or end == "." and not partial:
        return False  # a full stop inside the marks ends a sentence, or a title woven into the writer's
    if any(w.endswith(".") and w[:1].islower() for w in words[:-1]):
        return False  # "Certainly not. Certainly not": sentences
    words = [w.rstrip(".") for w in words if w[0].isalpha()]  # "Save the 4th Street Pier": a number is neither
    capitals = sum(w[0].isupper() for w in words)
    return capitals >= 2 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


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


def _intro_line(ctx: _Context, colon: int) -> list[Token]:
    """The sentence ending in the colon at ``colon`` when it closes the paragraph
    before a quotation ("Kim went on:" and the quote below it), outside quote marks."""
    span = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None or not len(span):
        return []
    return [t for t in cues.sentence(span[0]) if not ctx.quoted(t)]


def _colon_speaker(outside: list[Token], mark: Marked) -> Token | None:
    """The subject of the clause before a colon that introduces a quote."""
    before = [t for t in outside if t.idx < mark.start and not t.is_punct and not t.is_space]
    if not before:
        return None
    root = before[-1]
    while root.head.i != root.i and root.head in before:
        root = root.head
    subject = cues.logical_subject(root)
    if subject is not None:
        return subject
    if root.pos_ == "ADP":  # "From Alder's post:", "In the union's letter:": the text's author
        texts = [c for c in root.children if c.dep_ == "pobj" and _is_text(c)]
        return _author_token(texts[0]) if texts else None
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
    speech += [d for t in free if (d := _according_to(ctx, t, taken))]
    taken = Coverage(quoted + [(d.quote.start, d.quote.end) for d in speech])
    return speech + [d for t in _claim_nouns(ctx.doc) if not ctx.quoted(t) and (d := _claimed(ctx, t, taken))]


def _cue_words(doc: Doc) -> list[Token]:
    """The tokens that can be a speech verb or "according", in order: the rest cannot cue a quote."""
    words = docindex.words(doc)
    cue = zip(words.lower, words.lemma, strict=True)
    return [doc[i] for i, (lower, lemma) in enumerate(cue) if lemma in SPEECH_VERBS or lower == "according"]


# Nouns that name a statement whose content a "that" clause gives ("his claim that ...").
CLAIM_NOUNS = words(
    "claim assertion argument allegation warning insistence promise pledge vow admission announcement "
    "prediction contention accusation charge statement suggestion remark comment boast threat "
    "response answer reply message"
)
# Verbs whose subject makes the claim their object names ("made the claim that", "repeated the warning that").
_CLAIMING = words("make issue repeat reiterate renew voice stand persist")


def _claim_nouns(doc: Doc) -> list[Token]:
    """The tokens that can be a noun of claiming, in order."""
    words = docindex.words(doc)
    return [doc[i] for i, lemma in enumerate(words.lemma) if lemma in CLAIM_NOUNS and doc[i].pos_ == "NOUN"]


def _claimed(ctx: _Context, noun: Token, taken: Coverage) -> QuoteDetail | None:
    """ "Vale's claim that the pier was safe", "repeated her warning that
    ...", "kept up arguments that ...": a statement named by a noun,
    its content the "that" clause (with a subject of its own, so no relative
    clause), its speaker the noun's possessor or the subject of the verb that
    makes, repeats or stands by it. With neither ("the claim that the pier
    was safe") no one is named: a rumour, or the writer's, and no quote."""
    clauses = [c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i > noun.i]
    copula = not clauses and noun.dep_ == "nsubj" and noun.head.lemma_ == "be"
    if copula:  # "Vale's answer was that the pier stays": the clause is the copula's
        clauses = [c for c in noun.head.children if c.dep_ in {"ccomp", "attr", "acomp"} and c.i > noun.i]
    if not clauses:
        return None
    clause = clauses[0]
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    if not marks or marks[0].i != clause.left_edge.i or not own_subject:
        return None
    subject = _claim_holder(noun)
    if subject is None or subject.lower_ in _WRITER or ctx.quoted(subject):
        return None
    # a misparse can hang the sentence's own verb on the clause ("Vale's warning that the
    # quay could flood was ignored"): the content ends before any word the noun depends on
    cut = min(
        (a.i for a in noun.ancestors if a.i > noun.i and not (copula and a.i == noun.head.i)), default=len(ctx.doc)
    )
    # and before a speech participle set after it ("... the quay — adding that the crews ..."): the next act
    cut = min([cut, *(t.i for t in clause.subtree if t.i > clause.i and t.tag_ == "VBG" and cues.is_speech_verb(t))])
    content = tokens_span(on_line(noun, [t for t in clause.subtree if t.i < cut]))
    if content is None or ctx.quoted_share(content[0], content[1], taken) > 0.6:
        return None
    return _detail(ctx, content[0], content[1], "indirect", noun, subject, "claim-noun+clause", 0.6)


def _claim_holder(noun: Token) -> Token | None:
    """Whose claim a noun of claiming names: its possessor ("Vale's claim";
    none for "his warning", whose owner the speaker model cannot resolve),
    else the subject of a verb that makes or repeats it ("Vale made the
    claim", "persisted in the charge"); not the subject of a verb that
    answers it ("rejected the claim": that claim is someone else's)."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:  # "his claim": the discourse model reads subjects, not possessive pronouns
        return None if owners[0].pos_ == "PRON" else owners[0]
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ not in {"dobj", "pobj"} or verb.lemma_.lower() not in _CLAIMING:
        return None
    return cues.logical_subject(verb)


# Verbs of thinking that report speech only with the words quoted ("“Why now?” she wondered").
_THINKING_ALOUD = words("wonder muse")


def _reported_speech(ctx: _Context, verb: Token, direct: Coverage) -> QuoteDetail | None:
    if _bare_participle(verb):
        return None  # "Asked what he would do, ..." reports the question, not an answer
    if _negated_outside(ctx, verb):
        return None  # "the report did not suggest that ...": what was not said
    if verb.lemma_.lower() in _THINKING_ALOUD:
        return None  # "many are wondering if ...": a thought, unless quote marks show it was said
    if _writers_phrase(verb):
        return None  # "That said, ...", "it is fair to say that ...": the writer's own turn of phrase
    content = content_span(verb)
    subject = speaker_token(verb)
    # "you", and "I" or "we" outside quote marks (inside them the quotation holds the report): the writer
    if content is None or subject is None or subject.lower_ in _WRITER or not on_line(verb, [subject]):
        return None
    start, end = content
    if start <= subject.idx < end and not start <= verb.idx < end:
        return None  # a misparse: the speaker inside what they report, but not their verb
    if ctx.quoted_share(start, end, direct) > 0.6 or no_ones_statement(verb, subject):
        return None
    if _opens_with_quotation(ctx, start, end):
        return None  # 'said, “You will see,” with a grin, while ...': the quotation is what was said
    if unrealised_saying(verb) or _after_colon_quote(ctx, start, verb) or _open_question(verb):
        return None
    if hypothetical_saying(verb, subject):
        return None
    if verb.lemma_.lower() in cues.CREDIT_VERBS and _source_type(ctx, subject, verb.lemma_.lower()) == "outlet":
        return None
    if _inferred(verb, subject) or _proposed_act(verb):
        return None
    return _detail(ctx, start, end, "indirect", verb, subject, "speech-verb+clause", 0.8)


def _opens_with_quotation(ctx: _Context, start: int, end: int) -> bool:
    """Whether a reported clause begins with a quotation and runs on past it
    ("said, “You will see,” with a grin, while his aides laughed"): the words in the marks
    are the saying, a direct quote already found, and the rest is narrative.
    The quotation must close with its own punctuation or a comma after it: in
    'said “the plan” would fail' the marks hold a phrase of the clause."""
    i = bisect.bisect_right(ctx.mark_starts, start) - 1
    if i < 0:
        return False
    mark = ctx.marks[i]
    if not mark.start <= start < mark.end or ctx.text[mark.start : start].strip() or end <= mark.end:
        return False
    after = ctx.text[mark.end : mark.end + 2].lstrip(_CLOSERS + "\"'’")
    return ctx.text[mark.end - 1 : mark.end] in {",", ".", "!", "?"} or after.startswith(",")


# Verbs that put a question: their "whether" clause is what they asked.
_ASKING = words("ask inquire enquire question query")


def _open_question(verb: Token) -> bool:
    """Whether a verb that is not one of asking reports a "whether" or "if"
    clause ("only the court can tell if the merger was legal", "left the
    mayor to say whether the pier closes"): an open question, not anything said."""
    if verb.lemma_.lower() in _ASKING:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(clauses) and any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clauses[0].children)


# Verbs that put forward an act when a gerund follows ("proposed closing the pier").
_PROPOSING = words("propose suggest recommend advocate consider")


def _proposed_act(verb: Token) -> bool:
    """Whether a speech verb proposes an act rather than reports a statement:
    "has proposed raising the parking fee", "suggested closing the pier" (a
    gerund with no clause of its own). That is a policy, not a quote; "said
    raising the fee was wise" still reports a claim."""
    if verb.lemma_.lower() not in _PROPOSING or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children)


# Subjects of a reported clause that are the writer or the reader, not a source.
_WRITER = words("you i we")


def _negated_outside(ctx: _Context, verb: Token) -> bool:
    """Whether the writer negates a speech verb ("did not suggest that ...");
    a "not" inside quote marks ("“Absolutely not,” she replied") is the
    speaker's answer, not a negated saying."""
    return negated(verb) and not all(
        ctx.talked_about(c) for c in verb.children if c.dep_ == "neg" or c.lower_ in {"not", "n't", "never", "no"}
    )


# Words before "to say" in the writer's set phrases ("it is fair to say", "needless to say").
_SAY_FRAMES = words("fair safe needless suffice true be")


def _writers_phrase(verb: Token) -> bool:
    """Whether "say" is part of a set phrase of the writer's, not anyone's
    statement: "That said, ..." opening a sentence, and "to say" after "it
    is fair", "needless", "which is not", "that is"."""
    if verb.lemma_.lower() != "say":
        return False
    doc = verb.doc
    subject = cues.logical_subject(verb)
    if subject is not None and subject.lower_ == "that" and subject.i == cues.sentence(verb).start:
        return verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","  # "That said, the count went on"
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.lemma_.lower() not in _SAY_FRAMES:
        return False
    if head.lemma_.lower() != "be":
        return True
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "expl"}]
    return bool(subjects) and subjects[0].lower_ in {"it", "which", "this", "that"}


def _bare_participle(verb: Token) -> bool:
    """Whether a speech verb is a participle with no subject or auxiliary of
    its own heading a clause set before or beside another ("Asked whether she
    would run, Ruiz said ..."; the parser tags some "Asked" as a past tense):
    it tells what was put to the subject, not what the subject said."""
    if verb.dep_ not in {"advcl", "acl", "amod"} or verb.tag_ not in {"VBN", "VBD"}:
        return False
    if verb.tag_ == "VBN":
        return True
    own = {"nsubj", "nsubjpass", "aux", "auxpass", "mark"}
    return verb.i < verb.head.i and not any(c.dep_ in own for c in verb.children)


# Verbs that can report a speaker's hint or an inference the writer draws from a thing.
_INFERENCE_VERBS = words("suggest indicate imply signal hint")
# Subjects of those verbs that are things or findings, not someone hinting.
_EVIDENCE_SUBJECTS = words(
    "story evidence result results trend number numbers sign signs fact pattern experience history record "
    "nothing everything something this that it which polling average data datum figure"
)


def _inferred(verb: Token, subject: Token) -> bool:
    """Whether "suggests"/"indicates" draws an inference from a thing ("a new
    survey suggests that ...", "nothing in the minutes suggests ..."): the
    writer's reading of evidence, not anyone's statement. A person, a body or
    a pronoun for one still suggests ("the minister suggested that ...")."""
    if verb.lemma_.lower() not in _INFERENCE_VERBS or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return False
    lemma = subject.lemma_.lower()
    return lemma in cues.DOCUMENT_HEADS or lemma in _EVIDENCE_SUBJECTS or subject.lower_ in _EVIDENCE_SUBJECTS


def _after_colon_quote(ctx: _Context, start: int, verb: Token) -> bool:
    """Whether a speech verb comes right after a quotation that a colon
    introduced, inside the clause it seems to report ("... she told a host
    that the port would not grow: “...,” Marsh predicted"): the verb reports
    the quotation, and the clause before the colon is narrative."""
    i = bisect.bisect_right(ctx.mark_starts, verb.idx) - 1
    if i < 0 or ctx.marks[i].start <= start:
        return False
    mark = ctx.marks[i]
    between = ctx.text[mark.end : verb.idx].lstrip(",.!?" + _CLOSERS + "\"'’ ")
    before = ctx.text[start : mark.start].rstrip().rstrip(_OPENERS + "\"'‘").rstrip()
    return before.endswith(":") and len(between) <= 60 and not any(c in ".!?:\n" for c in between)


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
    """Build the record and read channel and relay; the speaker is resolved
    later, in text order, by :class:`_Discourse`. A dateline city is no
    speaker: the discourse model looks further."""
    if subject is not None and dateline(subject):
        subject = None
    surface = _speaker_surface(subject) if subject is not None else None
    cue_text = _cue_text(cue) if cue is not None else None
    channel = cues.channel_of(cue, [(start, end)]) if cue is not None and cue.pos_ == "VERB" else None
    quote = Quote(
        text=ctx.raw[start:end],
        kind=kind,  # type: ignore[arg-type]
        start=start,
        end=end,
        speaker=None,
        speaker_id=None,
        cue=cue_text,
        channel=channel,
        via=_via(ctx, start, end, subject),
        rule=rule,
        confidence=confidence,
    )
    cue_span = (cue.idx, cue.idx + len(cue_text)) if cue is not None and cue_text else None
    return QuoteDetail(quote, surface, cue_span, subject.i if subject is not None else None)


def _cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return cue.doc[cue.i : min(cue.i + 2, len(cue.doc))].text
    return cue.text


_RELATIVE = words("who that which whom")


def _speaker_surface(subject: Token) -> tuple[int, int]:
    """A speaker as written, without the start of a relative clause after it:
    its pronoun ("several tenants who said ..." is "several tenants") and the
    words the pronoun brings before the clause's verb ("owners who have
    suggested", "an official who wasn't authorized", "skippers who have long
    fought"), which the phrase's cut at that verb leaves behind. Attribution
    source spans keep them: cutting there lowered the PolNeAR source F1."""
    start, end = surface_span(subject)
    head, _, last = docindex.doc_text(subject.doc)[start:end].rpartition(" ")
    if head and last.lower() in _RELATIVE:
        return start, start + len(head)
    span = subject.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    for token in span[1:]:
        verb = token.head
        if token.lower_ not in _RELATIVE or verb.dep_ != "relcl" or verb.i < span.end:
            continue
        if all(t.head.i == verb.i or t.is_space for t in span[token.i - span.start + 1 :]):
            before = span[: token.i - span.start]
            return start, before[-1].idx + len(before[-1].text)
    return start, end


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


# --- the discourse model: who is speaking -----------------------------------

# Entity types that can say something: people, and bodies that speak through
# someone (a ministry, a government, a mission); a country as subject of
# "said" is its government.
_SPEAKING_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
# Words that make a name a thing that cannot speak, whatever type it was given.
_NOT_SPEAKERS = words(
    "cyclone hurricane storm typhoon tornado blizzard wildfire flood floods earthquake quake tsunami "
    "ship vessel tanker frigate destroyer submarine spacecraft rocket satellite virus"
)
# The speaker the discourse model remembers for the writer's own "I said": a
# quote that continues it has no speaker to give.
_WRITER_SPEAKS = ""
# Prepositions that make a country or a city after them a place.
_PLACE_PREPS = words("in at near from to into across inside outside throughout around")


@dataclass(frozen=True, slots=True)
class _Spoken:
    """One speaker as resolved, where their quote ends, and whether it is a group."""

    name: str
    entity: Entity | None
    end: int
    plural: bool
    person: bool
    sex: str | None = None  # "he"/"she" an unnamed speaker's noun tells ("said the woman")

    def who(self) -> tuple[str, Entity | None, bool, bool, str | None]:
        """Everything a quote that continues this speaker takes over."""
        return self.name, self.entity, self.plural, self.person, self.sex


class _Discourse:
    """Resolve speakers in text order, remembering who spoke last.

    A pronoun or a description that introduces a quote ("he said", "the
    minister added") refers to the speaker of the ongoing quotation stretch
    more often than to the last person named: quotes come in runs, and the
    people mentioned inside a run are talked about, not talking. So "he" and
    "she" go to the last speaker of that gender, unless a person of that
    gender is the subject of a clause after that speaker's quote in the
    pronoun's paragraph or the sentence before it; "they" goes
    to the last organisation or group that spoke; a quote set apart without
    a cue continues the last speaker. A speaker is always a person or a body
    that can speak: never a storm, a ship or a place.
    """

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.spoken: list[_Spoken] = []
        self.by_subject: dict[int, _Spoken] = {}  # a speaker as written (token index) and who it was resolved to
        self.quote_start = 0  # where the quote being resolved begins

    def resolve(self, details: list[QuoteDetail]) -> list[QuoteDetail]:
        """``details`` (in text order) with their speakers resolved."""
        resolved = []
        for detail in details:
            quote = detail.quote
            name, entity, plural, person, sex = None, None, False, False, None
            self.quote_start = quote.start
            if detail.subject is not None:
                subject = self.ctx.doc[detail.subject]
                name, entity = self.speaker_of(subject)
                plural = subject.tag_ in {"NNS", "NNPS"}
                person = entity.type == "PERSON" if entity is not None else _named_person(subject, plural)
                person = person or _described_person(subject)
                sex = _noun_sex(subject) if entity is None and not plural else None
                same = [x for x in self.spoken if x.entity is None and x.name == name] if entity is None else []
                if same and same[-1].sex is not None and subject.lower_ in cues.PRONOUNS:
                    person, sex = True, same[-1].sex  # "she" for the woman quoted before stays her
                person = person or sex is not None  # "said the woman": an unnamed person, who goes on as "she"
                partners = self.partners(subject) if name is not None else []
                if name is not None and partners:  # "Kim and the ministry said": both speak; "they" is the pair
                    # No one entity is the pair: the id stays empty, so readers of the
                    # quote (positions) take each name in the joined phrase.
                    name, entity = _joined([name, *partners]), None
                    plural, person = True, False
            if name is None and quote.cue is None and quote.kind == "direct":
                last = self.last(quote.start, _FLOAT_REACH, lambda s: True)
                actor = self.paragraph_actor(quote.start)
                earlier = self.by_subject.get(actor.i) if actor is not None else None
                if earlier is not None:  # “...,” he said. “...”: the "he" already resolved speaks on
                    name, entity, plural, person, sex = earlier.who()
                elif actor is not None and (last is None or actor.idx > last.end):
                    name, entity = self.speaker_of(actor)
                    person = name is not None
                elif last is not None:
                    name, entity, plural, person, sex = last.who()
            if name is None and quote.cue is None and quote.kind == "partial":
                line = _line_of(self.ctx.text, quote.start)
                last = self.last(quote.start, quote.start - line, lambda s: True)
                if last is not None:  # "..., says Kim. That means “...”": Kim's words go on
                    name, entity, plural, person, sex = last.who()
            if name == _WRITER_SPEAKS:
                name = None  # the writer's own words go on: nobody quoted
            if name is None and detail.subject is not None and self.ctx.doc[detail.subject].lower_ == "i":
                # "“Fine,” I said. “My nets are older ...”": the writer speaks, and the quotes
                # that continue are the writer's too, not the last person quoted
                self.spoken.append(_Spoken(_WRITER_SPEAKS, None, quote.end, False, False))
            if name is not None:
                quote = replace(quote, speaker=name, speaker_id=entity.id if entity is not None else None)
                detail = replace(detail, quote=quote)
                self.spoken.append(_Spoken(name, entity, quote.end, plural, person, sex))
                if detail.subject is not None:
                    self.by_subject[detail.subject] = self.spoken[-1]
            resolved.append(detail)
        return resolved

    def paragraph_actor(self, offset: int) -> Token | None:
        """The person who is the main subject of a sentence earlier in the
        paragraph of a quote set apart without a cue ("Kim announced the suit
        on Monday. “We are asking ...”"): the quotation reports that person."""
        line = _line_of(self.ctx.text, offset)
        i = bisect.bisect_left(self.ctx.subject_starts, offset)
        for token in reversed(self.ctx.subjects[:i]):
            if token.idx < line:
                return None
            if token.head.pos_ == "VERB" and token.head.dep_ not in {"relcl", "advcl", "acl", "pcomp"}:
                return token
        return None

    def last(self, offset: int, reach: int, fits: Callable[[_Spoken], bool]) -> _Spoken | None:
        """The most recent speaker whose quote ended within ``reach`` before ``offset``
        (or goes on past it: "X wrote that she agreed ...") and who ``fits``."""
        for spoken in reversed(self.spoken):
            if offset - spoken.end > reach:
                return None
            if fits(spoken):
                return spoken
        return None

    def speaker_of(self, subject: Token) -> tuple[str | None, Entity | None]:
        """Name and entity of the speaker written as ``subject``."""
        ctx = self.ctx
        entity = ctx.mentions.at(subject.idx, subject.idx + len(subject.text))
        if entity is not None and entity.type == "NORP" and _indefinite(subject):
            # "a New Hampshire Republican": one member, not the party
            return ctx.text[subject.left_edge.idx : subject.idx + len(subject.text)], None
        if entity is not None and entity.type == "NORP" and _party_member(subject):
            near = self.close_person(subject, member=True)
            if near is not None:  # "Alder proposes ... “...,” the Republican said": the member is Alder
                return self.checked(near[1], near[0])
        if entity is not None and entity.type not in _SPEAKING_TYPES and _described_person(subject):
            # "his friend Ana Diaz told", "Will Ober, the chairman, said": the model typed an
            # unusual name as a product or a title; the person noun beside it says who speaks,
            # and a person of that surname named elsewhere in full is that person
            surname = entity.name.split()[-1:]
            same = [e for e in ctx.entities if e.type == "PERSON" and e.name.split()[-1:] == surname]
            if same:
                return self.checked(max(same, key=lambda e: self.last_seen(e, subject.idx)), subject)
            given = _given_name(subject)
            if given is not None:  # "the network's Ada Sharp": the name, not the network's
                return ctx.text[given.idx : subject.idx + len(subject.text)], None
            return entity.name, None
        if entity is not None:
            return self.checked(self.by_surname(entity, subject), subject)
        lower = subject.lower_
        if lower in cues.PRONOUNS:
            return self.antecedent(subject)
        if lower in {"who", "which", "that", "this"} and not subject.text.isupper():  # "WHO" is a body
            return None, None
        if subject.dep_ == "appos" and subject.pos_ == "NOUN" and _a_person_name(ctx, subject.head):
            # "Ana Ruiz, the board's engineer, who added ...": the description is in apposition to her name
            return self.speaker_of(subject.head)
        beside = self.named_beside(subject)
        if beside is not None:  # "The council's planner, Frank Osei, says": Osei speaks
            return self.checked(self.by_surname(beside[1], beside[0]), beside[0])
        start, end = _speaker_surface(subject)
        if _is_text(subject):  # "the book said": its author, not a work named with that title word
            name, entity = self.author_of(subject)
            if name is not None:
                return name, entity
        entity = ctx.mentions.named(ctx.text[start:end]) if subject.pos_ == "PROPN" else self.described(subject, True)
        if entity is not None:
            return self.checked(entity, subject)
        written = ctx.text[start:end]
        if _is_text(subject):
            return None, None
        if subject.lower_ == "one":  # "one of the ads asked": the ads' author
            texts = [o for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
            if texts and texts[0].dep_ == "pobj" and _is_text(texts[0]):
                return self.author_of(texts[0])
        if {w.lower() for w in written.split()} & _NOT_SPEAKERS:
            return None, None
        return written, None

    def named_beside(self, subject: Token) -> tuple[Token, Entity] | None:
        """The person named in commas right after a description that is the
        subject ("One skipper fighting the toll, Tom Alder of ..., said"): the
        name is whom the description means. The parser sets the name as an
        apposition or, as often, as a second subject of the same verb."""
        if subject.pos_ != "NOUN" or subject.tag_ != "NN":
            return None
        doc = subject.doc
        beside = [c for c in subject.children if c.dep_ == "appos"]
        beside += [c for c in subject.head.children if c.dep_ == "nsubj" and c.i > subject.i and c.head.i > c.i]
        for name in beside:
            entity = self.ctx.mentions.at(name.idx, name.idx + len(name.text))
            if name.pos_ != "PROPN" or entity is None or entity.type != "PERSON":
                continue
            right = name.right_edge.i  # the parser may hang the closing comma on the name
            closed = doc[right].text == "," or right + 1 < len(doc) and doc[right + 1].text == ","
            if name.left_edge.i > 0 and doc[name.left_edge.i - 1].text == "," and closed:
                return name, entity
        return None

    def partners(self, subject: Token) -> list[str]:
        """The speakers coordinated with ``subject`` by "and" ("Kim, Lee and
        the ministry said"), resolved each on its own; the ones that cannot
        speak are left out."""
        chain, token = [], subject
        while True:
            nxt = [c for c in token.children if c.dep_ == "conj" and c.i > token.i]
            if not nxt:
                break
            token = nxt[0]
            chain.append(token)
        links = {c.lower_ for t in [subject, *chain] for c in t.children if c.dep_ == "cc"}
        if not chain or not links or links - {"and", "&"}:
            return []  # "Kim or Lee", "not Kim but Lee": not both
        _, end = _speaker_surface(subject)
        doc = subject.doc
        for conjunct in chain:
            before = doc[conjunct.left_edge.i - 1].lower_ if conjunct.left_edge.i > 0 else ""
            if conjunct.idx < end or before not in {"and", "&", ","} or not _can_be_partner(conjunct):
                # "lawyers and experts" written as one speaker; "Ana Ruiz, manager of
                # sales and marketing": a title, not a second speaker
                return []
        names = [self.speaker_of(t)[0] for t in chain]
        return [n for n in names if n is not None]

    def author_of(self, text: Token) -> tuple[str | None, Entity | None]:
        """Who wrote a text that "said" something: the one it is from or by
        ("a statement from the ministry said"), its possessor ("the union's
        letter says"), or, for "the statement", the one who issued that
        statement earlier ("The ministry issued a statement. The statement
        said ..."). A text's words are its author's; with no author shown, none."""
        author = _author_token(text)
        if author is not None:
            return self.speaker_of(author)
        if text.dep_ == "dobj" and text.head.lemma_.lower() in _ISSUING_VERBS:
            # "The union issued a statement saying ...": the text is the issuer's
            issuer = cues.logical_subject(text.head)
            if issuer is not None and issuer.lower_ not in {"who", "which", "that"}:
                return self.speaker_of(issuer)
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in text.children):
            return None, None
        lemma = _SAME_TEXT.get(text.lemma_.lower(), text.lemma_.lower())
        for earlier in reversed(self.ctx.doc[max(0, text.i - 400) : text.i]):
            same = _SAME_TEXT.get(earlier.lemma_.lower(), earlier.lemma_.lower())
            if same != lemma or text.idx - earlier.idx > _FLOAT_REACH:
                continue
            author = _author_token(earlier)
            if author is None and earlier.dep_ == "dobj" and earlier.head.lemma_.lower() in _ISSUING_VERBS:
                author = cues.logical_subject(earlier.head)
            if author is None and earlier.dep_ == "pobj" and earlier.head.lower_ == "in":
                # "In the cable, Ruiz reported ...": the text's words are the reporter's
                verb = earlier.head.head
                if verb.lemma_.lower() in SPEECH_VERBS | _ISSUING_VERBS:
                    author = cues.logical_subject(verb)
            if author is not None and author.lower_ not in {"who", "which", "that"}:
                return self.speaker_of(author)
            if earlier.dep_ in {"nsubj", "nsubjpass"} and any(c.lower_ == "the" for c in earlier.children):
                continue  # "the suit claims ...": a later mention, the first one may name its author
            return None, None
        return self.writer_before(text)

    def writer_before(self, text: Token) -> tuple[str | None, Entity | None]:
        """For "the letter says" with no letter named before, whoever wrote or
        sent something in the sentence before or earlier in the paragraph
        ("The groups who wrote to the mayor say ... “...,” the letter says"):
        the text is theirs. Only for a text someone writes, not a recording."""
        if text.lemma_.lower() not in _WRITTEN_TEXTS:
            return None, None
        own = cues.sentence(text).start
        for token in reversed(self.ctx.doc[max(0, own - 80) : own]):
            if not _close(self.ctx, token, text, self.quote_start):
                return None, None
            if token.lemma_.lower() not in _WRITING_VERBS or token.pos_ != "VERB" or self.ctx.quoted(token):
                continue
            author = cues.logical_subject(token)
            if author is not None and author.lower_ in {"who", "that"} and token.dep_ == "relcl":
                author = token.head
            return self.speaker_of(author) if author is not None else (None, None)
        return None, None

    def checked(self, entity: Entity, token: Token) -> tuple[str | None, Entity | None]:
        """``entity`` if it can speak: a person or a body, not a storm or a place."""
        if entity.type not in _SPEAKING_TYPES or {w.lower() for w in entity.name.split()} & _NOT_SPEAKERS:
            return None, None
        if entity.type == "GPE" and _is_place(token):
            return None, None
        return entity.name, entity

    def by_surname(self, entity: Entity, subject: Token) -> Entity:
        """For a surname several people share ("Murphy", "Mr. Murphy"), the
        namesake who spoke or was the subject of a clause most recently, and
        never one whose gender the written title ("Mr.", "Ms.") or a pronoun
        that refers back to the subject ("Kim herself said she ...") contradicts.

        The entities component ties a surname to the latest full name; a
        person named only as an object or inside quotation is talked about,
        while the namesake already quoted or acting in the story is the one
        talking.
        """
        if entity.type != "PERSON" or subject.pos_ != "PROPN":
            return entity
        start, end = _speaker_surface(subject)
        written = " ".join(w for w in self.ctx.text[start:end].lower().split() if w not in _REFLEXIVE)
        title, _, rest = written.partition(" ")
        gender = None
        if title.rstrip(".") in _MALE | _FEMALE:
            gender = "he" if title.rstrip(".") in _MALE else "she"
            written = rest  # "Mr. Trump": the surname
        if " " in written or not written:
            return entity
        gender = gender or _own_gender(subject)
        namesakes = [
            e
            for e in self.ctx.entities
            if e.type == "PERSON" and e.name.lower().split()[-1:] == [written] or e.id == entity.id
        ]
        fitting = [e for e in namesakes if gender is None or self.ctx.genders.get(e.id) in {None, gender}]
        known = [e for e in fitting if gender is not None and self.ctx.genders.get(e.id) == gender]
        fitting = known or fitting  # "Clinton herself": the namesake known to be a woman, if one is
        if len(namesakes) < 2 or not fitting:
            return entity
        return max(fitting, key=lambda e: (self.last_active(e, subject.idx), e.id == entity.id))

    def last_active(self, entity: Entity, offset: int) -> int:
        """Where ``entity`` last spoke or was the subject of a clause before ``offset`` (-1: never).

        A subject counts only when written with a first name: a bare surname
        there was tied by the entities component, maybe to the wrong namesake."""
        spoke = [s.end for s in self.spoken if s.entity is not None and s.entity.id == entity.id]
        acted = [
            t.idx
            for t in self.ctx.subjects
            if t.idx < offset and self.ctx.mentions.at(t.idx, t.idx + len(t.text)) is entity and _full_name(t)
        ]
        return max(spoke + acted, default=-1)

    def last_seen(self, entity: Entity, offset: int) -> int:
        """Where ``entity`` was last named, or last spoke, before ``offset`` (-1: never)."""
        named = [start for start, _ in entity.mentions if start < offset]
        spoke = [s.end for s in self.spoken if s.entity is not None and s.entity.id == entity.id and s.end <= offset]
        return max(named + spoke, default=-1)

    def antecedent(self, pronoun: Token) -> tuple[str | None, Entity | None]:
        """Who a pronoun speaker is: the last speaker that agrees with it, or a
        closer person subject of the same gender. "I" and "we" outside quote
        marks are the writer, who is not a quoted speaker."""
        lower = pronoun.lower_
        if lower in {"he", "she"}:
            return self.person_antecedent(pronoun)
        if lower == "they":
            last = self.last(pronoun.idx, 2 * _FLOAT_REACH, _group)
            people = self.people_subject(pronoun)
            if people is not None and (last is None or people.idx > last.end):
                return self.speaker_of(people)  # "Several officials close to her ... , they say"
            if last is not None:
                return last.name, last.entity
            name, entity = self.org_subject(pronoun)
            return (name, entity) if name is not None else self.singular_they(pronoun)
        if lower == "it":
            body = _sentence_body(self.ctx, pronoun)
            if body is not None:  # "The union answered ..., which it had said was impossible"
                return self.speaker_of(body)
            last = self.last(pronoun.idx, 2 * _FLOAT_REACH, lambda s: s.entity is not None and s.entity.type == "ORG")
            subjects = [t for t in self.ctx.org_subjects if 0 < pronoun.idx - t.idx <= _FLOAT_REACH]
            if last is not None and not (subjects and subjects[-1].idx > last.end):
                return last.name, last.entity
            # "The port authority released a statement. “...,” it said": a body that became the
            # subject after the last one quoted is the one meant
            return self.org_subject(pronoun)
        return None, None

    def people_subject(self, pronoun: Token) -> Token | None:
        """The nearest plural subject naming people ("several officials close
        to her are warning ...", "workers believe ..."), of a main
        clause or a speech verb, in the paragraph of a "they" or the sentence
        before: who "they say" are when no group has spoken since."""
        ctx = self.ctx
        for token in reversed(ctx.doc[max(0, cues.sentence(pronoun).start - 80) : pronoun.i]):
            if not _close(ctx, token, pronoun, self.quote_start):
                return None
            if token.dep_ not in {"nsubj", "nsubjpass"} or ctx.talked_about(token) or token.i == pronoun.i:
                continue
            verb = token.head
            main = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT" or cues.is_speech_verb(verb)
            if not main:
                continue  # "too heavy for owners to carry": not who the sentence is about
            if token.tag_ in {"NNS", "NNPS"} and (token.lower_ in _PEOPLE or token.ent_type_ == "NORP"):
                return token
        return None

    def singular_they(self, pronoun: Token) -> tuple[str | None, Entity | None]:
        """ "They" with no group or body before it that spoke or acted: a person
        the writer does not give a gender ("Sam Reyes, a spokesperson, confirmed
        that ... “...,” they said"), if the last speaker, close by, is one
        person of no known gender and no plural subject came in between."""
        last = self.last(pronoun.idx, _FLOAT_REACH, lambda s: True)
        if last is None or not last.person or last.plural or last.entity is None:
            return None, None
        if self.ctx.genders.get(last.entity.id) is not None:
            return None, None
        # a quote may go on past the pronoun ("X wrote that ... they said"): nothing in between then
        after = self.ctx.doc.char_span(min(last.end, pronoun.idx), pronoun.idx, alignment_mode="expand")
        between = [t for t in after or [] if t.dep_ in {"nsubj", "nsubjpass"} and not self.ctx.quoted(t)]
        if any(t.tag_ in {"NNS", "NNPS"} or t.lower_ in {"they", "we"} for t in between):
            return None, None  # "Several tenants met the board. “...,” they said": the tenants
        return last.name, last.entity

    def object_antecedent(self, pronoun: Token) -> tuple[str | None, Entity | None] | None:
        """The person a pronoun in a time or reason clause refers to when the
        main clause's subject is a body or a thing and its object a person:
        "the campaign dropped the county chairman after he said ..." (the
        chairman, not whoever spoke last). A person subject of the main clause
        ("Kim fired Lee after he said") is left to the usual reading."""
        verb = pronoun.head
        if pronoun.dep_ != "nsubj" or verb.dep_ != "advcl" or verb.i < verb.head.i:
            return None
        if not any(c.dep_ == "mark" and c.lower_ in _TIME_REASON_MARKS for c in verb.children):
            return None
        main = verb.head
        for subject in (c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}):
            entity = self.ctx.mentions.at(subject.idx, subject.idx + len(subject.text))
            if subject.lower_ in cues.PRONOUNS or (entity is not None and entity.type == "PERSON"):
                return None
            if subject.pos_ == "PROPN" and entity is None:
                return None
        objects = [c for c in main.children if c.dep_ == "dobj" and c.tag_ in {"NN", "NNP"}]
        if len(objects) != 1:
            return None
        obj = objects[0]
        entity = self.ctx.mentions.at(obj.idx, obj.idx + len(obj.text))
        if entity is None and obj.pos_ == "NOUN":
            entity = self.described(obj)
            titled = any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children) and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in obj.children
            )
            if entity is None and titled:  # "the mayor of Easton": a title held by one person
                return self.ctx.text[obj.left_edge.idx : obj.idx + len(obj.text)] + _of_phrase(obj), None
        if entity is None or entity.type != "PERSON" or self.ctx.genders.get(entity.id) not in {None, pronoun.lower_}:
            return None
        return self.checked(entity, obj)

    def person_antecedent(self, pronoun: Token) -> tuple[str | None, Entity | None]:
        ctx = self.ctx
        lower = pronoun.lower_
        held = self.object_antecedent(pronoun)
        if held is not None:
            return held

        relative = _relative_holder(ctx, pronoun)
        if relative is not None:
            name, entity = self.speaker_of(relative)
            if entity is not None:  # the grammar ties the pronoun to the name: it tells the person's sex
                ctx.genders.setdefault(entity.id, lower)
            return name, entity

        def agrees(spoken: _Spoken) -> bool:
            gender = ctx.genders.get(spoken.entity.id) if spoken.entity is not None else spoken.sex
            return spoken.person and gender in {None, lower}

        listeners = _listeners(ctx, pronoun.head)
        last = self.last(pronoun.idx, 2 * _FLOAT_REACH, lambda s: agrees(s) and s.entity not in listeners)
        subject = _nearest_subject(ctx, pronoun, self.quote_start)
        asked = self.asked_person(pronoun)
        if asked is not None and asked[1] not in listeners:
            ask, person = asked
            if (last is None or ask.idx > last.end) and (subject is None or subject.idx <= ask.idx):
                return self.checked(person, ask)
        if subject is not None and ctx.mentions.at(subject.idx, subject.idx + len(subject.text)) in listeners:
            subject = None  # "“...,” he told Hale": not Hale, though Hale was the last subject
        titled = self.titled_subject(pronoun)
        if titled is not None and (subject is None or titled[0].idx > subject.idx):
            token, holder = titled
            if (last is None or token.idx > last.end) and _close(ctx, token, pronoun, self.quote_start):
                return holder.name, holder
        nearer = subject is not None and (last is None or subject.idx > last.end)
        # close, or carried to the pronoun ("Alder has a long record. ¶ He has worked with every party. ... he said")
        near = subject is not None and (
            last is None
            or _close(ctx, subject, pronoun, self.quote_start)
            or _carried(ctx, subject, pronoun, self.quote_start)
        )
        if subject is not None and nearer and near:
            name, entity = self.speaker_of(subject)
            if name is not None or last is None:
                return name, entity
        if last is not None:
            return last.name, last.entity
        return None, None

    def asked_person(self, pronoun: Token, gender: str | None = None) -> tuple[Token, Entity] | None:
        """The person a question was just put to, with the verb that asked it:
        a "he" or "she" that speaks next answers ("Hale asked Kim when the first
        boat would sail. “...,” he told Hale"; "when I asked Kim whether ...,
        she ... said"). Only a question ("whether", "if", a wh- word, "about"),
        not a request ("asked Kim to leave"), put in the pronoun's paragraph or
        the sentence before, to someone the pronoun agrees with. A
        description ("the mayor replied") passes its ``gender``, if its
        noun has one."""
        ctx = self.ctx
        gender = gender or (pronoun.lower_ if pronoun.lower_ in {"he", "she"} else None)
        replies = pronoun.head.lemma_.lower() in _REPLYING  # "I emailed Kim about it. She replied, “...”"
        own = cues.sentence(pronoun)
        for token in reversed(ctx.doc[max(0, own.start - 80) : pronoun.i]):
            if not _close(ctx, token, pronoun, self.quote_start):
                return None
            lemma = token.lemma_.lower()
            if lemma != "ask" and not (replies and lemma in _ADDRESSING):
                continue
            if token.pos_ != "VERB" or ctx.talked_about(token):
                continue
            asks = lemma == "ask"
            if asks and (any(c.dep_ == "xcomp" for c in token.children) or not _a_question(token)):
                continue
            for obj in (c for c in token.children if c.dep_ in {"dobj", "dative"}):
                entity = ctx.mentions.at(obj.idx, obj.idx + len(obj.text))
                agrees = entity is not None and ctx.genders.get(entity.id) in {None, gender}
                if entity is not None and entity.type == "PERSON" and agrees:
                    return token, self.by_surname(entity, obj)
            return None
        return None

    def titled_subject(self, pronoun: Token) -> tuple[Token, Entity] | None:
        """The nearest earlier subject written as a title ("the president")
        whose holder is a person the pronoun agrees with, and that holder."""
        lower = pronoun.lower_
        for token in reversed(self.ctx.titled_subjects):
            if token.idx >= pronoun.idx:
                continue
            if pronoun.idx - token.idx > 2 * _FLOAT_REACH:
                return None
            holder = self.described(token)
            if holder is None or holder.type != "PERSON":
                continue
            if self.ctx.genders.get(holder.id) in {None, lower}:
                return token, holder
        return None

    def close_person(self, noun: Token, member: bool = False) -> tuple[Token, Entity] | None:
        """The nearest person subject before a definite description of a
        person ("the senator", "the candidate") in its paragraph or the
        sentence before, with the entity it names, when nothing the article
        says of that person contradicts the description: no other title
        given, no other sex. A party ``member`` ("the Republican") is no
        title: any person may be one, whatever titles the article gives."""
        if not member and (cues.source_type(noun) != "person" or _is_text(noun)):
            return None
        if noun.lemma_.lower() in _COLLECTIVE:
            return None
        names = [c for c in noun.children if c.pos_ == "PROPN"]
        if any(not _regional(c) for c in names):
            return None  # "the Reyes team", "Kim's aide": a name says whose
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
            return None
        lemma = noun.lemma_.lower()
        described = {lemma} | {c.lemma_.lower() for c in noun.children if c.dep_ == "conj"}  # "first lady and senator"
        sex = "he" if lemma in _MALE_NOUNS else "she" if lemma in _FEMALE_NOUNS else None
        asked = self.asked_person(noun, sex)
        if asked is not None and not names:  # "“...?” a reporter asked Kim. “...,” the mayor replied"
            titles = self.ctx.titles.get(asked[1].id, set())
            if not titles or lemma in titles:
                return asked
        own = cues.sentence(noun).start
        i = bisect.bisect_left(self.ctx.subject_starts, noun.idx)
        for token in reversed(self.ctx.subjects[:i]):
            if token.i >= own:
                continue  # "Kim has a plan, the columnist said": Kim is what the columnist reports
            if not _close(self.ctx, token, noun, self.quote_start):
                return None
            entity = self.ctx.mentions.at(token.idx, token.idx + len(token.text))
            if entity is None or entity.type != "PERSON" or token.head.lemma_.lower() == "ask":
                return None  # "“...?” Lee asked. “...,” the senator said": the one asked answers
            titles = self.ctx.titles.get(entity.id, set())
            gender = self.ctx.genders.get(entity.id)
            if titles and not titles & described and not member and not _descriptive(noun):
                return None  # another title: "the mayor" is not the senator
            if member and titles & _PARTY_MEMBERS - {lemma}:
                return None  # "Lee Hart, a Democrat, ...; the Republican said": not Hart
            if gender == "he" and lemma in _FEMALE_NOUNS or gender == "she" and lemma in _MALE_NOUNS:
                return None
            if any(self.named_beside_other(c.lower_, entity) for c in names):
                return None  # "the Ohio senator" when another man is named beside "Ohio"
            return token, entity
        return None

    def named_beside_other(self, word: str, entity: Entity) -> bool:
        """Whether ``word`` (a state, a party) stands within a few words of a
        mention of another person than ``entity`` ("Ohio Sen. Lee Hart"):
        then "the Ohio senator" may be that one, not the subject just before."""
        doc = self.ctx.doc
        for other in self.ctx.entities:
            if other.type != "PERSON" or other.id == entity.id:
                continue
            for start, end in other.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                sent = cues.sentence(span[0]) if len(span) else None
                if sent is None:
                    continue
                window = doc[max(sent.start, span.start - 5) : min(sent.end, span.end + 6)]
                if any(t.lower_ == word for t in window):
                    return True
        return False

    def org_subject(self, pronoun: Token) -> tuple[str | None, Entity | None]:
        """The nearest earlier organisation that was the subject of a clause."""
        earlier = [t for t in self.ctx.org_subjects if 0 < pronoun.idx - t.idx <= _FLOAT_REACH]
        return self.speaker_of(earlier[-1]) if earlier else (None, None)

    def described(self, noun: Token, speaking: bool = False) -> Entity | None:
        """The entity a description refers to: the person given that title
        ("the spokesperson"), the one who spoke last if several were, or an
        organisation whose name has that word. A description tied to another
        name ("Iran's mission") must share a word with the entity it names.
        For a ``speaking`` description ("the senator said"), a person who is
        the subject of a clause in an earlier sentence of its paragraph or the
        sentence before, more recently than any holder of that title was named,
        and whose title the article never gave otherwise: "Ostrow toured ...
        the senator said"."""
        ctx = self.ctx
        lemma = noun.lemma_.lower()
        if noun.tag_ not in {"NN", "NNP"} or _indefinite(noun):
            return None
        owners = {t.lower_ for c in noun.children if c.dep_ == "poss" for t in c.subtree}
        owners = {w for w in owners if w[:1].isalpha() and w not in _MALE | _FEMALE | {"its", "their", "our", "my"}}

        def owned(entity: Entity) -> bool:
            return not owners or bool(owners & {w.lower() for w in entity.name.split()})

        holders = [e for e in ctx.entities if lemma in ctx.titles.get(e.id, ()) and owned(e)]
        holders = [e for e in holders if self.checked(e, noun)[1] is not None]
        # A person named inside the quote a description introduces ("“... President
        # Selm and me ...,” the former president said") is talked about there, not talking.
        seen_by = min(noun.idx, self.quote_start) if speaking else noun.idx
        near = self.close_person(noun) if speaking and not owners else None
        if near is not None:
            token, person = near
            if person in holders or all(self.last_seen(e, seen_by) < token.idx for e in holders):
                return person
        if holders:
            # The holder named or quoted most recently: "the senator" after a
            # paragraph about one senator is that one, not another who spoke before.
            return max(holders, key=lambda e: self.last_seen(e, seen_by))
        named = [e for e in ctx.entities if e.type == "ORG" and lemma in e.name.lower().split() and owned(e)]
        if not named and lemma in _OUTLET_NOUNS:  # "the paper noted": the outlet named last
            named = [e for e in ctx.entities if e.type == "ORG" and cues.is_outlet_name(e.name)]
            named = [e for e in named if any(start < noun.idx for start, _ in e.mentions)]
        if not named and speaking and not owners:
            return self.body_described(noun)
        return _latest_before(named, noun.idx) if named else None

    def body_described(self, noun: Token) -> Entity | None:
        """The organisation a speaking description of a body means ("“...,”
        said Norland Equities. ..., the brokerage said"; "the group asked"):
        the one that spoke last, or was last the subject of a clause in the
        description's paragraph or the sentence before, whichever came later,
        unless its name shows it is another kind of body (a union is not
        "Norland Bank") or an outlet."""
        lemma = noun.lemma_.lower()
        if lemma not in _BODY_NOUNS or [c.lower_ for c in noun.children if c.i < noun.i] != ["the"]:
            return None  # "the shipping company", "the Reyes campaign": a word says which body
        ctx = self.ctx
        found: list[tuple[int, Entity]] = []
        spoken = self.last(noun.idx, _FLOAT_REACH, lambda s: s.entity is not None and s.entity.type == "ORG")
        if spoken is not None and spoken.entity is not None:
            found.append((spoken.end, spoken.entity))
        for token in reversed(ctx.org_subjects):
            if token.i >= noun.i:
                continue
            if not _close(ctx, token, noun, self.quote_start):
                break
            entity = ctx.mentions.at(token.idx, token.idx + len(token.text))
            if entity is not None:
                found.append((token.idx, entity))
            break
        if not found:
            return None
        at, entity = max(found, key=lambda pair: pair[0])
        if cues.is_outlet_name(entity.name) or not _same_kind(lemma, entity.name):
            return None
        own = {w.lower() for w in entity.name.split()}
        # ``at`` lies past the noun when the body's last speech is the one this noun
        # itself cues (it goes on past it): then no other body was named since.
        since = ctx.doc.char_span(at, noun.idx, alignment_mode="expand") if at < noun.idx else None
        if since is not None and any(t.ent_type_ == "ORG" and t.lower_ not in own for t in since):
            return None  # another body was named since: "the company" may be that one
        for token in ctx.doc[max(0, cues.sentence(noun).start - 80) : noun.i]:
            same = token.lemma_.lower() == lemma and token.pos_ == "NOUN"
            if same and _indefinite(token) and _close(ctx, token, noun, self.quote_start):
                return None  # "a ballot commission ... the commission said": that one, unnamed
        return entity


def _descriptive(noun: Token) -> bool:
    """Whether a definite description says what a person is like, not which
    office they hold ("the self-described democratic socialist", "the
    billionaire property magnate"): a modified noun that is no title word,
    with no clause of its own that brings in someone new ("the young woman who
    met her"). Such a description contradicts none of the titles the article
    gives the person it refers to."""
    if is_title_word(noun) or any(c.dep_ in {"relcl", "acl"} for c in noun.children):
        return False
    return any(c.dep_ in {"amod", "compound", "nmod"} for c in noun.children)


# Nouns for a person by a tie to someone, beside the roles and kin of the entities lexicon.
_TIES = words("friend colleague neighbour neighbor classmate teammate roommate boss coworker co-worker relative")


def _a_person_name(ctx: _Context, token: Token) -> bool:
    """Whether ``token`` is a person's name: a person entity, or a proper noun
    no entity covers that reads as one person's name."""
    entity = ctx.mentions.at(token.idx, token.idx + len(token.text))
    if entity is not None:
        return entity.type == "PERSON"
    return _named_person(token, False)


def _described_person(name: Token) -> bool:
    """Whether a proper name has a noun for a person beside it: before it in
    its phrase ("his friend Ana Diaz", "spokesman Ali Omar") or in apposition
    ("Will Ober, the chairman for the district,"). The name is a person's,
    whatever type the model gave it."""
    if name.pos_ != "PROPN":
        return False
    beside = [c for c in name.children if c.dep_ in {"compound", "appos", "nmod"} and c.pos_ == "NOUN"]
    return any(is_role_word(c) or c.lemma_.lower() in KINSHIP | _TIES for c in beside) or bool(_given_name(name))


def _given_name(name: Token) -> Token | None:
    """The first name written before a surname ("Ada Sharp"), when it is a
    given name of one sex only: the pair names a person."""
    before = [c for c in name.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < name.i]
    if not before or before[0].lower_ not in _MALE_GIVEN | _FEMALE_GIVEN:
        return None
    return before[0]


# Plural nouns for people who can speak as "they" ("experts say ... they say").
_PEOPLE = words(
    "people officials experts critics analysts supporters opponents voters residents aides advisers advisors "
    "allies lawmakers legislators members leaders activists economists scientists researchers others observers "
    "sources insiders strategists operatives organizers organisers environmentalists protesters demonstrators "
    "parents teachers workers doctors lawyers investigators prosecutors diplomats executives delegates donors "
    "candidates farmers owners tenants neighbours neighbors witnesses"
)

# Nouns for several people: "the team said" is not the one person named before.
_COLLECTIVE = words("team staff campaign family crowd group audience panel jury board couple pair side camp")

# Nouns for a body that speaks as one ("the brokerage said", "the group asked").
_PUBLIC_BODIES = words(
    "ministry department union court party police army council committee commission agency embassy "
    "government university authority office board"
)
_FIRMS = words("company firm brokerage bank lender insurer carrier airline retailer maker manufacturer operator")
_BODY_NOUNS = _PUBLIC_BODIES | _FIRMS | words("group organisation organization association")
# Groups that speak as one but whose description alone does not say which ("the campaign").
_SPEAKING_GROUPS = words("campaign team")
# Words in a firm's name.
_FIRM_NAME_WORDS = _FIRMS | words("inc ltd llc plc corp corporation co holdings group capital securities partners")


def _same_kind(lemma: str, name: str) -> bool:
    """Whether a body called ``name`` can be "the <lemma>": a public body
    named by its kind ("Norland Teachers Union") is only that kind, and a
    firm ("Selm Holdings") is no ministry or union. Generic words fit all."""
    named = {w.lower().strip(".,") for w in name.split()}
    public = named & _PUBLIC_BODIES
    if public and lemma in _BODY_NOUNS - {"group", "organisation", "organization", "association"}:
        return lemma in public
    return not (lemma in _PUBLIC_BODIES and named & _FIRM_NAME_WORDS)


# Names of one text under two words: "a lawsuit was filed ... the suit says".
_SAME_TEXT = {"lawsuit": "suit", "memoir": "book", "autobiography": "book"}

# Texts someone writes and sends, and the verbs of writing or sending them.
_WRITTEN_TEXTS = words("letter statement email memo note petition complaint")
_WRITING_VERBS = words("write send email sign file issue release pen")

# Descriptions of a news outlet ("the paper", "the tabloid").
_OUTLET_NOUNS = words("paper newspaper tabloid daily broadcaster network outlet magazine")

# Head nouns of a text or a recording: it can be the source of a claim (the
# attributions component credits it), never a speaker ("the story noted").
_TEXT_HEADS = cues.DOCUMENT_HEADS | words(
    "interview story article column editorial op-ed piece book ad advertisement commercial video "
    "broadcast podcast episode documentary post tweet email message blog test result investigation probe inquiry "
    "cable telegram dispatch slide presentation memoir autobiography form"
)


def _is_text(noun: Token) -> bool:
    """Whether ``noun`` heads a text or a recording rather than someone who speaks."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return False
    return noun.lemma_.lower() in _TEXT_HEADS or noun.lower_ in _TEXT_HEADS


_INDEFINITE = words("a an one another some")
# Verbs whose subject is the author of the text that is their object ("issued a statement").
_ISSUING_VERBS = words("issue release send publish write post sign file deliver give make circulate put")


# Texts a paper runs: "a report in X" is X's.
_PUBLISHED_TEXTS = words("report article story editorial column piece")


def _author_token(text: Token) -> Token | None:
    """The author a text names: "a letter from Kim", "a report by the agency", "the union's letter",
    "a suit was filed by Lee"."""
    if text.dep_ == "nsubjpass" and text.head.lemma_.lower() in _ISSUING_VERBS:
        agents = [o for a in text.head.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        if agents:
            return _named_text(agents[0])
    for child in text.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _named_text(objects[0])
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
            return child
        if child.dep_ == "prep" and child.lower_ == "in" and text.lemma_.lower() in _PUBLISHED_TEXTS:
            # "a report in the Harbour Courier": the paper that ran it speaks through it
            named = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if named:
                return named[0]
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "a statement issued by the campaign"
            agents = [o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if agents:
                return _named_text(agents[0])
    named = [c for c in text.children if c.dep_ == "compound" and c.i == text.i - 1 and _names_a_speaker(c)]
    if named and text.tag_ == "NN":
        return named[0]  # "a Pell campaign memo", "the Norland ministry statement"; not "GOP figures"
    return None


def _names_a_speaker(modifier: Token) -> bool:
    """Whether a noun before a text's head names who wrote it: a name of a
    person or a body ("the Alder letter"), or a noun with such a name before it
    ("the Alder campaign memo"); not a date or a place ("a Friday statement")."""
    speaking = {"PERSON", "ORG", "NORP"}
    if modifier.pos_ == "PROPN":
        return modifier.ent_type_ in speaking
    return modifier.pos_ == "NOUN" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in speaking for c in modifier.children
    )


# Nouns for a site that publishes: "a story by the website Selmwatch" is Selmwatch's.
_SITE_NOUNS = words("website site blog")


def _named_text(token: Token) -> Token:
    """The name a text is given beside it ("the website Politiscope"): a site
    or a paper is its publisher, who speaks through it. The name may follow the
    noun with the parser hanging it elsewhere (as a second subject of the verb)."""
    if _is_text(token) or token.lemma_.lower() in _SITE_NOUNS:
        named = [c for c in token.children if c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN"]
        named += [token.head] if token.dep_ == "compound" and token.head.pos_ == "PROPN" else []
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.pos_ == "PROPN" and following.ent_type_ in {"PERSON", "ORG"}:
            named.append(following)
        return named[0] if named else token
    return token


def _can_be_partner(token: Token) -> bool:
    """Whether a coordinated noun reads as a second speaker: a name ("Lee
    Chen", "the EU") or a determined description ("the ministry", "his
    wife"), not the bare noun of a job title set beside a name."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and any(c.dep_ in {"det", "poss"} for c in token.children)


def _joined(names: list[str]) -> str:
    """ "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _indefinite(noun: Token) -> bool:
    """Whether a description introduces someone new ("one unaligned strategist",
    "a senior official"): the writer withholds the name, so it refers to
    nobody named before, whoever holds that title in the story."""
    return any(c.dep_ in {"det", "nummod"} and c.lower_ in _INDEFINITE for c in noun.children)


def _full_name(token: Token) -> bool:
    """Whether the name ``token`` heads is written with more than a surname."""
    start, end = surface_span(token)
    text = docindex.doc_text(token.doc)  # Doc.text joins every token anew on each access
    words = [w for w in text[start:end].split() if w.rstrip(".").lower() not in _MALE | _FEMALE]
    return len(words) > 1


def _capitalised_bare_noun(token: Token) -> bool:
    """A name the tagger read as a common noun ("D’Lima replied"): capitalised,
    inside its sentence, with no determiner."""
    return (
        token.tag_ == "NN"
        and token.text[:1].isupper()
        and token.i > cues.sentence(token).start
        and not any(c.dep_ in {"det", "poss"} for c in token.children)
    )


def _named_person(subject: Token, plural: bool) -> bool:
    """Whether a speaker no entity covers reads as one named person ("Forecaster Ana Ruiz").

    The entities component kept no entity here, so the tagger's raw label
    (often ORG for an unusual surname) is no evidence:
    the name is judged by its own words (an outlet's or an organisation's)."""
    if plural or not (subject.pos_ == "PROPN" or _capitalised_bare_noun(subject)):
        return False
    return cues.source_type(subject, "", "NONE") == "person" and not cues.has_org_words(subject)


# Subordinators of a clause that tells when or why the main clause's act happened.
_TIME_REASON_MARKS = words("after because when since before until once")


def _of_phrase(noun: Token) -> str:
    """The " of <place>" after a title ("the mayor" + " of Easton"), as written."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                obj = objects[0]
                return " " + noun.doc.text[child.idx : obj.idx + len(obj.text)]
    return ""


def _group(spoken: _Spoken) -> bool:
    """Whether "they" can refer to a speaker: a body or a plural noun."""
    return spoken.plural or (spoken.entity is not None and spoken.entity.type in _GROUP_TYPES)


def _sentence_body(ctx: _Context, pronoun: Token) -> Token | None:
    """The body that is the main subject of the sentence an "it" speaks in
    from a clause of its own ("The Selm union answered ..., one of them on
    a holiday, which it had said was impossible"): the "it" of a
    subordinate or joined clause is that subject, not the last body quoted
    before the sentence. An "it" that is the main clause's own subject is
    left to the usual reading."""
    root = cues.sentence(pronoun).root
    if pronoun.head.i == root.i:
        return None
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i]
    if not subjects or ctx.talked_about(subjects[0]):
        return None
    subject = subjects[0]
    entity = ctx.mentions.at(subject.idx, subject.idx + len(subject.text))
    if entity is not None:
        return subject if entity.type == "ORG" else None
    body = subject.tag_ == "NN" and subject.lemma_.lower() in _BODY_NOUNS | _SPEAKING_GROUPS
    return subject if body and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) else None


def _relative_holder(ctx: _Context, pronoun: Token) -> Token | None:
    """The person whose relative clause a "he" or "she" stands in ("teacher
    Marta Lind, who made the room laugh when she called it ..."): the name the
    "who" clause describes, or the name a description with that clause stands
    beside, when it is a person the pronoun agrees with and the pronoun's
    clause hangs from that relative clause."""
    verb = pronoun.head
    for _ in range(4):
        if verb.dep_ == "relcl":
            break
        if verb.dep_ not in {"advcl", "conj", "ccomp", "xcomp"} or verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    who = any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "who" for c in verb.children)
    if verb.i == pronoun.head.i or not who:
        return None  # "the man whom she met": the pronoun is the relative clause's own subject
    name = verb.head
    if name.dep_ == "appos" and name.pos_ == "NOUN":
        name = name.head  # "Tom Alder, the harbour councillor who ... when he said": the named man
    entity = ctx.mentions.at(name.idx, name.idx + len(name.text))
    if entity is None or entity.type != "PERSON" or ctx.genders.get(entity.id) not in {None, pronoun.lower_}:
        return None
    return name


# Nouns for one member of a party: the article may give a person one of them as a title.
_PARTY_MEMBERS = words("republican democrat independent libertarian conservative liberal socialist tory")


def _party_member(noun: Token) -> bool:
    """Whether a party's name is used as a noun for one member of it ("the
    Republican said", "the Green"): singular, definite, the head of its
    phrase, not an adjective before another noun ("the Republican senator")."""
    if noun.tag_ not in {"NN", "NNP"} or noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return [c.lower_ for c in noun.children if c.i < noun.i] == ["the"]


def _regional(modifier: Token) -> bool:
    """Whether a name before a title says where or of which party its holder
    is ("the Norland senator", "the Green nominee", "the Courier host"), not whose
    ("Kim's aide", "the Reyes team")."""
    if modifier.dep_ not in {"compound", "amod"}:
        return False
    return modifier.ent_type_ in {"GPE", "NORP", "ORG", "LOC"} or modifier.lower_ in {"gop"}


# Verbs of answering, and the verbs that address someone who may answer: "she
# replied" after "I emailed Kim" is Kim.
_REPLYING = words("reply respond answer")
_ADDRESSING = words("email e-mail call phone text message contact write")


def _listeners(ctx: _Context, verb: Token) -> list[Entity]:
    """The people a speech verb says were spoken to ("told Hale", "said to
    Hale"): whoever speaks is not one of them."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj"}]
    objects += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children]
    objects += [o for c in objects if c.dep_ == "dative" for o in c.children if o.dep_ == "pobj"]
    found = [ctx.mentions.at(o.idx, o.idx + len(o.text)) for o in objects if o.pos_ == "PROPN"]
    return [e for e in found if e is not None and e.type == "PERSON"]


def _a_question(ask: Token) -> bool:
    """Whether "ask" puts a question: a "whether", "if" or wh- clause, or
    "about", also when the parser hangs the clause elsewhere ("asked Kim if
    she would run" with "if" right after the one asked)."""
    objects = [c for c in ask.children if c.dep_ in {"dobj", "dative"}]
    doc = ask.doc
    after = objects[-1].right_edge.i + 1 if objects else len(doc)
    if after < len(doc) and (doc[after].lower_ in {"whether", "if"} or doc[after].tag_ in {"WRB", "WP"}):
        return True
    text = docindex.doc_text(doc)
    if "?" in text[text.rfind("\n", 0, ask.idx) + 1 : ask.idx]:
        return True  # "“Should there be a list?” a reporter asked Kim"
    for child in ask.children:
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ in {"ccomp", "advcl"}:
            first = ask.doc[child.left_edge.i]
            if first.lower_ in {"whether", "if"} or first.tag_ in {"WRB", "WP", "WDT"}:
                return True
    return False


def _nearest_subject(ctx: _Context, pronoun: Token, quote_start: int) -> Token | None:
    """The nearest earlier person subject outside quotes whose gender agrees
    with the pronoun. A subject inside the reported clause the pronoun
    closes ("Lind had run it badly, he said") is talked about, as a name
    inside quote marks is, when a person is subject close by before the
    clause (the sentence before, or the paragraph); with no one there, the
    clause's own subject is the one who says it of himself ("Lind backed
    the toll, he said", opening a paragraph)."""
    lower = pronoun.lower_
    inside = None
    i = bisect.bisect_left(ctx.subject_starts, pronoun.idx)
    for token in reversed(ctx.subjects[:i]):
        if pronoun.idx - token.idx > 2 * _FLOAT_REACH:
            return inside
        if _gender_of(ctx, token) not in {None, lower}:
            continue
        if quote_start <= token.idx < pronoun.idx:
            inside = inside or token
            continue
        return token if inside is None or _close(ctx, token, pronoun, quote_start) else inside
    return inside


def _carried(ctx: _Context, subject: Token, pronoun: Token, quote_start: int) -> bool:
    """Whether a person subject too far back to be close is carried to the
    pronoun by the same pronoun as the subject of a main clause between them,
    outside quotes: close to the pronoun, with the person close to it ("Alder
    has a long record. ¶ He has worked with every party. Last spring he
    said ..."). The text goes on about that person, whoever spoke before."""
    for token in ctx.doc[subject.i + 1 : pronoun.i]:
        if token.lower_ != pronoun.lower_ or token.dep_ not in {"nsubj", "nsubjpass"} or ctx.talked_about(token):
            continue
        if token.head.dep_ != "ROOT" or cues.sentence(token).start == cues.sentence(subject).start:
            continue
        if _close(ctx, token, pronoun, quote_start) and _close(ctx, subject, token, token.idx):
            return True
    return False


def _close(ctx: _Context, subject: Token, pronoun: Token, quote_start: int) -> bool:
    """Whether ``subject`` is in the pronoun's paragraph or in the sentence
    just before the pronoun's sentence or its quote's (a quote of several
    sentences comes before "he said"): a person brought in further back is
    background, while the quotation run goes on."""
    if _line_of(ctx.text, subject.idx) == _line_of(ctx.text, pronoun.idx):
        return True
    starts = [pronoun]
    opening = ctx.doc.char_span(quote_start, quote_start + 1, alignment_mode="expand")
    if opening is not None and len(opening):
        starts.append(opening[0])
    for token in starts:
        sent = cues.sentence(token)
        if sent.start > 0 and cues.sentence(ctx.doc[sent.start - 1]).start <= subject.i < sent.start:
            return True
    return False


def _is_place(token: Token) -> bool:
    """A country or a city written as where something is ("in Orlando")."""
    while token.dep_ in {"appos", "conj", "compound"} and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS


def _gender_of(ctx: _Context, token: Token) -> str | None:
    """The gender of the person a subject names: the pronouns that refer back
    to it when it is a surname several people share ("Kim herself said she
    ..."), whose entity may be the wrong namesake; else its entity's."""
    entity = ctx.mentions.at(token.idx, token.idx + len(token.text))
    if entity is None:
        return None
    surname = token.lower_
    shared = [e for e in ctx.entities if e.type == "PERSON" and e.name.lower().split()[-1:] == [surname]]
    own = _own_gender(token) if len(shared) > 1 else None
    return own or ctx.genders.get(entity.id)


def _own_gender(subject: Token) -> str | None:
    """ "he" or "she" by the first pronoun that refers back to ``subject``."""
    for token in _referring(subject):
        if token.lower_ in _MALE | _FEMALE:
            return "he" if token.lower_ in _MALE else "she"
    return None
