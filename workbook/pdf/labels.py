"""Printed words for the plan's choices, and field titles taken from the model.

The form and the workbook use the same field titles (`Field(title=...)`), so
a client sees the same words on screen and on paper.
"""

from __future__ import annotations

from ..plan import date_text
from ..plan import field_title as title

__all__ = ["date_text", "title"]
