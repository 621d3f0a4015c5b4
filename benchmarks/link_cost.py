"""Cost of linking one more article as the knowledge base grows (1k, 10k, 100k stored articles).

Linking (``link.link_articles``: near-duplicates, entities, stories) must
stay flat: a new article meets only its index candidates, never the corpus.
This measures it on a synthetic load, since no real corpus of 100k analysed
articles is at hand: articles are built directly as stored analyses (text of
Zipf-distributed random words from a fixed vocabulary, grouped in synthetic
stories that share topic words and entity names, two more names drawn with
Zipf-like popularity (a few people are in a large share of the news),
publication dates spread over a year), written with ``Store.write`` with
their link rows filled in directly (``Bulk``: fingerprints, one
knowledge-base entity per name, one story per synthetic story), since
linking 100k articles one by one would take hours. At each size, N new
articles (drawn the same way) are linked one at a time by the real linking
steps (``link_articles`` runs the same three, timed here one by one); the figures are ms per
article, candidates examined per article (near-duplicate bucket neighbours
and candidate stories) and the peak of Python allocations (tracemalloc)
during the timed linking, with the process's peak RSS for reference.

Baseline, in the same run: the smallest size; the ratios larger/smallest are
the result (flat = near 1).

Run: python -m benchmarks.link_cost [--sizes 1000,10000,100000] [--probe 50] [--db FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import resource
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.common import print_table, save_result
from storyline.link.duplicates import DEFAULT_SCHEME, buckets, link_duplicates
from storyline.link.duplicates import LinkStats as DuplicateStats
from storyline.link.entities import link_entities
from storyline.link.entity_names import mention
from storyline.link.stories import (
    FIELDS,
    StoryParams,
    _add,
    _tfidf,
    _top,
    article_counts,
    index_keys,
    link_stories,
    story_key,
)
from storyline.link.stories import LinkStats as StoryStats
from storyline.model import Analysis, Article, Entity, Fingerprint
from storyline.store import Store

SIZES = (1_000, 10_000, 100_000)
PROBE = 50
VOCABULARY = 30_000
NAMES = 20_000
WORDS_PER_ARTICLE = 180
STORY_SIZE = 6
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["an", "el", "or", "is", "um"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


class Generator:
    """Synthetic articles, reproducible from a seed: stories of a few articles sharing topic words and names."""

    def __init__(self, seed: int = 7) -> None:
        rng = random.Random(seed)
        self.vocabulary = sorted({_word(rng, rng.randint(2, 4)) for _ in range(VOCABULARY * 2)})[:VOCABULARY]
        rng.shuffle(self.vocabulary)
        self.names = [f"{_word(rng, 2).title()} {_word(rng, 3).title()}" for _ in range(NAMES)]
        # Zipf-like word frequencies: a few very common words, a long tail.
        self.weights = [1.0 / (rank + 1) for rank in range(VOCABULARY)]
        # Cumulative once: random.choices with plain weights re-adds all 30k of them per call.
        self.cumulative = list(itertools.accumulate(self.weights))
        # Names are Zipf-popular too: a few people are in a large share of the news.
        self.name_cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(NAMES)))
        self.topics = self.vocabulary[200:]
        self.count = 0

    def articles(self, n: int, prefix: str) -> Iterator[Analysis]:
        """``n`` new analyses; consecutive ones come in stories of STORY_SIZE."""
        for _, analysis in self.grouped(n, prefix):
            yield analysis

    def grouped(self, n: int, prefix: str) -> Iterator[tuple[int, Analysis]]:
        """``n`` new analyses with the number of the synthetic story each belongs to."""
        for _ in range(n):
            self.count += 1
            story = self.count // STORY_SIZE
            yield story, self._article(f"{prefix}{self.count}", story)

    def _article(self, key: str, story: int) -> Analysis:
        rng = random.Random(hashlib.sha256(key.encode()).digest())
        topic = random.Random(story)
        topic_words = topic.sample(self.topics, 25)
        topic_names = topic.sample(self.names, 3)
        words = rng.choices(self.vocabulary, cum_weights=self.cumulative, k=WORDS_PER_ARTICLE)
        words += rng.choices(topic_words, k=WORDS_PER_ARTICLE // 3)
        rng.shuffle(words)
        names = topic_names + [n for n in dict.fromkeys(rng.choices(self.names, cum_weights=self.name_cumulative, k=2))]
        names = list(dict.fromkeys(names))
        parts, entities, offset = [], [], 0
        for n, name in enumerate(names):
            chunk = " ".join(words[n * 40 : (n + 1) * 40]).capitalize() + f" said {name}."
            start = offset + chunk.index(name)
            entities.append(
                Entity(f"e{n + 1}", name, "PERSON" if n % 2 else "ORG", mentions=((start, start + len(name)),))
            )
            parts.append(chunk)
            offset += len(chunk) + 2
        text = "\n\n".join(parts)
        day = 1 + (story * 3) % 360
        published = f"2025-{1 + day // 30 % 12:02d}-{1 + day % 28:02d}"
        article_id = hashlib.sha256(key.encode()).hexdigest()[:16]
        article = Article(
            id=article_id,
            source=f"synthetic:{key}",
            text=text,
            title=" ".join(words[:8]).capitalize(),
            outlet=f"outlet{rng.randint(1, 40)}",
            published=published,
            published_source="explicit",
        )
        return Analysis(article=article, entities=tuple(entities))


class Bulk:
    """Writes synthetic articles with their link rows filled in directly: the corpus, fast.

    Linking 100k articles one by one takes hours (about 50 ms each), and only
    the linking of the probe articles is measured, so the stored corpus is
    written the way linking would have left it: each article's fingerprint
    and LSH buckets (see ``_fingerprint``; no article is a copy), one
    knowledge-base entity per distinct name with the name keys linking gives
    it, and one story per synthetic story whose centroid is the sum of its
    members' TF-IDF vectors (weighted with the document frequencies known when
    each arrived), indexed under its members' index keys, with its document
    frequencies counted.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.params = StoryParams()
        self.df: Counter[str] = Counter()
        self.linked = 0
        self.kb: dict[str, str] = {}
        self.stories: dict[int, dict[str, Any]] = {}

    def load(self, grouped: list[tuple[int, Analysis]]) -> None:
        """Store a batch of analyses and write their duplicate, entity and story rows.

        The rows are written in one transaction, many at a time (writing them
        one article at a time dirties most pages of the large indexes again
        and again).
        """
        items = [analysis for _, analysis in grouped]
        self.store.write(items)
        prints = [_fingerprint(a.article.id, a.article.text) for a in items]
        now = time.strftime("%Y-%m-%dT%H:%M:%S")
        with self.store.transaction():
            for analysis in items:
                self._entities(analysis)
            batch_df: Counter[str] = Counter()
            for story, analysis in grouped:
                batch_df.update(self._story(story, analysis))
            self.store.conn.executemany(
                "INSERT INTO story_terms (term, df) VALUES (?, ?) "
                "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                sorted(batch_df.items()),
            )
            for number in sorted(self.stories):
                state = self.stories[number]
                centroid = {name: _top(state["centroid"][name], self.params.centroid_terms) for name in FIELDS}
                self.store.save_story({**state, "centroid": centroid}, now)
                if number < grouped[-1][0]:
                    del self.stories[number]
                else:
                    state["centroid"] = centroid
            fingerprints: list[tuple[Any, ...]] = []
            rows: list[tuple[str, int, int]] = []
            for fp, bands in prints:
                if fp is not None:
                    fingerprints.append(
                        (fp.article_id, fp.scheme, fp.body_hash, fp.size, fp.lead_size, fp.body, fp.lead)
                    )
                    rows.extend((fp.article_id, band, bucket) for band, bucket in bands)
            self.store.conn.executemany(
                "INSERT INTO fingerprints (article_id, scheme, body_hash, size, lead_size, body, lead) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                fingerprints,
            )
            self.store.conn.executemany("INSERT INTO lsh_buckets (article_id, band, bucket) VALUES (?, ?, ?)", rows)

    def _entities(self, analysis: Analysis) -> None:
        article_id = analysis.article.id
        for entity in analysis.entities:
            m = mention(article_id, entity)
            kb_id = self.kb.get(entity.name.lower())
            if kb_id is None:
                kb_id = self.kb[entity.name.lower()] = "kb-" + hashlib.sha256(entity.name.encode()).hexdigest()[:12]
                if self.store.kb_name(kb_id) is None:  # a kept --db file may hold it already
                    self.store.kb_create(kb_id, entity.name, entity.type, article_id)
            self.store.kb_link(article_id, entity.id, kb_id, entity.name, m.keys)

    def _story(self, number: int, analysis: Analysis) -> set[str]:
        """Add one article to its synthetic story (the centroid is cut to size when saved); its terms."""
        params, article = self.params, analysis.article
        counts = article_counts(analysis)
        terms = {key for field_counts in counts.values() for key in field_counts}
        self.df.update(terms)
        self.linked += 1
        vector = {name: _tfidf(counts[name], self.df, self.linked, params.vector_terms) for name in FIELDS}
        day = article.published[:10] if article.published else None
        state = self.stories.get(number)
        if state is None:
            state = self.stories[number] = {
                "id": story_key(article.id),
                "title": article.title,
                "size": 0,
                "title_article": article.id,
                "centroid": {name: {} for name in FIELDS},
                "dated_first": day,
                "dated_last": day,
                "first_seen": day,
                "last_seen": day,
            }
            self.store.save_story(state, time.strftime("%Y-%m-%dT%H:%M:%S"))
        state["size"] += 1
        state["centroid"] = {name: _add(state["centroid"][name], vector[name]) for name in FIELDS}
        for key in ("dated_first", "first_seen"):
            state[key] = min(state[key] or day, day) if day else state[key]
        for key in ("dated_last", "last_seen"):
            state[key] = max(state[key] or day, day) if day else state[key]
        self.store.add_story_article(state["id"], article.id, 0.5, day, vector)
        self.store.add_story_keys(state["id"], index_keys(vector, params.index_terms))
        return terms


