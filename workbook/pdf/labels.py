"""Printed words for the plan's choices, and field titles taken from the model.

The form and the workbook use the same field titles (`Field(title=...)`), so
a client sees the same words on screen and on paper.
"""

from __future__ import annotations

import datetime as dt

from ..plan import Paper
from ..plan import field_title as title
from ..text.dates import format_date

__all__ = ["date_text", "title"]


def date_text(day: dt.date | None, paper: Paper) -> str:
    """A date as the workbook prints it on `paper` ("" for none)."""
    return format_date(day, paper=paper)
