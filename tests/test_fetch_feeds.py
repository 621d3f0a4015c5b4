"""Fetching pages, feeds, sitemaps and WARC archives, against a real HTTP server on 127.0.0.1.

Each test starts its own ``http.server`` in a thread, with a handler the test
controls and a log of every request it received; no test reaches any other
address. The articles are fictional.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from storyline.fetch import USER_AGENT, Fetcher, canonical_url
from storyline.ingest import ingest
from storyline.read import read
from storyline.settings import Settings
from storyline.store import Store

TOWNS = ["Marrowfield", "Quenby", "Ostrava Vale", "Lindqvist Harbour", "Pellworth", "Cardenne"]
PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{title}</h1><p class="byline">By Ilse Marwick</p>
<p>Floodwater from the river Seld reached the centre of {town} on Tuesday, and the regional governor,
Tomasz Reyval, ordered the evacuation of three districts, officials said.</p>
<p>"We will not leave anyone behind in {town}," Reyval told reporters at the town hall on Tuesday evening.
He said rescue teams from Quenby and Pellworth had arrived by boat.</p>
<p>The weather service of Carvania warned that more rain would fall on Wednesday. Mayor Elena Vostrova
said the shelters had room for two thousand people and asked residents to stay away from the bridges.</p>
<p>{extra}</p></article><footer>Copyright Seld Valley Courier</footer></body></html>"""


def page(n: int, *, title: str | None = None, charset: str = "utf-8", extra: str = "") -> str:
    town = TOWNS[n % len(TOWNS)]
    return PAGE.format(
        title=title or f"Flood reaches {town} as the Seld rises (report {n})",
        town=town,
        charset=charset,
        extra=extra or f"Report number {n} from the Seld valley flood desk.",
    )


def rss(base: str, items: list[int]) -> str:
    entries = "".join(
        f"<item><title>Flood report {n}</title><link>{base}/a{n}.html</link>"
        f"<pubDate>Tue, 0{1 + n % 8} Apr 2031 10:00:00 GMT</pubDate>"
        "<author>desk@example.invalid (Ilse Marwick)</author>"
        f"<guid>{base}/a{n}.html</guid></item>"
        for n in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Seld Valley Courier</title>'
        f"<link>{base}/</link><description>News</description>{entries}</channel></rss>"
    )


Route = Callable[[BaseHTTPRequestHandler], None] | tuple[int, dict[str, str], bytes]


