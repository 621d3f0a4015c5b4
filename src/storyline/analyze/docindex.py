"""Per-Doc lookups that spaCy recomputes on every access, computed once per Doc.

In spaCy 3.8 ``Doc.text`` joins every token anew, ``Doc.ents`` rebuilds its
tuple from the token array, and ``Token.sent``, ``Span.sent`` and ``Doc.sents``
walk or scan the document each time. The analysis components ask these
questions in loops (once per token, per trigger, per quote), which made them
quadratic in the length of an article. This module answers them from arrays
built once per Doc: the text, the sentence and line (paragraph) of every
token, and the entity spans with the entity each token belongs to.

The index lives in a ``WeakKeyDictionary`` keyed by the Doc, so it goes away
with the Doc and never travels with it (``doc.user_data`` is serialised by
``Doc.to_bytes``). It holds no reference to the Doc itself. The text and the
sentences are fixed once a Doc is parsed; the entities are not:
whoever sets ``doc.ents`` must call :func:`forget_entities` (the entities
component does, after writing its corrected spans back).
"""

from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A token's sentence start flag as Doc.to_array gives it (-1 wraps around in uint64).
_SENT_START = 1


@dataclass(slots=True)
class EntityIndex:
    """``doc.ents`` as (start, end, label) triples, and the triple each token is in (-1: none)."""

    spans: list[tuple[int, int, str]]
    starts: list[int]
    at: list[int]


@dataclass(frozen=True, slots=True)
class Words:
    """Per token strings, for cheap first passes over a whole Doc.

    Token objects are made anew on every ``doc[i]`` and each string attribute
    is a vocabulary lookup; a rule that tests every token reads these lists
    instead, and builds a Token only for the tokens that pass. ``lemma`` is
    lower-cased, as the rules compare it.
    """

    text: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    dep: list[str]


@dataclass(slots=True)
class DocIndex:
    """What one Doc's lookups need, as plain Python values (no reference to the Doc)."""

    text: str
    sent_start: list[int]
    sent_end: list[int]
    sent_bounds: list[tuple[int, int]]
    sent_starts: list[int]
    line_start: list[int]
    line_end: list[int]
    offsets: list[int]  # each token's character offset (``token.idx``), non-decreasing
    entities: EntityIndex | None = None
    words: Words | None = None


_INDEXES: weakref.WeakKeyDictionary[Doc, DocIndex] = weakref.WeakKeyDictionary()


def doc_index(doc: Doc) -> DocIndex:
    """The index of ``doc``, built on first use."""
    index = _INDEXES.get(doc)
    if index is None:
        index = _build(doc)
        _INDEXES[doc] = index
    return index


def _build(doc: Doc) -> DocIndex:
    n = len(doc)
    flags = doc.to_array("SENT_START").tolist() if n else []
    offsets = doc.to_array("IDX").tolist() if n else []
    text = _text(doc) if n else ""
    starts = [0] + [i for i in range(1, n) if flags[i] == _SENT_START] if n else []
    bounds = _runs(starts, n)
    sent_start, sent_end = _spread(bounds, n)
    line_start, line_end = _spread(_runs(_line_starts(text, offsets), n), n)
    return DocIndex(text, sent_start, sent_end, bounds, starts, line_start, line_end, offsets)


def _text(doc: Doc) -> str:
    """``doc.text`` (every token's ``text_with_ws``, joined) read from the token arrays,
    without making a Token object per token as ``Doc.text`` does."""
    from spacy.attrs import ORTH, SPACY

    strings = doc.vocab.strings
    orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
    words = {key: strings[key] for key in set(orths)}
    return "".join([words[o] + " " if s else words[o] for o, s in zip(orths, spaces, strict=True)])


def _runs(starts: list[int], n: int) -> list[tuple[int, int]]:
    """Consecutive [start, end) runs from their sorted start indices."""
    if not n:
        return []
    return list(zip(starts, [*starts[1:], n], strict=True))


def _spread(runs: list[tuple[int, int]], n: int) -> tuple[list[int], list[int]]:
    """Per token, the start and end of the run it lies in."""
    starts, ends = [0] * n, [0] * n
    for start, end in runs:
        starts[start:end] = [start] * (end - start)
        ends[start:end] = [end] * (end - start)
    return starts, ends


