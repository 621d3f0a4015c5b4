"""The events component: PLOVER types, actors, status, place and date, on the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analyze.events.actors import make_actor
from storyline.analyze.events.events import code_events, find_events
from storyline.analyze.events.lexicon import TYPES, plover_category, senses
from storyline.analyze.pipeline import Found, analyze
from storyline.model import Article, DateMention, Event

pytestmark = pytest.mark.slow


def _article(text: str) -> Article:
    return Article(id="t1", source="test", text=text, published="2026-02-18", published_source="explicit")


def _events(nlp, settings, text: str, dates: tuple[DateMention, ...] = ()) -> list[Event]:
    """The events component alone, on a sentence with no entities found."""
    found = Found(_article(text))
    found.dates.extend(dates)
    return list(find_events(nlp(text), found=found, settings=settings))


def _top(nlp, settings, text: str) -> Event:
    events = _events(nlp, settings, text)
    assert events, f"no event in {text!r}"
    return max(events, key=lambda e: e.confidence)


def _one(events: list[Event], type_: str) -> Event:
    matching = [e for e in events if e.type == type_]
    assert matching, f"no {type_} among {[(e.type, e.trigger) for e in events]}"
    return matching[0]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Officials from Serbia and Kosovo held talks in Brussels on Tuesday.", "CONSULT"),
        ("Washington imposed new sanctions on Iran.", "SANCTION"),
        ("Police arrested dozens of opposition activists in the capital.", "COERCE"),
        ("Rebel fighters shelled the northern town overnight.", "ASSAULT"),
        ("The European Union donated medical supplies to the flooded provinces.", "AID"),
        ("Thousands of teachers went on strike over unpaid wages.", "PROTEST"),
        ("The prime minister resigned after the vote.", "RETREAT"),
        ("The opposition party condemned the arrests.", "DISAPPROVE"),
        ("The council rejected the peace proposal.", "REJECT"),
        ("Greece praised the agreement as a step forward.", "SUPPORT"),
        ("The government threatened to cut off gas supplies to the region.", "THREATEN"),
        ("Prosecutors opened an investigation into the bombing.", "INVESTIGATE"),
        ("The army deployed extra troops along the border.", "MOBILIZE"),
        ("Both countries agreed to share intelligence on smuggling.", "AGREE"),
        ("The court lifted the curfew in the northern city.", "CONCEDE"),
        ("Poland demanded that Belarus release the journalists.", "DEMAND"),
    ],
)
def test_events_type_from_lexicon(nlp, settings, text, type_):
    assert _top(nlp, settings, text).type == type_


def test_events_actor_and_target_from_parse(nlp, settings):
    event = _top(nlp, settings, "Poland expelled two Belarusian diplomats.")
    assert (event.actor, event.target, event.mode) == ("Poland", "Belarus", "expel")
    passive = _top(nlp, settings, "The villagers were attacked by Rwandan militiamen.")
    assert (passive.type, passive.actor, passive.actor_sector, passive.target) == (
        "ASSAULT",
        "Rwanda",
        "rebels",
        "villagers",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The city is known for its old harbour.",
        "Critics argue that the plan is too expensive.",
        "The talks were described as constructive by both delegations.",
        "Prices of bread and fuel have doubled since the spring.",
        "Sweden beat Latvia 2-0 in the qualifier on Saturday.",
        "The pitcher allowed two runs in seven innings.",
        "The new stadium helped the club attract bigger crowds.",
    ],
)
def test_events_a_sentence_with_no_event_yields_none(nlp, settings, text):
    assert _events(nlp, settings, text) == []


def test_events_embedded_questions_and_cautions_are_not_events(nlp, settings):
    text = "Rubio said Washington is uncertain whether Moscow is committed to ending the war."
    assert _events(nlp, settings, text) == []
    caution = "The analyst warned that a vote held under martial law could be unfair."
    assert _events(nlp, settings, caution) == []
    threat = _top(nlp, settings, "The army chief warned that troops will not allow roadblocks.")
    assert threat.type == "THREATEN"


def test_events_participles_describing_a_noun_are_background(nlp, settings):
    events = _events(nlp, settings, "Officials lifted the curfew imposed in the city last year.")
    assert [e.type for e in events] == ["CONCEDE"]


def test_events_status_hedged_in_a_condition(nlp, settings):
    events = _events(nlp, settings, "Israel will close the crossing if militants attack the convoy.")
    assert _one(events, "ASSAULT").status == "hedged"


def test_events_status_asserted(nlp, settings):
    event = _top(nlp, settings, "Poland expelled two Belarusian diplomats.")
    assert (event.status, event.source) == ("asserted", None)


def test_events_status_reported_according_to(nlp, settings):
    event = _top(nlp, settings, "The army launched an offensive against the rebels, according to Reuters.")
    assert (event.type, event.status, event.source) == ("ASSAULT", "reported", "Reuters")


def test_events_according_to_plan_is_not_a_source(nlp, settings):
    """The speech family's reading of "according to": a manner is no source."""
    event = _top(nlp, settings, "The army launched an offensive against the rebels, according to plan.")
    assert (event.type, event.status, event.source) == ("ASSAULT", "asserted", None)


