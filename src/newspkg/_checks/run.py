"""`check`: what is wrong with an article's markup, as findings an editor can act on.

The entry point reads its argument (an `Article`, a parsed JSON-LD document, JSON-LD text
or an HTML page), walks each JSON-LD document once and runs the rule families on it:
schema.org vocabulary (`newspkg._checks.vocabulary`), Google's Article recommendations
(`newspkg._checks.google`) and consistency (`newspkg._checks.consistency`). Input that
cannot be read is a finding too; `check` never raises on a bad document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Final

from newspkg._checks.consistency import (
    consistency_findings,
    text_findings,
    time_required_findings,
)
from newspkg._checks.document import read_document
from newspkg._checks.findings import Finding, Severity, finding, sort_key
from newspkg._checks.google import article_findings, date_findings
from newspkg._checks.newsroom import newsroom_findings
from newspkg._checks.page_head import head_findings
from newspkg._checks.select import Selection
from newspkg._checks.vocabulary import vocabulary_findings
from newspkg._html.page import iter_jsonld_blocks
from newspkg._jsonld.processing import JsonArray, JsonObject, JsonValue, load_json
from newspkg._jsonld.writer import to_jsonld
from newspkg._models import Article
from newspkg.errors import LimitExceededError, NewspkgError, ParseError, ValidationError

__all__ = ["check"]

_JSON_STARTS = ("{", "[", "<![CDATA[", "//", "/*")
_JSON_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_CONTROL: Final = re.compile(r"[\x00-\x1f]")
_CONTROL_NAMES: Final = {"\n": "line break", "\r": "carriage return", "\t": "tab"}


def check(
    obj: Article | JsonObject | JsonArray | str | bytes,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    min_severity: Severity | str = Severity.INFO,
) -> list[Finding]:
    """Check an article's markup against schema.org, Google's recommendations and itself.

    Args:
        obj: an `Article` (its JSON-LD, as `to_jsonld` writes it, is checked); a parsed
            JSON-LD document (a dict, or a list of them); JSON-LD text (`str` or `bytes`
            starting with ``{`` or ``[``, CDATA wrappers allowed); or an HTML page (any
            other text), whose every ``<script type="application/ld+json">`` is checked.
        select: the codes to report (``"missing-image"``) or families (``"google"``,
            ``"vocabulary"``, ``"consistency"``, ``"input"``); default every code but the
            opt-in ones (``schema-pending-term``), which are reported only when named.
        ignore: codes or families never to report.
        min_severity: the lowest severity reported (``Severity.WARNING`` or
            ``"warning"`` drops the info findings).

    Returns:
        The findings, sorted by path, then code; empty when nothing is wrong. Paths point
        into the markup as written (``@graph[1].author[0].name``); on an HTML page they
        start with the block, ``script[0]``. Input that cannot be read gives one finding
        saying why (``jsonld-invalid-json``, ``input-too-large``).

    Raises:
        ValidationError: ``obj`` is none of the above (say, a number or None), or an
            option names an unknown code, family or severity.

    Examples:
        >>> [f.code for f in check('{"@context": "https://schema.org", "@type": "NewsArticle",'
        ...                        ' "headline": "Hi", "author": "By Jane Doe"}')]
        ['missing-date-modified', 'missing-date-published', 'missing-image', 'author-name-byline-prefix', 'schema-text-for-thing']
    """  # noqa: E501
    selection = Selection.of(select=select, ignore=ignore, min_severity=min_severity)
    if isinstance(obj, Article):
        found = list(_article_findings(obj))
    elif isinstance(obj, dict | list):
        found = list(_parsed_findings(obj))
    elif isinstance(obj, str | bytes):
        found = list(_json_text_findings(obj) if _is_json_text(obj) else _html_findings(obj))
    else:
        raise ValidationError(
            "check() takes an Article, a JSON-LD document (dict or list), JSON-LD text or an "
            f"HTML page (str or bytes), got {type(obj).__name__}"
        )
    return sorted({item for item in found if selection.keeps(item)}, key=sort_key)


def _article_findings(article: Article) -> Iterator[Finding]:
    try:
        document = to_jsonld(article)
    except LimitExceededError as error:  # its JSON-LD would be too large to publish and read
        yield _unreadable(error, "$")
        return
    yield from _with_article_note(document, prefix="$")


def _is_json_text(text: str | bytes) -> bool:
    """JSON text starts with ``{``, ``[`` or a CDATA/comment wrapper; a page starts with ``<``."""
    if isinstance(text, bytes):
        head = text[:64].decode(json.detect_encoding(text[:64]), errors="replace")
    else:
        head = text[:64]
    head = head.removeprefix("\ufeff").lstrip()
    return head.startswith(_JSON_STARTS) or not head.startswith("<")


def _parsed_findings(data: JsonValue) -> Iterator[Finding]:
    try:
        load_json(data)  # checks the limits and that it is JSON data
    except ParseError as error:
        yield _unreadable(error, "$")
        return
    yield from _with_article_note(data, prefix="$")


def _json_text_findings(text: str | bytes) -> Iterator[Finding]:
    try:
        data = load_json(text)
    except ParseError as error:
        yield _unreadable(error, "$")
        return
    if isinstance(text, bytes):
        text = text.decode(json.detect_encoding(text), errors="replace")
    yield from _control_characters(text, "$")
    yield from _with_article_note(data, prefix="$")


def _control_characters(text: str, path: str) -> Iterator[Finding]:
    """A raw tab or line break inside a JSON string: tolerated here, refused by JSON.parse."""
    for string in _JSON_STRING.finditer(text):
        raw = _CONTROL.search(string.group())
        if raw is not None:
            offset = string.start() + raw.start()
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            yield finding(
                "jsonld-control-characters",
                path,
                f"a string holds a raw {_CONTROL_NAMES.get(raw.group(), 'control character')} "
                f"at line {line}, column {column}: strict JSON parsers refuse the block",
            )
            return


def _html_findings(page: str | bytes) -> Iterator[Finding]:
    try:
        blocks = list(iter_jsonld_blocks(page))
    except NewspkgError as error:
        yield _unreadable(error, "$")
        return
    if not blocks:
        yield finding(
            "html-no-jsonld", "$", 'the page has no <script type="application/ld+json"> block'
        )
        yield from head_findings(page)
        return
    articles = 0
    for block in blocks:
        if block.error is not None:
            yield _unreadable(block.error, block.path)
            continue
        yield from _control_characters(block.text, block.path)
        found, count = _document_findings(block.data, prefix=block.path)
        articles += count
        yield from found
    if not articles:
        yield _no_article("$")
    yield from head_findings(page)


def _with_article_note(data: JsonValue, *, prefix: str) -> Iterator[Finding]:
    found, articles = _document_findings(data, prefix=prefix)
    yield from found
    if not articles:
        yield _no_article(prefix)


def _document_findings(data: JsonValue, *, prefix: str) -> tuple[list[Finding], int]:
    """The findings of one JSON-LD document, and how many article items it holds."""
    document = read_document(data, prefix=prefix)
    found = [
        *document.findings,
        *vocabulary_findings(document),
        *date_findings(document),
        *time_required_findings(document),
        *text_findings(document),
        *newsroom_findings(document),
    ]
    articles = document.articles
    for article in articles:
        found.extend(article_findings(article, document))
        found.extend(consistency_findings(article, document))
    return found, len(articles)


def _no_article(path: str) -> Finding:
    return finding(
        "no-article",
        path,
        "no Article item (NewsArticle, BlogPosting, ...) found: article checks did not run",
    )


def _unreadable(error: NewspkgError, path: str) -> Finding:
    code = "input-too-large" if isinstance(error, LimitExceededError) else "jsonld-invalid-json"
    message = "; ".join(problem.message for problem in error.problems)
    return finding(code, path, message)
