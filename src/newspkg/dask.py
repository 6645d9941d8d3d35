"""Batches on a Dask cluster: archives in, a bag or dataframe of articles or findings out.

Install with ``pip install "newspkg[dask]"``. Each function takes a list of input paths
(WARC/ARC archives, JSON Lines files, or single files; local paths or fsspec URLs such as
``s3://bucket/crawl/part-00000.warc.gz``) and returns a lazy Dask collection with **one
partition per path**, so a cluster spreads the files over its workers and a failed worker
costs one file's work, which Dask redoes elsewhere. The same code runs on a
``LocalCluster`` and on any Dask cluster (Kubernetes, YARN, a cloud service): only the
client changes. Workers import newspkg once, when their first partition arrives, and reuse
it for every record after.

* `read_bag`: a bag of `newspkg.BatchResult`, exactly what `newspkg.read_batch` yields for
  the same paths, in the same order.
* `articles_frame`: one row per record: its id, source, URL, headline, date published, the
  article as native JSON, or the error or skip reason.
* `findings_frame`: one row per finding of `newspkg.check`, with the record's id.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

from newspkg._batch.read import read_batch
from newspkg._batch.records import BatchResult
from newspkg._checks.findings import finding_dict
from newspkg._native import to_json

if TYPE_CHECKING:
    import pandas as pd
    from dask.bag import Bag
    from dask.dataframe import DataFrame

__all__ = ["ARTICLE_COLUMNS", "FINDING_COLUMNS", "articles_frame", "findings_frame", "read_bag"]

ARTICLE_COLUMNS: Final = (
    "id",
    "source",
    "url",
    "headline",
    "date_published",
    "article",
    "error_type",
    "error",
    "skipped",
)
"""The columns of `articles_frame`, all text (missing values are null). ``article`` is the
native JSON of the article (`newspkg.from_json` reads it back); ``date_published`` is ISO
8601; ``error`` joins the error's messages with line breaks."""

FINDING_COLUMNS: Final = ("id", "source", "url", "severity", "code", "path", "message")
"""The columns of `findings_frame`, all text: the record, then the finding."""


def read_bag(
    paths: Iterable[str | os.PathLike[str]], *, articles: bool = True, findings: bool = False
) -> Bag:
    """A Dask bag of the `newspkg.BatchResult` of every record in ``paths``, one partition a path.

    Args:
        paths: the inputs, as for `newspkg.read_batch`.
        articles: read each record's article.
        findings: check each record's markup.
    """
    import dask.bag  # noqa: PLC0415  (the optional extra)

    names = _names(paths)
    return dask.bag.from_sequence(names, npartitions=max(len(names), 1)).map_partitions(
        _results, articles=articles, findings=findings
    )


def articles_frame(paths: Iterable[str | os.PathLike[str]]) -> DataFrame:
    """A Dask dataframe of one row per record (`ARTICLE_COLUMNS`), one partition a path."""
    import dask.dataframe  # noqa: PLC0415  (the optional extra)

    return dask.dataframe.from_map(
        _article_frame, _names(paths), meta=_empty(ARTICLE_COLUMNS), enforce_metadata=False
    )


def findings_frame(paths: Iterable[str | os.PathLike[str]]) -> DataFrame:
    """A Dask dataframe of one row per finding (`FINDING_COLUMNS`), one partition a path."""
    import dask.dataframe  # noqa: PLC0415  (the optional extra)

    return dask.dataframe.from_map(
        _finding_frame, _names(paths), meta=_empty(FINDING_COLUMNS), enforce_metadata=False
    )


# --- what runs on the workers (module-level, so tasks pickle by reference) --------------------


def _results(paths: Sequence[str], *, articles: bool, findings: bool) -> list[BatchResult]:
    # A list, not an iterator: a partition Dask retries on another worker starts afresh.
    return list(read_batch(paths, articles=articles, findings=findings))


def _article_frame(path: str) -> pd.DataFrame:
    rows = [_article_row(result) for result in read_batch([path])]
    return _frame(rows, ARTICLE_COLUMNS)


def _finding_frame(path: str) -> pd.DataFrame:
    rows = [
        (result.id, result.source, result.url, *finding_dict(found).values())
        for result in read_batch([path], articles=False, findings=True)
        for found in result.findings or ()
    ]
    return _frame(rows, FINDING_COLUMNS)


def _article_row(result: BatchResult) -> tuple[str | None, ...]:
    article = result.article
    published = (
        None if article is None or article.date_published is None else article.date_published
    )
    error = result.error
    return (
        result.id,
        result.source,
        result.url,
        None if article is None else article.headline,
        None if published is None else published.isoformat(),
        None if article is None else to_json(article, indent=None),
        None if error is None else error.type,
        None if error is None else "\n".join(error.messages),
        result.skipped,
    )


def _names(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    return [os.fspath(path) for path in paths]


def _frame(rows: Sequence[Sequence[Any]], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd  # noqa: PLC0415  (comes with dask[dataframe])

    return pd.DataFrame(list(rows), columns=list(columns), dtype="string")


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return _frame([], columns)