def test_events_source_only_from_a_statement_verb(nlp, settings):
    """ "pointed to" is a speech verb only before "out": read alone it names no source."""
    event = _top(nlp, settings, "The minister pointed to reports that police arrested two men.")
    assert (event.type, event.status, event.source) == ("COERCE", "asserted", None)
    event = _top(nlp, settings, "The minister said that police arrested two men.")
    assert (event.type, event.status, event.source) == ("COERCE", "reported", "minister")


def test_events_planned_with_a_typographic_apostrophe(nlp, settings):
    """ "they’ll" is as much a future as "they'll"."""
    event = _top(nlp, settings, "The rebels said they\u2019ll attack the base.")
    assert (event.type, event.status) == ("ASSAULT", "planned")


def test_events_status_reported_under_a_speech_verb(nlp, settings):
    event = _top(nlp, settings, "Witnesses said soldiers fired on the crowd.")
    assert (event.status, event.source, event.actor) == ("reported", "Witnesses", "soldiers")


def test_events_status_denied_by_negation(nlp, settings):
    events = _events(nlp, settings, "Hungary has not announced any plans to meet the delegation.")
    assert _one(events, "CONSULT").status == "denied"
    assert all(e.status == "denied" for e in events)


def test_events_status_denied_by_without(nlp, settings):
    events = _events(nlp, settings, "The ministers met for two hours without reaching an agreement.")
    assert _one(events, "CONSULT").status == "asserted"
    assert _one(events, "AGREE").status == "denied"


def test_events_status_demanded(nlp, settings):
    events = _events(nlp, settings, "Poland demanded that Belarus release the journalists.")
    demand, release = _one(events, "DEMAND"), _one(events, "RETREAT")
    assert (demand.actor, demand.target, demand.status) == ("Poland", "Belarus", "asserted")
    assert (release.actor, release.status) == ("Belarus", "demanded")


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian officials will meet their Russian counterparts in Istanbul next week.",
        "The two sides are expected to sign a trade agreement.",
        "Turkey is preparing to host another round of negotiations.",
    ],
)
def test_events_status_planned(nlp, settings, text):
    assert _top(nlp, settings, text).status == "planned"


@pytest.mark.parametrize(
    "text",
    ["Rebels may have attacked the convoy.", "Rebels reportedly attacked the convoy near the lake."],
)
def test_events_status_hedged(nlp, settings, text):
    event = _top(nlp, settings, text)
    assert (event.type, event.status) == ("ASSAULT", "hedged")


def test_events_refusing_future_cooperation_is_a_rejection(nlp, settings):
    event = _top(nlp, settings, "The government said it would not release the prisoners.")
    assert (event.type, event.mode, event.target) == ("REJECT", "yield", "prisoners")


def test_events_conditional_threat(nlp, settings):
    event = _top(nlp, settings, "The union will call a general strike unless the government raises wages.")
    assert event.type == "THREATEN" and event.target == "government"


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Moscow accused Kyiv of shelling a border village.", "Russia", "Ukraine"),
        ("The Kremlin rejected the proposal from Washington.", "Russia", "United States"),
        ("Washington imposed new sanctions on Iran.", "United States", "Iran"),
    ],
)
def test_events_capitals_and_seats_stand_for_governments(nlp, settings, text, actor, target):
    event = _top(nlp, settings, text)
    assert (event.actor, event.actor_sector, event.target) == (actor, "government", target)


