"""The web UI and JSON API: server-rendered pages, each with a JSON twin.

Every page is one data function of ``present/data.py`` rendered at the edge,
as in Datasette: ``/stories/ID`` is HTML, ``/stories/ID.json`` (or the same
URL with ``Accept: application/json``) is exactly what ``story_brief``
returns, the object ``storyline brief ID --format json`` prints. Lists take
``_size`` and ``_next`` and give a ``next_url``. Errors have one shape,
``{"ok": false, "error", "code", "status"}``, as JSON or as a page.

Safe by default: Jinja2 escapes everything, a Content-Security-Policy
forbids scripts altogether (the pages have none), uploads have a size limit,
and no handler ever fetches a URL. ``create_app`` opens one ``Store``; it
gives each server thread its own SQLite connection.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import StorylineError
from ..settings import Settings
from ..store import Store
from . import data
from .brief import cite, evidence_words, quoted
from .pictures import graph_svg, timeline_svg

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_UPLOAD_BYTES = 10_000_000
# No script may run at all (the pages have none); styles and images only from here.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'; script-src 'none'; object-src 'none'"
)
# The SVG pictures carry their own <style>; they are images, so they still cannot script.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'"
NOT_FOUND_CODES = {"E122", "E160", "E161", "E162", "E181"}


def create_app(
    db_path: str | Path,
    *,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    settings: Settings | None = None,
    uploads_dir: str | Path | None = None,
) -> FastAPI:
    """The FastAPI app over the knowledge base at ``db_path`` (created if missing, so uploads can start it).

    ``uploads_dir`` keeps uploaded files (default: ``DB.uploads`` beside the
    database); ``settings`` are the ingest settings for uploads.
    """
    store = Store(db_path)
    folder = Path(uploads_dir) if uploads_dir else Path(f"{db_path}.uploads")
    app = FastAPI(
        title="storyline",
        summary="News stories as an attributed knowledge base: every page is also JSON.",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json is the description
        redoc_url=None,
    )
    app.state.store = store
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = _environment()
    app.middleware("http")(_security_headers)
    _error_handlers(app, templates)
    _pages(app, store, templates)
    _pictures(app, store)
    _uploads(app, store, templates, folder, max_upload_bytes, settings)
    return app


# -- rendering -----------------------------------------------------------------


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["hits"] = _hits
    env.filters["mark_value"] = _mark_value
    env.filters["short"] = lambda value, n=8: str(value or "")[:n]
    env.filters["outlet_names"] = _outlet_names
    env.filters["evidence_words"] = evidence_words
    env.filters["quoted"] = quoted
    env.filters["pick"] = lambda indices, items: [items[i] for i in indices]
    return env


def _hits(snippet: str | None) -> Markup:
    """A search snippet with its hits (between \\x02 and \\x03) in <mark>, everything else escaped."""
    text = str(escape(snippet or ""))
    return Markup(text.replace("\x02", "<mark>").replace("\x03", "</mark>"))


def _outlet_names(sources: list[dict[str, Any]], brief: dict[str, Any]) -> list[str]:
    """The distinct names of a list of sources, in order, as the brief cites them (outlet, else byline, else title)."""
    return list(dict.fromkeys(cite(brief, s) for s in sources))


def _mark_value(sentence: str | None, value: str | None) -> Markup:
    """The sentence, escaped, with the first occurrence of ``value`` in <mark> (case-insensitive)."""
    sentence = " ".join((sentence or "").split())
    at = sentence.lower().find((value or "").lower()) if value else -1
    if at < 0:
        return Markup(escape(sentence))
    end = at + len(value or "")
    return Markup(f"{escape(sentence[:at])}<mark>{escape(sentence[at:end])}</mark>{escape(sentence[end:])}")


def wants_json(request: Request) -> bool:
    """A ``.json`` URL, or an Accept header that asks for JSON rather than HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _twin(request: Request) -> str:
    """The JSON twin's URL of an HTML page (query string kept)."""
    path = request.url.path
    twin = "/.json" if path == "/" else path + ".json"
    return twin + (f"?{request.url.query}" if request.url.query else "")


def _render(
    request: Request, templates: Environment, name: str, page: dict[str, Any], *, status: int = 200, **extra: Any
) -> Response:
    """The page's data as JSON, or its template with the data as ``page``."""
    if wants_json(request):
        return JSONResponse(page, status_code=status)
    twin = _twin(request)
    html = templates.get_template(name).render(page=page, json_url=twin, request_path=request.url.path, **extra)
    return HTMLResponse(
        html, status_code=status, headers={"Link": f'<{twin}>; rel="alternate"; type="application/json"'}
    )


