"""Dates in words, by language and paper (Babel, never the C library's locale)."""

from __future__ import annotations

import datetime as dt
import locale

import pytest

from workbook.text.dates import date_locale, format_date

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
