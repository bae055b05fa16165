"""Preventing a return to use: triggers, warning signs, risky situations, cravings."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ...catalogues import suggestions
from ...plan import (
    BalanceItem,
    CopingSkill,
    CravingStrategyKind,
    HighRiskSituation,
    PathwayKind,
    Prevention,
    Trigger,
    WarningSign,
)
from ..context import Context
from ..worksheet import (
    Column,
    bullets,
    heading,
    lines,
    more_rows,
    part_kicker,
    section_title,
    table,
    ticks,
)


def prevention(ctx: Context, part: int) -> list[Flowable]:
    plan = ctx.plan
    p = plan.prevention if plan is not None else Prevention()
    out: list[Flowable] = [
        PageBreak(),
        *section_title(ctx, part_kicker(ctx, part), ctx.gettext("Preventing a return to use"),
                       "prevention"),
    ]
    out += heading(ctx, ctx.title(Prevention, "triggers"),
                   ctx.gettext("Events, places and people that can set "
                   "off a craving, and what I will do when I meet them."))
    out += table(
        ctx,
        [Column(ctx.title(Trigger, "kind"), 0.7), Column(ctx.title(Trigger, "trigger"), 1.6),
         Column(ctx.title(Trigger, "response"), 2.2)],
        [[ctx.label(t.kind), t.trigger, t.response] for t in p.triggers],
        more_rows(ctx, len(p.triggers)),
    )
    out += heading(ctx, ctx.title(Prevention, "warning_signs"),
                   ctx.gettext("Inner cues that I may be heading "
                   "toward use, and the action each one calls for."))
    out += table(
        ctx,
        [Column(ctx.title(WarningSign, "sign"), 1.0), Column(ctx.title(WarningSign, "action"),
                                                             1.2)],
        [[w.sign, w.action] for w in p.warning_signs],
        more_rows(ctx, len(p.warning_signs)),
    )
    out += heading(ctx, ctx.title(Prevention, "high_risk_situations"),
                   ctx.gettext("Times and places where use is more likely, and my plan for each."))
    out += table(
        ctx,
        [Column(ctx.title(HighRiskSituation, "situation"), 1.0),
         Column(ctx.title(HighRiskSituation, "plan"), 1.4)],
        [[h.situation, h.plan] for h in p.high_risk_situations],
        more_rows(ctx, len(p.high_risk_situations)),
    )
    out += heading(ctx, ctx.title(Prevention, "craving_strategies"),
                   ctx.gettext("A craving rises, peaks and passes. These help me ride it out."))
    for kind in CravingStrategyKind:
        items = [c.strategy for c in p.craving_strategies if c.kind is kind]
        out.append(ctx.text(ctx.label(kind), ctx.styles.h3))
        out += bullets(ctx, items, 5 if ctx.blank else (2 if items else 3))
    out += heading(ctx, ctx.title(Prevention, "balance"),
                   ctx.gettext("Ways I lower stress and keep life steady."))
    out += table(
        ctx,
        [Column(ctx.title(BalanceItem, "practice"), 2.0), Column(ctx.title(BalanceItem,
                                                                           "how_often"), 1.0)],
        [[b.practice, b.how_often] for b in p.balance],
        more_rows(ctx, len(p.balance)),
    )
    out += heading(ctx, ctx.title(Prevention, "coping_skills"),
                   ctx.gettext("Skills for stress, for strong feelings, and for solving problems."))
    out += table(
        ctx,
        [Column(ctx.title(CopingSkill, "area"), 0.9), Column(ctx.title(CopingSkill, "skill"), 1.4),
         Column(ctx.title(CopingSkill, "in_my_words"), 2.0)],
        [[ctx.label(c.area), c.skill, c.in_my_words] for c in p.coping_skills],
        more_rows(ctx, len(p.coping_skills)),
    )
    if ctx.chose(PathwayKind.SELF_MANAGEMENT):
        out += self_management_tools(ctx)
    return out


def self_management_tools(ctx: Context) -> list[Flowable]:
    """Tools for managing recovery on one's own, to tick (self-management pathway)."""
    tools = [s.text for s in suggestions("self_management_tools", ctx.pathways, ctx.language)]
    out = heading(ctx, ctx.gettext("My self-management tools"),
                  ctx.gettext("Tools for managing recovery on my own. Tick the ones I use or want "
                              "to try."))
    out += ticks(ctx, [(t, False) for t in tools], user=True)
    out.append(lines(ctx, 2))
    return out
