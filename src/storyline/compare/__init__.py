"""compare: per story, where the outlets agree and where they disagree.

A story is a handful of analysed articles about one development. This stage
turns their per-article facts into what an analyst writes by hand:

- ``corroborated``: the same role, place, date, number, participant or statement
  reported by independent origins (copies of one wire story count once; a claim
  an article attributes to an agency or a speaker counts as that source's);
- ``conflicts``: the same attribute of the same subject reported incompatibly,
  with both values, outlets, articles and sentences (``kind`` is
  ``disagreement``, ``update`` for a larger toll in a later report, or
  ``attributed`` when a value is someone else's claim);
- ``positions``: per party and issue, the stance and the quotes or events that
  show it, oldest first;
- ``timeline``: the articles' dated items merged, one entry per event with all
  its sources; undated items kept apart;
- ``only_one_outlet``: facts that a single origin reports.

The stage is pure: :func:`compare_story` takes analyses plus two optional
mappings that ``link/`` provides (article -> wire origin, local entity ->
cross-article entity key) and has conservative defaults without them.
"""

from __future__ import annotations

from .records import (
    Conflict,
    ConflictValue,
    Corroboration,
    Position,
    PositionEvidence,
    SourceRef,
    StoryComparison,
    TimelineItem,
)
from .story import compare_story

__all__ = [
    "Conflict",
    "ConflictValue",
    "Corroboration",
    "Position",
    "PositionEvidence",
    "SourceRef",
    "StoryComparison",
    "TimelineItem",
    "compare_story",
]
