"""User text drawn straight on the canvas (footer lines), with font fallback."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ..geometry.fit import ELLIPSIS, shorten
from . import pen
from .fonts import bold_of
from .markup import clean, segments, text_width

Align = Literal["left", "centre", "right"]

__all__ = ["ELLIPSIS", "Align", "Line", "draw_line", "fit_text", "prepare"]


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
        # What drawString writes, without its text object's machinery.
        pen.text(canv, ((x, y, run),), name, line.size, line.size * 1.2)
        x += width


def fit_text(text: str, size: float, width: float, *, bold: bool = False) -> str:
    """`text` on one line, shortened with an ellipsis to fit `width` points."""
    return shorten(" ".join(clean(text).split()), width, size, bold, text_width)
