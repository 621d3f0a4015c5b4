"""Building the pipeline checks each component's contract and refuses a broken order."""

from __future__ import annotations

import pytest

from storyline.analyze.pipeline import components_for
from storyline.analyze.registry import COMPONENTS
from storyline.errors import StorylineError
from storyline.settings import Settings


def test_default_pipeline_satisfies_every_contract() -> None:
    chosen = components_for(Settings())
    filled = {"article"}
    for component in chosen:
        assert set(component.requires) <= filled, component.name
        filled.add(component.fills)


def test_component_before_what_it_reads_is_refused_with_e152() -> None:
    with pytest.raises(StorylineError) as raised:
        components_for(Settings().with_values({"pipeline": ["quotes", "entities"]}))
    assert raised.value.code == "E152"
    assert "'quotes' reads entities" in str(raised.value) and "Put entities before it" in str(raised.value)


def test_component_whose_provider_is_missing_is_refused() -> None:
    with pytest.raises(StorylineError) as raised:
        components_for(Settings().with_values({"pipeline": ["entities", "events"]}))
    assert raised.value.code == "E152"


def test_unknown_component_is_refused_with_e151() -> None:
    with pytest.raises(StorylineError) as raised:
        components_for(Settings().with_values({"pipeline": ["entities", "sentiment"]}))
    assert raised.value.code == "E151"


def test_every_registered_component_declares_fields_that_exist() -> None:
    components_for(Settings())  # registers them
    from dataclasses import fields

    from storyline.analyze.registry import Found

    known = {f.name for f in fields(Found)}
    for component in COMPONENTS.values():
        assert component.fills in known and set(component.requires) <= known, component.name


def test_ingest_with_a_broken_pipeline_stops_before_reading_anything(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Mayor Ana Ruiz opened the new bridge in Easton on Monday.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "storyline", "ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "kb.db")]
        + ["--setting", 'pipeline=["quotes", "entities"]'],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "E152" in done.stderr and "Traceback" not in done.stderr
