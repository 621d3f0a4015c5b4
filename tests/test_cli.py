"""The command line, run as a real subprocess: exit codes, one line per failure, exports."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ARTICLE = (
    "Ministers meet in Oslo\n\n"
    "Foreign ministers from Norway and Sweden met in Oslo on Friday to discuss fishing quotas.\n\n"
    "\u201cWe found common ground,\u201d Norwegian Foreign Minister Ola Berg said after the meeting.\n"
)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "notes.xyz").write_text("x", encoding="utf-8")
    result = run("ingest", "good.txt", "empty.txt", "bin.txt", "notes.xyz", "--db", "kb.db", "-w", "1", cwd=folder)
    assert result.returncode == 1, result.stderr
    (folder / "stderr.txt").write_text(result.stderr, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_cli_ingest_prints_one_line_per_bad_file_and_exits_1(kb: Path) -> None:
    stderr = (kb / "stderr.txt").read_text(encoding="utf-8")
    failed = [line for line in stderr.splitlines() if line.startswith("failed")]
    assert len(failed) == 3
    assert any("E101" in line and "empty.txt" in line for line in failed)
    assert any("E102" in line and "bin.txt" in line for line in failed)
    assert any("E106" in line and "notes.xyz" in line for line in failed)
    assert "1 added" in stderr


@pytest.mark.slow
def test_cli_reingest_is_noop_and_exit_0(kb: Path) -> None:
    result = run("ingest", "good.txt", "--db", "kb.db", "-q", cwd=kb)
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.slow
def test_cli_export_jsonl_has_documented_keys(kb: Path) -> None:
    result = run("export", "--db", "kb.db", "--format", "jsonl", cwd=kb)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    keys = {"id", "outlet", "url", "title", "published", "published_source", "byline", "tags", "text", "removed"}
    keys |= {"entities", "quotes", "attributions", "dates", "events"}
    assert keys <= set(records[0])


@pytest.mark.slow
@pytest.mark.parametrize("table", ["articles", "entities", "quotes", "failures"])
def test_cli_export_csv_and_parquet_tables_agree(kb: Path, table: str) -> None:
    csv_out = run("export", "--db", "kb.db", "--format", "csv", "--table", table, cwd=kb)
    rows = list(csv.DictReader(csv_out.stdout.splitlines()))
    assert (
        run("export", "--db", "kb.db", "-f", "parquet", "--table", table, "-o", f"{table}.parquet", cwd=kb).returncode
        == 0
    )
    frame = pq.read_table(kb / f"{table}.parquet")
    assert frame.num_rows == len(rows)
    if table == "failures":
        assert frame.num_rows == 3


@pytest.mark.slow
def test_cli_show_prints_title_and_json_twin(kb: Path) -> None:
    text = run("show", "good", "--db", "kb.db", cwd=kb)
    assert text.returncode == 0
    as_json = json.loads(run("show", "good", "--db", "kb.db", "--json", cwd=kb).stdout)
    assert as_json["source"] == "good.txt"


def test_cli_missing_db_is_one_line_exit_2(tmp_path: Path) -> None:
    result = run("export", "--db", "absent.db", cwd=tmp_path)
    assert result.returncode == 2
    assert "E121" in result.stderr and len(result.stderr.strip().splitlines()) <= 2


def test_cli_unknown_format_exit_2(kb: Path) -> None:
    result = run("export", "--db", "kb.db", "--format", "xml", cwd=kb)
    assert result.returncode == 2 and "E130" in result.stderr
