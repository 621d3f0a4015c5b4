"""The Dask engine on a local cluster: its Parquet equals the single-machine export, and loads back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from storyline.distributed import ingest_dask
from storyline.ingest import ingest
from storyline.load import load
from storyline.present.export import TABLES, export
from storyline.settings import Settings
from storyline.store import Store

distributed = pytest.importorskip("distributed")

BODY = (
    "Delegates from {a} and Borduria met in Geneva on Tuesday to talk about the river treaty.\n\n"
    "\u201cWe want a fair share of the water,\u201d said Ana Petrov, the {a} water minister.\n\n"
    "Borduria's government said it would answer the proposal next week, according to a statement.\n"
)
# Columns whose values are the time of writing, not a result of the analysis.
CLOCK = {"ingested_at", "failed_at"}


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i}.txt").write_text(BODY.format(a=f"Nation{i}"), encoding="utf-8")
    (folder / "copy.txt").write_text(BODY.format(a="Nation0"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    feed = [json.dumps({"id": "w1", "text": BODY.format(a="Syldavia"), "outlet": "Wire"}), "{broken"]
    (folder / "feed.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, client: Any) -> dict[str, Any]:
    """One corpus through both engines: a local store with its export, and a Dask Parquet folder."""
    root = tmp_path_factory.mktemp("dist")
    corpus = _corpus(root / "in")
    settings = Settings.load().with_values({"workers": 1, "batch_size": 2})
    dask_report = ingest_dask([corpus], root / "dask", settings, client=client, partition_size=3)
    with Store(root / "local.db") as store:
        local_report = ingest([corpus], store, settings)
        export(store, "parquet", root / "export", table="all")
    return {"root": root, "dask": dask_report, "local": local_report, "settings": settings}


def _table(path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows (without clock columns, sorted) of one Parquet file or part folder."""
    table = pq.read_table(path)
    names = [n for n in table.column_names if n not in CLOCK]
    rows = [tuple(row[n] for n in names) for row in table.to_pylist()]
    return table.column_names, sorted(rows, key=repr)


def _analyses(db: Path) -> list[dict[str, Any]]:
    with Store(db) as store:
        return [store.analysis(i).to_dict() for i in sorted(store.article_ids())]


@pytest.mark.slow
def test_distributed_reports_same_counts_as_local_ingest(runs: dict[str, Any]) -> None:
    dask, local = runs["dask"], runs["local"]
    assert (dask.added, dask.unchanged, dask.failed) == (local.added, local.unchanged, local.failed)
    assert dask.added == 6 and dask.unchanged == 1
    assert sorted(f.code for f in dask.failures) == ["E101", "E107"]


@pytest.mark.slow
@pytest.mark.parametrize("table", TABLES)
def test_distributed_parquet_equals_local_export(runs: dict[str, Any], table: str) -> None:
    root = runs["root"]
    parts = sorted((root / "dask" / table).glob("part-*.parquet"))
    assert len(parts) == 3  # 9 inputs - 1 copy, 3 per partition
    assert _table(root / "dask" / table) == _table(root / "export" / f"{table}.parquet")


@pytest.mark.slow
def test_distributed_load_rebuilds_local_store_and_is_idempotent(runs: dict[str, Any]) -> None:
    root = runs["root"]
    with Store(root / "loaded.db") as store:
        first = load(root / "dask", store, runs["settings"])
        second = load(root / "dask", store, runs["settings"])
        failures = {(f.source, f.code) for f in store.failures()}
    with Store(root / "local.db") as store:
        assert failures == {(f.source, f.code) for f in store.failures()}
    assert (first.added, first.unchanged, first.failed) == (6, 0, 2)
    assert (second.added, second.unchanged) == (0, 6)
    assert _analyses(root / "loaded.db") == _analyses(root / "local.db")


@pytest.mark.slow
def test_distributed_load_reads_flat_export_layout(runs: dict[str, Any]) -> None:
    root = runs["root"]
    with Store(root / "from-export.db") as store:
        report = load(root / "export", store)
    assert report.added == 6
    assert _analyses(root / "from-export.db") == _analyses(root / "local.db")


@pytest.mark.slow
def test_distributed_refuses_folder_with_earlier_parts(runs: dict[str, Any], client: Any) -> None:
    with pytest.raises(FileExistsError, match="already holds Parquet parts"):
        ingest_dask([runs["root"] / "in"], runs["root"] / "dask", runs["settings"], client=client)


@pytest.mark.slow
def test_distributed_partition_lost_on_cluster_fails_its_inputs_only(
    tmp_path: Path, client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "in")

    def lost(part: Any, settings: Any, out: str) -> Any:  # what a worker dying on every try looks like
        raise RuntimeError("worker lost")

    monkeypatch.setattr("storyline.distributed.analyze_partition", lost)
    report = ingest_dask([corpus], tmp_path / "out", Settings.load(), client=client, partition_size=3)
    assert report.added == 0 and report.unchanged == 1
    assert report.failed == 8 and {f.code for f in report.failures} == {"E111"}
    assert all("worker lost" in f.message for f in report.failures)


def test_distributed_load_refuses_folder_without_tables(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store, pytest.raises(FileNotFoundError, match="no storyline Parquet"):
        load(tmp_path, store)
