"""Composing an article's graph with an integrator's own nodes: @ids stay unique."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given

from newspkg import (
    Article,
    DuplicateIdError,
    ValidationError,
    compose_graph,
    from_jsonld,
    to_jsonld,
    to_script_tag,
)
from newspkg._jsonld.processing import JsonObject, expand
from tests.strategies import articles

URL = "https://example.com/reviews/kettle"
PRODUCT: JsonObject = {
    "@type": "Product",
    "@id": "https://example.com/p/kettle#product",
    "name": "Kettle",
    "offers": {"@type": "Offer", "@id": "https://example.com/p/kettle#offer", "price": "30"},
}

DIFFERENT_CONTEXT = (
    "differs from the document's @context 'https://schema.org'; "
    "write the node in the document's terms"
)
COPY_HINT = "set it on a copy of the document instead of replacing it here"


def document() -> JsonObject:
    return to_jsonld(Article(url=URL, headline="A kettle that boils in a minute"))


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in error.value.problems]


def test_nodes_are_appended_and_properties_merged() -> None:
    before = document()
    kept = copy.deepcopy(before)

    doc = compose_graph(
        before, [PRODUCT], properties={f"{URL}#article": {"about": {"@id": PRODUCT["@id"]}}}
    )

    graph = doc["@graph"]
    assert isinstance(graph, list)
    assert (doc["@context"], graph[-1], len(graph)) == ("https://schema.org", PRODUCT, 3)
    assert graph[0] == {**kept["@graph"][0], "about": {"@id": PRODUCT["@id"]}}  # type: ignore[index, dict-item]
    assert before == kept  # the input is not changed


def test_the_article_still_reads_back_from_the_composed_graph() -> None:
    article = Article(url=URL, headline="A kettle that boils in a minute")

    doc = compose_graph(to_jsonld(article), [PRODUCT])

    assert from_jsonld(doc) == article


@given(articles())
def test_composed_graph_keeps_every_article_node_and_expands(article: Article) -> None:
    base = to_jsonld(article)

    doc = compose_graph(base, [PRODUCT])

    assert doc["@graph"] == [*base["@graph"], PRODUCT]  # type: ignore[misc]
    assert expand(doc)  # still valid JSON-LD for pyld


def test_a_node_reusing_the_article_id_is_a_duplicate() -> None:
    clash: JsonObject = {"@type": "Product", "@id": f"{URL}#article", "name": "Kettle"}

    with pytest.raises(DuplicateIdError) as raised:
        compose_graph(document(), [clash])

    assert problems(raised) == [
        ("nodes[0].@id", f"'{URL}#article' is already the @id of @graph[0]")
    ]


def test_two_new_nodes_with_one_embedded_id_are_duplicates() -> None:
    other: JsonObject = {
        "@type": "Event",
        "@id": "https://example.com/e#event",
        "offers": {"@id": "https://example.com/p/kettle#offer", "price": "12"},
    }

    with pytest.raises(DuplicateIdError) as raised:
        compose_graph(document(), [PRODUCT, other])

    assert problems(raised) == [
        (
            "nodes[1].offers.@id",
            "'https://example.com/p/kettle#offer' is already the @id of nodes[0].offers",
        )
    ]


def test_references_are_not_duplicates() -> None:
    review: JsonObject = {
        "@type": "Review",
        "@id": "https://example.com/r#review",
        "itemReviewed": {"@id": PRODUCT["@id"]},
        "author": [{"@id": f"{URL}#article"}],
    }

    doc = compose_graph(document(), [PRODUCT, review])

    assert doc["@graph"][-2:] == [PRODUCT, review]  # type: ignore[index]


def test_a_single_node_document_becomes_a_graph() -> None:
    single: JsonObject = {"@context": "https://schema.org", "@type": "Event", "name": "Launch"}

    doc = compose_graph(single, [PRODUCT])

    assert doc == {
        "@context": "https://schema.org",
        "@graph": [{"@type": "Event", "name": "Launch"}, PRODUCT],
    }


def test_a_node_in_the_same_context_may_say_so() -> None:
    node: JsonObject = {"@context": "https://schema.org", **PRODUCT}

    assert compose_graph(document(), [node])["@graph"][-1] == PRODUCT  # type: ignore[index]


@pytest.mark.parametrize(
    ("nodes", "properties", "expected"),
    [
        (
            [{"@context": "https://example.org/ctx", "@type": "Thing"}],
            None,
            [
                (
                    "nodes[0].@context",
                    DIFFERENT_CONTEXT,
                )
            ],
        ),
        (["Product"], None, [("nodes[0]", "expected an object, got str")]),
        (
            [],
            {"https://example.com/nowhere": {"about": "x"}},
            [("properties['https://example.com/nowhere']", "no node of the graph has this @id")],
        ),
        (
            [],
            {f"{URL}#article": {"headline": "Other", "@type": "Review"}},
            [
                (
                    f"properties['{URL}#article'].headline",
                    f"@graph[0] already has 'headline'; {COPY_HINT}",
                ),
                (
                    f"properties['{URL}#article'].@type",
                    f"@graph[0] already has '@type'; {COPY_HINT}",
                ),
            ],
        ),
    ],
)
def test_what_cannot_be_composed_is_a_validation_error(
    nodes: list[object], properties: dict[str, JsonObject] | None, expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationError) as raised:
        compose_graph(document(), nodes, properties=properties)  # type: ignore[arg-type]

    assert (problems(raised), type(raised.value)) == (expected, ValidationError)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ([], [("$", "expected a JSON-LD document (an object), got list")]),
        ({"@graph": {"@id": "x"}}, [("@graph", "expected a list, got dict")]),
    ],
)
def test_a_document_that_is_no_graph_is_a_validation_error(
    doc: object, expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationError) as raised:
        compose_graph(doc)  # type: ignore[arg-type]

    assert problems(raised) == expected


def test_plain_dict_literals_type_check_and_compose() -> None:
    # No JsonObject annotations: mypy infers dict[str, str] and dict[str, dict[str, str]],
    # which the signatures accept, as an integrator would write them.
    event = {"@type": "Event", "@id": "https://example.com/e#event", "name": "Launch"}
    about = {f"{URL}#webpage": {"about": {"@id": event["@id"]}}}

    doc = compose_graph(document(), [event], properties=about)

    assert to_script_tag(doc, compact=True).count("https://example.com/e#event") == 2
