"""Load Parquet tables (from the Dask engine or a flat export) into a store.

Rows are turned back into ``Analysis`` records and written with
``Store.write``: one transaction per batch, a savepoint per article, and the
content id as key, so loading the same folder twice changes nothing and one
bad row costs one article, not the batch. Two layouts are read: the Dask
engine's ``TABLE/part-NNNNN.parquet`` folders, loaded part by part so memory
is bounded by the largest part, and ``storyline export --table all``'s
``TABLE.parquet`` files, loaded as one part.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from .batches import chunked
from .ingest import IngestReport, tally
from .model import Analysis, Article, Failure
from .settings import Settings
from .store import RECORD_TABLES, Store, _from_row

log = logging.getLogger(__name__)

Rows = list[dict[str, Any]]


def load(
    folder: str | Path,
    store: Store,
    settings: Settings | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Write the articles and failures of the Parquet tables in ``folder`` into ``store``.

    Returns what happened, as ``ingest`` does: added, unchanged (already in
    the store) and failures (stored failures of the run, plus rows that could
    not be written). Docs: docs/scaling.md.
    """
    settings = settings or Settings()
    report = IngestReport()
    for tables in parts(Path(folder)):
        for batch in chunked(analyses(tables), settings.write_batch):
            for item, outcome in zip(batch, store.write(batch), strict=True):
                tally(report, item, outcome)
            if progress:
                progress(len(batch))
    return report


def parts(folder: Path) -> Iterator[dict[str, Rows]]:
    """The tables of each part in ``folder``, as rows; a missing table is empty."""
    names = [*(t for t, _ in RECORD_TABLES.values()), "articles", "failures"]
    if (folder / "articles").is_dir():
        for part in sorted(p.name for p in (folder / "articles").glob("*.parquet")):
            yield {name: _rows(folder / name / part) for name in names}
    elif (folder / "articles.parquet").is_file():
        yield {name: _rows(folder / f"{name}.parquet") for name in names}
    else:
        raise FileNotFoundError(
            f"{folder}: no storyline Parquet tables (articles/ or articles.parquet). "
            "Write them with 'storyline ingest --engine dask --out DIR' or 'storyline export --table all'."
        )


def _rows(path: Path) -> Rows:
    import pyarrow.parquet as pq

    if not path.exists():
        return []
    rows: Rows = pq.read_table(path).to_pylist()
    return rows


def analyses(tables: dict[str, Rows]) -> Iterator[Analysis | Failure]:
    """Rebuild each article's Analysis from its rows in every table, then the failures."""
    grouped = {table: _by_article(tables[table]) for table, _ in RECORD_TABLES.values()}
    for row in tables["articles"]:
        parts = {
            attr: tuple(_record(record, r) for r in grouped[table].get(row["id"], []))
            for attr, (table, record) in RECORD_TABLES.items()
        }
        yield Analysis(article=_record(Article, row), **parts, analysis_version=row.get("analysis_version"))
    for row in tables["failures"]:
        yield Failure(row["source"], row["code"], row["message"])


def _record(record: type, row: dict[str, Any]) -> Any:
    """A record from a flat row, decoded exactly as the store decodes its own rows."""
    return _from_row(record, cast(Any, row))


def _by_article(rows: Rows) -> dict[str, Rows]:
    """Rows grouped by article id, each group in its stored order (column ``n``)."""
    grouped: defaultdict[str, Rows] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r["article_id"], r["n"])):
        grouped[row["article_id"]].append(row)
    return grouped
