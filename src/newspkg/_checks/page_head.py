"""Checks that compare an HTML page's head with its JSON-LD: the same article, said twice.

Search engines and social sites read different parts of a page: Google the JSON-LD and
the canonical link, Facebook ``og:*``, readers' apps the ``<title>``. When they disagree,
each shows a different article. These findings name each disagreement:

- ``head-url-mismatch``: the canonical link, ``og:url`` and the JSON-LD ``url`` name
  different pages (host without ``www.``, path without trailing slash, and query compared);
- ``head-title-mismatch``: ``og:title`` is not the JSON-LD headline (nor one of them the
  other with a site name added);
- ``head-date-mismatch``: ``article:published_time`` and the JSON-LD ``datePublished``
  differ by more than a minute (or by day, for a date without time);
- ``page-mojibake``: the page's text was decoded against its declared charset, or its
  headline or description holds the traces of UTF-8 read as a legacy encoding (``Ã©``,
  ``â€™``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Final

from newspkg._checks.findings import Finding, finding
from newspkg._dates import parse_date
from newspkg._html.encoding import decode_page
from newspkg._html.page import from_html, page_key, parse_html
from newspkg._html.page_meta import PageMeta, read_page_meta
from newspkg._models import Article, Date
from newspkg.errors import NewspkgError

__all__ = ["head_findings"]

# UTF-8 bytes of common letters and punctuation read as windows-1252 or Latin-1.
_MOJIBAKE: Final = re.compile(
    r"Ã[\u0080-\u00bf]|â€[\u0080-\u00bf™œ\u009d]|Â[\u00a0-\u00bf]|Ð[\u0080-\u00bf]"
)
_DATE_TOLERANCE: Final = timedelta(minutes=1)


def head_findings(html: str | bytes) -> Iterator[Finding]:
    """The head-versus-markup findings of an HTML page (none when it cannot be read)."""
    if isinstance(html, bytes):
        decoded = decode_page(html)
        if decoded.note is not None:
            yield finding("page-mojibake", "$", f"the page's bytes: {decoded.note}")
        html = decoded.text
    try:
        page = read_page_meta(parse_html(html))
        article = from_html(html)
    except NewspkgError:
        return
    from_jsonld = {note.field for note in article.provenance if "taken from" in note.detail}
    yield from _urls(page, None if "url" in from_jsonld else article.url)
    if "headline" not in from_jsonld:
        yield from _titles(page, article)
    if "date_published" not in from_jsonld:
        yield from _dates(page, article.date_published)
    yield from _mojibake(article)


def _urls(page: PageMeta, jsonld_url: str | None) -> Iterator[Finding]:
    og_url = page.first("og:url")
    named = [
        ("the canonical link", page.canonical),
        ("og:url", None if og_url is None else page.resolve(og_url[1])),
        ("the JSON-LD url", jsonld_url),
    ]
    present = [(where, address) for where, address in named if address]
    keys = {page_key(address) for _, address in present}
    if len(keys) > 1:
        listed = ", ".join(f"{where} {address!r}" for where, address in present)
        yield finding("head-url-mismatch", "$", f"the page names different addresses: {listed}")


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _titles(page: PageMeta, article: Article) -> Iterator[Finding]:
    og_title = page.first("og:title")
    if og_title is None:
        return
    mine, theirs = _plain(article.headline), _plain(og_title[1])
    if mine in theirs or theirs in mine:
        return  # one of them has a site name added, or a kicker: the same title
    yield finding(
        "head-title-mismatch",
        "$",
        f"og:title {og_title[1]!r} is not the JSON-LD headline {article.headline!r}",
    )


def _dates(page: PageMeta, published: Date | None) -> Iterator[Finding]:
    found = page.first("article:published_time")
    if found is None or published is None:
        return
    try:
        tagged = parse_date(found[1])
    except NewspkgError:
        return
    if not _same_time(tagged, published):
        yield finding(
            "head-date-mismatch",
            "$",
            f"article:published_time {found[1]!r} is not the JSON-LD datePublished "
            f"{published.isoformat()!r}",
        )


def _same_time(one: Date, other: Date) -> bool:
    if isinstance(one, datetime) and isinstance(other, datetime):
        return abs(one - other) <= _DATE_TOLERANCE
    first = one.date() if isinstance(one, datetime) else one
    second = other.date() if isinstance(other, datetime) else other
    return first == second


def _mojibake(article: Article) -> Iterator[Finding]:
    for field in ("headline", "description"):
        text = getattr(article, field)
        match = None if text is None else _MOJIBAKE.search(text)
        if match is not None:
            yield finding(
                "page-mojibake",
                "$",
                f"the {field} holds {match.group()!r}, UTF-8 read as a legacy encoding",
            )
