"""Reading inputs: files, directories and JSONL into decoded RawDocs.

Every problem becomes a ``Failure`` naming the file (and line) and the batch
goes on: one bad file must never stop or silently shrink an ingest. Formats are
chosen by suffix; ``.gz`` is opened transparently. Metadata a page lacks comes
from a sidecar ``NAME.meta.json`` beside it, or from ``meta`` given by the user.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Literal

from .errors import StorylineError
from .model import Failure, RawDoc
from .settings import Settings

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SIDECAR = ".meta.json"

# Leading bytes of common binary formats, to refuse them with a helpful name.
_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
}
_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
_WESTERN_RIVALS = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "iso8859_16", "cp1257", "mac_latin2"}
_ADDRESS = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)

Item = RawDoc | Failure
# W-codes that annotate an input which is still ingested (the others mean skipped).
NOTES = frozenset({"W210", "W212", "W213"})


def read(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    meta: dict[str, Any] | None = None,
    *,
    seen: Callable[[str], bool] | None = None,
) -> Iterator[Item]:
    """Yield a RawDoc or a Failure for every article found under ``paths``, in order.

    ``seen`` tells which addresses were fetched before (the store's seen URLs):
    a feed or sitemap item it knows is not fetched again.
    """
    settings = settings or Settings()
    for arg in paths:
        remote = _read_remote(arg, settings, meta, seen)
        if remote is not None:
            yield from remote
            continue
        path = Path(arg)
        if not path.exists():
            yield _failure(path, StorylineError("E109", path=path))
        elif path.is_dir():
            yield from checked(_read_dir(path, settings, meta))
        else:
            yield from checked(read_file(path, settings, meta))


def _read_remote(
    arg: str | Path, settings: Settings, meta: dict[str, Any] | None, seen: Callable[[str], bool] | None
) -> Iterator[Item] | None:
    """Addresses (http/https), ``.urls`` lists and web archives (.warc, .warc.gz) go to their own readers.

    Checked on the argument as given: ``Path`` would collapse ``https://`` to ``https:/``.
    Any ``scheme://`` argument is an address; only http and https are fetched.
    """
    if isinstance(arg, str) and _ADDRESS.match(arg):  # ftp:// and the like get E175 from there
        from .feeds import read_url

        return read_url(arg, settings, meta, decode=decode, seen=seen)
    path = Path(arg)
    if path.name.lower().endswith((".warc", ".warc.gz")) and path.is_file():
        from .warc import read_warc

        return read_warc(path, settings, meta, decode=decode)
    if path.suffix.lower() == ".urls" and path.is_file():
        from .feeds import read_url_list

        return read_url_list(path, settings, meta, decode=decode, seen=seen)
    return None


def count(paths: Iterable[str | Path]) -> int:
    """A quick count of the articles under ``paths`` (a JSONL line counts one), for progress bars."""
    total = 0
    for path in map(Path, paths):
        files = [p for p in path.rglob("*") if is_article_file(p)] if path.is_dir() else [path]
        for file in files:
            if file.name.endswith(SIDECAR) or not file.is_file():
                continue
            if file.suffix.lower() in {".jsonl", ".ndjson"}:
                try:
                    with open(file, "rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:  # read() reports it; a progress bar only needs a guess
                    total += 1
            else:
                total += 1
    return total


def _read_dir(path: Path, settings: Settings, meta: dict[str, Any] | None) -> Iterator[Item]:
    """Articles in a folder, recursively, with every path left out reported (W204, W211).

    Symbolic links are followed once: a folder already walked (a link loop, or
    two links to one folder) is skipped with W211, so nothing is read twice and
    the walk ends. Hidden entries, dangling links, unreadable folders and
    special files (FIFOs, sockets, devices, which could block a read forever)
    are skipped with W211 rather than silently.
    """
    seen: set[tuple[int, int]] = set()
    for child, reason in _walk(path, seen):
        if reason:
            yield Failure(str(child), "W211", str(StorylineError("W211", path=child, reason=reason)))
        elif not is_article_file(child):
            yield Failure(str(child), "W204", str(StorylineError("W204", path=child)))
        else:
            yield from read_file(child, settings, meta)


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str]]:
    """Files under ``folder`` in sorted order, each with "" or the reason it is skipped."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:
            yield folder, "a folder already read (a symbolic link loop or a second link to it)"
            return
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield folder, f"folder not readable: {err.strerror or err}"
        return
    for entry in entries:
        child = Path(entry.path)
        if entry.name.endswith(SIDECAR):
            continue
        if entry.name.startswith("."):
            yield child, "hidden (its name starts with a dot)"
            continue
        try:
            mode = os.stat(child).st_mode
        except OSError as err:
            is_link = entry.is_symlink()
            yield child, "dangling symbolic link" if is_link else f"not readable: {err.strerror or err}"
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(child, seen)
        elif stat.S_ISREG(mode):
            yield child, ""
        else:
            yield child, "not a regular file (a FIFO, socket or device)"


def is_article_file(path: Path) -> bool:
    """True when ``path`` has a suffix storyline reads (.txt, .html, .jsonl, maybe .gz)."""
    try:
        _format_suffix(path)
    except StorylineError:
        return False
    return True


def read_file(path: Path, settings: Settings, meta: dict[str, Any] | None = None) -> Iterator[Item]:
    """Yield the article(s) in one file: one for a page, one per line for JSONL.

    Never raises: an unreadable file (E190), a broken or truncated gzip (E102)
    or a bug in reading (E111) ends as one Failure naming the file, after the
    lines of a JSONL file read before the problem.
    """
    try:
        suffix = _format_suffix(path)
        file_meta = {**_sidecar(path), **(meta or {})}
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, settings, file_meta)
            return
        data = _load(path, settings)
        fmt: Literal["text", "html"] = "html" if suffix in HTML_SUFFIXES else "text"
        text, note = decode_noted(data, str(path), html=fmt == "html")
        if note is not None:
            yield note
        yield RawDoc(str(path), text, fmt, file_meta)
    except StorylineError as err:
        yield _failure(path, err)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield _failure(path, StorylineError("E102", path=path, kind=f"broken gzip: {err}"))
    except OSError as err:
        yield _failure(path, StorylineError("E190", path=path, detail=err.strerror or err))
    except Exception as err:  # a reader bug must cost this file only, never the batch
        log.exception("reading %s failed", path)
        yield _failure(path, StorylineError("E111", path=path, detail=f"{type(err).__name__}: {err}"))


