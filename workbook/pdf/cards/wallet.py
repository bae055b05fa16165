"""The wallet crisis card sheets: ISO ID-1 cards, single-sided (fold) or duplex.

Single-sided (the default, any printer): each copy is the front and the back
side by side, sharing one edge, which is the dashed fold line. Cut around the
outer solid line, fold, glue: a two-layer card with rounded corners.

Duplex (`RenderOptions.wallet_duplex`): a page of fronts, then a page of backs
with every back mirrored left to right, so that a printer flipping on the long
edge prints each back behind its front.

`RenderOptions.wallet_copies` copies are made; a sheet holds three (single-sided)
or six (duplex) and further copies continue on the next sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from babel.dates import format_skeleton
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from ...geometry import (
    ID1_CORNER_RADIUS,
    PAGE_SIZES,
    Box,
    Line,
    Size,
    WalletSlot,
    crop_marks,
    mm,
    paginate,
    wallet_slots,
)
from ...geometry.sheets import GUIDE_GAP, GUIDE_LENGTH, WALLET_FOOTER
from ...options import OverflowNote
from ...text.dates import date_locale
from ...text.i18n import translator
from ..content import PrintContent
from ..contents import CRISIS_PLAN, draw_page_reference
from ..styles import ACCENT, CUT, INK, MUTED
from .content import wallet_content
from .draw import (
    SheetFlowable,
    calibration_bar,
    draw_line,
    draw_rows,
    draw_stack,
    guides,
    rounded_outline,
    write_in,
)
from .layout import WALLET_INSET, WalletLayout, card_type, layout_wallet

Side = Literal["pair", "front", "back"]
# A blank card is written on by hand: lines at least 6 mm apart, four rows for
# names and numbers (three in large print, where the lines' type is larger) and
# a line for where naloxone is kept. The crisis lines come first: where their
# names are long (Spanish) a row to write in gives way, down to LEAST_BLANK_ROWS,
# so that no crisis line is left off the card.
BLANK_ROWS = {False: 4, True: 3}
LEAST_BLANK_ROWS = 2
BLANK_LINE = mm("6.05")
BLANK_SIGNS, BLANK_STEPS = 2, 3


def wallet_layout(resolved: PrintContent) -> tuple[WalletLayout, list[OverflowNote]]:
    content = wallet_content(resolved)
    large = resolved.large_print
    if not content.blank:
        layout, notes = layout_wallet(content, large)
        return layout, [*content.notes, *notes]
    for rows in range(BLANK_ROWS[large], LEAST_BLANK_ROWS - 1, -1):
        layout, notes = layout_wallet(content, large,
                                      reserve=(rows + 1) * _blank_row_height(large))
        if not layout.more:
            break
    return replace(layout, blank_rows=rows), [*content.notes, *notes]


def wallet_notes(resolved: PrintContent) -> list[OverflowNote]:
    return wallet_layout(resolved)[1]


def _blank_row_height(large: bool) -> float:
    return BLANK_LINE


@dataclass(frozen=True)
class WalletPage:
    page: Size
    slots: tuple[WalletSlot, ...]
    side: Side
    sheet: int
    sheets: int


class WalletSheet(SheetFlowable):
    """One page of wallet cards; occupies a whole "fullpage" frame."""

    def __init__(self, layout: WalletLayout, page: WalletPage, large: bool,
                 checked: str = "") -> None:
        super().__init__()
        self.layout = layout
        self.page = page
        self.large = large
        self.checked = checked  # "checked Nov 2026": when the crisis lines were checked

    def draw_sheet(self, canv: Canvas) -> None:
        for slot in self.page.slots:
            if self.page.side in ("pair", "front"):
                _draw_front(canv, slot.front, self.layout, self.large,
                            "right" if self.page.side == "pair" else None)
            if self.page.side in ("pair", "back"):
                _draw_checked(canv, slot.back, self.checked, self.large)
                _draw_back(canv, slot.back, self.layout, self.large,
                           "left" if self.page.side == "pair" else None)
            if self.page.side == "pair":
                _fold(canv, slot)
                guides(canv, crop_marks(slot.outline))
            else:
                face = slot.front if self.page.side == "front" else slot.back
                guides(canv, crop_marks(face))
        _draw_margins(canv, self.page, self.layout.content.language, self.large)


def _fold(canv: Any, slot: WalletSlot) -> None:
    """The dashed fold line between the faces, and fold ticks beyond the card."""
    x, face = slot.fold_x, slot.front
    radius = ID1_CORNER_RADIUS
    guides(canv, [Line(x, face.y + radius, x, face.top - radius)], dashed=True)
    start = GUIDE_GAP
    ticks = [Line(x, face.top + start, x, face.top + start + GUIDE_LENGTH),
             Line(x, face.y - start, x, face.y - start - GUIDE_LENGTH)]
    guides(canv, ticks, dashed=True)


def _draw_front(canv: Any, face: Box, layout: WalletLayout, large: bool,
                open_side: Literal["left", "right"] | None) -> None:
    rounded_outline(canv, face, ID1_CORNER_RADIUS, open_side)
    area = face.inset(WALLET_INSET)
    colors = {"title": ACCENT, "signs": ACCENT, "steps": ACCENT}
    draw_stack(canv, layout.front, area, colors)
    title = next((b for b in layout.front.blocks if b.key == "title"), None)
    if title is not None:
        y = area.top - title.height - 2
        canv.saveState()
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(0.6)
        canv.line(area.x, y, area.right, y)
        canv.restoreState()
    if layout.content.blank:
        _blank_front(canv, area, layout, large)


def _blank_front(canv: Any, area: Box, layout: WalletLayout, large: bool) -> None:
    t = card_type(large)
    top = area.top - layout.front.height - 4
    step = max(BLANK_LINE, (top - area.y) / (BLANK_SIGNS + BLANK_STEPS + 1.5))
    y = top
    signs = ("•",) * BLANK_SIGNS
    steps = tuple(f"{i}." for i in range(1, BLANK_STEPS + 1))
    for heading, marks in ((layout.content.headings[0], signs),
                           (layout.content.headings[1], steps)):
        y -= t.wallet_heading * 1.3
        draw_line(canv, area.x, y, heading, t.wallet_heading, bold=True, color=ACCENT)
        for mark in marks:
            y -= step
            draw_line(canv, area.x, y, mark, t.wallet_item, color=MUTED)
            write_in(canv, area.x + 9, y, area.width - 9, "", t.wallet_item)


def _draw_checked(canv: Any, face: Box, checked: str, large: bool) -> None:
    """"checked Nov 2026" at the right of the back's heading line, small and grey."""
    if not checked:
        return
    area = face.inset(WALLET_INSET)
    size = card_type(large).wallet_min
    draw_line(canv, area.right, area.top - size, checked, size, color=MUTED, align="right")


