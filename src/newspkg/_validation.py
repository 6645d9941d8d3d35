"""The rules model values must follow, and the machinery that checks them all at once.

Models declare a rule per field in attrs metadata (``metadata=URL``); after
``__init__`` the generic `normalize_and_validate` strips text, turns lists into
tuples, checks every field's runtime type against its annotation, applies the
field's rule (to each element of a tuple) and raises one `ValidationError`
listing every problem, so an editor sees all of them in one go.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Any, Final
from urllib.parse import urlsplit

import attrs

from newspkg.errors import Problem, ValidationError, join_path

Rule = Callable[[Any], str | None]
"""A field rule: returns a plain-words message when the value breaks it, else None."""

RULE: Final = "newspkg.rule"

_BCP47: Final = re.compile(
    r"""
    ^(?:
      (?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})
      (?:-[a-z]{4})?                                   # script,  e.g. Hant
      (?:-(?:[a-z]{2}|[0-9]{3}))?                      # region,  e.g. BR, 419
      (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*         # variants
      (?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*             # extensions
      (?:-x(?:-[a-z0-9]{1,8})+)?                       # private use
    |x(?:-[a-z0-9]{1,8})+                              # private use only
    |(?:en-gb-oed|i-[a-z]{2,8}|sgn-[a-z]{2}-[a-z]{2}|art-lojban|zh-[a-z]{3,5})  # grandfathered
    )$
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CONTROL_OR_SPACE: Final = re.compile(r"[\x00-\x20\x7f\s]")


def url_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute http(s) URL, or None when it is one."""
    if _CONTROL_OR_SPACE.search(value):
        return f"not an absolute http(s) URL (white space or control characters): {value!r}"
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        return f"not an absolute http(s) URL: {value!r}"
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname or not port_ok:
        return f"not an absolute http(s) URL: {value!r}"
    return None


def language_problem(value: str) -> str | None:
    """Why ``value`` is not a well-formed BCP 47 language tag, or None when it is one."""
    if _BCP47.match(value):
        return None
    hint = " (use '-', not '_')" if "_" in value else ""
    return f"not a well-formed BCP 47 language tag{hint}: {value!r}"


def count_problem(value: int) -> str | None:
    """Counts and sizes are whole numbers of zero or more."""
    return None if value >= 0 else f"must not be negative, got {value}"


def date_problem(value: date) -> str | None:
    """A date-time must say its time zone, to the whole minute (as ISO 8601 writes it)."""
    if not isinstance(value, datetime):
        return None
    offset = value.utcoffset()
    if offset is None:
        return (
            "a date-time needs a time zone (a naive datetime is ambiguous); "
            "give tzinfo, or use a date for day precision"
        )
    if offset % timedelta(minutes=1):
        return f"time zone offset {offset} is not a whole number of minutes"
    return None


URL: Final[Mapping[str, Rule]] = {RULE: url_problem}
LANGUAGE: Final[Mapping[str, Rule]] = {RULE: language_problem}
COUNT: Final[Mapping[str, Rule]] = {RULE: count_problem}


def as_tuple(value: object) -> Any:
    """Lists (and other non-text iterables) become tuples, so models stay hashable.

    Anything else is returned as it is, for the type check to report.
    """
    if isinstance(value, str | bytes | Mapping | tuple) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def before(later: date, earlier: date) -> bool:
    """Whether ``later`` falls before ``earlier``, comparing instants when both are times."""
    if isinstance(later, datetime) and isinstance(earlier, datetime):
        return later < earlier
    return _day(later) < _day(earlier)


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def normalize_and_validate(
    instance: attrs.AttrsInstance, extra: Callable[[], Iterator[Problem]] | None = None
) -> None:
    """Normalise an attrs instance in place and raise every problem found at once."""
    problems: list[Problem] = []
    for field in attrs.fields(type(instance)):
        value = _normalized(getattr(instance, field.name), field.type)
        object.__setattr__(instance, field.name, value)
        problems.extend(_field_problems(value, field, field.name))
    if not problems and extra is not None:
        problems.extend(extra())
    if problems:
        raise ValidationError(problems)


def _normalized(value: object, annotation: object) -> object:
    value = as_tuple(value)
    if isinstance(value, str):
        value = value.strip()
        if value == "" and _is_optional(annotation):
            return None
    if isinstance(value, tuple):
        return tuple(item.strip() if isinstance(item, str) else item for item in value)
    return value


def _is_optional(annotation: object) -> bool:
    return type(None) in typing.get_args(annotation)


def _field_problems(value: object, field: attrs.Attribute[Any], path: str) -> Iterator[Problem]:
    type_message = _type_problem(value, field.type)
    if type_message is not None:
        yield Problem(path=path, message=type_message)
        return
    rule: Rule | None = field.metadata.get(RULE)
    items = enumerate(value) if isinstance(value, tuple) else ((None, value),)
    for index, item in items:
        message = _value_problem(item, rule)
        if message is not None:
            item_path = path if index is None else f"{path}[{index}]"
            yield Problem(path=item_path, message=message)


def _value_problem(value: object, rule: Rule | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and not value:
        return "must not be empty"
    if isinstance(value, date):
        return date_problem(value)
    return None if rule is None else rule(value)


def _type_problem(value: object, annotation: object) -> str | None:
    """A message when ``value`` does not have the annotated runtime type, else None."""
    if _matches(value, annotation):
        return None
    return f"expected {describe_type(annotation)}, got {_describe_value(value)}"


def _matches(value: object, annotation: object) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, arg) for arg in typing.get_args(annotation))
    if origin is tuple:
        (item_type, _ellipsis) = typing.get_args(annotation)
        return isinstance(value, tuple) and all(_matches(item, item_type) for item in value)
    if annotation is type(None):
        return value is None
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is date:
        # datetime is a date too; the Date alias lists both, so a bare date means day precision.
        return isinstance(value, date)
    return isinstance(annotation, type) and isinstance(value, annotation)


def describe_type(annotation: object) -> str:
    """Plain words for a field's type, as used in error messages."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        names = [describe_type(arg) for arg in typing.get_args(annotation)]
        if "a date" in names and "a date-time" in names:
            names = [n for n in names if n not in {"a date", "a date-time"}]
            names.insert(0, "a date or date-time")
        return " or ".join(names)
    if origin is tuple:
        return f"a list of {describe_type(typing.get_args(annotation)[0])}"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        choices = ", ".join(repr(member.value) for member in annotation)
        return f"one of {choices}"
    return _TYPE_WORDS.get(annotation, f"a {getattr(annotation, '__name__', annotation)}")


_TYPE_WORDS: Final[dict[object, str]] = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    date: "a date",
    datetime: "a date-time",
    type(None): "nothing (null)",
}


def _describe_value(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, str):
        return f"text {value[:40]!r}"
    return f"{type(value).__name__} {value!r}"[:80]


def nested(prefix: str, problems: Iterator[Problem]) -> Iterator[Problem]:
    """Place each problem below ``prefix`` (a field path)."""
    for problem in problems:
        yield Problem(path=join_path(prefix, problem.path), message=problem.message)
