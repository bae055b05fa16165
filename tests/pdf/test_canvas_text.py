"""Text drawn straight on the canvas: shortened with an ellipsis to fit."""

from __future__ import annotations

from workbook.pdf.canvas_text import ELLIPSIS, fit_text
from workbook.pdf.fonts import register_fonts
from workbook.pdf.markup import text_width

register_fonts()


def test_fit_text_shortens_with_an_ellipsis() -> None:
    assert fit_text("Jordan R.", 9, 200) == "Jordan R."
    short = fit_text("Jordan " * 40, 9, 100)
    assert short.endswith(ELLIPSIS) and text_width(short, 9) <= 100
