"""The converting subcommands: ``jsonld``, ``meta`` and ``read`` (``readtime`` is in `timing`)."""

from __future__ import annotations

import functools
import json

import click

from newspkg._batch.runner import ordered_map
from newspkg._cli.inputs import (
    JOBS_OPTION,
    JSONL_OPTION,
    HeldReports,
    Input,
    Outcome,
    Tally,
    each_file,
    echo_outcomes,
    failure,
    input_files,
    load_article,
    plural,
    read_inputs,
    trouble,
    with_progress,
)
from newspkg._jsonld.script import to_script_tag
from newspkg._jsonld.writer import to_jsonld
from newspkg.errors import NewspkgError

__all__ = ["jsonld", "meta", "read"]


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--script", is_flag=True, help='Write a <script type="application/ld+json"> tag.')
@click.option("--compact", is_flag=True, help="Write the script tag's JSON on one line.")
@JOBS_OPTION
@click.pass_context
def jsonld(
    ctx: click.Context, files: tuple[str, ...], script: bool, compact: bool, jobs: int
) -> None:
    """Write the article in each FILE as schema.org JSON-LD.

    One file gives indented JSON; several give JSON Lines (one document per line).
    """
    work = functools.partial(_jsonld_text, script=script, compact=compact, many=len(files) > 1)
    ctx.exit(each_file(files, work, jobs=jobs))


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@JOBS_OPTION
@click.pass_context
def meta(ctx: click.Context, files: tuple[str, ...], jobs: int) -> None:
    """Write the <meta> and <link> tags for the page head of the article in each FILE.

    With several files, each file's tags follow an HTML comment naming the file.
    """
    ctx.exit(each_file(files, functools.partial(_meta_text, many=len(files) > 1), jobs=jobs))


@click.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@JSONL_OPTION
@click.option("--url", help="The address the page was fetched from (resolves relative URLs).")
@JOBS_OPTION
@click.pass_context
def read(
    ctx: click.Context, *, files: tuple[str, ...], jsonl: bool, url: str | None, jobs: int
) -> None:
    """Read the article in each FILE and write it as native JSON.

    One file gives indented JSON; several files, or --jsonl, give JSON Lines (one article
    per line). Inputs without an article are reported on stderr and skipped.
    """
    tally = Tally()
    many = jsonl or len(files) > 1
    held = HeldReports()
    inputs = read_inputs(input_files(files, jsonl=jsonl), jsonl=jsonl, tally=tally, held=held)
    items = with_progress(inputs, files)
    work = functools.partial(_native_text, url=url, many=many)
    echo_outcomes(held.in_order(ordered_map(work, items, jobs=jobs)), tally)
    if many:
        click.echo(_read_summary(tally), err=True)
    ctx.exit(tally.exit_code)


def _read_summary(tally: Tally) -> str:
    done = f"read {plural(tally.inputs - tally.failed, 'article')}"
    problems = trouble(tally, failed="had no article")
    return f"{done} from {plural(tally.inputs, 'input')}{problems}"


def _native_text(item: Input, *, url: str | None, many: bool) -> Outcome:
    try:
        article = load_article(item, url=url)
    except NewspkgError as error:
        return failure(item, error)
    # The native writer (and cattrs) loads with ``read``'s first article: ``jsonld`` needs neither.
    from newspkg._native import to_json  # noqa: PLC0415

    return Outcome(item.name, to_json(article, indent=None if many else 2))


def _jsonld_text(item: Input, *, script: bool, compact: bool, many: bool) -> Outcome:
    try:
        article = load_article(item)
    except NewspkgError as error:
        return failure(item, error)
    if script:
        return Outcome(item.name, to_script_tag(article, compact=compact))
    document = to_jsonld(article)
    return Outcome(item.name, json.dumps(document, ensure_ascii=False, indent=None if many else 2))


def _meta_text(item: Input, *, many: bool) -> Outcome:
    from newspkg._html.meta_tags import to_meta_tags  # noqa: PLC0415  (only `meta` writes tags)

    try:
        tags = to_meta_tags(load_article(item))
    except NewspkgError as error:
        return failure(item, error)
    # "--" cannot appear in a comment; a file name is shown with it replaced.
    name = item.name.replace("--", "-\u2010")
    return Outcome(item.name, f"<!-- {name} -->\n{tags}" if many else tags)
