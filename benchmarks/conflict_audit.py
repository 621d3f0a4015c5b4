"""Hand-judged conflicts and corroborations of the compare stage on real multi-outlet coverage.

Data: ../shared/eval/ecbplus (ecbplus_docs_with_story_labels.jsonl): news
documents from many outlets, grouped into 64 stories (one happening each:
a shooting, an earthquake, an arrest, ...). Each document's leading URL line
is dropped, as in benchmarks/stories.py.

What runs: the documents of one half are ingested with the real pipeline
(``storyline ingest``: cleaning, analysis, near-duplicates, the entity
knowledge base and story linking) into a temporary SQLite file. The compare
stage then runs once per GOLD story (the story label groups the documents,
whatever the linker did), with the store's origins and knowledge-base keys,
exactly as ``storyline brief`` calls it. Grouping by the gold label measures
compare alone; story linking has its own benchmark.

What is kept: a seeded random sample of the conflicts and of the corroborated
facts, one line each, in ``benchmarks/judgements/conflicts-<half>-<seed>.jsonl``:
story id, subject (a quote is kept as "a quote"), attribute, kind, and the
values with their article ids, gold document ids and character spans (no
document text: the ids and spans find it again), and a ``verdict`` to fill in
by hand:

- a conflict: ``real`` (the outlets really disagree), ``compatible`` (a false
  alarm: the values agree, "senior adviser" / "presidential aide", "at least 12"
  / "30", a city inside the country), ``wrong-extraction`` (a value was misread);
- a corroboration: ``right`` or ``wrong``.

Recall (``--recall``): for a few tuning stories, print the documents so the
real disagreements between outlets can be listed by hand in
``benchmarks/judgements/conflicts-recall-tuning.jsonl`` (one line per
disagreement: story, ``about``, ``match`` (words one of which the conflict's
subject or attribute must contain) and ``sides`` (each a value and the gold
documents that give it)); a disagreement is found when one conflict of the
story matches and has values from documents of two different sides.

Halves (benchmarks/common.py ``half_of``) by the story id, so a story's
documents are all in one half. Develop on ``--half tuning``; draw a ``--half
check`` sample once, at the end, and change no code after reading it.

Run from the repository root::

    python -m benchmarks.conflict_audit --half tuning --seed 1 [--db FILE]   # sample, print, precision
    python -m benchmarks.conflict_audit --rescore --seed 1 [--db FILE]       # judged lines still emitted
    python -m benchmarks.conflict_audit --recall [--print 10_ecb ...] [--db FILE]

``--db`` keeps the analysed half in FILE (reused when present; one file per half).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from benchmarks.common import CHECK, ROOT, TUNING, eval_dir, half_of, save_result

JUDGEMENTS = ROOT / "benchmarks" / "judgements"
RECALL = JUDGEMENTS / "conflicts-recall-tuning.jsonl"
CONFLICT_VERDICTS = ("real", "compatible", "wrong-extraction")
CORROBORATION_VERDICTS = ("right", "wrong")


def load_docs(half: str) -> list[dict[str, Any]]:
    """The documents of one half (by story id): gold doc id, story id, text without its URL line."""
    folder = eval_dir("ecbplus")
    if folder is None:
        return []
    docs = []
    for line in (folder / "ecbplus_docs_with_story_labels.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        if half_of(record["story_id"]) != half:
            continue
        lines = record["text"].split("\n")
        if lines and lines[0].startswith("http"):
            lines = lines[1:]
        docs.append({"doc": record["doc"], "story": record["story_id"], "text": "\n".join(lines)})
    return docs


class Corpus:
    """One half ingested into a store, with each gold story's articles."""

    def __init__(self, half: str, db: Path | None) -> None:
        from storyline.ingest import ingest
        from storyline.settings import Settings
        from storyline.store import Store

        self.docs = load_docs(half)
        self._tmp = tempfile.TemporaryDirectory()
        self.db = db or Path(self._tmp.name) / f"conflicts-{half}.db"
        fresh = not self.db.exists()
        self.store = Store(self.db)
        if fresh:
            feed = self.db.with_suffix(".texts.jsonl")
            feed.write_text("".join(json.dumps({"text": d["text"]}) + "\n" for d in self.docs), "utf-8")
            report = ingest([feed], self.store, Settings())
            if report.failures:
                print(f"{report.failed} texts failed to ingest")
        rows = self.store.conn.execute("SELECT id, source FROM articles").fetchall()
        self.article_of = {int(source.rsplit(":", 1)[1]) - 1: article_id for article_id, source in rows}
        self.doc_of = {a: self.docs[i]["doc"] for i, a in self.article_of.items()}
        self.stories: dict[str, list[str]] = defaultdict(list)
        for i, doc in enumerate(self.docs):
            if i in self.article_of:
                self.stories[doc["story"]].append(self.article_of[i])
        self.texts: dict[str, str] = {}  # article id -> the stored (cleaned) text the spans index

    def compare(self, story: str) -> Any:
        """compare_story on the gold story's articles, with the store's origins and entity keys (as the brief)."""
        from storyline.compare import compare_story

        articles = self.stories[story]
        analyses = [self.store.analysis(a) for a in articles]
        self.texts.update({a.article.id: a.article.text for a in analyses})
        keys = {(a, local): kb for a in articles for local, kb in self.store.kb_ids(a).items()}
        return compare_story(analyses, origins=self.store.origins(articles), entity_keys=keys)

    def linked_split(self) -> Counter[int]:
        """How many linker stories each gold story's articles fall into (1 = kept together)."""
        return Counter(len({self.store.story_of(a) for a in arts}) for arts in self.stories.values())


