"""Reading the parts of an article from JSON-LD, as the mapping table says.

People, publishers, images and videos, the site, breadcrumbs, the paywall, corrections
and update notes, live updates and translations. `PartsReader` builds each nested model
from its node with the mapping table's rows, as `newspkg._jsonld.reader` does for the
article itself. A part that cannot be built is dropped with a `ProvenanceNote`; reading a
part never raises.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo
from typing import Final

from newspkg._jsonld.graph import Graph, Item, Literal, Node, Ref
from newspkg._jsonld.values import ValueReader, prepare
from newspkg._models import (
    Author,
    AuthorKind,
    Correction,
    Crumb,
    Figure,
    LiveUpdate,
    Publisher,
    PublisherKind,
    Site,
    Translation,
    UpdateNote,
    Video,
)
from newspkg._schemaorg import mapping as m
from newspkg._schemaorg.reader_types import (
    CORRECTION_TYPES,
    NEWS_MEDIA_TYPES,
    ORGANIZATION_TYPES,
    WEB_SITE_TYPES,
)
from newspkg._schemaorg.vocabulary import vocabulary

__all__ = ["PartsReader", "describe", "with_subclasses"]


def with_subclasses(name: str) -> frozenset[str]:
    """``name`` and every schema.org type below it."""
    return vocabulary().subclasses_of(name) | {name}


_MEDIA_TYPES: Final = frozenset({m.IMAGE_TYPE, m.VIDEO_TYPE})


class PartsReader(ValueReader):
    """Reads the nested items of an article, collecting a note for every one set aside."""

    def __init__(self, graph: Graph, *, base_url: str | None, default_timezone: tzinfo) -> None:
        super().__init__(graph, base_url=base_url, default_timezone=default_timezone)
        # Publishers read from a node without a note, by node and base URL.
        self._publishers: dict[tuple[Node, str | None], Publisher] = {}

    # --- people and publishers -------------------------------------------------------------

    def people(self, node: Node, field: str) -> tuple[Author, ...]:
        found = []
        for index, item in enumerate(self.graph.items(node, m.ARTICLE[field].read)):
            author = self.author(item, f"{field}[{index}]")
            if author is not None:
                found.append(author)
        return tuple(found)

    def author(self, item: Item, path: str) -> Author | None:
        if isinstance(item, Literal):
            return self.build(Author, {"name": str(item.value)}, path)
        node = self.graph.node(item)
        if node is None:
            self.note(path, f"{describe(item)} does not resolve to a node; not read")
            return None
        kind = AuthorKind.ORGANIZATION if node.has_type(ORGANIZATION_TYPES) else AuthorKind.PERSON
        fields = self.scalars(m.AUTHOR, node, path)
        fields["kind"] = kind
        if kind is AuthorKind.ORGANIZATION:
            for name in ("job_title", "works_for", "affiliation"):
                fields.pop(name)  # only a person has these (the model refuses them)
        return self.build(Author, fields, path)

    def publisher(self, items: Iterable[Item], path: str) -> Publisher | None:
        for item in items:
            if isinstance(item, Literal):
                return self.build(Publisher, {"name": str(item.value)}, path)
            node = self.graph.node(item)
            if node is None:
                continue
            # Pages often name one organisation as the article's and the site's publisher:
            # a read that set nothing aside (so its path appears in no note) is reused.
            key = (node, self.base_url)  # the zone is fixed for a reader, the base is not
            known = self._publishers.get(key)
            if known is not None:
                return known
            notes = len(self.notes)
            found = self._publisher_of(node, path)
            if found is not None and len(self.notes) == notes:
                self._publishers[key] = found
            return found
        return None

    def _publisher_of(self, node: Node, path: str) -> Publisher | None:
        fields = self.scalars(m.PUBLISHER, node, path)
        if node.has_type(NEWS_MEDIA_TYPES):
            fields["kind"] = PublisherKind.NEWS_MEDIA_ORGANIZATION
        elif node.has_type(ORGANIZATION_TYPES) or not node.has_type({"Person"}):
            fields["kind"] = PublisherKind.ORGANIZATION
        else:
            fields["kind"] = PublisherKind.PERSON
        term = m.PUBLISHER["logo"]
        props = term.read if fields["kind"] is PublisherKind.PERSON else term.props
        fields["logo"] = next(
            (self.figure(logo, f"{path}.logo") for logo in self.graph.items(node, props)),
            None,
        )
        return self.build(Publisher, fields, path)

    # --- images and videos -----------------------------------------------------------------

    def figure(self, item: Item, path: str) -> Figure | None:
        if isinstance(item, Literal):
            url = self.url_of(item, path)
            return None if url is None else Figure(url=url)
        node = self.graph.node(item)
        if node is None:
            return None
        if node.has_type({m.VIDEO_TYPE}):
            fields = self.scalars(m.FIGURE, node, path, skip={"url"})
            fields["url"] = self.decode(
                m.Value.URL, node, [m.VIDEO_THUMBNAIL], f"{path}.{m.VIDEO_THUMBNAIL}"
            )
            fields["video"] = self.build(Video, self.scalars(m.VIDEO, node, path), path)
        else:
            fields = self.scalars(m.FIGURE, node, path)
        fields["creator"] = next(
            (
                self.author(creator, f"{path}.creator")
                for creator in self.graph.items(node, m.FIGURE["creator"].read)
            ),
            None,
        )
        return self.build(Figure, fields, path)

    def is_media(self, node: Node) -> bool:
        """Images and videos are figures; audio and other media are not."""
        return not node.types or node.has_type(_MEDIA_TYPES)

    # --- the site and the page -------------------------------------------------------------

    def site(self, holders: Iterable[Node]) -> Site | None:
        prop = m.ARTICLE["site"].prop
        for holder in holders:
            for node in self.graph.nodes_of(holder, [prop]):
                if node.has_type(WEB_SITE_TYPES):
                    return self._site(node)
        return None

    def _site(self, node: Node) -> Site | None:
        fields = self.scalars(m.SITE, node, "site")
        fields["publisher"] = self.publisher(
            self.graph.items(node, m.SITE["publisher"].read), "site.publisher"
        )
        for action in self.graph.nodes_of(node, m.SITE["search_url_template"].read):
            for target in self.graph.items(action, [m.SEARCH_TARGET]):
                entry = self.graph.node(target)
                text = (
                    self.graph.text(entry, [m.URL_TEMPLATE])
                    if entry is not None
                    else self.url_text(target)
                )
                if text:
                    fields["search_url_template"] = text
                    break
        return self.build(Site, fields, "site")

    def breadcrumbs(self, lists: Iterable[Node]) -> tuple[Crumb, ...]:
        for trail in lists:
            ordered = []
            for index, item in enumerate(self.graph.nodes_of(trail, [m.LIST_ELEMENT])):
                path = f"breadcrumbs[{index}]"
                target = next(iter(self.graph.items(item, m.CRUMB["url"].read)), None)
                target_node = None if target is None else self.graph.node(target)
                name = self.graph.text(item, ["name"]) or (
                    target_node and self.graph.text(target_node, ["name"])
                )
                url = None if target is None else self.url_of(target, f"{path}.url")
                crumb = self.build(Crumb, {"name": name, "url": url}, path)
                if crumb is not None:
                    ordered.append((self.position(item), index, crumb))
            if ordered:
                return tuple(crumb for *_, crumb in sorted(ordered, key=_order))
        return ()

    def paywalled_parts(self, node: Node) -> tuple[str, ...]:
        selectors: list[str] = []
        for part in self.graph.nodes_of(node, m.ARTICLE["paywalled_parts"].read):
            if self.flag(part, [m.ARTICLE["is_accessible_for_free"].prop]) is False:
                selectors.extend(self.graph.texts(part, [m.CSS_SELECTOR]))
        return tuple(selectors)

    # --- notes, live updates, translations ------------------------------------------------

    def corrections(self, node: Node) -> tuple[Correction, ...]:
        found = []
        for index, item in enumerate(self.graph.items(node, m.ARTICLE["corrections"].read)):
            path = f"corrections[{index}]"
            if isinstance(item, Literal):  # a correction may be plain text (or a URL)
                self.note(path, f"{describe(item)} has no date; not read")
                continue
            target = self.graph.node(item)
            if target is not None:
                correction = self.build(Correction, self.scalars(m.CORRECTION, target, path), path)
                if correction is not None:
                    found.append(correction)
        return tuple(found)

    def updates(self, node: Node) -> tuple[UpdateNote, ...]:
        found = []
        for index, target in enumerate(self.graph.nodes_of(node, m.ARTICLE["updates"].read)):
            # User comments are Comments too; only an editor's dated note has text and a date.
            if not target.has_type({m.UPDATE_TYPE}) or target.has_type(CORRECTION_TYPES):
                continue
            path = f"updates[{index}]"
            update = self.build(UpdateNote, self.scalars(m.UPDATE, target, path), path)
            if update is not None:
                found.append(update)
        return tuple(found)

    def live_updates(self, node: Node) -> tuple[LiveUpdate, ...]:
        ordered = []
        for index, target in enumerate(self.graph.nodes_of(node, m.ARTICLE["live_updates"].read)):
            path = f"live_updates[{index}]"
            fields = self.scalars(m.LIVE_UPDATE, target, path)
            fields["author"] = next(
                (
                    self.author(item, f"{path}.author")
                    for item in self.graph.items(target, m.LIVE_UPDATE["author"].read)
                ),
                None,
            )
            fields["image"] = next(
                (
                    self.figure(item, f"{path}.image")
                    for item in self.graph.items(target, m.LIVE_UPDATE["image"].read)
                ),
                None,
            )
            update = self.build(LiveUpdate, fields, path)
            if update is not None:
                ordered.append((self.position(target), index, update))
        return tuple(update for *_, update in sorted(ordered, key=_order))

    def translations(self, node: Node, field: str) -> tuple[Translation, ...]:
        found = []
        for index, target in enumerate(self.graph.nodes_of(node, m.ARTICLE[field].read)):
            path = f"{field}[{index}]"
            translation = self.build(Translation, self.scalars(m.TRANSLATION, target, path), path)
            if translation is not None:
                found.append(translation)
        return tuple(found)


def _order(entry: tuple[float, int, object]) -> tuple[float, int]:
    return entry[0], entry[1]


def describe(item: Item) -> str:
    if isinstance(item, Literal):
        return f"{item.value!r}"
    if isinstance(item, Ref):
        return f"reference {item.id!r}"
    return "a node"


# The tables and models this module reads and builds.
prepare(
    tables=(m.AUTHOR, m.PUBLISHER, m.FIGURE, m.VIDEO, m.SITE, m.CORRECTION, m.LIVE_UPDATE),
    models=(Author, Publisher, Video, Figure, Site, Crumb, Correction, UpdateNote, LiveUpdate),
)
prepare(tables=(m.TRANSLATION,), models=(Translation,))
