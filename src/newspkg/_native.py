"""newspkg's native JSON: the stable wire format services exchange articles in.

Keys are the model's field names; absent keys take the field's default (None
or an empty list); dates are ISO 8601 text ("2026-04-06" for a day,
"2026-04-06T09:30:00+02:00" for an instant); enums are their lower-case
values. The document carries ``"format_version": 2`` so the format can evolve.
docs/native-json.md documents every key.

Reading is strict: unknown keys, wrong JSON types and missing required keys are
all reported at once in one `ValidationError`, each with its JSON path. None of
cattrs' lenient coercions (``"false"`` → True, ``12.7`` → 12) get through.
"""

import enum
import json
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from datetime import date, datetime
from functools import cache
from typing import Any, Final, TypeGuard

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
from cattrs.gen import make_dict_structure_fn

from newspkg._dates import parse_iso
from newspkg._json_limits import (
    MAX_DEPTH,
    check_text_depth,
    check_text_size,
    check_written_size,
    decode_json_bytes,
)
from newspkg._models import Article
from newspkg._validation import check_option, describe_type
from newspkg.errors import (
    LimitExceededError,
    NewspkgError,
    ParseError,
    Problem,
    ValidationError,
    join_path,
)

FORMAT_VERSION: Final = 2
"""The version of the native JSON format this release writes.

Version 2 added the newsroom fields (site, breadcrumbs, paywall, trust policies, live
updates, video, corrections, translations, image licensing); every version-1 document is
a version-2 document without them, so both are read.
"""

READ_VERSIONS: Final = frozenset({1, FORMAT_VERSION})

VERSION_KEY: Final = "format_version"


def is_native_document(document: object) -> TypeGuard[dict[str, Any]]:
    """Tell newspkg's native JSON from JSON-LD, once for every reader of mixed input.

    Native JSON carries ``format_version``; hand-written native JSON may omit it, but
    JSON-LD always has a keyword (``@context``, ``@type``, ``@graph``) and native never does.
    """
    return isinstance(document, dict) and (
        VERSION_KEY in document
        or not any(isinstance(key, str) and key.startswith("@") for key in document)
    )


MAX_INDENT: Final = 16
"""Widest indent `to_json` writes, in spaces."""

JsonDict = dict[str, Any]


def to_dict(article: Article) -> JsonDict:
    """Return ``article`` as a JSON-ready dict in the native format.

    >>> to_dict(Article(url="https://example.com/a", headline="Hi"))
    {'format_version': 2, 'url': 'https://example.com/a', 'headline': 'Hi'}
    """
    if not isinstance(article, Article):
        raise ValidationError(f"expected an Article, got {type(article).__name__}")
    body: JsonDict = make_converter().unstructure(article)
    return {VERSION_KEY: FORMAT_VERSION, **body}


def from_dict(data: Mapping[str, object]) -> Article:
    """Build an `Article` from a native-format dict, reporting every problem at once.

    Raises:
        ValidationError: lists each unknown key, wrong type, missing required
            key and broken model rule with its path (``authors[1].url``).
    """
    if not isinstance(data, Mapping):
        raise ValidationError(
            f"expected a JSON object (an article), got {type(data).__name__}", path="$"
        )
    fields = dict(data)
    version = fields.pop(VERSION_KEY, FORMAT_VERSION)
    if not _readable_version(version):
        raise ValidationError(
            f"unsupported format version {version!r}; this release reads 1 and {FORMAT_VERSION}",
            path=VERSION_KEY,
        )
    article = _structure_quickly(fields)
    if article is not None:
        return article
    try:
        article = make_converter().structure(fields, Article)
    except Exception as error:  # every structuring failure becomes a Problem
        raise ValidationError(list(_problems(error, ""))) from None
    return article


def _readable_version(version: object) -> bool:
    # Only an int can be a version (a list or dict would not even hash; True == 1).
    return type(version) is int and version in READ_VERSIONS


def _structure_quickly(fields: dict[str, Any]) -> Article | None:
    """The article ``fields`` describe, or None when anything is wrong with them.

    The quick converter takes what the reporting one takes, with the same hooks and the
    same models, but stops at the first problem without collecting paths. Valid input
    (the common case) is read once; invalid input is read again by `make_converter` to
    report every problem, so errors are exactly what they were.
    """
    try:
        article: Article = _quick_converter().structure(fields, Article)
    except Exception:
        return None
    return article


def to_json(article: Article, *, indent: int | None = 2) -> str:
    """Return ``article`` as native JSON text: deterministic and UTF-8 friendly.

    Keys come in the model's field order, after ``format_version``.

    Raises:
        ValidationError: ``article`` is not an `Article`.
        LimitExceededError: the text would be larger than `from_json` reads (5 MiB).
    """
    check_option("indent", indent, (int, type(None)), "a number of spaces, or None")
    if indent is not None and not 0 <= indent <= MAX_INDENT:
        raise ValidationError(f"expected 0 to {MAX_INDENT} spaces, got {indent}", path="indent")
    text = _dumps(to_dict(article), indent=indent)
    check_written_size(text, what="native JSON")
    return text


