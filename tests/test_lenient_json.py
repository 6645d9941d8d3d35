"""The tolerant repair pass for JSON-LD text in pages."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg._jsonld.lenient_json import fix_key_case, repair_json
from newspkg._jsonld.processing import JsonValue

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def test_comments_and_trailing_commas_are_removed() -> None:
    text = '{"a": "http://x//y", // note\n "b": [1, 2,], /* block */ "c": 3,}'

    fixed, repairs = repair_json(text)

    assert json.loads(fixed) == {"a": "http://x//y", "b": [1, 2], "c": 3}
    assert repairs == ("a // comment", "trailing commas", "a /* */ comment")


def test_raw_control_characters_in_strings_are_escaped() -> None:
    fixed, repairs = repair_json('{"a": "one\ttwo\nthree"}')

    assert json.loads(fixed) == {"a": "one\ttwo\nthree"}
    assert repairs == ("raw control characters in strings",)


@pytest.mark.parametrize("between", ["\n", "", ",", " , "])
def test_two_top_level_objects_become_a_list(between: str) -> None:
    fixed, repairs = repair_json(f'{{"a": 1}}{between}{{"b": 2}}')

    assert json.loads(fixed) == [{"a": 1}, {"b": 2}]
    assert repairs == ("2 top-level values in one block, read as a list",)


@given(JSON_VALUES)
def test_valid_json_is_left_as_it_is(value: object) -> None:
    text = json.dumps(value)

    fixed, repairs = repair_json(text)

    assert json.loads(fixed) == value
    assert repairs == ()


def test_capitalised_keys_that_spell_a_property_are_renamed() -> None:
    data: JsonValue = {
        "@type": "NewsArticle",
        "Headline": "Hi",
        "DatePublished": "2026-01-01",
        "Foo": 1,
    }

    fixed, renamed = fix_key_case(data)

    assert fixed == {
        "@type": "NewsArticle",
        "headline": "Hi",
        "datePublished": "2026-01-01",
        "Foo": 1,
    }
    assert renamed == ("'Headline' read as 'headline'", "'DatePublished' read as 'datePublished'")


def test_a_capitalised_key_beside_its_lower_case_twin_is_kept() -> None:
    data: JsonValue = {"headline": "a", "Headline": "b"}

    assert fix_key_case(data) == (data, ())
