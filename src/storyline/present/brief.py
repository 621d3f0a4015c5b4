"""The one-page brief of a story, the page a journalist reads in a minute.

:func:`brief_dict` builds the brief object (data first: the story's fields,
the comparison's keys, main entities and quotes by speaker);
:func:`render_brief` renders it as JSON, Markdown or HTML. The HTML escapes
every piece of article text and carries no scripts.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..compare import StoryComparison
from ..compare.context import country_of, fallback_entity_key
from ..compare.positions import is_statement
from ..errors import Errors
from ..model import Analysis, Article

FORMATS = ("json", "md", "html")
UNKNOWN_OUTLET = "unknown outlet"
MAX_ITEMS = 12  # per list in the rendered brief: one page, not an archive


def brief_dict(
    story: Mapping[str, Any],
    analyses: Sequence[Analysis],
    comparison: StoryComparison,
    *,
    entity_keys: Mapping[tuple[str, str], str] | None = None,
) -> dict[str, Any]:
    """The brief object: story fields, ``comparison.to_dict()``, articles by outlet, main entities, who said what."""
    articles = sorted((a.article for a in analyses), key=lambda a: (a.published or "9999", a.id))
    dates = [a.published for a in articles if a.published]
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article in articles:
        by_outlet[article.outlet or UNKNOWN_OUTLET].append(
            {
                "id": article.id,
                "title": article.title,
                "published": article.published,
                "url": article.url,
                "byline": article.byline,
            }
        )
    return {
        "id": story.get("id"),
        "title": story.get("title") or (articles[0].title if articles else None),
        "articles": list(story.get("articles") or [a.id for a in articles]),
        "first_seen": story.get("first_seen") or (min(dates) if dates else None),
        "last_seen": story.get("last_seen") or (max(dates) if dates else None),
        "outlets": list(story.get("outlets") or sorted({a.outlet for a in articles if a.outlet})),
        "articles_by_outlet": dict(by_outlet),
        "source_labels": source_labels(articles),
        "entities": main_entities(analyses, entity_keys),
        **comparison.to_dict(),
        "quotes_by_speaker": quotes_by_speaker(analyses),
    }


def source_labels(articles: Sequence[Article]) -> dict[str, str]:
    """A short name per article for citing it in the brief: outlet, else byline, else title.

    A reader cannot tell two hex ids apart, and text scrapes often carry no
    outlet at all but do carry a byline ("Newsroom", an agency). Two articles
    that would get the same name get their publication date (or id) added.
    """
    labels = {a.id: a.outlet or a.byline or _clip(a.title) or f"article {a.id[:8]}" for a in articles}
    for extra in (lambda a: a.published or a.id[:8], lambda a: a.id[:8]):
        clashes = Counter(labels.values())
        labels = {a.id: f"{labels[a.id]}, {extra(a)}" if clashes[labels[a.id]] > 1 else labels[a.id] for a in articles}
    return labels


def _clip(text: str | None, width: int = 40) -> str | None:
    if not text or len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0] + "…"


def main_entities(
    analyses: Sequence[Analysis], entity_keys: Mapping[tuple[str, str], str] | None = None, limit: int = MAX_ITEMS
) -> list[dict[str, Any]]:
    """The entities most articles mention, then most mentions: name, type, roles by article, article count.

    A word that stands for a state that is itself listed ("Ukrainian", "Kyiv", "the Kremlin"
    beside "Ukraine" or "Russia") is left out, so that the few places of the list go to the
    people and organisations of the story.
    """
    keys = entity_keys or {}
    seen: dict[str, dict[str, Any]] = {}
    weight: Counter[str] = Counter()
    for analysis in analyses:
        for entity in analysis.entities:
            key = keys.get((analysis.article.id, entity.id)) or fallback_entity_key(entity)
            row = seen.setdefault(key, {"name": entity.name, "type": entity.type, "articles": 0, "roles": []})
            row["articles"] += 1
            if len(entity.name) > len(row["name"]):
                row["name"] = entity.name
            row["roles"] += [
                {"title": r.title, "article": analysis.article.id, "outlet": analysis.article.outlet,
                 "published": analysis.article.published}
                for r in entity.roles
            ]  # fmt: skip
            weight[key] += 1000 + max(1, len(entity.mentions))
    countries = {row["name"] for row in seen.values() if row["type"] == "GPE"}
    for key, row in seen.items():
        state = country_of(row["name"])
        if state in countries and state != row["name"]:
            del weight[key]  # "Ukrainian", "Kyiv" beside "Ukraine": the state is listed once
    return [seen[key] for key, _ in weight.most_common(limit)]


def quotes_by_speaker(analyses: Sequence[Analysis]) -> list[dict[str, Any]]:
    """Quotes grouped by speaker name (most quoted first), each with its article and outlet."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for analysis in analyses:
        for quote in analysis.quotes:
            if not quote.speaker or not is_statement(quote):
                continue
            groups[quote.speaker].append(
                {
                    "text": quote.text,
                    "kind": quote.kind,
                    "article": analysis.article.id,
                    "outlet": analysis.article.outlet,
                    "published": analysis.article.published,
                    "via": quote.via,
                    "span": [quote.start, quote.end],
                }
            )
    merged: dict[str, list[dict[str, Any]]] = {}
    for speaker in sorted(groups, key=len, reverse=True):
        home = next((m for m in merged if speaker in m.split()), speaker)  # "Zelenskyy" joins "Volodymyr Zelenskyy"
        merged.setdefault(home, []).extend(groups[speaker])
    kept = {speaker: _outermost(quotes) for speaker, quotes in merged.items()}
    ordered = sorted(kept.items(), key=lambda kv: -len(kv[1]))
    return [{"speaker": speaker, "quotes": quotes} for speaker, quotes in ordered]


