from __future__ import annotations

import contextlib
import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg._jsonld import processing as jp
from newspkg._jsonld.processing import (
    MAX_DEPTH,
    MAX_TEXT_SIZE,
    JsonValue,
    compact,
    expand,
    flatten,
    is_schemaorg_context_url,
    load_json,
)
from newspkg.errors import LimitExceededError, NewspkgError, ParseError, RemoteContextError

SCHEMA = "http://schema.org/"

json_values: st.SearchStrategy[JsonValue] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=20,
)


# --- load_json ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1}', {"a": 1}),
        (b'{"a": 1}', {"a": 1}),
        ("\ufeff[1]", [1]),
        (b"\xef\xbb\xbf[1]", [1]),
        ('{"a": 1}'.encode("utf-16"), {"a": 1}),
        ('<![CDATA[{"a": 1}]]>', {"a": 1}),
        ('\n  <![CDATA[\n{"a": 1}\n]]>\n', {"a": 1}),
        ('//<![CDATA[\n{"a": 1}\n//]]>', {"a": 1}),
        ('/*<![CDATA[*/{"a": 1}/*]]>*/', {"a": 1}),
        ('{"a": "line\nbreak\tand tab"}', {"a": "line\nbreak\tand tab"}),
        ('"<![CDATA[ kept ]]>"', "<![CDATA[ kept ]]>"),
    ],
)
def test_load_json_tolerates_what_pages_ship(text: str | bytes, expected: JsonValue) -> None:
    assert expected == load_json(text)


def test_load_json_returns_parsed_data_as_is() -> None:
    data: JsonValue = {"a": [1, 2.5, None, True, "x"]}
    assert load_json(data) is data


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"a": 1,\n "b": }', "line 2, column 7"),
        ('{"a": [1, 2,]}', "line 1, column 13"),
        ('<![CDATA[\n{"a" 1}]]>', "line 2, column 6"),
        ("", "line 1, column 1"),
    ],
)
def test_invalid_json_is_a_parse_error_with_line_and_column(text: str, where: str) -> None:
    with pytest.raises(ParseError, match=where) as raised:
        load_json(text)
    assert raised.type is ParseError
    assert raised.value.problems[0].path == "$"


@pytest.mark.parametrize(
    "text",
    ["NaN", "[Infinity]", '{"a": -Infinity}', "1" * 5000, b"\xff\xfe\x00\xd8", b'"\xc3('],
)
def test_not_quite_json_is_a_parse_error(text: str | bytes) -> None:
    with pytest.raises(ParseError):
        load_json(text)


@pytest.mark.parametrize(
    "value",
    [(1, 2), {1: "a"}, math.nan, [math.inf], {"a": object()}, {"a": {1, 2}}],
)
def test_parsed_data_must_be_json(value: object) -> None:
    with pytest.raises(ParseError):
        load_json(value)  # type: ignore[arg-type]


def test_path_is_reported() -> None:
    with pytest.raises(ParseError) as raised:
        load_json("{", path="scripts[2]")
    assert raised.value.problems[0].path == "scripts[2]"


@pytest.mark.parametrize("kind", [str, bytes])
def test_deep_nesting_text_is_a_limit_not_a_recursion_error(kind: type) -> None:
    text = "[" * 100_000 + "]" * 100_000
    with pytest.raises(LimitExceededError, match="deeper than 64"):
        load_json(text if kind is str else text.encode())


def test_nesting_at_the_limit_is_fine_and_one_more_is_not() -> None:
    assert load_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    with pytest.raises(LimitExceededError):
        load_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = json.dumps({"a": "[" * 1000, "b": '\\"[[[[' * 100})
    assert load_json(text) == json.loads(text)


def test_deep_parsed_data_is_a_limit() -> None:
    value: JsonValue = []
    for _ in range(100_000):
        value = [value]
    with pytest.raises(LimitExceededError):
        load_json(value)


def test_self_containing_data_is_a_limit_not_a_hang() -> None:
    loop: list[JsonValue] = []
    loop.append(loop)
    with pytest.raises(LimitExceededError):
        load_json(loop)


