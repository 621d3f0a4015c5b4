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

import functools
import json
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .batches import chunked
from .errors import StorylineError
from .model import (
    Analysis,
    Article,
    Attribution,
    DateMention,
    Duplicate,
    Entity,
    Event,
    Failure,
    Fingerprint,
    Quote,
    RawDoc,
    Removed,
    Role,
    Subhead,
    TimelineEntry,
)
from .namekeys import canonical, fold, person_words

# Analysis field -> (table, record type). Columns follow the record's fields:
# a migration adds the column when a record gains a field (a test checks).
RECORD_TABLES: dict[str, tuple[str, type]] = {
    "entities": ("entities", Entity),
    "quotes": ("quotes", Quote),
    "attributions": ("attributions", Attribution),
    "dates": ("dates", DateMention),
    "events": ("events", Event),
    "timeline": ("timeline", TimelineEntry),
    "held_back": ("held_back_events", Event),
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
# The event table's columns as created by migration 3 (held_back_events repeats them, migration 10).
_EVENT_TABLE_BODY = """    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
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
"""
_0003_EVENT_OFFSETS = f"""
CREATE TABLE events_0003 (
{_EVENT_TABLE_BODY}    PRIMARY KEY (article_id, n)
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

# Near-duplicates (link.duplicates): each article's MinHash signatures, its LSH
# band buckets (a new article meets only the articles sharing a bucket), and
# the link from every copy to the earliest article of its group.
_0004_NEAR_DUPLICATES = """
CREATE TABLE fingerprints (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    scheme TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    lead_size INTEGER NOT NULL,
    body BLOB NOT NULL,
    lead BLOB NOT NULL
);
CREATE TABLE lsh_buckets (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    PRIMARY KEY (article_id, band)
);
CREATE INDEX lsh_buckets_band_bucket ON lsh_buckets(band, bucket);
CREATE TABLE duplicates (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    method TEXT NOT NULL
);
CREATE INDEX duplicates_original ON duplicates(original_id);
"""

# One entity across articles (link/entities.py): knowledge-base entities, the link
# of each article's local entity ("e1") to one of them, and the name keys that
# find a new entity's candidates without reading the whole table. Roles are
# not copied: they are read from each article's entities row.
_0005_KB_ENTITIES = """
CREATE TABLE kb_entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE kb_links (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    kb_id TEXT NOT NULL REFERENCES kb_entities(id) ON DELETE CASCADE,
    name_in_article TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX kb_links_kb_id ON kb_links(kb_id);
CREATE TABLE kb_keys (
    key TEXT NOT NULL,
    kb_id TEXT NOT NULL REFERENCES kb_entities(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (key, article_id, entity_id),
    FOREIGN KEY (article_id, entity_id) REFERENCES kb_links(article_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX kb_keys_kb_id ON kb_keys(kb_id);
CREATE INDEX kb_keys_link ON kb_keys(article_id, entity_id);
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

# Following feeds (feeds.py, watch.py): every address fetched into an article,
# stored in canonical form (lower-case host, no fragment) with the address it
# ended at, its content hash and the article it became (NULL when cleaning found
# no article), so a feed item is fetched once; and per feed the validators of
# its last answer (ETag, Last-Modified) for the next conditional GET.
_0007_FEEDS = """
CREATE TABLE seen_urls (
    url TEXT PRIMARY KEY,
    canonical_url TEXT NOT NULL,
    content_hash TEXT,
    article_id TEXT,
    fetched_at TEXT NOT NULL
);
CREATE INDEX seen_urls_canonical ON seen_urls(canonical_url);
CREATE TABLE feed_state (
    feed_url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT
);
"""

# Stories, settling (link/stories.py): a story's weakest members are read in
# order of the similarity they joined at, without sorting the whole story.
_0008_STORY_SETTLE = """
CREATE INDEX story_articles_weakest ON story_articles(story_id, similarity, article_id);
"""

# Linking at flat cost (link/stories.py, link/entities.py). Stories: each index
# posting records when its story last gained that key (``touched``: the arrival
# number, story_articles' rowid, of the article that brought it), so a key
# shared by thousands of stories yields only its most recent ones; and the
# number of linked articles (the N of the IDF) is kept by triggers instead of
# counted on every link. Entities: kb_keys has a row per key per mention, so a
# popular person's keys grow with every article naming them; kb_key_entities
# keeps each (key, entity) pair once, with its mention count, by triggers, and
# candidate lookups read it instead.
_0009_LINK_FLAT_COST = """
ALTER TABLE story_index ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;
UPDATE story_index SET touched = coalesce(
    (SELECT max(a.rowid) FROM story_articles a WHERE a.story_id = story_index.story_id), 0);
CREATE INDEX story_index_recent ON story_index(key, touched DESC, story_id);
CREATE TABLE story_totals (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO story_totals (name, value) SELECT 'linked', count(*) FROM story_articles;
CREATE TRIGGER story_articles_replaced BEFORE INSERT ON story_articles
WHEN EXISTS (SELECT 1 FROM story_articles WHERE article_id = NEW.article_id)
BEGIN
    UPDATE story_totals SET value = value - 1 WHERE name = 'linked';
END;
CREATE TRIGGER story_articles_added AFTER INSERT ON story_articles
BEGIN
    UPDATE story_totals SET value = value + 1 WHERE name = 'linked';
END;
CREATE TRIGGER story_articles_removed AFTER DELETE ON story_articles
BEGIN
    UPDATE story_totals SET value = value - 1 WHERE name = 'linked';
END;
CREATE TABLE kb_key_entities (
    key TEXT NOT NULL,
    kb_id TEXT NOT NULL REFERENCES kb_entities(id) ON DELETE CASCADE,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (key, kb_id)
) WITHOUT ROWID;
CREATE INDEX kb_key_entities_kb ON kb_key_entities(kb_id, key);
INSERT INTO kb_key_entities (key, kb_id, mentions) SELECT key, kb_id, count(*) FROM kb_keys GROUP BY key, kb_id;
CREATE TRIGGER kb_keys_added AFTER INSERT ON kb_keys
BEGIN
    INSERT INTO kb_key_entities (key, kb_id, mentions) VALUES (NEW.key, NEW.kb_id, 1)
    ON CONFLICT(key, kb_id) DO UPDATE SET mentions = mentions + 1;
END;
CREATE TRIGGER kb_keys_removed AFTER DELETE ON kb_keys
BEGIN
    UPDATE kb_key_entities SET mentions = mentions - 1 WHERE key = OLD.key AND kb_id = OLD.kb_id;
    DELETE FROM kb_key_entities WHERE key = OLD.key AND kb_id = OLD.kb_id AND mentions <= 0;
END;
CREATE TRIGGER kb_keys_moved AFTER UPDATE OF key, kb_id ON kb_keys
BEGIN
    UPDATE kb_key_entities SET mentions = mentions - 1 WHERE key = OLD.key AND kb_id = OLD.kb_id;
    DELETE FROM kb_key_entities WHERE key = OLD.key AND kb_id = OLD.kb_id AND mentions <= 0;
    INSERT INTO kb_key_entities (key, kb_id, mentions) VALUES (NEW.key, NEW.kb_id, 1)
    ON CONFLICT(key, kb_id) DO UPDATE SET mentions = mentions + 1;
END;
"""

# Events the trust gate held back (analyze/events/trust.py) get a table of their
# own, so every query over ``events`` stays precision-first without a filter;
# ``held_back`` holds the reason (NULL in ``events``).
_0010_HELD_BACK_EVENTS = f"""
ALTER TABLE events ADD COLUMN "held_back" TEXT;
CREATE TABLE held_back_events (
{_EVENT_TABLE_BODY}    "held_back" TEXT,
    PRIMARY KEY (article_id, n)
);
"""

# A quotation split around its cue is one quote; "parts" holds its pieces'
# spans as JSON (empty for a quote in one piece).
_0011_QUOTE_PARTS = """
ALTER TABLE quotes ADD COLUMN "parts" TEXT;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", _0001_INITIAL),
    Migration(2, "provenance", _0002_PROVENANCE),
    Migration(3, "event_offsets_integer", _0003_EVENT_OFFSETS),
    Migration(4, "near_duplicates", _0004_NEAR_DUPLICATES),
    Migration(5, "kb_entities", _0005_KB_ENTITIES),
    Migration(6, "stories", _0006_STORIES),
    Migration(7, "feeds", _0007_FEEDS),
    Migration(8, "story_settle", _0008_STORY_SETTLE),
    Migration(9, "link_flat_cost", _0009_LINK_FLAT_COST),
    Migration(10, "held_back_events", _0010_HELD_BACK_EVENTS),
    Migration(11, "quote_parts", _0011_QUOTE_PARTS),
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
        except sqlite3.Error as err:
            self.close()
            raise self.error(err) from err
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
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not self._memory:
                _check_ours(conn, self.path)
                _wal(conn, self.busy_timeout_ms)
        except sqlite3.Error as err:
            raise self.error(err) from err
        return conn

    # -- reliability: an unusable database is one clear error (docs/reliability.md) --

    def error(self, err: sqlite3.Error) -> Exception:
        """The StorylineError a user should see for a database-level ``err``; see ``classify``."""
        return self.classify(err, self.path, self.busy_timeout_ms)

    @staticmethod
    def classify(err: sqlite3.Error, path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Exception:
        """The StorylineError for a database-level ``err`` (locked E194, full E196, not ours E193, read-only E195).

        Per-article errors (a constraint) are recorded as E112 failures
        instead; this covers what stops the whole command, so the CLI can
        exit 2 with one line saying what to do. Other errors come back as they are.
        """
        name = getattr(err, "sqlite_errorname", "") or ""
        text = str(err).lower()
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
            return StorylineError("E194", path=path, seconds=f"{busy_timeout_ms / 1000:g}")
        if name.startswith("SQLITE_FULL") or "disk is full" in text:
            return StorylineError("E196", path=path, detail=err)
        if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in text:
            return StorylineError("E193", path=path, detail=err)
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_PERM")) or (
            "readonly" in text or "unable to open" in text
        ):
            return StorylineError("E195", path=path, detail=err)
        return err

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
        """One transaction; a database-level error (locked, disk full) rolls it back and is raised as E18x.

        SQLite may have rolled back already (it does on SQLITE_FULL), so the
        rollback is only issued when a transaction is still open: a second
        error must never hide the first.
        """
        outcomes = []
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for item in items:
                outcomes.append(one(item, now))
            self.conn.execute("COMMIT")
        except BaseException as err:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(err, sqlite3.Error):
                raise self.error(err) from err
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
            if not isinstance(self.error(err), sqlite3.Error) or not self.conn.in_transaction:
                raise  # locked, disk full, read-only: not this article's fault; _batch rolls back
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
        """Resolve an exact id, else an unambiguous id prefix or source path (suffix), to one article id.

        ``%`` and ``_`` in ``ref`` match themselves (LIKE wildcards are
        escaped). Several matches raise E197 listing the candidates rather
        than silently picking the first; none raises E122.
        """
        row = self.conn.execute("SELECT id FROM articles WHERE id = ? OR source = ? LIMIT 1", (ref, ref)).fetchone()
        if row is not None:
            return str(row[0])
        like = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(
            "SELECT id, source FROM articles WHERE id LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\' "
            "ORDER BY rowid LIMIT 11",
            (like + "%", "%" + like + "%"),
        ).fetchall()
        if not rows:
            raise StorylineError("E122", ref=ref, path=self.path)
        if len(rows) > 1:
            shown = ", ".join(f"{r['id']} ({r['source']})" for r in rows[:10]) + (" ..." if len(rows) > 10 else "")
            raise StorylineError(
                "E197",
                ref=ref,
                count=f"{len(rows)}+" if len(rows) > 10 else len(rows),
                path=self.path,
                candidates=shown,
            )
        return str(rows[0][0])

    def analysis(self, article_id: str, only: Iterable[str] | None = None) -> Analysis:
        """Rebuild the stored Analysis of one article.

        ``only`` names the record kinds to read (``"entities"``, ``"dates"``, ...,
        the fields of ``RECORD_TABLES``); the others are left empty. Linking reads
        an article's text, entities and dates once per article, not its events.
        """
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StorylineError("E122", ref=article_id, path=self.path)
        article = _from_row(Article, row)
        wanted = None if only is None else set(only)
        if wanted is not None and not wanted <= RECORD_TABLES.keys():
            raise ValueError(f"unknown record kinds: {sorted(wanted - RECORD_TABLES.keys())}")
        parts: dict[str, Any] = {}
        for attr, (table, record) in RECORD_TABLES.items():
            if wanted is not None and attr not in wanted:
                continue
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

    # -- near-duplicates (link.duplicates) -----------------------------------

    @contextmanager
    def link_transaction(self) -> Iterator[None]:
        """One transaction around many linking writes (one commit, not one per article).

        Inside a caller's transaction it is a savepoint, so it nests; on its
        own it takes the write lock up front (BEGIN IMMEDIATE), so reading
        candidates and then writing links cannot deadlock with another writer.
        """
        nested = self.conn.in_transaction
        self.conn.execute("SAVEPOINT link" if nested else "BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO link" if nested else "ROLLBACK")
            if nested:
                self.conn.execute("RELEASE link")
            raise
        self.conn.execute("RELEASE link" if nested else "COMMIT")

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Body text per article id (ids not stored are left out), without rebuilding analyses."""
        return {
            r[0]: r[1]
            for chunk in chunked(article_ids, 500)
            for r in self.conn.execute(
                f"SELECT id, text FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk
            )
        }

    def chronology(self, article_ids: Iterable[str]) -> dict[str, tuple[int, str, int]]:
        """A sort key per article: dated articles first by published date, then ingest order (rowid).

        The earliest copy of a group is its original; an article without a
        date sorts after the dated ones, since a date is the better evidence
        of who published first.
        """
        keys = {}
        for chunk in chunked(article_ids, 500):
            rows = self.conn.execute(
                f"SELECT id, published, rowid FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk
            )
            for r in rows:
                keys[r[0]] = (0 if r[1] else 1, r[1] or "", int(r[2]))
        return keys

    def fingerprints(self, article_ids: Iterable[str]) -> dict[str, Fingerprint]:
        """The stored MinHash fingerprints of these articles (ids without one are left out)."""
        found = {}
        for chunk in chunked(article_ids, 500):
            rows = self.conn.execute(
                "SELECT article_id, scheme, body_hash, size, lead_size, body, lead FROM fingerprints "
                f"WHERE article_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            for r in rows:
                found[r[0]] = Fingerprint(r[0], r[1], r[2], int(r[3]), int(r[4]), bytes(r[5]), bytes(r[6]))
        return found

    def bucket_neighbours(self, buckets: Sequence[tuple[int, int]], exclude: str) -> list[str]:
        """Articles sharing at least one (band, bucket) with ``buckets``, in ingest order.

        This is the whole candidate search of near-duplicate linking: an
        index lookup per band, never a scan of the corpus.
        """
        if not buckets:
            return []
        values = ", ".join("(?, ?)" for _ in buckets)
        rows = self.conn.execute(
            f"WITH wanted(band, bucket) AS (VALUES {values}) "
            "SELECT DISTINCT b.article_id FROM wanted w JOIN lsh_buckets b ON b.band = w.band AND b.bucket = w.bucket "
            "JOIN articles a ON a.id = b.article_id WHERE b.article_id != ? ORDER BY a.rowid",
            [v for pair in buckets for v in pair] + [exclude],
        )
        return [r[0] for r in rows]

    def copies_of(self, original_ids: Iterable[str]) -> list[str]:
        """Every article linked as a copy of one of these originals."""
        return [
            r[0]
            for chunk in chunked(original_ids, 500)
            for r in self.conn.execute(
                f"SELECT article_id FROM duplicates WHERE original_id IN ({', '.join('?' * len(chunk))})", chunk
            )
        ]

    def save_duplicates(
        self, fingerprint: Fingerprint | None, buckets: Sequence[tuple[int, int]], links: Sequence[Duplicate]
    ) -> None:
        """Store an article's fingerprint and buckets and the links they made, all or nothing.

        A savepoint rather than BEGIN, so it also works inside a caller's
        transaction (an ingest batch). An article that becomes an original
        loses any link of its own, so no original is ever a copy.
        """
        self.conn.execute("SAVEPOINT near_duplicates")
        try:
            if fingerprint is not None:
                self._save_fingerprint(fingerprint, buckets)
            self.conn.executemany(
                "INSERT OR REPLACE INTO duplicates (article_id, original_id, similarity, method) VALUES (?, ?, ?, ?)",
                [(d.article_id, d.original_id, d.similarity, d.method) for d in links],
            )
            self.conn.executemany(
                "DELETE FROM duplicates WHERE article_id = ?", [(o,) for o in {d.original_id for d in links}]
            )
        except BaseException:
            self.conn.execute("ROLLBACK TO near_duplicates")
            self.conn.execute("RELEASE near_duplicates")
            raise
        self.conn.execute("RELEASE near_duplicates")

    def _save_fingerprint(self, fingerprint: Fingerprint, buckets: Sequence[tuple[int, int]]) -> None:
        f = fingerprint
        self.conn.execute(
            "INSERT OR REPLACE INTO fingerprints (article_id, scheme, body_hash, size, lead_size, body, lead) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (f.article_id, f.scheme, f.body_hash, f.size, f.lead_size, f.body, f.lead),
        )
        self.conn.execute("DELETE FROM lsh_buckets WHERE article_id = ?", (f.article_id,))
        self.conn.executemany(
            "INSERT INTO lsh_buckets (article_id, band, bucket) VALUES (?, ?, ?)",
            [(f.article_id, band, bucket) for band, bucket in buckets],
        )

    def clear_duplicates(self) -> None:
        """Forget every fingerprint, bucket and duplicate link (before a rebuild)."""
        self.conn.execute("SAVEPOINT near_duplicates")
        for table in ("duplicates", "lsh_buckets", "fingerprints"):
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("RELEASE near_duplicates")

    def duplicate_of(self, article_id: str) -> str | None:
        """The original this article copies, or None when it is an original (or unlinked)."""
        row = self.conn.execute("SELECT original_id FROM duplicates WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def origins(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Each article's origin: its original when it is a copy, else itself.

        Evidence is counted per origin, not per page: copies of one wire story
        share one origin.
        """
        ids = list(dict.fromkeys(article_ids))
        found = {
            r[0]: r[1]
            for chunk in chunked(ids, 500)
            for r in self.conn.execute(
                f"SELECT article_id, original_id FROM duplicates WHERE article_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
        }
        return {article_id: found.get(article_id, article_id) for article_id in ids}

    def duplicates(self) -> list[Duplicate]:
        """Every duplicate link, copies in ingest order."""
        rows = self.conn.execute(
            "SELECT d.article_id, d.original_id, d.similarity, d.method FROM duplicates d "
            "JOIN articles a ON a.id = d.article_id ORDER BY a.rowid"
        )
        return [Duplicate(r[0], r[1], float(r[2]), r[3]) for r in rows]

    # -- knowledge-base entities (link/entities.py) --------------------------

    @contextmanager
    def kb_transaction(self) -> Iterator[None]:
        """One write transaction for a linking run: all of it is kept, or none."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def kb_local_entities(self, article_id: str) -> tuple[Entity, ...]:
        """One article's entities only (linking needs no quotes or events)."""
        rows = self.conn.execute("SELECT * FROM entities WHERE article_id = ? ORDER BY n", (article_id,))
        return tuple(_from_row(Entity, r) for r in rows)

    def kb_unlinked_articles(self) -> list[str]:
        """Articles with an entity that has no knowledge-base link (new, or reanalysed), in stored order."""
        rows = self.conn.execute(
            "SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id "
            "AND NOT EXISTS (SELECT 1 FROM kb_links l WHERE l.article_id = e.article_id AND l.entity_id = e.id)) "
            "ORDER BY a.rowid"
        )
        return [r[0] for r in rows]

    def kb_unlink(self, article_ids: Iterable[str]) -> None:
        """Forget the links (and name keys) of these articles; drop entities left with no link."""
        for article_id in article_ids:
            kb_ids = [r[0] for r in self.conn.execute("SELECT kb_id FROM kb_links WHERE article_id = ?", (article_id,))]
            self.conn.execute("DELETE FROM kb_links WHERE article_id = ?", (article_id,))
            self.conn.executemany(
                "DELETE FROM kb_entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM kb_links WHERE kb_id = ?)",
                [(kb_id, kb_id) for kb_id in kb_ids],
            )

    def kb_clear(self) -> None:
        """Forget every knowledge-base entity, link and key (before a rebuild)."""
        self.conn.execute("DELETE FROM kb_entities")

    def kb_candidates(self, keys: Iterable[str], prefixes: Iterable[str] = ()) -> dict[str, frozenset[str]]:
        """Knowledge-base ids sharing one of ``keys`` (or a key starting with a prefix), each with all its keys.

        Read from ``kb_key_entities`` (each key of an entity once), not from
        ``kb_keys`` (once per mention), so a popular entity costs no more to
        meet than a rare one.
        """
        found: set[str] = set()
        for key in keys:
            found.update(r[0] for r in self.conn.execute("SELECT kb_id FROM kb_key_entities WHERE key = ?", (key,)))
        for prefix in prefixes:
            rows = self.conn.execute(
                "SELECT DISTINCT kb_id FROM kb_key_entities WHERE key >= ? AND key < ?", (prefix, prefix + "\U0010ffff")
            )
            found.update(r[0] for r in rows)
        keyed: dict[str, set[str]] = {kb_id: set() for kb_id in found}
        for kb_id in sorted(found):
            rows = self.conn.execute("SELECT key FROM kb_key_entities WHERE kb_id = ?", (kb_id,))
            keyed[kb_id].update(r[0] for r in rows)
        return {kb_id: frozenset(keys) for kb_id, keys in keyed.items()}

    def kb_create(self, kb_id: str, name: str, entity_type: str, article_id: str) -> None:
        """A new knowledge-base entity, dated by the article that introduced it (so a rebuild gives the same row)."""
        self.conn.execute(
            "INSERT INTO kb_entities (id, name, type, created_at) "
            "SELECT ?, ?, ?, ingested_at FROM articles WHERE id = ?",
            (kb_id, name, entity_type, article_id),
        )

    def kb_link(self, article_id: str, entity_id: str, kb_id: str, name: str, keys: Iterable[str]) -> None:
        """Link one article's entity to a knowledge-base entity, with the name keys it brings."""
        self.conn.execute(
            "INSERT OR REPLACE INTO kb_links (article_id, entity_id, kb_id, name_in_article) VALUES (?, ?, ?, ?)",
            (article_id, entity_id, kb_id, name),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO kb_keys (key, kb_id, article_id, entity_id) VALUES (?, ?, ?, ?)",
            [(key, kb_id, article_id, entity_id) for key in keys],
        )

    def kb_merge(self, source: str, target: str) -> None:
        """Move every link and key of knowledge-base entity ``source`` to ``target``, then drop ``source``."""
        self.conn.execute("UPDATE kb_links SET kb_id = ? WHERE kb_id = ?", (target, source))
        self.conn.execute("UPDATE OR IGNORE kb_keys SET kb_id = ? WHERE kb_id = ?", (target, source))
        self.conn.execute("DELETE FROM kb_entities WHERE id = ?", (source,))

    def kb_rename(self, kb_id: str, name: str) -> None:
        self.conn.execute("UPDATE kb_entities SET name = ? WHERE id = ?", (name, kb_id))

    def kb_name(self, kb_id: str) -> str | None:
        row = self.conn.execute("SELECT name FROM kb_entities WHERE id = ?", (kb_id,)).fetchone()
        return None if row is None else str(row[0])

    def kb_ids(self, article_id: str) -> dict[str, str]:
        """An article's local entity ids ("e1") -> their knowledge-base ids."""
        rows = self.conn.execute("SELECT entity_id, kb_id FROM kb_links WHERE article_id = ?", (article_id,))
        return {r[0]: r[1] for r in rows}

    def kb_entity(self, kb_id: str) -> dict[str, Any]:
        """One knowledge-base entity: id, name, type, every name with its article count, and its articles.

        Each article entry keeps its outlet, publication date and the roles that
        article gives the entity, read from the stored analysis, so one
        outlet's titles are never mixed with another's. E161 when no such id.
        """
        row = self.conn.execute("SELECT id, name, type FROM kb_entities WHERE id = ?", (kb_id,)).fetchone()
        if row is None:
            raise StorylineError("E161", ref=kb_id, path=self.path)
        rows = self.conn.execute(
            "SELECT l.article_id, l.entity_id, l.name_in_article, a.outlet, a.byline, a.published, a.title, "
            "e.aliases, e.roles "
            "FROM kb_links l JOIN articles a ON a.id = l.article_id "
            "LEFT JOIN entities e ON e.article_id = l.article_id AND e.id = l.entity_id "
            "WHERE l.kb_id = ? ORDER BY a.published IS NULL, a.published, a.rowid, l.entity_id",
            (kb_id,),
        ).fetchall()
        counts: dict[str, int] = {}
        articles = []
        for r in rows:
            aliases = json.loads(r["aliases"]) if r["aliases"] else []
            for form in dict.fromkeys([r["name_in_article"], *aliases]):
                counts[form] = counts.get(form, 0) + 1
            roles = [{"title": x["title"], "org": x["org"], "span": x["span"]} for x in json.loads(r["roles"] or "[]")]
            articles.append(
                {
                    "article_id": r["article_id"],
                    "entity_id": r["entity_id"],
                    "name_in_article": r["name_in_article"],
                    "outlet": r["outlet"],
                    "byline": r["byline"],
                    "published": r["published"],
                    "title": r["title"],
                    "roles": roles,
                }
            )
        names = [{"name": n, "count": c} for n, c in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
        return {"id": row["id"], "name": row["name"], "type": row["type"], "names": names, "articles": articles}

    def find_kb_entities(self, name: str) -> list[dict[str, Any]]:
        """Knowledge-base entities called ``name`` in some article: any form, case-insensitive, prefix ok.

        A one-word name also finds the people with that surname. Each match has
        ``id, name, type, articles`` (how many) and ``exact`` (a form equals the name).
        """
        folded = fold(name)
        if not folded:
            return []
        prefixes = {f"form:{folded}", f"form:{canonical(name)}"}
        found: dict[str, bool] = {}
        for prefix in sorted(prefixes):
            rows = self.conn.execute(
                "SELECT DISTINCT kb_id, key FROM kb_keys WHERE key >= ? AND key < ?", (prefix, prefix + "\U0010ffff")
            )
            for r in rows:
                found[r[0]] = found.get(r[0], False) or r[1] in prefixes
        words = person_words(name)
        if len(words) == 1:
            for r in self.conn.execute("SELECT DISTINCT kb_id FROM kb_keys WHERE key = ?", (f"person:s:{words[0]}",)):
                found.setdefault(r[0], False)
        matches = []
        for kb_id, exact in found.items():
            row = self.conn.execute(
                "SELECT k.name, k.type, count(l.article_id) FROM kb_entities k JOIN kb_links l ON l.kb_id = k.id "
                "WHERE k.id = ? GROUP BY k.id",
                (kb_id,),
            ).fetchone()
            if row is not None:
                matches.append({"id": kb_id, "name": row[0], "type": row[1], "articles": row[2], "exact": exact})
        return sorted(matches, key=lambda m: (not m["exact"], -m["articles"], m["name"], m["id"]))

    def kb_quotes(self, kb_id: str) -> list[dict[str, Any]]:
        """The quotes whose speaker is linked to ``kb_id``, with the words said (a
        quotation split around its cue has its pieces joined, the cue left out)."""
        rows = self.conn.execute(
            "SELECT q.article_id, q.n, q.kind, q.speaker, q.cue, q.channel, q.via, q.start, q.end, "
            "q.text AS span_text, a.outlet, a.byline, a.published "
            "FROM kb_links l JOIN quotes q ON q.article_id = l.article_id AND q.speaker_id = l.entity_id "
            "JOIN articles a ON a.id = l.article_id WHERE l.kb_id = ? "
            "ORDER BY a.published IS NULL, a.published, a.rowid, q.n",
            (kb_id,),
        )
        return [
            {
                "article_id": r["article_id"],
                "outlet": r["outlet"],
                "byline": r["byline"],
                "published": r["published"],
                "kind": r["kind"],
                "speaker": r["speaker"],
                "text": r["span_text"],
                "cue": r["cue"],
                "channel": r["channel"],
                "via": r["via"],
                "span": [r["start"], r["end"]],
            }
            for r in rows
        ]

    def kb_events(self, kb_id: str) -> list[dict[str, Any]]:
        """The events in which an entity linked to ``kb_id`` is the actor or the target."""
        rows = self.conn.execute(
            "SELECT ev.*, a.outlet, a.byline, a.published, "
            "(SELECT kb_id FROM kb_links x WHERE x.article_id = ev.article_id AND x.entity_id = ev.actor_id) "
            "AS actor_kb, "
            "(SELECT kb_id FROM kb_links x WHERE x.article_id = ev.article_id AND x.entity_id = ev.target_id) "
            "AS target_kb "
            "FROM kb_links l JOIN events ev ON ev.article_id = l.article_id "
            "AND (ev.actor_id = l.entity_id OR ev.target_id = l.entity_id) "
            "JOIN articles a ON a.id = l.article_id WHERE l.kb_id = ? "
            "ORDER BY a.published IS NULL, a.published, a.rowid, ev.n",
            (kb_id,),
        )
        keys = ("type", "mode", "actor", "target", "location", "date", "status", "sentence")
        return [
            {
                "article_id": r["article_id"],
                "outlet": r["outlet"],
                "byline": r["byline"],
                "published": r["published"],
                "as": "actor" if r["actor_kb"] == kb_id else "target",
                **{k: r[k] for k in keys},
                "actor_kb_id": r["actor_kb"],
                "target_kb_id": r["target_kb"],
                "span": [r["start"], r["end"]],
            }
            for r in rows
        ]

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
        """How many articles are linked to a story: the N of the stories' IDF.

        Read from ``story_totals``, which triggers keep: ``count(*)`` scans
        the whole table, a cost that grows with the corpus on every link.
        """
        row = self.conn.execute("SELECT value FROM story_totals WHERE name = 'linked'").fetchone()
        return int(row[0]) if row else 0

    def story_term_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """Document frequencies of ``terms`` among linked articles (absent terms are left out)."""
        found: dict[str, int] = {}
        for chunk in chunked(list(terms), 500):
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

    def story_candidates(self, keys: Iterable[str], limit: int, *, per_key: int | None = None) -> list[str]:
        """Ids of the stories sharing most index keys with ``keys``, at most ``limit``.

        ``per_key`` reads at most that many postings of each key, the stories
        that gained it most recently (index ``story_index_recent``): a common
        key is shared by a share of all stories, so reading all its postings
        costs in proportion to the corpus. None reads them all.
        """
        hits: dict[str, int] = {}
        if per_key is not None:
            for key in sorted(set(keys)):
                rows = self.conn.execute(
                    "SELECT story_id FROM story_index WHERE key = ? ORDER BY touched DESC, story_id LIMIT ?",
                    (key, per_key),
                )
                for (story_id,) in rows:
                    hits[story_id] = hits.get(story_id, 0) + 1
            return sorted(hits, key=lambda s: (-hits[s], s))[:limit]
        for chunk in chunked(sorted(set(keys)), 500):
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
        for chunk in chunked(list(story_ids), 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(
                "SELECT id, title, size, centroid, dated_first, dated_last, title_article, first_seen, last_seen "
                f"FROM stories WHERE id IN ({marks})",
                chunk,
            )
            for row in rows:
                state = dict(row)
                state["centroid"] = {name: dict(terms) for name, terms in _decoded_centroid(state["centroid"]).items()}
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
        """Index a story under ``keys`` so later articles sharing one of them find it.

        Each posting is stamped with the latest arrival number (the largest
        story_articles rowid), so ``story_candidates`` can read a common key's
        most recent stories first.
        """
        row = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM story_articles").fetchone()
        self.conn.executemany(
            "INSERT INTO story_index (key, story_id, touched) VALUES (?, ?, ?) "
            "ON CONFLICT(key, story_id) DO UPDATE SET touched = excluded.touched",
            [(k, story_id, int(row[0])) for k in sorted(set(keys))],
        )

    def merge_stories(self, into_id: str, from_id: str) -> None:
        """Move every article and index key of story ``from_id`` to ``into_id``, then drop ``from_id``."""
        self.conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (into_id, from_id))
        self.conn.execute(
            "INSERT INTO story_index (key, story_id, touched) SELECT key, ?, touched FROM story_index "
            "WHERE story_id = ? ON CONFLICT(key, story_id) DO UPDATE SET touched = max(touched, excluded.touched)",
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
        rows = self.conn.execute(
            "SELECT id FROM stories "
            "ORDER BY coalesce(dated_last, last_seen) DESC, coalesce(dated_first, first_seen) DESC, id"
        ).fetchall()
        return [story for story in (self.story(r[0]) for r in rows) if story is not None]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story by id or unique id prefix, in the shape of ``stories()``; None if unknown or ambiguous."""
        rows = self.conn.execute(
            "SELECT id, title, first_seen, last_seen, dated_first, dated_last FROM stories "
            "WHERE substr(id, 1, length(?)) = ? "
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
            # Publication dates when any article has one: an ingest time is not when the news was.
            "first_seen": row["dated_first"] or row["first_seen"],
            "last_seen": row["dated_last"] or row["last_seen"],
            "outlets": outlets,
        }

    # -- web pages (present/web.py): search, outlet counts, failures ---------

    def search_articles(self, query: str, limit: int, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Articles matching every word of ``query`` (FTS5, best first) with a snippet, and the total.

        The snippet marks each hit between ``\x02`` and ``\x03`` so the web
        layer can escape the text first and highlight after.
        """
        match = fts_query(query)
        if not match:
            return [], 0
        total = self.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)).fetchone()
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, "
            "snippet(articles_fts, 1, char(2), char(3), ' … ', 24) AS snippet "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank, a.rowid LIMIT ? OFFSET ?",
            (match, limit, offset),
        ).fetchall()
        return [dict(r) for r in rows], int(total[0])

    def search_quotes(self, query: str, limit: int, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Quotes containing every word of ``query`` (case-insensitive), newest article first, and the total."""
        words = query.split()
        if not words:
            return [], 0
        where = " AND ".join("q.text LIKE ? ESCAPE '\\'" for _ in words)
        args = ["%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words]
        total = self.conn.execute(f"SELECT count(*) FROM quotes q WHERE {where}", args).fetchone()
        rows = self.conn.execute(
            "SELECT q.article_id, q.text, q.kind, q.speaker, q.start, q.end, a.title, a.outlet, a.published "
            f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where} "
            "ORDER BY a.published IS NULL, a.published DESC, a.rowid, q.n LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
        found = []
        for r in rows:
            row = dict(r)
            row["span"] = [row.pop("start"), row.pop("end")]
            found.append(row)
        return found, int(total[0])

    def outlet_counts(self, article_ids: Sequence[str]) -> dict[str, int]:
        """How many of ``article_ids`` each outlet published ('' for articles without an outlet)."""
        counts: dict[str, int] = {}
        for chunk in chunked(article_ids, 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT coalesce(outlet, ''), count(*) FROM articles WHERE id IN ({marks}) GROUP BY 1", chunk
            )
            for outlet, n in rows:
                counts[outlet] = counts.get(outlet, 0) + int(n)
        return counts

    def failure_rows(self) -> list[dict[str, Any]]:
        """Every recorded failure with when it happened, most recent first."""
        rows = self.conn.execute(
            "SELECT source, code, message, failed_at FROM failures ORDER BY failed_at DESC, source"
        )
        return [dict(r) for r in rows]

    # -- feeds: seen URLs and feed state (feeds.py, watch.py) ------------------

    def url_seen(self, url: str) -> bool:
        """True when ``url`` (canonical form) was fetched before, as asked for or as redirected to."""
        row = self.conn.execute(
            "SELECT 1 FROM seen_urls WHERE url = ? OR canonical_url = ? LIMIT 1", (url, url)
        ).fetchone()
        return row is not None

    def seen_url(self, url: str) -> dict[str, Any] | None:
        """The seen_urls row of ``url`` (canonical form), or None."""
        row = self.conn.execute("SELECT * FROM seen_urls WHERE url = ? OR canonical_url = ?", (url, url)).fetchone()
        return dict(row) if row else None

    def remember_urls(self, rows: Iterable[tuple[str, str, str | None, str | None, str]]) -> None:
        """Record fetched addresses: (url, canonical_url, content_hash, article_id, fetched_at), in one transaction."""
        rows = list(rows)
        if not rows:
            return
        with self.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO seen_urls (url, canonical_url, content_hash, article_id, fetched_at) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def feed_state(self, feed_url: str) -> dict[str, Any] | None:
        """The validators of a feed's last answer (etag, last_modified) and when it was polled."""
        row = self.conn.execute("SELECT * FROM feed_state WHERE feed_url = ?", (feed_url,)).fetchone()
        return dict(row) if row else None

    def save_feed_state(self, feed_url: str, etag: str | None, last_modified: str | None, last_polled: str) -> None:
        """Keep a feed's validators for the next conditional GET."""
        self.conn.execute(
            "INSERT OR REPLACE INTO feed_state (feed_url, etag, last_modified, last_polled) VALUES (?, ?, ?, ?)",
            (feed_url, etag, last_modified, last_polled),
        )

    # -- Stories: settling (link/stories.py moves a member to the story it fits best) --

    def story_members(self, story_id: str, limit: int, *, strongest: bool = False) -> list[dict[str, Any]]:
        """Up to ``limit`` members of a story, weakest join first (``strongest``: strongest first).

        Each is a dict with ``article_id``, ``similarity``, ``vector`` (decoded),
        ``published`` and ``published_source`` (for the time decay).
        """
        rows = self.conn.execute(
            "SELECT s.article_id, s.similarity, s.vector, a.published, a.published_source "
            "FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? "
            f"ORDER BY s.similarity {'DESC' if strongest else 'ASC'}, s.article_id LIMIT ?",
            (story_id, limit),
        )
        return [{**dict(r), "vector": dict(json.loads(r["vector"]))} for r in rows]

    def move_story_article(self, article_id: str, story_id: str, similarity: float) -> None:
        """Move one linked article to another story, with the similarity it now has there."""
        self.conn.execute(
            "UPDATE story_articles SET story_id = ?, similarity = ? WHERE article_id = ?",
            (story_id, similarity, article_id),
        )

    def delete_story(self, story_id: str) -> None:
        """Drop a story that has no article left (its index keys go with it)."""
        self.conn.execute("DELETE FROM story_index WHERE story_id = ?", (story_id,))
        self.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))


def _check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file that is not a storyline database before anything is written to it (E193).

    A new (empty) file is ours to create; an existing one must be a
    storyline database: another application's SQLite file would otherwise get
    our tables added and its journal mode changed.
    """
    try:
        version = schema_version(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as err:
        if getattr(err, "sqlite_errorname", "").startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
            raise StorylineError("E193", path=path, detail=err) from err
        raise
    if not tables and version == 0:
        return
    columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")} if "articles" in tables else set()
    if not {"failures"} <= tables or not {"id", "text", "published_source"} <= columns:
        found = ", ".join(sorted(tables)[:5]) or "no tables"
        raise StorylineError("E193", path=path, detail=f"it is another application's SQLite file: {found}")


# Decoded story centroids kept, by their JSON text. Linking reads the centroids of
# up to 30 candidate stories per article, most of them unchanged since the last
# article; decoding them took more time than the rest of the story arithmetic.
# Keyed by the text itself, so a story that changed is decoded afresh; bounded,
# so memory stays flat over a long ingest.
CENTROID_CACHE = 256


@functools.lru_cache(maxsize=CENTROID_CACHE)
def _decoded_centroid(text: str) -> dict[str, dict[str, float]]:
    """A centroid decoded from its JSON; shared between calls, so callers get a copy (``story_states``)."""
    centroid: dict[str, dict[str, float]] = json.loads(text)
    return centroid


def _wal(conn: sqlite3.Connection, busy_timeout_ms: int) -> None:
    """Switch to WAL, waiting like the busy timeout: two processes creating one database at once both succeed.

    Changing the journal mode needs an exclusive lock that the busy handler
    does not always wait for, so a second process starting at the same moment
    would fail with "database is locked"; this retries until the timeout.

    In WAL mode ``synchronous = NORMAL`` syncs the log at checkpoints instead
    of at every commit: an ingest commits a few times per article (linking
    runs one transaction per article), and an fsync each took 2-7 ms on the
    benchmark machine. The database stays consistent whatever happens; a
    crash of storyline loses nothing committed; only a power cut or an
    operating-system crash can undo the last commits, which a re-ingest redoes.
    """
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


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
        if value is None and f.name in _NESTED_OR_TUPLE:
            continue  # a column a later migration added: rows stored before it take the field's default
        if isinstance(value, str) and f.name in _NESTED_OR_TUPLE:
            value = _decode_nested(f.name, json.loads(value))
        values[f.name] = value
    return record(**values)


_NESTED_OR_TUPLE = {"roles", "subheads", "removed", "tags", "aliases", "mentions", "parts"}


def _decode_nested(name: str, items: list[Any]) -> tuple[Any, ...]:
    nested = _NESTED.get(name)
    if nested is Role:
        return tuple(
            Role(d["title"], d["org"], d["span"][0], d["span"][1], d.get("rule"), d.get("confidence")) for d in items
        )
    if nested is not None:
        return tuple(nested(**d) for d in items)
    return tuple(tuple(i) if isinstance(i, list) else i for i in items)


def fts_query(text: str) -> str:
    """A user's search words as a safe FTS5 query: each word a quoted phrase, all required.

    FTS5 has its own syntax (AND, NEAR, column:, quotes); a search box must
    never fail on "Umerov's" or a stray quote, so every word is quoted.
    """
    words = [w.replace('"', "") for w in text.split()]
    return " ".join(f'"{w}"' for w in words if w)