@dataclass
class Site:
    """A local web site: routes by path, and a log of (path, headers) for every request."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def html(self, path: str, text: str, charset: str = "utf-8", **headers: str) -> None:
        body = text.encode(charset)
        self.routes[path] = (200, {"Content-Type": f"text/html; charset={charset}", **headers}, body)

    def paths(self) -> list[str]:
        return [path for path, _ in self.log]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.log.append((self.path, dict(self.headers)))
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
            elif callable(route):
                route(self)
            else:
                send(self, *route)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


def send(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
    handler.send_response(status)
    for key, value in headers.items():
        handler.send_header(key, value)
    if "Content-Length" not in headers and not headers.get("X-No-Length"):
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        handler.wfile.write(body)


@pytest.fixture
def site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site := Site()))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    site.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def quick(settings: Settings) -> Settings:
    """Fetching without the politeness pause, short timeouts and a small size limit, one process."""
    values = {"fetch_interval": 0.0, "fetch_timeout": 1.0, "max_bytes": 200_000, "workers": 1}
    return settings.with_values(values)


# -- fetching pages ------------------------------------------------------------


def test_fetch_sends_storyline_user_agent_and_keeps_final_url_and_http_dates(site: Site, quick: Settings) -> None:
    site.html("/a1.html", page(1), **{"Last-Modified": "Tue, 01 Apr 2031 09:00:00 GMT", "ETag": '"v1"'})
    site.routes["/old"] = (301, {"Location": "/a1.html"}, b"")
    with Fetcher(quick) as fetcher:
        fetched = fetcher.get(site.base + "/old")
    assert fetched.final_url == site.base + "/a1.html"
    assert fetched.last_modified == "Tue, 01 Apr 2031 09:00:00 GMT" and fetched.etag == '"v1"'
    assert fetched.date and fetched.fetched_at.endswith("Z")
    assert USER_AGENT.startswith("storyline/")
    assert all(headers.get("User-Agent") == USER_AGENT for _, headers in site.log)
    assert site.paths() == ["/robots.txt", "/old", "/a1.html"]


def test_read_url_gives_page_with_fetch_metadata(site: Site, quick: Settings) -> None:
    site.html("/a1.html", page(1), **{"Last-Modified": "Tue, 01 Apr 2031 09:00:00 GMT"})
    [doc] = list(read([site.base + "/a1.html"], quick))
    assert doc.fmt == "html" and "Marrowfield" not in doc.source
    assert doc.meta["url"] == site.base + "/a1.html"
    assert doc.meta["last_modified"] == "Tue, 01 Apr 2031 09:00:00 GMT"
    assert {"fetched_at", "http_date"} <= set(doc.meta)


@pytest.mark.parametrize(
    ("path", "code", "words"),
    [
        ("/missing.html", "E170", "HTTP 404"),
        ("/slow.html", "E172", "no answer within"),
        ("/huge.html", "E173", "limit"),
        ("/loop", "E174", "redirects"),
        ("/private/secret.html", "E176", "robots.txt"),
        ("/picture.png", "E177", "image/png"),
    ],
)
def test_read_url_failure_is_named_with_code_and_address(
    site: Site, quick: Settings, path: str, code: str, words: str
) -> None:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(3)
        send(handler, 200, {"Content-Type": "text/html"}, page(1).encode())

    site.routes["/slow.html"] = slow
    # No Content-Length: the limit must stop the streamed body, not trust a header.
    site.routes["/huge.html"] = (200, {"Content-Type": "text/html", "X-No-Length": "1"}, b"<p>word </p>" * 40_000)
    site.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    site.routes["/private/secret.html"] = (200, {"Content-Type": "text/html"}, page(2).encode())
    site.routes["/picture.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG....")
    [failure] = list(read([site.base + path], quick))
    assert failure.code == code and words in failure.message and site.base + path in failure.message
    assert "/private/secret.html" not in site.paths()


def test_read_url_refuses_other_schemes(quick: Settings) -> None:
    with Fetcher(quick) as fetcher, pytest.raises(ValueError, match="E175|only http"):
        fetcher.get("ftp://127.0.0.1/file")


def test_read_url_gzip_encoded_page_is_decompressed(site: Site, quick: Settings) -> None:
    body = gzip.compress(page(3).encode("utf-8"))
    site.routes["/gz.html"] = (200, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}, body)
    [doc] = list(read([site.base + "/gz.html"], quick))
    assert "Lindqvist Harbour" in doc.text


@pytest.mark.parametrize(
    ("declared", "actual"), [("utf-8", "cp1252"), ("iso-8859-1", "utf-8"), ("windows-1251", "utf-8")]
)
def test_read_url_wrong_declared_charset_still_reads_accents(
    site: Site, quick: Settings, declared: str, actual: str
) -> None:
    # Curly quotes and dashes, as in most cp1252 pages, are what tells detection the code page.
    extra = "Café owners in Zürich Street said the “naïve” plans had failed — the façade of the mill’s wing fell."
    body = page(4, charset=declared, extra=extra * 3).encode(actual)
    site.routes["/wrong.html"] = (200, {"Content-Type": f"text/html; charset={declared}"}, body)
    [doc] = list(read([site.base + "/wrong.html"], quick))
    assert "Café owners in Zürich Street" in doc.text and "façade" in doc.text


def test_ingest_url_stores_article_and_names_failures(site: Site, quick: Settings, tmp_path: Path) -> None:
    site.html("/a1.html", page(1))
    with Store(tmp_path / "kb.db") as store:
        report = ingest([site.base + "/a1.html", site.base + "/gone.html"], store, quick)
        assert report.added == 1 and [f.code for f in report.failures] == ["E170"]
        [failure] = store.failures()
        assert failure.code == "E170" and failure.source == site.base + "/gone.html"
        article = store.analysis(store.article_ids()[0]).article
        assert article.url == site.base + "/a1.html"
        assert store.url_seen(canonical_url(site.base + "/a1.html"))


def test_canonical_url_drops_fragment_and_default_port_and_lowercases_host() -> None:
    assert canonical_url("HTTP://Example.ORG:80/a?b=1#top") == "http://example.org/a?b=1"
    assert canonical_url("https://example.org") == "https://example.org/"


# -- feeds, sitemaps and watch -------------------------------------------------


class Feed:
    """A feed route whose items the test changes between polls; answers 304 to matching validators."""

    def __init__(self, site: Site, items: list[int]) -> None:
        self.site, self.items = site, items
        for n in range(1, 7):
            site.html(f"/a{n}.html", page(n))

    def __call__(self, handler: BaseHTTPRequestHandler) -> None:
        body = rss(self.site.base, self.items).encode("utf-8")
        etag = '"' + hashlib.sha256(body).hexdigest()[:12] + '"'
        modified = formatdate(1_900_000_000 + len(self.items) * 60, usegmt=True)
        if handler.headers.get("If-None-Match") == etag:
            send(handler, 304, {"ETag": etag}, b"")
            return
        send(handler, 200, {"Content-Type": "application/rss+xml", "ETag": etag, "Last-Modified": modified}, body)


def test_ingest_feed_url_fetches_each_item_once_with_feed_hints(site: Site, quick: Settings, tmp_path: Path) -> None:
    feed = Feed(site, [1, 2])
    site.routes["/feed.xml"] = feed
    with Store(tmp_path / "kb.db") as store:
        first = ingest([site.base + "/feed.xml"], store, quick)
        feed.items = [1, 2, 3]
        site.log.clear()
        second = ingest([site.base + "/feed.xml"], store, quick)
        assert (first.added, second.added, second.failed) == (2, 1, 0)
        assert site.paths() == ["/robots.txt", "/feed.xml", "/a3.html"]
        row = store.seen_url(canonical_url(site.base + "/a3.html"))
        assert row and row["article_id"] and row["content_hash"]
        raw = store.raw_input(row["article_id"])
        assert raw and raw.meta["byline"] == "desk@example.invalid (Ilse Marwick)"
        assert raw.meta["published"].startswith("2031-04-")


def test_parse_atom_feed_and_news_sitemap(site: Site, quick: Settings) -> None:
    from storyline.feeds import items_of, kind_of

    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>'
        '<entry><title>Flood in Quenby</title><link href="/a2.html"/><updated>2031-04-02T08:00:00Z</updated>'
        "<author><name>Ilse Marwick</name></author><id>x</id></entry></feed>"
    )
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{site.base}/a4.html</loc><news:news><news:publication><news:name>Seld Valley Courier"
        "</news:name><news:language>en</news:language></news:publication>"
        "<news:publication_date>2031-04-03T09:00:00+00:00</news:publication_date>"
        "<news:title>Shelters fill in Lindqvist Harbour</news:title></news:news></url></urlset>"
    )
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.base}/news.xml.gz</loc></sitemap></sitemapindex>"
    )
    site.routes["/atom.xml"] = (200, {"Content-Type": "application/atom+xml"}, atom.encode())
    site.routes["/news.xml.gz"] = (200, {"Content-Type": "application/x-gzip"}, gzip.compress(sitemap.encode()))
    site.routes["/index.xml"] = (200, {"Content-Type": "text/xml"}, index.encode())
    with Fetcher(quick) as fetcher:
        atom_fetched = fetcher.get(site.base + "/atom.xml")
        [entry] = items_of(atom_fetched, kind_of(atom_fetched), fetcher)
        index_fetched = fetcher.get(site.base + "/index.xml")
        [news] = items_of(index_fetched, kind_of(index_fetched), fetcher)
    assert entry.url == site.base + "/a2.html" and entry.author == "Ilse Marwick" and entry.title == "Flood in Quenby"
    assert entry.published == "2031-04-02T08:00:00Z"
    assert news.hints() == {
        "title": "Shelters fill in Lindqvist Harbour",
        "published": "2031-04-03T09:00:00+00:00",
        "outlet": "Seld Valley Courier",
    }


def test_broken_feed_is_named_failure(site: Site, quick: Settings) -> None:
    site.routes["/bad.xml"] = (200, {"Content-Type": "application/rss+xml"}, b"<?xml version='1.0'?><rss><chan")
    [failure] = list(read([site.base + "/bad.xml"], quick))
    assert failure.code == "E178" and site.base + "/bad.xml" in failure.message


@pytest.mark.slow
def test_watch_second_poll_is_conditional_and_ingests_only_new_items_into_the_story(
    site: Site, quick: Settings, tmp_path: Path
) -> None:
    from storyline.watch import watch

    feed = Feed(site, [1, 2])
    site.routes["/feed.xml"] = feed
    lines: list[str] = []
    with Store(tmp_path / "kb.db") as store:
        first = watch([site.base + "/feed.xml"], store, quick, once=True, on_article=lambda i, t, u: lines.append(u))
        assert first.added == 2 and lines == [site.base + "/a1.html", site.base + "/a2.html"]
        assert "If-None-Match" not in site.log[1][1]

        feed.items = [3, 1, 2]
        site.log.clear()
        second = watch([site.base + "/feed.xml"], store, quick, once=True, on_article=lambda i, t, u: lines.append(u))
        [(path, headers)] = [entry for entry in site.log if entry[0] == "/feed.xml"]
        assert headers.get("If-None-Match") and headers.get("If-Modified-Since")
        assert second.added == 1 and site.paths() == ["/robots.txt", "/feed.xml", "/a3.html"]

        site.log.clear()
        third = watch([site.base + "/feed.xml"], store, quick, once=True)
        assert third.not_modified == 1 and third.added == 0 and "/a3.html" not in site.paths()

        ids = [store.seen_url(canonical_url(f"{site.base}/a{n}.html"))["article_id"] for n in (1, 2, 3)]
        story = store.story(store.story_of(ids[2]) or "")
        assert story and set(ids) <= set(story["articles"])


@pytest.mark.slow
def test_watch_stop_finishes_article_in_hand_and_rereads_feed_next_time(
    site: Site, quick: Settings, tmp_path: Path
) -> None:
    from storyline.watch import watch

    site.routes["/feed.xml"] = Feed(site, [1, 2, 3])
    stop = threading.Event()
    with Store(tmp_path / "kb.db") as store:
        report = watch([site.base + "/feed.xml"], store, quick, stop=stop, on_article=lambda i, t, u: stop.set())
        assert report.added == 1 and store.feed_state(site.base + "/feed.xml") is None
        assert "/a2.html" not in site.paths()
        site.log.clear()
        rest = watch([site.base + "/feed.xml"], store, quick, once=True)
        assert rest.added == 2 and "If-None-Match" not in dict(site.log)["/feed.xml"]
        assert "/a1.html" not in site.paths()


def test_watch_failures_are_recorded_in_store(site: Site, quick: Settings, tmp_path: Path) -> None:
    from storyline.watch import watch

    site.routes["/feed.xml"] = lambda handler: send(
        handler, 200, {"Content-Type": "application/rss+xml"}, rss(site.base, [9]).encode()
    )
    with Store(tmp_path / "kb.db") as store:
        report = watch([site.base + "/feed.xml", site.base + "/nofeed.xml"], store, quick, once=True)
        codes = sorted((f.code, f.source) for f in store.failures())
    assert [f.code for f in report.failures] == ["E170", "E170"]
    assert codes == [("E170", site.base + "/a9.html"), ("E170", site.base + "/nofeed.xml")]


def test_stop_on_signals_turns_sigterm_into_the_stop_flag() -> None:
    import os
    import signal

    from storyline.watch import stop_on_signals

    stop = threading.Event()
    before = signal.getsignal(signal.SIGTERM)
    with stop_on_signals(stop):
        os.kill(os.getpid(), signal.SIGTERM)
        assert stop.wait(2)
    assert signal.getsignal(signal.SIGTERM) == before


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("30s", 30), ("10m", 600), ("2h", 7200)])
def test_parse_interval(text: str, seconds: float) -> None:
    from storyline.watch import parse_interval

    assert parse_interval(text) == seconds


# -- WARC archives ---------------------------------------------------------------


def write_warc(path: Path, pages: int) -> Path:
    """A gzipped WARC like a news crawl: per page a request and an HTML response, plus noise records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in range(pages):
            uri = f"https://courier.example.invalid/2031/04/flood-{n}.html"
            body = page(n, extra=f"Dispatch {n}: the gauge at bridge {n % 17} read {n * 3 + 400} centimetres.")
            request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            response = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(request)
            writer.write_record(response)
            if n % 50 == 0:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        uri + ".jpg", "response", payload=io.BytesIO(b"\xff\xd8\xff"), http_headers=image
                    )
                )
    return path


