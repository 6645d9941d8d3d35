"""parse_date: the forms people and pages write, and the refusals that keep dates honest."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newspkg import Date, DateOrder, ValidationError, parse_date
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
