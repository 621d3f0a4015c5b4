"""Distributed ingest on Dask: partitions of inputs -> analysis on workers -> Parquet.

The client reads the inputs lazily (as ``ingest`` does), drops duplicates and
cuts them into partitions. Each partition is analysed on a Dask worker by the
same ``process_chunk`` the local ingest uses, written into an in-memory store
by the same ``Store.write``, and saved as one Parquet part per table from
``Store.rows``; so the tables have exactly the columns and values of
``storyline export --format parquet --table all``. Only a bounded number of
partitions is in flight, so client memory stays flat. The SQLite store is
never touched here: ``storyline load`` brings the Parquet folder into one.

Layout of ``out``: one folder per table (``articles/``, ``entities/``, ...,
``failures/``), each holding ``part-NNNNN.parquet``; part N of every table
comes from the same partition. See docs/scaling.md for real clusters.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batches import chunked
from .errors import StorylineError
from .ingest import IngestReport, process_chunk, raw_id, tally
from .model import Failure, RawDoc
from .read import NOTES, read
from .settings import Settings
from .store import TABLES, Store

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.fs as pafs
    from distributed import Client, Future

log = logging.getLogger(__name__)

PART = "part-{:05d}.parquet"
# SQLite declared type -> Arrow type; anything else is text.
_ARROW_TYPES = {"INTEGER": "int64", "REAL": "float64"}

INSTALL_HINT = "The Dask engine needs the 'dask' extra: pip install 'storyline[dask]'"


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of distributed work: numbered inputs, analysed and written together."""

    number: int
    items: list[RawDoc | Failure]


@dataclass(slots=True)
class PartResult:
    """What one worker did with a partition, sent back to the client (counts, no texts)."""

    number: int
    report: IngestReport = field(default_factory=IngestReport)


