"""Writing an `Article` as schema.org JSON-LD: one ``@graph`` of nodes joined by ``@id``.

Property names, value shapes and types all come from `newspkg._schemaorg.mapping`, the
table the reader uses too. Output is deterministic: the same article gives the same dict,
key order included, so golden files and caches stay stable.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Final

from newspkg._json_limits import check_written_size
from newspkg._jsonld.processing import JsonObject, JsonValue
from newspkg._models import (
    Article,
    Author,
    AuthorKind,
    Figure,
    Publisher,
    PublisherKind,
    RelatedRead,
    SourceNote,
)
from newspkg._readtime.estimate import reading_time
from newspkg._schemaorg import mapping as m
from newspkg.errors import ValidationError

__all__ = ["to_jsonld", "to_script_tag"]

# What makes JSON text safe inside <script>: with these escaped, no string can close the
# element (</script>), open a comment or a nested script (<!--, <script) that changes how
# the HTML tokenizer reads the rest, or break a JavaScript string (U+2028/U+2029).
_SCRIPT_ESCAPES: Final = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


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
    # Compact JSON, measured with the C encoder (an indented dump is several times slower).
    check_written_size(json.dumps(document, ensure_ascii=False), what="JSON-LD")
    return document


def to_script_tag(article: Article) -> str:
    r"""Return ``article``'s JSON-LD in a ``<script type="application/ld+json">`` element.

    The element is safe to paste anywhere in an HTML page: ``<``, ``>``, ``&``, U+2028 and
    U+2029 are written as JSON escapes (``\u003c`` ...), so no text in the article can end
    the element or change how it is parsed, and its text parses back to the same JSON.

    Raises:
        ValidationError: ``article`` is not an `Article`.
        LimitExceededError: the block would be larger than newspkg's readers accept (5 MiB).
    """
    text = json.dumps(_document(article), ensure_ascii=False, indent=2)
    text = text.translate(_SCRIPT_ESCAPES)
    check_written_size(text, what="JSON-LD script block")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _document(article: Article) -> JsonObject:
    if not isinstance(article, Article):
        raise ValidationError(f"expected an Article, got {type(article).__name__}")
    return _GraphWriter(article).document()


class _GraphWriter:
    """Builds the graph of one article, handing out each ``@id`` once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.url = article.url
        self.taken: set[str] = set()
        self.nodes: list[JsonObject] = []

    def id_for(self, preferred: str, fallback: str) -> str:
        """Return ``preferred`` unless another node has it (two authors with one URL)."""
        chosen = fallback if preferred in self.taken else preferred
        self.taken.add(chosen)
        return chosen

    def own_id(self, fragment: m.Fragment, number: int | None = None) -> str:
        chosen = m.node_id(self.url, fragment, number)
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
        }
        self.nodes += [article_node, page_node]
        _put_fields(article_node, m.ARTICLE, article)
        self._put_counts(article_node)
        self._put_dateline(article_node)
        article_node[m.MAIN_ENTITY_OF_PAGE] = {"@id": page_node["@id"]}
        self._put_images(article_node, page_node)
        if article.authors:
            article_node[m.ARTICLE["authors"].prop] = [
                self._author(n, author) for n, author in enumerate(article.authors, 1)
            ]
        if article.publisher is not None:
            article_node[m.ARTICLE["publisher"].prop] = self._publisher(article.publisher)
        self._put_figures(article_node)
        self._put_sources(article_node)
        self._put_related(page_node)
        return {"@context": m.SCHEMA_CONTEXT, "@graph": list(self.nodes)}

    def _put_counts(self, node: JsonObject) -> None:
        article = self.article
        if article.body is None and article.word_count is None:
            return
        # reading_time counts the body unless the article gives its own word_count.
        estimate = reading_time(article)
        node[m.ARTICLE["word_count"].prop] = estimate.words
        node[m.TIME_REQUIRED] = estimate.iso8601

    def _put_dateline(self, node: JsonObject) -> None:
        dateline = self.article.dateline
        if dateline is None:
            return
        term = m.ARTICLE["dateline"]
        if self.article.kind in m.NEWS_ARTICLE_KINDS:
            node[term.prop] = dateline
        else:
            node[term.read_also[0]] = _encode(m.Value.PLACE, dateline)

    def _put_images(self, article_node: JsonObject, page_node: JsonObject) -> None:
        article = self.article
        refs: list[JsonValue] = []
        if article.image is not None:
            hero = self._image(article.image, self.own_id(m.Fragment.PRIMARY_IMAGE))
            page_node[m.PRIMARY_IMAGE_OF_PAGE] = {"@id": hero["@id"]}
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
        node: JsonObject = {"@type": m.IMAGE_TYPE, "@id": node_id}
        _put_fields(node, m.FIGURE, figure)
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

    def _author(self, number: int, author: Author) -> JsonObject:
        fragment = (
            m.Fragment.PERSON if author.kind is AuthorKind.PERSON else m.Fragment.ORGANIZATION
        )
        fallback = m.node_id(self.url, m.Fragment.AUTHOR, number)
        preferred = fallback if author.url is None else m.node_id(author.url, fragment)
        node: JsonObject = {
            "@type": m.AUTHOR_TYPES[author.kind],
            "@id": self.id_for(preferred, fallback),
        }
        _put_fields(node, m.AUTHOR, author, props={"location": m.AUTHOR_LOCATION[author.kind]})
        self.nodes.append(node)
        return {"@id": node["@id"]}

    def _publisher(self, publisher: Publisher) -> JsonObject:
        is_person = publisher.kind is PublisherKind.PERSON
        fragment = m.Fragment.PERSON if is_person else m.Fragment.ORGANIZATION
        fallback = m.node_id(self.url, m.Fragment.PUBLISHER)
        preferred = fallback if publisher.url is None else m.node_id(publisher.url, fragment)
        node: JsonObject = {
            "@type": m.PUBLISHER_TYPES[publisher.kind],
            "@id": self.id_for(preferred, fallback),
        }
        _put_fields(node, m.PUBLISHER, publisher)
        self.nodes.append(node)
        if publisher.logo is not None:
            logo_id = self.id_for(
                m.node_id(publisher.url or self.url, m.Fragment.LOGO),
                m.node_id(self.url, m.Fragment.LOGO),
            )
            logo = self._image(publisher.logo, logo_id)
            term = m.PUBLISHER["logo"]
            # A Person has no `logo` in schema.org; its picture is `image`.
            node[term.read_also[0] if is_person else term.prop] = {"@id": logo["@id"]}
        return {"@id": node["@id"]}

    def _put_sources(self, node: JsonObject) -> None:
        by_role: dict[str, list[JsonValue]] = {}
        for n, source in enumerate(self.article.sources, 1):
            source_node = self._listed_node(m.SOURCE_TYPE, m.Fragment.SOURCE, n, m.SOURCE, source)
            by_role.setdefault(m.SOURCE_ROLES[source.role], []).append({"@id": source_node["@id"]})
        for role in m.SOURCE_ROLES.values():
            if role in by_role:
                node[role] = by_role[role]

    def _put_related(self, page_node: JsonObject) -> None:
        links: list[JsonValue] = []
        for n, read in enumerate(self.article.related, 1):
            links.append(read.url)
            self._listed_node(m.RELATED_TYPE, m.Fragment.RELATED, n, m.RELATED, read)
        if links:
            page_node[m.ARTICLE["related"].prop] = links

    def _listed_node(
        self,
        type_name: str,
        fragment: m.Fragment,
        number: int,
        table: Mapping[str, m.Term],
        item: SourceNote | RelatedRead,
    ) -> JsonObject:
        """Add the node of a list's ``number``-th item, its place kept in ``position``."""
        node: JsonObject = {"@type": type_name, "@id": self.own_id(fragment, number)}
        _put_fields(node, table, item)
        node[m.POSITION] = number
        self.nodes.append(node)
        return node


