"""What every subcommand shares.

Reading inputs, telling their kind, the tally and the exit status, reporting problems, and
running per-input work on N processes.
"""

from __future__ import annotations

import collections
import contextlib
import enum
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final, TypeVar

import attrs
import click

from newspkg._batch.runner import ordered_map
from newspkg._html.encoding import starts_like_html
from newspkg._html.limits import MAX_HTML_SIZE, read_up_to_limit
from newspkg._jsonld.processing import JsonValue, load_json
from newspkg._jsonld.reader import from_jsonld
from newspkg._native_kind import is_native_document
from newspkg.errors import NewspkgError

if TYPE_CHECKING:
    from newspkg._checks.findings import Severity
    from newspkg._models import Article

__all__ = [
    "JOBS_OPTION",
    "JSONL_OPTION",
    "PROGRESS_THRESHOLD",
    "HeldReports",
    "Input",
    "InputKind",
    "Outcome",
    "Tally",
    "each_file",
    "echo_outcomes",
    "failure",
    "input_files",
    "kind_of",
    "load_article",
    "messages",
    "plural",
    "read_inputs",
    "report",
    "trouble",
    "with_progress",
]

PROGRESS_THRESHOLD: Final = 20
"""Runs over at least this many files show a progress bar (when stderr is a terminal)."""


class InputKind(enum.Enum):
    """What an input holds, told by its content."""

    HTML = "html"
    JSONLD = "jsonld"
    NATIVE = "native"


@attrs.frozen
class Input:
    """One input document: a file, stdin, or one line of a JSON Lines stream."""

    name: str
    data: bytes

    @property
    def looks_like_html(self) -> bool:
        """Whether the text starts with ``<`` (a CDATA-wrapped JSON block does not count)."""
        return starts_like_html(self.data)


@attrs.define
class Tally:
    """What a run did, for the summary line and the exit status."""

    inputs: int = 0
    unreadable: int = 0
    failed: int = 0
    # Only ``check`` counts findings, and only it loads the checks: the others leave these be.
    severities: collections.Counter[Severity] = attrs.Factory(collections.Counter)
    fail_on: Severity | None = None  # None: findings never fail the run

    @property
    def exit_code(self) -> int:
        """2 when some input could not be read, 1 on failures or failing findings, else 0."""
        if self.unreadable:
            return 2
        return 1 if self.failed or self._failing_findings else 0

    @property
    def _failing_findings(self) -> bool:
        if self.fail_on is None:
            return False
        from newspkg._checks.select import severity_rank  # noqa: PLC0415  (set only by check)

        least = severity_rank(self.fail_on)
        return any(n for s, n in self.severities.items() if severity_rank(s) >= least)


def _jobs(_ctx: click.Context, _param: click.Parameter, value: int) -> int:
    """``--jobs``: worker processes; 0 means one per CPU."""
    return value or os.cpu_count() or 1


JOBS_OPTION: Final = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    callback=_jobs,
    help="Worker processes (0: one per CPU); output keeps the input order.",
)

JSONL_OPTION: Final = click.option(
    "--jsonl", is_flag=True, help="Read JSON Lines: one document per line (stdin by default)."
)


# --- inputs ----------------------------------------------------------------------------------


def load_article(item: Input, *, url: str | None = None) -> Article:
    """Read the article in one input, whatever its kind.

    Raises:
        NewspkgError: the input is not well-formed, or holds no valid article.
    """
    if item.looks_like_html:
        # The HTML reader (and its parser) loads with the first page: JSON needs neither.
        from newspkg._html.page import from_html  # noqa: PLC0415

        return from_html(item.data, url=url)
    document = load_json(item.data)
    if kind_of(document) is InputKind.NATIVE:
        assert isinstance(document, dict)
        # The native reader (and cattrs) loads with the first native document, as JSON-LD
        # never needs it.
        from newspkg._native import from_dict  # noqa: PLC0415

        return from_dict(document)
    # from_jsonld reads a str as JSON text: a document that is a JSON string (valid JSON,
    # no article) must not be decoded a second time, so it goes in as a one-item array.
    return from_jsonld([document] if isinstance(document, str) else document, base_url=url)


def kind_of(document: JsonValue) -> InputKind:
    """Tell native JSON from JSON-LD (see `is_native_document`)."""
    return InputKind.NATIVE if is_native_document(document) else InputKind.JSONLD


def input_files(files: tuple[str, ...], *, jsonl: bool) -> tuple[str, ...]:
    if files:
        return files
    if jsonl:
        return ("-",)
    raise click.UsageError("Missing argument 'FILES...' (use '-' for stdin).")


