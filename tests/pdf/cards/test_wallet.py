"""The wallet crisis card: ID-1 faces, fold and duplex layouts, content, discreet card."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from cardplans import LONG_NAME, base_plan, discreet_plan, outlines, parse, stress_plan, text_in

from workbook.facility import CrisisLine, Facility
from workbook.geometry import ID1_CARD, LETTER, Box, wallet_slots
from workbook.options import OverflowNote, RenderOptions
from workbook.pdf import build_cards_pdf
from workbook.pdf.cards.content import wallet_content
from workbook.pdf.cards.discreet import treatment_words
from workbook.pdf.content import resolve
from workbook.plan import Paper, Plan

W, H = ID1_CARD.width, ID1_CARD.height
ONLY_IN_THE_WORKBOOK = "left off the card; only in the workbook"


def build(plan: Plan | None, **changes: object) -> tuple[bytes, tuple[OverflowNote, ...]]:
    options = dataclasses.replace(RenderOptions.for_plan(plan or Plan()), **changes)
    result = build_cards_pdf(plan, options, "wallet")
    assert result.page_count == len(parse(result.pdf))
    return result.pdf, result.overflow


def face_text(pdf: bytes, page: int, face: Box, page_height: float = LETTER.height) -> str:
    return text_in(pdf, page, face.x, page_height - face.top, face.width, face.height)


@pytest.fixture(scope="module")
def wallet_pdf() -> bytes:
    return build(base_plan())[0]


# --------------------------------------------------------------------------- geometry


def test_front_and_back_are_each_id1_side_by_side(wallet_pdf: bytes) -> None:
    faces = outlines(wallet_pdf, W, H)
    assert len(faces) == 4  # two copies (the default), front and back each
    slots = wallet_slots(LETTER, duplex=False)[:2]
    expected = sorted((round(face.x, 2), round(LETTER.height - face.top, 2))
                      for slot in slots for face in (slot.front, slot.back))
    assert sorted((round(f.x0, 2), round(f.top, 2)) for f in faces) == expected
    for slot in slots:
        assert slot.front.right == slot.back.x  # they share the fold


def test_a_dashed_fold_line_runs_between_the_faces(wallet_pdf: bytes) -> None:
    slot = wallet_slots(LETTER, duplex=False)[0]
    page = parse(wallet_pdf)[0]
    fold = [ln for ln in page.lines
            if abs(ln["x0"] - slot.fold_x) < 0.01 and abs(ln["x1"] - slot.fold_x) < 0.01
            and ln["top"] > LETTER.height - slot.front.top
            and ln["bottom"] < LETTER.height - slot.front.y]
    assert len(fold) == 1
    assert fold[0]["bottom"] - fold[0]["top"] > H * 0.8


def test_copies_continue_on_a_second_sheet() -> None:
    pdf, _ = build(base_plan(), wallet_copies=5)
    faces = outlines(pdf, W, H)
    assert len(faces) == 10
    assert sorted({f.page for f in faces}) == [0, 1]


def test_duplex_puts_mirrored_backs_on_the_next_page() -> None:
    pdf, _ = build(base_plan(), wallet_duplex=True, wallet_copies=2, paper=Paper.A4)
    assert len(parse(pdf)) == 2
    faces = outlines(pdf, W, H)
    fronts = sorted((round(f.x0, 2), round(f.top, 2)) for f in faces if f.page == 0)
    backs = sorted((round(f.x0, 2), round(f.top, 2)) for f in faces if f.page == 1)
    width = parse(pdf)[0].width
    assert len(fronts) == len(backs) == 2
    assert backs == sorted((round(width - x - W, 2), top) for x, top in fronts)
    assert "Who I call" in parse(pdf)[1].text and "Who I call" not in parse(pdf)[0].text
    assert b"/Duplex /DuplexFlipLongEdge" in pdf


def test_text_stays_inside_the_rounded_corners(wallet_pdf: bytes) -> None:
    margin = 2.0
    faces = [face for slot in wallet_slots(LETTER, duplex=False)[:2]
             for face in (slot.front, slot.back)]
    for char in parse(wallet_pdf)[0].chars:
        for face in faces:
            top, bottom = LETTER.height - face.top, LETTER.height - face.y
            if face.x < char["x0"] < face.right and top < char["top"] < bottom:
                assert face.x + margin <= char["x0"] and char["x1"] <= face.right - margin
                assert top + margin <= char["top"] and char["bottom"] <= bottom - margin


def test_every_wallet_sheet_has_the_calibration_bar(wallet_pdf: bytes) -> None:
    page = parse(wallet_pdf)[0]
    assert "measure me: 50 mm" in page.text
    assert any(abs(s["width"] - 50 * 72 / 25.4) < 0.01 for s in page.shapes)
    assert b"/PrintScaling /None" in wallet_pdf


# --------------------------------------------------------------------------- content


def test_front_has_the_title_three_signs_and_three_steps(wallet_pdf: bytes) -> None:
    front = face_text(wallet_pdf, 0, wallet_slots(LETTER, duplex=False)[0].front)
    assert front.startswith("My Crisis Plan\nMy warning signs\n")
    assert "I stop answering my phone" in front
    assert "1. Stop. Put down the drink or leave the place." in front
    assert "3. Go to a meeting today." in front
    assert "A fourth" not in front


def test_back_lists_who_to_call_in_order(wallet_pdf: bytes) -> None:
    back = face_text(wallet_pdf, 0, wallet_slots(LETTER, duplex=False)[0].back)
    order = ["Sam Ortiz (Partner)", "Lan Nguyễn (Sister)", "Walt K. (Sponsor)",
             "Maria Delgado (Counselor)", "988 Suicide & Crisis Lifeline",
             "SAMHSA National Helpline", "Emergency"]
    positions = [back.index(name) for name in order]
    assert positions == sorted(positions)
    for number in ("(503) 555-0142", "(503) 555-0150", "Call or text 988", "1-800-662-4357",
                   "Call 911"):
        assert number in back
    assert "Dale Thompson" not in back  # not marked for the wallet card
    assert "Okafor" not in back  # crisis contact not marked for it
    assert "Naloxone: Kitchen drawer by the fridge" in back


def test_facility_lines_replace_the_standard_ones() -> None:
    facility = Facility(crisis_lines=[
        CrisisLine(name="Samaritans", number="116 123", last_checked=dt.date(2026, 11, 1))])
    pdf, _ = build(base_plan(), facility=facility)
    back = face_text(pdf, 0, wallet_slots(LETTER, duplex=False)[0].back)
    assert "Samaritans" in back and "116 123" in back and "988" not in back


def test_the_standard_lines_can_be_left_out() -> None:
    plan = base_plan()
    plan.crisis_plan.include_standard_lines = False
    assert all(not e.essential for e in wallet_content(resolve(plan, RenderOptions())).contacts)


def test_a_blank_card_has_lines_to_write_on_and_the_crisis_lines() -> None:
    pdf, notes = build(None)
    assert notes == ()
    slot = wallet_slots(LETTER, duplex=False)[0]
    assert "My warning signs" in face_text(pdf, 0, slot.front)
    assert "1-800-662-4357" in face_text(pdf, 0, slot.back)
    lines_on_back = [ln for ln in parse(pdf)[0].lines
                     if slot.back.x < ln["x0"] < slot.back.right
                     and LETTER.height - slot.back.top < ln["top"] < LETTER.height - slot.back.y]
    assert len(lines_on_back) >= 6


# --------------------------------------------------------------------------- overflow


def test_many_long_contacts_are_shortened_or_left_off_and_reported() -> None:
    pdf, notes = build(stress_plan())
    back = face_text(pdf, 0, wallet_slots(LETTER, duplex=False)[0].back)
    reported = {(n.where, n.item, n.action, n.field_path) for n in notes}
    # Name and role do not fit one line at 9 pt: the contact is left off whole, never
    # cut short with an ellipsis, and reported.
    assert ("wallet card, back", f"contact '{LONG_NAME}'", ONLY_IN_THE_WORKBOOK,
            "support_network.people[3].name") in reported
    assert LONG_NAME not in back and "…" not in back
    left_off = [n for n in notes if n.action == ONLY_IN_THE_WORKBOOK]
    assert left_off
    for note in left_off:
        name = note.item.removeprefix("contact '").removesuffix("'")
        assert name not in back
    # Every personal contact is printed in full, shortened or reported as left off.
    plan = stress_plan()
    for i, person in enumerate(plan.support_network.people):
        if not person.on_wallet_card:
            continue
        path = f"support_network.people[{i}].name"
        shown = person.name in back
        noted = any(n.field_path == path for n in notes)
        assert shown or noted, person.name
    # The crisis lines are never the ones left off.
    for line in ("988 Suicide & Crisis Lifeline", "Call or text 988", "Call 911"):
        assert line in back
    # A number too long for its line is not cut either: the contact is left off whole.
    assert notes[0].message() == ("wallet card, back: contact '山田花子' left off the card; "
                                  "only in the workbook")
    assert all(note.action != "shortened" for note in notes if note.where == "wallet card, back")
    # A card-only PDF has no workbook pages: the card points to the workbook, no page.
    assert "More in my workbook\n" in back + "\n" and "More in my workbook, page" not in back


def test_a_card_where_everything_fits_points_nowhere(wallet_pdf: bytes) -> None:
    assert "More in my workbook" not in face_text(wallet_pdf, 0,
                                                  wallet_slots(LETTER, duplex=False)[0].back)


def test_no_wallet_text_below_the_minimum_size() -> None:
    for large, minimum in ((False, 8), (True, 10)):
        pdf, _ = build(stress_plan(), large_print=large)
        faces = [f for s in wallet_slots(LETTER, duplex=False) for f in (s.front, s.back)]
        for char in parse(pdf)[0].chars:
            if any(f.x < char["x0"] < f.right
                   and LETTER.height - f.top < char["top"] < LETTER.height - f.y
                   for f in faces):
                assert char["size"] >= minimum - 0.01


# --------------------------------------------------------------------------- discreet card


@pytest.mark.parametrize("duplex", [False, True], ids=["fold", "duplex"])
def test_a_discreet_card_says_nothing_about_treatment(duplex: bool) -> None:
    pdf, notes = build(discreet_plan(), wallet_duplex=duplex)
    text = "\n".join(page.text for page in parse(pdf))
    assert "Important numbers" in text
    assert treatment_words(text) == []
    lowered = text.lower()
    for word in ("recovery", "relapse", "naloxone", "addiction", "treatment", "alcohol",
                 "sponsor", "samhsa", "drink", "substance", "sober"):
        assert word not in lowered, word
    assert "1-800-662-4357" in text  # the helpline is still there, under a plain name
    assert {(n.item, n.action, n.field_path) for n in notes} == {
        ("title 'My Recovery Card'", "replaced by 'Important numbers' (discreet card)",
         "wallet_card.title"),
        ("warning sign 'I buy alcohol 'just to have it''", "left off (discreet card)",
         "crisis_plan.signs[1]"),
        ("step 1 'Stop. Put down the drink or leave the place.'", "left off (discreet card)",
         "crisis_plan.steps[0]"),
        ("step 2 'Call Sam or my sponsor.'", "left off (discreet card)", "crisis_plan.steps[1]"),
        ("where naloxone is kept", "left off (discreet card)", "crisis_plan.naloxone_location"),
    }


def test_discreet_card_keeps_a_neutral_title_the_client_chose() -> None:
    plan = discreet_plan()
    plan.wallet_card.title = "Numbers for Sam"
    content = wallet_content(resolve(plan, RenderOptions()))
    assert content.title == "Numbers for Sam"
    plan.wallet_card.title = "My Crisis Plan"  # the default wording becomes neutral
    assert wallet_content(resolve(plan, RenderOptions())).title == "Important numbers"
