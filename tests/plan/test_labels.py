"""Words for people: every choice has a label; dates read as the paper suggests."""

from __future__ import annotations

from strategies import record_types, type_args

from workbook.plan import CopingArea, PathwayKind, Plan, TriggerKind


def test_every_choice_has_words_for_people() -> None:
    from enum import Enum

    from workbook.plan import label
    from workbook.plan.labels import labelled_enums

    choices = {
        arg
        for cls in record_types(Plan)
        for info in cls.model_fields.values()
        for arg in type_args(info.annotation)
        if isinstance(arg, type) and issubclass(arg, Enum)
    }
    assert choices - labelled_enums() == set()
    assert label(CopingArea.EMOTIONS) == "Strong feelings"
    # The same value in two choices reads according to its own choice.
    assert label(PathwayKind.OTHER) == "Another pathway"
    assert label(TriggerKind.OTHER) == "Other"


def test_dates_are_written_in_english_as_the_paper_suggests() -> None:
    import datetime as dt
    import locale

    from workbook.plan import Paper, date_text

    day = dt.date(2027, 1, 12)
    assert date_text(day, Paper.LETTER) == "January 12, 2027"
    assert date_text(day, Paper.A4) == "12 January 2027"
    assert date_text(None, Paper.A4) == ""
    # Qt switches a process to the user's locale; the workbook stays English.
    try:
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        return
    try:
        assert date_text(day, Paper.A4) == "12 January 2027"
    finally:
        locale.setlocale(locale.LC_TIME, "C")
