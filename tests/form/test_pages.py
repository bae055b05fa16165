"""Pages, their order for the chosen pathways, and their progress marks."""

from __future__ import annotations

import datetime as dt

from workbook.form.pages import (
    PAGE_BY_KEY,
    PAGES,
    PageState,
    matters_for,
    missing,
    page_for_path,
    page_state,
    part_number,
)
from workbook.plan import PathwayChoice, PathwayKind, Plan, Trigger


def test_one_page_per_area_each_with_words_to_read_aloud() -> None:
    assert [p.title for p in PAGES] == [
        "About this plan", "My pathways", "Preventing a return to use", "My support network",
        "Whole health", "Continuing care and daily life", "Goals and milestones",
        "Crisis action plan", "Check-ins and reviews",
    ]
    for page in PAGES:
        sentences = [s for s in page.intro.split(". ") if s]
        assert 1 <= len(sentences) <= 2, page.key


def test_a_new_plan_has_nothing_started_even_with_defaults() -> None:
    plan = Plan()
    assert {page_state(plan, p) for p in PAGES} == {PageState.NOT_STARTED}


def test_page_goes_from_in_progress_to_done() -> None:
    plan = Plan()
    about = PAGE_BY_KEY["about"]
    plan.about.preferred_name = "Jordan"
    assert page_state(plan, about) == PageState.IN_PROGRESS
    assert missing(plan, about) == ["Plan date", "Counselor"]
    plan.about.plan_date = dt.date(2026, 1, 5)
    plan.about.counselor = "Maria"
    assert page_state(plan, about) == PageState.DONE


def test_pathways_mark_pages_and_questions_without_moving_them() -> None:
    # The form keeps the workbook's order whatever is chosen: nothing moves
    # under a person while they work; the pathways only mark what matters.
    assert [part_number(p) for p in PAGES] == [None, 1, 2, 3, 4, 5, 6, 7, 8]
    support = PAGE_BY_KEY["support_network"]
    assert matters_for(support, {PathwayKind.MUTUAL_SUPPORT})
    assert not matters_for(support, {PathwayKind.SELF_MANAGEMENT})
    assert matters_for(PAGE_BY_KEY["whole_health"], {PathwayKind.CLINICAL})
    organisations = support.question("support_network.organisations")
    assert organisations is not None
    assert matters_for(organisations, {PathwayKind.FAITH_BASED})


def test_field_paths_find_their_page() -> None:
    assert page_for_path("support_network.people[2].phone") is PAGE_BY_KEY["support_network"]
    assert page_for_path("wallet_card.title") is PAGE_BY_KEY["crisis_plan"]
    assert page_for_path("schema_version") is None


def test_lists_count_as_answers() -> None:
    plan = Plan()
    plan.prevention.triggers = [Trigger(trigger="Payday")]
    plan.pathways.chosen = [PathwayChoice(kind=PathwayKind.CLINICAL)]
    assert page_state(plan, PAGE_BY_KEY["prevention"]) == PageState.IN_PROGRESS
    assert page_state(plan, PAGE_BY_KEY["pathways"]) == PageState.DONE