def test_too_many_values_is_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jp, "MAX_VALUES", 10)
    with pytest.raises(LimitExceededError, match="more than 10 values"):
        load_json(list(range(11)))


@pytest.mark.parametrize("kind", [str, bytes])
def test_oversize_text_is_a_limit(kind: type) -> None:
    text = " " * MAX_TEXT_SIZE + "1"
    with pytest.raises(LimitExceededError, match="limit"):
        load_json(text if kind is str else text.encode())


@given(json_values)
def test_any_json_value_loads_as_data_and_as_text(value: JsonValue) -> None:
    # A str is always JSON text, so parsed data is checked wrapped in a list.
    data: JsonValue = [value]
    assert load_json(data) is data
    assert load_json(json.dumps(value)) == value
    assert load_json(json.dumps(value).encode()) == value


@given(st.text() | st.binary())
def test_any_text_loads_or_raises_a_newspkg_error(text: str | bytes) -> None:
    with contextlib.suppress(NewspkgError):
        load_json(text)


@given(json_values)
def test_any_json_value_expands_or_raises_a_newspkg_error(value: JsonValue) -> None:
    with contextlib.suppress(NewspkgError):
        expand(value)


# --- the offline loader -------------------------------------------------------------------

SCHEMAORG_CONTEXT_URLS = [
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
    "https://www.schema.org",
    "http://www.schema.org/",
    "HTTPS://Schema.ORG/",
    "https://schema.org/docs/jsonldcontext.json",
    "http://schema.org/docs/jsonldcontext.jsonld",
    "https://www.schema.org/docs/jsonldcontext.json",
]


@pytest.mark.parametrize("url", SCHEMAORG_CONTEXT_URLS)
def test_every_schemaorg_context_form_resolves_offline(url: str) -> None:
    assert is_schemaorg_context_url(url)
    doc: JsonValue = {"@context": url, "@type": "NewsArticle", "headline": "Hi"}
    expected = [{"@type": [SCHEMA + "NewsArticle"], SCHEMA + "headline": [{"@value": "Hi"}]}]
    assert expected == expand(doc)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/ctx.jsonld",
        "https://schema.org/Article",
        "https://schema.org/?x=1",
        "https://schema.org/#",
        "https://schema.org:8443/",
        "https://user@schema.org/",
        "https://schema.org.evil.example/",
        "ftp://schema.org/",
        "https://schema.org/version/latest/schemaorg-current-https.jsonld",
    ],
)
def test_other_context_urls_are_refused_without_network(url: str) -> None:
    assert not is_schemaorg_context_url(url)
    with pytest.raises(RemoteContextError, match=re.escape(url)):
        expand({"@context": url, "@type": "NewsArticle"})


def test_remote_context_inside_an_array_or_nested_node_is_refused() -> None:
    doc: JsonValue = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "author": {"@context": ["https://example.com/ctx.jsonld"], "name": "A"},
    }
    with pytest.raises(RemoteContextError, match=r"example\.com"):
        expand(doc)


@pytest.mark.parametrize("context", ["schema.org", "//schema.org"])
def test_relative_context_without_base_is_refused(context: str) -> None:
    with pytest.raises(RemoteContextError, match="relative"):
        expand({"@context": context, "@type": "NewsArticle"})


def test_protocol_relative_context_resolves_with_a_page_base() -> None:
    doc: JsonValue = {"@context": "//schema.org", "@type": "NewsArticle"}
    expected = [{"@type": [SCHEMA + "NewsArticle"]}]
    assert expected == expand(doc, base="https://news.example/a")


def test_bundled_context_is_processed_once_for_all_url_forms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    real_loader = jp._load_document

    def counting_loader(url: str, options: object) -> dict[str, object]:
        calls.append(url)
        return real_loader(url, options)

    monkeypatch.setattr(jp, "_SHARED_CACHE", jp._BundledContextCache())
    monkeypatch.setattr(jp, "_load_document", counting_loader)
    for url in SCHEMAORG_CONTEXT_URLS:
        expand({"@context": url, "@type": "NewsArticle"})
    assert [SCHEMAORG_CONTEXT_URLS[0]] == calls


