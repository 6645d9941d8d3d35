"""Turning the dates people and pages write into model dates, refusing what is unclear."""

import enum
import re
import sys
import warnings
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Final

from newspkg._models import Date
from newspkg._validation import date_problem
from newspkg._zone_names import AMBIGUOUS, UNAMBIGUOUS
from newspkg.errors import ValidationError

__all__ = [
    "CLOCK_SKEW",
    "DateOrder",
    "parse_date",
    "parse_date_zoned",
    "parse_iso",
    "parse_iso_duration",
    "skew_fixed",
]

CLOCK_SKEW: Final = timedelta(minutes=5)
"""How far a modification time may fall before the publication time and still be clock skew."""


class DateOrder(enum.Enum):
    """How to read an all-numeric date such as ``04/06/2026``."""

    DAY_FIRST = "day_first"  # 4 June 2026, as most of the world writes it
    MONTH_FIRST = "month_first"  # April 6, 2026, as the United States writes it


# dateutil fills any part the text lacks from a default; parsing twice with two
# defaults that differ in every part shows exactly which parts the text gave.
# Minutes and seconds are left equal: a time given as "10am" means 10:00:00.
_DEFAULTS: Final = (datetime(2001, 1, 1, 0), datetime(2002, 2, 2, 1))
# UTC, and the abbreviations that name one offset wherever they are used (EDT, CEST, JST).
_UTC_NAMES: Final[dict[str, tzinfo]] = {"UTC": UTC, "GMT": UTC, "Z": UTC, **UNAMBIGUOUS}
_NUMERIC_DATE: Final = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\b")
_ISO_LIKE: Final = re.compile(r"^\s*[+-]?\d{4}-\d{2}")
# The date-time of mail and RSS headers, which pages also print: RFC 5322 section 3.3
# ("Wed, 02 Feb 2022 09:27:57 +0100"), in its strict modern form only (weekday and month
# names as the RFC spells them, a four-digit year, a numeric zone or GMT/UTC). Other
# spellings, and the obsolete zone names (EST, UT), are left to dateutil.
_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_RFC_5322: Final = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) ("
    + "|".join(_MONTHS)
    + r") ([1-9]\d{3}) ([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))? "
    r"(?:([+-])([01]\d|2[0-3])([0-5]\d)|GMT|UTC)",
    re.ASCII,
)
_MONTH_NUMBERS: Final = {name: number for number, name in enumerate(_MONTHS, 1)}


def parse_date(
    text: str,
    *,
    order: DateOrder | None = None,
    default_timezone: tzinfo | None = None,
) -> Date:
    """Read a date as people and pages write it; refuse anything partial or ambiguous.

    Accepts ISO 8601 (``2026-04-06``, ``2026-04-06T09:30:00+02:00``, ``...Z``) and
    the forms pages print (``Apr 6, 2026``, ``April 6, 2026``, ``6 April 2026``,
    with an optional time and zone). Returns a `date` when the text names a day,
    an aware `datetime` when it names a time too.

    Args:
        text: the date as written.
        order: how to read an all-numeric date like ``04/06/2026``; without it,
            such a date is refused unless only one reading is possible.
        default_timezone: the zone of a time written without one; without it,
            such a time is refused, because guessing would shift the instant.

    Raises:
        ValidationError: the text is not a date, lacks the year, month or day
            ("April 2026", "2026"), is ambiguous, or has a time without a zone.

    >>> parse_date("Apr 6, 2026")
    datetime.date(2026, 4, 6)
    >>> parse_date("2026-04-06T09:30:00Z").isoformat()
    '2026-04-06T09:30:00+00:00'
    """
    return _read_date(text, order, default_timezone)[0]


def parse_date_zoned(text: str, *, default_timezone: tzinfo) -> tuple[Date, bool]:
    """`parse_date` with ``default_timezone``, and whether the text needed it.

    True means the text has a time but no zone: ``parse_date(text)`` without a default
    refuses it for that. Otherwise the two calls give the same date or the same error, so
    a reader that tries without the default first and then with it can parse once.
    """
    return _read_date(text, None, default_timezone)


