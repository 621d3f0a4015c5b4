"""Articles added from the browser: saved as files, then through the same ingest as the CLI.

Each uploaded file (or the pasted text, saved as a ``.txt`` with a sidecar
``.meta.json`` for its title) is kept in an uploads folder beside the
database, so its ``source`` names a real file and a failure can be looked at
later. The result lists every input (a JSONL file has one per line): added,
unchanged (that content was already stored) or failed with its code, and the
story each article joined. Nothing is fetched: a URL in the form is only
metadata.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..ingest import ingest, raw_id
from ..model import Failure
from ..read import read
from ..settings import Settings
from ..store import Store

# spaCy pipelines are not meant to be shared by threads at once, and one
# writer at a time is all SQLite allows anyway: uploads take turns.
_INGEST_LOCK = threading.Lock()
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
META_FIELDS = ("outlet", "url", "published", "byline")


def safe_name(name: str, taken: set[str]) -> str:
    """A file name that cannot leave the uploads folder or collide with another of the same upload."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip("._") or "upload.txt"
    candidate, n = base, 1
    while candidate in taken or candidate.endswith(".meta.json"):
        stem, dot, suffix = base.partition(".")
        candidate = f"{stem}-{n}{dot}{suffix}"
        n += 1
    taken.add(candidate)
    return candidate


def add_articles(
    store: Store,
    files: list[tuple[str, bytes]],
    *,
    pasted: str = "",
    title: str = "",
    meta: dict[str, str] | None = None,
    folder: Path,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Save and ingest uploaded files and pasted text; ``{"ok", "results" [...], "added", "failed"}``.

    ``meta`` (outlet, url, published, byline) applies to every input, as
    ``storyline ingest --meta`` does. Ingest runs in this process with one
    worker: a web server thread must not fork.
    """
    settings = replace(settings or Settings.load(), workers=1)
    meta = {k: v.strip() for k, v in (meta or {}).items() if k in META_FIELDS and v and v.strip()}
    batch = folder / time.strftime("%Y%m%d-%H%M%S")
    batch.mkdir(parents=True, exist_ok=True)
    taken = {p.name for p in batch.iterdir()}
    saved: list[tuple[str, Path]] = []
    for name, data in files:
        path = batch / safe_name(name, taken)
        path.write_bytes(data)
        saved.append((name, path))
    if pasted.strip():
        path = batch / safe_name("pasted.txt", taken)
        path.write_text(pasted, encoding="utf-8")
        if title.strip():
            path.with_name(path.stem + ".meta.json").write_text(json.dumps({"title": title.strip()}), "utf-8")
        saved.append(("pasted text", path))
    with _INGEST_LOCK:
        items = {name: list(read([path], settings, meta)) for name, path in saved}
        before = {
            raw_id(i): store.has(raw_id(i)) for found in items.values() for i in found if not isinstance(i, Failure)
        }
        report = ingest([path for _, path in saved], store, settings, meta=meta)
    failed = {f.source: f for f in [*report.failures, *report.skipped]}
    results = []
    for name, found in items.items():
        for item in found:
            results.append(_result(store, name, item, failed, before))
    return {
        "ok": not any(r["outcome"] == "failed" for r in results),
        "results": results,
        "added": sum(r["outcome"] == "added" for r in results),
        "failed": sum(r["outcome"] == "failed" for r in results),
    }


def _result(store: Store, name: str, item: Any, failed: dict[str, Failure], before: dict[str, bool]) -> dict[str, Any]:
    row: dict[str, Any] = {"file": name, "source": item.source, "article": None, "story": None}
    failure = item if isinstance(item, Failure) else failed.get(item.source)
    if failure is not None:
        return {**row, "outcome": "failed", "code": failure.code, "message": failure.message}
    article_id = raw_id(item)
    if not store.has(article_id):
        return {**row, "outcome": "failed", "code": "E112", "message": f"{item.source}: not stored"}
    story_id = store.story_of(article_id)
    story = store.story(story_id) if story_id else None
    return {
        **row,
        "outcome": "unchanged" if before.get(article_id) else "added",
        "code": None,
        "message": None,
        "article": article_id,
        "story": {"id": story["id"], "title": story["title"]} if story else None,
    }
