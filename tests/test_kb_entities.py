"""One entity across articles: short articles of our own, ingested through the real pipeline, then linked."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import storyline
from storyline.link.entities import link_entities, link_entities_report, relink_entities
from storyline.link.entity_names import (
    AMBIGUOUS,
    Candidate,
    adoptable,
    choose,
    is_ambiguous,
    mention,
    same_given_name,
    same_surname,
)
from storyline.model import Entity
from storyline.namekeys import canonical, person_words
from storyline.settings import Settings
from storyline.store import Store

ARTICLES = [
    {
        "outlet": "Harbor Times",
        "published": "2026-03-02",
        "title": "Zelenskyy meets Swedish minister",
        "text": "Zelenskyy meets Swedish minister\n\n"
        "Ukrainian President Volodymyr Zelenskyy met Swedish Foreign Minister Maria Lindqvist in Stockholm "
        "on Monday.\n\n"
        "\u201cWe will rebuild every bridge,\u201d Zelenskyy told reporters after the talks. "
        "Lindqvist said Sweden would send more aid to Ukraine.\n\n"
        "The United States welcomed the meeting.",
    },
    {
        "outlet": "Northern Ledger",
        "published": "2026-03-03",
        "title": "Zelensky thanks Swedish army chief",
        "text": "Zelensky thanks Swedish army chief\n\n"
        "President Volodymyr Zelensky thanked Johan Lindqvist, the chief of the Swedish armed forces, "
        "for the new aid package on Tuesday.\n\n"
        "\u201cThis is a promise kept,\u201d Zelensky said in Kyiv. "
        "Johan Lindqvist said the deliveries would begin in April.\n\n"
        "The U.S. criticised the delay.",
    },
    {
        "outlet": "Coastal Wire",
        "published": "2026-03-04",
        "title": "Soldiers hear from Zelensky",
        "text": "Soldiers hear from Zelensky\n\nZelensky spoke to soldiers near Kharkiv on Wednesday.\n\n"
        "\u201cWe stand together,\u201d Zelensky said.",
    },
    {
        "outlet": "Coastal Wire",
        "published": "2026-03-05",
        "title": "Aid talks continue",
        "text": "Aid talks continue\n\n\u201cThe talks went well,\u201d Lindqvist told reporters on Thursday.\n\n"
        "Officials in Stockholm declined to comment.",
    },
]
KB_TABLES = ("kb_entities", "kb_links", "kb_keys")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The four articles ingested into a SQLite file (not linked); their ids in feed order."""
    folder = tmp_path_factory.mktemp("kbent")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with storyline.build([feed], db=folder / "kb.db", settings=Settings.load(None, {"workers": 1})) as store:
        ids = store.article_ids()
    assert len(ids) == 4
    return folder / "kb.db", ids


@pytest.fixture
def kb(built: tuple[Path, list[str]], tmp_path: Path) -> Store:
    """A fresh copy of the built knowledge base, linked in feed order, for each test."""
    path = tmp_path / "kb.db"
    source = sqlite3.connect(built[0])
    target = sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    store = Store(path)
    link_entities(store, store.article_ids())
    return store


def _kb_of(store: Store, article_id: str, name: str) -> str:
    """The knowledge-base id of the entity an article calls ``name``."""
    entity = next(e for e in store.kb_local_entities(article_id) if e.name == name)
    return store.kb_ids(article_id)[entity.id]


