"""What goes on the contact cards, read from the plan: who is carded, and in which order."""

from __future__ import annotations

import pytest
from cardplans import base_plan

from workbook.pdf.cards.content import contact_cards, same_person


def test_cards_for_the_people_the_plan_marks_in_order() -> None:
    names = [card.name.text for card in contact_cards(base_plan())]
    # People marked for a card, the sponsor, then the crisis-plan professionals; the
    # counselor "Maria Delgado, LADC" is the crisis contact "Maria Delgado" (with a phone).
    assert names == ["Sam Ortiz", "Lan Nguyễn", "Dale Thompson", "Walt K.", "Maria Delgado",
                     "Dr. Grace Okafor"]


def test_the_counselor_gets_a_card_with_a_line_for_the_number_when_not_in_the_crisis_plan(
) -> None:
    plan = base_plan()
    plan.crisis_plan.contacts = []
    cards = contact_cards(plan)
    counselor = cards[-1]
    assert counselor.name.text == "Maria Delgado, LADC"
    assert counselor.role.text == "Counselor, Riverside Recovery Center"
    assert counselor.phone.blank
    assert counselor.name.path == "about.counselor"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Maria Delgado", "Maria Delgado, LADC", True), ("Dr. Grace Okafor", "grace okafor", True),
     ("Sam", "Sam Ortiz", False), ("Sam Ortiz", "Sam Orton", False), ("", "Sam", False)],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