def _read_date(
    text: str, order: DateOrder | None, default_timezone: tzinfo | None
) -> tuple[Date, bool]:
    if not isinstance(text, str):
        raise ValidationError(f"expected text, got {type(text).__name__}")
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError("a date is required, got empty text")
    if _ISO_LIKE.match(cleaned):
        return _finish(parse_iso(cleaned), text, default_timezone)
    mail_date = _rfc_5322(cleaned)
    if mail_date is not None:
        return _finish(mail_date, text, default_timezone)
    return _read_by_dateutil(text, cleaned, order, default_timezone)


def _rfc_5322(text: str) -> datetime | None:
    """``text`` read as an RFC 5322 date-time, or None to leave it to dateutil.

    dateutil reads these too, but twice (see `_DEFAULTS`), at ~50 us a parse; the text
    gives every part, so one match tells the whole moment. The weekday is not checked
    against the date, as dateutil does not check it. A text that matches but names no real
    moment (31 Feb, second 60) goes to dateutil too, for its error message.
    tests/test_dates.py compares the two readings on generated texts.
    """
    match = _RFC_5322.fullmatch(text)
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
    zone: tzinfo = UTC
    if sign is not None:
        offset = timedelta(hours=int(zone_hours), minutes=int(zone_minutes))
        zone = timezone(-offset if sign == "-" else offset)
    try:
        return datetime(
            int(year),
            _MONTH_NUMBERS[month],
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None


def _read_by_dateutil(
    text: str, cleaned: str, order: DateOrder | None, default_timezone: tzinfo | None
) -> tuple[Date, bool]:
    """`_read_date` for the texts that only dateutil reads (``cleaned`` is ``text`` stripped)."""
    day_first = _day_first(cleaned, order)
    readings = [_parse(cleaned, default, day_first=day_first) for default in _DEFAULTS]
    first, second = readings
    missing = [
        name
        for name, a, b in (("year", first.year, second.year), ("month", first.month, second.month))
        if a != b
    ]
    if first.day != second.day:
        missing.append("day")
    if missing:
        raise ValidationError(f"{text!r} does not name a whole day (no {' or '.join(missing)})")
    if first.hour != second.hour:  # no time in the text: a calendar day
        return first.date(), False
    return _finish(first, text, default_timezone)


def _finish(moment: Date, text: str, default_timezone: tzinfo | None) -> tuple[Date, bool]:
    """Give a parsed time its zone as a plain fixed offset, or refuse a zone-less one.

    Also tells whether the zone is ``default_timezone``, given because the text had none.
    """
    if not isinstance(moment, datetime):
        return moment, False
    defaulted = moment.tzinfo is None
    if defaulted:
        if default_timezone is None:
            raise ValidationError(
                f"{text!r} has a time but no time zone; add one, or pass default_timezone="
            )
        moment = moment.replace(tzinfo=default_timezone)
    try:
        offset = moment.utcoffset()
    except ValueError:
        # dateutil keeps any offset it reads ("+2500"); the datetime refuses it only here.
        raise ValidationError(
            f"{text!r} has a time zone offset of 24 hours or more, which no zone has"
        ) from None
    if offset is not None and not _is_plain_zone(moment.tzinfo):
        # dateutil's tzoffset/tzutc become the stdlib's fixed offset: same instant, plainer repr.
        moment = moment.replace(tzinfo=timezone(offset))
    problem = date_problem(moment)
    if problem is not None:
        raise ValidationError(problem)
    return moment, defaulted


def _is_plain_zone(zone: tzinfo | None) -> bool:
    """Whether ``zone`` is the standard library's own: a fixed offset or an IANA zone.

    `zoneinfo` is not imported for the check (~3 ms): a zone can only be a ``ZoneInfo``
    if the caller imported it.
    """
    if isinstance(zone, timezone):
        return True
    zoneinfo = sys.modules.get("zoneinfo")
    return zoneinfo is not None and isinstance(zone, zoneinfo.ZoneInfo)


def _day_first(text: str, order: DateOrder | None) -> bool:
    """Decide how to read a numeric date, refusing a guess between two valid readings."""
    if order is not None:
        return order is DateOrder.DAY_FIRST
    match = _NUMERIC_DATE.match(text)
    if match is None:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    if len(match.group(3)) < 4:
        raise ValidationError(f"{text!r} has a two-digit year; write the year in full")
    if first <= 12 and second <= 12 and first != second:
        raise ValidationError(
            f"{text!r} is ambiguous (day/month or month/day?); pass order=DateOrder.DAY_FIRST "
            "or DateOrder.MONTH_FIRST"
        )
    return first > 12


def parse_iso(text: str) -> Date:
    """Read a complete ISO 8601 date (exactly ``YYYY-MM-DD``) or date-time, as Python does.

    >>> parse_iso("2026-04-06"), parse_iso("2026-04-06T09:30:00+02:00").hour
    (datetime.date(2026, 4, 6), 9)

    Raises:
        ValidationError: ``text`` is neither.
    """
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            f"{text!r} is not a complete ISO 8601 date (YYYY-MM-DD) or date-time"
        ) from None


