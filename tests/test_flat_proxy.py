"""The text-scrape benchmarks' own plumbing: the HTML flattener and the family ablation switch."""

from __future__ import annotations

from benchmarks.flat import families_off, storyline_article
from benchmarks.flat_proxy import flatten, language, word_scores

from storyline.clean.lines import line_features, phrase_reason
from storyline.settings import Settings

PAGE = """<html lang="pl-PL"><head><title>Nie w treści</title><style>p{color:red}</style></head>
<body><nav><ul><li><a href="/">Start</a></li><li>Sport</li></ul></nav>
<script>var hidden = 1;</script>
<article><h1>Most na Wiśle <em>otwarty</em> po remoncie</h1>
<p>Nowy most łączy dwa brzegi,   a kierowcy jeżdżą nim od <b>poniedziałku</b>.<br>Druga linia.</p>
<div style="display: none">Ukryty tekst</div><p hidden>Też ukryty</p></article></body></html>"""


def test_flatten_writes_one_block_per_line_and_drops_hidden_text() -> None:
    assert flatten(PAGE).splitlines() == [
        "Start",
        "Sport",
        "Most na Wiśle otwarty po remoncie",
        "Nowy most łączy dwa brzegi, a kierowcy jeżdżą nim od poniedziałku.",
        "Druga linia.",
    ]


def test_language_reads_the_declared_language_or_a_question_mark() -> None:
    assert language(PAGE) == "pl"
    assert language("<html><body>kein Attribut</body></html>") == "?"


def test_word_scores_are_macro_over_pages_and_ignore_case() -> None:
    scores = word_scores([("Ein Hund bellt", "ein hund bellt laut"), ("uno dos", "uno dos")])
    assert scores["precision"] == 1.0
    assert scores["recall"] == (0.75 + 1.0) / 2


def test_families_off_silences_the_phrase_families_only_inside_the_block() -> None:
    line = line_features(0, "All rights reserved")
    with families_off():
        assert phrase_reason(line) is None
        storyline_article(
            "Zwei Sätze stehen hier, und sie bilden einen Text. Mehr gibt es nicht zu sagen.", Settings.load()
        )
    assert phrase_reason(line) == "footer"
