"""The JSON-LD reader: every shape pages ship, leniency with notes, and clear errors."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import (
    Article,
    ArticleKind,
    Author,
    AuthorKind,
    Figure,
    LimitExceededError,
    NewspkgError,
    NoArticleError,
    ParseError,
    ProvenanceNote,
    PublisherKind,
    RemoteContextError,
    ValidationError,
    check,
    from_jsonld,
    iter_articles,
)
from newspkg._jsonld.processing import JsonObject, JsonValue, expand, flatten
from newspkg._schemaorg.mapping import KIND_TYPES

URL = "https://example.com/news/1"


def doc(**fields: JsonValue) -> JsonObject:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "url": URL, **fields}


def notes(article: Article) -> list[tuple[str, str]]:
    return [(note.field, note.detail) for note in article.provenance]


# --- shapes ----------------------------------------------------------------------------------

MINIMAL = Article(url=URL, headline="Hi")
GRAPH: JsonObject = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebPage", "@id": f"{URL}#page", "url": URL},
        {
            "@type": "NewsArticle",
            "url": URL,
            "headline": "Hi",
            "mainEntityOfPage": {"@id": f"{URL}#page"},
        },
    ],
}
SHAPES: dict[str, JsonValue | bytes] = {
    "object": doc(headline="Hi"),
    "JSON text": json.dumps(doc(headline="Hi")),
    "JSON bytes with BOM": b"\xef\xbb\xbf" + json.dumps(doc(headline="Hi")).encode(),
    "top-level array": [{"@context": "https://schema.org", "@type": "WebSite"}, doc(headline="Hi")],
    "@graph with @id references": GRAPH,
    "http context": {**doc(headline="Hi"), "@context": "http://schema.org"},
    "context with slash": {**doc(headline="Hi"), "@context": "https://schema.org/"},
    "context array": {**doc(headline="Hi"), "@context": ["https://schema.org", {"x": "urn:x:"}]},
    "@vocab http": {**doc(headline="Hi"), "@context": {"@vocab": "http://schema.org/"}},
    "@vocab https": {**doc(headline="Hi"), "@context": {"@vocab": "https://schema.org/"}},
    "full IRIs, no context": {
        "@type": "https://schema.org/NewsArticle",
        "https://schema.org/url": URL,
        "https://schema.org/headline": "Hi",
    },
    "expanded": list(expand(doc(headline="Hi"))),
    "flattened": list(flatten(GRAPH)),
    "CDATA-wrapped text": "<![CDATA[" + json.dumps(doc(headline="Hi")) + "]]>",
}


@pytest.mark.parametrize("source", SHAPES.values(), ids=SHAPES.keys())
def test_every_shape_reads_the_same(source: JsonValue | bytes) -> None:
    assert from_jsonld(source) == MINIMAL


@pytest.mark.parametrize(("kind", "type_name"), KIND_TYPES.items(), ids=str)
def test_every_article_subtype(kind: ArticleKind, type_name: str) -> None:
    assert from_jsonld({**doc(headline="Hi"), "@type": type_name}).kind is kind


def test_most_specific_type_wins() -> None:
    article = from_jsonld({**doc(headline="Hi"), "@type": ["NewsArticle", "OpinionNewsArticle"]})

    assert article.kind is ArticleKind.OPINION


# --- authors, images, keywords ------------------------------------------------------------------

AUTHOR_SHAPES: dict[str, JsonValue | bytes] = {
    "string": "Ana Ruiz",
    "object": {"@type": "Person", "name": "Ana Ruiz"},
    "array": ["Ana Ruiz"],
    "untyped object": {"name": "Ana Ruiz"},
}


@pytest.mark.parametrize("author", AUTHOR_SHAPES.values(), ids=AUTHOR_SHAPES.keys())
def test_author_shapes(author: JsonValue) -> None:
    assert from_jsonld(doc(headline="Hi", author=author)).authors == (Author(name="Ana Ruiz"),)


def test_author_by_id_reference_and_organization() -> None:
    source: JsonObject = {
        "@context": "https://schema.org",
        "@graph": [
            {**doc(headline="Hi"), "author": [{"@id": "#ana"}, {"@id": "#desk"}]},
            {"@type": "Person", "@id": "#ana", "name": "Ana Ruiz", "url": "/authors/ana"},
            {"@type": "NewsMediaOrganization", "@id": "#desk", "name": "Desk"},
        ],
    }

    assert from_jsonld(source, base_url=URL).authors == (
        Author(name="Ana Ruiz", url="https://example.com/authors/ana"),
        Author(name="Desk", kind=AuthorKind.ORGANIZATION),
    )


def test_author_card_with_google_profile_counter() -> None:
    author: JsonObject = {
        "@type": "Person",
        "name": "Ana",
        "jobTitle": "Reporter",
        "workLocation": {"@type": "Place", "name": "Lima"},
        "knowsAbout": ["mining", "water"],
        "agentInteractionStatistic": {
            "@type": "InteractionCounter",
            "interactionType": "https://schema.org/WriteAction",
            "userInteractionCount": 12,
        },
    }

    assert from_jsonld(doc(headline="Hi", author=author)).authors == (
        Author(
            name="Ana",
            job_title="Reporter",
            location="Lima",
            knows_about=("mining", "water"),
            story_count=12,
        ),
    )


# Each shape with the width it gives: only an ImageObject can say one.
IMAGE_SHAPES: dict[str, tuple[JsonValue, int | None]] = {
    "URL": ("https://example.com/a.jpg", None),
    "ImageObject": (
        {"@type": "ImageObject", "url": "https://example.com/a.jpg", "width": 600},
        600,
    ),
    "array": (["https://example.com/a.jpg", "https://example.com/b.jpg"], None),
    "pixel text": ({"@type": "ImageObject", "contentUrl": "/a.jpg", "width": "600px"}, 600),
}


@pytest.mark.parametrize(("image", "width"), IMAGE_SHAPES.values(), ids=IMAGE_SHAPES.keys())
def test_image_shapes(image: JsonValue, width: int | None) -> None:
    article = from_jsonld(doc(headline="Hi", image=image))

    assert article.image is not None
    assert article.image.url == "https://example.com/a.jpg"
    assert article.image.width == width


@pytest.mark.parametrize(
    "keywords", ["a, b,c", ["a", "b", "c"], ["a", {"@type": "DefinedTerm", "name": "b"}, "c"]]
)
def test_keyword_shapes(keywords: JsonValue) -> None:
    assert from_jsonld(doc(headline="Hi", keywords=keywords)).keywords == ("a", "b", "c")


def test_publisher_with_logo() -> None:
    publisher: JsonObject = {
        "@type": "Organization",
        "name": "Daily",
        "logo": {"@type": "ImageObject", "url": "https://example.com/logo.png"},
    }

    article = from_jsonld(doc(headline="Hi", publisher=publisher))

    assert article.publisher is not None
    assert (article.publisher.kind, article.publisher.logo) == (
        PublisherKind.ORGANIZATION,
        Figure(url="https://example.com/logo.png"),
    )


# --- dates, counts and notes -------------------------------------------------------------------


def test_dates_with_and_without_zone() -> None:
    article = from_jsonld(
        doc(headline="Hi", datePublished="2024-01-02", dateModified="2024-01-03T10:00:00Z")
    )

    assert (article.date_published, article.date_modified, article.provenance) == (
        date(2024, 1, 2),
        datetime(2024, 1, 3, 10, tzinfo=UTC),
        (),
    )


def test_naive_date_is_read_in_the_default_zone_and_reported() -> None:
    zone = timezone(timedelta(hours=2))

    article = from_jsonld(
        doc(headline="Hi", datePublished="2024-01-02T10:00:00"), default_timezone=zone
    )

    assert article.date_published == datetime(2024, 1, 2, 10, tzinfo=zone)
    assert article.provenance == (
        ProvenanceNote(
            field="date_published",
            source="jsonld",
            detail=f"'2024-01-02T10:00:00' had no time zone; read as {zone} "
            "(original: '2024-01-02T10:00:00')",
        ),
    )


def test_time_required_in_words_is_reported_not_trusted() -> None:
    iso = from_jsonld(doc(headline="Hi", timeRequired="PT5M"))
    words = from_jsonld(doc(headline="Hi", timeRequired="5 min read"))

    assert iso.provenance == ()
    assert [field for field, _ in notes(words)] == ["word_count"]
    assert "'5 min read'" in notes(words)[0][1]


@pytest.mark.parametrize("duration", ["PT5,5M", "P1,5D", "PT0.5H"])
def test_time_required_with_a_decimal_fraction_is_an_iso_duration(duration: str) -> None:
    assert from_jsonld(doc(headline="Hi", timeRequired=duration)).provenance == ()


@pytest.mark.parametrize(
    ("word_count", "body", "expected"),
    [(3, "one two three", None), (900, "one two three", 900), (900, None, 900), ("12", None, 12)],
)
def test_word_count_kept_only_when_it_says_more_than_the_body(
    word_count: JsonValue, body: str | None, expected: int | None
) -> None:
    fields: dict[str, JsonValue] = {"headline": "Hi", "wordCount": word_count}
    if body is not None:
        fields["articleBody"] = body

    assert from_jsonld(doc(**fields)).word_count == expected


def test_language_underscore_is_normalised_with_a_note() -> None:
    article = from_jsonld(doc(headline="Hi", inLanguage="en_US"))

    assert (article.language, [field for field, _ in notes(article)]) == ("en-US", ["language"])


def test_unusable_values_are_dropped_with_a_note() -> None:
    author: JsonObject = {
        "@type": "Person",
        "name": "Ana",
        "sameAs": ["not a url", "https://x.example/ana"],
    }

    article = from_jsonld(doc(headline="Hi", author=author, isAccessibleForFree="maybe"))

    assert article.authors == (Author(name="Ana", same_as=("https://x.example/ana",)),)
    assert sorted(field for field, _ in notes(article)) == [
        "authors[0].same_as",
        "is_accessible_for_free",
    ]


@pytest.mark.parametrize(
    ("field", "fields"),
    [
        # Unicode digits that str.isdigit() takes and int() refuses.
        ("word_count", {"wordCount": "\u00b2"}),
        # More digits than int() converts: a ValueError too, unless caught.
        ("word_count", {"wordCount": "9" * 5000}),
        (
            "image[0].width",
            {"image": {"@type": "ImageObject", "url": "/a.jpg", "width": "9" * 5000 + "px"}},
        ),
    ],
    ids=["superscript", "too many digits", "too many pixels"],
)
def test_numbers_int_refuses_are_dropped_with_a_note(
    field: str, fields: dict[str, JsonValue]
) -> None:
    article = from_jsonld(doc(headline="Hi", **fields))

    assert (article.word_count, [f for f, _ in notes(article)]) == (None, [field])
    assert article.image is None or article.image.width is None


def test_modified_before_published_drops_modified_with_a_note() -> None:
    article = from_jsonld(doc(headline="Hi", datePublished="2024-02-01", dateModified="2024-01-01"))

    assert (article.date_modified, [f for f, _ in notes(article)]) == (None, ["date_modified"])


def test_relative_urls_resolve_against_the_article_url() -> None:
    article = from_jsonld(doc(headline="Hi", image="/img/a.jpg"))

    assert article.image == Figure(url="https://example.com/img/a.jpg")


def test_url_from_main_entity_of_page_with_a_note() -> None:
    source = {"@context": "https://schema.org", "@type": "Article", "headline": "Hi"}

    article = from_jsonld({**source, "mainEntityOfPage": URL})

    assert (article.url, [f for f, _ in notes(article)]) == (URL, ["url"])


# --- choosing the article ----------------------------------------------------------------------


def two_articles(**page: JsonValue) -> JsonObject:
    return {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "@id": "#one", "url": f"{URL}/1", "headline": "One"},
            {"@type": "NewsArticle", "@id": "#two", "url": f"{URL}/2", "headline": "Two", **page},
        ],
    }


def test_main_article_is_the_page_main_entity() -> None:
    source = two_articles()
    graph = source["@graph"]
    assert isinstance(graph, list)
    graph.append({"@type": "WebPage", "mainEntity": {"@id": "#two"}})

    assert from_jsonld(source, base_url=URL).headline == "Two"


def test_main_article_is_the_one_with_main_entity_of_page() -> None:
    assert from_jsonld(two_articles(mainEntityOfPage=URL), base_url=URL).headline == "Two"


def test_main_article_is_else_the_first() -> None:
    assert from_jsonld(two_articles(), base_url=URL).headline == "One"


def test_iter_articles_yields_all() -> None:
    assert [a.headline for a in iter_articles(two_articles(), base_url=URL)] == ["One", "Two"]


def test_bad_url_of_another_article_is_no_note_on_this_one() -> None:
    source: JsonObject = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "url": URL, "headline": "Hi", "mainEntityOfPage": URL},
            {"@type": "NewsArticle", "url": "ftp://bad", "headline": "Other"},
        ],
    }

    article = from_jsonld(source)

    assert (article.headline, article.related, article.provenance) == ("Hi", (), ())


def test_related_read_is_still_read_with_a_note_on_its_bad_url() -> None:
    related = f"{URL}/2"
    source: JsonObject = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "url": URL, "relatedLink": related},
            {
                "@type": "NewsArticle",
                "url": URL,
                "headline": "Hi",
                "mainEntityOfPage": {"@id": "#page"},
            },
            {"@type": "NewsArticle", "url": ["ftp://bad", related], "headline": "Two"},
        ],
    }

    article = from_jsonld(source, base_url=URL)

    assert [(read.url, read.headline) for read in article.related] == [(related, "Two")]
    assert [field for field, _ in notes(article)] == ["related.url"]


# --- errors ------------------------------------------------------------------------------------


def test_missing_headline_names_the_path() -> None:
    source: JsonObject = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, doc()]}

    with pytest.raises(ValidationError) as caught:
        from_jsonld(source)

    assert [p.path for p in caught.value.problems] == ["@graph[1].headline"]


def test_missing_headline_path_counts_nodes_under_a_repairable_nested_context() -> None:
    # The reader repairs top-level contexts only: this WebPage's terms expand outside
    # schema.org and it is no node of the graph. Paths must not count it either.
    source: JsonObject = {
        "@graph": [
            {"@context": {"@vocab": "http://schema.org"}, "@type": "WebPage", "@id": "#page"},
            {"@context": "https://schema.org", "@type": "WebSite"},
            {"@context": "https://schema.org", "@type": "NewsArticle", "url": URL},
        ]
    }

    with pytest.raises(ValidationError) as caught:
        from_jsonld(source)

    assert [p.path for p in caught.value.problems] == ["@graph[2].headline"]


@pytest.mark.parametrize(
    ("vocab", "readable"),
    [
        ("https://schema.org/", True),
        ("http://schema.org", True),  # repaired, as the checks say with a warning
        ("https://www.schema.org/", False),
        ("http://www.schema.org/", False),
    ],
)
def test_reader_and_checks_agree_on_schemaorg_vocabs(vocab: str, readable: bool) -> None:
    source: JsonObject = {
        "@context": {"@vocab": vocab},
        "@type": "NewsArticle",
        "url": URL,
        "headline": "Hi",
    }
    unknown = [f for f in check(source) if f.code == "jsonld-context-unknown"]

    if readable:
        assert (from_jsonld(source).headline, unknown) == ("Hi", [])
    else:
        with pytest.raises(NoArticleError):
            from_jsonld(source)
        assert [f.path for f in unknown] == ["@context.@vocab"]


def test_missing_url_names_the_path() -> None:
    with pytest.raises(ValidationError) as caught:
        from_jsonld([{"@context": "https://schema.org", "@type": "Article", "headline": "Hi"}])

    assert [p.path for p in caught.value.problems] == ["[0].url"]


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("{not json", ParseError),
        ('{"@context": "https://schema.org", "@type": "WebSite"}', NoArticleError),
        ("[]", NoArticleError),
        ('{"@context": "https://example.org/ctx", "@type": "Article"}', RemoteContextError),
        ("[" * 10_000 + "]" * 10_000, LimitExceededError),
        ('{"@context": "https://schema.org", "@id": 5}', ParseError),
    ],
)
def test_malformed_input_gives_newspkg_errors(source: str, error: type[NewspkgError]) -> None:
    with pytest.raises(error):
        from_jsonld(source)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["@type", "@id", "headline", "url", "author", "image", "@graph", "name"]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(body=JSON)
def test_any_json_gives_an_article_or_a_newspkg_error(body: JsonValue) -> None:
    source = {"@context": "https://schema.org", "@type": "NewsArticle", "x": body}
    if isinstance(body, dict):
        source = {"@context": "https://schema.org", **body}
    with contextlib.suppress(NewspkgError):
        from_jsonld(source, base_url=URL)


def test_a_read_leaves_no_reference_cycles_behind() -> None:
    # A cycle through the document's graph (the page index once held a bound method of the
    # page) made every read's graph wait for the garbage collector: batches paid for it in
    # collections. A read must free what it built as soon as it returns.
    import gc

    document: JsonObject = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "@id": "https://news.example/a#article",
                "headline": "A headline",
                "url": "https://news.example/a",
                "author": {"@type": "Person", "name": "Jane Doe"},
                "mainEntityOfPage": {"@id": "https://news.example/a"},
            },
            {"@type": "WebPage", "@id": "https://news.example/a", "url": "https://news.example/a"},
        ],
    }
    from_jsonld(document)  # warm: plans and caches made on first use are not per-read garbage
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        from_jsonld(document)
        gc.collect()
        left = [type(item).__name__ for item in gc.garbage]
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
    assert left == []
