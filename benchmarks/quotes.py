"""Quote extraction on the Gender Gap Tracker's 98 annotated articles.

Run from the repo root: ``python -m benchmarks.quotes`` (``--half tuning`` scores one
half only, for development, and writes no result file). The storyline pipeline
(as configured, up to the quotes and attributions components) runs on each
article body; every Quote record (direct, indirect,
partial) is a prediction, each piece of a quotation split around its cue
(``Quote.parts``) one of its own: GGT annotates each run of quote marks,
the speaker and verb as written with the first run only. A partial quote
inside a reported clause ("said the deal was “dead”") is not scored apart:
GGT annotates the clause as one quote (``quotes.in_reports``). Scoring follows the GGT evaluation described in
../shared/eval/ggt-quotes/SOURCE.md:

- a prediction matches a gold quote when |gold ∩ pred| / |gold| > 0.3 (or
  > 0.8); each prediction matches at most one gold quote; P/R/F1 are micro
  averages over all quotes;
- speaker and verb accuracy are over matched quotes; names are compared
  lower-cased, without punctuation and a final "'s"; an empty gold speaker
  or verb is matched only by none.

Gold speakers are written as they appear next to the quote ("she", "the
minister"), while storyline's Quote.speaker is the resolved full name. Both
are scored: the surface form (from ``quote_details``) against gold
``speaker``, and the resolved name against gold ``reference``.

Gold quotes are located by their string in the body text (the stored
offsets are relative to a different preprocessing), the occurrence nearest
to ``quote_index``. The quirks handled: a malformed ``_id``, a quotations
field holding a JSON string with every record twice, and a body that is only
an ObjectId (read rawtext/<id>.txt instead).

Halves (benchmarks/common.py): the document id is the article's 24-digit
ObjectId (``GoldArticle.id``, also the rawtext/ file name). All 98 articles
were read while the quote rules were written, before the split existed, so the
check half is a held-out figure only for rules written from now on.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import CHECK, TUNING, by_half, eval_dir, half_of, print_halves, print_table, save_result

_OBJECT_ID = re.compile(r"[0-9a-f]{24}")
_RECORD = re.compile(r"\{[^{}]*\}")
_PUNCT = re.compile(r"[^\w\s]")

# Published and peer figures, from SOURCE.md and EVAL_README.md.
GGT_PUBLISHED = {"f1_03": 83.672, "f1_08": 76.084, "speaker_03": 86.478, "verb_03": 92.065}
TEXTACY = {"f1_03": 47.3, "f1_08": 42.9, "speaker_03": 61.0, "verb_03": 60.8}
TARGETS = {"f1_03": 84.0, "f1_08": 77.0, "speaker_03": 87.0}


@dataclass(frozen=True, slots=True)
class Span:
    """A quote located in the text, with the speaker and verb to compare."""

    start: int
    end: int
    speaker: str
    verb: str
    reference: str = ""
    kind: str = ""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    quotes: list[Span]
    unlocated: int


def load_gold(folder: Path) -> Iterator[GoldArticle]:
    """The annotated articles, with gold quotes located in their text."""
    for line in (folder / "ggt_human_annotations_98.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        article_id = _OBJECT_ID.search(row["_id"]).group(0)  # type: ignore[union-attr]
        text = row["articleBodyText"]
        if _OBJECT_ID.fullmatch(text.strip()):
            text = (folder / "rawtext" / f"{article_id}.txt").read_text("utf-8")
        records = [r for r in _records(row["quotations"]) if r.get("quote", "").strip()]
        located = [s for r in records if (s := _locate(text, r)) is not None]
        yield GoldArticle(article_id, text, located, len(records) - len(located))


def _records(field: Any) -> list[dict[str, str]]:
    """The quote records, whether a list or a JSON string with duplicates."""
    if isinstance(field, list):
        return field
    unique: list[dict[str, str]] = []
    for match in _RECORD.finditer(field):
        record = json.loads(match.group(0))
        if record not in unique:
            unique.append(record)
    return unique


def _locate(text: str, record: dict[str, str]) -> Span | None:
    """The occurrence of the quote string nearest to its stored offset."""
    quote = record["quote"].strip()
    hint = _first_int(record.get("quote_index", ""))
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - hint))
    speaker, verb = record.get("speaker", ""), record.get("verb", "")
    return Span(start, start + len(quote), speaker, verb, record.get("reference", "") or "")


def _first_int(text: str) -> int:
    match = re.search(r"\d+", text or "")
    return int(match.group(0)) if match else 0


def norm(name: str | None) -> str:
    """Lower-case, punctuation dropped, a final "'s" dropped, as GGT compares names."""
    text = (name or "").lower().strip()
    text = re.sub(r"['’]s$", "", text)
    return " ".join(_PUNCT.sub(" ", text).split())


def match(gold: list[Span], pred: list[Span], threshold: float) -> list[tuple[Span, Span]]:
    """Greedy one-to-one matching: each gold quote takes the unused prediction
    covering most of it, if that covers more than ``threshold`` of it."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_share = -1, threshold
        for i, p in enumerate(pred):
            share = max(0, min(g.end, p.end) - max(g.start, p.start)) / max(1, g.end - g.start)
            if i not in used and share > best_share:
                best, best_share = i, share
        if best >= 0:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def predict(article: GoldArticle, nlp: Any, settings: Any) -> list[tuple[Span, Span]]:
    """Storyline's quotes as (surface, resolved) spans, in text order."""
    from storyline.analyze.pipeline import analyze_doc
    from storyline.analyze.speech.quotes import in_reports, quote_details
    from storyline.model import Article

    doc = nlp(article.text)
    record = Article(id=article.id, source="ggt", text=article.text)
    analysis = analyze_doc(record, doc, settings)
    surface = {(d.quote.start, d.quote.end, d.quote.kind): d for d in quote_details(doc, analysis.entities)}
    found = []
    nested = in_reports(analysis.quotes)  # GGT's unit: the reported clause holds its quoted words
    for quote in analysis.quotes:
        if (quote.start, quote.end) in nested:
            continue
        detail = surface.get((quote.start, quote.end, quote.kind))
        speaker_span = detail.speaker_span if detail is not None else None
        written = article.text[speaker_span[0] : speaker_span[1]] if speaker_span else ""
        verb = quote.cue or ""
        # GGT's unit is a run of quote marks: each piece of a split quotation is one. Its speaker
        # "as written next to the quote" is the first piece's; GGT leaves the pieces after it,
        # which go on with the quotation, without one (and without a verb).
        for n, (start, end) in enumerate(quote.pieces):
            found.append(
                (
                    Span(start, end, written if n == 0 else "", verb if n == 0 else "", kind=quote.kind),
                    Span(start, end, quote.speaker or "", verb, kind=quote.kind),
                )
            )
    return found


