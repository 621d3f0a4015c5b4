"""The ``storyline`` command line: thin wrappers over library functions.

Each command calls a plain function (``ingest``, ``export``, ``Store.analysis``)
that Python users can call directly. Errors are formatted here, at the edge:
one line on stderr and an exit code (1: some input failed, 2: the command
itself could not run).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..errors import StorylineError
from ..ingest import IngestReport, ingest
from ..read import count as count_inputs
from ..read import is_article_file
from ..settings import Settings, parse_assignment
from ..store import Store
from .export import FORMATS, export
from .show import render
from .terminal import plain

app = typer.Typer(
    help="storyline: news coverage in, an attributed knowledge base out.\n\n"
    "Example: storyline ingest articles/ --db kb.db && storyline export --db kb.db --format jsonl",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite knowledge base file.")]
SettingOption = Annotated[
    list[str] | None, typer.Option("--setting", "-s", help="Override a setting: KEY=VALUE (repeatable).")
]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML file of settings (see defaults.toml).")]
WorkersOption = Annotated[int | None, typer.Option("--workers", "-w", help="Worker processes (default: the cores).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]


def main() -> None:
    """Entry point of the ``storyline`` script: every error is one line, exit 2 when the command could not run.

    ``--debug`` (anywhere on the command line, or ``STORYLINE_DEBUG=1``) lets
    an unexpected error's traceback through; otherwise it goes to a log file
    and the user gets one line with E199 and the file's name.
    """
    debug = "--debug" in sys.argv[1:] or bool(os.environ.get("STORYLINE_DEBUG"))
    sys.argv = [sys.argv[0], *(a for a in sys.argv[1:] if a != "--debug")]
    logging.getLogger("storyline").addHandler(_WarningLines(logging.DEBUG if debug else logging.WARNING))
    try:
        app(standalone_mode=True)
    except (SystemExit, KeyboardInterrupt):
        raise
    except StorylineError as error:
        _fail(f"{error.code}: {error}")
    except sqlite3.Error as error:
        found = Store.classify(error, Path(_db_argument()))
        if isinstance(found, StorylineError):
            _fail(f"{found.code}: {found}")
        _unexpected(error, debug)
    except Exception as error:
        _unexpected(error, debug)


class _WarningLines(logging.Handler):
    """The library's warnings (a worker that died and was retried, a linking step that
    failed) as one line each on stderr: the package installs only a NullHandler,
    so without this a command line user would never see them."""

    def emit(self, record: logging.LogRecord) -> None:
        label = ("warning", "yellow") if record.levelno >= logging.WARNING else ("note", "dim")
        err.print(Text.assemble(label, f": {plain(record.getMessage())}"), highlight=False, soft_wrap=True)


def _fail(line: str) -> NoReturn:
    err.print(Text.assemble(("error", "red"), f" {plain(line)}"), highlight=False, soft_wrap=True)
    raise SystemExit(2)


def _unexpected(error: BaseException, debug: bool) -> NoReturn:
    """A bug: the traceback to a log file (or to the screen with --debug), one line to the user, exit 2."""
    if debug:
        raise error
    log = Path(tempfile.gettempdir()) / f"storyline-error-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    try:
        log.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        log = Path("(could not write a log file)")
    detail = f"{type(error).__name__}: {error}"
    _fail(f"E199: {StorylineError('E199', detail=detail, log=log)}")


def _db_argument() -> str:
    """The --db a command was given (for naming the file in a database error)."""
    args = sys.argv[1:]
    for n, arg in enumerate(args):
        if arg == "--db" and n + 1 < len(args):
            return args[n + 1]
        if arg.startswith("--db="):
            return arg[5:]
    return "the database"


@contextmanager
def _errors_as_exit() -> Any:
    try:
        yield
    except StorylineError as error:
        err.print(Text.assemble(("error", "red"), f" {error.code}: {plain(error)}"), highlight=False, soft_wrap=True)
        raise typer.Exit(2) from error


def _settings(config: Path | None, assignments: list[str] | None, **flags: Any) -> Settings:
    overrides = dict(parse_assignment(a) for a in assignments or [])
    overrides.update({k: v for k, v in flags.items() if v is not None})
    return Settings.load(config, overrides)


@app.command("ingest")
def ingest_cli(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders: .txt, .html, .jsonl (also .gz); .warc/.warc.gz archives; "
            "http(s) addresses of pages, RSS/Atom feeds or sitemaps; .urls files listing addresses."
        ),
    ],
    db: DbOption = Path("storyline.db"),
    meta: Annotated[
        list[str] | None, typer.Option("--meta", help="Metadata for every input: outlet=..., url=..., published=...")
    ] = None,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
    setting: SettingOption = None,
    config: ConfigOption = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local: worker processes into --db; dask: Parquet tables into --out.")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (default: a local Dask cluster).")
    ] = None,
    parquet: Annotated[
        str | None, typer.Option("--out", "-o", help="With --engine dask: new folder or URI for the Parquet tables.")
    ] = None,
) -> None:
    """Read, clean, analyse and store articles. Re-ingesting the same content is a no-op.

    Example: storyline ingest pages/ feed.jsonl --db kb.db --meta outlet="VT News"

    From the web: storyline ingest https://news.example.org/rss.xml crawl.warc.gz --db kb.db
    (a feed's items are fetched once; see docs/feeds.md)

    On Dask: storyline ingest pages/ --engine dask --scheduler tcp://host:8786 --out kb-parquet/
    && storyline load kb-parquet/ --db kb.db  (see docs/scaling.md)
    """
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"unknown engine '{engine}': use local or dask", param_hint="--engine")
    if engine == "dask" and not parquet:
        raise typer.BadParameter("the dask engine writes Parquet: give a new folder", param_hint="--out")
    with _errors_as_exit(), _io_errors_as_exit():
        settings = _settings(config, setting, workers=workers)
        given = dict(parse_assignment(m) for m in meta or [])
        if engine == "dask":
            report = _run_dask([Path(p) for p in paths], str(parquet), scheduler, settings, given, quiet)
        else:
            with Store(db, busy_timeout_ms=int(settings.busy_timeout * 1000)) as store:
                report = _run_ingest(paths, store, settings, given, quiet)
    _summary(report, Path(str(parquet)) if engine == "dask" else db, quiet)


@contextmanager
def _io_errors_as_exit() -> Any:
    """Missing extras and unusable folders of the Dask engine and ``load``: one line, exit 2."""
    try:
        yield
    except (ImportError, FileExistsError, FileNotFoundError) as error:
        err.print(f"[red]error[/red] {error}", highlight=False)
        raise typer.Exit(2) from error


def _run_dask(
    paths: list[Path], parquet: str, scheduler: str | None, settings: Settings, meta: dict[str, Any], quiet: bool
) -> IngestReport:
    from ..distributed import ingest_dask

    if quiet:
        return ingest_dask(paths, parquet, settings, meta=meta, scheduler=scheduler)
    columns = (TextColumn("ingest (dask)"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=count_inputs(paths))
        return ingest_dask(
            paths, parquet, settings, meta=meta, scheduler=scheduler, progress=lambda n: bar.advance(task, n)
        )


@app.command("load")
def load_cli(
    folder: Annotated[Path, typer.Argument(help="Parquet folder from 'ingest --engine dask' or 'export --table all'.")],
    db: DbOption = Path("storyline.db"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Load Parquet tables into the knowledge base. Loading the same folder twice is a no-op.

    Example: storyline load kb-parquet/ --db kb.db
    """
    from ..load import load

    with _errors_as_exit(), _io_errors_as_exit(), Store(db) as store:
        report = load(folder, store)
    _summary(report, db, quiet)


def _summary(report: IngestReport, db: Path, quiet: bool) -> None:
    """One line per failed input, the totals, and exit code 1 if anything failed.

    Messages name files and may quote input: they are printed with control
    characters escaped and without markup, so each stays one line as written.
    """
    for label, items in (("warning", report.warnings), ("skipped", report.skipped), ("failed", report.failures)):
        colour = "red" if label == "failed" else "yellow"
        for item in items:
            line = Text.assemble((label, colour), f" {item.code}: {plain(item.message)}")
            err.print(line, highlight=False, soft_wrap=True)
    if not quiet:
        err.print(
            f"{report.added} added, {report.unchanged} unchanged, {report.failed} failed, "
            f"{len(report.skipped)} skipped -> {db}"
        )
    if report.failures:
        raise typer.Exit(1)


def _run_ingest(
    paths: Sequence[str | Path], store: Store, settings: Settings, meta: dict[str, Any], quiet: bool
) -> IngestReport:
    if quiet:
        return ingest(paths, store, settings, meta=meta)
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=count_inputs(paths))
        return ingest(paths, store, settings, meta=meta, progress=lambda n: bar.advance(task, n))


