"""The accuracy gate: measure storyline again on every benchmark's two halves and
fail when a figure falls below the floor pinned for it in benchmarks/floors.toml.

Usage: ``python -m benchmarks.gate [NAME ...]`` (``make bench-gate``; default:
every benchmark in GATED). Options:

- ``--suggest`` also prints floors.toml sections for the figures just measured
  (each the measured value minus TOLERANCE, rounded up to 0.001), to paste
  by hand when a figure rises; the gate never writes floors itself;
- ``--save`` writes the figures and timings to benchmarks/results/gate.json.

Each benchmark module's ``gate_figures(folder)`` runs storyline alone (no
baselines) on all of its data, and returns ``{half: {metric: value}}`` for
the tuning half, the check half and the whole, every value a fraction in
[0, 1]. Floors are pinned per benchmark, per half (tuning, check), per metric;
the whole is printed, not gated. Output: one line per pinned figure,
``ok`` or ``FAIL``; a figure the run should have produced but did not is a
failure too. A benchmark whose eval data is missing is one ``skip`` line, and
the exit code stays 0 unless a measured figure fails.
"""

from __future__ import annotations

import importlib
import math
import sys
import time
import tomllib
from collections.abc import Mapping
from pathlib import Path

from benchmarks.common import EVAL, HALVES, WHOLE, save_result

FLOORS = Path(__file__).with_name("floors.toml")
TOLERANCE = 0.005

# benchmark -> (folder under the eval directory, module with gate_figures)
GATED: dict[str, tuple[str, str]] = {
    "extraction": ("article-extraction-benchmark", "benchmarks.extraction"),
    "flat": ("article-extraction-benchmark", "benchmarks.flat"),
    "pubdate": ("htmldate-eval", "benchmarks.pubdate"),
    "quotes": ("ggt-quotes", "benchmarks.quotes"),
    "attribution": ("polnear", "benchmarks.attribution"),
    "ner": ("conll2003", "benchmarks.ner"),
    "events": ("plover-gsr", "benchmarks.events"),
}

# benchmark -> half ("tuning", "check", "whole") -> metric -> value
Figures = Mapping[str, Mapping[str, Mapping[str, float]]]


def load_floors(path: Path = FLOORS) -> Figures:
    """The pinned floors: ``[benchmark.half]`` tables of ``metric = floor``."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def check(figures: Figures, floors: Figures) -> tuple[list[str], int]:
    """One line per pinned figure of each measured benchmark, and how many failed.

    Only benchmarks present in ``figures`` are checked (the others were not run
    or skipped). A pinned figure missing from the measurement fails; a measured
    half figure without a floor is reported as ``new`` and does not fail.
    """
    lines: list[str] = []
    failures = 0
    for bench, measured in figures.items():
        pinned = floors.get(bench, {})
        for half in HALVES:
            got, want = measured.get(half, {}), pinned.get(half, {})
            for metric, floor in want.items():
                value = got.get(metric)
                if value is None:
                    failures += 1
                    lines.append(f"FAIL {bench} {half} {metric}: not measured (floor {floor:.3f})")
                elif value < floor:
                    failures += 1
                    lines.append(f"FAIL {bench} {half} {metric} = {value:.4f} < floor {floor:.3f}")
                else:
                    lines.append(f"ok   {bench} {half} {metric} = {value:.4f} >= floor {floor:.3f}")
            for metric in sorted(set(got) - set(want)):
                lines.append(f"new  {bench} {half} {metric} = {got[metric]:.4f} (no floor pinned)")
    return lines, failures


def suggest(figures: Figures, tolerance: float = TOLERANCE) -> str:
    """floors.toml sections for ``figures``: measured minus ``tolerance``, rounded up to 0.001."""
    out: list[str] = []
    for bench, measured in figures.items():
        for half in HALVES:
            out.append(f"[{bench}.{half}]")
            for metric, value in measured.get(half, {}).items():
                out.append(f"{metric} = {math.ceil(round((value - tolerance) * 1000, 6)) / 1000:.3f}")
            out.append("")
    return "\n".join(out)


def measure(names: list[str]) -> tuple[dict[str, dict[str, dict[str, float]]], dict[str, float], list[str]]:
    """Figures and seconds of each benchmark in ``names`` whose data is present, and the skip lines."""
    figures: dict[str, dict[str, dict[str, float]]] = {}
    seconds: dict[str, float] = {}
    skips: list[str] = []
    for name in names:
        folder_name, module = GATED[name]
        folder = EVAL / folder_name
        if not folder.exists():
            skips.append(f"skip {name}: {folder} not found (set STORYLINE_EVAL to the eval folder)")
            continue
        began = time.perf_counter()
        figures[name] = importlib.import_module(module).gate_figures(folder)
        seconds[name] = time.perf_counter() - began
        whole = ", ".join(f"{k} {v:.4f}" for k, v in figures[name].get(WHOLE, {}).items())
        print(f"measured {name} in {seconds[name]:.0f}s (whole: {whole})", flush=True)
    return figures, seconds, skips


OPTIONS = ("--suggest", "--save")


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    bad = [a for a in argv if a.startswith("-") and a not in OPTIONS]
    if bad:  # an unknown option must not start a ten-minute run
        print(f"unknown option(s): {', '.join(bad)}; options: {', '.join(OPTIONS)} (--help)")
        return 2
    names = [a for a in argv if not a.startswith("--")] or list(GATED)
    unknown = [n for n in names if n not in GATED]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; gated: {', '.join(GATED)}")
        return 2
    began = time.perf_counter()
    figures, seconds, skips = measure(names)
    lines, failures = check(figures, load_floors())
    total = time.perf_counter() - began
    print("\n" + "\n".join([*skips, *lines]))
    checked = sum(1 for line in lines if line.startswith(("ok", "FAIL")))
    verdict = "FAILED" if failures else "passed"
    print(f"\nbench-gate {verdict}: {failures} of {checked} pinned figures below floor, "
          f"{len(skips)} benchmark(s) skipped, {total:.0f}s")  # fmt: skip
    if "--suggest" in argv:
        print(f"\n# floors.toml suggestion (measured - {TOLERANCE:.3f}, rounded up to 0.001)\n")
        print(suggest(figures))
    if "--save" in argv:
        save_result("gate", {"figures": figures, "seconds": seconds, "total_seconds": round(total, 1),
                             "skipped": skips, "failures": failures})  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
