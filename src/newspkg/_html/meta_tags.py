"""The page head's meta tags, both ways: Open Graph, ``article:*``, Twitter and canonical link.

`to_meta_tags` writes the ``<meta>``/``<link>`` tags a page head needs beside the JSON-LD;
`read_page_meta` and `meta_values` read the same tags back from a parsed page, which
`newspkg.from_html` uses to fill what the JSON-LD lacks. Writing and reading sit in one
module so the tag names cannot drift apart.

Every value is written with `html.escape`, so any text survives an HTML5 parser unchanged.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Final

import attrs
from selectolax.lexbor import LexborHTMLParser

from newspkg._dates import parse_date
from newspkg._html.markup import Markup, read_markup
from newspkg._html.meta_families import PRECEDENCE, normalized_key, title_without_site
from newspkg._jsonld.processing import load_json
from newspkg._jsonld.values import whole_number
from newspkg._models import Article, Author, Date, Figure, Publisher, PublisherKind
from newspkg._names import byline_names
from newspkg._readtime.estimate import reading_time
from newspkg._urls import join_url, split_url
from newspkg._validation import MAX_COUNT, language_problem, url_problem
from newspkg._zone_names import resolve_ambiguous
from newspkg.errors import NewspkgError, ValidationError

__all__ = ["MetaValue", "PageMeta", "meta_values", "read_page_meta", "to_meta_tags"]

LARGE_IMAGE_WIDTH: Final = 1200
"""Google Discover's width for large image previews (``max-image-preview:large``)."""
_X_PROFILE: Final = re.compile(
    r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?!intent/|share|home\b)@?(\w{1,15})/?$",
    re.IGNORECASE,
)
WRITTEN_BY: Final = "Written by"
READING_TIME: Final = "Est. reading time"


# --- writing ---------------------------------------------------------------------------------


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


# --- reading ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PageMeta:
    """What a page's head says about it, as read from its tags.

    Attributes:
        tags: every ``<meta>`` content by lower-cased ``property`` or ``name``, in page order.
        canonical: the ``<link rel="canonical">`` address, resolved.
        language: the ``<html lang>`` attribute.
        title: the ``<title>`` text.
        base: the address relative URLs resolve against (``url``, then ``<base href>``).
        url: the address the page was fetched from, as the caller gave it.
        markup: what the page body holds (byline, dates, heading, typed items), each
            part read from the page when first needed.
    """

    tags: Mapping[str, tuple[str, ...]]
    canonical: str | None = None
    language: str | None = None
    title: str | None = None
    base: str | None = None
    url: str | None = None
    markup: Markup = attrs.field(factory=Markup, eq=False, repr=False)

    def first(self, *keys: str) -> tuple[str, str] | None:
        """The first (key, content) among ``keys``, in order of preference."""
        for key in keys:
            values = self.tags.get(key)
            if values:
                return key, values[0]
        return None

    @property
    def og_type(self) -> str | None:
        """The page's ``og:type``, lower-cased."""
        found = self.first("og:type")
        return None if found is None else found[1].lower()

    @property
    def is_article(self) -> bool:
        """Whether the tags describe an article: og:type article, or Open Graph with no type."""
        if self.og_type is not None:
            return self.og_type == "article"
        return self.first("og:title", "og:url") is not None or any(
            key.startswith("article:") for key in self.tags
        )

    @property
    def addresses(self) -> tuple[str, ...]:
        """Every address the page gives for itself: ``url``, canonical link, ``og:url``."""
        og_url = self.first("og:url")
        found = (self.url, self.canonical, None if og_url is None else self.resolve(og_url[1]))
        return tuple(dict.fromkeys(address for address in found if address))

    def resolve(self, address: str) -> str:
        """``address`` resolved against the page's base, when it has one."""
        if self.base is None:
            return address
        return join_url(self.base, address) or address


