"""Google's Article recommendations: headline, image, dates and authors an editor can fix.

Google's Article structured data guide (developers.google.com/search/docs/appearance/
structured-data/article) recommends ``author`` (with ``name`` and ``url``),
``datePublished`` and ``dateModified`` (ISO 8601, with a time zone), ``headline`` and
``image`` (several high-resolution images of at least 50,000 pixels, in 16:9, 4:3 and 1:1),
and asks that ``author.name`` hold one name only: no job titles, no "posted by", one author
per item. The 110-character headline limit is from Google's AMP Article guidelines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newspkg._checks.document import (
    Document,
    Node,
    Value,
    as_number,
    as_text,
    parse_iso_date,
)
from newspkg._checks.findings import Finding, finding
from newspkg._dates import parse_date
from newspkg._schemaorg.vocabulary import vocabulary
from newspkg.errors import ValidationError

__all__ = ["article_findings", "date_findings"]

HEADLINE_LIMIT: Final = 110
MIN_PIXELS: Final = 50_000
ASPECT_RATIOS: Final = (("16:9", 16 / 9), ("4:3", 4 / 3), ("1:1", 1.0))
ASPECT_TOLERANCE: Final = 0.02  # 1200x675 is 16:9; 1200x630 (Open Graph's 1.91:1) is not

_RECOMMENDED: Final = (
    ("headline", "missing-headline"),
    ("image", "missing-image"),
    ("datePublished", "missing-date-published"),
    ("dateModified", "missing-date-modified"),
    ("author", "missing-author"),
)
_DATE_TYPES: Final = frozenset({"Date", "DateTime"})
_ARTICLE_DATES: Final = frozenset({"datePublished", "dateModified"})

_BYLINE_PREFIX: Final = re.compile(
    r"^\s*(?P<prefix>(?:(?:posted|written|words|story|reported|reporting|text|photos?)\s+)?by"
    r"|por|par|door)[\s:]+(?=\w)",
    re.IGNORECASE,
)
# Job and role words that turn up in author names, in the corpus's main languages.
_JOB_WORDS: Final = (
    "reporter|correspondent|editor|editor-in-chief|writer|journalist|columnist|contributor|"
    "photographer|producer|analyst|critic|anchor|staff writer|senior|chief|"
    "redakteur|redakteurin|korrespondent|korrespondentin|reporterin|autorin|"
    "periodista|redactor|redactora|corresponsal|columnista|"
    "journaliste|rédacteur|rédactrice|correspondant|correspondante|chroniqueur|"
    "giornalista|redattore|redattrice|inviato|jornalista|repórter|colunista"
)
_JOB_TITLE: Final = re.compile(rf"(?<!\w)(?:{_JOB_WORDS})(?!\w)", re.IGNORECASE)
# "and" in the languages of the corpus, and the separators pages put between names.
_NAME_SEPARATOR: Final = re.compile(
    r"\s+(?:and|und|y|e|et|en|og|och|és|ja|и|та)\s+|\s*(?:&|;|/|,)\s*", re.IGNORECASE
)
_URL_LIKE: Final = re.compile(r"^\s*(?:https?:)?//|^\s*www\.", re.IGNORECASE)


def article_findings(article: Node, document: Document) -> Iterator[Finding]:
    """Google's recommendations for one article item."""
    for prop, code in _RECOMMENDED:
        if not article.has(prop):
            yield finding(code, article.path, f"the {_kind(article)} has no {prop}")
    for value in article.values("headline"):
        text = as_text(value.raw)
        if text is not None and len(text.strip()) > HEADLINE_LIMIT:
            yield finding(
                "headline-too-long",
                value.path,
                f"headline has {len(text.strip())} characters; Google recommends at most "
                f"{HEADLINE_LIMIT}",
            )
    for prop in sorted(_ARTICLE_DATES):
        for value in article.values(prop):
            parsed = parse_iso_date(as_text(value.raw) or "")
            if parsed is not None and not parsed.has_time:
                yield finding(
                    "date-missing-time",
                    value.path,
                    f"{prop} {as_text(value.raw)!r} gives the day but not the time",
                )
    for value in article.values("author"):
        yield from _author_findings(value, document)
    yield from _image_findings(article, document)


def _kind(article: Node) -> str:
    types = article.type_names
    return types[0] if types else "article"


# --- authors ------------------------------------------------------------------------------


def _author_findings(value: Value, document: Document) -> Iterator[Finding]:
    if isinstance(value.raw, str):
        if not _URL_LIKE.match(value.raw):
            yield from _name_findings(value.raw, value.path, person=True)
        return
    node = document.node(value.raw)
    if node is None or node.is_reference:
        return  # a reference to an item defined elsewhere (or not at all)
    person = not (node.is_a("Organization") and not node.is_a("Person"))
    name = node.first("name")
    text = None if name is None else as_text(name.raw)
    if name is None or text is None:
        empty = any(as_text(v.raw) is not None for v in node.values("name"))
        message = "this author's name is empty" if empty else "this author has no name"
        yield finding("author-missing-name", node.path, message)
    else:
        yield from _name_findings(text, name.path, person=person)
    if not (node.has("url") or node.has("sameAs")):
        who = f" {text.strip()!r}" if text else ""
        yield finding(
            "author-missing-url",
            node.path,
            f"the author{who} has neither url nor sameAs: link the author's page or profiles",
        )


