"""parse_date: the forms people and pages write, and the refusals that keep dates honest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import Date, DateOrder, ValidationError, _dates, parse_date
from newspkg._dates import parse_date_zoned
from tests.strategies import dates

PLUS_TWO = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-04-06", date(2026, 4, 6)),
        ("2026-04-06T09:30:00+02:00", datetime(2026, 4, 6, 9, 30, tzinfo=PLUS_TWO)),
        ("2026-04-06T07:30:00Z", datetime(2026, 4, 6, 7, 30, tzinfo=UTC)),
        ("2026-04-06T09:30+02:00", datetime(2026, 4, 6, 9, 30, tzinfo=PLUS_TWO)),
        ("Apr 6, 2026", date(2026, 4, 6)),
        ("April 6, 2026", date(2026, 4, 6)),
        ("6 April 2026", date(2026, 4, 6)),
        ("  Monday, April 6, 2026 ", date(2026, 4, 6)),
        ("Apr 6, 2026 9:30 +0200", datetime(2026, 4, 6, 9, 30, tzinfo=PLUS_TWO)),
        ("Apr 6, 2026 7:30am UTC", datetime(2026, 4, 6, 7, 30, tzinfo=UTC)),
        ("13/06/2026", date(2026, 6, 13)),
        ("06/13/2026", date(2026, 6, 13)),
        ("06/06/2026", date(2026, 6, 6)),
    ],
)
def test_accepted_forms(text: str, expected: Date) -> None:
    parsed = parse_date(text)

    assert (parsed, type(parsed), parsed.isoformat()) == (
        expected,
        type(expected),
        expected.isoformat(),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("April 2026", r"does not name a whole day \(no day\)"),
        ("2026", "does not name a whole day"),
        ("2026-04", "not a complete ISO 8601 date"),
        ("04/06/2026", "is ambiguous"),
        ("04/06/26", "two-digit year"),
        ("2026-04-06T09:30:00", "has a time but no time zone"),
        ("Apr 6, 2026 9:30", "has a time but no time zone"),
        ("Apr 6, 2026 9:30 IST", "which may be India Standard Time or Irish"),
        ("Apr 6, 2026 9:30 CST", "'CST', which may be China Standard Time"),
        ("Apr 6, 2026 9:30 QQT", "unknown abbreviation"),
        ("yesterday", "not a date"),
        ("", "a date is required"),
        ("2026-02-30", "not a complete ISO 8601 date"),
    ],
)
def test_refused_forms(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "hours"),
    [("Apr 6, 2026 9:30 EDT", -4), ("Apr 6, 2026 9:30 PST", -8), ("6 Apr 2026 9:30 CEST", 2)],
)
def test_unambiguous_zone_abbreviations_are_read(text: str, hours: int) -> None:
    moment = parse_date(text)

    assert isinstance(moment, datetime)
    assert moment.utcoffset() == timedelta(hours=hours)


@pytest.mark.parametrize(
    ("order", "expected"),
    [(DateOrder.DAY_FIRST, date(2026, 6, 4)), (DateOrder.MONTH_FIRST, date(2026, 4, 6))],
)
def test_numeric_order_when_told(order: DateOrder, expected: date) -> None:
    assert parse_date("04/06/2026", order=order) == expected


def test_default_timezone_applies_only_when_told() -> None:
    assert parse_date("2026-04-06T09:30", default_timezone=PLUS_TWO) == datetime(
        2026, 4, 6, 9, 30, tzinfo=PLUS_TWO
    )


def test_an_iana_zone_is_kept_and_other_zones_become_fixed_offsets() -> None:
    zone = ZoneInfo("Europe/Berlin")

    kept = parse_date("2026-04-06T09:30", default_timezone=zone)
    # dateutil's own offset class becomes the standard library's fixed offset.
    plain = parse_date("Apr 6, 2026 9:30 +0200")

    assert isinstance(kept, datetime)
    assert isinstance(plain, datetime)
    assert kept.tzinfo is zone
    assert type(plain.tzinfo) is timezone


@pytest.mark.parametrize(
    "text", ["Mon, 1 Jan 2022 00:00 +2400", "Apr 6, 2026 9:30 +2500", "Apr 6, 2026 9:30 -9999"]
)
def test_an_offset_of_a_day_or_more_is_refused_as_a_date_error(text: str) -> None:
    # dateutil reads such an offset; the datetime then raised ValueError when asked for it.
    with pytest.raises(ValidationError, match="offset of 24 hours or more"):
        parse_date(text)


def test_non_text_is_refused() -> None:
    with pytest.raises(ValidationError, match="expected text"):
        parse_date(20260406)  # type: ignore[arg-type]


@given(dates())
def test_iso_output_reads_back(value: Date) -> None:
    read = parse_date(value.isoformat())

    assert read == value
    # Aware datetimes compare as instants; the text also shows the offset was kept.
    assert read.isoformat() == value.isoformat()


_DATE_TEXTS = [
    "2026-04-06", "2026-04-06T09:30:00", "2026-04-06T09:30:00+02:00", "2026-04-06T09:30:00Z",
    "Wed, 02 Feb 2022 09:27:57 +0100", "2022-5-5 22:17:36", "Apr 6, 2026", "April 6, 2026 10am",
    "6 April 2026 10:15 CEST", "04/06/2026 10:00", "13/06/2026 10:00", "April 2026", "10:30",
    "2026-04-06 10:00 IST", "2026-04-06 10:00 XYZ", "9999-12-31T23:59:00", "0001-01-01T00:10:00",
    "not a date", "", "  ", "2026-02-30", "06/04/26",
]  # fmt: skip


def _read_in_two_calls(text: str, zone: timezone) -> tuple[str, object]:
    """How the JSON-LD reader read a date before `parse_date_zoned`: without a zone, then with."""
    try:
        return "plain", parse_date(text)
    except ValidationError:
        pass
    try:
        return "defaulted", parse_date(text, default_timezone=zone)
    except ValidationError as error:
        return "error", str(error)


@given(
    text=st.sampled_from(_DATE_TEXTS) | st.text(max_size=30),
    zone=st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=14))]),
)
def test_one_zoned_parse_reads_as_a_parse_without_then_with_the_default_zone(
    text: str, zone: timezone
) -> None:
    try:
        value, defaulted = parse_date_zoned(text, default_timezone=zone)
        one_parse: tuple[str, object] = ("defaulted" if defaulted else "plain", value)
    except ValidationError as error:
        one_parse = ("error", str(error))

    assert one_parse == _read_in_two_calls(text, zone)


# --- the RFC 5322 shortcut -----------------------------------------------------------------


# Each part is mostly one the shortcut takes, so most texts are whole RFC 5322 dates (they
# must read the same), with now and then a part it leaves to dateutil.
def _mostly(valid: list[str], other: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(valid), st.sampled_from(valid), st.sampled_from(other))


_WEEKDAYS = _mostly(["Mon, ", "Wed, ", "Sun, ", ""], ["wed, ", "Wed ", "Wednesday, ", "Xyz, "])
_DAYS = _mostly([str(day) for day in range(1, 32)] + ["04", "09"], ["0", "00", "32", "123"])
_MONTH_NAMES = _mostly(["Jan", "Feb", "Apr", "Sep", "Dec"], ["feb", "FEB", "February", "Sept"])
_YEARS = _mostly(["2022", "1999", "9999", "1000"], ["0999", "22", "12345"])
_ZONES = _mostly(
    ["+0100", "-0400", "+0000", "-0000", "+2359", "-0930", "GMT", "UTC"],
    ["+2400", "-1260", "+05:30", "+100", "Z", "UT", "EST", "CET", "IST", "gmt", ""],
)


def _outcome(read: Callable[[], tuple[Date, bool]]) -> tuple[str, ...]:
    """A reading as text that tells apart what equality does not (offsets, zone classes)."""
    try:
        value, defaulted = read()
    except ValidationError as error:
        return ("error", str(error))
    zone = value.tzinfo if isinstance(value, datetime) else None
    return (repr(value), type(zone).__name__, value.isoformat(), str(defaulted))


@given(
    weekday=_WEEKDAYS,
    day=_DAYS,
    month=_MONTH_NAMES,
    year=_YEARS,
    clock=st.tuples(st.integers(0, 25), st.integers(0, 61), st.none() | st.integers(0, 61)),
    zone=_ZONES,
    spaces=st.sampled_from([("", ""), ("  ", "\n"), ("", " ")]),
    order=st.sampled_from([None, *DateOrder]),
    default=st.sampled_from([None, UTC, timezone(timedelta(hours=-5))]),
)
def test_rfc_5322_dates_read_as_dateutil_reads_them(  # noqa: PLR0917 (hypothesis's names)
    weekday: str,
    day: str,
    month: str,
    year: str,
    clock: tuple[int, int, int | None],
    zone: str,
    spaces: tuple[str, str],
    order: DateOrder | None,
    default: timezone | None,
) -> None:
    hour, minute, second = clock
    time = f"{hour:02}:{minute:02}" + ("" if second is None else f":{second:02}")
    text = f"{spaces[0]}{weekday}{day} {month} {year} {time} {zone}{spaces[1]}"

    shortcut = _outcome(lambda: _dates._read_date(text, order, default))
    by_dateutil = _outcome(lambda: _dates._read_by_dateutil(text, text.strip(), order, default))

    assert shortcut == by_dateutil


@pytest.mark.parametrize(
    "text",
    [
        "Wed, 02 Feb 2022 09:27:57 +0100",
        "Thu, 28 Apr 2022 22:33:57 -0400",
        "Wed, 04 May 2022 02:41:00 GMT",
        "2 Feb 2022 09:27 UTC",
        "Sun, 31 Dec 2023 23:59:59 -0930",
    ],
)
def test_the_corpus_mail_dates_take_the_shortcut_to_the_same_date(text: str) -> None:
    # The comparison above would hold for a shortcut never taken: these take it.
    assert _dates._rfc_5322(text) is not None
    assert _outcome(lambda: parse_date_zoned(text, default_timezone=UTC)) == _outcome(
        lambda: _dates._read_by_dateutil(text, text, None, UTC)
    )
