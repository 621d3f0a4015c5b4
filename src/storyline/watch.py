"""Watching feeds: poll politely, ingest each new article as it appears, link it into stories.

Each poll asks every feed with a conditional GET (the ETag and Last-Modified of
its last answer, kept in the store's ``feed_state``), so an unchanged feed costs
one short 304 answer. Items the store has seen (``seen_urls``) are not fetched
again; each new one is fetched, analysed, stored and linked on its own
(``ingest_items``), so it joins its story the moment it arrives. Requests to a
host are spaced and robots.txt obeyed by the ``Fetcher``. A ``stop`` event
(set by Ctrl-C or SIGTERM through ``stop_on_signals``) is checked between
articles: the article in hand is always finished, and a feed interrupted
midway keeps its old validators, so the next poll reads it whole again and
the seen URLs skip what was already stored. See docs/feeds.md.
"""

from __future__ import annotations

import logging
import re
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .errors import StorylineError
from .feeds import FeedItem, fetch_item, items_of, kind_of
from .fetch import Fetcher, canonical_url
from .ingest import ingest_items
from .model import Failure
from .read import decode
from .settings import Settings
from .store import Store

log = logging.getLogger(__name__)

OnArticle = Callable[[str, str, str], None]
OnFailure = Callable[[Failure], None]
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(slots=True)
class WatchReport:
    """What a watch did over all its polls."""

    polls: int = 0
    not_modified: int = 0
    added: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)


def watch(
    feeds: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    every: float = 600.0,
    once: bool = False,
    stop: threading.Event | None = None,
    on_article: OnArticle | None = None,
    on_failure: OnFailure | None = None,
) -> WatchReport:
    """Poll ``feeds`` every ``every`` seconds (one poll with ``once``) until ``stop`` is set.

    ``on_article(article_id, title, url)`` is called for each new article once
    it is stored and linked, ``on_failure`` for each failure (also recorded
    in the store's failures).
    """
    settings = settings or Settings()
    stop = stop or threading.Event()
    report = WatchReport()
    with Fetcher(settings) as fetcher:
        while not stop.is_set():
            report.polls += 1
            for feed_url in feeds:
                if stop.is_set():
                    break
                poll_feed(feed_url, store, settings, fetcher, report, stop, on_article, on_failure)
            if once or stop.wait(every):
                break
    return report


def poll_feed(
    feed_url: str,
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    report: WatchReport,
    stop: threading.Event,
    on_article: OnArticle | None = None,
    on_failure: OnFailure | None = None,
) -> None:
    """One conditional GET of one feed, then each unseen item fetched and ingested in turn."""
    state = store.feed_state(feed_url) or {}
    polled_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        fetched = fetcher.get(feed_url, etag=state.get("etag"), last_modified=state.get("last_modified"))
        if fetched.not_modified:
            report.not_modified += 1
            store.save_feed_state(feed_url, state.get("etag"), state.get("last_modified"), polled_at)
            log.info("%s: not modified", feed_url)
            return
        kind = kind_of(fetched)
        if kind not in ("feed", "sitemap"):
            raise StorylineError("E178", url=feed_url, detail=f"it is a {kind}; 'storyline ingest' reads pages")
        items = items_of(fetched, kind, fetcher)
    except StorylineError as err:
        _fail(Failure(feed_url, err.code, str(err)), store, report, on_failure)
        return
    for item in items:
        if stop.is_set():
            log.info("%s: stopped; the rest of this feed is read on the next poll", feed_url)
            return
        if not store.url_seen(canonical_url(item.url)):
            _ingest_item(item, store, settings, fetcher, report, on_article, on_failure)
    store.save_feed_state(feed_url, fetched.etag, fetched.last_modified, polled_at)


def _ingest_item(
    item: FeedItem,
    store: Store,
    settings: Settings,
    fetcher: Fetcher,
    report: WatchReport,
    on_article: OnArticle | None,
    on_failure: OnFailure | None,
) -> None:
    """Fetch, analyse, store and link one new item; it is in its story when this returns."""
    done = ingest_items([fetch_item(fetcher, item, None, decode=decode)], store, settings)
    report.added += done.added
    report.unchanged += done.unchanged
    for failure in done.failures:
        report.failures.append(failure)
        if on_failure:
            on_failure(failure)
    seen = store.seen_url(canonical_url(item.url))
    if done.added and seen and seen["article_id"]:
        title = store.analysis(seen["article_id"]).article.title or item.title or ""
        log.info("new article %s %s", seen["article_id"], item.url)
        if on_article:
            on_article(seen["article_id"], title, item.url)


def _fail(failure: Failure, store: Store, report: WatchReport, on_failure: OnFailure | None) -> None:
    store.write([failure])
    report.failures.append(failure)
    if on_failure:
        on_failure(failure)


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Make Ctrl-C and SIGTERM set ``stop`` instead of interrupting the article in hand.

    A second Ctrl-C interrupts at once (the first restores Python's handler).
    Signal handlers can only be set in the main thread; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Any] = {}

    def handle(signum: int, _frame: Any) -> None:
        log.warning("signal %s: stopping after the article in hand", signal.Signals(signum).name)
        stop.set()
        signal.signal(signal.SIGINT, previous[signal.SIGINT])

    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, handle)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def parse_interval(text: str) -> float:
    """Seconds in ``"90"``, ``"30s"``, ``"10m"``, ``"2h"`` or ``"1d"``."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not match:
        raise ValueError(f"not an interval: {text!r} (use e.g. 30s, 10m, 2h)")
    return float(match.group(1)) * _UNITS[match.group(2)]
