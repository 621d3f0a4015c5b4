"""The exit-code contract: 0 all good, 1 some inputs failed (each named), 2 could not run (one line, what to do).

Every case runs the real CLI in a subprocess on inputs and databases built here.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.ingest import ingest
from storyline.settings import Settings
from storyline.store import Store

SRC = Path(__file__).resolve().parent.parent / "src"
GOOD = (
    "Harbour board backs new pier in Quillby\n\n"
    "The harbour board of Quillby voted on Monday to build a new pier at the north quay.\n\n"
    "\u201cThe town has waited long enough,\u201d board chair Alda Ferrin said after the vote.\n"
)
OTHER = GOOD.replace("Quillby", "Marrowby").replace("Alda Ferrin", "Borin Tash")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI of this source tree (not an installed copy), as a user runs it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env
    )


def assert_clean_exit(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def one_error_line(result: subprocess.CompletedProcess[str], code: str) -> None:
    assert_clean_exit(result, 2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error {code}:"), result.stderr


def test_negative_workers_is_a_clear_error_exit_2(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("ingest", "good.txt", "--db", "kb.db", "--workers", "-1", cwd=tmp_path)
    one_error_line(result, "E141")
    assert "workers" in result.stderr
    assert not (tmp_path / "kb.db").exists()


def test_a_db_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    content = b"these are my notes, not a database\n" * 20
    (tmp_path / "notes.db").write_bytes(content)
    result = run("ingest", "good.txt", "--db", "notes.db", "-q", cwd=tmp_path)
    one_error_line(result, "E193")
    assert (tmp_path / "notes.db").read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "notes.db"]


def test_another_applications_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with sqlite3.connect(tmp_path / "contacts.db") as conn:
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Alda', '555')")
    before = (tmp_path / "contacts.db").read_bytes()
    result = run("ingest", "good.txt", "--db", "contacts.db", "-q", cwd=tmp_path)
    one_error_line(result, "E193")
    assert "contacts" in result.stderr
    assert (tmp_path / "contacts.db").read_bytes() == before
    for command in (["show", "x"], ["export"], ["failures"]):
        assert run(*command, "--db", "contacts.db", cwd=tmp_path).returncode == 2


def test_a_database_that_cannot_be_created_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("ingest", "good.txt", "--db", "no-such-folder/kb.db", "-q", cwd=tmp_path)
    one_error_line(result, "E195")
    (tmp_path / "folder.db").mkdir()
    one_error_line(run("ingest", "good.txt", "--db", "folder.db", "-q", cwd=tmp_path), "E195")


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def hold_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


@pytest.mark.slow
def test_a_write_lock_held_beyond_the_busy_timeout_is_exit_2_saying_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    Store(tmp_path / "kb.db").close()
    # Held far longer than the run needs, even on a loaded machine where loading the model takes
    # seconds; the holder is killed as soon as the run has given up.
    holder = hold_lock(tmp_path / "kb.db", 120)
    try:
        started = time.monotonic()
        result = run("ingest", "good.txt", "--db", "kb.db", "-q", "-w", "1", "-s", "busy_timeout=1", cwd=tmp_path)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    one_error_line(result, "E194")
    assert "busy_timeout" in result.stderr and waited < 120
    assert_clean_exit(run("ingest", "good.txt", "--db", "kb.db", "-q", "-w", "1", cwd=tmp_path), 0)


@pytest.mark.slow
def test_a_write_lock_released_within_the_busy_timeout_is_waited_for(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    Store(tmp_path / "kb.db").close()
    holder = hold_lock(tmp_path / "kb.db", 2)
    try:
        result = run("ingest", "good.txt", "--db", "kb.db", "-q", "-w", "1", "-s", "busy_timeout=30", cwd=tmp_path)
    finally:
        holder.wait()
    assert_clean_exit(result, 0)


def test_two_stores_opening_one_new_database_at_once_both_succeed(tmp_path: Path) -> None:
    code = "import sys; from storyline.store import Store; Store(sys.argv[1]).close()"
    env_run = [sys.executable, "-c", code, str(tmp_path / "kb.db")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    for _ in range(3):
        for name in ("kb.db", "kb.db-wal", "kb.db-shm"):
            (tmp_path / name).unlink(missing_ok=True)
        procs = [subprocess.Popen(env_run, stderr=subprocess.PIPE, text=True, env=env) for _ in range(6)]
        errors = [p.communicate()[1] for p in procs]
        assert all(p.returncode == 0 for p in procs), errors


@pytest.mark.slow
def test_disk_full_rolls_back_the_batch_keeps_what_was_committed_and_a_rerun_completes(
    tmp_path: Path, settings: Settings
) -> None:
    for n in range(12):
        body = GOOD if n % 2 else OTHER
        (tmp_path / f"a{n:02}.txt").write_text(body.replace("a new pier", f"pier number {n}"), encoding="utf-8")
    files = sorted(tmp_path.glob("*.txt"))
    quick = settings.with_values({"workers": 1, "write_batch": 1, "batch_size": 1, "link": False})
    with Store(tmp_path / "kb.db") as store:
        ingest(files[:4], store, quick)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL, as on a full disk
        with pytest.raises(StorylineError) as raised:
            ingest(files, store, quick)
        assert raised.value.code == "E196"
        assert "cannot rollback" not in str(raised.value)
        kept = store.article_ids()
    assert 4 <= len(kept) < 12
    with sqlite3.connect(tmp_path / "kb.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store(tmp_path / "kb.db") as store:
        report = ingest(files, store, quick)
        assert report.failures == [] and report.unchanged == len(kept) and report.added == 12 - len(kept)


def test_an_unexpected_error_is_one_line_with_a_log_file_and_debug_shows_the_traceback(tmp_path: Path) -> None:
    # A settings file whose value has the wrong type deep inside: 'pipeline' must be a list of names.
    (tmp_path / "good.txt").write_text(OTHER, encoding="utf-8")
    with sqlite3.connect(tmp_path / "kb.db") as conn:  # a storyline database from the future, broken on purpose
        conn.execute("PRAGMA user_version = 1")
        conn.execute("CREATE TABLE articles (id TEXT, text TEXT, published_source TEXT)")
        conn.execute("CREATE TABLE failures (source TEXT)")
    result = run("ingest", "good.txt", "--db", "kb.db", "-q", "-w", "1", cwd=tmp_path)
    one_error_line(result, "E199")
    log = Path(result.stderr.split("traceback is in ")[1].split(";")[0])
    assert "Traceback" in log.read_text(encoding="utf-8")
    debug = run("--debug", "ingest", "good.txt", "--db", "kb.db", "-q", "-w", "1", cwd=tmp_path)
    assert debug.returncode != 0 and "Traceback" in debug.stderr
