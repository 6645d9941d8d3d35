"""A tolerant repair pass for the JSON text pages put in ``<script type="application/ld+json">``.

Browsers never parse these blocks and search engines read them leniently, so pages ship
JSON that `json.loads` refuses. `repair_json` fixes the common slips in one linear pass
over the text, never inside strings:

- ``//`` line comments and ``/* */`` block comments are removed;
- a comma right before ``}`` or ``]`` (a trailing comma) is removed;
- raw control characters inside strings (tabs, newlines) are escaped;
- two or more top-level values in one block (``{...}{...}``) become one list.

`fix_key_case` then renames capitalised keys (``Headline``, ``DatePublished``) to the
schema.org property they spell, when the property exists and the lower-case key is absent.
Both return what they did, in words, for a provenance note. Anything else stays broken.
"""

from __future__ import annotations

from typing import Final

from newspkg._jsonld.processing import MAX_TEXT_SIZE, JsonValue
from newspkg._schemaorg.vocabulary import vocabulary

__all__ = ["fix_key_case", "repair_json"]

_MAX_NODES: Final = 100_000  # the walk of `fix_key_case` stops here (load_json's limits are lower)


def repair_json(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with its slips repaired, and what was repaired (empty when nothing was).

    >>> repair_json('{"a": 1, /* one */ "b": [2,],}')
    ('{"a": 1,  "b": [2]}', ('a /* */ comment', 'trailing commas'))
    """
    if len(text) > MAX_TEXT_SIZE:
        return text, ()  # load_json refuses it anyway; no work on a block that large
    out: list[str] = []
    repairs: dict[str, None] = {}
    depth = tops = 0
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == '"':
            i = _string(text, i, out, repairs)
            continue
        if char == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            repairs["a // comment"] = None
            continue
        if char == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            repairs["a /* */ comment"] = None
            continue
        if char == "," and depth == 0:
            i += 1  # between top-level values: the list below puts its own commas
            continue
        if char == "," and _next_significant(text, i + 1) in {"}", "]"}:
            repairs["trailing commas"] = None
            i += 1
            continue
        if char in "{[":
            if depth == 0:
                if tops:
                    out.append(",")
                tops += 1
            depth += 1
        elif char in "}]":
            depth -= 1
        out.append(char)
        i += 1
    fixed = "".join(out)
    if tops > 1:
        repairs[f"{tops} top-level values in one block, read as a list"] = None
        fixed = f"[{fixed}]"
    return fixed, tuple(repairs)


def _string(text: str, start: int, out: list[str], repairs: dict[str, None]) -> int:
    """Copy the string starting at ``start`` to ``out``; return the index after it."""
    i, n = start + 1, len(text)
    out.append('"')
    while i < n:
        char = text[i]
        if char == "\\":
            out.append(text[i : i + 2])
            i += 2
            continue
        if char == '"':
            out.append(char)
            return i + 1
        if char < " ":
            out.append(f"\\u{ord(char):04x}")
            repairs["raw control characters in strings"] = None
        else:
            out.append(char)
        i += 1
    return n


def _next_significant(text: str, i: int) -> str | None:
    """The next character after ``i`` that is not white space, or None at the end."""
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return text[i] if i < n else None


def fix_key_case(data: JsonValue) -> tuple[JsonValue, tuple[str, ...]]:
    """``data`` with capitalised keys that spell a schema.org property renamed, and which.

    >>> fix_key_case({"@type": "NewsArticle", "Headline": "Hi"})
    ({'@type': 'NewsArticle', 'headline': 'Hi'}, ("'Headline' read as 'headline'",))
    """
    renamed: dict[str, None] = {}
    budget = [_MAX_NODES]

    def walk(value: JsonValue) -> JsonValue:
        budget[0] -= 1
        if budget[0] < 0:
            return value
        if isinstance(value, list):
            return [walk(item) for item in value]
        if not isinstance(value, dict):
            return value
        result: dict[str, JsonValue] = {}
        for key, item in value.items():
            fixed = key
            if key[:1].isupper():
                lower = key[0].lower() + key[1:]
                if lower not in value and vocabulary().is_property(lower):
                    fixed = lower
                    renamed[f"{key!r} read as {lower!r}"] = None
            result[fixed] = walk(item)
        return result

    fixed = walk(data)
    return (fixed, tuple(renamed)) if renamed else (data, ())
