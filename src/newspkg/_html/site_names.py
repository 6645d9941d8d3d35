"""The names a page's site goes by, for telling a site-name part from a title or a byline.

Titles end with their site's name ("Mozilla - Wikipedia", "Grid operators brace | Example
News"), and bylines sometimes hold it ("By Example News"). The names are what the head says
(``og:site_name``, ``application-name``) and what the address says: the host, and its
registrable domain's own label (``news.bbc.co.uk``: ``bbc``).

Only that label speaks for the site. The labels around it are mostly generic (``www``,
``news``, ``live``, ``blog``, ``en``), and a title part such as "Live" or "News" must not be
cut for them; a subdomain is a name only where it is not a generic word and not a short
code (``ledger.substack.com``: ``ledger``).
"""

from __future__ import annotations

from typing import Final

from newspkg._html.page_meta import PageMeta
from newspkg._urls import split_url

__all__ = ["host_names", "site_names"]

# Second-level labels that, under a two-letter country code, are part of the public suffix
# (``co.uk``, ``com.au``, ``co.jp``, ``ne.jp``, ``org.nz``, ``gob.mx``): the registrable
# domain is the label before them. A full public-suffix list would be one more dependency
# and data file to keep fresh for the few ccTLDs that register at the third level.
_SECOND_LEVEL: Final = frozenset(
    {"ac", "co", "com", "edu", "go", "gob", "gov", "ltd", "mil", "ne", "net", "nic", "or", "org"}
    | {"plc", "sch"}
)
# Subdomains that name a section, an edition, a language or a platform, not a site.
_GENERIC_LABELS: Final = frozenset(
    {"amp", "api", "app", "apps", "article", "articles", "beta", "blog", "blogs", "business"}
    | {"cdn", "daily", "edition", "editions", "english", "eu", "feeds", "global", "home"}
    | {"int", "intl", "international", "live", "local", "m", "magazine", "media", "mobile"}
    | {"money", "my", "new", "news", "newsroom", "online", "opinion", "origin", "politics"}
    | {"press", "radio", "sport", "sports", "static", "stories", "tech", "today", "tv", "uk"}
    | {"us", "video", "videos", "web", "weather", "world", "www"}
)
_MIN_SUBDOMAIN: Final = 4  # shorter ones are codes: "en", "de", "m", "www2"-like "ww"


def site_names(page: PageMeta) -> frozenset[str]:
    """The page's site names, case-folded: ``og:site_name``, ``application-name``, the host.

    The host's names are `host_names` of the canonical address (else the page's).
    """
    names = [*page.tags.get("og:site_name", ()), *page.tags.get("application-name", ())]
    host = split_url(page.canonical or page.url or "")
    if host is not None and host.hostname:
        names.extend(host_names(host.hostname))
    return frozenset(name.casefold() for name in names)


def host_names(hostname: str) -> list[str]:
    """The site names a host gives: itself, its registrable label, its named subdomains.

    ``www.`` is dropped; a subdomain counts only when it is not generic (see the module).

    >>> host_names("en.wikipedia.org")
    ['en.wikipedia.org', 'wikipedia']
    >>> host_names("live.news.bbc.co.uk")
    ['live.news.bbc.co.uk', 'bbc']
    """
    domain = hostname.casefold().rstrip(".").removeprefix("www.")
    labels = domain.split(".")
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return [domain]  # "localhost", an IPv4 address: no name in it
    suffix = 2 if len(labels) > 2 and _two_part_suffix(labels[-2], labels[-1]) else 1
    registrable = labels[-1 - suffix]
    subdomains = [
        label
        for label in labels[: -1 - suffix]
        if len(label) >= _MIN_SUBDOMAIN
        and label not in _GENERIC_LABELS
        and label.rstrip("0123456789") not in _GENERIC_LABELS
    ]
    return list(dict.fromkeys([domain, registrable, *subdomains]))


def _two_part_suffix(second: str, top: str) -> bool:
    """Whether ``second.top`` is a public suffix (``co.uk``), not a domain (``bbc.com``)."""
    return len(top) == 2 and top.isalpha() and second in _SECOND_LEVEL