def _parse(text: str, default: datetime, *, day_first: bool) -> datetime:
    # Imported on first use: ISO dates (nearly all of them) never need dateutil.
    from dateutil import parser as dateutil_parser  # noqa: PLC0415

    with warnings.catch_warnings():
        # An abbreviation like "CET" or "EST" is ambiguous; refuse it rather than drop it.
        warnings.simplefilter("error", dateutil_parser.UnknownTimezoneWarning)
        try:
            return dateutil_parser.parse(
                text, default=default, dayfirst=day_first, tzinfos=_UTC_NAMES
            )
        except dateutil_parser.UnknownTimezoneWarning:
            ambiguous = next((name for name in AMBIGUOUS if name in text.split()), None)
            if ambiguous is not None:
                zones = " or ".join(words for _, _, words in AMBIGUOUS[ambiguous])
                raise ValidationError(
                    f"{text!r} names its time zone {ambiguous!r}, which may be {zones}; "
                    "write an offset such as +01:00"
                ) from None
            raise ValidationError(
                f"{text!r} names a time zone by an unknown abbreviation; write an offset "
                "such as +01:00"
            ) from None
        except (ValueError, OverflowError, TypeError) as error:
            raise ValidationError(f"not a date: {text!r} ({error})") from None
        except ArithmeticError:  # "23:666…6": dateutil's Decimal minutes fail at `% 1`
            raise ValidationError(f"not a date: {text!r} (a number in it is too large)") from None


def skew_fixed(published: object, modified: object) -> tuple[object, str | None]:
    """``modified``, set to ``published`` when it falls at most `CLOCK_SKEW` before it.

    CMSs stamp the two times from different clocks, so a modification a few seconds before
    publication is seen on real pages (NPR, Wired, Al Jazeera). Such a modification time is
    read as the publication time, with a remark; one further before is left for the caller
    to refuse.

    >>> from datetime import datetime, UTC
    >>> skew_fixed(datetime(2026, 1, 1, 9, 0, 5, tzinfo=UTC), datetime(2026, 1, 1, 9, tzinfo=UTC))[1]
    '2026-01-01T09:00:00+00:00 is 0:00:05 before datePublished (clock skew within 0:05:00); read as datePublished'
    """  # noqa: E501
    if not (isinstance(published, datetime) and isinstance(modified, datetime)):
        return modified, None
    if published.tzinfo is None or modified.tzinfo is None:
        return modified, None
    gap = published - modified
    if timedelta(0) < gap <= CLOCK_SKEW:
        remark = (
            f"{modified.isoformat()} is {gap} before datePublished (clock skew within "
            f"{CLOCK_SKEW}); read as datePublished"
        )
        return published, remark
    return modified, None


# --- ISO 8601 durations (schema.org timeRequired) ----------------------------------------

_NUMBER: Final = r"(\d+(?:[.,]\d+)?)"
_ISO_DURATION: Final = re.compile(
    rf"P(?:{_NUMBER}Y)?(?:{_NUMBER}M)?(?:{_NUMBER}W)?(?:{_NUMBER}D)?"
    rf"(?:T(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?",
    re.ASCII,
)
# Calendar units have no fixed length; these are the usual approximations.
_DURATION_UNITS: Final = (365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1)


def parse_iso_duration(text: str) -> float | None:
    """Read an ISO 8601 duration as seconds, or None when it is not one.

    >>> parse_iso_duration("PT5M"), parse_iso_duration("P0Y0M0DT0H10M39S"), parse_iso_duration("5 min")
    (300.0, 639.0, None)
    """  # noqa: E501
    stripped = text.strip()
    match = _ISO_DURATION.fullmatch(stripped)
    if match is None or stripped in {"P", "PT"} or stripped.endswith("T"):
        return None
    return sum(
        float(number.replace(",", ".")) * unit
        for number, unit in zip(match.groups(), _DURATION_UNITS, strict=True)
        if number is not None
    )
