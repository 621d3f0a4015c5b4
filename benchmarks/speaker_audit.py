"""Hand-judged precision of the quotes and speakers storyline emits on unseen text.

The GGT benchmark (benchmarks/quotes.py) was read while the quote rules were
written; this audit measures what storyline does on articles nobody tuned for.
It draws a seeded random sample of the quotes storyline finds in real
articles (the PolNeAR texts and the English pages of the article-extraction
benchmark, the same documents as benchmarks/event_audit.py), prints each with
its sentence, and keeps a judgement per quote in
``benchmarks/judgements/speakers-<half>-<seed>.jsonl``.

A judgement line holds the document id, the quote's character span, its kind,
resolved speaker, cue and rule, and two verdicts with a reason:

- ``quote``: ``real`` (the span reports what someone said or wrote) or ``wrong``
  (a title, a subhead, a scare quote, an event that is no speech, ...);
- ``speaker``: ``right``, ``wrong`` or ``none`` (no speaker given; counted as
  not right) for the real quotes.

The quote text is not kept: the documents are gold data, and the id with the
span finds it again.

Recall has no gold here, so ``--recall`` prints a few whole documents of the
sample with the quotes storyline found marked, for a person to count the
quotes the text holds; the counts go to ``speakers-recall-<half>-<seed>.jsonl``
(document id, quotes in the text per kind, how many of them storyline found).
From round 11 the counts cover reported speech too (``held_indirect``,
``found_indirect``, and ``held_direct``/``found_direct`` beside the partial
ones; ``held`` is the sum of the three), the kinds an independent check counts.

Run from the repository root::

    python -m benchmarks.speaker_audit --half tuning --seed 1 [-n 40]   # print, write pending lines
    python -m benchmarks.speaker_audit --half tuning --seed 1 --recall  # documents to count by hand
    python -m benchmarks.speaker_audit --rescore --seed 1               # judged quotes still emitted
    python -m benchmarks.speaker_audit --rescore --all                  # pooled over every tuning sample
    python -m benchmarks.speaker_audit --half check --seed 101 --tag after  # same documents, after a change

Judge by editing the verdict fields of the judgement file, then run the first
command again: it prints the precision of the judged sample.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from typing import Any

from benchmarks.common import CHECK, TUNING, save_result
from benchmarks.event_audit import JUDGEMENTS, Doc, load_docs

DOCS_PER_SAMPLE = 16
RECALL_DOCS = 4


def analyse(docs: list[Doc]) -> list[tuple[Doc, Any]]:
    """storyline's quotes for each document, in document and text order."""
    from storyline.analyze.nlp import load_nlp
    from storyline.analyze.pipeline import analyze_doc
    from storyline.model import Article
    from storyline.settings import Settings

    settings = Settings()
    names = list(settings.pipeline)
    settings = settings.with_values({"pipeline": names[: names.index("quotes") + 1]})
    nlp = load_nlp(settings.model)
    found: list[tuple[Doc, Any]] = []
    for doc in docs:
        article = Article(id=doc.id, source="audit", text=doc.text)
        analysis = analyze_doc(article, nlp(doc.text), settings)
        found.extend((doc, quote) for quote in analysis.quotes)
    return found


def key(doc_id: str, quote: Any) -> tuple[Any, ...]:
    """What identifies one emitted quote in a judgement file."""
    return (doc_id, quote.start, quote.end, quote.kind, quote.speaker)


def line_key(line: dict[str, Any]) -> tuple[Any, ...]:
    return (line["doc"], line["start"], line["end"], line["kind"], line["speaker"])


def chosen_docs(half: str, seed: int) -> list[Doc]:
    """The seeded documents a sample is drawn from, only those that hold a quote mark or a speech verb."""
    rng = random.Random(seed)
    docs = [d for d in load_docs(half) if " said" in d.text or "“" in d.text or '"' in d.text]
    return sorted(rng.sample(docs, min(DOCS_PER_SAMPLE, len(docs))), key=lambda d: d.id)


def sample(half: str, seed: int, n: int) -> list[tuple[Doc, Any]]:
    """``n`` quotes drawn at random from the quotes of the seeded documents of ``half``."""
    rng = random.Random(seed + 7919)
    quotes = analyse(chosen_docs(half, seed))
    return sorted(rng.sample(quotes, min(n, len(quotes))), key=lambda x: (x[0].id, x[1].start))


