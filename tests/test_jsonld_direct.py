"""The direct reader agrees with pyld on every document it takes, and leaves the rest to pyld.

`expand_direct` must give pyld's expanded form exactly (same nodes, keys, values, order), and
`DirectGraph` (which builds the reader's graph straight from the compact JSON) the graph of
that expanded form exactly, so the reader gives identical articles, provenance notes
included, whichever path a document takes. Documents they cannot prove equivalent must raise
`Unsupported` and go through pyld.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pyld.iri_resolver import resolve

from newspkg import Article, NewspkgError, from_jsonld, iter_articles
from newspkg._jsonld import direct, direct_graph
from newspkg._jsonld.direct import Unsupported, expand_direct, expand_document, resolve_reference
from newspkg._jsonld.direct_graph import DirectGraph, NotDirectGraph
from newspkg._jsonld.graph import Graph, Item, Literal, Node, literal, with_fixed_contexts
from newspkg._jsonld.processing import JsonObject, JsonValue, bundled_context, expand, load_json
from tests.strategies import (
    PAGE_URLS,
    graph_shape_documents,
    non_direct_documents,
    schema_documents,
    term_documents,
)

# Measured: 408 of 417 real-world files and 26 of 26 schema.org examples qualify.
MIN_DIRECT_SHARE = 0.9

Outcome = tuple[Article, list[Article]] | tuple[str, str]


@contextmanager
def pyld_only() -> Iterator[None]:
    """Make every document take the pyld path, as before the direct reader existed."""
    with (
        mock.patch.object(direct, "expand_direct", side_effect=Unsupported),
        mock.patch.object(direct_graph, "DirectGraph", side_effect=Unsupported),
    ):
        yield


@contextmanager
def two_step_only() -> Iterator[None]:
    """Make every document take the two-step direct path: expand directly, then the graph."""
    with mock.patch.object(direct_graph, "DirectGraph", side_effect=NotDirectGraph):
        yield


def graph_dump(graph: Graph) -> list[object]:
    """Every node of ``graph`` with its values, nodes named by their first place in the list."""
    numbers: dict[int, int] = {}

    def item(value: Item) -> object:
        if isinstance(value, Node):
            return ("node", numbers.setdefault(id(value), len(numbers)))
        return value

    return [
        (
            item(node),
            node.id,
            node.path,
            node.nested,
            list(node.types),
            {name: [item(value) for value in values] for name, values in node.props.items()},
        )
        for node in graph.nodes
    ]


def direct_graph_dump(document: JsonValue, base: str | None) -> list[object] | None:
    """`DirectGraph`'s graph, or None when it leaves the document to the two-step path."""
    try:
        return graph_dump(DirectGraph(document, base=base).graph)
    except NotDirectGraph:
        return None


def read(source: JsonValue, base: str | None) -> Outcome:
    try:
        return from_jsonld(source, base_url=base), list(iter_articles(source, base_url=base))
    except NewspkgError as error:
        return type(error).__name__, str(error)


def both_paths(source: JsonValue, base: str | None) -> tuple[Outcome, Outcome]:
    fast = read(source, base)
    with pyld_only():
        slow = read(source, base)
    return fast, slow


def expanded_or_error(document: JsonValue, base: str | None) -> str:
    """pyld's expansion as JSON text: key order counts (the reader's node order follows it)."""
    try:
        return json.dumps(expand(document, base=base))
    except NewspkgError as error:
        return f"{type(error).__name__}: {error}"


def corpus_documents(corpus: Path) -> list[tuple[str, JsonValue, str | None]]:
    found: list[tuple[str, JsonValue, str | None]] = []
    with (corpus / "realworld" / "index.tsv").open(encoding="utf-8", newline="") as index:
        for row in csv.DictReader(index, delimiter="\t"):
            if not row["json_status"].startswith("invalid"):
                data = (corpus / "realworld" / row["file"]).read_bytes()
                found.append((row["file"], load_json(data), row["page_url"] or None))
    examples = sorted((corpus / "schemaorg-examples").glob("*.json"))
    found.extend(
        (path.name, json.loads(path.read_text(encoding="utf-8")), None) for path in examples
    )
    return found


def test_corpus_documents_read_identically_on_both_paths(shared_corpus: Path) -> None:
    documents = corpus_documents(shared_corpus)
    qualifying = []
    for name, document, base in documents:
        fixed = with_fixed_contexts(document)
        try:
            qualifying.append((name, expand_direct(fixed, base=base), fixed, document, base))
        except Unsupported:
            continue

    expansions_differ = [
        name
        for name, expanded, fixed, _, base in qualifying
        if json.dumps(expanded) != expanded_or_error(fixed, base)
    ]
    graphs_differ = [
        name
        for name, expanded, fixed, _, base in qualifying
        # None: left to the two-step path (a page's IRI-valued terms), checked below.
        if (graph := direct_graph_dump(fixed, base)) is not None
        and graph != graph_dump(Graph(expanded))
    ]
    articles_differ = [
        name
        for name, _, _, document, base in qualifying
        if len(set(map(repr, both_paths(document, base)))) != 1
    ]

    assert len(qualifying) >= MIN_DIRECT_SHARE * len(documents)
    assert (expansions_differ, graphs_differ, articles_differ) == ([], [], [])


