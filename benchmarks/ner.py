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

A second table checks people on real news: the Gender Gap Tracker's 98
Canadian articles (ggt-quotes) list the people each one names. Each PERSON
entity counts once; it matches a gold person when the names are equal or one is
the other's surname form, one to one. Bare spaCy counts each distinct PERSON
string, so the table shows what merging mentions into entities does.

Halves (benchmarks/common.py): on CoNLL the document id is ``eng.testa:N``, N
the document's place in eng.testa (0 for the first ``-DOCSTART-`` section); on
ggt-quotes it is the article's 24-digit ObjectId, as in benchmarks/quotes.py.

Run from the repository root: ``python -m benchmarks.ner``; ``python -m
benchmarks.ner --cost`` measures what one worker pays for each model (load
time, memory, words/s of bare spaCy and of the whole storyline analysis), each
model in a fresh process.
"""

from __future__ import annotations

import bisect
import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import by_half, eval_dir, print_halves, print_table, save_result

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


def conll_id(doc_index: int) -> str:
    """The document id the halves are drawn by (see the module docstring)."""
    return f"eng.testa:{doc_index}"


def half_scores(gold: set[Mention], pred: set[Mention], n_docs: int) -> dict[str, dict[str, float]]:
    """Per-type and overall F1 on the documents of each half and of the whole."""

    def measure(chosen: list[int]) -> dict[str, float]:
        keep = set(chosen)
        scores = score({m for m in gold if m[0] in keep}, {m for m in pred if m[0] in keep})
        per_type = {f"{kind}_f1": scores[kind]["f1"] for kind in TYPES}
        overall = scores["ALL"]
        return {"documents": len(chosen), "entities": overall["gold"], **per_type, "p": overall["p"],
                "r": overall["r"], "f1": overall["f1"]}  # fmt: skip

    return by_half(range(n_docs), conll_id, measure)


def gate_figures(folder: Path) -> dict[str, dict[str, float]]:
    """The gate's figures: storyline's CoNLL entity F1 with the default model (settings), per half."""
    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    model = Settings().model
    docs = read_conll(folder / "eng.testa")
    gold = {m for i, d in enumerate(docs) for m in d.gold(i)}
    pred, _ = run_model(load_nlp(model), model, docs)[f"storyline {model}"]
    return {part: {"f1": figures["f1"]} for part, figures in half_scores(gold, pred, len(docs)).items()}


def storyline_entities(doc: Any, doc_id: str) -> list[Any]:
    """The Entity records storyline's ``entities`` component makes of ``doc``."""
    from storyline.analyze.entities.entities import find_entities
    from storyline.analyze.pipeline import Found
    from storyline.model import Article
    from storyline.settings import Settings

    article = Article(id=doc_id, source="benchmark", text=doc.text)
    return list(find_entities(doc, found=Found(article), settings=Settings()))


def storyline_spans(doc: Any, doc_index: int) -> list[tuple[int, int, str]]:
    """Mentions of the entities storyline finds in ``doc``, with their entity's type."""
    entities = storyline_entities(doc, f"conll-{doc_index}")
    return [(s, e, entity.type) for entity in entities for s, e in entity.mentions]


def parse(nlp: Any, texts: list[str]) -> tuple[list[Any], float]:
    """Parsed docs and the seconds parsing took, after a short warm-up."""
    list(nlp.pipe(texts[:5]))  # first calls allocate
    began = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    return docs, time.perf_counter() - began


def run_model(nlp: Any, name: str, docs: list[Document]) -> dict[str, tuple[set[Mention], float]]:
    """Bare and storyline CoNLL predictions of one model, with the seconds each took."""
    texts = [d.text_and_offsets() for d in docs]
    parsed, parse_s = parse(nlp, [t for t, _ in texts])
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


# --- People in news articles (ggt-quotes) ------------------------------------------


GgtArticle = tuple[str, str, list[str]]  # ObjectId, body text, people named


