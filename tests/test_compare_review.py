"""Fixes from the review of the compare stage's first round (sentences are our own)."""

from __future__ import annotations

import pytest

from storyline.compare import compare_story
from storyline.compare.numbers import counts
from storyline.model import Analysis, Article, Quote

_WORDS = "Every bridge on the river road will be open again by the spring"


def _quoted(aid: str, sentence: str, speaker: str) -> Analysis:
    start = sentence.index(_WORDS)
    quote = Quote(_WORDS, "direct", start, start + len(_WORDS), speaker=speaker)
    article = Article(aid, f"{aid}.txt", sentence, title=f"Report {aid}", outlet=f"Outlet {aid}", published=None)
    return Analysis(article, quotes=(quote,))


@pytest.mark.parametrize("speaker", ["Zoë Pérez", "O'Hanlon"])
def test_compare_speaker_named_with_accent_or_apostrophe_is_named(speaker: str) -> None:
    """A speaker whose name has an accent or an apostrophe is still named by "..., X said"."""
    first = _quoted("a1", f'"{_WORDS}," {speaker} said.', speaker)
    second = _quoted("b1", f'"{_WORDS}," Piet Lunde said.', "Piet Lunde")
    assert [c.kind for c in compare_story([first, second]).conflicts] == ["disagreement"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No more than 40 people were injured at the fair.", ("injured", 0, 40)),
        ("No fewer than 25 people were arrested overnight.", ("arrested", 25, float("inf"))),
        ("The slide killed no less than nine villagers.", ("killed", 9, float("inf"))),
    ],
)
def test_compare_counts_read_no_more_than_as_a_bound(text: str, expected: tuple[str, float, float]) -> None:
    """ "no more than 40" is at most 40, not more than 40."""
    assert [(c.attribute, c.low, c.high) for c in counts(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "No further injuries were reported after the second tremor.",
        "Police said there were no new arrests on Sunday.",
        "The three climbers are no longer missing.",
    ],
)
def test_compare_no_further_is_no_count_of_zero(text: str) -> None:
    """ "no further injuries" says nothing more happened, not that no one was hurt: it must not contradict a toll."""
    assert list(counts(text)) == []


def test_compare_no_further_injuries_do_not_contradict_a_toll() -> None:
    texts = [
        "Officials said 14 people were injured in the blast.",
        "No further injuries were reported, officials said.",
    ]
    analyses = []
    for n, text in enumerate(texts):
        article = Article(f"a{n}", f"a{n}.txt", text, title=f"Report {n}", outlet=f"Outlet {n}", published=None)
        analyses.append(Analysis(article))
    assert not compare_story(analyses).conflicts
