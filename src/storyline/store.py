"""The SQLite store: all SQL, the schema and its version live here.

One article is written in one transaction (a savepoint inside a batch), so a
crash or a bad article never leaves half an analysis behind. Articles are keyed
by a content hash: ingesting the same content again is a no-op. Failures are
stored too, so ``nothing is silently lost`` can be checked with one query.
Plain tables with foreign keys and full-text search make ``datasette kb.db`` a
free debugging UI.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from .errors import StorylineError
from .model import (
    Analysis,
    Article,
    Attribution,
    DateMention,
    Entity,
    Event,
    Failure,
    Quote,
    Removed,
    Role,
    Subhead,
    TimelineEntry,
)

SCHEMA_VERSION = 1

# Analysis field -> (table, record type). Columns follow the record's fields.
RECORD_TABLES: dict[str, tuple[str, type]] = {
    "entities": ("entities", Entity),
    "quotes": ("quotes", Quote),
    "attributions": ("attributions", Attribution),
    "dates": ("dates", DateMention),
    "events": ("events", Event),
    "timeline": ("timeline", TimelineEntry),
}
# Every table a user can export, in the order an export writes them.
TABLES = ("articles", *(table for table, _ in RECORD_TABLES.values()), "failures")
# Fields holding tuples are stored as JSON text; these rebuild their records.
_NESTED = {"roles": Role, "subheads": Subhead, "removed": Removed}

_ARTICLES = """
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    title TEXT, outlet TEXT, url TEXT, published TEXT,
    published_source TEXT NOT NULL,
    byline TEXT, tags TEXT, subheads TEXT, removed TEXT,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS failures (
    source TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid'
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
"""

# Field annotations are strings (postponed evaluation); anything else is TEXT.
_SQL_TYPES = {"int": "INTEGER", "float": "REAL"}


def _record_table_sql(table: str, record: type) -> str:
    cols = [f'"{f.name}" {_SQL_TYPES.get(str(f.type), "TEXT")}' for f in fields(record)]
    return (
        f"CREATE TABLE IF NOT EXISTS {table} (\n"
        "    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n"
        "    n INTEGER NOT NULL,\n    " + ",\n    ".join(cols) + ",\n"
        "    PRIMARY KEY (article_id, n)\n);"
    )


def schema_sql() -> str:
    """The whole schema as SQL, for docs and for creating a new store."""
    tables = [_record_table_sql(t, r) for t, r in RECORD_TABLES.values()]
    return _ARTICLES + "\n".join(tables)


class Store:
    """A storyline knowledge base in one SQLite file."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StorylineError("E121", path=self.path)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StorylineError("E120", path=self.path, found=version, supported=SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            self.conn.executescript(f"BEGIN; {schema_sql()}\nPRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")

    # -- writing -----------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """True when an article with this content hash is already stored."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def write(self, items: Iterable[Analysis | Failure]) -> list[str]:
        """Write a batch in one transaction, each item in its own savepoint.

        Returns what happened to each item: "added", "unchanged" (already
        stored) or "failed". An item that cannot be written is recorded as a
        failure; the rest of the batch is kept.
        """
        outcomes = []
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                outcomes.append(self._write_one(item, now))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return outcomes

    def _write_one(self, item: Analysis | Failure, now: str) -> str:
        if isinstance(item, Failure):
            self._record_failure(item, now)
            return "failed"
        if self.has(item.article.id):
            self.conn.execute("DELETE FROM failures WHERE source = ?", (item.article.source,))
            return "unchanged"
        self.conn.execute("SAVEPOINT article")
        try:
            self._insert_analysis(item, now)
        except sqlite3.Error as err:
            self.conn.execute("ROLLBACK TO article")
            message = str(StorylineError("E112", path=item.article.source, detail=err))
            self._record_failure(Failure(item.article.source, "E112", message), now)
            return "failed"
        self.conn.execute("RELEASE article")
        return "added"

    def _record_failure(self, failure: Failure, now: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO failures (source, code, message, failed_at) VALUES (?, ?, ?, ?)",
            (failure.source, failure.code, failure.message, now),
        )

    def _insert_analysis(self, analysis: Analysis, now: str) -> None:
        article = analysis.article
        row = {f.name: _to_column(getattr(article, f.name)) for f in fields(Article)}
        row["ingested_at"] = now
        cur = self.conn.execute(
            f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (cur.lastrowid, article.title or "", article.text),
        )
        for attr, (table, record) in RECORD_TABLES.items():
            names = ["article_id", "n"] + [f'"{f.name}"' for f in fields(record)]
            sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            self.conn.executemany(
                sql,
                [
                    [article.id, n] + [_to_column(getattr(item, f.name)) for f in fields(record)]
                    for n, item in enumerate(getattr(analysis, attr))
                ],
            )
        self.conn.execute("DELETE FROM failures WHERE source = ?", (article.source,))

    # -- reading -----------------------------------------------------------

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY rowid")]

    def find(self, ref: str) -> str:
        """Resolve an id, an id prefix or a source path (suffix) to one article id."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE id = ? OR id LIKE ? OR source = ? OR source LIKE ? ORDER BY rowid LIMIT 1",
            (ref, ref + "%", ref, "%" + ref + "%"),
        ).fetchone()
        if row is None:
            raise StorylineError("E122", ref=ref, path=self.path)
        return str(row[0])

    def analysis(self, article_id: str) -> Analysis:
        """Rebuild the stored Analysis of one article."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StorylineError("E122", ref=article_id, path=self.path)
        article = _from_row(Article, row)
        parts: dict[str, Any] = {}
        for attr, (table, record) in RECORD_TABLES.items():
            rows = self.conn.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY n", (article_id,))
            parts[attr] = tuple(_from_row(record, r) for r in rows)
        return Analysis(article=article, **parts)

    def analyses(self) -> Iterator[Analysis]:
        for article_id in self.article_ids():
            yield self.analysis(article_id)

    def failures(self) -> list[Failure]:
        rows = self.conn.execute("SELECT source, code, message FROM failures ORDER BY source")
        return [Failure(r["source"], r["code"], r["message"]) for r in rows]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Plain rows of one table (articles, failures or a record table), for export."""
        allowed = {"articles", "failures", *(t for t, _ in RECORD_TABLES.values())}
        if table not in allowed:
            raise ValueError(f"unknown table {table!r}")
        cursor = self.conn.execute(f"SELECT * FROM {table}")
        for row in cursor:
            data = dict(row)
            data.pop("rowid", None)
            yield data

    def counts(self) -> dict[str, int]:
        tables = ["articles", "failures", *(t for t, _ in RECORD_TABLES.values())]
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _to_column(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return json.dumps([v.to_dict() if hasattr(v, "to_dict") else v for v in value], ensure_ascii=False)
    return value


def _from_row(record: type, row: sqlite3.Row) -> Any:
    keys = row.keys()
    values: dict[str, Any] = {}
    for f in fields(record):
        if f.name not in keys:
            continue
        value = row[f.name]
        if isinstance(value, str) and f.name in _NESTED_OR_TUPLE:
            value = _decode_nested(f.name, json.loads(value))
        values[f.name] = value
    return record(**values)


_NESTED_OR_TUPLE = {"roles", "subheads", "removed", "tags", "aliases", "mentions"}


def _decode_nested(name: str, items: list[Any]) -> tuple[Any, ...]:
    nested = _NESTED.get(name)
    if nested is Role:
        return tuple(Role(d["title"], d["org"], *d["span"]) for d in items)
    if nested is not None:
        return tuple(nested(**d) for d in items)
    return tuple(tuple(i) if isinstance(i, list) else i for i in items)
