"""Hostile inputs: each built here at test time, ingested next to good articles by the real CLI.

The promise (docs/reliability.md): every good article is stored, every bad
input is stored cleanly or named in ``failures``, one line each, no traceback.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st

from storyline.clean import clean
from storyline.errors import StorylineError
from storyline.ingest import ingest, pieces
from storyline.model import Failure, RawDoc
from storyline.read import read
from storyline.settings import Settings
from storyline.store import Store

GOOD = (
    "Harbour board backs new pier in Quillby\n\n"
    "The harbour board of Quillby voted on Monday to build a new pier at the north quay.\n\n"
    "\u201cThe town has waited long enough,\u201d board chair Alda Ferrin said after the vote.\n"
)
OTHER = (
    "Ferry strike ends in Marrowby\n\n"
    "Ferry crews in Marrowby returned to work on Tuesday after a three-day strike over rosters.\n\n"
    "\u201cWe have a fair deal now,\u201d union leader Borin Tash told reporters at the terminal.\n"
)


SRC = Path(__file__).resolve().parent.parent / "src"


def run(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The CLI of this source tree (not an installed copy), as a user runs it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )


def ingest_cli(folder: Path, *paths: str) -> subprocess.CompletedProcess[str]:
    return run("ingest", *paths, "--db", "kb.db", "-w", "1", "-q", cwd=folder)


def stored(folder: Path) -> dict[str, str]:
    with sqlite3.connect(folder / "kb.db") as conn:
        return {Path(source).name: text for source, text in conn.execute("SELECT source, text FROM articles")}


def failed(folder: Path) -> dict[str, str]:
    with sqlite3.connect(folder / "kb.db") as conn:
        return {Path(source).name: code for source, code in conn.execute("SELECT source, code FROM failures")}


def assert_clean_exit(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "Aborted" not in result.stderr


# -- crashes that used to sink the whole batch ---------------------------------


@pytest.mark.slow
def test_corrupt_and_truncated_gzip_are_named_failures_and_the_good_article_is_stored(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    whole = gzip.compress(OTHER.encode("utf-8"))
    (tmp_path / "corrupt.txt.gz").write_bytes(whole[:12] + b"\xff\x00garbage" * 8 + whole[-8:])
    lines = "".join(json.dumps({"text": OTHER.replace("Tuesday", f"day {n}")}) + "\n" for n in range(40))
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(lines.encode("utf-8"))[:-40])
    result = ingest_cli(tmp_path, ".")
    assert_clean_exit(result, 1)
    assert "good.txt" in stored(tmp_path)
    assert failed(tmp_path)["corrupt.txt.gz"] == "E102"
    assert failed(tmp_path)["feed.jsonl.gz"] == "E102"


def test_a_folder_named_like_a_file_is_an_unreadable_input_not_a_crash(tmp_path: Path, settings: Settings) -> None:
    from storyline.read import read_file

    (tmp_path / "odd.txt").mkdir()
    (item,) = list(read_file(tmp_path / "odd.txt", settings))
    assert item.code == "E190"  # type: ignore[union-attr]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file; the FIFO and folder cases cover reading")
def test_an_unreadable_file_in_a_folder_is_a_named_failure(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(OTHER, encoding="utf-8")
    locked.chmod(0)
    result = ingest_cli(tmp_path, ".")
    assert_clean_exit(result, 1)
    assert failed(tmp_path)["locked.txt"] == "E190"


@pytest.mark.slow
def test_a_lone_surrogate_escape_is_replaced_with_a_warning_and_the_article_stored(tmp_path: Path) -> None:
    line = json.dumps({"text": OTHER.replace("three-day", "three\ud800day"), "title": "Strike \ud800 ends"})
    (tmp_path / "feed.jsonl").write_text(line + "\n", encoding="utf-8")
    assert "\\ud800" in (tmp_path / "feed.jsonl").read_text(encoding="utf-8")
    result = ingest_cli(tmp_path, "feed.jsonl")
    assert_clean_exit(result, 0)
    assert "W212" in result.stderr
    (text,) = stored(tmp_path).values()
    assert "three\ufffdday" in text


@pytest.mark.slow
def test_text_that_is_not_a_string_is_a_named_failure(tmp_path: Path) -> None:
    rows = [{"text": 12345}, {"text": ["a", "b"]}, {"text": OTHER, "title": {"x": 1}}, {"text": GOOD}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = ingest_cli(tmp_path, "feed.jsonl")
    assert_clean_exit(result, 1)
    assert failed(tmp_path) == {"feed.jsonl:1": "E191", "feed.jsonl:2": "E191", "feed.jsonl:3": "E191"}
    assert list(stored(tmp_path)) == ["feed.jsonl:4"]


@pytest.mark.slow
def test_impossible_published_dates_are_stored_as_unknown_with_a_warning_and_the_raw_value_kept(
    tmp_path: Path,
) -> None:
    values = ["2026-13-45", "2026-02-30", "yesterday", "2026-02-18"]
    rows = [{"text": GOOD.replace("Monday", f"Monday {n}"), "published": v} for n, v in enumerate(values)]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = ingest_cli(tmp_path, "feed.jsonl")
    assert_clean_exit(result, 0)
    assert result.stderr.count("W210") == 3
    with sqlite3.connect(tmp_path / "kb.db") as conn:
        published = dict(conn.execute("SELECT source, published FROM articles"))
        metas = [json.loads(m) for (m,) in conn.execute("SELECT meta FROM raw_inputs")]
    assert [published[f"feed.jsonl:{n}"] for n in range(1, 5)] == [None, None, None, "2026-02-18"]
    assert sorted(m["published_raw"] for m in metas if "published_raw" in m) == sorted(values[:3])


@pytest.mark.slow
def test_the_same_user_id_with_different_content_is_a_named_failure_not_unchanged(tmp_path: Path) -> None:
    rows = [{"id": "story-1", "text": GOOD}, {"id": "story-1", "text": OTHER}, {"id": "story-1", "text": GOOD}]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = ingest_cli(tmp_path, "feed.jsonl")
    assert_clean_exit(result, 1)
    assert failed(tmp_path) == {"feed.jsonl:2": "E192"}
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    again = run("ingest", "other.txt", "--meta", "id=story-1", "--db", "kb.db", "-w", "1", "-q", cwd=tmp_path)
    assert_clean_exit(again, 1)
    assert failed(tmp_path)["other.txt"] == "E192"
    assert list(stored(tmp_path)) == ["feed.jsonl:1"]


@pytest.mark.slow
def test_every_path_a_folder_walk_leaves_out_is_reported_and_symlinks_are_followed_once(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "real").mkdir(parents=True)
    (docs / "real" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "other.txt").write_text(OTHER, encoding="utf-8")
    (docs / "linked").symlink_to(tmp_path / "elsewhere")
    (docs / "real" / "loop").symlink_to(docs)
    (docs / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (docs / ".hidden.txt").write_text(OTHER, encoding="utf-8")
    os.mkfifo(docs / "pipe.txt")
    result = ingest_cli(tmp_path, "docs")
    assert_clean_exit(result, 0)
    assert set(stored(tmp_path)) == {"good.txt", "other.txt"}
    skipped = [line for line in result.stderr.splitlines() if "W211" in line]
    for name in ("loop", "dangling.txt", ".hidden.txt", "pipe.txt"):
        assert any(name in line for line in skipped), (name, result.stderr)
    assert len(skipped) == 4


# -- long texts ------------------------------------------------------------------


def test_pieces_cut_at_paragraph_breaks_and_join_back_exactly() -> None:
    text = "\n\n".join(f"Paragraph {n} says the pier {n} opens. It is long enough." for n in range(200))
    parts = pieces(text, max_length=1000, size=500)
    assert "".join(parts) == text
    assert all(len(p) <= 500 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])
    assert pieces("short", max_length=1000) == ["short"]
    assert "".join(pieces("x" * 2500, max_length=1000)) == "x" * 2500


@pytest.mark.slow
def test_a_text_over_spacy_max_length_is_analysed_in_pieces_with_offsets_right_in_the_whole_text(
    tmp_path: Path, nlp, settings: Settings
) -> None:
    paragraphs = [
        f"Councillor Alda Ferrin said on day {n} that pier {n} of Quillby would open. "
        f"\u201cWe will build pier {n} by spring,\u201d Ferrin said."
        for n in range(60)
    ]
    (tmp_path / "long.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    limit = nlp.max_length
    nlp.max_length = 2000  # the real text is far over it: 1,000,000 characters take minutes to analyse
    try:
        with Store(tmp_path / "kb.db") as store:
            report = ingest([tmp_path / "long.txt"], store, settings.with_values({"workers": 1}))
            (analysis,) = list(store.analyses())
    finally:
        nlp.max_length = limit
    assert report.failures == [] and report.added == 1
    text = analysis.article.text
    assert len(text) > 3 * 2000
    assert len(analysis.quotes) >= 50
    for quote in analysis.quotes:
        assert quote.text in text[quote.start : quote.end]
    late = [q for q in analysis.quotes if "pier 59" in q.text]
    assert late and text[late[0].start : late[0].end].count("pier 59") == 1


# -- outputs safe for their consumers ---------------------------------------------


@pytest.fixture(scope="module")
def hostile_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base whose titles and file names carry formulas, ANSI escapes, markup and newlines."""
    folder = tmp_path_factory.mktemp("outputs")
    rows = [
        {"id": "f1", "title": '=HYPERLINK("http://evil.example","click")', "text": GOOD},
        {"id": "f2", "title": "+1 risky", "text": OTHER},
        {"id": "f3", "title": "\x1b[2J\x1b[31mred\x1b[0m [bold]markup[/bold]\nforged line", "text": GOOD + "\n-x"},
        {"id": "a%b1", "title": "Percent id", "text": OTHER + "\nMore."},
        {"id": "a%b2", "title": "Percent twin", "text": OTHER + "\nEven more."},
    ]
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (folder / "bad\nfailed E000: forged.txt").write_bytes(b"")
    result = ingest_cli(folder, "feed.jsonl", "bad\nfailed E000: forged.txt")
    assert_clean_exit(result, 1)
    (folder / "stderr.txt").write_text(result.stderr, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_csv_export_neutralises_cells_that_start_like_a_formula(hostile_kb: Path) -> None:
    import csv

    result = run("export", "--db", "kb.db", "--format", "csv", cwd=hostile_kb)
    assert_clean_exit(result, 0)
    titles = {row["id"]: row["title"] for row in csv.DictReader(result.stdout.splitlines())}
    assert titles["f1"] == "'" + '=HYPERLINK("http://evil.example","click")'
    assert titles["f2"] == "'+1 risky"
    from storyline.present.export import safe_cell

    assert [safe_cell(v) for v in ("@SUM(A1)", "-2+3", "\tx", "\rx", "plain", 5, -3)] == [
        "'@SUM(A1)",
        "'-2+3",
        "'\tx",
        "'\rx",
        "plain",
        5,
        -3,
    ]


@pytest.mark.slow
def test_a_newline_in_a_file_name_cannot_forge_a_line_in_the_failure_report(hostile_kb: Path) -> None:
    stderr = (hostile_kb / "stderr.txt").read_text(encoding="utf-8")
    assert not any(line.startswith("failed E000") for line in stderr.splitlines())
    assert "bad\\nfailed E000: forged.txt" in stderr
    listing = run("failures", "--db", "kb.db", cwd=hostile_kb)
    assert len(listing.stdout.strip().splitlines()) == 1 and "\\n" in listing.stdout


@pytest.mark.slow
def test_show_escapes_control_characters_and_markup_in_titles(hostile_kb: Path) -> None:
    result = run("show", "f3", "--db", "kb.db", "--body", cwd=hostile_kb)
    assert_clean_exit(result, 0)
    assert "\x1b" not in result.stdout
    assert "\\x1b[2J" in result.stdout and "[bold]markup[/bold]" in result.stdout
    assert "forged line" in result.stdout and "\\nforged line" in result.stdout


@pytest.mark.slow
def test_show_takes_wildcards_literally_and_lists_the_candidates_of_an_ambiguous_prefix(hostile_kb: Path) -> None:
    assert run("show", "%", "--db", "kb.db", cwd=hostile_kb).returncode == 2
    assert "E122" in run("show", "_1", "--db", "kb.db", cwd=hostile_kb).stderr
    ambiguous = run("show", "a%b", "--db", "kb.db", cwd=hostile_kb)
    assert ambiguous.returncode == 2 and "E197" in ambiguous.stderr
    assert "a%b1" in ambiguous.stderr and "a%b2" in ambiguous.stderr
    exact = run("show", "a%b2", "--db", "kb.db", "--json", cwd=hostile_kb)
    assert_clean_exit(exact, 0)
    assert json.loads(exact.stdout)["title"] == "Percent twin"


# -- deep nesting ------------------------------------------------------------------


@pytest.mark.slow
def test_ten_thousand_nested_divs_keep_the_body(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in GOOD.split("\n\n")[1:])
    page = "<html><head><title>Pier</title></head><body>" + "<div>" * 10_000 + body + "</div>" * 10_000
    (tmp_path / "deep.html").write_text(page + "</body></html>", encoding="utf-8")
    result = ingest_cli(tmp_path, "deep.html")
    assert_clean_exit(result, 0)
    (text,) = stored(tmp_path).values()
    assert "north quay" in text and "waited long enough" in text


# -- fuzz: arbitrary bytes and JSONL through the readers and cleaners ------------------


_FUZZ = fuzz_settings(
    max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
_RECORD = st.fixed_dictionaries(
    {}, optional={"text": _JSON | st.text(), "html": _JSON, "id": _JSON, "title": _JSON, "published": _JSON}
)


def _every_input_ends_as_a_document_or_a_failure(path: Path) -> None:
    for item in read([path], Settings()):
        assert isinstance(item, RawDoc | Failure)
        if isinstance(item, RawDoc):
            try:
                article = clean(item, Settings())
            except StorylineError:
                continue  # a named failure (E104, ...), recorded by ingest
            article.text.encode("utf-8")  # storable: no lone surrogates left


@_FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".txt.gz", ".jsonl.gz"]))
def test_fuzz_arbitrary_bytes_never_escape_the_readers_and_cleaners(data: bytes, suffix: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        _every_input_ends_as_a_document_or_a_failure(path)


@_FUZZ
@given(records=st.lists(_RECORD | _JSON, max_size=4))
def test_fuzz_arbitrary_jsonl_records_never_escape_the_readers_and_cleaners(records: list[object]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        _every_input_ends_as_a_document_or_a_failure(path)
