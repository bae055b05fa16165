"""Fitting one card's words into its area, measured with the real fonts (nothing drawn)."""

from __future__ import annotations

import pytest
from cardplans import LONG_PHONE_NOTE

from workbook.pdf.cards.content import ContactCard, Sourced
from workbook.pdf.cards.layout import CONTACT_AREA, card_type, layout_contact, measure
from workbook.pdf.fonts import register_fonts

register_fonts()


def _card(phone: str, helps: str = "") -> ContactCard:
    return ContactCard(Sourced("Sam Ortiz", "p.name"), Sourced("Partner", "p.relationship"),
                       Sourced(phone, "p.phone"), helps_with=Sourced(helps, "p.helps_with"))


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large print"])
def test_the_number_prints_large_and_its_note_small_below(large: bool) -> None:
    layout, notes = layout_contact(_card("(503) 555-0100 ext. 214 (work line)"), large)
    t = card_type(large)
    phone = layout.stack.block("phone")
    assert phone.lines == ("(503) 555-0100 ext. 214",) and phone.bold
    assert layout.stack.block("phone_note").lines == ("(work line)",)
    assert phone.size > layout.stack.block("phone_note").size >= t.contact_min
    assert notes == [] and not layout.write_in


def test_a_card_without_a_number_leaves_a_line_to_write_it_on() -> None:
    layout, notes = layout_contact(_card(""), False)
    assert layout.write_in and notes == []


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large print"])
def test_every_line_fits_the_card_and_what_is_cut_is_reported(large: bool) -> None:
    layout, notes = layout_contact(_card(LONG_PHONE_NOTE, "Rides to appointments " * 30), large)
    width, height = CONTACT_AREA
    assert layout.stack.height <= height
    for block in layout.stack.blocks:
        assert block.size >= card_type(large).contact_min
        for number, line in enumerate(block.lines):
            label = block.label_width if number == 0 or block.hanging else 0.0
            assert label + measure(line, block.size, block.bold) <= width + 1e-6
    assert {(n.item, n.field_path) for n in notes} >= {
        ("what 'Sam Ortiz' helps with", "p.helps_with")}
