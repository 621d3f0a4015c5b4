"""Hand-judged entity types on real articles that have no entity gold.

CoNLL-2003 (benchmarks/ner.py) is 1990s newswire tagged by its own conventions;
what matters in storyline is whether the entities it emits on today's news are
the right kind of thing. This audit draws a seeded random sample of the
entities storyline finds in the English pages of the article-extraction
benchmark (cleaned by storyline), prints each with the sentence of its first
mention for the judge, and keeps one judgement per entity in
``benchmarks/judgements/entities-<half>-<seed>.jsonl``: the page id, the
entity's name and type, a verdict and a short reason; never the sentence.

Verdicts: ``right`` (a whole name of the stated type: PERSON a person, GPE/LOC/FAC
a place, ORG an organisation, NORP a nationality or group, EVENT/PRODUCT/... as
OntoNotes uses them), ``type`` (a real name, wrong type), ``fragment`` (not a
name as it stands: cut, glued to another word or sentence, or a common word).

Sources: ``--source extraction`` (the default: mostly technology, sport and
product news) or ``--source polnear`` (the PolNeAR political news texts, train
and dev folders, where countries, ministries, parties and armed groups are
common); a polnear judgement file is ``entities-polnear-<half>-<seed>.jsonl``.

Halves (benchmarks/common.py): the document id is ``extraction/<page id>`` or
``polnear/<file name>``, as in benchmarks/event_audit.py. Develop on tuning
samples; a check sample is judged only once the rules are final.

Run from the repository root::

    python -m benchmarks.entity_audit --half tuning --seed 1 [-n 80]   # print, write pending lines
    python -m benchmarks.entity_audit --half tuning --seed 1 --rescore # judged entities still emitted
    python -m benchmarks.entity_audit --source polnear --half tuning --seed 1

Judge by editing the verdict/reason fields, then run the first command again.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.common import CHECK, ROOT, TUNING
from benchmarks.event_audit import Doc, load_docs, polnear_docs

JUDGEMENTS = ROOT / "benchmarks" / "judgements"
DOCS_PER_SAMPLE = 40
EXTRACTION = "extraction"
POLNEAR = "polnear"


def pages(half: str, source: str = EXTRACTION) -> list[Doc]:
    """The documents of one half from one source, sorted by id.

    ``extraction``: the English extraction pages, cleaned by storyline.
    ``polnear``: the PolNeAR texts of the train and dev folders, read as they are
    (the same documents benchmarks/event_audit.py reads, without cleaning the
    HTML pages it does not need).
    """
    if source == EXTRACTION:
        return [d for d in load_docs(half) if d.id.startswith("extraction/")]
    return sorted(polnear_docs(half), key=lambda d: d.id)


def analyse(docs: list[Doc]) -> list[tuple[Doc, Any]]:
    """(document, Entity) for every entity storyline finds in each document."""
    from storyline.analyze.entities.entities import find_entities
    from storyline.analyze.nlp import load_nlp
    from storyline.analyze.registry import Found
    from storyline.model import Article
    from storyline.settings import Settings

    settings = Settings()
    nlp = load_nlp(settings.model)
    found: list[tuple[Doc, Any]] = []
    for doc in docs:
        article = Article(id=doc.id, source="audit", text=doc.text)
        found.extend((doc, e) for e in find_entities(nlp(doc.text), found=Found(article), settings=settings))
    return found


def sample(half: str, seed: int, n: int, source: str = EXTRACTION) -> list[tuple[Doc, Any]]:
    """``n`` entities drawn at random from the entities of DOCS_PER_SAMPLE seeded documents of ``half``."""
    rng = random.Random(seed)
    docs = pages(half, source)
    chosen = rng.sample(docs, min(DOCS_PER_SAMPLE, len(docs)))
    entities = analyse(sorted(chosen, key=lambda d: d.id))
    return rng.sample(entities, min(n, len(entities)))


def judgement_file(half: str, seed: int, tag: str = "", source: str = EXTRACTION) -> Path:
    """``entities-[polnear-]<half>-<seed>[-<tag>].jsonl`` ("before": drawn from the code before a change)."""
    prefix = "" if source == EXTRACTION else f"{source}-"
    return JUDGEMENTS / f"entities-{prefix}{half}-{seed}{'-' + tag if tag else ''}.jsonl"


def audit(half: str, seed: int, n: int, tag: str = "", source: str = EXTRACTION) -> None:
    """Print the sample, write unjudged lines the first time, report the share judged right."""
    path = judgement_file(half, seed, tag, source)
    if path.exists():
        lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    else:
        lines = [{"doc": doc.id, "name": e.name, "type": e.type, "verdict": "", "reason": ""}
                 for doc, e in sample(half, seed, n, source)]  # fmt: skip
        JUDGEMENTS.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    texts = {d.id: d.text for d in pages(half, source)}
    for number, line in enumerate(lines, 1):
        text = texts.get(line["doc"], "")
        context = first_context(text, line["name"])
        print(f"\n#{number} {line['doc']}  {line['name']!r} {line['type']}  {line['verdict']} {line['reason']}")
        print(f"   ...{context}...")
    report(path.name, lines)


def first_context(text: str, name: str, width: int = 100) -> str:
    """``width`` characters either side of the first whole-word mention of ``name`` (any mention if none)."""
    hit = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    at = hit.start() if hit else text.find(name)
    return text[max(0, at - width) : at + len(name) + width].replace("\n", " ") if at >= 0 else ""


def report(name: str, lines: list[dict[str, Any]]) -> None:
    """The share of judged entities that are right, and the count of each wrong verdict."""
    judged = [x for x in lines if x["verdict"]]
    good = sum(x["verdict"] == "right" for x in judged)
    print(f"\n{name}: {len(judged)} of {len(lines)} judged", end="")
    if judged:
        print(f", right {good}/{len(judged)} = {good / len(judged):.3f}")
        for verdict, count in Counter(x["verdict"] for x in judged if x["verdict"] != "right").most_common():
            print(f"  {count:3d} {verdict}")
    else:
        print()


def rescore(half: str, seed: int, tag: str = "", source: str = EXTRACTION) -> None:
    """Which judged entities the current code still emits with the same name and type.

    A development aid: it shows which wrong ones a rule removed and whether a
    right one was lost, not a fresh precision.
    """
    path = judgement_file(half, seed, tag, source)
    lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    wanted = {x["doc"] for x in lines}
    emitted = {(d.id, e.name, e.type) for d, e in analyse([d for d in pages(half, source) if d.id in wanted])}
    for verdict in ("right", "type", "fragment"):
        group = [x for x in lines if x["verdict"] == verdict]
        kept = [x for x in group if (x["doc"], x["name"], x["type"]) in emitted]
        print(f"{verdict}: {len(kept)} of {len(group)} still emitted as judged")
        for x in group:
            if (x["doc"], x["name"], x["type"]) not in emitted:
                now = sorted((n, t) for d, n, t in emitted if d == x["doc"] and (n in x["name"] or x["name"] in n))
                print(f"   gone: {x['name']!r} {x['type']} -> {now[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=(TUNING, CHECK), default=TUNING)
    parser.add_argument("--source", choices=(EXTRACTION, POLNEAR), default=EXTRACTION, help="which documents")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-n", type=int, default=80)
    parser.add_argument("--tag", default="", help='judgement file suffix, e.g. "before"')
    parser.add_argument("--rescore", action="store_true", help="which judged entities the current code still emits")
    args = parser.parse_args()
    if args.rescore:
        rescore(args.half, args.seed, args.tag, args.source)
    else:
        audit(args.half, args.seed, args.n, args.tag, args.source)


if __name__ == "__main__":
    main()
