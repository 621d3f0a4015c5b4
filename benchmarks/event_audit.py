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

Conventions the judges have kept (write new ones here, so that samples stay
comparable): a meeting coded with its parties joined as the actor ("X and Y",
no target) is acceptable; a target must be a party, so a law, a plan, a
standard or a place that only locates something is wrong; an agreement made
between firms, or between a player and a club, is an acceptable AGREE, while a
commercial contract coded as SUPPORT is wrong; advice on what someone "needs
to" do is no DEMAND, an official's or a body's "must" addressed to a party is;
an ongoing or habitual act told as fact is acceptable; a status that turns a
claim, a plan or a wish into the outlet's assertion is wrong.

Halves (benchmarks/common.py): the document id is ``polnear/<file name>`` or
``extraction/<page id>``. Develop on ``--half tuning`` samples; draw a
``--half check`` sample only to measure at the end.

Run from the repository root::

    python -m benchmarks.event_audit --half tuning --seed 1 [-n 60]  # print, write pending lines
    python -m benchmarks.event_audit --rate                          # events per 1,000 words
    python -m benchmarks.event_audit --rescore --seed 1              # judged events still emitted
    python -m benchmarks.event_audit --rescore-all                   # the same over every sample of --half
    python -m benchmarks.event_audit --rescore-all --keep FILE       # ... and which judged events changed
    python -m benchmarks.event_audit --recall --seed 1               # hand-coded events: recall, F1
    python -m benchmarks.event_audit --recall --half check --seed 101 --coder b  # a second coder's file

Recall has no gold on these texts, so ``--recall`` takes RECALL_DOCS seeded
news documents of the half (those with a " said"), cut after about RECALL_WORDS
words at a sentence end, and prints them sentence by sentence with character
offsets, without storyline's events, for a person to code every event a careful
analyst would code there (PLOVER type, actor, target; only what the outlet
asserts, not a report of speech as such; a negated or hedged event is not
coded). The coded events go to ``events-recall-<half>-<seed>.jsonl``: one line
per document (``doc``, ``limit``: the characters read) and one per event
(``doc``, ``start``/``end`` of its sentence, ``type``, ``actor``, ``target``,
``note``; ``type`` may name two types a coder could choose, "REJECT|THREATEN";
``also`` lists the spans of later sentences that tell the same happening,
since storyline keeps one event per happening). Once the file exists the same command scores storyline's events on
the cut texts against it: precision, recall and F1 of (a) the emitted events
and (b) the emitted and held-back events, matched one to one on an overlapping
sentence span and the type, and again requiring the actor to match.

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
from pathlib import Path
from typing import Any

from benchmarks.common import CHECK, ROOT, TUNING, eval_dir, half_of, save_result

JUDGEMENTS = ROOT / "benchmarks" / "judgements"
DOCS_PER_SAMPLE = 40
RECALL_DOCS = 6  # documents hand-coded for the recall estimate
RECALL_WORDS = 500  # about this many words of each are read
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


def polnear_docs(half: str) -> list[Doc]:
    """The PolNeAR train and dev texts of one half (ids ``polnear/<file name>``); none when the data is absent."""
    docs: list[Doc] = []
    polnear = eval_dir("polnear")
    if polnear is not None:
        for folder in ("train", "dev"):
            for path in sorted((polnear / "data" / folder / "text").glob("*.txt")):
                doc_id = f"polnear/{path.stem}"
                if half_of(doc_id) == half:
                    docs.append(Doc(doc_id, path.read_text("utf-8")))
    return docs


def load_docs(half: str) -> list[Doc]:
    """The documents of one half, sorted by id: PolNeAR texts, then cleaned English pages."""
    docs = polnear_docs(half)
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


def sample(half: str, seed: int, n: int, *, held: bool = False) -> list[tuple[Doc, Any]]:
    """``n`` events drawn at random from the events of DOCS_PER_SAMPLE seeded documents of ``half``
    (with ``held``, from the events the trust gate held back instead)."""
    rng = random.Random(seed)
    docs = load_docs(half)
    chosen = rng.sample(docs, min(DOCS_PER_SAMPLE, len(docs)))
    events = analyse(sorted(chosen, key=lambda d: d.id), held_back=held)
    if held:
        events = [(d, e) for d, e in events if e.held_back is not None]
    return rng.sample(events, min(n, len(events)))


