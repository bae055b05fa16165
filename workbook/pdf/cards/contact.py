"""Contact-card sheets: one business-card-size card per chosen person, ten to a sheet.

Contact cards are business-card size (3.5 x 2 in), ten to a sheet in the
positions of Avery 5371/8371 (Letter) or Avery L7414 (A4); see
`workbook.geometry.sheets`. Cards are followed by the crisis-lines card and the
QR code card(s); the last sheet's empty places get cards to fill in by hand.
The entry points that use these sheets are in `build`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
)

from ...geometry import (
    AVERY_5371,
    AVERY_L7414,
    BUSINESS_CARD,
    Block,
    Box,
    GridSpec,
    card_slots,
    cell_boxes,
    fit_stack,
    grid_cut_guides,
    paginate,
)
from ...options import OverflowNote
from ...plan import Paper
from ...text.i18n import N_, translator
from ..content import PrintContent
from ..styles import ACCENT, MUTED
from .content import BlankCard, contact_cards, lines_card
from .draw import (
    SheetFlowable,
    calibration_bar,
    draw_line,
    draw_rows,
    draw_stack,
    guides,
    outline,
    write_in,
)
from .layout import (
    CONTACT_INSET,
    WRITE_IN,
    ContactLayout,
    LinesLayout,
    card_type,
    layout_contact,
    layout_lines,
    measure,
)
from .qr import QrPayload, draw_qr, qr_payloads

GRIDS: dict[Paper, GridSpec] = {Paper.LETTER: AVERY_5371, Paper.A4: AVERY_L7414}

CardItem = ContactLayout | LinesLayout | BlankCard | QrPayload


@dataclass(frozen=True)
class ContactSheets:
    """Every contact card in print order, and where each sheet puts them."""

    spec: GridSpec
    slots: tuple[Box, ...]
    items: tuple[CardItem, ...]
    notes: tuple[OverflowNote, ...]
    large_print: bool
    language: str = "en"  # of the sheet's own words

    @property
    def sheets(self) -> list[range]:
        return paginate(len(self.items), len(self.slots))


def contact_sheets(resolved: PrintContent) -> ContactSheets:
    """Lay out every contact card (no drawing): what goes where, and what did not fit."""
    plan = resolved.plan
    spec = GRIDS[resolved.paper]
    slots = card_slots(spec, BUSINESS_CARD)
    large = resolved.large_print
    notes: list[OverflowNote] = []
    items: list[CardItem] = []
    cards = contact_cards(plan, resolved.language) if plan is not None else []
    for card in cards:
        layout, card_notes = layout_contact(card, large)
        items.append(layout)
        notes += card_notes
    # The crisis-lines card follows the client's choice in the crisis plan.
    if plan is None or plan.crisis_plan.include_standard_lines:
        lines, line_notes = layout_lines(lines_card(resolved), large)
        items.append(lines)
        notes += line_notes
    payloads, qr_notes = qr_payloads(cards)
    items += payloads
    notes += qr_notes
    # Empty places on the last sheet become cards to fill in by hand.
    items += [BlankCard()] * (-len(items) % len(slots))
    return ContactSheets(spec, slots, tuple(items), tuple(notes), large, resolved.language)


class ContactSheet(SheetFlowable):
    """One sheet of ten contact cards; occupies a whole "fullpage" frame."""

    def __init__(self, sheets: ContactSheets, index: int) -> None:
        super().__init__()
        self.sheets = sheets
        self.index = index

    def draw_sheet(self, canv: Canvas) -> None:
        sheets = self.sheets
        chosen = sheets.sheets[self.index]
        slots = sheets.slots
        for slot, item_index in zip(slots, chosen, strict=False):
            _draw_card(canv, slot, sheets.items[item_index], sheets.large_print, sheets.language)
        # Cut where the sheet's own pieces are cut (on A4, 1.5 mm around each card).
        guides(canv, grid_cut_guides(cell_boxes(sheets.spec), sheets.spec.page))
        _draw_margins(canv, sheets, self.index)


def _draw_margins(canv: Any, sheets: ContactSheets, index: int) -> None:
    """Instructions above the cards, calibration bar and sheet number below them."""
    slots, page = sheets.slots, sheets.spec.page
    cards_top = max(s.top for s in slots)
    cards_bottom = min(s.y for s in slots)
    columns = sorted({(round(s.x, 3), round(s.right, 3)) for s in slots})
    left_col, right_col = columns[0], columns[-1]
    size = 7.0
    top_baseline = cards_top + (page.height - cards_top) / 2 - size * 0.35
    words = translator(sheets.language)
    draw_line(canv, (left_col[0] + left_col[1]) / 2, top_baseline,
              words.gettext("Print at 100% (\u201cActual size\u201d). Cut along the guides."),
              size, color=MUTED, align="centre")
    count = len(sheets.sheets)
    sheet_label = words.gettext("Contact cards")
    if count > 1:
        sheet_label = words.gettext("Contact cards, sheet {number} of {total}").format(
            number=index + 1, total=count)
    draw_line(canv, (right_col[0] + right_col[1]) / 2, top_baseline, sheet_label, size,
              color=MUTED, align="centre")
    bar_y = cards_bottom / 2 - 1.7
    calibration_bar(canv, left_col[0] + 14, bar_y, size, language=sheets.language)
    draw_line(canv, (right_col[0] + right_col[1]) / 2, bar_y,
              words.gettext("Fits {sheet}").format(sheet=words.gettext(sheets.spec.name)),
              6.5, color=MUTED, align="centre")


def _draw_card(canv: Any, slot: Box, item: CardItem, large: bool, language: str) -> None:
    words = translator(language)
    outline(canv, slot)
    area = slot.inset(CONTACT_INSET)
    if isinstance(item, ContactLayout):
        draw_stack(canv, item.stack, area, {"phone": ACCENT, "role": MUTED})
        if item.write_in:
            y = area.top - item.stack.height - WRITE_IN + 6
            write_in(canv, area.x, y, area.width, words.gettext("Phone"),
                     card_type(large).detail)
    elif isinstance(item, LinesLayout):
        draw_stack(canv, item.heading, area, {"title": ACCENT})
        rows_area = Box(area.x, area.y, area.width, area.height - item.heading.height - 6)
        draw_rows(canv, item.rows, rows_area)
    elif isinstance(item, QrPayload):
        _draw_qr_card(canv, area, item, large, language)
    else:
        _draw_blank_card(canv, area, large, language)


BLANK_LABELS = (N_("Name"), N_("Who they are"), N_("Phone"), N_("Helps with"),
                N_("Best time to call"))


def _draw_blank_card(canv: Any, area: Box, large: bool, language: str) -> None:
    size = card_type(large).detail
    step = area.height / len(BLANK_LABELS)
    words = translator(language)
    for i, label in enumerate(words.gettext(label) for label in BLANK_LABELS):
        baseline = area.top - (i + 1) * step + step * 0.3
        write_in(canv, area.x, baseline, area.width, label, size)


def _draw_qr_card(canv: Any, area: Box, payload: QrPayload, large: bool, language: str) -> None:
    words = translator(language)
    side = area.height
    draw_qr(canv, payload, area.x - 2, area.y, side)  # the quiet zone is white anyway
    t = card_type(large)
    text_area = Box(area.x + side + 4, area.y, area.width - side - 4, area.height)
    count = len(payload.names)
    blocks = [
        Block("title", words.gettext("Save these numbers in your phone"), t.role + 1,
              t.contact_min,
              bold=True, max_lines=3),
        Block("how", words.gettext("Open the camera and point it at the code."), t.contact_min,
              t.contact_min, max_lines=3, space_before=3),
        Block("names", ", ".join(payload.names), t.contact_min, t.contact_min,
              max_lines=6, space_before=3,
              label=words.ngettext("{count} contact: ", "{count} contacts: ", count)
              .format(count=count)),
    ]
    layout = fit_stack(blocks, text_area.width, text_area.height, measure)
    draw_stack(canv, layout, text_area, {"title": ACCENT})


def contact_flowables(resolved: PrintContent) -> tuple[list[Flowable],
                                                                          list[OverflowNote]]:
    sheets = contact_sheets(resolved)
    flowables: list[Flowable] = []
    for index in range(len(sheets.sheets)):
        if index:
            flowables.append(PageBreak())
        flowables.append(ContactSheet(sheets, index))
    return flowables, list(sheets.notes)


