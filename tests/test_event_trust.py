"""The events trust gate (analyze/events/trust.py): what is emitted on running text, on the real model.

Every sentence here is invented. Each test pins one behaviour the hand-judged
audit (benchmarks/event_audit.py) found wrong before the gate.
"""

from __future__ import annotations

import pytest

from storyline.analyze.events.events import code_events, find_events, merge_duplicates
from storyline.analyze.pipeline import Found, analyze
from storyline.model import Article, Event

pytestmark = pytest.mark.slow


def _article(text: str) -> Article:
    return Article(id="t1", source="test", text=text, published="2026-02-18", published_source="explicit")


def _emitted(nlp, settings, text: str) -> list[Event]:
    """What the whole pipeline emits for ``text`` (entities and quotes found first)."""
    return list(analyze(_article(text), settings, nlp).events)


def _coded(nlp, settings, text: str) -> list[Event]:
    """Emitted and held-back events: an event not told as a happening (planned, hedged, denied,
    demanded) is held back, with its status, and its status is what these tests pin."""
    analysis = analyze(_article(text), settings, nlp)
    return [*analysis.events, *analysis.held_back]


def _types(events: list[Event]) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.actor, e.target, e.status) for e in events]


def test_accused_party_is_the_actor_of_the_alleged_act_not_the_accuser(nlp, settings) -> None:
    text = "Officials in Norland blamed neighbouring Valmora on Tuesday, accusing it of supporting the rebels."
    events = _emitted(nlp, settings, text)
    support = [e for e in events if e.type == "SUPPORT"]
    assert support and support[0].actor == "Valmora" and support[0].status == "reported"
    assert not [e for e in events if e.type == "AID"]


def test_the_caller_congratulates_not_the_one_called(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Mayor Ilse Brand called Senator Tom Alder on Sunday to congratulate him.")
    support = [e for e in events if e.type == "SUPPORT"]
    assert support and (support[0].actor, support[0].target) == ("Ilse Brand", "Tom Alder")
    assert not [e for e in events if e.type == "DEMAND"]  # "called ... on Sunday" is a phone call, not "call on"


def test_reluctance_is_a_denial_not_support(nlp, settings) -> None:
    events = _coded(nlp, settings, "The Norland government signalled its reluctance to fully endorse Ilse Brand.")
    assert [e.status for e in events if e.type == "SUPPORT"] == ["denied"]


def test_a_noun_event_under_another_negated_verb_stands(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The council did not respond to the request from Mayor Ilse Brand.")
    assert [(e.type, e.status) for e in events] == [("DEMAND", "asserted")]


def test_a_negated_support_verb_denies_its_noun_event(nlp, settings) -> None:
    events = _coded(nlp, settings, "The Norland government did not hold talks with Valmora.")
    assert [(e.type, e.status) for e in events] == [("CONSULT", "denied")]


def test_a_verbal_attack_and_a_collision_are_not_assaults(nlp, settings) -> None:
    assert not [e for e in _emitted(nlp, settings, "A bus slammed into the wall of the station.")]
    attack = _emitted(nlp, settings, "Senator Tom Alder attacked the Daily Ledger in a speech on Monday.")
    assert [e.type for e in attack] == ["DISAPPROVE"]


def test_an_instrument_or_a_dead_victim_is_never_the_actor(nlp, settings) -> None:
    text = "One of the rebel group's top commanders is dead, killed in a precision airstrike on Monday."
    assert not [e for e in _emitted(nlp, settings, text) if e.actor is not None]


def test_an_unresolved_pronoun_is_no_actor(nlp, settings) -> None:
    assert _emitted(nlp, settings, "He met the minister on Friday.") == []


def test_a_pronoun_with_two_possible_names_is_left_out(nlp, settings) -> None:
    text = "John Miller spoke to Peter Evans on Monday. Later he criticised the budget of the city."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "DISAPPROVE"]


def test_a_quoted_wish_is_the_speakers_words_not_an_agreement(nlp, settings) -> None:
    text = '"Valmora wants to make a deal," said Ilse Brand.'
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "AGREE"]


def test_a_campaign_promise_is_not_an_agreement(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Senator Tom Alder promised to cut taxes for farmers.")


def test_an_agreed_opinion_is_not_an_agreement(nlp, settings) -> None:
    text = "Several party elders agreed that Senator Tom Alder needs to give a speech on the economy."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "AGREE"]


def test_asking_a_question_is_not_a_demand_but_calling_on_someone_is(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "The reporter asked Senator Tom Alder about the budget.")
    events = _emitted(nlp, settings, "Ilse Brand on Wednesday called on Tom Alder to apologize to the voters.")
    demand = [e for e in events if e.type == "DEMAND"]
    assert demand and (demand[0].actor, demand[0].target) == ("Ilse Brand", "Tom Alder")


def test_documents_released_are_not_a_retreat_prisoners_freed_are(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "The Norland agency released the minutes of the meeting.")
    freed = _emitted(nlp, settings, "The Valmoran rebels released two journalists on Friday.")
    assert [e.type for e in freed] == ["RETREAT"]


def test_speeches_and_details_are_not_aid(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Ilse Brand gave paid speeches to the banks of Norland.")
    assert not _emitted(nlp, settings, "The ministry of Norland provided details about the plan.")


def test_a_trip_home_is_not_a_visit(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Senator Tom Alder flew home to Port Elm after the rally.")


def test_a_dateline_city_is_not_an_actor(nlp, settings) -> None:
    events = _emitted(nlp, settings, "PORT ELM — Police arrested twelve protesters outside the parliament.")
    assert [(e.type, e.actor) for e in events if e.type == "COERCE"] == [("police", None)] or all(
        e.actor != "Port Elm" for e in events
    )


def test_a_happening_told_twice_is_one_event(nlp, settings) -> None:
    text = (
        "Norland troops attacked the village on Monday, killing four civilians. "
        "Norland troops attacked the village again, the ministry said."
    )
    assaults = [e for e in _emitted(nlp, settings, text) if e.type == "ASSAULT"]
    assert len(assaults) == 1


def test_merge_keeps_different_dates_and_denials_apart() -> None:
    def event(status: str, date: str | None, target: str | None = "Valmora") -> Event:
        return Event(type="ASSAULT", sentence="s", start=0, end=1, actor="Norland", target=target,
                     status=status, date=date)  # fmt: skip

    merged = merge_duplicates([event("asserted", None, None), event("reported", "2026-01-02")])
    assert len(merged) == 1 and (merged[0].target, merged[0].date) == ("Valmora", "2026-01-02")
    assert len(merge_duplicates([event("asserted", "2026-01-02"), event("asserted", "2026-03-04")])) == 2
    assert len(merge_duplicates([event("asserted", None), event("denied", None)])) == 2


def test_the_coder_still_reads_what_the_gate_leaves_out(nlp, settings) -> None:
    """The PLOVER benchmark scores the coder; the reason an event is not emitted is kept."""
    text = "Senator Tom Alder flew home to Port Elm after the rally."
    doc = nlp(text)
    coded = code_events(doc, Found(_article(text)))
    assert coded and coded[0].distrust is not None
    held = list(find_events(doc, found=Found(_article(text)), settings=settings))
    assert [e.held_back for e in held] == [coded[0].distrust]


def test_held_back_events_are_kept_apart_with_their_reason_and_stored(nlp, settings, tmp_path) -> None:
    from storyline.store import Store

    text = "He met the minister on Friday. Senator Tom Alder flew home to Port Elm after the rally."
    analysis = analyze(_article(text), settings, nlp)
    assert analysis.events == ()
    assert analysis.held_back and all(e.held_back for e in analysis.held_back)
    assert not [t for t in analysis.timeline if t.kind == "event"]  # a held-back event is on no timeline
    with Store(tmp_path / "kb.db") as store:
        store.write([analysis])
        stored = store.analysis("t1")
        rows = store.conn.execute("SELECT type, held_back FROM held_back_events").fetchall()
    assert stored.held_back == analysis.held_back and stored.events == ()
    assert [r["held_back"] for r in rows] == [e.held_back for e in analysis.held_back]


def test_a_resignation_called_for_is_demanded_not_asserted(nlp, settings) -> None:
    events = _coded(nlp, settings, "Tom Alder called on Tuesday for Judge Ilse Brand to resign.")
    assert [e.status for e in events if e.type == "RETREAT"] == ["demanded"]


def test_a_generic_reporter_and_campaign_stops_are_not_events(nlp, settings) -> None:
    text = "The spokeswoman of Norland did not answer a reporter's request for comment."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "DEMAND"]
    assert not _emitted(nlp, settings, "Senator Tom Alder's recent visits to the swing counties drew crowds.")


def test_an_actor_borrowed_from_a_host_clause_is_left_out(nlp, settings) -> None:
    text = "Ilse Brand recalls that the guards stopped her cousin, a teacher who wrote columns condemning the mayor."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "DISAPPROVE" and e.actor == "guards"]


def test_a_word_inside_a_name_is_no_trigger(nlp, settings) -> None:
    text = "The Norland Society for Peaceful Cooperation and Development published its annual figures."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "COOPERATE"]


def test_a_participle_on_a_noun_takes_that_noun_as_its_actor(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Armed men stormed the village of Orlo, killing four farmers.")
    assert ("ASSAULT", "Armed men", "farmers", "asserted") in _types(events)


def test_a_participle_under_a_verb_of_control_stays_held_back(nlp, settings) -> None:
    text = "The Norland delegation was able to support Ilse Brand at the convention."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "SUPPORT"]