def read_ggt(folder: Path) -> list[GgtArticle]:
    """(article id, article text, people it names) for each annotated article."""
    articles = []
    for line in (folder / "ggt_human_annotations_98.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            found = re.search(r"[0-9a-f]{24}", str(row.get("_id", "")))
            article_id = found.group(0) if found else str(row.get("_id", ""))
            articles.append((article_id, _ggt_text(folder, row), list(row.get("people") or [])))
    return articles


def _ggt_text(folder: Path, row: dict[str, Any]) -> str:
    """The body text; one record holds only its id there, so read the raw file."""
    text = str(row.get("articleBodyText") or "")
    found = re.search(r"[0-9a-f]{24}", str(row.get("_id", "")))
    raw = folder / "rawtext" / f"{found.group(0)}.txt" if found else None
    if len(text) < 200 and raw is not None and raw.exists():
        return raw.read_text(encoding="utf-8")
    return text


def same_person(predicted: str, gold: str) -> bool:
    from storyline.analyze.entities import names

    if names.name_key(predicted) == names.name_key(gold):
        return True
    return names.is_short_form(predicted, gold) or names.is_short_form(gold, predicted)


def matched(predicted: list[str], gold: list[str]) -> int:
    """Predicted names matched to gold names, each used at most once."""
    left = list(gold)
    hits = 0
    for name in predicted:
        match = next((g for g in left if same_person(name, g)), None)
        if match is not None:
            left.remove(match)
            hits += 1
    return hits


def people_scores(nlp: Any, name: str, articles: list[GgtArticle]) -> dict[str, dict[str, dict[str, float]]]:
    """Person P/R/F1 (bare distinct PERSON strings vs storyline entities), per half and whole."""
    parsed, _ = parse(nlp, [text for _, text, _ in articles])
    systems = (f"spaCy {name}", f"storyline {name}")
    counts: list[tuple[str, dict[str, tuple[int, int, int]]]] = []  # (article id, system -> hits, pred, gold)
    for i, (doc, (article_id, _, gold)) in enumerate(zip(parsed, articles, strict=True)):
        bare = list(dict.fromkeys(e.text for e in doc.ents if e.label_ == "PERSON"))
        ours = [e.name for e in storyline_entities(doc, f"ggt-{i}") if e.type == "PERSON"]
        counted = {s: (matched(p, gold), len(p), len(gold)) for s, p in zip(systems, (bare, ours), strict=True)}
        counts.append((article_id, counted))

    def measure(system: str) -> Any:
        def totals(chosen: list[tuple[str, dict[str, tuple[int, int, int]]]]) -> dict[str, float]:
            hits, predicted, gold = (sum(c[system][k] for _, c in chosen) for k in range(3))
            return {"documents": len(chosen), **_prf(hits, predicted, gold)}

        return totals

    return {system: by_half(counts, lambda item: item[0], measure(system)) for system in systems}


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    prec = hits / predicted if predicted else 0.0
    rec = hits / gold if gold else 0.0
    return {"p": prec, "r": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


# --- Cost of one worker per model ---------------------------------------------------


def _status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS, VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_cost(name: str, texts: list[str]) -> dict[str, float]:
    """What one ingest worker pays for a model: load seconds, memory, words per second.

    Run in a fresh process (``--cost-one``) so that memory is this model's alone:
    RSS after loading, and the peak (VmHWM) after the whole storyline analysis of
    ``texts`` (parse plus every component), with bare ``nlp.pipe`` words/s beside it.
    """
    from storyline.analyze.nlp import load_nlp
    from storyline.analyze.pipeline import analyze_doc
    from storyline.model import Article
    from storyline.settings import Settings

    before = _status_mb("VmRSS")
    began = time.perf_counter()
    nlp = load_nlp(name)
    load_s = time.perf_counter() - began
    loaded = _status_mb("VmRSS")
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:5]))
    began = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    bare_s = time.perf_counter() - began
    settings = Settings().with_values({"model": name})
    began = time.perf_counter()
    for n, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        analyze_doc(Article(id=f"c{n}", source="cost", text=text), doc, settings)
    rules_s = time.perf_counter() - began
    return {"load_s": load_s, "rss_loaded_mb": loaded - before, "peak_mb": _status_mb("VmHWM"),
            "bare_words_per_s": words / bare_s, "storyline_words_per_s": words / (bare_s + rules_s),
            "words": words}  # fmt: skip


