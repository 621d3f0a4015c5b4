"""Quotations split around their cue, read as one quote.

Writers break a quotation to name its speaker: “We will not sign,” said
Ana Ruiz, “unless the tariffs go first.” or “The port is closed,” she said.
“Nobody gets in.” The quote marks make two runs, but it is one statement
with one speaker, and an analyst wants it whole: one quote, its words joined,
one speaker, the cue between its pieces (``Quote.parts``). So does a
quotation that runs on over paragraphs, each new paragraph reopening the
marks the last one left open.

Two runs are one quotation when the second has no cue of its own (or shares
the first's) and what lies between them is the first run's cue clause and
nothing else: the cue and its speaker written between the runs, no other
sentence, no other quote marks. A second run with a cue of its own ("“...,”
she added") is a new quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import docindex
from . import cues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .details import QuoteDetail

_MARKS = '“”"«»„'  # double marks, as the rules read them (two apostrophes already made curly)
_GAP_REACH = 240  # characters of cue clause between two runs of one quotation, at most


def joined(details: Sequence[QuoteDetail], doc: Doc, text: str, raw: str) -> list[QuoteDetail]:
    """``details`` (in text order) with each quotation split around its cue
    made one quote. ``text`` is the article with quote marks as the rules
    read them, ``raw`` as written (a joined quote's words come from it)."""
    out: list[QuoteDetail] = []
    for detail in details:
        before = out[-1] if out else None
        if before is not None and _continues(before, detail, doc, text):
            out[-1] = _merged(before, detail, text, raw)
        else:
            out.append(detail)
    return out


def _continues(first: QuoteDetail, second: QuoteDetail, doc: Doc, text: str) -> bool:
    """Whether ``second`` goes on with the quotation of ``first``."""
    a, b = first.quote, second.quote
    if a.kind != "direct" or b.kind != "direct" or b.start <= a.end:
        return False
    if b.cue is not None and second.cue_span != first.cue_span:
        return False  # “...,” she added: a new quote
    gap = text[a.end : b.start]
    if _reopened(gap):
        return True
    if "\n" in gap or len(gap) > _GAP_REACH or first.cue_span is None or first.subject is None:
        return False
    cue_start, cue_end = first.cue_span
    speaker = doc[first.subject]
    if not (a.end <= cue_start and cue_end <= b.start and a.end <= speaker.idx < b.start):
        return False  # the cue is not written between the runs: “...” he said of X. “...”
    inner = gap.lstrip(" ,;:—–-").lstrip(_MARKS + "’'").rstrip(" ").rstrip(_MARKS + "‘'")
    if not gap.lstrip(" ,")[:1] or gap.lstrip(" ,")[0] not in _MARKS or any(m in inner for m in _MARKS):
        return False  # the first run did not close right there, or other marks lie between
    return _one_clause(doc, cue_start, a.end, b.start)


def _reopened(gap: str) -> bool:
    """Whether a run left open at its paragraph's end is taken up by the next
    paragraph's opening mark: the convention for a quotation over paragraphs."""
    head, _, rest = gap.rpartition("\n")
    return "\n" in gap and not head.strip() and rest.strip() in {"“", '"', "«", "„"}


def _one_clause(doc: Doc, cue_at: int, start: int, end: int) -> bool:
    """Whether every word between two runs belongs to the cue's clause: its
    sentence, or the cue's own words where the parser cut a sentence there."""
    span = doc.char_span(cue_at, cue_at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    cue: Token = span[0]
    sentence = cues.sentence(cue)
    subtree = {t.i for t in cue.subtree}
    words = [t for t in (doc[i] for i in docindex.tokens_from(doc, start, end)) if not (t.is_punct or t.is_space)]
    return all(sentence.start <= t.i < sentence.end or t.i in subtree for t in words)


def _merged(first: QuoteDetail, second: QuoteDetail, text: str, raw: str) -> QuoteDetail:
    """One quote: the first run's speaker and cue, both runs' words."""
    a, b = first.quote, second.quote
    # “We will not sign,” she said, “unless ...”: the comma was the speaker's;
    # “The port is closed,” she said. “Nobody ...”: it stood for a full stop.
    stop = "" if text[a.end : a.end + 1] != "," else "," if raw[b.start : b.start + 1].islower() else "."
    joint = "\n" if "\n" in text[a.end : b.start] else " "
    words = a.text + stop + joint + raw[b.start : b.end]
    parts = (*a.pieces, (b.start, b.end))
    quote = replace(a, text=words, end=b.end, parts=parts, confidence=max(a.confidence, b.confidence))
    return replace(first, quote=quote)
