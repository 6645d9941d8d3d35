"""Expansion without pyld for documents that only use schema.org's context: the common case.

Nearly every page (406 of the 411 readable real-world corpus documents) says
``"@context": "https://schema.org"`` (or an inline context that only sets
``@vocab`` to schema.org and aliases ``id``/``type``) and nothing else JSON-LD can do. For those,
expansion is a plain walk: every term is ``http://schema.org/`` plus its name, every value
becomes ``{"@value": ...}``, ``@id``s are resolved against the page URL. `expand_direct` does
that walk and gives the same list of node objects as pyld's ``expand`` with the bundled context,
key for key and in the same order (the reader's node order follows it).

Pages' own term definitions are taken when their meaning is plain (`_term_definition`: a
simple term for an IRI, with at most ``"@type": "@id"``), and list objects of values and nodes.
The decision is made per document and is never a guess: the first thing the walk does not
handle *exactly* as pyld would (other term definitions, compact IRIs, ``@base``, ``@language``,
lists of lists, typed or language-tagged values, relative IRIs it cannot resolve identically,
input pyld refuses) raises `Unsupported`, and the whole document goes through pyld as before
(`expand_document`). ``tests/test_jsonld_direct.py`` compares both paths.

Following pyld's expansion (JSON-LD 1.1 Processing Algorithms, section 5): object keys are
visited in sorted order; free-floating nodes (empty, or with only an ``@id``) and scalars at
the top level or in ``@graph`` are dropped; ``null`` values are dropped; nested arrays are
flattened; a top-level object with nothing but ``@graph`` is replaced by the graph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Final, NamedTuple

from newspkg._jsonld.processing import (
    JsonObject,
    JsonValue,
    bundled_context,
    check_json_value,
    expand,
    is_schemaorg_context_url,
)
from newspkg._schemaorg.mapping import SCHEMA_VOCABS

__all__ = [
    "INITIAL_CONTEXT",
    "OTHER_TERMS",
    "Context",
    "KeyPlan",
    "Unsupported",
    "Walk",
    "apply_context",
    "expand_direct",
    "expand_document",
    "key_iri",
    "plain_terms",
    "type_iris",
]

# The bundled context's @vocab, and the namespace every schema.org term maps to.
_SCHEMA: Final = "http://schema.org/"
# pyld's test for an absolute IRI (kept identical, so that keys it drops are dropped here).
_ABSOLUTE: Final = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$")
_ALIASES: Final = {"id": "@id", "type": "@type"}
_NO_ALIASES: Final[Mapping[str, str]] = {}


# The bundled context's terms that are not plain schema.org names: prefixes (dc, schema, ...),
# HTML (rdf:HTML) and the id/type aliases. Kept as a constant so that reading a page never
# loads the 3,000-term context; tests/test_jsonld_direct.py checks it against the bundle.
# fmt: off
OTHER_TERMS: Final = frozenset({
    "HTML", "bibo", "brick", "cmns-cls", "cmns-col", "cmns-dt", "cmns-ge", "cmns-id",
    "cmns-loc", "cmns-q", "cmns-txt", "csvw", "dc", "dcam", "dcat", "dcmitype", "dct",
    "dcterms", "dctype", "doap", "eli", "fibo-be-corp-corp", "fibo-be-ge-ge", "fibo-be-le-cb",
    "fibo-be-le-lp", "fibo-be-nfp-nfp", "fibo-be-oac-cctl", "fibo-fbc-dae-dbt",
    "fibo-fbc-pas-fpas", "fibo-fnd-acc-cur", "fibo-fnd-agr-ctr", "fibo-fnd-arr-doc",
    "fibo-fnd-arr-lif", "fibo-fnd-dt-oc", "fibo-fnd-org-org", "fibo-fnd-pas-pas",
    "fibo-fnd-plc-adr", "fibo-fnd-plc-fac", "fibo-fnd-plc-loc", "fibo-fnd-pty-pty",
    "fibo-fnd-rel-rel", "fibo-pay-ps-ps", "foaf", "gleif-L1", "gs1", "hydra", "id",
    "lcc-3166-1", "lcc-4217", "lcc-cr", "lcc-lr", "lrmoo", "mo", "odrl", "og", "org", "owl",
    "prof", "prov", "qb", "rdf", "rdfs", "sarif", "schema", "sh", "skos", "snomed", "sosa",
    "ssn", "time", "type", "unece", "vann", "vcard", "void", "xml", "xsd",
})
# fmt: on


class Unsupported(Exception):  # noqa: N818 (a signal between two functions, never raised out)
    """The document uses something only pyld handles exactly; it must go through pyld."""


# How `direct_graph` walks a node object with a given tuple of keys (see `Context.shapes`).
KeyPlan = tuple[tuple[str, str, str | None], ...]


class Context(NamedTuple):
    """The little of an active context that qualifying documents can set."""

    bundled: bool  # schema.org's terms are defined
    vocab: str | None
    aliases: Mapping[str, str]  # term -> keyword ("id" -> "@id")
    # What each key seen so far expands to ("" when pyld drops it): pages repeat the same
    # few dozen keys, and there are only a handful of contexts (`_context` interns them).
    keys: dict[str, str]
    types: dict[str, str]  # the same for @type values
    # Terms a page defines itself (see `_term_definition`): term -> absolute IRI, and the
    # terms among them whose string values are IRIs ("@type": "@id").
    terms: Mapping[str, str]
    id_terms: frozenset[str]
    # `direct_graph`'s memos, one per context as for keys: node shapes (the keys of a node
    # object as written -> its keys in the order expansion visits them, with what each
    # expands to), and the schema.org names of a type written as one string.
    shapes: dict[tuple[str, ...], KeyPlan]
    type_names: dict[str, tuple[str, ...]]


_ContextKey = tuple[
    bool, str | None, frozenset[tuple[str, str]], frozenset[tuple[str, str]], frozenset[str]
]
# Without page-defined terms, at most 3 x 3 x 4 contexts exist (bundled or not, three
# vocabularies, four alias sets); pages defining terms add a few, up to the limit.
_CONTEXTS: dict[_ContextKey, Context] = {}
_CONTEXTS_LIMIT: Final = 64  # beyond it, a context and its memo live for one document
_MEMO_LIMIT: Final = 4096  # keys remembered per context; page-made keys cannot grow it further
_NO_TERMS: Final[Mapping[str, str]] = {}
# Page-defined terms one active context may hold on the direct path. Every context applied
# copies them, so without a bound a page of many terms and many contexts would cost their
# product; real pages define a handful.
_TERMS_LIMIT: Final = 64


def _context(
    *,
    bundled: bool,
    vocab: str | None,
    aliases: Mapping[str, str],
    terms: Mapping[str, str] = _NO_TERMS,
    id_terms: frozenset[str] = frozenset(),
) -> Context:
    key = (bundled, vocab, frozenset(aliases.items()), frozenset(terms.items()), id_terms)
    found = _CONTEXTS.get(key)
    if found is None:
        found = Context(bundled, vocab, dict(aliases), {}, {}, dict(terms), id_terms, {}, {})
        if len(_CONTEXTS) < _CONTEXTS_LIMIT:  # page-made terms cannot grow it further
            _CONTEXTS[key] = found
    return found


INITIAL_CONTEXT: Final = _context(bundled=False, vocab=None, aliases=_NO_ALIASES)


@cache
def plain_terms() -> frozenset[str]:
    """The bundled context's plain terms: ``T`` defined as ``{"@id": "schema:T"}``.

    Each expands to ``http://schema.org/T``, which is what the bundled ``@vocab`` gives any
    other name too; the set is only needed when a page changes ``@vocab`` after naming the
    context, or writes ``name:suffix``. Reading it is a dictionary walk, not context
    processing.
    """
    context = bundled_context()["@context"]
    assert isinstance(context, dict)
    return frozenset(
        term
        for term, definition in context.items()
        if isinstance(definition, dict) and definition == {"@id": f"schema:{term}"}
    )


@lru_cache(maxsize=64)
def _is_context_url(url: str) -> bool:
    return is_schemaorg_context_url(url)


def expand_document(
    document: JsonValue, *, base: str | None, parsed: bool = False
) -> list[JsonObject]:
    """Expand ``document`` directly when it qualifies, else through pyld (same result).

    ``parsed=True`` says the document came from `load_json` on text, which checked it
    already (json.loads makes nothing but JSON types); other input is checked here.

    Raises:
        ParseError, RemoteContextError, LimitExceededError: as `processing.expand`.
    """
    if not parsed:
        check_json_value(document)
    try:
        return expand_direct(document, base=base)
    except Unsupported:
        return expand(document, base=base)


def expand_direct(document: JsonValue, *, base: str | None) -> list[JsonObject]:
    """Expand a document that only uses schema.org's context, exactly as pyld would.

    ``document`` must already be checked against the size and depth limits.

    Raises:
        Unsupported: the document needs pyld (see the module docstring).
    """
    walk = Walk(base or None)  # as processing.expand: an empty base is no base
    if isinstance(document, list):
        return [
            item
            for item in walk.array(INITIAL_CONTEXT, document, free_floating=True)
            if isinstance(item, dict)
        ]
    if not isinstance(document, dict):
        return []
    node = walk.node(INITIAL_CONTEXT, document, free_floating=True)
    if node is None:
        return []
    graph = node.get("@graph")
    if len(node) == 1 and isinstance(graph, list):
        return [item for item in graph if isinstance(item, dict)]
    return [node]


def apply_context(active: Context, local: JsonValue) -> Context:
    """Apply a local ``@context`` to ``active``; anything but the qualifying forms is refused."""
    if isinstance(local, list):
        for item in local:
            active = apply_context(active, item)
        return active
    if local is None:
        return INITIAL_CONTEXT
    if isinstance(local, str):
        if not _is_context_url(local):
            raise Unsupported
        return _with_bundle(active)
    if not isinstance(local, dict):
        raise Unsupported
    return _with_local(active, local)


def _with_bundle(active: Context) -> Context:
    """The bundled context applied: its terms (id/type aliases included) and @vocab.

    It replaces a page's own definitions of the same terms.
    """
    terms, id_terms = active.terms, active.id_terms
    if terms:
        plain = plain_terms()
        terms = {
            term: iri
            for term, iri in terms.items()
            if term not in plain and term not in OTHER_TERMS
        }
        id_terms = frozenset(term for term in id_terms if term in terms)
    return _context(
        bundled=True,
        vocab=_SCHEMA,
        aliases={**active.aliases, **_ALIASES},
        terms=terms,
        id_terms=id_terms,
    )


def _with_local(active: Context, local: Mapping[str, JsonValue]) -> Context:
    """Apply an inline context: ``@vocab``, the id/type aliases, provable term definitions."""
    vocab = active.vocab
    aliases, terms, id_terms = dict(active.aliases), dict(active.terms), set(active.id_terms)
    # pyld sets @vocab first, then defines the terms against it (JSON-LD 1.1 Processing
    # Algorithms, 4.1.2 "Context Processing Algorithm").
    if "@vocab" in local:
        local_vocab = local["@vocab"]
        if not isinstance(local_vocab, str) or local_vocab not in SCHEMA_VOCABS:
            raise Unsupported
        vocab = local_vocab
    resolving = active._replace(vocab=vocab, keys={}, types={}, shapes={}, type_names={})
    for key, value in local.items():
        if key == "@vocab":
            continue
        if _ALIASES.get(key) == value and isinstance(value, str):
            aliases[key] = value
            terms.pop(key, None)
            id_terms.discard(key)
            continue
        terms[key], coerced = _term_definition(resolving, local, key, value)
        if len(terms) > _TERMS_LIMIT:
            raise Unsupported  # pyld, whose context work is budgeted (context_work)
        aliases.pop(key, None)
        if coerced:
            id_terms.add(key)
        else:
            id_terms.discard(key)
    return _context(
        bundled=active.bundled,
        vocab=vocab,
        aliases=aliases,
        terms=terms,
        id_terms=frozenset(id_terms),
    )


def _term_definition(
    active: Context, local: Mapping[str, JsonValue], term: str, value: JsonValue
) -> tuple[str, bool]:
    """The IRI a page's own term maps to, and whether it makes string values IRIs.

    Only the definitions whose meaning needs nothing but the active context are taken: a
    simple term (no ``:``, no ``/``, no ``@``) defined as a string, or as an object with
    ``@id`` and at most ``"@type": "@id"``, whose ``@id`` names no term of the same context
    (pyld would define that one first) and expands, relative to the vocabulary, to an
    absolute IRI that is no keyword and no blank node (JSON-LD 1.1 Processing Algorithms,
    4.2.2 "Create Term Definition Algorithm"; 5.2.2 "IRI Expansion"). Anything
    else (containers, languages, reverse properties, scoped contexts, other coercions,
    ``null``) raises `Unsupported`.
    """
    if not term or term[0] == "@" or ":" in term or "/" in term:
        raise Unsupported
    if isinstance(value, str):
        definition: Mapping[str, JsonValue] = {"@id": value}
    elif isinstance(value, dict) and set(value) <= {"@id", "@type"}:
        definition = value
    else:
        raise Unsupported
    coerced = "@type" in definition
    if coerced and definition["@type"] != "@id":
        raise Unsupported  # a datatype, @vocab, @json or @none
    iri_of = definition.get("@id", term)
    if not isinstance(iri_of, str) or iri_of[:1] == "@":
        raise Unsupported  # null (the term is ignored), a keyword, or not a string
    if iri_of == term:
        # pyld: a term defined as itself is the vocabulary's (step 18), not a dependency.
        if active.vocab is None:
            raise Unsupported
        iri = active.vocab + term
    else:
        colon = iri_of.find(":")
        if iri_of in local or (colon > 0 and iri_of[:colon] in local):
            raise Unsupported  # defined by another term of this context
        iri = _expand_vocab(active, iri_of)
    if iri[:1] == "@" or iri.startswith("_:") or _ABSOLUTE.match(iri) is None:
        raise Unsupported
    return iri, coerced


def _is_term(context: Context, name: str) -> bool:
    if name in context.aliases or name in context.terms:
        return True
    if not context.bundled:
        return False
    return name in OTHER_TERMS or name in plain_terms()


def _expand_vocab(context: Context, value: str) -> str:
    """Expand a key or ``@type`` value as an IRI relative to the vocabulary."""
    alias = context.aliases.get(value)
    if alias is not None:
        return alias
    defined = context.terms.get(value)
    if defined is not None:
        return defined
    if context.bundled:
        if value in OTHER_TERMS:
            raise Unsupported  # a prefix (dc, schema) or HTML used as a term
        # A plain term is http://schema.org/T whatever @vocab says; under the bundled @vocab,
        # any other name is too, so the term table is only read when @vocab was changed.
        if ":" not in value and (context.vocab == _SCHEMA or value in plain_terms()):
            return _SCHEMA + value
    colon = value.find(":")
    if colon > 0:
        if value.startswith("_:") or value.startswith("//", colon + 1):
            return value
        if _is_term(context, value[:colon]):
            raise Unsupported  # a compact IRI
        if _ABSOLUTE.match(value):
            return value
    if context.vocab is None:
        raise Unsupported
    return context.vocab + value


def key_iri(context: Context, key: str) -> str:
    """What ``key`` expands to under ``context`` (see `_expand_key`), remembered per context."""
    memo = context.keys
    prop = memo.get(key)
    if prop is None:
        prop = _expand_key(context, key)
        if len(memo) < _MEMO_LIMIT:
            memo[key] = prop
    return prop


def _expand_key(context: Context, key: str) -> str:
    """What a key expands to: a keyword, an absolute IRI, or "" (skipped: @context, dropped)."""
    if key[:1] == "@":
        if key in {"@id", "@type", "@graph", "@value", "@list"}:
            return key
        if key == "@context":
            return ""
        raise Unsupported  # @list, @set, @reverse, @language, @nest, ... or "@foo"
    prop = _expand_vocab(context, key)
    if prop[0] != "@" and _ABSOLUTE.match(prop) is None:
        return ""  # pyld drops keys that expand to no absolute IRI
    return prop


class Walk:
    """One expansion: the page URL that relative ``@id``s resolve against."""

    def __init__(self, base: str | None) -> None:
        self.base = base

    def array(
        self, context: Context, values: list[JsonValue], *, free_floating: bool
    ) -> list[JsonValue]:
        """Expand the items of an array, dropping nulls and flattening nested arrays."""
        expanded: list[JsonValue] = []
        for value in values:
            if isinstance(value, list):
                expanded.extend(self.array(context, value, free_floating=free_floating))
            elif isinstance(value, dict):
                item = self.node(context, value, free_floating=free_floating)
                if item is not None:
                    expanded.append(item)
            elif value is not None and not free_floating:
                expanded.append({"@value": value})
        return expanded

    def id_values(self, context: Context, value: JsonValue) -> list[JsonValue]:
        """Expand the value of a term whose strings are IRIs: ``{"@id": ...}`` for each."""
        if isinstance(value, list):
            expanded: list[JsonValue] = []
            for item in value:
                expanded.extend(self.id_values(context, item))  # nested arrays flatten
            return expanded
        if isinstance(value, str):
            return [{"@id": self._expand_id(context, value)}]
        if isinstance(value, dict):
            if "@list" in value:
                raise Unsupported  # its strings are IRIs too: left to pyld
            node = self.node(context, value, free_floating=False)
            return [] if node is None else [node]
        return [] if value is None else [{"@value": value}]

    def node(
        self, context: Context, element: JsonObject, *, free_floating: bool
    ) -> JsonObject | None:
        """Expand a node object (or a plain value object); None when pyld would drop it."""
        if "@context" in element:
            context = apply_context(context, element["@context"])
        keys = sorted(element)
        props = [key_iri(context, key) for key in keys]
        if "@value" in props:
            return self._value_object(element, free_floating=free_floating)
        if "@list" in props:
            return self._list_object(context, element, free_floating=free_floating)
        result: JsonObject = {}
        for key, prop in zip(keys, props, strict=True):
            if not prop:
                continue  # @context (done above), or a key pyld drops
            value = element[key]
            if prop[0] == "@":
                if prop in result:
                    raise Unsupported  # colliding keywords (id and @id)
                self._keyword(context, result, prop, value)
            elif key in context.id_terms:
                # "@type": "@id": strings are IRIs (5.3.2 "Value Expansion", step 1).
                items = self.id_values(context, value)
                if items or isinstance(value, list):
                    _values(result, prop).extend(items)
            else:
                self._add_values(context, result, prop, value)
        if free_floating and (not result or (len(result) == 1 and "@id" in result)):
            return None
        return result

    def _add_values(
        self, context: Context, result: JsonObject, prop: str, value: JsonValue
    ) -> None:
        if isinstance(value, list):
            _values(result, prop).extend(self.array(context, value, free_floating=False))
        elif isinstance(value, dict):
            item = self.node(context, value, free_floating=False)
            if item is not None:
                _values(result, prop).append(item)
        elif value is not None:
            _values(result, prop).append({"@value": value})

    def _keyword(
        self, context: Context, result: JsonObject, keyword: str, value: JsonValue
    ) -> None:
        if keyword == "@id":
            if not isinstance(value, str):
                raise Unsupported  # pyld raises an error; let it
            result["@id"] = self._expand_id(context, value)
        elif keyword == "@type":
            types = type_iris(context, value)
            if types:  # pyld adds nothing for "@type": []
                result["@type"] = types
        elif keyword == "@graph":
            if isinstance(value, list):
                result["@graph"] = self.array(context, value, free_floating=True)
            elif isinstance(value, dict):
                item = self.node(context, value, free_floating=True)
                if item is not None:
                    result["@graph"] = [item]
            else:
                raise Unsupported  # pyld raises an error; let it
        else:
            raise Unsupported

    @staticmethod
    def _value_object(element: JsonObject, *, free_floating: bool) -> JsonObject | None:
        if len(element) != 1:
            raise Unsupported  # typed or language-tagged values, @index, ...
        (value,) = element.values()
        if isinstance(value, dict | list):
            raise Unsupported  # pyld raises an error; let it
        if value is None or free_floating:
            return None
        return {"@value": value}

    def _list_object(
        self, context: Context, element: JsonObject, *, free_floating: bool
    ) -> JsonObject:
        """Expand a list object whose items are values and nodes (pages write image lists).

        As pyld: nulls are dropped, scalars become value objects (JSON-LD 1.1 Processing
        Algorithms, 5.1.2 "Expansion Algorithm", the ``@list`` entry). Lists of lists, other keys
        beside ``@list``, a list where no property holds it: left to pyld.
        """
        value = element["@list"]
        if len(element) != 1 or free_floating or not isinstance(value, list):
            raise Unsupported
        items: list[JsonValue] = []
        for item in value:
            if isinstance(item, list) or (isinstance(item, dict) and "@list" in item):
                raise Unsupported  # a list of lists
            if isinstance(item, dict):
                node = self.node(context, item, free_floating=False)
                if node is not None:
                    items.append(node)
            elif item is not None:
                items.append({"@value": item})
        return {"@list": items}

    def _expand_id(self, context: Context, value: str) -> str:
        """Expand an ``@id`` as pyld does: absolute and blank ones kept, relative ones resolved."""
        if value.startswith("@"):
            raise Unsupported
        colon = value.find(":")
        if colon > 0:
            if value.startswith("_:") or value.startswith("//", colon + 1):
                return value
            if _is_term(context, value[:colon]) or _ABSOLUTE.match(value) is None:
                raise Unsupported
            return value
        if self.base is None:
            return value  # pyld leaves relative IRIs relative without a base
        return resolve_reference(value, self.base)


def type_iris(context: Context, value: JsonValue) -> list[JsonValue]:
    """The IRIs an ``@type`` value expands to under ``context``, remembered per context."""
    memo = context.types
    types: list[JsonValue] = []
    for name in value if isinstance(value, list) else [value]:
        if not isinstance(name, str):
            raise Unsupported  # pyld raises an error; let it
        iri = memo.get(name)
        if iri is None:
            if name.startswith("@"):
                raise Unsupported  # a keyword, kept by pyld
            iri = _expand_vocab(context, name)
            if iri.startswith("@"):
                raise Unsupported  # "type": "id"
            if len(memo) < _MEMO_LIMIT:
                memo[name] = iri
        types.append(iri)
    return types


def _values(result: JsonObject, prop: str) -> list[JsonValue]:
    """The list of values of ``prop`` in ``result``, added (empty) on first use."""
    values = result.get(prop)
    if not isinstance(values, list):
        values = result[prop] = []
    return values


def resolve_reference(value: str, base: str) -> str:
    """Resolve a relative reference (``#x``, ``?x``, ``/path``, ``path``) as pyld does.

    Only the forms whose result is a plain concatenation are handled (RFC 3986 section 5.2.2
    with no dot segments to remove; ``//host/path`` takes the base's scheme); anything else
    raises `Unsupported`.
    """
    fragment = base.find("#")
    if fragment > 0:
        base = base[:fragment]
    colon = base.find(":")
    if colon < 0 or ":" in value:
        raise Unsupported
    if not value:
        return base
    if value.startswith("?"):
        query = base.find("?")
        return (base[:query] if query > 0 else base) + value
    if value.startswith("#"):
        return base + value
    if "/." in value or value.startswith("."):
        raise Unsupported  # dot segments
    if value.startswith("//"):
        return base[: colon + 1] + value  # a network-path reference: the base's scheme
    if base.startswith("//", colon + 1):
        slash = base.find("/", colon + 3)
    else:
        slash = base.find("/", colon + 1)
    if slash < 0:
        raise Unsupported
    if value.startswith("/"):
        return base[:slash] + value
    path = base[slash:]
    if "?" in path or "/." in path:
        raise Unsupported
    return base[:slash] + path[: path.rfind("/") + 1] + value
