"""Author names as pages write them in tags and bylines: cleaned, split, and told from non-names.

A page's ``<meta name="author">`` or byline often holds display text rather than one name:
"By Will Smale", "Jane Doe and John Roe", "Jane Doe, John Roe & Ann Poe", or an address
(``https://www.facebook.com/…``, ``www.facebook.com``). `byline_names` turns such text into
the names it holds and says what it changed, so the caller can record a provenance note.

A conjunction or comma splits names only when every part has at least two words: "Doe,
Jane" (the Highwire ``citation_author`` form), "José Ortega y Gasset" and "Jane and John
Doe" stay one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from newspkg._models import Author, AuthorKind

__all__ = ["BylineNames", "byline_names", "cleaned_authors", "is_not_a_name", "recased_authors"]

_BY: Final = re.compile(
    r"^\s*(?:written\s+by|posted\s+by|story\s+by|by)\s*[:\-]?\s+", re.IGNORECASE
)
# "Von", "Par", "Por", "Door" lead a byline in German, French, Spanish and Dutch, but "Von"
# is also a given name ("Von Miller"): dropped only before a name of two or more words.
_FOREIGN_BY: Final = re.compile(r"^\s*(?:von|par|por|door)\s*:?\s+(?=\S+\s+\S)", re.IGNORECASE)
# A job title standing as its own part of a byline ("Rosa Diaz, Staff Reporter").
JOB_TITLE: Final = re.compile(
    r"(?:(?:staff|senior|chief|special|contributing|associate|deputy|managing|political"
    r"|science|business|sports?|health|foreign|local|news|national|investigative)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)s?\Z",
    re.IGNORECASE,
)
_AND: Final = re.compile(r"\s+(?:and|&|und|et|y|e)\s+|\s*;\s*|\s*\|\s*", re.IGNORECASE)
_ADDRESS: Final = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.|/)\S*\Z|\S+\.(?:com|net|org)\Z", re.IGNORECASE
)
# What follows a name in a byline element: a date, a time, a bullet, "Updated", "Edited by".
_TRAILER: Final = re.compile(
    r"\s*(?:[|\u2022\u00b7\u2014]|\s\d|\b(?:updated|edited by|published|posted)\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*\Z",
    re.IGNORECASE,
)
_EMAIL: Final = re.compile(r"\S+@\S+\.\S+\Z")
# Co-authors in parentheses after the first name: "Martin Untersinger (avec Damien Leloup et
# Morgane Tual)", "Jane Doe (with John Roe)".
_WITH: Final = re.compile(
    r"\s*\(\s*(?:with|avec|mit|con|com|met)\s+([^()]+?)\s*\)\s*\Z", re.IGNORECASE
)
_MAX_NAME: Final = 100  # longer "names" are sentences or whole bylines with job titles


@attrs.frozen
class BylineNames:
    """The names found in one byline text, and what was changed to find them.

    Attributes:
        names: the names, in order, without duplicates.
        changes: what was done, in words ("dropped 'By'", "split into 2 names").
        dropped: parts that are not names (addresses, e-mail addresses, overlong text).
    """

    names: tuple[str, ...]
    changes: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()


def is_not_a_name(text: str) -> bool:
    """Whether ``text`` is an address or an e-mail address rather than a person's name.

    >>> is_not_a_name("https://www.facebook.com/jane.doe"), is_not_a_name("Jane Doe")
    (True, False)
    """
    text = text.strip()
    return bool(_ADDRESS.match(text) or _EMAIL.match(text)) or len(text) > _MAX_NAME


def byline_names(
    text: str,
    *,
    split: bool = True,
    split_commas: bool = True,
    trim: bool = False,
    sites: frozenset[str] = frozenset(),
) -> BylineNames:
    """The names in a byline text.

    >>> byline_names("By Jane Doe and John Roe").names
    ('Jane Doe', 'John Roe')
    >>> byline_names("Doe, Jane").names
    ('Doe, Jane',)
    """
    changes: list[str] = []
    cleaned = " ".join(text.split())
    stripped = _without_lead(cleaned)
    if stripped != cleaned:
        changes.append(f"dropped {cleaned[: len(cleaned) - len(stripped)].strip()!r}")
    if trim:
        # A byline element's text runs on into its date: "Nathan Willis March 25, 2015".
        trimmed = _TRAILER.sub("", stripped)
        if trimmed and trimmed != stripped:
            changes.append(f"dropped {stripped[len(trimmed) :].strip()!r} after the name")
            stripped = trimmed
    head, comma, tail = stripped.rpartition(",")
    if comma and head and tail.strip().casefold() in sites:
        changes.append(f"dropped the site name {tail.strip()!r}")
        stripped = head
    parts = _split_names(stripped) if split else [stripped]
    together = _WITH.search(stripped) if split else None
    if together is not None:
        joined = f"{stripped[: together.start()]} and {together.group(1)}"
        if len(with_parts := _split_names(joined)) > 1:
            changes.append(f"read {together.group(0).strip()!r} as co-authors")
            stripped, parts = joined, with_parts
    if split and split_commas:
        parts = [piece for part in parts for piece in _comma_split(part)]
    names: list[str] = []
    dropped: list[str] = []
    parts = _without_job_titles(parts, changes)
    for part in parts:
        if not part:
            continue
        if is_not_a_name(part):
            dropped.append(part)
        elif part not in names:
            names.append(part)
    if len(names) > 1:
        changes.append(f"split {stripped!r} into {len(names)} names")
    return BylineNames(tuple(names), tuple(changes), tuple(dropped))


def _without_lead(text: str) -> str:
    """``text`` without its leading "By", "Written by", ... (or "Von" before a full name)."""
    stripped = _BY.sub("", text, count=1)
    return _FOREIGN_BY.sub("", text, count=1) if stripped == text else stripped


def _without_job_titles(parts: list[str], changes: list[str]) -> list[str]:
    """``parts`` without those that are job titles, when a name is left ("X, Staff Writer")."""
    if len(parts) < 2 or all(JOB_TITLE.match(part) for part in parts):
        return parts
    titles = [part for part in parts if JOB_TITLE.match(part)]
    if titles:
        changes.append(f"dropped the job title {', '.join(titles)!r}")
    return [part for part in parts if part not in titles]


def _split_names(text: str) -> list[str]:
    """``text`` split at conjunctions and semicolons, or whole when that split is not a list."""
    parts = [part.strip(" ,") for part in _AND.split(text)]
    # "José Ortega y Gasset", "Jane and John Doe": a one-word part means no list of names,
    # and a part with an unclosed parenthesis means the split cut through one.
    if len(parts) > 1 and any(
        len(part.split()) < 2 or part.count("(") != part.count(")") for part in parts if part
    ):
        return [text]
    return parts


def _comma_split(part: str) -> list[str]:
    pieces = [piece.strip() for piece in part.split(",")]
    if len(pieces) > 1 and all(len(piece.split()) >= 2 for piece in pieces if piece):
        return pieces
    return [part]


def cleaned_authors(
    authors: Iterable[Author], *, sites: frozenset[str] = frozenset()
) -> tuple[tuple[Author, ...], list[str]]:
    """Authors with byline-like names cleaned, and a remark per change.

    "By" is dropped, a person named "A and B" becomes two authors (the item's other facts
    cannot be split between them, so they are kept only when one name is left), and an
    author whose name is an address (a facebook.com profile) is set aside. Organisation
    names are not split ("Procter and Gamble"). A trailing ", <site>" where ``<site>`` is
    one of ``sites`` (case-folded publisher or site names) is cut from a person's name
    ("Tom Watkins, CNN"), and an author equal to an earlier one (same name and kind) is
    dropped.

    >>> [a.name for a in cleaned_authors(
    ...     [Author(name="Tom Watkins, CNN"), Author(name="Tom Watkins")],
    ...     sites=frozenset({"cnn"}))[0]]
    ['Tom Watkins']
    """
    found: list[Author] = []
    remarks: list[str] = []
    for author in authors:
        person = author.kind is AuthorKind.PERSON
        names = byline_names(author.name, split=person, sites=sites if person else frozenset())
        if names.changes or names.dropped:
            what = [*names.changes, *(f"{part!r} is not a name" for part in names.dropped)]
            tail = "" if names.names else "; set aside"
            remarks.append(f"author {author.name!r}: {'; '.join(what)}{tail}")
        if len(names.names) == 1:
            cleaned = [attrs.evolve(author, name=names.names[0])]
        else:
            cleaned = [Author(name=name, kind=author.kind) for name in names.names]
        for one in cleaned:
            if any(_same_author(one, seen) for seen in found):
                remarks.append(f"author {one.name!r}: dropped a duplicate")
            else:
                found.append(one)
    return tuple(found), remarks


def _same_author(one: Author, other: Author) -> bool:
    return one.kind is other.kind and one.name.casefold() == other.name.casefold()


def recased_authors(
    authors: Iterable[Author], spellings: Iterable[str]
) -> tuple[tuple[Author, ...], list[str]]:
    """All-capitals names replaced by the page's other spelling of them, with a remark each.

    Markup often holds a byline styled in capitals ("JEFFREY GETTLEMAN") where the page's
    tags or byline spell the name properly; the spelling is taken when it is the same name
    case-insensitively. Names with lower-case letters are kept as written.

    >>> [a.name for a in recased_authors([Author(name="JANE DOE")], ["Jane Doe"])[0]]
    ['Jane Doe']
    """
    proper = {name.casefold(): name for name in spellings if not _all_caps(name)}
    found: list[Author] = []
    remarks: list[str] = []
    for author in authors:
        spelling = proper.get(author.name.casefold()) if _all_caps(author.name) else None
        if spelling is not None and spelling != author.name:
            remarks.append(f"author {author.name!r}: spelled {spelling!r} as elsewhere on the page")
            found.append(attrs.evolve(author, name=spelling))
        else:
            found.append(author)
    return tuple(found), remarks


def _all_caps(name: str) -> bool:
    return name.isupper() and sum(ch.isalpha() for ch in name) > 1
