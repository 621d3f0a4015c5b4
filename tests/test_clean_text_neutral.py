"""The text-scrape cleaner without English words: line shapes that hold in any language.

Every page here is invented for these tests, in German, Spanish, Polish and
English, in the shape scrapers save pages. Each behaviour is checked with the
phrase families switched off too (``benchmarks.flat.families_off``), since a
page in another language gets no help from them.
"""

from __future__ import annotations

import contextlib

import pytest
from benchmarks.flat import families_off

from storyline.clean.blocks import stamp_shape
from storyline.clean.lines import line_features
from storyline.clean.text import clean_text
from storyline.model import Article, RawDoc
from storyline.settings import Settings

ARTICLE_DE = [
    "Die Stadtbibliothek öffnet nach zwei Jahren Umbau wieder ihre Türen für alle Leser.",
    "Im neuen Lesesaal stehen nun achtzig Arbeitsplätze, viele davon mit Blick auf den Fluss.",
    "Die Leiterin sagte, man habe vor allem an Familien und an Studierende gedacht.",
    "Der Umbau kostete rund vier Millionen Euro, etwas weniger als zunächst geplant.",
    "Ab dem kommenden Montag gelten wieder die gewohnten Öffnungszeiten von neun bis zwanzig Uhr.",
]
THREAD_DE = [
    "Kommentare",
    "Lena K. am 4. März 2024 um 19:02",
    "Endlich! Wir haben so lange auf die Wiedereröffnung gewartet, danke an alle Beteiligten.",
    "Tomasz am 4. März 2024 um 21:15",
    "Schade nur, dass es weiterhin keinen Parkplatz für Fahrräder direkt vor dem Eingang gibt.",
    "Mara am 5. März 2024 um 08:40",
    "Ich war heute schon dort und der neue Lesesaal ist wirklich wunderschön geworden.",
]
LIVE_ES = [
    "10:32",
    "El alcalde llega al puerto y saluda a los pescadores que esperan desde primera hora.",
    "10:47",
    "Comienza la reunión con los representantes de las cofradías en la lonja municipal.",
    "11:05",
    "Los pescadores piden más controles sobre las capturas ilegales en la bahía del norte.",
]
ARTICLE_ES = [
    "El ayuntamiento anunció ayer un plan para renovar el puerto pesquero antes del verano.",
    "Según el alcalde, las obras durarán cuatro meses y no cerrarán el muelle principal.",
    "Los pescadores celebran la noticia, aunque temen retrasos por la falta de presupuesto.",
]


def _clean(lines: list[str], families: bool = True) -> Article:
    with contextlib.nullcontext() if families else families_off():
        return clean_text(RawDoc(source="t.txt", text="\n".join(lines), fmt="text"), Settings.load())


@pytest.mark.parametrize("families", [True, False])
def test_a_comment_thread_with_dated_headers_is_cut_from_the_body(families: bool) -> None:
    article = _clean(["Startseite", "Kultur", *ARTICLE_DE, *THREAD_DE, "Impressum"], families)
    assert article.text.split("\n\n") == ARTICLE_DE


@pytest.mark.parametrize("families", [True, False])
def test_a_live_blog_whose_entries_carry_only_a_time_keeps_its_entries(families: bool) -> None:
    article = _clean([*ARTICLE_ES, *LIVE_ES], families)
    for entry in LIVE_ES[1::2]:
        assert entry in article.text


def test_a_stamp_needs_a_date_and_a_time_in_any_language() -> None:
    def shape(text: str) -> tuple[str, ...] | None:
        return stamp_shape(line_features(0, text))

    assert shape("Anna on May 3, 2021 at 7:02 pm") == ("d", "d", "d:d")
    assert shape("Jo am 4. Mai 2021 um 19:02") == ("d", "d", "d:d")
    assert shape("Kasia, 12.06.2023 o 14:20") == ("d.d.d", "d:d")
    assert shape("10:32") is None  # a live blog's time alone
    assert shape("— Ana Ruiz (@anaruiz) May 3, 2021") is None  # a date without a time


ARTICLE_PL = [
    "Nowa linia tramwajowa połączy dworzec z osiedlem na północy miasta już w przyszłym roku.",
    "Prezydent miasta zapowiedział, że prace ruszą wiosną i potrwają około dziesięciu miesięcy.",
    "Mieszkańcy od lat czekali na szybsze połączenie z centrum, zwłaszcza w godzinach szczytu.",
    "Koszt inwestycji oszacowano na sto dwadzieścia milionów złotych, w połowie z funduszy unijnych.",
]


