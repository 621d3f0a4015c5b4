"""The web app against a real SQLite file: JSON twins, paging, errors, escaping, CSP, uploads, a real server.

A session fixture ingests the seeds (when present), the built-in examples and
a hostile article (markup, a script tag, a 6,000-character line) once; the
tests then talk to the real app through FastAPI's TestClient, and one starts
uvicorn on a free port.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from html import escape, unescape
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")
import httpx  # noqa: E402
import uvicorn  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from storyline.ingest import ingest  # noqa: E402
from storyline.present import data  # noqa: E402
from storyline.present.brief import UNKNOWN_OUTLET, cite  # noqa: E402
from storyline.present.cli import app as cli_app  # noqa: E402
from storyline.present.web import create_app  # noqa: E402
from storyline.read import is_article_file  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.store import Store  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
HOSTILE_TITLE = "<script>alert('title')</script> Harbour council vote"
HOSTILE_BODY = (
    "Portmere, 4 May 2026\n\n"
    "The harbour council of Portmere voted on Monday to close the old ferry pier, "
    'council leader Ilse Varga said. <script>alert("body")</script> "We had no other choice," Varga told reporters.\n\n'
    + "Residents <img src=x onerror=alert(1)> protested outside the hall on Tuesday. "
    + "x" * 6000
    + "\n\nThe pier will close in June, the council said in a statement.\n"
)
UPLOAD_TEXT = (
    "Orlen Dam deal holds for a second day as Marevia slows the filling\n\n"
    "Dorava, 14 March 2026\n\n"
    "Marevia slowed the filling of the Orlen Dam reservoir on Saturday, two days after the interim deal "
    "signed in Vienna, and the flow of the Tessa at Selm rose for the first time in weeks.\n\n"
    "Dastrian President Anton Merel said the change was welcome but not enough. "
    "\u201cA river that crosses a border belongs to both sides of it,\u201d Merel told reporters in Dorava.\n\n"
    "Farmers in Selm, who rejected the interim deal on Friday, said they would keep watching the river "
    "before deciding on new protests over the Orlen Dam and the Tessa.\n"
)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One knowledge base for the session: seeds (if present), the examples and the hostile article."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "inputs" / "hostile.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE_BODY, encoding="utf-8")
    hostile.with_name("hostile.meta.json").write_text(
        json.dumps({"title": HOSTILE_TITLE, "outlet": "<b>Evil</b> Gazette"}), encoding="utf-8"
    )
    examples = Path(str(resources.files("storyline").joinpath("examples")))
    paths: list[Path] = sorted(p for p in examples.iterdir() if is_article_file(p))
    if SEEDS.exists():
        paths += sorted(p for p in SEEDS.iterdir() if is_article_file(p))
    db = folder / "web.db"
    with Store(db) as store:
        report = ingest([*paths, hostile], store, Settings.load())
    assert report.failed == 0, report.failures
    return db


@pytest.fixture(scope="session")
def client(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app = create_app(web_db, uploads_dir=tmp_path_factory.mktemp("uploads"))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def store(web_db: Path) -> Iterator[Store]:
    with Store(web_db) as opened:
        yield opened


def _story_with(store: Store, words: str) -> dict[str, Any]:
    """The built-in examples' story whose title has these words; failing, not skipping, when it is gone."""
    for story in store.stories():
        if all(w in (story["title"] or "") for w in words.split()):
            return story
    pytest.fail(f"no story titled with {words!r}: {[s['title'] for s in store.stories()]}")


def _seed_story(store: Store) -> dict[str, Any]:
    if not SEEDS.exists():
        pytest.skip(f"{SEEDS} not found")
    for story in store.stories():
        brief = data.story_brief(store, story["id"])
        if any(c["subject"].endswith("Umerov") for c in brief["conflicts"]):
            return story
    pytest.fail("the seeds' story with the role conflict was not found")


def _hostile_id(store: Store) -> str:
    return store.find("hostile.txt")