def test_shared_cache_keeps_only_the_bundled_context() -> None:
    cache = jp._BundledContextCache()
    cache["canonical inline context"] = {"static": "x"}
    cache["https://example.com/ctx"] = {"static": "y"}
    assert len(cache) == 0
    assert cache.get("https://example.com/ctx") is None
    cache["https://schema.org"] = {"static": "z"}
    assert cache.get("http://www.schema.org/") == {"static": "z"}
    assert len(cache) == 1
    assert list(cache) == []
    with pytest.raises(KeyError):
        del cache["https://schema.org"]


# --- expand / compact / flatten -----------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "namespace"),
    [
        ("https://schema.org", SCHEMA),
        (["http://schema.org/", {"x": "https://example.org/x"}], SCHEMA),
        ({"@vocab": "http://schema.org/"}, SCHEMA),
        ({"@vocab": "https://schema.org/"}, "https://schema.org/"),
    ],
)
def test_context_forms_expand(context: JsonValue, namespace: str) -> None:
    doc: JsonValue = {"@context": context, "@type": "NewsArticle", "headline": "Hi"}
    expected = [{"@type": [namespace + "NewsArticle"], namespace + "headline": [{"@value": "Hi"}]}]
    assert expected == expand(doc)


def test_relative_ids_stay_relative_without_a_base() -> None:
    doc: JsonValue = {
        "@context": "https://schema.org",
        "@id": "#article",
        "@type": "NewsArticle",
        "author": {"@id": "/people/ann"},
        "mainEntityOfPage": {"@id": "page.html"},
    }
    expanded = expand(doc)
    assert "example.org" not in json.dumps(expanded)
    assert expanded[0]["@id"] == "#article"
    assert expanded[0][SCHEMA + "author"] == [{"@id": "/people/ann"}]


def test_empty_base_is_no_base() -> None:
    doc: JsonValue = {"@context": "https://schema.org", "@id": "a", "@type": "Thing"}
    assert expand(doc, base="")[0]["@id"] == "a"


def test_relative_ids_resolve_against_the_page_url() -> None:
    doc: JsonValue = {"@context": "https://schema.org", "@id": "#article", "@type": "Thing"}
    assert expand(doc, base="https://news.example/2026/story")[0]["@id"] == (
        "https://news.example/2026/story#article"
    )


def test_no_datatype_coercion_from_the_bundled_context() -> None:
    doc: JsonValue = {"@context": "https://schema.org", "datePublished": "2026-04-06", "url": "/x"}
    expected = [
        {
            SCHEMA + "datePublished": [{"@value": "2026-04-06"}],
            SCHEMA + "url": [{"@value": "/x"}],
        }
    ]
    assert expected == expand(doc)


@pytest.mark.parametrize("scalar", [None, "https://example.com/doc.jsonld", 3, True])
def test_bare_scalars_expand_to_nothing_and_are_never_fetched(scalar: JsonValue) -> None:
    assert expand(scalar) == []
    assert flatten(scalar) == []


@pytest.mark.parametrize(
    "doc",
    [
        {"@context": 5},
        {"@context": "https://schema.org", "@id": 5},
        {"@context": {"@vocab": 5}},
        {"@context": "https://schema.org", "@type": {"a": 1}},
        {"@context": "https://schema.org", "@value": "x", "name": "y"},
    ],
)
def test_invalid_jsonld_is_a_parse_error(doc: JsonValue) -> None:
    with pytest.raises(ParseError, match="invalid JSON-LD"):
        expand(doc)


def test_deep_parsed_document_is_a_limit_before_pyld() -> None:
    doc: JsonValue = {"name": "x"}
    for _ in range(MAX_DEPTH + 1):
        doc = {"@context": "https://schema.org", "hasPart": doc}
    with pytest.raises(LimitExceededError):
        expand(doc)


def test_recursion_inside_pyld_is_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object) -> object:
        raise RecursionError

    monkeypatch.setattr("pyld.jsonld.expand", explode)
    with pytest.raises(LimitExceededError):
        expand({"@type": "Thing"})


