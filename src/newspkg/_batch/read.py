"""`read_batch`: every document in WARC archives, JSON Lines files and folders, read and checked."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator

from newspkg._batch.inputs import iter_records
from newspkg._batch.process import process_record
from newspkg._batch.records import BatchResult
from newspkg._batch.runner import CHUNK_SIZE, ordered_map

__all__ = ["read_batch"]


def read_batch(
    paths: Iterable[str | os.PathLike[str]],
    *,
    articles: bool = True,
    findings: bool = False,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[BatchResult]:
    """Read (and check) every document in ``paths``: one `BatchResult` per record, in order.

    Results stream: memory stays bounded however large the archives. A record without a
    usable article gives a result holding the error, never an exception.

    Args:
        paths: WARC/ARC archives (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``), JSON
            Lines files (``.jsonl``, ``.ndjson``), folders, or single HTML/JSON files.
        articles: read each record's article (`newspkg.from_html`, `newspkg.from_jsonld`
            or native JSON).
        findings: check each record's markup (`newspkg.check`).
        jobs: worker processes; 1 reads in this process.
        chunk_size: records handed to a worker at a time.

    Examples:
        >>> [(result.id, result.error.type) for result in read_batch(["missing.warc.gz"])]
        [('missing.warc.gz', 'UnreadableInput')]
    """
    work = functools.partial(process_record, articles=articles, findings=findings)
    return ordered_map(work, iter_records(paths), jobs=jobs, chunk_size=chunk_size)
