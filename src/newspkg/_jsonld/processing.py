"""Safe JSON loading and offline JSON-LD processing: the only module that imports pyld.

Everything pyld does for newspkg goes through here, so that

* no JSON-LD operation ever opens a socket: every schema.org context URL resolves to the
  context bundled in ``newspkg/_data/schemaorg-context.jsonld``, any other URL is refused
  with `RemoteContextError`;
* no pyld global is touched: a private `ContextResolver` with a private cache is used
  instead of ``pyld.jsonld.set_document_loader`` and pyld's shared resolved-context cache;
* relative ``@id``s stay relative unless a page URL is given as ``base`` (pyld's default
  base, ``http://example.org/base/``, would invent IRIs);
* no third-party exception escapes: pyld's ``JsonLdError``, ``json.JSONDecodeError``,
  ``RecursionError`` and friends become `ParseError`, `RemoteContextError` or
  `LimitExceededError`;
* input size and nesting are checked before any expensive work (`MAX_TEXT_SIZE`,
  `MAX_DEPTH`, `MAX_VALUES`), and context processing runs on a work budget that grows with
  the document's size, with the bundled context applied once however often a document
  repeats it (`newspkg._jsonld.context_work`).

Expanded IRIs follow the document's own context. With a schema.org context URL (any form)
or ``{"@vocab": "http://schema.org/"}`` terms expand to ``http://schema.org/Term`` (the
bundled context, like schema.org's, uses ``http://``); with ``{"@vocab":
"https://schema.org/"}`` they expand to ``https://schema.org/Term``. Readers should accept
both namespaces.

>>> expand(load_json('{"@context": "https://schema.org", "@type": "NewsArticle"}'))
[{'@type': ['http://schema.org/NewsArticle']}]
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from functools import cache
from itertools import repeat
from typing import Any, Final, TypeAlias, cast

from newspkg._batch.handback import hand_back_to_parent
from newspkg._json_limits import (
    MAX_DEPTH,
    MAX_TEXT_SIZE,
    MAX_VALUES,
    check_text_depth,
    check_text_size,
    decode_json_bytes,
    is_digit_limit,
)
from newspkg._jsonld.context_work import WorkBudget, attach_cache, charge_resolve, set_budget
from newspkg._urls import split_url
from newspkg.errors import LimitExceededError, ParseError, RemoteContextError

__all__ = [
    "MAX_DEPTH",
    "MAX_TEXT_SIZE",
    "MAX_VALUES",
    "JsonArray",
    "JsonObject",
    "JsonValue",
    "bundled_context",
    "compact",
    "expand",
    "flatten",
    "is_schemaorg_context_url",
    "load_json",
]

JsonValue: TypeAlias = bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None
"""A parsed JSON value, as `json.loads` returns it."""
JsonObject: TypeAlias = dict[str, JsonValue]
JsonArray: TypeAlias = list[JsonValue]

_DATA_PACKAGE = "newspkg._data"
_CONTEXT_FILE = "schemaorg-context.jsonld"

# Every path under which schema.org serves (or has served) its JSON-LD context. The
# versioned vocabulary files (schemaorg-current-https.jsonld, ...) are not contexts: their
# @context only declares prefixes, so they are deliberately not served from the bundle.
_CONTEXT_PATHS = frozenset({"", "/", "/docs/jsonldcontext.json", "/docs/jsonldcontext.jsonld"})
_CONTEXT_HOSTS = frozenset({"schema.org", "www.schema.org"})

# What pages wrap script bodies in: <![CDATA[ ... ]]>, //<![CDATA[ ... //]]> and the
# /*<![CDATA[*/ ... /*]]>*/ form. Replaced by spaces so error line/column stay true.
_CDATA_OPEN = re.compile(r"\A\s*(?://[ \t]*|/\*\s*)?<!\[CDATA\[(?:\s*\*/)?")
_RELATIVE_IRI = re.compile(r"invalid relative IRI '(.*)' for a missing baseIRI", re.DOTALL)
_CDATA_CLOSE = re.compile(r"(?://[ \t]*|/\*\s*)?\]\]>(?:\s*\*/)?\s*\Z")

# pyld's caches are plain dicts/LRUs without locks; pyld is pure Python, so serialising its
# calls costs no parallelism under the GIL and keeps the shared cache consistent.
_PYLD_LOCK = threading.Lock()


# --- JSON text -------------------------------------------------------------------------------


def load_json(source: str | bytes | JsonValue, *, path: str = "$") -> JsonValue:
    r"""Return parsed JSON from JSON text, or check already-parsed data against the limits.

    A `str` or `bytes` is JSON text: a leading byte-order mark, a CDATA wrapper and raw
    control characters inside strings (all common in ``<script>`` blocks) are tolerated;
    ``NaN``/``Infinity`` are not JSON and are refused. Bytes are UTF-8, -16 or -32. Any other
    value must already be JSON data (dicts with `str` keys, lists, str, int, finite float,
    bool, None) and is returned as it is, not copied.

    Args:
        source: JSON text, or parsed JSON data.
        path: where ``source`` sits in a larger input, for error messages.

    Raises:
        LimitExceededError: larger than `MAX_TEXT_SIZE`, deeper than `MAX_DEPTH`, or more
            than `MAX_VALUES` values.
        ParseError: not JSON; the message gives line and column.

    >>> load_json(b'\xef\xbb\xbf<![CDATA[{"a": [1, 2]}]]>')
    {'a': [1, 2]}
    """
    if isinstance(source, bytes):
        return _parse_text(decode_json_bytes(source, path=path), path=path)
    if isinstance(source, str):
        return _parse_text(source, path=path)
    check_json_value(source, path=path)
    return source


def _parse_text(text: str, *, path: str) -> JsonValue:
    check_text_size(text, path=path)
    text = _unwrap(text)
    check_text_depth(text, path=path)
    try:
        # strict=False lets raw tabs/newlines inside strings through, as browsers do.
        value: JsonValue = json.loads(text, strict=False, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise ParseError(message, path=path) from None
    except ValueError as error:  # NaN/Infinity, or an integer over Python's digit limit
        if is_digit_limit(error):  # longer than MAX_INT_DIGITS, which parsed values meet
            message = f"a whole number of more than {MAX_INT_DIGITS} digits is not read"
            raise ParseError(message, path=path) from None
        raise ParseError(f"not valid JSON: {error}", path=path) from None
    except RecursionError:  # unreachable after the depth check; kept as a last guard
        raise LimitExceededError(f"JSON nested deeper than {MAX_DEPTH}", path=path) from None
    if _quick_count(value) is None:
        _check_shape(value, path=path, check_types=False)
    return value


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON value")


def _unwrap(text: str) -> str:
    """Blank out a leading BOM and a CDATA wrapper, keeping every other character in place."""
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    opening = _CDATA_OPEN.match(text)
    if opening is None:
        return text
    text = " " * opening.end() + text[opening.end() :]
    closing = _CDATA_CLOSE.search(text, opening.end())
    if closing is not None:
        text = text[: closing.start()] + " " * (closing.end() - closing.start())
    return text


def check_json_value(value: object, *, path: str = "$") -> int:
    """Check that ``value`` is JSON data within `MAX_DEPTH` and `MAX_VALUES`, without recursion.

    Returns:
        How many JSON values ``value`` holds (itself included).

    Raises:
        LimitExceededError: too deep or too many values (also catches self-containing lists).
        ParseError: something that JSON cannot hold (a tuple, a non-str key, NaN, ...).
    """
    count = _quick_count(value)
    if count is not None:
        return count
    return _check_shape(value, path=path, check_types=True)


def _quick_count(value: object) -> int | None:
    """How many values ``value`` holds when it is plainly within the limits, else None.

    The common case, checked quickly: a scalar is counted where it sits (`_check_shape`
    pushes and pops every value). It gives up (None) at the first thing that needs a
    judgment: an exact type other than dict, list, str, int, bool, None or a finite float,
    a non-str key, a container at the depth limit or a count past it. Then `_check_shape`
    walks again and raises exactly as before, so which error a bad value gets never changes;
    giving up early keeps that at most two walks, linear like one.
    """
    kind = type(value)
    if kind is not dict and kind is not list:
        return None  # a lone scalar: no walk to save
    count = 1
    stack: list[tuple[Any, int]] = [(value, 1)]  # (container, depth of its children)
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return None
        if type(item) is dict:
            for key in item:
                if type(key) is not str:
                    return None
            children = item.values()
        else:
            children = item
        count += len(children)
        if count > MAX_VALUES:
            return None
        for child in children:
            kind = type(child)
            if (
                kind is str
                or child is None
                or kind is bool
                or (kind is int and -_INT_BOUND < child < _INT_BOUND)
            ):
                continue
            if kind is dict or kind is list:
                stack.append((child, depth + 1))
            elif kind is not float or not math.isfinite(child):
                return None
    return count


# The longest whole number read: Python turns an int into text (for a note, a headline
# given as a number) only up to `sys.get_int_max_str_digits()` digits, at least 640 whatever
# a process sets, and raises ValueError beyond. No page's metadata needs more digits.
MAX_INT_DIGITS: Final = 640
_INT_BOUND: Final = 10**MAX_INT_DIGITS


def _check_shape(value: object, *, path: str, check_types: bool) -> int:
    # An explicit stack of (container, depth); depth is checked when a container is pushed,
    # so a cyclic structure stops at MAX_DEPTH instead of looping.
    count = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise LimitExceededError(f"JSON holds more than {MAX_VALUES:,} values", path=path)
        children: Iterable[object]
        kind = type(item)
        if (
            kind is str
            or kind is bool
            or item is None
            or (kind is int and -_INT_BOUND < cast("int", item) < _INT_BOUND)
        ):
            continue  # the common scalars, which need no further check (type(), for speed)
        if isinstance(item, dict):
            if check_types:
                for key in item:
                    if not isinstance(key, str):
                        raise ParseError("JSON object keys must be strings", path=path)
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            if check_types or kind is int:  # parsed text can hold a number too long too
                _check_scalar(item, path=path)
            continue
        if depth + 1 > MAX_DEPTH:
            raise LimitExceededError(f"JSON nested deeper than {MAX_DEPTH} levels", path=path)
        # zip with repeat, not a generator: the same pairs, in the same order, made in C.
        stack.extend(zip(children, repeat(depth + 1)))
    return count


def _check_scalar(item: object, *, path: str) -> None:
    if isinstance(item, int) and not isinstance(item, bool) and not -_INT_BOUND < item < _INT_BOUND:
        raise ParseError(
            f"a whole number of more than {MAX_INT_DIGITS} digits is not read", path=path
        )
    if isinstance(item, float) and not math.isfinite(item):
        raise ParseError(f"{item} is not a JSON number", path=path)
    if item is not None and not isinstance(item, str | int | float):  # bool is an int
        raise ParseError(f"a {type(item).__name__} is not a JSON value", path=path)


# --- the bundled context and the offline loader ----------------------------------------------


@cache
def bundled_context() -> JsonObject:
    """Return the bundled schema.org context document (``{"@context": {...}}``).

    Generated from schema.org release 30.0 by ``scripts/generate_schemaorg.py``: every
    term maps to ``schema:Term``, ``@vocab`` is ``http://schema.org/``, no datatype
    coercions. The same object is returned on every call; do not mutate it.
    """
    # Imported here: importlib.resources brings tempfile, shutil, random, bz2 and lzma
    # (~4 ms), which reading a document never needs.
    from importlib import resources  # noqa: PLC0415

    text = resources.files(_DATA_PACKAGE).joinpath(_CONTEXT_FILE).read_text(encoding="utf-8")
    document = json.loads(text)
    assert isinstance(document, dict)
    return cast("JsonObject", document)


def is_schemaorg_context_url(url: str) -> bool:
    """Tell whether ``url`` names schema.org's JSON-LD context (served from the bundle).

    Accepted: ``http`` or ``https``, host ``schema.org`` or ``www.schema.org`` (any case),
    path empty, ``/``, ``/docs/jsonldcontext.json`` or ``/docs/jsonldcontext.jsonld``,
    with no query, fragment, user or port.

    >>> is_schemaorg_context_url("http://www.schema.org/"), is_schemaorg_context_url("https://schema.org/Article")
    (True, False)
    """
    parts = split_url(url)
    if parts is None:
        return False
    port = parts.port
    return (
        parts.scheme.lower() in {"http", "https"}
        and (parts.hostname or "") in _CONTEXT_HOSTS
        and parts.username is None
        and port is None
        and parts.path in _CONTEXT_PATHS
        and not parts.query
        and not parts.fragment
        and "?" not in url
        and "#" not in url
    )


class _RefusedContextError(Exception):
    """Raised inside pyld by the loader; turned into `RemoteContextError` on the way out."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def _load_document(url: str, _options: object) -> dict[str, object]:
    """Load documents for pyld: the bundled context for schema.org URLs, refusal otherwise."""
    if not is_schemaorg_context_url(url):
        raise _RefusedContextError(url)
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": bundled_context(),
        # The "static" tag makes the resolver keep the resolved context in its shared cache.
        "tag": "static",
    }


