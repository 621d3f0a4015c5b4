"""Line features and boilerplate phrase families for plain-text scrapes.

A scraper that saves a page as text writes one block element per line: menu
items, captions, teasers and footers become lines just like paragraphs do. The
features here are language-neutral shape measures (length, sentence
punctuation, comma lists, link-like text, repeats) plus a small set of
boilerplate phrase *families* that recur across sites ("Read more", "All
rights reserved", "Please enter your comment"), matched only on whole short
lines so an article sentence that mentions them is never dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*$|[\"”’»]$")
# A sentence break inside a line: two lower-case letters or a digit before the
# mark, so abbreviations such as "U.S." or "Dr." do not count.
_SENTENCE_MARK = re.compile(r"(?:[^\W\d_A-Z]{2}|\d)[.!?;。！？](?:\s|$)")
_LINKLIKE = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\S+\.(?:com|org|net|co\.\w+)(?:/|\b)", re.I)
# A credit in brackets closing a line, in any language: "(Name Surname/Agency)",
# "(Foto: Name Agentur)", "(© Name Surname)": a slash, colon or © and two words or
# more inside, no digits (a date "(4/5/2020)") and no question or exclamation mark.
_TRAILING_CREDIT = re.compile(r"\(\s*(?=[^()]*[/:©])(?=[^()]*\w\s+\w)[^()\d?!]{3,80}\)[.\s]*$")
_LIST_SPLIT = re.compile(r"[,،、]")
LIST_ITEM_WORDS = 5  # items of a keyword list are this short
_BULLET = re.compile(r"^[-–—•*·|>»]+\s*")

# Whole-line phrase families: each pattern must match the entire (short) line.
# Order matters (first match wins); the reason code is what a user sees in
# Article.removed. Each family was ablated on both halves of benchmarks/flat.py
# (2026-12-02): families that did not win on a half and lost or tied on the
# other (commenter signatures, author boxes, tag lines, buttons, source lines,
# cookie notices) were removed, being English word lists with no measured gain.
# The families left still win on both halves; most are English phrases, a
# known limit on pages in other languages.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "image-credit": (
        r"(?:photo|image|picture|foto|media|video)s?\s*(?:copyright|credit|caption|source|by)\b.{0,200}",
        r"(?:photo|image|picture|foto|credit|photograph|illustration)s?\s*[:/©].{0,80}",
        r"©\s*(?!\s*\d{4})[^\d]{0,200}",
        r".{1,200}\s©\s*(?:[^\W\d][\w.'’/&-]*\s*){1,6}",  # a caption closed by its credit: "... © Name/Agency"
        r".{0,60}(?:shutterstock|getty ?images|istock(?:photo)?|alamy|depositphotos|unsplash|pexels|pixabay"
        r"|dreamstime|ap photo|afp photo|reuters/|epa-efe)(?:\.com)?.{0,40}",
        r"[\w .'’&-]{2,60}\s/\s[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|[a-z]{2})",
    ),
    "footer": (
        r".{0,60}©.{0,160}",
        r"(?:copyright|\(c\))\b.{0,160}",
        r".{0,80}all rights reserved\.?.{0,80}",
        r"(?:privacy(?: policy| notice)?|cookie policy|terms (?:of use|of service|and conditions)|contact us"
        r"|about us|sitemap|site map|back to top|skip to (?:main )?content|accessibility|careers|imprint"
        r"|impressum|(?:privacy policy|terms)(?:\s*[|&,]\s*\w+(?: \w+){0,3})+)",
    ),
    "ad": (
        r"-*\s*advertisements?\s*-*",
        r"ads? by \S.{0,40}",
        r"(?:sponsored|promoted|paid)(?: content| post| links?| stories)?(?: by .{1,40})?",
        r"anzeige|publicidad|publicité|werbung|reklama|pubblicità|publicidade|advert",
        r"advertise(?: with us| here)?",
        r"story continues below(?: advertisement)?",
    ),
    "teaser": (
        r"(?:also|further|recommended|suggested|more) read(?:ing)?:?.{0,80}",
        r"read (?:more|also|next|this|the full (?:story|article))\b.{0,80}",
        r"(?:others|people|readers) are (?:also )?reading(?: now)?:?",
        r"(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy|be interested in).{0,40}",
        r"(?:don't|do not) miss:?.{0,60}",
        r"(?:watch|listen|see also|click here|continue reading|keep reading)\b.{0,60}",
        r"more (?:from|on|about|stories|news|videos?|articles?)\b.{0,60}",
        r"(?:recommended|trending|popular|editor's picks?|top stories)(?: (?:now|for you|stories|articles|news))?:?",
    ),
    "related": (
        r"related:?|(?:latest|related|weekly|recent|similar|more|top|breaking|popular"
        r"|most (?:read|popular|viewed|shared))"
        r" (?:news|posts?|articles?|stories|headlines|updates|videos?|content|topics?|coverage|links|reading)"
        r"(?: (?:from|on|in|about) .{1,60})?:?",
        r"(?:what to read next|in other news|elsewhere on .{1,40}|from around the web|around the web)",
    ),
    "comment-form": (
        r"(?:leave|post|add|write|submit) (?:a |your )?(?:reply|comment|response)s?:?.{0,40}",
        r"please enter your .{1,40}",
        r"(?:\d+\s*)?comments?(?: \(\d+\))?:?",
        r"(?:view|show|hide|load|read|see) (?:all )?(?:\d+ )?comments?.{0,20}",
        r"you must be (?:logged|signed) in to .{1,60}",
        r"(?:join|start) the (?:discussion|conversation).{0,40}",
        r"save my name, email,? and website.{0,80}",
        r"your email address will not be published.{0,80}",
        r"(?:name|e-?mail|website|comment)\s*[*:]",
        r"cancel reply|post comment|submit comment|notify me of .{0,60}",
        r"\[?\s*\d+\s+(?:comments?|responses?|replies|reactions)\b.{0,80}",
        r"(?:top rated|reader|readers'?|latest|newest|oldest|best) comments?.{0,20}",
    ),
    "share": (
        r"(?:share|tweet|pin|email|print|follow)(?: (?:this|on|us|the|article|story|via|by)\b.{0,40})?:?",
        r"(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|instagram|youtube|e-?mail|x)",
        r"(?:subscribe|sign up|newsletter|get our newsletter|join our (?:mailing list|newsletter)).{0,60}",
        r"(?:sign in|log in|login|register|my account|create (?:an )?account).{0,20}",
        r"(?:copy link|link copied|share (?:this )?(?:article|story|page))",
    ),
    "navigation": (
        r"(?:home(?:page)?|menu|search|more|next|previous|prev|back|main menu)",
        r"(?:next|previous) (?:article|post|story|page)\b.{0,80}",
        r"(?:[^>»|]{1,40}\s[>»|]\s){1,6}[^>»|]{1,120}",
    ),
}
# Families that may cover a long line: a cookie notice or a copyright footer
# can run to several sentences, so these are searched, not matched whole.
_LONG_FAMILIES: dict[str, str] = {
    "image-credit": r"^(?:photo|image|picture|media|video)\s*(?:copyright|credit|caption)\b"
    r"|\((?:AP|AFP|Reuters|EPA|Getty|Photo|Foto|Bloomberg|Xinhua)\b[^)]*\)\s*$"
    r"|, (?:left|right|center|centre),|\bfile (?:photo|image)\b|^in this (?:\w+ )?photo|^\d+\s*of\s*\d+\S",
    "footer": r"^\W{0,3}(?:©|\(c\)|copyright\b)\s*\d{4}|all rights reserved",
}
_LABEL_FAMILIES = frozenset({"teaser", "related", "share", "navigation"})
_LONG_MAX_WORDS = 120
_LONG_COMPILED = {reason: re.compile(p, re.I) for reason, p in _LONG_FAMILIES.items()}
_COMPILED = {reason: re.compile("|".join(f"(?:{p})" for p in pats), re.I) for reason, pats in _FAMILIES.items()}


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of a scrape with the shape features the classifier uses."""

    index: int
    text: str
    words: int
    sentence: bool
    marks: int
    commas: int
    linklike: bool
    blank_before: bool = False
    prose_words: int = 6  # fewer words than this and the line is never prose (setting short_line_words)

    @property
    def listlike(self) -> bool:
        """A comma list of four or more short items with no sentence in it: keywords, tags."""
        return self.commas >= 3 and self.keywords

    @property
    def keywords(self) -> bool:
        """Short comma-separated items and no sentence: a keyword line of three items or more."""
        if self.commas < 2 or self.marks or self.text.endswith("."):
            return False
        return max(len(item.split()) for item in _LIST_SPLIT.split(self.text)) <= LIST_ITEM_WORDS

    @property
    def truncated(self) -> bool:
        """Cut off with an ellipsis mid-sentence, as teasers and summaries are."""
        return self.text.endswith(("...", "…")) and not self.text.endswith(("....", "……"))

    @property
    def textlike(self) -> bool:
        """A line that reads like running prose rather than a label or menu item."""
        if self.listlike or self.truncated:
            return False
        return self.words >= self.prose_words and (
            self.sentence or self.marks > 0 or (self.words >= 20 and self.commas > 0)
        )


