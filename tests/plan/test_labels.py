"""Words for people: every choice has a label."""

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
