"""The crisis action plan: one clear page to reach for in a hard moment.

Contacts are printed in the order they are called: support people and
mentors marked for the wallet card first, then the crisis plan's own
contacts, then the crisis lines (the facility's, or the standard US lines).
A blank workbook always prints the crisis lines.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from ...facility import crisis_lines_for, standard_crisis_lines
from ...plan import CrisisContact, CrisisPlan
from ..context import Context
from ..flowables import Panel
from ..styles import ACCENT_TINT
from ..worksheet import (
    Column,
    answer,
    bullets,
    columns,
    heading,
    label_values,
    numbered,
    part_kicker,
    section_title,
    table,
)


def crisis_plan(ctx: Context, part: int) -> list[Flowable]:
    plan = ctx.plan
    crisis = plan.crisis_plan if plan is not None else CrisisPlan()
    out: list[Flowable] = [
        PageBreak(),
        *section_title(ctx, part_kicker(ctx, part), ctx.gettext("My crisis plan"), "crisis_plan"),
    ]
    st = ctx.styles
    signs = [ctx.text(ctx.title(CrisisPlan, "signs"), st.h2),
             *bullets(ctx, crisis.signs, 5 if ctx.blank else (1 if crisis.signs else 4))]
    steps = [ctx.text(ctx.title(CrisisPlan, "steps"), st.h2),
             *numbered(ctx, crisis.steps, 5 if ctx.blank else (1 if crisis.steps else 4))]
    out.append(columns(ctx, signs, steps))
    out += heading(ctx, ctx.title(CrisisPlan, "contacts"))
    out += contacts(ctx, crisis)
    out += label_values(ctx, [
        (ctx.title(CrisisPlan, "return_to_treatment"), crisis.return_to_treatment),
        (ctx.title(CrisisPlan, "where_to_go"), crisis.where_to_go),
    ])
    if ctx.blank or crisis.naloxone_applies or crisis.naloxone_location.strip():
        out.append(KeepTogether([naloxone(ctx, crisis)]))
    out += heading(ctx, ctx.title(CrisisPlan, "after_a_crisis"))
    out += ctx.prose("after_crisis")
    out += answer(ctx, ctx.gettext("What I will do"), crisis.after_a_crisis, empty_lines=8,
                  extra_lines=4)
    return out


def contact_rows(ctx: Context, crisis: CrisisPlan) -> tuple[list[list[str]], bool]:
    """The contacts in calling order, and whether the crisis lines are among them."""
    rows: list[list[str]] = []
    plan = ctx.plan
    if plan is not None:
        network = plan.support_network
        rows += [[p.name, p.relationship, p.phone] for p in network.people if p.on_wallet_card]
        rows += [[m.name, ctx.label(m.role), m.phone]
                 for m in network.mentors if m.on_wallet_card]
        rows += [[c.name, c.role, c.phone] for c in crisis.contacts]
    with_lines = plan is None or crisis.include_standard_lines
    if with_lines:
        rows += [[line.name, line.how, line.number]
                 for line in crisis_lines_for(ctx.options.facility, ctx.language)]
    return rows, with_lines


def contacts(ctx: Context, crisis: CrisisPlan) -> list[Flowable]:
    rows, with_lines = contact_rows(ctx, crisis)
    numbered_rows = [[f"{i}.", *row] for i, row in enumerate(rows, start=1)]
    out = table(
        ctx,
        [Column("", 0.25), Column(ctx.title(CrisisContact, "name"), 1.3),
         Column(ctx.title(CrisisContact, "role"), 1.5),
         Column(ctx.title(CrisisContact, "phone"), 1.1, strong=True)],
        numbered_rows,
        5 if ctx.blank else 1,
    )
    facility = ctx.options.facility
    if with_lines and (facility is None or facility.crisis_lines is None):
        checked = ctx.date(standard_crisis_lines(ctx.language).last_checked)
        out.append(ctx.text(ctx.gettext("National crisis lines last checked {date}.")
                            .format(date=checked), ctx.styles.small))
    return out


def naloxone(ctx: Context, crisis: CrisisPlan) -> Panel:
    st = ctx.styles
    pad = st.metrics.box_pad
    content: list[Flowable] = [ctx.text(ctx.gettext("Naloxone"), st.h3),
                               *ctx.prose("naloxone", st.body)]
    content += label_values(ctx, [(ctx.title(CrisisPlan, "naloxone_location"),
                                   crisis.naloxone_location)], width=ctx.width - 2 * pad)
    panel = Panel(content, pad, background=ACCENT_TINT, border=None)
    panel.spaceBefore = 12
    return panel