def _line_starts(text: str, offsets: list[int]) -> list[int]:
    """Token indices that begin a line: 0, and each token after one whose text or
    trailing space holds a line break (as ``"\\n" in token.text_with_ws``)."""
    n = len(offsets)
    starts = [0] if n else []
    at = text.find("\n")
    while at >= 0:
        i = bisect.bisect_right(offsets, at) - 1  # the token whose text_with_ws holds this break
        if i >= 0 and i + 1 < n and starts[-1] != i + 1:
            starts.append(i + 1)
        at = text.find("\n", at + 1)
    return starts


# --- text, sentences and lines -------------------------------------------------------


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    return doc_index(doc).text


def sentence_bounds(token: Token) -> tuple[int, int]:
    """Token indices [start, end) of the sentence holding ``token`` (as ``token.sent``)."""
    index = doc_index(token.doc)
    return index.sent_start[token.i], index.sent_end[token.i]


def sentence(token: Token) -> Span:
    """The sentence holding ``token``: the same span as ``token.sent``."""
    start, end = sentence_bounds(token)
    return token.doc[start:end]


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc``: the same spans as ``doc.sents``."""
    return [doc[start:end] for start, end in doc_index(doc).sent_bounds]


def tokens_from(doc: Doc, start: int, end: int) -> range:
    """Indices of the tokens that begin at a character in [start, end), as
    ``[t.i for t in doc if start <= t.idx < end]`` but without walking the Doc."""
    offsets = doc_index(doc).offsets
    return range(bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end))


def sentence_starts(doc: Doc) -> list[int]:
    """The first token index of every sentence, in order."""
    return doc_index(doc).sent_starts


def line_bounds(token: Token) -> tuple[int, int]:
    """Token indices [start, end) of the line (paragraph) holding ``token``.

    A line ends after a token whose text or trailing whitespace holds a line
    break; the whitespace tokens between paragraphs end the line they follow.
    """
    index = doc_index(token.doc)
    return index.line_start[token.i], index.line_end[token.i]


def words(doc: Doc) -> Words:
    """Text, lower-cased form, lower-cased lemma, part of speech and dependency of every token."""
    index = doc_index(doc)
    if index.words is None:
        index.words = _read_words(doc)
    return index.words


def _read_words(doc: Doc) -> Words:
    from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS

    if not len(doc):
        return Words([], [], [], [], [])
    strings = doc.vocab.strings
    columns = []
    for column in doc.to_array([ORTH, LOWER, LEMMA, POS, DEP]).T.tolist():
        names = {key: strings[key] for key in set(column)}
        columns.append([names[key] for key in column])
    text, lower, lemma, pos, dep = columns
    lowered = {name: name.lower() for name in set(lemma)}
    return Words(text, lower, [lowered[name] for name in lemma], pos, dep)


# --- entities ------------------------------------------------------------------------


def _entity_index(doc: Doc) -> EntityIndex:
    index = doc_index(doc)
    if index.entities is None:
        spans = [(ent.start, ent.end, ent.label_) for ent in doc.ents]
        at = [-1] * len(doc)
        for n, (start, end, _label) in enumerate(spans):
            at[start:end] = [n] * (end - start)
        index.entities = EntityIndex(spans, [s for s, _, _ in spans], at)
    return index.entities


def forget_entities(doc: Doc) -> None:
    """Drop the entity index of ``doc``: call after setting ``doc.ents``."""
    index = _INDEXES.get(doc)
    if index is not None:
        index.entities = None


def _span(doc: Doc, triple: tuple[int, int, str]) -> Span:
    from spacy.tokens import Span

    return Span(doc, triple[0], triple[1], label=triple[2])


def entity_of(token: Token) -> Span | None:
    """The span of ``doc.ents`` that ``token`` lies in, or None."""
    index = _entity_index(token.doc)
    n = index.at[token.i]
    return _span(token.doc, index.spans[n]) if n >= 0 else None


def entities(doc: Doc) -> list[Span]:
    """The spans of ``doc.ents``, in order."""
    return [_span(doc, triple) for triple in _entity_index(doc).spans]


def entities_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The spans of ``doc.ents`` that lie inside tokens [start, end), in order."""
    index = _entity_index(doc)
    first = bisect.bisect_left(index.starts, start)
    found = []
    for triple in index.spans[first:]:
        if triple[0] >= end:
            break
        if triple[1] <= end:
            found.append(_span(doc, triple))
    return found


def entities_starting_at(token: Token) -> list[Span]:
    """The spans of ``doc.ents`` that start at ``token``."""
    index = _entity_index(token.doc)
    n = index.at[token.i]
    return [_span(token.doc, index.spans[n])] if n >= 0 and index.spans[n][0] == token.i else []