def test_criticisms_lobbed_at_a_rival_are_disapproval(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The Mendoza campaign has lobbed harsh criticisms of Senator Alvarez.")
    assert [(e.type, e.target) for e in events] == [("DISAPPROVE", "Alvarez")]


def test_disagreeing_with_a_party_is_disapproval(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Senator Alvarez disagrees with President Okafor on the tariff bill.")
    assert [(e.type, e.actor, e.target) for e in events] == [("DISAPPROVE", "Alvarez", "Okafor")]


@pytest.mark.parametrize(
    "text",
    [
        "Minister Tove Lind dismissed the report as partisan noise.",
        "Governor Reyes has a message that will appeal to suburban voters.",
        "Senator Alvarez offered a sober analysis of the budget.",
        "Ilse Brand discussed the harvest figures at length on the radio.",
    ],
)
def test_everyday_senses_of_event_words_are_not_emitted(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_an_appeal_for_an_act_is_still_a_demand(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The Norland government appealed for calm after the riots in Orlo.")
    assert "DEMAND" in [e.type for e in events]


def test_a_contracted_had_is_a_past_act_not_a_plan(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Mayor Alder, who'd previously endorsed Governor Reyes, spoke on Monday.")
    assert ("SUPPORT", "Alder", "Reyes", "asserted") in _types(events)


def test_a_negated_verb_above_a_relative_clause_does_not_deny_it(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The clerk had not made the changes Senator Alvarez requested.")
    assert [(e.type, e.status) for e in events] == [("DEMAND", "asserted")]


def test_should_on_the_event_itself_is_a_demand_not_a_happening(nlp, settings) -> None:
    events = _coded(nlp, settings, "Governor Reyes should cut ties with Senator Alvarez.")
    assert [e.status for e in events] == ["demanded"]


def test_two_triggers_of_one_visit_in_one_sentence_are_one_event(nlp, settings) -> None:
    text = "The envoy of Norland visited the capital on Thursday to meet with Valmoran ministers."
    assert [e.type for e in _emitted(nlp, settings, text)] == ["CONSULT"]


def test_a_fronted_place_or_channel_is_not_the_target(nlp, settings) -> None:
    events = _emitted(nlp, settings, "On KTVX Tuesday, Senator Alvarez called for an open primary.")
    assert [(e.type, e.target) for e in events] == [("DEMAND", None)]


def test_a_policy_proposed_to_no_one_is_no_agreement(nlp, settings) -> None:
    assert _emitted(nlp, settings, "The candidate proposes allowing farmers to deduct fuel costs.") == []


def test_an_event_told_in_a_when_or_while_clause_is_emitted(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The mayor smiled while the union praised Senator Alvarez.")
    assert ("SUPPORT", "union", "Alvarez", "asserted") in _types(events)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Governor Reyes also took a shot at Senator Alvarez without naming her.", "Alvarez"),
        ("Senator Alvarez breaks with President Okafor on the tariff bill.", "Okafor"),
    ],
)
def test_idioms_of_criticism_are_disapproval(nlp, settings, text: str, target: str) -> None:
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("DISAPPROVE", target)]


def test_breaking_with_a_custom_is_no_event(nlp, settings) -> None:
    assert _emitted(nlp, settings, "The museum breaks with tradition this year.") == []


def test_has_yet_to_denies_the_event(nlp, settings) -> None:
    events = _coded(nlp, settings, "Norland has yet to apologize to Valmora.")
    assert [e.status for e in events] == ["denied"]


@pytest.mark.parametrize(
    "text",
    [
        "What Norland wants most is to besiege the rebels.",
        "The only hope the rebels have is for Norland to oppose Valmora's plan.",
    ],
)
def test_an_act_named_as_a_wish_is_not_emitted(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_he_in_a_speakers_own_words_is_not_the_speaker(nlp, settings) -> None:
    text = '"He did try to intimidate me," said Ilse Brand, who wrote about the visit.'
    assert [e for e in _emitted(nlp, settings, text) if e.actor == "Ilse Brand"] == []


def test_a_question_before_asked_is_no_demand(nlp, settings) -> None:
    text = '"Why not?" Governor Reyes asked, repeating a line from the debate.'
    assert [e for e in _emitted(nlp, settings, text) if e.type == "DEMAND"] == []


def test_the_one_urged_to_act_is_not_the_actor_of_an_event(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The party urged Senator Tom Alder to endorse Ilse Brand.")
    assert _types(events) == [("DEMAND", "party", "Tom Alder", "asserted")]


def test_a_forced_act_keeps_its_object_as_actor(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The Norland army forced the rebels to withdraw from the valley.")
    assert [(e.type, e.actor) for e in events] == [("RETREAT", "rebels")]


def test_who_calls_on_others_to_attack_is_not_the_attacker_nor_are_they(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The rebel group has called on its members to attack soldiers in Norland.")
    assert [(e.type, e.actor) for e in events] == [("DEMAND", "rebel group")]


@pytest.mark.parametrize(
    "text",
    [
        "In a flood the council could call on the army for boats.",
        "The ministry could scrap the order or refuse to take the case to the High Court.",
        "The ministry could consider imposing sanctions on Valmoran banks.",
        "Valmora can demonstrate its support for Ostria and send troops to the border.",
    ],
)
def test_a_possible_act_is_not_emitted(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_could_not_is_no_mere_possibility(nlp, settings) -> None:
    # "could not support X" withholds backing: a refusal (REJECT), never a possibility held back
    events = _coded(nlp, settings, "Senator Ilse Brand could not support Tom Alder after the vote.")
    assert _types(events) == [("REJECT", "Ilse Brand", "Tom Alder", "asserted")]


@pytest.mark.parametrize(
    "text", ["Farm workers picket every trade fair.", "Farmers who oppose the new water tax gathered in the square."]
)
def test_a_habit_described_is_not_a_happening(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_a_standing_support_of_a_party_in_a_relative_clause_stays(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Mayor Ilse Brand, who backs Tom Alder, spoke on Monday.")
    assert _types(events) == [("SUPPORT", "Ilse Brand", "Tom Alder", "asserted")]


def test_hosting_a_convention_is_no_meeting(nlp, settings) -> None:
    assert _emitted(nlp, settings, "The Norland party will host its yearly convention in Orlo.") == []


def test_hosting_a_minister_is_a_meeting(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Norland hosted Valmora's foreign minister on Monday.")
    assert [e.type for e in events] == ["CONSULT"]


def test_demanding_to_know_is_a_question(nlp, settings) -> None:
    text = "A student demanded to know whether the council would sell the old school."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "DEMAND"] == []


def test_a_finite_clause_after_asked_is_no_demand(nlp, settings) -> None:
    text = "Tom Alder asked, as he had before, that the old mayor was responsible for the flood."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "DEMAND"] == []


def test_asking_that_someone_be_removed_is_a_demand(nlp, settings) -> None:
    assert [e.type for e in _emitted(nlp, settings, "Tom Alder asked that the mayor be removed.")] == ["DEMAND"]


def test_meeting_a_requirement_is_no_meeting(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Ilse Brand did not meet the party's signature requirement.") == []


def test_those_to_blame_blame_no_one(nlp, settings) -> None:
    text = "The mayor said the unions and the press are to blame for the strike."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "DISAPPROVE"] == []


def test_a_participle_on_a_noun_does_not_take_the_host_subject_as_actor(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Norland Senate passes law criticized as unfair.") == []


def test_an_appeal_to_voters_is_no_demand(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Tom Alder's appeal to rural voters has limits.") == []


def test_a_request_turned_down_was_made(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The Norland Post turned down an interview request from Tom Alder.")
    assert [(e.type, e.status) for e in events if e.type == "DEMAND"] == [("DEMAND", "asserted")]


def test_a_meeting_of_one_body_is_no_meeting_of_parties(nlp, settings) -> None:
    text = "Tom Alder will speak on Friday before a meeting of the Norland Farmers League."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "CONSULT"] == []


def test_a_meeting_of_two_parties_stays(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Tom Alder spoke after a meeting of Norland and Valmora in Orlo.")
    assert [e.type for e in events] == ["CONSULT"]


def test_recognising_a_fact_is_no_support(nlp, settings) -> None:
    assert _emitted(nlp, settings, "The council recognized that a judge should decide the case.") == []


def test_backing_a_plan_is_no_support_of_a_party(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Norland backs plans to cut the debt of Valmora.") == []


def test_supporting_a_government_stays(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Norland supports the government of Valmora.")
    assert [(e.type, e.actor) for e in events] == [("SUPPORT", "Norland")]


def test_not_endorsing_a_candidate_stays_a_denied_support(nlp, settings) -> None:
    text = "Ilse Brand, who has not endorsed a candidate in the primary, spoke on Monday."
    assert [(e.type, e.status) for e in _coded(nlp, settings, text)] == [("SUPPORT", "denied")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Senator Ilse Brand lashed out at Mayor Tom Alder on Monday.", "DISAPPROVE"),
        ("Tom Alder mocked the Norland governor in a speech on Friday.", "DISAPPROVE"),
        ("The Norland party sided with Valmora in the dispute.", "SUPPORT"),
        ("The plan drew an outcry from farm groups.", "DISAPPROVE"),
        ("Senator Tom Alder railed against the Norland government on Monday.", "DISAPPROVE"),
        ("Farm groups took issue with the mayor's claims.", "DISAPPROVE"),
    ],
)
def test_everyday_words_of_criticism_and_support_are_coded(nlp, settings, text: str, kind: str) -> None:
    assert [e.type for e in _emitted(nlp, settings, text)] == [kind]


def test_taking_an_issue_seriously_is_no_criticism(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Neither candidate takes the issue seriously.") == []


def test_a_pending_deal_is_not_an_agreement_yet(nlp, settings) -> None:
    text = "Norland's pending trade deal with Valmora faces a vote in the council."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "AGREE"] == []


def test_shooting_back_is_a_retort(nlp, settings) -> None:
    assert [e for e in _emitted(nlp, settings, "Tom Alder shot back, smiling.") if e.type == "ASSAULT"] == []


def test_a_talk_is_a_speech_not_talks(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Tom Alder's talk on farming ran for an hour.") == []


def test_an_inverted_condition_is_no_happening(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Norland will cut aid should Valmora refuse to withdraw its troops.")
    assert [e for e in events if e.type == "REJECT"] == []


def test_violating_safety_rules_is_no_rejection(nlp, settings) -> None:
    assert _emitted(nlp, settings, "The company violated safety rules, inspectors said.") == []


def test_declining_to_explain_a_plan_is_no_rejection(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Tom Alder declined to explain what the deal would include.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Norland president met Valmora's envoy and the families of the victims.",
        "Ilse Brand and Tom Alder met the crowd in Orlo.",
    ],
)
def test_meeting_people_who_are_no_named_party_is_still_a_meeting(nlp, settings, text: str) -> None:
    assert [e.type for e in _emitted(nlp, settings, text)] == ["CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Norland said the army could intervene and Valmoran rebels attacked the base on Monday.",
        "The Norland army could intervene, and Valmoran rebels attacked a police base on Monday.",
    ],
)
def test_a_conjoined_clause_with_its_own_subject_is_not_under_could(nlp, settings, text: str) -> None:
    assert [e.actor for e in _emitted(nlp, settings, text) if e.type == "ASSAULT"] == ["Valmoran rebels"]


@pytest.mark.parametrize(
    "text",
    [
        "The Norland army hit back at Valmoran rebel positions with airstrikes.",
        "The Norland army fired back with artillery.",
    ],
)
def test_fire_returned_with_weapons_or_at_positions_is_an_assault(nlp, settings, text: str) -> None:
    assert [e.type for e in _emitted(nlp, settings, text)] == ["ASSAULT"]


def test_an_appeal_to_someone_to_act_is_a_demand(nlp, settings) -> None:
    text = "Norland's appeal to the international community to send aid came on Monday."
    assert [(e.type, e.actor) for e in _emitted(nlp, settings, text)] == [("DEMAND", "Norland")]


def test_a_host_with_nothing_hosted_in_its_clause_hosts_the_talks(nlp, settings) -> None:
    text = "Norland and Valmora will resume talks next week, and Ostria will host."
    assert [e.actor for e in _coded(nlp, settings, text) if e.type == "CONSULT"] == ["Norland and Valmora", "Ostria"]


def test_shooting_back_at_a_person_is_still_a_retort(nlp, settings) -> None:
    text = "Senator Tom Alder shot back at Mayor Ilse Brand on Monday."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "ASSAULT"] == []


def test_a_host_with_nothing_hosted_and_no_talks_named_hosts_a_show(nlp, settings) -> None:
    text = "The comedian Tom Alder hosted and the singer Ilse Brand performed on Saturday."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "CONSULT"] == []


def test_an_adjective_describing_the_thing_aimed_at_is_no_target(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Police in Norland are investigating the Democratic fundraiser for fraud.")
    assert [(e.type, e.target) for e in events] == [("INVESTIGATE", None)]


def test_a_demonym_on_a_plural_stays_the_target(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Valmoran forces shelled Ukrainian cities overnight.")
    assert [e.target for e in events if e.type == "ASSAULT"] == ["Ukraine"]  # the country the adjective names


@pytest.mark.parametrize(
    "text",
    [
        "The former general pleaded guilty to mishandling classified files.",
        "The company pleaded no contest to the pollution charges.",
    ],
)
def test_a_plea_in_court_is_no_demand(nlp, settings, text: str) -> None:
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "DEMAND"]


def test_a_plea_to_a_party_is_a_demand(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The farmers pleaded with the ministry to delay the new rules.")
    assert [(e.type, e.target) for e in events if e.type == "DEMAND"] == [("DEMAND", "ministry")]


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ruth Vale invited party leaders to a dinner at her home.",
        "Senator Ruth Vale invited the club's members to a picnic on Sunday.",
    ],
)
def test_an_invitation_to_anything_but_talks_is_no_agreement(nlp, settings, text: str) -> None:
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "AGREE"]


def test_an_invitation_to_talks_is_an_agreement(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The president invited the rebel leaders to talks in the capital.")
    assert [(e.type, e.target) for e in events] == [("AGREE", "rebel leaders")]


def test_a_warning_that_only_advises_is_no_threat(nlp, settings) -> None:
    text = "Health officials warned people to stay indoors during the heat wave."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "THREATEN"]


def test_an_ultimatum_is_a_threat(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The army warned the rebels to leave the town or face an assault.")
    assert [(e.type, e.target) for e in events if e.type == "THREATEN"] == [("THREATEN", "rebels")]


def test_an_adjective_on_a_person_noun_gives_the_person_as_target(nlp, settings) -> None:
    text = "The inspectors in Norland were investigating the Democratic presidential candidate."
    events = _emitted(nlp, settings, text)
    assert [(e.type, e.target) for e in events] == [("INVESTIGATE", "Democratic presidential candidate")]


def test_a_threat_named_as_a_danger_is_no_threat_made(nlp, settings) -> None:
    text = "Senator Tom Alder spoke about the threat from the Black Wolf militia."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "THREATEN"] == []


def test_a_threat_issued_against_a_party_is_still_a_threat(nlp, settings) -> None:
    text = "The Black Wolf militia issued a threat against Norland."
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("THREATEN", "Norland")]


def test_seizing_on_an_issue_is_no_seizure(nlp, settings) -> None:
    text = "The Black Wolf militia had seized on the dispute as a weapon."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "COERCE"] == []


def test_money_shelled_out_is_no_shelling(nlp, settings) -> None:
    text = "The campaign shelled out two million dollars for television ads."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "ASSAULT"] == []


def test_looking_off_into_the_distance_is_no_inquiry(nlp, settings) -> None:
    text = '"I grew up there," Alder said, looking off into the distance.'
    assert [e for e in _emitted(nlp, settings, text) if e.type == "INVESTIGATE"] == []


def test_looking_into_allegations_is_still_an_inquiry(nlp, settings) -> None:
    text = "The Norland police will look into the allegations."
    assert [e.type for e in _coded(nlp, settings, text)] == ["INVESTIGATE"]


def test_has_yet_to_is_no_demand(nlp, settings) -> None:
    text = "Tom Alder said the Norland campaign has yet to follow up."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "DEMAND"] == []


def test_rallying_ones_own_members_is_no_protest(nlp, settings) -> None:
    assert _emitted(nlp, settings, "The union rallied its members outside the factory.") == []
    assert [e.type for e in _emitted(nlp, settings, "Farmers rallied against the new tax in Orlo on Monday.")] == [
        "PROTEST"
    ]


def test_only_a_nations_adjective_stands_for_a_party_as_owner(nlp) -> None:
    from storyline.analyze.events.trust import party

    doc = nlp("Norland rejected Republican proposals and Israeli changes to the plan.")
    by_text = {t.text: t for t in doc}
    assert not party(by_text["Republican"], owned=True)  # a party's proposals: the proposals, no party
    assert party(by_text["Israeli"], owned=True)  # "Israeli changes": Israel's


def test_an_interviewers_letter_is_no_party(nlp) -> None:
    from storyline.analyze.events.trust import party

    doc = nlp("Q: Did Norland meet Valmora?")
    assert doc[0].text == "Q" and not party(doc[0])


def test_leading_the_charge_is_no_charge(nlp, settings) -> None:
    text = "Online grocery delivery is growing fast, and Valmart is leading the charge."
    assert [e for e in _emitted(nlp, settings, text) if e.type == "DISAPPROVE"] == []
    text = "Senator Tom Alder led the charge against Governor Ilse Brand."
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("DISAPPROVE", "Ilse Brand")]


def test_carrying_out_attacks_is_still_an_assault(nlp, settings) -> None:
    text = "The Black Wolf militia carried out two attacks on Norland villages in May."
    assert [e.type for e in _emitted(nlp, settings, text)] == ["ASSAULT"]


# --- round 7: only told happenings are emitted; senses that are seldom the event (branch ev7) ----


def _held(nlp, settings, text: str) -> list[tuple[str, str, str]]:
    """(type, status, reason) of each held-back event."""
    analysis = analyze(_article(text), settings, nlp)
    return [(e.type, e.status, e.held_back or "") for e in analysis.held_back]


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        ("Norland will hold talks with Valmora next week.", "CONSULT", "planned"),
        ("Senator Ilse Brand did not endorse Tom Alder.", "SUPPORT", "denied"),
        ("Tom Alder called on Tuesday for Judge Ilse Brand to resign.", "RETREAT", "demanded"),
    ],
)
def test_an_event_not_told_as_a_happening_is_held_back_with_its_status(nlp, settings, text, type_, status) -> None:
    assert not [e for e in _emitted(nlp, settings, text) if e.type == type_]
    assert [(t, s) for t, s, why in _held(nlp, settings, text) if t == type_ and why.startswith("status:")] == [
        (type_, status)
    ]


def test_a_told_happening_is_still_emitted(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Senator Ilse Brand endorsed Tom Alder on Monday.")
    assert _types(events) == [("SUPPORT", "Ilse Brand", "Tom Alder", "asserted")]


def test_a_name_that_only_modifies_a_thing_is_no_target(nlp, settings) -> None:
    text = "Ilse Brand opposes the Norland Senate rule."
    assert not _emitted(nlp, settings, text)
    assert [why for _t, _s, why in _held(nlp, settings, text)][0].startswith("target: a name that only modifies")


def test_a_name_before_a_group_noun_or_an_own_act_stays_a_target(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Ilse Brand derided the Norland Senate plan.")
    assert [(e.type, e.target) for e in events] == [("DISAPPROVE", "Norland Senate")]


def test_a_headline_infinitive_is_a_plan_not_a_happening(nlp, settings) -> None:
    text = "Sen. Okafor to back Marsh for governor."
    assert not _emitted(nlp, settings, text)
    assert [why for _t, _s, why in _held(nlp, settings, text)][0].startswith("status: a headline")


def test_defending_a_record_is_no_support_but_defending_a_person_is(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Governor Reyes defended his record on Sunday.")
    events = _emitted(nlp, settings, "Governor Reyes defended Tom Alder on Sunday.")
    assert _types(events) == [("SUPPORT", "Reyes", "Tom Alder", "asserted")]


@pytest.mark.parametrize(
    "text", ["The court allowed Tom Alder to run.", "The firm took steps to strengthen its legal position."]
)
def test_allowing_or_taking_steps_is_no_concession(nlp, settings, text) -> None:
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "CONCEDE"]


def test_a_coordinated_verb_shares_would_with_its_head(nlp, settings) -> None:
    text = "Tom Alder would leave the party and endorse Ilse Brand."
    assert not _emitted(nlp, settings, text)
    assert [(e.type, e.status) for e in _coded(nlp, settings, text)] == [("SUPPORT", "planned")]


def test_at_no_time_denies_the_event(nlp, settings) -> None:
    text = "At no time did Norland agree to a ceasefire with Valmora."
    assert [(e.type, e.status) for e in _coded(nlp, settings, text)] == [("AGREE", "denied")]


def test_agreeing_with_someone_is_no_agreement_but_agreeing_on_something_is(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Senator Alvarez agrees with Governor Reyes.")
    events = _emitted(nlp, settings, "Norland agreed with Valmora on a ceasefire.")
    assert [(e.type, e.actor, e.target) for e in events] == [("AGREE", "Norland", "Valmora")]


@pytest.mark.parametrize(
    "text",
    [
        '"These gangs are a menace, they need to be stopped by the townspeople themselves," Mayor Alvarez said.',
        '"We have to decide what is fair and what is not," Alvarez said.',
    ],
)
def test_a_passive_or_first_person_must_is_no_demand(nlp, settings, text) -> None:
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "DEMAND"]


def test_a_must_said_of_another_party_stays_a_demand(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Norland must withdraw its troops from Valmora, Senator Brand said.")
    assert [(e.type, e.actor, e.target) for e in events] == [("DEMAND", "Brand", "Norland")]


def test_conceding_a_point_is_no_concession_but_conceding_is(nlp, settings) -> None:
    text = '"The count is lost," campaign manager Tom Okafor conceded on the radio.'
    assert not _emitted(nlp, settings, text)
    assert [e.type for e in _emitted(nlp, settings, "Tom Alder conceded on Tuesday.")] == ["CONCEDE"]


def test_the_source_of_a_report_is_no_target(nlp, settings) -> None:
    text = "The Brand Gallery opened its doors to thirty receptions last year, according to spokesman Tom Alder."
    assert not _emitted(nlp, settings, text)


def test_an_often_repeated_meeting_is_a_habit(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Senator Brand and Governor Reyes often meet.")


def test_leaving_a_post_in_a_firm_is_no_retreat_but_leaving_a_party_post_stays(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Ilse Brand resigned on Friday as chief executive of Brand Foods.")
    events = _emitted(nlp, settings, "Ilse Brand resigned as chair of the Norland Labour Party.")
    assert [e.type for e in events] == ["RETREAT"]


def test_calling_off_ones_own_trip_is_no_rejection(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Governor Reyes cancelled his visit to Valmora on Monday.")


def test_a_generic_groups_standing_support_is_no_happening_but_a_named_groups_stays(nlp, settings) -> None:
    text = "Small farmers, who largely back Governor Reyes, have had good harvests."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "SUPPORT"]
    text = "The Republicans, who support Senator Brand, met on Monday."
    assert [(e.actor, e.target) for e in _emitted(nlp, settings, text) if e.type == "SUPPORT"] == [
        ("Republicans", "Brand")
    ]


def test_defending_ones_own_call_is_no_support(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Mayor Okafor defended his plan to close the harbour road.")
    assert [e.type for e in _emitted(nlp, settings, "Tom Alder defended his brother on Tuesday.")] == ["SUPPORT"]


def test_the_one_who_says_it_is_no_target(nlp, settings) -> None:
    text = (
        "At a briefing in Norvik, Interior Ministry spokeswoman Ilse Brand said that Valmora opposed the tariff "
        "and voted against it."
    )
    assert not [e for e in _emitted(nlp, settings, text) if e.target == "Ilse Brand"]
    assert [(e.type, e.target) for e in _emitted(nlp, settings, "Tom Alder said Norland opposed Valmora.")] == [
        ("REJECT", "Valmora")
    ]


def test_he_is_not_a_plural_speaker(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Campaign aides said he had rejected a televised debate with the Valmora envoy.")


def test_killing_a_bill_is_no_violence(nlp, settings) -> None:
    text = "Opposition senators in Valmora finally killed the tax bill after a long debate."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "ASSAULT"]


def test_thanking_a_place_is_no_support_but_thanking_a_party_is(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Mayor Alvarez thanked her home town in a short speech.")
    events = _emitted(nlp, settings, "Senator Brand thanked Governor Reyes for his support.")
    assert [(e.type, e.target) for e in events] == [("SUPPORT", "Reyes")]


def test_defending_seats_is_no_support(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Norland's Labour Party is defending a handful of rural seats next spring.")


# Sentences that tell of no happening a party did, each with the type it must not be emitted as
# (and, for a place read as a target, the target it must not have).
NOT_HAPPENINGS = [
    ("Senator Ilse Brand declined to attack Governor Tom Alder during the debate on Sunday.", "REJECT", None),
    ("Tom Alder, a farmer in Selm, said he will not vote for Ilse Brand in the spring.", "REJECT", None),
    ("Governor Tom Alder gave paid speeches to the Norland Bank in 2019.", "AID", None),
    ("Ilse Brand is trying to persuade other farmers to support Tom Alder.", "SUPPORT", None),
    ("Shares in Selm rose on expectations of a Norland-Valmora trade deal.", "AGREE", None),
    ("Governor Tom Alder rejected the notion that he was part of the Selm establishment.", "REJECT", None),
    ("One of the deported men was later killed in Valmora, his country of birth.", "ASSAULT", "Valmora"),
    ("Tom Alder was questioned about the Norland Bank lawsuits during the debate.", "DISAPPROVE", None),
    ("The Norland leader frequently meets with members of the Valmora parliament.", "CONSULT", None),
    ("Rights groups warned that such a ban would be unacceptable and harmful.", "THREATEN", None),
    ("Suppose Norland demanded that Valmora pay for the dam before it would sign.", "DEMAND", None),
    ("The two leaders talked past each other for years.", "CONSULT", None),
    ("Tom Alder was rebuked for his proposal to ban Valmoran traders from the market.", "COERCE", None),
    ("Whatever Tom Alder charged his campaign for rent was coming from Alder himself.", "DISAPPROVE", None),
    ("The easiest path for the union is getting Governor Tom Alder to resign.", "RETREAT", None),
    ("Tom Alder will wait for the vote before he throws his support to Ilse Brand.", "SUPPORT", None),
    ("Ilse Brand volunteered for the Tom Alder campaign in 2019.", "AGREE", None),
    ("Tom Alder has pushed the same farm agenda for a decade.", "DEMAND", None),
    ("Tom Alder has avoided directly criticizing the Selm council.", "DISAPPROVE", None),
    ("The Selm League gave $2 million to the Tom Alder campaign in May.", "AID", None),
    ("Tom Alder insists the league must be a club of ideas.", "DEMAND", None),
    ("Most recently, Tom Alder called to ban Valmoran traders from the market.", "COERCE", None),
    ('Tom Alder said, "Let the United Nations ask other countries to take the refugees."', "DEMAND", None),
    ("The Selm board should formally ask the minister to open an inquiry.", "DEMAND", None),
    ("Norland has been hosting thousands of refugees from Valmora.", "CONSULT", None),
    ("Ilse Brand visited her daughter Anna in Selm on Monday.", "CONSULT", None),
    ("Megan Ode asked for an interview because she wanted to talk about the dam.", "DEMAND", None),
    ("Tom Alder rejected the idea that he was a drag on the ticket.", "REJECT", None),
    ('Tom Alder called the attack that killed five guards "an assault on our town."', "ASSAULT", None),
    ("Tom Alder pleaded to two counts of bribery last year.", "DEMAND", None),
    ('"I looked into the eyes of the parents," Tom Alder said.', "INVESTIGATE", None),
]

# Their near neighbours that do tell of a happening, and the type each must be emitted as.
HAPPENINGS = [
    ("Valmora refused Norland's demand to withdraw its troops from the border.", "REJECT"),
    ("Norland gave food and medicine to Valmora on Monday.", "AID"),
    ("Mayor Ilse Brand rejected the union's demand for a pay rise on Monday.", "REJECT"),
    ("Valmoran forces shelled the border town of Carvo on Sunday.", "ASSAULT"),
    ("Norland warned Valmora that it would close the border if the raids went on.", "THREATEN"),
    ("Prosecutors charged Tom Alder with fraud on Monday.", "DISAPPROVE"),
    ("Valmora banned Norland's traders from the market on Monday.", "COERCE"),
    ("It was wrong for Governor Tom Alder to criticize the Selm farmers' union on Monday.", "DISAPPROVE"),
    ("Norland volunteered to mediate between Valmora and Selm.", "AGREE"),
    ("Tom Alder pushed Valmora to release the prisoners.", "DEMAND"),
    ("Norland gave $40 million to Valmora for flood relief.", "AID"),
    ("Tom Alder insisted that Valmora withdraw its troops.", "DEMAND"),
    ("Norland hosted the Valmoran president on Monday.", "CONSULT"),
    ("The court refused to let Valmora seize the ships.", "REJECT"),
    ("Tom Alder rejected the idea of a second vote.", "REJECT"),
    ("Tom Alder asked for a recount in Selm.", "DEMAND"),
    ("Tom Alder visited Valmora's president in Selm.", "CONSULT"),
    ("The union called a strike on Monday.", "PROTEST"),
    ("Ilse Brand pleaded with the council to reopen the dam.", "DEMAND"),
    ("Police looked into the fire at the Selm depot.", "INVESTIGATE"),
    ("Gunmen linked with the group attacked a bus near Carvo on Tuesday.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "kind", "target"), NOT_HAPPENINGS)
def test_non_acts_intentions_hopes_habits_and_misread_parties_are_not_emitted(
    nlp, settings, text: str, kind: str, target: str | None
) -> None:
    found = [e for e in _emitted(nlp, settings, text) if e.type == kind and target in {None, e.target}]
    assert not found


@pytest.mark.parametrize(("text", "kind"), HAPPENINGS)
def test_refusals_aid_shelling_and_threats_of_ones_own_act_stay(nlp, settings, text: str, kind: str) -> None:
    assert [e for e in _emitted(nlp, settings, text) if e.type == kind]


def test_what_someone_insists_another_did_is_their_claim_not_a_demand(nlp, settings) -> None:
    found = [
        e for e in _emitted(nlp, settings, "Tom Alder insists that Ilse Brand asked the clerks to shred the files.")
    ]
    assert [(e.type, e.actor, e.status, e.source) for e in found] == [("DEMAND", "Ilse Brand", "reported", "Tom Alder")]


def test_the_released_and_the_place_left_are_not_the_actor(nlp, settings) -> None:
    # before, "the release of the Carvo detainees" made the detainees the ones releasing
    released = _coded(nlp, settings, "The group keeps sending out notes about the release of the Carvo detainees.")
    assert not [e for e in released if e.type == "RETREAT" and e.actor and "detainees" in e.actor]
    announced = _coded(nlp, settings, "Valmora announced the release of the Carvo detainees on Monday.")
    assert [(e.type, e.actor) for e in announced if e.type == "RETREAT"] == [("RETREAT", "Valmora")]
    left = _emitted(nlp, settings, "The withdrawal of Valmoran troops from Carvo began on Monday.")
    assert [(e.type, e.actor) for e in left] == [("RETREAT", "Valmoran troops")]


def test_a_passive_coordination_shares_its_subject_and_its_agent(nlp, settings) -> None:
    # before, "killed" took the agent as its target and the victim was lost
    events = _emitted(nlp, settings, "Tom Alder was shot and killed by a police officer in Selm.")
    assert [(e.type, e.actor, e.target) for e in events] == [("ASSAULT", "police officer", "Tom Alder")]


def test_the_owner_of_an_arrest_is_the_one_arrested(nlp, settings) -> None:
    events = _coded(nlp, settings, "Days after Tom Alder's arrest, Ilse Brand volunteered to replace him.")
    assert not [e for e in events if e.type == "COERCE" and e.actor == "Tom Alder"]
    ordered = _emitted(nlp, settings, "Norland's arrest of Tom Alder angered Valmora.")
    assert [(e.type, e.actor, e.target) for e in ordered] == [("COERCE", "Norland", "Tom Alder")]


def test_the_subject_pronoun_of_an_adverbial_clause_with_two_candidates_is_left_out(nlp, settings) -> None:
    text = "Governor Tom Alder described Senator Ilse Brand as a disgrace after she attacked the police."
    assert not [e for e in _emitted(nlp, settings, text) if e.trigger == "attacked"]


def test_him_is_not_a_noun_owned_by_his(nlp, settings) -> None:
    events = _coded(nlp, settings, "The government denied his party the seats and jailed him along with other leaders.")
    assert not [e for e in events if e.target == "his party"]


def test_a_fight_on_a_side_is_with_that_side_not_against_it(nlp, settings) -> None:
    events = _coded(nlp, settings, "A militia fighting on the Valmoran side was founded by Tom Alder.")
    assert [e.target for e in events if e.type == "ASSAULT"] == [None]


def test_hosting_a_named_convention_is_no_meeting(nlp, settings) -> None:
    assert not _emitted(nlp, settings, "Port Elm hosted the Norland Liberal Convention without major incident.")
    assert _emitted(nlp, settings, "Port Elm hosted the Valmoran delegation on Monday.")


def test_an_act_inside_a_voiced_concern_is_the_holders_claim(nlp, settings) -> None:
    named = "Critics have voiced concerns that officials were restricting information about the outbreak."
    assert [e.status for e in _emitted(nlp, settings, named) if e.type == "COERCE"] == ["reported"]
    unnamed = (
        "Although the agency tried to calm residents after the outbreak, many voiced concerns that "
        "officials were restricting information about it."
    )
    assert [e.status for e in _coded(nlp, settings, unnamed) if e.type == "COERCE"] == ["hedged"]


def test_one_called_on_is_found_when_the_parser_leaves_on_empty(nlp) -> None:
    from spacy.tokens import Doc

    from storyline.analyze.events.participants import stranded_call

    # the parse the model gives some "called on Gov. X (R) to resign" sentences: "on" without an
    # object and the governor as a second subject after the verb
    words = ["Alder", "called", "on", "Governor", "Brel", "to", "resign", "."]
    heads = [1, 1, 1, 4, 1, 6, 1, 1]
    deps = ["nsubj", "ROOT", "prep", "compound", "nsubj", "aux", "xcomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert [t.text for t in stranded_call(doc[1])] == ["Brel"]
    parsed = nlp("Alder called on Governor Brel to resign.")
    assert stranded_call(parsed[1]) == []  # "on" has its object: nothing stranded


@pytest.mark.parametrize(
    ("text", "kind", "wrong_target"),
    [
        # a party inside an apposition describes the thing pushed for
        ("Tom Alder pushed for a land tax, a dream for many farmers, on Monday.", "DEMAND", "farmers"),
        # those who suffer the harm opposed or condemned are not its target
        ("Ilse Brand has vocally opposed any discrimination against migrants.", "REJECT", "migrants"),
        ("Ilse Brand condemned the attacks on Selm.", "DISAPPROVE", "Selm"),
        # a coordinated verb with its own object shares none
        ("Ilse Brand opposes the new tax and would appoint judges who would block it.", "REJECT", "judges"),
        # "is" says nothing: its subject is no speaker for the pronoun before the colon
        (
            'Senator Ilse Brand scolded him: "The whole council is against you on this," she said.',
            "DISAPPROVE",
            "whole council",
        ),
    ],
)
def test_a_target_is_not_taken_from_a_description_a_victim_or_another_clause(
    nlp, settings, text: str, kind: str, wrong_target: str
) -> None:
    found = [e for e in _emitted(nlp, settings, text) if e.type == kind]
    assert found and all(e.target != wrong_target for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "The group rounded up a sampling of the ways the doctor has been discredited.",
        "Norland extended minimum wage laws to the island.",
        "The firm signed a distribution agreement with Carvo Ltd in 2012.",
        "The service is launching with 22 games.",
    ],
)
def test_everyday_objects_of_arrest_law_treaty_and_war_game_verbs_are_no_events(nlp, settings, text: str) -> None:
    assert not _emitted(nlp, settings, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Police rounded up dozens of protesters.", "COERCE"),
        ("Norland extended martial law in the north.", "COERCE"),
        ("Norland signed a peace agreement with Valmora.", "SUPPORT"),
        ("Norland launched war games near the border.", "COOPERATE"),
    ],
)
def test_arrests_martial_law_treaties_and_war_games_stay(nlp, settings, text: str, kind: str) -> None:
    assert [e for e in _emitted(nlp, settings, text) if e.type == kind]


def test_an_act_someone_is_said_to_be_doing_is_hedged(nlp, settings) -> None:
    events = _coded(nlp, settings, "Two senior officials are said to be urging the mayor to sign the bill.")
    assert [(e.type, e.status) for e in events if e.type == "DEMAND"] == [("DEMAND", "hedged")]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ilse Brand agreed to a brief interview with the Carvo Herald.",
        "The firm made inquiries with three software suppliers, none of which led to a contract.",
    ],
)
def test_an_interview_granted_and_business_inquiries_are_no_events(nlp, settings, text: str) -> None:
    assert not _emitted(nlp, settings, text)


def test_a_third_person_pronoun_inside_a_quotation_is_not_the_speaker(nlp, settings) -> None:
    text = '"Not only are they supporting Brand, but they have been critical of Alder," Tom Evans said.'
    assert not [e for e in _emitted(nlp, settings, text) if e.actor == "Tom Evans"]


def test_a_plural_pronoun_does_not_stand_for_a_singular_subject_above(nlp, settings) -> None:
    text = (
        "The president has denounced suggestions by the front-runners, Tom Alder and Ilse Brand, "
        "that they would deport all migrants."
    )
    assert not [e for e in _coded(nlp, settings, text) if e.type == "COERCE" and e.actor == "president"]


def test_a_place_inside_a_clause_on_another_noun_is_not_the_target(nlp, settings) -> None:
    text = (
        "Critics condemned the sweeps in which forty workers were taken into custody as a bid to deter "
        "migrants escaping unrest in Valmora."
    )
    assert not [e for e in _coded(nlp, settings, text) if e.type == "COERCE" and e.target == "Valmora"]


def test_the_act_called_for_belongs_to_the_caller_and_is_asked_for(nlp, settings) -> None:
    text = "Tom Alder also decried Ilse Brand's repeated calls to ban all migrants."
    assert [e.actor for e in _coded(nlp, settings, text) if e.type == "COERCE"] == ["Ilse Brand"]
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "COERCE"]


def test_what_a_word_of_necessity_asks_for_has_not_happened(nlp, settings) -> None:
    events = _coded(
        nlp, settings, "Supporters see it as crucial that Ilse Brand and the party make genuine concessions."
    )
    assert [e.status for e in events if e.type == "CONCEDE"] == ["demanded"]


def test_the_one_quoted_in_a_free_relative_is_not_the_target(nlp, settings) -> None:
    text = (
        "Other leaders used blunt language to denounce what Prime Minister Tom Alder called Valmora's reckless actions."
    )
    assert not [e for e in _emitted(nlp, settings, text) if e.target == "Tom Alder"]


def test_insisting_on_air_that_something_is_so_is_a_claim(nlp, settings) -> None:
    assert not _emitted(nlp, settings, 'Tom Alder insisted on the radio that "there is no copying of the speech."')
    assert _emitted(nlp, settings, "Tom Alder insisted on a recount in Selm.")


@pytest.mark.parametrize(
    "text",
    [
        "Families in the valley burn wood for warmth every winter.",
        "Ilse Brand warned of the global implications an Alder presidency would have.",
    ],
)
def test_burning_fuel_and_warning_of_a_risk_are_no_events(nlp, settings, text: str) -> None:
    assert not _emitted(nlp, settings, text)


def test_a_warning_of_ones_own_retaliation_stays_a_threat(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Norland warned of retaliation if Valmora crossed the border.")
    assert [(e.type, e.target) for e in events] == [("THREATEN", "Valmora")]


def test_a_side_in_a_contest_is_no_target(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Tom Alder pushed hard for the tariff clause on the Liberal side.")
    assert [(e.type, e.target) for e in events] == [("DEMAND", None)]


def test_an_act_nested_in_one_called_for_is_asked_for_too(nlp, settings) -> None:
    text = "Two senators have called for Norland and its partners to send troops to fight the militia."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "ASSAULT"]
    assert [e.status for e in _coded(nlp, settings, text) if e.type == "ASSAULT"] == ["demanded"]


def test_a_meeting_someone_has_come_to_hold_is_planned(nlp, settings) -> None:
    events = _coded(nlp, settings, "Senator Tom Alder is in Carvo to meet the Green Alliance.")
    assert [e.status for e in events if e.type == "CONSULT"] == ["planned"]


@pytest.mark.parametrize(
    ("text", "agreed"),
    [
        ("Brand agrees.", False),
        ("Tom Alder agreed with Ilse Brand.", False),
        ("Norland and Valmora agreed on a ceasefire.", True),
        ("Norland agreed to talks with Valmora.", True),
    ],
)
def test_sharing_a_view_is_no_agreement(nlp, settings, text: str, agreed: bool) -> None:
    assert bool([e for e in _emitted(nlp, settings, text) if e.type == "AGREE"]) is agreed


def test_it_does_not_stand_for_a_plural_subject_above(nlp, settings) -> None:
    text = "A few dozen people picketed outside the Carvo Herald after it endorsed Ilse Brand."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "SUPPORT" and e.actor == "people"]


@pytest.mark.parametrize(
    "text",
    [
        "SEE MORE: Carvo strike: dock workers stay out for a third day",
        "Read more: Norland troops attack a village near Selm",
        "Not just the main index, even the Carvo 50 has been rallying while concerns over the economy grow.",
    ],
)
def test_link_teasers_and_market_rallies_are_no_events(nlp, settings, text: str) -> None:
    assert not _emitted(nlp, settings, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ines Carvo was killed on Sunday in a hit-and-run crash on the ring road.",
        "A strong earthquake shook the province of Orlo today, toppling houses and injuring at least 40 people.",
        "One farmer died when a landslide buried a tea terrace above the town, an official said.",
        "Outfielder Tom Alder signed a three-year contract with the Carvo Lions.",
        "The Lions and the Harriers are pushing hard to bring Alder back to the area.",
    ],
)
def test_accidents_natural_disasters_player_contracts_and_efforts_are_no_events(nlp, settings, text: str) -> None:
    assert not _emitted(nlp, settings, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Rebels stormed the town, killing six people.", "ASSAULT"),
        ("Norland is pressing Valmora to release the prisoners.", "DEMAND"),
    ],
)
def test_attacks_and_pressure_on_a_party_stay(nlp, settings, text: str, kind: str) -> None:
    assert [e for e in _emitted(nlp, settings, text) if e.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "The chip maker said on Monday that it signed a binding agreement to acquire Selmware for $300 million.",
        "Just a few weeks ago the two companies held a joint press conference in Carvo.",
        "Alder broke Brand's school scoring record with a free throw late in the first half.",
    ],
)
def test_takeovers_press_conferences_and_records_are_no_events(nlp, settings, text: str) -> None:
    assert not _emitted(nlp, settings, text)


def test_breaking_with_a_party_and_a_peace_accord_stay(nlp, settings) -> None:
    assert [e.type for e in _emitted(nlp, settings, "Tom Alder broke with the party leadership over the budget.")] == [
        "DISAPPROVE"
    ]
    assert [e.type for e in _emitted(nlp, settings, "Norland signed an agreement with Valmora to end the war.")] == [
        "SUPPORT"
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a warning of one's own consequences is a threat; an attacker stays one in a storm
        ("Valmora warned Ostravia of serious consequences if its troops crossed the border.", "THREATEN"),
        ("Gunmen killed twelve villagers near Selm as the storm raged.", "ASSAULT"),
        ("Militants burned the gas pipeline near Selm.", "ASSAULT"),
        ("Norland and Valmora signed a gas supply agreement on Monday.", "SUPPORT"),
        ("Norland and Valmora agreed after three days of talks.", "AGREE"),
    ],
)
def test_threats_attacks_and_state_agreements_near_the_new_exceptions_stay(nlp, settings, text: str, kind: str) -> None:
    assert [e for e in _emitted(nlp, settings, text) if e.type == kind]


def test_an_order_received_is_not_hearsay_and_an_important_witness_is_no_necessity(nlp, settings) -> None:
    ordered = _coded(nlp, settings, "Valmoran troops were told to withdraw from Selm.")
    assert all(e.status != "hedged" for e in ordered if e.type == "RETREAT")
    told = _coded(nlp, settings, "An important witness said that police beat the protesters in Selm.")
    assert all(e.status != "demanded" for e in told if e.type == "ASSAULT")


def test_a_deed_the_speaker_claims_stays_their_report_while_a_statement_is_their_act(nlp, settings) -> None:
    taken = _emitted(nlp, settings, "Insurgents say they have shelled the army base at Selm.")
    assert [(e.type, e.status) for e in taken] == [("ASSAULT", "reported")]
    condemned = _emitted(nlp, settings, "Ilse Brand said she condemned the attack.")
    assert [(e.type, e.status) for e in condemned] == [("DISAPPROVE", "asserted")]


def test_a_participle_hung_on_a_verb_of_saying_is_not_the_sayers_deed(nlp, settings) -> None:
    events = _coded(
        nlp, settings, "Rebels shelled the base on Monday, the Selm relief agency said, wounding nine soldiers."
    )
    assert all(e.actor != "Selm relief agency" for e in events)
    accusing = _emitted(nlp, settings, "The minister spoke for an hour, accusing the opposition of lying.")
    assert [(e.type, e.actor) for e in accusing] == [("DISAPPROVE", "minister")]


@pytest.mark.parametrize(
    "text",
    [
        "The county nurse warned parents about sending sick children to school.",
        "Police warned shoppers about scams.",
        "Forecasters put out a red wind warning for the islands.",
        "Voters opposed to the merger filled the town hall.",
        "Gardeners are rallying around the new compost scheme.",
        "In May, Tom Alder announced plans for a curfew in the port.",
        "A space probe built in Valmora sent back images of a comet.",
    ],
)
def test_advice_forecasts_descriptions_and_other_senses_are_no_events(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Farmers were opposed to the new tax.", "REJECT"),
        ("Norland announced plans to hold talks with Valmora.", "AGREE"),
        ("Police opened a probe into the fire.", "INVESTIGATE"),
    ],
)
def test_stances_intents_to_cooperate_and_inquiries_near_those_senses_stay(nlp, settings, text: str, kind: str) -> None:
    assert [e for e in _emitted(nlp, settings, text) if e.type == kind]


def test_a_party_named_inside_the_quoted_words_is_not_the_target_of_the_verb_after_them(nlp, settings) -> None:
    text = '"A man facing three trials has no business running this council," Tom Alder charged.'
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("DISAPPROVE", None)]


def test_a_headline_passive_without_its_auxiliary_keeps_the_one_it_is_done_to_as_target(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Valmora threatened with trade embargo") == []
    by = _emitted(nlp, settings, "Valmora threatened by Norland over border dispute")
    assert [(e.type, e.actor, e.target) for e in by] == [("THREATEN", "Norland", "Valmora")]
    active = _emitted(nlp, settings, "Norland threatened Valmora with sanctions.")
    assert [(e.type, e.actor, e.target) for e in active] == [("THREATEN", "Norland", "Valmora")]


@pytest.mark.parametrize(
    "text",
    [
        "Geologists mapped three fault lines under Selm.",
        "The groom marched into the hall at noon.",
        "Engineers attacked the cooling problem with larger fans.",
    ],
)
def test_a_noun_naming_a_kind_walking_in_and_tackling_a_task_are_no_events(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_protests_and_criticism_near_those_senses_stay(nlp, settings) -> None:
    assert [e.type for e in _emitted(nlp, settings, "Selm attacked the government's handling of the issue.")] == [
        "DISAPPROVE"
    ]
    assert [e.type for e in _emitted(nlp, settings, "Rebels attacked at dawn.")] == ["ASSAULT"]


def test_the_noun_a_participle_of_arrest_hangs_on_is_the_one_arrested(nlp, settings) -> None:
    events = _coded(nlp, settings, "Five protesters arrested in Selm")
    assert [(e.type, e.target) for e in events] == [("COERCE", "protesters")]
    caps = _coded(nlp, settings, "NORLAND'S SELM ARRESTED ON SUSPICION OF FRAUD")
    assert all(e.actor is None or "SELM" not in e.actor for e in caps)
    active = _coded(nlp, settings, "A tenants' association protested outside the town hall on Friday.")
    assert [e.actor for e in active] == ["tenants' association"]


def test_a_capitalised_heading_before_a_dash_is_not_the_one_arrested(nlp, settings) -> None:
    text = "May 3: ARRESTS – Anna Varga, 52, of Selm, was arrested by Selm police for shoplifting."
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("COERCE", "Anna Varga")]


def test_charging_a_price_is_no_accusation_while_charging_a_person_is(nlp, settings) -> None:
    assert _emitted(nlp, settings, "The museum charged a $12 entry fee.") == []
    charged = _emitted(nlp, settings, "Prosecutors charged Selm with fraud.")
    assert [(e.type, e.actor) for e in charged] == [("DISAPPROVE", "Prosecutors")]


def test_breaking_with_a_policy_is_no_break_with_a_party(nlp, settings) -> None:
    broke = _emitted(nlp, settings, "The mayor is breaking with a long Selm tradition by skipping the parade.")
    assert all(e.type != "DISAPPROVE" for e in broke)


def test_calling_someone_a_name_for_a_reason_is_no_call_for_anything(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Selm called him a liar for denying the deal.") == []
    called = _emitted(nlp, settings, "The union called for raising the minimum wage.")
    assert [(e.type, e.actor) for e in called] == [("DEMAND", "union")]


def test_putting_out_a_fire_and_taking_up_positions_are_no_coercion_or_capture(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Firefighters suppressed the blaze at the mill.") == []
    assert [e.type for e in _emitted(nlp, settings, "Police suppressed the protest on Sunday.")] == ["COERCE"]
    positions = _emitted(nlp, settings, "Snipers took up positions on the roofs of Selm.")
    assert all(e.type != "ASSAULT" for e in positions)
    assert [e.type for e in _emitted(nlp, settings, "Rebels took the airport on Monday.")] == ["ASSAULT"]


def test_asking_with_nothing_asked_for_is_a_question_not_a_demand(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Tom Alder asked in a post on Sunday.") == []
    assert [e.type for e in _emitted(nlp, settings, "Norland asked for help.")] == ["DEMAND"]


@pytest.mark.parametrize(
    "text",
    [
        "Selm already had two DUI arrests on his record.",
        "The guard pushed the cart out of the way.",
        "The agency's school programmes have been suspended since the strike began.",
        "Driver charged in fatal bridge collapse",
    ],
)
def test_offences_shoves_own_suspensions_and_the_one_charged_are_not_actors(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_suspending_anothers_privileges_and_pushing_a_party_stay(nlp, settings) -> None:
    suspended = _emitted(nlp, settings, "Valmora suspended Norland's trade privileges.")
    assert [(e.type, e.target) for e in suspended] == [("SANCTION", "Norland")]
    pushed = _emitted(nlp, settings, "Norland pushed Valmora to resume talks.")
    assert [(e.type, e.target) for e in pushed] == [("DEMAND", "Valmora")]


def test_recognising_a_kind_of_thing_is_no_diplomatic_recognition(nlp, settings) -> None:
    assert _emitted(nlp, settings, "In her book, Anna Varga recognises three kinds of drought.") == []
    recognised = _emitted(nlp, settings, "Norland recognised Valmora's new government.")
    assert [e.type for e in recognised] == ["SUPPORT"]


def test_a_thing_named_after_its_owner_gives_the_owner_as_target(nlp, settings) -> None:
    ruling = _emitted(nlp, settings, "Norland has denounced a Valmora court ruling on the ban.")
    assert [(e.type, e.target) for e in ruling] == [("DISAPPROVE", "Valmora court")]
    body = _emitted(nlp, settings, "The attorney general is investigating the Selm foundation.")
    assert [(e.type, e.target) for e in body] == [("INVESTIGATE", "Selm foundation")]


def test_a_capital_before_a_shop_locates_it_and_stands_for_no_government(nlp, settings) -> None:
    looted = _emitted(nlp, settings, "Youths smashed and looted a Lisbon shoe shop overnight.")
    assert all(e.target != "Portugal" for e in looted)
    assert [e.actor for e in _emitted(nlp, settings, "Lisbon rejected the proposal.")] == ["Portugal"]


def test_a_disease_kills_without_attacking_and_is_no_party(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Cholera has killed hundreds in the camps.") == []
    gunmen = _emitted(nlp, settings, "Gunmen killed twelve villagers near Selm during the cholera outbreak.")
    assert [(e.type, e.actor) for e in gunmen] == [("ASSAULT", "Gunmen")]


def test_a_pronoun_before_a_trailing_sayer_is_not_the_sayer(nlp, settings) -> None:
    text = "Deputies followed the van for an hour. He surrendered at a petrol station, Sheriff Anna Varga said."
    assert all(e.actor != "Anna Varga" for e in _coded(nlp, settings, text))


def test_advice_on_how_to_be_is_no_demand_while_a_must_of_an_act_is(nlp, settings) -> None:
    from storyline.analyze.events.trust import _modal_act

    patient = next(t for t in nlp("They need to be patient with the voters.") if t.lemma_ == "be")
    assert not _modal_act(patient)
    must = _emitted(nlp, settings, "The council must withdraw the fine, Selm said.")
    assert [(e.type, e.target) for e in must] == [("DEMAND", "council")]


def test_pushing_to_victory_and_a_pacts_own_name_are_no_demand_and_no_actor(nlp, settings) -> None:
    from storyline.analyze.events.participants import _noun_actor

    pushed = _coded(nlp, settings, "Young voters turned out to back Anna Varga, pushing her to victory.")
    assert all(e.type != "DEMAND" for e in pushed)
    doc = nlp("Selm welcomed the Pacific Rim Partnership trade agreement.")
    assert _noun_actor(next(t for t in doc if t.lower_ == "agreement")) is None
    assert [e.actor for e in _emitted(nlp, settings, "The UN agreement with Norland was signed.")] == ["UN"]


def test_who_faces_or_receives_criticism_is_its_target_and_the_giver_its_actor(nlp, settings) -> None:
    faced = _emitted(nlp, settings, "Senator Tom Alder faced criticism from the Valmora government.")
    assert _types(faced) == [("DISAPPROVE", "Valmora government", "Tom Alder", "asserted")]
    received = _emitted(nlp, settings, "Mayor Tom Alder received sharp criticism from Governor Anna Varga.")
    assert _types(received) == [("DISAPPROVE", "Anna Varga", "Tom Alder", "asserted")]
    assert _emitted(nlp, settings, "The Valmora army drew up plans for an attack on Selm.") == []


def test_a_vowed_veto_or_retaliation_is_a_threat_while_a_vowed_tax_cut_is_not(nlp, settings) -> None:
    veto = _emitted(nlp, settings, "Valmora's president promised a veto of the fishing law.")
    assert [(e.type, e.actor) for e in veto] == [("THREATEN", "Valmora's president")]
    reprisal = _emitted(nlp, settings, "Valmora vowed retaliation against Selm after the raid.")
    assert [(e.type, e.actor, e.target) for e in reprisal] == [("THREATEN", "Valmora", "Selm")]
    assert _emitted(nlp, settings, "The governor vowed to cut taxes.") == []


def test_a_said_verdict_on_a_party_or_its_claims_is_disapproval_or_support(nlp, settings) -> None:
    claims = _emitted(nlp, settings, "Tom Alder said the governor's figures on the harbour were simply false.")
    assert _types(claims) == [("DISAPPROVE", "Tom Alder", "governor", "asserted")]
    fraud = _emitted(nlp, settings, '"Governor Anna Varga is a fraud," Tom Alder said on Monday.')
    assert [(e.type, e.actor, e.target) for e in fraud] == [("DISAPPROVE", "Tom Alder", "Anna Varga")]
    job = _emitted(nlp, settings, "Anna Varga said Tom Alder had done a terrific job.")
    assert [(e.type, e.actor, e.target) for e in job] == [("SUPPORT", "Anna Varga", "Tom Alder")]


def test_calling_a_party_names_is_disapproval(nlp, settings) -> None:
    liar = _emitted(nlp, settings, "Anna Varga called Tom Alder a liar.")
    assert [(e.type, e.actor, e.target) for e in liar] == [("DISAPPROVE", "Anna Varga", "Tom Alder")]
    described = _emitted(nlp, settings, "Anna Varga described Tom Alder as dishonest.")
    assert [(e.type, e.actor, e.target) for e in described] == [("DISAPPROVE", "Anna Varga", "Tom Alder")]


@pytest.mark.parametrize(
    "text",
    [
        "Tom Alder said he was wrong about the tax.",  # a verdict on oneself
        "Anna Varga said her remark about the harbour had been a joke.",
        "Anna Varga said the harvest was great.",  # on no party
        "Anna Varga said it was wrong to wait.",
        "Tom Alder said Anna Varga was not a liar.",  # negated
        "Anna Varga called Tom Alder on Friday.",  # a call, no name
    ],
)
def test_a_verdict_on_oneself_on_no_party_or_negated_is_no_event(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_a_relative_clause_on_the_subject_lends_the_verb_no_target(nlp, settings) -> None:
    text = "Tom Alder, who had criticised the Selm council, resigned on Monday."
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [
        ("RETREAT", None),
        ("DISAPPROVE", "Selm council"),
    ]


def test_calling_out_a_rival_is_disapproval_and_calling_out_troops_mobilises(nlp, settings) -> None:
    rival = _emitted(nlp, settings, "At the county fair, Anna Varga called out Tom Alder over the closed bridge.")
    assert [(e.type, e.actor, e.target) for e in rival] == [("DISAPPROVE", "Anna Varga", "Tom Alder")]
    guard = _emitted(nlp, settings, "The governor called out the National Guard.")
    assert [e.type for e in guard] == ["MOBILIZE"]


def test_delegates_pledging_support_and_a_sum_donated_are_events(nlp, settings) -> None:
    pledged = _emitted(nlp, settings, "Four Selm delegates have now pledged their support to Anna Varga.")
    assert [(e.type, e.target) for e in pledged] == [("SUPPORT", "Anna Varga")]
    donated = _emitted(nlp, settings, "Tom Alder donated thousands to the Norland Red Cross.")
    assert [(e.type, e.actor, e.target) for e in donated] == [("AID", "Tom Alder", "Norland Red Cross")]
    assert _emitted(nlp, settings, "Tom Alder donated blood.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor's office blasted out a newsletter to residents on Sunday.",
        "The two rivals kept talking politics at the fair.",
    ],
)
def test_sending_an_email_or_talking_a_mood_is_no_event(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_opponents_can_act_and_two_of_whom_are_the_group_named_before(nlp, settings) -> None:
    accused = _emitted(nlp, settings, "Opponents accused the senator of neglecting the harbour.")
    assert [(e.type, e.actor) for e in accused] == [("DISAPPROVE", "Opponents")]
    text = "The union has six delegates, three of whom pledged their support to Anna Varga in May."
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == [
        ("SUPPORT", "delegates", "Anna Varga")
    ]


def test_an_indictment_or_a_charge_of_an_offence_needs_no_named_prosecutor(nlp, settings) -> None:
    indicted = _emitted(nlp, settings, "Tom Alder was indicted last week in Selm.")
    assert _types(indicted) == [("DISAPPROVE", None, "Tom Alder", "asserted")]
    charged = _emitted(nlp, settings, "Tom Alder was charged with fraud on Monday.")
    assert _types(charged) == [("DISAPPROVE", None, "Tom Alder", "asserted")]
    assert _emitted(nlp, settings, "Tom Alder was charged with overseeing the works.") == []


def test_neither_nor_on_the_subject_denies_the_event(nlp, settings) -> None:
    text = "Neither Tom Alder nor Anna Varga was charged in the Selm inquiry."
    assert _emitted(nlp, settings, text) == []
    assert [e.status for e in _coded(nlp, settings, text)] == ["denied"]


def test_a_role_is_a_target_unless_a_named_owner_stands_for_it(nlp, settings) -> None:
    praised = _emitted(nlp, settings, "Farm groups praised the senators for blocking the tax.")
    assert [(e.type, e.target) for e in praised] == [("SUPPORT", "senators")]
    owned = _emitted(nlp, settings, "Anna Varga endorsed the campaign of Governor Tom Alder.")
    assert [(e.type, e.target) for e in owned] == [("SUPPORT", "Tom Alder")]


def test_not_accepting_an_invitation_rejects_it_while_not_yet_accepting_decides_nothing(nlp, settings) -> None:
    refused = _emitted(nlp, settings, "Anna Varga is not accepting Valmora's offer of a ferry.")
    assert [(e.type, e.actor, e.target) for e in refused] == [("REJECT", "Anna Varga", "Valmora")]
    assert _emitted(nlp, settings, "Anna Varga has not yet accepted the offer.") == []


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Tom Alder questioned Anna Varga's eligibility for the Selm seat.", "Tom Alder", "Anna Varga"),
        ("After the vote, Anna Varga turned her fire on the harbour board.", "Anna Varga", "harbour board"),
        ("Tom Alder laid the blame on the Valmora government.", "Tom Alder", "Valmora government"),
        ("Since the flood, Tom Alder has fielded criticism from Selm farmers.", "Selm farmers", "Tom Alder"),
        ("Tom Alder clashed with Anna Varga over the port budget.", "Tom Alder", "Anna Varga"),
    ],
)
def test_questioning_fire_blame_and_a_clash_of_words_are_disapproval(
    nlp, settings, text: str, actor: str, target: str
) -> None:
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == [("DISAPPROVE", actor, target)]


def test_armed_sides_that_clash_still_fight(nlp, settings) -> None:
    assert [e.type for e in _emitted(nlp, settings, "Rebels clashed with troops near Selm.")] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        (
            "Anna Varga released a statement that accused the Selm council of hiding the report.",
            "DISAPPROVE",
            "Anna Varga",
        ),
        ("Anna Varga issued a statement condemning the raid on Selm.", "DISAPPROVE", "Anna Varga"),
        ("The Valmora ministry issued a letter that called for new talks.", "DEMAND", "Valmora ministry"),
        ("The ministry's statement rejected the Selm proposal.", "REJECT", "ministry"),
    ],
)
def test_a_statement_speaks_for_whoever_issued_it(nlp, settings, text: str, type_: str, actor: str) -> None:
    assert [(e.type, e.actor) for e in _emitted(nlp, settings, text)] == [(type_, actor)]


def test_a_statement_of_no_one_named_speaks_for_no_one(nlp, settings) -> None:
    assert _emitted(nlp, settings, "A statement that praised the mayor was read at the fair.") == []


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        # the one person named before "he" in his sentence, though another was named a sentence before
        ("Paul Brel spoke in Selm on Sunday. Tom Alder praised the new dam, but he criticized Jan Koval.",
         "Tom Alder", "Jan Koval"),
        # a person whose title gives the other sex is no antecedent of "she"
        ("Paul Brel spoke in Selm on Sunday. Mrs. Anna Varga spent Monday with Mr. Tom Alder, and she criticized "
         "Jan Koval.", "Anna Varga", "Jan Koval"),
        # the one a relative "whom" stands for is the object, so "he" is the subject
        ("Tom Alder offered warm words about Paul Brel, whom he criticized sharply last spring.",
         "Tom Alder", "Paul Brel"),
    ],
)  # fmt: skip
def test_a_subject_pronoun_continues_the_one_person_named_before_it_in_its_sentence(
    nlp, settings, text: str, actor: str, target: str
) -> None:
    events = [(e.type, e.actor, e.target, e.status) for e in _emitted(nlp, settings, text) if e.type == "DISAPPROVE"]
    assert events == [("DISAPPROVE", actor, target, "asserted")]


def test_a_subject_pronoun_meets_the_one_person_of_its_sentence(nlp, settings) -> None:
    text = "Paul Brel spoke in Selm on Sunday. First Tom Alder flew to Selm, and now he meets with the Valmoran leader."
    assert [(e.type, e.actor) for e in _emitted(nlp, settings, text)] == [("CONSULT", "Tom Alder and Valmoran leader")]


def test_a_pronoun_after_a_subject_and_a_named_object_stays_open(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Tom Alder met Paul Brel after he criticized the mayor.")
    assert not [e for e in events if e.type == "DISAPPROVE"]


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("The bureau is investigating the Selm Foundation.", "INVESTIGATE", "bureau"),
        ("The Alder camp has criticized Paul Brel over the levy.", "DISAPPROVE", "Alder camp"),
        ("Conservatives in Selm rejected the new levy.", "REJECT", "Conservatives"),
    ],
)
def test_bureaus_camps_and_political_groups_are_parties(nlp, settings, text: str, type_: str, actor: str) -> None:
    assert [(e.type, e.actor) for e in _emitted(nlp, settings, text)] == [(type_, actor)]


@pytest.mark.parametrize(
    "text", ["Rich donors push the total past $5 million for 2024.", "Selm donors push fund beyond target for 2024."]
)
def test_pushing_a_thing_along_is_no_demand(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_an_act_inside_a_claim_the_text_calls_false_is_denied(nlp, settings) -> None:
    text = "Anna Varga spoke in Selm, making the false claim that she rejected the levy."
    assert [(e.type, e.status) for e in _coded(nlp, settings, text)] == [("REJECT", "denied")]


@pytest.mark.parametrize(
    ("text", "type_", "target"),
    [
        ("Tom Alder even offered some kind words about Paul Brel.", "SUPPORT", "Paul Brel"),
        ("Anna Varga had harsh words for the Selm council on Monday.", "DISAPPROVE", "Selm council"),
        ("Anna Varga heaped praise on the Selm council.", "SUPPORT", "Selm council"),
    ],
)
def test_kind_or_harsh_words_about_a_party_judge_it(nlp, settings, text: str, type_: str, target: str) -> None:
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [(type_, target)]


@pytest.mark.parametrize("text", ["Paul Brel had a word with the mayor.", "Anna Varga had a few words to say."])
def test_words_of_no_stated_tone_judge_no_one(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_superdelegates_are_parties(nlp, settings) -> None:
    text = "The Selm party has five superdelegates, two of whom have already pledged their support to Anna Varga."
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("SUPPORT", "Anna Varga")]


@pytest.mark.parametrize(
    ("text", "type_", "actor", "target"),
    [
        ("Tom Alder taunted Paul Brel at the rally.", "DISAPPROVE", "Tom Alder", "Paul Brel"),
        ("Anna Varga chided the Selm council for its delay.", "DISAPPROVE", "Anna Varga", "Selm council"),
        ("Anna Varga campaigned for Tom Alder in Selm.", "SUPPORT", "Anna Varga", "Tom Alder"),
        ("Tom Alder raised money for Anna Varga.", "SUPPORT", "Tom Alder", "Anna Varga"),
    ],
)
def test_taunts_rebukes_campaigning_and_fundraising_for_a_party(
    nlp, settings, text: str, type_: str, actor: str, target: str
) -> None:
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == [(type_, actor, target)]


def test_bashing_in_a_thing_is_no_criticism(nlp, settings) -> None:
    assert _emitted(nlp, settings, "The children bash in a toy house.") == []


def test_a_partner_in_backing_a_bill_is_not_the_one_backed(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Anna Varga championed a levy bill with Senator Tom Alder.")
    assert not [e for e in events if e.target == "Tom Alder"]
    sided = _emitted(nlp, settings, "Anna Varga sided with Tom Alder.")
    assert [(e.type, e.target) for e in sided] == [("SUPPORT", "Tom Alder")]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Two men slit the throat of a priest at a church in Valmora.", "men", "priest"),
        ("A man stabbed three tourists in Selm.", "man", "tourists"),
        ("The gunman killed two people in Selm.", "gunman", "people"),
    ],
)
def test_people_attacked_in_a_town_are_the_target_not_the_town(
    nlp, settings, text: str, actor: str, target: str
) -> None:
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == [("ASSAULT", actor, target)]


def test_a_truck_driven_through_a_crowd_is_an_attack(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The driver plowed through a crowd at the Selm market.")
    assert [(e.type, e.actor, e.target) for e in events] == [("ASSAULT", "driver", "crowd")]


def test_a_participle_after_a_comma_lends_the_verb_no_target(nlp, settings) -> None:
    text = "Workers protested outside the Selm depots, turning buyers away from the shops."
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("PROTEST", None)]


def test_guns_turned_on_people_are_no_criticism(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The guards turned their guns on the prisoners, killing 15.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_knowing_a_person_by_sight_is_no_recognition(nlp, settings) -> None:
    assert _emitted(nlp, settings, "No other passenger recognized the Valmora minister.") == []
    events = _emitted(nlp, settings, "Norland recognized Jan Koval as the interim president of Selm.")
    assert [(e.type, e.target) for e in events] == [("SUPPORT", "Jan Koval")]


def test_pushing_back_against_an_attack_is_criticism(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The Alder campaign pushed back against the attack on his record.")
    assert [e.type for e in events] == ["DISAPPROVE"]


def test_pushing_back_against_a_party_with_the_preposition_on_the_particle(nlp, settings) -> None:
    text = "The Alder campaign pushed back against the mayor's attack on Anna Varga's record."
    events = _emitted(nlp, settings, text)
    assert [e.type for e in events] == ["DISAPPROVE"]


def test_praising_a_partys_speech_is_support_not_backing_a_thing(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Selm groups are hailing Anna Varga's speech on the levy.")
    assert [e.type for e in events] == ["SUPPORT"]
    assert _emitted(nlp, settings, "Anna Varga hailed the record growth in jobs.") == []


def test_a_participle_after_an_infinitive_is_the_act_of_the_main_subject(nlp, settings) -> None:
    text = "But Anna Varga has begun to answer that criticism, raising money for three Selm candidates in April."
    assert [(e.type, e.actor) for e in _emitted(nlp, settings, text)] == [("SUPPORT", "Anna Varga")]


@pytest.mark.parametrize(
    "text", ["Tom Alder said he could not support the Selm movement.", "Anna Varga cannot back Tom Alder."]
)
def test_backing_one_cannot_give_is_a_refusal(nlp, settings, text: str) -> None:
    assert [e.type for e in _emitted(nlp, settings, text)] == ["REJECT"]


def test_a_record_one_cannot_defend_is_no_refusal(nlp, settings) -> None:
    assert not [e for e in _emitted(nlp, settings, "Tom Alder cannot defend his own record.") if e.type == "REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Barring a late upset, Anna Varga will win the Selm primary.",
        "Tom Alder is likely to be the nominee, barring a collapse in the polls.",
    ],
)
def test_barring_an_upset_bars_no_one(nlp, settings, text: str) -> None:
    assert not [e for e in _coded(nlp, settings, text) if e.type == "REJECT"]  # not even held back


def test_calling_someone_a_name_is_no_phone_call(nlp, settings) -> None:
    text = "In a fiery speech, Tom Alder attacked Paul Brel, calling him the weakest president in our history."
    assert [e.type for e in _emitted(nlp, settings, text)] == ["DISAPPROVE"]


def test_a_campaigns_training_sessions_are_no_talks(nlp, settings) -> None:
    text = "The Varga campaign has held more than 300 volunteer training sessions and phone banks in Selm."
    assert _emitted(nlp, settings, text) == []


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The court ruled that the Selm council was negligent.", "court", "Selm council"),
        ("Tom Alder said the mayor was weak.", "Tom Alder", "mayor"),
        ("The board deemed Anna Varga unfit for office.", "board", "Anna Varga"),
    ],
)
def test_findings_and_rulings_pass_verdicts_on_a_party(nlp, settings, text: str, actor: str, target: str) -> None:
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == [("DISAPPROVE", actor, target)]


def test_a_weak_economy_is_no_verdict_on_a_party(nlp, settings) -> None:
    assert _emitted(nlp, settings, "Tom Alder said the economy was weak.") == []


def test_speaking_with_a_named_person_is_a_consultation(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Tom Alder spoke with the Valmora president Jan Koval on Monday.")
    assert [(e.type, e.actor) for e in events] == [("CONSULT", "Tom Alder and Jan Koval")]


@pytest.mark.parametrize("text", ["Tom Alder spoke to reporters in Selm.", "Anna Varga spoke to CNN on Sunday."])
def test_speaking_to_the_press_is_no_consultation(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Tom Alder has come under fire from Anna Varga over his tax returns.", "Anna Varga", "Tom Alder"),
        ("Anna Varga drew fire from the Selm council for the levy.", "Selm council", "Anna Varga"),
    ],
)
def test_fire_taken_from_a_party_with_no_gunfire_near_is_criticism(
    nlp, settings, text: str, actor: str, target: str
) -> None:
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == [("DISAPPROVE", actor, target)]


def test_gunfire_is_no_criticism_and_a_forecast_of_fire_is_hedged(nlp, settings) -> None:
    assert not [e for e in _coded(nlp, settings, "The convoy came under fire from rebels.") if e.type == "DISAPPROVE"]
    events = _coded(nlp, settings, "The new rules are likely to draw fire from the Selm council.")
    assert [(e.type, e.status) for e in events] == [("DISAPPROVE", "hedged")]


def test_a_sentence_opening_pronoun_continues_the_subject_before_it(nlp, settings) -> None:
    text = "Paul Brel spoke on Sunday. Anna Varga spoke in Selm on Monday. She criticized Tom Alder over the levy."
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == [
        ("DISAPPROVE", "Anna Varga", "Tom Alder")
    ]


def test_a_sentence_opening_pronoun_with_two_people_of_unknown_sex_before_stays_open(nlp, settings) -> None:
    text = "Paul Brel spoke on Sunday. Jan Koval spoke in Selm on Monday. He criticized Tom Alder over the levy."
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "DISAPPROVE"]


@pytest.mark.parametrize(
    "text",
    [
        "Last month Anna Varga and her husband welcomed their first son.",
        "Anna Varga occupies one of the key posts in Selm as the attorney general.",
    ],
)
def test_a_birth_and_an_office_held_are_no_events(nlp, settings, text: str) -> None:
    assert _emitted(nlp, settings, text) == []


def test_speaking_with_a_reporter_is_an_interview_not_talks(nlp, settings) -> None:
    text = "Paul Brel flew to Selm on Monday, where he spoke with Selm Daily reporter Jan Koval."
    assert not [e for e in _emitted(nlp, settings, text) if "Jan Koval" in (e.actor or "")]


def test_a_call_for_a_clause_the_parser_marks_with_for_is_a_demand(nlp, settings) -> None:
    text = "Tom Alder has called for the rebel strongholds in Selm to be hit even harder."
    assert [(e.type, e.actor) for e in _emitted(nlp, settings, text)] == [("DEMAND", "Tom Alder")]


def test_both_of_a_group_is_the_group(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Both of his Selm senators strongly supported Tom Alder.")
    assert [(e.type, e.target) for e in events] == [("SUPPORT", "Tom Alder")]


def test_publications_that_back_a_candidate_are_parties(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Tom Alder, meanwhile, is backed by far fewer publications.")
    assert [(e.type, e.target) for e in events] == [("SUPPORT", "Tom Alder")]


def test_who_after_a_place_phrase_stands_for_the_people_it_qualifies(nlp, settings) -> None:
    text = "The levy angered farmers in the valley, who accused Tom Alder of betrayal."
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == [
        ("DISAPPROVE", "farmers", "Tom Alder")
    ]


def test_a_verb_the_parser_hangs_on_its_subject_keeps_that_subject(nlp, settings) -> None:
    text = "Paul Brel called Wednesday for Judge Anna Varga to resign over the report."
    events = [(e.type, e.actor) for e in _emitted(nlp, settings, text)]
    assert ("DEMAND", "Paul Brel") in events


def test_the_means_of_a_deed_done_happened_with_it(nlp, settings) -> None:
    text = "Anna Varga stirred rumours of a comeback by donating 2,700 euros to the Alder campaign."
    assert [(e.type, e.actor) for e in _emitted(nlp, settings, text)] == [("SUPPORT", "Anna Varga")]


def test_ways_to_act_are_no_deeds(nlp, settings) -> None:
    text = "The council has two ways to act: by suing the firm or by asking the minister to step in."
    assert _emitted(nlp, settings, text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Tom Alder sparred with Anna Varga over the levy.", "Anna Varga"),
        ("Tom Alder railed against super PACs.", "super PACs"),
    ],
)
def test_sparring_with_a_rival_and_railing_against_pacs_is_criticism(nlp, settings, text: str, target: str) -> None:
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("DISAPPROVE", target)]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Selm farmers union lodged a formal complaint with the national committee about the vote.", None),
        ("The Selm party filed a complaint with the ethics board against Tom Alder.", "Tom Alder"),
        ("Norland lodged a protest with Valmora over the shooting.", "Valmora"),
    ],
)
def test_the_body_that_hears_a_complaint_is_not_its_target(nlp, settings, text: str, target: str | None) -> None:
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("DISAPPROVE", target)]


