"""Ingest: read -> clean -> analyze -> store, streaming and in parallel.

Inputs are read lazily and handed out in chunks of ``settings.batch_size``, so
memory stays flat however large the corpus. A chunk is cleaned and parsed with
one ``nlp.pipe`` call, in this process or in one of ``workers`` processes.
Workers are forked after the model is loaded, so they share its memory and
skip the load. Only a bounded number of chunks is in flight. Results are
written in input order, one transaction per ``settings.write_batch`` articles
and a savepoint per article, so a failing article is recorded as failed and
its neighbours kept. Each analysis is stamped with ``settings.analysis_version()``
and, with ``settings.keep_raw``, stored with its raw input so ``reanalyze``
can clean it again later. Each written batch is then linked (near-duplicates,
entities, stories; ``settings.link``) before the next one. docs/scaling.md has the measurements behind these choices.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from .analyze.pipeline import analyze_doc, components_for
from .batches import chunked
from .clean import clean, content_id
from .errors import StorylineError, Warnings
from .link import link_articles
from .model import Analysis, Article, Failure, RawDoc
from .read import NOTES, read
from .settings import Settings
from .store import Store

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
T = TypeVar("T")
# Chunks in flight per worker. Results are written in input order, so a slow
# chunk holds back the ones after it; four keeps the other workers busy
# meanwhile, at the cost of a few chunks of text in memory.
IN_FLIGHT = 4


@dataclass(slots=True)
class IngestReport:
    """What an ingest did; ``failures`` lists every input that did not make it."""

    added: int = 0
    unchanged: int = 0
    linked: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings | None = None,
    *,
    meta: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest every article under ``paths`` into ``store``; never raises for bad input.

    ``paths`` are files, folders, http(s) addresses of pages, feeds or sitemaps,
    ``.urls`` lists and WARC archives; a feed item fetched before is not fetched again.
    """
    settings = settings or Settings()
    return ingest_items(read(paths, settings, meta, seen=store.url_seen), store, settings, progress=progress)


