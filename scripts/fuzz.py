"""Coverage-guided fuzzing of every public newspkg entry point with atheris (libFuzzer).

The promise under test: whatever bytes come in, only newspkg errors come out. Any other
exception is a crash; atheris stops, prints the traceback and saves the input as
``crash-<sha1>``, which then belongs in ``tests/test_hostile.py`` as a regression test.

Setup (Linux or macOS, CPython 3.11+; the ``fuzz`` extra installs atheris)::

    .venv/bin/pip install -e ".[fuzz]"

Run (from the repository root)::

    mkdir -p fuzz-corpus
    .venv/bin/python scripts/fuzz.py fuzz-corpus                 # until stopped or a crash
    .venv/bin/python scripts/fuzz.py fuzz-corpus -max_total_time=600 -timeout=20
    .venv/bin/python scripts/fuzz.py crash-1234abcd              # replay one input

Every libFuzzer flag works (``-jobs=4``, ``-dict=...``, ``-max_len=65536``). The corpus
directory keeps the inputs that reached new code, so later runs start from there; seeding
it with ``tests/golden/*`` and pages from the shared corpus gets deep quickly.
``-timeout`` reports inputs that take too long (the costs issue 9 bounds).

Each input's first byte picks the entry point (readers, writers via a read article,
``check``, ``reading_time``, ``count_words``, ``parse_date``, the command); the rest is
the document, given as bytes or as text as the entry point takes it. Without atheris,
``--replay FILE...`` runs saved inputs through the same targets, which needs nothing more.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path

# Instrumented imports give atheris newspkg's branch coverage; without it, plain imports.
try:
    import atheris
except ImportError:  # pragma: no cover - depends on the optional extra
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["newspkg"]):
        import newspkg
        from newspkg._cli import INTERNAL_ERROR, cli

        # newspkg imports its modules on first use: import them all here, or they load
        # after this block, uninstrumented, and the fuzzer runs blind.
        for _module in pkgutil.walk_packages(newspkg.__path__, "newspkg."):
            importlib.import_module(_module.name)
else:
    import newspkg
    from newspkg._cli import INTERNAL_ERROR, cli

import contextlib

from click.testing import CliRunner


def _text(data: bytes) -> str:
    # surrogateescape keeps every byte: undecodable ones become lone surrogates, which
    # the readers must refuse in words too.
    return data.decode("utf-8", "surrogateescape")


def _round_trip(data: bytes) -> None:
    """Read anything that holds an article, then write it every way and read it back."""
    try:
        article = newspkg.from_html(data) if data.lstrip()[:1] == b"<" else None
        if article is None:
            article = newspkg.from_jsonld(data)
    except newspkg.NewspkgError:
        return
    newspkg.to_meta_tags(article)
    newspkg.check(article)
    newspkg.reading_time(article)
    if newspkg.from_json(newspkg.to_json(article)) != article:
        raise AssertionError("native JSON round trip is not exact")
    newspkg.from_jsonld(newspkg.to_jsonld(article))
    newspkg.from_html(newspkg.to_script_tag(article))


def _command(data: bytes) -> None:
    commands = [["read"], ["jsonld"], ["meta"], ["check"], ["readtime"]]
    command = commands[data[0] % len(commands)] if data else ["read"]
    result = CliRunner().invoke(cli, [*command, "-"], input=data[1:])
    if result.exit_code == INTERNAL_ERROR or not isinstance(result.exception, SystemExit | None):
        raise AssertionError(f"the command failed: {result.output}") from result.exception


TARGETS: list[Callable[[bytes], object]] = [
    newspkg.from_json,
    lambda data: newspkg.from_json(_text(data)),
    newspkg.from_jsonld,
    lambda data: newspkg.from_jsonld(_text(data), base_url="https://example.com/a/"),
    lambda data: list(newspkg.iter_articles(data)),
    newspkg.from_html,
    lambda data: newspkg.from_html(_text(data), url="https://example.com/"),
    newspkg.extract_jsonld,
    newspkg.check,
    lambda data: newspkg.check(_text(data)),
    lambda data: newspkg.reading_time(_text(data)),
    lambda data: newspkg.count_words(_text(data)),
    lambda data: newspkg.parse_date(_text(data)),
    _round_trip,
    _command,
]


def test_one_input(data: bytes) -> None:
    """Run one input; only newspkg errors may escape (the fuzzer's entry point)."""
    if not data:
        return
    target = TARGETS[data[0] % len(TARGETS)]
    with contextlib.suppress(newspkg.NewspkgError):
        target(data[1:])


def _replay(paths: list[str]) -> int:
    for path in paths:
        test_one_input(Path(path).read_bytes())
        print(f"{path}: ok")
    return 0


def main() -> int:
    """Fuzz with atheris, or replay saved inputs with ``--replay``."""
    if sys.argv[1:2] == ["--replay"]:
        return _replay(sys.argv[2:])
    if atheris is None:
        print("atheris is not installed: pip install -e '.[fuzz]' (or use --replay FILE...)")
        return 2
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
    return 0  # pragma: no cover - atheris.Fuzz() exits the process


if __name__ == "__main__":
    sys.exit(main())
