"""The benchmarks' tuning/check split is fixed and balanced, and the gate fails a figure below its floor.

No gold data and no benchmark run: the ids are made up and the figures are a fake results dict.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `pytest` alone puts tests/, not the repository root, on the path
    sys.path.insert(0, str(ROOT))

common = importlib.import_module("benchmarks.common")
gate = importlib.import_module("benchmarks.gate")


def test_half_is_pinned_to_the_id_hash() -> None:
    # sha256("a") starts with 0xca (even), sha256("doc-1") with an odd byte: these must never move.
    assert common.half_of("a") == "tuning"
    assert common.half_of("doc-1") == "check"
    assert common.half_of("doc-2") == "tuning"
    assert common.half_of("eng.testa:0") == "tuning"
    assert common.half_of("eng.testa:1") == "check"


def test_half_is_stable_across_calls() -> None:
    ids = [f"page-{n:04d}" for n in range(500)]
    assert [common.half_of(i) for i in ids] == [common.half_of(i) for i in reversed(ids)][::-1]


def test_split_is_roughly_balanced() -> None:
    for ids in ([f"page-{n:04d}" for n in range(1000)], [f"{n:024x}" for n in range(0, 98 * 7919, 7919)]):
        parts = common.split(ids, lambda i: i)
        share = len(parts["tuning"]) / len(ids)
        assert 0.40 <= share <= 0.60, share


def test_split_partitions_and_keeps_order() -> None:
    items = [(f"id-{n}", n) for n in range(200)]
    parts = common.split(items, lambda item: item[0])
    assert parts["whole"] == items
    assert sorted(parts["tuning"] + parts["check"]) == sorted(items)
    assert not set(parts["tuning"]) & set(parts["check"])
    assert parts["tuning"] == sorted(parts["tuning"], key=lambda item: item[1])
    assert common.tuning_only(items, lambda item: item[0]) == parts["tuning"]


def test_by_half_measures_each_part() -> None:
    counts = common.by_half([f"x{n}" for n in range(50)], lambda i: i, len)
    assert set(counts) == {"tuning", "check", "whole"}
    assert counts["tuning"] + counts["check"] == counts["whole"] == 50


FLOORS = {"quotes": {"tuning": {"f1_03": 0.860}, "check": {"f1_03": 0.850, "speaker_03": 0.880}}}


def test_gate_fails_a_figure_below_its_floor() -> None:
    figures = {
        "quotes": {
            "tuning": {"f1_03": 0.870},
            "check": {"f1_03": 0.840, "speaker_03": 0.900},
            "whole": {"f1_03": 0.855},
        }
    }
    lines, failures = gate.check(figures, FLOORS)
    assert failures == 1
    failed = [line for line in lines if line.startswith("FAIL")]
    assert failed == ["FAIL quotes check f1_03 = 0.8400 < floor 0.850"]
    assert sum(line.startswith("ok") for line in lines) == 2


def test_gate_passes_at_the_floor_and_fails_a_missing_figure() -> None:
    at_floor = {"quotes": {"tuning": {"f1_03": 0.860}, "check": {"f1_03": 0.850, "speaker_03": 0.880}}}
    assert gate.check(at_floor, FLOORS)[1] == 0
    missing = {"quotes": {"tuning": {"f1_03": 0.9}, "check": {"f1_03": 0.9}}}
    lines, failures = gate.check(missing, FLOORS)
    assert failures == 1
    assert "FAIL quotes check speaker_03: not measured (floor 0.880)" in lines


def test_gate_ignores_benchmarks_not_measured() -> None:
    assert gate.check({}, FLOORS) == ([], 0)


def test_suggested_floors_never_go_below_measured_minus_tolerance() -> None:
    text = gate.suggest({"x": {"tuning": {"f1": 0.9675}, "check": {"f1": 0.91}}})
    assert "[x.tuning]\nf1 = 0.963" in text
    assert "[x.check]\nf1 = 0.905" in text


def test_floors_file_pins_both_halves_of_every_gated_benchmark() -> None:
    floors = gate.load_floors()
    for name in gate.GATED:
        assert set(floors[name]) == {"tuning", "check"}, name
        assert floors[name]["tuning"].keys() == floors[name]["check"].keys(), name
        assert all(0.0 < value <= 1.0 for half in floors[name].values() for value in half.values()), name


def test_gate_help_and_unknown_options_never_start_a_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert gate.main(["--help"]) == 0
    assert "floors.toml" in capsys.readouterr().out
    assert gate.main(["--sugest"]) == 2
    assert "unknown option" in capsys.readouterr().out
