"""Plain-text scrape cleaning on the article-extraction-benchmark pages, flattened.

Each of the 181 pages in ../shared/eval/article-extraction-benchmark/flat is
the page's visible text, one block element per line, navigation and footers
included, as a scraper that saves text writes it. Every system's output is
scored against ground-truth.json ``articleBody`` with the benchmark's shingle
rule (benchmarks/shingles.py):

- keep every line: the placeholder cleaner (expected F1 0.685);
- trafilatura over the lines wrapped as ``<p>`` (expected about 0.705);
- storyline ``clean_text``: ``Article.text`` as stored, and the same text with
  the subheads put back at their offsets (the gold bodies keep headings).

Target: storyline F1 >= 0.90 (a line oracle reaches 0.988). Run from the repo
root: ``python -m benchmarks.flat``; ``--no-families`` runs storyline with the
boilerplate phrase families of ``clean.lines`` switched off (mostly English
words), to see how far the language-neutral line shapes carry the cleaner on
their own; ``--storyline-only`` skips the baselines.

Halves (benchmarks/common.py): the document id is the page id, the file name in
flat/ without ``.txt``; it is the same id as in benchmarks/extraction.py, so a
page is in the same half in both benchmarks.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.common import by_half, eval_dir, print_halves, print_table, save_result
from benchmarks.shingles import corpus_scores
from storyline.clean import lines as clean_lines
from storyline.clean.text import clean_text
from storyline.model import Article, RawDoc
from storyline.settings import Settings

TARGET_F1 = 0.90


def keep_every_line(text: str) -> str:
    """The baseline: every non-empty line is body."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def trafilatura_lines(text: str) -> str:
    """trafilatura's extractor on the lines wrapped as paragraphs of a bare page."""
    import trafilatura

    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    page = f"<html><body>{paragraphs}</body></html>"
    return trafilatura.extract(page, include_comments=False) or ""


def storyline_article(text: str, settings: Settings) -> Article:
    """storyline's plain-text cleaner on one page."""
    return clean_text(RawDoc(source="flat", text=text, fmt="text"), settings)


def with_subheads(article: Article) -> str:
    """The body with each subhead put back as a line before its section."""
    text, parts, last = article.text, [], 0
    for subhead in article.subheads:
        parts.extend([text[last : subhead.offset], subhead.text + "\n\n"])
        last = subhead.offset
    parts.append(text[last:])
    return "".join(parts)


@contextlib.contextmanager
def families_off() -> Iterator[None]:
    """Run with no boilerplate phrase family in ``clean.lines`` (the ablation of the English lists).

    Only the benchmark switches them off, for the length of the block; the
    product always runs with them.
    """
    saved = clean_lines._COMPILED, clean_lines._LONG_COMPILED
    clean_lines._COMPILED, clean_lines._LONG_COMPILED = {}, {}
    try:
        yield
    finally:
        clean_lines._COMPILED, clean_lines._LONG_COMPILED = saved


Page = tuple[str, str, str]  # page id, flat text, gold body


def score(
    name: str, pages: list[Page], extract: Callable[[str], str]
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Run ``extract`` on every page and score it (adds the seconds it took), and per half."""
    began = time.perf_counter()
    triples = [(page_id, extract(text), gold) for page_id, text, gold in pages]
    result = corpus_scores((out, gold) for _, out, gold in triples)
    result["seconds"] = time.perf_counter() - began
    logging.getLogger(__name__).debug("%s done in %.1fs", name, result["seconds"])
    halves = by_half(
        triples,
        lambda item: item[0],
        lambda chosen: {"documents": len(chosen), **corpus_scores((out, gold) for _, out, gold in chosen)},
    )
    return result, halves


def load_pages(folder: Path) -> list[Page]:
    """(page id, flat page text, gold body) for every page that has a gold body."""
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((folder / "flat").glob("*.txt")):
        if path.stem in gold:
            pages.append((path.stem, path.read_text(encoding="utf-8"), gold[path.stem]["articleBody"]))
    return pages


def gate_figures(folder: Path) -> dict[str, dict[str, float]]:
    """The gate's figures: storyline ``Article.text`` F1 on each half (no baselines run)."""
    settings = Settings.load()
    _, halves = score("storyline", load_pages(folder), lambda text: storyline_article(text, settings).text)
    return {part: {"f1": scores["f1"]} for part, scores in halves.items()}


def main() -> None:
    """Score the three systems, print the table, save benchmarks/results/flat.json."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-families", action="store_true", help="storyline without its phrase families")
    parser.add_argument("--storyline-only", action="store_true", help="skip the keep-all and trafilatura baselines")
    args = parser.parse_args()
    folder = eval_dir("article-extraction-benchmark")
    if folder is None:
        return
    pages = load_pages(folder)
    settings = Settings.load()
    scored = {}
    if not args.storyline_only:
        scored["keep every line"] = score("keep", pages, keep_every_line)
        scored["trafilatura on <p> lines"] = score("trafilatura", pages, trafilatura_lines)
    with families_off() if args.no_families else contextlib.nullcontext():
        scored["storyline (Article.text)"] = score(
            "storyline", pages, lambda text: storyline_article(text, settings).text
        )
        scored["storyline (text + subheads)"] = score(
            "storyline+subheads", pages, lambda text: with_subheads(storyline_article(text, settings))
        )
    results = {name: result for name, (result, _) in scored.items()}
    halves = {name: by_part for name, (_, by_part) in scored.items()}
    rows = [
        [name, r["precision"], r["recall"], r["f1"], r["accuracy"], f"{r['seconds']:.1f}"]
        for name, r in results.items()
    ]
    print_table(
        f"Plain-text scrape cleaning, {len(pages)} flattened pages (target storyline F1 >= {TARGET_F1})",
        ["system", "precision", "recall", "F1", "exact", "seconds"],
        rows,
    )
    print_halves("Plain-text scrape cleaning by half", ["precision", "recall", "f1"], list(halves.items()))
    best = max(results["storyline (Article.text)"]["f1"], results["storyline (text + subheads)"]["f1"])
    print(f"\nstoryline F1 {best:.3f}: target {'met' if best >= TARGET_F1 else 'MISSED'} ({TARGET_F1})")
    if not args.no_families and not args.storyline_only:
        save_result("flat", {"pages": len(pages), "target_f1": TARGET_F1, "results": results, "halves": halves})


if __name__ == "__main__":
    main()
