"""The rules model values must follow, and the machinery that checks them all at once.

Models declare a rule per field in attrs metadata (``metadata=URL``); after
``__init__`` the generic `normalize_and_validate` strips text, turns lists into
tuples, checks every field's runtime type against its annotation, applies the
field's rule (to each element of a tuple) and raises one `ValidationError`
listing every problem, so an editor sees all of them in one go.
"""

from __future__ import annotations

import enum
import functools
import math
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Any, Final, Protocol

import attrs

from newspkg._quick_check import QuickCheck, QuickField, compile_quick_check
from newspkg._urls import is_plain_web_url, normalize_url, split_url
from newspkg.errors import Problem, ValidationError

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
# U+0000 ends strings in C, databases and XML; a lone surrogate cannot be encoded in any
# Unicode encoding form, so no writer could store it. Both are refused in every text field.
_UNSTORABLE: Final = re.compile("[\x00\ud800-\udfff]")

MAX_COUNT: Final = 10**9
"""Largest count or size a model holds (``word_count``, ``story_count``, ``width``, ...)."""


@functools.lru_cache(maxsize=4096)  # readers and models check the same URLs again and again
def url_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute http(s) URL, or None when it is one."""
    # Most URLs are plain: one match decides them (tests/test_urls.py compares the two ways).
    return None if is_plain_web_url(value) else url_problem_by_parts(value)


def url_problem_by_parts(value: str) -> str | None:
    """`url_problem` from the parts of ``value``, for every text: the reference."""
    if _CONTROL_OR_SPACE.search(value):
        return f"not an absolute http(s) URL (white space or control characters): {value!r}"
    parts = split_url(value)
    if parts is None:
        return f"not an absolute http(s) URL: {value!r}"
    port_ok = parts.port is None or parts.port > 0
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
    """Counts and sizes are whole numbers from 0 to `MAX_COUNT`."""
    if value < 0:
        return f"must not be negative, got {shown_number(value)}"
    if value > MAX_COUNT:
        return f"must be at most {MAX_COUNT:,}, got a number of {digit_count(value)} digits"
    return None


def shown_number(value: int | float) -> str:
    """``value`` for a message: as written when short, else how many digits it has."""
    if isinstance(value, float) or -(10**30) < value < 10**30:
        return repr(value)
    return f"a number of {digit_count(value)} digits"


def digit_count(value: int) -> str:
    """How many digits ``value`` has, as text for a message, without writing it out in full.

    Python turns an int of more than `sys.get_int_max_str_digits()` digits (at least 640)
    into text only with a ValueError, so a longer one is measured by its logarithm.
    """
    if value.bit_length() <= _EXACT_DIGITS_BITS:
        return f"{len(str(abs(value))):,}"
    return f"about {int(math.log10(abs(value))) + 1:,}"


# 2,000 bits are at most 603 decimal digits: below the lowest limit a process can set.
_EXACT_DIGITS_BITS: Final = 2000


def text_problem(value: str) -> str | None:
    """Text must be storable: no U+0000 (NUL) and no lone surrogate (U+D800 to U+DFFF)."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    char = found.group()
    offset = found.start()
    if char == "\x00":
        return f"holds U+0000 (NUL) at character {offset}, which text must not contain"
    return (
        f"holds a lone surrogate U+{ord(char):04X} at character {offset}, "
        "which no Unicode encoding can store"
    )


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


def check_option(name: str, value: object, expected: type | tuple[type, ...], words: str) -> None:
    """Refuse a keyword option of the wrong type with a `ValidationError` naming it.

    ``bool`` never passes for ``int``: ``indent=True`` is a slip, not a width.
    """
    is_bool_slip = isinstance(value, bool) and bool not in _as_tuple_of_types(expected)
    if not isinstance(value, expected) or is_bool_slip:
        raise ValidationError(f"expected {words}, got {_describe_value(value)}", path=name)


def _as_tuple_of_types(expected: type | tuple[type, ...]) -> tuple[type, ...]:
    return expected if isinstance(expected, tuple) else (expected,)


URL: Final[Mapping[str, Rule]] = {RULE: url_problem}
LANGUAGE: Final[Mapping[str, Rule]] = {RULE: language_problem}
COUNT: Final[Mapping[str, Rule]] = {RULE: count_problem}


