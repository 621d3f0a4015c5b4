"""Attribution relations on the PolNeAR dev split (84 political news articles), or its train split.

Run from the repo root: ``python -m benchmarks.attribution``; ``--split train`` scores
the 840 train articles instead (slower; their gold was never read while the rules
were written, so they stand in for the withheld test split). PolNeAR marks
every attribution as a Source, a Cue and a Content span (brat standoff, see
../shared/eval/polnear/SOURCE.md). storyline's predictions are its Quote
records (source = the speaker as written, cue = the cue word, content = the
quote; a quotation split around its cue is one quote, its content the union
of its pieces, as PolNeAR's discontinuous contents) plus its Attribution
records (source, cue, claim); a prediction whose content span repeats one
already predicted is counted once.

Quote and Attribution records keep the source and cue as strings; their
offsets come from ``quote_details`` and ``attribution_details``, which the
components are built on.

Scoring: per role (source, cue, content) and for whole attributions,
one-to-one greedy matching, two ways:
- exact: the same characters after trimming edge spaces, punctuation and
  quote marks (gold content includes the marks, storyline's does not);
- overlap: the overlap covers at least half of the shorter span.
A whole attribution matches when content and cue match and the sources
match (or neither has one). Discontinuous gold spans count as the union of
their pieces; Content2 continues Content. Doubly annotated articles use the
alphabetically first annotator's file.

Halves (benchmarks/common.py): the document id is the article name, the file
name in data/<split>/text/ without ``.txt`` (``GoldArticle.name``).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import by_half, eval_dir, print_halves, print_table, save_result
from benchmarks.quotes import upstream

Chars = frozenset[int]
_TRIM = " \t\n.,;:!?\"'“”‘’()—–-"

TEXTACY_OVERLAP = {"source": 25.8, "cue": 23.9, "content": 26.0, "attribution": 20.6}
TEXTACY_EXACT_ATTRIBUTION = 4.8
ROLES = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class Relation:
    """One attribution: each role as the set of character offsets it covers."""

    source: Chars
    cue: Chars
    content: Chars


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    relations: list[Relation]


def load_gold(folder: Path, split: str = "dev") -> Iterator[GoldArticle]:
    """The split's articles with their attributions, one annotator per article."""
    base = folder / "data" / split
    chosen: dict[str, Path] = {}
    for path in sorted((base / "attributions").glob("*.ann")):
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)
    for name, path in sorted(chosen.items()):
        text = (base / "text" / f"{name}.txt").read_text("utf-8")
        yield GoldArticle(name, text, parse_ann(path.read_text("utf-8")))


def parse_ann(ann: str) -> list[Relation]:
    """Relations from brat standoff: T lines hold spans, E lines tie them."""
    spans: dict[str, Chars] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _chars(parts[1].split(" ", 1)[1])
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split()[1:]:
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789").lower(), []).append(ref)
            events.append(roles)
    return [_relation(roles, spans) for roles in events if roles.get("content") and roles.get("cue")]


def _chars(offsets: str) -> Chars:
    """'12 20;25 30' -> the set of covered offsets."""
    covered: set[int] = set()
    for piece in offsets.split(";"):
        start, end = piece.split()
        covered.update(range(int(start), int(end)))
    return frozenset(covered)


def _relation(roles: dict[str, list[str]], spans: dict[str, Chars]) -> Relation:
    def union(role: str) -> Chars:
        return frozenset().union(*(spans.get(ref, frozenset()) for ref in roles.get(role, [])))

    return Relation(union("source"), union("cue"), union("content"))


def overlap_match(gold: Chars, pred: Chars, text: str) -> bool:
    """At least half of the shorter span is shared."""
    if not gold or not pred:
        return False
    return len(gold & pred) >= 0.5 * min(len(gold), len(pred))


def exact_match(gold: Chars, pred: Chars, text: str) -> bool:
    """The same characters once edge spaces, punctuation and marks are trimmed."""
    return bool(gold) and _trim(gold, text) == _trim(pred, text)


def _trim(chars: Chars, text: str) -> Chars:
    ordered = sorted(chars)
    while ordered and text[ordered[0]] in _TRIM:
        ordered.pop(0)
    while ordered and text[ordered[-1]] in _TRIM:
        ordered.pop()
    return frozenset(ordered)


def predict(article: GoldArticle, nlp: Any, settings: Any) -> list[Relation]:
    """storyline's quotes and attributions for one article, as relations."""
    from storyline.analyze.pipeline import analyze_doc
    from storyline.analyze.speech.attributions import attribution_details
    from storyline.analyze.speech.quotes import in_reports, quote_details
    from storyline.model import Article

    doc = nlp(article.text)
    analysis = analyze_doc(Article(id=article.name, source="polnear", text=article.text), doc, settings)
    quotes = {(d.quote.start, d.quote.end): d for d in quote_details(doc, analysis.entities)}
    attributions = {(d.attribution.start, d.attribution.end): d for d in attribution_details(doc, analysis.entities)}
    found: dict[Chars, Relation] = {}
    nested = in_reports(analysis.quotes)  # PolNeAR's unit: one attribution per reported clause
    for quote in analysis.quotes:
        if (quote.start, quote.end) in nested:
            continue
        detail = quotes.get((quote.start, quote.end))
        if detail is not None:
            relation = _as_relation(detail.speaker_span, detail.cue_span, quote)
            found.setdefault(relation.content, relation)
    for record in analysis.attributions:
        adetail = attributions.get((record.start, record.end))
        if adetail is not None:
            found.setdefault(
                _span(record.start, record.end), _as_relation(adetail.source_span, adetail.cue_span, record)
            )
    return list(found.values())


