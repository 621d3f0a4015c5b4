"""compare/: corroboration, conflicts, positions and the story timeline, and the brief renderer.

Part (a) runs the real pipeline on the two seed pages (skipped when
../shared/seeds is absent) and checks what an analyst finds across them.
Part (b) pins each rule on short articles of our own, written as analysis
records so that only compare's rules are under test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import storyline
from storyline.compare import compare_story
from storyline.compare.context import sentence_bounds
from storyline.compare.facts import event_words
from storyline.compare.numbers import counts
from storyline.compare.offices import offices_compatible, parse_office
from storyline.compare.values import dates_compatible, places_compatible
from storyline.model import Analysis, Article, Attribution, Entity, Event, Quote, Role, TimelineEntry
from storyline.present.brief import brief_dict, evidence_words, main_entities, render_brief

PREVIEW = "000_99d1aa4d0a6639c2.txt"
OUTCOME = "002_aeeafc2538b33a58.txt"


# --- helpers: an article as analysis records, spans found in its text -------------------------


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def person(text: str, name: str, *titles: str, eid: str = "p1") -> Entity:
    roles = tuple(Role(t, None, *_span(text, t)) for t in titles)
    return Entity(eid, name, "PERSON", roles=roles, mentions=(_span(text, name),))


def place(text: str, name: str, eid: str) -> Entity:
    return Entity(eid, name, "GPE", mentions=(_span(text, name),))


def event(text: str, sentence: str, kind: str, actor: str, **fields: Any) -> Event:
    return Event(kind, sentence, *_span(text, sentence), actor=actor, **fields)


def analysis(aid: str, text: str, outlet: str, published: str | None, **records: Any) -> Analysis:
    article = Article(aid, f"{aid}.txt", text, title=f"Report {aid}", outlet=outlet, published=published)
    return Analysis(article, **{k: tuple(v) for k, v in records.items()})


def _two_titles(title_a: str, title_b: str) -> list[Analysis]:
    text_a = f"The talks opened with {title_a} Anna Kovar in the chair."
    text_b = f"Delegates heard {title_b} Anna Kovar on Monday."
    return [
        analysis("a1", text_a, "Harbour Times", "2026-03-01", entities=[person(text_a, "Anna Kovar", title_a)]),
        analysis("b1", text_b, "Daily Ledger", "2026-03-02", entities=[person(text_b, "Anna Kovar", title_b)]),
    ]


def _toll(text_a: str, day_a: str, text_b: str, day_b: str) -> list[Analysis]:
    return [analysis("a1", text_a, "Harbour Times", day_a), analysis("b1", text_b, "Daily Ledger", day_b)]


# --- (a) the seed pages through the real pipeline --------------------------------------------


@pytest.fixture(scope="module")
def seed_story(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Analysis], dict[str, Any]]:
    db = tmp_path_factory.mktemp("compare") / "kb.db"
    settings = storyline.Settings.load(None, {"workers": 1})
    with storyline.build([seeds_dir / PREVIEW, seeds_dir / OUTCOME], db=db, settings=settings) as kb:
        analyses = list(kb.analyses())
    assert len(analyses) == 2
    return analyses, compare_story(analyses).to_dict()


def _source_name(analyses: list[Analysis], article_id: str) -> str:
    return next(Path(a.article.source).name for a in analyses if a.article.id == article_id)


@pytest.mark.slow
def test_compare_seeds_one_role_conflict_between_the_outlets(seed_story: tuple[list[Analysis], dict[str, Any]]) -> None:
    analyses, story = seed_story
    roles = [c for c in story["conflicts"] if c["attribute"] == "role"]
    assert len(roles) == 1, roles
    conflict = roles[0]
    assert conflict["subject"].endswith("Umerov") and conflict["kind"] == "disagreement"
    values = {_source_name(analyses, v["article"]): v for v in conflict["values"]}
    assert set(values) == {PREVIEW, OUTCOME}
    assert "council secretary" in values[PREVIEW]["value"].lower()
    assert "defense minister" in values[OUTCOME]["value"].lower()
    assert all("Umerov" in v["sentence"] for v in values.values())
    assert values[OUTCOME]["published"] == "2026-02-18"


@pytest.mark.slow
def test_compare_seeds_compatible_adviser_titles_corroborate(seed_story: tuple[list[Analysis], dict[str, Any]]) -> None:
    _, story = seed_story
    assert not [c for c in story["conflicts"] if "Medinsky" in c["subject"]]
    roles = [f for f in story["corroborated"] if f["kind"] == "role" and "Medinsky" in f["subject"]]
    assert roles and roles[0]["origins"] == 2


@pytest.mark.slow
def test_compare_seeds_corroborated_delegations_and_venue(seed_story: tuple[list[Analysis], dict[str, Any]]) -> None:
    _, story = seed_story
    facts = {f["fact"] for f in story["corroborated"]}
    assert any("Umerov" in f and "Ukraine" in f for f in facts if "leads" in f)
    assert any("Medinsky" in f and "Russia" in f for f in facts if "leads" in f)
    venue = [f for f in story["corroborated"] if f["attribute"] == "place"]
    assert venue and venue[0]["value"] == "Geneva" and len({s["article"] for s in venue[0]["sources"]}) == 2


@pytest.mark.slow
def test_compare_seeds_positions_of_three_parties(seed_story: tuple[list[Analysis], dict[str, Any]]) -> None:
    _, story = seed_story
    stances = {(p["party"], p["issue"], p["stance"]) for p in story["positions"]}
    assert ("Ukraine", "territory", "rejects") in stances
    assert ("Ukraine", "security guarantees", "demands") in stances
    assert ("Russia", "territory", "demands") in stances
    assert ("United States", "negotiations", "doubts") in stances
    assert ("United States", "negotiations", "demands") in stances
    for position in story["positions"]:
        dates = [e["date"] or "9999" for e in position["evidence"]]
        assert dates == sorted(dates)


@pytest.mark.slow
def test_compare_seeds_timeline_dated_oldest_first_undated_apart(
    seed_story: tuple[list[Analysis], dict[str, Any]],
) -> None:
    _, story = seed_story
    dates = [t["date"] for t in story["timeline"]]
    assert dates[:2] == ["2025-04-30", "2025-05"]
    assert {"2026-02-17", "2026-02-18"} <= set(dates)
    assert all(t["date"] is None for t in story["undated"]) and story["undated"]


@pytest.mark.slow
def test_compare_seeds_brief_renders(seed_story: tuple[list[Analysis], dict[str, Any]]) -> None:
    analyses, _ = seed_story
    brief = brief_dict({"id": 1, "title": "Talks"}, analyses, compare_story(analyses))
    page = render_brief(brief, "html")
    assert "Umerov" in page and "<script" not in page
    assert "## Where sources disagree" in render_brief(brief, "md")


# --- (b) the rules, one by one ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("senior adviser", "presidential aide", True),
        ("top counsellor", "assistant", True),
        ("minister", "defence minister", True),
        ("Defense Minister", "defence minister", True),
        ("official", "security council secretary", True),
        ("security council secretary", "defence minister", False),
        ("foreign minister", "defence minister", False),
        ("Secretary of State", "foreign minister", True),
        ("spokesperson", "finance minister", False),
        ("deputy foreign minister", "foreign minister", False),
    ],
)
def test_compare_offices_compatible_titles(a: str, b: str, compatible: bool) -> None:
    assert offices_compatible(parse_office(a), parse_office(b)) is compatible


def test_compare_role_conflict_names_both_outlets_and_sentences() -> None:
    story = compare_story(_two_titles("council secretary", "defence minister"))
    (conflict,) = story.conflicts
    assert conflict.subject == "Anna Kovar" and conflict.kind == "disagreement"
    assert [v.source.outlet for v in conflict.values] == ["Harbour Times", "Daily Ledger"]
    assert [v.source.published for v in conflict.values] == ["2026-03-01", "2026-03-02"]
    assert "in the chair" in conflict.values[0].source.sentence


def test_compare_compatible_titles_corroborate_not_conflict() -> None:
    story = compare_story(_two_titles("senior adviser", "presidential aide"))
    assert not story.conflicts
    (fact,) = [f for f in story.corroborated if f.kind == "role"]
    assert fact.origins == 2 and "senior adviser" in fact.value and "presidential aide" in fact.value


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("At least 12 people were killed in the blast.", "The blast killed 30 people, 30 people killed in all."),
        ("Eighty-five people were killed.", "Officials said 85 people were killed."),
        ("About 40 people were injured.", "Some 38 people were injured."),
    ],
)
def test_compare_counts_as_intervals_do_not_conflict(a: str, b: str) -> None:
    story = compare_story(_toll(a, "2026-03-01", b, "2026-03-01"))
    assert not story.conflicts
    # an open bound and a precise count agree, but only a figure two sources give is corroborated
    assert any(f.kind == "number" for f in story.corroborated) == (not a.startswith("At least"))


def test_compare_larger_toll_later_is_an_update() -> None:
    story = compare_story(_toll("Twelve people were killed.", "2026-03-01", "30 people were killed.", "2026-03-03"))
    (conflict,) = story.conflicts
    assert conflict.kind == "update" and [v.value for v in conflict.values] == [
        "Twelve people were killed",
        "30 people were killed",
    ]


def test_compare_smaller_toll_later_is_a_disagreement() -> None:
    story = compare_story(_toll("30 people were killed.", "2026-03-01", "12 people were killed.", "2026-03-03"))
    assert [c.kind for c in story.conflicts] == ["disagreement"]


def test_compare_counts_read_qualifiers_and_words() -> None:
    (found,) = counts("Rescuers said more than two hundred people were displaced.")
    assert (found.attribute, found.low, found.high) == ("displaced", 201, float("inf"))
    assert not list(counts("The meeting lasted six hours and cost $50 million."))


def test_compare_crowd_sizes_that_differ_are_a_number_conflict_with_both_outlets() -> None:
    story = compare_story(
        _toll(
            "Police said about 5,000 protesters gathered outside the assembly in Dornhal.",
            "2026-05-04",
            "Organisers said 20,000 protesters filled the square outside the assembly in Dornhal.",
            "2026-05-05",
        )
    )
    (conflict,) = story.conflicts
    # A crowd has one size: a larger figure in the later report disagrees, it is no update.
    assert conflict.kind == "disagreement" and conflict.subject == "people at the protest"
    assert [v.value for v in conflict.values] == ["about 5,000 protesters", "20,000 protesters"]
    assert [v.source.outlet for v in conflict.values] == ["Harbour Times", "Daily Ledger"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("More than 3,000 demonstrators marched to the port.", "Some 3,400 demonstrators marched to the port."),
        ("About 800 people marched through Ostrava Nova.", "Eight hundred people marched through Ostrava Nova."),
    ],
)
def test_compare_crowd_sizes_whose_intervals_overlap_do_not_conflict(a: str, b: str) -> None:
    assert not compare_story(_toll(a, "2026-05-04", b, "2026-05-05")).conflicts


def test_compare_at_least_a_toll_then_a_larger_one_later_is_no_disagreement() -> None:
    same_day = compare_story(_toll("At least 12 people were killed.", "2026-03-01", "30 people died.", "2026-03-01"))
    assert not same_day.conflicts
    later = compare_story(_toll("Nine people were killed.", "2026-03-01", "At least 14 people died.", "2026-03-02"))
    assert [c.kind for c in later.conflicts] == ["update"]


def test_compare_crowd_counts_read_verbs_and_nouns() -> None:
    found = list(counts("Some 2,500 marchers walked; 400 people took to the streets; 60 nurses rallied."))
    assert [(c.attribute, c.low, c.high) for c in found] == [
        ("crowd", 2125, 2875),
        ("crowd", 400, 400),
        ("crowd", 60, 60),
    ]


def _venue_story(place_a: str, place_b: str) -> list[Analysis]:
    stories = []
    for aid, outlet, venue in (("a1", "Harbour Times", place_a), ("b1", "Daily Ledger", place_b)):
        text = f"Norway and Sweden held talks in {venue} on Friday."
        stories.append(
            analysis(
                aid,
                text,
                outlet,
                "2026-03-06",
                events=[event(text, text, "CONSULT", "Norway and Sweden", location=venue, date="2026-03-06")],
            )
        )
    return stories


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Oslo", "Norway", False),
        ("Bergen", "Norway", False),
        ("Oslo", "Oslo", False),
        ("Oslo", "Sweden", True),
        ("Oslo", "Stockholm", True),
        ("Bergen", "Tromso", True),
    ],
)
def test_compare_place_of_one_event_city_inside_country(a: str, b: str, conflict: bool) -> None:
    assert places_compatible(a, b) is not conflict
    story = compare_story(_venue_story(a, b))
    assert bool([c for c in story.conflicts if c.attribute == "place"]) is conflict


def test_compare_dates_agree_when_periods_overlap() -> None:
    assert dates_compatible("2026-02-19", "2026-W08")  # a Thursday and its week
    assert dates_compatible("2026-02-19", "2026-02")
    assert not dates_compatible("2026-02-19", "2026-02-20")


def test_compare_copies_of_one_wire_story_count_once() -> None:
    text = "The talks opened with senior adviser Anna Kovar in the chair."
    copies = [
        analysis(aid, text, outlet, "2026-03-01", entities=[person(text, "Anna Kovar", "senior adviser")])
        for aid, outlet in (("w1", "Harbour Times"), ("w2", "Daily Ledger"))
    ]
    assert not compare_story(copies, origins={"w1": "w1", "w2": "w1"}).corroborated
    # the same sentence word for word is one writer's, even where link/duplicates did not join the articles
    assert not compare_story(copies).corroborated
    other = "Delegates heard presidential aide Anna Kovar."
    third = analysis(
        "x1", other, "Northline", "2026-03-02", entities=[person(other, "Anna Kovar", "presidential aide")]
    )
    (fact,) = compare_story([*copies, third], origins={"w1": "w1", "w2": "w1", "x1": "x1"}).corroborated
    assert fact.origins == 2 and len(fact.sources) == 3


def test_compare_entity_keys_from_link_join_different_names() -> None:
    stories = _two_titles("council secretary", "defence minister")
    assert compare_story(stories, entity_keys={("a1", "p1"): "kb:9", ("b1", "p1"): "kb:8"}).conflicts == ()
    assert len(compare_story(stories, entity_keys={("a1", "p1"): "kb:9", ("b1", "p1"): "kb:9"}).conflicts) == 1


def test_compare_attributed_claim_is_the_sources_and_says_so() -> None:
    text_a = "Foreign minister Anna Kovar arrived late, according to the Valen agency."
    claim = text_a
    text_b = "Delegates heard defence minister Anna Kovar on Monday."
    attributed = Attribution("the Valen agency", "according to", claim, *_span(text_a, claim))
    kovar_a, kovar_b = (
        person(text_a, "Anna Kovar", "Foreign minister"),
        person(text_b, "Anna Kovar", "defence minister"),
    )
    stories = [
        analysis("a1", text_a, "Harbour Times", "2026-03-01", entities=[kovar_a], attributions=[attributed]),
        analysis("b1", text_b, "Daily Ledger", "2026-03-02", entities=[kovar_b]),
    ]
    (conflict,) = compare_story(stories).conflicts
    assert conflict.kind == "attributed"
    assert conflict.values[0].source.according_to == "the Valen agency"
    assert conflict.to_dict()["values"][0]["according_to"] == "the Valen agency"


def test_compare_two_outlets_relaying_one_agency_are_one_source() -> None:
    stories = []
    for aid, outlet in (("a1", "Harbour Times"), ("b1", "Daily Ledger")):
        text = f"Senior adviser Anna Kovar led the talks, according to the Valen agency ({outlet})."
        stories.append(
            analysis(
                aid,
                text,
                outlet,
                "2026-03-01",
                entities=[person(text, "Anna Kovar", "Senior adviser")],
                attributions=[Attribution("the Valen agency", "according to", text, 0, len(text))],
            )
        )
    assert not compare_story(stories).corroborated


def test_compare_timeline_same_event_twice_shown_once() -> None:
    stories = []
    reports = (
        ("a1", "Harbour Times", "Norway and Sweden signed a fishing accord."),
        ("b1", "Daily Ledger", "Sweden signed the accord with Norway on Friday."),
    )
    for aid, outlet, sentence in reports:
        found = event(sentence, sentence, "AGREE", "Norway and Sweden" if aid == "a1" else "Sweden", date="2026-03-06")
        undated = "Talks will resume."
        text = f"{sentence} {undated}"
        stories.append(
            analysis(
                aid,
                text,
                outlet,
                "2026-03-07",
                events=[found],
                timeline=[
                    TimelineEntry("2026-03-06", "day", sentence, "event", found.start, found.end),
                    TimelineEntry(None, "unknown", undated, "statement", *_span(text, undated)),
                ],
            )
        )
    story = compare_story(stories)
    (item,) = story.timeline
    assert item.date == "2026-03-06" and len(item.sources) == 2 and item.event and item.event["type"] == "AGREE"
    assert len(story.undated) == 2


def test_compare_positions_party_issue_stance_from_quotes_and_events() -> None:
    text = (
        "Norwegian foreign minister Anna Kovar said the northern region must stay under Norwegian control. "
        "Sweden rejected new sanctions on fish exports."
    )
    quote = "the northern region must stay under Norwegian control"
    sentence = "Sweden rejected new sanctions on fish exports."
    story = analysis(
        "a1",
        text,
        "Harbour Times",
        "2026-03-01",
        entities=[person(text, "Anna Kovar", "Norwegian foreign minister"), place(text, "Sweden", "g1")],
        quotes=[Quote(quote, "indirect", *_span(text, quote), speaker="Anna Kovar", speaker_id="p1", cue="said")],
        events=[event(text, sentence, "REJECT", "Sweden", actor_id="g1", trigger="rejected")],
    )
    positions = {(p.party, p.issue, p.stance) for p in compare_story([story]).positions}
    assert ("Norway", "territory", "demands") in positions
    assert ("Sweden", "sanctions", "rejects") in positions


def test_compare_commentators_have_no_position() -> None:
    text = "Political analyst Anna Kovar said the vote must be delayed."
    quote = "the vote must be delayed"
    story = analysis(
        "a1",
        text,
        "Harbour Times",
        "2026-03-01",
        entities=[person(text, "Anna Kovar", "Political analyst")],
        quotes=[Quote(quote, "indirect", *_span(text, quote), speaker="Anna Kovar", speaker_id="p1", cue="said")],
    )
    assert compare_story([story]).positions == ()


def test_compare_to_dict_has_the_story_keys() -> None:
    data = compare_story(_two_titles("council secretary", "defence minister")).to_dict()
    assert {"conflicts", "corroborated", "positions", "timeline", "undated", "only_one_outlet"} <= set(data)
    value = data["conflicts"][0]["values"][0]
    assert {"value", "article", "outlet", "published", "sentence", "span"} <= set(value)


def test_brief_html_escapes_article_text_and_has_no_script() -> None:
    stories = _two_titles("council secretary", "defence minister")
    evil = "<script>alert(1)</script> council secretary Anna Kovar"
    stories[0] = analysis(
        "a1", evil, "<b>Outlet</b>", "2026-03-01", entities=[person(evil, "Anna Kovar", "council secretary")]
    )
    brief = brief_dict({"id": "s1"}, stories, compare_story(stories))
    page = render_brief(brief, "html")
    assert "<script" not in page and "&lt;script&gt;" in page and "&lt;b&gt;Outlet" in page
    assert render_brief(brief, "json").startswith("{")
    with pytest.raises(ValueError, match="pdf"):
        render_brief(brief, "pdf")


def test_brief_dict_has_story_fields_and_quotes_by_speaker() -> None:
    text = "“We will sign,” Anna Kovar said. Kovar added: “Soon.”"
    quotes = [
        Quote("We will sign,", "direct", 1, 14, speaker="Anna Kovar"),
        Quote("Soon.", "direct", 47, 52, speaker="Kovar"),
    ]
    story = [analysis("a1", text, "Harbour Times", "2026-03-01", entities=[person(text, "Anna Kovar")], quotes=quotes)]
    brief = brief_dict({"id": "s1", "title": "Signing"}, story, compare_story(story))
    assert {"id", "title", "articles", "first_seen", "last_seen", "outlets", "conflicts", "timeline"} <= set(brief)
    assert brief["first_seen"] == "2026-03-01" and brief["outlets"] == ["Harbour Times"]
    assert [(g["speaker"], len(g["quotes"])) for g in brief["quotes_by_speaker"]] == [("Anna Kovar", 2)]


def test_brief_shows_a_speakers_words_once_when_one_quote_holds_another() -> None:
    text = "Anna Kovar said the levy was unfair, warning that it would close farms. Kovar left."
    outer = text.index("the levy"), text.index(" Kovar left")
    inner = text.index("that it would"), text.index(" Kovar left")
    quotes = [
        Quote(text[slice(*outer)], "indirect", *outer, speaker="Anna Kovar"),
        Quote(text[slice(*inner)], "indirect", *inner, speaker="Anna Kovar"),
    ]
    story = [analysis("a1", text, "Harbour Times", "2026-03-01", entities=[person(text, "Anna Kovar")], quotes=quotes)]
    brief = brief_dict({"id": "s1", "title": "Levy"}, story, compare_story(story))
    assert [q["span"] for g in brief["quotes_by_speaker"] for q in g["quotes"]] == [list(outer)]


def test_compare_sentence_of_a_span_ending_in_blank_lines_stays_one_sentence() -> None:
    text = "Sweden rejected the plan.\n\n“We will not sign,” she added. Talks went on."
    assert sentence_bounds(text, 0, 27) == (0, 25)
    assert text[slice(*sentence_bounds(text, 30, 35))] == "“We will not sign,” she added."


@pytest.mark.slow
def test_compare_examples_show_the_crowd_size_conflict(tmp_path: Path) -> None:
    """The built-in examples (storyline demo) give two crowd sizes for one march: a number conflict."""
    examples = Path(storyline.__file__).parent / "examples"
    settings = storyline.Settings.load(None, {"workers": 1})
    files = sorted(p for p in examples.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    with storyline.build(files, db=tmp_path / "kb.db", settings=settings) as kb:
        analyses = list(kb.analyses())
    story = compare_story(analyses)
    (crowd,) = [c for c in story.conflicts if c.subject == "people at the protest"]
    assert crowd.kind in {"disagreement", "attributed"}
    values = {v.value.lower() for v in crowd.values}
    assert "about 5,000 people marched" in values and "more than 12,000 farmers marched" in values
    assert len({v.source.article for v in crowd.values}) == 3


def _mediated(sentence_a: str, sentence_b: str) -> list[Analysis]:
    return [
        analysis("a1", sentence_a, "Harbour Times", "2026-06-01"),
        analysis("b1", sentence_b, "Daily Ledger", "2026-06-02"),
    ]


def test_compare_mediator_named_by_both_outlets_is_corroborated() -> None:
    story = compare_story(
        _mediated(
            "Delegations from Norway and Sweden met in Oslo for talks mediated by the United States.",
            "The US-brokered talks on fishing rights resumed in Oslo on Tuesday.",
        )
    )
    (fact,) = [f for f in story.corroborated if f.kind == "mediator"]
    assert fact.value == "United States" and fact.origins == 2
    assert {s.outlet for s in fact.sources} == {"Harbour Times", "Daily Ledger"}
    assert not story.conflicts


@pytest.mark.parametrize(
    "sentence",
    [
        "Qatari mediators shuttled between the two delegations.",
        "Qatar, acting as mediator, proposed a timetable.",
        "Qatar, which is mediating, asked both sides for proposals.",
        "The deal was brokered by Doha after two days.",
    ],
)
def test_compare_mediator_read_in_several_shapes(sentence: str) -> None:
    story = compare_story(_mediated(sentence, "The Qatari-mediated talks ended without a date for the next round."))
    assert [f.value for f in story.corroborated if f.kind == "mediator"] == ["Qatar"]


def test_compare_different_mediators_are_not_a_conflict_and_one_outlet_is_single() -> None:
    story = compare_story(
        _mediated("Talks brokered by Egypt resumed in Cairo.", "Turkish mediators joined the talks in Cairo.")
    )
    assert not story.conflicts
    assert not [f for f in story.corroborated if f.kind == "mediator"]
    assert sorted(f.value for f in story.only_one_outlet if f.kind == "mediator") == ["Egypt", "Turkey"]


def test_compare_mediation_words_without_a_state_give_no_mediator() -> None:
    story = compare_story(
        _mediated(
            "Talks mediated by a retired judge resumed on Monday.", "Experienced mediators were brought in on Monday."
        )
    )
    assert not [f for f in story.corroborated + story.only_one_outlet if f.kind == "mediator"]


def test_compare_mediator_named_as_a_leaders_administration_is_that_leaders_state() -> None:
    text_a = "Norwegian Prime Minister Ola Lind spoke on Monday. Talks brokered by the Lind government resumed."
    text_b = "Norwegian mediators opened the talks in Malta on Monday."
    lind = person(text_a, "Ola Lind", "Norwegian Prime Minister")
    story = compare_story(
        [
            analysis("a1", text_a, "Harbour Times", "2026-06-01", entities=[lind]),
            analysis("b1", text_b, "Daily Ledger", "2026-06-02"),
        ]
    )
    (fact,) = [f for f in story.corroborated if f.kind == "mediator"]
    assert fact.value == "Norway" and fact.origins == 2
    assert "Lind government" in fact.sources[0].sentence


def _leader_and_companion_story(companion: str, relation: str) -> Any:
    """Two outlets: one names President Lind and a Lind administration brokering talks, the other
    Kari Dahl (``companion``, ``relation`` of Lind) and Norwegian mediators."""
    text_a = "President Ola Lind spoke on Monday. Talks brokered by the Lind administration resumed."
    text_b = f"{companion} Kari Dahl, {relation}, opened the talks. Norwegian mediators stayed on."
    analyses = [
        analysis("a1", text_a, "Harbour Times", "2026-06-01", entities=[person(text_a, "Ola Lind", "President")]),
        analysis(
            "b1",
            text_b,
            "Daily Ledger",
            "2026-06-02",
            entities=[
                person(text_b, "Kari Dahl", companion, relation),
                Entity("p2", "Lind", "PERSON", mentions=(_span(text_b, "Lind"),)),
            ],
        ),
    ]
    keys = {("a1", "p1"): "kb-lind", ("b1", "p2"): "kb-lind", ("b1", "p1"): "kb-dahl"}
    return compare_story(analyses, entity_keys=keys)


def test_compare_a_leader_whose_titles_name_no_state_stands_for_the_state_of_their_envoy() -> None:
    story = _leader_and_companion_story("Norwegian mediator", "Lind's special envoy")
    (fact,) = [f for f in story.corroborated if f.kind == "mediator"]
    assert fact.value == "Norway" and fact.origins == 2


def test_compare_a_leaders_relative_does_not_give_the_leader_a_state() -> None:
    story = _leader_and_companion_story("Norwegian banker", "Lind's son-in-law")
    assert not [f for f in story.corroborated if f.kind == "mediator"]


def test_compare_words_in_marks_without_a_speech_verb_show_no_position() -> None:
    text = "Norwegian foreign minister Anna Kovar approved a licence for “up to 40 patrol boats” in arms exports."
    fragment = "up to 40 patrol boats"
    said = Quote(fragment, "partial", *_span(text, fragment), speaker="Anna Kovar", speaker_id="p1", cue="said")
    bare = Quote(fragment, "partial", *_span(text, fragment), speaker="Anna Kovar", speaker_id="p1")
    entities = [person(text, "Anna Kovar", "Norwegian foreign minister")]
    with_cue = analysis("a1", text, "Harbour Times", "2026-03-01", entities=entities, quotes=[said])
    without = analysis("a1", text, "Harbour Times", "2026-03-01", entities=entities, quotes=[bare])
    assert compare_story([with_cue]).positions != ()
    assert compare_story([without]).positions == ()


@pytest.mark.parametrize(
    ("event_type", "denied", "actors", "targets", "words"),
    [
        ("CONSULT", False, ["Norland", "Valmora"], [], "Norland and Valmora held talks (CONSULT)"),
        ("DISAPPROVE", False, ["Norland"], ["Valmora"], "Norland criticised Valmora (DISAPPROVE)"),
        ("DEMAND", False, ["Norland"], [], "Norland made demands (DEMAND)"),
        ("AGREE", True, ["Norland", "Valmora"], [], "denied: Norland and Valmora reached an agreement (AGREE)"),
    ],
)
def test_event_subjects_read_as_words_with_their_code(
    event_type: str, denied: bool, actors: list[str], targets: list[str], words: str
) -> None:
    assert event_words(event_type, denied, actors, targets) == words


@pytest.mark.parametrize(
    ("kind", "shown"),
    [
        ("indirect", "Anna Kovar: the northern region must stay under Norwegian control"),
        ("direct", "Anna Kovar: “the northern region must stay under Norwegian control”"),
        ("partial", "Anna Kovar: the northern region must stay under Norwegian control"),
    ],
)
def test_position_evidence_puts_only_a_direct_quote_in_marks_and_names_the_speaker(kind: str, shown: str) -> None:
    text = "Norwegian foreign minister Anna Kovar said the northern region must stay under Norwegian control."
    words = "the northern region must stay under Norwegian control"
    quote = Quote(words, kind, *_span(text, words), speaker="Anna Kovar", speaker_id="p1", cue="said")
    entities = [person(text, "Anna Kovar", "Norwegian foreign minister")]
    story = compare_story([analysis("a1", text, "Harbour Times", "2026-03-01", entities=entities, quotes=[quote])])
    (evidence,) = {e for p in story.positions for e in p.evidence}
    assert evidence.to_dict()["kind"] == kind
    assert evidence_words(evidence.to_dict()) == shown


def test_position_evidence_does_not_name_a_speaker_who_is_the_party() -> None:
    item = {"kind": "indirect", "quote_or_event": "that talks must resume", "speaker": "Anna Kovar"}
    assert evidence_words(item, "Anna Kovar") == "that talks must resume"
    assert evidence_words(item, "Norway") == "Anna Kovar: that talks must resume"


def test_brief_who_lists_a_state_once_not_its_adjective_or_capital() -> None:
    text = "Norwegian officials met in Oslo. Norway sent Anna Kovar, and Sweden sent Lars Holm."
    entities = [
        place(text, "Norway", "g1"),
        Entity("n1", "Norwegian", "NORP", mentions=(_span(text, "Norwegian"),)),
        place(text, "Oslo", "g2"),
        place(text, "Sweden", "g3"),
        person(text, "Anna Kovar", eid="p1"),
        person(text, "Lars Holm", eid="p2"),
    ]
    names = [e["name"] for e in main_entities([analysis("a1", text, "Harbour Times", "2026-03-01", entities=entities)])]
    assert "Norwegian" not in names and "Oslo" not in names
    assert {"Norway", "Sweden", "Anna Kovar", "Lars Holm"} <= set(names)


def test_brief_who_keeps_an_adjective_whose_state_is_not_listed() -> None:
    text = "Norwegian officials met Anna Kovar."
    entities = [Entity("n1", "Norwegian", "NORP", mentions=(_span(text, "Norwegian"),)), person(text, "Anna Kovar")]
    names = [e["name"] for e in main_entities([analysis("a1", text, "Harbour Times", "2026-03-01", entities=entities)])]
    assert set(names) == {"Norwegian", "Anna Kovar"}


def test_who_said_what_leaves_out_words_in_marks_without_a_speech_verb() -> None:
    text = "Minister Anna Kovar approved a licence for “up to 40 patrol boats” and said talks must go on."
    fragment, said = "up to 40 patrol boats", "talks must go on"
    quotes = [
        Quote(fragment, "partial", *_span(text, fragment), speaker="Anna Kovar", speaker_id="p1"),
        Quote(said, "indirect", *_span(text, said), speaker="Anna Kovar", speaker_id="p1", cue="said"),
    ]
    story = analysis("a1", text, "Harbour Times", "2026-03-01", quotes=quotes)
    brief = brief_dict({"id": "s1", "title": "Licence"}, [story], compare_story([story]))
    assert [q["text"] for g in brief["quotes_by_speaker"] for q in g["quotes"]] == [said]