def test_read_warc_gives_html_responses_with_target_uri_and_date(tmp_path: Path, quick: Settings) -> None:
    docs = list(read([write_warc(tmp_path / "crawl.warc.gz", 3)], quick))
    assert [d.meta["url"] for d in docs] == [
        f"https://courier.example.invalid/2031/04/flood-{n}.html" for n in range(3)
    ]
    assert all(d.fmt == "html" and d.meta["warc_date"] and "Seld" in d.text for d in docs)


def test_read_warc_memory_stays_flat(tmp_path: Path, quick: Settings) -> None:
    def peak(pages: int) -> int:
        archive = write_warc(tmp_path / f"crawl-{pages}.warc.gz", pages)
        tracemalloc.start()
        count = sum(1 for _ in read([archive], quick))
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert count == pages
        return top

    peak(5)  # first imports (warcio, codecs) are not the archive's memory
    small, large = peak(100), peak(400)
    assert large < small * 1.5, (small, large)


def test_broken_warc_is_named_failure_after_the_good_records(tmp_path: Path, quick: Settings) -> None:
    archive = write_warc(tmp_path / "cut.warc.gz", 4)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) * 3 // 4])
    items = list(read([archive], quick))
    assert items[-1].code == "E179" and str(archive) in items[-1].message
    assert len(items) >= 2