def as_enum(enum_type: type[enum.Enum], value: object) -> Any:
    """A member of ``enum_type`` for its value as text (``"analysis"``), as a CMS stores it.

    Case and surrounding white space do not matter. Anything else (a member, unknown text,
    another type) is returned as it is, for the type check to report with the allowed values.
    """
    if isinstance(value, str):
        members = _enum_values(enum_type)
        return members.get(value.strip().lower(), value)
    return value


@functools.cache
def _enum_values(enum_type: type[enum.Enum]) -> dict[str, enum.Enum]:
    return {str(member.value).lower(): member for member in enum_type}


def as_tuple(value: object) -> Any:
    """Lists (and other non-text iterables) become tuples, so models stay hashable.

    Anything else is returned as it is, for the type check to report.
    """
    if type(value) is tuple:  # the common case, checked before the slower ABC checks
        return value
    if isinstance(value, str | bytes | Mapping | tuple) or not isinstance(value, Iterable):
        return value
    return tuple(value)


# A date without a time names a day in a time zone nobody wrote down, and days
# run from UTC+14 to UTC-12: an instant falls on its latest day in the first
# and its earliest in the second.
_LATEST_DAY_OFFSET: Final = timedelta(hours=14)
_EARLIEST_DAY_OFFSET: Final = timedelta(hours=-12)
_DAY: Final = timedelta(days=1)


def before(later: date, earlier: date) -> bool:
    """Whether ``later`` certainly falls before ``earlier``.

    Two times compare as instants, two dates as days. A date and an aware time
    compare as days in every time zone: 1999-12-31 is not before
    2000-01-01T00:00+01:00, which is still 1999-12-31 west of Greenwich.
    Days are counted from 0001-01-01, so instants near year 1 or 9999 compare
    without leaving `datetime`'s range.
    """
    if isinstance(later, datetime) and isinstance(earlier, datetime):
        return later < earlier
    later_day = _day(later, _LATEST_DAY_OFFSET)
    earlier_day = _day(earlier, _EARLIEST_DAY_OFFSET)
    return later_day < earlier_day


def _day(moment: date, zone: timedelta) -> int:
    """The day ``moment`` falls on in the zone ``zone`` ahead of UTC, counted from 0001-01-01."""
    if not isinstance(moment, datetime):
        return moment.toordinal() - 1
    # timedelta arithmetic spans far more than datetime's years 1 to 9999: nothing overflows.
    since_start = moment.replace(tzinfo=None) - datetime.min
    return (since_start - (moment.utcoffset() or timedelta(0)) + zone) // _DAY


def normalize_and_validate(
    instance: attrs.AttrsInstance, extra: Callable[[], Iterator[Problem]] | None = None
) -> None:
    """Normalise an attrs instance in place and raise every problem found at once.

    Repeated entries of a list of text (keywords, profile URLs) are dropped once
    the instance is valid: they carry nothing, and schema.org treats values as sets.
    """
    cls = type(instance)
    check = _quick_checks.get(cls) or _warm_up(cls)
    if check is None or not check(instance, extra):
        report_problems(instance, extra)


class _WithRules(Protocol):
    def _rules(self) -> Iterator[Problem]: ...


def validate_with_rules(instance: _WithRules) -> None:
    """`normalize_and_validate` with the model's own rules: a model's ``__attrs_post_init__``.

    One function for every such model (not a method each), so the quick structure hooks
    (`newspkg._native_quick`) know what it does and call the compiled check themselves.
    """
    normalize_and_validate(instance, instance._rules)  # type: ignore[arg-type]


QUICK_AFTER: Final = 16
"""Instances of a class validated by the walk before its quick check is compiled.

Compiling a class's check costs about as much as walking a few dozen instances, so a
process that reads one article never pays for it, and a batch pays once."""

_quick_checks: dict[type, QuickCheck] = {}
_walks: dict[type, int] = {}
quick_check_of: Final = _quick_checks.get
"""The compiled check of a class once warmed up, else None (`normalize_and_validate` then
counts the instance): a bound method, so the quick structure hooks call no Python function
to look it up."""