def test_events_nationality_with_a_sector_noun_is_the_country(nlp, settings):
    event = _top(nlp, settings, "Ukrainian officials will meet their Russian counterparts in Istanbul next week.")
    assert (event.actor, event.actor_sector, event.location) == ("Ukraine", "government", "Istanbul")


def test_events_accused_party_performs_the_alleged_act(nlp, settings):
    events = _events(nlp, settings, "Moscow accused Kyiv of shelling a border village.")
    shelling = _one(events, "ASSAULT")
    assert (shelling.actor, shelling.status, shelling.source) == ("Ukraine", "reported", "Russia")


def test_events_location_after_in(nlp, settings):
    event = _top(nlp, settings, "Officials from Serbia and Kosovo held talks in Brussels on Tuesday.")
    assert (event.actor, event.location) == ("Serbia and Kosovo", "Brussels")


def test_events_date_from_the_dates_that_govern_the_verb(nlp, settings):
    text = "Officials from Serbia and Kosovo held talks in Brussels on Tuesday."
    start = text.index("Tuesday")
    tuesday = DateMention("Tuesday", "2026-02-17", "day", start, start + len("Tuesday"))
    event = _one(_events(nlp, settings, text, (tuesday,)), "CONSULT")
    assert (event.date, event.date_text) == ("2026-02-17", "Tuesday")


def test_events_date_of_the_report_is_not_the_date_of_the_event(nlp, settings):
    text = "Officials said on Friday that the rebels had attacked the convoy."
    start = text.index("Friday")
    friday = DateMention("Friday", "2026-02-13", "day", start, start + len("Friday"))
    event = _one(_events(nlp, settings, text, (friday,)), "ASSAULT")
    assert event.date is None and event.status == "reported"


def test_events_work_without_dates(nlp, settings):
    event = _top(nlp, settings, "Officials from Serbia and Kosovo held talks in Brussels on Tuesday.")
    assert (event.date, event.date_text) == (None, None)


def test_events_span_is_the_sentence(nlp, settings):
    text = "The weather was mild. Washington imposed new sanctions on Iran."
    (event,) = _events(nlp, settings, text)
    assert text[event.start : event.end] == event.sentence == "Washington imposed new sanctions on Iran."


def test_events_component_runs_in_the_pipeline_and_links_entities(nlp, settings):
    analysis = analyze(_article("Washington imposed new sanctions on Iran."), settings, nlp)
    event = _one(list(analysis.events), "SANCTION")
    iran = next(e for e in analysis.entities if e.name == "Iran")
    assert event.target_id == iran.id


def test_events_actor_keeps_the_phrase_as_written(nlp, settings):
    doc = nlp("Moscow rejected the plan.")
    actor = make_actor(doc[0], [])
    assert (actor.text, actor.name, actor.sector) == ("Moscow", "Russia", "government")
    (coded,) = code_events(doc, Found(_article(doc.text)))
    assert coded.actor is not None and coded.actor.text == "Moscow"


@pytest.mark.parametrize(
    ("text", "actor_text", "actor"),
    [
        ("Defence minister Ana Rossi condemned the raid.", "Defence minister Ana Rossi", "Ana Rossi"),
        ("Chile's foreign minister, Ana Rossi, condemned the raid.", "Chile's foreign minister", "Ana Rossi"),
        ("The director, Paul Mercer, condemned the raid.", "Paul Mercer", "Paul Mercer"),
        ("Activists from the Green Party blocked the highway on Friday.", "Activists from the Green Party", None),
    ],
)
def test_events_actor_text_is_the_phrase_as_written(nlp, settings, text, actor_text, actor):
    event = _top(nlp, settings, text)
    assert event.actor_text == actor_text
    assert actor is None or event.actor == actor
    assert text[event.actor_start : event.actor_end] == actor_text


