"""The record the quote rules build: a Quote and where its parts are written.

Its own module so that the rules that rework quotes after they are found
(:mod:`.splits`) and the rules that find them (:mod:`.quotes`) share it
without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Quote


@dataclass(frozen=True, slots=True)
class QuoteDetail:
    """A Quote plus where its speaker and cue are written in the text.

    The Quote record keeps the resolved speaker name; benchmarks and the
    attribution spans need the surface form too ("she", "the minister").
    """

    quote: Quote
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    subject: int | None = None  # token index of the speaker as written, resolved in text order
