"""Printed words for the plan's choices, and field titles taken from the model.

The form and the workbook use the same field titles (`Field(title=...)`), so
a client sees the same words on screen and on paper.
"""

from __future__ import annotations

from pydantic import BaseModel

from ..plan import date_text

__all__ = ["date_text", "title"]


def title(model: type[BaseModel], name: str) -> str:
    """The field's title from the model (plain text)."""
    text = model.model_fields[name].title
    return text or name.replace("_", " ").capitalize()
