"""Throughput: storyline end to end against bare spaCy ``nlp.pipe`` on the same texts.

Corpus: the PolNeAR train+dev texts and the article-extraction-benchmark HTML
pages (1,105 real articles), mixed in a fixed order so ``--limit N`` keeps both
kinds. Each run is a fresh subprocess, so its peak memory is its own; the
parent samples the memory of the child and its workers while it runs.

- bare spaCy: the model's ``nlp.pipe`` over the cleaned texts (cleaned before the
  clock starts), ``n_process`` = workers, ``batch_size`` = the ingest batch size;
- storyline: ``ingest`` of the files into a new SQLite store (read, clean,
  analyse, write), ``workers`` as given.

Both load the model before the clock starts. Words are whitespace-separated
words of the cleaned texts, the same number for both, so words/s ratios are
time ratios. Targets (issue 4): storyline >= 0.75 x bare spaCy words/s at the
same worker count; storyline with 2 workers >= 1.7 x 1 worker.

    python -m benchmarks.throughput                 # the whole corpus, 1 and 2 workers
    python -m benchmarks.throughput --limit 200     # a quicker look
    python -m benchmarks.throughput --profile --limit 100   # where the time goes (cProfile)
    python -m benchmarks.throughput --memory 10000  # peak memory over a 10k-article stream
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, eval_dir, print_table, save_result

SOURCES = ("polnear/data/train/text", "polnear/data/dev/text", "article-extraction-benchmark/html")
RATIO_TARGET = 0.75
SCALING_TARGET = 1.7


def corpus(eval_root: Path, limit: int | None) -> list[Path]:
    """The benchmark files in a fixed mixed order (by a hash of the name), first ``limit`` of them."""
    files = [p for source in SOURCES for p in sorted((eval_root / source).iterdir()) if p.is_file()]
    files.sort(key=lambda p: hashlib.sha1(p.name.encode()).hexdigest())
    return files[:limit] if limit else files


# -- one measured run, in a child process -------------------------------------------------


def child(kind: str, workers: int, paths_file: Path) -> dict[str, Any]:
    """Run one measurement in this (fresh) process and return its numbers."""
    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    settings = Settings.load().with_values({"workers": workers})
    paths = [Path(line) for line in paths_file.read_text("utf-8").splitlines()]
    nlp = load_nlp(settings.model)
    run = _bare if kind == "spacy" else _storyline
    return run(paths, settings, nlp)


class Clock:
    """Wall time and CPU time (this process, and its workers once they have exited) of a block.

    On a machine shared with other jobs the wall time stretches while the CPU
    time barely moves, so the CPU columns show what the run itself cost.
    """

    def __enter__(self) -> Clock:
        self.start, self.cpu_start = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        seconds = time.perf_counter() - self.start
        own, workers, machine = (b - a for a, b in zip(self.cpu_start, _cpu(), strict=True))
        others = max(0.0, machine - own - workers)
        self.numbers = {
            "seconds": seconds,
            "cpu_seconds": own + workers,
            "cpu_main_seconds": own,
            "other_jobs_cores": others / seconds,
        }


def _cpu() -> tuple[float, float, float]:
    """CPU seconds so far: this process, its reaped children, and the whole machine (busy time)."""
    import psutil

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    machine = psutil.cpu_times()
    busy = sum(machine) - machine.idle - getattr(machine, "iowait", 0.0)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime, busy


def _cleaned_texts(paths: list[Path], settings: Any) -> list[str]:
    from storyline.clean import clean
    from storyline.model import RawDoc
    from storyline.read import read

    texts = []
    for item in read(paths, settings):
        if isinstance(item, RawDoc):
            try:
                texts.append(clean(item, settings).text)
            except ValueError:
                continue
    return texts


def _bare(paths: list[Path], settings: Any, nlp: Any) -> dict[str, Any]:
    texts = _cleaned_texts(paths, settings)
    with Clock() as clock:
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.workers):
            pass
    return {**clock.numbers, "articles": len(texts), "words": sum(len(t.split()) for t in texts)}


def _storyline(paths: list[Path], settings: Any, nlp: Any) -> dict[str, Any]:
    from storyline.ingest import ingest
    from storyline.store import Store

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "kb.db") as store, Clock() as clock:
        report = ingest(paths, store, settings)
    return {
        **clock.numbers,
        "added": report.added,
        "failed": report.failed,
        "failure_codes": sorted({f.code for f in report.failures}),
        "failure_samples": [f.message[:300] for f in report.failures[:5]],
    }


# -- the parent: runs children and watches their memory -------------------------------------


class MemoryWatch:
    """Samples the summed RSS and PSS of a process and all its children until stopped.

    RSS counts pages shared between forked workers once per process; PSS
    splits them, so the PSS sum is the memory the run really takes.
    """

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float, float]] = []  # (seconds, rss MB, pss MB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        start = time.perf_counter()
        while not self._stop.wait(self.interval):
            sample = _tree_memory(self.pid)
            if sample:
                self.samples.append((time.perf_counter() - start, *sample))

    def peak(self, until: float = 1.0) -> tuple[float, float]:
        """Peak (RSS, PSS) in MB over the first ``until`` fraction of the run."""
        if not self.samples:
            return (0.0, 0.0)
        end = self.samples[-1][0] * until
        seen = [s for s in self.samples if s[0] <= end] or self.samples[:1]
        return max(s[1] for s in seen), max(s[2] for s in seen)


def _tree_memory(pid: int) -> tuple[float, float] | None:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return None
    rss = pss = 0
    for proc in procs:
        try:
            info = proc.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss / 2**20, pss / 2**20


def measure(kind: str, workers: int, paths_file: Path) -> dict[str, Any]:
    """Run one measurement in a child process; add its peak memory."""
    command = [sys.executable, "-m", "benchmarks.throughput", "--child", kind]
    command += ["--workers", str(workers), "--paths", str(paths_file)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT) as proc, MemoryWatch(proc.pid) as watch:
        stdout, _ = proc.communicate()
    if proc.returncode:
        raise RuntimeError(f"{kind} with {workers} workers failed (exit {proc.returncode})")
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["peak_rss_mb"], result["peak_pss_mb"] = watch.peak()
    result["peak_pss_mb_first_10pct"] = watch.peak(0.1)[1]
    result["peak_pss_mb_by_share"] = {f"{share:.0%}": watch.peak(share)[1] for share in (0.1, 0.25, 0.5, 0.75, 1.0)}
    return result


def run_benchmark(files: list[Path], workers: list[int]) -> dict[str, Any]:
    """Bare spaCy and storyline at each worker count, with their ratios."""
    runs: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as folder:
        paths_file = Path(folder) / "paths.txt"
        paths_file.write_text("\n".join(str(p) for p in files), encoding="utf-8")
        for count in workers:
            for kind in ("spacy", "storyline"):
                runs[f"{kind}-{count}"] = measure(kind, count, paths_file)
                print(f"  {kind} x{count}: {runs[f'{kind}-{count}']['seconds']:.1f}s", file=sys.stderr)
    words, articles = runs[f"spacy-{workers[0]}"]["words"], runs[f"spacy-{workers[0]}"]["articles"]
    for result in runs.values():
        result["words_per_s"] = words / result["seconds"]
        result["articles_per_s"] = articles / result["seconds"]
    return {"files": len(files), "articles": articles, "words": words, "runs": runs, "ratios": ratios(runs, workers)}


def ratios(runs: dict[str, dict[str, Any]], workers: list[int]) -> dict[str, float]:
    """storyline / bare spaCy at each worker count, the speed-up over 1 worker, and CPU-time twins.

    The ``_cpu`` ratios divide CPU seconds instead of wall seconds: at one
    worker they say how fast storyline would be on an idle core; at more
    workers, how much extra work the parallel run did (1.0: none).
    """
    out = {f"storyline_vs_spacy_{n}": _speed(runs, "storyline", "spacy", n, n) for n in workers}
    out |= {
        f"storyline_{n}_vs_1": _speed(runs, "storyline", "storyline", n, 1) for n in workers if n > 1 and 1 in workers
    }
    out |= {f"spacy_{n}_vs_1": _speed(runs, "spacy", "spacy", n, 1) for n in workers if n > 1 and 1 in workers}
    if 1 in workers:
        out["storyline_vs_spacy_1_cpu"] = runs["spacy-1"]["cpu_seconds"] / runs["storyline-1"]["cpu_seconds"]
        for n in (n for n in workers if n > 1):
            out[f"storyline_{n}_vs_1_cpu_work"] = (
                runs[f"storyline-{n}"]["cpu_seconds"] / runs["storyline-1"]["cpu_seconds"]
            )
    return out


def _speed(runs: dict[str, dict[str, Any]], kind: str, other: str, n: int, m: int) -> float:
    return float(runs[f"{kind}-{n}"]["words_per_s"] / runs[f"{other}-{m}"]["words_per_s"])


def print_results(result: dict[str, Any]) -> None:
    header = ["run", "workers", "seconds", "CPU s", "main CPU s", "articles/s", "words/s", "peak RSS MB"]
    header += ["peak PSS MB", "failed", "other jobs (cores)"]
    rows = [_result_row(name, run) for name, run in result["runs"].items()]
    print_table(f"Throughput, {result['articles']} articles, {result['words']:,} words", header, rows)
    targets = [[key, value, *_verdict(key, value)] for key, value in result["ratios"].items()]
    print_table("Ratios", ["ratio", "measured", "target", "verdict"], targets)
    busiest = max(run["other_jobs_cores"] for run in result["runs"].values())
    if busiest > 0.2:
        print(f"\nnote: other jobs used up to {busiest:.2f} cores during a run; wall-clock ratios are noisy")


def _result_row(name: str, run: dict[str, Any]) -> list[Any]:
    kind, count = name.rsplit("-", 1)
    label = "bare spaCy nlp.pipe" if kind == "spacy" else "storyline ingest"
    return [
        label,
        count,
        run["seconds"],
        run["cpu_seconds"],
        run["cpu_main_seconds"],
        run["articles_per_s"],
        round(run["words_per_s"]),
        round(run["peak_rss_mb"]),
        round(run["peak_pss_mb"]),
        run.get("failed", "-"),
        round(run["other_jobs_cores"], 2),
    ]


def _verdict(key: str, value: float) -> tuple[str, str]:
    """The issue's target for a ratio (only the wall-clock ones have one) and whether it was met."""
    if key.endswith("_cpu") or key.endswith("_cpu_work"):
        return "-", "-"
    target = SCALING_TARGET if key == "storyline_2_vs_1" else RATIO_TARGET if key.startswith("storyline_vs") else None
    if target is None:
        return "-", "-"
    return f">= {target}", "met" if value >= target else "MISSED"


