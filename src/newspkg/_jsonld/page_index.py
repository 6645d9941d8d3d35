"""A document's graph indexed once, so reading every article of it stays linear.

Reading one article asks two questions of the whole graph: which WebPages name it as
their ``mainEntity`` (their ``relatedLink``s are its related reads), and which other
articles sit at the URLs those links give. Asked by scanning every node, once per
article, a page of n articles costs n² steps; `PageIndex` answers both from maps built
in one pass over the graph, the first time they are needed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from newspkg._jsonld.graph import Graph, Node
from newspkg._schemaorg import mapping as m
from newspkg._validation import url_problem

__all__ = ["PageIndex", "is_absolute"]

_ABSOLUTE = ("https://", "http://")


def is_absolute(text: str) -> bool:
    """Tell whether ``text`` is kept as written whatever the base (see ``ValueReader.resolve``)."""
    return text.startswith(_ABSOLUTE)


class PageIndex:
    """Who points at whom in one graph, built once per document and reused by every article.

    Args:
        graph: the document's graph.
        article_types: the schema.org types that make a node an article.
        page_types: the types that make a node a web page.
        url_texts: a node's URLs as written, in reading order (unresolved).
    """

    def __init__(
        self,
        graph: Graph,
        *,
        article_types: AbstractSet[str],
        page_types: AbstractSet[str],
        url_texts: Callable[[Node], Iterable[str]],
    ) -> None:
        self.graph = graph
        self._article_types = article_types
        self._page_types = page_types
        self._url_texts = url_texts
        self.builds = 0  # how many times the maps were built (tests check it stays 1)

    @functools.cached_property
    def _pages_by_main(self) -> dict[int, list[Node]]:
        graph = self.graph
        found: dict[int, list[Node]] = {}
        for page in graph.nodes:
            if page.has_type(self._page_types):
                seen: set[int] = set()
                for main in graph.nodes_of(page, [m.MAIN_ENTITY]):
                    if id(main) not in seen:  # a page naming its main entity twice counts once
                        seen.add(id(main))
                        found.setdefault(id(main), []).append(page)
        return found

    def pages_about(self, node: Node) -> list[Node]:
        """The web pages whose ``mainEntity`` is ``node``, in document order."""
        return self._pages_by_main.get(id(node), [])

    @functools.cached_property
    def main_entities(self) -> frozenset[int]:
        """The ``id()``s of every node some web page names as its ``mainEntity``."""
        return frozenset(self._pages_by_main)

    @functools.cached_property
    def _candidates(self) -> tuple[dict[str, list[tuple[int, Node]]], list[tuple[int, Node]]]:
        """Articles that may be related reads: by absolute first URL, and the rest.

        A candidate's first usable URL depends on the reading article's base only when a
        relative URL comes before any usable absolute one; those few are kept apart.
        """
        self.builds += 1
        by_url: dict[str, list[tuple[int, Node]]] = {}
        relative: list[tuple[int, Node]] = []
        for index, node in enumerate(self.graph.nodes):
            if not node.has_type(self._article_types) or m.MAIN_ENTITY_OF_PAGE in node.props:
                continue
            for text in self._url_texts(node):
                if not text:
                    continue
                if not is_absolute(text):
                    relative.append((index, node))
                    break
                if url_problem(text) is None:
                    by_url.setdefault(text, []).append((index, node))
                    break
        return by_url, relative

    def related_candidates(
        self, links: AbstractSet[str], first_url: Callable[[Node], str | None]
    ) -> list[tuple[int, Node]]:
        """The possible related reads whose first URL is in ``links``, in document order.

        ``first_url`` resolves a candidate's first usable URL against the reading article's
        base; it is called only for candidates whose URLs are relative.
        """
        if not links:
            return []
        by_url, relative = self._candidates
        found = [entry for url in links for entry in by_url.get(url, ())]
        found.extend(entry for entry in relative if first_url(entry[1]) in links)
        return sorted(found, key=_index)


def _index(entry: tuple[int, Node]) -> int:
    return entry[0]
