"""The JSON-LD document as the checks see it: nodes, their types and properties, with paths.

The checks walk the document as written (compacted, not expanded), so every path points at
what the editor typed: ``@graph[1].author[0].name``. Property names and types are read as
schema.org local names, whatever the spelling: ``headline``, ``schema:headline`` or
``http(s)://schema.org/headline``. Terms of other vocabularies, and terms an inline
``@context`` defines itself, are kept out of the vocabulary checks.

The walk is one pass over the document; ``@id`` references are resolved through an index of
the nodes that define them, so an author written once in a Yoast-style ``@graph`` is
checked where it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Final

import attrs

from newspkg._checks.findings import Finding, finding
from newspkg._jsonld.processing import JsonObject, JsonValue, is_schemaorg_context_url
from newspkg._schemaorg.mapping import SCHEMA_VOCABS
from newspkg._schemaorg.vocabulary import local_name, vocabulary
from newspkg.errors import join_path

__all__ = [
    "Document",
    "IsoDate",
    "Node",
    "Property",
    "Scope",
    "Value",
    "as_number",
    "as_text",
    "parse_iso_date",
    "read_document",
]

_KEYWORD_ALIASES: Final = {"id": "@id", "type": "@type"}  # defined by schema.org's context
_SIMPLE_KEY: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@:-")


@attrs.frozen(kw_only=True)
class Scope:
    """The ``@context`` in force at a node: whether bare terms are schema.org's.

    ``terms`` maps the terms an inline context defines to the schema.org name they stand
    for, or to None when they stand for something else.
    """

    schema: bool
    has_context: bool
    terms: tuple[tuple[str, str | None], ...] = ()

    def term(self, key: str) -> str | None:
        """The schema.org local name ``key`` stands for, or None when it is not schema.org's."""
        for defined, meaning in self.terms:
            if defined == key:
                return meaning
        name = local_name(key)
        if name is not None:
            return name
        if ":" in key or not self.schema:
            return None
        return key


@attrs.frozen(kw_only=True)
class Value:
    """One value of a property (arrays are flattened), with its path."""

    path: str
    raw: JsonValue


@attrs.frozen(kw_only=True)
class Property:
    """One key of a node as written, with the schema.org name it stands for (or None)."""

    key: str
    path: str
    name: str | None
    values: tuple[Value, ...]


@attrs.frozen(kw_only=True, eq=False)
class Node:
    """A node object of the document: an item with its types and properties.

    ``types`` are (path, as written, schema.org name or None) triples.
    """

    path: str
    data: JsonObject
    scope: Scope
    types: tuple[tuple[str, str, str | None], ...]
    properties: tuple[Property, ...]
    top_level: bool
    via: str | None  # the schema.org property this node is a value of, if any
    type_names: tuple[str, ...] = attrs.field(init=False)
    """The node's schema.org types that the vocabulary knows."""

    @type_names.default
    def _known_types(self) -> tuple[str, ...]:
        # Computed once: is_a asks for every node, often several times.
        vocab = vocabulary()
        return tuple(name for _, _, name in self.types if name and vocab.is_class(name))

    def is_a(self, cls: str) -> bool:
        """Whether one of the node's types is ``cls`` or a subclass of it."""
        vocab = vocabulary()
        return any(vocab.is_subclass(name, cls) for name in self.type_names)

    def values(self, name: str) -> tuple[Value, ...]:
        """Every value of schema.org property ``name``, whatever key spelled it."""
        return tuple(v for p in self.properties if p.name == name for v in p.values)

    def has(self, name: str) -> bool:
        """Whether the node gives property ``name`` a value that is not empty."""
        return any(not _is_empty(v.raw) for v in self.values(name))

    def first(self, name: str) -> Value | None:
        """The first non-empty value of property ``name``."""
        return next((v for v in self.values(name) if not _is_empty(v.raw)), None)

    @property
    def is_reference(self) -> bool:
        """Whether the node only points at another: an ``@id`` (and maybe a type), no values."""
        return not self.properties and node_id(self.data) is not None


