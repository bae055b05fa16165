"""Dates in words, by language and paper (Babel, never the C library's locale)."""

from __future__ import annotations

import datetime as dt
import locale

import pytest

from workbook.plan import Paper
from workbook.text.dates import date_locale, format_date, format_moment

DAY = dt.date(2027, 1, 12)


@pytest.mark.parametrize(
    ("language", "paper", "style", "expected"),
    [
        ("en", "letter", "long", "January 12, 2027"),
        ("en", "a4", "long", "12 January 2027"),
        ("es", "letter", "long", "12 de enero de 2027"),
        ("es", "a4", "long", "12 de enero de 2027"),
        ("es", "letter", "full", "martes, 12 de enero de 2027"),
        ("en", "letter", "medium", "Jan 12, 2027"),
    ],
)
def test_dates_are_written_as_readers_write_them(
    language: str, paper: str, style: str, expected: str
) -> None:
    assert format_date(DAY, language=language, paper=paper, style=style) == expected  # type: ignore[arg-type]


def test_no_date_is_empty() -> None:
    assert format_date(None, language="es") == ""


def test_locales() -> None:
    assert date_locale("en", "letter") == "en_US"
    assert date_locale("en", "a4") == "en_GB"
    assert date_locale("es", "letter") == "es_US"
    assert date_locale() == "en_US"  # the program's own lists: English, Letter


def test_the_process_locale_does_not_matter() -> None:
    old = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("de_DE.UTF-8", "C.UTF-8", "C"):
            try:
                locale.setlocale(locale.LC_TIME, name)
            except locale.Error:
                continue
            assert format_date(DAY, language="en", paper="letter") == "January 12, 2027"
    finally:
        locale.setlocale(locale.LC_TIME, old)


# The workbook's own month table before Babel.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def test_printed_dates_read_as_they_always_have() -> None:
    # The same words as before Babel, so a reprinted workbook is byte for byte the same.
    day = dt.date(2026, 1, 1)
    while day.year < 2029:
        month = MONTHS[day.month - 1]
        assert format_date(day, paper=Paper.LETTER) == f"{month} {day.day}, {day.year}"
        assert format_date(day, paper=Paper.A4) == f"{day.day} {month} {day.year}"
        day += dt.timedelta(days=1)


def test_a_moment_is_shown_on_the_local_clock() -> None:
    moment = dt.datetime(2026, 11, 29, 19, 5, tzinfo=dt.UTC)
    local = moment.astimezone()
    expected_hour = local.strftime("%H:%M")
    assert format_moment(moment, paper=Paper.A4) == f"{local.day} Nov 2026, {expected_hour}"
    assert format_moment(dt.datetime(2026, 11, 29, 14, 5)) == "Nov 29, 2026, 2:05\u202fPM"
    assert format_moment(dt.datetime(2026, 11, 29, 14, 5), language="es") == (
        "29 nov 2026, 2:05\u202fp.m."
    )
