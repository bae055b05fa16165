"""The form's pages: what each asks, in which order, and how far along it is.

Pure data and functions (no Qt). One page per area of the plan, in the
printed workbook's order (docs/ARCHITECTURE.md); the chosen pathways mark the
pages and questions that matter most to them, as a counselor would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from ..plan import PathwayKind, Plan, path_title, paths
from ..text.i18n import N_


class PageState(StrEnum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    DONE = "done"


@dataclass(frozen=True)
class Question:
    """One field the page asks about.

    `multiline` asks for a text box rather than a line; `catalogues` name the
    suggestion lists offered beside a list editor; `leads_for` are pathways
    for which this question matters most (the form marks it).
    """

    path: str
    multiline: bool = False
    catalogues: tuple[str, ...] = ()
    leads_for: frozenset[PathwayKind] = frozenset()


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    intro: str
    questions: tuple[Question, ...]
    # Answering these makes the page "done"; any answer makes it "in progress".
    core: tuple[str, ...] = ()
    leads_for: frozenset[PathwayKind] = frozenset()
    extra: tuple[str, ...] = field(default=())

    def question(self, path: str) -> Question | None:
        for q in self.questions:
            if q.path == path:
                return q
        return None

    def owns(self, path: str) -> bool:
        """Whether a field path (e.g. from an overflow note) is asked on this page."""
        return any(
            path == q.path or path.startswith((q.path + ".", q.path + "["))
            for q in self.questions
        )


P = PathwayKind
Q = Question

PAGES: tuple[Page, ...] = (
    Page(
        "about",
        N_("About this plan"),
        N_("Let's start with the basics: who this plan is for, and who is making it together. "
           "Initials are fine if you want the workbook to stay private."),
        (
            Q("about.preferred_name"),
            Q("about.plan_date"),
            Q("about.counselor"),
            Q("about.program"),
            Q("about.level_of_care"),
            Q("about.discharge_date"),
            Q("about.next_review_date"),
            Q("about.snapshot.progress", multiline=True),
            Q("about.snapshot.concerns", multiline=True),
            Q("about.snapshot.home_and_support", multiline=True),
            Q("about.snapshot.stressors", multiline=True),
        ),
        core=("about.preferred_name", "about.plan_date", "about.counselor"),
    ),
    Page(
        "pathways",
        N_("My pathways"),
        N_("There is more than one way to recover, and many people combine them. "
           "Choose the ways that fit you, and say what each one looks like for you."),
        (
            Q("pathways.chosen"),
            Q("pathways.arrangement"),
            Q("pathways.arrangement_notes", multiline=True),
        ),
        core=("pathways.chosen",),
    ),
    Page(
        "prevention",
        N_("Preventing a return to use"),
        N_("Knowing what can pull you back toward use helps you get ready for it. "
           "Let's name your triggers and warning signs, and what you will do about each one."),
        (
            Q("prevention.triggers", catalogues=("triggers",)),
            Q("prevention.warning_signs", catalogues=("warning_signs",)),
            Q("prevention.high_risk_situations", catalogues=("high_risk_situations",)),
            Q("prevention.craving_strategies", catalogues=("craving_strategies",)),
            Q("prevention.balance", catalogues=("balance",)),
            Q(
                "prevention.coping_skills",
                catalogues=("coping_skills", "self_management_tools"),
                leads_for=frozenset({P.SELF_MANAGEMENT}),
            ),
        ),
        core=("prevention.triggers", "prevention.warning_signs", "prevention.craving_strategies"),
        leads_for=frozenset({P.SELF_MANAGEMENT}),
    ),
    Page(
        "support_network",
        N_("My support network"),
        N_("Recovery is easier with people on your side. "
           "Let's write down who you can call, where you meet others, and what you enjoy doing."),
        (
            Q("support_network.people"),
            Q(
                "support_network.meetings",
                catalogues=("mutual_support_groups",),
                leads_for=frozenset({P.MUTUAL_SUPPORT}),
            ),
            Q(
                "support_network.organisations",
                catalogues=("faith_community_supports",),
                leads_for=frozenset({P.FAITH_BASED}),
            ),
            Q("support_network.online_communities"),
            Q("support_network.mentors", leads_for=frozenset({P.MUTUAL_SUPPORT})),
            Q("support_network.family.sessions", multiline=True),
            Q("support_network.family.communication_goals", multiline=True),
            Q("support_network.family.boundaries", multiline=True),
            Q("support_network.sober_activities", catalogues=("sober_activities",)),
        ),
        core=("support_network.people",),
        leads_for=frozenset({P.MUTUAL_SUPPORT, P.FAITH_BASED}),
    ),
    Page(
        "whole_health",
        N_("Whole health"),
        N_("Taking care of your body and mind supports your recovery. "
           "Let's list what you do to stay well, your medicines and your check-ups."),
        (
            Q("whole_health.self_care", catalogues=("self_care",)),
            Q("whole_health.medications", leads_for=frozenset({P.CLINICAL})),
            Q("whole_health.checkups"),
        ),
        core=("whole_health.self_care",),
        leads_for=frozenset({P.CLINICAL}),
    ),
    Page(
        "continuing_care",
        N_("Continuing care and daily life"),
        N_("Care goes on after this program ends. "
           "Let's plan your next steps in treatment and the practical parts of daily life."),
        (
            Q("continuing_care.step_down", multiline=True),
            Q(
                "continuing_care.appointments",
                catalogues=("clinical_supports",),
                leads_for=frozenset({P.CLINICAL}),
            ),
            Q("continuing_care.daily_life.housing", multiline=True),
            Q("continuing_care.daily_life.work", multiline=True),
            Q("continuing_care.daily_life.school", multiline=True),
            Q("continuing_care.daily_life.legal", multiline=True),
            Q("continuing_care.daily_life.transport", multiline=True),
        ),
        core=("continuing_care.step_down", "continuing_care.daily_life.housing"),
        leads_for=frozenset({P.CLINICAL}),
    ),
    Page(
        "goals",
        N_("Goals and milestones"),
        N_("Goals give your recovery a direction. "
           "Pick a few, break each one into small steps, and decide how you will know you got "
           "there."),
        (Q("goals.goals"),),
        core=("goals.goals",),
    ),
    Page(
        "crisis_plan",
        N_("Crisis action plan"),
        N_("A crisis plan tells you what to do when things get hard, one step at a time. "
           "The most important parts also go on a card for your wallet."),
        (
            Q("crisis_plan.signs", catalogues=("crisis_signs",)),
            Q("crisis_plan.steps", catalogues=("crisis_steps",)),
            Q("crisis_plan.contacts"),
            Q("crisis_plan.include_standard_lines"),
            Q("crisis_plan.return_to_treatment", multiline=True),
            Q("crisis_plan.where_to_go", multiline=True),
            Q("crisis_plan.naloxone_applies"),
            Q("crisis_plan.naloxone_location"),
            Q("crisis_plan.safer_surroundings.alcohol_and_drugs", multiline=True),
            Q("crisis_plan.safer_surroundings.medicines", multiline=True),
            Q("crisis_plan.safer_surroundings.firearms_and_means", multiline=True),
            Q("crisis_plan.safer_surroundings.who_holds_them", multiline=True),
            Q("crisis_plan.reasons_to_keep_going"),
            Q("crisis_plan.after_a_crisis", multiline=True),
            Q("wallet_card.title"),
            Q("wallet_card.discreet"),
        ),
        core=("crisis_plan.signs", "crisis_plan.steps"),
    ),
    Page(
        "check_ins",
        N_("Check-ins and reviews"),
        N_("A plan works best when you come back to it. "
           "Let's decide who you check in with, when we look at this plan again, and what to "
           "print."),
        (
            Q("check_ins.check_ins"),
            Q("check_ins.review_every"),
            Q("check_ins.trackers"),
            Q("check_ins.client_signature_name"),
            Q("check_ins.counselor_signature_name"),
            Q("check_ins.other_signers"),
            Q("print_settings.paper"),
            Q("print_settings.large_print"),
            Q("print_settings.language"),
        ),
        core=("check_ins.check_ins", "check_ins.review_every"),
    ),
)

PAGE_BY_KEY: dict[str, Page] = {page.key: page for page in PAGES}

# Answers that are not the client's own: the defaults a new plan starts with.
_DEFAULT_PLAN = Plan()


def part_number(page: Page) -> int | None:
    """The page's part number in the printed workbook (None: the cover's page)."""
    index = PAGES.index(page)
    return index if index > 0 else None


def matters_for(item: Page | Question, kinds: Iterable[PathwayKind]) -> bool:
    """Whether the chosen pathways make this page or question matter most.

    The form marks such pages and questions; it never reorders them, so the
    form keeps the workbook's order and nothing moves while a person works.
    """
    return bool(item.leads_for & set(kinds))


def is_answered(plan: Plan, path: str) -> bool:
    """Whether the client has said something here (a default does not count)."""
    value = paths.get(plan, path)
    default = paths.get(_DEFAULT_PLAN, path)
    if isinstance(value, str):
        return bool(value.strip()) and value != default
    if isinstance(value, BaseModel):
        return bool(value != default)
    return _nonempty(value) and bool(value != default)


def _nonempty(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, list | tuple | set):
        return len(value) > 0
    return True


def page_state(plan: Plan, page: Page) -> PageState:
    if all(is_answered(plan, path) for path in page.core):
        return PageState.DONE
    if any(is_answered(plan, q.path) for q in page.questions):
        return PageState.IN_PROGRESS
    return PageState.NOT_STARTED


def missing(plan: Plan, page: Page) -> list[str]:
    """Titles of the core questions still unanswered (for the side panel's tooltip)."""
    return [
        path_title(plan, path)
        for path in page.core
        if not is_answered(plan, path)
    ]


def page_for_path(path: str) -> Page | None:
    for page in PAGES:
        if page.owns(path):
            return page
    return None
