"""Worker processes that die: a killed worker costs at most its own chunk, and workers die with their parent.

The promise (docs/reliability.md): a worker killed mid-ingest (SIGKILL, the
out-of-memory killer) takes no other article with it. Its chunk, and the
chunks its broken pool took down, run again, each alone in a fresh worker;
a chunk that kills its worker again becomes one E198 failure per article.
Workers never outlive the ingest that started them.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import psutil
import pytest

import storyline.ingest  # noqa: F401  (the module; the package exports a function of that name)
from storyline.ingest import ingest
from storyline.model import Article, Failure, RawDoc
from storyline.settings import Settings
from storyline.store import Store

SRC = Path(__file__).resolve().parent.parent / "src"
TOWNS = ["Quillby", "Marrowby", "Tessford", "Orlin Cove", "Vantry", "Helmsworth"]
POISON = "Zephrine Quarry"  # an invented place: the test's fault injection kills the worker analysing it
MAIN_PID = os.getpid()
ingest_module = sys.modules["storyline.ingest"]
REAL_PROCESS_CHUNK = ingest_module.process_chunk


def article(n: int) -> str:
    """An invented short news article, different for every ``n``."""
    town = TOWNS[n % len(TOWNS)]
    return (
        f"Council of {town} approves plan number {n}\n\n"
        f"The council of {town} voted on day {n} to repair {n + 2} bridges over the river before winter.\n\n"
        f"\u201cWe cannot wait another year for bridge {n},\u201d councillor Brenna Olt{n} said after the vote.\n"
    )


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"a{n:04d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths


def start_cli(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-m", "storyline", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def workers_of(pid: int, at_least: int, within: float = 300) -> list[psutil.Process]:
    """The pool workers forked by process ``pid`` (same command line), once ``at_least`` of them run."""
    parent = psutil.Process(pid)
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            found = [c for c in parent.children() if c.cmdline() == parent.cmdline()]
        except psutil.NoSuchProcess:
            found = []
        if len(found) >= at_least:
            return found
        if not parent.is_running() or parent.status() == psutil.STATUS_ZOMBIE:
            break
        time.sleep(0.05)
    pytest.fail(f"process {pid} started no {at_least} workers")


def gone(process: psutil.Process) -> bool:
    """True when the process ended (a zombie waiting for its new parent to reap it counts as ended)."""
    try:
        return not process.is_running() or process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def wait_until(condition: Callable[[], bool], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def sources(db: Path, table: str) -> dict[str, str]:
    column = "code" if table == "failures" else "id"
    with sqlite3.connect(db) as conn:
        return {Path(s).name: v for s, v in conn.execute(f"SELECT source, {column} FROM {table}")}


# -- a worker killed from outside, through the real CLI ----------------------------------


@pytest.mark.slow
def test_a_worker_killed_mid_ingest_costs_nothing_its_chunk_is_retried_in_a_fresh_worker(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 120)
    ingest_run = start_cli("ingest", "in", "--db", "kb.db", "--workers", "2", "-s", "batch_size=2", cwd=tmp_path)
    try:
        victim = workers_of(ingest_run.pid, at_least=2)[0]
        victim.send_signal(signal.SIGKILL)
        out, err = ingest_run.communicate(timeout=600)
    finally:
        if ingest_run.poll() is None:
            ingest_run.kill()
    assert "Traceback" not in out + err
    assert gone(victim)
    stored, failed = sources(tmp_path / "kb.db", "articles"), sources(tmp_path / "kb.db", "failures")
    assert set(stored) | set(failed) == {p.name for p in paths}
    assert failed == {} and ingest_run.returncode == 0, err
    assert "warning: a worker process died; retrying" in " ".join(err.split()), err  # said, not silent


# -- a chunk whose analysis kills its worker every time / only once ---------------------------


def _chunk_that_kills_its_worker(chunk: Sequence[RawDoc | Article | Failure], settings: Settings) -> list:
    """Test-only fault injection: SIGKILL the worker process analysing the poisoned article.

    With ``kill_once`` set in the environment, only the first worker to see it
    dies (a marker file remembers), as after a transient out-of-memory kill.
    """
    poisoned = any(isinstance(item, RawDoc) and POISON in item.text for item in chunk)
    if poisoned and os.getpid() != MAIN_PID:
        marker = os.environ.get("STORYLINE_TEST_KILL_ONCE")
        if marker is None or not os.path.exists(marker):
            if marker is not None:
                Path(marker).touch()
            os.kill(os.getpid(), signal.SIGKILL)
    return REAL_PROCESS_CHUNK(chunk, settings)


def _ingest_with_a_poisoned_article(tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch):
    paths = write_articles(tmp_path / "in", 40)
    paths[17].write_text(article(17).replace("the river", f"the river at {POISON}"), encoding="utf-8")
    # forked workers inherit the patched module, so the pool runs the fault injection
    monkeypatch.setattr(ingest_module, "process_chunk", _chunk_that_kills_its_worker)
    with Store(tmp_path / "kb.db") as store:
        report = ingest([tmp_path / "in"], store, settings.with_values({"workers": 2, "batch_size": 3}))
        ids = {a.article.source for a in store.analyses()}
    return paths, report, {Path(s).name for s in ids}


@pytest.mark.slow
def test_a_chunk_that_kills_its_worker_twice_fails_only_its_own_articles_with_e198(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STORYLINE_TEST_KILL_ONCE", raising=False)
    paths, report, stored = _ingest_with_a_poisoned_article(tmp_path, settings, monkeypatch)
    failed = {Path(f.source).name: f for f in report.failures}
    # chunks of 3 in input order: the poisoned a0017 shares its chunk with a0015 and a0016
    assert set(failed) == {"a0015.txt", "a0016.txt", "a0017.txt"}
    assert all(f.code == "E198" and "worker process died" in f.message for f in failed.values())
    assert stored == {p.name for p in paths} - set(failed)
    assert report.added == 37


@pytest.mark.slow
def test_a_worker_killed_once_is_retried_and_the_retry_stores_everything(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "killed-once"
    monkeypatch.setenv("STORYLINE_TEST_KILL_ONCE", str(marker))
    paths, report, stored = _ingest_with_a_poisoned_article(tmp_path, settings, monkeypatch)
    assert marker.exists()  # a worker really died
    assert report.failures == []
    assert stored == {p.name for p in paths}


# -- workers die with their parent ----------------------------------------------------------


@pytest.mark.slow
def test_workers_end_when_the_main_ingest_process_is_killed(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 400)
    ingest_run = start_cli("ingest", "in", "--db", "kb.db", "--workers", "2", "-s", "batch_size=2", cwd=tmp_path)
    try:
        workers = workers_of(ingest_run.pid, at_least=2)
    finally:
        ingest_run.send_signal(signal.SIGKILL)
        ingest_run.communicate(timeout=60)
    assert wait_until(lambda: all(gone(w) for w in workers), within=30), [w.pid for w in workers if not gone(w)]


WATCHED_CHILD = """
import multiprocessing, os, sys, time
from storyline.ingest import die_with_parent

def child(parent):
    print(die_with_parent(parent, poll=0.05, kernel=False), flush=True)
    time.sleep(600)

if __name__ == "__main__":
    process = multiprocessing.get_context("fork").Process(target=child, args=(os.getpid(),))
    process.start()
    print(process.pid, flush=True)
    time.sleep(600)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the test forks a child to watch its parent")
def test_the_portable_parent_watch_ends_a_worker_whose_parent_was_killed(tmp_path: Path) -> None:
    script = tmp_path / "watched.py"
    script.write_text(WATCHED_CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert parent.stdout is not None
        # parent and child share the pipe: the child's "poll" may come before the parent's pid line
        lines = sorted((parent.stdout.readline().strip(), parent.stdout.readline().strip()), key=str.isdigit)
        assert lines[0] == "poll"
        child = psutil.Process(int(lines[1]))
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=60)
    assert wait_until(lambda: gone(child), within=30)


def test_the_kernel_is_asked_to_end_a_worker_with_its_parent_on_linux() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("PR_SET_PDEATHSIG is Linux only; elsewhere the portable watch is used")
    script = "import os; from storyline.ingest import die_with_parent; print(die_with_parent(os.getppid()))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout.strip() == "prctl", result.stderr
