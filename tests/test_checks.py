"""`check`: what it accepts, how paths and order work, and that it never crashes."""

from __future__ import annotations

import importlib.util
import json
import math
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import (
    Article,
    Author,
    Figure,
    Finding,
    Severity,
    ValidationError,
    check,
    from_jsonld,
)
from newspkg._checks.findings import CODES, finding, sort_key
from newspkg._jsonld.processing import JsonArray, JsonObject
from tests.strategies import articles
from tests.test_checks_rules import CLEAN, changed, person

REPO_ROOT = Path(__file__).resolve().parent.parent
DOCS = REPO_ROOT / "docs" / "checks.md"


def codes_and_paths(found: list[Finding]) -> set[tuple[str, str]]:
    return {(f.code, f.path) for f in found}


# --- what check accepts ---------------------------------------------------------------------


@pytest.mark.parametrize("given", [None, 42, 4.2, True, ("a",), {"a"}, object()])
def test_other_python_types_raise_validation_error(given: object) -> None:
    with pytest.raises(ValidationError, match="check\\(\\) takes an Article"):
        check(given)  # type: ignore[arg-type]


def test_validation_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="got NoneType"):
        check(None)  # type: ignore[arg-type]


def test_json_text_bytes_and_parsed_documents_give_the_same_findings() -> None:
    doc = changed(("author", person("By Jane Doe")))
    text = json.dumps(doc)

    assert check(doc) == check(text) == check(text.encode("utf-8"))
    assert check(doc) == check(text.encode("utf-16"))
    assert check(doc) == check(f"\ufeff<![CDATA[{text}]]>")


def test_data_that_is_not_json_is_a_finding_not_an_exception() -> None:
    found = check({"@context": "https://schema.org", "width": math.nan})

    assert [(f.code, f.path) for f in found] == [("jsonld-invalid-json", "$")]


def test_broken_json_says_where() -> None:
    (only,) = check('{"@context": "https://schema.org", "headline": "a "quoted" word"}')

    assert only.code == "jsonld-invalid-json"
    assert only.message == "not valid JSON: Expecting ',' delimiter at line 1, column 52"


def test_an_article_is_checked_as_its_json_ld() -> None:
    article = Article(
        url="https://example.com/news/1",
        headline="Grid operators brace",
        authors=(Author(name="Mara Lindqvist and Jo Roe", url="https://example.com/mara"),),
        image=Figure(url="https://example.com/a.jpg", width=1200, height=675),
    )

    found = codes_and_paths(check(article))

    assert [
        p for c, p in found if c == "author-merged-names" and re.match(r"@graph\[\d+\]\.name", p)
    ]
    assert ("missing-date-published", "@graph[0]") in found
    assert not [f for f in check(article) if f.severity is Severity.ERROR]


# --- paths and order ------------------------------------------------------------------------

YOAST: JsonObject = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@type": "NewsArticle",
            "@id": "https://example.com/a#article",
            "headline": "Grid operators brace",
            "author": {"@id": "https://example.com/#/schema/person/1"},
            "mainEntityOfPage": {"@id": "https://example.com/a"},
        },
        {"@type": "WebPage", "@id": "https://example.com/a", "url": "https://example.com/a"},
        {
            "@type": "Person",
            "@id": "https://example.com/#/schema/person/1",
            "name": "Jane Doe und John Roe",
        },
        {"@type": "Article", "@id": "https://example.com/related", "headline": "Related"},
    ],
}


def test_references_are_followed_to_where_the_value_is_written() -> None:
    found = codes_and_paths(check(YOAST))

    assert ("author-merged-names", "@graph[2].name") in found
    assert ("author-missing-url", "@graph[2]") in found


def test_only_the_main_article_of_a_graph_is_checked_as_the_article() -> None:
    found = codes_and_paths(check(YOAST))

    assert ("missing-image", "@graph[0]") in found
    assert not [path for code, path in found if path.startswith("@graph[3]")]


def test_a_main_entity_reference_names_the_article_from_jsonld_reads() -> None:
    doc: JsonObject = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://example.com/a", "mainEntity": {"@id": "#x"}},
            {"@type": "Article", "@id": "https://example.com/related", "headline": "Related"},
            {
                "@type": "NewsArticle",
                "@id": "#x",
                "url": "https://example.com/a",
                "headline": "Grid operators brace",
            },
        ],
    }

    found = codes_and_paths(check(doc))

    assert from_jsonld(doc).headline == "Grid operators brace"
    assert ("missing-image", "@graph[2]") in found
    assert not [path for code, path in found if path.startswith("@graph[1]")]


