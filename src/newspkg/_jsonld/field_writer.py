"""Each mapping table's scalar fields written by a function compiled once, like attrs' ``__init__``.

`encode.put_fields` walks every row of a table for every item and picks each value's encoding
at run time. Most fields of a real page are empty, and an Article row list has about twenty
rows, so the writer spent more time on the walk than on the values. `field_writer` turns a
table into straight-line code instead, once per table (and property override): one attribute
read and one ``is not None`` test per field, each value's JSON-LD form written inline. It
writes exactly what `put_fields` writes, in the same key order (``tests/test_jsonld_fields.py``
compares the two on generated articles of every model type). `FieldWriters` holds the
writer of each kind of node the graph writer makes, compiled on first use.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Final, NamedTuple

from newspkg._jsonld.encode import PLAIN, iso_duration
from newspkg._jsonld.processing import JsonObject
from newspkg._models import AuthorKind
from newspkg._schemaorg import mapping as m

__all__ = ["FieldWriter", "FieldWriters", "compiled_writers", "field_writer"]

FieldWriter = Callable[[JsonObject, Any], None]
"""Writes the non-empty scalar fields of one item into a node: ``write(node, item)``."""

# Shapes whose model value is a tuple: empty when ``()``, the rest never are (models hold
# None for an absent scalar; their converters turn every list into a tuple).
_MANY: Final = frozenset({m.Value.TEXTS, m.Value.URLS, m.Value.KEYWORDS})

# Each shape's JSON-LD form as an expression of the field's value ``v``, as `encode.encode`
# builds it. Expressions that build an object are evaluated once per field, so every property
# of a field shares one object, as `put_fields` shares it.
_EXPRESSIONS: Final[Mapping[m.Value, str]] = {
    m.Value.DATE: "v.isoformat()",
    m.Value.PIXELS: f"{{'@type': {m.PIXELS_TYPE!r}, 'value': v, 'unitCode': {m.PIXEL_UNIT!r}}}",
    m.Value.PLACE: f"{{'@type': {m.PLACE_TYPE!r}, 'name': v}}",
    m.Value.ORGANIZATION_NAME: f"{{'@type': {m.ORGANIZATION_TYPE!r}, 'name': v}}",
    m.Value.STORY_COUNT: (
        f"{{'@type': {m.COUNTER_TYPE!r}, "
        f"'interactionType': {{'@type': {m.WRITE_ACTION_TYPE!r}}}, "
        "'userInteractionCount': v}"
    ),
    m.Value.DURATION: "iso_duration(v)",
    # A keyword that holds a comma is a DefinedTerm, so that readers do not split it.
    m.Value.KEYWORDS: f"[{{'@type': {m.KEYWORD_TYPE!r}, 'name': k}} if ',' in k else k for k in v]",
    m.Value.TEXTS: "list(v)",
    m.Value.URLS: "list(v)",
}

_COMPILED: Final[dict[tuple[int, tuple[tuple[str, str], ...]], FieldWriter]] = {}


def field_writer(
    table: Mapping[str, m.Term], props: tuple[tuple[str, str], ...] = ()
) -> FieldWriter:
    """The compiled writer of ``table``'s scalar rows (each table and override compiled once).

    ``props`` pairs a field with the one property written instead of the row's own, as
    `put_fields`' ``props`` does (a video's ``url`` is its ``thumbnailUrl``).
    """
    key = (id(table), props)
    writer = _COMPILED.get(key)
    if writer is None:
        writer = _COMPILED[key] = _compile(table, dict(props))
    return writer


def _compile(table: Mapping[str, m.Term], props: Mapping[str, str]) -> FieldWriter:
    lines = ["def write(node, item):"]
    for field, term in table.items():
        if term.value is m.Value.NODE:
            continue  # the graph writer builds nodes and references itself
        # Field and property names go into the source: only identifiers and quoted reprs.
        assert field.isidentifier(), field
        written = (props[field],) if field in props else term.props
        lines.append(f"    v = item.{field}")
        lines.append("    if v:" if term.value in _MANY else "    if v is not None:")
        expression = "v" if term.value in PLAIN else _EXPRESSIONS[term.value]
        if len(written) > 1 and expression != "v":
            lines.append(f"        v = {expression}")
            expression = "v"
        lines += [f"        node[{prop!r}] = {expression}" for prop in written]
    if len(lines) == 1:
        lines.append("    pass")
    source = "\n".join(lines) + "\n"
    name = next(name for name, value in vars(m).items() if value is table)
    overrides = "".join(f" {field}={prop}" for field, prop in props.items())
    filename = f"<newspkg field writer {name}{overrides}>"
    # Registered like attrs' generated code, so a traceback shows the line that failed.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    namespace: dict[str, Any] = {"iso_duration": iso_duration}
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 (our own code, from our tables)
    writer: FieldWriter = namespace["write"]
    return writer


class FieldWriters(NamedTuple):
    """The scalar-field writer of each kind of node, looked up once, not per item."""

    article: FieldWriter
    image: FieldWriter
    video_image: FieldWriter  # a video figure's fields: its url is the thumbnail
    video: FieldWriter
    authors: Mapping[AuthorKind, FieldWriter]  # a person works in a workLocation
    publisher: FieldWriter
    site: FieldWriter
    crumb: FieldWriter
    live_update: FieldWriter
    source: FieldWriter
    related: FieldWriter
    correction: FieldWriter
    update: FieldWriter
    translation: FieldWriter

    @classmethod
    def made_by(
        cls, make: Callable[[Mapping[str, m.Term], tuple[tuple[str, str], ...]], FieldWriter]
    ) -> FieldWriters:
        """Every writer made by ``make(table, props)``: compiled, or the generic reference."""
        return cls(
            article=make(m.ARTICLE, ()),
            image=make(m.FIGURE, ()),
            video_image=make(m.FIGURE, (("url", m.VIDEO_THUMBNAIL),)),
            video=make(m.VIDEO, ()),
            authors={
                kind: make(m.AUTHOR, (("location", prop),))
                for kind, prop in m.AUTHOR_LOCATION.items()
            },
            publisher=make(m.PUBLISHER, ()),
            site=make(m.SITE, ()),
            crumb=make(m.CRUMB, ()),
            live_update=make(m.LIVE_UPDATE, ()),
            source=make(m.SOURCE, ()),
            related=make(m.RELATED, ()),
            correction=make(m.CORRECTION, ()),
            update=make(m.UPDATE, ()),
            translation=make(m.TRANSLATION, ()),
        )


@cache
def compiled_writers() -> FieldWriters:
    """The writer's field writers, compiled on first use (not when newspkg is imported)."""
    return FieldWriters.made_by(field_writer)