def checked_text(resolved: PrintContent) -> str:
    """When the crisis lines on the card were last checked, shortly: the oldest date."""
    lines = resolved.crisis_lines
    plan = resolved.plan
    if not lines or (plan is not None and not plan.crisis_plan.include_standard_lines):
        return ""
    oldest = min(line.last_checked for line in lines)
    month = format_skeleton("yMMM", oldest, locale=date_locale(resolved.language,
                                                                resolved.paper))
    return translator(resolved.language).gettext("checked {month}").format(month=month)


def _draw_back(canv: Any, face: Box, layout: WalletLayout, large: bool,
               open_side: Literal["left", "right"] | None) -> None:
    rounded_outline(canv, face, ID1_CORNER_RADIUS, open_side)
    area = face.inset(WALLET_INSET)
    draw_stack(canv, layout.heading, area, {"calls": ACCENT})
    rows_top = area.top - layout.heading.height - 3
    if layout.content.blank:
        t = card_type(large)
        row = _blank_row_height(large)
        for i in range(layout.blank_rows):
            baseline = rows_top - (i + 1) * row + row * 0.3
            write_in(canv, area.x, baseline, area.width * 0.55, "", t.wallet_row)
            write_in(canv, area.x + area.width * 0.6, baseline, area.width * 0.4, "",
                     t.wallet_row)
        rows_top -= layout.blank_rows * row + 2
        label = translator(layout.content.language).gettext("Naloxone: ")
        write_in(canv, area.x, area.y + 3, area.width, label, t.wallet_row)
    draw_rows(canv, layout.rows, Box(area.x, area.y, area.width, rows_top - area.y), INK)
    if layout.more:
        _draw_more(canv, area, layout, large)
    if layout.naloxone is not None:
        top = area.y + layout.naloxone.height
        canv.saveState()
        canv.setStrokeColor(CUT)
        canv.setLineWidth(0.4)
        canv.line(area.x, top + 2, area.right, top + 2)
        canv.restoreState()
        draw_stack(canv, layout.naloxone, Box(area.x, area.y, area.width,
                                               layout.naloxone.height))


