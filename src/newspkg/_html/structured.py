"""Microdata items and RDFa resources as JSON-LD, so one reader builds every article.

Both syntaxes become expanded JSON-LD node objects (full IRIs as keys, ``@type`` and
``@id``), which `newspkg._jsonld.reader` reads exactly as it reads a page's JSON-LD
blocks. Every value that is not a nested item is a plain ``@value`` string, URLs
included: schema.org's own context declares no ``@id`` coercion, so that is the shape the
reader sees from JSON-LD pages too.

A microdata property name that is not an absolute URL is joined to its item's vocabulary:
the first type's URL up to its last ``/`` or ``#`` (``http://schema.org/NewsArticle`` gives
``http://schema.org/``), as W3C's "Microdata to RDF" note derives it; an item without a
type uses its parent item's.

An article item with a ``name`` and no ``headline`` is read with its name as the headline
(`headlines_from_names`): schema.org's ``name`` of a CreativeWork is its title, and
Blogger's and many WordPress themes' posts mark their title up only as ``itemprop="name"``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import Final

import attrs
from selectolax.lexbor import LexborHTMLParser

from newspkg._html.microdata import MicrodataItem, read_microdata
from newspkg._html.page_meta import PageMeta
from newspkg._html.rdfa import RdfaNode, read_rdfa
from newspkg._jsonld.processing import JsonObject, JsonValue
from newspkg._jsonld.reader import iter_articles
from newspkg._jsonld.values import SOURCE as READER_SOURCE
from newspkg._models import Article, ProvenanceNote
from newspkg._schemaorg.reader_types import ARTICLE_TYPES
from newspkg.errors import LimitExceededError, NewspkgError

__all__ = [
    "Syntax",
    "headlines_from_names",
    "microdata_document",
    "rdfa_document",
    "structured_article",
    "structured_documents",
]

_SCHEMA_HOSTS: Final = frozenset({"schema.org", "www.schema.org"})
_SCHEMA: Final = "http://schema.org/"
_SCHEMA_PREFIXES: Final = ("http://schema.org/", "https://schema.org/")
# An absolute URL ("https://…", "urn:…") or a path: what a permalink's href gives.
_ADDRESS: Final = re.compile(r"(?:[a-z][a-z0-9+.-]*://|urn:|/)\S*$", re.IGNORECASE)


class Syntax(enum.Enum):
    """An HTML syntax for structured data other than JSON-LD, as named in notes."""

    MICRODATA = "microdata"
    RDFA = "rdfa"


_SYNTAX_NAMES: Final = {Syntax.MICRODATA: "microdata", Syntax.RDFA: "RDFa"}


def structured_documents(
    tree: LexborHTMLParser, *, base: str | None
) -> list[tuple[Syntax, JsonValue]]:
    """The page's microdata, then its RDFa, each as one JSON-LD document (when present).

    Raises:
        LimitExceededError: the markup goes over the limits of `newspkg._html.microdata`
            or `newspkg._html.rdfa`.
    """
    found: list[tuple[Syntax, JsonValue]] = []
    items = read_microdata(tree, base=base)
    if items:
        found.append((Syntax.MICRODATA, microdata_document(items)))
    nodes = read_rdfa(tree, base=base)
    if nodes:
        found.append((Syntax.RDFA, rdfa_document(nodes)))
    return found


def microdata_document(items: list[MicrodataItem]) -> list[JsonValue]:
    """The items as expanded JSON-LD node objects; untyped top-level items are left out.

    An item that is the value of several properties is written in full once, with an
    ``@id`` (its ``itemid``, else a blank node label), and referred to by it elsewhere, so
    the document grows with the items, not with the paths to them.
    """
    uses: dict[int, int] = {}
    pending = list(items)
    while pending:
        item = pending.pop()
        uses[id(item)] = uses.get(id(item), 0) + 1
        if uses[id(item)] == 1:
            pending.extend(v for _, v in item.properties if isinstance(v, MicrodataItem))
    writer = _ItemWriter(uses)
    return [writer.node(item, None) for item in items if _types(item.types)]


def rdfa_document(nodes: list[RdfaNode]) -> list[JsonValue]:
    """The resources as expanded JSON-LD node objects."""
    return [_rdfa_node(node) for node in nodes]


class _ItemWriter:
    def __init__(self, uses: dict[int, int]) -> None:
        self.uses = uses
        self.labels: dict[int, str] = {}

    def node(self, item: MicrodataItem, inherited: str | None) -> JsonObject:
        label = self.labels.get(id(item))
        if label is not None:
            return {"@id": label}
        types = _types(item.types)
        vocabulary = _vocabulary(types[0]) if types else inherited
        node: JsonObject = {}
        if types:
            node["@type"] = list[JsonValue](types)
        if item.id or self.uses.get(id(item), 0) > 1:
            label = item.id or f"_:microdata{len(self.labels)}"
            self.labels[id(item)] = label
            node["@id"] = label
        for name, value in item.properties:
            iri = _property_iri(name, vocabulary)
            if iri is None:
                continue
            converted: JsonObject = (
                self.node(value, vocabulary)
                if isinstance(value, MicrodataItem)
                else {"@value": value}
            )
            values = node.setdefault(iri, [])
            assert isinstance(values, list)  # every key but @type and @id holds a list
            values.append(converted)
        return node


def _rdfa_node(resource: RdfaNode) -> JsonObject:
    node: JsonObject = {}
    if resource.types:
        node["@type"] = list[JsonValue](resource.types)
    if resource.id:
        node["@id"] = resource.id
    for iri, value in resource.properties:
        converted: JsonObject = (
            _rdfa_node(value) if isinstance(value, RdfaNode) else {"@value": value}
        )
        values = node.setdefault(iri, [])
        assert isinstance(values, list)
        values.append(converted)
    return node


def _types(tokens: tuple[str, ...]) -> list[str]:
    """The item's types as absolute IRIs; any spelling of schema.org's host is read as it.

    Pages write ``//schema.org/Article``, ``schema.org/Article`` or
    ``https://www.schema.org/Article``; all mean schema.org. Other relative types are
    left out (they name no vocabulary).
    """
    types = []
    for token in tokens:
        scheme, separator, rest = token.partition("://")
        bare = (rest if separator and scheme.lower() in {"http", "https"} else token).lstrip("/")
        host, slash, name = bare.partition("/")
        if slash and host.lower() in _SCHEMA_HOSTS and name:
            types.append(_SCHEMA + name)
        elif separator:
            types.append(token)
    return types


def _vocabulary(item_type: str) -> str:
    """The vocabulary a type names: up to its last ``/`` or ``#``."""
    cut = max(item_type.rfind("/"), item_type.rfind("#"))
    return item_type[: cut + 1]


