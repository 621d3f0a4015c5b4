"""Numbered migrations: a database written by 0.1.0 upgrades step by step and loses nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.model import Article
from storyline.present.export import TABLES, export
from storyline.store import MIGRATIONS, RECORD_TABLES, SCHEMA_VERSION, Store, migrate, schema_version

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "db" / "kb-0.1.0.db"
FACT_TABLES = [t for t, _ in RECORD_TABLES.values()]


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A copy of the knowledge base 0.1.0 wrote, so the fixture itself is never upgraded."""
    path = tmp_path / "kb.db"
    shutil.copy(FIXTURE, path)
    return path


def _snapshot(path: Path) -> dict[str, object]:
    """What must survive an upgrade: article ids in order, row counts, failures.

    Empty tables are left out of the counts: a migration may add a table, and
    a table that lost its rows still shows (its key goes missing).
    """
    conn = sqlite3.connect(path)
    try:
        return {
            "ids": [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY rowid")],
            "counts": {t: n for t in _tables(conn) if (n := conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])},
            "failures": conn.execute("SELECT source, code, message, failed_at FROM failures").fetchall(),
        }
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> list[str]:
    """The article and fact tables this database has (a later migration may add a fact table)."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in ["articles", *FACT_TABLES] if t in have]


def _schema(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every table's and index's columns, independent of how the SQL text was written."""
    query = "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name"
    schema = {}
    for kind, name in conn.execute(query).fetchall():
        pragma = "index_xinfo" if kind == "index" else "table_info"
        schema[name] = [tuple(r) for r in conn.execute(f"PRAGMA {pragma}('{name}')")]
    return schema


def test_fixture_is_a_0_1_0_database_at_schema_version_1() -> None:
    conn = sqlite3.connect(FIXTURE)
    try:
        assert schema_version(conn) == 1
    finally:
        conn.close()


def test_migration_0001_creates_exactly_the_0_1_0_schema(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "new.db", isolation_level=None)
    old = sqlite3.connect(FIXTURE)
    try:
        assert migrate(conn, "new.db", target=1) == [1]
        query = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        assert conn.execute(query).fetchall() == old.execute(query).fetchall()
    finally:
        conn.close()
        old.close()


def test_migrations_are_numbered_one_by_one_from_one() -> None:
    assert [m.number for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_opening_a_0_1_0_database_upgrades_it_and_keeps_every_article_and_failure(old_db: Path) -> None:
    before = _snapshot(old_db)
    with Store(old_db) as store:
        assert schema_version(store.conn) == SCHEMA_VERSION
        assert len(store.article_ids()) == 7
        assert [f.code for f in store.failures()] == ["E106"]
    assert _snapshot(old_db) == before


@pytest.mark.parametrize("step", MIGRATIONS[1:], ids=lambda m: f"{m.number:04d}_{m.name}")
def test_each_migration_step_upgrades_the_database_of_the_step_before(old_db: Path, step: object) -> None:
    number = step.number  # type: ignore[attr-defined]
    conn = sqlite3.connect(old_db, isolation_level=None)
    try:
        migrate(conn, old_db, target=number - 1)
        before = _snapshot(old_db)
        assert schema_version(conn) == number - 1
        assert migrate(conn, old_db, target=number) == [number]
        assert schema_version(conn) == number
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    assert _snapshot(old_db) == before


def test_an_upgraded_database_has_the_schema_of_a_new_one(old_db: Path, tmp_path: Path) -> None:
    with Store(old_db) as upgraded, Store(tmp_path / "new.db") as new:
        assert _schema(upgraded.conn) == _schema(new.conn)


def test_every_record_field_has_a_column_after_all_migrations(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        columns = {t: {r[1] for r in store.conn.execute(f"PRAGMA table_info({t})")} for t in ["articles", *FACT_TABLES]}
    assert {f.name for f in fields(Article)} | {"analysis_version"} <= columns["articles"]
    for table, record in RECORD_TABLES.values():
        assert {f.name for f in fields(record)} <= columns[table], table


def test_a_failing_migration_step_leaves_the_database_at_the_version_before(old_db: Path) -> None:
    conn = sqlite3.connect(old_db, isolation_level=None)
    try:
        conn.execute("CREATE TABLE raw_inputs (x)")  # step 2 creates this table: make it fail halfway
        with pytest.raises(sqlite3.OperationalError):
            migrate(conn, old_db)
        assert schema_version(conn) == 1
        assert "analysis_version" not in {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    finally:
        conn.close()


def test_opening_a_database_of_a_newer_schema_is_refused_with_e120(old_db: Path) -> None:
    conn = sqlite3.connect(old_db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StorylineError) as info:
        Store(old_db)
    assert info.value.code == "E120"
    assert f"version {SCHEMA_VERSION + 1}" in str(info.value)


def test_export_works_after_upgrading_a_0_1_0_database(old_db: Path, tmp_path: Path) -> None:
    with Store(old_db) as store:
        assert export(store, "jsonl", tmp_path / "kb.jsonl") == 7
        assert export(store, "csv", tmp_path / "csv", table="all") > 0
    records = [json.loads(line) for line in (tmp_path / "kb.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["analysis_version"] for r in records] == [None] * 7
    assert all(q["article_id"] == r["id"] for r in records for q in r["quotes"])
    assert {p.stem for p in (tmp_path / "csv").iterdir()} == set(TABLES)
    for table in FACT_TABLES:
        header = (tmp_path / "csv" / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header[:2] == ["article_id", "n"], table


def test_upgrade_turns_0_1_0_event_offsets_stored_as_text_into_integers(old_db: Path) -> None:
    with Store(old_db) as store:
        spans = [e.actor_start for a in store.analyses() for e in a.events if e.actor_start is not None]
        assert spans and all(isinstance(s, int) for s in spans)
        text_typed = store.conn.execute("SELECT count(*) FROM events WHERE typeof(actor_start) = 'text'")
        assert text_typed.fetchone()[0] == 0


def test_fact_rows_written_after_upgrade_name_their_columns(old_db: Path) -> None:
    with Store(old_db) as store:
        analysis = store.analysis(store.article_ids()[0])
        store.conn.execute("DELETE FROM articles WHERE id = ?", (analysis.article.id,))
        store.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        assert store.write([analysis]) == ["added"]
        assert store.analysis(analysis.article.id) == analysis
