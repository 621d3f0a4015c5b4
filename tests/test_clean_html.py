"""HTML cleaning: body without boilerplate, subheads, metadata, dates, bad input.

The pages are written here, in the shape news sites use (nav, article,
related links, comments, footer); none is copied from a real site.
"""

from __future__ import annotations

import re

import pytest

from storyline.clean import clean
from storyline.clean.html import clean_html
from storyline.clean.html_meta import clean_title, line_states, split_tags
from storyline.clean.html_rules import boilerplate_reason
from storyline.errors import StorylineError
from storyline.model import Article, RawDoc
from storyline.settings import Settings

HEAD = """<meta charset="utf-8">
<title>Geneva talks end early as envoys push for proposals | Lakeside Herald</title>
<meta property="og:title" content="Geneva talks end early as envoys push for proposals">
<meta property="og:site_name" content="Lakeside Herald">
<link rel="canonical" href="https://lakeside.example/world/geneva-talks-end-early">
<meta name="author" content="Mara Quinlan">
<meta name="keywords" content="Geneva talks, ceasefire, diplomacy">
"""
PUBLISHED = '<meta property="article:published_time" content="2026-02-18T09:30:00+00:00">'

ARTICLE = """<h1>Geneva talks end early as envoys push for proposals</h1>
<p class="byline">By Mara Quinlan</p>
{dateline}
<p>The second day of talks in Geneva ended hours ahead of schedule on Wednesday, after mediators asked
both delegations to come back with written proposals on a ceasefire line.</p>
<p>"We heard a great deal of goodwill and very few numbers," said Elena Varga, the envoy who chaired the
session, speaking to reporters outside the conference hall.</p>
<p>Officials from both sides described the meeting as difficult but useful, and said technical teams
would keep working through the weekend on the maps that the mediators requested.</p>
<h2>Pressure from mediators</h2>
<p>According to two diplomats familiar with the discussions, the mediators set a deadline of ten days
for the written drafts and warned that the next round could be postponed without them.</p>
<p>The foreign minister, Tomas Heller, told parliament in a short statement that his government was
ready to table a proposal but would not accept any withdrawal from the eastern districts.</p>
<p><a href="/world/envoys-arrive">Read more: Envoys arrive in Geneva for a second round</a></p>
<p>Reporting by Mara Quinlan; Editing by Joel Brandt</p>"""

CHROME = """<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<main><article>{article}</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Markets rally on hopes for a deal</a></li>
<li><a href="/b">Winter storm closes mountain passes</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment">
<p>Great article, I totally disagree with the minister and so do all my friends here.</p></div></section>
</main>
<footer><p>{footer}</p><p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>"""


def page(*, published: bool = True, dateline: str = "", footer: str = "Lakeside Herald. All rights reserved.") -> str:
    """A news page; ``published`` adds the publication-time meta tag."""
    head = HEAD + (PUBLISHED if published else "")
    body = CHROME.format(article=ARTICLE.format(dateline=dateline), footer=footer)
    return f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>"


def cleaned(html: str, settings: Settings, **meta: str) -> Article:
    return clean_html(RawDoc(source="test.html", text=html, fmt="html", meta=dict(meta)), settings)


@pytest.fixture(scope="module")
def article(settings: Settings) -> Article:
    return cleaned(page(), settings)


def test_clean_html_body_keeps_article_paragraphs(article: Article) -> None:
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("The second day of talks in Geneva")
    assert paragraphs[4].startswith("The foreign minister, Tomas Heller")


def test_clean_html_keeps_credit_line_no_english_word_rules(article: Article) -> None:
    # No rule matches English words ("Reporting by"), so a short credit line inside the article stays.
    assert article.text.split("\n\n")[5:] == ["Reporting by Mara Quinlan; Editing by Joel Brandt"]


@pytest.mark.parametrize(
    "boilerplate",
    ["Home", "Subscribe now", "Markets rally", "Great article", "All rights reserved", "Privacy policy", "Read more"],
)
def test_clean_html_body_drops_boilerplate(article: Article, boilerplate: str) -> None:
    assert boilerplate not in article.text


def test_clean_html_subhead_kept_out_of_text_at_its_section(article: Article) -> None:
    assert [s.text for s in article.subheads] == ["Pressure from mediators"]
    assert "Pressure from mediators" not in article.text
    offset = article.subheads[0].offset
    assert article.text[offset:].startswith("According to two diplomats")


def test_clean_html_removed_lines_carry_reasons(settings: Settings) -> None:
    found = cleaned(page(dateline="<p>18.02.2026, 09:30</p>"), settings)
    reasons = {r.text: r.reason for r in found.removed}
    assert reasons["Geneva talks end early as envoys push for proposals"] == "header"
    assert reasons["18.02.2026, 09:30"] == "dateline"


