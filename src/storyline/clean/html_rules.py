"""Line rules for what trafilatura keeps but an article body should not.

Every rule here must hold in any language: the pages storyline reads are
mostly not English, so no rule matches words ("Read more", "Subscribe").
Rules that did (promo, copyright, credit and separator lines) were measured
one by one on both halves of the extraction benchmark (benchmarks/extraction.py)
and removed; the only line rule left is the bare date line, found by its
shape (numbers, a clock time, a day-word-year pattern in any script).
The reason code returned is what users see in ``Article.removed``, and date
lines also tell the date search (``html_meta``) that a page shows its date.
"""

from __future__ import annotations

import re

DATELINE_MAX_WORDS = 12  # a date line is short: "Nov. 18, 2019 5:45 AM PST"

_WORD = re.compile(r"\w+")
_BULLET = " \t-–—•*·|>»"  # stripped before matching: "- 18.02.2026 -" is still a date line
_SENTENCE_END = re.compile(r"[.!?]$")
_HANDLE = re.compile(r"(?:^|\s|\()@\w")  # "(@handle) November 18, 2019" signs an embedded post
_MONTH_WORD = r"[^\W\d_]{3,12}\.?"  # a month written as a word, in whatever language: "Nov.", "Februar"
_DATELINE = re.compile(
    r"\b\d{1,2}:\d{2}\b"  # 5:45, 20:13
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"  # 11/19/2019, 18.02.2026
    rf"|\b{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"  # Nov. 18, 2019
    rf"|\b\d{{1,2}}\.?\s+(?:\w{{1,3}}\s+)?{_MONTH_WORD},?\s+(?:\w{{1,3}}\s+)?\d{{4}}\b"  # 18. Februar 2026
    r"|\b\d{4}-\d{2}-\d{2}\b",  # 2026-02-18
    re.I,
)


def boilerplate_reason(line: str) -> str | None:
    """Why ``line`` is not article text ("dateline"), or None to keep it."""
    line = line.strip(_BULLET)
    return "dateline" if _is_dateline(line, len(_WORD.findall(line))) else None


def _is_dateline(line: str, words: int) -> bool:
    """A short line carrying a date or time and no sentence: page metadata, not prose.

    The signature line of an embedded post ("— Name (@handle) November 18, 2019")
    belongs to the quoted post and is kept.
    """
    if words > DATELINE_MAX_WORDS or _SENTENCE_END.search(line) or _HANDLE.search(line):
        return False
    return bool(_DATELINE.search(line))
