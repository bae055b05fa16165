"""Goals and milestones: each goal with its steps, a date and how I will know."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ...plan import Goal, GoalArea
from ..context import Context
from ..flowables import Panel
from ..worksheet import label_values, lines, numbered, numbered_lines, part_kicker, section_title


def goals(ctx: Context, part: int) -> list[Flowable]:
    plan = ctx.plan
    items = plan.goals.goals if plan is not None else []
    out: list[Flowable] = [
        PageBreak(),
        *section_title(ctx, part_kicker(ctx, part), ctx.gettext("Goals and milestones"), "goals"),
    ]
    for goal in items:
        out.append(goal_panel(ctx, goal))
    if not items:  # the blank workbook, or no goals yet: one for each area
        out += [empty_goal_panel(ctx, ctx.gettext("{area} goal").format(area=ctx.label(area)))
                for area in GoalArea]
    else:
        out.append(empty_goal_panel(ctx, ctx.gettext("Another goal")))
    return out


def _inner(ctx: Context) -> float:
    return ctx.width - 2 * ctx.styles.metrics.box_pad


def _panel(ctx: Context, content: list[Flowable], cuts: list[int], kicker: str) -> Panel:
    """A goal's box: kept whole, or cut only between its steps, with "continued" after."""
    st = ctx.styles
    continued = ctx.text(ctx.gettext("{goal}, continued").format(goal=kicker).upper(), st.kicker)
    panel = Panel(content, st.metrics.box_pad, cuts=cuts, continued=continued)
    panel.spaceBefore = 10
    panel.spaceAfter = 10
    return panel


def goal_panel(ctx: Context, goal: Goal) -> Panel:
    st = ctx.styles
    kicker = ctx.gettext("{area} goal").format(area=ctx.label(goal.area))
    steps = numbered(ctx, [s for s in goal.steps if s.strip()], 1)
    content: list[Flowable] = [
        ctx.text(kicker.upper(), st.kicker),
        ctx.user(goal.goal, st.h3),
        ctx.text(ctx.title(Goal, "steps"), st.label),
        *steps,
        *label_values(ctx, [
            (ctx.title(Goal, "target_date"), ctx.date(goal.target_date)),
            (ctx.title(Goal, "how_i_will_know"), goal.how_i_will_know),
        ], label_share=0.3, width=_inner(ctx)),
    ]
    return _panel(ctx, content, _between(3, len(steps)), kicker)


def _between(first: int, count: int) -> list[int]:
    """The places between `count` steps that start at content index `first`."""
    return list(range(first + 1, first + count))


def empty_goal_panel(ctx: Context, heading: str) -> Panel:
    st = ctx.styles
    content: list[Flowable] = [
        ctx.text(heading.upper(), st.kicker),
        ctx.text(ctx.title(Goal, "goal"), st.label),
        lines(ctx, 2),
        ctx.text(ctx.title(Goal, "steps"), st.label),
        *numbered_lines(ctx, 3, 1),
        *label_values(ctx, [(ctx.title(Goal, "target_date"), ""),
                            (ctx.title(Goal, "how_i_will_know"), "")],
                      label_share=0.3, width=_inner(ctx)),
    ]
    return _panel(ctx, content, _between(4, 3), heading)
