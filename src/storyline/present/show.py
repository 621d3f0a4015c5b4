"""A readable, terminal rendering of one article's analysis.

Built from ``Analysis.to_dict()``, the same data as the JSON export, so what a
user reads and what a program loads always agree.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Analysis
from .terminal import plain


def render(analysis: Analysis, console: Console, *, body: bool = False) -> None:
    """Print ``analysis`` as a header, optional body, and one table per kind of fact.

    Every string is untrusted article text: control characters (ANSI escapes,
    newlines in a title) are escaped by ``plain`` so they cannot restyle the
    terminal or forge lines; the body keeps its line breaks.
    """
    data: dict[str, Any] = {k: (_body_safe(v) if k == "text" else _safe(v)) for k, v in analysis.to_dict().items()}
    console.print(_header(data))
    if body:
        console.print(Panel(Text(data["text"]), title="body", expand=False))
    for title, rows, columns in _sections(data):
        if rows:
            console.print(_table(title, columns, rows))
    if data["removed"]:
        reasons: dict[str, int] = {}
        for item in data["removed"]:
            reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
        summary = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items()))
        console.print(Text(f"removed {len(data['removed'])} boilerplate lines: {summary}", style="dim"))


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {k: _safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_safe(v) for v in value]
    return value


def _body_safe(text: str) -> str:
    return "\n".join(plain(line) for line in text.split("\n"))


def _header(data: dict[str, Any]) -> Panel:
    date = data["published"] or "date unknown"
    if data["published"] and data["published_source"] != "explicit":
        date += f" ({data['published_source']})"
    lines = [
        Text(data["title"] or "(no title)", style="bold"),
        Text(" · ".join(x for x in (data["outlet"], data["byline"], date) if x), style="cyan"),
        Text(f"id {data['id']}  source {data['source']}", style="dim"),
    ]
    if data["url"]:
        lines.append(Text(data["url"], style="dim"))
    if data["tags"]:
        lines.append(Text("tags: " + ", ".join(data["tags"]), style="dim"))
    return Panel(Group(*lines), expand=False)


def _roles(entity: dict[str, Any]) -> str:
    return "; ".join(r["title"] + (f" ({r['org']})" if r["org"] else "") for r in entity["roles"])


def _sections(data: dict[str, Any]) -> list[tuple[str, list[list[str]], list[str]]]:
    return [
        (
            "entities",
            [
                [e["name"], e["type"], _roles(e), ", ".join(e["aliases"]), str(len(e["mentions"]))]
                for e in data["entities"]
            ],
            ["name", "type", "roles", "aliases", "mentions"],
        ),
        (
            "quotes",
            [[q["kind"], q["speaker"] or "?", q["text"], _how(q)] for q in data["quotes"]],
            ["kind", "speaker", "text", "cue / channel / via"],
        ),
        (
            "attributions",
            [[a["source"], a["source_type"] or "", a["cue"], a["claim"]] for a in data["attributions"]],
            ["source", "type", "cue", "claim"],
        ),
        (
            "events",
            [
                [
                    e["type"],
                    e["mode"] or "",
                    e["actor"] or "",
                    e["target"] or "",
                    e["location"] or "",
                    e["date"] or "",
                    e["status"],
                    e["sentence"],
                ]
                for e in data["events"]
            ],
            ["type", "mode", "actor", "target", "where", "when", "status", "evidence"],
        ),
        (
            "timeline",
            [[t["date"] or "undated", t["granularity"], t["kind"], t["text"]] for t in data["timeline"]],
            ["date", "granularity", "kind", "text"],
        ),
        (
            "dates",
            [[d["text"], d["value"] or "unresolved", d["granularity"], d["anchor"] or ""] for d in data["dates"]],
            ["text", "value", "granularity", "anchor"],
        ),
    ]


def _how(quote: dict[str, Any]) -> str:
    return " / ".join(x for x in (quote["cue"], quote["channel"], quote["via"] and f"via {quote['via']}") if x)


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table
