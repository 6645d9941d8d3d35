"""Writing an `Article` as schema.org JSON-LD: one ``@graph`` of nodes joined by ``@id``.

Property names, value shapes and types all come from `newspkg._schemaorg.mapping`, the
table the reader uses too. Output is deterministic: the same article gives the same dict,
key order included, so golden files and caches stay stable.
"""

from __future__ import annotations

import json
from contextlib import suppress
from typing import TYPE_CHECKING

from newspkg._fast_json import optional_orjson
from newspkg._json_limits import MAX_TEXT_SIZE, check_written_size
from newspkg._jsonld.encode import encode
from newspkg._jsonld.field_writer import FieldWriter, FieldWriters, compiled_writers
from newspkg._jsonld.processing import JsonObject, JsonValue
from newspkg._models import (
    Article,
    Author,
    AuthorKind,
    Figure,
    Publisher,
    PublisherKind,
    RelatedRead,
    Site,
    SourceNote,
)
from newspkg._schemaorg import mapping as m
from newspkg._urls import without_fragment
from newspkg.errors import ValidationError

if TYPE_CHECKING:
    from newspkg._readtime.estimate import ReadingTime

__all__ = ["to_jsonld"]


def to_jsonld(article: Article) -> JsonObject:
    """Return ``article`` as a schema.org JSON-LD document (a JSON-ready dict).

    The document is ``{"@context": "https://schema.org", "@graph": [...]}``: the article,
    its WebPage, each author, the publisher, the images, the sources and the related reads,
    each a node with a stable ``@id`` (see ``docs/jsonld.md``).

    Raises:
        ValidationError: ``article`` is not an `Article`.
        LimitExceededError: the JSON would be larger than newspkg's readers accept (5 MiB).

    Examples:
        >>> doc = to_jsonld(Article(url="https://example.com/a", headline="Hi"))
        >>> [node["@id"] for node in doc["@graph"]]
        ['https://example.com/a#article', 'https://example.com/a#webpage']
    """
    document = _document(article)
    _check_size(document)
    return document


def _document(article: Article) -> JsonObject:
    if not isinstance(article, Article):
        raise ValidationError(f"expected an Article, got {type(article).__name__}")
    return _GraphWriter(article, compiled_writers()).document()


def _check_size(document: JsonObject) -> None:
    """Refuse a graph newspkg's readers would refuse once printed (CLI, script blocks).

    The compact text is measured first; only a graph near the limit pays for the indented
    text newspkg prints (Python's indenting encoder is slow before 3.14).
    """
    if _compact_size(document) * 8 <= MAX_TEXT_SIZE:
        return  # indentation cannot make a shallow graph 8 times longer
    check_written_size(json.dumps(document, ensure_ascii=False, indent=2), what="JSON-LD")


def _compact_size(document: JsonObject) -> int:
    """The length of ``document``'s compact JSON text, or a bound above it.

    orjson writes the text json's C encoder writes (same escapes, same order: compared in
    tests/test_jsonld_writer.py), in UTF-8 bytes, never fewer than its characters, and
    takes a tenth of the time: with json, this check cost as much as the caller's own dump.
    """
    orjson = optional_orjson()
    if orjson is not None:
        with suppress(TypeError):  # what orjson refuses (integers over 64 bits) json measures
            return len(orjson.dumps(document))
    return len(json.dumps(document, ensure_ascii=False, separators=(",", ":")))


