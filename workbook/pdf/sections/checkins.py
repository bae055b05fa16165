"""Check-ins and reviews, the trackers to fill in by hand, the review log, signatures."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from ...plan import About, CheckIn, CheckIns, TrackerKind
from ...text.i18n import N_, SOURCE_LANGUAGE
from ..context import Context
from ..flowables import Panel, Scale
from ..fonts import BODY
from ..grid import Grid
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


# Days the daily trackers cover: until the next review, at least two weeks, at most 30 days.
TRACKER_DAYS = (14, 30)
LOG_PAGES = 2  # the craving and meeting logs: two pages each
DAILY = (TrackerKind.DAILY_CHECK_IN, TrackerKind.MOOD)


def tracker_days(ctx: Context) -> int:
    """Days of the daily check-in and mood trackers: 30, or up to the next review."""
    low, high = TRACKER_DAYS
    plan = ctx.plan
    if plan is None or plan.about.plan_date is None or plan.about.next_review_date is None:
        return high
    days = (plan.about.next_review_date - plan.about.plan_date).days
    return max(low, min(high, days))


def trackers(ctx: Context) -> list[Flowable]:
    """Each chosen tracker on pages of its own: a table to fill in by hand.

    The daily check-in and the mood tracker have a row per day (numbered), the
    logs two pages of rows. Rows are spread evenly over the pages, so that no
    page holds a few rows carried over.
    """
    kinds = chosen_trackers(ctx)
    if not kinds:
        return []
    st = ctx.styles
    out: list[Flowable] = []
    for index, kind in enumerate(kinds):
        head: list[Flowable] = list(section_title(
            ctx, ctx.gettext("Trackers"), ctx.label(kind), "trackers" if index == 0 else None))
        head += ctx.prose(f"tracker_{kind.value}")
        blank_cells: list[Flowable | None] | None = None
        columns = [Column(ctx.gettext(c.title), c.weight, c.strong) for c in TRACKER_COLUMNS[kind]]
        if kind is TrackerKind.MOOD:
            head.append(ctx.text(ctx.gettext("1 = very low, 3 = okay, 5 = very good"), st.small))
            blank_cells = [None, None, Scale(MOOD_STEPS, BODY, st.cell.fontSize, MUTED), None]
        if kind in DAILY:
            columns = [Column(ctx.gettext("Day"), 0.35), *columns]
        elif blank_cells is not None:
            blank_cells = blank_cells[1:]
        pages = _tracker_pages(ctx, kind, head, columns)
        continued = ctx.gettext("{tracker}, continued").format(tracker=ctx.label(kind))
        first_day = 1
        for page, (rows, height) in enumerate(pages):
            out.append(PageBreak())
            out += head if page == 0 else [ctx.text(continued, st.kicker)]
            if kind in DAILY:
                numbers = [[str(day)] + [""] * (len(columns) - 1)
                           for day in range(first_day, first_day + rows)]
                first_day += rows
                grid = table(ctx, columns, numbers, 0, blank_cells=blank_cells)
            else:
                grid = table(ctx, columns, [], rows, blank_cells=blank_cells)
            out += [_rows_of_height(g, height, blank_cells) for g in grid]
    return out


def _tracker_pages(ctx: Context, kind: TrackerKind, head: list[Flowable],
                   columns: list[Column]) -> list[tuple[int, float]]:
    """(rows, row height) for each page of a tracker, measured, the rows spread evenly."""
    st = ctx.styles
    least = st.metrics.row_height
    header = table(ctx, columns, [], 0)[0].wrap(ctx.width, 1e9)[1] + 10
    first = ctx.height - Panel(head, 0.0, border=None).wrap(ctx.width, 1e9)[1] - header
    kicker = ctx.text("x", st.kicker).wrap(ctx.width, 1e9)[1]
    rest = ctx.height - kicker - header
    if kind not in DAILY:  # two full pages of rows
        return [(int(first // least), least), (int(rest // least), least)][:LOG_PAGES]
    days = tracker_days(ctx)
    if days * least <= first:
        return [(days, min(first / days, least * 1.4))]
    # Two pages, the days shared so both are filled alike (rows a little taller if room).
    on_first = min(int(first // least), (days + 1) // 2)
    on_second = days - on_first
    height = min(first / on_first, rest / on_second, least * 1.4)
    return [(on_first, height), (on_second, height)]


def _rows_of_height(grid: Flowable, height: float,
                    blank_cells: list[Flowable | None] | None) -> Flowable:
    """A tracker's table with every row `height` tall (day rows and empty rows)."""
    if isinstance(grid, Grid):
        grid.min_row_height = height
        grid.blank_height = height
        if blank_cells is not None and grid.rows:
            grid.rows = [[*row[:1], *blank_cells[1:]] for row in grid.rows]
    return grid


def review_log(ctx: Context) -> list[Flowable]:
    reviews = ctx.options.reviews
    head = section_title(ctx, "", ctx.gettext("Review log"), "review_log")
    columns = [Column(ctx.gettext("Date"), 0.8), Column(ctx.gettext("Why we reviewed"), 1.4),
               Column(ctx.gettext("What changed"), 2.4)]
    # The library writes what changed in English sentences built from the
    # plan's nouns; a workbook in another language leaves that cell to write in
    # rather than print English words in it.
    english = ctx.language == SOURCE_LANGUAGE
    rows = [[ctx.date(r.date), r.reason, r.summary if english else ""] for r in reviews]
    room = ctx.height - Panel(head, 0.0, border=None).wrap(ctx.width, 1e9)[1] - 10
    used = table(ctx, columns, rows, 0)[0].wrap(ctx.width, 1e9)[1]
    # Empty rows down to the foot of the page (three at least, after many reviews).
    blank = max(3, int((room - used) // ctx.styles.metrics.row_height))
    return [PageBreak(), *head, *table(ctx, columns, rows, blank)]


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