def decode(data: bytes, where: str, *, html: bool = False) -> str:
    """Decode bytes to text (as ``decode_noted``), logging what was guessed or replaced."""
    text, note = decode_noted(data, where, html=html)
    if note is not None:
        log.warning(note.message)
    return text


def decode_noted(data: bytes, where: str, *, html: bool = False) -> tuple[str, Failure | None]:
    """Bytes to text, with a W-note when a fallback code page (W213) or U+FFFD (W212) was needed.

    Order: a BOM, then UTF-8, then a charset the page declares. Bytes that are
    not UTF-8 in a file that otherwise is (a few stray cp1252 bytes pasted into
    a UTF-8 article) are read one by one as cp1252, else latin-1, on their
    lines only: decoding the whole file by detection would garble every curly
    quote in it. A file with more undecodable bytes than UTF-8 characters is
    in a legacy code page as a whole, found by detection.
    """
    if not data.strip():
        raise StorylineError("E101", path=where)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _with_bom(data, bom, encoding, where)
    _refuse_binary(data, where)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096]) if html else None
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii")), None
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %s failed", where, declared.group(1))
    escaped = data.decode("utf-8", errors="surrogateescape")
    stray = len(_STRAY.findall(escaped))
    if sum(1 for char in escaped if char > "\x7f") - stray >= stray:
        return _stray_bytes(escaped, where)
    text, encoding = _detect(data, where)
    lines = sum(1 for line in escaped.splitlines() if _STRAY.search(line))
    detail = f"not UTF-8 ({lines} of {_count_lines(escaped)} lines)"
    warning = StorylineError("W213", path=where, detail=detail, codepage=f"{encoding} (detected for the whole file)")
    return text, Failure(where, "W213", str(warning))


# Bytes that are not UTF-8, as ``surrogateescape`` keeps them (U+DC80..U+DCFF).
_STRAY = re.compile("[\udc80-\udcff]")


