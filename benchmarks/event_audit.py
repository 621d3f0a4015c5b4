"""Hand-judged precision of the events storyline emits on running text.

The PLOVER benchmark (benchmarks/events.py) scores sentences already known to
hold an event; it says nothing about what storyline emits on a whole article.
This audit draws a seeded random sample of the events storyline finds in real
articles (the PolNeAR texts and the English pages of the article-extraction
benchmark, cleaned by storyline), prints each with its sentence, and keeps a
judgement per event in ``benchmarks/judgements/events-<half>-<seed>.jsonl``.

A judgement line holds the document id, the sentence's character span, the
event's type, status, actor, target and trigger, a verdict (``acceptable`` or
``wrong``, empty while not judged) and a reason. The sentence text is not kept:
the documents are gold data, and the id with the span finds it again.

Acceptable means: the PLOVER type is right for what the sentence asserts, the
actor and the target are right or absent, it is not a report of speech coded
as the event, and a negated or hedged event is not coded as a positive one.

Halves (benchmarks/common.py): the document id is ``polnear/<file name>`` or
``extraction/<page id>``. Develop on ``--half tuning`` samples; draw a
``--half check`` sample only to measure at the end.

Run from the repository root::

    python -m benchmarks.event_audit --half tuning --seed 1 [-n 60]  # print, write pending lines
    python -m benchmarks.event_audit --rate                          # events per 1,000 words
    python -m benchmarks.event_audit --rescore --seed 1              # judged events still emitted

Judge by editing the verdict/reason fields of the judgement file, then run the
first command again: it prints the precision of the judged sample.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from benchmarks.common import CHECK, ROOT, TUNING, eval_dir, half_of, save_result

JUDGEMENTS = ROOT / "benchmarks" / "judgements"
DOCS_PER_SAMPLE = 40
RATE_DOCS = 80  # the fixed tuning-half documents the events-per-1,000-words rate is measured on
ENGLISH = frozenset(["the", "of", "and", "to", "in", "that", "is", "was", "for", "on", "with", "said", "by"])


@dataclass(frozen=True, slots=True)
class Doc:
    """One running-text document: id and the text storyline analyses."""

    id: str
    text: str


def english(text: str) -> bool:
    """Whether at least 15% of the words are common English function words."""
    words = re.findall(r"[a-z]+", text.lower())
    return len(words) >= 150 and sum(w in ENGLISH for w in words) >= 0.15 * len(words)


def load_docs(half: str) -> list[Doc]:
    """The documents of one half, sorted by id: PolNeAR texts, then cleaned English pages."""
    docs: list[Doc] = []
    polnear = eval_dir("polnear")
    if polnear is not None:
        for folder in ("train", "dev"):
            for path in sorted((polnear / "data" / folder / "text").glob("*.txt")):
                doc_id = f"polnear/{path.stem}"
                if half_of(doc_id) == half:
                    docs.append(Doc(doc_id, path.read_text("utf-8")))
    pages = eval_dir("article-extraction-benchmark")
    if pages is not None:
        from storyline.clean.html import clean_html
        from storyline.model import RawDoc
        from storyline.settings import Settings

        settings = Settings()
        for path in sorted((pages / "html").glob("*.html.gz")):
            doc_id = f"extraction/{path.name.removesuffix('.html.gz')}"
            if half_of(doc_id) != half:
                continue
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            text = clean_html(RawDoc(source=doc_id, text=html, fmt="html"), settings).text
            if english(text):
                docs.append(Doc(doc_id, text))
    return sorted(docs, key=lambda d: d.id)


def analyse(docs: list[Doc], *, held_back: bool = False) -> list[tuple[Doc, Any]]:
    """storyline's events for each document (no publication date); with ``held_back``, the held-back ones too."""
    from storyline.analyze.nlp import load_nlp
    from storyline.analyze.pipeline import analyze_doc
    from storyline.model import Article
    from storyline.settings import Settings

    settings = Settings()
    nlp = load_nlp(settings.model)
    found: list[tuple[Doc, Any]] = []
    for doc in docs:
        article = Article(id=doc.id, source="audit", text=doc.text)
        analysis = analyze_doc(article, nlp(doc.text), settings)
        found.extend((doc, event) for event in analysis.events)
        if held_back:
            found.extend((doc, event) for event in analysis.held_back)
    return found


def key(doc_id: str, event: Any) -> tuple[Any, ...]:
    """What identifies one emitted event in a judgement file."""
    return (doc_id, event.start, event.end, event.type, event.actor, event.target, event.trigger)


def line_key(line: dict[str, Any]) -> tuple[Any, ...]:
    return (line["doc"], line["start"], line["end"], line["type"], line["actor"], line["target"], line["trigger"])


