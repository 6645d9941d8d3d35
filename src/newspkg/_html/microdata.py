"""HTML microdata: the items of a page, read by the WHATWG algorithm.

An element with ``itemscope`` is an item; its properties are found by crawling its
children and the elements its ``itemref`` names, stopping at nested items (WHATWG HTML,
"Microdata", the algorithm that finds the properties of an item). A property's value
depends on its element: ``<meta content>``, ``<a|area|link href>``, ``<img|audio|embed|
iframe|source|track|video src>``, ``<object data>``, ``<data|meter value>``,
``<time datetime>``, a nested item for an element with ``itemscope``, else the element's
text. URLs are resolved against the page's base.

Three deliberate leniencies, as search engines' and extruct's readers have them: a
``content`` attribute on any element gives its value (``<span itemprop="datePublished"
content="2024-05-01">May 1</span>`` is common), text values leave out the text of
scripts and style sheets, and have their runs of white space collapsed, since they are
read as metadata, not as layout.

Costs are bounded: each element is crawled at most once per item that owns it, the whole
page's crawl stops after `MAX_CRAWL` element visits, `MAX_CRAWL_DEPTH` levels below an
item and eight property elements inside one another, items nest at most
`MAX_ITEM_DEPTH` deep, and a page gives at most `MAX_VALUES` values; an item that
contains itself (an ``itemref`` loop) is not expanded again, and an item shared by several
items is built once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final, TypeAlias

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newspkg._urls import join_url
from newspkg.errors import LimitExceededError

__all__ = [
    "MAX_CRAWL",
    "MAX_CRAWL_DEPTH",
    "MAX_ITEM_DEPTH",
    "MAX_VALUES",
    "MicrodataItem",
    "PropertyValue",
    "read_microdata",
]

MAX_CRAWL: Final = 200_000
"""Element visits the whole page's property crawl may make before giving up."""
MAX_CRAWL_DEPTH: Final = 512
"""Elements deeper than this below their item (or ``itemref`` target) are not crawled."""
# Property elements inside more property elements than this are not crawled: each text
# value reads its element's whole subtree, so the nesting bounds the work per element.
_MAX_NESTED: Final = 8
MAX_ITEM_DEPTH: Final = 16
"""Items nested deeper than this (an item's property's item's ...) are left out."""
MAX_VALUES: Final = 100_000
"""Property values one page may give, nested items' values included."""

_SPACE: Final = re.compile(r"[ \t\n\f\r]+")
# The HTML white space stripped from URL attributes before they are resolved.
_HTML_SPACE: Final = " \t\n\f\r"
_URL_ATTRIBUTES: Final = {
    "a": "href",
    "area": "href",
    "link": "href",
    "audio": "src",
    "embed": "src",
    "iframe": "src",
    "img": "src",
    "source": "src",
    "track": "src",
    "video": "src",
    "object": "data",
}
_NOT_TEXT: Final = frozenset({"script", "style", "template"})
_VALUE_ATTRIBUTES: Final = {"data": "value", "meter": "value", "meta": "content"}


@attrs.frozen(kw_only=True)
class MicrodataItem:
    """One microdata item: its types and global identifier as written, its properties.

    Attributes:
        types: the ``itemtype`` tokens, in order (usually one schema.org type URL).
        id: the ``itemid``, resolved against the page's base.
        properties: (name, value) pairs in tree order; an element with several names in
            its ``itemprop`` gives one pair per name. An item that is the value of several
            properties (through ``itemref``) is the same object in each.
    """

    types: tuple[str, ...] = ()
    id: str | None = None
    properties: tuple[tuple[str, PropertyValue], ...] = ()


PropertyValue: TypeAlias = "str | MicrodataItem"


def read_microdata(tree: LexborHTMLParser, *, base: str | None) -> list[MicrodataItem]:
    """Return the page's top-level microdata items, in tree order.

    Top-level items are those without ``itemprop`` (WHATWG) and, leniently, those with an
    ``itemprop`` that no item claims (a ``BlogPosting`` whose ``Blog`` wrapper lost its
    ``itemscope``): search engines and extruct read those too.

    Raises:
        LimitExceededError: the crawl went over `MAX_CRAWL` visits or `MAX_VALUES` values.
    """
    scopes = tree.css("[itemscope]")
    if not scopes:
        return []
    reader = _Reader(tree, base=base)
    claimed = {prop.mem_id for scope in scopes for prop in reader.properties(scope)}
    return [
        reader.item(element, depth=0, open_items=frozenset())
        for element in scopes
        if "itemprop" not in element.attributes or element.mem_id not in claimed
    ]