def score(results: list[tuple[GoldArticle, list[tuple[Span, Span]]]], threshold: float) -> dict[str, float]:
    """P/R/F1 and speaker/verb accuracy (in %) at one overlap threshold."""
    n_gold = sum(len(a.quotes) for a, _ in results)
    n_pred = sum(len(p) for _, p in results)
    matched = surface_ok = resolved_ok = verb_ok = with_reference = 0
    for article, preds in results:
        by_span = {(s.start, s.end): r for s, r in preds}
        for g, p in match(article.quotes, [s for s, _ in preds], threshold):
            matched += 1
            surface_ok += norm(g.speaker) == norm(p.speaker)
            verb_ok += norm(g.verb) == norm(p.verb)
            if g.reference:
                with_reference += 1
                resolved_ok += norm(g.reference) == norm(by_span[(p.start, p.end)].speaker)
    precision, recall = matched / max(1, n_pred), matched / max(1, n_gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": 100 * precision,
        "recall": 100 * recall,
        "f1": 100 * f1,
        "speaker": 100 * surface_ok / max(1, matched),
        "speaker_resolved": 100 * resolved_ok / max(1, with_reference),
        "verb": 100 * verb_ok / max(1, matched),
    }


def upstream(settings: Any) -> Any:
    """The configured pipeline up to the quotes and attributions components.

    The components after them (dates, events, timeline) read quotes but
    cannot change them, so leaving them out gives the same records faster.
    """
    names = list(settings.pipeline)
    last = max(names.index(n) for n in ("quotes", "attributions") if n in names)
    return settings.with_values({"pipeline": names[: last + 1]})


Results = list[tuple[GoldArticle, list[tuple[Span, Span]]]]


def run(folder: Path, half: str | None = None) -> tuple[str, list[GoldArticle], Results, float]:
    """The model name, the gold articles (of one half if ``half`` is given), storyline's
    quotes for each, and the seconds it took."""
    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    settings = upstream(Settings.load())
    nlp = load_nlp(settings.model)
    began = time.perf_counter()
    articles = [a for a in load_gold(folder) if half is None or half_of(a.id) == half]
    results = [(a, [(s, r) for s, r in predict(a, nlp, settings)]) for a in articles]
    return settings.model, articles, results, time.perf_counter() - began


