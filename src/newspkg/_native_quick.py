"""The quick converter's model hook: an instance built as attrs' ``__init__`` builds it.

cattrs' generated structure function gathers the given fields into a dict of keywords,
calls a hook for each of them (text too, which needs none) and calls the class, whose
attrs-written ``__init__`` sets every field through its converter and then calls
``__attrs_post_init__``, the model's validation. On the quick path every hook returns what
the field's converter would return anyway (a tuple, an enum member), so the hook written here,
once per class like cattrs' own, sets each field itself and then calls
``__attrs_post_init__`` exactly as ``__init__`` does: the same instance and the same checks,
run once, without the keyword dict, the calls for text and the converter calls. Anything wrong
raises (an unknown key, a missing one, a value a hook refuses) and `newspkg._native` reads the
document again on the reporting path, which says what is wrong.
"""

import enum
import linecache
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs

from newspkg._validation import (
    normalize_and_validate,
    quick_check_of,
    report_problems,
    validate_with_rules,
)

__all__ = ["quick_model_hook"]


def quick_model_hook(
    converter: cattrs.Converter,
    model: type,
    as_is: Callable[[object, type], object],
    inline: Callable[[object], tuple[str, Mapping[str, object]] | None],
) -> Callable[[Any, type], Any] | None:
    """The quick hook of ``model``, or None when attrs' ``__init__`` does more than set fields.

    ``as_is`` is the converter's hook for values the model checks itself (text): such fields
    are read without a call. ``inline`` gives, for some field types, the converter's hook as an
    expression of the value ``v`` (calling ``refuse(v)`` where the hook raises; ``{kind}``
    stands for the field's type), with the names it uses, written into the function instead
    of a call.
    """
    fields = attrs.fields(model)
    init = getattr(vars(model).get("__init__"), "__code__", None)
    written_by_attrs = init is not None and init.co_filename.startswith("<attrs generated")
    if not written_by_attrs or hasattr(model, "__attrs_pre_init__"):
        return None
    if not all(map(_settable, fields)):
        return None
    namespace: dict[str, Any] = {
        "cls": model,
        "new": object.__new__,
        "set_field": object.__setattr__,
        "allowed": frozenset(field.name for field in fields),
        "refuse": _refuse,
        "check_of": quick_check_of,
        "report": report_problems,
    }
    lines = [
        f"def quick_structure_{model.__name__}(o, _):",
        "    if not isinstance(o, dict) or not o.keys() <= allowed:",
        "        raise TypeError('not an object of known keys')",
        "    self = new(cls)",
    ]
    for index, field in enumerate(fields):
        hook = converter.get_structure_hook(field.type)
        namespace[f"hook{index}"] = hook
        namespace[f"type{index}"] = field.type
        name = repr(field.name)
        written = None if hook is as_is else inline(field.type)
        models = _nested_models(converter, field.type) if written is None else None
        loop: list[str] = []  # the lines a list of models is read by, before the read
        if models is not None:
            # A nested model's hook called from here, not through the list or optional hook:
            # no call for the list or the None. The hook tests the item is an object itself.
            many, namespace[f"item{index}"], namespace[f"model{index}"] = models
            written = (_MODELS if many else _MODEL).replace("{i}", str(index)), {}
            if many:
                loop = _MODELS_LOOP.replace("{i}", str(index)).split("\n")
        if written is not None:
            template, names = written
            namespace.update(names)
            read = template.format(kind=f"type{index}")
            take = [f"        v = o[{name}]", *(f"        {line}" for line in loop)]
        elif hook is as_is:
            read, take = f"o[{name}]", []
        else:
            read, take = f"hook{index}(o[{name}], type{index})", []
        if field.default is attrs.NOTHING:  # a KeyError: the reporting path says it is missing
            lines += [line[4:] for line in take] + [f"    set_field(self, {name}, {read})"]
            continue
        # What __init__ would store for an absent key: the default through the converter.
        default = field.default if field.converter is None else field.converter(field.default)
        namespace[f"default{index}"] = default
        # "in" and a subscript, not o.get(): no call, and most fields are absent.
        lines += [
            f"    if {name} in o:",
            *take,
            f"        set_field(self, {name}, {read})",
            "    else:",
            f"        set_field(self, {name}, default{index})",
        ]
    lines += _post_init_lines(model)
    lines.append("    return self")
    source = "\n".join(lines)
    filename = f"<newspkg quick structure {model.__module__}.{model.__qualname__}>"
    # Registered like attrs' and cattrs' generated code, so tracebacks show the lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 (our own code, from the model's fields)
    structure: Callable[[Any, type], Any] = namespace[f"quick_structure_{model.__name__}"]
    return structure


# A list of models read by a loop, not a list comprehension (a frame of its own in 3.11).
_MODELS_LOOP = """if type(v) is not list:
    refuse(v)
items = []
for item in v:
    items.append(item{i}(item, model{i}))"""
_MODELS = "tuple(items)"
_MODEL = "None if v is None else item{i}(v, model{i})"


def _nested_models(
    converter: cattrs.Converter, annotation: object
) -> tuple[bool, Callable[[Any, type], Any], type] | None:
    """For ``tuple[M, ...]`` or ``M | None`` of a model M: whether a list, M's hook, and M."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        many, inner = True, args[0]
    elif len(args) == 2 and type(None) in args:
        many, inner = False, next(arg for arg in args if arg is not type(None))
    else:
        return None
    if not (isinstance(inner, type) and attrs.has(inner)):
        return None
    return many, converter.get_structure_hook(inner), inner


def _post_init_lines(model: type) -> list[str]:
    """The model's ``__attrs_post_init__``, with the compiled check called from here.

    For the models' own validations (`normalize_and_validate`, with or without the
    model's rules) this is the same code without the two calls in between: the check once
    compiled, else (while `normalize_and_validate` counts instances, before compiling)
    ``__attrs_post_init__`` itself; and the reporting walk when the check is not sure.
    """
    post_init = getattr(model, "__attrs_post_init__", None)
    if post_init is None:
        return []
    extra = {normalize_and_validate: "None", validate_with_rules: "self._rules"}.get(post_init)
    if extra is None:
        return ["    self.__attrs_post_init__()"]
    return [
        "    check = check_of(cls)",
        "    if check is None:",
        "        self.__attrs_post_init__()",
        f"    elif not check(self, {extra}):",
        f"        report(self, {extra})",
    ]


def _refuse(value: object) -> Any:
    raise TypeError(f"refused {type(value).__name__}")


def _settable(field: "attrs.Attribute[Any]") -> bool:
    """Whether ``__init__`` only sets the field.

    A converter may stay unused only where it returns the hook's value as it is: a tuple
    stays the tuple, a member the member.
    """
    plain = (
        field.init
        and field.validator is None
        and field.alias == field.name
        and not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
    )
    if not plain or field.converter is None:
        return bool(plain)
    kind = field.type
    return typing.get_origin(kind) is tuple or (
        isinstance(kind, type) and issubclass(kind, enum.Enum)
    )