def _warm_up(cls: type[attrs.AttrsInstance]) -> QuickCheck | None:
    """The quick check of ``cls`` once enough instances were walked, else None."""
    walks = _walks[cls] = _walks.get(cls, 0) + 1
    if walks < QUICK_AFTER:
        return None
    check = _quick_checks[cls] = _quick_check(cls)
    return check


@functools.cache
def _quick_check(cls: type[attrs.AttrsInstance]) -> QuickCheck:
    fields = tuple(
        QuickField(
            name=plan.name,
            annotation=plan.annotation,
            rule=plan.rule,
            url=plan.rule is url_problem,
        )
        for plan in _plans(cls)
    )
    helpers = {
        "unstorable": _UNSTORABLE.search,
        "checked_url": _checked_url,
        "inline_rules": {count_problem: f"0 <= {{value}} <= {MAX_COUNT}"},
    }
    check = compile_quick_check(cls, fields, helpers)
    return check if check is not None else _never_sure


@functools.lru_cache(maxsize=4096)  # as url_problem: the same URLs come again and again
def _checked_url(text: str) -> str | None:
    """``text`` (stripped) as the models store it, or None when it is not a valid URL."""
    url = normalize_url(text)
    if url_problem(url) is not None:
        return None
    return text if url == text else url  # the same object when unchanged: nothing to set


def _never_sure(_: object, __: object) -> bool:
    return False  # pragma: no cover - every model's fields compile (tests/test_quick_check.py)


def report_problems(
    instance: attrs.AttrsInstance, extra: Callable[[], Iterator[Problem]] | None
) -> None:
    """The reference walk: normalise every field, and raise every problem with its path."""
    problems: list[Problem] = []
    plans = _plans(type(instance))
    for plan in plans:
        given = getattr(instance, plan.name)
        if (given is None and plan.optional) or (
            plan.sequence and type(given) is tuple and not given
        ):
            continue  # most fields of a real article are empty: nothing to normalise
        value = plan.normalized(given)
        if value is not given:
            object.__setattr__(instance, plan.name, value)
        if (value is None and plan.optional) or (value == () and plan.sequence):
            continue  # nothing to check, and most fields of a real article are empty
        if plan.plain_text and type(value) is str and value:
            # the most common field of all: non-empty text with no rule but storability
            problem = text_problem(value)
            if problem is not None:
                problems.append(Problem(path=plan.name, message=problem))
            continue
        if plan.trusted and plan.accepts(value):
            continue  # models (validated when built), enums, flags: the type is the rule
        problems.extend(plan.problems(value))
    if not problems and extra is not None:
        problems.extend(extra())
    if problems:
        raise ValidationError(problems)
    for plan in plans:
        if plan.texts:
            object.__setattr__(
                instance, plan.name, tuple(dict.fromkeys(getattr(instance, plan.name)))
            )