def sample(half: str, seed: int, n: int) -> list[tuple[Doc, Any]]:
    """``n`` events drawn at random from the events of DOCS_PER_SAMPLE seeded documents of ``half``."""
    rng = random.Random(seed)
    docs = load_docs(half)
    chosen = rng.sample(docs, min(DOCS_PER_SAMPLE, len(docs)))
    events = analyse(sorted(chosen, key=lambda d: d.id))
    return rng.sample(events, min(n, len(events)))


def audit(half: str, seed: int, n: int) -> None:
    """Print the sample, add unjudged events to the judgement file, report precision."""
    path = JUDGEMENTS / f"events-{half}-{seed}.jsonl"
    lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()] if path.exists() else []
    if lines:  # a judged sample stays what it was: re-print it from the documents
        verdicts = {line_key(x): x for x in lines}
    else:
        verdicts = {}
        for doc, event in sample(half, seed, n):
            lines.append(
                {"doc": doc.id, "start": event.start, "end": event.end, "type": event.type,
                 "status": event.status, "actor": event.actor, "target": event.target,
                 "trigger": event.trigger, "confidence": event.confidence, "verdict": "", "reason": ""}
            )  # fmt: skip
        JUDGEMENTS.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
        verdicts = {line_key(x): x for x in lines}
    texts = {d.id: d.text for d in load_docs(half)}  # the judge reads the sentences (check: once, at the end)
    for number, line in enumerate(lines, 1):
        sentence = texts.get(line["doc"], "")[line["start"] : line["end"]].replace("\n", " ")
        print(f"\n#{number} {line['doc']} [{line['start']}:{line['end']}] conf {line['confidence']}")
        if sentence:
            print(f"  {sentence}")
        print(f"  {line['type']} ({line['status']}) {line['actor']} -> {line['target']}  trigger={line['trigger']!r}")
        if line["verdict"]:
            print(f"  verdict: {line['verdict']} {line['reason']}")
    report(path.name, list(verdicts.values()))


def report(name: str, lines: list[dict[str, Any]]) -> None:
    """Precision of the judged lines and the count of each reason class of the wrong ones."""
    judged = [x for x in lines if x["verdict"]]
    good = sum(x["verdict"] == "acceptable" for x in judged)
    print(f"\n{name}: {len(judged)} of {len(lines)} judged", end="")
    if judged:
        print(f", precision {good}/{len(judged)} = {good / len(judged):.3f}")
        classes = Counter(x["reason"].split(":")[0] for x in judged if x["verdict"] == "wrong")
        for reason, count in classes.most_common():
            print(f"  {count:3d} {reason}")
    else:
        print()


def rescore(half: str, seed: int) -> None:
    """Which judged events the current code still emits (same document, span, type, actor, target, trigger).

    A development aid, not a fresh measurement: the kept events' precision is
    biased toward the rules written from this very sample.
    """
    path = JUDGEMENTS / f"events-{half}-{seed}.jsonl"
    lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    wanted = {x["doc"] for x in lines}
    emitted = {key(doc.id, event) for doc, event in analyse([d for d in load_docs(half) if d.id in wanted])}
    kept = [x for x in lines if line_key(x) in emitted]
    for verdict in ("acceptable", "wrong"):
        total = sum(x["verdict"] == verdict for x in lines)
        print(f"{verdict}: {sum(x['verdict'] == verdict for x in kept)} of {total} still emitted")
    report(f"{path.name} (still emitted)", kept)


def rate() -> None:
    """Events per 1,000 words on a fixed set of tuning documents (a recall proxy)."""
    docs = load_docs(TUNING)[:RATE_DOCS]
    words = sum(len(d.text.split()) for d in docs)
    everything = analyse(docs, held_back=True)
    events = [(d, e) for d, e in everything if e.held_back is None]
    per = 1000 * len(events) / words
    per_all = 1000 * len(everything) / words
    print(f"{len(events)} events in {len(docs)} tuning documents, {words} words: {per:.2f} per 1,000 words")
    print(f"with the held-back events (Analysis.held_back): {len(everything)}, {per_all:.2f} per 1,000 words")
    save_result("event_audit_rate", {"documents": len(docs), "words": words, "events": len(events),
                                     "per_1000_words": round(per, 3), "with_held_back": len(everything),
                                     "with_held_back_per_1000_words": round(per_all, 3)})  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=(TUNING, CHECK), default=TUNING)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-n", type=int, default=60)
    parser.add_argument("--rate", action="store_true", help="events per 1,000 words on fixed tuning documents")
    parser.add_argument("--rescore", action="store_true", help="which judged events the current code still emits")
    args = parser.parse_args()
    if args.rate:
        rate()
    elif args.rescore:
        rescore(args.half, args.seed)
    else:
        audit(args.half, args.seed, args.n)


if __name__ == "__main__":
    main()
