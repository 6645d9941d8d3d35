"""Small items a news page carries beside the story: video, breadcrumbs, corrections, updates.

Leaf models with no reference to the article, author or publisher models, so `_models`
can build on them. Pure data like every model: frozen, keyword-only, validated at
construction with one `newspkg.ValidationError` listing every problem.
"""

from collections.abc import Iterator
from datetime import date, datetime
from typing import TypeAlias

import attrs

from newspkg._validation import COUNT, LANGUAGE, URL, normalize_and_validate, prepare
from newspkg.errors import Problem

Date: TypeAlias = date | datetime
"""A calendar day (`datetime.date`) or an instant with its time zone (aware `datetime`)."""

SEARCH_TERM: str = "{search_term_string}"
"""The placeholder a site search URL template holds (Google's sitelinks search box form)."""


@attrs.frozen(kw_only=True)
class Video:
    """What makes a figure a video: when it was uploaded, where it plays, how long it runs.

    The figure itself gives the rest: its ``url`` is the video's thumbnail, its ``label``
    the video's name, ``alt`` its description.

    >>> Video(embed_url="https://video.example.com/embed/1", duration=95).duration
    95
    """

    upload_date: Date | None = None
    content_url: str | None = attrs.field(default=None, metadata=URL)
    embed_url: str | None = attrs.field(default=None, metadata=URL)
    duration: int | None = attrs.field(default=None, metadata=COUNT)
    """Running time in whole seconds."""

    # The validation itself, not a method calling it: one call less for every instance.
    __attrs_post_init__ = normalize_and_validate


@attrs.frozen(kw_only=True)
class Crumb:
    """One step of a breadcrumb trail (Home, World, Europe); the last may have no URL.

    >>> Crumb(name="World", url="https://example.com/world").name
    'World'
    """

    name: str
    url: str | None = attrs.field(default=None, metadata=URL)

    # The validation itself, not a method calling it: one call less for every instance.
    __attrs_post_init__ = normalize_and_validate


@attrs.frozen(kw_only=True)
class Correction:
    """A dated correction note, as printed under the story ("An earlier version said …")."""

    date: Date
    text: str

    # The validation itself, not a method calling it: one call less for every instance.
    __attrs_post_init__ = normalize_and_validate


@attrs.frozen(kw_only=True)
class UpdateNote:
    """A dated update note shown on the page ("Updated 17:05 to add the minister's reply")."""

    date: Date
    text: str

    # The validation itself, not a method calling it: one call less for every instance.
    __attrs_post_init__ = normalize_and_validate


@attrs.frozen(kw_only=True)
class Translation:
    """Another language version of the article: its URL and language.

    >>> Translation(url="https://example.com/de/a", language="de").language
    'de'
    """

    url: str = attrs.field(metadata=URL)
    language: str = attrs.field(metadata=LANGUAGE)

    # The validation itself, not a method calling it: one call less for every instance.
    __attrs_post_init__ = normalize_and_validate


def search_template_problem(template: str) -> Iterator[Problem]:
    """A site search template must hold the placeholder the search term goes in."""
    if SEARCH_TERM not in template:
        yield Problem(
            path="search_url_template", message=f"must contain {SEARCH_TERM} (got {template!r})"
        )


prepare(Video, Crumb, Correction, UpdateNote, Translation)
