"""Cost of linking one more article as the knowledge base grows (1k, 10k, 100k stored articles).

Linking (``link.link_articles``: near-duplicates, entities, stories) must
stay flat: a new article meets only its index candidates, never the corpus.
This measures it on a synthetic load, since no real corpus of 100k analysed
articles is at hand: articles are built directly as stored analyses (text of
Zipf-distributed random words from a fixed vocabulary, grouped in synthetic
stories that share topic words and entity names, a few random entity names,
publication dates spread over a year), written with ``Store.write`` with
linking off, then linked in bulk. At each size, N new articles (drawn the
same way) are linked one at a time and timed; the figures are ms per
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
import random
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.common import print_table, save_result
from storyline.link.duplicates import LinkStats as DuplicateStats
from storyline.link.duplicates import link_duplicates
from storyline.link.entities import link_entities
from storyline.link.stories import LinkStats as StoryStats
from storyline.link.stories import link_stories
from storyline.model import Analysis, Article, Entity
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
        self.count = 0

    def articles(self, n: int, prefix: str) -> Iterator[Analysis]:
        """``n`` new analyses; consecutive ones come in stories of STORY_SIZE."""
        for _ in range(n):
            self.count += 1
            story = self.count // STORY_SIZE
            yield self._article(f"{prefix}{self.count}", story)

    def _article(self, key: str, story: int) -> Analysis:
        rng = random.Random(hashlib.sha256(key.encode()).digest())
        topic = random.Random(story)
        topic_words = topic.sample(self.vocabulary[200:], 25)
        topic_names = topic.sample(self.names, 3)
        words = rng.choices(self.vocabulary, weights=self.weights, k=WORDS_PER_ARTICLE)
        words += rng.choices(topic_words, k=WORDS_PER_ARTICLE // 3)
        rng.shuffle(words)
        names = topic_names + rng.sample(self.names, 2)
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


def grow(store: Store, generator: Generator, size: int, batch: int = 1_000) -> float:
    """Write and link articles until the store holds ``size``; seconds spent."""
    started = time.perf_counter()
    have = len(store.article_ids())
    while have < size:
        take = min(batch, size - have)
        items = list(generator.articles(take, "bulk"))
        store.write(items)
        ids = [item.article.id for item in items]
        link_duplicates(store, ids)
        link_entities(store, ids)
        link_stories(store, ids)
        have += take
        print(f"  {have} stored and linked ({time.perf_counter() - started:.0f}s)", flush=True)
    return time.perf_counter() - started


def probe(store: Store, generator: Generator, n: int) -> dict[str, float]:
    """Link ``n`` new articles one at a time: ms per article per step, candidates, peak allocations."""
    items = list(generator.articles(n, "probe"))
    store.write(items)
    ids = [item.article.id for item in items]
    steps = {"duplicates": 0.0, "entities": 0.0, "stories": 0.0}
    duplicate_stats, story_stats = DuplicateStats(), StoryStats()
    tracemalloc.start()
    started = time.perf_counter()
    for article_id in ids:
        t0 = time.perf_counter()
        link_duplicates(store, [article_id], stats=duplicate_stats)
        t1 = time.perf_counter()
        link_entities(store, [article_id])
        t2 = time.perf_counter()
        link_stories(store, [article_id], stats=story_stats)
        t3 = time.perf_counter()
        steps["duplicates"] += t1 - t0
        steps["entities"] += t2 - t1
        steps["stories"] += t3 - t2
    total = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "ms_per_article": 1000 * total / n,
        **{f"ms_{step}": 1000 * seconds / n for step, seconds in steps.items()},
        "duplicate_candidates": duplicate_stats.candidates / n,
        "story_candidates": story_stats.examined / n,
        "peak_alloc_mb": peak / 2**20,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


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
            for size in sizes:
                built = grow(store, generator, size)
                results[size] = {"build_s": built, **probe(store, generator, args.probe)}
    return report(sizes, results, args.probe)


def report(sizes: list[int], results: dict[int, dict[str, Any]], n: int) -> int:
    base = results[sizes[0]]
    header = ["stored", "ms/article", "dups ms", "entities ms", "stories ms", "dup cand", "story cand", "peak MB"]
    rows = [
        [
            f"{size:,}",
            r["ms_per_article"],
            r["ms_duplicates"],
            r["ms_entities"],
            r["ms_stories"],
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
                *(r[k] / base[k] if base[k] else 0.0 for k in ("ms_per_article", "ms_duplicates", "ms_entities")),
                r["ms_stories"] / base["ms_stories"] if base["ms_stories"] else 0.0,
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
