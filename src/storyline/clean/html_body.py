"""The article body of an HTML page: trafilatura's tree, read as lines, then trimmed.

trafilatura is run twice on the same parsed page, in precision mode and in its
balanced default (comments off both times). Precision mode drops more
teasers and link lists, which is what an analysis of quotes and claims needs,
but it also drops real paragraphs, most often on pages unlike English news
(a paragraph between two it kept, a lead sentence just above them). So the
precision output is *filled* from the balanced one: balanced lines that sit
between two lines precision mode kept come back, and so do runs of prose
lines right before or after them, unless the line is mostly link text, occurs
twice on the page, or is a heading. All of this is structure, the same in any
language. When precision mode locks onto the wrong container and its cleaned
output has under ``FALLBACK_SHARE`` of the balanced output's words, the
balanced output is used instead. Both are read from trafilatura's XML body
(not its plain text) so headings stay apart from paragraphs and become
``Subhead`` records. Every line dropped here is kept in ``Article.removed``
with its reason.

Measured on the article-extraction benchmark (benchmarks/extraction.py, both
halves) and for recall on unseen multilingual pages (benchmarks/body_recall.py).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from lxml.etree import _Element

from ..model import Removed, Subhead
from .html_rules import boilerplate_reason

logger = logging.getLogger(__name__)

FALLBACK_SHARE = 0.2  # precision output below this share of the balanced one's words is a wrong pick
MIN_WORDS = 10  # fewer words than this is a menu or a placeholder, not an article: no text, so E104
MAX_LINKED = 0.3  # a line with this share of its characters in one link's text points elsewhere: not filled in
EDGE_PROSE_WORDS = 8  # a line added before or after the kept text is prose: this many words, a sentence end

_BLOCK_TAGS = frozenset({"p", "head", "item", "list", "quote", "row", "table", "div", "cell", "code"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # soft hyphens and zero-width marks
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the body: a paragraph line, list item, table row or heading."""

    kind: Literal["text", "heading"]
    text: str


@dataclass(frozen=True, slots=True)
class Body:
    """What body extraction hands to ``clean_html``."""

    text: str
    subheads: tuple[Subhead, ...] = ()
    removed: tuple[Removed, ...] = ()


def extract_body(tree: Any, url: str | None = None) -> Body:
    """The cleaned body of a parsed page; an empty Body when nothing is found."""
    links = link_texts(tree)
    balanced_lines = extract_lines(tree, url, precision=False)
    precise = trim_lines(fill_from(extract_lines(tree, url, precision=True), balanced_lines, links))
    balanced = trim_lines(balanced_lines)
    lines, removed = balanced if _is_scrap(precise[0], balanced[0]) else precise
    if word_count(lines) < MIN_WORDS:
        return Body("", removed=tuple(removed) + tuple(Removed(line.text, "too-short") for line in lines))
    return assemble(lines, removed)


def _is_scrap(precise: list[Line], balanced: list[Line]) -> bool:
    """Whether precision mode returned a scrap next to what balanced mode found."""
    return word_count(precise) < FALLBACK_SHARE * word_count(balanced)


def link_texts(tree: Any) -> frozenset[str]:
    """The visible text of every link on the page, spaces collapsed."""
    texts = (" ".join("".join(a.itertext()).split()) for a in tree.iter("a"))
    return frozenset(text for text in texts if text)


def linked_share(text: str, links: frozenset[str]) -> float:
    """Share of ``text`` taken by the longest link text it contains: 1.0 for a bare teaser link."""
    longest = max((len(link) for link in links if link in text), default=0)
    return longest / len(text) if text else 0.0


