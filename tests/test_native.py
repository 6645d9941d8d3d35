"""Native JSON: lossless, deterministic round trips and strict, path-precise errors."""

from __future__ import annotations

import collections
import json
import linecache
import types
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import (
    FORMAT_VERSION,
    Article,
    ArticleKind,
    AuthorKind,
    Date,
    Figure,
    LimitExceededError,
    NewspkgError,
    ParseError,
    SourceRole,
    ValidationError,
    _native,
    _validation,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)
from newspkg._json_limits import MAX_DEPTH
from newspkg._native_converter import quick_converter
from newspkg._native_kind import is_native_document
from newspkg._native_quick import quick_model_hook
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
@pytest.mark.parametrize("indent", [2, None, 0, 1, 4, 16])
@given(article=articles())
def test_orjson_writes_the_same_bytes_as_json(indent: int | None, article: Article) -> None:
    expected = json.dumps(to_dict(article), ensure_ascii=False, indent=indent)

    assert to_json(article, indent=indent) == expected


@orjson_only
@pytest.mark.parametrize("indent", [2, None, 0, 3])
def test_orjson_lays_out_nested_and_empty_containers_as_json(indent: int | None) -> None:
    data = {"a": [], "b": {}, "c": [[1, {"d": [True, None]}], "x,\n y", 'q"uote, [1]']}

    assert _native._dumps(data, indent=indent) == json.dumps(
        data, ensure_ascii=False, indent=indent
    )


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

    for indent in (2, None, 4):
        expected = json.dumps(data, ensure_ascii=False, indent=indent)
        assert _native._dumps(data, indent=indent) == expected, why


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
    assert is_native_document(document) is native


# --- the quick path (orjson, cattrs without detailed validation, compiled model checks) ----------
# Reading tries the quick path first and falls back to the reporting one; these tests hold the
# two to the same answers: the same articles, and for bad input the same errors, path for path.


@contextmanager
def reporting_path_only() -> Iterator[None]:
    """Read the way newspkg did before the quick path: json, detailed cattrs, the model walk."""
    with (
        mock.patch.object(_native, "_read_quickly", return_value=None),
        mock.patch.object(_native, "_structure_quickly", return_value=None),
        mock.patch.dict(_validation._quick_checks, clear=True),
        mock.patch.object(_validation, "_warm_up", return_value=None),
    ):
        yield


@pytest.fixture(autouse=True, scope="module")
def quick_checks_at_once() -> Iterator[None]:
    """Every model's quick check compiled from its first instance (not its 16th)."""
    with mock.patch.object(_validation, "QUICK_AFTER", 1):
        yield


def read_outcome(read: Callable[[], Article]) -> tuple[str, Any]:
    try:
        return "read", read()
    except NewspkgError as error:
        return type(error).__name__, [str(problem) for problem in error.problems]


def attrs_classes(model: type) -> set[type]:
    """``model`` and every model class its fields hold."""
    found = {model}
    for field in attrs.fields(model):
        for arg in (field.type, *typing.get_args(field.type)):
            inner = typing.get_args(arg)[:1] if typing.get_origin(arg) is tuple else (arg,)
            for cls in inner:
                if isinstance(cls, type) and attrs.has(cls) and cls not in found:
                    found |= attrs_classes(cls)
    return found


JSON_TRICKY: list[Any] = [
    None, "", "  ", " padded ", "nul\x00", "lone \ud800", "HTTPS://A.EXAMPLE/x", "nope",
    "en_GB", "analysis", " Analysis ", "ANALYSIS", "2026-04-06", "2026-04-06T09:30",
    "2026-04-06T09:30:00+05:30", 0, -1, 10**9 + 1, 2**64, -(2**63) - 1, 2**70, 1.5, 1e300,
    True, False, [], ["a", "a"], ["a", 1], [[]], {}, {"name": "n"}, {"url": URL},
]  # fmt: skip


# Every field name of every model (a known key at one level is unknown at another), and a few
# that are no field at all.
KEYS = sorted(
    {field.name for model in attrs_classes(Article) for field in attrs.fields(model)}
    | {"bogus", "Url", "url "}
)