@attrs.frozen(kw_only=True, eq=False)
class Document:
    """A walked JSON-LD document: its nodes in document order and the walk's own findings."""

    nodes: tuple[Node, ...]
    findings: tuple[Finding, ...]
    _by_object: dict[int, Node] = attrs.field(alias="by_object")
    _by_id: dict[str, Node] = attrs.field(alias="by_id")

    def node(self, value: JsonValue) -> Node | None:
        """The node a value is, or refers to by ``@id``; None for text, numbers and unknowns."""
        if not isinstance(value, dict):
            return None
        node = self._by_object.get(id(value))
        if node is not None and node.is_reference:
            return self._by_id.get(node_id(node.data) or "", node)
        return node

    @property
    def articles(self) -> tuple[Node, ...]:
        """The article items the page is about.

        Candidates are nodes typed Article (or a subtype) that are top-level (the root,
        items of a top-level array or of ``@graph``) or a ``mainEntity``; a reference
        (``{"@id": "#a"}``) stands for the node it names. When some
        candidates are marked as the page's main item (by ``mainEntityOfPage``, or by being
        a ``mainEntity``), only those count: a graph's other Article nodes are related
        reads or sources, not the page's article.
        """
        # Lists keep document order; the sets of id()s keep the membership tests O(1), so a
        # page of n articles costs n steps, not n².
        found: list[Node] = []
        main: list[Node] = []
        seen: set[int] = set()
        seen_main: set[int] = set()
        for node in self.nodes:
            if not (node.top_level or node.via == "mainEntity"):
                continue
            # Resolve a reference ({"@id": "#a"}) first: its types are where the node is
            # written (JSON-LD merges the types of both, so either may say Article).
            target = self.node(node.data) or node
            if not (target.is_a("Article") or node.is_a("Article")):
                continue
            if id(target) not in seen:
                seen.add(id(target))
                found.append(target)
            if (node.via == "mainEntity" or target.has("mainEntityOfPage")) and (
                id(target) not in seen_main
            ):
                seen_main.add(id(target))
                main.append(target)
        return tuple(main or found)


def node_id(data: JsonObject) -> str | None:
    """A node's ``@id`` (or its ``id`` alias) when it is text."""
    ident = data.get("@id", data.get("id"))
    return ident if isinstance(ident, str) else None


def as_text(value: JsonValue) -> str | None:
    """A text value: a string, or the string of a ``{"@value": ...}`` object."""
    if isinstance(value, dict):
        value = value.get("@value")
    return value if isinstance(value, str) else None


def as_number(value: JsonValue) -> float | None:
    """A number given as a number, numeric text ("1200", "1200px") or QuantitativeValue."""
    if isinstance(value, dict):
        value = value.get("@value", value.get("value"))
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip().removesuffix("px").strip()
        try:
            return float(text)
        except ValueError:
            return None
    return None


def _is_empty(value: JsonValue) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or value in ([], {})


def read_document(data: JsonValue, *, prefix: str = "$") -> Document:
    """Walk a parsed JSON-LD document, collecting its nodes and context findings."""
    walk = _Walk()
    start = Scope(schema=True, has_context=False)
    if isinstance(data, list):
        for index, item in enumerate(data):
            walk.top(item, join_path(prefix, f"[{index}]"), start)
    else:
        walk.top(data, prefix, start)
    return Document(
        nodes=tuple(walk.nodes),
        findings=tuple(walk.findings),
        by_object=walk.by_object,
        by_id=walk.by_id,
    )


