"""The companion to the crisis action page, on the page right after it.

Making my surroundings safer, what I keep going for, what to do if someone
overdoses, and what to do after a crisis or a slip. The overdose steps follow
SAMHSA's and the CDC's public guidance, in the workbook's own words
(templates/<language>/overdose.j2).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from ...plan import CrisisPlan, SaferSurroundings
from ..cards.content import wallet_content
from ..context import Context
from ..flowables import Panel
from ..styles import ACCENT_TINT
from ..worksheet import answer, bullets, columns, heading, label_values


def companion_page(ctx: Context, crisis: CrisisPlan) -> list[Flowable]:
    st = ctx.styles
    out: list[Flowable] = [PageBreak()]
    out += heading(ctx, ctx.title(CrisisPlan, "safer_surroundings"))
    out += ctx.prose("safer_surroundings", st.body)
    safer = crisis.safer_surroundings
    out += label_values(ctx, [
        (ctx.title(SaferSurroundings, name), getattr(safer, name))
        for name in ("alcohol_and_drugs", "medicines", "firearms_and_means", "who_holds_them")
    ], label_share=0.26)
    out += heading(ctx, ctx.title(CrisisPlan, "reasons_to_keep_going"))
    out += ctx.prose("keep_going", st.body)
    reasons = crisis.reasons_to_keep_going
    blank = 6 if ctx.blank else (0 if len(reasons) >= 4 else (2 if reasons else 4))
    items = bullets(ctx, reasons, 0) if reasons else []
    more = bullets(ctx, [], blank) if blank else []
    # Short reasons read well side by side: two columns, in order down each.
    half = (len(items) + 1) // 2
    if ctx.blank:
        half_lines = bullets(ctx, [], blank // 2)
        out.append(columns(ctx, half_lines, bullets(ctx, [], blank - blank // 2)))
    elif len(items) > 2:
        out.append(columns(ctx, items[:half], items[half:]))
        out += more
    else:
        out += items + more
    out.append(overdose_box(ctx))
    out += heading(ctx, ctx.gettext("After a crisis or a slip"))
    out += ctx.prose("after_crisis", st.body)
    out += answer(ctx, ctx.gettext("What I will do"), crisis.after_a_crisis, empty_lines=4,
                  extra_lines=0)
    out += wallet_title(ctx)
    return out


def wallet_title(ctx: Context) -> list[Flowable]:
    """The wallet card's title in full, when the discreet card prints another one.

    Every word the client typed is printed in the workbook: the discreet card
    keeps treatment words off the card only (and reports it), so the title
    they chose is kept here, next to the crisis plan the card carries.
    """
    if ctx.plan is None:
        return []
    notes = wallet_content(ctx.content).notes
    if not any(note.field_path == "wallet_card.title" for note in notes):
        return []
    return answer(ctx, ctx.gettext("My wallet card title (kept off the discreet card)"),
                  ctx.plan.wallet_card.title,
                  empty_lines=0, extra_lines=0)


def overdose_box(ctx: Context) -> Panel:
    """If someone overdoses: the signs and the steps, in a tinted box kept whole."""
    st = ctx.styles
    content: list[Flowable] = [ctx.text(ctx.gettext("If someone overdoses"), st.h3)]
    content += ctx.prose("overdose", st.body)
    panel = Panel(content, st.metrics.box_pad, background=ACCENT_TINT, border=None,
                  keep_below=ctx.height * 0.8)
    panel.spaceBefore = 10
    panel.spaceAfter = 0
    return panel
