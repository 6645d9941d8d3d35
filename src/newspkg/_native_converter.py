"""The cattrs converters of the native format: the reporting one and the quick one.

`make_converter` is strict and reports every problem with its path (cattrs' detailed
validation); `quick_converter` makes the same checks with the same hooks and models but
stops at the first problem, for reading valid documents (the common case) fast. Both
write with hooks cattrs' generated functions call directly, rather than dispatching on
each value's type. `newspkg._native` uses them; its docstring describes the format.
"""

import enum
import json
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime
from functools import cache
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from newspkg._dates import parse_iso
from newspkg._native_quick import quick_model_hook
from newspkg._validation import describe_type, shown_number
from newspkg.errors import NewspkgError, Problem, ValidationError, join_path

__all__ = ["make_converter", "problems_in", "quick_converter"]


@cache
def make_converter() -> cattrs.Converter:
    """Return the project's own strict cattrs converter for the native format.

    The converter is newspkg's, never cattrs' global one; callers may use it
    for the model classes (e.g. ``make_converter().structure(d, Author)``).
    """
    return _converter(detailed=True)


@cache
def quick_converter() -> cattrs.Converter:
    """`make_converter` without cattrs' detailed validation: it raises at the first problem.

    cattrs' detailed mode wraps every field in its own ``try`` and collects notes, which
    costs a third of reading a valid article; `from_dict` reads with this converter first.
    """
    return _converter(detailed=False)


def _converter(*, detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(
        omit_if_default=True, forbid_extra_keys=True, detailed_validation=detailed
    )
    converter.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(converter, t))
    for scalar in (int, bool):
        converter.register_structure_hook(scalar, _strict_scalar(scalar))
    # The models check that text is text, so the quick path does not check it twice. Not
    # so numbers and flags: an optional field takes empty text as None (word_count="").
    converter.register_structure_hook(str, _strict_scalar(str) if detailed else _as_is)
    if detailed:
        converter.register_structure_hook_func(_is_date_union, _structure_date)
        converter.register_structure_hook_func(_is_enum, _structure_enum)
    else:
        converter.register_structure_hook_func(_is_date_union, _quick_date)
        converter.register_structure_hook_factory(_is_enum, _quick_enum_hook)
    tuple_hook = _tuple_hook if detailed else _quick_tuple_hook
    converter.register_structure_hook_factory(_is_tuple, lambda t: tuple_hook(converter, t))
    converter.register_structure_hook_factory(
        attrs.has,
        lambda t: (
            (None if detailed else quick_model_hook(converter, t, _as_is, _quick_inline))
            or _model_hook(converter, t, detailed=detailed)
        ),
    )
    # Hooks cattrs' generated functions inline or call directly, rather than dispatching on
    # each value's type: text, numbers and flags are written as they are.
    for plain in (str | None, int | None, bool | None):
        converter.register_unstructure_hook(plain, identity)
    converter.register_unstructure_hook_func(_is_date_union, _unstructure_date)
    converter.register_unstructure_hook_factory(
        _is_optional, lambda t: _optional_writer(converter, t)
    )
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_unstructure_hook_factory(_is_tuple, lambda t: _tuple_writer(converter, t))
    converter.register_unstructure_hook_factory(attrs.has, lambda t: _model_writer(converter, t))
    return converter


_QUICK_INLINE: dict[object, str] = {
    # The quick converter's hooks for these types, as expressions of the value v that the
    # quick model hooks write in place of a call (refuse(v) raises where the hook raises).
    # Stricter is safe (an int subclass is refused, and read on the reporting path).
    int: "v if type(v) is int else refuse(v)",
    int | None: "v if v is None or type(v) is int else refuse(v)",
    bool: "v if v is True or v is False else refuse(v)",
    bool | None: "v if v is None or v is True or v is False else refuse(v)",
    tuple[str, ...]: "tuple(v) if type(v) is list else refuse(v)",
}


def _quick_inline(annotation: object) -> tuple[str, dict[str, object]] | None:
    """The quick hook of ``annotation`` as an expression of ``v``, where there is one."""
    if _is_enum(annotation):  # _quick_enum_hook's lookup; a str subclass is refused
        return "{kind}._value2member_map_[v] if type(v) is str else refuse(v)", {}
    if _is_date_union(annotation):  # _quick_date, in C calls only
        return _QUICK_DATE, {"day": date.fromisoformat, "instant": datetime.fromisoformat}
    template = _QUICK_INLINE.get(annotation)
    return None if template is None else (template, {})


