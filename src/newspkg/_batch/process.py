"""Turn one `BatchRecord` into its `BatchResult`: read the article, run the checks, or say why not.

`process_record` never raises: a record without a usable article gives a result with the
error's type and messages, so one bad page cannot stop a batch of millions. An exception
that is not a newspkg error is a newspkg bug; it is recorded under its own type name.
"""

from __future__ import annotations

import codecs
import functools

from newspkg._batch.records import BatchRecord, BatchResult, Content, ErrorInfo
from newspkg._checks.findings import Finding
from newspkg._checks.run import check
from newspkg._html.encoding import starts_like_html
from newspkg._html.page import MAX_HTML_SIZE, decode_html, from_html
from newspkg._jsonld.processing import JsonValue, load_json
from newspkg._jsonld.reader import from_jsonld
from newspkg._models import Article
from newspkg._native import from_dict
from newspkg._native_kind import is_native_document
from newspkg.errors import LimitExceededError, NewspkgError

__all__ = ["UNREADABLE", "error_info", "process_record"]

UNREADABLE = "UnreadableInput"
"""The error type of a result whose input could not be read at all."""


def process_record(
    record: BatchRecord, *, articles: bool = True, findings: bool = False
) -> BatchResult:
    """The result of one record: its article and/or findings, an error, or a skip reason.

    With ``articles``, the result holds the article or the error that kept it from being
    read; with ``findings``, it also holds what `newspkg.check` found (checks run on pages
    without a readable article too, which is when they matter most).
    """
    base = functools.partial(BatchResult, id=record.id, source=record.source, url=record.url)
    if record.unreadable is not None:
        return base(error=ErrorInfo(type=UNREADABLE, messages=(record.unreadable,)))
    if record.skipped is not None:
        return base(skipped=record.skipped)
    if len(record.data) > MAX_HTML_SIZE:
        too_large = LimitExceededError(f"the input is larger than {MAX_HTML_SIZE:,} bytes")
        return base(error=error_info(too_large))
    article: Article | None = None
    found: tuple[Finding, ...] | None = None
    error: ErrorInfo | None = None
    try:
        if _is_html(record):
            page = _decode(record.data, record.charset)
            if findings:
                found = tuple(check(page))
            if articles:
                article = from_html(page, url=record.url)
        else:
            document, native = _json_document(record.data)
            if findings:
                found = tuple(check(from_dict(native) if native is not None else record.data))
            if articles:
                article = _json_article(record.data, native, document, url=record.url)
    except Exception as caught:
        error = error_info(caught)
    return base(article=article, findings=found, error=error)


def error_info(error: BaseException) -> ErrorInfo:
    """An error's type name and messages (one per problem, prefixed with its path)."""
    if isinstance(error, NewspkgError):
        messages = tuple(
            problem.message if problem.path == "$" else f"{problem.path}: {problem.message}"
            for problem in error.problems
        )
    else:
        messages = (str(error) or type(error).__name__,)
    return ErrorInfo(type=type(error).__name__, messages=messages)


def _is_html(record: BatchRecord) -> bool:
    if record.content is Content.HTML:
        return True
    return starts_like_html(record.data)


def _decode(data: bytes, charset: str | None) -> str:
    """Decode a page as a browser would: BOM, then the HTTP charset, then ``<meta charset>``."""
    if charset is not None and not data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        try:
            name = codecs.lookup(charset).name
        except LookupError:
            pass  # an unknown charset label is ignored, as browsers do
        else:
            return data.decode(name, errors="replace")
    return decode_html(data)


def _json_document(data: bytes) -> tuple[JsonValue, dict[str, JsonValue] | None]:
    """The parsed document (None when it is not JSON) and, for native JSON, the same dict."""
    try:
        document = load_json(data)
    except NewspkgError:
        return None, None
    if is_native_document(document):
        return document, document
    return document, None


def _json_article(
    data: bytes, native: dict[str, JsonValue] | None, document: JsonValue, *, url: str | None
) -> Article:
    if native is not None:
        return from_dict(native)
    if document is None:
        load_json(data)  # raises the ParseError saying why the text is not JSON
    # from_jsonld reads a str as JSON text: a document that is a JSON string (valid JSON,
    # no article) must not be decoded a second time, so it goes in as a one-item array.
    return from_jsonld([document] if isinstance(document, str) else document, base_url=url)
