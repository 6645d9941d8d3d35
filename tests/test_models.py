"""The models' rules: each one refused with a clear message and path, each one normalised."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    count_words,
    from_dict,
)
from newspkg._readtime.estimate import effective_word_count
from tests.strategies import articles

URL = "https://news.example.org/2026/04/grid"


def problems_of(build: Any, **fields: Any) -> list[str]:
    """The problems building reports, or [] when it builds: a test of a valid model shows them."""
    try:
        build(**fields)
    except ValidationError as error:
        return [str(problem) for problem in error.problems]
    return []


def test_minimal_article_needs_only_url_and_headline() -> None:
    article = Article(url=URL, headline="Grid operators brace")

    assert (article.url, article.headline, article.authors, article.body) == (
        URL,
        "Grid operators brace",
        (),
        None,
    )


def test_every_problem_is_reported_at_once_with_its_path() -> None:
    assert problems_of(
        Article,
        url="ftp://x",
        headline="  ",
        language="en_US",
        keywords="abc",
        word_count=-1,
        is_accessible_for_free="yes",
    ) == [
        "url: not an absolute http(s) URL: 'ftp://x'",
        "headline: must not be empty",
        "keywords: expected a list of text, got text 'abc'",
        "language: not a well-formed BCP 47 language tag (use '-', not '_'): 'en_US'",
        "word_count: must not be negative, got -1",
        "is_accessible_for_free: expected true or false or nothing (null), got text 'yes'",
    ]


def test_validation_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="headline: must not be empty"):
        Article(url=URL, headline="")


@pytest.mark.parametrize(
    "url",
    [
        "/relative/path",
        "example.com/no-scheme",
        "mailto:desk@example.com",
        "javascript:alert(1)",
        "https://",
        "https://exa mple.com/",
        "https://example.com/a\nb",
        "https://example.com:0/",
        "https://example.com:99999/",
    ],
)
def test_urls_must_be_absolute_http(url: str) -> None:
    assert problems_of(Figure, url=url)[0].startswith("url: not an absolute http(s) URL")


@pytest.mark.parametrize(
    "url", ["http://example.com", "https://例え.jp/記事/1", "https://example.com:8443/a?b=c#d"]
)
def test_accepted_urls(url: str) -> None:
    assert Figure(url=url).url == url


@pytest.mark.parametrize(
    "tag",
    ["en", "en-GB", "zh-Hant-TW", "es-419", "sr-Latn-RS", "de-CH-1996", "x-private", "i-klingon"],
)
def test_well_formed_language_tags(tag: str) -> None:
    assert Article(url=URL, headline="h", language=tag).language == tag


@pytest.mark.parametrize("tag", ["en_US", "englishes", "e", "en-", "123", "en--GB", "zh-Hant-"])
def test_malformed_language_tags(tag: str) -> None:
    assert problems_of(Article, url=URL, headline="h", language=tag)[0].startswith("language:")


def test_naive_datetime_is_refused() -> None:
    assert problems_of(
        Article,
        url=URL,
        headline="h",
        date_published=datetime(2026, 4, 6, 9, 30),
    ) == [
        (
            "date_published: a date-time needs a time zone (a naive datetime is ambiguous); "
            "give tzinfo, or use a date for day precision"
        )
    ]


def test_offsets_must_be_whole_minutes() -> None:
    odd = timezone(timedelta(seconds=3601))
    assert problems_of(
        SourceNote,
        role=SourceRole.PRIMARY,
        title="t",
        url=URL,
        date=datetime(2026, 1, 1, tzinfo=odd),
    ) == ["date: time zone offset 1:00:01 is not a whole number of minutes"]


@pytest.mark.parametrize(
    ("published", "modified"),
    [
        (date(2026, 4, 7), date(2026, 4, 6)),
        (datetime(2026, 4, 6, 10, tzinfo=UTC), datetime(2026, 4, 6, 9, 59, tzinfo=UTC)),
        # 12:30 UTC is 00:30 on the 7th even at UTC-12: the 6th is over everywhere.
        (datetime(2026, 4, 7, 12, 30, tzinfo=UTC), date(2026, 4, 6)),
        # 09:00 UTC is 23:00 on the 6th even at UTC+14: the 7th has begun nowhere.
        (date(2026, 4, 7), datetime(2026, 4, 6, 9, tzinfo=UTC)),
    ],
)
def test_modified_before_published_is_refused(published: date, modified: date) -> None:
    assert problems_of(
        Article, url=URL, headline="h", date_published=published, date_modified=modified
    )[0].startswith("date_modified: ")


@pytest.mark.parametrize(
    ("published", "modified"),
    [
        # Midnight at UTC+1 is still the 31st west of Greenwich, where this date may be.
        (datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=1))), date(1999, 12, 31)),
        (datetime(2026, 4, 7, 11, 59, tzinfo=UTC), date(2026, 4, 6)),
        # 10:00 UTC on the 6th is already the 7th at UTC+14.
        (date(2026, 4, 7), datetime(2026, 4, 6, 10, tzinfo=UTC)),
    ],
)
def test_a_date_is_before_a_time_only_if_it_is_in_every_time_zone(
    published: date, modified: date
) -> None:
    fields: dict[str, Any] = {
        "url": URL,
        "headline": "h",
        "date_published": published,
        "date_modified": modified,
    }

    assert problems_of(Article, **fields) == []
    assert Article(**fields).date_modified == modified


def test_same_instant_in_another_zone_is_not_before() -> None:
    published = datetime(2026, 4, 6, 10, tzinfo=UTC)
    modified = published.astimezone(timezone(timedelta(hours=-5)))

    article = Article(url=URL, headline="h", date_published=published, date_modified=modified)

    assert article.date_modified == published
    # Equal instants compare equal in any zone: check the value kept is the one given.
    assert isinstance(article.date_modified, datetime)
    assert article.date_modified.isoformat() == "2026-04-06T05:00:00-05:00"
    assert article.date_modified.utcoffset() == timedelta(hours=-5)


def test_text_is_stripped_and_empty_optional_text_becomes_none() -> None:
    author = Author(name="  Mara Lindqvist\n", job_title=" ", knows_about=[" energy ", "grids"])

    assert (author.name, author.job_title, author.knows_about) == (
        "Mara Lindqvist",
        None,
        ("energy", "grids"),
    )


def test_empty_list_items_are_refused_with_their_index() -> None:
    assert problems_of(Article, url=URL, headline="h", keywords=["energy", " "]) == [
        "keywords[1]: must not be empty"
    ]


def test_each_same_as_entry_is_checked() -> None:
    assert problems_of(Author, name="A", same_as=["https://x.example", "@handle"]) == [
        "same_as[1]: not an absolute http(s) URL: '@handle'"
    ]


@pytest.mark.parametrize("size", [-1, True, 1.5])
def test_sizes_are_non_negative_whole_numbers(size: object) -> None:
    assert problems_of(Figure, url=URL, width=size)[0].startswith("width: ")


def test_lists_become_tuples_so_articles_are_hashable() -> None:
    article = Article(url=URL, headline="h", authors=[Author(name="A")], keywords=["k"])
    # Built apart, so equal hashes come from equal values, not from one object.
    twin = Article(url=URL, headline="h", authors=[Author(name="A")], keywords=["k"])

    assert (type(article.authors), type(article.keywords), hash(article) == hash(twin)) == (
        tuple,
        tuple,
        True,
    )
    assert twin is not article
    assert len({article, twin}) == 1


def test_nested_model_of_wrong_type_is_refused() -> None:
    assert problems_of(Article, url=URL, headline="h", authors=["Mara Lindqvist"]) == [
        "authors[0]: expected an Author, got text 'Mara Lindqvist'"
    ]


def test_each_wrong_item_of_a_list_is_named_with_what_it_got() -> None:
    assert problems_of(
        Article,
        url=URL,
        headline="h",
        authors=(Author(name="A"), {"name": "Jane"}, None),
        keywords=["energy", 3],
    ) == [
        (
            "authors[1]: expected an Author, got dict {'name': 'Jane'} (build it as Author(...), "
            "or read the whole article from a dict with newspkg.from_dict)"
        ),
        "authors[2]: expected an Author, got nothing (null)",
        "keywords[1]: expected text, got int 3",
    ]


def test_a_list_field_given_no_list_says_what_the_list_holds() -> None:
    assert problems_of(Article, url=URL, headline="h", figures="x", authors=5) == [
        "authors: expected a list of Authors, got int 5",
        "figures: expected a list of Figures, got text 'x'",
    ]


def test_from_dict_names_the_whole_path_that_construction_cannot() -> None:
    document = {"format_version": 1, "url": URL, "headline": "h", "authors": [{"name": "A"}]}
    document["authors"].append({"name": "Jane", "url": "nope"})  # type: ignore[attr-defined]

    with pytest.raises(ValidationError) as raised:
        from_dict(document)

    assert [str(p) for p in raised.value.problems] == [
        "authors[1].url: not an absolute http(s) URL: 'nope'"
    ]


def test_organization_has_no_job_title() -> None:
    assert problems_of(Author, name="Desk", kind=AuthorKind.ORGANIZATION, job_title="Editor") == [
        "job_title: only a person has a job title"
    ]


def test_models_are_frozen() -> None:
    article = Article(url=URL, headline="h")

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.headline = "changed"  # type: ignore[misc]


def test_evolve_revalidates() -> None:
    with pytest.raises(ValidationError, match="url: not an absolute"):
        attrs.evolve(Article(url=URL, headline="h"), url="nope")


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.reuters.com/world/x", "reuters.com"),
        ("https://EC.Europa.EU/report.pdf", "ec.europa.eu"),
        ("http://data.example.org:8080/a", "data.example.org"),
    ],
)
def test_source_domain_is_derived_from_its_url(url: str, domain: str) -> None:
    assert SourceNote(role=SourceRole.SUPPORTING, title="t", url=url).domain == domain


def test_trail_is_split_by_role_in_order() -> None:
    notes = [
        SourceNote(role=role, title=str(index), url=f"{URL}/{index}")
        for index, role in enumerate(
            [SourceRole.SUPPORTING, SourceRole.PRIMARY, SourceRole.PRIMARY]
        )
    ]
    article = Article(url=URL, headline="h", sources=notes)

    assert (
        [n.title for n in article.primary_sources],
        [n.title for n in article.supporting_sources],
    ) == (
        ["1", "2"],
        ["0"],
    )


def test_images_are_hero_then_figures() -> None:
    hero, figure = Figure(url=f"{URL}/hero.jpg"), Figure(url=f"{URL}/f1.jpg", label="Figure / 01")

    assert Article(url=URL, headline="h", image=hero, figures=[figure]).images == (hero, figure)


def test_publisher_logo_and_related_read_are_validated() -> None:
    with pytest.raises(ValidationError, match="url: not an absolute"):
        Publisher(name="P", logo=Figure(url="logo.png"))
    with pytest.raises(ValidationError, match="headline: must not be empty"):
        RelatedRead(url=URL, headline="")


@given(articles())
def test_generated_articles_survive_reconstruction(article: Article) -> None:
    assert attrs.evolve(article) == article


def test_repeated_text_entries_are_kept_once_in_order() -> None:
    author = Author(
        name="A",
        same_as=["https://x.example/a", "https://y.example/a", " https://x.example/a"],
        knows_about=["energy", "grids", "energy"],
    )

    assert (author.same_as, author.knows_about) == (
        ("https://x.example/a", "https://y.example/a"),
        ("energy", "grids"),
    )


def test_problems_in_repeated_entries_keep_the_index_given() -> None:
    assert problems_of(Article, url=URL, headline="h", keywords=["a", "a", ""]) == [
        "keywords[2]: must not be empty"
    ]


@given(articles())
def test_articles_pickle_for_worker_processes(article: Article) -> None:
    import pickle

    assert pickle.loads(pickle.dumps(article)) == article


@given(articles())
def test_effective_word_count_is_the_explicit_count_else_the_body_count_else_none(
    article: Article,
) -> None:
    if article.word_count is not None:
        expected = article.word_count
    elif article.body is not None:
        expected = count_words(article.body, lang=article.language)
    else:
        expected = None

    assert effective_word_count(article) == expected


# --- choices as text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: Article(url=URL, headline="h", kind="analysis").kind, ArticleKind.ANALYSIS),
        (lambda: Article(url=URL, headline="h", kind=" Live_Blog ").kind, ArticleKind.LIVE_BLOG),
        (lambda: Author(name="Desk", kind="organization").kind, AuthorKind.ORGANIZATION),
        (lambda: Publisher(name="P", kind="person").kind, PublisherKind.PERSON),
        (lambda: SourceNote(role="primary", title="t", url=URL).role, SourceRole.PRIMARY),
        (
            lambda: SourceNote(role=SourceRole.SUPPORTING, title="t", url=URL).role,
            SourceRole.SUPPORTING,
        ),
    ],
)
def test_choices_take_their_value_as_text(build: Callable[[], object], expected: object) -> None:
    assert build() is expected


@given(st.sampled_from(ArticleKind))
def test_an_article_from_text_equals_the_article_from_the_member(kind: ArticleKind) -> None:
    assert Article(url=URL, headline="h", kind=kind.value) == Article(
        url=URL, headline="h", kind=kind
    )


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            lambda: SourceNote(role="main", title="t", url=URL),
            ["role: expected one of 'primary', 'supporting', got text 'main'"],
        ),
        (
            lambda: Author(name="A", kind=""),
            ["kind: expected one of 'person', 'organization', got text ''"],
        ),
        (
            lambda: Publisher(name="P", kind=3),  # type: ignore[arg-type]
            [
                (
                    "kind: expected one of 'news_media_organization', 'organization', 'person', "
                    "got int 3"
                )
            ],
        ),
    ],
)
def test_unknown_choice_text_lists_the_allowed_values(
    build: Callable[[], object], expected: list[str]
) -> None:
    with pytest.raises(ValidationError) as raised:
        build()

    assert [str(problem) for problem in raised.value.problems] == expected


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (10**40, "must be at most 1,000,000,000, got a number of 41 digits"),
        (10**5000, "must be at most 1,000,000,000, got a number of about 5,001 digits"),
        (-(10**5000), "must not be negative, got a number of about 5,001 digits"),
    ],
    ids=["41 digits", "5,001 digits", "negative, 5,001 digits"],
)
def test_a_count_too_long_to_write_out_gets_a_validation_error(number: int, shown: str) -> None:
    # Python writes out an int of more than sys.get_int_max_str_digits() digits only with a
    # bare ValueError, which the message used to raise.
    with pytest.raises(ValidationError) as caught:
        Figure(url="https://news.example/a.jpg", width=number)
    assert str(caught.value) == f"width: {shown}"
