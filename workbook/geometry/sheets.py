"""Card sizes, sheet grids and cut guides, in points. Pure: no drawing here.

Coordinates are PDF page coordinates: the origin is the page's bottom-left
corner and y grows upward. Published sheet specifications measure from the
top-left, so they are converted once, in `card_slots`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.i18n import N_
from .units import EPSILON, Box, Size, inch, mm


class CardLayoutError(ValueError):
    """A card layout cannot be made on its sheet (one line, naming the sheet)."""


# Paper
LETTER = Size(inch("8.5"), inch(11))
A4 = Size(mm(210), mm(297))
# The one table of page sizes, keyed by the plan's paper name ("letter", "a4").
PAGE_SIZES: dict[str, Size] = {"letter": LETTER, "a4": A4}

# Cards
BUSINESS_CARD = Size(inch("3.5"), inch(2))  # US business card, 252 x 144 pt
ID1_CARD = Size(mm("85.60"), mm("53.98"))  # ISO/IEC 7810 ID-1 (bank card), 242.65 x 153.01 pt
ID1_CORNER_RADIUS = mm("3.18")


@dataclass(frozen=True)
class GridSpec:
    """A sheet of die-cut cards as its maker publishes it.

    left/top: from the page's left/top edge to the first cell; cell: one die-cut
    piece; pitch: from one cell's left (top) edge to the next one's.
    """

    name: str
    source: str
    page: Size
    columns: int
    rows: int
    left: float
    top: float
    cell: Size
    pitch_x: float
    pitch_y: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


# Avery 5371 / 8371 business cards, US Letter, 10 per sheet.
# Source: Avery's template for 5371/8371 (and its equivalents 5376, 5871, 8871, 8877...):
# 3.5 x 2 in cards, 2 across and 5 down, 0.75 in left margin, 0.5 in top margin, no gutters.
# The same numbers are in glabels' template data, templates/avery-us-templates.xml
# (github.com/jimevins/glabels-qt, commit 724ad8e): <Template brand="Avery" part="5371">
# width="3.5in" height="2in", Layout nx="2" ny="5" x0="0.75in" y0="0.5in" dx="3.5in" dy="2in".
AVERY_5371 = GridSpec(
    name=N_("Avery 5371/8371 (Letter, 10 business cards of 3.5 x 2 in)"),
    source="glabels-qt templates/avery-us-templates.xml, part 5371",
    page=LETTER,
    columns=2,
    rows=5,
    left=inch("0.75"),
    top=inch("0.5"),
    cell=BUSINESS_CARD,
    pitch_x=inch("3.5"),
    pitch_y=inch(2),
)

# Avery L7414 business cards, A4, 10 per sheet: 90 x 52 mm cards, 2 across and 5 down,
# 15 mm left margin, 18.5 mm top margin, no gutters (15 + 2 x 90 + 15 = 210 mm,
# 18.5 + 5 x 52 + 18.5 = 297 mm).
# Source: glabels' template data, templates/avery-iso-templates.xml
# (github.com/jimevins/glabels-qt, commit 724ad8e): <Template brand="Avery" part="7414"
# size="A4" _description="Business cards"> (L7414 is listed as its equivalent),
# Label-rectangle width="255.1" height="147.4" (points), Layout nx="2" ny="5" x0="42.51"
# y0="52.44" dx="255.1" dy="147.4" -- that is 90 x 52 mm at 15 / 18.5 mm.
# No common A4 10-up sheet has 3.5 x 2 in pieces (Europe uses 85 x 54/55 mm and
# 90 x 50/52 mm cards). L7414's 90 x 52 mm cells are the smallest common A4
# pieces a 3.5 x 2 in card fits in, so the workbook keeps one card size
# everywhere and centres each 3.5 x 2 in card in an L7414 cell: on L7414 stock
# it lands 0.55 mm inside each perforation, on plain A4 the cut guides show it.
AVERY_L7414 = GridSpec(
    name=N_("Avery L7414 (A4, 10 business cards of 90 x 52 mm)"),
    source="glabels-qt templates/avery-iso-templates.xml, part 7414 / L7414",
    page=A4,
    columns=2,
    rows=5,
    left=mm(15),
    top=mm("18.5"),
    cell=Size(mm(90), mm(52)),
    pitch_x=mm(90),
    pitch_y=mm(52),
)


def cell_boxes(spec: GridSpec) -> tuple[Box, ...]:
    """The sheet's die-cut pieces in reading order (top row first, left to right)."""
    _check_grid(spec)
    boxes = []
    for row in range(spec.rows):
        top = spec.page.height - spec.top - row * spec.pitch_y
        for column in range(spec.columns):
            x = spec.left + column * spec.pitch_x
            boxes.append(Box(x, top - spec.cell.height, spec.cell.width, spec.cell.height))
    return tuple(boxes)