def read_page_meta(tree: LexborHTMLParser, *, url: str | None = None) -> PageMeta:
    """Read the meta tags, canonical link, language and title of a parsed page."""
    tags: dict[str, list[str]] = {}
    for node in tree.css("meta[content]"):
        attributes = node.attributes
        content = (attributes.get("content") or "").strip()
        keys = {(attributes.get(a) or "").strip().lower() for a in ("property", "name")}
        for prefix in ("itemprop", "http-equiv"):
            # An itemprop may hold several names; each is one key (``itemprop:headline``).
            for name in (attributes.get(prefix) or "").lower().split():
                keys.add(f"{prefix}:{name}")
        # RDFa's property may hold several space-separated terms (``dc:title og:title``).
        keys = {normalized_key(part) for key in keys for part in key.split()} if content else set()
        for key in keys - {""}:
            tags.setdefault(key, []).append(content)
    _read_parsely_page(tags)
    base = url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = join_url(url or "", base_node.attributes.get("href") or "") or url
    og_url = next(iter(tags.get("og:url", ())), None)
    canonical = next(
        (
            link.attributes.get("href")
            for link in tree.css("link[rel][href]")
            if "canonical" in (link.attributes.get("rel") or "").lower().split()
        ),
        None,
    )
    # Without a fetch address, the page's own absolute address is the best base there is.
    base = base or next((a for a in (canonical, og_url) if a and url_problem(a) is None), None)
    html_node = tree.css_first("html")
    title_node = tree.css_first("head > title") or tree.css_first("title")
    language = None if html_node is None else html_node.attributes.get("lang")
    return PageMeta(
        tags=MappingProxyType({key: tuple(values) for key, values in tags.items()}),
        canonical=canonical and ((join_url(base, canonical) if base else None) or canonical),
        language=language,
        title=None if title_node is None else " ".join(title_node.text().split()),
        base=base,
        url=url,
        markup=read_markup(tree, language=language),
    )


_PARSELY_PAGE_FIELDS: Final = ("title", "author", "pub_date", "section")


def _read_parsely_page(tags: dict[str, list[str]]) -> None:
    """The text fields of Parse.ly's older ``parsely-page`` tag, as ``parsely-page.<field>``.

    Before its ``parsely-*`` tags, Parse.ly had pages hold one JSON object in a
    ``<meta name="parsely-page">`` (``{"title": ..., "pub_date": ..., "author": ...}``);
    pages built then still carry it. JSON that cannot be read (or is over newspkg's JSON
    limits) gives nothing.
    """
    blobs = tags.get("parsely-page")
    if not blobs:
        return
    try:
        data = load_json(blobs[0], path="parsely-page")
    except NewspkgError:
        return
    if not isinstance(data, dict):
        return
    for field in _PARSELY_PAGE_FIELDS:
        value = data.get(field)
        if isinstance(value, str) and value.strip():
            tags.setdefault(f"parsely-page.{field}", []).append(value.strip())


@attrs.frozen(kw_only=True)
class MetaValue:
    """One article field as the page's tags give it: the value, or why it was set aside.

    Attributes:
        field: the `Article` field (``image``, ``authors``, ...).
        source: where it was read, for provenance (``meta og:image``).
        value: the value in the model's type, or None when set aside.
        problem: why the tag's content could not be used, or None.
    """

    field: str
    source: str
    value: object = None
    problem: str | None = None

    @property
    def where(self) -> str:
        """The source in words: "the page's og:image", "the page's canonical link"."""
        if self.source.startswith("meta "):
            return f"the page's {self.source.removeprefix('meta ')}"
        return _SOURCE_WORDS.get(self.source, self.source)


_SOURCE_WORDS: Final = {
    "link canonical": "the page's canonical link",
    "title": "the page's <title>",
    "h1": "the page's first <h1>",
    "byline": "the page's byline",
    "time datetime": "the page's <time datetime>",
    "html lang": "the page's lang attribute",
    "url argument": "the address the page was read from",
}


