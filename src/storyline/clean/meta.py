"""Page metadata in a plain-text scrape: headline, publication date, byline, tags.

Metadata lines sit around the body: the headline, a date line and a byline
just above it, a keyword line near the top, an author box just below it. Only
lines outside the body are read, so a date mentioned in the article text is
never taken for the publication date, and nothing is guessed: a page that
states no date gets none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..lexicon import MONTH_NUMBERS, WEEKDAY_NAMES
from .lines import Line

HEADER_WINDOW = 30  # lines above the body searched for the headline, date, byline and tags
TRAILER_WINDOW = 10  # lines below the body searched for an author box or a "published" line
TITLE_WORDS = (3, 30)  # a headline has this many words
BLURB_WORDS = (5, 30)  # an author box's one-line description has this many words

# Month names in English (the shared table) and in the languages of most
# European news sites (German, French, Spanish, Portuguese, Italian, Dutch),
# with their common abbreviations.
_FOREIGN_MONTHS = (
    "januar jänner janvier janv enero ene janeiro gennaio genn januari",
    "februar februari février févr fevrier febrero fevereiro fev febbraio",
    "märz maerz mars marzo março maart",
    "avril avr abril aprile",
    "mai mayo maio maggio mei",
    "juni juin junio junho giugno",
    "juli juillet juil julio julho luglio",
    "août aout agosto augustus",
    "septembre septiembre setembro settembre",
    "oktober okt octobre octubre outubro ottobre ott",
    "novembre noviembre novembro",
    "dezember dez décembre déc decembre diciembre dic dezembro dicembre",
)
_MONTHS = {
    name: number
    for number, foreign in enumerate(_FOREIGN_MONTHS, start=1)
    for name in [*(n for n, m in MONTH_NUMBERS.items() if m == number), *foreign.split()]
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\.?\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b", re.I),
    re.compile(rf"\b{_YEAR}[-/.](?P<month>\d{{1,2}})[-/.](?P<day>\d{{1,2}})\b"),
]
_NUMERIC_DATE = re.compile(rf"\b(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}\b")
_DATE_NOISE = re.compile(
    r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\b|\b(?:[ap]\.?m\.?|(?-i:[A-Z]{2,4})|uhr|h)\b"
    rf"|\b(?:{'|'.join(day[:3].lower() for day in WEEKDAY_NAMES)})[a-z]*\.?"
    r"|\b(?:published|posted|updated|modified|last|first|on|at"
    r"|date|the|by|le|el|am|um|de|del|du|der|den|publié|publicado|pubblicato|veröffentlicht|aktualisiert)\b",
    re.I,
)
DATE_LINE_REST = 4  # words besides the date that a date line may carry
_PUBLISHED = re.compile(
    r"\b(?:published|posted|first published|erschienen|veröffentlicht|erstellt|publicado|publicada|publié|publiée"
    r"|pubblicato|gepubliceerd)\b",
    re.I,
)
_UPDATED = re.compile(r"\b(?:updated|modified|last updated|aktualisiert|actualizado|mis à jour)\b", re.I)
_PERSON = r"[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:[A-ZÀ-Ý][\w.'’-]*|de|van|von|da|del|la|le|bin|al)){0,4}"
_BYLINE = re.compile(
    r"(?:^|[|/·•–—-]\s*)(?:(?i:written|posted|reported|words)\s+)?(?i:by|von|por|par|di|door|av)\s*:?\s+"
    rf"(?P<name>{_PERSON}(?:\s*(?:,|&|(?i:and|und|et|y|e))\s+{_PERSON})*)"
)
_NAME = re.compile(r"[A-ZÀ-Ý][\w.'’&-]*(?:\s+[A-ZÀ-Ý][\w.'’&-]*){0,3}")
_COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<name>[A-Z][\w&.'’ -]{1,60}?)\s*(?:[.,|]\s|all rights|$)",
    re.I,
)
_BLURB_NAME = re.compile(
    r"(?P<name>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+){0,3})\s+(?:is|covers|brings|delivers|reports)\b"
)


@dataclass(frozen=True, slots=True)
class Meta:
    """What the lines around the body say about the page; indexes are the lines used."""

    title: str | None = None
    published: str | None = None
    byline: str | None = None
    outlet: str | None = None
    tags: tuple[str, ...] = ()
    used: tuple[tuple[int, str], ...] = ()  # (line index, removal reason)


def parse_date(text: str) -> str | None:
    """The first complete calendar date (day, month, year) in ``text`` as ISO, or None.

    Month names are read in English, German, French, Spanish, Portuguese,
    Italian and Dutch; all-numeric dates only when unambiguous (ISO order, a
    part over 12, or dotted European day.month.year).
    """
    found = _date_match(text)
    return found[0] if found else None


def date_line(text: str) -> str | None:
    """The date of a line that is mostly a date ("Published 3 March 2025, 14:00 GMT").

    Once the date, times, weekdays and label words are taken out, at most
    DATE_LINE_REST words may remain (an outlet or author name), so a headline
    or sentence that mentions a date is not a date line.
    """
    found = _date_match(text)
    if not found:
        return None
    value, (start, end) = found
    rest = _DATE_NOISE.sub(" ", text[:start] + " " + text[end:])
    return value if len(re.findall(r"[^\W\d_]{2,}", rest)) <= DATE_LINE_REST else None


def _date_match(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first date in ``text`` with its span, trying month-name forms first."""
    for form in _DATE_FORMS:
        match = form.search(text)
        if match:
            month = match["month"].lower().rstrip(".")
            value = _iso(int(match["year"]), _MONTHS.get(month) or int(month), int(match["day"]))
            return (value, match.span()) if value else None
    match = _NUMERIC_DATE.search(text)
    value = _numeric_date(match) if match else None
    return (value, match.span()) if value and match else None


