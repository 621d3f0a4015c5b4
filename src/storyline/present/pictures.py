"""The story's two pictures, drawn from its brief: events per day by outlet, and who acts on or speaks of whom.

Both are computed from the brief object (the story page's JSON), so a picture
never shows something the page's data does not hold, and drawn as plain SVG
on the server: no script, nothing fetched, every label escaped. The SVG is
served as an image, so even a hostile label could not run in the page.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from html import escape
from typing import Any

from .brief import UNKNOWN_OUTLET, cite

# Colour-blind-safe palette (Okabe-Ito), one colour per outlet in order of appearance.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
MAX_NODES = 14


def timeline_chart(brief: dict[str, Any]) -> dict[str, Any]:
    """Dated timeline items per day and outlet: ``{days, outlets, counts [{day, outlet, items}]}``.

    Each source of a timeline item counts once for its outlet (named as the
    brief cites it: outlet, else byline, else title), so an event three
    outlets report stacks three high on its day.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for item in brief.get("timeline", []):
        if not item.get("date"):
            continue
        day = str(item["date"])[:10]
        for source in item.get("sources", []):
            counts[(day, cite(brief, source))] += 1
    days = sorted({day for day, _ in counts})
    outlets = list(dict.fromkeys(outlet for _, outlet in sorted(counts, key=lambda k: (k[1] == UNKNOWN_OUTLET, k))))
    rows = [{"day": day, "outlet": outlet, "items": n} for (day, outlet), n in sorted(counts.items())]
    return {"days": days, "outlets": outlets, "counts": rows}


def relations_graph(brief: dict[str, Any]) -> dict[str, Any]:
    """Who acts on whom (timeline events) and who speaks of whom (quotes naming a main entity).

    ``{nodes [{name, weight}], edges [{source, target, kind, count, labels}]}``, at most
    ``MAX_NODES`` nodes, the most connected kept.
    """
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add(source: str, target: str, kind: str, label: str) -> None:
        if not source or not target or source == target:
            return
        edge = edges.setdefault((source, target, kind), {"source": source, "target": target, "kind": kind,
                                                         "count": 0, "labels": []})  # fmt: skip
        edge["count"] += 1
        if label and label not in edge["labels"]:
            edge["labels"].append(label)

    for item in [*brief.get("timeline", []), *brief.get("undated", [])]:
        event = item.get("event") or {}
        if event.get("actor") and event.get("target"):
            add(event["actor"], event["target"], "acts on", str(event.get("type") or ""))
    names = _mention_names(brief.get("entities", []))
    for group in brief.get("quotes_by_speaker", []):
        speaker = group["speaker"]
        for quote in group["quotes"]:
            text = quote.get("text") or ""
            for name, forms in names.items():
                if name != speaker and name not in speaker and any(form in text for form in forms):
                    add(speaker, name, "speaks of", "")
    weight: Counter[str] = Counter()
    for edge in edges.values():
        weight[edge["source"]] += edge["count"]
        weight[edge["target"]] += edge["count"]
    keep = {name for name, _ in weight.most_common(MAX_NODES)}
    kept = [e for e in edges.values() if e["source"] in keep and e["target"] in keep]
    kept.sort(key=lambda e: (-e["count"], e["source"], e["target"]))
    nodes = [{"name": name, "weight": weight[name]} for name in sorted(keep, key=lambda n: (-weight[n], n))]
    return {"nodes": nodes, "edges": kept}


def _mention_names(entities: list[dict[str, Any]]) -> dict[str, tuple[str, ...]]:
    """Main entities and the forms a quote may name them by (a person's surname too)."""
    forms: dict[str, tuple[str, ...]] = {}
    for entity in entities:
        name = entity["name"]
        if entity["type"] == "PERSON" and " " in name:
            forms[name] = (name, name.split()[-1])
        elif entity["type"] in ("PERSON", "ORG", "GPE", "NORP"):
            forms[name] = (name,)
    return forms


