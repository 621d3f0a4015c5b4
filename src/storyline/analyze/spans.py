"""How much of a stretch of text a fixed set of spans covers, in logarithmic time per question.

The quote rules ask, for every candidate clause of an article, how much of
it lies inside quote marks or quotes already found. Summing the overlap with
every span made that quadratic in the article's length (a 1,000,000-character
text has thousands of both). These structures give the same integers from
sorted boundaries and prefix sums.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Any, Generic, Protocol, TypeVar


class Coverage:
    """The summed overlap of ``[start, end)`` with each of a fixed list of spans (a span counted once per copy).

    With ``F(x)`` the covered length left of ``x``, summed over spans,
    ``F(x) = sum over starts s < x of (x - s) - sum over ends e < x of (x - e)``;
    the overlap with ``[start, end)`` is ``F(end) - F(start)``. Empty or
    reversed spans cover nothing, as ``max(0, ...)`` made them before.
    """

    __slots__ = ("_ends", "_end_sums", "_starts", "_start_sums")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        kept = [(s, e) for s, e in spans if e > s]
        self._starts = sorted(s for s, _ in kept)
        self._ends = sorted(e for _, e in kept)
        self._start_sums = [0, *accumulate(self._starts)]
        self._end_sums = [0, *accumulate(self._ends)]

    def _left_of(self, x: int) -> int:
        opened = bisect_left(self._starts, x)
        closed = bisect_left(self._ends, x)
        return (opened * x - self._start_sums[opened]) - (closed * x - self._end_sums[closed])

    def covered(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` inside the spans, summed over the spans."""
        if end <= start:
            return 0
        return self._left_of(end) - self._left_of(start)


class LargestOverlap:
    """The largest share of ``[start, end)`` that any one of a fixed list of spans covers.

    Spans sorted by start with a running maximum of their ends: walking back
    from the last span that starts before ``end`` stops at the first whose
    running maximum end is at or before ``start``, since no earlier span can
    reach the stretch. Linear in the spans that overlap it.
    """

    __slots__ = ("_max_ends", "_spans", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]
        self._max_ends = list(accumulate((e for _, e in self._spans), max))

    def share(self, start: int, end: int) -> float:
        """``max(overlap / size)`` over the spans, 0.0 without any, as the plain loop computed it."""
        size = max(1, end - start)
        best = 0.0
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self._max_ends[i] > start:
            s, e = self._spans[i]
            best = max(best, max(0, min(e, end) - max(s, start)) / size)
            i -= 1
        return best


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


class FirstContaining(Generic[S]):
    """The first item, in list order, whose ``[start, end)`` holds a point.

    Items sorted by start with a running maximum of their ends, as in
    ``LargestOverlap``; of the items holding the point, the one listed first
    wins, exactly as a loop over the list returning the first match did.
    """

    __slots__ = ("_items", "_max_ends", "_order", "_starts")

    def __init__(self, items: Sequence[S]) -> None:
        self._order = sorted(range(len(items)), key=lambda n: items[n].start)
        self._items = items
        self._starts = [items[n].start for n in self._order]
        self._max_ends = list(accumulate((items[n].end for n in self._order), max))

    def find(self, point: int) -> S | None:
        best = None
        i = bisect_right(self._starts, point) - 1
        while i >= 0 and self._max_ends[i] > point:
            n = self._order[i]
            if self._items[n].end > point and (best is None or n < best):
                best = n
            i -= 1
        return None if best is None else self._items[best]


_LAST: dict[str, tuple[Sequence[Any], int, FirstContaining[Any]]] = {}


def first_containing(items: Sequence[S], point: int, purpose: str, accept: Callable[[S], bool]) -> S | None:
    """The first of ``items`` that ``accept`` takes and whose span holds ``point``.

    Asked once per event trigger over one article's quotes: the index of the
    last list asked about is kept per ``purpose`` (each call site passes a
    fixed ``accept``), so a long article builds it once instead of scanning
    every quote for every trigger.
    """
    cached = _LAST.get(purpose)
    if cached is None or cached[0] is not items or cached[1] != len(items):
        cached = (items, len(items), FirstContaining([item for item in items if accept(item)]))
        _LAST[purpose] = cached
    found: S | None = cached[2].find(point)
    return found
