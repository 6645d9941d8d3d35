"""What `newspkg.check` reports: `Finding`s, their `Severity`, and the registry of codes.

Every code a check can report is registered here once, with its severity, a one-line title
and how to fix it; ``docs/checks.md`` lists the same codes (a test keeps the two in step).
Codes are stable: a code is never renamed or reused for another meaning.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

__all__ = ["CODES", "Code", "Finding", "Group", "Severity", "finding", "finding_dict", "sort_key"]


class Severity(enum.Enum):
    """How much a finding matters.

    ``ERROR``: the markup is broken or says something false; consumers misread or drop it.
    ``WARNING``: the markup works but misses a recommendation (schema.org, Google) or is
    inconsistent. ``INFO``: worth knowing, often fine.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Group(enum.Enum):
    """Which family of checks a code belongs to (sections of ``docs/checks.md``)."""

    INPUT = "input"
    VOCABULARY = "vocabulary"
    GOOGLE = "google"
    CONSISTENCY = "consistency"


@attrs.frozen(kw_only=True)
class Code:
    """A registered finding code: its severity, what it means and how to fix it."""

    name: str
    severity: Severity
    group: Group
    title: str
    fix: str
    opt_in: bool = False  # reported only when selected by name: there is nothing to fix


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a check found in the markup, at a JSON path, in words an editor can act on.

    ``path`` points into the markup as written (``@graph[1].author[0].name``; ``$`` is the
    whole document; ``script[2]`` prefixes the third JSON-LD block of an HTML page).

    >>> print(finding("headline-too-long", "headline", "headline has 131 characters"))
    warning headline: headline has 131 characters [headline-too-long]
    """

    severity: Severity
    code: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity.value} {self.path}: {self.message} [{self.code}]"

    @property
    def fix(self) -> str:
        """How to fix what this finding reports, from the registry."""
        return CODES[self.code].fix


def _code(
    name: str, severity: Severity, group: Group, title: str, fix: str, *, opt_in: bool = False
) -> Code:
    return Code(name=name, severity=severity, group=group, title=title, fix=fix, opt_in=opt_in)


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_IN, _VOC, _GOO, _CON = Group.INPUT, Group.VOCABULARY, Group.GOOGLE, Group.CONSISTENCY

_REGISTRY: Final = (
    # --- input: can the markup be read at all? -----------------------------------------
    _code(
        "jsonld-invalid-json",
        _E,
        _IN,
        "A JSON-LD block is not valid JSON (or is empty)",
        "Fix the JSON syntax at the position given (escape quotes inside strings, "
        "drop trailing commas and comments); consumers ignore the whole block.",
    ),
    _code(
        "input-too-large",
        _E,
        _IN,
        "The page or a JSON-LD block is larger or more deeply nested than newspkg's limits",
        "Publish only the article's metadata in the block, not whole page contents.",
    ),
    _code(
        "jsonld-control-characters",
        _W,
        _IN,
        "A JSON string holds a raw line break, tab or other control character",
        "Escape them (\\n, \\t) or remove them; browsers' JSON.parse and strict parsers "
        "refuse the whole block.",
    ),
    _code(
        "jsonld-not-object",
        _E,
        _IN,
        "A JSON-LD document (or an item of its top-level array) is not an object",
        "Make the block one JSON object, or an array of objects, each with @context and @type.",
    ),
    _code(
        "jsonld-missing-context",
        _E,
        _IN,
        "A top-level item has no @context, so its terms mean nothing to a JSON-LD processor",
        'Add "@context": "https://schema.org" to the item.',
    ),
    _code(
        "jsonld-context-unknown",
        _W,
        _IN,
        "The @context is not schema.org's, so schema.org consumers may not read the item",
        'Use "@context": "https://schema.org"; vocabulary checks are skipped below it.',
    ),
    _code(
        "jsonld-vocab-without-slash",
        _W,
        _IN,
        "@vocab is a schema.org address without the trailing slash",
        'Write "@vocab": "https://schema.org/" (with the slash); without it "NewsArticle" '
        'expands to "http://schema.orgNewsArticle".',
    ),
    _code(
        "html-no-jsonld",
        _W,
        _IN,
        'The HTML page has no <script type="application/ld+json"> block',
        "Add the article's schema.org markup as a JSON-LD block in the page.",
    ),
    _code(
        "no-article",
        _W,
        _IN,
        "The markup holds no Article (or subtype) item, so no article checks ran",
        "Type the article item NewsArticle, BlogPosting or another subtype of Article.",
    ),
    # --- schema.org vocabulary ---------------------------------------------------------
    _code(
        "schema-unknown-type",
        _E,
        _VOC,
        "@type names no schema.org type",
        "Correct the spelling (types are case-sensitive, e.g. NewsArticle) or use the "
        "nearest schema.org type.",
    ),
    _code(
        "schema-unknown-property",
        _W,
        _VOC,
        "A property is not a schema.org property",
        "Correct the spelling (properties are case-sensitive, e.g. datePublished) or remove it.",
    ),
    _code(
        "schema-missing-type",
        _I,
        _VOC,
        "An item has properties but no @type",
        'Add an @type (e.g. "Person" for an author), so consumers know what it is.',
    ),
    _code(
        "schema-property-outside-domain",
        _W,
        _VOC,
        "A property is used on a type schema.org does not define it for",
        "Move the property to an item of a type it applies to, or change the item's @type.",
    ),
    _code(
        "schema-value-outside-range",
        _W,
        _VOC,
        "A value is not of a type the property expects",
        "Give a value of one of the expected types listed in the message.",
    ),
    _code(
        "schema-text-for-thing",
        _I,
        _VOC,
        "An author or publisher is plain text, not an item",
        'Write {"@type": "Person", "name": ..., "url": ...} (or Organization) so consumers '
        "can tell who it is; plain text is allowed but carries no link.",
    ),
    _code(
        "schema-superseded-term",
        _W,
        _VOC,
        "A type or property is superseded by another term",
        "Use the replacement term named in the message.",
    ),
    _code(
        "schema-retired-term",
        _W,
        _VOC,
        "A type or property has been retired to schema.org's attic",
        "Remove it or use a current term; consumers may stop reading it.",
    ),
    _code(
        "schema-pending-term",
        _I,
        _VOC,
        "A type or property is still pending at schema.org",
        "Nothing to fix: pending terms may change, and some consumers ignore them. "
        "Reported only when selected by name.",
        opt_in=True,
    ),
    # --- Google's Article recommendations ----------------------------------------------
    _code(
        "missing-headline",
        _W,
        _GOO,
        "The article has no headline",
        "Add headline: the article's title as shown on the page.",
    ),
    _code(
        "missing-image",
        _W,
        _GOO,
        "The article has no image",
        "Add image: one or more image URLs or ImageObjects, ideally in 16:9, 4:3 and 1:1.",
    ),
    _code(
        "missing-date-published",
        _W,
        _GOO,
        "The article has no datePublished",
        "Add datePublished as an ISO 8601 date-time with a time zone.",
    ),
    _code(
        "missing-date-modified",
        _W,
        _GOO,
        "The article has no dateModified",
        "Add dateModified (equal to datePublished if the article was never updated).",
    ),
    _code(
        "missing-author",
        _W,
        _GOO,
        "The article has no author",
        "Add author: a Person (or Organization) for each author, with name and url.",
    ),
    _code(
        "headline-too-long",
        _W,
        _GOO,
        "The headline is longer than 110 characters",
        "Shorten the headline to 110 characters or fewer; long headlines get truncated.",
    ),
    _code(
        "author-missing-name",
        _W,
        _GOO,
        "An author item has no name",
        "Add name: the author's name only.",
    ),
    _code(
        "author-missing-url",
        _W,
        _GOO,
        "An author has neither url nor sameAs",
        "Add url (the author's page on the site) or sameAs (their profiles), so search "
        "engines can tell authors of the same name apart.",
    ),
    _code(
        "author-merged-names",
        _W,
        _GOO,
        "One author name holds several people",
        "List each author as a separate item of author, each with its own name.",
    ),
    _code(
        "author-name-job-title",
        _W,
        _GOO,
        "An author name includes a job title",
        "Keep only the name in name; put the role in jobTitle.",
    ),
    _code(
        "author-name-byline-prefix",
        _W,
        _GOO,
        'An author name starts with a byline word such as "By"',
        'Remove "By", "Posted by" and the like: name holds the name only.',
    ),
    _code(
        "image-missing-url",
        _W,
        _GOO,
        "An image item has no url or contentUrl",
        "Add url: the address of the image file.",
    ),
    _code(
        "image-too-small",
        _W,
        _GOO,
        "An image has fewer than 50,000 pixels (width x height)",
        "Provide a larger image; Google asks for at least 50,000 pixels.",
    ),
    _code(
        "image-missing-aspect-ratios",
        _I,
        _GOO,
        "The article's images lack a 16:9, 4:3 or 1:1 rendition",
        "Provide the article's image cropped to 16:9, 4:3 and 1:1, each with width and height.",
    ),
    # --- Google: paywall, live blog, video, image metadata, breadcrumbs ----------------
    _code(
        "paywall-missing-parts",
        _E,
        _GOO,
        "A paywalled article does not say which parts are behind the wall",
        "Add hasPart: a WebPageElement with isAccessibleForFree false and the cssSelector of "
        "each walled part; otherwise Google may take the wall for cloaking.",
    ),
    _code(
        "paywall-part-missing-selector",
        _E,
        _GOO,
        "A paywalled part has no cssSelector",
        "Add cssSelector: the class selector of the walled part (.paywall).",
    ),
    _code(
        "live-blog-missing-coverage-start",
        _W,
        _GOO,
        "A live blog has no coverageStartTime",
        "Add coverageStartTime: when the live coverage began (ISO 8601 with a time zone).",
    ),
    _code(
        "live-blog-missing-coverage-end",
        _W,
        _GOO,
        "A live blog has no coverageEndTime",
        "Add coverageEndTime: when the live coverage ends or ended (it may be in the future).",
    ),
    _code(
        "live-update-incomplete",
        _W,
        _GOO,
        "A live blog update has no headline or datePublished",
        "Give each liveBlogUpdate a headline and a datePublished.",
    ),
    _code(
        "video-missing-name",
        _E,
        _GOO,
        "A video has no name",
        "Add name: the video's title.",
    ),
    _code(
        "video-missing-thumbnail",
        _E,
        _GOO,
        "A video has no thumbnailUrl",
        "Add thumbnailUrl: the address of the video's thumbnail image.",
    ),
    _code(
        "video-missing-upload-date",
        _E,
        _GOO,
        "A video has no uploadDate",
        "Add uploadDate: when the video was first published (ISO 8601 with a time zone).",
    ),
    _code(
        "video-missing-location",
        _W,
        _GOO,
        "A video has neither contentUrl nor embedUrl",
        "Add contentUrl (the video file) or embedUrl (the player) so Google can fetch it.",
    ),
    _code(
        "video-missing-duration",
        _I,
        _GOO,
        "A video has no duration",
        "Add duration as an ISO 8601 duration (PT1M35S).",
    ),
    _code(
        "image-missing-rights",
        _I,
        _GOO,
        "A licensable image names no creator, credit, copyright notice or licence",
        "Add creator, creditText, copyrightNotice or license beside acquireLicensePage, as "
        "Google's image metadata requires.",
    ),
    _code(
        "image-missing-license-page",
        _I,
        _GOO,
        "An image has a license but no acquireLicensePage",
        "Add acquireLicensePage: where readers can license the image.",
    ),
    _code(
        "breadcrumb-too-short",
        _W,
        _GOO,
        "A breadcrumb trail has fewer than two items",
        "List at least two ListItems, from the home page (or a section) to the page.",
    ),
    _code(
        "breadcrumb-item-incomplete",
        _E,
        _GOO,
        "A breadcrumb item lacks position, name or item",
        "Give each ListItem a position and a name, and an item (its URL) on all but the last.",
    ),
    _code(
        "date-not-iso8601",
        _W,
        _GOO,
        "A date is not written in ISO 8601",
        "Write dates as 2026-04-06 or 2026-04-06T09:30:00+02:00.",
    ),
    _code(
        "date-missing-timezone",
        _W,
        _GOO,
        "A date-time has no time zone",
        "Add the offset (2026-04-06T09:30:00+02:00, or Z for UTC); otherwise consumers guess.",
    ),
    _code(
        "date-missing-time",
        _I,
        _GOO,
        "datePublished or dateModified gives a day but no time",
        "Give the time too (2026-04-06T09:30:00+02:00) so the article sorts correctly.",
    ),
    # --- consistency -------------------------------------------------------------------
    _code(
        "date-modified-before-published",
        _E,
        _CON,
        "dateModified is earlier than datePublished",
        "Correct either date; an article cannot change before it is published.",
    ),
    _code(
        "time-required-not-iso8601",
        _W,
        _CON,
        'timeRequired is not an ISO 8601 duration (e.g. "5 min read")',
        "Write the reading time as an ISO 8601 duration, e.g. PT5M for five minutes.",
    ),
    _code(
        "time-required-mismatch",
        _W,
        _CON,
        "timeRequired is far from the reading time of articleBody",
        "Recompute timeRequired from the full text, or publish the full articleBody.",
    ),
    _code(
        "word-count-mismatch",
        _W,
        _CON,
        "wordCount is far from the number of words in articleBody",
        "Recompute wordCount from the full text, or publish the full articleBody.",
    ),
    _code(
        "url-main-entity-mismatch",
        _W,
        _CON,
        "url and mainEntityOfPage name different pages",
        "Make both the article's canonical address.",
    ),
    _code(
        "text-html-markup",
        _W,
        _CON,
        "A text value contains HTML tags",
        "Strip the tags: schema.org text is plain text, and consumers show the tags literally.",
    ),
    _code(
        "text-html-entity",
        _W,
        _CON,
        'A text value contains an HTML character reference such as "&amp;"',
        "Write the character itself (&, ', é); JSON-LD text is not HTML and is not decoded.",
    ),
    # --- an HTML page's head against its JSON-LD (newspkg._checks.page_head) -----------
    _code(
        "head-url-mismatch",
        _W,
        _CON,
        "The canonical link, og:url and the JSON-LD url name different pages",
        "Give all three the article's one canonical address.",
    ),
    _code(
        "head-title-mismatch",
        _I,
        _CON,
        "og:title is not the JSON-LD headline",
        "Use the same title in both (a site name added to one is fine).",
    ),
    _code(
        "head-date-mismatch",
        _W,
        _CON,
        "article:published_time and the JSON-LD datePublished disagree",
        "Write the same publication time in both, with its offset.",
    ),
    _code(
        "page-mojibake",
        _W,
        _IN,
        "The page's text looks decoded in the wrong encoding (UTF-8 read as a legacy charset)",
        'Serve and declare the page as UTF-8 (<meta charset="utf-8"> and the HTTP '
        "Content-Type), and store text as UTF-8.",
    ),
)

CODES: Final[Mapping[str, Code]] = MappingProxyType({code.name: code for code in _REGISTRY})
"""Every finding code, in documentation order."""


def finding(code: str, path: str, message: str) -> Finding:
    """Make a `Finding` of a registered code, with the code's severity."""
    return Finding(severity=CODES[code].severity, code=code, path=path or "$", message=message)


_PATH_TOKEN: Final = re.compile(r"(\d+)|(\D+)")


def sort_key(item: Finding) -> tuple[tuple[tuple[int, int, str], ...], str, str]:
    """Order findings by path (indices compared as numbers), then code, then message."""
    tokens = tuple(
        (0, int(number), "") if number else (1, 0, text)
        for number, text in _PATH_TOKEN.findall(item.path)
    )
    return (tokens, item.code, item.message)


def finding_dict(found: Finding) -> dict[str, str]:
    """A finding as a JSON-ready dict: severity, code, path and message.

    The shape of a finding in ``newspkg check --format json``, ``newspkg batch`` and the
    Dask findings frame.
    """
    return {
        "severity": found.severity.value,
        "code": found.code,
        "path": found.path,
        "message": found.message,
    }
