"""The ``readtime`` subcommand: its options need the reading-time presets, so it has its own module.

Kept apart from `convert` so that ``newspkg jsonld`` imports the reading-time code (with
`regex` and its compiled patterns) only when a document has a body or word count to time.
"""

from __future__ import annotations

import functools
import json

import click

from newspkg._cli.inputs import JOBS_OPTION, Input, Outcome, each_file, failure, load_article
from newspkg._models import Article
from newspkg._readtime.estimate import MAX_SPEED, MIN_SPEED, SpeedPreset, reading_time
from newspkg._validation import language_problem
from newspkg.errors import NewspkgError

__all__ = ["readtime"]


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
