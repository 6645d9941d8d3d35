"""Google's requirements for what a newsroom page carries beside the article.

One rule per documented requirement of Google Search Central's structured data guides:
Paywalled content (``isAccessibleForFree`` false needs ``hasPart`` WebPageElements with a
``cssSelector``, else Google may take the wall for cloaking), Live blog
(``LiveBlogPosting`` with ``coverageStartTime``/``coverageEndTime`` and updates with a
``headline`` and ``datePublished``), Video (``name``, ``thumbnailUrl`` and ``uploadDate``
required; ``contentUrl`` or ``embedUrl`` and ``duration`` recommended), Image metadata
(``contentUrl`` with one of ``creator``, ``creditText``, ``copyrightNotice`` or
``license``; ``acquireLicensePage`` beside a licence) and BreadcrumbList (at least two
``ListItem``s, each with ``position`` and ``name``, and an ``item`` but on the last).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from newspkg._checks.document import Document, Node, as_text
from newspkg._checks.findings import Finding, finding

__all__ = ["newsroom_findings"]

_FALSE_TEXT: Final = frozenset({"false"})
_VIDEO_REQUIRED: Final = (
    ("name", "video-missing-name"),
    ("thumbnailUrl", "video-missing-thumbnail"),
    ("uploadDate", "video-missing-upload-date"),
)
_IMAGE_RIGHTS: Final = ("creator", "creditText", "copyrightNotice", "license")


def newsroom_findings(document: Document) -> Iterator[Finding]:
    """Every newsroom rule, over every node of the document it applies to."""
    for node in document.nodes:
        if node.is_reference:
            continue
        if node.is_a("Article"):
            yield from _paywall_findings(node, document)
        if node.is_a("LiveBlogPosting"):
            yield from _live_blog_findings(node, document)
        if node.is_a("VideoObject"):
            yield from _video_findings(node)
        if node.is_a("ImageObject"):
            yield from _image_rights_findings(node)
        if node.is_a("BreadcrumbList"):
            yield from _breadcrumb_findings(node, document)


def _is_false(node: Node, prop: str) -> bool:
    value = node.first(prop)
    if value is None:
        return False
    return value.raw is False or (as_text(value.raw) or "").strip().lower() in _FALSE_TEXT


def _paywall_findings(article: Node, document: Document) -> Iterator[Finding]:
    if not _is_false(article, "isAccessibleForFree"):
        return
    walled = []
    for value in article.values("hasPart"):
        part = document.node(value.raw)
        if part is None or not _is_false(part, "isAccessibleForFree"):
            continue
        walled.append(part)
        if not part.has("cssSelector"):
            yield finding(
                "paywall-part-missing-selector",
                part.path,
                "this paywalled part has no cssSelector naming where it is on the page",
            )
    if not walled:
        yield finding(
            "paywall-missing-parts",
            article.path,
            "the article is not free to read (isAccessibleForFree false) but names no "
            "paywalled part: add hasPart WebPageElements with isAccessibleForFree false and "
            "a cssSelector",
        )


def _live_blog_findings(blog: Node, document: Document) -> Iterator[Finding]:
    for prop, code in (
        ("coverageStartTime", "live-blog-missing-coverage-start"),
        ("coverageEndTime", "live-blog-missing-coverage-end"),
    ):
        if not blog.has(prop):
            yield finding(code, blog.path, f"the live blog has no {prop}")
    for value in blog.values("liveBlogUpdate"):
        update = document.node(value.raw)
        if update is None or update.is_reference:
            continue
        missing = [prop for prop in ("headline", "datePublished") if not update.has(prop)]
        if missing:
            yield finding(
                "live-update-incomplete",
                update.path,
                f"this live blog update has no {' and no '.join(missing)}",
            )


def _video_findings(video: Node) -> Iterator[Finding]:
    for prop, code in _VIDEO_REQUIRED:
        if not video.has(prop):
            yield finding(code, video.path, f"the video has no {prop}")
    if not (video.has("contentUrl") or video.has("embedUrl")):
        yield finding(
            "video-missing-location",
            video.path,
            "the video has neither contentUrl nor embedUrl: Google cannot fetch it",
        )
    if not video.has("duration"):
        yield finding("video-missing-duration", video.path, "the video has no duration")


def _image_rights_findings(image: Node) -> Iterator[Finding]:
    # Google's image metadata applies once a page offers the image for licensing.
    if image.has("acquireLicensePage") and not any(image.has(prop) for prop in _IMAGE_RIGHTS):
        yield finding(
            "image-missing-rights",
            image.path,
            "the image offers a licence (acquireLicensePage) but names no creator, "
            "creditText, copyrightNotice or license",
        )
    elif image.has("license") and not image.has("acquireLicensePage"):
        yield finding(
            "image-missing-license-page",
            image.path,
            "the image has a license but no acquireLicensePage",
        )


def _breadcrumb_findings(trail: Node, document: Document) -> Iterator[Finding]:
    items = [(value, document.node(value.raw)) for value in trail.values("itemListElement")]
    if len(items) < 2:
        yield finding(
            "breadcrumb-too-short",
            trail.path,
            f"the breadcrumb trail has {len(items)} item(s); Google asks for at least two",
        )
    for index, (value, item) in enumerate(items):
        if item is None:
            yield finding("breadcrumb-item-incomplete", value.path, "this item is no ListItem")
            continue
        last = index == len(items) - 1
        target = next((document.node(v.raw) for v in item.values("item")), None)
        # The older form names the crumb on its item: {"item": {"@id": ..., "name": ...}}.
        named = item.has("name") or (target is not None and target.has("name"))
        missing = [] if item.has("position") else ["position"]
        if not named:
            missing.append("name")
        if not last and not item.has("item"):
            missing.append("item")
        if missing:
            yield finding(
                "breadcrumb-item-incomplete",
                item.path,
                f"this breadcrumb item has no {' and no '.join(missing)}",
            )
