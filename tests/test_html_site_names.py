"""Tests for newspkg._html.site_names: which names of the host speak for the site."""

from __future__ import annotations

import pytest

from newspkg import from_html
from newspkg._html.site_names import host_names


@pytest.mark.parametrize(
    ("hostname", "expected"),
    [
        ("en.wikipedia.org", ["en.wikipedia.org", "wikipedia"]),
        ("www.example.com", ["example.com", "example"]),
        ("WWW.Example.COM.", ["example.com", "example"]),
        ("www.bbc.co.uk", ["bbc.co.uk", "bbc"]),
        ("live.news.bbc.co.uk", ["live.news.bbc.co.uk", "bbc"]),
        ("www.abc.net.au", ["abc.net.au", "abc"]),
        ("www.news.com.au", ["news.com.au", "news"]),
        ("www.asahi.co.jp", ["asahi.co.jp", "asahi"]),
        ("edition.cnn.com", ["edition.cnn.com", "cnn"]),
        ("blog.example.com", ["blog.example.com", "example"]),
        ("news2.example.com", ["news2.example.com", "example"]),
        ("m.de.example.com", ["m.de.example.com", "example"]),
        ("ledger.substack.com", ["ledger.substack.com", "substack", "ledger"]),
        # A two-letter top-level domain under a plain name is the whole suffix.
        ("example.co", ["example.co", "example"]),
        ("bbc.com", ["bbc.com", "bbc"]),
        ("localhost", ["localhost"]),
        ("127.0.0.1", ["127.0.0.1"]),
    ],
)
def test_host_names_are_the_registrable_label_and_named_subdomains(
    hostname: str, expected: list[str]
) -> None:
    assert expected == host_names(hostname)


def head_only(title: str) -> str:
    return f'<meta property="og:type" content="article"><title>{title}</title>'


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://live.example.com/a", "Election results - Live"),
        ("https://news.example.com/a", "Storm warning | News"),
        ("https://www.example.com/a", "Notes from the road - Blog"),
        ("https://en.example.org/a", "Grammar - EN"),
    ],
)
def test_a_generic_host_label_is_not_cut_from_a_title(url: str, title: str) -> None:
    assert title == from_html(head_only(title), url=url).headline


@pytest.mark.parametrize(
    ("url", "title", "expected"),
    [
        ("https://en.wikipedia.org/wiki/Mozilla", "Mozilla - Wikipedia", "Mozilla"),
        ("https://www.bbc.co.uk/news/1", "Storm warning - BBC", "Storm warning"),
        ("https://live.news.bbc.co.uk/1", "Results - Live | BBC", "Results - Live"),
        ("https://ledger.substack.com/p/1", "Notes from the road - Ledger", "Notes from the road"),
    ],
)
def test_the_site_label_is_cut_from_a_title(url: str, title: str, expected: str) -> None:
    article = from_html(head_only(title), url=url)

    assert expected == article.headline
    assert any("cut the site name" in note.detail for note in article.provenance)
