"""Deciding from every signal whether a page without a JSON-LD article is an article page."""

from __future__ import annotations

import pytest

from newspkg import NoArticleError, from_html

TEXT = "<p>" + "word " * 200 + "</p>"


@pytest.mark.parametrize(
    "markup",
    [
        '<meta property="og:type" content="article">',
        '<meta property="article:published_time" content="2026-01-02">',
        '<meta name="citation_title" content="A paper">',
        '<meta name="DC.title" content="A page">',
        '<meta name="parsely-type" content="post">',
        '<meta name="author" content="Jane Doe"><meta name="date" content="2026-01-02">',
        "<article><h2>Story</h2></article>",
        '<div itemscope itemtype="https://schema.org/BlogPosting"></div>',
        '<div vocab="https://schema.org/" typeof="NewsArticle"></div>',
    ],
)
def test_one_strong_signal_makes_an_article(markup: str) -> None:
    page = f"<html><head><title>Story</title>{markup}</head><body></body></html>"

    article = from_html(page, url="https://e.com/x")

    assert article.headline
    assert any(n.field == "kind" and "article signals" in n.detail for n in article.provenance)


def test_a_page_of_text_is_an_article() -> None:
    article = from_html(f"<title>Story</title><h1>Story</h1>{TEXT}", url="https://e.com/x")

    assert article.headline == "Story"


def test_og_type_website_needs_text_and_a_story_address() -> None:
    page = f'<meta property="og:type" content="website"><title>Story</title>{TEXT}'

    with pytest.raises(NoArticleError, match="against: og:type 'website'"):
        from_html(page, url="https://e.com/products/x")
    assert from_html(page, url="https://e.com/2026/01/02/story").headline == "Story"


def test_a_page_with_nothing_says_what_it_lacks() -> None:
    with pytest.raises(NoArticleError) as raised:
        from_html("<title>Home</title><p>Welcome</p>", url="https://e.com/")

    assert str(raised.value) == (
        "the page has no JSON-LD block, and it does not read as an article page "
        "(no article signals (no article type, og:type, byline, date))"
    )