def _subject(subject: str, attribute: str) -> str:
    """The subject as kept in a judgement file: a quote's words are document text, so a quote is "a quote"."""
    return "a quote" if attribute == "said by" else subject


def conflict_line(story: str, conflict: Any, doc_of: dict[str, str]) -> dict[str, Any]:
    """A judgement line for a conflict: ids and spans, no document text (the spans find the values again)."""
    values = [
        {"article": v.source.article, "doc": doc_of.get(v.source.article), "span": [v.source.start, v.source.end],
         "attributed": bool(v.source.according_to)}
        for v in conflict.values
    ]  # fmt: skip
    return {"type": "conflict", "story": story, "subject": _subject(conflict.subject, conflict.attribute),
            "attribute": conflict.attribute, "kind": conflict.kind, "values": values, "verdict": "",
            "reason": ""}  # fmt: skip


def corroboration_line(story: str, fact: Any, doc_of: dict[str, str]) -> dict[str, Any]:
    """A judgement line for a corroborated fact: ids and spans of its sources, no document text."""
    sources = [
        {"article": s.article, "doc": doc_of.get(s.article), "span": [s.start, s.end],
         "attributed": bool(s.according_to)}
        for s in fact.sources
    ]  # fmt: skip
    return {"type": "corroboration", "story": story, "kind": fact.kind,
            "subject": _subject(fact.subject, fact.attribute), "attribute": fact.attribute,
            "origins": fact.origins, "sources": sources, "verdict": "", "reason": ""}  # fmt: skip


def line_key(line: dict[str, Any]) -> tuple[Any, ...]:
    """What identifies a judged line across runs: story, subject, attribute and the cited spans."""
    cited = line["values"] if line["type"] == "conflict" else line["sources"]
    spans = frozenset((c["article"], tuple(c["span"])) for c in cited)
    return (line["type"], line["story"], line["subject"], line["attribute"], spans)


def everything(corpus: Corpus) -> list[dict[str, Any]]:
    """Every conflict and corroboration of every gold story of the corpus, as unjudged lines."""
    lines = []
    for story in sorted(corpus.stories):
        comparison = corpus.compare(story)
        lines += [conflict_line(story, c, corpus.doc_of) for c in comparison.conflicts]
        lines += [corroboration_line(story, f, corpus.doc_of) for f in comparison.corroborated]
    return lines


def _sentence(text: str, start: int, end: int) -> str:
    from storyline.compare.context import sentence_bounds

    left, right = sentence_bounds(text, start, end)
    return " ".join(text[left:right].split())


def show(number: int, line: dict[str, Any], texts: dict[str, str]) -> None:
    """Print one line with the values and sentences its spans point at, for the judge."""
    if line["type"] == "conflict":
        print(f"\n#{number} CONFLICT {line['story']} | {line['subject']} | {line['attribute']} | {line['kind']}")
        cited = line["values"]
    else:
        head = f"{line['story']} | {line['kind']} | {line['subject']} | origins {line['origins']}"
        print(f"\n#{number} CORROBORATED {head}")
        cited = line["sources"]
    for v in cited:
        text = texts.get(v["article"], "")
        via = " (attributed)" if v.get("attributed") else ""
        value = " ".join(text[v["span"][0] : v["span"][1]].split())[:120]
        print(f"   [{value}]{via} {v['doc']}: {_sentence(text, *v['span'])}")
    if line["verdict"]:
        print(f"   verdict: {line['verdict']} {line['reason']}")


def audit(half: str, seed: int, n_conflicts: int, n_facts: int, db: Path | None) -> None:
    """Draw (or re-read) the sample, print it, report precision of what is judged."""
    path = JUDGEMENTS / f"conflicts-{half}-{seed}.jsonl"
    corpus = Corpus(half, db)
    if path.exists():
        lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
        _load_texts(corpus, lines)
    else:
        found = everything(corpus)
        rng = random.Random(seed)
        conflicts = [x for x in found if x["type"] == "conflict"]
        facts = [x for x in found if x["type"] == "corroboration"]
        print(f"{len(conflicts)} conflicts and {len(facts)} corroborated facts in {len(corpus.stories)} stories")
        lines = rng.sample(conflicts, min(n_conflicts, len(conflicts))) + rng.sample(facts, min(n_facts, len(facts)))
        JUDGEMENTS.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
        save_result(f"conflict_audit_{half}_{seed}", {"stories": len(corpus.stories), "conflicts": len(conflicts),
                                                      "corroborated": len(facts)})  # fmt: skip
    for number, line in enumerate(lines, 1):
        show(number, line, corpus.texts)
    report(path.name, lines)


