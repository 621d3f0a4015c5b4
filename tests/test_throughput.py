"""Ingest stays streaming and batched: bounded read-ahead, few transactions, model shared by workers."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.analyze.nlp import load_nlp
from storyline.batches import chunked
from storyline.ingest import IN_FLIGHT, _pool, ingest
from storyline.model import RawDoc
from storyline.settings import Settings
from storyline.store import Store

# The package exports the ingest function under the module's name, so patch the module itself.
INGEST = importlib.import_module("storyline.ingest")


class CountingReader:
    """Stands in for ``read``: yields ``total`` short articles and counts how many were pulled."""

    def __init__(self, total: int) -> None:
        self.total, self.pulled = total, 0

    def __call__(self, paths: Any, settings: Any, meta: Any, **options: Any) -> Iterator[RawDoc]:
        for i in range(self.total):
            self.pulled += 1
            yield RawDoc(f"feed.jsonl:{i}", f"Officials in Town{i} said the bridge would reopen on Monday.", "text")


def test_ingest_chunked_yields_lists_lazily() -> None:
    pulled: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(10):
            pulled.append(n)
            yield n

    first = next(chunked(numbers(), 4))
    assert first == [0, 1, 2, 3] and len(pulled) == 4


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_reads_ahead_a_bounded_number_of_articles(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    reader = CountingReader(120)
    monkeypatch.setattr(INGEST, "read", reader)
    small = settings.with_values({"workers": workers, "batch_size": 4, "write_batch": 8})
    pulled_at_writes: list[int] = []
    with Store(tmp_path / "kb.db") as store:
        report = ingest(["feed.jsonl"], store, small, progress=lambda n: pulled_at_writes.append(reader.pulled))
    assert report.added == 120
    # At the first write, at most the chunks in flight, one more, and one write batch were read.
    assert pulled_at_writes[0] <= 4 * (IN_FLIGHT * workers + 1) + 8 < 120


@pytest.mark.slow
def test_ingest_writes_one_transaction_per_write_batch(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(INGEST, "read", CountingReader(20))
    batches: list[int] = []
    with Store(tmp_path / "kb.db") as store:
        real = store.write
        monkeypatch.setattr(store, "write", lambda items, **kw: batches.append(len(items)) or real(items, **kw))
        ingest(["feed.jsonl"], store, settings.with_values({"workers": 1, "batch_size": 3, "write_batch": 8}))
    assert batches == [8, 8, 4]


def _model_already_loaded(model: str) -> int:
    return load_nlp.cache_info().currsize


@pytest.mark.slow
def test_ingest_pool_workers_start_with_the_model_loaded(settings: Settings) -> None:
    load_nlp.cache_clear()
    with _pool(2, settings) as pool:
        sizes = list(pool.map(_model_already_loaded, [settings.model] * 2))
    assert sizes == [1, 1]


@pytest.mark.slow
def test_ingest_leaves_no_new_strings_in_the_model_vocabulary(tmp_path: Path, settings: Settings, nlp: Any) -> None:
    (tmp_path / "in").mkdir()
    text = "Quorvintal Blemish of Zathrakia told Vexmundo Prailt that the 4471-88213 pact stood."
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    before = len(nlp.vocab.strings)
    with Store(tmp_path / "kb.db") as store:
        assert ingest([tmp_path / "in"], store, settings.with_values({"workers": 1})).added == 1
    assert "Zathrakia" not in nlp.vocab.strings and len(nlp.vocab.strings) == before
