"""Linking at flat cost: a common story key yields its recent stories only, the IDF's N is kept, entity keys once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storyline.model import Analysis, Article
from storyline.store import Store, migrate, schema_version


def _story(store: Store, n: int) -> str:
    """Store article ``n`` and link it alone in its own story, indexed under a shared and an own key."""
    article = Article(id=f"art{n:03d}", source=f"test:{n}", text=f"Harbour report number {n} from Lumeport.")
    store.write([Analysis(article=article)])
    story_id = f"s{n:03d}"
    with store.transaction():
        state = {"id": story_id, "title": f"report {n}", "size": 1, "title_article": article.id, "centroid": {}}
        store.save_story({**state, **dict.fromkeys(("dated_first", "dated_last", "first_seen", "last_seen"))}, "now")
        store.add_story_article(story_id, article.id, 1.0, None, {})
        store.add_story_keys(story_id, ["w:harbour", f"w:report{n}"])
    return story_id


def test_story_candidates_read_only_the_most_recent_postings_of_a_key(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        ids = [_story(store, n) for n in range(12)]
        assert store.story_candidates(["w:harbour"], 30, per_key=5) == sorted(ids[-5:])
        assert len(store.story_candidates(["w:harbour"], 30)) == 12
        # An old story sharing a rarer key too still ranks first.
        assert store.story_candidates(["w:harbour", "w:report0"], 30, per_key=5)[0] == ids[0]


def test_story_candidates_count_a_story_that_gains_a_key_again_as_recent(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        ids = [_story(store, n) for n in range(6)]
        with store.transaction():
            store.add_story_keys(ids[0], ["w:harbour"])
        assert ids[0] in store.story_candidates(["w:harbour"], 30, per_key=2)


def test_story_states_give_each_reader_its_own_centroid_and_follow_a_changed_story(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        story_id = _story(store, 1)
        state = store.story_states([story_id])[story_id]
        with store.transaction():
            store.save_story({**state, "centroid": {"words": {"harbour": 0.5, "lumeport": 0.25}}}, "now")
        first = store.story_states([story_id])[story_id]["centroid"]
        first["words"]["harbour"] = 9.0  # a caller changing what it read
        first["dates"] = {}
        assert store.story_states([story_id])[story_id]["centroid"] == {"words": {"harbour": 0.5, "lumeport": 0.25}}
        with store.transaction():
            store.save_story({**state, "centroid": {"words": {"harbour": 0.75}}}, "now")
        assert store.story_states([story_id])[story_id]["centroid"] == {"words": {"harbour": 0.75}}


def test_store_file_commits_without_a_sync_per_transaction(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_story_linked_count_follows_links_replacements_and_clearing(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        for n in range(4):
            _story(store, n)
        assert store.story_linked_count() == 4
        with store.transaction():
            store.add_story_article("s001", "art001", 0.9, None, {})  # linked again: still one article
        assert store.story_linked_count() == 4
        with store.transaction():
            store.clear_stories()
        assert store.story_linked_count() == 0


def test_link_flat_cost_migration_counts_and_stamps_existing_stories(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    with Store(path) as store:
        for n in range(3):
            _story(store, n)
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in (
        "ALTER TABLE quotes DROP COLUMN parts",  # undo migration 11, then 10, then 9: back to a version-8 database
        "DROP TABLE held_back_events",
        "ALTER TABLE events DROP COLUMN held_back",
        "DROP TRIGGER story_articles_replaced",
        "DROP TRIGGER story_articles_added",
        "DROP TRIGGER story_articles_removed",
        "DROP TABLE story_totals",
        "DROP TRIGGER kb_keys_added",
        "DROP TRIGGER kb_keys_removed",
        "DROP TRIGGER kb_keys_moved",
        "DROP TABLE kb_key_entities",
        "DROP INDEX story_index_recent",
        "ALTER TABLE story_index DROP COLUMN touched",
        "PRAGMA user_version = 8",
    ):
        conn.execute(statement)
    assert 9 in migrate(conn, path) and schema_version(conn) >= 9
    assert conn.execute("SELECT value FROM story_totals WHERE name = 'linked'").fetchone()[0] == 3
    stamps = dict(conn.execute("SELECT story_id, touched FROM story_index WHERE key = 'w:harbour'").fetchall())
    assert stamps["s000"] < stamps["s001"] < stamps["s002"]
    conn.close()


def _key_pairs(store: Store) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int]]]:
    mentions = "SELECT key, kb_id, count(*) FROM kb_keys GROUP BY key, kb_id ORDER BY key, kb_id"
    kept = "SELECT key, kb_id, mentions FROM kb_key_entities ORDER BY key, kb_id"
    return (
        [tuple(r) for r in store.conn.execute(mentions)],
        [tuple(r) for r in store.conn.execute(kept)],
    )


def test_kb_key_entities_keep_each_key_of_an_entity_once_through_links_merges_and_unlinks(tmp_path: Path) -> None:
    with Store(tmp_path / "kb.db") as store:
        for n in range(4):
            _story(store, n)
        with store.kb_transaction():
            store.kb_create("kb-a", "Mira Solberg", "PERSON", "art000")
            store.kb_create("kb-b", "Solberg", "PERSON", "art001")
            for n in range(3):
                store.kb_link(f"art{n:03d}", "e1", "kb-a", "Mira Solberg", {"person:s:solberg", "form:mira solberg"})
            store.kb_link("art003", "e1", "kb-b", "Solberg", {"person:s:solberg"})
        mentions, kept = _key_pairs(store)
        assert kept == mentions and ("person:s:solberg", "kb-a", 3) in kept
        assert set(store.kb_candidates(["person:s:solberg"])) == {"kb-a", "kb-b"}
        with store.kb_transaction():
            store.kb_merge("kb-b", "kb-a")
            store.kb_unlink(["art000"])
        mentions, kept = _key_pairs(store)
        assert kept == mentions and ("person:s:solberg", "kb-a", 3) in kept
        assert store.kb_candidates(["person:s:solberg"]) == {
            "kb-a": frozenset({"person:s:solberg", "form:mira solberg"})
        }
        with store.kb_transaction():
            store.kb_clear()
        assert _key_pairs(store) == ([], [])
