"""Ingest links articles into stories as it stores them; brief and relink work from the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import storyline
from storyline.settings import Settings

DAY_ONE = """Harbour talks open in Portmere

Portmere, 3 March 2026 - Talks between the dockers' union and the port authority opened in
Portmere on Tuesday. The union delegation is led by Defence Minister Lena Okafor, who said the
strike would continue until a deal was signed. Mediator Tomas Brandt chaired the first session.
"""

DAY_TWO = """Portmere port talks end without a deal

Portmere, 4 March 2026 - The second day of talks between the dockers' union and the port
authority in Portmere ended without a deal on Wednesday. The union side was led by
Interior Minister Lena Okafor, and mediator Tomas Brandt said the talks would resume next week.
"""

QUAKE = """Earthquake shakes Valmora

Valmora, 4 March 2026 - An earthquake struck the mountain town of Valmora on Wednesday,
damaging dozens of houses. Mayor Ines Corvo said rescue teams were searching the old town.
"""


def _write(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for name, text in (("a_day_one.txt", DAY_ONE), ("b_day_two.txt", DAY_TWO), ("c_quake.txt", QUAKE)):
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storyline", *args], capture_output=True, text=True, check=False)


@pytest.mark.slow
def test_ingest_links_new_articles_into_stories(tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "in")
    with storyline.build([tmp_path / "in"], db=tmp_path / "kb.db", settings=settings) as kb:
        stories = kb.stories()
        assert sorted(len(s["articles"]) for s in stories) == [1, 2]
        ids = {kb.story_of(i) for i in kb.article_ids()}
        assert len(ids) == 2


@pytest.mark.slow
def test_ingest_with_link_off_leaves_stories_to_relink(tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "in")
    db = tmp_path / "kb.db"
    with storyline.build([tmp_path / "in"], db=db, settings=settings.with_values({"link": False})) as kb:
        assert kb.stories() == []
    done = _cli("relink", "--db", str(db))
    assert done.returncode == 0, done.stderr
    with storyline.open_kb(db) as kb:
        assert sorted(len(s["articles"]) for s in kb.stories()) == [1, 2]


@pytest.mark.slow
def test_brief_json_shows_the_role_conflict_with_both_sentences(tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "in")
    db = tmp_path / "kb.db"
    storyline.build([tmp_path / "in"], db=db, settings=settings).close()
    stories = json.loads(_cli("stories", "--db", str(db), "--format", "json").stdout)
    talks = next(s for s in stories if len(s["articles"]) == 2)
    done = _cli("brief", talks["id"][:6], "--db", str(db), "--format", "json")
    assert done.returncode == 0, done.stderr
    brief = json.loads(done.stdout)
    assert {"conflicts", "corroborated", "positions", "timeline", "only_one_outlet"} <= set(brief)
    roles = [c for c in brief["conflicts"] if c["attribute"] == "role" and "Okafor" in c["subject"]]
    assert roles, brief["conflicts"]
    values = {v["value"] for v in roles[0]["values"]}
    assert any("Defence Minister" in v for v in values) and any("Interior Minister" in v for v in values)
    assert all(v["sentence"] and v["article"] in talks["articles"] for v in roles[0]["values"])
    assert not [c for c in brief["conflicts"] if "Brandt" in c["subject"]]  # "mediator" both times


def test_brief_of_an_unknown_story_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    storyline.Store(db).close()
    done = _cli("brief", "nope", "--db", str(db))
    assert done.returncode == 2 and "E162" in done.stderr and "Traceback" not in done.stderr


def test_brief_cites_sources_by_outlet_then_byline_then_title() -> None:
    from storyline.model import Article
    from storyline.present.brief import source_labels

    def article(id_: str, **fields: str) -> Article:
        return Article(id=id_, source=f"{id_}.txt", text="Some text.", **fields)

    labels = source_labels(
        [
            article("a1", outlet="Harbour Gazette", byline="Ana Ruiz", title="Talks open"),
            article("b2", byline="Coast Newsroom", title="Talks end"),
            article("c3", title="A very long headline about the port talks that goes on and on"),
            article("d4"),
            article("e5", outlet="Daily Tide", published="2026-03-03"),
            article("f6", outlet="Daily Tide", published="2026-03-04"),
            article("g7", outlet="Bay Wire", published="2026-03-05"),
            article("h8", outlet="Bay Wire", published="2026-03-05"),
        ]
    )
    assert labels["a1"] == "Harbour Gazette"
    assert labels["b2"] == "Coast Newsroom"
    assert labels["c3"].endswith("…") and len(labels["c3"]) <= 40
    assert labels["d4"] == "article d4"
    assert (labels["e5"], labels["f6"]) == ("Daily Tide, 2026-03-03", "Daily Tide, 2026-03-04")
    assert (labels["g7"], labels["h8"]) == ("Bay Wire, 2026-03-05, g7", "Bay Wire, 2026-03-05, h8")


def test_stories_on_an_empty_database_says_to_ingest_first(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    assert _cli("ingest", str(tmp_path / "missing.txt"), "--db", str(db), "--quiet").returncode == 1
    listed = _cli("stories", "--db", str(db))
    assert listed.returncode == 0
    assert listed.stdout == ""
    assert "0 articles" in listed.stderr and "storyline ingest" in listed.stderr
