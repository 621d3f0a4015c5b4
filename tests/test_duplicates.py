"""Near-duplicates: copies link to the earliest article of their group, and only bucket candidates are examined."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from storyline.link.duplicates import (
    DEFAULT_SCHEME,
    LinkStats,
    compare,
    fingerprint,
    link_duplicates,
    relink_duplicates,
)
from storyline.model import Analysis, Article
from storyline.store import SCHEMA_VERSION, Store, schema_version

OLD_DB = Path(__file__).resolve().parent / "fixtures" / "db" / "kb-0.1.0.db"

# A wire story of our own (fictional town, river and people).
FLOOD = [
    "MARROWBY - The Tessel river burst its banks before dawn on Tuesday, forcing about 400 residents of the "
    "lower town to leave their homes as water rose through the market square.",
    "Mayor Ilsa Brandvold said emergency crews had reached every street on the east bank by mid-morning and that "
    "no one had been reported missing, though two people were treated for hypothermia.",
    "The regional water board said the river peaked at 5.8 metres, more than a metre above the level reached in "
    "the floods of 2019, after three days of heavy rain across the hills to the north.",
    "Shopkeepers along Quay Street spent the afternoon carrying stock to upper floors. Baker Tomas Felde said the "
    "water had come through his door faster than anyone had warned him it would.",
    "Schools in the lower town will stay closed until Friday, the education office said, and the old bridge on "
    "the ring road was shut to traffic while engineers inspected its piers.",
    "Forecasters expect more rain on Thursday night, although the water board said the flood barriers upstream "
    "at Kessing would hold back most of it if they were closed in time.",
    "Opposition councillor Ruben Aske said the town had been promised new defences after the last flood and "
    "accused the council of letting the plans gather dust for five years.",
    "The council said the first phase of the defences was due to begin in the spring and that the money for it "
    "had already been set aside in this year's budget.",
]

# A different article on the same flood, by another outlet, with its own words.
FLOOD_FEATURE = [
    "Water still lapped at the steps of the town hall in Marrowby on Wednesday as families returned to count what "
    "the Tessel had taken from them overnight.",
    "For Annelie Vos, who has run a flower stall by the harbour for thirty years, it was the third flood she has "
    "lived through, and she said it was the worst of them by far.",
    "Volunteers from the rowing club ferried pensioners from flooded cottages to a shelter set up in the sports "
    "hall, where the red cross handed out blankets and hot soup.",
    "Engineers were checking the ring road bridge on Wednesday, and the town's planning chief promised that the "
    "long-delayed defence scheme would finally be put out to tender within weeks.",
    "Many residents were unconvinced. They pointed to a drawer full of leaflets promising the same thing after "
    "every flood and asked why the barriers at Kessing had been closed so late.",
]

# Lines that every article of one outlet carries: shared by different articles, not a sign of copying.
BOILERPLATE = [
    "Sign up for our morning newsletter to get the day's local news in your inbox before breakfast.",
    "Reporting by the Northern Wire newsroom; editing by the regional desk. All rights reserved.",
]


def _article(article_id: str, paragraphs: list[str], *, published: str | None = None, title: str = "") -> Article:
    return Article(
        id=article_id,
        source=f"{article_id}.txt",
        text="\n\n".join(paragraphs),
        title=title or None,
        published=published,
        published_source="explicit" if published else "unknown",
    )


def _store(tmp_path: Path, *articles: Article) -> Store:
    store = Store(tmp_path / "kb.db")
    store.write([Analysis(article=article) for article in articles])
    return store


def _filler(seed: int, paragraphs: int = 5) -> list[str]:
    """An unrelated article: invented words drawn from a seeded generator."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mir", "ten", "sa", "vu", "rin", "do", "pel", "ash", "or", "ni", "bek", "ta", "gru"]
    words = ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))) for _ in range(400)]
    return [" ".join(rng.choice(words) for _ in range(45)) + "." for _ in range(paragraphs)]


def test_duplicates_lightly_edited_copy_links_to_the_earliest(tmp_path: Path) -> None:
    edited = FLOOD[:4] + FLOOD[5:] + [BOILERPLATE[0]]  # a paragraph dropped, a boilerplate line added
    original = _article("wire", FLOOD, published="2025-03-04", title="Tessel floods Marrowby")
    copy = _article("reprint", edited, published="2025-03-05", title="Hundreds flee as river rises")
    with _store(tmp_path, copy, original) as store:  # the copy is ingested first
        made = link_duplicates(store, ["reprint", "wire"])
        assert made == [("reprint", "wire")]
        assert store.duplicate_of("reprint") == "wire"
        assert store.duplicate_of("wire") is None
        assert store.origins(["wire", "reprint"]) == {"wire": "wire", "reprint": "wire"}
        [link] = store.duplicates()
        assert link.method == "body" and link.similarity > 0.8


def test_duplicates_undated_articles_take_the_earliest_ingested_as_original(tmp_path: Path) -> None:
    first, second = _article("first", FLOOD), _article("second", FLOOD[:7] + [BOILERPLATE[1]])
    with _store(tmp_path, first, second) as store:
        link_duplicates(store, ["second", "first"])
        assert store.duplicate_of("second") == "first"


def test_duplicates_same_topic_with_shared_boilerplate_are_not_linked(tmp_path: Path) -> None:
    news = _article("news", FLOOD + BOILERPLATE, published="2025-03-04")
    feature = _article("feature", FLOOD_FEATURE + BOILERPLATE, published="2025-03-05")
    with _store(tmp_path, news, feature) as store:
        assert link_duplicates(store, ["news", "feature"]) == []
        assert store.origins(["news", "feature"]) == {"news": "news", "feature": "feature"}


