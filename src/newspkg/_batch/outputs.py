"""What a batch writes: one JSON line per result, and the tally behind the summary line.

Each line carries the record's ``id`` and ``source`` (and ``url`` when known), then one or
more of ``article`` (native JSON), ``findings``, ``error`` (``type`` and ``messages``) or
``skipped`` (the reason), so a failed record can be found again in its archive.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import attrs

from newspkg._batch.process import UNREADABLE
from newspkg._batch.records import BatchResult
from newspkg._checks.findings import Severity, finding_dict
from newspkg._native import to_dict

__all__ = ["BatchTally", "result_dict", "result_line"]


def result_dict(result: BatchResult) -> dict[str, Any]:
    """A result as a JSON-ready dict (what `result_line` writes)."""
    line: dict[str, Any] = {"id": result.id, "source": result.source}
    if result.url is not None:
        line["url"] = result.url
    if result.article is not None:
        line["article"] = to_dict(result.article)
    if result.findings is not None:
        line["findings"] = [finding_dict(found) for found in result.findings]
    if result.error is not None:
        line["error"] = {"type": result.error.type, "messages": list(result.error.messages)}
    if result.skipped is not None:
        line["skipped"] = result.skipped
    return line


def result_line(result: BatchResult) -> str:
    """A result as one line of JSON (no newline), the format of ``newspkg batch``.

    >>> from newspkg import BatchResult
    >>> print(result_line(BatchResult(id="a.html", source="a.html", skipped="empty")))
    {"id": "a.html", "source": "a.html", "skipped": "empty"}
    """
    return json.dumps(result_dict(result), ensure_ascii=False)


@attrs.define
class BatchTally:
    """Counts over a batch's results: the summary line and the exit status."""

    records: int = 0
    articles: int = 0
    skipped: int = 0
    checked: int = 0
    errors: Counter[str] = attrs.Factory(Counter)
    severities: Counter[Severity] = attrs.Factory(Counter)

    def add(self, result: BatchResult) -> None:
        """Count one result."""
        self.records += 1
        self.articles += result.article is not None
        self.skipped += result.skipped is not None
        if result.error is not None:
            self.errors[result.error.type] += 1
        if result.findings is not None:
            self.checked += 1
        for found in result.findings or ():
            self.severities[found.severity] += 1

    @property
    def exit_code(self) -> int:
        """2 when some input could not be read, 1 on errors or error findings, else 0."""
        if self.errors[UNREADABLE]:
            return 2
        return 1 if self.errors.total() or self.severities[Severity.ERROR] else 0

    def summary(self) -> str:
        """One line: records, articles, skipped, errors by type, findings by severity.

        >>> tally = BatchTally(records=3, articles=1, skipped=1, errors=Counter(ParseError=1))
        >>> tally.summary()
        '3 records: 1 article, 1 skipped, 1 error (ParseError 1)'
        """
        parts = [_plural(self.articles, "article"), f"{self.skipped} skipped"]
        errors = self.errors.total()
        if errors:
            kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(self.errors.items()))
            parts.append(f"{_plural(errors, 'error')} ({kinds})")
        else:
            parts.append("0 errors")
        if self.checked:
            counts = ", ".join(
                f"{self.severities[severity]} {severity.value}" for severity in Severity
            )
            parts.append(f"findings: {counts}")
        return f"{_plural(self.records, 'record')}: " + ", ".join(parts)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