def test_web_story_twin_is_the_object_storyline_brief_prints(client: TestClient, store: Store, web_db: Path) -> None:
    story = _story_with(store, "Vienna")
    printed = CliRunner().invoke(cli_app, ["brief", story["id"], "--db", str(web_db), "--format", "json"])
    assert printed.exit_code == 0, printed.output
    twin = client.get(f"/stories/{story['id']}.json")
    assert twin.status_code == 200 and twin.headers["content-type"].startswith("application/json")
    assert twin.json() == json.loads(printed.stdout) == data.story_brief(store, story["id"])
    negotiated = client.get(f"/stories/{story['id']}", headers={"Accept": "application/json"})
    assert negotiated.json() == twin.json()


@pytest.mark.parametrize(
    "path, build",
    [
        ("/.json", lambda s: data.home(s)),
        ("/failures.json", lambda s: data.failures(s)),
        ("/search.json?q=Merel", lambda s: data.search(s, "Merel")),
        ("/entities/Merel.json", lambda s: data.entity(s, "Merel")),
        ("/articles/hostile.txt.json", lambda s: data.article(s, "hostile.txt")),
    ],
)
def test_web_json_twin_is_its_data_function(client: TestClient, store: Store, path: str, build: Any) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    got = response.json()
    got.pop("next_url", None)
    assert got == json.loads(json.dumps(build(store)))


def test_web_home_pages_with_size_and_next_link(client: TestClient, store: Store) -> None:
    total = len(store.stories())
    assert total >= 2
    seen: list[str] = []
    url: str | None = "/.json?_size=1"
    while url:
        page = client.get(url).json()
        assert len(page["stories"]) == 1
        seen += [s["id"] for s in page["stories"]]
        url = page["next_url"]
        assert (url is None) == (len(seen) == total)
    assert seen == [s["id"] for s in store.stories()]
    first = client.get("/.json?_size=1").json()["stories"][0]
    assert first["article_count"] == len(first["articles"]) and first["outlet_articles"]


def test_web_html_pages_link_their_twin_and_next_page(client: TestClient) -> None:
    response = client.get("/?_size=1")
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    assert response.headers["link"].startswith("</.json?_size=1>")
    assert 'href="/?_size=1&amp;_next=1"' in response.text


@pytest.mark.parametrize(
    "path, status, code",
    [
        ("/no/such/page", 404, "E181"),
        ("/stories/zzzz", 404, "E162"),
        ("/articles/zzzz", 404, "E122"),
        ("/entities/Nobody%20Atall", 404, "E160"),
        ("/?_size=0", 400, "E182"),
        ("/search?q=x&_next=-3", 400, "E182"),
        ("/?_size=abc", 400, "E182"),
    ],
)
def test_web_errors_have_one_shape_as_json_and_html(client: TestClient, path: str, status: int, code: str) -> None:
    as_json = client.get(path, headers={"Accept": "application/json"})
    assert as_json.status_code == status
    body = as_json.json()
    assert body["ok"] is False and body["code"] == code and body["status"] == status and body["error"]
    as_html = client.get(path)
    assert as_html.status_code == status and "text/html" in as_html.headers["content-type"]
    assert code in as_html.text and "Content-Security-Policy" in as_html.headers


def test_web_pages_forbid_scripts_and_contain_none(client: TestClient, store: Store) -> None:
    story = store.stories()[0]
    paths = ["/", f"/stories/{story['id']}", f"/articles/{story['articles'][0]}", "/search?q=dam", "/failures",
             "/upload", "/entities/Merel"]  # fmt: skip
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        csp = response.headers["content-security-policy"]
        assert "script-src 'none'" in csp and "default-src 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "<script" not in response.text.lower(), path
        assert not re.search(r"<[^>]+\son\w+\s*=", response.text), path


def test_web_hostile_article_is_escaped_everywhere(client: TestClient, store: Store) -> None:
    article_id = _hostile_id(store)
    page = client.get(f"/articles/{article_id}")
    assert page.status_code == 200
    assert "<script" not in page.text and "<img" not in page.text and "<b>Evil" not in page.text
    assert "&lt;script&gt;alert(" in page.text and "&lt;b&gt;Evil&lt;/b&gt; Gazette" in page.text
    assert "x" * 6000 in page.text  # the long line is kept whole; CSS wraps it
    twin = client.get(f"/articles/{article_id}.json").json()
    assert "<script>" in twin["text"]  # JSON carries the text as it is: escaping is the renderer's job
    for path in ("/", "/search?q=harbour", f"/stories/{store.story_of(article_id)}"):
        response = client.get(path)
        assert "<script" not in response.text, path


