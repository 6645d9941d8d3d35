"""A document's graph indexed once, so reading every article of it stays linear.

Reading one article asks two questions of the whole graph: which WebPages name it as
their ``mainEntity`` (their ``relatedLink``s are its related reads), and which other
articles sit at the URLs those links give. Asked by scanning every node, once per
article, a page of n articles costs n² steps; `PageIndex` answers both from maps built
in one pass over the graph, the first time they are needed.

What the index cannot make linear is the answer itself: one page's related links apply to
each of its main entities, and a related URL may name many nodes, so n articles could each
get n related reads. Matching therefore runs on a budget proportional to the graph
(`RELATED_WORK_BASE` + `RELATED_WORK_PER_NODE` per node) shared by all the document's
articles; past it, further related reads are left out and the reader notes it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from newspkg._jsonld.graph import Graph, Node
from newspkg._schemaorg import mapping as m
from newspkg._validation import url_problem

__all__ = ["RELATED_WORK_BASE", "RELATED_WORK_PER_NODE", "PageIndex", "is_absolute"]

RELATED_WORK_BASE = 5_000
"""Related reads matched (or relative URLs resolved) in any document, whatever its size."""
RELATED_WORK_PER_NODE = 8
"""Further related reads matched per node of the document's graph."""
_ABSOLUTE = ("https://", "http://")


def is_absolute(text: str) -> bool:
    """Tell whether ``text`` is kept as written whatever the base (see ``ValueReader.resolve``)."""
    return text.startswith(_ABSOLUTE)


class PageIndex:
    """Who points at whom in one graph, built once per document and reused by every article.

    Args:
        graph: the document's graph.
        article_types: the schema.org types a related read may have (articles, web pages).
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
        self.work_left = RELATED_WORK_BASE + RELATED_WORK_PER_NODE * len(graph.nodes)
        self._pages_by_main_found: dict[int, list[Node]] | None = None
        self._main_entities: frozenset[int] | None = None
        self._nodes_typed: dict[frozenset[str], list[Node]] = {}

    def spend(self, units: int) -> bool:
        """Take ``units`` of related-read work from the document's budget, if it has them."""
        if units > self.work_left:
            self.work_left = 0
            return False
        self.work_left -= units
        return True

    @property
    def _pages_by_main(self) -> dict[int, list[Node]]:
        # Cached by hand: functools.cached_property takes a lock on every read (Python 3.11),
        # and this is read a few times per article.
        if self._pages_by_main_found is not None:
            return self._pages_by_main_found
        graph = self.graph
        found: dict[int, list[Node]] = {}
        not_page = self._page_types.isdisjoint  # Node.has_type, read inline: for every node
        for page in graph.nodes:
            if not not_page(page.types):
                seen: set[int] = set()
                for main in graph.nodes_of(page, [m.MAIN_ENTITY]):
                    if id(main) not in seen:  # a page naming its main entity twice counts once
                        seen.add(id(main))
                        found.setdefault(id(main), []).append(page)
        self._pages_by_main_found = found
        return found

    def nodes_typed(self, types: frozenset[str]) -> list[Node]:
        """The nodes with any of ``types``, in document order; the graph is scanned once per set."""
        found = self._nodes_typed.get(types)
        if found is None:
            found = [node for node in self.graph.nodes if node.has_type(types)]
            self._nodes_typed[types] = found
        return found

    def pages_about(self, node: Node) -> list[Node]:
        """The web pages whose ``mainEntity`` is ``node``, in document order."""
        return self._pages_by_main.get(id(node), [])

    @property
    def main_entities(self) -> frozenset[int]:
        """The ``id()``s of every node some web page names as its ``mainEntity``."""
        if self._main_entities is None:
            self._main_entities = frozenset(self._pages_by_main)
        return self._main_entities

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
            if (
                not node.has_type(self._article_types)
                or m.MAIN_ENTITY_OF_PAGE in node.props
                or m.MAIN_ENTITY in node.props  # a page of the document, not a related read
            ):
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
    ) -> tuple[list[tuple[int, Node]], bool]:
        """The possible related reads whose first URL is in ``links``, in document order.

        ``first_url`` resolves a candidate's first usable URL against the reading article's
        base; it is called only for candidates whose URLs are relative. The flag tells
        whether the budget ran out, so that some candidates were not considered.
        """
        if not links:
            return [], False
        by_url, relative = self._candidates
        found = [entry for url in links for entry in by_url.get(url, ())]
        complete = True
        if relative:
            if self.spend(len(relative)):
                found.extend(entry for entry in relative if first_url(entry[1]) in links)
            else:
                complete = False
        return sorted(found, key=_index), not complete


def _index(entry: tuple[int, Node]) -> int:
    return entry[0]
