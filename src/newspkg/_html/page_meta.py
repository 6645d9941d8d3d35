"""The page head, as read: its meta tags, canonical link, language, title and base address.

`read_page_meta` reads a parsed page once into a `PageMeta`; `meta_values` turns it into
article fields, each a `MetaValue` that says where it was read (or why it was set aside).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs
from selectolax.lexbor import LexborHTMLParser

from newspkg._html.markup import Markup, read_markup
from newspkg._html.meta_families import normalized_key
from newspkg._html.parsely_page import read_parsely_page
from newspkg._urls import join_url
from newspkg._validation import url_problem

__all__ = ["MetaValue", "PageMeta", "read_page_meta"]


@attrs.frozen(kw_only=True)
class PageMeta:
    """What a page's head says about it, as read from its tags.

    Attributes:
        tags: every ``<meta>`` content by lower-cased ``property`` or ``name``, in page order.
        canonical: the ``<link rel="canonical">`` address, resolved.
        language: the ``<html lang>`` attribute.
        xml_language: the ``<html xml:lang>`` attribute (XHTML pages served as HTML).
        title: the ``<title>`` text.
        base: the address relative URLs resolve against (``url``, then ``<base href>``).
        url: the address the page was fetched from, as the caller gave it.
        markup: what the page body holds (byline, dates, heading, typed items), each
            part read from the page when first needed.
    """

    tags: Mapping[str, tuple[str, ...]]
    canonical: str | None = None
    language: str | None = None
    xml_language: str | None = None
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
    read_parsely_page(tags)
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
        xml_language=None if html_node is None else html_node.attributes.get("xml:lang"),
        title=None if title_node is None else " ".join(title_node.text().split()),
        base=base,
        url=url,
        markup=read_markup(tree, language=language),
    )


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
    "time text": "the text of the page's <time> (no datetime)",
    "hatom published": "the page's hAtom published date (abbr title)",
    "hatom updated": "the page's hAtom updated date or dateModified element",
    "byline text": "the page's byline text",
    "rdfa date property": "a date property (dc:date, schema:dateCreated) in the page's body",
    "html lang": "the page's lang attribute",
    "html xml:lang": "the page's xml:lang attribute",
    "url argument": "the address the page was read from",
}