def assert_direct_agrees_with_pyld(document: JsonValue, base: str | None) -> None:
    """The direct expansion, the direct graph and both read paths agree with pyld's."""
    fixed = with_fixed_contexts(document)

    expanded = expand_direct(fixed, base=base)  # Unsupported here fails the test
    graph = direct_graph_dump(fixed, base)
    fast, slow = both_paths(document, base)
    with two_step_only():
        two_step = read(document, base)

    assert json.dumps(expanded) == expanded_or_error(fixed, base)
    assert graph is None or graph == graph_dump(Graph(expanded))
    assert fast == slow == two_step


@given(document=schema_documents(), base=st.sampled_from(PAGE_URLS[:3]))
def test_generated_documents_take_the_direct_path_and_agree_with_pyld(
    document: JsonValue, base: str | None
) -> None:
    assert_direct_agrees_with_pyld(document, base)


@given(document=schema_documents(), base=st.sampled_from(PAGE_URLS[:3]))
def test_generated_documents_mostly_build_the_direct_graph(
    document: JsonValue, base: str | None
) -> None:
    # The test above lets the one-walk graph hand a document to the two-step path (None);
    # here it must be built often enough for hypothesis to find examples, and be equal.
    fixed = with_fixed_contexts(document)
    graph = direct_graph_dump(fixed, base)
    assume(graph is not None)

    assert graph == graph_dump(Graph(expand_direct(fixed, base=base)))


@given(document=graph_shape_documents(), base=st.sampled_from(PAGE_URLS[:2]))
def test_the_direct_graph_is_the_graph_of_the_direct_expansion(
    document: JsonValue, base: str | None
) -> None:
    try:
        expanded = expand_direct(document, base=base)
    except Unsupported:
        with pytest.raises((Unsupported, NotDirectGraph)):
            DirectGraph(document, base=base)
        return

    graph = direct_graph_dump(document, base)  # Unsupported here fails the test

    assert graph is None or graph == graph_dump(Graph(expanded))


@pytest.mark.parametrize(
    "document",
    [
        # @graph written as one object: expansion makes it a list, and the object the document.
        {"@context": "https://schema.org", "@graph": {"@type": "NewsArticle", "headline": "h"}},
        # A node inside an array nested in a property: its path counts the flattened place.
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "author": ["x", [{"name": "A"}]],
        },
    ],
)
def test_shapes_the_direct_graph_once_got_wrong(document: JsonObject) -> None:
    expanded = expand_direct(document, base=None)

    assert direct_graph_dump(document, None) == graph_dump(Graph(expanded))


@given(document=non_direct_documents(), base=st.sampled_from(PAGE_URLS[1:3]))
def test_documents_it_cannot_prove_equivalent_take_the_pyld_path(
    document: JsonValue, base: str
) -> None:
    fixed = with_fixed_contexts(document)

    with pytest.raises(Unsupported):
        expand_direct(fixed, base=base)
    # NotDirectGraph leads to expand_direct, which refuses the document (checked above).
    with pytest.raises((Unsupported, NotDirectGraph)):
        DirectGraph(fixed, base=base)
    try:
        result = json.dumps(expand_document(fixed, base=base))
    except NewspkgError as error:
        result = f"{type(error).__name__}: {error}"
    assert result == expanded_or_error(fixed, base)


_REFERENCE_CHARS = "ab/.?#:"


@given(
    value=st.text(_REFERENCE_CHARS, max_size=8) | st.sampled_from(["#x", "?p=1", "/n/1", "n"]),
    base=st.sampled_from(["https://example.com/a/b?q=1#f", "https://example.com", "urn:x:y"])
    | st.text("htps:/.?#ab", max_size=24),
)
def test_relative_references_resolve_as_pyld_resolves_them(value: str, base: str) -> None:
    try:
        ours = resolve_reference(value, base)
    except Unsupported:
        return  # left to pyld
    assert ours == resolve(value, base)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "https://example.com/news/a"),
        ("#article", "https://example.com/news/a#article"),
        ("?page=2", "https://example.com/news/a?page=2"),
        ("/about#org", "https://example.com/about#org"),
        ("b#x", "https://example.com/news/b#x"),
        ("//cdn.example.com/x.jpg", "https://cdn.example.com/x.jpg"),
    ],
)
def test_the_relative_references_pages_use_are_resolved_directly(value: str, expected: str) -> None:
    assert resolve_reference(value, "https://example.com/news/a#top") == expected


