"""The plain-text scrape cleaner: body, subheads, removed lines and metadata.

The small scrapes in tests/data/scrapes were written for these tests in the
shape scrapers save pages (menus, captions, teasers, author boxes, comment
threads); the two seed pages are read from ../shared/seeds and skipped when
absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean.meta import date_line, parse_date
from storyline.clean.text import clean_text
from storyline.model import Article, RawDoc
from storyline.settings import Settings

PREVIEW = "000_99d1aa4d0a6639c2.txt"
OUTCOME = "002_aeeafc2538b33a58.txt"
DATA = Path(__file__).parent / "data" / "scrapes"

HARBOUR = (DATA / "harbour.txt").read_text("utf-8")  # menu, caption, comment thread after the footer
NO_DATE = (DATA / "no_date.txt").read_text("utf-8")  # no date line; a date inside the body
NEWSROOM = (DATA / "newsroom.txt").read_text("utf-8")  # ISO date line, keyword line, author box


def _clean(text: str, settings: Settings, source: str = "test.txt") -> Article:
    return clean_text(RawDoc(source=source, text=text, fmt="text"), settings)


def _paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n")


def _reasons(article: Article) -> dict[str, str]:
    return {removed.text: removed.reason for removed in article.removed}


@pytest.fixture(scope="module")
def harbour(settings: Settings) -> Article:
    return _clean(HARBOUR, settings)


def test_clean_text_keeps_every_body_paragraph(harbour: Article) -> None:
    paragraphs = _paragraphs(harbour)
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("Dockworkers at the northern terminal")
    assert paragraphs[-1] == "The authority said in a statement that it remained ready to meet at any time."


def test_clean_text_drops_comment_thread_after_footer(harbour: Article) -> None:
    assert "strike has gone on far too long" not in harbour.text
    assert "says:" not in harbour.text
    # No commenter-signature word list: the thread goes because it lies after the body.
    assert _reasons(harbour)["dockside_dan says:"] == "after-body"


def test_clean_text_records_a_reason_for_each_dropped_line(harbour: Article) -> None:
    reasons = _reasons(harbour)
    assert reasons["Read more: Port authority posts record profits"] == "teaser"
    assert reasons["Dockworkers walk out at the northern terminal. (AP Photo/Lee Park)"] == "image-credit"
    assert reasons["Home > News > Harbour strike enters second week"] == "navigation"
    assert reasons["Share this:"] == "share"
    assert reasons["© 2025 Coastline Media Ltd. All rights reserved."] == "footer"
    assert reasons["Harbour strike enters second week as talks stall"] == "title"


def test_clean_text_accounts_for_every_line(harbour: Article) -> None:
    lines = [line for line in HARBOUR.splitlines() if line.strip()]
    kept = len(_paragraphs(harbour)) + len(harbour.subheads) + len(harbour.removed)
    assert kept == len(lines)


def test_clean_text_subhead_is_structure_with_offset(harbour: Article) -> None:
    assert [s.text for s in harbour.subheads] == ["Talks collapse"]
    assert "Talks collapse" not in harbour.text
    offset = harbour.subheads[0].offset
    assert harbour.text[offset:].startswith("A mediation session on Sunday")
    assert harbour.text[offset - 2 : offset] == "\n\n"


def test_clean_text_reads_title_byline_and_date(harbour: Article) -> None:
    assert harbour.title == "Harbour strike enters second week as talks stall"
    assert harbour.byline == "Jane Doe"
    assert harbour.outlet == "Coastline Media Ltd"  # from the copyright footer
    assert harbour.published == "2025-03-03"
    assert harbour.published_source == "explicit"


def test_clean_text_no_date_stays_unknown(settings: Settings) -> None:
    article = _clean(NO_DATE, settings)
    assert article.published is None
    assert article.published_source == "unknown"
    assert "1 June 2026" in article.text  # a date in the body is not the publication date


def test_clean_text_image_keywords_and_teasers(settings: Settings) -> None:
    article = _clean(NO_DATE, settings)
    reasons = _reasons(article)
    assert reasons["Cyclists, Bikes, Street, Council"] == "image-keywords"
    assert reasons["Photo: City Press / Stockimages"] == "image-credit"
    assert reasons["Others are reading now"] == "teaser"
    assert article.tags == ()
    assert article.title == "Council approves new cycle lanes for the old town"
    assert len(_paragraphs(article)) == 5


def test_clean_text_author_box_tags_and_iso_date(settings: Settings) -> None:
    article = _clean(NEWSROOM, settings)
    assert article.published == "2025-11-04"
    assert article.tags == ("Tech", "Energy", "Batteries", "Grid storage")
    assert article.byline == "Valley Newsroom"
    assert article.outlet is None  # a desk byline is not the outlet's name
    assert article.title == "Battery plant opens in the valley"
    reasons = _reasons(article)
    assert reasons["Independent news for the valley and the hills around it, every day."] == "author-box"
    assert reasons["Please enter your comment!"] == "comment-form"
    assert len(_paragraphs(article)) == 3


def test_clean_text_author_box_closing_the_body(settings: Settings) -> None:
    page = HARBOUR.split("Share this:")[0] + "Harbour Desk\nHarbour Weekly covers the ports and the sea, every day.\n"
    article = _clean(page, settings)
    assert article.text.endswith("ready to meet at any time.")
    assert _reasons(article)["Harbour Weekly covers the ports and the sea, every day."] == "author-box"
    assert (article.byline, article.outlet) == ("Jane Doe", "Harbour Weekly")


def test_clean_text_sentences_that_mention_boilerplate_words_stay(settings: Settings) -> None:
    extra = "Share the quay, the mayor told them.\nThe copyright on the port logo is held by the city.\n"
    page = HARBOUR.replace("Talks collapse\n", extra)
    article = _clean(page, settings)
    assert "Share the quay, the mayor told them." in _paragraphs(article)
    assert "The copyright on the port logo is held by the city." in _paragraphs(article)
    assert article.text.endswith("ready to meet at any time.")


def test_clean_text_short_line_words_sets_what_counts_as_prose(settings: Settings) -> None:
    body = "The ferry left Calder at dawn.\nIt carried ninety cars and lorries.\nThe crossing took four hours.\n"
    page = "Home\nNews\nSport\n" + body + "Share\n"
    assert len(_paragraphs(_clean(page, settings))) == 3
    strict = settings.with_values({"short_line_words": 10})
    assert len(_paragraphs(_clean(page, strict))) == 1


def test_clean_text_page_saved_twice_keeps_one_body(settings: Settings) -> None:
    body = HARBOUR.split("Share this:")[0].split("(AP Photo/Lee Park)\n")[1]
    article = _clean(body + body, settings)
    assert _paragraphs(article)[0].startswith("Dockworkers at the northern terminal")
    assert article.text.count("mediation session on Sunday") == 1


def test_clean_text_lead_repeated_as_summary_stays_in_body(settings: Settings) -> None:
    lead = HARBOUR.splitlines()[12]
    article = _clean(HARBOUR.replace("By Jane Doe\n", f"{lead}\nBy Jane Doe\n"), settings)
    assert _paragraphs(article)[0] == lead
    assert _reasons(article)[lead] == "duplicate"


def test_clean_text_question_headline_opening_the_page(settings: Settings) -> None:
    page = "Will the harbour strike end this week?\n\n" + HARBOUR.split("(AP Photo/Lee Park)\n")[1]
    article = _clean(page, settings)
    assert article.title == "Will the harbour strike end this week?"
    assert _paragraphs(article)[0].startswith("Dockworkers at the northern terminal")


def test_clean_text_short_page_keeps_its_line(settings: Settings) -> None:
    article = _clean("Home\nNews\nFerry service resumes after storm\nShare\n", settings)
    assert article.text == "Ferry service resumes after storm"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday, February 18, 2026", "2026-02-18"),
        ("Published 3 March 2025", "2025-03-03"),
        ("2025-03-03 14:00", "2025-03-03"),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19"),
        ("Updated 25/12/2024 10:00", "2024-12-25"),
        ("05.10.2018", "2018-10-05"),
        ("Mittwoch, 18. Februar 2026", "2026-02-18"),
        ("publié le 3 janvier 2021", "2021-01-03"),
        ("3 de marzo de 2021", "2021-03-03"),
        ("05/10/2018", None),
        ("February 30, 2026", None),
        ("Season 2026 preview", None),
    ],
)
def test_clean_text_parse_date_forms(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated on: November 19, 2019 / 10:07 AM / CBS News", "2019-11-19"),
        ("By Jane Doe | March 3, 2025", "2025-03-03"),
        ("Board appoints a new finance director with effect from 1.9.2015", None),
        ("Version 3 of the voting rules adopted on 29 June 2007 by the assembly", None),
    ],
)
def test_clean_text_date_line_is_mostly_a_date(text: str, expected: str | None) -> None:
    assert date_line(text) == expected


def test_clean_text_one_says_line_does_not_end_the_body(settings: Settings) -> None:
    lines = HARBOUR.split("Share this:")[0].replace("Talks collapse\n", "The union leaflet says:\n")
    article = _clean(lines, settings)
    assert article.text.endswith("ready to meet at any time.")
    assert "The union leaflet says:" in article.text


@pytest.fixture(scope="module")
def seed_articles(seeds_dir: Path, settings: Settings) -> dict[str, Article]:
    return {name: _clean((seeds_dir / name).read_text("utf-8"), settings, name) for name in (PREVIEW, OUTCOME)}


SEED_BOILERPLATE = [
    "Homepage",
    "Silhouettes",
    "Shutterstock",
    "Others are reading now",
    "Also read",
    "Ads by",
    "Sources:",
    "More\n",
    "Comments",
    "Advertisement",
    "VT Newsroom",
    "A global media",
    "Latest news",
    "Related news",
    "Weekly News",
    "LEAVE A REPLY",
    "Please enter",
    "Geneva peace talks,",
]


@pytest.mark.parametrize("name", [PREVIEW, OUTCOME])
def test_clean_text_seed_body_has_no_boilerplate(seed_articles: dict[str, Article], name: str) -> None:
    text = seed_articles[name].text
    for phrase in SEED_BOILERPLATE:
        assert phrase not in text, f"{phrase!r} in body of {name}"


def test_clean_text_seed_preview(seed_articles: dict[str, Article]) -> None:
    article = seed_articles[PREVIEW]
    paragraphs = _paragraphs(article)
    assert len(paragraphs) == 12
    assert paragraphs[0].startswith("Tensions between Washington and Kyiv")
    assert paragraphs[-1].startswith("With both sides maintaining firm positions")
    assert article.title == "Second round of Ukraine-Russia talks opens in Geneva"
    assert (article.published, article.published_source) == (None, "unknown")
    heads = {s.text: article.text[s.offset :] for s in article.subheads}
    assert list(heads) == ["Election debate", "Talks resume", "Limited optimism"]
    assert heads["Talks resume"].startswith("Against this backdrop")
    reasons = _reasons(article)
    assert reasons["Sources: The Guardian, statements from US, Ukrainian and Russian officials."] == "after-body"
    assert reasons["Ceasfire, Ukraine, Russia, Silhouettes"] == "image-keywords"


def test_clean_text_seed_outcome(seed_articles: dict[str, Article]) -> None:
    article = seed_articles[OUTCOME]
    paragraphs = _paragraphs(article)
    assert len(paragraphs) == 9
    assert paragraphs[0].startswith("The negotiations between Ukrainian and Russian officials")
    assert paragraphs[-1].endswith("was signed on April 30, 2025.")
    assert article.title == "Geneva Talks End Early on Day 2 as U.S. Pushes Ukraine, Russia for Concrete Proposals"
    assert (article.published, article.published_source) == ("2026-02-18", "explicit")
    assert article.byline == "VT Newsroom"
    assert "Geneva peace talks" in article.tags and "Zelenskyy" in article.tags
    assert article.subheads == ()
    assert _reasons(article)["A global media for the latest news, entertainment, music fashion, and more."] == (
        "author-box"
    )
