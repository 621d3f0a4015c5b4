"""The SQLite store: all SQL, the schema and its numbered migrations live here.

One article is written in one transaction (a savepoint inside a batch), so a
crash or a bad article never leaves half an analysis behind. Articles are keyed
by a content hash: ingesting the same content again is a no-op. Failures are
stored too, so ``nothing is silently lost`` can be checked with one query.
Plain tables with foreign keys and full-text search make ``datasette kb.db`` a
free debugging UI.

The schema is a list of numbered migrations (``MIGRATIONS``), each a few SQL
statements applied in order in its own transaction; the database records the
last one applied in ``PRAGMA user_version`` (as 0.1.0 did, with version 1).
Opening an older database upgrades it; a newer one is refused with E120.
Every INSERT names its columns, so a migration that adds a column never
breaks writing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields
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
    RawDoc,
    Removed,
    Role,
    Subhead,
    TimelineEntry,
)

# Analysis field -> (table, record type). Columns follow the record's fields:
# a migration adds the column when a record gains a field (a test checks).
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
# How long a connection waits for another one's write lock before failing.
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: ``sql`` takes a database at ``number - 1`` to ``number``."""

    number: int
    name: str
    sql: str


# Exactly the schema storyline 0.1.0 wrote (it recorded PRAGMA user_version = 1).
# Never edit a released step: add a new one.
_0001_INITIAL = """
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
CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    "id" TEXT,
    "name" TEXT,
    "type" TEXT,
    "aliases" TEXT,
    "roles" TEXT,
    "mentions" TEXT,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    "text" TEXT,
    "kind" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "speaker" TEXT,
    "speaker_id" TEXT,
    "cue" TEXT,
    "channel" TEXT,
    "via" TEXT,
    "rule" TEXT,
    "confidence" REAL,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS attributions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    "source" TEXT,
    "cue" TEXT,
    "claim" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "source_id" TEXT,
    "source_type" TEXT,
    "rule" TEXT,
    "confidence" REAL,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    "text" TEXT,
    "value" TEXT,
    "granularity" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "anchor" TEXT,
    "rule" TEXT,
    "confidence" REAL,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    "type" TEXT,
    "sentence" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "mode" TEXT,
    "actor" TEXT,
    "actor_id" TEXT,
    "actor_sector" TEXT,
    "target" TEXT,
    "target_id" TEXT,
    "target_sector" TEXT,
    "location" TEXT,
    "date" TEXT,
    "date_text" TEXT,
    "status" TEXT,
    "source" TEXT,
    "trigger" TEXT,
    "rule" TEXT,
    "confidence" REAL,
    "actor_text" TEXT,
    "actor_start" TEXT,
    "actor_end" TEXT,
    "target_text" TEXT,
    "target_start" TEXT,
    "target_end" TEXT,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS timeline (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    "date" TEXT,
    "granularity" TEXT,
    "text" TEXT,
    "kind" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    PRIMARY KEY (article_id, n)
);
"""

# Provenance: the analysis version per article, the raw input for re-cleaning,
# and span/rule/confidence for entities and timeline entries (roles carry theirs
# inside the entities.roles JSON, so they need no column).
_0002_PROVENANCE = """
ALTER TABLE articles ADD COLUMN analysis_version TEXT;
CREATE INDEX articles_analysis_version ON articles(analysis_version);
CREATE TABLE raw_inputs (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    fmt TEXT NOT NULL,
    meta TEXT NOT NULL,
    text_zlib BLOB NOT NULL
);
ALTER TABLE entities ADD COLUMN "start" INTEGER;
ALTER TABLE entities ADD COLUMN "end" INTEGER;
ALTER TABLE entities ADD COLUMN "rule" TEXT;
ALTER TABLE entities ADD COLUMN "confidence" REAL;
ALTER TABLE timeline ADD COLUMN "rule" TEXT;
ALTER TABLE timeline ADD COLUMN "confidence" REAL;
"""

