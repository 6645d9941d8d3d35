"""Authors from the page head's tags and byline: `meta_authors`.

``article:author`` links pair with ``author`` names; every other source (``author``, Dublin
Core, Highwire, Parse.ly, a Twitter "Written by" label, the byline element) is display text,
cleaned by `newspkg._names.byline_names`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Final

from newspkg._html.meta_families import PRECEDENCE
from newspkg._html.meta_tags import WRITTEN_BY
from newspkg._html.page_meta import MetaValue, PageMeta
from newspkg._html.site_names import site_names
from newspkg._models import Author
from newspkg._names import byline_names
from newspkg.errors import NewspkgError

__all__ = ["meta_authors"]


def meta_authors(page: PageMeta) -> MetaValue | None:
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
    sources.append(("byline", lambda: _byline_texts(page)))
    sources.append(("byline text", lambda: _text_byline_names(page)))
    sites = site_names(page)
    for source, texts in sources:
        authors, remarks = _named_authors(
            texts(),
            split_commas=source != "meta citation_author",
            trim=source.startswith("byline"),
            sites=sites,
        )
        if authors:
            if linked is not None and linked.problem:
                remarks.insert(0, linked.problem)
            problem = "; ".join(remarks) or None
            return MetaValue(field="authors", source=source, value=authors, problem=problem)
    return linked


def _byline_texts(page: PageMeta) -> tuple[str, ...]:
    """The first byline element's text, or every ``rel=author`` link beside it."""
    links = page.markup.author_links
    return links if len(links) > 1 else page.markup.bylines[:1]


def _text_byline_names(page: PageMeta) -> tuple[str, ...]:
    """The name in the page's first text byline that names someone ("Posted by X on ...")."""
    return next(((b.name,) for b in page.markup.text_bylines if b.name is not None), ())


def _tag_values(page: PageMeta, key: str) -> tuple[str, ...]:
    return page.tags.get(key, ())


def _named_authors(
    texts: tuple[str, ...], *, split_commas: bool, trim: bool, sites: frozenset[str]
) -> tuple[tuple[Author, ...], list[str]]:
    authors: list[Author] = []
    named: set[str] = set()  # the names read so far: a page may repeat a name many times
    remarks: list[str] = []
    for text in texts:
        found = byline_names(text, split_commas=split_commas, trim=trim, sites=sites)
        remarks.extend(found.changes)
        remarks.extend(f"set aside {part!r} (not a name)" for part in found.dropped)
        for name in found.names:
            if name not in named:
                try:
                    authors.append(Author(name=name))
                except NewspkgError as error:
                    remarks.append(f"set aside {name!r} ({error.problems[0].message})")
                else:
                    named.add(authors[-1].name)
    return tuple(authors), remarks


def _linked_authors(page: PageMeta) -> MetaValue | None:
    refs = page.tags.get("article:author", ())
    if not refs:
        return None
    names = list(page.tags.get("author", ()))
    source = "meta article:author"
    addresses = [ref for ref in refs if _is_address(ref)]
    linked_names = set(refs)  # a set: the page may give thousands of each
    spare = [name for name in names if name not in linked_names]
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