def test_events_actor_phrase_stays_in_its_paragraph(nlp):
    doc = nlp("Photo: Reuters\n\nPolice arrested the protesters.")
    police = next(t for t in doc if t.text == "Police")
    assert make_actor(police, []).text == "Police"


def test_events_agentless_arrest_is_by_the_state_it_happens_in(nlp, settings):
    event = _top(nlp, settings, "Two journalists were arrested in Belarus on Monday.")
    assert (event.type, event.actor, event.target) == ("COERCE", "Belarus", "journalists")


@pytest.mark.parametrize(
    ("text", "type_", "target"),
    [
        ("The court opened an inquiry into an allegation by the mayor that the police had beaten protesters.",
         "INVESTIGATE", "police"),
        ("Washington announced the withdrawal of its troops from Syria.", "RETREAT", "Syria"),
        ("The union organised a general strike that shut down Lima.", "PROTEST", "Peru"),
        ("Thousands of Afghans sought refuge in Pakistan last year.", "DEMAND", "Pakistan"),
        ("France is pushing for the EU to lift the sanctions.", "DEMAND", "EU"),
        ("Ghana vetoed the Security Council resolution on the border dispute.", "REJECT", "Security Council"),
        ("Rebels launched rocket, mortar and artillery fire against army bases.", "ASSAULT", "army bases"),
        ("The minister denounced as a crime Serbia's crackdown on the protesters.", "DISAPPROVE", "Serbia"),
        ("The army chief warned that troops would not allow roadblocks by the Green Union.",
         "THREATEN", "Green Union"),
    ],
)  # fmt: skip
def test_events_target_from_the_parse(nlp, settings, text, type_, target):
    event = _top(nlp, settings, text)
    assert (event.type, event.target) == (type_, target)


def test_events_troops_deployed_are_not_the_target(nlp, settings):
    events = _events(nlp, settings, "Japan has refused to deploy troops in Iraq.")
    assert _one(events, "REJECT").target == "Iraq"


def test_events_reporting_clause_after_the_report(nlp, settings):
    text = "The authorities are failing to protect refugees, a human rights group complained on Tuesday."
    event = _top(nlp, settings, text)
    assert (event.type, event.actor_text, event.target) == ("DISAPPROVE", "human rights group", "authorities")


def test_events_a_planned_meeting_has_a_target(nlp, settings):
    event = _top(nlp, settings, "The rebels said they would meet the UN envoy next week.")
    assert (event.status, event.actor, event.target_text) == ("planned", "rebels", "UN envoy")


def test_events_background_after_before_is_not_governed(nlp, settings):
    events = _events(nlp, settings, "Trump said he does not plan to meet Xi before their truce ends.")
    assert _one(events, "CONSULT").status == "denied"
    # "their truce": a pronoun no speech verb resolves, so the truce is not emitted (trust.py); never denied
    assert all(e.status != "denied" for e in events if e.type == "RETREAT")


@pytest.mark.parametrize(
    ("type_", "status", "category"),
    [
        ("CONSULT", "planned", "AGREE"),
        ("AID", "planned", "AGREE"),
        ("RETREAT", "planned", "CONCEDE"),
        ("ASSAULT", "planned", "THREATEN"),
        ("SANCTION", "hedged", "THREATEN"),
        ("CONSULT", "asserted", "CONSULT"),
        ("ASSAULT", "reported", "ASSAULT"),
    ],
)
def test_plover_category_folds_status_as_the_manual_says(type_, status, category):
    assert plover_category(type_, status) == category


def test_plover_lexicon_tries_particles_and_objects_before_the_bare_verb():
    withdraw = senses("verb", "withdraw")
    assert [s.specificity for s in withdraw] == sorted((s.specificity for s in withdraw), reverse=True)
    assert (withdraw[0].parts, withdraw[-1].parts, withdraw[-1].objects) == (("from",), (), frozenset())
    assert all(s.type in TYPES for s in withdraw + senses("verb", "call") + senses("noun", "talk"))


# --- the seed article 002: the Geneva talks, day two --------------------------------------


@pytest.fixture(scope="module")
def seed_002(seeds_dir: Path, nlp, settings):
    path = next(seeds_dir.glob("002_*.txt"))
    return analyze(_article(path.read_text(encoding="utf-8")), settings, nlp)


