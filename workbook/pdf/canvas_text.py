"""User text drawn straight on the canvas (footer lines), with font fallback."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .fonts import bold_of
from .markup import clean, segments, text_width

Align = Literal["left", "centre", "right"]

ELLIPSIS = "…"


@dataclass(frozen=True)
class Line:
    """One line of text split into font runs, measured once and drawn many times."""

    runs: tuple[tuple[str, str, float], ...]  # (font alias, text, width)
    size: float
    width: float


def prepare(text: str, size: float, *, bold: bool = False) -> Line:
    line = clean(text).replace("\n", " ")
    runs = []
    for font, run in segments(line):
        name = bold_of(font) if bold else font
        runs.append((name, run, pdfmetrics.stringWidth(run, name, size)))
    return Line(tuple(runs), size, sum(r[2] for r in runs))


def draw_line(canv: Canvas, x: float, y: float, line: Line, align: Align = "left") -> None:
    if align == "right":
        x -= line.width
    elif align == "centre":
        x -= line.width / 2
    for name, run, width in line.runs:
        canv.setFont(name, line.size)
        canv.drawString(x, y, run)
        x += width


def draw_text(
    canv: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: Align = "left",
) -> float:
    """Draw one line of plain `text` in the current fill colour; return its width."""
    line = clean(text).replace("\n", " ")
    width = text_width(line, size, bold)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for font, run in segments(line):
        name = bold_of(font) if bold else font
        canv.setFont(name, size)
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)
    return width


def fit_text(text: str, size: float, width: float, *, bold: bool = False) -> str:
    """`text` on one line, shortened with an ellipsis to fit `width` points."""
    line = " ".join(clean(text).split())
    if text_width(line, size, bold) <= width:
        return line
    # Binary search on the length: names can be long and widths are not linear.
    low, high = 0, len(line)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(line[:mid].rstrip() + ELLIPSIS, size, bold) <= width:
            low = mid
        else:
            high = mid - 1
    return line[:low].rstrip() + ELLIPSIS if low else ""
