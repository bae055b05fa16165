"""Field paths into a plan, and the model's validation on every assignment."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from workbook.plan import Plan, SupportPerson, Trigger, paths


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("about", ("about",)),
        ("about.preferred_name", ("about", "preferred_name")),
        ("support_network.people[2].phone", ("support_network", "people", 2, "phone")),
        ("crisis_plan.steps[0]", ("crisis_plan", "steps", 0)),
    ],
)
def test_parse_and_join_round_trip(text: str, steps: tuple[object, ...]) -> None:
    assert paths.parse(text) == steps
    assert paths.join(steps) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", "a..b", "a[x]", "[1]a b", "a.[1]"])
def test_parse_refuses_nonsense(bad: str) -> None:
    with pytest.raises(paths.PathError):
        paths.parse(bad)


def test_set_list_element_goes_through_validation() -> None:
    plan = Plan()
    plan.crisis_plan.steps = ["Call Sam"]
    paths.set_value(plan, "crisis_plan.steps[0]", "Call Ana")
    assert plan.crisis_plan.steps == ["Call Ana"]
    with pytest.raises(ValidationError):
        paths.set_value(plan, "crisis_plan.steps[0]", "   ")
    assert plan.crisis_plan.steps == ["Call Ana"]


def test_a_refused_record_rule_leaves_the_old_value() -> None:
    # Pydantic keeps a value a model validator refused; set_value must not.
    plan = Plan()
    plan.support_network.people = [SupportPerson(name="Ana")]
    with pytest.raises(ValidationError):
        paths.set_value(plan, "support_network.people[0].on_wallet_card", True)
    assert plan.support_network.people[0].on_wallet_card is False


def test_get_and_field_info() -> None:
    plan = Plan()
    plan.prevention.triggers = [Trigger(trigger="Payday")]
    assert paths.get(plan, "prevention.triggers[0].trigger") == "Payday"
    assert paths.field_info(plan, "prevention.triggers[0]").title == "Triggers"
    with pytest.raises(paths.PathError):
        paths.get(plan, "prevention.triggers[3]")