def _path(half: str, seed: int, what: str = "speakers", tag: str = "") -> Any:
    return JUDGEMENTS / f"{what}-{half}-{seed}{'-' + tag if tag else ''}.jsonl"


def _read(path: Any) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()] if path.exists() else []


def audit(half: str, seed: int, n: int, tag: str = "") -> dict[str, Any]:
    """Print the sample, write unjudged quotes to the judgement file, report precision.

    ``tag`` names a second sample of the same seed (the same documents) drawn
    after a change, so a judged before-sample stays as it was."""
    path = _path(half, seed, tag=tag)
    lines = _read(path)
    if not lines:  # a judged sample stays what it was: re-print it from the documents
        for doc, quote in sample(half, seed, n):
            lines.append(
                {"doc": doc.id, "start": quote.start, "end": quote.end, "kind": quote.kind,
                 "speaker": quote.speaker, "cue": quote.cue, "rule": quote.rule, "quote": "", "speaker_verdict": "",
                 "reason": ""}
            )  # fmt: skip
        JUDGEMENTS.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    texts = {d.id: d.text for d in load_docs(half)}
    for number, line in enumerate(lines, 1):
        text = texts.get(line["doc"], "")
        before = text.rfind("\n", 0, line["start"]) + 1
        after = text.find("\n", line["end"])
        paragraph = text[before : after if after >= 0 else len(text)]
        print(f"\n#{number} {line['doc']} [{line['start']}:{line['end']}] {line['kind']} rule={line['rule']}")
        print(f"  ¶ {paragraph}")
        print(f"  QUOTE: {text[line['start'] : line['end']]}")
        print(f"  speaker={line['speaker']!r} cue={line['cue']!r}")
        if line["quote"]:
            print(f"  verdict: {line['quote']} / {line['speaker_verdict']} {line['reason']}")
    return report(path.name, lines)


def report(name: str, lines: list[dict[str, Any]]) -> dict[str, Any]:
    """Quote precision and speaker precision of the judged lines, and the wrong ones' reasons."""
    judged = [x for x in lines if x["quote"]]
    real = [x for x in judged if x["quote"] == "real"]
    right = sum(x["speaker_verdict"] == "right" for x in real)
    figures: dict[str, Any] = {"judged": len(judged), "real": len(real), "speaker_right": right}
    print(f"\n{name}: {len(judged)} of {len(lines)} judged", end="")
    if judged:
        print(f", quote precision {len(real)}/{len(judged)} = {len(real) / len(judged):.3f}", end="")
        print(f", speaker right {right}/{max(1, len(real))} = {right / max(1, len(real)):.3f}")
        figures["quote_precision"] = round(len(real) / len(judged), 3)
        figures["speaker_precision"] = round(right / max(1, len(real)), 3)
        wrong = [x for x in judged if x["quote"] == "wrong" or x["speaker_verdict"] != "right"]
        for reason, count in Counter(x["reason"].split(":")[0] for x in wrong).most_common():
            print(f"  {count:3d} {reason}")
    else:
        print()
    return figures


def recall(half: str, seed: int) -> None:
    """Print RECALL_DOCS documents of the sample with storyline's quotes in [[...]], and the counts kept so far."""
    docs = [d for d in chosen_docs(half, seed) if "“" in d.text or '"' in d.text][:RECALL_DOCS]
    found: dict[str, list[Any]] = {}
    for doc, quote in analyse(docs):
        found.setdefault(doc.id, []).append(quote)
    for doc in docs:
        quotes = found.get(doc.id, [])
        print(f"\n===== {doc.id}: {len(quotes)} quotes found\n{marked_text(doc.text, quotes)}")
    counts = _read(_path(half, seed, "speakers-recall"))
    if counts:
        recall_report(counts)


def marked_text(text: str, quotes: list[Any]) -> str:
    """``text`` with each quote in [[k:...]] (k its kind's first letter), nested
    ones too: a partial quote inside a reported clause ("said the deal was
    “dead”") must show, or the person counting cannot tell it was found."""
    marks: list[tuple[int, int, int, str]] = []
    for quote in quotes:
        marks.append((quote.start, 1, -quote.end, f"[[{quote.kind[0]}:"))
        marks.append((quote.end, 0, -quote.start, "]]"))
    out, at = [], 0
    for position, _, _, mark in sorted(marks):
        out += [text[at:position], mark]
        at = position
    return "".join(out) + text[at:]


