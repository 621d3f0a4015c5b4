"""Named-entity recognition on CoNLL-2003 English (eng.testa), entity-level P/R/F1.

Compares, in one run, the bare spaCy pipelines (sm and md) with storyline's
``entities`` component running on each: that shows what our rules add or cost,
and which model should be the default. Whole documents (the sentences between
``-DOCSTART-`` lines, joined) go to spaCy, as articles do in storyline; the
predicted character spans are mapped back to the gold tokens.

spaCy's OntoNotes labels map onto CoNLL's four types: PERSON -> PER, ORG -> ORG,
GPE/LOC/FAC -> LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE -> MISC; the
rest (dates, numbers) is dropped. A prediction counts when its type and its
exact token boundaries match a gold entity.

Run from the repository root: ``python -m benchmarks.ner``
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import eval_dir, print_table, save_result

LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")
MODELS = ("en_core_web_sm", "en_core_web_md")

# (document, first token, end token, type); token indices count within a document.
Mention = tuple[int, int, int, str]


@dataclass
class Document:
    """One CoNLL document: its sentences as (word, IOB1 tag) pairs."""

    sentences: list[list[tuple[str, str]]] = field(default_factory=list)

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int]]]:
        """Words joined by spaces, sentences by newlines; each token's (start, end)."""
        parts: list[str] = []
        offsets: list[tuple[int, int]] = []
        pos = 0
        for sentence in self.sentences:
            for n, (word, _) in enumerate(sentence):
                sep = "" if n == 0 else " "
                offsets.append((pos + len(sep), pos + len(sep) + len(word)))
                parts.append(sep + word)
                pos += len(sep) + len(word)
            parts.append("\n")
            pos += 1
        return "".join(parts), offsets

    def gold(self, doc_index: int) -> Iterator[Mention]:
        """The gold entities, sentence by sentence (an entity never spans two)."""
        offset = 0
        for sentence in self.sentences:
            for _, start, end, kind in gold_mentions(doc_index, [tag for _, tag in sentence]):
                yield (doc_index, start + offset, end + offset, kind)
            offset += len(sentence)


def read_conll(path: Path) -> list[Document]:
    """Documents of a 4-column CoNLL file (word, POS, chunk, NER tag)."""
    docs = [Document()]
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        cols = line.split()
        if cols and cols[0] == "-DOCSTART-":
            docs.append(Document())
        elif cols:
            sentence.append((cols[0], cols[-1]))
        elif sentence:
            docs[-1].sentences.append(sentence)
            sentence = []
    return [d for d in docs if d.sentences]


def gold_mentions(doc_index: int, tags: list[str]) -> Iterator[Mention]:
    """Entities of an IOB1 tag sequence: I-X continues X, B-X starts a new X."""
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if kind and (prefix != "I" or label != kind):
            yield (doc_index, start, i, kind)
            kind = ""
        if prefix in {"I", "B"} and not kind:
            start, kind = i, label


def to_tokens(doc_index: int, spans: Iterable[tuple[int, int, str]], offsets: list[tuple[int, int]]) -> set[Mention]:
    """Map predicted character spans with spaCy labels to gold-token mentions."""
    starts = [s for s, _ in offsets]
    ends = [e for _, e in offsets]
    found: set[Mention] = set()
    for start, end, label in spans:
        if label not in LABEL_MAP:
            continue
        first = bisect.bisect_right(ends, start)
        last = bisect.bisect_left(starts, end)
        if first < last:
            found.add((doc_index, first, last, LABEL_MAP[label]))
    return found


def score(gold: set[Mention], pred: set[Mention]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per type and overall ("ALL")."""
    result = {}
    for kind in (*TYPES, "ALL"):
        g = {m for m in gold if kind in {"ALL", m[3]}}
        p = {m for m in pred if kind in {"ALL", m[3]}}
        hit = len(g & p)
        prec = hit / len(p) if p else 0.0
        rec = hit / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        result[kind] = {"p": prec, "r": rec, "f1": f1, "gold": len(g), "pred": len(p)}
    return result


def storyline_spans(doc: Any, doc_index: int) -> list[tuple[int, int, str]]:
    """Mentions of the entities storyline's ``entities`` component finds in ``doc``."""
    from storyline.analyze.entities import find_entities
    from storyline.model import Article
    from storyline.pipeline import Found
    from storyline.settings import Settings

    article = Article(id=f"conll-{doc_index}", source="conll2003", text=doc.text)
    entities = find_entities(doc, found=Found(article), settings=Settings())
    return [(s, e, entity.type) for entity in entities for s, e in entity.mentions]


def run_model(name: str, docs: list[Document]) -> dict[str, tuple[set[Mention], float]]:
    """Bare and storyline predictions of one model, with the seconds each took."""
    from storyline.analyze.nlp import load_nlp

    nlp = load_nlp(name)
    texts = [d.text_and_offsets() for d in docs]
    list(nlp.pipe(t for t, _ in texts[:5]))  # warm-up: first calls allocate
    began = time.perf_counter()
    parsed = list(nlp.pipe((t for t, _ in texts), batch_size=16))
    parse_s = time.perf_counter() - began
    bare: set[Mention] = set()
    ours: set[Mention] = set()
    rules_s = 0.0
    for i, (doc, (_, offsets)) in enumerate(zip(parsed, texts, strict=True)):
        bare |= to_tokens(i, ((e.start_char, e.end_char, e.label_) for e in doc.ents), offsets)
        began = time.perf_counter()
        spans = storyline_spans(doc, i)
        rules_s += time.perf_counter() - began
        ours |= to_tokens(i, spans, offsets)
    return {f"spaCy {name}": (bare, parse_s), f"storyline {name}": (ours, parse_s + rules_s)}


def main() -> None:
    folder = eval_dir("conll2003")
    if folder is None:
        return
    docs = read_conll(folder / "eng.testa")
    n_sents = sum(len(d.sentences) for d in docs)
    gold = {m for i, d in enumerate(docs) for m in d.gold(i)}
    results: dict[str, Any] = {}
    for name in MODELS:
        for system, (pred, seconds) in run_model(name, docs).items():
            results[system] = {"scores": score(gold, pred), "sents_per_s": n_sents / seconds}
    header = ["system", *[f"{t} F1" for t in TYPES], "P", "R", "F1", "sents/s"]
    rows = [_row(system, r) for system, r in results.items()]
    print_table(f"CoNLL-2003 eng.testa: {len(docs)} docs, {n_sents} sentences, {len(gold)} entities", header, rows)
    save_result("ner", {"data": "conll2003/eng.testa", "sentences": n_sents, "entities": len(gold), **results})


def _row(system: str, result: dict[str, Any]) -> list[Any]:
    scores = result["scores"]
    overall = scores["ALL"]
    return [system, *[scores[t]["f1"] for t in TYPES], overall["p"], overall["r"], overall["f1"], result["sents_per_s"]]


if __name__ == "__main__":
    main()