def test_unexpected_pyld_errors_are_parse_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object) -> object:
        raise KeyError("mappings")

    monkeypatch.setattr("pyld.jsonld.expand", explode)
    with pytest.raises(ParseError, match="KeyError"):
        expand({"@type": "Thing"})


def test_compact_round_trip_with_the_schemaorg_context() -> None:
    doc: JsonValue = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H"}
    expected = {"@context": "https://schema.org", "type": "NewsArticle", "headline": "H"}
    assert expected == compact(expand(doc), "https://schema.org")
    assert expected == compact(doc, "https://schema.org")


def test_compact_with_a_local_context() -> None:
    doc: JsonValue = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H"}
    context: JsonValue = {"@vocab": "http://schema.org/"}
    assert {"@context": context, "@type": "NewsArticle", "headline": "H"} == compact(doc, context)


def test_compact_refuses_remote_and_null_contexts() -> None:
    with pytest.raises(RemoteContextError):
        compact({"@type": "Thing"}, "https://example.com/ctx")
    with pytest.raises(ParseError, match="null"):
        compact({"@type": "Thing"}, None)


def test_compact_of_a_scalar_is_empty() -> None:
    assert compact("x", {"@vocab": SCHEMA}) == {"@context": {"@vocab": SCHEMA}}


def test_flatten_pulls_nested_nodes_out() -> None:
    doc: JsonValue = {
        "@context": "https://schema.org",
        "@id": "https://n.example/a",
        "@type": "NewsArticle",
        "author": {"@type": "Person", "name": "Ann"},
    }
    expected = [
        {"@id": "_:b0", "@type": [SCHEMA + "Person"], SCHEMA + "name": [{"@value": "Ann"}]},
        {
            "@id": "https://n.example/a",
            "@type": [SCHEMA + "NewsArticle"],
            SCHEMA + "author": [{"@id": "_:b0"}],
        },
    ]
    assert expected == flatten(doc)


def test_flatten_refuses_remote_contexts() -> None:
    with pytest.raises(RemoteContextError):
        flatten({"@context": "https://example.com/ctx", "@type": "Thing"})


def test_bundled_context_maps_terms_to_schema_iris() -> None:
    context = jp.bundled_context()["@context"]
    assert isinstance(context, dict)
    assert context["@vocab"] == SCHEMA
    assert context["schema"] == SCHEMA
    assert context["NewsArticle"] == {"@id": "schema:NewsArticle"}
    assert context["id"] == "@id"
    assert context["type"] == "@type"
    assert not [
        term for term, value in context.items() if isinstance(value, dict) and "@type" in value
    ]


# --- the shared corpora -------------------------------------------------------------------


def test_bundled_context_maps_every_term_like_schemaorgs_own(shared_corpus: Path) -> None:
    published = json.loads(
        (shared_corpus / "schemaorg" / "schemaorgcontext.jsonld").read_text(encoding="utf-8")
    )["@context"]
    ours = jp.bundled_context()["@context"]
    assert isinstance(ours, dict)

    def iri(value: object) -> object:
        return value["@id"] if isinstance(value, dict) else value

    assert {term: iri(value) for term, value in published.items()} == {
        term: iri(value) for term, value in ours.items()
    }


def test_realworld_corpus_loads_and_expands_or_fails_cleanly(shared_corpus: Path) -> None:
    files = sorted((shared_corpus / "realworld").glob("*.json"))
    assert len(files) == 415
    expanded, failed = 0, []
    for file in files:
        try:
            nodes = expand(load_json(file.read_bytes()))
        except NewspkgError as error:
            failed.append((file.name, type(error).__name__))
        else:
            expanded += 1
            assert nodes
            assert "example.org/base" not in json.dumps(nodes)
    # The four publisher errors index.tsv lists as invalid JSON, and nothing else.
    assert sorted(failed) == [
        ("aoc.media.json", "ParseError"),
        ("eluniversal.com.json", "ParseError"),
        ("money.udn.com.json", "ParseError"),
        ("theonion.com.json", "ParseError"),
    ]
    assert expanded == 411
