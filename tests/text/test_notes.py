"""Overflow notes read in the interface language, the client's words untouched."""

from __future__ import annotations

import pytest
from cardplans import discreet_plan, stress_plan

from workbook.options import OverflowNote, RenderOptions
from workbook.pdf import card_overflow
from workbook.text.i18n import set_interface_language
from workbook.text.notes import ACTIONS, ITEMS, PLACES, note_message, translate_phrase


def test_english_notes_read_as_before() -> None:
    note = OverflowNote("wallet card, back", "phone of 'Sam'", "shortened", "x")
    assert note.message() == "wallet card, back: phone of 'Sam' shortened"


def test_spanish_notes_keep_the_clients_words() -> None:
    set_interface_language("es")
    assert note_message("wallet card, back", "phone of 'Sam (work)'", "shortened") == (
        "tarjeta de bolsillo, reverso: el teléfono de 'Sam (work)': se acortó"
    )
    assert note_message("wallet card, front", "step 2 'Call Lan'", "left off (discreet card)") == (
        "tarjeta de bolsillo, frente: el paso 2 'Call Lan': no se puso (tarjeta discreta)"
    )
    assert translate_phrase("who 'A' is ('sponsor')", ITEMS) == "quién es 'A' ('sponsor')"
    assert translate_phrase("something new", ITEMS) == "something new"  # shown, never lost


@pytest.mark.parametrize("make", [stress_plan, discreet_plan])
def test_every_note_the_cards_make_is_translated(make: object) -> None:
    plan = make()  # type: ignore[operator]
    notes = card_overflow(plan, RenderOptions.for_plan(plan))
    assert notes
    for note in notes:
        for text, phrases in ((note.where, PLACES), (note.item, ITEMS), (note.action, ACTIONS)):
            set_interface_language("es")
            assert translate_phrase(text, phrases) != text, text
