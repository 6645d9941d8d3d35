"""The newsroom models: site, breadcrumbs, paywall, trust, live coverage, video, translations."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newspkg import (
    Article,
    ArticleKind,
    Author,
    AuthorKind,
    Correction,
    Crumb,
    Figure,
    LiveUpdate,
    Publisher,
    PublisherKind,
    Site,
    Translation,
    Video,
)
from tests.test_models import problems_of

URL = "https://example.com/news/1"
DAY = date(2026, 4, 6)


def test_a_full_newsroom_article_builds() -> None:
    article = Article(
        url=URL,
        headline="Storm live",
        kind=ArticleKind.LIVE_BLOG,
        site=Site(name="The Ledger", url="https://example.com/"),
        breadcrumbs=[Crumb(name="Home", url="https://example.com/"), Crumb(name="Storm")],
        paywalled_parts=[".paywall"],
        is_accessible_for_free=False,
        corrections=[Correction(date=DAY, text="An earlier version misnamed the river.")],
        live_updates=[LiveUpdate(headline="Levee holds", date=DAY)],
        coverage_start=DAY,
        translations=[Translation(url="https://example.com/de/news/1", language="de")],
        figures=[Figure(url="https://example.com/t.jpg", video=Video(duration=95))],
    )

    assert (article.breadcrumbs[1].url, article.figures[0].video) == (None, Video(duration=95))


@pytest.mark.parametrize(
    ("build", "fields", "expected"),
    [
        (
            Site,
            {"name": "S", "url": "https://e.com/", "search_url_template": "https://e.com/s?q="},
            ["search_url_template: must contain {search_term_string} (got 'https://e.com/s?q=')"],
        ),
        (
            Article,
            {"url": URL, "headline": "H", "live_updates": [LiveUpdate(headline="x", date=DAY)]},
            ["live_updates: only a live blog (kind live_blog) has this"],
        ),
        (
            Article,
            {
                "url": URL,
                "headline": "H",
                "kind": ArticleKind.LIVE_BLOG,
                "coverage_start": date(2026, 4, 7),
                "coverage_end": DAY,
            },
            ["coverage_end: 2026-04-06 is before coverage_start 2026-04-07"],
        ),
        (
            Article,
            {
                "url": URL,
                "headline": "H",
                "paywalled_parts": [".x"],
                "is_accessible_for_free": True,
            },
            [
                (
                    "paywalled_parts: an article free to read has no paywalled parts "
                    "(set is_accessible_for_free to false)"
                )
            ],
        ),
        (
            Article,
            {"url": URL, "headline": "H", "image": Figure(url=URL, video=Video())},
            ["image.video: only figures may be videos"],
        ),
        (
            Article,
            {"url": URL, "headline": "H", "translations": [Translation(url=URL, language="de")]},
            ["translations[0].url: a translation has its own URL"],
        ),
        (
            Publisher,
            {"name": "P", "kind": PublisherKind.ORGANIZATION, "masthead": URL},
            ["masthead: only a news media organization has this policy"],
        ),
        (
            Publisher,
            {"name": "P", "kind": PublisherKind.PERSON, "founding_date": DAY},
            ["founding_date: a person has no founding date"],
        ),
        (
            Author,
            {"name": "Desk", "kind": AuthorKind.ORGANIZATION, "works_for": "The Ledger"},
            ["works_for: only a person has an employer"],
        ),
        (
            Article,
            {
                "url": URL,
                "headline": "H",
                "editors": [Author(name="Desk", kind=AuthorKind.ORGANIZATION)],
            },
            ["editors[0].kind: an editor is a person"],
        ),
        (
            Article,
            {"url": URL, "headline": "H", "breadcrumbs": [Crumb(name="Home"), Crumb(name="World")]},
            ["breadcrumbs[0].url: only the last crumb may have no URL"],
        ),
        (Video, {"duration": -1}, ["duration: must not be negative, got -1"]),
        (
            Translation,
            {"url": URL, "language": "de_DE"},
            ["language: not a well-formed BCP 47 language tag (use '-', not '_'): 'de_DE'"],
        ),
    ],
)
def test_rules(build: Any, fields: dict[str, Any], expected: list[str]) -> None:
    assert problems_of(build, **fields) == expected


def test_publishing_principles_suit_any_publisher() -> None:
    assert (
        problems_of(Publisher, name="P", kind=PublisherKind.PERSON, publishing_principles=URL) == []
    )
