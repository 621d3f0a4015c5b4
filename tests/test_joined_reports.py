"""A report or a charge joined to what a speaker reports is the speaker's next act.

Every sentence here is invented for these tests. The parser often hangs the
second verb of "X said the talks lasted six hours and accused Y of ..." on
the reported clause ("lasted"), which would make "the talks" the accuser and
put the accusation inside what X said.
"""

from __future__ import annotations

import pytest

from storyline.analyze.pipeline import analyze
from storyline.model import Analysis, Article
from storyline.settings import Settings


@pytest.fixture(scope="module")
def upto_attributions(settings: Settings) -> Settings:
    return settings.with_values({"pipeline": ["entities", "quotes", "attributions"]})


def analysed(text: str, nlp, settings: Settings) -> Analysis:
    article = Article(id="t1", source="test", text=text, published="2026-02-18", published_source="explicit")
    return analyze(article, settings, nlp)


def test_a_joined_charge_is_the_speakers_and_not_part_of_the_quote(nlp, upto_attributions) -> None:
    text = "The mayor said the first week of talks lasted ten hours and accused the union of stalling."
    analysis = analysed(text, nlp, upto_attributions)
    assert [(q.speaker, q.text) for q in analysis.quotes] == [("The mayor", "the first week of talks lasted ten hours")]
    assert [(a.source, a.claim) for a in analysis.attributions] == [("The mayor", "the union of stalling")]


def test_a_joined_warning_is_a_second_quote_of_the_same_speaker(nlp, upto_attributions) -> None:
    text = "The minister said the plan was costly and warned that taxes would rise."
    analysis = analysed(text, nlp, upto_attributions)
    assert [(q.speaker, q.text) for q in analysis.quotes] == [
        ("The minister", "the plan was costly"),
        ("The minister", "that taxes would rise"),
    ]


def test_a_joined_verb_that_reports_nothing_stays_in_the_quote(nlp, upto_attributions) -> None:
    text = "The trader said prices rose in May and fell again in June."
    quotes = analysed(text, nlp, upto_attributions).quotes
    assert [q.text for q in quotes] == ["prices rose in May and fell again in June"]
