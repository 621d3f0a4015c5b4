"""Page metadata of an HTML article: title, outlet, byline, tags, url, publication date.

Title, outlet, byline, tags and url come from trafilatura's metadata reader
(meta tags, JSON-LD, then the page itself). The date comes from htmldate in
two passes, because users must be able to tell a stated date from a guess:

- the fast pass reads what the page states: the URL, meta tags, JSON-LD,
  <time> and date-classed elements, a visible date line. A date found there
  is ``explicit``.
- only when that finds nothing, the extensive pass scans the whole text for
  the most plausible date (copyright years, dates in the prose). A date
  found only there is ``estimated``.
- nothing found is ``unknown`` with ``published`` None: a date is never made up.

Both passes ask for the *original* publication date, not the last update.
Measured on the htmldate evaluation set: see benchmarks/pubdate.py.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from ..lexicon import MONTH_NAMES
from ..model import PublishedSource

logger = logging.getLogger(__name__)

SITE_MATCH = 80  # rapidfuzz score above which a title part is the site name ("NYT" vs "The New York Times" is not)

_TITLE_SEPARATORS = re.compile(r"\s+[|–—:-]\s+|\s+[|•·»]\s*")
_TAG_SPLIT = re.compile(r"\s*[,;]\s*")
_NUMBER = re.compile(r"\d+")
_MONTHS = tuple(name[:3].lower() for name in MONTH_NAMES)  # "jan" ... "dec", as a date line may shorten them


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata of one page, every field optional."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: PublishedSource = "unknown"
    byline: str | None = None
    tags: tuple[str, ...] = ()


def page_meta(tree: Any, html: str, url: str | None = None, date_lines: Sequence[str] = ()) -> PageMeta:
    """Read a page's metadata from its parsed ``tree``; the date search reads the ``html`` itself.

    htmldate parses the page on its own: it was evaluated that way, and on some
    pages it finds a stated date that the tree parsed for trafilatura hides.
    ``date_lines`` are the bare date lines cleaning took out of the body.
    """
    from trafilatura.metadata import extract_metadata

    try:
        found = extract_metadata(tree, default_url=url, extensive=False)
    except Exception as err:  # trafilatura's metadata code raises on odd markup
        logger.warning("metadata extraction failed on %s: %s", url or "page", err)
        return PageMeta(url=url)
    page_url = found.url or url
    published, source = publication_date(html, page_url, date_lines)
    return PageMeta(
        title=clean_title(found.title, found.sitename),
        outlet=found.sitename or None,
        url=page_url,
        published=published,
        published_source=source,
        byline=found.author or None,
        tags=split_tags(found.tags),
    )


def publication_date(
    html: str, url: str | None = None, date_lines: Sequence[str] = ()
) -> tuple[str | None, PublishedSource]:
    """(ISO date, how it was found): stated by the page, estimated from its text, or unknown.

    A date the extensive pass finds is still explicit when a visible date line
    of the article ("Wednesday, February 18, 2026") states that same day.
    """
    stated = _find_date(html, url, extensive=False)
    if stated:
        return stated[:10], "explicit"
    guessed = _find_date(html, url, extensive=True)
    if not guessed:
        return None, "unknown"
    shown = any(line_states(guessed[:10], line) for line in date_lines)
    return guessed[:10], "explicit" if shown else "estimated"


def line_states(iso_date: str, line: str) -> bool:
    """Whether ``line`` writes the day ``iso_date`` (YYYY-MM-DD): its year, day and month all appear."""
    year, month, day = (int(part) for part in iso_date.split("-"))
    numbers = {int(n) for n in _NUMBER.findall(line)}
    month_named = _MONTHS[month - 1] in line.lower()
    return year in numbers and day in numbers and (month in numbers or month_named)


def _find_date(html: str, url: str | None, *, extensive: bool) -> str | None:
    from htmldate import find_date

    try:
        return find_date(html, url=url, original_date=True, extensive_search=extensive)
    except Exception as err:  # htmldate raises on malformed dates in odd pages
        logger.warning("date extraction failed on %s: %s", url or "page", err)
        return None


def clean_title(title: str | None, sitename: str | None) -> str | None:
    """Drop a trailing or leading " | Site Name" part from a page title."""
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title.strip())
    if len(parts) < 2 or not sitename:
        return title.strip()
    if _is_site(parts[-1], sitename):
        parts = parts[:-1]
    elif _is_site(parts[0], sitename):
        parts = parts[1:]
    return _rejoin(title, parts)


def _is_site(part: str, sitename: str) -> bool:
    return fuzz.ratio(part.lower(), sitename.lower()) >= SITE_MATCH


def _rejoin(title: str, parts: list[str]) -> str:
    """The span of the original title covering ``parts``, so inner separators stay as written."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def split_tags(tags: list[str] | None) -> tuple[str, ...]:
    """Keywords as a clean tuple: comma-joined strings split, duplicates dropped, order kept."""
    seen: dict[str, str] = {}
    for raw in tags or []:
        for tag in _TAG_SPLIT.split(raw.strip()):
            if tag and tag.lower() not in seen:
                seen[tag.lower()] = tag
    return tuple(seen.values())