def test_duplicates_exact_copy_is_linked_as_exact(tmp_path: Path) -> None:
    with _store(tmp_path, _article("a", FLOOD), _article("b", [p.upper() for p in FLOOD])) as store:
        assert link_duplicates(store, ["a", "b"]) == [("b", "a")]
        assert store.duplicates()[0].method == "exact"


def test_duplicates_reprint_sharing_its_lead_is_linked_by_the_lead(tmp_path: Path) -> None:
    # Same opening, then the reprint cuts most of the story and adds its own local material.
    reprint = FLOOD[:3] + _filler(7, paragraphs=3)
    a, b = fingerprint("a", "\n\n".join(FLOOD)), fingerprint("b", "\n\n".join(reprint))
    assert a is not None and b is not None
    assert compare(a, b)[1] == "lead"
    with _store(tmp_path, _article("wire", FLOOD), _article("local", reprint)) as store:
        assert link_duplicates(store, ["wire", "local"]) == [("local", "wire")]


def test_duplicates_compare_is_symmetric() -> None:
    a = fingerprint("a", "\n\n".join(FLOOD))
    b = fingerprint("b", "\n\n".join(FLOOD[1:] + BOILERPLATE))
    assert a is not None and b is not None
    assert compare(a, b) == compare(b, a)


def test_duplicates_new_article_examines_only_bucket_candidates(tmp_path: Path) -> None:
    corpus = [_article(f"other{n}", _filler(n)) for n in range(40)]
    with _store(tmp_path, _article("wire", FLOOD), *corpus) as store:
        link_duplicates(store, store.article_ids())
        store.write([Analysis(article=_article("reprint", FLOOD[1:] + BOILERPLATE))])
        stats = LinkStats()
        assert link_duplicates(store, ["reprint"], stats=stats) == [("reprint", "wire")]
        assert stats.articles == 1
        assert 1 <= stats.candidates <= 3  # the copy's buckets, not the 41 stored articles


def test_duplicates_an_earlier_article_takes_over_its_group(tmp_path: Path) -> None:
    later = _article("later", FLOOD[:7], published="2025-03-06")
    latest = _article("latest", FLOOD[1:], published="2025-03-07")
    with _store(tmp_path, later, latest) as store:
        assert link_duplicates(store, ["later", "latest"]) == [("latest", "later")]
        store.write([Analysis(article=_article("first", FLOOD, published="2025-03-04"))])
        made = link_duplicates(store, ["first"])
        assert sorted(made) == [("later", "first"), ("latest", "first")]
        assert store.origins(["first", "later", "latest"]) == {"first": "first", "later": "first", "latest": "first"}
        assert store.duplicate_of("first") is None


def test_duplicates_relink_gives_the_same_links(tmp_path: Path) -> None:
    articles = [
        _article("c", FLOOD[1:], published="2025-03-07"),
        _article("a", FLOOD[:6] + BOILERPLATE, published="2025-03-06"),
        _article("feature", FLOOD_FEATURE, published="2025-03-05"),
        _article("b", FLOOD, published="2025-03-04"),
        *(_article(f"other{n}", _filler(n)) for n in range(5)),
    ]
    with _store(tmp_path, *articles) as store:
        for article in articles:  # one at a time, as they would arrive
            link_duplicates(store, [article.id])
        incremental = sorted(store.duplicates(), key=lambda d: d.article_id)
        assert {d.article_id for d in incremental} == {"a", "c"}
        assert relink_duplicates(store) == 2
        assert sorted(store.duplicates(), key=lambda d: d.article_id) == incremental


def test_duplicates_deleting_an_article_drops_its_links(tmp_path: Path) -> None:
    with _store(tmp_path, _article("a", FLOOD), _article("b", FLOOD[1:])) as store:
        link_duplicates(store, ["a", "b"])
        store.conn.execute("DELETE FROM articles WHERE id = 'b'")
        counts = {
            t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("duplicates", "lsh_buckets")
        }
        assert counts["duplicates"] == 0
        assert counts["lsh_buckets"] == len(
            store.conn.execute("SELECT * FROM lsh_buckets WHERE article_id = 'a'").fetchall()
        )


def test_duplicates_database_from_before_the_migration_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    shutil.copy(OLD_DB, path)
    with Store(path) as store:
        assert schema_version(store.conn) == SCHEMA_VERSION
        ids = store.article_ids()
        link_duplicates(store, ids)
        assert store.origins(ids).keys() == set(ids)
        assert store.conn.execute("SELECT count(*) FROM fingerprints").fetchone()[0] == len(ids)
    conn = sqlite3.connect(path)
    try:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "lsh_buckets_band_bucket" in indexes
    finally:
        conn.close()


def test_duplicates_candidate_lookup_uses_the_band_index(tmp_path: Path) -> None:
    with _store(tmp_path, _article("a", FLOOD)) as store:
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN WITH wanted(band, bucket) AS (VALUES (?, ?)) SELECT DISTINCT b.article_id "
            "FROM wanted w JOIN lsh_buckets b ON b.band = w.band AND b.bucket = w.bucket",
            (0, 0),
        ).fetchall()
        assert any("lsh_buckets_band_bucket" in row[3] for row in plan)


@pytest.mark.parametrize("text", ["", "   ", "-- !! --"])
def test_duplicates_article_without_words_has_no_fingerprint(text: str) -> None:
    assert fingerprint("empty", text, DEFAULT_SCHEME) is None
