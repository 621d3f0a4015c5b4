"""Same output before and after a speed-up: dump what storyline makes of fixed inputs, to diff two trees.

A change meant only to make storyline faster must not change a byte of what it
finds. This dumps, for the built-in examples, the seed articles and a sample of
the throughput corpus (tuning half only: the first N files in the benchmark's
order plus the 10 longest), each article's parse as a hash (token text, sentence
start, tag, dependency, head, entity) and its ``Analysis`` repr; then a
``storyline ingest`` + ``storyline export`` of the examples and the seeds (linking
included). Run it with each tree first on PYTHONPATH and compare the files:

    PYTHONPATH=/tree-a/src:/tree-a python -m benchmarks.same_output /tmp/a
    PYTHONPATH=/tree-b/src:/tree-b python -m benchmarks.same_output /tmp/b
    diff <(sed s#/tree-a/src#SRC#g /tmp/a/analyses.txt) <(sed s#/tree-b/src#SRC#g /tmp/b/analyses.txt)
    cmp /tmp/a/export.jsonl /tmp/b/export.jsonl

(The examples' source path is the tree's, hence the sed.)
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import EVAL, ROOT, half_of
from benchmarks.throughput import corpus

SEEDS = ROOT.parent / "shared" / "seeds"


def sample(size: int) -> list[Path]:
    """The first ``size`` tuning-half files of the throughput corpus, plus the 10 longest tuning files."""
    files = [p for p in corpus(EVAL, None) if half_of(p.name) == "tuning"]
    first = files[:size]
    longest = sorted(files, key=lambda p: -p.stat().st_size)[:10]
    return first + [p for p in longest if p not in first]


def dump_analyses(paths: list[Path], out: Path) -> None:
    """One block per input: its parse hash and the repr of its Analysis (or why it has none)."""
    from storyline.analyze.nlp import load_nlp
    from storyline.analyze.pipeline import analyze_doc
    from storyline.clean import clean
    from storyline.model import RawDoc
    from storyline.read import read
    from storyline.settings import Settings

    settings = Settings.load().with_values({"workers": 1})
    nlp = load_nlp(settings.model)
    with open(out, "w", encoding="utf-8") as handle:
        for path in paths:
            for item in read([path], settings):
                if not isinstance(item, RawDoc):
                    handle.write(f"## {path.name} {item!r}\n")
                    continue
                try:
                    article = clean(item, settings)
                except Exception as err:  # a failure is output too, and must stay the same
                    handle.write(f"## {path.name} clean failed {err!r}\n")
                    continue
                doc = nlp(article.text)
                parse = "\n".join(
                    f"{t.i}\t{t.text!r}\t{int(bool(t.is_sent_start))}\t{t.tag_}\t{t.dep_}\t{t.head.i}\t"
                    f"{t.ent_iob_}\t{t.ent_type_}"
                    for t in doc
                )
                handle.write(f"## {path.name} {len(doc)} tokens {hashlib.sha256(parse.encode()).hexdigest()}\n")
                handle.write(repr(analyze_doc(article, doc, settings)) + "\n")


def dump_export(groups: list[list[Path]], out: Path) -> None:
    """``storyline export`` (JSONL) of a fresh database the CLI ingested ``groups`` into, one call per group."""
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "kb.db")
        for paths in groups:
            command = [sys.executable, "-m", "storyline", "ingest", *map(str, paths), "--db", db]
            subprocess.run(command, check=True, capture_output=True)
        exported = subprocess.run(
            [sys.executable, "-m", "storyline", "export", "--db", db], check=True, capture_output=True
        )
        out.write_bytes(exported.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.same_output", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="Folder for analyses.txt and export.jsonl.")
    parser.add_argument("--size", type=int, default=120, help="Tuning-half corpus files in the sample.")
    args = parser.parse_args(argv)
    import storyline

    examples = sorted((Path(storyline.__file__).parent / "examples").glob("0*"))
    seeds = sorted(SEEDS.glob("*.txt"))
    args.out.mkdir(parents=True, exist_ok=True)
    dump_analyses(examples + seeds + sample(args.size), args.out / "analyses.txt")
    dump_export([examples, seeds], args.out / "export.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