def _dumps(data: dict[str, Any], *, indent: int | None) -> str:
    orjson = _orjson()
    if orjson is not None:
        # Python's C encoder cannot indent, so json.dumps(indent=2) runs in pure Python,
        # ten times slower than orjson, whose two-space output is byte for byte the same
        # (tests/test_native.py compares them, for every indent). orjson refuses what json
        # writes anyway (integers over 64 bits, lone surrogates): those take json's path.
        with suppress(TypeError):
            text: bytes = orjson.dumps(data, option=orjson.OPT_INDENT_2)
            return (text if indent == 2 else _laid_out(text, indent)).decode()
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _laid_out(text: bytes, indent: int | None) -> bytes:
    """The two-space text orjson writes, laid out as json.dumps lays it out with ``indent``.

    orjson writes each key, value and closing bracket on a line of its own, indented two
    spaces a level, and escapes every line break inside a string: the lines are the layout.
    With ``indent=None`` json writes one line, items after ``", "``; json's C encoder does
    that too, but takes half as long again as orjson plus this.
    """
    lines = text.split(b"\n")
    if indent is None:
        return b"".join(
            [
                line.lstrip(b" ") + b" " if line.endswith(b",") else line.lstrip(b" ")
                for line in lines
            ]
        )
    spaces = [(line, line.lstrip(b" ")) for line in lines]
    return b"\n".join(
        [b" " * ((len(line) - len(bare)) // 2 * indent) + bare for line, bare in spaces]
    )


@cache
def _orjson() -> Any:
    """The orjson module when installed (the ``fast`` extra), else None."""
    try:
        import orjson  # noqa: PLC0415 (optional dependency, looked up when needed)
    except ImportError:
        return None
    return orjson


def from_json(text: str | bytes) -> Article:
    """Read an `Article` from native JSON text (UTF-8, -16 or -32 when bytes).

    Raises:
        LimitExceededError: the text is larger than 5 MiB or nested deeper than 64 levels.
        ParseError: the text is not JSON.
        ValidationError: the JSON does not describe a valid article.
    """
    if isinstance(text, bytes):
        text = decode_json_bytes(text)
    if not isinstance(text, str):
        raise ParseError(f"expected JSON text (str or bytes), got {type(text).__name__}")
    check_text_size(text)
    # The depth check protects json.loads, which recurses; orjson does not (it stops at
    # 1,024 levels), and a valid article nests far less deep than the limit (the models
    # nest seven levels deep; tests/test_native_quick.py checks it), so text read quickly
    # needs no walk.
    article = _read_quickly(text)
    if article is not None:
        return article
    check_text_depth(text)
    try:
        data = json.loads(text)
    except RecursionError:  # unreachable after the depth check; kept as a last guard
        raise LimitExceededError(f"JSON nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as error:  # not JSON, or an integer over Python's digit limit
        raise ParseError(f"not JSON: {error}") from None
    return from_dict(data)


def _read_quickly(text: str) -> Article | None:
    """The article in ``text`` parsed by orjson, or None to read it the reporting way.

    orjson parses three times faster than `json`. Where the two differ, the document is
    not a valid article anyway: orjson refuses NaN, infinities and lone surrogates, and
    reads integers beyond 64 bits as floats, which no field takes. Such a document (and
    every other invalid one) is read again by `json` and reported as before.
    """
    orjson = _orjson()
    if orjson is None:
        return None
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    if type(data) is not dict or not _readable_version(data.pop(VERSION_KEY, FORMAT_VERSION)):
        return None
    return _structure_quickly(data)


@cache
def make_converter() -> cattrs.Converter:
    """Return the project's own strict cattrs converter for the native format.

    The converter is newspkg's, never cattrs' global one; callers may use it
    for the model classes (e.g. ``make_converter().structure(d, Author)``).
    """
    return _converter(detailed=True)


@cache
def _quick_converter() -> cattrs.Converter:
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
    converter.register_structure_hook_func(_is_date_union, _structure_date)
    converter.register_structure_hook_func(_is_enum, _structure_enum)
    tuple_hook = _tuple_hook if detailed else _quick_tuple_hook
    converter.register_structure_hook_factory(_is_tuple, lambda t: tuple_hook(converter, t))
    converter.register_structure_hook_factory(
        attrs.has, lambda t: _model_hook(converter, t, detailed=detailed)
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
    return converter


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
    (inner,) = (arg for arg in typing.get_args(annotation) if arg is not type(None))
    structure_inner = converter.get_structure_hook(inner)
    if structure_inner is _as_is:
        return _as_is

    def structure(value: object, _: type) -> object:
        return None if value is None else structure_inner(value, inner)

    return structure


def _optional_writer(converter: cattrs.Converter, annotation: object) -> Callable[[Any], Any]:
    (inner,) = (arg for arg in typing.get_args(annotation) if arg is not type(None))
    return converter.get_unstructure_hook(inner)  # None is the default: never written


def _unstructure_date(value: date) -> str:
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


def _strict_scalar(kind: type) -> Callable[[object, type], object]:
    def structure(value: object, _: type) -> object:
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


def _is_enum(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, enum.Enum)


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    # Only text: kind(value) would also take a member, and an unhashable value would raise.
    member = kind._value2member_map_.get(value) if isinstance(value, str) else None
    if member is None:
        raise ValidationError(f"expected {describe_type(kind)}, got {_json_type(value)}")
    return member


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
                problems.extend(_problems(error, f"[{index}]"))
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

    return structure


def _problems(error: BaseException, path: str) -> Iterator[Problem]:
    """Turn a (nested) structuring failure into Problems with JSON paths."""
    if isinstance(error, NewspkgError):
        yield from (problem.under(path) for problem in error.problems)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield Problem(path=join_path(path, key), message="unknown key")
    elif isinstance(error, ClassValidationError | IterableValidationError):
        noted, unnoted = error.group_exceptions()
        for inner, note in noted:
            yield from _problems(inner, _note_path(path, note))
        for inner in unnoted:
            yield from _problems(inner, path)
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
    return f"{word} {json.dumps(value)[:40]}" if not isinstance(value, dict | list) else word
