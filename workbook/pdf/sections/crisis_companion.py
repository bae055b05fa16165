"""The companion to the crisis action page, on the page right after it.

Making my surroundings safer, what I keep going for, what to do if someone
overdoses, and what to do after a crisis or a slip. The overdose steps follow
SAMHSA's and the CDC's public guidance, in the workbook's own words
(templates/<language>/overdose.j2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak

from ...plan import CrisisPlan, SaferSurroundings
from ..cards.content import wallet_content
from ..context import Context
from ..flowables import FitPage, Panel
from ..styles import ACCENT_TINT, Styles
from ..worksheet import answer, bind_headings, bullets, columns, heading, label_values


@dataclass(frozen=True)
class Room:
    """How much room one try at the companion page gives to writing by hand."""

    reasons: int  # blank lines for reasons in a blank workbook
    after: int  # lines for what I will do after a crisis, when it is not filled in


# Largest first. The companion faces the crisis page: it is kept to its one page
# (two in large print) with fewer lines to write on, then (normal print only) in
# 10.5 pt type, before anything flows on to a page of its own.
ROOMS = (Room(6, 4), Room(6, 3), Room(4, 3), Room(4, 2), Room(2, 2))


def companion_page(ctx: Context, crisis: CrisisPlan) -> list[Flowable]:
    """The companion page, from the top of the page after the crisis page."""
    # Only the tries that differ: a filled plan has no lines for reasons, and none
    # after a crisis once that is written.
    rooms = list(dict.fromkeys(_used(ctx, crisis, room) for room in ROOMS))
    tries = [(ctx, room) for room in rooms]
    if not ctx.styles.large:
        tries.append((replace(ctx, styles=tighter(ctx.styles)), rooms[-1]))

    def build(context: Context, room: Room) -> Callable[[], list[Flowable]]:
        return lambda: bind_headings(_companion(context, crisis, room))

    pages = 2 if ctx.styles.large else 1
    return [PageBreak(), FitPage([build(c, r) for c, r in tries], pages=pages)]


def _used(ctx: Context, crisis: CrisisPlan, room: Room) -> Room:
    """The part of `room` that changes this page."""
    return Room(reasons=room.reasons if ctx.blank else 0,
                after=0 if crisis.after_a_crisis.strip() else room.after)


def tighter(styles: Styles) -> Styles:
    """The normal-print styles with 10.5 pt body type (the least the crisis pages use)
    and less space above headings: a Spanish companion page in one page."""
    def smaller(style: ParagraphStyle, size: float = 10.5, leading: float = 14.0,
                **kw: object) -> ParagraphStyle:
        return ParagraphStyle(f"{style.name}_tight", parent=style, fontSize=size,
                              leading=leading, **kw)

    body = smaller(styles.body, spaceAfter=5.0)
    return replace(
        styles, body=body, lead=smaller(styles.lead, spaceAfter=5.0),
        answer=smaller(styles.answer),
        bullet=smaller(styles.bullet, spaceAfter=2.0, bulletFontSize=10.5),
        h2=smaller(styles.h2, 14.0, 17.0, spaceBefore=10.0),
        h3=smaller(styles.h3, 11.0, 14.0),
    )


def _companion(ctx: Context, crisis: CrisisPlan, room: Room) -> list[Flowable]:
    st = ctx.styles
    out: list[Flowable] = []
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
    blank = room.reasons if ctx.blank else (0 if len(reasons) >= 4 else (2 if reasons else 4))
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
    out += answer(ctx, ctx.gettext("What I will do"), crisis.after_a_crisis,
                  empty_lines=room.after, extra_lines=0)
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
