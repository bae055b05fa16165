"""The print content: plan, facility and options resolved once for the workbook and cards."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

import pytest
from cardplans import base_plan

from workbook import facility as facility_module
from workbook.example import example_plan
from workbook.facility import CrisisLine, Facility, standard_crisis_lines
from workbook.options import RenderOptions
from workbook.pdf import build_cards_pdf, build_workbook, card_overflow
from workbook.pdf.content import resolve
from workbook.plan import Paper, PathwayKind, TriggerKind

OWN_LINES = Facility(name="  Harbor Light  ", crisis_lines=[
    CrisisLine(name="Samaritans", number="116 123", last_checked=dt.date(2026, 11, 1)),
])


def test_a_facility_s_lines_replace_the_standard_ones() -> None:
    standard = resolve(None, RenderOptions())
    assert standard.crisis_lines == tuple(standard_crisis_lines().lines)
    own = resolve(None, RenderOptions(facility=OWN_LINES))
    assert [line.name for line in own.crisis_lines] == ["Samaritans"]
    assert resolve(None, RenderOptions(facility=Facility(name="No lines"))).crisis_lines == (
        standard.crisis_lines
    )


def test_the_document_is_dated_by_the_plan_else_by_the_standard_lines() -> None:
    plan = example_plan()
    plan.about.plan_date = dt.date(2026, 10, 5)
    assert resolve(plan, RenderOptions()).created == dt.date(2026, 10, 5)
    plan.about.plan_date = None
    checked = standard_crisis_lines().last_checked
    assert resolve(plan, RenderOptions()).created == checked
    assert resolve(None, RenderOptions()).created == checked


def test_the_standard_lines_are_in_the_printed_language() -> None:
    spanish = resolve(None, RenderOptions(language="es"))
    assert spanish.crisis_lines == tuple(standard_crisis_lines("es").lines)
    assert spanish.date(dt.date(2027, 1, 12)) == "12 de enero de 2027"


def test_names_language_dates_and_choices() -> None:
    plan = example_plan()
    content = resolve(plan, RenderOptions(paper=Paper.A4, facility=OWN_LINES))
    assert content.name == plan.display_name()
    assert content.facility_name == "Harbor Light"
    assert content.pathways == frozenset(plan.pathways.kinds())
    assert content.date(dt.date(2027, 1, 12)) == "12 January 2027"
    assert content.date(None) == ""
    assert content.label(TriggerKind.OTHER) == "Other"
    assert content.label(PathwayKind.OTHER) == "Another pathway"
    blank = resolve(None, RenderOptions(cover_name="Sam"))
    assert blank.blank and blank.name == "Sam" and blank.pathways == frozenset()
    assert resolve(None, RenderOptions()).facility is None


def test_the_content_cannot_change_during_a_build() -> None:
    content = resolve(None, RenderOptions())
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.language = "es"  # type: ignore[misc]


def _count_calls(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Wrap `workbook.facility.<name>` wherever a printing module holds it."""
    calls: list[int] = []
    original: Callable[..., Any] = getattr(facility_module, name)

    def counted(*args: Any) -> Any:
        calls.append(1)
        return original(*args)

    for module_name, module in list(sys.modules.items()):
        if module_name.startswith("workbook.pdf") and getattr(module, name, None) is original:
            monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.parametrize("plan", [base_plan(), None], ids=["plan", "blank"])
def test_a_build_resolves_the_crisis_lines_once(
    monkeypatch: pytest.MonkeyPatch, plan: Any
) -> None:
    # They were looked up three times per build: the crisis page, the
    # contact sheet's lines card and the wallet card each asked the facility.
    calls = _count_calls(monkeypatch, "crisis_lines_for")
    options = RenderOptions(facility=OWN_LINES)
    build_workbook(plan, options)
    assert len(calls) == 1
    calls.clear()
    build_cards_pdf(plan, options, "wallet")
    card_overflow(plan, options)
    assert len(calls) == 2
