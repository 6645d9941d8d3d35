"""RDFa Lite 1.1 in HTML: the typed resources of a page and their properties.

The attributes read are RDFa Lite's (``vocab``, ``typeof``, ``property``, ``resource``,
``prefix``) plus what an RDFa 1.1 processor takes from HTML: ``href`` and ``src`` as
resources, ``content`` and ``<time datetime>`` as values, and RDFa Core's ``about`` and
``datatype`` (Drupal writes them). Subjects follow RDFa Core 1.1's processing sequence
(step 5) without ``rel``/``rev``:

* an element with ``property`` and neither ``content`` nor ``datatype`` gives the
  enclosing subject a value: with ``typeof``, a new typed resource named by ``resource``,
  ``href`` or ``src`` (else a blank node), which is also its descendants' subject; else
  the ``resource``/``href``/``src`` (resolved), else ``<time datetime>``, else its text;
* any other element with ``about``, ``resource``, ``href``, ``src`` or ``typeof`` starts a
  new subject (typed by ``typeof``) for itself and its descendants; its ``property``
  values are its ``content`` or text. The root element's subject is the page.

Terms expand against the nearest ``vocab``; CURIEs (``schema:headline``) against the
``prefix`` (and ``xmlns:``) mappings in scope, then RDFa's initial context (``schema``,
``dc``, ``og``, ``foaf`` ...); absolute IRIs stay as written. Text values have runs of white space
collapsed. The walk is iterative and bounded (`MAX_WALK_DEPTH`, `MAX_VALUES`, eight
text-valued property elements inside one another).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, TypeAlias

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newspkg._html.microdata import text_content
from newspkg._urls import join_url
from newspkg.errors import LimitExceededError

__all__ = ["MAX_VALUES", "MAX_WALK_DEPTH", "RdfaNode", "RdfaValue", "read_rdfa"]

MAX_WALK_DEPTH: Final = 512
"""Elements nested deeper than this in the page are not read."""
MAX_VALUES: Final = 100_000
"""Property values one page may give."""
MAX_NODE_DEPTH: Final = 16
"""Typed resources nested deeper than this in one another are left out."""

# Elements inside more text-valued property elements than this are not read: each text
# value reads its element's whole subtree, so the nesting bounds the work per element.
_MAX_NESTED: Final = 8
_SPACE: Final = re.compile(r"[ \t\n\f\r]+")
_HTML_SPACE: Final = " \t\n\f\r"
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# The prefixes of the RDFa 1.1 initial context (W3C) that article pages use.
_INITIAL_PREFIXES: Final = {
    "schema": "http://schema.org/",
    "dc": "http://purl.org/dc/terms/",
    "dcterms": "http://purl.org/dc/terms/",
    "dc11": "http://purl.org/dc/elements/1.1/",
    "og": "http://ogp.me/ns#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "sioc": "http://rdfs.org/sioc/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "cc": "http://creativecommons.org/ns#",
    "content": "http://purl.org/rss/1.0/modules/content/",
}
_PREFIX_DECLARATION: Final = re.compile(r"([A-Za-z_][\w.-]*):[ \t\n\f\r]+([^ \t\n\f\r]+)")


@attrs.define(eq=False)
class RdfaNode:
    """One resource: its IRI (None for a blank node), types and properties as full IRIs.

    ``properties`` holds (property IRI, value) pairs in page order; a value is text (a
    literal or a resource's IRI) or a typed resource nested in the page.
    """

    id: str | None = None
    types: list[str] = attrs.Factory(list)
    properties: list[tuple[str, RdfaValue]] = attrs.Factory(list)


RdfaValue: TypeAlias = "str | RdfaNode"


@attrs.frozen
class _Scope:
    subject: RdfaNode
    vocab: str | None
    prefixes: Mapping[str, str]
    depth: int  # how many typed resources enclose this one
    literals: int = 0  # how many elements giving text values enclose this one


def read_rdfa(tree: LexborHTMLParser, *, base: str | None) -> list[RdfaNode]:
    """Return the page's subjects that are no property's value, in page order.

    Only pages with a ``typeof`` somewhere are walked: without one no resource is typed,
    so none can be an article.

    Raises:
        LimitExceededError: the page gives more than `MAX_VALUES` values.
    """
    root = tree.root
    if root is None or tree.css_first("[typeof]") is None:
        return []
    return _Walker(base).walk(root)


class _Walker:
    def __init__(self, base: str | None) -> None:
        self.base = base
        self.values = 0
        self.roots: list[RdfaNode] = []

    def walk(self, root: LexborNode) -> list[RdfaNode]:
        page = RdfaNode(id=self.base or "")
        self.roots.append(page)
        stack: list[tuple[LexborNode, _Scope, int]] = [
            (root, _Scope(page, None, _INITIAL_PREFIXES, 0), 0)
        ]
        while stack:
            element, scope, level = stack.pop()
            inner = self.element(element, scope)
            if level < MAX_WALK_DEPTH and inner.literals <= _MAX_NESTED:
                child = element.last_child
                while child is not None:
                    if child.is_element_node:
                        stack.append((child, inner, level + 1))
                    child = child.prev
        return [node for node in self.roots if node.types or node.properties]

    def element(self, element: LexborNode, scope: _Scope) -> _Scope:
        """Read one element's attributes; return the scope of its children."""
        attributes = element.attributes
        if not attributes:
            return scope
        vocab, prefixes = scope.vocab, scope.prefixes
        if "vocab" in attributes:
            vocab = (attributes.get("vocab") or "").strip(_HTML_SPACE) or None
        declared = _PREFIX_DECLARATION.findall(attributes.get("prefix") or "")
        # RDFa 1.1 still reads XML namespace declarations as prefixes (Drupal writes them).
        declared.extend(
            (name[6:], value)
            for name, value in attributes.items()
            if name.startswith("xmlns:") and value and len(name) > 6
        )
        if declared:
            prefixes = {**prefixes, **{name.lower(): iri.strip() for name, iri in declared}}
        terms = _Terms(vocab, prefixes)
        names = terms.all(attributes.get("property"))
        types = terms.all(attributes.get("typeof")) if "typeof" in attributes else None
        about = self.resource(attributes, ("about",))
        target = self.resource(attributes, ("resource", "href", "src"))
        subject, depth, literals = scope.subject, scope.depth, scope.literals
        if names and "content" not in attributes and "datatype" not in attributes:
            # A property whose value is a resource or the element's text (RDFa Core 5.1).
            if about is not None:
                subject, depth = self.root(about, types), 0
            elif types is not None and depth < MAX_NODE_DEPTH:
                node = RdfaNode(id=target, types=types)
                self.add(subject, names, node)
                return _Scope(node, vocab, prefixes, depth + 1, literals)
            if target is not None:
                self.add(subject, names, target)
            else:
                self.add(subject, names, self.text(element, attributes))
                literals += 1
            return _Scope(subject, vocab, prefixes, depth, literals)
        # A new subject (about, resource, href, src or a typed blank node) and literals on it.
        named = about if about is not None else target
        if named is not None or types is not None:
            subject, depth = self.root(named, types), 0
        if names:
            content = attributes.get("content")
            if content is None:
                content = self.text(element, attributes)
                literals += 1
            self.add(subject, names, content)
        return _Scope(subject, vocab, prefixes, depth, literals)

    def root(self, iri: str | None, types: list[str] | None) -> RdfaNode:
        node = RdfaNode(id=iri, types=types or [])
        self.roots.append(node)
        return node

    def add(self, subject: RdfaNode, names: list[str], value: RdfaValue) -> None:
        self.values += len(names)
        if self.values > MAX_VALUES:
            raise LimitExceededError(f"the page's RDFa has over {MAX_VALUES:,} values")
        subject.properties.extend((name, value) for name in names)

    def resource(self, attributes: Mapping[str, str | None], names: tuple[str, ...]) -> str | None:
        """The first of the ``names`` attributes present, resolved against the base."""
        for name in names:
            if name in attributes:
                value = (attributes.get(name) or "").strip(_HTML_SPACE)
                if self.base is None:
                    return value
                return join_url(self.base, value) or value
        return None

    @staticmethod
    def text(element: LexborNode, attributes: Mapping[str, str | None]) -> str:
        if element.tag == "time" and "datetime" in attributes:
            return attributes.get("datetime") or ""
        return text_content(element)


@attrs.frozen
class _Terms:
    vocab: str | None
    prefixes: Mapping[str, str]

    def all(self, tokens: str | None) -> list[str]:
        """Each token of a ``property``/``typeof`` value as an IRI; unknown ones dropped."""
        if not tokens:
            return []
        found = (self.one(token) for token in _SPACE.split(tokens.strip()) if token)
        return list(dict.fromkeys(iri for iri in found if iri is not None))

    def one(self, token: str) -> str | None:
        prefix, colon, reference = token.partition(":")
        if not colon:
            return None if self.vocab is None else self.vocab + token
        mapped = self.prefixes.get(prefix.lower())
        if mapped is not None and not reference.startswith("//"):
            return mapped + reference
        return token if _SCHEME.match(token) else None
