"""Body recall on unseen pages: storyline's HTML body next to trafilatura's, page by page.

The article-extraction benchmark has 181 English pages with gold bodies; the
bodies storyline meets in use are mostly not English. This check runs on the
~1,000 varied, multilingual pages of ../shared/eval/htmldate-eval/html.tar.gz
(news, blogs, shops, recipes, wikis in German, Spanish, Polish and more), which
have no gold body. It counts words (``\\w+``) of storyline's whole body
(``Article.text`` with the subheads) and of trafilatura 2.3.1 with its defaults
and with ``include_comments=False`` on the same decoded page, and flags a page
as *short* when storyline keeps under ``SHORT_SHARE`` of trafilatura's words
(or nothing) while trafilatura found at least ``MIN_WORDS`` words.

A short page is not an error by itself: trafilatura may have kept boilerplate.
Who is right is judged by hand on a seeded sample of the short pages of the
tuning half, kept in ``benchmarks/judgements/bodies-<seed>.jsonl`` (page file
name, side judged right, a reason in the judge's words, no page text). The
printed rate of "storyline dropped article text" is the judged share times the
short rate.

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
from storyline.clean.html import clean_html
from storyline.errors import StorylineError
from storyline.model import Article, RawDoc
from storyline.read import decode
from storyline.settings import Settings

SHORT_SHARE = 0.7  # storyline under this share of trafilatura's words: a page to look at
MIN_WORDS = 50  # pages where trafilatura finds fewer words have no article to lose
JUDGEMENTS = ROOT / "benchmarks" / "judgements"
_WORD = re.compile(r"\w+")

Counts = dict[str, int]  # system -> words of its body on one page


def words(text: str) -> int:
    """Word count, the unit every system is compared in."""
    return len(_WORD.findall(text))


def whole_body(article: Article) -> str:
    """``Article.text`` with the subheads put back: the whole body the cleaner recovered."""
    text, parts, last = article.text, [], 0
    for subhead in article.subheads:
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


def count_page(html: str, settings: Settings) -> Counts:
    """Words of each system's body on one page."""
    import trafilatura

    article = clean_html(RawDoc(source="page", text=html, fmt="html"), settings)
    return {
        "storyline": words(whole_body(article)),
        "storyline text": words(article.text),
        "trafilatura default": words(trafilatura.extract(html) or ""),
        "trafilatura no comments": words(trafilatura.extract(html, include_comments=False) or ""),
    }


def is_short(counts: Counts, baseline: str) -> bool:
    """storyline kept under SHORT_SHARE of the baseline's words where the baseline found an article."""
    return counts[baseline] >= MIN_WORDS and counts["storyline"] < SHORT_SHARE * counts[baseline]


def summary(rows: list[tuple[str, Counts]]) -> dict[str, float]:
    """Short and empty page counts against both trafilatura settings, and word totals."""
    result: dict[str, float] = {"pages": len(rows)}
    for baseline, key in (("trafilatura no comments", "no_comments"), ("trafilatura default", "default")):
        found = [c for _, c in rows if c[baseline] >= MIN_WORDS]
        short = sum(is_short(c, baseline) for _, c in rows)
        result[f"pages_with_article_{key}"] = len(found)
        result[f"short_vs_{key}"] = short
        result[f"short_rate_vs_{key}"] = short / len(found) if found else 0.0
        result[f"empty_vs_{key}"] = sum(c["storyline"] == 0 for c in found)
        result[f"word_ratio_vs_{key}"] = sum(c["storyline"] for c in found) / max(1, sum(c[baseline] for c in found))
    return result


def judged(seed: int) -> list[dict[str, Any]]:
    """The judgement lines for ``seed``, [] when there are none."""
    path = JUDGEMENTS / f"bodies-{seed}.jsonl"
    if not path.exists():
        return []
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
    settings = Settings()
    rows = [(name, count_page(html, settings)) for name, html in pages(folder / "html.tar.gz")]
    halves = by_half(rows, lambda row: row[0], summary)
    metrics = ["pages", "short_vs_no_comments", "short_rate_vs_no_comments", "empty_vs_no_comments"]
    metrics += ["word_ratio_vs_no_comments", "short_vs_default", "short_rate_vs_default", "word_ratio_vs_default"]
    print_halves(f"storyline body vs trafilatura on {len(rows)} unseen pages", metrics, [("storyline", halves)])
    payload: dict[str, Any] = {"short_share": SHORT_SHARE, "min_words": MIN_WORDS, "halves": halves}
    if args.sample is not None:
        for name, counts in sample(rows, args.sample, args.n):
            print(f"{name}\tstoryline {counts['storyline']}\tno comments {counts['trafilatura no comments']}")
    seeds = sorted(int(p.stem.split("-")[1]) for p in JUDGEMENTS.glob("bodies-*.jsonl"))
    for seed in seeds:
        verdicts = [j["right"] for j in judged(seed) if j.get("right")]
        if verdicts:
            lost = sum(v == "trafilatura" for v in verdicts) / len(verdicts)
            rate = lost * halves["tuning"]["short_rate_vs_no_comments"]
            print(
                f"seed {seed}: {len(verdicts)} short tuning pages judged, trafilatura right on "
                f"{sum(v == 'trafilatura' for v in verdicts)} (storyline dropped article text): "
                f"about {rate:.3f} of tuning pages"
            )
            payload[f"judged_{seed}"] = {"judged": len(verdicts), "trafilatura_right": lost, "lost_rate": rate}
    save_result("body_recall", payload)


if __name__ == "__main__":
    main()
