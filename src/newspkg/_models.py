"""The models: what a modern news page carries, as frozen, typed, validated data.

Models are pure data. They know nothing of JSON, JSON-LD or HTML; the
serialisers know them. Every class is frozen, slotted and keyword-only, and
checks all of its rules at construction, raising one `newspkg.ValidationError`
that lists every problem with its field path.

Text is stripped of surrounding white space; optional text that is empty
becomes ``None``; lists become tuples. A `Date` is either a calendar `date`
(day precision) or a time-zone-aware `datetime`.
"""

import enum
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import TypeAlias

import attrs

from newspkg._urls import split_url
from newspkg._validation import (
    COUNT,
    LANGUAGE,
    URL,
    as_enum,
    as_tuple,
    before,
    normalize_and_validate,
)
from newspkg.errors import Problem

Date: TypeAlias = date | datetime
"""A calendar day (`datetime.date`) or an instant with its time zone (aware `datetime`)."""


# Named converters, one per element type, so type checkers accept lists (and any
# iterable) where the stored value is a tuple.
def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


def _figures(value: Iterable["Figure"]) -> tuple["Figure", ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


def _authors(value: Iterable["Author"]) -> tuple["Author", ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


def _sources(value: Iterable["SourceNote"]) -> tuple["SourceNote", ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


def _related(value: Iterable["RelatedRead"]) -> tuple["RelatedRead", ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


def _notes(value: Iterable["ProvenanceNote"]) -> tuple["ProvenanceNote", ...]:
    return as_tuple(value)  # type: ignore[no-any-return]


# Enum fields also take their values as text (kind="analysis"), as a CMS stores them. One
# named converter per enum: mypy's attrs plugin reads the parameter type from it, so type
# checkers accept both the member and its text.
def _article_kind(value: "ArticleKind | str") -> "ArticleKind":
    return as_enum(ArticleKind, value)  # type: ignore[no-any-return]


def _author_kind(value: "AuthorKind | str") -> "AuthorKind":
    return as_enum(AuthorKind, value)  # type: ignore[no-any-return]


def _publisher_kind(value: "PublisherKind | str") -> "PublisherKind":
    return as_enum(PublisherKind, value)  # type: ignore[no-any-return]


def _source_role(value: "SourceRole | str") -> "SourceRole":
    return as_enum(SourceRole, value)  # type: ignore[no-any-return]


class ArticleKind(enum.Enum):
    """What kind of piece an article is; decides its schema.org type.

    The first eight are the kinds newsrooms publish; the rest keep every other
    schema.org Article subtype a page may declare, so reading never loses it.
    """

    NEWS = "news"
    ANALYSIS = "analysis"
    OPINION = "opinion"
    REPORTAGE = "reportage"
    BACKGROUND = "background"
    REVIEW = "review"
    BLOG_POSTING = "blog_posting"
    ARTICLE = "article"
    ASK_PUBLIC = "ask_public"
    LIVE_BLOG = "live_blog"
    SATIRE = "satire"
    REPORT = "report"
    SCHOLARLY = "scholarly"
    MEDICAL_SCHOLARLY = "medical_scholarly"
    TECH = "tech"
    API_REFERENCE = "api_reference"
    SOCIAL_MEDIA_POSTING = "social_media_posting"
    DISCUSSION_FORUM_POSTING = "discussion_forum_posting"
    ADVERTISER_CONTENT = "advertiser_content"


class AuthorKind(enum.Enum):
    """Whether a byline names a person or an organization (Google treats them differently)."""

    PERSON = "person"
    ORGANIZATION = "organization"


class PublisherKind(enum.Enum):
    """What publishes the article: a news organization, another organization, or a person."""

    NEWS_MEDIA_ORGANIZATION = "news_media_organization"
    ORGANIZATION = "organization"
    PERSON = "person"


class SourceRole(enum.Enum):
    """Where a note sits in the source trail.

    ``PRIMARY`` is the original record (the official report, the filing);
    ``SUPPORTING`` is reporting that relays or explains it.
    """

    PRIMARY = "primary"
    SUPPORTING = "supporting"


@attrs.frozen(kw_only=True)
class Figure:
    """An image on the page: the hero image, a numbered figure, a portrait or a logo.

    >>> Figure(url="https://example.com/a.jpg", alt="Flood barrier", label="Figure / 01").label
    'Figure / 01'
    """

    url: str = attrs.field(metadata=URL)
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    label: str | None = None
    width: int | None = attrs.field(default=None, metadata=COUNT)
    height: int | None = attrs.field(default=None, metadata=COUNT)

    def __attrs_post_init__(self) -> None:
        normalize_and_validate(self)


@attrs.frozen(kw_only=True)
class Author:
    """A byline entry with the author card: who, their role, bio, base and beat.

    >>> Author(name="Mara Lindqvist", job_title="Energy correspondent").kind
    <AuthorKind.PERSON: 'person'>
    """

    name: str
    kind: AuthorKind = attrs.field(default=AuthorKind.PERSON, converter=_author_kind)
    url: str | None = attrs.field(default=None, metadata=URL)
    job_title: str | None = None
    description: str | None = None
    image: str | None = attrs.field(default=None, metadata=URL)
    same_as: tuple[str, ...] = attrs.field(default=(), converter=_texts, metadata=URL)
    location: str | None = None
    knows_about: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    story_count: int | None = attrs.field(default=None, metadata=COUNT)

    def __attrs_post_init__(self) -> None:
        normalize_and_validate(self, self._rules)

    def _rules(self) -> Iterator[Problem]:
        if self.kind is AuthorKind.ORGANIZATION and self.job_title is not None:
            yield Problem(path="job_title", message="only a person has a job title")


@attrs.frozen(kw_only=True)
class Publisher:
    """Who publishes the article, with its logo and profiles."""

    name: str
    kind: PublisherKind = attrs.field(
        default=PublisherKind.NEWS_MEDIA_ORGANIZATION, converter=_publisher_kind
    )
    url: str | None = attrs.field(default=None, metadata=URL)
    logo: Figure | None = None
    same_as: tuple[str, ...] = attrs.field(default=(), converter=_texts, metadata=URL)

    def __attrs_post_init__(self) -> None:
        normalize_and_validate(self)


@attrs.frozen(kw_only=True)
class SourceNote:
    """One entry of the source trail: a document the story rests on, and why it matters.

    >>> SourceNote(
    ...     role=SourceRole.PRIMARY, title="Annual report", url="https://www.ec.europa.eu/r.pdf"
    ... ).domain
    'ec.europa.eu'
    """

    role: SourceRole = attrs.field(converter=_source_role)
    title: str
    url: str = attrs.field(metadata=URL)
    publisher: str | None = None
    note: str | None = None
    date: Date | None = None

    def __attrs_post_init__(self) -> None:
        normalize_and_validate(self)

    @property
    def domain(self) -> str:
        """The source's web domain, lower-case and without ``www.``, as trails print it."""
        parts = split_url(self.url)  # validated at construction, so it parses
        host = (parts and parts.hostname) or ""
        return host.removeprefix("www.")


@attrs.frozen(kw_only=True)
class RelatedRead:
    """A related story linked from the page."""

    url: str = attrs.field(metadata=URL)
    headline: str
    section: str | None = None
    date_published: Date | None = None
    image: str | None = attrs.field(default=None, metadata=URL)

    def __attrs_post_init__(self) -> None:
        normalize_and_validate(self)


@attrs.frozen(kw_only=True)
class ProvenanceNote:
    """Where a value of an article read from markup came from, or what was done to it.

    Readers add these when they fill a field from a fallback (an Open Graph
    tag), reinterpret a value (a date without a time zone) or set one aside
    (a ``timeRequired`` of "5 min read").
    """

    field: str
    source: str
    detail: str

    def __attrs_post_init__(self) -> None:
        normalize_and_validate(self)


@attrs.frozen(kw_only=True)
class Article:
    """A news article with everything its page shows, in page order.

    Only ``url`` and ``headline`` are required. ``body`` is the plain text a
    reader reads (headings included; captions and alt text are not), used for
    word counts and reading time; ``word_count`` overrides the count when the
    body is absent or abridged.

    >>> Article(url="https://example.com/news/1", headline="Grid operators brace").kind
    <ArticleKind.NEWS: 'news'>
    """

    url: str = attrs.field(metadata=URL)
    headline: str
    description: str | None = None
    kind: ArticleKind = attrs.field(default=ArticleKind.NEWS, converter=_article_kind)
    authors: tuple[Author, ...] = attrs.field(default=(), converter=_authors)
    publisher: Publisher | None = None
    date_published: Date | None = None
    date_modified: Date | None = None
    section: str | None = None
    keywords: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    language: str | None = attrs.field(default=None, metadata=LANGUAGE)
    image: Figure | None = None
    image_renditions: tuple[Figure, ...] = attrs.field(default=(), converter=_figures)
    figures: tuple[Figure, ...] = attrs.field(default=(), converter=_figures)
    sources: tuple[SourceNote, ...] = attrs.field(default=(), converter=_sources)
    related: tuple[RelatedRead, ...] = attrs.field(default=(), converter=_related)
    body: str | None = None
    word_count: int | None = attrs.field(default=None, metadata=COUNT)
    dateline: str | None = None
    is_accessible_for_free: bool | None = None
    provenance: tuple[ProvenanceNote, ...] = attrs.field(default=(), converter=_notes)

    def __attrs_post_init__(self) -> None:
        normalize_and_validate(self, self._rules)

    def _rules(self) -> Iterator[Problem]:
        if (
            self.date_published is not None
            and self.date_modified is not None
            and before(self.date_modified, self.date_published)
        ):
            yield Problem(
                path="date_modified",
                message=(
                    f"{self.date_modified.isoformat()} is before date_published "
                    f"{self.date_published.isoformat()}"
                ),
            )

    @property
    def primary_sources(self) -> tuple[SourceNote, ...]:
        """The primary notes of the source trail, in trail order."""
        return tuple(s for s in self.sources if s.role is SourceRole.PRIMARY)

    @property
    def supporting_sources(self) -> tuple[SourceNote, ...]:
        """The supporting notes of the source trail, in trail order."""
        return tuple(s for s in self.sources if s.role is SourceRole.SUPPORTING)

    @property
    def images(self) -> tuple[Figure, ...]:
        """Every image a reader sees: the hero image, then the figures in page order."""
        hero = () if self.image is None else (self.image,)
        return hero + self.figures