def test_web_article_page_marks_quotes_and_links_entities(client: TestClient, store: Store) -> None:
    story = _story_with(store, "Vienna")
    twin = client.get(f"/articles/{story['articles'][0]}.json").json()
    pieces = [piece for paragraph in twin["paragraphs"] for piece in paragraph]
    assert "".join(p["text"] for p in pieces).replace("\n", "") in twin["text"].replace("\n", "")
    kinds = {twin["marks"][n]["kind"] for p in pieces for n in p["marks"]}
    assert {"quote", "speaker", "entity"} <= kinds
    html = client.get(f"/articles/{story['articles'][0]}").text
    assert 'class="m-quote' in html and 'href="/entities/kb' in html
    assert {row["field"] for row in twin["metadata"]} >= {"title", "outlet", "published"}


def test_web_article_page_shows_section_headings_above_their_paragraphs(client: TestClient, store: Store) -> None:
    article_id = store.find("01_meridian_preview.txt")
    twin = client.get(f"/articles/{article_id}.json").json()
    assert len(twin["headings"]) == len(twin["paragraphs"])
    shown = [(n, heading) for n, headings in enumerate(twin["headings"]) for heading in headings]
    assert [heading for _, heading in shown] == [s["text"] for s in twin["subheads"]]
    html = client.get(f"/articles/{article_id}").text
    assert html.count('<h3 class="subhead">') == len(shown)
    body = html[html.index('<div class="body">') : html.index("<aside>")]
    reading = unescape(re.sub(r"<h3[^>]*>", "\n## ", re.sub(r"<(?!h3)[^>]+>", "", body)))
    for n, heading in shown:
        last_before = "".join(piece["text"] for piece in twin["paragraphs"][n - 1])[-30:]
        first_after = "".join(piece["text"] for piece in twin["paragraphs"][n])[:30]
        assert reading.index(last_before) < reading.index(f"## {heading}") < reading.index(first_after)