def meta_values(page: PageMeta, *, only: Iterable[str] | None = None) -> dict[str, MetaValue]:
    """Every `Article` field the page's tags give, by field name, in model order.

    Only fields with a tag appear; a tag whose content cannot be used (not a URL, not a
    date) appears with ``problem`` set, so callers can say why it was not used. ``only``
    limits the fields read (the page body is read only when a field needs it).
    """
    readers: dict[str, Callable[[], MetaValue | None]] = {
        "url": lambda: _url(page),
        "headline": lambda: _headline(page),
        "description": lambda: _text(page, "description", *PRECEDENCE["description"]),
        "authors": lambda: _authors(page),
        "publisher": lambda: _publisher(page),
        "date_published": lambda: _date(
            page, "date_published", *PRECEDENCE["date_published"], times=page.markup.times
        ),
        "date_modified": lambda: _date(page, "date_modified", *PRECEDENCE["date_modified"]),
        "section": lambda: _text(page, "section", *PRECEDENCE["section"]),
        "keywords": lambda: _keywords(page),
        "language": lambda: _language(page),
        "image": lambda: _image(page),
    }
    wanted = readers.keys() if only is None else set(only)
    found = [read() for field, read in readers.items() if field in wanted]
    return {value.field: value for value in found if value is not None}


def _text(page: PageMeta, field: str, *keys: str) -> MetaValue | None:
    found = page.first(*keys)
    if found is None:
        return None
    text, remark = unescape_twice(found[1])
    others = [value for value in dict.fromkeys(page.tags[found[0]]) if value != found[1]]
    if others:
        # The model holds one; say what was dropped (several article:section tags).
        dropped = f"{len(others) + 1} values; kept the first, dropped {others!r}"
        remark = dropped if remark is None else f"{remark}; {dropped}"
    return MetaValue(field=field, source=f"meta {found[0]}", value=text, problem=remark)


_ENTITY: Final = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def unescape_twice(text: str) -> tuple[str, str | None]:
    """``text`` with HTML entities left in it by double escaping decoded, and a remark.

    The parser has already decoded the attribute once; an entity still in the value
    (``&#039;``, ``&amp;quot;`` written as ``&amp;amp;quot;``) was escaped twice.
    """
    if _ENTITY.search(text) is None:
        return text, None
    return html.unescape(text), "decoded HTML entities that were escaped twice"


def _headline(page: PageMeta) -> MetaValue | None:
    """The first headline tag, else the ``<title>``, else the ``<h1>``; site names cut off."""
    sites = site_names(page)
    heading = page.markup.heading
    found = _text(page, "headline", *PRECEDENCE["headline"])
    if found is None and page.title:
        found = MetaValue(field="headline", source="title", value=page.title)
    if found is None and heading:
        return MetaValue(field="headline", source="h1", value=heading)
    if found is None or not isinstance(found.value, str):
        return found
    cut = title_without_site(found.value, sites, page.markup.headings)
    if cut is None:
        return found
    return attrs.evolve(found, value=cut, problem=f"cut the site name from {found.value!r}")


def _url(page: PageMeta) -> MetaValue | None:
    og_url = page.first("og:url")
    candidates = [
        ("link canonical", page.canonical),
        ("meta og:url", None if og_url is None else page.resolve(og_url[1])),
        ("url argument", page.url),
    ]
    return _first_valid("url", candidates, url_problem)


def _date(page: PageMeta, field: str, *keys: str, times: tuple[str, ...] = ()) -> MetaValue | None:
    problem: MetaValue | None = None
    found = [(f"meta {key}", text) for key in keys for text in page.tags.get(key, ())]
    host = split_url(page.canonical or page.url or "")
    hints = (page.language, None if host is None else host.hostname)
    for source, text in [*found, *(("time datetime", text) for text in times)]:
        value, message = _parse_meta_date(text, hints)
        if value is not None:
            return MetaValue(field=field, source=source, value=value, problem=message)
        problem = problem or MetaValue(field=field, source=source, problem=message)
    return problem


def _parse_meta_date(
    text: str, hints: tuple[str | None, ...] = ()
) -> tuple[Date | None, str | None]:
    """The date in ``text``, and a remark on how it was read, if not plainly.

    The remark says when only the calendar day could be kept, or when an ambiguous zone
    abbreviation was read from the page's language or address (``hints``).
    """
    try:
        return parse_date(text), None
    except ValidationError as error:
        resolved = resolve_ambiguous(text, hints)
        if resolved is not None:
            try:
                return parse_date(resolved[0]), resolved[1]
            except ValidationError:
                pass
        try:
            moment = parse_date(text, default_timezone=UTC)
        except ValidationError:
            return None, str(error.problems[0].message)
    day = moment.date() if isinstance(moment, datetime) else moment
    return day, f"{text!r} has a time but no time zone; kept the calendar day"


