"""The sample plan is valid, round-trips, and fills every field of the model."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel

from workbook.example import example_plan
from workbook.plan import (
    CopingArea,
    CravingStrategyKind,
    GoalArea,
    MeetingFormat,
    OrganisationKind,
    PathwayKind,
    Plan,
    plan_from_data,
    plan_from_json,
    plan_to_json,
)


def walk(value: Any, path: str = "plan") -> Iterator[tuple[str, Any]]:
    """Every (field path, value) in a model, depth first."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def test_example_validates_and_is_fresh_each_time() -> None:
    plan = example_plan()
    assert isinstance(plan, Plan)
    assert plan_from_data(plan.model_dump(mode="json")) == plan
    assert example_plan() == plan and example_plan() is not plan


def test_example_round_trips_through_json_unchanged() -> None:
    plan = example_plan()
    text = plan_to_json(plan)
    again = plan_from_json(text)
    assert again == plan
    assert plan_to_json(again) == text


# A pathway's own name is only asked for (and printed) for "another pathway".
OTHER_ONLY = re.compile(r"plan\.pathways\.chosen\[\d+\]\.name")


def test_every_field_holds_something() -> None:
    """A new model field without sample data fails here."""
    plan = example_plan()
    empty = [
        path
        for path, value in walk(plan)
        if (
            value is None
            or (isinstance(value, str) and not value.strip())
            or (isinstance(value, list) and not value)
        )
        and not OTHER_ONLY.fullmatch(path)
    ]
    assert empty == []
    for choice in plan.pathways.chosen:
        assert bool(choice.name) == (choice.kind is PathwayKind.OTHER), choice
    assert PathwayKind.OTHER in plan.pathways.kinds()


def test_walk_notices_an_empty_field() -> None:
    plan = example_plan()
    plan.support_network.family.boundaries = ""
    plan.goals.goals[0].steps = []
    found = {
        path for path, value in walk(plan) if value in ("", []) and not OTHER_ONLY.fullmatch(path)
    }
    assert found == {"plan.support_network.family.boundaries", "plan.goals.goals[0].steps"}


def test_both_values_of_every_flag_are_shown() -> None:
    flags: dict[str, set[bool]] = {}
    for path, value in walk(example_plan()):
        if isinstance(value, bool):
            key = re.sub(r"\[\d+\]", "[]", path)
            flags.setdefault(key, set()).add(value)
    lists_of_records = {key for key in flags if "[]" in key}
    assert lists_of_records, "expected per-item flags such as on_wallet_card"
    for key in lists_of_records:
        assert flags[key] == {True, False}, key


def test_sections_are_rich_enough() -> None:
    plan = example_plan()
    prevention, support = plan.prevention, plan.support_network
    assert len(plan.pathways.chosen) >= 2
    assert len(prevention.triggers) >= 4
    assert {s.kind for s in prevention.craving_strategies} == set(CravingStrategyKind)
    assert {s.area for s in prevention.coping_skills} == set(CopingArea)
    assert 4 <= len(support.people) <= 5
    assert any("ext." in person.phone for person in support.people)
    assert any(
        re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", p.name)
        for p in support.people
    ), "a Vietnamese name exercises the fonts"
    assert {m.format for m in support.meetings} >= {MeetingFormat.IN_PERSON, MeetingFormat.ONLINE}
    assert {o.kind for o in support.organisations} == set(OrganisationKind)
    assert {m.role.value for m in support.mentors} >= {"sponsor", "recovery_coach"}
    assert len(plan.whole_health.medications) == 2
    assert len({p.area for p in plan.whole_health.self_care}) >= 4
    assert {g.area for g in plan.goals.goals} == set(GoalArea)
    assert all(len(goal.steps) >= 2 and goal.target_date for goal in plan.goals.goals)
    crisis = plan.crisis_plan
    assert crisis.naloxone_applies and crisis.naloxone_location
    assert len(crisis.steps) >= 3 and len(crisis.contacts) >= 2


def test_dates_are_late_2026_and_in_order() -> None:
    about = example_plan().about
    assert about.plan_date and about.discharge_date and about.next_review_date
    assert dt.date(2026, 9, 1) <= about.plan_date <= dt.date(2026, 12, 31)
    assert about.plan_date <= about.discharge_date <= about.next_review_date


def test_example_uses_respectful_words() -> None:
    forbidden = re.compile(r"\b(addicts?|alcoholics?|abusers?|abuse|clean|dirty|relapses?)\b", re.I)
    for path, value in walk(example_plan()):
        if isinstance(value, str) and not isinstance(value, Enum):
            assert not forbidden.search(value), (path, value)