def test_web_entity_by_name_redirects_to_its_id(client: TestClient) -> None:
    response = client.get("/entities/Anton%20Merel", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/entities/kb")
    page = client.get(response.headers["location"])
    assert "Anton Merel" in page.text and "Roles by outlet" in page.text


def test_web_search_finds_articles_and_quotes(client: TestClient) -> None:
    found = client.get("/search.json?q=river+belongs").json()
    assert found["article_total"] >= 1 and found["quote_total"] >= 1
    assert "\x02" in found["articles"][0]["snippet"]
    html = client.get("/search?q=river+belongs").text
    assert "<mark>" in html
    assert client.get('/search.json?q="unbalanced AND (').status_code == 200


def test_web_story_pictures_are_svg_from_the_brief(client: TestClient, store: Store) -> None:
    story = _story_with(store, "Vienna")
    pictures = client.get(f"/stories/{story['id']}/pictures.json").json()
    assert pictures == data.story_pictures(data.story_brief(store, story["id"]))
    assert pictures["timeline"]["days"] and pictures["graph"]["nodes"]
    for name in ("timeline", "graph"):
        svg = client.get(f"/stories/{story['id']}/{name}.svg")
        assert svg.headers["content-type"].startswith("image/svg+xml") and svg.text.startswith("<svg")
        assert "<script" not in svg.text


def test_web_story_names_each_source_as_the_brief_cites_it(client: TestClient, store: Store) -> None:
    """An article without an outlet goes by its byline or title in the lede count, lists and chart, never "unknown"."""
    story = _story_with(store, "Vienna")
    brief = data.story_brief(store, story["id"])
    unnamed = len(brief["articles_by_outlet"].get(UNKNOWN_OUTLET, []))
    assert unnamed, "the examples hold articles without an outlet"
    html = client.get(f"/stories/{story['id']}").text
    assert f"{unnamed} article{'' if unnamed == 1 else 's'} without a named outlet" in html
    home = client.get("/").text
    assert f"{unnamed} article{'' if unnamed == 1 else 's'} without a named outlet" in home
    assert UNKNOWN_OUTLET not in home
    chart = data.story_pictures(brief)["timeline"]
    cited = {cite(brief, s) for item in brief["timeline"] if item.get("date") for s in item["sources"]}
    assert set(chart["outlets"]) == cited and UNKNOWN_OUTLET not in cited
    for fact in brief["corroborated"]:
        names = ", ".join(dict.fromkeys(cite(brief, s) for s in fact["sources"]))
        assert str(escape(names)) in html


def test_web_seed_story_shows_the_role_conflict_side_by_side(client: TestClient, store: Store) -> None:
    story = _seed_story(store)
    html = client.get(f"/stories/{story['id']}").text
    conflict = next(c for c in data.story_brief(store, story["id"])["conflicts"] if c["subject"].endswith("Umerov"))
    assert 'class="conflict"' in html
    for value in conflict["values"]:
        assert f'<p class="value">{value["value"]}</p>' in html


def test_web_upload_adds_articles_that_join_their_story_and_reports_each_file(client: TestClient, store: Store) -> None:
    story = _story_with(store, "Vienna")
    files = [
        ("files", ("dam-day-six.txt", UPLOAD_TEXT.encode("utf-8"), "text/plain")),
        ("files", ("scan.pdf", b"%PDF-1.4 not an article", "application/pdf")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    response = client.post("/upload.json", files=files, data={"outlet": "Tessa Times", "published": "2026-03-14"})
    assert response.status_code == 200, response.text
    result = response.json()
    by_file = {r["file"]: r for r in result["results"]}
    assert by_file["dam-day-six.txt"]["outcome"] == "added"
    assert by_file["dam-day-six.txt"]["story"]["id"] == story["id"]
    assert by_file["scan.pdf"]["outcome"] == "failed" and by_file["scan.pdf"]["code"] == "E106"
    assert by_file["empty.txt"]["outcome"] == "failed" and by_file["empty.txt"]["code"] == "E101"
    article_id = by_file["dam-day-six.txt"]["article"]
    assert store.analysis(article_id).article.outlet == "Tessa Times"
    again = client.post("/upload.json", files=files[:1]).json()
    assert again["results"][0]["outcome"] == "unchanged"


def test_web_upload_of_pasted_text_shows_the_result_page(client: TestClient) -> None:
    response = client.post("/upload", data={"text": UPLOAD_TEXT.replace("second day", "third day"), "title": "Pasted"})
    assert response.status_code == 200 and "1 article added" in response.text
    assert client.post("/upload.json", data={"text": "  "}).json()["code"] == "E183"


def test_web_upload_over_the_limit_is_refused(web_db: Path, tmp_path: Path) -> None:
    small = create_app(web_db, max_upload_bytes=1000, uploads_dir=tmp_path)
    with TestClient(small) as test_client:
        response = test_client.post("/upload.json", files=[("files", ("big.txt", b"word " * 1000, "text/plain"))])
    assert response.status_code == 413 and response.json()["code"] == "E180"
    assert not any(tmp_path.iterdir())


def test_web_openapi_describes_every_page_and_twin(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/", "/.json", "/stories/{story_id}", "/stories/{story_id}.json", "/articles/{article_id}.json",
                 "/entities/{ref}.json", "/search.json", "/failures.json", "/upload.json"):  # fmt: skip
        assert path in paths, path
    assert {p["name"] for p in paths["/search.json"]["get"]["parameters"]} >= {"q", "_size", "_next"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1 and a free port, in a thread, for the session."""
    port = _free_port()
    app = create_app(web_db, uploads_dir=tmp_path_factory.mktemp("served-uploads"))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


def test_web_real_server_answers_pages_and_twins(server: str, store: Store) -> None:
    story = store.stories()[0]
    with httpx.Client(base_url=server, timeout=30) as http:
        home = http.get("/")
        assert home.status_code == 200 and "script-src 'none'" in home.headers["content-security-policy"]
        assert http.get(f"/stories/{story['id']}.json").json() == data.story_brief(store, story["id"])
        assert http.get("/nope.json").json()["status"] == 404


def test_web_serve_command_is_documented_with_an_example() -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "127.0.0.1" in result.output
