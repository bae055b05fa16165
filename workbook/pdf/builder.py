"""The whole workbook: the parts in the order of docs/ARCHITECTURE.md, laid out into one PDF."""

from __future__ import annotations

from reportlab.platypus import Flowable, NextPageTemplate

from ..options import BuildResult, RenderOptions
from ..plan import Plan
from .cards import card_story
from .context import Context
from .document import Footer, render_story
from .sections.checkins import check_ins, review_log, signatures, trackers
from .sections.crisis import crisis_plan
from .sections.front import cover, start_here
from .sections.goals import goals
from .sections.health import continuing_care, whole_health
from .sections.pathways import pathways
from .sections.prevention import prevention
from .sections.support import support_network


def workbook_story(ctx: Context) -> list[Flowable]:
    """Every flowable of the workbook before the card sheets."""
    story: list[Flowable] = [NextPageTemplate("body"), *cover(ctx)]
    story += start_here(ctx)
    parts = (pathways, prevention, support_network, whole_health, continuing_care, goals,
             crisis_plan, check_ins)
    for number, part in enumerate(parts, start=1):
        story += part(ctx, number)
    story += trackers(ctx)
    story += review_log(ctx)
    story += signatures(ctx)
    return story


def build_workbook(plan: Plan | None, options: RenderOptions) -> BuildResult:
    """The printed workbook for `plan` (None: the blank workbook) as PDF bytes.

    Pure: no files are written. The same plan and options give the same bytes.
    """
    ctx = Context.create(plan, options)
    story = workbook_story(ctx)
    cards, overflow = card_story(plan, options)
    story += cards
    footer = Footer(left=ctx.name or ctx.gettext("My Recovery Plan"), centre=ctx.facility_name,
                    page=ctx.gettext("Page {number} of {total}"),
                    large_print=options.large_print)
    pdf, pages = render_story(story, options.paper, footer)
    return BuildResult(pdf=pdf, page_count=pages, overflow=tuple(overflow))
