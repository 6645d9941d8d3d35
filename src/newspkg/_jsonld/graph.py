"""Expanded JSON-LD as a small typed graph: nodes, literals and ``@id`` references.

The reader never walks JSON-LD as bare JSON. `newspkg._jsonld.direct_graph.read_graph` parses
the input and builds this graph: straight from the parsed JSON for documents that only use
schema.org's context (`newspkg._jsonld.direct_graph`), else from the expanded form pyld gives
(`Graph` from a list of expanded node objects). Either way `Node`s have property names that
are schema.org local names. `Graph.path` finds where a node sits in the *original* document
(so errors can say ``@graph[2].headline``). Every shape a page can use (``@graph``, arrays,
compact or expanded or flattened, any schema.org namespace) ends up as the same graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import Final, TypeAlias

import attrs

from newspkg._jsonld.direct import expand_document
from newspkg._jsonld.processing import JsonObject, JsonValue
from newspkg._schemaorg.mapping import SCHEMA_VOCABS
from newspkg._schemaorg.vocabulary import local_name

__all__ = ["PATH_IRI", "Graph", "Item", "Literal", "Node", "Ref", "literal", "with_fixed_contexts"]

# An absolute IRI no context defines: it survives expansion unchanged on every node.
PATH_IRI: Final = "urn:x-newspkg:path"
# Keys whose values are node objects or arrays of them (all other keywords hold no nodes).
_NODE_KEYWORDS: Final = frozenset({"@graph", "@list", "@set", "@included"})


@attrs.frozen
class Literal:
    """A value: text, a number or a flag (``@value`` in expanded JSON-LD)."""

    value: str | int | float | bool


_new_literal: Final = Literal.__new__
# The slot's own setter: what the frozen class's __setattr__ refuses, without looking the
# slot up by name on every call as object.__setattr__ does.
_set_value: Final = Literal.__dict__["value"].__set__


def literal(value: str | int | float | bool) -> Literal:
    """``Literal(value)``, made without the frozen class's ``__init__``.

    That ``__init__`` only sets the one slot, through a bound ``object.__setattr__`` it
    looks up per call (~3x the cost of this); the graph makes a literal for every value of
    a page. The object is the same (tests/test_jsonld_direct.py compares them, and checks
    that `Literal` still has no validator, converter or post-init that this would skip).
    """
    made = _new_literal(Literal)
    _set_value(made, value)
    return made


@attrs.frozen
class Ref:
    """A reference to a node by ``@id``, resolved through `Graph.node`."""

    id: str


@attrs.define(eq=False)
class Node:
    """A node: its ``@id``, schema.org types, properties and where it is in the input."""

    id: str | None
    path: str
    nested: bool = False  # embedded as another node's value, not a node of the document
    types: list[str] = attrs.Factory(list)
    props: dict[str, list[Item]] = attrs.Factory(dict)

    def has_type(self, names: AbstractSet[str]) -> bool:
        """Tell whether any of the node's types is in ``names``."""
        return not names.isdisjoint(self.types)


Item: TypeAlias = Literal | Ref | Node


