"""Shared plumbing for the benchmarks: where the gold data is, tables, results, halves.

Gold data stays in ../shared/eval (or $STORYLINE_EVAL); a benchmark whose data
is missing prints one line and exits 0, so a checkout without it still works.

Every accuracy benchmark splits its documents into two fixed halves with
``half_of``: a tuning half, whose documents rule developers may read (error
listings show only these), and a check half, whose figure is read and whose
documents never are. The split depends only on the document id (what that is
differs per benchmark; each module says), so it never moves between runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("STORYLINE_EVAL", ROOT.parent / "shared" / "eval"))
RESULTS = ROOT / "benchmarks" / "results"

TUNING, CHECK, WHOLE = "tuning", "check", "whole"
HALVES = (TUNING, CHECK)
PARTS = (TUNING, CHECK, WHOLE)
SPLIT_RULE = "sha256 of the UTF-8 document id: first byte even = tuning, odd = check"


def eval_dir(name: str) -> Path | None:
    """The gold folder ``name`` under EVAL, or None (with a message) if absent."""
    path = EVAL / name
    if not path.exists():
        print(f"skipped: {path} not found (set STORYLINE_EVAL to the eval folder)")
        return None
    return path


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Print a plain Markdown table, numbers to three decimals."""

    def fmt(value: Any) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    cells = [list(header)] + [[fmt(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n{title}\n")
    for n, row in enumerate(cells):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def save_result(name: str, payload: dict[str, Any]) -> Path:
    """Write ``payload`` with run metadata to benchmarks/results/<name>.json."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": name,
        "date": time.strftime("%Y-%m-%d"),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        **payload,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def half_of(doc_id: str) -> str:
    """The half a document belongs to, from its id alone (see SPLIT_RULE)."""
    return TUNING if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else CHECK


def split(items: Iterable[T], doc_id: Callable[[T], str]) -> dict[str, list[T]]:
    """The items of each half and of the whole, in their original order."""
    parts: dict[str, list[T]] = {part: [] for part in PARTS}
    for item in items:
        parts[half_of(doc_id(item))].append(item)
        parts[WHOLE].append(item)
    return parts


def by_half(items: Iterable[T], doc_id: Callable[[T], str], measure: Callable[[list[T]], R]) -> dict[str, R]:
    """``measure`` applied to the tuning half, the check half and the whole."""
    return {part: measure(chosen) for part, chosen in split(items, doc_id).items()}


def tuning_only(items: Iterable[T], doc_id: Callable[[T], str]) -> list[T]:
    """The items of the tuning half: the only documents an error listing may show."""
    return [item for item in items if half_of(doc_id(item)) == TUNING]


def print_halves(title: str, metrics: Sequence[str], rows: Sequence[tuple[str, dict[str, dict[str, Any]]]]) -> None:
    """One table of ``metrics`` per (system, {part: figures}) and part; figures hold "documents" too."""
    table = [
        [system, part, figures[part].get("documents", ""), *(figures[part].get(m, "") for m in metrics)]
        for system, figures in rows
        for part in PARTS
    ]
    print_table(f"{title} (halves: {SPLIT_RULE})", ["system", "half", "documents", *metrics], table)
