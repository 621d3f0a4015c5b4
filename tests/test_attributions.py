"""Attributions: claims credited to outlets, documents, unnamed and named sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analyze.pipeline import analyze
from storyline.analyze.speech.attributions import attribution_details
from storyline.model import Article, Attribution
from storyline.settings import Settings


@pytest.fixture(scope="module")
def upto_attributions(settings: Settings) -> Settings:
    """Only the components attributions depend on."""
    return settings.with_values({"pipeline": ["entities", "quotes", "attributions"]})


def attributions_of(text: str, nlp, settings: Settings) -> list[Attribution]:
    article = Article(id="t1", source="test", text=text, published="2026-02-18", published_source="explicit")
    return list(analyze(article, settings, nlp).attributions)


def one(found: list[Attribution], source_word: str) -> Attribution:
    matches = [a for a in found if source_word in a.source]
    assert len(matches) == 1, [(a.source, a.claim) for a in found]
    return matches[0]


def test_attributions_according_to_outlet(nlp, upto_attributions) -> None:
    text = "The ferry service will be cut to two crossings a day, according to Reuters."
    found = one(attributions_of(text, nlp, upto_attributions), "Reuters")
    assert (found.source_type, found.cue) == ("outlet", "according to")
    assert found.claim == "The ferry service will be cut to two crossings a day"
    assert text[found.start : found.end] == found.claim


def test_attributions_outlet_reports_after_claim(nlp, upto_attributions) -> None:
    text = "Several ministers have urged an early election, The Guardian reports."
    found = one(attributions_of(text, nlp, upto_attributions), "Guardian")
    assert found.source_type == "outlet" and found.cue == "reports"
    assert found.claim.startswith("Several ministers have urged")


def test_attributions_report_in_relative_clause(nlp, upto_attributions) -> None:
    text = "The union rejected the offer, a decision Reuters reported remains final."
    found = one(attributions_of(text, nlp, upto_attributions), "Reuters")
    assert found.claim == "a decision Reuters reported remains final"


def test_attributions_unknown_outlet_recognised_by_its_report(nlp, upto_attributions) -> None:
    text = "The Morning Ledger reported that the mayor will resign next week."
    found = one(attributions_of(text, nlp, upto_attributions), "Ledger")
    assert found.source_type == "outlet"
    assert found.claim == "that the mayor will resign next week"


def test_attributions_ministry_that_reports_is_not_an_outlet(nlp, upto_attributions) -> None:
    text = "The Health Ministry reported that 40 people were hurt in the blast."
    found = one(attributions_of(text, nlp, upto_attributions), "Ministry")
    assert found.source_type == "organization"


@pytest.mark.parametrize(
    ("text", "source_word", "kind"),
    [
        ("Officials said the border would reopen on Monday.", "Officials", "anonymous"),
        ("Two sources familiar with the talks said a deal was close.", "sources", "anonymous"),
        ("The report said emissions rose sharply last year.", "report", "document"),
        ("According to Dr. Amir Khan, the vaccine is safe for children.", "Amir Khan", "person"),
    ],
)
def test_attributions_source_types(nlp, upto_attributions, text, source_word, kind) -> None:
    assert one(attributions_of(text, nlp, upto_attributions), source_word).source_type == kind


def test_attributions_named_speaker_is_a_quote_not_an_attribution(nlp, upto_attributions) -> None:
    text = "Mayor Ines Vidal said the tram line would open in the spring."
    assert attributions_of(text, nlp, upto_attributions) == []


def test_attribution_details_locate_source_and_cue(nlp, upto_attributions) -> None:
    text = "Prices rose again in March, the central bank's monthly bulletin said."
    doc = nlp(text)
    entities = analyze(Article(id="t1", source="test", text=text), upto_attributions, nlp).entities
    detail = attribution_details(doc, entities)[0]
    assert detail.source_span is not None and detail.cue_span is not None
    assert text[slice(*detail.cue_span)] == "said"
    assert text[slice(*detail.source_span)] == "the central bank's monthly bulletin"
    assert detail.attribution.source_type == "document"


def seed_attributions(seeds_dir: Path, prefix: str, nlp, settings: Settings) -> list[Attribution]:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return attributions_of(path.read_text("utf-8"), nlp, settings)


def test_attributions_seed_000_guardian(seeds_dir, nlp, upto_attributions) -> None:
    found = [a for a in seed_attributions(seeds_dir, "000", nlp, upto_attributions) if "Guardian" in a.source]
    assert {a.source_type for a in found} == {"outlet"}
    claims = " | ".join(a.claim for a in found)
    assert "presidential elections" in claims and "brokered by the Trump administration" in claims


def test_attributions_seed_002_reuters_and_tass(seeds_dir, nlp, upto_attributions) -> None:
    found = seed_attributions(seeds_dir, "002", nlp, upto_attributions)
    reuters = " | ".join(a.claim for a in found if a.source == "Reuters")
    assert "termed difficult" in reuters
    assert "remains a central sticking point" in reuters
    assert "sensed movement" in reuters
    tass = [a for a in found if a.source == "TASS"]
    assert len(tass) == 1 and "another meeting" in tass[0].claim and tass[0].source_type == "outlet"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Talks stalled again on Friday, The Guardian reports.", "The Guardian"),
        ("The Daily Planet reported that the mayor had resigned.", "The Daily Planet"),
        ("The talks stalled, according to the Kremlin.", "Kremlin"),
    ],
)
def test_attributions_outlet_keeps_capitalised_the_in_its_title(nlp, settings, sentence: str, source: str) -> None:
    analysis = analyze(Article(id="t", source="test", text=sentence), settings, nlp)
    assert [a.source for a in analysis.attributions] == [source]


def test_attributions_according_to_plan_is_not_a_source(nlp, settings) -> None:
    text = "The spokesperson said the reservoir would be filled according to plan."
    analysis = analyze(Article(id="t", source="test", text=text), settings, nlp)
    assert "plan" not in [a.source for a in analysis.attributions]
    assert [a.cue for a in analysis.attributions] == ["said"]


def test_attributions_belief_verb_credits_its_clause_to_a_named_person(nlp, upto_attributions) -> None:
    text = "Ingrid Solberg thinks the bridge tolls will be scrapped before winter."
    found = one(attributions_of(text, nlp, upto_attributions), "Solberg")
    assert (found.source_type, found.cue, found.rule) == ("person", "thinks", "think-belief")
    assert found.claim == "the bridge tolls will be scrapped before winter"


def test_attributions_evidence_verb_credits_a_survey_finding(nlp, upto_attributions) -> None:
    text = "A survey of harbour pilots showed that most of them favour a second lock."
    found = one(attributions_of(text, nlp, upto_attributions), "survey")
    assert (found.source_type, found.cue) == ("document", "showed")
    assert found.claim == "that most of them favour a second lock"


def test_attributions_document_finding_without_a_clause_is_its_object(nlp, upto_attributions) -> None:
    text = "A poll of farmers found strong support for the new quota."
    found = one(attributions_of(text, nlp, upto_attributions), "poll")
    assert found.claim == "strong support for the new quota"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor expects to announce the budget on Friday.",  # an infinitive: a plan, no claim
        "The engineers know why the pumps failed.",  # an embedded question
        "The council does not believe the tunnel will open this year.",  # negated
        "We think the tunnel will open late.",  # the writer's aside
        "Did the minister think the vote would pass?",  # a question
    ],
)
def test_attributions_belief_verb_without_a_claim_credits_nothing(nlp, upto_attributions, text: str) -> None:
    assert attributions_of(text, nlp, upto_attributions) == []


def test_attributions_belief_verb_makes_no_quote(nlp, upto_attributions) -> None:
    text = "Fire investigators believe the blaze at the grain depot was started deliberately."
    article = Article(id="t1", source="test", text=text, published="2026-02-18", published_source="explicit")
    analysis = analyze(article, upto_attributions, nlp)
    assert analysis.quotes == ()
    assert [a.claim for a in analysis.attributions] == ["the blaze at the grain depot was started deliberately"]


@pytest.mark.parametrize(
    "text",
    [
        "The climbers found themselves stranded below the ridge.",  # a small clause, no tense of its own
        "The council would like residents to know that the pool will reopen.",  # "know" has no subject here
        "How the money is spent will determine what the town can build next.",  # an embedded question
    ],
)
def test_attributions_belief_or_evidence_verb_needs_its_own_subject_and_a_finite_clause(
    nlp, upto_attributions, text: str
) -> None:
    assert attributions_of(text, nlp, upto_attributions) == []


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("The senator called for a ceasefire in the region.", "senator", "a ceasefire in the region"),
        ("She has called on the council to reverse the decision.", "She", "the council to reverse the decision"),
        ("The senator is calling for the state to cut its budget.", "senator", "the state to cut its budget"),
        ("The mayor asked for the state to cover half of the cost.", "mayor", "the state to cover half of the cost"),
    ],
)
def test_attributions_a_call_for_something_is_a_demand_credited_to_the_caller(
    text: str, source: str, claim: str, nlp, upto_attributions
) -> None:
    found = one(attributions_of(text, nlp, upto_attributions), source)
    assert found.claim == claim and found.rule.endswith("-request")


@pytest.mark.parametrize(
    "text",
    [
        "The minister did not call for new elections in the spring.",
        "He called the office twice on Monday morning.",
        "Critics called the plan a costly mistake for farmers.",
    ],
)
def test_attributions_a_call_that_asks_for_nothing_credits_no_claim(text: str, nlp, upto_attributions) -> None:
    assert attributions_of(text, nlp, upto_attributions) == []


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        (
            "The governor announced a plan to cut property taxes next year.",
            "governor",
            "a plan to cut property taxes next year",
        ),
        (
            "The council proposed a ban on plastic bags in the old town.",
            "council",
            "a ban on plastic bags in the old town",
        ),
        ("She vowed to appeal the ruling in the supreme court.", "She", "to appeal the ruling in the supreme court"),
    ],
)
def test_attributions_an_announcement_or_pledge_credits_its_object(
    text: str, source: str, claim: str, nlp, upto_attributions
) -> None:
    found = one(attributions_of(text, nlp, upto_attributions), source)
    assert found.claim == claim and found.rule.endswith("-object")


@pytest.mark.parametrize(
    "text",
    [
        "The company did not announce a date for the launch of the phone.",
        "The minister denied the charges of corruption brought by the opposition.",
        "The mayor announced it on Friday.",
    ],
)
def test_attributions_a_denial_or_an_unannounced_object_credits_no_claim(text: str, nlp, upto_attributions) -> None:
    assert attributions_of(text, nlp, upto_attributions) == []


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        (
            "The union accused the company of hiding the true figures from its workers.",
            "union",
            "the company of hiding the true figures from its workers",
        ),
        (
            "Critics blamed the mayor for the slow response to the floods.",
            "Critics",
            "the mayor for the slow response to the floods",
        ),
    ],
)
def test_attributions_a_charge_is_credited_to_the_accuser(
    text: str, source: str, claim: str, nlp, upto_attributions
) -> None:
    found = one(attributions_of(text, nlp, upto_attributions), source)
    assert found.claim == claim and found.rule.endswith("-charge")


@pytest.mark.parametrize(
    "text",
    [
        "The opposition criticized the plan to sell the port to a private firm.",
        "The mayor was accused of taking bribes from a builder.",
        "The union did not accuse the company of hiding anything from its workers.",
    ],
)
def test_attributions_a_stance_or_a_passive_charge_credits_no_claim(text: str, nlp, upto_attributions) -> None:
    assert attributions_of(text, nlp, upto_attributions) == []
