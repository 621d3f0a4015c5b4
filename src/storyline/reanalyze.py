"""Reanalyze: bring stored articles up to the current analysis version.

An article is stamped with the analysis version that produced it (package
version plus a hash of the settings that change analysis, see
``Settings.analysis_version``). After an upgrade or a settings change,
``reanalyze`` re-runs the articles whose stamp differs: from the kept raw input
when there is one (so better cleaning applies too), else from the stored
cleaned text (a 0.1.0 database kept no raw input). The article keeps its id and
its row; its facts are replaced. It uses ingest's machinery (the same chunks,
worker processes and ``nlp.pipe`` calls) and the store's per-article
savepoints, so a failing article keeps its old analysis and is reported; a
second run finds nothing to do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .analyze.pipeline import components_for
from .batches import chunked
from .ingest import analyze_pairs
from .model import Analysis, Article, Failure, RawDoc
from .settings import Settings
from .store import Store


@dataclass(slots=True)
class ReanalyzeReport:
    """What a reanalyze did: articles updated, left as they were, and failures (old analysis kept)."""

    version: str
    updated: int = 0
    up_to_date: int = 0
    from_raw: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def pending(store: Store, settings: Settings, *, everything: bool = False) -> list[str]:
    """Ids of the articles ``reanalyze`` would re-run, in stored order."""
    return store.article_ids() if everything else store.outdated(settings.analysis_version())


def reanalyze(
    store: Store,
    settings: Settings | None = None,
    *,
    everything: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ReanalyzeReport:
    """Re-run every outdated article of ``store`` (every article with ``everything``); never raises for bad input.

    Opening the Store already upgraded its schema, so a 0.1.0 database is
    migrated before anything is re-run.
    """
    settings = settings or Settings()
    components_for(settings)  # a broken pipeline setting stops here (E151/E152), before any article is touched
    report = ReanalyzeReport(version=settings.analysis_version())
    ids = pending(store, settings, everything=everything)
    report.up_to_date = store.counts()["articles"] - len(ids)
    inputs = (_input(store, article_id, report) for article_id in ids)
    pairs = zip(ids, analyze_pairs(chunked(inputs, settings.batch_size), settings), strict=True)
    for batch in chunked(pairs, settings.write_batch):
        results = [_keep_identity(store, article_id, result) for article_id, (_, result) in batch]
        for result, outcome in zip(results, store.rewrite(results), strict=True):
            if outcome in ("updated", "added"):
                report.updated += 1
            elif isinstance(result, Failure):
                report.failures.append(result)
            else:
                source = result.article.source
                report.failures.append(Failure(source, "E112", f"{source}: not written"))
        if progress:
            progress(len(batch))
    return report


def _input(store: Store, article_id: str, report: ReanalyzeReport) -> RawDoc | Article:
    """The kept raw input of an article if any (cleaning runs again), else its stored cleaned article."""
    raw = store.raw_input(article_id)
    if raw is not None:
        report.from_raw += 1
        return raw
    return store.analysis(article_id).article


def _keep_identity(store: Store, article_id: str, result: Analysis | Failure) -> Analysis | Failure:
    """Give a re-run analysis the stored article's id, whatever cleaning derived from the raw input."""
    if not isinstance(result, Analysis) or result.article.id == article_id:
        return result
    return replace(result, article=replace(result.article, id=article_id))