def test_those_a_rally_is_held_on_behalf_of_are_not_its_target(nlp, settings) -> None:
    text = "Some 300 farmers marched through Selm on behalf of the Farmers Union."
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == [("PROTEST", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom Alder struck a pact with the Norland Party in March.", ("AGREE", "Tom Alder", "Norland Party")),
        ("Valmora sealed a deal with Norland on gas prices.", ("AGREE", "Valmora", "Norland")),
        (
            "Tom Alder signed a water-sharing pact with the Valmora government.",
            ("SUPPORT", "Tom Alder", "Valmora government"),
        ),
    ],
)
def test_a_deal_struck_or_signed_with_a_party_has_that_party_as_target(nlp, settings, text: str, expected) -> None:
    assert expected in [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Anna Varga said Paul Brel is an opportunist who changes sides every winter.",
        "Anna Varga told reporters that Paul Brel is a phony.",
    ],
)
def test_calling_a_party_an_opportunist_or_a_phony_is_criticism(nlp, settings, text: str) -> None:
    events = _emitted(nlp, settings, text)
    assert ("DISAPPROVE", "Anna Varga", "Paul Brel") in [(e.type, e.actor, e.target) for e in events]


def test_needling_a_rival_is_criticism(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Senator Anna Varga needled Paul Brel over his travel costs.")
    assert [(e.type, e.actor, e.target) for e in events] == [("DISAPPROVE", "Anna Varga", "Paul Brel")]


def test_a_town_an_arrest_happens_in_is_no_actor_of_it(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Paul Brel was arrested in Selm on Tuesday.")
    assert [(e.type, e.actor, e.target) for e in events] == [("COERCE", None, "Paul Brel")]


def test_force_aimed_at_people_has_them_as_target_not_the_town(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Police fired tear gas at demonstrators in Selm on Saturday.")
    assert [(e.type, e.actor, e.target) for e in events] == [("ASSAULT", "Police", "demonstrators")]


def test_a_checkpoint_shot_at_is_where_it_happened_not_a_target(nlp, settings) -> None:
    assert not [e for e in _emitted(nlp, settings, "Soldiers opened fire at a checkpoint in Selm.") if e.target]


def test_a_counterpart_named_by_nationality_is_that_country(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Anna Varga held talks with her Swedish counterpart in Selm.")
    assert [(e.type, e.actor) for e in events] == [("CONSULT", "Anna Varga and Sweden")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Selm Liberation Front claimed responsibility for the attack.", [("ASSAULT", "Selm Liberation Front")]),
        ("Rebels took credit for the ambush on an army convoy.", [("ASSAULT", "Rebels")]),
        ("No group has claimed responsibility for the attack.", []),
    ],
)
def test_who_claims_responsibility_for_an_attack_is_its_actor(nlp, settings, text: str, expected) -> None:
    assert [(e.type, e.actor) for e in _emitted(nlp, settings, text)] == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The strike killed a senior commander of the Selm militia.", "senior commander"),
        ("The blast wounded dozens of worshippers in Selm.", "worshippers"),
    ],
)
def test_a_weapon_or_deed_as_subject_of_force_names_no_actor(nlp, settings, text: str, target: str) -> None:
    events = _emitted(nlp, settings, text)
    assert [(e.type, e.actor, e.target) for e in events] == [("ASSAULT", None, target)]


def test_a_gunman_as_subject_of_force_is_its_actor(nlp, settings) -> None:
    events = _emitted(nlp, settings, "A gunman killed four people in Selm.")
    assert [(e.type, e.actor) for e in events] == [("ASSAULT", "gunman")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two leaders discussed fishing quotas during a phone call.", [("CONSULT", "leaders")]),
        ("Officials discussed the budget on Monday.", []),
    ],
)
def test_a_pair_discussing_a_topic_meet_each_other(nlp, settings, text: str, expected) -> None:
    assert [(e.type, e.actor) for e in _emitted(nlp, settings, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Valmora navy seized a Norland tanker in the strait.", ("COERCE", "Norland")),
        ("A drone struck a car carrying two militants near Selm.", ("ASSAULT", None)),
    ],
)
def test_vessels_seized_and_cars_struck_are_acts_of_force(nlp, settings, text: str, expected) -> None:
    assert expected in [(e.type, e.target) for e in _emitted(nlp, settings, text)]


