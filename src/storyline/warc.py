"""Reading web archives: the HTML pages of a WARC file (``.warc`` or ``.warc.gz``) as RawDocs.

A crawl such as CC-NEWS keeps every answer a crawler got as a ``response``
record. warcio streams them one at a time, so a multi-gigabyte archive needs
the memory of one record: only ``response`` records with status 200 and an
HTML content type are read (requests, metadata, images and redirects are
passed over), each body at most ``max_bytes``. The record's target URI and
date come along as metadata. Re-reading an archive is cheap to resume: ingest
skips every record whose content hash is already stored before analysing it.
Nothing in an archive is fetched from the network. See docs/feeds.md.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .errors import StorylineError
from .feeds import HTML_TYPES, Decode
from .model import Failure, RawDoc
from .settings import Settings

log = logging.getLogger(__name__)

Item = RawDoc | Failure


def is_warc(path: Path) -> bool:
    """True for ``NAME.warc`` and ``NAME.warc.gz``."""
    return path.name.lower().endswith((".warc", ".warc.gz"))


def read_warc(path: Path, settings: Settings, meta: dict[str, Any] | None, *, decode: Decode) -> Iterator[Item]:
    """Yield one RawDoc per HTML response record, in archive order; a broken archive ends with E179."""
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if _is_html_response(record):
                    yield _record_doc(path, record, settings, meta, decode)
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError) as err:
        yield Failure(str(path), "E179", str(StorylineError("E179", path=path, detail=err)))


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in HTML_TYPES


def _record_doc(path: Path, record: Any, settings: Settings, meta: dict[str, Any] | None, decode: Decode) -> Item:
    """The decoded page of one record, with its target URI and date as metadata."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = uri or f"{path}@{record.rec_headers.get_header('WARC-Record-ID')}"
    data = record.content_stream().read(settings.max_bytes + 1)
    if getattr(record.raw_stream, "limit", 0) > 0 and len(data) <= settings.max_bytes:
        # The archive ended inside this record (a cut download): its page is incomplete.
        raise ArchiveLoadFailed(f"the record of {where} is cut short")
    if len(data) > settings.max_bytes:
        error = StorylineError("E103", path=where, size=f"over {settings.max_bytes}", limit=settings.max_bytes)
        return Failure(where, error.code, str(error))
    try:
        text = decode(data, where, html=True)
    except StorylineError as err:
        return Failure(where, err.code, str(err))
    found = {
        "url": uri,
        "warc_date": record.rec_headers.get_header("WARC-Date"),
        "warc_file": path.name,
        "last_modified": record.http_headers.get_header("Last-Modified"),
    }
    return RawDoc(where, text, "html", {**{k: v for k, v in found.items() if v}, **(meta or {})})
