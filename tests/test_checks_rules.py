"""Every finding code, triggered from a clean article by one small change, at the right path."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from newspkg import Severity, check
from newspkg._checks.document import parse_iso_date
from newspkg._checks.findings import CODES
from newspkg._dates import parse_iso_duration

Doc = dict[str, Any]

IMAGES = [
    {"@type": "ImageObject", "url": "https://example.com/16x9.jpg", "width": 1200, "height": 675},
    {"@type": "ImageObject", "url": "https://example.com/4x3.jpg", "width": 1200, "height": 900},
    {"@type": "ImageObject", "url": "https://example.com/1x1.jpg", "width": 1200, "height": 1200},
]
BODY = " ".join(["Grid operators across the region are preparing for a hard winter."] * 40)

CLEAN: Doc = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "url": "https://example.com/news/grid",
    "mainEntityOfPage": "https://example.com/news/grid",
    "headline": "Grid operators brace for winter",
    "description": "Operators test reserves & plan for cold snaps.",
    "image": IMAGES,
    "datePublished": "2026-04-06T09:30:00+02:00",
    "dateModified": "2026-04-06T11:00:00+02:00",
    "author": [
        {"@type": "Person", "name": "Mara Lindqvist", "url": "https://example.com/staff/mara"},
        {"@type": "Organization", "name": "Reuters", "sameAs": "https://www.reuters.com"},
    ],
    "publisher": {
        "@type": "Organization",
        "name": "Example News",
        "logo": {"@type": "ImageObject", "url": "https://example.com/logo.png"},
    },
    "inLanguage": "en",
    "articleBody": BODY,
    "wordCount": 440,
    "timeRequired": "PT2M",
}


def page(head: str, **changes: Any) -> str:
    """An HTML page holding CLEAN (with top-level keys set) and ``head`` in its head."""
    doc = changed(*changes.items())
    script = f'<script type="application/ld+json">{json.dumps(doc)}</script>'
    return f"<!doctype html><html><head>{head}{script}</head><body></body></html>"


def changed(*changes: tuple[str, Any]) -> Doc:
    """CLEAN with top-level keys set (or removed, for the value ``...``)."""
    doc = copy.deepcopy(CLEAN)
    for key, value in changes:
        if value is ...:
            doc.pop(key)
        else:
            doc[key] = value
    return doc


def person(name: str, **more: Any) -> list[Doc]:
    return [{"@type": "Person", "name": name, "url": "https://example.com/staff/x", **more}]


def image(width: int, height: int, **more: Any) -> list[Doc]:
    return [
        {"@type": "ImageObject", "url": "https://example.com/a.jpg", **more}
        | {
            "width": width,
            "height": height,
        }
    ]


LIVE_BLOG: Doc = changed(
    ("@type", "LiveBlogPosting"),
    ("coverageStartTime", "2026-04-06T08:00:00+02:00"),
    ("coverageEndTime", "2026-04-06T20:00:00+02:00"),
    (
        "liveBlogUpdate",
        [
            {
                "@type": "BlogPosting",
                "headline": "Levee holds",
                "datePublished": "2026-04-06T12:00:00+02:00",
            }
        ],
    ),
)


def video(**changes: Any) -> list[Doc]:
    """A VideoObject with what Google requires and recommends, ``...`` values removed."""
    complete: Doc = {
        "@type": "VideoObject",
        "name": "The levee at dawn",
        "thumbnailUrl": "https://example.com/levee.jpg",
        "uploadDate": "2026-04-06T07:00:00+02:00",
        "contentUrl": "https://example.com/levee.mp4",
        "duration": "PT1M35S",
    }
    return [{k: v for k, v in (complete | changes).items() if v is not ...}]


def trail(length: int, **last: Any) -> Doc:
    """A BreadcrumbList of ``length`` items; ``last`` changes the last one."""
    items: list[Doc] = [
        {
            "@type": "ListItem",
            "position": n,
            "name": f"Level {n}",
            "item": f"https://example.com/{n}",
        }
        for n in range(1, length + 1)
    ]
    items[-1] = {k: v for k, v in (items[-1] | last).items() if v is not ...}
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


# (code, input, path) — one row per registered code at least; a test checks the coverage.
CASES: list[tuple[str, object, str]] = [
    ("jsonld-invalid-json", '{"@type": "NewsArticle",}', "$"),
    ("jsonld-invalid-json", '<script type="application/ld+json"> </script>', "script[0]"),
    ("input-too-large", "[" * 100 + "]" * 100, "$"),
    ("jsonld-not-object", [CLEAN, "text"], "[1]"),
    ("jsonld-control-characters", '{"@type": "NewsArticle", "headline": "a\tb"}', "$"),
    (
        "jsonld-control-characters",
        '<script type="application/ld+json">{"headline": "a\nb"}</script>',
        "script[0]",
    ),
    ("jsonld-missing-context", changed(("@context", ...)), "$"),
    ("jsonld-context-unknown", changed(("@context", "https://example.org/context")), "@context"),
    (
        "jsonld-vocab-without-slash",
        changed(("@context", {"@vocab": "http://schema.org"})),
        "@context.@vocab",
    ),
    ("html-no-jsonld", "<!doctype html><title>Grid</title><p>No markup</p>", "$"),
    ("no-article", changed(("@type", "WebPage")), "$"),
    (
        "schema-unknown-type",
        changed(("author", [{"@type": "Persn", "name": "A B"}])),
        "author[0].@type",
    ),
    ("schema-unknown-property", changed(("datepublished", "2026-04-06")), "datepublished"),
    ("schema-missing-type", changed(("author", [{"name": "Mara Lindqvist"}])), "author[0]"),
    (
        "schema-property-outside-domain",
        changed(("author", person("Mara Lindqvist", logo="https://example.com/m.png"))),
        "author[0].logo",
    ),
    ("schema-value-outside-range", changed(("wordCount", "many")), "wordCount"),
    ("schema-text-for-thing", changed(("publisher", "Example News")), "publisher"),
    ("schema-superseded-term", changed(("isBasedOnUrl", "https://example.com/r")), "isBasedOnUrl"),
    (
        "schema-retired-term",
        changed(("isBasedOn", {"@type": "Dataset", "name": "Grid", "variablesMeasured": "load"})),
        "isBasedOn.variablesMeasured",
    ),
    ("schema-pending-term", changed(("backstory", "How we reported this")), "backstory"),
    ("missing-headline", changed(("headline", ...)), "$"),
    ("missing-image", changed(("image", ...)), "$"),
    ("missing-date-published", changed(("datePublished", ...)), "$"),
    ("missing-date-modified", changed(("dateModified", ...)), "$"),
    ("missing-author", changed(("author", [])), "$"),
    ("headline-too-long", changed(("headline", "Grid " * 23)), "headline"),
    (
        "author-missing-name",
        changed(("author", [{"@type": "Person", "url": "https://e.com/a"}])),
        "author[0]",
    ),
    (
        "author-missing-url",
        changed(("author", [{"@type": "Person", "name": "Mara Lindqvist"}])),
        "author[0]",
    ),
    ("author-merged-names", changed(("author", person("Jane Doe and John Roe"))), "author[0].name"),
    (
        "author-name-job-title",
        changed(("author", person("Jane Doe, Senior Reporter"))),
        "author[0].name",
    ),
    ("author-name-byline-prefix", changed(("author", person("By Jane Doe"))), "author[0].name"),
    (
        "image-missing-url",
        changed(("image", [{"@type": "ImageObject", "caption": "Grid"}])),
        "image[0]",
    ),
    ("image-too-small", changed(("image", [*IMAGES, *image(200, 200)])), "image[3]"),
    ("image-missing-aspect-ratios", changed(("image", IMAGES[:1])), "image"),
    ("date-not-iso8601", changed(("datePublished", "April 6, 2026")), "datePublished"),
    ("date-missing-timezone", changed(("datePublished", "2026-04-06T09:30:00")), "datePublished"),
    ("date-missing-time", changed(("datePublished", "2026-04-06")), "datePublished"),
    (
        "date-modified-before-published",
        changed(("dateModified", "2026-04-06T09:00:00+02:00")),
        "dateModified",
    ),
    ("time-required-not-iso8601", changed(("timeRequired", "5 min read")), "timeRequired"),
    ("time-required-mismatch", changed(("timeRequired", "PT30M")), "timeRequired"),
    ("word-count-mismatch", changed(("wordCount", 5000)), "wordCount"),
    (
        "url-main-entity-mismatch",
        changed(("mainEntityOfPage", "https://example.com/news/")),
        "mainEntityOfPage",
    ),
    ("text-html-markup", changed(("headline", "<p>Grid operators brace</p>")), "headline"),
    ("text-html-entity", changed(("headline", "Grid &amp; gas operators brace")), "headline"),
    (
        "head-url-mismatch",
        page('<link rel="canonical" href="https://example.com/news/other">'),
        "$",
    ),
    ("head-title-mismatch", page('<meta property="og:title" content="Something else">'), "$"),
    (
        "head-date-mismatch",
        page('<meta property="article:published_time" content="2026-04-07T09:30:00+02:00">'),
        "$",
    ),
    ("page-mojibake", page("", headline="Grid operators brace for winterâ€™s cold"), "$"),
    # --- the newsroom page: paywall, live blog, video, image metadata, breadcrumbs -----------
    ("paywall-missing-parts", changed(("isAccessibleForFree", False)), "$"),
    (
        "paywall-part-missing-selector",
        changed(
            ("isAccessibleForFree", "False"),
            ("hasPart", {"@type": "WebPageElement", "isAccessibleForFree": False}),
        ),
        "hasPart",
    ),
    ("live-blog-missing-coverage-start", LIVE_BLOG | {"coverageStartTime": ""}, "$"),
    (
        "live-blog-missing-coverage-end",
        {k: v for k, v in LIVE_BLOG.items() if k != "coverageEndTime"},
        "$",
    ),
    (
        "live-update-incomplete",
        LIVE_BLOG | {"liveBlogUpdate": [{"@type": "BlogPosting", "headline": "Levee holds"}]},
        "liveBlogUpdate[0]",
    ),
    ("video-missing-name", changed(("video", video(name=...))), "video[0]"),
    ("video-missing-thumbnail", changed(("video", video(thumbnailUrl=...))), "video[0]"),
    ("video-missing-upload-date", changed(("video", video(uploadDate=...))), "video[0]"),
    ("video-missing-location", changed(("video", video(contentUrl=...))), "video[0]"),
    ("video-missing-duration", changed(("video", video(duration=...))), "video[0]"),
    (
        "image-missing-rights",
        changed(("image", image(1200, 675, acquireLicensePage="https://example.com/buy"))),
        "image[0]",
    ),
    (
        "image-missing-license-page",
        changed(("image", image(1200, 675, license="https://example.com/terms"))),
        "image[0]",
    ),
    ("breadcrumb-too-short", [CLEAN, trail(1)], "[1]"),
    ("breadcrumb-item-incomplete", [CLEAN, trail(2, name=...)], "[1].itemListElement[1]"),
]


def test_the_clean_article_has_no_findings() -> None:
    assert check(CLEAN) == []


@pytest.mark.parametrize(("code", "given", "path"), CASES, ids=[c[0] for c in CASES])
def test_each_code_is_reported_at_its_path(code: str, given: object, path: str) -> None:
    found = check(given, select=list(CODES))  # type: ignore[arg-type]  # opt-in codes too

    assert (code, path) in {(f.code, f.path) for f in found}
    assert all(f.severity is CODES[f.code].severity for f in found)


@pytest.mark.parametrize(
    ("modified", "flagged"),
    [
        # Published 2026-04-06T09:30+02:00 is 19:30 on the 5th at UTC-12.
        ("2026-04-05", False),
        ("2026-04-04", True),
        # A time without a zone is a wall-clock day, compared as one.
        ("2026-04-05T23:00:00", False),
        ("2026-04-06T09:00:00", False),
    ],
)
def test_a_day_is_before_a_time_only_if_it_is_in_every_time_zone(
    modified: str, flagged: bool
) -> None:
    found = check(changed(("dateModified", modified)))

    assert ("date-modified-before-published" in {f.code for f in found}) is flagged


def test_every_registered_code_has_a_case() -> None:
    assert {case[0] for case in CASES} == set(CODES)


# --- messages an editor can act on ---------------------------------------------------------


def only(given: object, code: str) -> str:
    messages = [f.message for f in check(given) if f.code == code]  # type: ignore[arg-type]
    assert len(messages) == 1, messages
    return messages[0]


@pytest.mark.parametrize(
    ("given", "code", "message"),
    [
        (
            changed(("author", person("Jane Doe and John Roe"))),
            "author-merged-names",
            (
                'the author name holds two people ("Jane Doe and John Roe"): list each author '
                "separately"
            ),
        ),
        (
            changed(("isBasedOnUrl", "https://example.com/r")),
            "schema-superseded-term",
            "the property 'isBasedOnUrl' is superseded by 'isBasedOn': use 'isBasedOn'",
        ),
        (
            changed(("image", [{"@type": "imageObject", "url": "https://e.com/a.jpg"}])),
            "schema-unknown-type",
            "@type 'imageObject' is not a schema.org type (did you mean 'ImageObject'?)",
        ),
        (
            changed(("datePublished", "April 6, 2026")),
            "date-not-iso8601",
            "datePublished 'April 6, 2026' is not an ISO 8601 date: write '2026-04-06'",
        ),
        (
            changed(("datePublished", "2026-04-06 09:30:00+02:00")),
            "date-not-iso8601",
            (
                "datePublished '2026-04-06 09:30:00+02:00' is not an ISO 8601 date: write "
                "'2026-04-06T09:30:00+02:00' (a 'T' between day and time)"
            ),
        ),
        (
            changed(("image", IMAGES[:1])),
            "image-missing-aspect-ratios",
            (
                "no 4:3, 1:1 rendition among the images (1200x675): Google recommends 16:9, 4:3 "
                "and 1:1"
            ),
        ),
        (
            changed(("headline", "Tom &amp; Jerry&#8217;s")),
            "text-html-entity",
            (
                "headline contains HTML character references ('&amp;', '&#8217;'): write the "
                "characters themselves ('&', '\u2019')"
            ),
        ),
        (
            changed(("wordCount", 5000)),
            "word-count-mismatch",
            (
                "wordCount is 5,000 but articleBody has 440 words: recompute wordCount, or publish "
                "the whole text in articleBody"
            ),
        ),
    ],
)
def test_messages(given: object, code: str, message: str) -> None:
    assert message == only(given, code)


# --- author names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("Mara Lindqvist", set()),
        ("Doe, Jane", set()),
        ("Jane Doe, PhD", set()),
        ("José Ortega y Gasset", set()),
        ("Anne-Marie O'Brien", set()),
        ("Hedda Thielking und Bettina Röttig", {"author-merged-names"}),
        ("Jane Doe & John Roe", {"author-merged-names"}),
        ("Jane Doe, John Roe, Max Mustermann", {"author-merged-names"}),
        ("Marie Curie et Pierre Curie", {"author-merged-names"}),
        ("Jane Doe / John Roe", {"author-merged-names"}),
        ("Jane Doe, Senior Reporter", {"author-name-job-title"}),
        ("Jane Doe - Staff Writer", {"author-name-job-title"}),
        ("Redakteurin Jana Muster", {"author-name-job-title"}),
        ("By Jane Doe", {"author-name-byline-prefix"}),
        ("Posted by: Jane Doe", {"author-name-byline-prefix"}),
        ("Por Juan Pérez", {"author-name-byline-prefix"}),
        ("Bye Felicia", set()),
        (
            "By Glen Owen And Brendan Carlin For The Mail On Sunday",
            {"author-name-byline-prefix", "author-merged-names"},
        ),
    ],
)
def test_person_names(name: str, codes: set[str]) -> None:
    name_codes = {"author-merged-names", "author-name-job-title", "author-name-byline-prefix"}
    found = {f.code for f in check(changed(("author", person(name))))}

    assert codes == found & name_codes


def test_organization_names_are_not_split_or_taken_for_titles() -> None:
    author = [{"@type": "Organization", "name": "Procter & Gamble Editors", "url": "https://e.com"}]

    assert check(changed(("author", author))) == []


def test_a_plain_text_author_is_checked_as_a_name() -> None:
    found = {(f.code, f.path) for f in check(changed(("author", "By Jane Doe and John Roe")))}

    assert {
        ("author-name-byline-prefix", "author"),
        ("author-merged-names", "author"),
        ("schema-text-for-thing", "author"),
    } <= found


# --- ISO 8601 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "has_time", "has_zone"),
    [
        ("2026-04-06", False, False),
        ("2026-04-06T09:30", True, False),
        ("2026-04-06T09:30:00Z", True, True),
        ("2026-04-06T09:30:00.123+02:00", True, True),
        ("2026-04-06T09:30:00-0500", True, True),
        ("20260406T093000+0200", True, True),
        (" 2026-04-06T09:30:00+02 ", True, True),
    ],
)
def test_iso_dates(text: str, has_time: bool, has_zone: bool) -> None:
    parsed = parse_iso_date(text)

    assert parsed is not None
    assert (has_time, has_zone) == (parsed.has_time, parsed.has_zone)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026-04-06 09:30",
        "2026-04-06T09:30:00 UTC",
        "2026-13-01",
        "2026-02-30",
        "2026-04-06T25:00",
        "2026-04-06T09:30:00ZZ",
        "Wed, 10 May 2023 10:00:00 GMT",
        "06.04.2026",
        "2026",
    ],
)
def test_not_iso_dates(text: str) -> None:
    assert parse_iso_date(text) is None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("PT5M", 300.0),
        ("PT1H5M", 3900.0),
        ("P0Y0M0DT0H10M39S", 639.0),
        ("PT0.5M", 30.0),
        ("P1D", 86400.0),
        ("P1W", 604800.0),
        ("5 min read", None),
        ("P", None),
        ("PT", None),
        ("P1DT", None),
        ("PT5", None),
        ("", None),
    ],
)
def test_iso_durations(text: str, seconds: float | None) -> None:
    assert seconds == parse_iso_duration(text)


# --- severities ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        ("jsonld-invalid-json", Severity.ERROR),
        ("schema-unknown-type", Severity.ERROR),
        ("date-modified-before-published", Severity.ERROR),
        ("author-merged-names", Severity.WARNING),
        ("schema-pending-term", Severity.INFO),
    ],
)
def test_severities(code: str, severity: Severity) -> None:
    assert severity is CODES[code].severity


def test_a_language_that_is_no_tag_does_not_stop_the_reading_time_check() -> None:
    # reading_time refuses such a tag; the check times the body by its script instead.
    body = ("Wort", 500)
    given = changed(
        ("inLanguage", "Deutsch, German"),
        ("articleBody", " ".join([body[0]] * body[1])),
        ("wordCount", body[1]),
        ("timeRequired", "PT9M"),
    )

    assert [f.code for f in check(given)] == ["time-required-mismatch"]
