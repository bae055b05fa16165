"""Card geometry: sizes, sheet grids, cut guides and fit-to-box text layout.

Pure and exact (points converted from published inches and millimetres);
nothing here imports ReportLab, so every number is unit-tested on its own.
"""

from .fit import (
    ELLIPSIS,
    Block,
    Measure,
    PlacedBlock,
    PlacedRow,
    Row,
    RowsLayout,
    StackLayout,
    break_text,
    fit_rows,
    fit_stack,
    normalise,
    shorten,
    wrap,
    wrap_shortened,
)
from .sheets import (
    A4,
    AVERY_5371,
    AVERY_L7414,
    BUSINESS_CARD,
    ID1_CARD,
    ID1_CORNER_RADIUS,
    LETTER,
    PAGE_SIZES,
    CardLayoutError,
    GridSpec,
    Line,
    WalletSlot,
    card_slots,
    cell_boxes,
    crop_marks,
    grid_cut_guides,
    paginate,
    wallet_slots,
)
from .units import EPSILON, POINTS_PER_INCH, POINTS_PER_MM, Box, Size, inch, mm, to_mm

__all__ = [
    "A4", "AVERY_5371", "AVERY_L7414", "BUSINESS_CARD", "ELLIPSIS", "EPSILON", "ID1_CARD",
    "ID1_CORNER_RADIUS", "LETTER", "PAGE_SIZES", "POINTS_PER_INCH", "POINTS_PER_MM", "Block", "Box",
    "CardLayoutError", "GridSpec", "Line", "Measure", "PlacedBlock", "PlacedRow", "Row",
    "RowsLayout", "Size", "StackLayout", "WalletSlot", "break_text", "card_slots", "cell_boxes",
    "crop_marks", "fit_rows", "fit_stack", "grid_cut_guides", "inch", "mm", "normalise",
    "paginate", "shorten", "to_mm", "wallet_slots", "wrap", "wrap_shortened",
]
