"""The article-extraction-benchmark scoring rule, written from its description.

Words are ``\\w+`` tokens (case kept); each text becomes a multiset of 4-word
shingles (a text of 1-3 tokens is one shingle). Per page P = |pred & gold| /
|pred| and R = |pred & gold| / |gold|; P is averaged over pages whose
prediction has shingles, R over pages whose gold has shingles; F1 = 2PR/(P+R)
of the averages. This reproduces the published rows (see SOURCE.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-word shingles of ``text``."""
    tokens = _WORD.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(pred: str, gold: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where undefined."""
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    precision = tp / sum(p.values()) if p else None
    recall = tp / sum(g.values()) if g else None
    return precision, recall


def corpus_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Macro P, R, F1 and exact-match accuracy over (pred, gold) pairs."""
    precisions: list[float] = []
    recalls: list[float] = []
    exact = total = 0
    for pred, gold in pairs:
        total += 1
        p, r = page_scores(pred, gold)
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
        exact += _WORD.findall(pred or "") == _WORD.findall(gold or "")
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": exact / total if total else 0.0}