class _BundledContextCache(MutableMapping[str, object]):
    """The resolver's shared cache, holding only the bundled context, under one slot.

    pyld caches a resolved remote context under the URL it was fetched from, and inline
    contexts under their canonical JSON. Folding every schema.org URL form into one slot
    means the 3,000-term context is processed once per process, whichever form a page
    uses; dropping everything else keeps pages' own inline contexts from piling up.
    """

    def __init__(self) -> None:
        self._slot: object = None

    def __getitem__(self, key: str) -> object:
        if self._slot is None or not is_schemaorg_context_url(key):
            raise KeyError(key)
        return self._slot

    def __setitem__(self, key: str, value: object) -> None:
        if is_schemaorg_context_url(key):
            self._slot = value

    def __delitem__(self, key: str) -> None:
        raise KeyError(key)  # pyld never deletes; nothing else may

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0 if self._slot is None else 1


_SHARED_CACHE = _BundledContextCache()


@functools.cache
def _budgeted_resolver_class() -> Any:
    """Pyld's resolver, charging the work budget and reusing the processed bundled context.

    Built on first use, so that importing newspkg does not import pyld.
    """
    from pyld.context_resolver import ContextResolver  # noqa: PLC0415

    class BudgetedResolver(ContextResolver):  # type: ignore[misc]  # pyld is untyped
        def resolve(
            self, active_ctx: object, context: object, base: object, cycles: object = None
        ) -> list[object]:
            charge_resolve(context)
            resolved: list[object] = super().resolve(active_ctx, context, base, cycles)
            bundled = bundled_context()["@context"]
            for item in resolved:
                attach_cache(item, idempotent=getattr(item, "document", None) is bundled)
            return resolved

    return BudgetedResolver