def card_slots(spec: GridSpec, card: Size) -> tuple[Box, ...]:
    """Where cards of size `card` go on the sheet: centred in each cell, reading order."""
    if card.width > spec.cell.width + EPSILON or card.height > spec.cell.height + EPSILON:
        raise CardLayoutError(
            f"{spec.name}: a {card.width:.2f} x {card.height:.2f} pt card does not fit its "
            f"{spec.cell.width:.2f} x {spec.cell.height:.2f} pt pieces"
        )
    slots = []
    for cell in cell_boxes(spec):
        slots.append(
            Box(
                cell.x + (cell.width - card.width) / 2,
                cell.y + (cell.height - card.height) / 2,
                card.width,
                card.height,
            )
        )
    return tuple(slots)


def _check_grid(spec: GridSpec) -> None:
    if spec.columns < 1 or spec.rows < 1:
        raise CardLayoutError(f"{spec.name}: a sheet needs at least one row and one column")
    if spec.left < 0 or spec.top < 0:
        raise CardLayoutError(f"{spec.name}: the first card starts outside the sheet")
    if spec.columns > 1 and spec.pitch_x < spec.cell.width - EPSILON:
        raise CardLayoutError(f"{spec.name}: neighboring columns overlap")
    if spec.rows > 1 and spec.pitch_y < spec.cell.height - EPSILON:
        raise CardLayoutError(f"{spec.name}: neighboring rows overlap")
    right = spec.left + (spec.columns - 1) * spec.pitch_x + spec.cell.width
    bottom = spec.top + (spec.rows - 1) * spec.pitch_y + spec.cell.height
    if right > spec.page.width + EPSILON:
        raise CardLayoutError(
            f"{spec.name}: {spec.columns} columns need {right:.1f} pt but the sheet is "
            f"{spec.page.width:.1f} pt wide"
        )
    if bottom > spec.page.height + EPSILON:
        raise CardLayoutError(
            f"{spec.name}: {spec.rows} rows need {bottom:.1f} pt but the sheet is "
            f"{spec.page.height:.1f} pt tall"
        )


def paginate(count: int, per_sheet: int) -> list[range]:
    """Indexes of the items on each sheet; items that do not fit continue on the next sheet."""
    if per_sheet < 1:
        raise CardLayoutError("a sheet must hold at least one card")
    return [range(start, min(start + per_sheet, count)) for start in range(0, count, per_sheet)]


# --------------------------------------------------------------------------- cut guides


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float

    def bounds(self) -> Box:
        x, y = min(self.x1, self.x2), min(self.y1, self.y2)
        return Box(x, y, abs(self.x2 - self.x1), abs(self.y2 - self.y1))


# Printers cannot print right to the paper's edge; guides stop this far from it.
PRINTER_MARGIN = mm(5)
GUIDE_GAP = mm("1.5")  # between a card's edge and its cut guide
GUIDE_LENGTH = mm(6)


