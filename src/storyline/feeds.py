"""Reading addresses: a page, or a feed or sitemap and the pages it lists, as RawDocs.

``read_url`` fetches what the user named. An HTML page becomes one RawDoc; an
RSS 2.0 or Atom feed (read by feedparser) or a news sitemap (read by lxml with
the sitemap namespaces) becomes one RawDoc per listed page, each fetched once:
an item the ``seen`` predicate knows (the store's table of seen URLs) is not
fetched again. The item's title, date and author, and a news sitemap's
publication name, travel as metadata hints; what the user gave with ``--meta``
wins over them. Decoding is passed in by ``read`` (``read.decode``) so this
module and read.py do not import each other. See docs/feeds.md.
"""

from __future__ import annotations

import io
import logging
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import feedparser
from lxml import etree

from .errors import StorylineError
from .fetch import Fetched, Fetcher, canonical_url, is_url
from .model import Failure, RawDoc
from .settings import Settings

log = logging.getLogger(__name__)

Item = RawDoc | Failure
Seen = Callable[[str], bool]
Kind = Literal["page", "text", "feed", "sitemap"]

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_ROOTS = {"rss", "feed", "RDF", "channel"}
SITEMAP_ROOTS = {"urlset", "sitemapindex"}
SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
# A sitemap index may list thousands of sitemaps; a reader following a story needs the first few.
MAX_NESTED_SITEMAPS = 50
SITEMAP_MAX_BYTES = 50_000_000
# Sniffed XML never resolves entities or reaches the network (no XXE, no billion laughs).
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


