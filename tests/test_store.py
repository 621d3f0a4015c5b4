"""The SQLite store: round trips, idempotence, failures, schema version, use from several threads."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.model import Analysis, Article, Entity, Failure, Quote, Removed, Role, Subhead
from storyline.store import SCHEMA_VERSION, Store


def _analysis(article_id: str = "a1", source: str = "a.txt") -> Analysis:
    article = Article(
        id=article_id,
        source=source,
        text="Kremlin spokesperson Dmitry Peskov said talks were useful.",
        title="Talks",
        tags=("Russia", "talks"),
        subheads=(Subhead("Background", 10),),
        removed=(Removed("Also read", "teaser"),),
    )
    entity = Entity(
        "e1", "Dmitry Peskov", "PERSON", ("Peskov",), (Role("spokesperson", "Kremlin", 7, 19),), ((21, 34),)
    )
    quote = Quote("talks were useful", "indirect", 40, 57, speaker="Dmitry Peskov", speaker_id="e1", cue="said")
    return Analysis(article=article, entities=(entity,), quotes=(quote,))


def test_store_round_trips_an_analysis(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        assert store.write([_analysis()]) == ["added"]
        assert store.analysis("a1") == _analysis()


def test_store_same_content_twice_is_noop(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.write([_analysis()])
        assert store.write([_analysis()]) == ["unchanged"]
        assert store.counts()["articles"] == 1 and store.counts()["quotes"] == 1


def test_store_failure_recorded_then_cleared_by_success(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.write([Failure("a.txt", "E104", "a.txt: no text")])
        assert [f.code for f in store.failures()] == ["E104"]
        store.write([_analysis(source="a.txt")])
        assert store.failures() == []


def test_store_bad_article_fails_alone_in_its_batch(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.conn.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON quotes WHEN NEW.article_id = 'bad' "
            "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
        )
        outcomes = store.write([_analysis("ok1", "1.txt"), _analysis("bad", "2.txt"), _analysis("ok2", "3.txt")])
        assert outcomes == ["added", "failed", "added"]
        assert store.article_ids() == ["ok1", "ok2"]
        assert store.conn.execute("SELECT count(*) FROM entities WHERE article_id='bad'").fetchone()[0] == 0
        assert [f.code for f in store.failures()] == ["E112"]


def test_store_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StorylineError) as info:
        Store(path)
    assert info.value.code == "E120"


def test_store_full_text_search_finds_article(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.write([_analysis()])
        hits = store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Peskov'").fetchall()
        assert len(hits) == 1


def test_store_find_by_prefix_and_source(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.write([_analysis("abc123", "news/page.txt")])
        assert store.find("abc") == "abc123" and store.find("page") == "abc123"
        with pytest.raises(StorylineError):
            store.find("zzz")


def test_store_reads_from_several_threads_while_one_writes(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.write([_analysis("a0", "0.txt")])
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        stop = threading.Event()
        seen: list[int] = []
        errors: list[BaseException] = []

        def reader() -> None:
            try:
                while not stop.is_set():
                    ids = store.article_ids()
                    assert store.analysis(ids[-1]).article.text
                    seen.append(len(ids))
            except BaseException as error:  # reported in the main thread
                errors.append(error)

        readers = [threading.Thread(target=reader) for _ in range(4)]
        for thread in readers:
            thread.start()
        for n in range(1, 40):
            assert store.write([_analysis(f"a{n}", f"{n}.txt")]) == ["added"]
        stop.set()
        for thread in readers:
            thread.join()
        assert errors == []
        assert seen and max(seen) <= 40
        assert len(store._connections) == 5  # one per thread that used the store
        assert store.counts()["articles"] == 40


def test_store_writes_from_two_threads_wait_for_each_other(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:

        def writer(first: int) -> None:
            for n in range(first, first + 20):
                store.write([_analysis(f"t{n}", f"{n}.txt")])

        threads = [threading.Thread(target=writer, args=(k * 20,)) for k in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert store.counts()["articles"] == 40


def test_store_round_trips_the_pieces_of_a_split_quotation(tmp_path: Path) -> None:
    text = "“The ferry is cancelled,” Ilse Brand said. “Nobody crosses.”"
    article = Article(id="s1", source="s.txt", text=text)
    quote = Quote("The ferry is cancelled. Nobody crosses.", "direct", 1, 58, speaker="Ilse Brand", cue="said",
                  parts=((1, 23), (43, 58)))  # fmt: skip
    plain = Quote("Nobody crosses.", "direct", 43, 58, speaker="Ilse Brand")
    analysis = Analysis(article=article, quotes=(quote, plain))
    with Store(tmp_path / "kb.db") as store:
        store.write([analysis])
        assert store.analysis("s1") == analysis


def test_store_analysis_reads_only_the_named_parts(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        store.write([_analysis()])
        whole = store.analysis("a1")
        some = store.analysis("a1", only=("entities",))
        assert some.article == whole.article and some.entities == whole.entities and whole.quotes
        assert some.quotes == () and store.analysis("a1", only=()).entities == ()
        with pytest.raises(ValueError):
            store.analysis("a1", only=("quote",))