@app.command("export")
def export_cli(
    db: DbOption = Path("storyline.db"),
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
    table: Annotated[
        str, typer.Option("--table", help="For csv/parquet: articles, entities, quotes, ... or all.")
    ] = "articles",
) -> None:
    """Export the knowledge base: nested JSON per article, or flat tables.

    Example: storyline export --db kb.db --format parquet --table all --out kb-parquet/
    """
    with _errors_as_exit(), Store(db, create=False) as store:
        export(store, fmt, output, table=table)


@app.command("show")
def show_cli(
    article: Annotated[str, typer.Argument(help="Article id, id prefix, or source path.")],
    db: DbOption = Path("storyline.db"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON export of this article.")] = False,
    body: Annotated[bool, typer.Option("--body", help="Also print the cleaned body text.")] = False,
) -> None:
    """Print one article's analysis: entities and roles, quotes, claims, events, timeline.

    Example: storyline show 99d1aa4d --db kb.db
    """
    with _errors_as_exit(), Store(db, create=False) as store:
        analysis = store.analysis(store.find(article))
    if as_json:
        sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        render(analysis, out, body=body)


@app.command("failures")
def failures_cli(db: DbOption = Path("storyline.db")) -> None:
    """List the inputs that could not be ingested, with the reason.

    Example: storyline failures --db kb.db
    """
    with _errors_as_exit(), Store(db, create=False) as store:
        for failure in store.failures():
            out.print(f"{failure.code}\t{plain(failure.message)}", highlight=False, soft_wrap=True, markup=False)


@app.command("demo")
def demo_cli(
    db: DbOption = Path("storyline-demo.db"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    serve: Annotated[
        bool, typer.Option("--serve", help="Then open the demo knowledge base in the web UI (storyline serve).")
    ] = False,
) -> None:
    """Ingest the built-in example articles, link them into a story and print its brief.

    Example: storyline demo --db demo.db --serve
    """
    from .brief import render_brief
    from .data import story_brief

    folder = Path(str(resources.files("storyline").joinpath("examples")))
    examples = sorted(p for p in folder.iterdir() if is_article_file(p))
    with _errors_as_exit(), Store(db) as store:
        report = _run_ingest(examples, store, Settings.load(), {}, quiet)
        stories = store.stories()
        briefs = [story_brief(store, story["id"]) for story in stories]
    for brief in briefs:
        out.print(Markdown(render_brief(brief, "md")))
        out.rule()
    _summary(report, db, quiet)
    if stories:
        err.print(
            f"next: storyline stories --db {db}  |  storyline brief {stories[0]['id']} --db {db} --format json"
            f"  |  storyline show ID --db {db}",
            highlight=False,
        )
    err.print(f"open: storyline serve --db {db}  then http://127.0.0.1:{DEFAULT_PORT}/", highlight=False)
    if serve:
        serve_cli(db=db)


@app.command("reanalyze")
def reanalyze_cli(
    db: DbOption = Path("storyline.db"),
    everything: Annotated[
        bool, typer.Option("--all", help="Re-run every article, not only those of another analysis version.")
    ] = False,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
    setting: SettingOption = None,
    config: ConfigOption = None,
) -> None:
    """Upgrade the database, then re-run the articles analysed by another version (or all with --all).

    Articles keep their ids; each is re-cleaned from its kept raw input when there is one, else
    its stored text is analysed again. A second run has nothing to do. Exit 1 if an article failed.

    Example: storyline reanalyze --db kb.db
    """
    from ..reanalyze import ReanalyzeReport, pending, reanalyze

    with _errors_as_exit():
        settings = _settings(config, setting, workers=workers)
        with Store(db, create=False, busy_timeout_ms=int(settings.busy_timeout * 1000)) as store:
            if quiet:
                report: ReanalyzeReport = reanalyze(store, settings, everything=everything)
            else:
                columns = (TextColumn("reanalyze"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
                with Progress(*columns, console=err, transient=True) as bar:
                    task = bar.add_task("reanalyze", total=len(pending(store, settings, everything=everything)))
                    report = reanalyze(store, settings, everything=everything, progress=lambda n: bar.advance(task, n))
    for failure in report.failures:
        err.print(f"[red]failed[/red] {failure.code}: {failure.message}", highlight=False, soft_wrap=True)
    if not quiet:
        done = f"{report.updated} reanalysed ({report.from_raw} from raw input)" if report.updated else "nothing to do"
        err.print(
            f"{done}, {report.failed} failed, {report.up_to_date} already at {report.version} -> {db}", highlight=False
        )
    if report.failures:
        raise typer.Exit(1)


# -- one entity across articles (link/entities.py) ----------------------------


@app.command("entity")
def entity_cli(
    name: Annotated[str, typer.Argument(help="A name as any article writes it (prefix ok), or a kb- id.")],
    db: DbOption = Path("storyline.db"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="table (readable) or json.")] = "table",
) -> None:
    """Show one entity across the knowledge base: its names, each outlet's roles with dates, its quotes and events.

    Articles not linked yet are linked first. A name several entities answer to lists them.
    Exit 2 (E160) when no entity has that name.

    Example: storyline entity Zelenskyy --db kb.db --format json
    """
    from ..link.entities import link_entities
    from .entity import entity_page, render_entity, render_matches

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"unknown format '{fmt}': use table or json", param_hint="--format")
    with _errors_as_exit(), Store(db, create=False) as store:
        unlinked = store.kb_unlinked_articles()
        if unlinked:
            link_entities(store, unlinked)
        if store.kb_name(name) is not None:
            matches = [{"id": name}]
        else:
            matches = store.find_kb_entities(name)
            exact = [m for m in matches if m["exact"]]
            matches = exact if len(exact) == 1 else matches
        if not matches:
            raise StorylineError("E160", name=name, path=db)
        page = entity_page(store, matches[0]["id"]) if len(matches) == 1 else None
    if fmt == "json":
        data = {"entity": page} if page is not None else {"matches": matches}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif page is not None:
        render_entity(page, out)
    else:
        render_matches(name, matches, out)


# -- stories (link/stories.py) -------------------------------------------------

STORY_FORMATS = ("table", "json")


@app.command("stories")
def stories_cli(
    db: DbOption = Path("storyline.db"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List the stories (articles about the same happening), most recent first.

    JSON: a list of objects with id, title, articles (ids), first_seen, last_seen, outlets.

    Example: storyline stories --db kb.db --format json
    """
    if fmt not in STORY_FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}': use table or json", param_hint="--format")
    with _errors_as_exit(), Store(db, create=False) as store:
        stories = store.stories()
        articles = store.counts()["articles"] if not stories else 0
    if fmt == "json":
        sys.stdout.write(json.dumps(stories, ensure_ascii=False, indent=2) + "\n")
    if not stories:
        hint = f"storyline relink --db {db}" if articles else f"storyline ingest FILES --db {db}"
        err.print(f"no stories in {db} ({articles} articles): run '{hint}'", highlight=False, soft_wrap=True)
    if fmt == "json" or not stories:
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("story", no_wrap=True)
    table.add_column("title", ratio=1, overflow="fold")
    table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("seen", no_wrap=True)
    table.add_column("outlets", max_width=18, overflow="ellipsis", no_wrap=True)
    for story in stories:
        first, last = story["first_seen"] or "?", story["last_seen"] or "?"
        seen = first if first == last else f"{first}..{last[5:] if last[:4] == first[:4] else last}"
        outlets = ", ".join(story["outlets"])
        table.add_row(story["id"], story["title"] or "", str(len(story["articles"])), seen, outlets)
    out.print(table)


@app.command("relink")
def relink_cli(
    db: DbOption = Path("storyline.db"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Rebuild every link: near-duplicate copies, entities across articles, stories.

    Example: storyline relink --db kb.db && storyline stories --db kb.db
    """
    from ..link import relink

    with _errors_as_exit(), Store(db, create=False) as store:
        report = relink(store)
    if not quiet:
        err.print(
            f"{report.stories} stories, {report.copies} copies, {report.entities} entity mentions linked "
            f"from {report.articles} articles -> {db}",
            highlight=False,
        )


# -- linking and briefs (link/, compare/) --------------------------------------


@app.command("brief")
def brief_cli(
    story: Annotated[str, typer.Argument(help="Story id or a unique prefix (see 'storyline stories').")],
    db: DbOption = Path("storyline.db"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or json.")] = "md",
) -> None:
    """The one-page brief of a story: what happened, who, when, who said what, where outlets disagree.

    JSON is the story shape of docs/json.md (conflicts, corroborated, positions, timeline).

    Example: storyline brief sd57ee --db kb.db --format md
    """
    from .brief import FORMATS, render_brief
    from .data import story_brief

    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}': use {', '.join(FORMATS)}", param_hint="--format")
    with _errors_as_exit(), Store(db, create=False) as store:
        brief = story_brief(store, story)
    sys.stdout.write(render_brief(brief, fmt).rstrip("\n") + "\n")


# -- web UI and JSON API (present/web.py) ---------------------------------------

DEFAULT_PORT = 8000


@app.command("serve")
def serve_cli(
    db: DbOption = Path("storyline.db"),
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 exposes the server to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = DEFAULT_PORT,
    max_upload_mb: Annotated[float, typer.Option("--max-upload-mb", help="Largest upload accepted, in MB.")] = 10.0,
) -> None:
    """Browse the knowledge base in a web browser; every page is also JSON (add .json to its URL).

    Listens on 127.0.0.1 only unless --host says otherwise. Articles can be uploaded or pasted
    from the browser; they go through the same ingest. Needs the web extra:
    pip install 'storyline[web]'.

    Example: storyline serve --db kb.db --port 8000  (then open http://127.0.0.1:8000/)
    """
    try:
        import uvicorn

        from .web import create_app
    except ImportError as error:
        err.print(f"[red]error[/red] {error}: pip install 'storyline[web]'", highlight=False)
        raise typer.Exit(2) from error
    with _errors_as_exit():
        web_app = create_app(db, max_upload_bytes=int(max_upload_mb * 1_000_000))
    err.print(f"serving {db} at http://{host}:{port}/  (Ctrl+C stops)", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


# -- following feeds (watch.py, feeds.py) --------------------------------------


@app.command("watch")
def watch_cli(
    feeds: Annotated[
        list[str], typer.Argument(help="RSS/Atom feed or sitemap addresses, or .urls files listing them.")
    ],
    db: DbOption = Path("storyline.db"),
    every: Annotated[str, typer.Option("--every", help="Time between polls: 30s, 10m, 2h.")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Poll each feed once, then stop.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No line per new article.")] = False,
    setting: SettingOption = None,
    config: ConfigOption = None,
) -> None:
    """Follow a developing story: poll feeds, ingest each new article and link it into its story.

    Polls politely (conditional GET, robots.txt, fetch_interval between requests to a host) and
    prints one line per new article. Ctrl-C or SIGTERM stops after the article in hand.

    Example: storyline watch https://news.example.org/world/rss.xml feeds.urls --db kb.db --every 10m
    """
    import threading
    import time

    from ..feeds import urls_in
    from ..watch import parse_interval, stop_on_signals, watch

    try:
        seconds = parse_interval(every)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--every") from error
    addresses = [a for f in feeds for a in (urls_in(Path(f)) if f.endswith(".urls") and Path(f).is_file() else [f])]

    def new_article(article_id: str, title: str, url: str) -> None:
        if not quiet:
            out.print(f"{time.strftime('%H:%M:%S')} new {article_id[:8]} {title} <{url}>", highlight=False)

    def failed(failure: Any) -> None:
        err.print(f"[red]failed[/red] {failure.code}: {failure.message}", highlight=False, soft_wrap=True)

    stop = threading.Event()
    with _errors_as_exit(), Store(db) as store, stop_on_signals(stop):
        settings = _settings(config, setting)
        report = watch(
            addresses, store, settings, every=seconds, once=once, stop=stop, on_article=new_article, on_failure=failed
        )
    if not quiet:
        err.print(
            f"{report.polls} polls, {report.added} new, {report.unchanged} unchanged, {report.not_modified} feeds "
            f"not modified, {len(report.failures)} failed -> {db}",
            highlight=False,
        )
    if report.failures:
        raise typer.Exit(1)