def _property_iri(name: str, vocabulary: str | None) -> str | None:
    if ":" in name:
        return name  # an absolute URL names its own property
    if vocabulary is None or "." in name:
        return None
    return vocabulary + name


def headlines_from_names(document: list[JsonValue]) -> tuple[list[JsonValue], frozenset[str]]:
    """``document`` with each top-level article's ``name`` as its headline when it has none.

    Returns the document (the nodes changed are copies) and the names used, so the article
    read can be noted. Only top-level article nodes: an article nested in another item
    without a headline is a reference to one (the reader skips it), and stays so.
    """
    named: set[str] = set()
    changed: list[JsonValue] = []
    for node in document:
        added: JsonObject = {}
        if isinstance(node, dict) and _is_article(node):
            for prefix in _SCHEMA_PREFIXES:
                title = _title_name(node.get(prefix + "name"))
                if prefix + "headline" not in node and title is not None:
                    added[prefix + "headline"] = [{"@value": title}]
                    named.add(" ".join(title.split()))
        changed.append({**node, **added} if added and isinstance(node, dict) else node)
    return changed, frozenset(named)


def _title_name(names: JsonValue) -> str | None:
    """The first name that can be a title: text, not an address.

    A microdata ``<a itemprop="name" href>`` has the link's URL as its value (the WHATWG
    algorithm), so themes that wrap the title in its permalink give a URL, not the title.
    """
    if not isinstance(names, list) or not names:
        return None
    first = names[0]
    text = first.get("@value") if isinstance(first, dict) else None
    if not isinstance(text, str) or not text.strip() or _ADDRESS.match(text.strip()):
        return None
    return text