def _snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {t: [tuple(r) for r in store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3")] for t in KB_TABLES}


@pytest.mark.slow
def test_kb_entities_spelling_variants_become_one_entity_with_each_outlets_roles_apart(kb: Store) -> None:
    first, second, third, _ = kb.article_ids()
    kb_id = _kb_of(kb, first, "Volodymyr Zelenskyy")
    assert _kb_of(kb, second, "Volodymyr Zelensky") == kb_id
    entity = kb.kb_entity(kb_id)
    assert entity["type"] == "PERSON"
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskyy", "Zelensky"} <= {
        n["name"] for n in entity["names"]
    }
    roles = {(a["outlet"], a["published"]): [r["title"] for r in a["roles"]] for a in entity["articles"]}
    assert roles[("Harbor Times", "2026-03-02")] == ["Ukrainian President"]
    assert roles[("Northern Ledger", "2026-03-03")] == ["President"]
    assert {a["article_id"] for a in entity["articles"]} == {first, second, third}


@pytest.mark.slow
def test_kb_entities_two_people_sharing_a_surname_stay_two(kb: Store) -> None:
    first, second, _, _ = kb.article_ids()
    maria, johan = _kb_of(kb, first, "Maria Lindqvist"), _kb_of(kb, second, "Johan Lindqvist")
    assert maria != johan
    assert [a["article_id"] for a in kb.kb_entity(maria)["articles"]] == [first]
    assert [a["article_id"] for a in kb.kb_entity(johan)["articles"]] == [second]


@pytest.mark.slow
def test_kb_entities_surname_only_mention_with_one_candidate_joins_it(kb: Store) -> None:
    first, _, third, _ = kb.article_ids()
    assert _kb_of(kb, third, "Zelensky") == _kb_of(kb, first, "Volodymyr Zelenskyy")


@pytest.mark.slow
def test_kb_entities_surname_only_mention_with_two_candidates_is_not_guessed(kb: Store) -> None:
    first, second, _, fourth = kb.article_ids()
    bare = _kb_of(kb, fourth, "Lindqvist")
    assert bare not in {_kb_of(kb, first, "Maria Lindqvist"), _kb_of(kb, second, "Johan Lindqvist")}


@pytest.mark.slow
def test_kb_entities_places_merge_on_known_aliases(kb: Store) -> None:
    first, second, _, fourth = kb.article_ids()
    assert _kb_of(kb, first, "United States") == _kb_of(kb, second, "U.S.")
    assert _kb_of(kb, first, "Stockholm") == _kb_of(kb, fourth, "Stockholm")


@pytest.mark.slow
def test_kb_entities_incremental_link_examines_only_candidates(built: tuple[Path, list[str]], tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    sqlite3.connect(built[0]).backup(target := sqlite3.connect(path))
    target.close()
    with Store(path) as store:
        *earlier, last = store.article_ids()
        link_entities(store, earlier)
        known = store.conn.execute("SELECT count(*) FROM kb_entities").fetchone()[0]
        report = link_entities_report(store, [last])
        # The new article names "Lindqvist" (two people with that surname) and "Stockholm" (one place).
        assert report.linked == len(store.kb_local_entities(last)) == 2
        assert report.candidates == 3 < known
        assert store.kb_unlinked_articles() == []


@pytest.mark.slow
def test_kb_entities_relink_is_idempotent_and_linking_again_keeps_ids(kb: Store) -> None:
    linked = _snapshot(kb)
    total = sum(len(kb.kb_local_entities(a)) for a in kb.article_ids())
    assert relink_entities(kb) == total
    rebuilt = _snapshot(kb)
    assert relink_entities(kb) == total
    assert _snapshot(kb) == rebuilt
    assert rebuilt["kb_links"] == linked["kb_links"]  # linking in stored order gives the rebuild
    link_entities(kb, kb.article_ids()[:2])
    assert _snapshot(kb) == rebuilt


@pytest.mark.slow
def test_kb_entities_a_bare_surname_linked_first_joins_the_full_name_that_comes_later(kb: Store) -> None:
    first, second, third, _ = kb.article_ids()
    kb_id = _kb_of(kb, first, "Volodymyr Zelenskyy")
    kb.kb_clear()
    link_entities(kb, [third])  # "Zelensky" alone: no candidate yet, an entity of its own
    assert _kb_of(kb, third, "Zelensky") != kb_id
    link_entities(kb, [first, second])
    assert _kb_of(kb, third, "Zelensky") == _kb_of(kb, second, "Volodymyr Zelensky") == kb_id


@pytest.mark.slow
def test_kb_entities_deleting_an_article_drops_its_links(kb: Store) -> None:
    fourth = kb.article_ids()[3]
    kb.conn.execute("DELETE FROM articles WHERE id = ?", (fourth,))
    assert kb.kb_ids(fourth) == {}
    assert kb.conn.execute("SELECT count(*) FROM kb_keys WHERE article_id = ?", (fourth,)).fetchone()[0] == 0


@pytest.mark.slow
def test_kb_entities_find_by_any_name_case_insensitive_and_prefix(kb: Store) -> None:
    zelenskyy = _kb_of(kb, kb.article_ids()[0], "Volodymyr Zelenskyy")
    for query in ("zelensky", "ZELENSKYY", "Volodymyr Zel", "Zelenskiy"):
        assert zelenskyy in [m["id"] for m in kb.find_kb_entities(query)], query
    assert {m["name"] for m in kb.find_kb_entities("Lindqvist")} >= {"Maria Lindqvist", "Johan Lindqvist"}
    assert [m["name"] for m in kb.find_kb_entities("US")] == ["United States"]
    assert kb.find_kb_entities("Nobody Atall") == []


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80"}
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env
    )


@pytest.mark.slow
def test_cli_entity_prints_names_roles_by_outlet_quotes_and_events_in_80_columns(
    built: tuple[Path, list[str]], tmp_path: Path
) -> None:
    sqlite3.connect(built[0]).backup(target := sqlite3.connect(tmp_path / "kb.db"))
    target.close()
    result = run("entity", "Zelensky", "--db", "kb.db", cwd=tmp_path)  # links the unlinked articles first
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    for expected in ("Volodymyr Zelenskyy", "Harbor Times", "Northern Ledger", "2026-03-03", "Ukrainian"):
        assert expected in text
    assert "We will rebuild every bridge" in text and "This is a promise kept" in text
    assert "SUPPORT" in text


@pytest.mark.slow
def test_cli_entity_json_ambiguous_and_unknown_names(built: tuple[Path, list[str]], tmp_path: Path) -> None:
    sqlite3.connect(built[0]).backup(target := sqlite3.connect(tmp_path / "kb.db"))
    target.close()
    data = json.loads(run("entity", "zelenskyy", "--db", "kb.db", "--format", "json", cwd=tmp_path).stdout)
    entity = data["entity"]
    assert entity["name"] == "Volodymyr Zelenskyy"
    assert {q["text"] for q in entity["quotes"]} >= {"We will rebuild every bridge", "We stand together"}
    assert {e["type"] for e in entity["events"]} >= {"CONSULT", "SUPPORT"}
    listed = run("entity", "Lindqvist", "--db", "kb.db", cwd=tmp_path)
    assert listed.returncode == 0 and "Maria Lindqvist" in listed.stdout and "Johan Lindqvist" in listed.stdout
    missing = run("entity", "Nobody Atall", "--db", "kb.db", cwd=tmp_path)
    assert missing.returncode == 2 and "E160" in missing.stderr


# --- the matching rules on their own (no model needed) -----------------------------


def _person(name: str, *aliases: str, entity_id: str = "e1") -> Entity:
    return Entity(id=entity_id, name=name, type="PERSON", aliases=aliases)


def _candidate(kb_id: str, *entities: Entity) -> Candidate:
    return Candidate(kb_id, frozenset().union(*(mention("a0", e).keys for e in entities)))


@pytest.mark.parametrize("a,b", [("Zelenskyy", "Zelensky"), ("Zelenskiy", "Zelenskyy"), ("Zelenskij", "Zélensky")])
def test_entity_names_transliterations_of_a_surname_are_one(a: str, b: str) -> None:
    assert same_surname(person_words(a)[0], person_words(b)[0])


@pytest.mark.parametrize("a,b", [("Johnson", "Johnston"), ("Medvedev", "Medvedeva"), ("Lindqvist", "Lindgren")])
def test_entity_names_different_surnames_stay_apart(a: str, b: str) -> None:
    assert not same_surname(person_words(a)[0], person_words(b)[0])


def test_entity_names_different_first_names_never_merge() -> None:
    maria = _candidate("kb-maria", _person("Maria Lindqvist"))
    assert not same_given_name("maria", "johan")
    assert choose(mention("a1", _person("Johan Lindqvist")), [maria]) is None
    assert choose(mention("a1", _person("M. Lindqvist")), [maria]) == "kb-maria"


def test_entity_names_bare_surname_joins_only_a_unique_full_name_not_named_otherwise_in_its_article() -> None:
    maria = _candidate("kb-maria", _person("Maria Lindqvist"))
    johan = _candidate("kb-johan", _person("Johan Lindqvist"))
    bare = mention("a1", _person("Lindqvist"))
    assert choose(bare, [maria]) == "kb-maria"
    assert choose(bare, [maria, johan]) is None
    assert choose(bare, [maria], in_article=frozenset({"kb-johan"})) is None
    assert choose(bare, [maria], in_article=frozenset({"kb-maria"})) == "kb-maria"


def test_entity_names_places_merge_on_known_aliases_but_not_metonyms() -> None:
    def place(name: str) -> Entity:
        return Entity(id="e1", name=name, type="GPE")

    united_states = Candidate("kb-us", mention("a0", place("United States")).keys)
    russia = Candidate("kb-ru", mention("a0", place("Russia")).keys)
    assert canonical("U.S.") == canonical("USA") == "united states"
    assert choose(mention("a1", place("US")), [united_states, russia]) == "kb-us"
    for metonym in ("Moscow", "Kremlin"):
        assert choose(mention("a1", place(metonym)), [united_states, russia]) is None


def test_entity_names_a_full_name_takes_in_the_entity_a_lone_bare_surname_started() -> None:
    bare = _candidate("kb-bare", _person("Lindqvist"))
    maria = _candidate("kb-maria", _person("Maria Lindqvist"))
    assert adoptable(mention("a1", _person("Maria Lindqvist")), "kb-new", [bare]) == ["kb-bare"]
    assert adoptable(mention("a1", _person("Johan Lindqvist")), "kb-new", [bare, maria]) == []


def test_entity_names_no_full_name_adopts_the_entity_of_an_ambiguous_bare_surname() -> None:
    maria = _candidate("kb-maria", _person("Maria Lindqvist"))
    johan = _candidate("kb-johan", _person("Johan Lindqvist"))
    bare = mention("a1", _person("Lindqvist"))
    assert is_ambiguous(bare, [maria, johan], frozenset())
    assert not is_ambiguous(bare, [maria], frozenset({"kb-maria"}))
    pooled = Candidate("kb-bare", bare.keys | {AMBIGUOUS})
    assert adoptable(mention("a2", _person("Maria Lindqvist")), "kb-new", [pooled]) == []


@pytest.mark.slow
def test_kb_entities_role_phrase_with_a_state_is_a_name_of_the_person_holding_that_role(tmp_path: Path) -> None:
    text = (
        "Fishing talks resume in Bergen\n\n"
        "Norwegian Prime Minister Ola Brekke met fishing industry leaders in Bergen on Monday.\n\n"
        "Norway's prime minister said the quota talks with the European Union would resume in May. "
        "Denmark's prime minister did not attend the meeting."
    )
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"outlet": "Harbor Times", "published": "2026-04-02", "text": text}) + "\n")
    with storyline.build([feed], db=tmp_path / "kb.db", settings=Settings.load(None, {"workers": 1})) as store:
        (holder,) = store.find_kb_entities("Norway's prime minister")
        assert holder["name"] == "Ola Brekke" and holder["exact"]
        assert [m["name"] for m in store.find_kb_entities("Ola Brekke")] == ["Ola Brekke"]
        # Nobody in the article holds Denmark's office: the phrase names no one.
        assert store.find_kb_entities("Denmark's prime minister") == []


def test_entity_view_names_a_source_without_outlet_by_its_byline_then_title() -> None:
    from rich.console import Console

    from storyline.present.entity import render_entity

    def row(article: str, outlet: str | None, byline: str | None, title: str) -> dict[str, object]:
        return {"article_id": article * 8, "name_in_article": "Ilse Varga", "outlet": outlet, "byline": byline,
                "published": None, "title": title, "roles": []}  # fmt: skip

    page = {
        "id": "kb-1", "name": "Ilse Varga", "type": "PERSON", "names": [{"name": "Ilse Varga", "count": 3}],
        "articles": [row("a", "Harbor Times", "Ann Lee", "Pier closes"), row("b", None, "Lake Newsroom", "Vote"),
                     row("c", None, None, "Pier vote")],
        "quotes": [], "events": [],
    }  # fmt: skip
    console = Console(record=True, width=100)
    render_entity(page, console)
    text = console.export_text()
    assert "Harbor Times" in text and "Lake Newsroom" in text and "Pier vote" in text
    assert "Ann Lee" not in text and "?" not in text
