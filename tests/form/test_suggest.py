"""Suggestions become records; the client's own wording takes over."""

from __future__ import annotations

import pytest

from workbook.catalogues import CATALOGUE_KINDS
from workbook.form import suggest
from workbook.plan import CopingArea, PathwayKind, Plan, TriggerKind
from workbook.ui.controller import PlanController


def test_every_catalogue_has_a_place_in_the_plan() -> None:
    assert set(suggest.BINDINGS) == set(CATALOGUE_KINDS)


@pytest.mark.parametrize("kind", CATALOGUE_KINDS)
def test_ticking_each_catalogue_makes_a_valid_record(kind: str) -> None:
    controller = PlanController(Plan())
    offer = suggest.offers([kind], set())[0]
    assert suggest.tick(controller, offer, True) is None
    binding = suggest.BINDINGS[kind]
    items = controller.value(binding.list_path)
    assert [binding.text_of(i) for i in items] == [offer.text]
    assert suggest.is_ticked(controller, offer)
    suggest.tick(controller, offer, False)
    assert controller.value(binding.list_path) == []


def test_group_sets_the_kind_of_record() -> None:
    controller = PlanController(Plan())
    places = [o for o in suggest.offers(["triggers"], set()) if o.group == "place"]
    suggest.tick(controller, places[0], True)
    assert controller.plan.prevention.triggers[0].kind == TriggerKind.PLACE
    emotions = [o for o in suggest.offers(["coping_skills"], set()) if o.group == "emotions"]
    suggest.tick(controller, emotions[0], True)
    assert controller.plan.prevention.coping_skills[0].area == CopingArea.EMOTIONS


def test_changed_wording_belongs_to_the_client() -> None:
    controller = PlanController(Plan())
    offer = suggest.offers(["crisis_steps"], set())[0]
    suggest.tick(controller, offer, True)
    controller.set("crisis_plan.steps[0]", "Call my sister Ana first")
    assert not suggest.is_ticked(controller, offer)
    suggest.tick(controller, offer, False)  # nothing holds the suggestion's words now
    assert controller.plan.crisis_plan.steps == ["Call my sister Ana first"]


def test_pathway_suggestions_come_first() -> None:
    kinds = ["coping_skills", "self_management_tools"]
    offers = suggest.offers(kinds, {PathwayKind.SELF_MANAGEMENT})
    flags = [o.for_my_pathways for o in offers]
    assert any(flags)
    assert flags == sorted(flags, reverse=True)
