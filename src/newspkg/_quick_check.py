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
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, Final

import attrs

from newspkg._urls import normalize_url
from newspkg.errors import Problem, ValidationError

__all__ = ["QuickField", "compile_quick_check"]

Rule = Callable[[Any], "str | None"]
TextCheck = Callable[[str], object]
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
    characters text must not hold) and ``date_problem``.
    """
    namespace: dict[str, Any] = {
        **helpers,
        "normalize_url": normalize_url,
        "date": date,
        "datetime": datetime,
        "set_field": object.__setattr__,
        "dedupe": _dedupe,
        "ValidationError": ValidationError,
    }
    body: list[str] = []
    changed: list[str] = []
    deduplicated: list[str] = []
    for index, field in enumerate(fields):
        lines = _field_lines(index, field, namespace)
        if lines is None:
            return None
        body.extend(lines)
        kind = _kind(field.annotation)[0]
        if kind in {"text", "texts"}:
            changed.append(f"    if n{index} is not g{index}:")
            changed.append(f"        set_field(self, {field.name!r}, n{index})")
        if kind == "texts":
            # Repeated entries go once the instance is valid, as in the reporting walk.
            deduplicated.append(f"    if len(n{index}) > 1:")
            deduplicated.append(f"        set_field(self, {field.name!r}, dedupe(n{index}))")
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
    exec(compile(source, f"<newspkg quick check {cls.__qualname__}>", "exec"), namespace)  # noqa: S102 (our own code, from the model's fields)
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


def _field_lines(index: int, field: QuickField, namespace: dict[str, Any]) -> list[str] | None:
    kind, named = _kind(field.annotation)
    optional = type(None) in typing.get_args(field.annotation)
    g, n = f"g{index}", f"n{index}"
    lines = [f"    {g} = self.{field.name}"]
    none = [f"    if {g} is None:", f"        {n} = None"] if optional else []
    otherwise = "elif" if optional else "if"
    if field.rule is not None:
        namespace[f"rule{index}"] = field.rule
        if kind not in {"text", "texts", "int"}:
            return None
    if kind == "text":
        lines += [
            *none,
            f"    {otherwise} type({g}) is str:",
            f"        {n} = {_normalized(f'{g}.strip()', url=field.url)}",
            f"        if not {n}:",
            f"            {n} = None" if optional else "            return False",
            f"        elif not {_storable(n)}:",
            "            return False",
        ]
        if field.rule is not None:
            lines += [f"        elif rule{index}({n}) is not None:", "            return False"]
        lines += ["    else:", "        return False"]
    elif kind == "texts":
        namespace[f"texts{index}"] = _texts_check(field, namespace["unstorable"])
        lines += [
            f"    {n} = texts{index}({g}) if type({g}) is tuple else None",
            f"    if {n} is None:",
            "        return False",
        ]
    elif kind == "int":
        rule = f" and rule{index}({g}) is None" if field.rule is not None else ""
        lines += [
            *none[:1],
            *(["        pass"] if optional else []),
            f"    {otherwise} not (type({g}) is int{rule}):",
            "        return False",
        ]
    elif kind == "bool":
        allowed = f"{g} is not True and {g} is not False"
        lines += [f"    if {g} is not None and {allowed}:" if optional else f"    if {allowed}:"]
        lines += ["        return False"]
    elif kind == "date":
        lines += [
            *none[:1],
            *(["        pass"] if optional else []),
            f"    {otherwise} type({g}) is date:",
            "        pass",
            f"    elif not isinstance({g}, datetime) or date_problem({g}) is not None:",
            "        return False",
        ]
    elif kind in {"instance", "instances"}:
        namespace[f"type{index}"] = named
        if kind == "instance":
            test = f"{g} is not None and " if optional else ""
            lines += [f"    if {test}not isinstance({g}, type{index}):", "        return False"]
        else:
            lines += [
                f"    if type({g}) is not tuple:",
                "        return False",
                f"    for item in {g}:",
                f"        if not isinstance(item, type{index}):",
                "            return False",
            ]
    else:
        return None
    return lines


def _dedupe(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(texts))


def _normalized(expression: str, *, url: bool) -> str:
    return f"normalize_url({expression})" if url else expression


def _storable(name: str) -> str:
    # isascii() is O(1) in CPython and ASCII text holds no surrogate: only NUL to look for.
    return f'(({name}.isascii() and "\\x00" not in {name}) or unstorable({name}) is None)'


def _texts_check(
    field: QuickField, unstorable: TextCheck
) -> Callable[[tuple[object, ...]], tuple[str, ...] | None]:
    """A list of text's items normalised, or None when one is not valid text."""
    rule = field.rule
    url = field.url

    def check(items: tuple[object, ...]) -> tuple[str, ...] | None:
        texts: list[str] = []
        for item in items:
            if type(item) is not str:
                return None
            text = item.strip()
            if url:
                text = normalize_url(text)
            if not text or (not (text.isascii() and "\x00" not in text) and unstorable(text)):
                return None
            if rule is not None and rule(text) is not None:
                return None
            texts.append(text)
        return tuple(texts)

    return check
