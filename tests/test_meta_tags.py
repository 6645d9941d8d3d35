"""Tests for newspkg._html.meta_tags: the page head's meta tags, written and read back."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newspkg import (
    Article,
    Author,
    AuthorKind,
    Figure,
    Publisher,
    Site,
    Translation,
    from_html,
    reading_time,
    to_meta_tags,
)
from newspkg._html.meta_tags import og_locale
from newspkg._html.page_meta import read_page_meta
from newspkg.errors import ValidationError

FULL = Article(
    url="https://example.com/news/grid?x=1&y=2",
    headline='Grid operators brace for "peak" <winter> & more',
    description="Operators across Europe prepare; it's a test.",
    authors=(
        Author(name="Mara Lindqvist", url="https://example.com/authors/mara"),
        Author(name="Tomas Berg"),
        Author(name="Newsroom", kind=AuthorKind.ORGANIZATION),
    ),
    publisher=Publisher(name="Example News"),
    date_published=datetime(2026, 4, 6, 9, 30, tzinfo=timezone(timedelta(hours=2))),
    date_modified=date(2026, 4, 7),
    section="Energy",
    keywords=("grid", "winter & storms"),
    language="en-GB",
    image=Figure(url="https://example.com/a.jpg", alt="Flood barrier", width=1200, height=675),
    body="word " * 700,
)


def head_values(tags: str) -> dict[str, list[str]]:
    """Every value in ``tags`` by "property:key" / "name:key" / "link:rel", via a real parser."""
    tree = LexborHTMLParser(f"<!doctype html><html><head>{tags}</head><body></body></html>")
    values: dict[str, list[str]] = {}
    for node in tree.css("head > *"):
        attributes = node.attributes
        if node.tag == "link":
            key, value = f"link:{attributes['rel']}", attributes["href"]
        elif "property" in attributes:
            key, value = f"property:{attributes['property']}", attributes["content"]
        else:
            key, value = f"name:{attributes['name']}", attributes["content"]
        assert value is not None
        values.setdefault(key, []).append(value)
    return values


def test_every_value_reads_back_through_an_html_parser() -> None:
    expected = {
        "link:canonical": [FULL.url],
        "name:description": [FULL.description],
        "name:author": ["Mara Lindqvist", "Tomas Berg", "Newsroom"],
        "name:robots": ["max-image-preview:large"],  # the hero image is 1200 px wide
        "property:og:type": ["article"],
        "property:og:title": [FULL.headline],
        "property:og:description": [FULL.description],
        "property:og:url": [FULL.url],
        "property:og:site_name": ["Example News"],
        "property:og:locale": ["en_GB"],
        "property:og:image": ["https://example.com/a.jpg"],
        "property:og:image:width": ["1200"],
        "property:og:image:height": ["675"],
        "property:og:image:alt": ["Flood barrier"],
        "property:article:published_time": ["2026-04-06T09:30:00+02:00"],
        "property:article:modified_time": ["2026-04-07"],
        "property:article:author": ["https://example.com/authors/mara", "Tomas Berg", "Newsroom"],
        "property:article:section": ["Energy"],
        "property:article:tag": ["grid", "winter & storms"],
        "name:twitter:card": ["summary_large_image"],
        "name:twitter:title": [FULL.headline],
        "name:twitter:description": [FULL.description],
        "name:twitter:image": ["https://example.com/a.jpg"],
        "name:twitter:image:alt": ["Flood barrier"],
        "name:twitter:label1": ["Written by"],
        "name:twitter:data1": ["Mara Lindqvist, Tomas Berg and Newsroom"],
        "name:twitter:label2": ["Est. reading time"],
        "name:twitter:data2": [reading_time(FULL).label],
    }

    assert expected == head_values(to_meta_tags(FULL))


def test_one_tag_per_line_and_special_characters_escaped() -> None:
    tags = to_meta_tags(FULL)

    assert len(tags.splitlines()) == sum(len(v) for v in head_values(tags).values())
    assert '<meta property="og:title" content="Grid operators brace for &quot;peak&quot;' in tags
    assert "&lt;winter&gt; &amp; more" in tags
    assert "it&#x27;s a test" in tags
    assert 'href="https://example.com/news/grid?x=1&amp;y=2"' in tags


def test_a_minimal_article_gives_only_the_tags_it_has_values_for() -> None:
    article = Article(url="https://example.com/a", headline="Hi")

    assert head_values(to_meta_tags(article)) == {
        "link:canonical": ["https://example.com/a"],
        "property:og:type": ["article"],
        "property:og:title": ["Hi"],
        "property:og:url": ["https://example.com/a"],
        "name:twitter:card": ["summary"],
        "name:twitter:title": ["Hi"],
    }


@pytest.mark.parametrize(
    ("article", "pairs"),
    [
        pytest.param(
            Article(url="https://e.com/a", headline="H", authors=(Author(name="A"),)),
            [("Written by", "A")],
            id="authors-only",
        ),
        pytest.param(
            Article(url="https://e.com/a", headline="H", word_count=1000),
            [("Est. reading time", None)],
            id="reading-time-only-takes-label1",
        ),
        pytest.param(
            Article(
                url="https://e.com/a", headline="H", authors=(Author(name="A"), Author(name="B"))
            ),
            [("Written by", "A and B")],
            id="two-authors",
        ),
    ],
)
def test_twitter_label_pairs_are_numbered_in_order(
    article: Article, pairs: list[tuple[str, str | None]]
) -> None:
    values = head_values(to_meta_tags(article))

    for number, (label, data) in enumerate(pairs, start=1):
        assert [label] == values[f"name:twitter:label{number}"]
        expected = data if data is not None else reading_time(article).label
        assert [expected] == values[f"name:twitter:data{number}"]
    assert f"name:twitter:label{len(pairs) + 1}" not in values


def test_a_carriage_return_survives_html_newline_normalisation() -> None:
    article = Article(url="https://e.com/a", headline="H", description="one\rtwo\r\nthree")

    assert head_values(to_meta_tags(article))["name:description"] == ["one\rtwo\r\nthree"]


def test_not_an_article_is_refused() -> None:
    with pytest.raises(ValidationError, match="expected an Article"):
        to_meta_tags("not an article")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "locale"),
    [
        ("en-US", "en_US"),
        ("en", "en"),
        ("pt-br", "pt_BR"),
        ("zh-Hant-TW", "zh_TW"),
        ("sr-Latn", "sr"),
        ("es-419", "es"),
    ],
)
def test_og_locale_keeps_language_and_region(language: str, locale: str) -> None:
    assert locale == og_locale(language)


# Text an HTML attribute can carry: anything but NUL (which HTML turns into U+FFFD) and
# lone surrogates (which are not Unicode text).
TEXT = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1
).filter(lambda text: text.strip() != "")


@given(headline=TEXT, description=TEXT, section=TEXT, keyword=TEXT, name=TEXT)
def test_any_text_reads_back_unchanged(
    headline: str, description: str, section: str, keyword: str, name: str
) -> None:
    article = Article(
        url="https://example.com/a",
        headline=headline,
        description=description,
        section=section,
        keywords=(keyword,),
        authors=(Author(name=name),),
    )

    values = head_values(to_meta_tags(article))

    assert [article.headline] == values["property:og:title"]
    assert [article.description] == values["property:og:description"]
    assert [article.section] == values["property:article:section"]
    assert list(article.keywords) == values["property:article:tag"]
    assert [article.authors[0].name] == values["name:author"]


@given(headline=TEXT, name=TEXT, second=TEXT)
def test_meta_tags_round_trip_through_from_html(headline: str, name: str, second: str) -> None:
    # A name written like an address ("/x", "https://x") is read as an author page.
    assume(not re.match(r"\s*(https?://|/)\S+\s*$", second, re.IGNORECASE))
    article = Article(
        url="https://example.com/news/1",
        headline=headline,
        description="A description",
        authors=(Author(name=name, url="https://example.com/authors/1"), Author(name=second)),
        publisher=Publisher(name="Example News"),
        date_published=datetime(2026, 4, 6, 7, 30, tzinfo=UTC),
        date_modified=date(2026, 4, 7),
        section="Energy",
        keywords=("grid", "winter"),
        language="en-GB",
        image=Figure(url="https://example.com/a.jpg", alt="Alt", width=1200, height=675),
    )
    page = f"<!doctype html><html><head>{to_meta_tags(article)}</head><body></body></html>"

    read = from_html(page)

    assert read.headline == article.headline
    assert read.url == article.url
    assert read.description == article.description
    assert read.date_published == article.date_published
    assert read.date_modified == article.date_modified
    assert read.section == article.section
    assert read.keywords == article.keywords
    assert read.language == article.language
    assert read.image == article.image
    assert read.publisher is not None
    assert read.publisher.name == "Example News"
    if name.strip() != second.strip():  # equal names cannot be told apart by their tags
        assert read.authors == article.authors


def test_read_page_meta_collects_property_and_name_tags_lower_cased() -> None:
    tree = LexborHTMLParser(
        '<html lang="de"><head><title> Titel </title>'
        '<meta property="OG:Title" content=" Hallo ">'
        '<meta name="og:title" content="Second">'
        '<meta name="keywords" content="">'
        '<link rel="Canonical alternate" href="/artikel">'
        "</head></html>"
    )

    page = read_page_meta(tree, url="https://example.de/x/")

    assert dict(page.tags) == {"og:title": ("Hallo", "Second")}
    assert page.canonical == "https://example.de/artikel"
    assert page.language == "de"
    assert page.title == "Titel"
    assert page.addresses == ("https://example.de/x/", "https://example.de/artikel")


@pytest.mark.parametrize("width", ["²", "١٢٠٠", "wide", "-5"])
def test_an_unusable_og_image_width_is_left_out(width: str) -> None:
    page = (
        '<html><head><meta property="og:title" content="Hi">'
        '<meta property="og:image" content="https://example.com/a.jpg">'
        f'<meta property="og:image:width" content="{width}">'
        '<meta property="og:image:height" content="675">'
        "</head></html>"
    )

    image = from_html(page, url="https://example.com/a").image

    assert image == Figure(url="https://example.com/a.jpg", width=None, height=675)


# --- the newsroom head: X handles, large previews, language versions ------------------------


def test_twitter_site_and_creator_come_from_x_profiles() -> None:
    article = Article(
        url="https://example.com/a",
        headline="H",
        authors=[Author(name="M", same_as=["https://example.com/m", "https://x.com/mara_l"])],
        publisher=Publisher(name="P", same_as=["https://twitter.com/@ledger/"]),
    )

    tags = to_meta_tags(article).splitlines()

    assert '<meta name="twitter:site" content="@ledger">' in tags
    assert '<meta name="twitter:creator" content="@mara_l">' in tags


def test_no_twitter_handles_without_x_profiles() -> None:
    article = Article(
        url="https://example.com/a",
        headline="H",
        authors=[Author(name="M", same_as=["https://x.com/intent/follow"])],
    )

    assert "twitter:creator" not in to_meta_tags(article)


@pytest.mark.parametrize(("width", "large"), [(1199, False), (1200, True), (None, False)])
def test_large_image_previews_only_for_images_wide_enough(width: int | None, large: bool) -> None:
    article = Article(
        url="https://example.com/a",
        headline="H",
        image=Figure(url="https://example.com/i.jpg", width=width),
    )

    tag = '<meta name="robots" content="max-image-preview:large">'
    assert (tag in to_meta_tags(article).splitlines()) is large


def test_hreflang_alternates_list_every_language_version() -> None:
    article = Article(
        url="https://example.com/en/a",
        headline="H",
        language="en-GB",
        translation_of=Translation(url="https://example.com/de/a", language="de"),
        translations=[Translation(url="https://example.com/fr/a", language="fr")],
    )

    alternates = [line for line in to_meta_tags(article).splitlines() if "hreflang" in line]

    assert alternates == [
        '<link rel="alternate" hreflang="en-GB" href="https://example.com/en/a">',
        '<link rel="alternate" hreflang="de" href="https://example.com/de/a">',
        '<link rel="alternate" hreflang="fr" href="https://example.com/fr/a">',
    ]


def test_the_site_names_the_page_before_the_publisher() -> None:
    article = Article(
        url="https://example.com/a",
        headline="H",
        site=Site(name="The Ledger Online", url="https://example.com/"),
        publisher=Publisher(name="Ledger Media Group"),
    )

    assert '<meta property="og:site_name" content="The Ledger Online">' in to_meta_tags(article)