# -- profile and memory modes ------------------------------------------------------------


def profile(files: list[Path]) -> dict[str, Any]:
    """cProfile a one-worker ingest; own time summed by package and by storyline module."""
    import cProfile
    import pstats

    from storyline.analyze.nlp import load_nlp
    from storyline.ingest import ingest
    from storyline.settings import Settings
    from storyline.store import Store

    settings = Settings.load().with_values({"workers": 1})
    load_nlp(settings.model)
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "kb.db") as store:
        profiler.runcall(ingest, files, store, settings)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    return {"stages": stage_times(files), "by_module": _by_module(stats), "top_functions": _top_functions(stats)}


def stage_times(files: list[Path]) -> dict[str, float]:
    """Wall seconds per stage of a one-worker ingest, measured without profiler overhead.

    Stages: read, clean (text and HTML apart), spaCy ``nlp.pipe``, each analysis
    component, and the store write. Mirrors ``process_chunk`` + ``Store.write``.
    """
    from storyline.analyze.nlp import load_nlp
    from storyline.batches import chunked
    from storyline.store import Store

    settings = _settings().with_values({"workers": 1})
    nlp = load_nlp(settings.model)
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "kb.db") as store:
        for chunk in chunked(_timed_read(files, settings, times), settings.batch_size):
            articles = [a for a in (_timed_clean(raw, settings, times) for raw in chunk) if a is not None]
            with _clock(times, "spaCy nlp.pipe"):
                docs = list(nlp.pipe([a.text for a in articles], batch_size=settings.batch_size))
            analyses = [_timed_analysis(a, d, settings, times) for a, d in zip(articles, docs, strict=True)]
            with _clock(times, "store write"):
                store.write([a for a in analyses if a is not None])
    return times


