"""The ``batch`` subcommand: WARC archives, JSON Lines and folders to JSON Lines."""

from __future__ import annotations

import sys
import time
from typing import IO

import attrs
import click

from newspkg._batch.outputs import BatchTally, result_line
from newspkg._batch.process import UNREADABLE
from newspkg._batch.read import read_batch
from newspkg._cli.inputs import JOBS_OPTION, report

__all__ = ["BatchProgress", "batch"]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--articles/--no-articles",
    default=True,
    show_default=True,
    help="Read each record's article.",
)
@click.option(
    "--findings/--no-findings",
    default=False,
    show_default=True,
    help="Check each record's markup (as `newspkg check` does).",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8", lazy=True),
    default="-",
    help="Where the JSON Lines go (default: stdout).",
)
@JOBS_OPTION
@click.pass_context
def batch(
    ctx: click.Context,
    *,
    paths: tuple[str, ...],
    articles: bool,
    findings: bool,
    output: IO[str],
    jobs: int,
) -> None:
    """Read every page in WARC archives, JSON Lines files and folders, as JSON Lines.

    PATHS are WARC/ARC archives (.warc, .warc.gz, .arc, .arc.gz), JSON Lines of native or
    JSON-LD documents (.jsonl, .ndjson), folders, or single files. Each record gives one
    line with its id (WARC record id, FILE:LINE, or the file) and its article, findings,
    error or the reason it was skipped (not HTML, not a 200 response). A summary line goes
    to stderr. Exit status: 0 ok, 1 when a record had no article or an error finding, 2 when
    an input could not be read.
    """
    if not (articles or findings):
        raise click.UsageError("nothing to do: --no-articles needs --findings")
    tally = BatchTally()
    progress = BatchProgress.when_wanted(to_terminal=output.isatty())
    results = read_batch(paths, articles=articles, findings=findings, jobs=jobs)
    for result in results:
        tally.add(result)
        output.write(result_line(result) + "\n")
        if result.error is not None and result.error.type == UNREADABLE:
            # Records without an article are in the output; only lost inputs are shouted.
            report(result.id, "; ".join(result.error.messages))
        if progress is not None:
            progress.update(tally.records)
    if progress is not None:
        progress.finish()
    output.flush()
    click.echo(f"newspkg: {tally.summary()}", err=True)
    ctx.exit(tally.exit_code)


@attrs.define
class BatchProgress:
    """A record count and rate on stderr, redrawn a few times a second."""

    started: float
    shown: float = 0.0

    @classmethod
    def when_wanted(cls, *, to_terminal: bool) -> BatchProgress | None:
        """A progress line when stderr is a terminal and the results go elsewhere."""
        if to_terminal or not sys.stderr.isatty():
            return None
        return cls(started=time.monotonic())

    def update(self, records: int) -> None:
        """Redraw, at most every quarter second."""
        now = time.monotonic()
        if now - self.shown >= 0.25:
            self.shown = now
            rate = records / max(now - self.started, 1e-9)
            click.echo(f"\rnewspkg: {records:,} records, {rate:,.0f}/s ", err=True, nl=False)

    def finish(self) -> None:
        """Leave the line for the summary."""
        if self.shown:
            click.echo("", err=True)
