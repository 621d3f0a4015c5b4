"""No comment, docstring, test sentence or rule may quote the scored gold data.

The gold texts in /work/shared/eval (see its README.md) measure storyline;
copying one of their sentences into the project, or writing a rule for one of
them, makes the measurement worthless. This test reads the gold texts once,
turns them into word n-grams and fails with every file:line under src/, tests/
and docs/ that shares one with them.

Two checks, both on lowercased word tokens (runs of letters and digits, so
"don't" and CoNLL's "do n't" give the same tokens):

- any 7 words in a row, unless at most two of them are outside a list of very
  common words ("one of the most important things in the" is not a quote);
- 4 words in a row of which at least two are capitalised in both texts and are
  not common words themselves: a run of names from a gold sentence
  ("... told Jane Roe of Springfield ...").

The project's n-grams (a few hundred thousand) are built first and the gold
texts are streamed against them, so the whole check takes a few seconds.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

EVAL = Path("/work/shared/eval")
ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("src", "tests", "docs")
SUFFIXES = {".py", ".md", ".txt", ".toml", ".json", ".jsonl", ".cfg", ".html", ".j2", ".csv", ".tsv", ".rst", ".yml"}
LONG_N = 7  # words in a row shared with gold
NAME_N = 4  # words in a row holding at least two capitalised names
RARE_DOCS = 2  # a gold name in at most this many gold documents is distinctive
UNUSUAL_DOCS = 10  # a named 4-gram needs a word in at most this many gold documents

_WORD = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[\s#]*")
# Words too common in news to make a shared run of words a quote.
_COMMON = frozenset(STOP_WORDS) | {
    "said", "says", "say", "told", "tell", "year", "years", "new", "people", "percent", "time",
    "day", "week", "month", "government", "united", "president", "minister",
    "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "s", "t", "news", "according", "city",
    "country", "world", "national", "police", "north", "south", "east", "west", "de",
}  # fmt: skip


def _tokens(text: str) -> Iterator[tuple[str, bool, int, bool]]:
    """(lowercased word, capitalised, line number, only space or "#" since the
    last word) for every word of ``text``."""
    line, last, end = 1, 0, 0
    for match in _WORD.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        word = match.group()
        yield word.lower(), word[0].isupper(), line, _GAP.fullmatch(text, end, match.start()) is not None
        end = match.end()


def _distinctive(gram: tuple[str, ...]) -> bool:
    """More than two words that are not very common."""
    return sum(word not in _COMMON for word in gram) > 2


def _named(gram: tuple[str, ...], caps: tuple[bool, ...]) -> bool:
    """At least two capitalised words of three letters or more that are not very common."""
    named = (
        cap and word not in _COMMON and len(word) > 2 and not word.isdigit()
        for word, cap in zip(gram, caps, strict=True)
    )
    return sum(named) >= 2


def _project_files() -> Iterator[Path]:
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*")):
            own = path.resolve() == Path(__file__).resolve()
            if path.is_file() and path.suffix in SUFFIXES and not own and "__pycache__" not in path.parts:
                yield path


Where = list[tuple[str, int]]


def _project_grams() -> tuple[dict[tuple[str, ...], Where], dict[tuple[str, ...], Where], dict[tuple[str, ...], Where]]:
    """Where each distinctive 7-gram, named 4-gram and name bigram occurs in the project."""
    long_grams: dict[tuple[str, ...], Where] = defaultdict(list)
    name_grams: dict[tuple[str, ...], Where] = defaultdict(list)
    pairs: dict[tuple[str, ...], Where] = defaultdict(list)
    for path in _project_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        tokens = list(_tokens(text))
        words = tuple(word for word, _, _, _ in tokens)
        caps = tuple(cap for _, cap, _, _ in tokens)
        where = str(path.relative_to(ROOT))
        for i, (_, _, line, _) in enumerate(tokens):
            if i + LONG_N <= len(words) and _distinctive(words[i : i + LONG_N]):
                long_grams[words[i : i + LONG_N]].append((where, line))
            if i + NAME_N <= len(words) and _named(words[i : i + NAME_N], caps[i : i + NAME_N]):
                name_grams[words[i : i + NAME_N]].append((where, line))
            if (
                i + 2 <= len(words)
                and any(caps[i : i + 2])
                and tokens[i + 1][3]
                and not set(words[i : i + 2]) & _COMMON
            ):
                pairs[words[i : i + 2]].append((where, line))
    return long_grams, name_grams, pairs


# --- the gold texts --------------------------------------------------------


def _conll(path: Path) -> Iterator[str]:
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split(" ", 1)[0]
        if not word or word == "-DOCSTART-":
            if sentence:
                yield " ".join(sentence)
            sentence = []
        else:
            sentence.append(word)
    if sentence:
        yield " ".join(sentence)


def _ggt(path: Path) -> Iterator[tuple[str, str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        key = re.sub(r"\W|ObjectId", "", str(record.get("_id")))  # the name of its rawtext file
        yield key, record.get("articleBodyText") or ""
        quotes = record.get("quotations") or []
        if isinstance(quotes, str):  # one record holds them as a string: its words are enough
            yield key, quotes
            continue
        for quote in quotes:
            yield key, " | ".join(str(quote.get(field) or "") for field in ("speaker", "verb", "quote", "reference"))


def _plover(path: Path) -> Iterator[tuple[str, str]]:
    for record in json.loads(path.read_text(encoding="utf-8")):
        yield str(record.get("id")), f"{record.get('text') or ''} | {record.get('eventText') or ''}"


def gold_texts() -> Iterator[tuple[str, str, str]]:
    """(gold source, document, text) for every gold document or sentence found."""
    ggt = EVAL / "ggt-quotes"
    for path in sorted((ggt / "rawtext").glob("*.txt")):
        yield "ggt-quotes", path.stem, path.read_text(encoding="utf-8")
    if (ggt / "ggt_human_annotations_98.jsonl").exists():
        yield from (("ggt-quotes", key, text) for key, text in _ggt(ggt / "ggt_human_annotations_98.jsonl"))
    for name in ("eng.testa", "eng.train"):
        if (EVAL / "conll2003" / name).exists():
            yield from (("conll2003", f"{name}:{i}", text) for i, text in enumerate(_conll(EVAL / "conll2003" / name)))
    if (EVAL / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").exists():
        yield from (("plover-gsr", key, text) for key, text in _plover(EVAL / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"))
    for path in sorted((EVAL / "polnear" / "data").glob("*/text/*.txt")):
        yield "polnear", path.stem, path.read_text(encoding="utf-8")
    truth = EVAL / "article-extraction-benchmark" / "ground-truth.json"
    if truth.exists():
        for key, record in json.loads(truth.read_text(encoding="utf-8")).items():
            yield "article-extraction-benchmark", key, record.get("articleBody") or ""
    ecb = EVAL / "ecbplus" / "ecbplus_docs_with_story_labels.jsonl"
    if ecb.exists():
        for line in ecb.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            yield "ecbplus", str(record.get("doc")), record.get("text") or ""


def _grams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return set(zip(*(words[i:] for i in range(n)), strict=False))


def shared_grams() -> list[tuple[str, int, str, str, str]]:
    """(file, line, check, gold source, n-gram) for every project n-gram found in gold.

    A named 4-gram counts only when it is in at most RARE_DOCS gold documents;
    a name bigram only when its capitalised word is a rare gold name: in at
    most RARE_DOCS gold documents and never written in lowercase there.
    """
    long_grams, name_grams, pairs = _project_grams()
    candidates = {word for gram in [*pairs, *name_grams] for word in gram if word not in _COMMON}
    documents: dict[str, set[tuple[str, str]]] = defaultdict(set)
    lowercase: set[str] = set()
    pair_sources: dict[tuple[str, ...], set[str]] = defaultdict(set)
    named_in: dict[tuple[str, ...], set[tuple[str, str]]] = defaultdict(set)
    hits: dict[tuple[str, int, str], tuple[str, str]] = {}

    def hit(grams: dict[tuple[str, ...], Where], found: set[tuple[str, ...]], check: str, source: str) -> None:
        for gram in found:
            for where, line in grams[gram]:
                hits.setdefault((where, line, source), (check, " ".join(gram)))

    for source, key, text in gold_texts():
        tokens = [(match.group(), match.group().lower()) for match in _WORD.finditer(text)]
        words = [word for _, word in tokens]
        hit(long_grams, long_grams.keys() & _grams(words, LONG_N), f"{LONG_N}-gram", source)
        for gram in name_grams.keys() & _grams(words, NAME_N):
            named_in[gram].add((source, key))
        for word in candidates.intersection(words):
            documents[word].add((source, key))
        lowercase.update(candidates.intersection(lower for raw, lower in tokens if raw == lower))
        for pair in pairs.keys() & _grams(words, 2):
            pair_sources[pair].add(source)
    for gram, docs in named_in.items():
        # "the New York Times", "the North Atlantic Treaty": names every paper prints, not a quote
        if len(docs) <= RARE_DOCS and any(len(documents[word]) <= UNUSUAL_DOCS for word in gram if word not in _COMMON):
            for source in {source for source, _ in docs}:
                hit(name_grams, {gram}, f"named {NAME_N}-gram", source)
    rare = {word for word, docs in documents.items() if len(docs) <= RARE_DOCS and word not in lowercase}
    for pair, sources in pair_sources.items():
        if rare.intersection(pair):
            for source in sources:
                hit(pairs, {pair}, "rare name", source)
    return sorted((where, line, check, source, gram) for (where, line, source), (check, gram) in hits.items())


@pytest.fixture(scope="session")
def gold_hits() -> list[tuple[str, int, str, str, str]]:
    if not EVAL.is_dir():
        pytest.skip(f"no gold data at {EVAL}")
    return shared_grams()


def test_no_gold_text_in_project(gold_hits: list[tuple[str, int, str, str, str]]) -> None:
    listing = "\n".join(f"{where}:{line}: {check} shared with {source}" for where, line, check, source, _ in gold_hits)
    assert not gold_hits, f"{len(gold_hits)} lines quote gold data; rewrite them with invented text:\n{listing}"
