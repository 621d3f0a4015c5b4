"""End to end in a real browser: Debian's chromium driven by Playwright against a real uvicorn server.

Opens the home page, clicks into the seeds' story, checks that the role
conflict and the quotes are shown, opens an article and an entity, uploads a
file, and saves screenshots at laptop (1280x800) and phone (390x844) widths
to a temporary folder (printed, so a person can look at them). Skips with
the reason when chromium or Playwright is missing; never downloads a browser.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
VIEWPORTS = {"laptop": (1280, 800), "phone": (390, 844)}

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: apt-get install chromium", allow_module_level=True)
try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:
    pytest.skip("playwright is not installed: pip install playwright", allow_module_level=True)
uvicorn = pytest.importorskip("uvicorn")

from storyline.ingest import ingest  # noqa: E402
from storyline.present.web import create_app  # noqa: E402
from storyline.read import is_article_file  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.store import Store  # noqa: E402

UPLOAD = (
    "Portmere ferry pier closes early after storm damage\n\n"
    "Portmere, 2 June 2026\n\n"
    "The old ferry pier in Portmere closed two weeks early on Tuesday after a storm cracked its deck, "
    "harbour council leader Ilse Varga said.\n\n"
    "\u201cWe will not risk anyone on that deck,\u201d Varga told reporters at the harbour.\n"
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not SEEDS.exists():
        pytest.skip(f"{SEEDS} not found")
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "kb.db"
    with Store(db) as store:
        ingest(sorted(p for p in SEEDS.iterdir() if is_article_file(p)), store, Settings.load())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(db, uploads_dir=folder / "uploads"), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("STORYLINE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots: {folder}")
    return folder


def _page(browser: Browser, viewport: str) -> Page:
    width, height = VIEWPORTS[viewport]
    page = browser.new_page(viewport={"width": width, "height": height})
    page.on("pageerror", lambda error: pytest.fail(f"script error on the page: {error}"))
    return page


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_web_browser_story_conflict_quotes_article_entity(
    browser: Browser, base_url: str, shots: Path, viewport: str
) -> None:
    page = _page(browser, viewport)
    blocked: list[str] = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Stories"
    page.screenshot(path=shots / f"home-{viewport}.png", full_page=True)

    page.locator(".stories a").first.click()
    page.wait_for_url("**/stories/*")
    conflict = page.locator(".conflict").filter(has_text="Umerov")
    assert conflict.count() >= 1
    sides = conflict.first.locator(".side")
    assert sides.count() >= 2
    assert {sides.nth(0).locator(".value").inner_text(), sides.nth(1).locator(".value").inner_text()} >= {
        "Defense Minister"
    }
    assert page.locator("#said blockquote.quote").count() >= 3
    assert page.locator("#said h3").filter(has_text="Zelenskyy").count() == 1
    assert page.locator("img[src$='timeline.svg']").evaluate("img => img.naturalWidth") > 0
    page.screenshot(path=shots / f"story-{viewport}.png", full_page=True)
    conflict.first.screenshot(path=shots / f"story-conflict-{viewport}.png")

    page.locator("#articles a").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator(".body .m-quote").count() >= 1 and page.locator(".body .m-speaker").count() >= 1
    page.screenshot(path=shots / f"article-{viewport}.png", full_page=True)

    page.locator(".body a[href^='/entities/']").filter(has_text="Umerov").first.click()
    page.wait_for_url("**/entities/kb*")
    assert "Umerov" in page.locator("h1").inner_text()
    assert page.get_by_text("Roles by outlet").count() == 1
    page.screenshot(path=shots / f"entity-{viewport}.png", full_page=True)
    assert not blocked, blocked
    page.close()


def test_web_browser_upload_a_file(browser: Browser, base_url: str, shots: Path, tmp_path: Path) -> None:
    article = tmp_path / "portmere-pier.txt"
    article.write_text(UPLOAD, encoding="utf-8")
    broken = tmp_path / "notes.docx"
    broken.write_bytes(b"PK\x03\x04 not an article")
    page = _page(browser, "laptop")
    page.goto(base_url + "/upload")
    page.screenshot(path=shots / "upload-laptop.png", full_page=True)
    page.set_input_files("#files", [str(article), str(broken)])
    page.fill("#outlet", "Portmere Gazette")
    page.get_by_role("button", name="Add to the knowledge base").click()
    page.wait_for_url("**/upload")
    results = page.locator(".uploads li")
    assert results.count() == 2
    assert "added" in results.filter(has_text="portmere-pier.txt").inner_text().lower()
    assert "E106" in results.filter(has_text="notes.docx").inner_text()
    page.screenshot(path=shots / "uploaded-laptop.png", full_page=True)
    results.filter(has_text="portmere-pier.txt").get_by_role("link", name="Read the article").click()
    assert page.locator("h1").inner_text().startswith("Portmere ferry pier")
    page.close()
