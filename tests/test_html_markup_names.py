"""A microdata or RDFa article with a ``name`` and no ``headline``: the name is its title."""

from __future__ import annotations

import pytest

from newspkg import ArticleKind, from_html
from newspkg._html.structured import headlines_from_names
from newspkg._jsonld.processing import JsonValue

SCHEMA = "http://schema.org/"


def posting(title_markup: str, *, head: str = "", item_type: str = "BlogPosting") -> str:
    # Blogger's post template: the title is itemprop="name", there is no headline.
    return (
        f"<html><head>{head}</head><body>"
        f'<div itemscope itemtype="http://schema.org/{item_type}">'
        '<meta itemprop="url" content="https://blog.example/2016/05/flow.html">'
        f"{title_markup}"
        '<span itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<span itemprop="name">Ann Author</span></span>'
        "<p>Some text.</p></div></body></html>"
    )


def test_the_name_of_a_posting_without_headline_is_its_headline_with_a_note() -> None:
    found = from_html(posting('<h3 itemprop="name">Open Verilog flow</h3>'))

    assert found.headline == "Open Verilog flow"
    assert found.kind is ArticleKind.BLOG_POSTING  # read from the markup, not the head
    assert [author.name for author in found.authors] == ["Ann Author"]
    assert any(
        note.field == "headline" and "its name was read as the headline" in note.detail
        for note in found.provenance
    )


def test_a_headline_wins_over_the_name() -> None:
    markup = '<h3 itemprop="name">Short name</h3><h1 itemprop="headline">The headline</h1>'

    found = from_html(posting(markup))

    assert found.headline == "The headline"
    assert not any("its name was read" in note.detail for note in found.provenance)


def test_a_permalink_name_is_no_title_and_the_page_title_is_read() -> None:
    # <a itemprop="name" href> has the href as its microdata value (WHATWG): not a title.
    markup = '<h2><a itemprop="name" href="/code/2013/covered/">Get it Covered</a></h2>'

    head = "<title>Get it Covered | Code</title>"

    found = from_html(posting(markup, head=head), url="https://blog.example/2013/covered/")

    assert found.headline == "Get it Covered | Code"
    assert not found.headline.startswith(("/", "http"))


def test_the_head_title_still_comes_before_the_markup_name() -> None:
    head = '<meta property="og:title" content="Open Verilog flow for GreenPak4">'

    found = from_html(posting('<h3 itemprop="name">Open Verilog flow</h3>', head=head))

    assert found.headline == "Open Verilog flow for GreenPak4"


def test_an_rdfa_article_name_is_read_too() -> None:
    page = (
        '<html><body><div vocab="https://schema.org/" typeof="NewsArticle" '
        'resource="https://e.com/story">'
        '<h1 property="name">Grid operators brace</h1>'
        '<link property="url" href="https://e.com/story"></div></body></html>'
    )

    assert from_html(page).headline == "Grid operators brace"


def test_a_named_item_that_is_no_article_gets_no_headline() -> None:
    document: list[JsonValue] = [
        {"@type": [SCHEMA + "Person"], SCHEMA + "name": [{"@value": "Ann"}]}
    ]

    changed, named = headlines_from_names(list(document))

    assert changed == document
    assert named == frozenset()


@pytest.mark.parametrize(
    "name",
    ["https://e.com/a", "/code/2013/covered/", "urn:uuid:1234", "   "],
)
def test_an_address_or_blank_name_is_not_read_as_a_headline(name: str) -> None:
    document: list[JsonValue] = [
        {"@type": [SCHEMA + "Article"], SCHEMA + "name": [{"@value": name}]}
    ]

    changed, named = headlines_from_names(list(document))

    assert changed == document
    assert named == frozenset()


@pytest.mark.parametrize("name", ["Re:Zero returns", "Hello", "Q&A: 50/50 odds"])
def test_a_title_with_a_colon_or_slash_is_read(name: str) -> None:
    document: list[JsonValue] = [
        {"@type": [SCHEMA + "NewsArticle"], SCHEMA + "name": [{"@value": name}]}
    ]

    changed, named = headlines_from_names(list(document))

    node = document[0]
    assert isinstance(node, dict)
    assert changed == [{**node, SCHEMA + "headline": [{"@value": name}]}]
    assert named == {name}
