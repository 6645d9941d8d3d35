"""The page head's tags, written: Open Graph, ``article:*``, Twitter and the canonical link.

`to_meta_tags` writes the ``<meta>``/``<link>`` tags a page head needs beside the JSON-LD.
Reading them back is `page_meta` (the tags) and `meta_values` (the article fields); the
reader takes the Twitter label names (`WRITTEN_BY`) from here, so the two cannot drift apart.

Every value is written with `html.escape`, so any text survives an HTML5 parser unchanged.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from typing import Final

from newspkg._models import Article, Figure
from newspkg._readtime.estimate import reading_time
from newspkg.errors import ValidationError

__all__ = ["READING_TIME", "WRITTEN_BY", "og_locale", "to_meta_tags"]

LARGE_IMAGE_WIDTH: Final = 1200
"""Google Discover's width for large image previews (``max-image-preview:large``)."""
_X_PROFILE: Final = re.compile(
    r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?!intent/|share|home\b)@?(\w{1,15})/?$",
    re.IGNORECASE,
)
WRITTEN_BY: Final = "Written by"
READING_TIME: Final = "Est. reading time"


def to_meta_tags(article: Article) -> str:
    """Return the ``<meta>`` and ``<link>`` tags for ``article``'s page head, one per line.

    Open Graph (``og:type`` article, title, description, url, site_name, locale, image with
    width/height/alt), ``article:published_time``/``modified_time``/``author``/``section``/
    ``tag`` (one per keyword), Twitter (card, title, description, image, ``twitter:site``
    and ``twitter:creator`` from the publisher's and first author's X profile in
    ``same_as``, and the "Written by" and "Est. reading time" label/data pairs),
    ``name="description"``, one ``name="author"`` per author, ``robots``
    ``max-image-preview:large`` when the hero image (or a rendition) is at least 1200 px
    wide, ``<link rel="canonical">`` and, for an article with translations, one
    ``<link rel="alternate" hreflang>`` per language version (itself included when its
    language is known). Absent fields give no tag; every value is HTML-escaped; dates are
    ISO 8601.

    >>> print(to_meta_tags(Article(url="https://example.com/a?x=1&y=2", headline='"Hi"')))
    <link rel="canonical" href="https://example.com/a?x=1&amp;y=2">
    <meta property="og:type" content="article">
    <meta property="og:title" content="&quot;Hi&quot;">
    <meta property="og:url" content="https://example.com/a?x=1&amp;y=2">
    <meta name="twitter:card" content="summary">
    <meta name="twitter:title" content="&quot;Hi&quot;">
    """
    if not isinstance(article, Article):
        raise ValidationError(f"expected an Article, got {type(article).__name__}")
    return "\n".join(_tag(kind, key, value) for kind, key, value in _head_entries(article))


def _head_entries(article: Article) -> Iterator[tuple[str, str, str]]:
    """Yield (attribute, key, value): attribute is "property", "name", "link" or "hreflang"."""
    yield "link", "canonical", article.url
    yield from _alternate_entries(article)
    if article.description:
        yield "name", "description", article.description
    for author in article.authors:
        yield "name", "author", author.name
    if any((figure.width or 0) >= LARGE_IMAGE_WIDTH for figure in _page_images(article)):
        # Google shows large previews only where the page allows them.
        yield "name", "robots", "max-image-preview:large"
    yield from _open_graph_entries(article)
    yield from _article_entries(article)
    yield from _twitter_entries(article)


def _open_graph_entries(article: Article) -> Iterator[tuple[str, str, str]]:
    yield "property", "og:type", "article"
    yield "property", "og:title", article.headline
    if article.description:
        yield "property", "og:description", article.description
    yield "property", "og:url", article.url
    if article.site is not None:
        yield "property", "og:site_name", article.site.name
    elif article.publisher is not None:
        yield "property", "og:site_name", article.publisher.name
    if article.language:
        yield "property", "og:locale", og_locale(article.language)
    image = article.image
    if image is not None:
        yield "property", "og:image", image.url
        for key, number in (("og:image:width", image.width), ("og:image:height", image.height)):
            if number is not None:
                yield "property", key, str(number)
        if image.alt:
            yield "property", "og:image:alt", image.alt


