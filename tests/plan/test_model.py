"""The plan model: defaults, validation rules, labels for the form."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from workbook.plan import (
    CopingArea,
    Goal,
    PathwayChoice,
    PathwayKind,
    Plan,
    SupportPerson,
    TrackerKind,
    Trigger,
    TriggerKind,
)
from workbook.plan.common import Record


def test_new_plan_is_valid_and_empty() -> None:
    plan = Plan()
    assert plan.schema_version == 1
    assert plan.support_network.people == []
    assert plan.display_name() == ""
    # Every tracker is printed unless the client chooses otherwise.
    assert plan.check_ins.trackers == list(TrackerKind)


def test_blank_required_text_is_rejected() -> None:
    with pytest.raises(ValidationError, match="must not be empty"):
        Trigger(trigger="   ")


def test_wallet_card_person_needs_a_phone() -> None:
    with pytest.raises(ValidationError, match="phone: a person on the wallet card"):
        SupportPerson(name="Sam", on_wallet_card=True)
    person = SupportPerson(name="Sam", phone="555-0100 ext. 4 (evenings)", on_wallet_card=True)
    assert person.phone.endswith("(evenings)")


def test_assignment_is_validated() -> None:
    plan = Plan()
    with pytest.raises(ValidationError):
        plan.about.plan_date = "not a date"  # type: ignore[assignment]


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError, match="extra"):
        Plan.model_validate({"schema_version": 1, "abuot": {}})


def test_pathway_kinds() -> None:
    plan = Plan()
    plan.pathways.chosen = [
        PathwayChoice(kind=PathwayKind.MUTUAL_SUPPORT, in_my_words="Two NA meetings a week"),
        PathwayChoice(kind=PathwayKind.CLINICAL),
    ]
    assert plan.pathways.kinds() == {PathwayKind.MUTUAL_SUPPORT, PathwayKind.CLINICAL}


def _records(model: type[Record]) -> list[type[Record]]:
    seen: list[type[Record]] = []

    def visit(cls: type[Record]) -> None:
        if cls in seen:
            return
        seen.append(cls)
        for info in cls.model_fields.values():
            for arg in _type_args(info.annotation):
                if isinstance(arg, type) and issubclass(arg, Record):
                    visit(arg)

    visit(model)
    return seen


def _type_args(annotation: object) -> list[object]:
    args = list(getattr(annotation, "__args__", ()) or ())
    out = [annotation]
    for arg in args:
        out.extend(_type_args(arg))
    return out


def test_every_field_has_a_title_for_the_form() -> None:
    missing = [
        f"{cls.__name__}.{name}"
        for cls in _records(Plan)
        for name, info in cls.model_fields.items()
        if not info.title
    ]
    assert missing == []
    assert Goal in _records(Plan)


def test_schema_names_titles() -> None:
    schema = Plan.model_json_schema()
    assert schema["properties"]["support_network"]["title"] == "My support network"
    person = schema["$defs"]["SupportPerson"]["properties"]
    assert person["phone"]["title"] == "Phone"
    assert "extensions" in person["phone"]["description"]


def test_broken_unicode_is_rejected_with_a_clear_message() -> None:
    with pytest.raises(ValidationError, match="unicode string"):
        Trigger(trigger="payday \ud800")


def test_every_choice_has_words_for_people() -> None:
    from enum import Enum

    from workbook.plan import label
    from workbook.plan.labels import labelled_enums

    choices = {
        arg
        for cls in _records(Plan)
        for info in cls.model_fields.values()
        for arg in _type_args(info.annotation)
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