def _parties(event: Event | None, role: str) -> set[str]:
    value = getattr(event, role) if event is not None else None
    return set(value.split(" and ")) if value else set()


def _find(analysis, type_: str, trigger_word: str) -> Event:
    """The event on ``trigger_word``, emitted or held back (a planned, denied or demanded event is
    kept among the held-back ones, with its status)."""
    for event in (*analysis.events, *analysis.held_back):
        if event.type == type_ and event.trigger and trigger_word in event.trigger:
            return event
    raise AssertionError(f"no {type_} on {trigger_word!r}: {[(e.type, e.trigger) for e in analysis.events]}")


def test_events_seed_talks_in_geneva(seed_002):
    talks = _find(seed_002, "CONSULT", "negotiations")
    assert _parties(talks, "actor") == {"Ukraine", "Russia"}
    assert talks.location == "Geneva"


def test_events_seed_demand_and_rejection(seed_002):
    demand, rejection = _find(seed_002, "DEMAND", "demand"), _find(seed_002, "REJECT", "rejected")
    assert (demand.actor, demand.target, demand.status) == ("Russia", "Ukraine", "asserted")
    assert (rejection.actor, rejection.target) == ("Ukraine", "Russia")
    withdrawal = _find(seed_002, "RETREAT", "withdraw")
    assert (withdrawal.actor, withdrawal.status) == ("Ukraine", "demanded")


def test_events_seed_accusation(seed_002):
    accusation = _find(seed_002, "DISAPPROVE", "accused")
    assert accusation.actor is not None and "Zelenskyy" in accusation.actor
    assert accusation.target == "Russia"


def test_events_seed_announced_meeting_is_planned(seed_002):
    meeting = _find(seed_002, "CONSULT", "meeting")
    assert meeting.status == "planned" and meeting.actor is not None and "Medinsky" in meeting.actor
    assert plover_category(meeting.type, meeting.status) == "AGREE"


def test_events_seed_minerals_agreement(seed_002):
    signing = _find(seed_002, "SUPPORT", "signed")
    assert (signing.mode, _parties(signing, "actor")) == ("diplomatic", {"Ukraine", "United States"})
    resolved = [d for d in seed_002.dates if d.text == "April 30, 2025" and d.value]
    if resolved:  # the dates component resolves it: the event carries it
        assert (signing.date, signing.date_text) == (resolved[0].value, "April 30, 2025")


# --- precision on running text (benchmarks/event_audit.py) ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministry released the minutes of the meeting on Thursday.",  # documents are not prisoners
        "The harbour board released a short clip of the camera recordings.",
        "The senator talked at length about taxes at the fair.",  # a topic, no partner
        "The firm offers you all the news you need on its website.",  # a business offer
        "The summit office will be providing few details to the press.",
        "Mayor Ostrik drafted a script for the hearing and executed it.",
        "Does the council have any choice but to agree to the plan?",  # a direct question
        "Asked about the tariffs, the Brenvian minister said little.",  # she was asked; she asked nothing
        "The reporter asked whether the coalition would survive the winter.",  # a question, not a demand
        "Senator Dalrow applauded along with the audience.",  # nobody applauded
        "Some in the valley said they were ready for a quiet spring.",
        "A judge ordered periodic releases of the court records.",  # released documents, via a light verb
        "It is hard to fault the clerk for the long queue.",  # a judgement on an act, not the act
        "Economists doubt the small treasury's ability to support more spending.",  # describes an ability
        "Examining the ministry's record on flood defences.",  # a headline gerund, no one examines
        "The senator campaigned against licensing the casinos.",  # what was opposed did not happen
        "The two mills are fighting for every last customer in town.",  # figurative fight
        "In the new survey Ostrik would beat Brel by twelve points.",  # a poll, not a beating
        "Through a spokesman, the governor declined to comment.",  # no comment is not a rejection
        "When I asked Senator Dalrow if he would ever endorse Brel, he laughed.",  # a question
        "The mayor should get some relief from the rain, Dalrow said.",  # a prediction, not a demand
        "Riders have to be patient on the old ferry, the captain said.",
        "Historic Border Agreement Signed In Port Elm After Long Talks",  # a headline or link line
        "The mayor's aides insisted the budget figures were sound.",  # a claim, not a demand
        "Much of the mayor's appeal lies in his plain speaking.",  # charm, not a plea
        "Senator Karl Dalrow held a rally at the state university on Tuesday night.",  # a campaign rally
        "The primaries free her to turn toward the autumn election.",  # enabling, not a release
        "Dalrow withdrew his bill on river tolls after a week of hearings.",  # a paper, not a force
        "Ours is a town that has long been willing to sell bread to travellers.",  # no named party commits
        "Next summer you will be visiting the lakes of Norland with friends.",  # "you" is no one
    ],
)
def test_unsupported_senses_are_not_events(nlp, settings, text: str) -> None:
    assert _events(nlp, settings, text) == []