def read_lines(text: str, prose_words: int = 6) -> list[Line]:
    """Split a scrape into Lines, dropping blank lines and the scraper's indentation.

    Whether a blank line came before is kept: it tells blocks apart, so a
    teaser label and the headline under it are known to belong together.
    ``prose_words`` is the fewest words a prose line has.
    """
    lines: list[Line] = []
    blank = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(line_features(len(lines), stripped, blank, prose_words))
        blank = not stripped
    return lines


def line_features(index: int, text: str, blank_before: bool = False, prose_words: int = 6) -> Line:
    """Measure one line; CJK characters count as half a word since they carry no spaces."""
    words = len(_WORD.findall(text)) + len(_CJK.findall(text)) // 2
    return Line(
        index=index,
        text=text,
        words=words,
        sentence=bool(_SENTENCE_END.search(text)),
        marks=len(_SENTENCE_MARK.findall(text[:-1])),
        commas=text.count(",") + text.count("،") + text.count("、"),
        linklike=bool(_LINKLIKE.search(text)) and words <= 12,
        blank_before=blank_before,
        prose_words=prose_words,
    )


def phrase_reason(line: Line, max_words: int = 12) -> str | None:
    """The boilerplate family a short line belongs to, or None.

    Only lines of at most ``max_words`` words are tested, and the pattern must
    cover the whole line, so prose that merely mentions "comments" is safe.
    Label families (menus, buttons, teaser and share prompts) never match a
    line that reads as a sentence ("Share the road, she said.").
    """
    if line.words <= max_words:
        text = _BULLET.sub("", line.text).strip(" \t|•·")
        for reason, pattern in _COMPILED.items():
            if (reason not in _LABEL_FAMILIES or not line.textlike) and pattern.fullmatch(text):
                return reason
    return _long_reason(line)


