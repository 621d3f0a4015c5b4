"""Text-scrape cleaning on unseen, mostly non-English pages, against trafilatura as a reference.

The flat benchmark (benchmarks/flat.py) has 181 English pages with gold bodies;
the scrapes storyline meets in use are mostly not English. This proxy takes the
~1,000 varied, multilingual pages of ../shared/eval/htmldate-eval/html.tar.gz
(news, blogs, shops, recipes, wikis in German, Spanish, Polish and more), which
have no gold body, flattens each page's HTML to visible text one block element
per line (``flatten``, the shape of the flat/ texts: scripts, styles and hidden
elements dropped, no blank lines), cleans that text with ``clean_text`` and
scores the body against trafilatura 2.3.1's body of the same HTML
(``include_comments=False``), which sees the markup storyline does not.

trafilatura is a reference, not a gold: agreement is not accuracy, but a
cleaner that drops the article or keeps the menus of a page in Polish falls here
where the English benchmark cannot see it. Scores: word-level F1 (multisets of
lower-cased ``\\w+`` words, per page, macro-averaged) and the benchmark's 4-gram
shingle F1, per half and per language (the page's ``<html lang>`` attribute,
``?`` when it has none). Pages where trafilatura finds fewer than ``MIN_WORDS``
words are left out (no article to agree on).

Halves (benchmarks/common.py): the document id is the page's file name in the
archive, as in benchmarks/pubdate.py and benchmarks/body_recall.py.

Run from the repository root::

    python -m benchmarks.flat_proxy                 # storyline vs trafilatura, per half and language
    python -m benchmarks.flat_proxy --no-families   # the same with the phrase families switched off

The flattened texts and trafilatura's bodies are cached in
benchmarks/results/flat_proxy-cache.json.gz (not committed) so a re-run costs
only storyline's time.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.body_recall import pages
from benchmarks.common import RESULTS, by_half, eval_dir, print_halves, print_table, save_result
from benchmarks.flat import families_off, storyline_article
from benchmarks.shingles import corpus_scores
from storyline.settings import Settings

MIN_WORDS = 50  # trafilatura bodies shorter than this are no article to agree on
CACHE = RESULTS / "flat_proxy-cache.json.gz"
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DROP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "canvas"})
_BLOCK = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details"),
        *("dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header"),
        *("hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section"),
        *("summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
        *("h1", "h2", "h3", "h4", "h5", "h6"),
    }
)

Page = dict[str, str]  # name, lang, flat, reference


def flatten(markup: str) -> str:
    """Visible text of a page, one block element per line, no blank lines.

    Inline elements run on within their line; scripts, styles, forms' option
    lists and elements hidden by ``hidden`` or an inline ``display:none`` are
    dropped, as a scraper that saves page text would.
    """
    import lxml.etree
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        root = lxml.html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return ""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        hidden = node.get("hidden") is not None or _HIDDEN_STYLE.search(node.get("style") or "")
        if tag and tag not in _DROP and not hidden:
            block = tag in _BLOCK
            if block:
                flush()
            if node.text:
                current.append(node.text)
            for child in node:
                walk(child)
            if block:
                flush()
        if node.tail:
            current.append(node.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return "\n".join(lines)


def language(markup: str) -> str:
    """The page's declared language (two letters, lower case), or ``?``."""
    found = _LANG.search(markup[:5000])
    return found.group(1)[:2].lower() if found else "?"


def reference(markup: str) -> str:
    """trafilatura's body of the HTML, its better setting on the extraction benchmark."""
    import trafilatura

    return trafilatura.extract(markup, include_comments=False) or ""


def load(archive: Path) -> list[Page]:
    """Every page flattened with its reference body, from the cache when it is there."""
    if CACHE.exists():
        with gzip.open(CACHE, "rt", encoding="utf-8") as handle:
            cached: list[Page] = json.load(handle)
        return cached
    rows = [
        {"name": name, "lang": language(markup), "flat": flatten(markup), "reference": reference(markup)}
        for name, markup in pages(archive)
    ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    with gzip.open(CACHE, "wt", encoding="utf-8") as handle:
        json.dump(rows, handle, ensure_ascii=False)
    return rows


def word_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Macro word-level precision, recall and F1 of (output, reference) pairs, lower-cased words."""
    precisions, recalls = [], []
    for out, ref in pairs:
        got, want = Counter(_WORD.findall(out.lower())), Counter(_WORD.findall(ref.lower()))
        common = sum((got & want).values())
        if got:
            precisions.append(common / sum(got.values()))
        if want:
            recalls.append(common / sum(want.values()))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def measure(rows: list[tuple[str, str, str, str]]) -> dict[str, float]:
    """Word and shingle agreement of (name, lang, output, reference) rows."""
    pairs = [(out, ref) for _, _, out, ref in rows]
    shingles = corpus_scores(pairs)
    return {"documents": len(rows), **word_scores(pairs), "shingle_f1": shingles["f1"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-families", action="store_true", help="storyline without its phrase families")
    parser.add_argument("--keep-all", action="store_true", help="also score keeping every line")
    args = parser.parse_args()
    folder = eval_dir("htmldate-eval")
    if folder is None or not (folder / "html.tar.gz").exists():
        print("skip: htmldate-eval/html.tar.gz not found")
        return
    found = [page for page in load(folder / "html.tar.gz") if len(_WORD.findall(page["reference"])) >= MIN_WORDS]
    settings = Settings.load()
    systems: dict[str, Callable[[str], str]] = {"storyline": lambda text: storyline_article(text, settings).text}
    if args.keep_all:
        systems = {"keep every line": lambda text: text, **systems}
    results: list[tuple[str, dict[str, dict[str, Any]]]] = []
    by_lang: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for system, extract in systems.items():
        ablate = args.no_families and system == "storyline"
        with families_off() if ablate else contextlib.nullcontext():
            rows = [(p["name"], p["lang"], extract(p["flat"]) if p["flat"] else "", p["reference"]) for p in found]
        results.append((system, by_half(rows, lambda row: row[0], measure)))
        if system == "storyline":
            for row in rows:
                by_lang[row[1]].append(row)
    title = f"text-scrape body vs trafilatura's HTML body on {len(found)} unseen pages"
    if args.no_families:
        title += " (storyline without phrase families)"
    print_halves(title, ["precision", "recall", "f1", "shingle_f1"], results)
    languages = sorted(by_lang.items(), key=lambda item: -len(item[1]))
    lang_rows = []
    for lang, rows in languages[:8]:
        halves = by_half(rows, lambda row: row[0], measure)
        lang_rows.append([lang, len(rows), halves["tuning"]["f1"], halves["check"]["f1"], halves["whole"]["f1"]])
    print_table("storyline word F1 by declared language", ["lang", "pages", "tuning", "check", "whole"], lang_rows)
    if not args.no_families:
        save_result("flat_proxy", {"min_words": MIN_WORDS, "results": dict(results)})


if __name__ == "__main__":
    main()