def _name_findings(name: str, path: str, *, person: bool) -> Iterator[Finding]:
    prefix = _BYLINE_PREFIX.match(name)
    if prefix is not None:
        yield finding(
            "author-name-byline-prefix",
            path,
            f"the author name starts with {prefix.group('prefix')!r} ({_quote(name)}): "
            "keep the name only",
        )
        name = name[prefix.end() :]
    if not person:
        return
    title = _JOB_TITLE.search(name)
    if title is not None:
        yield finding(
            "author-name-job-title",
            path,
            f"the author name includes the job title {title.group()!r} ({_quote(name)}): "
            "put it in jobTitle",
        )
    people = _people(name)
    if people > 1:
        count = {2: "two", 3: "three"}.get(people, "several")
        yield finding(
            "author-merged-names",
            path,
            f"the author name holds {count} people ({_quote(name)}): list each author separately",
        )


def _people(name: str) -> int:
    """How many people a name seems to hold: parts of two or more words, not job titles.

    Single-word parts are not counted, so "Doe, Jane", "Jane Doe, PhD" and "José Ortega y
    Gasset" stay one person (at the price of missing "Jane and John Doe").
    """
    parts = [part.strip() for part in _NAME_SEPARATOR.split(name)]
    return sum(
        1
        for part in parts
        if len(part.split()) >= 2 and not _JOB_TITLE.search(part) and any(c.isalpha() for c in part)
    )


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= 80 else text[:77] + "..."}"'


# --- images -------------------------------------------------------------------------------


def _image_findings(article: Node, document: Document) -> Iterator[Finding]:
    sizes: list[tuple[float, float]] = []
    unknown = 0
    for value in article.values("image"):
        node = document.node(value.raw)
        if node is None or node.is_reference:
            unknown += 1
            continue
        if not (node.has("url") or node.has("contentUrl")):
            yield finding("image-missing-url", node.path, "this image has no url or contentUrl")
        width = _dimension(node, "width")
        height = _dimension(node, "height")
        if width is None or height is None or width <= 0 or height <= 0:
            unknown += 1
            continue
        sizes.append((width, height))
        if width * height < MIN_PIXELS:
            yield finding(
                "image-too-small",
                node.path,
                f"the image is {_size(width, height)} = {width * height:,.0f} pixels; Google asks "
                f"for at least {MIN_PIXELS:,}",
            )
    if sizes and not unknown:
        missing = [
            label
            for label, ratio in ASPECT_RATIOS
            if not any(abs((w / h) / ratio - 1) <= ASPECT_TOLERANCE for w, h in sizes)
        ]
        if missing:
            where = next(p.path for p in article.properties if p.name == "image")
            known = ", ".join(_size(w, h) for w, h in sizes)
            yield finding(
                "image-missing-aspect-ratios",
                where,
                f"no {', '.join(missing)} rendition among the images ({known}): Google "
                "recommends 16:9, 4:3 and 1:1",
            )


def _dimension(node: Node, prop: str) -> float | None:
    value = node.first(prop)
    return None if value is None else as_number(value.raw)


def _size(width: float, height: float) -> str:
    return f"{width:g}x{height:g}"


# --- dates (every item) -------------------------------------------------------------------


def date_findings(document: Document) -> Iterator[Finding]:
    """Dates anywhere in the document that are not ISO 8601, or lack a time zone."""
    vocab = vocabulary()
    for node in document.nodes:
        for prop in node.properties:
            if prop.name is None:
                continue
            ranges = vocab.range_of(prop.name)
            if not ranges or not ranges & _DATE_TYPES or ranges - _DATE_TYPES - {"Time"}:
                continue
            for value in prop.values:
                yield from _date_value_findings(prop.name, value)


def _date_value_findings(prop: str, value: Value) -> Iterator[Finding]:
    text = as_text(value.raw)
    if text is None or not text.strip():
        return
    parsed = parse_iso_date(text)
    if parsed is None:
        yield finding(
            "date-not-iso8601",
            value.path,
            f"{prop} {text!r} is not an ISO 8601 date{_suggest_iso(text)}",
        )
    elif parsed.has_time and not parsed.has_zone:
        yield finding(
            "date-missing-timezone",
            value.path,
            f"{prop} {text!r} has a time but no time zone: add the offset (e.g. +02:00 or Z)",
        )


def _suggest_iso(text: str) -> str:
    with_t = text.strip().replace(" ", "T", 1)
    if parse_iso_date(with_t) is not None:
        return f": write {with_t!r} (a 'T' between day and time)"
    try:
        parsed = parse_date(text)
    except (ValidationError, ValueError, OverflowError):
        return ": write e.g. 2026-04-06T09:30:00+02:00"
    return f": write {parsed.isoformat()!r}"
