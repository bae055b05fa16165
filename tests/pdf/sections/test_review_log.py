"""The printed review log: the reviews' dates and notes, in the workbook's language."""

from __future__ import annotations

import datetime as dt

from pdfutil import extract_text

from workbook.example import example_plan
from workbook.options import RenderOptions, ReviewEntry
from workbook.pdf import build_workbook

REVIEWS = (
    ReviewEntry(dt.date(2026, 11, 20), "Intake", "plan written"),
    ReviewEntry(dt.date(2026, 12, 18), "30 days", "added a trigger: payday"),
)


def _text(language: str) -> str:
    plan = example_plan(language)
    result = build_workbook(plan, RenderOptions.for_plan(plan, reviews=REVIEWS))
    return " ".join(extract_text(result.pdf).split())


def test_the_english_log_says_what_changed() -> None:
    text = _text("en")
    assert "30 days" in text
    assert "added a trigger: payday" in text


def test_a_spanish_log_prints_no_english_change_sentences() -> None:
    text = _text("es")
    assert "30 days" in text  # the counselor's own note is printed as typed
    assert "added a trigger" not in text
    assert "plan written" not in text
