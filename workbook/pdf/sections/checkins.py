"""Check-ins and reviews, the trackers to fill in by hand, the review log, signatures."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from ...plan import About, CheckIn, CheckIns, TrackerKind
from ...text.i18n import N_
from ..context import Context
from ..flowables import Scale
from ..fonts import BODY
from ..styles import MUTED
from ..worksheet import (
    Column,
    heading,
    label_values,
    more_rows,
    part_kicker,
    section_title,
    table,
)


def check_ins(ctx: Context, part: int) -> list[Flowable]:
    plan = ctx.plan
    checks = plan.check_ins if plan is not None else CheckIns()
    out: list[Flowable] = [
        PageBreak(),
        *section_title(ctx, part_kicker(ctx, part), ctx.gettext("Check-ins and reviews"),
                       "check_ins"),
    ]
    out += heading(ctx, ctx.title(CheckIns, "check_ins"),
                   ctx.gettext("Who I stay in touch with, and how often."))
    out += table(
        ctx,
        [Column(ctx.title(CheckIn, "who"), 1.3), Column(ctx.title(CheckIn, "how_often"), 1.0),
         Column(ctx.title(CheckIn, "how"), 1.3)],
        [[c.who, c.how_often, c.how] for c in checks.check_ins],
        more_rows(ctx, len(checks.check_ins)),
    )
    review = plan.about.next_review_date if plan is not None else None
    out += heading(ctx, ctx.gettext("Reviewing this plan"))
    out += label_values(ctx, [
        (ctx.title(CheckIns, "review_every"), checks.review_every),
        (ctx.title(About, "next_review_date"), ctx.date(review)),
    ], label_share=0.4)
    return out


def chosen_trackers(ctx: Context) -> list[TrackerKind]:
    """The trackers to print, in the plan's order (all of them in a blank workbook)."""
    if ctx.plan is None:
        return list(TrackerKind)
    seen: list[TrackerKind] = []
    for kind in ctx.plan.check_ins.trackers:
        if kind not in seen:
            seen.append(kind)
    return seen


TRACKER_COLUMNS: dict[TrackerKind, tuple[Column, ...]] = {
    TrackerKind.DAILY_CHECK_IN: (
        Column(N_("Date"), 0.8), Column(N_("How I feel (1-5)"), 0.9),
        Column(N_("Cravings (0-10)"), 0.9), Column(N_("What helped today"), 1.6),
        Column(N_("Who I talked to"), 1.2),
    ),
    TrackerKind.CRAVING_LOG: (
        Column(N_("Date and time"), 0.9), Column(N_("Where I was"), 1.0),
        Column(N_("How strong (0-10)"), 0.8), Column(N_("What set it off"), 1.2),
        Column(N_("What I did"), 1.2), Column(N_("How it went"), 1.0),
    ),
    TrackerKind.MEETING_LOG: (
        Column(N_("Date"), 0.8), Column(N_("Meeting"), 1.3), Column(N_("What I took away"), 2.0),
        Column(N_("Who I talked to"), 1.2),
    ),
    TrackerKind.MOOD: (
        Column(N_("Date"), 0.8), Column(N_("My mood (circle one)"), 1.5),
        Column(N_("Why I feel this way"), 2.4),
    ),
}

MOOD_STEPS = 5


def trackers(ctx: Context) -> list[Flowable]:
    """One page per chosen tracker, each a table to fill in by hand."""
    kinds = chosen_trackers(ctx)
    if not kinds:
        return []
    st = ctx.styles
    out: list[Flowable] = []
    for index, kind in enumerate(kinds):
        out.append(PageBreak())
        if index == 0:
            out += section_title(ctx, ctx.gettext("Trackers"), ctx.label(kind), "trackers")
        else:
            out += section_title(ctx, ctx.gettext("Trackers"), ctx.label(kind), None)
        out += ctx.prose(f"tracker_{kind.value}")
        columns = [Column(ctx.gettext(c.title), c.weight, c.strong) for c in TRACKER_COLUMNS[kind]]
        rows = _rows_to_fill(ctx, first=index == 0)
        if kind is TrackerKind.MOOD:
            out.append(ctx.text(ctx.gettext("1 = very low, 3 = okay, 5 = very good"), st.small))
            scale = Scale(MOOD_STEPS, BODY, st.cell.fontSize, MUTED)
            out += table(ctx, columns, [], rows, blank_cells=[None, scale, None])
        else:
            out += table(ctx, columns, [], rows)
    return out


def _rows_to_fill(ctx: Context, first: bool) -> int:
    # Enough rows to fill what is left of the page under the heading and text.
    used = 260.0 if first else 170.0
    if ctx.styles.large:
        used *= 1.3
    return max(4, int((ctx.height - used) // ctx.styles.metrics.row_height))


def review_log(ctx: Context) -> list[Flowable]:
    reviews = ctx.options.reviews
    out: list[Flowable] = [PageBreak(), *section_title(ctx, "", ctx.gettext("Review log"),
                                                       "review_log")]
    out += table(
        ctx,
        [Column(ctx.gettext("Date"), 0.8), Column(ctx.gettext("Why we reviewed"), 1.4),
         Column(ctx.gettext("What changed"), 2.4)],
        [[ctx.date(r.date), r.reason, r.summary] for r in reviews],
        _rows_to_fill(ctx, first=False) - len(reviews) if len(reviews) < 10 else 3,
    )
    return out


def signatures(ctx: Context) -> list[Flowable]:
    plan = ctx.plan
    out: list[Flowable] = [PageBreak(), *section_title(ctx, "", ctx.gettext("Signatures"),
                                                       "signatures")]
    signers: list[tuple[str, str]] = []
    if plan is not None:
        checks = plan.check_ins
        client = checks.client_signature_name or plan.about.preferred_name
        counselor = checks.counselor_signature_name or plan.about.counselor
        signers = [(ctx.gettext("Client"), client), (ctx.gettext("Counselor"), counselor)]
        others = [name for name in checks.other_signers if name.strip()]
        signers += [(ctx.gettext("Support person"), name) for name in others]
        if len(others) < 2:
            signers.append((ctx.gettext("Support person"), ""))
    else:
        signers = [(ctx.gettext("Client"), ""), (ctx.gettext("Counselor"), ""),
                   (ctx.gettext("Support person"), ""), (ctx.gettext("Support person"), "")]
    for role, name in signers:
        block = [ctx.text(role, ctx.styles.h3),
                 *label_values(ctx, [(ctx.gettext("Signature"), ""),
                                     (ctx.gettext("Printed name"), name),
                                     (ctx.gettext("Date"), "")], label_share=0.25)]
        out.append(KeepTogether(block))
    return out
