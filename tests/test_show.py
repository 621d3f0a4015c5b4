"""`storyline show` and the demo's brief read well in an 80-column terminal.

The analyses come from the real pipeline over the built-in examples plus one
article of our own with a very long word, rendered into a recording console.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from rich.markdown import Markdown

import storyline
from storyline.model import Analysis
from storyline.present.brief import render_brief
from storyline.present.show import render

EXAMPLES = Path(storyline.__file__).parent / "examples"

LONG_WORD_ARTICLE = (
    "Harbour board approves new ferry timetable for Lindqvist Bay\n\n"
    "The Lindqvist Bay harbour board approved a new ferry timetable on Tuesday after a month of "
    "complaints from commuters on the northern islands.\n\n"
    "\u201cNobody should wait two hours in the rain for a boat that never comes,\u201d board chair "
    "Oskar Virtanen told reporters after the vote, adding that the "
    "Schifffahrtsverwaltungsgenehmigungsverfahren of the regional office had delayed the decision "
    "by several weeks.\n\n"
    "According to the harbour board, the first morning ferry will leave at 5:40 from March onwards, "
    "and the island councils have promised to review the timetable in the autumn.\n"
)


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Analysis]]:
    folder = tmp_path_factory.mktemp("articles")
    for example in EXAMPLES.iterdir():
        if example.suffix in {".txt", ".html", ".jsonl"}:
            (folder / example.name).write_bytes(example.read_bytes())
    (folder / "harbour.txt").write_text(LONG_WORD_ARTICLE, encoding="utf-8")
    store = storyline.build([folder], db=tmp_path_factory.mktemp("kb") / "kb.db")
    try:
        yield list(store.analyses())
    finally:
        store.close()


def _console(width: int) -> Console:
    return Console(width=width, record=True, file=io.StringIO(), color_system=None)


def _shown(analysis: Analysis, width: int) -> list[str]:
    console = _console(width)
    render(analysis, console, body=True)
    return console.export_text().splitlines()


def _split_words(lines: list[str], source: str) -> list[str]:
    """Pairs of adjacent lines whose last and first letters join into a piece of one source word."""
    words = set(re.findall(r"\w+", source))
    broken = []
    for upper, lower in zip(lines, lines[1:], strict=False):
        tail = re.search(r"(\w+)\s*$", upper)
        head = re.match(r"\s*(\w+)", lower)
        if tail and head:
            joined = tail.group(1) + head.group(1)
            if any(joined in word for word in words):
                broken.append(f"{upper.strip()!r} / {lower.strip()!r}")
    return broken


@pytest.mark.parametrize("width", [80, 120])
def test_show_lines_fit_the_terminal_width(analyses: list[Analysis], width: int) -> None:
    for analysis in analyses:
        too_long = [line for line in _shown(analysis, width) if len(line) > width]
        assert not too_long, analysis.article.id


@pytest.mark.parametrize("width", [80, 120])
def test_show_never_breaks_a_word_across_lines(analyses: list[Analysis], width: int) -> None:
    for analysis in analyses:
        lines = _shown(analysis, width)
        assert not _split_words(lines, analysis.article.text), analysis.article.id


def test_show_keeps_a_word_longer_than_a_table_column_whole(analyses: list[Analysis]) -> None:
    (harbour,) = [a for a in analyses if a.article.title and "Lindqvist" in a.article.title]
    shown = "\n".join(_shown(harbour, 80))
    assert "Schifffahrtsverwaltungsgenehmigungsverfahren" in shown


def test_show_prints_every_quote_claim_and_event_sentence_in_full(analyses: list[Analysis]) -> None:
    for analysis in analyses:
        flat = " ".join(" ".join(_shown(analysis, 80)).split())
        texts = [q.text for q in analysis.quotes] + [a.claim for a in analysis.attributions]
        texts += [e.sentence for e in analysis.events]
        for text in texts:
            assert " ".join(text.split()) in flat, text
        for entity in analysis.entities:
            assert all(word in flat for word in entity.name.split()), entity.name


def test_show_gives_each_quote_a_head_line_with_speaker_and_kind(analyses: list[Analysis]) -> None:
    analysis = next(a for a in analyses if any(q.speaker for q in a.quotes))
    quote = next(q for q in analysis.quotes if q.speaker)
    lines = _shown(analysis, 80)
    assert any(line.startswith(f"QUOTE  {quote.speaker} ({quote.kind}") for line in lines)


def _brief() -> dict[str, object]:
    sentence = (
        "The delegation from Port Adrell, led by Harbour Minister Tove Lindqvist-Aremberg, "
        "arrived on Sunday evening for the first round of consultations."
    )
    values = [
        {"value": title, "outlet": outlet, "article": "a1", "published": "2026-04-02", "sentence": sentence}
        for title, outlet in [("Harbour Minister", "Lakeside Post"), ("Transport Minister", "Evening Courier")]
    ]
    return {
        "title": "Ferry talks in Port Adrell",
        "quotes_by_speaker": [
            {
                "speaker": "Tove Lindqvist-Aremberg",
                "quotes": [
                    {
                        "text": "We will not let the islands be cut off again",
                        "kind": "direct",
                        "outlet": "Lakeside Post",
                    },
                    {
                        "text": "that the timetable would be reviewed in the autumn",
                        "kind": "indirect",
                        "outlet": None,
                        "article": "a2",
                    },
                ],
            }
        ],
        "conflicts": [
            {"subject": "Tove Lindqvist-Aremberg", "attribute": "role", "kind": "disagreement", "values": values}
        ],
    }


def test_brief_markdown_reads_well_at_80_columns() -> None:
    text = render_brief(_brief(), "md")
    console = _console(80)
    console.print(Markdown(text))
    lines = console.export_text().splitlines()
    assert all(len(line) <= 80 for line in lines)
    source = " ".join(str(v) for v in (_brief()["conflicts"][0]["values"][0]["sentence"],))  # type: ignore[index]
    assert not _split_words(lines, source + " We will not let the islands be cut off again")
    assert "|" not in text, "a pipe table squeezes long sentences into narrow columns"


def test_brief_puts_each_quote_on_its_own_line_and_marks_only_direct_quotes() -> None:
    text = render_brief(_brief(), "md")
    assert "  - “We will not let the islands be cut off again” (Lakeside Post)" in text
    assert "  - that the timetable would be reviewed in the autumn (a2)" in text


def test_brief_html_keeps_sources_side_by_side_in_a_table() -> None:
    page = render_brief(_brief(), "html")
    assert "<th>One source</th>" in page and "Transport Minister" in page