def _fingerprint(article_id: str, text: str) -> tuple[Fingerprint, list[tuple[int, int]]]:
    """A fingerprint with random MinHash signatures, and its real LSH buckets.

    Computing real signatures costs 2 ms an article. Unrelated articles share
    almost no 4-word shingles (the synthetic ones found 0 bucket neighbours
    per new article with real signatures at 10k), so their real buckets are
    as good as random ones: bucket lookups of the probe meet the same number
    of rows. No stored article is a copy of another.
    """
    rng = random.Random(article_id)
    scheme = DEFAULT_SCHEME
    fp = Fingerprint(
        article_id=article_id,
        scheme=scheme.name,
        body_hash=hashlib.sha1(text.encode()).hexdigest(),
        size=WORDS_PER_ARTICLE + WORDS_PER_ARTICLE // 3,
        lead_size=scheme.lead_words - scheme.shingle + 1,
        body=rng.randbytes(4 * scheme.num_perm),
        lead=rng.randbytes(4 * scheme.lead_perm),
    )
    return fp, buckets(fp, scheme)


def grow(bulk: Bulk, generator: Generator, size: int, batch: int = 5_000) -> float:
    """Write articles (with their link rows, see ``Bulk``) until the store holds ``size``; seconds spent."""
    started = time.perf_counter()
    have = len(bulk.store.article_ids())
    # A large page cache while building only (the probe runs with the store's own settings).
    default = bulk.store.conn.execute("PRAGMA cache_size").fetchone()[0]
    bulk.store.conn.execute("PRAGMA cache_size = -1000000")
    try:
        while have < size:
            take = min(batch, size - have)
            bulk.load(list(generator.grouped(take, "bulk")))
            have += take
            print(f"  {have} stored with their links ({time.perf_counter() - started:.0f}s)", flush=True)
    finally:
        bulk.store.conn.execute(f"PRAGMA cache_size = {int(default)}")
    return time.perf_counter() - started


