"""The compiled quick checks agree with the reporting walk on every value, valid or not."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import (
    Article,
    ArticleKind,
    Author,
    Correction,
    Crumb,
    Figure,
    LiveUpdate,
    ProvenanceNote,
    Publisher,
    RelatedRead,
    Site,
    SourceNote,
    Translation,
    UpdateNote,
    ValidationError,
    Video,
    _validation,
    from_json,
)
from tests.strategies import articles

MODELS = [
    Article,
    Author,
    Correction,
    Crumb,
    Figure,
    LiveUpdate,
    ProvenanceNote,
    Publisher,
    RelatedRead,
    Site,
    SourceNote,
    Translation,
    UpdateNote,
    Video,
]


@contextmanager
def reporting_walk_only() -> Iterator[None]:
    """Validate the way newspkg did before the quick checks: the field-by-field walk."""
    with (
        mock.patch.dict(_validation._quick_checks, clear=True),
        mock.patch.object(_validation, "_warm_up", return_value=None),
    ):
        yield


@pytest.fixture(autouse=True, scope="module")
def quick_checks_at_once() -> Iterator[None]:
    """Every model's quick check compiled from its first instance (not its 16th)."""
    with mock.patch.dict(
        _validation._quick_checks, {model: _validation._quick_check(model) for model in MODELS}
    ):
        yield


class Text(str):
    """A subclass of str: valid text, which the quick check leaves to the walk."""


class Day(date):
    """A subclass of date, likewise."""


class Count(enum.IntEnum):
    """An int subclass, likewise."""

    TEN = 10


# Values at the edges of every rule: white space, empty text, NUL and lone surrogates, URLs in
# capitals or broken, counts out of range, the wrong JSON-ish types, naive and odd-offset times.
TRICKY: list[Any] = [
    None,
    "",
    "   ",
    "  padded  ",
    "nul\x00inside",
    "lone \ud800 surrogate",
    "Zoë Ðorđević —",
    "HTTPS://News.EXAMPLE.org/A?Q#F",
    " https://example.com/a ",
    "https://example.com/a b",
    "http://[::1",
    "https://example.com:0/",
    "ftp://example.com/",
    "not a url",
    "en_GB",
    "en-GB",
    "analysis",
    " Analysis ",
    "{search_term_string}",
    "https://example.com/s?q={search_term_string}",
    Text("text subclass"),
    Text("https://example.com/sub"),
    0,
    -1,
    10**9,
    10**9 + 1,
    2**70,
    True,
    False,
    1.5,
    Count.TEN,
    [],
    ["a", "a", " b ", "a"],
    ["https://A.example/x", "https://a.example/x"],
    ["ok", ""],
    ["ok", 5],
    ("x",),
    {"name": "a dict"},
    date(2026, 4, 6),
    Day(2026, 4, 6),
    datetime(2026, 4, 6, 9, 30),
    datetime(2026, 4, 6, 9, 30, tzinfo=UTC),
    datetime(2026, 4, 6, 9, 30, tzinfo=timezone(timedelta(hours=5, seconds=30))),
    "2026-04-06",
    ArticleKind.LIVE_BLOG,
    Author(name="An Author"),
    Author(name="A Newsroom", kind="organization"),
    Figure(url="https://example.com/a.jpg"),
    Figure(url="https://example.com/v.jpg", video=Video(duration=5)),
    (Author(name="An Author"),),
    (Figure(url="https://example.com/a.jpg"), "not a figure"),
    Crumb(name="No URL"),
    (Crumb(name="Home"), Crumb(name="World", url="https://example.com/w")),
]


def outcome(build: Any) -> tuple[str, Any]:
    """What building gives: the instance (with its field values), or the problems raised."""
    try:
        built = build()
    except ValidationError as error:
        return "error", [str(problem) for problem in error.problems]
    except Exception as error:
        return "raised", f"{type(error).__name__}: {error}"
    return "built", (built, [(type(value), value) for value in attrs.astuple(built, recurse=False)])


def nested_instances(instance: Any) -> Iterator[Any]:
    """``instance`` and every model instance inside it."""
    yield instance
    for value in attrs.astuple(instance, recurse=False):
        for item in value if isinstance(value, tuple) else (value,):
            if attrs.has(type(item)):
                yield from nested_instances(item)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_model_compiles_a_quick_check(model: type) -> None:
    assert _validation._quick_check(model) is not _validation._never_sure


def test_a_class_is_walked_until_it_has_been_validated_often() -> None:
    with (
        mock.patch.dict(_validation._quick_checks, clear=True),
        mock.patch.dict(_validation._walks, clear=True),
    ):
        for _ in range(_validation.QUICK_AFTER - 1):
            Crumb(name="Home")
        assert Crumb not in _validation._quick_checks
        Crumb(name="Home")
        assert _validation._quick_checks[Crumb] is _validation._quick_check(Crumb)


EXAMPLE = from_json((Path(__file__).parent.parent / "examples" / "article.json").read_bytes())


@pytest.mark.parametrize("value", TRICKY, ids=repr)
def test_every_field_of_the_example_agrees_with_the_walk(value: Any) -> None:
    changed = [
        (type(instance), {**attrs.asdict(instance, recurse=False), name: value})
        for instance in nested_instances(EXAMPLE)
        for name in attrs.fields_dict(type(instance))
    ]

    quick = [outcome(lambda: cls(**fields)) for cls, fields in changed]  # noqa: B023
    with reporting_walk_only():
        walked = [outcome(lambda: cls(**fields)) for cls, fields in changed]  # noqa: B023

    assert quick == walked


@given(article=articles(), data=st.data())
def test_quick_check_agrees_with_the_walk(article: Article, data: st.DataObject) -> None:
    instance = data.draw(st.sampled_from(list(nested_instances(article))))
    fields = attrs.asdict(instance, recurse=False)
    name = data.draw(st.sampled_from(sorted(fields)))
    value = data.draw(st.sampled_from(TRICKY))
    changed = {**fields, name: value}
    cls = type(instance)

    quick = outcome(lambda: cls(**changed))
    with reporting_walk_only():
        walked = outcome(lambda: cls(**changed))

    assert quick == walked


@given(articles())
def test_valid_articles_are_rebuilt_the_same(article: Article) -> None:
    for instance in nested_instances(article):
        fields = attrs.asdict(instance, recurse=False)
        with reporting_walk_only():
            walked = outcome(lambda: type(instance)(**fields))  # noqa: B023 (called at once)
        assert outcome(lambda: type(instance)(**fields)) == walked  # noqa: B023


def test_text_is_stripped_and_urls_normalised_once_valid() -> None:
    author = Author(
        name="  Mara  ",
        url=" HTTPS://News.EXAMPLE.org/Mara ",
        same_as=["https://A.example/x", " https://a.example/x", "https://b.example/"],
        knows_about=["grids", " grids ", "power"],
    )

    assert (author.name, author.url) == ("Mara", "https://news.example.org/Mara")
    assert author.same_as == ("https://a.example/x", "https://b.example/")
    assert author.knows_about == ("grids", "power")


def test_a_quick_check_reads_as_code_in_tracebacks() -> None:
    import linecache

    check = _validation._quick_check(Author)

    assert "def quick_check_Author(self, extra):" in "".join(
        linecache.getlines(check.__code__.co_filename)
    )