def ingest_items(
    items: Iterable[RawDoc | Failure],
    store: Store,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest inputs already read (by ``read``, or by ``watch`` one feed item at a time).

    Content already stored is skipped before any analysis; fetched pages are
    recorded in the store's seen URLs once written, so they are not fetched again.
    """
    settings = settings or Settings()
    components_for(settings)  # a broken pipeline setting stops here (E151/E152), before any input is read
    report = IngestReport()
    items = _skip_stored(items, store, report, progress)
    for pairs in chunked(analyze_pairs(chunked(items, settings.batch_size), settings), settings.write_batch):
        batch = [result for _, result in pairs]
        raw = {r.article.id: item for item, r in pairs if isinstance(r, Analysis) and isinstance(item, RawDoc)}
        added = []
        outcomes = store.write(batch, raw=raw if settings.keep_raw else None)
        for result, outcome in zip(batch, outcomes, strict=True):
            tally(report, result, outcome)
            if outcome == "added" and isinstance(result, Analysis):
                added.append(result.article.id)
        store.remember_urls(_seen_rows(pairs, outcomes))
        if settings.link and added:
            report.linked += _link(store, added)
        if progress:
            progress(len(batch))
    return report


Input = TypeVar("Input", bound=RawDoc | Article | Failure)


def analyze_pairs(chunks: Iterable[list[Input]], settings: Settings) -> Iterator[tuple[Input, Analysis | Failure]]:
    """Each input with what became of it, in input order, analysed as ``_analyze_chunks`` does.

    The inputs of the chunks in flight are remembered here (they are already
    in memory for the workers) so the caller can keep each article's raw input.
    """
    in_flight: deque[list[Input]] = deque()

    def remember(chunks: Iterable[list[Input]]) -> Iterator[list[RawDoc | Article | Failure]]:
        for chunk in chunks:
            in_flight.append(chunk)
            items: list[RawDoc | Article | Failure] = list(chunk)
            yield items

    for results in _analyze_chunks(remember(chunks), settings):
        yield from zip(in_flight.popleft(), results, strict=True)


def _link(store: Store, article_ids: list[str]) -> int:
    """Link stored articles; a linking bug costs the links, never the stored articles (W205)."""
    try:
        return link_articles(store, article_ids).articles
    except Exception as err:  # the articles are committed; 'storyline relink' can redo the links
        log.warning(Warnings.W205.format(count=len(article_ids), detail=f"{type(err).__name__}: {err}"))
        return 0


def tally(report: IngestReport, result: Analysis | Failure, outcome: str) -> None:
    """Count one ``Store.write`` outcome in ``report``; an unwritten item becomes a failure."""
    if outcome == "added":
        report.added += 1
    elif outcome == "unchanged":
        report.unchanged += 1
    else:
        source = result.source if isinstance(result, Failure) else result.article.source
        failure = result if isinstance(result, Failure) else Failure(source, "E112", f"{source}: not written")
        report.failures.append(failure)


def _skip_stored(
    items: Iterable[RawDoc | Failure], store: Store, report: IngestReport, progress: Progress | None
) -> Iterator[RawDoc | Failure]:
    """Drop inputs whose content is already stored before any work is spent on them.

    A user-given id (JSONL ``id``, ``--meta id=``) names one article: the same
    id again with other content is a failure (E192), never "unchanged", whether
    the first is in this run or already stored (compared with its kept raw input).
    """
    given: dict[str, tuple[str, str]] = {}  # user id -> (content hash, source) seen in this run
    for item in items:
        if isinstance(item, Failure) and item.code in NOTES:
            report.warnings.append(item)
            continue
        if isinstance(item, Failure) and item.code.startswith("W"):
            report.skipped.append(item)
            continue
        if isinstance(item, RawDoc):
            clash = _id_clash(item, store, given)
            if clash is not None:
                yield clash
                continue
            if store.has(raw_id(item)):
                store.remember_urls(_seen_rows([(item, None)], ["unchanged"]))
                report.unchanged += 1
                if progress:
                    progress(1)
                continue
        yield item


def _seen_rows(
    pairs: Sequence[tuple[RawDoc | Article | Failure, Analysis | Failure | None]], outcomes: Sequence[str]
) -> list[tuple[str, str, str | None, str | None, str]]:
    """Seen-URL rows for the fetched pages among ``pairs`` (those with ``fetched_at`` metadata).

    A page that became an article, was already stored, or held no article
    (E104) is seen: fetching it again would give the same. A page the store
    could not write (E112) is not, so the next run fetches it again; nor is
    an address whose fetch failed (it never became a RawDoc).
    """
    from .fetch import canonical_url

    rows: list[tuple[str, str, str | None, str | None, str]] = []
    for (item, result), outcome in zip(pairs, outcomes, strict=True):
        if not isinstance(item, RawDoc) or not item.meta.get("fetched_at"):
            continue
        if outcome == "failed" and isinstance(result, Analysis):
            continue
        article_id = result.article.id if isinstance(result, Analysis) else raw_id(item) if result is None else None
        requested = canonical_url(str(item.meta.get("requested_url") or item.meta.get("url") or item.source))
        final = canonical_url(str(item.meta.get("url") or item.source))
        rows.append((requested, final, content_id(item.text), article_id, str(item.meta["fetched_at"])))
    return rows


def _id_clash(item: RawDoc, store: Store, given: dict[str, tuple[str, str]]) -> Failure | None:
    """E192 when ``item`` reuses a user id for different content, else None (and remember the id)."""
    user_id = item.meta.get("id")
    if user_id in (None, ""):
        return None
    user_id, digest = str(user_id), content_id(item.text)
    other = given.get(user_id)
    if other is None and store.has(user_id):
        kept = store.raw_input(user_id)
        other = (content_id(kept.text), kept.source) if kept is not None else None
    if other is not None and other[0] != digest:
        return Failure(item.source, "E192", str(StorylineError("E192", path=item.source, id=user_id, other=other[1])))
    given.setdefault(user_id, (digest, item.source))
    return None


def raw_id(raw: RawDoc) -> str:
    """The id an input will get: the user's id if given, else its content hash."""
    return str(raw.meta.get("id") or content_id(raw.text))


# A chunk in flight: its inputs (kept to retry them) and the future of its results.
ChunkFuture = tuple[list[RawDoc | Article | Failure], Future[list[Analysis | Failure]]]


def _analyze_chunks(
    chunks: Iterator[list[RawDoc | Article | Failure]], settings: Settings
) -> Iterator[list[Analysis | Failure]]:
    """Process chunks in order, in worker processes when there is enough work for them.

    A worker that dies (SIGKILL, the out-of-memory killer, a crash in C code)
    breaks the whole pool, and every chunk in flight with it. Those chunks are
    run again, each alone in a fresh worker (``_retry_alone``), so an innocent
    chunk is stored and the one that killed its worker costs only its own
    articles (E198); then a new pool takes the rest of the input.
    """
    workers = settings.workers or os.cpu_count() or 1
    head = list(islice(chunks, workers * IN_FLIGHT))
    if workers == 1 or len(head) < 2:
        for chunk in chain(head, chunks):
            yield process_chunk(chunk, settings)
        return
    pending: deque[ChunkFuture] = deque()
    pool = _pool(workers, settings)
    try:
        for chunk in chain(head, chunks):
            try:
                pending.append((chunk, pool.submit(process_chunk, chunk, settings)))
            except BrokenProcessPool:  # it broke between two results: the chunks in flight go again
                yield from _recover(pool, pending, settings, workers)
                pool = _pool(workers, settings)
                pending.append((chunk, pool.submit(process_chunk, chunk, settings)))
            if len(pending) >= workers * IN_FLIGHT:
                yield from _first(pool, pending, settings, workers)
                if not pending:  # recovered: the broken pool is shut down
                    pool = _pool(workers, settings)
        while pending:
            yield from _first(pool, pending, settings, workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _first(
    pool: ProcessPoolExecutor, pending: deque[ChunkFuture], settings: Settings, workers: int
) -> Iterator[list[Analysis | Failure]]:
    """The results of the oldest chunk in flight; if its pool broke, those of every chunk in flight."""
    try:
        results = pending[0][1].result()
    except BrokenProcessPool:
        yield from _recover(pool, pending, settings, workers)
        return
    pending.popleft()
    yield results


def _recover(
    pool: ProcessPoolExecutor, pending: deque[ChunkFuture], settings: Settings, workers: int
) -> Iterator[list[Analysis | Failure]]:
    """The results of every chunk in flight when ``pool`` broke, in order; ``pending`` is emptied.

    A chunk that finished before the break keeps its result; the others
    (the dead worker's chunk and those its pool took down with it) are
    retried, each alone in a fresh worker.
    """
    log.warning("a worker process died; retrying the %d chunks in flight, each in a fresh worker", len(pending))
    pool.shutdown(wait=True, cancel_futures=True)
    done: dict[int, list[Analysis | Failure]] = {}
    again: list[tuple[int, list[RawDoc | Article | Failure]]] = []
    for n, (chunk, future) in enumerate(pending):
        if future.done() and not future.cancelled() and future.exception() is None:
            done[n] = future.result()
        else:
            again.append((n, chunk))
    count = len(pending)
    pending.clear()
    done.update(_retry_alone(again, settings, workers))
    for n in range(count):
        yield done[n]


def _retry_alone(
    chunks: list[tuple[int, list[RawDoc | Article | Failure]]], settings: Settings, workers: int
) -> dict[int, list[Analysis | Failure]]:
    """Run each numbered chunk in its own fresh one-worker pool, ``workers`` at a time.

    A worker dying here too means its chunk kills workers: each of its
    articles becomes a failure (E198) naming it, and the batch goes on.
    """
    results: dict[int, list[Analysis | Failure]] = {}
    for start in range(0, len(chunks), workers):
        group = chunks[start : start + workers]
        pools = [_pool(1, settings) for _ in group]
        try:
            futures = [
                pool.submit(process_chunk, chunk, settings) for pool, (_, chunk) in zip(pools, group, strict=True)
            ]
            for (n, chunk), future in zip(group, futures, strict=True):
                try:
                    results[n] = future.result()
                except BrokenProcessPool as err:
                    log.warning("a worker process died again on the same chunk: %s", err)
                    results[n] = [_died(item) for item in chunk]
        finally:
            for pool in pools:
                pool.shutdown(wait=True, cancel_futures=True)
    return results


def _died(item: RawDoc | Article | Failure) -> Failure:
    """The failure recorded for an input whose chunk killed its worker process twice."""
    if isinstance(item, Failure):
        return item
    detail = "a signal, the out-of-memory killer or a crash ended it"
    return Failure(item.source, "E198", str(StorylineError("E198", path=item.source, detail=detail)))


def _pool(workers: int, settings: Settings) -> ProcessPoolExecutor:
    """Worker processes that start with the model already in memory and die with their parent.

    With fork the model is loaded once here and the workers inherit it: no
    per-worker load time, and its pages stay shared until written to. Where
    fork is unavailable each worker loads the model once, in its initializer.
    """
    from .analyze.nlp import load_nlp

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    if method == "fork":
        load_nlp(settings.model)
    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(settings.model, os.getpid())
    )


def _start_worker(model: str, parent: int) -> None:
    """Pool initializer: tie this worker's life to its parent's, then make sure the model is loaded."""
    from .analyze.nlp import load_nlp

    die_with_parent(parent)
    load_nlp(model)


# Seconds between two looks at the parent where the kernel cannot be asked to signal its death.
PARENT_POLL = 1.0


def die_with_parent(parent: int, poll: float = PARENT_POLL, *, kernel: bool = True) -> str:
    """End this process when ``parent`` (the process that started it) dies, even by kill -9.

    A worker left running after its parent was killed holds the model's
    memory (about 165 MB) and a CPU for nothing. On Linux the kernel is asked
    to send SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``; strictly,
    when the parent's thread that started the worker ends, and the ingest keeps
    that thread until the pool is shut down). Elsewhere a daemon thread checks
    every ``poll`` seconds whether the process was re-parented. Returns which
    of the two is in use ("prctl" or "poll"); ``kernel=False`` skips the
    kernel's help, so the portable watch can be tested on Linux too.
    """
    how = "prctl" if kernel and _pdeathsig() else "poll"
    if how == "poll":
        threading.Thread(target=_watch_parent, args=(parent, poll), name="storyline-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the watch was set up
        os._exit(1)
    return how


def _pdeathsig() -> bool:
    """Ask the Linux kernel to SIGKILL this process when its parent dies; False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1  # from <linux/prctl.h>
        return bool(libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int, poll: float) -> None:
    """Exit the process as soon as it is no longer ``parent``'s child (the parent died and it was re-parented)."""
    while os.getppid() == parent:
        time.sleep(poll)
    os._exit(1)


def process_chunk(chunk: Sequence[RawDoc | Article | Failure], settings: Settings) -> list[Analysis | Failure]:
    """Clean and analyse one chunk; every input comes back as an Analysis or a Failure.

    An Article (a stored one being analysed again) skips cleaning. Each
    analysis is stamped with ``settings.analysis_version()``. Runs in a worker
    process: it must only touch its arguments and the cached model, never the store.
    """
    cleaned = [_clean_one(item, settings) for item in chunk]
    articles = [c for c in cleaned if isinstance(c, Article)]
    analyses = iter(_analyze_all(articles, settings))
    version = settings.analysis_version()
    results = [next(analyses) if isinstance(c, Article) else c for c in cleaned]
    return [replace(r, analysis_version=version) if isinstance(r, Analysis) else r for r in results]


def _clean_one(item: RawDoc | Article | Failure, settings: Settings) -> Article | Failure:
    if isinstance(item, Failure | Article):
        return item
    try:
        return clean(item, settings)
    except StorylineError as err:
        return Failure(item.source, err.code, str(err))
    except Exception as err:  # a cleaner bug must not sink the batch
        log.exception("cleaning %s failed", item.source)
        return Failure(item.source, "E111", str(StorylineError("E111", path=item.source, detail=err)))


def _analyze_all(articles: list[Article], settings: Settings) -> list[Analysis | Failure]:
    """Parse a chunk with one ``nlp.pipe`` call and analyse each article on its own.

    The work runs in a spaCy memory zone: strings the chunk added to the
    vocabulary (names, numbers, URLs) are dropped afterwards, so a worker's
    memory does not creep up over millions of articles. Nothing may keep a
    Doc past the zone; the records hold plain strings.

    A text longer than ``nlp.max_length`` (spaCy refuses it with E088) is
    parsed in pieces cut at paragraph breaks (``pieces``) and the pieces'
    Docs are joined with ``Doc.from_docs``: one Doc over the whole text, so
    every character offset is right in the article as stored.
    """
    from spacy.tokens import Doc

    from .analyze.nlp import load_nlp

    nlp = load_nlp(settings.model)
    with nlp.memory_zone():
        parts = [pieces(a.text, nlp.max_length) for a in articles]
        docs = iter(nlp.pipe((p for ps in parts for p in ps), batch_size=max(1, len(articles))))
        results = []
        for article, texts in zip(articles, parts, strict=True):
            parsed = [next(docs) for _ in texts]
            doc = parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)
            results.append(_analyze_one(article, doc, settings))
        return results


# Longest piece a long text is parsed in: spaCy's parser needs memory in
# proportion to the piece, so pieces far below nlp.max_length keep it flat.
PIECE_CHARS = 20_000


def pieces(text: str, max_length: int, size: int = PIECE_CHARS) -> list[str]:
    """``text`` itself when spaCy takes it whole, else consecutive pieces that join back to it exactly.

    Each cut falls after the last paragraph break (a blank line) that fits,
    else after a line break, a sentence end or a space, and only as a last
    resort mid-word, so no sentence is split where the text offers a better place.
    """
    if len(text) <= max_length:
        return [text]
    size = max(1, min(size, max_length))
    out, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = -1
        for mark in ("\n\n", "\n", ". ", "? ", "! ", " "):
            found = window.rfind(mark)
            if found > 0:
                cut = found + len(mark)
                break
        cut = cut if cut > 0 else size
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def _analyze_one(article: Article, doc: Any, settings: Settings) -> Analysis | Failure:
    try:
        return analyze_doc(article, doc, settings)
    except Exception as err:  # one article's analysis bug must not sink its chunk
        log.exception("analysing %s failed", article.source)
        return Failure(article.source, "E111", str(StorylineError("E111", path=article.source, detail=err)))
