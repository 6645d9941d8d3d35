"""The last resort for a description: the article body's first paragraph, when none is declared."""

from __future__ import annotations

import json
from html import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import Article, from_html
from newspkg._html.lead_paragraph import MAX_LEAD, MAX_VISITS, declares_description

URL = "https://e.com/news/1"
LEDE = "The city council voted on Tuesday to close the old bridge to cars for good."
OTHER = "Residents had asked for the change for years, the mayor said after the vote."
HEAD = (
    '<meta property="og:type" content="article"><meta property="og:title" content="Bridge">'
    f'<meta property="og:url" content="{URL}">'
)


def page(body: str, head: str = HEAD) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def read(body: str, head: str = HEAD) -> Article:
    return from_html(page(body, head), url=URL)


def notes(article: Article) -> list[str]:
    return [note.detail for note in article.provenance if note.field == "description"]


def test_the_first_paragraph_is_the_description_with_a_note() -> None:
    found = read(f"<p>{LEDE}</p><p>{OTHER}</p>")

    assert found.description == LEDE
    [note] = [note for note in found.provenance if note.field == "description"]
    assert note.source == "body paragraph"
    assert note.detail == (
        "the page declares no description; taken from the first paragraph of the page body"
    )


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:description" content="Declared.">',
        '<meta name="description" content="Declared.">',
        '<meta name="twitter:description" content="Declared.">',
        '<meta name="DC.description" content="Declared.">',
        '<meta name="dcterms.abstract" content="Declared.">',
        '<meta name="citation_abstract" content="Declared.">',
        '<meta itemprop="description" content="Declared.">',
    ],
)
def test_a_declared_description_in_any_tag_family_wins(head: str) -> None:
    found = read(f"<p>{LEDE}</p>", HEAD + head)

    assert found.description == "Declared."
    assert not any("first paragraph" in detail for detail in notes(found))


def test_a_declared_description_on_another_json_ld_item_stops_the_fallback() -> None:
    # The page declares a description (of its WebPage); the article has none. A declared
    # description is the page's own text: newspkg does not put body text in its place.
    data = [
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "B", "url": URL},
        {"@context": "https://schema.org", "@type": "WebPage", "description": "The page."},
    ]
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'

    found = read(f"<p>{LEDE}</p>", script)

    assert found.description is None


def test_an_unreadable_json_ld_block_that_mentions_a_description_stops_the_fallback() -> None:
    script = '<script type="application/ld+json">{"description": "Cut off</script>'

    assert read(f"<p>{LEDE}</p>", HEAD + script).description is None


@pytest.mark.parametrize(
    "markup",
    [
        '<div itemscope itemtype="https://schema.org/Thing"><span itemprop="description">',
        '<div vocab="https://schema.org/" typeof="Thing"><span property="description">',
        '<div prefix="dc: http://purl.org/dc/terms/"><span property="dc:abstract">',
    ],
)
def test_a_description_in_microdata_or_rdfa_stops_the_fallback(markup: str) -> None:
    found = read(f"{markup}A thing.</span></div><p>{LEDE}</p>")

    assert found.description != LEDE


def test_a_json_ld_article_without_a_description_gets_the_lede() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "B", "url": URL}
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'

    assert read(f"<article><p>{LEDE}</p></article>", script).description == LEDE


def test_no_paragraph_that_qualifies_gives_no_description() -> None:
    found = read("<div>Just a div with text in it, no paragraph element at all.</div><p>Hi.</p>")

    assert found.description is None
    assert notes(found) == []


@pytest.mark.parametrize(
    "furniture",
    [
        f"<nav><p>{OTHER}</p></nav>",
        f"<header><p>{OTHER}</p></header>",
        f"<footer><p>{OTHER}</p></footer>",
        f"<aside><p>{OTHER}</p></aside>",
        f"<figure><p>{OTHER}</p></figure>",
        f"<figure><figcaption><p>{OTHER}</p></figcaption></figure>",
        f"<form><p>{OTHER}</p></form>",
        f"<blockquote><p>{OTHER}</p></blockquote>",
        f"<ul><li><p>{OTHER}</p></li></ul>",
        f'<div role="navigation"><p>{OTHER}</p></div>',
        f'<div class="breadcrumbs"><p>{OTHER}</p></div>',
        f'<div id="cookie-banner"><p>{OTHER}</p></div>',
        f'<div class="siteSidebar"><p>{OTHER}</p></div>',
        f'<div class="article-byline"><p>{OTHER}</p></div>',
        f"<p hidden>{OTHER}</p>",
        f'<div style="display: none"><p>{OTHER}</p></div>',
    ],
)
def test_paragraphs_in_page_furniture_are_skipped(furniture: str) -> None:
    assert read(f"{furniture}<p>{LEDE}</p>").description == LEDE


@pytest.mark.parametrize(
    "text",
    [
        "By Jane Doe and John Roe, Staff Writers",
        "Written by Rob Ewaschuk Edited by Betsy Beyer.",
        "Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, all posts.",
        "Updated March 3, 2024 at 10:00 a.m. Eastern Time.",
        "2024-03-03T10:00:00Z",
        "Contents",
        "From Wikipedia, the free encyclopedia",
        "Home > News > Local > The bridge story of the week in our town",
        "Coordinates: 42°S 174°E / 42°S 174°E",
        "Short but a sentence.",
        "© 2024 Example Media Group, a company with many newspapers. All rights reserved.",
        "We use cookies to give you the best experience on our site and to show ads.",
        "Please enable JavaScript in your browser settings to see this page as intended.",
    ],
)
def test_bylines_datelines_short_and_boilerplate_paragraphs_are_skipped(text: str) -> None:
    assert read(f"<p>{text}</p><p>{LEDE}</p>").description == LEDE


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    text = "By the end of the year, most of the staff had left the company."

    assert read(f"<p>{text}</p><p>{LEDE}</p>").description == text


