"""Find the main text block of a scrape: the densest run of prose lines.

Navigation, teaser lists and footers come as runs of many short lines; an
article body is a run of long sentence-like lines, broken now and then by one
or two short ones (a subhead, a time stamp, a short quote). So each prose line
scores its length in words and each non-prose line costs more the longer the
gap it belongs to has run; the body is the maximum-sum span (Kadane's
algorithm). One isolated short line costs little, a menu of twenty costs a lot.

Three corrections follow: the span is cut at an end marker (copyright footer,
comment thread, tag line) once a body lies before it; a list the body's last
line announces ("Tour dates:") and one or two short closing sentences are
taken in, since they are too short to score as prose on their own. Two
more hold in any language: a comment thread is known by its headers' number
shape (a date and a clock time), and small prose blocks parted from the main
block by a gap at the span's edges (newsletter boxes, author blurbs) are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .lines import Line

GAP_COST = 1.5  # cost of the first non-prose line in a gap; the n-th costs n times this
GAP_MAX = 6.0  # but no single gap line costs more than this
PHRASE_COST = 6.0  # extra cost of a line that matches a boilerplate phrase family
END_REASONS = frozenset({"footer", "comment-form", "comment", "tags"})  # families that close an article
ISOLATED_WEIGHT = 0.5  # share of its words a lone prose line earns
ISOLATION = 1  # a prose line with no other prose within this many lines is alone
END_SHARE = 0.3  # an end marker closes the body only with at least this share of the span's prose before it
MIN_BODY_WORDS = 50  # prose needed before an end marker for it to close the body
SHORT_TAIL = 2  # short sentences after the body that may still belong to it
LIST_SHAPES = 2  # items that set the allowed shapes of a list announced with a colon
THREAD_STAMPS = 3  # short stamp lines of one shape, each over prose, that make a comment thread
STAMP_MAX_WORDS = 12  # a comment header (name, date, time) is this short
SATELLITE_GAP = 3  # non-prose lines in a row that part a span into blocks
SATELLITE_SHARE = 0.1  # an edge block with less than this share of the main block's prose is dropped
_NUMBER = re.compile(r"\d+(?:[:./-]\d+)*")


def line_scores(lines: Sequence[Line], flagged: Sequence[bool]) -> list[float]:
    """Score each line: prose earns its word count, gap lines cost more the longer the gap.

    A prose line standing alone between gaps (a site blurb, a contact notice, a
    teaser summary) earns only ISOLATED_WEIGHT of its length: article prose
    comes in runs.
    """
    prose = [line.textlike and not is_flagged for line, is_flagged in zip(lines, flagged, strict=True)]
    scores: list[float] = []
    gap = 0
    for i, line in enumerate(lines):
        if prose[i] and _isolated(prose, i):
            scores.append(ISOLATED_WEIGHT * line.words)  # a lone line does not end the gap around it
            continue
        if prose[i]:
            gap = 0
            scores.append(float(line.words))
            continue
        is_flagged = flagged[i]
        gap += 1
        scores.append(-min(GAP_COST * gap, GAP_MAX) - (PHRASE_COST if is_flagged else 0.0))
    return scores


def _isolated(prose: Sequence[bool], i: int) -> bool:
    """True when no other prose line lies within ISOLATION lines of line ``i``."""
    near = range(max(0, i - ISOLATION), min(len(prose), i + ISOLATION + 1))
    return not any(prose[j] for j in near if j != i)


def best_span(scores: Sequence[float]) -> tuple[int, int]:
    """The [start, end) span with the largest total score; (0, 0) when all are negative."""
    best, best_span_ = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span_ = total, (start, i + 1)
    return best_span_


def main_block(lines: Sequence[Line], reasons: Sequence[str | None]) -> tuple[int, int]:
    """The [start, end) line span of the article body.

    The densest span is cut at the first end marker (copyright footer, comment
    thread, tag line) that follows a real body, since what comes after it is
    comments or site furniture even when it reads like prose.
    """
    flagged = [reason is not None for reason in reasons]
    scores = line_scores(lines, flagged)
    start, end = best_span(scores)
    cuts = [_end_marker(lines[start:end], reasons[start:end]), _thread_start(lines[start:end], reasons[start:end])]
    cut = min((c for c in cuts if c is not None), default=None)
    if cut is not None:
        inner_start, inner_end = best_span(scores[start : start + cut])
        start, end = start + inner_start, start + inner_end
    start, end = trim_satellites(lines, flagged, start, end)
    return start, _short_tail(lines, reasons, _list_tail(lines, reasons, end))


def _short_tail(lines: Sequence[Line], reasons: Sequence[str | None], end: int) -> int:
    """Take in short closing sentences ("He declined to comment.") right after the body.

    They are too short to count as prose, so the span stops before them; up to
    SHORT_TAIL of them are kept when each is a full sentence.
    """
    stop = min(len(lines), end + SHORT_TAIL)
    while end < stop and reasons[end] is None and _short_sentence(lines[end]):
        end += 1
    return end


def _short_sentence(line: Line) -> bool:
    """A few words ending like a sentence (not a colon that announces something else)."""
    return line.words >= 2 and line.sentence and not line.linklike and not line.text.endswith(":")


def _list_tail(lines: Sequence[Line], reasons: Sequence[str | None], end: int) -> int:
    """Extend a body whose last line announces a list ("Tour dates:") over that list.

    The items are short, so the span stops before them; they run on while the
    lines keep one of the shapes of the first LIST_SHAPES items and match no
    boilerplate family.
    """
    if end == 0 or not lines[end - 1].text.rstrip().endswith(":"):
        return end
    shapes = {_shape(line) for line in lines[end : end + LIST_SHAPES]}
    while end < len(lines) and reasons[end] is None and _shape(lines[end]) in shapes:
        end += 1
    return end


def _shape(line: Line) -> tuple[str, bool, bool]:
    """A coarse shape of a list item: first character class, link or not, prose or not."""
    first = line.text[0]
    kind = "digit" if first.isdigit() else "upper" if first.isupper() else "lower" if first.isalpha() else first
    return kind, line.linklike, line.textlike


def _end_marker(lines: Sequence[Line], reasons: Sequence[str | None]) -> int | None:
    """Index of the first end marker after at least MIN_BODY_WORDS words of prose.

    A marker with under END_SHARE of the span's prose before it is passed
    over: a footer or comment prompt closes an article, it does not come
    before most of it, so the phrase that matched ("Terms and conditions",
    "Comments") is more likely a heading inside the text.
    """
    words = [line.words if line.textlike and reason is None else 0 for line, reason in zip(lines, reasons, strict=True)]
    total, prose = sum(words), 0
    for i, reason in enumerate(reasons):
        if reason in END_REASONS and prose >= MIN_BODY_WORDS and prose >= END_SHARE * total:
            return i
        prose += words[i]
    return None


def stamp_shape(line: Line) -> tuple[str, ...] | None:
    """The number pattern of a short header line with a date and a clock time, else None.

    Each run of digits and separators becomes its pattern ("18.05.2021" ->
    ``d.d.d``, "07:50" -> ``d:d``), the words around are ignored: "Anna on May
    3, 2021 at 7:02 pm" and "Jo am 4. Mai 2021 um 19:02" give patterns whatever
    the language. A time alone ("10:32", a live blog's entry) or a date without
    a time (an embedded post's signature) is not a stamp.
    """
    if line.words > STAMP_MAX_WORDS or line.text.endswith((".", "!", "?", "…")):
        return None
    shape = tuple(re.sub(r"\d+", "d", number) for number in _NUMBER.findall(line.text))
    return shape if len(shape) >= 2 and "d:d" in shape else None


def _thread_start(lines: Sequence[Line], reasons: Sequence[str | None]) -> int | None:
    """Index of the first header of a comment thread after at least MIN_BODY_WORDS of prose.

    A thread, in any language, is a run of short header lines of one number
    pattern (a name with a date and a time) each followed within two lines by
    prose; THREAD_STAMPS different ones after a real body start the thread at
    the first. An article's own dated lines are rarely short, alike and followed by
    prose three times over.
    """
    prose = 0
    stamps: list[tuple[int, tuple[str, ...]]] = []
    for i, (line, reason) in enumerate(zip(lines, reasons, strict=True)):
        shape = stamp_shape(line)
        if shape is not None and prose >= MIN_BODY_WORDS and _prose_follows(lines, i):
            stamps.append((i, shape))
        elif line.textlike and reason is None:
            prose += line.words
    counts = Counter(shape for _, shape in {(lines[i].text, shape) for i, shape in stamps})
    thread = [i for i, shape in stamps if counts[shape] >= THREAD_STAMPS]
    return thread[0] if thread else None


def _prose_follows(lines: Sequence[Line], i: int) -> bool:
    """True when one of the two lines after ``i`` reads as prose (a comment under its header)."""
    return any(line.textlike for line in lines[i + 1 : i + 3])


def trim_satellites(lines: Sequence[Line], flagged: Sequence[bool], start: int, end: int) -> tuple[int, int]:
    """Drop small prose blocks at the edges of the span, parted from the main block by a gap.

    The densest span can reach over a short gap to a newsletter box, an author
    blurb or a teaser summary: a few prose lines worth more than the gap costs.
    Parted at runs of SATELLITE_GAP non-prose lines, the span's blocks are
    weighed by their prose words; an edge block under SATELLITE_SHARE of the
    biggest one is dropped, and the next edge block is weighed in turn.
    """
    prose = [lines[i].textlike and not flagged[i] for i in range(len(lines))]
    blocks: list[tuple[int, int, int]] = []  # start, end, prose words
    i = start
    while i < end:
        j, words, gap = i, 0, 0
        while j < end and gap < SATELLITE_GAP:
            gap = 0 if prose[j] else gap + 1
            words += lines[j].words if prose[j] else 0
            j += 1
        blocks.append((i, j, words))
        i = j
    if len(blocks) < 2:
        return start, end
    core = max(words for _, _, words in blocks)
    while len(blocks) > 1 and blocks[-1][2] < SATELLITE_SHARE * core:
        blocks.pop()
    while len(blocks) > 1 and blocks[0][2] < SATELLITE_SHARE * core:
        blocks.pop(0)
    first = next(k for k in range(blocks[0][0], blocks[-1][1]) if prose[k])
    last = max(k for k in range(blocks[0][0], blocks[-1][1]) if prose[k])
    return first, last + 1
