"""Fetching one address politely: pages, feeds, sitemaps and robots.txt over http(s).

Only what the user names is fetched (a page, a feed and the items it lists,
and each host's robots.txt), never anything a page refers to. Every request
carries a User-Agent that names storyline, waits at most ``fetch_timeout``
seconds, follows at most ``max_redirects`` redirects and streams the body,
stopping at ``max_bytes`` so a huge or endless answer cannot exhaust memory.
Requests to one host are spaced by ``fetch_interval`` seconds (or the site's
Crawl-delay) and a host's robots.txt is read once and obeyed. A problem is a
``StorylineError`` with an E17x code naming the address, which the readers turn
into a ``Failure`` so the batch goes on. See docs/feeds.md.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

import httpx

from .errors import StorylineError
from .settings import Settings, package_version

USER_AGENT = f"storyline/{package_version()} (+docs/feeds.md)"
SCHEMES = ("http", "https")
# A robots.txt is small; a bigger one is read up to this size.
ROBOTS_MAX_BYTES = 500_000


@dataclass(frozen=True, slots=True)
class Fetched:
    """One answer: the body and what the server said about it.

    ``url`` is what was asked for, ``final_url`` where the redirects ended.
    ``not_modified`` is true for a 304 answer to a conditional GET (no body).
    """

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    fetched_at: str
    date: str | None = None
    last_modified: str | None = None
    etag: str | None = None
    not_modified: bool = False

    def meta(self) -> dict[str, str]:
        """The fetch metadata kept with an article: final URL, fetch time, HTTP dates, ETag."""
        values = {
            "url": self.final_url,
            "requested_url": self.url,
            "fetched_at": self.fetched_at,
            "http_date": self.date,
            "last_modified": self.last_modified,
            "etag": self.etag,
        }
        return {key: value for key, value in values.items() if value}


def is_url(text: object) -> bool:
    """True for an argument naming an http(s) address rather than a file."""
    return isinstance(text, str) and text.lower().startswith(("http://", "https://"))


def canonical_url(url: str) -> str:
    """The form seen URLs are compared in: lower-case scheme and host, no fragment, no default port."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme.lower(), parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))


class FetchError(StorylineError):
    """A failed fetch (E17x); ``status`` is the HTTP status when the server answered, else 0."""

    def __init__(self, code: str, *, status: int = 0, **fields: object) -> None:
        super().__init__(code, status=status, **fields)
        self.status = status


@dataclass(slots=True)
class _Host:
    """What a Fetcher remembers per host: its robots.txt rules and when it was last asked."""

    robots: urllib.robotparser.RobotFileParser | None = None
    robots_note: str = "does not allow storyline to fetch it"
    last_request: float = 0.0
    delay: float = 0.0


@dataclass(slots=True)
class Fetcher:
    """An http(s) client that is polite to each host; use as a context manager to close it.

    Example: ``with Fetcher(settings) as fetcher: page = fetcher.get("https://example.org/a")``.
    """

    settings: Settings = field(default_factory=Settings)
    robots: bool = True
    _client: httpx.Client | None = None
    _hosts: dict[str, _Host] = field(default_factory=dict)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": USER_AGENT},
                timeout=httpx.Timeout(self.settings.fetch_timeout),
                follow_redirects=True,
                max_redirects=self.settings.max_redirects,
                trust_env=False,
            )
        return self._client

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """Fetch ``url`` (conditionally when ``etag`` or ``last_modified`` is given); raise E17x on failure."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in SCHEMES:
            raise StorylineError("E175", url=url, scheme=scheme or "(none)")
        if self.robots and not self.allowed(url):
            raise StorylineError("E176", url=url, why=self._host(url).robots_note)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers, self.settings.max_bytes)

    def allowed(self, url: str) -> bool:
        """What the host's robots.txt (read once per host) says about ``url`` for storyline."""
        host = self._host(url)
        if host.robots is None:
            host.robots = self._read_robots(url)
            crawl_delay = host.robots.crawl_delay(USER_AGENT)
            host.delay = float(crawl_delay) if crawl_delay else 0.0
        return host.robots.can_fetch(USER_AGENT, url)

    def _read_robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        """Rules from /robots.txt: none found (4xx) allows everything; a server error (5xx) nothing (RFC 9309).

        A host that cannot be reached at all raises that error (E171, E172) for the page asked for.
        """
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            answer = self._request(robots_url, {}, ROBOTS_MAX_BYTES)
            parser.parse(answer.content.decode("utf-8", errors="replace").splitlines())
        except FetchError as err:
            if err.code in ("E171", "E172"):
                raise  # the host itself cannot be reached: say so, not "robots.txt forbids"
            if err.status >= 500:
                parser.parse(["User-agent: *", "Disallow: /"])
                self._host(url).robots_note = f"answered HTTP {err.status}, which RFC 9309 reads as 'fetch nothing'"
            else:  # missing (4xx), endless redirects or oversized: as if there were none
                parser.parse([])
        return parser

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        return self._hosts.setdefault(f"{parts.scheme}://{parts.netloc}".lower(), _Host())

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host's minimum interval since the last request has passed."""
        host = self._host(url)
        interval = max(self.settings.fetch_interval, host.delay)
        wait = host.last_request + interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        host.last_request = time.monotonic()

    def _request(self, url: str, headers: dict[str, str], limit: int) -> Fetched:
        self._wait_turn(url)
        fetched_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return _fetched(url, response, b"", fetched_at, not_modified=True)
                if response.status_code >= 400:
                    raise FetchError("E170", url=url, status=response.status_code, reason=response.reason_phrase)
                content = _read_limited(response, url, limit)
                return _fetched(url, response, content, fetched_at)
        except httpx.TooManyRedirects as err:
            raise FetchError("E174", url=url, limit=self.settings.max_redirects) from err
        except httpx.TimeoutException as err:
            raise FetchError("E172", url=url, seconds=self.settings.fetch_timeout) from err
        except httpx.UnsupportedProtocol as err:
            raise FetchError("E175", url=url, scheme=str(err)) from err
        except httpx.HTTPError as err:
            raise FetchError("E171", url=url, detail=f"{type(err).__name__}: {err}") from err


def _read_limited(response: httpx.Response, url: str, limit: int) -> bytes:
    """The decoded (gunzipped) body, read in pieces and abandoned past ``limit`` bytes."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit and "Content-Encoding" not in response.headers:
        raise FetchError("E173", url=url, limit=limit)
    parts: list[bytes] = []
    size = 0
    for part in response.iter_bytes():
        size += len(part)
        if size > limit:
            raise FetchError("E173", url=url, limit=limit)
        parts.append(part)
    return b"".join(parts)


def _fetched(
    url: str, response: httpx.Response, content: bytes, fetched_at: str, *, not_modified: bool = False
) -> Fetched:
    content_type = response.headers.get("Content-Type", "")
    media_type, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return Fetched(
        url=url,
        final_url=str(response.url),
        status=response.status_code,
        content=content,
        content_type=media_type.strip().lower(),
        charset=charset,
        fetched_at=fetched_at,
        date=response.headers.get("Date"),
        last_modified=response.headers.get("Last-Modified"),
        etag=response.headers.get("ETag"),
        not_modified=not_modified,
    )
