"""Consistency checks: values of one article that contradict each other, or are not plain text.

The thresholds ("far") are documented in ``docs/checks.md``:

* ``wordCount`` is far from the body's count when they differ by more than 50 words *and*
  by more than 20 % of the larger of the two;
* ``timeRequired`` is far from the body's reading time when they differ by more than two
  minutes *and* one is more than twice the other (reading speeds vary that much);
* ``dateModified`` is before ``datePublished`` when it is earlier as an instant; when only
  one of the two gives a time zone, only when earlier by more than 14 hours (the widest
  offset), and when one gives only a day, when its day is earlier.

HTML in text is found with two tight patterns, not a parser, because text may legitimately
hold ``<`` and ``&``: a tag is ``<name ...>`` or ``</name>`` for the common HTML element
names (``p``, ``br``, ``a``, ``div``, ``span``, ``strong``, ``img``, ...), or ``<!--``;
a character reference is ``&#38;``, ``&#x26;`` or a named reference HTML defines
(``&amp;``, ``&nbsp;``), with its semicolon.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from html.entities import html5
from typing import Final
from urllib.parse import urlunsplit

from newspkg._checks.document import (
    Document,
    IsoDate,
    Node,
    as_number,
    as_text,
    parse_iso_date,
)
from newspkg._checks.findings import Finding, finding
from newspkg._dates import parse_iso_duration
from newspkg._readtime.estimate import ReadingTime, reading_time
from newspkg._schemaorg.vocabulary import vocabulary
from newspkg._urls import join_url, split_url
from newspkg._validation import before, language_problem

__all__ = ["consistency_findings", "text_findings", "time_required_findings"]

WORD_COUNT_SLACK: Final = 50
WORD_COUNT_RATIO: Final = 0.2
READING_TIME_SLACK_MINUTES: Final = 2.0
READING_TIME_FACTOR: Final = 2.0
_WIDEST_OFFSET: Final = timedelta(hours=14)

_HTML_ELEMENTS: Final = (
    "a|abbr|article|b|blockquote|br|caption|cite|code|dd|del|div|dl|dt|em|figcaption|figure|"
    "font|h[1-6]|header|hr|i|iframe|img|ins|li|mark|ol|p|picture|pre|q|s|script|section|"
    "small|source|span|strong|style|sub|sup|table|tbody|td|th|thead|tr|u|ul|video"
)
_TAG: Final = re.compile(rf"</?(?:{_HTML_ELEMENTS})(?:\s[^<>]*)?/?>|<!--", re.IGNORECASE)
_REFERENCE: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TEXT_RANGES: Final = frozenset({"Text", "PronounceableText"})


def consistency_findings(article: Node, document: Document) -> Iterator[Finding]:
    """Checks between the values of one article item."""
    yield from _date_order(article)
    body = _body(article)  # counted once, for both checks below
    if body is not None:
        yield from _word_count(article, body)
        yield from _reading_time(article, body)
    yield from _url_main_entity(article, document)


# --- dates --------------------------------------------------------------------------------


def _first_date(node: Node, prop: str) -> tuple[str, str, IsoDate] | None:
    for value in node.values(prop):
        text = as_text(value.raw)
        parsed = None if text is None else parse_iso_date(text)
        if text is not None and parsed is not None:
            return value.path, text, parsed
    return None


def _date_order(article: Node) -> Iterator[Finding]:
    published = _first_date(article, "datePublished")
    modified = _first_date(article, "dateModified")
    if published is None or modified is None:
        return
    if _before(modified[2], published[2]):
        yield finding(
            "date-modified-before-published",
            modified[0],
            f"dateModified {modified[1]!r} is before datePublished {published[1]!r}",
        )


def _before(later: IsoDate, earlier: IsoDate) -> bool:
    a, b = later.value, earlier.value
    if isinstance(a, datetime) and isinstance(b, datetime):
        if later.has_zone == earlier.has_zone:
            return a < b
        return a.replace(tzinfo=None) < b.replace(tzinfo=None) - _WIDEST_OFFSET
    # A date-time without a zone names a day on some wall clock, as a date does.
    return before(_zoned_or_day(later), _zoned_or_day(earlier))


def _zoned_or_day(value: IsoDate) -> date:
    if isinstance(value.value, datetime) and not value.has_zone:
        return value.value.date()
    return value.value


# --- word count and reading time ------------------------------------------------------------


def _body(article: Node) -> ReadingTime | None:
    """The words and reading time of the article's body, when it has one.

    An HTML body is read as HTML (its text only); images are not timed, since a
    ``timeRequired`` is about the text.
    """
    texts = [t for v in article.values("articleBody") if (t := as_text(v.raw))]
    if not texts:
        return None
    language = next((t for v in article.values("inLanguage") if (t := as_text(v.raw))), None)
    if language is not None and language_problem(language) is not None:
        language = None  # not a tag ("Deutsch, German"): the body's script tells instead
    return reading_time("\n\n".join(texts), lang=language, images=0)


def _word_count(article: Node, body: ReadingTime) -> Iterator[Finding]:
    declared_value = article.first("wordCount")
    if declared_value is None:
        return
    declared = as_number(declared_value.raw)
    counted = body.words
    if declared is None or counted == 0:
        return
    difference = abs(declared - counted)
    if difference > WORD_COUNT_SLACK and difference > WORD_COUNT_RATIO * max(declared, counted):
        yield finding(
            "word-count-mismatch",
            declared_value.path,
            f"wordCount is {declared:,.0f} but articleBody has {counted:,} words: recompute "
            "wordCount, or publish the whole text in articleBody",
        )


def time_required_findings(document: Document) -> Iterator[Finding]:
    """``timeRequired`` values anywhere that are not ISO 8601 durations."""
    for node in document.nodes:
        for value in node.values("timeRequired"):
            text = as_text(value.raw)
            if text is not None and parse_iso_duration(text) is None:
                shown = "empty" if not text.strip() else repr(text)
                yield finding(
                    "time-required-not-iso8601",
                    value.path,
                    f"timeRequired is {shown}, not an ISO 8601 duration: write e.g. PT5M",
                )


def _reading_time(article: Node, body: ReadingTime) -> Iterator[Finding]:
    declared_value = article.first("timeRequired")
    if declared_value is None:
        return
    text = as_text(declared_value.raw)
    seconds = None if text is None else parse_iso_duration(text)
    if seconds is None:
        return
    declared = seconds / 60
    estimate = body.duration.total_seconds() / 60
    if estimate <= 0:
        return
    far = abs(declared - estimate) > READING_TIME_SLACK_MINUTES and (
        max(declared, estimate) > READING_TIME_FACTOR * min(declared, estimate)
    )
    if far:
        yield finding(
            "time-required-mismatch",
            declared_value.path,
            f"timeRequired is {_minutes(declared)} but articleBody reads in "
            f"{_minutes(estimate)}: recompute timeRequired, or publish the whole text",
        )


def _minutes(minutes: float) -> str:
    return "less than a minute" if minutes < 1 else f"about {minutes:.0f} min"


# --- url and mainEntityOfPage ---------------------------------------------------------------


def _url_main_entity(article: Node, document: Document) -> Iterator[Finding]:
    url_value = article.first("url")
    page_value = article.first("mainEntityOfPage")
    if url_value is None or page_value is None:
        return
    url = as_text(url_value.raw)
    page = _page_address(page_value.raw, document)
    if url is None or page is None or not _is_address(url) or not _is_address(page):
        return
    if _normal(url, page) != _normal(page, url):
        yield finding(
            "url-main-entity-mismatch",
            page_value.path,
            f"mainEntityOfPage names {page!r} but url is {url!r}: make both the canonical URL",
        )


def _page_address(raw: object, document: Document) -> str | None:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, dict):
        node = document.node(raw)
        ident = raw.get("@id")
        if isinstance(ident, str):
            return ident
        if node is not None:
            url = node.first("url")
            return None if url is None else as_text(url.raw)
    return None


def _is_address(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith(("http://", "https://", "/")) and " " not in stripped


def _normal(url: str, other: str) -> str:
    """Compare form: resolved against the other, fragment and trailing slash dropped."""
    resolved = join_url(other.strip(), url.strip())
    parts = None if resolved is None else split_url(resolved)
    if resolved is None or parts is None:
        return url.strip()  # not a URL urllib can parse: compared as written
    port = parts.port
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    netloc = host if port in (None, default) else f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, ""))


# --- HTML in text ---------------------------------------------------------------------------


def text_findings(document: Document) -> Iterator[Finding]:
    """Text values anywhere in the document that hold HTML tags or character references."""
    vocab = vocabulary()
    for node in document.nodes:
        for prop in node.properties:
            if prop.name is None or not vocab.range_of(prop.name) & _TEXT_RANGES:
                continue
            for value in prop.values:
                text = as_text(value.raw)
                if not text or ("<" not in text and "&" not in text):
                    continue
                tags = _TAG.findall(text)
                if tags:
                    yield finding(
                        "text-html-markup",
                        value.path,
                        f"{prop.name} contains HTML tags ({_examples(tags)}): write plain text",
                    )
                references = [r for r in _REFERENCE.findall(text) if _is_reference(r)]
                if references:
                    decoded = ", ".join(repr(html.unescape(r)) for r in dict.fromkeys(references))
                    yield finding(
                        "text-html-entity",
                        value.path,
                        f"{prop.name} contains HTML character references ({_examples(references)}):"
                        f" write the characters themselves ({decoded[:60]})",
                    )


def _is_reference(reference: str) -> bool:
    return reference.startswith("&#") or reference[1:] in html5


def _examples(found: list[str]) -> str:
    unique = list(dict.fromkeys(found))
    shown = ", ".join(repr(item[:40]) for item in unique[:3])
    return shown + (f" and {len(unique) - 3} more" if len(unique) > 3 else "")
