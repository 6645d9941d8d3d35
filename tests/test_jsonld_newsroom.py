"""The newsroom page in JSON-LD: shapes pages ship, read as newspkg writes them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from newspkg import (
    Article,
    ArticleKind,
    Figure,
    LiveUpdate,
    RelatedRead,
    Site,
    Video,
    from_jsonld,
    iter_articles,
    to_jsonld,
)
from newspkg._jsonld.processing import JsonObject, compact

URL = "https://example.com/live/storm"
NOON = datetime(2026, 4, 6, 12, 0, tzinfo=UTC)


def nodes(article: Article) -> list[dict[str, Any]]:
    graph = to_jsonld(article)["@graph"]
    assert isinstance(graph, list)
    return [node for node in graph if isinstance(node, dict)]


def test_live_blog_updates_are_parts_of_one_article() -> None:
    """Google's live blog shape: the updates are BlogPostings, not articles of the page."""
    document: JsonObject = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "url": URL,
        "headline": "Storm live",
        "coverageStartTime": "2026-04-06T08:00:00+00:00",
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": "Levee holds",
                "datePublished": "2026-04-06T12:00:00Z",
            },
            {
                "@type": "BlogPosting",
                "headline": "Rain eases",
                "datePublished": "2026-04-06T13:00:00Z",
                "articleBody": "The rain eased.",
            },
        ],
    }

    articles = list(iter_articles(document))

    assert [a.headline for a in articles] == ["Storm live"]
    assert [u.headline for u in articles[0].live_updates] == ["Levee holds", "Rain eases"]
    assert articles[0].kind is ArticleKind.LIVE_BLOG


def test_related_links_expanded_to_references_are_read() -> None:
    """The published schema.org context makes relatedLink an @id; the reads survive."""
    article = Article(
        url=URL,
        headline="H",
        related=[RelatedRead(url="https://example.com/a", headline="A", section="World")],
    )
    coercing: JsonObject = {"@vocab": "https://schema.org/", "relatedLink": {"@type": "@id"}}
    document = compact(to_jsonld(article), coercing)

    assert from_jsonld(document).related == article.related


def test_related_reads_in_the_earlier_article_shape_still_read() -> None:
    document: JsonObject = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "@id": f"{URL}#article", "url": URL, "headline": "H",
             "mainEntityOfPage": {"@id": f"{URL}#webpage"}},
            {"@type": "WebPage", "@id": f"{URL}#webpage", "url": URL,
             "relatedLink": ["https://example.com/a"]},
            {"@type": "Article", "url": "https://example.com/a", "headline": "A",
             "articleSection": "World"},
        ],
    }  # fmt: skip

    assert from_jsonld(document).related == (
        RelatedRead(url="https://example.com/a", headline="A", section="World"),
    )


def test_related_reads_are_no_articles_of_the_page() -> None:
    article = Article(
        url=URL, headline="H", related=[RelatedRead(url="https://e.com/a", headline="A")]
    )

    types = [node["@type"] for node in nodes(article)]

    assert types == ["NewsArticle", "WebPage", "WebPage"]


def test_google_paywall_shape_is_read() -> None:
    document: JsonObject = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "url": URL,
        "headline": "H",
        "isAccessibleForFree": "False",
        "hasPart": {
            "@type": "WebPageElement",
            "isAccessibleForFree": "False",
            "cssSelector": ".paywall",
        },
    }

    article = from_jsonld(document)

    assert (article.is_accessible_for_free, article.paywalled_parts) == (False, (".paywall",))


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "PT0S"), (95, "PT1M35S"), (3600, "PT1H"), (3725, "PT1H2M5S")]
)
def test_video_duration_is_iso_8601(seconds: int, text: str) -> None:
    figure = Figure(url="https://e.com/t.jpg", label="Clip", video=Video(duration=seconds))
    article = Article(url=URL, headline="H", figures=[figure])

    video = nodes(article)[2]

    assert (video["@type"], video["duration"], video["thumbnailUrl"]) == (
        "VideoObject",
        text,
        "https://e.com/t.jpg",
    )
    assert from_jsonld(to_jsonld(article)).figures == (figure,)


def test_articles_of_one_site_share_its_node_ids() -> None:
    site = Site(name="The Ledger", url="https://example.com/")
    ids = [
        {node["@id"] for node in nodes(Article(url=url, headline="H", site=site))}
        for url in ("https://example.com/a", "https://example.com/b")
    ]

    assert ids[0] & ids[1] == {"https://example.com/#website"}


def test_a_live_update_reads_back_with_its_author_and_image() -> None:
    from newspkg import Author

    update = LiveUpdate(
        headline="Levee holds",
        date=NOON,
        author=Author(name="Mara Lindqvist"),
        image=Figure(url="https://e.com/levee.jpg"),
    )
    article = Article(url=URL, headline="H", kind=ArticleKind.LIVE_BLOG, live_updates=[update])

    assert from_jsonld(to_jsonld(article)).live_updates == (update,)
