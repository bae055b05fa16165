"""The whole workbook: the parts in the order of docs/ARCHITECTURE.md, laid out into one PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from ..options import BuildResult, RenderOptions
from ..plan import Plan
from ..text.i18n import N_
from . import collector
from .cards import card_story
from .cards.build import CONTACT_MARKER, WALLET_MARKER, in_the_workbook
from .content import resolve
from .contents import CRISIS_PLAN, Entry, Marker
from .context import Context
from .document import Footer, render_story
from .metadata import DocumentInfo
from .sections.checkins import check_ins, review_log, signatures, trackers
from .sections.crisis import crisis_plan
from .sections.front import contents_page, cover, start_here
from .sections.goals import goals
from .sections.health import continuing_care, whole_health
from .sections.pathways import pathways
from .sections.prevention import prevention
from .sections.support import support_network
from .worksheet import bind_headings, part_kicker

LAST_GROUP_SHARE = 0.5

Part = Callable[[Context, int], list[Flowable]]

# The numbered parts: marker, title as printed, builder.
NUMBERED_PARTS: tuple[tuple[str, str, Part], ...] = (
    ("pathways", N_("My pathways"), pathways),
    ("prevention", N_("Preventing a return to use"), prevention),
    ("support_network", N_("My support network"), support_network),
    ("whole_health", N_("Whole health"), whole_health),
    ("continuing_care", N_("Continuing care and daily life"), continuing_care),
    ("goals", N_("Goals and milestones"), goals),
    (CRISIS_PLAN, N_("My crisis plan"), crisis_plan),
    ("check_ins", N_("Check-ins and reviews"), check_ins),
)


@dataclass(frozen=True)
class Section:
    entry: Entry
    flowables: list[Flowable]


def _marked(marker: str, flowables: list[Flowable]) -> list[Flowable]:
    """`flowables` with a page marker where the part starts (after its page break)."""
    if any(isinstance(f, Marker) and f.name == marker for f in flowables):
        return flowables
    at = next((i + 1 for i, f in enumerate(flowables[:3]) if isinstance(f, PageBreak)), 0)
    return [*flowables[:at], Marker(marker), *flowables[at:]]


def sections(ctx: Context) -> list[Section]:
    """The parts after the contents page, each with its line in the contents."""
    t = ctx.gettext  # for the titles marked N_() in NUMBERED_PARTS
    out = [Section(Entry("", ctx.gettext("How to use this workbook"), "how_to_use"),
                   start_here(ctx))]
    for number, (marker, title, build) in enumerate(NUMBERED_PARTS, start=1):
        entry = Entry(part_kicker(ctx, number), t(title), marker,
                      strong=marker == CRISIS_PLAN)
        out.append(Section(entry, build(ctx, number)))
    for marker, title, flowables in (
        ("trackers", ctx.gettext("Trackers"), trackers(ctx)),
        ("review_log", ctx.gettext("Review log"), review_log(ctx)),
        ("signatures", ctx.gettext("Signatures"), signatures(ctx)),
    ):
        if flowables:
            out.append(Section(Entry("", title, marker), flowables))
    return out


def workbook_story(ctx: Context) -> list[Flowable]:
    """Every flowable of the workbook before the card sheets."""
    parts = sections(ctx)
    entries = [s.entry for s in parts] + card_entries(ctx)
    story: list[Flowable] = [NextPageTemplate("body"), *cover(ctx)]
    story += contents_page(ctx, entries)
    story = bind_headings(story)
    for section in parts:
        # Each part's last heading takes the rest of the part along, kept whole
        # up to half a page: a part never ends on a page of a few stray lines.
        story += bind_headings(_marked(section.entry.marker, section.flowables),
                               last_whole=ctx.height * LAST_GROUP_SHARE)
    return story


def card_entries(ctx: Context) -> list[Entry]:
    return [Entry("", ctx.gettext("Contact cards to cut out"), CONTACT_MARKER),
            Entry("", ctx.gettext("Wallet crisis card"), WALLET_MARKER)]


@collector.paused()
def build_workbook(plan: Plan | None, options: RenderOptions) -> BuildResult:
    """The printed workbook for `plan` (None: the blank workbook) as PDF bytes.

    Pure: no files are written. The same plan and options give the same bytes.
    """
    content = resolve(plan, options)
    ctx = Context.create(content)
    story = workbook_story(ctx)
    cards, overflow = card_story(content)
    story += cards
    footer = Footer(left=ctx.name or ctx.gettext("My Recovery Plan"), centre=ctx.facility_name,
                    page=ctx.gettext("Page {number} of {total}"),
                    large_print=options.large_print,
                    continued=ctx.gettext("My crisis plan, continued"))
    pdf, pages, markers = render_story(story, options.paper, footer, DocumentInfo.of(content))
    overflow = in_the_workbook(overflow, markers.get(CRISIS_PLAN))
    return BuildResult(pdf=pdf, page_count=pages, overflow=tuple(overflow))