_QUICK_DATE = (
    "None if v is None else day(v) if len(v) == 10 "
    "else m if (m := instant(v)).tzinfo is not None else refuse(v)"
)


def _model_writer(converter: cattrs.Converter, model: type) -> Callable[[Any], dict[str, Any]]:
    # A model's optional nested model is written only when it is not None (its default), so
    # its own function is called directly, without the None test the optional hook makes.
    overrides = {
        field.name: override(unstruct_hook=converter.get_unstructure_hook(inner))
        for field in attrs.fields(model)
        if _is_optional(field.type)
        and field.default is None
        and attrs.has(inner := _optional_inner(field.type))
    }
    writer: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        model,
        converter,
        _cattrs_omit_if_default=True,
        **overrides,  # type: ignore[arg-type] # mypy matches the dict to the bool keywords too
    )
    return writer


def _optional_inner(annotation: object) -> Any:
    """X of ``X | None``."""
    (inner,) = (arg for arg in typing.get_args(annotation) if arg is not type(None))
    return inner


def _is_optional(annotation: object) -> bool:
    """``X | None`` for one type X other than a date (dates have their own hooks)."""
    args = typing.get_args(annotation)
    return (
        typing.get_origin(annotation) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
        and date not in args
    )


def _optional_hook(
    converter: cattrs.Converter, annotation: object
) -> Callable[[object, type], object]:
    # What cattrs' own optional hook does, without looking the inner hook up on every value.
    inner = _optional_inner(annotation)
    structure_inner = converter.get_structure_hook(inner)
    if structure_inner is _as_is:
        return _as_is
    if inner in (str, int, bool):  # one call, not two, for the most common fields
        return _strict_scalar(inner, optional=True)
    fields = _generated.get(structure_inner)
    if fields is not None:  # a model: its generated function, called directly

        def structure_model(value: object, _: type) -> object:
            if value is None:
                return None
            if not isinstance(value, dict):
                return _not_an_object(value)
            return fields(value, inner)

        return structure_model

    def structure(value: object, _: type) -> object:
        return None if value is None else structure_inner(value, inner)

    return structure


def _optional_writer(converter: cattrs.Converter, annotation: object) -> Callable[[Any], Any]:
    write_inner = converter.get_unstructure_hook(_optional_inner(annotation))
    if write_inner == identity:  # None as it is too, and cattrs inlines it
        return identity
    return lambda value: None if value is None else write_inner(value)


def _unstructure_date(value: date | None) -> str | None:
    if value is None:
        return None
    # What dispatching on the value's class would pick: a datetime is a date too.
    return datetime.isoformat(value) if isinstance(value, datetime) else date.isoformat(value)


def _tuple_writer(converter: cattrs.Converter, annotation: object) -> Callable[[Any], list[Any]]:
    (item_type, _ellipsis) = typing.get_args(annotation)
    if item_type is str:
        return list
    write_item = converter.get_unstructure_hook(item_type)
    return lambda items: [*map(write_item, items)]


def _as_is(value: object, _: type) -> object:
    return value


def _strict_scalar(kind: type, *, optional: bool = False) -> Callable[[object, type], object]:
    def structure(value: object, _: type) -> object:
        if value is None and optional:
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ValidationError(f"expected {describe_type(kind)}, got {_json_type(value)}")
        return value

    return structure


def _is_date_union(annotation: object) -> bool:
    args = set(typing.get_args(annotation))
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and date in args


def _structure_date(value: object, _: type) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(f"expected an ISO 8601 date or date-time, got {_json_type(value)}")
    try:
        moment = parse_iso(value)  # the day-or-instant split parse_date makes too
    except ValidationError:
        # The native format's own message, which tests and callers match on.
        raise ValidationError(f"not an ISO 8601 date or date-time: {value!r}") from None
    if isinstance(moment, datetime) and moment.tzinfo is None:
        raise ValidationError(f"date-time {value!r} has no time zone offset (add Z or +hh:mm)")
    return moment


def _quick_date(value: Any, _: type) -> date | None:
    # _structure_date's checks in one call, for the quick path: whatever is wrong raises
    # (a number has no len(), fromisoformat takes only text) and the reporting path says what.
    if value is None:
        return None
    if len(value) == 10:  # a day, as parse_iso reads it
        return date.fromisoformat(value)
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(value)
    return moment


def _is_enum(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, enum.Enum)


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    # Only text: kind(value) would also take a member, and an unhashable value would raise.
    member = kind._value2member_map_.get(value) if isinstance(value, str) else None
    if member is None:
        raise ValidationError(f"expected {describe_type(kind)}, got {_json_type(value)}")
    return member


