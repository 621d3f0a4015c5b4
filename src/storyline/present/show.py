"""A readable, terminal rendering of one article's analysis.

Built from ``Analysis.to_dict()``, the same data as the JSON export, so what a
user reads and what a program loads always agree.

Laid out for an 80-column terminal: short tables only where every column fits
(entities, timeline, dates), and one paragraph per record for the long-text
facts (quotes, attributions, events), so the article's own words wrap at word
boundaries instead of being folded mid-word into a narrow table column.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..model import Analysis
from .brief import quoted
from .terminal import plain

INDENT = 4
"""Columns the text of a record sits in from its bold head line."""

MEASURE = 92
"""Widest a record paragraph grows on a wide terminal: long lines are hard to read."""


def render(analysis: Analysis, console: Console, *, body: bool = False) -> None:
    """Print ``analysis`` top to bottom: header, optional body, then one section per kind of fact.

    Every string is untrusted article text: control characters (ANSI escapes,
    newlines in a title) are escaped by ``plain`` so they cannot restyle the
    terminal or forge lines; the body keeps its line breaks.
    """
    data: dict[str, Any] = {k: (_body_safe(v) if k == "text" else _safe(v)) for k, v in analysis.to_dict().items()}
    console.print(_header(data))
    if body:
        console.print(Panel(Text(data["text"]), title="body", expand=False))
    for title, count, renderables in _sections(data):
        if count:
            console.print()
            console.print(Rule(f"{title} ({count})", align="left", style="dim"))
            for index, renderable in enumerate(renderables):
                if index:
                    console.print()
                console.print(renderable)
    if data["held_back_events"]:
        console.print()
        console.print(
            Text(
                f"{len(data['held_back_events'])} more events held back (the parse does not support their actor, "
                "target or sense): storyline export --table held_back_events",
                style="dim",
            )
        )
    if data["removed"]:
        reasons: dict[str, int] = {}
        for item in data["removed"]:
            reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
        summary = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items()))
        console.print()
        console.print(Text(f"removed {len(data['removed'])} boilerplate lines: {summary}", style="dim"))


# Record fields that quote running text: their line breaks are paragraph breaks the
# sentence ran across, shown as spaces (a record is one wrapped paragraph).
_RUNNING_TEXT = frozenset({"sentence", "text", "claim"})


def _safe(value: Any, key: str | None = None) -> Any:
    if isinstance(value, str):
        return plain(" ".join(value.split()) if key in _RUNNING_TEXT else value)
    if isinstance(value, dict):
        return {k: _safe(v, k) for k, v in value.items()}
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
        Text(f"id {data['id']}  source {data['source']}", style="dim", overflow="fold"),
    ]
    if data["url"]:
        lines.append(Text(data["url"], style="dim", overflow="fold"))
    if data["tags"]:
        lines.append(Text("tags: " + ", ".join(data["tags"]), style="dim"))
    return Panel(Group(*lines), expand=False)


def _sections(data: dict[str, Any]) -> list[tuple[str, int, list[RenderableType]]]:
    """Each section's title, record count and what to print for it, in reading order."""
    return [
        ("entities", len(data["entities"]), [_entities(data["entities"])]),
        ("quotes", len(data["quotes"]), [_record(*_quote(q)) for q in data["quotes"]]),
        ("attributions", len(data["attributions"]), [_record(*_attribution(a)) for a in data["attributions"]]),
        ("events", len(data["events"]), [_record(*_event(e)) for e in data["events"]]),
        ("timeline", len(data["timeline"]), [_timeline(data["timeline"])]),
        ("dates", len(data["dates"]), [_dates(data["dates"])]),
    ]


def _flat(text: str) -> str:
    """Text with its line breaks and runs of spaces folded to single spaces, so it wraps cleanly."""
    return re.sub(r"\s+", " ", text).strip()


def _record(head: Text, lines: list[str]) -> Constrain:
    """One record as a paragraph: a bold head line, then its text indented and wrapped at words."""
    body = [Padding(Text(line), (0, 0, 0, INDENT), expand=False) for line in lines if line]
    return Constrain(Group(head, *body), MEASURE)


def _head(label: str, name: str, detail: str) -> Text:
    head = Text()
    head.append(f"{label:<6} ", style="bold magenta")
    head.append(name, style="bold")
    if detail:
        head.append(f" ({detail})", style="cyan")
    return head


def _quote(quote: dict[str, Any]) -> tuple[Text, list[str]]:
    via = quote["via"] and f"via {quote['via']}"
    detail = ", ".join(x for x in (quote["kind"], quote["cue"], quote["channel"], via) if x)
    text = quoted(_flat(quote["text"]), quote["kind"])
    return _head("QUOTE", quote["speaker"] or "unknown speaker", detail), [text]


def _attribution(attribution: dict[str, Any]) -> tuple[Text, list[str]]:
    detail = ", ".join(x for x in (attribution["source_type"], attribution["cue"]) if x)
    return _head("CLAIM", attribution["source"], detail), [_flat(attribution["claim"])]


def _event(event: dict[str, Any]) -> tuple[Text, list[str]]:
    """Head: type, mode and status; then who did what to whom, where and when; then the evidence."""
    detail = ", ".join(x for x in (event["mode"], event["status"]) if x)
    who = " → ".join(x for x in (event["actor"], event["target"]) if x)
    if event["actor"] is None and event["target"]:
        who = f"(no actor) → {event['target']}"
    when = event["date"] or event["date_text"]
    facts = [
        who,
        event["location"] and f"in {event['location']}",
        when and f"on {when}",
        event["source"] and f"according to {event['source']}",
    ]
    summary = "  ·  ".join(x for x in facts if x)
    return _head("EVENT", event["type"], detail), [summary, _flat(event["sentence"])]


def _table(*columns: str) -> Table:
    """A borderless table whose short columns never wrap; the last column takes the rest and wraps at words."""
    table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 2, 0, 0), header_style="bold dim")
    for column in columns[:-1]:
        table.add_column(column, no_wrap=True)
    table.add_column(columns[-1], ratio=1)
    return table


def _entities(entities: list[dict[str, Any]]) -> Table:
    table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 2, 0, 0), header_style="bold dim")
    table.add_column("name", ratio=2)
    table.add_column("type", no_wrap=True)
    table.add_column("×", justify="right", no_wrap=True)
    table.add_column("roles · aliases", ratio=3)
    for entity in entities:
        roles = [r["title"] + (f" ({r['org']})" if r["org"] else "") for r in entity["roles"]]
        about = Text("; ".join(roles))
        if entity["aliases"]:
            about.append(("\n" if roles else "") + "also: " + ", ".join(entity["aliases"]), style="dim")
        table.add_row(Text(entity["name"]), Text(entity["type"]), str(len(entity["mentions"])), about)
    return table


def _timeline(entries: list[dict[str, Any]]) -> Table:
    table = _table("date", "kind", "text")
    for entry in entries:
        date = entry["date"] or "undated"
        if entry["granularity"] != "unknown":
            date += f" ({entry['granularity']})"
        table.add_row(Text(date), Text(entry["kind"]), Text(_flat(entry["text"])))
    return table


def _dates(dates: list[dict[str, Any]]) -> Table:
    table = _table("value", "granularity", "anchor", "as written")
    for date in dates:
        table.add_row(
            *(
                Text(cell)
                for cell in (date["value"] or "unresolved", date["granularity"], date["anchor"] or "", date["text"])
            )
        )
    return table
