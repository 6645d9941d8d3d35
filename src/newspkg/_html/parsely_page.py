"""Parse.ly's older ``parsely-page`` tag: one JSON object in a ``<meta>``, read as tags.

Before its ``parsely-*`` tags, Parse.ly had pages hold one JSON object in a
``<meta name="parsely-page">`` (``{"title": ..., "pub_date": ..., "author": ...}``); pages
built then still carry it. Its text fields become ``parsely-page.<field>`` tags, which the
precedence table (`meta_families.PRECEDENCE`) ranks like any other.
"""

from __future__ import annotations

from typing import Final

from newspkg._jsonld.processing import load_json
from newspkg.errors import NewspkgError

__all__ = ["read_parsely_page"]

_PARSELY_PAGE_FIELDS: Final = ("title", "author", "pub_date", "section")


def read_parsely_page(tags: dict[str, list[str]]) -> None:
    """Add the text fields of the ``parsely-page`` JSON to ``tags``, as ``parsely-page.<field>``.

    JSON that cannot be read (or is over newspkg's JSON limits) gives nothing.
    """
    blobs = tags.get("parsely-page")
    if not blobs:
        return
    try:
        data = load_json(blobs[0], path="parsely-page")
    except NewspkgError:
        return
    if not isinstance(data, dict):
        return
    for field in _PARSELY_PAGE_FIELDS:
        value = data.get(field)
        if isinstance(value, str) and value.strip():
            tags.setdefault(f"parsely-page.{field}", []).append(value.strip())
