"""Reanalyze: outdated articles are re-run in place, from raw input when kept; a second run does nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import fields
from importlib import resources
from pathlib import Path

import pytest

from storyline.ingest import ingest
from storyline.model import Analysis, Article, RawDoc
from storyline.read import is_article_file
from storyline.reanalyze import reanalyze
from storyline.settings import ANALYSIS_SETTINGS, OPERATIONAL_SETTINGS, Settings
from storyline.store import Store

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "db" / "kb-0.1.0.db"
EXAMPLES = Path(str(resources.files("storyline").joinpath("examples")))


def _examples() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if is_article_file(p))


def test_analysis_version_is_package_version_plus_settings_hash() -> None:
    version = Settings().analysis_version()
    package, _, digest = version.partition("+")
    assert package and len(digest) == 8
    assert Settings().analysis_version() == version


def test_analysis_version_changes_with_analysis_settings_only() -> None:
    base = Settings()
    assert base.with_values({"model": "en_core_web_md"}).analysis_version() != base.analysis_version()
    assert base.with_values({"pipeline": ["entities"]}).analysis_version() != base.analysis_version()
    assert base.with_values({"short_line_words": 7}).analysis_version() != base.analysis_version()
    unchanged = {"workers": 3, "batch_size": 5, "write_batch": 7, "max_bytes": 10, "keep_raw": False}
    assert base.with_values(unchanged).analysis_version() == base.analysis_version()


def test_every_setting_is_declared_as_changing_analysis_or_not() -> None:
    names = [f.name for f in fields(Settings)]
    assert sorted(ANALYSIS_SETTINGS + OPERATIONAL_SETTINGS) == sorted(names)


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "kb.db"
    shutil.copy(FIXTURE, path)
    return path


@pytest.mark.slow
def test_reanalyze_upgrades_a_0_1_0_database_and_reruns_every_article_from_its_text(
    old_db: Path, settings: Settings
) -> None:
    one = settings.with_values({"workers": 1})
    with Store(old_db) as store:
        ids = store.article_ids()
        report = reanalyze(store, one)
        assert (report.updated, report.from_raw, report.failed, report.up_to_date) == (7, 0, 0, 0)
        assert store.article_ids() == ids
        assert {a.analysis_version for a in store.analyses()} == {one.analysis_version()}
        assert [f.code for f in store.failures()] == ["E106"]
        again = reanalyze(store, one)
        assert (again.updated, again.up_to_date) == (0, 7)


@pytest.mark.slow
def test_reanalyze_recleans_from_kept_raw_input_and_keeps_ids(tmp_path: Path, settings: Settings) -> None:
    one = settings.with_values({"workers": 1})
    with Store(tmp_path / "kb.db") as store:
        ingest(_examples(), store, one)
        ids = store.article_ids()
        assert (
            store.counts()["articles"]
            == len(ids)
            == store.conn.execute("SELECT count(*) FROM raw_inputs").fetchone()[0]
        )
        before = {i: store.analysis(i).to_dict() for i in ids}
        assert reanalyze(store, one).updated == 0

        changed = one.with_values({"short_line_words": 7})
        report = reanalyze(store, changed)
        assert (report.updated, report.from_raw, report.failed) == (len(ids), len(ids), 0)
        assert store.article_ids() == ids
        after = {i: store.analysis(i) for i in ids}
        assert {a.analysis_version for a in after.values()} == {changed.analysis_version()}
        assert set(before) == set(after)
        hits = store.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'the'").fetchone()[0]
        assert hits == len(ids)
        forced = reanalyze(store, changed, everything=True)
        assert forced.updated == len(ids) and store.article_ids() == ids


@pytest.mark.slow
def test_ingest_keeps_no_raw_input_when_keep_raw_is_off(tmp_path: Path, settings: Settings) -> None:
    with Store(tmp_path / "kb.db") as store:
        ingest(_examples()[:1], store, settings.with_values({"workers": 1, "keep_raw": False}))
        assert store.counts()["articles"] == 1
        assert store.conn.execute("SELECT count(*) FROM raw_inputs").fetchone()[0] == 0


def _broken_article(store: Store) -> Analysis:
    """A stored article whose kept raw input no longer cleans to any text."""
    analysis = Analysis(Article(id="x1", source="gone.txt", text="Officials met in Lissa on Monday."))
    store.write([analysis], raw={"x1": RawDoc(source="gone.txt", text="   \n", fmt="text")})
    return analysis


@pytest.mark.slow
def test_reanalyze_failure_keeps_the_old_analysis_and_is_retried(tmp_path: Path, settings: Settings) -> None:
    with Store(tmp_path / "kb.db") as store:
        old = _broken_article(store)
        report = reanalyze(store, settings.with_values({"workers": 1}))
        assert [f.code for f in report.failures] == ["E104"]
        assert store.analysis("x1") == old
        assert [f.code for f in store.failures()] == ["E104"]
        assert store.outdated(settings.analysis_version()) == ["x1"]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_cli_reanalyze_exit_codes_and_second_run_has_nothing_to_do(old_db: Path) -> None:
    folder = old_db.parent
    first = _cli("reanalyze", "--db", "kb.db", "-w", "1", cwd=folder)
    assert first.returncode == 0, first.stderr
    assert "7 reanalysed" in first.stderr
    second = _cli("reanalyze", "--db", "kb.db", cwd=folder)
    assert second.returncode == 0 and "nothing to do" in second.stderr
    missing = _cli("reanalyze", "--db", "missing.db", cwd=folder)
    assert missing.returncode == 2 and "E121" in missing.stderr
    with Store(folder / "broken.db") as store:
        _broken_article(store)
    broken = _cli("reanalyze", "--db", "broken.db", "-w", "1", cwd=folder)
    assert broken.returncode == 1 and "E104" in broken.stderr