# 0.1.0 declared the optional event offsets TEXT (the schema was derived from
# the annotation "int | None"), so SQLite stored them as text and they came back
# as strings. Rebuild the table with INTEGER columns and convert the values.
_EVENT_COLUMNS = (
    '"type", "sentence", "start", "end", "mode", "actor", "actor_id", "actor_sector", "target", "target_id", '
    '"target_sector", "location", "date", "date_text", "status", "source", "trigger", "rule", "confidence", '
    '"actor_text", "actor_start", "actor_end", "target_text", "target_start", "target_end"'
)
_0003_EVENT_OFFSETS = f"""
CREATE TABLE events_0003 (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    "type" TEXT,
    "sentence" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "mode" TEXT,
    "actor" TEXT,
    "actor_id" TEXT,
    "actor_sector" TEXT,
    "target" TEXT,
    "target_id" TEXT,
    "target_sector" TEXT,
    "location" TEXT,
    "date" TEXT,
    "date_text" TEXT,
    "status" TEXT,
    "source" TEXT,
    "trigger" TEXT,
    "rule" TEXT,
    "confidence" REAL,
    "actor_text" TEXT,
    "actor_start" INTEGER,
    "actor_end" INTEGER,
    "target_text" TEXT,
    "target_start" INTEGER,
    "target_end" INTEGER,
    PRIMARY KEY (article_id, n)
);
INSERT INTO events_0003 (article_id, n, {_EVENT_COLUMNS})
SELECT article_id, n, "type", "sentence", "start", "end", "mode", "actor", "actor_id", "actor_sector", "target",
    "target_id", "target_sector", "location", "date", "date_text", "status", "source", "trigger", "rule",
    "confidence", "actor_text", CAST("actor_start" AS INTEGER), CAST("actor_end" AS INTEGER), "target_text",
    CAST("target_start" AS INTEGER), CAST("target_end" AS INTEGER)
FROM events;
DROP TABLE events;
ALTER TABLE events_0003 RENAME TO events;
"""

# Stories (link/stories.py): each story with its centroid (JSON of the top term
# weights per field), its articles with the similarity they joined at and their
# vector, an inverted index (entity names and top terms -> story ids) so a new
# article meets only the stories it could join, and the document frequencies
# the TF-IDF weights are computed from, kept incrementally.
_0006_STORIES = """
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_seen TEXT,
    last_seen TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    title_article TEXT,
    dated_first TEXT,
    dated_last TEXT,
    centroid TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    seen TEXT,
    vector TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX story_articles_story ON story_articles(story_id);
CREATE TABLE story_index (
    key TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (key, story_id)
) WITHOUT ROWID;
CREATE INDEX story_index_story ON story_index(story_id);
CREATE TABLE story_terms (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", _0001_INITIAL),
    Migration(2, "provenance", _0002_PROVENANCE),
    Migration(3, "event_offsets_integer", _0003_EVENT_OFFSETS),
    Migration(6, "stories", _0006_STORIES),
)
SCHEMA_VERSION = MIGRATIONS[-1].number


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version a database records (0 for a new, empty file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: str | Path, target: int = SCHEMA_VERSION) -> list[int]:
    """Bring the database on ``conn`` up to schema ``target``; return the steps applied.

    Each step runs in its own ``BEGIN IMMEDIATE`` transaction together with
    the new ``user_version``, so a crash leaves the database at a whole
    version, and the version is read again under the write lock, so two
    processes opening an old file at once apply each step once. A database
    newer than this code raises E120 rather than being misread.
    """
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise StorylineError("E120", path=path, found=found, supported=SCHEMA_VERSION)
    applied = []
    for step in MIGRATIONS:
        if step.number > target or step.number <= found:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            found = schema_version(conn)
            if step.number > found:
                for statement in _statements(step.sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {step.number}")
                applied.append(step.number)
                found = step.number
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return applied


def _statements(sql: str) -> Iterator[str]:
    """Split a migration into statements (``executescript`` would commit the open transaction)."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {buffer.strip()[:80]}")


def schema_sql() -> str:
    """The whole schema as SQL, for docs: every migration in order."""
    return "\n".join(f"-- {m.number:04d}_{m.name}\n{m.sql.strip()}\n" for m in MIGRATIONS)


