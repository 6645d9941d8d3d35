"""Bylines written as text ("Posted by X on <date>"): the parser, and its use by from_html."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newspkg import from_html
from newspkg._html.byline_text import (
    MAX_BYLINE_TEXT,
    TextByline,
    find_date_text,
    parse_text_byline,
)


@pytest.mark.parametrize(
    ("text", "name", "date"),
    [
        ("Posted by Laura Chen on March 5, 2024", "Laura Chen", "March 5, 2024"),
        ("By Peter Walsh | March 5, 2024", "Peter Walsh", "March 5, 2024"),
        ("By Peter Walsh \u2022 Mar 5, 2024", "Peter Walsh", "Mar 5, 2024"),
        ("Written by Emma Hart", "Emma Hart", None),
        ("Submitted by jsmith on Tue, 03/05/2024 - 10:21", "jsmith", None),
        ("Dana Cole \u00b7 5 min read \u00b7 Mar 5, 2024", "Dana Cole", "Mar 5, 2024"),
        ("By JOHN SMITH Staff Writer", "JOHN SMITH", None),
        ("By Rosa Diaz, Staff Reporter", "Rosa Diaz", None),
        ("By Tom Baker March 5, 2024", "Tom Baker", "March 5, 2024"),
        ("By Tom Baker 2024-03-05T10:00:00Z", "Tom Baker", "2024-03-05T10:00:00Z"),
        ("Von Klaus Weber", "Klaus Weber", None),
        ("By Jane Doe, March 5, 2024 at 5:14 p.m. EST", "Jane Doe", "March 5, 2024 5:14 p.m. EST"),
        ("Posted March 5, 2004", None, "March 5, 2004"),
        ("Published on: 5 March 2024", None, "5 March 2024"),
        ("By Mary-Jane O'Neil", "Mary-Jane O'Neil", None),
    ],
)
def test_a_byline_text_gives_its_name_and_date(
    text: str, name: str | None, date: str | None
) -> None:
    assert parse_text_byline(text) == TextByline(name=name, date_text=date)


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the year, prices rose.",  # a sentence: "By" before a lower-case word
        "Posted by the team at Acme",  # no name, several lower-case words
        "Posted in Uncategorized",  # a category line
        "5 min read",  # a reading time with no name and no date
        "By clicking Subscribe you agree to our terms",
        "Photo by Jane Doe",  # a photographer is no author
        "Posted by Admin on March 5, 2024",  # a role, not a name
        "Jane Doe " * 40,  # longer than a byline
        "",
    ],
)
def test_text_that_is_no_byline_gives_none(text: str) -> None:
    found = parse_text_byline(text)
    assert found is None or found.name is None


def test_a_printed_time_without_a_zone_is_left_out_of_the_date() -> None:
    # Its calendar day is certain, its instant is not; "am and" is no zone.
    assert find_date_text("March 5, 2024 at 9:30 am and later") == "March 5, 2024"
    assert find_date_text("Monday, February 29, 2016 @ 11:10 PM UTC") == (
        "Monday, February 29, 2016 11:10 PM UTC"
    )
    assert find_date_text("on 03/05/2024") is None  # day or month first: not guessed


_LEADS = st.sampled_from(["By ", "Posted by ", "Written by ", "Submitted by ", "By: "])
_WORD = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True)
_SEPARATORS = st.sampled_from([" on ", " | ", " \u00b7 ", " \u2022 ", ", ", " \u2014 ", " "])
_DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
_DATES = _DAYS.map(lambda day: f"{day:%B} {day.day}, {day.year}") | _DAYS.map(date.isoformat)
# Words a name may not hold here: separators ("On", "At"), articles, what a date starts with.
_NOT_IN_NAMES = re.compile(
    r"(?i:on|at|an?|the|updated|published|posted|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|mon|tue|wed|thu|fri|sat|sun).*)"
)


@given(lead=_LEADS, words=st.lists(_WORD, min_size=2, max_size=3), sep=_SEPARATORS, day=_DATES)
def test_a_generated_byline_gives_back_its_name_and_date(
    lead: str, words: list[str], sep: str, day: str
) -> None:
    assume(not any(_NOT_IN_NAMES.fullmatch(word) for word in words))
    name = " ".join(words)
    found = parse_text_byline(f"{lead}{name}{sep}{day}")
    assert found == TextByline(name=name, date_text=day)


_DIGIT = re.compile(r"\d")


@given(st.text(max_size=MAX_BYLINE_TEXT + 20))
def test_the_parser_never_fails_and_no_name_holds_a_date(text: str) -> None:
    found = parse_text_byline(text)
    if found is not None and found.name is not None:
        assert _DIGIT.search(found.name) is None
        assert find_date_text(found.name) is None
        assert found.name == found.name.strip()
        assert found.name in " ".join(text.split())


@given(
    st.lists(
        st.sampled_from(["By ", "Posted by ", "Jane ", "Doe", " on ", "March 5, 2024", " | "])
        | st.sampled_from(["5 min read", " \u00b7 ", "Mar ", "2024-03-05", "Von ", "the "]),
        max_size=12,
    )
)
def test_byline_like_pieces_never_give_a_name_with_a_date(pieces: list[str]) -> None:
    found = parse_text_byline("".join(pieces))
    if found is not None and found.name is not None:
        assert _DIGIT.search(found.name) is None
        assert find_date_text(found.name) is None


def page(body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<link rel="canonical" href="https://news.example/story/1">'
        f"<title>Spring concert raises funds</title>{head}</head><body>{body}</body></html>"
    )


_STORY = "<p>The school's spring concert raised more than $4,000 for new instruments.</p>"


def test_from_html_reads_a_text_byline_and_its_date_with_notes() -> None:
    byline = '<p class="meta">Posted by Laura Chen on March 5, 2024</p>'
    found = from_html(page(f"<h1>Spring concert</h1>{byline}{_STORY}"))

    assert [author.name for author in found.authors] == ["Laura Chen"]
    assert str(found.date_published) == "2024-03-05"
    notes = {note.field: note for note in found.provenance}
    assert notes["authors"].source == "byline text"
    assert notes["date_published"].source == "byline text"


def test_a_byline_without_a_date_takes_the_date_printed_after_it() -> None:
    # Bootstrap news templates: the name and the date in sibling list items.
    body = (
        '<ul class="post-meta"><li>By <a href="/author/tom">Tom Baker</a></li>'
        "<li>March 5, 2024</li></ul>" + _STORY
    )
    found = from_html(page(body))

    assert [author.name for author in found.authors] == ["Tom Baker"]
    assert str(found.date_published) == "2024-03-05"


def test_the_lead_word_alone_in_its_element_reads_the_parent() -> None:
    body = "<div><span>By</span> <span>Sian Jones</span></div>" + _STORY
    assert [author.name for author in from_html(page(body)).authors] == ["Sian Jones"]


def test_declared_values_are_never_overridden_by_the_text_byline() -> None:
    head = (
        '<meta name="author" content="Ann Author">'
        '<meta property="article:published_time" content="2024-01-02T03:04:05Z">'
    )
    body = "<p>Posted by Laura Chen on March 5, 2024</p>" + _STORY
    found = from_html(page(body, head))

    assert [author.name for author in found.authors] == ["Ann Author"]
    assert str(found.date_published) == "2024-01-02 03:04:05+00:00"


def test_a_commenters_byline_navigation_and_asides_are_not_read() -> None:
    body = (
        "<nav><p>By Nav Person</p></nav><aside><p>By Side Person</p></aside>"
        '<div class="comments"><p>Posted by Commenter Name on March 9, 2024</p></div>' + _STORY
    )
    found = from_html(page(body, '<meta property="og:type" content="article">'))

    assert found.authors == ()
    assert found.date_published is None


def test_many_byline_like_texts_are_read_a_bounded_number_of_times() -> None:
    # A page of a hundred thousand "By x" texts in one element: the walk gives up after a
    # few tries instead of reading the whole element's text for each.
    body = "<div>" + "<b>By x</b>" * 100_000 + "</div>" + _STORY
    found = from_html(page(body, '<meta property="og:type" content="article">'))
    assert found.authors == ()


def test_a_title_that_is_only_the_site_name_yields_to_the_h1_with_a_note() -> None:
    html = (
        '<html><head><meta property="og:type" content="article"><title>Northside Weekly</title>'
        '<link rel="canonical" '
        'href="https://northside.example/s/1"></head><body><header><a href="/">Northside '
        "Weekly</a></header><h1>Library reopens</h1>" + _STORY + "</body></html>"
    )
    found = from_html(html)
    assert found.headline == "Library reopens"
    note = next(note for note in found.provenance if note.field == "headline")
    assert note.source == "h1"
    assert "is the site's name" in note.detail
    # Without an <h1> the <title> is all there is, and it is kept.
    assert from_html(html.replace("<h1>Library reopens</h1>", "")).headline == "Northside Weekly"


def test_a_title_part_spelt_as_the_host_is_the_site_name() -> None:
    html = page(_STORY).replace(
        "<title>Spring concert raises funds</title>",
        "<title>Spring concert raises funds | The News Example</title>",
    )
    html = html.replace("https://news.example/", "https://newsexample.com/")
    assert from_html(html).headline == "Spring concert raises funds"


def test_xml_lang_is_the_last_resort_for_the_language() -> None:
    html = page(_STORY).replace('<html lang="en">', '<html xml:lang="fr">')
    found = from_html(html)
    assert found.language == "fr"
    assert any(n.field == "language" and n.source == "html xml:lang" for n in found.provenance)
    assert from_html(html.replace('xml:lang="fr"', 'xml:lang="fr" lang="de"')).language == "de"
