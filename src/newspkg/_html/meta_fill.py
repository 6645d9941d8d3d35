"""Filling an article from the page's head: the fallbacks, and the article from the head alone.

`with_meta_fallbacks` fills the fields a JSON-LD, microdata or RDFa article leaves empty from
the page's tags and markup (`meta_values`), never overriding one, except where the head is
the better source (a markup article's headline, description and date); it also cleans the
structured text as pages need (entities escaped twice, bylines in author names, all-capitals
names). `article_from_meta` builds the article from the head alone, for a page whose only
article signals are its tags and markup. Every filled or set-aside value is noted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from newspkg._html.article_signals import ArticleSignals
from newspkg._html.meta_values import meta_values, unescape_twice
from newspkg._html.page_meta import MetaValue, PageMeta
from newspkg._html.site_names import site_names
from newspkg._models import Article, ArticleKind, ProvenanceNote
from newspkg._names import cleaned_authors, recased_authors
from newspkg._validation import url_problem
from newspkg.errors import NoArticleError, ValidationError

__all__ = ["article_from_meta", "with_meta_fallbacks"]


_FILLABLE: Final = (
    "url",
    "headline",
    "description",
    "authors",
    "publisher",
    "date_published",
    "date_modified",
    "section",
    "keywords",
    "language",
    "image",
)


def with_meta_fallbacks(article: Article, page: PageMeta, notes: list[ProvenanceNote]) -> Article:
    """``article`` with its empty fields filled from the page's tags, never overriding one."""
    syntax = _markup_syntax(article)
    article = _page_url_first(_unescaped(article, notes, page, source=syntax or "jsonld"), page)
    if syntax is not None:
        article = _head_over_markup(article, page, notes, syntax)
    article = _recased(article, page, notes, source=syntax or "jsonld")
    fills: dict[str, MetaValue] = {}
    empty = [field for field in _FILLABLE if getattr(article, field) in (None, ())]
    for field, found in meta_values(page, only=empty).items():
        if found.value is None:
            notes.append(_set_aside(found, found.problem or "no usable value"))
        else:
            fills[field] = found

    def build(values: dict[str, Any]) -> Article:
        return attrs.evolve(article, **values)

    where = {"microdata": "microdata", "rdfa": "RDFa"}.get(syntax or "", "JSON-LD")
    return _settle(build, fills, notes, why=f"not in the {where}")


def _page_url_first(article: Article, page: PageMeta) -> Article:
    """``article`` at the page's own address when its JSON-LD gave no ``url``.

    The order is: the JSON-LD ``url``; the canonical link; ``og:url``; the JSON-LD
    ``mainEntityOfPage`` (or ``@id``); the ``url`` argument. The JSON-LD reader already
    applied its part of it; the page's own tags come before its fallbacks.
    """
    fallback = next(
        (
            note
            for note in article.provenance
            if note.field == "url"
            and note.source in {"jsonld", "microdata", "rdfa"}
            and note.detail.startswith("no url")
        ),
        None,
    )
    if fallback is None:
        return article
    syntax = {"jsonld": "JSON-LD", "microdata": "microdata", "rdfa": "RDFa"}[fallback.source]
    og_url = page.first("og:url")
    for source, address in (
        ("the page's canonical link", page.canonical),
        ("the page's og:url", None if og_url is None else page.resolve(og_url[1])),
    ):
        if address and url_problem(address) is None:
            if address == article.url:
                return article
            note = ProvenanceNote(
                field="url",
                source="link canonical" if "canonical" in source else "meta og:url",
                detail=f"no url in the {syntax}; taken from {source} "
                f"(before the {syntax}'s fallback {article.url!r})",
            )
            kept = tuple(n for n in article.provenance if n is not fallback)
            return attrs.evolve(article, url=address, provenance=(*kept, note))
    return article


_HEAD_FIRST: Final = ("headline", "description", "date_published")


def _markup_syntax(article: Article) -> str | None:
    """``microdata`` or ``rdfa`` when the article was read from that markup, else None."""
    first = article.provenance[0] if article.provenance else None
    if first is not None and first.field == "kind" and first.source in {"microdata", "rdfa"}:
        return first.source
    return None