def test_a_toll_told_by_numbers_alone_is_one_attack(nlp, settings) -> None:
    events = _emitted(nlp, settings, "In the raid on the market, 31 were killed and 12 were wounded.")
    assert [(e.type, e.actor, e.target) for e in events] == [("ASSAULT", None, None)]


def test_those_killed_in_general_are_no_toll(nlp, settings) -> None:
    assert _emitted(nlp, settings, "We should pray for those who are killed and those who are injured.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Nurses' unions are warning against closing the Selm clinic.",
        "Anna Varga stepped up her grim warnings about the harvest.",
        "Officials in Selm issued warnings of floods.",
    ],
)
def test_advice_against_a_course_and_warnings_of_danger_are_no_threats(nlp, settings, text: str) -> None:
    assert not [e for e in _emitted(nlp, settings, text) if e.type == "THREATEN"]


@pytest.mark.parametrize(
    "text", ["Norland issued a warning to Valmora over the incursion.", "Norland warned Valmora against any incursion."]
)
def test_a_warning_to_a_party_against_its_incursion_is_a_threat(nlp, settings, text: str) -> None:
    events = _emitted(nlp, settings, text)
    assert [(e.type, e.actor, e.target) for e in events] == [("THREATEN", "Norland", "Valmora")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Thousands protested in Selm on Sunday.", "Thousands"),
        ("Thousands of farmers rallied in Selm against the new law.", "farmers"),
    ],
)
def test_a_crowd_protesting_in_a_town_protests_with_no_target(nlp, settings, text: str, actor: str) -> None:
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == [("PROTEST", actor, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paul Brel donated 5,000 euros to the Liberal Party of Norland.", ("SUPPORT", "Liberal Party of Norland")),
        ("The group donated 5 million euros to flood victims in Selm.", ("AID", "flood victims")),
    ],
)
def test_money_given_to_a_party_backs_it_while_aid_relieves_need(nlp, settings, text: str, expected) -> None:
    assert expected in [(e.type, e.target) for e in _emitted(nlp, settings, text)]


