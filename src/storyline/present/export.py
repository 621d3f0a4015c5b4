"""Export a store as JSONL, JSON, CSV or Parquet.

JSONL and JSON give one nested object per article, in the shape documented in
docs/json.md (the same ``Analysis.to_dict`` the CLI and web use, so outputs
cannot drift). CSV and Parquet are flat: one table at a time (``articles``,
``entities``, ``quotes``, ...), each row keyed by ``article_id``, ready for
pandas, DuckDB or a spreadsheet; ``table="all"`` writes every table into a folder.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import StorylineError
from ..store import TABLES, Store

FORMATS = ("jsonl", "json", "csv", "parquet")


def export(store: Store, fmt: str, out: str | Path | None = None, *, table: str = "articles") -> int:
    """Write the store in ``fmt`` to ``out`` (stdout when None); return the rows written."""
    if fmt not in FORMATS:
        raise StorylineError("E130", fmt=fmt, choices=", ".join(FORMATS))
    if fmt in ("jsonl", "json"):
        with _open_text(out) as handle:
            return _write_json(store, handle, lines=fmt == "jsonl")
    if table == "all":
        folder = Path(out or "export")
        folder.mkdir(parents=True, exist_ok=True)
        return sum(_write_table(store, name, fmt, folder / f"{name}.{fmt}") for name in TABLES)
    if table not in TABLES:
        raise StorylineError("E132", table=table, choices=", ".join((*TABLES, "all")))
    return _write_table(store, table, fmt, out)


def _write_json(store: Store, handle: IO[str], *, lines: bool) -> int:
    count = 0
    if not lines:
        handle.write("[\n")
    for analysis in store.analyses():
        text = json.dumps(analysis.to_dict(), ensure_ascii=False)
        handle.write(text + "\n" if lines else ("," if count else "") + text + "\n")
        count += 1
    if not lines:
        handle.write("]\n")
    return count


def _write_table(store: Store, table: str, fmt: str, out: str | Path | None) -> int:
    rows = list(store.rows(table))
    if fmt == "csv":
        with _open_text(out) as handle:
            return _write_csv(rows, handle, _columns(store, table))
    if out is None:
        raise StorylineError("E133")
    return _write_parquet(rows, Path(out), _columns(store, table))


def _columns(store: Store, table: str) -> list[str]:
    names = [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")]
    return [n for n in names if n != "rowid"]


def _write_csv(rows: list[dict[str, Any]], handle: IO[str], columns: list[str]) -> int:
    writer = csv.DictWriter(handle, fieldnames=columns)
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    return len(rows)


# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet will not run: one starting like a formula gets a leading ``'`` (OWASP).

    Article text is untrusted: a title ``=HYPERLINK(...)`` would otherwise
    become a live link or command when the CSV is opened. Numbers stay numbers.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_parquet(rows: list[dict[str, Any]], path: Path, columns: list[str]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:
        raise StorylineError("E131") from err
    data = {name: [row.get(name) for row in rows] for name in columns}
    pq.write_table(pa.table(data) if rows else pa.table({n: pa.array([], pa.string()) for n in columns}), path)
    return len(rows)


@contextmanager
def _open_text(out: str | Path | None) -> Iterator[IO[str]]:
    if out is None or str(out) == "-":
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as handle:
        yield handle
