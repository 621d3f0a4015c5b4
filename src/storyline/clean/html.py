"""HTML pages to Articles: body text without boilerplate, plus page metadata.

The page is parsed once; the body (``html_body``) and the metadata
(``html_meta``) are read from that tree. Nothing here raises on a bad page:
an unparsable or empty page gives an Article with empty text, and the caller
(``clean.clean``) turns that into error E104 for the user.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..model import Article, RawDoc
from ..settings import Settings
from .html_body import Body, extract_body
from .html_meta import PageMeta, page_meta
from .ids import content_id

logger = logging.getLogger(__name__)


def clean_html(raw: RawDoc, settings: Settings) -> Article:
    """Extract the article body and metadata of one HTML page.

    ``raw.meta["url"]``, when the reader knows it, helps both the extractor and
    the date search (dates in URLs). User-supplied metadata is applied later by
    ``clean.apply_meta`` and wins over what is found here.
    """
    url = str(raw.meta["url"]) if raw.meta.get("url") else None
    tree = parse_html(raw.text)
    body = extract_body(tree, url) if tree is not None else Body("")
    date_lines = [removed.text for removed in body.removed if removed.reason == "dateline"]
    meta = page_meta(tree, raw.text, url, date_lines) if tree is not None else PageMeta(url=url)
    return Article(
        id=content_id(raw.text),
        source=raw.source,
        text=body.text,
        title=meta.title,
        outlet=meta.outlet,
        url=meta.url,
        published=meta.published,
        published_source=meta.published_source,
        byline=meta.byline,
        tags=meta.tags,
        subheads=body.subheads,
        removed=body.removed,
    )


# libxml2 stops building the tree at a depth of 256 (and trafilatura recurses
# over it), so a page wrapped in thousands of <div>s lost its whole body (E104).
# A run this long of one wrapper tag carries no structure worth keeping.
_WRAPPERS = r"div|span|section|article|main|font|center|blockquote|b|i|em|strong|small|big|u|p|li|ul|ol|table|tr|td"
_OPEN_RUN = re.compile(rf"(<({_WRAPPERS})\b[^<>]*>)(?:\s*<\2\b[^<>]*>){{31,}}", re.IGNORECASE)
_CLOSE_RUN = re.compile(rf"(</({_WRAPPERS})\s*>)(?:\s*</\2\s*>){{31,}}", re.IGNORECASE)


def flatten_nesting(text: str) -> str:
    """``text`` with each run of 32 or more nested copies of one wrapper tag (opening or closing) cut to one.

    Wrappers nested deeper than ``MAX_WRAPPER_DEPTH`` in other patterns
    (``<div><section>`` or ``<div><span>`` alternating thousands of times)
    are then dropped, with their closing tags, by ``cap_depth``.
    """
    if text.count("<") < 64:
        return text
    return cap_depth(_CLOSE_RUN.sub(r"\1", _OPEN_RUN.sub(r"\1", text)))


# Wrapper tags nested deeper than this are dropped: far below libxml2's 256, far above real pages.
MAX_WRAPPER_DEPTH = 100
# Wrappers that real pages close (unclosed <p>, <li> or <td> would make a depth count drift).
_CLOSED_WRAPPERS = frozenset(
    [
        "div",
        "span",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "nav",
        "font",
        "center",
        "blockquote",
        "b",
        "i",
        "em",
        "strong",
        "small",
        "big",
        "u",
        "ul",
        "ol",
        "table",
    ]
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")


def cap_depth(text: str, limit: int = MAX_WRAPPER_DEPTH) -> str:
    """``text`` without the wrapper tags (and their closing tags) nested deeper than ``limit``.

    One pass over the tags with a stack: linear in the page. A page that never
    nests wrappers that deep comes back unchanged (the same object).
    """
    if text.count("<") < 2 * limit:
        return text
    stack: list[bool] = []  # per open wrapper: True when it was dropped
    drops: list[tuple[int, int]] = []
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name not in _CLOSED_WRAPPERS or match.group(0).endswith("/>"):
            continue
        if not match.group(1):
            dropped = len(stack) >= limit
            stack.append(dropped)
        elif stack:
            dropped = stack.pop()
        else:
            continue
        if dropped:
            drops.append(match.span())
    if not drops:
        return text
    kept, start = [], 0
    for begin, end in drops:
        kept.append(text[start:begin])
        start = end
    kept.append(text[start:])
    return "".join(kept)


def parse_html(text: str) -> Any | None:
    """The lxml tree of a page, or None when there is nothing to parse."""
    from trafilatura import load_html

    if not text.strip():
        return None
    try:
        return load_html(flatten_nesting(text))
    except Exception as err:  # lxml raises on some byte sequences and deep nesting
        logger.warning("could not parse HTML: %s", err)
        return None