def costs(articles: list[GgtArticle]) -> dict[str, dict[str, float]]:
    """``worker_cost`` of each model, each measured in its own fresh process."""
    import subprocess
    import sys

    out = {}
    for name in MODELS:
        run = subprocess.run([sys.executable, "-m", "benchmarks.ner", "--cost-one", name], capture_output=True,
                             text=True, check=True)  # fmt: skip
        out[name] = json.loads(run.stdout.strip().splitlines()[-1])
    return out


def main() -> None:
    import sys

    from storyline.analyze.nlp import load_nlp

    if len(sys.argv) > 2 and sys.argv[1] == "--cost-one":
        ggt = eval_dir("ggt-quotes")
        texts = [text for _, text, _ in read_ggt(ggt)] if ggt is not None else []
        print(json.dumps(worker_cost(sys.argv[2], texts)))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--cost":
        ggt = eval_dir("ggt-quotes")
        if ggt is None:
            return
        measured = costs(read_ggt(ggt))
        header = ["model", "load s", "RSS after load MB", "peak MB", "bare words/s", "storyline words/s"]
        rows = [[m, c["load_s"], c["rss_loaded_mb"], c["peak_mb"], c["bare_words_per_s"], c["storyline_words_per_s"]]
                for m, c in measured.items()]  # fmt: skip
        print_table("Cost of one worker (ggt-quotes, 98 articles, full analysis)", header, rows)
        save_result("ner_cost", {"data": "ggt-quotes", **measured})
        return

    folder = eval_dir("conll2003")
    if folder is None:
        return
    docs = read_conll(folder / "eng.testa")
    ggt = eval_dir("ggt-quotes")
    articles = read_ggt(ggt) if ggt is not None else []
    n_sents = sum(len(d.sentences) for d in docs)
    gold = {m for i, d in enumerate(docs) for m in d.gold(i)}
    results: dict[str, Any] = {}
    halves: dict[str, Any] = {}
    people_halves: dict[str, Any] = {}
    for name in MODELS:
        nlp = load_nlp(name)
        for system, (pred, seconds) in run_model(nlp, name, docs).items():
            results[system] = {"scores": score(gold, pred), "sents_per_s": n_sents / seconds}
            halves[system] = half_scores(gold, pred, len(docs))
        people_halves.update(people_scores(nlp, name, articles) if articles else {})
    people = {system: {k: v for k, v in by_part["whole"].items() if k != "documents"} for system, by_part in
              people_halves.items()}  # fmt: skip
    header = ["system", *[f"{t} F1" for t in TYPES], "P", "R", "F1", "sents/s"]
    rows = [_row(system, r) for system, r in results.items()]
    print_table(f"CoNLL-2003 eng.testa: {len(docs)} docs, {n_sents} sentences, {len(gold)} entities", header, rows)
    metrics = ["entities", *(f"{t}_f1" for t in TYPES), "p", "r", "f1"]
    print_halves("CoNLL-2003 eng.testa by half", metrics, list(halves.items()))
    if people:
        n_people = sum(len(p) for _, _, p in articles)
        title = f"People named in news (ggt-quotes): {len(articles)} articles, {n_people} people"
        print_table(title, ["system", "P", "R", "F1"], [[s, r["p"], r["r"], r["f1"]] for s, r in people.items()])
        print_halves("People named in news by half", ["p", "r", "f1"], list(people_halves.items()))
    save_result(
        "ner",
        {"data": "conll2003/eng.testa", "sentences": n_sents, "entities": len(gold), **results, "people": people,
         "halves": halves, "people_halves": people_halves},
    )  # fmt: skip


def _row(system: str, result: dict[str, Any]) -> list[Any]:
    scores = result["scores"]
    overall = scores["ALL"]
    return [system, *[scores[t]["f1"] for t in TYPES], overall["p"], overall["r"], overall["f1"], result["sents_per_s"]]


if __name__ == "__main__":
    main()