class Store:
    """A storyline knowledge base in one SQLite file.

    Usable from several threads: each thread gets its own connection (SQLite
    connections must not be shared across threads), in WAL mode so readers
    never block the writer, with a busy timeout so a second writer waits for
    the lock instead of failing. ``":memory:"`` has one shared connection,
    since each new connection would be a different empty database. A thread's
    connection stays open until ``close()``, which closes them all.
    """

    def __init__(self, path: str | Path, *, create: bool = True, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StorylineError("E121", path=self.path)
        self.busy_timeout_ms = busy_timeout_ms
        self._memory = str(path) in (":memory:", "")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        try:
            migrate(self.conn, self.path)
        except BaseException:
            self.close()
            raise

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            with self._lock:
                if self._memory and self._connections:
                    conn = self._connections[0]
                else:
                    conn = self._connect()
                    self._connections.append(conn)
            self._local.conn = conn
        return conn

    def _connect(self) -> sqlite3.Connection:
        # check_same_thread=False only so close() can close every thread's
        # connection; each connection is still used by the thread that made it.
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        return conn

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
            self._local = threading.local()

    # -- writing -----------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """True when an article with this content hash is already stored."""
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def write(self, items: Iterable[Analysis | Failure], *, raw: Mapping[str, RawDoc] | None = None) -> list[str]:
        """Write a batch in one transaction, each item in its own savepoint.

        Returns what happened to each item: "added", "unchanged" (already
        stored) or "failed". An item that cannot be written is recorded as a
        failure; the rest of the batch is kept. ``raw`` maps article ids to
        the input they were cleaned from, kept (compressed) for re-cleaning.
        """
        return self._batch(items, lambda item, now: self._write_one(item, now, raw or {}))

    def rewrite(self, items: Iterable[Analysis | Failure]) -> list[str]:
        """Replace stored analyses in place (same id, same row), for ``reanalyze``.

        Each article is replaced in its own savepoint: its facts are deleted
        and written again, its article row and full-text entry updated; its
        raw input is kept. Returns "updated", "added" (the id was not stored)
        or "failed" per item; a Failure is recorded and the old analysis kept.
        """
        return self._batch(items, self._rewrite_one)

    def _batch(self, items: Iterable[Analysis | Failure], one: Callable[[Any, str], str]) -> list[str]:
        outcomes = []
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for item in items:
                outcomes.append(one(item, now))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return outcomes

    def _write_one(self, item: Analysis | Failure, now: str, raw: Mapping[str, RawDoc]) -> str:
        if isinstance(item, Failure):
            self._record_failure(item, now)
            return "failed"
        if self.has(item.article.id):
            self.conn.execute("DELETE FROM failures WHERE source = ?", (item.article.source,))
            return "unchanged"
        return self._in_savepoint(item, now, lambda: self._insert_analysis(item, now, raw.get(item.article.id)))

    def _rewrite_one(self, item: Analysis | Failure, now: str) -> str:
        if isinstance(item, Failure):
            self._record_failure(item, now)
            return "failed"
        if not self.has(item.article.id):
            return self._in_savepoint(item, now, lambda: self._insert_analysis(item, now, None))
        return self._in_savepoint(item, now, lambda: self._replace_analysis(item))

    def _in_savepoint(self, item: Analysis, now: str, action: Callable[[], str]) -> str:
        self.conn.execute("SAVEPOINT article")
        try:
            outcome = action()
        except sqlite3.Error as err:
            self.conn.execute("ROLLBACK TO article")
            self.conn.execute("RELEASE article")
            message = str(StorylineError("E112", path=item.article.source, detail=err))
            self._record_failure(Failure(item.article.source, "E112", message), now)
            return "failed"
        self.conn.execute("RELEASE article")
        return outcome

    def _record_failure(self, failure: Failure, now: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO failures (source, code, message, failed_at) VALUES (?, ?, ?, ?)",
            (failure.source, failure.code, failure.message, now),
        )

    def _insert_analysis(self, analysis: Analysis, now: str, raw: RawDoc | None) -> str:
        article = analysis.article
        row = _article_row(analysis)
        row["ingested_at"] = now
        names = ", ".join(f'"{name}"' for name in row)
        cur = self.conn.execute(
            f"INSERT INTO articles ({names}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (cur.lastrowid, article.title or "", article.text),
        )
        self._insert_records(analysis)
        if raw is not None:
            self.conn.execute(
                "INSERT OR REPLACE INTO raw_inputs (article_id, fmt, meta, text_zlib) VALUES (?, ?, ?, ?)",
                (article.id, raw.fmt, json.dumps(raw.meta, default=str), zlib.compress(raw.text.encode("utf-8"))),
            )
        self.conn.execute("DELETE FROM failures WHERE source = ?", (article.source,))
        return "added"

    def _replace_analysis(self, analysis: Analysis) -> str:
        article = analysis.article
        old = self.conn.execute("SELECT rowid, title, text FROM articles WHERE id = ?", (article.id,)).fetchone()
        # An external-content FTS index forgets a row only when given its old values.
        self.conn.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
            (old["rowid"], old["title"] or "", old["text"]),
        )
        row = _article_row(analysis)
        assignments = ", ".join(f'"{name}" = ?' for name in row)
        self.conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*row.values(), article.id])
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (old["rowid"], article.title or "", article.text),
        )
        for table, _ in RECORD_TABLES.values():
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
        self._insert_records(analysis)
        self.conn.execute("DELETE FROM failures WHERE source = ?", (article.source,))
        return "updated"

    def _insert_records(self, analysis: Analysis) -> None:
        for attr, (table, record) in RECORD_TABLES.items():
            names = ["article_id", "n"] + [f'"{f.name}"' for f in fields(record)]
            sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            self.conn.executemany(
                sql,
                [
                    [analysis.article.id, n] + [_to_column(getattr(item, f.name)) for f in fields(record)]
                    for n, item in enumerate(getattr(analysis, attr))
                ],
            )

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
        return Analysis(article=article, **parts, analysis_version=row["analysis_version"])

    def outdated(self, version: str) -> list[str]:
        """Ids of the articles not analysed by ``version`` (an unknown version counts), in stored order."""
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE analysis_version IS NOT ? ORDER BY rowid", (version,)
        ).fetchall()
        return [r[0] for r in rows]

    def raw_input(self, article_id: str) -> RawDoc | None:
        """The kept raw input of an article, ready to be cleaned again; None when none was kept."""
        row = self.conn.execute(
            "SELECT a.source, r.fmt, r.meta, r.text_zlib FROM raw_inputs r JOIN articles a ON a.id = r.article_id "
            "WHERE r.article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        text = zlib.decompress(row["text_zlib"]).decode("utf-8")
        return RawDoc(source=row["source"], text=text, fmt=row["fmt"], meta=json.loads(row["meta"]))

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

    # -- stories (link/stories.py) -------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``): all of it is kept, or none."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def story_linked_count(self) -> int:
        """How many articles are linked to a story: the N of the stories' IDF."""
        return int(self.conn.execute("SELECT count(*) FROM story_articles").fetchone()[0])

    def story_term_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """Document frequencies of ``terms`` among linked articles (absent terms are left out)."""
        found: dict[str, int] = {}
        for chunk in _chunks(list(terms), 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT term, df FROM story_terms WHERE term IN ({marks})", chunk)
            found.update((r[0], int(r[1])) for r in rows)
        return found

    def story_count_terms(self, terms: Iterable[str]) -> None:
        """Add one document to the frequency of each term (each term once per article)."""
        self.conn.executemany(
            "INSERT INTO story_terms (term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
            [(t,) for t in sorted(set(terms))],
        )

    def story_candidates(self, keys: Iterable[str], limit: int) -> list[str]:
        """Ids of the stories sharing most index keys with ``keys``, at most ``limit``."""
        hits: dict[str, int] = {}
        for chunk in _chunks(sorted(set(keys)), 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT story_id, count(*) FROM story_index WHERE key IN ({marks}) GROUP BY story_id", chunk
            )
            for story_id, n in rows:
                hits[story_id] = hits.get(story_id, 0) + int(n)
        return sorted(hits, key=lambda s: (-hits[s], s))[:limit]

    def story_states(self, story_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The linking state of each story: centroid (decoded), size, dated interval, title article."""
        states: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(story_ids), 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(
                "SELECT id, title, size, centroid, dated_first, dated_last, title_article, first_seen, last_seen "
                f"FROM stories WHERE id IN ({marks})",
                chunk,
            )
            for row in rows:
                state = dict(row)
                state["centroid"] = json.loads(state["centroid"])
                states[row["id"]] = state
        return states

    def save_story(self, story: Mapping[str, Any], now: str) -> None:
        """Insert or update one story row; ``story`` has the columns of ``stories`` except the times."""
        self.conn.execute(
            "INSERT INTO stories (id, title, first_seen, last_seen, created_at, updated_at, size, title_article, "
            "dated_first, dated_last, centroid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, "
            "last_seen = excluded.last_seen, updated_at = excluded.updated_at, size = excluded.size, "
            "title_article = excluded.title_article, dated_first = excluded.dated_first, "
            "dated_last = excluded.dated_last, centroid = excluded.centroid",
            (
                story["id"],
                story["title"],
                story["first_seen"],
                story["last_seen"],
                now,
                now,
                story["size"],
                story["title_article"],
                story["dated_first"],
                story["dated_last"],
                json.dumps(story["centroid"], ensure_ascii=False, sort_keys=True),
            ),
        )

    def add_story_article(
        self, story_id: str, article_id: str, similarity: float, seen: str | None, vector: Mapping[str, Any]
    ) -> None:
        """Record that an article joined a story, with the similarity and the vector it joined with."""
        self.conn.execute(
            "INSERT OR REPLACE INTO story_articles (story_id, article_id, similarity, seen, vector) "
            "VALUES (?, ?, ?, ?, ?)",
            (story_id, article_id, similarity, seen, json.dumps(vector, ensure_ascii=False, sort_keys=True)),
        )

    def add_story_keys(self, story_id: str, keys: Iterable[str]) -> None:
        """Index a story under ``keys`` so later articles sharing one of them find it."""
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_index (key, story_id) VALUES (?, ?)", [(k, story_id) for k in set(keys)]
        )

    def merge_stories(self, into_id: str, from_id: str) -> None:
        """Move every article and index key of story ``from_id`` to ``into_id``, then drop ``from_id``."""
        self.conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (into_id, from_id))
        self.conn.execute(
            "INSERT OR IGNORE INTO story_index (key, story_id) SELECT key, ? FROM story_index WHERE story_id = ?",
            (into_id, from_id),
        )
        self.conn.execute("DELETE FROM stories WHERE id = ?", (from_id,))

    def story_article_vector(self, article_id: str) -> dict[str, Any] | None:
        """The vector an article joined its story with (None when it is not linked)."""
        row = self.conn.execute("SELECT vector FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def ingested_at(self, article_id: str) -> str | None:
        """When an article was stored: the fallback time of articles without a publication date."""
        row = self.conn.execute("SELECT ingested_at FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def articles_by_seen(self) -> list[str]:
        """Every article id, oldest first by publication date (else ingest time), then stored order."""
        rows = self.conn.execute(
            "SELECT id FROM articles ORDER BY substr(coalesce(published, ingested_at), 1, 10), rowid"
        )
        return [r[0] for r in rows]

    def clear_stories(self) -> None:
        """Forget every story, link, index key and document frequency (``relink`` starts from here)."""
        for table in ("story_articles", "story_index", "story_terms", "stories"):
            self.conn.execute(f"DELETE FROM {table}")

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, or None when it is not linked."""
        row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def stories(self) -> list[dict[str, Any]]:
        """Every story: id, title, articles (ids, oldest first), first_seen, last_seen, outlets; newest first."""
        rows = self.conn.execute("SELECT id FROM stories ORDER BY last_seen DESC, first_seen DESC, id").fetchall()
        return [story for story in (self.story(r[0]) for r in rows) if story is not None]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story by id or unique id prefix, in the shape of ``stories()``; None if unknown or ambiguous."""
        rows = self.conn.execute(
            "SELECT id, title, first_seen, last_seen FROM stories WHERE substr(id, 1, length(?)) = ? "
            "ORDER BY id != ? LIMIT 2",
            (story_id, story_id, story_id),
        ).fetchall()
        if not rows or (len(rows) == 2 and rows[0]["id"] != story_id):
            return None
        row = rows[0]
        members = self.conn.execute(
            "SELECT a.id, a.outlet FROM story_articles s JOIN articles a ON a.id = s.article_id "
            "WHERE s.story_id = ? ORDER BY s.seen, a.rowid",
            (row["id"],),
        ).fetchall()
        outlets = sorted({m["outlet"] for m in members if m["outlet"]})
        return {
            "id": row["id"],
            "title": row["title"],
            "articles": [m["id"] for m in members],
            "first_seen": row["first_seen"],
            "last_seen": row["last_seen"],
            "outlets": outlets,
        }


def _article_row(analysis: Analysis) -> dict[str, Any]:
    """The articles-table columns of an analysis (every Article field, plus its analysis version)."""
    article = analysis.article
    row = {f.name: _to_column(getattr(article, f.name)) for f in fields(Article)}
    row["analysis_version"] = analysis.analysis_version
    return row


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
        return tuple(
            Role(d["title"], d["org"], d["span"][0], d["span"][1], d.get("rule"), d.get("confidence")) for d in items
        )
    if nested is not None:
        return tuple(nested(**d) for d in items)
    return tuple(tuple(i) if isinstance(i, list) else i for i in items)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """``items`` in slices of ``size``: SQLite limits the parameters of one statement."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
