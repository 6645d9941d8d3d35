"""The one guarded entry for URL parsing.

`urllib.parse` raises a bare `ValueError` on input such as ``http://[`` (an
unclosed IPv6 host) or a port out of range, and it does so lazily, from
``.port`` as well as from `urlsplit` itself. Every module parses URLs through
these helpers, which answer None instead, so a hostile address is a value to
report, never an exception that escapes.
"""

import functools
import re
from typing import Final, NamedTuple
from urllib.parse import urljoin, urlsplit

__all__ = [
    "UrlParts",
    "is_plain_web_url",
    "join_url",
    "normalize_url",
    "normalize_url_by_urllib",
    "split_url",
    "split_url_by_urllib",
    "without_fragment",
]


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


# The common case, an ASCII http(s)-like address with a plain host: scheme, host, port
# digits, path, query and fragment, split exactly where `urlsplit` splits them. Any other
# text (controls or spaces, which urlsplit strips or removes; a user, brackets, a percent
# sign or non-ASCII text in the host; an empty port) takes urllib's own path.
_PLAIN_URL: Final = re.compile(
    r"([A-Za-z][A-Za-z0-9+.\-]*)://([A-Za-z0-9._~\-]+)(?::([0-9]{1,5}))?"
    r"(/[^?#\x00-\x20\x7f]*)?(?:\?([^#\x00-\x20\x7f]*))?(?:#([^\x00-\x20\x7f]*))?"
)
_MAX_PORT: Final = 65535  # what urllib accepts: a port is 16 bits
_WEB_SCHEMES: Final = frozenset({"http", "https"})


def split_url(text: str) -> UrlParts | None:
    """The parts of ``text``, or None when it is not a URL `urllib` can parse."""
    # Most addresses are plain: reading them with one match instead of urlsplit and its
    # properties (each parses the netloc again) makes a process's first article, whose
    # URLs no cache has seen, cost less. tests/test_urls.py compares the two ways.
    plain = _plain(text)
    if plain is not None:
        scheme, host, port_digits, path, query, fragment = plain.groups()
        return UrlParts(
            scheme=scheme.lower(),
            netloc=host if port_digits is None else f"{host}:{port_digits}",
            hostname=host.lower(),
            port=None if port_digits is None else int(port_digits),
            username=None,
            path=path or "",
            query=query or "",
            fragment=fragment or "",
        )
    return split_url_by_urllib(text)


def is_plain_web_url(text: str) -> bool:
    """Whether ``text`` is a plain address (see `_PLAIN_URL`) on http(s) with a port above 0.

    Such text is an absolute http(s) URL by `newspkg._validation.url_problem`'s rules,
    decided without taking it apart.
    """
    plain = _plain(text)
    return (
        plain is not None
        and plain[1].lower() in _WEB_SCHEMES
        and (plain[3] is None or int(plain[3]) > 0)
    )


def _plain(text: str) -> re.Match[str] | None:
    """The match of a plain address whose port urllib accepts, else None."""
    if not text.isascii():
        return None
    plain = _PLAIN_URL.fullmatch(text)
    if plain is None or (plain[3] is not None and int(plain[3]) > _MAX_PORT):
        return None
    return plain


def split_url_by_urllib(text: str) -> UrlParts | None:
    """`split_url` through `urllib.parse.urlsplit` alone: the reference for every text."""
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


@functools.lru_cache(maxsize=4096)  # models normalise the same URLs again and again
def normalize_url(text: str) -> str:
    """``text`` with its scheme and host in lower case, every other character as written.

    Scheme and host are case-insensitive (RFC 3986, section 6.2.2.1), and JSON-LD
    processors and HTML readers lower-case them on the way through, so the models store
    them that way: what is written then reads back exactly. Text that does not parse
    is returned unchanged, for validation to report.

    >>> normalize_url("HTTPS://User@EXAMPLE.com:8080/A?Q#F")
    'https://User@example.com:8080/A?Q#F'
    """
    plain = _plain(text)
    if plain is not None:  # what _normalized makes of it, without the parts
        return f"{plain[1].lower()}://{plain[2].lower()}{text[plain.end(2) :]}"
    return _normalized(text, split_url_by_urllib(text))


def normalize_url_by_urllib(text: str) -> str:
    """`normalize_url` from `urllib.parse.urlsplit`'s parts alone: the reference."""
    return _normalized(text, split_url_by_urllib(text))


def _normalized(text: str, parts: UrlParts | None) -> str:
    if parts is None or not parts.scheme:
        return text
    scheme = parts.scheme.lower()
    rest = text[len(parts.scheme) :]
    if not parts.netloc or not rest.startswith("://" + parts.netloc):
        return scheme + rest
    user, at, hostport = parts.netloc.rpartition("@")
    host, port = _split_port(hostport)
    netloc = f"{user}{at}{host.lower()}{port}"
    return f"{scheme}://{netloc}{rest[3 + len(parts.netloc) :]}"


def _split_port(hostport: str) -> tuple[str, str]:
    """``("example.com", ":8080")`` from ``"example.com:8080"``; IPv6 brackets kept whole."""
    if hostport.startswith("["):
        end = hostport.find("]") + 1
        return hostport[:end], hostport[end:]
    host, colon, port = hostport.partition(":")
    return host, colon + port


def without_fragment(text: str) -> str:
    """``text`` up to its first ``#``: what `urllib.parse.urldefrag` keeps, without parsing.

    >>> without_fragment("https://example.com/a#top")
    'https://example.com/a'
    """
    return text.partition("#")[0]
