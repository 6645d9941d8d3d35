"""The HTML reader's bounded walk over a page's JSON."""

from __future__ import annotations

from newspkg._html.json_walk import JsonObjects, json_objects


def test_every_object_is_visited_depth_first_last_root_first() -> None:
    first = {"a": {"b": 1}}
    second = [{"c": [{"d": 2}]}]
    assert list(json_objects([first, second], 100)) == [
        {"c": [{"d": 2}]},
        {"d": 2},
        {"a": {"b": 1}},
        {"b": 1},
    ]


def test_the_walk_stops_at_its_limit_and_says_so() -> None:
    deep: object = {}
    for _ in range(50):
        deep = {"inner": deep}
    walk = JsonObjects([deep], 10)
    assert len(list(walk)) == 10
    assert walk.cut_short
    whole = JsonObjects([deep], 1_000)
    assert len(list(whole)) == 51
    assert not whole.cut_short
