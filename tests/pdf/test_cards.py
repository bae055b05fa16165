"""Contact cards: what is carded, where the cards sit, what they say, what did not fit."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from pathlib import Path
from typing import Any

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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)
from strategies import records, text

from workbook.facility import CrisisLine, Facility
from workbook.geometry import (
    AVERY_5371,
    AVERY_L7414,
    BUSINESS_CARD,
    GridSpec,
    card_slots,
    inch,
    mm,
)
from workbook.options import OverflowNote, RenderOptions
from workbook.pdf.cards import build_cards_pdf, card_overflow, card_story
from workbook.pdf.cards.contact import contact_sheets
from workbook.pdf.cards.content import contact_cards, same_person, split_phone
from workbook.pdf.cards.qr import qr_payloads, vcard_contacts
from workbook.pdf.fonts import register_fonts
from workbook.plan import CrisisContact, Mentor, Paper, Plan, SupportPerson, WalletCard


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


# --------------------------------------------------------------------------- content


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


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [("(503) 555-0142", "(503) 555-0142", ""),
     ("(503) 555-0100 ext. 214 (work line)", "(503) 555-0100 ext. 214", "(work line)"),
     ("cell: +44 20 7946 0958", "+44 20 7946 0958", "cell:"),
     ("Call or text 988", "988", "Call or text"),
     ("ask at the front desk", "ask at the front desk", "")],
)
def test_split_phone(text: str, number: str, rest: str) -> None:
    assert split_phone(text) == (number, rest)


# --------------------------------------------------------------------------- positions


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
    sheets = contact_sheets(plan, RenderOptions.for_plan(plan))
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


# --------------------------------------------------------------------------- text and type


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


def test_card_overflow_matches_the_built_pdf() -> None:
    plan = stress_plan()
    options = RenderOptions.for_plan(plan)
    contact = build_cards_pdf(plan, options, "contact").overflow
    wallet = build_cards_pdf(plan, options, "wallet").overflow
    assert card_overflow(plan, options) == [*wallet, *contact]
    assert card_story(plan, options)[1] == [*wallet, *contact]


def test_a_blank_book_gets_cards_to_fill_in_and_the_crisis_lines() -> None:
    pdf, notes = build(None)
    assert notes == ()
    assert len(outlines(pdf, 252, 144)) == 10
    text = pages_of(pdf)[0]
    assert text.count("Best time to call") == 9
    assert "Crisis lines, any time" in text


def test_a_facility_replaces_the_crisis_lines() -> None:
    facility = Facility(name="Clinic", crisis_lines=[
        CrisisLine(name="Samaritans", number="116 123"),
        CrisisLine(name="NHS urgent mental health", number="111", short="Call 111, option 2"),
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


# --------------------------------------------------------------------------- QR codes


def test_qr_codes_hold_only_the_carded_contacts() -> None:
    plan = base_plan()
    cards = contact_cards(plan)
    payloads, notes = qr_payloads(cards)
    assert notes == []
    text = "".join(p.text for p in payloads)
    assert [c.name for c in vcard_contacts(cards)] == [n for p in payloads for n in p.names]
    assert text.count("BEGIN:VCARD") == len(cards)
    assert "TEL:(503) 555-0142\r\n" in text
    assert "NOTE:Friend from work\\; ext. 214 (work line\\, weekdays only)\r\n" in text
    for private in ("Listening, rides", "Any time", "I stop answering", "Kitchen drawer",
                    "Old friend", "J. R."):
        assert private not in text


def test_qr_codes_split_and_report_what_they_cannot_hold() -> None:
    plan = stress_plan()
    payloads, notes = qr_payloads(contact_cards(plan))
    assert 1 < len(payloads) <= 6
    assert all(p.version <= 15 for p in payloads)
    held = {n for p in payloads for n in p.names}
    left = {re.sub(r"^contact '(.*)'$", r"\1", n.item) for n in notes}
    assert held | left == {c.name.text for c in contact_cards(plan)}
    assert all(n.where == "contact cards, QR code" for n in notes)


def test_qr_codes_decode_to_the_vcards(
    stress: tuple[bytes, tuple[OverflowNote, ...]], tmp_path: Path
) -> None:
    import zxingcpp  # a QR reader, as a phone camera would (declared in the test extras)
    from PIL import Image

    plan = stress_plan()
    payloads, _ = qr_payloads(contact_cards(plan))
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(stress[0])
    # Rendered at 150 dpi, as a plain office printer would print it.
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "3", "-l", "3", str(pdf),
                    str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    decoded = {r.text for r in zxingcpp.read_barcodes(Image.open(png))}
    assert decoded == {p.text for p in payloads}
    assert all("TEL:(503) 555-01" in text for text in decoded)


# --------------------------------------------------------------------------- documents


def test_pdf_asks_for_no_scaling_embeds_its_fonts_and_is_deterministic(base_pdf: bytes) -> None:
    assert b"/PrintScaling /None" in base_pdf
    assert b"Helvetica" not in base_pdf
    assert build(base_plan())[0] == base_pdf


def test_card_story_is_full_pages_after_a_page_break() -> None:
    register_fonts()
    plan = base_plan()
    story, notes = card_story(plan, RenderOptions.for_plan(plan))
    assert isinstance(story[0], NextPageTemplate) and isinstance(story[1], PageBreak)
    buffer = io.BytesIO()
    body = Frame(54, 54, 504, 684, id="body")
    full = Frame(0, 0, 612, 792, id="fullpage", leftPadding=0, rightPadding=0, topPadding=0,
                 bottomPadding=0)
    document = BaseDocTemplate(buffer, pagesize=(612, 792), invariant=1,
                               pageTemplates=[PageTemplate("body", [body]),
                                              PageTemplate("fullpage", [full])])
    from reportlab.lib.styles import ParagraphStyle

    document.build([Paragraph("The workbook body.", ParagraphStyle("b", fontName="Body")),
                    *story])
    # One body page, one contact sheet, one wallet sheet: no blank pages in between.
    assert document.page == 3
    found = outlines(buffer.getvalue(), 252, 144)
    assert {o.page for o in found} == {1}
    assert notes == card_overflow(plan, RenderOptions.for_plan(plan))


def test_build_cards_pdf_rejects_an_unknown_kind() -> None:
    plan = base_plan()
    with pytest.raises(ValueError, match="contact"):
        build_cards_pdf(plan, RenderOptions.for_plan(plan), "both")  # type: ignore[arg-type]


def test_large_print_options_pass_through() -> None:
    plan = base_plan()
    options = dataclasses.replace(RenderOptions.for_plan(plan), large_print=True)
    assert contact_sheets(plan, options).large_print


# --------------------------------------------------------------------------- random plans


def _resolve(plan: Plan, path: str) -> Any:
    value: Any = plan
    for part in re.findall(r"\w+|\[\d+\]", path):
        value = value[int(part[1:-1])] if part.startswith("[") else getattr(value, part)
    return value


def _card_plan(people: list[SupportPerson], mentors: list[Mentor],
               contacts: list[CrisisContact], signs: list[str], steps: list[str],
               counselor: str, wallet: WalletCard, location: str) -> Plan:
    plan = Plan()
    plan.about.counselor = counselor
    plan.support_network.people = people
    plan.support_network.mentors = mentors
    plan.crisis_plan.contacts = contacts
    plan.crisis_plan.signs = signs
    plan.crisis_plan.steps = steps
    plan.crisis_plan.naloxone_applies = bool(location)
    plan.crisis_plan.naloxone_location = location
    plan.wallet_card = wallet
    return plan


# Only the parts of a plan the cards print (the whole-plan strategy spends minutes
# generating sections the cards never read).
card_plans = st.builds(
    _card_plan,
    people=st.lists(records(SupportPerson), max_size=14),
    mentors=st.lists(records(Mentor), max_size=3),
    contacts=st.lists(records(CrisisContact), max_size=4),
    signs=st.lists(text(required=True), max_size=4),
    steps=st.lists(text(required=True), max_size=4),
    counselor=text(),
    wallet=records(WalletCard),
    location=text(),
)


@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan=card_plans, large=st.booleans(), discreet=st.booleans())
def test_any_plan_gets_its_cards_and_every_note_points_at_a_field(
    plan: Plan, large: bool, discreet: bool
) -> None:
    plan.wallet_card.discreet = discreet
    options = RenderOptions.for_plan(plan, large_print=large)
    _, notes = card_story(plan, options)
    assert notes == card_overflow(plan, options)
    for note in notes:
        assert note.message().startswith(note.where)
        if note.field_path is not None:
            assert isinstance(_resolve(plan, note.field_path), str)
    for which in ("contact", "wallet"):
        result = build_cards_pdf(plan, options, which)  # type: ignore[arg-type]
        assert result.pdf.startswith(b"%PDF")