def fill_from(precise: list[Line], balanced: list[Line], links: frozenset[str]) -> list[Line]:
    """``precise`` with the balanced lines it skipped inside its span, and prose runs at its edges.

    The precision lines are matched to the balanced ones in order; when one has
    no match the two extractions disagree on the page and ``precise`` is kept
    as it is. A line comes back only if it is text (not a heading), not mostly
    one link's text, and occurs once on the page (repeated lines are template).
    """
    positions: list[int] = []
    start = 0
    for line in precise:
        found = next((i for i in range(start, len(balanced)) if balanced[i].text == line.text), None)
        if found is None:
            return precise
        positions.append(found)
        start = found + 1
    if not positions:
        return precise
    kept = {line.text for line in precise}
    counts = Counter(line.text for line in balanced)

    def addable(line: Line) -> bool:
        return (
            line.kind == "text"
            and line.text not in kept
            and counts[line.text] == 1
            and linked_share(line.text, links) < MAX_LINKED
        )

    def prose(line: Line) -> bool:
        return (
            addable(line)
            and len(_WORD.findall(line.text)) >= EDGE_PROSE_WORDS
            and bool(_SENTENCE_END.search(line.text))
        )

    chosen = set(positions)
    for before, after in zip(positions, positions[1:], strict=False):
        chosen.update(i for i in range(before + 1, after) if addable(balanced[i]))
    i = positions[0] - 1
    while i >= 0 and prose(balanced[i]):
        chosen.add(i)
        i -= 1
    i = positions[-1] + 1
    while i < len(balanced) and prose(balanced[i]):
        chosen.add(i)
        i += 1
    return [balanced[i] for i in sorted(chosen)]


def word_count(lines: list[Line]) -> int:
    """Words over all lines, the unit for comparing two extractions."""
    return sum(len(_WORD.findall(line.text)) for line in lines)


def extract_lines(tree: Any, url: str | None, *, precision: bool) -> list[Line]:
    """Run trafilatura in one mode and read its XML body as lines; [] when it finds nothing."""
    from trafilatura import bare_extraction

    try:
        document = bare_extraction(tree, url=url, include_comments=False, favor_precision=precision)
    except Exception as err:  # trafilatura raises many types on odd pages; a page must not stop a run
        logger.warning("trafilatura failed on %s: %s", url or "page", err)
        return []
    body = getattr(document, "body", None)
    return body_lines(body) if body is not None else []


def body_lines(body: _Element) -> list[Line]:
    """Flatten trafilatura's body element into lines, in document order."""
    lines = _split(body.text, "text")
    for element in body:
        lines.extend(_element_lines(element))
        lines.extend(_split(element.tail, "text"))
    return lines


def _element_lines(element: _Element) -> list[Line]:
    """Lines of one top-level element: headings whole, list items and table rows one per line."""
    if element.tag == "head":
        return [Line("heading", text) for text in [" ".join(_clean_lines(_inline(element)))] if text]
    if element.tag == "list":
        return [line for item in element.findall("item") for line in _split(_inline(item), "text")]
    if element.tag == "table":
        return [Line("text", row) for row in map(_table_row, element.iter("row")) if row.strip(" |")]
    return _split(_inline(element), "text") if element.tag != "lb" else []


def _table_row(row: _Element) -> str:
    """A table row as one line, cells separated by " | "."""
    return " | ".join(" ".join(_clean_lines(_inline(cell))) for cell in row.findall("cell"))


def _inline(element: _Element) -> str:
    """Text of an element with <lb/> and nested blocks turned into line breaks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _BLOCK_TAGS:
            parts.append("\n" + _inline(child) + "\n")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _split(text: str | None, kind: Literal["text", "heading"]) -> list[Line]:
    return [Line(kind, line) for line in _clean_lines(text or "")]


def _clean_lines(text: str) -> list[str]:
    """Non-empty lines with spaces collapsed and invisible characters removed."""
    lines = (_SPACES.sub(" ", line).strip() for line in _INVISIBLE.sub("", text).split("\n"))
    return [line for line in lines if line]


def trim_lines(lines: list[Line]) -> tuple[list[Line], list[Removed]]:
    """Drop boilerplate lines, the header headings before the first paragraph, and trailing headings."""
    kept: list[Line] = []
    removed: list[Removed] = []
    for line in lines:
        reason = boilerplate_reason(line.text)
        if reason is None and line.kind == "heading" and not any(k.kind == "text" for k in kept):
            reason = "header"  # title or standfirst repeated above the text
        if reason:
            removed.append(Removed(line.text, reason))
        else:
            kept.append(line)
    while kept and kept[-1].kind == "heading":
        removed.append(Removed(kept.pop().text, "heading-without-text"))
    return kept, removed


def assemble(lines: list[Line], removed: list[Removed]) -> Body:
    """Join text lines with blank lines; headings become Subheads at the offset of their section."""
    paragraphs: list[str] = []
    subheads: list[Subhead] = []
    offset = 0
    for line in lines:
        if line.kind == "heading":
            subheads.append(Subhead(line.text, offset))
            continue
        paragraphs.append(line.text)
        offset += len(line.text) + 2
    return Body("\n\n".join(paragraphs), tuple(subheads), tuple(removed))
