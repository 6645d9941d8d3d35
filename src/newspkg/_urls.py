"""The one guarded entry for URL parsing.

`urllib.parse` raises a bare `ValueError` on input such as ``http://[`` (an
unclosed IPv6 host) or a port out of range, and it does so lazily, from
``.port`` as well as from `urlsplit` itself. Every module parses URLs through
these helpers, which answer None instead, so a hostile address is a value to
report, never an exception that escapes.
"""

from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

__all__ = ["UrlParts", "join_url", "split_url"]


class UrlParts(NamedTuple):
    """The parts of a URL that parsed, with the port already checked."""

    scheme: str
    """As written; compare with ``.lower()``."""
    netloc: str
    hostname: str | None
    """Lower-case, as `urllib.parse` gives it."""
    port: int | None
    username: str | None
    path: str
    query: str
    fragment: str


def split_url(text: str) -> UrlParts | None:
    """The parts of ``text``, or None when it is not a URL `urllib` can parse."""
    try:
        parts = urlsplit(text)
        port = parts.port  # raises for a port out of range or not a number
    except ValueError:
        return None
    return UrlParts(
        scheme=parts.scheme,
        netloc=parts.netloc,
        hostname=parts.hostname,
        port=port,
        username=parts.username,
        path=parts.path,
        query=parts.query,
        fragment=parts.fragment,
    )


def join_url(base: str, reference: str) -> str | None:
    """``reference`` resolved against ``base``, or None when either cannot be parsed."""
    try:
        joined = urljoin(base, reference)
    except ValueError:
        return None
    # urljoin parses lazily: a base or result it accepted may still hold a bad host or port.
    return joined if split_url(joined) is not None else None