def _put_fields(
    node: JsonObject,
    table: Mapping[str, m.Term],
    item: object,
    *,
    props: Mapping[str, str] | None = None,
) -> None:
    """Write every scalar field of ``item`` that has a value, as ``table`` says."""
    for field, term in table.items():
        if term.value is m.Value.NODE:
            continue
        encoded = _encode(term.value, getattr(item, field))
        if encoded is None:
            continue
        if props is not None and field in props:
            node[props[field]] = encoded
        else:
            for prop in term.props:
                node[prop] = encoded


def _encode(value: m.Value, item: object) -> JsonValue:  # noqa: PLR0911
    """The JSON-LD form of one field value; None when there is nothing to write."""
    if item is None or item == ():
        return None
    match value:
        case m.Value.DATE:
            assert isinstance(item, date)
            return item.isoformat()
        case m.Value.PIXELS:
            return {"@type": m.PIXELS_TYPE, "value": _json(item), "unitCode": m.PIXEL_UNIT}
        case m.Value.PLACE:
            return {"@type": m.PLACE_TYPE, "name": _json(item)}
        case m.Value.ORGANIZATION_NAME:
            return {"@type": m.ORGANIZATION_TYPE, "name": _json(item)}
        case m.Value.STORY_COUNT:
            return {
                "@type": m.COUNTER_TYPE,
                "interactionType": {"@type": m.WRITE_ACTION_TYPE},
                "userInteractionCount": _json(item),
            }
        case m.Value.KEYWORDS:
            assert isinstance(item, tuple)
            # Text keywords are comma-separated lists to every reader (ours included), so a
            # keyword that holds a comma is written as a DefinedTerm and stays whole.
            return [
                {"@type": m.KEYWORD_TYPE, "name": keyword} if "," in keyword else keyword
                for keyword in item
            ]
        case m.Value.TEXTS | m.Value.URLS:
            assert isinstance(item, tuple)
            return [_json(part) for part in item]
        case _:
            return _json(item)


def _json(item: object) -> JsonValue:
    """A model scalar (text, number, flag) as JSON."""
    assert isinstance(item, str | int | bool)
    return item
