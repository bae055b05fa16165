"""One grammar for fields: titles from the model; validation errors located, in plain words."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from workbook.plan import (
    MAX_TEXT,
    About,
    Plan,
    Problem,
    SupportPerson,
    describe_validation_error,
    field_error_message,
    field_title,
    first_problem,
    path_title,
)
from workbook.plan.common import Record


class _Untitled(Record):
    next_review_date: str = ""


def _error(data: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        Plan.model_validate(data)
    return caught.value


def test_a_title_comes_from_the_model_class_an_instance_or_the_field() -> None:
    assert field_title(About, "next_review_date") == "Next review date"
    assert field_title(Plan().about, "counselor") == "Counselor"
    assert field_title(SupportPerson.model_fields["on_wallet_card"], "on_wallet_card") == (
        "Put on the wallet crisis card"
    )


def test_a_field_without_a_title_is_named_in_words() -> None:
    assert field_title(_Untitled, "next_review_date") == "Next review date"


def test_a_path_is_titled_by_its_last_field() -> None:
    plan = Plan()
    plan.support_network.people.append(SupportPerson(name="Ana"))
    assert path_title(plan, "support_network.people[0].phone") == "Phone"
    assert path_title(plan, "support_network.people[0]") == "People who support me"
    assert path_title(plan, "support_network.people") == "People who support me"


def test_a_record_rule_is_located_at_the_field_it_names() -> None:
    error = _error({"support_network": {"people": [
        {"name": "A"}, {"name": "B", "on_wallet_card": True}]}})
    assert first_problem(error) == Problem(
        "support_network.people[1].phone", "a person on the wallet card needs a phone number"
    )


def test_problems_are_said_in_plain_words() -> None:
    assert first_problem(_error({"prevention": {"triggers": [{"trigger": " "}]}})) == Problem(
        "prevention.triggers[0].trigger", "must not be empty"
    )
    assert first_problem(_error({"goals": {"goals": [{"goal": "x", "colour": 1}]}})) == Problem(
        "goals.goals[0].colour", "is not a field of a recovery plan (misspelt?)"
    )
    assert first_problem(_error({"about": {"plan_date": "x", "discharge_date": "y"}})) == Problem(
        "about.plan_date", "Input should be a valid date or datetime, input is too short", more=1
    )


def test_a_plan_file_and_the_form_say_the_same_about_a_value_too_long() -> None:
    # The two copies differed here: a plan file said Pydantic's "String should
    # have at most 100000 characters", the form "is too long". Both now say
    # the same words, which say how long it is and how long it can be.
    error = _error({"about": {"counselor": "x" * (MAX_TEXT + 1)}})
    too_long = f"is {MAX_TEXT + 1:,} characters long; it can be at most {MAX_TEXT:,}"
    assert describe_validation_error(error) == f"about.counselor: {too_long}"
    assert field_error_message(error, "Counselor") == f"Counselor: {too_long}"


def test_a_file_message_names_the_path_and_counts_the_rest() -> None:
    error = _error({"about": {"plan_date": "x", "discharge_date": "y", "counselor": 1}})
    assert describe_validation_error(error) == (
        "about.plan_date: Input should be a valid date or datetime, input is too short "
        "(and 2 more problems)"
    )
    whole = _error({"schema_version": "one"})
    assert describe_validation_error(whole).startswith("schema_version: ")


def test_a_form_message_names_the_field_by_its_title() -> None:
    plan = Plan()
    plan.support_network.people.append(SupportPerson(name="Ana"))
    with pytest.raises(ValidationError) as caught:
        plan.support_network.people[0].on_wallet_card = True
    assert field_error_message(caught.value, "Put on the wallet crisis card") == (
        "Put on the wallet crisis card: a person on the wallet card needs a phone number"
    )
    assert field_error_message(ValueError("no such item"), "Phone") == "Phone: no such item"


def test_problems_read_in_the_interface_language() -> None:
    from workbook.plan import PlanFileError, plan_from_data
    from workbook.text.i18n import set_interface_language

    set_interface_language("es")
    cases = {
        "about.plan_date: no es una fecha": {"about": {"plan_date": "tomorrow"}},
        "support_network.people[0].phone: una persona en la tarjeta de bolsillo necesita": {
            "support_network": {"people": [{"name": "A", "on_wallet_card": True}]}
        },
        "support_network.people[0].name: es obligatorio": {
            "support_network": {"people": [{"relationship": "x"}]}
        },
        "goals.goals[0].colour: no es un campo de un plan de recuperación": {
            "goals": {"goals": [{"goal": "x", "colour": 1}]}
        },
    }
    for expected, data in cases.items():
        try:
            plan_from_data({"schema_version": 3, **data}, "x.json")
        except PlanFileError as error:
            assert f"x.json: {expected}" in str(error)
        else:
            raise AssertionError(expected)
