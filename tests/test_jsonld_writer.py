"""The JSON-LD writer: golden output, the @id scheme, schema.org conformance, safe script tags."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newspkg import (
    Article,
    ArticleKind,
    Author,
    AuthorKind,
    Figure,
    Publisher,
    PublisherKind,
    RelatedRead,
    SourceNote,
    SourceRole,
    ValidationError,
    reading_time,
    to_jsonld,
    to_script_tag,
)
from newspkg._fast_json import optional_orjson
from newspkg._jsonld import writer
from newspkg._jsonld.processing import JsonObject, JsonValue
from newspkg._schemaorg import mapping as m
from newspkg._schemaorg.mapping import KIND_TYPES
from newspkg._schemaorg.vocabulary import vocabulary
from newspkg.errors import LimitExceededError
from tests.strategies import STORABLE_CHARACTERS, articles, texts

GOLDEN = Path(__file__).resolve().parent / "golden"
# Set NEWSPKG_UPDATE_GOLDEN=1 to rewrite the golden files, then review the diff.
UPDATE_GOLDEN = os.environ.get("NEWSPKG_UPDATE_GOLDEN") == "1"

URL = "https://www.northlight-news.example/analysis/2026/11/grid-winter"
CET = timezone(timedelta(hours=1))


def example_article() -> Article:
    """A fixed article using every field, for the golden files."""
    site = "https://www.northlight-news.example"
    return Article(
        url=URL,
        headline="Europe's grid enters winter with less slack than it admits",
        description="Operators say the lights will stay on. Their filings say less.",
        kind=ArticleKind.ANALYSIS,
        authors=(
            Author(
                name="Mara Lindqvist",
                url=f"{site}/authors/mara-lindqvist",
                job_title="Energy correspondent",
                description="Covers power markets and grid infrastructure.",
                image=f"{site}/img/authors/mara-lindqvist.jpg",
                same_as=("https://mastodon.example/@maralindqvist",),
                location="Brussels · London corridor",
                knows_about=("Electricity markets", "Grid interconnectors"),
                story_count=214,
            ),
            Author(name="Data desk", kind=AuthorKind.ORGANIZATION, location="Oslo"),
        ),
        publisher=Publisher(
            name="Northlight News",
            url=f"{site}/",
            logo=Figure(url=f"{site}/img/logo.png", alt="Northlight News", width=600, height=60),
            same_as=("https://social.example/@northlight",),
        ),
        date_published=datetime(2026, 11, 3, 6, 30, tzinfo=CET),
        date_modified=datetime(2026, 11, 3, 9, 15, tzinfo=CET),
        section="Energy",
        keywords=("energy", "grid, Europe", "winter"),
        language="en-GB",
        image=Figure(
            url=f"{site}/img/pylons-16x9.jpg",
            alt="Pylons in snow",
            caption="Transmission lines near Narvik.",
            credit="Photo: K. Berg",
            width=1600,
            height=900,
        ),
        image_renditions=(Figure(url=f"{site}/img/pylons-1x1.jpg", width=900, height=900),),
        figures=(
            Figure(
                url=f"{site}/img/margins-chart.png",
                alt="Bar chart of reserve margins, 2016 to 2026",
                caption="Reserve margins for a cold, windless week.",
                credit="Source: ENTSO-E",
                label="Figure / 01",
                width=1200,
                height=675,
            ),
        ),
        sources=(
            SourceNote(
                role=SourceRole.PRIMARY,
                title="Winter Outlook 2026-2027",
                url="https://www.entsoe.example/outlook-2026.pdf",
                publisher="ENTSO-E",
                note="The margin table on page 14.",
                date=date(2026, 10, 30),
            ),
            SourceNote(
                role=SourceRole.SUPPORTING,
                title="Grid operators brace for the cold",
                url="https://wire.example/2026/11/grid",
                publisher="Reuters",
            ),
            SourceNote(
                role=SourceRole.PRIMARY,
                title="Interconnector capacity filing",
                url="https://regulator.example/filing-88",
            ),
        ),
        related=(
            RelatedRead(
                url=f"{site}/news/2026/10/norway-hydro",
                headline="Norway's reservoirs run low",
                section="Energy",
                date_published=date(2026, 10, 12),
                image=f"{site}/img/reservoir.jpg",
            ),
        ),
        body="The lights will stay on, operators say. Their filings show the thinnest margin.",
        word_count=1240,  # the body above is abridged
        dateline="BRUSSELS",
        is_accessible_for_free=True,
    )


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text


def test_golden_jsonld() -> None:
    text = json.dumps(to_jsonld(example_article()), ensure_ascii=False, indent=2) + "\n"

    check_golden("example_article.jsonld", text)


def test_golden_script_tag() -> None:
    check_golden("example_article.script.html", to_script_tag(example_article()) + "\n")


def test_refuses_what_is_not_an_article() -> None:
    with pytest.raises(ValidationError, match="expected an Article"):
        to_jsonld({"headline": "x"})  # type: ignore[arg-type]


# --- the @id scheme --------------------------------------------------------------------------


def ids(article: Article) -> list[str]:
    return [str(node["@id"]) for node in graph(to_jsonld(article))]


def graph(document: JsonObject) -> list[JsonObject]:
    nodes = document["@graph"]
    assert isinstance(nodes, list)
    return [node for node in nodes if isinstance(node, dict)]


def test_id_scheme_of_the_example() -> None:
    site = "https://www.northlight-news.example"
    expected = [
        f"{URL}#article",
        f"{URL}#webpage",
        f"{URL}#primaryimage",
        f"{URL}#image-1",
        f"{site}/authors/mara-lindqvist#person",
        f"{URL}#author-2",
        f"{site}/#organization",
        f"{site}/#logo",
        f"{URL}#figure-1",
        f"{URL}#source-1",
        f"{URL}#source-2",
        f"{URL}#source-3",
        f"{site}/news/2026/10/norway-hydro#webpage",  # the related read's own page
    ]

    assert expected == ids(example_article())


def test_each_id_is_used_once_even_when_urls_repeat() -> None:
    shared = "https://example.com/team"
    article = Article(
        url="https://example.com/a#comments",
        headline="h",
        authors=(
            Author(name="A", url=shared, kind=AuthorKind.ORGANIZATION),
            Author(name="B", url=shared, kind=AuthorKind.ORGANIZATION),
        ),
        publisher=Publisher(name="P", url=shared, kind=PublisherKind.ORGANIZATION),
    )

    assert ids(article) == [
        "https://example.com/a#article",
        "https://example.com/a#webpage",
        "https://example.com/team#organization",
        "https://example.com/a#author-2",
        "https://example.com/a#publisher",
    ]


# --- what is emitted, field by field -----------------------------------------------------------


def article_node(article: Article) -> JsonObject:
    return graph(to_jsonld(article))[0]


@pytest.mark.parametrize(("kind", "type_name"), KIND_TYPES.items(), ids=str)
def test_kind_gives_the_type(kind: ArticleKind, type_name: str) -> None:
    assert article_node(Article(url=URL, headline="h", kind=kind))["@type"] == type_name


def test_dateline_is_dateline_on_news_and_location_created_elsewhere() -> None:
    news = article_node(Article(url=URL, headline="h", dateline="KYIV"))
    blog = article_node(
        Article(url=URL, headline="h", dateline="KYIV", kind=ArticleKind.BLOG_POSTING)
    )

    assert (news.get("dateline"), news.get("locationCreated")) == ("KYIV", None)
    assert (blog.get("dateline"), blog.get("locationCreated")) == (
        None,
        {"@type": "Place", "name": "KYIV"},
    )


def test_word_count_and_time_required_follow_the_body() -> None:
    body = "word " * 1000
    node = article_node(Article(url=URL, headline="h", body=body))

    assert (node["wordCount"], node["timeRequired"]) == (1000, reading_time(body).iso8601)


def test_explicit_word_count_wins() -> None:
    node = article_node(Article(url=URL, headline="h", body="abridged text", word_count=900))

    assert node["wordCount"] == 900


def test_no_counts_without_text() -> None:
    node = article_node(Article(url=URL, headline="h"))

    assert ("wordCount" in node, "timeRequired" in node) == (False, False)


def test_a_keyword_with_a_comma_stays_whole() -> None:
    node = article_node(Article(url=URL, headline="h", keywords=("a", "b, c")))

    assert node["keywords"] == ["a", {"@type": "DefinedTerm", "name": "b, c"}]


def test_renditions_without_a_hero_are_marked_not_representative() -> None:
    article = Article(url=URL, headline="h", image_renditions=(Figure(url=f"{URL}.jpg"),))

    assert graph(to_jsonld(article))[2]["representativeOfPage"] is False


def test_figure_sizes_are_pixel_quantities() -> None:
    article = Article(url=URL, headline="h", figures=(Figure(url=f"{URL}.jpg", width=640),))
    figure = graph(to_jsonld(article))[2]

    assert figure["width"] == {"@type": "QuantitativeValue", "value": 640, "unitCode": "E37"}
    assert figure["position"] == 1


# --- conformance: schema.org vocabulary and Google's recommendations ----------------------------


def nodes_in(value: JsonValue) -> Iterator[JsonObject]:
    """Every JSON object that is a node (not a bare @id reference), nested ones included."""
    if isinstance(value, list):
        for item in value:
            yield from nodes_in(item)
    elif isinstance(value, dict):
        if "@type" in value:
            yield value
        for key, item in value.items():
            if key != "@context":
                yield from nodes_in(item)


def vocabulary_problems(document: JsonObject) -> list[str]:
    vocab = vocabulary()
    types_by_id: dict[str, JsonValue] = {}
    for node in nodes_in(document):
        if isinstance(node.get("@id"), str):
            types_by_id[str(node["@id"])] = node["@type"]
    problems = []
    for node in nodes_in(document):
        type_name = node["@type"]
        assert isinstance(type_name, str)
        if not vocab.is_class(type_name):
            problems.append(f"{type_name} is not a schema.org type")
        for prop, value in node.items():
            if prop.startswith("@"):
                continue
            if not vocab.property_applies_to(prop, type_name):
                problems.append(f"{prop} is not a property of {type_name}")
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    target = item.get("@type") or types_by_id.get(str(item.get("@id")))
                    in_range = any(
                        vocab.is_subclass(str(target), allowed) for allowed in vocab.range_of(prop)
                    )
                    if not in_range:
                        problems.append(f"{prop} on {type_name} does not expect a {target}")
    return problems


def test_example_uses_only_schemaorg_terms_in_their_domain() -> None:
    assert vocabulary_problems(to_jsonld(example_article())) == []


@given(article=articles())
def test_generated_articles_use_only_schemaorg_terms_in_their_domain(article: Article) -> None:
    assert vocabulary_problems(to_jsonld(article)) == []


@given(article=articles())
def test_google_article_recommendations_met_when_data_is_there(article: Article) -> None:
    nodes = {str(node["@id"]): node for node in graph(to_jsonld(article))}
    main = nodes[f"{article.url.split('#')[0]}#article"]

    assert main["headline"] == article.headline
    assert ("image" in main) == bool(article.image or article.image_renditions)
    for prop, value in (
        ("datePublished", article.date_published),
        ("dateModified", article.date_modified),
    ):
        assert main.get(prop) == (value.isoformat() if value else None)
        if isinstance(value, datetime):
            assert str(main[prop])[-6] in "+-"  # an explicit offset, never naive
    refs = main.get("author", [])
    assert isinstance(refs, list)
    for author, ref in zip(article.authors, refs, strict=True):
        assert isinstance(ref, dict)
        node = nodes[str(ref["@id"])]
        assert (node["@type"], node["name"], node.get("url")) == (
            "Person" if author.kind is AuthorKind.PERSON else "Organization",
            author.name,
            author.url,
        )


# --- the script tag ------------------------------------------------------------------------------

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!--",
    "<script>",
    "</SCRIPT >",
    "a\u2028b\u2029c",
    "&amp; &lt; &",
    "]]>",
    '"\\',
]


def script_text(html: str) -> tuple[int, str]:
    tree = LexborHTMLParser(
        f"<!doctype html><html><head>{html}</head><body><p id=after>ok</p></body>"
    )
    scripts = tree.css("script")
    after = tree.css_first("#after")
    assert after is not None
    assert after.text() == "ok"
    return len(scripts), scripts[0].text()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_script_tag_is_inert_for_hostile_text(hostile: str) -> None:
    article = Article(url=URL, headline=f"x {hostile} y", description=hostile, keywords=(hostile,))

    count, text = script_text(to_script_tag(article))

    assert (count, json.loads(text)) == (1, to_jsonld(article))


@given(headline=texts(), body=st.text(STORABLE_CHARACTERS, min_size=1).filter(str.strip))
def test_script_tag_parses_back_to_the_same_json(headline: str, body: str) -> None:
    article = Article(url=URL, headline=headline, body=body)

    count, text = script_text(to_script_tag(article))

    assert (count, json.loads(text)) == (1, to_jsonld(article))


def test_script_tag_escapes_markup_characters() -> None:
    tag = to_script_tag(Article(url=URL, headline="a<>&\u2028\u2029b"))

    assert tag.startswith('<script type="application/ld+json">')
    assert "\\u003c\\u003e\\u0026\\u2028\\u2029" in tag
    assert tag.count("<") == 2  # the element's own opening and closing tags


# --- the mapping table -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "table"),
    [
        (Article, m.ARTICLE),
        (Author, m.AUTHOR),
        (Publisher, m.PUBLISHER),
        (Figure, m.FIGURE),
        (SourceNote, m.SOURCE),
        (RelatedRead, m.RELATED),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_every_model_field_has_one_mapping_row(model: type, table: object) -> None:
    assert isinstance(table, dict)
    assert list(table) == [field.name for field in attrs.fields(model)]


def test_every_mapped_term_is_a_schemaorg_term() -> None:
    vocab = vocabulary()
    tables = [m.ARTICLE, m.AUTHOR, m.PUBLISHER, m.FIGURE, m.SOURCE, m.RELATED]
    props = {p for table in tables for term in table.values() for p in term.read}
    types = {*m.KIND_TYPES.values(), *m.AUTHOR_TYPES.values(), *m.PUBLISHER_TYPES.values()}

    assert sorted(p for p in props - {"@type"} if not vocab.is_property(p)) == []
    assert sorted(t for t in types if not vocab.is_class(t)) == []


# --- the size check's compact measure: orjson's text is json's, in UTF-8 -----------------------

orjson_only = pytest.mark.skipif(
    optional_orjson() is None, reason="orjson is not installed (the fast extra)"
)


@orjson_only
@given(articles())
def test_orjson_writes_the_compact_text_json_writes(article: Article) -> None:
    """Why its UTF-8 length bounds the compact text from above: the size check relies on it."""
    document = to_jsonld(article)
    compact = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    assert optional_orjson().dumps(document).decode() == compact


@orjson_only
@given(st.text(STORABLE_CHARACTERS, max_size=20))
def test_orjson_escapes_text_as_json_does(text: str) -> None:
    document = {"name": text}
    compact = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    assert optional_orjson().dumps(document).decode() == compact


def test_what_orjson_refuses_is_measured_by_json() -> None:
    document: JsonObject = {"wordCount": 2**70, "name": "ü"}
    assert writer._compact_size(document) == len('{"wordCount":1180591620717411303424,"name":"ü"}')


@pytest.mark.parametrize("with_orjson", [True, False], ids=["orjson", "json"])
def test_the_size_check_refuses_and_passes_the_same_with_and_without_orjson(
    monkeypatch: pytest.MonkeyPatch, with_orjson: bool
) -> None:
    if not with_orjson:
        monkeypatch.setattr(writer, "optional_orjson", lambda: None)
    huge = Article(url=URL, headline="H", body="wörd " * 1_200_000)  # 6 MB of UTF-8 once printed
    with pytest.raises(LimitExceededError, match="does not write it"):
        to_jsonld(huge)
    # Past the quick filter (more than an eighth of the limit), under the limit itself.
    below = Article(url=URL, headline="H", body="wörd " * 500_000)
    assert graph(to_jsonld(below))[0]["articleBody"] == below.body
    assert writer._compact_size(to_jsonld(example_article())) >= len(
        json.dumps(to_jsonld(example_article()), ensure_ascii=False, separators=(",", ":"))
    )