def timeline_svg(chart: dict[str, Any]) -> str:
    """Stacked bars, one per day, a colour per outlet, with a legend; scales to its container."""
    days, outlets = chart["days"], chart["outlets"]
    if not days:
        return _empty_svg("No dated events in this story yet.")
    per_day: dict[str, dict[str, int]] = defaultdict(dict)
    for row in chart["counts"]:
        per_day[row["day"]][row["outlet"]] = row["items"]
    top = max(sum(v.values()) for v in per_day.values())
    colour = {outlet: PALETTE[n % len(PALETTE)] for n, outlet in enumerate(outlets)}
    left, bottom, plot_h = 36, 70, 150
    slot = max(28, min(80, 640 // len(days)))
    width = left + slot * len(days) + 20
    legend_y = 14
    height = legend_y + 22 + plot_h + bottom
    base = legend_y + 22 + plot_h
    parts = [_svg_open(width, height, "Timeline: dated events per day, by outlet")]
    x = left
    for outlet in outlets:
        parts.append(f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{colour[outlet]}"/>')
        parts.append(f'<text x="{x + 14}" y="{legend_y}" class="lg">{escape(outlet)}</text>')
        x += 14 + 7 * len(outlet) + 18
    for tick in _ticks(top):
        y = base - plot_h * tick / top
        parts.append(f'<line x1="{left - 4}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" class="ax">{tick}</text>')
    for n, day in enumerate(days):
        x0, y = left + n * slot + slot * 0.15, float(base)
        for outlet in outlets:
            value = per_day[day].get(outlet, 0)
            if not value:
                continue
            h = plot_h * value / top
            y -= h
            tip = escape(f"{day}: {value} from {outlet}")
            parts.append(
                f'<rect x="{x0:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
                f'fill="{colour[outlet]}"><title>{tip}</title></rect>'
            )
        cx = left + n * slot + slot / 2
        parts.append(
            f'<text x="{cx:.1f}" y="{base + 12}" transform="rotate(-45 {cx:.1f} {base + 12})" '
            f'text-anchor="end" class="ax">{escape(day)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def graph_svg(graph: dict[str, Any]) -> str:
    """Nodes on a circle, arrows for who acts on (solid) or speaks of (dashed) whom."""
    nodes = graph["nodes"]
    if not nodes:
        return _empty_svg("No one acts on or speaks of anyone else here yet.")
    width, height = 760, 520
    cx, cy, radius = width / 2, height / 2, min(width, height) / 2 - 80
    top = max(n["weight"] for n in nodes)
    place = {}
    for i, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / len(nodes)
        place[node["name"]] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    parts = [
        _svg_open(width, height, "Who acts on or speaks of whom"),
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ]
    for edge in graph["edges"]:
        (x1, y1, _), (x2, y2, _) = place[edge["source"]], place[edge["target"]]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1.0
        r = 8 + 10 * math.sqrt(_weight(nodes, edge["target"]) / top)
        ex, ey = x2 - dx / dist * (r + 3), y2 - dy / dist * (r + 3)
        r1 = 8 + 10 * math.sqrt(_weight(nodes, edge["source"]) / top)
        x1, y1 = x1 + dx / dist * r1, y1 + dy / dist * r1
        dash = ' stroke-dasharray="5 4"' if edge["kind"] == "speaks of" else ""
        labels = ", ".join(edge["labels"])
        tip = escape(f"{edge['source']} {edge['kind']} {edge['target']}" + (f" ({labels})" if labels else ""))
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" class="edge" '
            f'stroke-width="{min(1 + edge["count"], 5)}"{dash} marker-end="url(#arrow)"><title>{tip}</title></line>'
        )
    for node in nodes:
        x, y, angle = place[node["name"]]
        r = 8 + 10 * math.sqrt(node["weight"] / top)
        lx, ly = x + (r + 6) * math.cos(angle), y + (r + 6) * math.sin(angle) + 4
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        if anchor == "middle":
            ly = y + (r + 14 if math.sin(angle) > 0 else -r - 6)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" class="node"><title>{escape(node["name"])}'
                     f"</title></circle>")  # fmt: skip
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" class="nl">{escape(node["name"])}</text>')
    parts.append(
        f'<text x="10" y="{height - 10}" class="ax">solid: acts on (events) · dashed: speaks of (quotes)</text></svg>'
    )
    return "\n".join(parts)


def _weight(nodes: list[dict[str, Any]], name: str) -> int:
    return next((int(n["weight"]) for n in nodes if n["name"] == name), 1)


def _ticks(top: int) -> list[int]:
    step = max(1, math.ceil(top / 4))
    return list(range(0, top + 1, step))


def _svg_open(width: float, height: float, title: str) -> str:
    style = (
        "text{font-family:system-ui,sans-serif;font-size:12px;fill:#222}.ax{font-size:11px;fill:#555}"
        ".lg{font-size:12px}.grid{stroke:#ddd}.edge{stroke:#777}.node{fill:#0072B2;fill-opacity:.85;stroke:#fff}"
        ".nl{font-size:12px;font-weight:600}"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title><style>{style}</style>"
    )


def _empty_svg(message: str) -> str:
    return _svg_open(420, 40, message) + f'<text x="10" y="24">{escape(message)}</text></svg>'