def ingest_dask(
    paths: Iterable[str | Path],
    out: str | Path,
    settings: Settings | None = None,
    *,
    meta: dict[str, Any] | None = None,
    scheduler: str | None = None,
    client: Client | None = None,
    partition_size: int = 256,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Analyse every article under ``paths`` on a Dask cluster into Parquet tables under ``out``.

    ``client`` wins over ``scheduler`` (an address such as ``tcp://host:8786``);
    with neither, a LocalCluster of ``settings.workers`` processes is started.
    ``out`` is a local folder or a URI pyarrow understands (``s3://bucket/kb``)
    that every worker can write to; it must not hold parts of an earlier run.
    Returns the same report as ``ingest``. Docs: docs/scaling.md.
    """
    settings = settings or Settings()
    target = _output(out)
    report = IngestReport()
    parts = _partitions(read(paths, settings, meta), report, partition_size, progress)
    with _connect(client, scheduler, settings) as dask_client:
        for result in _run(dask_client, parts, settings, target):
            _merge(report, result.report)
            if progress:
                progress(result.report.added + result.report.unchanged + result.report.failed)
    return report


def _merge(report: IngestReport, part: IngestReport) -> None:
    report.added += part.added
    report.unchanged += part.unchanged
    report.failures.extend(part.failures)


def _partitions(
    items: Iterable[RawDoc | Failure], report: IngestReport, size: int, progress: Callable[[int], None] | None
) -> Iterator[Partition]:
    """Numbered partitions of the inputs, without skipped files or repeated content.

    The store would keep the first copy of repeated content and count the
    others as unchanged; dropping them here keeps the Parquet tables equal to
    an export of that store. The set holds 16-character ids, about 80 bytes
    per distinct article.
    """
    seen: set[str] = set()

    def fresh() -> Iterator[RawDoc | Failure]:
        for item in items:
            if isinstance(item, Failure) and item.code in NOTES:  # a note on an input still ingested
                report.warnings.append(item)
            elif isinstance(item, Failure) and item.code.startswith("W"):
                report.skipped.append(item)
            elif isinstance(item, RawDoc) and raw_id(item) in seen:
                report.unchanged += 1
                if progress:
                    progress(1)
            else:
                if isinstance(item, RawDoc):
                    seen.add(raw_id(item))
                yield item

    for number, chunk in enumerate(chunked(fresh(), size)):
        yield Partition(number, chunk)


def _run(client: Client, parts: Iterator[Partition], settings: Settings, target: str) -> Iterator[PartResult]:
    """Submit partitions with at most two per worker thread in flight; yield results as they finish."""
    from distributed import wait

    window = 2 * max(1, sum(client.nthreads().values()))
    pending: dict[Future, Partition] = {}
    for part in parts:
        [data] = client.scatter([part], hash=False)
        pending[client.submit(analyze_partition, data, settings, target, pure=False)] = _sources_only(part)
        while len(pending) >= window:
            done, _ = wait(list(pending), return_when="FIRST_COMPLETED")
            yield from (_outcome(future, pending.pop(future)) for future in done)
    for future in list(pending):
        yield _outcome(future, pending.pop(future))


def _sources_only(part: Partition) -> Partition:
    """What the client keeps of a partition in flight: its sources, not its texts."""
    return Partition(part.number, [Failure(item.source, "", "") for item in part.items])


def _outcome(future: Future, part: Partition) -> PartResult:
    """The partition's result; if the cluster lost it for good (a worker died each try), its inputs fail."""
    try:
        result: PartResult = future.result()
    except Exception as err:  # KilledWorker, a lost connection: these inputs fail, the run goes on
        log.warning("partition %s failed on the cluster: %s", part.number, err)
        result = PartResult(part.number)
        for item in part.items:
            detail = f"partition {part.number} failed on the cluster: {err!r}"
            message = str(StorylineError("E111", path=item.source, detail=detail))
            result.report.failures.append(Failure(item.source, "E111", message))
    return result


def analyze_partition(part: Partition, settings: Settings, out: str) -> PartResult:
    """Clean, analyse and write one partition; runs on a Dask worker.

    The analyses go through an in-memory Store, so failure handling and the
    flat table rows are exactly those of a local ingest followed by export.
    """
    result = PartResult(part.number)
    with Store(":memory:") as store:
        for chunk in chunked(part.items, settings.batch_size):
            analysed = process_chunk(chunk, settings)
            for item, outcome in zip(analysed, store.write(analysed), strict=True):
                tally(result.report, item, outcome)
        write_part(store, out, part.number)
    return result


def write_part(store: Store, out: str, number: int) -> None:
    """Write every table of ``store`` as part ``number`` under ``out``, one folder per table."""
    import pyarrow.parquet as pq

    filesystem, root = _filesystem(out)
    for table in TABLES:
        folder = f"{root}/{table}"
        filesystem.create_dir(folder, recursive=True)
        pq.write_table(table_arrow(store, table), f"{folder}/{PART.format(number)}", filesystem=filesystem)


def table_arrow(store: Store, table: str) -> pa.Table:
    """One store table as an Arrow table, typed from the declared SQLite column types."""
    import pyarrow as pa

    declared = [(r[1], r[2]) for r in store.conn.execute(f"PRAGMA table_info({table})") if r[1] != "rowid"]
    schema = pa.schema([(name, _ARROW_TYPES.get(kind.upper(), "string")) for name, kind in declared])
    rows = list(store.rows(table))
    return pa.Table.from_pylist(rows, schema=schema)


def _output(out: str | Path) -> str:
    """Check that ``out`` holds no earlier parts; return it as a path or URI workers can use."""
    target = str(out) if "://" in str(out) else os.path.abspath(out)
    filesystem, root = _filesystem(target)
    from pyarrow.fs import FileSelector, FileType

    if filesystem.get_file_info(root).type == FileType.NotFound:
        return target
    listed = filesystem.get_file_info(FileSelector(root, recursive=True))
    if any(info.path.endswith(".parquet") for info in listed):
        raise FileExistsError(f"{out}: already holds Parquet parts. Give an empty or new folder to --out.")
    return target


def _filesystem(out: str) -> tuple[pafs.FileSystem, str]:
    from pyarrow import fs

    if "://" in out:
        filesystem, root = fs.FileSystem.from_uri(out)
        return filesystem, root.rstrip("/")
    return fs.LocalFileSystem(), out.rstrip("/")


@contextmanager
def _connect(client: Client | None, scheduler: str | None, settings: Settings) -> Iterator[Client]:
    """The given client, one connected to ``scheduler``, or a LocalCluster closed afterwards."""
    if client is not None:
        yield client
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise ImportError(INSTALL_HINT) from err
    if scheduler:
        with Client(scheduler) as remote:
            yield remote
        return
    workers = settings.workers or os.cpu_count() or 1
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as local,
    ):
        yield local
