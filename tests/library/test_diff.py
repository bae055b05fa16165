"""What changed between two plans, in plain words."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import plans

from workbook.example import example_plan
from workbook.library import describe_changes, summarise_changes
from workbook.plan import (
    CareAppointment,
    CareKind,
    LevelOfCare,
    Meeting,
    Paper,
    PathwayChoice,
    PathwayKind,
    Plan,
    SupportPerson,
    TrackerKind,
    Trigger,
)


def _base() -> Plan:
    plan = Plan()
    plan.about.preferred_name = "R."
    plan.about.next_review_date = dt.date(2026, 12, 1)
    plan.prevention.triggers = [Trigger(trigger="Friday nights", response="call Sam")]
    plan.support_network.people = [
        SupportPerson(name="Sam", phone="555-0100"),
        SupportPerson(name="Lan", phone="555-0101"),
    ]
    plan.crisis_plan.steps = ["Stop and breathe", "Call Sam"]
    return plan


def test_the_sentences_from_the_issue() -> None:
    old = _base()
    old.print_settings.paper = Paper.A4
    new = old.model_copy(deep=True)
    new.prevention.triggers.append(Trigger(trigger="payday"))
    new.support_network.people = new.support_network.people[1:]
    new.crisis_plan.steps[1] = "Call Lan"
    new.about.next_review_date = dt.date(2027, 1, 12)
    assert describe_changes(old, new) == [
        "changed the next review date to 12 January 2027",
        "added a trigger: payday",
        "removed a contact: Sam",
        "changed the crisis steps",
    ]


def test_dates_are_written_for_the_paper_size() -> None:
    old = _base()
    new = old.model_copy(deep=True)
    new.about.next_review_date = dt.date(2027, 1, 12)
    assert describe_changes(old, new) == ["changed the next review date to January 12, 2027"]
    assert describe_changes(old, new, paper=Paper.A4) == [
        "changed the next review date to 12 January 2027"
    ]


def test_no_changes() -> None:
    assert describe_changes(_base(), _base()) == []


def test_an_edited_item_names_what_changed_in_it() -> None:
    old = _base()
    new = old.model_copy(deep=True)
    new.support_network.people[0].phone = "555-0199"
    new.support_network.people[0].best_time = "evenings"
    new.prevention.triggers[0].response = "go for a walk"
    assert describe_changes(old, new) == [
        "changed a trigger: Friday nights (my response)",
        "changed a contact: Sam (phone, best time to call)",
    ]


def test_reordering_and_plain_additions() -> None:
    old = _base()
    new = old.model_copy(deep=True)
    new.support_network.people.reverse()
    new.crisis_plan.steps.append("Go to a meeting")
    new.check_ins.trackers = [TrackerKind.MOOD]
    assert describe_changes(old, new) == [
        "reordered the contacts",
        "added a crisis step: Go to a meeting",
        "removed a tracker: Daily check-in",
        "removed a tracker: Craving log",
        "removed a tracker: Meeting log",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda p: setattr(p.about, "next_review_date", None), "removed the next review date"),
        (lambda p: setattr(p.about, "level_of_care", LevelOfCare.RESIDENTIAL),
         "set the level of care completed to Residential treatment"),
        (lambda p: setattr(p.about, "counselor", "Maria"), "filled in the counselor"),
        (lambda p: setattr(p.about, "preferred_name", ""),
         "cleared the preferred name or initials"),
        (lambda p: setattr(p.about.snapshot, "stressors", "money"),
         "filled in the assessment of stressors"),
        (lambda p: setattr(p.print_settings, "large_print", True), "switched to large print"),
        (lambda p: setattr(p.crisis_plan, "naloxone_applies", True),
         "marked that naloxone applies"),
        (lambda p: setattr(p.continuing_care.daily_life, "housing", "sober living"),
         "filled in the notes on housing"),
        (lambda p: p.pathways.chosen.append(PathwayChoice(kind=PathwayKind.CLINICAL)),
         "added a pathway: Clinical care"),
        (lambda p: p.support_network.meetings.append(Meeting(group="AA", name="Early Birds")),
         "added a meeting: Early Birds"),
        (lambda p: p.continuing_care.appointments.append(
            CareAppointment(kind=CareKind.GROUP, provider="Riverside")),
         "added a care appointment: Group therapy with Riverside"),
        (lambda p: setattr(p.wallet_card, "title", "Call first"),
         "changed the wallet card title"),
    ],
)
def test_friendly_words_for_each_kind_of_answer(change: object, expected: str) -> None:
    old = _base()
    new = old.model_copy(deep=True)
    change(new)  # type: ignore[operator]
    assert describe_changes(old, new) == [expected]


def test_long_answers_are_never_quoted_whole() -> None:
    old = _base()
    new = old.model_copy(deep=True)
    long_trigger = "When my brother calls about money and the old arguments come back " * 20
    new.prevention.triggers.append(Trigger(trigger=long_trigger))
    new.about.snapshot.concerns = "x" * 5000
    changes = describe_changes(old, new)
    assert changes[1].startswith("added a trigger: When my brother calls")
    assert changes[1].endswith("…") and len(changes[1]) < 70
    assert all(len(change) < 100 for change in changes)


def _plain(sentence: str) -> bool:
    """No code words leaking into what a client reads."""
    return not re.search(r"_|None|\bTrue\b|\bFalse\b|<|Enum|\[\d", sentence)


def test_every_section_of_a_full_plan_is_described_plainly(plan: Plan) -> None:
    for old, new in ((Plan(), plan), (plan, Plan())):
        changes = describe_changes(old, new)
        assert changes and all(_plain(change) for change in changes), changes
    # Every section of the model shows up when it alone changes.
    for name in Plan.model_fields:
        if name in ("schema_version", "wallet_card", "print_settings"):
            continue
        emptied = plan.model_copy(deep=True)
        setattr(emptied, name, type(getattr(plan, name))())
        assert describe_changes(plan, emptied), name


def test_summary_for_the_review_log() -> None:
    assert summarise_changes([]) == "no changes"
    assert summarise_changes(["a", "b"]) == "a; b"
    assert summarise_changes([str(n) for n in range(9)], limit=3) == "0; 1; 2; and 6 more changes"
    assert summarise_changes([str(n) for n in range(4)], limit=3) == "0; 1; 2; and 1 more change"


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plan=plans())
def test_changes_are_reported_exactly_when_plans_differ(plan: Plan) -> None:
    assert describe_changes(plan, plan) == []
    assert describe_changes(plan, plan.model_copy(deep=True)) == []
    for other in (Plan(), example_plan()):
        for old, new in ((plan, other), (other, plan)):
            changes = describe_changes(old, new)
            assert bool(changes) == (old != new)
            # Items are named by the client's own words, so only line breaks are checked.
            assert all("\n" not in change for change in changes), changes