def read_inputs(
    files: Iterable[str], *, jsonl: bool, tally: Tally, held: HeldReports | None = None
) -> Iterator[Input]:
    """Yield each input in turn, reporting (and counting) those that cannot be read.

    With ``held``, the reports wait there to be shown in input order among the results.
    """
    for file in files:
        name = "<stdin>" if file == "-" else file
        try:
            with open_input(file) as stream:
                if jsonl:
                    for number, line in enumerate(stream, start=1):
                        if line.strip():
                            tally.inputs += 1
                            yield _given(held, Input(f"{name}:{number}", line))
                    continue
                data = read_up_to_limit(stream, MAX_HTML_SIZE)
        except OSError as error:
            tally.unreadable += 1
            _unreadable(held, name, error.strerror or str(error))
            continue
        if len(data) > MAX_HTML_SIZE:
            tally.unreadable += 1
            _unreadable(held, name, f"larger than {MAX_HTML_SIZE:,} bytes; not read")
            continue
        tally.inputs += 1
        yield _given(held, Input(name, data))


@attrs.define
class HeldReports:
    """Reports of unreadable inputs, shown in input order among the results.

    With ``--jobs`` above 1 inputs are read ahead of the results, so a report shown when its
    input is read would come before the messages of the inputs ahead of it: stderr would
    differ from one process's.
    """

    waiting: collections.deque[tuple[int, str, str]] = attrs.Factory(collections.deque)
    given: int = 0  # inputs given out so far

    def in_order(self, results: Iterable[_Result]) -> Iterator[_Result]:
        """``results`` (one per input given out, in order), each after the reports before it."""
        for shown, result in enumerate(results):
            self._show(before=shown)
            yield result
        self._show(before=None)

    def _show(self, *, before: int | None) -> None:
        waiting = self.waiting
        while waiting and (before is None or waiting[0][0] <= before):
            _, name, message = waiting.popleft()
            report(name, message)


_Result = TypeVar("_Result")


def _given(held: HeldReports | None, item: Input) -> Input:
    if held is not None:
        held.given += 1
    return item


def _unreadable(held: HeldReports | None, name: str, message: str) -> None:
    if held is None:
        report(name, message)
    else:
        held.waiting.append((held.given, name, message))


def open_input(file: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    if file == "-":
        return contextlib.nullcontext(sys.stdin.buffer)
    return Path(file).open("rb")


def with_progress(items: Iterator[Input], files: tuple[str, ...]) -> Iterator[Input]:
    """``items``, behind a progress bar on stderr for long runs when only stderr is a terminal.

    When stdout is the same terminal, the results themselves show progress, and a bar
    would be torn by them.
    """
    if len(files) < PROGRESS_THRESHOLD or not sys.stderr.isatty() or sys.stdout.isatty():
        yield from items
        return
    with click.progressbar(items, length=len(files), label="newspkg", file=sys.stderr) as bar:
        yield from bar


# --- output ----------------------------------------------------------------------------------


def report(name: str, error: NewspkgError | str) -> None:
    if isinstance(error, str):
        click.echo(f"newspkg: {name}: {error}", err=True)
        return
    for line in messages(error):
        click.echo(f"newspkg: {name}: {line}", err=True)


def messages(error: NewspkgError) -> list[str]:
    return [p.message if p.path in {"$", ""} else f"{p.path}: {p.message}" for p in error.problems]


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def trouble(tally: Tally, *, failed: str) -> str:
    parts = []
    if tally.failed:
        parts.append(f"{plural(tally.failed, 'input')} {failed}")
    if tally.unreadable:
        parts.append(f"{plural(tally.unreadable, 'file')} could not be read")
    return "; " + "; ".join(parts) if parts else ""


# --- many files on N processes: jsonld, meta, readtime ---------------------------------------


@attrs.frozen
class Outcome:
    """What one file gave a per-file command: text for stdout, notes for stderr."""

    name: str
    text: str | None
    notes: tuple[str, ...] = ()
    failed: bool = False


def each_file(files: tuple[str, ...], work: Callable[[Input], Outcome], *, jobs: int) -> int:
    """Run ``work`` over each file on ``jobs`` processes, in order; return the exit status."""
    tally = Tally()
    held = HeldReports()
    items = with_progress(read_inputs(files, jsonl=False, tally=tally, held=held), files)
    echo_outcomes(held.in_order(ordered_map(work, items, jobs=jobs)), tally)
    return tally.exit_code


def echo_outcomes(outcomes: Iterable[Outcome], tally: Tally) -> None:
    for outcome in outcomes:
        for note in outcome.notes:
            report(outcome.name, note)
        if outcome.text is not None:
            click.echo(outcome.text)
        tally.failed += outcome.failed


def failure(item: Input, error: NewspkgError) -> Outcome:
    return Outcome(item.name, None, tuple(messages(error)), failed=True)