def probe(store: Store, generator: Generator, n: int) -> dict[str, float]:
    """Link ``n`` new articles one at a time: ms per article per step, candidates, peak allocations.

    The timing pass runs without tracemalloc (which slows allocation-heavy
    code several times over); the peak of Python allocations is measured on
    a second, smaller set of new articles.
    """
    steps = {"duplicates": 0.0, "entities": 0.0, "stories": 0.0}
    cpu = dict.fromkeys(steps, 0.0)
    duplicate_stats, story_stats = DuplicateStats(), StoryStats()
    total, total_cpu = _link_each(store, generator, n, steps, cpu, duplicate_stats, story_stats)
    tracemalloc.start()
    _link_each(store, generator, max(5, n // 5), {**steps}, {**cpu}, DuplicateStats(), StoryStats())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "ms_per_article": 1000 * total / n,
        **{f"ms_{step}": 1000 * seconds / n for step, seconds in steps.items()},
        "cpu_ms_per_article": 1000 * total_cpu / n,
        **{f"cpu_ms_{step}": 1000 * seconds / n for step, seconds in cpu.items()},
        "duplicate_candidates": duplicate_stats.candidates / n,
        "story_candidates": story_stats.examined / n,
        "peak_alloc_mb": peak / 2**20,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _link_each(
    store: Store,
    generator: Generator,
    n: int,
    steps: dict[str, float],
    cpu: dict[str, float],
    duplicate_stats: DuplicateStats,
    story_stats: StoryStats,
) -> tuple[float, float]:
    """Store ``n`` new articles, link them one at a time (the steps of ``link_articles``, in its order).

    Returns wall-clock and CPU seconds; ``steps`` and ``cpu`` get each step's
    share. CPU time (this process's) is the steadier figure on a shared
    machine, where other processes stretch the wall clock.
    """
    items = list(generator.articles(n, "probe"))
    store.write(items)
    started, started_cpu = time.perf_counter(), time.process_time()
    for item in items:
        article_id = item.article.id
        marks = [(time.perf_counter(), time.process_time())]
        link_duplicates(store, [article_id], stats=duplicate_stats)
        marks.append((time.perf_counter(), time.process_time()))
        link_entities(store, [article_id])
        marks.append((time.perf_counter(), time.process_time()))
        link_stories(store, [article_id], stats=story_stats)
        marks.append((time.perf_counter(), time.process_time()))
        for step, (before, after) in zip(steps, itertools.pairwise(marks), strict=True):
            steps[step] += after[0] - before[0]
            cpu[step] += after[1] - before[1]
    return time.perf_counter() - started, time.process_time() - started_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="stored-article counts, ascending")
    parser.add_argument("--probe", type=int, default=PROBE, help="new articles linked and timed at each size")
    parser.add_argument("--db", type=Path, help="keep the synthetic knowledge base in this file")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    results: dict[int, dict[str, Any]] = {}
    generator = Generator()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "link_cost.db"
        with Store(db) as store:
            bulk = Bulk(store)
            for size in sizes:
                built = grow(bulk, generator, size)
                results[size] = {"build_s": built, **probe(store, generator, args.probe)}
    return report(sizes, results, args.probe)


def report(sizes: list[int], results: dict[int, dict[str, Any]], n: int) -> int:
    base = results[sizes[0]]
    header = [
        "stored",
        "ms/article",
        "cpu ms",
        "dups cpu",
        "entities cpu",
        "stories cpu",
        "dup cand",
        "story cand",
        "peak MB",
    ]
    keys = ("ms_per_article", "cpu_ms_per_article", "cpu_ms_duplicates", "cpu_ms_entities", "cpu_ms_stories")
    rows: list[list[Any]] = [
        [
            f"{size:,}",
            *(r[k] for k in keys),
            r["duplicate_candidates"],
            r["story_candidates"],
            r["peak_alloc_mb"],
        ]
        for size, r in results.items()
    ]
    for size in sizes[1:]:
        r = results[size]
        rows.append(
            [
                f"ratio {size:,}/{sizes[0]:,}",
                *(r[k] / base[k] if base[k] else 0.0 for k in keys),
                "",
                "",
                r["peak_alloc_mb"] / base["peak_alloc_mb"] if base["peak_alloc_mb"] else 0.0,
            ]
        )
    print_table(
        f"Cost of linking one more article ({n} new articles timed at each size; flat = ratio near 1)", header, rows
    )
    print(f"\npeak RSS of the process: {max(r['rss_mb'] for r in results.values()):.0f} MB")
    path = save_result("link_cost", {"probe": n, "results": {str(size): r for size, r in results.items()}})
    print(f"-> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