def _draw_more(canv: Any, area: Box, layout: WalletLayout, large: bool) -> None:
    """"More in my workbook, page N" at the foot of the back, above the naloxone line:
    something was left off. The page is the crisis plan's, filled in when the workbook
    is saved; a PDF of only the card has no workbook pages and names none."""
    words = translator(layout.content.language)
    size = card_type(large).wallet_min
    # Above the naloxone line: the plan's words, or a blank card's line to write on.
    bottom = area.y + (layout.naloxone.height + 4 if layout.naloxone is not None
                       else _blank_row_height(large) if layout.content.blank else 0)
    draw_page_reference(canv, area.x, bottom + 0.3 * size,
                        words.gettext("More in my workbook, page {page}"), CRISIS_PLAN, size,
                        colour=ACCENT,
                        without_page=words.gettext("More in my workbook"))


def _draw_margins(canv: Any, page: WalletPage, language: str, large: bool = False) -> None:
    width, height = page.page.width, page.page.height
    left = min(s.front.x for s in page.slots) if page.side != "back" else min(
        s.back.x for s in page.slots)
    title_y = height - mm(11)  # the crop marks reach 7.5 mm above the first card
    words = translator(language)
    # The page's own words are as readable as the card's: 8 pt at least (10 in large print).
    size, step = (10.0, 13.5) if large else (8.0, 11.0)
    draw_line(canv, left, title_y, words.gettext("Wallet card"), size + 3, bold=True,
              color=ACCENT)
    if page.side == "pair":
        how = words.gettext("Cut along the solid line. Fold on the dashed line, printing "
                            "outside, and glue the halves together.")
    elif page.side == "front":
        how = words.gettext("Print this page and the next one on both sides of one sheet "
                            "(flip on long edge), then cut out each card.")
    else:
        how = words.gettext("Backs of the cards on the page before: this side prints behind "
                            "them.")
    draw_line(canv, left, title_y - step - 1, how, size, color=MUTED)
    draw_line(canv, left, title_y - 2 * step - 1,
              words.gettext("Print at 100% (\u201cActual size\u201d)."), size, color=MUTED)
    if page.sheets > 1:
        sheet = words.gettext("Sheet {number} of {total}").format(number=page.sheet + 1,
                                                                  total=page.sheets)
        draw_line(canv, width - left, title_y, sheet, size, color=MUTED, align="right")
    calibration_bar(canv, left, WALLET_FOOTER / 2 - 2, size, language=language)


def wallet_flowables(resolved: PrintContent) -> tuple[list[Flowable], list[OverflowNote]]:
    layout, notes = wallet_layout(resolved)
    options = resolved.options
    page = PAGE_SIZES[resolved.paper]
    duplex = options.wallet_duplex
    slots = wallet_slots(page, duplex)
    sheets = paginate(max(1, options.wallet_copies), len(slots))
    flowables: list[Flowable] = []
    for number, indexes in enumerate(sheets):
        chosen = slots[: len(indexes)]
        sides: tuple[Side, ...] = ("front", "back") if duplex else ("pair",)
        for side in sides:
            if flowables:
                flowables.append(PageBreak())
            flowables.append(WalletSheet(
                layout, WalletPage(page, chosen, side, number, len(sheets)), resolved.large_print,
                checked_text(resolved),
            ))
    return flowables, notes
