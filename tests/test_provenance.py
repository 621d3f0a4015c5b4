"""Every fact says where it comes from: span, rule and confidence on every record."""

from __future__ import annotations

import pytest

from storyline.analyze.pipeline import analyze
from storyline.model import Article
from storyline.settings import Settings

TEXT = (
    "Harbour talks resume in Portmere\n\n"
    "Defence Minister Lena Okafor met union leader Tomas Brandt in Portmere on Monday, March 2, 2026. "
    "Brandt, the head of the dockers' union, said the strike would end on Friday. "
    '"We have a deal," Okafor told reporters. Okafor later flew to Easton.'
)


@pytest.fixture(scope="module")
def analysis(nlp, settings: Settings):  # type: ignore[no-untyped-def]
    article = Article(id="p1", source="mine.txt", text=TEXT, published="2026-03-02", published_source="explicit")
    return analyze(article, settings, nlp)


@pytest.mark.slow
def test_entities_carry_the_span_their_name_was_read_from_and_a_rule(analysis) -> None:  # type: ignore[no-untyped-def]
    assert analysis.entities
    for entity in analysis.entities:
        assert TEXT[entity.start : entity.end] == entity.name
        assert entity.rule in {"entities.model", "entities.corrected", "entities.rules"}
        assert 0 < entity.confidence < 1


@pytest.mark.slow
def test_roles_name_the_pattern_that_found_them(analysis) -> None:  # type: ignore[no-untyped-def]
    roles = [role for entity in analysis.entities for role in entity.roles]
    assert roles, [e.to_dict() for e in analysis.entities]
    for role in roles:
        assert TEXT[role.start : role.end] == role.title
        assert role.rule.startswith("roles.title_") and 0 < role.confidence < 1


@pytest.mark.slow
def test_timeline_entries_name_their_rule_and_confidence(analysis) -> None:  # type: ignore[no-untyped-def]
    assert analysis.timeline
    for entry in analysis.timeline:
        assert entry.rule == f"timeline.{entry.kind}" and 0 < entry.confidence <= 1
