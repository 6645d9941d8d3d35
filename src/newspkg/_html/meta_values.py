"""Article fields from the page head's tags, by the precedence table: `meta_values`.

Each field is read from the tag keys `meta_families.PRECEDENCE` lists, best first, then from
the page's markup where the tags give nothing (``<title>``, ``<h1>``, ``<time datetime>``);
authors are read by `meta_authors`. `newspkg.from_html` uses these to fill what the JSON-LD
lacks, or to build the article from the head alone.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Final

import attrs

from newspkg._dates import parse_date
from newspkg._html.cut_texts import DESCRIPTION_TAGS, fuller_text
from newspkg._html.meta_authors import meta_authors
from newspkg._html.meta_families import PRECEDENCE, squeezed_name, title_without_site
from newspkg._html.page_meta import MetaValue, PageMeta
from newspkg._html.site_names import site_names
from newspkg._jsonld.values import whole_number
from newspkg._models import Date, Figure, Publisher, PublisherKind
from newspkg._urls import split_url
from newspkg._validation import MAX_COUNT, language_problem, url_problem
from newspkg._zone_names import resolve_ambiguous
from newspkg.errors import NewspkgError, ValidationError

__all__ = ["meta_values", "unescape_twice"]


def meta_values(page: PageMeta, *, only: Iterable[str] | None = None) -> dict[str, MetaValue]:
    """Every `Article` field the page's tags give, by field name, in model order.

    Only fields with a tag appear; a tag whose content cannot be used (not a URL, not a
    date) appears with ``problem`` set, so callers can say why it was not used. ``only``
    limits the fields read (the page body is read only when a field needs it).
    """
    readers: dict[str, Callable[[], MetaValue | None]] = {
        "url": lambda: _url(page),
        "headline": lambda: _headline(page),
        "description": lambda: _description(page),
        "authors": lambda: meta_authors(page),
        "publisher": lambda: _publisher(page),
        "date_published": lambda: _date(
            page, "date_published", *PRECEDENCE["date_published"], markup=_published_markup(page)
        ),
        "date_modified": lambda: _date(
            page,
            "date_modified",
            *PRECEDENCE["date_modified"],
            markup=lambda: (("hatom updated", text) for text in page.markup.modified_times),
        ),
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


def _description(page: PageMeta) -> MetaValue | None:
    """The first description tag, or a head description that is the same text less cut.

    A CMS may cut ``<meta name="description">`` at a fixed length and keep the whole text
    in ``twitter:description`` (or the other way round); see `fuller_text`.
    """
    found = _text(page, "description", *PRECEDENCE["description"])
    if found is None or not isinstance(found.value, str):
        return found
    key = found.source.removeprefix("meta ")
    others = [
        (other, text)
        for other in DESCRIPTION_TAGS
        if other != key
        for text in page.tags.get(other, ())[:1]
    ]
    fuller = fuller_text(found.value, others, marked_only=False)
    if fuller is None:
        return found
    other, text = fuller
    fuller_value, remark = unescape_twice(text)
    cut = f"its {key} {found.value!r} is cut short; the {other} has more of the same text"
    return MetaValue(
        field="description",
        source=f"meta {other}",
        value=fuller_value,
        problem=cut if remark is None else f"{cut}; {remark}",
    )


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
        if heading and _names_the_site(page.title, sites | _plain_set(page.markup.home_names)):
            why = f"the page's <title> {page.title!r} is the site's name, not the article's"
            return MetaValue(field="headline", source="h1", value=heading, problem=why)
        found = MetaValue(field="headline", source="title", value=page.title)
    if found is None and heading:
        return MetaValue(field="headline", source="h1", value=heading)
    if found is None or not isinstance(found.value, str):
        return found
    cut = title_without_site(found.value, sites, page.markup.headings)
    if cut is None:
        return found
    return attrs.evolve(found, value=cut, problem=f"cut the site name from {found.value!r}")


def _plain_set(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(text.split()).casefold() for text in texts)


def _names_the_site(title: str, sites: frozenset[str]) -> bool:
    """Whether a whole ``<title>`` is a site name (as written, or as a host spells it)."""
    plain = " ".join(title.split()).casefold()
    squeezed = squeezed_name(plain)
    return plain in sites or (squeezed != "" and squeezed in {squeezed_name(s) for s in sites})


def _url(page: PageMeta) -> MetaValue | None:
    og_url = page.first("og:url")
    candidates = [
        ("link canonical", page.canonical),
        ("meta og:url", None if og_url is None else page.resolve(og_url[1])),
        ("url argument", page.url),
    ]
    return _first_valid("url", candidates, url_problem)


def _published_markup(page: PageMeta) -> Callable[[], Iterator[tuple[str, str]]]:
    """The body's published dates, best first, each part of the page read only when reached.

    ``<time datetime>`` in the article or byline; an hAtom ``abbr.published`` title; the
    text of a ``<time>`` without ``datetime``; a date printed in a byline text.
    """

    def dates() -> Iterator[tuple[str, str]]:
        markup = page.markup
        yield from (("time datetime", text) for text in markup.times)
        yield from (("hatom published", text) for text in markup.hatom_times)
        yield from (("rdfa date property", text) for text in markup.property_times)
        yield from (("time text", text) for text in markup.printed_times)
        if markup.byline_date is not None:
            yield "byline text", markup.byline_date
        for byline in markup.text_bylines:
            if byline.date_text is not None:
                yield "byline text", byline.date_text

    return dates


def _date(
    page: PageMeta,
    field: str,
    *keys: str,
    markup: Callable[[], Iterable[tuple[str, str]]] = tuple,
) -> MetaValue | None:
    problem: MetaValue | None = None
    found = [(f"meta {key}", text) for key in keys for text in page.tags.get(key, ())]
    host = split_url(page.canonical or page.url or "")
    hints = (page.language, None if host is None else host.hostname)
    for source, text in itertools.chain(found, markup()):
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
        # Last: in an HTML document xml:lang has no effect on the language (HTML Living
        # Standard, "The lang and xml:lang attributes"), but XHTML 1.0 pages served as HTML
        # (Drupal 7's templates) declare their language only there.
        ("html xml:lang", page.xml_language),
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
