"""Where the page's head corrects its JSON-LD: a headline that is not the title, a cut description.

JSON-LD comes first (see `docs/html.md`), but two of its text fields are often not what the
page says, and the page's own head and body show it:

- **The headline.** schema.org gives an article both a ``headline`` and a ``name``, and most
  pages set them to the same text. Some do not, and then the ``headline`` is not always the
  title: Wikipedia writes the Wikidata description there ("constitutional monarchy in
  Oceania") and the title in ``name`` ("New Zealand"). When the ``headline`` is none of the
  page's own titles (its ``<title>`` without its site name, ``og:title``/``twitter:title``,
  ``<h1>``) and the same item's ``name`` is one of them, the ``name`` is the headline
  (`headline_by_name`). A ``headline`` that the page contradicts with no ``name`` to take
  instead is kept: newspkg does not guess (CNN's ``headline`` and ``<h1>`` agree against an
  SEO ``<title>``).
- **The description.** A CMS often fills the JSON-LD ``description`` with a teaser cut at a
  fixed length and ended with "..." or "…", while its ``og:description`` or ``<meta
  name="description">`` has more of the same text. When a head description starts with the
  JSON-LD one (its ellipsis left out) and is longer, it is the description
  (`description_in_full`).

Each change is noted, with the JSON-LD's value.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from newspkg._html.cut_texts import DESCRIPTION_TAGS, fuller_text
from newspkg._html.json_walk import json_objects
from newspkg._html.meta_families import title_without_site
from newspkg._html.meta_values import unescape_twice
from newspkg._html.page_meta import PageMeta
from newspkg._html.site_names import site_names
from newspkg._jsonld.processing import JsonValue
from newspkg._models import Article, ProvenanceNote

__all__ = ["description_in_full", "headline_by_name"]

_TITLE_TAGS: Final = ("og:title", "twitter:title")
_MAX_NODES: Final = 10_000  # the walk over the page's JSON is bounded, as every walk is


def headline_by_name(
    article: Article, documents: Iterable[JsonValue], page: PageMeta, notes: list[ProvenanceNote]
) -> Article:
    """``article`` with its JSON-LD ``name`` as headline when the page shows that as its title.

    The ``headline`` must be none of the page's titles (see the module docstring); the
    change is noted in ``notes``. The ``name`` is read as the page's titles are: HTML
    entities left by double escaping decoded, white space collapsed.
    """
    headline = _plain(article.headline)
    sites = site_names(page)
    titles = {_plain(text) for text in _head_titles(page, sites)}
    if headline in titles:
        return article  # the common case, decided without reading the body or the JSON
    titles |= {_plain(text) for text in _body_titles(page, sites)}
    if headline in titles:
        return article
    # A name that is the site's own ("Example News", the logo <h1>) is not the article's title.
    names = (name for name in _names_of(documents, headline) if _plain(name) not in sites)
    name = next((name for name in names if _plain(name) in titles), None)
    if name is None:
        return article
    notes.append(
        ProvenanceNote(
            field="headline",
            source="jsonld",
            detail=f"the JSON-LD headline {article.headline!r} is not the page's title "
            f"(its <title>, og:title or <h1>); its name {name!r} is, and was read instead",
        )
    )
    return attrs.evolve(article, headline=name)


def description_in_full(article: Article, page: PageMeta, notes: list[ProvenanceNote]) -> Article:
    """``article`` with a head description in place of a JSON-LD one that is a cut teaser of it.

    The JSON-LD ``description`` must end with an ellipsis, and the head's (``og:description``,
    ``twitter:description``, ``<meta name="description">``, the longest that qualifies) must
    start with the rest of it and be longer: the same text, less cut.
    """
    description = article.description
    if description is None:
        return article
    others = [(key, text) for key in DESCRIPTION_TAGS for text in page.tags.get(key, ())[:1]]
    fuller = fuller_text(description, others, marked_only=True)
    if fuller is None:
        return article
    key, text = fuller
    notes.append(
        ProvenanceNote(
            field="description",
            source=f"meta {key}",
            detail=f"the JSON-LD description {description!r} is cut short; the page's {key} "
            "has more of the same text, and was read instead",
        )
    )
    return attrs.evolve(article, description=text)


def _head_titles(page: PageMeta, sites: frozenset[str]) -> Iterator[str]:
    """The head's titles, each whole and without its site name when one can be told."""
    for text in _own_titles(page):
        yield text
        cut = title_without_site(text, sites, ())
        if cut is not None:
            yield cut


def _body_titles(page: PageMeta, sites: frozenset[str]) -> Iterator[str]:
    """The ``<h1>`` texts, and the head's titles cut where an ``<h1>`` tells the site part."""
    headings = page.markup.headings
    yield from headings
    for text in _own_titles(page):
        cut = title_without_site(text, sites, headings)
        if cut is not None:
            yield cut


def _own_titles(page: PageMeta) -> list[str]:
    """The first ``og:title`` and ``twitter:title``, and the ``<title>``: the head's titles."""
    titles = [text for key in _TITLE_TAGS for text in page.tags.get(key, ())[:1]]
    return [*titles, page.title] if page.title else titles


def _names_of(documents: Iterable[JsonValue], headline: str) -> Iterator[str]:
    """The ``name`` of each JSON item whose ``headline`` is ``headline`` (plain-compared)."""
    for item in json_objects(documents, _MAX_NODES):
        text, name = item.get("headline"), item.get("name")
        if isinstance(text, str) and isinstance(name, str) and _plain(text) == headline:
            cleaned = _cleaned(name)
            if cleaned:
                yield cleaned


def _cleaned(text: str) -> str:
    """``text`` as a headline is kept: entities escaped twice decoded, white space collapsed."""
    return " ".join(unescape_twice(text)[0].split())


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