def _count_lines(text: str) -> int:
    return max(1, len(text.splitlines()))


def _stray_bytes(escaped: str, where: str, detail: str = "") -> tuple[str, Failure]:
    """UTF-8 text whose stray bytes (kept as surrogate escapes) are read as cp1252, else latin-1."""
    pages: set[str] = set()

    def fallback(match: re.Match[str]) -> str:
        byte = bytes([ord(match.group()) - 0xDC00])
        try:
            char = byte.decode("cp1252")
            pages.add("cp1252")
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: unused in cp1252
            char = byte.decode("latin-1")
            pages.add("latin-1")
        return char

    lines = sum(1 for line in escaped.splitlines() if _STRAY.search(line))
    text = _STRAY.sub(fallback, escaped)
    detail = detail or f"{lines} of {_count_lines(escaped)} lines hold bytes that are not UTF-8"
    codepage = " and ".join(page for page in ("cp1252", "latin-1") if page in pages)
    return text, Failure(where, "W213", str(StorylineError("W213", path=where, detail=detail, codepage=codepage)))


def _with_bom(data: bytes, bom: bytes, encoding: str, where: str) -> tuple[str, Failure | None]:
    """Text after a byte-order mark: its encoding is declared, so only broken bytes need a note."""
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError:
        pass
    if encoding == "utf-8-sig":  # UTF-8 with stray bytes, as without a BOM
        return _stray_bytes(data[len(bom) :].decode("utf-8", errors="surrogateescape"), where)
    text = data.decode(encoding, errors="replace")
    detail = f"bytes not valid in {encoding} (after its byte-order mark)"
    return text, Failure(where, "W212", str(StorylineError("W212", path=where, detail=detail)))


