"""The recall scorer of benchmarks/event_audit.py: how hand-coded events are matched to storyline's."""

from __future__ import annotations

from benchmarks.event_audit import _match

from storyline.model import Event


def _event(type_: str, start: int, end: int, actor: str | None = None) -> Event:
    return Event(type=type_, sentence="", start=start, end=end, actor=actor)


def _coded(type_: str, start: int, end: int, actor: str | None = None, **extra: object) -> dict[str, object]:
    return {"doc": "d", "start": start, "end": end, "type": type_, "actor": actor, "target": None, **extra}


def test_a_coded_event_is_found_once_even_when_two_events_match_it() -> None:
    found = [("d", _event("DEMAND", 0, 50)), ("d", _event("DEMAND", 0, 50))]
    assert _match([_coded("DEMAND", 0, 50)], found, actor=False) == 1


def test_a_later_mention_of_the_same_happening_counts() -> None:
    coded = _coded("INVESTIGATE", 0, 40, also=[[100, 160]])
    assert _match([coded], [("d", _event("INVESTIGATE", 100, 160))], actor=False) == 1


def test_either_of_two_types_a_coder_allowed_counts_but_not_a_third() -> None:
    coded = _coded("REJECT|THREATEN", 0, 40)
    assert _match([coded], [("d", _event("THREATEN", 0, 40))], actor=False) == 1
    assert _match([coded], [("d", _event("AGREE", 0, 40))], actor=False) == 0


def test_the_actor_match_is_by_shared_name_words() -> None:
    coded = _coded("SUPPORT", 0, 40, actor="Governor Ilse Brand")
    assert _match([coded], [("d", _event("SUPPORT", 0, 40, actor="Brand"))], actor=True) == 1
    assert _match([coded], [("d", _event("SUPPORT", 0, 40, actor="Tom Alder"))], actor=True) == 0


def test_an_event_of_another_sentence_does_not_count() -> None:
    assert _match([_coded("DEMAND", 0, 50)], [("d", _event("DEMAND", 50, 90))], actor=False) == 0