def _load_texts(corpus: Corpus, lines: list[dict[str, Any]]) -> None:
    for line in lines:
        for cited in line.get("values", []) + line.get("sources", []):
            if cited["article"] not in corpus.texts:
                corpus.texts[cited["article"]] = corpus.store.analysis(cited["article"]).article.text


def report(name: str, lines: list[dict[str, Any]]) -> None:
    """Precision of the judged conflicts and corroborations, with the count of each verdict and reason."""
    for kind, good in (("conflict", "real"), ("corroboration", "right")):
        mine = [x for x in lines if x["type"] == kind]
        judged = [x for x in mine if x["verdict"]]
        print(f"\n{name}: {kind}s {len(judged)} of {len(mine)} judged", end="")
        if not judged:
            print()
            continue
        right = sum(x["verdict"] == good for x in judged)
        print(f", precision {right}/{len(judged)} = {right / len(judged):.3f}")
        for verdict, count in Counter(x["verdict"] for x in judged).most_common():
            print(f"  {count:3d} {verdict}")
        reasons = Counter(x["reason"].split(":")[0] for x in judged if x["verdict"] != good and x["reason"])
        for reason, count in reasons.most_common():
            print(f"      {count:3d} {reason}")


def rescore(half: str, seed: int, db: Path | None) -> None:
    """Which judged lines the current code still emits (a development aid, biased toward its own sample)."""
    path = JUDGEMENTS / f"conflicts-{half}-{seed}.jsonl"
    lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    corpus = Corpus(half, db)
    emitted = set()
    for story in sorted({x["story"] for x in lines}):
        comparison = corpus.compare(story)
        emitted |= {line_key(conflict_line(story, c, corpus.doc_of)) for c in comparison.conflicts}
        emitted |= {line_key(corroboration_line(story, f, corpus.doc_of)) for f in comparison.corroborated}
    kept = [x for x in lines if line_key(x) in emitted]
    for verdict in (*CONFLICT_VERDICTS, *CORROBORATION_VERDICTS):
        total = sum(x["verdict"] == verdict for x in lines)
        if total:
            print(f"{verdict}: {sum(x['verdict'] == verdict for x in kept)} of {total} still emitted")
    report(f"{path.name} (still emitted)", kept)


def recall(db: Path | None, shown: list[str]) -> None:
    """Print the documents of ``shown`` tuning stories, or score the hand-listed disagreements."""
    corpus = Corpus(TUNING, db)
    for story in shown:
        if story not in corpus.stories:
            raise SystemExit(f"{story} is not a tuning story")
        for article in corpus.stories[story]:
            text = corpus.store.analysis(article).article.text
            print(f"\n===== {story} {corpus.doc_of[article]} ({article})\n{text}")
    if shown:
        return
    gold = [json.loads(x) for x in RECALL.read_text("utf-8").splitlines() if x.strip()]
    found = 0
    for story in sorted({g["story"] for g in gold}):
        conflicts = corpus.compare(story).conflicts
        for item in (g for g in gold if g["story"] == story):
            side_of = {doc: n for n, side in enumerate(item["sides"]) for doc in side["docs"]}
            hit = any(
                any(m in f"{c.subject} {c.attribute}".lower() for m in item["match"])
                and len({side_of[d] for v in c.values if (d := corpus.doc_of.get(v.source.article)) in side_of}) > 1
                for c in conflicts
            )
            found += hit
            print(f"{'found ' if hit else 'MISSED'} {story} {item['about']}")
        print(f"  {story}: {len(conflicts)} conflicts in the brief")
    print(f"\nrecall {found}/{len(gold)} = {found / len(gold):.3f} ({RECALL.name})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=(TUNING, CHECK), default=TUNING)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--conflicts", type=int, default=40, help="conflicts in a new sample")
    parser.add_argument("--facts", type=int, default=30, help="corroborated facts in a new sample")
    parser.add_argument("--db", type=Path, help="keep the analysed half in this file (reused when present)")
    parser.add_argument("--rescore", action="store_true", help="which judged lines the current code still emits")
    parser.add_argument("--recall", action="store_true", help="score the hand-listed disagreements (tuning)")
    parser.add_argument("--print", nargs="*", default=[], metavar="STORY", help="with --recall: print these stories")
    args = parser.parse_args()
    if args.recall:
        recall(args.db, args.print)
    elif args.rescore:
        rescore(args.half, args.seed, args.db)
    else:
        audit(args.half, args.seed, args.conflicts, args.facts, args.db)


if __name__ == "__main__":
    main()
