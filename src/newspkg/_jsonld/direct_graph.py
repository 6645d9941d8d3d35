"""The reader's graph built straight from compact JSON, for documents the direct path takes.

`read_graph` is how the reader gets a document's `Graph`. For a document under schema.org's
context alone (`newspkg._jsonld.direct`) it walks the parsed JSON once and builds the graph's
nodes as it goes, without first writing out the expanded form: `DirectGraph` makes exactly
the nodes, values, paths and merges that ``Graph(expand_direct(document))`` makes, in the same
order, and refuses (`Unsupported`) whatever the direct expansion refuses, so the decision
between the direct path and pyld is the same as before. ``tests/test_jsonld_direct.py``
compares the graphs, and the articles read from them, with both other paths.

What it does not handle itself (a node written with two keys for one property, a property
named by the reader's path mark) it leaves to the two-step path (`NotDirectGraph`): expand
directly, then build the graph from the expanded form.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from newspkg._jsonld.direct import (
    INITIAL_CONTEXT,
    Context,
    KeyPlan,
    Unsupported,
    Walk,
    apply_context,
    expand_document,
    key_iri,
    type_iris,
)
from newspkg._jsonld.graph import (
    PATH_IRI,
    Graph,
    Item,
    Literal,
    Node,
    literal,
    with_fixed_contexts,
)
from newspkg._jsonld.processing import JsonObject, JsonValue, check_json_value, expand, load_json
from newspkg._schemaorg.vocabulary import local_name

__all__ = ["DirectGraph", "NotDirectGraph", "prepare_names", "read_graph"]

# Property IRIs seen so far and their schema.org names (None for other vocabularies). Pages
# repeat the same few dozen; page-made IRIs cannot grow it past the limit.
_NAMES: dict[str, str | None] = {}
_NAMES_LIMIT: Final = 4096
# Shapes remembered per context, and the most keys (and characters in them) a remembered one
# has: real nodes have a handful of short keys, so pages of many large or odd objects
# cannot make the memo hold much.
_SHAPES_LIMIT: Final = 1024
_SHAPE_KEYS_LIMIT: Final = 32
_SHAPE_CHARS_LIMIT: Final = 512
_TYPES_LIMIT: Final = 4096  # types remembered per context (direct.type_iris's own bound)
# The plan of a value object (a key expanding to @value): a literal, not a node.
_VALUE_OBJECT: Final[KeyPlan] = (("@value", "@value", None),)
# The prefix of every path under a top-level object that holds nothing but ``@graph``.
_GRAPH_PREFIX: Final = "[0].@graph"


class NotDirectGraph(Exception):  # noqa: N818 (a signal between two functions, never raised out)
    """The document qualifies for direct expansion, but its graph is built in two steps."""


def read_graph(source: str | bytes | JsonValue, *, base: str | None) -> Graph:
    """Parse, expand (offline) and index a JSON-LD document.

    Raises:
        ParseError: not JSON or not valid JSON-LD.
        RemoteContextError: the document names a context newspkg does not bundle.
        LimitExceededError: the document is too large or too deeply nested.
    """
    # Text is checked against the size and depth limits by load_json, parsed input here,
    # before any walk (with_fixed_contexts recurses into a context's nested lists).
    if isinstance(source, str | bytes):
        document = with_fixed_contexts(load_json(source))
    else:
        check_json_value(source)
        document = with_fixed_contexts(source)
    try:
        return DirectGraph(document, base=base).graph
    except Unsupported:
        expanded = expand(document, base=base)
    except NotDirectGraph:
        expanded = expand_document(document, base=base, parsed=True)
    return Graph(expanded, source=document, base=base)


class DirectGraph(Walk):
    """One document's graph, built by walking its compact JSON as `Walk` expands it.

    Raises:
        Unsupported: the document needs pyld.
        NotDirectGraph: the document needs the two-step direct path.
    """

    def __init__(self, document: JsonValue, *, base: str | None) -> None:
        super().__init__(base or None)  # as processing.expand: an empty base is no base
        self.graph = graph = Graph([], source=document, base=base)
        if isinstance(document, list):
            self._free(INITIAL_CONTEXT, document, "", 0)
        elif isinstance(document, dict):
            top = self._element(INITIAL_CONTEXT, document, "[0]", free_floating=True, top=True)
            if top is None and graph.nodes:
                # Nothing but @graph: expansion gives the graph's nodes as the document's.
                for node in graph.nodes:
                    node.path = node.path[len(_GRAPH_PREFIX) :]

    def _free(self, context: Context, values: list[JsonValue], prefix: str, count: int) -> int:
        """Add the nodes of a top-level array or ``@graph``; return how many expansion keeps."""
        for value in values:
            if isinstance(value, list):
                count = self._free(context, value, prefix, count)
            elif isinstance(value, dict):
                path = f"{prefix}[{count}]"
                if self._element(context, value, path, free_floating=True) is not None:
                    count += 1
        return count

    def _values(
        self, context: Context, values: list[JsonValue], parent: str, items: list[Item]
    ) -> list[Item]:
        """Add a property's values to ``items``, arrays flattened and nulls dropped.

        As `Walk.array`: a nested node's path counts its place in the flattened list.
        """
        for value in values:
            if isinstance(value, list):
                self._values(context, value, parent, items)  # nested arrays flatten
            elif isinstance(value, dict):
                item = self._element(context, value, f"{parent}[{len(items)}]")
                if item is not None:
                    items.append(item)
            elif value is not None:
                items.append(literal(value))
        return items

    def _element(  # noqa: PLR0912, PLR0915 (a case per keyword; one call per node, for speed)
        self,
        context: Context,
        element: JsonObject,
        path: str,
        *,
        free_floating: bool = False,
        top: bool = False,
    ) -> Item | None:
        """The graph item for a node object (or a value object); None when expansion drops it.

        For the top-level object, None also when it holds nothing but ``@graph`` (its nodes
        are then the document's).
        """
        if "@context" in element:
            context = apply_context(context, element["@context"])
            if context.id_terms:
                raise NotDirectGraph  # strings that are IRIs: Walk.id_values expands them
        plan = context.shapes.get(tuple(element))  # _plan's memo, read inline: for every node
        if plan is None:
            plan = _plan(context, element)
        if plan is _VALUE_OBJECT:
            return self._value_literal(element, free_floating=free_floating)
        nodes = self.graph.nodes
        # Positional, and the lists given: cheaper than attrs' defaults, for every node.
        node = Node(None, path, not free_floating, [], {})
        position = len(nodes)  # as Graph.begin: the node before its children
        nodes.append(node)
        own = node.props
        kept = 0  # keys of the expanded object besides @id
        typed = graph_key = False
        for key, prop, name in plan:
            value = element[key]
            if name is not None:  # a schema.org property: the common case, tested first
                if type(value) is str and name not in own:
                    own[name] = [literal(value)]  # the commonest of all: text, inline
                    kept += 1
                elif self._property(context, node, name, value):
                    kept += 1
            elif prop[0] != "@":  # another vocabulary's property
                if prop == PATH_IRI:
                    raise NotDirectGraph  # the reader's path mark, written by the page
                if self._other(context, value):
                    kept += 1
            elif prop == "@id":
                if not isinstance(value, str) or node.id is not None:
                    raise Unsupported  # pyld raises an error, or colliding keywords
                node.id = self._expand_id(context, value)
            elif prop == "@type":
                if typed:
                    raise Unsupported  # colliding keywords (type and @type)
                names = context.type_names.get(value) if type(value) is str else None
                if names is None:
                    names = _types(context, value)
                if names is not None:
                    kept += 1
                    typed = True
                    node.types.extend(names)
            elif prop == "@graph":
                if self._graph(context, value, path):
                    kept += 1
                    graph_key = True  # a list in the expanded form, whether written as one or not
            else:
                # A list object: Walk expands it, the graph flattens it; else a keyword
                # only pyld handles.
                raise NotDirectGraph if prop == "@list" else Unsupported
        if (free_floating and not kept) or (top and graph_key and kept == 1 and node.id is None):
            # Empty or only an @id, which expansion drops; or nothing but the top's @graph.
            del nodes[position]
            return None
        if node.id is None:
            return node  # as Graph.settle, which has nothing to merge without an @id
        return self.graph.settle(node, position)

    def _value_literal(self, element: JsonObject, *, free_floating: bool) -> Literal | None:
        """The literal of a value object; None when expansion drops it."""
        found = self._value_object(element, free_floating=free_floating)
        found_value = None if found is None else found["@value"]
        return literal(found_value) if isinstance(found_value, str | int | float | bool) else None

    def _graph(self, context: Context, value: JsonValue, path: str) -> bool:
        """Add the nodes of a node's ``@graph``; tell whether expansion keeps the key."""
        if isinstance(value, list):
            self._free(context, value, f"{path}.@graph", 0)
            return True
        if isinstance(value, dict):
            graph_path = f"{path}.@graph[0]"
            return self._element(context, value, graph_path, free_floating=True) is not None
        raise Unsupported  # pyld raises an error; let it

    def _property(self, context: Context, node: Node, name: str, value: JsonValue) -> bool:
        """Add the values of schema.org's property ``name`` to ``node``.

        Tell whether expansion keeps its key.
        """
        if name in node.props:
            raise NotDirectGraph  # two keys for one property: expansion merges them
        if type(value) is str:  # the common case, tested first
            node.props[name] = [literal(value)]
        elif isinstance(value, list):
            node.props[name] = self._values(context, value, f"{node.path}.{name}", [])
        elif isinstance(value, dict):
            item = self._element(context, value, f"{node.path}.{name}[0]")
            if item is None:
                return False
            node.props[name] = [item]
        elif value is None:
            return False
        else:
            node.props[name] = [literal(value)]
        return True

    def _other(self, context: Context, value: JsonValue) -> bool:
        """Expand a value the graph does not keep (not schema.org's), as it must qualify.

        Tell whether expansion keeps its key.
        """
        if isinstance(value, list):
            self.array(context, value, free_floating=False)
            return True
        if isinstance(value, dict):
            return self.node(context, value, free_floating=False) is not None
        return value is not None


def _plan(context: Context, element: JsonObject) -> KeyPlan:
    """How to walk ``element``: its keys in the order expansion visits them (sorted).

    Each key comes with its IRI and its schema.org name (None for keywords and other
    vocabularies); keys expansion drops are left out. `_VALUE_OBJECT` for a value object.
    Pages repeat a few dozen shapes of node, so the plan is remembered per context and
    shape: a node then costs one lookup instead of a sort and a lookup per key. Whatever
    `key_iri` refuses is refused here, before any of the node's values is walked, as before.
    """
    shape = tuple(element)
    shapes = context.shapes
    plan = shapes.get(shape)
    if plan is None:
        keys = sorted(shape)
        props = [key_iri(context, key) for key in keys]
        if "@value" in props:
            plan = _VALUE_OBJECT
        else:
            plan = tuple(
                (key, prop, None if prop[0] == "@" else _name(prop))
                for key, prop in zip(keys, props, strict=True)
                if prop  # "": @context (applied first), or a key expansion drops
            )
        if (
            len(shapes) < _SHAPES_LIMIT
            and len(shape) <= _SHAPE_KEYS_LIMIT
            and sum(map(len, shape)) <= _SHAPE_CHARS_LIMIT
        ):
            shapes[shape] = plan
    return plan


def _name(prop: str) -> str | None:
    try:
        return _NAMES[prop]
    except KeyError:
        name = local_name(prop)
        if len(_NAMES) < _NAMES_LIMIT:
            _NAMES[prop] = name
        return name


def _types(context: Context, value: JsonValue) -> tuple[str, ...] | None:
    """The schema.org names of an ``@type`` value; None when expansion keeps no ``@type``.

    A type written as one string is remembered per context (`Context.type_names`).
    """
    iris = type_iris(context, value)  # refuses what the direct expansion refuses
    if not iris:
        return None
    names = tuple(_type_names(iris))
    memo = context.type_names
    if type(value) is str and len(memo) < _TYPES_LIMIT:
        memo[value] = names
    return names


def _type_names(iris: list[JsonValue]) -> list[str]:
    names = []
    for iri in iris:
        if isinstance(iri, str):
            name = _name(iri)
            if name is not None:
                names.append(name)
    return names


def prepare_names(*, properties: Iterable[str], types: Iterable[str]) -> None:
    """Expand now the keys and types a page writes under ``"@context": "https://schema.org"``.

    Called when the reader is imported, with the properties and types it reads, so the
    first document does not work each one out (as attrs writes a class's methods when the
    class is made); keys and types it never reads are worked out on first use as before.
    """
    context = apply_context(INITIAL_CONTEXT, "https://schema.org")
    for key in ("@context", "@id", "@type", "@graph", "@value", *properties):
        prop = key_iri(context, key)
        if prop and prop[0] != "@":
            _name(prop)
    for iri in type_iris(context, list(types)):
        assert isinstance(iri, str)  # type_iris refuses anything else
        _name(iri)