def _long_reason(line: Line) -> str | None:
    """Boilerplate families that come as whole sentences (cookie notices, copyright)."""
    if line.words > _LONG_MAX_WORDS:
        return None
    for reason, pattern in _LONG_COMPILED.items():
        if pattern.search(line.text):
            return reason
    return None


def classify(lines: Sequence[Line]) -> list[str | None]:
    """A boilerplate reason for each line, or None where the line may be article text.

    Beyond the phrase families: a line that occurs more than once is template
    (menus, card dates, repeated captions), and a line that ends with another
    line's text after a few extra words is a breadcrumb ("Home News <title>").
    """
    counts = Counter(line.text for line in lines)
    texts = {line.text for line in lines if line.words >= 3}
    found = [phrase_reason(line) for line in lines]
    reasons: list[str | None] = []
    for line, reason in zip(lines, found, strict=True):
        if reason is None and counts[line.text] > 1 and not _between_prose(lines, line.index, counts):
            reason = "duplicate"
        if reason is None and _is_breadcrumb(line, texts):
            reason = "navigation"
        if reason is None and _TRAILING_CREDIT.search(line.text):
            reason = "image-credit"
        if reason is None and _under_teaser(line, found[line.index - 1] if line.index else None):
            reason = "teaser"
        reasons.append(reason)
    return reasons


def _between_prose(lines: Sequence[Line], i: int, counts: Counter[str]) -> bool:
    """A short repeated line with a unique prose line on each side: a heading in the text.

    A table of contents or a summary box repeats an article's headings; the
    copy that stands between two paragraphs is the heading itself.
    """
    if lines[i].textlike or not 0 < i < len(lines) - 1:
        return False
    return all(lines[j].textlike and counts[lines[j].text] == 1 for j in (i - 1, i + 1))


def _is_breadcrumb(line: Line, texts: set[str]) -> bool:
    """True when the line is 1-5 short words followed by the full text of another line."""
    words = line.text.split()
    if line.textlike or len(words) > 30:
        return False
    return any(" ".join(words[k:]) in texts for k in range(1, min(6, len(words) - 2)))


def _under_teaser(line: Line, label: str | None) -> bool:
    """The headline a teaser label ("Also read") introduces: next line, same block, not prose."""
    return label == "teaser" and not line.blank_before and not line.textlike
