"""Model validation compiled to one function per class: the quick path for valid values.

`newspkg._validation.normalize_and_validate` walks a class's field plans one by one
and reports every problem with its path. Most values are fine, and on a valid article
the walk (a method call or two per field, most of them for fields left empty) costs
more than the checks themselves. `compile_quick_check` writes, once per class, one
function that normalises and checks every field inline, the way attrs writes
``__init__`` and cattrs its structure functions. It makes the same checks with the
same normalisation, but it only answers: True when every field is valid (the instance
then holds the normalised values), False at the first value it is not sure of, without
touching the instance. The reporting walk then runs as before, so every error is
exactly what it was; tests/test_quick_check.py checks the two paths agree.
"""

from __future__ import annotations

import enum
import linecache
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Any, Final

import attrs

from newspkg.errors import Problem, ValidationError

__all__ = ["QuickCheck", "QuickField", "compile_quick_check"]

Rule = Callable[[Any], "str | None"]
QuickCheck = Callable[[object, "Callable[[], Iterator[Problem]] | None"], bool]


@attrs.frozen
class QuickField:
    """What the compiled check needs to know about one field."""

    name: str
    annotation: object
    rule: Rule | None
    url: bool  # text normalised as a URL (scheme and host in lower case)


_DATE: Final = date | datetime


def compile_quick_check(
    cls: type, fields: tuple[QuickField, ...], helpers: Mapping[str, object]
) -> QuickCheck | None:
    """One function checking an instance of ``cls`` quickly, or None for a field it cannot.

    The function takes the instance and the class's own rules (``extra``), run once every
    field is valid, as `normalize_and_validate` runs them; their problems are raised.
    ``helpers`` gives the rules the code calls by name: ``unstorable`` (a search for
    characters text must not hold) and ``checked_url`` (a URL normalised, or None when it
    is not valid); and, as ``inline_rules``, number rules written as a test of ``{value}``
    that holds exactly when the rule finds no problem. A date's zone is checked inline, as
    `newspkg._validation.date_problem` checks it.
    """
    namespace: dict[str, Any] = {
        **helpers,
        "date": date,
        "datetime": datetime,
        "minute": timedelta(minutes=1),
        "set_field": object.__setattr__,
        "ValidationError": ValidationError,
    }
    body: list[str] = []
    changed: list[str] = []
    deduplicated: list[str] = []
    for index, field in enumerate(fields):
        kind, named = _kind(field.annotation)
        lines = _field_lines(_Slot(field=field, index=index), kind, named, namespace)
        if lines is None:
            return None
        body.extend(lines)
        if kind in {"text", "texts"}:
            # A cached URL is an equal string, not the same object: equal needs no setting.
            same = f" and n{index} != g{index}" if field.url and kind == "text" else ""
            changed.append(f"    if n{index} is not g{index}{same}:")
            changed.append(f"        set_field(self, {field.name!r}, n{index})")
        if kind == "texts":
            # Repeated entries go once the instance is valid, as in the reporting walk.
            # dict.fromkeys inline (no call to a helper): most lists have no repeats.
            deduplicated.append(
                f"    if len(n{index}) > 1 and len(u := dict.fromkeys(n{index})) != len(n{index}):"
            )
            deduplicated.append(f"        set_field(self, {field.name!r}, tuple(u))")
    rules = [
        "    if extra is not None:",
        "        problems = list(extra())",
        "        if problems:",
        "            raise ValidationError(problems)",
    ]
    source = "\n".join(
        [
            f"def quick_check_{cls.__name__}(self, extra):",
            *body,
            *changed,
            *rules,
            *deduplicated,
            "    return True",
        ]
    )
    filename = f"<newspkg quick check {cls.__module__}.{cls.__qualname__}>"
    # Registered like attrs' and cattrs' generated code, so tracebacks show the lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 (our own code, from the model's fields)
    check: QuickCheck = namespace[f"quick_check_{cls.__name__}"]
    return check


_SCALARS: Final[dict[object, str]] = {str: "text", int: "int", bool: "bool", _DATE: "date"}


def _kind(annotation: object) -> tuple[str, object]:
    """The kind of a field ("text", "texts", "int", ...) and the type it names, if any."""
    args = typing.get_args(annotation)
    core: object = annotation
    if type(None) in args:
        rest = tuple(arg for arg in args if arg is not type(None))
        core = rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007 (built at run time)
    if core in _SCALARS:
        return _SCALARS[core], core
    item = typing.get_args(core)[0] if typing.get_origin(core) is tuple else None
    if item is str:
        return "texts", item
    if isinstance(item, type) and attrs.has(item):
        return "instances", item
    if item is None and isinstance(core, type) and (attrs.has(core) or issubclass(core, enum.Enum)):
        return "instance", core
    return "unknown", None