def _article_entries(article: Article) -> Iterator[tuple[str, str, str]]:
    if article.date_published is not None:
        yield "property", "article:published_time", article.date_published.isoformat()
    if article.date_modified is not None:
        yield "property", "article:modified_time", article.date_modified.isoformat()
    for author in article.authors:
        yield "property", "article:author", author.url or author.name
    if article.section:
        yield "property", "article:section", article.section
    for keyword in article.keywords:
        yield "property", "article:tag", keyword


def _twitter_entries(article: Article) -> Iterator[tuple[str, str, str]]:
    image = article.image
    yield "name", "twitter:card", "summary" if image is None else "summary_large_image"
    yield "name", "twitter:title", article.headline
    if article.description:
        yield "name", "twitter:description", article.description
    if image is not None:
        yield "name", "twitter:image", image.url
        if image.alt:
            yield "name", "twitter:image:alt", image.alt
    publishers = (article.publisher, article.site.publisher if article.site else None)
    site = next((h for p in publishers if p is not None for h in _handles(p.same_as)), None)
    if site is not None:
        yield "name", "twitter:site", site
    creator = next((h for author in article.authors for h in _handles(author.same_as)), None)
    if creator is not None:
        yield "name", "twitter:creator", creator
    for number, (label, data) in enumerate(_twitter_labels(article), start=1):
        yield "name", f"twitter:label{number}", label
        yield "name", f"twitter:data{number}", data


def _handles(profiles: Iterable[str]) -> Iterator[str]:
    """``@name`` for each X (Twitter) profile URL among ``profiles``."""
    for profile in profiles:
        match = _X_PROFILE.match(profile)
        if match is not None:
            yield f"@{match.group(1)}"


def _page_images(article: Article) -> Iterator[Figure]:
    if article.image is not None:
        yield article.image
    yield from article.image_renditions


def _alternate_entries(article: Article) -> Iterator[tuple[str, str, str]]:
    """``hreflang`` alternates: each language version, the page itself included."""
    versions = [t for t in (article.translation_of, *article.translations) if t is not None]
    if not versions:
        return
    if article.language:
        yield "hreflang", article.language, article.url
    for version in versions:
        yield "hreflang", version.language, version.url


def _twitter_labels(article: Article) -> Iterator[tuple[str, str]]:
    if article.authors:
        yield WRITTEN_BY, _join_names([author.name for author in article.authors])
    if article.body or article.word_count is not None:
        yield READING_TIME, reading_time(article).label


def _join_names(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``: how a byline reads."""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _tag(kind: str, key: str, value: str) -> str:
    if kind == "link":
        return f'<link rel="{key}" href="{_escape(value)}">'
    if kind == "hreflang":
        return f'<link rel="alternate" hreflang="{_escape(key)}" href="{_escape(value)}">'
    return f'<meta {kind}="{key}" content="{_escape(value)}">'


# Line breaks become character references, so every tag stays on one line and a raw CR
# is not read back as LF (HTML normalises newlines). U+0085 is the one line break left
# raw: HTML maps the reference &#133; to "…" (the windows-1252 table), so only the raw
# character reads back as itself; it ends no line in HTML.
_LINE_BREAKS: Final = {
    ord(char): f"&#{ord(char)};" for char in "\n\r\x0b\x0c\x1c\x1d\x1e\u2028\u2029"
}


def _escape(value: str) -> str:
    return html.escape(value, quote=True).translate(_LINE_BREAKS)


def og_locale(language: str) -> str:
    """Open Graph's ``ll_CC`` form of a BCP 47 tag: ``en-US`` → ``en_US``.

    Only the language and region are kept (``zh-Hant-TW`` → ``zh_TW``); a tag without a
    region stays a bare language (``de`` → ``de``).
    """
    parts = language.split("-")
    region = next((part for part in parts[1:] if len(part) == 2 and part.isalpha()), None)
    return parts[0].lower() if region is None else f"{parts[0].lower()}_{region.upper()}"