def grid_cut_guides(
    cards: Sequence[Box],
    page: Size,
    gap: float = GUIDE_GAP,
    length: float = GUIDE_LENGTH,
    printer_margin: float = PRINTER_MARGIN,
) -> list[Line]:
    """Short guides in the margins around a block of abutting cards, one per cut.

    Every card edge is extended into the page margins (never across a card), so
    plain paper can be cut with a ruler from guide to guide.
    """
    if not cards:
        return []
    left = min(c.x for c in cards)
    right = max(c.right for c in cards)
    bottom = min(c.y for c in cards)
    top = max(c.top for c in cards)
    xs = sorted({round(v, 6) for c in cards for v in (c.x, c.right)})
    ys = sorted({round(v, 6) for c in cards for v in (c.y, c.top)})
    lines: list[Line] = []

    def span(start: float, toward_edge: float) -> tuple[float, float] | None:
        """From `gap` beyond the cards toward the page edge, stopping short of it."""
        direction = 1 if toward_edge > start else -1
        begin = start + direction * gap
        room = abs(toward_edge - begin) - printer_margin
        size = min(length, room)
        if size < mm(2):
            return None
        return begin, begin + direction * size

    for x in xs:
        for start, edge in ((top, page.height), (bottom, 0.0)):
            part = span(start, edge)
            if part:
                lines.append(Line(x, part[0], x, part[1]))
    for y in ys:
        for start, edge in ((left, 0.0), (right, page.width)):
            part = span(start, edge)
            if part:
                lines.append(Line(part[0], y, part[1], y))
    return lines


def crop_marks(box: Box, gap: float = GUIDE_GAP, length: float = GUIDE_LENGTH) -> list[Line]:
    """Corner marks around one free-standing card (or folded pair), outside it."""
    lines = []
    for x, xdir in ((box.x, -1), (box.right, 1)):
        for y, ydir in ((box.y, -1), (box.top, 1)):
            lines.append(Line(x, y + ydir * gap, x, y + ydir * (gap + length)))
            lines.append(Line(x + xdir * gap, y, x + xdir * (gap + length), y))
    return lines


# --------------------------------------------------------------------------- wallet card sheets


@dataclass(frozen=True)
class WalletSlot:
    """One wallet card on a sheet.

    Single-sided: front and back side by side, sharing the fold edge (front
    left, back right; folded like a book, back behind front). Duplex: the back
    is on the next page, mirrored left-to-right so it prints behind its front
    when the printer flips on the long edge.
    """

    front: Box
    back: Box

    @property
    def outline(self) -> Box:
        """The area to cut out (both faces when they share a sheet)."""
        x = min(self.front.x, self.back.x)
        y = min(self.front.y, self.back.y)
        right = max(self.front.right, self.back.right)
        top = max(self.front.top, self.back.top)
        return Box(x, y, right - x, top - y)

    @property
    def fold_x(self) -> float:
        return self.front.right


# Room kept free at the top (instructions) and bottom (calibration bar) of a wallet sheet.
WALLET_HEADER = mm(32)
WALLET_FOOTER = mm(20)
WALLET_GAP = mm(14)  # between copies: room for both copies' cut marks


def wallet_slots(page: Size, duplex: bool, card: Size = ID1_CARD) -> tuple[WalletSlot, ...]:
    """Every wallet-card position one sheet holds, top to bottom (then left to right)."""
    unit = Size(card.width if duplex else 2 * card.width, card.height)
    usable_width = page.width - 2 * PRINTER_MARGIN
    usable_height = page.height - WALLET_HEADER - WALLET_FOOTER
    columns = min(2, math.floor((usable_width + WALLET_GAP) / (unit.width + WALLET_GAP) + 1e-9))
    rows = math.floor((usable_height + WALLET_GAP) / (unit.height + WALLET_GAP) + 1e-9)
    if columns < 1 or rows < 1:
        raise CardLayoutError(
            f"a {page.width:.0f} x {page.height:.0f} pt sheet cannot hold a wallet card"
        )
    block_width = columns * unit.width + (columns - 1) * WALLET_GAP
    left = (page.width - block_width) / 2
    slots = []
    for column in range(columns):
        for row in range(rows):
            x = left + column * (unit.width + WALLET_GAP)
            top = page.height - WALLET_HEADER - row * (unit.height + WALLET_GAP)
            front = Box(x, top - unit.height, card.width, card.height)
            if duplex:
                back = front.mirrored(page.width)
            else:
                back = Box(front.right, front.y, card.width, card.height)
            slots.append(WalletSlot(front, back))
    return tuple(slots)
