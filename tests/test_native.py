"""Native JSON: lossless, deterministic round trips and strict, path-precise errors."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given

from newspkg import (
    FORMAT_VERSION,
    Article,
    ParseError,
    ValidationError,
    _native,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)
from tests.strategies import articles

URL = "https://news.example.org/a"


def problems(data: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        from_dict(data)
    return [str(problem) for problem in caught.value.problems]


@given(articles())
def test_round_trip_is_lossless(article: Article) -> None:
    assert from_json(to_json(article)) == article


@given(articles())
def test_output_is_deterministic_and_keeps_offsets(article: Article) -> None:
    # The text carries every offset (+05:45, -03:30), so equal text means nothing shifted.
    rebuilt = from_json(to_json(article))

    assert to_json(rebuilt) == to_json(article)


@given(articles())
def test_dict_is_plain_json(article: Article) -> None:
    data = to_dict(article)

    assert json.loads(json.dumps(data)) == data


def test_minimal_document() -> None:
    assert to_dict(Article(url=URL, headline="Hi")) == {
        "format_version": FORMAT_VERSION,
        "url": URL,
        "headline": "Hi",
    }


def test_version_marker_is_optional_on_input_but_checked() -> None:
    assert from_dict({"url": URL, "headline": "Hi"}) == Article(url=URL, headline="Hi")
    assert problems({"format_version": 3, "url": URL, "headline": "Hi"}) == [
        "format_version: unsupported format version 3; this release reads 1 and 2"
    ]


@pytest.mark.parametrize("version", [[], {}, True, 2.0, "2", None])
def test_a_version_that_is_not_an_integer_is_a_validation_error(version: object) -> None:
    assert problems({"format_version": version, "url": URL, "headline": "Hi"}) == [
        f"format_version: unsupported format version {version!r}; this release reads 1 and 2"
    ]


def test_version_1_documents_still_read() -> None:
    """Version 2 only added fields: a version-1 document reads as the same article."""
    version_1 = {
        "format_version": 1,
        "url": URL,
        "headline": "Hi",
        "publisher": {"name": "The Ledger", "logo": {"url": "https://x.example/l.png"}},
        "figures": [{"url": "https://x.example/f.jpg", "label": "Figure / 01"}],
    }

    article = from_dict(version_1)

    assert to_dict(article) == {**version_1, "format_version": 2}


def test_every_problem_has_its_json_path() -> None:
    assert problems(
        {
            "headline": 5,
            "kind": "blog",
            "authors": [{"name": "A"}, {"name": "B", "url": "https://x.example", "twitter": "@b"}],
            "date_published": "2026-01-01T10:00",
            "keywords": "energy, grids",
            "sources": [{"role": "main", "title": "t", "url": URL}],
            "word_count": 12.7,
            "is_accessible_for_free": "false",
            "bogus": 1,
        }
    ) == [
        "url: required key missing",
        "headline: expected text, got a number 5",
        (
            "kind: expected one of 'news', 'analysis', 'opinion', 'reportage', 'background', "
            "'review', 'blog_posting', 'article', 'ask_public', 'live_blog', 'satire', 'report', "
            "'scholarly', 'medical_scholarly', 'tech', 'api_reference', 'social_media_posting', "
            "'discussion_forum_posting', 'advertiser_content', got text \"blog\""
        ),
        "authors[1].twitter: unknown key",
        "date_published: date-time '2026-01-01T10:00' has no time zone offset (add Z or +hh:mm)",
        'keywords: expected a list, got text "energy, grids"',
        "sources[0].role: expected one of 'primary', 'supporting', got text \"main\"",
        "word_count: expected a whole number, got a number 12.7",
        'is_accessible_for_free: expected true or false, got text "false"',
        "bogus: unknown key",
    ]


def test_model_rules_are_reported_with_the_nested_path() -> None:
    assert problems(
        {"url": URL, "headline": "h", "authors": [{"name": "A"}, {"name": "B", "url": "nope"}]}
    ) == ["authors[1].url: not an absolute http(s) URL: 'nope'"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("word_count", True, "word_count: expected a whole number, got true/false true"),
        ("word_count", "12", 'word_count: expected a whole number, got text "12"'),
        ("headline", None, "headline: expected text, got null null"),
        (
            "is_accessible_for_free",
            1,
            "is_accessible_for_free: expected true or false, got a number 1",
        ),
        (
            "date_published",
            20260406,
            "date_published: expected an ISO 8601 date or date-time, got a number 20260406",
        ),
        (
            "date_published",
            "06/04/2026",
            "date_published: not an ISO 8601 date or date-time: '06/04/2026'",
        ),
        ("image", "https://x.example/a.jpg", "image: expected an object"),
    ],
)
def test_no_lenient_coercion(field: str, value: object, message: str) -> None:
    found = problems({"url": URL, "headline": "h", field: value})
    assert len(found) == 1
    assert found[0].startswith(message)


@pytest.mark.parametrize("document", [[], "text", 5, None])
def test_top_level_must_be_an_object(document: object) -> None:
    assert problems(document)[0].startswith("$: expected a JSON object")


def test_not_json_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not JSON"):
        from_json("{headline: nope}")


def test_converter_is_our_own() -> None:
    import cattrs

    assert make_converter() is not cattrs.global_converter
    assert make_converter() is make_converter()


def test_to_dict_refuses_non_articles() -> None:
    with pytest.raises(ValidationError, match="expected an Article"):
        to_dict({"headline": "h"})  # type: ignore[arg-type]


orjson_only = pytest.mark.skipif(
    _native._orjson() is None, reason="orjson is not installed (the fast extra)"
)


@orjson_only
@given(articles())
def test_orjson_writes_the_same_bytes_as_json(article: Article) -> None:
    expected = json.dumps(to_dict(article), ensure_ascii=False, indent=2)

    assert to_json(article) == expected


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (2**70, "an integer over 64 bits"),
        ("lone \ud800 surrogate", "a lone surrogate"),
    ],
)
def test_what_orjson_refuses_is_written_by_json(value: object, why: str) -> None:
    # The models refuse both today (counts up to 10**9, no lone surrogates); the encoder
    # still must not fail if a future field lets one through.
    data = {"format_version": 2, "value": value}

    assert _native._dumps(data, indent=2) == json.dumps(data, ensure_ascii=False, indent=2), why


def test_without_orjson_json_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article(url=URL, headline="Grid operators brace", keywords=("a", "b"))
    monkeypatch.setattr(_native, "_orjson", lambda: None)

    assert to_json(article) == json.dumps(to_dict(article), ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    ("document", "native"),
    [
        ({"format_version": 2, "url": URL}, True),
        ({"url": URL, "headline": "Hi"}, True),  # hand-written native JSON, no marker
        ({"@context": "https://schema.org", "@type": "NewsArticle"}, False),
        ({"format_version": 2, "@context": "https://schema.org"}, True),  # the marker decides
        ([{"url": URL}], False),
        ("text", False),
    ],
)
def test_native_json_is_told_from_jsonld(document: object, native: bool) -> None:
    assert _native.is_native_document(document) is native
