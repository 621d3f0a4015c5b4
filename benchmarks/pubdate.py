"""Publication dates: what clean_html puts in Article.published vs htmldate.

Data: ../shared/eval/htmldate-eval (html.tar.gz, unpacked into a temporary
folder for the run; eval_default.json + eval_mediacloud_2020.json map a page
url to {file, date}). Scoring follows htmldate's evaluate_result: no result
and no gold date is TN, no result for a dated page is FN, the gold date is TP,
anything else FP; accuracy = (TP + TN) / all. As in htmldate's own run, a gold
value that is not a date string (five NaN entries) stays "a date": it can
only be missed.

htmldate runs in the same process as its published evaluation does:
``find_date(html, original_date=True, extensive_search=True)`` without the
url. Its library defaults differ (original_date=False: the last-modified date
may win), so that row is shown too. storyline gets the url, as a reader with
a url sidecar or a JSONL field would pass it.

Halves (benchmarks/common.py): the document id is the page's file name in
html.tar.gz (the ``file`` of its gold record; two urls share one file, and so
one half). Every system is scored on the tuning half, the check half and the
whole. The gate (``gate_figures``) runs storyline alone on all 1,000 pages.

Run: python -m benchmarks.pubdate
"""

from __future__ import annotations

import json
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import by_half, eval_dir, print_halves, print_table, save_result
from storyline.clean.html import clean_html
from storyline.model import RawDoc
from storyline.settings import Settings

TARGET_ACCURACY = 0.90
PUBLISHED = {"htmldate extensive (published setup)": "P .908 R .993 Acc .903 F .949"}
GOLD_FILES = ("eval_default.json", "eval_mediacloud_2020.json")
HTML_FOLDERS = ("cache", "eval", "test_set")

Page = tuple[str, str, object]  # url, html, gold date (str, None, or a non-date)


def load_gold(folder: Path) -> dict[str, dict[str, object]]:
    """url -> {file, date} for every annotated page."""
    gold: dict[str, dict[str, object]] = {}
    for name in GOLD_FILES:
        gold.update(json.loads((folder / name).read_text(encoding="utf-8")))
    return gold


def load_pages(folder: Path, unpacked: Path) -> tuple[list[Page], list[str]]:
    """(url, html, gold date) for every annotated page, and each page's document id (its file name)."""
    gold = load_gold(folder)
    pages: list[Page] = [
        (url, read_page(unpacked, str(record["file"])), record["date"]) for url, record in gold.items()
    ]
    return pages, [str(record["file"]) for record in gold.values()]


def unpacked_pages(folder: Path) -> tuple[list[Page], list[str]]:
    """The pages and their ids, read from html.tar.gz through a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(folder / "html.tar.gz") as archive:
            archive.extractall(tmp, filter="data")
        return load_pages(folder, Path(tmp))


def read_page(unpacked: Path, filename: str) -> str:
    """A page's text: UTF-8, else the encoding charset-normalizer detects."""
    from charset_normalizer import from_bytes

    path = next(unpacked / d / filename for d in HTML_FOLDERS if (unpacked / d / filename).exists())
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", "replace")


def outcome(result: str | None, gold: object) -> str:
    """TP, FP, TN or FN for one page, by htmldate's rule."""
    if result is None:
        return "TN" if gold is None else "FN"
    return "TP" if result == gold else "FP"


