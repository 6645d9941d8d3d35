"""The ``newspkg`` command group: subcommands loaded on first use, bugs reported in one line.

Each subcommand's module (and what it imports: the checks, the HTML parser, the batch
machinery) is imported only when that subcommand runs, so ``newspkg jsonld`` starts without
loading the checks, and a run over one file is mostly its own work.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
from typing import Final

import click

__all__ = ["INTERNAL_ERROR", "cli", "main"]

_COMMANDS: Final = {
    "batch": ("batch", "batch"),
    "check": ("checking", "check_command"),
    "jsonld": ("convert", "jsonld"),
    "meta": ("convert", "meta"),
    "read": ("convert", "read"),
    "readtime": ("timing", "readtime"),
}
"""Each subcommand's module in this package, and its name there."""

INTERNAL_ERROR: Final = 70
"""Exit status for a bug in newspkg (``EX_SOFTWARE`` in BSD's sysexits.h)."""


class _Group(click.Group):
    """The command group, loading each subcommand's module when it is asked for.

    Any unexpected exception becomes one line and status 70.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module, name = _COMMANDS[cmd_name]
        command = getattr(importlib.import_module(f"newspkg._cli.{module}"), name)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except (BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug: say so briefly, never with a traceback
            click.echo(
                f"newspkg: internal error ({type(error).__name__}: {error}); "
                "please report it at https://github.com/newspkg/newspkg/issues",
                err=True,
            )
            ctx.exit(INTERNAL_ERROR)


@click.group(name="newspkg", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newspkg", prog_name="newspkg")
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output (default: only on a terminal).",
)
@click.pass_context
def cli(ctx: click.Context, color: bool | None) -> None:
    """Structured news-article metadata: convert, read, check and time articles.

    FILE may be an HTML page, a JSON-LD document or newspkg's native JSON (told apart by
    content); '-' reads stdin. Exit status: 0 ok, 1 no article or errors found, 2 usage
    error or unreadable input.
    """
    ctx.color = color


def main() -> None:
    """Run the ``newspkg`` command (the console script and ``python -m newspkg``)."""
    for stream in (sys.stdout, sys.stderr):
        # A file name (or text) the terminal's encoding cannot show is escaped, not a crash.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        cli.main(prog_name="newspkg")
    except BrokenPipeError:
        # The reader went away (``newspkg read *.html | head``): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
