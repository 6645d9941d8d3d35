"""Reading articles from schema.org JSON-LD as publishers ship it, offline.

The document is expanded through pyld (`newspkg._jsonld.graph`), so every shape collapses
into one typed graph; fields are then read with the same table the writer uses
(`newspkg._schemaorg.mapping`). Values that cannot be used are dropped with a
`ProvenanceNote` saying why; only a missing or unusable ``url`` or ``headline`` fails the
article, with a `ValidationError` whose path points into the JSON-LD.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, KeysView, Mapping
from datetime import UTC, tzinfo
from typing import Final

from newspkg._dates import parse_iso_duration, skew_fixed
from newspkg._jsonld.direct_graph import prepare_names, read_graph
from newspkg._jsonld.graph import Graph, Literal, Node, Ref
from newspkg._jsonld.page_index import PageIndex
from newspkg._jsonld.parts import PartsReader, describe
from newspkg._jsonld.processing import JsonValue, load_json
from newspkg._jsonld.values import ValueReader, build, prepare
from newspkg._models import Article, ArticleKind, Figure, RelatedRead, SourceNote
from newspkg._schemaorg import mapping as m
from newspkg._schemaorg.reader_types import (
    ARTICLE_TYPES,
    BREADCRUMB_TYPES,
    KIND_DEPTHS,
    WEB_PAGE_TYPES,
)
from newspkg._urls import without_fragment
from newspkg._validation import check_option, url_problem
from newspkg.errors import NewspkgError, NoArticleError, Problem, ValidationError, join_path

__all__ = ["from_jsonld", "iter_articles"]

_REQUIRED: Final = ("url", "headline")


# Parts of an article that are articles to schema.org: never articles of the page.
_PART_PROPS: Final = (*m.SOURCE_ROLES.values(), m.ARTICLE["live_updates"].prop)
_PART_PROP_SET: Final = frozenset(_PART_PROPS)
_RELATED_PROP: Final = m.ARTICLE["related"].prop
_TYPE_KINDS: Final = {name: kind for kind, name in m.KIND_TYPES.items()}
# Parts most articles lack, by the properties each is read from. A part whose properties the
# article node has none of reads as empty with no note, so it is not read at all: a dozen
# calls of a few dozen an article, each walking no values.
_PART_READS: Final = {
    field: frozenset(m.ARTICLE[field].read)
    for field in (
        "editors", "translators", "contributors", "figures", "paywalled_parts", "corrections",
        "updates", "live_updates", "translation_of", "translations",
    )
} | {"sources": frozenset(m.SOURCE_ROLES.values())}  # fmt: skip


def from_jsonld(
    source: str | bytes | JsonValue,
    *,
    base_url: str | None = None,
    default_timezone: tzinfo = UTC,
) -> Article:
    """Read the page's main article from a JSON-LD document (text or parsed JSON).

    Accepts every shape pages use: single objects, arrays, ``@graph`` with ``@id``
    references, compact, expanded or flattened forms, any schema.org namespace. With
    several articles, the main one is the ``mainEntity`` of a WebPage, else the one with a
    ``mainEntityOfPage``, else the first. See ``docs/jsonld.md`` for what is read leniently.

    Args:
        source: JSON text (str or bytes) or parsed JSON.
        base_url: the page URL: relative URLs are resolved against it (else against the
            article's own ``url``) and it stands in for a missing article URL.
        default_timezone: the zone of a date-time written without one; each such date
            is reported in ``article.provenance`` with its original text.

    Raises:
        ParseError: not JSON or not JSON-LD (`RemoteContextError`, `LimitExceededError`
            for unknown contexts and oversized input).
        NoArticleError: no schema.org Article (or subtype) in the document.
        ValidationError: the article lacks a usable url or headline; paths point into the
            JSON-LD (``@graph[2].headline``).

    >>> from_jsonld('{"@context": "https://schema.org", "@type": "NewsArticle",'
    ...             ' "url": "https://example.com/a", "headline": "Hi"}').headline
    'Hi'
    """
    page = _Page(source, base_url=base_url, default_timezone=default_timezone)
    articles = page.articles()
    if not articles:
        raise NoArticleError(
            "no schema.org Article (or subtype such as NewsArticle) found" + _context_hint(source),
            path="",
        )
    return page.read(page.main(articles))


def iter_articles(
    source: str | bytes | JsonValue,
    *,
    base_url: str | None = None,
    default_timezone: tzinfo = UTC,
) -> Iterator[Article]:
    """Return every article of a JSON-LD document, in document order.

    Sources (``isBasedOn``, ``citation``), live blog updates (``liveBlogUpdate``) and related
    reads are parts of an article, not articles of the page, so they are not yielded. The
    document is parsed at once (errors in it raise here); each article is read when the
    iterator reaches it. Options and errors are those of `from_jsonld`, except that no
    article gives an empty iterator.
    """
    page = _Page(source, base_url=base_url, default_timezone=default_timezone)
    return map(page.read, page.articles())


def _url_texts_reader(graph: Graph, default_timezone: tzinfo) -> Callable[[Node], Iterator[str]]:
    """The URLs a node gives, for the page index.

    A closure over the graph, not a method of `_Page`: a bound method held by the page's own
    index would make a reference cycle, and then the whole graph of every document would wait
    for the garbage collector instead of being freed when the read ends.
    """
    # url_text reads the graph only: no base, no notes, so one reader serves every node.
    texts = ValueReader(graph, base_url=None, default_timezone=default_timezone)
    url_read = m.RELATED["url"].read

    def url_texts(node: Node) -> Iterator[str]:
        return map(texts.url_text, graph.items(node, url_read))

    return url_texts


class _Page:
    """One parsed document: finds its articles and reads them."""

    def __init__(
        self, source: str | bytes | JsonValue, *, base_url: str | None, default_timezone: tzinfo
    ) -> None:
        check_option("base_url", base_url, (str, type(None)), "the page URL as text, or None")
        check_option("default_timezone", default_timezone, tzinfo, "a datetime.tzinfo")
        self.graph = read_graph(source, base=base_url)
        self.base_url = base_url
        self.default_timezone = default_timezone
        self.index = PageIndex(
            self.graph,
            article_types=_RELATED_TYPES,
            page_types=WEB_PAGE_TYPES,
            url_texts=_url_texts_reader(self.graph, default_timezone),
        )

    def articles(self) -> list[Node]:
        graph = self.graph
        # Node.has_type, read inline: this and the loop below run for every node of a page.
        not_article = ARTICLE_TYPES.isdisjoint
        candidates = [node for node in graph.nodes if not not_article(node.types)]
        parts: set[int] = set()
        links: set[str] = set()
        for node in graph.nodes:
            props = node.props
            # Most nodes have neither: a set test per node instead of two walks of their values.
            if not _PART_PROP_SET.isdisjoint(props):
                parts.update(map(id, graph.nodes_of(node, _PART_PROPS)))
            if _RELATED_PROP in props:
                links.update(related_links(graph, node))
        mains = self._main_entities
        return [
            node
            for node in candidates
            if id(node) not in parts
            # An embedded article without a headline only points at one (associatedArticle).
            and not (node.nested and "headline" not in node.props)
            and not (
                # A related read: an article listed in a relatedLink that is no page's own.
                m.MAIN_ENTITY_OF_PAGE not in node.props
                and id(node) not in mains
                and any(url in links for url in graph.texts(node, ["url"]))
            )
        ]

    @property
    def _main_entities(self) -> frozenset[int]:
        return self.index.main_entities

    def main(self, articles: list[Node]) -> Node:
        mains = self._main_entities
        for node in articles:
            if id(node) in mains:
                return node
        for node in articles:
            if m.MAIN_ENTITY_OF_PAGE in node.props:
                return node
        return articles[0]

    def read(self, node: Node) -> Article:
        return _ArticleReading(self, node).article()


class _ArticleReading(PartsReader):
    """Reads one article node, collecting a note for every value set aside."""

    def __init__(self, page: _Page, node: Node) -> None:
        super().__init__(page.graph, base_url=page.base_url, default_timezone=page.default_timezone)
        self.node = node
        self.index = page.index
        self._own_pages: list[Node] | None = None

    # --- the article ---------------------------------------------------------------------

    def article(self) -> Article:
        node = self.node
        url = self._article_url()
        self.base_url = self.base_url or url
        fields = self.scalars(m.ARTICLE, node, "", skip={"url"})
        fields["url"] = url
        for name in _REQUIRED:
            if fields.get(name) is None:
                raise ValidationError(
                    f"required: the article has no usable {m.ARTICLE[name].prop}"
                    + (self._relative_hint() if name == "url" else ""),
                    path=join_path(self.graph.path(node), m.ARTICLE[name].prop),
                )
        fields["kind"] = _kind(node.types)
        props = node.props.keys()
        fields["authors"] = self.people(node, "authors")
        for field in ("editors", "translators", "contributors"):
            fields[field] = self.people(node, field) if self._has(field, props) else ()
        fields["publisher"] = self.publisher(
            self.graph.items(node, m.ARTICLE["publisher"].read), "publisher"
        )
        fields["image"], fields["image_renditions"] = self.images()
        fields["figures"] = self.figures() if self._has("figures", props) else ()
        fields["sources"] = self.sources() if self._has("sources", props) else ()
        fields["related"] = self.related()
        fields["dateline"] = self.graph.text(node, [m.ARTICLE["dateline"].prop]) or self.decode(
            m.Value.PLACE, node, m.ARTICLE["dateline"].read_also, "dateline"
        )
        fields["word_count"] = self.word_count(fields)
        self.read_page_parts(fields)
        self.check_time_required()
        return self.build_article(fields)

    def _relative_hint(self) -> str:
        """Why a url written as a relative reference could not be used, and the remedy."""
        written = [self.url_text(item) for item in self.graph.items(self.node, ["url"])]
        relative = next((text for text in written if text and url_problem(text)), None)
        if relative is None or self.base_url:
            return ""
        return f" ({relative!r} is relative: pass base_url= with the page's address)"

    def read_page_parts(self, fields: dict[str, object]) -> None:
        node, pages = self.node, self.own_pages
        fields["site"] = self.site([*pages, node])
        trails = (
            list(self.graph.nodes_of(pages[0], [m.ARTICLE["breadcrumbs"].prop])) if pages else []
        )
        # A page's own trail first, else the first trail anywhere (many pages give it alone).
        trails += self.index.nodes_typed(BREADCRUMB_TYPES)  # one scan per document
        fields["breadcrumbs"] = self.breadcrumbs(trails)
        props, has = node.props.keys(), self._has
        fields["paywalled_parts"] = (
            self.paywalled_parts(node) if has("paywalled_parts", props) else ()
        )
        fields["corrections"] = self.corrections(node) if has("corrections", props) else ()
        fields["updates"] = self.updates(node) if has("updates", props) else ()
        fields["live_updates"] = self.live_updates(node) if has("live_updates", props) else ()
        fields["translation_of"] = (
            next(iter(self.translations(node, "translation_of")), None)
            if has("translation_of", props)
            else None
        )
        fields["translations"] = (
            self.translations(node, "translations") if has("translations", props) else ()
        )

    @staticmethod
    def _has(part: str, props: KeysView[str]) -> bool:
        """Whether the article node has any property ``part`` is read from."""
        return not props.isdisjoint(_PART_READS[part])

    @property
    def own_pages(self) -> list[Node]:
        """The article's WebPage nodes: its mainEntityOfPage, and pages naming it mainEntity."""
        # Cached by hand: functools.cached_property takes a lock on every read (Python 3.11).
        if self._own_pages is None:
            pages = list(self.graph.nodes_of(self.node, [m.MAIN_ENTITY_OF_PAGE]))
            pages += [page for page in self.index.pages_about(self.node) if page not in pages]
            self._own_pages = pages
        return self._own_pages

    def _article_url(self) -> str | None:
        graph, node = self.graph, self.node
        found = self.urls(node, m.ARTICLE["url"].read, "url")
        if found:
            return found[0]
        fallbacks: list[tuple[str, str | None]] = []
        for item in graph.items(node, [m.MAIN_ENTITY_OF_PAGE]):
            target = graph.node(item)
            if isinstance(item, Literal):
                fallbacks.append((m.MAIN_ENTITY_OF_PAGE, str(item.value)))
            elif target is not None:
                fallbacks.append((m.MAIN_ENTITY_OF_PAGE, graph.text(target, ["url"])))
                fallbacks.append((m.MAIN_ENTITY_OF_PAGE, target.id))
            elif isinstance(item, Ref):
                fallbacks.append((m.MAIN_ENTITY_OF_PAGE, item.id))
        fallbacks.append(("@id", node.id and without_fragment(node.id)))
        fallbacks.append(("the page URL given as base_url", self.base_url))
        for origin, value in fallbacks:
            url = self.resolve(value) if value else None
            if url is not None and url_problem(url) is None:
                self.note("url", f"no url; taken from {origin}: {url!r}")
                return url
        return None

    def build_article(self, fields: dict[str, object]) -> Article:
        modified, skew = skew_fixed(fields.get("date_published"), fields.get("date_modified"))
        if skew is not None:
            fields["date_modified"] = modified
            self.note("date_modified", skew)
        try:
            return build(Article, {**fields, "provenance": tuple(self.notes)})
        except ValidationError as error:
            hard = [p for p in error.problems if _head(p.path) in _REQUIRED]
            if hard:
                raise ValidationError(
                    Problem(
                        path=join_path(self.graph.path(self.node), m.ARTICLE[_head(p.path)].prop),
                        message=p.message,
                    )
                    for p in hard
                ) from None
            for problem in error.problems:
                # e.g. a dateModified before datePublished: keep the rest of the article.
                fields.pop(_head(problem.path), None)
                self.note(_head(problem.path), f"{problem.message}; not read")
        return build(Article, {**fields, "provenance": tuple(self.notes)})

    def word_count(self, fields: Mapping[str, object]) -> int | None:
        count, body, language = fields["word_count"], fields["body"], fields["language"]
        if (
            isinstance(count, int)
            and isinstance(body, str)
            and count == _count_words(body, lang=language if isinstance(language, str) else None)
        ):
            return None  # derived from the body, as the writer does: nothing to keep
        return count if isinstance(count, int) else None

    def check_time_required(self) -> None:
        text = self.graph.text(self.node, [m.TIME_REQUIRED])
        if text is not None and parse_iso_duration(text) is None:
            self.note(
                "word_count",
                f"timeRequired {text!r} is not an ISO 8601 duration; not used "
                "(reading time is always derived from the text)",
            )

    # --- nested items ----------------------------------------------------------------------

    def images(self) -> tuple[Figure | None, tuple[Figure, ...]]:
        items = list(self.graph.items(self.node, m.ARTICLE["image"].read))
        figures = [self.figure(item, f"image[{n}]") for n, item in enumerate(items)]
        found = tuple(figure for figure in figures if figure is not None)
        if not found:
            return None, ()
        first = self.graph.node(items[figures.index(found[0])])
        if first is not None and self.flag(first, [m.REPRESENTATIVE_OF_PAGE]) is False:
            return None, found  # renditions only: the page has no hero image
        return found[0], found[1:]

    def figures(self) -> tuple[Figure, ...]:
        ordered = []
        for index, node in enumerate(self.graph.nodes_of(self.node, m.ARTICLE["figures"].read)):
            if not self.is_media(node):
                continue  # audio is not a figure
            figure = self.figure(node, f"figures[{index}]")
            if figure is not None:
                ordered.append((self.position(node), index, figure))
        return tuple(figure for *_, figure in sorted(ordered, key=_order))

    def sources(self) -> tuple[SourceNote, ...]:
        ordered: list[tuple[float, int, SourceNote]] = []
        for role, prop in m.SOURCE_ROLES.items():
            for index, item in enumerate(self.graph.items(self.node, [prop])):
                path = f"sources.{prop}[{index}]"
                node = self.graph.node(item)
                if node is None:
                    self.note(
                        path, f"{describe(item)} is not a document with a name and URL; not read"
                    )
                    continue
                fields = self.scalars(m.SOURCE, node, path)
                fields["title"] = fields["title"] or self.graph.text(node, ["headline"])
                fields["role"] = role
                source = self.build(SourceNote, fields, path)
                if source is not None:
                    ordered.append((self.position(node), len(ordered), source))
        return tuple(source for *_, source in sorted(ordered, key=_order))

    def related(self) -> tuple[RelatedRead, ...]:
        """Related reads: the nodes of the URLs the page lists in ``relatedLink``.

        Written as WebPage nodes; Article nodes (newspkg's earlier shape, and many pages')
        are read too. A link may be text or, after a JSON-LD tool applied the published
        schema.org context (which makes relatedLink an ``@id``), a reference.
        """
        graph = self.graph
        pages = [*self.own_pages, self.node]
        if all(_RELATED_PROP not in page.props for page in pages):
            return ()  # most pages list none: no links, so no candidates and no note
        links = {
            url
            for page in pages
            for url in (self.resolve(text) for text in related_links(graph, page))
            if url is not None
        }
        ordered = []
        # Matched without notes: the bad URLs of the page's other articles are no concern
        # of this one; a related read's own are noted when it is read.
        candidates, cut = self.index.related_candidates(links, self._first_url)
        for index, node in candidates:
            if node is self.node or node in pages:
                continue
            if not self.index.spend(1):
                cut = True
                break
            read = self.build(RelatedRead, self.scalars(m.RELATED, node, "related"), "related")
            if read is not None:
                ordered.append((self.position(node), index, read))
        if cut:
            self.note(
                "related",
                "not every related read was read: the document links more related reads "
                "than its size allows (see the limits in the docs)",
            )
        return tuple(read for *_, read in sorted(ordered, key=_order))

    def _first_url(self, node: Node) -> str | None:
        """The node's first usable URL, resolved; unusable ones are skipped without a note."""
        for item in self.graph.items(node, m.RELATED["url"].read):
            text = self.url_text(item)
            url = self.resolve(text) if text else None
            if url is not None and url_problem(url) is None:
                return url
        return None


def _context_hint(source: str | bytes | JsonValue) -> str:
    """A hint when the document has no ``@context`` at all, the usual cause of no article."""
    try:
        data = load_json(source) if isinstance(source, str | bytes) else source
    except NewspkgError:
        return ""
    items = data if isinstance(data, list) else [data]
    if any(isinstance(item, dict) and "@context" in item for item in items):
        return ""
    return (
        ": the document has no @context, so its terms are not schema.org's; "
        'add "@context": "https://schema.org"'
    )


def _kind(types: list[str]) -> ArticleKind:
    """The kind of the most specific Article type named (most ancestors wins)."""
    known = [name for name in types if name in _TYPE_KINDS]
    if not known:
        return ArticleKind.ARTICLE
    return _TYPE_KINDS[max(known, key=KIND_DEPTHS.__getitem__)]


_RELATED_TYPES: Final = ARTICLE_TYPES | WEB_PAGE_TYPES


def related_links(graph: Graph, node: Node) -> Iterator[str]:
    """The URLs ``node`` lists in ``relatedLink``, as text or as ``@id`` references."""
    for item in graph.items(node, [_RELATED_PROP]):
        if isinstance(item, Literal) and not isinstance(item.value, bool):
            text = str(item.value).strip()
        elif isinstance(item, Ref):
            text = item.id
        elif isinstance(item, Node):
            text = graph.text(item, ["url"]) or item.id or ""
        else:
            text = ""
        if text:
            yield text


def _head(path: str) -> str:
    return path.split(".", 1)[0].split("[", 1)[0]


def _order(entry: tuple[float, int, object]) -> tuple[float, int]:
    return entry[0], entry[1]


prepare(tables=(m.ARTICLE, m.SOURCE, m.RELATED), models=(Article, SourceNote, RelatedRead))
# The keys and types the reader reads (nested values' keys as `values` writes them).
prepare_names(
    properties=[
        *(
            prop
            for table in (m.ARTICLE, m.AUTHOR, m.PUBLISHER, m.FIGURE, m.VIDEO, m.SITE, m.CRUMB)
            for term in table.values()
            for prop in term.read
        ),
        *(
            prop
            for table in (m.CORRECTION, m.LIVE_UPDATE, m.TRANSLATION, m.SOURCE, m.RELATED)
            for term in table.values()
            for prop in term.read
        ),
        m.MAIN_ENTITY_OF_PAGE,
        m.MAIN_ENTITY,
        m.PRIMARY_IMAGE_OF_PAGE,
        m.REPRESENTATIVE_OF_PAGE,
        m.POSITION,
        m.VIDEO_THUMBNAIL,
        m.LIST_ELEMENT,
        m.TIME_REQUIRED,
        "value",
        "unitCode",
        "interactionType",
        "userInteractionCount",
    ],
    types=[
        *ARTICLE_TYPES,
        *WEB_PAGE_TYPES,
        *BREADCRUMB_TYPES,
        *m.AUTHOR_TYPES.values(),
        *m.PUBLISHER_TYPES.values(),
        m.IMAGE_TYPE,
        m.VIDEO_TYPE,
        m.SOURCE_TYPE,
        m.WEB_SITE_TYPE,
        m.LIST_ITEM_TYPE,
        m.CORRECTION_TYPE,
        m.UPDATE_TYPE,
        m.PLACE_TYPE,
        m.ORGANIZATION_TYPE,
        m.KEYWORD_TYPE,
        m.PIXELS_TYPE,
        m.COUNTER_TYPE,
        m.WRITE_ACTION_TYPE,
    ],
)


def _count_words(text: str, *, lang: str | None) -> int:
    """`count_words`, imported on first use.

    Only a document with both a body and a word count needs it, and its import (`regex` and
    the compiled word patterns) is most of what ``newspkg jsonld`` would otherwise load
    before reading anything. ``newspkg.from_jsonld`` still imports it with the reader
    (`newspkg._FIRST_CALL_NEEDS`), so a library's first call stays quick.
    """
    from newspkg._readtime.words import count_words  # noqa: PLC0415

    return count_words(text, lang=lang)
