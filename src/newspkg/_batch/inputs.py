"""Where batch records come from: WARC/ARC archives, JSON Lines, folders and single files.

`iter_records` takes paths and yields one `BatchRecord` per document, lazily, so an archive
of any size streams through in constant memory. Inputs are told apart by name:

* ``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``: web archives, read with warcio. Each
  ``response``, ``resource`` and ``revisit`` record is one record; crawl bookkeeping
  (``warcinfo``, ``request``, ``metadata``) is not a document and gives none. Responses
  that are not 200, not HTML (or JSON) or have no payload are records with a skip reason.
* ``.jsonl``, ``.ndjson`` (optionally ``.gz``): one native or JSON-LD document a line.
* a folder: every file below it, in name order, each read by the same rules.
* anything else: one document (an HTML page or JSON, told by content).

Paths with a scheme (``s3://``, ``gs://``, ``https://``) are opened with fsspec, which must
then be installed (it comes with ``newspkg[dask]``). A file that cannot be opened, or an
archive that breaks off, gives a record saying so; reading goes on with the next input.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

import attrs

from newspkg._batch.records import BatchRecord, Content
from newspkg._html.limits import read_up_to_limit
from newspkg._html.page import MAX_HTML_SIZE

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

__all__ = ["iter_records"]

WARC_SUFFIXES: Final = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES: Final = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")

_BROKEN_OFF: Final = "the archive breaks off inside this record"
_PAGE_RECORDS: Final = frozenset({"response", "resource", "revisit"})
_HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
_JSON_TYPES: Final = frozenset({"application/ld+json", "application/json"})


def iter_records(paths: Iterable[str | os.PathLike[str]]) -> Iterator[BatchRecord]:
    """Yield every document in ``paths`` as a `BatchRecord`, one at a time.

    Args:
        paths: WARC/ARC archives, JSON Lines files, folders or single files (see the
            module's description); local paths or fsspec URLs.

    Examples:
        >>> [record.id for record in iter_records(["no/such/file.html"])]
        ['no/such/file.html']
    """
    for path in paths:
        yield from _records_of(os.fspath(path))


def _records_of(path: str) -> Iterator[BatchRecord]:
    name = path.lower()
    if "://" not in path and Path(path).is_dir():
        for folder, subfolders, files in os.walk(path):
            subfolders.sort()
            for file in sorted(files):
                yield from _records_of(os.path.join(folder, file))  # noqa: PTH118
    elif name.endswith(WARC_SUFFIXES):
        yield from _warc_records(path)
    elif name.endswith(JSONL_SUFFIXES):
        yield from _jsonl_records(path)
    else:
        yield _file_record(path)


def _open(path: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    if "://" in path:
        try:
            import fsspec  # noqa: PLC0415  (only for remote inputs)
        except ImportError:
            raise OSError(f"reading {path.split(':', 1)[0]}:// paths needs fsspec") from None
        opened: contextlib.AbstractContextManager[IO[bytes]] = fsspec.open(path, "rb")
        return opened
    return Path(path).open("rb")


def _unreadable(path: str, error: BaseException, *, record_id: str | None = None) -> BatchRecord:
    message = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return BatchRecord(id=record_id or path, source=path, unreadable=message)


def _file_record(path: str) -> BatchRecord:
    try:
        with _open(path) as stream:
            data = read_up_to_limit(stream, MAX_HTML_SIZE)
    except OSError as error:
        return _unreadable(path, error)
    return BatchRecord(id=path, source=path, data=data)


def _jsonl_records(path: str) -> Iterator[BatchRecord]:
    number = 0
    try:
        with _open(path) as raw:
            stream = gzip.open(raw) if path.lower().endswith(".gz") else raw  # noqa: SIM115
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    yield BatchRecord(id=f"{path}:{number}", source=path, data=line)
    except (OSError, EOFError, zlib.error) as error:
        yield _unreadable(path, error, record_id=f"{path}:{number + 1}" if number else None)


def _warc_records(path: str) -> Iterator[BatchRecord]:
    from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415  (import on demand)

    offset = 0
    try:
        with _open(path) as stream:
            records = ArchiveIterator(stream, arc2warc=True)
            for record in records:
                if record.rec_type in _PAGE_RECORDS:
                    found = _warc_record(path, record)
                    # The offset is known once the record is read to its end (warcio).
                    offset = records.get_record_offset()
                    yield found if found.id else attrs.evolve(found, id=f"{path}@{offset}")
                else:
                    offset = records.get_record_offset()
    except Exception as error:  # warcio, gzip and zlib raise many kinds on a broken archive
        yield _unreadable(path, error, record_id=f"{path}@{offset}+" if offset else None)


def _warc_record(path: str, record: ArcWarcRecord) -> BatchRecord:
    """The record for one WARC record (with an empty id when the archive gives none)."""
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    if record.rec_type == "revisit":
        return BatchRecord(
            id=record_id, source=path, url=url, skipped="a revisit record (no payload)"
        )
    if record.rec_type == "response":
        if record.http_headers is None:
            return BatchRecord(id=record_id, source=path, url=url, skipped="not an HTTP response")
        status = record.http_headers.get_statuscode()
        if status != "200":
            return BatchRecord(id=record_id, source=path, url=url, skipped=f"HTTP status {status}")
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media, charset = _media_type(content_type)
    if media not in _HTML_TYPES and media not in _JSON_TYPES:
        reason = f"not HTML or JSON ({media or 'no Content-Type'})"
        return BatchRecord(id=record_id, source=path, url=url, skipped=reason)
    data = record.content_stream().read(MAX_HTML_SIZE + 1)
    if len(data) <= MAX_HTML_SIZE and getattr(record.raw_stream, "limit", 0) > 0:
        # warcio stops quietly where a truncated archive ends; the record's length says so.
        return BatchRecord(id=record_id, source=path, url=url, unreadable=_BROKEN_OFF)
    content = Content.HTML if media in _HTML_TYPES else Content.SNIFF
    return BatchRecord(
        id=record_id, source=path, url=url, data=data, charset=charset, content=content
    )


def _media_type(content_type: str) -> tuple[str, str | None]:
    """The media type and charset of a ``Content-Type`` header (RFC 9110, section 8.3)."""
    media, *parameters = content_type.split(";")
    charset = None
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').strip() or None
    return media.strip().lower(), charset