def _outermost(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One speaker's quotes less those inside a longer one of theirs in the same article.

    Two cues can report nested words ("X said the plan fails, warning that it
    costs too much": the warning is part of what was said); the brief shows
    the words once. The article's own quotes keep both.
    """

    def inside(q: dict[str, Any], other: dict[str, Any]) -> bool:
        (start, end), (o_start, o_end) = q["span"], other["span"]
        return o_start <= start and end <= o_end and (o_start, o_end) != (start, end)

    return [q for q in quotes if not any(o["article"] == q["article"] and inside(q, o) for o in quotes)]


def render_brief(brief: dict[str, Any], fmt: str) -> str:
    """The brief as ``json``, ``md`` or ``html``; ValueError (E130) for another format."""
    if fmt == "json":
        return json.dumps(brief, indent=2, ensure_ascii=False)
    if fmt == "md":
        return _render(brief, _Markdown())
    if fmt == "html":
        return _render(brief, _Html())
    raise ValueError(Errors.E130.format(fmt=fmt, choices=", ".join(FORMATS)))


class _Markdown:
    def esc(self, text: Any) -> str:
        return str(text if text is not None else "").replace("\n", " ")

    def title(self, text: str) -> str:
        return f"# {self.esc(text)}\n"

    def section(self, text: str) -> str:
        return f"\n## {text}\n"

    def items(self, rows: list[str]) -> str:
        return "".join(f"- {row}\n" for row in rows) if rows else "- (none)\n"

    def nested(self, head: str, rows: list[str]) -> str:
        """One item with sub-items, so each quote or value starts its own line in a terminal too."""
        return head + "".join(f"\n  - {row}" for row in rows)

    def groups(self, header: list[str], groups: list[tuple[str, list[str]]]) -> str:
        """A nested list, not a pipe table: long cells squeezed into columns are unreadable at 80 columns."""
        return self.items([self.nested(head, rows) for head, rows in groups])

    def em(self, text: str) -> str:
        return f"*{text}*"

    def end(self, body: str) -> str:
        return body


class _Html(_Markdown):
    def esc(self, text: Any) -> str:
        return html.escape(str(text if text is not None else ""))

    def title(self, text: str) -> str:
        return f"<h1>{self.esc(text)}</h1>\n"

    def section(self, text: str) -> str:
        return f"<h2>{html.escape(text)}</h2>\n"

    def items(self, rows: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{row}</li>" for row in rows) + "</ul>\n" if rows else "<p>(none)</p>\n"

    def nested(self, head: str, rows: list[str]) -> str:
        return head + "<ul>" + "".join(f"<li>{row}</li>" for row in rows) + "</ul>"

    def groups(self, header: list[str], groups: list[tuple[str, list[str]]]) -> str:
        """A table on a page: the head, the first two rows side by side, any others in the last column."""
        rows = [[head, *cells[:2], *[""] * (2 - len(cells[:2])), " / ".join(cells[2:])] for head, cells in groups]
        head = "".join(f"<th>{h}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table><tr>{head}</tr>{body}</table>\n"

    def em(self, text: str) -> str:
        return f"<em>{text}</em>"

    def end(self, body: str) -> str:
        style = (
            "body{font-family:sans-serif;max-width:60em;margin:auto}td{vertical-align:top;border-top:1px solid #ccc}"
        )
        return (
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Story brief</title>'
            f"<style>{style}</style></head><body>\n{body}</body></html>\n"
        )


def _render(brief: dict[str, Any], out: _Markdown) -> str:
    parts = [out.title(brief.get("title") or "Untitled story")]
    for name, section in _SECTIONS:
        parts.append(out.section(name))
        parts.append(section(brief, out))
    return out.end("".join(parts))


def _what(brief: dict[str, Any], out: _Markdown) -> str:
    span = f"{brief.get('first_seen') or '?'} to {brief.get('last_seen') or '?'}"
    rows = [f"{out.esc(len(brief.get('articles', [])))} articles, {out.esc(span)}"]
    for outlet, articles in brief.get("articles_by_outlet", {}).items():
        for a in articles:
            label = a.get("byline") or outlet if outlet == UNKNOWN_OUTLET else outlet
            title = f"{out.esc(a['title'] or a['id'])} ({out.esc(a['published'] or 'undated')}, id {out.esc(a['id'])})"
            rows.append(f"{out.esc(label)}: {title}")
    return out.items(rows)


def _who(brief: dict[str, Any], out: _Markdown) -> str:
    rows = []
    for entity in brief.get("entities", [])[:MAX_ITEMS]:
        titles = sorted({r["title"] for r in entity["roles"]})
        roles = f" — {out.esc(', '.join(titles))}" if titles else ""
        count = f"{entity['articles']} article{'' if entity['articles'] == 1 else 's'}"
        rows.append(f"{out.esc(entity['name'])} ({out.esc(entity['type'])}, {count}){roles}")
    return out.items(rows)


def _when(brief: dict[str, Any], out: _Markdown) -> str:
    rows = [
        f"{out.esc(item['date'])}: {out.esc(item['text'])} {out.em(_outlets(brief, item['sources'], out))}"
        for item in brief.get("timeline", [])[:MAX_ITEMS]
    ]
    undated = brief.get("undated", [])
    if undated:
        rows.append(f"{len(undated)} undated items, not placed on the timeline")
    return out.items(rows)


def _said(brief: dict[str, Any], out: _Markdown) -> str:
    rows = []
    for group in brief.get("quotes_by_speaker", [])[:MAX_ITEMS]:
        quotes = [f"{_quoted(q, out)} ({out.esc(cite(brief, q))})" for q in group["quotes"][:4]]
        rows.append(out.nested(f"{out.esc(group['speaker'])}:", quotes))
    return out.items(rows)


def _quoted(quote: dict[str, Any], out: _Markdown) -> str:
    return quoted(out.esc(quote["text"]), quote.get("kind", "direct"))


def quoted(text: str, kind: str) -> str:
    """A quote's words as every view shows them: in quotation marks only when direct.

    A reported (indirect) quote is not the speaker's own words, and a partial one is a few of
    their words inside the outlet's sentence; marks around either would read as a full quote.
    """
    return f"“{text}”" if kind == "direct" else text


def _disagree(brief: dict[str, Any], out: _Markdown) -> str:
    conflicts = brief.get("conflicts", [])
    if not conflicts:
        return out.items([])
    groups = []
    for conflict in conflicts[:MAX_ITEMS]:
        cells = [
            f"{out.esc(v['value'])} — {out.esc(_dated_label(brief, v))}"
            + (f", according to {out.esc(v['according_to'])}" if v.get("according_to") else "")
            + f": {out.em(out.esc(v['sentence']))}"
            for v in conflict["values"]
        ]
        subject = f"{out.esc(conflict['subject'])} ({out.esc(conflict['attribute'])}, {out.esc(conflict['kind'])})"
        groups.append((subject, cells))
    return out.groups(["Subject", "One source", "Other source", "More"], groups)


def _facts(key: str) -> Callable[[dict[str, Any], _Markdown], str]:
    def render(brief: dict[str, Any], out: _Markdown) -> str:
        rows = [
            f"{out.esc(fact['fact'])} {out.em(_outlets(brief, fact['sources'], out))}"
            for fact in brief.get(key, [])[:MAX_ITEMS]
        ]
        return out.items(rows)

    return render


def _positions(brief: dict[str, Any], out: _Markdown) -> str:
    rows = []
    for position in brief.get("positions", [])[: MAX_ITEMS * 2]:
        first = position["evidence"][0]
        more = f" (+{len(position['evidence']) - 1})" if len(position["evidence"]) > 1 else ""
        rows.append(
            f"{out.esc(position['party'])} {out.esc(position['stance'])} — {out.esc(position['issue'])}: "
            f"{out.esc(evidence_words(first, position['party']))} {out.em(out.esc(cite(brief, first)))}{more}"
        )
    return out.items(rows)


def _outlets(brief: dict[str, Any], sources: list[dict[str, Any]], out: _Markdown) -> str:
    names = dict.fromkeys(cite(brief, s) for s in sources)
    return out.esc("(" + ", ".join(names) + ")")


def _dated_label(brief: dict[str, Any], source: dict[str, Any]) -> str:
    """The source's label with its publication date, unless the label already carries it."""
    label, when = cite(brief, source), source.get("published") or "undated"
    return label if label.endswith(when) else f"{label}, {when}"


def cite(brief: dict[str, Any], source: dict[str, Any]) -> str:
    """How a brief (markdown, the web page, its chart) names one source: its article's label, else its outlet.

    One function for every view, so the chart's legend, the "N reports" lists
    and the markdown never call one article by two names.
    """
    article = source.get("article") or ""
    return str(brief.get("source_labels", {}).get(article) or source.get("outlet") or article or UNKNOWN_OUTLET)


def evidence_words(item: dict[str, Any], party: str | None = None) -> str:
    """A position's evidence as read: a quote goes with its speaker ("Anna Lind: that talks must resume").

    Without the speaker an indirect quote ("that talks must resume") reads as nobody's words,
    and a direct one hides which of the party's people said it. A speaker who is the party
    itself is not named twice.
    """
    words = str(item.get("quote_or_event") or "")
    kind = item.get("kind", "event")
    if kind == "event":
        return words
    words = quoted(words, kind)
    speaker = item.get("speaker")
    return f"{speaker}: {words}" if speaker and speaker != party else words


_SECTIONS: list[tuple[str, Callable[[dict[str, Any], _Markdown], str]]] = [
    ("What happened", _what),
    ("Who", _who),
    ("When", _when),
    ("Who said what", _said),
    ("Where sources disagree", _disagree),
    ("Corroborated", _facts("corroborated")),
    ("Only one outlet reports", _facts("only_one_outlet")),
    ("Positions", _positions),
]