def test_an_embassy_can_speak_for_its_country(nlp, settings) -> None:
    events = _emitted(nlp, settings, "The Norland embassy in Selm condemned the attack.")
    assert [(e.type, e.actor) for e in events] == [("DISAPPROVE", "Norland embassy")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two countries signed a fishing accord in Selm.", [("SUPPORT", None)]),
        ("Officials opened an investigation into the fire in Selm.", [("INVESTIGATE", None)]),
    ],
)
def test_the_town_a_deed_happens_in_is_dropped_from_it_not_the_deed(nlp, settings, text: str, expected) -> None:
    assert [(e.type, e.target) for e in _emitted(nlp, settings, text)] == expected


def test_a_visit_to_a_town_stays_no_meeting(nlp, settings) -> None:
    events = _emitted(nlp, settings, "Tom Alder visited a farming village near Selm on Tuesday.")
    assert not [e for e in events if e.type == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Varga said the council needs to rethink its budget.", []),
        ("Anna Varga said Valmora must withdraw its troops.", [("DEMAND", "Anna Varga", "Valmora")]),
    ],
)
def test_what_a_party_needs_to_do_is_advice_what_it_must_do_a_demand(nlp, settings, text: str, expected) -> None:
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text) if e.type == "DEMAND"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Varga said Paul Brel lied about the loans.", [("DISAPPROVE", "Anna Varga", "Paul Brel")]),
        ("Anna Varga said Paul Brel did not lie about the loans.", []),
        ("Anna Varga said the report lies on the table.", []),
    ],
)
def test_saying_a_party_lied_is_criticism_of_it(nlp, settings, text: str, expected) -> None:
    assert [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)] == expected


def test_two_criticisms_told_by_two_verbs_are_two_events(nlp, settings) -> None:
    text = "Anna Varga blasted Paul Brel over the budget. Later, Anna Varga accused Paul Brel of hiding debts."
    events = [(e.type, e.actor, e.target) for e in _emitted(nlp, settings, text)]
    assert events == [("DISAPPROVE", "Anna Varga", "Paul Brel")] * 2


def test_a_criticism_retold_by_its_noun_is_one_event(nlp, settings) -> None:
    text = "Anna Varga blasted Paul Brel over the budget on Monday. Varga's attack surprised her own party."
    assert len([e for e in _emitted(nlp, settings, text) if e.type == "DISAPPROVE"]) == 1


def test_a_backing_retold_through_a_light_verb_is_one_event(nlp, settings) -> None:
    text = "Senator Anna Varga endorsed Paul Brel in March. Later, Anna Varga offered her endorsement at a rally."
    assert len([e for e in _emitted(nlp, settings, text) if e.type == "SUPPORT"]) == 1