def test_clean_html_metadata_found(article: Article) -> None:
    assert article.title == "Geneva talks end early as envoys push for proposals"
    assert article.outlet == "Lakeside Herald"
    assert article.byline == "Mara Quinlan"
    assert article.url == "https://lakeside.example/world/geneva-talks-end-early"
    assert article.tags == ("Geneva talks", "ceasefire", "diplomacy")


def test_clean_html_meta_date_is_explicit(article: Article) -> None:
    assert (article.published, article.published_source) == ("2026-02-18", "explicit")


def test_clean_html_visible_date_line_is_explicit(settings: Settings) -> None:
    found = cleaned(page(published=False, dateline="<p>Wednesday, February 18, 2026</p>"), settings)
    assert (found.published, found.published_source) == ("2026-02-18", "explicit")
    assert "February 18, 2026" not in found.text


def test_clean_html_date_only_in_copyright_is_estimated(settings: Settings) -> None:
    found = cleaned(page(published=False, footer="© 2025 Lakeside Herald. All rights reserved."), settings)
    assert found.published_source == "estimated"
    assert found.published is not None and found.published.startswith("2025")


def test_clean_html_page_without_date_is_unknown(settings: Settings) -> None:
    found = cleaned(page(published=False), settings)
    assert found.published is None
    assert found.published_source == "unknown"
    assert found.text  # the body is still there


def test_clean_html_date_in_url_is_explicit(settings: Settings) -> None:
    html = re.sub(r'<link rel="canonical"[^>]*>', "", page(published=False))
    found = cleaned(html, settings, url="https://lakeside.example/2026/02/17/geneva-talks")
    assert (found.published, found.published_source) == ("2026-02-17", "explicit")


@pytest.mark.parametrize(
    "html",
    ["", "   ", "<html>", "<html><body></body></html>", "\x00\x01\x02", "<<<>>>", "<div><p>cut off mid"],
)
def test_clean_html_broken_page_gives_empty_text(settings: Settings, html: str) -> None:
    found = cleaned(html, settings)
    assert found.text == ""
    assert found.published is None


def test_clean_html_empty_page_raises_e104_in_clean(settings: Settings) -> None:
    with pytest.raises(StorylineError) as err:
        clean(RawDoc(source="empty.html", text="<html><body><nav>Home</nav></body></html>", fmt="html"), settings)
    assert err.value.code == "E104"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Nov. 18, 2019 5:45 AM PST", "dateline"),
        ("18. Februar 2026, 14:05 Uhr", "dateline"),
        ("18 de febrero de 2026", "dateline"),
        ("- 18.02.2026 -", "dateline"),
        ("2026-02-18", "dateline"),
    ],
)
def test_html_rules_date_line_in_any_language(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Envoys arrive in Geneva",
        "Weiterlesen: Gespräche in Genf",
        "Copyright 2026 Lakeside Media Group.",
        "___",
    ],
)
def test_html_rules_match_no_words(line: str) -> None:
    # Word lists only ever covered English; link share, repetition and trafilatura's own
    # rules take these lines out where they are boilerplate.
    assert boilerplate_reason(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Related talks in Vienna last year ended without a deal, and the envoys said they expected the same.",
        "Copyright law was not on the agenda, the minister said.",
        "— Elena Varga (@evarga) February 18, 2026",
        "The talks began on February 17, 2026 and ended a day later.",
        "Die Gespräche begannen am 17. Februar 2026 in Genf.",
        "More than 40 delegates attended.",
    ],
)
def test_html_rules_keeps_prose(line: str) -> None:
    assert boilerplate_reason(line) is None


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Geneva talks end early | Lakeside Herald", "Lakeside Herald", "Geneva talks end early"),
        ("Lakeside Herald - Geneva talks end early", "Lakeside Herald", "Geneva talks end early"),
        ("Talks: what we know - and what we don't", "Lakeside Herald", "Talks: what we know - and what we don't"),
    ],
)
def test_html_meta_clean_title(title: str, site: str, expected: str) -> None:
    assert clean_title(title, site) == expected


def test_html_meta_split_tags() -> None:
    assert split_tags(["Geneva, ceasefire", "Ceasefire", "talks"]) == ("Geneva", "ceasefire", "talks")


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Wednesday, February 18, 2026", True), ("18.02.2026 10:40", True), ("February 19, 2026", False)],
)
def test_html_meta_line_states(line: str, expected: bool) -> None:
    assert line_states("2026-02-18", line) is expected