def _numeric_date(match: re.Match[str]) -> str | None:
    """Read dd/mm/yyyy or mm/dd/yyyy only when the order can be told."""
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    if a > 12 or (match["sep"] == "." and b <= 12):
        return _iso(year, b, a)
    if b > 12:
        return _iso(year, a, b)
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    """ISO date, or None when the parts are no real date (31 February)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_title(lines: Sequence[Line], reasons: Sequence[str | None], start: int, end: int) -> int | None:
    """Index of the headline: the last heading-shaped line above the body that is no date or byline.

    With none above, a question or exclamation headline ("Will the dam run
    dry?") may have been taken for the body's first paragraph: it is the
    headline when it opens the body and prose follows it.
    """
    for i in range(start - 1, max(-1, start - HEADER_WINDOW - 1), -1):
        if reasons[i] is None and _headline_shaped(lines[i]):
            return i
    opener = lines[start] if start + 1 < end else None
    if opener and reasons[start] is None and _headline_shaped(opener) and lines[start + 1].textlike:
        return start
    return None


def _headline_shaped(line: Line) -> bool:
    """A headline: a few words, no trailing full stop, not a list, date or byline."""
    low, high = TITLE_WORDS
    if not low <= line.words <= high or line.listlike or line.linklike:
        return False
    if line.text.endswith((".", ":", ";", ",")) or line.marks > 1:
        return False
    return parse_date(line.text) is None and _BYLINE.match(line.text) is None


def find_date(lines: Sequence[Line], reasons: Sequence[str | None], start: int, end: int) -> tuple[int, str] | None:
    """The stated publication date: a short date line above the body, or a "published" line below it.

    A line saying "published" or "posted" beats one saying "updated"; among
    equals the one nearest the top of the body wins.
    """
    candidates: list[tuple[int, int, int, str]] = []
    above = range(max(0, start - HEADER_WINDOW), start)
    below = range(end, min(len(lines), end + TRAILER_WINDOW))
    for i in [*above, *below]:
        line = lines[i]
        if line.words > 16 or (i >= end and not _PUBLISHED.search(line.text)):
            continue
        value = date_line(line.text)
        if value:
            rank = 0 if _PUBLISHED.search(line.text) else 2 if _UPDATED.search(line.text) else 1
            candidates.append((rank, abs(start - i), i, value))
    if not candidates:
        return None
    _, _, index, value = min(candidates)
    return index, value


def find_byline(lines: Sequence[Line], reasons: Sequence[str | None], start: int, end: int) -> tuple[int, str] | None:
    """A "By Jane Doe" line just above or below the body (not an "Ads by ..." label)."""
    near = [*range(max(0, start - HEADER_WINDOW), start), *range(end, min(len(lines), end + 3))]
    for i in near:
        line = lines[i]
        match = _BYLINE.search(line.text)
        if match and reasons[i] is None and line.words <= 12 and not line.textlike:
            return i, match["name"].strip()
    return None


def find_author_box(
    lines: Sequence[Line], reasons: Sequence[str | None], start: int, end: int
) -> tuple[list[int], str] | None:
    """An author box at the foot of the article: a name line (maybe repeated) and a one-line blurb.

    The box may sit below the body or close it (its blurb reads like prose);
    inside the body it must be the body's last line, in one block with the name.
    Returns the indexes of the box lines and the name.
    """
    stop = min(len(lines), end + TRAILER_WINDOW)
    for i in range(max(start, end - 3), stop):
        if not _name_shaped(lines[i], reasons[i]):
            continue
        j = i + 1
        while j < stop and lines[j].text == lines[i].text:
            j += 1
        if j < stop and _blurb(lines[j], reasons[j]) and (j >= end or _closes_body(lines, reasons, j, end)):
            return list(range(i, j + 1)), lines[i].text
    return None


def _blurb(line: Line, reason: str | None) -> bool:
    """One short descriptive line: the outlet's or author's self-description."""
    return reason is None and BLURB_WORDS[0] <= line.words <= BLURB_WORDS[1] and not line.listlike


def _closes_body(lines: Sequence[Line], reasons: Sequence[str | None], j: int, end: int) -> bool:
    """True when line ``j`` is the last unflagged body line and sits in the name's block."""
    return not lines[j].blank_before and all(reasons[k] is not None for k in range(j + 1, end))


def _name_shaped(line: Line, reason: str | None) -> bool:
    """One to four capitalised words with no digits or punctuation: a person or desk name."""
    if reason not in (None, "duplicate") or not 1 <= line.words <= 4:
        return False
    return bool(_NAME.fullmatch(line.text)) and not any(ch.isdigit() for ch in line.text)


def find_outlet(lines: Sequence[Line], reasons: Sequence[str | None], blurb: int | None) -> str | None:
    """The outlet as the page names itself: a copyright footer or an author-box blurb.

    "© 2025 Coastline Media Ltd. All rights reserved." gives "Coastline Media
    Ltd"; a blurb "Northline News covers politics..." gives "Northline News".
    A desk byline ("VT Newsroom") is not taken for the outlet.
    """
    for line, reason in zip(lines, reasons, strict=True):
        match = _COPYRIGHT_NAME.search(line.text) if reason == "footer" else None
        if match:
            return match["name"].strip(" .,-")
    match = _BLURB_NAME.match(lines[blurb].text) if blurb is not None else None
    return match["name"] if match else None


def split_tags(text: str) -> tuple[str, ...]:
    """Tags of a keyword line, with any "Tags:" label removed."""
    text = re.sub(r"^\W*(?:tags?|topics?|keywords|labels?|filed under)\s*:\s*", "", text, flags=re.I)
    return tuple(tag.strip() for tag in re.split(r"[,;|#]", text) if tag.strip())


def read_meta(lines: Sequence[Line], reasons: Sequence[str | None], start: int, end: int) -> Meta:
    """Collect headline, date, byline, outlet and tags around the body span [start, end)."""
    used: dict[int, str] = {}
    published = find_date(lines, reasons, start, end)
    if published:
        used[published[0]] = "date"
    byline = find_byline(lines, reasons, start, end)
    if byline:
        used[byline[0]] = "byline"
    box = find_author_box(lines, reasons, start, end)
    for i in box[0] if box else ():
        used[i] = "author-box"
    tags = _tag_lines(lines, reasons, start, end, used)
    title = find_title(lines, [used.get(i) or r for i, r in enumerate(reasons)], start, end)
    if title is not None:
        used[title] = "title"
    return Meta(
        title=lines[title].text if title is not None else None,
        published=published[1] if published else None,
        byline=byline[1] if byline else box[1] if box else None,
        outlet=find_outlet(lines, reasons, box[0][-1] if box else None),
        tags=tuple(tag for i in tags for tag in split_tags(lines[i].text)),
        used=tuple(sorted(used.items())),
    )


def _tag_lines(
    lines: Sequence[Line], reasons: Sequence[str | None], start: int, end: int, used: dict[int, str]
) -> list[int]:
    """Mark keyword lines: "Tags:" lines, and the nearest comma list above the body.

    A comma list next to an image credit describes the picture (the keywords a
    photo agency attaches), so it is marked as image keywords instead.
    """
    found = [i for i, reason in enumerate(reasons) if reason == "tags"]
    for i in range(start - 1, max(-1, start - HEADER_WINDOW - 1), -1):
        if reasons[i] is not None or i in used:
            continue
        if lines[i].keywords and _next_to_credit(reasons, i):
            used[i] = "image-keywords"
        elif lines[i].listlike:
            found.append(i)
            break
    for i in found:
        used[i] = "tags"
    return sorted(found)


def _next_to_credit(reasons: Sequence[str | None], i: int) -> bool:
    """True when the line just above or below is an image credit."""
    return "image-credit" in (reasons[i - 1] if i > 0 else None, reasons[i + 1] if i + 1 < len(reasons) else None)
