"""One article for reading: its text cut into marked pieces, and where its metadata came from.

The web page highlights quotes, speakers, entities, attributions, dates and
events in the clean text. Facts point into the text with offsets and
overlap freely (an entity inside a quote inside an event's sentence), so the
text is cut at every fact boundary: each piece lists the marks covering it,
and a template can wrap it in one element per piece without nesting tags.
The pieces are data (the page's JSON twin has them too), never HTML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..model import Analysis, RawDoc, Subhead

# The kinds of mark, in the order a piece lists them (outermost first).
MARK_KINDS = ("event", "attribution", "quote", "date", "entity", "speaker")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def article_marks(analysis: Analysis, kb_ids: Mapping[str, str]) -> list[dict[str, Any]]:
    """Every highlighted span of an article: kind, span, a label to show on hover, the entity it links to."""
    marks: list[dict[str, Any]] = []
    speakers = {q.speaker_id for q in analysis.quotes if q.speaker_id}
    for event in analysis.events:
        parties = " → ".join(x for x in (event.actor, event.target) if x)
        label = f"{event.type} ({event.status})" + (f": {parties}" if parties else "")
        marks.append({"kind": "event", "span": [event.start, event.end], "label": label, "entity": None})
    for attribution in analysis.attributions:
        label = f"attributed to {attribution.source} ({attribution.cue})"
        marks.append({"kind": "attribution", "span": [attribution.start, attribution.end], "label": label,
                      "entity": None})  # fmt: skip
    for quote in analysis.quotes:
        label = f"{quote.kind} quote" + (f", {quote.speaker}" if quote.speaker else ", speaker unknown")
        label += f" ({quote.cue})" if quote.cue else ""
        for start, end in quote.pieces:  # a quotation split around its cue: the cue is not highlighted
            marks.append({"kind": "quote", "span": [start, end], "label": label, "entity": None})
    for date in analysis.dates:
        label = f"date: {date.value or 'unresolved'} ({date.granularity})"
        marks.append({"kind": "date", "span": [date.start, date.end], "label": label, "entity": None})
    for entity in analysis.entities:
        kind = "speaker" if entity.id in speakers else "entity"
        roles = "; ".join(r.title for r in entity.roles)
        label = f"{entity.name} ({entity.type})" + (f" — {roles}" if roles else "")
        for start, end in entity.mentions:
            marks.append({"kind": kind, "span": [start, end], "label": label, "entity": kb_ids.get(entity.id)})
    return [m for m in marks if 0 <= m["span"][0] < m["span"][1] <= len(analysis.article.text)]


def marked_paragraphs(text: str, marks: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The text as paragraphs of pieces ``{text, span, marks}``; ``marks`` index into ``marks``.

    A piece's marks are ordered as ``MARK_KINDS`` so the outermost kind
    comes first. Runs in O(pieces x marks covering them).
    """
    order = {kind: n for n, kind in enumerate(MARK_KINDS)}
    paragraphs = []
    for start, end in _paragraph_spans(text):
        cuts = {start, end}
        for mark in marks:
            s, e = mark["span"]
            if s < end and e > start:
                cuts.update(x for x in (s, e) if start < x < end)
        bounds = sorted(cuts)
        covering = [n for n, m in enumerate(marks) if m["span"][0] < end and m["span"][1] > start]
        pieces = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            on = [n for n in covering if marks[n]["span"][0] <= a and marks[n]["span"][1] >= b]
            on.sort(key=lambda n: order.get(marks[n]["kind"], 99))
            pieces.append({"text": text[a:b], "span": [a, b], "marks": on})
        paragraphs.append(pieces)
    return paragraphs


def paragraph_headings(text: str, subheads: tuple[Subhead, ...]) -> list[list[str]]:
    """The section headings to show before each paragraph of ``marked_paragraphs``, one list per paragraph.

    Cleaning keeps headings outside the text, each with the offset where its
    section starts, so the analysis offsets never count them; the page puts
    them back above the paragraph that offset falls in (cleaning sets it to a
    paragraph's start, so that is the paragraph the section opens with). A
    heading whose section starts after the last paragraph is not shown
    (cleaning already drops trailing headings).
    """
    spans = _paragraph_spans(text)
    headings: list[list[str]] = [[] for _ in spans]
    for subhead in subheads:
        at = next((n for n, (start, end) in enumerate(spans) if subhead.offset < end), None)
        if at is not None:
            headings[at].append(subhead.text)
    return headings


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if text[start : brk.start()].strip():
            spans.append((start, brk.start()))
        start = brk.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def metadata_sources(analysis: Analysis, raw: RawDoc | None) -> list[dict[str, Any]]:
    """Each metadata value with where it came from: the user's metadata, the page, or nowhere.

    Metadata given with the input (``--meta``, a sidecar file, a JSONL
    field) wins over what cleaning reads from the page, so a key present in
    the kept raw input's ``meta`` came from the user. The publication date
    also says how it was found (``published_source``).
    """
    article = analysis.article
    given = raw.meta if raw is not None else {}
    page = "the HTML page's metadata" if raw is not None and raw.fmt == "html" else "the text's header lines"
    if raw is None:
        page = "cleaning (the raw input was not kept)"
    rows = []
    for name in ("title", "outlet", "url", "published", "byline", "tags"):
        value = getattr(article, name)
        value = list(value) if isinstance(value, tuple) else value
        if value in (None, "", []):
            came_from = "not found"
        elif name in given:
            came_from = "metadata supplied with the input"
        else:
            came_from = page
        if name == "published" and value:
            came_from += f" ({article.published_source})"
        rows.append({"field": name, "value": value, "came_from": came_from})
    rows.append({"field": "source", "value": article.source, "came_from": "the input file (and line)"})
    rows.append({"field": "analysis_version", "value": analysis.analysis_version, "came_from": "ingest"})
    return rows
