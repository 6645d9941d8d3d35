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
        given = "v" if written is not None else f"o[{name}]"
        if written is not None:
            template, names = written
            namespace.update(names)
            read = template.format(kind=f"type{index}")
        elif hook is as_is:
            read = given
        else:
            read = f"hook{index}({given}, type{index})"
        take = [f"        v = o[{name}]"] if given == "v" else []
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
    if hasattr(model, "__attrs_post_init__"):
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    source = "\n".join(lines)
    filename = f"<newspkg quick structure {model.__module__}.{model.__qualname__}>"
    # Registered like attrs' and cattrs' generated code, so tracebacks show the lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 (our own code, from the model's fields)
    structure: Callable[[Any, type], Any] = namespace[f"quick_structure_{model.__name__}"]
    return structure


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