def test_a_sentence_may_end_with_a_quote_a_reference_mark_or_a_colon() -> None:
    for text in (f"{LEDE[:-1]}.[2]", f"“{LEDE}”", f"{LEDE[:-1]}, as follows:"):
        assert read(f"<p>{text}</p>").description == text


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (f"<p>{OTHER}</p><article><p>{LEDE}</p></article>", "the <article>"),
        (f"<p>{OTHER}</p><main><p>{LEDE}</p></main>", "(<main> or role=main)"),
        (f'<p>{OTHER}</p><div role="main"><p>{LEDE}</p></div>', "(<main> or role=main)"),
        (
            f'<article><p>{OTHER}</p><div itemprop="articleBody"><p>{LEDE}</p></div></article>',
            "itemprop=articleBody",
        ),
        (f"<main><p>{OTHER}</p><article><p>{LEDE}</p></article></main>", "the <article>"),
    ],
)
def test_the_article_body_comes_before_the_rest_of_the_page(body: str, where: str) -> None:
    found = read(body)

    assert found.description == LEDE
    assert where in notes(found)[0]


def test_a_paragraph_of_the_json_ld_article_body_comes_first() -> None:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Bridge",
        "url": URL,
        "articleBody": f"{LEDE}\n\n{OTHER}",
    }
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    teaser = "An unrelated teaser sits above the story on this page, as a sentence."

    found = read(f"<div><p>{teaser}</p></div><div><p>{LEDE}</p></div>", script)

    assert found.description == LEDE
    assert "JSON-LD articleBody" in notes(found)[0]


def test_a_furniture_class_on_a_container_does_not_hide_the_story() -> None:
    assert read(f'<article class="post has-comments"><p>{LEDE}</p></article>').description == LEDE


def test_white_space_is_collapsed_and_entities_decoded() -> None:
    found = read("<p>  Fish &amp;\n chips&nbsp;are back <b>on</b>   the menu at the pier café.</p>")

    assert found.description == "Fish & chips are back on the menu at the pier café."


def test_a_long_paragraph_is_cut_at_a_word_boundary_and_the_note_says_so() -> None:
    words = " ".join(f"word{i}" for i in range(400)) + "."

    found = read(f"<p>{words}</p>")

    assert found.description is not None
    assert len(found.description) <= MAX_LEAD
    assert found.description.endswith("\u2026")
    assert words.startswith(found.description[:-1])
    assert words[len(found.description) - 1] == " "  # the cut is at a word boundary
    assert notes(found)[0].endswith(f"cut at a word boundary to {MAX_LEAD} characters")


def test_text_without_spaces_is_cut_between_characters() -> None:
    text = "橋を渡っていました。" * 100

    found = read(f"<p>{text}</p>", HEAD + '<meta property="og:locale" content="ja_JP">')

    assert found.description == text[: MAX_LEAD - 1] + "\u2026"


def test_a_deeply_nested_paragraph_is_found() -> None:
    assert read("<div>" * 900 + f"<p>{LEDE}</p>" + "</div>" * 900).description == LEDE


def test_the_walk_is_bounded() -> None:
    # A paragraph after more nodes than the walk visits is not looked for: bounded work.
    crowd = "<span>a</span>" * (MAX_VISITS + 10)

    assert read(f"<div>{crowd}</div><p>{LEDE}</p>").description is None
    assert read(f"<p>{LEDE}</p><div>{crowd}</div>").description == LEDE


def test_many_paragraphs_that_do_not_qualify_end_the_search() -> None:
    found = read("<p>Too short.</p>" * 50_000 + f"<p>{LEDE}</p>")

    assert found.description is None


def test_a_head_only_article_and_a_markup_article_both_get_it() -> None:
    microdata = (
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        f'<h1 itemprop="headline">Bridge</h1><link itemprop="url" href="{URL}">'
        f'<div itemprop="articleBody"><p>{LEDE}</p></div></div>'
    )

    assert read(microdata, "").description == LEDE
    assert read(f"<p>{LEDE}</p>").description == LEDE


def test_declares_description_reads_every_key_spelling() -> None:
    assert declares_description(["citation_abstract"], [], [], []) == "meta citation_abstract"
    deep = [{"@graph": [{"http://schema.org/description": "x"}]}]
    assert declares_description([], deep, [], []) == "JSON-LD"
    assert declares_description([], [{"description": ""}], [], []) is None
    assert declares_description([], [], [], ["name schema:Description"]) == "microdata or RDFa"
    assert declares_description(["og:title", "descriptive"], [{"name": "x"}], ["{"], []) is None


@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])),
        min_size=1,
        max_size=4,
    )
)
def test_a_lead_is_always_collapsed_bounded_and_taken_from_the_page(texts: list[str]) -> None:
    body = "".join(f"<p>{escape(text)}</p>" for text in texts)

    found = read(body).description

    if found is not None:
        assert len(found) <= MAX_LEAD
        assert found == " ".join(found.split())
        core = found.removesuffix("\u2026")  # a cut text ends in one
        assert any(core in " ".join(text.split()) for text in texts)