class _GraphWriter:
    """Builds the graph of one article, handing out each ``@id`` once."""

    def __init__(self, article: Article, fields: FieldWriters) -> None:
        self.article = article
        self.fields = fields
        self.url = article.url
        # Every @id of the article's own nodes starts so (what `m.node_id` would compute).
        self.base = f"{without_fragment(article.url)}#"
        self.taken: set[str] = set()
        self.nodes: list[JsonObject] = []
        # One node per person and publisher, however many roles they have on the page.
        self.people: dict[Author, JsonObject] = {}
        self.publishers: dict[Publisher, JsonObject] = {}
        self.extra_people = 0

    def id_for(self, preferred: str, fallback: str) -> str:
        """Return ``preferred`` unless another node has it (two authors with one URL).

        Should ``fallback`` be taken too (two publishers without URL, each with a logo),
        ``-2``, ``-3``... follow it: an ``@id`` is never given twice.
        """
        chosen = fallback if preferred in self.taken else preferred
        number = 1
        while chosen in self.taken:
            number += 1
            chosen = f"{fallback}-{number}"
        self.taken.add(chosen)
        return chosen

    def local_id(self, fragment: m.Fragment, number: int | None = None) -> str:
        """``m.node_id(self.url, fragment, number)``, from the base worked out once."""
        # _value_, not value: a plain attribute, not the enum property (a call per @id).
        suffix = fragment._value_ if number is None else f"{fragment._value_}-{number}"
        return self.base + suffix

    def own_id(self, fragment: m.Fragment, number: int | None = None) -> str:
        chosen = self.local_id(fragment, number)
        self.taken.add(chosen)
        return chosen

    def document(self) -> JsonObject:
        article = self.article
        article_node: JsonObject = {
            "@type": m.KIND_TYPES[article.kind],
            "@id": self.own_id(m.Fragment.ARTICLE),
        }
        page_node: JsonObject = {
            "@type": m.WEB_PAGE_TYPE,
            "@id": self.own_id(m.Fragment.WEBPAGE),
            m.ARTICLE["url"].prop: article.url,
            m.PAGE_NAME: article.headline,
        }
        self.nodes += [article_node, page_node]
        self.fields.article(article_node, article)
        # The page repeats its article's language and dates, as Yoast's WebPage does.
        for field in ("language", "date_published", "date_modified"):
            if (value := article_node.get(m.ARTICLE[field].prop)) is not None:
                page_node[m.ARTICLE[field].prop] = value
        self._put_counts(article_node)
        self._put_dateline(article_node)
        article_node[m.MAIN_ENTITY_OF_PAGE] = {"@id": page_node["@id"]}
        self._put_images(article_node, page_node)
        self._put_people(article_node, "authors", article.authors, byline=True)
        if article.publisher is not None:
            article_node[m.ARTICLE["publisher"].prop] = self._publisher(article.publisher)
        for field in ("editors", "translators", "contributors"):
            self._put_people(article_node, field, getattr(article, field))
        self._put_figures(article_node)
        self._put_sources(article_node)
        self._put_page_parts(article_node)
        self._put_live_updates(article_node)
        self._put_related(page_node)
        if article.site is not None:
            page_node[m.ARTICLE["site"].prop] = self._site(article.site)
        self._put_breadcrumbs(page_node)
        return {"@context": m.SCHEMA_CONTEXT, "@graph": list(self.nodes)}

    def _put_counts(self, node: JsonObject) -> None:
        article = self.article
        if article.body is None and article.word_count is None:
            return
        # reading_time counts the body unless the article gives its own word_count.
        estimate = _reading_time(article)
        node[m.ARTICLE["word_count"].prop] = estimate.words
        node[m.TIME_REQUIRED] = estimate.iso8601

    def _put_dateline(self, node: JsonObject) -> None:
        dateline = self.article.dateline
        if dateline is None:
            return
        term = m.ARTICLE["dateline"]
        if self.article.kind in m.news_article_kinds():
            node[term.prop] = dateline
        else:
            node[term.read_also[0]] = encode(m.Value.PLACE, dateline)

    def _put_images(self, article_node: JsonObject, page_node: JsonObject) -> None:
        article = self.article
        refs: list[JsonValue] = []
        if article.image is not None:
            hero = self._image(article.image, self.own_id(m.Fragment.PRIMARY_IMAGE))
            page_node[m.PRIMARY_IMAGE_OF_PAGE] = {"@id": hero["@id"]}
            page_node[m.PAGE_THUMBNAIL] = article.image.url
            refs.append({"@id": hero["@id"]})
        for n, rendition in enumerate(article.image_renditions, 1):
            node = self._image(rendition, self.own_id(m.Fragment.IMAGE, n))
            if article.image is None:
                # Without this, a reader takes the first rendition for the hero image.
                node[m.REPRESENTATIVE_OF_PAGE] = False
            refs.append({"@id": node["@id"]})
        if refs:
            article_node[m.ARTICLE["image"].prop] = refs

    def _image(self, figure: Figure, node_id: str) -> JsonObject:
        node: JsonObject
        if figure.video is None:
            node = {"@type": m.IMAGE_TYPE, "@id": node_id}
            self.fields.image(node, figure)
        else:
            node = {"@type": m.VIDEO_TYPE, "@id": node_id}
            self.fields.video_image(node, figure)
            self.fields.video(node, figure.video)
        if figure.creator is not None:
            node[m.FIGURE["creator"].prop] = self._person(figure.creator)
        self.nodes.append(node)
        return node

    def _put_figures(self, node: JsonObject) -> None:
        refs: list[JsonValue] = []
        for n, figure in enumerate(self.article.figures, 1):
            image = self._image(figure, self.own_id(m.Fragment.FIGURE, n))
            image[m.POSITION] = n
            refs.append({"@id": image["@id"]})
        if refs:
            node[m.ARTICLE["figures"].prop] = refs

    def _put_people(
        self, node: JsonObject, field: str, people: tuple[Author, ...], *, byline: bool = False
    ) -> None:
        if people:
            written: list[JsonValue] = []
            earlier: set[Author] = set()  # a set: a list may hold thousands of people
            for n, person in enumerate(people, 1):
                written.append(
                    self._person(
                        person,
                        self.local_id(m.Fragment.AUTHOR, n) if byline else None,
                        # One person twice in a list stays twice: values are sets to JSON-LD.
                        reuse=person not in earlier,
                    )
                )
                earlier.add(person)
            node[m.ARTICLE[field].prop] = written

    def _person(
        self, author: Author, fallback: str | None = None, *, reuse: bool = True
    ) -> JsonObject:
        """A reference to ``author``'s node, written once however many roles they have."""
        known = self.people.get(author)
        if known is not None and reuse:
            return {"@id": known["@id"]}
        if fallback is None:
            self.extra_people += 1
            fallback = self.local_id(m.Fragment.CONTRIBUTOR, self.extra_people)
        fragment = (
            m.Fragment.PERSON if author.kind is AuthorKind.PERSON else m.Fragment.ORGANIZATION
        )
        preferred = fallback if author.url is None else m.node_id(author.url, fragment)
        node: JsonObject = {
            "@type": m.AUTHOR_TYPES[author.kind],
            "@id": self.id_for(preferred, fallback),
        }
        self.fields.authors[author.kind](node, author)
        self.nodes.append(node)
        self.people[author] = node
        return {"@id": node["@id"]}

    def _publisher(self, publisher: Publisher, site_url: str | None = None) -> JsonObject:
        known = self.publishers.get(publisher)
        if known is not None:
            return {"@id": known["@id"]}
        is_person = publisher.kind is PublisherKind.PERSON
        fragment = m.Fragment.PERSON if is_person else m.Fragment.ORGANIZATION
        base = publisher.url or site_url
        fallback = self.local_id(m.Fragment.PUBLISHER)
        preferred = fallback if base is None else m.node_id(base, fragment)
        node: JsonObject = {
            "@type": m.PUBLISHER_TYPES[publisher.kind],
            "@id": self.id_for(preferred, fallback),
        }
        self.fields.publisher(node, publisher)
        self.nodes.append(node)
        self.publishers[publisher] = node
        if publisher.logo is not None:
            logo_id = self.id_for(
                m.node_id(base or self.url, m.Fragment.LOGO),
                self.local_id(m.Fragment.LOGO),
            )
            logo = self._image(publisher.logo, logo_id)
            term = m.PUBLISHER["logo"]
            # A Person has no `logo` in schema.org; its picture is `image`.
            node[term.read_also[0] if is_person else term.prop] = {"@id": logo["@id"]}
        return {"@id": node["@id"]}

    def _site(self, site: Site) -> JsonObject:
        node: JsonObject = {
            "@type": m.WEB_SITE_TYPE,
            "@id": self.id_for(
                m.node_id(site.url, m.Fragment.WEBSITE), self.local_id(m.Fragment.WEBSITE)
            ),
        }
        self.fields.site(node, site)
        self.nodes.append(node)
        if site.publisher is not None:
            node[m.SITE["publisher"].prop] = self._publisher(site.publisher, site.url)
        if site.search_url_template is not None:
            node[m.SITE["search_url_template"].prop] = {
                "@type": m.SEARCH_ACTION_TYPE,
                m.SEARCH_TARGET: {
                    "@type": m.ENTRY_POINT_TYPE,
                    m.URL_TEMPLATE: site.search_url_template,
                },
            }
        return {"@id": node["@id"]}

    def _put_breadcrumbs(self, page_node: JsonObject) -> None:
        crumbs = self.article.breadcrumbs
        if not crumbs:
            return
        items: list[JsonValue] = []
        for n, crumb in enumerate(crumbs, 1):
            item: JsonObject = {"@type": m.LIST_ITEM_TYPE, m.POSITION: n}
            self.fields.crumb(item, crumb)
            if crumb.url is not None:
                item[m.CRUMB["url"].prop] = crumb.url
            items.append(item)
        node: JsonObject = {
            "@type": m.BREADCRUMB_TYPE,
            "@id": self.own_id(m.Fragment.BREADCRUMB),
            m.LIST_ELEMENT: items,
        }
        self.nodes.append(node)
        page_node[m.ARTICLE["breadcrumbs"].prop] = {"@id": node["@id"]}

    def _put_page_parts(self, node: JsonObject) -> None:
        """Paywalled parts, corrections, update notes and translations: embedded nodes."""
        article = self.article
        if article.paywalled_parts:
            node[m.ARTICLE["paywalled_parts"].prop] = [
                {
                    "@type": m.PAGE_ELEMENT_TYPE,
                    m.ARTICLE["is_accessible_for_free"].prop: False,
                    m.CSS_SELECTOR: selector,
                }
                for selector in article.paywalled_parts
            ]
        for field, type_name, write in (
            ("corrections", m.CORRECTION_TYPE, self.fields.correction),
            ("updates", m.UPDATE_TYPE, self.fields.update),
        ):
            if notes := getattr(article, field):
                node[m.ARTICLE[field].prop] = [_embedded(type_name, write, note) for note in notes]
        if article.translation_of is not None:
            node[m.ARTICLE["translation_of"].prop] = _embedded(
                m.TRANSLATION_TYPE, self.fields.translation, article.translation_of
            )
        if article.translations:
            node[m.ARTICLE["translations"].prop] = [
                _embedded(m.TRANSLATION_TYPE, self.fields.translation, translation)
                for translation in article.translations
            ]

    def _put_live_updates(self, node: JsonObject) -> None:
        refs: list[JsonValue] = []
        for n, update in enumerate(self.article.live_updates, 1):
            update_node: JsonObject = {
                "@type": m.LIVE_UPDATE_TYPE,
                "@id": self.own_id(m.Fragment.UPDATE, n),
            }
            self.fields.live_update(update_node, update)
            if update.author is not None:
                update_node[m.LIVE_UPDATE["author"].prop] = self._person(update.author)
            if update.image is not None:
                image_id = self.id_for(
                    f"{update_node['@id']}-image", f"{update_node['@id']}-image-1"
                )
                image = self._image(update.image, image_id)
                update_node[m.LIVE_UPDATE["image"].prop] = {"@id": image["@id"]}
            update_node[m.POSITION] = n
            # Embedded, as Google's example: a top-level BlogPosting would be another article.
            refs.append(update_node)
        if refs:
            node[m.ARTICLE["live_updates"].prop] = refs

    def _put_sources(self, node: JsonObject) -> None:
        by_role: dict[str, list[JsonValue]] = {}
        for n, source in enumerate(self.article.sources, 1):
            source_node = self._listed_node(
                m.SOURCE_TYPE, self.own_id(m.Fragment.SOURCE, n), n, self.fields.source, source
            )
            by_role.setdefault(m.SOURCE_ROLES[source.role], []).append({"@id": source_node["@id"]})
        for role in m.SOURCE_ROLES.values():
            if role in by_role:
                node[role] = by_role[role]

    def _put_related(self, page_node: JsonObject) -> None:
        links: list[JsonValue] = []
        for n, read in enumerate(self.article.related, 1):
            links.append(read.url)
            # The read's own page @id, so graphs of many pages of one site join up.
            node_id = self.id_for(
                m.node_id(read.url, m.Fragment.WEBPAGE), self.local_id(m.Fragment.RELATED, n)
            )
            self._listed_node(m.RELATED_TYPE, node_id, n, self.fields.related, read)
        if links:
            page_node[m.ARTICLE["related"].prop] = links

    def _listed_node(
        self,
        type_name: str,
        node_id: str,
        number: int,
        write: FieldWriter,
        item: SourceNote | RelatedRead,
    ) -> JsonObject:
        """Add the node of a list's ``number``-th item, its place kept in ``position``."""
        node: JsonObject = {"@type": type_name, "@id": node_id}
        write(node, item)
        node[m.POSITION] = number
        self.nodes.append(node)
        return node


def _embedded(type_name: str, write: FieldWriter, item: object) -> JsonObject:
    node: JsonObject = {"@type": type_name}
    write(node, item)
    return node


def _reading_time(article: Article) -> ReadingTime:
    """`reading_time`, imported on first use.

    Most documents have neither a body nor a word count, and its import (`regex` and the
    compiled word patterns, the labels' catalogues) is most of what ``newspkg jsonld`` would
    otherwise load before reading anything. ``newspkg.to_jsonld`` still imports it with the
    writer (`newspkg._FIRST_CALL_NEEDS`), so a library's first call stays quick.
    """
    from newspkg._readtime.estimate import reading_time  # noqa: PLC0415

    return reading_time(article)
