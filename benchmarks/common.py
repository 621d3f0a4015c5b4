"""Shared plumbing for the benchmarks: where the gold data is, tables, results.

Gold data stays in ../shared/eval (or $STORYLINE_EVAL); a benchmark whose data
is missing prints one line and exits 0, so a checkout without it still works.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("STORYLINE_EVAL", ROOT.parent / "shared" / "eval"))
RESULTS = ROOT / "benchmarks" / "results"


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