class Decode(Protocol):
    """``read.decode``: bytes to text (BOM, UTF-8, declared charset, detection)."""

    def __call__(self, data: bytes, where: str, *, html: bool = False) -> str: ...


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One page a feed or sitemap lists, with the metadata the feed gives for it."""

    url: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None

    def hints(self) -> dict[str, str]:
        """Metadata hints for the article: what the page itself lacks, the cleaner takes from here."""
        values = {"title": self.title, "published": self.published, "byline": self.author, "outlet": self.outlet}
        return {key: value for key, value in values.items() if value}


def read_url(
    url: str,
    settings: Settings,
    meta: dict[str, Any] | None,
    *,
    decode: Decode,
    seen: Seen | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Item]:
    """Yield the page at ``url``, or every unseen page its feed or sitemap lists; failures name the address."""
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    try:
        try:
            fetched = fetcher.get(url)
            kind = kind_of(fetched)
        except StorylineError as err:
            yield Failure(url, err.code, str(err))
            return
        if kind in ("page", "text"):
            yield page_doc(fetched, kind, meta, decode=decode)
            return
        try:
            items = items_of(fetched, kind, fetcher)
        except StorylineError as err:
            yield Failure(url, err.code, str(err))
            return
        for item in items:
            if seen is not None and seen(canonical_url(item.url)):
                log.debug("%s: seen before, not fetched again", item.url)
                continue
            yield fetch_item(fetcher, item, meta, decode=decode)
    finally:
        if own:
            fetcher.close()


def read_url_list(
    path: Path, settings: Settings, meta: dict[str, Any] | None, *, decode: Decode, seen: Seen | None = None
) -> Iterator[Item]:
    """Every address in a ``.urls`` file (one per line, ``#`` comments), with one polite client for all."""
    with Fetcher(settings) as fetcher:
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            address = line.split("#", 1)[0].strip()
            if not address:
                continue
            if not is_url(address):
                where = f"{path}:{n}"
                yield Failure(where, "E175", str(StorylineError("E175", url=where, scheme=address)))
                continue
            yield from read_url(address, settings, meta, decode=decode, seen=seen, fetcher=fetcher)


def urls_in(path: Path) -> list[str]:
    """The addresses listed in a ``.urls`` file, for ``storyline watch``."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line]


def fetch_item(fetcher: Fetcher, item: FeedItem, meta: dict[str, Any] | None, *, decode: Decode) -> Item:
    """Fetch the page one feed item points to; a Failure names it when that fails or it is not a page."""
    try:
        fetched = fetcher.get(item.url)
        kind = kind_of(fetched)
        if kind not in ("page", "text"):
            raise StorylineError("E177", url=item.url, content_type=fetched.content_type or kind)
    except StorylineError as err:
        return Failure(item.url, err.code, str(err))
    return page_doc(fetched, kind, {**item.hints(), **(meta or {})}, decode=decode)


def page_doc(fetched: Fetched, kind: Kind, meta: dict[str, Any] | None, *, decode: Decode) -> Item:
    """A fetched page as a RawDoc carrying the fetch metadata (final URL, fetch time, HTTP dates)."""
    where = fetched.final_url
    try:
        text = _decode(fetched, decode)
    except StorylineError as err:
        return Failure(where, err.code, str(err))
    return RawDoc(where, text, "html" if kind == "page" else "text", {**fetched.meta(), **(meta or {})})


def _decode(fetched: Fetched, decode: Decode) -> str:
    """UTF-8 when the bytes are UTF-8 (whatever the header claims), then the header's charset, then ``decode``."""
    data = fetched.content
    if fetched.charset and data.strip():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            return data.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            log.info("%s: declared charset %s does not fit; detecting", fetched.final_url, fetched.charset)
    return decode(data, fetched.final_url, html=True)


def kind_of(fetched: Fetched) -> Kind:
    """Page, plain text, feed or sitemap: by the root element when the body is XML, else by content type."""
    root = _root_name(fetched.content)
    if root in FEED_ROOTS:
        return "feed"
    if root in SITEMAP_ROOTS:
        return "sitemap"
    if fetched.content_type in HTML_TYPES or root == "html":
        return "page"
    if fetched.content_type == "text/plain":
        return "text"
    if "xml" in fetched.content_type or "rss" in fetched.content_type or "atom" in fetched.content_type:
        raise StorylineError("E178", url=fetched.url, detail=f"root element <{root or '?'}>")
    raise StorylineError("E177", url=fetched.url, content_type=fetched.content_type or "(none)")


def _root_name(data: bytes) -> str | None:
    """The local name of the first element, read by lxml without parsing the rest; None if not XML."""
    try:
        for _, element in etree.iterparse(
            io.BytesIO(_gunzip(data)[:65536]), events=("start",), resolve_entities=False, no_network=True
        ):
            return str(etree.QName(element).localname)
    except (etree.XMLSyntaxError, ValueError, OSError):
        return None
    return None


def items_of(fetched: Fetched, kind: Kind, fetcher: Fetcher) -> list[FeedItem]:
    """The pages a feed or sitemap lists, in its order, each once; a sitemap index is followed one level."""
    if kind == "feed":
        items = parse_feed(fetched.content, fetched.final_url)
    else:
        items, nested = parse_sitemap(_gunzip(fetched.content), fetched.final_url)
        for address in nested[:MAX_NESTED_SITEMAPS]:
            try:
                child = fetcher.get(address)
                items.extend(parse_sitemap(_gunzip(child.content), child.final_url)[0])
            except StorylineError as err:
                log.warning("%s", err)
    unique: dict[str, FeedItem] = {}
    for item in items:
        unique.setdefault(canonical_url(item.url), item)
    return list(unique.values())


def parse_feed(data: bytes, url: str) -> list[FeedItem]:
    """RSS 2.0, RSS 1.0 or Atom items with feedparser; given bytes, so feedparser never fetches anything."""
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    if parsed.bozo and not parsed.entries:
        raise StorylineError("E178", url=url, detail=str(parsed.get("bozo_exception", "no items")))
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or not is_url(link):
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None
        items.append(FeedItem(link, entry.get("title") or None, published, entry.get("author") or None))
    return items


def parse_sitemap(data: bytes, url: str) -> tuple[list[FeedItem], list[str]]:
    """A sitemap's pages (with Google News title, date and publication) and, for an index, its sitemaps."""
    try:
        root = etree.fromstring(data, _XML_PARSER)
    except etree.XMLSyntaxError as err:
        raise StorylineError("E178", url=url, detail=err) from err
    if etree.QName(root).localname == "sitemapindex":
        return [], [loc.strip() for loc in root.xpath("sm:sitemap/sm:loc/text()", namespaces=SITEMAP_NS)]
    items = []
    for entry in root.iterfind("sm:url", SITEMAP_NS):
        loc = (entry.findtext("sm:loc", namespaces=SITEMAP_NS) or "").strip()
        if not is_url(loc):
            continue
        items.append(
            FeedItem(
                loc,
                title=_text(entry, "news:news/news:title"),
                published=_text(entry, "news:news/news:publication_date"),
                outlet=_text(entry, "news:news/news:publication/news:name"),
            )
        )
    return items, []


def _text(element: Any, path: str) -> str | None:
    value = element.findtext(path, namespaces=SITEMAP_NS)
    return value.strip() if value and value.strip() else None


def _gunzip(data: bytes) -> bytes:
    """Sitemaps are often served as ``.xml.gz`` files (gzip bytes, not a Content-Encoding).

    At most 50 MB come out (the sitemap protocol's own limit), so a gzip bomb stops there.
    """
    if data[:2] == b"\x1f\x8b":
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, SITEMAP_MAX_BYTES)
        except zlib.error:
            return data
    return data