def _paged(request: Request, page: dict[str, Any]) -> dict[str, Any]:
    """A list page with ``next_url``: the same URL with ``_next`` set to the next offset (None on the last page)."""
    if page.get("next") is None:
        return {**page, "next_url": None}
    params = dict(request.query_params)
    params["_next"] = str(page["next"])
    return {**page, "next_url": f"{request.url.path}?{urlencode(params)}"}


def _size(value: int | None) -> int:
    if value is None:
        return data.DEFAULT_PAGE_SIZE
    if not 1 <= value <= data.MAX_PAGE_SIZE:
        raise StorylineError("E182", detail=f"_size must be between 1 and {data.MAX_PAGE_SIZE}")
    return value


def _offset(value: int | None) -> int:
    if value is not None and value < 0:
        raise StorylineError("E182", detail="_next must be 0 or more")
    return value or 0


# -- errors and headers ----------------------------------------------------------


def error_body(code: str, message: str, status: int) -> dict[str, Any]:
    """The one error shape, for HTML pages and JSON alike."""
    return {"ok": False, "error": message, "code": code, "status": status}


def _error_handlers(app: FastAPI, templates: Environment) -> None:
    def reply(request: Request, code: str, message: str, status: int) -> Response:
        body = error_body(code, message, status)
        if wants_json(request):
            return JSONResponse(body, status_code=status)
        html = templates.get_template("error.html").render(page=body, json_url=None, request_path=request.url.path)
        return HTMLResponse(html, status_code=status)

    async def storyline_error(request: Request, exc: Exception) -> Response:
        code = getattr(exc, "code", "E182")
        status = 413 if code == "E180" else 404 if code in NOT_FOUND_CODES else 400
        return reply(request, code, str(exc), status)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        if status == 404:
            return reply(request, "E181", str(StorylineError("E181", path=request.url.path)), 404)
        return reply(request, "E182", str(StorylineError("E182", detail=getattr(exc, "detail", exc))), status)

    async def invalid(request: Request, exc: Exception) -> Response:
        errors: list[dict[str, Any]] = list(getattr(exc, "errors", list)())
        detail = "; ".join(f"{'.'.join(map(str, e.get('loc', [])))}: {e.get('msg')}" for e in errors) or str(exc)
        return reply(request, "E182", str(StorylineError("E182", detail=detail)), 400)

    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("%s failed", request.url.path)
        return reply(request, "E184", str(StorylineError("E184", detail=type(exc).__name__)), 500)

    app.add_exception_handler(StorylineError, storyline_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, crash)


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    svg = response.headers.get("content-type", "").startswith("image/svg+xml")
    response.headers.setdefault("Content-Security-Policy", SVG_CSP if svg else CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


# -- pages -------------------------------------------------------------------------


def _pages(app: FastAPI, store: Store, templates: Environment) -> None:
    def both(path: str, name: str, summary: str, handler: Callable[..., Response]) -> None:
        """Register the JSON twin first (``/x/{id}.json`` would otherwise match ``/x/{id}``), then the page."""
        twin = "/.json" if path == "/" else path + ".json"
        app.add_api_route(twin, handler, methods=["GET"], name=f"{name}_json", summary=f"{summary} (JSON)",
                          tags=["JSON"], response_class=JSONResponse)  # fmt: skip
        app.add_api_route(path, handler, methods=["GET"], name=name, tags=["pages"], response_class=HTMLResponse,
                          summary=f"{summary} (HTML; JSON with Accept: application/json)")  # fmt: skip

    def home(request: Request, _size: int | None = None, _next: int | None = None) -> Response:
        page = _paged(request, data.home(store, size=_size_or(_size), after=_offset(_next)))
        return _render(request, templates, "home.html", page)

    def story(request: Request, story_id: str) -> Response:
        brief = data.story_brief(store, story_id)
        if not wants_json(request):
            return _render(request, templates, "story.html", brief, pictures=data.story_pictures(brief))
        return _render(request, templates, "story.html", brief)

    def article(request: Request, article_id: str) -> Response:
        return _render(request, templates, "article.html", data.article(store, article_id))

    def entity(request: Request, ref: str) -> Response:
        page = data.entity(store, ref)
        if "entity" in page and page["entity"]["id"] != ref and not wants_json(request):
            return RedirectResponse(f"/entities/{page['entity']['id']}", status_code=303)
        return _render(request, templates, "entity.html", page)

    def search(request: Request, q: str = "", _size: int | None = None, _next: int | None = None) -> Response:
        page = _paged(request, data.search(store, q, size=_size_or(_size), after=_offset(_next)))
        return _render(request, templates, "search.html", page)

    def failures(request: Request, _size: int | None = None, _next: int | None = None) -> Response:
        page = _paged(request, data.failures(store, size=_size_or(_size), after=_offset(_next)))
        return _render(request, templates, "failures.html", page)

    app.add_api_route("/index.json", home, methods=["GET"], include_in_schema=False)
    both("/", "home", "Stories, newest first, with outlets and article counts", home)
    both("/stories/{story_id}", "story", "A story's brief (the object of 'storyline brief --format json')", story)
    both("/articles/{article_id}", "article", "One article: marked text, facts, removed lines, metadata", article)
    both("/entities/{ref}", "entity", "One entity across articles, by id or by name", entity)
    both("/search", "search", "Full-text search over articles, quotes and entities", search)
    both("/failures", "failures", "Every input that did not make it, and why", failures)


def _size_or(value: int | None) -> int:
    return _size(value)


def _pictures(app: FastAPI, store: Store) -> None:
    def pictures(story_id: str) -> JSONResponse:
        return JSONResponse(data.story_pictures(data.story_brief(store, story_id)))

    def timeline(story_id: str) -> Response:
        chart = data.story_pictures(data.story_brief(store, story_id))["timeline"]
        return Response(timeline_svg(chart), media_type="image/svg+xml")

    def graph(story_id: str) -> Response:
        chart = data.story_pictures(data.story_brief(store, story_id))["graph"]
        return Response(graph_svg(chart), media_type="image/svg+xml")

    app.add_api_route("/stories/{story_id}/pictures.json", pictures, methods=["GET"], tags=["JSON"],
                      summary="The data of a story's pictures: events per day by outlet, who acts on whom")  # fmt: skip
    app.add_api_route("/stories/{story_id}/timeline.svg", timeline, methods=["GET"], tags=["pictures"],
                      summary="Events per day by outlet (SVG)", response_class=Response)  # fmt: skip
    app.add_api_route("/stories/{story_id}/graph.svg", graph, methods=["GET"], tags=["pictures"],
                      summary="Who acts on or speaks of whom (SVG)", response_class=Response)  # fmt: skip


def _uploads(
    app: FastAPI, store: Store, templates: Environment, folder: Path, limit: int, settings: Settings | None
) -> None:
    from .upload import META_FIELDS, add_articles

    def form(request: Request) -> Response:
        page = {"limit": limit, "fields": list(META_FIELDS)}
        if wants_json(request):
            return JSONResponse(page)
        html = templates.get_template("upload.html").render(page=page, json_url=None, request_path=request.url.path)
        return HTMLResponse(html)  # its JSON counterpart is POST /upload.json, which adds articles

    async def upload(request: Request) -> Response:
        """Files (field ``files``, repeatable) and/or pasted ``text`` + ``title``; outlet, url, published, byline."""
        size = int(request.headers.get("content-length") or 0)
        if size > limit:
            raise StorylineError("E180", size=size, limit=limit)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise StorylineError("E180", size=f"more than {limit}", limit=limit)
        received = bytes(body)

        async def replay() -> dict[str, Any]:
            return {"type": "http.request", "body": received, "more_body": False}

        fields = await Request(request.scope, replay).form(max_files=100, max_fields=20)
        uploaded = [(f.filename or "", await f.read()) for f in fields.getlist("files") if isinstance(f, UploadFile)]
        files = [(name or "upload.txt", content) for name, content in uploaded if name or content]
        text = str(fields.get("text") or "")
        if not text.strip() and not any(content for _, content in files):
            raise StorylineError("E183")
        meta = {k: str(fields.get(k) or "") for k in META_FIELDS}
        result = await run_in_threadpool(
            add_articles, store, files, pasted=text, title=str(fields.get("title") or ""), meta=meta,
            folder=folder, settings=settings,
        )  # fmt: skip
        return _render(request, templates, "uploaded.html", result)

    app.add_api_route("/upload", form, methods=["GET"], tags=["pages"], response_class=HTMLResponse,
                      summary="The form to add articles")  # fmt: skip
    app.add_api_route("/upload.json", upload, methods=["POST"], tags=["JSON"],
                      summary="Add articles (multipart: files, or text + title; outlet, url, published, byline)",
                      response_class=JSONResponse)  # fmt: skip
    app.add_api_route("/upload", upload, methods=["POST"], tags=["pages"], response_class=HTMLResponse,
                      summary="Add articles from the browser; the result per file")  # fmt: skip
