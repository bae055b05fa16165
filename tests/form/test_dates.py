"""Dates as people type them."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.form.dates import DateTextError, parse_date, show_date
from workbook.plan import Paper

TODAY = dt.date(2026, 5, 4)


@pytest.mark.parametrize(
    ("text", "paper", "expected"),
    [
        ("2026-11-29", Paper.LETTER, dt.date(2026, 11, 29)),
        ("11/29/2026", Paper.LETTER, dt.date(2026, 11, 29)),
        ("29/11/2026", Paper.A4, dt.date(2026, 11, 29)),
        ("29.11.2026", Paper.A4, dt.date(2026, 11, 29)),
        ("November 29, 2026", Paper.LETTER, dt.date(2026, 11, 29)),
        ("29 Nov 2026", Paper.LETTER, dt.date(2026, 11, 29)),
        ("today", Paper.A4, TODAY),
        ("tomorrow", Paper.A4, TODAY + dt.timedelta(days=1)),
        ("", Paper.LETTER, None),
    ],
)
def test_what_people_type(text: str, paper: Paper, expected: dt.date | None) -> None:
    assert parse_date(text, paper, today=TODAY) == expected


@pytest.mark.parametrize("text", ["11/2", "11/29/20", "11/29/202", "Nov 29", "soon", "13/45/2026"])
def test_not_yet_a_whole_date_while_typing(text: str) -> None:
    with pytest.raises(DateTextError):
        parse_date(text, Paper.LETTER, today=TODAY)


def test_a_finished_short_date_takes_this_year() -> None:
    assert parse_date("Nov 29", Paper.LETTER, today=TODAY, complete=False) == dt.date(2026, 11, 29)
    later = parse_date("11/29/27", Paper.LETTER, today=TODAY, complete=False)
    assert later == dt.date(2027, 11, 29)


def test_shown_as_printed() -> None:
    assert show_date(dt.date(2026, 11, 29), Paper.LETTER) == "November 29, 2026"
    assert show_date(dt.date(2026, 11, 29), Paper.A4) == "29 November 2026"
    assert show_date(None, Paper.A4) == ""