def audit(half: str, seed: int, n: int, *, held: bool = False) -> None:
    """Print the sample, add unjudged events to the judgement file, report precision.

    With ``held`` the sample is of held-back events (``events-heldback-<half>-<seed>.jsonl``),
    and the precision is reported per held-back reason: a reason that holds back
    mostly acceptable events costs recall for nothing."""
    path = JUDGEMENTS / f"events-{'heldback-' if held else ''}{half}-{seed}.jsonl"
    lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()] if path.exists() else []
    if lines:  # a judged sample stays what it was: re-print it from the documents
        verdicts = {line_key(x): x for x in lines}
    else:
        verdicts = {}
        for doc, event in sample(half, seed, n, held=held):
            lines.append(
                {"doc": doc.id, "start": event.start, "end": event.end, "type": event.type,
                 "status": event.status, "actor": event.actor, "target": event.target,
                 "trigger": event.trigger, "confidence": event.confidence, "verdict": "", "reason": "",
                 **({"held_back": event.held_back} if held else {})}
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
        if line.get("held_back"):
            print(f"  held back: {line['held_back']}")
    report(path.name, list(verdicts.values()))
    if held:
        by_reason: dict[str, list[bool]] = {}
        for x in lines:
            if x["verdict"]:
                by_reason.setdefault(x["held_back"], []).append(x["verdict"] == "acceptable")
        for reason, verdicts_ in sorted(by_reason.items(), key=lambda r: -len(r[1])):
            print(f"  {sum(verdicts_):2d}/{len(verdicts_):2d} acceptable  {reason}")


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


def rescore_all(half: str, keep: Path | None = None) -> None:
    """Every judged event of the half's sample files that the current code still emits, counted once
    per event (a sample may repeat an event another sample judged). A development aid like
    ``rescore``: run it before and after a rule to see which judged events the rule drops. With
    ``keep``, the emitted judged events are written there, and the ones that changed since the
    last run that wrote it are printed first."""
    judged: dict[tuple[Any, ...], str] = {}
    for path in sorted(JUDGEMENTS.glob(f"events-{half}-*.jsonl")):
        if not path.stem.removeprefix(f"events-{half}-").isdigit():
            continue  # recall, held-back and before/after files judge other things
        for line in (json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()):
            if line.get("verdict") in {"acceptable", "wrong"}:
                judged.setdefault(line_key(line), line["verdict"])
    wanted = {k[0] for k in judged}
    emitted = {key(doc.id, event) for doc, event in analyse([d for d in load_docs(half) if d.id in wanted])}
    if keep is not None:
        _changes(keep, {k: v for k, v in judged.items() if k in emitted})
    for verdict in ("acceptable", "wrong"):
        total = sum(v == verdict for v in judged.values())
        kept = sum(v == verdict for k, v in judged.items() if k in emitted)
        print(f"{verdict}: {kept} of {total} distinct judged events still emitted")


def _changes(path: Path, kept: dict[tuple[Any, ...], str]) -> None:
    """Print the judged events emitted now and not at the last run that wrote ``path`` (+), and the
    other way round (-); then write this run's."""
    rows = {tuple(k): v for k, v in json.loads(path.read_text("utf-8"))} if path.exists() else None
    if rows is not None:
        for sign, keys in (("-", rows.keys() - kept.keys()), ("+", kept.keys() - rows.keys())):
            for k in sorted(keys, key=str):
                print(sign, (rows if sign == "-" else kept)[k], k[0], k[1], k[3], k[4], "->", k[5], repr(k[6]))
    path.write_text(json.dumps(sorted(([list(k), v] for k, v in kept.items()), key=str)), "utf-8")


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


def recall_docs(half: str, seed: int) -> list[Doc]:
    """RECALL_DOCS seeded news documents of ``half``, each cut after RECALL_WORDS words at a sentence end."""
    rng = random.Random(seed)
    docs = [d for d in load_docs(half) if " said" in d.text]
    chosen = sorted(rng.sample(docs, min(RECALL_DOCS, len(docs))), key=lambda d: d.id)
    cut: list[Doc] = []
    for doc in chosen:
        words = list(re.finditer(r"\S+", doc.text))
        if len(words) <= RECALL_WORDS:
            cut.append(doc)
            continue
        at = words[RECALL_WORDS].start()
        end = re.search(r"[.!?][\"'”’)]*\s", doc.text[at:])
        cut.append(Doc(doc.id, doc.text[: at + end.end() if end else len(doc.text)].rstrip()))
    return cut


def _norm(name: str | None) -> set[str]:
    """The content words of an actor or target name, for a loose match ("Donald Trump" ~ "Trump")."""
    drop = {"the", "of", "and", "a", "an", "'s", "its", "his", "her", "their"}
    return {w for w in re.findall(r"[a-z0-9]+", (name or "").lower()) if w not in drop and len(w) > 1}


def _same_party(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return bool(_norm(a) & _norm(b))


def _match(gold: list[dict[str, Any]], found: list[Any], *, actor: bool) -> int:
    """How many coded events storyline found, one to one: same document, overlapping span, same type
    (and with ``actor``, a matching actor)."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, (doc_id, e) in enumerate(found):
            if i in used or doc_id != g["doc"] or e.type not in g["type"].split("|"):
                continue
            spans = [(g["start"], g["end"]), *map(tuple, g.get("also", []))]
            if all(e.end <= start or e.start >= end for start, end in spans):
                continue
            if actor and not _same_party(e.actor, g["actor"]):
                continue
            used.add(i)
            hits += 1
            break
    return hits


def recall(half: str, seed: int, coder: str | None = None) -> None:
    """Print the cut documents to code by hand; once coded, score storyline's events against them.

    ``coder`` names a second, independent coding of the same documents
    (``events-recall-<half>-<seed>-<coder>.jsonl``): two coders' figures side by
    side show how much of a recall figure is the coder's.
    """
    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    path = JUDGEMENTS / f"events-recall-{half}-{seed}{'-' + coder if coder else ''}.jsonl"
    docs = recall_docs(half, seed)
    lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()] if path.exists() else []
    if not lines:
        nlp = load_nlp(Settings().model)
        for doc in docs:
            print(f"\n===== {doc.id} (limit {len(doc.text)})")
            for sent in nlp(doc.text).sents:
                print(f"[{sent.start_char}:{sent.end_char}] {sent.text.strip()}")
        return
    gold = [x for x in lines if "type" in x]
    found = [(d.id, e) for d, e in analyse(docs, held_back=True)]
    figures: dict[str, Any] = {"documents": len(docs), "coded": len(gold)}
    for name, events in (("emitted", [x for x in found if x[1].held_back is None]), ("with_held_back", found)):
        for strict in (False, True):
            hits = _match(gold, events, actor=strict)
            p, r = hits / max(1, len(events)), hits / max(1, len(gold))
            f = 2 * p * r / (p + r) if p + r else 0.0
            label = f"{name}{'_actor' if strict else ''}"
            print(f"{label:24s} found {len(events):3d}  matched {hits:3d}/{len(gold)}  P {p:.3f} R {r:.3f} F1 {f:.3f}")
            figures[label] = {"found": len(events), "matched": hits, "p": round(p, 3), "r": round(r, 3),
                              "f1": round(f, 3)}  # fmt: skip
    save_result(f"event_audit_recall_{half}_{seed}{'_' + coder if coder else ''}", figures)
    texts = {d.id: d.text for d in docs}
    for doc_id, e in sorted(found, key=lambda x: (x[0], x[1].start)):
        sentence = texts[doc_id][e.start : e.end].replace("\n", " ")
        hit = _match([g for g in gold if g["doc"] == doc_id], [(doc_id, e)], actor=False)
        print(f"{'+' if hit else '-'} {doc_id[:40]} [{e.start}:{e.end}] {e.type} ({e.status}) {e.actor} -> {e.target}"
              f" trigger={e.trigger!r} held={e.held_back}\n      {sentence[:160]}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=(TUNING, CHECK), default=TUNING)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-n", type=int, default=60)
    parser.add_argument("--rate", action="store_true", help="events per 1,000 words on fixed tuning documents")
    parser.add_argument("--held", action="store_true", help="judge a sample of the held-back events")
    parser.add_argument("--recall", action="store_true", help="hand-coded documents: recall, precision, F1")
    parser.add_argument("--coder", help="with --recall: a second coder's file (events-recall-HALF-SEED-CODER.jsonl)")
    parser.add_argument("--rescore", action="store_true", help="which judged events the current code still emits")
    parser.add_argument("--rescore-all", action="store_true", help="--rescore over every sample file of the half")
    parser.add_argument("--keep", type=Path, help="with --rescore-all: file of the last run's kept events, to diff")
    args = parser.parse_args()
    if args.rate:
        rate()
    elif args.rescore_all:
        rescore_all(args.half, args.keep)
    elif args.rescore:
        rescore(args.half, args.seed)
    elif args.recall:
        recall(args.half, args.seed, args.coder)
    else:
        audit(args.half, args.seed, args.n, held=args.held)


if __name__ == "__main__":
    main()