def _is_article(node: JsonObject) -> bool:
    types = node.get("@type")
    if not isinstance(types, list):
        return False
    for type_iri in types:
        if isinstance(type_iri, str):
            prefix = next((p for p in _SCHEMA_PREFIXES if type_iri.startswith(p)), None)
            if prefix is not None and type_iri[len(prefix) :] in ARTICLE_TYPES:
                return True
    return False


def structured_article(
    tree: LexborHTMLParser,
    page: PageMeta,
    notes: list[ProvenanceNote],
    errors: list[NewspkgError],
    *,
    pick: Callable[[list[Article], PageMeta, JsonValue, str | None], Article],
) -> Article | None:
    """The page's main article from its microdata, else its RDFa; None when neither has one.

    The article's notes name the syntax (the reader's own notes say ``jsonld``); articles
    the reader refuses and markup over the limits are noted in ``notes`` and skipped, and
    the reader's errors added to ``errors`` (the page's error when it has no article).
    ``pick`` chooses among several articles as for JSON-LD.
    """
    base = page.base or next(iter(page.addresses), None)
    try:
        documents = structured_documents(tree, base=base)
    except LimitExceededError as error:
        notes.append(
            ProvenanceNote(field="html", source="microdata/rdfa", detail=f"not read: {error}")
        )
        return None
    for syntax, markup in documents:
        assert isinstance(markup, list)  # both syntaxes give a list of node objects
        document, named = headlines_from_names(markup)
        candidates: list[Article] = []
        try:
            articles = iter_articles(document, base_url=base)
            while True:
                try:
                    candidates.append(next(articles))
                except StopIteration:
                    break
                except NewspkgError as error:
                    errors.append(error)
                    notes.append(
                        ProvenanceNote(
                            field=syntax.value,
                            source=syntax.value,
                            detail=f"article skipped: {_reasons(error)}",
                        )
                    )
        except NewspkgError as error:
            errors.append(error)
            notes.append(
                ProvenanceNote(
                    field=syntax.value, source=syntax.value, detail=f"not read: {_reasons(error)}"
                )
            )
            continue
        if candidates:
            return _from(syntax, pick(candidates, page, document, base), named)
    return None


def _from(syntax: Syntax, article: Article, named: frozenset[str]) -> Article:
    """``article`` with notes saying it was read from ``syntax``, not from JSON-LD.

    ``named`` are the names read as headlines (`headlines_from_names`); an article whose
    headline is one of them gets a note saying so.
    """
    name = _SYNTAX_NAMES[syntax]
    notes = [
        attrs.evolve(note, source=syntax.value) if note.source == READER_SOURCE else note
        for note in article.provenance
    ]
    read = ProvenanceNote(
        field="kind",
        source=syntax.value,
        detail=f"the page has no JSON-LD article; the article was read from its {name}",
    )
    if " ".join(article.headline.split()) in named:
        notes.append(
            ProvenanceNote(
                field="headline",
                source=syntax.value,
                detail=f"the {name} article has no headline; its name was read as the headline",
            )
        )
    return attrs.evolve(article, provenance=(read, *notes))


def _reasons(error: NewspkgError) -> str:
    return "; ".join(str(problem) for problem in error.problems)
