"""Line rules for what trafilatura keeps but an article body should not.

trafilatura removes navigation, menus and most footers, but lines that sit
inside the article container survive: "Read more: ..." teasers, newsletter
prompts, share lines, "Reporting by ..." credits, copyright lines, separator
rules, a bare date line. Each rule matches a whole *short* line (at most
``MAX_WORDS`` words), so a long article sentence that happens to start with
"Related" or mention a copyright is never dropped. The reason code returned is
what users see in ``Article.removed``.
"""

from __future__ import annotations

import re

from ..lexicon import MONTH_NAMES

MAX_WORDS = 40  # longer lines are prose, whatever they start with
DATELINE_MAX_WORDS = 12  # a date line is short: "Nov. 18, 2019 5:45 AM PST"

_WORD = re.compile(r"\w+")
_SEPARATOR = re.compile(r"^[\W_]+$")
_BULLET = " \t-–—•*·|>»"  # stripped before matching: "- Advertisement -" is a promo line
_SENTENCE_END = re.compile(r"[.!?]$")
_HANDLE = re.compile(r"(?:^|\s|\()@\w")  # "(@handle) November 18, 2019" signs an embedded post

_PROMO = re.compile(
    r"""^(?:
       (?:read|see|watch|listen)\s+(?:more|also|next)\b
     | related(?:\s+(?:stories|articles|coverage|content|reading|posts?|news|links?))?\s*[:|]
     | more(?:\s+(?:from|on|about)\b|\s*:)
     | also\s+(?:on|read|see|watch)\b
     | (?:don'?t|do\s+not)\s+miss\b
     | you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)
     | recommended(?:\s+for\s+you)?\s*:?$
     | (?:like|enjoy(?:ed)?)\s+this\s+(?:story|article|post)
     | share\s+(?:this|it|on)\b
     | follow\s+(?:us|\w+(?:\s+\w+)?\s+on)\b
     | (?:sign\s+up|subscribe)\b.*(?:newsletter|inbox|podcast|\bour\b|today|now)
     | get\s+(?:the|our)\s+(?:latest|best|day'?s|daily|weekly)\b
     | (?:e-?mail|write\s+to|reach|contact)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:at|on)\s+(?:\S+@|@|https?://|twitter\b)
     | have\s+a\s+(?:news\s+)?tip\b
     | (?:tags?|topics?|filed\s+under|categories|keywords)\s*(?::|$)
     | (?:print|email|share)\s+(?:this\s+)?article$
     | order\s+reprints
     | this\s+copy\s+is\s+for\s+your\s+personal
     | comments?\s*(?:\(\d+\))?$
     | (?:leave|post)\s+a\s+(?:comment|reply)
     | advertisement\W*$
     | sources?\s*:
     | images?\s*(?:source|credit)s?\s*:
     | (?:photo|picture)s?\s*(?:credit)?\s*:
    )""",
    re.I | re.X,
)

_COPYRIGHT = re.compile(r"^(?:copyright|©|\(c\))", re.I)
_COPYRIGHT_MARK = re.compile(r"©|\(c\)|\b(?:19|20)\d\d\b|rights\s+reserved", re.I)
_RIGHTS = re.compile(r"\ball\s+rights\s+reserved\b", re.I)

_CREDIT = re.compile(
    r"""(?:
       ^\(?\s*(?:reporting|additional\s+reporting|editing|writing|compiled)\s+by\b
     | \bcontributed\s+(?:to\s+this\s+)?report(?:ing)?\b
     | ^contributing\s*:
     | ^with\s+\w+\s+wires?\b
    )""",
    re.I | re.X,
)

_MONTH = rf"(?:{'|'.join(name[:3].lower() for name in MONTH_NAMES)})[a-z]*\.?"  # "Nov.", "Sept", "February"
_DATELINE = re.compile(
    r"\b\d{1,2}:\d{2}\b"  # 5:45, 20:13
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"  # 11/19/2019, 18.02.2026
    rf"|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b"  # Nov. 18, 2019
    rf"|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b"  # 18 February 2026
    r"|\b\d{4}-\d{2}-\d{2}\b",  # 2026-02-18
    re.I,
)


def boilerplate_reason(line: str) -> str | None:
    """Why ``line`` is not article text ("promo", "credit", ...), or None to keep it."""
    words = len(_WORD.findall(line))
    if _SEPARATOR.match(line):
        return "separator"
    line = line.strip(_BULLET)
    if words > MAX_WORDS:
        return None
    if _PROMO.match(line):
        return "promo"
    if _is_copyright(line, words):
        return "copyright"
    if _CREDIT.search(line):
        return "credit"
    return "dateline" if _is_dateline(line, words) else None


def _is_dateline(line: str, words: int) -> bool:
    """A short line carrying a date or time and no sentence: page metadata, not prose.

    The signature line of an embedded post ("— Name (@handle) November 18, 2019")
    belongs to the quoted post and is kept.
    """
    if words > DATELINE_MAX_WORDS or _SENTENCE_END.search(line) or _HANDLE.search(line):
        return False
    return bool(_DATELINE.search(line))


def _is_copyright(line: str, words: int) -> bool:
    """ "© 2019 Dow Jones", "Copyright Acme 2020": a rights notice, not a sentence about copyright."""
    if _RIGHTS.search(line):
        return True
    return bool(_COPYRIGHT.match(line)) and (words <= 4 or bool(_COPYRIGHT_MARK.search(line[1:])))
