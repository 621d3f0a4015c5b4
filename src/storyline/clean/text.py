"""Clean a page saved as plain text by a scraper: body, subheads and metadata.

Each line is classified (``clean.lines``), the body is the densest run of
prose lines (``clean.blocks``), and the lines around it give the headline,
date, byline and tags (``clean.meta``). Every line that does not reach the body
is kept in ``Article.removed`` with the reason, so a user can see what was cut
and why; section headings are kept as ``Subhead`` records, outside the text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import Warnings
from ..model import Article, RawDoc, Removed, Subhead
from ..settings import Settings
from .blocks import main_block
from .ids import content_id
from .lines import Line, classify, read_lines
from .meta import read_meta

logger = logging.getLogger(__name__)

_HAS_WORD = re.compile(r"[^\W_]")
SUBHEAD_MAX_WORDS = 12


@dataclass(slots=True)
class _Body:
    """The body as it is assembled: paragraphs, subheads with offsets, removed lines."""

    paragraphs: list[str] = field(default_factory=list)
    subheads: list[Subhead] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    length: int = 0
    pending: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        """Append a paragraph; subheads waiting for it get its offset."""
        offset = self.length + (2 if self.paragraphs else 0)
        self.subheads.extend(Subhead(head, offset) for head in self.pending)
        self.pending.clear()
        self.paragraphs.append(text)
        self.length = offset + len(text)


def clean_text(raw: RawDoc, settings: Settings) -> Article:
    """Turn a plain-text scrape into an Article: body without boilerplate, plus metadata.

    Args:
        raw: the decoded page; ``raw.text`` is the scrape, one block per line.
        settings: ``short_line_words`` is the fewest words a line needs to
            count as prose; shorter lines are candidate boilerplate.

    Returns:
        An Article whose ``removed`` lists every dropped line with its reason.
    """
    lines = read_lines(raw.text, settings.short_line_words)
    reasons = classify(lines)
    start, end = main_block(lines, reasons)
    if start == end:
        start, end = _fallback_span(lines, reasons)
        logger.warning(Warnings.W203.format(path=raw.source))
    start, end = _widen_over_copies(lines, reasons, start, end)
    reasons = _keep_first_copy(lines, reasons, start, end)
    meta = read_meta(lines, reasons, start, end)
    final = list(reasons)
    for index, reason in meta.used:
        final[index] = reason
    body = _assemble(lines, final, start, end)
    return Article(
        id=content_id(raw.text),
        source=raw.source,
        text="\n\n".join(body.paragraphs),
        title=meta.title,
        outlet=meta.outlet,
        published=meta.published,
        published_source="explicit" if meta.published else "unknown",
        byline=meta.byline,
        tags=meta.tags,
        subheads=tuple(body.subheads),
        removed=tuple(body.removed),
    )


def _widen_over_copies(lines: Sequence[Line], reasons: Sequence[str | None], start: int, end: int) -> tuple[int, int]:
    """Widen the body over repeated prose lines at its edges (a lead repeated as summary)."""

    def copy(i: int) -> bool:
        return 0 <= i < len(lines) and reasons[i] == "duplicate" and lines[i].textlike

    while copy(start - 1):
        start -= 1
    while copy(end):
        end += 1
    return start, end


def _keep_first_copy(lines: Sequence[Line], reasons: Sequence[str | None], start: int, end: int) -> list[str | None]:
    """Give the body back the first copy of a repeated paragraph.

    A repeated line is template while the body is being found, but a lead
    paragraph is often repeated as the page's summary: the first copy inside
    the body stays, later copies inside it and copies outside it go.
    """
    kept = list(reasons)
    seen: set[str] = set()
    for i in range(start, end):
        line = lines[i]
        if kept[i] == "duplicate" and line.textlike and line.text not in seen:
            kept[i] = None
        seen.add(line.text)
    return kept


def _fallback_span(lines: Sequence[Line], reasons: Sequence[str | None]) -> tuple[int, int]:
    """A body for a page where no prose run was found.

    Look again with repeated lines counted (a page saved twice over), and
    failing that keep the longest line that no boilerplate family claims.
    """
    unique = [None if reason == "duplicate" else reason for reason in reasons]
    start, end = main_block(lines, unique)
    if start < end:
        return start, end
    candidates = [line for line, reason in zip(lines, unique, strict=True) if reason is None]
    if not candidates:
        return 0, 0
    longest = max(candidates, key=lambda line: line.words)
    return longest.index, longest.index + 1


def _assemble(lines: Sequence[Line], reasons: Sequence[str | None], start: int, end: int) -> _Body:
    """Sort every line into a paragraph, a subhead or a removed line."""
    body = _Body()
    for i, line in enumerate(lines):
        reason = reasons[i] or _outside_reason(i, start, end)
        if reason is None and _is_subhead(lines, reasons, i, start, end):
            body.pending.append(line.text)
            continue
        reason = reason or _fragment_reason(line)
        if reason:
            body.removed.append(Removed(line.text, reason))
        else:
            body.add(line.text)
    body.removed.extend(Removed(head, "subhead-at-end") for head in body.pending)
    return body


def _outside_reason(i: int, start: int, end: int) -> str | None:
    """Lines above the body are page header, lines below it page trailer."""
    if i < start:
        return "before-body"
    return "after-body" if i >= end else None


def _is_subhead(lines: Sequence[Line], reasons: Sequence[str | None], i: int, start: int, end: int) -> bool:
    """A short heading-shaped line between prose paragraphs of the body.

    Flagged lines in between (an "Also read" teaser) are looked through; a
    heading next to other short lines is a list item, not a subhead.
    """
    line = lines[i]
    if not _heading_shaped(line):
        return False
    before = _neighbour(lines, reasons, i, -1, start, end)
    after = _neighbour(lines, reasons, i, 1, start, end)
    return after is not None and after.textlike and (before is None or before.textlike)


def _heading_shaped(line: Line) -> bool:
    """Few words, a capital or digit first, no sentence-final full stop or colon."""
    if not 1 <= line.words <= SUBHEAD_MAX_WORDS or line.textlike or line.listlike or line.linklike:
        return False
    return (line.text[0].isupper() or line.text[0].isdigit()) and not line.text.endswith((".", ",", ";", ":"))


def _neighbour(
    lines: Sequence[Line], reasons: Sequence[str | None], i: int, step: int, start: int, end: int
) -> Line | None:
    """The nearest unflagged line of the body in direction ``step``, or None."""
    j = i + step
    while start <= j < end:
        if reasons[j] is None:
            return lines[j]
        j += step
    return None


def _fragment_reason(line: Line) -> str | None:
    """Drop an in-body line with no letters or digits ("___", "‹ › ×")."""
    return None if _HAS_WORD.search(line.text) else "short-fragment"
