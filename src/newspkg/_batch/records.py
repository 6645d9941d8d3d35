"""What a batch holds: a `BatchRecord` per input document, a `BatchResult` per record.

A record is one page or document taken from an archive (a WARC response, a line of a JSON
Lines file, a file in a folder), with the id that finds it again: the WARC record id, the
``file:line`` of a JSON Lines document, or the file's path. Every record gives exactly one
result, so nothing in an archive is silently dropped: an article and/or findings, an error
(the record holds no usable article), or a reason the record was skipped (not HTML, not a
200 response).
"""

from __future__ import annotations

import enum

import attrs

from newspkg._checks.findings import Finding
from newspkg._models import Article

__all__ = ["BatchRecord", "BatchResult", "Content", "ErrorInfo"]


class Content(enum.Enum):
    """What a record's bytes are, when the container says so (a WARC's Content-Type)."""

    HTML = "html"
    SNIFF = "sniff"
    """Told by content: text starting with ``<`` is HTML, anything else JSON."""


@attrs.frozen(kw_only=True)
class BatchRecord:
    """One input document of a batch, with the id that finds it again.

    ``id`` is the WARC record id (``<urn:uuid:...>``), ``file:line`` for JSON Lines, or the
    file's path; ``source`` is the file it came from. ``url`` is the address the page was
    fetched from (a WARC's target URI), ``charset`` the one its HTTP ``Content-Type``
    declares. A record with a ``skipped`` reason has no data to read (not HTML, not a 200
    response) and gives a skipped result; one with an ``unreadable`` reason stands for an
    input that could not be read at all (a missing file, an archive that breaks off).
    """

    id: str
    source: str
    data: bytes = b""
    url: str | None = None
    charset: str | None = None
    content: Content = Content.SNIFF
    skipped: str | None = None
    unreadable: str | None = None


@attrs.frozen(kw_only=True)
class ErrorInfo:
    """Why a record gave no result: the error's type name and its messages."""

    type: str
    messages: tuple[str, ...]


@attrs.frozen(kw_only=True)
class BatchResult:
    """What one record gave: an article and/or findings, an error, or a skip reason.

    Exactly one of these holds: ``error`` is set (no usable article, or an input that could
    not be read at all, then ``error.type`` is ``"UnreadableInput"``); ``skipped`` is set;
    or the record was read, and ``article`` (when articles were asked for) and
    ``findings`` (when checks were asked for) are set.
    """

    id: str
    source: str
    url: str | None = None
    article: Article | None = None
    findings: tuple[Finding, ...] | None = None
    error: ErrorInfo | None = None
    skipped: str | None = None