def _authors(page: PageMeta) -> MetaValue | None:
    """Authors from the tags (see `PRECEDENCE`), else a Twitter "Written by", else the byline.

    ``article:author`` may be an author page URL or a name; URLs take their names, in order,
    from the ``author`` tags that are not already an ``article:author`` name, and a URL
    left without a name is set aside (a profile address such as facebook.com is not a
    name). Every other source is display text: "By" is dropped and "A and B" split, noted.
    """
    linked = _linked_authors(page)
    if linked is not None and linked.value is not None:
        return linked
    sources: list[tuple[str, Callable[[], tuple[str, ...]]]] = [
        (f"meta {key}", functools.partial(_tag_values, page, key))
        for key in PRECEDENCE["authors"][1:]
        if key in page.tags
    ]
    sources.append(("meta twitter:data (Written by)", lambda: tuple(_written_by(page))))
    sources.append(("byline", lambda: page.markup.bylines[:1]))
    sites = site_names(page)
    for source, texts in sources:
        authors, remarks = _named_authors(
            texts(),
            split_commas=source != "meta citation_author",
            trim=source == "byline",
            sites=sites,
        )
        if authors:
            if linked is not None and linked.problem:
                remarks.insert(0, linked.problem)
            problem = "; ".join(remarks) or None
            return MetaValue(field="authors", source=source, value=authors, problem=problem)
    return linked


def site_names(page: PageMeta) -> frozenset[str]:
    """The page's site names, case-folded: ``og:site_name``, ``application-name``, the host.

    The host gives itself without ``www.`` and each of its labels but the top-level domain
    and second-level ones like ``co`` (``en.wikipedia.org``: ``en``, ``wikipedia``), since
    titles name a site by its domain's name ("Mozilla - Wikipedia").
    """
    names = [*page.tags.get("og:site_name", ()), *page.tags.get("application-name", ())]
    host = split_url(page.canonical or page.url or "")
    if host is not None and host.hostname:
        domain = host.hostname.removeprefix("www.")
        names.append(domain)
        names.extend(label for label in domain.split(".")[:-1] if label not in _SECOND_LEVEL)
    return frozenset(name.casefold() for name in names)


_SECOND_LEVEL: Final = frozenset({"ac", "co", "com", "edu", "gov", "ne", "net", "or", "org"})


def _tag_values(page: PageMeta, key: str) -> tuple[str, ...]:
    return page.tags.get(key, ())


def _named_authors(
    texts: tuple[str, ...], *, split_commas: bool, trim: bool, sites: frozenset[str]
) -> tuple[tuple[Author, ...], list[str]]:
    authors: list[Author] = []
    remarks: list[str] = []
    for text in texts:
        found = byline_names(text, split_commas=split_commas, trim=trim, sites=sites)
        remarks.extend(found.changes)
        remarks.extend(f"set aside {part!r} (not a name)" for part in found.dropped)
        for name in found.names:
            if all(author.name != name for author in authors):
                try:
                    authors.append(Author(name=name))
                except NewspkgError as error:
                    remarks.append(f"set aside {name!r} ({error.problems[0].message})")
    return tuple(authors), remarks


