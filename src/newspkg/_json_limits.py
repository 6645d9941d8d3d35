"""The limits every JSON reader and writer in newspkg shares, and the checks that apply them.

Native JSON and JSON-LD are read with the same limits, checked before any parsing that
could recurse or take long: at most `MAX_TEXT_SIZE` of text, nested at most `MAX_DEPTH`
deep. Writers refuse up front a document larger than the readers accept, so what newspkg
writes, newspkg reads. docs/limits.md lists every limit and the error it raises.
"""

from __future__ import annotations

import json
import re
from typing import Final

from newspkg.errors import LimitExceededError, ParseError

__all__ = [
    "MAX_DEPTH",
    "MAX_TEXT_SIZE",
    "MAX_VALUES",
    "check_text_depth",
    "check_text_size",
    "check_written_size",
    "decode_json_bytes",
    "is_digit_limit",
]

MAX_TEXT_SIZE: Final = 5 * 1024 * 1024
"""Largest JSON text accepted: 5 MiB (bytes for `bytes` input, characters for `str`)."""
MAX_DEPTH: Final = 64
"""Deepest nesting of arrays and objects accepted (``[[1]]`` has depth 2)."""
MAX_VALUES: Final = 1_000_000
"""Most values (objects, arrays, keys' values and scalars) accepted in one document."""

# A JSON string (escapes skipped, unterminated allowed) or one bracket: enough to measure
# nesting without parsing, because brackets inside strings are consumed by the first branch.
_STRUCTURE: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


def check_text_size(text: str | bytes, *, path: str = "$") -> None:
    """Refuse JSON text longer than `MAX_TEXT_SIZE` (bytes or characters, as given)."""
    if len(text) > MAX_TEXT_SIZE:
        unit = "bytes" if isinstance(text, bytes) else "characters"
        raise LimitExceededError(
            f"JSON text is {len(text):,} {unit}; the limit is {MAX_TEXT_SIZE:,}", path=path
        )


def decode_json_bytes(data: bytes, *, path: str = "$") -> str:
    """Decode JSON bytes (UTF-8, -16 or -32, as RFC 8259 allows) after the size check."""
    check_text_size(data, path=path)
    encoding = json.detect_encoding(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        message = f"JSON text is not valid {encoding} (byte {error.start})"
        raise ParseError(message, path=path) from None


def check_text_depth(text: str, *, path: str = "$") -> None:
    """Refuse text nested deeper than `MAX_DEPTH` before `json.loads` recurses into it."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # too few brackets (strings' included) to nest that deep: skip the walk
    depth = 0
    for match in _STRUCTURE.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise LimitExceededError(f"JSON nested deeper than {MAX_DEPTH} levels", path=path)
        elif bracket in "]}":
            depth -= 1


def check_written_size(text: str, *, what: str) -> None:
    """Refuse to write JSON text that newspkg's own readers would refuse as too large.

    The text is measured in UTF-8 bytes, the larger of the two measures readers apply.
    """
    if len(text) * 4 <= MAX_TEXT_SIZE:
        return  # cannot be over the limit in any encoding newspkg writes: skip the encode
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_SIZE:
        raise LimitExceededError(
            f"the {what} would be {size:,} bytes of UTF-8; newspkg reads at most "
            f"{MAX_TEXT_SIZE:,}, so it does not write it (shorten the body)"
        )


def is_digit_limit(error: ValueError) -> bool:
    """Whether ``error`` is Python's refusal to turn text of too many digits into an int.

    `json` lets it through as a plain ValueError whose words tell the caller to call
    ``sys.set_int_max_str_digits()``: advice for the program, not for whoever wrote the input.
    """
    return "integer string conversion" in str(error)