def test_several_top_level_articles_are_all_checked() -> None:
    found = codes_and_paths(check([CLEAN, changed(("headline", ...))]))

    assert {("missing-headline", "[1]")} == {f for f in found if f[0] == "missing-headline"}


def test_findings_are_sorted_by_path_with_numeric_indices_then_code() -> None:
    graph: JsonArray = [dict(CLEAN, headline=f"<b>{i}</b> &amp;") for i in range(12)]
    found = check({"@context": "https://schema.org", "@graph": graph})

    paths = [f.path for f in found]
    assert paths.index("@graph[2].headline") < paths.index("@graph[10].headline")
    same_path = [f.code for f in found if f.path == "@graph[2].headline"]
    assert same_path == sorted(same_path)
    assert found == sorted(found, key=sort_key)


def test_the_same_finding_is_reported_once() -> None:
    doc = changed(("author", [{"@id": "#p"}, {"@id": "#p"}]))
    doc = {
        "@context": "https://schema.org",
        "@graph": [doc, {"@type": "Person", "@id": "#p", "name": "A B"}],
    }

    found = check(doc)

    assert len(found) == len(set(found))
    assert [f.path for f in found if f.code == "author-missing-url"] == ["@graph[1]"]


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("schema:headline", "schema:headline"),
        ("http://schema.org/headline", '["http://schema.org/headline"]'),
        ("https://schema.org/headline", '["https://schema.org/headline"]'),
    ],
)
def test_prefixed_and_full_iri_keys_are_schema_terms(key: str, path: str) -> None:
    doc = changed(("headline", ...), (key, "<p>Grid</p>"))

    found = codes_and_paths(check(doc))

    assert ("text-html-markup", path) in found
    assert "missing-headline" not in {code for code, _ in found}


def test_other_vocabularies_and_inline_terms_are_left_alone() -> None:
    doc = changed(
        ("@context", ["https://schema.org", {"articleId": {"@id": "http://example.org/id"}}]),
        ("og:title", "Grid"),
        ("http://purl.org/dc/terms/title", "Grid"),
        ("articleId", "1539"),
        ("potentialAction", {"@type": "SearchAction", "query-input": "required name=q"}),
    )

    assert check(doc) == []


def test_a_role_may_stand_for_any_value() -> None:
    role = {"@type": "Role", "roleName": "Photographer", "author": person("Mara Lindqvist")}

    found = check(changed(("author", [*CLEAN["author"], role])))

    assert "schema-value-outside-range" not in {f.code for f in found}


# --- HTML pages -----------------------------------------------------------------------------


def page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<!doctype html><html><head><title>Grid</title>{scripts}</head><body></body></html>"


def test_every_block_of_a_page_is_checked_with_its_own_prefix() -> None:
    html = page(json.dumps(changed(("author", person("By Jane Doe")))), '{"@type": oops}')

    found = codes_and_paths(check(html))

    assert ("author-name-byline-prefix", "script[0].author[0].name") in found
    assert ("jsonld-invalid-json", "script[1]") in found
    assert "no-article" not in {code for code, _ in found}


def test_a_page_without_an_article_gets_one_note() -> None:
    html = page(json.dumps({"@context": "https://schema.org", "@type": "WebSite", "name": "X"}))

    assert [(f.code, f.path) for f in check(html)] == [("no-article", "$")]


def test_html_bytes_are_read() -> None:
    html = page(json.dumps(CLEAN)).encode("utf-8")

    assert check(html) == []


# --- findings and the registry --------------------------------------------------------------


def test_finding_reads_well_and_knows_its_fix() -> None:
    item = finding("headline-too-long", "headline", "headline has 131 characters")

    assert str(item) == "warning headline: headline has 131 characters [headline-too-long]"
    assert item.fix == CODES["headline-too-long"].fix
    assert item.severity is Severity.WARNING


