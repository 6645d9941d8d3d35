"""Adding an integrator's own nodes and properties to a JSON-LD graph, each ``@id`` kept unique."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newspkg._jsonld.processing import JsonObject, JsonValue
from newspkg.errors import DuplicateIdError, Problem, ValidationError

__all__ = ["compose_graph"]


def compose_graph(
    document: Mapping[str, Any],
    nodes: Iterable[Mapping[str, Any]] = (),
    *,
    properties: Mapping[str, Mapping[str, Any]] | None = None,
) -> JsonObject:
    """Return ``document`` with ``nodes`` added to its ``@graph`` and ``properties`` merged in.

    ``document`` is usually `to_jsonld` output; ``nodes`` are your own nodes (a product, an
    event, a recipe), written in the document's context (schema.org terms). ``properties``
    adds terms to nodes already in the graph, keyed by their ``@id``: this is how the
    article points at your node (``"about": {"@id": ...}``). The result is a new document;
    ``document`` and ``nodes`` are left as they were.

    Each ``@id`` stays unique: JSON-LD merges nodes that share one, so a node that reuses an
    ``@id`` of the graph (or of another new node, or of a node embedded in one) raises
    `DuplicateIdError` instead of silently becoming part of another node. A reference
    (``{"@id": ...}`` and nothing else) is not a clash.

    Raises:
        DuplicateIdError: two node definitions would share an ``@id``.
        ValidationError: a node is not an object, has a different ``@context``, or a
            property names a missing node or a term the node already has.

    Examples:
        >>> from newspkg import Article, to_jsonld
        >>> doc = to_jsonld(Article(url="https://example.com/a", headline="Hi"))
        >>> product = {"@type": "Product", "@id": "https://example.com/p/1#product", "name": "X"}
        >>> doc = compose_graph(
        ...     doc,
        ...     [product],
        ...     properties={"https://example.com/a#article": {"about": {"@id": product["@id"]}}},
        ... )
        >>> [node["@type"] for node in doc["@graph"]]
        ['NewsArticle', 'WebPage', 'Product']
    """
    if not isinstance(document, dict):
        raise ValidationError(f"expected a JSON-LD document (an object), got {_kind(document)}")
    context = document.get("@context")
    graph = document.get("@graph")
    if graph is None:  # a single-node document: its node is everything but the context
        graph = [{key: value for key, value in document.items() if key != "@context"}]
    if not isinstance(graph, list):
        raise ValidationError(f"expected a list, got {_kind(graph)}", path="@graph")
    owners: dict[str, str] = {}
    for index, node in enumerate(graph):
        for node_id, path in _definitions(node, f"@graph[{index}]"):
            owners.setdefault(node_id, path)
    combined = list(graph) + _new_nodes(nodes, context, owners)
    if properties:
        combined = _with_properties(combined, properties)
    result: JsonObject = {} if context is None else {"@context": context}
    result["@graph"] = combined
    return result


def _new_nodes(
    nodes: Iterable[object], context: JsonValue, owners: dict[str, str]
) -> list[JsonValue]:
    """The nodes to add, each ``@id`` checked against ``owners`` (which it joins)."""
    added: list[JsonValue] = []
    problems: list[Problem] = []
    for index, node in enumerate(nodes):
        where = f"nodes[{index}]"
        if not isinstance(node, dict):
            problems.append(Problem(path=where, message=f"expected an object, got {_kind(node)}"))
            continue
        if node.get("@context", context) != context:
            problems.append(
                Problem(
                    path=f"{where}.@context",
                    message=f"differs from the document's @context {context!r}; "
                    "write the node in the document's terms",
                )
            )
            continue
        clean: JsonObject = {key: value for key, value in node.items() if key != "@context"}
        for node_id, path in _definitions(clean, where):
            if node_id in owners:
                message = f"{node_id!r} is already the @id of {owners[node_id]}"
                problems.append(Problem(path=f"{path}.@id", message=message))
            else:
                owners[node_id] = path
        added.append(clean)
    if problems:
        duplicate = all(problem.path.endswith(".@id") for problem in problems)
        raise (DuplicateIdError if duplicate else ValidationError)(problems)
    return added


def _with_properties(
    graph: list[JsonValue], properties: Mapping[str, Mapping[str, Any]]
) -> list[JsonValue]:
    positions = {
        node["@id"]: index
        for index, node in enumerate(graph)
        if isinstance(node, dict) and isinstance(node.get("@id"), str)
    }
    problems: list[Problem] = []
    combined = list(graph)
    for node_id, terms in properties.items():
        where = f"properties[{node_id!r}]"
        if node_id not in positions:
            problems.append(Problem(path=where, message="no node of the graph has this @id"))
            continue
        index = positions[node_id]
        node = dict(combined[index])  # type: ignore[arg-type]  # positions holds only dicts
        for term, value in terms.items():
            if term.startswith("@") or term in node:
                problems.append(
                    Problem(
                        path=f"{where}.{term}",
                        message=f"@graph[{index}] already has {term!r}; "
                        "set it on a copy of the document instead of replacing it here",
                    )
                )
            else:
                node[term] = value
        combined[index] = node
    if problems:
        raise ValidationError(problems)
    return combined


def _definitions(value: JsonValue, path: str) -> Iterator[tuple[str, str]]:
    """Each ``@id`` that ``value`` defines (a node with more than its ``@id``), with its path."""
    if isinstance(value, dict):
        node_id = value.get("@id")
        if isinstance(node_id, str) and len(value) > 1:
            yield node_id, path
        for key, item in value.items():
            if key != "@context":
                yield from _definitions(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _definitions(item, f"{path}[{index}]")


def _kind(value: object) -> str:
    return type(value).__name__
