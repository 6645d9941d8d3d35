"""Regression tests for hostile input that cost more than linear time (issue 9).

Each input is large enough that the quadratic work it once took runs for minutes, while
linear work takes a second or two: the time bound fails the first and passes the second.
"""

from __future__ import annotations

import json

from newspkg import Article, Author, from_html, iter_articles, to_jsonld
from tests.time_bound import at_most

_HEAD = (
    '<meta property="og:type" content="article"><meta property="og:title" content="T">'
    '<meta property="og:url" content="https://a.com/">'
)


def test_many_articles_in_one_document_are_read_in_linear_time() -> None:
    # Each article looked for breadcrumb trails over the whole graph: n articles, n² steps.
    count = 25_000
    graph = [
        {"@type": "NewsArticle", "url": f"https://a.com/{number}", "headline": "H"}
        for number in range(count)
    ]
    document = json.dumps({"@context": "https://schema.org", "@graph": graph})

    with at_most(30):
        read = list(iter_articles(document))

    assert len(read) == count


def test_many_author_tags_are_read_in_linear_time() -> None:
    # Each name was compared with every name read before it.
    count = 50_000
    page = _HEAD + "".join(f'<meta name="author" content="A{n}">' for n in range(count))
    page += '<meta name="author" content="A7">'  # a repeated name is read once

    with at_most(30):
        authors = from_html(page).authors

    assert [author.name for author in authors] == [f"A{n}" for n in range(count)]


def test_an_article_with_many_authors_is_written_in_linear_time() -> None:
    # Each author was looked for among every author before it, with attrs' __eq__.
    count = 28_000
    authors = [Author(name=f"A{n}") for n in range(count)]
    article = Article(url="https://a.com/", headline="H", authors=[*authors, authors[0]])

    with at_most(30):
        written = to_jsonld(article)

    graph = written["@graph"]
    assert isinstance(graph, list)
    assert isinstance(graph[0], dict)
    people = graph[0]["author"]
    assert isinstance(people, list)
    assert len(people) == count + 1
    assert people[-1] == {"@id": f"https://a.com/#author-{count + 1}"}  # a person twice stays twice