def _head_over_markup(
    article: Article, page: PageMeta, notes: list[ProvenanceNote], syntax: str
) -> Article:
    """A markup article with its headline, description and published date from the head.

    Microdata and RDFa mark up the visible page (an ``<h1>``, a teaser cut with "...", a
    date printed by the theme, often the update's), while the head's tags (``og:title``,
    ``og:description``, ``article:published_time``, ...) are what the publisher declares
    for the whole article. So, for these three fields, a head tag wins over the markup, as
    ``og:title`` already wins over ``<meta itemprop="headline">``; each replacement is noted
    with the markup's value. The ``<title>``, ``<h1>`` and ``<time>`` fallbacks do not.
    """
    changes: dict[str, Any] = {}
    for field, found in meta_values(page, only=_HEAD_FIRST).items():
        ours = getattr(article, field)
        if (
            found.value is None
            or ours is None
            or not found.source.startswith("meta ")
            or found.source.startswith("meta itemprop:")
            or found.value == ours
        ):
            continue
        changes[field] = found.value
        notes.append(
            ProvenanceNote(
                field=field,
                source=found.source,
                detail=f"taken from {found.where} rather than the {syntax} value {str(ours)!r} "
                "(the head's tags come before microdata and RDFa for this field)",
            )
        )
    return attrs.evolve(article, **changes) if changes else article


def _recased(
    article: Article, page: PageMeta, notes: list[ProvenanceNote], *, source: str
) -> Article:
    """``article`` with all-capitals author names spelled as the page's tags or byline have them."""
    if not any(author.name.isupper() for author in article.authors):
        return article
    found = meta_values(page, only=["authors"]).get("authors")
    if found is None or not isinstance(found.value, tuple):
        return article
    authors, remarks = recased_authors(article.authors, [a.name for a in found.value])
    if not remarks:
        return article
    notes.extend(
        ProvenanceNote(field="authors", source=source, detail=f"{r} ({found.where})")
        for r in remarks
    )
    return attrs.evolve(article, authors=authors)


def _unescaped(
    article: Article, notes: list[ProvenanceNote], page: PageMeta, *, source: str
) -> Article:
    """``article`` with its JSON-LD text cleaned as pages need it, each change noted.

    Entities that were escaped twice are decoded; byline-like author names are cleaned
    (see `cleaned_authors`). `from_jsonld` keeps names as written, so round trips hold.
    """
    changes: dict[str, Any] = {}
    for field in ("headline", "description"):
        value = getattr(article, field)
        if value is not None:
            text, remark = unescape_twice(value)
            if remark is not None and text.strip():
                changes[field] = text
                notes.append(ProvenanceNote(field=field, source=source, detail=remark))
    sites = site_names(page)
    if article.publisher is not None:
        sites |= {article.publisher.name.casefold()}
    authors, remarks = cleaned_authors(article.authors, sites=sites)
    if remarks:
        changes["authors"] = authors
        notes.extend(ProvenanceNote(field="authors", source=source, detail=r) for r in remarks)
    return attrs.evolve(article, **changes) if changes else article


def article_from_meta(
    page: PageMeta, notes: list[ProvenanceNote], signals: ArticleSignals
) -> Article:
    """An article built from the page's tags and markup alone."""
    found = meta_values(page)
    fills = {field: value for field, value in found.items() if value.value is not None}
    notes.extend(
        _set_aside(value, value.problem or "") for value in found.values() if value.value is None
    )
    missing = [field for field in ("url", "headline") if field not in fills]
    if missing:
        raise NoArticleError(
            f"the page has no JSON-LD article, and its tags and markup give no "
            f"{' or '.join(missing)} ({signals.describe()})",
            path="",
        )
    notes.append(
        ProvenanceNote(
            field="kind",
            source="page signals",
            detail=f"the page has no JSON-LD article; read as an article from its "
            f"{signals.describe()}",
        )
    )

    def build(values: dict[str, Any]) -> Article:
        return Article(kind=ArticleKind.ARTICLE, **values)

    return _settle(build, fills, notes, why="the page has no JSON-LD article")


def _settle(
    build: Callable[[dict[str, Any]], Article],
    fills: dict[str, MetaValue],
    notes: list[ProvenanceNote],
    *,
    why: str,
) -> Article:
    """Build the article from the fills, setting aside each one the model refuses."""
    while True:
        try:
            article = build({field: found.value for field, found in fills.items()})
        except ValidationError as error:
            refused = {_top_field(problem.path): problem for problem in error.problems}
            if not refused.keys() & fills.keys() or refused.keys() & {"url", "headline"}:
                raise NoArticleError(error.problems) from None
            notes.extend(
                _set_aside(fills.pop(field), refused[field].message)
                for field in sorted(refused.keys() & fills.keys())
            )
            continue
        filled = [
            ProvenanceNote(
                field=field,
                source=found.source,
                detail=f"{why}; taken from {found.where}"
                + (f"; {found.problem}" if found.problem else ""),
            )
            for field, found in fills.items()
        ]
        return attrs.evolve(article, provenance=(*article.provenance, *notes, *filled))


def _set_aside(found: MetaValue, reason: str) -> ProvenanceNote:
    return ProvenanceNote(
        field=found.field, source=found.source, detail=f"not used: {reason or 'unusable'}"
    )


def _top_field(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]