@pytest.mark.slow
def test_ingest_warc_then_again_skips_every_stored_record(tmp_path: Path, quick: Settings) -> None:
    archive = write_warc(tmp_path / "crawl.warc.gz", 200)
    settings = quick.with_values({"workers": 2})
    with Store(tmp_path / "kb.db") as store:
        first = ingest([archive], store, settings)
        assert (first.added, first.failed) == (200, 0)
        second = ingest([archive], store, settings)
        assert (second.added, second.unchanged, second.failed) == (0, 200, 0)


# -- the command line --------------------------------------------------------------


@pytest.mark.slow
def test_cli_ingest_url_and_watch_once_print_new_articles_and_name_failures(site: Site, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.present.cli import app

    site.routes["/feed.xml"] = Feed(site, [5])
    (tmp_path / "feeds.urls").write_text(f"# the flood\n{site.base}/feed.xml\n", encoding="utf-8")
    db = str(tmp_path / "kb.db")
    flags = ["--db", db, "-s", "fetch_interval=0", "-s", "workers=1"]
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", f"{site.base}/a4.html", f"{site.base}/gone.html", *flags])
    assert ingested.exit_code == 1, ingested.output
    assert "1 added" in ingested.output and f"E170: {site.base}/gone.html" in ingested.output
    watched = runner.invoke(app, ["watch", str(tmp_path / "feeds.urls"), "--once", *flags])
    assert watched.exit_code == 0, watched.output
    assert f"<{site.base}/a5.html>" in watched.output and "1 new" in watched.output
    failures = runner.invoke(app, ["failures", "--db", db])
    assert "E170" in failures.output and "gone.html" in failures.output


def test_unreachable_host_is_named_as_such_and_other_schemes_refused(quick: Settings) -> None:
    with socket.socket() as probe:  # a port on this machine that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    items = list(read([f"http://127.0.0.1:{port}/a.html", "ftp://127.0.0.1/b.html"], quick))
    assert [item.code for item in items] == ["E171", "E175"]
    assert "ftp://127.0.0.1/b.html" in items[1].message


def test_robots_server_error_means_fetch_nothing(site: Site, quick: Settings) -> None:
    site.routes["/robots.txt"] = (503, {"Content-Type": "text/plain"}, b"busy")
    site.html("/a1.html", page(1))
    [failure] = list(read([site.base + "/a1.html"], quick))
    assert failure.code == "E176" and "HTTP 503" in failure.message and "/a1.html" not in site.paths()
