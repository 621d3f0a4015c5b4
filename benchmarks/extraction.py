"""Body extraction: storyline's clean_html vs trafilatura on the article-extraction benchmark.

Data: ../shared/eval/article-extraction-benchmark (181 gzipped pages and
ground-truth.json); scoring rule in benchmarks/shingles.py. trafilatura runs
in the same process with four settings: its defaults, include_comments=False
(the published row), and include_comments=False with favor_precision=True or
favor_recall=True.

storyline is scored twice. ``body`` is the whole body a user gets: ``Article.text``
with the ``subheads`` (section headings, stored and exported next to the text
with their offsets) put back in place. It is the headline and the target's
figure, because the gold bodies and trafilatura's output both include the
headings, so it compares like with like. ``Article.text`` alone is the text
the analysis reads (headings kept out); it is reported too and gated, and it
scores lower only by the headings' words.

Target: the body's F1 at least that of every trafilatura setting, on each half.

Halves (benchmarks/common.py): the document id is the page id, the name of the
page's file in html/ without ``.html.gz`` (the key in ground-truth.json). Each
system is also scored on the tuning half, the check half and the whole.

Run: python -m benchmarks.extraction
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import by_half, eval_dir, print_halves, print_table, save_result
from benchmarks.shingles import corpus_scores
from storyline.clean.html import clean_html
from storyline.model import Article, RawDoc
from storyline.settings import Settings

HEADLINE = "storyline body (text + subheads)"
TEXT_ONLY = "storyline Article.text"
PUBLISHED = {"trafilatura default": 0.953, "trafilatura no comments": 0.960, "trafilatura precision": 0.964}


def load_pages(folder: Path) -> list[tuple[str, str, str]]:
    """(page id, html, gold body) for every page of the benchmark."""
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, record in sorted(gold.items()):
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        pages.append((page_id, html, record["articleBody"]))
    return pages


def with_subheads(article: Article) -> str:
    """Article text with each subhead reinserted as a paragraph at its offset."""
    text, parts, last = article.text, [], 0
    for subhead in article.subheads:
        parts += [text[last : subhead.offset], subhead.text + "\n\n"]
        last = subhead.offset
    return "".join(parts) + text[last:]


def trafilatura_system(**options: Any) -> Callable[[str], str]:
    """trafilatura.extract with ``options``, as a page -> text function."""
    import trafilatura

    return lambda html: trafilatura.extract(html, **options) or ""


def run_storyline(pages: list[tuple[str, str, str]]) -> tuple[dict[str, list[str]], float]:
    """Both storyline outputs per page (headline first), and the seconds clean_html took in all."""
    settings = Settings()
    outputs: dict[str, list[str]] = {HEADLINE: [], TEXT_ONLY: []}
    start = time.perf_counter()
    articles = [clean_html(RawDoc(source=page_id, text=html, fmt="html"), settings) for page_id, html, _ in pages]
    elapsed = time.perf_counter() - start
    for article in articles:
        outputs[HEADLINE].append(with_subheads(article))
        outputs[TEXT_ONLY].append(article.text)
    return outputs, elapsed


def run_system(system: Callable[[str], str], pages: list[tuple[str, str, str]]) -> tuple[list[str], float]:
    """Outputs of one page -> text function, and the seconds it took in all."""
    start = time.perf_counter()
    outputs = [system(html) for _, html, _ in pages]
    return outputs, time.perf_counter() - start


def score_row(name: str, outputs: list[str], golds: list[str], seconds: float) -> dict[str, float | str]:
    scores = corpus_scores(zip(outputs, golds, strict=True))
    return {"system": name, **scores, "ms_per_page": 1000 * seconds / len(golds)}


def half_scores(pages: list[tuple[str, str, str]], outputs: list[str]) -> dict[str, dict[str, float]]:
    """Shingle scores of ``outputs`` on each half of the pages and on the whole."""
    items = [(page_id, output, gold) for (page_id, _, gold), output in zip(pages, outputs, strict=True)]
    return by_half(
        items,
        lambda item: item[0],
        lambda chosen: {"documents": len(chosen), **corpus_scores((out, gold) for _, out, gold in chosen)},
    )


def gate_figures(folder: Path) -> dict[str, dict[str, float]]:
    """The gate's figures on each half (no baselines run): ``f1`` of Article.text, ``body_f1`` of the body."""
    pages = load_pages(folder)
    ours, _ = run_storyline(pages)
    text, body = half_scores(pages, ours[TEXT_ONLY]), half_scores(pages, ours[HEADLINE])
    return {part: {"f1": text[part]["f1"], "body_f1": body[part]["f1"]} for part in text}


def main() -> None:
    folder = eval_dir("article-extraction-benchmark")
    if folder is None:
        return
    pages = load_pages(folder)
    golds = [gold for _, _, gold in pages]
    ours, seconds = run_storyline(pages)
    rows = [score_row(name, texts, golds, seconds) for name, texts in ours.items()]
    halves = {name: half_scores(pages, texts) for name, texts in ours.items()}
    baselines = {
        "trafilatura default": trafilatura_system(),
        "trafilatura no comments": trafilatura_system(include_comments=False),
        "trafilatura precision": trafilatura_system(include_comments=False, favor_precision=True),
        "trafilatura recall": trafilatura_system(include_comments=False, favor_recall=True),
    }
    for name, system in baselines.items():
        outputs, seconds = run_system(system, pages)
        rows.append(score_row(name, outputs, golds, seconds))
        halves[name] = half_scores(pages, outputs)
    report(rows, halves, len(pages))


def report(rows: list[dict[str, float | str]], halves: dict[str, dict[str, dict[str, float]]], n_pages: int) -> None:
    """Print the table, say whether the target is met, save the result."""
    header = ["system", "precision", "recall", "f1", "accuracy", "ms/page", "published f1"]
    table = [
        [
            r["system"],
            r["precision"],
            r["recall"],
            r["f1"],
            r["accuracy"],
            f"{r['ms_per_page']:.0f}",
            PUBLISHED.get(str(r["system"]), ""),
        ]
        for r in rows
    ]
    print_table(f"Body extraction, {n_pages} pages (article-extraction-benchmark)", header, table)
    print_halves("Body extraction by half", ["precision", "recall", "f1"], list(halves.items()))
    met = True
    for part in ("tuning", "check", "whole"):
        ours = halves[HEADLINE][part]["f1"]
        best, best_f1 = max(
            ((name, by_part[part]["f1"]) for name, by_part in halves.items() if name.startswith("trafilatura")),
            key=lambda item: item[1],
        )
        met = met and ours >= best_f1
        print(f"{part}: {HEADLINE} F1 {ours:.4f} vs best trafilatura ({best}) {best_f1:.4f}")
    print(f"\ntarget: body F1 >= every trafilatura setting on both halves: {'met' if met else 'MISSED'}")
    save_result(
        "extraction",
        {
            "pages": n_pages,
            "target": "body F1 >= every trafilatura setting, each half",
            "met": met,
            "rows": rows,
            "halves": halves,
        },
    )


if __name__ == "__main__":
    main()
