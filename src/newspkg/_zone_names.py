"""Time-zone abbreviations as pages write them (``EDT``, ``CEST``, ``IST``): which offset each is.

`UNAMBIGUOUS` maps an abbreviation that names one offset everywhere it is used to that
offset; `parse_date` reads them. An abbreviation in `AMBIGUOUS` names several zones
(``IST`` is India, Ireland or Israel; ``CST`` is US Central or China): `parse_date` refuses
it, and `resolve_ambiguous` reads it only when the page's language or address decides,
saying so. Daylight-time names are fixed offsets: ``EDT`` is always -04:00.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta, timezone
from typing import Final

__all__ = ["AMBIGUOUS", "UNAMBIGUOUS", "resolve_ambiguous"]


def _zone(hours: float) -> timezone:
    return timezone(timedelta(minutes=round(hours * 60)))


UNAMBIGUOUS: Final[dict[str, timezone]] = {
    name: _zone(hours)
    for name, hours in {
        "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "AKST": -9, "AKDT": -8, "HST": -10, "NST": -3.5, "NDT": -2.5,
        "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3, "WET": 0, "WEST": 1,
        "MSK": 3, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "PHT": 8, "WIB": 7, "ICT": 7,
        "PKT": 5, "NPT": 5.75, "AEST": 10, "AEDT": 11, "ACST": 9.5, "ACDT": 10.5, "AWST": 8,
        "NZST": 12, "NZDT": 13, "SAST": 2, "WAT": 1, "EAT": 3, "CAT": 2,
    }.items()
}  # fmt: skip
"""Abbreviations that mean one offset wherever they are used."""

# Abbreviation → (hint tokens, hours, the zone in words); the first entry whose tokens meet
# the page's hints wins. Tokens are language subtags, region subtags and top-level domains.
AMBIGUOUS: Final[dict[str, tuple[tuple[frozenset[str], float, str], ...]]] = {
    "IST": (
        (frozenset({"in", "hi", "bn", "ta", "te", "mr"}), 5.5, "India Standard Time"),
        (frozenset({"ie", "ga"}), 1, "Irish Standard Time"),
        (frozenset({"il", "he"}), 2, "Israel Standard Time"),
    ),
    "CST": (
        (frozenset({"cn", "zh", "tw"}), 8, "China Standard Time"),
        (frozenset({"cu"}), -5, "Cuba Standard Time"),
        (frozenset({"us", "en", "mx"}), -6, "US Central Standard Time"),
    ),
    "AST": (
        (frozenset({"sa", "ar", "iq", "kw", "qa"}), 3, "Arabia Standard Time"),
        (frozenset({"ca", "pr"}), -4, "Atlantic Standard Time"),
    ),
    "BST": (
        (frozenset({"gb", "uk"}), 1, "British Summer Time"),
        (frozenset({"bd", "bn"}), 6, "Bangladesh Standard Time"),
    ),
}
"""Abbreviations naming several zones, with what decides between them."""

_TOKEN: Final = re.compile(r"\b([A-Z]{2,5})\b")


def hint_tokens(hints: Iterable[str | None]) -> frozenset[str]:
    """Tokens from language tags (``en-IN`` → en, in) and host names (``x.co.uk`` → uk)."""
    tokens: set[str] = set()
    for hint in hints:
        if not hint:
            continue
        if "." in hint:
            tokens.add(hint.rsplit(".", 1)[-1].lower())
        else:
            tokens.update(part.lower() for part in re.split(r"[-_]", hint) if part)
    return frozenset(tokens)


def resolve_ambiguous(text: str, hints: Iterable[str | None]) -> tuple[str, str] | None:
    """``text`` with its ambiguous abbreviation replaced by an offset, and why; or None.

    >>> resolve_ambiguous("Jan 5, 2026 10:00 IST", ["en-IN"])
    ('Jan 5, 2026 10:00 +05:30', "read 'IST' as India Standard Time (+05:30), from the page's language or address")
    """  # noqa: E501
    tokens = hint_tokens(hints)
    for match in _TOKEN.finditer(text):
        name = match.group(1)
        for wanted, hours, words in AMBIGUOUS.get(name, ()):
            if wanted & tokens:
                offset = _zone(hours).tzname(None).removeprefix("UTC") or "+00:00"
                fixed = f"{text[: match.start()]}{offset}{text[match.end() :]}"
                why = f"read {name!r} as {words} ({offset}), from the page's language or address"
                return fixed, why
    return None