def _options(base: str | None) -> dict[str, object]:

    return {
        # None, not "": pyld resolves relative IRIs against http://example.org/base/ when
        # the base is "", and leaves them relative only when it is None.
        "base": base or None,
        "documentLoader": _load_document,
        "contextResolver": _budgeted_resolver_class()(_SHARED_CACHE, _load_document),
        "processingMode": "json-ld-1.1",
    }


# --- JSON-LD operations ----------------------------------------------------------------------


def expand(doc: JsonValue | list[JsonObject], *, base: str | None = None) -> list[JsonObject]:
    """Expand a JSON-LD document offline.

    Args:
        doc: parsed JSON-LD (see `load_json`); a bare scalar expands to ``[]``.
        base: the page URL, used to resolve relative ``@id``s; when None they stay relative.

    Returns:
        The expanded node objects (full IRIs, every value in an array).

    Raises:
        RemoteContextError: the document names a context other than schema.org's.
        LimitExceededError: the document is too large or too deep (see `load_json`).
        ParseError: the document is not valid JSON-LD.
    """
    values = check_json_value(doc)
    if not isinstance(doc, dict | list):
        return []  # pyld would take a bare string for a URL to fetch
    jsonld = _pyld()
    result = _call_pyld(lambda: jsonld.expand(doc, _options(base)), values=values)
    return _object_list(result)