def test_codes_are_unique_kebab_case_and_explained() -> None:
    for name, code in CODES.items():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name)
        assert code.name == name
        assert code.title
        assert code.fix.endswith(".")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "corpus_findings", REPO_ROOT / "scripts" / "corpus_findings.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_list_every_code_as_the_registry_does() -> None:
    script = _script()
    docs = DOCS.read_text(encoding="utf-8")

    assert script.generated_section(docs, script.CODES_MARKERS) == script.codes_table(), (
        "docs/checks.md is stale: run scripts/corpus_findings.py --update-docs"
    )
    for name in CODES:
        assert f"`{name}`" in docs


def test_docs_corpus_counts_are_current(shared_corpus: Path) -> None:
    script = _script()
    docs = DOCS.read_text(encoding="utf-8")

    assert script.generated_section(docs, script.COUNTS_MARKERS) == script.corpus_table(
        shared_corpus / "realworld"
    ), "docs/checks.md is stale: run scripts/corpus_findings.py --update-docs"


# --- never crash ----------------------------------------------------------------------------


def test_every_real_world_file_gives_findings(shared_corpus: Path) -> None:
    files = sorted((shared_corpus / "realworld").glob("*.json"))
    assert len(files) >= 400

    for path in files:
        found = check(path.read_bytes())

        assert all(isinstance(f, Finding) for f in found), path.name
        if any(f.code == "jsonld-invalid-json" for f in found):
            assert len(found) == 1, path.name


_KEYS = [
    "@context", "@type", "@id", "@graph", "@value", "@list", "id", "type", "author", "name",
    "image", "width", "height", "url", "sameAs", "headline", "datePublished", "dateModified",
    "mainEntityOfPage", "mainEntity", "timeRequired", "wordCount", "articleBody", "inLanguage",
    "publisher", "logo", "schema:headline", "http://schema.org/author", "og:title", "@vocab",
    "query-input", "contentUrl", "isBasedOnUrl", "description",
]  # fmt: skip
_TEXTS = [
    "NewsArticle", "Person", "ImageObject", "Role", "Organization", "https://schema.org",
    "http://schema.org", "schema:NewsArticle", "2026-04-06", "2026-04-06T09:30", "PT5M",
    "5 min read", "By Jane Doe and John Roe", "<p>x</p>", "&amp;", "#p", "", "1200", "x:y",
]  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(_TEXTS),
    st.text(max_size=20),
)
JSON_LD: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=8), inner, max_size=6),
    ),
    max_leaves=30,
)


@given(JSON_LD)
def test_any_json_gives_a_sorted_list_of_findings(doc: Any) -> None:
    found = check(doc) if isinstance(doc, dict | list) else check(json.dumps(doc))

    assert all(isinstance(f, Finding) for f in found)
    assert len(set(found)) == len(found)
    assert found == sorted(found, key=sort_key)  # by path (indices as numbers), code, message


@given(st.text(max_size=200))
def test_any_text_gives_findings(text: str) -> None:
    assert all(isinstance(f, Finding) for f in check(text))


@given(st.binary(max_size=200))
def test_any_bytes_give_findings(data: bytes) -> None:
    assert all(isinstance(f, Finding) for f in check(data))


# --- our own output -------------------------------------------------------------------------

# What our own JSON-LD may be told: what the article's data lacks or holds, never a
# vocabulary or format mistake of the writer.
DATA_CODES = frozenset(
    {
        "missing-image",
        "missing-author",
        "missing-date-published",
        "missing-date-modified",
        "headline-too-long",
        "author-missing-url",
        "author-merged-names",
        "author-name-job-title",
        "author-name-byline-prefix",
        "image-too-small",
        "image-missing-aspect-ratios",
        "date-missing-time",
        "word-count-mismatch",
        "time-required-mismatch",
        "text-html-markup",
        "text-html-entity",
        "schema-pending-term",
        # The newsroom rules report data the article lacks (a video without upload date).
        "paywall-missing-parts",
        "live-blog-missing-coverage-start",
        "live-blog-missing-coverage-end",
        "video-missing-name",
        "video-missing-upload-date",
        "video-missing-location",
        "video-missing-duration",
        "image-missing-rights",
        "image-missing-license-page",
        "breadcrumb-too-short",
    }
)


@given(articles())
def test_our_own_output_has_no_errors_and_no_format_mistakes(article: Article) -> None:
    found = check(article)

    assert not [f for f in found if f.severity is Severity.ERROR and f.code not in DATA_CODES]
    assert not [f for f in found if f.code not in DATA_CODES]
