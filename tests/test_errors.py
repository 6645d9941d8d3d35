"""The error hierarchy: messages, paths, and errors that cross process boundaries intact."""

from __future__ import annotations

import inspect
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newspkg.errors
from newspkg.errors import NewspkgError, Problem

ERROR_CLASSES = sorted(
    (
        value
        for value in vars(newspkg.errors).values()
        if inspect.isclass(value) and issubclass(value, NewspkgError)
    ),
    key=lambda cls: cls.__name__,
)

problems = st.builds(Problem, path=st.text(max_size=20), message=st.text(max_size=40))


def test_every_error_class_is_covered() -> None:
    assert {cls.__name__ for cls in ERROR_CLASSES} == {
        "DuplicateIdError",
        "LimitExceededError",
        "NewspkgError",
        "NoArticleError",
        "ParseError",
        "RemoteContextError",
        "ValidationError",
    }


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_one_message_keeps_its_exact_text_over_pickle_round_trips(
    cls: type[NewspkgError],
) -> None:
    error = cls("not an absolute URL", path="authors[1].url")

    once = pickle.loads(pickle.dumps(error))
    twice = pickle.loads(pickle.dumps(once))

    assert (type(twice), str(twice), twice.problems, twice.args) == (
        cls,
        "authors[1].url: not an absolute URL",
        error.problems,
        error.args,
    )


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
@given(found=st.lists(problems, min_size=1, max_size=4))
def test_any_problems_survive_pickling(cls: type[NewspkgError], found: list[Problem]) -> None:
    error = cls(found)

    copy = pickle.loads(pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL))

    assert (type(copy), str(copy), copy.problems) == (cls, str(error), error.problems)


def test_a_pickled_error_is_still_caught_as_the_builtin_it_refines() -> None:
    error = pickle.loads(pickle.dumps(newspkg.errors.ValidationError("bad", path="url")))

    with pytest.raises(ValueError, match=r"^url: bad$"):
        raise error
