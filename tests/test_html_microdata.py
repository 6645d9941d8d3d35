"""Tests for newspkg._html.microdata, newspkg._html.rdfa and newspkg._html.structured."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import ArticleKind, from_html
from newspkg._html.microdata import MAX_ITEM_DEPTH, MicrodataItem, read_microdata
from newspkg._html.page import parse_html
from newspkg._html.rdfa import RdfaNode, read_rdfa
from newspkg._html.structured import microdata_document
from newspkg._jsonld.reader import iter_articles
from newspkg.errors import NewspkgError, ValidationError

BASE = "https://example.com/news/"
SCHEMA = "http://schema.org/"


def items(html: str, base: str | None = BASE) -> list[MicrodataItem]:
    return read_microdata(parse_html(html), base=base)


def nodes(html: str, base: str | None = BASE) -> list[RdfaNode]:
    return read_rdfa(parse_html(html), base=base)


# --- microdata -------------------------------------------------------------------------------


def test_values_come_from_each_elements_attribute() -> None:
    page = """<div itemscope itemtype="https://schema.org/NewsArticle" itemid="/a">
      <h1 itemprop="headline">  Grid
        operators <b>brace</b> </h1>
      <meta itemprop="inLanguage" content="en">
      <a itemprop="url" href="1"> link text</a>
      <link itemprop="mainEntityOfPage" href="https://example.com/news/1">
      <img itemprop="image" src=" /i.jpg ">
      <time itemprop="datePublished" datetime="2026-04-06">6 April</time>
      <time itemprop="dateModified">2026-04-07</time>
      <data itemprop="position" value="3">third</data>
      <meter itemprop="ratingValue" value="4" min="0" max="5">4/5</meter>
      <object itemprop="associatedMedia" data="m.pdf"></object>
      <span itemprop="dateCreated" content="2026-04-05">yesterday</span>
    </div>"""
    assert items(page) == [
        MicrodataItem(
            types=("https://schema.org/NewsArticle",),
            id="https://example.com/a",
            properties=(
                ("headline", "Grid operators brace"),
                ("inLanguage", "en"),
                ("url", "https://example.com/news/1"),
                ("mainEntityOfPage", "https://example.com/news/1"),
                ("image", "https://example.com/i.jpg"),
                ("datePublished", "2026-04-06"),
                ("dateModified", "2026-04-07"),
                ("position", "3"),
                ("ratingValue", "4"),
                ("associatedMedia", "https://example.com/news/m.pdf"),
                ("dateCreated", "2026-04-05"),
            ),
        )
    ]


def test_itemref_adds_properties_in_tree_order() -> None:
    page = """<p id="by"><span itemprop="author">Jane Doe</span></p>
      <div itemscope itemtype="http://schema.org/Article" itemref="by date">
        <h1 itemprop="headline">Hi</h1></div>
      <p id="date" itemprop="datePublished">2026-04-06</p>"""
    assert items(page)[0].properties == (
        ("author", "Jane Doe"),
        ("headline", "Hi"),
        ("datePublished", "2026-04-06"),
    )


def test_nested_items_and_several_names_and_types() -> None:
    page = """<article itemscope itemtype="http://schema.org/NewsArticle http://schema.org/Report">
      <div itemprop="author creator" itemscope itemtype="http://schema.org/Person">
        <span itemprop="name">Jane</span></div>
      <div itemscope itemtype="http://schema.org/Person">
        <span itemprop="name">Not a property</span></div>
    </article>"""
    jane = MicrodataItem(types=("http://schema.org/Person",), properties=(("name", "Jane"),))
    found = items(page)
    assert found[0] == MicrodataItem(
        types=("http://schema.org/NewsArticle", "http://schema.org/Report"),
        properties=(("author", jane), ("creator", jane)),
    )
    assert found[1].properties == (("name", "Not a property"),)  # a top-level item of its own


def test_an_unclaimed_item_with_itemprop_is_read_as_top_level() -> None:
    page = """<div><div itemprop="blogPost" itemscope itemtype="http://schema.org/BlogPosting">
      <h2 itemprop="headline">Post</h2></div></div>"""
    assert [item.properties for item in items(page)] == [(("headline", "Post"),)]


def test_urls_stay_as_written_without_a_base() -> None:
    found = items('<div itemscope itemtype="x:T"><a itemprop="url" href="/a">a</a></div>', None)
    assert found[0].properties == (("url", "/a"),)


@pytest.mark.parametrize(
    "page",
    [
        # itemref loops: an item referring to itself, and two items referring to each other
        '<div id="a" itemscope itemtype="x:T" itemref="a"><b itemprop="p">1</b></div>',
        (
            '<div id="a" itemscope itemtype="x:T" itemref="b"><i id="b" itemprop="q" itemscope'
            ' itemref="a"><b itemprop="p">1</b></i></div>'
        ),
        (
            '<div itemscope itemtype="x:T" itemref="c"></div><p id="c" itemprop="x" itemscope'
            ' itemref="c"></p>'
        ),
    ],
)
def test_itemref_loops_end(page: str) -> None:
    found = items(page)
    assert found
    assert all(isinstance(item, MicrodataItem) for item in found)


def test_items_nested_too_deep_are_left_out() -> None:
    depth = MAX_ITEM_DEPTH + 5
    page = '<div itemscope itemtype="x:T">' + '<b itemprop="p" itemscope>' * depth
    level, item = 0, items(page)[0]
    while item.properties:
        value = item.properties[0][1]
        assert isinstance(value, MicrodataItem)
        item, level = value, level + 1
    assert level == MAX_ITEM_DEPTH


def test_deeply_nested_properties_are_read_in_bounded_work() -> None:
    page = (
        '<div itemscope itemtype="http://schema.org/Article"><h1 itemprop="headline">H</h1>'
        # Below the page's own nesting limit (MAX_HTML_DEPTH), past the microdata crawl's.
        + "<span itemprop=a>x" * 950
    )
    article = from_html(page, url=BASE)
    assert article.headline == "H"


def test_itemref_fan_out_hits_the_crawl_limit_and_is_noted() -> None:
    refs = " ".join(f"r{index}" for index in range(2_000))
    page = (
        '<meta property="og:type" content="article"><meta property="og:title" content="T">'
        + f'<div itemscope itemtype="x:T" itemref="{refs}"></div>' * 300
        + "".join(f'<p id="r{index}" itemprop="p">v</p>' for index in range(2_000))
    )
    article = from_html(page, url=BASE)
    assert any(
        note.source == "microdata/rdfa" and "element visits" in note.detail
        for note in article.provenance
    )


def test_vocabulary_follows_the_type_and_passes_to_untyped_items() -> None:
    page = """<div itemscope itemtype="//schema.org/NewsArticle">
      <span itemprop="headline">H</span><span itemprop="http://example.org/p">P</span>
      <span itemprop="a.b">dotted names are not property names</span>
      <div itemprop="author" itemscope><span itemprop="name">Jane</span></div></div>
      <div itemscope><span itemprop="headline">untyped top-level items are left out</span></div>"""
    assert microdata_document(items(page)) == [
        {
            "@type": [f"{SCHEMA}NewsArticle"],
            f"{SCHEMA}headline": [{"@value": "H"}],
            "http://example.org/p": [{"@value": "P"}],
            f"{SCHEMA}author": [{f"{SCHEMA}name": [{"@value": "Jane"}]}],
        }
    ]


# --- RDFa Lite -------------------------------------------------------------------------------


def test_rdfa_lite_vocab_typeof_property_resource() -> None:
    page = """<body><div vocab="http://schema.org/" typeof="NewsArticle" resource="/a">
      <h1 property="headline">Grid  operators</h1>
      <a property="url" href="1">x</a>
      <meta property="datePublished" content="2026-04-06">
      <time property="dateModified" datetime="2026-04-07">7 April</time>
      <div property="author" typeof="Person"><span property="name">Jane</span></div>
    </div></body>"""
    article = nodes(page)[0]
    assert (article.id, article.types) == ("https://example.com/a", [f"{SCHEMA}NewsArticle"])
    assert [(name.removeprefix(SCHEMA), value) for name, value in article.properties[:4]] == [
        ("headline", "Grid operators"),
        ("url", "https://example.com/news/1"),
        ("datePublished", "2026-04-06"),
        ("dateModified", "2026-04-07"),
    ]
    name, author = article.properties[4]
    assert name == f"{SCHEMA}author"
    assert isinstance(author, RdfaNode)
    assert (author.types, author.properties) == ([f"{SCHEMA}Person"], [(f"{SCHEMA}name", "Jane")])


def test_rdfa_prefixes_curies_and_absolute_iris() -> None:
    page = """<div prefix="ex: http://example.org/ns#  s: https://schema.org/" typeof="s:Article">
      <span property="ex:p s:headline">H</span><span property="schema:author">A</span>
      <span property="http://example.org/q">Q</span><span property="nope">no vocab: dropped</span>
    </div>"""
    article = nodes(page)[0]
    assert article.types == ["https://schema.org/Article"]
    assert article.properties == [
        ("http://example.org/ns#p", "H"),
        ("https://schema.org/headline", "H"),
        ("http://schema.org/author", "A"),
        ("http://example.org/q", "Q"),
    ]


def test_rdfa_without_typeof_is_not_walked() -> None:
    assert nodes('<meta property="og:title" content="T"><p property="x:y">z</p>') == []


def test_rdfa_deep_nesting_raises_nothing_foreign() -> None:
    page = (
        '<div vocab="http://schema.org/" typeof="Article">'
        + '<div typeof="Thing" property="p">' * 950
    )
    assert len(nodes(page)) == 1


# --- from_html -------------------------------------------------------------------------------

MICRODATA_PAGE = """<html><head><link rel="canonical" href="https://example.com/news/1"></head>
<body><article itemscope itemtype="http://schema.org/NewsArticle">
<h1 itemprop="headline">From microdata</h1>
<span itemprop="author" itemscope itemtype="http://schema.org/Person">
<span itemprop="name">Jane Doe</span></span>
<time itemprop="datePublished" datetime="2026-04-06T09:30:00+02:00">6 April</time>
</article></body></html>"""


def test_a_microdata_article_is_read_with_a_note() -> None:
    article = from_html(MICRODATA_PAGE)
    assert (article.url, article.headline, article.kind) == (
        "https://example.com/news/1",
        "From microdata",
        ArticleKind.NEWS,
    )
    assert [author.name for author in article.authors] == ["Jane Doe"]
    assert article.provenance[0].source == "microdata"
    assert all(note.source != "jsonld" for note in article.provenance)


def test_json_ld_keeps_precedence_over_microdata() -> None:
    block = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type":'
        ' "NewsArticle", "url": "https://example.com/news/1", "headline": "From JSON-LD"}</script>'
    )
    article = from_html(MICRODATA_PAGE.replace("</head>", block + "</head>"))
    assert article.headline == "From JSON-LD"
    assert all(note.source != "microdata" for note in article.provenance)


def test_a_rdfa_article_is_read_with_a_note() -> None:
    page = """<html><body vocab="https://schema.org/"><article typeof="BlogPosting"
      resource="https://example.com/blog/1"><h1 property="headline">From RDFa</h1>
      <meta property="url" content="https://example.com/blog/1"></article></body></html>"""
    article = from_html(page)
    assert (article.url, article.headline, article.kind) == (
        "https://example.com/blog/1",
        "From RDFa",
        ArticleKind.BLOG_POSTING,
    )
    assert article.provenance[0].source == "rdfa"


def test_rdfa_core_about_datatype_and_xmlns_prefixes() -> None:
    # The Drupal 7 pattern: about names the subject; datatype="" makes the text a literal
    # of the typed link itself, not of the enclosing subject.
    page = """<html xmlns:sioc="http://rdfs.org/sioc/ns#"
      xmlns:skos="http://www.w3.org/2004/02/skos/core#"><body>
      <article about="/node/1" typeof="sioc:Item">
        <a href="/tag/7" typeof="skos:Concept" property="skos:prefLabel" datatype="">Energy</a>
      </article></body></html>"""
    article, tag = nodes(page)
    assert (article.id, article.types, article.properties) == (
        "https://example.com/node/1",
        ["http://rdfs.org/sioc/ns#Item"],
        [],
    )
    assert (tag.id, tag.types, tag.properties) == (
        "https://example.com/tag/7",
        ["http://www.w3.org/2004/02/skos/core#Concept"],
        [("http://www.w3.org/2004/02/skos/core#prefLabel", "Energy")],
    )


def test_from_html_resolves_against_the_base_element() -> None:
    page = """<html><head><base href="https://example.org/news/"></head><body>
      <div itemscope itemtype="http://schema.org/NewsArticle">
      <a itemprop="url" href="story-1">x</a><h1 itemprop="headline">H</h1>
      <img itemprop="image" src="../i/1.jpg"></div></body></html>"""
    article = from_html(page)
    assert article.url == "https://example.org/news/story-1"
    assert article.image is not None
    assert article.image.url == "https://example.org/i/1.jpg"


_TAGS = st.sampled_from(["div", "span", "a", "time", "meta", "img", "article"])
_ATTRIBUTES = st.sampled_from(
    [
        "itemscope",
        'itemtype="http://schema.org/NewsArticle"',
        'itemtype="//schema.org/Person"',
        'itemprop="headline"',
        'itemprop="author name"',
        'itemprop="url"',
        'itemref="a b"',
        'id="a"',
        'id="b"',
        'href="/x"',
        'datetime="2026-04-06"',
        'content="c"',
        'vocab="http://schema.org/"',
        'typeof="Article"',
        'property="headline"',
        'property="author"',
        'resource="#r"',
        'prefix="s: https://schema.org/"',
        'about="/y"',
        'datatype=""',
    ]
)


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(_TAGS)
    attributes = " ".join(draw(st.lists(_ATTRIBUTES, max_size=4)))
    children = (
        "".join(draw(st.lists(_markup(depth + 1), max_size=3)))
        if depth < 3
        else draw(st.sampled_from(["", "text", "H"]))
    )
    return f"<{tag} {attributes}>{children}</{tag}>"


@given(st.lists(_markup(), min_size=1, max_size=4).map("".join))
def test_any_microdata_or_rdfa_gives_an_article_or_a_newspkg_error(page: str) -> None:
    try:
        article = from_html(page, url=BASE)
    except NewspkgError:
        return
    assert article.headline


def test_items_shared_through_itemref_are_built_once_and_read_everywhere() -> None:
    author = '<p id="by" itemprop="author" itemscope itemtype="http://schema.org/Person">'
    page = (
        '<div itemscope itemtype="http://schema.org/NewsArticle" itemref="by">'
        '<a itemprop="url" href="/1">1</a><h1 itemprop="headline">One</h1></div>'
        '<div itemscope itemtype="http://schema.org/NewsArticle" itemref="by">'
        '<a itemprop="url" href="/2">2</a><h1 itemprop="headline">Two</h1></div>'
        f'<div>{author}<span itemprop="name">Jane Doe</span></p></div>'
    )
    first, second = items(page)
    assert first.properties[-1][1] is second.properties[-1][1]
    read = list(iter_articles(microdata_document([first, second])))
    assert [[a.name for a in article.authors] for article in read] == [["Jane Doe"]] * 2


def test_a_chain_of_shared_items_costs_linear_work() -> None:
    # Each level holds two items that both refer to the next level: 2**30 paths, 60 items.
    page = '<div itemscope itemtype="http://schema.org/Article" itemref="l0">'
    page += '<h1 itemprop="headline">H</h1></div>'
    page += "".join(
        f'<div id="l{level}"><b itemprop="p" itemscope itemref="l{level + 1}"></b>'
        f'<b itemprop="q" itemscope itemref="l{level + 1}"></b></div>'
        for level in range(30)
    )
    assert from_html(page, url=BASE).headline == "H"
    document = microdata_document(items(page))
    assert len(json.dumps(document)) < 20_000


@pytest.mark.parametrize("url", ["http://[bad", "http://example.com:99999/"])
def test_a_bad_page_url_is_no_url(url: str) -> None:
    page = (
        '<div vocab="http://schema.org/" typeof="Article" resource="#r"><h1 property="headline">H'
    )
    with pytest.raises(ValidationError, match=r"\[0\]\.url: required"):
        from_html(page, url=url)