def half_scores(results: Results) -> dict[str, dict[str, float]]:
    """The headline figures (in %) on each half of the articles and on the whole."""

    def measure(chosen: Results) -> dict[str, float]:
        at03, at08 = score(chosen, 0.3), score(chosen, 0.8)
        return {
            "documents": len(chosen),
            "gold_quotes": sum(len(a.quotes) for a, _ in chosen),
            "precision_03": at03["precision"],
            "recall_03": at03["recall"],
            "f1_03": at03["f1"],
            "f1_08": at08["f1"],
            "speaker_03": at03["speaker"],
            "speaker_resolved_03": at03["speaker_resolved"],
            "verb_03": at03["verb"],
        }

    return by_half(results, lambda item: item[0].id, measure)


def gate_figures(folder: Path) -> dict[str, dict[str, float]]:
    """The gate's figures, as fractions: F1 at 0.3 and 0.8 and speaker accuracy at 0.3, per half."""
    _, _, results, _ = run(folder)
    return {
        part: {key: figures[key] / 100 for key in ("f1_03", "f1_08", "speaker_03")}
        for part, figures in half_scores(results).items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=(TUNING, CHECK), help="score one half only (no result file written)")
    args = parser.parse_args()
    folder = eval_dir("ggt-quotes")
    if folder is None:
        return
    model, articles, results, seconds = run(folder, args.half)
    at03, at08 = score(results, 0.3), score(results, 0.8)
    if args.half:
        print(f"{args.half} half, {len(articles)} articles, {seconds:.0f}s: " + ", ".join(
            f"{k} {at03[k]:.2f}" for k in ("precision", "recall", "f1", "speaker", "speaker_resolved")
        ) + f", f1@0.8 {at08['f1']:.2f}; predictions {_kind_counts(results)}")  # fmt: skip
        return
    _report(articles, results, at03, at08, seconds, model)


def _report(
    articles: list[GoldArticle],
    results: list[tuple[GoldArticle, list[tuple[Span, Span]]]],
    at03: dict[str, float],
    at08: dict[str, float],
    seconds: float,
    model: str,
) -> None:
    kinds = _kind_counts(results)
    rows = [
        ["storyline", at03["precision"], at03["recall"], at03["f1"], at08["f1"], at03["speaker"],
         at03["speaker_resolved"], at03["verb"]],
        ["GGT V7.0 (published)", "", "", GGT_PUBLISHED["f1_03"], GGT_PUBLISHED["f1_08"],
         GGT_PUBLISHED["speaker_03"], "", GGT_PUBLISHED["verb_03"]],
        ["textacy 0.13", "", "", TEXTACY["f1_03"], TEXTACY["f1_08"], TEXTACY["speaker_03"], "", TEXTACY["verb_03"]],
        ["target", "", "", TARGETS["f1_03"], TARGETS["f1_08"], TARGETS["speaker_03"], "", ""],
    ]  # fmt: skip
    header = ["system", "P@0.3", "R@0.3", "F1@0.3", "F1@0.8", "speaker@0.3", "speaker (resolved)", "verb@0.3"]
    n_gold = sum(len(a.quotes) for a in articles)
    print_table(f"GGT quotes: {len(articles)} articles, {n_gold} gold quotes, model {model}", header, rows)
    halves = half_scores(results)
    metrics = ["gold_quotes", "precision_03", "recall_03", "f1_03", "f1_08", "speaker_03", "speaker_resolved_03",
               "verb_03"]  # fmt: skip
    print_halves("GGT quotes by half (figures in %)", metrics, [("storyline", halves)])
    print(f"\nunlocated gold quotes: {sum(a.unlocated for a in articles)}; predictions by kind: {kinds}; "
          f"{seconds:.0f}s")  # fmt: skip
    save_result("quotes", {"model": model, "articles": len(articles), "gold_quotes": n_gold, "at_0.3": at03,
                           "at_0.8": at08, "halves": halves, "predictions": kinds, "seconds": round(seconds, 1),
                           "published": GGT_PUBLISHED, "textacy": TEXTACY, "targets": TARGETS})  # fmt: skip


def _kind_counts(results: list[tuple[GoldArticle, list[tuple[Span, Span]]]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, preds in results:
        for surface, _ in preds:
            counts[surface.kind] = counts.get(surface.kind, 0) + 1
    return counts


if __name__ == "__main__":
    main()