def _as_relation(source: tuple[int, int] | None, cue: tuple[int, int] | None, record: Any) -> Relation:
    """One attribution; a quotation split around its cue is one, its content the union of its pieces
    (as PolNeAR writes a discontinuous content)."""
    pieces = getattr(record, "pieces", ((record.start, record.end),))
    content = frozenset().union(*(_span(start, end) for start, end in pieces))
    return Relation(_span(*source) if source else frozenset(), _span(*cue) if cue else frozenset(), content)


def _span(start: int, end: int) -> Chars:
    return frozenset(range(start, end))


def _pairs(gold: list[Relation], pred: list[Relation], ok: Any, text: str, role: str | None) -> int:
    """Greedy one-to-one matches of one role (or of whole relations when None)."""
    used: set[int] = set()
    matched = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and _agrees(g, p, ok, text, role):
                used.add(i)
                matched += 1
                break
    return matched


def _agrees(g: Relation, p: Relation, ok: Any, text: str, role: str | None) -> bool:
    if role is not None:
        return ok(getattr(g, role), getattr(p, role), text)
    sources = ok(g.source, p.source, text) or (not g.source and not p.source)
    return sources and ok(g.content, p.content, text) and ok(g.cue, p.cue, text)


def score(results: list[tuple[GoldArticle, list[Relation]]], ok: Any) -> dict[str, float]:
    """F1 (in %) per role and for whole attributions."""
    scores = {}
    for role in (*ROLES, None):
        matched = n_gold = n_pred = 0
        for article, preds in results:
            gold = [g for g in article.relations if role is None or getattr(g, role)]
            mine = [p for p in preds if role is None or getattr(p, role)]
            matched += _pairs(gold, mine, ok, article.text, role)
            n_gold, n_pred = n_gold + len(gold), n_pred + len(mine)
        precision, recall = matched / max(1, n_pred), matched / max(1, n_gold)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        name = role or "attribution"
        scores.update({name: 100 * f1, f"{name}_p": 100 * precision, f"{name}_r": 100 * recall})
    return scores


Results = list[tuple[GoldArticle, list[Relation]]]


def run(folder: Path, split: str = "dev") -> tuple[str, list[GoldArticle], Results, float]:
    """The model name, the split's articles, storyline's relations for each, and the seconds it took."""
    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    settings = upstream(Settings.load())
    nlp = load_nlp(settings.model)
    began = time.perf_counter()
    articles = list(load_gold(folder, split))
    results = [(a, predict(a, nlp, settings)) for a in articles]
    return settings.model, articles, results, time.perf_counter() - began


def half_scores(results: Results) -> dict[str, dict[str, float]]:
    """Overlap F1 per role and whole, and exact whole F1 (in %), on each half and the whole."""

    def measure(chosen: Results) -> dict[str, float]:
        overlap = score(chosen, overlap_match)
        return {
            "documents": len(chosen),
            "gold": sum(len(a.relations) for a, _ in chosen),
            **{f"overlap_{key}": overlap[key] for key in (*ROLES, "attribution")},
            "exact_attribution": score(chosen, exact_match)["attribution"],
        }

    return by_half(results, lambda item: item[0].name, measure)


def gate_figures(folder: Path) -> dict[str, dict[str, float]]:
    """The gate's figures, as fractions: overlap F1 per role and whole, exact whole F1, per half."""
    _, _, results, _ = run(folder)
    return {
        part: {key: value / 100 for key, value in figures.items() if key not in ("documents", "gold")}
        for part, figures in half_scores(results).items()
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.attribution", description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "train"], default="dev", help="PolNeAR split to score (default dev)")
    split = parser.parse_args(argv).split
    folder = eval_dir("polnear")
    if folder is None:
        return
    model, articles, results, seconds = run(folder, split)
    exact, overlap = score(results, exact_match), score(results, overlap_match)
    rows = [
        ["storyline, overlap", overlap["source"], overlap["cue"], overlap["content"], overlap["attribution"],
         f"{overlap['attribution_p']:.1f} / {overlap['attribution_r']:.1f}"],
        ["storyline, exact", exact["source"], exact["cue"], exact["content"], exact["attribution"],
         f"{exact['attribution_p']:.1f} / {exact['attribution_r']:.1f}"],
        ["textacy 0.13, overlap", *TEXTACY_OVERLAP.values(), ""],
        ["textacy 0.13, exact", "", "", "", TEXTACY_EXACT_ATTRIBUTION, ""],
    ]  # fmt: skip
    n_gold = sum(len(a.relations) for a in articles)
    header = ["system", "source F1", "cue F1", "content F1", "attribution F1", "attribution P / R"]
    print_table(f"PolNeAR {split}: {len(articles)} articles, {n_gold} attributions, model {model}", header, rows)
    halves = half_scores(results)
    metrics = ["gold", *(f"overlap_{key}" for key in (*ROLES, "attribution")), "exact_attribution"]
    print_halves(f"PolNeAR {split} by half (F1 in %)", metrics, [("storyline", halves)])
    print(f"\npredictions: {sum(len(p) for _, p in results)}; {seconds:.0f}s")
    name = "attribution" if split == "dev" else f"attribution-{split}"
    save_result(name, {"model": model, "split": split, "articles": len(articles), "gold": n_gold,
                        "overlap": overlap, "exact": exact, "halves": halves,
                        "textacy_overlap": TEXTACY_OVERLAP, "seconds": round(seconds, 1)})  # fmt: skip


if __name__ == "__main__":
    main()
