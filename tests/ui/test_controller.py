"""The form's controller: edits, refusals, undo and redo, without widgets."""

from __future__ import annotations

import pytest

from workbook.plan import Plan, SupportPerson, Trigger
from workbook.ui.controller import PlanController, related


@pytest.fixture
def controller() -> PlanController:
    return PlanController(Plan())


def test_set_announces_the_path_and_undo_restores(controller: PlanController) -> None:
    seen: list[str] = []
    controller.changed.connect(seen.append)
    assert controller.set("about.counselor", "Maria") is None
    assert controller.plan.about.counselor == "Maria"
    assert seen == ["about.counselor"]
    assert controller.is_modified()
    controller.undo_stack.undo()
    assert controller.plan.about.counselor == ""
    assert not controller.is_modified()
    controller.undo_stack.redo()
    assert controller.plan.about.counselor == "Maria"


def test_typing_merges_into_one_undo_step(controller: PlanController) -> None:
    for text in ("J", "Jo", "Jor", "Jordan"):
        controller.set("about.preferred_name", text, merge=True)
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert controller.plan.about.preferred_name == ""


def test_moving_to_another_field_ends_the_undo_step(controller: PlanController) -> None:
    controller.set("about.preferred_name", "J", merge=True)
    controller.set("about.preferred_name", "Jo", merge=True)
    controller.seal()  # the focus moved on and came back
    controller.set("about.preferred_name", "Jo R.", merge=True)
    assert controller.undo_stack.count() == 2
    controller.undo_stack.undo()
    assert controller.plan.about.preferred_name == "Jo"


def test_a_new_row_and_the_typing_that_fills_it_are_one_step(
    controller: PlanController,
) -> None:
    controller.insert("support_network.people", 0, SupportPerson(name="A"), absorb_typing=True)
    for text in ("An", "Ana"):
        controller.set("support_network.people[0].name", text, merge=True)
    controller.set("support_network.people[0].phone", "555-0101", merge=True)
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert controller.plan.support_network.people == []
    controller.undo_stack.redo()
    assert controller.plan.support_network.people == [
        SupportPerson(name="Ana", phone="555-0101")
    ]


def test_refused_value_gives_a_one_line_message(controller: PlanController) -> None:
    controller.set("support_network.people", [SupportPerson(name="Ana")])
    messages: list[str] = []
    controller.failed.connect(messages.append)
    error = controller.set("support_network.people[0].on_wallet_card", True)
    assert error == (
        "Put on the wallet crisis card: a person on the wallet card needs a phone number"
    )
    assert messages == [error]
    assert controller.plan.support_network.people[0].on_wallet_card is False
    assert controller.undo_stack.count() == 1  # the refused edit is not on the stack


def test_list_operations_are_undoable(controller: PlanController) -> None:
    path = "prevention.triggers"
    for word in ("a", "b", "c"):
        controller.append(path, Trigger(trigger=word))
    controller.move(path, 0, 2)
    assert [t.trigger for t in controller.plan.prevention.triggers] == ["b", "c", "a"]
    controller.remove(path, 1)
    assert [t.trigger for t in controller.plan.prevention.triggers] == ["b", "a"]
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert [t.trigger for t in controller.plan.prevention.triggers] == ["a", "b", "c"]


def test_undo_after_editing_an_item_restores_the_list_exactly(controller: PlanController) -> None:
    path = "prevention.triggers"
    controller.append(path, Trigger(trigger="Payday"))
    controller.set("prevention.triggers[0].response", "Pay bills first")
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    controller.undo_stack.redo()
    assert controller.plan.prevention.triggers[0].response == ""
    controller.undo_stack.redo()
    assert controller.plan.prevention.triggers[0].response == "Pay bills first"


def test_load_starts_a_clean_history(controller: PlanController) -> None:
    controller.set("about.counselor", "Maria")
    controller.load(Plan())
    assert not controller.is_modified()
    assert controller.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("", "about", True),
        ("about", "about.counselor", True),
        ("prevention.triggers", "prevention.triggers[2].response", True),
        ("prevention.triggers", "prevention.triggers_extra", False),
        ("about.counselor", "about.program", False),
    ],
)
def test_related(a: str, b: str, expected: bool) -> None:
    assert related(a, b) is expected
    assert related(b, a) is expected