def _detect(data: bytes, where: str) -> tuple[str, str]:
    """Text and encoding of a file in a legacy code page, found by charset detection."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise StorylineError("E105", path=where, tried="utf-8, declared charset, detection")
    encoding = best.encoding
    if encoding in _WESTERN_RIVALS:
        # Single-byte Latin code pages are near-indistinguishable statistically;
        # Western European text (cp1252, a superset of Latin-1) is far more common in news.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), encoding


def _refuse_binary(data: bytes, where: str) -> None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise StorylineError("E102", path=where, kind=kind)
    head = data[:8192]
    if b"\x00" in head:
        raise StorylineError("E102", path=where, kind="contains NUL bytes")
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if controls > len(head) * 0.05:
        raise StorylineError("E102", path=where, kind="mostly control bytes")


def _format_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    suffix = suffixes[-1] if suffixes else ""
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
        raise StorylineError("E106", path=path, suffix=suffix or "(none)")
    return suffix


def _load(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise StorylineError("E101", path=path)
    if size > settings.max_bytes:
        raise StorylineError("E103", path=path, size=size, limit=settings.max_bytes)
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise StorylineError("E102", path=path, kind=f"broken gzip: {err}") from err
    return data


def _sidecar(path: Path) -> dict[str, Any]:
    """Metadata from ``name.meta.json`` (or ``name.ext.meta.json``) beside ``path``."""
    for candidate in (path.with_name(path.name.split(".")[0] + SIDECAR), path.with_name(path.name + SIDECAR)):
        if candidate.is_file():
            try:
                value = json.loads(candidate.read_text("utf-8"))
            except (ValueError, UnicodeDecodeError) as err:
                raise StorylineError("E110", path=candidate, detail=err) from err
            if not isinstance(value, dict):
                raise StorylineError("E110", path=candidate, detail="expected an object")
            return value
    return {}


def _read_jsonl(path: Path, settings: Settings, meta: dict[str, Any]) -> Iterator[Item]:
    """One RawDoc per line; a bad line is a Failure and the other lines still count."""
    if path.stat().st_size == 0:
        raise StorylineError("E101", path=path)
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rb") as handle:
        head = handle.read(8192)
        _refuse_binary(head.lstrip(b"\xef\xbb\xbf"), str(path))
        handle.seek(0)
        if path.suffix.lower() == ".json" and head.lstrip().startswith(b"["):
            try:
                records = json.loads(handle.read().decode("utf-8-sig"))
            except (ValueError, UnicodeDecodeError) as err:
                raise StorylineError("E107", path=path, line=1, detail=err) from err
            for n, record in enumerate(records if isinstance(records, list) else [records], 1):
                yield _jsonl_record(path, n, record, meta)
            return
        for n, line in enumerate(handle, 1):
            if line.strip():
                yield from _jsonl_line(path, n, line, settings, meta)


def _jsonl_line(path: Path, n: int, line: bytes, settings: Settings, meta: dict[str, Any]) -> Iterator[Item]:
    """The record on one JSONL line; stray bytes that are not UTF-8 are read as cp1252 with a note (W213)."""
    where = f"{path}:{n}"
    if len(line) > settings.max_bytes:
        yield _failure(where, StorylineError("E103", path=where, size=len(line), limit=settings.max_bytes))
        return
    body = line[3:] if line.startswith(b"\xef\xbb\xbf") else line
    note = None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text, note = _stray_bytes(
            body.decode("utf-8", errors="surrogateescape"), where, "the line holds bytes that are not UTF-8"
        )
    try:
        record = json.loads(text)
    except ValueError as err:
        yield _failure(where, StorylineError("E107", path=path, line=n, detail=err))
        return
    if note is not None:
        yield note
    yield _jsonl_record(path, n, record, meta)


def _jsonl_record(path: Path, n: int, record: Any, meta: dict[str, Any]) -> Item:
    where = f"{path}:{n}"
    if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
        return _failure(where, StorylineError("E108", path=path, line=n))
    key = "html" if record.get("html") else "text"
    for name in (key, *(k for k in ("id", "title", "published") if record.get(k) is not None)):
        value = record[name]
        if not isinstance(value, str) and not (name == "id" and isinstance(value, int) and not isinstance(value, bool)):
            return _failure(where, StorylineError("E191", path=path, line=n, field=name, kind=type(value).__name__))
    fields = {k: v for k, v in record.items() if k not in ("text", "html") and v not in (None, "")}
    fmt: Literal["text", "html"] = "html" if key == "html" else "text"
    return RawDoc(where, record[key], fmt, {**meta, **fields})


# -- checks at the door (docs/reliability.md) ---------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def checked(items: Iterable[Item]) -> Iterator[Item]:
    """Each item, its text and metadata made safe to store, with a W-note before it when that changed something.

    Lone surrogates (a JSONL ``\\ud800`` escape) cannot be encoded as UTF-8,
    so SQLite and spaCy would fail on them: they become U+FFFD (W212). An
    invalid ``published`` value (``2026-02-30``, ``yesterday``) becomes
    unknown rather than a wrong explicit date; the raw value is kept in the
    metadata as ``published_raw`` (W210). An RFC 2822 date (feeds) is read
    as the ISO day it names.
    """
    for item in items:
        if not isinstance(item, RawDoc):
            yield item
            continue
        text, meta = item.text, item.meta
        if _SURROGATE.search(text) or any(_has_surrogate(v) for v in meta.values()):
            detail = "lone surrogate characters (invalid UTF-16 escapes) in its text or metadata"
            yield Failure(item.source, "W212", str(StorylineError("W212", path=item.source, detail=detail)))
            text, meta = _SURROGATE.sub("\ufffd", text), {k: _scrub(v) for k, v in meta.items()}
        published = meta.get("published")
        if published not in (None, ""):
            day = valid_day(published)
            if day is None:
                warning = StorylineError("W210", path=item.source, value=published)
                yield Failure(item.source, "W210", str(warning))
                meta = {k: v for k, v in meta.items() if k != "published"} | {"published_raw": published}
            elif day != published:
                meta = {**meta, "published": day, "published_raw": published}
        if text is not item.text or meta is not item.meta:
            item = RawDoc(item.source, text, item.fmt, meta)
        yield item


def valid_day(value: Any) -> str | None:
    """The ISO day a ``published`` value names (``2026-02-18``, ISO datetime, RFC 2822), else None."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _ISO_DAY.match(text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return bool(_SURROGATE.search(value))
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_surrogate(v) for v in value)
    return False


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value


def _failure(where: str | Path, err: StorylineError) -> Failure:
    return Failure(str(where), err.code, str(err))
