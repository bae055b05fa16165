"""The plan model: defaults, validation rules, titles for the form."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from strategies import record_types

from workbook.plan import (
    Goal,
    PathwayChoice,
    PathwayKind,
    Plan,
    SupportPerson,
    TrackerKind,
    Trigger,
)


def test_new_plan_is_valid_and_empty() -> None:
    plan = Plan()
    assert plan.schema_version == 3
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


def test_every_field_has_a_title_for_the_form() -> None:
    missing = [
        f"{cls.__name__}.{name}"
        for cls in record_types(Plan)
        for name, info in cls.model_fields.items()
        if not info.title
    ]
    assert missing == []
    assert Goal in record_types(Plan)


def test_schema_names_titles() -> None:
    schema = Plan.model_json_schema()
    assert schema["properties"]["support_network"]["title"] == "My support network"
    person = schema["$defs"]["SupportPerson"]["properties"]
    assert person["phone"]["title"] == "Phone"
    assert "extensions" in person["phone"]["description"]


def test_broken_unicode_is_rejected_with_a_clear_message() -> None:
    with pytest.raises(ValidationError, match="unicode string"):
        Trigger(trigger="payday \ud800")