def _linked_authors(page: PageMeta) -> MetaValue | None:
    refs = page.tags.get("article:author", ())
    if not refs:
        return None
    names = list(page.tags.get("author", ()))
    source = "meta article:author"
    addresses = [ref for ref in refs if _is_address(ref)]
    spare = [name for name in names if name not in refs]
    paired = dict(zip(addresses, spare, strict=False)) if len(spare) == len(addresses) else {}
    authors: list[Author] = []
    skipped: list[str] = []
    for ref in refs:
        address = page.resolve(ref) if _is_address(ref) else None
        name = paired.get(ref) if address else ref
        if name is None:
            skipped.append(f"{ref!r} (an author page with no name on the page)")
            continue
        try:
            authors.append(Author(name=name, url=address))
        except NewspkgError as error:
            skipped.append(f"{ref!r} ({error.problems[0].message})")
    if not authors and not skipped:
        return None
    problem = f"set aside {', '.join(skipped)}" if skipped else None
    return MetaValue(field="authors", source=source, value=tuple(authors) or None, problem=problem)


def _is_address(ref: str) -> bool:
    """Whether an ``article:author`` value is an author page (absolute or root-relative)."""
    return _ADDRESS.match(ref) is not None


_ADDRESS: Final = re.compile(r"(?:https?://|/)\S+\Z", re.IGNORECASE)


def _written_by(page: PageMeta) -> list[str]:
    """The names in a Twitter "Written by" label's data, split as bylines are written."""
    for key, labels in page.tags.items():
        match = re.fullmatch(r"twitter:label(\d+)", key)
        if match and labels[0].strip().lower() == WRITTEN_BY.lower():
            data = page.tags.get(f"twitter:data{match.group(1)}", ("",))[0]
            return [name for name in re.split(r",\s*|\s+(?:and|&)\s+", data) if name.strip()]
    return []


def _publisher(page: PageMeta) -> MetaValue | None:
    found = page.first(*PRECEDENCE["publisher"])
    if found is None:
        return None
    # og:site_name says only a name: not whether it is a news organisation.
    publisher = Publisher(name=found[1], kind=PublisherKind.ORGANIZATION)
    return MetaValue(field="publisher", source=f"meta {found[0]}", value=publisher)


def _keywords(page: PageMeta) -> MetaValue | None:
    tags = page.tags.get("article:tag")
    if tags:
        return MetaValue(field="keywords", source="meta article:tag", value=tuple(tags))
    found = page.first(*PRECEDENCE["keywords"][1:])
    if found is None:
        return None
    words = tuple(word.strip() for word in found[1].split(",") if word.strip())
    return MetaValue(field="keywords", source=f"meta {found[0]}", value=words or None)


def _language(page: PageMeta) -> MetaValue | None:
    candidates: Iterable[tuple[str, str | None]] = (
        ("html lang", page.language),
        *(
            (f"meta {key}", text.replace("_", "-"))
            for key in PRECEDENCE["language"]
            for text in page.tags.get(key, ())[:1]
        ),
    )
    return _first_valid("language", candidates, language_problem)


def _first_valid(
    field: str,
    candidates: Iterable[tuple[str, str | None]],
    problem_of: Callable[[str], str | None],
) -> MetaValue | None:
    """The first candidate that passes ``problem_of``, else the first one's problem."""
    problem: MetaValue | None = None
    for source, text in candidates:
        if not text:
            continue
        message = problem_of(text)
        if message is None:
            return MetaValue(field=field, source=source, value=text)
        problem = problem or MetaValue(field=field, source=source, problem=message)
    return problem


def _image(page: PageMeta) -> MetaValue | None:
    found = page.first("og:image", "og:image:url", "og:image:secure_url")
    twitter = page.first("twitter:image", "twitter:image:src")
    found = found or twitter
    if found is None:
        return None
    key, address = found
    is_og = key.startswith("og:")
    alt = page.first("og:image:alt", "twitter:image:alt")
    try:
        figure = Figure(
            url=page.resolve(address),
            alt=None if alt is None else alt[1],
            width=_count(page, "og:image:width") if is_og else None,
            height=_count(page, "og:image:height") if is_og else None,
        )
    except NewspkgError as error:
        return MetaValue(field="image", source=f"meta {key}", problem=str(error))
    return MetaValue(field="image", source=f"meta {key}", value=figure)


def _count(page: PageMeta, key: str) -> int | None:
    found = page.first(key)
    number = None if found is None else whole_number(found[1])
    # A size the model cannot hold is left out like one that is not a number: the image stays.
    return number if number is not None and number <= MAX_COUNT else None
