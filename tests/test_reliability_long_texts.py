"""Long texts: the steps that were quadratic give exactly what the plain loops gave.

The fast structures (prefix sums, sorted spans, a token index, one count)
replace loops over every span for every candidate; these tests compare them
with the plain loops on arbitrary spans, so no output can change.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st

from storyline.analyze.spans import Coverage, LargestOverlap, first_containing

_FAST = fuzz_settings(max_examples=300, deadline=None, derandomize=True, database=None)
_POINT = st.integers(min_value=-5, max_value=60)
_SPANS = st.lists(st.tuples(_POINT, _POINT), max_size=25)


def plain_covered(start: int, end: int, spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def plain_largest(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    size = max(1, end - start)
    return max((max(0, min(e, end) - max(s, start)) / size for s, e in spans), default=0.0)


@_FAST
@given(spans=_SPANS, start=_POINT, end=_POINT)
def test_coverage_sums_the_same_overlap_as_the_plain_loop(spans: list[tuple[int, int]], start: int, end: int) -> None:
    assert Coverage(spans).covered(start, end) == plain_covered(start, end, spans)


@_FAST
@given(spans=_SPANS, start=_POINT, end=_POINT)
def test_largest_overlap_is_the_same_share_as_the_plain_loop(
    spans: list[tuple[int, int]], start: int, end: int
) -> None:
    assert LargestOverlap(spans).share(start, end) == plain_largest(start, end, spans)


def test_coverage_counts_repeated_spans_once_per_copy() -> None:
    # a direct quote and its quote marks are the same span, listed twice: both count, as before
    assert Coverage([(10, 20), (10, 20)]).covered(0, 30) == 20
    assert Coverage([(10, 20), (15, 25), (30, 28)]).covered(12, 22) == 8 + 7


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    speaker: str | None


_ITEMS = st.lists(st.builds(_Span, _POINT, _POINT, st.sampled_from([None, "a", "b"])), max_size=25)


@_FAST
@given(items=_ITEMS, point=_POINT)
def test_first_containing_finds_the_item_the_plain_loop_found(items: list[_Span], point: int) -> None:
    plain = next((i for i in items if i.start <= point < i.end and i.speaker), None)
    assert first_containing(items, point, "test", lambda i: bool(i.speaker)) is plain
    # a new list (or the same list grown) is indexed again, not answered from the last one
    grown = [*items, _Span(point, point + 1, "c")]
    again = next(i for i in grown if i.start <= point < i.end and i.speaker)
    assert first_containing(grown, point, "test", lambda i: bool(i.speaker)) is again
