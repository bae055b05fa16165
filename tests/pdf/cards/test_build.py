"""The card entry points: card pages for the workbook, card notes, card-only PDFs."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from cardplans import base_plan, outlines, stress_plan
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

from workbook.options import RenderOptions
from workbook.pdf.cards import build_cards_pdf, card_overflow, card_story
from workbook.pdf.cards.build import in_the_workbook
from workbook.pdf.content import resolve
from workbook.pdf.fonts import register_fonts
from workbook.plan import CrisisContact, Mentor, Plan, SupportPerson, WalletCard


def test_card_overflow_matches_the_built_pdf() -> None:
    plan = stress_plan()
    options = RenderOptions.for_plan(plan)
    contact = build_cards_pdf(plan, options, "contact").overflow
    wallet = build_cards_pdf(plan, options, "wallet").overflow
    assert card_overflow(plan, options) == [*wallet, *contact]
    # The workbook names the crisis plan's page in its notes once it is laid out.
    assert in_the_workbook(card_story(resolve(plan, options))[1], None) == [*wallet, *contact]


def test_card_story_is_full_pages_after_a_page_break() -> None:
    register_fonts()
    plan = base_plan()
    story, notes = card_story(resolve(plan, RenderOptions.for_plan(plan)))
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
    _, notes = card_story(resolve(plan, options))
    assert in_the_workbook(notes, None) == card_overflow(plan, options)
    for note in notes:
        assert note.message().startswith(note.where)
        if note.field_path is not None:
            assert isinstance(_resolve(plan, note.field_path), str)
    for which in ("contact", "wallet"):
        result = build_cards_pdf(plan, options, which)  # type: ignore[arg-type]
        assert result.pdf.startswith(b"%PDF")
