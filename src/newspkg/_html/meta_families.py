"""The meta-tag families newspkg reads, and which wins for each field: the precedence table.

Each field lists the tag keys read, in order of preference, across the families pages use:
Open Graph (``og:*``, ``article:*``), Twitter (``twitter:*``), Dublin Core (``DC.*``,
``dcterms.*``; ``dc:``/``dcterms:`` spellings are read as the same keys), Highwire / Google
Scholar (``citation_*``), Parse.ly (``parsely-*``, and the fields of its older
``parsely-page`` JSON tag as ``parsely-page.<field>``), Sailthru (``sailthru.*``), cXense
(``cXenseParse:recs:publishtime``), plain
``<meta name>`` tags, and ``<meta itemprop>`` (keys ``itemprop:<name>``). JSON-LD always
comes first; these fill only what it leaves empty. ``docs/html.md`` shows the same table.

The document ``<title>`` (without its site-name part, see `title_without_site`) and the first
``<h1>`` come after every tag for the headline; the page's byline elements and ``<time
datetime>`` come after every tag for authors and dates; the article body's first paragraph
is the description only when the page declares none at all (`newspkg._html.lead_paragraph`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

__all__ = ["PRECEDENCE", "title_without_site"]

PRECEDENCE: Final[dict[str, tuple[str, ...]]] = {
    "headline": (
        "og:title",
        "twitter:title",
        "dc.title",
        "dcterms.title",
        "citation_title",
        "parsely-title",
        "parsely-page.title",
        "sailthru.title",
        "itemprop:headline",
        "title",
    ),
    "description": (
        "og:description",
        "description",
        "twitter:description",
        "dc.description",
        "dcterms.description",
        "dcterms.abstract",
        "dc.description.abstract",
        "citation_abstract",
        "sailthru.description",
        "itemprop:description",
    ),
    "authors": (
        "article:author",
        "author",
        "og:article:author",
        "dc.creator",
        "dcterms.creator",
        "citation_author",
        "parsely-author",
        "parsely-page.author",
        "sailthru.author",
        "itemprop:author",
        "creator",
    ),
    "date_published": (
        "article:published_time",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
        "citation_publication_date",
        "citation_date",
        "citation_online_date",
        "parsely-pub-date",
        "parsely-page.pub_date",
        "sailthru.date",
        "cxenseparse:recs:publishtime",
        "itemprop:datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "date",
    ),
    "date_modified": (
        "article:modified_time",
        "og:updated_time",
        "dcterms.modified",
        "dc.date.modified",
        "itemprop:datemodified",
    ),
    "section": (
        "article:section",
        "parsely-section",
        "parsely-page.section",
        "itemprop:articlesection",
    ),
    "keywords": (
        "article:tag",
        "news_keywords",
        "keywords",
        "parsely-tags",
        "sailthru.tags",
        "citation_keywords",
        "dc.subject",
    ),
    "language": (
        "og:locale",
        "dc.language",
        "dcterms.language",
        "citation_language",
        "http-equiv:content-language",
        "language",
        "itemprop:inlanguage",
    ),
    "publisher": ("og:site_name", "dc.publisher", "dcterms.publisher", "citation_publisher"),
}
"""Tag keys per `Article` field, best first (keys are lower-cased ``property``/``name``)."""

# Separators between a title and its site name, as pages write them. A match starts only
# where a run of spaces does (the lookbehind; the same matches): else the search would retry
# from every space of a long run, quadratic in it.
_SEPARATORS: Final = re.compile(r"(?<!\s)\s+(?:[|\-\u2013\u2014\u00bb\u00b7:~/]|--|::)\s+")
# Chinese, Japanese and Korean titles write no spaces: "标题-新华网", "标题_腾讯网". A
# separator between two CJK characters is one only there, and is cut only on the same
# evidence as a spaced one (a site name, or an <h1> equal to the other part).
_CJK: Final = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff01-\uff60"
_TIGHT_SEPARATORS: Final = re.compile(
    f"(?<=[{_CJK}])(?:[|\\-_\u2013\u2014\u00b7\uff5c\uff0d]|--)(?=[{_CJK}])"
)


def normalized_key(key: str) -> str:
    """``dc:title`` and ``DCTERMS:title`` read as ``dc.title`` and ``dcterms.title``."""
    for prefix in ("dc:", "dcterm:", "dcterms:"):
        if key.startswith(prefix):
            family = "dc" if prefix == "dc:" else "dcterms"
            return f"{family}.{key[len(prefix) :]}"
    if key.startswith("dcterm."):
        return "dcterms." + key[len("dcterm.") :]
    return key


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


_NOT_LETTERS: Final = re.compile(r"[\W_]+")
_MIN_SQUEEZED: Final = 4


def squeezed_name(text: str) -> str:
    """``text`` as a host label would spell it: letters and digits only, no leading "the".

    "The Valley Voice" and "valleyvoice.com" name the same site; a host cannot hold spaces.
    Shorter than four characters gives "" (too short to tell a site by).

    >>> squeezed_name("The Valley Voice"), squeezed_name("BBC")
    ('valleyvoice', '')
    """
    plain = _plain(text)
    plain = plain.removeprefix("the ")
    letters = _NOT_LETTERS.sub("", plain)
    return letters if len(letters) >= _MIN_SQUEEZED else ""


def title_without_site(title: str, sites: Iterable[str], headings: Iterable[str]) -> str | None:
    """``title`` without a site-name part, or None when it has none that can be told.

    In order: a site name (``og:site_name``, the publisher, the host name) at either end of
    the title is cut; else a part equal to an ``<h1>`` is the title (a permalink mark such
    as a trailing ``¶`` ignored), except that a last part equal to an ``<h1>`` and shorter
    than the rest is a site logo and is cut. Separators are spaced (`` | ``, `` - ``), or,
    between two CJK characters, unspaced (``标题-新华网``).

    >>> title_without_site("Grid operators brace | Example News", ["Example News"], [])
    'Grid operators brace'
    """
    pattern = _SEPARATORS if _SEPARATORS.search(title) else _TIGHT_SEPARATORS
    parts = pattern.split(title)
    if len(parts) < 2:
        return None
    names = {_plain(site) for site in sites if site}
    names |= {name.removeprefix("www.") for name in names}
    heads = {_plain(heading.rstrip("¶§# ")) for heading in headings if heading}
    separators = list(pattern.finditer(title))
    last, first = _plain(parts[-1]), _plain(parts[0])
    rest = title[: separators[-1].start()].strip()
    squeezed = {squeezed_name(name) for name in names} - {""}
    if last in names or last.removeprefix("www.") in names or squeezed_name(last) in squeezed:
        return rest or None
    if first in names or squeezed_name(first) in squeezed:
        return title[separators[0].end() :].strip() or None
    found = next((part.strip() for part in parts[:-1] if _plain(part) in heads), None)
    if found is not None:
        return found
    if last in heads:
        return rest if len(parts[-1]) < len(rest) else parts[-1].strip()
    return None
