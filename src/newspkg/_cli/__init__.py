"""The ``newspkg`` command: convert, read, check and time articles from the shell.

Every subcommand reads files or ``-`` (stdin), writes results to stdout and problems to
stderr as ``newspkg: <file>: <message>``, and exits with

* 0 when every input was handled and, for ``check``, no error (or no finding at
  ``--fail-on``) was found;
* 1 when some input held no usable article, or ``check`` found one;
* 2 on a usage error, or when some input could not be read at all (missing, a directory,
  unreadable, larger than the limit); the other inputs are still processed.
* 70 on an internal error: a bug in newspkg, reported in one line (never a traceback),
  with a request to report it.

Output that cannot be encoded for the terminal is written with backslash escapes.

Inputs are recognised by content: text starting with ``<`` is an HTML page, anything else
JSON; a JSON object with a ``format_version`` key is newspkg's native JSON, any other JSON
is JSON-LD. Many inputs are processed one at a time, so memory stays constant.

One module per part: `app` (the group, loading each subcommand on first use), `inputs`
(what every subcommand shares), `convert` (``jsonld``, ``meta``, ``read``), `timing`
(``readtime``), `checking` (``check``) and `batch` (``batch``).
"""

from newspkg._cli.app import INTERNAL_ERROR, cli, main

__all__ = ["INTERNAL_ERROR", "cli", "main"]
