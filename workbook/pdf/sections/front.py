"""The cover, and the "start here" pages: how to use the workbook, about this plan."""

from __future__ import annotations

from reportlab.platypus import Flowable, FrameBreak, Image, PageBreak, Spacer

from ...plan import About, AssessmentSnapshot
from ..content import Logo
from ..contents import Contents, Entry, PageReference
from ..context import Context
from ..document import cover_space_below_band
from ..flowables import Panel
from ..markup import text_width
from ..styles import ACCENT_TINT
from ..worksheet import answer, heading, label_values, lines, section_title

LOGO_MAX_HEIGHT = 64.0
LOGO_MAX_WIDTH = 180.0


class SpaceTo(Spacer):  # type: ignore[misc]
    """Empty space down to where `remaining` points of the frame are left."""

    def __init__(self, remaining: float) -> None:
        super().__init__(0, 0)
        self.remaining = remaining

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = max(0.0, avail_height - self.remaining)
        return avail_width, self.height


def cover(ctx: Context) -> list[Flowable]:
    st = ctx.styles
    paper = ctx.options.paper
    out: list[Flowable] = [
        Spacer(0, 18),
        ctx.text(ctx.gettext("RECOVERY WORKBOOK"), st.kicker),
        Spacer(0, 6),
        ctx.text(ctx.gettext("My Recovery Plan"), st.cover_title),
        Spacer(0, 6),
        *ctx.prose("cover_tagline", st.cover_tagline),
        Spacer(0, 10),
    ]
    plan = ctx.plan
    # A blank workbook may carry a name too (a roster row giving only a name).
    if ctx.name:
        out.append(ctx.user(ctx.name, st.cover_name))
    else:
        out += label_values(ctx, [(ctx.gettext("Name or initials"), "")], label_share=0.3)
    out.append(SpaceTo(cover_space_below_band(paper)))
    about = plan.about if plan is not None else About()
    level = ctx.label(about.level_of_care) if about.level_of_care else ""
    out += label_values(
        ctx,
        [
            (ctx.title(About, "plan_date"), ctx.date(about.plan_date)),
            (ctx.title(About, "counselor"), about.counselor),
            (ctx.title(About, "program"), about.program),
            (ctx.title(About, "level_of_care"), level),
            (ctx.title(About, "discharge_date"), ctx.date(about.discharge_date)),
            (ctx.title(About, "next_review_date"), ctx.date(about.next_review_date)),
        ],
    )
    out.append(FrameBreak())
    out += _facility_block(ctx)
    return out


def _facility_block(ctx: Context) -> list[Flowable]:
    facility = ctx.content.facility
    if facility is None:
        return []
    st = ctx.styles
    out: list[Flowable] = []
    if facility.logo is not None:
        out += [_logo(facility.logo), Spacer(0, 8)]
    if facility.name.strip():
        out.append(ctx.user(facility.name, st.cover_facility))
    for line in (facility.address, facility.phone):
        if line.strip():
            out.append(ctx.user(line, st.small))
    return out


def _logo(logo: Logo) -> Image:
    width, height = logo.size()
    scale = min(LOGO_MAX_HEIGHT / height, LOGO_MAX_WIDTH / width)
    return Image(str(logo.path), width=width * scale, height=height * scale, hAlign="LEFT")


def contents_page(ctx: Context, entries: list[Entry]) -> list[Flowable]:
    """The contents, right after the cover: every part and the page it starts on."""
    st = ctx.styles
    out: list[Flowable] = [PageBreak(), *section_title(ctx, "", ctx.gettext("Contents"), None)]
    size = st.body.fontSize
    kicker = max((text_width(e.kicker, size, True) for e in entries), default=0.0)
    out.append(Contents(entries, st.body, kicker + size if kicker else 0.0, row=size * 2.0))
    return out


def crisis_reference(ctx: Context) -> Panel:
    """"In a crisis, turn to page N": where the crisis plan is, in a tinted box."""
    st = ctx.styles
    reference = PageReference(ctx.gettext("In a crisis, turn to your crisis plan on page {page}."),
                              "crisis_plan", st.cover_facility)
    panel = Panel([reference], st.metrics.box_pad, background=ACCENT_TINT, border=None)
    panel.spaceBefore = 4
    panel.spaceAfter = 8
    return panel


def start_here(ctx: Context) -> list[Flowable]:
    """How to use this workbook, and where the client stands today."""
    plan = ctx.plan
    snapshot = plan.about.snapshot if plan is not None else AssessmentSnapshot()
    out = [PageBreak(), *section_title(ctx, ctx.gettext("Start here"),
                                       ctx.gettext("How to use this workbook"), "how_to_use")]
    out.append(crisis_reference(ctx))
    out += heading(ctx, ctx.gettext("Where I am today"),
                   ctx.gettext("A snapshot of where things stand as this plan is made."))
    for name in ("progress", "concerns", "home_and_support", "stressors"):
        out += answer(ctx, ctx.title(AssessmentSnapshot, name), getattr(snapshot, name),
                      empty_lines=3, extra_lines=1)
    if plan is None:  # one more line, where the page has room for it
        out.append(lines(ctx, 1, optional=True))
    return out

