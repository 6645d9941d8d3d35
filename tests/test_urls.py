from __future__ import annotations

import contextlib

import pytest

import newspkg
from newspkg._jsonld.processing import JsonValue
from newspkg._urls import join_url, split_url


@pytest.mark.parametrize(
    "text", ["http://[", "https://a.com:99999/", "https://a.com:x/", "http://[::1"]
)
def test_split_url_answers_none_where_urllib_raises(text: str) -> None:
    assert split_url(text) is None


def test_split_url_checks_the_port_too() -> None:
    parts = split_url("https://Example.com:8443/a?b#c")

    assert parts is not None
    assert (parts.scheme, parts.hostname, parts.port, parts.path, parts.query, parts.fragment) == (
        "https",
        "example.com",
        8443,
        "/a",
        "b",
        "c",
    )


@pytest.mark.parametrize(
    ("base", "reference", "expected"),
    [
        ("https://a.com/x/", "y", "https://a.com/x/y"),
        ("https://a.com/", "http://[", None),
        ("http://[", "/y", None),
        ("https://a.com:99999/", "/y", None),
    ],
)
def test_join_url(base: str, reference: str, expected: str | None) -> None:
    assert join_url(base, reference) == expected


@pytest.mark.parametrize(
    "page",
    [
        '<meta property="og:url" content="https://a.com/"><link rel="canonical" href="http://[">',
        (
            '<base href="http://["><meta property="og:type" content="article">'
            '<meta property="og:title" content="T"><meta property="og:url" content="/x">'
        ),
        (
            '<link rel="canonical" href="http://["><script type="application/ld+json">'
            '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H"}</script>'
        ),
    ],
)
def test_a_bad_address_in_a_page_is_never_a_bare_value_error(page: str) -> None:
    with contextlib.suppress(newspkg.NewspkgError):
        newspkg.from_html(page, url="https://a.com/")


def test_check_reports_a_bad_main_entity_address_instead_of_raising() -> None:
    document: dict[str, JsonValue] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "H",
        "url": "https://a.com/",
        "mainEntityOfPage": "http://[",
    }

    findings = newspkg.check(document)

    assert findings  # reported, not raised