class _Walk:
    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self.findings: list[Finding] = []
        self.by_object: dict[int, Node] = {}
        self.by_id: dict[str, Node] = {}

    def top(self, item: JsonValue, path: str, scope: Scope) -> None:
        if not isinstance(item, dict):
            self.findings.append(
                finding("jsonld-not-object", path, f"expected an object, found {_describe(item)}")
            )
            return
        scope = self.scope(item, path, scope)
        if not scope.has_context:
            self.findings.append(
                finding(
                    "jsonld-missing-context",
                    path,
                    'no @context: add "@context": "https://schema.org" so the terms mean '
                    "schema.org's",
                )
            )
        self.node(item, path, scope, top_level=True, via=None)

    def scope(self, item: JsonObject, path: str, scope: Scope) -> Scope:
        if "@context" not in item:
            return scope
        context = item["@context"]
        contexts = context if isinstance(context, list) else [context]
        schema, terms = scope.schema, dict(scope.terms)
        for index, entry in enumerate(contexts):
            where = join_path(
                path, "@context" + (f"[{index}]" if isinstance(context, list) else "")
            )
            if isinstance(entry, str):
                schema = self.context_url(entry, where)
            elif isinstance(entry, dict):
                schema = self.context_object(entry, where, schema=schema, terms=terms)
            elif entry is None:
                schema, terms = False, {}
        return Scope(schema=schema, has_context=True, terms=tuple(terms.items()))

    def context_url(self, url: str, path: str) -> bool:
        if is_schemaorg_context_url(url.strip()):
            return True
        intended = "schema.org" in url
        hint = ' (write "https://schema.org")' if intended else ""
        self.findings.append(
            finding(
                "jsonld-context-unknown",
                path,
                f"@context {url!r} is not schema.org's context{hint}",
            )
        )
        return intended

    def context_object(
        self, entry: JsonObject, path: str, *, schema: bool, terms: dict[str, str | None]
    ) -> bool:
        vocab = entry.get("@vocab")
        if isinstance(vocab, str):
            where = join_path(path, "@vocab")
            normal = vocab.strip()
            if normal in SCHEMA_VOCABS:
                schema = True
            elif normal.rstrip("/") + "/" in SCHEMA_VOCABS:
                schema = True
                self.findings.append(
                    finding(
                        "jsonld-vocab-without-slash",
                        where,
                        f"@vocab {vocab!r} lacks the trailing slash: terms expand to "
                        f"'{normal}NewsArticle'; write \"https://schema.org/\"",
                    )
                )
            else:
                schema = False
                self.findings.append(
                    finding(
                        "jsonld-context-unknown", where, f"@vocab {vocab!r} is not schema.org's"
                    )
                )
        for key, definition in entry.items():
            if key.startswith("@"):
                continue
            target = definition.get("@id") if isinstance(definition, dict) else definition
            terms[key] = local_name(target) if isinstance(target, str) else None
        return schema

    def node(
        self, item: JsonObject, path: str, scope: Scope, *, top_level: bool, via: str | None
    ) -> None:
        if "@value" in item:
            return
        scope = self.scope(item, path, scope)
        properties: list[Property] = []
        for key, raw in item.items():
            keyword = _KEYWORD_ALIASES.get(key, key) if scope.schema else key
            key_path = join_path(path, _path_key(key))
            if keyword in {"@context", "@id", "@type", "@value", "@language", "@reverse"}:
                continue
            if keyword == "@graph":
                for value in _flatten(raw, key_path):
                    self.child(value, scope, top_level=top_level, via=None)
                continue
            name = None if keyword.startswith("@") else scope.term(key)
            values = tuple(_flatten(raw, key_path))
            properties.append(Property(key=key, path=key_path, name=name, values=values))
            for value in values:
                self.child(value, scope, top_level=False, via=name)
        if "@graph" in item and not properties and "@type" not in item:
            return  # a bare container: {"@context": ..., "@graph": [...]}
        node = Node(
            path=path,
            data=item,
            scope=scope,
            types=tuple(_types(item, path, scope)),
            properties=tuple(properties),
            top_level=top_level,
            via=via,
        )
        self.nodes.append(node)
        self.by_object[id(item)] = node
        ident = node_id(item)
        if ident and not node.is_reference and ident not in self.by_id:
            self.by_id[ident] = node

    def child(self, value: Value, scope: Scope, *, top_level: bool, via: str | None) -> None:
        if isinstance(value.raw, dict):
            self.node(value.raw, value.path, scope, top_level=top_level, via=via)