@attrs.frozen
class _Slot:
    """One field as the code generator sees it: its local names and how it may be empty."""

    field: QuickField
    index: int

    @property
    def optional(self) -> bool:
        return type(None) in typing.get_args(self.field.annotation)

    @property
    def given(self) -> str:
        return f"g{self.index}"

    @property
    def normalized(self) -> str:
        return f"n{self.index}"

    def none_first(self, then: str) -> list[str]:
        """A None test before the others, for an optional field."""
        return [f"    if {self.given} is None:", f"        {then}"] if self.optional else []

    @property
    def otherwise(self) -> str:
        return "elif" if self.optional else "if"


def _field_lines(
    slot: _Slot, kind: str, named: object, namespace: dict[str, Any]
) -> list[str] | None:
    field = slot.field
    write = _WRITERS.get(kind)
    if write is None or (field.rule is not None and kind not in {"text", "texts", "int"}):
        return None
    namespace[f"rule{slot.index}"] = field.rule
    namespace[f"type{slot.index}"] = named
    return [f"    {slot.given} = self.{field.name}", *write(slot, namespace)]


def _text_lines(slot: _Slot, _: dict[str, Any]) -> list[str]:
    g, n = slot.given, slot.normalized
    lines = [
        *slot.none_first(f"{n} = None"),
        f"    {slot.otherwise} type({g}) is str:",
        f"        {n} = {g}.strip()",
        f"        if not {n}:",
        f"            {n} = None" if slot.optional else "            return False",
    ]
    if slot.field.url:  # normalised and checked in one cached call
        lines += [f"        elif ({n} := checked_url({n})) is None:", "            return False"]
    lines += [f"        elif not {_storable(n)}:", "            return False"]
    if slot.field.rule is not None and not slot.field.url:
        lines += [f"        elif rule{slot.index}({n}) is not None:", "            return False"]
    return [*lines, "    else:", "        return False"]


def _texts_lines(slot: _Slot, _: dict[str, Any]) -> list[str]:
    # Each item as _text_lines checks a text, in a loop written here (no call per list).
    g, n = slot.given, slot.normalized
    lines = [
        f"    if type({g}) is not tuple:",
        "        return False",
        f"    {n} = {g}",
        f"    if {g}:",
        "        items = []",
        f"        for item in {g}:",
        "            if type(item) is not str:",
        "                return False",
        "            text = item.strip()",
    ]
    if slot.field.url:
        lines += ["            if text:", "                text = checked_url(text)"]
    lines += [
        f"            if not text or not {_storable('text')}:",
        "                return False",
    ]
    if slot.field.rule is not None and not slot.field.url:
        rule = f"rule{slot.index}(text) is not None"
        lines += [f"            if {rule}:", "                return False"]
    return [
        *lines,
        "            items.append(text)",
        # The same tuple when nothing changed, so the instance keeps it.
        f"        if items != list({g}):",
        f"            {n} = tuple(items)",
    ]


def _int_lines(slot: _Slot, namespace: dict[str, Any]) -> list[str]:
    g = slot.given
    inline: Mapping[Rule, str] = namespace.get("inline_rules", {})
    field_rule = slot.field.rule
    rule = f" and rule{slot.index}({g}) is None" if field_rule is not None else ""
    if field_rule is not None and field_rule in inline:  # the rule as a test, without a call
        rule = f" and {inline[field_rule].format(value=g)}"
    return [
        *slot.none_first("pass"),
        f"    {slot.otherwise} not (type({g}) is int{rule}):",
        "        return False",
    ]


def _bool_lines(slot: _Slot, _: dict[str, Any]) -> list[str]:
    g = slot.given
    allowed = f"{g} is not True and {g} is not False"
    test = f"{g} is not None and {allowed}" if slot.optional else allowed
    return [f"    if {test}:", "        return False"]


def _date_lines(slot: _Slot, _: dict[str, Any]) -> list[str]:
    g = slot.given
    return [
        *slot.none_first("pass"),
        f"    {slot.otherwise} type({g}) is date:",
        "        pass",
        # date_problem inline: a datetime with a zone, to the whole minute.
        f"    elif not isinstance({g}, datetime) or (z := {g}.utcoffset()) is None or z % minute:",
        "        return False",
    ]


def _instance_lines(slot: _Slot, _: dict[str, Any]) -> list[str]:
    g = slot.given
    test = f"{g} is not None and " if slot.optional else ""
    return [f"    if {test}not isinstance({g}, type{slot.index}):", "        return False"]


def _instances_lines(slot: _Slot, _: dict[str, Any]) -> list[str]:
    g = slot.given
    return [
        f"    if type({g}) is not tuple:",
        "        return False",
        f"    for item in {g}:",
        f"        if not isinstance(item, type{slot.index}):",
        "            return False",
    ]


_WRITERS: Final[dict[str, Callable[[_Slot, dict[str, Any]], list[str]]]] = {
    "text": _text_lines,
    "texts": _texts_lines,
    "int": _int_lines,
    "bool": _bool_lines,
    "date": _date_lines,
    "instance": _instance_lines,
    "instances": _instances_lines,
}


def _storable(name: str) -> str:
    # isascii() is O(1) in CPython and ASCII text holds no surrogate: only NUL to look for.
    return f'(({name}.isascii() and "\\x00" not in {name}) or unstorable({name}) is None)'