def compact(
    doc: JsonValue | list[JsonObject], context: JsonValue, *, base: str | None = None
) -> JsonObject:
    """Compact a JSON-LD document offline with ``context``.

    Args:
        doc: parsed JSON-LD.
        context: a context (object, array, or a schema.org context URL); a document with an
            ``@context`` key is accepted too.
        base: the page URL; when given, IRIs under it are compacted to relative ones.

    Raises:
        RemoteContextError: ``doc`` or ``context`` names a context other than schema.org's.
        LimitExceededError: the document is too large or too deep.
        ParseError: the document or the context is not valid JSON-LD.
    """
    values = check_json_value(doc) + check_json_value(context, path="@context")
    if not isinstance(doc, dict | list):
        doc = []
    if context is None:
        raise ParseError("the compaction context must not be null", path="@context")
    jsonld = _pyld()
    result = _call_pyld(lambda: jsonld.compact(doc, context, _options(base)), values=values)
    if not isinstance(result, dict):
        raise ParseError("JSON-LD compaction did not return an object")
    return cast("JsonObject", result)


def flatten(doc: JsonValue | list[JsonObject], *, base: str | None = None) -> list[JsonObject]:
    """Flatten a JSON-LD document offline: one expanded node object per subject.

    Nested nodes are pulled out to the top level and referenced by ``@id``; nodes without
    one get fresh blank-node labels (``_:b0``, ``_:b1``, ... numbered per call).

    Raises:
        RemoteContextError: the document names a context other than schema.org's.
        LimitExceededError: the document is too large or too deep.
        ParseError: the document is not valid JSON-LD.
    """
    values = check_json_value(doc)
    if not isinstance(doc, dict | list):
        return []
    jsonld = _pyld()
    result = _call_pyld(lambda: jsonld.flatten(doc, None, _options(base)), values=values)
    return _object_list(result)


