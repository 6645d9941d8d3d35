"""from_html on messy pages: URL order, lenient JSON-LD, clock skew, error messages, head checks."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from newspkg import NoArticleError, ValidationError, check, from_html, from_jsonld

CONTEXT = "https://schema.org"


def script(data: object) -> str:
    text = data if isinstance(data, str) else json.dumps(data)
    return f'<script type="application/ld+json">{text}</script>'


def article(**fields: object) -> dict[str, object]:
    return {"@context": CONTEXT, "@type": "NewsArticle", "headline": "Story", **fields}


CANONICAL = '<link rel="canonical" href="https://e.com/story">'
OG_URL = '<meta property="og:url" content="https://e.com/og-story">'
MAIN = {"mainEntityOfPage": "https://e.com/old/cms/s/1"}


@pytest.mark.parametrize(
    ("head", "fields", "url"),
    [
        (CANONICAL + OG_URL, {"url": "https://e.com/jsonld", **MAIN}, "https://e.com/jsonld"),
        (CANONICAL + OG_URL, MAIN, "https://e.com/story"),
        (OG_URL, MAIN, "https://e.com/og-story"),
        ("", MAIN, "https://e.com/old/cms/s/1"),
        ("", {}, "https://e.com/argument"),
    ],
    ids=["jsonld-url", "canonical", "og-url", "main-entity-of-page", "url-argument"],
)
def test_the_url_order(head: str, fields: dict[str, object], url: str) -> None:
    page = f"<html><head>{head}{script(article(**fields))}</head></html>"

    assert from_html(page, url="https://e.com/argument").url == url


def test_a_canonical_link_before_main_entity_of_page_is_noted() -> None:
    page = f"<html><head>{CANONICAL}{script(article(**MAIN))}</head></html>"

    found = from_html(page)

    expected = (
        "no url in the JSON-LD; taken from the page's canonical link "
        "(before the JSON-LD's fallback 'https://e.com/old/cms/s/1')"
    )
    assert [n.detail for n in found.provenance if n.field == "url"] == [expected]


def test_a_trailing_comma_no_longer_loses_the_block() -> None:
    text = json.dumps(article(url="https://e.com/a", datePublished="2026-01-02"))[:-1] + ",}"

    found = from_html(script(text))

    assert str(found.date_published) == "2026-01-02"
    assert any(n.detail == "repaired: trailing commas" for n in found.provenance)


def test_capitalised_keys_make_the_article_visible() -> None:
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "Headline": "Story",
        "Url": "https://e.com/a",
    }

    assert from_html(script(data)).headline == "Story"


def test_a_modification_seconds_before_publication_is_clock_skew() -> None:
    data = article(
        url="https://e.com/a",
        datePublished="2026-01-02T10:00:05Z",
        dateModified="2026-01-02T10:00:00Z",
    )

    found = from_jsonld(json.dumps(data))

    assert found.date_modified == datetime(2026, 1, 2, 10, 0, 5, tzinfo=UTC)
    assert any("clock skew" in n.detail for n in found.provenance)


def test_a_modification_long_before_publication_is_still_refused() -> None:
    data = article(url="https://e.com/a", datePublished="2026-01-02", dateModified="2025-01-02")

    found = from_jsonld(json.dumps(data))

    assert found.date_modified is None


def test_author_names_from_a_page_are_cleaned_with_notes() -> None:
    data = article(url="https://e.com/a", author={"@type": "Person", "name": "By Will Smale"})

    found = from_html(script(data))

    assert [a.name for a in found.authors] == ["Will Smale"]
    assert any("dropped 'By'" in n.detail for n in found.provenance if n.field == "authors")


def test_article_section_lists_say_what_was_dropped() -> None:
    data = article(url="https://e.com/a", articleSection=["Local", "Politics"])

    found = from_jsonld(json.dumps(data))

    assert found.section == "Local"
    assert any("dropped ['Politics']" in n.detail for n in found.provenance)


def test_a_relative_url_without_base_url_suggests_base_url() -> None:
    with pytest.raises(ValidationError, match=r"'/a' is relative: pass base_url="):
        from_jsonld(json.dumps(article(url="/a")))


def test_a_document_without_context_says_so() -> None:
    with pytest.raises(NoArticleError) as raised:
        from_jsonld('{"@type": "NewsArticle", "headline": "x", "url": "https://e.com/a"}')

    assert str(raised.value).startswith("no schema.org Article")
    assert "the document has no @context" in str(raised.value)


def test_check_compares_the_head_with_the_jsonld() -> None:
    data = article(url="https://e.com/jsonld", datePublished="2026-01-02T10:00:00Z")
    page = (
        f"<html><head>{CANONICAL}"
        '<meta property="og:title" content="Something else entirely">'
        '<meta property="article:published_time" content="2026-01-03T10:00:00Z">'
        f"{script(data)}</head></html>"
    )

    codes = {finding.code for finding in check(page)}

    assert {"head-url-mismatch", "head-title-mismatch", "head-date-mismatch"} <= codes


def test_check_flags_mojibake() -> None:
    data = article(url="https://e.com/a", headline="CafÃ© opens")

    assert "page-mojibake" in {finding.code for finding in check(f"<html>{script(data)}</html>")}


def test_check_finds_nothing_when_head_and_jsonld_agree() -> None:
    data = article(url="https://e.com/story", datePublished="2026-01-02T10:00:00Z")
    page = (
        f"<html><head>{CANONICAL}"
        '<meta property="og:title" content="Story | Example">'
        '<meta property="article:published_time" content="2026-01-02T10:00:00Z">'
        f"{script(data)}</head></html>"
    )

    assert not [f for f in check(page) if f.code.startswith(("head-", "page-"))]