@attrs.frozen
class _FieldPlan:
    """What to do with one field, worked out once per class from its annotation."""

    name: str
    annotation: object
    accepts: Callable[[object], bool]
    optional: bool
    sequence: bool  # a tuple field, which also takes lists
    texts: bool  # a tuple of text
    plain_text: bool  # text (or optional text) with no rule beyond being non-empty
    trusted: bool  # no rule and no text or dates inside: a value of the right type is valid
    rule: Rule | None

    def normalized(self, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if self.rule is url_problem:
                text = normalize_url(text)
            return None if not text and self.optional else text
        if self.sequence:
            value = as_tuple(value)
            # Only lists of text hold text to strip; other tuples stay the same object.
            if self.texts and isinstance(value, tuple):
                return tuple(self._item(item) for item in value)
        return value

    def _item(self, item: object) -> object:
        if not isinstance(item, str):
            return item
        text = item.strip()
        return normalize_url(text) if self.rule is url_problem else text

    def problems(self, value: object) -> Iterator[Problem]:
        if not self.accepts(value):
            yield from self._type_problems(value)
            return
        items = enumerate(value) if isinstance(value, tuple) else ((None, value),)
        for index, item in items:
            problem = _value_problem(item, self.rule)
            if problem is not None:
                path = self.name if index is None else f"{self.name}[{index}]"
                yield Problem(path=path, message=problem)

    def _type_problems(self, value: object) -> Iterator[Problem]:
        """Name each wrong item of a list (``authors[0]: expected an Author, got dict``)."""
        if self.sequence and isinstance(value, tuple):
            (item_type, _ellipsis) = typing.get_args(self.annotation)
            item_check = _matcher(item_type)
            expected = describe_type(item_type)
            for index, item in enumerate(value):
                if not item_check(item):
                    message = f"expected {expected}, got {_describe_value(item)}"
                    if isinstance(item, Mapping) and attrs.has(item_type):
                        message += (
                            f" (build it as {item_type.__name__}(...), or read the whole "
                            "article from a dict with newspkg.from_dict)"
                        )
                    yield Problem(path=f"{self.name}[{index}]", message=message)
            return
        expected = describe_type(self.annotation)
        yield Problem(path=self.name, message=f"expected {expected}, got {_describe_value(value)}")


def prepare(*classes: type[attrs.AttrsInstance]) -> None:
    """Work out the field plans of model classes now, when their module is imported.

    attrs writes a class's methods when the class is made; the plans are the same kind of
    per-class work, so a process's first article costs about what its next one does.
    """
    for cls in classes:
        _plans(cls)


@functools.cache
def _plans(cls: type[attrs.AttrsInstance]) -> tuple[_FieldPlan, ...]:
    return tuple(
        _FieldPlan(
            name=field.name,
            annotation=field.type,
            accepts=_matcher(field.type),
            optional=type(None) in typing.get_args(field.type),
            sequence=typing.get_origin(field.type) is tuple,
            texts=field.type == tuple[str, ...],
            plain_text=field.type in (str, str | None) and RULE not in field.metadata,
            trusted=RULE not in field.metadata and not _holds_text_or_dates(field.type),
            rule=field.metadata.get(RULE),
        )
        for field in attrs.fields(cls)
    )


def _holds_text_or_dates(annotation: object) -> bool:
    """Whether values of ``annotation`` can hold text or dates, which have rules of their own."""
    if annotation in (str, date, datetime):
        return True
    return any(_holds_text_or_dates(arg) for arg in typing.get_args(annotation))


def _value_problem(value: object, rule: Rule | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        if not value:
            return "must not be empty"
        problem = text_problem(value)
        if problem is not None:
            return problem
    if isinstance(value, date):
        return date_problem(value)
    return None if rule is None else rule(value)


def _matcher(annotation: object) -> Callable[[object], bool]:
    """A fast runtime check that a value has the annotated type (bool is not an int here)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        plain = tuple(arg for arg in args if isinstance(arg, type) and arg is not int)
        if len(plain) == len(args):  # the common case, e.g. str | None: one isinstance call
            return lambda value: isinstance(value, plain)
        checks = [_matcher(arg) for arg in args]
        return lambda value: any(check(value) for check in checks)
    if origin is tuple:
        (item_type, _ellipsis) = typing.get_args(annotation)
        item_check = _matcher(item_type)
        return lambda value: isinstance(value, tuple) and all(map(item_check, value))
    if annotation is type(None):
        return lambda value: value is None
    if annotation is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if isinstance(annotation, type):
        # datetime is a date too; the Date alias lists both, so a bare date means day precision.
        return lambda value: isinstance(value, annotation)
    raise TypeError(f"no runtime check for {annotation!r}")  # pragma: no cover - a model bug


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
        item = typing.get_args(annotation)[0]
        if isinstance(item, type) and attrs.has(item):
            return f"a list of {item.__name__}s"
        return f"a list of {describe_type(item)}"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        choices = ", ".join(repr(member.value) for member in annotation)
        return f"one of {choices}"
    if annotation in _TYPE_WORDS:
        return _TYPE_WORDS[annotation]
    name = str(getattr(annotation, "__name__", annotation))
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


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
    if isinstance(value, int):
        shown = shown_number(value)  # a huge one as its count of digits: "a number of ..."
        return shown if shown.startswith("a number") else f"{type(value).__name__} {shown}"
    try:
        shown = repr(value)
    except ValueError:  # it holds an int too long for Python to write out
        return type(value).__name__
    return f"{type(value).__name__} {shown}"[:80]
