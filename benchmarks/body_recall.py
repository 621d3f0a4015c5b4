"""Body recall on unseen pages: storyline's HTML body next to trafilatura's, page by page.

The article-extraction benchmark has 181 English pages with gold bodies; the
bodies storyline meets in use are mostly not English. This check runs on the
~1,000 varied, multilingual pages of ../shared/eval/htmldate-eval/html.tar.gz
(news, blogs, shops, recipes, wikis in German, Spanish, Polish and more), which
have no gold body. It counts words (``\\w+``) of storyline's whole body
(the text with the subheads, as ``clean_html`` finds it) and of trafilatura 2.3.1 with its defaults
and with ``include_comments=False`` on the same decoded page, and flags a page
as *short* when storyline keeps under ``SHORT_SHARE`` of trafilatura's words
(or nothing) while trafilatura found at least ``MIN_WORDS`` words.

A short page is not an error by itself: trafilatura may have kept boilerplate.
Who is right is judged by hand on a seeded sample of the short pages of the
tuning half, kept in ``benchmarks/judgements/bodies-<seed>.jsonl`` (page file
name, side judged right: storyline, trafilatura or neither, and a reason in the
judge's words, no page text); ``bodies-<seed>-before.jsonl`` holds the
judgements of an earlier version's short pages. The printed rate of "storyline
dropped article text" is the judged share times the short rate.

Halves (benchmarks/common.py): the document id is the page's file name in the
archive, as in benchmarks/pubdate.py, so a page is in the same half in both.

Run from the repository root::

    python -m benchmarks.body_recall                 # counts per half, writes results/body_recall.json
    python -m benchmarks.body_recall --sample 7 -n 30  # also list a seeded sample of short tuning pages
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, by_half, eval_dir, half_of, print_halves, save_result
from storyline.clean.html import parse_html
from storyline.clean.html_body import Body, extract_body
from storyline.errors import StorylineError
from storyline.read import decode

SHORT_SHARE = 0.7  # storyline under this share of trafilatura's words: a page to look at
MIN_WORDS = 50  # pages where trafilatura finds fewer words have no article to lose
JUDGEMENTS = ROOT / "benchmarks" / "judgements"
_WORD = re.compile(r"\w+")

Counts = dict[str, int]  # system -> words of its body on one page


def words(text: str) -> int:
    """Word count, the unit every system is compared in."""
    return len(_WORD.findall(text))


def whole_body(body: Body) -> str:
    """The body text with the subheads put back: the whole body the cleaner recovered."""
    text, parts, last = body.text, [], 0
    for subhead in body.subheads:
        parts += [text[last : subhead.offset], subhead.text + "\n\n"]
        last = subhead.offset
    return "".join(parts) + text[last:]


def pages(archive: Path) -> Iterator[tuple[str, str]]:
    """(file name, decoded HTML) of every page in the archive; undecodable files are skipped."""
    with tarfile.open(archive) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None:
                continue
            name = Path(member.name).name
            try:
                yield name, decode(handle.read(), name, html=True)
            except StorylineError:
                continue


def count_page(html: str) -> Counts:
    """Words of each system's body on one page.

    storyline's body comes from ``extract_body``, the part of ``clean_html``
    that finds it (the metadata search is left out: it costs time, not words).
    """
    import trafilatura

    tree = parse_html(html)
    body = extract_body(tree) if tree is not None else Body("")
    return {
        "storyline": words(whole_body(body)),
        "storyline text": words(body.text),
        "trafilatura default": words(trafilatura.extract(html) or ""),
        "trafilatura no comments": words(trafilatura.extract(html, include_comments=False) or ""),
    }


def is_short(counts: Counts, baseline: str) -> bool:
    """storyline kept under SHORT_SHARE of the baseline's words where the baseline found an article."""
    return counts[baseline] >= MIN_WORDS and counts["storyline"] < SHORT_SHARE * counts[baseline]


def summary(rows: list[tuple[str, Counts]]) -> dict[str, float]:
    """Short and empty page counts against both trafilatura settings, and word totals."""
    result: dict[str, float] = {"documents": len(rows)}
    for baseline, key in (("trafilatura no comments", "no_comments"), ("trafilatura default", "default")):
        found = [c for _, c in rows if c[baseline] >= MIN_WORDS]
        short = sum(is_short(c, baseline) for _, c in rows)
        result[f"pages_with_article_{key}"] = len(found)
        result[f"short_vs_{key}"] = short
        result[f"short_rate_vs_{key}"] = short / len(found) if found else 0.0
        result[f"empty_vs_{key}"] = sum(c["storyline"] == 0 for c in found)
        result[f"word_ratio_vs_{key}"] = sum(c["storyline"] for c in found) / max(1, sum(c[baseline] for c in found))
    return result


def judged(path: Path) -> list[dict[str, Any]]:
    """The judgement lines of one file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sample(rows: list[tuple[str, Counts]], seed: int, size: int) -> list[tuple[str, Counts]]:
    """A seeded sample of the tuning half's short pages, biggest word gaps first."""
    short = [(name, c) for name, c in rows if half_of(name) == "tuning" and is_short(c, "trafilatura no comments")]
    chosen = random.Random(seed).sample(short, min(size, len(short)))
    return sorted(chosen, key=lambda item: item[1]["storyline"] - item[1]["trafilatura no comments"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, metavar="SEED", help="list a seeded sample of short tuning pages")
    parser.add_argument("-n", type=int, default=30, help="sample size (default 30)")
    args = parser.parse_args()
    folder = eval_dir("htmldate-eval")
    if folder is None or not (folder / "html.tar.gz").exists():
        print("skip: htmldate-eval/html.tar.gz not found")
        return
    rows = [(name, count_page(html)) for name, html in pages(folder / "html.tar.gz")]
    halves = by_half(rows, lambda row: row[0], summary)
    metrics = ["short_vs_no_comments", "short_rate_vs_no_comments", "empty_vs_no_comments"]
    metrics += ["word_ratio_vs_no_comments", "short_vs_default", "short_rate_vs_default", "word_ratio_vs_default"]
    print_halves(f"storyline body vs trafilatura on {len(rows)} unseen pages", metrics, [("storyline", halves)])
    payload: dict[str, Any] = {"short_share": SHORT_SHARE, "min_words": MIN_WORDS, "halves": halves}
    if args.sample is not None:
        for name, counts in sample(rows, args.sample, args.n):
            print(f"{name}\tstoryline {counts['storyline']}\tno comments {counts['trafilatura no comments']}")
    for path in sorted(JUDGEMENTS.glob("bodies-*.jsonl")):
        verdicts = [j["right"] for j in judged(path) if j.get("right")]
        if not verdicts:
            continue
        tally = {side: verdicts.count(side) for side in ("storyline", "trafilatura", "neither")}
        share = tally["trafilatura"] / len(verdicts)
        line = f"{path.name}: {len(verdicts)} short tuning pages judged, right: {tally}"
        if not path.stem.endswith("before"):  # a sample of this code's short pages: scale to a page rate
            rate = share * halves["tuning"]["short_rate_vs_no_comments"]
            line += f"; storyline dropped article text on about {rate:.3f} of tuning pages"
        print(line)
        payload[path.stem] = {"judged": len(verdicts), **tally}
    save_result("body_recall", payload)


if __name__ == "__main__":
    main()