@contextmanager
def _clock(times: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    times[stage] = times.get(stage, 0.0) + time.perf_counter() - start


def _timed_read(files: list[Path], settings: Any, times: dict[str, float]) -> Iterator[Any]:
    from storyline.model import RawDoc
    from storyline.read import read

    items = read(files, settings)
    while True:
        with _clock(times, "read"):
            item = next(items, None)
        if item is None:
            return
        if isinstance(item, RawDoc):
            yield item


def _timed_clean(raw: Any, settings: Any, times: dict[str, float]) -> Any:
    from storyline.clean import clean

    with _clock(times, f"clean ({raw.fmt})"):
        try:
            return clean(raw, settings)
        except ValueError:
            return None


def _timed_analysis(article: Any, doc: Any, settings: Any, times: dict[str, float]) -> Any:
    """``analyze_doc`` with a clock per component; an article whose analysis raises is dropped."""
    from storyline.analyze.pipeline import Found, analysis_of, components_for

    found = Found(article)
    try:
        for comp in components_for(settings):
            with _clock(times, f"analyze: {comp.name}"):
                getattr(found, comp.fills).extend(comp.fn(doc, found=found, settings=settings))
    except Exception:  # a component bug is not this benchmark's to report
        times["analysis errors"] = times.get("analysis errors", 0.0) + 1
        return None
    return analysis_of(found)


def module_of(filename: str) -> str:
    """A short owner for a profiled file: a storyline module, a package, or a Cython module."""
    path = filename.replace("\\", "/")
    if "/storyline/" in path:
        return "storyline." + path.rsplit("/storyline/", 1)[1].removesuffix(".py").replace("/", ".")
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if path.endswith((".pyx", ".pxd")):
        return path.rsplit(".", 1)[0].replace("/", ".") + " (Cython)"
    return "stdlib:" + Path(path).stem


def _by_module(stats: dict[Any, Any]) -> list[tuple[str, float]]:
    totals: dict[str, float] = {}
    for (filename, _line, name), (_cc, _nc, own, _cum, _callers) in stats.items():
        owner = module_of(filename) if filename != "~" else _builtin_owner(name)
        totals[owner] = totals.get(owner, 0.0) + own
    return sorted(totals.items(), key=lambda item: -item[1])


def _builtin_owner(name: str) -> str:
    """C functions profile under '~'; name them by their type (e.g. sqlite3.Connection)."""
    inside = name.strip("<>").removeprefix("built-in method ").removeprefix("method ")
    return "C: " + inside.split(" of ")[-1].strip("'").split(".")[0][:40]


def _top_functions(stats: dict[Any, Any], count: int = 15) -> list[tuple[str, float, float]]:
    rows = [
        (f"{module_of(f) if f != '~' else 'C'}:{name}", own, cumulative)
        for (f, _line, name), (_cc, _nc, own, cumulative, _callers) in stats.items()
    ]
    return sorted(rows, key=lambda r: -r[1])[:count]


def print_profile(result: dict[str, Any], articles: int) -> None:
    stages = result["stages"]
    wall = sum(v for k, v in stages.items() if k != "analysis errors")
    rows = [[k, v, f"{100 * v / wall:.1f}%"] for k, v in sorted(stages.items(), key=lambda kv: -kv[1])]
    print_table(
        f"Wall time by stage, one-worker ingest of {articles} files ({wall:.1f}s)", ["stage", "s", "share"], rows
    )
    total = sum(seconds for _, seconds in result["by_module"])
    rows = [[owner, seconds, f"{100 * seconds / total:.1f}%"] for owner, seconds in result["by_module"][:20]]
    print_table(
        f"Own time by module, one-worker ingest of {articles} files ({total:.1f}s)", ["module", "s", "share"], rows
    )
    print_table("Top functions by own time", ["function", "own s", "cumulative s"], result["top_functions"])


def memory_stream(files: list[Path], total: int, out: Path) -> int:
    """A JSONL stream of ``total`` articles: the corpus texts cut to 2 paragraphs, varied per copy.

    Each copy rotates its paragraphs and gets its own id, so no two articles
    have the same content (re-ingesting a copy would be skipped, not analysed).
    """
    texts = _cleaned_texts(files, _settings())
    written = 0
    with open(out, "w", encoding="utf-8") as handle:
        while written < total:
            for text in texts:
                paragraphs = [p for p in text.split("\n\n") if p.strip()][:2]
                turn = (written // len(texts)) % max(1, len(paragraphs))
                body = "\n\n".join(paragraphs[turn:] + paragraphs[:turn])
                handle.write(json.dumps({"id": f"m{written}", "text": body}) + "\n")
                written += 1
                if written == total:
                    break
    return written


def _settings() -> Any:
    from storyline.settings import Settings

    return Settings.load()


def memory_check(files: list[Path], total: int, workers: int) -> dict[str, Any]:
    """Peak memory of a ``total``-article ingest: early in the run against the whole run."""
    with tempfile.TemporaryDirectory() as folder:
        stream = Path(folder) / "stream.jsonl"
        memory_stream(files, total, stream)
        paths_file = Path(folder) / "paths.txt"
        paths_file.write_text(str(stream), encoding="utf-8")
        run = measure("storyline", workers, paths_file)
    run["articles"] = total
    return run


def print_memory(run: dict[str, Any], workers: int) -> None:
    rows = [[f"first {share} of the run", round(mb)] for share, mb in run["peak_pss_mb_by_share"].items()]
    title = f"Memory, ingest of {run['articles']:,} articles with {workers} workers ({run['seconds']:.0f}s, PSS sum)"
    print_table(title, ["window", "peak PSS MB"], rows)


# -- entry point ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.workers, Path(args.paths))))
        return 0
    if eval_dir("polnear") is None or eval_dir("article-extraction-benchmark") is None:
        return 0
    from benchmarks.common import EVAL

    return _dispatch(args, corpus(EVAL, args.limit))


def _dispatch(args: argparse.Namespace, files: list[Path]) -> int:
    if args.profile:
        result = profile(files)
        print_profile(result, len(files))
        save_result("throughput-profile", {"files": len(files), **result})
    elif args.memory:
        run = memory_check(files, args.memory, args.workers or 2)
        print_memory(run, args.workers or 2)
        save_result("throughput-memory", run)
    else:
        workers = [int(w) for w in args.worker_counts.split(",")]
        result = run_benchmark(files, workers)
        print_results(result)
        # A --limit run must not replace the full corpus's result.
        save_result("throughput" if args.limit is None else "throughput-limited", result)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.throughput", description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N files of the corpus.")
    parser.add_argument("--worker-counts", default="1,2", help="Comma-separated worker counts to measure.")
    parser.add_argument("--profile", action="store_true", help="cProfile a one-worker ingest instead.")
    parser.add_argument("--memory", type=int, default=0, help="Ingest N varied articles and report peak memory.")
    parser.add_argument("--workers", type=int, default=0, help="Workers for --memory (default 2).")
    parser.add_argument("--child", choices=["spacy", "storyline"], help=argparse.SUPPRESS)
    parser.add_argument("--paths", help=argparse.SUPPRESS)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
