"""Which events of one article merge_duplicates treats as one happening (events of our own)."""

from __future__ import annotations

from storyline.analyze.events.events import merge_duplicates
from storyline.model import Event

_SENTENCE = "Kim Lee and Joanna Park met in Varlo on Monday."


def _met(actor: str, target: str | None = None) -> Event:
    return Event("CONSULT", _SENTENCE, 0, len(_SENTENCE), actor=actor, target=target)


def test_events_merge_two_triggers_whose_actor_phrase_holds_the_other() -> None:
    merged = merge_duplicates([_met("Kim Lee and Joanna Park"), _met("Kim Lee", target="Joanna Park")])
    assert [(e.actor, e.target) for e in merged] == [("Kim Lee and Joanna Park", "Joanna Park")]


def test_events_do_not_merge_actors_that_share_only_letters() -> None:
    """ "Lee" is inside the string "Leeds Council" but is not one of its words."""
    assert len(merge_duplicates([_met("Leeds Council"), _met("Lee")])) == 2


def test_events_do_not_merge_actor_phrases_with_different_targets() -> None:
    assert len(merge_duplicates([_met("Kim Lee", target="Ivo Marsh"), _met("Kim Lee and Joanna Park", "Rui Sol")])) == 2