def scores(counts: Counter[str]) -> dict[str, float]:
    tp, fp, tn, fn = (counts[k] for k in ("TP", "FP", "TN", "FN"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"precision": precision, "recall": recall, "accuracy": (tp + tn) / sum(counts.values()), "f1": f1}


def storyline_dates(pages: list[Page]) -> tuple[list[tuple[str | None, str]], float]:
    """(published, published_source) per page from clean_html, and the seconds it took."""
    settings = Settings()
    start = time.perf_counter()
    found: list[tuple[str | None, str]] = []
    for url, html, _ in pages:
        article = clean_html(RawDoc(source=url, text=html, fmt="html", meta={"url": url}), settings)
        found.append((article.published, article.published_source))
    return found, time.perf_counter() - start


def htmldate_system(**options: Any) -> Callable[[str], str | None]:
    from htmldate import find_date

    return lambda html: find_date(html, **options)


def run_system(system: Callable[[str], str | None], pages: list[Page]) -> tuple[list[str | None], float]:
    start = time.perf_counter()
    results = [system(html) for _, html, _ in pages]
    return results, time.perf_counter() - start


def half_scores(results: list[str | None], pages: list[Page], ids: list[str]) -> dict[str, dict[str, float]]:
    """Scores of ``results`` on each half of the pages and on the whole."""
    items = list(zip(ids, results, pages, strict=True))
    return by_half(
        items,
        lambda item: item[0],
        lambda chosen: {"documents": len(chosen), **scores(Counter(outcome(r, page[2]) for _, r, page in chosen))},
    )


def gate_figures(folder: Path) -> dict[str, dict[str, float]]:
    """The gate's figures: storyline accuracy on each half (no baselines run)."""
    pages, ids = unpacked_pages(folder)
    found, _ = storyline_dates(pages)
    halves = half_scores([d for d, _ in found], pages, ids)
    return {part: {"accuracy": figures["accuracy"]} for part, figures in halves.items()}


def row(name: str, results: list[str | None], pages: list[Page], seconds: float) -> dict[str, object]:
    counts = Counter(outcome(r, gold) for r, (_, _, gold) in zip(results, pages, strict=True))
    tallies = {key: counts[key] for key in ("TP", "FP", "TN", "FN")}
    return {"system": name, **scores(counts), **tallies, "ms_per_page": 1000 * seconds / len(pages)}


def by_source(found: list[tuple[str | None, str]], pages: list[Page]) -> list[list[object]]:
    """How often storyline's date is right, per published_source."""
    table: list[list[object]] = []
    for source in ("explicit", "estimated", "unknown"):
        picked = [(d, gold) for (d, s), (_, _, gold) in zip(found, pages, strict=True) if s == source]
        right = sum(d == gold for d, gold in picked)
        table.append([source, len(picked), right, right / len(picked) if picked else 0.0])
    return table


def main() -> None:
    folder = eval_dir("htmldate-eval")
    if folder is None:
        return
    pages, ids = unpacked_pages(folder)
    found, seconds = storyline_dates(pages)
    rows = [row("storyline clean_html", [d for d, _ in found], pages, seconds)]
    halves = {"storyline clean_html": half_scores([d for d, _ in found], pages, ids)}
    baselines = {
        "htmldate extensive (published setup)": htmldate_system(original_date=True, extensive_search=True),
        "htmldate fast": htmldate_system(original_date=True, extensive_search=False),
        "htmldate library defaults": htmldate_system(),
    }
    for name, system in baselines.items():
        results, seconds = run_system(system, pages)
        rows.append(row(name, results, pages, seconds))
        halves[name] = half_scores(results, pages, ids)
    report(rows, halves, by_source(found, pages), len(pages))


def report(
    rows: list[dict[str, object]],
    halves: dict[str, dict[str, dict[str, float]]],
    sources: list[list[object]],
    n_pages: int,
) -> None:
    """Print both tables, say whether the target is met, save the result."""
    keys = ["precision", "recall", "accuracy", "f1", "TP", "FP", "TN", "FN"]
    table = [
        [r["system"], *(r[k] for k in keys), f"{r['ms_per_page']:.1f}", PUBLISHED.get(str(r["system"]), "")]
        for r in rows
    ]
    print_table(f"Publication date, {n_pages} pages (htmldate-eval)", ["system", *keys, "ms/page", "published"], table)
    print_halves("Publication date by half", ["precision", "recall", "accuracy", "f1"], list(halves.items()))
    print_table("storyline dates by published_source", ["source", "pages", "right", "share right"], sources)
    ours = float(rows[0]["accuracy"])  # type: ignore[arg-type]
    met = ours >= TARGET_ACCURACY
    print(f"\ntarget: storyline accuracy >= {TARGET_ACCURACY}: {'met' if met else 'MISSED'} ({ours:.3f})")
    save_result(
        "pubdate",
        {
            "pages": n_pages,
            "target_accuracy": TARGET_ACCURACY,
            "met": met,
            "rows": rows,
            "halves": halves,
            "by_source": sources,
        },
    )


if __name__ == "__main__":
    main()
