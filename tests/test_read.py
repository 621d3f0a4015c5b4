"""Reading: formats, encodings, sidecars, and one clear failure per bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.model import Failure, RawDoc
from storyline.read import count, read
from storyline.settings import Settings

ARTICLE = "Talks resume in Geneva\n\nOfficials met on Tuesday, the ministry said in a statement.\n"


def _one(path: Path, settings: Settings | None = None) -> RawDoc | Failure:
    items = list(read([path], settings))
    assert len(items) == 1
    return items[0]


def test_read_text_file_gives_rawdoc_with_text_format(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    item = _one(path)
    assert isinstance(item, RawDoc) and item.fmt == "text" and "Geneva" in item.text


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("latin-1", b""), ("utf-16", b""), ("cp1252", b""), ("utf-8", b"\xef\xbb\xbf")],
)
def test_read_detects_encoding(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = "Le ministre François Müller a déclaré que les négociations reprendraient à Genève mardi. " * 3
    path = tmp_path / "accents.txt"
    path.write_bytes(prefix + text.encode(encoding))
    *notes, item = list(read([path]))
    assert isinstance(item, RawDoc)
    assert "François Müller" in item.text and "Genève" in item.text
    # a code page found by detection is a guess, and said so (W213); a BOM or UTF-8 is not
    assert [n.code for n in notes if isinstance(n, Failure)] == (["W213"] if encoding in ("latin-1", "cp1252") else [])


def test_read_html_uses_declared_charset(tmp_path: Path) -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Zürich café</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("latin-1"))
    item = _one(path)
    assert isinstance(item, RawDoc) and item.fmt == "html" and "Zürich café" in item.text


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "E101"),
        ("blank.txt", b"   \n\n  ", "E101"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "E102"),
        ("nul.txt", b"some text\x00\x00\x01\x02 more", "E102"),
        ("notes.xyz", b"hello", "E106"),
    ],
)
def test_read_bad_file_is_one_failure_with_code(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    item = _one(path)
    assert isinstance(item, Failure)
    assert item.code == code and name in item.message


def test_read_oversized_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk or memory
    item = _one(path)
    assert isinstance(item, Failure) and item.code == "E103"


def test_read_missing_path_fails_with_e109(tmp_path: Path) -> None:
    item = _one(tmp_path / "nope.txt")
    assert isinstance(item, Failure) and item.code == "E109"


def test_read_jsonl_bad_lines_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {"id": "a1", "text": ARTICLE, "url": "https://example.org/a1", "outlet": "Example"}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no body"}) + "\n", encoding="utf-8")
    items = list(read([path]))
    assert isinstance(items[0], RawDoc) and items[0].meta["url"] == "https://example.org/a1"
    assert [i.code for i in items[1:] if isinstance(i, Failure)] == ["E107", "E108"]
    assert items[1].source.endswith("feed.jsonl:2")


def test_read_jsonl_html_field_is_html(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"html": "<p>Hello there, world.</p>"}) + "\n", encoding="utf-8")
    item = _one(path)
    assert isinstance(item, RawDoc) and item.fmt == "html"


def test_read_sidecar_metadata_applies_and_flags_win(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(json.dumps({"outlet": "Side", "url": "https://x.org/s"}))
    items = list(read([tmp_path], meta={"outlet": "Flag"}))
    assert len(items) == 1 and isinstance(items[0], RawDoc)
    assert items[0].meta == {"outlet": "Flag", "url": "https://x.org/s"}


def test_read_folder_skips_unknown_files_with_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    with gzip.open(tmp_path / "b.html.gz", "wt", encoding="utf-8") as handle:
        handle.write("<html><body><p>Hello from a gzipped page.</p></body></html>")
    items = list(read([tmp_path]))
    kinds = sorted((type(i).__name__, getattr(i, "code", i.fmt if isinstance(i, RawDoc) else "")) for i in items)
    assert kinds == [("Failure", "W204"), ("RawDoc", "html"), ("RawDoc", "text")]
    assert count([tmp_path]) == 2
