"""Whole health (self-care, medications, check-ups) and continuing care.

A clinical pathway brings the medication list and the care schedule to the
front of their parts and adds a week planner for doses and appointments.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ...plan import (
    CareAppointment,
    Checkup,
    ContinuingCare,
    DailyLife,
    Medication,
    PathwayKind,
    SelfCarePractice,
    WholeHealth,
)
from ...text.dates import weekday_names
from ..context import Context
from ..worksheet import Column, answer, heading, more_rows, part_kicker, section_title, table


def whole_health(ctx: Context, part: int) -> list[Flowable]:
    plan = ctx.plan
    health = plan.whole_health if plan is not None else WholeHealth()
    clinical = not ctx.blank and PathwayKind.CLINICAL in ctx.pathways
    out: list[Flowable] = [
        PageBreak(),
        *section_title(ctx, part_kicker(ctx, part), ctx.gettext("Whole health"), "whole_health"),
    ]
    sheets = [_self_care, _medications, _checkups]
    if clinical:
        sheets = [_medications, _self_care, _checkups]
    for sheet in sheets:
        out += sheet(ctx, health)
    if ctx.chose(PathwayKind.CLINICAL):
        out += week_planner(ctx)
    return out


def _self_care(ctx: Context, health: WholeHealth) -> list[Flowable]:
    items = health.self_care
    out = heading(ctx, ctx.title(WholeHealth, "self_care"),
                  ctx.gettext("Moving my body, sleep, food, hobbies, rest and time with people."))
    out += table(
        ctx,
        [Column(ctx.title(SelfCarePractice, "area"), 0.9),
         Column(ctx.title(SelfCarePractice, "practice"), 2.0),
         Column(ctx.title(SelfCarePractice, "how_often"), 1.0)],
        [[ctx.label(s.area), s.practice, s.how_often] for s in items],
        more_rows(ctx, len(items)),
    )
    return out


def _medications(ctx: Context, health: WholeHealth) -> list[Flowable]:
    items = health.medications
    out = heading(ctx, ctx.title(WholeHealth, "medications"),
                  ctx.gettext("Every medicine I take, including ones for my recovery."))
    out += table(
        ctx,
        [Column(ctx.title(Medication, "name"), 1.1), Column(ctx.title(Medication, "dose"), 0.7),
         Column(ctx.title(Medication, "when"), 1.0), Column(ctx.title(Medication, "prescriber"),
                                                            1.0),
         Column(ctx.title(Medication, "what_for"), 1.1)],
        [[m.name, m.dose, m.when, m.prescriber, m.what_for] for m in items],
        more_rows(ctx, len(items)),
    )
    return out


def _checkups(ctx: Context, health: WholeHealth) -> list[Flowable]:
    items = health.checkups
    out = heading(ctx, ctx.title(WholeHealth, "checkups"),
                  ctx.gettext("Doctor, dentist, eye exam, lab work."))
    out += table(
        ctx,
        [Column(ctx.title(Checkup, "kind"), 1.2), Column(ctx.title(Checkup, "provider"), 1.2),
         Column(ctx.title(Checkup, "when"), 1.0)],
        [[c.kind, c.provider, c.when] for c in items],
        more_rows(ctx, len(items)) - 1,
    )
    return out


def week_planner(ctx: Context) -> list[Flowable]:
    """A week grid for doses and appointments (clinical pathway)."""
    out = heading(ctx, ctx.gettext("My week: medicines and appointments"),
                  ctx.gettext("Write each dose and appointment in its place. Tick it when done."))
    columns = [Column(ctx.gettext("Day"), 1.3), Column(ctx.gettext("Morning"), 1.0),
               Column(ctx.gettext("Midday"), 1.0), Column(ctx.gettext("Evening"), 1.0),
               Column(ctx.gettext("Bedtime"), 1.0), Column(ctx.gettext("Appointments"), 1.4)]
    # The day names are ours, so they are fine as plain rows of the table.
    out += table(ctx, columns, [[day, "", "", "", "", ""] for day in weekday_names(ctx.language)],
                 0)
    return out


def continuing_care(ctx: Context, part: int) -> list[Flowable]:
    plan = ctx.plan
    care = plan.continuing_care if plan is not None else ContinuingCare()
    clinical = not ctx.blank and PathwayKind.CLINICAL in ctx.pathways
    out: list[Flowable] = [
        PageBreak(),
        *section_title(ctx, part_kicker(ctx, part), ctx.gettext("Continuing care and daily life"),
                       "continuing_care"),
    ]
    step_down = answer(ctx, ctx.title(ContinuingCare, "step_down"), care.step_down)
    schedule = _schedule(ctx, care)
    out += [*schedule, *step_down] if clinical else [*step_down, *schedule]
    out += heading(ctx, ctx.title(ContinuingCare, "daily_life"),
                   ctx.gettext("Home, work, school and the practical things that keep life "
                               "steady."))
    for name in ("housing", "work", "school", "legal", "transport"):
        out += answer(ctx, ctx.title(DailyLife, name), getattr(care.daily_life, name),
                      empty_lines=2)
    return out


def _schedule(ctx: Context, care: ContinuingCare) -> list[Flowable]:
    items = care.appointments
    out = heading(ctx, ctx.title(ContinuingCare, "appointments"),
                  ctx.gettext("Individual, group, alumni and family sessions, and medication "
                              "checks."))
    out += table(
        ctx,
        [Column(ctx.title(CareAppointment, "kind"), 1.1),
         Column(ctx.title(CareAppointment, "provider"), 1.1),
         Column(ctx.title(CareAppointment, "schedule"), 1.1),
         Column(ctx.title(CareAppointment, "mode"), 0.8),
         Column(ctx.title(CareAppointment, "contact"), 1.1)],
        [[ctx.label(a.kind), a.provider, a.schedule, ctx.label(a.mode), a.contact]
         for a in items],
        more_rows(ctx, len(items)),
    )
    return out