class _Reader:
    def __init__(self, tree: LexborHTMLParser, *, base: str | None) -> None:
        self.tree = tree
        self.base = base
        self.visits = 0
        self.values = 0
        self._ids: dict[str, LexborNode] | None = None
        # The property elements of each item, found once even when it is a value many times.
        self._properties: dict[int, list[LexborNode]] = {}
        self._positions: dict[int, int] | None = None
        self._items: dict[int, MicrodataItem] = {}

    def item(self, element: LexborNode, *, depth: int, open_items: frozenset[int]) -> MicrodataItem:
        # Built once: an item that is the value of several items (through itemref) is one
        # shared object, so chains of shared items cost linear, not exponential, work.
        known = self._items.get(element.mem_id)
        if known is not None:
            return known
        attributes = element.attributes
        types = tuple(_SPACE.split((attributes.get("itemtype") or "").strip()))
        itemid = (attributes.get("itemid") or "").strip(_HTML_SPACE)
        inside = open_items | {element.mem_id}
        properties: list[tuple[str, PropertyValue]] = []
        for prop in self.properties(element):
            names = _names(prop.attributes.get("itemprop") or "")
            if not names:
                continue
            value = self.value(prop, depth=depth, open_items=inside)
            if value is None:
                continue
            self.values += len(names)
            if self.values > MAX_VALUES:
                raise LimitExceededError(f"the page's microdata has over {MAX_VALUES:,} values")
            properties.extend((name, value) for name in names)
        item = MicrodataItem(
            types=tuple(token for token in types if token),
            id=(self.url(itemid) if itemid else None),
            properties=tuple(properties),
        )
        self._items[element.mem_id] = item
        return item

    def properties(self, root: LexborNode) -> list[LexborNode]:
        """The elements holding ``root``'s properties, in tree order (the WHATWG crawl)."""
        known = self._properties.get(root.mem_id)
        if known is not None:
            return known
        memory = {root.mem_id}
        # (element, depth below the root, how many property elements enclose it)
        pending: list[tuple[LexborNode, int, int]] = [(child, 1, 0) for child in _children(root)]
        referenced = [
            element
            for token in _SPACE.split((root.attributes.get("itemref") or "").strip())
            if token and (element := self.by_id(token)) is not None
        ]
        pending[:0] = [(element, 1, 0) for element in reversed(referenced)]  # after the children
        found: list[LexborNode] = []
        while pending:
            current, level, enclosing = pending.pop()
            if current.mem_id in memory:
                continue  # reached twice (itemref into its own subtree, or a loop)
            memory.add(current.mem_id)
            self.visits += 1
            if self.visits > MAX_CRAWL:
                raise LimitExceededError(
                    f"the page's microdata needs over {MAX_CRAWL:,} element visits"
                )
            attributes = current.attributes
            is_property = "itemprop" in attributes
            if is_property:
                found.append(current)
            inner = enclosing + is_property
            if "itemscope" not in attributes and level < MAX_CRAWL_DEPTH and inner <= _MAX_NESTED:
                pending.extend((child, level + 1, inner) for child in _children(current))
        if referenced and len(found) > 1:
            # The crawl is in tree order until itemref joins other subtrees: then sort by
            # each element's position in one walk of the page (made once, on demand).
            positions = self.positions()
            found.sort(key=lambda element: positions.get(element.mem_id, 0))
        self._properties[root.mem_id] = found
        return found

    def positions(self) -> dict[int, int]:
        if self._positions is None:
            root = self.tree.root
            nodes = root.traverse() if root is not None else iter(())
            self._positions = {node.mem_id: index for index, node in enumerate(nodes)}
        return self._positions

    def by_id(self, token: str) -> LexborNode | None:
        if self._ids is None:
            self._ids = {}
            for element in self.tree.css("[id]"):
                self._ids.setdefault(element.attributes.get("id") or "", element)
        return self._ids.get(token)

    def value(
        self, element: LexborNode, *, depth: int, open_items: frozenset[int]
    ) -> PropertyValue | None:
        """The property value of ``element``; None for an item too deep or inside itself."""
        attributes = element.attributes
        if "itemscope" in attributes:
            if element.mem_id in open_items or depth + 1 > MAX_ITEM_DEPTH:
                return None
            return self.item(element, depth=depth + 1, open_items=open_items)
        tag = element.tag or ""
        url_attribute = _URL_ATTRIBUTES.get(tag)
        if url_attribute is not None:
            return self.url((attributes.get(url_attribute) or "").strip(_HTML_SPACE))
        value_attribute = _VALUE_ATTRIBUTES.get(tag)
        if value_attribute is not None:
            return attributes.get(value_attribute) or ""
        # <time datetime>, then (leniently) a content attribute on any other element.
        for name in ("datetime", "content") if tag == "time" else ("content",):
            if name in attributes:
                return attributes.get(name) or ""
        return text_content(element)

    def url(self, value: str) -> str:
        if self.base is None or not value:
            return value
        return join_url(self.base, value) or value


def text_content(element: LexborNode) -> str:
    """The element's text, scripts and style sheets left out, white space runs collapsed."""
    if element.css_first("script, style, template") is None:
        raw = element.text(deep=True, separator="", strip=False)
    else:
        raw = "".join(_texts(element))
    return _SPACE.sub(" ", raw).strip()


def _texts(element: LexborNode) -> Iterator[str]:
    """The text nodes below ``element`` in tree order, outside scripts and style sheets."""
    stack = [element]
    while stack:
        node = stack.pop()
        if node.is_text_node:
            yield node.text(deep=False, strip=False)
        elif node.tag not in _NOT_TEXT:
            child = node.last_child
            while child is not None:
                stack.append(child)
                child = child.prev


def _names(itemprop: str) -> list[str]:
    """The ``itemprop`` tokens, each once, in order."""
    return list(dict.fromkeys(token for token in _SPACE.split(itemprop.strip()) if token))


def _children(element: LexborNode) -> Iterator[LexborNode]:
    """The element children of ``element``, last first (the crawl pops from the end)."""
    child = element.last_child
    while child is not None:
        if child.is_element_node:
            yield child
        child = child.prev
