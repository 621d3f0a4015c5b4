"""Acceptance on the two seed pages: what EXPECTED.md says a careful analyst finds.

The seeds live in ../shared/seeds and are read from there (never copied); the
test skips when they are absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.ingest import ingest
from storyline.settings import Settings
from storyline.store import Store

PREVIEW = "000_99d1aa4d0a6639c2.txt"
OUTCOME = "002_aeeafc2538b33a58.txt"


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    db = tmp_path_factory.mktemp("seeds") / "kb.db"
    with Store(db) as store:
        report = ingest([seeds_dir / PREVIEW, seeds_dir / OUTCOME], store, Settings.load(None, {"workers": 1}))
        assert report.failed == 0
        return {Path(a.article.source).name: a.to_dict() for a in store.analyses()}


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def _quote(article: dict[str, Any], fragment: str) -> dict[str, Any]:
    hits = [q for q in article["quotes"] if fragment in _norm(q["text"])]
    assert hits, f"no quote containing {fragment!r}; found {[q['text'] for q in article['quotes']]}"
    return hits[0]


def _roles(article: dict[str, Any], surname: str) -> list[str]:
    people = [e for e in article["entities"] if e["name"].endswith(surname)]
    return [r["title"].lower() for e in people for r in e["roles"]]


@pytest.mark.slow
def test_seeds_bodies_have_no_boilerplate(seeds: dict[str, dict[str, Any]]) -> None:
    junk = [
        "Others are reading now",
        "Also read",
        "Ads by",
        "Shutterstock",
        "Silhouettes",
        "Homepage",
        "Advertisement",
        "LEAVE A REPLY",
        "Please enter",
        "Latest news",
        "Related news",
        "A global media",
        "Weekly News",
        "Sources:",
        "Comments",
    ]
    for article in seeds.values():
        for phrase in junk:
            assert phrase not in article["text"], f"{phrase!r} in body of {article['source']}"
    assert "Election debate" not in seeds[PREVIEW]["text"].split("\n\n")


@pytest.mark.slow
def test_seeds_metadata_title_and_dates(seeds: dict[str, dict[str, Any]]) -> None:
    assert seeds[PREVIEW]["title"] == "Second round of Ukraine-Russia talks opens in Geneva"
    assert seeds[PREVIEW]["published_source"] != "explicit"
    assert seeds[OUTCOME]["published"] == "2026-02-18"
    assert seeds[OUTCOME]["title"].startswith("Geneva Talks End Early on Day 2")


@pytest.mark.slow
def test_seeds_direct_quotes_have_right_speakers(seeds: dict[str, dict[str, Any]]) -> None:
    preview, outcome = seeds[PREVIEW], seeds[OUTCOME]
    assert _quote(preview, "Zelenskyy needs to act")["speaker"] == "Donald Trump"
    assert _quote(preview, "Allowing the aggressor")["speaker"] == "Volodymyr Zelenskyy"
    assert _quote(preview, "kisses or flowers")["speaker"] == "Volodymyr Zelenskyy"
    x_post = _quote(outcome, "drag out negotiations")
    assert x_post["speaker"] == "Volodymyr Zelenskyy" and "X" in (x_post["channel"] or "")


@pytest.mark.slow
def test_seeds_partial_and_indirect_quotes(seeds: dict[str, dict[str, Any]]) -> None:
    preview, outcome = seeds[PREVIEW], seeds[OUTCOME]
    medinsky = _quote(outcome, "difficult but business-like")
    assert medinsky["speaker"] == "Vladimir Medinsky" and medinsky["kind"] == "partial"
    assert _quote(outcome, "intensive and substantive")["speaker"] == "Rustem Umerov"
    assert _quote(preview, "security conditions")["speaker"] == "Olexiy Haran"
    assert _quote(preview, "expand beyond ceasefire")["speaker"] == "Dmitry Peskov"
    assert _quote(preview, "still uncertain")["speaker"] == "Marco Rubio"


@pytest.mark.slow
def test_seeds_attributions_to_outlets(seeds: dict[str, dict[str, Any]]) -> None:
    assert "The Guardian" in {a["source"] for a in seeds[PREVIEW]["attributions"]}
    assert {"Reuters", "TASS"} <= {a["source"] for a in seeds[OUTCOME]["attributions"]}


@pytest.mark.slow
def test_seeds_roles_of_people(seeds: dict[str, dict[str, Any]]) -> None:
    preview, outcome = seeds[PREVIEW], seeds[OUTCOME]
    assert "security council secretary" in _roles(preview, "Umerov")
    assert "defense minister" in _roles(outcome, "Umerov")
    assert "senior adviser" in _roles(preview, "Medinsky")
    assert "presidential aide" in _roles(outcome, "Medinsky")
    assert any("spokesperson" in r for r in _roles(preview, "Peskov"))
    assert any("secretary of state" in r for r in _roles(preview, "Rubio"))
    assert any("special envoy" in r for r in _roles(outcome, "Witkoff"))
