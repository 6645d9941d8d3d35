"""Encoding model values as JSON-LD, as the mapping table's rows say.

`encode` turns one value into its JSON-LD form by its `Value` shape (dates as ISO 8601, pixel
sizes as QuantitativeValues, durations as ISO 8601 durations, ...). `put_fields` writes every
scalar field of an item that has a value by walking the table's rows: the writer runs the same
rows compiled into straight-line code (`newspkg._jsonld.field_writer`), and the tests hold the
compiled writers to this walk, the plain statement of what a row writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from newspkg._jsonld.processing import JsonObject, JsonValue
from newspkg._schemaorg import mapping as m

__all__ = ["PLAIN", "encode", "iso_duration", "put_fields"]


def put_fields(
    node: JsonObject,
    table: Mapping[str, m.Term],
    item: object,
    *,
    props: Mapping[str, str] | None = None,
) -> None:
    """Write every scalar field of ``item`` that has a value, as ``table`` says."""
    for field, written, shape, plain in _scalar_rows(table):
        # Most fields of a real page are empty: skip them before any encoding.
        value = getattr(item, field)
        if value is None or value == ():
            continue
        encoded = value if plain else encode(shape, value)
        if props is not None and field in props:
            node[props[field]] = encoded
        else:
            for prop in written:
                node[prop] = encoded


# Shapes whose model value is already its JSON (text, URLs, tags, flags, counts).
PLAIN: Final = frozenset({m.Value.TEXT, m.Value.URL, m.Value.LANGUAGE, m.Value.FLAG, m.Value.COUNT})
_Row = tuple[str, tuple[str, ...], m.Value, bool]
_ROWS: Final[dict[int, tuple[_Row, ...]]] = {}


def _scalar_rows(table: Mapping[str, m.Term]) -> tuple[_Row, ...]:
    """The rows of ``table`` the generic encoder writes (worked out once per table)."""
    rows = _ROWS.get(id(table))
    if rows is None:
        rows = tuple(
            (field, term.props, term.value, term.value in PLAIN)
            for field, term in table.items()
            if term.value is not m.Value.NODE
        )
        _ROWS[id(table)] = rows
    return rows


def encode(value: m.Value, item: object) -> JsonValue:  # noqa: PLR0911
    """The JSON-LD form of one field value; None when there is nothing to write."""
    if item is None or item == ():
        return None
    match value:
        case m.Value.DATE:
            assert isinstance(item, date)
            return item.isoformat()
        case m.Value.PIXELS:
            return {"@type": m.PIXELS_TYPE, "value": _json(item), "unitCode": m.PIXEL_UNIT}
        case m.Value.PLACE:
            return {"@type": m.PLACE_TYPE, "name": _json(item)}
        case m.Value.ORGANIZATION_NAME:
            return {"@type": m.ORGANIZATION_TYPE, "name": _json(item)}
        case m.Value.STORY_COUNT:
            return {
                "@type": m.COUNTER_TYPE,
                "interactionType": {"@type": m.WRITE_ACTION_TYPE},
                "userInteractionCount": _json(item),
            }
        case m.Value.DURATION:
            assert isinstance(item, int)
            return iso_duration(item)
        case m.Value.KEYWORDS:
            assert isinstance(item, tuple)
            # Text keywords are comma-separated lists to every reader (ours included), so a
            # keyword that holds a comma is written as a DefinedTerm and stays whole.
            return [
                {"@type": m.KEYWORD_TYPE, "name": keyword} if "," in keyword else keyword
                for keyword in item
            ]
        case m.Value.TEXTS | m.Value.URLS:
            assert isinstance(item, tuple)
            return [_json(part) for part in item]
        case _:
            return _json(item)


def _json(item: object) -> JsonValue:
    """A model scalar (text, number, flag) as JSON."""
    assert isinstance(item, str | int | bool)
    return item


def iso_duration(seconds: int) -> str:
    """Whole seconds as an ISO 8601 duration: 95 → ``PT1M35S``, 0 → ``PT0S``."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else ""]
    parts.append(f"{secs}S" if secs or not (hours or minutes) else "")
    return "PT" + "".join(parts)