def _quick_enum_hook(kind: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    # Every value is text, so only text finds a member; anything else (a list does not
    # even hash) raises, and the reporting path says what is wrong.
    members = kind._value2member_map_

    def structure(value: object, _: type) -> enum.Enum:
        if not isinstance(value, str):
            raise TypeError(value)
        return members[value]

    return structure


def _is_tuple(annotation: object) -> bool:
    return typing.get_origin(annotation) is tuple


def _tuple_hook(
    converter: cattrs.Converter, annotation: Any
) -> Callable[[object, type], tuple[Any, ...]]:
    (item_type, _ellipsis) = typing.get_args(annotation)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise ValidationError(f"expected a list, got {_json_type(value)}")
        items: list[Any] = []
        problems: list[Problem] = []
        for index, item in enumerate(value):
            try:
                items.append(converter.structure(item, item_type))
            except Exception as error:  # collected as problems below
                problems.extend(problems_in(error, f"[{index}]"))
        if problems:
            raise ValidationError(problems)
        return tuple(items)

    return structure


def _quick_tuple_hook(
    converter: cattrs.Converter, annotation: Any
) -> Callable[[object, type], tuple[Any, ...]]:
    (item_type, _ellipsis) = typing.get_args(annotation)
    structure_item = converter.get_structure_hook(item_type)
    as_is = structure_item is _as_is  # text: the model checks each item
    fields = _generated.get(structure_item)
    if fields is not None:  # models: their generated function, called directly

        def structure_models(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise ValidationError(f"expected a list, got {_json_type(value)}")
            # A loop, not a list comprehension: no frame of its own (Python 3.11).
            items = []
            for item in value:
                if not isinstance(item, dict):
                    return _not_an_object(item)  # type: ignore[no-any-return]
                items.append(fields(item, item_type))
            return tuple(items)

        return structure_models

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise ValidationError(f"expected a list, got {_json_type(value)}")
        if as_is:
            return tuple(value)
        return tuple([structure_item(item, item_type) for item in value])

    return structure


def _model_hook(
    converter: cattrs.Converter, model: type, *, detailed: bool
) -> Callable[[object, type], object]:
    structure_fields: Callable[[Any, type], object] = make_dict_structure_fn(
        model, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
    )

    def structure(value: object, _: type) -> object:
        # cattrs would call .keys() on whatever it is given; say what was expected instead.
        if not isinstance(value, dict):
            raise ValidationError(f"expected an object, got {_json_type(value)}")
        return structure_fields(value, model)

    _generated[structure] = structure_fields
    return structure


_generated: dict[Callable[[Any, type], object], Callable[[Any, type], object]] = {}
"""cattrs' generated function behind each model hook, for the quick list and optional hooks
to call directly (the object test inlined): one call less for every nested model."""


def _not_an_object(value: object) -> Any:
    raise ValidationError(f"expected an object, got {_json_type(value)}")


def problems_in(error: BaseException, path: str) -> Iterator[Problem]:
    """Turn a (nested) structuring failure into Problems with JSON paths."""
    if isinstance(error, NewspkgError):
        yield from (problem.under(path) for problem in error.problems)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield Problem(path=join_path(path, key), message="unknown key")
    elif isinstance(error, ClassValidationError | IterableValidationError):
        noted, unnoted = error.group_exceptions()
        for inner, note in noted:
            yield from problems_in(inner, _note_path(path, note))
        for inner in unnoted:
            yield from problems_in(inner, path)
    elif isinstance(error, KeyError):
        yield Problem(path=path or "$", message="required key missing")
    else:
        yield Problem(path=path or "$", message=str(error))


def _note_path(path: str, note: object) -> str:
    if isinstance(note, AttributeValidationNote):
        return join_path(path, note.name)
    if isinstance(note, IterableValidationNote):
        return f"{path}[{note.index}]"
    return path


def _json_type(value: object) -> str:
    names = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
        type(None): "null",
    }
    word = names.get(type(value), type(value).__name__)
    if isinstance(value, dict | list):
        return word
    if isinstance(value, int) and not isinstance(value, bool):
        shown = shown_number(value)  # a huge one as its count of digits: "a number of ..."
        return shown if shown.startswith(word) else f"{word} {shown}"
    try:
        return f"{word} {json.dumps(value)[:40]}"
    except (TypeError, ValueError):  # not JSON (a set, bytes, ...) or holding a huge int
        return word
