"""newspkg's native JSON: the stable wire format services exchange articles in.

Keys are the model's field names; absent keys take the field's default (None
or an empty list); dates are ISO 8601 text ("2026-04-06" for a day,
"2026-04-06T09:30:00+02:00" for an instant); enums are their lower-case
values. The document carries ``"format_version": 2`` so the format can evolve.
docs/native-json.md documents every key.

Reading is strict: unknown keys, wrong JSON types and missing required keys are
all reported at once in one `ValidationError`, each with its JSON path. None of
cattrs' lenient coercions (``"false"`` → True, ``12.7`` → 12) get through.

Valid documents, the common case, are read on a quick path (orjson when installed, cattrs
without detailed validation, the models' compiled checks) that gives up at the first
problem; the document is then read again on the reporting path, which says what is wrong,
so the errors are exactly those of the reporting path alone (tests/test_native.py).
"""

import json
import sys
from collections.abc import Callable, Mapping
from contextlib import suppress
from functools import cache
from typing import Any, Final

from newspkg._fast_json import optional_orjson
from newspkg._json_limits import (
    MAX_DEPTH,
    check_text_depth,
    check_text_size,
    check_written_size,
    decode_json_bytes,
    is_digit_limit,
)
from newspkg._models import Article
from newspkg._native_converter import make_converter, problems_in, quick_converter
from newspkg._native_kind import VERSION_KEY
from newspkg._validation import check_option, shown_number
from newspkg.errors import (
    LimitExceededError,
    ParseError,
    ValidationError,
)

FORMAT_VERSION: Final = 2
"""The version of the native JSON format this release writes.

Version 2 added the newsroom fields (site, breadcrumbs, paywall, trust policies, live
updates, video, corrections, translations, image licensing); every version-1 document is
a version-2 document without them, so both are read.
"""

READ_VERSIONS: Final = frozenset({1, FORMAT_VERSION})

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
        raise ValidationError(list(problems_in(error, ""))) from None
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
        article: Article = _quick_article()(fields, Article)
    except Exception:
        return None
    return article


@cache
def _quick_article() -> Callable[[dict[str, Any], type[Article]], Article]:
    # The hook itself: converter.structure would look it up again on every call.
    hook: Callable[[dict[str, Any], type[Article]], Article] = quick_converter().get_structure_hook(
        Article
    )
    return hook


def to_json(article: Article, *, indent: int | None = 2) -> str:
    """Return ``article`` as native JSON text: deterministic and UTF-8 friendly.

    Keys come in the model's field order, after ``format_version``.

    Raises:
        ValidationError: ``article`` is not an `Article`.
        LimitExceededError: the text would be larger than `from_json` reads (5 MiB).
    """
    check_option("indent", indent, (int, type(None)), "a number of spaces, or None")
    if indent is not None and not 0 <= indent <= MAX_INDENT:
        shown = shown_number(indent)
        raise ValidationError(f"expected 0 to {MAX_INDENT} spaces, got {shown}", path="indent")
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


# Looked up through this name, so that tests can take orjson away from the native path.
_orjson = optional_orjson


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
    # nest six levels deep, objects and lists counted; tests/test_native.py checks it), so
    # text read quickly needs no walk.
    article = _read_quickly(text)
    if article is not None:
        return article
    check_text_depth(text)
    try:
        data = json.loads(text)
    except RecursionError:  # unreachable after the depth check; kept as a last guard
        raise LimitExceededError(f"JSON nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as error:  # not JSON, or an integer over Python's digit limit
        if is_digit_limit(error):
            limit = sys.get_int_max_str_digits()
            raise ParseError(f"a whole number of more than {limit:,} digits is not read") from None
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