def _pyld() -> Any:
    """Return pyld's ``jsonld`` module, imported on first use.

    Importing pyld costs more than the rest of newspkg together (it pulls in requests,
    aiohttp and lxml for document loaders newspkg never uses), and documents under
    schema.org's context alone never need it (`newspkg._jsonld.direct`). A batch worker
    that has not imported it hands the document back to the parent instead, so that a batch
    pays the import once (`newspkg._batch.handback`).
    """
    if "pyld.jsonld" not in sys.modules:
        hand_back_to_parent()
    from pyld import jsonld  # noqa: PLC0415

    return jsonld


def _object_list(result: object) -> list[JsonObject]:
    if not isinstance(result, list) or not all(isinstance(item, dict) for item in result):
        raise ParseError("JSON-LD processing did not return a list of node objects")
    return cast("list[JsonObject]", result)


def _call_pyld(operation: Callable[[], object], *, values: int) -> object:
    """Run a pyld operation on a budget for ``values`` JSON values, translating its errors."""
    try:
        # pyld warns (SyntaxWarning, UserWarning) about the document, e.g. a context term
        # starting with "@"; that is the document's business, not the caller's, and under
        # warnings-as-errors it would turn a readable document into an error. The lock
        # keeps the filter change and the work budget to one pyld call at a time.
        with _PYLD_LOCK, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            set_budget(WorkBudget(values=values))
            try:
                return operation()
            finally:
                set_budget(None)
    except RecursionError:
        raise LimitExceededError(
            "JSON-LD nested too deeply to process (contexts or values)"
        ) from None
    # pyld raises JsonLdError, but also bare ValueError/KeyError/TypeError from its IRI
    # resolver and context code on odd input; none of them may reach newspkg's callers.
    except Exception as error:
        raise _translate(error) from None


def _translate(error: BaseException) -> ParseError:
    chain = list(_causes(error))
    for cause in chain:
        if isinstance(cause, LimitExceededError):
            return cause  # the work budget, raised inside pyld (which may have wrapped it)
    for cause in chain:
        if isinstance(cause, _RefusedContextError):
            return RemoteContextError(
                f"remote @context {cause.url!r} is not bundled; newspkg only resolves "
                "schema.org's context and never fetches others",
                path="@context",
            )
    for cause in chain:
        # pyld's IRI resolver raises a bare ValueError for a relative @context reference
        # ("schema.org", "//schema.org") when there is no base URL to resolve it against.
        relative = _RELATIVE_IRI.search(str(cause)) if isinstance(cause, ValueError) else None
        if relative is not None:
            return RemoteContextError(
                f"@context {relative.group(1)!r} is relative and there is no base URL to "
                "resolve it against; pass the page URL as base",
                path="@context",
            )
    pyld_errors = [cause for cause in chain if isinstance(cause, _pyld().JsonLdError)]
    if pyld_errors:
        # The innermost JsonLdError says what is wrong; outer ones only say which step failed.
        innermost = pyld_errors[-1]
        code = f" ({innermost.code})" if innermost.code else ""
        return ParseError(f"invalid JSON-LD: {innermost.args[0]}{code}")
    return ParseError(f"invalid JSON-LD: {type(chain[-1]).__name__}: {chain[-1]}")


def _causes(error: BaseException) -> Iterator[BaseException]:
    """Yield ``error`` and its causes, outermost first; pyld chains with ``raise ... from``."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__
