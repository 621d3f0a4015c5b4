"""More hostile inputs, built at test time: text that is mostly UTF-8, and pages nested thousands deep.

The promise (docs/reliability.md): valid UTF-8 stays UTF-8 and only the
bytes that are not are read in a fallback code page, with a warning that
names the file, the lines and the code page; a page's body survives any
pattern of deep nesting.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

QUOTED = (
    "Ferry timetable changes in Pellow\n\n"
    "The ferry company of Pellow said on Friday that \u201cevening crossings\u201d will stop "
    "in \u2018late autumn\u2019 \u2014 after a review of passenger numbers.\n\n"
)
STRAY = "The caf\xe9 by the quay sells cr\xe8me at \u201clow\u201d prices, its owner Tamsin Vell said.\n\n"
CLOSING = "\u201cWe will run a smaller boat instead,\u201d a company spokeswoman told the harbour council.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env
    )


def stored(folder: Path) -> dict[str, str]:
    with sqlite3.connect(folder / "kb.db") as conn:
        return {Path(source).name: text for source, text in conn.execute("SELECT source, text FROM articles")}


@pytest.mark.slow
def test_a_few_bytes_that_are_not_utf8_are_read_as_cp1252_on_their_lines_with_a_warning(tmp_path: Path) -> None:
    # a UTF-8 article with curly quotes, and one line pasted in from a cp1252 file
    data = QUOTED.encode("utf-8") + STRAY.encode("cp1252") + CLOSING.encode("utf-8")
    (tmp_path / "mixed.txt").write_bytes(data)
    row = {"text": QUOTED + CLOSING, "id": "j1"}
    line = json.dumps(row, ensure_ascii=False).encode("utf-8").replace(b"Friday", "Fr\xefday".encode("cp1252"))
    (tmp_path / "feed.jsonl").write_bytes(line + b"\n")
    result = run("ingest", "mixed.txt", "feed.jsonl", "--db", "kb.db", "-w", "1", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    texts = stored(tmp_path)
    text = texts["mixed.txt"]
    assert "\u201cevening crossings\u201d" in text and "\u2018late autumn\u2019 \u2014" in text  # UTF-8 lines intact
    assert "caf\xe9" in text and "cr\xe8me" in text and "\u201clow\u201d" in text  # the stray line read as cp1252
    assert "\ufffd" not in text
    assert "Fr\xefday" in texts["feed.jsonl:1"] and "\u201cWe will" in texts["feed.jsonl:1"]
    warnings = [line for line in result.stderr.splitlines() if "W213" in line]
    assert len(warnings) == 2
    assert "mixed.txt" in warnings[0] and "1 of 7 lines" in warnings[0] and "cp1252" in warnings[0]
    assert "feed.jsonl:1" in warnings[1] and "cp1252" in warnings[1]


def test_bytes_broken_after_a_utf16_byte_order_mark_are_replaced_with_a_warning(tmp_path: Path) -> None:
    from storyline.model import Failure, RawDoc
    from storyline.read import read

    (tmp_path / "wide.txt").write_bytes("\ufeffThe pier opens in May, the board said.".encode("utf-16-le") + b"\x00")
    note, doc = list(read([tmp_path / "wide.txt"]))
    assert isinstance(note, Failure) and isinstance(doc, RawDoc)
    assert note.code == "W212" and "utf-16" in note.message and "wide.txt" in note.message
    assert doc.text.startswith("The pier opens in May") and doc.text.endswith("\ufffd")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("pattern", "opening", "closing"),
    [
        ("div-section", "<div><section>", "</section></div>"),
        ("div-span", "<div><span>", "</span></div>"),
        ("attributes", '<div class="wrap"><section id="inner">', "</section></div>"),
        ("three-tags", "<article><div><span>", "</span></div></article>"),
    ],
)
def test_ten_thousand_alternately_nested_tags_keep_the_body(
    tmp_path: Path, pattern: str, opening: str, closing: str
) -> None:
    body = "".join(f"<p>{p}</p>" for p in (QUOTED + CLOSING).split("\n\n")[1:])
    depth = 10_000 // opening.count("<")
    page = f"<html><head><title>Ferry</title></head><body>{opening * depth}{body}{closing * depth}</body></html>"
    (tmp_path / f"{pattern}.html").write_text(page, encoding="utf-8")
    result = run("ingest", f"{pattern}.html", "--db", "kb.db", "-w", "1", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (text,) = stored(tmp_path).values()
    assert "evening crossings" in text and "smaller boat" in text
