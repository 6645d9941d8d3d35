"""The one table between newspkg's models and schema.org, read by the JSON-LD writer and reader.

Each model has a table keyed by its field names. A row (`Term`) names the schema.org
properties the field is written to, those also read, the shape of the
value (`Value`) and why that property was chosen. Scalar shapes (text, URLs, dates, counts,
...) are encoded and decoded generically from the row alone; `Value.NODE` rows are nested
items (authors, images, sources) that the writer and reader build with their own small
functions, still taking the property names from here. ``docs/jsonld.md`` prints these tables.

The ``@id`` scheme (`node_id`) lives here too, so it is written and read from one place.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from functools import cache
from typing import Final

import attrs

from newspkg._models import ArticleKind, AuthorKind, PublisherKind, SourceRole
from newspkg._schemaorg.vocabulary import vocabulary
from newspkg._urls import without_fragment

__all__ = [
    "ARTICLE",
    "AUTHOR",
    "AUTHOR_LOCATION",
    "AUTHOR_TYPES",
    "CORRECTION",
    "CRUMB",
    "FIGURE",
    "KIND_TYPES",
    "LIVE_UPDATE",
    "PUBLISHER",
    "PUBLISHER_TYPES",
    "RELATED",
    "SCHEMA_CONTEXT",
    "SCHEMA_VOCABS",
    "SITE",
    "SOURCE",
    "SOURCE_ROLES",
    "TRANSLATION",
    "UPDATE",
    "VIDEO",
    "Fragment",
    "Term",
    "Value",
    "news_article_kinds",
    "node_id",
]

SCHEMA_CONTEXT: Final = "https://schema.org"
"""The ``@context`` newspkg writes (the form Google's documentation uses)."""

SCHEMA_VOCABS: Final = frozenset({"http://schema.org/", "https://schema.org/"})
"""The ``@vocab`` values under which bare terms are schema.org's (reader and checks alike).

``www.schema.org`` is not one: terms would expand to IRIs that are no schema.org names.
"""

PIXEL_UNIT: Final = "E37"
"""UN/CEFACT common code for "pixel", schema.org's recommended ``unitCode`` form."""


class Value(enum.Enum):
    """The shape of a field's value in JSON-LD."""

    TEXT = "text"  # one Text
    TEXTS = "texts"  # several Text values
    KEYWORDS = "keywords"  # Text (comma-separated when read) or DefinedTerm
    LANGUAGE = "language"  # a BCP 47 tag as Text
    URL = "url"  # one URL
    URLS = "urls"  # several URLs
    DATE = "date"  # ISO 8601 Date or DateTime
    FLAG = "flag"  # Boolean
    COUNT = "count"  # Integer
    PIXELS = "pixels"  # QuantitativeValue in pixels (unitCode E37); plain numbers read too
    PLACE = "place"  # Place with a name; plain text read too
    ORGANIZATION_NAME = "organization_name"  # Organization with a name; plain text read too
    STORY_COUNT = "story_count"  # InteractionCounter of WriteActions
    DURATION = "duration"  # whole seconds as an ISO 8601 duration (PT1M35S)
    NODE = "node"  # nested items built by the writer and reader themselves


@attrs.frozen
class Term:
    """One row of a mapping table: the properties of a model field, its shape and the reason."""

    props: tuple[str, ...]
    value: Value
    why: str
    read_also: tuple[str, ...] = ()
    #: Every property the reader looks at, in order of preference (worked out once).
    read: tuple[str, ...] = attrs.field(
        init=False, default=attrs.Factory(lambda term: term.props + term.read_also, takes_self=True)
    )

    @property
    def prop(self) -> str:
        """The property newspkg writes (the first of `props`)."""
        return self.props[0]


def _t(props: str, value: Value, why: str, read_also: str = "") -> Term:
    return Term(tuple(props.split()), value, why, tuple(read_also.split()))


# fmt: off
ARTICLE: Final[Mapping[str, Term]] = {
    "url":          _t("url", Value.URL, "Thing.url; also the base of every @id (`node_id`)"),
    "headline":     _t("headline", Value.TEXT, "Google Article: recommended"),
    "description":  _t("description", Value.TEXT, "Thing.description"),
    "kind":         _t("@type", Value.NODE, "by `KIND_TYPES`; one type per Article subtype"),
    "authors":      _t("author", Value.NODE, "Google: each author its own Person/Organization with name and url"),  # noqa: E501
    "publisher":    _t("publisher", Value.NODE, "CreativeWork.publisher: Organization or Person"),
    "date_published": _t("datePublished", Value.DATE, "Google: ISO 8601 with time zone"),
    "date_modified": _t("dateModified", Value.DATE, "Google: ISO 8601 with time zone"),
    "section":      _t("articleSection", Value.TEXT, "Article.articleSection"),
    "keywords":     _t("keywords", Value.KEYWORDS, "Text; a keyword with a comma is a DefinedTerm so it is not split"),  # noqa: E501
    "language":     _t("inLanguage", Value.LANGUAGE, "CreativeWork.inLanguage: BCP 47 text"),
    "image":        _t("image", Value.NODE, "Google: image; the hero ImageObject comes first"),
    "image_renditions": _t("image", Value.NODE, "Google: several aspect ratios in the same image array"),  # noqa: E501
    "figures":      _t("associatedMedia", Value.NODE, "CreativeWork.associatedMedia ImageObjects with position"),  # noqa: E501
    "sources":      _t("isBasedOn", Value.NODE, "primary → isBasedOn, supporting → citation; position keeps trail order", "citation"),  # noqa: E501
    "related":      _t("relatedLink", Value.NODE, "WebPage.relatedLink (URL) plus a WebPage node per read: no Article, so no rich-result parser counts it as another article"),  # noqa: E501
    "body":         _t("articleBody", Value.TEXT, "Article.articleBody"),
    "word_count":   _t("wordCount", Value.COUNT, "Article.wordCount; explicit count, else the body's"),  # noqa: E501
    "dateline":     _t("dateline", Value.NODE, "NewsArticle.dateline; other kinds: locationCreated Place", "locationCreated"),  # noqa: E501
    "is_accessible_for_free": _t("isAccessibleForFree", Value.FLAG, "Google paywalled content"),
    "provenance":   Term((), Value.NODE, "not written: it describes how a value was read"),
    "site":         _t("isPartOf", Value.NODE, "the WebPage isPartOf the WebSite `<site>#website`, as Yoast's graph"),  # noqa: E501
    "breadcrumbs":  _t("breadcrumb", Value.NODE, "WebPage.breadcrumb: a BreadcrumbList of ListItems (Google BreadcrumbList)"),  # noqa: E501
    "paywalled_parts": _t("hasPart", Value.NODE, "Google paywalled content: WebPageElement with cssSelector, isAccessibleForFree false"),  # noqa: E501
    "backstory":    _t("backstory", Value.TEXT, "Article.backstory (Trust Project)"),
    "editors":      _t("editor", Value.NODE, "CreativeWork.editor Person"),
    "translators":  _t("translator", Value.NODE, "CreativeWork.translator"),
    "contributors": _t("contributor", Value.NODE, "CreativeWork.contributor: beside the byline"),
    "corrections":  _t("correction", Value.NODE, "CreativeWork.correction CorrectionComment with text and datePublished"),  # noqa: E501
    "updates":      _t("comment", Value.NODE, "no schema.org term for an editor's update note; a Comment with text and datePublished, told apart from corrections by type"),  # noqa: E501
    "live_updates": _t("liveBlogUpdate", Value.NODE, "LiveBlogPosting.liveBlogUpdate BlogPostings; position keeps order"),  # noqa: E501
    "coverage_start": _t("coverageStartTime", Value.DATE, "LiveBlogPosting.coverageStartTime"),
    "coverage_end": _t("coverageEndTime", Value.DATE, "LiveBlogPosting.coverageEndTime"),
    "translation_of": _t("translationOfWork", Value.NODE, "CreativeWork.translationOfWork: a CreativeWork with url and inLanguage"),  # noqa: E501
    "translations": _t("workTranslation", Value.NODE, "CreativeWork.workTranslation: a CreativeWork with url and inLanguage"),  # noqa: E501
}

AUTHOR: Final[Mapping[str, Term]] = {
    "name":         _t("name", Value.TEXT, "Google: required for each author"),
    "kind":         _t("@type", Value.NODE, "by `AUTHOR_TYPES`: Person or Organization"),
    "url":          _t("url", Value.URL, "Google: the author's page; also the base of its @id"),
    "job_title":    _t("jobTitle", Value.TEXT, "Person.jobTitle"),
    "description":  _t("description", Value.TEXT, "Thing.description: the bio"),
    "image":        _t("image", Value.URL, "Thing.image: the portrait's URL"),
    "same_as":      _t("sameAs", Value.URLS, "Thing.sameAs: profiles"),
    "location":     _t("workLocation", Value.PLACE, "by `AUTHOR_LOCATION`: Person.workLocation, Organization.location", "location homeLocation"),  # noqa: E501
    "knows_about":  _t("knowsAbout", Value.TEXTS, "Person/Organization.knowsAbout: the beat"),
    "story_count":  _t("agentInteractionStatistic", Value.STORY_COUNT, "InteractionCounter of WriteAction, as Google's ProfilePage markup counts posts"),  # noqa: E501
    "works_for":    _t("worksFor", Value.ORGANIZATION_NAME, "Person.worksFor Organization (Trust Project: the author's employer)"),  # noqa: E501
    "affiliation":  _t("affiliation", Value.ORGANIZATION_NAME, "Person.affiliation Organization"),
}

PUBLISHER: Final[Mapping[str, Term]] = {
    "name":         _t("name", Value.TEXT, "Google: publisher name"),
    "kind":         _t("@type", Value.NODE, "by `PUBLISHER_TYPES`"),
    "url":          _t("url", Value.URL, "Thing.url; also the base of its @id"),
    "logo":         _t("logo", Value.NODE, "Organization.logo ImageObject; a Person has no logo, so image", "image"),  # noqa: E501
    "same_as":      _t("sameAs", Value.URLS, "Thing.sameAs"),
    "founding_date": _t("foundingDate", Value.DATE, "Organization.foundingDate"),
    "publishing_principles": _t("publishingPrinciples", Value.URL, "Trust Project: best practices"),
    "corrections_policy": _t("correctionsPolicy", Value.URL, "NewsMediaOrganization (Trust Project)"),  # noqa: E501
    "ethics_policy": _t("ethicsPolicy", Value.URL, "NewsMediaOrganization (Trust Project)"),
    "diversity_policy": _t("diversityPolicy", Value.URL, "NewsMediaOrganization (Trust Project)"),
    "masthead":     _t("masthead", Value.URL, "NewsMediaOrganization (Trust Project)"),
    "ownership_funding_info": _t("ownershipFundingInfo", Value.URL, "NewsMediaOrganization (Trust Project)"),  # noqa: E501
    "actionable_feedback_policy": _t("actionableFeedbackPolicy", Value.URL, "NewsMediaOrganization (Trust Project)"),  # noqa: E501
    "verification_fact_checking_policy": _t("verificationFactCheckingPolicy", Value.URL, "NewsMediaOrganization (Trust Project)"),  # noqa: E501
    "unnamed_sources_policy": _t("unnamedSourcesPolicy", Value.URL, "NewsMediaOrganization (Trust Project)"),  # noqa: E501
    "no_bylines_policy": _t("noBylinesPolicy", Value.URL, "NewsMediaOrganization (Trust Project)"),
}

FIGURE: Final[Mapping[str, Term]] = {
    "url":          _t("contentUrl url", Value.URL, "MediaObject.contentUrl, and url as Google reads it"),  # noqa: E501
    "alt":          _t("description", Value.TEXT, "Thing.description: the alternative text"),
    "caption":      _t("caption", Value.TEXT, "ImageObject.caption"),
    "credit":       _t("creditText", Value.TEXT, "CreativeWork.creditText: Google image license metadata"),  # noqa: E501
    "label":        _t("name", Value.TEXT, "Thing.name: 'Figure / 01'"),
    "width":        _t("width", Value.PIXELS, "MediaObject.width: QuantitativeValue (its range); numbers read too"),  # noqa: E501
    "height":       _t("height", Value.PIXELS, "MediaObject.height: QuantitativeValue; numbers read too"),  # noqa: E501
    "license":      _t("license", Value.URL, "Google image metadata: the licence's URL"),
    "acquire_license_page": _t("acquireLicensePage", Value.URL, "Google image metadata"),
    "creator":      _t("creator", Value.NODE, "Google image metadata: a Person or Organization node"),  # noqa: E501
    "copyright_notice": _t("copyrightNotice", Value.TEXT, "Google image metadata"),
    "video":        _t("@type", Value.NODE, "a VideoObject instead of an ImageObject; url → thumbnailUrl (`VIDEO_THUMBNAIL`)"),  # noqa: E501
}

VIDEO: Final[Mapping[str, Term]] = {
    "upload_date":  _t("uploadDate", Value.DATE, "Google video: required"),
    "content_url":  _t("contentUrl", Value.URL, "Google video: recommended (the file)"),
    "embed_url":    _t("embedUrl", Value.URL, "Google video: recommended (the player)"),
    "duration":     _t("duration", Value.DURATION, "Google video: recommended, ISO 8601"),
}

SITE: Final[Mapping[str, Term]] = {
    "name":         _t("name", Value.TEXT, "Google site names: WebSite.name"),
    "url":          _t("url", Value.URL, "the home page; also the base of `<site>#website`"),
    "publisher":    _t("publisher", Value.NODE, "WebSite.publisher, the Organization node the article shares"),  # noqa: E501
    "language":     _t("inLanguage", Value.LANGUAGE, "CreativeWork.inLanguage"),
    "alternate_names": _t("alternateName", Value.TEXTS, "Google site names: alternateName"),
    "search_url_template": _t("potentialAction", Value.NODE, "SearchAction → EntryPoint.urlTemplate (query-input is no schema.org term, so not written)"),  # noqa: E501
}

CRUMB: Final[Mapping[str, Term]] = {
    "name":         _t("name", Value.TEXT, "Google BreadcrumbList: ListItem.name, required"),
    "url":          _t("item", Value.NODE, "ListItem.item as a URL; Google allows none on the last"),  # noqa: E501
}

CORRECTION: Final[Mapping[str, Term]] = {
    "date":         _t("datePublished", Value.DATE, "CreativeWork.datePublished"),
    "text":         _t("text", Value.TEXT, "CreativeWork.text"),
}

UPDATE: Final[Mapping[str, Term]] = CORRECTION

LIVE_UPDATE: Final[Mapping[str, Term]] = {
    "headline":     _t("headline", Value.TEXT, "Google live blog: liveBlogUpdate headline"),
    "date":         _t("datePublished", Value.DATE, "Google live blog: datePublished"),
    "body":         _t("articleBody", Value.TEXT, "Google live blog: articleBody"),
    "author":       _t("author", Value.NODE, "an author node as the article's"),
    "image":        _t("image", Value.NODE, "an ImageObject node"),
}

TRANSLATION: Final[Mapping[str, Term]] = {
    "url":          _t("url", Value.URL, "Thing.url of the other language version"),
    "language":     _t("inLanguage", Value.LANGUAGE, "CreativeWork.inLanguage"),
}

SOURCE: Final[Mapping[str, Term]] = {
    "role":         _t("isBasedOn", Value.NODE, "by `SOURCE_ROLES`, from the article", "citation"),
    "title":        _t("name", Value.TEXT, "Thing.name"),
    "url":          _t("url", Value.URL, "Thing.url"),
    "publisher":    _t("publisher", Value.ORGANIZATION_NAME, "CreativeWork.publisher Organization"),
    "note":         _t("description", Value.TEXT, "Thing.description: why it matters"),
    "date":         _t("datePublished", Value.DATE, "CreativeWork.datePublished"),
}

RELATED: Final[Mapping[str, Term]] = {
    "url":          _t("url", Value.URL, "Thing.url; also listed in the WebPage's relatedLink"),
    "headline":     _t("headline", Value.TEXT, "CreativeWork.headline"),
    "section":      _t("genre", Value.TEXT, "CreativeWork.genre: a WebPage has no articleSection", "articleSection"),  # noqa: E501
    "date_published": _t("datePublished", Value.DATE, "CreativeWork.datePublished"),
    "image":        _t("image", Value.URL, "Thing.image as a URL"),
}

KIND_TYPES: Final[Mapping[ArticleKind, str]] = {
    ArticleKind.NEWS:                     "NewsArticle",
    ArticleKind.ANALYSIS:                 "AnalysisNewsArticle",
    ArticleKind.OPINION:                  "OpinionNewsArticle",
    ArticleKind.REPORTAGE:                "ReportageNewsArticle",
    ArticleKind.BACKGROUND:               "BackgroundNewsArticle",
    ArticleKind.REVIEW:                   "ReviewNewsArticle",
    ArticleKind.BLOG_POSTING:             "BlogPosting",
    ArticleKind.ARTICLE:                  "Article",
    ArticleKind.ASK_PUBLIC:               "AskPublicNewsArticle",
    ArticleKind.LIVE_BLOG:                "LiveBlogPosting",
    ArticleKind.SATIRE:                   "SatiricalArticle",
    ArticleKind.REPORT:                   "Report",
    ArticleKind.SCHOLARLY:                "ScholarlyArticle",
    ArticleKind.MEDICAL_SCHOLARLY:        "MedicalScholarlyArticle",
    ArticleKind.TECH:                     "TechArticle",
    ArticleKind.API_REFERENCE:            "APIReference",
    ArticleKind.SOCIAL_MEDIA_POSTING:     "SocialMediaPosting",
    ArticleKind.DISCUSSION_FORUM_POSTING: "DiscussionForumPosting",
    ArticleKind.ADVERTISER_CONTENT:       "AdvertiserContentArticle",
}

AUTHOR_TYPES: Final[Mapping[AuthorKind, str]] = {
    AuthorKind.PERSON:       "Person",
    AuthorKind.ORGANIZATION: "Organization",
}

AUTHOR_LOCATION: Final[Mapping[AuthorKind, str]] = {
    AuthorKind.PERSON:       "workLocation",  # Person has no `location`
    AuthorKind.ORGANIZATION: "location",
}

PUBLISHER_TYPES: Final[Mapping[PublisherKind, str]] = {
    PublisherKind.NEWS_MEDIA_ORGANIZATION: "NewsMediaOrganization",
    PublisherKind.ORGANIZATION:            "Organization",
    PublisherKind.PERSON:                  "Person",
}

SOURCE_ROLES: Final[Mapping[SourceRole, str]] = {
    SourceRole.PRIMARY:    "isBasedOn",
    SourceRole.SUPPORTING: "citation",
}
# fmt: on


@cache
def news_article_kinds() -> frozenset[ArticleKind]:
    """Kinds typed NewsArticle or a subtype: the ones `dateline` (domain NewsArticle) applies to.

    A function, so that the vocabulary table loads on first use, not on import.
    """
    return frozenset(
        kind for kind, name in KIND_TYPES.items() if vocabulary().is_subclass(name, "NewsArticle")
    )


# Properties and types that join the nodes together rather than carry a model field.
MAIN_ENTITY_OF_PAGE: Final = "mainEntityOfPage"  # article → its WebPage (Google reads it)
MAIN_ENTITY: Final = "mainEntity"  # read only: WebPage → its article
PRIMARY_IMAGE_OF_PAGE: Final = "primaryImageOfPage"  # WebPage → the hero image
REPRESENTATIVE_OF_PAGE: Final = "representativeOfPage"  # false: renditions with no hero
POSITION: Final = "position"  # order of figures, sources and related reads
TIME_REQUIRED: Final = "timeRequired"  # written from the reading time, never read back
WEB_PAGE_TYPE: Final = "WebPage"
IMAGE_TYPE: Final = "ImageObject"
SOURCE_TYPE: Final = "CreativeWork"  # a source may be any kind of document
RELATED_TYPE: Final = "WebPage"  # a related read's page: an Article would count as the page's
VIDEO_TYPE: Final = "VideoObject"
VIDEO_THUMBNAIL: Final = "thumbnailUrl"  # a video figure's url
WEB_SITE_TYPE: Final = "WebSite"
SEARCH_ACTION_TYPE: Final = "SearchAction"
ENTRY_POINT_TYPE: Final = "EntryPoint"
SEARCH_TARGET: Final = "target"
URL_TEMPLATE: Final = "urlTemplate"
BREADCRUMB_TYPE: Final = "BreadcrumbList"
LIST_ITEM_TYPE: Final = "ListItem"
LIST_ELEMENT: Final = "itemListElement"
PAGE_ELEMENT_TYPE: Final = "WebPageElement"
CSS_SELECTOR: Final = "cssSelector"
CORRECTION_TYPE: Final = "CorrectionComment"
UPDATE_TYPE: Final = "Comment"
LIVE_UPDATE_TYPE: Final = "BlogPosting"
TRANSLATION_TYPE: Final = "CreativeWork"
# What the WebPage repeats of its article, as Yoast's graph does (written, not read back).
PAGE_NAME: Final = "name"
PAGE_THUMBNAIL: Final = "thumbnailUrl"
PLACE_TYPE: Final = "Place"
ORGANIZATION_TYPE: Final = "Organization"
KEYWORD_TYPE: Final = "DefinedTerm"
PIXELS_TYPE: Final = "QuantitativeValue"
COUNTER_TYPE: Final = "InteractionCounter"
WRITE_ACTION_TYPE: Final = "WriteAction"


class Fragment(enum.Enum):
    """The ``#fragment`` of each node's ``@id``; see `node_id`."""

    ARTICLE = "article"  # <article url>#article
    WEBPAGE = "webpage"  # <article url>#webpage
    PRIMARY_IMAGE = "primaryimage"  # <article url>#primaryimage: the hero image
    IMAGE = "image"  # <article url>#image-<n>: the n-th rendition
    FIGURE = "figure"  # <article url>#figure-<n>
    SOURCE = "source"  # <article url>#source-<n>: n-th entry of the trail
    RELATED = "related"  # <article url>#related-<n>
    PERSON = "person"  # <author url>#person
    ORGANIZATION = "organization"  # <author or publisher url>#organization
    AUTHOR = "author"  # <article url>#author-<n>: an author without url (or a taken @id)
    PUBLISHER = "publisher"  # <article url>#publisher: a publisher without url
    LOGO = "logo"  # <publisher @id base>#logo
    WEBSITE = "website"  # <site url>#website: shared by every article of the site
    BREADCRUMB = "breadcrumb"  # <article url>#breadcrumb
    UPDATE = "update"  # <article url>#update-<n>: the n-th live blog update
    CONTRIBUTOR = "contributor"  # <article url>#contributor-<n>: editors, creators... without url


def node_id(url: str, fragment: Fragment, number: int | None = None) -> str:
    """Return the ``@id`` of a node: ``url`` without its fragment, then ``#fragment[-n]``.

    >>> node_id("https://example.com/a#top", Fragment.FIGURE, 2)
    'https://example.com/a#figure-2'
    """
    suffix = fragment.value if number is None else f"{fragment.value}-{number}"
    return f"{without_fragment(url)}#{suffix}"
