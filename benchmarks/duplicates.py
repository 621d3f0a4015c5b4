"""Near-duplicates: one page cleaned from its HTML and from its flattened text is one article.

Data: ../shared/eval/article-extraction-benchmark, 181 pages as html/*.html.gz
and the same pages flattened to visible text in flat/*.txt (same stem; see
SOURCE.md). Each form goes through storyline's own cleaning (``clean`` on a
RawDoc, fmt html and text), and all 362 articles are stored and linked. The
two cleaners disagree about where bodies start and end, which makes the pairs
look like reprints: same story, different edges.

Scored pairwise: a predicted pair is two articles with the same origin; the
181 (html, flat) pairs of one page are the gold pairs (recall), and any pair
of two different pages is wrong (precision). Target 1.00 / 1.00. Figures per
half (pages split by a hash of the page id; a pair belongs to each half one of
its pages is in) and whole. Baselines in the same run: equal body hash, and
datasketch's in-memory MinHashLSH on the body alone (Jaccard 0.5, no
containment, no lead). A sweep of schemes is scored on the tuning half only;
the defaults were picked there.

Run: python -m benchmarks.duplicates
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import logging
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from datasketch import MinHash, MinHashLSH

from benchmarks.common import eval_dir, print_table, save_result
from storyline.clean import clean
from storyline.errors import StorylineError
from storyline.link.duplicates import DEFAULT_SCHEME, LinkStats, Scheme, relink_duplicates, shingles
from storyline.model import Analysis, Article, RawDoc
from storyline.settings import Settings
from storyline.store import Store

TARGET = (1.0, 1.0)
HALVES = ("tuning", "check")
SWEEP = {
    "default": DEFAULT_SCHEME,
    "2-word shingles": replace(DEFAULT_SCHEME, shingle=2),
    "3-word shingles": replace(DEFAULT_SCHEME, shingle=3),
    "5-word shingles": replace(DEFAULT_SCHEME, shingle=5),
    "64 permutations": replace(DEFAULT_SCHEME, num_perm=64),
    "256 permutations": replace(DEFAULT_SCHEME, num_perm=256),
    "bands of 4 rows": replace(DEFAULT_SCHEME, rows=4),
    "no lead test": replace(DEFAULT_SCHEME, lead_jaccard=2.0),
    "no containment (Jaccard >= 0.5)": replace(DEFAULT_SCHEME, min_jaccard=0.5, min_containment=0.0),
}


def half(doc_id: str) -> str:
    """The stable tuning/check split of a page id."""
    return "tuning" if hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 0 else "check"


def load_articles(folder: Path) -> tuple[list[Article], dict[str, str], list[str]]:
    """Both cleaned forms of every page, a map article id -> page id, and every page id."""
    settings = Settings.load()
    articles, page_of, pages = [], {}, []
    for path in sorted((folder / "html").glob("*.html.gz")):
        page = path.name.removesuffix(".html.gz")
        pages.append(page)
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        flat = (folder / "flat" / f"{page}.txt").read_text(encoding="utf-8")
        for text, fmt in ((html, "html"), (flat, "text")):
            try:
                article = clean(RawDoc(source=f"{page}.{fmt}", text=text, fmt=fmt), settings)  # type: ignore[arg-type]
            except StorylineError as err:
                logging.getLogger(__name__).warning("%s: %s", page, err)
                continue
            articles.append(article)
            page_of[article.id] = page
    return articles, page_of, pages


def score(groups: Iterable[Iterable[str]], page_of: dict[str, str], pages: list[str]) -> dict[str, dict[str, float]]:
    """Pairwise precision and recall per half and whole, from groups of article ids."""
    predicted = {tuple(sorted(pair)) for group in groups for pair in itertools.combinations(set(group), 2)}
    result = {}
    for name in (*HALVES, "whole"):
        wanted = {p for p in pages if name == "whole" or half(p) == name}
        mine = [pair for pair in predicted if page_of[pair[0]] in wanted or page_of[pair[1]] in wanted]
        right = sum(page_of[a] == page_of[b] for a, b in mine)
        result[name] = {
            "precision": right / len(mine) if mine else 1.0,
            "recall": right / len(wanted),
            "pairs": len(mine),
            "wrong": len(mine) - right,
        }
    return result


def exact_hash(articles: list[Article]) -> list[list[str]]:
    """Baseline: articles with the same lowercased words are one group."""
    groups: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        groups[" ".join(article.text.lower().split())].append(article.id)
    return list(groups.values())


def plain_minhash_lsh(articles: list[Article], threshold: float = 0.5) -> list[list[str]]:
    """Baseline: datasketch MinHashLSH over 3-word body shingles, pairs joined transitively."""
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    parent = {a.id: a.id for a in articles}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for article in articles:
        minhash = MinHash(num_perm=128)
        minhash.update_batch(shingles(article.text, 3))
        for other in lsh.query(minhash):
            parent[root(other)] = root(article.id)
        lsh.insert(article.id, minhash)
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id in parent:
        groups[root(article_id)].append(article_id)
    return list(groups.values())


def storyline_groups(store: Store, scheme: Scheme) -> tuple[list[list[str]], dict[str, Any]]:
    """Relink the stored articles with ``scheme``; groups by origin, and what it cost."""
    stats = LinkStats()
    started = time.perf_counter()
    relink_duplicates(store, scheme=scheme, stats=stats)
    seconds = time.perf_counter() - started
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id, origin in store.origins(store.article_ids()).items():
        groups[origin].append(article_id)
    methods: dict[str, int] = defaultdict(int)
    for link in store.duplicates():
        methods[link.method] += 1
    cost = {
        "seconds": round(seconds, 2),
        "candidates_per_article": round(stats.candidates / max(stats.articles, 1), 2),
        "methods": dict(methods),
    }
    return list(groups.values()), cost


def timed(system: Callable[[], list[list[str]]]) -> tuple[list[list[str]], float]:
    started = time.perf_counter()
    groups = system()
    return groups, time.perf_counter() - started


def main() -> None:
    """Clean, store and link the 362 articles; print and save the scores."""
    folder = eval_dir("article-extraction-benchmark")
    if folder is None:
        return
    articles, page_of, pages = load_articles(folder)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "kb.db") as store:
        store.write([Analysis(article=article) for article in articles])
        for name, system in (
            ("exact body hash", lambda: exact_hash(articles)),
            ("MinHashLSH body 0.5", lambda: plain_minhash_lsh(articles)),
        ):
            groups, seconds = timed(system)
            results[name] = {**score(groups, page_of, pages), "seconds": round(seconds, 2)}
        groups, cost = storyline_groups(store, DEFAULT_SCHEME)
        results["storyline"] = {**score(groups, page_of, pages), **cost}
        sweep = {}
        for name, scheme in SWEEP.items():
            groups, cost = storyline_groups(store, scheme)
            sweep[name] = {"tuning": score(groups, page_of, pages)["tuning"], **cost}
    rows = [
        [name, *(r[h][m] for h in (*HALVES, "whole") for m in ("precision", "recall"))] for name, r in results.items()
    ]
    print_table(
        f"Near-duplicates: {len(articles)} articles, {len(pages)} pages (target P/R {TARGET[0]:.2f}/{TARGET[1]:.2f})",
        ["system", "tuning P", "tuning R", "check P", "check R", "whole P", "whole R"],
        rows,
    )
    print_table(
        "Scheme sweep, tuning half only",
        ["scheme", "P", "R", "wrong pairs", "candidates/article", "seconds"],
        [
            [
                name,
                s["tuning"]["precision"],
                s["tuning"]["recall"],
                s["tuning"]["wrong"],
                s["candidates_per_article"],
                s["seconds"],
            ]
            for name, s in sweep.items()
        ],
    )
    mine = results["storyline"]
    whole = mine["whole"]
    met = whole["precision"] >= TARGET[0] and whole["recall"] >= TARGET[1]
    print(f"\nstoryline whole P {whole['precision']:.3f} R {whole['recall']:.3f}: target {'met' if met else 'MISSED'}")
    print(f"storyline candidates per article {mine['candidates_per_article']}, links by method {mine['methods']}")
    save_result(
        "duplicates",
        {
            "articles": len(articles),
            "pages": len(pages),
            "scheme": DEFAULT_SCHEME.name,
            "results": results,
            "sweep": sweep,
        },
    )


if __name__ == "__main__":
    main()
