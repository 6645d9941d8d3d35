"""Articles read from microdata or RDFa: names cleaned as JSON-LD ones, the head's tags first."""

from __future__ import annotations

from datetime import UTC, datetime

from newspkg import Article, Author, AuthorKind, from_html
from newspkg._names import cleaned_authors, recased_authors


def page(head: str, body: str) -> str:
    return (
        f"<html><head>{head}</head><body>"
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<link itemprop="url" href="https://e.com/story">'
        f"{body}</article></body></html>"
    )


HEADLINE = '<h1 itemprop="headline">The markup headline</h1>'


def person(name: str) -> str:
    return (
        '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<span itemprop="name">{name}</span></span>'
    )


def details(article: Article, field: str) -> list[str]:
    return [note.detail for note in article.provenance if note.field == field]


def test_a_site_suffix_is_cut_from_a_markup_author_with_a_note() -> None:
    head = '<meta property="og:site_name" content="CNN">'
    found = from_html(page(head, HEADLINE + person("Tom Watkins, CNN")))
    assert [a.name for a in found.authors] == ["Tom Watkins"]
    assert any("dropped the site name 'CNN'" in d for d in details(found, "authors"))


def test_a_publisher_suffix_is_cut_too() -> None:
    publisher = (
        '<span itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">Daily Planet</span></span>'
    )
    found = from_html(page("", HEADLINE + publisher + person("Lois Lane, Daily Planet")))
    assert [a.name for a in found.authors] == ["Lois Lane"]


def test_a_suffix_that_is_no_site_name_stays() -> None:
    found = from_html(page("", HEADLINE + person("Brenda Goodman, MA")))
    assert [a.name for a in found.authors] == ["Brenda Goodman, MA"]


def test_identical_authors_are_one_with_a_note() -> None:
    agency = (
        '<span itemprop="author" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">AFP</span></span>'
    )
    found = from_html(page("", HEADLINE + agency + agency))
    assert [a.name for a in found.authors] == ["AFP"]
    assert any("dropped a duplicate" in d for d in details(found, "authors"))


def test_an_all_caps_name_takes_the_heads_spelling() -> None:
    head = '<meta name="author" content="Jeffrey Gettleman">'
    found = from_html(page(head, HEADLINE + person("JEFFREY GETTLEMAN")))
    assert [a.name for a in found.authors] == ["Jeffrey Gettleman"]
    assert any("spelled 'Jeffrey Gettleman'" in d for d in details(found, "authors"))


def test_an_all_caps_name_without_another_spelling_stays() -> None:
    head = '<meta name="author" content="Someone Else">'
    found = from_html(page(head, HEADLINE + person("JANE DOE")))
    assert [a.name for a in found.authors] == ["JANE DOE"]


def test_og_title_comes_before_the_markup_headline_with_a_note() -> None:
    head = '<meta property="og:title" content="The declared title">'
    found = from_html(page(head, HEADLINE))
    assert found.headline == "The declared title"
    assert any("'The markup headline'" in d for d in details(found, "headline"))


def test_the_document_title_does_not_override_the_markup_headline() -> None:
    found = from_html(page("<title>Something else | Site</title>", HEADLINE))
    assert found.headline == "The markup headline"


def test_a_complete_og_description_beats_a_truncated_markup_one() -> None:
    head = '<meta property="og:description" content="A line from here to the 21st century.">'
    body = HEADLINE + '<meta itemprop="description" content="A line from here to the...">'
    found = from_html(page(head, body))
    assert found.description == "A line from here to the 21st century."
    assert any("'A line from here to the...'" in d for d in details(found, "description"))


def test_the_heads_published_time_beats_the_markups() -> None:
    head = '<meta property="article:published_time" content="2015-09-17T16:57:43+01:00">'
    body = HEADLINE + '<meta itemprop="datePublished" content="2016-05-08T10:11:51+01:00">'
    found = from_html(page(head, body))
    assert found.date_published == datetime(2015, 9, 17, 15, 57, 43, tzinfo=UTC)
    assert any("2016-05-08" in d for d in details(found, "date_published"))


def test_the_same_instant_keeps_the_markups_date_and_no_note() -> None:
    head = '<meta property="article:published_time" content="2017-03-09T23:16:02+00:00">'
    body = HEADLINE + '<meta itemprop="datePublished" content="2017-03-09T18:16:02-05:00">'
    found = from_html(page(head, body))
    assert found.date_published == datetime(2017, 3, 9, 23, 16, 2, tzinfo=UTC)
    assert details(found, "date_published") == []


def test_the_canonical_link_before_the_markups_itemid() -> None:
    html = (
        '<html><head><link rel="canonical" href="https://e.com/story"></head><body>'
        '<article itemscope itemtype="https://schema.org/NewsArticle" itemid="http://e.com/story">'
        f"{HEADLINE}</article></body></html>"
    )
    found = from_html(html)
    assert found.url == "https://e.com/story"
    assert any("no url in the microdata" in d for d in details(found, "url"))


def test_jsonld_headline_is_not_overridden_by_og_title() -> None:
    html = (
        '<meta property="og:title" content="The declared title">'
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "JSON-LD", "url": "https://e.com/s"}</script>'
    )
    assert from_html(html).headline == "JSON-LD"


def test_cleaned_authors_keeps_organisations_whole_and_dedupes_case_insensitively() -> None:
    authors, remarks = cleaned_authors(
        [
            Author(name="Reuters, CNN", kind=AuthorKind.ORGANIZATION),
            Author(name="Jane Doe"),
            Author(name="jane doe"),
        ],
        sites=frozenset({"cnn"}),
    )
    assert [a.name for a in authors] == ["Reuters, CNN", "Jane Doe"]
    assert remarks == ["author 'jane doe': dropped a duplicate"]


def test_recased_authors_only_touches_all_caps_names() -> None:
    authors, remarks = recased_authors(
        [Author(name="JANE DOE"), Author(name="John Roe"), Author(name="A")],
        ["Jane Doe", "JOHN ROE", "a"],
    )
    assert [a.name for a in authors] == ["Jane Doe", "John Roe", "A"]
    assert len(remarks) == 1


def test_fill_notes_name_the_markup_not_json_ld() -> None:
    head = '<meta property="og:image" content="https://e.com/a.jpg">'
    found = from_html(page(head, HEADLINE))
    assert details(found, "image") == ["not in the microdata; taken from the page's og:image"]