class Graph:
    """Every node of an expanded document, with nodes sharing an ``@id`` merged into one."""

    def __init__(
        self, expanded: list[JsonObject], *, source: JsonValue = None, base: str | None = None
    ) -> None:
        self.nodes: list[Node] = []
        self._by_id: dict[str, Node] = {}
        self._source = source
        self._base = base
        self._marked: Graph | None = None  # the same graph with JSON paths, made on demand
        self._positions: dict[int, int] | None = None  # id(node) -> index, made on demand
        for index, item in enumerate(expanded):
            self._node(item, f"[{index}]")

    def path(self, node: Node) -> str:
        """Return where ``node`` is in the original document, e.g. ``@graph[2]``.

        Expansion loses positions, so on demand (only for error messages) the document is
        expanded again with every typed node object marked with its JSON path: the extra
        property changes no node, so the n-th node of both graphs is the same node.
        """
        if self._source is None:
            return node.path
        if self._marked is None:
            marked_source = _mark_paths(self._source, "$")
            self._marked = Graph(expand_document(marked_source, base=self._base))
        marked = self._marked
        if self._positions is None:
            # One map for every path asked: a page of n unreadable articles asks n times.
            self._positions = {id(known): index for index, known in enumerate(self.nodes)}
        index = self._positions.get(id(node))
        if index is None or index >= len(marked.nodes):
            return node.path
        return marked.nodes[index].path

    def node(self, item: Item) -> Node | None:
        """Return the node ``item`` is or refers to; None for literals and dangling refs."""
        if isinstance(item, Node):
            return item
        if isinstance(item, Ref):
            return self._by_id.get(item.id)
        return None

    def items(self, node: Node, props: Iterable[str]) -> Sequence[Item]:
        """The values of ``props`` on ``node``, property by property (not to be changed)."""
        # A sequence, not a generator: this runs a few dozen times per article, and when one
        # property has values (the usual case) its own list is returned, not copied.
        present = node.props
        found: Sequence[Item] = ()
        merged: list[Item] | None = None
        for prop in props:
            values = present.get(prop)
            if not values:
                continue
            if merged is not None:
                merged += values
            elif found:
                found = merged = [*found, *values]
            else:
                found = values
        return found

    def nodes_of(self, node: Node, props: Iterable[str]) -> Iterator[Node]:
        """Yield the nodes the values of ``props`` are or refer to."""
        for item in self.items(node, props):
            target = self.node(item)
            if target is not None:
                yield target

    def texts(self, node: Node, props: Iterable[str]) -> list[str]:
        """Return the text (and number) values of ``props``, stripped, empty ones left out."""
        found = []
        present = node.props
        for prop in props:
            for item in present.get(prop, ()):
                # type(), not isinstance: Literal is final, and this runs for every text read.
                if type(item) is Literal and type(value := item.value) is not bool:
                    text = (value if type(value) is str else str(value)).strip()
                    if text:
                        found.append(text)
        return found

    def text(self, node: Node, props: Iterable[str]) -> str | None:
        """Return the first text value of ``props``, or None."""
        texts = self.texts(node, props)
        return texts[0] if texts else None

    def _node(self, obj: JsonObject, path: str, *, nested: bool = False) -> Node | Ref:
        node_id = obj.get("@id")
        node_id = node_id if isinstance(node_id, str) else None
        marked = _first_value(obj.get(PATH_IRI))
        node = Node(id=node_id, path=marked if isinstance(marked, str) else path, nested=nested)
        position = self.begin(node)
        for key, values in obj.items():
            if key == "@type" and isinstance(values, list):
                node.types.extend(_type_names(values))
            elif key == "@graph" and isinstance(values, list):
                for index, item in enumerate(values):
                    if isinstance(item, dict):
                        self._node(item, f"{path}.@graph[{index}]")
            elif not key.startswith("@") and key != PATH_IRI and isinstance(values, list):
                name = local_name(key)
                if name is not None:
                    node.props[name] = self._items(values, node.path, name)
        return self.settle(node, position)

    def begin(self, node: Node) -> int:
        """Add ``node`` before its children (document order); return its position."""
        self.nodes.append(node)
        return len(self.nodes) - 1

    def settle(self, node: Node, position: int) -> Node | Ref:
        """Finish ``node`` once its children are added.

        A node sharing an ``@id`` with an earlier one is merged into it; a node that only
        names an ``@id`` becomes a reference.
        """
        node_id = node.id
        if node_id is None:
            return node
        known = self._by_id.get(node_id)
        if known is not None or (not node.types and not node.props):
            del self.nodes[position]  # only its own children follow it
        if not node.types and not node.props:
            return Ref(node_id)
        if known is not None:
            known.types.extend(name for name in node.types if name not in known.types)
            for name, items in node.props.items():
                known.props.setdefault(name, []).extend(items)
            known.nested = known.nested and node.nested
            return known
        self._by_id[node_id] = node
        return node

    def _items(self, values: list[JsonValue], parent: str, name: str) -> list[Item]:
        # A list, not a generator: this runs for every value of every node.
        items: list[Item] = []
        for index, value in enumerate(values):
            if not isinstance(value, dict):
                continue
            if "@value" in value:
                literal = value["@value"]
                if isinstance(literal, str | int | float | bool):
                    items.append(Literal(literal))
            elif "@list" in value:
                listed = value["@list"]
                if isinstance(listed, list):
                    items.extend(self._items(listed, parent, name))
            else:
                # The path of a nested node is built only when there is one.
                items.append(self._node(value, f"{parent}.{name}[{index}]", nested=True))
        return items


def _first_value(values: JsonValue) -> JsonValue:
    if isinstance(values, list) and values and isinstance(values[0], dict):
        return values[0].get("@value")
    return None


def _type_names(values: list[JsonValue]) -> Iterator[str]:
    for value in values:
        if isinstance(value, str):
            name = local_name(value)
            if name is not None:
                yield name


def _mark_paths(value: JsonValue, path: str) -> JsonValue:
    """Return a copy of ``value`` where every typed node object carries its JSON path.

    Only objects with a ``@type`` (or its alias ``type``) are marked: they are surely node
    objects, never value objects, language maps or contexts, so the extra property cannot
    change what the document means.
    """
    if isinstance(value, list):
        prefix = "" if path == "$" else path
        return [_mark_paths(item, f"{prefix}[{index}]") for index, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    copy: JsonObject = {}
    for key, item in value.items():
        if key.startswith("@") and key not in _NODE_KEYWORDS:
            # @context, @id, @type, @value...: no nodes inside. A context stays as the reader
            # expanded it: repairing one here alone would give this copy nodes the reader's
            # graph lacks, and shift every later node's path.
            copy[key] = item
        else:
            copy[key] = _mark_paths(item, _join(path, key))
    if ("@type" in value or "type" in value) and "@value" not in value:
        copy[PATH_IRI] = path
    return copy


def _join(path: str, key: str) -> str:
    return key if path == "$" else f"{path}.{key}"


def with_fixed_contexts(document: JsonValue) -> JsonValue:
    """``document`` with `_fixed_context` applied to its top-level objects' contexts."""
    if isinstance(document, list):
        return [with_fixed_contexts(item) if isinstance(item, dict) else item for item in document]
    if isinstance(document, dict) and "@context" in document:
        fixed = _fixed_context(document["@context"])
        if fixed is not document["@context"]:
            return {**document, "@context": fixed}
    return document


def _fixed_context(context: JsonValue) -> JsonValue:
    """Repair the one context mistake pages make often: ``"@vocab": "http://schema.org"``.

    Without the final slash every term would expand to ``http://schema.orgheadline``.
    """
    if isinstance(context, list):
        return [_fixed_context(item) for item in context]
    if isinstance(context, dict):
        vocab = context.get("@vocab")
        if isinstance(vocab, str) and vocab.rstrip("/") + "/" in SCHEMA_VOCABS:
            return {**context, "@vocab": vocab.rstrip("/") + "/"}
    return context
