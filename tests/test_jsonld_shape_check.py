"""The quick count of `check_json_value` against the exact walk it stands in for.

`processing._quick_count` answers for plainly valid JSON and gives up on anything else, which
`processing._check_shape` then judges. These tests check that whenever it answers, the exact
walk gives the same count without an error, so `check_json_value` returns and raises exactly
as the walk alone did (a differential test, as for the direct expansion).
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newspkg import from_jsonld
from newspkg._jsonld import processing
from newspkg._jsonld.processing import JsonObject, _check_shape, _quick_count, check_json_value
from newspkg.errors import NewspkgError, ParseError


class _Text(str):
    __slots__ = ()


class _Mapping(dict[Any, Any]):
    pass


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**640 - 1, 10**640, -(10**640), 10**700]),  # around the digit limit
    st.floats(),  # NaN and infinities included: the walk refuses them
    st.text(max_size=5),
    st.builds(_Text, st.text(max_size=3)),
    st.sampled_from([(1, 2), b"x", {1}, 1j]),
)
_KEYS = st.one_of(st.text(max_size=3), st.integers(), st.builds(_Text, st.text(max_size=3)))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(_KEYS, inner, max_size=4),
        st.builds(_Mapping, st.dictionaries(st.text(max_size=3), inner, max_size=3)),
    ),
    max_leaves=30,
)


def _outcome(check: Any, value: object) -> tuple[str, object]:
    try:
        return "count", check(value)
    except NewspkgError as error:
        return type(error).__name__, (str(error), getattr(error, "problems", None))


def _exact(value: object) -> int:
    return _check_shape(value, path="$", check_types=True)


@settings(max_examples=300)
@given(_VALUES)
def test_check_json_value_matches_the_exact_walk(value: object) -> None:
    assert _outcome(check_json_value, value) == _outcome(_exact, value)
    quick = _quick_count(value)
    if quick is not None:
        # It answers only for values the walk of parsed JSON (no type checks) passes too.
        assert quick == _exact(value) == _check_shape(value, path="$", check_types=False)


def _nested(levels: int) -> object:
    value: object = "x"
    for level in range(levels):
        value = [value] if level % 2 else {"k": value}
    return value


@pytest.mark.parametrize("levels", [0, 1, 63, 64, 65, 66])
def test_depth_limit_is_the_walks(levels: int) -> None:
    value = _nested(levels)
    assert _outcome(check_json_value, value) == _outcome(_exact, value)


@pytest.mark.parametrize("size", range(5, 14))
def test_value_limit_is_the_walks(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(processing, "MAX_VALUES", 10)
    for value in ([1] * (size - 1), {"a": [None] * (size - 3)}, [[x] for x in range(size // 2)]):
        assert _outcome(check_json_value, value) == _outcome(_exact, value)


def test_problems_past_the_limits_get_the_walks_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(processing, "MAX_VALUES", 10)
    cyclic: list[object] = []
    cyclic.append(cyclic)
    for value in (
        cyclic,
        [math.nan, *range(20)],
        [*range(20), math.inf],
        [{1: "a"}, *range(20)],
        [*range(20), {1: "a"}],
        [_nested(70), math.nan],
    ):
        assert _quick_count(value) is None
        assert _outcome(check_json_value, value) == _outcome(_exact, value)


@pytest.mark.parametrize("digits", [641, 700, 4300])
def test_a_whole_number_too_long_for_text_is_refused_with_a_newspkg_error(digits: int) -> None:
    # Python turns such an int into text only up to sys.get_int_max_str_digits() digits: read
    # further, a note or a headline given as that number raised a bare ValueError.
    number = 10 ** (digits - 1)
    image: JsonObject = {"@type": "ImageObject", "url": "https://news.example/a.jpg"}
    document: JsonObject = {"@context": "https://schema.org", "@type": "NewsArticle"}
    document |= {"headline": "x", "image": {**image, "width": number}}
    with pytest.raises(ParseError, match="more than 640 digits"):
        from_jsonld(document)
    text = json.dumps({**document, "image": {**image, "width": 0}})
    with pytest.raises(ParseError, match="more than 640 digits"):
        from_jsonld(text.replace('"width": 0', '"width": 1' + "0" * (digits - 1)))


def test_a_whole_number_of_640_digits_is_read_as_text_where_text_is_wanted() -> None:
    number = 10**640 - 1
    document: JsonObject = {"@context": "https://schema.org", "@type": "NewsArticle"}
    document |= {"url": "https://news.example/a", "headline": number}
    assert from_jsonld(document).headline == "9" * 640
