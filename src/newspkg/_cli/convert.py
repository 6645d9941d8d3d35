"""The converting subcommands: ``jsonld``, ``meta``, ``read`` and ``readtime``."""

from __future__ import annotations

import functools
import json

import click

from newspkg._batch.runner import ordered_map
from newspkg._cli.inputs import (
    JOBS_OPTION,
    JSONL_OPTION,
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
from newspkg._models import Article
from newspkg._native import to_json
from newspkg._readtime.estimate import MAX_SPEED, MIN_SPEED, SpeedPreset, reading_time
from newspkg._validation import language_problem
from newspkg.errors import NewspkgError

__all__ = ["jsonld", "meta", "read", "readtime"]


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
    inputs = read_inputs(input_files(files, jsonl=jsonl), jsonl=jsonl, tally=tally)
    items = with_progress(inputs, files)
    work = functools.partial(_native_text, url=url, many=many)
    echo_outcomes(ordered_map(work, items, jobs=jobs), tally)
    if many:
        click.echo(_read_summary(tally), err=True)
    ctx.exit(tally.exit_code)


def _language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``--lang``: a BCP 47 language tag."""
    problem = None if value is None else language_problem(value)
    if problem is not None:
        raise click.BadParameter(problem)
    return value


def _speed(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> float | SpeedPreset | None:
    """``--speed``: words per minute (a positive number) or a preset name."""
    if value is None:
        return None
    text = value.strip().lower()
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        if MIN_SPEED <= number <= MAX_SPEED:
            return number
        raise click.BadParameter(
            f"words per minute must be from {MIN_SPEED} to {MAX_SPEED:,}, got {value!r}"
        )
    try:
        return SpeedPreset(text)
    except ValueError:
        names = ", ".join(preset.value for preset in SpeedPreset)
        raise click.BadParameter(
            f"{value!r} is neither words per minute nor a preset ({names})"
        ) from None


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--lang",
    callback=_language,
    help="The text's language (BCP 47, e.g. de, ja); default: the article's.",
)
@click.option(
    "--speed",
    metavar="WPM|PRESET",
    callback=_speed,
    help="Words per minute, or a preset: "
    + ", ".join(preset.value for preset in SpeedPreset)
    + " (default: research).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help='text: "7 min read"; json: minutes, label, ISO 8601 duration and word count.',
)
@JOBS_OPTION
@click.pass_context
def readtime(
    ctx: click.Context,
    *,
    files: tuple[str, ...],
    lang: str | None,
    speed: float | SpeedPreset | None,
    output_format: str,
    jobs: int,
) -> None:
    """Estimate the reading time of the article in each FILE ("7 min read").

    The article's body (or word count) is timed; for an HTML page whose article has
    neither, the page's visible text is timed instead, and stderr says so. With several
    files, each line names its file ("FILE: 7 min read"; a "file" key in JSON).
    """
    work = functools.partial(
        _readtime_text,
        lang=lang,
        speed=speed,
        as_json=output_format == "json",
        many=len(files) > 1,
    )
    ctx.exit(each_file(files, work, jobs=jobs))


def _read_summary(tally: Tally) -> str:
    done = f"read {plural(tally.inputs - tally.failed, 'article')}"
    problems = trouble(tally, failed="had no article")
    return f"{done} from {plural(tally.inputs, 'input')}{problems}"


def _native_text(item: Input, *, url: str | None, many: bool) -> Outcome:
    try:
        article = load_article(item, url=url)
    except NewspkgError as error:
        return failure(item, error)
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


def _readtime_text(
    item: Input,
    *,
    lang: str | None,
    speed: float | SpeedPreset | None,
    as_json: bool,
    many: bool,
) -> Outcome:
    try:
        article = load_article(item)
    except NewspkgError as error:
        return failure(item, error)
    source: str | Article = article
    notes: tuple[str, ...] = ()
    if article.body is None and article.word_count is None:
        if not item.looks_like_html:
            return Outcome(
                item.name, None, ("the article has no body or word count to time",), True
            )
        notes = ("the article has no body or word count; timing the page's text",)
        from newspkg._html.page import decode_html  # noqa: PLC0415  (pages only)

        source = decode_html(item.data)
    estimate = reading_time(source, lang=lang, speed=speed)
    if as_json:
        fields: dict[str, object] = {"file": item.name} if many else {}
        fields |= {
            "minutes": estimate.minutes,
            "label": estimate.label,
            "iso8601": estimate.iso8601,
            "words": estimate.words,
        }
        return Outcome(item.name, json.dumps(fields, ensure_ascii=False), notes)
    return Outcome(item.name, f"{item.name}: {estimate.label}" if many else estimate.label, notes)
