"""What editor each field of the plan needs, read from the model itself, and how choices read."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.form.fields import FieldKind, choice_label, classify, record_fields
from workbook.plan import (
    About,
    CrisisPlan,
    LevelOfCare,
    Plan,
    PrintSettings,
    SupportNetwork,
    SupportPerson,
    Trigger,
    TriggerKind,
    WarningSign,
)
from workbook.plan.common import Record


class _Shapes(Record):
    when: dt.date | None = None


@pytest.mark.parametrize(
    ("model", "name", "expected"),
    [
        (About, "counselor", FieldKind("text")),
        (About, "plan_date", FieldKind("date", optional=True)),
        (About, "level_of_care", FieldKind("enum", LevelOfCare, optional=True)),
        (Trigger, "trigger", FieldKind("text", required=True)),
        (Trigger, "kind", FieldKind("enum", TriggerKind)),
        (CrisisPlan, "include_standard_lines", FieldKind("bool")),
        (CrisisPlan, "signs", FieldKind("texts", required=True)),
        (SupportNetwork, "people", FieldKind("records", SupportPerson)),
        (Plan, "about", FieldKind("record", About)),
        (_Shapes, "when", FieldKind("date", optional=True)),
    ],
)
def test_each_field_gets_the_editor_its_type_asks_for(
    model: type[Record], name: str, expected: FieldKind
) -> None:
    assert classify(model.model_fields[name]) == expected


def test_the_language_is_a_choice_of_the_languages_printed() -> None:
    kind = classify(PrintSettings.model_fields["language"])
    assert kind.kind == "literal" and "en" in kind.item


def test_record_fields_follow_the_model_s_order() -> None:
    assert [name for name, _, _ in record_fields(WarningSign)] == list(WarningSign.model_fields)
    assert all(kind == classify(info) for _, info, kind in record_fields(Trigger))


def test_choices_read_as_words() -> None:
    assert choice_label(TriggerKind.OTHER) == "Other"
    assert choice_label("en") == "English"
    assert choice_label("outpatient_care") == "Outpatient care"