@pytest.mark.parametrize("families", [True, False])
def test_a_caption_closed_by_a_bracketed_credit_is_dropped_in_any_language(families: bool) -> None:
    captions = [
        "Tramwaj na pętli przy dworcu w czasie próbnego przejazdu. (Fot. Jan Nowak/Agencja Miejska)",
        "Der neue Lesesaal am Tag der Eröffnung, von der Galerie aus gesehen (Foto: Petra Lang/Stadtbild)",
    ]
    article = _clean([*ARTICLE_PL[:2], captions[0], *ARTICLE_PL[2:], captions[1]], families)
    assert article.text.split("\n\n") == ARTICLE_PL
    assert {r.text: r.reason for r in article.removed}[captions[0]] == "image-credit"


def test_brackets_that_close_prose_without_a_credit_shape_stay() -> None:
    kept = [
        "Die Art lebt vor allem im Mittelland und in den warmen Tälern der Westschweiz (Bern/Freiburg).",
        "Menteri menyampaikan hal itu dalam acara di Jakarta pada hari Kamis pekan lalu (2/11/2023).",
        "¿Quién pagará las obras del puerto si el presupuesto no llega (preguntan los vecinos: ¿cuándo?)",
    ]
    article = _clean([*ARTICLE_ES, *kept, "La obra empezará en marzo, si el tiempo y el presupuesto lo permiten."])
    for line in kept:
        assert line in article.text


LONG_DE = [
    "Die Stadtbibliothek öffnet nach zwei Jahren Umbau wieder ihre Türen, und zwar für alle Leserinnen und Leser.",
    "Im neuen Lesesaal stehen nun achtzig Arbeitsplätze, viele davon mit Blick auf den Fluss und die alte Brücke.",
    "Die Leiterin sagte, man habe beim Umbau vor allem an Familien, an Schulklassen und an Studierende gedacht.",
    "Der Umbau kostete rund vier Millionen Euro, etwas weniger als zunächst geplant, weil die Fassade erhalten blieb.",
    "Neu ist auch ein Raum für Veranstaltungen, in dem bis zu hundert Gäste Lesungen und Vorträgen folgen können.",
    "Ab dem kommenden Montag gelten wieder die gewohnten Öffnungszeiten, samstags sogar bis achtzehn Uhr.",
    "Wer einen neuen Ausweis braucht, kann ihn am Schalter beantragen; für Kinder und Jugendliche bleibt er kostenlos.",
    "Die Stadt plant außerdem, die Zweigstelle im Süden im nächsten Jahr nach demselben Vorbild zu erneuern.",
    "Dort fehlen bisher ein Aufzug und genügend Steckdosen, worüber sich viele Nutzer schon lange beschweren.",
    "Der Stadtrat will über das Geld für die Zweigstelle im Frühjahr entscheiden, nach der Sitzung im März.",
    "Bis dahin sollen die Bürger in einer Umfrage sagen können, was ihnen in der neuen Bibliothek am meisten fehlt.",
    "Die ersten Ergebnisse der Umfrage will die Leiterin im Sommer bei einem offenen Abend im Lesesaal vorstellen.",
]


@pytest.mark.parametrize("families", [True, False])
def test_a_small_prose_box_parted_from_the_article_by_a_gap_is_dropped(families: bool) -> None:
    box = ["Die Nachrichten der Stadt jeden Freitag im Postfach.", "Abmelden geht jederzeit mit nur einem Klick."]
    article = _clean([*LONG_DE, "Teilen", "Drucken", "Merken", *box, "Impressum"], families)
    assert article.text.split("\n\n") == LONG_DE


def test_a_long_section_after_a_gap_stays_in_the_body() -> None:
    article = _clean([*LONG_DE[:6], "Termine", "Montag", "Dienstag", *LONG_DE[6:]], False)
    for paragraph in LONG_DE:
        assert paragraph in article.text


def test_a_footer_phrase_before_most_of_the_text_does_not_close_the_body() -> None:
    heading = "Terms and conditions"
    terms = [f"{n}. Absatz: {line}" for n, line in enumerate(LONG_DE * 2, start=1)]
    article = _clean([*LONG_DE[:4], heading, *terms])
    for paragraph in terms:
        assert paragraph in article.text


def test_headings_repeated_by_a_table_of_contents_stay_headings_of_the_body() -> None:
    headings = ["Was kostet der Umbau?", "Wann öffnet die Zweigstelle?", "Wie geht es weiter?"]
    page = ["Startseite", "Inhalt", *headings, *LONG_DE[:4], headings[0], *LONG_DE[4:8], headings[1]]
    page += [*LONG_DE[8:10], headings[2], *LONG_DE[10:], "Impressum"]
    article = _clean(page, False)
    assert article.text.split("\n\n") == LONG_DE
    assert [subhead.text for subhead in article.subheads] == headings


def test_a_caption_closed_by_a_copyright_credit_does_not_end_the_body() -> None:
    caption = "Die Leiterin im neuen Lesesaal. © Petra Lang/Stadtbild"
    article = _clean([*LONG_DE[:6], caption, *LONG_DE[6:]])
    assert article.text.split("\n\n") == LONG_DE
    assert {r.text: r.reason for r in article.removed}[caption] == "image-credit"
