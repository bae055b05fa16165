"""Canvas drawing shared by the card sheets: text lines, outlines, guides, calibration bar.

Every user string is drawn run by run in the face that has its characters
(`markup.segments`), so names in Vietnamese, Chinese or with emoji print.
Geometry comes from `workbook.geometry`; nothing here decides a position.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ...geometry import Box, Line, RowsLayout, StackLayout, mm
from ...geometry.fit import NOTE_INDENT
from ...text.i18n import N_, translator
from .. import pen
from ..fonts import bold_of, register_fonts
from ..markup import clean, segments, text_width
from ..styles import CUT, INK, MUTED, WRITE_LINE

OUTLINE_WIDTH = 0.5
GUIDE_WIDTH = 0.5
CALIBRATION_LENGTH = mm(50)
CALIBRATION_TEXT = N_("measure me: 50 mm")

FAKE_BOLD = 0.035  # outline width, as a share of the type size, for faces with no bold

# Where the baseline sits in a line box: glyphs (accents included) centred in it.
_ASCENT = 0.80

Align = Literal["left", "right", "centre"]


def draw_line(
    canv: Canvas,
    x: float,
    baseline: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    color: Color = INK,
    align: Align = "left",
) -> float:
    """One line of plain text, font run by font run; returns its width."""
    register_fonts()
    runs: list[tuple[str, str, float, bool]] = []
    for font, run in segments(clean(text).replace("\n", " ")):
        name = bold_of(font) if bold else font
        runs.append((name, run, float(pdfmetrics.stringWidth(run, name, size)), name == font))
    width = sum(run[2] for run in runs)  # as `text_width` adds them up
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    pen.fill(canv, color)
    for name, run, run_width, no_bold_cut in runs:
        if bold and no_bold_cut:
            # A face without a bold cut (Chinese, Japanese, Korean, emoji): outline the
            # glyphs as well as filling them, so a bold name still looks bold.
            canv.saveState()
            canv.setFont(name, size)
            canv.setStrokeColor(color)
            canv.setLineWidth(size * FAKE_BOLD)
            canv.drawString(x, baseline, run, mode=2)
            canv.restoreState()
        else:
            pen.text(canv, ((x, baseline, run),), name, size, size * 1.2)
        x += run_width
    return width


def baseline_of(line_top: float, size: float, line_height: float) -> float:
    return line_top - (line_height - size) / 2 - _ASCENT * size


def draw_stack(
    canv: Canvas,
    layout: StackLayout,
    area: Box,
    colors: Mapping[str, Color] | None = None,
    align: Align = "left",
) -> None:
    """Draw a fitted stack with its top at `area.top`; blocks left off are not drawn."""
    colors = colors or {}
    for block in layout.blocks:
        if block.left_off:
            continue
        color = colors.get(block.key, INK)
        for index, text in enumerate(block.lines):
            top = area.top - block.top - index * block.line_height
            baseline = baseline_of(top, block.size, block.line_height)
            x = area.x
            if block.label and (block.hanging or index == 0):
                if index == 0:
                    draw_line(canv, x, baseline, block.label, block.size, color=MUTED)
                x += block.label_width
            if align == "centre":
                draw_line(canv, area.x + area.width / 2, baseline, text, block.size,
                          bold=block.bold, color=color, align="centre")
            else:
                draw_line(canv, x, baseline, text, block.size, bold=block.bold, color=color)


def draw_rows(canv: Canvas, layout: RowsLayout, area: Box, value_color: Color = INK) -> None:
    """Label left, number right (or the number on the line below, indented)."""
    size, line_height = layout.size, layout.line_height
    for row in layout.rows:
        if row.left_off:
            continue
        top = area.top - row.top
        if row.one_line:
            baseline = baseline_of(top, size, line_height)
            if row.label_lines:
                draw_line(canv, area.x, baseline, row.label_lines[0], size)
            draw_line(canv, area.right, baseline, row.value_lines[0], size, bold=True,
                      color=value_color, align="right")
            _draw_notes(canv, row.note_lines, area, top - line_height, size, line_height)
            continue
        for text in row.label_lines:
            draw_line(canv, area.x, baseline_of(top, size, line_height), text, size)
            top -= line_height
        for text in row.value_lines:
            draw_line(canv, area.right, baseline_of(top, size, line_height), text, size,
                      bold=True, color=value_color, align="right")
            top -= line_height
        _draw_notes(canv, row.note_lines, area, top, size, line_height)


def _draw_notes(canv: Canvas, lines: tuple[str, ...], area: Box, top: float, size: float,
                line_height: float) -> None:
    for text in lines:
        draw_line(canv, area.x + NOTE_INDENT, baseline_of(top, size, line_height), text, size,
                  color=MUTED)
        top -= line_height


def outline(canv: Canvas, box: Box) -> None:
    """A card's cut outline as one rectangle path, exactly the card's size."""
    canv.saveState()
    canv.setStrokeColor(CUT)
    canv.setLineWidth(OUTLINE_WIDTH)
    canv.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
    canv.restoreState()


# Control-point distance for a quarter circle drawn as one cubic Bézier curve.
_KAPPA = 0.5522847498


def rounded_outline(
    canv: Canvas, box: Box, radius: float, open_side: Literal["left", "right"] | None = None
) -> None:
    """A rounded card outline; with `open_side`, that straight edge is left undrawn (a fold).

    The path always includes all four corner arcs, so its bounds are exactly the card.
    """
    x, y, r = box.x, box.y, radius
    right, top = box.right, box.top
    k = r * _KAPPA
    # Corners counter-clockwise from the right edge's top end, each as (line-to, curve).
    segments_ = [
        ((right, top - r), (right, top - r + k, right - r + k, top, right - r, top)),
        ((x + r, top), (x + r - k, top, x, top - r + k, x, top - r)),
        ((x, y + r), (x, y + r - k, x + r - k, y, x + r, y)),
        ((right - r, y), (right - r + k, y, right, y + r - k, right, y + r)),
    ]
    if open_side == "left":  # start after the left edge: at its bottom corner
        segments_ = segments_[2:] + segments_[:2]
    canv.saveState()
    canv.setStrokeColor(CUT)
    canv.setLineWidth(OUTLINE_WIDTH)
    path = canv.beginPath()
    start = segments_[0][0]
    path.moveTo(*start)
    for index, (line_to, curve) in enumerate(segments_):
        if index:
            path.lineTo(*line_to)
        path.curveTo(*curve)
    if open_side is None:
        path.close()
    canv.drawPath(path, stroke=1, fill=0)
    canv.restoreState()


def guides(canv: Canvas, lines: Iterable[Line], dashed: bool = False) -> None:
    canv.saveState()
    canv.setStrokeColor(CUT)
    canv.setLineWidth(GUIDE_WIDTH)
    if dashed:
        canv.setDash([3, 2])
    for line in lines:
        canv.line(line.x1, line.y1, line.x2, line.y2)
    canv.restoreState()


def write_in(canv: Canvas, x: float, y: float, width: float, label: str, size: float) -> None:
    """A labelled line to write on: "Phone ______"."""
    label_w = draw_line(canv, x, y, label, size, color=MUTED) if label else 0.0
    canv.saveState()
    canv.setStrokeColor(WRITE_LINE)
    canv.setLineWidth(0.6)
    start = x + label_w + (3 if label else 0)
    canv.line(start, y - 1, x + width, y - 1)
    canv.restoreState()


def calibration_bar(
    canv: Canvas, x: float, y: float, size: float = 7, language: str = "en"
) -> Box:
    """A bar exactly 50 mm long with "measure me: 50 mm", its bottom-left at (x, y)."""
    height = mm("1.2")
    canv.saveState()
    canv.setFillColor(INK)
    canv.rect(x, y, CALIBRATION_LENGTH, height, stroke=0, fill=1)
    # End ticks make the two ends easy to put a ruler against.
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.5)
    for end in (x, x + CALIBRATION_LENGTH):
        canv.line(end, y - 2, end, y + height + 2)
    canv.restoreState()
    text_x = x + CALIBRATION_LENGTH + 6
    label = translator(language).gettext(CALIBRATION_TEXT)
    draw_line(canv, text_x, y - 1, label, size, color=MUTED)
    width = CALIBRATION_LENGTH + 6 + text_width(label, size, False)
    return Box(x, y - 2, width, height + 4)


def page_origin(canv: Canvas) -> None:
    """Move the origin back to the page's bottom-left corner, wherever the frame put us."""
    x, y = canv.absolutePosition(0, 0)
    canv.translate(-x, -y)


class SheetFlowable(Flowable):  # type: ignore[misc]
    """A whole card sheet: fills its "fullpage" frame and draws in page coordinates."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, avail_height

    def draw(self) -> None:
        page_origin(self.canv)
        self.draw_sheet(self.canv)

    def draw_sheet(self, canv: Canvas) -> None:
        raise NotImplementedError

