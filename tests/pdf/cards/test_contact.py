"""Contact-card sheets: where the cards sit, what they say, what did not fit."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from cardplans import (
    CHINESE,
    JAPANESE,
    VIETNAMESE,
    base_plan,
    outlines,
    parse,
    stress_plan,
    text_in,
)

from workbook.facility import CrisisLine, Facility
from workbook.geometry import AVERY_5371, AVERY_L7414, BUSINESS_CARD, GridSpec, card_slots, inch, mm
from workbook.options import OverflowNote, RenderOptions
from workbook.pdf.cards import build_cards_pdf
from workbook.pdf.cards.contact import contact_sheets
from workbook.pdf.cards.content import contact_cards
from workbook.pdf.content import resolve
from workbook.plan import Paper, Plan


def build(plan: Plan | None, **options: object) -> tuple[bytes, tuple[OverflowNote, ...]]:
    opts = RenderOptions.for_plan(plan or Plan(), **options)  # type: ignore[arg-type]
    result = build_cards_pdf(plan, opts, "contact")
    assert result.page_count == len(pages_of(result.pdf))
    return result.pdf, result.overflow


def pages_of(pdf: bytes) -> list[str]:
    return [page.text for page in parse(pdf)]


@pytest.fixture(scope="module")
def base_pdf() -> bytes:
    return build(base_plan())[0]


@pytest.fixture(scope="module")
def stress() -> tuple[bytes, tuple[OverflowNote, ...]]:
    return build(stress_plan())


@pytest.mark.parametrize(("paper", "spec"), [(Paper.LETTER, AVERY_5371), (Paper.A4, AVERY_L7414)])
def test_every_card_outline_is_a_business_card_at_its_sheet_position(
    paper: Paper, spec: GridSpec
) -> None:
    pdf, _ = build(base_plan(), paper=paper)
    found = outlines(pdf, BUSINESS_CARD.width, BUSINESS_CARD.height)
    slots = card_slots(spec, BUSINESS_CARD)
    assert len(found) == 10
    expected = sorted((round(s.x, 2), round(spec.page.height - s.top, 2)) for s in slots)
    assert sorted((round(o.x0, 2), round(o.top, 2)) for o in found) == expected


def test_letter_cards_start_at_three_quarters_of_an_inch_and_half_an_inch(base_pdf: bytes) -> None:
    found = outlines(base_pdf, 252, 144)
    assert min(o.x0 for o in found) == pytest.approx(inch("0.75"), abs=0.01)
    assert min(o.top for o in found) == pytest.approx(inch("0.5"), abs=0.01)


def test_cards_continue_on_further_sheets(stress: tuple[bytes, tuple[OverflowNote, ...]]) -> None:
    pdf, _ = stress
    plan = stress_plan()
    cards = len(contact_cards(plan))
    sheets = contact_sheets(resolve(plan, RenderOptions.for_plan(plan)))
    assert cards > 10
    found = outlines(pdf, 252, 144)
    assert len(found) == 10 * len(sheets.sheets)
    assert {o.page for o in found} == set(range(len(sheets.sheets)))


def test_cut_guides_and_text_stay_off_the_cards_edges(base_pdf: bytes) -> None:
    slots = card_slots(AVERY_5371, BUSINESS_CARD)
    page = parse(base_pdf)[0]
    boxes = [(s.x, 792 - s.top, s.right, 792 - s.y) for s in slots]
    margin = mm(1)
    assert len(page.lines) > 18  # the guides, and lines to write on
    for line in page.lines:
        for x0, top, x1, bottom in boxes:
            touches = (line["x1"] >= x0 - 0.5 and line["x0"] <= x1 + 0.5
                       and line["bottom"] >= top - 0.5 and line["top"] <= bottom + 0.5)
            if touches:  # only a line to write on, well inside the card
                assert x0 + margin <= line["x0"] and line["x1"] <= x1 - margin
                assert top + margin <= line["top"] and line["bottom"] <= bottom - margin
    for char in page.chars:
        for x0, top, x1, bottom in boxes:
            if x0 < char["x0"] < x1 and top < char["top"] < bottom:
                assert char["x0"] >= x0 + margin and char["x1"] <= x1 - margin
                assert char["top"] >= top + margin and char["bottom"] <= bottom - margin


def test_each_sheet_has_a_50_mm_calibration_bar(
    stress: tuple[bytes, tuple[OverflowNote, ...]]
) -> None:
    pdf, _ = stress
    for page in parse(pdf):
        bars = [r for r in page.shapes if abs(r["width"] - mm(50)) < 0.01]
        assert len(bars) == 1
        assert "measure me: 50 mm" in page.text


def test_cards_show_name_role_phone_help_and_time(base_pdf: bytes) -> None:
    text = pages_of(base_pdf)[0]
    for expected in ("Sam Ortiz", "Partner", "(503) 555-0142", "Helps with: Listening, rides",
                     "Best time: Any time", "Lan Nguyễn", "Walt K.", "We talk: Every day",
                     "Crisis lines, any time", "988 Suicide & Crisis Lifeline", "Call 911"):
        assert expected in text
    assert "Old friend" not in text  # not marked for a card
    assert "LADC" not in text  # the counselor is carded once, from the crisis plan


def test_phone_numbers_are_large_and_bold(base_pdf: bytes) -> None:
    chars = parse(base_pdf)[0].chars
    digits = [c for c in chars if c["text"] == "4" and c["size"] > 12]
    assert digits, "no large digits"
    sizes = {round(c["size"]) for c in chars if c["text"].isdigit()}
    assert max(sizes) >= 18
    big = [c for c in chars if c["size"] >= 18]
    assert all("Bold" in c["fontname"] for c in big)


def test_phone_notes_go_small_below_the_number(base_pdf: bytes) -> None:
    dale = card_slots(AVERY_5371, BUSINESS_CARD)[2]
    text = text_in(base_pdf, 0, dale.x, 792 - dale.top, dale.width, dale.height)
    assert "(503) 555-0100 ext. 214\n(work line, weekdays only)" in text


def test_no_text_below_the_minimum_size() -> None:
    for large, minimum in ((False, 8), (True, 10)):
        pdf, _ = build(stress_plan(), large_print=large)
        slots = card_slots(AVERY_5371, BUSINESS_CARD)
        for page in parse(pdf):
            for char in page.chars:
                on_card = any(s.x < char["x0"] < s.right and 792 - s.top < char["top"]
                              < 792 - s.y for s in slots)
                if on_card:
                    assert char["size"] >= minimum - 0.01, (char["text"], char["size"])


def test_vietnamese_and_cjk_names_print(stress: tuple[bytes, tuple[OverflowNote, ...]]) -> None:
    text = "\n".join(pages_of(stress[0]))
    for name in (VIETNAMESE, CHINESE, JAPANESE):
        assert name in text
    # The long name wraps onto two lines of its card, whole.
    assert "Dr. Maria Fernández-Castillo" in text and "(Community Health Center)" in text


def test_the_overflow_report_names_exactly_what_was_shortened(
    stress: tuple[bytes, tuple[OverflowNote, ...]]
) -> None:
    pdf, notes = stress
    card_notes = [n for n in notes if n.where == "contact cards"]
    assert {(n.item, n.action, n.field_path) for n in card_notes} == {
        (f"phone of '{JAPANESE}'", "shortened", "support_network.people[2].phone"),
        (f"what '{JAPANESE}' helps with", "shortened", "support_network.people[2].helps_with"),
    }
    text = "\n".join(pages_of(pdf))
    assert text.count("…") == len(card_notes)  # every cut shows, and is reported
    assert notes[0].message().startswith("contact cards: phone of '山田花子' shortened")


def test_a_blank_book_gets_cards_to_fill_in_and_the_crisis_lines() -> None:
    pdf, notes = build(None)
    assert notes == ()
    assert len(outlines(pdf, 252, 144)) == 10
    text = pages_of(pdf)[0]
    assert text.count("Best time to call") == 9
    assert "Crisis lines, any time" in text


def test_a_facility_replaces_the_crisis_lines() -> None:
    facility = Facility(name="Clinic", crisis_lines=[
        CrisisLine(name="Samaritans", number="116 123", last_checked=dt.date(2026, 11, 1)),
        CrisisLine(name="NHS urgent mental health", number="111", short="Call 111, option 2",
                   last_checked=dt.date(2026, 11, 1)),
    ])
    pdf, _ = build(base_plan(), facility=facility)
    text = pages_of(pdf)[0]
    assert "Samaritans" in text and "116 123" in text and "Call 111, option 2" in text
    assert "988" not in text


def test_no_crisis_lines_card_when_the_client_leaves_the_lines_out() -> None:
    plan = base_plan()
    with_lines = pages_of(build(plan)[0])[0]
    plan.crisis_plan.include_standard_lines = False
    without = pages_of(build(plan)[0])[0]
    assert "Crisis lines, any time" in with_lines
    assert "Crisis lines, any time" not in without
    assert "988" not in without


def test_pdf_asks_for_no_scaling_embeds_its_fonts_and_is_deterministic(base_pdf: bytes) -> None:
    assert b"/PrintScaling /None" in base_pdf
    assert b"Helvetica" not in base_pdf
    assert build(base_plan())[0] == base_pdf


def test_large_print_options_pass_through() -> None:
    plan = base_plan()
    options = dataclasses.replace(RenderOptions.for_plan(plan), large_print=True)
    assert contact_sheets(resolve(plan, options)).large_print