def _types(item: JsonObject, path: str, scope: Scope) -> Iterator[tuple[str, str, str | None]]:
    key = "@type" if "@type" in item else "type" if scope.schema and "type" in item else None
    if key is None:
        return
    for value in _flatten(item[key], join_path(path, key)):
        if isinstance(value.raw, str):
            yield (value.path, value.raw, scope.term(value.raw.strip()))


def _flatten(raw: JsonValue, path: str) -> Iterator[Value]:
    """The values of a property: array items one by one, ``@list``/``@set`` opened."""
    if isinstance(raw, list):
        for index, item in enumerate(raw):
            yield from _flatten(item, f"{path}[{index}]")
    elif isinstance(raw, dict) and ("@list" in raw or "@set" in raw):
        key = "@list" if "@list" in raw else "@set"
        yield from _flatten(raw[key], join_path(path, key))
    else:
        yield Value(path=path, raw=raw)


def _path_key(key: str) -> str:
    """A key as a path step: bare when simple, ``["..."]`` otherwise (IRIs, spaces)."""
    if key and set(key) <= _SIMPLE_KEY:
        return key
    escaped = key.replace("\\", "\\\\").replace('"', '\\"')
    return f'["{escaped}"]'


def _describe(value: JsonValue) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"text {value[:40]!r}"
    if isinstance(value, list):
        return "an array"
    return f"the number {value}"


# --- ISO 8601 values ------------------------------------------------------------------------

_ISO_DATE: Final = re.compile(
    r"""
    (?P<y>\d{4})-?(?P<mo>\d{2})-?(?P<d>\d{2})
    (?:T(?P<h>\d{2}):?(?P<mi>\d{2})(?::?(?P<s>\d{2})(?P<f>[.,]\d+)?)?
       (?P<zone>Z|(?P<sign>[+-])(?P<zh>\d{2})(?::?(?P<zm>\d{2}))?)?
    )?
    """,
    re.VERBOSE | re.ASCII,
)


@attrs.frozen(kw_only=True)
class IsoDate:
    """A date read from ISO 8601 text: a `date`, or a `datetime` (naive without a zone)."""

    value: date | datetime
    has_time: bool
    has_zone: bool


def parse_iso_date(text: str) -> IsoDate | None:
    """Read an ISO 8601 date or date-time (extended or basic format), or None when it is not one.

    >>> parse_iso_date("2026-04-06T09:30:00+02:00").has_zone
    True
    >>> parse_iso_date("2026-04-06 09:30") is None
    True
    """
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        return None
    parts = match.groupdict()
    try:
        day = date(int(parts["y"]), int(parts["mo"]), int(parts["d"]))
        if parts["h"] is None:
            return IsoDate(value=day, has_time=False, has_zone=False)
        zone = None
        if parts["zone"] == "Z":
            zone = UTC
        elif parts["zone"]:
            offset = timedelta(hours=int(parts["zh"]), minutes=int(parts["zm"] or 0))
            zone = timezone(-offset if parts["sign"] == "-" else offset)
        fraction = float((parts["f"] or ".0").replace(",", "."))
        moment = datetime(
            day.year,
            day.month,
            day.day,
            int(parts["h"]),
            int(parts["mi"]),
            int(parts["s"] or 0),
            round(fraction * 1_000_000) % 1_000_000,
            tzinfo=zone,
        )
    except ValueError:  # month 13, hour 25, offset beyond a day
        return None
    return IsoDate(value=moment, has_time=True, has_zone=zone is not None)
