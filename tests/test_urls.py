from __future__ import annotations

import contextlib
from typing import NoReturn
from urllib.parse import SplitResult, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newspkg
import newspkg._urls
from newspkg._jsonld.processing import JsonValue
from newspkg._urls import (
    join_url,
    normalize_url,
    normalize_url_by_urllib,
    split_url,
    split_url_by_urllib,
)
from newspkg._validation import url_problem, url_problem_by_parts


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


# Characters that decide where urlsplit splits, or make it strip, remove, lower-case or refuse.
_URL_CHARACTERS = "hHtTpPsS:/?#@[]%.-_~+0123456789aZé\t\n \x00\x7f"


@given(
    st.one_of(
        st.text(alphabet=_URL_CHARACTERS, max_size=30),
        st.builds(
            "".join,
            st.tuples(
                st.sampled_from(["http://", "HTTPS://", "h1+.-://", "http:/", "1http://", ""]),
                st.text(alphabet=_URL_CHARACTERS, max_size=12),
                st.sampled_from(["", ":", ":0", ":80", ":65535", ":65536", ":99999", ":123456"]),
                st.text(alphabet=_URL_CHARACTERS, max_size=20),
            ),
        ),
    )
)
def test_split_url_splits_as_urllib_does(text: str) -> None:
    assert split_url(text) == split_url_by_urllib(text)
    assert normalize_url.__wrapped__(text) == normalize_url_by_urllib(text)
    assert url_problem.__wrapped__(text) == url_problem_by_parts(text)


@pytest.mark.parametrize(
    "text",
    [
        "https://Example.com:8443/a?b#c",
        "HTTP://a.example/",
        "https://a.example?q=1#top",
        "https://a.example#?x",
        "https://a.example:65535",
        "https://a.example:0/",
        "https://a.example/p?q?r#f#g",
        "ftp://x.y/z",
    ],
)
def test_split_url_reads_plain_addresses_without_urllib(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = split_url_by_urllib(text), normalize_url_by_urllib(text), url_problem_by_parts(text)
    monkeypatch.setattr(newspkg._urls, "urlsplit", _must_not_be_called)

    found = split_url(text), normalize_url.__wrapped__(text), url_problem.__wrapped__(text)

    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://a.example:65536/",
        "https://user@a.example/",
        "https://a.example/ b",
        "http://[::1]/",
    ],
)
def test_split_url_leaves_other_addresses_to_urllib(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counted(url: str) -> SplitResult:
        calls.append(url)
        return urlsplit(url)

    monkeypatch.setattr(newspkg._urls, "urlsplit", counted)

    split_url(text)
    normalize_url.__wrapped__(text)

    assert calls == [text, text]


def _must_not_be_called(url: str) -> NoReturn:
    raise AssertionError(f"urlsplit called for {url!r}")
