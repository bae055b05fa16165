"""A list's cells: dates read in the form as the workbook prints them."""

from __future__ import annotations

import datetime as dt

from workbook.form.fields import FieldKind
from workbook.plan import Paper, PrintSettings
from workbook.ui.listmodel import display_text


def test_a_date_cell_reads_as_it_prints() -> None:
    day = dt.date(2026, 11, 29)
    date = FieldKind("date", optional=True)
    assert display_text(day, date, PrintSettings()) == "November 29, 2026"
    assert display_text(day, date, PrintSettings(paper=Paper.A4)) == "29 November 2026"
    assert display_text(None, date, PrintSettings()) == ""
