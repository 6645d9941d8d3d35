"""Every meta-tag family, the precedence between them, and the body's byline and dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from newspkg import from_html
from newspkg._html.meta_families import PRECEDENCE, normalized_key, title_without_site

URL = "https://e.com/news/1"
PUBLISHED = "article:published_time"


def page(*head: str, body: str = "", lang: str = "") -> str:
    attribute = f' lang="{lang}"' if lang else ""
    return (
        f'<html{attribute}><head><meta property="og:type" content="article">'
        f"{''.join(head)}</head><body>{body}</body></html>"
    )


def meta(key: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{key}" content="{content}">'


@pytest.mark.parametrize(
    ("tags", "field", "expected"),
    [
        ([meta("DC.title", "Dublin")], "headline", "Dublin"),
        ([meta("dcterms:title", "Terms")], "headline", "Terms"),
        ([meta("citation_title", "Paper")], "headline", "Paper"),
        ([meta("parsely-title", "Parsely")], "headline", "Parsely"),
        ([meta("sailthru.title", "Sailthru")], "headline", "Sailthru"),
        ([meta("headline", "Item", "itemprop")], "headline", "Item"),
        ([meta("DC.description", "About")], "description", "About"),
        ([meta("citation_abstract", "Abstract")], "description", "Abstract"),
        ([meta("parsely-section", "Energy")], "section", "Energy"),
        ([meta("DC.language", "de")], "language", "de"),
    ],
)
def test_each_family_fills_a_field(tags: list[str], field: str, expected: str) -> None:
    article = from_html(page(*tags, "<title>Fallback</title>"), url=URL)

    assert getattr(article, field) == expected
    assert any(n.field == field and "taken from" in n.detail for n in article.provenance)


@pytest.mark.parametrize(
    ("key", "content"),
    [
        ("citation_publication_date", "2026-01-02"),
        ("DC.date.issued", "2026-01-02"),
        ("dcterms.issued", "2026-01-02"),
        ("parsely-pub-date", "2026-01-02"),
        ("sailthru.date", "2026-01-02"),
        ("cXenseParse:recs:publishtime", "2026-01-02"),
    ],
)
def test_publication_dates_from_each_family(key: str, content: str) -> None:
    article = from_html(page(meta(key, content), meta("og:title", "T", "property")), url=URL)

    assert article.date_published == date(2026, 1, 2)


def test_parsely_s_older_json_tag_is_read() -> None:
    blob = (
        '{"title": "Story", "pub_date": "2014-12-27T17:10:17Z", "author": "National Desk",'
        ' "section": "Food", "tags": ["@cooking"]}'
    )
    head = f"<meta name='parsely-page' content='{blob}'>"

    article = from_html(page(head), url=URL)

    assert article.headline == "Story"
    assert article.date_published == datetime(2014, 12, 27, 17, 10, 17, tzinfo=UTC)
    assert [a.name for a in article.authors] == ["National Desk"]
    assert article.section == "Food"
    sources = {n.field: n.source for n in article.provenance}
    assert sources["date_published"] == "meta parsely-page.pub_date"


@pytest.mark.parametrize("blob", ["{broken", "[1, 2]", '{"title": 3}', "[" * 10_000])
def test_a_parsely_page_tag_that_cannot_be_read_gives_nothing(blob: str) -> None:
    head = f"<meta name='parsely-page' content='{blob}'>" + meta("og:title", "T", "property")

    assert from_html(page(head), url=URL).headline == "T"


def test_authors_from_each_family_are_cleaned() -> None:
    head = [meta("og:title", "T", "property"), meta("parsely-author", "By Jane Doe and John Roe")]

    article = from_html(page(*head), url=URL)

    assert [a.name for a in article.authors] == ["Jane Doe", "John Roe"]
    (note,) = [n for n in article.provenance if n.field == "authors"]
    assert note.source == "meta parsely-author"
    assert "dropped 'By'" in note.detail


def test_citation_authors_keep_last_first_order() -> None:
    head = [meta("citation_title", "T"), meta("citation_author", "Doe, Jane")]

    assert [a.name for a in from_html(page(*head), url=URL).authors] == ["Doe, Jane"]


def test_the_byline_and_time_element_fill_authors_and_date() -> None:
    body = (
        '<article><h1>Story</h1><p class="byline">By Nathan Willis March 25, 2015</p>'
        '<time datetime="2015-03-25T10:00:00-04:00">March 25</time></article>'
    )

    article = from_html(page(body=body), url=URL)

    assert [a.name for a in article.authors] == ["Nathan Willis"]
    assert article.date_published == datetime(2015, 3, 25, 14, tzinfo=UTC)
    assert article.headline == "Story"


def test_bylines_in_a_comment_section_are_the_commenters() -> None:
    body = (
        "<h1>Story</h1>"
        '<ul class="comments-list"><li><div class="byline">J J</div></li></ul>'
        '<div class="commentary"><p class="byline">By Jane Doe</p></div>'
    )

    assert [a.name for a in from_html(page(body=body), url=URL).authors] == ["Jane Doe"]


@pytest.mark.parametrize(
    "section",
    [
        '<section id="comments">',
        '<div class="comment-list">',
        '<div class="fb-comments">',
        '<div class="comments__thread">',
        '<div class="post comments-area">',
        '<div class="openweb-comments">',
    ],
)
def test_a_comment_section_s_bylines_are_not_the_article_s(section: str) -> None:
    tag = section[1 : section.index(" ")]
    body = f'<h1>Story</h1>{section}<p class="byline">By J J</p></{tag}>'

    assert from_html(page(body=body), url=URL).authors == ()


@pytest.mark.parametrize(
    "wrapper",
    [
        '<article class="post comments-open">',
        '<article class="post no-comments">',
        '<article class="post comments-closed">',
        '<div class="openweb-comment-counter__comments-label">',
        '<div class="story comment-count">',
        '<div class="header comments-link">',
        '<div id="comments-button">',
    ],
)
def test_a_comment_state_counter_or_link_class_is_not_a_comment_section(wrapper: str) -> None:
    tag = wrapper[1 : wrapper.index(" ")]
    body = f'<h1>Story</h1>{wrapper}<p class="byline">By Jane Doe</p></{tag}>'

    assert [a.name for a in from_html(page(body=body), url=URL).authors] == ["Jane Doe"]


def test_a_byline_element_s_author_link_holds_the_name() -> None:
    body = (
        "<h1>Story</h1>"
        '<div class="author"><a class="author-link" href="/author/ben-silverman">Ben Silverman'
        "</a> Games Editor</div>"
    )

    assert [a.name for a in from_html(page(body=body), url=URL).authors] == ["Ben Silverman"]


@pytest.mark.parametrize(
    "body",
    [
        '<p class="byline">By Jane Doe <a href="/author/jane-doe">More stories</a></p>',
        '<p class="byline">By Jane Doe <a class="author-avatar" href="/a/jane"></a></p>',
    ],
    ids=["a link further on", "a link without text"],
)
def test_an_author_link_that_does_not_lead_the_byline_is_not_the_name(body: str) -> None:
    names = [a.name for a in from_html(page(body="<h1>Story</h1>" + body), url=URL).authors]

    assert names[0].startswith("Jane Doe")


def test_a_page_wide_comments_class_is_not_a_comment_section() -> None:
    body = '<h1>Story</h1><p class="byline">By Jane Doe</p>'
    html = page(body=body).replace("<body>", '<body class="single comments-open">')

    assert [a.name for a in from_html(html, url=URL).authors] == ["Jane Doe"]


def test_several_author_links_are_several_authors() -> None:
    body = (
        "<h1>Story</h1>"
        '<p class="byline">By <a rel="author" href="/a/jane">Jane Doe</a>, Staff Writer, and '
        '<a rel="author" href="/a/john">John Roe</a></p>'
    )

    names = [a.name for a in from_html(page(body=body), url=URL).authors]

    assert names == ["Jane Doe", "John Roe"]


def test_og_title_wins_over_dublin_core_and_the_title_element() -> None:
    head = [meta("DC.title", "Dublin"), meta("og:title", "Open Graph", "property")]

    assert from_html(page(*head, "<title>Title</title>"), url=URL).headline == "Open Graph"


def test_the_site_name_is_cut_from_the_title() -> None:
    head = [meta("og:site_name", "Example News", "property"), "<title>Story | Example News</title>"]

    article = from_html(page(*head), url=URL)

    assert article.headline == "Story"
    assert any("cut the site name" in n.detail for n in article.provenance)


@pytest.mark.parametrize(
    ("title", "sites", "headings", "expected"),
    [
        ("Story - Example", ["example"], [], "Story"),
        ("Example » Story", ["Example"], [], "Story"),
        ("Outside the web · V8", [], ["V8", "Outside the web"], "Outside the web"),
        (
            "Evolve: History — evolve for Hg",
            [],
            ["evolve for Hg", "Evolve: History¶"],
            "Evolve: History",
        ),
        ("Explainer | The long story title", [], ["The long story title"], "The long story title"),
        ("The long story title | V8", [], ["V8"], "The long story title"),
        ("A: B", [], [], None),
        ("短缺药品保供稳价-新华网", [], ["短缺药品保供稳价"], "短缺药品保供稳价"),
        ("人工智能迈上新台阶_科技_腾讯网", ["腾讯网"], [], "人工智能迈上新台阶_科技"),
        ("人工智能迈上新台阶_科技_腾讯网", [], ["人工智能迈上新台阶"], "人工智能迈上新台阶"),
        ("新华网-标题", [], [], None),
        ("Covid-19 cases rise", ["19 cases rise"], ["Covid"], None),
        ("Plain", ["x"], [], None),
    ],
)
def test_title_without_site(
    title: str, sites: list[str], headings: list[str], expected: str | None
) -> None:
    assert title_without_site(title, sites, headings) == expected


def test_dc_spellings_are_one_key() -> None:
    assert {normalized_key(k) for k in ("dc:title", "dcterm:title", "dcterms:title")} == {
        "dc.title",
        "dcterms.title",
    }
    assert all(key == key.lower() for keys in PRECEDENCE.values() for key in keys)


def test_an_ambiguous_zone_is_read_from_the_page_language() -> None:
    head = [
        meta("og:title", "T", "property"),
        meta("article:published_time", "Jan 5, 2026 10:00 IST", "property"),
    ]

    article = from_html(page(*head, lang="en-IN"), url=URL)

    india = timezone(timedelta(hours=5, minutes=30))
    assert article.date_published == datetime(2026, 1, 5, 10, tzinfo=india)
    assert any("India Standard Time" in n.detail for n in article.provenance)


def test_an_ambiguous_zone_without_a_hint_is_not_read() -> None:
    head = [
        meta("og:title", "T", "property"),
        meta("article:published_time", "Jan 5, 2026 10:00 IST", "property"),
    ]

    article = from_html(page(*head), url="https://e.com/a")

    assert article.date_published is None
    assert any("India Standard Time or Irish" in n.detail for n in article.provenance)


def test_several_section_tags_say_what_was_dropped() -> None:
    head = [
        meta("og:title", "T", "property"),
        meta("article:section", "Local", "property"),
        meta("article:section", "Politics", "property"),
    ]

    article = from_html(page(*head), url=URL)

    assert article.section == "Local"
    (note,) = [n for n in article.provenance if n.field == "section"]
    assert "dropped ['Politics']" in note.detail
