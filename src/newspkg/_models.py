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

import attrs

from newspkg._page_items import (
    Correction,
    Crumb,
    Date,
    Translation,
    UpdateNote,
    Video,
    search_template_problem,
)
from newspkg._urls import split_url
from newspkg._validation import (
    COUNT,
    LANGUAGE,
    URL,
    as_enum,
    as_tuple,
    before,
    normalize_and_validate,
    prepare,
    validate_with_rules,
)
from newspkg.errors import Problem

__all__ = [
    "Article",
    "ArticleKind",
    "Author",
    "AuthorKind",
    "Correction",
    "Crumb",
    "Date",
    "Figure",
    "LiveUpdate",
    "ProvenanceNote",
    "Publisher",
    "PublisherKind",
    "RelatedRead",
    "Site",
    "SourceNote",
    "SourceRole",
    "Translation",
    "UpdateNote",
    "Video",
]


# Named converters, one per element type, so type checkers accept lists (and any
# iterable) where the stored value is a tuple. A tuple (what every reader passes) is
# returned without a second call: attrs runs these for every field of every instance.
def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _figures(value: Iterable["Figure"]) -> tuple["Figure", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _authors(value: Iterable["Author"]) -> tuple["Author", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _sources(value: Iterable["SourceNote"]) -> tuple["SourceNote", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _related(value: Iterable["RelatedRead"]) -> tuple["RelatedRead", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _notes(value: Iterable["ProvenanceNote"]) -> tuple["ProvenanceNote", ...]:
    return value if type(value) is tuple else as_tuple(value)


# Enum fields also take their values as text (kind="analysis"), as a CMS stores them. One
# named converter per enum: mypy's attrs plugin reads the parameter type from it, so type
# checkers accept both the member and its text.
def _article_kind(value: "ArticleKind | str") -> "ArticleKind":
    return value if type(value) is ArticleKind else as_enum(ArticleKind, value)


def _author_kind(value: "AuthorKind | str") -> "AuthorKind":
    return value if type(value) is AuthorKind else as_enum(AuthorKind, value)


def _publisher_kind(value: "PublisherKind | str") -> "PublisherKind":
    return value if type(value) is PublisherKind else as_enum(PublisherKind, value)


def _source_role(value: "SourceRole | str") -> "SourceRole":
    return value if type(value) is SourceRole else as_enum(SourceRole, value)


def _crumbs(value: Iterable[Crumb]) -> tuple[Crumb, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _corrections(value: Iterable[Correction]) -> tuple[Correction, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _updates(value: Iterable[UpdateNote]) -> tuple[UpdateNote, ...]:
    return value if type(value) is tuple else as_tuple(value)


def _live(value: Iterable["LiveUpdate"]) -> tuple["LiveUpdate", ...]:
    return value if type(value) is tuple else as_tuple(value)


def _translations(value: Iterable[Translation]) -> tuple[Translation, ...]:
    return value if type(value) is tuple else as_tuple(value)


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
    works_for: str | None = None
    """The organization the person works for (by name)."""
    affiliation: str | None = None
    """An organization the person is affiliated with (by name)."""

    __attrs_post_init__ = validate_with_rules

    def _rules(self) -> Iterator[Problem]:
        if self.kind is AuthorKind.ORGANIZATION:
            for name, what in (
                ("job_title", "a job title"),
                ("works_for", "an employer"),
                ("affiliation", "an affiliation"),
            ):
                if getattr(self, name) is not None:
                    yield Problem(path=name, message=f"only a person has {what}")


@attrs.frozen(kw_only=True)
class Figure:
    """An image on the page: the hero image, a numbered figure, a portrait or a logo.

    A figure with a `Video` is a video: ``url`` is then its thumbnail and ``label`` its
    name. ``license``, ``acquire_license_page``, ``creator``, ``copyright_notice`` and
    ``credit`` are the image licence metadata Google shows in image results.

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
    license: str | None = attrs.field(default=None, metadata=URL)
    acquire_license_page: str | None = attrs.field(default=None, metadata=URL)
    creator: Author | None = None
    copyright_notice: str | None = None
    video: Video | None = None

    # The validation itself, not a method calling it: one call less for every instance.
    __attrs_post_init__ = normalize_and_validate


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
    founding_date: Date | None = None
    # The Trust Project's indicators, as schema.org names them: pages that say how the
    # newsroom works. All but publishing_principles belong to a news organization.
    publishing_principles: str | None = attrs.field(default=None, metadata=URL)
    corrections_policy: str | None = attrs.field(default=None, metadata=URL)
    ethics_policy: str | None = attrs.field(default=None, metadata=URL)
    diversity_policy: str | None = attrs.field(default=None, metadata=URL)
    masthead: str | None = attrs.field(default=None, metadata=URL)
    ownership_funding_info: str | None = attrs.field(default=None, metadata=URL)
    actionable_feedback_policy: str | None = attrs.field(default=None, metadata=URL)
    verification_fact_checking_policy: str | None = attrs.field(default=None, metadata=URL)
    unnamed_sources_policy: str | None = attrs.field(default=None, metadata=URL)
    no_bylines_policy: str | None = attrs.field(default=None, metadata=URL)

    __attrs_post_init__ = validate_with_rules

    def _rules(self) -> Iterator[Problem]:
        if self.kind is PublisherKind.NEWS_MEDIA_ORGANIZATION:
            return
        for name in TRUST_POLICIES:
            if getattr(self, name) is not None:
                yield Problem(path=name, message="only a news media organization has this policy")
        if self.kind is PublisherKind.PERSON and self.founding_date is not None:
            yield Problem(path="founding_date", message="a person has no founding date")
        if self.logo is not None and self.logo.video is not None:
            yield Problem(path="logo.video", message="a logo is an image, not a video")


TRUST_POLICIES: tuple[str, ...] = (
    "corrections_policy",
    "ethics_policy",
    "diversity_policy",
    "masthead",
    "ownership_funding_info",
    "actionable_feedback_policy",
    "verification_fact_checking_policy",
    "unnamed_sources_policy",
    "no_bylines_policy",
)
"""Publisher fields that only a news media organization carries (publishing_principles aside)."""


@attrs.frozen(kw_only=True)
class Site:
    """The web site an article appears on: shared by every article of the site.

    >>> Site(name="The Ledger", url="https://ledger.example").name
    'The Ledger'
    """

    name: str
    url: str = attrs.field(metadata=URL)
    publisher: Publisher | None = None
    language: str | None = attrs.field(default=None, metadata=LANGUAGE)
    alternate_names: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    search_url_template: str | None = attrs.field(default=None, metadata=URL)
    """The site search URL with ``{search_term_string}`` where the query goes."""

    __attrs_post_init__ = validate_with_rules

    def _rules(self) -> Iterator[Problem]:
        if self.search_url_template is not None:
            yield from search_template_problem(self.search_url_template)


@attrs.frozen(kw_only=True)
class LiveUpdate:
    """One entry of a live blog: headline, time, text and optionally who wrote it and a picture."""

    headline: str
    date: Date
    body: str | None = None
    author: Author | None = None
    image: Figure | None = None

    __attrs_post_init__ = validate_with_rules

    def _rules(self) -> Iterator[Problem]:
        if self.image is not None and self.image.video is not None:
            yield Problem(path="image.video", message="a live update's image is not a video")


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

    # The validation itself, not a method calling it: one call less for every instance.
    __attrs_post_init__ = normalize_and_validate

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

    # The validation itself, not a method calling it: one call less for every instance.
    __attrs_post_init__ = normalize_and_validate


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

    # The validation itself, not a method calling it: one call less for every instance.
    __attrs_post_init__ = normalize_and_validate


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
    site: Site | None = None
    breadcrumbs: tuple[Crumb, ...] = attrs.field(default=(), converter=_crumbs)
    paywalled_parts: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """CSS selectors of the parts of the page behind the paywall (``.paywall``)."""
    backstory: str | None = None
    editors: tuple[Author, ...] = attrs.field(default=(), converter=_authors)
    translators: tuple[Author, ...] = attrs.field(default=(), converter=_authors)
    contributors: tuple[Author, ...] = attrs.field(default=(), converter=_authors)
    """Other contributors beside the byline (a photographer, an illustrator, a researcher)."""
    corrections: tuple[Correction, ...] = attrs.field(default=(), converter=_corrections)
    updates: tuple[UpdateNote, ...] = attrs.field(default=(), converter=_updates)
    live_updates: tuple[LiveUpdate, ...] = attrs.field(default=(), converter=_live)
    coverage_start: Date | None = None
    coverage_end: Date | None = None
    translation_of: Translation | None = None
    translations: tuple[Translation, ...] = attrs.field(default=(), converter=_translations)

    __attrs_post_init__ = validate_with_rules

    def _rules(self) -> Iterator[Problem]:
        yield from _order_problem(self.date_published, self.date_modified, "date_modified")
        yield from _order_problem(self.coverage_start, self.coverage_end, "coverage_end")
        # Guarded by what the rule needs: most articles have none of it.
        live = self.live_updates or self.coverage_start is not None or self.coverage_end is not None
        if live and self.kind is not ArticleKind.LIVE_BLOG:
            for name in ("live_updates", "coverage_start", "coverage_end"):
                if getattr(self, name) not in (None, ()):
                    yield Problem(path=name, message="only a live blog (kind live_blog) has this")
        if self.paywalled_parts and self.is_accessible_for_free is True:
            yield Problem(
                path="paywalled_parts",
                message="an article free to read has no paywalled parts "
                "(set is_accessible_for_free to false)",
            )
        for index, figure in enumerate((self.image, *self.image_renditions)):
            if figure is not None and figure.video is not None:
                name = "image" if index == 0 else f"image_renditions[{index - 1}]"
                yield Problem(path=f"{name}.video", message="only figures may be videos")
        for index, crumb in enumerate(self.breadcrumbs[:-1]):
            if crumb.url is None:
                yield Problem(
                    path=f"breadcrumbs[{index}].url", message="only the last crumb may have no URL"
                )
        for index, editor in enumerate(self.editors):
            if editor.kind is not AuthorKind.PERSON:
                yield Problem(path=f"editors[{index}].kind", message="an editor is a person")
        own = {self.url}
        for index, translation in enumerate((self.translation_of, *self.translations)):
            if translation is not None and translation.url in own:
                name = "translation_of" if index == 0 else f"translations[{index - 1}]"
                yield Problem(path=f"{name}.url", message="a translation has its own URL")

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


def _order_problem(earlier: Date | None, later: Date | None, path: str) -> tuple[Problem, ...]:
    # A tuple, not a generator: the rule runs for every article, and most pass.
    if earlier is None or later is None or not before(later, earlier):
        return ()
    first = "date_published" if path == "date_modified" else "coverage_start"
    return (
        Problem(path=path, message=f"{later.isoformat()} is before {first} {earlier.isoformat()}"),
    )


prepare(
    Author, Figure, Publisher, Site, LiveUpdate, SourceNote, RelatedRead, ProvenanceNote, Article
)