def mutate(data: Any, value: Any, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Any:
    """``data`` with ``value`` put somewhere inside, or with one key dropped."""
    if isinstance(data, dict) and data:
        key = draw(st.sampled_from(sorted(data)))
        action = draw(st.sampled_from(["replace", "descend", "drop", "add"]))
        if action == "drop":
            return {k: v for k, v in data.items() if k != key}
        if action == "add":
            return {**data, draw(st.sampled_from(KEYS)): value}
        if action == "descend" and isinstance(data[key], dict | list) and data[key]:
            return {**data, key: mutate(data[key], value, draw)}
        return {**data, key: value}
    if isinstance(data, list) and data:
        index = draw(st.integers(0, len(data) - 1))
        item = data[index]
        changed = mutate(item, value, draw) if isinstance(item, dict) else value
        return [*data[:index], changed, *data[index + 1 :]]
    return value


@given(article=articles(), data=st.data())
def test_quick_reading_agrees_with_the_reporting_path(
    article: Article, data: st.DataObject
) -> None:
    document = to_dict(article)
    for _ in range(data.draw(st.integers(1, 3))):
        document = mutate(document, data.draw(st.sampled_from(JSON_TRICKY)), data.draw)
    text = json.dumps(document, ensure_ascii=data.draw(st.booleans()))

    quick = (read_outcome(lambda: from_dict(document)), read_outcome(lambda: from_json(text)))
    with reporting_path_only():
        reporting = (
            read_outcome(lambda: from_dict(document)),
            read_outcome(lambda: from_json(text)),
        )

    assert quick == reporting


EXAMPLE = json.loads((Path(__file__).parent.parent / "examples" / "article.json").read_text())


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value inside ``data``."""
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        yield (*prefix, key)
        if isinstance(value, dict | list):
            yield from paths(value, (*prefix, key))


def put(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A copy of ``data`` with ``value`` at ``path``."""
    copy = json.loads(json.dumps(data))
    *parents, last = path
    target = copy
    for key in parents:
        target = target[key]
    target[last] = value
    return copy


@pytest.mark.parametrize("value", JSON_TRICKY, ids=repr)
def test_every_place_in_an_article_reads_the_same_both_ways(value: Any) -> None:
    # Every value of the example article in turn, and every top-level field, set to ``value``.
    places = [*paths(EXAMPLE), *((field.name,) for field in attrs.fields(Article))]
    documents = [put(EXAMPLE, path, value) for path in places]

    texts = [json.dumps(document, ensure_ascii=False) for document in documents]

    quick = [read_outcome(lambda: from_dict(document)) for document in documents]  # noqa: B023
    quick += [read_outcome(lambda: from_json(text)) for text in texts]  # noqa: B023
    with reporting_path_only():
        reporting = [read_outcome(lambda: from_dict(document)) for document in documents]  # noqa: B023
        reporting += [read_outcome(lambda: from_json(text)) for text in texts]  # noqa: B023

    assert quick == reporting


class Text(str):
    """Text of a subclass of str, as a caller's dict may hold."""


# Values only a Python dict (from_dict) can hold: the quick hooks test less than the reporting
# ones (a date's len(), an enum's member lookup, a model's object test inlined in the list and
# optional hooks), so each must fail or pass exactly as the reporting path does.
PYTHON_TRICKY: list[Any] = [
    types.MappingProxyType({"url": URL}), collections.OrderedDict(name="n", url=URL),
    ArticleKind.ANALYSIS, AuthorKind.PERSON, SourceRole.PRIMARY, Text("analysis"),
    Text("2026-04-06"), Text("2026-04-06T09:30:00+05:30"), date(2026, 4, 6),
    datetime(2026, 4, 6, 9, 30, tzinfo=UTC), "2026-04-06T09:30:00", "2026-04-0x",
    "0123456789", ("a", "b"), b"2026-04-06", ["2026-04-06", *"abcdefghi"],
]  # fmt: skip


@pytest.mark.parametrize("value", PYTHON_TRICKY, ids=repr)
def test_python_values_read_the_same_both_ways(value: Any) -> None:
    places = [*paths(EXAMPLE), *((field.name,) for field in attrs.fields(Article))]
    documents = [put(EXAMPLE, path, value) for path in places]

    quick = [read_outcome(lambda: from_dict(document)) for document in documents]  # noqa: B023
    with reporting_path_only():
        reporting = [read_outcome(lambda: from_dict(document)) for document in documents]  # noqa: B023

    assert quick == reporting


@given(articles())
def test_valid_articles_read_the_same_both_ways(article: Article) -> None:
    text = to_json(article)

    with reporting_path_only():
        expected = from_json(text)

    assert from_json(text) == expected == article
    assert from_dict(to_dict(article)) == expected


@pytest.mark.parametrize(
    "text",
    [
        '{"url": "https://a.example/", "headline": "h", "keywords": 1e400}',
        '{"url": "https://a.example/", "headline": "h", "word_count": 18446744073709551616}',
        '{"url": "https://a.example/", "headline": "h", "word_count": -9223372036854775809}',
        '{"url": "https://a.example/", "headline": "h", "word_count": NaN}',
        '{"url": "https://a.example/", "headline": "\\ud800"}',
        '{"url": "https://a.example/", "headline": "h", "format_version": 1.0}',
        '{"url": "https://a.example/", "headline": "h", "url": "https://b.example/"}',
        '\ufeff{"url": "https://a.example/", "headline": "h"}',
        '[{"url": "https://a.example/", "headline": "h"}]',
    ],
)
def test_where_orjson_and_json_differ_json_decides(text: str) -> None:
    with reporting_path_only():
        expected = read_outcome(lambda: from_json(text))

    assert read_outcome(lambda: from_json(text)) == expected


def test_deep_text_is_refused_before_any_other_problem() -> None:
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    text = f'{{"url": "https://a.example/", "headline": "h", "keywords": {deep}}}'

    with pytest.raises(LimitExceededError, match="deeper than 64"):
        from_json(text)


def _nesting(annotation: Any) -> int:
    """How deep the JSON for a value of ``annotation`` can nest (objects and lists)."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if typing.get_origin(annotation) is tuple:
        return 1 + _nesting(args[0])
    if args:  # a union (tuples returned above): its deepest member
        return max(_nesting(arg) for arg in args)
    if isinstance(annotation, type) and attrs.has(annotation):
        return 1 + max(_nesting(field.type) for field in attrs.fields(annotation))
    return 0


def test_models_nest_far_less_deep_than_the_limit() -> None:
    # from_json reads quickly without the depth walk because no valid article nests deep.
    assert _nesting(Article) <= 8 < MAX_DEPTH


def is_tuple(annotation: object) -> bool:
    return typing.get_origin(annotation) is tuple


@given(articles())
def test_dict_is_what_cattrs_unstructures_by_value_types(article: Article) -> None:
    # The reference: a plain cattrs converter dispatching on every value's type, as before.
    plain = cattrs.Converter(omit_if_default=True)
    plain.register_unstructure_hook(date, date.isoformat)
    plain.register_unstructure_hook(datetime, datetime.isoformat)
    plain.register_unstructure_hook_func(is_tuple, lambda items: [*map(plain.unstructure, items)])

    assert to_dict(article) == {"format_version": FORMAT_VERSION, **plain.unstructure(article)}


@pytest.mark.parametrize("annotation", [Figure | None, Date | None, str | None, tuple[str, ...]])
def test_the_converter_writes_none_and_empty_values_of_any_field_type(annotation: Any) -> None:
    empty = () if annotation == tuple[str, ...] else None

    assert make_converter().unstructure(empty, annotation) == ([] if empty == () else None)


def test_every_model_is_read_by_its_quick_hook() -> None:
    # A model the quick hook cannot build (a validator, a factory default, its own __init__)
    # would silently take cattrs' slower function: every model of the format must not.
    for model in attrs_classes(Article):
        hook = quick_converter().get_structure_hook(model)
        assert hook.__code__.co_filename.startswith("<newspkg quick structure"), model


def test_every_quick_hook_calls_the_compiled_check_itself() -> None:
    # Every model of the format validates with normalize_and_validate (with or without its
    # rules), which the quick hook calls inline; another __attrs_post_init__ would be called
    # as it is (correct, but the calls in between come back).
    for model in attrs_classes(Article):
        hook = quick_converter().get_structure_hook(model)
        source = "".join(linecache.getlines(hook.__code__.co_filename))
        assert "check = check_of(cls)" in source, model
        assert "self.__attrs_post_init__()" in source, model  # only before the check compiles


def test_a_quick_hook_calls_any_other_post_init_as_it_is() -> None:
    calls: list[int] = []

    @attrs.frozen
    class Own:
        x: int

        def __attrs_post_init__(self) -> None:
            calls.append(self.x)

    attrs.resolve_types(Own)
    hook = quick_model_hook(quick_converter(), Own, lambda value, _: value, lambda _: None)
    assert hook is not None
    source = "".join(linecache.getlines(hook.__code__.co_filename))

    assert hook({"x": 1}, Own).x == 1
    assert calls == [1]
    assert "check_of(cls)" not in source


@pytest.mark.parametrize(
    "model",
    [
        attrs.make_class("Checked", {"x": attrs.field(validator=attrs.validators.min_len(1))}),
        attrs.make_class("Made", {"x": attrs.field(factory=list)}),
        attrs.make_class("Converted", {"x": attrs.field(converter=str)}),
        attrs.make_class("Hand", {"x": attrs.field()}, init=False),
    ],
    ids=lambda model: model.__name__,
)
def test_models_whose_init_does_more_keep_cattrs_function(model: type) -> None:
    assert (
        quick_model_hook(quick_converter(), model, lambda value, _: value, lambda _: None) is None
    )


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(EXAMPLE),
        json.dumps({**EXAMPLE, "word_count": "many"}),
        json.dumps({**EXAMPLE, "url": "not a url"}),
        '{"url": "https://example.com/a", "headline": NaN}',
    ],
)
def test_without_orjson_json_reads_the_same(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def read() -> Article | list[str]:
        try:
            return from_json(text)
        except NewspkgError as error:
            return [str(problem) for problem in error.problems]

    with_orjson = read()
    monkeypatch.setattr(_native, "_orjson", lambda: None)

    assert read() == with_orjson
