"""Run every benchmark, one after another, and print their tables.

Usage: python -m benchmarks.run [NAME ...]   (default: all). Each benchmark
reads gold data from ../shared/eval (or $STORYLINE_EVAL), prints its own table
and writes benchmarks/results/NAME.json; a missing data folder is a skip.
"""

from __future__ import annotations

import subprocess
import sys
import time

BENCHMARKS = [
    "extraction",
    "flat",
    "pubdate",
    "quotes",
    "attribution",
    "ner",
    "events",
    "duplicates",
    "stories",
    "link_cost",
    "throughput",
]


def main(names: list[str]) -> int:
    status = 0
    for name in names or BENCHMARKS:
        started = time.perf_counter()
        print(f"\n## {name}", flush=True)
        code = subprocess.call([sys.executable, "-m", f"benchmarks.{name}"])
        print(f"({name}: exit {code}, {time.perf_counter() - started:.0f}s)", flush=True)
        status = status or code
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