@pytest.mark.parametrize(
    ("value", "base"),
    [
        ("../up", "https://example.com/news/a"),
        ("./here", "https://example.com/news/a"),
        ("//cdn.example.com/./x", "https://example.com/news/a"),
        ("b", "https://example.com/news/a?x=1/2"),
        ("/x", "https://example.com"),
    ],
)
def test_references_with_dot_segments_or_odd_bases_are_left_to_pyld(value: str, base: str) -> None:
    with pytest.raises(Unsupported):
        resolve_reference(value, base)


def test_a_page_with_only_schema_org_context_is_read_without_pyld() -> None:
    document: JsonObject = {
        "@context": "http://www.schema.org/",
        "@type": "NewsArticle",
        "url": "https://example.com/a",
        "headline": "Direct",
    }

    with (
        mock.patch.object(direct, "expand", side_effect=AssertionError("pyld was used")),
        mock.patch.object(direct_graph, "expand", side_effect=AssertionError("pyld was used")),
    ):
        article = from_jsonld(document)

    assert article.headline == "Direct"


def test_the_other_terms_constant_matches_the_bundled_context() -> None:
    context = bundled_context()["@context"]
    assert isinstance(context, dict)

    other = set(context) - direct.plain_terms() - {"@vocab"}

    assert sorted(other) == sorted(direct.OTHER_TERMS)


_TWO_STEP: list[JsonObject] = [
    # Two keys for one property: expansion merges their values, in key order.
    {"url": "https://example.com/a", "http://schema.org/url": "https://example.com/b"},
    {"author": [], "http://schema.org/author": {"@type": "Person", "name": "B"}},
    # Two namespaces for one name: the later key wins in the graph.
    {"image": "https://example.com/1.jpg", "https://schema.org/image": "https://example.com/2.jpg"},
    # The reader's own path mark, written by a page.
    {"urn:x-newspkg:path": "@graph[9]"},
]


@pytest.mark.parametrize("extra", _TWO_STEP)
def test_documents_direct_graph_leaves_to_the_two_step_path_read_identically(
    extra: JsonObject,
) -> None:
    document: JsonObject = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": "Two steps", "url": "https://example.com/a"},
            {"@type": "WebPage", "@id": "#page", "mainEntity": {"@type": "Article", **extra}},
        ],
    }

    with pytest.raises(NotDirectGraph):
        DirectGraph(document, base=PAGE_URLS[1])
    fast, slow = both_paths(document, PAGE_URLS[1])

    assert fast == slow


@given(document=term_documents(), base=st.sampled_from(PAGE_URLS[:3]))
def test_pages_own_term_definitions_it_can_prove_take_the_direct_path_and_agree_with_pyld(
    document: JsonValue, base: str | None
) -> None:
    assert_direct_agrees_with_pyld(document, base)


# The inline context of a real page (nbcnews.com): a vocabulary without its final slash, and
# two terms whose strings are IRIs, both naming schema.org's Text.
_NBC_CONTEXT: JsonObject = {
    "@vocab": "http://schema.org",
    "articleId": {"@id": "Text", "@type": "@id"},
    "topics": {"@id": "Text", "@type": "@id"},
}


def test_a_page_defining_iri_valued_terms_is_read_without_pyld_as_pyld_reads_it() -> None:
    document: JsonObject = {
        "@context": _NBC_CONTEXT,
        "@type": "NewsArticle",
        "url": "https://example.com/news/a",
        "headline": "Terms",
        "articleId": "rcna1",
        "topics": ["", "/topics/world"],
        "author": {"@context": "https://schema.org/", "@type": "Person", "name": "A"},
    }
    fixed = with_fixed_contexts(document)

    with (
        mock.patch.object(direct, "expand", side_effect=AssertionError("pyld was used")),
        mock.patch.object(direct_graph, "expand", side_effect=AssertionError("pyld was used")),
    ):
        expanded = expand_direct(fixed, base=PAGE_URLS[1])
        fast = read(document, PAGE_URLS[1])
    with pyld_only():
        slow = read(document, PAGE_URLS[1])

    assert json.dumps(expanded) == expanded_or_error(fixed, PAGE_URLS[1])
    assert expanded[0]["http://schema.org/Text"] == [
        {"@id": "https://example.com/news/rcna1"},
        {"@id": "https://example.com/news/story"},
        {"@id": "https://example.com/topics/world"},
    ]
    assert fast == slow