def test_released_people_are_still_a_retreat(nlp, settings) -> None:
    assert _one(_events(nlp, settings, "The rebels released twelve hostages on Monday."), "RETREAT")


def test_aid_and_offers_with_material_objects_stay(nlp, settings) -> None:
    assert _one(_events(nlp, settings, "Norland will provide 20 tons of food aid to the refugees."), "AID")
    assert _one(_events(nlp, settings, "Valdoria offered its troops to the new president."), "AGREE")


def test_poll_beating_a_candidate_is_not_an_assault(nlp, settings) -> None:
    events = _events(nlp, settings, "A new poll shows Karsten beating Olmo in the three-way contest.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_a_person_attacking_a_newspaper_disapproves(nlp, settings) -> None:
    text = "Mayor Petra Ostrik also attacked the Harbor Gazette in a long speech."
    analysis = analyze(_article(text), settings, nlp)
    assert [e.type for e in analysis.events if e.trigger and "attack" in e.trigger] == ["DISAPPROVE"]


def test_an_instrument_after_in_is_not_the_actor(nlp, settings) -> None:
    events = _events(nlp, settings, "Two commanders were killed in a precision airstrike near the river.")
    assault = _one(events, "ASSAULT")
    assert assault.actor is None or "airstrike" not in assault.actor


def test_the_conjunct_of_a_participle_modifier_describes_the_noun(nlp, settings) -> None:
    text = "A coalition led by Ostland and backed by Merovia was blamed for the shelling."
    assert not [e for e in _events(nlp, settings, text) if e.type == "SUPPORT"]


def test_an_agreement_with_no_one_and_nothing_is_left_out(nlp, settings) -> None:
    text = "The flood cut the road and allowed the small ferry firm to grow."
    assert not [e for e in _events(nlp, settings, text) if e.type == "CONCEDE"]


def test_figurative_attack_in_words_is_disapproval(nlp, settings) -> None:
    events = _events(nlp, settings, "The campaign kept up its attacks on the governor's record all week.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_an_attack_with_casualties_stays_an_assault(nlp, settings) -> None:
    events = _events(nlp, settings, "Militants attacked a police post, killing four officers.")
    assert _one(events, "ASSAULT")


def test_a_demanded_readiness_to_act_stays_a_demand(nlp, settings) -> None:
    text = "The president said Norland must be ready to mediate between the two parties."
    assert _one(_events(nlp, settings, text), "DEMAND")


def test_loose_words_in_a_quote_with_no_named_actor_are_not_events(nlp, settings) -> None:
    text = 'Voters are angry. "They keep attacking us and we keep fighting back," said one farmer, Ilse Brand.'
    analysis = analyze(_article(text), settings, nlp)
    assert [e for e in analysis.events if e.start > 20] == []


def test_an_appeal_for_calm_is_still_a_demand(nlp, settings) -> None:
    assert _one(_events(nlp, settings, "The bishop issued an appeal for calm in the capital."), "DEMAND")


def test_a_crowd_rally_is_still_a_protest(nlp, settings) -> None:
    assert _one(_events(nlp, settings, "Thousands of farmers held a rally outside parliament."), "PROTEST")


def test_troops_withdrawn_are_still_a_retreat(nlp, settings) -> None:
    assert _one(_events(nlp, settings, "Ostland withdrew its troops from the border town."), "RETREAT")
