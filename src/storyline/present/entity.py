"""One knowledge-base entity across articles: the data, and its terminal rendering.

``entity_page`` gathers what ``storyline entity NAME`` shows (and prints as
JSON with ``--format json``): the entity's names, each outlet's roles for it
with the publication date, its quotes and its events. ``render_entity``
prints the same data readably at 80 columns: roles in a table whose text
columns wrap, quotes and events as short paragraphs rather than narrow cells.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..store import Store
from .brief import quoted


def entity_page(store: Store, kb_id: str) -> dict[str, Any]:
    """Everything known about one knowledge-base entity: ``Store.kb_entity`` plus quotes and events."""
    page = store.kb_entity(kb_id)
    page["quotes"] = store.kb_quotes(kb_id)
    page["events"] = store.kb_events(kb_id)
    page["stories"] = _stories(store, [a["article_id"] for a in page["articles"]])
    return page


def _stories(store: Store, article_ids: list[str]) -> list[dict[str, Any]]:
    """The stories the entity's articles belong to, each once: id, title, how many of its articles."""
    found: dict[str, dict[str, Any]] = {}
    for article_id in article_ids:
        story_id = store.story_of(article_id)
        if story_id is None:
            continue
        if story_id not in found:
            story = store.story(story_id)
            found[story_id] = {"id": story_id, "title": story["title"] if story else None, "articles": 0}
        found[story_id]["articles"] += 1
    return list(found.values())


def render_entity(page: dict[str, Any], console: Console) -> None:
    """Print an entity page: header and names, roles by outlet, quotes, events."""
    console.print(Text(f"{page['name']}  ({page['type']}, {page['id']})", style="bold"))
    names = ", ".join(f"{n['name']} ({n['count']})" for n in page["names"])
    console.print(_indented(f"names: {names}", indent=0))
    console.print(Text(f"articles: {len(page['articles'])}", style="dim"))
    console.print(_roles_table(page["articles"]))
    if page["quotes"]:
        console.print(Text("quotes", style="bold underline"))
        for quote in page["quotes"]:
            console.print(_indented(quoted(" ".join(quote["text"].split()), quote["kind"]), indent=0))
            how = " / ".join(x for x in (quote["cue"], quote["channel"], quote["via"] and f"via {quote['via']}") if x)
            console.print(_indented(f"{quote['kind']}, as {quote['speaker']}{', ' + how if how else ''}", style="dim"))
            console.print(_indented(_source(quote), style="dim"))
    if page["events"]:
        console.print(Text("events", style="bold underline"))
        for event in page["events"]:
            parties = " -> ".join(x for x in (event["actor"], event["target"]) if x)
            head = f"{event['type']} ({event['as']}): {parties}" if parties else f"{event['type']} ({event['as']})"
            where_when = ", ".join(x for x in (event["location"], event["date"], event["status"]) if x)
            console.print(_indented(head + (f"  [{where_when}]" if where_when else ""), indent=0, style="bold"))
            console.print(_indented(" ".join(event["sentence"].split())))
            console.print(_indented(_source(event), style="dim"))


def render_matches(name: str, matches: list[dict[str, Any]], console: Console) -> None:
    """Several entities answer to ``name``: list them so the user can pick one by id."""
    console.print(Text(f"{len(matches)} entities match '{name}'; give a fuller name or an id:"))
    table = Table(show_header=True, expand=False)
    table.add_column("id", no_wrap=True)
    table.add_column("name", overflow="fold", min_width=16)
    table.add_column("type", no_wrap=True)
    table.add_column("articles", justify="right", no_wrap=True)
    for match in matches:
        table.add_row(match["id"], match["name"], match["type"], str(match["articles"]))
    console.print(table)


def _roles_table(articles: list[dict[str, Any]]) -> Table:
    table = Table(title="roles by outlet", title_justify="left", expand=True, show_lines=False)
    table.add_column("outlet", overflow="fold", ratio=2, min_width=10)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("as / role", overflow="fold", ratio=4, min_width=16)
    table.add_column("article", no_wrap=True, min_width=8)
    for article in articles:
        roles = "; ".join(r["title"] + (f" ({r['org']})" if r["org"] else "") for r in article["roles"])
        table.add_row(
            _cited(article),
            article["published"] or "undated",
            article["name_in_article"] + (f": {roles}" if roles else ""),
            article["article_id"][:8],
        )
    return table


def _indented(text: str, *, indent: int = 2, style: str = "") -> Padding:
    """A paragraph whose wrapped lines keep its indent (plain Text would wrap to column 0)."""
    return Padding(Text(text, style=style), (0, 0, 0, indent), expand=False)


def _source(fact: dict[str, Any]) -> str:
    return f"{_cited(fact)}, {fact['published'] or 'undated'}, article {fact['article_id'][:8]}"


def _cited(fact: dict[str, Any]) -> str:
    """Who reported it, as the brief names a source: outlet, else byline, else title; "?" when none is known."""
    title = fact.get("title") or ""
    return fact["outlet"] or fact.get("byline") or (title[:39] + "…" if len(title) > 40 else title) or "?"
