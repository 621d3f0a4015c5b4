"""Filling precision mode's body from the balanced one (``html_body.fill_from``).

Lines are invented; the rule is structural, so a German page shows it works
without English words.
"""

from __future__ import annotations

from storyline.clean.html_body import Line, fill_from, linked_share

LEAD = Line("text", "Der Gemeinderat hat am Dienstag den neuen Haushalt beschlossen, nach einer langen Debatte.")
MIDDLE = Line("text", "Die Opposition kritisierte vor allem die geplanten Ausgaben für die Sanierung der Brücke.")
LAST = Line("text", "Die Bürgermeisterin sagte, die Arbeiten sollten im Frühjahr beginnen und zwei Jahre dauern.")
NO_LINKS: frozenset[str] = frozenset()


def test_fill_from_restores_paragraph_between_kept_ones() -> None:
    assert fill_from([LEAD, LAST], [LEAD, MIDDLE, LAST], NO_LINKS) == [LEAD, MIDDLE, LAST]


def test_fill_from_skips_a_line_that_is_mostly_link_text() -> None:
    teaser = Line("text", "Auch interessant: Neue Radwege für die Innenstadt geplant")
    links = frozenset({"Neue Radwege für die Innenstadt geplant"})
    assert fill_from([LEAD, LAST], [LEAD, teaser, LAST], links) == [LEAD, LAST]


def test_fill_from_skips_lines_repeated_on_the_page_and_headings() -> None:
    repeated = Line("text", "Jetzt kostenlos registrieren")
    heading = Line("heading", "Streit um die Brücke")
    balanced = [repeated, LEAD, repeated, heading, LAST]
    assert fill_from([LEAD, LAST], balanced, NO_LINKS) == [LEAD, LAST]


def test_fill_from_adds_prose_right_before_and_after_but_not_short_lines() -> None:
    menu = Line("text", "Startseite")
    balanced = [menu, LEAD, MIDDLE, LAST]
    assert fill_from([MIDDLE], balanced, NO_LINKS) == [LEAD, MIDDLE, LAST]


def test_fill_from_keeps_precision_output_when_the_two_disagree() -> None:
    other = Line("text", "Ein Satz, den nur der Präzisionsmodus gefunden hat, steht hier allein.")
    assert fill_from([LEAD, other], [LEAD, MIDDLE, LAST], NO_LINKS) == [LEAD, other]


def test_linked_share_of_a_bare_link_is_one() -> None:
    assert linked_share("Neue Radwege", frozenset({"Neue Radwege"})) == 1.0
    assert linked_share(MIDDLE.text, frozenset({"Brücke"})) < 0.1