@pytest.mark.parametrize(
    "context",
    [
        # A term made an IRI by the page, then defined again by schema.org's context.
        [
            {"@vocab": "http://schema.org/", "name": {"@id": "url", "@type": "@id"}},
            "https://schema.org",
        ],
        # A term's IRI from a term of an earlier context, and one redefining an alias.
        [{"@vocab": "https://schema.org/", "Txt": "text"}, {"headline": "Txt", "id": "identifier"}],
    ],
)
def test_page_terms_over_other_contexts_expand_as_pyld_expands_them(context: JsonValue) -> None:
    document: JsonObject = {
        "@context": context,
        "@type": "NewsArticle",
        "id": "#a",
        "name": "/n",
        "headline": "h",
        "Txt": "t",
    }

    assert json.dumps(expand_direct(document, base=PAGE_URLS[1])) == expanded_or_error(
        document, PAGE_URLS[1]
    )


def test_contexts_the_direct_reader_takes_cost_no_context_processing() -> None:
    # pyld would process schema.org's 3,000-term context 50 times (and refuse the document
    # for the work, see test_jsonld_context_work.py); the direct reader applies each
    # context in time proportional to the page's own terms.
    alternating: list[JsonValue] = ["https://schema.org", {"a": "http://example.com/a"}] * 50
    document: JsonObject = {
        "@context": alternating,
        "@type": "NewsArticle",
        "url": "https://example.com/a",
        "headline": "Many contexts",
        "a": "x",
    }

    expanded = expand_direct(document, base=None)

    assert expanded == [
        {
            "@type": ["http://schema.org/NewsArticle"],
            "http://example.com/a": [{"@value": "x"}],
            "http://schema.org/headline": [{"@value": "Many contexts"}],
            "http://schema.org/url": [{"@value": "https://example.com/a"}],
        }
    ]


def test_a_context_defining_more_terms_than_the_limit_takes_the_pyld_path() -> None:
    limit = direct._TERMS_LIMIT
    within: JsonObject = {"@vocab": "http://schema.org/"}
    within.update({f"t{number}": f"http://example.com/{number}" for number in range(limit)})
    beyond: JsonObject = {**within, "one_more": "http://example.com/more"}

    expand_direct({"@context": within, "t0": "x"}, base=None)  # Unsupported fails the test
    with pytest.raises(Unsupported):
        expand_direct({"@context": beyond, "t0": "x"}, base=None)


# Terms a page gives other meanings: a node of the same keys, or a type of the same name,
# read under these is not schema.org's. DirectGraph remembers a node shape's plan and a
# type's names per context (direct.Context.shapes, .type_names); a memo shared between
# contexts would read these nodes as schema.org's.
_OTHER_MEANINGS: JsonObject = {
    "@vocab": "http://schema.org/",
    "name": "http://example.org/name",
    "Person": "http://example.org/Person",
}


def _person_pages() -> list[JsonObject]:
    article: JsonObject = {"@type": "NewsArticle", "headline": "h", "url": "https://example.com/a"}
    person: JsonObject = {"@type": "Person", "name": "A"}
    return [
        {"@context": "https://schema.org", **article, "author": person},
        {"@context": _OTHER_MEANINGS, **article, "author": person},
        {"@context": "https://schema.org", **article, "author": person},
        # The same shape nested under a context a parent node applies.
        {
            "@context": "https://schema.org",
            **article,
            "author": {"@context": _OTHER_MEANINGS, **person, "knows": person},
            "editor": person,
        },
    ]


def test_what_a_node_shape_and_a_type_mean_is_remembered_per_context() -> None:
    base = PAGE_URLS[1]
    types, names = [], []
    for document in _person_pages():
        graph = DirectGraph(document, base=base).graph  # NotDirectGraph fails the test
        types.append([node.types for node in graph.nodes])
        names.append([sorted(node.props) for node in graph.nodes])
        assert_direct_agrees_with_pyld(document, base)

    assert types == [
        [["NewsArticle"], ["Person"]],
        [["NewsArticle"], []],
        [["NewsArticle"], ["Person"]],
        [["NewsArticle"], [], [], ["Person"]],
    ]
    assert names[1] == [["author", "headline", "url"], []]
    assert names[3][1:] == [["knows"], [], ["name"]]


@pytest.mark.parametrize("value", ["text", "", 0, 7, -2.5, True, False])
def test_the_graph_s_quick_literal_is_the_literal_attrs_makes(value: str | float | bool) -> None:
    quick, made = literal(value), Literal(value)

    assert type(quick) is Literal
    assert (quick, hash(quick), repr(quick)) == (made, hash(made), repr(made))
    assert type(quick.value) is type(value)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quick.value = "changed"  # type: ignore[misc]
    # What `literal` skips must stay nothing but the slot's assignment.
    (field,) = attrs.fields(Literal)
    assert (field.validator, field.converter) == (None, None)
    assert not hasattr(Literal, "__attrs_post_init__")
    assert not hasattr(Literal, "__attrs_pre_init__")