KINDS = ("direct", "indirect", "partial")


def recall_report(counts: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall of the hand counts, overall and per kind where the lines count every kind.

    Lines before round 11 count the quotes in marks only (``held``, with
    ``held_partial``); from round 11 a line also counts reported speech
    (``held_indirect``) and the direct quotes apart (``held_direct``), so
    recall covers the three kinds an independent annotator lists."""
    held = sum(c["held"] for c in counts)
    got = sum(c["found"] for c in counts)
    figures: dict[str, Any] = {"held": held, "found": got, "recall": round(got / max(1, held), 3)}
    print(f"\nrecall by hand count: {got}/{held} = {got / max(1, held):.3f}")
    if all("held_indirect" in c for c in counts):
        for kind in KINDS:
            k_held = sum(c[f"held_{kind}"] for c in counts)
            k_got = sum(c[f"found_{kind}"] for c in counts)
            figures[kind] = [k_got, k_held]
            print(f"  {kind}: {k_got}/{k_held} = {k_got / max(1, k_held):.3f}")
    return figures


def rescore(half: str, seed: int) -> None:
    """Which judged quotes the current code still emits with the same speaker (a development aid only)."""
    lines = _read(_path(half, seed))
    wanted = {x["doc"] for x in lines}
    emitted = {key(doc.id, q) for doc, q in analyse([d for d in load_docs(half) if d.id in wanted])}
    kept = [x for x in lines if line_key(x) in emitted]
    print(f"{len(kept)} of {len(lines)} judged quotes still emitted with the same span and speaker")
    report(f"speakers-{half}-{seed} (still emitted)", kept)


def rescore_all(half: str, show: bool = True) -> None:
    """Pool every judged sample of ``half``: the wrong verdicts the current code still emits, with their paragraphs.

    A development aid for finding the error groups left (use it on the tuning half only)."""
    lines = [x for path in sorted(JUDGEMENTS.glob(f"speakers-{half}-*.jsonl")) for x in _read(path)]
    lines = list({line_key(x): x for x in lines if x["quote"]}.values())
    wanted = {x["doc"] for x in lines}
    docs = [d for d in load_docs(half) if d.id in wanted]
    texts = {d.id: d.text for d in docs}
    emitted = {key(doc.id, q) for doc, q in analyse(docs)}
    kept = [x for x in lines if line_key(x) in emitted]
    print(f"{len(kept)} of {len(lines)} judged quotes (all samples) still emitted with the same span and speaker")
    report(f"speakers-{half}-* (still emitted)", kept)
    if show:
        for line in kept:
            if line["quote"] == "real" and line["speaker_verdict"] == "right":
                continue
            text = texts[line["doc"]]
            before = text.rfind("\n", 0, line["start"]) + 1
            after = text.find("\n", line["end"])
            print(f"\n{line['doc']} [{line['start']}:{line['end']}] {line['kind']} rule={line['rule']}")
            print(f"  ¶ {text[before : after if after >= 0 else len(text)]}")
            print(f"  QUOTE: {text[line['start'] : line['end']]}")
            print(f"  speaker={line['speaker']!r} cue={line['cue']!r} -> {line['quote']}/{line['speaker_verdict']}")
            print(f"  reason: {line['reason']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=(TUNING, CHECK), default=TUNING)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--recall", action="store_true", help="print documents to count their quotes by hand")
    parser.add_argument("--rescore", action="store_true", help="which judged quotes the current code still emits")
    parser.add_argument("--all", action="store_true", help="with --rescore: pool every judged sample of the half")
    parser.add_argument("--tag", default="", help="a second sample of the same seed, e.g. 'after'")
    args = parser.parse_args()
    if args.recall:
        recall(args.half, args.seed)
    elif args.rescore and args.all:
        rescore_all(args.half)
    elif args.rescore:
        rescore(args.half, args.seed)
    else:
        figures = audit(args.half, args.seed, args.n, args.tag)
        if figures["judged"]:
            save_result(f"speaker_audit_{args.half}_{args.seed}{args.tag}", figures)


if __name__ == "__main__":
    main()
