"""The page index: related reads and main entities found from maps built once per document."""

from __future__ import annotations

from datetime import UTC

import pytest

from newspkg import check, from_jsonld, iter_articles
from newspkg._checks.document import read_document
from newspkg._jsonld import reader
from newspkg._jsonld.page_index import PageIndex, is_absolute
from newspkg._jsonld.processing import JsonObject, JsonValue

SCHEMA = "https://schema.org"
SITE = "https://example.com"


def _article(number: int, **extra: JsonValue) -> JsonObject:
    return {
        "@type": "NewsArticle",
        "headline": f"Story {number}",
        "url": f"{SITE}/{number}",
        **extra,
    }


def _page(document: JsonValue, base_url: str | None = None) -> reader._Page:
    return reader._Page(document, base_url=base_url, default_timezone=UTC)


def test_the_index_is_built_once_for_every_article_of_a_page() -> None:
    # 200 pages' own articles, each with a related read of its own.
    graph: list[JsonValue] = []
    for number in range(200):
        graph.append(
            _article(number, mainEntityOfPage=f"{SITE}/{number}", relatedLink=f"{SITE}/r{number}")
        )
        graph.append(
            {"@type": "NewsArticle", "headline": f"Related {number}", "url": f"{SITE}/r{number}"}
        )
    page = _page({"@context": SCHEMA, "@graph": graph})

    articles = [page.read(node) for node in page.articles()]

    assert page.index.builds == 1
    assert [a.headline for a in articles[:2]] == ["Story 0", "Story 1"]
    assert [[read.headline for read in a.related] for a in articles[:2]] == [
        ["Related 0"],
        ["Related 1"],
    ]
    assert len(articles) == 200


def test_a_page_without_related_links_never_builds_the_index() -> None:
    page = _page({"@context": SCHEMA, "@graph": [_article(n) for n in range(50)]})

    assert len([page.read(node) for node in page.articles()]) == 50
    assert page.index.builds == 0


def test_related_reads_come_from_the_web_page_whose_main_entity_the_article_is() -> None:
    document: JsonObject = {
        "@context": SCHEMA,
        "@graph": [
            {
                "@type": "WebPage",
                "@id": "#page",
                "mainEntity": [{"@id": "#main"}, {"@id": "#main"}],
                "relatedLink": [f"{SITE}/b", f"{SITE}/a"],
            },
            {**_article(1), "@id": "#main"},
            {"@type": "NewsArticle", "headline": "B", "url": f"{SITE}/b", "position": 1},
            {"@type": "NewsArticle", "headline": "A", "url": f"{SITE}/a", "position": 2},
            {"@type": "NewsArticle", "headline": "C", "url": f"{SITE}/c"},
        ],
    }

    article = from_jsonld(document)

    assert [read.headline for read in article.related] == ["B", "A"]


def test_a_related_read_with_a_relative_url_is_resolved_against_the_page() -> None:
    document: JsonObject = {
        "@context": SCHEMA,
        "@graph": [
            _article(1, mainEntityOfPage=f"{SITE}/1", relatedLink=f"{SITE}/news/2"),
            # An unusable absolute URL first, then a relative one: resolved per reading article.
            {"@type": "NewsArticle", "headline": "Two", "url": ["http://[", "/news/2"]},
            {"@type": "NewsArticle", "headline": "Three", "url": "/news/3"},
        ],
    }

    article = from_jsonld(document, base_url=f"{SITE}/1")

    assert [read.headline for read in article.related] == ["Two"]


def test_an_article_is_not_its_own_related_read() -> None:
    # The page's main entity is not a related read, so the article is read; its own URL,
    # listed among the page's related links, must not make it a related read of itself.
    document: JsonObject = {
        "@context": SCHEMA,
        "@graph": [
            {"@type": "WebPage", "mainEntity": {"@id": "#a"}, "relatedLink": f"{SITE}/1"},
            {**_article(1), "@id": "#a"},
        ],
    }

    [article] = iter_articles(document)

    assert article.related == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("https://a.com/", True), ("http://a.com/", True), ("/news/1", False), ("HTTPS://A", False)],
)
def test_only_http_urls_as_written_are_absolute(text: str, expected: bool) -> None:
    assert is_absolute(text) is expected


def test_main_entities_and_pages_about_a_node() -> None:
    page = _page(
        {
            "@context": SCHEMA,
            "@graph": [
                {"@type": "WebPage", "@id": "#p1", "mainEntity": {"@id": "#a"}},
                {"@type": "WebPage", "@id": "#p2", "mainEntity": {"@id": "#a"}},
                {**_article(1), "@id": "#a"},
                {**_article(2), "@id": "#b"},
            ],
        }
    )
    index: PageIndex = page.index
    by_id = {node.id: node for node in page.graph.nodes}

    assert [node.id for node in index.pages_about(by_id["#a"])] == ["#p1", "#p2"]
    assert index.pages_about(by_id["#b"]) == []
    assert index.main_entities == {id(by_id["#a"])}


def test_check_lists_each_article_once_in_document_order() -> None:
    document = read_document(
        {
            "@context": SCHEMA,
            "@graph": [
                {"@type": "WebPage", "mainEntity": {"@id": "#b"}},
                {**_article(1), "@id": "#a"},
                {**_article(2), "@id": "#b", "mainEntityOfPage": f"{SITE}/2"},
                {"@id": "#a"},
                {"@id": "#b"},
                {**_article(3), "@id": "#c", "mainEntityOfPage": f"{SITE}/3"},
            ],
        }
    )

    assert [node.data.get("@id") for node in document.articles] == ["#b", "#c"]


def test_check_reads_a_page_of_many_articles() -> None:
    findings = check({"@context": SCHEMA, "@graph": [_article(n) for n in range(300)]})

    assert {finding.path.split("]")[0] for finding in findings} == {
        f"@graph[{n}" for n in range(300)
    }


def test_related_reads_stop_at_the_documents_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    # One URL named by many nodes, linked from many articles: the answer alone would be n².
    monkeypatch.setattr("newspkg._jsonld.page_index.RELATED_WORK_BASE", 10)
    monkeypatch.setattr("newspkg._jsonld.page_index.RELATED_WORK_PER_NODE", 1)
    shared = f"{SITE}/related"
    graph: list[JsonValue] = [
        _article(n, mainEntityOfPage=f"{SITE}/{n}", relatedLink=shared) for n in range(5)
    ]
    graph += [{"@type": "NewsArticle", "headline": f"R{n}", "url": shared} for n in range(5)]
    page = _page({"@context": SCHEMA, "@graph": graph})  # 10 nodes: a budget of 20

    articles = [page.read(node) for node in page.articles()]

    assert [len(article.related) for article in articles] == [5, 5, 5, 5, 0]
    assert [note.field for note in articles[-1].provenance] == ["related"]
    assert "more related reads than its size allows" in articles[-1].provenance[0].detail
    assert all(not article.provenance for article in articles[:3])


def test_relative_candidates_are_resolved_on_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newspkg._jsonld.page_index.RELATED_WORK_BASE", 0)
    monkeypatch.setattr("newspkg._jsonld.page_index.RELATED_WORK_PER_NODE", 0)
    document: JsonObject = {
        "@context": SCHEMA,
        "@graph": [
            _article(1, mainEntityOfPage=f"{SITE}/1", relatedLink=f"{SITE}/news/2"),
            {"@type": "NewsArticle", "headline": "Two", "url": "/news/2"},
        ],
    }

    article = from_jsonld(document, base_url=f"{SITE}/1")

    assert article.related == ()
    assert [note.field for note in article.provenance] == ["related"]
